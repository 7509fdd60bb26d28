"""The scoring formulas against the worked examples of the method."""

from __future__ import annotations

import math

import pytest

from sat_tool.domain import Level, Rating, ScoringMode, diagnosticity, score_matrix
from sat_tool.domain.scoring import competition_ranks, row_weight

from conftest import grid_case


def scores_by_title(case):
    mat = case.matrices[0]
    result = score_matrix(case, mat)
    return {h.title: result.for_hypothesis(h.id) for h in mat.hypotheses}


def test_open_source_ach_sample_scores():
    """Open Source ACH's published sample gives H1 = 6 and H2 = 0, weighted the same."""
    case = grid_case([("A", "Medium", "Medium", ["II", "NA"]), ("B", "Medium", "Medium", ["II", "C"]),
                      ("C", "Medium", "Medium", ["I", "C"]), ("D", "Medium", "Medium", ["I", "C"])])
    scores = scores_by_title(case)
    assert scores["Hypothesis 1"].inconsistency == 6
    assert scores["Hypothesis 2"].inconsistency == 0
    assert scores["Hypothesis 1"].weighted == pytest.approx(6.0)
    assert scores["Hypothesis 2"].weighted == pytest.approx(0.0)
    assert (scores["Hypothesis 2"].rank, scores["Hypothesis 1"].rank) == (1, 2)


def test_pyach_docstring_example():
    """pyACH's example: H0 weighted 0, H1 weighted √2·√2·1 = 2.0."""
    case = grid_case([("E0", "High", "High", ["CC", "I"]), ("E1", "Medium", "High", ["C", "CC"])])
    scores = scores_by_title(case)
    assert scores["Hypothesis 1"].weighted == pytest.approx(0.0)
    assert scores["Hypothesis 2"].weighted == pytest.approx(2.0)


def test_weighting_breaks_a_tie():
    """Hand-checked example 3: counts 3, 3, 1; weighted 2.414, 4.828, 0.5; ranking H3, H1, H2."""
    case = grid_case([("E1", "High", "Medium", ["I", "C", "NA"]),
                      ("E2", "Low", "Low", ["II", "C", "I"]),
                      ("E3", "Medium", "High", ["C", "II", "N"]),
                      ("E4", "High", "High", ["N", "I", "CC"])])
    scores = scores_by_title(case)
    assert [scores[f"Hypothesis {i}"].inconsistency for i in (1, 2, 3)] == [3, 3, 1]
    assert scores["Hypothesis 1"].weighted == pytest.approx(math.sqrt(2) + 1)
    assert scores["Hypothesis 2"].weighted == pytest.approx(2 * math.sqrt(2) + 2)
    assert scores["Hypothesis 3"].weighted == pytest.approx(0.5)
    assert [scores[f"Hypothesis {i}"].rank for i in (1, 2, 3)] == [2, 3, 1]
    by_count = score_matrix(case, case.matrices[0], ScoringMode.INCONSISTENCY)
    assert [s.rank for s in by_count.hypotheses] == [2, 2, 1]


@pytest.mark.parametrize(("row", "expected"), [
    (["C", "C", "C"], 0.0),
    (["I", "C", "C"], 0.943),
    (["II", "C", "C"], 1.414),
])
def test_diagnosticity_of_listed_rows(row, expected):
    """Diagnosticity is the population standard deviation on the signed scale."""
    assert diagnosticity([Rating(code) for code in row]) == pytest.approx(expected, abs=5e-4)


def test_diagnosticity_skips_na_and_unrated():
    """NA and unrated cells do not count; one remaining rating cannot discriminate."""
    assert diagnosticity([Rating.II, Rating.NA, None, Rating.C]) == pytest.approx(1.5)
    assert diagnosticity([Rating.C, Rating.NA, None]) is None


def test_row_inconsistent_with_every_hypothesis_is_flagged():
    """A row of only I and II is flagged as a possible missing hypothesis, not as most diagnostic."""
    case = grid_case([("E1", "Medium", "Medium", ["I", "II", "I"]),
                      ("E2", "Medium", "Medium", ["I", "C", "I"]),
                      ("E3", "Medium", "Medium", ["I", "", "I"])])
    result = score_matrix(case, case.matrices[0])
    flags = [e.inconsistent_with_all for e in result.evidence]
    assert flags == [True, False, False]


def test_weights_follow_parc():
    """Row weights are credibility × relevance with High √2, Medium 1, Low 1/√2."""
    assert row_weight(Level.HIGH, Level.HIGH) == pytest.approx(2.0)
    assert row_weight(Level.LOW, Level.LOW) == pytest.approx(0.5)
    assert row_weight(Level.HIGH, Level.LOW) == pytest.approx(1.0)
    assert row_weight(Level.MEDIUM, Level.HIGH) == pytest.approx(math.sqrt(2))


def test_rating_codes_parse_tolerantly():
    """Ratings read in any case and in PARC's spaced spelling; anything else is refused."""
    assert Rating.parse("i i") is Rating.II
    assert Rating.parse(" cc") is Rating.CC
    assert Rating.parse("na") is Rating.NA
    with pytest.raises(ValueError, match="not a rating"):
        Rating.parse("X")


def test_equal_scores_share_a_rank():
    """Ties share the better rank and the next rank is skipped."""
    assert competition_ranks([3.0, 1.0, 3.0, 5.0]) == [2, 1, 2, 4]


def test_unrated_cells_are_listed_row_by_row():
    """A matrix reports which cells still need a rating."""
    case = grid_case([("E1", "Medium", "Medium", ["C", ""]), ("E2", "Medium", "Medium", ["", "I"])])
    mat = case.matrices[0]
    labels = [(case.evidence_item(e).label, mat.hypothesis(h).title) for e, h in mat.unrated_cells()]
    assert labels == [("E1", "Hypothesis 2"), ("E2", "Hypothesis 1")]


def test_quote_is_located_in_its_source():
    """A quote's position is kept when still right, found again when moved, None when absent."""
    from sat_tool.domain.model import locate_quote

    text = "one two three two"
    assert locate_quote(text, "two", 14) == 14
    assert locate_quote(text, "two", 0) == 4
    assert locate_quote(text, "four") is None
    assert locate_quote(text, "") is None
