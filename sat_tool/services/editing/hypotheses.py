"""Edits of a matrix's hypotheses."""

from __future__ import annotations

import copy
from dataclasses import replace

from sat_tool.domain.model import (
    Hypothesis,
    HypothesisId,
    MatrixId,
)
from sat_tool.domain.text import translate
from sat_tool.services.concurrency import (
    Touch,
    missing,
    name_of,
)
from sat_tool.store import cases as store
from sat_tool.store import edits
from sat_tool.services.editing.base import (
    EditConflict,
    HypothesisRemoval,
    InvalidEdit,
    _HYPOTHESIS_FIELDS,
    _apply_team,
    _check_fields,
    _require,
    _team_cells,
)


class HypothesisEdits:
    """A matrix's hypotheses: adding, editing, moving, deleting and putting back."""

    # ------------------------------------------------------------ hypotheses

    def add_hypothesis(self, matrix_id: MatrixId, title: str, description: str = "") -> Hypothesis:
        """Add a hypothesis as the last column of a matrix."""
        _require(title, translate("CaseEditor", "a hypothesis needs a title"))
        with self._write(("has", "matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            position = store.count_children(s, "hypothesis", matrix_id)
            draft = Hypothesis(HypothesisId(0), title, description)
            row = store.hypothesis_row(matrix_id, draft, position, with_id=False)
            hyp = replace(draft, id=HypothesisId(edits.insert(s, row)))
        mat.hypotheses.append(hyp)
        return hyp

    def update_hypothesis(self, hypothesis_id: HypothesisId, expect: dict[str, str] | None = None,
                          **values: str) -> None:
        """Change the title or description of a hypothesis."""
        _check_fields(values, _HYPOTHESIS_FIELDS)
        if "title" in values:
            _require(values["title"], translate("CaseEditor", "a hypothesis needs a title"))
        with self._write(("has", "hypothesis", hypothesis_id), ("hypothesis", hypothesis_id)) as s:
            hyp = self.case.matrix_of_hypothesis(hypothesis_id).hypothesis(hypothesis_id)
            if expect is not None:
                self._expect(all(getattr(hyp, k) == v for k, v in expect.items()),
                             name_of(self.case, "hypothesis", hypothesis_id))
            edits.update_fields(s, "hypothesis", hypothesis_id, **values)
        for key, value in values.items():
            setattr(hyp, key, value)

    def delete_hypothesis(self, hypothesis_id: HypothesisId, expect: Hypothesis | None = None
                          ) -> HypothesisRemoval:
        """Delete a hypothesis and its ratings."""
        with self._write(("has", "hypothesis", hypothesis_id), ("hypothesis", hypothesis_id)) as s:
            mat = self.case.matrix_of_hypothesis(hypothesis_id)
            hyp = mat.hypothesis(hypothesis_id)
            if expect is not None:
                self._expect(hyp == expect, name_of(self.case, "hypothesis", hypothesis_id))
            if mat.outcome is not None and mat.outcome.hypothesis_id == hypothesis_id:
                raise InvalidEdit(translate(
                    "CaseEditor", "this hypothesis is the recorded outcome of its question: reopen "
                    "the question before deleting it"))
            ratings = _team_cells(mat, lambda cell: cell[1] == hypothesis_id)
            self._may_remove(mat, ratings, name_of(self.case, "hypothesis", hypothesis_id))
            judgments = {uid: own[hypothesis_id] for uid, own in mat.judgments.items()
                         if hypothesis_id in own}
            removal = HypothesisRemoval(mat.id, copy.copy(hyp), mat.hypotheses.index(hyp), ratings,
                                        judgments)
            remaining = [h.id for h in mat.hypotheses if h.id != hypothesis_id]
            edits.delete_row(s, "hypothesis", hypothesis_id)
            edits.order(s, "hypothesis", remaining)
        mat.hypotheses.remove(hyp)
        for uid, cells in ratings.items():
            for cell in cells:
                del mat.team[uid][cell]
        for own in mat.judgments.values():
            own.pop(hypothesis_id, None)
        return removal

    def restore_hypothesis(self, removal: HypothesisRemoval) -> None:
        """Put a deleted hypothesis back in its column with its ratings (of rows still there)."""
        with self._write(("has", "matrix", removal.matrix_id)) as s:
            mat = self.case.matrix(removal.matrix_id)
            self._expect(all(h.id != removal.hypothesis.id for h in mat.hypotheses),
                         translate("CaseEditor", "hypothesis {title!r}").format(
                             title=removal.hypothesis.title))
            ratings = {uid: {c: a for c, a in own.items() if mat.includes(c[0])}
                       for uid, own in removal.ratings.items()}
            index = min(removal.index, len(mat.hypotheses))
            order = [h.id for h in mat.hypotheses]
            order.insert(index, removal.hypothesis.id)
            edits.insert(s, store.hypothesis_row(mat.id, removal.hypothesis, index))
            edits.order(s, "hypothesis", order)
            edits.put_team(s, self._team_ids(s, ratings), ratings)
            ids = self._team_ids(s, removal.judgments)
            for uid, judgment in removal.judgments.items():
                if uid in ids:
                    edits.put_judgments(s, ids[uid], {removal.hypothesis.id: judgment})
        mat.hypotheses.insert(index, copy.copy(removal.hypothesis))
        _apply_team(mat, ratings)
        self._list_analysts([*ratings, *removal.judgments])
        for uid, judgment in removal.judgments.items():
            mat.judgments.setdefault(uid, {})[removal.hypothesis.id] = judgment

    def set_probabilities(self, matrix_id: MatrixId, field_name: str,
                          values: dict[HypothesisId, float | None],
                          expect: dict[HypothesisId, float | None] | None = None
                          ) -> dict[HypothesisId, float | None]:
        """Set hypotheses' ``prior`` or ``judged`` probabilities in one transaction.

        Values are fractions from 0 to 1 (None: not set). Returns the previous values.
        """
        if field_name not in ("prior", "judged"):
            raise InvalidEdit(translate("CaseEditor", "unknown probability field {field!r}").format(
                field=field_name))
        for value in values.values():
            if value is not None and not 0 <= value <= 1:
                raise InvalidEdit(translate(
                    "CaseEditor", "{value} is not a probability between 0% and 100%"
                ).format(value=f"{value:.0%}"))
        with self._write(*[("hypothesis", h) for h in values]) as s:
            mat = self.case.matrix(matrix_id)
            if field_name == "judged" and mat.outcome is not None and expect is None:
                raise InvalidEdit(translate(
                    "CaseEditor", "this question is closed, so the probabilities judged before its "
                    "outcome was known stay as they were; reopen it to change them"))
            before = {h: getattr(mat.hypothesis(h), field_name) for h in values}
            if expect is not None:
                self._expect(all(before.get(h) == v for h, v in expect.items()),
                             translate("CaseEditor", "these probabilities"))
            if field_name == "prior":
                after = {h.id: values.get(h.id, h.prior) for h in mat.hypotheses}
                total = sum(v for v in after.values() if v is not None)
                if total > 1 + 1e-9:
                    raise InvalidEdit(translate(
                        "CaseEditor", "priors may add up to 100% at most, not {total}"
                    ).format(total=f"{total:.0%}"))
            me = self.rated_as
            mine = {h.id: (h.prior, h.judged) for h in mat.hypotheses}
            for hid, value in values.items():
                prior, judged = mine[hid]
                mine[hid] = (value, judged) if field_name == "prior" else (prior, value)
            edits.put_judgments(s, self._me(s), {hid: mine[hid] for hid in values})
        for hid, value in values.items():
            setattr(mat.hypothesis(hid), field_name, value)
        own = mat.judgments.setdefault(me.id, {})
        own.update({hid: mine[hid] for hid in values})
        return before

    def move_hypothesis(self, hypothesis_id: HypothesisId, index: int,
                        expect_at: int | None = None) -> int:
        """Move a hypothesis to another column; returns where it was."""
        try:
            columns: Touch = ("columns", self.case.matrix_of_hypothesis(hypothesis_id).id)
        except KeyError:
            raise EditConflict(missing(self.case, [("has", "hypothesis", hypothesis_id)],
                                       self.departed)) from None
        with self._write(("has", "hypothesis", hypothesis_id), columns) as s:
            mat = self.case.matrix_of_hypothesis(hypothesis_id)
            self._may_restructure(mat)
            old = mat.hypothesis_index(hypothesis_id)
            if expect_at is not None:
                self._expect(old == expect_at, name_of(self.case, "hypothesis", hypothesis_id))
            hyps = list(mat.hypotheses)
            hyps.insert(index, hyps.pop(old))
            edits.order(s, "hypothesis", [h.id for h in hyps])
        mat.hypotheses[:] = hyps
        return old
