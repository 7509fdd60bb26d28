"""Rating, undo and deletion through the real widgets, checked against domain and database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sat_tool.domain import Rating, score_matrix
from sat_tool.services import cases as svc
from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui.main_window import MainWindow
from sat_tool.ui.models import MatrixModel, ScoresModel


@pytest.fixture
def window(qtbot, workspace: Workspace):
    """The main window with the sample case open on its first matrix."""
    win = MainWindow(workspace, Preferences(analyst="Ann Analyst"))
    qtbot.addWidget(win)
    win.show()
    qtbot.mouseClick(win.start_page.sample_button, Qt.MouseButton.LeftButton)
    assert win.document is not None
    return win


def page_of(win: MainWindow):
    page = win.case_view.current_matrix_page()
    assert page is not None
    return page


def on_disk(path: Path, case_id: int):
    with Workspace.open(path) as ws:
        return svc.load_case(ws, case_id)


def go_to(qtbot, page, row: int, column: int) -> None:
    """Put the cursor on a cell with the keyboard, starting from the top-left rating cell."""
    view = page.view
    view.setFocus()
    view.setCurrentIndex(view.proxy.index(0, MatrixModel.FIRST_HYPOTHESIS))
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    for _ in range(column):
        qtbot.keyClick(view, Qt.Key.Key_Right)


def test_rating_from_the_keyboard_updates_everything(qtbot, window, workspace_path):
    """A key press rates the cell: domain, database, header, scores table and chart all follow."""
    page = page_of(window)
    mat = page.matrix
    go_to(qtbot, page, 2, 1)
    eid, hid = mat.rows[2].evidence_id, mat.hypotheses[1].id
    assert mat.rating(eid, hid) is not Rating.II
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    assert mat.rating(eid, hid) is Rating.II
    stored = on_disk(workspace_path, window.document.case.id).matrices[0].ratings[(eid, hid)]
    assert stored.rating is Rating.II and stored.analyst == "Sam Adler"  # the case's first analyst
    expected = score_matrix(window.document.case, mat).for_hypothesis(hid)
    header = page.model.headerData(MatrixModel.FIRST_HYPOTHESIS + 1, Qt.Orientation.Horizontal)
    assert header.endswith(f"Incons. {expected.inconsistency}\nWeighted {expected.weighted:.2f}")
    rows = {page.scores_model.index(r, ScoresModel.COL_HYPOTHESIS).data():
            page.scores_model.index(r, ScoresModel.COL_INCONSISTENCY).data()
            for r in range(page.scores_model.rowCount())}
    assert rows[f"H2: {mat.hypotheses[1].title}"] == str(expected.inconsistency)
    # the chart follows once the keystrokes pause, never on the keystroke's own path
    assert page.chart.pending
    qtbot.waitUntil(lambda: not page.analysis_busy())
    assert page.chart.shown["H2"] == (float(expected.inconsistency), pytest.approx(expected.weighted))
    # the cursor moved on to the next hypothesis of the same row
    assert page.view.current_evidence_id() == eid
    assert page.view.current_hypothesis_id() == mat.hypotheses[2].id


def test_letter_keys_and_delete(qtbot, window, workspace_path):
    """C, Shift+C, N, I, Shift+I and A rate; Delete clears; each is written through."""
    page = page_of(window)
    mat = page.matrix
    eid = mat.rows[0].evidence_id
    keys = [("c", Qt.KeyboardModifier.NoModifier, Rating.C),
            ("C", Qt.KeyboardModifier.ShiftModifier, Rating.CC),
            ("n", Qt.KeyboardModifier.NoModifier, Rating.N),
            ("I", Qt.KeyboardModifier.ShiftModifier, Rating.II)]
    go_to(qtbot, page, 0, 0)
    for text, modifier, _ in keys:
        qtbot.keyClicks(page.view, text, modifier)
    got = [mat.rating(eid, h.id) for h in mat.hypotheses[:4]]
    assert got == [r for _, _, r in keys]
    go_to(qtbot, page, 0, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert mat.rating(eid, mat.hypotheses[3].id) is None
    assert (eid, mat.hypotheses[3].id) not in on_disk(workspace_path,
                                                      window.document.case.id).matrices[0].ratings


def test_undo_and_redo_with_the_standard_keys(qtbot, window, workspace_path):
    """Ctrl+Z restores the previous rating everywhere; Ctrl+Shift+Z puts the new one back."""
    page = page_of(window)
    mat = page.matrix
    eid, hid = mat.rows[4].evidence_id, mat.hypotheses[0].id
    before = mat.ratings[(eid, hid)]
    go_to(qtbot, page, 4, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_4)
    assert mat.rating(eid, hid) is Rating.I
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mat.ratings[(eid, hid)] == before
    assert on_disk(workspace_path, window.document.case.id).matrices[0].ratings[(eid, hid)] == before
    qtbot.waitUntil(lambda: not page.analysis_busy())
    assert page.chart.shown["H1"][0] == score_matrix(window.document.case, mat).for_hypothesis(
        hid).inconsistency
    qtbot.keyClick(page.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert mat.rating(eid, hid) is Rating.I
    assert on_disk(workspace_path, window.document.case.id).matrices[0].rating(eid, hid) is Rating.I


def test_rating_a_selection_is_one_undo_step(qtbot, window):
    """Rating several selected cells at once is undone in one step."""
    page = page_of(window)
    mat = page.matrix
    before = dict(mat.ratings)
    go_to(qtbot, page, 0, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_6)
    cells = [(mat.rows[r].evidence_id, mat.hypotheses[c].id) for r in (0, 1) for c in (0, 1)]
    assert all(mat.rating(*cell) is Rating.NA for cell in cells)
    window.undo_action.trigger()
    assert mat.ratings == before


def test_delete_hypothesis_and_undo_restores_its_ratings(qtbot, window, workspace_path):
    """Deleting a hypothesis removes its column; undo brings it back in place with its ratings."""
    page = page_of(window)
    mat = page.matrix
    hyp = mat.hypotheses[1]
    ratings = {c: a for c, a in mat.ratings.items() if c[1] == hyp.id}
    columns = page.model.columnCount()
    go_to(qtbot, page, 0, 1)
    page.actions_by_name["delete_hypothesis"].trigger()
    assert hyp not in mat.hypotheses
    assert page.model.columnCount() == columns - 1
    assert page.scores_model.rowCount() == len(mat.hypotheses)
    case_on_disk = on_disk(workspace_path, window.document.case.id).matrices[0]
    assert hyp.id not in [h.id for h in case_on_disk.hypotheses]
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert mat.hypotheses[1] == hyp
    assert {c: a for c, a in mat.ratings.items() if c[1] == hyp.id} == ratings
    assert page.model.columnCount() == columns
    restored = on_disk(workspace_path, window.document.case.id).matrices[0]
    assert restored.hypotheses[1] == hyp
    assert {c: a for c, a in restored.ratings.items() if c[1] == hyp.id} == ratings


def test_delete_evidence_and_undo_restores_row_and_ratings(qtbot, window, workspace_path):
    """Deleting an evidence item from the case and undoing puts the row back with its ratings."""
    page = page_of(window)
    case = window.document.case
    mat = page.matrix
    before = on_disk(workspace_path, case.id)
    window.case_view.setCurrentWidget(window.case_view.evidence_page)
    table = window.case_view.evidence_page.table
    table.selectRow(3)
    window.case_view.evidence_page.delete_selected()
    assert len(case.evidence) == len(before.evidence) - 1
    assert page.model.rowCount() == len(mat.rows) == len(before.matrices[0].rows) - 1
    window.undo_action.trigger()
    assert case == before
    assert on_disk(workspace_path, case.id) == before
    assert page.model.rowCount() == len(before.matrices[0].rows)


def test_legend_button_rates_the_selection_with_the_mouse(qtbot, window):
    """Clicking a legend button rates the selected cells."""
    page = page_of(window)
    mat = page.matrix
    go_to(qtbot, page, 1, 2)
    qtbot.mouseClick(page.legend.buttons[Rating.CC], Qt.MouseButton.LeftButton)
    assert mat.rating(mat.rows[1].evidence_id, mat.hypotheses[2].id) is Rating.CC


def test_rationale_is_the_cell_tooltip(qtbot, window, monkeypatch):
    """The rationale typed in the cell dialog is stored and shown as the cell's tooltip."""
    from sat_tool.ui import matrix_page

    page = page_of(window)
    mat = page.matrix

    def fake_exec(dialog):
        dialog.buttons_by_rating[Rating.I].setChecked(True)
        dialog.rationale.setPlainText("The spokesman denied any link.")
        return True

    monkeypatch.setattr(matrix_page.CellDialog, "exec", fake_exec)
    go_to(qtbot, page, 2, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    cell = (mat.rows[2].evidence_id, mat.hypotheses[0].id)
    assert mat.ratings[cell].rating is Rating.I
    assert mat.ratings[cell].rationale == "The spokesman denied any link."
    index = page.model.index_of_cell(*cell)
    assert "The spokesman denied any link." in index.data(Qt.ItemDataRole.ToolTipRole)


def test_sort_by_diagnosticity_keeps_the_stored_order(qtbot, window):
    """Sorting shows the most diagnostic rows first without changing the matrix's order."""
    page = page_of(window)
    mat = page.matrix
    order = [r.evidence_id for r in mat.rows]
    page.actions_by_name["sort"].trigger()
    shown = [page.model.evidence_id_at(page.view.proxy.mapToSource(page.view.proxy.index(r, 0)).row())
             for r in range(page.view.proxy.rowCount())]
    scores = score_matrix(window.document.case, mat)
    values = [scores.for_evidence(e).diagnosticity or -1 for e in shown]
    assert values == sorted(values, reverse=True)
    assert [r.evidence_id for r in mat.rows] == order
    assert not page.actions_by_name["move_up"].isEnabled()


def test_add_hypothesis_through_the_dialog_and_undo(qtbot, window, monkeypatch, workspace_path):
    """A hypothesis added through its dialog appears as a column; undo removes it again."""
    from sat_tool.ui import matrix_page

    page = page_of(window)
    mat = page.matrix
    count = len(mat.hypotheses)

    def fake_exec(dialog):
        dialog.title.setText("A deception by a third country")
        return True

    monkeypatch.setattr(matrix_page.HypothesisDialog, "exec", fake_exec)
    page.actions_by_name["add_hypothesis"].trigger()
    assert mat.hypotheses[-1].title == "A deception by a third country"
    assert page.model.columnCount() == MatrixModel.FIRST_HYPOTHESIS + count + 1
    assert len(on_disk(workspace_path, window.document.case.id).matrices[0].hypotheses) == count + 1
    window.undo_action.trigger()
    assert len(mat.hypotheses) == count
    assert len(on_disk(workspace_path, window.document.case.id).matrices[0].hypotheses) == count


def test_failed_edit_is_reported_and_not_left_on_the_stack(qtbot, window, monkeypatch):
    """When the database refuses an edit the user sees why and the rating is unchanged."""
    page = page_of(window)
    mat = page.matrix
    errors = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: errors.append(args[2]))
    with window.workspace.engine.begin() as con:
        for when in ("INSERT", "UPDATE"):
            con.exec_driver_sql(f"CREATE TRIGGER no_ratings_{when} BEFORE {when} ON ratings "
                                "BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
    eid, hid = mat.rows[0].evidence_id, mat.hypotheses[0].id
    before = mat.rating(eid, hid)
    go_to(qtbot, page, 0, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    assert mat.rating(eid, hid) == before
    from sat_tool.errors import log_path

    assert errors and errors[0].startswith("Rate II failed:") and "nothing was changed" in errors[0]
    assert "disk says no" not in errors[0] and "INSERT" not in errors[0]  # no library text
    assert str(log_path()) in errors[0] and "disk says no" in log_path().read_text(encoding="utf-8")
    assert not window.document.undo_stack.canUndo()


def test_editing_credibility_reweights_and_undoes(qtbot, window, monkeypatch, workspace_path):
    """Enter on an evidence text opens its editor; a new credibility changes the weighted scores."""
    from sat_tool.domain import Level
    from sat_tool.ui import matrix_page

    page = page_of(window)
    mat = page.matrix
    case = window.document.case
    item = case.evidence_item(mat.rows[1].evidence_id)  # E2, rated II against H2
    before = score_matrix(case, mat)

    def fake_exec(dialog):
        dialog.credibility.setCurrentIndex(dialog.credibility.findData(Level.HIGH))
        return True

    monkeypatch.setattr(matrix_page.EvidenceDialog, "exec", fake_exec)
    page.view.setFocus()
    page.view.setCurrentIndex(page.view.proxy.index(1, MatrixModel.COL_TEXT))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert item.credibility is Level.HIGH
    after = score_matrix(case, mat)
    hid = mat.hypotheses[1].id
    assert after.for_hypothesis(hid).weighted > before.for_hypothesis(hid).weighted
    assert page.model.index(1, MatrixModel.COL_CREDIBILITY).data() == "H"
    assert on_disk(workspace_path, case.id).evidence_item(item.id).credibility is Level.HIGH
    window.undo_action.trigger()
    assert item.credibility is Level.MEDIUM
    assert score_matrix(case, mat) == before


def test_a_failing_multi_item_edit_changes_nothing(qtbot, window, workspace_path, monkeypatch):
    """Including three items when the third cannot be written leaves the matrix exactly as it was."""
    from sat_tool.domain import EvidenceId
    from sat_tool.ui import commands as cmd

    monkeypatch.setattr(QMessageBox, "critical", lambda *args: None)
    doc = window.document
    second = doc.case.matrices[1]
    missing = [e.id for e in doc.case.evidence if not second.includes(e.id)][:3]
    with window.workspace.engine.begin() as con:
        con.exec_driver_sql(f"CREATE TRIGGER no_third BEFORE INSERT ON matrix_evidence "
                            f"WHEN NEW.evidence_id = {missing[2]} "
                            "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    before = on_disk(workspace_path, doc.case.id)
    rows = len(second.rows)
    doc.push(cmd.IncludeEvidenceCommand(doc, second.id, [EvidenceId(e) for e in missing]))
    assert len(second.rows) == rows
    assert on_disk(workspace_path, doc.case.id) == before
    assert not doc.undo_stack.canUndo()


def test_caps_lock_does_not_double_a_rating(qtbot, window):
    """An upper-case letter without Shift (Caps Lock) rates C or I, not CC or II."""
    page = page_of(window)
    mat = page.matrix
    go_to(qtbot, page, 3, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_I, Qt.KeyboardModifier.NoModifier)  # sends text "i"
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    go_to(qtbot, page, 3, 1)
    caps = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier, "C")
    page.view.keyPressEvent(caps)
    eid = mat.rows[3].evidence_id
    assert mat.rating(eid, mat.hypotheses[0].id) is Rating.I
    assert mat.rating(eid, mat.hypotheses[1].id) is Rating.C


def test_sorted_view_follows_edits_and_keeps_the_cursor(qtbot, window):
    """With rows sorted by diagnosticity, a re-rating re-sorts and the cursor stays with its row."""
    page = page_of(window)
    mat = page.matrix
    page.actions_by_name["sort"].trigger()
    proxy = page.view.proxy
    eid = mat.rows[0].evidence_id  # E1: C for every hypothesis, diagnosticity 0
    before = [page.model.evidence_id_at(proxy.mapToSource(proxy.index(r, 0)).row())
              for r in range(proxy.rowCount())].index(eid)
    page.view.select_cell(eid, mat.hypotheses[0].id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_5)  # II where the others are C or N: very diagnostic now
    shown = [page.model.evidence_id_at(proxy.mapToSource(proxy.index(r, 0)).row())
             for r in range(proxy.rowCount())]
    scores = score_matrix(window.document.case, mat)
    values = [scores.for_evidence(e).diagnosticity or -1 for e in shown]
    assert values == sorted(values, reverse=True)
    assert shown.index(eid) < before
    assert page.view.current_evidence_id() == eid


def test_undo_puts_the_cursor_back_on_the_cell(qtbot, window):
    """After a rating the cursor moves on; Ctrl+Z restores the cell and returns the cursor to it."""
    page = page_of(window)
    mat = page.matrix
    go_to(qtbot, page, 2, 1)
    qtbot.keyClick(page.view, Qt.Key.Key_4)
    assert page.view.current_hypothesis_id() == mat.hypotheses[2].id
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (page.view.current_evidence_id(), page.view.current_hypothesis_id()) == (
        mat.rows[2].evidence_id, mat.hypotheses[1].id)
    assert window.statusBar().currentMessage().startswith("Undone: Rate I")


def test_undo_in_another_matrix_shows_that_matrix(qtbot, window):
    """Undoing a rating made in M1 while M3 is shown brings M1 back with the cell current."""
    page = page_of(window)
    mat = page.matrix
    go_to(qtbot, page, 0, 2)
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    window.case_view.setCurrentIndex(2)
    window.undo_action.trigger()
    assert window.case_view.current_matrix_page() is page
    assert (page.view.current_evidence_id(), page.view.current_hypothesis_id()) == (
        mat.rows[0].evidence_id, mat.hypotheses[2].id)


def test_hidden_row_leaves_a_usable_cursor(qtbot, window):
    """When a rating makes the current row non-diagnostic and it hides, the cursor stays usable."""
    page = page_of(window)
    mat = page.matrix
    page.actions_by_name["hide"].trigger()
    eid = mat.rows[0].evidence_id  # E1: C, N, C, N — diagnostic, the first row shown
    page.view.select_cell(eid, mat.hypotheses[1].id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_2)  # N → C: the row is still diagnostic (N)
    page.view.select_cell(eid, mat.hypotheses[3].id)
    view_row = page.view.proxy.mapFromSource(page.model.index(page.model.row_of(eid), 0)).row()
    next_shown = page.view.matrix_model.evidence_id_at(
        page.view.source_index(page.view.proxy.index(view_row + 1, 0)).row())
    qtbot.keyClick(page.view, Qt.Key.Key_2)  # N → C: all C, no longer diagnostic
    hidden = not page.view.proxy.mapFromSource(page.model.index(page.model.row_of(eid), 0)).isValid()
    assert hidden
    assert page.view.currentIndex().isValid()
    # the row that took its place starts at its first hypothesis: none is skipped
    assert page.view.current_evidence_id() == next_shown
    assert page.view.current_hypothesis_id() == mat.hypotheses[0].id
    before = dict(mat.ratings)
    qtbot.keyClick(page.view, Qt.Key.Key_3)
    assert mat.ratings != before  # the next key still rates a cell


def test_question_and_conclusions_opens_from_the_toolbar(qtbot, window, monkeypatch):
    """The toolbar's Question & conclusions opens its dialog and saves an edit undoably."""
    from sat_tool.ui import matrix_page

    page = page_of(window)

    def fake_exec(dialog):
        dialog.milestones.setPlainText("- A trial names the trainers")
        return True

    monkeypatch.setattr(matrix_page.MatrixDialog, "exec", fake_exec)
    page.actions_by_name["question"].trigger()
    assert page.matrix.milestones == "- A trial names the trainers"
    window.undo_action.trigger()
    assert page.matrix.milestones != "- A trial names the trainers"


def test_form_dialogs_start_typing_in_their_first_field(qtbot, window):
    """A new hypothesis dialog has the keyboard in its title field, so a space cannot press Cancel."""
    from sat_tool.ui.dialogs import HypothesisDialog

    dialog = HypothesisDialog(None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.title
    qtbot.keyClicks(dialog.title, "Arson by a rival")
    assert dialog.isVisible() and dialog.title.text() == "Arson by a rival"
