"""The start page and the File menu, driven through the main window."""

from __future__ import annotations


import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from sat_tool.domain import Level
from sat_tool.services import cases as svc
from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui.main_window import MainWindow

from conftest import SAMPLE


@pytest.fixture
def window(qtbot, workspace: Workspace):
    """A main window on the start page."""
    win = MainWindow(workspace, Preferences(analyst="Ann Analyst"))
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def errors(monkeypatch):
    """Error dialogs, captured instead of shown: (title, text) pairs."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text, *a: shown.append(
        (title, text)))
    return shown


def test_new_case_with_a_first_matrix(qtbot, window, monkeypatch):
    """New case asks for a title and a question, and opens an empty matrix for it."""
    answers = iter([("Port strike 2026", True), ("Who is behind the strike?", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    case = window.document.case
    assert case.title == "Port strike 2026"
    assert [m.question for m in case.matrices] == ["Who is behind the strike?"]
    assert window.windowTitle().startswith("Port strike 2026")
    assert window.case_view.current_matrix_page() is not None
    assert svc.load_case(window.workspace, case.id) == case


def test_sample_opens_in_one_click_and_recent_list_reopens_it(qtbot, window):
    """The sample opens from the start page, then appears under recent cases and reopens from there."""
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    title = window.document.case.title
    assert window.case_view.current_matrix_page().model.rowCount() >= 12
    window.close_case_action.trigger()
    assert window.document is None
    first = window.start_page.recent.item(0)
    assert first.text().startswith(title)
    qtbot.mouseClick(window.start_page.open_button, Qt.MouseButton.LeftButton)
    assert window.document.case.title == title
    assert len(svc.list_cases(window.workspace)) == 1


def test_importing_a_bad_file_shows_the_problem_and_changes_nothing(qtbot, window, errors,
                                                                    tmp_path, monkeypatch):
    """A malformed bundle chosen in Import gets an error dialog naming the problem; no case appears."""
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "sat-tool-case", "version": 1, "case": {"title": ""}}')
    monkeypatch.setattr(window, "ask_open_path", lambda *a: bad)
    window.import_action.trigger()
    assert errors and "case.title" in errors[0][1]
    assert svc.list_cases(window.workspace) == []
    assert window.document is None


def test_importing_a_bundle_opens_it(qtbot, window, monkeypatch):
    """Import reads a bundle into the workspace and opens the new case."""
    monkeypatch.setattr(window, "ask_open_path", lambda *a: SAMPLE)
    window.import_action.trigger()
    assert window.document is not None
    assert len(svc.list_cases(window.workspace)) == 1


def test_opening_a_file_that_is_not_a_workspace_keeps_the_current_one(qtbot, window, errors,
                                                                      tmp_path):
    """Switching to a file that is not a workspace shows why and leaves both files unchanged."""
    other = tmp_path / "holiday.jpg"
    other.write_bytes(b"\xff\xd8\xff\xe0 jpeg data")
    current = window.workspace
    assert window.switch_workspace(other) is False
    assert errors and "not a SAT Tool workspace" in errors[0][1]
    assert window.workspace is current
    assert other.read_bytes() == b"\xff\xd8\xff\xe0 jpeg data"
    assert svc.list_cases(window.workspace) == []


def test_switching_workspace_lists_its_cases(qtbot, window, tmp_path):
    """Opening another workspace shows that workspace's cases on the start page."""
    other = tmp_path / "team.sqlite"
    with Workspace.open(other) as ws:
        svc.new_case(ws, "Team case")
    assert window.switch_workspace(other)
    assert window.start_page.recent.count() == 1
    assert window.start_page.recent.item(0).text().startswith("Team case")


def test_export_to_excel_from_the_menu(qtbot, window, tmp_path, monkeypatch):
    """File ▸ Export to Excel writes a workbook of the open case, adding .xlsx when missing."""
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: tmp_path / "azerbaijan")
    window.export_xlsx_action.trigger()
    book = openpyxl.load_workbook(tmp_path / "azerbaijan.xlsx")
    assert any(name.startswith("M1") for name in book.sheetnames)


def test_rename_case_is_undoable(qtbot, window, monkeypatch):
    """Renaming the case changes the title bar; undo restores the old name in the workspace too."""
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    old = window.document.case.title
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Baku 2012", True))
    window.rename_case_action.trigger()
    assert window.windowTitle().startswith("Baku 2012")
    assert svc.load_case(window.workspace, window.document.case.id).title == "Baku 2012"
    window.undo_action.trigger()
    assert svc.load_case(window.workspace, window.document.case.id).title == old


def test_preferences_set_the_analyst_on_new_ratings(qtbot, window, monkeypatch):
    """The analyst name from Preferences is recorded in the history of the next rating (of the
    analyst the case is rated as) and saved for next time."""
    from sat_tool.ui import main_window

    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)

    def fake_exec(dialog):
        dialog.analyst.setText("Bea Reviewer")
        return True

    monkeypatch.setattr(main_window.PreferencesDialog, "exec", fake_exec)
    window.edit_preferences()
    page = window.case_view.current_matrix_page()
    page.view.setFocus()
    page.view.setCurrentIndex(page.view.proxy.index(0, page.model.FIRST_HYPOTHESIS))
    qtbot.keyClick(page.view, Qt.Key.Key_3)
    mat = page.matrix
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    assert mat.ratings[cell].analyst == "Sam Adler"  # the sample's first analyst's ratings
    latest = svc.history(window.workspace, window.document.case.id, mat.id, cell)[0]
    assert (latest.by, latest.analyst, latest.after) == ("Bea Reviewer", "Sam Adler", "N")
    assert Preferences.load().analyst == "Bea Reviewer"


def test_matrix_add_and_delete_from_the_menu(qtbot, window, monkeypatch):
    """A matrix added from the Matrix menu gets a tab; deleting it removes the tab; undo returns it."""
    from sat_tool.ui import case_view

    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)

    def fake_exec(dialog):
        dialog.question.setPlainText("Will the cell's trainers try again?")
        return True

    monkeypatch.setattr(case_view.MatrixDialog, "exec", fake_exec)
    view = window.case_view
    count = len(view.pages)
    window.add_matrix_action.trigger()
    assert len(view.pages) == count + 1
    assert view.current_matrix_page().matrix.question == "Will the cell's trainers try again?"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_matrix_action.trigger()
    assert len(view.pages) == count
    window.undo_action.trigger()
    assert len(view.pages) == count + 1
    assert view.tabText(count).startswith(f"M{count + 1}: Will the cell")


@pytest.mark.parametrize(("action", "suffix", "check"), [
    ("report_pdf_action", ".pdf", lambda data: data.startswith(b"%PDF")),
    ("matrix_html_action", ".html", lambda data: b"TRAINING ONLY" in data and data.count(b"<h2>M") == 1),
    ("export_csv_action", ".csv", lambda data: data.decode("utf-8-sig").startswith("Evidence,Text")),
    ("export_achz_action", ".achz", lambda data: data[:2] == b"\x1f\x8b"),
])
def test_exports_from_the_file_menu(qtbot, window, tmp_path, monkeypatch, action, suffix, check):
    """Each File ▸ Export entry writes its file, behind a progress dialog, with the chosen banner."""
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(window, "ask_save_path", lambda *a, **k: tmp_path / "out")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("TRAINING ONLY", True))
    getattr(window, action).trigger()
    written = tmp_path / f"out{suffix}"
    assert check(written.read_bytes())


def test_importing_a_workbook_from_the_menu(qtbot, window, tmp_path, monkeypatch):
    """File ▸ Import reads an exported workbook back into a new case and opens it."""
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "case.xlsx"
    svc.export_case(window.workspace, window.document.case.id, "xlsx", path)
    monkeypatch.setattr(window, "ask_open_path", lambda *a: path)
    before = window.document.case
    window.import_action.trigger()
    assert window.document.case.id != before.id
    assert len(window.document.case.evidence) == len(before.evidence)
    assert len(svc.list_cases(window.workspace)) == 2


def test_importing_a_broken_parc_file_from_the_menu(qtbot, window, errors, tmp_path, monkeypatch):
    """A damaged .achz chosen in Import gets an error dialog naming it; no case appears."""
    path = tmp_path / "broken.achz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    monkeypatch.setattr(window, "ask_open_path", lambda *a: path)
    window.import_action.trigger()
    assert errors and "broken.achz" in errors[0][1]
    assert svc.list_cases(window.workspace) == []


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_a_chart_saves_as_png_or_svg(qtbot, window, tmp_path, monkeypatch, suffix):
    """A chart's Save chart as… writes a real PNG or SVG file."""
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    chart = window.case_view.current_matrix_page().chart
    monkeypatch.setattr(chart, "ask_save_path", lambda: tmp_path / f"scores{suffix}")
    chart.save_as()
    data = (tmp_path / f"scores{suffix}").read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data


def test_a_new_matrix_says_what_to_add_first(qtbot, window, monkeypatch):
    """An empty matrix shows what to add; the hint goes once hypotheses and evidence are there."""
    from sat_tool.ui import commands as cmd

    answers = iter([("Bridge collapse", True), ("Why did the bridge fall?", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    window.new_case_action.trigger()
    page = window.case_view.current_matrix_page()
    assert not page.empty_hint.isHidden() and "hypotheses" in page.empty_hint.text()
    doc = window.document
    doc.push(cmd.AddHypothesisCommand(doc, page.matrix_id, "Storm", ""))
    assert "hypotheses" not in page.empty_hint.text() and "evidence" in page.empty_hint.text()
    doc.push(cmd.AddEvidenceCommand(doc, "Winds of 120 km/h", page.matrix_id, Level.MEDIUM))
    assert page.empty_hint.isHidden()


def test_include_evidence_with_a_filter_and_a_relevance(qtbot, window, monkeypatch):
    """Include… lists the case's other evidence, filters it by words, and sets the relevance."""
    from sat_tool.domain import Level as Lvl
    from sat_tool.ui import matrix_page

    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    page = window.case_view.current_matrix_page()
    mat = page.matrix

    def fake_exec(dialog):
        dialog.filter.setText("huseyniyyun")
        visible = [dialog.list.item(i) for i in range(dialog.list.count())
                   if not dialog.list.item(i).isHidden()]
        assert visible and all("huseyniyyun" in item.text().lower() for item in visible)
        visible[0].setSelected(True)
        dialog.relevance.setCurrentIndex(dialog.relevance.findData(Lvl.LOW))
        return True

    monkeypatch.setattr(matrix_page.IncludeEvidenceDialog, "exec", fake_exec)
    rows = len(mat.rows)
    page.actions_by_name["include_evidence"].trigger()
    assert len(mat.rows) == rows + 1 and mat.rows[-1].relevance is Lvl.LOW
    assert "Huseyniyyun" in window.document.case.evidence_item(mat.rows[-1].evidence_id).text


def test_evidence_tab_filters_and_sorts(qtbot, window):
    """The Evidence tab filters by any column's words and sorts E2 before E10."""
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    page = window.case_view.evidence_page
    window.case_view.setCurrentWidget(page)
    qtbot.keyClicks(page.filter, "Davudov")
    shown = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert shown and all("davudov" in text.lower() for text in shown)
    page.filter.clear()
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    labels = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert labels[:11] == [f"E{i}" for i in range(1, 12)]
    page.table.selectRow(labels.index("E10"))
    assert page.selected().label == "E10"
