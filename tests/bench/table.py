"""One row of the benchmark table: a figure measured against its floor, side by side."""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """What was measured, against what, and the ratio the target allows (None: reported only)."""

    name: str
    size: str
    ours: float
    """Seconds (or MiB when ``unit`` says so) of ours."""
    floor: float | None = None
    """The same work done the plainest way, measured in the same run; None when there is none."""
    floor_name: str = ""
    target: float | None = None
    """The ratio ours ÷ floor must not exceed (or, with no floor, the bound on ``ours``)."""
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor <= 0:
            return None
        return self.ours / self.floor

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        value = self.ratio if self.floor is not None else self.ours
        return value is not None and value <= self.target


def median_time(action: Callable[[], object], repeats: int = 7) -> float:
    """The median wall time of ``action`` in seconds over ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_rating_writes(editor: Any, bare_update: Callable[[Any, str], None]
                       ) -> tuple[float, float]:
    """(ours, floor): the median time of one rating written through the editor, and of the
    same rating written by ``bare_update(cell, code)``, taken in turn, the middle of three."""
    from sat_tool.domain import Rating

    mat = editor.case.matrices[0]
    cells = [(r.evidence_id, h.id) for r in mat.rows[:7] for h in mat.hypotheses[:3]]
    codes = [Rating.CC, Rating.I, Rating.N]
    state = {"n": 0}

    def ours() -> None:
        n = state["n"] = state["n"] + 1
        editor.rate(mat.id, cells[n % len(cells)], codes[n % 3])

    def floor() -> None:
        n = state["n"] = state["n"] + 1
        bare_update(cells[n % len(cells)], codes[n % 3].value)

    pairs = [(median_time(ours, 5), median_time(floor, 5)) for _ in range(3)]
    return sorted(p[0] for p in pairs)[1], sorted(p[1] for p in pairs)[1]


def print_figures(figures: list[Figure]) -> None:
    """Print figures one per line, as a section of the benchmark does when run alone."""
    for fig in figures:
        scale, unit = (1000, "ms") if fig.unit == "s" else (1, fig.unit)
        ratio = f"  ×{fig.ratio:.3g} of {fig.floor_name}" if fig.ratio is not None else ""
        target = "" if fig.met is None else f"  ({'met' if fig.met else 'NOT met'})"
        print(f"{fig.name:60} {fig.size:>12} {fig.ours * scale:10.1f} {unit}{ratio}{target}")
        if fig.note:
            print(f"    {fig.note}")


@contextmanager
def bench_folder(given: Path | None = None) -> Iterator[Path]:
    """Where a run's synthetic cases go: ``given``, else ``$SAT_TOOL_BENCH_DIR`` (both kept for
    the next run), else a temporary folder removed afterwards (about 100 MB)."""
    kept = given or (Path(os.environ["SAT_TOOL_BENCH_DIR"]) if os.environ.get("SAT_TOOL_BENCH_DIR")
                     else None)
    folder = kept or Path(tempfile.mkdtemp(prefix="sat-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        yield folder
    finally:
        if kept is None:
            shutil.rmtree(folder, ignore_errors=True)


def run_alone(measure: Callable[[Path], list[Figure]], given: Path | None = None) -> None:
    """Run one section on its own and print its figures (see :func:`bench_folder`)."""
    with bench_folder(given) as folder:
        print_figures(measure(folder))
