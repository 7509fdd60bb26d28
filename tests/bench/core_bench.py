"""Figures of the core: the database write of one rating, scoring, the background analyses,
and the start of the application against a bare PySide6 window."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.synthetic import SIZES, write_bundle  # noqa: E402
from tests.bench.table import Figure, median_time, run_alone, time_rating_writes  # noqa: E402


def _case(folder: Path, rows: int, columns: int):  # noqa: ANN202
    from sat_tool.formats.bundle import case_from_dict

    return case_from_dict(json.loads(write_bundle(folder, rows, columns).read_text("utf-8")))


def database_write(folder: Path) -> list[Figure]:
    """One rating written through the editor against a raw sqlite3 UPDATE + COMMIT of it."""
    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    figures = []
    for rows, columns in ((20, 5), (2000, 30)):
        path = folder / f"write-{rows}x{columns}.sqlite"
        path.unlink(missing_ok=True)
        with Workspace.open(path) as ws:
            case_id = svc.import_bundle(ws, write_bundle(folder, rows, columns))
            editor = CaseEditor.open(ws, case_id, "Bench Analyst")
            raw = sqlite3.connect(path, isolation_level=None)
            raw.execute("PRAGMA synchronous=FULL")

            def bare(cell: tuple[int, int], code: str) -> None:
                raw.execute("BEGIN IMMEDIATE")
                raw.execute("UPDATE ratings SET rating = ? WHERE evidence_id = ? AND hypothesis_id = ?",
                            (code, *cell))
                raw.execute("COMMIT")

            ours_s, floor_s = time_rating_writes(editor, bare)
            raw.close()
        figures.append(Figure("Edit: the database write of one rating", f"{rows:,} × {columns}",
                              ours_s, floor_s, "raw sqlite3 UPDATE + COMMIT (synchronous=FULL)",
                              target=2.0))
    return figures


def analysis(folder: Path) -> list[Figure]:
    """How long the background findings take, per size, and scoring whole against one cell."""
    from sat_tool.domain import Rating
    from sat_tool.domain.guide import review_steps
    from sat_tool.domain.model import Assessment
    from sat_tool.domain.scoring import ScoreBook, score_matrix
    from sat_tool.domain.sensitivity import contributions, fewest_changes, linchpins

    figures = []
    for rows, columns in SIZES:
        case = _case(folder, rows, columns)
        mat = case.matrices[0]
        repeats = 3 if rows * columns <= 60_000 else 1
        size = f"{rows:,} × {columns}"
        full = median_time(lambda: score_matrix(case, mat), repeats)
        book = ScoreBook(case, mat)
        cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
        state = {"n": 0}

        def one_cell() -> None:
            state["n"] += 1
            mat.ratings[cell] = Assessment(Rating.II if state["n"] % 2 else Rating.C, "A")
            book.update(mat, [cell])
            book.scores(mat)

        figures.append(Figure("Scores: one rating, updated in place", size,
                              median_time(one_cell, 21), full, "scoring the whole matrix"))
        pins = median_time(lambda: linchpins(case, mat), repeats)
        fewest = median_time(lambda: fewest_changes(case, mat), repeats)
        parts = median_time(lambda: contributions(case, mat), repeats)
        steps = median_time(lambda: review_steps(case, mat), repeats)
        figures.append(Figure("Analysis (worker): linchpins", size, pins))
        figures.append(Figure("Analysis (worker): fewest changes", size, fewest))
        figures.append(Figure("Analysis (worker): contributions", size, parts))
        figures.append(Figure("Analysis (worker): the eight steps", size, steps))
    return figures


START_BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1600, 1000); w.show()
app.processEvents()
w.repaint()
print("painted", flush=True)
"""

START_OURS = """
import sys
from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui.application import make_application
from sat_tool.ui.main_window import MainWindow
app = make_application()
ws = Workspace.open(sys.argv[1])
win = MainWindow(ws, Preferences.load()); win.resize(1600, 1000)
win.show()
win.open_case(int(sys.argv[2]))
app.processEvents()
win.case_view.current_matrix_page().view.viewport().repaint()
print("painted", flush=True)
print(",".join(m for m in ("matplotlib", "reportlab", "openpyxl", "alembic") if m in sys.modules),
      flush=True)
"""


def start(folder: Path) -> list[Figure]:
    """The application started to its first painted window with the sample case open.

    Both processes print a line once their window is painted; the time is taken when
    the line arrives, so that neither's tear-down is counted.
    """
    from sat_tool.services import cases as svc
    from sat_tool.store import Workspace

    path = folder / "start.sqlite"
    path.unlink(missing_ok=True)
    with Workspace.open(path) as ws:
        case_id = svc.import_bundle(ws, ROOT / "cases" / "azerbaijan-2012.json")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               SAT_TOOL_CONFIG_DIR=str(folder / "config"), SAT_TOOL_LOG_DIR=str(folder / "log"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program runs from compiled modules
    loaded = ""

    def run(code: str, *args: str) -> float:
        nonlocal loaded
        begin = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", code, *args], env=env, cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None
        line = child.stdout.readline()
        painted = time.perf_counter() - begin
        rest = child.stdout.read()
        child.wait()
        if not line.startswith("painted"):
            raise RuntimeError("the start-up script did not paint its window")
        if args:
            loaded = rest.strip()
        return painted

    run(START_BARE)
    run(START_OURS, str(path), str(case_id))  # warm the file caches for both
    pairs = [(run(START_OURS, str(path), str(case_id)), run(START_BARE)) for _ in range(7)]
    ours = sorted(p[0] for p in pairs)[3]
    bare = sorted(p[1] for p in pairs)[3]
    return [Figure("Start: to the first painted window with the sample case", "sample",
                   ours, bare, "a bare PySide6 process showing an empty QMainWindow", target=1.5,
                   note="heavy modules loaded by then: " + (
                       loaded or "none of matplotlib, reportlab, openpyxl, alembic"))]


def measure(folder: Path) -> list[Figure]:
    return database_write(folder) + analysis(folder) + start(folder)


if __name__ == "__main__":
    run_alone(measure)
