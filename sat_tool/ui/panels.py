"""The analysis panels beside a matrix: scores, sensitivity, judgment and the eight steps
(snapshots are in :mod:`sat_tool.ui.snapshots_panel`).

Each panel reads the :class:`MatrixAnalysis` (so a what-if shows everywhere),
redraws when the document or the what-if changes, and edits only through undo
commands. Panels that can send the analyst somewhere emit :attr:`navigate`
with a :class:`~sat_tool.domain.guide.Target`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QTimer,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QKeyEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sat_tool.domain.changes import Changes, Kind
from sat_tool.domain.calibration import outcome_sentence
from sat_tool.domain.guide import Place, Target
from sat_tool.domain.judgment import review_judgment
from sat_tool.domain.model import Level, ScoringMode
from sat_tool.domain.probability import INDEPENDENCE_CAVEAT, shift_text
from sat_tool.ui import commands as cmd
from sat_tool.ui.analysis import MatrixAnalysis
from sat_tool.ui.chart import REDRAW_DELAY_MS, ContributionChart, ScoresChart
from sat_tool.ui.dialogs import PERCENT_TYPING_LIMIT, OutcomeDialog
from sat_tool.ui.models import ScoresModel, WhatIfModel, escape_html
from sat_tool.ui import theme


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    label.setWordWrap(True)
    return label


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.muted()};")
    return label


class Panel(QWidget):
    """Base: a vertical layout, the analysis, and refresh on every change."""

    navigate = Signal(object)
    """A :class:`Target` the analyst asked to go to."""

    deferred = False
    """Whether a change redraws the panel once edits pause rather than at once (slow panels)."""

    WATCHES: tuple[str, ...] = (Kind.SCORES,)
    """The kinds of change of its matrix that redraw the panel."""
    WATCHES_CASE: tuple[str, ...] = ()
    """The kinds of change of the case (any matrix's, or none's) that redraw it."""

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis = analysis
        self.doc = analysis.doc
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self._stale = True  # drawn when first shown: hidden panels cost nothing
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_alive)
        self.doc.changed.connect(self._on_changes)
        self.doc.readOnlyChanged.connect(self._changed)
        analysis.whatIfChanged.connect(self._changed)

    def _on_changes(self, changes: Changes) -> None:
        mid = self.analysis.matrix_id
        if (any(changes.touches(kind, mid) for kind in self.WATCHES)
                or any(kind in changes for kind in self.WATCHES_CASE)):
            self._changed()

    def _changed(self) -> None:
        """Redraw if shown (now, or once edits pause); a hidden panel redraws when next shown."""
        if not self._alive():
            return
        if not self.isVisible():
            self._stale = True
        elif self.deferred:
            self._timer.start()
        else:
            self.refresh()

    def _refresh_if_alive(self) -> None:
        if self._alive() and self.isVisible():
            self.refresh()

    @property
    def pending(self) -> bool:
        """Whether a redraw is waiting for edits to pause."""
        return self._timer.isActive()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale and self._alive():
            self._stale = False
            self.refresh()

    def _alive(self) -> bool:
        try:
            self.analysis.matrix
        except KeyError:
            return False
        return True

    def refresh(self) -> None:
        """Redraw from the current state."""
        raise NotImplementedError

    def labels(self) -> dict[int, str]:
        """Hypothesis id → H1, H2 …"""
        return {h.id: f"H{i}" for i, h in enumerate(self.analysis.matrix.hypotheses, 1)}


class FindingsPanel(Panel):
    """A panel whose findings are worked out in the background (``KIND`` of :data:`ANALYSES`).

    Shown, it asks the analysis to keep them current; hidden, it lets go, so that
    nothing is computed for a panel nobody sees. :meth:`show_findings` draws them.
    """

    KIND = ""

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.updating = _updating_label()
        analysis.resultReady.connect(self._on_result)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.analysis.request(self.KIND)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self.analysis.release(self.KIND)

    def refresh(self) -> None:
        self.analysis.request(self.KIND)
        self.show_findings()

    def _on_result(self, kind: str) -> None:
        if kind == self.KIND and self._alive():
            self.show_findings()

    def show_findings(self) -> None:
        """Draw the latest findings (marked as updating while they are not current)."""
        raise NotImplementedError


# ------------------------------------------------------------------ scores


class ScoresPanel(Panel):
    """The scoring mode, the ranking with all three scores side by side, and the chart."""

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.mode = QComboBox()
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mode.setMinimumContentsLength(14)
        for mode in ScoringMode:
            self.mode.addItem(mode.shown_label, mode)
        self.mode.setToolTip(self.tr("Which score ranks the hypotheses; all three are shown"))
        self.mode.activated.connect(self._choose_mode)
        self.model = ScoresModel(self.doc, analysis.matrix_id, self, analysis)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        # the numbers' columns are sized by _fit_number_columns
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(ScoresModel.COL_HYPOTHESIS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(30)
        self._fit_number_columns()
        self._rows_key: tuple | None = None
        header.sectionResized.connect(lambda *_: self._cap_rows())
        # In a narrow panel the numbers keep their width and the hypothesis wraps onto two
        # lines in what is left, rather than the table scrolling sideways.
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # a reset or a new row gives the rows their default height again: measure them anew
        for signal in (self.model.modelReset, self.model.layoutChanged, self.model.rowsInserted):
            signal.connect(lambda *_: self._fit(again=True))
        self.model.dataChanged.connect(lambda *_: self._fit())
        self.caveat = _note(self.tr("P(H|E) counts the items of one source as one line of evidence "
                                    "and assumes the lines independent: read it as the weight of "
                                    "the evidence, not a forecast (By source tab)."))
        self.caveat.setToolTip(QCoreApplication.translate("Probability", INDEPENDENCE_CAVEAT))
        self.what_if = QLabel()
        self.what_if.setStyleSheet(theme.warning_box() + " padding: 3px;")
        self.what_if.setWordWrap(True)
        self.chart = ScoresChart(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Rank by")))
        row.addWidget(self.mode, 1)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.what_if)
        self.layout_.addWidget(self.table, 2)
        self.layout_.addWidget(self.caveat)
        self.layout_.addWidget(self.chart, 3)

    WATCHES = (Kind.SCORES, Kind.ANALYSIS)
    ROW_LINES = 3
    """A hypothesis's title takes at most this many lines in the ranking (all of it in the
    tooltip)."""

    def _fit_number_columns(self) -> None:
        """Each number column as wide as its header or its widest value (the leader's in bold).

        Measured here from the texts alone: sized by the header to their contents, the
        columns were measured cell by cell, role by role, on every keystroke, a cost that
        grew with the number of hypotheses."""
        plain = self.table.fontMetrics()
        bold_font = QFont(self.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        header = self.table.horizontalHeader()
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin,
                                                     None, self.table) + 1) + 2
        model = self.model
        leaders = [model.index(row, ScoresModel.COL_RANK).data() == "1"
                   for row in range(model.rowCount())]
        for column in ScoresModel.NUMBER_COLUMNS:
            widest = max((((bold if leader else plain)
                           .horizontalAdvance(model.index(row, column).data() or ""))
                          for row, leader in enumerate(leaders)), default=0)
            width = max(header.sectionSizeHint(column), widest + margin)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit(again=True)

    def _fit(self, again: bool = False) -> None:
        self._fit_number_columns()
        self._cap_rows(again)

    def _cap_rows(self, again: bool = False) -> None:
        """Rows as tall as their wrapped title, up to :attr:`ROW_LINES` lines.

        Only the title wraps, so the rows are measured again only when a title, the bold
        leader or the title column's width has changed: a rating that moves no title leaves
        the heights as they are (measuring every cell of the table on each keystroke was
        half of the keystroke's time on a large matrix)."""
        column = ScoresModel.COL_HYPOTHESIS
        key = (self.table.columnWidth(column), self.table.font().key(),
               tuple((self.model.index(row, column).data(),
                      self.model.index(row, ScoresModel.COL_RANK).data())
                     for row in range(self.model.rowCount())))
        if key == self._rows_key and not again:
            return
        self._rows_key = key
        self.table.resizeRowsToContents()
        most = self.table.fontMetrics().lineSpacing() * self.ROW_LINES + 8
        vertical = self.table.verticalHeader()
        for row in range(self.model.rowCount()):
            if vertical.sectionSize(row) > most:
                vertical.resizeSection(row, most)

    def _choose_mode(self) -> None:
        mode = self.mode.currentData()
        if mode is not self.analysis.matrix.scoring_mode:
            self.doc.push(cmd.SetScoringModeCommand(self.doc, self.analysis.matrix_id, mode))

    def refresh(self) -> None:
        mat = self.analysis.matrix
        self.mode.setCurrentIndex(self.mode.findData(mat.scoring_mode))
        # the analyst's own column shows once there is something in it (the Judgment tab
        # is where it is entered): a narrow panel keeps its room for the hypotheses
        self.table.setColumnHidden(ScoresModel.COL_JUDGED,
                                   all(h.judged is None for h in mat.hypotheses))
        what_if = self.analysis.what_if
        self.what_if.setVisible(not what_if.empty)
        if not what_if.empty:
            self.what_if.setText(self.tr("What-if: {excluded} left out, {deception} read as "
                                         "deception, {credibility} credibility tried. Scores below "
                                         "are hypothetical.").format(
                excluded=len(what_if.excluded), deception=len(what_if.deception),
                credibility=len(what_if.credibility)))
        self.chart.update_scores(mat, self.analysis.compute(), mat.scoring_mode)


# ------------------------------------------------------------------ sensitivity


class SensitivityPanel(FindingsPanel):
    """Linchpins, the fewest changes that change the leader, what-if, and contributions.

    The findings are computed on a worker thread; while they are brought up to date
    the last ones stay in view, marked as updating.
    """

    KIND = "sensitivity"

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(self._follow)
        self.what_if_model = WhatIfModel(analysis, self)
        self.table = WhatIfView(self.what_if_model)
        self.revert = QPushButton(self.tr("Revert to the real matrix"))
        self.revert.clicked.connect(analysis.revert)
        self.chart = ContributionChart(self)
        heading = QHBoxLayout()
        heading.addWidget(_heading(self.tr("What the ranking rests on")), 1)
        heading.addWidget(self.updating)
        self.layout_.addLayout(heading)
        self.layout_.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(_heading(self.tr("What if…")))
        row.addStretch(1)
        row.addWidget(self.revert)
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.table, 2)
        self.layout_.addWidget(self.chart, 3)

    WATCHES = (Kind.SCORES, Kind.ANALYSIS)

    def refresh(self) -> None:
        self.revert.setEnabled(not self.analysis.what_if.empty)
        super().refresh()

    def show_findings(self) -> None:
        current = self.analysis.current(self.KIND)
        _show_updating(self.updating, not current)
        self.summary.setEnabled(current)
        found = self.analysis.result(self.KIND)
        if found is None:
            if not current and not self.summary.text():
                self.summary.setText(self.tr("Working out what the ranking rests on…"))
            return
        if current:
            self._summarise(found)
            self.chart.update_contributions(found["case"], found["matrix"], found["contributions"],
                                            found["matrix"].scoring_mode)

    def _summarise(self, found: dict) -> None:
        case, mat = found["case"], found["matrix"]
        labels = {h.id: f"H{i}" for i, h in enumerate(mat.hypotheses, 1)}
        if len(mat.hypotheses) < 2 or not mat.rows:
            self.summary.setText(self.tr("Sensitivity needs two hypotheses and some evidence."))
            return
        pins = found["linchpins"]
        lines = []
        leader_pins = [p for p in pins if p.changes_leader and not p.decides_tie
                       and not p.draws_level]
        tie_pins = [p for p in pins if p.decides_tie]
        level_pins = [p for p in pins if p.draws_level]
        order_pins = [p for p in pins if not p.changes_leader]
        tied = found.get("tie") is not None  # a re-rating can decide a tie: there is one

        def sentence(group: list, one: str, several: str) -> str:
            """``one`` for a single item, ``several`` for more, naming them as links."""
            links = _links(case, [p.evidence_id for p in group])
            return (one if len(group) == 1 else several).format(links=links)

        if leader_pins:
            lines.append(sentence(
                leader_pins,
                self.tr("<b>Linchpin</b> (leader): Without {links} another hypothesis leads."),
                self.tr("<b>Linchpins</b> (leader): Without any one of {links} another hypothesis "
                        "leads.")))
        if tie_pins:
            lines.append(sentence(
                tie_pins,
                self.tr("<b>Linchpin</b> (tie): Without {links} the tie for the lead is decided."),
                self.tr("<b>Linchpins</b> (tie): Without any one of {links} the tie for the lead is "
                        "decided.")))
        if level_pins:
            if tied:
                lines.append(sentence(
                    level_pins,
                    self.tr("<b>Linchpin</b> (a tie): Without {links} another hypothesis joins the "
                            "hypotheses tied for the lead."),
                    self.tr("<b>Linchpins</b> (a tie): Without any one of {links} another "
                            "hypothesis joins the hypotheses tied for the lead.")))
            else:
                lines.append(sentence(
                    level_pins,
                    self.tr("<b>Linchpin</b> (a tie): Without {links} another hypothesis draws "
                            "level with the leader."),
                    self.tr("<b>Linchpins</b> (a tie): Without any one of {links} another "
                            "hypothesis draws level with the leader.")))
        if order_pins:
            lines.append(sentence(
                order_pins,
                self.tr("Without {links} the order below the leader changes."),
                self.tr("Without any one of {links} the order below the leader changes.")))
        if not pins:
            lines.append(self.tr("No single item changes the ranking when it is left out."))
        for change in (found.get("tie"), found["fewest"]):
            if change is None:
                continue
            cells = ", ".join(
                f'<a href="cell:{c.cell[0]}:{c.cell[1]}">{case.evidence_item(c.cell[0]).label}×'
                f"{labels[c.cell[1]]}</a> {c.before.value if c.before else '–'}→{c.after.value}"
                for c in change.changes)
            how_many, what = change.parts(labels)
            lines.append(self.tr("<b>{how_many}</b> would {what}: {cells}.").format(
                how_many=how_many, what=escape_html(what), cells=cells))
        if found["fewest"] is None and len(mat.hypotheses) > 1:
            lines.append(self.tr("No re-rating puts a hypothesis from outside the lead alone in it."))
        self.summary.setText("<br>".join(lines))

    def _follow(self, link: str) -> None:
        kind, *ids = link.split(":")
        if kind == "cell":
            self.navigate.emit(Target(Place.CELL, int(ids[0]), int(ids[1])))  # type: ignore[arg-type]
        elif kind == "evidence":
            self.navigate.emit(Target(Place.EVIDENCE, int(ids[0])))  # type: ignore[arg-type]


class CredibilityDelegate(QStyledItemDelegate):
    """Edits the what-if credibility of a row with a combo box: its own, High, Medium or Low."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(self.tr("own"), None)
        for level in Level:
            combo.addItem(level.shown, level)
        combo.activated.connect(lambda _=0, c=combo: (self.commitData.emit(c),
                                                      self.closeEditor.emit(c)))
        QTimer.singleShot(0, combo.showPopup)  # the choices at once, not a closed box to click again
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setItemText(0, index.data(WhatIfModel.OwnRole))
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class WhatIfView(QTableView):
    """The what-if table: tick Leave out or Deception, pick a credibility; one row per item."""

    def __init__(self, model: WhatIfModel) -> None:
        super().__init__()
        self.setModel(model)
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # A click (or F2, or Enter) opens the credibility choices; moving the cursor never
        # does, so arrowing down the column cannot change a credibility by accident.
        self.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setItemDelegateForColumn(WhatIfModel.COL_CREDIBILITY, CredibilityDelegate(self))
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        # The item first, taking what the other columns leave; they are as wide as their
        # headings (and the credibility as its longest choice), so a narrow panel still
        # shows which item each row is.
        header.moveSection(header.visualIndex(WhatIfModel.COL_ITEM), 0)
        metrics = header.fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
        for column in (WhatIfModel.COL_EXCLUDE, WhatIfModel.COL_DECEPTION):
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.setColumnWidth(column, metrics.horizontalAdvance(title) + pad)
        widest = max(metrics.horizontalAdvance(model.tr("own ({level})").format(level=level.shown))
                     for level in Level)
        header.setSectionResizeMode(WhatIfModel.COL_CREDIBILITY, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(WhatIfModel.COL_CREDIBILITY, widest + pad)
        header.setSectionResizeMode(WhatIfModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)
        if (index.isValid() and event.button() == Qt.MouseButton.LeftButton
                and index.column() == WhatIfModel.COL_CREDIBILITY):
            self.edit(index)  # one click opens the choices

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        index = self.indexAt(event.position().toPoint())
        if (index.isValid() and event.button() == Qt.MouseButton.LeftButton
                and index.column() in WhatIfModel.KINDS):
            # A click anywhere in a Leave out or Deception cell ticks it, not only on its box.
            ticked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            self.model().setData(index, Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked,
                                 Qt.ItemDataRole.CheckStateRole)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        index = self.currentIndex()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid()
                and index.column() == WhatIfModel.COL_CREDIBILITY):
            self.edit(index)
            event.accept()
            return
        super().keyPressEvent(event)


def _centred(widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
    holder.setProperty("inner", widget)
    return holder


UPDATING = QT_TRANSLATE_NOOP("Panels", "Updating…")


def _updating_label() -> QLabel:
    """A quiet "Updating…" mark of fixed size: showing or clearing it moves nothing around."""
    label = QLabel(QCoreApplication.translate("Panels", UPDATING))
    label.setStyleSheet(f"color: {theme.muted()}; font-style: italic;")
    label.setToolTip(QCoreApplication.translate(
        "Panels", "The findings are being worked out for the matrix as it is now"))
    label.setFixedSize(label.sizeHint())
    label.setText("")
    return label


def _show_updating(label: QLabel, on: bool) -> None:
    text = QCoreApplication.translate("Panels", UPDATING) if on else ""
    if label.text() != text:
        label.setText(text)


LISTED = 12
"""Evidence items named in one sentence of the summary; the rest are counted."""


def _links(case, evidence_ids: list[int]) -> str:  # noqa: ANN001
    """Links to the first few items, and how many more there are."""
    links = ", ".join(_evidence_link(case, e) for e in evidence_ids[:LISTED])
    rest = len(evidence_ids) - LISTED
    if rest <= 0:
        return links
    return QCoreApplication.translate("Panels", "{links} and {rest} more").format(links=links,
                                                                               rest=rest)


def _evidence_link(case, evidence_id: int) -> str:  # noqa: ANN001
    return f'<a href="evidence:{evidence_id}">{case.evidence_item(evidence_id).label}</a>'


# ------------------------------------------------------------------ judgment


class JudgmentPanel(Panel):
    """The analyst's own probabilities and priors, checked against the scores."""

    WATCHES = (Kind.SCORES, Kind.ANALYSIS, Kind.HYPOTHESES, Kind.OUTCOME)

    COLUMNS = (QT_TRANSLATE_NOOP("JudgmentPanel", "Yours %"),
               QT_TRANSLATE_NOOP("JudgmentPanel", "Prior %"),
               QT_TRANSLATE_NOOP("JudgmentPanel", "P(H|E)"),
               QT_TRANSLATE_NOOP("JudgmentPanel", "Hypothesis"))
    COL_JUDGED, COL_PRIOR, COL_POSTERIOR, COL_NAME = range(4)
    UNSET = -1.0

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("JudgmentPanel", c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_NAME, QHeaderView.ResizeMode.Stretch)
        self._shown: list[int] = []
        self.total = QLabel()
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.notes.itemActivated.connect(self._go)
        self.layout_.addWidget(_heading(self.tr("How likely is each hypothesis? (Heuer's step 7)")))
        self.layout_.addWidget(_note(self.tr("Give every hypothesis a probability; together they "
                                             "make 100%. Leave the prior empty for a uniform "
                                             "prior.")))
        self.layout_.addWidget(self.table, 2)
        self.layout_.addWidget(self.total)
        self.refused = QLabel("")
        self.refused.setStyleSheet(f"color: {theme.error()};")
        self.refused.setWordWrap(True)
        self.layout_.addWidget(self.refused)
        self.layout_.addWidget(self.notes, 1)
        self.layout_.addWidget(_heading(self.tr("Outcome")))
        self.outcome = _note()
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.outcome)
        buttons = QHBoxLayout()
        self.record = QPushButton(self.tr("Record the outcome…"))
        self.record.setToolTip(self.tr("Once the answer is known: what proved true, when, on what "
                                       "grounds. The matrix is frozen in a snapshot and scored for "
                                       "calibration."))
        self.record.clicked.connect(self.record_outcome)
        self.reopen = QPushButton(self.tr("Reopen the question"))
        self.reopen.clicked.connect(self.reopen_question)
        buttons.addWidget(self.record)
        buttons.addWidget(self.reopen)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.spins: dict[tuple[int, str], QDoubleSpinBox] = {}

    def refresh(self) -> None:
        mat = self.analysis.matrix
        scores = self.analysis.compute()
        ids = [h.id for h in mat.hypotheses]
        if ids != self._shown:
            self._build_rows(mat)
        for r, hyp in enumerate(mat.hypotheses):
            self.table.item(r, self.COL_NAME).setText(f"H{r + 1}: {hyp.title}")
            self.table.item(r, self.COL_NAME).setToolTip(hyp.title)
            for field in ("judged", "prior"):
                spin = self.spins[(hyp.id, field)]
                if not spin.hasFocus():  # never overwrite what the analyst is typing
                    spin.blockSignals(True)
                    value = getattr(hyp, field)
                    spin.setValue(self.UNSET if value is None else value * 100)
                    spin.blockSignals(False)
            self.table.item(r, self.COL_POSTERIOR).setText(
                f"{scores.for_hypothesis(hyp.id).probability:.1%}")
        judged = [h.judged for h in mat.hypotheses if h.judged is not None]
        total = sum(judged)
        ok = judged and abs(total - 1) <= 0.005 and len(judged) == len(mat.hypotheses)
        if not judged:  # nothing entered yet is no mistake
            self.total.setText(self.tr("Total: no probabilities yet"))
            self.total.setStyleSheet("")
        else:
            shown = (self.tr("Total: {total}") if ok else
                     self.tr("Total: {total}  (must be 100%)"))
            self.total.setText(shown.format(total=f"{total:.0%}"))
            self.total.setStyleSheet(f"color: {theme.success()};" if ok else
                                     f"color: {theme.error()}; font-weight: bold;")
        self.notes.clear()
        for note in review_judgment(mat, scores):
            entry = QListWidgetItem(("⚠ " if note.problem else "✓ ") + note.message)
            entry.setData(Qt.ItemDataRole.UserRole, note.hypothesis_id)
            self.notes.addItem(entry)
        self._show_outcome(mat)

    def _show_outcome(self, mat) -> None:  # noqa: ANN001 - the domain Matrix
        closed = mat.outcome is not None
        writable = not self.doc.read_only
        self.record.setVisible(not closed)
        self.reopen.setVisible(closed)
        for button in (self.record, self.reopen):
            button.setEnabled(writable)
        for hyp in mat.hypotheses:
            prior = self.spins.get((hyp.id, "prior"))
            if prior is not None:
                prior.setEnabled(writable)
            spin = self.spins.get((hyp.id, "judged"))
            if spin is not None:
                spin.setEnabled(not closed and writable)
                spin.setToolTip(self.tr("Closed: the probabilities judged before the outcome was "
                                        "known stay as they were") if closed else
                                self.tr("Your probability for this hypothesis"))
        if not closed:
            self.outcome.setText(self.tr("Open: when the answer is known, record it to see how well "
                                         "the probabilities did (Analysis ▸ Calibration)."))
            return
        self.outcome.setText(self.tr("Closed: {outcome}").format(
            outcome=outcome_sentence(mat, self.labels())))

    def record_outcome(self) -> None:
        """Ask what proved true and close the question (one undo step)."""
        mat = self.analysis.matrix
        dialog = OutcomeDialog(list(mat.hypotheses), self)
        if dialog.exec():
            self.doc.push(cmd.SetOutcomeCommand(self.doc, self.analysis.matrix_id, dialog.outcome()))

    def reopen_question(self) -> None:
        """Take the outcome back (its closing snapshot stays)."""
        self.doc.push(cmd.SetOutcomeCommand(self.doc, self.analysis.matrix_id, None))

    def _build_rows(self, mat) -> None:  # noqa: ANN001
        """One row per hypothesis, made again only when the hypotheses themselves change."""
        self.spins.clear()
        self._shown = [h.id for h in mat.hypotheses]
        self.table.setRowCount(len(mat.hypotheses))
        for r, hyp in enumerate(mat.hypotheses):
            for column in (self.COL_NAME, self.COL_POSTERIOR):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if column == self.COL_POSTERIOR:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, column, item)
            for column, field in ((self.COL_JUDGED, "judged"), (self.COL_PRIOR, "prior")):
                spin = self._spin(getattr(hyp, field))
                spin.editingFinished.connect(lambda h=hyp.id, f=field, s=spin: self._commit(h, f, s))
                self.spins[(hyp.id, field)] = spin
                self.table.setCellWidget(r, column, spin)

    def _spin(self, value: float | None) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        # Any number may be typed: 150 is refused in a sentence, not cut to 15 as it is typed.
        spin.setRange(self.UNSET, PERCENT_TYPING_LIMIT)
        spin.setDecimals(1)
        spin.setSingleStep(5.0)
        spin.setSpecialValueText("–")
        spin.setValue(self.UNSET if value is None else value * 100)
        return spin

    def _commit(self, hypothesis_id: int, field: str, spin: QDoubleSpinBox) -> None:
        if not self._alive():
            return  # the matrix is being deleted; its spin boxes go with it
        try:
            hyp = self.analysis.matrix.hypothesis(hypothesis_id)  # type: ignore[arg-type]
        except KeyError:
            return
        current = getattr(hyp, field)
        if spin.value() > 100:
            index = self.analysis.matrix.hypothesis_index(hypothesis_id) + 1  # type: ignore[arg-type]
            refused = (self.tr("H{index}: {value}% is more than 100%; a probability is given from "
                               "0 to 100%.") if field == "judged" else
                       self.tr("H{index}: {value}% is more than 100%; a prior is given from 0 to "
                               "100%."))
            self.refused.setText(refused.format(index=index, value=f"{spin.value():g}"))
            spin.blockSignals(True)
            spin.setValue(self.UNSET if current is None else current * 100)
            spin.blockSignals(False)
            return
        self.refused.setText("")
        value = None if spin.value() < 0 else round(spin.value() / 100, 6)
        if value != current:
            self.doc.push(cmd.SetProbabilitiesCommand(self.doc, self.analysis.matrix_id, field,
                                                      {hypothesis_id: value}))  # type: ignore[dict-item]

    def _go(self, item: QListWidgetItem) -> None:
        hid = item.data(Qt.ItemDataRole.UserRole)
        if hid is not None:
            self.spins[(hid, "judged")].setFocus()


# ------------------------------------------------------------------ lines of evidence


class LinesPanel(FindingsPanel):
    """The probabilistic view by line of evidence: what each source (or named origin) does to
    the posteriors, and how far the most probable hypothesis rests on one of them."""

    KIND = "lines"
    WATCHES = (Kind.SCORES, Kind.ANALYSIS)
    WATCHES_CASE = (Kind.EVIDENCE,)
    COLUMNS = (QT_TRANSLATE_NOOP("LinesPanel", "Line of evidence"),
               QT_TRANSLATE_NOOP("LinesPanel", "Items"),
               QT_TRANSLATE_NOOP("LinesPanel", "Leader without it"),
               QT_TRANSLATE_NOOP("LinesPanel", "Favours"))

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(self._columns())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(self.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(self._go)
        self.comparison = _note()
        heading = QHBoxLayout()
        heading.addWidget(_heading(self.tr("Where the probabilities come from")), 1)
        heading.addWidget(self.updating)
        self.layout_.addLayout(heading)
        self.layout_.addWidget(_note(self.tr(
            "Items of one source, or of one origin named on the items, count together as one "
            "line of evidence (their log-likelihoods are averaged); the lines are taken as "
            "independent. Name an origin on items that rest on one statement (Edit evidence).")))
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.comparison)
        self.layout_.addWidget(self.table, 1)
        self._evidence: list[int] = []

    def _columns(self) -> list[str]:
        """The table's headings, in the user's language."""
        return [QCoreApplication.translate("LinesPanel", c) for c in self.COLUMNS]

    def show_findings(self) -> None:
        current = self.analysis.current(self.KIND)
        _show_updating(self.updating, not current)
        found = self.analysis.result(self.KIND)
        if found is None or not current:
            return
        mat = self.analysis.matrix
        labels = self.labels()
        if len(mat.hypotheses) < 2 or not mat.rows:
            self.summary.setText(self.tr("The probabilistic view needs two hypotheses and some "
                                         "evidence."))
            self.table.setRowCount(0)
            self.comparison.setText("")
            return
        leader = found.leader
        strongest = found.most_influential
        level = found.leaders
        top = (self.tr("<b>{leader}</b> is the most probable at {probability}.").format(
            leader=labels[leader], probability=f"{found.posteriors[leader]:.0%}") + " "
               if len(level) == 1 else "")
        self.summary.setText(top + escape_html(found.sentence(labels)))
        columns = self._columns()
        self.table.setHorizontalHeaderLabels(
            (*columns[:2], self.tr("{leader} without it").format(leader=labels[leader]), columns[3]))
        self.table.setRowCount(len(found.lines))
        self._evidence = []
        for r, line in enumerate(found.lines):
            after = found.leader_without(line)
            favours = min(line.against, key=lambda h: line.against[h])
            cells = (
                line.name,
                str(len(line.evidence)),
                f"{line.without[leader]:.0%} ({shift_text(found.shift(line))})"
                + (self.tr("; {hypothesis} then leads").format(hypothesis=labels[after])
                   if after is not None and after != leader else ""),
                labels[favours] if line.against[favours] < -1e-9 else "–",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setToolTip(", ".join(self.doc.case.evidence_item(e).label
                                              for e in line.evidence))
                if line is strongest:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, column, item)
            self._evidence.append(line.evidence[0])
        self.table.resizeRowsToContents()
        independent = ", ".join(f"{labels[h.id]} {found.independent[h.id]:.0%}" for h in mat.hypotheses)
        by_line = ", ".join(f"{labels[h.id]} {found.posteriors[h.id]:.0%}" for h in mat.hypotheses)
        self.comparison.setText(self.tr("By line of evidence: {by_line}. Were every item "
                                        "independent: {independent}.").format(
            by_line=by_line, independent=independent))

    def _go(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if 0 <= row < len(self._evidence):
            self.navigate.emit(Target(Place.EVIDENCE, self._evidence[row]))  # type: ignore[arg-type]


# ------------------------------------------------------------------ the eight steps


class StepsPanel(FindingsPanel):
    """Where the matrix stands on each of Heuer's eight steps; each finding a click away."""

    WATCHES = (Kind.SCORES, Kind.ANALYSIS)
    WATCHES_CASE = (Kind.MATRICES,)

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemActivated.connect(self._go)
        self.tree.itemClicked.connect(self._go)
        heading = QHBoxLayout()
        heading.addWidget(_heading(self.tr("Heuer's eight steps")), 1)
        heading.addWidget(self.updating)
        self.layout_.addLayout(heading)
        self.layout_.addWidget(_note(self.tr("Click a finding to go where it can be fixed.")))
        self.layout_.addWidget(self.tree)

    KIND = "steps"

    def show_findings(self) -> None:
        steps = self.analysis.result(self.KIND)
        current = self.analysis.current(self.KIND)
        _show_updating(self.updating, not current)
        self.tree.setEnabled(current or steps is None)
        if steps is None or not current:
            if steps is None and not self.tree.topLevelItemCount():
                self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("Working out where the matrix "
                                                                   "stands…")]))
            return
        self.tree.clear()
        for step in steps:
            mark = "✓" if step.done else "•"
            top = QTreeWidgetItem([f"{mark} {step.number}. {step.shown_title}"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for finding in step.findings:
                child = QTreeWidgetItem([("✓ " if finding.done else "→ ") + finding.message])
                child.setToolTip(0, finding.message)
                child.setData(0, Qt.ItemDataRole.UserRole, finding.target)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(not step.done)

    def _go(self, item: QTreeWidgetItem) -> None:
        target = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(target, Target):
            self.navigate.emit(target)
