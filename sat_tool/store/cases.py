"""Reading and writing whole cases, and the row ↔ domain conversions.

Every function takes an open :class:`~sqlalchemy.orm.Session` inside a
transaction owned by the caller (see :meth:`Workspace.transaction`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from sat_tool.domain.model import (
    Assessment,
    Case,
    CaseId,
    Cell,
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
from sat_tool.errors import UserError
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


class CaseNotFound(LookupError, UserError):
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
        select(CaseRow, matrices, evidence).where(CaseRow.importing == "")
        .order_by(CaseRow.last_opened.desc(), CaseRow.id.desc())
    )
    return [
        CaseSummary(CaseId(c.id), c.uid, c.title, c.last_opened, m, e) for c, m, e in rows
    ]


def find_case(session: Session, reference: str | int) -> CaseId:
    """A case id from an id or an exact title; :class:`CaseNotFound` otherwise."""
    text = str(reference).strip()
    if text.isdigit():
        found = session.get(CaseRow, int(text))
        if found is not None and not found.importing:
            return CaseId(int(text))
    ids = session.scalars(select(CaseRow.id).where(CaseRow.title == text,
                                                   CaseRow.importing == "")).all()
    if len(ids) == 1:
        return CaseId(ids[0])
    if len(ids) > 1:
        raise CaseNotFound(f"{len(ids)} cases are titled {text!r}; name one by its id")
    raise CaseNotFound(f"no case with id or title {text!r} in this workspace")


def case_with_uid(session: Session, uid: str) -> CaseId | None:
    """The case carrying this uid, if the workspace has it."""
    found = session.scalar(select(CaseRow.id).where(CaseRow.uid == uid))
    return CaseId(found) if found is not None else None


def case_revision(session: Session, case_id: CaseId) -> int:
    """The case's revision: how many edits have been committed to it; CaseNotFound if it is gone."""
    found = session.scalar(select(CaseRow.revision).where(CaseRow.id == case_id,
                                                          CaseRow.importing == ""))
    if found is None:
        raise CaseNotFound("this case has been deleted from the workspace by another window "
                           "or program")
    return int(found)


def bump_revision(session: Session, case_id: CaseId) -> int:
    """Count one more committed edit of the case; returns the new revision."""
    session.execute(update(CaseRow).where(CaseRow.id == case_id).values(
        revision=CaseRow.revision + 1))
    return case_revision(session, case_id)


def next_evidence_number(session: Session, case_id: CaseId) -> int:
    """Take the next evidence number of the case: never one given before, even if deleted since."""
    highest = session.scalar(select(func.max(EvidenceRow.number)).where(
        EvidenceRow.case_id == case_id)) or 0
    counter = session.scalar(select(CaseRow.evidence_counter).where(CaseRow.id == case_id)) or 0
    number = max(highest, counter) + 1
    session.execute(update(CaseRow).where(CaseRow.id == case_id).values(evidence_counter=number))
    return int(number)


def count_children(session: Session, kind: str, parent_id: int) -> int:
    """How many sources or evidence items a case, or hypotheses or rows a matrix, has now."""
    table, column = {
        "source": (SourceRow, SourceRow.case_id), "evidence": (EvidenceRow, EvidenceRow.case_id),
        "matrix": (MatrixRowTable, MatrixRowTable.case_id),
        "hypothesis": (HypothesisRow, HypothesisRow.matrix_id),
        "row": (InclusionRow, InclusionRow.matrix_id),
    }[kind]
    return int(session.scalar(select(func.count()).select_from(table).where(column == parent_id)) or 0)


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
    if row is None or row.importing:
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


def rating_values(evidence_id: EvidenceId, hypothesis_id: HypothesisId, found: Assessment
                  ) -> dict[str, Any]:
    """The column values of a rated cell, for a bulk insert."""
    return {"evidence_id": evidence_id, "hypothesis_id": hypothesis_id,
            "rating": found.rating.value, "analyst": found.analyst, "rationale": found.rationale,
            "updated": found.updated, "likelihood": found.likelihood}


def insert_matrix_contents(session: Session, mat: Matrix) -> None:
    """Insert a matrix's hypotheses (keeping their ids), rows and ratings, in bulk."""
    if mat.hypotheses:
        session.execute(insert(HypothesisRow), [_values(hypothesis_row(mat.id, hyp, pos))
                                                for pos, hyp in enumerate(mat.hypotheses)])
    if mat.rows:
        session.execute(insert(InclusionRow), [
            {"matrix_id": mat.id, "evidence_id": row.evidence_id, "position": pos,
             "relevance": row.relevance.value} for pos, row in enumerate(mat.rows)])
    if mat.ratings:
        session.execute(insert(RatingRow), [rating_values(eid, hid, found)
                                            for (eid, hid), found in mat.ratings.items()])


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

INSERT_BATCH = 2000
"""Rows written per statement batch when a case is inserted."""

Step = Callable[[Session], None]


def insert_case(session: Session, case: Case,
                snapshots: Mapping[MatrixId, Sequence[Snapshot]] | None = None) -> CaseId:
    """Insert a case built elsewhere (e.g. read from a bundle), giving it fresh ids.

    ``snapshots`` are keyed by the case's own matrix ids. A case whose uid is
    empty, or already present in the workspace, gets a new uid.
    """
    plan = InsertPlan(case, snapshots)
    for step in plan.steps():
        step(session)
    return plan.case_id


class InsertPlan:
    """The inserts of a whole case as a list of steps of at most :data:`INSERT_BATCH` rows.

    Run every step in one transaction (:func:`insert_case`), or each in its own so
    that a long import never holds the write lock for long: then pass ``importing``
    (see :func:`~sat_tool.store.workspace.import_owner`), which hides the case from
    every list until :meth:`finish` runs in the last transaction.
    """

    def __init__(self, case: Case, snapshots: Mapping[MatrixId, Sequence[Snapshot]] | None = None,
                 importing: str = "", batch: int = INSERT_BATCH) -> None:
        self.case, self.snapshots, self.importing, self.batch = case, snapshots or {}, importing, batch
        self.case_id = CaseId(0)
        self.source_ids: dict[SourceId, SourceId] = {}
        self.evidence_ids: dict[EvidenceId, EvidenceId] = {}
        self.matrix_ids: dict[MatrixId, MatrixId] = {}
        self.hypothesis_ids: dict[HypothesisId, HypothesisId] = {}

    def rows(self) -> int:
        """How many rows the plan writes."""
        c = self.case
        return (1 + len(c.sources) + len(c.evidence)
                + sum(1 + len(m.hypotheses) + len(m.rows) + len(m.ratings) for m in c.matrices))

    def steps(self) -> list[Step]:
        """The steps in the order they must run."""
        case, n = self.case, self.batch
        steps: list[Step] = [self._head]
        steps += [partial(self._sources, i) for i in range(0, len(case.sources), n)]
        steps += [partial(self._evidence, i) for i in range(0, len(case.evidence), n)]
        for mat in case.matrices:
            steps.append(partial(self._matrix, mat))
            steps += [partial(self._inclusions, mat, i) for i in range(0, len(mat.rows), n)]
            cells = list(mat.ratings.items())
            steps += [partial(self._ratings, cells[i:i + n]) for i in range(0, len(cells), n)]
        if not self.importing:
            steps.append(self._snapshots)
        return steps

    def finish(self, session: Session) -> None:
        """Write the snapshots and show the case: the last step of a batched import."""
        self._snapshots(session)
        session.execute(update(CaseRow).where(CaseRow.id == self.case_id).values(importing=""))

    def _head(self, session: Session) -> None:
        case = self.case
        uid = case.uid
        if not uid or case_with_uid(session, uid) is not None:
            uid = str(uuid.uuid4())
        counter = max((e.number for e in case.evidence), default=0)
        row = CaseRow(uid=uid, title=case.title, description=case.description,
                      created=case.created or utc_now(), last_opened="", revision=0,
                      evidence_counter=counter, importing=self.importing)
        session.add(row)
        session.flush()
        self.case_id = CaseId(row.id)

    def _sources(self, start: int, session: Session) -> None:
        chunk = self.case.sources[start:start + self.batch]
        values = [_values(source_row(self.case_id, src, start + i, with_id=False))
                  for i, src in enumerate(chunk)]
        for src, new in zip(chunk, _insert_returning(session, SourceRow, values)):
            self.source_ids[src.id] = SourceId(new)

    def _evidence(self, start: int, session: Session) -> None:
        chunk = self.case.evidence[start:start + self.batch]
        values = []
        for i, item in enumerate(chunk):
            row = _values(evidence_row(self.case_id, item, start + i, with_id=False))
            row["source_id"] = (self.source_ids[item.source_id] if item.source_id is not None
                                else None)
            values.append(row)
        for item, new in zip(chunk, _insert_returning(session, EvidenceRow, values)):
            self.evidence_ids[item.id] = EvidenceId(new)

    def _matrix(self, mat: Matrix, session: Session) -> None:
        position = self.case.matrices.index(mat)
        (new,) = _insert_returning(session, MatrixRowTable,
                                   [_values(matrix_row(self.case_id, mat, position, with_id=False))])
        self.matrix_ids[mat.id] = MatrixId(new)
        values = [_values(hypothesis_row(MatrixId(new), hyp, pos, with_id=False))
                  for pos, hyp in enumerate(mat.hypotheses)]
        for hyp, hid in zip(mat.hypotheses, _insert_returning(session, HypothesisRow, values)):
            self.hypothesis_ids[hyp.id] = HypothesisId(hid)

    def _inclusions(self, mat: Matrix, start: int, session: Session) -> None:
        matrix_id = self.matrix_ids[mat.id]
        values = [{"matrix_id": matrix_id, "evidence_id": self.evidence_ids[row.evidence_id],
                   "position": start + i, "relevance": row.relevance.value}
                  for i, row in enumerate(mat.rows[start:start + self.batch])]
        if values:
            session.execute(insert(InclusionRow), values)

    def _ratings(self, cells: list[tuple[Cell, Assessment]], session: Session) -> None:
        values = [rating_values(self.evidence_ids[eid], self.hypothesis_ids[hid], found)
                  for (eid, hid), found in cells]
        if values:
            session.execute(insert(RatingRow), values)

    def _snapshots(self, session: Session) -> None:
        for old_id, new_id in self.matrix_ids.items():
            for snap in self.snapshots.get(old_id, ()):
                moved = snapshot_from_data(
                    snapshot_data(snap), 0, new_id, snap.name, snap.created,
                    lambda e: self.evidence_ids.get(int(e), int(e)),
                    lambda h: self.hypothesis_ids.get(int(h), int(h)))
                session.add(snapshot_row(moved, with_id=False))
        session.flush()


def _values(row: Base) -> dict[str, Any]:
    """The column values of an unsaved ORM row, for a bulk insert."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns  # type: ignore[attr-defined]
            if getattr(row, c.key) is not None or c.nullable}


def _insert_returning(session: Session, table: Any, values: list[dict[str, Any]]) -> list[int]:
    """Insert many rows and return their new ids, in order."""
    if not values:
        return []
    for row in values:
        row.pop("id", None)
    result = session.execute(insert(table).returning(table.id, sort_by_parameter_order=True), values)
    return [r[0] for r in result]
