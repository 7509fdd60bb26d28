"""Edits of matrices: their rows, their questions, their outcomes and snapshots."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sat_tool.domain.model import (
    EvidenceId,
    Level,
    Matrix,
    MatrixId,
    MatrixRow,
    Outcome,
    ScoringMode,
    valid_date,
)
from sat_tool.domain.snapshots import Snapshot, SnapshotId, take_snapshot
from sat_tool.domain.text import translate
from sat_tool.services.concurrency import (
    name_of,
    no_longer_applies,
)
from sat_tool.store import cases as store
from sat_tool.store import edits
from sat_tool.services.editing.base import (
    EditConflict,
    InvalidEdit,
    MatrixRemoval,
    OutcomeChange,
    RowRemoval,
    _MATRIX_FIELDS,
    _apply_team,
    _check_fields,
    _require,
    _team_cells,
)


class MatrixEdits:
    """A matrix's rows, the matrix itself, its outcome and its snapshots."""

    # ------------------------------------------------------------ matrix rows

    def include_evidence(self, matrix_id: MatrixId, evidence_ids: Sequence[EvidenceId],
                         relevance: Level = Level.MEDIUM) -> None:
        """Include existing evidence items as the last rows of a matrix, in one transaction."""
        touches = [("has", "matrix", matrix_id)] + [("has", "evidence", e) for e in evidence_ids]
        with self._write(*touches) as s:
            mat = self.case.matrix(matrix_id)
            for evidence_id in evidence_ids:
                if mat.includes(evidence_id):
                    raise InvalidEdit(translate("CaseEditor", "{item} is already included").format(
                        item=self.case.evidence_item(evidence_id).label))
            start = store.count_children(s, "row", matrix_id)
            added = [RowRemoval(matrix_id, MatrixRow(e, relevance), start + i, {})
                     for i, e in enumerate(evidence_ids)]
            for rem in added:
                edits.include(s, matrix_id, rem.row.evidence_id, rem.index, relevance)
        for rem in added:
            self._put_row(rem)

    def exclude_many(self, matrix_id: MatrixId, evidence_ids: Sequence[EvidenceId]
                     ) -> list[RowRemoval]:
        """Take several rows out of a matrix in one transaction (undo of an inclusion)."""
        with self._write(*[("has", "evidence", e) for e in evidence_ids]) as s:
            mat = self.case.matrix(matrix_id)
            self._expect(all(mat.includes(e) for e in evidence_ids),
                         translate("CaseEditor", "these rows"))
            removals = [self._row_removal(mat, e) for e in evidence_ids]
            keep = [r.evidence_id for r in mat.rows if r.evidence_id not in set(evidence_ids)]
            for evidence_id in evidence_ids:
                edits.exclude(s, matrix_id, evidence_id, [h.id for h in mat.hypotheses])
            edits.order_rows(s, matrix_id, keep)
        for evidence_id in evidence_ids:
            self._drop_row(mat, evidence_id)
        return removals

    def exclude_evidence(self, matrix_id: MatrixId, evidence_id: EvidenceId) -> RowRemoval:
        """Take an evidence row out of a matrix (the item stays in the case)."""
        with self._write(("has", "evidence", evidence_id), ("rows", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            removal = self._row_removal(mat, evidence_id)
            edits.exclude(s, matrix_id, evidence_id, [h.id for h in mat.hypotheses])
            self._write_row_order(s, matrix_id, exclude=evidence_id)
        self._drop_row(mat, evidence_id)
        return removal

    def restore_row(self, removal: RowRemoval) -> None:
        """Put an evidence row back in its matrix, in place, with its ratings."""
        with self._write(("has", "matrix", removal.matrix_id),
                         ("has", "evidence", removal.row.evidence_id)) as s:
            mat = self.case.matrix(removal.matrix_id)
            self._expect(not mat.includes(removal.row.evidence_id),
                         name_of(self.case, "evidence", removal.row.evidence_id))
            rem = self._still_applies(removal)
            self._insert_row(s, rem)
        self._put_row(rem)

    def move_row(self, matrix_id: MatrixId, evidence_id: EvidenceId, index: int,
                 expect_at: int | None = None) -> int:
        """Move an evidence row to another position; returns where it was.

        ``expect_at``: where the row must stand now (an undo's guard).
        """
        with self._write(("rows", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            self._may_restructure(mat)
            old = mat.row_index(evidence_id)
            if expect_at is not None:
                self._expect(old == expect_at, name_of(self.case, "evidence", evidence_id))
            rows = list(mat.rows)
            rows.insert(index, rows.pop(old))
            edits.order_rows(s, matrix_id, [r.evidence_id for r in rows])
        mat.rows[:] = rows
        return old

    def set_relevance(self, matrix_id: MatrixId, evidence_id: EvidenceId, relevance: Level) -> None:
        """Set how relevant an evidence item is to a matrix's question."""
        with self._write(("rows", matrix_id)) as s:
            self.case.matrix(matrix_id).row(evidence_id)
            edits.set_relevance(s, matrix_id, evidence_id, relevance)
        self.case.matrix(matrix_id).row(evidence_id).relevance = relevance

    def _row_removal(self, mat: Matrix, evidence_id: EvidenceId) -> RowRemoval:
        row = mat.row(evidence_id)
        ratings = _team_cells(mat, lambda cell: cell[0] == evidence_id)
        self._may_remove(mat, ratings, name_of(self.case, "evidence", evidence_id))
        return RowRemoval(mat.id, copy.copy(row), mat.rows.index(row), ratings)

    def _still_applies(self, rem: RowRemoval) -> RowRemoval:
        """A row removal cut to what the matrix still has: its hypotheses, a position in range."""
        mat = self.case.matrix(rem.matrix_id)
        hyp_ids = {h.id for h in mat.hypotheses}
        ratings = {uid: {c: a for c, a in own.items() if c[1] in hyp_ids}
                   for uid, own in rem.ratings.items()}
        return RowRemoval(rem.matrix_id, rem.row, min(rem.index, len(mat.rows)), ratings)

    def _write_row_order(self, s: Any, matrix_id: MatrixId, exclude: EvidenceId | None = None,
                         insert: tuple[int, EvidenceId] | None = None) -> None:
        ids = [r.evidence_id for r in self.case.matrix(matrix_id).rows if r.evidence_id != exclude]
        if insert is not None:
            ids.insert(*insert)
        edits.order_rows(s, matrix_id, ids)

    def _insert_row(self, s: Any, rem: RowRemoval) -> None:
        edits.include(s, rem.matrix_id, rem.row.evidence_id, rem.index, rem.row.relevance)
        self._write_row_order(s, rem.matrix_id, insert=(rem.index, rem.row.evidence_id))
        edits.put_team(s, self._team_ids(s, rem.ratings), rem.ratings)

    def _put_row(self, rem: RowRemoval) -> None:
        mat = self.case.matrix(rem.matrix_id)
        mat.rows.insert(rem.index, copy.copy(rem.row))
        _apply_team(mat, rem.ratings)
        self._list_analysts(rem.ratings)

    @staticmethod
    def _drop_row(mat: Matrix, evidence_id: EvidenceId) -> None:
        mat.rows.remove(mat.row(evidence_id))
        for own in mat.team.values():
            for cell in [c for c in own if c[0] == evidence_id]:
                del own[cell]

    # ------------------------------------------------------------ matrices

    def add_matrix(self, question: str, **values: str) -> Matrix:
        """Add a matrix asking a question; it starts with no hypotheses and no rows."""
        _check_fields(values, _MATRIX_FIELDS - {"question"})
        _require(question, translate("CaseEditor", "a matrix needs a question"))
        draft = Matrix(MatrixId(0), question, **values)
        with self._write() as s:
            position = store.count_children(s, "matrix", self.case.id)
            row = store.matrix_row(self.case.id, draft, position, with_id=False)
            mat = replace(draft, id=MatrixId(edits.insert(s, row)))
        mat.ratings = mat.team.setdefault(self.rated_as.id, {})  # theirs, in the team too
        self.case.matrices.append(mat)
        return mat

    def update_matrix(self, matrix_id: MatrixId, expect: dict[str, str] | None = None,
                      **values: str) -> None:
        """Change the question, notes, conclusions or milestones of a matrix."""
        _check_fields(values, _MATRIX_FIELDS)
        if "question" in values:
            _require(values["question"], translate("CaseEditor", "a matrix needs a question"))
        with self._write(("has", "matrix", matrix_id), ("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            if expect is not None:
                self._expect(all(getattr(mat, k) == v for k, v in expect.items()),
                             name_of(self.case, "matrix", matrix_id))
            edits.update_fields(s, "matrix", matrix_id, **values)
        for key, value in values.items():
            setattr(mat, key, value)

    def delete_matrix(self, matrix_id: MatrixId, expect_empty: bool = False) -> MatrixRemoval:
        """Delete a matrix with its hypotheses and ratings; the case evidence stays.

        ``expect_empty``: refuse when the matrix has hypotheses or rows (undo of adding it).
        """
        with self._write(("has", "matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            if expect_empty:
                self._expect(not mat.hypotheses and not mat.rows,
                             name_of(self.case, "matrix", matrix_id))
            self._may_remove(mat, mat.team, name_of(self.case, "matrix", matrix_id))
            removal = MatrixRemoval(copy.deepcopy(mat), self.case.matrices.index(mat),
                                    store.load_snapshots(s, matrix_id))
            remaining = [m.id for m in self.case.matrices if m.id != matrix_id]
            edits.delete_row(s, "matrix", matrix_id)
            edits.order(s, "matrix", remaining)
        self.case.matrices.remove(mat)
        return removal

    def restore_matrix(self, removal: MatrixRemoval) -> None:
        """Put a deleted matrix back in place with everything it held.

        Rows of evidence deleted since stay gone, with their ratings.
        """
        with self._write() as s:
            self._expect(all(m.id != removal.matrix.id for m in self.case.matrices),
                         translate("CaseEditor", "the matrix"))
            mat = copy.deepcopy(removal.matrix)
            present = {e.id for e in self.case.evidence}
            mat.rows = [r for r in mat.rows if r.evidence_id in present]
            for own in mat.team.values():
                for cell in [c for c in own if c[0] not in present]:
                    del own[cell]
            index = min(removal.index, len(self.case.matrices))
            order = [m.id for m in self.case.matrices]
            order.insert(index, mat.id)
            edits.insert(s, store.matrix_row(self.case.id, mat, index))
            edits.order(s, "matrix", order)
            store.insert_matrix_contents(s, mat, list(self._known().values()))
            for snap in removal.snapshots:
                edits.insert(s, store.snapshot_row(snap))
        self.case.matrices.insert(index, mat)
        self._list_analysts([*mat.team, *mat.judgments])
        mat.ratings = mat.team.setdefault(self.rated_as.id, {})

    def set_scoring_mode(self, matrix_id: MatrixId, mode: ScoringMode,
                         expect: ScoringMode | None = None) -> ScoringMode:
        """Choose the score that ranks a matrix's hypotheses; returns the previous mode."""
        with self._write(("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.scoring_mode
            if expect is not None:
                self._expect(before is expect, name_of(self.case, "matrix", matrix_id))
            edits.update_fields(s, "matrix", matrix_id, scoring_mode=mode.value)
        mat.scoring_mode = mode
        return before

    def set_transposed(self, matrix_id: MatrixId, transposed: bool,
                       expect: bool | None = None) -> bool:
        """Show a matrix with its hypotheses down the side (True) or across (False); returns
        the previous layout."""
        with self._write(("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.transposed
            if expect is not None:
                self._expect(before is expect, name_of(self.case, "matrix", matrix_id))
            edits.update_fields(s, "matrix", matrix_id,
                                layout="transposed" if transposed else "standard")
        mat.transposed = transposed
        return before

    def set_blind(self, matrix_id: MatrixId, blind: bool, expect: bool | None = None) -> bool:
        """Set a matrix to be rated blind (each analyst their own hypothesis order, no one
        else's ratings until they have rated every cell), or lift it; the history records
        who did which, when. Returns the previous setting."""
        with self._write(("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.blind
            if expect is not None:
                self._expect(before is expect, name_of(self.case, "matrix", matrix_id))
            if before is not blind:
                edits.update_fields(s, "matrix", matrix_id, blind=int(blind))
                edits.record(s, self.case.id, matrix_id, "blind", self.analyst, store.utc_now(),
                             "on" if before else "off", "on" if blind else "off")
        mat.blind = blind
        return before

    # ------------------------------------------------------------ outcome

    def set_outcome(self, matrix_id: MatrixId, outcome: Outcome | None,
                    expect: Outcome | None | bool = False) -> OutcomeChange:
        """Close a matrix with what turned out to be true, or reopen it (``outcome`` None).

        Closing freezes the matrix in a snapshot (named "Closed: …") in the same
        transaction, so the judgments that calibration weighs are the ones held when
        the outcome was recorded. Reopening keeps that snapshot. ``expect``: the
        outcome the matrix must have now (an undo's guard; False checks nothing).
        """
        if outcome is not None:
            if outcome.date.strip() and not valid_date(outcome.date):
                raise InvalidEdit(translate(
                    "CaseEditor", "{date!r} is not a date such as 2012, 2012-04 or 2012-04-18"
                ).format(date=outcome.date.strip()))
            if outcome.date.strip() > store.utc_now()[:len(outcome.date.strip())]:
                raise InvalidEdit(translate(
                    "CaseEditor", "{date} is still to come: an outcome is recorded once it is known"
                ).format(date=outcome.date.strip()))
        with self._write(("has", "matrix", matrix_id), ("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.outcome
            if expect is not False:
                self._expect(before == expect, name_of(self.case, "matrix", matrix_id))
            snap = None
            if outcome is not None:
                if outcome.hypothesis_id is not None:
                    mat.hypothesis(outcome.hypothesis_id)  # KeyError: deleted meanwhile
                outcome = replace(outcome, date=outcome.date.strip(), evidence=outcome.evidence.strip())
                if outcome.snapshot_id is None:
                    snap = self._closing_snapshot(s, mat, outcome)
                    outcome = replace(outcome, snapshot_id=snap.id)
            edits.update_fields(s, "matrix", matrix_id, **store.outcome_values(outcome))
        mat.outcome = outcome
        return OutcomeChange(matrix_id, before, outcome, snap)

    def _closing_snapshot(self, s: Any, mat: Matrix, outcome: Outcome) -> Snapshot:
        truth = (mat.hypothesis(outcome.hypothesis_id).title if outcome.hypothesis_id is not None
                 else "none of the hypotheses")
        taken = {snap.name for snap in store.load_snapshots(s, mat.id)}
        name, n = f"Closed: {truth}", 1
        while name in taken:
            n += 1
            name = f"Closed: {truth} ({n})"
        snap = take_snapshot(self.case, mat, name, store.utc_now())
        snap.id = SnapshotId(edits.insert(s, store.snapshot_row(snap, with_id=False)))
        return snap

    def undo_outcome(self, change: OutcomeChange) -> None:
        """Put back the outcome a :meth:`set_outcome` replaced, and drop the snapshot it took."""
        with self._write(("has", "matrix", change.matrix_id), ("matrix", change.matrix_id)) as s:
            mat = self.case.matrix(change.matrix_id)
            self._expect(mat.outcome == change.after, name_of(self.case, "matrix", change.matrix_id))
            if change.snapshot is not None:
                edits.delete_row(s, "snapshot", change.snapshot.id)
            edits.update_fields(s, "matrix", change.matrix_id, **store.outcome_values(change.before))
        mat.outcome = change.before

    def redo_outcome(self, change: OutcomeChange) -> OutcomeChange:
        """Make a :meth:`set_outcome` again after its undo: the same outcome, with its closing
        snapshot put back as it was."""
        with self._write(("has", "matrix", change.matrix_id), ("matrix", change.matrix_id)) as s:
            mat = self.case.matrix(change.matrix_id)
            self._expect(mat.outcome == change.before, name_of(self.case, "matrix", change.matrix_id))
            if change.after is not None and change.after.hypothesis_id is not None:
                mat.hypothesis(change.after.hypothesis_id)  # KeyError: deleted meanwhile
            if change.snapshot is not None:
                edits.insert(s, store.snapshot_row(change.snapshot))
            edits.update_fields(s, "matrix", change.matrix_id, **store.outcome_values(change.after))
        mat.outcome = change.after
        return change

    # ------------------------------------------------------------ snapshots

    def snapshots(self, matrix_id: MatrixId) -> list[Snapshot]:
        """The snapshots of a matrix, oldest first."""
        with self.workspace.read() as s:
            return store.load_snapshots(s, matrix_id)

    def take_snapshot(self, matrix_id: MatrixId, name: str) -> Snapshot:
        """Save the matrix as it stands now under a name."""
        if not name.strip():
            raise InvalidEdit(translate("CaseEditor", "a snapshot needs a name"))
        with self._write(("has", "matrix", matrix_id)) as s:
            if any(snap.name == name.strip() for snap in store.load_snapshots(s, matrix_id)):
                raise InvalidEdit(translate(
                    "CaseEditor", "this matrix already has a snapshot named {name!r}"
                ).format(name=name.strip()))
            snap = take_snapshot(self.case, self.case.matrix(matrix_id), name.strip(),
                                 store.utc_now())
            snap.id = SnapshotId(edits.insert(s, store.snapshot_row(snap, with_id=False)))
        return snap

    def delete_snapshot(self, snapshot_id: SnapshotId) -> Snapshot:
        """Delete a snapshot; returns it so that it can be restored."""
        with self._write() as s:
            try:
                snap = store.load_snapshot(s, snapshot_id)
            except LookupError:
                raise EditConflict(no_longer_applies(translate("CaseEditor", "this snapshot"))) from None
            edits.delete_row(s, "snapshot", snapshot_id)
        return snap

    def restore_snapshot(self, snap: Snapshot) -> None:
        """Put a deleted snapshot back with its id."""
        with self._write(("has", "matrix", snap.matrix_id)) as s:
            edits.insert(s, store.snapshot_row(snap))
