"""The analysis state of one matrix on screen: the what-if applied on top of the case.

Models and panels ask :meth:`MatrixAnalysis.compute` for scores, so a what-if
(items excluded, read as deception, or given another credibility) shows in
every score and chart at once, and reverting shows the real matrix again. The
what-if lives only here: it never touches the case or the workspace.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sat_tool.domain.model import Case, EvidenceId, Level, Matrix, MatrixId
from sat_tool.domain.scoring import MatrixScores, score_matrix
from sat_tool.domain.sensitivity import WhatIf, apply_what_if
from sat_tool.ui.document import CaseDocument


class MatrixAnalysis(QObject):
    """What-if state and score computation for one matrix."""

    whatIfChanged = Signal()

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.matrix_id = matrix_id
        self.what_if = WhatIf()
        self._cache: tuple[tuple[int, WhatIf], MatrixScores] | None = None

    @property
    def matrix(self) -> Matrix:
        """The real matrix."""
        return self.doc.case.matrix(self.matrix_id)

    def effective(self) -> tuple[Case, Matrix]:
        """The case and matrix as scored: the real ones, or what-if copies."""
        if self.what_if.empty:
            return self.doc.case, self.matrix
        live = [e for e in self.what_if.excluded | self.what_if.deception if self.matrix.includes(e)]
        if len(live) != len(self.what_if.excluded | self.what_if.deception):
            self._forget_missing()
        return apply_what_if(self.doc.case, self.matrix, self.what_if)

    def compute(self) -> MatrixScores:
        """Current scores, what-if included; computed once per change of the case or what-if."""
        key = (self.doc.revision, self.what_if)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, score_matrix(*self.effective()))
        return self._cache[1]

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
