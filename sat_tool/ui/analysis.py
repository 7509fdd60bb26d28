"""The analysis state of one matrix on screen: the what-if applied on top of the case.

Models and panels ask :meth:`MatrixAnalysis.compute` for scores, so a what-if
(items excluded, read as deception, or given another credibility) shows in
every score and chart at once, and reverting shows the real matrix again. The
what-if lives only here: it never touches the case or the workspace.

Scores are kept current cell by cell (:class:`~sat_tool.domain.scoring.ScoreBook`):
a rating adjusts its column's sums, and only a change of rows, hypotheses,
credibility, relevance, priors or scoring mode scores the matrix afresh. The
slower findings (linchpins, the fewest changes, contributions, the eight steps)
are computed on a worker thread (:meth:`request`); until they arrive for the
current state the panels show the last ones marked as updating.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from sat_tool.domain.changes import Changes, Kind
from sat_tool.domain.guide import review_steps
from sat_tool.domain.model import Case, EvidenceId, HypothesisId, Level, Matrix, MatrixId
from sat_tool.domain.probability import line_report
from sat_tool.domain.scoring import MatrixScores, ScoreBook, score_matrix
from sat_tool.domain.sensitivity import (
    Cancelled,
    WhatIf,
    apply_what_if,
    contributions,
    cost_table,
    fewest_changes,
    linchpins,
    tie_break,
)
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.worker import BackgroundRunner, detached

ANALYSIS_DELAY_MS = 60
"""How long after the last change the background analysis starts (a burst of edits starts one)."""


def sensitivity_findings(case: Case, matrix: Matrix, stop: Callable[[], bool]) -> dict[str, Any]:
    """What the Sensitivity panel shows: linchpins, the fewest changes, contributions."""
    enough = len(matrix.hypotheses) >= 2 and bool(matrix.rows)
    table = cost_table(case, matrix)
    return {
        "linchpins": linchpins(case, matrix, stop=stop, table=table) if enough else [],
        "fewest": fewest_changes(case, matrix, stop=stop, table=table) if enough else None,
        "tie": tie_break(case, matrix, stop=stop, table=table) if enough else None,
        "contributions": contributions(case, matrix, table=table),
        "case": case,
        "matrix": matrix,
    }


def steps_findings(case: Case, matrix: Matrix, stop: Callable[[], bool]) -> Any:
    """What the Steps panel shows: where the matrix stands on each of the eight steps."""
    if stop():
        raise Cancelled
    return review_steps(case, matrix)


def lines_findings(case: Case, matrix: Matrix, stop: Callable[[], bool]) -> Any:
    """What the Lines panel shows: each line of evidence, its pull, the posteriors without it."""
    if stop():
        raise Cancelled
    return line_report(case, matrix)


ANALYSES: dict[str, Callable[[Case, Matrix, Callable[[], bool]], Any]] = {
    "sensitivity": sensitivity_findings,
    "steps": steps_findings,
    "lines": lines_findings,
}
"""The background analyses, by kind. ``sensitivity`` and ``lines`` read the what-if; ``steps``
the real matrix."""


class MatrixAnalysis(QObject):
    """What-if state, current scores and background findings for one matrix."""

    whatIfChanged = Signal()
    resultReady = Signal(str)
    """The background findings of this kind are current now (see :meth:`result`)."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.matrix_id = matrix_id
        self.what_if = WhatIf()
        self._cache: tuple[tuple[int, WhatIf], MatrixScores] | None = None
        self._book: ScoreBook | None = None
        self._cells: list = []
        """Cells rated since the book last looked."""
        """The last change announced was cells only (its matrixEdited needs no rebuild)."""
        self._state = 0
        """Counts changes that can move any finding; results are kept against it."""
        self._results: dict[str, tuple[int, Any]] = {}
        self._wanted: set[str] = set()
        self._tickets: dict[str, tuple[int, int]] = {}
        self.runner = BackgroundRunner(self)
        self.runner.finished.connect(self._arrived)
        self.runner.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ANALYSIS_DELAY_MS)
        self._timer.timeout.connect(self._start)
        # Connected before any model or panel of this matrix, so the book is current when they ask.
        doc.changed.connect(self._on_changes)
        self.whatIfChanged.connect(self._moved)

    @property
    def matrix(self) -> Matrix:
        """The real matrix."""
        return self.doc.case.matrix(self.matrix_id)

    # ---------------------------------------------------------- change tracking

    def _on_changes(self, changes: Changes) -> None:
        mid = self.matrix_id
        if Kind.EVIDENCE in changes or any(changes.touches(kind, mid) for kind in (
                Kind.ROWS, Kind.HYPOTHESES, Kind.ANALYSIS)):
            self._rebuild()
            return
        cells = changes.cells(mid)
        if cells:  # the book takes the cells in place
            self._cells.extend(cells)
            self._moved()
        elif changes.touches(Kind.SCORES, mid):
            self._book = None  # an edit that did not say what it changed: score afresh
            self._moved()

    def _rebuild(self) -> None:
        self._book = None
        self._cells.clear()
        self._moved()

    def _moved(self) -> None:
        """Something changed: findings are stale; the wanted ones are recomputed soon."""
        self._state += 1
        if self._wanted:
            self._timer.start()

    # ---------------------------------------------------------- scores

    def effective(self) -> tuple[Case, Matrix]:
        """The case and matrix as scored: the real ones, or what-if copies."""
        if self.what_if.empty:
            return self.doc.case, self.matrix
        live = [e for e in self.what_if.excluded | self.what_if.deception if self.matrix.includes(e)]
        if len(live) != len(self.what_if.excluded | self.what_if.deception):
            self._forget_missing()
        return apply_what_if(self.doc.case, self.matrix, self.what_if)

    def compute(self) -> MatrixScores:
        """Current scores, what-if included.

        The real matrix's scores come from the book, brought up to date with the
        cells rated since it last looked; a what-if's are computed once per change.
        """
        if not self.what_if.empty:
            key = (self.doc.revision, self.what_if)
            if self._cache is None or self._cache[0] != key:
                self._cache = (key, score_matrix(*self.effective()))
            return self._cache[1]
        return self._current_book().scores(self.matrix)

    def unrated(self, hypothesis_id: HypothesisId) -> int:
        """How many cells of a hypothesis's column are unrated in the real matrix."""
        return self._current_book().unrated[hypothesis_id]

    def _current_book(self) -> ScoreBook:
        case, matrix = self.doc.case, self.matrix
        if self._book is None:
            self._book = ScoreBook(case, matrix)
            self._cells.clear()
        elif self._cells:
            cells, self._cells = self._cells, []
            try:
                self._book.update(matrix, cells)
            except KeyError:  # a cell of a row or column that has just gone: score afresh
                self._book = ScoreBook(case, matrix)
        return self._book

    # ---------------------------------------------------------- background findings

    def result(self, kind: str) -> Any | None:
        """The latest findings of a kind, current or not (None before the first arrive)."""
        found = self._results.get(kind)
        return found[1] if found else None

    def current(self, kind: str) -> bool:
        """Whether the findings of a kind are those of the matrix as it is now."""
        found = self._results.get(kind)
        return found is not None and found[0] == self._state

    def request(self, kind: str) -> None:
        """Keep the findings of a kind current from now on; computed soon if they are not."""
        self._wanted.add(kind)
        if not self.current(kind):
            self._timer.start()

    def release(self, kind: str) -> None:
        """Findings of this kind are no longer shown: stop computing them."""
        self._wanted.discard(kind)
        self.runner.cancel(kind)
        self._tickets.pop(kind, None)

    @property
    def busy(self) -> bool:
        """Whether any wanted findings are not current yet."""
        return any(not self.current(kind) for kind in self._wanted)

    def _start(self) -> None:
        try:
            real = (self.doc.case, self.matrix)
        except KeyError:
            return  # the matrix was deleted; its page goes away
        shown = self.effective() if not self.what_if.empty else real
        snapshots: dict[bool, tuple[Case, Matrix]] = {}
        for kind in sorted(self._wanted):
            if self.current(kind) or self._tickets.get(kind, (None,))[0] == self._state:
                continue  # current, or already on its way
            with_what_if = kind in ("sensitivity", "lines") and not self.what_if.empty
            if with_what_if not in snapshots:
                snapshots[with_what_if] = detached(*(shown if with_what_if else real))
            case, matrix = snapshots[with_what_if]
            analysis = ANALYSES[kind]
            ticket = self.runner.submit(kind, lambda stop, a=analysis, c=case, m=matrix: a(c, m, stop))
            self._tickets[kind] = (self._state, ticket)

    def _arrived(self, kind: str, ticket: int, result: Any) -> None:
        state, expected = self._tickets.get(kind, (None, None))
        if expected != ticket:
            return
        del self._tickets[kind]
        if state != self._state:
            self._timer.start()  # the matrix moved on while it ran: go again
            return
        self._results[kind] = (state, result)
        self.resultReady.emit(kind)

    def _failed(self, kind: str, ticket: int, message: str) -> None:
        if self._tickets.get(kind, (None, None))[1] == ticket:
            del self._tickets[kind]
            self._wanted.discard(kind)  # shown as failed; asked for again on the next showing
            self.resultReady.emit(kind)

    # ---------------------------------------------------------- what-if

    def set_what_if(self, what_if: WhatIf) -> None:
        """Apply another what-if and tell every view."""
        if what_if != self.what_if:
            self.what_if = what_if
            self.whatIfChanged.emit()

    def toggle(self, kind: str, evidence_id: EvidenceId) -> None:
        """Exclude an item, or read it as deception, or undo either."""
        self.set_what_if(self.what_if.toggled(kind, evidence_id))

    def set_credibility(self, evidence_id: EvidenceId, level: Level | None) -> None:
        """Try another credibility for an item (None: its own)."""
        self.set_what_if(self.what_if.with_credibility(evidence_id, level))

    def revert(self) -> None:
        """Back to the real matrix."""
        self.set_what_if(WhatIf())

    def _forget_missing(self) -> None:
        """Drop what-if entries for rows that left the matrix (deleted or excluded for real)."""
        keep = {r.evidence_id for r in self.matrix.rows}
        self.what_if = WhatIf(self.what_if.excluded & keep, self.what_if.deception & keep,
                              tuple((e, lvl) for e, lvl in self.what_if.credibility if e in keep))
