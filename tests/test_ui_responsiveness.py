"""What keeps the window responsive, checked as behaviour (never as timings).

- Background findings equal the same analyses run directly, and a stale result never lands.
- Charts draw once per burst of edits, off the keystroke's path.
- A rating repaints its cell, its row's diagnosticity and its column's header, not the matrix.
- Rows are exactly as tall as Qt's own measure of their text.
- Model notifications name single steps whatever the list length (sync_list).
"""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtWidgets import QApplication

from sat_tool.domain import Rating
from sat_tool.domain.guide import review_steps
from sat_tool.domain.sensitivity import contributions, fewest_changes, linchpins
from sat_tool.store import Workspace
from sat_tool.ui import chart as chart_module
from sat_tool.ui.models import MatrixModel
from sat_tool.ui.sync import sync_list
from sat_tool.ui.worker import BackgroundRunner

from conftest import sample_page


@pytest.fixture
def page(qtbot, workspace: Workspace):
    """The first matrix page of the sample case, in a shown 1600×1000 window."""
    return sample_page(qtbot, workspace, (1600, 1000))


def settle(qtbot, page) -> None:
    qtbot.waitUntil(lambda: not page.analysis_busy(), timeout=15_000)


def rate(qtbot, page, row: int, column: int, key: Qt.Key) -> None:
    view = page.view
    view.setFocus()
    view.setCurrentIndex(view.proxy.index(row, MatrixModel.FIRST_HYPOTHESIS + column))
    qtbot.keyClick(view, key)


def test_background_findings_equal_the_analyses_run_directly(qtbot, page):
    """After a burst of ratings, the Sensitivity and Steps panels show what the domain computes."""
    page.show_panel(page.sensitivity_panel)
    for n, key in enumerate((Qt.Key.Key_5, Qt.Key.Key_1, Qt.Key.Key_4, Qt.Key.Key_2)):
        rate(qtbot, page, n * 3, n % 4, key)
    settle(qtbot, page)
    case, mat = page.doc.case, page.matrix
    found = page.analysis.result("sensitivity")
    assert page.analysis.current("sensitivity")
    assert found["linchpins"] == linchpins(case, mat)
    assert found["fewest"] == fewest_changes(case, mat)
    assert found["contributions"] == contributions(case, mat)
    labels = [case.evidence_item(p.evidence_id).label for p in found["linchpins"]]
    for label in labels[:3]:
        assert label in page.sensitivity_panel.summary.text()
    page.show_panel(page.steps_panel)
    settle(qtbot, page)
    assert page.analysis.result("steps") == review_steps(case, mat)
    shown = [page.steps_panel.tree.topLevelItem(i).text(0)
             for i in range(page.steps_panel.tree.topLevelItemCount())]
    assert [s.split(" ", 2)[2] for s in shown] == [f"{s.title}" for s in review_steps(case, mat)]


def test_findings_show_as_updating_until_they_are_current(qtbot, page):
    """Right after an edit the panel says it is updating; once current, it says nothing."""
    page.show_panel(page.sensitivity_panel)
    settle(qtbot, page)
    panel = page.sensitivity_panel
    assert panel.updating.text() == ""
    rate(qtbot, page, 0, 0, Qt.Key.Key_5)
    assert panel.updating.text() == "Updating…"
    assert not page.analysis.current("sensitivity")
    settle(qtbot, page)
    assert panel.updating.text() == ""


def test_a_stale_result_never_lands(qapp):
    """Of two jobs of one kind, only the newer one's result is delivered; the older is told to stop."""
    runner = BackgroundRunner()
    started, release = threading.Event(), threading.Event()
    stopped = []

    def slow(stop):
        started.set()
        release.wait(5)
        stopped.append(stop())
        return "old"

    delivered = []
    runner.finished.connect(lambda kind, ticket, result: delivered.append(result))
    runner.submit("sensitivity", slow)
    assert started.wait(5)
    runner.submit("sensitivity", lambda stop: "new")
    release.set()
    deadline = 200
    while (runner.busy or not delivered) and deadline:
        QApplication.processEvents()
        threading.Event().wait(0.01)
        deadline -= 1
    assert delivered == ["new"]
    assert stopped == [True]


def test_a_burst_of_keystrokes_draws_the_chart_once(qtbot, page, monkeypatch):
    """Five ratings in a row: the chart is drawn once, after them, with the last scores."""
    settle(qtbot, page)
    drawn = []
    real = chart_module.render

    def counting(draw, *args):
        drawn.append(args)
        return real(draw, *args)

    monkeypatch.setattr(chart_module, "render", counting)
    for n in range(5):
        rate(qtbot, page, n, 1, Qt.Key.Key_5)
        assert not drawn  # never on the keystroke's own path
    settle(qtbot, page)
    assert len(drawn) == 1
    mat = page.matrix
    h2 = page.analysis.compute().for_hypothesis(mat.hypotheses[1].id)
    assert page.chart.shown["H2"] == (float(h2.inconsistency), pytest.approx(h2.weighted))


class PaintedArea(QObject):
    """Adds up the area of every paint event of a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.area = 0

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            rect: QRect = event.rect()
            self.area += rect.width() * rect.height()
        return False


def test_a_rating_repaints_only_what_it_changed(qtbot, page):
    """Rating a cell repaints a strip of its row, not the whole matrix (which would cost a frame)."""
    settle(qtbot, page)
    view = page.view
    view.setFocus()
    view.setCurrentIndex(view.proxy.index(3, MatrixModel.FIRST_HYPOTHESIS + 1))
    qtbot.wait(50)
    counter = PaintedArea()
    view.viewport().installEventFilter(counter)
    qtbot.keyClick(view, Qt.Key.Key_5)
    QApplication.processEvents()
    QApplication.processEvents()
    view.viewport().removeEventFilter(counter)
    whole = view.viewport().width() * view.viewport().height()
    assert page.matrix.rating(page.matrix.rows[3].evidence_id, page.matrix.hypotheses[1].id) is Rating.II
    assert 0 < counter.area < whole / 4


def test_rows_hold_their_text_as_it_is_painted(qtbot, page):
    """Each row is at least as tall as Qt's own measure of its cells, and tall enough for its
    text wrapped in the width the text is painted in (the cell less its grid line and
    margins, which Qt's measure forgets), at every width."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    view = page.view
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = view.fontMetrics()
    for width in (view.columnWidth(MatrixModel.COL_TEXT), 240, 427, 428, 520):
        view.setColumnWidth(MatrixModel.COL_TEXT, width)
        view.fit_rows()
        for row in range(view.proxy.rowCount()):
            assert view.rowHeight(row) >= view.sizeHintForRow(row), row
            index = view.proxy.index(row, MatrixModel.COL_TEXT)
            painted = view.visualRect(index).width() - 2 * margin
            text = index.data()
            needed = metrics.boundingRect(QRect(0, 0, painted, 1 << 16),
                                          int(Qt.TextFlag.TextWordWrap), text).height()
            assert view.rowHeight(row) >= needed, (row, width)
    tall = max(range(view.proxy.rowCount()), key=view.rowHeight)
    assert view.rowHeight(tall) > 2 * view._one_line  # long texts really wrap onto more lines


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 30), unique=True, max_size=12), st.data())
def test_sync_list_names_the_single_step_or_resets(old, data):
    """Whatever two lists are, the step named turns the old into the new; a reset only when no
    single insert, removal or move does."""
    kind = data.draw(st.sampled_from(["insert", "remove", "move", "any"]))
    new = list(old)
    if kind == "insert":
        value = data.draw(st.integers(31, 40))
        new.insert(data.draw(st.integers(0, len(new))), value)
    elif kind == "remove" and new:
        new.pop(data.draw(st.integers(0, len(new) - 1)))
    elif kind == "move" and new:
        item = new.pop(data.draw(st.integers(0, len(new) - 1)))
        new.insert(data.draw(st.integers(0, len(new))), item)
    else:
        new = data.draw(st.lists(st.integers(0, 30), unique=True, max_size=12))
    result = list(old)
    steps = []

    def insert(i):
        steps.append("insert")
        result.insert(i, new[i])

    def remove(i):
        steps.append("remove")
        result.pop(i)

    def move(i, j):
        steps.append("move")
        result.insert(j, result.pop(i))

    def reset():
        steps.append("reset")
        result[:] = new

    sync_list(old, new, insert, remove, move, reset)
    assert result == new
    assert len(steps) <= 1
    single = (len(new) == len(old) + 1 and any(new[:i] + new[i + 1:] == old for i in range(len(new)))
              ) or (len(new) == len(old) - 1 and any(old[:i] + old[i + 1:] == new for i in range(len(old)))
              ) or (len(new) == len(old) and any(
                  (old[:i] + old[i + 1:])[:j] + [old[i]] + (old[:i] + old[i + 1:])[j:] == new
                  for i in range(len(old)) for j in range(len(old))))
    if old != new:
        assert (steps == ["reset"]) == (not single)


def test_the_snapshots_tab_reads_stored_snapshots_only_when_they_change(qtbot, page, monkeypatch):
    """Rating with the Snapshots tab in front redraws "Now" from the live case; the stored
    snapshots are read from the workspace again only when one is saved or deleted."""
    panel = page.snapshots_panel
    page.show_panel(panel)
    panel.save_snapshot("Before review")
    settle(qtbot, page)
    reads = []
    real = page.doc.editor.snapshots
    monkeypatch.setattr(page.doc.editor, "snapshots", lambda mid: reads.append(mid) or real(mid))
    for n in range(3):
        rate(qtbot, page, n, 0, Qt.Key.Key_5)
    settle(qtbot, page)
    assert reads == []
    assert [panel.changes.item(i).text().split(":")[0] for i in range(panel.changes.count())] == [
        f"E{n + 1} × {page.matrix.hypotheses[0].title}" for n in range(3)]  # each rated cell
    panel.save_snapshot("After")
    settle(qtbot, page)
    assert reads == [page.matrix_id]
