"""Start-up and the headless ``score`` command, each against the plainest way to do the same.

* **CLI: score --json** on a 10,000 × 50 case (every cell rated): ``sat-tool --workspace W
  score CASE --json`` as a whole process, against a plain-Python script that opens the
  workspace with the standard library's ``sqlite3``, selects the matrix's ratings with
  each row's credibility and relevance, sums inconsistency and weighted inconsistency
  per hypothesis and the diagnosticity of each row, groups the rows into lines of
  evidence (origin, else source, else the item alone), works out the posteriors and
  each line's pull and the posteriors without it, and prints JSON. Both are timed
  the same way, whole processes started with ``subprocess.run``, wall time, the median
  of a few runs taken in turn. The sums of both are compared once, so the floor is
  known to do the same work.
* **Start: imports of sat_tool.cli**, a whole ``python -c "import sat_tool.cli"``
  process, against ``python -c "import PySide6.QtWidgets"`` (reported only). Its note
  lists which heavy modules (matplotlib, reportlab, openpyxl, alembic) each way of
  starting loads, and what SQLAlchemy alone costs to import.

Processes run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed), as an
installed program has its modules compiled; a first, untimed run of each warms the
caches. Run alone: ``python -m tests.bench.start_bench`` (``SAT_TOOL_BENCH_DIR`` keeps
the workspace between runs).
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench.table import Figure, run_alone  # noqa: E402

ROWS, COLUMNS = 10_000, 50
TITLE = f"Bench {ROWS} x {COLUMNS}"
"""The synthetic case's title (see :func:`tests.bench.synthetic.bundle`), by which it is scored."""
REPEATS = 5
HEAVY = ("matplotlib", "reportlab", "openpyxl", "alembic")

FLOOR = r"""
import json, math, sqlite3, sys

path, title = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
weight = {"High": math.sqrt(2), "Medium": 1.0, "Low": 1 / math.sqrt(2)}
points = {"I": 1, "II": 2}
signed = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
likelihood = {"CC": 0.9, "C": 0.7, "N": 0.5, "I": 0.3, "II": 0.1, "NA": 0.5}
discount = {"High": 1.0, "Medium": 0.8, "Low": 0.5}
(case, matrix) = db.execute("SELECT c.id, m.id FROM matrices m JOIN cases c ON c.id = m.case_id "
                            "WHERE c.title = ? ORDER BY m.position LIMIT 1", (title,)).fetchone()
found = db.execute("SELECT h.id, j.prior FROM hypotheses h LEFT JOIN judgments j ON "
                   "j.hypothesis_id = h.id AND j.analyst_id = (SELECT min(id) FROM analysts) "
                   "WHERE h.matrix_id = ? ORDER BY h.position",
                   (matrix,)).fetchall()
hypotheses = [h for h, _ in found]
given = {h: p for h, p in found if p is not None}
rest = [h for h in hypotheses if h not in given]
prior = {h: given.get(h, max(0.0, 1 - sum(given.values())) / len(rest) if rest else 0.0)
         for h in hypotheses} if given else dict.fromkeys(hypotheses, 1.0)
norm = sum(prior.values())
prior = {h: p / norm for h, p in prior.items()} if norm > 0 else dict.fromkeys(hypotheses, 1.0)
titles = {" ".join(t.split()).casefold(): s for s, t in db.execute(
    "SELECT id, title FROM sources WHERE case_id = ?", (case,)) if t.strip()}
order, line_of = [], {}
for evidence, number, origin, source in db.execute(
        "SELECT e.id, e.number, e.origin, e.source_id FROM matrix_evidence me "
        "JOIN evidence e ON e.id = me.evidence_id WHERE me.matrix_id = ? ORDER BY me.position",
        (matrix,)):
    origin = " ".join(origin.split()).casefold()
    key = (("source", titles[origin]) if origin in titles else ("origin", origin)) if origin else \
        ("source", source) if source is not None else ("item", evidence)
    order.append(evidence)
    line_of[evidence] = (key, number)
inconsistency = dict.fromkeys(hypotheses, 0)
weighted = dict.fromkeys(hypotheses, 0.0)
rows = {e: [] for e in order}
logs = {e: dict.fromkeys(hypotheses, math.log(0.5)) for e in order}
for evidence, hypothesis, rating, override, credibility, relevance in db.execute(
        "SELECT r.evidence_id, r.hypothesis_id, r.rating, r.likelihood, e.credibility, "
        "me.relevance FROM matrix_evidence me JOIN evidence e ON e.id = me.evidence_id "
        "JOIN ratings r ON r.evidence_id = me.evidence_id "
        "JOIN hypotheses h ON h.id = r.hypothesis_id AND h.matrix_id = me.matrix_id "
        "WHERE me.matrix_id = ? AND r.analyst_id = (SELECT min(id) FROM analysts)", (matrix,)):
    p = points.get(rating, 0)
    inconsistency[hypothesis] += p
    weighted[hypothesis] += weight[credibility] * weight[relevance] * p
    if rating in signed:
        rows[evidence].append(signed[rating])
    if override is None:
        k = discount[credibility] * discount[relevance]
        override = 0.5 + k * (likelihood[rating] - 0.5)
    logs[evidence][hypothesis] = math.log(max(1e-6, override))
diagnosticity = []
for evidence in order:
    values = rows[evidence]
    if len(values) < 2:
        diagnosticity.append(None)
        continue
    mean = sum(values) / len(values)
    diagnosticity.append(math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)))
members = {}
for evidence in order:
    members.setdefault(line_of[evidence][0], []).append(evidence)
means = {key: {h: sum(logs[e][h] for e in items) / len(items) for h in hypotheses}
         for key, items in members.items()}
total = {h: math.fsum(mean[h] for mean in means.values()) for h in hypotheses}

def posteriors(logs):
    weights = {h: math.log(prior[h]) + logs[h] if prior[h] > 0 else -math.inf for h in hypotheses}
    top = max(weights.values())
    exp = {h: math.exp(w - top) if w > -math.inf else 0.0 for h, w in weights.items()}
    return {h: e / sum(exp.values()) for h, e in exp.items()}

lines = [{"first": f"E{line_of[items[0]][1]}",
          "against": [round(-(means[key][h] - math.log(0.5)) / math.log(2), 6) for h in hypotheses],
          "without": [round(p, 6) for p in posteriors(
              {h: total[h] - means[key][h] for h in hypotheses}).values()]}
         for key, items in members.items()]
now = posteriors(total)
print(json.dumps({"hypotheses": [{"id": h, "inconsistency": inconsistency[h], "weighted": weighted[h],
                                  "probability": now[h]} for h in hypotheses],
                  "diagnosticity": diagnosticity, "lines": lines}))
"""
"""The floor of ``score --json``: the same sums, probabilities and lines of evidence, over the
standard library's ``sqlite3`` alone."""

PROBE = r"""
import json, sys
HEAVY = {heavy!r}
{action}
print(json.dumps(sorted(name for name in HEAVY if name in sys.modules)))
"""

SHOWN = """
import os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui.application import make_application
from sat_tool.ui.main_window import MainWindow
app = make_application()
window = MainWindow(Workspace.open(sys.argv[1]), Preferences(analyst="Bench Analyst"))
window.show()
for _ in range(20):
    app.processEvents()
"""
"""Start the desktop application on a workspace and show its main window, offscreen."""


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("SAT_TOOL_LOG_DIR", str(Path(env.get("TMPDIR", "/tmp")) / "sat-bench-log"))
    return env


def _sat_tool() -> list[str]:
    """The installed ``sat-tool`` program beside this Python, else ``python -m sat_tool``."""
    script = Path(sys.executable).with_name("sat-tool")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sat_tool"]


def _run(argv: list[str]) -> str:
    done = subprocess.run(argv, check=True, capture_output=True, text=True, cwd=ROOT, env=_env())
    return done.stdout


def _timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=_env())
    return time.perf_counter() - start


def _medians(commands: list[list[str]], repeats: int = REPEATS) -> list[float]:
    """The median wall time of each command, run in turn ``repeats`` times after one untimed run."""
    for argv in commands:
        _timed(argv)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(repeats):
        for argv, found in zip(commands, times):
            found.append(_timed(argv))
    return [statistics.median(found) for found in times]


def prepare(folder: Path) -> Path:
    """A workspace holding the 10,000 × 50 synthetic case, imported once by ``sat-tool import``."""
    from tests.bench.synthetic import write_bundle

    workspace = folder / f"start-{ROWS}x{COLUMNS}.sqlite"
    if not workspace.exists():
        bundle = write_bundle(folder, ROWS, COLUMNS)
        partial = folder / f"start-{ROWS}x{COLUMNS}.importing.sqlite"
        partial.unlink(missing_ok=True)
        _run([*_sat_tool(), "--workspace", str(partial), "import", str(bundle)])
        partial.rename(workspace)
    return workspace


def _check_same_sums(ours: str, floor: str) -> None:
    """The floor computes what ``score --json`` reports: the same sums, diagnosticities,
probabilities and lines of evidence."""
    report = json.loads(ours)["matrices"][0]
    plain = json.loads(floor)
    assert [h["inconsistency"] for h in report["hypotheses"]] == \
        [h["inconsistency"] for h in plain["hypotheses"]]
    assert all(math.isclose(h["weighted_inconsistency"], p["weighted"], abs_tol=1e-5)
               for h, p in zip(report["hypotheses"], plain["hypotheses"]))
    assert len(report["evidence"]) == len(plain["diagnosticity"]) == ROWS
    assert all((e["diagnosticity"] is None and d is None) or math.isclose(e["diagnosticity"], d,
                                                                           abs_tol=1e-5)
               for e, d in zip(report["evidence"], plain["diagnosticity"]))
    assert all(math.isclose(h["probability"], p["probability"], abs_tol=1e-5)
               for h, p in zip(report["hypotheses"], plain["hypotheses"]))
    lines = {line["evidence"][0]: line for line in report["lines_of_evidence"]}
    assert len(lines) == len(plain["lines"])
    for line in plain["lines"]:
        ours = lines[line["first"]]
        assert all(math.isclose(a, b, abs_tol=1e-5) for a, b in
                   zip(ours["bits_against"].values(), line["against"]))
        assert all(math.isclose(a, b, abs_tol=1e-5) for a, b in
                   zip(ours["probability_without"].values(), line["without"]))


def heavy_modules(workspace: Path) -> dict[str, list[str]]:
    """Which of :data:`HEAVY` each way of starting loads, each in a fresh process."""
    current = workspace.with_name("start-current-schema.sqlite")
    if not current.exists():
        _run([*_sat_tool(), "--workspace", str(current), "import", str(ROOT / "cases" /
                                                                       "azerbaijan-2012.json")])
    cases = (f"from sat_tool.cli import main\n"
             f"sys.stdout = open(__import__('os').devnull, 'w')\n"
             f"assert main(['--workspace', {str(current)!r}, 'cases']) == 0\n"
             f"sys.stdout = sys.__stdout__")
    probes = {
        "import sat_tool.cli": "import sat_tool.cli",
        "sat-tool cases": cases,
        "import sat_tool.ui.main_window": "import sat_tool.ui.main_window",
        "main window shown": SHOWN,
    }
    found = {}
    for label, action in probes.items():
        code = PROBE.replace("{heavy!r}", repr(HEAVY)).replace("{action}", action)
        env = _env()
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        done = subprocess.run([sys.executable, "-c", code, str(current)], check=True,
                              capture_output=True, text=True, cwd=ROOT, env=env)
        found[label] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def measure(folder: Path) -> list[Figure]:
    """The score command and the start-up imports, each with its floor."""
    folder.mkdir(parents=True, exist_ok=True)
    workspace = prepare(folder)
    ours_cmd = [*_sat_tool(), "--workspace", str(workspace), "score", TITLE, "--json"]
    floor_cmd = [sys.executable, "-c", FLOOR, str(workspace), TITLE]
    _check_same_sums(_run(ours_cmd), _run(floor_cmd))
    ours, floor = _medians([ours_cmd, floor_cmd])
    score = Figure("CLI: score --json", f"{ROWS:,} × {COLUMNS}", ours, floor,
                   "plain-Python sums and lines over stdlib sqlite3 (whole processes)", target=3.0,
                   note=f"median of {REPEATS} runs each, taken in turn")

    imports, qt, orm = _medians([[sys.executable, "-c", "import sat_tool.cli"],
                                 [sys.executable, "-c", "import PySide6.QtWidgets"],
                                 [sys.executable, "-c", "import sqlalchemy.orm, sqlalchemy.dialects.sqlite"]],
                                repeats=2 * REPEATS + 1)
    loaded = heavy_modules(workspace)
    said = "; ".join(f"{label}: {', '.join(names) or 'none'}" for label, names in loaded.items())
    start = Figure("Start: imports of sat_tool.cli", "", imports, qt,
                   "bare python -c 'import PySide6.QtWidgets'",
                   note=f"SQLAlchemy alone (orm + sqlite dialect) {orm * 1000:.0f} ms; heavy modules "
                        f"loaded ({', '.join(HEAVY)}): {said}")
    return [score, start]


if __name__ == "__main__":
    run_alone(measure)
