"""Qt item models over the domain: the matrix, the scores, the evidence and the sources.

Models read the domain objects of the open :class:`CaseDocument` and listen to
its signals; structural changes become insert/remove/move notifications when
they are a single step, and a reset only when everything changed at once.
"""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from sat_tool.domain.changes import Changes, Kind
from sat_tool.domain.model import EvidenceType, Matrix, MatrixId, Rating, ScoringMode
from sat_tool.domain.probability import likelihood_text, rating_likelihood
from sat_tool.domain.scoring import MatrixScores, score_matrix
from sat_tool.domain.team import (
    Disagreement,
    blind_order,
    cell_ratings,
    consensus_ratings,
    disagreement,
    others_hidden,
    with_ratings,
)
from sat_tool.ui.analysis import MatrixAnalysis
from sat_tool.formats.palette import DISAGREEMENT_COLOURS, RATING_COLOURS
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.sync import report_columns, report_rows
from sat_tool.ui import theme

MINE = ""
"""The matrix view showing the ratings of the analyst the case is rated as."""
TEAM = "team"
"""The matrix view showing the team's consensus rating of each cell."""

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""Returns the domain object of a row (evidence item, source, hypothesis score)."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""A value to sort on (numbers for numeric columns)."""
RatingRole = Qt.ItemDataRole.UserRole + 3
"""The :class:`Rating` of a matrix cell, or None."""
CellRole = Qt.ItemDataRole.UserRole + 4
"""The (evidence id, hypothesis id) of a matrix cell."""
RationaleRole = Qt.ItemDataRole.UserRole + 5
"""The rationale of a rated cell ('' when none)."""
LikelihoodRole = Qt.ItemDataRole.UserRole + 6
"""The likelihood the analyst stated for a rated cell, or None (the rating's default)."""
TransposedRole = Qt.ItemDataRole.UserRole + 256
"""Added to a role, asks :meth:`MatrixModel.headerData` for the header of the transposed
layout (hypotheses down the side): ``headerData(s, o, TransposedRole + Qt.DisplayRole)``."""

AnyIndex = QModelIndex | QPersistentModelIndex

HEADER_WRAP = 11
"""Characters per line of a hypothesis column header, until the view says how wide it is."""
HEADER_LINES = 3
SIDE_HEADER_WRAP = 26
"""Characters per line of a hypothesis row header (hypotheses down the side)."""

def score_line(score: Any, mode: ScoringMode, chars: int) -> str:
    """A hypothesis's scores under its title, labelled: "Incons. 2 · Weighted 1.71" on one line
    when ``chars`` allow, else on two; "P(H|E) 38.5%" when ranked by probability."""
    if mode is ScoringMode.PROBABILITY:
        return QCoreApplication.translate("MatrixModel", "P(H|E) {probability}").format(
            probability=f"{score.probability:.1%}")
    weighted = f"{score.weighted:.2f}"
    one = QCoreApplication.translate("MatrixModel", "Incons. {inconsistency} · Weighted {weighted}"
                                     ).format(inconsistency=score.inconsistency, weighted=weighted)
    return one if len(one) <= chars else QCoreApplication.translate(
        "MatrixModel", "Incons. {inconsistency}\nWeighted {weighted}").format(
            inconsistency=score.inconsistency, weighted=weighted)


TYPE_SHORT = {
    EvidenceType.ASSUMPTION: QT_TRANSLATE_NOOP("MatrixModel", "Assump."),
    EvidenceType.ABSENCE: QT_TRANSLATE_NOOP("MatrixModel", "Absence"),
}
"""Short names of the evidence types too long for the Type column (translated where shown)."""


def qcolor(hex_rgb: str) -> QColor:
    """A QColor from RRGGBB."""
    return QColor(f"#{hex_rgb}")


def rating_brushes(rating: Rating) -> tuple[QBrush, QBrush]:
    """(background, foreground) brushes of a rating (made once, then shared)."""
    found = _BRUSHES.get(rating)
    if found is None:
        back, fore = RATING_COLOURS[rating]
        found = _BRUSHES[rating] = (QBrush(qcolor(back)), QBrush(qcolor(fore)))
    return found


_BRUSHES: dict[Rating, tuple[QBrush, QBrush]] = {}
_HEAT: dict[Disagreement, tuple[QBrush, QBrush]] = {}


def heat_brushes(level: Disagreement) -> tuple[QBrush, QBrush]:
    """(background, foreground) brushes of a disagreement bucket on the heat map."""
    found = _HEAT.get(level)
    if found is None:
        back, fore = DISAGREEMENT_COLOURS[level]
        found = _HEAT[level] = (QBrush(qcolor(back)), QBrush(qcolor(fore)))
    return found
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_BOLD: list[QFont] = []


def _bold() -> QFont:
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


class MatrixModel(QAbstractTableModel):
    """The ACH matrix: one row per included evidence item, fixed columns then hypotheses."""

    scoresChanged = Signal(int, int)
    """The scores shown in the headers of these columns (first, last) changed, nothing else."""

    COL_TEXT, COL_TYPE, COL_CREDIBILITY, COL_RELEVANCE, COL_DIAGNOSTICITY = range(5)
    FIRST_HYPOTHESIS = 5
    FIXED_HEADERS = (QT_TRANSLATE_NOOP("MatrixModel", "Evidence"),
                     QT_TRANSLATE_NOOP("MatrixModel", "Type"),
                     QT_TRANSLATE_NOOP("MatrixModel", "Cred"),
                     QT_TRANSLATE_NOOP("MatrixModel", "Rel"),
                     QT_TRANSLATE_NOOP("MatrixModel", "Diag"))
    FIXED_TIPS = (
        QT_TRANSLATE_NOOP("MatrixModel", "The evidence item, assumption or absence of evidence"),
        QT_TRANSLATE_NOOP("MatrixModel", "Kind of evidence"),
        QT_TRANSLATE_NOOP("MatrixModel", "Credibility of the item (High, Medium, Low)"),
        QT_TRANSLATE_NOOP("MatrixModel",
                          "Relevance of the item to this matrix's question (High, Medium, Low)"),
        QT_TRANSLATE_NOOP("MatrixModel",
                          "Diagnosticity: how much the row discriminates between hypotheses "
                          "(spread of its ratings; 0 = none). ⚠ marks a row inconsistent with "
                          "every hypothesis."),
    )
    """The fixed columns' headings and tooltips (translated where shown)."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, parent: Any = None,
                 analysis: MatrixAnalysis | None = None) -> None:
        super().__init__(parent)
        self.header_chars = {}
        self.doc = doc
        self.matrix_id = matrix_id
        self.analysis = analysis or MatrixAnalysis(doc, matrix_id, self)
        self._rows = [r.evidence_id for r in self.matrix.rows]
        self._hyps = self.column_order()
        self.scores = self.analysis.compute()
        self._narrow = False
        """The last cells rated were repainted already: the matrixEdited that follows needs nothing."""
        self.shown = MINE
        """Whose ratings the cells show: :data:`MINE` (the analyst rated as, editable), another
        analyst's id, or :data:`TEAM` (the consensus); only MINE can be edited."""
        self.heat = False
        """Whether the cells are coloured by how much the analysts disagree on them."""
        self._consensus: tuple[Any, dict] | None = None
        self._shown_scores: tuple[Any, MatrixScores] | None = None
        self.analysis.whatIfChanged.connect(self._on_what_if)
        doc.changed.connect(self._on_changes)

    @property
    def matrix(self) -> Matrix:
        """The domain matrix shown."""
        return self.doc.case.matrix(self.matrix_id)

    # ---------------------------------------------------------- shape

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_HYPOTHESIS + len(self._hyps)

    def is_rating_column(self, column: int) -> bool:
        """Whether a column holds ratings (one per hypothesis)."""
        return self.FIRST_HYPOTHESIS <= column < self.columnCount()

    def cell_at(self, index: AnyIndex) -> tuple[int, int] | None:
        """The (evidence id, hypothesis id) of a rating cell, or None for other columns."""
        if not index.isValid() or not self.is_rating_column(index.column()):
            return None
        return (self._rows[index.row()], self._hyps[index.column() - self.FIRST_HYPOTHESIS])

    def index_of_cell(self, evidence_id: int, hypothesis_id: int) -> QModelIndex:
        """The index showing a cell (invalid when it is not shown)."""
        if evidence_id not in self._rows or hypothesis_id not in self._hyps:
            return QModelIndex()
        return self.index(self._rows.index(evidence_id),
                          self.FIRST_HYPOTHESIS + self._hyps.index(hypothesis_id))

    def row_of(self, evidence_id: int) -> int:
        """The row showing an evidence item, or -1."""
        return self._rows.index(evidence_id) if evidence_id in self._rows else -1

    def evidence_id_at(self, row: int) -> int:
        """The evidence id of a row."""
        return self._rows[row]

    def text_at(self, row: int) -> str:
        """The evidence text shown in a row ('' while the row is being removed)."""
        try:
            return self.doc.case.evidence_item(self._rows[row]).text  # type: ignore[arg-type]
        except (IndexError, KeyError):
            return ""

    def hypothesis_id_at(self, column: int) -> int:
        """The hypothesis id of a rating column."""
        return self._hyps[column - self.FIRST_HYPOTHESIS]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---------------------------------------------------------- data

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        try:
            if self.is_rating_column(index.column()):
                return self._cell_data(index, role)
            return self._fixed_data(index, role)
        except (KeyError, IndexError):  # the row or column is being removed
            return None

    def _fixed_data(self, index: AnyIndex, role: int) -> Any:
        eid = self._rows[index.row()]
        item = self.doc.case.evidence_item(eid)
        row = self.matrix.row(eid)
        col = index.column()
        if role == ObjectRole:
            return item
        what_if = self._what_if_data(eid, col, role)
        if what_if is not None:
            return what_if
        if col == self.COL_DIAGNOSTICITY:
            return self._diagnosticity_data(eid, role)
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if col == self.COL_TEXT:
                return item.text
            if col == self.COL_TYPE:
                short = TYPE_SHORT.get(item.type)
                return item.type.shown if short is None else QCoreApplication.translate(
                    "MatrixModel", short)
            if col == self.COL_CREDIBILITY:
                return item.credibility.value[0] if role == Qt.ItemDataRole.DisplayRole else (
                    item.credibility.weight)
            if col == self.COL_RELEVANCE:
                return row.relevance.value[0] if role == Qt.ItemDataRole.DisplayRole else (
                    row.relevance.weight)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_CREDIBILITY:
            return self.tr("Credibility: {level}").format(level=item.credibility.shown)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_RELEVANCE:
            return self.tr("Relevance to this question: {level}").format(level=row.relevance.shown)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_TEXT:
            return self._evidence_tooltip(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_TEXT:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _what_if_data(self, eid: int, col: int, role: int) -> Any:
        """How the what-if marks a row: excluded rows struck out, deception in italics,
        a tried credibility shown with an asterisk."""
        what_if = self.analysis.what_if
        if what_if.empty:
            return None
        if role == Qt.ItemDataRole.FontRole and (eid in what_if.excluded or eid in what_if.deception):
            font = QFont()
            font.setStrikeOut(eid in what_if.excluded)
            font.setItalic(eid in what_if.deception)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and eid in what_if.excluded:
            return QBrush(QColor(theme.muted()))
        tried = dict(what_if.credibility).get(eid)  # type: ignore[call-overload]
        if tried is not None and col == self.COL_CREDIBILITY:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{tried.value[0]}*"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("What-if credibility: {level} (its own is not changed)").format(
                    level=tried.value)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(theme.accent()))
        return None

    def _evidence_tooltip(self, item: Any) -> str:
        parts = [f"<b>{item.label}</b> — {escape_html(item.text)}", f"<i>{item.type.shown}</i>"]
        if item.source_id is not None:
            src = self.doc.case.source(item.source_id)
            parts.append(self.tr("Source: {title}").format(title=escape_html(src.title)))
        if item.date:
            parts.append(self.tr("Date: {date}").format(date=escape_html(item.date)))
        if item.quote:
            parts.append(f"“{escape_html(item.quote)}”")
        if item.notes:
            parts.append(escape_html(item.notes))
        return "<br>".join(parts)

    def _diagnosticity_data(self, eid: int, role: int) -> Any:
        score = self.header_scores().for_evidence(eid)  # type: ignore[arg-type]
        if role == SortRole:
            return -1.0 if score.diagnosticity is None else score.diagnosticity
        if role == Qt.ItemDataRole.DisplayRole:
            text = "–" if score.diagnosticity is None else f"{score.diagnosticity:.2f}"
            return f"⚠ {text}" if score.inconsistent_with_all else text
        if role == Qt.ItemDataRole.ToolTipRole:
            if score.inconsistent_with_all:
                return self.tr("Inconsistent with every hypothesis: check the item, "
                               "or consider a hypothesis that is missing.")
            if score.diagnosticity is None:
                return self.tr("Fewer than two rated cells: diagnosticity not defined yet.")
            if not score.diagnostic:
                return self.tr("Not diagnostic: the row rates every hypothesis alike.")
            return self.tr("Diagnosticity {diagnosticity} (spread of the row's ratings)").format(
                diagnosticity=f"{score.diagnosticity:.3f}")
        if role == Qt.ItemDataRole.ForegroundRole:
            if score.inconsistent_with_all:
                return QBrush(QColor(theme.error()))
            if not score.diagnostic:
                return QBrush(QColor(theme.muted()))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # ---------------------------------------------------------- team views

    def column_order(self) -> list[Any]:
        """The hypotheses' ids in the order the columns show them: the matrix's order, or
        while it is rated blind an order of the analyst's own."""
        mat = self.matrix
        ids = [h.id for h in mat.hypotheses]
        if mat.blind and self.doc.case.analyst:
            return blind_order(ids, self.doc.case.analyst, mat.uid or str(mat.id))
        return ids

    def show_view(self, shown: str, heat: bool) -> None:
        """Show another analyst's ratings, the team's consensus, or the disagreement heat map."""
        self.shown, self.heat = shown, heat
        self._consensus = None
        self._shown_scores = None
        if self._hyps:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.FIRST_HYPOTHESIS,
                                        self.columnCount() - 1)
        if self._rows and self._hyps:
            self.dataChanged.emit(self.index(0, self.COL_DIAGNOSTICITY),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def header_scores(self) -> MatrixScores:
        """The scores of the ratings shown: the analysis's own for mine, else those of the
        analyst or consensus shown (what-if choices apply to mine only)."""
        if self.shown == MINE:
            return self.scores
        mat = self.matrix
        key = (self.doc.editor.revision, self.shown, mat.scoring_mode, len(mat.rows),
               len(mat.hypotheses))
        if self._shown_scores is None or self._shown_scores[0] != key:
            self._shown_scores = (key, score_matrix(self.doc.case,
                                                    with_ratings(mat, self.shown_ratings())))
        return self._shown_scores[1]

    @property
    def editable(self) -> bool:
        """Whether the cells shown are the ratings of the analyst rated as."""
        return self.shown == MINE

    def shown_ratings(self) -> dict:
        """The ratings the cells show, by cell."""
        mat = self.matrix
        if self.shown == MINE:
            return mat.ratings
        if self.shown == TEAM:
            key = (self.doc.editor.revision, id(mat), sum(len(o) for o in mat.team.values()))
            if self._consensus is None or self._consensus[0] != key:
                self._consensus = (key, consensus_ratings(mat, mat.team))
            return self._consensus[1]
        return mat.team.get(self.shown, {})

    def team_tip(self, cell: tuple) -> str:
        """Who rated a cell what, and why (empty when only one analyst rated it, or while the
        matrix is rated blind and the cells are not all rated yet)."""
        mat = self.matrix
        if others_hidden(mat):
            return ""
        found = cell_ratings(mat.team, cell)
        if len(found) < 2 and not self.heat:
            return ""
        names = {a.id: a.name for a in self.doc.case.analysts}
        level = disagreement([a.rating for a in found.values()])
        lines = [self.tr("<b>{level}</b> among {count} analysts").format(
            level=escape_html(level.shown_label), count=len(found))]
        for uid, assessment in found.items():
            why = f" — {escape_html(assessment.rationale)}" if assessment.rationale else ""
            lines.append(f"{escape_html(names.get(uid, uid))}: <b>{assessment.rating.value}</b>{why}")
        return "<br>".join(lines)

    def _cell_data(self, index: AnyIndex, role: int) -> Any:
        eid = self._rows[index.row()]
        hid = self._hyps[index.column() - self.FIRST_HYPOTHESIS]
        if self.shown == MINE:
            found = self.doc.case.matrix(self.matrix_id).ratings.get((eid, hid))  # type: ignore[arg-type]
        else:
            found = self.shown_ratings().get((eid, hid))
        if role == CellRole:
            return (eid, hid)
        if self.heat and role in (Qt.ItemDataRole.BackgroundRole,
                                  Qt.ItemDataRole.ForegroundRole) and not others_hidden(self.matrix):
            level = disagreement([a.rating for a in cell_ratings(self.matrix.team,
                                                                  (eid, hid)).values()])
            brushes = heat_brushes(level)
            return brushes[0] if role == Qt.ItemDataRole.BackgroundRole else brushes[1]
        if role == Qt.ItemDataRole.ToolTipRole and len(self.matrix.team) > 1:
            team = self.team_tip((eid, hid))
            if team:
                mine = self._single_tip(found, eid, hid) if found else ""
                return (mine + "<hr>" if mine and self.shown == MINE else "") + team
        if role == RatingRole:
            return found.rating if found else None
        if role == RationaleRole:
            return found.rationale if found else ""
        if role == LikelihoodRole:
            return found.likelihood if found else None
        if role == SortRole:
            return found.rating.signed if found and found.rating.signed is not None else 0
        if found is None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Unrated — type a rating (1–6, or C, N, I, A; Shift for CC and II)")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return found.rating.value
        if role == Qt.ItemDataRole.BackgroundRole:
            return rating_brushes(found.rating)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return rating_brushes(found.rating)[1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._single_tip(found, eid, hid)
        return None

    def _single_tip(self, found: Any, eid: int, hid: int) -> str:
        tip = f"<b>{found.rating.value}</b> — {found.rating.shown_meaning}"
        if found.likelihood is not None:
            tip += f"<br>{escape_html(stated_likelihood(self.doc.case, self.matrix, (eid, hid)))}"
        if found.rationale:
            tip += f"<br>{escape_html(found.rationale)}"
        by = f"<br><i>{escape_html(found.analyst)}, {found.updated}</i>" if found.analyst else ""
        return tip + by

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        transposed = role >= TransposedRole
        if transposed:
            role -= TransposedRole
        try:
            if orientation == Qt.Orientation.Vertical:
                if transposed:
                    return self._evidence_header(section, role)
                return self._row_header(section, role)
            return self._column_header(section, role, transposed)
        except (KeyError, IndexError):
            return None

    def _row_header(self, section: int, role: int) -> Any:
        eid = self._rows[section]
        what_if = self.analysis.what_if
        if role == Qt.ItemDataRole.DisplayRole:
            label = self.doc.case.evidence_item(eid).label  # type: ignore[arg-type]
            if eid in what_if.excluded:
                return f"{label} ✕"
            if eid in what_if.deception:
                return f"{label} ⇄"
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            if eid in what_if.excluded:
                return self.tr("What-if: left out of the scores")
            if eid in what_if.deception:
                return self.tr("What-if: read as deception (its ratings reversed in the scores)")
        return None

    def _evidence_header(self, section: int, role: int) -> Any:
        """An evidence item as a column header: its label, credibility·relevance and
        diagnosticity, one per line; the whole item in the tooltip."""
        eid = self._rows[section]
        scored = eid not in self.analysis.what_if.excluded  # left out: the scores skip it
        if role == Qt.ItemDataRole.DisplayRole:
            label = self._row_header(section, role)
            credibility = self._fixed_data(self.index(section, self.COL_CREDIBILITY), role)
            relevance = self._fixed_data(self.index(section, self.COL_RELEVANCE), role)
            diagnosticity = self._diagnosticity_data(eid, role) if scored else "–"
            return f"{label}\n{credibility}·{relevance}\n{diagnosticity}"
        if role == Qt.ItemDataRole.ToolTipRole:
            item = self.doc.case.evidence_item(eid)  # type: ignore[arg-type]
            row = self.matrix.row(eid)  # type: ignore[arg-type]
            facts = self.tr("Credibility {credibility}, relevance {relevance}.").format(
                credibility=item.credibility.shown, relevance=row.relevance.shown)
            if scored:
                facts += f" {self._diagnosticity_data(eid, role)}"
            what_if = self._row_header(section, role)
            extra = f"<br><i>{escape_html(what_if)}</i>" if what_if else ""
            return f"{self._evidence_tooltip(item)}<br>{escape_html(facts)}{extra}"
        if role == Qt.ItemDataRole.ForegroundRole:
            what_if = self._what_if_data(eid, self.COL_TEXT, role)
            return what_if if what_if is not None or not scored else self._diagnosticity_data(eid, role)
        if role == Qt.ItemDataRole.FontRole:
            return self._what_if_data(eid, self.COL_TEXT, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED
        if role == ObjectRole:
            return self.doc.case.evidence_item(eid)  # type: ignore[arg-type]
        return None

    def _column_header(self, section: int, role: int, transposed: bool = False) -> Any:
        if section < self.FIRST_HYPOTHESIS:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("MatrixModel", self.FIXED_HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("MatrixModel", self.FIXED_TIPS[section])
            return None
        position = section - self.FIRST_HYPOTHESIS
        hyp = self.matrix.hypothesis(self._hyps[position])  # type: ignore[arg-type]
        if role == Qt.ItemDataRole.DisplayRole:
            score = self.header_scores().for_hypothesis(hyp.id)
            # Down the side a title has the room of a row header: wider lines, as many. Across
            # the top it wraps to the width its column has now (the view says, as it resizes).
            wrap = (self.side_chars if transposed
                    else self.header_chars.get(section, HEADER_WRAP))
            label = (self.matrix.hypothesis_index(hyp.id) + 1 if self.matrix.blind
                     else position + 1)  # a blind order keeps each hypothesis's own label
            # words are never split: a word longer than a line ends in "…" instead
            lines = [line if len(line) <= wrap else line[: wrap - 1] + "…"
                     for line in textwrap.wrap(f"H{label}: {hyp.title}", wrap,
                                               break_long_words=False)]
            if len(lines) > HEADER_LINES:
                lines = lines[:HEADER_LINES]
                lines[-1] = lines[-1][: wrap - 1].rstrip() + "…"
            unrated = self._unrated(hyp.id)
            mark = f" · {unrated}?" if unrated else ""
            return "\n".join(lines) + "\n" + score_line(score, self.matrix.scoring_mode, wrap) + mark
        if role == Qt.ItemDataRole.ToolTipRole:
            score = self.header_scores().for_hypothesis(hyp.id)
            desc = f"<br>{escape_html(hyp.description)}" if hyp.description else ""
            unrated = self._unrated(hyp.id)
            if not unrated:
                warning = ""
            elif unrated == 1:
                warning = "<br>" + self.tr("<b>1 cell unrated</b>: the score counts only what is "
                                           "rated")
            else:
                warning = "<br>" + self.tr("<b>{unrated} cells unrated</b>: the score counts only "
                                           "what is rated").format(unrated=unrated)
            scores = self.tr("Inconsistency {inconsistency}, weighted {weighted}, rank {rank}"
                             ).format(inconsistency=score.inconsistency,
                                      weighted=f"{score.weighted:.3f}", rank=score.rank)
            return (f"<b>H{position + 1}: {escape_html(hyp.title)}</b>{desc}<br>{scores}"
                    f"{warning}")
        if role == ObjectRole:
            return hyp
        return None

    header_chars: dict[int, int]
    """Characters a hypothesis column's header has per line, by section, as the view measured."""
    side_chars = SIDE_HEADER_WRAP

    def set_header_width(self, section: int, chars: int) -> None:
        """A hypothesis column is ``chars`` characters wide now: its header wraps to it."""
        chars = max(6, chars)
        if self.header_chars.get(section) != chars:
            self.header_chars[section] = chars
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, section, section)

    # ---------------------------------------------------------- updates

    def _unrated(self, hypothesis_id: int) -> int:
        """How many rows of a hypothesis's column are still unrated."""
        return self.analysis.unrated(hypothesis_id)  # type: ignore[arg-type]

    def _on_changes(self, changes: Changes) -> None:
        mid = self.matrix_id
        # (blind rating, or rating as someone else, shuffles the columns)
        if changes.touches(Kind.HYPOTHESES, mid) or changes.touches(Kind.TEAM, mid):
            self._on_hypotheses(mid)
        if changes.touches(Kind.ROWS, mid):
            self._on_rows(mid)
        cells = changes.cells(mid)
        if cells:
            self._on_ratings(mid, cells)
        if changes.touches(Kind.SCORES, mid):
            self._on_edited(mid)

    def _on_ratings(self, matrix_id: int, cells: list) -> None:
        """Cells were rated: repaint them, their rows' diagnosticity and their columns' headers."""
        if matrix_id != self.matrix_id:
            return
        self._narrow = True
        self.scores = self.analysis.compute()
        rows, columns = set(), set()
        for eid, hid in cells:
            index = self.index_of_cell(eid, hid)
            if index.isValid():
                self.dataChanged.emit(index, index)
                rows.add(index.row())
                columns.add(index.column())
        for row in sorted(rows):
            diag = self.index(row, self.COL_DIAGNOSTICITY)
            self.dataChanged.emit(diag, diag)
        # Only the score line of a header changes, never its height: views repaint those
        # sections (headerDataChanged would have them re-measure and repaint everything).
        if self.matrix.scoring_mode is ScoringMode.PROBABILITY and self._hyps:
            # every posterior moves when one column's evidence does
            self.scoresChanged.emit(self.FIRST_HYPOTHESIS, self.columnCount() - 1)
        else:
            for column in sorted(columns):
                self.scoresChanged.emit(column, column)

    def _on_edited(self, matrix_id: int) -> None:
        if matrix_id != self.matrix_id:
            return
        if self._narrow:
            self._narrow = False  # the cells said what changed, and it was repainted already
            return
        try:
            self.scores = self.analysis.compute()
        except KeyError:
            return  # the matrix itself was deleted; the page goes away
        if self._hyps:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.FIRST_HYPOTHESIS,
                                        self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.COL_DIAGNOSTICITY),
                                  self.index(len(self._rows) - 1, self.COL_DIAGNOSTICITY))

    def _on_what_if(self) -> None:
        self._on_edited(self.matrix_id)
        self._all_rows_changed()

    def _all_rows_changed(self) -> None:
        """Every row's cells and headers may read differently (rows edited, what-if applied)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)

    def _on_rows(self, matrix_id: int) -> None:
        if matrix_id != self.matrix_id or not self._alive():
            return
        new = [r.evidence_id for r in self.matrix.rows]
        self.scores = self.analysis.compute()
        report_rows(self, self._rows, new, lambda keys: setattr(self, "_rows", keys))
        self._all_rows_changed()

    def _on_hypotheses(self, matrix_id: int) -> None:
        if matrix_id != self.matrix_id or not self._alive():
            return
        new = self.column_order()
        self.scores = self.analysis.compute()
        base = self.FIRST_HYPOTHESIS
        report_columns(self, self._hyps, new, lambda keys: setattr(self, "_hyps", keys), base)
        if self._hyps:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, base, self.columnCount() - 1)
            if self._rows:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _alive(self) -> bool:
        try:
            self.matrix
        except KeyError:
            return False
        return True


class ScoresModel(QAbstractTableModel):
    """The hypotheses of a matrix ranked least inconsistent first, with both scores."""

    COL_RANK, COL_HYPOTHESIS, COL_INCONSISTENCY, COL_WEIGHTED, COL_PROBABILITY, COL_JUDGED = range(6)
    HEADERS = ("#", QT_TRANSLATE_NOOP("ScoresModel", "Hypothesis"),
               QT_TRANSLATE_NOOP("ScoresModel", "Incons."), QT_TRANSLATE_NOOP("ScoresModel", "Wtd."),
               QT_TRANSLATE_NOOP("ScoresModel", "P(H|E)"), QT_TRANSLATE_NOOP("ScoresModel", "Judged"))
    NUMBER_COLUMNS = (COL_RANK, COL_INCONSISTENCY, COL_WEIGHTED, COL_PROBABILITY, COL_JUDGED)
    TIPS = (QT_TRANSLATE_NOOP("ScoresModel", "Rank in the matrix's scoring mode"), "",
            QT_TRANSLATE_NOOP("ScoresModel", "Inconsistency score: I counts 1, II counts 2"),
            QT_TRANSLATE_NOOP("ScoresModel",
                              "Weighted inconsistency: each row weighted by credibility × relevance"),
            QT_TRANSLATE_NOOP("ScoresModel", "Posterior probability in the probabilistic view "
                                             "(lines of evidence independent)"),
            QT_TRANSLATE_NOOP("ScoresModel", "Your own probability for the hypothesis"))
    """The columns' headings and tooltips (translated where shown)."""


    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, parent: Any = None,
                 analysis: MatrixAnalysis | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.matrix_id = matrix_id
        self.analysis = analysis or MatrixAnalysis(doc, matrix_id, self)
        self.scores: MatrixScores = self.analysis.compute()
        self._order = self._ranked()
        doc.changed.connect(lambda changes: changes.touches(Kind.SCORES, self.matrix_id)
                            and self._on_edited(self.matrix_id))
        self.analysis.whatIfChanged.connect(lambda: self._on_edited(self.matrix_id))

    def _ranked(self) -> list[tuple[int, Any]]:
        mat = self.doc.case.matrix(self.matrix_id)
        positions = {h.id: i for i, h in enumerate(mat.hypotheses)}
        ranked = sorted(self.scores.hypotheses, key=lambda s: (s.rank, positions[s.hypothesis_id]))
        return [(positions[s.hypothesis_id], s) for s in ranked]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position, score = self._order[index.row()]
        col = index.column()
        if role == ObjectRole:
            return score
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_RANK:
                return str(score.rank)
            if col == self.COL_HYPOTHESIS:
                mat = self.doc.case.matrix(self.matrix_id)
                hyp = mat.hypothesis(score.hypothesis_id)
                unrated = self.analysis.unrated(hyp.id)
                label = f"H{position + 1}: {hyp.title}"
                if not unrated:
                    return label
                return self.tr("{hypothesis} ({unrated} unrated)").format(hypothesis=label,
                                                                          unrated=unrated)
            if col == self.COL_INCONSISTENCY:
                return str(score.inconsistency)
            if col == self.COL_WEIGHTED:
                return f"{score.weighted:.2f}"
            if col == self.COL_PROBABILITY:
                return _percent(score.probability)
            judged = self.doc.case.matrix(self.matrix_id).hypothesis(score.hypothesis_id).judged
            return "" if judged is None else _percent(judged)
        if role == SortRole:
            judged = self.doc.case.matrix(self.matrix_id).hypothesis(score.hypothesis_id).judged
            return (score.rank, position, score.inconsistency, score.weighted, score.probability,
                    judged or 0.0)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_HYPOTHESIS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and score.rank == 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            heading = self.HEADERS[section]
            return heading if heading == "#" else QCoreApplication.translate("ScoresModel", heading)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tip = self.TIPS[section]
            return QCoreApplication.translate("ScoresModel", tip) if tip else None
        return None

    def _on_edited(self, matrix_id: int) -> None:
        if matrix_id != self.matrix_id:
            return
        try:
            self.scores = self.analysis.compute()
        except KeyError:
            return
        new = self._ranked()
        if len(new) != len(self._order):
            self.beginResetModel()
            self._order = new
            self.endResetModel()
        else:
            self._order = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(self.HEADERS) - 1))


class WhatIfModel(QAbstractTableModel):
    """The what-if of a matrix, one row per evidence item: leave out, deception, credibility."""

    COL_EXCLUDE, COL_DECEPTION, COL_CREDIBILITY, COL_ITEM = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("WhatIfModel", "Leave out"),
               QT_TRANSLATE_NOOP("WhatIfModel", "Deception"),
               QT_TRANSLATE_NOOP("WhatIfModel", "Credibility"), QT_TRANSLATE_NOOP("WhatIfModel", "Item"))
    TIPS = (QT_TRANSLATE_NOOP("WhatIfModel", "Score the matrix as if this item were not there"),
            QT_TRANSLATE_NOOP("WhatIfModel",
                              "Read the item as deception: what it seemed to support, it undercuts"),
            QT_TRANSLATE_NOOP("WhatIfModel",
                              "Try another credibility for the item (its own is not changed)"),
            QT_TRANSLATE_NOOP("WhatIfModel", "The evidence item"))
    """The columns' headings and tooltips (translated where shown)."""
    KINDS = {COL_EXCLUDE: "excluded", COL_DECEPTION: "deception"}
    OwnRole = Qt.ItemDataRole.UserRole + 10
    """The text for "its own credibility" of a row, as the credibility editor offers it."""

    def __init__(self, analysis: MatrixAnalysis, parent: Any = None) -> None:
        super().__init__(parent)
        self.analysis = analysis
        self.doc = analysis.doc
        self._rows = self._current_rows()
        analysis.whatIfChanged.connect(self._on_what_if)
        self.doc.changed.connect(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Kind.ROWS, self.analysis.matrix_id):
            self._on_rows(self.analysis.matrix_id)
        if Kind.EVIDENCE in changes:
            self._on_evidence()

    def _current_rows(self) -> list[int]:
        try:
            return [r.evidence_id for r in self.analysis.matrix.rows]
        except KeyError:
            return []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def evidence_id_at(self, row: int) -> int:
        """The evidence id of a row."""
        return self._rows[row]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self.KINDS:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.COL_CREDIBILITY:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        try:
            eid = self._rows[index.row()]
            item = self.doc.case.evidence_item(eid)  # type: ignore[arg-type]
        except (IndexError, KeyError):
            return None
        col = index.column()
        what_if = self.analysis.what_if
        if col in self.KINDS:
            if role == Qt.ItemDataRole.CheckStateRole:
                on = eid in getattr(what_if, self.KINDS[col])
                return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("WhatIfModel", self.TIPS[col])
            return None
        tried = dict(what_if.credibility).get(eid)  # type: ignore[call-overload]
        if col == self.COL_CREDIBILITY:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._own(item) if tried is None else f"{tried.value}*"
            if role == Qt.ItemDataRole.EditRole:
                return tried
            if role == self.OwnRole:
                return self._own(item)
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("WhatIfModel", self.TIPS[col])
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.label}  {item.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text
        return None

    def _own(self, item: Any) -> str:
        """The credibility column of an item tried at its own credibility."""
        return self.tr("own ({level})").format(level=item.credibility.shown)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        eid = self._rows[index.row()]
        col = index.column()
        if col in self.KINDS and role == Qt.ItemDataRole.CheckStateRole:
            wanted = Qt.CheckState(value) == Qt.CheckState.Checked
            if wanted != (eid in getattr(self.analysis.what_if, self.KINDS[col])):
                self.analysis.toggle(self.KINDS[col], eid)  # type: ignore[arg-type]
            return True
        if col == self.COL_CREDIBILITY and role == Qt.ItemDataRole.EditRole:
            self.analysis.set_credibility(eid, value)  # type: ignore[arg-type]
            return True
        return False

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("WhatIfModel", self.HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("WhatIfModel", self.TIPS[section])
        return None

    def _on_what_if(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COL_CREDIBILITY))

    def _on_rows(self, matrix_id: int) -> None:
        if matrix_id != self.analysis.matrix_id:
            return
        new = self._current_rows()
        report_rows(self, self._rows, new, lambda keys: setattr(self, "_rows", keys))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COL_ITEM))

    def _on_evidence(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COL_ITEM))


def _percent(value: float) -> str:
    """A probability as a percentage, keeping small ones visible (<0.1%)."""
    if 0 < value < 0.001:
        return "<0.1%"
    return f"{value:.1%}" if value < 0.1 else f"{value:.0%}"


def stated_likelihood(case: Any, matrix: Matrix, cell: Any) -> str:
    """A stated likelihood in words, with the default of the cell's rating beside it."""
    found = matrix.ratings[cell]
    default = rating_likelihood(case, matrix, cell[0], found.rating)
    return QCoreApplication.translate(
        "MatrixModel", "P(item | hypothesis) stated: {stated} (the default of {rating} here: "
        "{default})").format(stated=likelihood_text(found.likelihood), rating=found.rating.value,
                             default=likelihood_text(default))


def escape_html(text: str) -> str:
    """Text made safe to show in a rich-text label or tooltip."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
