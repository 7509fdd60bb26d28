"""Turning a change of an item list into the narrowest Qt model notification."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex


def sync_list(old: Sequence[Any], new: Sequence[Any], insert: Callable[[int], None],
              remove: Callable[[int], None], move: Callable[[int, int], None],
              reset: Callable[[], None]) -> bool:
    """Name the single step from ``old`` to ``new`` (insert, remove or move of one item).

    Calls the matching callback and returns True; calls ``reset`` and returns
    False when the change is anything else. Equal lists call nothing. Linear in
    the length of the lists: only the first place where they differ can be the step.
    """
    old, new = list(old), list(new)
    if old == new:
        return True
    first = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    if len(new) == len(old) + 1:
        if new[:first] + new[first + 1:] == old:
            insert(first)
            return True
    elif len(new) == len(old) - 1:
        if old[:first] + old[first + 1:] == new:
            remove(first)
            return True
    elif len(new) == len(old) and first < len(old):
        # Either the item at ``first`` went further down, or a later item came up to ``first``.
        candidates = [(first, new.index(old[first]) if old[first] in new else -1),
                      (old.index(new[first]) if new[first] in old else -1, first)]
        for i, j in candidates:
            if i < 0 or j < 0 or i == j:
                continue
            rest = old[:i] + old[i + 1:]
            if new[:j] + new[j + 1:] == rest and new[j] == old[i]:
                move(i, j)
                return True
    reset()
    return False


def report_rows(model: QAbstractTableModel, old: Sequence[Any], new: list[Any],
                store: Callable[[list[Any]], None]) -> None:
    """Tell a model's views how its rows went from ``old`` to ``new`` keys; ``store`` keeps them."""

    def insert(i: int) -> None:
        model.beginInsertRows(QModelIndex(), i, i)
        store(new)
        model.endInsertRows()

    def remove(i: int) -> None:
        model.beginRemoveRows(QModelIndex(), i, i)
        store(new)
        model.endRemoveRows()

    def move(i: int, j: int) -> None:
        model.beginMoveRows(QModelIndex(), i, i, QModelIndex(), j + 1 if j > i else j)
        store(new)
        model.endMoveRows()

    def reset() -> None:
        model.beginResetModel()
        store(new)
        model.endResetModel()

    sync_list(old, new, insert, remove, move, reset)


def report_columns(model: QAbstractTableModel, old: Sequence[Any], new: list[Any],
                   store: Callable[[list[Any]], None], offset: int = 0) -> None:
    """Tell a model's views how its columns from ``offset`` on went from ``old`` to ``new``."""

    def insert(i: int) -> None:
        model.beginInsertColumns(QModelIndex(), offset + i, offset + i)
        store(new)
        model.endInsertColumns()

    def remove(i: int) -> None:
        model.beginRemoveColumns(QModelIndex(), offset + i, offset + i)
        store(new)
        model.endRemoveColumns()

    def move(i: int, j: int) -> None:
        dest = offset + (j + 1 if j > i else j)
        model.beginMoveColumns(QModelIndex(), offset + i, offset + i, QModelIndex(), dest)
        store(new)
        model.endMoveColumns()

    def reset() -> None:
        model.beginResetModel()
        store(new)
        model.endResetModel()

    sync_list(old, new, insert, remove, move, reset)
