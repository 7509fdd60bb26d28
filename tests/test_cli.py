"""The headless command line, run in-process through its entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from sat_tool.cli import main
from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import ROOT, SAMPLE


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run sat-tool with arguments; return (status, stdout, stderr)."""
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_import_prints_the_new_case_id(capsys, workspace_path: Path):
    """`import` prints the id of the new case and `cases` lists it."""
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    assert status == 0 and out.strip() == "1"
    status, out, _ = run(capsys, "cases", "--workspace", str(workspace_path))
    assert status == 0
    assert "Azerbaijan's shadow war" in out


def test_score_json_gives_scores_ranks_and_diagnosticity(capsys, workspace_path: Path):
    """`score --json` lists each matrix's hypotheses with both scores and rank, and evidence diagnosticity."""
    run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "score", "1", "--json")
    assert status == 0
    report = json.loads(out)
    matrix = report["matrices"][0]
    with Workspace.open(workspace_path) as ws:
        expected = svc.matrix_report(svc.load_case(ws, 1), svc.load_case(ws, 1).matrices[0])
    assert matrix == expected
    assert {h["rank"] for h in matrix["hypotheses"]} >= {1}
    assert all("diagnosticity" in e for e in matrix["evidence"])
    assert matrix["unrated_cells"] == 0


def test_score_by_title_and_matrix_number(capsys, workspace_path: Path):
    """A case is named by its exact title; --matrix picks one matrix; the table is ranked."""
    run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    title = json.loads(SAMPLE.read_text())["case"]["title"]
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "score", title, "--matrix", "1")
    assert status == 0
    lines = [line for line in out.splitlines() if line.strip()[:1].isdigit()]
    ranks = [int(line.split()[0]) for line in lines]
    assert ranks == sorted(ranks) and ranks[0] == 1


def test_export_json_and_xlsx(capsys, workspace_path: Path, tmp_path: Path):
    """`export` writes a bundle equal to the imported one, and a workbook with a matrix sheet."""
    run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    out_json = tmp_path / "case.json"
    out_xlsx = tmp_path / "case.xlsx"
    assert run(capsys, "--workspace", str(workspace_path), "export", "1", "--format", "json",
               "-o", str(out_json))[0] == 0
    assert out_json.read_bytes() == SAMPLE.read_bytes()
    assert run(capsys, "--workspace", str(workspace_path), "export", "1", "--format", "xlsx",
               "-o", str(out_xlsx))[0] == 0
    book = openpyxl.load_workbook(out_xlsx)
    assert any(name.startswith("M1") for name in book.sheetnames)


@pytest.mark.parametrize(("args", "message"), [
    (("score", "42"), "no case with id or title '42'"),
    (("score", "1", "--matrix", "9"), "has no matrix '9'"),
    (("export", "1", "--format", "json", "-o", "/nonexistent/dir/x.json"), "does not exist"),
])
def test_errors_are_one_line_with_status_2(capsys, workspace_path: Path, args, message):
    """A bad case, matrix or output path prints one line on stderr and exits 2."""
    run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    status, out, err = run(capsys, "--workspace", str(workspace_path), *args)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


def test_bad_bundle_changes_nothing(capsys, workspace_path: Path, tmp_path: Path):
    """Importing a malformed bundle exits 2 with the problem and leaves the workspace empty."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "sat-tool-case", "version": 99}')
    status, _, err = run(capsys, "--workspace", str(workspace_path), "import", str(bad))
    assert status == 2 and "newer than this SAT Tool reads" in err
    with Workspace.open(workspace_path) as ws:
        assert svc.list_cases(ws) == []


def test_workspace_that_is_not_one(capsys, tmp_path: Path):
    """--workspace on a file that is not a workspace: one line naming it, status 2, file intact."""
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 not a database")
    status, _, err = run(capsys, "--workspace", str(path), "cases")
    assert status == 2 and "not a SAT Tool workspace" in err and str(path) in err
    assert path.read_bytes() == b"PK\x03\x04 not a database"


def test_workspace_from_environment(capsys, tmp_path: Path, monkeypatch):
    """SAT_TOOL_WORKSPACE names the workspace when --workspace is not given."""
    path = tmp_path / "env.sqlite"
    monkeypatch.setenv("SAT_TOOL_WORKSPACE", str(path))
    run(capsys, "import", str(SAMPLE))
    assert path.exists()
    with Workspace.open(path) as ws:
        assert len(svc.list_cases(ws)) == 1


def test_gui_without_a_display_says_how_to_run(tmp_path: Path):
    """With no display on Linux, the GUI command prints one line about xvfb-run or offscreen."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check applies on Linux")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "xvfb-run" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr


def test_score_in_another_mode_and_sensitivity(capsys, workspace_path: Path):
    """`score --mode` ranks by another score; `sensitivity --json` lists linchpins and the fewest changes."""
    run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "score", "1", "--matrix", "2",
                         "--mode", "probability", "--json")
    report = json.loads(out)["matrices"][0]
    assert status == 0 and report["ranked_by"] == "probability"
    by_rank = sorted(report["hypotheses"], key=lambda h: h["rank"])
    assert [h["probability"] for h in by_rank] == sorted((h["probability"] for h in by_rank),
                                                         reverse=True)
    assert "independent" in report["caveat"]
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "sensitivity", "1", "--json")
    assert status == 0
    first = json.loads(out)["matrices"][0]
    with Workspace.open(workspace_path) as ws:
        case = svc.load_case(ws, 1)
    assert first == svc.sensitivity_report(case, case.matrices[0])
    assert first["leader"] == ["H3", "H4"]
    assert [p["evidence"] for p in first["linchpins"] if p["draws_level"]] == ["E2"]
    assert first["fewest_changes"]["changes"] == [
        {"evidence": "E2", "hypothesis": "H3", "from": "C", "to": "II"},
        {"evidence": "E2", "hypothesis": "H4", "from": "N", "to": "II"}]
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "sensitivity", "1", "--matrix", "3")
    assert status == 0 and out.startswith("Matrix 3: Will Iran–Azerbaijan tensions")


def test_read_commands_do_not_create_a_workspace(capsys, tmp_path: Path):
    """A mistyped --workspace on cases, score or export is an error, and leaves no file behind."""
    for args in (("cases",), ("score", "1"), ("sensitivity", "1"),
                 ("export", "1", "--format", "json", "-o", str(tmp_path / "x.json"))):
        path = tmp_path / "typo" / "ws.sqlite"
        status, _, err = run(capsys, "--workspace", str(path), *args)
        assert status == 2 and "there is no workspace at" in err
        assert not path.parent.exists()


def test_deeply_nested_json_is_refused(capsys, workspace_path: Path, tmp_path: Path):
    """A JSON file nested beyond reason is named as not a case file; nothing is imported."""
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 200_000 + "]" * 200_000)
    status, _, err = run(capsys, "--workspace", str(workspace_path), "import", str(bad))
    assert status == 2 and "deep.json" in err and len(err.strip().splitlines()) == 1


def test_matrix_option_and_empty_cases_are_explained(capsys, workspace_path: Path, tmp_path: Path):
    """--matrix on a whole-case format is an error; a case with no matrix says so; csv names its matrix."""
    run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    status, _, err = run(capsys, "--workspace", str(workspace_path), "export", "1", "--format",
                         "json", "-o", str(tmp_path / "x.json"), "--matrix", "2")
    assert status == 2 and "--matrix applies to achz, csv, pdf and html" in err
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "export", "1", "--format",
                         "csv", "-o", str(tmp_path / "m.csv"))
    assert status == 0 and "(matrix 1; --matrix picks another)" in out
    with Workspace.open(workspace_path) as ws:
        empty = svc.new_case(ws, "Empty")
    for command in ("score", "sensitivity"):
        status, _, err = run(capsys, "--workspace", str(workspace_path), command, str(empty))
        assert status == 2 and "has no matrix yet" in err


@pytest.mark.parametrize("argv", [["export", "1", "--format", "bogus", "-o", "x"], ["score"],
                                  ["rate", "1", "E1"], ["no-such-command"]])
def test_a_mistyped_command_line_is_one_line(argv, capsys):
    """Argument mistakes are told in one line naming the help to read, with status 2."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    err = capsys.readouterr().err.strip().splitlines()
    assert stop.value.code == 2 and len(err) == 1
    assert err[0].startswith("sat-tool: ") and err[0].endswith("--help)")


def test_listing_an_earlier_releases_workspace_upgrades_it_with_a_backup(tmp_path, capsys):
    """`cases` on a schema-1 workspace upgrades it, keeps a copy of it as it was, and says so."""
    import shutil

    fixture = Path(__file__).resolve().parent / "data" / "workspaces" / "schema1.db"
    path = tmp_path / "old.sqlite"
    shutil.copy(fixture, path)
    assert main(["--workspace", str(path), "cases"]) == 0
    out, err = capsys.readouterr()
    assert "Azerbaijan's shadow war" in out
    backup = tmp_path / "old.sqlite.schema1.bak"
    assert err.strip() == (f"sat-tool: old.sqlite was upgraded from schema 1 to schema 5; the file as it "
                           f"was is kept in {backup}")
    import sqlite3

    con = sqlite3.connect(backup)
    assert con.execute("SELECT value FROM sat_meta WHERE key='schema_version'").fetchone() == ("1",)
    con.close()


def test_sensitivity_under_a_tie_names_the_tie(capsys, workspace_path: Path):
    """In inconsistency mode the sample's first matrix has H3 and H4 tied: the command says which
    re-rating decides the tie and which puts a hypothesis from outside the lead alone in it,
    never that a hypothesis overtakes itself."""
    run(capsys, "--workspace", str(workspace_path), "import", str(SAMPLE))
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "sensitivity", "1",
                         "--matrix", "1", "--mode", "inconsistency")
    assert status == 0
    assert "leader: H3, H4" in out
    assert "would decide the tie between H3 and H4 for " in out
    assert "alone in the lead, ahead of H3 and H4 (tied now)" in out
    assert "ahead of H3:" not in out and "H3 ahead of H3" not in out and "H4 ahead of H4" not in out
    status, out, _ = run(capsys, "--workspace", str(workspace_path), "sensitivity", "1",
                         "--matrix", "1", "--mode", "inconsistency", "--json")
    report = json.loads(out)["matrices"][0]
    assert report["tie_break"]["breaks_tie"] and report["tie_break"]["leaders"] == ["H3", "H4"]
    assert report["fewest_changes"]["challenger"] not in ("H3", "H4")
