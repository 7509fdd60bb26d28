"""The item models pass Qt's model tester and show the domain faithfully."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sat_tool.domain.changes import Kind
from sat_tool.domain import Rating, score_matrix
from sat_tool.ui import commands as cmd
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.models import CellRole, MatrixModel, RatingRole, ScoresModel
from sat_tool.ui.records import RecordsModel
from sat_tool.ui.sync import sync_list


def test_matrix_model_passes_the_model_tester(qtmodeltester, editor):
    """The matrix model is a well-behaved Qt table model, also across edits."""
    doc = CaseDocument(editor)
    model = MatrixModel(doc, editor.case.matrices[0].id)
    qtmodeltester.check(model)
    mat = editor.case.matrices[0]
    doc.push(cmd.AddHypothesisCommand(doc, mat.id, "New", ""))
    doc.push(cmd.DeleteEvidenceCommand(doc, mat.rows[2].evidence_id))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    qtmodeltester.check(model)


def test_scores_and_records_models_pass_the_model_tester(qtmodeltester, editor):
    """The scores, evidence and sources models are well-behaved Qt table models."""
    doc = CaseDocument(editor)
    qtmodeltester.check(ScoresModel(doc, editor.case.matrices[0].id))
    qtmodeltester.check(RecordsModel([("Title", lambda s: s.title)], lambda: doc.case.sources,
                                     lambda s: s.id, doc.changed, kind=Kind.SOURCES))
    qtmodeltester.check(RecordsModel([("#", lambda e: e.label)], lambda: doc.case.evidence,
                                     lambda e: e.id, doc.changed, kind=Kind.EVIDENCE))


def test_matrix_model_data_matches_the_domain(editor):
    """Every rating cell shows the domain's rating; row headers are the stable labels."""
    doc = CaseDocument(editor)
    mat = editor.case.matrices[0]
    model = MatrixModel(doc, mat.id)
    assert model.rowCount() == len(mat.rows)
    assert model.columnCount() == MatrixModel.FIRST_HYPOTHESIS + len(mat.hypotheses)
    for r, row in enumerate(mat.rows):
        assert model.headerData(r, Qt.Orientation.Vertical) == editor.case.evidence_item(
            row.evidence_id).label
        for c, hyp in enumerate(mat.hypotheses):
            index = model.index(r, MatrixModel.FIRST_HYPOTHESIS + c)
            assert index.data(RatingRole) == mat.rating(row.evidence_id, hyp.id)
            assert index.data(CellRole) == (row.evidence_id, hyp.id)
            assert index.data() == mat.rating(row.evidence_id, hyp.id).value


def test_scores_model_is_ranked(editor):
    """The scores model lists hypotheses least inconsistent first, with the domain's numbers."""
    doc = CaseDocument(editor)
    mat = editor.case.matrices[0]
    model = ScoresModel(doc, mat.id)
    scores = score_matrix(editor.case, mat)
    ranks = [int(model.index(r, ScoresModel.COL_RANK).data()) for r in range(model.rowCount())]
    assert ranks == sorted(s.rank for s in scores.hypotheses)
    top = model.index(0, ScoresModel.COL_WEIGHTED).data()
    assert top == f"{min(s.weighted for s in scores.hypotheses):.2f}"


def test_rating_change_emits_a_narrow_update(qtbot, editor):
    """Rating one cell reports that cell and its diagnosticity, not a model reset."""
    doc = CaseDocument(editor)
    mat = editor.case.matrices[0]
    model = MatrixModel(doc, mat.id)
    cell = (mat.rows[1].evidence_id, mat.hypotheses[2].id)
    changed = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column(), b.row(), b.column())))
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    doc.push(cmd.SetCellsCommand(doc, mat.id, [cell], Rating.II))
    assert (1, MatrixModel.FIRST_HYPOTHESIS + 2, 1, MatrixModel.FIRST_HYPOTHESIS + 2) in changed
    assert (1, MatrixModel.COL_DIAGNOSTICITY, 1, MatrixModel.COL_DIAGNOSTICITY) in changed
    assert not resets


def test_sync_list_names_single_steps():
    """One insertion, removal or move is reported as such; anything else resets."""
    calls = []

    def record(name):
        return lambda *args: calls.append((name, *args))

    hooks = (record("insert"), record("remove"), record("move"), record("reset"))
    sync_list([1, 2, 3], [1, 4, 2, 3], *hooks)
    sync_list([1, 2, 3], [1, 3], *hooks)
    sync_list([1, 2, 3], [2, 3, 1], *hooks)
    sync_list([1, 2, 3], [3, 2, 1, 5, 6], *hooks)
    assert calls == [("insert", 1), ("remove", 1), ("move", 0, 2), ("reset",)]


def test_unrated_cells_are_named_next_to_the_scores(editor):
    """A hypothesis not yet rated says so in its header and in the ranking, not just rank 1."""
    doc = CaseDocument(editor)
    mat = editor.case.matrices[0]
    model = MatrixModel(doc, mat.id)
    scores = ScoresModel(doc, mat.id)
    doc.push(cmd.AddHypothesisCommand(doc, mat.id, "Unrated idea", ""))
    rows = len(mat.rows)
    column = MatrixModel.FIRST_HYPOTHESIS + len(mat.hypotheses) - 1
    assert model.headerData(column, Qt.Orientation.Horizontal).endswith(f" · {rows}?")
    assert f"{rows} cells unrated" in model.headerData(column, Qt.Orientation.Horizontal,
                                                        Qt.ItemDataRole.ToolTipRole)
    names = [scores.index(r, ScoresModel.COL_HYPOTHESIS).data() for r in range(scores.rowCount())]
    assert f"H5: Unrated idea ({rows} unrated)" in names
