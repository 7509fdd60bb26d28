"""One change event per operation: what the kinds and ids of a change say, in the domain and
as the window's document emits them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from sat_tool.domain.changes import ALL, ChangeSet, Changes, Kind
from sat_tool.domain.model import Rating


@given(st.lists(st.tuples(st.sampled_from(list(Kind)), st.integers(0, 5)), max_size=30))
def test_a_change_set_keeps_each_id_once_in_the_order_told(told):
    """Whatever is told, the change names each kind told, with its ids once each, first-told
    first; taking it empties the set."""
    found = ChangeSet()
    for kind, ident in told:
        found.add(kind, [ident])
    changes = found.take()
    assert not found and bool(changes) == bool(told)
    for kind in Kind:
        wanted = list(dict.fromkeys(i for k, i in told if k == kind))
        assert list(changes.of(kind)) == wanted
        assert (kind in changes) == bool(wanted)


def test_all_stands_for_every_id_and_cells_are_read_per_matrix():
    """ALL touches every id of its kind; cells are read for one matrix, in order."""
    changes = Changes({Kind.EVIDENCE: (ALL,), Kind.CELLS: ((1, (5, 6)), (2, (7, 8)), (1, (9, 6)))})
    assert changes.touches(Kind.EVIDENCE, 12345)
    assert not changes.touches(Kind.ROWS, 1)
    assert changes.cells(1) == [(5, 6), (9, 6)] and changes.cells(3) == []
    assert not Changes()


def test_a_keystroke_undo_and_a_deletion_each_say_what_changed_once(qtbot, page):
    """Rating a cell with a key, undoing it and deleting a hypothesis each emit one change
    event, naming the cell, the cell to show again, and the columns."""
    seen: list[Changes] = []
    page.doc.changed.connect(seen.append)
    mat = page.matrix
    page.view.setFocus()
    page.view.setCurrentIndex(page.view.proxy.index(0, page.model.FIRST_HYPOTHESIS))
    cell = page.model.cell_at(page.view.proxy.mapToSource(page.view.currentIndex()))
    before = page.doc.revision
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    assert mat.ratings[cell].rating is Rating.II
    assert len(seen) == 1 and seen[0].cells(mat.id) == [cell]
    assert seen[0].touches(Kind.SCORES, mat.id) and Kind.ROWS not in seen[0]
    assert page.doc.revision == before + 1  # caches compare against one count per change
    page.doc.undo_stack.undo()
    assert len(seen) == 2 and seen[1].cells(mat.id, Kind.REVISITED) == [cell]
    page.delete_current_hypothesis()
    assert len(seen) == 3
    assert seen[2].touches(Kind.HYPOTHESES, mat.id) and seen[2].touches(Kind.SCORES, mat.id)
