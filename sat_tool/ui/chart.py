"""Chart widgets: the Qt-free drawings of :mod:`sat_tool.report.charts`, rendered off the GUI thread.

matplotlib is loaded when a chart is first drawn, not when the window opens,
and it draws on one worker thread of its own (all of matplotlib's drawing in
the application happens there, or under :data:`RENDER_LOCK`): a chart asks for
a redraw with :meth:`ChartCanvas.plot`, the latest request is rendered once the
edits pause (:data:`REDRAW_DELAY_MS`), and the finished picture is shown. So a
keystroke never waits for a chart, however many rows it has. ``shown`` holds
what the picture on screen shows. A right click offers to save the chart as
PNG or SVG.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QMenu, QMessageBox, QSizePolicy, QWidget

from sat_tool.domain.model import Case, EvidenceId, HypothesisId, Matrix, ScoringMode
from sat_tool.domain.scoring import MatrixScores
from sat_tool.errors import describe
from sat_tool.ui.file_dialogs import ask_save_file
from sat_tool.ui.worker import BackgroundRunner

REDRAW_DELAY_MS = 120
"""How long a chart waits after the last change before it draws (a burst of edits draws once)."""
SCREEN_DPI = 100

RENDER_LOCK = threading.Lock()
"""Held while matplotlib draws: its font caches are not safe to use from two threads at once."""

_executor: ThreadPoolExecutor | None = None


def chart_thread() -> ThreadPoolExecutor:
    """The one thread every chart of the application is rendered on."""
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sat-charts")
    return _executor


def _charts() -> Any:
    """The chart drawings (importing them loads matplotlib: done on the chart thread)."""
    from sat_tool.report import charts

    return charts


Draw = Callable[[Any], dict]
"""Draws on a matplotlib Axes and returns what it drew."""


def render(draw: Draw, width: int, height: int, ratio: float = 1.0
           ) -> tuple[bytes, int, int, dict]:
    """Draw a chart of ``width`` × ``height`` logical pixels; RGBA bytes, pixel size, what it shows."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from sat_tool.report.charts import new_figure

    with RENDER_LOCK, warnings.catch_warnings():
        # A chart squeezed smaller than its labels draws as best it can; matplotlib's
        # remark about it would only reach a terminal the analyst never sees.
        warnings.simplefilter("ignore", UserWarning)
        dpi = SCREEN_DPI * ratio
        figure = new_figure(max(width, 50) / SCREEN_DPI, max(height, 50) / SCREEN_DPI)
        figure.set_dpi(dpi)
        canvas = FigureCanvasAgg(figure)
        shown = draw(figure.axes[0])
        canvas.draw()
        pixels_w, pixels_h = canvas.get_width_height(physical=True)
        data = bytes(canvas.buffer_rgba())
    return data, pixels_w, pixels_h, shown


class ChartCanvas(QWidget):
    """One chart: drawn on the chart thread when edits pause, shown as a picture, savable."""

    def __init__(self, parent: QWidget | None = None, height: float = 2.8, name: str = "chart") -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(170)
        self.name = name
        self.shown: dict = {}
        self._height = height
        self._draw: Draw | None = None
        """The latest drawing asked for (kept to redraw at another size and to save)."""
        self._wanted = 0
        """Counts the drawings asked for (and resizes); the picture shown is of ``_shown_of``."""
        self._shown_of = 0
        self._submitted: dict[int, int] = {}
        self._picture: QPixmap | None = None
        self._runner = BackgroundRunner(self, chart_thread())
        self._runner.finished.connect(self._rendered)
        self._runner.failed.connect(self._render_failed)
        self._ticket = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self.draw_now)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, int(self._height * SCREEN_DPI))

    # ------------------------------------------------------------ drawing

    def plot(self, draw: Draw) -> None:
        """Ask for a redraw with ``draw(axes)`` (which returns what it drew); coalesced."""
        self._draw = draw
        self._wanted += 1
        self._timer.start()

    @property
    def pending(self) -> bool:
        """Whether the picture on screen is not yet the latest one asked for."""
        return self._shown_of != self._wanted

    def draw_now(self) -> None:
        """Start rendering the latest drawing asked for, at the widget's size now."""
        self._timer.stop()
        if self._draw is None:
            return
        draw, width, height = self._draw, self.width(), self.height()
        ratio = self.devicePixelRatioF()
        self._ticket = self._runner.submit("chart", lambda _stop: render(draw, width, height, ratio))
        self._submitted = {self._ticket: self._wanted}

    def _rendered(self, _kind: str, ticket: int, result: Any) -> None:
        if ticket != self._ticket:
            return
        data, width, height, shown = result
        image = QImage(data, width, height, QImage.Format.Format_RGBA8888).copy()
        self._picture = QPixmap.fromImage(image)
        self._picture.setDevicePixelRatio(self.devicePixelRatioF())
        self.shown = shown
        self._shown_of = self._submitted.pop(ticket, self._shown_of)
        self.update()

    def _render_failed(self, _kind: str, ticket: int, _message: str) -> None:
        if ticket == self._ticket:  # the failure is in the log; the last picture stays
            self._shown_of = self._submitted.pop(ticket, self._shown_of)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        if self._picture is not None:
            painter.drawPixmap(0, 0, self._picture)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._draw is not None:
            self._wanted += 1
            self._timer.start()

    # ------------------------------------------------------------ saving

    @property
    def figure(self) -> Any:
        """A matplotlib figure of the chart as it is asked for now (drawn on the calling thread)."""
        from sat_tool.report.charts import new_figure

        figure = new_figure(max(self.width(), 50) / SCREEN_DPI, max(self.height(), 50) / SCREEN_DPI)
        if self._draw is not None:
            with RENDER_LOCK:
                self._draw(figure.axes[0])
        return figure

    def save(self, path: Path) -> None:
        """Write the chart as PNG or SVG, by the file's extension."""
        from sat_tool.report import charts

        figure = self.figure
        with RENDER_LOCK:
            charts.write_chart(figure, path)

    def ask_save_path(self) -> Path | None:
        """Ask where to save the chart."""
        # ChartCanvas is subclassed: its texts are looked up in its own context, not the subclass's
        path, chosen = ask_save_file(self, QCoreApplication.translate("ChartCanvas", "Save chart"),
                                     f"{self.name}.png",
                                     QCoreApplication.translate(
                                         "ChartCanvas", "PNG image (*.png);;SVG drawing (*.svg)"))
        if path is None:
            return None
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_name(path.name + (".svg" if "svg" in chosen.lower() else ".png"))
        return path

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = QMenu(self)
        menu.addAction(QCoreApplication.translate("ChartCanvas", "Save chart as PNG or SVG…"),
                       self.save_as)
        menu.exec(event.globalPos())

    def save_as(self) -> None:
        """Ask for a file and save the chart there."""
        path = self.ask_save_path()
        if path is None:
            return
        try:
            self.save(path)
        except Exception as exc:  # noqa: BLE001 - disk full, permissions …: one sentence
            QMessageBox.critical(
                self, QCoreApplication.translate("ChartCanvas", "Cannot save the chart"),
                describe(exc, QCoreApplication.translate("ChartCanvas", "Saving {file}").format(
                    file=path.name)))


class ScoresChart(ChartCanvas):
    """Each hypothesis's inconsistency and weighted inconsistency, or its probabilities."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, name="scores")

    def update_scores(self, matrix: Matrix, scores: MatrixScores,
                      mode: ScoringMode = ScoringMode.WEIGHTED) -> None:
        """Redraw for the current scores."""
        self.plot(lambda axes: _charts().draw_scores(axes, matrix, scores, mode))


class ContributionChart(ChartCanvas):
    """Stacked bars: what each evidence item adds to each hypothesis's score."""

    def __init__(self, parent: QWidget | None = None, height: float = 2.6) -> None:
        super().__init__(parent, height, name="contributions")

    def update_contributions(self, case: Case, matrix: Matrix,
                             values: dict[HypothesisId, dict[EvidenceId, float]],
                             mode: ScoringMode) -> None:
        """Redraw from :func:`sat_tool.domain.sensitivity.contributions`."""
        self.plot(lambda axes: _charts().draw_contributions(axes, case, matrix, values, mode))


class HistoryChart(ChartCanvas):
    """How each hypothesis's score moved across snapshots."""

    def __init__(self, parent: QWidget | None = None, height: float = 2.2) -> None:
        super().__init__(parent, height, name="snapshots")

    def update_history(self, names: Sequence[str], series: dict[str, list[float | None]],
                       mode: ScoringMode) -> None:
        """Redraw: one line per hypothesis label, one point per snapshot."""
        self.plot(lambda axes: _charts().draw_history(axes, names, series, mode))


class CalibrationChart(ChartCanvas):
    """How often hypotheses given a probability proved true, per forecaster."""

    def __init__(self, parent: QWidget | None = None, height: float = 3.2) -> None:
        super().__init__(parent, height, name="calibration")

    def update_calibration(self, curves: dict[str, list[tuple[float, float, int]]]) -> None:
        """Redraw from each forecaster's bins (mean forecast, share proved true, count)."""
        self.plot(lambda axes: _charts().draw_calibration(axes, curves))
