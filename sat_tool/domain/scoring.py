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
cells' costs (points, weighted points, or −log likelihood times the row's share
of its line of evidence, plus −log prior), and lower cost ranks higher.
Sensitivity analysis works on these costs.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sat_tool.domain import probability
from sat_tool.domain.probability import cell_log, row_logs
from sat_tool.domain.model import (
    Assessment,
    Case,
    Cell,
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
        """The diagnosticity of one evidence row (a lookup of the row's position)."""
        positions = self.__dict__.get("_positions")
        if positions is None:
            positions = {score.evidence_id: n for n, score in enumerate(self.evidence)}
            object.__setattr__(self, "_positions", positions)
        return self.evidence[positions[evidence_id]]

    @property
    def unrated(self) -> int | None:
        """How many cells of the matrix were unrated when it was scored (None: not counted)."""
        counts = self.__dict__.get("_unrated")
        return None if counts is None else sum(counts.values())

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
    values = [v for v in map(_SIGNED.get, ratings) if v is not None]
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def inconsistent_with_all(ratings: Sequence[Rating | None]) -> bool:
    """True when every cell of the row is rated I or II: a missing hypothesis?"""
    return bool(ratings) and all(r is not None and _POINTS[r] > 0 for r in ratings)


def competition_ranks(values: Sequence[float]) -> list[int]:
    """Standard competition ranks, lowest value first: (3, 1, 3) → (2, 1, 2).

    A value's rank is one more than the number of values lower than it by more
    than :data:`TOLERANCE`.
    """
    ordered = sorted(values)
    return [1 + bisect.bisect_left(ordered, value - TOLERANCE) for value in values]


class _Own:
    """Marks "the cell's own rating" in :func:`cell_cost`."""


OWN = _Own()


def cell_cost(case: Case, matrix: Matrix, cell: tuple[EvidenceId, HypothesisId],
              mode: ScoringMode, rating: Rating | None | _Own = OWN,
              share: float = 1.0) -> float:
    """What one cell adds to its hypothesis's cost in a mode (lower is better).

    ``rating`` asks what the cell would cost with another rating (None: unrated);
    by default the cell's own rating counts. In the probability mode the cost is
    scaled by the row's ``share`` of its line of evidence (see
    :func:`probability.row_lines`; 1 for a row that is a line by itself).
    """
    override = None
    if isinstance(rating, _Own):
        found = matrix.ratings.get(cell)
        rating = found.rating if found else None
        override = found.likelihood if found else None
    if mode is ScoringMode.PROBABILITY:
        likelihood = probability.rating_likelihood(case, matrix, cell[0], rating, override)
        return -share * math.log(max(probability.MIN_LIKELIHOOD, likelihood))
    if rating is None:
        return 0.0
    points = float(rating.points)
    if mode is ScoringMode.INCONSISTENCY:
        return points
    item = case.evidence_item(cell[0])
    return row_weight(item.credibility, matrix.row(cell[0]).relevance) * points


class CostTable:
    """Every cell's cost in one mode, looked up rather than recomputed.

    Each row's cost of each rating is worked out once (it depends only on the
    rating, the row's credibility and relevance, and the mode), so sensitivity
    analysis over thousands of rows costs a dictionary lookup per cell. The
    values are the very floats :func:`cell_cost` gives.
    """

    def __init__(self, case: Case, matrix: Matrix, mode: ScoringMode) -> None:
        self.case, self.matrix, self.mode = case, matrix, mode
        options: list[Rating | None] = [None, *Rating]
        probabilistic = mode is ScoringMode.PROBABILITY
        lines, shares = probability.row_lines(case, matrix) if probabilistic else ({}, {})
        self.lines: dict[EvidenceId, object] = lines
        """Each row's line of evidence (probability mode only)."""
        self.shares: dict[EvidenceId, float] = shares
        """Each row's share of its line of evidence (probability mode only)."""
        self._rows = {
            row.evidence_id: {r: cell_cost(case, matrix, (row.evidence_id, HypothesisId(0)), mode, r,
                                           self.shares.get(row.evidence_id, 1.0))
                              for r in options}
            for row in matrix.rows
        }
        self._own_rows: dict[EvidenceId, list[float]] = {}

    def own(self, cell: Cell) -> float:
        """What a cell costs with its own rating (and likelihood override)."""
        found = self.matrix.ratings.get(cell)
        if found is not None and found.likelihood is not None and self.mode is ScoringMode.PROBABILITY:
            return -self.shares[cell[0]] * math.log(max(probability.MIN_LIKELIHOOD, found.likelihood))
        return self._rows[cell[0]][found.rating if found else None]

    def of(self, evidence_id: EvidenceId, rating: Rating | None) -> float:
        """What a cell of a row would cost rated ``rating`` (None: unrated)."""
        return self._rows[evidence_id][rating]

    def row_costs(self, evidence_id: EvidenceId) -> list[float]:
        """What each cell of a row costs with its own rating, in column order (kept once asked)."""
        found = self._own_rows.get(evidence_id)
        if found is None:
            found = self._own_rows[evidence_id] = [
                self.own((evidence_id, h.id)) for h in self.matrix.hypotheses]
        return found


def hypothesis_costs(case: Case, matrix: Matrix, mode: ScoringMode,
                     table: CostTable | None = None) -> dict[HypothesisId, float]:
    """Each hypothesis's total cost in a mode; lower ranks higher."""
    table = table or CostTable(case, matrix, mode)
    costs = {}
    prior = probability.priors(matrix) if mode is ScoringMode.PROBABILITY else {}
    totals = [0.0] * len(matrix.hypotheses)
    for row in matrix.rows:  # each column summed in row order, as a sum over the column would
        for j, cost in enumerate(table.row_costs(row.evidence_id)):
            totals[j] += cost
    for hyp, total in zip(matrix.hypotheses, totals):
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
    sums = _Sums(case, matrix)
    probabilities = probability.normalised(probability.priors(matrix), sums.log_likelihood)
    scores = _assemble(matrix, mode or matrix.scoring_mode, sums.inconsistency, sums.weighted,
                       probabilities, tuple(sums.evidence))
    object.__setattr__(scores, "_unrated", sums.unrated)
    return scores


class _Sums:
    """One pass over a matrix: each column's sums in every mode, each row's diagnosticity.

    Each row's weight, log-likelihoods and share of its line of evidence are worked
    out once for the row, not per cell; the sums are added in row order, as
    :func:`probability.posteriors` does.
    """

    def __init__(self, case: Case, matrix: Matrix) -> None:
        hypotheses = [h.id for h in matrix.hypotheses]
        self.inconsistency = dict.fromkeys(hypotheses, 0)
        self.weighted = dict.fromkeys(hypotheses, 0.0)
        self.log_likelihood = dict.fromkeys(hypotheses, 0.0)
        self.unrated = dict.fromkeys(hypotheses, 0)
        self.evidence: list[EvidenceScore] = []
        self.weights: dict[EvidenceId, float] = {}
        """Each row's weight, credibility × relevance."""
        self.logs: dict[EvidenceId, dict[Rating, float]] = {}
        """Each row's log-likelihood of each rating (see :func:`cell_log`)."""
        self.shares = probability.row_shares(case, matrix)
        """Each row's share of its line of evidence."""
        ratings = matrix.ratings
        for row in matrix.rows:
            evidence_id = row.evidence_id
            item = case.evidence_item(evidence_id)
            weight = self.weights[evidence_id] = row_weight(item.credibility, row.relevance)
            logs = self.logs[evidence_id] = row_logs(item.credibility, row.relevance)
            share = self.shares[evidence_id]
            cells: list[Rating | None] = []
            for hyp in hypotheses:
                found = ratings.get((evidence_id, hyp))
                self.log_likelihood[hyp] += share * cell_log(found, logs)
                if found is None:
                    cells.append(None)
                    self.unrated[hyp] += 1
                    continue
                rating = found.rating
                cells.append(rating)
                points = _POINTS[rating]
                if points:
                    self.inconsistency[hyp] += points
                    self.weighted[hyp] += weight * points
            self.evidence.append(
                EvidenceScore(evidence_id, diagnosticity(cells), inconsistent_with_all(cells)))


_POINTS = {r: r.points for r in Rating}
_SIGNED = {r: r.signed for r in Rating}
"""Each rating's place on the signed scale (NA and unrated: None)."""




def _assemble(matrix: Matrix, mode: ScoringMode, inconsistency: dict[HypothesisId, int],
              weighted: dict[HypothesisId, float], probabilities: dict[HypothesisId, float],
              evidence_scores: tuple[EvidenceScore, ...]) -> MatrixScores:
    """The scores of a matrix from its column sums, ranked in a mode."""
    if mode is ScoringMode.INCONSISTENCY:
        ranks = rank_costs({h: float(v) for h, v in inconsistency.items()})
    elif mode is ScoringMode.WEIGHTED:
        ranks = rank_costs(weighted)
    else:
        ranks = rank_costs({h: -p for h, p in probabilities.items()})
    hypothesis_scores = tuple(
        HypothesisScore(h.id, inconsistency[h.id], weighted[h.id], ranks[h.id], probabilities[h.id])
        for h in matrix.hypotheses
    )
    return MatrixScores(hypothesis_scores, evidence_scores)


class ScoreBook:
    """The scores of one matrix, kept current cell by cell.

    Built once from the whole matrix (the same sums as :func:`score_matrix`);
    after that, re-rating cells adjusts only the sums of their columns and the
    diagnosticity of their rows (:meth:`rated`), so a keystroke costs the same
    on a matrix of 20 rows as on one of 10,000. Anything else that can move a
    score (rows, hypotheses, credibility, relevance, priors, the scoring mode)
    calls for a new book.
    """

    def __init__(self, case: Case, matrix: Matrix) -> None:
        self.mode = matrix.scoring_mode
        self._hypotheses = [h.id for h in matrix.hypotheses]
        self._prior = probability.priors(matrix)
        sums = _Sums(case, matrix)
        self.inconsistency = sums.inconsistency
        self.weighted = sums.weighted
        self.log_likelihood = sums.log_likelihood
        self.unrated = sums.unrated
        """How many cells of each hypothesis's column are unrated."""
        self._evidence = sums.evidence
        self._row_of = {score.evidence_id: n for n, score in enumerate(self._evidence)}
        self._weights = sums.weights
        self._logs = sums.logs
        self._shares = sums.shares
        self._seen = dict(matrix.ratings)
        """What each rated cell held when the book last looked (the objects, not copies)."""
        self._scores: MatrixScores | None = None

    def _add(self, evidence_id: EvidenceId, hypothesis_id: HypothesisId,
             found: Assessment | None, sign: int) -> None:
        if found is not None:
            points = found.rating.points
            self.inconsistency[hypothesis_id] += sign * points
            self.weighted[hypothesis_id] += sign * self._weights[evidence_id] * points
        self.log_likelihood[hypothesis_id] += (
            sign * self._shares[evidence_id] * cell_log(found, self._logs[evidence_id]))

    def update(self, matrix: Matrix, cells: Iterable[Cell]) -> None:
        """These cells were rated, re-rated or cleared: adjust their columns and rows.

        The book remembers what each cell held when it last looked, so the old
        rating's share is taken out and the new one's put in. KeyError for a cell
        outside the matrix the book was built on.
        """
        rows = set()
        for cell in cells:
            evidence_id, hypothesis_id = cell
            if evidence_id not in self._row_of or hypothesis_id not in self.inconsistency:
                raise KeyError(cell)
            now = matrix.ratings.get(cell)
            old = self._seen.get(cell)
            if now is old:
                continue
            self._add(evidence_id, hypothesis_id, old, -1)
            self._add(evidence_id, hypothesis_id, now, 1)
            self.unrated[hypothesis_id] += (now is None) - (old is None)
            if now is None:
                del self._seen[cell]
            else:
                self._seen[cell] = now
            rows.add(evidence_id)
        for evidence_id in rows:
            ratings = [matrix.rating(evidence_id, h) for h in self._hypotheses]
            self._evidence[self._row_of[evidence_id]] = EvidenceScore(
                evidence_id, diagnosticity(ratings), inconsistent_with_all(ratings))
        if rows:
            self._scores = None

    def scores(self, matrix: Matrix) -> MatrixScores:
        """The matrix's scores now, ranked in its scoring mode."""
        if self._scores is None:
            probabilities = probability.normalised(self._prior, self.log_likelihood)
            self._scores = _assemble(matrix, self.mode, self.inconsistency, self.weighted,
                                     probabilities, tuple(self._evidence))
            object.__setattr__(self._scores, "_positions", self._row_of)  # rows stay put in a book
            object.__setattr__(self._scores, "_unrated", dict(self.unrated))
        return self._scores
