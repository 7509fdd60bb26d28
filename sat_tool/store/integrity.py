"""What a workspace file may hold, checked before anything in it is run or written.

A workspace is data, not code. SQLite files can carry code that runs inside
the program that opens them: a trigger runs on the inserts, updates and
deletes it names, a view runs whenever it is read, a virtual table runs its
module. SAT Tool creates none of those, so a file holding any, or a table or
index that SAT Tool does not make, is refused with a sentence naming it,
before any statement that could fire it. The check reads ``sqlite_master``
only; the schema SAT Tool expects comes from the ORM (:mod:`sat_tool.store.schema`).

It also reads the schema version the file records, and refuses, in one
sentence, a version that is missing, not a number, or newer than this release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.store import dialect
from sat_tool.store.dialect import Catalog, SchemaObject
from sat_tool.store.migrations import SCHEMA_VERSION, known_revision, released_versions, version_of
from sat_tool.store.problems import WorkspaceError
from sat_tool.store.schema import Base

APPLICATION = "sat-tool"
VERSION_TABLE = "alembic_version"


@cache
def expected_tables() -> frozenset[str]:
    """The tables of a workspace at the current schema, Alembic's version table included."""
    return frozenset(Base.metadata.tables) | {VERSION_TABLE}


@cache
def expected_indexes() -> dict[str, str]:
    """The named indexes of a workspace at the current schema, each with its table."""
    return {index.name: table.name for table in Base.metadata.tables.values()
            for index in table.indexes if isinstance(index.name, str)}


def _article(kind: str) -> str:
    return "an" if kind[:1] in "aeiou" else "a"


_KINDS = {
    "trigger": QT_TRANSLATE_NOOP("Workspace", "a trigger"),
    "view": QT_TRANSLATE_NOOP("Workspace", "a view"),
    "virtual table": QT_TRANSLATE_NOOP("Workspace", "a virtual table"),
    "table": QT_TRANSLATE_NOOP("Workspace", "a table"),
    "index": QT_TRANSLATE_NOOP("Workspace", "an index"),
}
"""The kinds of ``sqlite_master`` entries, as named in a sentence (in English)."""


def foreign_object(catalog: Catalog) -> SchemaObject | None:
    """The first object of the file that SAT Tool does not create (code first), if any."""
    order = {"trigger": 0, "view": 1, "table": 2, "index": 3}
    for found in sorted(catalog.objects, key=lambda o: (order.get(o.kind, -1), o.name)):
        if not _ours(found):
            return found
    return None


def _ours(found: SchemaObject) -> bool:
    if found.kind == "table":
        if found.virtual:
            return False
        return found.name in expected_tables() or dialect.internal_table(found.name)
    if found.kind == "index":
        owner = dialect.internal_index_table(found.name)
        if owner is not None:
            return owner == found.table and owner in expected_tables()
        return expected_indexes().get(found.name) == found.table
    return False  # triggers, views and anything else SQLite may learn to store


def refuse_foreign_objects(path: Path, catalog: Catalog) -> None:
    """WorkspaceError naming the first trigger, view, table or index that is not SAT Tool's."""
    found = foreign_object(catalog)
    if found is None:
        return
    kind = "virtual table" if found.virtual else found.kind
    # A kind SQLite may learn to store keeps its own (English) name.
    thing = translate("Workspace", _KINDS[kind]) if kind in _KINDS else f"{_article(kind)} {kind}"
    if found.kind in ("trigger", "view") or found.virtual or found.kind not in ("table", "index"):
        text = translate("Workspace", "{path} contains {thing} ({name}) that SAT Tool does not "
                         "create; it was not opened, to keep code in the file from running")
    else:
        text = translate("Workspace", "{path} contains {thing} ({name}) that SAT Tool does not "
                         "create; it was not opened, as it may belong to another program")
    raise WorkspaceError(text.format(path=path, thing=thing, name=found.name))


def refuse_other_programs(path: Path, catalog: Catalog) -> None:
    """WorkspaceError for an SQLite database with tables but no ``sat_meta``: not a workspace.

    Also refuses, as code, a ``sat_meta`` or ``alembic_version`` that is a virtual
    table: those two are read to learn the schema version, so they must be plain data.
    """
    tables = catalog.tables()
    if tables and "sat_meta" not in tables:
        raise WorkspaceError(translate(
            "Workspace", "{path} is an SQLite database of another program, not a SAT Tool workspace"
        ).format(path=path))
    for found in catalog.objects:
        if found.virtual and found.name in ("sat_meta", VERSION_TABLE):
            refuse_foreign_objects(path, Catalog((found,), None, None))


@dataclass(frozen=True)
class StoredVersion:
    """The schema a workspace file records."""

    version: int | None
    """``sat_meta.schema_version``; None for an empty database (a new workspace)."""
    revision: str | None
    """The Alembic revision stamped in the file; None for a file from before Alembic."""

    @property
    def readable(self) -> bool:
        """True when this release reads the file as it is (its schema is the current one)."""
        return self.version == SCHEMA_VERSION

    @property
    def needs_upgrade(self) -> bool:
        """True when opening for writing changes the schema: a new file, or an older schema."""
        return self.version is None or self.version < SCHEMA_VERSION

    @property
    def needs_stamp(self) -> bool:
        """True for a workspace of a release before Alembic, which records only its version."""
        return self.revision is None


def stored_version(path: Path, catalog: Catalog) -> StoredVersion:
    """The schema version of a workspace file, or WorkspaceError in one sentence.

    Refused: a missing marker, a missing, non-numeric or impossible version, and
    a version or Alembic revision newer than this release knows.
    """
    if catalog.meta is None:
        if catalog.tables():
            refuse_other_programs(path, catalog)
        return StoredVersion(None, None)
    meta = catalog.meta
    if meta.get("application") != APPLICATION:
        raise WorkspaceError(translate(
            "Workspace", "{path} is not a SAT Tool workspace (its marker is missing)").format(
                path=path))
    version = _version_number(path, meta)
    revision = _revision(path, catalog.revisions, version)
    if version > SCHEMA_VERSION:
        raise WorkspaceError(translate(
            "Workspace", "{path} was written by a newer SAT Tool (workspace schema {version}); "
            "this version reads up to schema {current}").format(
                path=path, version=version, current=SCHEMA_VERSION))
    if version not in released_versions():
        raise WorkspaceError(translate(
            "Workspace", "{path} is damaged: it records schema version {version}, which no "
            "SAT Tool has written; it was not opened").format(path=path, version=version))
    if revision is not None and version_of(revision) != version:
        raise WorkspaceError(translate(
            "Workspace", "{path} is damaged: it records schema version {version} but schema "
            "revision {revision}; it was not opened").format(
                path=path, version=version, revision=revision))
    return StoredVersion(version, revision)


def _version_number(path: Path, meta: dict[Any, Any]) -> int:
    if "schema_version" not in meta:
        raise WorkspaceError(translate(
            "Workspace", "{path} is damaged: it does not record its schema version; it was not "
            "opened").format(path=path))
    value = meta["schema_version"]
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not re.fullmatch(r"-?[0-9]+", text):
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        raise WorkspaceError(translate(
            "Workspace", "{path} is damaged: its schema version {version} is not a whole number; "
            "it was not opened").format(path=path, version=shown))
    number = int(text)
    if number < 1:
        raise WorkspaceError(translate(
            "Workspace", "{path} is damaged: it records schema version {version}, which no "
            "SAT Tool has written; it was not opened").format(path=path, version=number))
    return number


def _revision(path: Path, revisions: tuple[Any, ...] | None, version: int) -> str | None:
    if revisions is None or not revisions:
        return None
    if len(revisions) > 1:
        raise WorkspaceError(translate(
            "Workspace", "{path} is damaged: it records {count} schema revisions at once; "
            "it was not opened").format(path=path, count=len(revisions)))
    (revision,) = revisions
    if not isinstance(revision, str) or not known_revision(revision):
        shown = str(revision)[:40]
        raise WorkspaceError(translate(
            "Workspace", "{path} was written by a newer SAT Tool (schema revision {revision}); "
            "this version reads up to schema {current}").format(
                path=path, revision=shown, current=SCHEMA_VERSION))
    return revision


_ADDED_BY: dict[int, tuple[frozenset[str], frozenset[str]]] = {
    2: (frozenset({"snapshots"}), frozenset({"ix_snapshots_matrix_id"})),
    5: (frozenset({"analysts", "judgments", "history"}),
        frozenset({"ix_ratings_analyst_id", "ix_judgments_analyst_id", "ix_history_case_id"})),
}
"""The tables and indexes each schema version added to those of the version before it (the
versions not listed added columns only)."""


def refuse_incomplete(path: Path, catalog: Catalog, stored: StoredVersion) -> None:
    """WorkspaceError when a workspace lacks one of the tables or indexes its schema has (the
    current schema's, or an older one's before it is upgraded)."""
    if stored.version is None or not 1 <= stored.version <= SCHEMA_VERSION:
        return
    tables, indexes = set(expected_tables() - {VERSION_TABLE}), set(expected_indexes())
    for version, (added_tables, added_indexes) in _ADDED_BY.items():
        if stored.version < version:
            tables -= added_tables
            indexes -= added_indexes
    names = {o.name for o in catalog.objects}
    for table in sorted(tables):
        if table not in names:
            raise WorkspaceError(translate(
                "Workspace", "{path} is damaged: its table {table} is missing; it was not opened"
            ).format(path=path, table=table))
    for index in sorted(indexes):
        if index not in names:
            raise WorkspaceError(translate(
                "Workspace", "{path} is damaged: its index {index} is missing; it was not opened"
            ).format(path=path, index=index))
