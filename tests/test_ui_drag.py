"""Dragging a hypothesis's header or an item's row header reorders the matrix, one undo step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QHeaderView

from sat_tool.services import cases as svc

LEFT = Qt.MouseButton.LeftButton


def drag(header: QHeaderView, source: int, target: int) -> None:
    """Press on one section of a header, move in steps to another, release: as a hand does."""
    def centre(section: int, share: float = 0.5) -> QPoint:
        position = header.sectionViewportPosition(section) + int(header.sectionSize(section) * share)
        middle = header.viewport().height() // 2 if header.orientation() == Qt.Orientation.Horizontal \
            else header.viewport().width() // 2
        return (QPoint(position, middle) if header.orientation() == Qt.Orientation.Horizontal
                else QPoint(middle, position))

    def send(kind: QEvent.Type, point: QPoint, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(kind, QPointF(point), QPointF(header.viewport().mapToGlobal(point)),
                            LEFT, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(header.viewport(), event)

    # dropped past the middle of the target, the section takes the target's place
    start, end = centre(source), centre(target, 0.8 if target > source else 0.2)
    send(QEvent.Type.MouseButtonPress, start, LEFT)
    steps = 8
    for n in range(1, steps + 1):
        point = start + (end - start) * n / steps
        send(QEvent.Type.MouseMove, point, LEFT)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def order(page) -> tuple[list[int], list[int]]:
    mat = page.matrix
    return [r.evidence_id for r in mat.rows], [h.id for h in mat.hypotheses]


def stored_order(page) -> tuple[list[int], list[int]]:
    mat = svc.load_case(page.doc.editor.workspace, page.doc.case.id).matrices[0]
    return [r.evidence_id for r in mat.rows], [h.id for h in mat.hypotheses]


def test_dragging_a_hypothesis_header_moves_the_hypothesis(qtbot, page):
    first = page.model.FIRST_HYPOTHESIS
    rows, hyps = order(page)
    drag(page.view.horizontalHeader(), first, first + 2)
    wanted = [hyps[1], hyps[2], hyps[0], hyps[3]]
    assert order(page) == stored_order(page) == (rows, wanted)
    # the header shows the matrix's order, not a visual order of its own
    header = page.view.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(header.count())] == list(range(header.count()))
    page.window_.undo_action.trigger()
    assert stored_order(page) == (rows, hyps)


def test_dragging_a_row_header_moves_the_item(qtbot, page):
    rows, hyps = order(page)
    drag(page.view.verticalHeader(), 0, 3)
    moved = rows[1:4] + rows[:1] + rows[4:]
    assert order(page) == stored_order(page) == (moved, hyps)
    assert page.view.current_evidence_id() == rows[0]


def test_the_evidence_columns_do_not_move(qtbot, page):
    before = stored_order(page)
    drag(page.view.horizontalHeader(), page.model.COL_TYPE, page.model.FIRST_HYPOTHESIS + 1)
    assert stored_order(page) == before


def test_rows_sorted_by_diagnosticity_cannot_be_dragged(qtbot, page):
    page.actions_by_name["sort"].trigger()
    before = stored_order(page)
    drag(page.view.verticalHeader(), 0, 2)
    assert stored_order(page) == before
    assert "sorted by diagnosticity" in page.window_.statusBar().currentMessage()


def test_with_hypotheses_down_the_side_the_side_header_moves_hypotheses(qtbot, page):
    page.actions_by_name["transposed"].trigger()
    rows, hyps = order(page)
    first = page.model.FIRST_HYPOTHESIS
    drag(page.view.verticalHeader(), first + 3, first)
    assert stored_order(page) == (rows, [hyps[3], *hyps[:3]])
