"""Everything particular to SQLite, in one place.

Locations and URIs, the pragmas every connection runs, ``BEGIN IMMEDIATE`` for
writes, the ``data_version`` watcher, what the file system says about a
workspace file and its companions (``-wal``, ``-shm``, ``-journal``), reading
the schema catalogue without writing a byte, the connection that changes the
schema, and backups. The rest of the store speaks SQLAlchemy and names no pragma.

Nothing here opens a workspace file except through SQLite: POSIX drops every
lock a process holds on a file when it closes *any* descriptor of that file, so
reading a workspace with ``open()`` would drop the locks of this process's own
connections. Facts about a file come from ``stat`` and ``access`` alone.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from sat_tool.errors import describe
from sat_tool.domain.text import translate
from sat_tool.store.problems import WorkspaceError

BUSY_TIMEOUT_MS = 10_000
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
FILE_SUFFIXES = ("", *COMPANION_SUFFIXES)
"""The suffixes of a workspace's own files: the database and SQLite's companions."""

INTERNAL_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3",
                             "sqlite_stat4"})
"""Tables SQLite itself keeps (AUTOINCREMENT counters, ANALYZE statistics): data, not code."""

_AUTOINDEX = re.compile(r"sqlite_autoindex_(.+)_\d+")

_LOG = logging.getLogger("sat_tool.store")


# ---------------------------------------------------------------- locations


def location_path(raw: str) -> Path:
    """The file named by a path or an ``sqlite:///PATH`` URL; WorkspaceError for any other URL."""
    if "://" not in raw:
        return Path(raw).expanduser()
    try:
        url = make_url(raw)
    except ArgumentError:
        raise WorkspaceError(translate("Workspace", "{location!r} is not a valid database URL").format(
            location=raw)) from None
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise WorkspaceError(translate(
            "Workspace", "{location!r}: a workspace is an SQLite file (sqlite:///PATH) or a "
            "PostgreSQL database (postgresql+psycopg://…)").format(
                location=raw))
    return Path(url.database).expanduser()


def engine_url(path: Path) -> URL:
    """The SQLAlchemy URL of a workspace file (built, not parsed, so any file name is safe)."""
    return URL.create("sqlite", database=str(path))


def _uri(path: Path, **options: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return f"{path.as_uri()}?{query}" if query else path.as_uri()


# ---------------------------------------------------------------- the file system


@dataclass(frozen=True)
class FileState:
    """What ``stat`` and ``access`` say about a workspace file and its companions."""

    path: Path
    kind: str
    """``missing``, ``file``, ``folder`` or ``other`` (a device, a pipe, a socket)."""
    size: int
    file_writable: bool
    folder_writable: bool
    wal_size: int | None
    """Size of the ``-wal`` file, None when there is none."""
    shm: bool
    journal: bool

    @property
    def writable(self) -> bool:
        """True when this process may write the file and create its companions beside it."""
        return self.file_writable and self.folder_writable

    @property
    def in_use(self) -> bool:
        """True when SQLite's companions show a connection, or changes not yet in the file."""
        return self.shm or bool(self.wal_size) or self.journal


def _may_write(path: Path) -> bool:
    flags = os.W_OK | (os.X_OK if path.is_dir() else 0)
    if os.access in os.supports_effective_ids:
        return os.access(path, flags, effective_ids=True)
    return os.access(path, flags)


def file_state(path: Path) -> FileState:
    """The state of ``path`` from ``stat`` alone; the file is never opened."""
    if path.is_dir():
        kind = "folder"
    elif path.is_file():
        kind = "file"
    elif path.exists():
        kind = "other"
    else:
        kind = "missing"
    size = path.stat().st_size if kind == "file" else 0
    wal = path.with_name(path.name + "-wal")
    folder = path.parent
    return FileState(
        path=path, kind=kind, size=size,
        file_writable=kind == "file" and _may_write(path),
        folder_writable=folder.is_dir() and _may_write(folder),
        wal_size=wal.stat().st_size if wal.is_file() else None,
        shm=path.with_name(path.name + "-shm").exists(),
        journal=path.with_name(path.name + "-journal").exists(),
    )


def check_file(path: Path) -> FileState:
    """The state of a path that may be a workspace; WorkspaceError for a folder, device or pipe."""
    state = file_state(path)
    if state.kind == "folder":
        raise WorkspaceError(translate(
            "Workspace", "{path} is a folder, not a SAT Tool workspace file").format(path=path))
    if state.kind == "other":
        raise WorkspaceError(translate(
            "Workspace", "{path} is not a regular file (a device or a pipe), so it cannot be a "
            "SAT Tool workspace").format(path=path))
    return state


def reason(exc: BaseException) -> str:
    """Why SQLite refused a file, in words for the user (the library's text goes to the log)."""
    sentence = describe(exc)
    return sentence[:1].lower() + sentence[1:].rstrip(".")


# ---------------------------------------------------------------- the catalogue


@dataclass(frozen=True)
class SchemaObject:
    """One entry of ``sqlite_master``: a table, index, view or trigger."""

    kind: str
    name: str
    table: str
    sql: str | None

    @property
    def virtual(self) -> bool:
        """True for a virtual table, whose rows come from a module's code."""
        return self.kind == "table" and (self.sql or "").lstrip()[:14].upper() == "CREATE VIRTUAL"


def internal_table(name: str) -> bool:
    """True for a table that SQLite itself creates."""
    return name in INTERNAL_TABLES


def internal_index_table(name: str) -> str | None:
    """The table of an index SQLite makes for a PRIMARY KEY or UNIQUE constraint, else None."""
    found = _AUTOINDEX.fullmatch(name)
    return found.group(1) if found else None


@dataclass(frozen=True)
class Catalog:
    """What a workspace file holds, read without running anything in it."""

    objects: tuple[SchemaObject, ...]
    meta: dict[Any, Any] | None
    """The rows of ``sat_meta`` as stored (None: there is no such table)."""
    revisions: tuple[Any, ...] | None
    """The rows of ``alembic_version`` (None: there is no such table)."""

    def tables(self) -> set[str]:
        """The names of the file's tables."""
        return {o.name for o in self.objects if o.kind == "table"}


def _objects(rows: list[Any]) -> tuple[SchemaObject, ...]:
    return tuple(SchemaObject(str(k), str(n), str(t), s if isinstance(s, str) else None)
                 for k, n, t, s in rows)


def _catalog(objects: tuple[SchemaObject, ...], meta: Callable[[], dict[Any, Any]],
             revisions: Callable[[], tuple[Any, ...]]) -> Catalog:
    tables = {o.name for o in objects if o.kind == "table"}
    return Catalog(objects, meta() if "sat_meta" in tables else None,
                   revisions() if "alembic_version" in tables else None)


_MASTER = "SELECT type, name, tbl_name, sql FROM sqlite_master"
_META = "SELECT key, value FROM sat_meta"
_REVISIONS = "SELECT version_num FROM alembic_version"


def catalog_on(connection: Connection) -> Catalog:
    """The catalogue and version rows, read on a connection the caller has already vetted."""
    def run(sql: str) -> list[Any]:
        return list(connection.exec_driver_sql(sql).all())

    return _catalog(_objects(run(_MASTER)), lambda: dict(run(_META)),
                    lambda: tuple(r[0] for r in run(_REVISIONS)))


def _refuse_unreadable_log(state: FileState) -> None:
    """A ``-wal`` without its ``-shm`` index in a read-only folder: SQLite cannot read the
    changes in it, and reading the file without them would show an older workspace."""
    if state.in_use and not state.shm and not state.folder_writable:
        path = state.path
        raise WorkspaceError(translate(
            "Workspace", "{path} has changes in {name}-wal that cannot be read while its folder is "
            "read-only; nothing was changed: open it once where it can be written, or copy "
            "the file and its -wal to a folder you may write to").format(path=path, name=path.name))


def _probe_uri(state: FileState) -> str:
    # A file nobody has open, with nothing pending beside it, is read as immutable: SQLite then
    # creates no -wal or -shm, so a refused file stays exactly as it was, companions included.
    if state.in_use:
        return _uri(state.path, mode="ro")
    return _uri(state.path, mode="ro", immutable="1")


def read_catalog(state: FileState, vet: Callable[[Catalog], None]) -> Catalog:
    """Read ``sqlite_master``, let ``vet`` refuse what it finds, then read the version rows.

    The connection is read-only and runs only ``SELECT`` (which fires no
    trigger): ``vet`` sees the schema before any table of the file is read.
    """
    path = state.path
    _refuse_unreadable_log(state)
    try:
        con = sqlite3.connect(_probe_uri(state), uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(translate("Workspace", "cannot open {path}: {reason}").format(
            path=path, reason=reason(exc))) from None
    try:
        con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        con.execute("PRAGMA query_only=ON")
        con.execute("PRAGMA trusted_schema=OFF")
        try:
            rows = con.execute(_MASTER).fetchall()
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "encrypted" in str(exc):
                raise WorkspaceError(translate(
                    "Workspace", "{path} is not a SAT Tool workspace (not an SQLite database)"
                ).format(path=path)) from None
            raise
        objects = _objects(rows)
        vet(Catalog(objects, None, None))  # the schema alone: no table of the file is read yet
        return _catalog(objects, lambda: dict(con.execute(_META).fetchall()),
                        lambda: tuple(r[0] for r in con.execute(_REVISIONS)))
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(translate(
            "Workspace", "{path} is not a readable SAT Tool workspace: {reason}").format(
                path=path, reason=reason(exc))) from None
    finally:
        con.close()


# ---------------------------------------------------------------- engines


def _configure_writer(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself, see _begin
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA trusted_schema=OFF")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _configure_reader(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA trusted_schema=OFF")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _begin(connection: Any) -> None:
    # A write takes the write lock at once (IMMEDIATE), so two writers wait on the busy
    # timeout instead of failing on a read-to-write upgrade. A read takes no lock at
    # all: in WAL mode it sees the last committed state and never waits for a writer.
    if connection.get_execution_options().get("sat_read_only"):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _engine(path: Path, uri: str, configure: Callable[[Any, Any], None]) -> Engine:
    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    engine = create_engine(engine_url(path), creator=connect)
    event.listen(engine, "connect", configure)
    event.listen(engine, "begin", _begin)
    return engine


def writing_engine(path: Path) -> Engine:
    """An engine that reads and writes (creating the file if need be), in WAL mode."""
    return _engine(path, _uri(path, mode="rwc"), _configure_writer)


def read_only_uri(state: FileState) -> str:
    """How to open a file for reading only.

    A WAL database is read through its ``-shm`` index, which coordinates with any
    writer. When nobody has the file open and it is not ours to write (its folder
    or itself read-only), it is opened as immutable: no ``-shm`` is needed, none
    is created, and nobody can change it meanwhile. A file we could write is read
    through an index like any other, so a writer that starts meanwhile is seen;
    :func:`tidy_after_reading` takes away what that left beside it. A ``-wal``
    holding changes that cannot be read because the folder is read-only is
    refused in a sentence.
    """
    path = state.path
    if state.in_use:
        _refuse_unreadable_log(state)
        return _uri(path, mode="ro")
    if not state.writable:
        return _uri(path, mode="ro", immutable="1")
    return _uri(path, mode="ro")


def tidy_after_reading(opened: FileState) -> None:
    """Take away the ``-wal`` and ``-shm`` that a read-only opening made beside a file it could
    have written, once it has closed: a read-only connection never removes them itself.

    Only when there were none at opening and the log is still empty: one short connection
    that may write reads the catalogue and closes, and SQLite, finding itself the last
    connection, removes both. With an empty log nothing is checkpointed, so the database
    file is not written; if another connection is open, nothing is removed.
    """
    path = opened.path
    now = file_state(path)
    if opened.in_use or not now.writable or now.journal or now.wal_size not in (None, 0):
        return
    if now.wal_size is None and not now.shm:
        return
    try:
        con = sqlite3.connect(_uri(path, mode="rw"), uri=True)
        try:
            con.execute("PRAGMA query_only=ON")
            con.execute("PRAGMA trusted_schema=OFF")
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        _LOG.warning("could not tidy the companions of %s", path, exc_info=True)


def reading_engine(state: FileState, uri: str) -> Engine:
    """An engine that can only read (``mode=ro``, ``query_only``) and writes no pragma."""
    return _engine(state.path, uri, _configure_reader)


# ---------------------------------------------------------------- changing the schema


@contextmanager
def schema_change(engine: Engine) -> Iterator[Connection]:
    """One connection and one ``BEGIN IMMEDIATE`` transaction in which to change the schema.

    Foreign keys are off meanwhile: SQLite alters most of a table by copying it,
    and dropping the old copy must not cascade to the rows that refer to it.
    They are checked before the commit, and the transaction rolls back on any
    failure, so a workspace is upgraded completely or not at all.
    """
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise WorkspaceError(translate(
                        "Workspace", "{path} could not be upgraded: {count} rows would refer to "
                        "rows that do not exist; nothing was changed").format(
                            path=engine.url.database, count=len(broken)))
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def backup(state: FileState, destination: Path) -> None:
    """Copy the database as committed now into ``destination``, through SQLite's backup API.

    The copy is written under a temporary name and renamed into place, so a
    ``destination`` that exists is a complete copy.
    """
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(_uri(state.path, mode="ro"), uri=True)
    try:
        source.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.replace(partial, destination)
    try:
        folder = os.open(destination.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


# ---------------------------------------------------------------- watching for commits


class ChangeWatcher:
    """Tells whether the workspace has changed since the last look, from any process.

    It keeps one read-only SQLite connection open outside any transaction and
    compares ``PRAGMA data_version``, which changes whenever another connection
    commits. Checking costs a few microseconds, so a window can look several
    times a second.
    """

    def __init__(self, uri: str) -> None:
        self._con = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._con.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self._seen = self._version()

    def _version(self) -> int:
        return int(self._con.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True once after every commit that another connection made since the last call.

        A moment when the file cannot be read counts as a change, so that the caller
        looks again (and reports what it finds).
        """
        try:
            now = self._version()
        except sqlite3.Error:
            _LOG.warning("cannot read data_version", exc_info=True)
            return True
        if now == self._seen:
            return False
        self._seen = now
        return True

    def close(self) -> None:
        """Release the connection."""
        self._con.close()


def watcher_uri(path: Path) -> str:
    """How a watcher beside a writing engine opens the file."""
    return _uri(path, mode="ro")
