"""Scores of hypotheses and diagnosticity of evidence, as pure functions.

Formulas (see docs/scoring.md):

* inconsistency of h = Σ_e points(e, h), with I = 1 and II = 2;
* weighted inconsistency of h = Σ_e credibility(e) × relevance(e) × points(e, h),
  High = √2, Medium = 1, Low = 1/√2;
* diagnosticity of e = population standard deviation of its row on the signed
  scale CC=+2 … II=−2, NA and unrated cells skipped.

Hypotheses are ranked by the matrix's scoring mode: least inconsistent first
(count or weighted), or most probable first (see :mod:`.probability`); equal
scores share a rank.

Every mode is additive over cells: a hypothesis's *cost* is the sum of its
cells' costs (points, weighted points, or −log likelihood plus −log prior), and
lower cost ranks higher. Sensitivity analysis works on these costs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sat_tool.domain import probability
from sat_tool.domain.model import (
    Case,
    EvidenceId,
    HypothesisId,
    Level,
    Matrix,
    Rating,
    ScoringMode,
)

TOLERANCE = 1e-9




@dataclass(frozen=True)
class HypothesisScore:
    """The scores of one hypothesis in every mode, with its rank in the chosen mode."""

    hypothesis_id: HypothesisId
    inconsistency: int
    weighted: float
    rank: int
    probability: float = 0.0

    def value(self, mode: ScoringMode) -> float:
        """The score a mode ranks by."""
        if mode is ScoringMode.INCONSISTENCY:
            return float(self.inconsistency)
        if mode is ScoringMode.WEIGHTED:
            return self.weighted
        return self.probability


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


class _Own:
    """Marks "the cell's own rating" in :func:`cell_cost`."""


OWN = _Own()


def cell_cost(case: Case, matrix: Matrix, cell: tuple[EvidenceId, HypothesisId],
              mode: ScoringMode, rating: Rating | None | _Own = OWN) -> float:
    """What one cell adds to its hypothesis's cost in a mode (lower is better).

    ``rating`` asks what the cell would cost with another rating (None: unrated);
    by default the cell's own rating counts.
    """
    override = None
    if isinstance(rating, _Own):
        found = matrix.ratings.get(cell)
        rating = found.rating if found else None
        override = found.likelihood if found else None
    if mode is ScoringMode.PROBABILITY:
        likelihood = probability.rating_likelihood(case, matrix, cell[0], rating, override)
        return -math.log(max(probability.MIN_LIKELIHOOD, likelihood))
    if rating is None:
        return 0.0
    points = float(rating.points)
    if mode is ScoringMode.INCONSISTENCY:
        return points
    item = case.evidence_item(cell[0])
    return row_weight(item.credibility, matrix.row(cell[0]).relevance) * points


def hypothesis_costs(case: Case, matrix: Matrix, mode: ScoringMode) -> dict[HypothesisId, float]:
    """Each hypothesis's total cost in a mode; lower ranks higher."""
    costs = {}
    prior = probability.priors(matrix) if mode is ScoringMode.PROBABILITY else {}
    for hyp in matrix.hypotheses:
        total = sum(cell_cost(case, matrix, (row.evidence_id, hyp.id), mode) for row in matrix.rows)
        if mode is ScoringMode.PROBABILITY:
            total -= math.log(prior[hyp.id]) if prior[hyp.id] > 0 else -math.inf
        costs[hyp.id] = total
    return costs


def rank_costs(costs: dict[HypothesisId, float]) -> dict[HypothesisId, int]:
    """Competition ranks of hypotheses by cost (lowest cost = rank 1)."""
    ids = list(costs)
    return dict(zip(ids, competition_ranks([costs[h] for h in ids])))


def score_matrix(case: Case, matrix: Matrix, mode: ScoringMode | None = None) -> MatrixScores:
    """Score every hypothesis (in all modes) and every evidence row of a matrix.

    Ranks follow ``mode``, by default the matrix's own scoring mode.
    """
    mode = mode or matrix.scoring_mode
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
    posterior = probability.posteriors(case, matrix)
    if mode is ScoringMode.INCONSISTENCY:
        ranks = rank_costs({h: float(v) for h, v in inconsistency.items()})
    elif mode is ScoringMode.WEIGHTED:
        ranks = rank_costs(weighted)
    else:
        ranks = rank_costs({h: -p.probability for h, p in posterior.items()})
    hypothesis_scores = tuple(
        HypothesisScore(h.id, inconsistency[h.id], weighted[h.id], ranks[h.id],
                        posterior[h.id].probability)
        for h in matrix.hypotheses
    )
    return MatrixScores(hypothesis_scores, tuple(evidence_scores))
