"""The start page: create a case, open the sample, or reopen a recent case."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sat_tool.store.cases import CaseSummary
from sat_tool.ui import theme


ABOUT_ACH = QT_TRANSLATE_NOOP(  # marked for the catalogue; translated where it is shown
    "StartPage",
    "<b>Analysis of Competing Hypotheses</b><br>"
    "List every reasonable answer to your question as a hypothesis, list the evidence, "
    "and rate each item against each hypothesis, working across the rows. The hypothesis "
    "with the <i>least evidence against it</i> leads; the evidence that rates hypotheses "
    "differently is what matters. New to ACH? Open the sample case."
)


class StartPage(QWidget):
    """What the analyst sees before a case is open."""

    newCaseRequested = Signal()
    sampleRequested = Signal()
    caseRequested = Signal(int)
    """A case id to open."""
    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("SAT Tool"))
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        subtitle = QLabel(self.tr("Analysis of Competing Hypotheses and other structured analytic "
                                  "techniques"))
        subtitle.setStyleSheet(f"color: {theme.muted()}; font-size: 11pt;")
        self.new_button = QPushButton(self.tr("New case…"))
        self.sample_button = QPushButton(self.tr("Open the sample case: Azerbaijan's shadow war"))
        self.import_button = QPushButton(self.tr("Import a case: bundle, Excel workbook or PARC ACH…"))
        for button in (self.new_button, self.sample_button, self.import_button):
            button.setMinimumHeight(34)
        self.new_button.clicked.connect(self.newCaseRequested)
        self.sample_button.clicked.connect(self.sampleRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(self._open_item)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self._open_item(self.recent.currentItem()))
        self.workspace_label = QLabel()
        self.workspace_label.setStyleSheet(f"color: {theme.muted()};")
        self.workspace_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout(title, subtitle)

    def _layout(self, title: QLabel, subtitle: QLabel) -> None:
        actions = QVBoxLayout()
        actions.addWidget(QLabel(self.tr("<b>Start</b>")))
        actions.addWidget(self.new_button)
        actions.addWidget(self.sample_button)
        actions.addWidget(self.import_button)
        actions.addSpacing(16)
        about = QLabel(QCoreApplication.translate("StartPage", ABOUT_ACH))
        about.setWordWrap(True)
        about.setStyleSheet("")
        actions.addWidget(about)
        actions.addStretch(1)
        recent = QVBoxLayout()
        recent.addWidget(QLabel(self.tr("<b>Recent cases</b>")))
        recent.addWidget(self.recent, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        recent.addLayout(row)
        columns = QHBoxLayout()
        columns.addLayout(actions, 2)
        columns.addSpacing(24)
        columns.addLayout(recent, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 20)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(20)
        layout.addLayout(columns, 1)
        layout.addWidget(self.workspace_label)

    def show_cases(self, cases: list[CaseSummary], workspace: str) -> None:
        """List the workspace's cases, most recently opened first, keeping the selected one."""
        current = self.recent.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.recent.clear()
        for summary in cases:
            when = summary.last_opened.replace("T", " ").rstrip("Z") or self.tr("never opened")
            if summary.matrices == 1:
                details = self.tr("1 matrix, {evidence} evidence items — last opened {when}")
            else:
                details = self.tr("{matrices} matrices, {evidence} evidence items — last opened "
                                  "{when}")
            details = details.format(matrices=summary.matrices, evidence=summary.evidence, when=when)
            title = summary.title
            if summary.access == "read":
                title = self.tr("{title} (read only)").format(title=title)
            item = QListWidgetItem(f"{title}\n    {details}")
            item.setData(Qt.ItemDataRole.UserRole, int(summary.id))
            if summary.access == "read":
                item.setToolTip(self.tr("Shared with you to read only: you can read and export "
                                        "this case, not change it."))
            self.recent.addItem(item)
        if cases:
            ids = [int(c.id) for c in cases]
            self.recent.setCurrentRow(ids.index(keep) if keep in ids else 0)
        else:
            empty = QListWidgetItem(self.tr("No cases in this workspace yet: create one or open the "
                                            "sample."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
        self.open_button.setEnabled(bool(cases))
        self.workspace_label.setText(self.tr("Workspace: {path}").format(path=workspace))

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.caseRequested.emit(item.data(Qt.ItemDataRole.UserRole))
