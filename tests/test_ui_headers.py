"""Hypothesis headers re-wrap to their column's width and label their scores."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sat_tool.domain import score_matrix
from sat_tool.ui.models import MatrixModel


def test_a_resized_column_rewraps_its_header(qtbot, page):
    view, model = page.view, page.model
    section = MatrixModel.FIRST_HYPOTHESIS + 2
    hyp = page.matrix.hypotheses[2]
    score = score_matrix(page.doc.case, page.matrix).for_hypothesis(hyp.id)
    view.setColumnWidth(section, 300)
    wide = model.headerData(section, Qt.Orientation.Horizontal).split("\n")
    assert wide[-1] == f"Incons. {score.inconsistency} · Weighted {score.weighted:.2f}"
    assert " ".join(wide[:-1]) == f"H3: {hyp.title}" and len(wide) <= 3
    view.setColumnWidth(section, 90)
    narrow = model.headerData(section, Qt.Orientation.Horizontal).split("\n")
    assert narrow[-2:] == [f"Incons. {score.inconsistency}", f"Weighted {score.weighted:.2f}"]
    assert len(narrow) >= 4  # the title wraps onto more lines
    width = view.horizontalHeader().fontMetrics()
    assert all(width.horizontalAdvance(line) <= 90 for line in narrow[:-2])


def test_the_ranking_table_keeps_the_hypothesis_readable_in_a_narrow_panel(qtbot, page):
    """At 1280 × 800 the ranking's hypothesis column takes what the numbers leave, the table
    never scrolls sideways, and the Judged column waits until there is a judgment."""
    page.window_.resize(1280, 800)
    qtbot.wait(50)
    table = page.scores_panel.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    assert table.isColumnHidden(5)
    assert header.sectionSize(1) >= 100
