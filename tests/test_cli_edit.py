"""The editing commands of the command line: rate, add/edit/delete evidence, hypotheses, matrices,
include and exclude. Each is checked in the workspace through a fresh Workspace; every refusal
prints one line, exits 2 and leaves the workspace exactly as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sat_tool import cli
from sat_tool.cli import main
from sat_tool.domain.model import EvidenceType, Level, Rating, analyst_uid
from sat_tool.errors import log_path
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor, EditConflict
from sat_tool.settings import Preferences
from sat_tool.store import Workspace

from conftest import ROOT

TITLE = "Azerbaijan's shadow war: Iran, Israel and al-Qaeda"


@pytest.fixture(autouse=True)
def _log_folder(tmp_path_factory, monkeypatch):
    """Failures are logged under the test's own folder, not the user's."""
    monkeypatch.setenv("SAT_TOOL_LOG_DIR", str(tmp_path_factory.getbasetemp() / "logs"))


def run(capsys, workspace_path: Path, *args: str) -> tuple[int, str, str]:
    """Run sat-tool on the test workspace; return (status, stdout, stderr)."""
    status = main(["--workspace", str(workspace_path), *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def reload(workspace_path: Path, case_id: int = 1):
    """The case as stored, read through a workspace of its own."""
    with Workspace.open(workspace_path, create=False) as ws:
        return svc.load_case(ws, case_id)


def dump(workspace_path: Path) -> str:
    """Everything in the workspace database, as SQL text."""
    con = sqlite3.connect(workspace_path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def cell(case, matrix: int, evidence: str, hypothesis: int):
    """(matrix, cell) for labels such as (1, "E3", 2)."""
    mat = case.matrices[matrix - 1]
    item = next(e for e in case.evidence if e.label == evidence)
    return mat, (item.id, mat.hypotheses[hypothesis - 1].id)


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


# ------------------------------------------------------------------ rate


def test_rate_sets_clears_and_keeps_the_rationale(capsys, workspace_path, sample_id):
    """`rate` stores the rating as the analyst; without --rationale the rationale stays; '-' clears."""
    status, out, err = run(capsys, workspace_path, "rate", str(sample_id), "E3", "H2", "II",
                           "--matrix", "1", "--analyst", "Kim")
    assert (status, out, err) == (0, "Rated E3 × H2 II in matrix 1\n", "")
    case = reload(workspace_path, sample_id)
    mat, key = cell(case, 1, "E3", 2)
    found = mat.team[analyst_uid("Kim")][key]  # named on the command line: Kim's own rating
    assert found.rating is Rating.II and found.analyst == "Kim" and found.rationale == ""
    assert mat.ratings[key].rating is Rating.C  # the sample's analyst's is left as it was

    # without --analyst: the sample's own analyst, whose rationale stays when only the rating
    # changes
    status, out, _ = run(capsys, workspace_path, "rate", "1", "E3", "H2", "II", "--matrix", "1")
    mat, key = cell(reload(workspace_path, sample_id), 1, "E3", 2)
    assert mat.ratings[key].rating is Rating.II
    assert mat.ratings[key].rationale.startswith("Two months of weapons training fits a state camp")

    status, out, _ = run(capsys, workspace_path, "rate", TITLE, "e3", "h2", "cc", "--matrix", "1",
                         "--rationale", "  Reported by two sources.  ")
    assert status == 0 and out == "Rated E3 × H2 CC in matrix 1, with its rationale\n"
    mat, key = cell(reload(workspace_path, sample_id), 1, "E3", 2)
    assert (mat.ratings[key].rating, mat.ratings[key].rationale) == (Rating.CC, "Reported by two sources.")

    for code in ("-", "clear"):
        status, out, _ = run(capsys, workspace_path, "rate", "1", "E3", "H2", code, "--matrix", "1")
        assert status == 0 and out == "Cleared E3 × H2 in matrix 1\n"
        mat, key = cell(reload(workspace_path, sample_id), 1, "E3", 2)
        assert key not in mat.ratings


def test_rate_by_database_id_and_the_analyst_from_preferences(capsys, workspace_path, sample_id,
                                                              monkeypatch, tmp_path):
    """id:N and '#N' name items by database id; the analyst defaults to the preferences' name."""
    monkeypatch.setenv("SAT_TOOL_CONFIG_DIR", str(tmp_path / "config"))
    Preferences(analyst="Pat Analyst").save()
    case = reload(workspace_path, sample_id)
    mat, (eid, hid) = cell(case, 2, "E24", 3)
    status, out, _ = run(capsys, workspace_path, "rate", "1", f"id:{eid}", f"#{hid}", "I I")
    assert status == 0 and out == "Rated E24 × H3 II in matrix 2\n"
    found = reload(workspace_path, sample_id).matrices[1].ratings[(eid, hid)]
    # Pat has not rated the sample, so the edit is of the ratings of the analyst who did
    assert found.rating is Rating.II and found.analyst == "Sam Adler"
    with Workspace.open(workspace_path) as ws:
        latest = svc.history(ws, sample_id, mat.id, (eid, hid))[0]
    assert (latest.by, latest.analyst, latest.after) == ("Pat Analyst", "Sam Adler", "II")


def test_rate_keeps_a_likelihood_override_of_the_same_rating(capsys, workspace_path, workspace, sample_id):
    """A new rationale for an unchanged rating keeps the cell's likelihood override."""
    editor = CaseEditor.open(workspace, sample_id, "tester")
    mat, key = cell(editor.case, 1, "E3", 2)
    editor.set_likelihood(mat.id, key, 0.4)
    assert run(capsys, workspace_path, "rate", "1", "E3", "H2", "C", "--matrix", "1",
               "--rationale", "Still consistent.")[0] == 0
    found = reload(workspace_path, sample_id).matrices[0].ratings[key]
    assert (found.rating, found.rationale, found.likelihood) == (Rating.C, "Still consistent.", 0.4)


def test_rate_in_a_real_process(workspace_path, sample_id, tmp_path):
    """`python -m sat_tool rate` prints its line and exits 0; a refusal is one line, exit 2, no traceback."""
    env = {**os.environ, "SAT_TOOL_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "sat_tool", "--workspace", str(workspace_path), "rate", "1"]
    done = subprocess.run([*command, "E50", "H4", "NA", "--matrix", "3"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "Rated E50 × H4 NA in matrix 3\n", "")
    mat, key = cell(reload(workspace_path, sample_id), 3, "E50", 4)
    assert mat.ratings[key].rating is Rating.NA

    before = dump(workspace_path)
    done = subprocess.run([*command, "E50", "H4", "XX", "--matrix", "3"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert one_line(done.stderr).startswith("sat-tool: 'XX' is not a rating")
    assert "Traceback" not in done.stderr
    assert dump(workspace_path) == before


def test_rate_lands_beside_an_open_editor(capsys, workspace_path, workspace, sample_id):
    """A rate from the command line while the GUI has the case open: both editors keep working."""
    gui = CaseEditor.open(workspace, sample_id, "gui analyst")
    mat, cli_cell = cell(gui.case, 1, "E1", 1)
    _, gui_cell = cell(gui.case, 1, "E2", 2)
    status, out, _ = run(capsys, workspace_path, "rate", "1", "E1", "H1", "II", "--matrix", "1",
                         "--analyst", "cli analyst")
    assert status == 0 and out == "Rated E1 × H1 II in matrix 1\n"

    gui.rate(mat.id, gui_cell, Rating.NA)  # another cell: no conflict
    gui.add_hypothesis(mat.id, "A fifth explanation")
    stored = reload(workspace_path, sample_id).matrices[0]
    cli = analyst_uid("cli analyst")  # named on the command line: their own ratings
    assert stored.team[cli] == {cli_cell: stored.team[cli][cli_cell]}
    assert stored.team[cli][cli_cell].rating is Rating.II
    assert stored.team[cli][cli_cell].analyst == "cli analyst"
    # the window rates as the sample's analyst, whose cell the command line left alone
    assert stored.ratings[cli_cell].rating is mat.ratings[cli_cell].rating is not Rating.II
    assert stored.ratings[gui_cell].rating is Rating.NA
    assert stored.ratings[gui_cell].analyst == "Sam Adler"
    assert [h.title for h in stored.hypotheses][-1] == "A fifth explanation"
    assert gui.case.matrix(mat.id).team[cli][cli_cell].rating is Rating.II  # the GUI caught up


def test_a_conflict_is_one_line_and_writes_nothing(capsys, workspace_path, workspace, sample_id,
                                                   monkeypatch):
    """When another program rates the same cell while the command runs, the editor refuses: exit 2."""
    other = CaseEditor.open(workspace, sample_id, "someone else")
    mat, key = cell(other.case, 1, "E3", 2)
    real_open = CaseEditor.open
    state = {}

    def open_then_race(*args, **kwargs):
        editor = real_open(*args, **kwargs)
        other.rate(mat.id, key, Rating.I)
        state["dump"] = dump(workspace_path)
        return editor

    monkeypatch.setattr(CaseEditor, "open", open_then_race)
    status, out, err = run(capsys, workspace_path, "rate", "1", "E3", "H2", "CC", "--matrix", "1")
    assert status == 2 and out == ""
    assert "E3 × H2" in one_line(err) and "not made" in err
    assert dump(workspace_path) == state["dump"]
    assert reload(workspace_path, sample_id).matrices[0].ratings[key].rating is Rating.I


def test_a_conflict_raised_by_the_editor_is_reported(capsys, workspace_path, sample_id, monkeypatch):
    """An EditConflict is reported by its own sentence."""
    def refuse(*_args, **_kwargs):
        raise EditConflict("Cell E3 × H2 was changed in another window or program just now.")

    monkeypatch.setattr(CaseEditor, "rate", refuse)
    status, _, err = run(capsys, workspace_path, "rate", "1", "E3", "H2", "CC", "--matrix", "1")
    assert status == 2
    assert one_line(err) == "sat-tool: Cell E3 × H2 was changed in another window or program just now."


# ------------------------------------------------------------------ evidence


def test_add_evidence_to_the_case_and_to_a_matrix(capsys, workspace_path, sample_id):
    """`add-evidence` prints the new label; with --matrix the item is a row there with its relevance."""
    following = len(reload(workspace_path, sample_id).evidence) + 1
    status, out, _ = run(capsys, workspace_path, "add-evidence", "1", "  A new report.  ")
    assert status == 0 and out == f"Added E{following}\n"
    status, out, _ = run(capsys, workspace_path, "add-evidence", "1", "Satellite images of a camp.",
                         "--matrix", "2", "--relevance", "h", "--credibility", "low", "--type", "imint",
                         "--date", "2012-04", "--notes", "One analyst's reading.", "--source", "3",
                         "--quote", "Iran")
    assert status == 0 and out == f"Added E{following + 1} to matrix 2\n"
    case = reload(workspace_path, sample_id)
    first, second = case.evidence[-2:]
    assert (first.label, first.text) == (f"E{following}", "A new report.")
    assert not any(m.includes(first.id) for m in case.matrices)
    assert (second.label, second.credibility, second.type, second.date, second.notes) == (
        f"E{following + 1}", Level.LOW, EvidenceType.IMINT, "2012-04", "One analyst's reading.")
    source = case.sources[2]
    assert second.source_id == source.id and second.quote == "Iran"
    assert second.quote_start == source.text.find("Iran")
    assert case.matrices[1].rows[-1].evidence_id == second.id
    assert case.matrices[1].rows[-1].relevance is Level.HIGH


def test_edit_evidence_says_what_changed(capsys, workspace_path, sample_id):
    """`edit-evidence` changes fields and a matrix's relevance in one edit and names each change."""
    status, out, _ = run(capsys, workspace_path, "edit-evidence", "1", "E50", "--text", "Reworded.",
                         "--credibility", "Low", "--type", "HUMINT", "--date", "2021-08-05",
                         "--relevance", "low", "--matrix", "3", "--source", "")
    assert status == 0
    assert out == ("Changed E50: text, credibility High → Low, type OSINT → HUMINT, "
                   "date 2021-08 → 2021-08-05, source Iran-Azerbaijan: Escalation Unlikely, but "
                   "Tensions to Continue → (none), relevance to matrix 3 Medium → Low\n")
    case = reload(workspace_path, sample_id)
    item = case.evidence[49]
    assert (item.text, item.credibility, item.type, item.date, item.source_id) == (
        "Reworded.", Level.LOW, EvidenceType.HUMINT, "2021-08-05", None)
    assert case.matrices[2].row(item.id).relevance is Level.LOW

    before = dump(workspace_path)
    status, out, _ = run(capsys, workspace_path, "edit-evidence", "1", "E50", "--credibility", "L")
    assert status == 0 and out == "E50 already has those values; nothing changed\n"
    assert dump(workspace_path) == before


def test_delete_evidence(capsys, workspace_path, sample_id):
    """`delete-evidence` removes the item from the case and from every matrix with its ratings."""
    case = reload(workspace_path, sample_id)
    gone = case.evidence[7].id
    status, out, _ = run(capsys, workspace_path, "delete-evidence", "1", "E8")
    assert status == 0
    assert out == "Deleted E8 with its 27 ratings of 3 analysts and its rows in matrices 1 and 2\n"
    case = reload(workspace_path, sample_id)
    assert gone not in {e.id for e in case.evidence}
    assert not any(m.includes(gone) or any(c[0] == gone for c in m.ratings) for m in case.matrices)
    assert [e.label for e in case.evidence][6:8] == ["E7", "E9"]


def test_include_and_exclude(capsys, workspace_path, sample_id):
    """`include` adds rows with a relevance (repeats ignored); `exclude` takes rows and their ratings out."""
    status, out, _ = run(capsys, workspace_path, "include", "1", "E1", "E2", "e1", "--matrix", "2",
                         "--relevance", "High")
    assert status == 0 and out == "Included E1, E2 in matrix 2 with relevance High\n"
    case = reload(workspace_path, sample_id)
    e1, e2 = case.evidence[0].id, case.evidence[1].id
    assert [(r.evidence_id, r.relevance) for r in case.matrices[1].rows[-2:]] == [
        (e1, Level.HIGH), (e2, Level.HIGH)]

    status, out, _ = run(capsys, workspace_path, "exclude", "1", "E1", "--matrix", "1")
    assert status == 0 and out == "Excluded E1 from matrix 1 with 4 ratings there; it stays in the case\n"
    status, out, _ = run(capsys, workspace_path, "exclude", "1", "E1", "E2", "--matrix", "2")
    assert status == 0
    assert out == "Excluded E1, E2 from matrix 2 with 0 ratings there; they stay in the case\n"
    case = reload(workspace_path, sample_id)
    assert not case.matrices[0].includes(e1) and not case.matrices[1].includes(e2)
    assert not any(c[0] == e1 for c in case.matrices[0].ratings)
    assert case.evidence[0].id == e1


# ------------------------------------------------------------------ hypotheses and matrices


def test_hypotheses_add_edit_delete(capsys, workspace_path, sample_id):
    """Hypotheses are added as the last column, edited and deleted by their label in a matrix."""
    status, out, _ = run(capsys, workspace_path, "add-hypothesis", "1", "A rival network",
                         "--matrix", "1", "--description", "Someone else trained them.")
    assert status == 0 and out == "Added H5 to matrix 1\n"
    hyp = reload(workspace_path, sample_id).matrices[0].hypotheses[-1]
    assert (hyp.title, hyp.description) == ("A rival network", "Someone else trained them.")

    status, out, _ = run(capsys, workspace_path, "edit-hypothesis", "1", "H5", "--matrix", "1",
                         "--title", "A rival group", "--description", "Unclear.")
    assert status == 0 and out == "Changed H5 of matrix 1: title, description\n"
    hyp = reload(workspace_path, sample_id).matrices[0].hypotheses[-1]
    assert (hyp.title, hyp.description) == ("A rival group", "Unclear.")

    case = reload(workspace_path, sample_id)
    second = case.matrices[0].hypotheses[1]
    status, out, _ = run(capsys, workspace_path, "delete-hypothesis", "1", f"id:{second.id}")
    assert status == 0
    rated = sum(1 for own in case.matrices[0].team.values() for cell in own
                if cell[1] == second.id)
    assert rated == 3 * len(case.matrices[0].rows)  # every analyst's ratings of the column go
    assert out == (f"Deleted H2 of matrix 1 ({second.title}) with its {rated} ratings of 3 "
                   "analysts; H3 to H5 are now H2 to H4\n")
    mat = reload(workspace_path, sample_id).matrices[0]
    assert second.id not in [h.id for h in mat.hypotheses] and len(mat.hypotheses) == 4
    assert not any(c[1] == second.id for c in mat.ratings)


def test_matrices_add_and_delete(capsys, workspace_path, sample_id):
    """`add-matrix` adds a question as the last matrix; `delete-matrix` removes one, evidence kept."""
    status, out, _ = run(capsys, workspace_path, "add-matrix", "1", "  Who funds the cell?  ")
    assert status == 0 and out == "Added matrix 4: Who funds the cell?\n"
    assert reload(workspace_path, sample_id).matrices[3].question == "Who funds the cell?"

    before = reload(workspace_path, sample_id)
    question, rows = before.matrices[1].question, len(before.matrices[1].rows)
    status, out, _ = run(capsys, workspace_path, "delete-matrix", "1", "2")
    assert status == 0
    assert out == (f"Deleted matrix 2 ({question}) with its 5 hypotheses, {rows} rows and "
                   f"{rows * 5 * 3} ratings of 3 analysts; "
                   "the evidence stays in the case; matrices 3 to 4 are now 2 to 3\n")
    case = reload(workspace_path, sample_id)
    assert [m.question for m in case.matrices][2] == "Who funds the cell?"
    assert len(case.matrices) == 3 and len(case.evidence) == len(before.evidence)


def test_a_case_with_one_matrix_needs_no_matrix_option(capsys, workspace_path, workspace):
    """With a single matrix, hypotheses and ratings need no --matrix."""
    case_id = svc.new_case(workspace, "One question")
    assert run(capsys, workspace_path, "add-matrix", "One question", "Is it so?")[0] == 0
    assert run(capsys, workspace_path, "add-hypothesis", str(case_id), "Yes")[1] == "Added H1 to matrix 1\n"
    assert run(capsys, workspace_path, "add-evidence", str(case_id), "A fact", "--matrix", "1")[0] == 0
    status, out, _ = run(capsys, workspace_path, "rate", str(case_id), "E1", "H1", "C")
    assert status == 0 and out == "Rated E1 × H1 C in matrix 1\n"
    mat = reload(workspace_path, case_id).matrices[0]
    assert mat.rating(mat.rows[0].evidence_id, mat.hypotheses[0].id) is Rating.C


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize(("args", "message"), [
    (("rate", "9", "E3", "H2", "CC", "--matrix", "1"), "no case with id or title '9'"),
    (("rate", "1", "E3", "H2", "ZZ", "--matrix", "1"), "'ZZ' is not a rating"),
    (("rate", "1", "E3", "H2", "CC"), "has 3 matrices: choose one with --matrix"),
    (("rate", "1", "E3", "H9", "CC", "--matrix", "1"), "matrix 1 has no hypothesis H9 (it has H1 to H4)"),
    (("rate", "1", "E99", "H2", "CC", "--matrix", "1"), "has no evidence item E99"),
    (("rate", "1", "H1", "H2", "CC", "--matrix", "1"), "'H1' is a hypothesis"),
    (("rate", "1", "3", "H2", "CC", "--matrix", "1"), "give an evidence item's label (E3) or id (id:57)"),
    (("rate", "1", "E1", "H2", "CC", "--matrix", "2"), "E1 is not included in matrix 2"),
    (("rate", "1", "E3", "H2", "-", "--matrix", "1", "--rationale", "why"), "a rationale needs a rating"),
    (("rate", "1", "E3", "H2", "CC", "--matrix", "7"), "has no matrix '7'"),
    (("rate", "1", "E3", "id:99999", "CC"), "has no hypothesis with id 99999"),
    (("rate", "1", "E3", "H2", "CC", "--matrix", "1", "--analyst", " "), "--analyst needs a name"),
    (("add-evidence", "1", "   "), "an evidence item needs its text"),
    (("add-evidence", "1", "x", "--relevance", "High"), "give --matrix too"),
    (("add-evidence", "1", "x", "--credibility", "sure"), "--credibility: 'sure' is not a level"),
    (("add-evidence", "1", "x", "--type", "rumour"), "--type: 'rumour' is not an evidence type"),
    (("add-evidence", "1", "x", "--source", "Pravda"), "has no source 'Pravda' (give its number, 1 to 5"),
    (("edit-evidence", "1", "E3"), "nothing to change"),
    (("edit-evidence", "1", "E3", "--text", ""), "an evidence item needs its text"),
    (("edit-evidence", "1", "E3", "--relevance", "High", "--matrix", "2"), "E3 is not included in matrix 2"),
    (("edit-evidence", "1", "E3", "--matrix", "1"), "give --relevance too"),
    (("delete-evidence", "1", "E0"), "has no evidence item E0"),
    (("add-hypothesis", "1", "New"), "has 3 matrices"),
    (("add-hypothesis", "1", " ", "--matrix", "1"), "a hypothesis needs a title"),
    (("edit-hypothesis", "1", "H2", "--matrix", "1"), "nothing to change: give --title or --description"),
    (("edit-hypothesis", "1", "H2", "--matrix", "1", "--title", ""), "a hypothesis needs a title"),
    (("delete-hypothesis", "1", "E2", "--matrix", "1"), "'E2' is an evidence item"),
    (("add-matrix", "1", ""), "a matrix needs a question"),
    (("delete-matrix", "1", "4"), "has no matrix '4'"),
    (("include", "1", "E3", "E1", "--matrix", "1"), "E3 is already included in matrix 1"),
    (("include", "1", "E1", "--matrix", "2", "--relevance", "very"), "--relevance: 'very' is not a level"),
    (("exclude", "1", "E1", "--matrix", "2"), "E1 is not included in matrix 2"),
    (("exclude", "1", "E1"), "has 3 matrices"),
])
def test_refusals_are_one_line_and_change_nothing(capsys, workspace_path, sample_id, args, message):
    """Every refusal prints one line on stderr, exits 2, prints nothing on stdout, writes nothing."""
    before = dump(workspace_path)
    status, out, err = run(capsys, workspace_path, *args)
    assert (status, out) == (2, "")
    assert one_line(err).startswith("sat-tool: ") and message in err
    assert dump(workspace_path) == before


def test_a_hypothesis_id_in_another_matrix_is_refused(capsys, workspace_path, sample_id):
    """id:N of a hypothesis with a --matrix it is not in names where it is."""
    hyp = reload(workspace_path, sample_id).matrices[1].hypotheses[2]
    status, _, err = run(capsys, workspace_path, "edit-hypothesis", "1", f"id:{hyp.id}", "--matrix", "1",
                         "--title", "x")
    assert status == 2 and one_line(err) == f"sat-tool: id:{hyp.id} is H3 of matrix 2, not of matrix 1"


def test_editing_a_missing_workspace_creates_nothing(capsys, tmp_path):
    """A mistyped --workspace on an editing command is an error and leaves no file behind."""
    path = tmp_path / "typo" / "ws.sqlite"
    status, _, err = run(capsys, path, "add-matrix", "1", "Why?")
    assert status == 2 and "there is no workspace at" in one_line(err)
    assert not path.parent.exists()


# ------------------------------------------------------------------ no tracebacks


@pytest.mark.parametrize("args", [
    ("rate", "1", "E3", "H2", "CC", "--matrix", "1"),
    ("add-evidence", "1", "x"),
    ("edit-evidence", "1", "E3", "--notes", "n"),
    ("delete-evidence", "1", "E3"),
    ("add-hypothesis", "1", "x", "--matrix", "1"),
    ("edit-hypothesis", "1", "H1", "--matrix", "1", "--title", "x"),
    ("delete-hypothesis", "1", "H1", "--matrix", "1"),
    ("add-matrix", "1", "x"),
    ("delete-matrix", "1", "1"),
    ("include", "1", "E1", "--matrix", "2"),
    ("exclude", "1", "E1", "--matrix", "1"),
])
def test_an_unexpected_failure_is_one_sentence(capsys, workspace_path, sample_id, monkeypatch, args):
    """A failure nobody planned for prints one sentence naming the log file, exits 2, writes nothing."""
    def broken(*_args, **_kwargs):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(CaseEditor, "open", broken)
    before = dump(workspace_path)
    status, out, err = run(capsys, workspace_path, *args)
    assert (status, out) == (2, "")
    line = one_line(err)
    assert "unexpected error" in line and str(log_path()) in line and "internal detail" not in line
    assert dump(workspace_path) == before


def test_failures_of_existing_commands_are_sentences_too(capsys, workspace_path, sample_id, monkeypatch):
    """A database failure under a reading command becomes the sentence describe() gives it."""
    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(svc, "list_cases", locked)
    status, out, err = run(capsys, workspace_path, "cases")
    assert (status, out) == (2, "")
    assert one_line(err).startswith("sat-tool: The workspace is busy")


def test_help_explains_how_items_are_named(capsys):
    """Each editing command's help says how to name evidence and hypotheses."""
    with pytest.raises(SystemExit) as stop:
        main(["rate", "--help"])
    assert stop.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "E3" in text and "id:57" in text and "H2" in text and "'-' or 'clear'" in text
    assert set(cli.COMMANDS) >= {"rate", "add-evidence", "edit-evidence", "delete-evidence",
                                 "add-hypothesis", "edit-hypothesis", "delete-hypothesis",
                                 "add-matrix", "delete-matrix", "include", "exclude"}


def test_a_matrix_number_past_the_last_is_never_read_as_an_id(workspace_path, capsys):
    """Case 2's matrices have ids 4 to 6: `delete-matrix 2 4` is refused, not matrix 1 deleted."""
    from sat_tool.cli import main
    from sat_tool.services import cases as svc
    from sat_tool.store import Workspace

    from conftest import SAMPLE

    with Workspace.open(workspace_path) as ws:
        svc.import_bundle(ws, SAMPLE)
        second = svc.import_bundle(ws, SAMPLE)
        ids = [m.id for m in svc.load_case(ws, second).matrices]
    assert "4" in {str(i) for i in ids}
    for argv in (["delete-matrix", str(second), "4"],
                 ["rate", str(second), "E1", "H1", "CC", "--matrix", "4"],
                 ["score", str(second), "--matrix", "4"]):
        assert main(["--workspace", str(workspace_path), *argv]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "has no matrix '4'" in err[0]
    with Workspace.open(workspace_path) as ws:
        assert [m.id for m in svc.load_case(ws, second).matrices] == ids


# ------------------------------------------------------------------ dates and folders


@pytest.mark.parametrize("date", ["2012-13-45", "yesterday", "2012-02-30", "12-04-2012"])
def test_an_evidence_date_that_is_no_date_is_refused(capsys, workspace_path, sample_id, date):
    def evidence() -> list[str]:  # opening a case records when; the evidence must not change
        return [line for line in dump(workspace_path).splitlines() if "evidence" in line]

    before = evidence()
    status, _out, err = run(capsys, workspace_path, "add-evidence", str(sample_id), "x", "--date",
                            date)
    assert status == 2 and "is not a date" in one_line(err)
    status, _out, err = run(capsys, workspace_path, "edit-evidence", str(sample_id), "E1", "--date",
                            date)
    assert status == 2 and "is not a date" in one_line(err)
    assert evidence() == before


@pytest.mark.parametrize("date", ["2012", "2012-04", "2012-02-29"])
def test_full_and_partial_dates_are_taken(capsys, workspace_path, sample_id, date):
    status, out, _err = run(capsys, workspace_path, "add-evidence", str(sample_id), "x", "--date",
                            f" {date} ")
    assert status == 0
    label = out.split()[-1]
    assert next(e for e in reload(workspace_path, sample_id).evidence if e.label == label
                ).date == date


def test_a_workspace_in_a_folder_that_does_not_exist_is_refused(capsys, tmp_path):
    target = tmp_path / "typo" / "sub" / "ws.sqlite"
    status = main(["--workspace", str(target), "sample"])
    err = capsys.readouterr().err
    assert status == 2 and "the folder" in one_line(err) and "does not exist" in err
    assert not (tmp_path / "typo").exists()
