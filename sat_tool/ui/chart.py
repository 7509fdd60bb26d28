"""Chart canvases: the Qt-free drawings of :mod:`sat_tool.report.charts` on QtAgg canvases.

Each canvas redraws with ``draw_idle`` and keeps what it last drew in ``shown``.
A right click offers to save the chart as PNG or SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QMenu, QMessageBox, QSizePolicy, QWidget

from sat_tool.domain.model import Case, EvidenceId, HypothesisId, Matrix, ScoringMode
from sat_tool.domain.scoring import MatrixScores
from sat_tool.errors import describe
from sat_tool.report import charts
from sat_tool.report.charts import new_figure
from sat_tool.ui.file_dialogs import ask_save_file


class ChartCanvas(FigureCanvasQTAgg):
    """A one-Axes figure on a Qt canvas, savable as PNG or SVG."""

    def __init__(self, parent: QWidget | None = None, height: float = 2.8, name: str = "chart") -> None:
        self.figure = new_figure(4.2, height)
        super().__init__(self.figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(170)
        self.axes = self.figure.axes[0]
        self.name = name
        self.shown: dict = {}

    def save(self, path: Path) -> None:
        """Write the chart as PNG or SVG, by the file's extension."""
        charts.write_chart(self.figure, path)

    def ask_save_path(self) -> Path | None:
        """Ask where to save the chart."""
        path, chosen = ask_save_file(self, "Save chart", f"{self.name}.png",
                                     "PNG image (*.png);;SVG drawing (*.svg)")
        if path is None:
            return None
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + (".svg" if "svg" in chosen.lower() else ".png"))
        return path

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        menu.addAction("Save chart as PNG or SVG…", self.save_as)
        menu.exec(event.globalPos())

    def save_as(self) -> None:
        """Ask for a file and save the chart there."""
        path = self.ask_save_path()
        if path is None:
            return
        try:
            self.save(path)
        except Exception as exc:  # noqa: BLE001 - disk full, permissions …: one sentence
            QMessageBox.critical(self, "Cannot save the chart", describe(exc, f"Saving {path.name}"))


class ScoresChart(ChartCanvas):
    """Each hypothesis's inconsistency and weighted inconsistency, or its probabilities."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="scores")

    def update_scores(self, matrix: Matrix, scores: MatrixScores,
                      mode: ScoringMode = ScoringMode.WEIGHTED) -> None:
        """Redraw for the current scores."""
        self.shown = charts.draw_scores(self.axes, matrix, scores, mode)
        self.draw_idle()


class ContributionChart(ChartCanvas):
    """Stacked bars: what each evidence item adds to each hypothesis's score."""

    def __init__(self, parent: QWidget | None = None, height: float = 2.6) -> None:
        super().__init__(parent, height, name="contributions")

    def update_contributions(self, case: Case, matrix: Matrix,
                             values: dict[HypothesisId, dict[EvidenceId, float]],
                             mode: ScoringMode) -> None:
        """Redraw from :func:`sat_tool.domain.sensitivity.contributions`."""
        self.shown = charts.draw_contributions(self.axes, case, matrix, values, mode)
        self.draw_idle()


class HistoryChart(ChartCanvas):
    """How each hypothesis's score moved across snapshots."""

    def __init__(self, parent: QWidget | None = None, height: float = 2.2) -> None:
        super().__init__(parent, height, name="snapshots")

    def update_history(self, names: Sequence[str], series: dict[str, list[float | None]],
                       mode: ScoringMode) -> None:
        """Redraw: one line per hypothesis label, one point per snapshot."""
        self.shown = charts.draw_history(self.axes, names, series, mode)
        self.draw_idle()
