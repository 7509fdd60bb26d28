"""Snapshots: named, frozen copies of a matrix, and what changed between two of them.

A snapshot keeps the matrix (hypotheses, rows, ratings, scoring mode) and a
copy of every evidence item it includes, so it can be scored on its own long
after the live case has moved on. Hypotheses and evidence keep their ids, which
is how two snapshots, or a snapshot and the live matrix, are matched up.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NewType

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
    SourceId,
)
from sat_tool.domain.scoring import MatrixScores, score_matrix
from sat_tool.domain.text import translate

SnapshotId = NewType("SnapshotId", int)


@dataclass
class Snapshot:
    """A named copy of a matrix as it stood at ``created`` (ISO 8601, UTC)."""

    id: SnapshotId
    matrix_id: MatrixId
    name: str
    created: str
    case: Case
    """A case holding just the copied evidence items and the copied matrix."""

    @property
    def matrix(self) -> Matrix:
        """The frozen matrix."""
        return self.case.matrices[0]


def take_snapshot(case: Case, matrix: Matrix, name: str, created: str) -> Snapshot:
    """Freeze a matrix with copies of its evidence."""
    included = {r.evidence_id for r in matrix.rows}
    frozen = Case(case.id, case.title,
                  evidence=[copy.deepcopy(e) for e in case.evidence if e.id in included],
                  matrices=[copy.deepcopy(matrix)])
    return Snapshot(SnapshotId(0), matrix.id, name, created, frozen)


def live_view(case: Case, matrix: Matrix) -> Snapshot:
    """The live matrix presented as a snapshot named "Now", for comparisons.

    Unlike :func:`take_snapshot` it copies nothing: it shares the live objects, so it
    is for reading at once (comparing, scoring), never for keeping.
    """
    included = {r.evidence_id for r in matrix.rows}
    view = Case(case.id, case.title, evidence=[e for e in case.evidence if e.id in included],
                matrices=[matrix])
    return Snapshot(SnapshotId(0), matrix.id, translate("Snapshot", "Now"), "", view)


# ------------------------------------------------------------------ comparison


@dataclass(frozen=True)
class CellDifference:
    """A cell whose rating differs between two snapshots (None: unrated or absent)."""

    evidence: str
    hypothesis: str
    before: Rating | None
    after: Rating | None


@dataclass(frozen=True)
class ScoreLine:
    """One hypothesis in a comparison: its scores and rank in each snapshot (None: absent)."""

    hypothesis_id: HypothesisId
    title: str
    before: tuple[int, float, float, int] | None
    after: tuple[int, float, float, int] | None


@dataclass(frozen=True)
class Comparison:
    """What changed from snapshot ``a`` to snapshot ``b``."""

    a: Snapshot
    b: Snapshot
    scores: tuple[ScoreLine, ...]
    cells: tuple[CellDifference, ...]
    added_evidence: tuple[str, ...]
    removed_evidence: tuple[str, ...]

    @property
    def ranking_changed(self) -> bool:
        """True when any hypothesis present in both has another rank."""
        return any(s.before and s.after and s.before[3] != s.after[3] for s in self.scores)


def _score_tuple(scores: MatrixScores, hypothesis_id: HypothesisId) -> tuple[int, float, float, int]:
    s = scores.for_hypothesis(hypothesis_id)
    return (s.inconsistency, s.weighted, s.probability, s.rank)


def compare(a: Snapshot, b: Snapshot) -> Comparison:
    """Scores, ranks and changed cells from ``a`` to ``b`` (ranked in ``b``'s mode)."""
    mode = b.matrix.scoring_mode
    scores_a = score_matrix(a.case, a.matrix, mode)
    scores_b = score_matrix(b.case, b.matrix, mode)
    hyps_a = {h.id: h for h in a.matrix.hypotheses}
    hyps_b = {h.id: h for h in b.matrix.hypotheses}
    order = list(hyps_b) + [h for h in hyps_a if h not in hyps_b]
    lines = tuple(
        ScoreLine(h, (hyps_b.get(h) or hyps_a[h]).title,
                  _score_tuple(scores_a, h) if h in hyps_a else None,
                  _score_tuple(scores_b, h) if h in hyps_b else None)
        for h in order
    )
    rows_a = [r.evidence_id for r in a.matrix.rows]
    rows_b = [r.evidence_id for r in b.matrix.rows]
    label = {e.id: e.label for e in a.case.evidence} | {e.id: e.label for e in b.case.evidence}
    cells = []
    for eid in rows_b + [e for e in rows_a if e not in rows_b]:
        for hid in order:
            before = a.matrix.rating(eid, hid) if eid in rows_a and hid in hyps_a else None
            after = b.matrix.rating(eid, hid) if eid in rows_b and hid in hyps_b else None
            if before != after:
                title = (hyps_b.get(hid) or hyps_a[hid]).title
                cells.append(CellDifference(label[eid], title, before, after))
    return Comparison(
        a, b, lines, tuple(cells),
        tuple(label[e] for e in rows_b if e not in rows_a),
        tuple(label[e] for e in rows_a if e not in rows_b),
    )


# ------------------------------------------------------------------ JSON


def snapshot_data(snapshot: Snapshot, evidence_key: Callable[[int], str] = str,
                  hypothesis_key: Callable[[int], str] = str) -> dict[str, Any]:
    """The JSON structure of a snapshot's content; the key functions name ids as text."""
    mat = snapshot.matrix
    return {
        "scoring_mode": mat.scoring_mode.value,
        "question": mat.question,
        "notes": mat.notes,
        "conclusions": mat.conclusions,
        "milestones": mat.milestones,
        "hypotheses": [{"id": hypothesis_key(h.id), "title": h.title, "description": h.description,
                        "prior": h.prior, "judged": h.judged} for h in mat.hypotheses],
        "evidence": [{"id": evidence_key(e.id), "number": e.number, "text": e.text,
                      "type": e.type.value, "credibility": e.credibility.value,
                      "source": e.source_id, "origin": e.origin}
                     for e in snapshot.case.evidence],
        "rows": [{"evidence": evidence_key(r.evidence_id), "relevance": r.relevance.value}
                 for r in mat.rows],
        "ratings": [{"evidence": evidence_key(e), "hypothesis": hypothesis_key(h),
                     "rating": a.rating.value, "analyst": a.analyst, "rationale": a.rationale,
                     "updated": a.updated, "likelihood": a.likelihood}
                    for (e, h), a in mat.ratings.items()],
    }


def snapshot_from_data(data: dict[str, Any], snapshot_id: int, matrix_id: int, name: str,
                       created: str, evidence_id: Callable[[str], int] = int,
                       hypothesis_id: Callable[[str], int] = int) -> Snapshot:
    """A snapshot from its JSON structure; raises KeyError or ValueError if it is malformed."""
    mat = Matrix(MatrixId(matrix_id), str(data["question"]), str(data.get("notes", "")),
                 str(data.get("conclusions", "")), str(data.get("milestones", "")),
                 ScoringMode(data["scoring_mode"]))
    mat.hypotheses = [Hypothesis(HypothesisId(hypothesis_id(h["id"])), str(h["title"]),
                                 str(h.get("description", "")), _fraction(h.get("prior")),
                                 _fraction(h.get("judged"))) for h in data["hypotheses"]]
    evidence = [Evidence(EvidenceId(evidence_id(e["id"])), int(e["number"]), str(e["text"]),
                         source_id=_source(e.get("source")), type=EvidenceType(e["type"]),
                         credibility=Level(e["credibility"]), origin=str(e.get("origin") or ""))
                for e in data["evidence"]]
    mat.rows = [MatrixRow(EvidenceId(evidence_id(r["evidence"])), Level(r["relevance"]))
                for r in data["rows"]]
    for r in data["ratings"]:
        cell = (EvidenceId(evidence_id(r["evidence"])), HypothesisId(hypothesis_id(r["hypothesis"])))
        mat.ratings[cell] = Assessment(Rating(r["rating"]), str(r.get("analyst", "")),
                                       str(r.get("rationale", "")), str(r.get("updated", "")),
                                       _fraction(r.get("likelihood")))
    return Snapshot(SnapshotId(snapshot_id), MatrixId(matrix_id), name, created,
                    Case(CaseId(0), "", evidence=evidence, matrices=[mat]))


def _source(value: Any) -> SourceId | None:
    """A frozen item's source id (snapshots before schema 4 kept none: its items then count
    as independent lines of evidence)."""
    if value is None:
        return None
    if type(value) is not int:
        raise ValueError(translate("Snapshot", "{value} is not a source id").format(value=repr(value)))
    return SourceId(value)


def _fraction(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    if not 0 <= number <= 1:
        raise ValueError(translate("Snapshot", "{number} is not a probability between 0 and 1")
                         .format(number=number))
    return number
