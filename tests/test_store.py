"""The workspace: every edit persists, reopening gives the same case, bad files are refused.

The tests of edits and of what a workspace holds run on a file and on a team server
(PostgreSQL), where one is given; those of files and their refusals, on files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from sat_tool.domain import EvidenceType, Level, Rating
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor, EditConflict
from sat_tool.store import Workspace, WorkspaceError
from sat_tool.store.migrations import SCHEMA_VERSION
from sat_tool.store.schema import Base

from conftest import direct


@pytest.fixture
def workspace_path(location: str) -> str:
    """This module's workspaces: a file, and a database on the test server."""
    return location


def reopened(path: str | Path, case_id: int):
    """The case as a brand-new engine reads it from disk (or from the server)."""
    with Workspace.open(path) as ws:
        return svc.load_case(ws, case_id)


def test_new_workspace_has_current_schema(tmp_path: Path):
    """A new file is initialised at the current schema version, with WAL and foreign keys."""
    with Workspace.open(tmp_path / "new.sqlite") as workspace:
        assert workspace.schema_version == SCHEMA_VERSION
        with workspace.engine.connect() as con:
            assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_migrated_schema_matches_the_orm(workspace: Workspace):
    """The tables made by the migration steps have exactly the ORM's columns."""
    assert workspace.schema_version == SCHEMA_VERSION
    inspector = inspect(workspace.engine)
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_every_kind_of_edit_persists(workspace: Workspace, workspace_path: Path, sample_id: int):
    """Each editor operation is on disk: a new engine reads back the same case."""
    ed = CaseEditor.open(workspace, sample_id, "tester")
    mat = ed.case.matrices[0]
    ed.update_case(title="Renamed case", description="d")
    src = ed.add_source("A new source", author="Someone", text="Body")
    ed.update_source(src.id, publication="Paper")
    item = ed.add_evidence("A new item", mat.id, Level.HIGH, source_id=src.id,
                           type=EvidenceType.HUMINT, credibility=Level.LOW)
    ed.update_evidence(item.id, notes="checked", type=EvidenceType.ASSUMPTION)
    ed.set_relevance(mat.id, item.id, Level.LOW)
    hyp = ed.add_hypothesis(mat.id, "A fifth hypothesis", "desc")
    ed.update_hypothesis(hyp.id, title="Fifth")
    ed.rate(mat.id, (item.id, hyp.id), Rating.II)
    ed.assess(mat.id, (item.id, mat.hypotheses[0].id), Rating.C, "because")
    ed.move_hypothesis(hyp.id, 0)
    ed.move_row(mat.id, item.id, 0)
    second = ed.add_matrix("Another question?", notes="n")
    ed.update_matrix(second.id, conclusions="c")
    ed.include_evidence(second.id, [item.id], Level.HIGH)
    ed.exclude_evidence(mat.id, mat.rows[-1].evidence_id)
    assert reopened(workspace_path, sample_id) == ed.case
    cell = reopened(workspace_path, sample_id).matrices[0].ratings[(item.id, mat.hypotheses[1].id)]
    # the sample opens rated as its own analyst; "tester" is who made the edit
    assert (cell.rating, cell.rationale, cell.analyst) == (Rating.C, "because", ed.rated_as.name)
    assert ed.rated_as.name == "Sam Adler"


def test_deletions_restore_exactly(workspace: Workspace, workspace_path: Path, sample_id: int):
    """Deleting then restoring a hypothesis, evidence item, source or matrix gives the same case."""
    ed = CaseEditor.open(workspace, sample_id, "tester")
    before = reopened(workspace_path, sample_id)
    mat = ed.case.matrices[0]
    ed.restore_hypothesis(ed.delete_hypothesis(mat.hypotheses[1].id))
    ed.restore_evidence(ed.delete_evidence(mat.rows[3].evidence_id))
    ed.restore_row(ed.exclude_evidence(mat.id, mat.rows[0].evidence_id))
    ed.restore_source(ed.delete_source(ed.case.sources[0].id))
    ed.restore_matrix(ed.delete_matrix(mat.id))
    assert ed.case == before
    assert reopened(workspace_path, sample_id) == before


def test_deleting_a_hypothesis_removes_its_ratings(editor: CaseEditor, workspace_path: Path):
    """A deleted hypothesis takes its ratings with it, in memory and on disk."""
    mat = editor.case.matrices[0]
    hyp = mat.hypotheses[0]
    column = {uid: {c for c in own if c[1] == hyp.id} for uid, own in mat.team.items()}
    removal = editor.delete_hypothesis(hyp.id)
    assert {uid: set(cells) for uid, cells in removal.ratings.items()} == {
        uid: cells for uid, cells in column.items() if cells}  # every analyst's, to put back
    assert sum(len(cells) for cells in column.values()) >= len(mat.rows)
    assert not any(h == hyp.id for _, h in mat.ratings)
    on_disk = reopened(workspace_path, editor.case.id).matrices[0]
    assert not any(h == hyp.id for _, h in on_disk.ratings)
    assert not any(h == hyp.id for own in on_disk.team.values() for _, h in own)


def test_deleting_a_source_unlinks_its_evidence(editor: CaseEditor, workspace_path: Path):
    """Evidence citing a deleted source keeps its text and loses only the link."""
    src = editor.case.sources[0]
    citing = [e.id for e in editor.case.evidence if e.source_id == src.id]
    assert citing
    editor.delete_source(src.id)
    case = reopened(workspace_path, editor.case.id)
    assert all(case.evidence_item(e).source_id is None for e in citing)


def test_a_failed_write_changes_nothing_in_memory(editor: CaseEditor, workspace_path: Path):
    """When the database refuses an edit, the in-memory case stays as it was."""
    mat = editor.case.matrices[0]
    before = reopened(workspace_path, editor.case.id)
    with pytest.raises(EditConflict, match="deleted"):
        editor.rate(mat.id, (mat.rows[0].evidence_id, 999_999), Rating.C)
    with editor.workspace.engine.begin() as con:
        if con.dialect.name == "sqlite":
            con.exec_driver_sql("CREATE TRIGGER no_titles BEFORE UPDATE ON hypotheses "
                                "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        else:
            con.exec_driver_sql("CREATE FUNCTION no_titles() RETURNS trigger LANGUAGE plpgsql "
                                "AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$")
            con.exec_driver_sql("CREATE TRIGGER no_titles BEFORE UPDATE ON hypotheses "
                                "FOR EACH ROW EXECUTE FUNCTION no_titles()")
    with pytest.raises(Exception, match="refused"):
        editor.update_hypothesis(mat.hypotheses[0].id, title="Changed")
    assert editor.case == before


def test_cases_listed_most_recent_first(workspace: Workspace):
    """The case list puts the case opened last at the top."""
    first = svc.new_case(workspace, "First")
    second = svc.new_case(workspace, "Second")
    CaseEditor.open(workspace, first, "x")
    titles = [c.title for c in svc.list_cases(workspace)]
    assert titles[0] == "First" and set(titles) == {"First", "Second"}
    assert svc.find_case(workspace, "Second") == second


def test_text_file_is_not_a_workspace(tmp_path: Path):
    """A text file is refused with a message naming it, and left byte for byte as it was."""
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes\n")
    with pytest.raises(WorkspaceError, match="not a SAT Tool workspace"):
        Workspace.open(path)
    assert path.read_text() == "just some notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite"]


def test_other_programs_database_is_refused_untouched(tmp_path: Path):
    """An SQLite file of another program is refused and not converted to WAL or changed."""
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="another program"):
        Workspace.open(path)
    assert path.read_bytes() == before


def test_workspace_from_a_newer_version_is_refused(workspace_path: str):
    """A workspace whose schema is newer than this release reads is refused with its version."""
    Workspace.open(workspace_path).close()
    with direct(workspace_path) as con:
        con.execute(text("UPDATE sat_meta SET value='99' WHERE key='schema_version'"))
    with pytest.raises(WorkspaceError, match="newer SAT Tool"):
        Workspace.open(workspace_path)


def test_folder_and_bad_url_are_refused(tmp_path: Path):
    """A folder, a URL of another database, or a server that is not there is not a workspace."""
    with pytest.raises(WorkspaceError, match="folder"):
        Workspace.open(tmp_path)
    with pytest.raises(WorkspaceError, match="an SQLite file .* or a PostgreSQL database"):
        Workspace.open("mysql://localhost/db")
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open("postgresql+psycopg://nobody@127.0.0.1:1/db")
    assert str(refused.value) == ("cannot open postgresql+psycopg://nobody@127.0.0.1:1/db: the "
                                  "server cannot be reached (connection refused)")


def test_sqlite_url_is_accepted(tmp_path: Path):
    """A workspace can be named by an sqlite:/// URL."""
    with Workspace.open(f"sqlite:///{tmp_path / 'u.sqlite'}") as ws:
        assert ws.path == tmp_path / "u.sqlite"
        assert svc.list_cases(ws) == []


def test_a_first_release_workspace_is_upgraded_with_its_data(tmp_path: Path):
    """A workspace at schema 1 opens at the current schema with its case intact."""
    from sat_tool.store import dialect, migrations

    path = tmp_path / "old.sqlite"
    engine = dialect.writing_engine(path)
    with dialect.schema_change(engine) as connection:
        migrations.upgrade_to(connection, 1)
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("DROP TABLE alembic_version")  # release 1 recorded only sat_meta.schema_version
    con.execute("INSERT INTO cases (uid, title, description, created, last_opened) "
                "VALUES ('u', 'Old case', '', '', '')")
    con.execute("INSERT INTO matrices (case_id, position, question, notes, conclusions, milestones) "
                "VALUES (1, 0, 'Old question?', '', '', '')")
    con.execute("INSERT INTO hypotheses (matrix_id, position, title, description) "
                "VALUES (1, 0, 'Old hypothesis', '')")
    con.commit()
    con.close()
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION and ws.upgraded_from == 1
        case = svc.load_case(ws, 1)
    mat = case.matrices[0]
    assert (case.title, mat.question, mat.hypotheses[0].title) == ("Old case", "Old question?",
                                                                   "Old hypothesis")
    assert mat.scoring_mode.value == "weighted" and mat.hypotheses[0].prior is None


def test_analysis_settings_and_snapshots_persist(editor: CaseEditor, workspace_path: Path):
    """Scoring mode, priors, judged probabilities, likelihood overrides and snapshots are on disk."""
    from sat_tool.domain import ScoringMode

    mat = editor.case.matrices[0]
    h1, h2 = mat.hypotheses[0].id, mat.hypotheses[1].id
    cell = (mat.rows[0].evidence_id, h1)
    editor.set_scoring_mode(mat.id, ScoringMode.PROBABILITY)
    editor.set_probabilities(mat.id, "prior", {h1: 0.4})
    editor.set_probabilities(mat.id, "judged", {h1: 0.7, h2: 0.3})
    editor.set_likelihood(mat.id, cell, 0.15)
    snap = editor.take_snapshot(mat.id, "Before the review")
    assert reopened(workspace_path, editor.case.id) == editor.case
    with Workspace.open(workspace_path) as ws:
        again = CaseEditor(ws, editor.case, "x").snapshots(mat.id)
    assert [(s.id, s.name) for s in again] == [(snap.id, "Before the review")]
    assert again[0].matrix == mat
    with pytest.raises(ValueError, match="between 0% and 100%"):
        editor.set_probabilities(mat.id, "judged", {h1: 1.5})
    removal = editor.delete_matrix(mat.id)
    assert [s.id for s in removal.snapshots] == [snap.id]
    editor.restore_matrix(removal)
    assert [s.name for s in editor.snapshots(mat.id)] == ["Before the review"]


def test_editor_guards_what_the_analyst_types(editor: CaseEditor):
    """Blank titles, priors over 100% and duplicate snapshot names are refused with a reason."""
    mat = editor.case.matrices[0]
    with pytest.raises(ValueError, match="needs a title"):
        editor.add_hypothesis(mat.id, "   ")
    with pytest.raises(ValueError, match="needs its text"):
        editor.add_evidence(" ", mat.id)
    with pytest.raises(ValueError, match="needs a question"):
        editor.add_matrix("")
    h1, h2 = mat.hypotheses[0].id, mat.hypotheses[1].id
    with pytest.raises(ValueError, match="at most, not 120%"):
        editor.set_probabilities(mat.id, "prior", {h1: 0.6, h2: 0.6})
    editor.take_snapshot(mat.id, "Baseline")
    with pytest.raises(ValueError, match="already has a snapshot named 'Baseline'"):
        editor.take_snapshot(mat.id, "Baseline")


def test_a_likelihood_override_follows_its_rating(editor: CaseEditor):
    """Re-rating a cell the same keeps its override; a different rating clears it."""
    mat = editor.case.matrices[0]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    rating = mat.ratings[cell].rating
    editor.set_likelihood(mat.id, cell, 0.2)
    editor.rate(mat.id, cell, rating)
    assert mat.ratings[cell].likelihood == 0.2
    editor.rate(mat.id, cell, Rating.II)
    assert mat.ratings[cell].likelihood is None
