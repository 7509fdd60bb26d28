"""Calibration: how the analyst's probabilities, and the tool's, fared once outcomes were known.

A matrix is *closed* when its outcome is recorded: which hypothesis turned out
true (or none of them), when, and on what grounds. Closing it freezes the
matrix in a snapshot; the judgments that count are the ones each snapshot up to
and including that one kept. For each closed matrix and each such snapshot
there are two forecasts over the hypotheses: the analyst's judged probabilities
(when they were complete) and the tool's posteriors.

* The **Brier score** of a forecast is Σ_h (p_h − o_h)², o_h = 1 for the
  hypothesis that proved true and 0 for the others (Brier 1950): 0 is perfect,
  2 the worst possible, and spreading the probability evenly over k hypotheses
  scores 1 − 1/k. A matrix's score is that of its final forecast (the closing
  snapshot); the workspace's is the mean over closed matrices.
* The **calibration chart** bins every hypothesis's final probability (0–10 %,
  10–20 % … 90–100 %) and plots, per bin, the mean probability given against
  how often those hypotheses proved true.
* **Over- or under-confidence**: the mean probability given to the forecast's
  favourite against the share of matrices where the favourite proved true
  (positive: over-confident).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sat_tool.domain.model import HypothesisId, Matrix, MatrixId, Outcome
from sat_tool.domain.snapshots import Snapshot
from sat_tool.domain.text import translate

BINS = 10
"""Bins of the calibration chart, each 10 percentage points wide."""

COHERENCE = 0.02
"""How far from 100 % the analyst's probabilities may add up and still count as a forecast."""

def outcome_sentence(matrix: Matrix, labels: Mapping[HypothesisId, str]) -> str:
    """What proved true for a closed matrix, in a sentence (empty while it is open)."""
    outcome = matrix.outcome
    if outcome is None:
        return ""
    if outcome.hypothesis_id is not None:
        text = (translate("Calibration", "{label} ({title}) proved true, known since {date}.")
                if outcome.date else translate("Calibration", "{label} ({title}) proved true."))
        text = text.format(label=labels[outcome.hypothesis_id],
                           title=matrix.hypothesis(outcome.hypothesis_id).title, date=outcome.date)
    else:
        text = (translate("Calibration", "None of the hypotheses proved true, known since {date}.")
                if outcome.date else translate("Calibration", "None of the hypotheses proved true."))
        text = text.format(date=outcome.date)
    text = text[:1].upper() + text[1:]
    if outcome.evidence:
        text += " " + translate("Calibration", "Grounds: {grounds}").format(grounds=outcome.evidence)
    return text


def closed_scores(matrix: Matrix, tool: Mapping[HypothesisId, float]) -> tuple[float | None, float]:
    """A closed matrix's Brier scores as it stands: the analyst's probabilities (None when
    incomplete) and the tool's posteriors ``tool``."""
    assert matrix.outcome is not None
    truth = matrix.outcome.hypothesis_id
    analyst = analyst_forecast(matrix)
    return (None if analyst is None else brier(analyst, truth)), brier(dict(tool), truth)


def brier(forecast: dict[HypothesisId, float], truth: HypothesisId | None) -> float:
    """The Brier score of one forecast over the hypotheses (0 perfect, 2 worst)."""
    return math.fsum((p - (1.0 if h == truth else 0.0)) ** 2 for h, p in forecast.items())


@dataclass(frozen=True)
class Forecast:
    """One snapshot's two forecasts for a closed matrix: the analyst's (None when incomplete)
    and the tool's posteriors."""

    snapshot: str
    created: str
    analyst: dict[HypothesisId, float] | None
    tool: dict[HypothesisId, float]


@dataclass(frozen=True)
class ClosedMatrix:
    """A closed matrix with its outcome and its forecasts, oldest first (the last is final)."""

    matrix_id: MatrixId
    question: str
    case_title: str
    outcome: Outcome
    truth_title: str
    forecasts: tuple[Forecast, ...]

    @property
    def final(self) -> Forecast | None:
        return self.forecasts[-1] if self.forecasts else None

    def brier(self, who: str) -> float | None:
        """The Brier score of the final forecast of ``who`` ("analyst" or "tool")."""
        final = self.final
        forecast = None if final is None else getattr(final, who)
        return None if forecast is None else brier(forecast, self.outcome.hypothesis_id)

    def history(self, who: str) -> list[tuple[str, float | None]]:
        """Each snapshot's Brier score for ``who``, oldest first."""
        return [(f.snapshot, None if getattr(f, who) is None
                 else brier(getattr(f, who), self.outcome.hypothesis_id)) for f in self.forecasts]


@dataclass(frozen=True)
class Bin:
    """One bin of the calibration chart."""

    low: float
    high: float
    count: int
    mean_forecast: float
    observed: float


@dataclass(frozen=True)
class Calibration:
    """Calibration of one forecaster ("analyst" or "tool") across the closed matrices."""

    who: str
    matrices: int
    """Closed matrices with a final forecast of this forecaster."""
    brier: float | None
    bins: tuple[Bin, ...]
    confidence: float | None
    """Mean probability of the favourite."""
    hit_rate: float | None
    """Share of matrices whose favourite proved true."""

    @property
    def overconfidence(self) -> float | None:
        """Confidence less hit rate: above 0 over-confident, below 0 under-confident."""
        if self.confidence is None or self.hit_rate is None:
            return None
        return self.confidence - self.hit_rate

    def sentence(self) -> str:
        """The pattern in words, for the panel, the CLI and the reports."""
        analyst = self.who == "analyst"
        if not self.matrices:
            return (translate("Calibration", "The analyst's probabilities: no closed matrix has them "
                              "yet.") if analyst else
                    translate("Calibration", "The tool's posteriors: no closed matrix has them yet."))
        if analyst:
            text = (translate("Calibration", "The analyst's probabilities: mean Brier score {brier} "
                              "over {count} closed matrix") if self.matrices == 1 else
                    translate("Calibration", "The analyst's probabilities: mean Brier score {brier} "
                              "over {count} closed matrices"))
        else:
            text = (translate("Calibration", "The tool's posteriors: mean Brier score {brier} over "
                              "{count} closed matrix") if self.matrices == 1 else
                    translate("Calibration", "The tool's posteriors: mean Brier score {brier} over "
                              "{count} closed matrices"))
        text = text.format(brier=f"{self.brier:.3f}", count=self.matrices)
        gap = self.overconfidence
        if gap is not None and self.matrices >= 1:
            if abs(gap) < 0.05:
                clause = translate("Calibration", "; the favourite got {confidence} on average and "
                                   "proved true {hit_rate} of the time: well calibrated")
            elif gap > 0:
                clause = translate("Calibration", "; the favourite got {confidence} on average but "
                                   "proved true {hit_rate} of the time: over-confident")
            else:
                clause = translate("Calibration", "; the favourite got {confidence} on average but "
                                   "proved true {hit_rate} of the time: under-confident")
            text += clause.format(confidence=f"{self.confidence:.0%}", hit_rate=f"{self.hit_rate:.0%}")
        if self.matrices < 10:
            text += translate("Calibration", " (too few closed matrices to read much into yet)")
        return text + "."


def forecasts_of(snapshots: Sequence[Snapshot], posteriors: Iterable[dict[HypothesisId, float]]
                 ) -> tuple[Forecast, ...]:
    """The forecasts of a matrix's snapshots (oldest first), given each one's posteriors."""
    out = []
    for snap, tool in zip(snapshots, posteriors):
        out.append(Forecast(snap.name, snap.created, analyst_forecast(snap.matrix), dict(tool)))
    return tuple(out)


def analyst_forecast(matrix: Matrix) -> dict[HypothesisId, float] | None:
    """The analyst's judged probabilities as a forecast, or None when some are missing or they
    do not add up to 100 % (within :data:`COHERENCE`)."""
    values = {h.id: h.judged for h in matrix.hypotheses}
    if not values or any(v is None for v in values.values()):
        return None
    total = sum(v for v in values.values() if v is not None)
    if abs(total - 1) > COHERENCE:
        return None
    return {h: (v or 0.0) / total for h, v in values.items()}


def calibration(closed: Sequence[ClosedMatrix], who: str) -> Calibration:
    """The calibration of one forecaster over the final forecasts of the closed matrices."""
    finals = [(c, getattr(c.final, who)) for c in closed if c.final is not None
              and getattr(c.final, who) is not None]
    if not finals:
        return Calibration(who, 0, None, (), None, None)
    scores = [brier(f, c.outcome.hypothesis_id) for c, f in finals]
    pairs = [(p, h == c.outcome.hypothesis_id) for c, f in finals for h, p in f.items()]
    bins = []
    for n in range(BINS):
        low, high = n / BINS, (n + 1) / BINS
        members = [(p, hit) for p, hit in pairs if low <= p < high or (n == BINS - 1 and p == 1.0)]
        if members:
            bins.append(Bin(low, high, len(members), sum(p for p, _ in members) / len(members),
                            sum(hit for _, hit in members) / len(members)))
    favourites = [max(f.items(), key=lambda kv: kv[1]) for _, f in finals]
    confidence = sum(p for _, p in favourites) / len(favourites)
    hits = sum(h == c.outcome.hypothesis_id for (c, _), (h, _) in zip(finals, favourites))
    return Calibration(who, len(finals), sum(scores) / len(scores), tuple(bins), confidence,
                       hits / len(finals))
