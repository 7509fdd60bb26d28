"""Long work off the GUI thread, with a progress dialog while it runs."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Worker(QObject):
    done = Signal(object, object)
    """(result, exception): exactly one of them is None."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # reported to the caller, never lost  # noqa: BLE001
            result, error = None, exc
        else:
            error = None
        self.moveToThread(QCoreApplication.instance().thread())  # to be deleted where it was made
        self.done.emit(result, error)


class _Receiver(QObject):
    """Lives in the GUI thread, so the worker's signal arrives queued, inside the event loop."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.outcome: tuple[Any, BaseException | None] | None = None

    @Slot(object, object)
    def finish(self, result: Any, error: BaseException | None) -> None:
        self.outcome = (result, error)
        self.loop.quit()


class _BusyDialog(QProgressDialog):
    """A progress dialog that cannot be closed while the work runs (Escape included)."""

    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        event.ignore()


def run_with_progress(parent: QWidget | None, label: str, work: Callable[[], Any]) -> Any:
    """Run ``work`` in a thread behind a modal progress dialog; return its result or raise.

    The dialog is modal from the start, so no edit, second export or quit can
    slip in while the work runs. ``work`` must not touch widgets: give it copies.
    """
    dialog = _BusyDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Progress", "SAT Tool"))
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    # Python's collector may run in whichever thread allocates; if it ran in the worker it
    # could destroy Qt objects that belong to the GUI thread, so it waits until the work is done.
    collecting = gc.isenabled()
    gc.disable()
    thread = QThread()
    worker = _Worker(work)
    worker.moveToThread(thread)
    loop = QEventLoop()
    receiver = _Receiver(loop)
    worker.done.connect(receiver.finish)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    if collecting:
        gc.enable()
    dialog.hide()
    dialog.deleteLater()
    assert receiver.outcome is not None
    result, error = receiver.outcome
    if error is not None:
        raise error
    return result
