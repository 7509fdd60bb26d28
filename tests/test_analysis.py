"""Scoring modes, the probabilistic view, sensitivity, judgment, the eight steps and snapshots,
pinned to the hand-checked examples of docs/scoring.md."""

from __future__ import annotations

import dataclasses

import pytest

from sat_tool.domain import Level, Rating, ScoringMode, score_matrix
from sat_tool.domain.guide import Place, review_steps
from sat_tool.domain.judgment import review_judgment
from sat_tool.domain.probability import cell_likelihood, discounted, posteriors, priors
from sat_tool.domain.sensitivity import (
    WhatIf,
    apply_what_if,
    contributions,
    fewest_changes,
    linchpins,
    ranking,
)
from sat_tool.domain.snapshots import compare, live_view, take_snapshot

from conftest import grid_case


def example_3():
    """ACH.md worked example 3: weighting breaks a tie."""
    return grid_case([("E1", "High", "Medium", ["I", "C", "NA"]),
                      ("E2", "Low", "Low", ["II", "C", "I"]),
                      ("E3", "Medium", "High", ["C", "II", "N"]),
                      ("E4", "High", "High", ["N", "I", "CC"])])


def two_by_two():
    """The probabilistic example: E1 High/High (C, I), E2 Medium/High (N, CC)."""
    return grid_case([("E1", "High", "High", ["C", "I"]), ("E2", "Medium", "High", ["N", "CC"])])


def ids(case):
    mat = case.matrices[0]
    return mat, [h.id for h in mat.hypotheses], [r.evidence_id for r in mat.rows]


# ------------------------------------------------------------------ probabilistic view


def test_credibility_and_relevance_discount_toward_uninformative():
    """p' = 0.5 + k(p − 0.5), k the product of High 1, Medium 0.8, Low 0.5."""
    assert discounted(0.9, Level.HIGH, Level.HIGH) == pytest.approx(0.9)
    assert discounted(0.9, Level.MEDIUM, Level.HIGH) == pytest.approx(0.82)
    assert discounted(0.1, Level.LOW, Level.LOW) == pytest.approx(0.4)


def test_posteriors_of_the_worked_example():
    """Uniform priors give 0.5872 / 0.4128; priors 0.2 / 0.8 give 0.2624 for H1."""
    case = two_by_two()
    mat, (h1, h2), _ = ids(case)
    post = posteriors(case, mat)
    assert post[h1].probability == pytest.approx(0.35 / 0.596, abs=1e-4)
    assert post[h2].probability == pytest.approx(0.246 / 0.596, abs=1e-4)
    mat.hypotheses[0].prior, mat.hypotheses[1].prior = 0.2, 0.8
    assert posteriors(case, mat)[h1].probability == pytest.approx(0.07 / 0.2668, abs=1e-4)


def test_a_likelihood_override_is_taken_as_given():
    """An override replaces the rating's likelihood and is not discounted."""
    case = two_by_two()
    mat, (h1, h2), (e1, e2) = ids(case)
    mat.ratings[(e1, h2)].likelihood = 0.05
    assert cell_likelihood(case, mat, (e1, h2)) == 0.05
    assert posteriors(case, mat)[h1].probability == pytest.approx(0.35 / 0.391, abs=1e-4)


def test_partial_priors_share_the_rest():
    """Hypotheses without a prior share what the given priors leave."""
    case = example_3()
    mat = case.matrices[0]
    mat.hypotheses[0].prior = 0.5
    values = priors(mat)
    assert [round(values[h.id], 3) for h in mat.hypotheses] == [0.5, 0.25, 0.25]


def test_scoring_mode_decides_the_ranking():
    """The same matrix ranks by count, by weight, or by probability as its mode says."""
    case = example_3()
    mat = case.matrices[0]
    by = {mode: [s.rank for s in score_matrix(case, mat, mode).hypotheses] for mode in ScoringMode}
    assert by[ScoringMode.INCONSISTENCY] == [2, 2, 1]
    assert by[ScoringMode.WEIGHTED] == [2, 3, 1]
    probabilities = [s.probability for s in score_matrix(case, mat).hypotheses]
    assert by[ScoringMode.PROBABILITY] == [sorted(probabilities, reverse=True).index(p) + 1
                                           for p in probabilities]
    mat.scoring_mode = ScoringMode.INCONSISTENCY
    assert [s.rank for s in score_matrix(case, mat).hypotheses] == [2, 2, 1]


# ------------------------------------------------------------------ sensitivity


def test_linchpins_of_the_worked_example():
    """Only E3's removal changes anything: H2 overtakes H1, the leader H3 stays."""
    case = example_3()
    mat, (h1, h2, h3), (e1, e2, e3, e4) = ids(case)
    pins = linchpins(case, mat)
    assert [(p.evidence_id, p.changes_leader) for p in pins] == [(e3, False)]
    assert pins[0].ranks_without == {h3: 1, h2: 2, h1: 3}


def test_fewest_changes_of_the_worked_example():
    """One re-rating changes the leader, and no further than needed: E4 against H3 from CC to I
    (H3 rises to 2.5) puts H1 first with 2.414."""
    case = example_3()
    mat, (h1, h2, h3), (e1, e2, e3, e4) = ids(case)
    change = fewest_changes(case, mat)
    assert (change.leader, change.challenger) == (h3, h1)
    assert [(c.cell, c.before, c.after) for c in change.changes] == [((e4, h3), Rating.CC, Rating.I)]
    for c in change.changes:
        mat.ratings[c.cell] = dataclasses.replace(mat.ratings[c.cell], rating=c.after)
    assert ranking(case, mat)[h1] == 1


def test_fewest_changes_needs_the_challenger_to_beat_everyone():
    """A challenger must end ahead of every hypothesis, not just the old leader."""
    case = grid_case([("E1", "Medium", "Medium", ["C", "II", "I"]),
                      ("E2", "Medium", "Medium", ["C", "II", "C"])])
    mat, (h1, h2, h3), _ = ids(case)
    change = fewest_changes(case, mat, ScoringMode.INCONSISTENCY)
    assert change.challenger == h3 and len(change.changes) == 1


def test_what_if_exclude_deception_and_credibility_leave_the_original_alone():
    """What-if works on copies: exclusion drops a row, deception reverses it, credibility reweights."""
    case = example_3()
    mat, (h1, h2, h3), (e1, e2, e3, e4) = ids(case)
    before = score_matrix(case, mat)
    _, excluded = apply_what_if(case, mat, WhatIf(excluded=frozenset({e4})))
    assert [r.evidence_id for r in excluded.rows] == [e1, e2, e3]
    new_case, reversed_ = apply_what_if(case, mat, WhatIf(deception=frozenset({e4})))
    assert [reversed_.rating(e4, h) for h in (h1, h2, h3)] == [Rating.N, Rating.C, Rating.II]
    assert score_matrix(new_case, reversed_).for_hypothesis(h3).weighted == pytest.approx(4.5)
    new_case, lowered = apply_what_if(case, mat, WhatIf().with_credibility(e4, Level.LOW))
    assert score_matrix(new_case, lowered).for_hypothesis(h2).weighted == pytest.approx(2 * 2 ** 0.5
                                                                                     + 2 ** -0.5 * 2 ** 0.5)
    assert score_matrix(case, mat) == before
    assert WhatIf().toggled("excluded", e1).toggled("excluded", e1).empty


def test_contributions_add_up_to_the_scores():
    """Each hypothesis's stacked contributions sum to its weighted score."""
    case = example_3()
    mat = case.matrices[0]
    scores = score_matrix(case, mat)
    for hyp_id, column in contributions(case, mat).items():
        assert sum(column.values()) == pytest.approx(scores.for_hypothesis(hyp_id).weighted)


# ------------------------------------------------------------------ judgment and guide


def test_judgment_must_sum_to_100_and_disagreements_are_named():
    """Probabilities off 100% are flagged; a favourite other than the leader is pointed out."""
    case = example_3()
    mat = case.matrices[0]
    scores = score_matrix(case, mat)
    assert "No probabilities yet" in review_judgment(mat, scores)[0].message
    for hyp, value in zip(mat.hypotheses, (0.6, 0.3, 0.2)):
        hyp.judged = value
    messages = [n.message for n in review_judgment(mat, scores)]
    assert any("add up to 110%" in m for m in messages)
    assert any("You judge H1 most likely (60%), but the scores favour H3" in m for m in messages)


def test_the_eight_steps_point_at_what_is_missing():
    """An unfinished matrix lists unrated cells, the missing deception hypothesis and milestones."""
    case = grid_case([("E1", "Medium", "Medium", ["C", "C"]), ("E2", "Medium", "Medium", ["I", ""])])
    mat = case.matrices[0]
    steps = {s.title: s for s in review_steps(case, mat)}
    messages = {f.message: f.target for s in steps.values() for f in s.findings}
    assert "1 cell unrated." in messages
    assert messages["1 cell unrated."].place is Place.CELL
    assert "No deception hypothesis: could someone be misleading you?" in messages
    assert "E1 is consistent with every hypothesis: it does not help choose." in messages
    assert any(m.startswith("No milestones yet") for m in messages)
    assert not steps["Matrix"].done and not steps["Milestones"].done


# ------------------------------------------------------------------ snapshots


def test_comparing_snapshots_lists_scores_ranks_and_changed_cells():
    """A snapshot keeps the old matrix; comparing it with now shows changed cells and ranks."""
    case = example_3()
    mat, (h1, h2, h3), (e1, e2, e3, e4) = ids(case)
    before = take_snapshot(case, mat, "first", "2026-01-01T00:00:00Z")
    mat.ratings[(e4, h3)] = dataclasses.replace(mat.ratings[(e4, h3)], rating=Rating.II)
    result = compare(before, live_view(case, mat))
    assert [(c.evidence, c.hypothesis, c.before, c.after) for c in result.cells] == [
        ("E4", "Hypothesis 3", Rating.CC, Rating.II)]
    lines = {line.hypothesis_id: line for line in result.scores}
    assert lines[h3].before[3] == 1 and lines[h3].after[1] == pytest.approx(4.5)
    assert result.ranking_changed


def _brute_force_fewest(case, mat, mode, limit=3, tie=False):
    """The fewest cell re-ratings that put one hypothesis alone in the lead, by trying every set
    (or None): one from outside the lead, or (``tie``) one of the hypotheses tied for it."""
    import itertools

    from sat_tool.domain.sensitivity import leaders

    cells = [(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses]
    before = leaders(ranking(case, mat, mode))
    original = dict(mat.ratings)
    try:
        for size in range(1, limit + 1):
            for chosen in itertools.combinations(cells, size):
                for codes in itertools.product(list(Rating), repeat=size):
                    mat.ratings = dict(original)
                    if any(original.get(c) and original[c].rating is r for c, r in zip(chosen, codes)):
                        continue  # a change must change the cell
                    for cell, rating in zip(chosen, codes):
                        mat.ratings[cell] = dataclasses.replace(
                            original.get(cell) or next(iter(original.values())), rating=rating)
                    after = leaders(ranking(case, mat, mode))
                    if len(after) == 1 and (after <= before) == tie and (len(before) > 1 or not tie):
                        return size
    finally:
        mat.ratings = original
    return None


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("mode", [ScoringMode.INCONSISTENCY, ScoringMode.WEIGHTED])
def test_fewest_changes_matches_a_brute_force_search(seed, mode):
    """On small random matrices the plan is as short as an exhaustive search finds, and works."""
    import random

    from sat_tool.domain.sensitivity import leaders

    rng = random.Random(seed)
    codes = ["CC", "C", "N", "N", "C", "I", "II", "NA"]
    levels = ["High", "Medium", "Low"]
    case = grid_case([(f"E{i}", rng.choice(levels), rng.choice(levels),
                       [rng.choice(codes) for _ in range(3)]) for i in range(1, 4)])
    mat = case.matrices[0]
    expected = _brute_force_fewest(case, mat, mode)
    change = fewest_changes(case, mat, mode)
    if expected is None:  # none within three re-ratings
        assert change is None or len(change.changes) > 3
        return
    assert change is not None and len(change.changes) == expected
    for c in change.changes:
        mat.ratings[c.cell] = dataclasses.replace(mat.ratings[c.cell], rating=c.after)
    assert leaders(ranking(case, mat, mode)) == frozenset({change.challenger})


def test_fewest_changes_when_every_hypothesis_ties():
    """All scores zero: nothing outside the lead can take it; two re-ratings decide the tie."""
    from sat_tool.domain.sensitivity import tie_break

    case = grid_case([("E1", "Medium", "Medium", ["C", "C", "C"]),
                      ("E2", "Medium", "Medium", ["N", "N", "N"])])
    mat = case.matrices[0]
    assert fewest_changes(case, mat, ScoringMode.INCONSISTENCY) is None
    decided = tie_break(case, mat, ScoringMode.INCONSISTENCY)
    assert decided is not None and len(decided.changes) == 2 and decided.breaks_tie
    labels = {h.id: f"H{i}" for i, h in enumerate(mat.hypotheses, 1)}
    assert decided.sentence(labels) == "2 re-ratings would decide the tie between H1, H2 and H3 for H1"


def test_a_tie_for_the_lead_is_never_reported_as_a_hypothesis_overtaking_itself():
    """H1 and H2 tie (C, C, I): another hypothesis taking the lead and deciding the tie are
    reported apart, in words that name the tie."""
    from sat_tool.domain.sensitivity import tie_break

    case = grid_case([("E1", "Medium", "Medium", ["C", "C", "I"])])
    mat = case.matrices[0]
    labels = {h.id: f"H{i}" for i, h in enumerate(mat.hypotheses, 1)}
    h1, h2, h3 = (h.id for h in mat.hypotheses)
    change = fewest_changes(case, mat, ScoringMode.INCONSISTENCY)
    assert change is not None and change.challenger == h3 and change.leaders == (h1, h2)
    assert change.challenger not in change.leaders and not change.breaks_tie
    assert change.sentence(labels).endswith("put H3 alone in the lead, ahead of H1 and H2 (tied now)")
    decided = tie_break(case, mat, ScoringMode.INCONSISTENCY)
    assert decided is not None and decided.challenger in (h1, h2) and len(decided.changes) == 1
    assert decided.sentence(labels) == (
        f"1 re-rating would decide the tie between H1 and H2 for {labels[decided.challenger]}")


@pytest.mark.parametrize("seed", range(16))
@pytest.mark.parametrize("mode", [ScoringMode.INCONSISTENCY, ScoringMode.WEIGHTED])
def test_fewest_changes_and_tie_breaks_match_a_brute_force_search_on_tied_matrices(seed, mode):
    """Random matrices with a tie for the lead built in (two equal columns): the change of
    leader and the tie break are each as short as an exhaustive search finds, and work."""
    import random

    from sat_tool.domain.sensitivity import leaders, tie_break

    rng = random.Random(1000 + seed)
    codes = ["CC", "C", "N", "C", "I", "II", "NA"]
    rows = []
    for i in range(1, 4):
        same = rng.choice(codes)
        rows.append((f"E{i}", "Medium", rng.choice(["High", "Medium", "Low"]),
                     [same, same, rng.choice(codes)]))
    case = grid_case(rows)
    mat = case.matrices[0]
    for tie, found in ((False, fewest_changes(case, mat, mode)), (True, tie_break(case, mat, mode))):
        expected = _brute_force_fewest(case, mat, mode, tie=tie)
        if expected is None:  # none within three re-ratings
            assert found is None or len(found.changes) > 3
            continue
        assert found is not None and len(found.changes) == expected
        before = leaders(ranking(case, mat, mode))
        original = dict(mat.ratings)
        for c in found.changes:
            mat.ratings[c.cell] = dataclasses.replace(
                original.get(c.cell) or next(iter(original.values())), rating=c.after)
        assert leaders(ranking(case, mat, mode)) == frozenset({found.challenger})
        assert (found.challenger in before) == tie
        mat.ratings = original


def test_snapshot_names_are_drawn_as_text():
    """A snapshot name with TeX markup is drawn as it is typed, never parsed as mathematics."""
    from sat_tool.report.charts import draw_history, figure_bytes, new_figure

    figure = new_figure()
    draw_history(figure.axes[0], ["$\\frac$", "Now"], {"H1": [1.0, 2.0]}, ScoringMode.WEIGHTED)
    assert figure_bytes(figure, "png").startswith(b"\x89PNG")
    assert [t.get_text() for t in figure.axes[0].get_xticklabels()] == ["$\\frac$", "Now"]


@pytest.mark.parametrize("seed", range(20))
def test_a_linchpin_that_only_decides_a_tie_is_told_apart(seed):
    """Leaving an item out: the lead shrinking to part of a tie is 'decides the tie', the lead
    growing to a tie is 'draws level', anything else that changes who leads is 'changes the
    leader', checked by removing each row."""
    import random

    from sat_tool.domain.sensitivity import leaders, linchpins

    rng = random.Random(2000 + seed)
    codes = ["CC", "C", "N", "I", "II", "NA"]
    rows = []
    for i in range(1, 5):
        same = rng.choice(codes)
        rows.append((f"E{i}", "Medium", "Medium", [same, same if rng.random() < 0.7 else
                                                    rng.choice(codes), rng.choice(codes)]))
    case = grid_case(rows)
    mat = case.matrices[0]
    mode = ScoringMode.INCONSISTENCY
    before = leaders(ranking(case, mat, mode))
    pins = {p.evidence_id: p for p in linchpins(case, mat, mode)}
    for row in list(mat.rows):
        original_rows, original = list(mat.rows), dict(mat.ratings)
        mat.rows = [r for r in mat.rows if r.evidence_id != row.evidence_id]
        mat.ratings = {c: a for c, a in original.items() if c[0] != row.evidence_id}
        after = leaders(ranking(case, mat, mode))
        mat.rows, mat.ratings = original_rows, original
        pin = pins.get(row.evidence_id)
        if after == before:
            assert pin is None or not pin.changes_leader
        else:
            assert pin is not None and pin.changes_leader
            assert pin.decides_tie == (after < before)
            assert pin.draws_level == (after > before)  # the leaders keep it, another joins
