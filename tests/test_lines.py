"""Lines of evidence: items of one source or one origin count together, not as independent items.

Checked against a direct computation of the documented rule (docs/scoring.md, "Lines of
evidence") on random matrices, and against brute force for the sensitivity analysis.
"""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sat_tool.domain import Level, ScoringMode, SourceId, score_matrix
from sat_tool.domain.model import Source
from sat_tool.domain.probability import (
    DEFAULT_LIKELIHOODS,
    discounted,
    line_key,
    line_report,
    posteriors,
    priors,
)
from sat_tool.domain.scoring import ScoreBook
from sat_tool.domain.sensitivity import contributions, fewest_changes, leaders, linchpins, ranking

from conftest import grid_case

CODES = ["CC", "C", "N", "I", "II", "NA", None]
LEVELS = ["High", "Medium", "Low"]


def sourced_case(rows, groups, origins=None, hypotheses=None):
    """A grid case whose items are drawn from sources by ``groups`` (None: no source) and carry
    the ``origins`` given."""
    case = grid_case(rows, hypotheses)
    case.sources = [Source(SourceId(n), f"Article {n}") for n in sorted({g for g in groups if g is not None})]
    for item, group, origin in zip(case.evidence, groups, origins or [""] * len(groups)):
        item.source_id = SourceId(group) if group is not None else None
        item.origin = origin
    return case


@st.composite
def matrices(draw, max_rows=7):
    count = draw(st.integers(2, 4))
    n = draw(st.integers(1, max_rows))
    rows = [(f"E{i}", draw(st.sampled_from(LEVELS)), draw(st.sampled_from(LEVELS)),
             [draw(st.sampled_from(CODES)) for _ in range(count)]) for i in range(1, n + 1)]
    groups = [draw(st.one_of(st.none(), st.integers(1, 3))) for _ in range(n)]
    origins = [draw(st.sampled_from(["", "", "", "Ministry statement", " ministry  STATEMENT "]))
               for _ in range(n)]
    return sourced_case(rows, groups, origins, count)


def expected_posteriors(case, mat):
    """The documented rule, computed directly: per line, the mean over its rows of each row's
    log-likelihood; the lines summed; Bayes' rule with the priors."""
    lines: dict = {}
    for row in mat.rows:
        item = case.evidence_item(row.evidence_id)
        origin = " ".join(item.origin.split()).lower()
        key = ("o", origin) if origin else ("s", item.source_id) if item.source_id else ("e", item.id)
        lines.setdefault(key, []).append(row)
    prior = priors(mat)
    weights = {}
    for hyp in mat.hypotheses:
        total = 0.0
        for rows in lines.values():
            logs = []
            for row in rows:
                found = mat.ratings.get((row.evidence_id, hyp.id))
                if found is None:
                    p = 0.5
                elif found.likelihood is not None:
                    p = found.likelihood
                else:
                    p = discounted(DEFAULT_LIKELIHOODS[found.rating],
                                   case.evidence_item(row.evidence_id).credibility, row.relevance)
                logs.append(math.log(p))
            total += sum(logs) / len(logs)
        weights[hyp.id] = prior[hyp.id] * math.exp(total)
    norm = sum(weights.values())
    return {h: w / norm for h, w in weights.items()}


@settings(max_examples=150, deadline=None)
@given(case=matrices())
def test_posteriors_follow_the_documented_rule(case):
    """Scores, posteriors, the incremental book and the line report all give the rule's numbers."""
    mat = case.matrices[0]
    expected = expected_posteriors(case, mat)
    scores = score_matrix(case, mat)
    book = ScoreBook(case, mat).scores(mat)
    report = line_report(case, mat)
    for hyp in mat.hypotheses:
        assert posteriors(case, mat)[hyp.id].probability == pytest.approx(expected[hyp.id], abs=1e-9)
        assert scores.for_hypothesis(hyp.id).probability == pytest.approx(expected[hyp.id], abs=1e-9)
        assert book.for_hypothesis(hyp.id).probability == pytest.approx(expected[hyp.id], abs=1e-9)
        assert report.posteriors[hyp.id] == pytest.approx(expected[hyp.id], abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(case=matrices(), data=st.data())
def test_reporting_a_line_twice_over_changes_nothing(case, data):
    """Every item of a source's line copied into it (the same reports counted twice) moves no
    posterior; counted as independent items, they would."""
    mat = case.matrices[0]
    before = {h.id: s.probability for h, s in zip(mat.hypotheses, score_matrix(case, mat).hypotheses)}
    chosen = case.evidence_item(data.draw(st.sampled_from(mat.rows)).evidence_id)
    if chosen.source_id is None and not chosen.origin.strip():
        return  # an item of no source stands alone: its copy would be a second, independent item
    key = line_key(chosen)
    for row in list(mat.rows):
        item = case.evidence_item(row.evidence_id)
        if line_key(item) != key:
            continue
        copy = dataclasses.replace(item, id=max(e.id for e in case.evidence) + 1, number=99)
        case.evidence.append(copy)
        mat.rows.append(dataclasses.replace(row, evidence_id=copy.id))
        for hyp in mat.hypotheses:
            found = mat.ratings.get((item.id, hyp.id))
            if found is not None:
                mat.ratings[(copy.id, hyp.id)] = found
    after = score_matrix(case, mat).hypotheses
    for hyp, score in zip(mat.hypotheses, after):
        assert score.probability == pytest.approx(before[hyp.id], abs=1e-9)


def test_one_articles_rows_weigh_as_one_item_not_as_many():
    """Ten rows of one article against one row of another: the article counts once."""
    rows = [(f"E{i}", "High", "High", ["CC", "I"]) for i in range(1, 11)]
    rows.append(("E11", "High", "High", ["II", "CC"]))
    case = sourced_case(rows, [1] * 10 + [2])
    mat = case.matrices[0]
    h1, h2 = (h.id for h in mat.hypotheses)
    report = line_report(case, mat)
    assert report.independent[h1] > 0.999
    # one line (CC, I) against one (II, CC): 0.9 × 0.1 against 0.3 × 0.9
    assert report.posteriors[h1] == pytest.approx(0.09 / (0.09 + 0.27))
    # the lines come most influential first: Article 2's one row moves the leader most
    assert [line.name for line in report.lines] == ["Article 2", "Article 1"]
    assert report.leader == h2
    first = report.lines[1]
    assert first.evidence == tuple(r.evidence_id for r in mat.rows[:10])
    assert first.without[h2] == pytest.approx(0.9)  # E11 alone: 0.9 against 0.1
    assert first.against[h1] == pytest.approx(-math.log2(0.9 / 0.5))
    # leaving Article 2 out hands the lead back to H1: the most influential line
    assert report.most_influential is report.lines[0]
    assert report.shift(report.lines[0]) == pytest.approx(0.25 - 0.75)
    assert report.leader_without(report.lines[0]) == h1
    # an origin splits nothing it does not name, and joins items of two sources
    case.evidence[10].origin = case.evidence[0].origin = "Ministry statement"
    assert sorted(line.name for line in line_report(case, mat).lines) == [
        "Article 1", "Ministry statement"]
    # an origin spelt as a source's title (any case, any spacing) is that source's line
    case.evidence[10].origin = case.evidence[0].origin = "  article   1 "
    assert [(line.name, len(line.evidence)) for line in line_report(case, mat).lines] == [
        ("Article 1", 11)]


def test_level_leaders_and_a_line_that_moves_nothing_are_said_so():
    """Two hypotheses level, and no line moving them: the sentence says exactly that."""
    case = sourced_case([("E1", "High", "High", ["C", "C"])], [1])
    mat = case.matrices[0]
    report = line_report(case, mat)
    labels = {h.id: f"H{i}" for i, h in enumerate(mat.hypotheses, 1)}
    assert report.leaders == tuple(h.id for h in mat.hypotheses)
    assert report.sentence(labels) == ("H1 and H2 are level at 50%, and no line of evidence "
                                       "moves them by as much as one point.")


@settings(max_examples=80, deadline=None)
@given(case=matrices(max_rows=6))
def test_the_posteriors_without_a_line_are_those_of_the_matrix_without_its_rows(case):
    """Leaving a line out in the report equals scoring the matrix without its rows; the most
    influential line is the one that moves the leader's posterior most."""
    mat = case.matrices[0]
    report = line_report(case, mat)
    shifts = []
    for line in report.lines:
        kept = [r for r in mat.rows if r.evidence_id not in line.evidence]
        rest = dataclasses.replace(mat, rows=kept)
        expected = expected_posteriors(case, rest) if kept else priors(mat)
        for hyp in mat.hypotheses:
            assert line.without[hyp.id] == pytest.approx(expected[hyp.id], abs=1e-9)
        shifts.append(abs(report.shift(line)))
    if report.lines:
        assert abs(report.shift(report.most_influential)) == pytest.approx(max(shifts))


@settings(max_examples=120, deadline=None)
@given(case=matrices(max_rows=6))
def test_probability_linchpins_match_removing_each_row(case):
    """A linchpin in the probability mode is an item whose removal (its line's other rows
    then sharing the line among themselves) changes the order: checked by removing each row."""
    mat = case.matrices[0]
    mode = ScoringMode.PROBABILITY
    base = ranking(case, mat, mode)
    pins = {p.evidence_id: p for p in linchpins(case, mat, mode)}
    for row in list(mat.rows):
        rest = dataclasses.replace(mat, rows=[r for r in mat.rows if r.evidence_id != row.evidence_id])
        after = ranking(case, rest, mode)
        assert (row.evidence_id in pins) == (after != base), case.evidence_item(row.evidence_id).label
        if row.evidence_id in pins:
            assert pins[row.evidence_id].changes_leader == (leaders(after) != leaders(base))


@pytest.mark.parametrize("seed", range(10))
def test_probability_fewest_changes_match_a_brute_force_search_with_lines(seed):
    """With two items of one article, the plan is as short as an exhaustive search finds, and
    applied it puts its challenger alone in the lead."""
    import random

    from test_analysis import _brute_force_fewest

    rng = random.Random(300 + seed)
    rows = [(f"E{i}", rng.choice(LEVELS), rng.choice(LEVELS),
             [rng.choice(CODES[:6]) for _ in range(3)]) for i in range(1, 4)]
    case = sourced_case(rows, [1, 1, None])
    mat = case.matrices[0]
    mode = ScoringMode.PROBABILITY
    expected = _brute_force_fewest(case, mat, mode, limit=2)
    change = fewest_changes(case, mat, mode)
    if expected is None:
        assert change is None or len(change.changes) > 2
        return
    assert change is not None and len(change.changes) == expected
    for c in change.changes:
        mat.ratings[c.cell] = dataclasses.replace(mat.ratings[c.cell], rating=c.after)
    assert leaders(ranking(case, mat, mode)) == frozenset({change.challenger})


def test_contributions_in_bits_add_up_within_a_line():
    """Each row of a line of n carries 1/n of its bits; the line's rows add up to the line."""
    rows = [("E1", "High", "High", ["CC", "I"]), ("E2", "High", "High", ["C", "II"])]
    case = sourced_case(rows, [1, 1])
    mat = case.matrices[0]
    h1, _ = (h.id for h in mat.hypotheses)
    found = contributions(case, mat, ScoringMode.PROBABILITY)
    line = line_report(case, mat).lines[0]
    assert sum(found[h1].values()) == pytest.approx(line.against[h1])
    assert found[h1][mat.rows[0].evidence_id] == pytest.approx(-math.log2(0.9 / 0.5) / 2)


def test_a_low_credibility_line_still_counts_once():
    """Discounting applies row by row, before the line's mean."""
    rows = [("E1", "Low", "High", ["CC", "II"]), ("E2", "High", "High", ["CC", "II"])]
    case = sourced_case(rows, [1, 1])
    mat = case.matrices[0]
    h1, h2 = (h.id for h in mat.hypotheses)
    low = discounted(0.9, Level.LOW, Level.HIGH), discounted(0.1, Level.LOW, Level.HIGH)
    ratio = math.exp((math.log(low[0]) + math.log(0.9)) / 2 - (math.log(low[1]) + math.log(0.1)) / 2)
    assert posteriors(case, mat)[h1].probability == pytest.approx(ratio / (1 + ratio))
    assert posteriors(case, mat)[h2].probability == pytest.approx(1 / (1 + ratio))


@settings(max_examples=60, deadline=None)
@given(matrices())
def test_lines_come_most_influential_first(case):
    """However the matrix is drawn, the lines are listed by how far each moves the leader's
    posterior when left out, the most influential first."""
    report = line_report(case, case.matrices[0])
    moves = [abs(report.shift(line)) for line in report.lines]
    assert moves == sorted(moves, reverse=True)
    if report.lines:
        assert abs(report.shift(report.most_influential)) == moves[0]
