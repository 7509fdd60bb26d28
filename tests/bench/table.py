"""One row of the benchmark table: a figure measured against its floor, side by side."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


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


def print_figures(figures: list[Figure]) -> None:
    """Print figures one per line, as a section of the benchmark does when run alone."""
    for fig in figures:
        scale, unit = (1000, "ms") if fig.unit == "s" else (1, fig.unit)
        ratio = f"  ×{fig.ratio:.3g} of {fig.floor_name}" if fig.ratio is not None else ""
        target = "" if fig.met is None else f"  ({'met' if fig.met else 'NOT met'})"
        print(f"{fig.name:60} {fig.size:>12} {fig.ours * scale:10.1f} {unit}{ratio}{target}")
        if fig.note:
            print(f"    {fig.note}")
