"""The row-level writes that edits are made of, so that services never write SQL themselves.

Each function runs inside the caller's transaction (a Session from
:meth:`Workspace.transaction`); the caller commits the whole user operation at
once. Rows are named by kind: ``case``, ``source``, ``evidence``, ``matrix``,
``hypothesis`` and ``snapshot``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
    HypothesisRow,
    InclusionRow,
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
_CELL_FIELDS = ("rating", "analyst", "rationale", "updated", "likelihood")
_RATINGS = RatingRow.__table__
_CELL = (_RATINGS.c.evidence_id == bindparam("e")) & (_RATINGS.c.hypothesis_id == bindparam("h"))
_UPDATE_CELL = update(_RATINGS).where(_CELL).values(
    {name: bindparam(f"new_{name}") for name in _CELL_FIELDS})
_CLEAR_CELL = delete(_RATINGS).where(_CELL)
_IN_PLACE = 8
"""Up to this many cells are written one statement each; more go as one delete and one insert."""


def put_ratings(session: Session, states: dict[Cell, Assessment | None]) -> None:
    """Write cells exactly as given: an assessment, or None to clear the cell.

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
                connection.execute(_CLEAR_CELL, {"e": eid, "h": hid})
                continue
            values = rating_values(eid, hid, found)
            changed = connection.execute(_UPDATE_CELL, {"e": eid, "h": hid, **{
                f"new_{k}": v for k, v in values.items() if k in _CELL_FIELDS}})
            if changed.rowcount == 0:
                added.append(values)
        if added:
            connection.execute(sql_insert(table), added)
        return
    cells = list(states)
    for start in range(0, len(cells), _CHUNK):
        session.execute(delete(table).where(
            tuple_(table.c.evidence_id, table.c.hypothesis_id).in_(cells[start:start + _CHUNK])))
    values = [rating_values(eid, hid, found) for (eid, hid), found in states.items()
              if found is not None]
    if values:
        session.execute(sql_insert(table), values)
