"""A deletion is said in the status bar with an Undo button; a second import is named (2)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sat_tool.services import cases as svc

from conftest import SAMPLE


def test_deleting_a_hypothesis_says_so_with_undo(qtbot, page):
    win = page.window_
    mat = page.matrix
    second = mat.hypotheses[1]
    rated = sum(1 for own in mat.team.values() for cell in own if cell[1] == second.id)
    assert rated == 3 * len(mat.rows)  # the three analysts of the sample each rated it
    page.view.select_cell(mat.rows[0].evidence_id, second.id)
    page.delete_current_hypothesis()
    assert win.notice.isVisible()
    assert win.notice_text.text() == (f"Deleted H2, “{second.title}”, with its {rated} ratings "
                                      "of 3 analysts.")
    assert second.id not in [h.id for h in svc.load_case(win.workspace, page.doc.case.id)
                             .matrices[0].hypotheses]
    qtbot.mouseClick(win.notice_undo, Qt.MouseButton.LeftButton)
    assert not win.notice.isVisible()
    stored = svc.load_case(win.workspace, page.doc.case.id).matrices[0]
    assert [h.id for h in stored.hypotheses][1] == second.id
    assert sum(1 for own in stored.team.values() for cell in own if cell[1] == second.id) == rated


def test_deleting_an_item_says_how_many_matrices_lose_it(qtbot, page):
    win = page.window_
    view = win.case_view
    view.setCurrentWidget(view.evidence_page)
    item = page.doc.case.evidence[7]  # E8, in two matrices
    view.evidence_page.select_record(item.id)
    view.evidence_page.delete_selected()
    assert win.notice_text.text().startswith(f"Deleted {item.label}, “")
    assert win.notice_text.text().endswith(", from 2 matrices.")


def test_a_second_import_of_a_title_is_numbered(workspace):
    first = svc.load_case(workspace, svc.import_file(workspace, SAMPLE))
    second = svc.load_case(workspace, svc.import_file(workspace, SAMPLE))
    third = svc.load_case(workspace, svc.import_file(workspace, SAMPLE))
    assert (second.title, third.title) == (f"{first.title} (2)", f"{first.title} (3)")
