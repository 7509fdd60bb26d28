"""File ▸ Import of an analyst's own workbook: the preview, the user's corrections, the import."""

from __future__ import annotations

import hashlib
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from sat_tool.services import cases as svc
from sat_tool.settings import Preferences
from sat_tool.store.workspace import Workspace
from sat_tool.ui.main_window import MainWindow
from sat_tool.ui.workbook_import import WorkbookImportDialog


def workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Port fire"
    for row in (["Port fire: who set it?"], [],
                ["Evidence", "Reliability", "Analyst view", "Accident", "Arson"],
                ["Fuel was stored badly", "Low", "likely", "C", "II"],
                ["A boat left at night", "High", "", "very inconsistent", "consistent"],
                [None, None, None, 2.0, 2.83]):
        ws.append(row)
    copy = wb.create_sheet("Scored")
    copy.append(["Evidence", "Accident", "Arson"])
    for r in (4, 5):
        copy.append([f"='Port fire'!A{r}", f"='Port fire'!D{r}", f"='Port fire'!E{r}"])
    wb.save(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def window(qtbot, workspace_path: Path, book: Path, monkeypatch) -> MainWindow:
    win = MainWindow(Workspace.open(workspace_path), Preferences(analyst="Ann"))
    qtbot.addWidget(win)
    win.show()
    monkeypatch.setattr(win, "ask_open_path", lambda *a: book)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(win, "show_error", lambda title, text: shown.append((title, text)))
    win.shown_errors = shown
    return win


def when_the_preview_opens(qtbot, act) -> None:
    """Run ``act(dialog)`` as soon as the preview dialog is the modal window."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, WorkbookImportDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_the_preview_shows_the_reading_and_a_changed_role_is_imported(qtbot, tmp_path,
                                                                       monkeypatch):
    """The preview says which sheet is the matrix, that the derived sheet and the score row are
    skipped, and what each column is read as; giving a column another role in its menu changes
    what is imported, and Import writes exactly that."""
    path = tmp_path / "ws.sqlite"
    Workspace.open(path).close()
    win = window(qtbot, path, workbook(tmp_path / "port.xlsx"), monkeypatch)
    seen: dict[str, object] = {}

    def act(dialog: WorkbookImportDialog) -> None:
        text = dialog.summary.toPlainText()
        seen["before"] = text
        seen["sheets"] = [dialog.sheets.item(i).checkState() for i in range(dialog.sheets.count())]
        box = dialog.role_box(3)  # column C, "Analyst view"
        seen["role"] = box.currentText()
        box.setCurrentIndex(box.findText("Notes"))
        box.activated.emit(box.currentIndex())
        seen["after"] = dialog.summary.toPlainText()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_the_preview_opens(qtbot, act)
    win.import_bundle()
    assert win.shown_errors == []
    before = str(seen["before"])
    assert "Sheet 'Port fire': headers in row 3" in before and "2 evidence rows" in before
    assert "Sheet 'Scored' skipped: its cells are formulas over the sheet 'Port fire'" in before
    assert "Row 6 skipped: the workbook's own scores" in before
    assert seen["sheets"] == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]
    assert seen["role"] == "Not read"
    assert "column C (Analyst view) notes" in str(seen["after"])
    case = svc.load_case(win.workspace, win.document.case.id)
    assert [m.question for m in case.matrices] == ["Port fire: who set it?"]  # its title block
    assert [e.notes for e in case.evidence] == ["likely", ""]
    mat = case.matrices[0]
    grid = [[mat.rating(r.evidence_id, h.id).value for h in mat.hypotheses] for r in mat.rows]
    assert grid == [["C", "II"], ["II", "C"]]
    win.close()


def test_cancelling_the_preview_writes_nothing(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "ws.sqlite"
    Workspace.open(path).close()
    before = digest(path)
    win = window(qtbot, path, workbook(tmp_path / "port.xlsx"), monkeypatch)
    when_the_preview_opens(qtbot, lambda dialog: dialog.reject())
    win.import_bundle()
    assert win.document is None and win.shown_errors == []
    win.close()
    assert digest(path) == before


def test_a_role_that_cannot_be_read_is_said_and_import_is_disabled(qtbot, tmp_path, monkeypatch):
    """Reading the notes column as a hypothesis meets "likely", not a rating: the preview says so
    in a sentence and Import is disabled until the role is put back."""
    path = tmp_path / "ws.sqlite"
    Workspace.open(path).close()
    win = window(qtbot, path, workbook(tmp_path / "port.xlsx"), monkeypatch)
    seen: dict[str, object] = {}

    def act(dialog: WorkbookImportDialog) -> None:
        box = dialog.role_box(3)
        box.setCurrentIndex(box.findText("Hypothesis"))
        box.activated.emit(box.currentIndex())
        seen["text"] = dialog.summary.toPlainText()
        seen["enabled"] = dialog.import_button.isEnabled()
        dialog.reject()

    when_the_preview_opens(qtbot, act)
    win.import_bundle()
    assert seen["enabled"] is False
    assert seen["text"] == ("This cannot be imported as chosen: sheet 'Port fire', row 4, column C: "
                            "'likely' is not a rating (expected CC, C, N, I, II or NA)")
    assert win.document is None
    win.close()


def test_a_wrong_header_row_can_be_put_right(qtbot, tmp_path, monkeypatch):
    """Typing a header row that reads no hypotheses says so and disables Import; typing the
    right row again reads the sheet again and Import is back."""
    path = tmp_path / "ws.sqlite"
    Workspace.open(path).close()
    win = window(qtbot, path, workbook(tmp_path / "port.xlsx"), monkeypatch)
    seen: dict[str, object] = {}

    def act(dialog: WorkbookImportDialog) -> None:
        box = dialog.header_row
        box.setValue(5)
        box.editingFinished.emit()
        seen["wrong"] = (dialog.summary.toPlainText(), dialog.import_button.isEnabled())
        box.setValue(3)
        box.editingFinished.emit()
        seen["right"] = (dialog.summary.toPlainText(), dialog.import_button.isEnabled())
        dialog.reject()

    when_the_preview_opens(qtbot, act)
    win.import_bundle()
    text, enabled = seen["wrong"]
    assert text.startswith("This cannot be imported as chosen: ") and not enabled
    text, enabled = seen["right"]
    assert "Sheet 'Port fire': headers in row 3" in text and enabled
    win.close()
