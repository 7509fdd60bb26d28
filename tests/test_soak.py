"""Two processes edit one case at random and are SIGKILLed at random: nothing acknowledged is lost.

Each round copies the workspace, starts two ``soak_worker.py`` processes on the
same case (forked from one that has imported everything, so that a round starts
at once), lets them run for a random 0.3–1.5 s and then SIGKILLs one or both of
them at random moments (a worker not killed is stopped with SIGTERM between two
edits). Then the workspace must pass ``PRAGMA integrity_check`` (and
``foreign_key_check``) and hold exactly the acknowledged edits:

* every acknowledged edit got its own revision, after the round's start and no
  later than the case's revision on disk; each worker's revisions increase;
* every revision in between that no worker acknowledged is explained by the
  edit a killed worker had announced but not yet acknowledged (it may or may
  not have committed; each way of assigning them is tried);
* replaying the acknowledged edits (and the assigned announced ones) in
  revision order with one :class:`CaseEditor` on the round's start copy makes
  every one of them succeed at its revision, and leaves a workspace whose
  canonical dump equals the real one's, row for row;
* no editor call raised anything but a refusal (EditConflict, InvalidEdit).

A round is checked in a thread while the next one runs, on the same, grown workspace.

``SAT_TOOL_SOAK_KILLS`` sets how many kills to reach (default 20; ``make soak``
asks for 500); ``SAT_TOOL_SOAK_SEED`` makes a run's random choices again (the
timing, and so the interleaving of the two processes, differs). The run stops
early after three rounds with problems; their files are kept.
"""

from __future__ import annotations

import base64
import collections
import concurrent.futures
import copy
import itertools
import json
import os
import pickle
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import pytest

from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from soak_worker import SOAK_ANALYST
from sat_tool.store import Workspace
from sat_tool.store import cases as store_cases

from conftest import ROOT, SAMPLE
from dbdump import RANDOM_IDS, canonical_dump, describe_difference

KILLS = int(os.environ.get("SAT_TOOL_SOAK_KILLS", "20"))
WORKER = Path(__file__).with_name("soak_worker.py")
NAMES = ("ann", "bob")
RUN_SECONDS = (0.3, 1.5)
STARTUP_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0
MAX_FAILED_ROUNDS = 3

IGNORE = {"cases": {"last_opened"}, **RANDOM_IDS}
"""What the comparison leaves out: only the time the case was last opened. Ratings' and
snapshots' times are compared too, since the worker fixes each call's clock and the replay
gives the call the same time."""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


# ------------------------------------------------------------------ what the workers reported


@dataclass
class Call:
    """One editor call a worker announced."""

    worker: str
    seq: int
    method: str
    args: tuple
    kwargs: dict
    now: str

    def __str__(self) -> str:
        text = f"{self.worker}#{self.seq} {self.method}{_short(self.args, self.kwargs)}"
        return text if len(text) < 300 else text[:300] + "…"


def _short(args: tuple, kwargs: dict) -> str:
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    return "(" + ", ".join(parts) + ")"


@dataclass
class Log:
    """A worker's report: acknowledged calls with their revisions, refusals, errors, the last call."""

    name: str
    ready: bool = False
    bye: bool = False
    acked: list[tuple[int, Call]] = field(default_factory=list)
    refused: list[Call] = field(default_factory=list)
    errors: list[tuple[Call, str]] = field(default_factory=list)
    pending: Call | None = None
    """The call announced last and neither acknowledged nor refused: it may have committed."""
    problems: list[str] = field(default_factory=list)

    @property
    def last_acked(self) -> int:
        return self.acked[-1][0] if self.acked else -1


def read_log(path: Path, name: str) -> Log:
    """Parse a worker's stdout; a last line cut short by the kill is ignored."""
    log = Log(name)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.split("\n")[:-1]  # whatever follows the last newline was never finished
    for line in lines:
        word, _, rest = line.partition(" ")
        if word == "READY":
            log.ready = True
        elif word == "BYE":
            log.bye = True
        elif word == "INTENT":
            seq, payload = rest.split(" ", 1)
            if log.pending is not None:
                log.problems.append(f"{name}: {log.pending} was announced and never answered")
            method, args, kwargs, now = pickle.loads(base64.b64decode(payload))
            log.pending = Call(name, int(seq), method, args, kwargs, now)
        elif word in ("ACK", "REFUSED", "ERROR"):
            seq, detail = rest.split(" ", 1)
            call = log.pending
            if call is None or call.seq != int(seq):
                log.problems.append(f"{name}: {word} {seq} answers no announced call")
                continue
            log.pending = None
            if word == "ACK":
                log.acked.append((int(detail), call))
            elif word == "REFUSED":
                log.refused.append(call)
            else:
                log.errors.append((call, base64.b64decode(detail).decode()))
        else:
            log.problems.append(f"{name}: unreadable line {line[:80]!r}")
    return log


# ------------------------------------------------------------------ checking a round


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file, through SQLite's backup API."""
    for extra in ("", "-wal", "-shm"):
        Path(f"{target}{extra}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def case_revision(path: Path, case_id: int) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT revision FROM cases WHERE id=?", (case_id,)).fetchone()[0])
    finally:
        con.close()


def database_problems(path: Path) -> list[str]:
    """What ``integrity_check`` and ``foreign_key_check`` find wrong with the file."""
    con = sqlite3.connect(path)
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check")]
        foreign = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    found = [] if integrity == ["ok"] else [f"integrity_check: {integrity[:5]}"]
    if foreign:
        found.append(f"foreign_key_check: {foreign[:5]}")
    return found


Plan = list[tuple[int, Call]]


def candidate_plans(logs: list[Log], start: int, final: int) -> tuple[list[Plan], list[str]]:
    """The orders of calls that could have made revisions start+1 … final, and what rules all out."""
    problems: list[str] = []
    acked: dict[int, Call] = {}
    for log in logs:
        previous = start
        for rev, call in log.acked:
            if rev in acked:
                problems.append(f"revision {rev} acknowledged twice: {acked[rev]} and {call}")
            if not start < rev <= final:
                problems.append(f"{call} acknowledged revision {rev}, outside ({start}, {final}]")
            if rev <= previous:
                problems.append(f"{call} acknowledged revision {rev} after revision {previous}")
            previous = rev
            acked[rev] = call
    missing = [rev for rev in range(start + 1, final + 1) if rev not in acked]
    pending = [log for log in logs if log.pending is not None]
    plans = []
    for chosen in itertools.permutations(pending, len(missing)):
        if all(rev > log.last_acked for log, rev in zip(chosen, missing)):
            extra = {rev: log.pending for log, rev in zip(chosen, missing)}
            plans.append(sorted({**acked, **extra}.items()))  # type: ignore[arg-type]
    if not plans and not problems:
        problems.append(f"revisions {missing} were committed but no worker acknowledged them; "
                        f"calls in flight: {[str(log.pending) for log in pending]}")
    return plans, problems


class ReplayFailed(Exception):
    """A call that committed in the soak could not be made again the same way."""


def replay(start: Path, case_id: int, plan: Plan, target: Path, revisions: bool = True) -> None:
    """Make the plan's calls, in order, with one editor on a copy of ``start`` at ``target``.

    Each call must succeed and (unless ``revisions`` is false) make the revision it made in
    the soak; each gets the analyst and the clock it had there."""
    copy_database(start, target)
    clock = [""]
    with Workspace.open(target, create=False) as ws, \
            mock.patch.object(store_cases, "utc_now", lambda: clock[0]):
        editor = CaseEditor.open(ws, case_id, "replay")
        editor.rate_as(SOAK_ANALYST)
        for rev, call in plan:
            editor.analyst, clock[0] = call.worker, call.now
            try:
                getattr(editor, call.method)(*call.args, **call.kwargs)
            except Exception as exc:
                raise ReplayFailed(f"revision {rev}: {call} raised {type(exc).__name__}: {exc}") from exc
            if revisions and editor.revision != rev:
                raise ReplayFailed(f"{call} made revision {editor.revision}, the soak's made {rev}")
        stored = svc.load_case(ws, case_id)
        if editor.case != stored:
            raise ReplayFailed("after the replay the editor's case differs from the one it wrote")


@dataclass
class RoundReport:
    kills: int = 0
    acked: int = 0
    refused: int = 0
    pending_committed: int = 0
    problems: list[str] = field(default_factory=list)
    methods: collections.Counter = field(default_factory=collections.Counter)
    refusals: collections.Counter = field(default_factory=collections.Counter)

    def add(self, other: RoundReport) -> None:
        self.kills += other.kills
        self.acked += other.acked
        self.refused += other.refused
        self.pending_committed += other.pending_committed
        self.methods.update(other.methods)
        self.refusals.update(other.refusals)


def check_round(start: Path, end: Path, case_id: int, logs: list[Log], scratch: Path,
                report: RoundReport) -> None:
    """Add to ``report`` what is wrong with the workspace ``end`` after a round that began at
    ``start``, given the workers' logs; replays go into ``scratch``."""
    for log in logs:
        report.problems += log.problems
        report.problems += [f"{call} raised an unexpected exception:\n{tb}" for call, tb in log.errors]
        report.acked += len(log.acked)
        report.refused += len(log.refused)
        report.methods.update(call.method for _rev, call in log.acked)
        report.refusals.update(call.method for call in log.refused)
    plans, problems = candidate_plans(logs, case_revision(start, case_id), case_revision(end, case_id))
    report.problems += problems
    if problems:
        return
    expected = canonical_dump(end, IGNORE)
    failures = []
    for number, plan in enumerate(plans):
        target = scratch / f"replay{number}.sqlite"
        try:
            replay(start, case_id, plan, target)
        except ReplayFailed as exc:
            failures.append(str(exc))
            continue
        got = canonical_dump(target, IGNORE)
        if got == expected:
            report.pending_committed += len(plan) - sum(len(log.acked) for log in logs)
            return
        failures.append(f"the replay of {len(plan)} calls differs from the workspace:\n"
                        + describe_difference(got, expected, names=("replay", "workspace")))
    report.problems.append("no replay of the acknowledged edits gives the workspace:\n"
                           + "\n".join(failures))


def replay_folder() -> tempfile.TemporaryDirectory:
    """A folder for replays, in memory where the system has one: a replay commits every edit,
    and it need not wait for the disk."""
    shm = Path("/dev/shm")
    memory = shm.is_dir() and os.access(shm, os.W_OK)
    return tempfile.TemporaryDirectory(prefix="sat-soak-", dir=shm if memory else None)


# ------------------------------------------------------------------ running a round


class ForkServer:
    """A ``soak_worker.py --fork-server`` process: it has imported everything once, and
    starts each worker by forking, in milliseconds."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, str(WORKER), "--fork-server"], env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def ask(self, line: str) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise RuntimeError(f"the fork server exited with {self.proc.wait()}")
        return answer.strip()

    def close(self) -> None:
        """Stop the server; it kills any worker still running."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=STOP_TIMEOUT)

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class Worker:
    """One worker process started by the fork server (the few calls of Popen that rounds use)."""

    def __init__(self, server: ForkServer, real: Path, case_id: int, work: Path, name: str,
                 seed: int) -> None:
        self.server, self.name = server, name
        self.out, self.err = work / f"{name}.out", work / f"{name}.err"
        spec = [str(self.out), str(self.err), str(real), case_id, seed, name]
        self.pid = int(server.ask("spawn " + json.dumps(spec)).split()[1])
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            answer = self.server.ask(f"poll {self.pid}")
            if answer != "running":
                self.returncode = int(answer.split()[1])
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:  # not yet reaped, so the pid is still this worker's
            os.kill(self.pid, sig)

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"worker {self.name}", timeout)
            time.sleep(0.002)
        return self.returncode  # type: ignore[return-value]

    def ready(self) -> bool:
        return self.out.exists() and self.out.read_bytes().startswith(b"READY")


def wait_ready(workers: list[Worker]) -> list[str]:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    waiting = list(workers)
    while waiting and time.monotonic() < deadline:
        for worker in list(waiting):
            if worker.ready():
                waiting.remove(worker)
            elif worker.poll() is not None:
                return [f"{worker.name} exited with {worker.returncode} before opening the case:\n"
                        + worker.err.read_text()[-3000:]]
        time.sleep(0.002)
    return [f"{worker.name} did not open the case within {STARTUP_TIMEOUT:.0f} s" for worker in waiting]


@dataclass
class Round:
    """A round that has run: its report so far, the workers' logs, and copies of the workspace
    as it was before (``start``) and after (``end``)."""

    report: RoundReport
    logs: list[Log]
    start: Path
    end: Path


def drive_round(rng: random.Random, server: ForkServer, real: Path, case_id: int, work: Path,
                kill: bool = True) -> Round:
    """Start both workers, kill one or both at random moments, and check the file at once.

    ``kill=False`` stops both with SIGTERM instead, so that nothing is left in flight.
    """
    report = RoundReport()
    work.mkdir(parents=True, exist_ok=True)
    start, end = work / "start.sqlite", work / "end.sqlite"
    copy_database(real, start)
    if kill and rng.random() < 0.7:
        signals = [signal.SIGKILL, signal.SIGKILL]
    elif kill:
        signals = rng.sample([signal.SIGKILL, signal.SIGTERM], 2)
    else:
        signals = [signal.SIGTERM, signal.SIGTERM]
    workers = [Worker(server, real, case_id, work, name, rng.randrange(2**32)) for name in NAMES]
    try:
        report.problems += wait_ready(workers)
        t0 = time.monotonic()
        moments = sorted((t0 + rng.uniform(*RUN_SECONDS), i) for i in range(len(workers)))
        for moment, i in moments:
            time.sleep(max(0.0, moment - time.monotonic()))
            if workers[i].poll() is None:
                workers[i].send_signal(signals[i])
                report.kills += signals[i] == signal.SIGKILL
        for worker in workers:
            try:
                worker.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                report.problems.append(f"{worker.name} did not stop within {STOP_TIMEOUT:.0f} s")
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                worker.wait(timeout=STOP_TIMEOUT)
    report.problems += database_problems(real)
    copy_database(real, end)
    logs = [read_log(worker.out, worker.name) for worker in workers]
    for worker, sent, log in zip(workers, signals, logs):
        wanted = -signal.SIGKILL if sent == signal.SIGKILL else 0
        if worker.returncode != wanted or (sent == signal.SIGTERM and not log.bye):
            report.problems.append(f"{worker.name} ended with {worker.returncode}, not {wanted}:\n"
                                   + worker.err.read_text()[-3000:])
    return Round(report, logs, start, end)


def finish_round(done: Round, case_id: int) -> RoundReport:
    """The replay check of a round that has run."""
    with replay_folder() as replays:
        check_round(done.start, done.end, case_id, done.logs, Path(replays), done.report)
    return done.report


# ------------------------------------------------------------------ the tests


def test_two_processes_killed_at_random_keep_exactly_the_acknowledged_edits(tmp_path: Path):
    """Random edits, undo and redo from two processes, SIGKILLed at random, until KILLS kills.

    While one round runs, the previous one is checked in a thread.
    """
    seed = int(os.environ.get("SAT_TOOL_SOAK_SEED") or random.randrange(2**32))
    rng = random.Random(seed)
    real = tmp_path / "workspace.sqlite"
    with Workspace.open(real) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
    began = time.monotonic()
    total = RoundReport()
    rounds = 0
    failures: list[str] = []
    checks: list[tuple[int, concurrent.futures.Future]] = []

    def collect(wait: bool) -> None:
        for number, future in list(checks):
            if wait or future.done():
                checks.remove((number, future))
                report = future.result()
                total.add(report)
                work = tmp_path / f"round{number}"
                if report.problems:
                    failures.append(f"round {number} (files kept in {work}):\n" + "\n".join(report.problems))
                else:
                    shutil.rmtree(work)

    with ForkServer() as server, concurrent.futures.ThreadPoolExecutor(max_workers=1) as checker:
        kills = 0
        while kills < KILLS and len(failures) < MAX_FAILED_ROUNDS:
            rounds += 1
            done = drive_round(rng, server, real, case_id, tmp_path / f"round{rounds}")
            kills += done.report.kills
            checks.append((rounds, checker.submit(finish_round, done, case_id)))
            collect(wait=False)
        collect(wait=True)
    elapsed = time.monotonic() - began
    summary = (f"soak seed {seed}: {rounds} rounds, {total.kills} kills survived, "
               f"{total.acked} acknowledged edits checked "
               f"(+{total.pending_committed} unacknowledged that had committed), "
               f"{total.refused} refusals, {elapsed:.1f} s")
    print("\n" + summary)
    print("acknowledged, by method: " + ", ".join(f"{m} {n}" for m, n in sorted(total.methods.items())))
    print("refused, by method: " + ", ".join(f"{m} {n}" for m, n in sorted(total.refusals.items())))
    assert not failures, summary + "\n\n" + "\n\n".join(failures)
    assert total.kills >= KILLS, summary
    assert total.acked > 0 and total.refused > 0, summary


@pytest.fixture(scope="module")
def soaked_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, Round]:
    """One round of both workers stopped cleanly, shared by the tests of the check itself."""
    rng = random.Random(20121)
    base = tmp_path_factory.mktemp("soaked")
    real = base / "workspace.sqlite"
    with Workspace.open(real) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
    with ForkServer() as server:
        done = drive_round(rng, server, real, case_id, base / "round", kill=False)
    assert not done.report.problems, "\n".join(done.report.problems)
    assert sum(len(log.acked) for log in done.logs) >= 10
    return real, case_id, done


@pytest.fixture
def soaked(soaked_once, tmp_path: Path) -> tuple[Path, int, Path, list[Log], random.Random]:
    """(workspace after the round, case id, its start copy, the logs, an rng), this test's own copies."""
    real, case_id, done = soaked_once
    mine = tmp_path / "workspace.sqlite"
    copy_database(done.end, mine)
    return mine, case_id, done.start, copy.deepcopy(done.logs), random.Random(7)


def test_the_check_sees_a_missing_edit(soaked, tmp_path: Path):
    """Leaving one acknowledged edit out of the replay makes the dumps differ: the check can fail."""
    real, case_id, start, logs, rng = soaked
    title = "A title only this edit gives"
    with Workspace.open(real) as ws:
        editor = CaseEditor.open(ws, case_id, "tester")
        editor.update_case(title=title)
        logs.append(Log("tester", acked=[(editor.revision, Call(
            "tester", 1, "update_case", (), {"title": title}, store_cases.utc_now()))]))
    plans, problems = candidate_plans(logs, case_revision(start, case_id), case_revision(real, case_id))
    assert not problems and len(plans) == 1
    (plan,) = plans
    expected = canonical_dump(real, IGNORE)

    replay(start, case_id, plan, tmp_path / "whole.sqlite")
    assert canonical_dump(tmp_path / "whole.sqlite", IGNORE) == expected

    replay(start, case_id, plan[:-1], tmp_path / "short.sqlite")
    got = canonical_dump(tmp_path / "short.sqlite", IGNORE)
    assert got != expected
    difference = describe_difference(got, expected)
    assert title in difference and "revision" in difference

    # A worker's edit that added something, left out of the middle (revisions unchecked): the
    # replay fails, or ends with other ids and counters, even with the case's revision ignored.
    without_revision = {"cases": {"last_opened", "revision"}}
    adds = [i for i, (_rev, call) in enumerate(plan[:-1]) if call.method.startswith("add_")]
    assert adds
    for gap in rng.sample(adds, min(3, len(adds))):
        try:
            replay(start, case_id, plan[:gap] + plan[gap + 1:], tmp_path / "gap.sqlite", revisions=False)
        except ReplayFailed:
            continue
        assert canonical_dump(tmp_path / "gap.sqlite", without_revision) != canonical_dump(
            real, without_revision)


def test_the_check_fails_on_a_lost_acknowledgement_or_a_row_changed_behind_its_back(
        soaked, tmp_path: Path):
    """check_round reports a revision nobody acknowledged and a row no edit wrote."""
    real, case_id, start, logs, rng = soaked
    report = RoundReport()
    check_round(start, real, case_id, logs, tmp_path, report)
    assert report.problems == [] and report.pending_committed == 0

    # A committed edit whose acknowledgement is lost, and that no call in flight explains.
    log = rng.choice([log for log in logs if len(log.acked) > 1])
    at = rng.randrange(len(log.acked) - 1)
    lost = log.acked.pop(at)
    report = RoundReport()
    check_round(start, real, case_id, logs, tmp_path, report)
    assert any(f"revisions [{lost[0]}] were committed" in p for p in report.problems), report.problems
    log.acked.insert(at, lost)

    # The last edit of a worker as if it had been killed between the commit and the ACK: fine.
    rev, call = log.acked.pop()
    log.pending = call
    report = RoundReport()
    check_round(start, real, case_id, logs, tmp_path, report)
    assert report.problems == [] and report.pending_committed == 1
    log.pending = None
    log.acked.append((rev, call))

    # A row changed by something other than the acknowledged edits.
    con = sqlite3.connect(real)
    with con:
        con.execute("UPDATE evidence SET notes = notes || ' (changed behind its back)' "
                    "WHERE id = (SELECT MIN(id) FROM evidence)")
    con.close()
    report = RoundReport()
    check_round(start, real, case_id, logs, tmp_path, report)
    assert any("changed behind its back" in p for p in report.problems), report.problems
