"""Find (Ctrl+F) in the tab shown: a matrix's evidence and hypotheses, the case's evidence, the
sources' texts.

Each searchable page offers ``find_matches(query)``, the places where the query occurs in
the order a reader meets them, and ``show_match(match)``, which puts the cursor (or the
selection) on one. The bar counts the matches, goes to the first as the analyst types,
and steps with Enter and Shift+Enter (or F3 and Shift+F3); Esc closes it.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget
from sat_tool.ui import theme



class Searchable(Protocol):
    def find_matches(self, query: str) -> list[Any]: ...

    def show_match(self, match: Any) -> None: ...


def folded(text: str) -> str:
    """Text compared without regard to case or spacing."""
    return " ".join(text.split()).casefold()


class FindBar(QWidget):
    """The find field with its count and its previous / next buttons."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: Searchable | None = None
        self.matches: list[Any] = []
        self.position = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find…"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Find"))
        self.field.setMinimumWidth(220)
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setMinimumWidth(70)
        self.previous = QToolButton(self)
        self.previous.setText("▲")
        self.previous.setToolTip(self.tr("Previous match (Shift+Enter, Shift+F3)"))
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next = QToolButton(self)
        self.next.setText("▼")
        self.next.setToolTip(self.tr("Next match (Enter, F3)"))
        self.next.clicked.connect(lambda: self.step(1))
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.field, self.count, self.previous, self.next, close):
            layout.addWidget(widget)
        self.hide()

    def open_on(self, target: Searchable | None) -> None:
        """Show the bar for a page, the field ready for typing (its text kept and selected)."""
        self.target = target
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def search(self, text: str) -> None:
        query = folded(text)
        self.matches = self.target.find_matches(query) if query and self.target else []
        self.position = -1
        if self.matches:
            self.step(1)
        self._show_count(bool(query))

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (−1) match, round the end."""
        if not self.matches or self.target is None:
            return
        self.position = (self.position + direction) % len(self.matches)
        self.target.show_match(self.matches[self.position])
        self._show_count(True)
        self.field.setFocus()

    def _show_count(self, searched: bool) -> None:
        if not searched:
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(self.tr("{position} of {count}").format(
                position=self.position + 1, count=len(self.matches)))
        self.field.setStyleSheet("" if self.matches or not searched else theme.error_field())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        if watched is self.field and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self.step(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
