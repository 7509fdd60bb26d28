"""The team's view of a matrix: consensus, disagreement, team scores, group probabilities."""

from __future__ import annotations

import math
import random

import pytest
from conftest import SAMPLE
from hypothesis import assume, given
from hypothesis import strategies as st

from sat_tool.domain.model import Assessment, Rating, ScoringMode
from sat_tool.domain.scoring import score_matrix
from sat_tool.domain.team import (
    Disagreement,
    check_judgments,
    compare,
    consensus,
    consensus_ratings,
    disagreement,
    disputed_cells,
    group_judgment,
    heat_map,
    spread,
    team_scores,
    team_sensitivity,
    with_ratings,
)
from sat_tool.formats.bundle import read_bundle

R = Rating
ratings = st.lists(st.sampled_from(list(Rating)), min_size=1, max_size=9)


# ------------------------------------------------------------------ consensus


@pytest.mark.parametrize(("given_", "expected"), [
    ([R.C], R.C),
    ([R.C, R.C, R.C], R.C),
    ([R.CC, R.C], R.C),        # +1.5: halfway, toward Neutral
    ([R.II, R.I], R.I),        # −1.5: halfway, toward Neutral
    ([R.C, R.I], R.N),         # 0
    ([R.CC, R.CC, R.C], R.CC),  # +1.67
    ([R.CC, R.I], R.N),        # +0.5: halfway, toward Neutral
    ([R.CC, R.N, R.N], R.C),   # +0.67
    ([R.NA, R.NA, R.C], R.NA),  # most say NA
    ([R.NA, R.C], R.C),        # half is not most: the others' mean
    ([R.NA, R.NA, R.II, R.I], R.I),
])
def test_consensus_examples(given_, expected):
    assert consensus(given_) is expected


def test_nobody_rated_means_no_consensus():
    assert consensus([]) is None


@given(ratings)
def test_consensus_is_within_the_ratings(given_):
    found = consensus(given_)
    signed = [r.signed for r in given_ if r is not R.NA]
    if found is R.NA:
        assert 2 * given_.count(R.NA) > len(given_)
    else:
        assert min(signed) <= found.signed <= max(signed)
        mean = sum(signed) / len(signed)
        assert abs(found.signed - mean) <= 0.5 + 1e-9
        assert abs(found.signed) <= abs(mean) + 0.5 + 1e-9


@given(ratings)
def test_consensus_ignores_order_and_is_unanimous_when_all_agree(given_):
    shuffled = list(given_)
    random.Random(len(given_)).shuffle(shuffled)
    assert consensus(shuffled) is consensus(given_)
    assert consensus([given_[0]] * len(given_)) is given_[0]


@given(ratings)
def test_consensus_is_symmetric_about_neutral(given_):
    mirror = {R.CC: R.II, R.C: R.I, R.N: R.N, R.I: R.C, R.II: R.CC, R.NA: R.NA}
    assert consensus([mirror[r] for r in given_]) is mirror[consensus(given_)]


# ------------------------------------------------------------------ disagreement


@pytest.mark.parametrize(("pair", "bucket"), [
    ((R.C, R.C), Disagreement.CONSENSUS),
    ((R.CC, R.C), Disagreement.MILD),
    ((R.N, R.I), Disagreement.MILD),
    ((R.C, R.I), Disagreement.LARGE),
    ((R.N, R.II), Disagreement.LARGE),
    ((R.C, R.II), Disagreement.EXTREME),
    ((R.CC, R.II), Disagreement.EXTREME),
    ((R.NA, R.C), Disagreement.MILD),
    ((R.NA, R.NA), Disagreement.CONSENSUS),
])
def test_two_analysts_disagree_by_the_steps_between_them(pair, bucket):
    assert disagreement(pair) is bucket


def test_a_lone_one_step_dissent_in_a_large_team_is_consensus():
    assert spread([R.C] * 7 + [R.CC]) == pytest.approx(math.sqrt(7) / 8)
    assert disagreement([R.C] * 7 + [R.CC]) is Disagreement.CONSENSUS
    assert disagreement([R.C] * 3 + [R.CC]) is Disagreement.CONSENSUS  # spread 0.433


@given(ratings)
def test_the_bucket_grows_with_the_spread(given_):
    value = spread(given_)
    bucket = disagreement(given_)
    expected = (3 if value >= 1.5 - 1e-9 else 2 if value >= 1 - 1e-9 else
                1 if value >= 0.5 - 1e-9 else 0)
    na_split = R.NA in given_ and any(r is not R.NA for r in given_)
    assert bucket.value == max(expected, 1 if na_split else 0)


@given(ratings)
def test_unanimity_is_consensus(given_):
    assert disagreement([given_[0]] * len(given_)) is Disagreement.CONSENSUS
    assert spread([given_[0]] * len(given_)) == 0


# ------------------------------------------------------------------ the sample, with a team


@pytest.fixture(scope="module")
def sample():
    case = read_bundle(SAMPLE)
    return case, case.matrices[0]


def _variant(mat, seed, share):
    """The matrix's ratings with ``share`` of the cells moved one or two steps."""
    rng = random.Random(seed)
    steps = [R.II, R.I, R.N, R.C, R.CC]
    own = {}
    for cell, found in mat.ratings.items():
        rating = found.rating
        if rating is not R.NA and rng.random() < share:
            rating = steps[max(0, min(4, rating.signed + 2 + rng.choice((-2, -1, 1, 2))))]
        own[cell] = Assessment(rating, "", "", found.updated, None)
    return own


def test_team_scores_are_the_mean_of_each_analysts_scores(sample):
    case, mat = sample
    team = {"a": _variant(mat, 1, 0.3), "b": _variant(mat, 2, 0.3), "c": _variant(mat, 3, 0.3)}
    scores = team_scores(case, mat, team, ScoringMode.WEIGHTED)
    for hyp in mat.hypotheses:
        own = [score_matrix(case, with_ratings(mat, team[a])).for_hypothesis(hyp.id)
               for a in team]
        found = next(s for s in scores.hypotheses if s.hypothesis_id == hyp.id)
        assert found.weighted == pytest.approx(sum(s.weighted for s in own) / 3)
        assert found.inconsistency == pytest.approx(sum(s.inconsistency for s in own) / 3)
        assert found.lowest == pytest.approx(min(s.weighted for s in own))
        assert found.highest == pytest.approx(max(s.weighted for s in own))
    ranked = [s.weighted for s in scores.ranking()]
    assert ranked == sorted(ranked)


def test_a_team_of_identical_analysts_scores_as_one(sample):
    case, mat = sample
    alone = score_matrix(case, mat, ScoringMode.WEIGHTED)
    team = {name: dict(mat.ratings) for name in ("a", "b", "c", "d", "e")}
    scores = team_scores(case, mat, team, ScoringMode.WEIGHTED)
    for own in alone.hypotheses:
        found = next(s for s in scores.hypotheses if s.hypothesis_id == own.hypothesis_id)
        assert found.weighted == pytest.approx(own.weighted)  # averaged, not summed
        assert found.rank == own.rank
    assert heat_map(mat, team) and set(heat_map(mat, team).values()) == {Disagreement.CONSENSUS}
    assert disputed_cells(case, mat, team) == []
    assert consensus_ratings(mat, team).keys() == mat.ratings.keys()
    assert all(consensus_ratings(mat, team)[c].rating is a.rating for c, a in mat.ratings.items())


def test_an_analyst_who_rated_nothing_does_not_dilute_the_team(sample):
    case, mat = sample
    team = {"a": dict(mat.ratings), "idle": {}}
    scores = team_scores(case, mat, team)
    assert set(scores.by_analyst) == {"a"}
    alone = score_matrix(case, mat)
    assert [s.weighted for s in scores.hypotheses] == pytest.approx(
        [s.weighted for s in alone.hypotheses])


def test_disputed_cells_come_most_disputed_first(sample):
    case, mat = sample
    team = {"a": _variant(mat, 4, 0.4), "b": _variant(mat, 5, 0.4), "c": dict(mat.ratings)}
    disputed = disputed_cells(case, mat, team)
    assert disputed, "the variants must disagree somewhere"
    keys = [(-d.disagreement.value, -d.spread) for d in disputed]
    assert keys == sorted(keys)
    assert all(d.disagreement is not Disagreement.CONSENSUS for d in disputed)
    buckets = heat_map(mat, team)
    assert {d.cell for d in disputed} == {c for c, b in buckets.items()
                                          if b is not Disagreement.CONSENSUS}


def test_comparison_lists_each_difference_with_its_steps(sample):
    _case, mat = sample
    first = dict(mat.ratings)
    second = dict(mat.ratings)
    cells = list(mat.ratings)
    changed = [c for c in cells if mat.ratings[c].rating is R.C][:2]
    second[changed[0]] = Assessment(R.II, "", "")
    second[changed[1]] = Assessment(R.CC, "", "")
    result = compare(mat, first, second)
    assert result.both == len(cells)
    assert result.same == len(cells) - 2
    assert [(d[0], d[1], d[2], d[3]) for d in result.differing] == [
        (changed[0], R.C, R.II, 3), (changed[1], R.C, R.CC, 1)]
    assert result.agreement == pytest.approx((len(cells) - 2) / len(cells))


def test_the_analyst_whose_ratings_carry_the_leader_is_named(sample):
    case, mat = sample
    base = score_matrix(case, mat, ScoringMode.WEIGHTED)
    tied = {s.hypothesis_id for s in base.hypotheses if s.rank == 1}
    assert len(tied) == 2  # the sample's first matrix: H3 and H4 tie
    contrarian = dict(mat.ratings)
    for row in mat.rows:  # everything against the two leaders
        for hid in tied:
            contrarian[(row.evidence_id, hid)] = Assessment(R.II, "", "")
    team = {"a": dict(mat.ratings), "c": contrarian}
    scores = team_scores(case, mat, team, ScoringMode.WEIGHTED)
    assert scores.leaders().isdisjoint(tied)
    influence = {i.analyst: i for i in team_sensitivity(case, mat, team, ScoringMode.WEIGHTED)}
    assert influence["a"].changes_alone and influence["a"].leaders_alone == tied
    assert not influence["c"].changes_alone
    assert influence["c"].changes_without and influence["c"].leaders_without == tied


# ------------------------------------------------------------------ group probabilities


def test_incoherent_judgments_are_normalised_and_the_analyst_told():
    checked = check_judgments("a", [1, 2, 3], {1: 0.6, 2: 0.4, 3: 0.2})
    assert not checked.coherent
    assert checked.total == pytest.approx(1.2)
    assert checked.normalised == pytest.approx({1: 0.5, 2: 1 / 3, 3: 1 / 6})
    assert checked.notice({"a": "Dana"}) == (
        "Dana's judgments sum to 120 %, not 100 %, so they are scaled to sum to 100 % "
        "before they are averaged.")
    assert check_judgments("a", [1, 2], {1: 0.25, 2: 0.75}).notice({}) == ""


def test_incomplete_judgments_are_left_out_with_a_notice():
    group = group_judgment([1, 2], {"a": {1: 0.5}, "b": {1: 0.2, 2: 0.8}})
    assert group.counted == ["b"]
    assert [g.mean for g in group.aggregate] == pytest.approx([0.2, 0.8])
    assert "has not judged every hypothesis" in group.analysts[0].notice({"a": "Ali"})


@given(st.lists(st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3), min_size=1, max_size=6))
def test_the_aggregate_is_the_mean_of_the_normalised_judgments(raw):
    assume(all(sum(row) > 1e-6 for row in raw))
    hyps = [1, 2, 3]
    judgments = {f"a{n}": dict(zip(hyps, row)) for n, row in enumerate(raw)}
    group = group_judgment(hyps, judgments)
    assert sum(g.mean for g in group.aggregate) == pytest.approx(1.0)
    for g, h in zip(group.aggregate, hyps):
        shares = [row[h - 1] / sum(row) for row in raw]
        assert g.mean == pytest.approx(sum(shares) / len(shares))
        assert g.lowest - 1e-12 <= g.mean <= g.highest + 1e-12
        assert g.spread >= 0


# ------------------------------------------------------------------ blind rating


@given(st.lists(st.integers(1, 10_000), min_size=2, max_size=12, unique=True),
       st.text(min_size=1, max_size=8), st.text(min_size=1, max_size=8))
def test_a_blind_order_is_a_stable_shuffle_of_its_own(hyps, analyst, salt):
    from sat_tool.domain.team import blind_order

    order = blind_order(hyps, analyst, salt)
    assert sorted(order) == sorted(hyps)
    assert blind_order(list(reversed(hyps)), analyst, salt) == order  # not the given order


def test_blind_orders_differ_between_analysts():
    from sat_tool.domain.team import blind_order

    hyps = list(range(1, 7))
    orders = {tuple(blind_order(hyps, f"analyst-{n}", "matrix-uid")) for n in range(20)}
    assert len(orders) > 10  # 720 orders: twenty analysts rarely share one


def test_others_ratings_stay_hidden_until_every_cell_is_rated(sample):
    from sat_tool.domain.team import may_see_others

    _case, mat = sample
    own = dict(mat.ratings)
    assert len(own) == len(mat.rows) * len(mat.hypotheses)
    assert may_see_others(mat, own)
    del own[next(iter(own))]
    assert not may_see_others(mat, own)
