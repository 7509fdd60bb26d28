"""The open case as seen by the GUI: the editor, its undo stack and change signals.

Widgets never edit the case directly: they push an undo command (see
:mod:`sat_tool.ui.commands`), the command calls the :class:`CaseEditor`, which
commits to the workspace, and the document then emits a signal naming what
changed so that item models emit narrow updates.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from sat_tool.domain.model import Case, EvidenceId, MatrixId
from sat_tool.services.editor import CaseEditor


class CaseDocument(QObject):
    """One open case with its undo history."""

    caseChanged = Signal()
    """The case title or description changed."""
    sourcesChanged = Signal()
    """Sources were added, removed, reordered or edited."""
    evidenceChanged = Signal()
    """The case's evidence list changed (items added, removed or edited)."""
    matricesChanged = Signal()
    """Matrices were added, removed, or had their question changed."""
    hypothesesChanged = Signal(int)
    """The hypotheses (columns) of the matrix with this id changed."""
    rowsChanged = Signal(int)
    """The evidence rows of the matrix with this id changed (added, removed, moved, edited)."""
    ratingsChanged = Signal(int, list)
    """Cells (evidence id, hypothesis id) of the matrix with this id were rated or cleared."""
    matrixEdited = Signal(int)
    """Anything that can change the scores of the matrix with this id."""
    analysisChanged = Signal(int)
    """The scoring mode, priors or judged probabilities of the matrix with this id changed."""
    snapshotsChanged = Signal(int)
    """Snapshots of the matrix with this id were saved or deleted."""
    cellsRevisited = Signal(int, list)
    """An undo or redo changed these cells of the matrix with this id: show them."""
    editFailed = Signal(str)
    """An edit could not be written; the message says why. Nothing was changed."""

    def __init__(self, editor: CaseEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.undo_stack = QUndoStack(self)
        self.revision = 0
        """Counts changes; caches of anything computed from the case compare against it."""
        for signal in (self.caseChanged, self.sourcesChanged, self.evidenceChanged,
                       self.matricesChanged, self.hypothesesChanged, self.rowsChanged,
                       self.ratingsChanged, self.matrixEdited, self.analysisChanged):
            signal.connect(self._bump)  # connected first, so it runs before any view's slot

    def _bump(self, *_args: object) -> None:
        self.revision += 1

    @property
    def case(self) -> Case:
        """The domain case, always equal to what the workspace holds."""
        return self.editor.case

    def push(self, command: QUndoCommand) -> None:
        """Do an edit and put it on the undo stack."""
        self.undo_stack.push(command)

    # Notifications, called by commands once the editor has committed.

    def notify_matrix(self, matrix_id: MatrixId, rows: bool = False, hypotheses: bool = False
                      ) -> None:
        """Structure or content of one matrix changed."""
        if hypotheses:
            self.hypothesesChanged.emit(matrix_id)
        if rows:
            self.rowsChanged.emit(matrix_id)
        self.matrixEdited.emit(matrix_id)

    def notify_evidence(self, evidence_id: EvidenceId | None = None) -> None:
        """Evidence changed; every matrix that includes it (or every matrix) re-reads its rows."""
        self.evidenceChanged.emit()
        for mat in self.case.matrices:
            if evidence_id is None or mat.includes(evidence_id):
                self.notify_matrix(mat.id, rows=True)
