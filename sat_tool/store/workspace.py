"""The workspace: one SQLite database holding any number of cases.

Opening a workspace checks, before anything is written and before any statement
that could fire a trigger, that the file is new, empty, or a SAT Tool workspace
of a schema this release reads, holding nothing that SAT Tool does not create
(:mod:`sat_tool.store.integrity`); anything else raises :class:`WorkspaceError`
and leaves the file, and the folder around it, exactly as they were.

A workspace of an older schema is upgraded by the Alembic revisions
(:mod:`sat_tool.store.migrations`) in one transaction, after a copy of it as it
was has been written beside it (``ws.sqlite.schema2.bak``); :attr:`Workspace.notice`
says so in a sentence. A workspace opened with ``read_only=True``, or whose file
or folder this process may not write, is opened for reading only: nothing is
written, not even a pragma, and every write is refused with a sentence.

Connections for writing run with foreign keys on, WAL journalling,
``synchronous=FULL`` and a busy timeout; each user operation is one
``BEGIN IMMEDIATE`` transaction, committed before the operation returns, so a
crash or a kill loses no acknowledged edit. Everything SQLite-specific is in
:mod:`sat_tool.store.dialect`.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typing import Any

from sqlalchemy import Engine, delete, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.store import dialect, integrity, migrations, server
from sat_tool.store.dialect import BUSY_TIMEOUT_MS, ChangeWatcher, FileState
from sat_tool.store.integrity import APPLICATION, StoredVersion
from sat_tool.store.migrations import SCHEMA_VERSION
from sat_tool.store.problems import READ_ONLY_SENTENCE, NeedsUpgrade, ReadOnlyWorkspace, WorkspaceError
from sat_tool.domain.model import Analyst
from sat_tool.errors import LOGGER, UserError
from sat_tool.store.schema import AnalystRow, CaseRow, MetaRow

__all__ = [
    "APPLICATION", "BUSY_TIMEOUT_MS", "ENV_WORKSPACE", "READ_ONLY_SENTENCE", "SCHEMA_VERSION",
    "WORKSPACE_FILE_SUFFIXES", "ChangeWatcher", "ReadOnlyWorkspace", "Workspace", "WorkspaceError",
    "default_location", "import_owner", "import_owner_is_gone", "resolve_location",
    "workspace_file_named",
]

ENV_WORKSPACE = "SAT_TOOL_WORKSPACE"
_UPGRADED = QT_TRANSLATE_NOOP(
    "Workspace", "{file} was upgraded from schema {before} to schema {after}; the file as it was "
    "is kept in {backup}")
"""The notice of an upgrade, in English as logged (translated in the context "Workspace")."""
_LOG = logging.getLogger("sat_tool.store")


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

WORKSPACE_FILE_SUFFIXES = dialect.FILE_SUFFIXES


def _same_file(found: os.stat_result | None, path: Path) -> bool:
    """Whether ``path`` is the file ``found`` describes (same device and inode; stat only)."""
    if found is None:
        return False
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (found.st_dev, found.st_ino)


def _stat(path: str | os.PathLike[str]) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def workspace_file_named(path: str | os.PathLike[str]) -> Path | None:
    """The open workspace that ``path`` is (or is a companion file of), if any.

    Decided from ``stat`` alone, never by opening the file: reading or writing a
    workspace's own files as documents would drop SQLite's locks or destroy the data.
    """
    wanted = _stat(path)
    target = Path(path).absolute()
    for ws_path in list(_OPEN_WORKSPACES.values()):
        for suffix in WORKSPACE_FILE_SUFFIXES:
            companion = ws_path.with_name(ws_path.name + suffix)
            if companion == target or _same_file(wanted, companion):
                return ws_path
    return None


def _open_here(path: Path) -> bool:
    """True when this process already has the workspace file at ``path`` open."""
    wanted = _stat(path)
    return any(_same_file(wanted, ws_path) for ws_path in list(_OPEN_WORKSPACES.values()))
    for ws_path in list(_OPEN_WORKSPACES.values()):
        try:
            found = os.stat(ws_path)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
            return True
    return False


def default_location() -> Path:
    """``$SAT_TOOL_WORKSPACE`` if set, else ``workspace.sqlite`` in the user's data directory."""
    env = os.environ.get(ENV_WORKSPACE)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("sat-tool", appauthor=False) / "workspace.sqlite"


def resolve_location(location: str | os.PathLike[str] | None) -> tuple[str, Path]:
    """Turn a path or an ``sqlite:///`` URL into (SQLAlchemy URL, absolute file path)."""
    path = default_location() if location is None else dialect.location_path(os.fspath(location))
    path = path.absolute()
    return dialect.engine_url(path).render_as_string(), path


def backup_name(path: Path, version: int) -> Path:
    """Where the copy of ``path`` at schema ``version`` goes: beside it, never over another copy."""
    candidate = path.with_name(f"{path.name}.schema{version}.bak")
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}.schema{version}.{number}.bak")
        number += 1
    return candidate


class Workspace:
    """An open workspace database. Use :meth:`transaction` for each operation that writes,
    :meth:`read` for each that only reads.

    ``read_only`` is true when the workspace was opened for reading only, by
    request or because the file or its folder cannot be written. After an
    upgrade, ``upgraded_from`` is the schema version the file had,
    ``backup_path`` the copy of it as it was, and ``notice`` a sentence saying so.
    """

    analyst: Analyst | None = None
    """On a server, the analyst the connected role is: every edit is theirs (a file: None)."""

    def __init__(self, engine: Engine, path: Path, read_only: bool = False,
                 watch_uri: str | None = None) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self.upgraded_from: int | None = None
        self.backup_path: Path | None = None
        self.notice: str | None = None
        self._watch_uri = watch_uri or dialect.watcher_uri(path)
        if not hasattr(self, "location"):
            self.location = str(path)
            """Where the workspace is, as shown and remembered: a file's path, a server's URL
            without its password."""
        self._tidy: FileState | None = None  # a read-only opening that may leave -wal and -shm
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._readers = sessionmaker(engine.execution_options(sat_read_only=True),
                                     expire_on_commit=False)
        _OPEN_WORKSPACES[id(self)] = path

    @classmethod
    def open(cls, location: str | os.PathLike[str] | None = None, create: bool = True, *,
             read_only: bool = False) -> Workspace:
        """Open the workspace at a path or ``sqlite:///`` URL (None: the default).

        ``create``: a missing or empty (0-byte) file becomes a new workspace;
        when false, either is refused, so that a mistyped path leaves nothing
        behind. ``read_only``: open for reading only; nothing is written or
        created, a missing or empty file is refused, and so is a workspace that
        would need an upgrade. A file or folder this process may not write is
        opened for reading only without being asked. Every refusal is a
        :class:`WorkspaceError` whose message is one sentence, and leaves the
        file as it was.
        """
        if location is not None and server.is_server_location(os.fspath(location)):
            # A server grants each role its own access; reading only asks nothing more of it,
            # but never makes a workspace where there is none.
            return ServerWorkspace.open_server(os.fspath(location), create and not read_only)
        _url, path = resolve_location(location)
        state = dialect.check_file(path)
        if state.kind == "missing" or state.size == 0:
            if read_only or not create:
                raise WorkspaceError(cls._nothing_there(state))
            return cls._create(state)
        catalog = dialect.read_catalog(state, lambda found: integrity.refuse_other_programs(path, found))
        stored = integrity.stored_version(path, catalog)  # a newer release's file is named as such
        if not _open_here(path):  # else this process checked the file when it opened it first
            integrity.refuse_foreign_objects(path, catalog)
        integrity.refuse_incomplete(path, catalog, stored)
        if stored.version is None:  # an SQLite database without a single table
            if read_only or not create:
                raise WorkspaceError(translate(
                    "Workspace", "{path} holds no workspace yet (importing a case creates one)"
                ).format(path=path))
            return cls._create(state)
        if read_only or not state.writable:
            return cls._open_for_reading(state, stored, asked=read_only)
        return cls._open_for_writing(state, stored)

    # ------------------------------------------------------------ opening

    @staticmethod
    def _nothing_there(state: FileState) -> str:
        if state.kind == "missing":
            return translate(
                "Workspace", "there is no workspace at {path} (importing a case creates one)"
            ).format(path=state.path)
        return translate(
            "Workspace", "there is no workspace in {path} yet: the file is empty (importing a case "
            "creates one)").format(path=state.path)

    @classmethod
    def _create(cls, state: FileState) -> Workspace:
        path = state.path
        if (state.kind == "file" and not state.writable) or (
                state.kind == "missing" and path.parent.is_dir() and not state.folder_writable):
            raise WorkspaceError(translate(
                "Workspace", "cannot create a workspace at {path}: the file or its folder is "
                "read-only; nothing was changed").format(path=path))
        if not path.parent.is_dir() and path != default_location():
            # Only the default workspace's folder is made: a folder that does not exist in a
            # path the user typed is more likely a slip than a wish for a new folder.
            raise WorkspaceError(translate(
                "Workspace", "cannot create a workspace at {path}: the folder {folder} does not "
                "exist").format(path=path, folder=path.parent))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(translate("Workspace", "cannot create {folder}: {reason}").format(
                folder=path.parent, reason=exc.strerror or exc)) from None
        return cls._open_for_writing(state, StoredVersion(None, None))

    @classmethod
    def _open_for_writing(cls, state: FileState, stored: StoredVersion) -> Workspace:
        path = state.path
        workspace = cls(dialect.writing_engine(path), path)
        try:
            if stored.needs_upgrade or stored.needs_stamp:
                workspace._upgrade(state)
            workspace._drop_abandoned_imports()
        except DBAPIError as exc:
            workspace.close()
            raise WorkspaceError(translate("Workspace", "cannot open {path}: {reason}").format(
                path=path, reason=dialect.reason(exc))) from None
        except BaseException:
            workspace.close()
            raise
        return workspace

    @classmethod
    def _open_for_reading(cls, state: FileState, stored: StoredVersion, asked: bool) -> Workspace:
        path = state.path
        if not stored.readable:
            assert stored.version is not None
            if asked:
                raise NeedsUpgrade(translate(
                    "Workspace", "{path} is a workspace of an earlier SAT Tool (schema {version}) "
                    "that must be upgraded to schema {current} before it can be read, and opening "
                    "it read-only changes nothing: open it once for editing to upgrade it (a copy "
                    "of it as it was is kept)").format(
                        path=path, version=stored.version, current=SCHEMA_VERSION))
            raise WorkspaceError(translate(
                "Workspace", "{path} is a workspace of an earlier SAT Tool (schema {version}) that "
                "must be upgraded to schema {current} before it can be read, but the file or its "
                "folder is read-only; nothing was changed: copy it to a folder you may write to "
                "and open the copy").format(
                    path=path, version=stored.version, current=SCHEMA_VERSION))
        uri = dialect.read_only_uri(state)
        workspace = cls(dialect.reading_engine(state, uri), path, read_only=True, watch_uri=uri)
        workspace._tidy = state
        try:
            _ = workspace.schema_version  # proves that the file can be read this way
        except DBAPIError as exc:
            workspace.close()
            raise WorkspaceError(translate("Workspace", "cannot read {path}: {reason}").format(
                path=path, reason=dialect.reason(exc))) from None
        except BaseException:
            workspace.close()
            raise
        return workspace

    def _upgrade(self, state: FileState) -> None:
        """Bring the file to the current schema in one transaction, after backing it up."""
        with dialect.schema_change(self.engine) as connection:
            # Read again under the write lock: another process may have upgraded it meanwhile.
            stored = integrity.stored_version(self.path, dialect.catalog_on(connection))
            if not (stored.needs_upgrade or stored.needs_stamp):
                return
            backup = None
            if stored.version is not None and stored.version < SCHEMA_VERSION:
                backup = backup_name(self.path, stored.version)
                dialect.backup(state, backup)
            try:
                migrations.upgrade(connection, stored.version, stored.revision)
            except BaseException:
                if backup is not None:
                    backup.unlink(missing_ok=True)
                raise
        if backup is not None and stored.version is not None:
            self.upgraded_from, self.backup_path = stored.version, backup
            values = {"file": self.path.name, "before": stored.version, "after": SCHEMA_VERSION,
                      "backup": backup}
            self.notice = translate("Workspace", _UPGRADED).format(**values)
            _LOG.info("%s", _UPGRADED.format(**values))

    def _drop_abandoned_imports(self) -> None:
        """Delete cases whose import was cut short by a crash or kill of this host's processes."""
        with self.read() as session:
            pending = session.execute(
                select(CaseRow.id, CaseRow.importing).where(CaseRow.importing != "")).all()
        dead = [case_id for case_id, owner in pending if import_owner_is_gone(owner)]
        if dead:
            with self.transaction() as session:
                session.execute(delete(CaseRow).where(CaseRow.id.in_(dead), CaseRow.importing != ""))

    # ------------------------------------------------------------ use

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the workspace."""
        with self.read() as session:
            return int(session.scalar(select(MetaRow.value).where(MetaRow.key == "schema_version")))

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work that writes: it holds the write lock from its first statement,
        commits on success and rolls back on any exception. A workspace open for reading
        only refuses it (:class:`ReadOnlyWorkspace`) before anything is sent to the file."""
        if self.read_only:
            raise ReadOnlyWorkspace()
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read: one consistent view of the last committed state, taking no lock."""
        with self._readers.begin() as session:
            yield session
            session.rollback()

    def check_write(self, session: Session, case_id: int) -> None:
        """Refuse, in a sentence, an edit of a case this workspace may not change (a case
        shared to read only, on a server); files have nothing to check."""

    def refuse_read_only_case(self, case_id: int) -> None:
        """:meth:`check_write` on its own, before an edit is tried (files: nothing to check)."""

    def case_level(self, case_id: int) -> str:
        """What may be done with a case here: 'write', or 'read' (read only)."""
        return "read" if self.read_only else "write"

    def case_levels(self) -> dict[int, str]:
        """The cases this workspace's user may not write, by id, with what they may do
        ("read"): none in a file."""
        return {}

    def watcher(self) -> ChangeWatcher:
        """A cheap way to learn that any connection, in any process, has committed."""
        return ChangeWatcher(self._watch_uri)

    def close(self) -> None:
        """Release every connection; the workspace stays consistent on disk."""
        _OPEN_WORKSPACES.pop(id(self), None)
        self.engine.dispose()
        if self._tidy is not None:
            tidy, self._tidy = self._tidy, None
            dialect.tidy_after_reading(tidy)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- a team workspace on a server

_UPGRADE_LOCK = 0x5A7_700_1
"""The advisory lock under which one process at a time creates or upgrades a server's schema."""


class ReadOnlyCase(UserError):
    """An edit of a case the server shares with this role to read only."""


class ServerWorkspace(Workspace):
    """A team workspace in a PostgreSQL database: the same schema, revisions, services and
    windows as a file. Edits of one case are serialised by the row lock the revision count
    takes on the case; each read is one snapshot; each committed write notifies every
    window's watcher."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self.url = url
        self.location = server.shown_url(url)
        self.role = ""
        """The database role this workspace is open as."""
        self.analyst: Analyst | None = None
        """The analyst that role is (None: a role that is no analyst, such as the owner)."""
        super().__init__(engine, Path(self.location), watch_uri="-")
        self._readers = sessionmaker(engine.execution_options(**server.reading_options()),
                                     expire_on_commit=False)

    @classmethod
    def open_server(cls, location: str, create: bool = True) -> ServerWorkspace:
        """Open (creating or upgrading its schema when needed) the workspace in a database."""
        url = server.server_url(location)
        engine = server.writing_engine(url)
        workspace = cls(engine, url)
        try:
            workspace._prepare(create)
        except DBAPIError as exc:
            workspace.close()
            raise WorkspaceError(translate("Workspace", "cannot open {location}: {reason}").format(
                location=workspace.location, reason=server.reason(exc))) from None
        except BaseException:
            workspace.close()
            raise
        return workspace

    def _catalog(self, connection: Any) -> dialect.Catalog:
        from sqlalchemy import inspect

        tables = inspect(connection).get_table_names()
        objects = tuple(dialect.SchemaObject("table", name, name, None) for name in tables)
        meta = (dict(connection.exec_driver_sql("SELECT key, value FROM sat_meta").all())
                if "sat_meta" in tables else None)
        revisions = (tuple(r[0] for r in connection.exec_driver_sql(
            "SELECT version_num FROM alembic_version").all())
            if "alembic_version" in tables else None)
        return dialect.Catalog(objects, meta, revisions)

    def _prepare(self, create: bool) -> None:
        with self.engine.begin() as connection:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK})
            catalog = self._catalog(connection)
            if catalog.meta is None and catalog.tables():
                raise WorkspaceError(translate(
                    "Workspace", "{location} holds tables of another program, so SAT Tool "
                    "leaves it alone; give SAT Tool a database of its own").format(
                        location=self.location))
            stored = integrity.stored_version(self.location, catalog)  # type: ignore[arg-type]
            if stored.version is None and not create:
                raise WorkspaceError(translate(
                    "Workspace", "there is no workspace in {location} yet (importing a case "
                    "creates one)").format(location=self.location))
            if stored.needs_upgrade or stored.needs_stamp:
                migrations.upgrade(connection, stored.version, stored.revision)
                if stored.version is not None and stored.version < SCHEMA_VERSION:
                    self.upgraded_from = stored.version
                    self.notice = translate(
                        "Workspace", "{location} was upgraded from schema {before} to schema "
                        "{after}").format(location=self.location, before=stored.version,
                                          after=SCHEMA_VERSION)
        self._drop_abandoned_imports()
        with self.read() as session:
            self.role = server.current_role(session.connection())
            found = session.execute(select(AnalystRow.uid, AnalystRow.name).where(
                AnalystRow.role == self.role)).first()
        if found is not None:
            self.analyst = Analyst(found[0], found[1], self.role)

    def install_access(self) -> None:
        """Row-level security for the team (see :func:`server.install_access`); by the owner."""
        with self.engine.begin() as connection:
            server.install_access(connection)

    def add_analyst(self, name: str, role: str, password: str | None = None) -> Analyst:
        """Give an analyst a login role (made if new) and the analysts' rights; an analyst of
        that name already known (merged from a copy) is given the role."""
        import psycopg

        from sat_tool.domain.model import analyst_uid

        with self.engine.begin() as connection:
            session = Session(bind=connection)
            row = session.scalars(select(AnalystRow).where(AnalystRow.role == role)).first()
            if row is not None and row.name.casefold() != name.casefold():
                raise WorkspaceError(translate(
                    "Workspace", "{role} already logs in as {name}; give {new} a role of their "
                    "own").format(role=role, name=row.name, new=name))
            named = [r for r in session.scalars(select(AnalystRow).where(
                (AnalystRow.uid == analyst_uid(name)) | (func.lower(AnalystRow.name) == name.lower())))]
            taken = next((r for r in named if r.role and r.role != role), None)
            if taken is not None:
                raise WorkspaceError(translate(
                    "Workspace", "{name} already logs in as {role}").format(
                        name=name, role=taken.role))
            refused = server.not_a_login(connection, role)
            if refused:
                raise WorkspaceError(refused)
            if row is None and password is not None and server.role_exists(connection, role):
                raise WorkspaceError(translate(
                    "Workspace", "{role} is a login of the server already (another workspace's, "
                    "perhaps), so its password is left as it is: add it without "
                    "--password-file").format(role=role))
            try:
                server.add_login(connection, role, password)
            except psycopg.Error as exc:
                LOGGER.info("adding the login %s failed", role, exc_info=True)
                raise WorkspaceError(translate(
                    "Workspace", "the server did not let {role} be made an analyst's login "
                    "({reason}): only the workspace's owner adds analysts, and it needs the right "
                    "to create roles (CREATEROLE) and to grant {group}").format(
                        role=role, reason=server.reason(exc), group=server.ANALYST_GROUP)) from None
            if row is None:
                row = next((r for r in named if not r.role), None)
            if row is None:
                row = AnalystRow(uid=analyst_uid(name), name=name, role=role)
                session.add(row)
            row.name, row.role = name, role
            session.flush()
            found = Analyst(row.uid, row.name, row.role)
        return found

    def share(self, case_id: int, role: str, level: str) -> None:
        """Share a case with a role: 'write', 'read' (an observer, a reviewer) or 'none'."""
        with self.engine.begin() as connection:
            known = connection.execute(select(AnalystRow.id).where(AnalystRow.role == role)).first()
            if known is None:
                raise WorkspaceError(translate(
                    "Workspace", "no analyst of this workspace logs in as {role}: add them first "
                    "(sat-tool admin add-analyst)").format(role=role))
            server.share(connection, case_id, role, level)

    def case_level(self, case_id: int) -> str:
        with self.read() as session:
            return server.case_level(session.connection(), case_id)

    def sharing(self) -> dict[str, list[tuple[int, str]]]:
        """Which cases are shared with whom to read only, or not at all (see
        :func:`server.sharing`)."""
        with self.read() as session:
            return server.sharing(session.connection())

    def case_levels(self) -> dict[int, str]:
        with self.read() as session:
            return server.case_levels(session.connection())

    def refuse_read_only_case(self, case_id: int) -> None:
        with self.read() as session:
            self.check_write(session, case_id)

    def check_write(self, session: Session, case_id: int) -> None:
        if server.case_level(session.connection(), case_id) != "write":
            raise ReadOnlyCase(translate(
                "Workspace", "This case is shared with you to read only, so it cannot be "
                "changed; nothing was changed."))

    def analysts(self) -> list[Analyst]:
        """Every analyst of the workspace, with the role each logs in as."""
        with self.read() as session:
            return [Analyst(uid, name, role) for uid, name, role in session.execute(
                select(AnalystRow.uid, AnalystRow.name, AnalystRow.role).order_by(AnalystRow.id))]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session
            server.notify(session.connection())  # delivered to every watcher on commit

    def watcher(self) -> ChangeWatcher:  # type: ignore[override]
        return server.ServerWatcher(self.url)  # type: ignore[return-value]
