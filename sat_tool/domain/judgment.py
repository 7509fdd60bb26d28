"""The analyst's own probabilities (Heuer's step 7), checked against the scores.

The analyst states a probability for every hypothesis; they must add up to
100%. SAT Tool then points out where that judgment and the evidence part
ways: a different favourite than the scores, or a probability far from what
the evidence alone gives in the probabilistic view.
"""

from __future__ import annotations

from dataclasses import dataclass

from sat_tool.domain.model import HypothesisId, Matrix
from sat_tool.domain.scoring import MatrixScores

SUM_TOLERANCE = 0.005
"""How far from 100% a set of probabilities may be (half a percentage point)."""
GAP = 0.25
"""A difference from the probabilistic view worth pointing out (25 percentage points)."""


@dataclass(frozen=True)
class JudgmentNote:
    """One remark about the analyst's probabilities; ``hypothesis_id`` is where to look."""

    message: str
    hypothesis_id: HypothesisId | None = None
    problem: bool = True


def judged_total(matrix: Matrix) -> float | None:
    """The sum of the analyst's probabilities, or None when none is given."""
    values = [h.judged for h in matrix.hypotheses if h.judged is not None]
    return sum(values) if values else None


def judgment_complete(matrix: Matrix) -> bool:
    """Every hypothesis has a probability and they add up to 100%."""
    total = judged_total(matrix)
    return (total is not None and all(h.judged is not None for h in matrix.hypotheses)
            and abs(total - 1) <= SUM_TOLERANCE)


def review_judgment(matrix: Matrix, scores: MatrixScores, reader: str = "you"
                    ) -> list[JudgmentNote]:
    """What to say about the analyst's probabilities, most important first: to the analyst
    (``reader`` "you", as the window does) or about them (``"the analyst"``, as reports do)."""
    labels = {h.id: f"H{i}" for i, h in enumerate(matrix.hypotheses, 1)}
    you = reader == "you"
    whose = "Your" if you else "The analyst's"
    judges, gives = ("You judge", "You give") if you else ("The analyst judges", "The analyst gives")
    total = judged_total(matrix)
    if total is None:
        return [JudgmentNote("No probabilities yet: say how likely you judge each hypothesis."
                             if you else "The analyst has given no probabilities yet.")]
    notes = []
    missing = [labels[h.id] for h in matrix.hypotheses if h.judged is None]
    if missing:
        notes.append(JudgmentNote(f"No probability for {', '.join(missing)}."))
    if abs(total - 1) > SUM_TOLERANCE:
        notes.append(JudgmentNote(f"{whose} probabilities add up to {total:.0%}, not 100%."))
    judged = {h.id: h.judged for h in matrix.hypotheses if h.judged is not None}
    favourite = max(judged, key=lambda h: judged[h])
    leaders = [s.hypothesis_id for s in scores.hypotheses if s.rank == 1]
    if favourite not in leaders:
        notes.append(JudgmentNote(
            f"{judges} {labels[favourite]} most likely ({judged[favourite]:.0%}), but the scores "
            f"favour {' and '.join(labels[h] for h in leaders)}: what evidence or assumption "
            "outside the matrix explains the difference?", favourite))
    for score in scores.hypotheses:
        mine = judged.get(score.hypothesis_id)
        if mine is not None and abs(mine - score.probability) >= GAP:
            notes.append(JudgmentNote(
                f"{gives} {labels[score.hypothesis_id]} {mine:.0%}; the evidence alone gives "
                f"{score.probability:.0%} in the probabilistic view.", score.hypothesis_id))
    if not notes:
        notes.append(JudgmentNote(f"{whose} probabilities add up to 100% and agree with the "
                                  "scores.", problem=False))
    return notes
