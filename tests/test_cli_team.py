"""`sat-tool team`, `history` and `merge`: the team's views and a colleague's copy, headless."""

from __future__ import annotations

import json
from pathlib import Path

from sat_tool.cli import main
from sat_tool.domain.model import Rating
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.store import Workspace

from conftest import SAMPLE


def run(capsys, workspace_path: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--workspace", str(workspace_path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_team_json_is_the_services_report(capsys, workspace_path, sample_id):
    status, out, err = run(capsys, workspace_path, "team", str(sample_id), "--matrix", "1",
                           "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)["matrices"][0]
    with Workspace.open(workspace_path) as ws:
        case = svc.load_case(ws, sample_id)
    assert data == json.loads(json.dumps(svc.team_report(case, case.matrices[0])))
    assert [a["name"] for a in data["analysts"]] == ["Sam Adler", "Leila Hasanova", "Tom Reyes"]
    assert data["disputed"][0]["disagreement"] in ("Large disagreement", "Extreme disagreement")


def test_team_text_names_the_disputes_and_the_normalised_judgment(capsys, workspace_path, sample_id):
    status, out, _ = run(capsys, workspace_path, "team", str(sample_id))
    assert status == 0
    assert "Most disputed cells" in out and "E2 × H1: large disagreement" in out
    assert "Tom Reyes's judgments sum to 90 %, not 100 %, so they are scaled" in out


def test_history_lists_who_changed_what_and_filters_by_analyst(capsys, workspace_path, sample_id):
    run(capsys, workspace_path, "rate", str(sample_id), "E3", "H2", "II", "--matrix", "1",
        "--analyst", "Kim", "--rationale", "A second look")
    run(capsys, workspace_path, "rate", str(sample_id), "E4", "H1", "NA", "--matrix", "1")
    status, out, _ = run(capsys, workspace_path, "history", str(sample_id), "--matrix", "1",
                         "--analyst", "Kim", "--json")
    assert status == 0
    changes = json.loads(out)["changes"]
    assert [(c["by"], c["analyst"], c["cell"], c["before"], c["after"], c["note"])
            for c in changes] == [("Kim", "Kim", "E3 × H2", "", "II", "A second look")]
    status, out, _ = run(capsys, workspace_path, "history", str(sample_id), "--matrix", "1",
                         "--cell", "E4", "H1")
    assert status == 0 and out.count("\n") == 1 and "E4 × H1 (Sam Adler's rating): N → NA" in out


def test_merge_adds_a_colleagues_ratings_and_settles_conflicts_as_told(capsys, workspace_path,
                                                                       sample_id, tmp_path):
    with Workspace.open(tmp_path / "theirs.sqlite") as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
        dana = CaseEditor.open(ws, case_id, "Dana")
        dana.rate_as("Dana")
        mat = dana.case.matrices[0]
        dana.rate(mat.id, (mat.rows[0].evidence_id, mat.hypotheses[0].id), Rating.II)
        dana.update_matrix(mat.id, notes="Dana's notes")
        svc.export_case(ws, case_id, "json", tmp_path / "dana.json")
    status, out, _ = run(capsys, workspace_path, "merge", str(tmp_path / "dana.json"), "--dry-run")
    assert status == 0 and "would add 1 rating" in out and "[1] matrix 1, notes:" in out
    with Workspace.open(workspace_path) as ws:
        assert svc.load_case(ws, sample_id, "Dana").analyst_named(
            svc.load_case(ws, sample_id, "Dana").analyst).name == "Sam Adler"  # nothing written
    status, out, _ = run(capsys, workspace_path, "merge", str(tmp_path / "dana.json"), "--take", "1")
    assert status == 0 and out.endswith(f"Merged into case {sample_id}.\n")
    with Workspace.open(workspace_path) as ws:
        case = svc.load_case(ws, sample_id, "Dana")
    assert case.analyst_named(case.analyst).name == "Dana"
    assert case.matrices[0].notes == "Dana's notes"
    assert [a.rating for a in case.matrices[0].ratings.values()] == [Rating.II]


def test_merge_refuses_a_file_that_is_no_copy(capsys, workspace_path, sample_id, tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["case"]["uid"] = "00000000-0000-4000-8000-000000000001"
    path = tmp_path / "other.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = run(capsys, workspace_path, "merge", str(path))
    assert status == 2 and out == ""
    assert err.strip() == ("sat-tool: other.json is not a copy of any case in this workspace; "
                           "`sat-tool import` adds it as a new case")
    status, _, err = run(capsys, workspace_path, "merge", str(tmp_path / "a.xlsx"))
    assert status == 2 and "only a case bundle (.json)" in err


def test_blind_is_set_recorded_and_hides_the_team_from_an_analyst_still_rating(
        capsys, workspace_path, sample_id):
    status, out, _ = run(capsys, workspace_path, "blind", str(sample_id), "on", "--matrix", "2",
                         "--analyst", "Kim")
    assert (status, out) == (0, "matrix 2 is rated blind now\n")
    status, _, err = run(capsys, workspace_path, "team", str(sample_id), "--matrix", "2",
                         "--analyst", "Kim")
    assert status == 2 and err.startswith("sat-tool: matrix 2 is rated blind: Kim sees the "
                                          "others' ratings once every cell is rated (")
    status, out, _ = run(capsys, workspace_path, "team", str(sample_id), "--matrix", "2",
                         "--analyst", "Tom Reyes")  # Tom has rated every cell
    assert status == 0 and "Most disputed cells" in out
    status, out, _ = run(capsys, workspace_path, "history", str(sample_id), "--matrix", "2")
    assert "Kim: set blind rating in matrix 2" in out
    status, out, _ = run(capsys, workspace_path, "blind", str(sample_id), "off", "--matrix", "2")
    assert (status, out) == (0, "Lifted blind rating of matrix 2\n")


def test_the_report_shows_each_analysts_the_groups_and_the_tools_probabilities(
        workspace_path, sample_id, tmp_path):
    from sat_tool.domain import team
    from sat_tool.report.content import build_report

    with Workspace.open(workspace_path) as ws:
        case = svc.load_case(ws, sample_id)
        svc.export_case(ws, sample_id, "html", tmp_path / "r.html")
        svc.export_case(ws, sample_id, "pdf", tmp_path / "r.pdf")
    report = build_report(case)
    third = report.matrices[2]
    assert third.team_columns == ["Hypothesis", "Leila Hasanova", "Tom Reyes", "Group", "Spread",
                                  "Tool"]
    mat = case.matrices[2]
    judged = {u: {h: j for h, (_p, j) in own.items()} for u, own in mat.judgments.items()}
    group = team.group_judgment([h.id for h in mat.hypotheses], judged)
    assert [row[3] for row in third.team_rows] == [f"{g.mean:.0%}" for g in group.aggregate]
    assert any("sum to 90 %" in s for s in third.team)  # Tom's, normalised and said
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("<h3>The team</h3>") == 3 and "Leila Hasanova" in html
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert "The team" in text and "Tom Reyes" in text


def test_a_merge_that_brings_a_matrix_counts_its_ratings(capsys, workspace_path, sample_id,
                                                         tmp_path):
    """A copy whose colleague added a matrix and rated it: the dry run counts those ratings
    too, and names who made them."""
    with Workspace.open(tmp_path / "theirs.sqlite") as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
        dana = CaseEditor.open(ws, case_id, "Dana")
        dana.rate_as("Dana")
        added = dana.add_matrix("Who paid the cell?")
        first = dana.add_hypothesis(added.id, "A state")
        dana.add_hypothesis(added.id, "No one")
        item = dana.case.evidence[0].id
        dana.include_evidence(added.id, [item])
        dana.rate(added.id, (item, first.id), Rating.C)
        svc.export_case(ws, case_id, "json", tmp_path / "dana.json")
    status, out, _ = run(capsys, workspace_path, "merge", str(tmp_path / "dana.json"), "--dry-run")
    assert status == 0
    assert "would add 1 matrix, 1 rating by Dana." in out, out
