"""The open case as seen by the GUI: the editor, its undo stack and change signals.

Widgets never edit the case directly: they push an undo command (see
:mod:`sat_tool.ui.commands`), the command calls the :class:`CaseEditor`, which
commits to the workspace, and the document then says what changed, once per operation
(:attr:`CaseDocument.changed`), so that item models emit narrow updates.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from sat_tool.domain.changes import ALL, ChangeSet, Kind
from sat_tool.domain.model import Case, EvidenceId, MatrixId
from sat_tool.services.concurrency import case_changes, summary
from sat_tool.services.editor import CaseEditor
from sat_tool.store import CaseNotFound

LOG = logging.getLogger("sat_tool.ui")


class CaseDocument(QObject):
    """One open case with its undo history."""

    changed = Signal(object)
    """What one operation (an edit, an undo, a redo, a reload) changed: a
    :class:`~sat_tool.domain.changes.Changes`, once per operation. Views read the kinds they
    show (:class:`~sat_tool.domain.changes.Kind`, or a technique's own)."""
    settled = Signal(object)
    """The same changes again, once every view has taken them: for what acts on the views
    themselves (showing the cell an undo changed)."""
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
        self._told = ChangeSet()
        self._depth = 0

    # What changed: told by the commands (and the reload) as they go, said once at the end.

    def tell(self, kind: str, *ids: Any) -> None:
        """Something of ``kind`` changed (these ids); said at the end of the operation, or at
        once outside of one."""
        self._told.add(kind, ids)
        if not self._depth:
            self._say()

    @contextmanager
    def operation(self) -> Iterator[None]:
        """Everything told inside is said as one change event when the outermost ends."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth:
                self._say()

    def _say(self) -> None:
        if self._told:
            changes = self._told.take()
            self.revision += 1  # before any view's slot: caches compare against it
            self.changed.emit(changes)
            self.settled.emit(changes)

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
        """Structure or content of one matrix changed (its scores may have)."""
        with self.operation():
            if hypotheses:
                self.tell(Kind.HYPOTHESES, matrix_id)
            if rows:
                self.tell(Kind.ROWS, matrix_id)
            self.tell(Kind.SCORES, matrix_id)

    def notify_cells(self, matrix_id: MatrixId, cells: list[Any]) -> None:
        """Cells of one matrix were rated or cleared."""
        with self.operation():
            self.tell(Kind.CELLS, *((matrix_id, cell) for cell in cells))
            self.tell(Kind.SCORES, matrix_id)

    def revisit(self, matrix_id: MatrixId, cells: list[Any]) -> None:
        """An undo or redo changed these cells: the window shows the first."""
        self.tell(Kind.REVISITED, *((matrix_id, cell) for cell in cells))

    def notify_evidence(self, evidence_id: EvidenceId | None = None) -> None:
        """Evidence changed; every matrix that includes it (or every matrix) re-reads its rows."""
        with self.operation():
            self.tell(Kind.EVIDENCE, ALL if evidence_id is None else evidence_id)
            for mat in self.case.matrices:
                if evidence_id is None or mat.includes(evidence_id):
                    self.notify_matrix(mat.id, rows=True)

    def rate_as(self, analyst: Any) -> None:
        """Rate the case as another analyst (an :class:`Analyst`, or a new one's name): every
        matrix then shows and edits their ratings. The undo history is cleared, as its
        steps were another analyst's edits."""
        self.editor.rate_as(analyst)
        self.undo_stack.clear()
        with self.operation():
            self.tell(Kind.CASE)
            for mat in self.case.matrices:
                self.tell(Kind.ANALYSIS, mat.id)
                self.tell(Kind.TEAM, mat.id)
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
        with self.operation():
            if changes.case:
                self.tell(Kind.CASE)
            if changes.sources:
                self.tell(Kind.SOURCES)
            if changes.evidence:
                self.tell(Kind.EVIDENCE, *changes.evidence)
            if changes.matrices:
                self.tell(Kind.MATRICES)
            for matrix_id, change in changes.per_matrix.items():
                if not change.any:
                    continue
                if change.analysis:
                    self.tell(Kind.ANALYSIS, matrix_id)
                if change.layout:
                    self.tell(Kind.LAYOUT, matrix_id)
                if change.outcome:
                    self.tell(Kind.OUTCOME, matrix_id)
                if change.cells and not (change.rows or change.hypotheses):
                    self.tell(Kind.CELLS, *((matrix_id, cell) for cell in change.cells))
                if change.team:
                    self.tell(Kind.TEAM, matrix_id)
                self.notify_matrix(matrix_id, rows=change.rows, hypotheses=change.hypotheses)
            self.tell(Kind.SNAPSHOTS, *(mat.id for mat in self.case.matrices))
        if announce:
            self.externallyChanged.emit(summary(old, self.case, changes))
