"""The GUI figures: one rating keystroke, painting a viewport, opening a case to first paint.

Drives the real widgets offscreen: the main window on a workspace holding a
synthetic case, its first matrix shown at 1600 × 1000 with the Sensitivity tab in
front (the heaviest panel). Each size runs in its own process (``--size R C``) so
that one case's memory does not weigh on the next; the parent collects JSON.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.table import Figure, run_alone  # noqa: E402

KEYS = 9
"""Keystrokes measured per size (their median is reported)."""


def _settle(app, until: float = 0.0) -> None:  # noqa: ANN001
    """Process events (and posted ones) now, or until ``until`` seconds have passed."""
    app.sendPostedEvents()
    app.processEvents()
    app.sendPostedEvents()
    app.processEvents()
    end = time.perf_counter() + until
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def run_size(workspace: Path, rows: int, columns: int) -> dict:
    """Every GUI figure of one size, in this process."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from sat_tool.services import cases as svc
    from sat_tool.settings import Preferences
    from sat_tool.store import Workspace
    from sat_tool.ui.application import make_application
    from sat_tool.ui.main_window import MainWindow

    app = make_application()
    ws = Workspace.open(workspace)
    case_id = svc.list_cases(ws)[0].id
    win = MainWindow(ws, Preferences(analyst="Bench Analyst"))
    win.resize(1600, 1000)
    win.show()
    _settle(app)
    start = time.perf_counter()
    win.open_case(case_id)
    page = win.case_view.current_matrix_page()
    page.view.viewport().repaint()
    opened = time.perf_counter() - start
    _settle(app, 0.3)
    page.show_panel(page.sensitivity_panel)
    _settle(app, 0.5)
    view = page.view
    # Wait for the analysis to settle before timing keystrokes.
    analysis_wait = _wait_analysis(app, page)
    keys = [Qt.Key.Key_1, Qt.Key.Key_4, Qt.Key.Key_2, Qt.Key.Key_5, Qt.Key.Key_3]
    times, analysis = [], []
    for n in range(KEYS):
        row = (n * 7) % max(1, min(rows, 25))
        view.setCurrentIndex(view.proxy.index(row, page.model.FIRST_HYPOTHESIS + n % columns))
        _settle(app)
        start = time.perf_counter()
        QTest.keyClick(view, keys[n % len(keys)])
        _settle(app)  # the update requests it posted are painted here, as the event loop would
        times.append(time.perf_counter() - start)
        analysis.append(_wait_analysis(app, page) + times[-1])
    # One full viewport repaint, median of several.
    paints = []
    for _ in range(7):
        start = time.perf_counter()
        view.viewport().repaint()
        paints.append(time.perf_counter() - start)
    peak = _peak_mib()
    win.close()
    ws.close()
    return {"keystroke": statistics.median(times), "analysis": statistics.median(analysis),
            "paint": statistics.median(paints), "open": opened, "peak_mib": peak,
            "first_analysis": analysis_wait}


def _peak_mib() -> float:
    """This process's peak resident memory (VmHWM: of its own address space, unlike ru_maxrss,
    which on Linux keeps the parent's peak across fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wait_analysis(app, page, limit: float = 600.0) -> float:  # noqa: ANN001
    """Seconds until the page's analysis is current (no work pending), processing events."""
    start = time.perf_counter()
    while page.analysis_busy() and time.perf_counter() - start < limit:
        app.processEvents()
        time.sleep(0.001)
    _settle(app)
    return time.perf_counter() - start


def prepare(folder: Path, rows: int, columns: int) -> Path:
    """A workspace holding the synthetic case of one size (made once)."""
    from tests.bench.synthetic import write_bundle

    workspace = folder / f"gui-{rows}x{columns}.sqlite"
    if not workspace.exists():
        subprocess.run([sys.executable, "-m", "sat_tool", "--workspace", str(workspace), "import",
                        str(write_bundle(folder, rows, columns))], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
    return workspace


def measure(folder: Path, sizes=None) -> list[Figure]:  # noqa: ANN001
    """Run each size in its own process and turn the results into table rows."""
    from tests.bench.synthetic import SIZES

    results = {}
    for rows, columns in sizes or SIZES:
        workspace = prepare(folder, rows, columns)
        out = subprocess.run([sys.executable, __file__, "--size", str(rows), str(columns),
                              str(workspace)], check=True, capture_output=True, text=True, cwd=ROOT)
        results[(rows, columns)] = json.loads(out.stdout.strip().splitlines()[-1])
    figures = []
    small = results.get((20, 5))
    for (rows, columns), r in results.items():
        size = f"{rows:,} × {columns}"
        if (rows, columns) == (20, 5):
            figures.append(Figure("Edit: one rating keystroke to repaint", size, r["keystroke"],
                                  target=0.016, note="one frame (16 ms)"))
        else:
            figures.append(Figure("Edit: one rating keystroke to repaint", size, r["keystroke"],
                                  small["keystroke"] if small else None, "the 20 × 5 keystroke",
                                  target=2.0 if (rows, columns) == (2000, 30) else None))
        figures.append(Figure("Analysis: keystroke until linchpins, fewest changes and chart are "
                              "current", size, r["analysis"], note="in a worker, off the keystroke"))
        figures.append(Figure("Scroll: paint a full 1600 × 1000 viewport", size, r["paint"],
                              small["paint"] if small and (rows, columns) != (20, 5) else None,
                              "the 20 × 5 viewport" if small else "",
                              target=1.5 if (rows, columns) == (10000, 50) else None))
        figures.append(Figure("Open: case in the GUI to first paint", size, r["open"]))
        data = (folder / f"gui-{rows}x{columns}.sqlite").stat().st_size / 2**20
        figures.append(Figure("Open: peak resident memory of the GUI process", size, r["peak_mib"],
                              unit="MiB", note=f"(its workspace file: {data:,.0f} MiB)"))
    return figures


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "--size":
        print(json.dumps(run_size(Path(sys.argv[4]), int(sys.argv[2]), int(sys.argv[3]))))
    else:
        chosen = [tuple(int(x) for x in s.split("x")) for s in sys.argv[1:]] or None
        run_alone(lambda folder: measure(folder, chosen))
