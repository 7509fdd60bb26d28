"""One undoable command per user edit.

Each command's ``redo`` calls the :class:`CaseEditor` (which commits to the
workspace) and then tells the document what changed; ``undo`` takes the same
road back. Removals keep the record the editor returns, so undo puts the item
back in place with its dependent rows and ratings. A command whose edit fails
reports the error through the document and removes itself from the stack.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from sat_tool.domain.changes import Kind
from sat_tool.domain.model import (
    Assessment,
    Cell,
    Evidence,
    EvidenceId,
    Hypothesis,
    HypothesisId,
    Level,
    Matrix,
    MatrixId,
    Outcome,
    Rating,
    ScoringMode,
    Source,
    SourceId,
)
from sat_tool.domain.team import ratings_of_cells
from sat_tool.domain.snapshots import Snapshot
from sat_tool.errors import describe
from sat_tool.services.editor import EditConflict, OutcomeChange
from sat_tool.ui.document import CaseDocument


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


class EditCommand(QUndoCommand):
    """Base of every edit: catches failures so that they reach the user, not a traceback.

    A command's text is shown (Edit ▸ Undo …, the status bar): each class translates it in
    its own name's context (a QUndoCommand has no ``tr``).
    """

    def __init__(self, doc: CaseDocument, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.editor = doc.editor

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """A command is made from what the window shows; if another window or program has
        just deleted that (a dialog was open meanwhile), say so instead of failing."""
        super().__init_subclass__(**kwargs)
        made = cls.__init__

        @functools.wraps(made)
        def init(self: EditCommand, *args: Any, **kw: Any) -> None:
            try:
                made(self, *args, **kw)
            except KeyError:
                raise EditConflict(QCoreApplication.translate(
                    "EditCommand", "What this edit is about was deleted in another window or "
                    "program meanwhile; nothing was changed.")) from None

        cls.__init__ = init  # type: ignore[method-assign]

    shown: bool = False
    """Whether the first apply is checked against what a dialog showed (see ``against_view``)."""

    notice: str = ""
    """Said once the edit is first done, with an Undo button (deletions say what went)."""

    def redo(self) -> None:
        first = not getattr(self, "_done", False)
        self._done = True
        failures = self.doc.failures
        if first and self.shown:
            with self.editor.against_view():
                self._guard(self.apply, self.text())
        else:
            self._guard(self.apply, self.text() if first else QCoreApplication.translate(
                "EditCommand", "Redo {action}").format(action=self.text()))
        if first and self.notice and self.doc.failures == failures:
            self.doc.noticed.emit(self.notice)

    def undo(self) -> None:
        self._guard(self.revert, QCoreApplication.translate("EditCommand", "Undo {action}").format(
            action=self.text()))

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _guard(self, action: Any, doing: str) -> None:
        failed = ""
        with self.doc.operation():  # what the edit and the catching up change: one event
            try:
                action()
            except Exception as exc:  # a failed write must never crash the app  # noqa: BLE001
                self.setObsolete(True)
                self.doc.failures += 1
                failed = describe(exc, doing)
            self.doc.publish_refresh()
        if failed:
            self.doc.editFailed.emit(failed)


# ------------------------------------------------------------------ ratings


class SetCellsCommand(EditCommand):
    """Rate, re-rate or clear one or more cells of a matrix at once."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, cells: list[Cell],
                 rating: Rating | None) -> None:
        if len(cells) == 1:
            what = (QCoreApplication.translate("SetCellsCommand", "Rate {rating}").format(
                rating=rating.value) if rating else
                QCoreApplication.translate("SetCellsCommand", "Clear rating"))
        elif rating:
            what = QCoreApplication.translate("SetCellsCommand", "Rate {rating} ({count} cells)").format(
                rating=rating.value, count=len(cells))
        else:
            what = QCoreApplication.translate("SetCellsCommand", "Clear rating ({count} cells)").format(
                count=len(cells))
        super().__init__(doc, what)
        self.matrix_id, self.cells, self.rating = matrix_id, cells, rating
        self.before: dict[Cell, Assessment | None] = {}
        self.after: dict[Cell, Assessment | None] = {}

    def first_write(self) -> dict[Cell, Assessment | None]:
        """The edit itself, made the first time; returns the cells' previous states."""
        return self.editor.rate_cells(self.matrix_id, self.cells, self.rating)

    def apply(self) -> None:
        if not self.after:
            self.before = self.first_write()
            mat = self.doc.case.matrix(self.matrix_id)
            self.after = {cell: copy.copy(mat.ratings.get(cell)) for cell in self.cells}
            self._notify()
        else:
            self.editor.set_assessments(self.matrix_id, self.after, expect=self.before)
            self._notify()
            self.doc.revisit(self.matrix_id, self.cells)

    def revert(self) -> None:
        self.editor.set_assessments(self.matrix_id, self.before, expect=self.after)
        self._notify()
        self.doc.revisit(self.matrix_id, self.cells)

    def _notify(self) -> None:
        self.doc.notify_cells(self.matrix_id, list(self.cells))


class PasteRatingsCommand(SetCellsCommand):
    """Give a block of cells the ratings pasted into them, in one undo step."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, ratings: dict[Cell, Rating | None]
                 ) -> None:
        super().__init__(doc, matrix_id, list(ratings), None)
        self.setText(QCoreApplication.translate("PasteRatingsCommand", "Paste a rating")
                     if len(ratings) == 1 else QCoreApplication.translate(
                         "PasteRatingsCommand", "Paste {count} ratings").format(count=len(ratings)))
        self.ratings = dict(ratings)

    def first_write(self) -> dict[Cell, Assessment | None]:
        return self.editor.rate_each(self.matrix_id, self.ratings)


class SetAssessmentCommand(EditCommand):
    """Set a cell's rating and rationale together (the cell dialog)."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, cell: Cell,
                 rating: Rating | None, rationale: str, likelihood: float | None = None,
                 seen: Assessment | None | bool = False) -> None:
        """``seen``: the cell as the dialog showed it; the edit is refused if it changed since."""
        super().__init__(doc, QCoreApplication.translate("SetAssessmentCommand",
                                                         "Edit rating and rationale"))
        self.matrix_id, self.cell, self.seen = matrix_id, cell, seen
        self.rating, self.rationale, self.likelihood = rating, rationale, likelihood
        self.before: Assessment | None = None
        self.after: Assessment | None = None
        self.done = False

    def apply(self) -> None:
        if not self.done:
            self.before = self.editor.assess(self.matrix_id, self.cell, self.rating, self.rationale,
                                             self.likelihood, expect=self.seen)
            self.after = copy.copy(self.doc.case.matrix(self.matrix_id).ratings.get(self.cell))
            self.done = True
            self._notify()
        else:
            self.editor.set_assessments(self.matrix_id, {self.cell: self.after},
                                        expect={self.cell: self.before})
            self._notify()
            self.doc.revisit(self.matrix_id, [self.cell])

    def revert(self) -> None:
        self.editor.set_assessments(self.matrix_id, {self.cell: self.before},
                                    expect={self.cell: self.after})
        self._notify()
        self.doc.revisit(self.matrix_id, [self.cell])

    def _notify(self) -> None:
        self.doc.notify_cells(self.matrix_id, [self.cell])


class SetLikelihoodsCommand(SetCellsCommand):
    """State P(evidence | hypothesis) for several rated cells at once (a row elicited in a
    dialog); None puts a cell back to its rating's default. Undone and redone as the cells'
    states, as a rating is."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, values: dict[Cell, float | None]
                 ) -> None:
        super().__init__(doc, matrix_id, list(values), None)
        self.setText(QCoreApplication.translate("SetLikelihoodsCommand", "State likelihoods"))
        self.values = dict(values)

    def first_write(self) -> dict[Cell, Assessment | None]:
        return self.editor.set_likelihoods(self.matrix_id, self.values)


class SetTransposedCommand(EditCommand):
    """Show a matrix with its hypotheses down the side, or across again."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, transposed: bool) -> None:
        super().__init__(doc, QCoreApplication.translate("SetTransposedCommand", "Hypotheses down the side")
                         if transposed else
                         QCoreApplication.translate("SetTransposedCommand", "Hypotheses across"))
        self.matrix_id, self.transposed = matrix_id, transposed

    def apply(self) -> None:
        self.editor.set_transposed(self.matrix_id, self.transposed, expect=not self.transposed)
        self.doc.tell(Kind.LAYOUT, self.matrix_id)

    def revert(self) -> None:
        self.editor.set_transposed(self.matrix_id, not self.transposed, expect=self.transposed)
        self.doc.tell(Kind.LAYOUT, self.matrix_id)


class SetBlindCommand(EditCommand):
    """Set a matrix to be rated blind, or lift blind rating."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, blind: bool) -> None:
        super().__init__(doc, QCoreApplication.translate("SetBlindCommand", "Rate blind")
                         if blind else
                         QCoreApplication.translate("SetBlindCommand", "Lift blind rating"))
        self.matrix_id, self.blind = matrix_id, blind

    def apply(self) -> None:
        self.editor.set_blind(self.matrix_id, self.blind, expect=not self.blind)
        self.doc.tell(Kind.TEAM, self.matrix_id)

    def revert(self) -> None:
        self.editor.set_blind(self.matrix_id, not self.blind, expect=self.blind)
        self.doc.tell(Kind.TEAM, self.matrix_id)


class SetOutcomeCommand(EditCommand):
    """Close a matrix with what turned out to be true (freezing it in a snapshot), or reopen it."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, outcome: Outcome | None) -> None:
        super().__init__(doc, QCoreApplication.translate("SetOutcomeCommand", "Record the outcome")
                         if outcome is not None else
                         QCoreApplication.translate("SetOutcomeCommand", "Reopen the question"))
        self.matrix_id, self.outcome = matrix_id, outcome
        self.before = doc.case.matrix(matrix_id).outcome
        self.change: OutcomeChange | None = None

    def apply(self) -> None:
        if self.change is None:
            self.change = self.editor.set_outcome(self.matrix_id, self.outcome, expect=self.before)
        else:
            self.change = self.editor.redo_outcome(self.change)
        self._notify()

    def revert(self) -> None:
        assert self.change is not None
        self.editor.undo_outcome(self.change)
        self._notify()

    def _notify(self) -> None:
        self.doc.tell(Kind.OUTCOME, self.matrix_id)
        self.doc.tell(Kind.SNAPSHOTS, self.matrix_id)
        self.doc.tell(Kind.ANALYSIS, self.matrix_id)


class SetScoringModeCommand(EditCommand):
    """Choose the score that ranks a matrix's hypotheses."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, mode: ScoringMode) -> None:
        super().__init__(doc, QCoreApplication.translate("SetScoringModeCommand", "Rank by {mode}").format(
            mode=mode.shown_label))
        self.matrix_id, self.mode = matrix_id, mode
        self.before = doc.case.matrix(matrix_id).scoring_mode

    def apply(self) -> None:
        self._write(self.mode, self.before)

    def revert(self) -> None:
        self._write(self.before, self.mode)

    def _write(self, mode: ScoringMode, expect: ScoringMode) -> None:
        self.editor.set_scoring_mode(self.matrix_id, mode, expect=expect)
        self.doc.tell(Kind.ANALYSIS, self.matrix_id)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)


class SetProbabilitiesCommand(EditCommand):
    """Set hypotheses' priors or the analyst's own probabilities (``field`` prior or judged)."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, field: str,
                 values: dict[HypothesisId, float | None]) -> None:
        super().__init__(doc, QCoreApplication.translate("SetProbabilitiesCommand", "Set priors")
                         if field == "prior" else
                         QCoreApplication.translate("SetProbabilitiesCommand", "Set probabilities"))
        self.matrix_id, self.field, self.after = matrix_id, field, dict(values)
        mat = doc.case.matrix(matrix_id)
        self.before = {h: getattr(mat.hypothesis(h), field) for h in values}

    def apply(self) -> None:
        self._write(self.after, self.before)

    def revert(self) -> None:
        self._write(self.before, self.after)

    def _write(self, values: dict[HypothesisId, float | None],
               expect: dict[HypothesisId, float | None]) -> None:
        self.editor.set_probabilities(self.matrix_id, self.field, values, expect=expect)
        self.doc.tell(Kind.ANALYSIS, self.matrix_id)
        self.doc.tell(Kind.SCORES, self.matrix_id)


class TakeSnapshotCommand(EditCommand):
    """Save the matrix as it stands under a name."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, name: str) -> None:
        super().__init__(doc, QCoreApplication.translate("TakeSnapshotCommand",
                                                         "Save snapshot {name}").format(
            name=repr(name)))
        self.matrix_id, self.name = matrix_id, name
        self.snapshot: Snapshot | None = None

    def apply(self) -> None:
        if self.snapshot is None:
            self.snapshot = self.editor.take_snapshot(self.matrix_id, self.name)
        else:
            self.editor.restore_snapshot(self.snapshot)
        self.doc.tell(Kind.SNAPSHOTS, self.matrix_id)

    def revert(self) -> None:
        assert self.snapshot is not None
        self.editor.delete_snapshot(self.snapshot.id)
        self.doc.tell(Kind.SNAPSHOTS, self.matrix_id)


class DeleteSnapshotCommand(EditCommand):
    """Delete a snapshot; undo brings it back."""

    def __init__(self, doc: CaseDocument, snapshot: Snapshot) -> None:
        super().__init__(doc, QCoreApplication.translate("DeleteSnapshotCommand",
                                                         "Delete snapshot {name}").format(
            name=repr(snapshot.name)))
        self.snapshot = snapshot

    def apply(self) -> None:
        self.snapshot = self.editor.delete_snapshot(self.snapshot.id)
        self.doc.tell(Kind.SNAPSHOTS, self.snapshot.matrix_id)

    def revert(self) -> None:
        self.editor.restore_snapshot(self.snapshot)
        self.doc.tell(Kind.SNAPSHOTS, self.snapshot.matrix_id)


# ------------------------------------------------------------------ hypotheses


class AddHypothesisCommand(EditCommand):
    """Add a hypothesis as the last column."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, title: str, description: str) -> None:
        super().__init__(doc, QCoreApplication.translate("AddHypothesisCommand",
                                                         "Add hypothesis {title}").format(
            title=repr(title)))
        self.matrix_id, self.title, self.description = matrix_id, title, description
        self.removal: Any = None
        self.hypothesis: Hypothesis | None = None

    def apply(self) -> None:
        if self.removal is None:
            self.hypothesis = copy.copy(
                self.editor.add_hypothesis(self.matrix_id, self.title, self.description))
        else:
            self.editor.restore_hypothesis(self.removal)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)

    def revert(self) -> None:
        assert self.hypothesis is not None
        self.removal = self.editor.delete_hypothesis(self.hypothesis.id, expect=self.hypothesis)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)


class DeleteHypothesisCommand(EditCommand):
    """Delete a hypothesis; undo brings it back in its column with its ratings."""

    def __init__(self, doc: CaseDocument, hypothesis_id: HypothesisId) -> None:
        mat = doc.case.matrix_of_hypothesis(hypothesis_id)
        super().__init__(doc, QCoreApplication.translate("DeleteHypothesisCommand",
                                                         "Delete hypothesis {title}").format(
            title=repr(mat.hypothesis(hypothesis_id).title)))
        self.hypothesis_id, self.matrix_id = hypothesis_id, mat.id
        position = mat.hypothesis_index(hypothesis_id) + 1
        rated, analysts = ratings_of_cells([mat], lambda cell: cell[1] == hypothesis_id)
        title = _short(mat.hypothesis(hypothesis_id).title)
        if analysts > 1:
            self.notice = QCoreApplication.translate(
                "DeleteHypothesisCommand", "Deleted H{position}, “{title}”, with its {rated} "
                "ratings of {analysts} analysts.")
        elif rated == 1:
            self.notice = QCoreApplication.translate(
                "DeleteHypothesisCommand", "Deleted H{position}, “{title}”, with its 1 rating.")
        else:
            self.notice = QCoreApplication.translate(
                "DeleteHypothesisCommand", "Deleted H{position}, “{title}”, with its {rated} ratings.")
        self.notice = self.notice.format(position=position, title=title, rated=rated,
                                         analysts=analysts)
        self.removal: Any = None

    def apply(self) -> None:
        expect = self.removal.hypothesis if self.removal is not None else None
        self.removal = self.editor.delete_hypothesis(self.hypothesis_id, expect=expect)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)

    def revert(self) -> None:
        self.editor.restore_hypothesis(self.removal)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)


class EditHypothesisCommand(EditCommand):
    """Change a hypothesis's title or description."""

    def __init__(self, doc: CaseDocument, hypothesis_id: HypothesisId,
                 seen: tuple[MatrixId, Hypothesis] | None = None, **values: str) -> None:
        """``seen``: (its matrix, the hypothesis as a dialog showed it); changes since refuse the edit."""
        shown = seen is not None
        if seen is None:
            seen = (doc.case.matrix_of_hypothesis(hypothesis_id).id,
                    doc.case.matrix_of_hypothesis(hypothesis_id).hypothesis(hypothesis_id))
        matrix_id, hyp = seen
        super().__init__(doc, QCoreApplication.translate("EditHypothesisCommand",
                                                         "Edit hypothesis {title}").format(
            title=repr(hyp.title)))
        self.shown = shown
        self.hypothesis_id, self.matrix_id = hypothesis_id, matrix_id
        self.after = values
        self.before = {key: getattr(hyp, key) for key in values}

    def apply(self) -> None:
        self._write(self.after, self.before)

    def revert(self) -> None:
        self._write(self.before, self.after)

    def _write(self, values: dict[str, str], expect: dict[str, str]) -> None:
        self.editor.update_hypothesis(self.hypothesis_id, expect=expect, **values)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)


class MoveHypothesisCommand(EditCommand):
    """Move a hypothesis to another column."""

    def __init__(self, doc: CaseDocument, hypothesis_id: HypothesisId, index: int) -> None:
        super().__init__(doc, QCoreApplication.translate("MoveHypothesisCommand", "Move hypothesis"))
        self.hypothesis_id, self.index = hypothesis_id, index
        self.matrix_id = doc.case.matrix_of_hypothesis(hypothesis_id).id
        self.old = -1

    def apply(self) -> None:
        expect = self.old if self.old >= 0 else None
        self.old = self.editor.move_hypothesis(self.hypothesis_id, self.index, expect_at=expect)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)

    def revert(self) -> None:
        self.editor.move_hypothesis(self.hypothesis_id, self.old, expect_at=self.index)
        self.doc.notify_matrix(self.matrix_id, hypotheses=True)


# ------------------------------------------------------------------ evidence


class AddEvidenceCommand(EditCommand):
    """Add an evidence item to the case, included in a matrix when one is given."""

    def __init__(self, doc: CaseDocument, text: str, matrix_id: MatrixId | None,
                 relevance: Level, **values: Any) -> None:
        super().__init__(doc, QCoreApplication.translate("AddEvidenceCommand", "Add evidence"))
        self.args = (text, matrix_id, relevance)
        self.values = values
        self.item: Evidence | None = None
        self.removal: Any = None

    def apply(self) -> None:
        if self.removal is None:
            self.item = copy.copy(self.editor.add_evidence(*self.args, **self.values))
        else:
            self.editor.restore_evidence(self.removal)
        self.doc.notify_evidence()

    def revert(self) -> None:
        assert self.item is not None
        self.removal = self.editor.delete_evidence(self.item.id, expect=self.item)
        self.doc.notify_evidence()


class PasteEvidenceCommand(EditCommand):
    """Add evidence rows pasted from a spreadsheet to a matrix, with their ratings, in one step."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, drafts: list) -> None:
        count = len(drafts)
        super().__init__(doc, QCoreApplication.translate("PasteEvidenceCommand", "Paste an evidence row")
                         if count == 1 else QCoreApplication.translate(
                             "PasteEvidenceCommand", "Paste {count} evidence rows").format(count=count))
        self.matrix_id, self.drafts = matrix_id, drafts
        self.items: list[Evidence] = []
        self.removals: Any = None

    def apply(self) -> None:
        if self.removals is None:
            self.items = [copy.copy(i) for i in self.editor.add_evidence_rows(self.matrix_id,
                                                                               self.drafts)]
        else:
            self.editor.restore_evidence_items(self.removals)
        self.doc.notify_evidence()

    def revert(self) -> None:
        self.removals = self.editor.delete_evidence_items([i.id for i in self.items],
                                                          expect=self.items)
        self.doc.notify_evidence()


class DeleteEvidenceCommand(EditCommand):
    """Delete an evidence item from the case and every matrix; undo restores all of it."""

    def __init__(self, doc: CaseDocument, evidence_id: EvidenceId) -> None:
        item = doc.case.evidence_item(evidence_id)
        super().__init__(doc, QCoreApplication.translate("DeleteEvidenceCommand",
                                                         "Delete evidence {label}").format(
            label=item.label))
        self.evidence_id = evidence_id
        held = sum(1 for m in doc.case.matrices if m.includes(evidence_id))
        if not held:
            notice = QCoreApplication.translate("DeleteEvidenceCommand", "Deleted {label}, “{text}”.")
        elif held == 1:
            notice = QCoreApplication.translate("DeleteEvidenceCommand",
                                                "Deleted {label}, “{text}”, from 1 matrix.")
        else:
            notice = QCoreApplication.translate("DeleteEvidenceCommand",
                                                "Deleted {label}, “{text}”, from {held} matrices.")
        self.notice = notice.format(label=item.label, text=_short(item.text), held=held)
        self.removal: Any = None

    def apply(self) -> None:
        expect = self.removal.item if self.removal is not None else None
        self.removal = self.editor.delete_evidence(self.evidence_id, expect=expect)
        self.doc.notify_evidence()

    def revert(self) -> None:
        self.editor.restore_evidence(self.removal)
        self.doc.notify_evidence()


class EditEvidenceCommand(EditCommand):
    """Change fields of an evidence item and, optionally, its relevance in one matrix."""

    def __init__(self, doc: CaseDocument, evidence_id: EvidenceId, values: dict[str, Any],
                 matrix_id: MatrixId | None = None, relevance: Level | None = None,
                 seen: tuple[Evidence, Level | None] | None = None) -> None:
        """``seen``: (the item, its relevance) as a dialog showed them; changes since refuse the edit."""
        item = seen[0] if seen is not None else doc.case.evidence_item(evidence_id)
        super().__init__(doc, QCoreApplication.translate("EditEvidenceCommand",
                                                         "Edit evidence {label}").format(
            label=item.label))
        self.shown = seen is not None
        self.evidence_id, self.matrix_id = evidence_id, matrix_id
        self.after = (dict(values), relevance)
        old_relevance = None
        if matrix_id is not None and relevance is not None:
            old_relevance = (seen[1] if seen is not None
                             else doc.case.matrix(matrix_id).row(evidence_id).relevance)
        self.before = ({key: getattr(item, key) for key in values}, old_relevance)

    def apply(self) -> None:
        self._write(*self.after, expect=self.before)

    def revert(self) -> None:
        self._write(*self.before, expect=self.after)

    def _write(self, values: dict[str, Any], relevance: Level | None,
               expect: tuple[dict[str, Any], Level | None]) -> None:
        both = (self.matrix_id, relevance) if relevance is not None and self.matrix_id else None
        self.editor.update_evidence(self.evidence_id, both, expect=expect, **values)  # one transaction
        self.doc.notify_evidence(self.evidence_id)


class IncludeEvidenceCommand(EditCommand):
    """Include existing case evidence in a matrix, as new rows at the end."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, evidence_ids: list[EvidenceId],
                 relevance: Level = Level.MEDIUM) -> None:
        super().__init__(doc, QCoreApplication.translate("IncludeEvidenceCommand",
                                                         "Include {count} evidence item(s)").format(
            count=len(evidence_ids)))
        self.matrix_id, self.evidence_ids, self.relevance = matrix_id, evidence_ids, relevance

    def apply(self) -> None:
        self.editor.include_evidence(self.matrix_id, self.evidence_ids, self.relevance)
        self.doc.notify_matrix(self.matrix_id, rows=True)

    def revert(self) -> None:
        self.editor.exclude_many(self.matrix_id, self.evidence_ids)
        self.doc.notify_matrix(self.matrix_id, rows=True)


class ExcludeEvidenceCommand(EditCommand):
    """Take an evidence row out of a matrix; the item stays in the case."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, evidence_id: EvidenceId) -> None:
        label = doc.case.evidence_item(evidence_id).label
        super().__init__(doc, QCoreApplication.translate("ExcludeEvidenceCommand",
                                                         "Remove {label} from matrix").format(
            label=label))
        self.matrix_id, self.evidence_id = matrix_id, evidence_id
        self.removal: Any = None

    def apply(self) -> None:
        self.removal = self.editor.exclude_evidence(self.matrix_id, self.evidence_id)
        self.doc.notify_matrix(self.matrix_id, rows=True)

    def revert(self) -> None:
        self.editor.restore_row(self.removal)
        self.doc.notify_matrix(self.matrix_id, rows=True)


class MoveRowCommand(EditCommand):
    """Move an evidence row up or down in a matrix."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, evidence_id: EvidenceId,
                 index: int) -> None:
        super().__init__(doc, QCoreApplication.translate("MoveRowCommand", "Move evidence"))
        self.matrix_id, self.evidence_id, self.index = matrix_id, evidence_id, index
        self.old = -1

    def apply(self) -> None:
        expect = self.old if self.old >= 0 else None
        self.old = self.editor.move_row(self.matrix_id, self.evidence_id, self.index, expect_at=expect)
        self.doc.notify_matrix(self.matrix_id, rows=True)

    def revert(self) -> None:
        self.editor.move_row(self.matrix_id, self.evidence_id, self.old, expect_at=self.index)
        self.doc.notify_matrix(self.matrix_id, rows=True)


# ------------------------------------------------------------------ sources


class AddSourceCommand(EditCommand):
    """Add a source to the case."""

    def __init__(self, doc: CaseDocument, title: str, **values: str) -> None:
        super().__init__(doc, QCoreApplication.translate("AddSourceCommand", "Add source {title}").format(
            title=repr(title)))
        self.title, self.values = title, values
        self.source: Source | None = None
        self.removal: Any = None

    def apply(self) -> None:
        if self.removal is None:
            self.source = copy.copy(self.editor.add_source(self.title, **self.values))
        else:
            self.editor.restore_source(self.removal)
        self.doc.tell(Kind.SOURCES)

    def revert(self) -> None:
        assert self.source is not None
        self.removal = self.editor.delete_source(self.source.id, expect=self.source)
        self.doc.tell(Kind.SOURCES)


class EditSourceCommand(EditCommand):
    """Change fields of a source."""

    def __init__(self, doc: CaseDocument, source_id: SourceId, seen: Source | None = None,
                 **values: str) -> None:
        """``seen``: the source as a dialog showed it; changes since refuse the edit."""
        src = seen if seen is not None else doc.case.source(source_id)
        super().__init__(doc, QCoreApplication.translate("EditSourceCommand", "Edit source {title}").format(
            title=repr(src.title)))
        self.shown = seen is not None
        self.source_id = source_id
        self.after = values
        self.before = {key: getattr(src, key) for key in values}

    def apply(self) -> None:
        self.editor.update_source(self.source_id, expect=self.before, **self.after)
        self.doc.tell(Kind.SOURCES)
        self.doc.notify_evidence()

    def revert(self) -> None:
        self.editor.update_source(self.source_id, expect=self.after, **self.before)
        self.doc.tell(Kind.SOURCES)
        self.doc.notify_evidence()


class DeleteSourceCommand(EditCommand):
    """Delete a source; evidence citing it loses the link until undo restores it."""

    def __init__(self, doc: CaseDocument, source_id: SourceId) -> None:
        title = doc.case.source(source_id).title
        super().__init__(doc, QCoreApplication.translate("DeleteSourceCommand",
                                                         "Delete source {title}").format(
            title=repr(title)))
        self.source_id = source_id
        self.notice = QCoreApplication.translate("DeleteSourceCommand",
                                                 "Deleted the source “{title}”.").format(
            title=_short(title))
        self.removal: Any = None

    def apply(self) -> None:
        expect = self.removal.source if self.removal is not None else None
        self.removal = self.editor.delete_source(self.source_id, expect=expect)
        self.doc.tell(Kind.SOURCES)
        self.doc.notify_evidence()

    def revert(self) -> None:
        self.editor.restore_source(self.removal)
        self.doc.tell(Kind.SOURCES)
        self.doc.notify_evidence()


# ------------------------------------------------------------------ matrices and case


class AddMatrixCommand(EditCommand):
    """Add a matrix asking a new question."""

    def __init__(self, doc: CaseDocument, question: str, **values: str) -> None:
        super().__init__(doc, QCoreApplication.translate("AddMatrixCommand", "Add matrix"))
        self.question, self.values = question, values
        self.matrix: Matrix | None = None
        self.removal: Any = None

    def apply(self) -> None:
        if self.removal is None:
            self.matrix = self.editor.add_matrix(self.question, **self.values)
        else:
            self.editor.restore_matrix(self.removal)
        self.doc.tell(Kind.MATRICES)

    def revert(self) -> None:
        assert self.matrix is not None
        self.removal = self.editor.delete_matrix(self.matrix.id, expect_empty=True)
        self.doc.tell(Kind.MATRICES)


class DeleteMatrixCommand(EditCommand):
    """Delete a matrix with its hypotheses and ratings."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId) -> None:
        super().__init__(doc, QCoreApplication.translate("DeleteMatrixCommand", "Delete matrix"))
        self.matrix_id = matrix_id
        self.notice = QCoreApplication.translate("DeleteMatrixCommand",
                                                 "Deleted the matrix “{question}”.").format(
            question=_short(doc.case.matrix(matrix_id).question))
        self.removal: Any = None

    def apply(self) -> None:
        self.removal = self.editor.delete_matrix(self.matrix_id)
        self.doc.tell(Kind.MATRICES)

    def revert(self) -> None:
        self.editor.restore_matrix(self.removal)
        self.doc.tell(Kind.MATRICES)


class EditMatrixCommand(EditCommand):
    """Change a matrix's question, notes, conclusions or milestones."""

    def __init__(self, doc: CaseDocument, matrix_id: MatrixId, seen: Matrix | None = None,
                 **values: str) -> None:
        """``seen``: the matrix as a dialog showed it; changes since refuse the edit."""
        super().__init__(doc, QCoreApplication.translate("EditMatrixCommand", "Edit matrix"))
        mat = seen if seen is not None else doc.case.matrix(matrix_id)
        self.shown = seen is not None
        self.matrix_id = matrix_id
        self.after = values
        self.before = {key: getattr(mat, key) for key in values}

    def apply(self) -> None:
        self._write(self.after, self.before)

    def revert(self) -> None:
        self._write(self.before, self.after)

    def _write(self, values: dict[str, str], expect: dict[str, str]) -> None:
        self.editor.update_matrix(self.matrix_id, expect=expect, **values)
        self.doc.tell(Kind.MATRICES)


class EditCaseCommand(EditCommand):
    """Change the case title or description."""

    def __init__(self, doc: CaseDocument, seen: dict[str, str] | None = None, **values: str) -> None:
        """``seen``: the fields as a dialog showed them; changes since refuse the edit."""
        super().__init__(doc, QCoreApplication.translate("EditCaseCommand", "Edit case"))
        self.shown = seen is not None
        self.after = values
        self.before = {key: (seen or {}).get(key, getattr(doc.case, key)) for key in values}

    def apply(self) -> None:
        self.editor.update_case(expect=self.before, **self.after)
        self.doc.tell(Kind.CASE)

    def revert(self) -> None:
        self.editor.update_case(expect=self.after, **self.before)
        self.doc.tell(Kind.CASE)


# ------------------------------------------------------------------ merging a colleague's copy


class MergeCommand(EditCommand):
    """Merge a colleague's copy of the case: their ratings, what they added, the conflicts'
    values chosen; undo takes all of it back."""

    def __init__(self, doc: CaseDocument, theirs: Any, take: set[str], name: str) -> None:
        super().__init__(doc, QCoreApplication.translate("MergeCommand", "Merge {file}").format(
            file=_short(name, 40)))
        self.theirs, self.take = theirs, set(take)
        self.result: Any = None

    def apply(self) -> None:
        self.result = self.editor.merge(self.theirs, self.take)
        self.doc.publish_refresh(announce=False)
        numbers = [i for i, m in enumerate(self.doc.case.matrices, 1) if m.id in self.result.left_out]
        if numbers:  # said once the merge is done, with its Undo
            self.notice = QCoreApplication.translate(
                "MergeCommand", "Merged, but their ratings of matrix {numbers} were left out: it "
                "is rated blind and you have not rated every cell of it yet (the workspace's "
                "owner can merge them).").format(numbers=", ".join(map(str, numbers)))

    def revert(self) -> None:
        self.editor.unmerge(self.result)
        self.doc.publish_refresh(announce=False)
