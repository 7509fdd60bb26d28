"""The command line's lines of evidence, stated likelihoods, outcomes and calibration, checked
against the domain and the workspace."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sat_tool.cli import main
from sat_tool.domain.calibration import brier
from sat_tool.domain.probability import line_report, posteriors
from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import SAMPLE


def run(capsys, workspace: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--workspace", str(workspace), *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def sample(capsys, workspace_path: Path) -> Path:
    """A workspace holding the sample case (id 1)."""
    status, _, _ = run(capsys, workspace_path, "import", str(SAMPLE))
    assert status == 0
    return workspace_path


def loaded(path: Path):
    with Workspace.open(path) as ws:
        return svc.load_case(ws, 1)


def test_score_json_gives_each_line_of_evidence_and_both_posteriors(capsys, sample):
    """Per line: its items, its pull in bits, the posteriors without it; per hypothesis the
    source-aware posterior and the one with every item independent, as the domain has them."""
    status, out, _ = run(capsys, sample, "score", "1", "--matrix", "2", "--json")
    assert status == 0
    report = json.loads(out)["matrices"][0]
    case = loaded(sample)
    mat = case.matrices[1]
    found = line_report(case, mat)
    independent = posteriors(case, mat, independent=True)
    assert len(report["lines_of_evidence"]) == len(found.lines)
    for entry, line in zip(report["lines_of_evidence"], found.lines):
        assert entry["name"] == line.name
        assert entry["evidence"] == [case.evidence_item(e).label for e in line.evidence]
    for hyp, entry in zip(mat.hypotheses, report["hypotheses"]):
        assert entry["probability"] == pytest.approx(found.posteriors[hyp.id], abs=1e-6)
        assert entry["probability_items_independent"] == pytest.approx(
            independent[hyp.id].probability, abs=1e-6)
    assert report["most_influential_line"] == found.sentence(
        {h.id: f"H{i}" for i, h in enumerate(mat.hypotheses, 1)})


def test_score_text_lists_the_lines_in_the_probability_mode(capsys, sample):
    status, out, _ = run(capsys, sample, "score", "1", "--matrix", "1", "--mode", "probability")
    assert status == 0
    assert "Were every item independent:" in out
    assert "Lines of evidence (" in out and "The most influential line of evidence is" in out


def test_an_origin_joins_items_into_one_line(capsys, sample):
    """edit-evidence --origin names the report an item rests on; items of one origin are one
    line, whatever their sources."""
    case = loaded(sample)
    mat = case.matrices[0]
    sources = {}
    for row in mat.rows:
        item = case.evidence_item(row.evidence_id)
        if not item.origin:
            sources.setdefault(item.source_id, item)
    a, b = list(sources.values())[:2]
    for item in (a, b):
        status, out, _ = run(capsys, sample, "edit-evidence", "1", item.label, "--origin",
                             "Ministry statement")
        assert status == 0 and "origin (none) → Ministry statement" in out
    case = loaded(sample)
    assert case.evidence_item(a.id).origin == "Ministry statement"
    line = next(line for line in line_report(case, case.matrices[0]).lines
                if line.name == "Ministry statement")
    assert set(line.evidence) == {a.id, b.id}


def test_likelihood_states_a_rows_cells_in_one_edit_and_default_puts_them_back(capsys, sample):
    case = loaded(sample)
    mat = case.matrices[0]
    label = case.evidence_item(mat.rows[0].evidence_id).label
    status, out, _ = run(capsys, sample, "likelihood", "1", label, "H1=0.8", "H2=15%",
                         "--matrix", "1")
    assert status == 0 and "H1 80%" in out and "H2 15%" in out
    mat = loaded(sample).matrices[0]
    cells = [mat.ratings[(mat.rows[0].evidence_id, h.id)].likelihood for h in mat.hypotheses]
    assert cells[:2] == [pytest.approx(0.8), pytest.approx(0.15)] and cells[2] is None
    status, _, _ = run(capsys, sample, "likelihood", "1", label, "default", "--matrix", "1")
    mat = loaded(sample).matrices[0]
    assert status == 0
    assert all(mat.ratings[(mat.rows[0].evidence_id, h.id)].likelihood is None
               for h in mat.hypotheses)


@pytest.mark.parametrize(("values", "message"), [
    (["H1=150%"], "H1: a likelihood is from 0.001 (0.1%) to 1 (100%), not 150%"),
    (["H1=0"], "H1: a likelihood is from 0.001 (0.1%) to 1 (100%), not 0"),
    (["H1=1e-300"], "H1: a likelihood is from 0.001 (0.1%) to 1 (100%), not 1e-300"),
    (["H1=0.2", "H1=0.3"], "H1 is given twice; give each hypothesis once"),
    (["H1=lots"], "H1: 'lots' is not a likelihood (give 0.8 or 80%)"),
    (["H1"], "'H1': give each likelihood as H1=0.8 (or H1=default)"),
    (["H9=0.5"], "H9"),
])
def test_a_bad_likelihood_is_refused_with_a_sentence_and_changes_nothing(capsys, sample, values,
                                                                           message):
    before = loaded(sample)
    status, out, err = run(capsys, sample, "likelihood", "1", "E1", *values, "--matrix", "1")
    assert status == 2 and out == ""
    assert err.startswith("sat-tool: ") and message in err and "\n" not in err.strip()
    assert loaded(sample) == before


def test_close_freezes_the_matrix_and_calibration_scores_it(capsys, sample):
    """close records the outcome with a closing snapshot; calibration gives the Brier score of
    the analyst's probabilities and of the tool's; reopen takes the outcome back."""
    with Workspace.open(sample) as ws:
        from sat_tool.services.editor import CaseEditor

        editor = CaseEditor.open(ws, 1, "tester")
        mat = editor.case.matrices[0]
        values = [0.4, 0.3, 0.2, 0.1][:len(mat.hypotheses)]
        values[-1] += 1 - sum(values)
        editor.set_probabilities(mat.id, "judged", {h.id: v for h, v in zip(mat.hypotheses, values)})
    status, out, _ = run(capsys, sample, "close", "1", "H2", "--matrix", "1", "--date", "2015-03",
                         "--evidence", "Court records")
    assert status == 0 and "Closed matrix 1: H2" in out and "snapshot 'Closed: " in out
    case = loaded(sample)
    mat = case.matrices[0]
    assert mat.outcome.hypothesis_id == mat.hypotheses[1].id
    assert (mat.outcome.date, mat.outcome.evidence) == ("2015-03", "Court records")
    status, out, _ = run(capsys, sample, "calibration", "--json")
    report = json.loads(out)
    (entry,) = report["closed_matrices"]
    truth = mat.hypotheses[1].id
    assert entry["brier_analyst"] == pytest.approx(
        brier({h.id: v for h, v in zip(mat.hypotheses, values)}, truth), abs=1e-6)
    tool = {h: p.probability for h, p in posteriors(case, mat).items()}
    assert entry["brier_tool"] == pytest.approx(brier(tool, truth), abs=1e-6)
    assert report["analyst"]["matrices"] == 1 and report["analyst"]["hit_rate"] == 0.0
    assert report["analyst"]["confidence"] == pytest.approx(max(values))
    status, text, _ = run(capsys, sample, "calibration")
    assert status == 0 and "1 closed matrix" in text and "The tool's posteriors: mean Brier" in text
    status, out, err = run(capsys, sample, "close", "1", "H1", "--matrix", "1")
    assert status == 2 and "already closed" in err
    status, out, _ = run(capsys, sample, "reopen", "1", "--matrix", "1")
    assert status == 0 and "Reopened matrix 1" in out
    assert loaded(sample).matrices[0].outcome is None
    status, out, _ = run(capsys, sample, "calibration")
    assert status == 0 and out.startswith("No matrix is closed yet")


def test_close_refuses_a_malformed_date(capsys, sample):
    before = loaded(sample)
    status, out, err = run(capsys, sample, "close", "1", "none", "--matrix", "1", "--date", "15/3/2015")
    assert status == 2 and "'15/3/2015' is not a date such as 2014, 2014-06 or 2014-06-30" in err
    assert loaded(sample) == before


def test_close_with_none_of_the_hypotheses(capsys, sample):
    status, out, _ = run(capsys, sample, "close", "1", "none", "--matrix", "3")
    assert status == 0 and "none of the hypotheses proved true" in out
    mat = loaded(sample).matrices[2]
    assert mat.outcome is not None and mat.outcome.hypothesis_id is None


def test_a_cell_rated_na_takes_no_likelihood(capsys, sample):
    status, _, _ = run(capsys, sample, "rate", "1", "E1", "H1", "NA", "--matrix", "1")
    assert status == 0
    before = loaded(sample)
    status, out, err = run(capsys, sample, "likelihood", "1", "E1", "H1=0.9", "--matrix", "1")
    assert status == 2 and out == ""
    assert "E1 is rated NA against H1: a cell that bears nothing on its hypothesis carries no " \
           "likelihood" in err
    assert loaded(sample) == before


def test_an_outcome_still_to_come_is_refused(capsys, sample):
    before = loaded(sample)
    status, _, err = run(capsys, sample, "close", "1", "H1", "--matrix", "1", "--date", "2999-01")
    assert status == 2 and "2999-01 is still to come: an outcome is recorded once it is known" in err
    assert loaded(sample) == before


def test_an_origin_is_a_name_on_one_line(capsys, sample):
    """An origin is collapsed onto one line; a text of thousands of characters or a control
    character is refused in one sentence and changes nothing."""
    before = loaded(sample)
    for bad, message in (("x" * 10_000, "at most 200 characters (this one has 10,000)"),
                         ("a\x07b", "cannot hold control characters")):
        status, out, err = run(capsys, sample, "edit-evidence", "1", "E9", "--origin", bad)
        assert status == 2 and out == "" and message in err and len(err.splitlines()) == 1
    assert loaded(sample) == before
    status, out, _ = run(capsys, sample, "edit-evidence", "1", "E9", "--origin",
                         "Ministry\nstatement,   April 2012")
    assert status == 0 and out == "Changed E9: origin (none) → Ministry statement, April 2012\n"
    item = next(e for e in loaded(sample).evidence if e.label == "E9")
    assert item.origin == "Ministry statement, April 2012"


def test_score_says_who_ties_and_always_gives_the_caveat(capsys, sample):
    """The sample's first matrix has two hypotheses tied for the lead: `score` says so in
    words, and shows the probabilities' caveat and the independent posteriors in every mode."""
    for mode in ("weighted", "inconsistency"):
        status, out, _ = run(capsys, sample, "score", "1", "--matrix", "1", "--mode", mode)
        assert status == 0
        assert "  H3 and H4 tie for the lead." in out
        assert "Note: " in out and "Were every item independent: " in out
        assert "the most influential first" in out


def test_restating_the_same_likelihoods_changes_nothing(capsys, sample):
    before = loaded(sample)
    status, out, _ = run(capsys, sample, "likelihood", "1", "E16", "H1=default", "--matrix", "1")
    assert status == 0 and out == "E16 in matrix 1 already has those likelihoods; nothing changed\n"
    assert loaded(sample) == before


def test_rating_a_closed_matrix_says_its_record_stays(capsys, sample):
    status, _, _ = run(capsys, sample, "close", "1", "H2", "--matrix", "1", "--date", "2015")
    assert status == 0
    status, out, _ = run(capsys, sample, "rate", "1", "E1", "H1", "I", "--matrix", "1")
    assert status == 0 and out.startswith("Rated E1 × H1 I in matrix 1; the matrix is closed")


def test_an_item_with_no_source_is_a_line_named_once(capsys, sample):
    """A source-less item is a line of its own, named after the item: the table gives no
    "(1 item)" after "E67 (no source)", and the JSON says what kind of line each is."""
    status, out, _ = run(capsys, sample, "add-evidence", "1", "A lone report", "--matrix", "1")
    assert status == 0
    label = re.search(r"\bE\d+\b", out).group(0)
    status, _, _ = run(capsys, sample, "rate", "1", label, "H1", "II", "--matrix", "1")
    assert status == 0, _
    status, out, _ = run(capsys, sample, "score", "1", "--matrix", "1", "--mode", "probability")
    assert status == 0
    shown = [line for line in out.splitlines() if f"{label} (no source)" in line]
    assert shown and all("item)" not in line for line in shown)
    assert any("(14 items)" in line for line in out.splitlines())  # a source's line keeps its count
    status, out, _ = run(capsys, sample, "score", "1", "--matrix", "1", "--json")
    kinds = {entry["name"]: entry["kind"] for entry in
             json.loads(out)["matrices"][0]["lines_of_evidence"]}
    assert kinds[f"{label} (no source)"] == "item"
    assert kinds["What’s Going On in Azerbaijan?"] == "source"
