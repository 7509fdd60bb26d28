"""The snapshots panel: save, list and compare snapshots of a matrix, and chart their scores."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sat_tool.domain.changes import Changes, Kind
from sat_tool.domain.model import ScoringMode
from sat_tool.domain.scoring import score_matrix
from sat_tool.domain.snapshots import Snapshot, compare, live_view
from sat_tool.ui import commands as cmd
from sat_tool.ui.analysis import MatrixAnalysis
from sat_tool.ui.chart import HistoryChart
from sat_tool.ui.panels import Panel

class SnapshotsPanel(Panel):
    """Save, list and compare snapshots of the matrix, with a chart of the scores over time."""

    NOW = -1
    deferred = True  # reads the workspace and scores every snapshot: once edits pause

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.snapshots: list[Snapshot] = []
        self.list = QListWidget()
        self.save = QPushButton(self.tr("Save snapshot…"))
        self.save.clicked.connect(self.ask_and_save)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.clicked.connect(self.delete_selected)
        self.save.setEnabled(not self.doc.read_only)  # until the panel is first drawn
        self.first = QComboBox()
        self.second = QComboBox()
        for combo in (self.first, self.second):
            combo.activated.connect(lambda _=0, c=combo: (c.setProperty("picked", True),
                                                          self.show_comparison()))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.comparison = QTableWidget(0, 4)
        self.comparison.setHorizontalHeaderLabels(
            (self.tr("Hypothesis"), self.tr("Before"), self.tr("After"), self.tr("Rank")))
        self.comparison.verticalHeader().hide()
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.comparison.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.changes = QListWidget()
        self.chart = HistoryChart(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        pick = QGridLayout()
        pick.addWidget(QLabel(self.tr("Compare")), 0, 0)
        pick.addWidget(self.first, 0, 1)
        pick.addWidget(QLabel(self.tr("with")), 1, 0)
        pick.addWidget(self.second, 1, 1)
        pick.setColumnStretch(1, 1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.list, 1)
        self.layout_.addLayout(pick)
        self.layout_.addWidget(self.comparison, 2)
        self.layout_.addWidget(self.changes, 1)
        self.layout_.addWidget(self.chart, 2)
        self._stored: list[Snapshot] | None = None
        """The snapshots as last read from the workspace (read again when they change)."""
        self._scored: dict[tuple[int, ScoringMode], object] = {}

    WATCHES = (Kind.SCORES, Kind.ANALYSIS)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.SNAPSHOTS, self.analysis.matrix_id):
            self._stored = None  # read them again
            self._scored.clear()
            self._changed()
        else:
            super()._on_changes(changes)

    def refresh(self) -> None:
        """Read the snapshots from the workspace (when they changed), then redraw the comparison
        and the chart; an edit of the matrix redraws only what "Now" changes."""
        if self._stored is None:
            self._stored = self.doc.editor.snapshots(self.analysis.matrix_id)
        self.snapshots = self._stored
        self.list.clear()
        for snap in self.snapshots:
            entry = QListWidgetItem(self.tr("{name}   ({when} UTC)").format(
                name=snap.name, when=snap.created.replace("T", " ").rstrip("Z")))
            entry.setData(Qt.ItemDataRole.UserRole, snap.id)
            self.list.addItem(entry)
        ids = [snap.id for snap in self.snapshots]
        # Until the analyst picks, compare the latest snapshot with now.
        defaults = (ids[-1] if ids else self.NOW, self.NOW)
        for combo, default in zip((self.first, self.second), defaults):
            chosen = combo.currentData() if combo.property("picked") else default
            combo.clear()
            for snap in self.snapshots:
                combo.addItem(snap.name, snap.id)
            combo.addItem(self.tr("Now"), self.NOW)
            index = combo.findData(chosen)
            combo.setCurrentIndex(index if index >= 0 else combo.findData(default))
        self.delete.setEnabled(bool(self.snapshots) and not self.doc.read_only)
        self.save.setEnabled(not self.doc.read_only)
        self.show_comparison()
        self._draw_history()

    def ask_and_save(self) -> None:
        """Ask for a name and save a snapshot."""
        name, ok = QInputDialog.getText(
            self, self.tr("Save snapshot"), self.tr("Name of this snapshot:"),
            text=self.tr("Snapshot {number}").format(number=len(self.snapshots) + 1))
        if ok and name.strip():
            self.save_snapshot(name.strip())

    def save_snapshot(self, name: str) -> None:
        """Save the matrix as it stands now."""
        self.doc.push(cmd.TakeSnapshotCommand(self.doc, self.analysis.matrix_id, name))

    def delete_selected(self) -> None:
        """Delete the snapshot selected in the list."""
        item = self.list.currentItem()
        if item is not None:
            snap = next(s for s in self.snapshots if s.id == item.data(Qt.ItemDataRole.UserRole))
            self.doc.push(cmd.DeleteSnapshotCommand(self.doc, snap))

    def _snapshot(self, key: int) -> Snapshot:
        if key == self.NOW or key is None:
            return live_view(self.doc.case, self.analysis.matrix)
        return next(s for s in self.snapshots if s.id == key)

    def show_comparison(self) -> None:
        """Fill the comparison of the two chosen snapshots."""
        if not self._alive():
            return
        result = compare(self._snapshot(self.first.currentData()),
                         self._snapshot(self.second.currentData()))
        mode = result.b.matrix.scoring_mode
        self.comparison.setRowCount(len(result.scores))
        for r, line in enumerate(result.scores):
            cells = (line.title, _score(line.before, mode), _score(line.after, mode),
                     _rank_move(line.before, line.after))
            for c, text in enumerate(cells):
                self.comparison.setItem(r, c, QTableWidgetItem(text))
        self.changes.clear()
        for diff in result.cells:
            before = diff.before.value if diff.before else "–"
            after = diff.after.value if diff.after else "–"
            self.changes.addItem(f"{diff.evidence} × {diff.hypothesis}: {before} → {after}")
        for label in result.added_evidence:
            self.changes.addItem(self.tr("{label} added").format(label=label))
        for label in result.removed_evidence:
            self.changes.addItem(self.tr("{label} removed").format(label=label))
        if not self.changes.count():
            self.changes.addItem(self.tr("No cell changed."))

    def _scores_of(self, snap: Snapshot, mode: ScoringMode) -> object:
        """A stored snapshot's scores, worked out once (a snapshot never changes)."""
        key = (snap.id, mode)
        if key not in self._scored:
            self._scored[key] = score_matrix(snap.case, snap.matrix, mode)
        return self._scored[key]

    def _draw_history(self) -> None:
        mat = self.analysis.matrix
        mode = mat.scoring_mode
        points = self.snapshots + [live_view(self.doc.case, mat)]
        series: dict[str, list[float | None]] = {}
        scored = [self._scores_of(snap, mode) for snap in self.snapshots]
        scored.append(self.analysis.compute() if self.analysis.what_if.empty and
                      mode is mat.scoring_mode else score_matrix(points[-1].case, mat, mode))
        for position, hyp in enumerate(mat.hypotheses, 1):
            values = []
            for snap, scores in zip(points, scored):
                present = any(h.id == hyp.id for h in snap.matrix.hypotheses)
                values.append(_value(_score_tuple(scores, hyp.id), mode) if present else None)
            series[f"H{position}"] = values
        self.chart.update_history([s.name for s in points], series, mode)


def _score_tuple(scores, hypothesis_id: int) -> tuple[int, float, float, int]:  # noqa: ANN001
    s = scores.for_hypothesis(hypothesis_id)
    return (s.inconsistency, s.weighted, s.probability, s.rank)


def _value(score: tuple[int, float, float, int] | None, mode: ScoringMode) -> float | None:
    if score is None:
        return None
    if mode is ScoringMode.INCONSISTENCY:
        return float(score[0])
    if mode is ScoringMode.WEIGHTED:
        return score[1]
    return score[2] * 100


def _score(score: tuple[int, float, float, int] | None, mode: ScoringMode) -> str:
    value = _value(score, mode)
    if value is None:
        return "–"
    return f"{value:.1f}%" if mode is ScoringMode.PROBABILITY else f"{value:g}" if mode is \
        ScoringMode.INCONSISTENCY else f"{value:.2f}"


def _rank_move(before: tuple | None, after: tuple | None) -> str:
    if before is None or after is None:
        return (QCoreApplication.translate("SnapshotsPanel", "new") if before is None
                else QCoreApplication.translate("SnapshotsPanel", "gone"))
    if before[3] == after[3]:
        return str(after[3])
    return f"{before[3]} → {after[3]}"
