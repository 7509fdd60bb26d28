"""An open case: one tab per matrix, then the case's evidence and its sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sat_tool.domain.model import Evidence, EvidenceId, Level, MatrixId, Source, SourceId
from sat_tool.ui import commands as cmd
from sat_tool.ui.dialogs import EvidenceDialog, MatrixDialog, SourceDialog
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.matrix_page import MatrixPage
from sat_tool.ui.records import RecordsModel


class RecordsPage(QWidget):
    """A table of records with Add / Edit / Delete buttons."""

    def __init__(self, title: str, model: RecordsModel, add: Callable[[], None],
                 edit: Callable[[Any], None], remove: Callable[[Any], None],
                 widths: dict[int, int], stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._edit, self._remove = edit, remove
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda index: self._edit(model.record(index.row())))
        buttons = QHBoxLayout()
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        buttons.addWidget(heading)
        buttons.addStretch(1)
        for text, slot in (("Add…", add), ("Edit…", self.edit_selected),
                           ("Delete", self.delete_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def selected(self) -> Any | None:
        """The record of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self._edit(record)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is not None:
            self._remove(record)


class CaseView(QTabWidget):
    """The tabs of an open case; keeps one :class:`MatrixPage` per matrix."""

    statusMessage = Signal(str)

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setDocumentMode(True)
        self.pages: dict[MatrixId, MatrixPage] = {}
        self.evidence_page = RecordsPage(
            "Evidence of the case", self._evidence_model(), self.add_evidence,
            self.edit_evidence, self.delete_evidence,
            widths={0: 48, 2: 150, 3: 80, 4: 90, 5: 260, 6: 70}, stretch=1, parent=self)
        self.sources_page = RecordsPage(
            "Sources", self._sources_model(), self.add_source, self.edit_source,
            self.delete_source, widths={0: 360, 1: 170, 2: 200, 3: 90}, stretch=4, parent=self)
        self.addTab(self.evidence_page, "Evidence")
        self.addTab(self.sources_page, "Sources")
        self.sync_matrices()
        self.setCurrentIndex(0)
        doc.matricesChanged.connect(self.sync_matrices)

    # ---------------------------------------------------------- matrices

    def sync_matrices(self) -> None:
        """Add, remove, reorder and retitle matrix tabs to match the case."""
        case = self.doc.case
        wanted = [m.id for m in case.matrices]
        for mid in list(self.pages):
            if mid not in wanted:
                page = self.pages.pop(mid)
                self.removeTab(self.indexOf(page))
                page.deleteLater()
        added = []
        for position, mat in enumerate(case.matrices):
            page = self.pages.get(mat.id)
            if page is None:
                page = MatrixPage(self.doc, mat.id, self)
                self.pages[mat.id] = page
                self.insertTab(position, page, "")
                added.append(page)
            elif self.indexOf(page) != position:
                self.removeTab(self.indexOf(page))
                self.insertTab(position, page, "")
            self.setTabText(position, f"M{position + 1}: {_short(mat.question)}")
            self.setTabToolTip(position, mat.question)
        if len(added) == 1:
            self.setCurrentWidget(added[0])  # a new or restored matrix is what the user wants to see

    def current_matrix_page(self) -> MatrixPage | None:
        """The matrix tab shown, if a matrix tab is shown."""
        page = self.currentWidget()
        return page if isinstance(page, MatrixPage) else None

    def show_matrix(self, matrix_id: MatrixId) -> MatrixPage:
        """Bring a matrix's tab to the front."""
        page = self.pages[matrix_id]
        self.setCurrentWidget(page)
        return page

    def add_matrix(self) -> None:
        """Ask for a question and add a matrix for it."""
        dialog = MatrixDialog(parent=self)
        dialog.setWindowTitle("New matrix")
        if dialog.exec():
            values = dialog.values()
            question = values.pop("question")
            self.doc.push(cmd.AddMatrixCommand(self.doc, question, **values))

    def delete_current_matrix(self) -> None:
        """Delete the matrix shown, after confirmation (undo restores it)."""
        page = self.current_matrix_page()
        if page is None:
            return
        answer = QMessageBox.question(
            self, "Delete matrix",
            f"Delete the matrix “{page.matrix.question}” with its hypotheses and ratings?\n"
            "The evidence stays in the case. Edit ▸ Undo brings the matrix back.")
        if answer == QMessageBox.StandardButton.Yes:
            self.doc.push(cmd.DeleteMatrixCommand(self.doc, page.matrix_id))

    # ---------------------------------------------------------- evidence

    def _evidence_model(self) -> RecordsModel:
        case = lambda: self.doc.case  # noqa: E731

        def source_title(item: Evidence) -> str:
            return case().source(item.source_id).title if item.source_id is not None else ""

        def matrices(item: Evidence) -> str:
            return ", ".join(f"M{i}" for i, m in enumerate(case().matrices, 1) if m.includes(item.id))

        columns = [("#", lambda e: e.label), ("Evidence", lambda e: e.text),
                   ("Type", lambda e: e.type.value), ("Credibility", lambda e: e.credibility.value),
                   ("Date", lambda e: e.date), ("Source", source_title), ("In", matrices)]
        return RecordsModel(columns, lambda: case().evidence, lambda e: e.id,
                            self.doc.evidenceChanged, self)

    def add_evidence(self) -> None:
        """Add an evidence item to the case (and to the matrix shown, if any)."""
        page = self._last_matrix_page()
        dialog = EvidenceDialog(self.doc.case, None, Level.MEDIUM if page else None, self)
        if dialog.exec():
            values = dialog.values()
            text = values.pop("text")
            self.doc.push(cmd.AddEvidenceCommand(
                self.doc, text, page.matrix_id if page else None,
                dialog.chosen_relevance() or Level.MEDIUM, **values))

    def edit_evidence(self, item: Evidence) -> None:
        """Edit an evidence item's case-wide fields."""
        dialog = EvidenceDialog(self.doc.case, item, None, self)
        if dialog.exec():
            values = {k: v for k, v in dialog.values().items() if getattr(item, k) != v}
            if values:
                self.doc.push(cmd.EditEvidenceCommand(self.doc, item.id, values))

    def delete_evidence(self, item: Evidence) -> None:
        """Delete an evidence item from the case and every matrix (undo restores it)."""
        self.doc.push(cmd.DeleteEvidenceCommand(self.doc, EvidenceId(item.id)))

    def _last_matrix_page(self) -> MatrixPage | None:
        return self.current_matrix_page()

    # ---------------------------------------------------------- sources

    def _sources_model(self) -> RecordsModel:
        columns = [("Title", lambda s: s.title), ("Author", lambda s: s.author),
                   ("Publication", lambda s: s.publication), ("Date", lambda s: s.date),
                   ("Reliability", lambda s: s.reliability)]
        return RecordsModel(columns, lambda: self.doc.case.sources, lambda s: s.id,
                            self.doc.sourcesChanged, self)

    def add_source(self) -> None:
        """Add a source document to the case."""
        dialog = SourceDialog(None, self)
        if dialog.exec():
            values = dialog.values()
            title = values.pop("title")
            self.doc.push(cmd.AddSourceCommand(self.doc, title, **values))

    def edit_source(self, src: Source) -> None:
        """Edit a source's fields."""
        dialog = SourceDialog(src, self)
        if dialog.exec():
            values = {k: v for k, v in dialog.values().items() if getattr(src, k) != v}
            if values:
                self.doc.push(cmd.EditSourceCommand(self.doc, src.id, **values))

    def delete_source(self, src: Source) -> None:
        """Delete a source; citing evidence loses the link (undo restores it)."""
        self.doc.push(cmd.DeleteSourceCommand(self.doc, SourceId(src.id)))


def _short(text: str, width: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

