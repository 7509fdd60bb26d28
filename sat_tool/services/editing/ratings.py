"""Edits of ratings, likelihoods, probabilities and the blind setting."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sat_tool.domain.model import (
    Assessment,
    Cell,
    Matrix,
    MatrixId,
    Rating,
)
from sat_tool.domain.text import translate
from sat_tool.services.concurrency import cell_name
from sat_tool.store import cases as store
from sat_tool.store import edits
from sat_tool.services.editing.base import (
    EditConflict,
    InvalidEdit,
    NA_LIKELIHOOD,
)


class RatingEdits:
    """The cells of a matrix and the analyst's probabilities."""

    # ------------------------------------------------------------ ratings

    def rate(self, matrix_id: MatrixId, cell: Cell, rating: Rating | None) -> Assessment | None:
        """Rate one cell as the current analyst (None clears it); returns its previous state."""
        return self.rate_cells(matrix_id, [cell], rating)[cell]

    def rate_cells(self, matrix_id: MatrixId, cells: list[Cell], rating: Rating | None
                   ) -> dict[Cell, Assessment | None]:
        """Give several cells the same rating in one transaction; returns their previous states.

        A cell's rationale is kept when only its rating changes.
        """
        now = store.utc_now()

        def after(old: Assessment | None) -> Assessment | None:
            if rating is None:
                return None
            # A likelihood override belongs to the rating it was set for.
            kept = old.likelihood if old and old.rating is rating else None
            return Assessment(rating, self.rated_as.name, old.rationale if old else "", now, kept)

        return self._put_cells(matrix_id, cells, after)

    def rate_each(self, matrix_id: MatrixId, ratings: dict[Cell, Rating | None]
                  ) -> dict[Cell, Assessment | None]:
        """Give each cell its own rating (None clears it) in one transaction, as a pasted block
        does; returns their previous states. A cell keeps its rationale when only its rating
        changes, and is left as it is when its rating is the same."""
        now = store.utc_now()

        def after(old: Assessment | None, cell: Cell) -> Assessment | None:
            rating = ratings[cell]
            if rating is None:
                return None
            if old is not None and old.rating is rating:
                return old
            return Assessment(rating, self.rated_as.name, old.rationale if old else "", now, None)

        return self._put_cells(matrix_id, list(ratings), after, per_cell=True)

    def assess(self, matrix_id: MatrixId, cell: Cell, rating: Rating | None, rationale: str,
               likelihood: float | None = None, expect: Assessment | None | bool = False
               ) -> Assessment | None:
        """Set a cell's rating, rationale and likelihood override together; returns its previous state.

        ``expect``: what the cell must hold now (the state a dialog opened with); False: anything.
        """
        if rating is None and (rationale.strip() or likelihood is not None):
            raise InvalidEdit(translate(
                "CaseEditor", "a rationale or likelihood needs a rating: rate the cell first"))
        if likelihood is not None and not 0 < likelihood <= 1:
            raise InvalidEdit(translate("CaseEditor", "a likelihood must be more than 0 and at most 1"))
        if rating is Rating.NA and likelihood is not None:
            raise InvalidEdit(translate("CaseEditor", NA_LIKELIHOOD))
        now = store.utc_now()
        return self._put_cells(matrix_id, [cell], lambda _old: None if rating is None else
                               Assessment(rating, self.rated_as.name, rationale, now, likelihood),
                               None if expect is False else {cell: expect})[cell]

    def set_likelihood(self, matrix_id: MatrixId, cell: Cell, likelihood: float | None
                       ) -> Assessment | None:
        """Override a rated cell's P(evidence | hypothesis) (None: back to the default)."""
        return self.set_likelihoods(matrix_id, {cell: likelihood})[cell]

    def set_likelihoods(self, matrix_id: MatrixId, values: dict[Cell, float | None],
                        expect: dict[Cell, Assessment | None] | None = None
                        ) -> dict[Cell, Assessment | None]:
        """Override several rated cells' likelihoods at once, as for one row elicited in a dialog
        (None: back to the rating's default). Returns the cells' previous states."""
        for likelihood in values.values():
            if likelihood is not None and not 0 < likelihood <= 1:
                raise InvalidEdit(translate("CaseEditor", "a likelihood must be more than 0 and at most 1"))
        now = store.utc_now()

        def after(old: Assessment | None, cell: Cell) -> Assessment | None:
            if old is None:
                raise InvalidEdit(
                    translate("CaseEditor", "rate the cell before overriding its likelihood")
                    if len(values) == 1 else
                    translate("CaseEditor", "rate every cell of the row before stating its likelihoods"))
            if old.rating is Rating.NA and values[cell] is not None:
                raise InvalidEdit(translate("CaseEditor", NA_LIKELIHOOD))
            if old.likelihood == values[cell]:
                return old
            return replace(old, likelihood=values[cell], analyst=self.rated_as.name, updated=now)

        return self._put_cells(matrix_id, list(values), after, expect, per_cell=True)

    def _put_cells(self, matrix_id: MatrixId, cells: list[Cell], after: Any,
                   expect: dict[Cell, Assessment | None] | None = None, per_cell: bool = False
                   ) -> dict[Cell, Assessment | None]:
        """Write each cell's new state, computed from its state in the workspace now
        (``after(old)``, or ``after(old, cell)`` with ``per_cell``)."""
        with self._write(("has", "matrix", matrix_id),
                         *[("cell", matrix_id, e, h) for e, h in cells]) as s:
            mat = self.case.matrix(matrix_id)
            self._check_cells(mat, cells)
            for cell, wanted in (expect or {}).items():
                if mat.ratings.get(cell) != wanted:
                    raise EditConflict(translate(
                        "CaseEditor", "Cell {cell} was changed in another window or program while "
                        "this dialog was open, so this edit was not made; the view now shows it as "
                        "it is.").format(cell=cell_name(self.case, *cell)))
            before = {cell: copy.copy(mat.ratings.get(cell)) for cell in cells}
            states = {cell: after(old, cell) if per_cell else after(old)
                      for cell, old in before.items()}
            me = self._me(s)
            edits.put_ratings(s, me, states)
            edits.record_cells(s, self.case.id, matrix_id, me, self.analyst, before, states,
                               store.utc_now())
        self._apply_cells(mat, states)
        return before

    def set_assessments(self, matrix_id: MatrixId, states: dict[Cell, Assessment | None],
                        expect: dict[Cell, Assessment | None] | None = None) -> None:
        """Store cells exactly as given (None clears) in one transaction; also used by undo.

        ``expect``: what the cells must hold now, else nothing is written (an undo's guard).
        """
        with self._write(("has", "matrix", matrix_id),
                         *[("cell", matrix_id, e, h) for e, h in states]) as s:
            mat = self.case.matrix(matrix_id)
            self._check_cells(mat, list(states))
            if expect is not None:
                for cell, wanted in expect.items():
                    self._expect(mat.ratings.get(cell) == wanted,
                                 translate("CaseEditor", "cell {cell}").format(
                                     cell=cell_name(self.case, *cell)))
            me = self._me(s)
            before = {cell: mat.ratings.get(cell) for cell in states}
            edits.put_ratings(s, me, states)
            edits.record_cells(s, self.case.id, matrix_id, me, self.analyst, before, states,
                               store.utc_now())
        self._apply_cells(mat, states)

    @staticmethod
    def _check_cells(mat: Matrix, cells: Sequence[Cell]) -> None:
        hyp_ids = {h.id for h in mat.hypotheses}
        for eid, hid in cells:
            if not mat.includes(eid) or hid not in hyp_ids:
                raise KeyError(f"cell {(eid, hid)} is not in matrix {mat.id}")

    @staticmethod
    def _apply_cells(mat: Matrix, states: dict[Cell, Assessment | None]) -> None:
        for cell, found in states.items():
            if found is None:
                mat.ratings.pop(cell, None)
            else:
                mat.ratings[cell] = copy.copy(found)
