"""Schema migrations of the workspace database, by Alembic.

The schema is defined once, by the ORM classes in :mod:`sat_tool.store.schema`.
Each change to it is an Alembic revision in ``sat_tool/store/alembic/versions``
(shipped in the package), run here when a workspace opens; no ``alembic.ini``
is needed. A revision's id is the workspace schema version it makes, as four
digits (``0001`` makes schema 1), and it records that version in
``sat_meta.schema_version`` as well, which every release has read.

Workspaces written before Alembic carry only ``sat_meta.schema_version``: a
workspace at version N is stamped at revision N, then upgraded to the head, all
in the caller's transaction. Released revisions are never edited: a change to
the schema is a new revision (``alembic revision --autogenerate`` drafts one
from the ORM; see ``env.py``).

Alembic itself is imported only when a database is changed: the revisions this
release ships, and so :data:`SCHEMA_VERSION`, are read from the ``revision =``
and ``down_revision =`` lines of the files in ``versions/``, and a workspace
already at the head is recognised from its ``alembic_version`` row, which
:mod:`sat_tool.store.dialect` reads with a plain query. Opening such a
workspace never loads Alembic.
"""

from __future__ import annotations

import ast
import re
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sat_tool.store.schema import Base

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection

SCRIPT_LOCATION = str(Path(__file__).with_name("alembic"))
"""The folder of ``env.py`` and ``versions/``, inside the installed package."""

OPTIONS: dict[str, Any] = {
    "target_metadata": Base.metadata,
    "render_as_batch": True,  # SQLite alters most things only by copying a table: batch mode does
    "compare_type": True,
    "compare_server_default": True,
}
"""How Alembic is configured, at run time and in ``env.py`` alike."""

_LOCK = threading.Lock()  # Alembic's ``context`` proxy is one per process


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """Alembic's configuration, made in code; ``connection`` or ``url`` is what ``env.py`` uses."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if url is not None:
        config.set_main_option("sqlalchemy.url", url)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def script_directory() -> ScriptDirectory:
    """The revisions shipped with this release, as Alembic reads them (once per process)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


@cache
def shipped_revisions() -> dict[str, str | None]:
    """Each revision shipped with this release and the revision it follows, without Alembic.

    Read from the module-level ``revision = "0003"`` and ``down_revision = "0002"``
    lines of the files in ``versions/`` (every file Alembic would load there), so
    that opening a workspace at the current schema need not import Alembic.
    ``tests/test_lazy_imports.py`` checks that Alembic reads the same revisions.
    """
    found: dict[str, str | None] = {}
    for file in sorted(Path(SCRIPT_LOCATION, "versions").glob("*.py")):
        if file.name.startswith(("__init__", ".#")):
            continue
        values = {name: ast.literal_eval(value)
                  for name, value in _ASSIGNMENT.findall(file.read_text(encoding="utf-8"))}
        revision = values.get("revision")
        if not isinstance(revision, str):
            raise RuntimeError(f"{file.name} names no revision")
        down = values.get("down_revision")
        if down is not None and not isinstance(down, str):
            raise RuntimeError(f"{file.name}: a revision follows exactly one other")
        found[revision] = down
    return found


def revision_for(version: int) -> str:
    """The Alembic revision that makes schema ``version``."""
    return f"{version:04d}"


def version_of(revision: str) -> int | None:
    """The schema version a revision of this release makes; None for a revision it does not know."""
    if not known_revision(revision):
        return None
    return int(revision)


def known_revision(revision: str) -> bool:
    """True when ``revision`` is one of this release's revisions (exactly, not by prefix)."""
    return revision in _revisions()


@cache
def _revisions() -> frozenset[str]:
    return frozenset(shipped_revisions())


@cache
def head_revision() -> str:
    """The newest revision this release has: the one no other revision follows."""
    shipped = shipped_revisions()
    heads = set(shipped) - set(shipped.values())
    if len(heads) != 1:
        raise RuntimeError(f"the shipped revisions have {len(heads)} heads, not one")
    return heads.pop()


SCHEMA_VERSION = int(head_revision())
"""The schema version this release writes (the head revision's number)."""


def released_versions() -> list[int]:
    """Every schema version a release has written, oldest first."""
    return sorted(int(revision) for revision in _revisions())


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database, None when it has no Alembic stamp."""
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, stored_version: int | None, stamped: str | None) -> None:
    """Bring the database to the head revision inside the caller's open transaction.

    ``stored_version`` is ``sat_meta.schema_version`` (None for a new, empty
    database) and ``stamped`` the Alembic revision on file, if any. A database
    of a release before Alembic is first stamped at the revision of its version.
    """
    if stamped is None and stored_version is not None:
        from alembic.migration import MigrationContext

        MigrationContext.configure(connection).stamp(script_directory(), revision_for(stored_version))
    _run(connection, "head")


def upgrade_to(connection: Connection, version: int) -> None:
    """Bring the database to schema ``version`` exactly (for tests and for developers)."""
    _run(connection, revision_for(version))


def downgrade(connection: Connection, version: int) -> None:
    """Take the database back to schema ``version`` (for tests and for developers)."""
    _run(connection, revision_for(version), down=True)


def _run(connection: Connection, destination: str, down: bool = False) -> None:
    """Run the revisions to ``destination`` as ``alembic upgrade``/``downgrade`` would, in-process."""
    from alembic.runtime.environment import EnvironmentContext

    script = script_directory()

    def steps(revision: Any, _context: Any) -> Any:
        if down:
            return script._downgrade_revs(destination, revision)
        return script._upgrade_revs(destination, revision)

    with _LOCK, EnvironmentContext(alembic_config(connection), script, fn=steps,
                                   destination_rev=destination) as environment:
        environment.configure(connection=connection, **OPTIONS)
        with environment.begin_transaction():
            environment.run_migrations()
