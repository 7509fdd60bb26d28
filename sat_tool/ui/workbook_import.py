"""The preview of a hand-made workbook before it is imported: sheets, headers, column roles.

The dialog shows how SAT Tool reads each sheet (which are matrices and why the
others are skipped, the header row, what every column holds, how many evidence
rows there are, what is left out) and lets the user change it: tick the sheets
to import, move the header row, give a column another role. Each change reads
the workbook again with the new choice, so what the dialog shows is exactly
what the import will write; nothing is written until Import is pressed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sat_tool.formats.sheet_layout import Role, column_letters
from sat_tool.formats.xlsx_import import ImportChoice, SheetReport, WorkbookReport

ROLE_NAMES = {
    Role.EVIDENCE: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Evidence"),
    Role.HYPOTHESIS: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Hypothesis"),
    Role.CREDIBILITY: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Credibility"),
    Role.RELEVANCE: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Relevance"),
    Role.TYPE: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Type"),
    Role.DATE: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Date"),
    Role.SOURCE: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Source"),
    Role.NOTES: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Notes"),
    Role.CATEGORY: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Category (kept in the notes)"),
    Role.NUMBER: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Number (the item's label)"),
    Role.IGNORE: QT_TRANSLATE_NOOP("WorkbookImportDialog", "Not read"),
}
"""What each role is called in the dialog's menus (in English: translated where shown)."""


def _role_name(role: Role) -> str:
    """A role's name in the user's language."""
    return QCoreApplication.translate("WorkbookImportDialog", ROLE_NAMES[role])

Preview = Callable[[ImportChoice], WorkbookReport]
"""Reads the workbook with a choice and reports how (raises ValueError with a sentence)."""


class WorkbookImportDialog(QDialog):
    """Preview and adjust how a hand-made workbook is read; :attr:`choice` once accepted."""

    def __init__(self, path: Path, report: WorkbookReport, preview: Preview,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self.preview = preview
        self.report = report
        self.choice = ImportChoice(tuple(s.title for s in report.matrices))
        self.reasons = {s.title: s.skipped for s in report.sheets if s.skipped}
        """Why each sheet was first skipped: kept when a later reading only says "not chosen"."""
        self._filling = False

        intro = QLabel(self.tr("SAT Tool has read the workbook as shown. Tick the sheets to "
                               "import, and change a column's role or the header row where it is "
                               "read wrongly; nothing is imported until you press Import."))
        intro.setWordWrap(True)
        self.sheets = QListWidget()
        self.sheets.setAccessibleName(self.tr("Sheets"))
        self.sheets.setWordWrap(True)
        self.sheets.itemChanged.connect(self._sheet_ticked)
        self.sheets.currentRowChanged.connect(lambda _row: self._show_sheet())

        self.header_row = QSpinBox()
        self.header_row.setRange(1, 20_000)
        self.header_row.setAccessibleName(self.tr("Header row"))
        self.header_row.editingFinished.connect(self._header_changed)
        self.columns = QTableWidget(0, 4)
        self.columns.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header"),
                                                self.tr("Read as"), self.tr("First values")])
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.columns.setAccessibleName(self.tr("Columns"))
        self.sheet_state = QLabel()
        self.sheet_state.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Headers in row")))
        row.addWidget(self.header_row)
        row.addStretch(1)
        right_layout.addLayout(row)
        right_layout.addWidget(self.sheet_state)
        right_layout.addWidget(self.columns, 1)
        split = QSplitter()
        split.addWidget(self.sheets)
        split.addWidget(right)
        split.setStretchFactor(1, 3)

        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("What will be imported"))
        self.summary.setMaximumHeight(160)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addWidget(QLabel(self.tr("What will be imported:")))
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(980, 620)
        self._fill_sheets()
        self._show(report, None)

    # -- the sheets

    def _fill_sheets(self) -> None:
        self._filling = True
        current = self.sheets.currentRow()
        self.sheets.clear()
        for sheet in self.report.sheets:
            reason = self._reason(sheet)
            shown = sheet.title if sheet.is_matrix or reason == "not chosen" \
                else self.tr("{sheet}\n    skipped: {reason}").format(sheet=sheet.title, reason=reason)
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, sheet.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = sheet.title in self.choice.sheets
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Skipped: {reason}").format(reason=self._reason(sheet))
                            if sheet.skipped else self.tr("Imported as a matrix"))
            self.sheets.addItem(item)
        self._filling = False
        first = next((i for i, s in enumerate(self.report.sheets) if s.is_matrix), 0)
        self.sheets.setCurrentRow(current if 0 <= current < self.sheets.count() else first)

    def _sheet_ticked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        ticked = tuple(self.sheets.item(i).data(Qt.ItemDataRole.UserRole)
                       for i in range(self.sheets.count())
                       if self.sheets.item(i).checkState() == Qt.CheckState.Checked)
        self._apply(replace(self.choice, sheets=ticked))

    def _reason(self, sheet: SheetReport) -> str:
        if sheet.skipped == "not chosen":
            return self.reasons.get(sheet.title, sheet.skipped)
        return sheet.skipped

    def current_sheet(self) -> SheetReport | None:
        row = self.sheets.currentRow()
        return self.report.sheets[row] if 0 <= row < len(self.report.sheets) else None

    # -- one sheet's columns

    def _show_sheet(self) -> None:
        sheet = self.current_sheet()
        self._filling = True
        self.columns.setRowCount(0)
        if sheet is None or sheet.layout is None:
            self.sheet_state.setText(self.tr("Not imported: {reason}.").format(
                reason=self._reason(sheet)) if sheet else "")
            self.header_row.setEnabled(sheet is not None and sheet.title in self.choice.sheets)
            self._filling = False
            return
        layout = sheet.layout
        self.header_row.setEnabled(True)
        self.header_row.setValue(layout.header_row)
        self.sheet_state.setText(
            self.tr("{rows} evidence rows").format(rows=len(sheet.evidence_rows)) if sheet.is_matrix
            else self.tr("{rows} evidence rows; not imported: {reason}").format(
                rows=len(sheet.evidence_rows), reason=sheet.skipped))
        for index, column in sorted(layout.columns.items()):
            row = self.columns.rowCount()
            self.columns.insertRow(row)
            self.columns.setItem(row, 0, _fixed(column_letters(index)))
            self.columns.setItem(row, 1, _fixed(column.header))
            combo = QComboBox()
            for role in ROLE_NAMES:
                combo.addItem(_role_name(role), role)
            combo.setCurrentIndex(combo.findData(column.role))
            combo.setToolTip(self.tr("Read as {role}: {why}").format(
                role=_role_name(column.role).lower(), why=column.why))
            combo.setAccessibleName(self.tr("Column {letter} read as").format(letter=column_letters(index)))
            combo.activated.connect(lambda _i, c=index, box=combo: self._role_changed(c, box))
            self.columns.setCellWidget(row, 2, combo)
            self.columns.setItem(row, 3, _fixed(" · ".join(v for v in sheet.samples.get(index, [])
                                                          if v)))
        self.columns.resizeColumnsToContents()
        self._filling = False

    def role_box(self, column: int) -> QComboBox | None:
        """The menu of a column's role (by column number), for the sheet shown."""
        sheet = self.current_sheet()
        if sheet is None or sheet.layout is None:
            return None
        for row, index in enumerate(sorted(sheet.layout.columns)):
            if index == column:
                widget = self.columns.cellWidget(row, 2)
                return widget if isinstance(widget, QComboBox) else None
        return None

    def _role_changed(self, column: int, box: QComboBox) -> None:
        sheet = self.current_sheet()
        if self._filling or sheet is None:
            return
        roles = {title: dict(found) for title, found in self.choice.roles.items()}
        roles.setdefault(sheet.title, {})[column] = box.currentData()
        self._apply(replace(self.choice, roles=roles))

    def _header_changed(self) -> None:
        sheet = self.current_sheet()
        if self._filling or sheet is None:
            return
        chosen = self.choice.header_rows.get(sheet.title)
        shown = chosen if chosen is not None else (sheet.layout.header_row if sheet.layout else None)
        if shown == self.header_row.value() and sheet.layout is not None:
            return  # the row read now (a row that failed is tried again when typed again)
        rows = dict(self.choice.header_rows)
        rows[sheet.title] = self.header_row.value()
        roles = {title: found for title, found in self.choice.roles.items() if title != sheet.title}
        self._apply(replace(self.choice, header_rows=rows, roles=roles))

    # -- reading again

    def _apply(self, choice: ImportChoice) -> None:
        """Read the workbook with ``choice``; show the result, or the problem it meets."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.preview(choice)
        except ValueError as exc:
            self.choice = choice
            self._show(None, str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.choice = choice
        self._show(report, None)

    def _show(self, report: WorkbookReport | None, problem: str | None) -> None:
        if report is not None:
            self.report = report
            self._fill_sheets()
            self._show_sheet()
            self.summary.setPlainText("\n".join(report.lines()))
        else:
            self.summary.setPlainText(self.tr("This cannot be imported as chosen: {problem}")
                                      .format(problem=problem))
        self.import_button.setEnabled(report is not None and bool(report.matrices))


def _fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(text)
    return item


def ask_workbook_choice(parent: QWidget | None, path: Path, report: WorkbookReport,
                        preview: Preview) -> ImportChoice | None:
    """Show the preview; the user's choice, or None when they cancel."""
    dialog = WorkbookImportDialog(path, report, preview, parent)
    accepted: Any = dialog.exec()
    return dialog.choice if accepted else None
