"""Hypotheses down the side: the transposed matrix driven through the real widgets.

Every check reads the domain and, where something is written, the workspace file too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu

from sat_tool.domain.changes import Kind
from sat_tool.domain import Rating, score_matrix
from sat_tool.domain.guide import Place, Target
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui.main_window import MainWindow
from sat_tool.ui.models import MatrixModel, RatingRole

from conftest import sample_page

FIRST = MatrixModel.FIRST_HYPOTHESIS
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(qtbot, workspace: Workspace):
    """The main window with the sample case open on its first matrix."""
    win = sample_page(qtbot, workspace).window_
    assert win.document is not None
    return win


@pytest.fixture
def page(qtbot, window):
    """The first matrix's page, switched to hypotheses down the side with its shortcut."""
    found = window.case_view.current_matrix_page()
    assert found is not None
    transpose(qtbot, found)
    return found


def transpose(qtbot, page) -> None:
    """Press Ctrl+Shift+T on the matrix, as the analyst would."""
    view = page.view
    view.window().activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)  # the shortcut works where the page has the keyboard
    before = view.transposed
    qtbot.keyClick(view, Qt.Key.Key_T, CTRL | SHIFT)
    assert view.transposed is not before


def on_disk(path: Path, case_id: int):
    with Workspace.open(path) as ws:
        return svc.load_case(ws, case_id)


def go_to(qtbot, page, hypothesis: int, item: int) -> None:
    """Put the cursor on a cell with the keyboard, from the top-left rating cell (transposed:
    down to the hypothesis, right to the evidence item)."""
    view = page.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(FIRST, 0))
    for _ in range(hypothesis):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    for _ in range(item):
        qtbot.keyClick(view, Qt.Key.Key_Right)


def current_cell(page) -> tuple[int | None, int | None]:
    return page.view.current_evidence_id(), page.view.current_hypothesis_id()


def evidence_across(page) -> list[int]:
    """The evidence ids of the columns, left to right."""
    header = page.view.horizontalHeader()
    return [page.view.evidence_at_section(header.logicalIndex(v)) for v in range(header.count())]


def section_centre(header, section: int) -> QPoint:
    position = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    if header.orientation() == Qt.Orientation.Horizontal:
        return QPoint(position, header.height() // 2)
    return QPoint(header.width() // 2, position)


class MenuSpy:
    """Stands in for the page's menus: records a menu's entries instead of showing it, and
    picks the entry named ``choose``."""

    def __init__(self, monkeypatch) -> None:
        from sat_tool.ui import matrix_page

        self.texts: list[str] = []
        self.choose: str | None = None
        spy = self

        class Menu(QMenu):
            def exec(self, *_args) -> None:
                spy.texts = [a.text() for a in self.actions() if not a.isSeparator()]
                for action in self.actions():
                    if action.text() == spy.choose:
                        action.trigger()

        monkeypatch.setattr(matrix_page, "QMenu", Menu)


def double_click(view, index) -> None:
    """Double-click a cell as a mouse does: press, release, press, double-click, release."""
    pos = QPointF(view.visualRect(index).center())
    where = QPointF(view.viewport().mapToGlobal(pos.toPoint()))
    left = Qt.MouseButton.LeftButton
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                 QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                 QEvent.Type.MouseButtonRelease):
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else left
        QApplication.sendEvent(view.viewport(), QMouseEvent(kind, pos, where, left, held,
                                                            Qt.KeyboardModifier.NoModifier))


def right_click(header, section: int) -> None:
    """Ask a header for the context menu of a section, as a right click does."""
    pos = section_centre(header, section)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, header.viewport().mapToGlobal(pos))
    QApplication.sendEvent(header.viewport(), event)


# ---------------------------------------------------------------- the layout itself


def test_the_shortcut_turns_the_matrix_on_its_side(qtbot, window, workspace_path):
    """Ctrl+Shift+T: hypotheses are the rows, evidence items the columns, and it is stored."""
    page = window.case_view.current_matrix_page()
    mat = page.matrix
    assert not page.view.transposed
    transpose(qtbot, page)
    view = page.view
    assert mat.transposed and view.transposed
    assert page.actions_by_name["transposed"].isChecked()
    assert on_disk(workspace_path, window.document.case.id).matrices[0].transposed
    # rows: the hypotheses, with their titles and scores; the evidence's own fields are hidden
    visible = [r for r in range(view.model().rowCount()) if not view.isRowHidden(r)]
    assert visible == list(range(FIRST, FIRST + len(mat.hypotheses)))
    scores = score_matrix(window.document.case, mat)
    for i, hyp in enumerate(mat.hypotheses):
        text = view.model().headerData(FIRST + i, Qt.Orientation.Vertical)
        score = scores.for_hypothesis(hyp.id)
        assert text.startswith(f"H{i + 1}: {hyp.title.split()[0]}")
        assert text.endswith(f"Incons. {score.inconsistency} · Weighted {score.weighted:.2f}")
        assert view.hypothesis_at_section(FIRST + i) == hyp.id
    # columns: the evidence items, label, credibility·relevance and diagnosticity in the header
    assert view.model().columnCount() == len(mat.rows)
    item = window.document.case.evidence_item(mat.rows[1].evidence_id)
    header = view.model().headerData(1, Qt.Orientation.Horizontal)
    diagnosticity = scores.for_evidence(item.id).diagnosticity
    assert header.split("\n") == [item.label, f"{item.credibility.value[0]}·"
                                  f"{mat.rows[1].relevance.value[0]}", f"{diagnosticity:.2f}"]
    assert item.text in view.model().headerData(1, Qt.Orientation.Horizontal,
                                                Qt.ItemDataRole.ToolTipRole)
    # every evidence column and every hypothesis row is wide enough for its header
    metrics = view.horizontalHeader().fontMetrics()
    for column in range(view.model().columnCount()):
        lines = view.model().headerData(column, Qt.Orientation.Horizontal).split("\n")
        assert view.columnWidth(column) >= max(metrics.horizontalAdvance(x) for x in lines)
    for row in visible:
        lines = view.model().headerData(row, Qt.Orientation.Vertical).split("\n")
        assert view.verticalHeader().width() >= max(metrics.horizontalAdvance(x) for x in lines)
    # the band reads out the current item in full
    page.view.select_cell(item.id, mat.hypotheses[0].id)
    assert view.band.isVisible() and view.band.evidence_id == item.id
    assert item.text in view.band.text()


def test_the_layout_is_one_undo_step_and_comes_back_with_the_case(qtbot, page, window,
                                                                  workspace_path, workspace):
    """Ctrl+Z puts the hypotheses back across; redo and reopening the case show them down the side."""
    case_id = window.document.case.id
    mat = page.matrix
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    assert not mat.transposed and not page.view.transposed
    assert not page.actions_by_name["transposed"].isChecked()
    assert page.view.model() is page.view.proxy
    assert not on_disk(workspace_path, case_id).matrices[0].transposed
    assert not page.view.band.isVisible()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert mat.transposed and page.view.transposed
    assert on_disk(workspace_path, case_id).matrices[0].transposed
    # the other matrices keep their own layout
    assert not any(m.transposed for m in on_disk(workspace_path, case_id).matrices[1:])
    window.close()
    again = MainWindow(workspace, Preferences(analyst="Ann Analyst"))
    qtbot.addWidget(again)
    again.show()
    again.open_case(case_id)
    reopened = again.case_view.current_matrix_page()
    assert reopened.view.transposed and reopened.actions_by_name["transposed"].isChecked()
    assert reopened.actions_by_name["move_up"].text() == "Move hypothesis up"
    assert [reopened.view.isRowHidden(r) for r in range(FIRST)] == [True] * FIRST
    # the window put the cursor on the first cell: typing rates it
    first = (reopened.matrix.rows[0].evidence_id, reopened.matrix.hypotheses[0].id)
    assert current_cell(reopened) == first
    qtbot.keyClick(reopened.view, Qt.Key.Key_6)
    assert reopened.matrix.rating(*first) is Rating.NA
    assert on_disk(workspace_path, case_id).matrices[0].rating(*first) is Rating.NA
    pages = again.case_view.pages
    assert not any(p.view.transposed for mid, p in pages.items() if mid != reopened.matrix_id)


def test_switching_keeps_the_current_cell_and_the_selection(qtbot, window):
    """A selection made across stays the same cells down the side, and back again."""
    page = window.case_view.current_matrix_page()
    mat = page.matrix
    view = page.view
    view.setFocus()
    view.setCurrentIndex(view.proxy.index(2, FIRST + 1))
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_Right, SHIFT)
    cells = view.selected_cells()
    assert len(cells) == 4
    current = current_cell(page)
    transpose(qtbot, page)
    assert view.selected_cells() == cells
    assert current_cell(page) == current
    transpose(qtbot, page)
    assert not view.transposed
    assert view.selected_cells() == cells and current_cell(page) == current
    # on an evidence text the cursor goes to that item's first rating when transposed
    view.setCurrentIndex(view.proxy.index(3, MatrixModel.COL_TEXT))
    transpose(qtbot, page)
    assert current_cell(page) == (mat.rows[3].evidence_id, mat.hypotheses[0].id)
    before = dict(mat.ratings)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert mat.ratings != before


# ---------------------------------------------------------------- keys


def test_a_key_rates_the_cell_and_moves_to_the_next_evidence_item(qtbot, page, window, workspace_path):
    """A rating key writes the cell under the cursor; the cursor moves right, to the next item."""
    mat = page.matrix
    go_to(qtbot, page, 1, 2)
    eid, hid = mat.rows[2].evidence_id, mat.hypotheses[1].id
    assert current_cell(page) == (eid, hid)
    assert mat.rating(eid, hid) is not Rating.II
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    assert mat.rating(eid, hid) is Rating.II
    stored = on_disk(workspace_path, window.document.case.id).matrices[0].ratings[(eid, hid)]
    assert stored.rating is Rating.II and stored.analyst == "Sam Adler"  # the case's first analyst
    assert current_cell(page) == (mat.rows[3].evidence_id, hid)
    assert page.view.currentIndex().row() == FIRST + 1  # the same hypothesis row
    # the hypothesis's row header shows its new score; the item's header its diagnosticity
    scores = score_matrix(window.document.case, mat)
    side = page.view.model().headerData(FIRST + 1, Qt.Orientation.Vertical)
    assert side.endswith(f"Incons. {scores.for_hypothesis(hid).inconsistency} · "
                         f"Weighted {scores.for_hypothesis(hid).weighted:.2f}")
    across = page.view.model().headerData(2, Qt.Orientation.Horizontal)
    assert across.endswith(f"{scores.for_evidence(eid).diagnosticity:.2f}")


def test_letters_delete_and_the_end_of_a_row(qtbot, page, workspace_path, window):
    """Letter keys rate along the row; Delete clears; past the last item the next hypothesis starts."""
    mat = page.matrix
    hid = mat.hypotheses[0].id
    keys = [("c", Qt.KeyboardModifier.NoModifier, Rating.C),
            ("C", SHIFT, Rating.CC),
            ("n", Qt.KeyboardModifier.NoModifier, Rating.N),
            ("I", SHIFT, Rating.II)]
    go_to(qtbot, page, 0, 0)
    for text, modifier, _ in keys:
        qtbot.keyClicks(page.view, text, modifier)
    assert [mat.rating(r.evidence_id, hid) for r in mat.rows[:4]] == [r for _, _, r in keys]
    go_to(qtbot, page, 0, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert mat.rating(mat.rows[3].evidence_id, hid) is None
    assert (mat.rows[3].evidence_id, hid) not in on_disk(
        workspace_path, window.document.case.id).matrices[0].ratings
    go_to(qtbot, page, 1, len(mat.rows) - 1)
    qtbot.keyClick(page.view, Qt.Key.Key_2)
    assert mat.rating(mat.rows[-1].evidence_id, mat.hypotheses[1].id) is Rating.C
    assert current_cell(page) == (mat.rows[0].evidence_id, mat.hypotheses[2].id)


def test_a_selection_is_rated_with_one_key_in_one_undo_step(qtbot, page, window, workspace_path):
    """Shift+arrows select a block across hypotheses and items; one key rates all; Ctrl+Z undoes all."""
    mat = page.matrix
    before = dict(mat.ratings)
    go_to(qtbot, page, 1, 3)
    qtbot.keyClick(page.view, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(page.view, Qt.Key.Key_Right, SHIFT)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, SHIFT)
    qtbot.keyClick(page.view, Qt.Key.Key_6)
    cells = [(mat.rows[r].evidence_id, mat.hypotheses[h].id) for r in (3, 4, 5) for h in (1, 2)]
    assert all(mat.rating(*cell) is Rating.NA for cell in cells)
    assert sum(1 for c in mat.ratings if mat.ratings[c] != before.get(c)) == len(cells)
    stored = on_disk(workspace_path, window.document.case.id).matrices[0]
    assert all(stored.rating(*cell) is Rating.NA for cell in cells)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    assert mat.ratings == before
    assert on_disk(workspace_path, window.document.case.id).matrices[0].ratings == before
    # the legend rates a selection too
    go_to(qtbot, page, 3, 0)
    qtbot.keyClick(page.view, Qt.Key.Key_Right, SHIFT)
    qtbot.mouseClick(page.legend.buttons[Rating.CC], Qt.MouseButton.LeftButton)
    assert [mat.rating(mat.rows[r].evidence_id, mat.hypotheses[3].id) for r in (0, 1)] == [Rating.CC] * 2


def test_enter_and_double_click_open_the_cells_dialog(qtbot, page, monkeypatch):
    """Enter, F2 and a double-click open the dialog of the cell under the cursor."""
    from sat_tool.ui import matrix_page

    mat = page.matrix
    opened = []

    def fake_exec(dialog):
        opened.append(dialog)
        dialog.buttons_by_rating[Rating.I].setChecked(True)
        dialog.rationale.setPlainText(f"Reason {len(opened)}")
        return True

    monkeypatch.setattr(matrix_page.CellDialog, "exec", fake_exec)
    go_to(qtbot, page, 2, 4)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    cell = (mat.rows[4].evidence_id, mat.hypotheses[2].id)
    assert mat.ratings[cell].rating is Rating.I and mat.ratings[cell].rationale == "Reason 1"
    go_to(qtbot, page, 0, 1)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    assert mat.ratings[(mat.rows[1].evidence_id, mat.hypotheses[0].id)].rationale == "Reason 2"
    double_click(page.view, page.view.model().index(FIRST + 3, 6))
    assert mat.ratings[(mat.rows[6].evidence_id, mat.hypotheses[3].id)].rationale == "Reason 3"


def test_undo_and_redo_put_the_cursor_back_on_the_cell(qtbot, page, window):
    """After a rating the cursor moved on; Ctrl+Z restores the cell and returns the cursor to it."""
    mat = page.matrix
    go_to(qtbot, page, 2, 5)
    cell = (mat.rows[5].evidence_id, mat.hypotheses[2].id)
    before = mat.ratings.get(cell)
    qtbot.keyClick(page.view, Qt.Key.Key_4)
    assert current_cell(page) == (mat.rows[6].evidence_id, mat.hypotheses[2].id)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL)
    assert mat.ratings.get(cell) == before
    assert current_cell(page) == cell
    qtbot.keyClick(page.view, Qt.Key.Key_Right)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert mat.rating(*cell) is Rating.I and current_cell(page) == cell


# ---------------------------------------------------------------- sorting and hiding


def test_sort_by_diagnosticity_reorders_the_columns(qtbot, page, window):
    """Sorting puts the most diagnostic items leftmost; the matrix's own order is untouched."""
    mat = page.matrix
    order = [r.evidence_id for r in mat.rows]
    page.actions_by_name["sort"].trigger()
    shown = evidence_across(page)
    scores = score_matrix(window.document.case, mat)
    values = [scores.for_evidence(e).diagnosticity or -1 for e in shown]
    assert values == sorted(values, reverse=True) and sorted(shown) == sorted(order)
    assert [r.evidence_id for r in mat.rows] == order
    # evidence cannot be moved while sorted; hypotheses can
    assert not page.actions_by_name["move_left"].isEnabled()
    assert page.actions_by_name["move_up"].isEnabled()
    # a re-rating re-sorts and the cursor stays with its item
    eid = mat.rows[0].evidence_id  # rated alike for every hypothesis: not diagnostic
    page.view.select_cell(eid, mat.hypotheses[0].id)
    page.view.setFocus()
    left_of = evidence_across(page).index(eid)
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    shown = evidence_across(page)
    scores = score_matrix(window.document.case, mat)
    values = [scores.for_evidence(e).diagnosticity or -1 for e in shown]
    assert values == sorted(values, reverse=True)
    assert shown.index(eid) < left_of
    # the cursor went on from the rated cell, now further left, to the next item on its right
    assert current_cell(page) == (shown[shown.index(eid) + 1], mat.hypotheses[0].id)
    page.actions_by_name["sort"].trigger()
    assert evidence_across(page) == order


def test_hide_non_diagnostic_hides_columns(qtbot, page, window):
    """Hiding leaves the columns of diagnostic items; one that stops discriminating goes too."""
    mat = page.matrix
    page.actions_by_name["hide"].trigger()
    scores = score_matrix(window.document.case, mat)
    wanted = [r.evidence_id for r in mat.rows if scores.for_evidence(r.evidence_id).diagnostic
              or scores.for_evidence(r.evidence_id).inconsistent_with_all]
    assert evidence_across(page) == wanted and len(wanted) < len(mat.rows)
    assert "columns" in page.actions_by_name["hide"].toolTip()
    # make a diagnostic item rate every hypothesis alike: its column goes
    def shared(eid):
        """The rating all hypotheses but one give an item, if there is one."""
        ratings = [mat.rating(eid, h.id) for h in mat.hypotheses]
        return next((r for r in set(ratings) if ratings.count(r) == len(ratings) - 1), None)

    victim = next(e for e in wanted[:-1] if shared(e) in (Rating.C, Rating.N))
    common = shared(victim)
    odd = next(h for h in mat.hypotheses if mat.rating(victim, h.id) is not common)
    following = wanted[wanted.index(victim) + 1]
    page.view.select_cell(victim, odd.id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_2 if common is Rating.C else Qt.Key.Key_3)
    assert victim not in evidence_across(page)
    # the item that took its place starts at the first hypothesis; the next key rates it
    assert current_cell(page) == (following, mat.hypotheses[0].id)
    qtbot.keyClick(page.view, Qt.Key.Key_3)
    assert mat.rating(following, mat.hypotheses[0].id) is Rating.N
    page.actions_by_name["hide"].trigger()
    assert evidence_across(page) == [r.evidence_id for r in mat.rows]


# ---------------------------------------------------------------- headers and menus


def test_header_menus_act_on_the_right_hypothesis_and_item(qtbot, page, window, monkeypatch,
                                                           workspace_path):
    """The row header's menu is the hypothesis's, the column header's the evidence item's."""
    mat = page.matrix
    view = page.view
    spy = MenuSpy(monkeypatch)
    right_click(view.verticalHeader(), FIRST + 2)
    assert spy.texts[:2] == ["Edit hypothesis…", "Delete hypothesis"]
    right_click(view.horizontalHeader(), 3)
    assert spy.texts[:2] == ["Edit evidence…", "Show in source"]
    spy.choose = "Delete hypothesis"
    doomed = mat.hypotheses[2]
    right_click(view.verticalHeader(), FIRST + 2)
    assert doomed.id not in [h.id for h in mat.hypotheses]
    assert doomed.id not in [h.id for h in on_disk(workspace_path, window.document.case.id)
                             .matrices[0].hypotheses]
    assert view.model().rowCount() == FIRST + len(mat.hypotheses)
    spy.choose = "Remove from this matrix"
    removed = mat.rows[3].evidence_id
    right_click(view.horizontalHeader(), 3)
    assert not mat.includes(removed)
    assert not on_disk(workspace_path, window.document.case.id).matrices[0].includes(removed)
    assert view.model().columnCount() == len(mat.rows)
    assert removed not in evidence_across(page)
    # the cell menu rates what is selected
    spy.choose = f"{Rating.II.value}  {Rating.II.meaning}"
    view.select_cell(mat.rows[0].evidence_id, mat.hypotheses[1].id)
    pos = view.visualRect(view.currentIndex()).center()
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)))
    assert mat.rating(mat.rows[0].evidence_id, mat.hypotheses[1].id) is Rating.II
    assert "State likelihoods of this column…" in spy.texts


def test_header_double_clicks_edit_the_right_hypothesis_and_item(qtbot, page, monkeypatch,
                                                                 window, workspace_path):
    """A double-click on a row header edits that hypothesis; on a column header, that item."""
    from sat_tool.ui import matrix_page

    mat = page.matrix
    edited = []

    def hypothesis_exec(dialog):
        edited.append(dialog.title.text())
        dialog.title.setText("Renamed down the side")
        return True

    def evidence_exec(dialog):
        edited.append(dialog.text_edit.toPlainText())
        dialog.text_edit.setPlainText("Retold across the top")
        return True

    monkeypatch.setattr(matrix_page.HypothesisDialog, "exec", hypothesis_exec)
    monkeypatch.setattr(matrix_page.EvidenceDialog, "exec", evidence_exec)
    side, across = page.view.verticalHeader(), page.view.horizontalHeader()
    hyp = mat.hypotheses[1]
    title = hyp.title
    qtbot.mouseDClick(side.viewport(), Qt.MouseButton.LeftButton, pos=section_centre(side, FIRST + 1))
    assert edited == [title] and hyp.title == "Renamed down the side"
    item = window.document.case.evidence_item(mat.rows[4].evidence_id)
    text = item.text
    qtbot.mouseDClick(across.viewport(), Qt.MouseButton.LeftButton, pos=section_centre(across, 4))
    assert edited[1] == text and item.text == "Retold across the top"
    stored = on_disk(workspace_path, window.document.case.id)
    assert stored.matrices[0].hypotheses[1].title == "Renamed down the side"
    assert stored.evidence_item(item.id).text == "Retold across the top"
    # headers and band follow the edits
    assert "Renamed" in page.view.model().headerData(FIRST + 1, Qt.Orientation.Vertical)
    page.view.select_cell(item.id, hyp.id)
    assert "Retold across the top" in page.view.band.text()


def test_moves_follow_the_screen(qtbot, page, window, workspace_path):
    """Alt+Down moves the current hypothesis down, Alt+Right the current item right; labels say so."""
    mat = page.matrix
    actions = page.actions_by_name
    assert [actions[n].text() for n in ("move_up", "move_down", "move_left", "move_right")] == [
        "Move hypothesis up", "Move hypothesis down", "Move evidence left", "Move evidence right"]
    assert [actions[n].toolTip() for n in ("move_up", "move_right")] == [
        "Move hypothesis up (Alt+Up)", "Move evidence right (Alt+Right)"]
    hyps = [h.id for h in mat.hypotheses]
    rows = [r.evidence_id for r in mat.rows]
    go_to(qtbot, page, 1, 2)
    cell = current_cell(page)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, ALT)
    assert [h.id for h in mat.hypotheses] == [hyps[0], hyps[2], hyps[1], hyps[3]]
    assert current_cell(page) == cell and page.view.currentIndex().row() == FIRST + 2
    qtbot.keyClick(page.view, Qt.Key.Key_Right, ALT)
    assert [r.evidence_id for r in mat.rows][:4] == [rows[0], rows[1], rows[3], rows[2]]
    assert current_cell(page) == cell and page.view.currentIndex().column() == 3
    qtbot.keyClick(page.view, Qt.Key.Key_Left, ALT)
    qtbot.keyClick(page.view, Qt.Key.Key_Up, ALT)
    assert [h.id for h in mat.hypotheses] == hyps and [r.evidence_id for r in mat.rows] == rows
    stored = on_disk(workspace_path, window.document.case.id).matrices[0]
    assert [h.id for h in stored.hypotheses] == hyps and [r.evidence_id for r in stored.rows] == rows
    transpose(qtbot, page)
    assert actions["move_up"].text() == "Move row up"
    assert actions["move_left"].text() == "Move hypothesis left"
    assert actions["move_up"].toolTip() == "Move row up (Alt+Up)"


# ---------------------------------------------------------------- panels and live updates


def test_panels_select_the_right_cell(qtbot, page, window):
    """A Sensitivity link, a step's target and the Sources pane land on the right cell."""
    mat = page.matrix
    eid, hid = mat.rows[7].evidence_id, mat.hypotheses[2].id
    page.sensitivity_panel._follow(f"cell:{eid}:{hid}")
    assert current_cell(page) == (eid, hid)
    index = page.view.currentIndex()
    assert (index.row(), index.column()) == (FIRST + 2, 7)
    page.steps_panel.navigate.emit(Target(Place.EVIDENCE, mat.rows[9].evidence_id))
    assert current_cell(page) == (mat.rows[9].evidence_id, mat.hypotheses[0].id)
    page.navigate(Target(Place.CELL, mat.rows[2].evidence_id, mat.hypotheses[3].id))
    assert page.view.currentIndex().row() == FIRST + 3 and page.view.currentIndex().column() == 2
    window.case_view.show_evidence_in_matrix(mat.rows[11].evidence_id)
    assert current_cell(page) == (mat.rows[11].evidence_id, mat.hypotheses[0].id)
    assert page.view.band.evidence_id == mat.rows[11].evidence_id


def test_added_and_removed_hypotheses_and_items_show_while_transposed(qtbot, page, window,
                                                                     monkeypatch):
    """A new hypothesis is a new row, a new item a new column; undo takes them away again."""
    from sat_tool.ui import matrix_page

    mat = page.matrix
    view = page.view
    hyps, rows = len(mat.hypotheses), len(mat.rows)
    monkeypatch.setattr(matrix_page.HypothesisDialog, "exec",
                        lambda dialog: dialog.title.setText("A rival service") or True)
    page.actions_by_name["add_hypothesis"].trigger()
    assert view.model().rowCount() == FIRST + hyps + 1
    assert not view.isRowHidden(FIRST + hyps)
    assert view.model().headerData(FIRST + hyps, Qt.Orientation.Vertical).startswith(
        f"H{hyps + 1}: A rival service")
    assert view.rowHeight(FIRST + hyps) >= view.rowHeight(FIRST) - 20
    assert current_cell(page) == (mat.rows[0].evidence_id, mat.hypotheses[-1].id)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert mat.rating(mat.rows[0].evidence_id, mat.hypotheses[-1].id) is Rating.CC

    def evidence_exec(dialog):
        dialog.text_edit.setPlainText("A defector's account")
        return True

    monkeypatch.setattr(matrix_page.EvidenceDialog, "exec", evidence_exec)
    page.actions_by_name["add_evidence"].trigger()
    assert view.model().columnCount() == rows + 1
    new = mat.rows[-1].evidence_id
    assert current_cell(page) == (new, mat.hypotheses[0].id)
    assert view.columnWidth(rows) == view.columnWidth(0)
    assert "A defector's account" in view.band.text()
    window.undo_action.trigger()
    assert view.model().columnCount() == rows
    window.undo_action.trigger()  # the rating
    window.undo_action.trigger()  # the hypothesis
    assert view.model().rowCount() == FIRST + hyps
    assert [view.isRowHidden(r) for r in range(FIRST)] == [True] * FIRST


def test_edits_from_another_program_show_while_transposed(qtbot, page, window, workspace_path):
    """Another process re-rates a cell and adds a hypothesis: the transposed view shows both."""
    mat = page.matrix
    case_id = window.document.case.id
    eid, hid = mat.rows[2].evidence_id, mat.hypotheses[3].id
    assert mat.rating(eid, hid) is not Rating.II
    cursor = (mat.rows[5].evidence_id, mat.hypotheses[1].id)
    page.view.select_cell(*cursor)
    with Workspace.open(workspace_path) as ws:
        other = CaseEditor.open(ws, case_id, "Bob")
        other.rate(mat.id, (eid, hid), Rating.II)
        other.add_hypothesis(mat.id, "Added by Bob")

    def shown(row: int, column: int):
        return page.view.model().index(row, column).data(RatingRole)

    qtbot.waitUntil(lambda: page.view.model().rowCount() == FIRST + 5, timeout=3000)
    assert shown(FIRST + 3, 2) is Rating.II
    assert len(page.matrix.hypotheses) == 5  # the reloaded matrix
    assert not page.view.isRowHidden(FIRST + 4)
    assert page.view.model().headerData(FIRST + 4, Qt.Orientation.Vertical).startswith("H5: Added by Bob")
    scores = score_matrix(window.document.case, page.matrix).for_hypothesis(hid)
    assert page.view.model().headerData(FIRST + 3, Qt.Orientation.Vertical).endswith(
        f"Incons. {scores.inconsistency} · Weighted {scores.weighted:.2f}")
    assert current_cell(page) == cursor
    # the layout chosen in another window shows here too
    with Workspace.open(workspace_path) as ws:
        CaseEditor.open(ws, case_id, "Bob").set_transposed(mat.id, False)
    qtbot.waitUntil(lambda: not page.view.transposed, timeout=3000)
    assert not page.actions_by_name["transposed"].isChecked()
    assert page.actions_by_name["move_up"].text() == "Move row up"
    assert current_cell(page) == cursor


# ---------------------------------------------------------------- both layouts write the same


KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6,
        Qt.Key.Key_C, Qt.Key.Key_N, Qt.Key.Key_I, Qt.Key.Key_A, Qt.Key.Key_Delete]
edits = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 3), st.integers(0, 2),
                           st.integers(0, 1), st.sampled_from(KEYS), st.booleans()),
                 min_size=1, max_size=6)
"""(item, hypothesis, items more, hypotheses more, key, shift): a block of cells and a key."""


def type_edits(qtbot, page, plan) -> None:
    """Select each block with the keyboard from its corner and type its key."""
    view = page.view
    mat = page.matrix
    across, down = ((Qt.Key.Key_Right, Qt.Key.Key_Down) if view.transposed
                    else (Qt.Key.Key_Down, Qt.Key.Key_Right))
    view.setFocus()
    for item, hyp, more_items, more_hyps, key, shift in plan:
        item %= len(mat.rows)
        view.select_cell(mat.rows[item].evidence_id, mat.hypotheses[hyp].id)
        for _ in range(min(more_items, len(mat.rows) - 1 - item)):
            qtbot.keyClick(view, across, SHIFT)
        for _ in range(min(more_hyps, len(mat.hypotheses) - 1 - hyp)):
            qtbot.keyClick(view, down, SHIFT)
        qtbot.keyClick(view, key, SHIFT if shift and key in (Qt.Key.Key_C, Qt.Key.Key_I)
                       else Qt.KeyboardModifier.NoModifier)


def written(path: Path, case_id: int) -> dict:
    """The ratings in the workspace file, as (rating, rationale) by cell."""
    stored = on_disk(path, case_id).matrices[0]
    return {cell: (a.rating, a.rationale) for cell, a in stored.ratings.items()}


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plan=edits)
def test_both_layouts_write_the_same_ratings(qtbot, window, workspace_path, plan):
    """The same cells and keys give the same workspace, standard or transposed."""
    page = window.case_view.current_matrix_page()
    case_id = window.document.case.id
    stack = window.document.undo_stack
    start = written(workspace_path, case_id)
    base = stack.index()
    type_edits(qtbot, page, plan)
    standard = written(workspace_path, case_id)
    while stack.index() > base:
        stack.undo()
    assert written(workspace_path, case_id) == start
    transpose(qtbot, page)
    base = stack.index()
    type_edits(qtbot, page, plan)
    assert written(workspace_path, case_id) == standard
    assert {c: (a.rating, a.rationale) for c, a in page.matrix.ratings.items()} == standard
    while stack.index() > base:
        stack.undo()
    transpose(qtbot, page)
    assert not page.view.transposed
    assert written(workspace_path, case_id) == start


def test_the_toggle_is_refused_quietly_when_the_layout_is_already_shown(qtbot, page):
    """Asking for the layout already shown changes nothing (no undo step, no reset)."""
    stack = page.doc.undo_stack
    count = stack.count()
    page.view.set_transposed(True)
    page.doc.tell(Kind.LAYOUT, page.matrix_id)
    assert stack.count() == count and page.view.transposed


def test_a_resize_keeps_the_transposed_table_as_tall_as_its_rows(qtbot, page, window):
    """With few hypotheses the table ends below its last row; no row is cut."""
    view = page.view
    window.resize(1280, 800)
    qtbot.wait(50)
    last = FIRST + len(page.matrix.hypotheses) - 1
    bottom = view.rowViewportPosition(last) + view.rowHeight(last)
    assert bottom <= view.viewport().height()
    assert not view.verticalScrollBar().isVisible()


def test_what_if_marks_show_in_the_evidence_headers(qtbot, page):
    """Leaving an item out in the what-if marks its column header, which widens to show it."""
    from sat_tool.domain import Level

    mat = page.matrix
    view = page.view
    eid = mat.rows[4].evidence_id
    label = page.doc.case.evidence_item(eid).label
    page.analysis.toggle("excluded", eid)
    text = view.model().headerData(4, Qt.Orientation.Horizontal)
    assert text.split("\n")[0] == f"{label} ✕"
    metrics = view.horizontalHeader().fontMetrics()
    assert view.columnWidth(4) >= metrics.horizontalAdvance(f"{label} ✕")
    page.analysis.set_credibility(mat.rows[6].evidence_id, Level.LOW)
    assert view.model().headerData(6, Qt.Orientation.Horizontal).split("\n")[1].startswith("L*")
    page.analysis.revert()
    assert view.model().headerData(4, Qt.Orientation.Horizontal).split("\n")[0] == label
    assert view.columnWidth(4) == view.columnWidth(0)


def test_an_empty_matrix_can_be_transposed_and_filled(qtbot, window, monkeypatch, workspace_path):
    """A new, empty matrix shown transposed takes its first hypothesis and item as usual."""
    from sat_tool.ui import commands as cmd
    from sat_tool.ui import matrix_page

    doc = window.document
    doc.push(cmd.AddMatrixCommand(doc, "Who else could it have been?"))
    page = window.case_view.current_matrix_page()
    assert page.matrix.question == "Who else could it have been?"
    transpose(qtbot, page)
    view = page.view
    assert view.model().columnCount() == 0 and view.band.evidence_id is None
    monkeypatch.setattr(matrix_page.HypothesisDialog, "exec",
                        lambda dialog: dialog.title.setText("A rival") or True)
    page.actions_by_name["add_hypothesis"].trigger()
    monkeypatch.setattr(matrix_page.EvidenceDialog, "exec",
                        lambda dialog: dialog.text_edit.setPlainText("A first report") or True)
    page.actions_by_name["add_evidence"].trigger()
    mat = page.matrix
    assert view.model().rowCount() == FIRST + 1 and view.model().columnCount() == 1
    assert [view.isRowHidden(r) for r in range(FIRST + 1)] == [True] * FIRST + [False]
    assert current_cell(page) == (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    qtbot.keyClick(view, Qt.Key.Key_4)
    assert mat.rating(mat.rows[0].evidence_id, mat.hypotheses[0].id) is Rating.I
    stored = on_disk(workspace_path, doc.case.id).matrix(mat.id)
    assert stored.transposed and stored.rating(mat.rows[0].evidence_id, mat.hypotheses[0].id) is Rating.I
