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

from sqlalchemy import Connection, bindparam, delete, exists, func, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sat_tool.domain.model import (
    Analyst,
    Assessment,
    Change,
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
    Outcome,
    MatrixId,
    MatrixRow,
    Rating,
    ScoringMode,
    Source,
    SourceId,
    attribute,
    analyst_uid,
    new_uid,
)
from sat_tool.domain.snapshots import Snapshot, snapshot_data, snapshot_from_data
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.errors import LOGGER, UserError
from sat_tool.store.schema import (
    AnalystRow,
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
    access: str = "write"
    """What this workspace's user may do with the case: "write", or "read" (shared with them
    to read only, on a team server)."""


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
        raise CaseNotFound(translate(
            "StoredCase", "{count} cases are titled {title!r}; name one by its id").format(
                count=len(ids), title=text))
    raise CaseNotFound(translate(
        "StoredCase", "no case with id or title {reference!r} in this workspace").format(
            reference=text))


def case_with_uid(session: Session, uid: str) -> CaseId | None:
    """The case carrying this uid, if the workspace has it."""
    found = session.scalar(select(CaseRow.id).where(CaseRow.uid == uid))
    return CaseId(found) if found is not None else None


_CASES = CaseRow.__table__
_REVISION = select(_CASES.c.revision).where(_CASES.c.id == bindparam("case_id"),
                                            _CASES.c.importing == "")
_BUMP = (update(_CASES).where(_CASES.c.id == bindparam("case_id"), _CASES.c.importing == "")
         .values(revision=_CASES.c.revision + 1).returning(_CASES.c.revision))
"""Made once: every edit runs them, and building a statement costs more than running it."""
_GONE = QT_TRANSLATE_NOOP(
    "StoredCase", "this case has been deleted from the workspace by another window or program")


def case_revision(session: Session, case_id: CaseId) -> int:
    """The case's revision: how many edits have been committed to it; CaseNotFound if it is gone."""
    found = session.connection().execute(_REVISION, {"case_id": case_id}).scalar()
    if found is None:
        raise CaseNotFound(translate("StoredCase", _GONE))
    return int(found)


def bump_revision(session: Session, case_id: CaseId) -> int:
    """Count one more committed edit of the case; returns the new revision."""
    found = session.connection().execute(_BUMP, {"case_id": case_id}).scalar()
    if found is None:
        raise CaseNotFound(translate("StoredCase", _GONE))
    return int(found)


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


# What a column should hold, in English (translated in the context "StoredCase" when a
# value is found wanting); the column's name stays the workspace's own word.
_TEXT = QT_TRANSLATE_NOOP("StoredCase", "text")
_WHOLE = QT_TRANSLATE_NOOP("StoredCase", "a whole number of {low} or more")
_PROBABILITY = QT_TRANSLATE_NOOP("StoredCase", "a probability from 0 to 1")
_RELEVANCE = QT_TRANSLATE_NOOP("StoredCase", "a relevance level (High, Medium or Low)")
_CREDIBILITY = QT_TRANSLATE_NOOP("StoredCase", "a credibility level (High, Medium or Low)")
_EVIDENCE_TYPE = QT_TRANSLATE_NOOP("StoredCase", "an evidence type ({types})")
_RATING = QT_TRANSLATE_NOOP("StoredCase", "a rating ({ratings})")


def _wanting(value: Any, column: str, expected: str, **values: Any) -> DamagedValue:
    """The error saying that ``column`` holds ``value`` instead of ``expected``."""
    return DamagedValue(translate("StoredCase", "its {column} {value!r} is not {expected}").format(
        column=column, value=value, expected=translate("StoredCase", expected).format(**values)))


def _check(value: Any, column: str, expected: str, ok: bool, **values: Any) -> Any:
    if not ok:
        raise _wanting(value, column, expected, **values)
    return value


def _text(value: Any, column: str) -> str:
    return _check(value, column, _TEXT, isinstance(value, str))


def _whole(value: Any, column: str, low: int = 0, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    return _check(value, column, _WHOLE,
                  isinstance(value, int) and not isinstance(value, bool) and value >= low, low=low)


def _fraction(value: Any, column: str, low_open: bool = False) -> float | None:
    if value is None:
        return None
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    inside = number and (0 < value <= 1 if low_open else 0 <= value <= 1)
    return float(_check(value, column, _PROBABILITY, inside))


def _choice(value: Any, column: str, kind: type, expected: str, **values: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise _wanting(value, column, expected, **values) from None


_TYPES = ", ".join(t.value for t in EvidenceType)
_RATINGS = ", ".join(r.value for r in Rating)
_MODES = ", ".join(m.value for m in ScoringMode)
_UNREADABLE = (ValueError, TypeError, KeyError, ArithmeticError, RecursionError, AttributeError)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, DamagedValue):
        return str(exc)
    if isinstance(exc, RecursionError):
        return translate("StoredCase", "it is nested too deeply to read")
    return translate("StoredCase", "it cannot be read ({kind}: {error})").format(
        kind=type(exc).__name__, error=exc)


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


# The rows of a case are read with Core statements on the session's own connection,
# straight into tuples (no ORM instance is built), and turned into domain objects
# here. A row whose every column is of the expected type and value takes the short
# way (a dictionary look-up per code, a type test per column); any other row goes
# through the full checks (the ``*_from_values`` functions), which either read it
# (an integer where a fraction belongs) or say what is wrong with it.

_RATING_OF = {r.value: r for r in Rating}
_LEVEL_OF = {level.value: level for level in Level}
_TYPE_OF = {t.value: t for t in EvidenceType}

_CASE_HEAD = select(CaseRow.id, CaseRow.title, CaseRow.uid, CaseRow.description, CaseRow.created,
                    CaseRow.importing).where(CaseRow.id == bindparam("owner"))
_SOURCES = (select(SourceRow.id, SourceRow.title, SourceRow.author, SourceRow.publication,
                   SourceRow.date, SourceRow.url, SourceRow.reliability, SourceRow.text,
                   SourceRow.uid)
            .where(SourceRow.case_id == bindparam("owner")).order_by(SourceRow.position))
_EVIDENCE = (select(EvidenceRow.id, EvidenceRow.number, EvidenceRow.text, EvidenceRow.source_id,
                    EvidenceRow.date, EvidenceRow.type, EvidenceRow.credibility, EvidenceRow.notes,
                    EvidenceRow.quote, EvidenceRow.quote_start, EvidenceRow.origin,
                    EvidenceRow.uid)
             .where(EvidenceRow.case_id == bindparam("owner")).order_by(EvidenceRow.position))
_MATRICES = (select(MatrixRowTable.id, MatrixRowTable.question, MatrixRowTable.notes,
                    MatrixRowTable.conclusions, MatrixRowTable.milestones,
                    MatrixRowTable.scoring_mode, MatrixRowTable.layout, MatrixRowTable.outcome,
                    MatrixRowTable.outcome_hypothesis_id, MatrixRowTable.outcome_date,
                    MatrixRowTable.outcome_evidence, MatrixRowTable.outcome_snapshot_id,
                    MatrixRowTable.blind, MatrixRowTable.uid)
             .where(MatrixRowTable.case_id == bindparam("owner")).order_by(MatrixRowTable.position))
_HYPOTHESES = (select(HypothesisRow.id, HypothesisRow.title, HypothesisRow.description,
                      HypothesisRow.uid)
               .where(HypothesisRow.matrix_id == bindparam("owner"))
               .order_by(HypothesisRow.position))
_INCLUSIONS = (select(InclusionRow.evidence_id, InclusionRow.relevance)
               .where(InclusionRow.matrix_id == bindparam("owner")).order_by(InclusionRow.position))
_RATINGS_OF_MATRIX = (
    select(RatingRow.evidence_id, RatingRow.hypothesis_id, RatingRow.rating, RatingRow.analyst_id,
           RatingRow.rationale, RatingRow.updated, RatingRow.likelihood)
    .join(HypothesisRow, RatingRow.hypothesis_id == HypothesisRow.id)
    .where(HypothesisRow.matrix_id == bindparam("owner")))
_JUDGMENTS_OF_MATRIX = (
    select(JudgmentRow.hypothesis_id, JudgmentRow.analyst_id, JudgmentRow.prior,
           JudgmentRow.judged)
    .join(HypothesisRow, JudgmentRow.hypothesis_id == HypothesisRow.id)
    .where(HypothesisRow.matrix_id == bindparam("owner")))


_QUERIES = {"case": _CASE_HEAD, "sources": _SOURCES, "evidence": _EVIDENCE, "matrices": _MATRICES,
            "hypotheses": _HYPOTHESES, "inclusions": _INCLUSIONS, "ratings": _RATINGS_OF_MATRIX,
            "judgments": _JUDGMENTS_OF_MATRIX}
"""The selects of :func:`load_case`, each of one parameter, ``owner``."""

_COMPILED: dict[tuple[str, str], tuple[str, bool]] = {}


def _sql(name: str, dialect: Any) -> tuple[str, bool]:
    """The text of a query for this dialect, and whether its parameter is positional."""
    key = (name, dialect.name)
    found = _COMPILED.get(key)
    if found is None:
        found = _COMPILED[key] = (str(_QUERIES[name].compile(dialect=dialect)),
                                  bool(dialect.positional))
    return found


def _tuples(connection: Connection, name: str, owner: int) -> list[tuple[Any, ...]]:
    """The rows of one of :data:`_QUERIES` as plain tuples, in the connection's transaction.

    The statement is compiled once and run on the driver's own cursor, which is
    what loading a case of thousands of rows needs: the driver's tuples are what
    the ORM would have read (none of the selected column types converts a value
    on SQLite), and a driver error is raised as SQLAlchemy would raise it.
    """
    sql, positional = _sql(name, connection.dialect)
    params: Any = (owner,) if positional else {"owner": owner}
    error = connection.dialect.loaded_dbapi.Error
    try:
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql, params)
            return cursor.fetchall()
        finally:
            cursor.close()
    except error as exc:
        raise DBAPIError.instance(sql, params, exc, error) from None


def load_case(session: Session, case_id: CaseId, analyst: Analyst | str | None = None) -> Case:
    """The whole case as domain objects; :class:`CaseNotFound` if it is not there.

    Every analyst's ratings and probabilities are read; the case is rated as
    ``analyst`` (see :func:`choose_analyst`). Damaged rows are left out and listed
    in the case's ``damaged``.
    """
    session.flush()  # rows added through the ORM and not yet sent are read too
    connection = session.connection()
    found = _tuples(connection, "case", case_id)
    if not found or found[0][5]:
        raise CaseNotFound(translate("StoredCase", "no case with id {id} in this workspace").format(
            id=case_id))
    owner, title, uid, description, created, _importing = found[0]
    case = Case(CaseId(owner), _shown(title), _shown(uid), _shown(description), _shown(created))
    damaged = case.damaged
    case.sources = _convert(_tuples(connection, "sources", owner), "sources", _first,
                            source_from_values, damaged)
    sources = {src.id for src in case.sources}
    evidence = _read_evidence(_tuples(connection, "evidence", owner), sources, damaged)
    case.evidence = evidence
    present = {item.id for item in evidence}
    known = {row_id: Analyst(a_uid, _shown(name), _shown(role)) for row_id, a_uid, name, role
             in session.execute(select(AnalystRow.id, AnalystRow.uid, AnalystRow.name,
                                       AnalystRow.role).order_by(AnalystRow.id))}
    seen: set[int] = set()
    for values in _tuples(connection, "matrices", owner):
        try:
            mat = _matrix_from_values(values[:6], damaged)
        except _UNREADABLE as exc:
            damaged.append(DamagedRow("matrices", values[0], _reason(exc)))
            continue
        _load_matrix_contents(connection, mat, present, known, seen, damaged)
        mat.transposed = values[6] == "transposed"  # anything else shows the standard layout
        mat.outcome = _outcome_from_values(mat, values[7:12], damaged)
        mat.blind = values[12] == 1
        mat.uid = _shown(values[13])
        case.matrices.append(mat)
    case.analysts = [known[row_id] for row_id in sorted(seen)]
    chosen = choose_analyst(case, analyst, session)
    if chosen is not None:
        case.rate_as(chosen)
    return case


def choose_analyst(case: Case, analyst: Analyst | str | None, session: Session | None = None
                   ) -> Analyst | None:
    """Whom a case is rated as, given an analyst, a name, or nothing.

    An analyst is taken as given. A name is the analyst of that name among the
    case's, when they have rated it; otherwise the case's lead analyst (its first analyst
    with ratings or probabilities), so that a case made by someone else opens as they
    left it; in a case nobody has rated, the analyst of that name, who joins the
    workspace with their first edit. Nothing: the lead analyst, or None.
    """
    if isinstance(analyst, Analyst):
        return analyst
    lead = case.lead_analyst()
    if analyst:
        named = [a for a in case.analysts if a.name.casefold() == analyst.casefold()]
        rated = [a for a in named if any(m.team.get(a.id) for m in case.matrices)]
        if rated:
            return rated[0]
        if lead is not None:
            return lead
        if named:
            return named[0]
        existing = analyst_of_name(session, analyst) if session is not None else None
        return existing or Analyst(analyst_uid(analyst), analyst)
    return lead or (case.analysts[0] if case.analysts else None)


_OUTCOME_STATES = ("", "hypothesis", "none")


def _outcome_from_values(mat: Matrix, values: tuple[Any, ...], damaged: list[DamagedRow]
                         ) -> Outcome | None:
    """A matrix's recorded outcome, or None while it is open or when the record is damaged
    (then listed: the matrix opens as an open question)."""
    state, hypothesis_id, date, grounds, snapshot_id = values
    if state == "" or state is None:
        return None
    problem = None
    if state not in _OUTCOME_STATES:
        problem = translate("StoredCase", "its outcome {state!r} is not one this release knows; "
                            "it is shown as an open question").format(state=_shown(state))
    elif state == "hypothesis" and not any(h.id == hypothesis_id for h in mat.hypotheses):
        problem = translate("StoredCase", "its outcome names hypothesis {id!r}, which the matrix "
                            "does not hold; it is shown as an open question").format(id=hypothesis_id)
    elif not isinstance(date, str) or not isinstance(grounds, str):
        problem = translate("StoredCase", "its outcome's date or grounds are not text; it is shown "
                            "as an open question")
    if problem:
        damaged.append(DamagedRow("matrices", mat.id, problem))
        return None
    return Outcome(HypothesisId(hypothesis_id) if state == "hypothesis" else None, date, grounds,
                   snapshot_id if type(snapshot_id) is int else None)


def outcome_values(outcome: Outcome | None) -> dict[str, Any]:
    """The matrix columns that record an outcome (or its absence)."""
    if outcome is None:
        return {"outcome": "", "outcome_hypothesis_id": None, "outcome_date": "",
                "outcome_evidence": "", "outcome_snapshot_id": None}
    return {"outcome": "hypothesis" if outcome.hypothesis_id is not None else "none",
            "outcome_hypothesis_id": outcome.hypothesis_id, "outcome_date": outcome.date,
            "outcome_evidence": outcome.evidence, "outcome_snapshot_id": outcome.snapshot_id}


def _first(values: tuple[Any, ...]) -> Any:
    return values[0]


def _shown(value: Any) -> str:
    """A case-row text as text, whatever the column holds."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def _matrix_from_values(values: tuple[Any, ...], damaged: list[DamagedRow]) -> Matrix:
    matrix_id, question, notes, conclusions, milestones, scoring_mode = values
    try:
        mode = ScoringMode(scoring_mode)
    except ValueError:
        damaged.append(DamagedRow("matrices", matrix_id, translate(
            "StoredCase", "its scoring mode {mode!r} is not one of {modes}; it is ranked by "
            "weighted inconsistency instead").format(mode=scoring_mode, modes=_MODES)))
        mode = ScoringMode.WEIGHTED
    return Matrix(MatrixId(matrix_id), _text(question, "question"), _text(notes, "notes"),
                  _text(conclusions, "conclusions"), _text(milestones, "milestones"), mode)


def _hypothesis_from_values(values: tuple[Any, ...]) -> Hypothesis:
    hypothesis_id, title, description, uid = values
    return Hypothesis(HypothesisId(hypothesis_id), _text(title, "title"),
                      _text(description, "description"), uid=_shown(uid))


def _read_evidence(rows: list[tuple[Any, ...]], sources: set[SourceId],
                   damaged: list[DamagedRow]) -> list[Evidence]:
    """The evidence items of the rows that can be read; a damaged source leaves its items without."""
    out = []
    types, levels = _TYPE_OF, _LEVEL_OF
    for values in rows:
        (item_id, number, text, source, date, kind, credibility, notes, quote, quote_start,
         origin, uid) = values
        found_type, level = types.get(kind), levels.get(credibility)
        if (found_type is None or level is None or type(number) is not int or number < 1
                or type(text) is not str or type(date) is not str or type(notes) is not str
                or type(quote) is not str or type(origin) is not str
                or (source is not None and (type(source) is not int or source < 0))
                or (quote_start is not None and (type(quote_start) is not int or quote_start < 0))):
            try:
                item = evidence_from_values(values)
            except _UNREADABLE as exc:
                damaged.append(DamagedRow("evidence", item_id, _reason(exc)))
                continue
        else:
            item = Evidence(item_id, number, text, source, date, found_type, level, notes, quote,
                            quote_start, origin, uid if type(uid) is str else "")
        if item.source_id is not None and item.source_id not in sources:
            item.source_id = None  # its source row is damaged and listed
        out.append(item)
    return out


def _load_matrix_contents(connection: Connection, mat: Matrix, present: set[EvidenceId],
                          known: dict[int, Analyst], seen: set[int], damaged: list[DamagedRow]
                          ) -> None:
    mat.hypotheses = _convert(_tuples(connection, "hypotheses", mat.id), "hypotheses", _first,
                              _hypothesis_from_values, damaged)
    hypotheses = {h.id for h in mat.hypotheses}
    rows = []
    levels = _LEVEL_OF
    for evidence_id, relevance in _tuples(connection, "inclusions", mat.id):
        if evidence_id not in present:
            continue  # its evidence row is damaged and listed
        level = levels.get(relevance)
        if level is None:
            try:
                level = _relevance(relevance)
            except _UNREADABLE as exc:
                damaged.append(DamagedRow("matrix_evidence", (mat.id, evidence_id), _reason(exc)))
                continue
        rows.append(MatrixRow(evidence_id, level))
    mat.rows = rows
    team = mat.team
    codes = _RATING_OF
    own: dict[Cell, Assessment] = {}
    last = None
    for values in _tuples(connection, "ratings", mat.id):
        evidence_id, hypothesis_id, code, analyst_id, rationale, updated, likelihood = values
        if evidence_id not in present or hypothesis_id not in hypotheses:
            continue  # its evidence or hypothesis row is damaged and listed
        if analyst_id != last:
            analyst = known.get(analyst_id)
            if analyst is None:
                damaged.append(DamagedRow("ratings", (evidence_id, hypothesis_id, analyst_id),
                                          translate("StoredCase", "it names no known analyst")))
                continue
            seen.add(analyst_id)
            own = team.setdefault(analyst.id, {})
            name, last = analyst.name, analyst_id
        rating = codes.get(code)
        if (rating is None or type(rationale) is not str or type(updated) is not str
                or (likelihood is not None
                    and (type(likelihood) is not float or not 0 < likelihood <= 1))):
            try:
                found = rating_from_values(values, name)
            except _UNREADABLE as exc:
                damaged.append(DamagedRow("ratings", (evidence_id, hypothesis_id), _reason(exc)))
                continue
        else:
            found = Assessment(rating, name, rationale, updated, likelihood)
        own[(evidence_id, hypothesis_id)] = found
    for hypothesis_id, analyst_id, prior, judged in _tuples(connection, "judgments", mat.id):
        analyst = known.get(analyst_id)
        if analyst is None or hypothesis_id not in hypotheses:
            continue
        try:
            values_read = (_fraction(prior, "prior"), _fraction(judged, "judged"))
        except _UNREADABLE as exc:
            damaged.append(DamagedRow("judgments", (hypothesis_id, analyst_id), _reason(exc)))
            continue
        seen.add(analyst_id)
        mat.judgments.setdefault(analyst.id, {})[HypothesisId(hypothesis_id)] = values_read


def _relevance(value: Any) -> Level:
    return _choice(value, "relevance", Level, _RELEVANCE)


def rating_from_values(values: tuple[Any, ...], analyst: str) -> Assessment:
    """A rated cell from its ratings columns (evidence_id, hypothesis_id, rating, analyst_id,
    rationale, updated, likelihood) and its analyst's name; :class:`DamagedValue` when a
    column cannot be read."""
    _evidence, _hypothesis, rating, _analyst, rationale, updated, likelihood = values
    return Assessment(_choice(rating, "rating", Rating, _RATING, ratings=_RATINGS),
                      analyst, _text(rationale, "rationale"),
                      _text(updated, "updated"),
                      _fraction(likelihood, "likelihood", low_open=True))


def source_from_values(values: tuple[Any, ...]) -> Source:
    """A domain source from its columns (id, title, author, publication, date, url,
    reliability, text, uid); :class:`DamagedValue` when a column cannot be read."""
    source_id, title, author, publication, date, url, reliability, text, uid = values
    return Source(SourceId(source_id), _text(title, "title"), _text(author, "author"),
                  _text(publication, "publication"), _text(date, "date"),
                  _text(url, "url"), _text(reliability, "reliability"), _text(text, "text"),
                  _shown(uid))


def evidence_from_values(values: tuple[Any, ...]) -> Evidence:
    """A domain evidence item from its columns (id, number, text, source_id, date, type,
    credibility, notes, quote, quote_start, origin, uid); :class:`DamagedValue` when one cannot be
    read."""
    (item_id, number, text, source_id, date, kind, credibility, notes, quote, quote_start,
     origin, uid) = values
    source = _whole(source_id, "source", optional=True)
    return Evidence(
        id=EvidenceId(item_id),
        number=_whole(number, "number", 1),
        text=_text(text, "text"),
        source_id=SourceId(source) if source is not None else None,
        date=_text(date, "date"),
        type=_choice(kind, "type", EvidenceType, _EVIDENCE_TYPE, types=_TYPES),
        credibility=_choice(credibility, "credibility", Level, _CREDIBILITY),
        notes=_text(notes, "notes"),
        quote=_text(quote, "quote"),
        quote_start=_whole(quote_start, "quote start", optional=True),
        origin=_text(origin, "origin"),
        uid=_shown(uid),
    )


def _uid(item: Any) -> str:
    """A domain object's stable id, given one now if it has none yet."""
    if not item.uid:
        item.uid = new_uid()
    return item.uid  # type: ignore[no-any-return]


# ---------------------------------------------------------------- writing rows


def source_row(case_id: CaseId, src: Source, position: int, with_id: bool = True) -> SourceRow:
    """The row of a domain source (``with_id=False`` lets the database choose the id)."""
    return SourceRow(
        id=src.id if with_id else None, case_id=case_id, position=position, title=src.title,
        author=src.author, publication=src.publication, date=src.date, url=src.url,
        reliability=src.reliability, text=src.text, uid=_uid(src),
    )


def evidence_row(case_id: CaseId, item: Evidence, position: int, with_id: bool = True
                 ) -> EvidenceRow:
    """The row of a domain evidence item."""
    return EvidenceRow(
        id=item.id if with_id else None, case_id=case_id, position=position, number=item.number,
        text=item.text, source_id=item.source_id, date=item.date, type=item.type.value,
        credibility=item.credibility.value, notes=item.notes, quote=item.quote,
        quote_start=item.quote_start, origin=item.origin, uid=_uid(item),
    )


def matrix_row(case_id: CaseId, mat: Matrix, position: int, with_id: bool = True
               ) -> MatrixRowTable:
    """The row of a matrix (without its hypotheses, rows and ratings)."""
    return MatrixRowTable(
        id=mat.id if with_id else None, case_id=case_id, position=position,
        question=mat.question, notes=mat.notes, conclusions=mat.conclusions,
        milestones=mat.milestones, scoring_mode=mat.scoring_mode.value,
        layout="transposed" if mat.transposed else "standard", **outcome_values(mat.outcome),
        blind=int(mat.blind), uid=_uid(mat),
    )


def hypothesis_row(matrix_id: MatrixId, hyp: Hypothesis, position: int, with_id: bool = True
                   ) -> HypothesisRow:
    """The row of a hypothesis."""
    return HypothesisRow(id=hyp.id if with_id else None, matrix_id=matrix_id, position=position,
                         title=hyp.title, description=hyp.description, uid=_uid(hyp))


def rating_values(evidence_id: EvidenceId, hypothesis_id: HypothesisId, analyst_id: int,
                  found: Assessment) -> dict[str, Any]:
    """The column values of one analyst's rated cell, for a bulk insert."""
    return {"evidence_id": evidence_id, "hypothesis_id": hypothesis_id, "analyst_id": analyst_id,
            "rating": found.rating.value, "rationale": found.rationale,
            "updated": found.updated, "likelihood": found.likelihood}


# ---------------------------------------------------------------- analysts


def workspace_analysts(session: Session) -> list[Analyst]:
    """Every analyst the workspace knows, in the order they joined."""
    return [Analyst(uid, _shown(name), _shown(role)) for uid, name, role in session.execute(
        select(AnalystRow.uid, AnalystRow.name, AnalystRow.role).order_by(AnalystRow.id))]


def analyst_ids(session: Session, analysts: Sequence[Analyst],
                joined: list[int] | None = None) -> dict[str, int]:
    """The row ids of analysts by their stable ids; an analyst the workspace does not know
    yet joins it with the name given and no login: only the owner gives logins
    (``sat-tool admin add-analyst``), never a file. ``joined`` gets the row ids of those who
    joined."""
    wanted = {a.id: a for a in analysts}
    if not wanted:
        return {}
    found: dict[str, int] = {uid: row_id for uid, row_id in session.execute(
        select(AnalystRow.uid, AnalystRow.id).where(AnalystRow.uid.in_(list(wanted))))}
    for uid, analyst in wanted.items():
        if uid not in found:
            row = AnalystRow(uid=uid, name=analyst.name, role="")
            session.add(row)
            session.flush()
            found[uid] = row.id
            if joined is not None:
                joined.append(row.id)
    return found


def drop_unused_analysts(session: Session, row_ids: Sequence[int]) -> None:
    """Forget those of these analysts who log in as no role and have nothing left in the
    workspace (no rating, judgment or change): what a failed import of their case leaves."""
    for row_id in row_ids:
        try:
            with session.begin_nested():  # one that is still referenced is simply kept
                session.execute(delete(AnalystRow).where(
                    AnalystRow.id == row_id, AnalystRow.role == "",
                    ~exists().where(RatingRow.analyst_id == row_id),
                    ~exists().where(JudgmentRow.analyst_id == row_id),
                    ~exists().where(HistoryRow.analyst_id == row_id)))
        except DBAPIError:
            LOGGER.info("analyst %s is still referenced; kept", row_id, exc_info=True)


def named_analyst(session: Session, case: Case, name: str) -> Analyst:
    """The analyst of that name: the case's, else the workspace's, else a new one (who joins
    the workspace with their first edit)."""
    found = next((a for a in case.analysts if a.name.casefold() == name.casefold()), None)
    return found or analyst_of_name(session, name) or Analyst(analyst_uid(name), name)


def analyst_of_name(session: Session, name: str) -> Analyst | None:
    """The workspace's first analyst of this name (any case), or None."""
    for analyst in workspace_analysts(session):
        if analyst.name.casefold() == name.casefold():
            return analyst
    return None


def history(session: Session, case_id: CaseId, matrix_id: MatrixId | None = None,
            cell: Cell | None = None, limit: int | None = None) -> list[Change]:
    """The changes recorded of a case (of one matrix, or one cell of it), newest first."""
    query = (select(HistoryRow.at, HistoryRow.by, HistoryRow.kind, HistoryRow.matrix_id,
                    HistoryRow.evidence_id, HistoryRow.hypothesis_id, AnalystRow.name,
                    HistoryRow.before, HistoryRow.after, HistoryRow.note)
             .outerjoin(AnalystRow, AnalystRow.id == HistoryRow.analyst_id)
             .where(HistoryRow.case_id == case_id)
             .order_by(HistoryRow.at.desc(), HistoryRow.id.desc()))
    if matrix_id is not None:
        query = query.where(HistoryRow.matrix_id == matrix_id)
    if cell is not None:
        query = query.where(HistoryRow.evidence_id == cell[0], HistoryRow.hypothesis_id == cell[1])
    if limit is not None:
        query = query.limit(limit)
    return [Change(_shown(at), _shown(by), _shown(kind), MatrixId(m),
                   (EvidenceId(e), HypothesisId(h)) if e is not None and h is not None else None,
                   _shown(name), _shown(before), _shown(after), _shown(note))
            for at, by, kind, m, e, h, name, before, after, note in session.execute(query)]


def insert_matrix_contents(session: Session, mat: Matrix, analysts: Sequence[Analyst]) -> None:
    """Insert a matrix's hypotheses (keeping their ids), rows, and every analyst's ratings
    and probabilities, in bulk. ``analysts``: the case's analysts."""
    if mat.hypotheses:
        session.execute(insert(_HYPOTHESIS_TABLE), [
            _values(hypothesis_row(mat.id, hyp, pos)) for pos, hyp in enumerate(mat.hypotheses)])
    if mat.rows:
        session.execute(insert(_INCLUSION_TABLE), [
            {"matrix_id": mat.id, "evidence_id": row.evidence_id, "position": pos,
             "relevance": row.relevance.value} for pos, row in enumerate(mat.rows)])
    ids = analyst_ids(session, [a for a in analysts if a.id in mat.team or a.id in mat.judgments])
    ratings = [rating_values(eid, hid, ids[uid], found) for uid, own in mat.team.items()
               if uid in ids for (eid, hid), found in own.items()]
    if ratings:
        session.execute(insert(_RATING_TABLE), ratings)
    judgments = [{"hypothesis_id": hid, "analyst_id": ids[uid], "prior": prior, "judged": judged}
                 for uid, own in mat.judgments.items() if uid in ids
                 for hid, (prior, judged) in own.items()]
    if judgments:
        session.execute(insert(_JUDGMENT_TABLE), judgments)


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
        raise DamagedValue(translate(
            "StoredCase", "its data is not valid JSON ({problem} at line {line}, column {column})"
        ).format(problem=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except (TypeError, UnicodeDecodeError):
        raise DamagedValue(translate("StoredCase", "its data {kind!r} is not JSON text").format(
            kind=type(row.data).__name__)) from None
    if not isinstance(data, dict):
        raise DamagedValue(translate("StoredCase", "its data is not a JSON object"))
    try:
        return snapshot_from_data(data, row.id, row.matrix_id, _text(row.name, "name"),
                                  _text(row.created, "created"))
    except KeyError as exc:
        raise DamagedValue(translate("StoredCase", "its data lacks {key!r}").format(
            key=exc.args[0])) from None
    except DamagedValue:
        raise
    except _UNREADABLE as exc:
        raise DamagedValue(translate("StoredCase", "its data is malformed ({error})").format(
            error=exc)) from None


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
        raise LookupError(translate("StoredCase", "no snapshot {id}").format(id=snapshot_id))
    try:
        return snapshot_from_row(row)
    except _UNREADABLE as exc:
        raise DamagedSnapshot(translate("StoredCase", "snapshot {id} is damaged: {reason}").format(
            id=snapshot_id, reason=_reason(exc))) from None


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
        attribute(case)  # a file's ratings that name no team become one analyst's
        self.case, self.snapshots, self.importing, self.batch = case, snapshots or {}, importing, batch
        self.case_id = CaseId(0)
        self.analyst_ids: dict[str, int] = {}
        self.new_analysts: list[int] = []
        """The row ids of the analysts the workspace came to know through this import."""
        self.source_ids: dict[SourceId, SourceId] = {}
        self.evidence_ids: dict[EvidenceId, EvidenceId] = {}
        self.matrix_ids: dict[MatrixId, MatrixId] = {}
        self.hypothesis_ids: dict[HypothesisId, HypothesisId] = {}

    def rows(self) -> int:
        """How many rows the plan writes."""
        c = self.case
        return (1 + len(c.sources) + len(c.evidence)
                + sum(1 + len(m.hypotheses) + len(m.rows)
                      + sum(len(own) for own in m.team.values()) for m in c.matrices))

    def steps(self) -> list[Step]:
        """The steps in the order they must run."""
        case, n = self.case, self.batch
        steps: list[Step] = [self._head]
        steps += [partial(self._sources, i) for i in range(0, len(case.sources), n)]
        steps += [partial(self._evidence, i) for i in range(0, len(case.evidence), n)]
        for position, mat in enumerate(case.matrices):
            steps.append(partial(self._matrix, mat, position))
            steps += [partial(self._inclusions, mat, i) for i in range(0, len(mat.rows), n)]
            for analyst_id, own in mat.team.items():
                cells = list(own)  # the keys only: each step pairs its own with their ratings
                steps += [partial(self._ratings_of, mat, analyst_id, cells[i:i + n])
                          for i in range(0, len(cells), n)]
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
        (new,) = _insert_returning(session, _CASE_TABLE, [{
            "uid": uid, "title": case.title, "description": case.description,
            "created": case.created or utc_now(), "last_opened": "", "revision": 0,
            "evidence_counter": counter, "importing": self.importing}])
        self.case_id = CaseId(new)
        if uid != case.uid:  # a copy of a case already here: its parts get ids of their own too
            for part in [*case.sources, *case.evidence, *case.matrices,
                         *(h for m in case.matrices for h in m.hypotheses)]:
                part.uid = ""
        self.new_analysts = []
        self.analyst_ids = analyst_ids(session, case.analysts, joined=self.new_analysts)

    def _sources(self, start: int, session: Session) -> None:
        chunk = self.case.sources[start:start + self.batch]
        case_id = self.case_id
        rows = [(case_id, start + i, src.title, src.author, src.publication, src.date, src.url,
                 src.reliability, src.text, _uid(src)) for i, src in enumerate(chunk)]
        ids = self.source_ids
        for src, new in zip(chunk, _insert_many(session, _SOURCE_TABLE, case_id, rows)):
            ids[src.id] = new

    def _evidence(self, start: int, session: Session) -> None:
        chunk = self.case.evidence[start:start + self.batch]
        case_id, sources = self.case_id, self.source_ids
        rows = [(case_id, start + i, item.number, item.text,
                 sources[item.source_id] if item.source_id is not None else None, item.date,
                 item.type._value_, item.credibility._value_, item.notes, item.quote,
                 item.quote_start, item.origin, _uid(item))
                for i, item in enumerate(chunk)]
        ids = self.evidence_ids
        for item, new in zip(chunk, _insert_many(session, _EVIDENCE_TABLE, case_id, rows)):
            ids[item.id] = new

    def _matrix(self, mat: Matrix, position: int, session: Session) -> None:
        (new,) = _insert_returning(session, _MATRIX_TABLE, [{
            "case_id": self.case_id, "position": position, "question": mat.question,
            "notes": mat.notes, "conclusions": mat.conclusions, "milestones": mat.milestones,
            "scoring_mode": mat.scoring_mode.value,
            "layout": "transposed" if mat.transposed else "standard", "blind": int(mat.blind),
            "uid": _uid(mat)}])
        self.matrix_ids[mat.id] = MatrixId(new)
        rows = [(new, pos, hyp.title, hyp.description, _uid(hyp))
                for pos, hyp in enumerate(mat.hypotheses)]
        for hyp, hid in zip(mat.hypotheses, _insert_many(session, _HYPOTHESIS_TABLE, new, rows)):
            self.hypothesis_ids[hyp.id] = hid
        judgments = [{"hypothesis_id": self.hypothesis_ids[hid], "analyst_id": self.analyst_ids[uid],
                      "prior": prior, "judged": judged}
                     for uid, own in mat.judgments.items() if uid in self.analyst_ids
                     for hid, (prior, judged) in own.items()
                     if hid in self.hypothesis_ids and (prior is not None or judged is not None)]
        if judgments:
            session.execute(insert(_JUDGMENT_TABLE), judgments)
        if mat.outcome is not None:
            known = mat.outcome.hypothesis_id
            values = outcome_values(Outcome(self.hypothesis_ids[known] if known is not None else None,
                                            mat.outcome.date, mat.outcome.evidence))  # no snapshot
            session.execute(update(_MATRIX_TABLE).where(_MATRIX_TABLE.c.id == new).values(**values))

    def _inclusions(self, mat: Matrix, start: int, session: Session) -> None:
        matrix_id, ids = self.matrix_ids[mat.id], self.evidence_ids
        _executemany(session, _INCLUSION_TABLE,
                     [(matrix_id, ids[row.evidence_id], start + i, row.relevance._value_)
                      for i, row in enumerate(mat.rows[start:start + self.batch])])

    def _ratings_of(self, mat: Matrix, analyst_id: str, cells: list[Cell], session: Session
                    ) -> None:
        ratings = mat.team[analyst_id]
        self._ratings(self.analyst_ids[analyst_id], [(cell, ratings[cell]) for cell in cells],
                      session)

    def _ratings(self, analyst: int, cells: list[tuple[Cell, Assessment]], session: Session
                 ) -> None:
        # ``_value_``: the member's value as a plain attribute (``value`` is a property)
        evidence, hypotheses = self.evidence_ids, self.hypothesis_ids
        _executemany(session, _RATING_TABLE,
                     [(evidence[eid], hypotheses[hid], analyst, found.rating._value_,
                       found.rationale, found.updated, found.likelihood)
                      for (eid, hid), found in cells])

    def _snapshots(self, session: Session) -> None:
        outcomes = {m.id: m.outcome for m in self.case.matrices if m.outcome is not None}
        for old_id, new_id in self.matrix_ids.items():
            for position, snap in enumerate(self.snapshots.get(old_id, ()), 1):
                moved = snapshot_from_data(
                    snapshot_data(snap), 0, new_id, snap.name, snap.created,
                    lambda e: self.evidence_ids.get(int(e), int(e)),
                    lambda h: self.hypothesis_ids.get(int(h), int(h)))
                row = snapshot_row(moved, with_id=False)
                session.add(row)
                outcome = outcomes.get(old_id)
                if outcome is not None and outcome.snapshot_id == position:
                    # The case's outcome names its closing snapshot by position among its own.
                    session.flush()
                    session.execute(update(_MATRIX_TABLE).where(_MATRIX_TABLE.c.id == new_id)
                                    .values(outcome_snapshot_id=row.id))
        session.flush()


_CASE_TABLE: Any = CaseRow.__table__
_SOURCE_TABLE: Any = SourceRow.__table__
_EVIDENCE_TABLE: Any = EvidenceRow.__table__
_MATRIX_TABLE: Any = MatrixRowTable.__table__
_HYPOTHESIS_TABLE: Any = HypothesisRow.__table__
_INCLUSION_TABLE: Any = InclusionRow.__table__
_RATING_TABLE: Any = RatingRow.__table__
_JUDGMENT_TABLE: Any = JudgmentRow.__table__
"""The tables themselves: a Core insert of a list of rows is one plain executemany."""


def _values(row: Base) -> dict[str, Any]:
    """The column values of an unsaved ORM row, for a bulk insert."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns  # type: ignore[attr-defined]
            if getattr(row, c.key) is not None or c.nullable}


def _insert_returning(session: Session, table: Any, values: list[dict[str, Any]]) -> list[int]:
    """Insert rows into a table and return their new ids, in order.

    For a case's or a matrix's own row: SQLAlchemy sends one statement per row here
    (on SQLite it cannot batch an insert that returns ids in order), so many rows
    go through :func:`_insert_many` instead.
    """
    if not values:
        return []
    result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                             values)
    return [r[0] for r in result]


def _insert_many(session: Session, table: Any, owner: int, rows: list[tuple[Any, ...]]
                 ) -> list[int]:
    """Insert rows of one owner (a case's or a matrix's, the first of :data:`_INSERT_COLUMNS`;
    distinct positions) in one executemany, and return their new ids in the order of ``rows``.

    No other connection commits between reading the highest id and inserting: a
    writing transaction holds the write lock from its first statement (``BEGIN
    IMMEDIATE``), and one that did not would have its insert refused had another
    committed since its read. Every id an AUTOINCREMENT table gives is above any it
    gave before, so the owner's rows above that highest id are exactly these rows,
    and ordered by position they come in the order of ``rows``.
    """
    if not rows:
        return []
    before = session.scalar(select(func.max(table.c.id))) or 0
    _executemany(session, table, rows)
    column = table.c[_INSERT_COLUMNS[table.name][0]]
    ids = list(session.scalars(select(table.c.id).where(table.c.id > before, column == owner)
                               .order_by(table.c.position)))
    if len(ids) != len(rows):
        raise RuntimeError(f"{table.name}: {len(rows)} rows inserted but {len(ids)} found")
    return ids


_INSERT_COLUMNS = {
    "sources": ("case_id", "position", "title", "author", "publication", "date", "url",
                "reliability", "text", "uid"),
    "evidence": ("case_id", "position", "number", "text", "source_id", "date", "type",
                 "credibility", "notes", "quote", "quote_start", "origin", "uid"),
    "hypotheses": ("matrix_id", "position", "title", "description", "uid"),
    "matrix_evidence": ("matrix_id", "evidence_id", "position", "relevance"),
    "ratings": ("evidence_id", "hypothesis_id", "analyst_id", "rating", "rationale", "updated",
                "likelihood"),
}
"""The columns a bulk insert of a case writes, per table, in the order of its row tuples."""

_INSERT_SQL: dict[tuple[str, str], str] = {}


def _executemany(session: Session, table: Any, rows: list[tuple[Any, ...]]) -> None:
    """One executemany of the Core insert of :data:`_INSERT_COLUMNS` into ``table``.

    The insert is compiled once; each row is a tuple in the order of those
    columns, handed to the driver as it is, so no dictionary is built or
    converted per row. (On a dialect whose parameters are not positional in
    that order, the rows go through SQLAlchemy's own parameters instead.)
    """
    if not rows:
        return
    connection = session.connection()
    columns = _INSERT_COLUMNS[table.name]
    key = (table.name, connection.dialect.name)
    sql = _INSERT_SQL.get(key)
    if sql is None:
        compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
        positional = connection.dialect.positional and list(compiled.positiontup or ()) == list(columns)
        sql = _INSERT_SQL[key] = str(compiled) if positional else ""
    if sql:
        connection.exec_driver_sql(sql, rows)
    else:
        connection.execute(insert(table), [dict(zip(columns, row)) for row in rows])
