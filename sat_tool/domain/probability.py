"""The probabilistic view: from ratings to likelihoods to posterior probabilities.

Each rating maps to a likelihood P(evidence | hypothesis) through
:data:`DEFAULT_LIKELIHOODS`; an analyst may override the likelihood of any
cell. Credibility and relevance pull an item's default likelihoods toward the
uninformative 0.5:  ``p' = 0.5 + k × (p − 0.5)`` with ``k`` the product of the
two :data:`DISCOUNT` factors. Overridden cells are taken as given. Posteriors
follow from the priors (uniform unless the analyst set them) by Bayes' rule
**assuming the evidence items are independent given each hypothesis**, an
assumption that real evidence rarely meets: the view is a guide to the weight
of the evidence, not a forecast.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from sat_tool.domain.model import Case, Cell, EvidenceId, HypothesisId, Level, Matrix, Rating

UNINFORMATIVE = 0.5

DEFAULT_LIKELIHOODS: Mapping[Rating, float] = {
    Rating.CC: 0.9,
    Rating.C: 0.7,
    Rating.N: 0.5,
    Rating.I: 0.3,
    Rating.II: 0.1,
    Rating.NA: 0.5,
}
"""P(evidence | hypothesis) for each rating; NA and N carry no information."""

DISCOUNT: Mapping[Level, float] = {Level.HIGH: 1.0, Level.MEDIUM: 0.8, Level.LOW: 0.5}
"""How much of a rating's information survives a credibility or relevance level."""

INDEPENDENCE_CAVEAT = (
    "Posteriors assume the evidence items are independent given each hypothesis. "
    "Items that share a source, or report the same event, are counted more than once; "
    "read the numbers as the weight of the evidence, not as forecasts."
)

MIN_LIKELIHOOD = 1e-6


def discounted(likelihood: float, credibility: Level, relevance: Level) -> float:
    """A default likelihood pulled toward 0.5 by less-than-high credibility and relevance."""
    k = DISCOUNT[credibility] * DISCOUNT[relevance]
    return UNINFORMATIVE + k * (likelihood - UNINFORMATIVE)


def rating_likelihood(case: Case, matrix: Matrix, evidence_id: EvidenceId,
                      rating: Rating | None, override: float | None = None) -> float:
    """The likelihood a rating of an evidence row stands for: the override if there is one,
    else the rating's default discounted by the row's credibility and relevance (0.5 unrated)."""
    if rating is None:
        return UNINFORMATIVE
    if override is not None:
        return override
    return discounted(DEFAULT_LIKELIHOODS[rating], case.evidence_item(evidence_id).credibility,
                      matrix.row(evidence_id).relevance)


def cell_likelihood(case: Case, matrix: Matrix, cell: Cell) -> float:
    """The likelihood a cell contributes with its own rating (0.5 when unrated)."""
    found = matrix.ratings.get(cell)
    return rating_likelihood(case, matrix, cell[0], found.rating if found else None,
                             found.likelihood if found else None)


def priors(matrix: Matrix) -> dict[HypothesisId, float]:
    """The priors, normalised to sum to 1; uniform when none is set.

    Hypotheses without a prior share what the set priors leave, equally.
    """
    ids = [h.id for h in matrix.hypotheses]
    if not ids:
        return {}
    given = {h.id: h.prior for h in matrix.hypotheses if h.prior is not None}
    if not given:
        return {h: 1 / len(ids) for h in ids}
    rest = max(0.0, 1 - sum(given.values()))
    missing = [h for h in ids if h not in given]
    values = {h: given.get(h, rest / len(missing) if missing else 0.0) for h in ids}
    total = sum(values.values())
    if total <= 0:
        return {h: 1 / len(ids) for h in ids}
    return {h: v / total for h, v in values.items()}


@dataclass(frozen=True)
class Posterior:
    """One hypothesis in the probabilistic view."""

    hypothesis_id: HypothesisId
    prior: float
    log_likelihood: float
    probability: float


def posteriors(case: Case, matrix: Matrix) -> dict[HypothesisId, Posterior]:
    """Posterior probability of each hypothesis under the independence assumption."""
    prior = priors(matrix)
    logs = {}
    for hyp in matrix.hypotheses:
        total = 0.0
        for row in matrix.rows:
            total += math.log(max(MIN_LIKELIHOOD, cell_likelihood(case, matrix, (row.evidence_id, hyp.id))))
        logs[hyp.id] = total
    probabilities = normalised(prior, logs)
    return {h: Posterior(h, prior[h], logs[h], probabilities[h]) for h in logs}


def normalised(prior: Mapping[HypothesisId, float], logs: Mapping[HypothesisId, float]
               ) -> dict[HypothesisId, float]:
    """Posterior probabilities from the priors and each hypothesis's summed log-likelihood."""
    weights = {h: math.log(max(prior[h], 1e-300)) + logs[h] if prior[h] > 0 else -math.inf
               for h in logs}
    top = max(weights.values(), default=0.0)
    exp = {h: (math.exp(w - top) if w != -math.inf else 0.0) for h, w in weights.items()}
    norm = sum(exp.values()) or 1.0
    return {h: exp[h] / norm for h in logs}
