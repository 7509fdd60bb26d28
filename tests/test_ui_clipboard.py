"""Copy and paste of ratings as tab-separated text, as spreadsheets exchange them."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from sat_tool.domain import Rating
from sat_tool.services import cases as svc

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def stored(page):
    return svc.load_case(page.doc.editor.workspace, page.doc.case.id).matrices[0]


def grid(mat, rows, hyps):
    return [[mat.rating(mat.rows[r].evidence_id, mat.hypotheses[h].id) for h in hyps] for r in rows]


def select_block(qtbot, page, row, hyp, down, across):
    mat = page.matrix
    view = page.view
    view.select_cell(mat.rows[row].evidence_id, mat.hypotheses[hyp].id)
    view.setFocus()
    move_down, move_across = ((Qt.Key.Key_Right, Qt.Key.Key_Down) if view.transposed
                              else (Qt.Key.Key_Down, Qt.Key.Key_Right))
    for _ in range(down):
        qtbot.keyClick(view, move_down, SHIFT)
    for _ in range(across):
        qtbot.keyClick(view, move_across, SHIFT)


def test_ctrl_c_copies_the_block_as_a_spreadsheet_does(qtbot, page):
    """Two items by two hypotheses: rating codes, tab between cells, a line per item."""
    select_block(qtbot, page, 0, 0, 1, 1)
    qtbot.keyClick(page.view, Qt.Key.Key_C, CTRL)
    mat = page.matrix
    expected = "\n".join("\t".join(r.value if r else "" for r in line)
                         for line in grid(mat, [0, 1], [0, 1]))
    assert QGuiApplication.clipboard().text() == expected == "C\tN\nI\tII"


def test_ctrl_v_pastes_a_block_in_one_undo_step(qtbot, page):
    """Codes and words from Excel (with its closing line break) rate the block from the
    cursor; the workspace holds them; one undo puts all four cells back, redo again."""
    mat = page.matrix
    before = grid(mat, [2, 3], [0, 1])
    QGuiApplication.clipboard().setText("CC\tI\r\nn/a\tvery inconsistent\r\n")
    page.view.select_cell(mat.rows[2].evidence_id, mat.hypotheses[0].id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    wanted = [[Rating.CC, Rating.I], [Rating.NA, Rating.II]]
    assert grid(mat, [2, 3], [0, 1]) == wanted
    assert grid(stored(page), [2, 3], [0, 1]) == wanted
    assert page.doc.undo_stack.undoText() == "Paste 4 ratings"
    page.window_.undo_action.trigger()
    assert grid(mat, [2, 3], [0, 1]) == before == grid(stored(page), [2, 3], [0, 1])
    page.window_.redo_action.trigger()
    assert grid(stored(page), [2, 3], [0, 1]) == wanted


def test_one_value_fills_a_selection(qtbot, page):
    select_block(qtbot, page, 4, 0, 2, 2)
    QGuiApplication.clipboard().setText("I\n")
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert grid(page.matrix, [4, 5, 6], [0, 1, 2]) == [[Rating.I] * 3] * 3


def test_text_that_cannot_be_pasted_is_refused_whole(qtbot, page, monkeypatch):
    """A value that is no rating, or a block running past the matrix's edge, is refused in one
    sentence, and no cell changes."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    mat = page.matrix
    before = stored(page).ratings
    page.view.select_cell(mat.rows[0].evidence_id, mat.hypotheses[0].id)
    page.view.setFocus()
    QGuiApplication.clipboard().setText("C\tMaybe\n")
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    page.view.select_cell(mat.rows[0].evidence_id, mat.hypotheses[3].id)
    QGuiApplication.clipboard().setText("C\tC\n")
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert said == [
        "Line 1, value 2 of the pasted text, 'Maybe', is not a rating (CC, C, N, I, II or NA, "
        "or their names).",
        "The pasted block is 1 by 2 but only 1 by 1 cells lie from the cursor to the matrix's "
        "edge."]
    assert stored(page).ratings == before


def test_pasting_follows_the_screen_with_hypotheses_down_the_side(qtbot, page):
    """Transposed, a pasted line runs across the evidence of one hypothesis."""
    page.actions_by_name["transposed"].trigger()
    mat = page.matrix
    page.view.select_cell(mat.rows[0].evidence_id, mat.hypotheses[1].id)
    page.view.setFocus()
    QGuiApplication.clipboard().setText("CC\tI\tN")
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert grid(stored(page), [0, 1, 2], [1]) == [[Rating.CC], [Rating.I], [Rating.N]]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 15), st.integers(0, 3), st.integers(0, 3), st.integers(0, 2))
def test_a_copied_block_pasted_back_over_its_cleared_cells_restores_its_ratings(
        qtbot, page, row, hyp, down, across):
    """Copy, clear, paste back at the same corner: every rating of the block is as it was."""
    across = min(across, 3 - hyp)
    rows, hyps = list(range(row, row + down + 1)), list(range(hyp, hyp + across + 1))
    before = grid(page.matrix, rows, hyps)
    select_block(qtbot, page, row, hyp, down, across)
    qtbot.keyClick(page.view, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert all(r is None for line in grid(page.matrix, rows, hyps) for r in line)
    page.view.select_cell(page.matrix.rows[row].evidence_id, page.matrix.hypotheses[hyp].id)
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert grid(stored(page), rows, hyps) == before


# ------------------------------------------------------------------ evidence rows


def on_text_column(page):
    """The cursor on the first item's text, outside the rating cells."""
    from sat_tool.ui.models import MatrixModel

    view = page.view
    index = view.from_proxy(view.proxy.mapFromSource(page.model.index(0, MatrixModel.COL_TEXT)))
    view.setCurrentIndex(index)
    view.setFocus()


def test_rows_pasted_on_the_evidence_become_items_in_one_undo_step(qtbot, page):
    """A block with a header line, from a spreadsheet: each row is a new item of the matrix
    with its type, credibility, relevance, source and ratings; one undo takes them all out of
    the workspace, redo puts them back as they were."""
    mat = page.matrix
    case = page.doc.case
    count, rows = len(case.evidence), len(mat.rows)
    source = case.sources[0].title
    QGuiApplication.clipboard().setText(
        "Evidence\tType\tReliability\tWeight\tSource\tH1\tH2\tH3\tH4\n"
        f"A new intercept\tSIGINT\tHigh\tLow\t{source}\tC\tI\tN\tvery inconsistent\n"
        "A rumour in the bazaar\tHUMINT\tL\tM\tA shopkeeper\t\tCC\t\tC\n")
    on_text_column(page)
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    after = svc.load_case(page.doc.editor.workspace, case.id)
    first, second = after.evidence[count:]
    assert (first.text, first.type.value, first.credibility.value) == (
        "A new intercept", "SIGINT", "High")
    assert after.source(first.source_id).title == source
    assert second.source_id is None and second.notes == "Source: A shopkeeper"
    matrix = after.matrices[0]
    assert [r.relevance.value for r in matrix.rows[rows:]] == ["Low", "Medium"]
    assert [[matrix.rating(e.id, h.id) for h in matrix.hypotheses] for e in (first, second)] == [
        [Rating.C, Rating.I, Rating.N, Rating.II], [None, Rating.CC, None, Rating.C]]
    assert page.doc.undo_stack.undoText() == "Paste 2 evidence rows"
    page.window_.undo_action.trigger()
    undone = svc.load_case(page.doc.editor.workspace, case.id)
    assert len(undone.evidence) == count and len(undone.matrices[0].rows) == rows
    page.window_.redo_action.trigger()
    redone = svc.load_case(page.doc.editor.workspace, case.id)
    assert [e.text for e in redone.evidence[count:]] == ["A new intercept", "A rumour in the bazaar"]
    assert redone.matrices[0].ratings == matrix.ratings


def test_rows_without_a_header_are_text_then_ratings(qtbot, page):
    mat = page.matrix
    QGuiApplication.clipboard().setText("Seen at the port\tC\tC\tI\tN\n")
    on_text_column(page)
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    item = page.doc.case.evidence[-1]
    assert item.text == "Seen at the port"
    assert [mat.rating(item.id, h.id) for h in mat.hypotheses] == [
        Rating.C, Rating.C, Rating.I, Rating.N]


def test_evidence_rows_that_cannot_be_read_are_refused_whole(qtbot, page, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    before = svc.load_case(page.doc.editor.workspace, page.doc.case.id)
    QGuiApplication.clipboard().setText("Evidence\tCredibility\tH1\nFine\tHigh\tC\n"
                                        "Odd\tSure\tI\n")
    on_text_column(page)
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    QGuiApplication.clipboard().setText("One\tC\tC\tC\tC\tC\n")
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    assert said == [
        "Line 3, value 2 of the pasted text: 'Sure' is not a level (expected High, Medium or "
        "Low, H, M or L, or numbers on one scale: 1 to 3, 1 to 5, 0 to 1 or 0 to 100).",
        "The pasted rows have 5 values after the text but the matrix has 4 hypotheses; paste a "
        "header line (Evidence, Type, Credibility, H1 …) to say what each column holds."]
    assert svc.load_case(page.doc.editor.workspace, page.doc.case.id) == before


def test_quoted_cells_from_a_spreadsheet_paste_as_they_were_typed(qtbot, page):
    """Excel quotes a cell holding a line break or a quote and doubles its quotes: each such
    cell is one value, its text as typed; a copied text with quotes is quoted the same way."""
    case = page.doc.case
    count = len(case.evidence)
    QGuiApplication.clipboard().setText(
        'Evidence\tH1\n"A rumour\nover two lines"\tC\n'
        '"""We will strike,"" the minister said"\tI\n')
    on_text_column(page)
    qtbot.keyClick(page.view, Qt.Key.Key_V, CTRL)
    texts = [e.text for e in case.evidence[count:]]
    assert texts == ["A rumour over two lines", '"We will strike," the minister said']
    assert page.doc.undo_stack.undoText() == "Paste 2 evidence rows"
