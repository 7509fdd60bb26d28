"""Two analysts at their windows and a script at the command line, on one case for a minute.

The requirement: two GUI processes and a CLI loop edit one case for 60 s (``SAT_TOOL_LIVE_SECONDS``);
no "database is locked" reaches a user, no edit is lost, and each sees the others' edits within 2 s.

Each GUI is a real :class:`MainWindow` in its own process (``tests/live_gui_worker.py``), rating
cells with the keyboard, undoing and redoing, adding evidence and changing tabs a few times a
second, and printing what it did (ACK, with the revision each write committed as) and what its
tables have on screen (VIEW: twice a second, and after each of its writes and reloads).
Meanwhile this test runs ``sat-tool rate`` and ``sat-tool add-evidence`` one after the other,
0.2–0.4 s apart, reading the case revision before and after each.

Every write bumps the case revision in its own transaction, so the revisions the GUIs report,
together with the CLI's (which runs one command at a time, so its writes take the remaining
revisions in order), give the exact order of all commits. Replaying them from the imported case
gives the state of the case at every revision: the database at the end must be the replay's
last state, and every VIEW must show exactly the state of the revision its window holds.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import ROOT, SAMPLE

LIVE_SECONDS = float(os.environ.get("SAT_TOOL_LIVE_SECONDS", "60"))
WORKER = Path(__file__).with_name("live_gui_worker.py")
GUIS = ("GUI-A", "GUI-B")
CLI = "CLI"
RATED_AS = "Sam Adler"
"""Whose ratings every process edits: none of them has rated the sample, so each rates it as
its first analyst (the history records which process made each edit)."""
PROPAGATION = 2.0
"""Each window must show another's committed edit within this many seconds …"""
VIEW_INTERVAL = 0.5
"""… measured on VIEW lines, printed this often."""
SETTLED = 2.0
"""The final VIEW comes at least this long after the last write."""
CLI_PAUSE = (0.2, 0.4)
ADD_EVERY = 8
"""Every so many commands, the CLI adds an evidence item instead of rating a cell."""
FOLLOW = 0.2
"""How often the CLI re-rates the cell a GUI rated last (where edits collide)."""
HOT_ROWS = 4
"""The first rows of each matrix, where the GUIs' analysts also work most."""
CONFLICT = "in another window or program"
CODES = ("CC", "C", "N", "I", "II", "NA")

Cell = tuple[int, int, int]
"""(matrix id, evidence id, hypothesis id)."""
Value = tuple[str, str] | None
"""A cell's state as compared: (rating code, analyst), or None when unrated."""


# ------------------------------------------------------------------ the processes


class GuiProcess:
    """A worker process and the event lines it prints, each stamped with the time it arrived."""

    def __init__(self, name: str, workspace: str | Path, case_id: int, seed: int, stop: Path,
                 env: dict[str, str], on_ack: Any) -> None:
        self.name = name
        self.lines: list[tuple[float, str, Any]] = []
        self.stderr: list[str] = []
        self.ready = threading.Event()
        self.idle = threading.Event()
        self._on_ack = on_ack
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), str(workspace), str(case_id), name, str(LIVE_SECONDS),
             str(seed), str(stop)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        self._threads = [threading.Thread(target=self._read_out, daemon=True),
                         threading.Thread(target=self._read_err, daemon=True)]
        for thread in self._threads:
            thread.start()

    def _read_out(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            kind, _, rest = line.rstrip("\n").partition(" ")
            try:
                payload = json.loads(rest) if rest else None
            except ValueError:
                payload = rest
            self.lines.append((time.time(), kind, payload))
            if kind == "READY":
                self.ready.set()
            elif kind == "IDLE":
                self.idle.set()
            elif kind == "ACK":
                self._on_ack(self.name, payload)

    def _read_err(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line.rstrip("\n"))

    def events(self, kind: str) -> list[Any]:
        return [payload for _t, k, payload in self.lines if k == kind]

    def finish(self, timeout: float) -> int | None:
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None
        for thread in self._threads:
            thread.join(10)
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@dataclass
class CliRun:
    """One ``sat-tool`` command of the loop."""

    kind: str
    args: list[str]
    matrix: int
    t0: float
    t1: float = 0.0
    code: int | None = None
    out: str = ""
    err: str = ""
    lo: int = 0
    """The case revision just before it started, plus one: its write cannot be older."""
    hi: int = 0
    """The case revision just after it ended: its write cannot be newer."""
    label: str = ""
    hypothesis: int = 0
    rating: str = ""


class CliLoop(threading.Thread):
    """Rates cells and adds evidence from the command line, one command at a time."""

    def __init__(self, workspace: str | Path, case_id: int, labels: dict[int, list[str]],
                 hypotheses: dict[int, int], env: dict[str, str], seconds: float, seed: int) -> None:
        super().__init__(daemon=True)
        self.workspace, self.case_id = workspace, case_id
        self.labels = labels
        """Per matrix number: the labels of its rows (the GUIs' new items are added as they come)."""
        self.hypotheses = hypotheses
        self.env, self.seconds = env, seconds
        self.rng = random.Random(seed)
        self.runs: list[CliRun] = []
        self.recent: list[tuple[float, int, str, int]] = []
        """(time, matrix number, label, hypothesis number) of the cells the GUIs rated."""
        self.lock = threading.Lock()
        self.failure: BaseException | None = None

    def revision(self, con: Any) -> int:
        return case_revision(con, self.case_id)

    def run(self) -> None:
        try:
            self._loop()
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            self.failure = exc

    def _loop(self) -> None:
        engine = reading_engine(self.workspace)
        con = engine.connect()
        end = time.monotonic() + self.seconds
        added = 0
        try:
            while time.monotonic() < end:
                number = self.rng.randint(1, len(self.labels))
                base = [sys.executable, "-m", "sat_tool", "--workspace", str(self.workspace)]
                if len(self.runs) % ADD_EVERY == ADD_EVERY // 2:
                    added += 1
                    text = f"Live item {added} from the command line"
                    run = CliRun("add", base + ["add-evidence", str(self.case_id), text, "--matrix",
                                                str(number)], number, 0.0)
                else:
                    with self.lock:
                        rows = self.labels[number]
                        label = self.rng.choice(rows[:HOT_ROWS] if self.rng.random() < 0.3 else rows)
                        recent = self.recent[-1] if self.recent else None
                    hypothesis = self.rng.randint(1, self.hypotheses[number])
                    if recent is not None and time.time() - recent[0] < 5 and self.rng.random() < FOLLOW:
                        _t, number, label, hypothesis = recent  # a second opinion on a fresh rating
                    rating = "-" if self.rng.random() < 0.1 else self.rng.choice(CODES)
                    run = CliRun("rate", base + ["rate", str(self.case_id), label, f"H{hypothesis}",
                                                 rating, "--matrix", str(number)],
                                 number, 0.0, label=label, hypothesis=hypothesis, rating=rating)
                run.lo = self.revision(con) + 1
                run.t0 = time.time()
                done = subprocess.run(run.args, capture_output=True, text=True, env=self.env,
                                      cwd=ROOT, timeout=120)
                run.t1 = time.time()
                run.hi = self.revision(con)
                run.code, run.out, run.err = done.returncode, done.stdout, done.stderr
                if run.kind == "add" and run.code == 0:
                    found = re.match(r"Added (E\d+)", run.out)
                    if found:
                        run.label = found[1]
                        with self.lock:
                            self.labels[number].append(run.label)
                self.runs.append(run)
                time.sleep(self.rng.uniform(*CLI_PAUSE))
        finally:
            con.close()
            engine.dispose()

    def gui_added(self, number: int, label: str) -> None:
        with self.lock:
            self.labels[number].append(label)

    def gui_rated(self, number: int, label: str, hypothesis: int) -> None:
        with self.lock:
            self.recent.append((time.time(), number, label, hypothesis))


# ------------------------------------------------------------------ what happened


@dataclass
class Write:
    """One acknowledged commit: who made it, its revision, and the cells it left as they are."""

    who: str
    kind: str
    t0: float
    t1: float
    lo: int
    hi: int
    cells: dict[Cell, Value] = field(default_factory=dict)
    row: tuple[int, int] | None = None
    """(matrix id, evidence id) of an evidence item added as the matrix's last row."""

    @property
    def rev(self) -> int:
        return self.lo if self.lo == self.hi else -1


def case_state(case: Any) -> tuple[dict[int, list[int]], dict[int, list[int]], dict[Cell, Value],
                                   dict[int, int]]:
    """Rows, columns and cell values of every matrix of a case, and its evidence numbers by id."""
    rows = {m.id: [r.evidence_id for r in m.rows] for m in case.matrices}
    cols = {m.id: [h.id for h in m.hypotheses] for m in case.matrices}
    cells = {(m.id, e, h): (a.rating.value, a.analyst) for m in case.matrices
             for (e, h), a in m.ratings.items()}
    return rows, cols, cells, {e.id: e.number for e in case.evidence}


class Replay:
    """The case as every revision left it, from the state at the start and the ordered writes."""

    def __init__(self, start: tuple, writes: list[Write], first: int) -> None:
        rows, cols, cells = start[:3]
        self.rows = {m: list(r) for m, r in rows.items()}
        self.cols = cols
        self.cells = dict(cells)
        self.revision = first
        self._writes = iter(sorted(writes, key=lambda w: w.rev))
        self._next = next(self._writes, None)

    def advance(self, revision: int) -> None:
        while self._next is not None and self._next.rev <= revision:
            write = self._next
            for cell, value in write.cells.items():
                if value is None:
                    self.cells.pop(cell, None)
                else:
                    self.cells[cell] = value
            if write.row is not None:
                self.rows[write.row[0]].append(write.row[1])
            self._next = next(self._writes, None)
        self.revision = revision

    def shown(self) -> dict[str, Any]:
        """What a table showing this state displays, in the form of a VIEW."""
        out = {}
        for matrix, rows in self.rows.items():
            codes = []
            for e in rows:
                for h in self.cols[matrix]:
                    value = self.cells.get((matrix, e, h))
                    codes.append(value[0] if value else "")
            out[str(matrix)] = {"rows": rows, "cols": self.cols[matrix], "cells": codes}
        return out


def view_differences(view: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """How a VIEW's matrices differ from the expected display ([] when equal)."""
    problems = []
    if sorted(view) != sorted(expected):
        return [f"matrices {sorted(view)} instead of {sorted(expected)}"]
    for matrix, want in expected.items():
        got = view[matrix]
        for difference in got.get("unpainted", []):
            problems.append(f"matrix {matrix}: not repainted: {difference}")
        if got.get("model_rows", len(got["rows"])) != len(got["rows"]):
            problems.append(f"matrix {matrix}: the table shows {len(got['rows'])} rows of the "
                            f"model's {got['model_rows']}")
        if got["rows"] != want["rows"]:
            problems.append(f"matrix {matrix}: rows {got['rows']} instead of {want['rows']}")
            continue
        if got["cols"] != want["cols"]:
            problems.append(f"matrix {matrix}: columns {got['cols']} instead of {want['cols']}")
            continue
        width = len(want["cols"])
        for i, (a, b) in enumerate(zip(got["cells"], want["cells"])):
            if a != b:
                e, h = want["rows"][i // width], want["cols"][i % width]
                problems.append(f"matrix {matrix} cell (E id {e}, H id {h}) shows {a or '–'}, "
                                f"not {b or '–'}")
    return problems


def cell_code(view: dict[str, Any], cell: Cell) -> str | None:
    """The code a VIEW displays in a cell ('' unrated), None when the cell is not shown."""
    shown = view["m"].get(str(cell[0]))
    if shown is None or cell[1] not in shown["rows"] or cell[2] not in shown["cols"]:
        return None
    return shown["cells"][shown["rows"].index(cell[1]) * len(shown["cols"]) + shown["cols"].index(cell[2])]


# ------------------------------------------------------------------ the session


@dataclass
class Session:
    """Everything the processes did and printed, and the workspace before and after."""

    case_id: int
    matrices: list[int]
    start: tuple
    final: tuple
    first_revision: int
    final_revision: int
    guis: list[GuiProcess]
    codes: dict[str, int | None]
    cli: CliLoop
    logs: Path


def reading_engine(location: str | Path) -> Any:
    """An engine of another program that reads the workspace (a file or a server), each
    statement on its own."""
    from sqlalchemy import create_engine

    location = str(location)
    return create_engine(location if "://" in location else f"sqlite:///{location}",
                         isolation_level="AUTOCOMMIT")


def case_revision(con: Any, case_id: int) -> int:
    """The case's revision as committed now."""
    from sqlalchemy import text

    return int(con.execute(text("SELECT revision FROM cases WHERE id=:id"), {"id": case_id}).scalar())


def revision_of(path: str | Path, case_id: int) -> int:
    engine = reading_engine(path)
    try:
        with engine.connect() as con:
            return case_revision(con, case_id)
    finally:
        engine.dispose()


def run_session(tmp_path: Path, path: str | Path) -> Session:
    """Import the sample, let two windows and the command line edit it, and read the result."""
    with Workspace.open(path) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
        start_case = svc.load_case(ws, case_id)
    matrices = [m.id for m in start_case.matrices]
    start = case_state(start_case)
    first_revision = revision_of(path, case_id)

    def env_for(name: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(QT_QPA_PLATFORM="offscreen", SAT_TOOL_LOG_DIR=str(tmp_path / "logs" / name),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])))
        env.pop("SAT_TOOL_WORKSPACE", None)
        return env

    labels = {n: [start_case.evidence_item(r.evidence_id).label for r in m.rows]
              for n, m in enumerate(start_case.matrices, 1)}
    hypotheses = {n: len(m.hypotheses) for n, m in enumerate(start_case.matrices, 1)}
    cli = CliLoop(path, case_id, labels, hypotheses, env_for(CLI), LIVE_SECONDS, seed=7)
    known = {e.id: e.label for e in start_case.evidence}

    def on_ack(_who: str, ack: Any) -> None:
        """The command line learns the GUIs' new rows, and which cells they just rated."""
        if not isinstance(ack, dict):
            return
        if ack.get("kind") == "add" and ack.get("label"):
            known[ack["eid"]] = ack["label"]
            cli.gui_added(matrices.index(ack["m"]) + 1, ack["label"])
        elif ack.get("kind") in ("rate", "clear") and ack.get("cells"):
            matrix, e, h = ack["cells"][0][:3]
            if e in known and matrix in matrices:
                cli.gui_rated(matrices.index(matrix) + 1, known[e], start[1][matrix].index(h) + 1)

    stop = tmp_path / "stop"
    guis = [GuiProcess(name, path, case_id, seed, stop, env_for(name), on_ack)
            for name, seed in zip(GUIS, (11, 23))]
    try:
        for gui in guis:
            assert gui.ready.wait(120), (f"{gui.name} did not open the case:\n"
                                         + "\n".join(gui.stderr[-30:]))
        cli.start()
        cli.join(LIVE_SECONDS + 180)
        assert not cli.is_alive(), "the command-line loop did not finish"
        for gui in guis:
            assert gui.idle.wait(LIVE_SECONDS + 120), f"{gui.name} did not finish its work"
        stop.touch()  # everybody has stopped writing: the windows settle, then print what they show
        codes = {gui.name: gui.finish(120) for gui in guis}
    finally:
        stop.touch()
        for gui in guis:
            gui.kill()
    if cli.failure is not None:
        raise cli.failure
    with Workspace.open(path) as ws:
        final_case = svc.load_case(ws, case_id)
    return Session(case_id, matrices, start, case_state(final_case), first_revision,
                   revision_of(path, case_id), guis, codes, cli, tmp_path / "logs")


# ------------------------------------------------------------------ the checks


@dataclass
class Findings:
    """What the checks found wrong, and the figures of the run."""

    problems: list[str] = field(default_factory=list)
    conflicts: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    logged: list[str] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    exact: bool = False
    latency: dict[str, float] = field(default_factory=dict)
    """Per "writer→window": the longest time from a write's acknowledgement to a VIEW of it."""
    catch_up: dict[str, float] = field(default_factory=dict)
    """Per "writer→window": the longest time to the end of the sync that loaded a write."""
    value_latency: dict[str, float] = field(default_factory=dict)
    measured: Counter = field(default_factory=Counter)
    syncs: dict[str, tuple[int, float, float]] = field(default_factory=dict)


def check_messages(session: Session, found: Findings) -> None:
    """Nothing but conflict sentences reaches a user; no traceback anywhere; nothing locked."""
    for gui in session.guis:
        if session.codes[gui.name] != 0:
            found.problems.append(f"{gui.name} exited with {session.codes[gui.name]}")
        if not gui.events("BYE"):
            found.problems.append(f"{gui.name} did not close its window cleanly")
        for text in gui.events("TRACEBACK"):
            found.problems.append(f"{gui.name} raised: {text}")
        if any("Traceback" in line for line in gui.stderr):
            found.problems.append(f"{gui.name} printed a traceback:\n" + "\n".join(gui.stderr[-40:]))
        for error in gui.events("ERROR"):
            sentence = f"{error['title']}: {error['text']}"
            if CONFLICT in sentence and not re.search("locked|busy", sentence, re.I):
                found.conflicts[gui.name] += 1
                found.examples.setdefault(gui.name, sentence)
            else:
                found.problems.append(f"{gui.name} told the user: {sentence}")
    for run in session.cli.runs:
        said = run.err.strip()
        if re.search("locked|busy|traceback", said, re.I):
            found.problems.append(f"sat-tool {' '.join(run.args[5:])} said: {said}")
        elif run.code != 0:
            if CONFLICT in said:
                found.conflicts[CLI] += 1
                found.examples.setdefault(CLI, said)
            else:
                found.problems.append(f"sat-tool {' '.join(run.args[5:])} exited with {run.code}: {said}")
    for log in sorted(session.logs.glob("*/sat-tool.log*")):
        # A record is its first line (time, pid, level …) and the traceback lines under it.
        records = re.split(r"\n(?=\d{4}-\d\d-\d\d )", log.read_text(encoding="utf-8", errors="replace"))
        for record in records:
            lines = record.strip().splitlines()
            if lines and re.search(r" (WARNING|ERROR|CRITICAL) ", lines[0]):
                said = lines[0] + (f" … {lines[-1].strip()}" if len(lines) > 1 else "")
                found.logged.append(f"{log.parent.name}: {said}")
                if re.search("locked|busy", record, re.I) or re.search(r" (ERROR|CRITICAL) ", lines[0]):
                    found.problems.append(f"logged by {log.parent.name}: {said}")


def collect_writes(session: Session, found: Findings) -> None:
    """Every acknowledged write with its revision, and what the acknowledging window showed."""
    for gui in session.guis:
        for ack in gui.events("ACK"):
            write = Write(gui.name, ack["kind"], ack["t0"], ack["t1"], ack["rev"], ack["rev"])
            for matrix, e, h, code, analyst, painted in ack["cells"]:
                write.cells[(matrix, e, h)] = (code, analyst) if code else None
                if code and not analyst:
                    found.problems.append(f"{gui.name} shows {code} in cell {(matrix, e, h)}, which "
                                          "its case has no rating for")
                if (painted or None) != code:
                    found.problems.append(
                        f"after its {ack['kind']} of cell {(matrix, e, h)}, {gui.name} has "
                        f"{painted or '–'} on screen and {code or '–'} in the model")
            if ack["kind"] in ("rate", "clear") and ack["cells"][0][3] != ack["want"]:
                found.problems.append(f"{gui.name} pressed {ack['want'] or 'Delete'} and the cell "
                                      f"shows {ack['cells'][0][3]}")
            if ack["kind"] == "add":
                if ack.get("eid") is None:
                    found.problems.append(f"{gui.name} added evidence but the command kept no item")
                    continue
                write.row = (ack["m"], ack["eid"])
            found.writes.append(write)
    gui_revisions = Counter(w.lo for w in found.writes)
    shared = sorted(r for r, n in gui_revisions.items() if n > 1)
    if shared:
        found.problems.append(f"two GUI writes committed as the same revision: {shared[:10]}")

    evidence_ids = {f"E{n}": e for e, n in session.final[3].items()}
    cli_writes = []
    for run in session.cli.runs:
        if run.code != 0:
            continue
        matrix = session.matrices[run.matrix - 1]
        write = Write(CLI, run.kind, run.t0, run.t1, run.lo, run.hi)
        e = evidence_ids.get(run.label)
        if e is None:
            found.problems.append(f"{run.label or 'the item'} that sat-tool {run.kind} reported "
                                  f"({run.out.strip()}) is not in the workspace")
            continue
        if run.kind == "rate":
            h = session.start[1][matrix][run.hypothesis - 1]
            write.cells[(matrix, e, h)] = None if run.rating == "-" else (run.rating, RATED_AS)
        else:
            write.row = (matrix, e)
        cli_writes.append(write)

    # The CLI runs one command at a time, so its writes took the revisions no GUI reported, in order.
    unclaimed = sorted(set(range(session.first_revision + 1, session.final_revision + 1))
                       - set(gui_revisions))
    found.exact = len(unclaimed) == len(cli_writes) and all(
        w.lo <= r <= w.hi for w, r in zip(cli_writes, unclaimed))
    if found.exact:
        for write, revision in zip(cli_writes, unclaimed):
            write.lo = write.hi = revision
    else:
        found.problems.append(
            f"{session.final_revision - session.first_revision} commits were made, but "
            f"{len(found.writes)} GUI and {len(cli_writes)} command-line edits were acknowledged")
    found.writes += cli_writes


def check_database(session: Session, found: Findings) -> None:
    """No edit lost: the workspace holds what the last acknowledged write of each cell left."""
    rows, _cols, cells = session.final[:3]
    if found.exact:
        replay = Replay(session.start, found.writes, session.first_revision)
        replay.advance(session.final_revision)
        for cell in sorted(set(replay.cells) | set(cells)):
            if replay.cells.get(cell) != cells.get(cell):
                found.problems.append(f"cell {cell}: the workspace holds {cells.get(cell)}, the last "
                                      f"acknowledged write left {replay.cells.get(cell)}")
        for matrix in session.matrices:
            if replay.rows[matrix] != rows[matrix]:
                found.problems.append(f"matrix {matrix}: the workspace has rows {rows[matrix]}, the "
                                      f"acknowledged writes left {replay.rows[matrix]}")
        return
    # The order is known only roughly: accept any write that no other is surely later than.
    by_cell: dict[Cell, list[Write]] = {}
    for write in found.writes:
        for cell in write.cells:
            by_cell.setdefault(cell, []).append(write)
    for cell in sorted(set(by_cell) | set(session.start[2]) | set(cells)):
        history = by_cell.get(cell, [])
        possible = ([w.cells[cell] for w in history if not any(o.lo > w.hi for o in history)]
                    if history else [session.start[2].get(cell)])
        if cells.get(cell) not in possible:
            found.problems.append(f"cell {cell}: the workspace holds {cells.get(cell)}, not one of "
                                  f"{possible}")
    for write in found.writes:
        if write.row is not None and write.row[1] not in rows[write.row[0]]:
            found.problems.append(f"the row {write.row} that {write.who} added is gone")


def check_views(session: Session, found: Findings) -> None:
    """Each window shows exactly the revision it holds, the workspace once all settles, and the
    others' edits within 2 s."""
    rows, cols, cells = session.final[:3]
    workspace_shown = {str(m): {"rows": rows[m], "cols": cols[m],
                                "cells": [cells[(m, e, h)][0] if (m, e, h) in cells else ""
                                          for e in rows[m] for h in cols[m]]}
                       for m in session.matrices}
    last_write = max((w.t1 for w in found.writes), default=0.0)
    wrong: list[str] = []
    for gui in session.guis:
        finals = gui.events("FINAL")
        if not finals:
            found.problems.append(f"{gui.name} printed no final view")
            continue
        final = finals[-1]
        views = gui.events("VIEW") + [final]
        settled = final["t"] - last_write
        if settled < SETTLED:
            found.problems.append(f"{gui.name}'s final view came only {settled:.2f} s after the last write")
        for difference in view_differences(final["m"], workspace_shown):
            found.problems.append(f"{gui.name}, {settled:.1f} s after the last write: {difference}")
        if found.exact:
            replay = Replay(session.start, found.writes, session.first_revision)
            for view in sorted(views, key=lambda v: v["rev"]):
                replay.advance(view["rev"])
                for difference in view_differences(view["m"], replay.shown()):
                    wrong.append(f"{gui.name} at revision {view['rev']} ({view['t'] - last_write:+.1f} s "
                                 f"from the last write): {difference}")
            # The first VIEW holding each other process's write; and when the window caught up
            # with it (the end of a sync, or of its own next write, which reloads the case first).
            caught_up = sorted([(s["t1"], s["rev"]) for s in gui.events("SYNC")]
                               + [(w.t1, w.rev) for w in found.writes if w.who == gui.name])
            for write in found.writes:
                if write.who == gui.name:
                    continue
                key = f"{write.who}→{gui.name}"
                seen = next((v["t"] for v in views if v["rev"] >= write.rev), float("inf"))
                found.latency[key] = max(found.latency.get(key, 0.0), seen - write.t1)
                loaded = next((t for t, rev in caught_up if rev >= write.rev), float("inf"))
                found.catch_up[key] = max(found.catch_up.get(key, 0.0), loaded - write.t1)
                found.measured[key] += 1
        syncs = [s["t1"] - s["t0"] for s in gui.events("SYNC")]
        if syncs:
            found.syncs[gui.name] = (len(syncs), sum(syncs) / len(syncs), max(syncs))
        # As the user sees it: command-line ratings that changed a cell and stood for a while.
        for write in found.writes:
            if write.who != CLI or not write.cells:
                continue
            ((cell, value),) = write.cells.items()
            code = value[0] if value else ""
            earlier = [w for w in found.writes if cell in w.cells and w.t1 <= write.t0]
            near = [w for w in found.writes if cell in w.cells and w is not write
                    and w.t0 < write.t1 + 3.0 and w.t1 > write.t0 - 3.0]
            previous = max(earlier, key=lambda w: w.t1).cells[cell] if earlier else session.start[2].get(cell)
            if near or (previous[0] if previous else "") == code:
                continue
            seen = next((v["t"] for v in views if v["t"] >= write.t0 and cell_code(v, cell) == code),
                        float("inf"))
            key = f"CLI→{gui.name}"
            found.value_latency[key] = max(found.value_latency.get(key, 0.0), max(0.0, seen - write.t1))
            found.measured[f"value {key}"] += 1
    found.problems += wrong[:20] + ([f"… and {len(wrong) - 20} more such views"] if len(wrong) > 20 else [])
    limit = PROPAGATION + VIEW_INTERVAL
    for key, delay in sorted(found.latency.items()):
        if delay > limit:
            found.problems.append(f"{key}: an edit took {delay:.2f} s to show (limit {limit:.1f} s)")
    for key, delay in sorted(found.value_latency.items()):
        if delay > limit:
            found.problems.append(f"{key}: a rating took {delay:.2f} s to show (limit {limit:.1f} s)")


def summary(session: Session, found: Findings) -> list[str]:
    """The figures of the run, one per line."""
    edits = Counter(w.who for w in found.writes)
    kinds = Counter((w.who, w.kind) for w in found.writes)
    lines = [f"live session: {LIVE_SECONDS:.0f} s, case revisions {session.first_revision}→"
             f"{session.final_revision}, order of commits {'exact' if found.exact else 'approximate'}"]
    for who in (*GUIS, CLI):
        detail = ", ".join(f"{k} {n}" for (w, k), n in sorted(kinds.items()) if w == who)
        lines.append(f"  {who}: {edits[who]} edits ({detail}); conflicts told: {found.conflicts[who]}")
    for who, sentence in sorted(found.examples.items()):
        lines.append(f"  {who} was told, for example: {sentence}")
    for gui in session.guis:
        idle = gui.events("IDLE")
        spans = sorted(a["t1"] - a["t0"] for a in gui.events("ACK")) or [0.0]
        if idle:
            lines.append(f"  {gui.name}: {idle[0]['actions']} actions {idle[0]['counts']}, "
                         f"{len(gui.events('VIEW'))} views; an edit took {spans[len(spans) // 2] * 1000:.0f}"
                         f" ms (median), {spans[-1] * 1000:.0f} ms at most, key press to redrawn window")
    for name, (count, mean, worst) in sorted(found.syncs.items()):
        lines.append(f"  {name}: {count} syncs, {mean * 1000:.0f} ms on average, "
                     f"{worst * 1000:.0f} ms at most")
    for key in sorted(found.latency):
        lines.append(f"  worst propagation {key}: {found.latency[key]:.2f} s to a VIEW, "
                     f"{found.catch_up[key]:.2f} s to the sync's end, over {found.measured[key]} edits")
    for key in sorted(found.value_latency):
        lines.append(f"  worst shown rating {key}: {found.value_latency[key]:.2f} s over "
                     f"{found.measured['value ' + key]} ratings")
    runs = session.cli.runs
    spans = sorted(r.t1 - r.t0 for r in runs) or [0.0]
    lines.append(f"  command line: {len(runs)} commands, {sum(1 for r in runs if r.code == 0)} "
                 f"succeeded, each {spans[len(spans) // 2]:.2f} s (median), {spans[-1]:.2f} s at most")
    if found.logged:
        lines.append(f"  {len(found.logged)} warnings logged; the first: {found.logged[0]}")
    return lines


# ------------------------------------------------------------------ the test


def test_two_windows_and_the_command_line_edit_one_case_live(tmp_path, location, capsys):
    """A minute of three analysts' work on one case: nothing locked, nothing lost, nothing stale
    (in a workspace file, and on a team server)."""
    session = run_session(tmp_path, location)
    found = Findings()
    check_messages(session, found)
    collect_writes(session, found)
    check_database(session, found)
    check_views(session, found)
    lines = summary(session, found)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert not found.problems, "\n".join(lines + ["", *found.problems[:60]])
    edits = Counter(w.who for w in found.writes)
    assert all(edits[who] for who in (*GUIS, CLI)), f"every process should have edited: {edits}"
