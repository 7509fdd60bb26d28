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
from sat_tool.domain.text import translate

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
    total = judged_total(matrix)
    if total is None:
        return [JudgmentNote(translate("Judgment", "No probabilities yet: say how likely you judge "
                                       "each hypothesis.") if you else
                             translate("Judgment", "The analyst has given no probabilities yet."))]
    notes = []
    missing = [labels[h.id] for h in matrix.hypotheses if h.judged is None]
    if missing:
        notes.append(JudgmentNote(translate("Judgment", "No probability for {hypotheses}.").format(
            hypotheses=", ".join(missing))))
    if abs(total - 1) > SUM_TOLERANCE:
        text = (translate("Judgment", "Your probabilities add up to {total}, not 100%.") if you else
                translate("Judgment", "The analyst's probabilities add up to {total}, not 100%."))
        notes.append(JudgmentNote(text.format(total=f"{total:.0%}")))
    judged = {h.id: h.judged for h in matrix.hypotheses if h.judged is not None}
    favourite = max(judged, key=lambda h: judged[h])
    leaders = [s.hypothesis_id for s in scores.hypotheses if s.rank == 1]
    if favourite not in leaders:
        favoured = labels[leaders[0]] if leaders else ""
        for h in leaders[1:]:
            favoured = translate("Judgment", "{first} and {second}").format(first=favoured,
                                                                           second=labels[h])
        text = (translate("Judgment", "You judge {favourite} most likely ({probability}), but the "
                          "scores favour {leaders}: what evidence or assumption outside the matrix "
                          "explains the difference?") if you else
                translate("Judgment", "The analyst judges {favourite} most likely ({probability}), "
                          "but the scores favour {leaders}: what evidence or assumption outside the "
                          "matrix explains the difference?"))
        notes.append(JudgmentNote(text.format(favourite=labels[favourite],
                                              probability=f"{judged[favourite]:.0%}",
                                              leaders=favoured), favourite))
    for score in scores.hypotheses:
        mine = judged.get(score.hypothesis_id)
        if mine is not None and abs(mine - score.probability) >= GAP:
            text = (translate("Judgment", "You give {hypothesis} {judged}; the evidence alone gives "
                              "{probability} in the probabilistic view.") if you else
                    translate("Judgment", "The analyst gives {hypothesis} {judged}; the evidence "
                              "alone gives {probability} in the probabilistic view."))
            notes.append(JudgmentNote(text.format(hypothesis=labels[score.hypothesis_id],
                                                  judged=f"{mine:.0%}",
                                                  probability=f"{score.probability:.0%}"),
                                      score.hypothesis_id))
    if not notes:
        notes.append(JudgmentNote(
            translate("Judgment", "Your probabilities add up to 100% and agree with the scores.")
            if you else
            translate("Judgment", "The analyst's probabilities add up to 100% and agree with the "
                      "scores."), problem=False))
    return notes
