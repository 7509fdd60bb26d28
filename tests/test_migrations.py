"""Workspaces of every released schema open, upgrade with their data, and leave a backup; newer ones
are refused untouched; the ORM and a migrated database agree exactly."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from sat_tool.domain import Level, Rating
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.store import Workspace, WorkspaceError, dialect, migrations
from sat_tool.store.migrations import SCHEMA_VERSION
from sat_tool.store.schema import Base

FIXTURES = Path(__file__).resolve().parent / "data" / "workspaces"
RELEASED = (1, 2, 3, 4, 5)
CURRENT = RELEASED[-1]


MOVED = {"ratings": ("analyst",), "hypotheses": ("prior", "judged")}
"""Columns of schema 4 and earlier that schema 5 moved: a rating's analyst became a row of
``analysts``, a hypothesis's probabilities rows of ``judgments``."""


def fixture(version: int) -> Path:
    return FIXTURES / f"schema{version}.db"


def copy_of(version: int, folder: Path, name: str = "ws.sqlite") -> Path:
    target = folder / name
    shutil.copyfile(fixture(version), target)
    return target


def reader(path: Path) -> sqlite3.Connection:
    """A read-only connection that leaves no -wal or -shm behind when none were there."""
    busy = any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm"))
    return sqlite3.connect(f"{path.as_uri()}?mode=ro{'' if busy else '&immutable=1'}", uri=True)


def structure(path: Path) -> dict:
    """Every table's columns, AUTOINCREMENT, foreign keys and indexes, as SQLite reports them
    (Alembic's own table left out)."""
    con = reader(path)
    try:
        out = {}
        for name, kind, sql in con.execute("SELECT name, type, sql FROM sqlite_master "
                                           "WHERE name NOT LIKE '%alembic_version%' ORDER BY name"):
            if kind != "table":
                out[name] = kind
                continue
            out[f"{name} autoincrement"] = "AUTOINCREMENT" in (sql or "").upper()
            indexes = [(r[1], r[2], r[3], r[4], con.execute(f"PRAGMA index_xinfo('{r[1]}')").fetchall())
                       for r in con.execute(f"PRAGMA index_list('{name}')")]
            keys = sorted(r[2:] for r in con.execute(f"PRAGMA foreign_key_list('{name}')"))
            out[name] = (con.execute(f"PRAGMA table_xinfo('{name}')").fetchall(), keys, sorted(indexes))
        return out
    finally:
        con.close()


def rows(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row of every SAT Tool table, by table: (columns, rows in rowid order)."""
    con = reader(path)
    try:
        out = {}
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                    "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"):
            columns = [r[1] for r in con.execute(f"PRAGMA table_info('{table}')")]
            out[table] = (columns, con.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall())
        return out
    finally:
        con.close()


def made_at(path: Path, version: int, legacy: bool = True) -> Path:
    """A new database brought to schema ``version`` by the revisions alone; ``legacy`` drops the
    Alembic stamp, as a release before Alembic left it."""
    engine = dialect.writing_engine(path)
    with dialect.schema_change(engine) as connection:
        migrations.upgrade_to(connection, version)
    engine.dispose()
    if legacy:
        con = sqlite3.connect(path)
        con.execute("DROP TABLE alembic_version")
        con.commit()
        con.close()
    return path


def stamped_revision(path: Path) -> str | None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            return migrations.current_revision(connection)
    finally:
        engine.dispose()


# ---------------------------------------------------------------- the revisions


def test_revision_ids_are_the_schema_versions():
    """Revision N makes schema N; the head is the version this release writes."""
    assert migrations.released_versions() == list(RELEASED)
    assert migrations.head_revision() == "0005" and SCHEMA_VERSION == 5
    assert [migrations.revision_for(v) for v in RELEASED] == ["0001", "0002", "0003", "0004",
                                                              "0005"]
    assert migrations.version_of("0002") == 2 and migrations.version_of("0006") is None
    assert not migrations.known_revision("000") and not migrations.known_revision("0")


@pytest.mark.parametrize("version", RELEASED)
def test_each_revision_makes_exactly_what_its_release_made(tmp_path: Path, version: int):
    """The baseline reproduces schema 1, and each later revision the schema of its release,
    column for column, with the same types, defaults, keys, foreign keys and indexes."""
    made = made_at(tmp_path / "made.sqlite", version)
    assert structure(made) == structure(fixture(version))


@pytest.mark.parametrize("source", ["new", *RELEASED, "server"])
def test_the_orm_and_a_migrated_database_agree(tmp_path: Path, source, request):
    """Alembic's autogenerate finds no difference between the ORM classes and a workspace made
    new (in a file, or on a team server) or upgraded from any released schema: types, defaults,
    indexes and constraints included."""
    if source == "server":
        url = request.getfixturevalue("postgres_url")
    else:
        path = tmp_path / "ws.sqlite" if source == "new" else copy_of(source, tmp_path)
        url = f"sqlite:///{path}"
    Workspace.open(url).close()
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts=migrations.OPTIONS)
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == migrations.head_revision()
    finally:
        engine.dispose()


def test_downgrades_return_to_each_released_schema(tmp_path: Path):
    """Going back revision by revision gives each release's schema, keeping the rows it had."""
    path = copy_of(CURRENT, tmp_path)
    Workspace.open(path).close()
    before = rows(path)
    engine = dialect.writing_engine(path)
    try:
        for version in (4, 3, 2, 1):
            with dialect.schema_change(engine) as connection:
                migrations.downgrade(connection, version)
            assert structure(path) == structure(fixture(version))
    finally:
        engine.dispose()
    after = rows(path)
    columns, kept = after["evidence"]
    assert [tuple(r[:len(columns)]) for r in before["evidence"][1]] == kept  # origin, uid dropped
    assert before["evidence"][0][:len(columns)] == columns
    columns, kept = after["sources"]
    assert [tuple(r[:len(columns)]) for r in before["sources"][1]] == kept  # uid dropped
    # one rating per cell again: of a cell's several analysts, one rating stays
    assert len(after["ratings"][1]) == len({r[:2] for r in before["ratings"][1]})


# ---------------------------------------------------------------- released workspaces


@pytest.mark.parametrize("version", RELEASED)
def test_a_released_workspace_opens_upgrades_and_keeps_its_data(tmp_path: Path, version: int):
    """Each fixture, made by the release of its schema from the sample case, opens at the current
    schema; every row it had is there with the same values, and the case loads, scores and edits."""
    path = copy_of(version, tmp_path)
    before = rows(path)
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION
        titles = [c.title for c in svc.list_cases(ws)]
        case = svc.load_case(ws, 1)
    after = rows(path)
    assert set(before) <= set(after)
    assert after.pop("sat_meta")[1] == [("application", "sat-tool"),
                                         ("schema_version", str(SCHEMA_VERSION))]
    before.pop("sat_meta")
    for table, (columns, old_rows) in before.items():
        new_columns, new_rows = after[table]
        moved = MOVED.get(table, ()) if version < 5 else ()
        keep = [new_columns.index(c) for c in columns if c not in moved]
        kept = [tuple(r[i] for i in keep) for r in new_rows]
        wanted = [tuple(v for c, v in zip(columns, r) if c not in moved) for r in old_rows]
        if table == "ratings" and version < 5:  # the rows are re-made with their analyst's id
            kept, wanted = sorted(kept), sorted(wanted)
        assert kept == wanted, table
    if version < 5:
        # A case's ratings (one per cell: one analyst's matrix) belong to the analyst named on
        # most of them, and so do its probabilities; each cell's own name is in the history.
        columns, old_ratings = before["ratings"]
        named = {(r[0], r[1]): r[columns.index("analyst")] for r in old_ratings}
        lead = max(set(named.values()), key=list(named.values()).count)
        names = {r[0]: r[2] for r in after["analysts"][1]}
        columns = after["ratings"][0]
        assert {names[r[columns.index("analyst_id")]] for r in after["ratings"][1]} == {lead}
        columns = after["history"][0]
        assert {(r[columns.index("evidence_id")], r[columns.index("hypothesis_id")]):
                r[columns.index("by")] for r in after["history"][1]} == named
        columns, hypotheses = before["hypotheses"]
        if "prior" in columns:
            given = {(r[0], r[columns.index("prior")], r[columns.index("judged")])
                     for r in hypotheses if r[columns.index("prior")] is not None
                     or r[columns.index("judged")] is not None}
            assert {(r[0], r[2], r[3]) for r in after["judgments"][1]} == given
    assert sorted(titles) == ["An empty case", "Azerbaijan's shadow war: Iran, Israel and al-Qaeda"]
    assert len(case.evidence) == len(before["evidence"][1])
    assert sum(len(own) for m in case.matrices for own in m.team.values()) == len(
        before["ratings"][1])
    assert all(svc.matrix_report(case, m)["hypotheses"] for m in case.matrices if m.hypotheses)
    with Workspace.open(path) as ws:
        editor = CaseEditor.open(ws, case.id, "tester")
        mat = editor.case.matrices[0]
        item = editor.add_evidence("Found after the upgrade", mat.id, Level.HIGH)
        editor.rate(mat.id, (item.id, mat.hypotheses[0].id), Rating.C)
    assert item.number == max(e.number for e in case.evidence) + 1
    with Workspace.open(path) as ws:
        assert svc.load_case(ws, case.id) == editor.case


def test_a_current_workspace_reads_the_same_before_and_after_its_first_opening(tmp_path: Path):
    """The fixture of the current schema reads the same read-only and read-write, and
    opening it writes nothing."""
    path = copy_of(CURRENT, tmp_path)
    with Workspace.open(path, read_only=True) as ws:
        before = [svc.load_case(ws, c.id) for c in svc.list_cases(ws)]
    with Workspace.open(path) as ws:
        assert ws.upgraded_from is None and ws.backup_path is None and ws.notice is None
        assert [svc.load_case(ws, c.id) for c in svc.list_cases(ws)] == before
    assert stamped_revision(path) == migrations.head_revision()
    assert not list(tmp_path.glob("*.bak"))
    stamped = path.read_bytes()
    Workspace.open(path).close()
    assert path.read_bytes() == stamped  # opening a current workspace writes nothing


def test_the_snapshot_and_probabilities_of_schema_two_survive(tmp_path: Path):
    """What schema 2 added (scoring mode, priors, judged, a likelihood, a snapshot) is kept."""
    path = copy_of(2, tmp_path)
    with Workspace.open(path) as ws:
        case = svc.load_case(ws, 1)
        mat = case.matrices[0]
        snaps = CaseEditor(ws, case, "x").snapshots(mat.id)
    assert mat.scoring_mode.value == "probability"
    assert mat.hypotheses[0].prior == 0.4 and mat.hypotheses[1].judged == 0.4
    assert mat.ratings[(mat.rows[0].evidence_id, mat.hypotheses[0].id)].likelihood == 0.15
    assert [s.name for s in snaps] == ["Fixture baseline"]


def test_the_origins_and_outcomes_of_schema_four_survive(tmp_path: Path):
    """What schema 4 added (an item's origin, a matrix's outcome with its closing snapshot, its
    layout) is kept, and a workspace upgraded from schema 3 starts with every matrix open and
    shown in the standard layout."""
    with Workspace.open(copy_of(4, tmp_path)) as ws:
        case = svc.load_case(ws, 1)
        mat = case.matrices[0]
        snaps = CaseEditor(ws, case, "x").snapshots(mat.id)
    assert case.evidence_item(mat.rows[0].evidence_id).origin == "Fixture ministry statement"
    assert mat.outcome is not None and mat.outcome.hypothesis_id == mat.hypotheses[0].id
    assert (mat.outcome.date, mat.outcome.evidence) == ("2015-03", "Fixture grounds")
    assert [s.name for s in snaps][-1].startswith("Closed: ")
    assert mat.outcome.snapshot_id == snaps[-1].id
    assert [m.transposed for m in case.matrices] == [False, True, False]
    with Workspace.open(copy_of(3, tmp_path, "three.sqlite")) as ws:
        old = svc.load_case(ws, 1)
    assert all(m.outcome is None and not m.transposed for m in old.matrices)
    assert all(e.origin == "" for e in old.evidence)


@pytest.mark.parametrize("version", [1, 2, 3])  # releases before Alembic
def test_an_upgrade_first_backs_the_file_up_and_names_the_copy(tmp_path: Path, version: int):
    """Before an upgrade the file is copied beside it (ws.sqlite.schemaN.bak); the workspace says
    where, and the copy is the old workspace, row for row, at its old version."""
    path = copy_of(version, tmp_path)
    original = rows(path)
    with Workspace.open(path) as ws:
        expected = tmp_path / f"ws.sqlite.schema{version}.bak"
        assert ws.upgraded_from == version and ws.backup_path == expected
        assert ws.notice == (f"ws.sqlite was upgraded from schema {version} to schema "
                             f"{SCHEMA_VERSION}; "
                             f"the file as it was is kept in {expected}")
    assert expected.is_file() and rows(expected) == original
    assert structure(expected) == structure(fixture(version))
    con = reader(expected)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchall()
    con.close()
    with pytest.raises(WorkspaceError, match=f"earlier SAT Tool \\(schema {version}\\)"):
        Workspace.open(expected, read_only=True)  # it is the old version, and stays so
    again = copy_of(version, tmp_path)  # the same name again: the first copy is never overwritten
    with Workspace.open(again) as ws:
        assert ws.backup_path == tmp_path / f"ws.sqlite.schema{version}.2.bak"
    assert rows(expected) == original


def test_a_failed_upgrade_changes_nothing_and_leaves_no_copy(tmp_path: Path, monkeypatch):
    """An upgrade that fails part-way rolls back whole: the file is byte for byte as it was."""
    path = copy_of(2, tmp_path)
    before = path.read_bytes()
    real = migrations.upgrade

    def failing(connection, version, revision):
        real(connection, version, revision)
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "upgrade", failing)
    with pytest.raises(RuntimeError, match="power cut"):
        Workspace.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.sqlite"]
    monkeypatch.undo()
    with Workspace.open(path) as ws:
        assert ws.schema_version == SCHEMA_VERSION and ws.upgraded_from == 2


def test_two_openings_at_once_upgrade_once(tmp_path: Path):
    """Two threads opening an old workspace together: one upgrades and backs up, the other waits
    and finds it current."""
    path = copy_of(1, tmp_path)
    opened: list[Workspace] = []
    errors: list[BaseException] = []

    def open_it():
        try:
            opened.append(Workspace.open(path))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(ws.upgraded_from or 0 for ws in opened) == [0, 1]
    for ws in opened:
        ws.close()
    assert [p.name for p in tmp_path.glob("*.bak")] == ["ws.sqlite.schema1.bak"]


cell_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@st.composite
def schema_one_contents(draw):
    """Cases with evidence at schema 1: numbers unique in a case, not necessarily in order."""
    cases = []
    for c in range(draw(st.integers(0, 3))):
        numbers = draw(st.lists(st.integers(1, 500), unique=True, max_size=6))
        cases.append((f"uid-{c}", draw(cell_text), [(n, draw(cell_text)) for n in numbers]))
    return cases


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contents=schema_one_contents())
def test_any_schema_one_contents_survive_the_upgrade(tmp_path_factory, contents):
    """Whatever a schema-1 workspace holds, the upgrade keeps every row, and each case's evidence
    counter starts at its highest evidence number, so no number is given twice."""
    folder = tmp_path_factory.mktemp("one")
    path = made_at(folder / "ws.sqlite", 1)
    con = sqlite3.connect(path)
    for uid, title, items in contents:
        case_id = con.execute("INSERT INTO cases (uid, title, description, created, last_opened) "
                              "VALUES (?, ?, '', '', '')", (uid, title)).lastrowid
        for position, (number, text) in enumerate(items):
            con.execute("INSERT INTO evidence (case_id, position, number, text, date, type, "
                        "credibility, notes, quote) VALUES (?, ?, ?, ?, '', 'OSINT', 'Medium', '', '')",
                        (case_id, position, number, text))
    con.commit()
    con.close()
    before = rows(path)
    with Workspace.open(path) as ws:
        loaded = {c.uid: svc.load_case(ws, c.id) for c in svc.list_cases(ws)}
    after = rows(path)
    columns, kept = after["evidence"]
    assert columns[:len(before["evidence"][0])] == before["evidence"][0]
    assert [r[:len(before["evidence"][0])] for r in kept] == before["evidence"][1]
    assert all(r[columns.index("origin")] == "" for r in kept)  # schema 4's column starts empty
    columns = after["cases"][0]
    counters = {r[columns.index("uid")]: r[columns.index("evidence_counter")] for r in after["cases"][1]}
    for uid, title, items in contents:
        assert loaded[uid].title == title
        assert [(e.number, e.text) for e in loaded[uid].evidence] == items
        assert counters[uid] == max((n for n, _ in items), default=0)


# ---------------------------------------------------------------- newer workspaces


@pytest.fixture(scope="module")
def current_bytes(tmp_path_factory) -> bytes:
    """A small, closed workspace at the current schema, as bytes."""
    path = tmp_path_factory.mktemp("current") / "ws.sqlite"
    with Workspace.open(path) as ws:
        svc.new_case(ws, "Kept as it is")
    return path.read_bytes()


def newer(tmp_path: Path, current_bytes: bytes, version: str | None, revision: str | None) -> Path:
    folder = tmp_path / "newer"
    folder.mkdir()
    path = folder / "ws.sqlite"
    path.write_bytes(current_bytes)
    con = sqlite3.connect(path)
    if version is not None:
        con.execute("UPDATE sat_meta SET value = ? WHERE key = 'schema_version'", (version,))
    if revision is not None:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.commit()
    con.close()
    return path


def assert_refused_untouched(path: Path, match: str, **options) -> str:
    before = path.read_bytes()
    listing = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(WorkspaceError, match=match) as refused:
        Workspace.open(path, **options)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing
    message = str(refused.value)
    assert "\n" not in message and str(path) in message
    return message


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(version=st.integers(SCHEMA_VERSION + 1, 10**30))
def test_a_newer_schema_version_is_refused_byte_for_byte(tmp_path_factory, current_bytes, version):
    """A workspace recording any schema newer than this release's is refused, naming its version,
    and neither it nor its folder changes, for writing or reading."""
    path = newer(tmp_path_factory.mktemp("v"), current_bytes, str(version), None)
    for options in ({}, {"read_only": True}, {"create": False}):
        message = assert_refused_untouched(path, "newer SAT Tool", **options)
        assert f"workspace schema {version}" in message and f"reads up to schema {SCHEMA_VERSION}" in message


revision_ids = st.text(st.characters(codec="ascii", categories=("L", "N")), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(revision=revision_ids.filter(lambda r: not migrations.known_revision(r)))
def test_an_unknown_revision_is_refused_byte_for_byte(tmp_path_factory, current_bytes, revision):
    """An Alembic revision this release does not have (a later release's) is refused untouched."""
    path = newer(tmp_path_factory.mktemp("r"), current_bytes, None, revision)
    for options in ({}, {"read_only": True}):
        message = assert_refused_untouched(path, "newer SAT Tool", **options)
        assert f"schema revision {revision}" in message


def test_a_newer_workspace_with_a_newer_table_is_refused_as_newer(tmp_path: Path, current_bytes):
    """A later release's workspace may have tables this one does not know: its version is what
    the user hears about, and the file is untouched."""
    path = newer(tmp_path, current_bytes, str(SCHEMA_VERSION + 1), f"{SCHEMA_VERSION + 1:04d}")
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE comments (id INTEGER PRIMARY KEY, text TEXT)")
    con.commit()
    con.close()
    assert_refused_untouched(path, "newer SAT Tool")
