"""The probabilistic view: from ratings to likelihoods to posterior probabilities.

Each rating maps to a likelihood P(evidence | hypothesis) through
:data:`DEFAULT_LIKELIHOODS`; an analyst may override the likelihood of any
cell. Credibility and relevance pull an item's default likelihoods toward the
uninformative 0.5:  ``p' = 0.5 + k × (p − 0.5)`` with ``k`` the product of the
two :data:`DISCOUNT` factors. Overridden cells are taken as given.

Items are not independent when they come from one place, so the rows of a
matrix are grouped into **lines of evidence**: the items of one origin (when
the analyst names one), else of one source; an item with neither stands alone.
A line counts as one item: its log-likelihood for a hypothesis is the *mean* of
its rows' log-likelihoods (so each of its n rows carries a share 1/n).
Posteriors follow from the priors (uniform unless the analyst set them) by
Bayes' rule, **assuming the lines are independent given each hypothesis**. The
view is a guide to the weight of the evidence, not a forecast.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from sat_tool.domain.model import (
    Assessment,
    Case,
    Cell,
    Evidence,
    EvidenceId,
    HypothesisId,
    Level,
    Matrix,
    MatrixRow,
    Rating,
)
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate

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

INDEPENDENCE_CAVEAT = QT_TRANSLATE_NOOP(
    "Probability",
    "Items of one source (or of one origin the analyst names) count together as one line of "
    "evidence; the lines are assumed independent given each hypothesis. Read the numbers as the "
    "weight of the evidence, not as forecasts."
)
"""The caveat in English; :func:`independence_caveat` gives it in the user's language."""


def independence_caveat() -> str:
    """:data:`INDEPENDENCE_CAVEAT` in the user's language, for a person to read."""
    return translate("Probability", INDEPENDENCE_CAVEAT)

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


def log_of(likelihood: float) -> float:
    """A likelihood's natural logarithm, floored at :data:`MIN_LIKELIHOOD`."""
    return math.log(max(MIN_LIKELIHOOD, likelihood))


UNRATED_LOG = log_of(UNINFORMATIVE)


def cell_log(found: Assessment | None, logs: Mapping[Rating, float]) -> float:
    """What a cell adds to its hypothesis's log-likelihood, given its row's ``logs`` (see
    :func:`row_logs`): its likelihood override if it has one, else its rating's (0.5 unrated).

    The same figure as the log of :func:`cell_likelihood`, without looking the row up again.
    """
    if found is None:
        return UNRATED_LOG
    return logs[found.rating] if found.likelihood is None else log_of(found.likelihood)


def row_logs(credibility: Level, relevance: Level) -> Mapping[Rating, float]:
    """The log-likelihood of each rating in a row of this credibility and relevance."""
    key = (credibility, relevance)
    logs = _ROW_LOGS.get(key)
    if logs is None:
        logs = _ROW_LOGS[key] = {
            r: log_of(discounted(DEFAULT_LIKELIHOODS[r], credibility, relevance)) for r in Rating}
    return logs


_ROW_LOGS: dict[tuple[Level, Level], dict[Rating, float]] = {}


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


def line_key(item: Evidence) -> Hashable:
    """Which line of evidence an item belongs to: its origin (compared without regard to case
    or surrounding spaces), else its source, else the item alone."""
    origin = " ".join(item.origin.split()).casefold()
    if origin:
        return ("origin", origin)
    if item.source_id is not None:
        return ("source", item.source_id)
    return ("item", item.id)


def evidence_lines(case: Case, matrix: Matrix) -> dict[Hashable, list[MatrixRow]]:
    """The matrix's rows grouped into lines of evidence, each line in row order, the lines in
    the order of their first row. An origin spelt as the title of one of the case's sources
    is that source's line."""
    titles = {" ".join(src.title.split()).casefold(): ("source", src.id)
              for src in case.sources if src.title.strip()}
    lines: dict[Hashable, list[MatrixRow]] = {}
    for row in matrix.rows:
        key = line_key(case.evidence_item(row.evidence_id))
        if key[0] == "origin":  # type: ignore[index]
            key = titles.get(key[1], key)  # type: ignore[index]  # an origin that is a source
        lines.setdefault(key, []).append(row)
    return lines


def row_shares(case: Case, matrix: Matrix, independent: bool = False) -> dict[EvidenceId, float]:
    """What each row's log-likelihood counts for: 1/n for a row of a line of n rows (1 for
    every row when ``independent``)."""
    if independent:
        return dict.fromkeys((row.evidence_id for row in matrix.rows), 1.0)
    return row_lines(case, matrix)[1]


def row_lines(case: Case, matrix: Matrix
              ) -> tuple[dict[EvidenceId, Hashable], dict[EvidenceId, float]]:
    """Each row's line of evidence and its share of it (1/n in a line of n rows), in one pass."""
    lines: dict[EvidenceId, Hashable] = {}
    shares: dict[EvidenceId, float] = {}
    for key, rows in evidence_lines(case, matrix).items():
        share = 1.0 / len(rows)
        for row in rows:
            lines[row.evidence_id] = key
            shares[row.evidence_id] = share
    return lines, shares


def line_name(case: Case, key: Hashable, member: Evidence | None = None) -> str:
    """A line of evidence in words: its origin, its source's title, or the item's label.

    ``member``, an item of the line, spares a search for the origin's spelling."""
    kind, value = key  # type: ignore[misc]
    if kind == "origin":
        for item in ([member] if member is not None else case.evidence):
            if line_key(item) == key:
                return " ".join(item.origin.split())
        return str(value)
    if kind == "source":
        try:
            return case.source(value).title or translate("Probability", "Source {id}").format(id=value)
        except KeyError:
            return translate("Probability", "Source {id}").format(id=value)
    try:
        return translate("Probability", "{item} (no source)").format(
            item=case.evidence_item(value).label)
    except KeyError:
        return translate("Probability", "An item with no source")


def log_likelihoods(case: Case, matrix: Matrix, independent: bool = False
                    ) -> dict[HypothesisId, float]:
    """Each hypothesis's log-likelihood: the sum over lines of each line's mean (the plain sum
    over rows when ``independent``)."""
    shares = row_shares(case, matrix, independent)
    hypotheses = [h.id for h in matrix.hypotheses]
    ratings = matrix.ratings
    logs = dict.fromkeys(hypotheses, 0.0)
    for row in matrix.rows:
        evidence_id = row.evidence_id
        row_log = row_logs(case.evidence_item(evidence_id).credibility, row.relevance)
        share = shares[evidence_id]
        for h in hypotheses:
            logs[h] += share * cell_log(ratings.get((evidence_id, h)), row_log)
    return logs


def posteriors(case: Case, matrix: Matrix, independent: bool = False
               ) -> dict[HypothesisId, Posterior]:
    """Posterior probability of each hypothesis, lines of evidence independent (every item
    independent when ``independent``)."""
    prior = priors(matrix)
    logs = log_likelihoods(case, matrix, independent=independent)
    probabilities = normalised(prior, logs)
    return {h: Posterior(h, prior[h], logs[h], probabilities[h]) for h in logs}


@dataclass(frozen=True)
class Line:
    """One line of evidence of a matrix and what it does to the posteriors.

    ``against`` is the evidence the line gives against each hypothesis, in bits
    (−log2 of its mean likelihood over 0.5: positive counts against, negative
    supports); ``without`` the posteriors with the whole line left out.
    """

    key: Hashable
    name: str
    evidence: tuple[EvidenceId, ...]
    against: dict[HypothesisId, float]
    without: dict[HypothesisId, float]

    @property
    def lone(self) -> bool:
        """An item with no source and no origin: a line of its own, named after the item."""
        return self.key[0] == "item"  # type: ignore[index]


@dataclass(frozen=True)
class LineReport:
    """The lines of evidence of a matrix: each one's pull, and the most influential of them.

    ``leader`` leads the source-aware posteriors (the first of them when tied);
    ``most_influential`` is the line whose removal moves the leader's posterior
    most (None without lines); ``independent`` the posteriors as if every item
    were independent, for comparison.
    """

    posteriors: dict[HypothesisId, float]
    independent: dict[HypothesisId, float]
    lines: tuple[Line, ...]
    leader: HypothesisId | None

    @property
    def most_influential(self) -> Line | None:
        if self.leader is None or not self.lines:
            return None
        now = self.posteriors[self.leader]
        return max(self.lines, key=lambda line: abs(line.without[self.leader] - now))

    def shift(self, line: Line) -> float:
        """How far leaving ``line`` out moves the leader's posterior (negative: down)."""
        if self.leader is None:
            return 0.0
        return line.without[self.leader] - self.posteriors[self.leader]

    @property
    def leaders(self) -> tuple[HypothesisId, ...]:
        """The hypotheses level at the top of the posteriors (one, unless they tie)."""
        if self.leader is None:
            return ()
        top = self.posteriors[self.leader]
        return tuple(h for h, p in self.posteriors.items() if abs(p - top) <= LEVEL)

    def sentence(self, labels: Mapping[HypothesisId, str]) -> str:
        """What leaving the most influential line out does, in words (empty without lines)."""
        line = self.most_influential
        if line is None or self.leader is None:
            return ""
        lead = labels[self.leader]
        now, then = self.posteriors[self.leader], line.without[self.leader]
        level = self.leaders
        if abs(then - now) < 0.005:
            if len(level) > 1:
                return translate("LineReport", "{names} are level at {now}, and no line of "
                                 "evidence moves them by as much as one point.").format(
                    names=_joined([labels[h] for h in level]), now=f"{now:.0%}")
            return translate("LineReport", "No line of evidence moves {lead} ({now}) by as much "
                             "as one point.").format(lead=lead, now=f"{now:.0%}")
        after = self.leader_without(line)
        one = len(line.evidence) == 1
        if line.lone:
            text = (translate("LineReport", "The most influential line of evidence is {line}: "
                              "leaving it out moves {lead} from {now} to {then}, and {after} then "
                              "leads.") if after is not None and after != self.leader else
                    translate("LineReport", "The most influential line of evidence is {line}: "
                              "leaving it out moves {lead} from {now} to {then}."))
        elif after is not None and after != self.leader:
            text = (translate("LineReport", "The most influential line of evidence is {line} "
                              "({count} item): leaving it out moves {lead} from {now} to {then}, "
                              "and {after} then leads.") if one else
                    translate("LineReport", "The most influential line of evidence is {line} "
                              "({count} items): leaving it out moves {lead} from {now} to {then}, "
                              "and {after} then leads."))
        else:
            text = (translate("LineReport", "The most influential line of evidence is {line} "
                              "({count} item): leaving it out moves {lead} from {now} to {then}.")
                    if one else
                    translate("LineReport", "The most influential line of evidence is {line} "
                              "({count} items): leaving it out moves {lead} from {now} to {then}."))
        return text.format(line=line.name, count=len(line.evidence), lead=lead, now=f"{now:.0%}",
                           then=f"{then:.0%}", after=labels[after] if after is not None else "")

    def leader_without(self, line: Line) -> HypothesisId | None:
        """Who leads once ``line`` is left out (the first of the tied, in column order)."""
        if not line.without:
            return None
        return max(line.without, key=lambda h: line.without[h])


LEVEL = 1e-9
"""Posteriors closer than this are level."""


def _joined(names: list[str]) -> str:
    """Names as a list in words: "H1", "H1 and H2", "H1, H2 and H3"."""
    if len(names) == 1:
        return names[0]
    return translate("LineReport", "{names} and {last}").format(names=", ".join(names[:-1]),
                                                                last=names[-1])


def likelihood_text(value: float) -> str:
    """A likelihood as a percentage with the precision it needs: 15%, 12.5%, 0.4%."""
    percent = value * 100
    if percent >= 10 and abs(percent - round(percent)) < 0.05:
        return f"{percent:.0f}%"
    return f"{percent:.1f}%" if percent >= 0.1 else f"{percent:.2g}%"


def shift_text(shift: float) -> str:
    """A move of a posterior in percentage points, signed: +12%, −3%, ±0%."""
    if abs(shift) < 0.005:
        return "±0%"
    return f"{'+' if shift > 0 else '−'}{abs(shift):.0%}"


def line_report(case: Case, matrix: Matrix) -> LineReport:
    """Every line of evidence of a matrix, its pull on each hypothesis, and the posteriors
    without it.

    Leaving a whole line out leaves the other lines' shares as they are, so each
    line's mean is worked out once and the posteriors without it follow from the
    total less that mean: one pass over the cells.
    """
    prior = priors(matrix)
    hypotheses = [h.id for h in matrix.hypotheses]
    grouped = evidence_lines(case, matrix)
    means: dict[Hashable, dict[HypothesisId, float]] = {}
    plain = dict.fromkeys(hypotheses, 0.0)
    ratings = matrix.ratings
    for key, rows in grouped.items():
        mean = dict.fromkeys(hypotheses, 0.0)
        count = len(rows)
        for row in rows:
            evidence_id = row.evidence_id
            row_log = row_logs(case.evidence_item(evidence_id).credibility, row.relevance)
            for h in hypotheses:
                log = cell_log(ratings.get((evidence_id, h)), row_log)
                mean[h] += log / count
                plain[h] += log
        means[key] = mean
    total = {h: math.fsum(mean[h] for mean in means.values()) for h in hypotheses}
    now = normalised(prior, total)
    lines = []
    unrated, bit = math.log(UNINFORMATIVE), math.log(2)
    log_prior = {h: _log_prior(prior[h]) for h in hypotheses}
    for key, rows in grouped.items():
        mean = means[key]
        without = _normalised(log_prior, {h: total[h] - mean[h] for h in hypotheses})
        against = {h: -(mean[h] - unrated) / bit for h in hypotheses}
        member = case.evidence_item(rows[0].evidence_id)
        lines.append(Line(key, line_name(case, key, member), tuple(r.evidence_id for r in rows),
                          against, without))
    leader = max(now, key=lambda h: now[h]) if now else None
    if leader is not None:  # the lines that move the leader most first
        lines.sort(key=lambda line: -abs(line.without[leader] - now[leader]))
    return LineReport(now, normalised(prior, plain), tuple(lines), leader)


def normalised(prior: Mapping[HypothesisId, float], logs: Mapping[HypothesisId, float]
               ) -> dict[HypothesisId, float]:
    """Posterior probabilities from the priors and each hypothesis's summed log-likelihood."""
    return _normalised({h: _log_prior(prior[h]) for h in logs}, logs)


def _normalised(log_prior: Mapping[HypothesisId, float], logs: Mapping[HypothesisId, float]
                ) -> dict[HypothesisId, float]:
    """:func:`normalised` from the priors' logarithms."""
    weights = [log_prior[h] + logs[h] for h in logs]
    top = max(weights, default=0.0)
    exp = [math.exp(w - top) if w != -math.inf else 0.0 for w in weights]
    norm = sum(exp) or 1.0
    return {h: e / norm for h, e in zip(logs, exp)}


def _log_prior(prior: float) -> float:
    """A prior's logarithm (−∞ for a prior of 0)."""
    return math.log(max(prior, 1e-300)) if prior > 0 else -math.inf
