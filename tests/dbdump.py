"""A canonical dump of a workspace file, for tests that compare two workspaces row by row.

``canonical_dump(path)`` reads every table (and the schema) straight from SQLite,
each table ordered by its primary key, so two workspaces that hold the same data
give equal dumps however their rows were written. Columns that hold wall-clock
times and random stable ids are left out by default (:data:`WALL_CLOCK`,
:data:`RANDOM_IDS`); pass another ``ignore`` to
compare more or less. A table mapped to ``{"*"}`` is left out entirely.

A snapshot's JSON content is compared as data, not as text: keys sorted and its
ratings ordered by cell (their order in the JSON means nothing); each rating's
``updated`` time in it is dropped when ``ratings.updated`` is ignored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any, NamedTuple

WALL_CLOCK: Mapping[str, Collection[str]] = {
    "cases": frozenset({"last_opened"}),
    "ratings": frozenset({"updated"}),
    "snapshots": frozenset({"created"}),
    "history": frozenset({"at"}),
}
"""Columns whose values are the time something happened."""

RANDOM_IDS: Mapping[str, Collection[str]] = {
    table: frozenset({"uid"}) for table in ("sources", "evidence", "matrices", "hypotheses")}
"""Stable ids made at random (a UUID) when a part is added: two workspaces that hold the same
data hold other ids."""

DEFAULT_IGNORE: Mapping[str, Collection[str]] = {**WALL_CLOCK, **RANDOM_IDS}


class TableDump(NamedTuple):
    """One table: its compared columns, the columns of its key, and its rows in key order."""

    columns: tuple[str, ...]
    key: tuple[str, ...]
    rows: list[tuple[Any, ...]]


Dump = dict[str, TableDump]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _snapshot_data(text: str, drop_updated: bool) -> str:
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return text
    ratings = data.get("ratings") if isinstance(data, dict) else None
    if isinstance(ratings, list):
        if drop_updated:
            ratings = [{k: v for k, v in r.items() if k != "updated"} if isinstance(r, dict) else r
                       for r in ratings]
        data["ratings"] = sorted(ratings, key=lambda r: json.dumps(r, sort_keys=True))
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def canonical_dump(path: str | Path,
                   ignore: Mapping[str, Collection[str]] = DEFAULT_IGNORE) -> Dump:
    """Every table of the SQLite file at ``path``, ordered by primary key, minus ``ignore``d columns.

    The schema itself is included under the name ``sqlite_master``. A server's URL
    (``postgresql+psycopg://…``) gives the same dump of its tables, without the schema.
    """
    if "://" in str(path) and not str(path).startswith("sqlite"):
        return _server_dump(str(path), ignore)
    con = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        out: Dump = {}
        schema = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                             "ORDER BY type, name").fetchall()
        out["sqlite_master"] = TableDump(("type", "name", "tbl_name", "sql"),
                                         ("type", "name"), schema)
        tables = [name for kind, name, _t, _s in schema if kind == "table"]
        for table in tables:
            skip = set(ignore.get(table, ()))
            if "*" in skip:
                continue
            info = con.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
            columns = tuple(r[1] for r in info if r[1] not in skip)
            key = tuple(r[1] for r in sorted(info, key=lambda r: r[5]) if r[5] > 0)
            order = key or tuple(r[1] for r in info)
            rows = con.execute(_select(table, columns, order)).fetchall()
            out[table] = _table(table, columns, key, rows, ignore)
        return out
    finally:
        con.close()


def _select(table: str, columns: tuple[str, ...], order: tuple[str, ...]) -> str:
    return (f"SELECT {', '.join(map(_quote, columns))} FROM {_quote(table)} "
            f"ORDER BY {', '.join(map(_quote, order))}")


def _table(table: str, columns: tuple[str, ...], key: tuple[str, ...], rows: list[tuple[Any, ...]],
           ignore: Mapping[str, Collection[str]]) -> TableDump:
    """One table's dump; a snapshot's content is compared as data (see the module's notes)."""
    if table == "snapshots" and "data" in columns:
        at = columns.index("data")
        drop = "updated" in ignore.get("ratings", ())
        rows = [r[:at] + (_snapshot_data(r[at], drop),) + r[at + 1:] for r in rows]
    return TableDump(columns, key or columns, rows)


def _server_dump(url: str, ignore: Mapping[str, Collection[str]]) -> Dump:
    """Every SAT Tool table of a server's database, as :func:`canonical_dump` gives a file's."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as con:
            out: Dump = {}
            inspector = inspect(con)
            for table in sorted(inspector.get_table_names()):
                skip = set(ignore.get(table, ()))
                if "*" in skip:
                    continue
                names = [c["name"] for c in inspector.get_columns(table)]
                columns = tuple(n for n in names if n not in skip)
                key = tuple(inspector.get_pk_constraint(table)["constrained_columns"])
                order = key or tuple(names)
                rows = [tuple(r) for r in con.execute(text(_select(table, columns, order)))]
                out[table] = _table(table, columns, key, rows, ignore)
            return out
    finally:
        engine.dispose()


def describe_difference(a: Dump, b: Dump, limit: int = 12, names: tuple[str, str] = ("a", "b")) -> str:
    """What differs between two dumps, table by table, row by row (at most ``limit`` lines)."""
    lines: list[str] = []
    for table in sorted(set(a) | set(b)):
        if table not in a or table not in b:
            lines.append(f"table {table} only in {names[0] if table in a else names[1]}")
            continue
        ta, tb = a[table], b[table]
        if ta == tb:
            continue
        if ta.columns != tb.columns:
            lines.append(f"{table}: columns {ta.columns} vs {tb.columns}")
            continue
        at = [ta.columns.index(k) for k in ta.key]
        ka = {tuple(r[i] for i in at): r for r in ta.rows}
        kb = {tuple(r[i] for i in at): r for r in tb.rows}
        for k in sorted(set(ka) | set(kb), key=repr):
            ra, rb = ka.get(k), kb.get(k)
            if ra == rb:
                continue
            if ra is None or rb is None:
                where = names[0] if rb is None else names[1]
                lines.append(f"{table} {dict(zip(ta.key, k))}: only in {where}: {ra or rb}")
            else:
                changed = {c: (x, y) for c, x, y in zip(ta.columns, ra, rb) if x != y}
                lines.append(f"{table} {dict(zip(ta.key, k))}: "
                             + ", ".join(f"{c}: {x!r} vs {y!r}" for c, (x, y) in changed.items()))
            if len(lines) >= limit:
                return "\n".join(lines + ["…"])
        if len(ka) != len(ta.rows) or len(kb) != len(tb.rows):
            lines.append(f"{table}: duplicate keys")
    return "\n".join(lines)
