"""The Qt binding must not lose references to Python's singletons.

PySide6 6.12.0 dropped a reference to None on each QModelIndex.data() that
returned None, and to True on each signal delivered to a Python slot; the
interpreter then aborts once a count reaches zero (seconds of scrolling the
matrix). The project pins a version without the bug; this test notices if an
upgrade brings it back. It makes 200 calls, few enough that a faulty binding
fails here instead of aborting the run, and allows a little noise from other
objects coming and going (the bug loses one reference per call).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal


CALLS = 200
NOISE = 20


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        return None


class _Emitter(QObject):
    ratings = Signal(int, list)
    flag = Signal(bool)


def test_model_data_returning_none_keeps_none_alive(qapp):
    """Asking a Python model for data it does not have does not consume references to None."""
    model = _Model()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        index.data(Qt.ItemDataRole.DecorationRole)
    assert sys.getrefcount(None) > before - NOISE


def test_signals_to_python_slots_keep_true_and_none_alive(qapp):
    """Delivering signals to Python slots does not consume references to True, False or None."""
    emitter = _Emitter()
    emitter.ratings.connect(lambda _a, _b: None)
    emitter.flag.connect(lambda _a: None)
    before = {name: sys.getrefcount(value) for name, value in
              (("None", None), ("True", True), ("False", False))}
    for _ in range(CALLS):
        emitter.ratings.emit(1, [(1, 2)])
        emitter.flag.emit(True)
    after = {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
             "False": sys.getrefcount(False)}
    assert all(after[name] > before[name] - NOISE for name in before), (before, after)
