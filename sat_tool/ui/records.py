"""A table model over a list of domain records (the case's sources and evidence)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from sat_tool.ui.models import AnyIndex, ObjectRole, SortRole
from sat_tool.ui.sync import report_rows


def natural_key(text: str) -> str:
    """A sort key that orders E2 before E10: every run of digits is padded to a fixed width."""
    return re.sub(r"\d+", lambda m: m.group(0).zfill(12), text.lower())


class RecordsModel(QAbstractTableModel):
    """A table of domain records (sources, case evidence) with declared columns.

    ``records`` returns the current list; ``key`` identifies a record so that a
    single insertion, removal or move is reported narrowly. ``changed`` is the signal after
    which the list is read again: with ``kind``, the document's change event, read again
    when it names that kind.
    """

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any]]],
                 records: Callable[[], Sequence[Any]], key: Callable[[Any], Any],
                 changed: Any, parent: Any = None, kind: str | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records = records
        self._key = key
        self._keys = [key(r) for r in records()]
        self._by_key: dict[Any, Any] = {}
        self._indexed: tuple[Any, Any] | None = None
        """Which list (and which state of it) the index was made from."""
        # a signal of its own, or the document's change event with the kind to refresh on
        changed.connect(self.refresh if kind is None else
                        (lambda changes: kind in changes and self.refresh()))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def record(self, row: int) -> Any:
        """The domain record shown in a row (StopIteration when it has just gone).

        Looked up by key in an index of the records, made again whenever it misses
        or names a record that no longer carries the key.
        """
        key = self._keys[row]
        records = self._records()
        state = (records, getattr(records, "changes", None))
        same = self._indexed is not None and self._indexed[0] is records and \
            self._indexed[1] == state[1]
        found = self._by_key.get(key) if same else None
        if found is None or self._key(found) != key:
            self._by_key = {self._key(r): r for r in records}
            self._indexed = state
            found = self._by_key.get(key)
            if found is None:
                raise StopIteration
        return found

    def key_at(self, row: int) -> Any:
        """The key of the record shown in a row."""
        return self._keys[row]

    def row_of(self, key: Any) -> int:
        """The row showing the record with this key, or -1."""
        return self._keys.index(key) if key in self._keys else -1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        try:
            item = self.record(index.row())
        except StopIteration:
            return None
        if role == ObjectRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, SortRole, Qt.ItemDataRole.ToolTipRole):
            value = self._columns[index.column()][1](item)
            text = "" if value is None else str(value)
            return natural_key(text) if role == SortRole else text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None

    def refresh(self) -> None:
        """Re-read the records and report what changed."""
        self._indexed = None
        new = [self._key(r) for r in self._records()]
        report_rows(self, self._keys, new, lambda keys: setattr(self, "_keys", keys))
        if self._keys:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._keys) - 1, len(self._columns) - 1))
