"""Closing a question: the outcome, its closing snapshot, what a closed matrix refuses, undo and
redo, a second editor, and the bundle."""

from __future__ import annotations

import pytest

from sat_tool.domain import Outcome
from sat_tool.formats.bundle import dumps_bundle, loads_bundle_with_snapshots
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor, EditConflict, InvalidEdit


def test_closing_takes_a_snapshot_and_freezes_the_analysts_probabilities(workspace, editor):
    mat = editor.case.matrices[0]
    first = mat.hypotheses[0]
    editor.set_probabilities(mat.id, "judged", {first.id: 0.7})
    change = editor.set_outcome(mat.id, Outcome(first.id, "2016-05", "A ruling"))
    assert change.snapshot is not None and change.snapshot.name == f"Closed: {first.title}"
    assert change.snapshot.matrix.hypotheses[0].judged == 0.7
    with pytest.raises(InvalidEdit, match="this question is closed"):
        editor.set_probabilities(mat.id, "judged", {first.id: 0.9})
    with pytest.raises(InvalidEdit, match="is the recorded outcome of its question"):
        editor.delete_hypothesis(first.id)
    editor.set_probabilities(mat.id, "prior", {first.id: 0.5})  # priors are not a judgment
    stored = svc.load_case(workspace, editor.case.id).matrix(mat.id)
    assert stored.outcome == Outcome(first.id, "2016-05", "A ruling", change.snapshot.id)
    assert stored.hypotheses[0].judged == 0.7


def test_undo_and_redo_of_closing_restore_the_workspace_exactly(workspace, editor):
    mat = editor.case.matrices[0]
    before = svc.load_case(workspace, editor.case.id)
    change = editor.set_outcome(mat.id, Outcome(None, "2016"))
    closed = svc.load_case(workspace, editor.case.id)
    snaps = editor.snapshots(mat.id)
    editor.undo_outcome(change)
    assert svc.load_case(workspace, editor.case.id) == before and editor.snapshots(mat.id) == []
    editor.redo_outcome(change)
    assert svc.load_case(workspace, editor.case.id) == closed and editor.snapshots(mat.id) == snaps


def test_a_second_editor_cannot_undo_a_closing_it_did_not_see(workspace, editor, sample_id):
    other = CaseEditor.open(workspace, sample_id, "other")
    mat = editor.case.matrices[0]
    change = editor.set_outcome(mat.id, Outcome(mat.hypotheses[1].id))
    other.set_outcome(mat.id, None)  # reopened elsewhere
    with pytest.raises(EditConflict):
        editor.undo_outcome(change)
    assert svc.load_case(workspace, sample_id).matrix(mat.id).outcome is None


def test_a_malformed_date_is_refused_and_nothing_is_written(workspace, editor):
    mat = editor.case.matrices[0]
    with pytest.raises(InvalidEdit, match="'March 2016' is not a date"):
        editor.set_outcome(mat.id, Outcome(None, "March 2016"))
    assert editor.snapshots(mat.id) == []
    assert svc.load_case(workspace, editor.case.id).matrix(mat.id).outcome is None


def test_the_bundle_carries_the_outcome_its_snapshot_and_the_layout(workspace, editor, tmp_path):
    mat = editor.case.matrices[0]
    editor.take_snapshot(mat.id, "Early")
    change = editor.set_outcome(mat.id, Outcome(mat.hypotheses[2].id, "2017", "Trial"))
    editor.set_transposed(mat.id, True)
    editor.update_evidence(mat.rows[0].evidence_id, origin="Ministry statement")
    case = svc.load_case(workspace, editor.case.id)
    text = dumps_bundle(case, {mat.id: editor.snapshots(mat.id)})
    copy, _ = loads_bundle_with_snapshots(text)
    assert copy.matrices[0].outcome == Outcome(copy.matrices[0].hypotheses[2].id, "2017", "Trial", 2)
    path = tmp_path / "closed.json"
    path.write_text(text, encoding="utf-8")
    new_id = svc.import_bundle(workspace, path)
    imported = svc.load_case(workspace, new_id)
    m = imported.matrices[0]
    assert m.transposed and m.outcome is not None and m.outcome.date == "2017"
    assert m.outcome.hypothesis_id == m.hypotheses[2].id
    snaps = CaseEditor.open(workspace, new_id, "x").snapshots(m.id)
    assert [s.name for s in snaps] == ["Early", change.snapshot.name]
    assert m.outcome.snapshot_id == snaps[1].id
    assert imported.evidence_item(m.rows[0].evidence_id).origin == "Ministry statement"
