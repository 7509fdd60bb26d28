"""The preview of a merge: what a colleague's copy adds, and each conflict side by side, for the
user to keep ours or take theirs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sat_tool.domain.merge import MergePlan


def _shown(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, tuple):
        return " / ".join("–" if v is None else f"{v:.0%}" for v in value)
    return str(getattr(value, "value", value))


class MergeDialog(QDialog):
    """What merging a copy does; the conflicts' "Take theirs" boxes say which values change."""

    def __init__(self, plan: MergePlan, file_name: str, case_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        names = plan.names
        self.setWindowTitle(self.tr("Merge {file}").format(file=file_name))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        parts = []
        for count, one, many in (
                (len(plan.new_sources), self.tr("1 new source"), self.tr("{n} new sources")),
                (len(plan.new_evidence), self.tr("1 new evidence item"),
                 self.tr("{n} new evidence items")),
                (len(plan.new_matrices), self.tr("1 new matrix"), self.tr("{n} new matrices")),
                (len(plan.new_hypotheses), self.tr("1 new hypothesis"),
                 self.tr("{n} new hypotheses")),
                (len(plan.new_rows), self.tr("1 new matrix row"), self.tr("{n} new matrix rows")),
                (plan.rating_count + plan.new_cell_ratings, self.tr("1 rating"),
                 self.tr("{n} ratings"))):
            if count:
                parts.append(one if count == 1 else many.format(n=count))
        if plan.newer:
            parts[-1] += " " + self.tr("({n} newer than ours)").format(n=plan.newer)
        whose = sorted({names.get(uid, uid) for uid in plan.ratings} | set(plan.rated_by_new))
        if whose:
            parts.append(self.tr("by {names}").format(names=", ".join(whose)))
        summary = self.tr("<b>{file}</b> is a copy of <b>{case}</b>. Merging it adds {parts}; "
                          "nothing is deleted, and one undo takes it all back.").format(
            file=file_name, case=case_title,
            parts=", ".join(parts) if parts else self.tr("nothing new"))
        if plan.kept:
            summary += " " + self.tr("{n} of our ratings were changed after the copy's and stay "
                                     "as they are.").format(n=plan.kept)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(plan.conflicts), 5)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Field"), self.tr("Ours"),
                                              self.tr("Theirs"), self.tr("Take theirs")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.boxes: list[QCheckBox] = []
        for row, conflict in enumerate(plan.conflicts):
            self.table.setItem(row, 0, QTableWidgetItem(f"{conflict.kind_name} {conflict.label}"))
            self.table.setItem(row, 1, QTableWidgetItem(conflict.field))
            for column, value in ((2, conflict.ours), (3, conflict.theirs)):
                item = QTableWidgetItem(_shown(value))
                item.setToolTip(_shown(value))
                self.table.setItem(row, column, item)
            box = QCheckBox()
            box.setToolTip(self.tr("Take the copy's value instead of ours"))
            self.boxes.append(box)
            holder = QWidget()
            centred = QHBoxLayout(holder)
            centred.setContentsMargins(0, 0, 0, 0)
            centred.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
            self.table.setCellWidget(row, 4, holder)
        self.table.resizeRowsToContents()
        if plan.conflicts:
            layout.addWidget(QLabel(self.tr(
                "These differ between the case and the copy; each keeps ours unless you tick "
                "“Take theirs”:")))
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.merge_button.setDefault(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def taken(self) -> set[str]:
        """The keys of the conflicts whose value is taken from the copy."""
        return {c.key for c, box in zip(self.plan.conflicts, self.boxes) if box.isChecked()}
