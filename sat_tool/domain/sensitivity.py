"""Sensitivity analysis (Heuer's step 6): how fragile is the ranking?

* :func:`linchpins`: the evidence items whose removal alone changes the leading
  hypothesis, or the ranking.
* :func:`fewest_changes`: the smallest set of cell changes that would put
  another hypothesis in the lead, and which cells they are.
* :func:`apply_what_if`: the matrix as it would be if some items were
  excluded, read as deception (their ratings reversed), or given another
  credibility, so that every score can be recomputed.
* :func:`contributions`: what each evidence item adds to each hypothesis's
  score, for the stacked bar chart.

All of it works on the additive cell costs of :mod:`.scoring`, so it holds for
every scoring mode.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sat_tool.domain.model import (
    Case,
    Cell,
    EvidenceId,
    HypothesisId,
    Level,
    Matrix,
    Rating,
    ScoringMode,
)
from sat_tool.domain.scoring import TOLERANCE, CostTable, hypothesis_costs, rank_costs
from sat_tool.domain.text import translate

REVERSED = {Rating.CC: Rating.II, Rating.C: Rating.I, Rating.N: Rating.N,
            Rating.I: Rating.C, Rating.II: Rating.CC, Rating.NA: Rating.NA}
"""How a rating reads if the item is deception: what it seemed to support, it undercuts."""


def leaders(ranks: dict[HypothesisId, int]) -> frozenset[HypothesisId]:
    """The hypotheses ranked first (several when they tie)."""
    return frozenset(h for h, r in ranks.items() if r == 1)


def ranking(case: Case, matrix: Matrix, mode: ScoringMode | None = None) -> dict[HypothesisId, int]:
    """The ranks of the hypotheses in a mode (the matrix's own by default)."""
    return rank_costs(hypothesis_costs(case, matrix, mode or matrix.scoring_mode))


# ------------------------------------------------------------------ what-if


@dataclass(frozen=True)
class WhatIf:
    """A hypothetical reading of the evidence, applied on top of the real matrix."""

    excluded: frozenset[EvidenceId] = frozenset()
    deception: frozenset[EvidenceId] = frozenset()
    credibility: tuple[tuple[EvidenceId, Level], ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing is changed."""
        return not (self.excluded or self.deception or self.credibility)

    def with_credibility(self, evidence_id: EvidenceId, level: Level | None) -> WhatIf:
        """The same what-if with one item's credibility set (None: back to its own)."""
        kept = tuple((e, lvl) for e, lvl in self.credibility if e != evidence_id)
        if level is not None:
            kept += ((evidence_id, level),)
        return WhatIf(self.excluded, self.deception, kept)

    def toggled(self, kind: str, evidence_id: EvidenceId) -> WhatIf:
        """The same what-if with an item added to or removed from ``excluded`` or ``deception``."""
        current: frozenset[EvidenceId] = getattr(self, kind)
        changed = current - {evidence_id} if evidence_id in current else current | {evidence_id}
        values = {"excluded": self.excluded, "deception": self.deception, kind: changed}
        return WhatIf(values["excluded"], values["deception"], self.credibility)


def apply_what_if(case: Case, matrix: Matrix, what_if: WhatIf) -> tuple[Case, Matrix]:
    """Copies of the case and matrix with the what-if applied; the originals are untouched.

    Only what the what-if changes is copied (the lists, the items given another
    credibility, the cells read as deception); everything else is shared, read-only,
    so trying a what-if on a matrix of 10,000 rows costs little more than its lists.
    """
    tried = dict(what_if.credibility)
    new_case = copy.copy(case)
    new_case.evidence = [replace(e, credibility=tried[e.id]) if e.id in tried else e
                         for e in case.evidence]
    new_matrix = copy.copy(matrix)
    new_matrix.hypotheses = list(matrix.hypotheses)
    new_matrix.rows = [r for r in matrix.rows if r.evidence_id not in what_if.excluded]
    ratings = dict(matrix.ratings)
    hypotheses = [h.id for h in matrix.hypotheses]
    for evidence_id in what_if.deception:
        for hypothesis_id in hypotheses:
            found = ratings.get((evidence_id, hypothesis_id))
            if found is not None:
                ratings[(evidence_id, hypothesis_id)] = replace(
                    found, rating=REVERSED[found.rating], likelihood=None)
    for evidence_id in what_if.excluded:
        for hypothesis_id in hypotheses:
            ratings.pop((evidence_id, hypothesis_id), None)
    new_matrix.ratings = ratings
    new_case.matrices = [new_matrix if m.id == matrix.id else m for m in case.matrices]
    return new_case, new_matrix


# ------------------------------------------------------------------ linchpins


@dataclass(frozen=True)
class Linchpin:
    """An evidence item whose removal alone changes the result.

    ``changes_leader``: the hypotheses in the lead are not the same without it.
    ``decides_tie``: they were tied, and without it only some of them lead (the tie is
    decided, nobody from outside takes the lead). ``draws_level``: without it the leaders
    keep the lead but another hypothesis shares it (a tie is made).
    """

    evidence_id: EvidenceId
    changes_leader: bool
    ranks_without: dict[HypothesisId, int] = field(hash=False)
    decides_tie: bool = False
    draws_level: bool = False


class Cancelled(Exception):  # noqa: N818 - it is not an error: a newer request took over
    """Raised inside a long analysis when its ``stop`` callable says the result is no longer wanted."""


Stop = Callable[[], bool] | None
"""Asked now and then during a long analysis; True ends it with :class:`Cancelled`."""

_CHECK_EVERY = 256
"""Rows between two calls of ``stop``."""


def _check(stop: Stop, n: int) -> None:
    if stop is not None and n % _CHECK_EVERY == 0 and stop():
        raise Cancelled


def cost_table(case: Case, matrix: Matrix, mode: ScoringMode | None = None) -> CostTable:
    """The cell costs that :func:`linchpins`, :func:`fewest_changes` and :func:`contributions`
    share: made once, passed to each of them, it saves working them out three times."""
    return CostTable(case, matrix, mode or matrix.scoring_mode)


def _table(case: Case, matrix: Matrix, mode: ScoringMode, table: CostTable | None) -> CostTable:
    if table is not None and table.matrix is matrix and table.mode is mode:
        return table
    return CostTable(case, matrix, mode)


def linchpins(case: Case, matrix: Matrix, mode: ScoringMode | None = None, stop: Stop = None,
              table: CostTable | None = None) -> list[Linchpin]:
    """Items whose removal changes the leader or the order of the hypotheses, in row order."""
    mode = mode or matrix.scoring_mode
    table = _table(case, matrix, mode, table)
    costs = hypothesis_costs(case, matrix, mode, table)
    base = rank_costs(costs)
    lines = _line_totals(matrix, table)
    found = []
    for n, row in enumerate(matrix.rows):
        _check(stop, n)
        own = table.row_costs(row.evidence_id)
        without = {h: cost - own[j] for j, (h, cost) in enumerate(costs.items())}
        if lines:
            # The rest of the item's line of evidence now shares what it shared with it.
            total, size = lines[table.lines[row.evidence_id]]
            if size > 1:
                without = {h: cost + (total[j] - own[j]) / (size - 1)
                           for j, (h, cost) in enumerate(without.items())}
        ranks = rank_costs(without)
        if ranks != base:
            now, before = leaders(ranks), leaders(base)
            found.append(Linchpin(row.evidence_id, now != before, ranks, now < before, now > before))
    return found


def _line_totals(matrix: Matrix, table: CostTable) -> dict[object, tuple[list[float], int]]:
    """In the probability mode, each line of evidence's cost per hypothesis and its size."""
    if not table.lines:
        return {}
    totals: dict[object, tuple[list[float], int]] = {}
    for row in matrix.rows:
        key = table.lines[row.evidence_id]
        costs = table.row_costs(row.evidence_id)
        found = totals.get(key)
        if found is None:
            totals[key] = (list(costs), 1)
        else:
            total, size = found
            for j, cost in enumerate(costs):
                total[j] += cost
            totals[key] = (total, size + 1)
    return totals


# ------------------------------------------------------------------ fewest changes


@dataclass(frozen=True)
class CellChange:
    """One cell re-rated in a scenario."""

    cell: Cell
    before: Rating | None
    after: Rating


@dataclass(frozen=True)
class LeaderChange:
    """The fewest re-ratings that would make ``challenger`` lead alone.

    ``leaders`` are the hypotheses that lead now, in column order (more than one when
    they tie); ``leader`` is the first of them. ``breaks_tie`` says whether the
    challenger is one of the tied leaders (the change decides the tie) or comes from
    outside the lead (another hypothesis takes it).
    """

    leader: HypothesisId
    challenger: HypothesisId
    changes: tuple[CellChange, ...]
    leaders: tuple[HypothesisId, ...] = ()

    @property
    def breaks_tie(self) -> bool:
        """Whether the challenger already shares the lead, and the change only decides the tie."""
        return self.challenger in self.leaders

    def sentence(self, labels: dict[HypothesisId, str]) -> str:
        """What the change does, in words ("2 re-ratings would put H2 ahead of H1")."""
        how_many, what = self.parts(labels)
        return translate("LeaderChange", "{how_many} would {what}").format(how_many=how_many,
                                                                         what=what)

    def parts(self, labels: dict[HypothesisId, str]) -> tuple[str, str]:
        """The sentence's two halves: how many re-ratings ("2 re-ratings") and what they would do
        ("put H2 ahead of H1"), for a view that sets them apart."""
        count = len(self.changes)
        how_many = (translate("LeaderChange", "{count} re-rating") if count == 1 else
                    translate("LeaderChange", "{count} re-ratings")).format(count=count)
        tied = [labels[h] for h in self.leaders] or [labels[self.leader]]
        shared = tied[0] if len(tied) == 1 else translate("LeaderChange", "{names} and {last}").format(
            names=", ".join(tied[:-1]), last=tied[-1])
        challenger = labels[self.challenger]
        if self.breaks_tie:
            what = translate("LeaderChange", "decide the tie between {leaders} for {challenger}")
        elif len(tied) > 1:
            what = translate("LeaderChange", "put {challenger} alone in the lead, ahead of {leaders} "
                             "(tied now)")
        else:
            what = translate("LeaderChange", "put {challenger} ahead of {leaders}")
        return how_many, what.format(challenger=challenger, leaders=shared)


def fewest_changes(case: Case, matrix: Matrix, mode: ScoringMode | None = None,
                   stop: Stop = None, table: CostTable | None = None) -> LeaderChange | None:
    """The smallest set of re-rated cells that puts another hypothesis alone in the lead.

    A change either helps a challenger (a cell in its column re-rated to be
    consistent) or hurts a rival (a cell in the rival's column re-rated II).
    The challenger must end strictly ahead of every other hypothesis. Costs add
    up column by column, so for each number of the challenger's own moves the
    fewest moves against each rival are its largest gains first: trying every
    number is exact. The answer is the challenger needing fewest changes.

    Changing the leader means that a hypothesis *outside* the lead takes it alone.
    When several hypotheses tie for the lead, deciding the tie among them is not a
    change of leader (see :func:`tie_break` for that): the challenger is always a
    hypothesis that does not lead now. None when no re-rating can change the leader.
    """
    return _fewest(case, matrix, mode, stop, table, tie=False)


def tie_break(case: Case, matrix: Matrix, mode: ScoringMode | None = None, stop: Stop = None,
              table: CostTable | None = None) -> LeaderChange | None:
    """When hypotheses tie for the lead: the fewest re-ratings that make one of them lead alone.

    None when one hypothesis leads alone already (or no re-rating can decide the tie).
    """
    return _fewest(case, matrix, mode, stop, table, tie=True)


def _fewest(case: Case, matrix: Matrix, mode: ScoringMode | None, stop: Stop,
            table: CostTable | None, tie: bool) -> LeaderChange | None:
    """The fewest re-ratings that make one hypothesis lead alone: one from outside the lead
    (``tie`` False), or one of the tied leaders (``tie`` True)."""
    mode = mode or matrix.scoring_mode
    table = _table(case, matrix, mode, table)
    costs = hypothesis_costs(case, matrix, mode, table)
    if len(costs) < 2:
        return None
    ranks = rank_costs(costs)
    ahead = tuple(h.id for h in matrix.hypotheses if ranks[h.id] == 1)
    if tie and len(ahead) < 2:
        return None
    candidates = [h.id for h in matrix.hypotheses if (h.id in ahead) == tie]
    if not candidates:
        return None
    helps, hurts = _all_moves(table, stop)
    answer: LeaderChange | None = None
    for challenger in candidates:
        _check(stop, 0)
        limit = len(answer.changes) if answer is not None else None
        plan = _plan(matrix, costs, challenger, helps, hurts, limit)
        if plan is not None and (answer is None or len(plan) < len(answer.changes)):
            answer = LeaderChange(ahead[0], challenger, plan, ahead)
    if answer is None:
        return None
    return replace(answer, changes=_soften(table, costs, answer.challenger, answer.changes))


_SCALE = (Rating.CC, Rating.C, Rating.N, Rating.I, Rating.II)


def _soften(table: CostTable, costs: dict[HypothesisId, float],
            challenger: HypothesisId, changes: tuple[CellChange, ...]) -> tuple[CellChange, ...]:
    """The same cells, each moved no further than needed: I rather than II when I suffices."""
    chosen = list(changes)
    for i, change in enumerate(chosen):
        now = change.before.signed if change.before and change.before.signed is not None else 0
        options = sorted((r for r in _SCALE if r is not change.before and r is not change.after
                          and (r.signed - now) * (change.after.signed - now) > 0),  # type: ignore[operator]
                         key=lambda r: abs(r.signed - now))  # type: ignore[operator]
        for option in options:
            trial = chosen[:i] + [replace(change, after=option)] + chosen[i + 1:]
            if _leads_alone(table, costs, challenger, trial):
                chosen = trial
                break
    return tuple(chosen)


def _leads_alone(table: CostTable, costs: dict[HypothesisId, float],
                 challenger: HypothesisId, changes: list[CellChange]) -> bool:
    changed = dict(costs)
    for change in changes:
        changed[change.cell[1]] += table.of(change.cell[0], change.after) - table.own(change.cell)
    return leaders(rank_costs(changed)) == frozenset({challenger})


def _all_moves(table: CostTable, stop: Stop = None
               ) -> tuple[dict[HypothesisId, _Moves], dict[HypothesisId, _Moves]]:
    """For every column, the re-ratings that help it and those that hurt it, each largest first.

    A cell helps its column when rating it CC or C lowers its cost (by the larger of the
    two gains, CC when they are equal; plans are softened afterwards, see :func:`_soften`),
    and hurts it when rating it II raises its cost. One pass over the rows does it: what a
    row's cells would cost rated CC, C or II is the same in every column.
    """
    matrix = table.matrix
    hypotheses = [h.id for h in matrix.hypotheses]
    helps: dict[HypothesisId, list[tuple[float, EvidenceId, Rating]]] = {h: [] for h in hypotheses}
    hurts: dict[HypothesisId, list[tuple[float, EvidenceId, Rating]]] = {h: [] for h in hypotheses}
    for n, row in enumerate(matrix.rows):
        _check(stop, n)
        evidence_id = row.evidence_id
        very, consistent, worst = (table.of(evidence_id, r) for r in (Rating.CC, Rating.C, Rating.II))
        for hypothesis, now in zip(hypotheses, table.row_costs(evidence_id)):
            best: tuple[float, Rating] | None = None
            for gain, option in ((now - very, Rating.CC), (now - consistent, Rating.C)):
                if gain > TOLERANCE and (best is None or gain > best[0] + TOLERANCE):
                    best = (gain, option)
            if best is not None:
                helps[hypothesis].append((best[0], evidence_id, best[1]))
            loss = worst - now
            if loss > TOLERANCE:
                hurts[hypothesis].append((loss, evidence_id, Rating.II))
    return ({h: _Moves(table, h, helps[h]) for h in hypotheses},
            {h: _Moves(table, h, hurts[h]) for h in hypotheses})


class _Moves:
    """One column's moves, largest gain first, with running totals for quick counting.

    Each move becomes a :class:`CellChange` only when a plan takes it.
    """

    def __init__(self, table: CostTable, hypothesis: HypothesisId,
                 moves: list[tuple[float, EvidenceId, Rating]]) -> None:
        moves.sort(key=lambda m: -m[0])  # stable: rows of equal gain stay in row order
        self._table, self._hypothesis, self._moves = table, hypothesis, moves
        self.totals = list(itertools.accumulate(gain for gain, _, _ in moves))

    def __len__(self) -> int:
        return len(self._moves)

    def first(self, count: int) -> list[CellChange]:
        """The ``count`` largest moves as cell changes."""
        matrix = self._table.matrix
        return [CellChange((e, self._hypothesis), matrix.rating(e, self._hypothesis), after)
                for _, e, after in self._moves[:count]]

    def fewest(self, gap: float) -> int | None:
        """How many of the largest gains it takes to exceed ``gap`` (0 if already); None if never."""
        if gap < -TOLERANCE:
            return 0
        count = bisect.bisect_right(self.totals, gap + TOLERANCE)
        return count + 1 if count < len(self.totals) else None


def _plan(matrix: Matrix, costs: dict[HypothesisId, float], challenger: HypothesisId,
          helps: dict[HypothesisId, _Moves], hurts: dict[HypothesisId, _Moves],
          limit: int | None = None) -> tuple[CellChange, ...] | None:
    """Fewest changes that put one challenger strictly ahead of every rival.

    ``limit``: a plan of this many changes is known already; only fewer are of use.
    Every plan takes at least ``k`` changes, so no ``k`` beyond the best total is tried.
    """
    own = helps[challenger]
    rivals = [h for h in costs if h != challenger]
    best: tuple[int, int, dict[HypothesisId, int]] | None = None
    for k in range(len(own) + 1):
        bound = min(x for x in (limit, best[0] if best else None, len(own) + 1) if x is not None)
        if k >= bound:
            break
        own_sum = own.totals[k - 1] if k else 0.0
        needed: dict[HypothesisId, int] = {}
        for rival in rivals:
            count = hurts[rival].fewest(costs[challenger] - own_sum - costs[rival])
            if count is None:
                break
            needed[rival] = count
        else:
            total = k + sum(needed.values())
            if best is None or total < best[0]:
                best = (total, k, needed)
    if best is None:
        return None
    _, k, needed = best
    plan = own.first(k)
    for rival in (h.id for h in matrix.hypotheses if h.id in needed):
        plan += hurts[rival].first(needed[rival])
    return tuple(plan)


# ------------------------------------------------------------------ contributions


def contributions(case: Case, matrix: Matrix, mode: ScoringMode | None = None,
                  table: CostTable | None = None) -> dict[HypothesisId, dict[EvidenceId, float]]:
    """What each evidence row adds to each hypothesis's score in a mode.

    Count and weighted modes give inconsistency points (≥ 0). The probability
    mode gives the evidence against in bits, −log2(P(e|h) / 0.5): positive
    when the item counts against the hypothesis, negative when it supports it.
    """
    mode = mode or matrix.scoring_mode
    table = _table(case, matrix, mode, table)
    result: dict[HypothesisId, dict[EvidenceId, float]] = {}
    for hyp in matrix.hypotheses:
        column = {}
        j = matrix.hypothesis_index(hyp.id)
        for row in matrix.rows:
            value = table.row_costs(row.evidence_id)[j] - table.of(row.evidence_id, None)
            if mode is ScoringMode.PROBABILITY:
                value /= math.log(2)
            column[row.evidence_id] = value
        result[hyp.id] = column
    return result
