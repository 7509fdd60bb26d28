"""Reading and writing whole cases, and the row ↔ domain conversions.

Every function takes an open :class:`~sqlalchemy.orm.Session` inside a
transaction owned by the caller (see :meth:`Workspace.transaction`).
"""

from __future__ import annotations

import json
import logging
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
    DamagedRow,
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
from sat_tool.errors import LOGGER, UserError
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
#
# A row that cannot be read (an unknown rating or level, text where a number
# belongs, a snapshot that is not JSON …) is left out of the loaded case and
# listed in ``case.damaged`` as (table, row id, reason), so that the rest of the
# case still opens, scores and exports. Nothing is written while loading.


class DamagedValue(ValueError):
    """A column value that cannot be read; the message says which and why."""


def _check(value: Any, column: str, expected: str, ok: bool) -> Any:
    if not ok:
        raise DamagedValue(f"its {column} {value!r} is not {expected}")
    return value


def _text(value: Any, column: str) -> str:
    return _check(value, column, "text", isinstance(value, str))


def _whole(value: Any, column: str, low: int = 0, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    return _check(value, column, f"a whole number of {low} or more",
                  isinstance(value, int) and not isinstance(value, bool) and value >= low)


def _fraction(value: Any, column: str, low_open: bool = False) -> float | None:
    if value is None:
        return None
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    inside = number and (0 < value <= 1 if low_open else 0 <= value <= 1)
    return float(_check(value, column, "a probability from 0 to 1", inside))


def _choice(value: Any, column: str, kind: type, expected: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise DamagedValue(f"its {column} {value!r} is not {expected}") from None


_LEVELS = "High, Medium or Low"
_TYPES = ", ".join(t.value for t in EvidenceType)
_RATINGS = ", ".join(r.value for r in Rating)
_MODES = ", ".join(m.value for m in ScoringMode)
_UNREADABLE = (ValueError, TypeError, KeyError, ArithmeticError, RecursionError, AttributeError)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DamagedValue):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "it is nested too deeply to read"
    return f"it cannot be read ({type(exc).__name__}: {exc})"


def _convert(rows: Any, table: str, key: Callable[[Any], Any], convert: Callable[[Any], Any],
             damaged: list[DamagedRow]) -> list[Any]:
    """The rows converted; those that cannot be are listed in ``damaged`` and left out."""
    out = []
    for row in rows:
        try:
            out.append(convert(row))
        except _UNREADABLE as exc:
            damaged.append(DamagedRow(table, key(row), _reason(exc)))
    return out


def load_case(session: Session, case_id: CaseId) -> Case:
    """The whole case as domain objects; :class:`CaseNotFound` if it is not there.

    Damaged rows are left out and listed in the case's ``damaged``.
    """
    row = session.get(CaseRow, case_id)
    if row is None or row.importing:
        raise CaseNotFound(f"no case with id {case_id} in this workspace")
    case = Case(CaseId(row.id), _shown(row.title), _shown(row.uid), _shown(row.description),
                _shown(row.created))
    damaged = case.damaged
    case.sources = _convert(
        session.scalars(select(SourceRow).where(SourceRow.case_id == case_id)
                        .order_by(SourceRow.position)),
        "sources", lambda r: r.id, source_from_row, damaged)
    sources = {src.id for src in case.sources}
    evidence = _convert(
        session.scalars(select(EvidenceRow).where(EvidenceRow.case_id == case_id)
                        .order_by(EvidenceRow.position)),
        "evidence", lambda r: r.id, evidence_from_row, damaged)
    for item in evidence:
        if item.source_id is not None and item.source_id not in sources:
            item.source_id = None  # its source row is damaged and listed
    case.evidence = evidence
    present = {item.id for item in case.evidence}
    for mrow in session.scalars(
        select(MatrixRowTable).where(MatrixRowTable.case_id == case_id).order_by(
            MatrixRowTable.position
        )
    ):
        try:
            mat = _matrix_from_row(mrow, damaged)
        except _UNREADABLE as exc:
            damaged.append(DamagedRow("matrices", mrow.id, _reason(exc)))
            continue
        _load_matrix_contents(session, mat, present, damaged)
        case.matrices.append(mat)
    return case


def _shown(value: Any) -> str:
    """A case-row text as text, whatever the column holds."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _matrix_from_row(mrow: MatrixRowTable, damaged: list[DamagedRow]) -> Matrix:
    try:
        mode = ScoringMode(mrow.scoring_mode)
    except ValueError:
        damaged.append(DamagedRow("matrices", mrow.id, (
            f"its scoring mode {mrow.scoring_mode!r} is not one of {_MODES}; it is ranked by "
            "weighted inconsistency instead")))
        mode = ScoringMode.WEIGHTED
    return Matrix(MatrixId(mrow.id), _text(mrow.question, "question"), _text(mrow.notes, "notes"),
                  _text(mrow.conclusions, "conclusions"), _text(mrow.milestones, "milestones"),
                  mode)


def _hypothesis_from_row(h: HypothesisRow) -> Hypothesis:
    return Hypothesis(HypothesisId(h.id), _text(h.title, "title"),
                      _text(h.description, "description"), _fraction(h.prior, "prior"),
                      _fraction(h.judged, "judged"))


def _load_matrix_contents(session: Session, mat: Matrix, present: set[EvidenceId],
                          damaged: list[DamagedRow]) -> None:
    mat.hypotheses = _convert(
        session.scalars(select(HypothesisRow).where(HypothesisRow.matrix_id == mat.id)
                        .order_by(HypothesisRow.position)),
        "hypotheses", lambda h: h.id, _hypothesis_from_row, damaged)
    hypotheses = {h.id for h in mat.hypotheses}
    inclusions = session.scalars(
        select(InclusionRow).where(InclusionRow.matrix_id == mat.id).order_by(InclusionRow.position))
    mat.rows = _convert(
        (r for r in inclusions if r.evidence_id in present),  # others: their evidence is listed
        "matrix_evidence", lambda r: (r.matrix_id, r.evidence_id),
        lambda r: MatrixRow(EvidenceId(r.evidence_id),
                            _choice(r.relevance, "relevance", Level,
                                    f"a relevance level ({_LEVELS})")), damaged)
    ratings = session.scalars(
        select(RatingRow).join(HypothesisRow, RatingRow.hypothesis_id == HypothesisRow.id).where(
            HypothesisRow.matrix_id == mat.id
        )
    )
    for r in ratings:
        if r.evidence_id not in present or r.hypothesis_id not in hypotheses:
            continue  # its evidence or hypothesis row is damaged and listed
        try:
            found = rating_from_row(r)
        except _UNREADABLE as exc:
            damaged.append(DamagedRow("ratings", (r.evidence_id, r.hypothesis_id), _reason(exc)))
            continue
        mat.ratings[(EvidenceId(r.evidence_id), HypothesisId(r.hypothesis_id))] = found


def rating_from_row(r: RatingRow) -> Assessment:
    """A rated cell from its row; :class:`DamagedValue` when a column cannot be read."""
    return Assessment(_choice(r.rating, "rating", Rating, f"a rating ({_RATINGS})"),
                      _text(r.analyst, "analyst"), _text(r.rationale, "rationale"),
                      _text(r.updated, "updated"),
                      _fraction(r.likelihood, "likelihood", low_open=True))


def source_from_row(r: SourceRow) -> Source:
    """A domain source from its row; :class:`DamagedValue` when a column cannot be read."""
    return Source(SourceId(r.id), _text(r.title, "title"), _text(r.author, "author"),
                  _text(r.publication, "publication"), _text(r.date, "date"),
                  _text(r.url, "url"), _text(r.reliability, "reliability"), _text(r.text, "text"))


def evidence_from_row(r: EvidenceRow) -> Evidence:
    """A domain evidence item from its row; :class:`DamagedValue` when a column cannot be read."""
    source = _whole(r.source_id, "source", optional=True)
    return Evidence(
        id=EvidenceId(r.id),
        number=_whole(r.number, "number", 1),
        text=_text(r.text, "text"),
        source_id=SourceId(source) if source is not None else None,
        date=_text(r.date, "date"),
        type=_choice(r.type, "type", EvidenceType, f"an evidence type ({_TYPES})"),
        credibility=_choice(r.credibility, "credibility", Level, f"a credibility level ({_LEVELS})"),
        notes=_text(r.notes, "notes"),
        quote=_text(r.quote, "quote"),
        quote_start=_whole(r.quote_start, "quote start", optional=True),
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


class DamagedSnapshot(LookupError, UserError):
    """A snapshot row whose content cannot be read."""


def snapshot_from_row(row: SnapshotRow) -> Snapshot:
    """A snapshot from its row; :class:`DamagedValue` when its content cannot be read."""
    try:
        data = json.loads(row.data)
    except json.JSONDecodeError as exc:
        raise DamagedValue(f"its data is not valid JSON ({exc.msg} at line {exc.lineno}, "
                           f"column {exc.colno})") from None
    except (TypeError, UnicodeDecodeError):
        raise DamagedValue(f"its data {type(row.data).__name__!r} is not JSON text") from None
    if not isinstance(data, dict):
        raise DamagedValue("its data is not a JSON object")
    try:
        return snapshot_from_data(data, row.id, row.matrix_id, _text(row.name, "name"),
                                  _text(row.created, "created"))
    except KeyError as exc:
        raise DamagedValue(f"its data lacks {exc.args[0]!r}") from None
    except DamagedValue:
        raise
    except _UNREADABLE as exc:
        raise DamagedValue(f"its data is malformed ({exc})") from None


def load_snapshots(session: Session, matrix_id: MatrixId,
                   damaged: list[DamagedRow] | None = None) -> list[Snapshot]:
    """The snapshots of a matrix, oldest first.

    A snapshot that cannot be read is left out and added to ``damaged`` (when
    given; otherwise it is logged), so that it never blocks the others or an export.
    """
    rows = session.scalars(select(SnapshotRow).where(SnapshotRow.matrix_id == matrix_id)
                           .order_by(SnapshotRow.created, SnapshotRow.id))
    found: list[DamagedRow] = []
    snapshots = _convert(rows, "snapshots", lambda r: r.id, snapshot_from_row, found)
    if damaged is not None:
        damaged.extend(found)
    for row in found:  # a warning when nobody else is told
        LOGGER.log(logging.INFO if damaged is not None else logging.WARNING,
                   "damaged snapshot left out: %s", row.sentence)
    return snapshots


def load_snapshot(session: Session, snapshot_id: int) -> Snapshot:
    """One snapshot; LookupError when it is gone, :class:`DamagedSnapshot` when it is unreadable."""
    row = session.get(SnapshotRow, snapshot_id)
    if row is None:
        raise LookupError(f"no snapshot {snapshot_id}")
    try:
        return snapshot_from_row(row)
    except _UNREADABLE as exc:
        raise DamagedSnapshot(f"snapshot {snapshot_id} is damaged: {_reason(exc)}") from None


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
