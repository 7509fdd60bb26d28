"""The analysis panels driven through their widgets, checked against the domain and the workspace."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from sat_tool.domain import Rating, ScoringMode, score_matrix
from sat_tool.domain.sensitivity import WhatIf, apply_what_if
from sat_tool.services import cases as svc
from sat_tool.ui.models import MatrixModel, ScoresModel


def settle(qtbot, page) -> None:
    """Wait for the charts and the background findings to catch up with the last edit."""
    qtbot.waitUntil(lambda: not page.analysis_busy(), timeout=10_000)


def tick(qtbot, panel, row: int, column: int) -> None:
    """Tick or untick a box of the what-if table from the keyboard (Space on the cell)."""
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_Space)


def ranking_shown(page) -> list[str]:
    model = page.scores_model
    return [model.index(r, ScoresModel.COL_HYPOTHESIS).data().split(":")[0]
            for r in range(model.rowCount())]


def test_choosing_a_scoring_mode_reranks_and_is_undoable(qtbot, page):
    """Picking the inconsistency count in the combo re-ranks, persists, and undoes."""
    panel = page.scores_panel
    combo = panel.mode
    combo.setCurrentIndex(combo.findData(ScoringMode.INCONSISTENCY))
    combo.activated.emit(combo.currentIndex())
    mat = page.matrix
    assert mat.scoring_mode is ScoringMode.INCONSISTENCY
    assert svc.load_case(page.doc.editor.workspace, page.doc.case.id).matrices[0].scoring_mode \
        is ScoringMode.INCONSISTENCY
    ranks = [page.scores_model.index(r, ScoresModel.COL_RANK).data()
             for r in range(page.scores_model.rowCount())]
    assert ranks == ["1", "1", "3", "4"]  # H3 and H4 tie on the count
    page.window_.undo_action.trigger()
    assert mat.scoring_mode is ScoringMode.WEIGHTED
    assert combo.currentData() is ScoringMode.WEIGHTED


def test_what_if_leave_out_updates_scores_and_chart_then_reverts(qtbot, page, workspace_path):
    """Ticking Leave out for a linchpin changes the leader everywhere; Revert restores all of it."""
    page.show_panel(page.sensitivity_panel)
    panel = page.sensitivity_panel
    mat = page.matrix
    case = page.doc.case
    row = next(i for i, r in enumerate(mat.rows) if case.evidence_item(r.evidence_id).label == "E2")
    before = ranking_shown(page)
    settle(qtbot, page)
    assert "E2" in panel.summary.text()  # the linchpin of the real matrix
    assert "another hypothesis joins the hypotheses tied for the lead" in panel.summary.text()
    tick(qtbot, panel, row, 0)
    eid = mat.rows[row].evidence_id
    assert panel.table.model().index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert page.analysis.what_if == WhatIf(excluded=frozenset({eid}))
    expected = score_matrix(*apply_what_if(case, mat, page.analysis.what_if))
    leader = next(s for s in expected.hypotheses if s.rank == 1)
    assert ranking_shown(page)[0] == f"H{mat.hypothesis_index(leader.hypothesis_id) + 1}"
    assert ranking_shown(page) != before
    assert page.model.headerData(row, Qt.Orientation.Vertical).endswith("✕")
    settle(qtbot, page)
    assert all("E2" not in column for column in panel.chart.shown.values())
    page.show_panel(page.scores_panel)
    settle(qtbot, page)
    assert page.chart.shown[f"H{mat.hypothesis_index(leader.hypothesis_id) + 1}"][1] == \
        pytest.approx(leader.weighted)
    assert svc.load_case(page.doc.editor.workspace, case.id) == case  # nothing written
    page.show_panel(panel)
    qtbot.mouseClick(panel.revert, Qt.MouseButton.LeftButton)
    assert page.analysis.what_if.empty
    assert ranking_shown(page) == before


def test_what_if_credibility_and_deception(qtbot, page):
    """Trying Low credibility and reading an item as deception both change the hypothetical scores."""
    page.show_panel(page.sensitivity_panel)
    panel = page.sensitivity_panel
    mat = page.matrix
    table = panel.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(5, 2))
    qtbot.keyClick(table, Qt.Key.Key_Down)  # moving down the column changes nothing
    assert page.analysis.what_if.empty
    rect = table.visualRect(table.model().index(6, 2))  # E7, the trainers left unnamed
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    combo = table.indexWidget(table.currentIndex()) or table.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("Low"))
    combo.activated.emit(combo.currentIndex())
    eid = mat.rows[6].evidence_id
    assert dict(page.analysis.what_if.credibility)[eid].value == "Low"
    assert page.model.index(6, MatrixModel.COL_CREDIBILITY).data() == "L*"
    assert table.model().index(6, 2).data() == "Low*"
    # one click in the middle of a Deception cell ticks it, not only on its small box
    middle = table.visualRect(table.model().index(1, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert mat.rows[1].evidence_id in page.analysis.what_if.deception
    _, changed = apply_what_if(page.doc.case, mat, page.analysis.what_if)
    assert changed.rating(mat.rows[1].evidence_id, mat.hypotheses[1].id) is Rating.CC  # II reversed
    assert mat.rating(mat.rows[1].evidence_id, mat.hypotheses[1].id) is Rating.II  # real one kept


def test_judgment_entered_in_the_panel_is_checked_and_saved(qtbot, page):
    """Probabilities typed in the judgment panel are saved; the total and disagreements are shown."""
    page.show_panel(page.judgment_panel)
    panel = page.judgment_panel
    mat = page.matrix
    for hyp, value in zip(mat.hypotheses, ("20", "50", "20", "5")):
        spin = panel.spins[(hyp.id, "judged")]
        spin.selectAll()
        qtbot.keyClicks(spin, value)
        spin.editingFinished.emit()
    assert [h.judged for h in mat.hypotheses] == [0.2, 0.5, 0.2, 0.05]
    stored = svc.load_case(page.doc.editor.workspace, page.doc.case.id).matrices[0]
    assert [h.judged for h in stored.hypotheses] == [0.2, 0.5, 0.2, 0.05]
    assert "must be 100%" in panel.total.text()
    notes = [panel.notes.item(i).text() for i in range(panel.notes.count())]
    assert any("add up to 95%" in n for n in notes)
    assert any("You judge H2 most likely (50%), but the scores favour H3 and H4" in n for n in notes)
    spin = panel.spins[(mat.hypotheses[3].id, "judged")]
    spin.selectAll()
    qtbot.keyClicks(spin, "10")
    spin.editingFinished.emit()
    assert panel.total.text() == "Total: 100%"


def test_steps_panel_sends_the_analyst_to_the_unrated_cell(qtbot, page):
    """Clearing a cell shows '1 cell unrated' in step 3; clicking it puts the cursor on that cell."""
    mat = page.matrix
    cell = (mat.rows[5].evidence_id, mat.hypotheses[2].id)
    page.view.select_cell(*cell)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    page.view.select_cell(mat.rows[0].evidence_id, mat.hypotheses[0].id)
    page.show_panel(page.steps_panel)
    settle(qtbot, page)
    tree = page.steps_panel.tree
    matrix_step = tree.topLevelItem(2)
    assert matrix_step.text(0).startswith("• 3. Matrix")
    finding = next(matrix_step.child(i) for i in range(matrix_step.childCount())
                   if "1 cell unrated" in matrix_step.child(i).text(0))
    rect = tree.visualItemRect(finding)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert (page.view.current_evidence_id(), page.view.current_hypothesis_id()) == cell


def test_snapshot_save_compare_and_delete(qtbot, page, monkeypatch):
    """A saved snapshot compares with now: changed cells and moved ranks; delete is undoable."""
    from PySide6.QtWidgets import QInputDialog

    page.show_panel(page.snapshots_panel)
    panel = page.snapshots_panel
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Before review", True))
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    assert [s.name for s in page.doc.editor.snapshots(page.matrix_id)] == ["Before review"]
    mat = page.matrix
    page.view.select_cell(mat.rows[0].evidence_id, mat.hypotheses[2].id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    settle(qtbot, page)
    # without any choice, the latest snapshot is compared with now
    assert (panel.first.currentText(), panel.second.currentText()) == ("Before review", "Now")
    changes = [panel.changes.item(i).text() for i in range(panel.changes.count())]
    assert changes == [f"E1 × {mat.hypotheses[2].title}: C → II"]
    ranks = [panel.comparison.item(r, 3).text() for r in range(panel.comparison.rowCount())]
    assert ranks[0] == "3 → 2" and ranks[2] == "1 → 3"  # H3 gains 2: 0 → 2, behind H4 and H1
    assert panel.chart.shown["names"] == ["Before review", "Now"]
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.delete, Qt.MouseButton.LeftButton)
    assert page.doc.editor.snapshots(page.matrix_id) == []
    page.window_.undo_action.trigger()
    assert [s.name for s in page.doc.editor.snapshots(page.matrix_id)] == ["Before review"]


def test_likelihood_override_from_the_cell_dialog(qtbot, page, monkeypatch):
    """An override set in the cell dialog is stored and moves the probabilistic view."""
    from sat_tool.ui import matrix_page

    mat = page.matrix
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    before = score_matrix(page.doc.case, mat).for_hypothesis(cell[1]).probability

    def fake_exec(dialog):
        dialog.override.setChecked(True)
        dialog.likelihood.setValue(5.0)  # percent
        return True

    monkeypatch.setattr(matrix_page.CellDialog, "exec", fake_exec)
    page.open_cell_dialog(cell)
    assert mat.ratings[cell].likelihood == 0.05
    assert score_matrix(page.doc.case, mat).for_hypothesis(cell[1]).probability < before
    stored = svc.load_case(page.doc.editor.workspace, page.doc.case.id).matrices[0]
    assert stored.ratings[cell].likelihood == 0.05


def test_hiding_non_diagnostic_rows(qtbot, page):
    """Hide non-diagnostic leaves only the rows that discriminate; turning it off shows all again."""
    mat = page.matrix
    scores = score_matrix(page.doc.case, mat)
    keep = [r.evidence_id for r in mat.rows
            if scores.for_evidence(r.evidence_id).diagnostic
            or scores.for_evidence(r.evidence_id).inconsistent_with_all]
    assert len(keep) < len(mat.rows)
    page.actions_by_name["hide"].trigger()
    proxy = page.view.proxy
    shown = [page.model.evidence_id_at(proxy.mapToSource(proxy.index(r, 0)).row())
             for r in range(proxy.rowCount())]
    assert shown == keep
    page.actions_by_name["hide"].trigger()
    assert proxy.rowCount() == len(mat.rows)


def test_deleting_the_matrix_while_typing_a_probability(qtbot, page, monkeypatch):
    """Deleting a matrix while a judgment box has focus closes it quietly: no error, no stale edit."""
    from PySide6.QtWidgets import QMessageBox

    page.show_panel(page.judgment_panel)
    spin = page.judgment_panel.spins[(page.matrix.hypotheses[0].id, "judged")]
    spin.setFocus()
    qtbot.keyClicks(spin, "40")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    count = len(page.doc.case.matrices)
    page.window_.delete_matrix_action.trigger()
    assert len(page.doc.case.matrices) == count - 1


def test_sensitivity_panel_under_a_tie_names_the_tie(qtbot, page):
    """Ranked by the inconsistency count, H3 and H4 tie: the panel says which re-rating decides
    the tie and which puts H1 alone in the lead, and the Steps panel names the tie."""
    combo = page.scores_panel.mode
    combo.setCurrentIndex(combo.findData(ScoringMode.INCONSISTENCY))
    combo.activated.emit(combo.currentIndex())
    page.show_panel(page.sensitivity_panel)
    settle(qtbot, page)
    text = page.sensitivity_panel.summary.text()
    assert "would decide the tie between H3 and H4 for" in text
    assert "would put H1 alone in the lead, ahead of H3 and H4 (tied now)" in text
    assert "H3 ahead of H3" not in text and "H4 ahead of H4" not in text
    page.show_panel(page.steps_panel)
    settle(qtbot, page)
    tree = page.steps_panel.tree
    findings = [tree.topLevelItem(i).child(j).text(0) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())]
    assert any("H3 and H4 tie for the lead" in f for f in findings)


def test_the_what_if_table_names_its_items_in_a_small_window(qtbot, workspace):
    """At 1280 × 800 the item comes first and keeps room for its label and some of its text."""
    from conftest import sample_page
    from sat_tool.ui.models import WhatIfModel

    page = sample_page(qtbot, workspace, (1280, 800))
    page.show_panel(page.sensitivity_panel)
    table = page.sensitivity_panel.table
    qtbot.waitUntil(lambda: table.isVisible() and table.model().rowCount() > 0)
    header = table.horizontalHeader()
    assert header.visualIndex(WhatIfModel.COL_ITEM) == 0
    first = table.model().index(0, WhatIfModel.COL_ITEM).data()
    label_width = table.fontMetrics().horizontalAdvance(first[:12])
    assert table.columnWidth(WhatIfModel.COL_ITEM) >= label_width
    # every other column shows its whole heading
    for column in (WhatIfModel.COL_EXCLUDE, WhatIfModel.COL_DECEPTION):
        title = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert table.columnWidth(column) >= header.fontMetrics().horizontalAdvance(title)
    # ticking still works where the box now stands
    tick(qtbot, page.sensitivity_panel, 0, WhatIfModel.COL_EXCLUDE)
    assert table.model().index(0, WhatIfModel.COL_EXCLUDE).data(Qt.ItemDataRole.CheckStateRole) in (
        Qt.CheckState.Checked, Qt.CheckState.Checked.value)
