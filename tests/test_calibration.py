"""Brier scores, calibration bins and the over- or under-confidence of forecasts, for all inputs."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sat_tool.domain import HypothesisId, MatrixId, Outcome
from sat_tool.domain.calibration import ClosedMatrix, Forecast, brier, calibration
from sat_tool.domain.model import valid_date


@st.composite
def forecasts(draw):
    k = draw(st.integers(2, 6))
    weights = draw(st.lists(st.floats(0.01, 10), min_size=k, max_size=k))
    total = sum(weights)
    return {HypothesisId(i + 1): w / total for i, w in enumerate(weights)}


@given(forecast=forecasts(), data=st.data())
def test_a_brier_score_lies_between_a_perfect_and_the_worst_forecast(forecast, data):
    truth = data.draw(st.sampled_from([None, *forecast]))
    score = brier(forecast, truth)
    assert 0 <= score <= 2
    certain = {h: float(h == truth) for h in forecast}
    assert brier(certain, truth) == 0
    if truth is not None:
        wrong = next(h for h in forecast if h != truth)
        assert brier({h: float(h == wrong) for h in forecast}, truth) == 2


@given(k=st.integers(2, 8), data=st.data())
def test_an_even_spread_scores_one_less_one_over_k(k, data):
    even = {HypothesisId(i): 1 / k for i in range(1, k + 1)}
    truth = data.draw(st.sampled_from(list(even)))
    assert brier(even, truth) == pytest.approx(1 - 1 / k)


def closed(forecast, truth, n=0):
    return ClosedMatrix(MatrixId(n), "Q", "Case", Outcome(truth), "T",
                        (Forecast("Closed", "", forecast, forecast),))


@given(st.lists(st.tuples(forecasts(), st.data()), min_size=1, max_size=12))
def test_calibration_counts_every_probability_once_and_averages_the_scores(cases):
    matrices = []
    for n, (forecast, data) in enumerate(cases):
        matrices.append(closed(forecast, data.draw(st.sampled_from(list(forecast))), n))
    cal = calibration(matrices, "analyst")
    assert cal.matrices == len(matrices)
    assert sum(b.count for b in cal.bins) == sum(len(c.final.analyst) for c in matrices)
    assert cal.brier == pytest.approx(sum(c.brier("analyst") for c in matrices) / len(matrices))
    for b in cal.bins:
        assert b.low <= b.mean_forecast <= b.high and 0 <= b.observed <= 1
    favourites = [max(c.final.analyst.values()) for c in matrices]
    assert cal.confidence == pytest.approx(sum(favourites) / len(favourites))


def test_an_analyst_right_more_often_than_they_said_is_under_confident():
    """Favourites given 60% that proved true every time: under-confident by 40 points."""
    h1, h2 = HypothesisId(1), HypothesisId(2)
    matrices = [closed({h1: 0.6, h2: 0.4}, h1, n) for n in range(10)]
    cal = calibration(matrices, "analyst")
    assert cal.overconfidence == pytest.approx(-0.4)
    assert "under-confident" in cal.sentence()
    assert "too few" not in cal.sentence()
    sure = calibration([closed({h1: 0.95, h2: 0.05}, h2, n) for n in range(3)], "analyst")
    assert sure.overconfidence == pytest.approx(0.95) and "over-confident" in sure.sentence()
    assert "too few closed matrices" in sure.sentence()


def test_no_forecast_is_no_calibration():
    empty = ClosedMatrix(MatrixId(1), "Q", "Case", Outcome(None), "none", ())
    cal = calibration([empty], "tool")
    assert cal.matrices == 0 and cal.brier is None and "no closed matrix" in cal.sentence()


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_every_real_date_and_its_month_and_year_are_valid(day):
    text = day.isoformat()
    assert valid_date(text) and valid_date(text[:7]) and valid_date(text[:4])


@pytest.mark.parametrize("text", ["2015-13", "2015-02-30", "15/3/2015", "2015-3", "", "2015-00",
                                  "twenty", "2015-03-18T10:00"])
def test_what_is_not_a_date_is_refused(text):
    assert not valid_date(text)
