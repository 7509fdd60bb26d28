"""Reading and writing whole cases, and the row ↔ domain conversions.

Every function takes an open :class:`~sqlalchemy.orm.Session` inside a
transaction owned by the caller (see :meth:`Workspace.transaction`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from sat_tool.domain.model import (
    Assessment,
    Case,
    CaseId,
    Evidence,
    EvidenceId,
    EvidenceType,
    Hypothesis,
    HypothesisId,
    Level,
    Matrix,
    MatrixId,
    MatrixRow,
    Rating,
    ScoringMode,
    Source,
    SourceId,
)
from sat_tool.domain.snapshots import Snapshot, snapshot_data, snapshot_from_data
from sat_tool.store.schema import (
    CaseRow,
    EvidenceRow,
    HypothesisRow,
    InclusionRow,
    MatrixRowTable,
    RatingRow,
    SnapshotRow,
    SourceRow,
)


class CaseNotFound(LookupError):
    """No case with that id or title in the workspace."""


@dataclass(frozen=True)
class CaseSummary:
    """One line of the case list."""

    id: CaseId
    uid: str
    title: str
    last_opened: str
    matrices: int
    evidence: int


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, e.g. ``2026-11-21T19:40:00Z``."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- listing


def list_cases(session: Session) -> list[CaseSummary]:
    """Every case of the workspace, most recently opened first."""
    matrices = (
        select(func.count()).where(MatrixRowTable.case_id == CaseRow.id).scalar_subquery()
    )
    evidence = select(func.count()).where(EvidenceRow.case_id == CaseRow.id).scalar_subquery()
    rows = session.execute(
        select(CaseRow, matrices, evidence).order_by(CaseRow.last_opened.desc(), CaseRow.id.desc())
    )
    return [
        CaseSummary(CaseId(c.id), c.uid, c.title, c.last_opened, m, e) for c, m, e in rows
    ]


def find_case(session: Session, reference: str | int) -> CaseId:
    """A case id from an id or an exact title; :class:`CaseNotFound` otherwise."""
    text = str(reference).strip()
    if text.isdigit() and session.get(CaseRow, int(text)) is not None:
        return CaseId(int(text))
    ids = session.scalars(select(CaseRow.id).where(CaseRow.title == text)).all()
    if len(ids) == 1:
        return CaseId(ids[0])
    if len(ids) > 1:
        raise CaseNotFound(f"{len(ids)} cases are titled {text!r}; name one by its id")
    raise CaseNotFound(f"no case with id or title {text!r} in this workspace")


def case_with_uid(session: Session, uid: str) -> CaseId | None:
    """The case carrying this uid, if the workspace has it."""
    found = session.scalar(select(CaseRow.id).where(CaseRow.uid == uid))
    return CaseId(found) if found is not None else None


def touch_case(session: Session, case_id: CaseId) -> None:
    """Record that the case was opened now (for the recent-cases list)."""
    session.execute(update(CaseRow).where(CaseRow.id == case_id).values(last_opened=utc_now()))


def delete_case(session: Session, case_id: CaseId) -> None:
    """Remove a case and everything in it."""
    session.execute(delete(CaseRow).where(CaseRow.id == case_id))


# ---------------------------------------------------------------- loading


def load_case(session: Session, case_id: CaseId) -> Case:
    """The whole case as domain objects; :class:`CaseNotFound` if it is not there."""
    row = session.get(CaseRow, case_id)
    if row is None:
        raise CaseNotFound(f"no case with id {case_id} in this workspace")
    case = Case(CaseId(row.id), row.title, row.uid, row.description, row.created)
    case.sources = [
        source_from_row(r)
        for r in session.scalars(
            select(SourceRow).where(SourceRow.case_id == case_id).order_by(SourceRow.position)
        )
    ]
    case.evidence = [
        evidence_from_row(r)
        for r in session.scalars(
            select(EvidenceRow).where(EvidenceRow.case_id == case_id).order_by(EvidenceRow.position)
        )
    ]
    for mrow in session.scalars(
        select(MatrixRowTable).where(MatrixRowTable.case_id == case_id).order_by(
            MatrixRowTable.position
        )
    ):
        case.matrices.append(_load_matrix(session, mrow))
    return case


def _load_matrix(session: Session, mrow: MatrixRowTable) -> Matrix:
    mat = Matrix(MatrixId(mrow.id), mrow.question, mrow.notes, mrow.conclusions, mrow.milestones,
                 ScoringMode(mrow.scoring_mode))
    mat.hypotheses = [
        Hypothesis(HypothesisId(h.id), h.title, h.description, h.prior, h.judged)
        for h in session.scalars(
            select(HypothesisRow).where(HypothesisRow.matrix_id == mrow.id).order_by(
                HypothesisRow.position
            )
        )
    ]
    mat.rows = [
        MatrixRow(EvidenceId(r.evidence_id), Level(r.relevance))
        for r in session.scalars(
            select(InclusionRow).where(InclusionRow.matrix_id == mrow.id).order_by(
                InclusionRow.position
            )
        )
    ]
    ratings = session.scalars(
        select(RatingRow).join(HypothesisRow, RatingRow.hypothesis_id == HypothesisRow.id).where(
            HypothesisRow.matrix_id == mrow.id
        )
    )
    for r in ratings:
        mat.ratings[(EvidenceId(r.evidence_id), HypothesisId(r.hypothesis_id))] = Assessment(
            Rating(r.rating), r.analyst, r.rationale, r.updated, r.likelihood
        )
    return mat


def source_from_row(r: SourceRow) -> Source:
    """A domain source from its row."""
    return Source(SourceId(r.id), r.title, r.author, r.publication, r.date, r.url,
                  r.reliability, r.text)


def evidence_from_row(r: EvidenceRow) -> Evidence:
    """A domain evidence item from its row."""
    return Evidence(
        id=EvidenceId(r.id),
        number=r.number,
        text=r.text,
        source_id=SourceId(r.source_id) if r.source_id is not None else None,
        date=r.date,
        type=EvidenceType(r.type),
        credibility=Level(r.credibility),
        notes=r.notes,
        quote=r.quote,
        quote_start=r.quote_start,
    )


# ---------------------------------------------------------------- writing rows


def source_row(case_id: CaseId, src: Source, position: int, with_id: bool = True) -> SourceRow:
    """The row of a domain source (``with_id=False`` lets the database choose the id)."""
    return SourceRow(
        id=src.id if with_id else None, case_id=case_id, position=position, title=src.title,
        author=src.author, publication=src.publication, date=src.date, url=src.url,
        reliability=src.reliability, text=src.text,
    )


def evidence_row(case_id: CaseId, item: Evidence, position: int, with_id: bool = True
                 ) -> EvidenceRow:
    """The row of a domain evidence item."""
    return EvidenceRow(
        id=item.id if with_id else None, case_id=case_id, position=position, number=item.number,
        text=item.text, source_id=item.source_id, date=item.date, type=item.type.value,
        credibility=item.credibility.value, notes=item.notes, quote=item.quote,
        quote_start=item.quote_start,
    )


def matrix_row(case_id: CaseId, mat: Matrix, position: int, with_id: bool = True
               ) -> MatrixRowTable:
    """The row of a matrix (without its hypotheses, rows and ratings)."""
    return MatrixRowTable(
        id=mat.id if with_id else None, case_id=case_id, position=position,
        question=mat.question, notes=mat.notes, conclusions=mat.conclusions,
        milestones=mat.milestones, scoring_mode=mat.scoring_mode.value,
    )


def hypothesis_row(matrix_id: MatrixId, hyp: Hypothesis, position: int, with_id: bool = True
                   ) -> HypothesisRow:
    """The row of a hypothesis."""
    return HypothesisRow(id=hyp.id if with_id else None, matrix_id=matrix_id, position=position,
                         title=hyp.title, description=hyp.description, prior=hyp.prior,
                         judged=hyp.judged)


def rating_row(evidence_id: EvidenceId, hypothesis_id: HypothesisId, found: Assessment
               ) -> RatingRow:
    """The row of a rated cell."""
    return RatingRow(evidence_id=evidence_id, hypothesis_id=hypothesis_id,
                     rating=found.rating.value, analyst=found.analyst,
                     rationale=found.rationale, updated=found.updated,
                     likelihood=found.likelihood)


def insert_matrix_contents(session: Session, mat: Matrix) -> None:
    """Insert a matrix's hypotheses (keeping their ids), rows and ratings."""
    for pos, hyp in enumerate(mat.hypotheses):
        session.add(hypothesis_row(mat.id, hyp, pos))
    for pos, row in enumerate(mat.rows):
        session.add(InclusionRow(matrix_id=mat.id, evidence_id=row.evidence_id, position=pos,
                                 relevance=row.relevance.value))
    session.flush()
    for (eid, hid), found in mat.ratings.items():
        session.add(rating_row(eid, hid, found))
    session.flush()


# ---------------------------------------------------------------- snapshots


def snapshot_row(snap: Snapshot, with_id: bool = True) -> SnapshotRow:
    """The row of a snapshot; its content is stored as JSON."""
    return SnapshotRow(id=snap.id if with_id else None, matrix_id=snap.matrix_id, name=snap.name,
                       created=snap.created, data=json.dumps(snapshot_data(snap), ensure_ascii=False))


def snapshot_from_row(row: SnapshotRow) -> Snapshot:
    """A snapshot from its row."""
    return snapshot_from_data(json.loads(row.data), row.id, row.matrix_id, row.name, row.created)


def load_snapshots(session: Session, matrix_id: MatrixId) -> list[Snapshot]:
    """The snapshots of a matrix, oldest first."""
    rows = session.scalars(select(SnapshotRow).where(SnapshotRow.matrix_id == matrix_id)
                           .order_by(SnapshotRow.created, SnapshotRow.id))
    return [snapshot_from_row(r) for r in rows]


def load_snapshot(session: Session, snapshot_id: int) -> Snapshot:
    """One snapshot; LookupError when it is gone."""
    row = session.get(SnapshotRow, snapshot_id)
    if row is None:
        raise LookupError(f"no snapshot {snapshot_id}")
    return snapshot_from_row(row)


# ---------------------------------------------------------------- inserting a whole case


def insert_case(session: Session, case: Case,
                snapshots: Mapping[MatrixId, Sequence[Snapshot]] | None = None) -> CaseId:
    """Insert a case built elsewhere (e.g. read from a bundle), giving it fresh ids.

    ``snapshots`` are keyed by the case's own matrix ids. A case whose uid is
    empty, or already present in the workspace, gets a new uid.
    """
    uid = case.uid
    if not uid or case_with_uid(session, uid) is not None:
        uid = str(uuid.uuid4())
    row = CaseRow(uid=uid, title=case.title, description=case.description,
                  created=case.created or utc_now(), last_opened="")
    session.add(row)
    session.flush()
    case_id = CaseId(row.id)
    source_ids: dict[SourceId, SourceId] = {}
    for pos, src in enumerate(case.sources):
        srow = source_row(case_id, src, pos, with_id=False)
        session.add(srow)
        session.flush()
        source_ids[src.id] = SourceId(srow.id)
    evidence_ids: dict[EvidenceId, EvidenceId] = {}
    for pos, item in enumerate(case.evidence):
        erow = evidence_row(case_id, item, pos, with_id=False)
        erow.source_id = source_ids[item.source_id] if item.source_id is not None else None
        session.add(erow)
        session.flush()
        evidence_ids[item.id] = EvidenceId(erow.id)
    for pos, mat in enumerate(case.matrices):
        new_id, hyp_ids = _insert_matrix_fresh(session, case_id, mat, pos, evidence_ids)
        for snap in (snapshots or {}).get(mat.id, ()):
            moved = snapshot_from_data(
                snapshot_data(snap), 0, new_id, snap.name, snap.created,
                lambda e: evidence_ids.get(int(e), int(e)), lambda h: hyp_ids.get(int(h), int(h)))
            session.add(snapshot_row(moved, with_id=False))
    session.flush()
    return case_id


def _insert_matrix_fresh(session: Session, case_id: CaseId, mat: Matrix, position: int,
                         evidence_ids: dict[EvidenceId, EvidenceId]
                         ) -> tuple[MatrixId, dict[HypothesisId, HypothesisId]]:
    mrow = matrix_row(case_id, mat, position, with_id=False)
    session.add(mrow)
    session.flush()
    hyp_ids: dict[HypothesisId, HypothesisId] = {}
    for pos, hyp in enumerate(mat.hypotheses):
        hrow = hypothesis_row(MatrixId(mrow.id), hyp, pos, with_id=False)
        session.add(hrow)
        session.flush()
        hyp_ids[hyp.id] = HypothesisId(hrow.id)
    for pos, row in enumerate(mat.rows):
        session.add(InclusionRow(matrix_id=mrow.id, evidence_id=evidence_ids[row.evidence_id],
                                 position=pos, relevance=row.relevance.value))
    session.flush()
    for (eid, hid), found in mat.ratings.items():
        session.add(rating_row(evidence_ids[eid], hyp_ids[hid], found))
    session.flush()
    return MatrixId(mrow.id), hyp_ids
