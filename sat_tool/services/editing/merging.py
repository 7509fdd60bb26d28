"""Merging a colleague's copy of the case: it adds what the copy adds, writes its analysts'
ratings, and takes the conflicting texts the analyst chose."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from sat_tool.domain.model import (
    Analyst,
    AnalystId,
    Assessment,
    Case,
    Cell,
    EvidenceId,
    HypothesisId,
    MatrixId,
    SourceId,
)
from sat_tool.domain.merge import MergePlan, plan_merge
from sat_tool.domain.team import others_hidden
from sat_tool.services.concurrency import (
    changed_while_shown,
    no_longer_applies,
)
from sat_tool.store import cases as store
from sat_tool.store import edits
from sat_tool.services.editing.base import (
    EditConflict,
    MergeResult,
    _part_id,
    theirs_analysts,
)


class MergeEdits:
    """The edits that merge a copy of the case, and undo a merge."""

    # ------------------------------------------------------------ merging a colleague's copy

    def plan_merge(self, theirs: Case) -> MergePlan:
        """What merging a copy of this case would do (nothing is written)."""
        self.refresh()
        return plan_merge(self.case, theirs)

    def merge(self, theirs: Case, take: set[str] | None = None) -> MergeResult:
        """Merge a colleague's copy of this case in one transaction: add what it adds, write
        its analysts' ratings, and take its value of each conflict whose key is in ``take``
        (the others keep ours). Returns what was written, for :meth:`unmerge`."""
        with self._write() as s:
            result = _merge_into(self, s, theirs, take or set())
            fresh = store.load_case(s, self.case.id, self.rated_as)
        self._install(fresh, self.revision)
        return result

    def unmerge(self, result: MergeResult) -> None:
        """Take a merge back: its ratings, probabilities and texts as they were, and the parts
        it added deleted."""
        with self._write() as s:
            known = self._known(*result.analysts)
            ids = store.analyst_ids(s, [known[u] for u in {*result.ratings, *result.judgments}
                                        if u in known])
            now = store.utc_now()
            for uid, cells in result.ratings.items():
                if uid in ids:
                    current = {c: self.case.matrix_of_hypothesis(c[1]).team.get(uid, {}).get(c)
                               for c in cells}
                    edits.put_ratings(s, ids[uid], dict(cells))
                    by_matrix: dict[MatrixId, list[Cell]] = {}
                    for cell in cells:
                        by_matrix.setdefault(self.case.matrix_of_hypothesis(cell[1]).id,
                                             []).append(cell)
                    for matrix_id, found in by_matrix.items():
                        edits.record_cells(s, self.case.id, matrix_id, ids[uid], self.analyst,
                                           {c: current[c] for c in found},
                                           {c: cells[c] for c in found}, now)
            for uid, values in result.judgments.items():
                if uid in ids:
                    edits.put_judgments(s, ids[uid], {h: v or (None, None)
                                                      for h, v in values.items()})
            for kind, row_id, name, value in result.texts:
                edits.update_fields(s, kind, row_id, **{name: value})
            for matrix_id, eid in result.rows:
                mat = self.case.matrix(matrix_id)
                edits.exclude(s, matrix_id, eid, [h.id for h in mat.hypotheses])
            for hyp_id in result.hypotheses:
                edits.delete_row(s, "hypothesis", hyp_id)
            for matrix_id in result.matrices:
                edits.delete_row(s, "matrix", matrix_id)
            for eid in result.evidence:
                edits.delete_row(s, "evidence", eid)
            for sid in result.sources:
                edits.delete_row(s, "source", sid)
            fresh = store.load_case(s, self.case.id, self.rated_as)
        self._install(fresh, self.revision)

    def _me(self, s: Any) -> int:
        """The row id of the analyst rated as; they join the workspace now if they are new.

        Kept once known: an analyst's row is never deleted or given another id, so the
        keystroke's write needs no lookup of its own."""
        me = self.rated_as
        if self._my_row is not None and self._my_row[0] == me.id:
            return self._my_row[1]
        found = store.analyst_ids(s, [me])[me.id]
        self._pending_row = (me.id, found)  # kept once the transaction that found it commits
        return found

    def _list_analysts(self, uids: Any) -> None:
        """List again in the case the analysts whose ratings an undo put back."""
        listed = {a.id for a in self.case.analysts}
        for uid in uids:
            if uid not in listed and uid in self.known_analysts:
                self.case.analysts.append(self.known_analysts[uid])
                listed.add(uid)

    def _known(self, *more: Analyst) -> dict[AnalystId, Analyst]:
        """Every analyst this editor knows of: seen in the case before, in it now, and
        ``more`` (a copy's)."""
        return {**self.known_analysts, **{a.id: a for a in [*self.case.analysts, *more]}}

    def _team_ids(self, s: Any, team: dict[AnalystId, Any]) -> dict[AnalystId, int]:
        known = self._known()
        return store.analyst_ids(s, [known[uid] for uid in team if uid in known])

    def _expect(self, holds: bool, what: str) -> None:
        """Refuse an undo or redo whose target is no longer as this edit left it."""
        if not holds:
            raise EditConflict(self._refusal(what))

    @contextmanager
    def against_view(self) -> Iterator[None]:
        """Check the edits made inside against what a dialog showed when it opened.

        Their ``expect`` values are what the analyst saw; if another window or program
        has changed them since, the edit is refused with a sentence saying so.
        """
        self._refusal = changed_while_shown
        try:
            yield
        finally:
            self._refusal = no_longer_applies


def _merge_into(editor: Any, s: Any, theirs: Case, take: set[str]) -> MergeResult:
    """Write what a copy of the case adds (see :mod:`sat_tool.domain.merge`), in ``s``."""
    case = editor.case
    plan = plan_merge(case, theirs)
    result = MergeResult(analysts=list(theirs.analysts))
    known = editor._known(*theirs.analysts)
    sources, evidence = dict(plan.sources), dict(plan.evidence)
    hypotheses = dict(plan.hypotheses)
    position = store.count_children(s, "source", case.id)
    for src in plan.new_sources:
        row = store.source_row(case.id, replace(src, id=SourceId(0)), position, with_id=False)
        row.uid = src.uid or row.uid
        sources[src.id] = SourceId(edits.insert(s, row))
        result.sources.append(sources[src.id])
        position += 1
    position = store.count_children(s, "evidence", case.id)
    for item in plan.new_evidence:
        number = store.next_evidence_number(s, case.id)
        draft = replace(item, id=EvidenceId(0), number=number,
                        source_id=sources.get(item.source_id) if item.source_id is not None
                        else None)
        draft.uid = item.uid
        evidence[item.id] = EvidenceId(edits.insert(s, store.evidence_row(case.id, draft, position,
                                                                          with_id=False)))
        result.evidence.append(evidence[item.id])
        result.numbers[item.number] = number
        position += 1
    ids = store.analyst_ids(s, [known[uid] for uid in
                                {*theirs_analysts(theirs), *plan.ratings, *plan.judgments}
                                if uid in known])
    # matrices of theirs that are new here: whole, with every analyst's ratings
    position = store.count_children(s, "matrix", case.id)
    for mat in plan.new_matrices:
        draft = copy.deepcopy(mat)
        row = store.matrix_row(case.id, draft, position, with_id=False)
        row.outcome_snapshot_id = None
        new_id = MatrixId(edits.insert(s, row))
        result.matrices.append(new_id)
        position += 1
        for place, hyp in enumerate(draft.hypotheses):
            hrow = store.hypothesis_row(new_id, hyp, place, with_id=False)
            hyp_id = HypothesisId(edits.insert(s, hrow))
            hypotheses[hyp.id] = hyp_id
        for place, found in enumerate(draft.rows):
            edits.include(s, new_id, evidence[found.evidence_id], place, found.relevance)
        for uid, own in draft.team.items():
            if uid in ids:
                edits.put_ratings(s, ids[uid], {(evidence[e], hypotheses[h]): a
                                                for (e, h), a in own.items()})
        for uid, own in draft.judgments.items():
            if uid in ids:
                edits.put_judgments(s, ids[uid], {hypotheses[h]: j for h, j in own.items()})
        if draft.outcome is not None and draft.outcome.hypothesis_id is not None:
            edits.update_fields(s, "matrix", new_id, **store.outcome_values(replace(
                draft.outcome, hypothesis_id=hypotheses[draft.outcome.hypothesis_id],
                snapshot_id=None)))
    # matrices both have: new hypotheses and rows, then the ratings of the cells they make
    for matrix_id, hyp in plan.new_hypotheses:
        place = store.count_children(s, "hypothesis", matrix_id)
        hyp_id = HypothesisId(edits.insert(s, store.hypothesis_row(matrix_id, hyp, place,
                                                                  with_id=False)))
        hypotheses[hyp.id] = hyp_id
        result.hypotheses.append(hyp_id)
    for matrix_id, their_item in plan.new_rows:
        eid = evidence[their_item]
        their_matrix = next(m for m in theirs.matrices if plan.matrices.get(m.id) == matrix_id)
        edits.include(s, matrix_id, eid, store.count_children(s, "row", matrix_id),
                      their_matrix.row(their_item).relevance)
        result.rows.append((matrix_id, eid))
    new_cells = {eid for _m, eid in result.rows}, set(result.hypotheses)
    writes: dict[AnalystId, dict[MatrixId, dict[Cell, Assessment]]] = {
        uid: {m: dict(cells) for m, cells in per.items()} for uid, per in plan.ratings.items()}
    for mat in theirs.matrices:
        ours_id = plan.matrices.get(mat.id)
        if ours_id is None:
            continue
        for uid, own in mat.team.items():
            for (e, h), found in own.items():
                cell = (evidence.get(e), hypotheses.get(h))
                if None in cell or not (cell[0] in new_cells[0] or cell[1] in new_cells[1]):
                    continue
                writes.setdefault(uid, {}).setdefault(ours_id, {})[cell] = found  # type: ignore[index]
    ids.update(store.analyst_ids(s, [known[uid] for uid in writes if uid in known]))

    def kept_from_me(matrix_id: MatrixId) -> bool:
        """Whether a matrix is rated blind and not yet all rated by the analyst on a team
        server: its others' ratings and probabilities are hidden from them, so cannot be
        written over; it is left out (said in ``result.left_out``) for the owner to merge."""
        if editor.workspace.analyst is None or not others_hidden(case.matrix(matrix_id)):
            return False
        if matrix_id not in result.left_out:
            result.left_out.append(matrix_id)
        return True
    for uid, per in writes.items():
        if uid not in ids:
            continue
        for matrix_id, cells in per.items():
            if kept_from_me(matrix_id):
                continue
            mine = case.matrix(matrix_id).team.get(uid, {})
            before = {cell: copy.copy(mine.get(cell)) for cell in cells}
            edits.put_ratings(s, ids[uid], dict(cells))
            edits.record_cells(s, case.id, matrix_id, ids[uid], editor.analyst, before, cells,
                               store.utc_now())
            result.ratings.setdefault(uid, {}).update(before)
    # probabilities an analyst had not given here, and conflicts the user settled for theirs
    for uid, per in plan.judgments.items():
        if uid in ids:
            per = {h: j for h, j in per.items()
                   if not kept_from_me(case.matrix_of_hypothesis(h).id)}
            edits.put_judgments(s, ids[uid], per)
            result.judgments.setdefault(uid, {}).update({h: None for h in per})
    for choice in plan.conflicts:
        if choice.key not in take:
            continue
        kind, key, name = choice.key.split(":", 2)
        if kind == "judgment":
            uid, hyp_id = key, HypothesisId(int(name))
            if uid in ids:
                edits.put_judgments(s, ids[uid], {hyp_id: choice.theirs})
                result.judgments.setdefault(uid, {})[hyp_id] = choice.ours
            continue
        row_id = _part_id(case, kind, key)
        value = choice.theirs
        if name in ("type", "credibility"):
            value = value.value
        edits.update_fields(s, kind, row_id, **{name: value})
        ours_value = choice.ours.value if name in ("type", "credibility") else choice.ours
        result.texts.append((kind, row_id, name, ours_value))
    return result
