"""Ctrl+F: find in the matrix, in the case's evidence and in the sources' texts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sat_tool.ui.source_pane import python_index

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_find(qtbot, page, text: str):
    win = page.window_
    qtbot.keyClick(page.view, Qt.Key.Key_F, CTRL)
    bar = win.case_view.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, text)
    return bar


def test_find_in_the_matrix_steps_through_the_items_that_hold_the_words(qtbot, page):
    """Typing goes to the first item holding the words; Enter to the next, Shift+Enter back,
    round the end; the count says where the cursor is."""
    case, mat = page.doc.case, page.matrix
    wanted = [r.evidence_id for r in mat.rows
              if "iranian-backed" in case.evidence_item(r.evidence_id).text.lower()]
    assert len(wanted) >= 2
    bar = open_find(qtbot, page, "Iranian-BACKED")
    assert bar.count.text() == f"1 of {len(wanted)}"
    assert page.view.current_evidence_id() == wanted[0]
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert page.view.current_evidence_id() == wanted[1]
    assert bar.count.text() == f"2 of {len(wanted)}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, SHIFT)
    assert page.view.current_evidence_id() == wanted[-1]
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_goes_to_a_hypothesis_by_its_title(qtbot, page):
    mat = page.matrix
    bar = open_find(qtbot, page, "north caucasus")
    assert bar.count.text() == "1 of 1"
    assert page.view.current_hypothesis_id() == mat.hypotheses[2].id


def test_no_match_is_said(qtbot, page):
    bar = open_find(qtbot, page, "zanzibar")
    assert bar.count.text() == "no match"


def test_find_in_the_sources_selects_the_words_in_the_text(qtbot, page):
    """On the Sources tab, each occurrence in a source's text is a match; going to one shows
    that source with the words selected."""
    win = page.window_
    view = win.case_view
    view.setCurrentWidget(view.sources_page)
    qtbot.keyClick(view.sources_page.list, Qt.Key.Key_F, CTRL)
    bar = view.find_bar
    qtbot.keyClicks(bar.field, "Huseyniyyun")
    texts = [(s.id, s.text) for s in page.doc.case.sources]
    total = sum(text.count("Huseyniyyun") for _, text in texts)
    assert bar.count.text() == f"1 of {total}"
    pane = view.sources_page
    source = pane.current_source()
    assert "Huseyniyyun" in source.text
    cursor = pane.reader.textCursor()
    start = python_index(source.text, cursor.selectionStart())
    assert source.text[start:start + len("Huseyniyyun")] == "Huseyniyyun"


def test_find_in_the_evidence_tab_selects_the_record(qtbot, page):
    win = page.window_
    view = win.case_view
    view.setCurrentWidget(view.evidence_page)
    qtbot.keyClick(view.evidence_page.table, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(view.find_bar.field, "Davudov")
    chosen = view.evidence_page.selected()
    assert chosen is not None and "Davudov" in chosen.text
