"""The open case as seen by the GUI: the editor, its undo stack and change signals.

Widgets never edit the case directly: they push an undo command (see
:mod:`sat_tool.ui.commands`), the command calls the :class:`CaseEditor`, which
commits to the workspace, and the document then emits a signal naming what
changed so that item models emit narrow updates.
"""

from __future__ import annotations

from typing import Any

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from sat_tool.domain.model import Case, EvidenceId, MatrixId
from sat_tool.services.concurrency import case_changes, summary
from sat_tool.services.editor import CaseEditor
from sat_tool.store import CaseNotFound

LOG = logging.getLogger("sat_tool.ui")


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
    layoutChanged = Signal(int)
    """The matrix with this id is to be shown with its hypotheses across or down the side."""
    outcomeChanged = Signal(int)
    """The matrix with this id was closed with an outcome, or reopened."""
    teamChanged = Signal(int)
    """Other analysts' ratings, probabilities or the blind setting of the matrix with this id
    changed, or the case is now rated as another analyst."""
    snapshotsChanged = Signal(int)
    """Snapshots of the matrix with this id were saved or deleted."""
    cellsRevisited = Signal(int, list)
    """An undo or redo changed these cells of the matrix with this id: show them."""
    noticed = Signal(str)
    """A deletion done, said in a sentence the window shows with an Undo button."""
    editFailed = Signal(str)
    """An edit could not be written; the message says why. Nothing was changed."""
    externallyChanged = Signal(str)
    """Another window or program changed the case and the views now show it; says so."""
    caseGone = Signal(str)
    """Another window or program deleted the case; the message says so."""
    readOnlyChanged = Signal()
    """Whether the case may be changed here changed (see :attr:`read_only`)."""
    refused = Signal(str)
    """An edit was not tried, because the case cannot be changed here; says so."""

    def __init__(self, editor: CaseEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.undo_stack = QUndoStack(self)
        self.failures = 0
        """Counts edits, undos and redos that could not be made (each was told to the user)."""
        self.revision = 0
        """Counts changes; caches of anything computed from the case compare against it."""
        self.read_only = ""
        """Why the case cannot be changed here, in a sentence ("": it can): the workspace is
        read-only, or a team server shares the case with this analyst to read only."""
        for signal in (self.caseChanged, self.sourcesChanged, self.evidenceChanged,
                       self.matricesChanged, self.hypothesesChanged, self.rowsChanged,
                       self.ratingsChanged, self.matrixEdited, self.analysisChanged,
                       self.teamChanged):
            signal.connect(self._bump)  # connected first, so it runs before any view's slot

    def _bump(self, *_args: object) -> None:
        self.revision += 1

    @property
    def case(self) -> Case:
        """The domain case, always equal to what the workspace holds."""
        return self.editor.case

    def set_read_only(self, reason: str) -> None:
        """Let the case be changed here ("") or not (why not, in a sentence)."""
        if reason != self.read_only:
            self.read_only = reason
            self.readOnlyChanged.emit()

    def push(self, command: QUndoCommand) -> None:
        """Do an edit and put it on the undo stack (in a read-only case: say why not)."""
        if self.read_only:
            self.refused.emit(self.read_only)
            return
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

    def rate_as(self, analyst: Any) -> None:
        """Rate the case as another analyst (an :class:`Analyst`, or a new one's name): every
        matrix then shows and edits their ratings. The undo history is cleared, as its
        steps were another analyst's edits."""
        self.editor.rate_as(analyst)
        self.undo_stack.clear()
        self.caseChanged.emit()
        for mat in self.case.matrices:
            self.analysisChanged.emit(mat.id)
            self.teamChanged.emit(mat.id)
            self.notify_matrix(mat.id, rows=True, hypotheses=True)

    # Changes made by other processes.

    def sync(self) -> bool:
        """Catch up with the workspace if another window or program changed this case.

        False when the case could not be read just now: the caller tries again soon.
        """
        try:
            self.editor.refresh()
        except CaseNotFound as exc:
            self.caseGone.emit(str(exc))
            return True
        except Exception:  # a busy or unreadable moment: tried again on the next look  # noqa: BLE001
            # logged, never shown: LOG.log, as tests/test_translatable.py reads .warning( as a dialog
            LOG.log(logging.WARNING, "could not reload the case", exc_info=True)
            return False
        self.publish_refresh()
        return True

    def publish_refresh(self, announce: bool = True) -> None:
        """Tell the views what a reload of the case changed, so that each updates only that
        (``announce``: and say it in the status bar, as another window's or program's)."""
        old = self.editor.take_refresh()
        if old is None:
            return
        changes = case_changes(old, self.case)
        if not changes.any:
            return
        if changes.case:
            self.caseChanged.emit()
        if changes.sources:
            self.sourcesChanged.emit()
        if changes.evidence:
            self.evidenceChanged.emit()
        if changes.matrices:
            self.matricesChanged.emit()
        for matrix_id, change in changes.per_matrix.items():
            if not change.any:
                continue
            if change.analysis:
                self.analysisChanged.emit(matrix_id)
            if change.layout:
                self.layoutChanged.emit(matrix_id)
            if change.outcome:
                self.outcomeChanged.emit(matrix_id)
                self.snapshotsChanged.emit(matrix_id)
            if change.cells and not (change.rows or change.hypotheses):
                self.ratingsChanged.emit(matrix_id, change.cells)
            if change.team:
                self.teamChanged.emit(matrix_id)
            self.notify_matrix(matrix_id, rows=change.rows, hypotheses=change.hypotheses)
        for mat in self.case.matrices:
            self.snapshotsChanged.emit(mat.id)
        if announce:
            self.externallyChanged.emit(summary(old, self.case, changes))
