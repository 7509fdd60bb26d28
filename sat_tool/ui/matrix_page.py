"""One matrix on screen: the rating table, the legend, the ranked scores and the chart."""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sat_tool.domain.changes import Changes, Kind
from sat_tool.domain.model import EvidenceId, HypothesisId, Level, MatrixId, Rating
from sat_tool.services import cases as svc
from sat_tool.domain.probability import cell_likelihood
from sat_tool.ui import commands as cmd
from sat_tool.ui.dialogs import (
    CellDialog,
    LikelihoodDialog,
    EvidenceDialog,
    HypothesisDialog,
    IncludeEvidenceDialog,
    MatrixDialog,
)
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.matrix_view import KEY_HELP, MatrixView
from sat_tool.domain.team import THRESHOLDS, Disagreement, others_hidden
from sat_tool.ui.models import MINE, TEAM, MatrixModel, escape_html, heat_brushes, rating_brushes
from sat_tool.ui.panels import (
    JudgmentPanel,
    LinesPanel,
    ScoresPanel,
    SensitivityPanel,
    StepsPanel,
)
from sat_tool.ui.analysis import MatrixAnalysis
from sat_tool.ui.snapshots_panel import SnapshotsPanel
from sat_tool.ui.team_panel import HistoryPanel, TeamPanel
from sat_tool.domain.guide import Place, Target
from sat_tool.ui import theme


MIN_PANEL_WIDTH = 340
MAX_PANEL_WIDTH = 520
COMFORTABLE_PANEL_WIDTH = 360
"""The panels' width beside a transposed matrix too wide to be shown whole anyway."""

ARRANGE_ACTIONS = ("remove_row", "delete_hypothesis", "move_up", "move_down", "move_left",
                   "move_right")
"""Toolbar actions gathered under the Arrange menu button."""

LAYOUT_TEXTS = {
    False: {"remove_row": QT_TRANSLATE_NOOP("MatrixPage", "Remove row"),
            "move_up": QT_TRANSLATE_NOOP("MatrixPage", "Move row up"),
            "move_down": QT_TRANSLATE_NOOP("MatrixPage", "Move row down"),
            "move_left": QT_TRANSLATE_NOOP("MatrixPage", "Move hypothesis left"),
            "move_right": QT_TRANSLATE_NOOP("MatrixPage", "Move hypothesis right")},
    True: {"remove_row": QT_TRANSLATE_NOOP("MatrixPage", "Remove evidence column"),
           "move_up": QT_TRANSLATE_NOOP("MatrixPage", "Move hypothesis up"),
           "move_down": QT_TRANSLATE_NOOP("MatrixPage", "Move hypothesis down"),
           "move_left": QT_TRANSLATE_NOOP("MatrixPage", "Move evidence left"),
           "move_right": QT_TRANSLATE_NOOP("MatrixPage", "Move evidence right")},
}
"""What the actions that follow the screen are called, standard (False) or transposed (True)
(translated in the MatrixPage context where they are shown)."""
HIDE_TIPS = {
    False: QT_TRANSLATE_NOOP("MatrixPage",
                             "Hide rows that rate every hypothesis alike: they do not help choose"),
    True: QT_TRANSLATE_NOOP("MatrixPage", "Hide evidence columns that rate every hypothesis alike: "
                                          "they do not help choose"),
}


LOG = logging.getLogger("sat_tool.ui")


class Legend(QWidget):
    """The rating colours with their meaning; clicking one rates the selected cells."""

    def __init__(self, page: MatrixPage) -> None:
        super().__init__(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.buttons: dict[Rating, QToolButton] = {}
        for key, rating in enumerate(Rating, 1):
            button = QToolButton()
            button.setText(self.tr("{rating}  {meaning}").format(rating=rating.value,
                                                                  meaning=rating.shown_meaning))
            button.setToolTip(self.tr("Rate the selected cells {rating} ({meaning}) — key {key}").format(
                rating=rating.value, meaning=rating.shown_meaning, key=key))
            back, fore = rating_brushes(rating)
            button.setStyleSheet(
                f"QToolButton {{ background: {back.color().name()}; color: {fore.color().name()};"
                " border: 1px solid #999; border-radius: 3px; padding: 2px 6px; }"
            )
            button.clicked.connect(lambda _=False, r=rating: page.rate_selection(r))
            self.buttons[rating] = button
            layout.addWidget(button)
        keys = QCoreApplication.translate("MatrixView", KEY_HELP)
        hint = QLabel(self.tr("Keys: {keys}").format(keys=keys))
        hint.setStyleSheet(f"color: {theme.muted()};")
        hint.setToolTip(keys)
        hint.setMinimumWidth(0)
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addSpacing(8)
        self.heat: list[QLabel] = []
        for level in Disagreement:
            swatch = QLabel(QCoreApplication.translate("Legend", _HEAT_SHORT[level]))
            swatch.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            swatch.setMinimumWidth(0)
            back, fore = heat_brushes(level)
            swatch.setStyleSheet(
                f"QLabel {{ background: {back.color().name()}; color: {fore.color().name()};"
                " border: 1px solid #999; border-radius: 3px; padding: 2px 6px; }")
            swatch.setToolTip(self.tr("{bucket}: cells where the analysts' ratings differ this "
                                      "much (spread from {low} on the signed scale)").format(
                                          bucket=level.shown_label, low=_heat_floor(level)))
            swatch.hide()
            self.heat.append(swatch)
            layout.addWidget(swatch, 1)  # they share what the keys' hint had: never wider
        self.hint = hint
        layout.addWidget(hint, 1)

    def show_heat(self, on: bool) -> None:
        """Show the heat map's buckets (instead of the keys) while it colours the cells."""
        for swatch in self.heat:
            swatch.setVisible(on)
        self.hint.setVisible(not on)


_HEAT_SHORT = {
    Disagreement.CONSENSUS: QT_TRANSLATE_NOOP("Legend", "Consensus"),
    Disagreement.MILD: QT_TRANSLATE_NOOP("Legend", "Mild"),
    Disagreement.LARGE: QT_TRANSLATE_NOOP("Legend", "Large"),
    Disagreement.EXTREME: QT_TRANSLATE_NOOP("Legend", "Extreme"),
}
"""The heat map's buckets as the legend names them (the tooltip says the rest)."""


def _heat_floor(level: Disagreement) -> str:
    floors = {name: threshold for threshold, name in THRESHOLDS}
    return f"{floors.get(level, 0.0):.1f}"


class MatrixPage(QWidget):
    """Everything about one matrix; every edit goes through an undo command."""

    showInSourceRequested = Signal(int)
    """An evidence id whose quoted passage should be shown in its source."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.matrix_id = matrix_id
        self.analysis = MatrixAnalysis(doc, matrix_id, self)
        self.model = MatrixModel(doc, matrix_id, self, self.analysis)
        self.view = MatrixView(self.model, self)
        self.scores_panel = ScoresPanel(self.analysis, self)
        self.sensitivity_panel = SensitivityPanel(self.analysis, self)
        self.judgment_panel = JudgmentPanel(self.analysis, self)
        self.steps_panel = StepsPanel(self.analysis, self)
        self.lines_panel = LinesPanel(self.analysis, self)
        self.snapshots_panel = SnapshotsPanel(self.analysis, self)
        self.team_panel = TeamPanel(self.analysis, self)
        self.history_panel = HistoryPanel(self.analysis, self)
        self.scores_model = self.scores_panel.model
        self.chart = self.scores_panel.chart
        self.question = QLabel(self)
        self._build()
        self._connect()
        if self.doc.read_only:
            self._apply_read_only()
        self.refresh_question()
        if self.matrix.transposed:
            self.view.set_transposed(True)
            self._relabel()

    def analysis_busy(self) -> bool:
        """Whether a chart or a finding beside the matrix is still to catch up with the last edits."""
        charts = (self.chart, self.sensitivity_panel.chart, self.snapshots_panel.chart)
        return (self.analysis.busy or any(chart.pending for chart in charts)
                or self.snapshots_panel.pending)

    @property
    def matrix(self):  # noqa: ANN201 - the domain Matrix
        """The domain matrix of this page."""
        return self.doc.case.matrix(self.matrix_id)

    # ---------------------------------------------------------- layout

    def _build(self) -> None:
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 12pt; font-weight: bold; padding: 2px 0;")
        self.toolbar = self._make_toolbar()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for panel, title in ((self.scores_panel, self.tr("Scores")),
                             (self.sensitivity_panel, self.tr("Sensitivity")),
                             (self.judgment_panel, self.tr("Judgment")),
                             (self.lines_panel, self.tr("By source")),
                             (self.team_panel, self.tr("Team")),
                             (self.steps_panel, self.tr("Steps")),
                             (self.snapshots_panel, self.tr("Snapshots")),
                             (self.history_panel, self.tr("History"))):
            scroller = QScrollArea(self.tabs)
            scroller.setWidget(panel)
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QScrollArea.Shape.NoFrame)
            # Panels follow the width they are given; their tables scroll on their own.
            scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.tabs.addTab(scroller, title)
            panel.navigate.connect(self.navigate)
        self.tabs.setMinimumWidth(MIN_PANEL_WIDTH)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        # The band reads out the current evidence item while the hypotheses are down the side.
        self.matrix_area = QWidget(self.splitter)
        area = QVBoxLayout(self.matrix_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.setSpacing(4)
        area.addWidget(self.view.band)
        area.addWidget(self.view, 1)
        area.addStretch(0)  # below a transposed matrix, which is only as tall as its rows
        self.splitter.addWidget(self.matrix_area)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 300])
        self._user_sized = False
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_user_sized", True))
        self.legend = Legend(self)
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(theme.note_box() + " padding: 6px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.question)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.legend)

    SHORTCUTS = (
        ("add_hypothesis", QT_TRANSLATE_NOOP("MatrixPage", "Add a hypothesis"), "Ctrl+Shift+H"),
        ("add_evidence", QT_TRANSLATE_NOOP("MatrixPage", "Add an evidence item"), "Ctrl+Shift+E"),
        ("move_up", QT_TRANSLATE_NOOP("MatrixPage", "Move the row up"), "Alt+Up"),
        ("move_down", QT_TRANSLATE_NOOP("MatrixPage", "Move the row down"), "Alt+Down"),
        ("move_left", QT_TRANSLATE_NOOP("MatrixPage", "Move the hypothesis left"), "Alt+Left"),
        ("move_right", QT_TRANSLATE_NOOP("MatrixPage", "Move the hypothesis right"), "Alt+Right"),
        ("transposed", QT_TRANSLATE_NOOP("MatrixPage", "Hypotheses down the side"), "Ctrl+Shift+T"),
    )
    """The page's own shortcuts, as Help ▸ Keyboard shortcuts lists them (what each does is
    translated in the MatrixPage context where it is shown; the keys are compared, not shown)."""

    def _make_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        entries = [
            ("add_hypothesis", self.tr("+ Hypothesis"), self.add_hypothesis, "Ctrl+Shift+H"),
            ("add_evidence", self.tr("+ Evidence"), self.add_evidence, "Ctrl+Shift+E"),
            ("include_evidence", self.tr("Include…"), self.include_evidence, ""),
            (None, None, None, None),
            ("edit", self.tr("Edit…"), self.edit_current, ""),
            ("remove_row", self.tr("Remove row"), self.remove_current_row, ""),
            ("delete_hypothesis", self.tr("Delete hypothesis"), self.delete_current_hypothesis, ""),
            ("move_up", self.tr("Move row up"), lambda: self.move_on_screen(-1, vertical=True), "Alt+Up"),
            ("move_down", self.tr("Move row down"), lambda: self.move_on_screen(1, vertical=True),
             "Alt+Down"),
            ("move_left", self.tr("Move hypothesis left"), lambda: self.move_on_screen(-1, vertical=False),
             "Alt+Left"),
            ("move_right", self.tr("Move hypothesis right"), lambda: self.move_on_screen(1, vertical=False),
             "Alt+Right"),
            (None, None, None, None),
            ("question", self.tr("Question && conclusions…"), lambda: self.edit_matrix(), ""),
        ]
        arrange = QMenu(self.tr("Arrange"), self)
        for name, text, slot, shortcut in entries:
            if name is None:
                bar.addSeparator()
                continue
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(shortcut)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                plain = text.replace("&&", "&").replace("…", "").lstrip("+ ").strip()
                action.setToolTip(f"{plain} ({shortcut})")
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.addAction(action)  # shortcuts work even when the action sits in a menu
            self.actions_by_name[name] = action
            if name in ARRANGE_ACTIONS:
                arrange.addAction(action)
                if len(arrange.actions()) == 1:  # the menu button stands where its first action would
                    bar.addAction(arrange.menuAction())
            else:
                bar.addAction(action)
        self._arrange_button = bar.widgetForAction(arrange.menuAction())
        if isinstance(self._arrange_button, QToolButton):
            self._arrange_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        sort = QAction(self.tr("Sort by diagnosticity"), self)
        sort.setCheckable(True)
        sort.toggled.connect(self._toggle_sort)
        bar.addSeparator()
        bar.addAction(sort)
        self.actions_by_name["sort"] = sort
        hide = QAction(self.tr("Hide non-diagnostic"), self)
        hide.setCheckable(True)
        hide.setToolTip(QCoreApplication.translate("MatrixPage", HIDE_TIPS[False]))
        hide.toggled.connect(self._toggle_hide)
        bar.addAction(hide)
        self.actions_by_name["hide"] = hide
        side = QAction(self.tr("Hypotheses down the side"), self)
        side.setCheckable(True)
        side.setShortcut("Ctrl+Shift+T")
        side.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        side.setToolTip(self.tr("Show the hypotheses as rows and the evidence as columns "
                                "(Ctrl+Shift+T), a layout found to reduce confirmation bias"))
        side.setChecked(self.matrix.transposed)
        side.toggled.connect(self._toggle_transposed)
        self.addAction(side)
        bar.addAction(side)
        self.actions_by_name["transposed"] = side
        bar.addSeparator()
        self.view_label = QLabel(self.tr("Show:"), bar)
        self.view_choice = QComboBox(bar)
        self.view_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.view_choice.setToolTip(self.tr(
            "Whose ratings the matrix shows: yours (which you edit), another analyst's, or the "
            "team's consensus"))
        self.view_choice.activated.connect(lambda _index: self._apply_view())
        self._view_actions = [bar.addWidget(self.view_label), bar.addWidget(self.view_choice)]
        blind = QAction(self.tr("Rate blind"), self)
        blind.setCheckable(True)
        blind.setChecked(self.matrix.blind)
        blind.setToolTip(self.tr("Each analyst sees the hypotheses in an order of their own and "
                                 "no one else's ratings until they have rated every cell"))
        blind.toggled.connect(lambda on: self.doc.push(cmd.SetBlindCommand(
            self.doc, self.matrix_id, on)))
        self.addAction(blind)
        self.actions_by_name["blind"] = blind
        heat = QAction(self.tr("Disagreement"), self)
        heat.setCheckable(True)
        heat.setToolTip(self.tr("Colour each cell by how much the analysts' ratings of it differ "
                                "(consensus, mild, large, extreme)"))
        heat.toggled.connect(lambda _on: self._apply_view())
        bar.addAction(heat)
        self.actions_by_name["heat"] = heat
        self._view_actions.append(heat)
        self.refresh_views()
        return bar

    # ---------------------------------------------------------- team views

    def refresh_views(self) -> None:
        """List the views of the matrix (mine, each other analyst's, the team's); they are shown
        only when more than one analyst has rated it."""
        case, mat = self.doc.case, self.matrix
        me = case.analyst
        others = [a for a in case.analysts if a.id != me and mat.team.get(a.id)]
        if others_hidden(mat):
            others = []  # rated blind: no one else's ratings until every cell is rated
        blind = self.actions_by_name.get("blind")
        if blind is not None and blind.isChecked() != mat.blind:
            blind.blockSignals(True)
            blind.setChecked(mat.blind)
            blind.blockSignals(False)
        wanted = [(MINE, self.tr("My ratings"))]
        wanted += [(a.id, self.tr("{name}’s ratings").format(name=a.name)) for a in others]
        if others:
            wanted.append((TEAM, self.tr("Team consensus")))
        choice = self.view_choice
        current = choice.currentData() if choice.count() else MINE
        if [(choice.itemData(i), choice.itemText(i)) for i in range(choice.count())] != wanted:
            choice.blockSignals(True)
            choice.clear()
            for key, text in wanted:
                choice.addItem(text, key)
            found = choice.findData(current)
            choice.setCurrentIndex(max(found, 0))
            choice.blockSignals(False)
        for action in self._view_actions:
            action.setVisible(bool(others))
        if not others and (self.model.shown != MINE or self.model.heat):
            self.actions_by_name["heat"].setChecked(False)
        self._apply_view()

    def show_view(self, shown: str, heat: bool | None = None) -> None:
        """Show a view of the matrix (:data:`MINE`, an analyst's id, :data:`TEAM`)."""
        found = self.view_choice.findData(shown)
        if found >= 0:
            self.view_choice.setCurrentIndex(found)
        if heat is not None:
            self.actions_by_name["heat"].setChecked(heat)
        self._apply_view()

    def _apply_view(self) -> None:
        shown = self.view_choice.currentData() or MINE
        heat = self.actions_by_name["heat"].isChecked()
        if (shown, heat) != (self.model.shown, self.model.heat):
            self.model.show_view(shown, heat)
            self.legend.show_heat(heat)
            self.refresh_hint()

    CELL_HISTORY = 8
    """Changes of a cell listed in its dialog."""

    def cell_record(self, cell: tuple[int, int]) -> str:
        """The other analysts' ratings of a cell and its latest changes, as rich text."""
        parts = []
        team = self.model.team_tip(cell)
        if team:
            parts.append(team)
        try:
            changes = svc.history(self.doc.editor.workspace, self.doc.case.id, self.matrix_id,
                                  cell, self.CELL_HISTORY)
        except Exception:  # noqa: BLE001 - a busy moment: the dialog opens without its history
            LOG.log(logging.WARNING, "could not read the history of a cell", exc_info=True)
            changes = []
        if changes:
            lines = [self.tr("<b>History</b>")]
            for change in changes:
                before = change.before or self.tr("unrated")
                after = change.after or self.tr("cleared")
                whose = "" if change.analyst == change.by else self.tr(" ({name}’s rating)").format(
                    name=escape_html(change.analyst))
                why = f" — {escape_html(change.note)}" if change.note else ""
                lines.append(f"{escape_html(change.at)} {escape_html(change.by)}{whose}: "
                             f"{before} → {after}{why}")
            parts.append("<br>".join(lines))
        return "<hr>".join(parts)

    def _on_changes(self, changes: Changes) -> None:
        mid = self.matrix_id
        if Kind.MATRICES in changes:
            self.refresh_question()
        if changes.touches(Kind.LAYOUT, mid):
            self._on_layout(mid)
        if changes.touches(Kind.TEAM, mid):
            self._on_team(mid)
        if changes.touches(Kind.HYPOTHESES, mid) or changes.touches(Kind.ROWS, mid):
            self.refresh_hint()
        if changes.touches(Kind.SCORES, mid):
            self._after_edit(mid)

    def _on_team(self, matrix_id: int) -> None:
        if matrix_id == self.matrix_id:
            self.refresh_views()
            self.model.show_view(self.model.shown, self.model.heat)  # repaint what it shows

    def _refuse_view_edit(self) -> bool:
        """True (and the user told why) when the case cannot be changed here, or the matrix
        shows ratings that are not theirs."""
        if self.doc.read_only:
            self._status(self.doc.read_only)
            return True
        if self.model.editable:
            return False
        self._status(self.tr("These are not your ratings: choose “My ratings” under Show to rate "
                             "the cells."))
        return True

    def _connect(self) -> None:
        self.view.rateRequested.connect(self._rate)
        self.view.pasteRequested.connect(
            lambda ratings: None if self._refuse_view_edit() else
            self.doc.push(cmd.PasteRatingsCommand(self.doc, self.matrix_id, ratings)))
        self.view.pasteRefused.connect(self._refuse_paste)
        self.view.evidencePasteRequested.connect(self.paste_evidence)
        self.view.rowMoveRequested.connect(self._move_row_to)
        self.view.hypothesisMoveRequested.connect(self._move_hypothesis_to)
        self.view.moveRefused.connect(lambda text: self._status(text + "."))
        self.view.cellDialogRequested.connect(self.open_cell_dialog)
        self.view.evidenceDialogRequested.connect(self.edit_evidence)
        self.doc.changed.connect(self._on_changes)
        self.doc.readOnlyChanged.connect(self._apply_read_only)
        # Each header stands for hypotheses or for evidence depending on the layout shown.
        for header in (self.view.horizontalHeader(), self.view.verticalHeader()):
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            header.customContextMenuRequested.connect(
                lambda pos, h=header: self._header_menu(h, pos))
            header.sectionDoubleClicked.connect(
                lambda section, h=header: self._header_double_clicked(h, section))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._cell_menu)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_split()

    def _fit_split(self) -> None:
        if not self._user_sized:
            # The matrix gets what it needs to show every column with a readable evidence text;
            # the analysis panels get the rest, within limits.
            room = self.splitter.width() - self.view.ideal_width()
            if self.view.transposed and room < MIN_PANEL_WIDTH:
                # Evidence across scrolls whatever it is given: keep the panels readable.
                room = COMFORTABLE_PANEL_WIDTH
            side = max(MIN_PANEL_WIDTH, min(MAX_PANEL_WIDTH, room))
            self.splitter.setSizes([max(300, self.splitter.width() - side), side])

    # ---------------------------------------------------------- refresh

    def refresh_question(self) -> None:
        """Show the current question (the page may be about to close if it was deleted)."""
        try:
            self.question.setText(self.matrix.question)
        except KeyError:
            return
        self.refresh_hint()

    def refresh_hint(self, *_args: object) -> None:
        """Tell the analyst what to add first while the matrix is still empty."""
        try:
            mat = self.matrix
        except KeyError:
            return
        self.empty_hint.setVisible(not mat.hypotheses or not mat.rows or not self.model.editable
                                   or bool(self.doc.read_only))
        if self.doc.read_only and not self.model.editable:
            self.empty_hint.setText(self.tr(
                "{why} Showing {view}: the column headings and Diag score them, the tabs beside "
                "the matrix score your own ratings. Each cell's dialog (Enter) shows its ratings, "
                "rationale and history.").format(why=self.doc.read_only,
                                                 view=self.view_choice.currentText()))
        elif self.doc.read_only:
            self.empty_hint.setText(self.tr(
                "{why} Each cell's dialog (Enter) shows its ratings, rationale and history.")
                .format(why=self.doc.read_only))
        elif not self.model.editable and mat.hypotheses and mat.rows:
            shown = self.view_choice.currentText()
            self.empty_hint.setText(self.tr(
                "Showing {view}, to read: the column headings and Diag score them, the tabs "
                "beside the matrix score your own ratings. Choose “My ratings” under Show to "
                "rate.").format(view=shown))
        elif not mat.hypotheses and not mat.rows:
            self.empty_hint.setText(self.tr(
                "To start, add hypotheses (+ Hypothesis) and evidence (+ Evidence or Include…). "
                "List every reasonable answer to the question as a hypothesis, including a "
                "deception hypothesis; evidence can also be taken from a passage of a source "
                "(Sources tab)."))
        elif not mat.hypotheses:
            self.empty_hint.setText(self.tr(
                "To start, add hypotheses (+ Hypothesis). List every reasonable answer to the "
                "question as a hypothesis, including a deception hypothesis; evidence can also "
                "be taken from a passage of a source (Sources tab)."))
        elif not mat.rows:
            self.empty_hint.setText(self.tr(
                "To start, add evidence (+ Evidence or Include…). List every reasonable answer "
                "to the question as a hypothesis, including a deception hypothesis; evidence can "
                "also be taken from a passage of a source (Sources tab)."))

    def focus_first_cell(self) -> None:
        """Give the matrix the keyboard; without a current cell, start at the first rating cell."""
        view = self.view
        rated = self.model.columnCount() > MatrixModel.FIRST_HYPOTHESIS
        # With the hypotheses down the side only rating cells are shown: none without hypotheses.
        if not view.currentIndex().isValid() and view.proxy.rowCount() and (
                rated or not view.transposed):
            column = MatrixModel.FIRST_HYPOTHESIS if rated else MatrixModel.COL_TEXT
            view.setCurrentIndex(view.proxy.index(0, column))
        view.setFocus()

    def navigate(self, target: Target) -> None:
        """Go where a finding can be fixed."""
        place = target.place
        if place is Place.CELL and target.evidence_id is not None and target.hypothesis_id is not None:
            self.view.select_cell(target.evidence_id, target.hypothesis_id)
            self.view.setFocus()
        elif place is Place.EVIDENCE and target.evidence_id is not None:
            self.view.show_evidence(target.evidence_id)
        elif place is Place.ADD_HYPOTHESIS:
            self.add_hypothesis()
        elif place is Place.ADD_EVIDENCE:
            self.add_evidence()
        elif place in (Place.CONCLUSIONS, Place.MILESTONES):
            self.edit_matrix(focus=place.value)
        elif place is Place.SENSITIVITY:
            self.show_panel(self.sensitivity_panel)
        elif place is Place.JUDGMENT:
            self.show_panel(self.judgment_panel)

    # ---------------------------------------------------------- find

    def find_matches(self, query: str) -> list[tuple[str, int]]:
        """The hypotheses whose title or description holds the query, then the evidence rows
        (as shown: sorted, filtered) whose label or text holds it."""
        from sat_tool.ui.find import folded

        mat, case = self.matrix, self.doc.case
        found: list[tuple[str, int]] = [("hypothesis", h.id) for i, h in enumerate(mat.hypotheses, 1)
                                        if query in folded(f"H{i} {h.title} {h.description}")]
        proxy = self.view.proxy
        for row in range(proxy.rowCount()):
            eid = self.model.evidence_id_at(proxy.mapToSource(proxy.index(row, 0)).row())
            item = case.evidence_item(eid)  # type: ignore[arg-type]
            if query in folded(f"{item.label} {item.text}"):
                found.append(("evidence", eid))
        return found

    def show_match(self, match: tuple[str, int]) -> None:
        """Put the cursor on a match: an item's row, or a hypothesis's column."""
        kind, key = match
        if kind == "evidence":
            self.view.show_evidence(key)
            return
        row = self.view.current_evidence_id()
        if row is None and self.matrix.rows:
            row = self.matrix.rows[0].evidence_id
        if row is not None:
            self.view.select_cell(row, key)
            self.view.scrollTo(self.view.currentIndex())
            # the hypothesis's whole column (its row, down the side) is selected, so that the
            # match shows in its header rather than in a cell that does not hold the words
            index = self.view.currentIndex()
            if self.view.transposed:
                self.view.selectRow(index.row())
            else:
                self.view.selectColumn(index.column())


    def show_panel(self, panel: QWidget) -> None:
        """Bring one of the analysis panels to the front."""
        for index in range(self.tabs.count()):
            scroller = self.tabs.widget(index)
            if isinstance(scroller, QScrollArea) and scroller.widget() is panel:
                self.tabs.setCurrentIndex(index)

    # ---------------------------------------------------------- rating

    def _rate(self, cells: list, rating: Rating | None) -> None:
        if self._refuse_view_edit():
            return
        self.doc.push(cmd.SetCellsCommand(self.doc, self.matrix_id, list(cells), rating))

    def _move_row_to(self, evidence_id: int, index: int) -> None:
        mat = self.matrix
        if mat.rows[index].evidence_id != evidence_id:
            self.doc.push(cmd.MoveRowCommand(self.doc, self.matrix_id, evidence_id, index))
        self.view.show_evidence(evidence_id)

    def _refuse_blind_move(self) -> bool:
        if not self.matrix.blind:
            return False
        self._status(self.tr("While the matrix is rated blind its hypotheses are in an order "
                             "of your own, and stay where they are."))
        return True

    def _move_hypothesis_to(self, hypothesis_id: int, index: int) -> None:
        if self._refuse_blind_move():
            return
        mat = self.matrix
        if mat.hypotheses[index].id != hypothesis_id:
            self.doc.push(cmd.MoveHypothesisCommand(self.doc, hypothesis_id, index))

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 6000)

    def _refuse_paste(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot paste"), text[:1].upper() + text[1:] + ".")

    def paste_evidence(self, text: str) -> None:
        """Add the rows of pasted spreadsheet text as evidence of this matrix, in one undo step:
        with a header line each column is read by its name, otherwise the first column is the
        text and the next ones the ratings against H1, H2 … in order."""
        from sat_tool.formats.pasted import pasted_evidence

        mat = self.matrix
        try:
            rows = pasted_evidence(text, [h.title for h in mat.hypotheses])
        except ValueError as exc:
            self._refuse_paste(str(exc))
            return
        sources = {" ".join(s.title.split()).casefold(): s.id for s in self.doc.case.sources}
        drafts = []
        for row in rows:
            fields = dict(row.fields)
            if row.source:
                found = sources.get(row.source.casefold())
                if found is not None:
                    fields["source_id"] = found
                else:
                    notes = str(fields.get("notes", ""))
                    fields["notes"] = (notes + "\n" if notes else "") + f"Source: {row.source}"
            ratings = {mat.hypotheses[i].id: r for i, r in row.ratings.items()}
            drafts.append((row.text, row.relevance, fields, ratings))
        self.doc.push(cmd.PasteEvidenceCommand(self.doc, self.matrix_id, drafts))

    def rate_selection(self, rating: Rating) -> None:
        """Rate the selected cells (legend buttons, context menu)."""
        cells = self.view.selected_cells()
        if cells:
            self._rate(cells, rating)
        self.view.setFocus()

    def open_cell_dialog(self, cell: tuple[int, int]) -> None:
        """Edit a cell's rating and rationale in a dialog (read it, where the case cannot be
        changed here or the matrix shows ratings that are not the analyst's)."""
        eid, hid = cell
        mat = self.matrix
        if self.doc.read_only or not self.model.editable:
            shown = self.model.shown_ratings().get(cell)
            why = self.doc.read_only or self.tr(
                "These are {view}, to read: choose “My ratings” under Show to rate the cell.").format(
                    view=self.view_choice.currentText())
            CellDialog(self.doc.case.evidence_item(eid), mat.hypothesis(hid),  # type: ignore[arg-type]
                       shown.rating if shown else None, shown.rationale if shown else "", self,
                       shown.likelihood if shown else None,
                       cell_likelihood(self.doc.case, mat, cell),  # type: ignore[arg-type]
                       self.cell_record(cell), read_only=why).exec()
            return
        found = copy.copy(mat.ratings.get(cell))  # type: ignore[arg-type]
        dialog = CellDialog(self.doc.case.evidence_item(eid), mat.hypothesis(hid),  # type: ignore[arg-type]
                            found.rating if found else None, found.rationale if found else "", self,
                            found.likelihood if found else None,
                            cell_likelihood(self.doc.case, mat, cell),  # type: ignore[arg-type]
                            self.cell_record(cell))
        if dialog.exec():
            rationale = dialog.rationale.toPlainText().strip()
            rating, likelihood = dialog.chosen(), dialog.chosen_likelihood()
            unchanged = (found is None and rating is None) or (
                found is not None and rating == found.rating and rationale == found.rationale
                and _same_likelihood(found.likelihood, likelihood))
            if unchanged is False and found is not None and _same_likelihood(found.likelihood,
                                                                              likelihood):
                likelihood = found.likelihood  # shown rounded, not changed: kept as stored
            if not unchanged:
                self.doc.push(cmd.SetAssessmentCommand(self.doc, self.matrix_id, cell,  # type: ignore[arg-type]
                                                       rating, rationale, likelihood, seen=found))

    # ---------------------------------------------------------- hypotheses

    def add_hypothesis(self) -> None:
        """Ask for a new hypothesis and add it as the last column."""
        dialog = HypothesisDialog(None, self)
        if dialog.exec():
            values = dialog.values()
            command = cmd.AddHypothesisCommand(self.doc, self.matrix_id, values["title"],
                                               values["description"])
            self.doc.push(command)
            if command.hypothesis is not None and self.matrix.rows:
                self.view.select_cell(self.matrix.rows[0].evidence_id, command.hypothesis.id)
                self.view.setFocus()

    def _header_double_clicked(self, header: QHeaderView, section: int) -> None:
        """Edit the hypothesis or the evidence item of a header section."""
        if header is self.view.hypothesis_header():
            hid = self.view.hypothesis_at_section(section)
            if hid is not None:
                self.edit_hypothesis(hid)
        else:
            eid = self.view.evidence_at_section(section)
            if eid is not None:
                self.edit_evidence(eid)

    def edit_hypothesis(self, hypothesis_id: int) -> None:
        """Edit a hypothesis's title and description."""
        hyp = self.matrix.hypothesis(hypothesis_id)  # type: ignore[arg-type]
        dialog = HypothesisDialog(hyp, self)
        if dialog.exec():
            values = {k: v for k, v in dialog.values().items() if getattr(hyp, k) != v}
            if values:
                self.doc.push(cmd.EditHypothesisCommand(self.doc, hyp.id, seen=(self.matrix_id, hyp),
                                                        **values))

    def delete_hypothesis(self, hypothesis_id: int) -> None:
        """Delete a hypothesis (undo brings it back with its ratings)."""
        self.doc.push(cmd.DeleteHypothesisCommand(self.doc, HypothesisId(hypothesis_id)))

    def delete_current_hypothesis(self) -> None:
        """Delete the hypothesis of the current cell."""
        hid = self.view.current_hypothesis_id()
        if hid is None:
            self._say(self.tr("Select a cell in the hypothesis's row first.") if self.view.transposed
                      else self.tr("Select a cell in the hypothesis's column first."))
            return
        self.delete_hypothesis(hid)

    def move_on_screen(self, step: int, vertical: bool) -> None:
        """Move what the arrow points along: up or down moves the evidence row (the hypothesis
        when transposed), left or right the hypothesis (the evidence item when transposed)."""
        if vertical != self.view.transposed:
            self.move_current_row(step)
        else:
            self.move_current_hypothesis(step)

    def move_current_hypothesis(self, step: int) -> None:
        """Move the current cell's hypothesis one place earlier or later."""
        if self._refuse_blind_move():
            return
        hid = self.view.current_hypothesis_id()
        if hid is None:
            return
        index = self.matrix.hypothesis_index(hid)  # type: ignore[arg-type]
        target = index + step
        if 0 <= target < len(self.matrix.hypotheses):
            row = self.view.current_position().row()
            self.doc.push(cmd.MoveHypothesisCommand(self.doc, hid, target))  # type: ignore[arg-type]
            self.view.setCurrentIndex(self.view.proxy.index(row, MatrixModel.FIRST_HYPOTHESIS + target))

    # ---------------------------------------------------------- evidence rows

    def add_evidence(self) -> None:
        """Ask for a new evidence item, added to the case and to this matrix."""
        dialog = EvidenceDialog(self.doc.case, None, Level.MEDIUM, self)
        if dialog.exec():
            values = dialog.values()
            text = values.pop("text")
            command = cmd.AddEvidenceCommand(self.doc, text, self.matrix_id,
                                             dialog.chosen_relevance() or Level.MEDIUM, **values)
            self.doc.push(command)
            if command.item is not None:
                self.view.show_evidence(command.item.id)

    def edit_evidence(self, evidence_id: int) -> None:
        """Edit an evidence item and its relevance to this matrix."""
        item = self.doc.case.evidence_item(evidence_id)  # type: ignore[arg-type]
        relevance = self.matrix.row(item.id).relevance
        dialog = EvidenceDialog(self.doc.case, item, relevance, self)
        if dialog.exec():
            values = {k: v for k, v in dialog.values().items() if getattr(item, k) != v}
            new_relevance = dialog.chosen_relevance()
            changed_relevance = new_relevance if new_relevance != relevance else None
            if values or changed_relevance:
                self.doc.push(cmd.EditEvidenceCommand(self.doc, item.id, values, self.matrix_id,
                                                      changed_relevance, seen=(item, relevance)))

    def include_evidence(self) -> None:
        """Include case evidence that this matrix does not have yet."""
        candidates = [e for e in self.doc.case.evidence if not self.matrix.includes(e.id)]
        if not candidates:
            self._say(self.tr("Every evidence item of the case is already in this matrix."))
            return
        dialog = IncludeEvidenceDialog(candidates, self)
        if dialog.exec() and dialog.chosen():
            self.doc.push(cmd.IncludeEvidenceCommand(self.doc, self.matrix_id,
                                                     [EvidenceId(e) for e in dialog.chosen()],
                                                     dialog.chosen_relevance()))

    def remove_current_row(self) -> None:
        """Take the current evidence row out of this matrix (it stays in the case)."""
        eid = self.view.current_evidence_id()
        if eid is not None:
            self.doc.push(cmd.ExcludeEvidenceCommand(self.doc, self.matrix_id, EvidenceId(eid)))

    def move_current_row(self, step: int) -> None:
        """Move the current evidence item one place earlier or later (a row up or down; a column
        left or right when transposed)."""
        if self.view.rearranged:
            self._say(self.tr("Evidence columns are sorted or some are hidden; show them in "
                              "their own order to move them.") if self.view.transposed
                      else self.tr("Rows are sorted or some are hidden; show them in their own "
                                   "order to move them."))
            return
        eid = self.view.current_evidence_id()
        if eid is None:
            return
        index = self.matrix.row_index(eid)  # type: ignore[arg-type]
        target = index + step
        if 0 <= target < len(self.matrix.rows):
            column = self.view.current_position().column()
            self.doc.push(cmd.MoveRowCommand(self.doc, self.matrix_id, EvidenceId(eid), target))
            self.view.setCurrentIndex(self.view.proxy.index(target, column))

    def edit_current(self) -> None:
        """Edit what the cursor is on: a cell's rating and rationale, or the evidence item."""
        index = self.view.currentIndex()
        if not index.isValid():
            return
        cell = self.model.cell_at(self.view.source_index(index))
        if cell is not None:
            self.open_cell_dialog(cell)
        else:
            self.edit_evidence(self.view.current_evidence_id())  # type: ignore[arg-type]

    def edit_matrix(self, focus: str = "question") -> None:
        """Edit the question, notes, conclusions and milestones (``focus`` names the field to start in)."""
        mat = self.matrix
        dialog = MatrixDialog(mat.question, mat.notes, mat.conclusions, mat.milestones, self)
        getattr(dialog, focus, dialog.question).setFocus()
        if dialog.exec():
            values = {k: v for k, v in dialog.values().items() if getattr(mat, k) != v}
            if values:
                self.doc.push(cmd.EditMatrixCommand(self.doc, self.matrix_id, seen=mat, **values))

    # ---------------------------------------------------------- menus

    def _header_menu(self, header: QHeaderView, pos: QPoint) -> None:
        """The menu of a header section: a hypothesis's or an evidence item's, by layout."""
        section = header.logicalIndexAt(pos)
        if header is self.view.hypothesis_header():
            menu = self.hypothesis_menu(self.view.hypothesis_at_section(section))
        else:
            menu = self.evidence_menu(self.view.evidence_at_section(section))
        menu.exec(header.mapToGlobal(pos))

    def hypothesis_menu(self, hid: int | None) -> QMenu:
        """The menu of a hypothesis's header (None: of the header past the last one)."""
        menu = QMenu(self)
        if hid is not None:
            menu.addAction(self.tr("Edit hypothesis…"), lambda: self.edit_hypothesis(hid))
            menu.addAction(self.tr("Delete hypothesis"), lambda: self.delete_hypothesis(hid))
            menu.addSeparator()
        menu.addAction(self.tr("Add hypothesis…"), self.add_hypothesis)
        return menu

    def evidence_menu(self, eid: int | None) -> QMenu:
        """The menu of an evidence item's header (None: of the header past the last one)."""
        menu = QMenu(self)
        if eid is not None:
            menu.addAction(self.tr("Edit evidence…"), lambda: self.edit_evidence(eid))
            show = menu.addAction(self.tr("Show in source"),
                                  lambda: self.showInSourceRequested.emit(eid))
            show.setEnabled(self.doc.case.evidence_item(eid).source_id is not None)  # type: ignore[arg-type]
            menu.addAction(self.tr("Remove from this matrix"), lambda: self.doc.push(
                cmd.ExcludeEvidenceCommand(self.doc, self.matrix_id, EvidenceId(eid))))
            menu.addAction(self.tr("Delete from the case"), lambda: self.doc.push(
                cmd.DeleteEvidenceCommand(self.doc, EvidenceId(eid))))
            menu.addSeparator()
            menu.addAction(self.tr("State likelihoods…"), lambda: self.state_likelihoods(eid))
            menu.addSeparator()
        menu.addAction(self.tr("Add evidence…"), self.add_evidence)
        menu.addAction(self.tr("Include evidence…"), self.include_evidence)
        return menu

    def _cell_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        cell = self.model.cell_at(self.view.source_index(index))
        menu = QMenu(self)
        if cell is None:
            eid = self.model.evidence_id_at(self.view.source_index(index).row())
            menu.addAction(self.tr("Edit evidence…"), lambda: self.edit_evidence(eid))
            menu.addAction(self.tr("Paste evidence rows\tCtrl+V"),
                           lambda: self.paste_evidence(QGuiApplication.clipboard().text()))
        else:
            for rating in Rating:
                menu.addAction(self.tr("{rating}  {meaning}").format(rating=rating.value,
                                                                     meaning=rating.shown_meaning),
                               lambda r=rating: self.rate_selection(r))
            menu.addAction(self.tr("Clear"), lambda: self._rate(self.view.selected_cells(), None))
            menu.addSeparator()
            menu.addAction(self.tr("Copy\tCtrl+C"), self.view.copy_selection)
            menu.addAction(self.tr("Paste ratings\tCtrl+V"),
                           lambda: self.view.paste_text(QGuiApplication.clipboard().text()))
            menu.addSeparator()
            menu.addAction(self.tr("Rating and rationale…"), lambda: self.open_cell_dialog(cell))
            menu.addAction(self.tr("State likelihoods of this column…") if self.view.transposed else
                           self.tr("State likelihoods of this row…"),
                           lambda: self.state_likelihoods(cell[0]))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def state_likelihoods(self, evidence_id: int) -> None:
        """Elicit P(evidence | hypothesis) for every rated cell of one row, in one undo step."""
        mat, case = self.matrix, self.doc.case
        item = case.evidence_item(evidence_id)  # type: ignore[arg-type]
        rows = []
        for hyp in mat.hypotheses:
            found = mat.ratings.get((item.id, hyp.id))
            rows.append((hyp, found.rating if found else None,
                         cell_likelihood(case, mat, (item.id, hyp.id)),
                         found is not None and found.likelihood is not None))
        dialog = LikelihoodDialog(item, rows, self)
        if not dialog.exec():
            return
        wanted = {}
        for hid, value in dialog.values().items():
            found = mat.ratings.get((item.id, hid))
            if found is None or _same_likelihood(found.likelihood, value):
                continue  # untouched: a value the dialog shows rounded is not rewritten
            wanted[(item.id, hid)] = value
        if wanted:
            self.doc.push(cmd.SetLikelihoodsCommand(self.doc, self.matrix_id, wanted))

    def _toggle_transposed(self, on: bool) -> None:
        if on != self.matrix.transposed:
            self.doc.push(cmd.SetTransposedCommand(self.doc, self.matrix_id, on))

    def _on_layout(self, matrix_id: int) -> None:
        """The matrix's layout changed (here, by undo, or in another window): show it."""
        if matrix_id != self.matrix_id:
            return
        try:
            transposed = self.matrix.transposed
        except KeyError:
            return
        toggle = self.actions_by_name["transposed"]
        if toggle.isChecked() != transposed:
            toggle.blockSignals(True)
            toggle.setChecked(transposed)
            toggle.blockSignals(False)
        self.view.set_transposed(transposed)
        self._relabel()
        self._fit_split()

    def _relabel(self) -> None:
        """Name the actions that follow the screen after what they act on in this layout."""
        transposed = self.view.transposed
        for name, text in LAYOUT_TEXTS[transposed].items():
            action = self.actions_by_name[name]
            shown = QCoreApplication.translate("MatrixPage", text)
            action.setText(shown)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
            action.setToolTip(f"{shown} ({shortcut})" if shortcut else shown)
        self.actions_by_name["hide"].setToolTip(QCoreApplication.translate("MatrixPage",
                                                                           HIDE_TIPS[transposed]))
        self._enable_moves()

    def _toggle_sort(self, on: bool) -> None:
        self.view.sort_by_diagnosticity(on)
        self._enable_moves()

    def _toggle_hide(self, on: bool) -> None:
        self.view.hide_non_diagnostic(on)
        self._enable_moves()

    def _enable_moves(self) -> None:
        """Evidence cannot be moved while it is sorted or partly hidden; hypotheses always can
        (in a case that can be changed here)."""
        evidence = ("move_left", "move_right") if self.view.transposed else ("move_up", "move_down")
        for name in ("move_up", "move_down", "move_left", "move_right"):
            self.actions_by_name[name].setEnabled(
                (name not in evidence or not self.view.rearranged) and not self.doc.read_only)

    READING_ACTIONS = frozenset({"sort", "hide", "heat"})
    """The page's actions that change only what this window shows, never the case."""

    def _apply_read_only(self) -> None:
        """Grey every action that would change the case while it cannot be changed here."""
        writable = not self.doc.read_only
        for name, action in self.actions_by_name.items():
            if name not in self.READING_ACTIONS:
                action.setEnabled(writable)
        for button in self.legend.buttons.values():  # the legend's swatches rate the cell too
            button.setEnabled(writable)
        self._enable_moves()
        if (self.doc.read_only and not self.matrix.ratings and self.model.shown == MINE
                and self.view_choice.findData(TEAM) >= 0):
            self.show_view(TEAM)  # a reviewer with no ratings of their own reads the team's
        self.refresh_hint()

    def _after_edit(self, matrix_id: int) -> None:
        """A sorted or filtered view follows the edit (the cursor stays on its cell)."""
        if matrix_id == self.matrix_id and self.view.rearranged:
            try:
                self.matrix
            except KeyError:
                return
            self.view.reapply()

    def _say(self, text: str) -> None:
        QMessageBox.information(self, self.tr("SAT Tool"), text)


def _same_likelihood(stored: float | None, shown: float | None) -> bool:
    """Whether a likelihood the dialog gives back is the stored one, as the dialog shows it
    (to a tenth of a percentage point)."""
    if stored is None or shown is None:
        return stored is shown
    return abs(round(stored * 100, 1) - shown * 100) < 1e-6
