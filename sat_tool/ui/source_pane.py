"""The source pane: read a source, see the passages evidence quotes, add new evidence from it.

Passages quoted by evidence items are highlighted; hovering one shows its
evidence, clicking it asks the case view to show that evidence row. Selecting
a passage and choosing *Add as evidence* creates an evidence item carrying
exactly that quote and its position in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sat_tool.domain.changes import Kind
from sat_tool.domain.model import Evidence, Source, SourceId, locate_quote
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.records import RecordsModel
from sat_tool.ui import theme

MAX_MATCHES = 10_000
"""Matches of one search that are listed."""



def utf16_offset(text: str, index: int) -> int:
    """The Qt (UTF-16) position of a Python string index."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def python_index(text: str, position: int) -> int:
    """The Python string index of a Qt (UTF-16) position."""
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


@dataclass(frozen=True)
class QuotedPassage:
    """Where an evidence item's quote stands in its source (Python indexes)."""

    evidence: Evidence
    start: int
    end: int


def quoted_passages(source: Source, evidence: list[Evidence]) -> list[QuotedPassage]:
    """The passages of a source quoted by evidence items, in text order."""
    found = []
    for item in evidence:
        if item.source_id != source.id or not item.quote:
            continue
        start = locate_quote(source.text, item.quote, item.quote_start)
        if start is not None:
            found.append(QuotedPassage(item, start, start + len(item.quote)))
    return sorted(found, key=lambda p: (p.start, p.end))


class SourceReader(QPlainTextEdit):
    """Read-only text of one source with its quoted passages highlighted."""

    passageClicked = Signal(int)
    """The evidence id whose highlighted passage was clicked."""
    addEvidenceRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        self.source_text = ""
        self.passages: list[QuotedPassage] = []
        self.current_evidence: int | None = None
        self.viewport().installEventFilter(self)

    def show_source(self, source: Source | None, passages: list[QuotedPassage]) -> None:
        """Show a source's text and highlight its quoted passages."""
        text = source.text if source else ""
        if text != self.source_text:
            self.source_text = text
            self.setPlainText(text)
        self.passages = passages
        self._paint()

    def mark(self, evidence_id: int | None) -> None:
        """Highlight one evidence item's passage more strongly and scroll to it."""
        self.current_evidence = evidence_id
        self._paint()
        for passage in self.passages:
            if passage.evidence.id == evidence_id:
                cursor = self.textCursor()
                cursor.setPosition(utf16_offset(self.source_text, passage.start))
                self.setTextCursor(cursor)
                self.centerCursor()

    def _paint(self) -> None:
        selections = []
        for passage in self.passages:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(utf16_offset(self.source_text, passage.start))
            cursor.setPosition(utf16_offset(self.source_text, passage.end),
                               QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            current = passage.evidence.id == self.current_evidence
            fill, ink = theme.passage(current)
            fmt.setBackground(fill)
            fmt.setForeground(ink)  # the palette's text may be light: the ink reads on the fill
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self.setExtraSelections(selections)

    def passages_at(self, position: int) -> list[QuotedPassage]:
        """The quoted passages at a Qt text position, shortest first (they may overlap)."""
        index = python_index(self.source_text, position)
        hits = [p for p in self.passages if p.start <= index < p.end]
        return sorted(hits, key=lambda p: (p.end - p.start, p.evidence.number))

    def selected_passage(self) -> tuple[int, str] | None:
        """The selection as (start index, exact text), trimmed of surrounding white space."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = python_index(self.source_text, cursor.selectionStart())
        end = python_index(self.source_text, cursor.selectionEnd())
        chunk = self.source_text[start:end]
        stripped = chunk.strip()
        if not stripped:
            return None
        return start + (len(chunk) - len(chunk.lstrip())), stripped

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.viewport():
            if event.type() == QEvent.Type.ToolTip:
                hits = self.passages_at(self.cursorForPosition(event.pos()).position())  # type: ignore[attr-defined]
                if hits:
                    lines = [f"{p.evidence.label}: {p.evidence.text}" for p in hits]
                    QToolTip.showText(event.globalPos(), "\n".join(  # type: ignore[attr-defined]
                        [*lines, self.tr("Click to show this evidence.")]), self)
                else:
                    QToolTip.hideText()
                return True
            if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
                if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
                    point = event.position().toPoint()
                    self._activate(self.passages_at(self.cursorForPosition(point).position()), point)
        return super().eventFilter(watched, event)

    def _activate(self, hits: list[QuotedPassage], point: QPoint) -> None:
        """One passage: show its evidence; several quoting the same words: let the user pick."""
        if len(hits) == 1:
            self.passageClicked.emit(hits[0].evidence.id)
        elif hits:
            menu = QMenu(self)
            for passage in hits:
                item = passage.evidence
                menu.addAction(f"{item.label}: {_clip(item.text)}",
                               lambda eid=item.id: self.passageClicked.emit(eid))
            menu.popup(self.viewport().mapToGlobal(point))

    def contextMenuEvent(self, event) -> None:  # noqa: ANN001, N802
        menu = self.createStandardContextMenu(event.pos())
        action = menu.addAction(self.tr("Add as evidence…"))
        action.setEnabled(self.selected_passage() is not None)
        action.triggered.connect(self.addEvidenceRequested)
        menu.exec(event.globalPos())


class SourcesPane(QWidget):
    """The case's sources on the left, the one selected on the right."""

    evidenceActivated = Signal(int)
    """An evidence id the user wants to see in the matrix."""
    addSourceRequested = Signal()
    importSourceRequested = Signal()
    editSourceRequested = Signal(object)
    deleteSourceRequested = Signal(object)
    addEvidenceRequested = Signal(object, int, str)
    """(source, start index, quote) for a new evidence item."""

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = RecordsModel([(self.tr("Source"), _source_line)], lambda: doc.case.sources,
                                  lambda s: s.id, doc.changed, self, kind=Kind.SOURCES)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setOpenExternalLinks(True)
        self.reliability = QLabel(self)
        self.reliability.setWordWrap(True)
        self.reliability.setStyleSheet(theme.note_box() + " padding: 6px;")
        self.reader = SourceReader(self)
        self.add_evidence_button = QPushButton(self.tr("Add selection as evidence…"))
        self.add_evidence_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setStyleSheet(f"color: {theme.muted()};")
        self._build()
        self._connect()
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.refresh()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, signal in (("add", self.tr("Add…"), self.addSourceRequested),
                                   ("import", self.tr("Open file…"), self.importSourceRequested)):
            button = QPushButton(text)
            button.clicked.connect(signal)
            buttons.addWidget(button)
            self.buttons[name] = button
        for name, text, signal in (("edit", self.tr("Edit…"), self.editSourceRequested),
                                   ("delete", self.tr("Delete"), self.deleteSourceRequested)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=signal: self._emit_current(s))
            buttons.addWidget(button)
            self.buttons[name] = button
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Sources"))
        heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        left_layout.addWidget(heading)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.reliability)
        right_layout.addWidget(self.reader, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.add_evidence_button)
        right_layout.addLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.list.selectionModel().currentChanged.connect(lambda *_: self.refresh())
        self.list.doubleClicked.connect(lambda _: self._emit_current(self.editSourceRequested))
        self.doc.changed.connect(lambda changes: (Kind.SOURCES in changes or Kind.EVIDENCE in changes)
                                 and self.refresh())
        self.reader.passageClicked.connect(self.evidenceActivated)
        self.reader.selectionChanged.connect(self._enable_adding)
        self.doc.readOnlyChanged.connect(self._enable_adding)
        self.doc.readOnlyChanged.connect(self.refresh)
        self.add_evidence_button.clicked.connect(self.request_evidence)
        self.reader.addEvidenceRequested.connect(self.request_evidence)

    def _enable_adding(self) -> None:
        self.add_evidence_button.setEnabled(self.reader.selected_passage() is not None
                                            and not self.doc.read_only)

    def current_source(self) -> Source | None:
        """The source selected in the list."""
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(index.row())

    def select_source(self, source_id: SourceId) -> None:
        """Show a source."""
        row = self.model.row_of(source_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    # ---------------------------------------------------------- find

    def find_matches(self, query: str) -> list[tuple[SourceId, int, int]]:
        """Where the query occurs, source by source in the list's order: in a source's title,
        author or publication (start −1), then in its text (start and end in the text)."""
        pattern = re.compile(r"\s+".join(re.escape(word) for word in query.split()), re.I)
        found: list[tuple[SourceId, int, int]] = []
        for src in self.doc.case.sources:
            if pattern.search(" ".join((src.title, src.author, src.publication))):
                found.append((src.id, -1, -1))
            for hit in pattern.finditer(src.text):
                found.append((src.id, hit.start(), hit.end()))
                if len(found) >= MAX_MATCHES:
                    return found
        return found

    def show_match(self, match: tuple[SourceId, int, int]) -> None:
        """Show the source of a match, with the words found selected in its text."""
        source_id, start, end = match
        self.select_source(source_id)
        if start < 0:
            return
        text = self.reader.source_text
        cursor = self.reader.textCursor()
        cursor.setPosition(utf16_offset(text, start))
        cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.reader.setTextCursor(cursor)
        self.reader.centerCursor()

    def show_evidence(self, item: Evidence) -> None:
        """Show an evidence item's passage in its source."""
        if item.source_id is None:
            return
        self.select_source(item.source_id)
        self.reader.mark(item.id)

    def refresh(self) -> None:
        """Show the selected source with its current highlights."""
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        source = self.current_source()
        writable = not self.doc.read_only
        for name in ("edit", "delete"):
            self.buttons[name].setEnabled(source is not None and writable)
        for name in ("add", "import"):
            self.buttons[name].setEnabled(writable)
        if source is None:
            self.header.setText(self.tr("<i>No sources yet. Add one, or open a .txt, .md or .html "
                                        "file.</i>"))
            self.reliability.hide()
            self.reader.show_source(None, [])
            self.status.setText("")
            return
        passages = quoted_passages(source, self.doc.case.evidence)
        self.header.setText(_header_html(source))
        self.reliability.setVisible(bool(source.reliability))
        self.reliability.setText(self.tr("<b>Reliability.</b> {reliability}").format(
            reliability=_esc(source.reliability)))
        self.reader.show_source(source, passages)
        cited = sum(1 for e in self.doc.case.evidence if e.source_id == source.id)
        self.status.setText(self.tr("{passages} passages quoted by {cited} evidence items")
                            .format(passages=len(passages), cited=cited))
        self.status.setToolTip(self.tr("Highlighted passages are quoted by evidence items: click "
                                       "one to see its row. Select any passage to add it as "
                                       "evidence."))

    def request_evidence(self) -> None:
        """Ask for a new evidence item quoting the selected passage."""
        source = self.current_source()
        selected = self.reader.selected_passage()
        if source is not None and selected is not None:
            self.addEvidenceRequested.emit(source, selected[0], selected[1])

    def _emit_current(self, signal: Signal) -> None:
        source = self.current_source()
        if source is not None:
            signal.emit(source)  # type: ignore[attr-defined]


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _source_line(src: Source) -> str:
    by = ", ".join(part for part in (src.author, src.publication, src.date) if part)
    return f"{src.title}\n{by}" if by else src.title


def _header_html(src: Source) -> str:
    meta = " · ".join(_esc(part) for part in (src.author, src.publication, src.date) if part)
    link = f'<br><a href="{_esc(src.url)}">{_esc(src.url)}</a>' if src.url else ""
    return (f'<span style="font-size: 13pt; font-weight: bold;">{_esc(src.title)}</span>'
            f"<br><span style='color:#444'>{meta}</span>{link}")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
