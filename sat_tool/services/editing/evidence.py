"""Edits of the case's evidence items."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from sat_tool.domain.model import (
    Assessment,
    Evidence,
    EvidenceId,
    EvidenceType,
    HypothesisId,
    Level,
    MatrixId,
    MatrixRow,
    Rating,
)
from sat_tool.domain.text import translate
from sat_tool.services.concurrency import Touch
from sat_tool.store import cases as store
from sat_tool.store import edits
from sat_tool.services.editing.base import (
    EvidenceRemoval,
    RowRemoval,
    _EVIDENCE_FIELDS,
    _check_fields,
    _require,
)


class EvidenceEdits:
    """The case's evidence items: adding, editing, deleting and putting back."""

    # ------------------------------------------------------------ evidence

    def add_evidence(self, text: str, matrix_id: MatrixId | None = None,
                     relevance: Level = Level.MEDIUM, **values: Any) -> Evidence:
        """Add an evidence item to the case and, if a matrix is given, include it there."""
        _check_fields(values, _EVIDENCE_FIELDS)
        _require(text, translate("CaseEditor", "an evidence item needs its text"))
        touches: list[Touch] = [("has", "matrix", matrix_id)] if matrix_id is not None else []
        if values.get("source_id") is not None:
            touches.append(("has", "source", values["source_id"]))
        with self._write(*touches) as s:
            mat = self.case.matrix(matrix_id) if matrix_id is not None else None
            number = store.next_evidence_number(s, self.case.id)
            draft = Evidence(EvidenceId(0), number, text, **values)
            position = store.count_children(s, "evidence", self.case.id)
            row = store.evidence_row(self.case.id, draft, position, with_id=False)
            item = replace(draft, id=EvidenceId(edits.insert(s, row)))
            if mat is not None:
                edits.include(s, mat.id, item.id, store.count_children(s, "row", mat.id), relevance)
        self.case.evidence.append(item)
        if mat is not None:
            mat.rows.append(MatrixRow(item.id, relevance))
        return item

    def add_evidence_rows(self, matrix_id: MatrixId,
                          drafts: list[tuple[str, Level, dict[str, Any], dict[HypothesisId, Rating]]]
                          ) -> list[Evidence]:
        """Add several evidence items, each included in a matrix with its relevance and its
        ratings there, in one transaction (rows pasted from a spreadsheet). Each draft is
        (text, relevance, fields, ratings by hypothesis)."""
        for text, _relevance, values, _ratings in drafts:
            _check_fields(values, _EVIDENCE_FIELDS)
            _require(text, translate("CaseEditor", "an evidence item needs its text"))
        sources = {v["source_id"] for _t, _r, v, _x in drafts if v.get("source_id") is not None}
        touches: list[Touch] = [("has", "matrix", matrix_id), ("rows", matrix_id),
                                *[("has", "source", sid) for sid in sources]]
        now = store.utc_now()
        with self._write(*touches) as s:
            mat = self.case.matrix(matrix_id)
            hyp_ids = {h.id for h in mat.hypotheses}
            number = store.next_evidence_number(s, self.case.id)
            position = store.count_children(s, "evidence", self.case.id)
            place = store.count_children(s, "row", mat.id)
            items, states = [], {}
            for offset, (text, relevance, values, ratings) in enumerate(drafts):
                draft = Evidence(EvidenceId(0), number + offset, text.strip(), **values)
                row = store.evidence_row(self.case.id, draft, position + offset, with_id=False)
                item = replace(draft, id=EvidenceId(edits.insert(s, row)))
                edits.include(s, mat.id, item.id, place + offset, relevance)
                for hid, rating in ratings.items():
                    if hid not in hyp_ids:
                        raise KeyError(hid)
                    states[(item.id, hid)] = Assessment(rating, self.rated_as.name, "", now, None)
                items.append((item, relevance))
            me = self._me(s)
            edits.put_ratings(s, me, states)
            edits.record_cells(s, self.case.id, mat.id, me, self.analyst, {}, states, now)
        for item, relevance in items:
            self.case.evidence.append(item)
            mat.rows.append(MatrixRow(item.id, relevance))
        self._apply_cells(mat, states)
        return [item for item, _ in items]

    def delete_evidence_items(self, evidence_ids: list[EvidenceId],
                              expect: list[Evidence] | None = None) -> list[EvidenceRemoval]:
        """Delete several evidence items, with their rows and ratings, in one transaction."""
        touches: list[Touch] = [t for eid in evidence_ids
                                for t in (("has", "evidence", eid), ("evidence", eid))]
        gone = set(evidence_ids)
        with self._write(*touches) as s:
            items = [self.case.evidence_item(eid) for eid in evidence_ids]
            if expect is not None:
                for item, wanted in zip(items, expect):
                    self._expect(item == wanted, item.label)
            removals = [EvidenceRemoval(copy.deepcopy(item), self.case.evidence.index(item),
                                        [self._row_removal(m, item.id) for m in self.case.matrices
                                         if m.includes(item.id)]) for item in items]
            for eid in evidence_ids:
                edits.delete_row(s, "evidence", eid)
            edits.order(s, "evidence", [e.id for e in self.case.evidence if e.id not in gone])
            touched = {rem.matrix_id for removal in removals for rem in removal.rows}
            for matrix_id in touched:
                edits.order_rows(s, matrix_id, [r.evidence_id for r in
                                                self.case.matrix(matrix_id).rows
                                                if r.evidence_id not in gone])
        for item in items:
            self.case.evidence.remove(item)
            for mat in self.case.matrices:
                if mat.includes(item.id):
                    self._drop_row(mat, item.id)
        return removals

    def restore_evidence_items(self, removals: list[EvidenceRemoval]) -> None:
        """Put deleted evidence items back, with their rows and ratings, in one transaction."""
        ordered = sorted(removals, key=lambda r: r.index)
        with self._write() as s:
            order = [e.id for e in self.case.evidence]
            restored = []
            for removal in ordered:
                item = copy.deepcopy(removal.item)
                self._expect(all(e.id != item.id for e in self.case.evidence), item.label)
                if item.source_id is not None and all(x.id != item.source_id
                                                      for x in self.case.sources):
                    item.source_id = None
                index = min(removal.index, len(order))
                order.insert(index, item.id)
                edits.insert(s, store.evidence_row(self.case.id, item, index))
                # positions stay as they were: each is cut to the rows present as it goes back
                rows = [replace(self._still_applies(rem), index=rem.index) for rem in removal.rows
                        if any(m.id == rem.matrix_id for m in self.case.matrices)]
                restored.append((index, item, rows))
            edits.order(s, "evidence", order)
            # each matrix gets its rows back in the order of their old positions, so that
            # every one lands where it was
            by_matrix: dict[MatrixId, list[RowRemoval]] = {}
            for _index, _item, rows in restored:
                for rem in rows:
                    by_matrix.setdefault(rem.matrix_id, []).append(rem)
            placed: list[RowRemoval] = []
            for matrix_id, rems in by_matrix.items():
                ids = [r.evidence_id for r in self.case.matrix(matrix_id).rows]
                for rem in sorted(rems, key=lambda r: r.index):
                    at = min(rem.index, len(ids))
                    ids.insert(at, rem.row.evidence_id)
                    placed.append(replace(rem, index=at))
                    edits.include(s, matrix_id, rem.row.evidence_id, at, rem.row.relevance)
                    edits.put_team(s, self._team_ids(s, rem.ratings), rem.ratings)
                edits.order_rows(s, matrix_id, ids)
        for index, item, _rows in restored:
            self.case.evidence.insert(index, item)
        for rem in placed:
            self._put_row(rem)

    def update_evidence(self, evidence_id: EvidenceId, relevance: tuple[MatrixId, Level] | None = None,
                        expect: tuple[dict[str, Any], Level | None] | None = None,
                        **values: Any) -> None:
        """Change fields of an evidence item (text, source_id, date, type, credibility …) and,
        with ``relevance=(matrix id, level)``, its relevance to one matrix, in one transaction.

        ``expect`` is (field values, relevance) that the item must have now: an undo's guard.
        """
        _check_fields(values, _EVIDENCE_FIELDS)
        stored = {k: (v.value if isinstance(v, (EvidenceType, Level)) else v)
                  for k, v in values.items()}
        if "text" in values:
            _require(values["text"], translate("CaseEditor", "an evidence item needs its text"))
        touches: list[Touch] = [("has", "evidence", evidence_id), ("evidence", evidence_id)]
        if relevance is not None:
            touches += [("has", "matrix", relevance[0]), ("rows", relevance[0])]
        if values.get("source_id") is not None:
            touches.append(("has", "source", values["source_id"]))
        with self._write(*touches) as s:
            item = self.case.evidence_item(evidence_id)
            if expect is not None:
                fields_now = all(getattr(item, k) == v for k, v in expect[0].items())
                relevance_now = (expect[1] is None or relevance is None
                                 or self.case.matrix(relevance[0]).row(evidence_id).relevance
                                 == expect[1])
                self._expect(fields_now and relevance_now, item.label)
            if stored:
                edits.update_fields(s, "evidence", evidence_id, **stored)
            if relevance is not None:
                self.case.matrix(relevance[0]).row(evidence_id)
                edits.set_relevance(s, relevance[0], evidence_id, relevance[1])
        for key, value in values.items():
            setattr(item, key, value)
        if relevance is not None:
            self.case.matrix(relevance[0]).row(evidence_id).relevance = relevance[1]

    def delete_evidence(self, evidence_id: EvidenceId, expect: Evidence | None = None
                        ) -> EvidenceRemoval:
        """Delete an evidence item from the case and from every matrix that includes it."""
        with self._write(("has", "evidence", evidence_id), ("evidence", evidence_id)) as s:
            item = self.case.evidence_item(evidence_id)
            if expect is not None:
                self._expect(item == expect, item.label)
            removal = EvidenceRemoval(copy.deepcopy(item), self.case.evidence.index(item))
            for mat in self.case.matrices:
                if mat.includes(evidence_id):
                    removal.rows.append(self._row_removal(mat, evidence_id))
            remaining = [e.id for e in self.case.evidence if e.id != evidence_id]
            edits.delete_row(s, "evidence", evidence_id)
            edits.order(s, "evidence", remaining)
            for rem in removal.rows:
                self._write_row_order(s, rem.matrix_id, exclude=evidence_id)
        self.case.evidence.remove(item)
        for rem in removal.rows:
            self._drop_row(self.case.matrix(rem.matrix_id), evidence_id)
        return removal

    def restore_evidence(self, removal: EvidenceRemoval) -> None:
        """Put a deleted evidence item back, with its rows and ratings in every matrix.

        Rows of matrices deleted since, and ratings of hypotheses deleted since, stay gone.
        """
        with self._write() as s:
            item = copy.deepcopy(removal.item)
            self._expect(all(e.id != item.id for e in self.case.evidence), item.label)
            if item.source_id is not None and all(x.id != item.source_id for x in self.case.sources):
                item.source_id = None
            rows = [self._still_applies(rem) for rem in removal.rows
                    if any(m.id == rem.matrix_id for m in self.case.matrices)]
            index = min(removal.index, len(self.case.evidence))
            order = [e.id for e in self.case.evidence]
            order.insert(index, item.id)
            edits.insert(s, store.evidence_row(self.case.id, item, index))
            edits.order(s, "evidence", order)
            for rem in rows:
                self._insert_row(s, rem)
        self.case.evidence.insert(index, item)
        for rem in rows:
            self._put_row(rem)
