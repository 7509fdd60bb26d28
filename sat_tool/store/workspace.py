"""The workspace: one SQLite database holding any number of cases.

Opening a workspace checks, before anything is written, that the file is either
new, empty, or a SAT Tool workspace of a version this release can read; anything
else raises :class:`WorkspaceError` and leaves the file untouched. Connections
run with foreign keys on, WAL journalling, ``synchronous=FULL`` and a busy
timeout; each user operation is one ``BEGIN IMMEDIATE`` transaction, committed
before the operation returns, so a crash or a kill loses no acknowledged edit.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, delete, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from sat_tool.errors import describe
from sat_tool.store.migrations import SCHEMA_VERSION, migrate
from sat_tool.store.schema import CaseRow, MetaRow

APPLICATION = "sat-tool"
ENV_WORKSPACE = "SAT_TOOL_WORKSPACE"
BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


class WorkspaceError(Exception):
    """A workspace that cannot be opened; the message names the problem."""


def import_owner() -> str:
    """How an import in progress names its process: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def import_owner_is_gone(owner: str) -> bool:
    """True when the process that started an import on this host no longer runs."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's import: only it can tell
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


_OPEN_WORKSPACES: dict[int, Path] = {}
"""The workspaces this process has open, by the id of their Workspace object."""

WORKSPACE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def workspace_file_named(path: str | os.PathLike[str]) -> Path | None:
    """The open workspace that ``path`` is (or is a companion file of), if any.

    Decided from ``stat`` alone, never by opening the file: reading or writing a
    workspace's own files as documents would drop SQLite's locks or destroy the data.
    """
    try:
        wanted = os.stat(path)
    except OSError:
        wanted = None
    target = Path(path).absolute()
    for ws_path in list(_OPEN_WORKSPACES.values()):
        for suffix in WORKSPACE_FILE_SUFFIXES:
            companion = ws_path.with_name(ws_path.name + suffix)
            if companion == target:
                return ws_path
            if wanted is None:
                continue
            try:
                found = os.stat(companion)
            except OSError:
                continue
            if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
                return ws_path
    return None


class ChangeWatcher:
    """Tells whether the workspace has changed since the last look, from any process.

    It keeps one SQLite connection open outside any transaction and compares
    ``PRAGMA data_version``, which changes whenever another connection commits.
    Checking costs a few microseconds, so a window can look several times a second.
    """

    def __init__(self, path: Path) -> None:
        self._con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None,
                                    check_same_thread=False)
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
            logging.getLogger("sat_tool.store").warning("cannot read data_version", exc_info=True)
            return True
        if now == self._seen:
            return False
        self._seen = now
        return True

    def close(self) -> None:
        """Release the connection."""
        self._con.close()


def default_location() -> Path:
    """``$SAT_TOOL_WORKSPACE`` if set, else ``workspace.sqlite`` in the user's data directory."""
    env = os.environ.get(ENV_WORKSPACE)
    if env:
        return Path(env).expanduser()
    return platformdirs.user_data_path("sat-tool", appauthor=False) / "workspace.sqlite"


def resolve_location(location: str | os.PathLike[str] | None) -> tuple[str, Path]:
    """Turn a path or an ``sqlite:///`` URL into (SQLAlchemy URL, file path)."""
    if location is None:
        path = default_location()
    else:
        raw = os.fspath(location)
        if "://" in raw:
            try:
                url = make_url(raw)
            except ArgumentError:
                raise WorkspaceError(f"{raw!r} is not a valid database URL") from None
            if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
                raise WorkspaceError(
                    f"{raw!r}: a workspace must be an SQLite file (sqlite:///PATH)"
                )
            path = Path(url.database).expanduser()
        else:
            path = Path(raw).expanduser()
    path = path.absolute()
    return f"sqlite:///{path}", path


def _check_file(path: Path) -> None:
    """Refuse, without writing, a path that is not a new file or a SAT Tool workspace.

    The file is only ever opened by SQLite: closing a descriptor opened any other
    way would drop the locks this process's own connections hold on it.
    """
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a SAT Tool workspace file")
    if path.exists() and not path.is_file():
        raise WorkspaceError(f"{path} is not a regular file (a device or a pipe), so it cannot be a "
                             "SAT Tool workspace")
    if not path.exists() or path.stat().st_size == 0:
        return
    _check_tables(path)


def _reason(exc: BaseException) -> str:
    """Why SQLite refused a file, in words for the user (the library's text goes to the log)."""
    sentence = describe(exc)
    return sentence[:1].lower() + sentence[1:].rstrip(".")


def _check_tables(path: Path) -> None:
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"cannot open {path}: {_reason(exc)}") from None
    try:
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "encrypted" in str(exc):
                raise WorkspaceError(
                    f"{path} is not a SAT Tool workspace (not an SQLite database)") from None
            raise
        if not tables:
            return
        if "sat_meta" not in tables:
            raise WorkspaceError(
                f"{path} is an SQLite database of another program, not a SAT Tool workspace"
            )
        meta = dict(con.execute("SELECT key, value FROM sat_meta").fetchall())
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} is not a readable SAT Tool workspace: {_reason(exc)}") from None
    finally:
        con.close()
    if meta.get("application") != APPLICATION:
        raise WorkspaceError(f"{path} is not a SAT Tool workspace (its marker is missing)")
    version = int(meta.get("schema_version", "0") or 0)
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            f"{path} was written by a newer SAT Tool (workspace schema {version}); "
            f"this version reads up to schema {SCHEMA_VERSION}"
        )


def _configure(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself, see _begin
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin(connection: Any) -> None:
    # A write takes the write lock at once (IMMEDIATE), so two writers wait on the busy
    # timeout instead of failing on a read-to-write upgrade. A read takes no lock at
    # all: in WAL mode it sees the last committed state and never waits for a writer.
    if connection.get_execution_options().get("sat_read_only"):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Workspace:
    """An open workspace database. Use :meth:`transaction` for each operation."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(engine.execution_options(sat_read_only=True),
                                     expire_on_commit=False)
        _OPEN_WORKSPACES[id(self)] = path

    @classmethod
    def open(cls, location: str | os.PathLike[str] | None = None, create: bool = True) -> Workspace:
        """Open the workspace at a path or ``sqlite:///`` URL (None: the default).

        A missing file is created when ``create`` is true, else refused, so that a
        mistyped path on a read-only command does not leave an empty workspace behind.
        """
        url, path = resolve_location(location)
        if not create and not path.exists():
            raise WorkspaceError(f"there is no workspace at {path} (importing a case creates one)")
        _check_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"cannot create {path.parent}: {exc.strerror or exc}") from None
        engine = create_engine(url)
        event.listen(engine, "connect", _configure)
        event.listen(engine, "begin", _begin)
        workspace = cls(engine, path)
        try:
            if workspace._stored_version() != SCHEMA_VERSION:
                workspace._upgrade()
            workspace._drop_abandoned_imports()
        except DBAPIError as exc:
            engine.dispose()
            raise WorkspaceError(f"cannot open {path}: {_reason(exc)}") from None
        except WorkspaceError:
            engine.dispose()
            raise
        return workspace

    def _stored_version(self) -> int | None:
        """The schema version on file, read without taking the write lock (None: a new file)."""
        with self.engine.connect().execution_options(sat_read_only=True) as connection:
            has_meta = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='sat_meta'"
            ).first()
            if not has_meta:
                return None
            value = connection.exec_driver_sql(
                "SELECT value FROM sat_meta WHERE key='schema_version'").scalar()
            return int(value) if value is not None else None

    def _drop_abandoned_imports(self) -> None:
        """Delete cases whose import was cut short by a crash or kill of this host's processes."""
        with self.read() as session:
            pending = session.execute(
                select(CaseRow.id, CaseRow.importing).where(CaseRow.importing != "")).all()
        dead = [case_id for case_id, owner in pending if import_owner_is_gone(owner)]
        if dead:
            with self.transaction() as session:
                session.execute(delete(CaseRow).where(CaseRow.id.in_(dead), CaseRow.importing != ""))

    def _upgrade(self) -> None:
        with self.engine.begin() as connection:
            has_meta = connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='sat_meta'"
            ).first()
            if not has_meta:
                connection.exec_driver_sql("CREATE TABLE sat_meta (key VARCHAR NOT NULL PRIMARY KEY,"
                                           " value VARCHAR NOT NULL)")
                connection.exec_driver_sql(
                    "INSERT INTO sat_meta (key, value) VALUES ('application', ?), "
                    "('schema_version', '0')",
                    (APPLICATION,),
                )
            current = int(connection.exec_driver_sql(
                "SELECT value FROM sat_meta WHERE key='schema_version'"
            ).scalar_one())
            if current > SCHEMA_VERSION:
                raise WorkspaceError(
                    f"{self.path} was written by a newer SAT Tool (workspace schema {current})"
                )
            if current < SCHEMA_VERSION:
                new = migrate(connection, current)
                connection.exec_driver_sql(
                    "UPDATE sat_meta SET value=? WHERE key='schema_version'", (str(new),)
                )

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the workspace."""
        with self.read() as session:
            return int(session.scalar(select(MetaRow.value).where(MetaRow.key == "schema_version")))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work that writes: it holds the write lock from its first statement,
        commits on success and rolls back on any exception."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read: one consistent view of the last committed state, taking no lock."""
        with self._readers.begin() as session:
            yield session
            session.rollback()

    def watcher(self) -> ChangeWatcher:
        """A cheap way to learn that any connection, in any process, has committed."""
        return ChangeWatcher(self.path)

    def close(self) -> None:
        """Release every connection; the workspace stays consistent on disk."""
        _OPEN_WORKSPACES.pop(id(self), None)
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
