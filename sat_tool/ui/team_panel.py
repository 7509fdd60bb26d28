"""The Team tab beside a matrix: who rated it, the team's scores, what each analyst's ratings
do to the leader, the most disputed cells, two analysts side by side, and the group's
probabilities."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sat_tool.domain.changes import Kind
from sat_tool.domain.guide import Place, Target
from sat_tool.domain.model import ScoringMode
from sat_tool.domain.probability import posteriors
from sat_tool.domain.team import (
    compare,
    consensus_ratings,
    counted_analysts,
    disputed_cells,
    group_judgment,
    others_hidden,
    rated_analysts,
    team_scores,
    team_sensitivity,
)
from sat_tool.services import cases as svc
from sat_tool.ui.analysis import MatrixAnalysis
from sat_tool.ui.models import TEAM, heat_brushes
from sat_tool.ui.panels import Panel, _heading, _note

LOG = logging.getLogger("sat_tool.ui")

DISPUTED_SHOWN = 15
"""The most disputed cells listed; the rest are counted."""


def _table(columns: list[str], stretch: int = 0) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    for column in range(len(columns)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return table


def _item(text: str, tip: str = "", data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tip:
        item.setToolTip(tip)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _fit(table: QTableWidget, most: int = 12) -> None:
    """Make a table as tall as its rows (up to ``most``), so that the tab scrolls as one."""
    table.resizeRowsToContents()
    rows = min(table.rowCount(), most)
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(rows))
    table.setFixedHeight(max(height, table.horizontalHeader().height() + 8))


class TeamPanel(Panel):
    """Every analyst's ratings of the matrix, read together."""

    deferred = True
    WATCHES = (Kind.SCORES, Kind.TEAM, Kind.ANALYSIS)

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.analysts = _table([self.tr("Analyst"), self.tr("Rated"), self.tr("Agrees with the rest")])
        self.scores = _table([self.tr("Hypothesis"), self.tr("Team"), self.tr("Range")])
        self.influence = QLabel()
        self.influence.setWordWrap(True)
        self.influence.setTextFormat(Qt.TextFormat.RichText)
        self.disputed = _table([self.tr("Cell"), self.tr("Ratings"), self.tr("Disagreement")], 1)
        self.disputed.itemActivated.connect(self._go)
        self.disputed.itemClicked.connect(self._go)
        self.more_disputed = _note()
        self.first = QComboBox()
        self.second = QComboBox()
        for box in (self.first, self.second):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(10)
            box.activated.connect(lambda _i: self._compare())
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.differing = _table([self.tr("Cell"), self.tr("First"), self.tr("Second")], 0)
        self.differing.itemActivated.connect(self._go)
        self.differing.itemClicked.connect(self._go)
        self.probabilities = _table([self.tr("Hypothesis"), self.tr("Group"), self.tr("Spread"),
                                     self.tr("Tool")])
        self.notices = _note()
        self.EMPTY = self.tr(
            "Only one analyst has rated this matrix. When colleagues rate it too (in a shared "
            "workspace, or in their own copy imported back with File ▸ Import), their ratings "
            "are read together here: the team's scores, where you disagree, and the group's "
            "probabilities.")
        self.empty = _note(self.EMPTY)
        lay = self.layout_
        self._headings: list[QLabel] = []

        def heading(text: str) -> QLabel:
            found = _heading(text)
            self._headings.append(found)
            return found

        self.against = QLabel(self.tr("against"))
        lay.addWidget(_heading(self.tr("The team")))
        lay.addWidget(self.empty)
        lay.addWidget(self.summary)
        lay.addWidget(self.analysts)
        lay.addWidget(heading(self.tr("Team scores (the mean of the analysts’ scores)")))
        lay.addWidget(self.scores)
        lay.addWidget(self.influence)
        lay.addWidget(heading(self.tr("Most disputed cells")))
        lay.addWidget(self.disputed)
        lay.addWidget(self.more_disputed)
        lay.addWidget(heading(self.tr("Side by side")))
        pair = QHBoxLayout()
        pair.addWidget(self.first, 1)
        pair.addWidget(self.against)
        pair.addWidget(self.second, 1)
        lay.addLayout(pair)
        lay.addWidget(self.agreement)
        lay.addWidget(self.differing)
        lay.addWidget(heading(self.tr("Group probabilities")))
        lay.addWidget(self.notices)
        lay.addWidget(self.probabilities)
        lay.addStretch(1)
        self._team_widgets = [self.summary, self.analysts, self.scores, self.influence,
                              self.disputed, self.more_disputed, self.first, self.second,
                              self.agreement, self.differing, self.probabilities, self.notices,
                              self.against, *self._headings]

    # ---------------------------------------------------------- drawing

    def names(self) -> dict[str, str]:
        return {a.id: a.name for a in self.doc.case.analysts}

    def refresh(self) -> None:
        case, mat = self.doc.case, self.analysis.matrix
        team = mat.team
        rated = rated_analysts(mat, team)
        several = len(rated) > 1
        if others_hidden(mat):
            left = sum(1 for r in mat.rows for h in mat.hypotheses
                       if (r.evidence_id, h.id) not in mat.ratings)
            self.empty.setText(self.tr(
                "This matrix is rated blind: you see the hypotheses in an order of your own, and "
                "the other analysts' ratings once you have rated every cell ({left} to go)."
            ).format(left=left))
            several = False
        else:
            self.empty.setText(self.EMPTY)
        self.empty.setVisible(not several)
        for widget in self._team_widgets:
            widget.setVisible(several)
        if not several:
            return
        names = self.names()
        labels = self.labels()
        cells = len(mat.rows) * len(mat.hypotheses)
        counted = counted_analysts(mat, team)
        summary = self.tr("{count} analysts have rated this matrix; you rate it as "
                          "<b>{me}</b>.").format(count=len(rated), me=names.get(case.analyst, ""))
        still = [names.get(u, u) for u in rated if u not in counted]
        if still:
            summary += " " + self.tr("Still rating, and left out of the team's scores until "
                                     "they have rated every cell: {names}.").format(
                                         names=", ".join(still))
        self.summary.setText(summary)
        self.analysts.setRowCount(len(rated))
        for row, uid in enumerate(rated):
            own = team[uid]
            done = sum(1 for r in mat.rows for h in mat.hypotheses if (r.evidence_id, h.id) in own)
            others = {u: o for u, o in team.items() if u != uid}
            agree = compare(mat, own, consensus_ratings(mat, others)).agreement
            self.analysts.setItem(row, 0, _item(names.get(uid, uid)))
            self.analysts.setItem(row, 1, _item(f"{done} / {cells}"))
            self.analysts.setItem(row, 2, _item("–" if agree is None else f"{agree:.0%}"))
        _fit(self.analysts)
        self._draw_scores(case, mat, team, rated, names, labels)
        self._draw_disputed(case, mat, team, names, labels)
        self._fill_pair(rated, names)
        self._compare()
        self._draw_probabilities(case, mat, labels, names)

    def _draw_scores(self, case: Any, mat: Any, team: Any, rated: list[str],
                     names: dict[str, str], labels: dict[int, str]) -> None:
        mode = mat.scoring_mode
        scores = team_scores(case, mat, team, mode)
        rated = list(scores.by_analyst)
        columns = [self.tr("Hypothesis"), self.tr("Team"), self.tr("Range")]
        columns += [names.get(uid, uid).split()[0] for uid in rated]
        self.scores.setColumnCount(len(columns))
        self.scores.setHorizontalHeaderLabels(columns)
        header = self.scores.horizontalHeader()
        for column in range(len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 0
                                        else QHeaderView.ResizeMode.ResizeToContents)
        ranking = scores.ranking()
        self.scores.setRowCount(len(ranking))
        for row, score in enumerate(ranking):
            hyp = mat.hypothesis(score.hypothesis_id)
            value = score.value(mode)
            fmt = (lambda v: f"{v:.0%}") if mode is ScoringMode.PROBABILITY else (
                lambda v: f"{v:.2f}")
            lead = "★ " if score.rank == 1 else ""
            self.scores.setItem(row, 0, _item(f"{lead}{labels[hyp.id]} {hyp.title}", hyp.title))
            self.scores.setItem(row, 1, _item(fmt(value)))
            self.scores.setItem(row, 2, _item(f"{fmt(score.lowest)}–{fmt(score.highest)}"))
            for column, uid in enumerate(rated, 3):
                own = scores.by_analyst[uid].for_hypothesis(hyp.id)
                self.scores.setItem(row, column, _item(fmt(own.value(mode)), names.get(uid, uid)))
        _fit(self.scores)
        sentences = []
        leaders = scores.leaders()
        for found in team_sensitivity(case, mat, team, mode):
            name = names.get(found.analyst, found.analyst)
            alone = ", ".join(labels[h.id] for h in mat.hypotheses if h.id in found.leaders_alone)
            if found.changes_alone and leaders < found.leaders_alone:
                level = ", ".join(labels[h.id] for h in mat.hypotheses
                                  if h.id in found.leaders_alone - leaders)
                lead = ", ".join(labels[h.id] for h in mat.hypotheses if h.id in leaders)
                sentences.append(self.tr("Taken alone, <b>{name}</b>’s ratings would put "
                                         "<b>{level}</b> level with <b>{lead}</b>.").format(
                                             name=name, level=level, lead=lead))
            elif found.changes_alone:
                sentences.append(self.tr("Taken alone, <b>{name}</b>’s ratings would put "
                                         "<b>{alone}</b> first.").format(name=name, alone=alone))
            if found.changes_without:
                without = ", ".join(labels[h.id] for h in mat.hypotheses
                                    if h.id in found.leaders_without)
                sentences.append(self.tr("Without <b>{name}</b>, the team would put <b>{without}"
                                         "</b> first.").format(name=name, without=without))
        if not sentences:
            lead = ", ".join(labels[h.id] for h in mat.hypotheses if h.id in leaders)
            sentences.append(self.tr("Every analyst’s ratings alone put <b>{lead}</b> first, and "
                                     "no one analyst’s ratings decide the team’s leader.").format(
                                         lead=lead))
        self.influence.setText(" ".join(sentences))

    def _draw_disputed(self, case: Any, mat: Any, team: Any, names: dict[str, str],
                       labels: dict[int, str]) -> None:
        found = disputed_cells(case, mat, team)
        shown = found[:DISPUTED_SHOWN]
        self.disputed.setRowCount(len(shown))
        for row, cell in enumerate(shown):
            eid, hid = cell.cell
            where = f"{case.evidence_item(eid).label} × {labels[hid]}"
            ratings = " · ".join(f"{names.get(a, a).split()[0]} {r.value}"
                                 for a, r in cell.ratings.items())
            target = Target(Place.CELL, eid, hid)
            self.disputed.setItem(row, 0, _item(where, self.tr("Show this cell"), target))
            self.disputed.setItem(row, 1, _item(ratings, "", target))
            level = _item(cell.disagreement.shown_label, f"{cell.spread:.2f}", target)
            back, fore = heat_brushes(cell.disagreement)
            level.setBackground(back)
            level.setForeground(fore)
            self.disputed.setItem(row, 2, level)
        _fit(self.disputed, DISPUTED_SHOWN)
        rest = len(found) - len(shown)
        if not found:
            self.more_disputed.setText(self.tr("The analysts agree on every cell."))
        elif rest:
            self.more_disputed.setText(self.tr("{count} more disputed cells; turn on Disagreement "
                                               "above the matrix to see them all.").format(
                                                   count=rest))
        else:
            self.more_disputed.setText("")

    def _fill_pair(self, rated: list[str], names: dict[str, str]) -> None:
        wanted = [(uid, names.get(uid, uid)) for uid in rated] + [(TEAM, self.tr("Team consensus"))]
        for box, default in ((self.first, 0), (self.second, 1)):
            current = box.currentData()
            items = [(box.itemData(i), box.itemText(i)) for i in range(box.count())]
            if items != wanted:
                box.blockSignals(True)
                box.clear()
                for key, text in wanted:
                    box.addItem(text, key)
                found = box.findData(current)
                box.setCurrentIndex(found if found >= 0 else default)
                box.blockSignals(False)

    def _ratings_of(self, key: str) -> Any:
        mat = self.analysis.matrix
        return consensus_ratings(mat, mat.team) if key == TEAM else mat.team.get(key, {})

    def _compare(self) -> None:
        mat, case = self.analysis.matrix, self.doc.case
        if self.first.count() == 0:
            return
        first, second = self.first.currentData(), self.second.currentData()
        found = compare(mat, self._ratings_of(first), self._ratings_of(second))
        labels = self.labels()
        if found.agreement is None:
            self.agreement.setText(self.tr("They have no rated cell in common."))
        else:
            self.agreement.setText(self.tr("They rate {same} of {both} cells alike ({share:.0%}); "
                                           "{differ} differ.").format(
                same=found.same, both=found.both, share=found.agreement,
                differ=len(found.differing)))
        self.differing.setHorizontalHeaderLabels([self.tr("Cell"), self.first.currentText(),
                                                  self.second.currentText()])
        self.differing.setRowCount(len(found.differing))
        for row, ((eid, hid), a, b, _steps) in enumerate(found.differing):
            target = Target(Place.CELL, eid, hid)
            self.differing.setItem(row, 0, _item(f"{case.evidence_item(eid).label} × "
                                                 f"{labels[hid]}", self.tr("Show this cell"),
                                                 target))
            self.differing.setItem(row, 1, _item(a.value, "", target))
            self.differing.setItem(row, 2, _item(b.value, "", target))
        _fit(self.differing)
        self.differing.setVisible(bool(found.differing))

    def _draw_probabilities(self, case: Any, mat: Any, labels: dict[int, str],
                            names: dict[str, str]) -> None:
        hypotheses = [h.id for h in mat.hypotheses]
        judged = {uid: {h: j for h, (_p, j) in own.items() if j is not None}
                  for uid, own in mat.judgments.items()}
        group = group_judgment(hypotheses, judged)
        counted = [j for j in group.analysts if j.complete]
        columns = [self.tr("Hypothesis")] + [names.get(j.analyst, j.analyst).split()[0]
                                             for j in counted]
        columns += [self.tr("Group"), self.tr("Spread"), self.tr("Tool")]
        self.probabilities.setColumnCount(len(columns))
        self.probabilities.setHorizontalHeaderLabels(columns)
        header = self.probabilities.horizontalHeader()
        for column in range(len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 0
                                        else QHeaderView.ResizeMode.ResizeToContents)
        notices = [j.notice(names) for j in group.analysts if j.notice(names)]
        judged_by = {j.analyst for j in group.analysts}
        silent = [names.get(u, u) for u in rated_analysts(mat, mat.team) if u not in judged_by]
        if silent and group.analysts:
            notices.append(self.tr("Not judged yet, so not in the group's probabilities: "
                                   "{names}.").format(names=", ".join(silent)))
        if not group.analysts:
            notices.append(self.tr("No analyst has judged the hypotheses’ probabilities yet "
                                   "(Judgment tab)."))
        self.notices.setText(" ".join(notices))
        tool = posteriors(case, mat) if mat.hypotheses else {}
        aggregate = {g.hypothesis_id: g for g in group.aggregate}
        self.probabilities.setRowCount(len(hypotheses) if group.aggregate else 0)
        if not group.aggregate:
            _fit(self.probabilities)
            return
        for row, hyp in enumerate(mat.hypotheses):
            self.probabilities.setItem(row, 0, _item(f"{labels[hyp.id]} {hyp.title}", hyp.title))
            for column, own in enumerate(counted, 1):
                value = own.normalised[hyp.id] if own.normalised else 0.0
                given = own.given.get(hyp.id)
                tip = "" if own.coherent or given is None else self.tr(
                    "entered as {given:.0%}").format(given=given)
                self.probabilities.setItem(row, column, _item(f"{value:.0%}", tip))
            g = aggregate[hyp.id]
            base = len(counted) + 1
            self.probabilities.setItem(row, base, _item(f"{g.mean:.0%}", self.tr(
                "from {low:.0%} to {high:.0%}").format(low=g.lowest, high=g.highest)))
            self.probabilities.setItem(row, base + 1, _item(f"±{g.spread:.0%}"))
            found = tool.get(hyp.id)
            posterior = found.probability if found is not None else 0.0
            self.probabilities.setItem(row, base + 2, _item(f"{posterior:.0%}", self.tr(
                "The tool’s posterior from your ratings")))
        _fit(self.probabilities)

    def _go(self, item: QTableWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(target, Target):
            self.navigate.emit(target)


class HistoryPanel(Panel):
    """Who changed which rating of the matrix, when, from what to what, and why; newest first,
    filtered by analyst."""

    deferred = True
    WATCHES = (Kind.SCORES, Kind.TEAM)
    SHOWN = 500
    """The most recent changes listed."""

    def __init__(self, analysis: MatrixAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(analysis, parent)
        self.who = QComboBox()
        self.who.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.who.setMinimumContentsLength(12)
        self.who.setToolTip(self.tr("Show the changes of one analyst's ratings, or made by them"))
        self.who.activated.connect(lambda _i: self.refresh())
        self.table = _table([self.tr("When (UTC)"), self.tr("Change")], 1)
        self.table.itemActivated.connect(self._go)
        self.table.itemClicked.connect(self._go)
        self.count = _note()
        top = QHBoxLayout()
        top.addWidget(_heading(self.tr("History of the ratings")), 1)
        top.addWidget(self.who)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.count)
        self.layout_.addWidget(self.table, 1)

    def refresh(self) -> None:
        case, mat = self.doc.case, self.analysis.matrix
        try:
            changes = svc.history(self.doc.editor.workspace, case.id, mat.id, limit=None)
        except Exception:  # noqa: BLE001 - a busy moment: shown again on the next change
            LOG.log(logging.WARNING, "could not read the history", exc_info=True)
            return
        if others_hidden(mat):  # rated blind: only the changes of one's own ratings
            me = case.analyst_named(case.analyst).name if case.analyst else ""
            changes = [c for c in changes if c.kind != "rating" or c.analyst == me]
        people = sorted({c.by for c in changes} | {c.analyst for c in changes if c.analyst})
        wanted = [("", self.tr("Everyone"))] + [(p, p) for p in people]
        current = self.who.currentData() or ""
        if [(self.who.itemData(i), self.who.itemText(i)) for i in range(self.who.count())] != wanted:
            self.who.blockSignals(True)
            self.who.clear()
            for key, text in wanted:
                self.who.addItem(text, key)
            self.who.setCurrentIndex(max(self.who.findData(current), 0))
            self.who.blockSignals(False)
        person = self.who.currentData() or ""
        if person:
            changes = [c for c in changes if person in (c.by, c.analyst)]
        total = len(changes)
        changes = changes[:self.SHOWN]
        labels = self.labels()
        items = {e.id: e.label for e in case.evidence}
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            target = None
            if change.kind == "blind":
                where = ""
                what = (self.tr("set blind rating") if change.after == "on"
                        else self.tr("lifted blind rating"))
            else:
                eid, hid = change.cell or (0, 0)
                where = f"{items.get(eid, '–')} × {labels.get(hid, '–')}"
                if eid in items and hid in labels:
                    target = Target(Place.CELL, eid, hid)
                before = change.before or self.tr("unrated")
                after = change.after or self.tr("cleared")
                what = f"{before} → {after}"
                if change.analyst and change.analyst != change.by:
                    what += self.tr(" ({name}’s rating)").format(name=change.analyst)
            line = f"{change.by}: {where} {what}" if where else f"{change.by}: {what}"
            if change.note:
                line += f" — {change.note}"
            tip = self.tr("Show this cell") if target else ""
            self.table.setItem(row, 0, _item(change.at.replace("T", " ").rstrip("Z")[:16], "",
                                             target))
            self.table.setItem(row, 1, _item(line, tip, target))
        self.table.resizeRowsToContents()
        if not total:
            self.count.setText(self.tr("No rating of this matrix has been changed yet."))
        elif total > len(changes):
            self.count.setText(self.tr("The {shown} most recent of {total} changes.").format(
                shown=len(changes), total=total))
        elif total == 1:
            self.count.setText(self.tr("1 change."))
        else:
            self.count.setText(self.tr("{total} changes, the most recent first.").format(
                total=total))

    def _go(self, item: QTableWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(target, Target):
            self.navigate.emit(target)
