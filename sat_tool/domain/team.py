"""A team's ratings of one matrix: consensus, disagreement, team scores and group probabilities.

Every analyst rates the same cells; ``TeamRatings`` maps an analyst's id to that
analyst's ratings of a matrix. The rules (docs/team.md states them for analysts):

- **Consensus of a cell**: NA when most of the analysts who rated the cell (more than
  half) say NA; otherwise the mean of the other ratings on the signed scale
  (CC +2, C +1, N 0, I −1, II −2), rounded to the nearest step, a mean exactly
  halfway between two steps going to the step nearer Neutral. Unrated by all: unrated.
- **Spread of a cell**: the population standard deviation of its ratings on the
  signed scale, NA skipped (as diagnosticity skips it). For two analysts it is half
  the number of steps between them.
- **Disagreement**: consensus below 0.5, mild from 0.5, large from 1.0, extreme from
  1.5; so for two analysts one step apart is mild (C against CC), two steps large
  (C against I: opposite sides of Neutral), three or more extreme. A cell that some
  analysts call NA and others rate is at least mild.
- **Team scores**: per hypothesis, the mean of the analysts' own scores (inconsistency,
  weighted, probability), never their sum, so a team of five reads on the same scale
  as one analyst.
- **Group probabilities**: each analyst's judgments are checked to sum to 100 %,
  normalised when they do not, then averaged (the arithmetic mean of the normalised
  judgments) with their spread.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from sat_tool.domain.model import (
    Analyst as Analyst,  # re-exported: the team's vocabulary in one place
    AnalystId,
    Assessment,
    Case,
    Cell,
    HypothesisId,
    Matrix,
    Rating,
    ScoringMode,
)
from sat_tool.domain.scoring import (
    TOLERANCE,
    MatrixScores,
    competition_ranks,
    diagnosticity,
    row_weight,
    score_matrix,
)
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate

TeamRatings = Mapping[AnalystId, Mapping[Cell, Assessment]]
"""Each analyst's ratings of one matrix, by the analyst's id."""

_BY_SIGNED = {2: Rating.CC, 1: Rating.C, 0: Rating.N, -1: Rating.I, -2: Rating.II}


# ------------------------------------------------------------------ one cell


def consensus(ratings: Iterable[Rating]) -> Rating | None:
    """The team's rating of a cell from its analysts' ratings; None when nobody rated it."""
    given = list(ratings)
    if not given:
        return None
    na = sum(1 for r in given if r is Rating.NA)
    if 2 * na > len(given):
        return Rating.NA
    values = [r.signed for r in given if r is not Rating.NA]
    mean = sum(values) / len(values)  # type: ignore[arg-type]
    return _BY_SIGNED[_round_toward_neutral(mean)]


def _round_toward_neutral(mean: float) -> int:
    """The nearest whole step; exactly halfway goes to the step nearer 0."""
    magnitude = abs(mean)
    step = math.floor(magnitude)
    if magnitude - step > 0.5 + TOLERANCE:
        step += 1
    return int(math.copysign(step, mean)) if step else 0


def spread(ratings: Iterable[Rating]) -> float:
    """Population standard deviation of a cell's ratings on the signed scale, NA skipped;
    0 when fewer than two ratings remain. It is a row's diagnosticity, taken down a cell's
    analysts instead of across a row's hypotheses."""
    return diagnosticity(ratings) or 0.0


class Disagreement(Enum):
    """How far apart a team's ratings of a cell are, from the spread of its ratings."""

    __hash__ = object.__hash__

    CONSENSUS = 0
    MILD = 1
    LARGE = 2
    EXTREME = 3

    @property
    def label(self) -> str:
        """The bucket's name, in English."""
        return _DISAGREEMENT_LABELS[self]

    @property
    def shown_label(self) -> str:
        """The bucket's name in the user's language."""
        return translate("Disagreement", _DISAGREEMENT_LABELS[self])


_DISAGREEMENT_LABELS = {
    Disagreement.CONSENSUS: QT_TRANSLATE_NOOP("Disagreement", "Consensus"),
    Disagreement.MILD: QT_TRANSLATE_NOOP("Disagreement", "Mild disagreement"),
    Disagreement.LARGE: QT_TRANSLATE_NOOP("Disagreement", "Large disagreement"),
    Disagreement.EXTREME: QT_TRANSLATE_NOOP("Disagreement", "Extreme disagreement"),
}

THRESHOLDS = ((1.5, Disagreement.EXTREME), (1.0, Disagreement.LARGE), (0.5, Disagreement.MILD))
"""The lowest spread of each bucket above consensus, highest first (docs/team.md)."""


def disagreement(ratings: Iterable[Rating]) -> Disagreement:
    """The bucket of a cell's ratings; a split between NA and a rating is at least mild."""
    given = list(ratings)
    return _bucket(given, spread(given))


def _bucket(given: Sequence[Rating], value: float) -> Disagreement:
    """The bucket of ratings whose spread is ``value``."""
    bucket = Disagreement.CONSENSUS
    for threshold, name in THRESHOLDS:
        if value >= threshold - TOLERANCE:
            bucket = name
            break
    split_on_na = any(r is Rating.NA for r in given) and any(r is not Rating.NA for r in given)
    if split_on_na and bucket is Disagreement.CONSENSUS:
        return Disagreement.MILD
    return bucket


# ------------------------------------------------------------------ a matrix


def cell_ratings(team: TeamRatings, cell: Cell) -> dict[AnalystId, Assessment]:
    """Who rated a cell, and how, in the order of ``team``."""
    return {analyst: own[cell] for analyst, own in team.items() if cell in own}


def ratings_of_cells(matrices: Iterable[Matrix], keep: Callable[[Cell], bool]
                     ) -> tuple[int, int]:
    """How many ratings the cells ``keep`` picks hold across the matrices, every analyst's,
    and of how many analysts: what removing those cells takes away."""
    counted: dict[AnalystId, int] = {}
    for mat in matrices:
        for uid, own in mat.team.items():
            counted[uid] = counted.get(uid, 0) + sum(1 for cell in own if keep(cell))
    return sum(counted.values()), sum(1 for n in counted.values() if n)


def matrix_cells(matrix: Matrix) -> list[Cell]:
    """Every cell of a matrix, row by row."""
    return [(row.evidence_id, hyp.id) for row in matrix.rows for hyp in matrix.hypotheses]


def consensus_ratings(matrix: Matrix, team: TeamRatings) -> dict[Cell, Assessment]:
    """The team's view of a matrix: each cell rated by anyone gets its consensus rating,
    with the rationales of the analysts who rated it, each under their name."""
    shown: dict[Cell, Assessment] = {}
    for cell in matrix_cells(matrix):
        given = cell_ratings(team, cell)
        found = consensus(a.rating for a in given.values())
        if found is None:
            continue
        latest = max(a.updated for a in given.values())
        shown[cell] = Assessment(found, "", "", latest, None)
    return shown


def with_ratings(matrix: Matrix, ratings: Mapping[Cell, Assessment]) -> Matrix:
    """The matrix as one analyst (or the team) rated it: the same rows and hypotheses."""
    return replace(matrix, ratings=dict(ratings))


@dataclass(frozen=True)
class DisputedCell:
    """A cell the analysts rated differently."""

    cell: Cell
    spread: float
    disagreement: Disagreement
    ratings: dict[AnalystId, Rating]


def disputed_cells(case: Case, matrix: Matrix, team: TeamRatings) -> list[DisputedCell]:
    """The cells whose bucket is above consensus, most disputed first; among equal spreads
    the heavier row (credibility × relevance) first, then matrix order."""
    found = []
    for order, cell in enumerate(matrix_cells(matrix)):
        given = {a: x.rating for a, x in cell_ratings(team, cell).items()}
        value = spread(given.values())
        bucket = _bucket(list(given.values()), value)
        if bucket is Disagreement.CONSENSUS:
            continue
        item = case.evidence_item(cell[0])
        weight = row_weight(item.credibility, matrix.row(cell[0]).relevance)
        found.append((-bucket.value, -value, -weight, order,
                      DisputedCell(cell, value, bucket, given)))
    found.sort(key=lambda entry: entry[:4])
    return [entry[-1] for entry in found]


def heat_map(matrix: Matrix, team: TeamRatings) -> dict[Cell, Disagreement]:
    """The bucket of every cell that at least one analyst rated."""
    buckets = {}
    for cell in matrix_cells(matrix):
        given = [a.rating for a in cell_ratings(team, cell).values()]
        if given:
            buckets[cell] = disagreement(given)
    return buckets


@dataclass(frozen=True)
class Comparison:
    """Two sets of ratings of one matrix side by side (two analysts, or one and the team)."""

    both: int
    """Cells both rated."""
    same: int
    """Cells both rated alike."""
    differing: tuple[tuple[Cell, Rating, Rating, int], ...]
    """Cells rated differently: the cell, the first rating, the second, and how many steps
    apart (NA against a rating counts as 0 steps but still differs), largest first."""

    @property
    def agreement(self) -> float | None:
        """The share of commonly rated cells rated alike; None when they share none."""
        return self.same / self.both if self.both else None


def compare(matrix: Matrix, first: Mapping[Cell, Assessment],
            second: Mapping[Cell, Assessment]) -> Comparison:
    """Where two sets of ratings of a matrix agree and where they differ."""
    both = same = 0
    differing = []
    for order, cell in enumerate(matrix_cells(matrix)):
        a, b = first.get(cell), second.get(cell)
        if a is None or b is None:
            continue
        both += 1
        if a.rating is b.rating:
            same += 1
            continue
        steps = (abs(a.rating.signed - b.rating.signed)  # type: ignore[operator]
                 if a.rating.signed is not None and b.rating.signed is not None else 0)
        differing.append((-steps, order, (cell, a.rating, b.rating, steps)))
    differing.sort(key=lambda entry: entry[:2])
    return Comparison(both, same, tuple(entry[-1] for entry in differing))


# ------------------------------------------------------------------ team scores


@dataclass(frozen=True)
class TeamScore:
    """A hypothesis's team score: the mean of its analysts' scores, and their range."""

    hypothesis_id: HypothesisId
    inconsistency: float
    weighted: float
    probability: float
    rank: int
    lowest: float
    """The lowest of the analysts' scores in the ranking mode."""
    highest: float
    """The highest of the analysts' scores in the ranking mode."""

    def value(self, mode: ScoringMode) -> float:
        """The score a mode ranks by."""
        if mode is ScoringMode.INCONSISTENCY:
            return self.inconsistency
        if mode is ScoringMode.WEIGHTED:
            return self.weighted
        return self.probability


@dataclass(frozen=True)
class TeamScores:
    """The team's scores of a matrix, with each analyst's own."""

    hypotheses: tuple[TeamScore, ...]
    by_analyst: dict[AnalystId, MatrixScores]
    mode: ScoringMode

    def ranking(self) -> list[TeamScore]:
        """Hypotheses best first; ties keep column order."""
        return sorted(self.hypotheses, key=lambda s: s.rank)

    def leaders(self) -> frozenset[HypothesisId]:
        """The hypotheses the team ranks first."""
        return frozenset(s.hypothesis_id for s in self.hypotheses if s.rank == 1)


def _ranks(values: Sequence[float], mode: ScoringMode) -> list[int]:
    """Competition ranks: lowest inconsistency first, highest probability first."""
    return competition_ranks([-v for v in values] if mode is ScoringMode.PROBABILITY else values)


def rated_analysts(matrix: Matrix, team: TeamRatings) -> list[AnalystId]:
    """The analysts who rated at least one cell of the matrix, in the order of ``team``."""
    cells = set(matrix_cells(matrix))
    return [analyst for analyst, own in team.items() if any(cell in cells for cell in own)]


def counted_analysts(matrix: Matrix, team: TeamRatings) -> list[AnalystId]:
    """The analysts whose scores make the team's: those who rated every cell of the matrix
    (an analyst still rating would count unrated cells as consistent); while no one has,
    everyone who rated any."""
    cells = matrix_cells(matrix)
    complete = [a for a, own in team.items() if cells and all(c in own for c in cells)]
    return complete or rated_analysts(matrix, team)


def team_scores(case: Case, matrix: Matrix, team: TeamRatings,
                mode: ScoringMode | None = None) -> TeamScores:
    """The mean of the scores of the analysts who rated the matrix (every cell of it, see
    :func:`counted_analysts`), ranked in ``mode`` (the matrix's own by default). With no such
    analyst every mean is 0."""
    mode = mode or matrix.scoring_mode
    by_analyst = {analyst: score_matrix(case, with_ratings(matrix, team[analyst]), mode)
                  for analyst in counted_analysts(matrix, team)}
    n = len(by_analyst)
    rows = []
    for hyp in matrix.hypotheses:
        own = [scores.for_hypothesis(hyp.id) for scores in by_analyst.values()]
        if own:
            mean = (sum(s.inconsistency for s in own) / n, sum(s.weighted for s in own) / n,
                    sum(s.probability for s in own) / n)
            values = [s.value(mode) for s in own]
            rows.append((hyp.id, *mean, min(values), max(values)))
        else:
            uniform = 1 / len(matrix.hypotheses)
            rows.append((hyp.id, 0.0, 0.0, uniform, 0.0, 0.0))
    index = {ScoringMode.INCONSISTENCY: 1, ScoringMode.WEIGHTED: 2, ScoringMode.PROBABILITY: 3}
    ranks = _ranks([_rounded(row[index[mode]]) for row in rows], mode)
    hypotheses = tuple(TeamScore(row[0], row[1], row[2], row[3], rank, row[4], row[5])
                       for row, rank in zip(rows, ranks))
    return TeamScores(hypotheses, by_analyst, mode)


def _rounded(value: float) -> float:
    """A mean rounded so that sums of the same numbers in another order tie."""
    return round(value, 9)


@dataclass(frozen=True)
class AnalystInfluence:
    """What one analyst's ratings do to the team's leader."""

    analyst: AnalystId
    leaders_alone: frozenset[HypothesisId]
    """The hypotheses this analyst's ratings alone put first."""
    leaders_without: frozenset[HypothesisId]
    """The hypotheses the rest of the team puts first without this analyst."""
    changes_alone: bool
    """Taken alone, this analyst's ratings would put another hypothesis (or set) first."""
    changes_without: bool
    """Without this analyst, the team would put another hypothesis (or set) first."""


def team_sensitivity(case: Case, matrix: Matrix, team: TeamRatings,
                     mode: ScoringMode | None = None) -> list[AnalystInfluence]:
    """For each analyst who rated the matrix: would their ratings alone, or the team without
    them, change the team's leader?"""
    whole = team_scores(case, matrix, team, mode)
    mode = whole.mode
    leaders = whole.leaders()
    found = []
    for analyst, scores in whole.by_analyst.items():
        alone = frozenset(s.hypothesis_id for s in scores.hypotheses if s.rank == 1)
        rest = {a: own for a, own in team.items() if a != analyst and a in whole.by_analyst}
        without = (team_scores(case, matrix, rest, mode).leaders()
                   if rated_analysts(matrix, rest) else leaders)
        found.append(AnalystInfluence(analyst, alone, without, alone != leaders,
                                      without != leaders))
    return found


# ------------------------------------------------------------------ group probabilities


@dataclass(frozen=True)
class AnalystJudgment:
    """One analyst's probability judgments of a matrix's hypotheses, checked."""

    analyst: AnalystId
    given: dict[HypothesisId, float]
    """The judgments as entered, fractions from 0 to 1."""
    normalised: dict[HypothesisId, float] | None
    """The judgments scaled to sum to 1; None when they cannot be (some hypotheses not
    judged, or all judged 0)."""
    total: float
    """What the judgments as entered sum to."""

    @property
    def coherent(self) -> bool:
        """Every hypothesis judged and the judgments sum to 100 %."""
        return self.normalised is not None and abs(self.total - 1.0) <= 1e-6

    @property
    def complete(self) -> bool:
        """Every hypothesis judged (the judgments can be normalised)."""
        return self.normalised is not None

    def notice(self, names: Mapping[AnalystId, str]) -> str:
        """One sentence telling the analyst what was done with the judgments ('' when coherent)."""
        name = names.get(self.analyst, self.analyst)
        if self.coherent:
            return ""
        if self.normalised is None:
            if self.given and self.total <= 0:
                return translate("Team", "{name}'s judgments are all 0 %, so they are left out "
                                         "of the group's probabilities.").format(name=name)
            return translate("Team", "{name} has not judged every hypothesis, so those judgments "
                                     "are left out of the group's probabilities.").format(name=name)
        return translate("Team", "{name}'s judgments sum to {total:.0f} %, not 100 %, so they are "
                                 "scaled to sum to 100 % before they are averaged.").format(
                                     name=name, total=100 * self.total)


def check_judgments(analyst: AnalystId, hypotheses: Sequence[HypothesisId],
                    given: Mapping[HypothesisId, float]) -> AnalystJudgment:
    """An analyst's judgments checked for coherence, and normalised when they can be."""
    mine = {h: float(given[h]) for h in hypotheses if given.get(h) is not None}
    total = sum(mine.values())
    if len(mine) < len(hypotheses) or not hypotheses or total <= 0:
        return AnalystJudgment(analyst, mine, None, total)
    return AnalystJudgment(analyst, mine, {h: v / total for h, v in mine.items()}, total)


@dataclass(frozen=True)
class GroupProbability:
    """The group's probability of one hypothesis: the mean of the analysts' normalised
    judgments, their population standard deviation, and their range."""

    hypothesis_id: HypothesisId
    mean: float
    spread: float
    lowest: float
    highest: float


@dataclass(frozen=True)
class GroupJudgment:
    """Every analyst's judgments of a matrix, checked, and the group's aggregate."""

    analysts: tuple[AnalystJudgment, ...]
    aggregate: tuple[GroupProbability, ...]
    """Empty when no analyst's judgments could be used."""

    @property
    def counted(self) -> list[AnalystId]:
        """The analysts whose judgments make the aggregate."""
        return [j.analyst for j in self.analysts if j.complete]


def group_judgment(hypotheses: Sequence[HypothesisId],
                   judgments: Mapping[AnalystId, Mapping[HypothesisId, float]]) -> GroupJudgment:
    """Check each analyst's judgments, normalise them, and average the normalised ones."""
    checked = tuple(check_judgments(a, hypotheses, given) for a, given in judgments.items()
                    if any(v is not None for v in given.values()))
    usable = [j.normalised for j in checked if j.normalised is not None]
    aggregate = []
    if usable:
        for h in hypotheses:
            values = [own[h] for own in usable]
            mean = sum(values) / len(values)
            deviation = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
            aggregate.append(GroupProbability(h, mean, deviation, min(values), max(values)))
    return GroupJudgment(checked, tuple(aggregate))


# ------------------------------------------------------------------ blind rating


def blind_order(hypotheses: Sequence[HypothesisId], analyst: AnalystId, salt: str
                ) -> list[HypothesisId]:
    """The order an analyst sees a blind matrix's hypotheses in: shuffled, the same every time
    for one analyst and one matrix (``salt``, its stable id), and different between analysts,
    so that no one's column order leads them to the order of anyone else's."""
    def key(hypothesis: HypothesisId) -> bytes:
        return hashlib.sha256(f"{salt}\x00{analyst}\x00{hypothesis}".encode()).digest()

    return sorted(hypotheses, key=key)


def may_see_others(matrix: Matrix, own: Mapping[Cell, Assessment]) -> bool:
    """Under blind rating an analyst sees the others' ratings only once every cell of the
    matrix has their own rating."""
    return all(cell in own for cell in matrix_cells(matrix))


def others_hidden(matrix: Matrix) -> bool:
    """Whether the analyst a matrix is rated as (its ``ratings``) may not see the other
    analysts' ratings yet: the matrix is rated blind and some cell is not theirs yet."""
    return matrix.blind and not may_see_others(matrix, matrix.ratings)


def visible_team(matrix: Matrix) -> dict[AnalystId, Mapping[Cell, Assessment]]:
    """The ratings of the matrix its analyst may see: everyone's, or while
    :func:`others_hidden`, their own only."""
    if others_hidden(matrix):
        return {a: own for a, own in matrix.team.items() if own is matrix.ratings}
    return dict(matrix.team)
