"""Opening a case and importing a bundle, each measured against the plainest way to do the same work.

*Open*: :func:`sat_tool.store.cases.load_case` (a whole case into the domain
objects) against the stdlib ``sqlite3`` module running the same SELECTs and
fetching the same rows into tuples. Both run inside a read transaction begun
before the clock starts, on a connection opened before it too.

*Import*: :func:`sat_tool.services.cases.import_bundle` of the 10,000 × 50 bundle
into an empty workspace, against ``json.load`` of the same file plus the
plainest inserts of the same rows (ids given, no checks, one ``executemany`` per
table, one transaction) into an empty database of the same schema. Ours also
checks every field, writes in short transactions of at most 2,000 rows that
other programs can write between, and keeps the case hidden until it is whole.

*Import of 100,000 evidence items*: seconds for a 100,000 × 5 bundle.

Runs alternate between ours and the floor so that both see the same machine;
each figure is the median of its runs. Run alone with
``python -m tests.bench.io_bench`` (it takes a few minutes; bundles are written
once into a temporary folder, or into the folder given as an argument).
"""

from __future__ import annotations

import gc
import json
import shutil
import sqlite3
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sat_tool.services import cases as svc
from sat_tool.store import Workspace
from sat_tool.store import cases as store
from tests.bench.synthetic import SIZES, write_bundle
from tests.bench.table import Figure, median_time, run_alone

OPEN_REPEATS = {20: 15, 200: 11, 2000: 7, 10000: 3}
"""Runs of each side per size (by evidence items): fewer for the big sizes."""
IMPORT_REPEATS = 3
IMPORT_SIZE = (10000, 50)
BIG_IMPORT = (100000, 5)


def _size(rows: int, columns: int) -> str:
    return f"{rows:,} × {columns}"


def _side_by_side(ours: Callable[[], object], floor: Callable[[], object], repeats: int,
                  prepare: Callable[[], None] = lambda: None) -> tuple[float, float]:
    """Median seconds of ``ours`` and of ``floor``, run in turn; ``prepare`` runs before each, untimed."""
    mine: list[float] = []
    plain: list[float] = []
    for _ in range(repeats):
        for action, times in ((ours, mine), (floor, plain)):
            prepare()
            gc.collect()
            times.append(median_time(action, 1))
    return statistics.median(mine), statistics.median(plain)


# ---------------------------------------------------------------- open


_FLOOR_CASE = "SELECT id, title, uid, description, created, importing FROM cases WHERE id = ?"
_FLOOR_SOURCES = ("SELECT id, title, author, publication, date, url, reliability, text "
                  "FROM sources WHERE case_id = ? ORDER BY position")
_FLOOR_EVIDENCE = ("SELECT id, number, text, source_id, date, type, credibility, notes, quote, "
                   "quote_start FROM evidence WHERE case_id = ? ORDER BY position")
_FLOOR_MATRICES = ("SELECT id, question, notes, conclusions, milestones, scoring_mode "
                   "FROM matrices WHERE case_id = ? ORDER BY position")
_FLOOR_HYPOTHESES = ("SELECT id, title, description, uid FROM hypotheses "
                     "WHERE matrix_id = ? ORDER BY position")
_FLOOR_JUDGMENTS = ("SELECT judgments.hypothesis_id, judgments.analyst_id, judgments.prior, "
                    "judgments.judged FROM judgments JOIN hypotheses ON judgments.hypothesis_id = "
                    "hypotheses.id WHERE hypotheses.matrix_id = ?")
_FLOOR_ROWS = ("SELECT evidence_id, relevance FROM matrix_evidence WHERE matrix_id = ? "
               "ORDER BY position")
_FLOOR_RATINGS = ("SELECT ratings.evidence_id, ratings.hypothesis_id, ratings.rating, "
                  "ratings.analyst_id, ratings.rationale, ratings.updated, ratings.likelihood "
                  "FROM ratings JOIN hypotheses ON ratings.hypothesis_id = hypotheses.id "
                  "WHERE hypotheses.matrix_id = ?")


def raw_select(con: sqlite3.Connection, case_id: int) -> list[list[tuple[Any, ...]]]:
    """Every row of a case that loading reads, as tuples: the floor of opening it."""
    found = [con.execute(_FLOOR_CASE, (case_id,)).fetchall(),
             con.execute(_FLOOR_SOURCES, (case_id,)).fetchall(),
             con.execute(_FLOOR_EVIDENCE, (case_id,)).fetchall()]
    matrices = con.execute(_FLOOR_MATRICES, (case_id,)).fetchall()
    found.append(matrices)
    for (matrix_id, *_rest) in matrices:
        found.append(con.execute(_FLOOR_HYPOTHESES, (matrix_id,)).fetchall())
        found.append(con.execute(_FLOOR_ROWS, (matrix_id,)).fetchall())
        found.append(con.execute(_FLOOR_RATINGS, (matrix_id,)).fetchall())
        found.append(con.execute(_FLOOR_JUDGMENTS, (matrix_id,)).fetchall())
    return found


def measure_open(path: Path, rows: int, columns: int) -> Figure:
    """Loading the one case of the workspace at ``path``, against the raw SELECTs."""
    repeats = OPEN_REPEATS.get(rows, 3)
    with Workspace.open(path) as ws:
        case_id = svc.list_cases(ws)[0].id
        with ws.read() as session:  # the transaction has begun before the clock starts
            session.connection()
            con = sqlite3.connect(path, isolation_level=None)
            try:
                con.execute("BEGIN")
                ours, floor = _side_by_side(lambda: store.load_case(session, case_id),
                                            lambda: raw_select(con, case_id), repeats)
                con.execute("ROLLBACK")
            finally:
                con.close()
    return Figure("Open: case into the domain", _size(rows, columns), ours, floor,
                  "raw sqlite3 SELECT into tuples", target=3.0, note=f"(median of {repeats} runs)")


# ---------------------------------------------------------------- import


def plain_import(bundle: Path, database: Path) -> None:
    """``json.load`` and the plainest inserts of the same rows, in one transaction: the floor."""
    with open(bundle, encoding="utf-8") as file:
        data = json.load(file)
    con = sqlite3.connect(database)
    try:
        with con:
            head = data["case"]
            con.execute("INSERT INTO cases (id, uid, title, description, created, last_opened, "
                        "revision, evidence_counter, importing) VALUES (1, ?, ?, ?, ?, '', 0, 0, '')",
                        (head.get("uid") or "floor", head["title"], head.get("description", ""),
                         head.get("created", "")))
            con.execute("INSERT INTO analysts (id, uid, name, role) VALUES (1, 'floor', 'Floor', '')")
            sources = {s["id"]: n for n, s in enumerate(data.get("sources", []), 1)}
            con.executemany(
                "INSERT INTO sources (id, case_id, position, title, author, publication, date, url, "
                "reliability, text) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(n, n - 1, s["title"], s.get("author", ""), s.get("publication", ""),
                  s.get("date", ""), s.get("url", ""), s.get("reliability", ""), s.get("text", ""))
                 for n, s in enumerate(data.get("sources", []), 1)])
            evidence = {e["id"]: n for n, e in enumerate(data["evidence"], 1)}
            con.executemany(
                "INSERT INTO evidence (id, case_id, position, number, text, source_id, date, type, "
                "credibility, notes, quote, quote_start) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(n, n - 1, e.get("number", n), e["text"], sources.get(e.get("source")),
                  e.get("date", ""), e.get("type", "OSINT"), e.get("credibility", "Medium"),
                  e.get("notes", ""), e.get("quote", ""), e.get("quote_start"))
                 for n, e in enumerate(data["evidence"], 1)])
            hypothesis_id = 0
            for matrix_id, mat in enumerate(data["matrices"], 1):
                con.execute("INSERT INTO matrices (id, case_id, position, question, notes, "
                            "conclusions, milestones, scoring_mode) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                            (matrix_id, matrix_id - 1, mat["question"], mat.get("notes", ""),
                             mat.get("conclusions", ""), mat.get("milestones", ""),
                             mat.get("scoring_mode", "weighted")))
                hypotheses = {}
                values = []
                for position, hyp in enumerate(mat["hypotheses"]):
                    hypothesis_id += 1
                    hypotheses[hyp["id"]] = hypothesis_id
                    values.append((hypothesis_id, matrix_id, position, hyp["title"],
                                   hyp.get("description", "")))
                con.executemany("INSERT INTO hypotheses (id, matrix_id, position, title, "
                                "description) VALUES (?, ?, ?, ?, ?)", values)
                con.executemany("INSERT INTO matrix_evidence (matrix_id, evidence_id, position, "
                                "relevance) VALUES (?, ?, ?, ?)",
                                [(matrix_id, evidence[r["evidence"]], position,
                                  r.get("relevance", "Medium"))
                                 for position, r in enumerate(mat["evidence"])])
                con.executemany("INSERT INTO ratings (evidence_id, hypothesis_id, analyst_id, rating, "
                                "rationale, updated, likelihood) VALUES (?, ?, 1, ?, ?, ?, ?)",
                                [(evidence[r["evidence"]], hypotheses[r["hypothesis"]], r["rating"],
                                  r.get("rationale", ""), r.get("updated", ""),
                                  r.get("likelihood"))
                                 for r in mat["ratings"]])
    finally:
        con.close()


class _Targets:
    """A fresh empty workspace for each run of ours, a fresh empty database for each of the floor."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "import-runs"
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.template = self.folder / "template.sqlite"
        Workspace.open(self.template).close()  # the schema, migrated, and nothing in it
        self.database = self.folder / "floor.sqlite"
        self.runs = 0
        self.path: Path | None = None
        self.workspace: Workspace | None = None
        self.imported: Path | None = None
        """The workspace of the last run of ours, kept for the figures of opening it."""

    def prepare(self) -> None:
        """Untimed: put away the last run's files (but the last import) and make the next run's."""
        self.close()
        for path in self.folder.glob("run-*.sqlite"):
            if path != self.imported:
                _remove_workspace(path)
        self.database.unlink(missing_ok=True)
        shutil.copyfile(self.template, self.database)
        self.runs += 1
        self.path = self.folder / f"run-{self.runs}.sqlite"
        self.workspace = Workspace.open(self.path)

    def import_into_workspace(self, bundle: Path) -> None:
        assert self.workspace is not None and self.path is not None
        self.imported = self.path
        svc.import_bundle(self.workspace, bundle)

    def close(self) -> None:
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None


def measure_import(folder: Path, bundle: Path, rows: int, columns: int) -> tuple[Figure, Path]:
    """Importing ``bundle`` against the floor; also the workspace the last run of ours wrote."""
    targets = _Targets(folder)
    try:
        mine, floor = _side_by_side(lambda: targets.import_into_workspace(bundle),
                                    lambda: plain_import(bundle, targets.database),
                                    IMPORT_REPEATS, targets.prepare)
    finally:
        targets.close()
    assert targets.imported is not None
    kept = folder / f"io-{rows}x{columns}.sqlite"
    _remove_workspace(kept)
    for suffix in ("", "-wal", "-shm"):
        found = targets.imported.with_name(targets.imported.name + suffix)
        if found.exists():
            shutil.move(str(found), kept.with_name(kept.name + suffix))
    shutil.rmtree(targets.folder, ignore_errors=True)
    return (Figure("Import: bundle", _size(rows, columns), mine, floor,
                   "json.load + stdlib executemany inserts", target=3.0,
                   note=f"(median of {IMPORT_REPEATS} runs)"), kept)


def measure_big_import(folder: Path) -> Figure:
    """Seconds to import a bundle of 100,000 evidence items (one run)."""
    rows, columns = BIG_IMPORT
    bundle = write_bundle(folder, rows, columns)
    path = folder / f"io-{rows}x{columns}.sqlite"
    _remove_workspace(path)
    gc.collect()
    with Workspace.open(path) as ws:
        seconds = median_time(lambda: svc.import_bundle(ws, bundle), 1)
    _remove_workspace(path)
    return Figure("Import: 100,000 evidence items", _size(rows, columns), seconds, target=60.0,
                  note="(one run)")


def _remove_workspace(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _workspace_with(folder: Path, rows: int, columns: int) -> Path:
    """A workspace holding the one benchmark case of this size, imported afresh."""
    path = folder / f"io-{rows}x{columns}.sqlite"
    _remove_workspace(path)
    with Workspace.open(path) as ws:
        svc.import_bundle(ws, write_bundle(folder, rows, columns))
    return path


def measure(folder: Path) -> list[Figure]:
    """Every figure of opening and importing, per benchmark size."""
    figures = []
    for rows, columns in SIZES:
        if (rows, columns) == IMPORT_SIZE:
            figure, path = measure_import(folder, write_bundle(folder, rows, columns), rows, columns)
            figures.append(measure_open(path, rows, columns))
            figures.append(figure)
        else:
            path = _workspace_with(folder, rows, columns)
            figures.append(measure_open(path, rows, columns))
        _remove_workspace(path)
    figures.append(measure_big_import(folder))
    return figures


if __name__ == "__main__":
    run_alone(measure, Path(sys.argv[1]) if len(sys.argv) > 1 else None)
