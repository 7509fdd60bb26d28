"""The probabilistic view in the window: lines of evidence, likelihoods stated for a row, the
outcome of a closed question and the calibration window, through the real widgets, checked
against the domain and the workspace."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sat_tool.domain import Outcome
from sat_tool.domain.probability import line_report
from sat_tool.services import cases as svc
from sat_tool.ui import matrix_page, panels
from sat_tool.ui.models import LikelihoodRole


def stored(page):
    """The page's matrix as the workspace holds it now."""
    case = svc.load_case(page.window_.workspace, page.doc.case.id)
    return case, case.matrix(page.matrix_id)


def test_the_sources_panel_shows_each_line_and_the_most_influential(qtbot, page):
    """One table row per line of evidence, with the leader's posterior without it as the domain
    computes it; the most influential line is named; activating a line shows its first item."""
    page.show_panel(page.lines_panel)
    qtbot.waitUntil(lambda: not page.analysis_busy(), timeout=10000)
    found = line_report(page.doc.case, page.matrix)
    table = page.lines_panel.table
    assert table.rowCount() == len(found.lines) >= 2
    for r, line in enumerate(found.lines):
        assert table.item(r, 0).text() == line.name
        assert table.item(r, 1).text() == str(len(line.evidence))
        assert table.item(r, 2).text().startswith(f"{line.without[found.leader]:.0%}")
    assert found.most_influential.name in page.lines_panel.summary.text()
    assert "Were every item independent" in page.lines_panel.comparison.text()
    last = table.rowCount() - 1
    table.setCurrentCell(last, 0)
    table.itemActivated.emit(table.item(last, 0))
    assert page.view.current_evidence_id() == found.lines[-1].evidence[0]


def test_naming_an_origin_joins_two_sources_into_one_line(qtbot, page, monkeypatch):
    """The evidence dialog's origin field is stored, and the Sources panel then counts one line
    fewer: the two items now rest on one report."""
    case, mat = page.doc.case, page.matrix
    by_source = {}
    for row in mat.rows:
        item = case.evidence_item(row.evidence_id)
        if not item.origin:
            by_source.setdefault(item.source_id, item)
    first, second = list(by_source.values())[:2]
    page.show_panel(page.lines_panel)
    qtbot.waitUntil(lambda: not page.analysis_busy(), timeout=10000)
    before = page.lines_panel.table.rowCount()

    for item in (first, second):
        def fake_exec(dialog):
            dialog.origin.clear()
            qtbot.keyClicks(dialog.origin, "  Ministry   statement ")
            return True

        monkeypatch.setattr(matrix_page.EvidenceDialog, "exec", fake_exec)
        page.edit_evidence(item.id)
    _, now = stored(page)
    reloaded = svc.load_case(page.window_.workspace, case.id)
    assert reloaded.evidence_item(first.id).origin == "Ministry statement"
    qtbot.waitUntil(lambda: not page.analysis_busy(), timeout=10000)
    names = [page.lines_panel.table.item(r, 0).text()
             for r in range(page.lines_panel.table.rowCount())]
    assert "Ministry statement" in names
    lines = line_report(reloaded, now).lines
    assert len(names) == len(lines) and len(lines) in (before, before + 1)
    ministry = next(line for line in lines if line.name == "Ministry statement")
    assert set(ministry.evidence) == {first.id, second.id}


def test_likelihoods_stated_for_a_row_are_one_undo_step(qtbot, page, monkeypatch):
    """The row's likelihood dialog shows each rated hypothesis; ticking two and typing their
    likelihoods writes both overrides in one command; undo takes both back."""
    mat = page.matrix
    row = mat.rows[0].evidence_id
    first, second = mat.hypotheses[0].id, mat.hypotheses[1].id
    seen = {}

    def fake_exec(dialog):
        seen["rows"] = len(dialog.fields)
        dialog.show()
        for hid, text in ((first, "80"), (second, "15")):
            check, spin = dialog.fields[hid]
            qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
            spin.selectAll()
            qtbot.keyClicks(spin, text)
            spin.interpretText()
        dialog.accept()
        return True

    monkeypatch.setattr(matrix_page.LikelihoodDialog, "exec", fake_exec)
    steps = page.doc.undo_stack.count()
    page.state_likelihoods(row)
    assert seen["rows"] == len(mat.hypotheses)
    assert page.doc.undo_stack.count() == steps + 1
    _, now = stored(page)
    assert now.ratings[(row, first)].likelihood == pytest.approx(0.8)
    assert now.ratings[(row, second)].likelihood == pytest.approx(0.15)
    assert now.ratings[(row, mat.hypotheses[2].id)].likelihood is None
    page.window_.undo()
    _, now = stored(page)
    assert now.ratings[(row, first)].likelihood is None
    assert now.ratings[(row, second)].likelihood is None


def test_recording_the_outcome_freezes_the_judgments_and_undo_reopens(qtbot, page, monkeypatch):
    """The Judgment panel records what proved true: the matrix is closed in the workspace with a
    closing snapshot, the analyst's spin boxes are locked, and undo reopens it without the
    snapshot."""
    page.show_panel(page.judgment_panel)
    panel = page.judgment_panel
    truth = page.matrix.hypotheses[2]

    def fake_exec(dialog):
        dialog.truth.setCurrentIndex(dialog.truth.findData(truth.id))
        qtbot.keyClicks(dialog.date, "2015-03")
        dialog.grounds.setPlainText("Court records")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(panels.OutcomeDialog, "exec", fake_exec)
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    _, now = stored(page)
    assert now.outcome is not None and now.outcome.hypothesis_id == truth.id
    assert (now.outcome.date, now.outcome.evidence) == ("2015-03", "Court records")
    snaps = page.doc.editor.snapshots(page.matrix_id)
    assert [s.id for s in snaps][-1] == now.outcome.snapshot_id
    assert snaps[-1].name == f"Closed: {truth.title}"
    assert "H3" in panel.outcome.text() and "2015-03" in panel.outcome.text()
    assert not panel.spins[(truth.id, "judged")].isEnabled()
    assert panel.reopen.isVisibleTo(panel) and not panel.record.isVisibleTo(panel)
    page.window_.undo()
    _, now = stored(page)
    assert now.outcome is None
    assert page.doc.editor.snapshots(page.matrix_id) == snaps[:-1]
    assert panel.spins[(truth.id, "judged")].isEnabled()


def test_a_malformed_outcome_date_is_refused_with_a_sentence(qtbot, page, monkeypatch):
    """150 is not a date: the dialog says so and stays open; nothing is written."""
    panel = page.judgment_panel
    page.show_panel(panel)
    said = {}

    def fake_exec(dialog):
        qtbot.keyClicks(dialog.date, "2015-13")
        dialog.accept()
        said["error"] = dialog.error.text()
        said["open"] = dialog.result() == 0
        return False

    monkeypatch.setattr(panels.OutcomeDialog, "exec", fake_exec)
    qtbot.mouseClick(panel.record, Qt.MouseButton.LeftButton)
    assert said["open"] and "'2015-13' is not a date" in said["error"]
    assert stored(page)[1].outcome is None


def test_the_calibration_window_scores_the_closed_matrices(qtbot, page):
    """With one matrix closed and the analyst's probabilities set, the window lists it with the
    Brier scores the service computes, says each forecaster's pattern and draws the chart."""
    editor = page.doc.editor
    mat = page.matrix
    values = [0.1, 0.6, 0.2, 0.1][:len(mat.hypotheses)]
    values[-1] += 1 - sum(values)
    editor.set_probabilities(mat.id, "judged", {h.id: v for h, v in zip(mat.hypotheses, values)})
    editor.set_outcome(mat.id, Outcome(mat.hypotheses[1].id, "2016"))
    page.window_.calibration_action.trigger()
    dialog = page.window_.calibration_dialog
    qtbot.waitUntil(lambda: not dialog.chart.pending, timeout=10000)
    report = svc.calibration_report(page.window_.workspace)
    (entry,) = report["closed_matrices"]
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == mat.hypotheses[1].title
    assert dialog.table.item(0, 4).text() == f"{entry['brier_analyst']:.3f}"
    assert dialog.table.item(0, 5).text() == f"{entry['brier_tool']:.3f}"
    expected = sum((p - (1 if i == 1 else 0)) ** 2 for i, p in enumerate(values))
    assert entry["brier_analyst"] == pytest.approx(expected, abs=1e-6)
    assert "over 1 closed matrix" in dialog.sentences.text()
    curves = dialog.chart.shown["curves"]
    assert sum(count for _, _, count in curves["Analyst"]) == len(mat.hypotheses)
    assert sum(count for _, _, count in curves["Tool"]) == len(mat.hypotheses)
    dialog.close()
    QApplication.processEvents()


def test_a_stated_likelihood_shows_in_the_cell_and_is_not_rewritten_by_rounding(qtbot, page,
                                                                                 monkeypatch):
    """The cell says what was stated, beside its rating's default; opening the row's dialog and
    pressing OK without a change writes nothing, though the dialog shows 0.4% rounded."""
    mat = page.matrix
    row = mat.rows[0].evidence_id
    first = mat.hypotheses[0].id
    page.doc.editor.set_likelihood(mat.id, (row, first), 0.0044)
    page.doc.notify_matrix(mat.id)
    index = page.model.index_of_cell(row, first)
    assert index.data(LikelihoodRole) == pytest.approx(0.0044)
    assert "P(item | hypothesis) stated: 0.4%" in index.data(Qt.ItemDataRole.ToolTipRole)

    def fake_exec(dialog):
        dialog.accept()
        return True

    monkeypatch.setattr(matrix_page.LikelihoodDialog, "exec", fake_exec)
    steps = page.doc.undo_stack.count()
    page.state_likelihoods(row)
    assert page.doc.undo_stack.count() == steps
    assert stored(page)[1].ratings[(row, first)].likelihood == pytest.approx(0.0044)
