"""A damaged workspace row is reported and left out; the rest of the case still works.

Rows are damaged behind SAT Tool's back (an older or foreign program, a hand edit
of the database): an unknown rating or level, text where a number belongs, a
snapshot that is not JSON. Loading lists each as ``(table, row id, reason)`` in
``case.damaged``, leaves it out, and writes nothing; scoring and every export
still work.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sat_tool.cli import main as cli
from sat_tool.domain.model import DamagedRow, describe_damage
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.store import Workspace

from conftest import SAMPLE


def raw_dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, as stored."""
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


@pytest.fixture
def damaged(tmp_path: Path):
    """A workspace holding the sample case with two snapshots of matrix 1, and a way to damage it."""
    path = tmp_path / "workspace.sqlite"
    with Workspace.open(path) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
        editor = CaseEditor.open(ws, case_id, "tester")
        matrix_id = editor.case.matrices[0].id
        editor.take_snapshot(matrix_id, "Before")
        editor.take_snapshot(matrix_id, "After")

    def damage(*statements: str) -> None:
        con = sqlite3.connect(path)
        for statement in statements:
            con.execute(statement)
        con.commit()
        con.close()

    return path, case_id, damage


def first(path: Path, query: str) -> tuple:
    con = sqlite3.connect(path)
    try:
        return con.execute(query).fetchone()
    finally:
        con.close()


DAMAGE = [
    ("an unknown rating",
     "UPDATE ratings SET rating='X' WHERE rowid = (SELECT max(rowid) FROM ratings)",
     "SELECT evidence_id, hypothesis_id FROM ratings WHERE rating='X'", "ratings",
     "its rating 'X' is not a rating (CC, C, N, I, II, NA)"),
    ("an unknown credibility",
     "UPDATE evidence SET credibility='Sure' WHERE id = (SELECT max(id) FROM evidence)",
     "SELECT max(id) FROM evidence", "evidence",
     "its credibility 'Sure' is not a credibility level (High, Medium or Low)"),
    ("an unknown evidence type",
     "UPDATE evidence SET type='Rumour' WHERE id = (SELECT min(id) FROM evidence)",
     "SELECT min(id) FROM evidence", "evidence",
     "its type 'Rumour' is not an evidence type (OSINT, HUMINT, SIGINT, IMINT, MASINT, "
     "Assumption, Absence of evidence)"),
    ("an unknown relevance",
     "UPDATE matrix_evidence SET relevance='Huge' WHERE rowid = (SELECT max(rowid) FROM "
     "matrix_evidence)",
     "SELECT matrix_id, evidence_id FROM matrix_evidence WHERE relevance='Huge'", "matrix_evidence",
     "its relevance 'Huge' is not a relevance level (High, Medium or Low)"),
    ("a prior that is text",
     "INSERT INTO judgments (hypothesis_id, analyst_id, prior, judged) VALUES ((SELECT max(id) "
     "FROM hypotheses), (SELECT min(id) FROM analysts), 'lots', NULL)",
     "SELECT hypothesis_id, analyst_id FROM judgments WHERE prior='lots'", "judgments",
     "its prior 'lots' is not a probability from 0 to 1"),
    ("a likelihood out of range",
     "UPDATE ratings SET likelihood=7 WHERE rowid = (SELECT min(rowid) FROM ratings)",
     "SELECT evidence_id, hypothesis_id FROM ratings WHERE likelihood=7", "ratings",
     "its likelihood 7.0 is not a probability from 0 to 1"),
    ("a title that is a blob",
     "UPDATE sources SET title=x'00ff' WHERE id = (SELECT min(id) FROM sources)",
     "SELECT min(id) FROM sources", "sources", "its title b'\\x00\\xff' is not text"),
    ("a snapshot that is not JSON",
     "UPDATE snapshots SET data='{broken' WHERE id = (SELECT min(id) FROM snapshots)",
     "SELECT min(id) FROM snapshots", "snapshots",
     "its data is not valid JSON (Expecting property name enclosed in double quotes at line 1, "
     "column 2)"),
    ("a snapshot missing its question",
     "UPDATE snapshots SET data=json_remove(data, '$.question') WHERE id = (SELECT min(id) FROM "
     "snapshots)",
     "SELECT min(id) FROM snapshots", "snapshots", "its data lacks 'question'"),
    ("a snapshot with an unknown rating",
     "UPDATE snapshots SET data=json_set(data, '$.ratings[0].rating', 'Z') WHERE id = "
     "(SELECT min(id) FROM snapshots)",
     "SELECT min(id) FROM snapshots", "snapshots", "its data is malformed ('Z' is not a valid Rating)"),
]


@pytest.mark.parametrize(("what", "statement", "key", "table", "reason"), DAMAGE,
                         ids=[d[0] for d in DAMAGE])
def test_a_damaged_row_is_reported_and_the_case_still_scores_and_exports(
        damaged, tmp_path: Path, what, statement, key, table, reason):
    path, case_id, damage = damaged
    damage(statement)
    found = first(path, key)
    row_id = found[0] if len(found) == 1 else tuple(found)
    expected = DamagedRow(table, row_id, reason)
    before = raw_dump(path)
    with Workspace.open(path) as ws:
        case = svc.load_case(ws, case_id)
        for mat in case.matrices:
            svc.matrix_report(case, mat)
            svc.sensitivity_report(case, mat)
        exported = [svc.export_case(ws, case_id, fmt, tmp_path / f"out.{fmt}")
                    for fmt in ("json", "xlsx", "html", "csv", "achz")]
    if table == "snapshots":
        assert case.damaged == []  # snapshots are read by whatever needs them
        assert all(c.damaged == [expected] for c in exported)
    else:
        assert case.damaged == [expected]
    assert raw_dump(path) == before  # loading and exporting write nothing
    bundle = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    names = [s["name"] for s in bundle["matrices"][0]["snapshots"]]
    assert names == (["After"] if table == "snapshots" else ["Before", "After"])


def test_what_a_damaged_evidence_row_takes_with_it(damaged):
    """Left-out evidence leaves its rows and ratings out too; only the evidence row is listed."""
    path, case_id, damage = damaged
    damage("UPDATE evidence SET number='seven' WHERE id = (SELECT min(id) FROM evidence)")
    (gone,) = first(path, "SELECT min(id) FROM evidence")
    with Workspace.open(path) as ws:
        case = svc.load_case(ws, case_id)
    assert case.damaged == [DamagedRow("evidence", gone, "its number 'seven' is not a whole number "
                                                         "of 1 or more")]
    assert all(e.id != gone for e in case.evidence)
    for mat in case.matrices:
        assert not mat.includes(gone)
        assert all(cell[0] != gone for cell in mat.ratings)


def test_a_damaged_source_leaves_its_evidence_without_a_source(damaged):
    path, case_id, damage = damaged
    (source,) = first(path, "SELECT source_id FROM evidence WHERE source_id IS NOT NULL")
    damage(f"UPDATE sources SET text=x'ff' WHERE id = {source}")
    with Workspace.open(path) as ws:
        case = svc.load_case(ws, case_id)
    assert [d.table for d in case.damaged] == ["sources"]
    assert all(e.source_id != source for e in case.evidence)
    assert any(e.source_id is None for e in case.evidence)


def test_an_unknown_scoring_mode_keeps_the_matrix_ranked_by_weight(damaged):
    path, case_id, damage = damaged
    damage("UPDATE matrices SET scoring_mode='vibes' WHERE id = (SELECT min(id) FROM matrices)")
    (matrix_id,) = first(path, "SELECT min(id) FROM matrices")
    with Workspace.open(path) as ws:
        case = svc.load_case(ws, case_id)
    assert case.damaged == [DamagedRow(
        "matrices", matrix_id, "its scoring mode 'vibes' is not one of inconsistency, weighted, "
                               "probability; it is ranked by weighted inconsistency instead")]
    assert len(case.matrices) == 3 and case.matrices[0].scoring_mode.value == "weighted"


def test_the_snapshots_that_can_be_read_stay_usable(damaged):
    path, case_id, damage = damaged
    damage("UPDATE snapshots SET data='[]' WHERE id = (SELECT min(id) FROM snapshots)")
    with Workspace.open(path) as ws:
        editor = CaseEditor.open(ws, case_id, "tester")
        assert [s.name for s in editor.snapshots(editor.case.matrices[0].id)] == ["After"]


def test_the_cli_scores_and_exports_a_damaged_case(damaged, tmp_path: Path, capsys):
    path, case_id, damage = damaged
    damage("UPDATE ratings SET rating='maybe' WHERE rowid = (SELECT max(rowid) FROM ratings)",
           "UPDATE snapshots SET data='nope' WHERE id = (SELECT min(id) FROM snapshots)")
    assert cli(["--workspace", str(path), "score", str(case_id)]) == 0
    captured = capsys.readouterr()
    assert "Matrix 1:" in captured.out
    assert captured.err.startswith("sat-tool: warning: 1 damaged workspace row was left out (ratings row ")
    assert cli(["--workspace", str(path), "export", str(case_id), "--format", "html",
                "-o", str(tmp_path / "report.html")]) == 0
    assert (tmp_path / "report.html").stat().st_size > 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("sat-tool: warning: 2 damaged workspace rows were left out")


def test_the_window_says_which_rows_were_left_out(damaged, qtbot, monkeypatch):
    """Opening a damaged case in the window shows it, with one warning naming the damaged rows."""
    from PySide6.QtWidgets import QMessageBox

    from sat_tool.settings import Preferences
    from sat_tool.ui.main_window import MainWindow

    path, case_id, damage = damaged
    damage("UPDATE ratings SET rating='maybe' WHERE rowid = (SELECT max(rowid) FROM ratings)")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    win = MainWindow(Workspace.open(path), Preferences(analyst="Ann"))
    qtbot.addWidget(win)
    win.open_case(case_id)
    assert win.document is not None and win.case_view.current_matrix_page() is not None
    assert len(warnings) == 1 and warnings[0].startswith("1 damaged workspace row was left out")
    win.close()


def test_the_damage_is_told_in_one_sentence():
    rows = [DamagedRow("ratings", (4, 9), "its rating 'X' is not a rating (CC, C, N, I, II, NA)"),
            DamagedRow("snapshots", 3, "its data is not valid JSON (Expecting value at line 1, "
                                       "column 1)")]
    assert describe_damage(rows) == (
        "2 damaged workspace rows were left out (ratings row 4/9: its rating 'X' is not a rating "
        "(CC, C, N, I, II, NA); snapshots row 3: its data is not valid JSON (Expecting value at "
        "line 1, column 1))")
    assert describe_damage(rows[:1] * 5, shown=1).endswith("; and 4 more)")
    assert describe_damage([]) == ""
