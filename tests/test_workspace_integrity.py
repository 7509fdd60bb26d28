"""A workspace is data, not code: files holding anything SAT Tool does not create are refused
untouched; damaged versions are refused in a sentence; read-only files, folders and openings read
everything and write nothing."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sat_tool.cli import main as cli
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.store import READ_ONLY_SENTENCE, ReadOnlyWorkspace, Workspace, WorkspaceError
from sat_tool.store.migrations import SCHEMA_VERSION
from sat_tool.store.workspace import workspace_file_named

FIXTURES = Path(__file__).resolve().parent / "data" / "workspaces"
OPENINGS: tuple[dict[str, Any], ...] = ({}, {"read_only": True}, {"create": False})
"""Every way of opening: for editing, for reading only, and for editing without creating."""

SUPPRESS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


def copy_of(version: int, folder: Path, name: str = "ws.sqlite") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(FIXTURES / f"schema{version}.db", target)
    return target


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def raw(path: Path) -> sqlite3.Connection:
    """A plain connection that writes what the test tells it to (as another program would)."""
    return sqlite3.connect(path, isolation_level=None)


def evidence_count(path: Path) -> int:
    """Counted without running anything in the file: SELECT fires no trigger, and it is immutable."""
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return int(con.execute("SELECT count(*) FROM evidence").fetchone()[0])
    finally:
        con.close()


def refused(path: Path, **options: Any) -> str:
    """Open ``path`` expecting a refusal; check the file and its folder are exactly as they were."""
    before, files = path.read_bytes(), listing(path.parent)
    with pytest.raises(WorkspaceError) as caught:
        Workspace.open(path, **options)
    assert path.read_bytes() == before
    assert listing(path.parent) == files
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    return message


@pytest.fixture(scope="module")
def stamped_template(tmp_path_factory) -> Path:
    """The schema-3 fixture once opened (upgraded) by this release, so it carries its Alembic stamp."""
    path = copy_of(3, tmp_path_factory.mktemp("stamped"))
    Workspace.open(path).close()
    return path


def stamped(folder: Path, template: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ws.sqlite"
    shutil.copyfile(template, path)
    return path


# ---------------------------------------------------------------- code in the file

names = st.from_regex(r"[A-Za-z_][A-Za-z0-9_ ]{0,15}", fullmatch=True).filter(
    lambda n: not n.lower().startswith("sqlite_") and n.strip() == n)
HOSTILE = {
    "trigger": 'CREATE TRIGGER "{name}" AFTER UPDATE ON cases BEGIN DELETE FROM evidence; END',
    "view": 'CREATE VIEW "{name}" AS SELECT * FROM cases',
    "table": 'CREATE TABLE "{name}" (x)',
    "index": 'CREATE INDEX "{name}" ON evidence (text)',
    "virtual table": 'CREATE VIRTUAL TABLE "{name}" USING fts5(body)',
}


@settings(max_examples=40, deadline=None, suppress_health_check=SUPPRESS)
@given(kind=st.sampled_from(sorted(HOSTILE)), name=names, version=st.sampled_from([2, 3]))
def test_anything_sat_tool_does_not_create_is_refused_untouched(tmp_path_factory, stamped_template,
                                                                kind, name, version):
    """Whatever its name, a trigger, view, table, index or virtual table that SAT Tool does not
    make is named in one sentence and the file is not opened, written or upgraded, however it is
    opened; its folder gains nothing."""
    folder = tmp_path_factory.mktemp("hostile")
    path = stamped(folder, stamped_template) if version == 3 else copy_of(2, folder)
    con = raw(path)
    taken = {r[0].lower() for r in con.execute("SELECT name FROM sqlite_master")}
    if name.lower() not in taken:
        con.execute(HOSTILE[kind].format(name=name))
    con.close()
    if name.lower() in taken:
        return
    for options in OPENINGS:
        message = refused(path, **options)
        why = "to keep code in the file from running" if kind in ("trigger", "view", "virtual table") \
            else "as it may belong to another program"
        assert message == (f"{path} contains {'an' if kind == 'index' else 'a'} {kind} ({name}) that "
                           f"SAT Tool does not create; it was not opened, {why}")


@pytest.mark.parametrize("version", [2, 3])
def test_a_trigger_that_would_delete_the_evidence_never_fires(tmp_path: Path, stamped_template, capsys,
                                                              version):
    """A file with triggers that empty the evidence table when a case is touched, the version is
    written or a migration is stamped: every way in refuses it, and not one item is lost."""
    path = stamped(tmp_path, stamped_template) if version == 3 else copy_of(2, tmp_path)
    control = tmp_path / "control.sqlite"
    shutil.copyfile(path, control)
    traps = [
        "CREATE TRIGGER no_ratings AFTER UPDATE ON cases BEGIN DELETE FROM evidence; END",
        "CREATE TRIGGER wipe_on_upgrade BEFORE UPDATE ON sat_meta BEGIN DELETE FROM evidence; END",
        "CREATE TRIGGER wipe_on_delete BEFORE DELETE ON cases BEGIN DELETE FROM evidence; END",
    ]
    for target in (path, control):
        con = raw(target)
        for trap in traps:
            con.execute(trap)
        con.close()
    items = evidence_count(path)
    assert items > 0
    con = raw(control)  # the traps are armed: touching a case in the copy empties its evidence
    con.execute("UPDATE cases SET last_opened = 'now' WHERE id = 1")
    con.close()
    assert evidence_count(control) == 0
    before = path.read_bytes()
    for options in OPENINGS:
        message = refused(path, **options)
        assert "contains a trigger (no_ratings) that SAT Tool does not create; it was not opened, " \
               "to keep code in the file from running" in message
    for args in (["cases"], ["export", "1", "--format", "json", "-o", str(tmp_path / "out.json")],
                 ["rate", "1", "E1", "H1", "C"], ["import", str(FIXTURES.parents[2] / "cases" /
                                                               "azerbaijan-2012.json")]):
        assert cli(["--workspace", str(path), *args]) == 2
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and "contains a trigger (no_ratings)" in err
    assert not (tmp_path / "out.json").exists()
    assert path.read_bytes() == before and evidence_count(path) == items


def test_sat_tools_own_tables_may_not_be_virtual(tmp_path: Path, stamped_template):
    """A virtual table under the name of a table SAT Tool reads first is refused before it is read."""
    path = stamped(tmp_path, stamped_template)
    con = raw(path)
    con.execute("DROP TABLE alembic_version")
    con.execute("CREATE VIRTUAL TABLE alembic_version USING fts5(version_num)")
    con.close()
    message = refused(path)
    assert "contains a virtual table (alembic_version)" in message


def test_a_trigger_made_while_the_workspace_is_open_refuses_edits_here_and_opening_elsewhere(
        workspace: Workspace, workspace_path: Path, sample_id: int):
    """The check is at opening: a trigger made through an open workspace acts on its edits (the
    suite uses this to make a database refuse), this process may open the file again (it checked
    it when it first opened it), and once it has closed it the file is refused."""
    with workspace.engine.begin() as con:
        con.exec_driver_sql("CREATE TRIGGER no_titles BEFORE UPDATE ON hypotheses "
                            "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    editor = CaseEditor.open(workspace, sample_id, "tester")
    with pytest.raises(Exception, match="refused"):
        editor.update_hypothesis(editor.case.matrices[0].hypotheses[0].id, title="Changed")
    with Workspace.open(workspace_path) as again:
        assert svc.load_case(again, sample_id) == editor.case
    workspace.close()
    assert workspace_file_named(workspace_path) is None
    assert "contains a trigger (no_titles)" in refused(workspace_path)


# ---------------------------------------------------------------- versions in words


def with_meta(path: Path, statement: str, *values: Any) -> Path:
    con = raw(path)
    con.execute(statement, values)
    con.close()
    return path


not_whole = st.one_of(
    st.text(max_size=20).filter(lambda t: not re.fullmatch(r"-?[0-9]+", t.strip())),
    st.floats(allow_nan=False), st.binary(max_size=8))


@settings(max_examples=40, deadline=None, suppress_health_check=SUPPRESS)
@given(value=not_whole)
def test_a_schema_version_that_is_not_a_number_is_one_sentence(tmp_path_factory, stamped_template, value):
    """Any text, fraction or bytes in place of the version: refused untouched, in one sentence."""
    path = with_meta(stamped(tmp_path_factory.mktemp("text"), stamped_template),
                     "UPDATE sat_meta SET value = ? WHERE key = 'schema_version'", value)
    for options in OPENINGS:
        message = refused(path, **options)
        assert message.startswith(f"{path} is damaged: its schema version ")
        assert message.endswith(" is not a whole number; it was not opened")


@settings(max_examples=25, deadline=None, suppress_health_check=SUPPRESS)
@given(number=st.integers(max_value=0))
def test_a_version_no_release_wrote_is_one_sentence(tmp_path_factory, stamped_template, number):
    """Zero or a negative version: refused untouched, naming the number."""
    path = with_meta(stamped(tmp_path_factory.mktemp("neg"), stamped_template),
                     "UPDATE sat_meta SET value = ? WHERE key = 'schema_version'", str(number))
    for options in OPENINGS:
        assert refused(path, **options) == (f"{path} is damaged: it records schema version {number}, "
                                            "which no SAT Tool has written; it was not opened")


@pytest.mark.parametrize("version", [1, 3])
def test_a_missing_version_row_or_marker_is_one_sentence(tmp_path: Path, version: int):
    """No schema_version row, or no application marker: refused untouched, in one sentence."""
    path = with_meta(copy_of(version, tmp_path / "a"), "DELETE FROM sat_meta WHERE key = 'schema_version'")
    for options in OPENINGS:
        assert refused(path, **options) == (f"{path} is damaged: it does not record its schema "
                                            "version; it was not opened")
    path = with_meta(copy_of(version, tmp_path / "b"), "DELETE FROM sat_meta WHERE key = 'application'")
    for options in OPENINGS:
        assert refused(path, **options) == f"{path} is not a SAT Tool workspace (its marker is missing)"


def test_a_current_workspace_without_one_of_its_tables_is_named_as_damaged(tmp_path: Path,
                                                                          stamped_template):
    path = stamped(tmp_path, stamped_template)
    with_meta(path, "DROP TABLE snapshots")
    assert refused(path) == f"{path} is damaged: its table snapshots is missing; it was not opened"


# ---------------------------------------------------------------- opening for reading only


def reads_everything(ws: Workspace, out: Path) -> dict[str, Any]:
    """What the read-only commands do: list, load, score and export."""
    summaries = svc.list_cases(ws)
    case = svc.load_case(ws, "Azerbaijan's shadow war: Iran, Israel and al-Qaeda")
    scores = [svc.matrix_report(case, m) for m in case.matrices]
    svc.export_case(ws, case.id, "json", out)
    return {"cases": len(summaries), "evidence": len(case.evidence),
            "scored": sum(bool(s["hypotheses"]) for s in scores), "exported": out.stat().st_size > 0}


def refuses_every_write(ws: Workspace) -> list[str]:
    """The sentence each kind of write gets from a workspace open for reading only."""
    sentences = []
    for write in (lambda: svc.new_case(ws, "Not allowed"), lambda: svc.delete_case(ws, 1),
                  lambda: svc.import_bundle(ws, FIXTURES.parents[2] / "cases" / "azerbaijan-2012.json"),
                  lambda: CaseEditor.open(ws, 1, "tester").add_evidence("Not allowed either")):
        try:
            write()
        except ReadOnlyWorkspace as exc:
            sentences.append(str(exc))
        else:
            sentences.append("written!")
    return sentences


@pytest.mark.parametrize("version", [5, "stamped"])
def test_read_only_opening_reads_everything_and_writes_nothing(tmp_path: Path, stamped_template,
                                                               version):
    """Listing, loading, scoring and exporting work; every write is refused with the sentence;
    the file is byte for byte as it was."""
    path = stamped(tmp_path / "ws", stamped_template) if version == "stamped" else copy_of(5, tmp_path / "ws")
    before = path.read_bytes()
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    (items,) = con.execute("SELECT count(*) FROM evidence e JOIN cases c ON c.id = e.case_id "
                           "WHERE c.title LIKE 'Azerbaijan%'").fetchone()
    con.close()
    with Workspace.open(path, read_only=True) as ws:
        assert ws.read_only and ws.schema_version == SCHEMA_VERSION
        found = reads_everything(ws, tmp_path / "case.json")
        assert refuses_every_write(ws) == [READ_ONLY_SENTENCE] * 4
        watcher = ws.watcher()
        assert watcher.changed() is False
        watcher.close()
    assert found == {"cases": 2, "evidence": items, "scored": 3, "exported": True}
    assert path.read_bytes() == before
    assert listing(path.parent) == ["ws.sqlite"]  # SQLite's -wal and -shm went with the reader


def test_a_read_only_opening_beside_a_writer_sees_its_commits(workspace: Workspace,
                                                             workspace_path: Path, sample_id: int):
    """While another connection has the workspace open, a read-only opening reads through the
    shared index: it sees what the writer commits, and its watcher notices."""
    with Workspace.open(workspace_path, read_only=True) as reader:
        watcher = reader.watcher()
        svc.new_case(workspace, "Committed meanwhile")
        assert watcher.changed() is True
        assert "Committed meanwhile" in [c.title for c in svc.list_cases(reader)]
        watcher.close()
    assert svc.load_case(workspace, sample_id).evidence


@pytest.mark.parametrize("version", [1, 2])
def test_read_only_opening_of_an_older_workspace_refuses_rather_than_upgrades(tmp_path: Path, version):
    message = refused(copy_of(version, tmp_path), read_only=True)
    assert f"is a workspace of an earlier SAT Tool (schema {version}) that must be upgraded" in message
    assert "open it once for editing to upgrade it" in message


@pytest.mark.parametrize("options", [{"read_only": True}, {"create": False}])
def test_an_empty_or_missing_file_is_not_made_a_workspace_for_reading(tmp_path: Path, options):
    """A 0-byte file stays 0 bytes, a missing one is not created (nor its folder)."""
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    message = refused(empty, **options)
    assert message == (f"there is no workspace in {empty} yet: the file is empty (importing a case "
                       "creates one)")
    assert empty.read_bytes() == b""
    missing = tmp_path / "typo" / "ws.sqlite"
    with pytest.raises(WorkspaceError, match="there is no workspace at"):
        Workspace.open(missing, **options)
    assert listing(tmp_path) == ["empty.sqlite"]


def test_an_empty_file_opened_for_editing_becomes_a_workspace(tmp_path: Path):
    path = tmp_path / "ws.sqlite"
    path.write_bytes(b"")
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION and svc.list_cases(ws) == []


def test_a_refused_file_leaves_no_companions(tmp_path: Path, stamped_template):
    """A workspace nobody has open is checked without SQLite making a -wal or -shm beside it."""
    path = with_meta(stamped(tmp_path, stamped_template),
                     "UPDATE sat_meta SET value = '9' WHERE key = 'schema_version'")
    assert listing(tmp_path) == ["ws.sqlite"]
    refused(path)
    assert listing(tmp_path) == ["ws.sqlite"]


# ---------------------------------------------------------------- read-only files and folders

NOBODY = 65534


def as_unprivileged(task: Callable[[], Any]) -> Any:
    """Run ``task`` where file permissions bind: in a child process as user nobody when the tests
    run as root (root writes files whatever their mode), else here. Returns what it returned."""
    if os.geteuid() != 0:
        return task()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            outcome = {"ok": task()}
        except BaseException as exc:  # noqa: BLE001 - handed to the parent
            outcome = {"error": f"{type(exc).__name__}: {exc}"}
        with os.fdopen(write, "w") as pipe:
            pipe.write(json.dumps(outcome))
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        outcome = json.loads(pipe.read() or '{"error": "no answer"}')
    os.waitpid(pid, 0)
    if "error" in outcome:
        raise AssertionError(outcome["error"])
    return outcome["ok"]


@contextlib.contextmanager
def locked(*paths_and_modes: tuple[Path, int]) -> Iterator[None]:
    """Give paths the modes named (and nobody's ownership when root), then put them back."""
    saved = [(p, p.stat().st_mode & 0o7777) for p, _ in paths_and_modes]
    try:
        for path, mode in paths_and_modes:
            if os.geteuid() == 0:
                os.chown(path, NOBODY, NOBODY)
            path.chmod(mode)
        yield
    finally:
        for path, mode in saved:
            path.chmod(mode)


def session_of_commands(path: Path, out: Path) -> dict[str, Any]:
    """What a user does on a workspace they may only read: open it as usual, read, try to write,
    run the read-only commands and an editing one."""
    results: dict[str, Any] = {}
    with Workspace.open(path) as ws:
        results["read_only"] = ws.read_only
        results["reads"] = reads_everything(ws, out / "case.json")
        results["writes"] = refuses_every_write(ws)
    with Workspace.open(path, read_only=True) as ws:
        results["asked"] = reads_everything(ws, out / "again.json")
    for name, args in (("cases", ["cases"]),
                       ("export", ["export", "1", "--format", "json", "-o", str(out / "cli.json")]),
                       ("rate", ["rate", "1", "E1", "H1", "II", "--matrix", "1"])):
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = cli(["--workspace", str(path), *args])
        results[name] = [status, stdout.getvalue(), stderr.getvalue().strip()]
    return results


def check_session(results: dict[str, Any]) -> None:
    reads = {"cases": 2, "evidence": 75, "scored": 3, "exported": True}
    assert results["read_only"] is True and results["reads"] == reads and results["asked"] == reads
    assert results["writes"] == [READ_ONLY_SENTENCE] * 4
    assert results["cases"][0] == 0 and "Azerbaijan's shadow war" in results["cases"][1]
    assert results["export"][0] == 0
    assert results["rate"] == [2, "", f"sat-tool: {READ_ONLY_SENTENCE}"]


@pytest.fixture
def warmed(tmp_path: Path, stamped_template) -> None:
    """Run what the child processes run once here first, so that every module they need is
    loaded before a process that may not read the interpreter's own folders runs it."""
    import logging.handlers  # noqa: F401 - the log file a refused write is recorded in

    path = stamped(tmp_path / "warm", stamped_template)
    out = tmp_path / "warm-out"
    out.mkdir()
    with Workspace.open(path, read_only=True) as ws:
        reads_everything(ws, out / "a.json")
        refuses_every_write(ws)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for args in (["cases"], ["export", "1", "--format", "json", "-o", str(out / "b.json")],
                     ["rate", "1", "E1", "H1", "II", "--matrix", "1"]):
            cli(["--workspace", str(path), *args])


@pytest.fixture
def public(tmp_path: Path) -> Iterator[Path]:
    """A folder that another user can reach (pytest's own are private to the user running it)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="sat-tool-ro-"))
    folder.chmod(0o755)
    out = folder / "out"
    out.mkdir()
    out.chmod(0o777)
    yield folder
    for p in [folder, *folder.rglob("*")]:
        with contextlib.suppress(OSError):
            p.chmod(0o777 if p.is_dir() else 0o666)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_read_only_file_is_read_and_never_written(warmed, public: Path, stamped_template):
    """chmod 444 on the workspace: it opens for reading by itself; cases, load, score and export
    work, in the API and the CLI; every write says the file is read-only; not a byte changes."""
    folder = public / "ws"
    path = stamped(folder, stamped_template)
    folder.chmod(0o777)
    before = path.read_bytes()
    with locked((path, 0o444)):
        results = as_unprivileged(lambda: session_of_commands(path, public / "out"))
    check_session(results)
    assert listing(folder) == ["ws.sqlite"]  # read as immutable: no -wal or -shm left behind
    assert path.read_bytes() == before


def test_a_read_only_folder_is_read_and_nothing_is_created_in_it(warmed, public: Path, stamped_template):
    """chmod 555 on the folder (the file itself writable): the same, and SQLite creates no -wal or
    -shm there, which it could not, so the file is read as immutable."""
    folder = public / "ws"
    path = stamped(folder, stamped_template)
    before = path.read_bytes()
    with locked((path, 0o644), (folder, 0o555)):
        results = as_unprivileged(lambda: session_of_commands(path, public / "out"))
        assert listing(folder) == ["ws.sqlite"]
    check_session(results)
    assert path.read_bytes() == before


def test_an_older_workspace_in_a_read_only_folder_is_refused_in_a_sentence(warmed, public: Path):
    folder = public / "ws"
    path = copy_of(2, folder)
    before = path.read_bytes()

    def open_it() -> str:
        try:
            Workspace.open(path).close()
        except WorkspaceError as exc:
            return str(exc)
        return "opened"

    with locked((path, 0o644), (folder, 0o555)):
        message = as_unprivileged(open_it)
        assert listing(folder) == ["ws.sqlite"]
    assert message == (f"{path} is a workspace of an earlier SAT Tool (schema 2) that must be upgraded "
                       "to schema 5 before it can be read, but the file or its folder is read-only; "
                       "nothing was changed: copy it to a folder you may write to and open the copy")
    assert path.read_bytes() == before


def test_changes_left_in_a_wal_are_not_lost_in_a_read_only_folder(warmed, public: Path, stamped_template):
    """A -wal holding commits (its writer killed) beside a file in a read-only folder cannot be
    read without its index: refused in a sentence rather than read as if it were not there."""
    folder = public / "ws"
    source = stamped(public / "live", stamped_template)
    holder = raw(source)
    holder.execute("PRAGMA journal_mode=WAL")
    holder.execute("PRAGMA wal_autocheckpoint=0")
    holder.execute("UPDATE cases SET title = 'Changed in the log' WHERE id = 1")
    folder.mkdir()
    shutil.copyfile(source, folder / "ws.sqlite")
    shutil.copyfile(source.with_name("ws.sqlite-wal"), folder / "ws.sqlite-wal")
    holder.close()
    path = folder / "ws.sqlite"

    def open_it() -> str:
        try:
            Workspace.open(path, read_only=True).close()
        except WorkspaceError as exc:
            return str(exc)
        return "opened"

    with locked((path, 0o644), (folder / "ws.sqlite-wal", 0o644), (folder, 0o555)):
        message = as_unprivileged(open_it)
        assert listing(folder) == ["ws.sqlite", "ws.sqlite-wal"]
    assert message.startswith(f"{path} has changes in ws.sqlite-wal that cannot be read while its "
                              "folder is read-only; nothing was changed")
