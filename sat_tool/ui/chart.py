"""The scores chart: a matplotlib Figure on a QtAgg canvas, redrawn on every edit."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QWidget

from sat_tool.domain.model import Matrix
from sat_tool.domain.scoring import MatrixScores

INCONSISTENCY_COLOUR = "#9DB4CF"
WEIGHTED_COLOUR = "#2F5C8F"


class ScoresChart(FigureCanvasQTAgg):
    """Horizontal bars of each hypothesis's inconsistency and weighted inconsistency."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.figure = Figure(figsize=(4.2, 2.8), dpi=100, layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)
        self.axes = self.figure.add_subplot()
        self.shown: dict[str, tuple[float, float]] = {}
        """What the chart shows now: label → (inconsistency, weighted); the tests read it."""

    def update_scores(self, matrix: Matrix, scores: MatrixScores) -> None:
        """Redraw the bars for the current scores."""
        ax = self.axes
        ax.clear()
        labels = [f"H{i}" for i in range(1, len(matrix.hypotheses) + 1)]
        values = [scores.for_hypothesis(h.id) for h in matrix.hypotheses]
        self.shown = {lab: (float(s.inconsistency), s.weighted) for lab, s in zip(labels, values)}
        if not labels:
            ax.text(0.5, 0.5, "Add hypotheses to see their scores", ha="center", va="center",
                    transform=ax.transAxes, color="#666666")
            ax.set_axis_off()
            self.draw_idle()
            return
        ax.set_axis_on()
        ys = list(range(len(labels)))
        height = 0.38
        ax.barh([y - height / 2 for y in ys], [s.inconsistency for s in values], height,
                label="Inconsistency", color=INCONSISTENCY_COLOUR)
        ax.barh([y + height / 2 for y in ys], [s.weighted for s in values], height,
                label="Weighted", color=WEIGHTED_COLOUR)
        ax.set_yticks(ys, labels, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlabel("Inconsistency score (lower is better)", fontsize=8)
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
        ax.legend(fontsize=7, loc="best", framealpha=0.9)
        ax.set_title("Evidence against each hypothesis", fontsize=9)
        self.draw_idle()
