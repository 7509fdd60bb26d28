"""The calibration window: how the analyst's probabilities, and the tool's, fared across every
closed matrix of the workspace."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sat_tool.services import cases as svc
from sat_tool.store import Workspace
from sat_tool.ui.chart import CalibrationChart


class CalibrationDialog(QDialog):
    """Brier scores per closed matrix, the pattern of each forecaster in words, and the chart."""

    COLUMNS = (QT_TRANSLATE_NOOP("CalibrationDialog", "Case"),
               QT_TRANSLATE_NOOP("CalibrationDialog", "Question"),
               QT_TRANSLATE_NOOP("CalibrationDialog", "Proved true"),
               QT_TRANSLATE_NOOP("CalibrationDialog", "Known"),
               QT_TRANSLATE_NOOP("CalibrationDialog", "Analyst"),
               QT_TRANSLATE_NOOP("CalibrationDialog", "Tool"))
    """The table's headings (translated where they are shown)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Calibration"))
        self.resize(900, 680)
        report = svc.calibration_report(workspace)
        self.report = report
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Every matrix whose outcome is recorded, scored by the Brier score of the final "
            "probabilities (0 is perfect, 2 the worst; spreading the probability evenly over four "
            "hypotheses scores 0.75). The analyst's probabilities count only where they add up to "
            "100%."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        closed = report["closed_matrices"]
        self.table = QTableWidget(len(closed), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("CalibrationDialog", column) for column in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, entry in enumerate(closed):
            values = (entry["case"], entry["question"], entry["outcome"], entry["date"] or "–",
                      _score(entry["brier_analyst"]), _score(entry["brier_tool"]))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 2 and entry["evidence"]:
                    item.setToolTip(entry["evidence"])
                self.table.setItem(r, column, item)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 2)
        if not closed:
            layout.addWidget(QLabel(self.tr("No matrix is closed yet: record an outcome in a "
                                            "matrix's Judgment panel once the answer is known.")))
        self.sentences = QLabel("<br>".join(report[who]["sentence"] for who in ("analyst", "tool")))
        self.sentences.setWordWrap(True)
        layout.addWidget(self.sentences)
        self.chart = CalibrationChart(self)
        layout.addWidget(self.chart, 3)
        self.chart.update_calibration({
            self.tr("Analyst"): [(b["mean_forecast"], b["observed"], b["count"])
                                 for b in report["analyst"]["bins"]],
            self.tr("Tool"): [(b["mean_forecast"], b["observed"], b["count"])
                              for b in report["tool"]["bins"]],
        })
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"
