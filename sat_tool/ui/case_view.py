"""An open case: one tab per matrix, then the case's evidence and its sources."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sat_tool.domain.changes import Changes, Kind
from sat_tool.domain.model import Evidence, EvidenceId, Level, MatrixId, Source, SourceId
from sat_tool.ui import commands as cmd
from sat_tool.ui.dialogs import EvidenceDialog, MatrixDialog, SourceDialog
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.file_dialogs import ask_open_file
from sat_tool.ui.matrix_page import MatrixPage
from sat_tool.ui.models import SortRole
from sat_tool.ui.find import FindBar, folded
from sat_tool.ui.records import RecordsModel
from sat_tool.ui.source_pane import SourcesPane


class RecordsPage(QWidget):
    """A table of records with Add / Edit / Delete buttons."""

    def __init__(self, title: str, model: RecordsModel, add: Callable[[], None],
                 edit: Callable[[Any], None], remove: Callable[[Any], None],
                 widths: dict[int, int], stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._edit, self._remove = edit, remove
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(260)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        # Unsorted until the analyst clicks a column: enabling sorting would otherwise sort
        # every record by the first column once, only to be undone.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
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
        self.table.doubleClicked.connect(
            lambda index: self._edit(model.record(self.proxy.mapToSource(index).row())))
        buttons = QHBoxLayout()
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        buttons.addWidget(heading)
        buttons.addSpacing(12)
        buttons.addWidget(self.filter)
        buttons.addStretch(1)
        self.edit_buttons: list[QPushButton] = []
        """Add, Edit and Delete: greyed while the case cannot be changed here."""
        for text, slot in ((self.tr("Add…"), add), (self.tr("Edit…"), self.edit_selected),
                           (self.tr("Delete"), self.delete_selected)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.edit_buttons.append(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def set_writable(self, writable: bool) -> None:
        """Let the records be added, edited and deleted here, or not."""
        for button in self.edit_buttons:
            button.setEnabled(writable)

    def selected(self) -> Any | None:
        """The record of the selected row."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select_record(self, key: Any) -> None:
        """Select the row showing the record with this key (clearing a filter that hides it)."""
        row = self.model.row_of(key)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def find_matches(self, query: str) -> list[Any]:
        """The records any of whose columns holds the query, in the order shown."""
        found = []
        for row in range(self.proxy.rowCount()):
            shown = " ".join(str(self.proxy.index(row, c).data() or "")
                             for c in range(self.proxy.columnCount()))
            if query in folded(shown):
                found.append(self.model.key_at(self.proxy.mapToSource(self.proxy.index(row, 0)).row()))
        return found

    def show_match(self, key: Any) -> None:
        self.select_record(key)

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

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setDocumentMode(True)
        self.pages: dict[MatrixId, MatrixPage] = {}
        self.evidence_page = RecordsPage(
            self.tr("Evidence of the case"), self._evidence_model(), self.add_evidence,
            self.edit_evidence, self.delete_evidence,
            widths={0: 48, 2: 150, 3: 80, 4: 90, 5: 260, 6: 70}, stretch=1, parent=self)
        self.sources_page = SourcesPane(doc, self)
        self.last_matrix_id: MatrixId | None = None
        self.addTab(self.evidence_page, self.tr("Evidence"))
        self.addTab(self.sources_page, self.tr("Sources"))
        self.sync_matrices()
        self.setCurrentIndex(0)
        self.currentChanged.connect(self._remember_matrix)
        self.currentChanged.connect(self._focus_matrix)
        self._remember_matrix()
        self._connect_sources()
        doc.changed.connect(self._on_changes)
        doc.settled.connect(self._on_settled)  # after every page has taken the change
        doc.readOnlyChanged.connect(self._apply_read_only)
        self._apply_read_only()
        self.find_bar = FindBar(self)
        self.setCornerWidget(self.find_bar, Qt.Corner.TopRightCorner)
        self.currentChanged.connect(self._retarget_find)

    def _apply_read_only(self) -> None:
        self.evidence_page.set_writable(not self.doc.read_only)

    # ---------------------------------------------------------- zoom

    zoom = 1.0

    def set_zoom(self, zoom: float) -> None:
        """Draw every matrix's text at ``zoom`` times the usual size."""
        self.zoom = zoom
        for page in self.pages.values():
            page.view.set_zoom(zoom)

    # ---------------------------------------------------------- find

    def find(self) -> None:
        """Open the find bar on the tab shown (Ctrl+F)."""
        page = self.currentWidget()
        self.find_bar.open_on(page if hasattr(page, "find_matches") else None)

    def _retarget_find(self) -> None:
        if self.find_bar.isVisible():
            page = self.currentWidget()
            self.find_bar.target = page if hasattr(page, "find_matches") else None
            self.find_bar.search(self.find_bar.field.text())

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
                if self.zoom != 1.0:
                    page.view.set_zoom(self.zoom)
                page.showInSourceRequested.connect(self.show_evidence_in_source)
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
        dialog.setWindowTitle(self.tr("New matrix"))
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
            self, self.tr("Delete matrix"),
            self.tr("Delete the matrix “{question}” with its hypotheses and ratings?\n"
                    "The evidence stays in the case. Edit ▸ Undo brings the matrix back.")
            .format(question=page.matrix.question))
        if answer == QMessageBox.StandardButton.Yes:
            self.doc.push(cmd.DeleteMatrixCommand(self.doc, page.matrix_id))

    # ---------------------------------------------------------- evidence

    def _evidence_model(self) -> RecordsModel:
        case = lambda: self.doc.case  # noqa: E731

        def source_title(item: Evidence) -> str:
            return case().source(item.source_id).title if item.source_id is not None else ""

        def matrices(item: Evidence) -> str:
            return ", ".join(f"M{i}" for i, m in enumerate(case().matrices, 1) if m.includes(item.id))

        columns = [("#", lambda e: e.label), (self.tr("Evidence"), lambda e: e.text),
                   (self.tr("Type"), lambda e: e.type.shown),
                   (self.tr("Credibility"), lambda e: e.credibility.shown),
                   (self.tr("Date"), lambda e: e.date), (self.tr("Source"), source_title),
                   (self.tr("In"), matrices)]
        return RecordsModel(columns, lambda: case().evidence, lambda e: e.id,
                            self.doc.changed, self, kind=Kind.EVIDENCE)

    def add_evidence(self) -> None:
        """Add an evidence item to the case (and to the matrix shown, if any)."""
        page = self.current_matrix_page()
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
            if values:  # against the item as the dialog showed it, whatever happened meanwhile
                self.doc.push(cmd.EditEvidenceCommand(self.doc, item.id, values, seen=(item, None)))

    def delete_evidence(self, item: Evidence) -> None:
        """Delete an evidence item from the case and every matrix (undo restores it)."""
        self.doc.push(cmd.DeleteEvidenceCommand(self.doc, EvidenceId(item.id)))

    # ---------------------------------------------------------- sources

    def _connect_sources(self) -> None:
        pane = self.sources_page
        pane.addSourceRequested.connect(self.add_source)
        pane.importSourceRequested.connect(self.import_source)
        pane.editSourceRequested.connect(self.edit_source)
        pane.deleteSourceRequested.connect(self.delete_source)
        pane.addEvidenceRequested.connect(self.add_evidence_from_source)
        pane.evidenceActivated.connect(self.show_evidence_in_matrix)

    def add_source(self) -> None:
        """Add a source document to the case (text pasted or loaded from a file)."""
        self._new_source(SourceDialog(None, self))

    def import_source(self) -> None:
        """Add a source read from a .txt, .md or .html file chosen by the user."""
        path = self.ask_source_path()
        if path is None:
            return
        dialog = SourceDialog(None, self)
        if dialog.load_path(path):
            self._new_source(dialog)
        else:
            QMessageBox.critical(self, self.tr("Cannot read the file"), dialog.file_error.text())

    def ask_source_path(self) -> Path | None:
        """Ask for a file to read a source from."""
        return ask_open_file(self, self.tr("Open a source document"),
                             self.tr("Text, Markdown or HTML (*.txt *.md *.markdown *.html *.htm)"))

    def _new_source(self, dialog: SourceDialog) -> None:
        if dialog.exec():
            values = dialog.values()
            title = values.pop("title")
            command = cmd.AddSourceCommand(self.doc, title, **values)
            self.doc.push(command)
            if command.source is not None:
                self.sources_page.select_source(command.source.id)

    def edit_source(self, src: Source) -> None:
        """Edit a source's fields."""
        dialog = SourceDialog(src, self)
        if dialog.exec():
            values = {k: v for k, v in dialog.values().items() if getattr(src, k) != v}
            if values:
                self.doc.push(cmd.EditSourceCommand(self.doc, src.id, seen=src, **values))

    def delete_source(self, src: Source) -> None:
        """Delete a source; citing evidence loses the link (undo restores it)."""
        self.doc.push(cmd.DeleteSourceCommand(self.doc, SourceId(src.id)))

    def add_evidence_from_source(self, source: Source, start: int, quote: str) -> None:
        """Create an evidence item quoting a passage of a source, in the matrix last worked on."""
        draft = Evidence(EvidenceId(0), 0, "", source_id=source.id, quote=quote,
                         quote_start=start, date=source.date)
        choices = [(f"M{i}: {_short(m.question, 60)}", m.id)
                   for i, m in enumerate(self.doc.case.matrices, 1)]
        dialog = EvidenceDialog(self.doc.case, None, Level.MEDIUM, self, draft=draft,
                                matrices=choices, matrix=self.last_matrix_id)
        if dialog.exec():
            values = dialog.values()
            text = values.pop("text")
            self.doc.push(cmd.AddEvidenceCommand(self.doc, text, dialog.chosen_matrix(),
                                                 dialog.chosen_relevance() or Level.MEDIUM,
                                                 **values))

    def show_evidence_in_matrix(self, evidence_id: int) -> None:
        """Show an evidence row: in the matrix last worked on if it has it, else another one."""
        case = self.doc.case
        candidates = [m.id for m in case.matrices if m.includes(evidence_id)]  # type: ignore[arg-type]
        if self.last_matrix_id in candidates:
            candidates.insert(0, self.last_matrix_id)  # type: ignore[arg-type]
        if not candidates:
            self.setCurrentWidget(self.evidence_page)
            self.evidence_page.select_record(evidence_id)
            return
        page = self.show_matrix(candidates[0])
        page.view.show_evidence(evidence_id)

    def show_evidence_in_source(self, evidence_id: int) -> None:
        """Show the passage an evidence item quotes, in the source pane."""
        item = self.doc.case.evidence_item(evidence_id)  # type: ignore[arg-type]
        if item.source_id is None:
            return
        self.setCurrentWidget(self.sources_page)
        self.sources_page.show_evidence(item)

    def _on_changes(self, changes: Changes) -> None:
        if Kind.MATRICES in changes:
            self.sync_matrices()

    def _on_settled(self, changes: Changes) -> None:
        revisited = changes.of(Kind.REVISITED)
        if revisited:
            matrix_id = revisited[0][0]
            self._show_cells(matrix_id, changes.cells(matrix_id, Kind.REVISITED))

    def _show_cells(self, matrix_id: int, cells: list) -> None:
        """After undo or redo, show the matrix and the first cell that changed."""
        if matrix_id not in self.pages or not cells:
            return
        page = self.show_matrix(matrix_id)  # type: ignore[arg-type]
        page.view.select_cell(*cells[0])
        page.view.setFocus()

    def _focus_matrix(self) -> None:
        """A matrix brought to the front takes the keyboard, with a current cell to rate."""
        page = self.current_matrix_page()
        if page is not None:
            page.focus_first_cell()

    def _remember_matrix(self) -> None:
        page = self.current_matrix_page()
        if page is not None:
            self.last_matrix_id = page.matrix_id


def _short(text: str, width: int = 38) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

