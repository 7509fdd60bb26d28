"""A colleague's copy of a case merges back: their ratings as theirs, what they added, and
every conflict of shared text settled by the user; one undo takes it all back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sat_tool.domain.merge import NotACopy
from sat_tool.domain.model import Rating, analyst_uid
from sat_tool.formats.bundle import loads_bundle, read_bundle
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.store import Workspace

from dbdump import canonical_dump

from conftest import SAMPLE


def colleague_copy(tmp_path: Path, work) -> Path:
    """The sample exported, worked on in another workspace by Dana, and exported again."""
    with Workspace.open(tmp_path / "theirs.sqlite") as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
        editor = CaseEditor.open(ws, case_id, "Dana")
        editor.rate_as("Dana")
        work(editor)
        out = tmp_path / "from-dana.json"
        svc.export_case(ws, case_id, "json", out)
    return out


def test_a_colleagues_ratings_merge_as_theirs_without_duplicating_the_case(
        workspace: Workspace, workspace_path: Path, sample_id: int, tmp_path: Path):
    def work(editor):
        for mat in editor.case.matrices:
            for row in mat.rows[:3]:
                editor.rate(mat.id, (row.evidence_id, mat.hypotheses[0].id), Rating.I)
    path = colleague_copy(tmp_path, work)
    editor = CaseEditor.open(workspace, sample_id, "Sam Adler")
    counts = {k: len(v.rows) for k, v in canonical_dump(workspace_path).items()
              if k in ("sources", "evidence", "matrices", "hypotheses", "matrix_evidence")}
    plan = editor.plan_merge(read_bundle(path))
    assert plan.rating_count == 9 and not plan.conflicts and not plan.new_evidence
    editor.merge(read_bundle(path))
    after = canonical_dump(workspace_path)
    assert {k: len(after[k].rows) for k in counts} == counts  # nothing duplicated
    with Workspace.open(workspace_path) as ws:
        case = svc.load_case(ws, sample_id)
        assert [a.name for a in case.analysts][-1] == "Dana"
        dana = {m.id: m.team[analyst_uid("Dana")] for m in case.matrices}
        assert all(len(cells) == 3 for cells in dana.values())
        assert all(a.rating is Rating.I for cells in dana.values() for a in cells.values())
        assert svc.list_cases(ws)[0].id == sample_id and len(svc.list_cases(ws)) == 1


def test_conflicting_text_is_shown_both_ways_and_kept_or_taken_as_chosen(
        workspace: Workspace, workspace_path: Path, sample_id: int, tmp_path: Path):
    def work(editor):
        mat = editor.case.matrices[0]
        editor.update_hypothesis(mat.hypotheses[0].id, title="Al-Qaeda's facilitators in Iran")
        editor.update_evidence(editor.case.evidence[0].id, text="Reworded by Dana")
        editor.add_evidence("A new report Dana found", mat.id)
    path = colleague_copy(tmp_path, work)
    editor = CaseEditor.open(workspace, sample_id, "Sam Adler")
    theirs = read_bundle(path)
    plan = editor.plan_merge(theirs)
    by_field = {(c.kind, c.field): c for c in plan.conflicts}
    title = by_field[("hypothesis", "title")]
    assert (title.ours, title.theirs) == (editor.case.matrices[0].hypotheses[0].title,
                                         "Al-Qaeda's facilitators in Iran")
    assert title.label == "H1 of matrix 1"
    text = by_field[("evidence", "text")]
    assert text.theirs == "Reworded by Dana" and text.label == "E1"
    assert [e.text for e in plan.new_evidence] == ["A new report Dana found"]
    before = canonical_dump(workspace_path)
    result = editor.merge(theirs, {title.key})  # take their title, keep our wording
    case = editor.case
    assert case.matrices[0].hypotheses[0].title == "Al-Qaeda's facilitators in Iran"
    assert case.evidence[0].text != "Reworded by Dana"
    added = next(e for e in case.evidence if e.text == "A new report Dana found")
    assert added.number == max(e.number for e in case.evidence)
    assert case.matrices[0].includes(added.id)
    editor.unmerge(result)  # everything the merge wrote, taken back
    back = canonical_dump(workspace_path)
    for table in ("sources", "evidence", "matrices", "hypotheses", "matrix_evidence", "ratings",
                  "judgments"):
        assert back[table] == before[table], table


@pytest.mark.parametrize(("when", "stays"), [("2020-01-01T00:00:00Z", Rating.CC),
                                             ("2099-01-01T00:00:00Z", Rating.II)])
def test_of_two_ratings_of_one_analyst_the_later_stays(workspace: Workspace, sample_id: int,
                                                       tmp_path: Path, when: str, stays: Rating):
    """Tom's rating of a cell in his copy (II), and here (CC): the one changed later stays."""
    def work(editor):
        editor.rate_as("Tom Reyes")
        mat = editor.case.matrices[0]
        editor.rate(mat.id, (mat.rows[0].evidence_id, mat.hypotheses[0].id), Rating.II)
    path = colleague_copy(tmp_path, work)
    data = json.loads(path.read_text(encoding="utf-8"))
    tom = next(a["id"] for a in data["analysts"] if a["name"] == "Tom Reyes")
    for rating in data["matrices"][0]["ratings"]:
        if (rating["evidence"], rating["hypothesis"], rating["analyst"]) == ("E1", "M1-H1", tom):
            rating["updated"] = when
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    editor = CaseEditor.open(workspace, sample_id, "Tom Reyes")
    mat = editor.case.matrices[0]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    editor.rate(mat.id, cell, Rating.CC)  # here, now
    plan = editor.plan_merge(read_bundle(path))
    assert (plan.kept, plan.newer) == ((1, 0) if stays is Rating.CC else (0, 1))
    editor.merge(read_bundle(path))
    assert editor.case.matrices[0].ratings[cell].rating is stays


def test_a_file_that_is_not_a_copy_is_refused(editor: CaseEditor):
    other = loads_bundle(SAMPLE.read_text(encoding="utf-8"))
    other.uid = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(NotACopy, match="not a copy of this case"):
        editor.plan_merge(other)
