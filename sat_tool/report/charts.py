"""The charts, drawn on matplotlib Axes with no Qt: the GUI's canvases and the reports share them.

Each ``draw_*`` function clears an Axes, draws, and returns what it showed (for
tests and for the export of a chart's data). :func:`figure_bytes` renders any
figure to PNG or SVG, :func:`write_chart` saves one to a file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sat_tool.domain.model import Case, EvidenceId, HypothesisId, Matrix, ScoringMode
from sat_tool.domain.scoring import MatrixScores
from sat_tool.domain.text import translate
from sat_tool.formats import write_atomically

INCONSISTENCY_COLOUR = "#9DB4CF"
WEIGHTED_COLOUR = "#2F5C8F"
PROBABILITY_COLOUR = "#4F7F5F"
JUDGED_COLOUR = "#C0392B"
SEGMENT_COLOURS = ("#2F5C8F", "#E08E2B", "#4F9F6F", "#B0413E", "#7B5EA7", "#3A9FB5", "#C7A64A",
                   "#8C6D5A", "#D46FA0", "#6F8F3F")
OTHERS_COLOUR = "#B8B8B8"


def new_figure(width: float = 6.0, height: float = 3.2) -> Figure:
    """A figure for one chart (never pyplot: no global state)."""
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    figure.add_subplot()
    return figure


def figure_bytes(figure: Figure, fmt: str, dpi: int = 150) -> bytes:
    """The figure as PNG or SVG bytes."""
    if fmt not in ("png", "svg"):
        raise ValueError(translate("Charts", "charts are saved as png or svg, not {format!r}").format(
            format=fmt))
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=dpi)
    return buffer.getvalue()


def write_chart(figure: Figure, path: Path, fmt: str | None = None, dpi: int = 150) -> None:
    """Save the figure as PNG or SVG (by ``fmt``, else the file's extension).

    The image is rendered in full before the file is touched, then written beside
    it and renamed over it: a failure leaves the previous file, or none.
    """
    path = Path(path)
    data = figure_bytes(figure, fmt or path.suffix.lower().lstrip("."), dpi)

    def write(tmp: Path) -> None:
        with open(tmp, "xb") as out:
            out.write(data)

    write_atomically(path, write)


def empty(ax: Axes, text: str) -> None:
    """A chart with nothing to show yet: a short explanation instead."""
    ax.clear()
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#666666",
            wrap=True)
    ax.set_axis_off()


def _style(ax: Axes, title: str, xlabel: str) -> None:
    ax.set_xlabel(xlabel, fontsize=8)
    ax.tick_params(labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    ax.set_title(title, fontsize=9)


def draw_scores(ax: Axes, matrix: Matrix, scores: MatrixScores,
                mode: ScoringMode = ScoringMode.WEIGHTED) -> dict[str, tuple[float, float]]:
    """Each hypothesis's inconsistency and weighted inconsistency, or, in the probability
    mode, its posterior with the analyst's judgment as a marker."""
    labels = [f"H{i}" for i in range(1, len(matrix.hypotheses) + 1)]
    values = [scores.for_hypothesis(h.id) for h in matrix.hypotheses]
    shown = {lab: (float(s.inconsistency), s.weighted) for lab, s in zip(labels, values)}
    if not labels:
        empty(ax, translate("Charts", "Add hypotheses to see their scores"))
        return shown
    ax.clear()
    ax.set_axis_on()
    ys = list(range(len(labels)))
    if mode is ScoringMode.PROBABILITY:
        ax.barh(ys, [s.probability * 100 for s in values], 0.6, label=translate("Charts", "P(H|E)"),
                color=PROBABILITY_COLOUR)
        judged = [(y, h.judged * 100) for y, h in zip(ys, matrix.hypotheses) if h.judged is not None]
        if judged:
            ax.scatter([j for _, j in judged], [y for y, _ in judged], marker="D", s=28,
                       color=JUDGED_COLOUR, zorder=3, label=translate("Charts", "Analyst's judgment"))
        ax.set_xlim(0, 100)
        _style(ax, translate("Charts", "Probability"),
               translate("Charts", "Percent (lines of evidence independent)"))
    else:
        height = 0.38
        ax.barh([y - height / 2 for y in ys], [s.inconsistency for s in values], height,
                label=translate("Charts", "Inconsistency"), color=INCONSISTENCY_COLOUR)
        ax.barh([y + height / 2 for y in ys], [s.weighted for s in values], height,
                label=translate("Charts", "Weighted"), color=WEIGHTED_COLOUR)
        _style(ax, translate("Charts", "Evidence against"),
               translate("Charts", "Inconsistency (lower is better)"))
    ax.set_yticks(ys, labels, fontsize=8)
    ax.invert_yaxis()
    ax.legend(fontsize=7, loc="best", framealpha=0.9)
    return shown


def draw_contributions(ax: Axes, case: Case, matrix: Matrix,
                       values: dict[HypothesisId, dict[EvidenceId, float]],
                       mode: ScoringMode) -> dict[str, dict[str, float]]:
    """Stacked bars: what each evidence item adds to each hypothesis's score."""
    labels = [f"H{i}" for i in range(1, len(matrix.hypotheses) + 1)]
    items = [r.evidence_id for r in matrix.rows
             if any(abs(values[h.id].get(r.evidence_id, 0)) > 1e-9 for h in matrix.hypotheses)]
    shown = {lab: {case.evidence_item(e).label: values[h.id].get(e, 0.0) for e in items}
             for lab, h in zip(labels, matrix.hypotheses)}
    if not labels or not items:
        empty(ax, translate("Charts", "No evidence counts against any hypothesis yet"))
        return shown
    ax.clear()
    ax.set_axis_on()
    ys = list(range(len(labels)))
    right = [0.0] * len(labels)
    left = [0.0] * len(labels)
    own, others = _segments(items, matrix, values)

    def stack(widths: list[float], colour: str, text: str, ink: str = "white") -> None:
        starts = [right[i] if w >= 0 else left[i] for i, w in enumerate(widths)]
        bars = ax.barh(ys, widths, 0.6, left=starts, color=colour, edgecolor="white", linewidth=0.5)
        for bar, width in zip(bars, widths):
            if abs(width) >= 0.6:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        text, ha="center", va="center", fontsize=6, color=ink)
        for i, w in enumerate(widths):
            if w >= 0:
                right[i] += w
            else:
                left[i] += w

    for n, eid in enumerate(own):
        stack([values[h.id].get(eid, 0.0) for h in matrix.hypotheses],
              SEGMENT_COLOURS[n % len(SEGMENT_COLOURS)], case.evidence_item(eid).label)
    if others:
        text = translate("Charts", "{count} more").format(count=len(others))
        for sign in (1, -1):
            widths = [sum(v for e in others if sign * (v := values[h.id].get(e, 0.0)) > 0)
                      for h in matrix.hypotheses]
            if any(widths):
                stack(widths, OTHERS_COLOUR, text, "#333333")
    if mode is ScoringMode.PROBABILITY:
        unit = translate("Charts", "bits against (negative: for)")
    elif mode is ScoringMode.INCONSISTENCY:
        unit = translate("Charts", "inconsistency points")
    else:
        unit = translate("Charts", "weighted points")
    ax.set_xlim(min(0.0, min(left)) * 1.08, max(0.1, max(right)) * 1.08)
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_yticks(ys, labels, fontsize=8)
    ax.invert_yaxis()
    _style(ax, translate("Charts", "What each item adds"), unit)
    return shown


def _segments(items: list[EvidenceId], matrix: Matrix,
              values: dict[HypothesisId, dict[EvidenceId, float]]
              ) -> tuple[list[EvidenceId], list[EvidenceId]]:
    """The items drawn as their own segments (those that weigh most, in matrix order) and the
    rest, drawn together: one segment per item stops reading (and drawing) well past ten."""
    if len(items) <= len(SEGMENT_COLOURS):
        return items, []
    weight = {e: sum(abs(values[h.id].get(e, 0.0)) for h in matrix.hypotheses) for e in items}
    heaviest = set(sorted(items, key=lambda e: -weight[e])[:len(SEGMENT_COLOURS) - 1])
    return [e for e in items if e in heaviest], [e for e in items if e not in heaviest]


def draw_history(ax: Axes, names: Sequence[str], series: dict[str, list[float | None]],
                 mode: ScoringMode) -> dict[str, Any]:
    """One line per hypothesis, one point per snapshot (None: the hypothesis was absent)."""
    shown = {"names": list(names), "series": dict(series)}
    if not names or not series:
        empty(ax, translate("Charts", "Save snapshots to see how the scores move"))
        return shown
    ax.clear()
    ax.set_axis_on()
    xs = list(range(len(names)))
    for n, (label, values) in enumerate(series.items()):
        points = [(x, v) for x, v in zip(xs, values) if v is not None]
        ax.plot([x for x, _ in points], [v for _, v in points], marker="o", label=label,
                color=SEGMENT_COLOURS[n % len(SEGMENT_COLOURS)])
    ax.set_xticks(xs, [n if len(n) <= 14 else n[:13] + "…" for n in names], fontsize=7,
                  rotation=20, ha="right", parse_math=False)  # names are user text, not TeX
    ylabel = {ScoringMode.PROBABILITY: translate("Charts", "P(H|E) %"),
              ScoringMode.INCONSISTENCY: translate("Charts", "Inconsistency"),
              ScoringMode.WEIGHTED: translate("Charts", "Weighted inconsistency")}[mode]
    ax.set_ylabel(ylabel, fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(alpha=0.3)
    ax.set_title(translate("Charts", "Scores across snapshots"), fontsize=9)
    ax.legend(fontsize=7, loc="best", framealpha=0.9)
    return shown


def draw_calibration(ax: Axes, curves: dict[str, Sequence[tuple[float, float, int]]]
                     ) -> dict[str, Any]:
    """A calibration (reliability) chart: per forecaster, the mean probability given in each bin
    against how often those hypotheses proved true; the diagonal is perfect calibration.

    ``curves`` maps a forecaster's name to its bins as (mean forecast, observed share, count).
    """
    shown = {"curves": {name: list(points) for name, points in curves.items()}}
    if not any(curves.values()):
        empty(ax, translate("Charts", "Record the outcome of a matrix to see how well its "
                            "probabilities did"))
        return shown
    ax.clear()
    ax.set_axis_on()
    ax.plot([0, 100], [0, 100], color="#999999", linestyle="--", linewidth=1,
            label=translate("Charts", "Perfect calibration"))
    colours = (JUDGED_COLOUR, PROBABILITY_COLOUR, *SEGMENT_COLOURS)
    for n, (name, points) in enumerate(curves.items()):
        if not points:
            continue
        xs = [p * 100 for p, _, _ in points]
        ys = [o * 100 for _, o, _ in points]
        sizes = [18 + 10 * c for _, _, c in points]
        colour = colours[n % len(colours)]
        ax.plot(xs, ys, color=colour, linewidth=1.5, label=name)
        ax.scatter(xs, ys, s=sizes, color=colour, zorder=3)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set_xlabel(translate("Charts", "Probability given (%)"), fontsize=8)
    ax.set_ylabel(translate("Charts", "Proved true (%)"), fontsize=8)
    ax.tick_params(labelsize=8)
    ax.grid(alpha=0.3)
    ax.set_title(translate("Charts", "Calibration across closed matrices (dot size: how many)"),
                 fontsize=9)
    ax.legend(fontsize=7, loc="upper left", framealpha=0.9)
    return shown


def rendered(draw: Callable[[Axes], Any], fmt: str, width: float = 6.0, height: float = 3.2) -> bytes:
    """Draw one chart on a fresh figure and return it as PNG or SVG bytes."""
    figure = new_figure(width, height)
    draw(figure.axes[0])
    return figure_bytes(figure, fmt)


def rendered_both(draw: Callable[[Axes], Any], width: float = 6.0, height: float = 3.2
                  ) -> tuple[bytes, bytes]:
    """Draw one chart once and return it as PNG and as SVG bytes."""
    figure = new_figure(width, height)
    draw(figure.axes[0])
    return figure_bytes(figure, "png"), figure_bytes(figure, "svg")
