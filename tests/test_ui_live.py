"""Two windows on one workspace, each with its own connection: each sees the other's edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sat_tool.cli import main as cli
from sat_tool.domain import Rating
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui.main_window import MainWindow
from sat_tool.ui.models import MatrixModel, RatingRole

from conftest import SAMPLE

SEEN_WITHIN_MS = 2000


def make_window(qtbot, path: Path, analyst: str) -> MainWindow:
    win = MainWindow(Workspace.open(path), Preferences(analyst=analyst))
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def pair(qtbot, workspace_path: Path, monkeypatch):
    """Windows A and B on the sample case, as two processes would have them, errors collected."""
    with Workspace.open(workspace_path) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
    a = make_window(qtbot, workspace_path, "Ann")
    b = make_window(qtbot, workspace_path, "Bob")
    errors: list[str] = []
    for win in (a, b):
        monkeypatch.setattr(win, "show_error", lambda title, text: errors.append(text))
        win.open_case(case_id)
    yield a, b, errors
    for win in (a, b):
        win.close()


def page(win: MainWindow):
    found = win.case_view.current_matrix_page()
    assert found is not None
    return found


def shown(win: MainWindow, row: int, column: int):
    """The rating a window's matrix view shows at a row and hypothesis column."""
    view = page(win).view
    return view.proxy.index(row, MatrixModel.FIRST_HYPOTHESIS + column).data(RatingRole)


def key_rate(qtbot, win: MainWindow, row: int, column: int, key: Qt.Key) -> None:
    view = page(win).view
    view.setFocus()
    view.setCurrentIndex(view.proxy.index(row, MatrixModel.FIRST_HYPOTHESIS + column))
    qtbot.keyClick(view, key)


def test_a_rating_in_one_window_shows_in_the_other_within_two_seconds(qtbot, pair):
    """A rates with a key; B, which has its cursor elsewhere, shows it and keeps its cursor."""
    a, b, errors = pair
    bview = page(b).view
    bview.setCurrentIndex(bview.proxy.index(5, MatrixModel.FIRST_HYPOTHESIS + 2))
    bview.verticalScrollBar().setValue(bview.verticalScrollBar().maximum() // 2)
    scroll = bview.verticalScrollBar().value()
    assert shown(b, 0, 0) is not Rating.NA
    key_rate(qtbot, a, 0, 0, Qt.Key.Key_6)
    assert shown(a, 0, 0) is Rating.NA
    qtbot.waitUntil(lambda: shown(b, 0, 0) is Rating.NA, timeout=SEEN_WITHIN_MS)
    assert (bview.currentIndex().row(), bview.currentIndex().column()) == (
        5, MatrixModel.FIRST_HYPOTHESIS + 2)
    assert bview.verticalScrollBar().value() == scroll
    assert b.statusBar().currentMessage() == "Changed in another window or program: 1 rating"
    assert errors == []


def test_an_edit_from_the_command_line_shows_in_the_window(qtbot, pair, workspace_path, capsys):
    """`sat-tool add-evidence` while the window is open: the new row appears in its matrix."""
    a, _b, errors = pair
    rows = page(a).model.rowCount()
    assert cli(["--workspace", str(workspace_path), "add-evidence", str(a.document.case.id),
                "Reported by a script", "--matrix", "1"]) == 0
    qtbot.waitUntil(lambda: page(a).model.rowCount() == rows + 1, timeout=SEEN_WITHIN_MS)
    eid = page(a).model.evidence_id_at(rows)
    assert a.document.case.evidence_item(eid).text == "Reported by a script"
    assert errors == []


def test_the_undo_stack_survives_another_windows_edits(qtbot, pair):
    """B edits elsewhere; A's own undo still works and leaves B's edit in place."""
    a, b, errors = pair
    mat = a.document.case.matrices[0]
    key_rate(qtbot, a, 0, 0, Qt.Key.Key_6)
    key_rate(qtbot, b, 1, 1, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: shown(a, 1, 1) is Rating.II, timeout=SEEN_WITHIN_MS)
    assert a.document.undo_stack.canUndo()
    a.undo()
    assert shown(a, 0, 0) is not Rating.NA and shown(a, 1, 1) is Rating.II
    with Workspace.open(a.workspace.path) as ws:
        case = svc.load_case(ws, a.document.case.id)
    m = case.matrix(mat.id)
    assert m.rating(m.rows[1].evidence_id, m.hypotheses[1].id) is Rating.II
    assert m.rating(m.rows[0].evidence_id, m.hypotheses[0].id) is not Rating.NA
    assert errors == []


def test_an_undo_overtaken_by_another_window_says_so_and_changes_nothing(qtbot, pair):
    """A rates a cell, B re-rates it; A's undo is refused with a sentence, the cell keeps B's rating."""
    a, b, errors = pair
    key_rate(qtbot, a, 0, 0, Qt.Key.Key_6)
    qtbot.waitUntil(lambda: shown(b, 0, 0) is Rating.NA, timeout=SEEN_WITHIN_MS)
    key_rate(qtbot, b, 0, 0, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: shown(a, 0, 0) is Rating.CC, timeout=SEEN_WITHIN_MS)
    a.undo()
    assert len(errors) == 1 and "no longer applies" in errors[0] and errors[0].startswith("Undo Rate NA")
    assert not a.undo_action.isEnabled() and not a.statusBar().currentMessage().startswith("Undone")
    assert shown(a, 0, 0) is Rating.CC
    assert not a.document.undo_stack.canUndo()  # the command that no longer applies is dropped


def test_a_stale_window_is_told_and_refreshed(qtbot, pair, monkeypatch):
    """B has not looked yet when A deletes a row; B's rating of that row is refused and B catches up."""
    a, b, errors = pair
    b.watch_timer.stop()  # B has not yet looked for changes
    mat = a.document.case.matrices[0]
    victim = mat.rows[0].evidence_id
    label = a.document.case.evidence_item(victim).label
    CaseEditor.open(a.workspace, a.document.case.id, "Cleo").delete_evidence(victim)
    rows = page(b).model.rowCount()
    key_rate(qtbot, b, 0, 0, Qt.Key.Key_3)
    assert len(errors) == 1 and errors[0].startswith(f"Rate N failed: Cell {label} × H1 was deleted")
    assert page(b).model.rowCount() == rows - 1
    assert victim not in [page(b).model.evidence_id_at(r) for r in range(rows - 1)]


def test_a_case_deleted_elsewhere_closes_with_a_sentence(qtbot, pair):
    """Another process deletes the open case: the window goes back to the start page and says why."""
    a, b, errors = pair
    svc.delete_case(a.workspace, a.document.case.id)
    qtbot.waitUntil(lambda: b.document is None, timeout=SEEN_WITHIN_MS)
    assert b.stack.currentWidget() is b.start_page
    assert any("deleted" in e for e in errors)


def test_the_start_page_lists_cases_imported_elsewhere(qtbot, workspace_path):
    """The case list follows imports made by another process while it is shown."""
    win = make_window(qtbot, workspace_path, "Ann")
    count = win.start_page.recent.count()
    with Workspace.open(workspace_path) as ws:
        svc.import_bundle(ws, SAMPLE)
    qtbot.waitUntil(lambda: win.start_page.open_button.isEnabled(), timeout=SEEN_WITHIN_MS)
    assert win.start_page.recent.count() >= count
    assert "Azerbaijan" in win.start_page.recent.item(0).text()
    win.close()


def test_a_dialog_outlived_by_its_item_ends_in_a_sentence_naming_it(qtbot, pair, monkeypatch):
    """The evidence dialog is open in B when A deletes the item; saving it says what happened."""
    from sat_tool.ui import case_view as case_view_module

    a, b, errors = pair
    item = b.document.case.evidence[0]

    class Dialog:
        """Stands for the evidence dialog: while it is open, A deletes the item."""

        def __init__(self, *args, **kwargs):
            pass

        def exec(self):
            CaseEditor.open(a.workspace, a.document.case.id, "Ann").delete_evidence(item.id)
            qtbot.waitUntil(lambda: all(e.id != item.id for e in b.document.case.evidence),
                            timeout=SEEN_WITHIN_MS)
            return True

        def values(self):
            return {"text": "Saved too late"}

    monkeypatch.setattr(case_view_module, "EvidenceDialog", Dialog)
    b.case_view.edit_evidence(item)
    assert errors == [f"Edit evidence {item.label} failed: {item.label} has been deleted in another "
                      "window or program; nothing was changed."]
    assert all(e.text != "Saved too late" for e in b.document.case.evidence)
    assert not b.document.undo_stack.canUndo()


def test_a_dialog_never_overwrites_what_another_window_changed_meanwhile(qtbot, pair, monkeypatch,
                                                                        workspace_path, capsys):
    """B's evidence dialog is open on E6 while a script corrects E6's text: B's save is refused,
    the correction stays; a field the script did not touch is saved as usual."""
    from sat_tool.ui import case_view as case_view_module

    a, b, errors = pair
    item = b.document.case.evidence[5]
    case = str(b.document.case.id)
    typed: dict[str, str] = {}

    class Dialog:
        def __init__(self, *args, **kwargs):
            pass

        def exec(self):
            assert cli(["--workspace", str(workspace_path), "edit-evidence", case, item.label,
                        "--text", "Corrected by a colleague"]) == 0
            qtbot.waitUntil(lambda: b.document.case.evidence[5].text == "Corrected by a colleague",
                            timeout=SEEN_WITHIN_MS)
            return True

        def values(self):
            return dict(typed)

    monkeypatch.setattr(case_view_module, "EvidenceDialog", Dialog)
    typed.update(text=item.text + " (B fixed a typo)")
    b.case_view.edit_evidence(item)
    assert errors == [f"Edit evidence {item.label} failed: {item.label} was changed in another window "
                      "or program while this dialog was open, so this edit was not made; the view now "
                      "shows it as it is."]
    assert b.document.case.evidence[5].text == "Corrected by a colleague"
    typed.clear()
    typed.update(notes="B's note")
    fresh = b.document.case.evidence[5]
    b.case_view.edit_evidence(fresh)
    with Workspace.open(workspace_path) as ws:
        stored = svc.load_case(ws, b.document.case.id).evidence[5]
    assert (stored.text, stored.notes) == ("Corrected by a colleague", "B's note")


def test_the_cell_dialog_never_overwrites_a_rating_made_meanwhile(qtbot, pair, monkeypatch,
                                                                 workspace_path):
    """B's cell dialog is open when a script re-rates the cell: B's save is refused in a sentence."""
    from sat_tool.ui import matrix_page as matrix_page_module

    a, b, errors = pair
    mat = b.document.case.matrices[0]
    cell = (mat.rows[8].evidence_id, mat.hypotheses[0].id)
    label = b.document.case.evidence_item(cell[0]).label

    class Dialog:
        def __init__(self, *args, **kwargs):
            self.rationale = type("T", (), {"toPlainText": lambda _self: "B: fits"})()

        def exec(self):
            assert cli(["--workspace", str(workspace_path), "rate", str(b.document.case.id), label,
                        "H1", "II", "--matrix", "1", "--rationale", "Colleague: strong contrary report"]
                       ) == 0
            qtbot.waitUntil(lambda: shown(b, 8, 0) is Rating.II, timeout=SEEN_WITHIN_MS)
            return True

        def chosen(self):
            return Rating.C

        def chosen_likelihood(self):
            return None

    monkeypatch.setattr(matrix_page_module, "CellDialog", Dialog)
    page(b).open_cell_dialog(cell)
    assert len(errors) == 1 and f"Cell {label} × H1 was changed in another window or program" in errors[0]
    with Workspace.open(workspace_path) as ws:
        found = svc.load_case(ws, b.document.case.id).matrix(mat.id).ratings[cell]
    assert (found.rating, found.rationale) == (Rating.II, "Colleague: strong contrary report")


def test_the_start_page_keeps_the_selected_case_when_the_list_changes(qtbot, workspace_path):
    """Another process opens or imports cases: the case the user selected stays selected."""
    with Workspace.open(workspace_path) as ws:
        first = svc.new_case(ws, "First")
        second = svc.new_case(ws, "Second")
    win = make_window(qtbot, workspace_path, "Ann")
    rows = {win.start_page.recent.item(i).data(Qt.ItemDataRole.UserRole): i
            for i in range(win.start_page.recent.count())}
    win.start_page.recent.setCurrentRow(rows[second])
    with Workspace.open(workspace_path) as ws:
        CaseEditor.open(ws, first, "Bob")  # opening counts as recent: the list reorders
        svc.new_case(ws, "Third")
    qtbot.waitUntil(lambda: win.start_page.recent.count() == 3, timeout=SEEN_WITHIN_MS)
    assert win.start_page.recent.currentItem().data(Qt.ItemDataRole.UserRole) == second
    win.close()


def test_a_reload_that_fails_is_tried_again_until_it_succeeds(qtbot, pair, monkeypatch):
    """One busy moment while catching up does not leave the window behind."""
    import sqlite3 as sqlite

    a, b, errors = pair
    real = b.document.editor.refresh
    failures = []

    def flaky():
        if not failures:
            failures.append(1)
            raise sqlite.OperationalError("database is locked")
        return real()

    monkeypatch.setattr(b.document.editor, "refresh", flaky)
    key_rate(qtbot, a, 0, 0, Qt.Key.Key_6)
    qtbot.waitUntil(lambda: shown(b, 0, 0) is Rating.NA, timeout=SEEN_WITHIN_MS)
    assert failures == [1] and errors == []


def test_a_redo_overtaken_by_another_window_says_redo(qtbot, pair):
    """The sentence of a refused redo starts with Redo, as that of an undo starts with Undo."""
    a, b, errors = pair
    key_rate(qtbot, a, 0, 0, Qt.Key.Key_6)
    a.undo()
    qtbot.waitUntil(lambda: shown(b, 0, 0) is not Rating.NA, timeout=SEEN_WITHIN_MS)
    key_rate(qtbot, b, 0, 0, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: shown(a, 0, 0) is Rating.CC, timeout=SEEN_WITHIN_MS)
    a.redo()
    assert len(errors) == 1 and errors[0].startswith("Redo Rate NA failed:")
    assert shown(a, 0, 0) is Rating.CC
    assert not a.redo_action.isEnabled() and a.redo_action.text() == "&Redo"
    assert not a.statusBar().currentMessage().startswith("Redone")


def test_the_status_bar_says_what_another_window_changed(qtbot, pair, workspace_path, capsys):
    """A matrix deleted elsewhere: its tab goes, and the status bar names it."""
    a, _b, errors = pair
    tabs = a.case_view.count()
    assert cli(["--workspace", str(workspace_path), "delete-matrix", str(a.document.case.id), "2"]) == 0
    qtbot.waitUntil(lambda: a.case_view.count() == tabs - 1, timeout=SEEN_WITHIN_MS)
    assert a.statusBar().currentMessage() == "Changed in another window or program: matrix 2 deleted"
    assert errors == []
