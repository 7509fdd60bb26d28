"""The workspace: one SQLite database holding any number of cases.

Opening a workspace checks, before anything is written, that the file is either
new, empty, or a SAT Tool workspace of a version this release can read; anything
else raises :class:`WorkspaceError` and leaves the file untouched. Connections
run with foreign keys on, WAL journalling, ``synchronous=FULL`` and a busy
timeout; each user operation is one ``BEGIN IMMEDIATE`` transaction, committed
before the operation returns, so a crash or a kill loses no acknowledged edit.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from sat_tool.store.migrations import SCHEMA_VERSION, migrate
from sat_tool.store.schema import MetaRow

APPLICATION = "sat-tool"
ENV_WORKSPACE = "SAT_TOOL_WORKSPACE"
BUSY_TIMEOUT_MS = 10_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


class WorkspaceError(Exception):
    """A workspace that cannot be opened; the message names the problem."""


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
    """Refuse, without writing, a path that is not a new file or a SAT Tool workspace."""
    if path.is_dir():
        raise WorkspaceError(f"{path} is a folder, not a SAT Tool workspace file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise WorkspaceError(f"cannot read {path}: {exc.strerror or exc}") from None
    if head != _SQLITE_MAGIC:
        raise WorkspaceError(f"{path} is not a SAT Tool workspace (not an SQLite database)")
    _check_tables(path)


def _check_tables(path: Path) -> None:
    try:
        con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"cannot open {path}: {exc}") from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return
        if "sat_meta" not in tables:
            raise WorkspaceError(
                f"{path} is an SQLite database of another program, not a SAT Tool workspace"
            )
        meta = dict(con.execute("SELECT key, value FROM sat_meta").fetchall())
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"{path} is not a readable SAT Tool workspace ({exc})") from None
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
    # IMMEDIATE takes the write lock at once, so two writers wait on the busy
    # timeout instead of failing on a read-to-write upgrade.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


class Workspace:
    """An open workspace database. Use :meth:`transaction` for each operation."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

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
            workspace._upgrade()
        except DBAPIError as exc:
            engine.dispose()
            raise WorkspaceError(f"cannot open {path}: {exc.orig}") from None
        except WorkspaceError:
            engine.dispose()
            raise
        return workspace

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
        with self.transaction() as session:
            return int(session.scalar(select(MetaRow.value).where(MetaRow.key == "schema_version")))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any exception."""
        with self._sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Release every connection; the workspace stays consistent on disk."""
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
