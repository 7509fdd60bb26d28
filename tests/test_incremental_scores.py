"""Scores kept current cell by cell equal a full rescore, for every sequence of edits (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from sat_tool.domain import Rating, score_matrix
from sat_tool.domain.model import Assessment, Level, ScoringMode
from sat_tool.domain.scoring import ScoreBook

from conftest import grid_case

CODES = ["", "CC", "C", "N", "I", "II", "NA"]


@st.composite
def matrices(draw):
    """A random matrix: credibility, relevance, ratings (some unrated), priors and a mode."""
    rows = draw(st.integers(1, 7))
    columns = draw(st.integers(1, 5))
    levels = [lv.value for lv in Level]
    grid = [(f"E{i}", draw(st.sampled_from(levels)), draw(st.sampled_from(levels)),
             [draw(st.sampled_from(CODES)) for _ in range(columns)]) for i in range(1, rows + 1)]
    case = grid_case(grid, columns)
    mat = case.matrices[0]
    mat.scoring_mode = draw(st.sampled_from(list(ScoringMode)))
    for hyp in mat.hypotheses:
        hyp.prior = draw(st.one_of(st.none(), st.floats(0, 1)))
    return case


EDITS = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 6), st.booleans(),
                           st.integers(1, 3)), min_size=1, max_size=25)


def assert_same(book_scores, full):
    for ours, theirs in zip(book_scores.hypotheses, full.hypotheses, strict=True):
        assert ours.hypothesis_id == theirs.hypothesis_id
        assert ours.inconsistency == theirs.inconsistency
        assert math.isclose(ours.weighted, theirs.weighted, abs_tol=1e-9)
        assert math.isclose(ours.probability, theirs.probability, abs_tol=1e-9)
        assert ours.rank == theirs.rank
    assert book_scores.unrated == full.unrated
    for ours, theirs in zip(book_scores.evidence, full.evidence, strict=True):
        assert ours.evidence_id == theirs.evidence_id
        assert ours.inconsistent_with_all == theirs.inconsistent_with_all
        if theirs.diagnosticity is None:
            assert ours.diagnosticity is None
        else:
            assert math.isclose(ours.diagnosticity, theirs.diagnosticity, abs_tol=1e-12)


@settings(max_examples=200, deadline=None)
@given(matrices(), EDITS)
def test_a_book_kept_current_edit_by_edit_equals_a_full_rescore(case, edits):
    """Rating, re-rating, clearing and overriding cells, one or several at a time."""
    mat = case.matrices[0]
    book = ScoreBook(case, mat)
    assert_same(book.scores(mat), score_matrix(case, mat))
    cells = [(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses]
    for n, code, override, width in edits:
        chosen = cells[n % len(cells):][:width]
        for cell in chosen:
            if code == 0:
                mat.ratings.pop(cell, None)
            else:
                rating = Rating(CODES[code])
                likelihood = ((n % 9) + 1) / 10 if override else None
                mat.ratings[cell] = Assessment(rating, "A", "", "", likelihood)
        book.update(mat, chosen)
        assert_same(book.scores(mat), score_matrix(case, mat))
        assert book.unrated == {h.id: sum(1 for r in mat.rows if (r.evidence_id, h.id) not in mat.ratings)
                                for h in mat.hypotheses}


def test_the_lookup_of_a_row_s_scores_is_exact():
    case = grid_case([("E1", "High", "High", ["C", "I"]), ("E2", "Low", "Low", ["II", "II"])])
    mat = case.matrices[0]
    scores = score_matrix(case, mat)
    first, second = (r.evidence_id for r in mat.rows)
    assert scores.for_evidence(first).diagnosticity == 1.0
    assert scores.for_evidence(second).inconsistent_with_all
    try:
        scores.for_evidence(first + second + 100)
    except KeyError:
        pass
    else:
        raise AssertionError("a row that is not there must not be found")


def _reference_what_if(case, mat, what_if):
    """The what-if as a deep copy changed in place: what apply_what_if must equal."""
    import copy

    from sat_tool.domain.sensitivity import REVERSED

    new_case = copy.deepcopy(case)
    new = new_case.matrix(mat.id)
    for eid, level in what_if.credibility:
        new_case.evidence_item(eid).credibility = level
    for eid in what_if.deception:
        for cell, found in new.ratings.items():
            if cell[0] == eid:
                found.rating = REVERSED[found.rating]
                found.likelihood = None
    new.rows = [r for r in new.rows if r.evidence_id not in what_if.excluded]
    new.ratings = {c: a for c, a in new.ratings.items() if c[0] not in what_if.excluded}
    return new_case, new


@settings(max_examples=150, deadline=None)
@given(matrices(), st.data())
def test_a_what_if_is_applied_to_copies_and_leaves_the_case_alone(case, data):
    """apply_what_if copies only what it changes, yet gives what a deep copy changed would."""
    import copy

    from sat_tool.domain.sensitivity import WhatIf, apply_what_if

    mat = case.matrices[0]
    ids = [r.evidence_id for r in mat.rows]
    excluded = frozenset(data.draw(st.lists(st.sampled_from(ids), max_size=3)))
    deception = frozenset(data.draw(st.lists(st.sampled_from(ids), max_size=3)))
    tried = data.draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(list(Level)), max_size=3))
    what_if = WhatIf(excluded, deception, tuple(tried.items()))
    before = copy.deepcopy(case)
    new_case, new = apply_what_if(case, mat, what_if)
    assert case == before  # nothing of the original changed
    ref_case, ref = _reference_what_if(case, mat, what_if)
    assert new == ref and new_case.evidence == ref_case.evidence
    assert_same(score_matrix(new_case, new), score_matrix(ref_case, ref))
