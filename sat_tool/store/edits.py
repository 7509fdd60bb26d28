"""The row-level writes that edits are made of, so that services never write SQL themselves.

Each function runs inside the caller's transaction (a Session from
:meth:`Workspace.transaction`); the caller commits the whole user operation at
once. Rows are named by kind: ``case``, ``source``, ``evidence``, ``matrix``,
``hypothesis`` and ``snapshot``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, tuple_, update
from sqlalchemy import insert as sql_insert
from sqlalchemy.orm import Session

from sat_tool.domain.model import Assessment, Cell, Level
from sat_tool.store.cases import rating_values
from sat_tool.store.schema import (
    Base,
    CaseRow,
    EvidenceRow,
    HistoryRow,
    HypothesisRow,
    InclusionRow,
    JudgmentRow,
    MatrixRowTable,
    RatingRow,
    SnapshotRow,
    SourceRow,
)

KINDS: dict[str, Any] = {
    "case": CaseRow, "source": SourceRow, "evidence": EvidenceRow, "matrix": MatrixRowTable,
    "hypothesis": HypothesisRow, "snapshot": SnapshotRow,
}


def insert(session: Session, row: Base) -> int:
    """Add a row built by the ``*_row`` functions and return its id."""
    session.add(row)
    session.flush()
    return row.id  # type: ignore[attr-defined, no-any-return]


def update_fields(session: Session, kind: str, row_id: int, **values: Any) -> None:
    """Set columns of one row."""
    table = KINDS[kind]
    session.execute(update(table).where(table.id == row_id).values(**values))


def delete_row(session: Session, kind: str, row_id: int) -> None:
    """Delete one row; foreign keys cascade to what depends on it."""
    table = KINDS[kind]
    session.execute(delete(table).where(table.id == row_id))


def order(session: Session, kind: str, ids: Sequence[int]) -> None:
    """Store the order of sibling rows: ``ids[i]`` gets position ``i``."""
    table = KINDS[kind]
    for position, row_id in enumerate(ids):
        session.execute(update(table).where(table.id == row_id).values(position=position))


def order_rows(session: Session, matrix_id: int, evidence_ids: Sequence[int]) -> None:
    """Store the order of a matrix's evidence rows."""
    for position, evidence_id in enumerate(evidence_ids):
        session.execute(update(InclusionRow).where(
            InclusionRow.matrix_id == matrix_id, InclusionRow.evidence_id == evidence_id
        ).values(position=position))


def include(session: Session, matrix_id: int, evidence_id: int, position: int,
            relevance: Level) -> None:
    """Make an evidence item a row of a matrix."""
    session.add(InclusionRow(matrix_id=matrix_id, evidence_id=evidence_id, position=position,
                             relevance=relevance.value))
    session.flush()


def exclude(session: Session, matrix_id: int, evidence_id: int, hypothesis_ids: Iterable[int]
            ) -> None:
    """Take an evidence row out of a matrix, with its ratings in that matrix."""
    session.execute(delete(InclusionRow).where(InclusionRow.matrix_id == matrix_id,
                                               InclusionRow.evidence_id == evidence_id))
    session.execute(delete(RatingRow).where(RatingRow.evidence_id == evidence_id,
                                            RatingRow.hypothesis_id.in_(list(hypothesis_ids))))


def set_relevance(session: Session, matrix_id: int, evidence_id: int, relevance: Level) -> None:
    """Set an evidence row's relevance to its matrix's question."""
    session.execute(update(InclusionRow).where(
        InclusionRow.matrix_id == matrix_id, InclusionRow.evidence_id == evidence_id
    ).values(relevance=relevance.value))


def relink(session: Session, evidence_ids: Iterable[int], source_id: int) -> None:
    """Point evidence items at a source again."""
    ids = list(evidence_ids)
    if ids:
        session.execute(update(EvidenceRow).where(EvidenceRow.id.in_(ids)).values(
            source_id=source_id))


_CHUNK = 500
_CELL_FIELDS = ("rating", "rationale", "updated", "likelihood")
_RATINGS = RatingRow.__table__
_CELL = ((_RATINGS.c.evidence_id == bindparam("e")) & (_RATINGS.c.hypothesis_id == bindparam("h"))
         & (_RATINGS.c.analyst_id == bindparam("a")))
_UPDATE_CELL = update(_RATINGS).where(_CELL).values(
    {name: bindparam(f"new_{name}") for name in _CELL_FIELDS})
_CLEAR_CELL = delete(_RATINGS).where(_CELL)
_IN_PLACE = 8
"""Up to this many cells are written one statement each; more go as one delete and one insert."""


def put_ratings(session: Session, analyst_id: int, states: dict[Cell, Assessment | None]) -> None:
    """Write one analyst's cells exactly as given: an assessment, or None to clear the cell.

    Many cells (a hypothesis or a matrix put back by undo) go in a few statements.
    """
    table = RatingRow.__table__
    if len(states) <= _IN_PLACE:
        # A keystroke's few cells: each row rewritten in place (or added, or removed), through
        # the table itself with statements made once, without the ORM's bookkeeping.
        connection = session.connection()
        added = []
        for (eid, hid), found in states.items():
            if found is None:
                connection.execute(_CLEAR_CELL, {"e": eid, "h": hid, "a": analyst_id})
                continue
            values = rating_values(eid, hid, analyst_id, found)
            changed = connection.execute(_UPDATE_CELL, {"e": eid, "h": hid, "a": analyst_id, **{
                f"new_{k}": v for k, v in values.items() if k in _CELL_FIELDS}})
            if changed.rowcount == 0:
                added.append(values)
        if added:
            connection.execute(sql_insert(table), added)
        return
    cells = list(states)
    for start in range(0, len(cells), _CHUNK):
        session.execute(delete(table).where(
            table.c.analyst_id == analyst_id,
            tuple_(table.c.evidence_id, table.c.hypothesis_id).in_(cells[start:start + _CHUNK])))
    values = [rating_values(eid, hid, analyst_id, found) for (eid, hid), found in states.items()
              if found is not None]
    if values:
        session.execute(sql_insert(table), values)


def put_team(session: Session, ids: Mapping[str, int],
             team: Mapping[str, Mapping[Cell, Assessment | None]]) -> None:
    """Write several analysts' cells (``ids``: their row ids by stable id), as undo puts back
    a row or a column with everyone's ratings."""
    for analyst, states in team.items():
        if states:
            put_ratings(session, ids[analyst], dict(states))


def put_judgments(session: Session, analyst_id: int,
                  values: Mapping[int, tuple[float | None, float | None]]) -> None:
    """Set one analyst's (prior, judged) probabilities of hypotheses; (None, None) clears."""
    table = JudgmentRow.__table__
    for hypothesis_id, (prior, judged) in values.items():
        session.execute(delete(table).where(table.c.hypothesis_id == hypothesis_id,
                                            table.c.analyst_id == analyst_id))
        if prior is not None or judged is not None:
            session.execute(sql_insert(table), {"hypothesis_id": hypothesis_id,
                                                "analyst_id": analyst_id, "prior": prior,
                                                "judged": judged})


def record_cells(session: Session, case_id: int, matrix_id: int, analyst_id: int, by: str,
                 before: Mapping[Cell, Assessment | None],
                 after: Mapping[Cell, Assessment | None], at: str) -> None:
    """Add to the history each cell whose rating or rationale changed, from what to what."""
    rows = []
    for cell, new in after.items():
        old = before.get(cell)
        old_code, new_code = (old.rating.value if old else ""), (new.rating.value if new else "")
        old_why, new_why = (old.rationale if old else ""), (new.rationale if new else "")
        if old_code == new_code and old_why == new_why:
            continue
        rows.append({"case_id": case_id, "matrix_id": matrix_id, "evidence_id": cell[0],
                     "hypothesis_id": cell[1], "analyst_id": analyst_id, "at": at, "by": by,
                     "kind": "rating", "before": old_code, "after": new_code, "note": new_why})
    if rows:
        session.execute(sql_insert(HistoryRow.__table__), rows)


def record(session: Session, case_id: int, matrix_id: int, kind: str, by: str, at: str,
           before: str = "", after: str = "", note: str = "") -> None:
    """Add a matrix-wide change (``kind`` 'blind': its blind setting) to the history."""
    session.execute(sql_insert(HistoryRow.__table__), {
        "case_id": case_id, "matrix_id": matrix_id, "evidence_id": None, "hypothesis_id": None,
        "analyst_id": None, "at": at, "by": by, "kind": kind, "before": before, "after": after,
        "note": note})
