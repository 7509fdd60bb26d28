"""Charts: matplotlib Figures on QtAgg canvases, redrawn with ``draw_idle`` on every change.

Each chart keeps what it last drew in ``shown`` so tests and exports can check it.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QWidget

from sat_tool.domain.model import Case, EvidenceId, HypothesisId, Matrix, ScoringMode
from sat_tool.domain.scoring import MatrixScores

INCONSISTENCY_COLOUR = "#9DB4CF"
WEIGHTED_COLOUR = "#2F5C8F"
PROBABILITY_COLOUR = "#4F7F5F"
JUDGED_COLOUR = "#C0392B"
SEGMENT_COLOURS = ("#2F5C8F", "#E08E2B", "#4F9F6F", "#B0413E", "#7B5EA7", "#3A9FB5", "#C7A64A",
                   "#8C6D5A", "#D46FA0", "#6F8F3F")


class ChartCanvas(FigureCanvasQTAgg):
    """A Figure with one Axes on a Qt canvas."""

    def __init__(self, parent: QWidget | None = None, height: float = 2.8) -> None:
        self.figure = Figure(figsize=(4.2, height), dpi=100, layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(170)
        self.axes = self.figure.add_subplot()
        self.shown: dict = {}

    def _empty(self, text: str) -> None:
        ax = self.axes
        ax.clear()
        ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#666666",
                wrap=True)
        ax.set_axis_off()
        self.draw_idle()

    def _style(self, title: str, xlabel: str) -> None:
        ax = self.axes
        ax.set_xlabel(xlabel, fontsize=8)
        ax.tick_params(labelsize=8)
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
        ax.set_title(title, fontsize=9)


class ScoresChart(ChartCanvas):
    """Each hypothesis's inconsistency and weighted inconsistency, or its probabilities."""

    def update_scores(self, matrix: Matrix, scores: MatrixScores,
                      mode: ScoringMode = ScoringMode.WEIGHTED) -> None:
        """Redraw for the current scores; the probability mode shows posteriors and judgments."""
        labels = [f"H{i}" for i in range(1, len(matrix.hypotheses) + 1)]
        values = [scores.for_hypothesis(h.id) for h in matrix.hypotheses]
        self.shown = {lab: (float(s.inconsistency), s.weighted) for lab, s in zip(labels, values)}
        if not labels:
            self._empty("Add hypotheses to see their scores")
            return
        ax = self.axes
        ax.clear()
        ax.set_axis_on()
        ys = list(range(len(labels)))
        height = 0.38
        if mode is ScoringMode.PROBABILITY:
            ax.barh(ys, [s.probability * 100 for s in values], 0.6, label="P(H|E)",
                    color=PROBABILITY_COLOUR)
            judged = [(y, h.judged * 100) for y, h in zip(ys, matrix.hypotheses) if h.judged is not None]
            if judged:
                ax.scatter([j for _, j in judged], [y for y, _ in judged], marker="D", s=28,
                           color=JUDGED_COLOUR, zorder=3, label="Your judgment")
            ax.set_xlim(0, 100)
            self._style("Probability", "Percent (independence assumed)")
        else:
            ax.barh([y - height / 2 for y in ys], [s.inconsistency for s in values], height,
                    label="Inconsistency", color=INCONSISTENCY_COLOUR)
            ax.barh([y + height / 2 for y in ys], [s.weighted for s in values], height,
                    label="Weighted", color=WEIGHTED_COLOUR)
            self._style("Evidence against", "Inconsistency (lower is better)")
        ax.set_yticks(ys, labels, fontsize=8)
        ax.invert_yaxis()
        ax.legend(fontsize=7, loc="best", framealpha=0.9)
        self.draw_idle()


class ContributionChart(ChartCanvas):
    """Stacked bars: what each evidence item adds to each hypothesis's score."""

    def update_contributions(self, case: Case, matrix: Matrix,
                             values: dict[HypothesisId, dict[EvidenceId, float]],
                             mode: ScoringMode) -> None:
        """Redraw from :func:`sat_tool.domain.sensitivity.contributions`."""
        labels = [f"H{i}" for i in range(1, len(matrix.hypotheses) + 1)]
        items = [r.evidence_id for r in matrix.rows
                 if any(abs(values[h.id].get(r.evidence_id, 0)) > 1e-9 for h in matrix.hypotheses)]
        self.shown = {lab: {case.evidence_item(e).label: values[h.id].get(e, 0.0) for e in items}
                      for lab, h in zip(labels, matrix.hypotheses)}
        if not labels or not items:
            self._empty("No evidence counts against any hypothesis yet")
            return
        ax = self.axes
        ax.clear()
        ax.set_axis_on()
        ys = list(range(len(labels)))
        right = [0.0] * len(labels)
        left = [0.0] * len(labels)
        for n, eid in enumerate(items):
            widths = [values[h.id].get(eid, 0.0) for h in matrix.hypotheses]
            starts = [right[i] if w >= 0 else left[i] for i, w in enumerate(widths)]
            colour = SEGMENT_COLOURS[n % len(SEGMENT_COLOURS)]
            bars = ax.barh(ys, widths, 0.6, left=starts, color=colour, edgecolor="white",
                           linewidth=0.5)
            for bar, width in zip(bars, widths):
                if abs(width) >= 0.6:
                    ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                            case.evidence_item(eid).label, ha="center", va="center", fontsize=6,
                            color="white")
            for i, w in enumerate(widths):
                if w >= 0:
                    right[i] += w
                else:
                    left[i] += w
        unit = "bits against (negative: for)" if mode is ScoringMode.PROBABILITY else (
            "inconsistency points" if mode is ScoringMode.INCONSISTENCY else "weighted points")
        ax.set_xlim(min(0.0, min(left)) * 1.08, max(0.1, max(right)) * 1.08)
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_yticks(ys, labels, fontsize=8)
        ax.invert_yaxis()
        self._style("What each item adds", unit)
        self.draw_idle()


class HistoryChart(ChartCanvas):
    """How each hypothesis's score moved across snapshots."""

    def update_history(self, names: Sequence[str], series: dict[str, list[float | None]],
                       mode: ScoringMode) -> None:
        """Redraw: one line per hypothesis label, one point per snapshot (None: absent)."""
        self.shown = {"names": list(names), "series": dict(series)}
        if len(names) < 1 or not series:
            self._empty("Save snapshots to see how the scores move")
            return
        ax = self.axes
        ax.clear()
        ax.set_axis_on()
        xs = list(range(len(names)))
        for n, (label, values) in enumerate(series.items()):
            points = [(x, v) for x, v in zip(xs, values) if v is not None]
            ax.plot([x for x, _ in points], [v for _, v in points], marker="o", label=label,
                    color=SEGMENT_COLOURS[n % len(SEGMENT_COLOURS)])
        ax.set_xticks(xs, [n if len(n) <= 14 else n[:13] + "…" for n in names], fontsize=7,
                      rotation=20, ha="right")
        ylabel = {ScoringMode.PROBABILITY: "P(H|E) %", ScoringMode.INCONSISTENCY: "Inconsistency",
                  ScoringMode.WEIGHTED: "Weighted inconsistency"}[mode]
        ax.set_ylabel(ylabel, fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(alpha=0.3)
        ax.set_title("Scores across snapshots", fontsize=9)
        ax.legend(fontsize=7, loc="best", framealpha=0.9)
        self.draw_idle()
