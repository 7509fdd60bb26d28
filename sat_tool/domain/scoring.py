"""Scores of hypotheses and diagnosticity of evidence, as pure functions.

Formulas (see docs/scoring.md):

* inconsistency of h = Σ_e points(e, h), with I = 1 and II = 2;
* weighted inconsistency of h = Σ_e credibility(e) × relevance(e) × points(e, h),
  High = √2, Medium = 1, Low = 1/√2;
* diagnosticity of e = population standard deviation of its row on the signed
  scale CC=+2 … II=−2, NA and unrated cells skipped.

Hypotheses are ranked least inconsistent first; equal scores share a rank.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sat_tool.domain.model import Case, EvidenceId, HypothesisId, Level, Matrix, Rating

TOLERANCE = 1e-9


class RankBy(enum.Enum):
    """Which score orders the hypotheses."""

    WEIGHTED = "weighted"
    INCONSISTENCY = "inconsistency"


@dataclass(frozen=True)
class HypothesisScore:
    """The scores of one hypothesis, with its rank (1 = least inconsistent)."""

    hypothesis_id: HypothesisId
    inconsistency: int
    weighted: float
    rank: int


@dataclass(frozen=True)
class EvidenceScore:
    """How well one evidence row discriminates between the hypotheses."""

    evidence_id: EvidenceId
    diagnosticity: float | None
    inconsistent_with_all: bool

    @property
    def diagnostic(self) -> bool:
        """True when the row separates at least two hypotheses."""
        return self.diagnosticity is not None and self.diagnosticity > TOLERANCE


@dataclass(frozen=True)
class MatrixScores:
    """Every score of a matrix, in column and row order."""

    hypotheses: tuple[HypothesisScore, ...]
    evidence: tuple[EvidenceScore, ...]

    def for_hypothesis(self, hypothesis_id: HypothesisId) -> HypothesisScore:
        """The scores of one hypothesis."""
        for score in self.hypotheses:
            if score.hypothesis_id == hypothesis_id:
                return score
        raise KeyError(hypothesis_id)

    def for_evidence(self, evidence_id: EvidenceId) -> EvidenceScore:
        """The diagnosticity of one evidence row."""
        for score in self.evidence:
            if score.evidence_id == evidence_id:
                return score
        raise KeyError(evidence_id)

    def ranking(self) -> list[HypothesisScore]:
        """Hypotheses least inconsistent first; ties keep column order."""
        return sorted(self.hypotheses, key=lambda s: s.rank)


def row_weight(credibility: Level, relevance: Level) -> float:
    """The weight of an evidence row: credibility weight × relevance weight."""
    return credibility.weight * relevance.weight


def diagnosticity(ratings: Iterable[Rating | None]) -> float | None:
    """Population standard deviation of a row on the signed scale.

    NA and unrated cells are skipped; None when fewer than two cells remain,
    since one rating alone cannot discriminate.
    """
    values = [r.signed for r in ratings if r is not None and r.signed is not None]
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def inconsistent_with_all(ratings: Sequence[Rating | None]) -> bool:
    """True when every cell of the row is rated I or II: a missing hypothesis?"""
    return bool(ratings) and all(r is not None and r.points > 0 for r in ratings)


def competition_ranks(values: Sequence[float]) -> list[int]:
    """Standard competition ranks, lowest value first: (3, 1, 3) → (2, 1, 2)."""
    return [1 + sum(1 for other in values if other < value - TOLERANCE) for value in values]


def score_matrix(case: Case, matrix: Matrix, rank_by: RankBy = RankBy.WEIGHTED) -> MatrixScores:
    """Score every hypothesis and evidence row of a matrix."""
    inconsistency = {h.id: 0 for h in matrix.hypotheses}
    weighted = {h.id: 0.0 for h in matrix.hypotheses}
    evidence_scores = []
    for row in matrix.rows:
        item = case.evidence_item(row.evidence_id)
        weight = row_weight(item.credibility, row.relevance)
        cells = [matrix.rating(row.evidence_id, h.id) for h in matrix.hypotheses]
        for hyp, rating in zip(matrix.hypotheses, cells):
            if rating is not None:
                inconsistency[hyp.id] += rating.points
                weighted[hyp.id] += weight * rating.points
        evidence_scores.append(
            EvidenceScore(row.evidence_id, diagnosticity(cells), inconsistent_with_all(cells))
        )
    ids = [h.id for h in matrix.hypotheses]
    key = weighted if rank_by is RankBy.WEIGHTED else inconsistency
    ranks = competition_ranks([float(key[h]) for h in ids])
    hypothesis_scores = tuple(
        HypothesisScore(h, inconsistency[h], weighted[h], rank) for h, rank in zip(ids, ranks)
    )
    return MatrixScores(hypothesis_scores, tuple(evidence_scores))
