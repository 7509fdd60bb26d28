"""Heuer's eight steps as a checklist: where a matrix stands and what is missing.

:func:`review_steps` returns, for each step, findings such as "3 cells
unrated", "E7 is consistent with every hypothesis" or "no milestones yet".
Each finding names a :class:`Target`, the place in the matrix where the
analyst can fix it.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from sat_tool.domain.judgment import judgment_complete, review_judgment
from sat_tool.domain.model import Case, EvidenceId, EvidenceType, HypothesisId, Matrix, Rating
from sat_tool.domain.scoring import score_matrix
from sat_tool.domain.sensitivity import fewest_changes, linchpins, tie_break
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate

STEPS = (
    QT_TRANSLATE_NOOP("Guide", "Hypotheses"), QT_TRANSLATE_NOOP("Guide", "Evidence"),
    QT_TRANSLATE_NOOP("Guide", "Matrix"), QT_TRANSLATE_NOOP("Guide", "Refine"),
    QT_TRANSLATE_NOOP("Guide", "Tentative conclusions"), QT_TRANSLATE_NOOP("Guide", "Sensitivity"),
    QT_TRANSLATE_NOOP("Guide", "Report"), QT_TRANSLATE_NOOP("Guide", "Milestones"),
)
"""The steps' titles in English; :attr:`StepReview.shown_title` gives one in the user's language."""
DECEPTION_WORDS = re.compile(
    r"decept|deceiv|disinform|misinform|fabricat|unfounded|false.flag|mislead|planted|"
    r"staged|hoax|exaggerat", re.I)


class Place(enum.Enum):
    """Where a finding sends the analyst."""

    CELL = "cell"
    EVIDENCE = "evidence"
    HYPOTHESIS = "hypothesis"
    ADD_HYPOTHESIS = "add hypothesis"
    ADD_EVIDENCE = "add evidence"
    CONCLUSIONS = "conclusions"
    MILESTONES = "milestones"
    SENSITIVITY = "sensitivity"
    JUDGMENT = "judgment"


@dataclass(frozen=True)
class Target:
    """A place to fix a finding."""

    place: Place
    evidence_id: EvidenceId | None = None
    hypothesis_id: HypothesisId | None = None


@dataclass(frozen=True)
class Finding:
    """One remark on a step; ``done`` findings say what is already in order."""

    message: str
    target: Target | None = None
    done: bool = False


@dataclass
class StepReview:
    """One of the eight steps with its findings."""

    number: int
    title: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """True when no finding asks for work."""
        return all(f.done for f in self.findings)

    @property
    def shown_title(self) -> str:
        """The step's title in the user's language."""
        return translate("Guide", self.title)


def review_steps(case: Case, matrix: Matrix) -> list[StepReview]:
    """Check a matrix against Heuer's eight steps."""
    steps = [StepReview(i, title) for i, title in enumerate(STEPS, 1)]
    checks = (_hypotheses, _evidence, _matrix, _refine, _conclusions, _sensitivity, _report,
              _milestones)
    for step, check in zip(steps, checks):
        step.findings = check(case, matrix) or []
    return steps


def _label(case: Case, evidence_id: EvidenceId) -> str:
    return case.evidence_item(evidence_id).label


def _hypotheses(case: Case, matrix: Matrix) -> list[Finding]:
    found = []
    count = len(matrix.hypotheses)
    if count < 3:
        only = (translate("Guide", "Only {count} hypothesis: list every reasonable one, including "
                          "those that seem unlikely.") if count == 1 else
                translate("Guide", "Only {count} hypotheses: list every reasonable one, including "
                          "those that seem unlikely."))
        found.append(Finding(only.format(count=count), Target(Place.ADD_HYPOTHESIS)))
    if not any(DECEPTION_WORDS.search(f"{h.title} {h.description}") for h in matrix.hypotheses):
        found.append(Finding(translate("Guide", "No deception hypothesis: could someone be "
                                       "misleading you?"), Target(Place.ADD_HYPOTHESIS)))
    if not found:
        found.append(Finding(translate("Guide", "{count} hypotheses, including a deception "
                                       "hypothesis.").format(count=count), done=True))
    return found


def _evidence(case: Case, matrix: Matrix) -> list[Finding]:
    if not matrix.rows:
        return [Finding(translate("Guide", "No evidence yet."), Target(Place.ADD_EVIDENCE))]
    kinds = {case.evidence_item(r.evidence_id).type for r in matrix.rows}
    found = []
    if EvidenceType.ASSUMPTION not in kinds:
        found.append(Finding(translate("Guide", "No assumptions listed: state the ones the analysis "
                                       "rests on."), Target(Place.ADD_EVIDENCE)))
    if EvidenceType.ABSENCE not in kinds:
        found.append(Finding(translate("Guide", "No absence of evidence: what would you expect to "
                                       "see that is missing?"), Target(Place.ADD_EVIDENCE)))
    for row in matrix.rows:
        item = case.evidence_item(row.evidence_id)
        if item.source_id is None and item.type not in (EvidenceType.ASSUMPTION, EvidenceType.ABSENCE):
            found.append(Finding(translate("Guide", "{item} has no source.").format(item=item.label),
                                 Target(Place.EVIDENCE, item.id)))
    if not found:
        found.append(Finding(translate("Guide", "{count} items, with assumptions and absences of "
                                       "evidence.").format(count=len(matrix.rows)), done=True))
    return found


def _matrix(case: Case, matrix: Matrix) -> list[Finding]:
    if not matrix.rows or not matrix.hypotheses:
        return [Finding(translate("Guide", "The matrix needs hypotheses and evidence before it can "
                                  "be rated."))]
    found = []
    unrated = matrix.unrated_cells()
    if unrated:
        eid, hid = unrated[0]
        count = len(unrated)
        text = (translate("Guide", "{count} cell unrated.") if count == 1 else
                translate("Guide", "{count} cells unrated."))
        found.append(Finding(text.format(count=count), Target(Place.CELL, eid, hid)))
    bare = [(cell, a) for cell, a in matrix.ratings.items()
            if a.rating in (Rating.I, Rating.II, Rating.CC) and not a.rationale.strip()]
    if bare:
        (eid, hid), _ = min(bare, key=lambda x: matrix.row_index(x[0][0]))
        count = len(bare)
        text = (translate("Guide", "{count} strong rating (CC, I or II) without a rationale.")
                if count == 1 else
                translate("Guide", "{count} strong ratings (CC, I or II) without a rationale."))
        found.append(Finding(text.format(count=count), Target(Place.CELL, eid, hid)))
    if not found:
        found.append(Finding(translate("Guide", "Every cell is rated."), done=True))
    return found


def _refine(case: Case, matrix: Matrix) -> list[Finding]:
    scores = score_matrix(case, matrix)
    found = []
    for e in scores.evidence:
        if e.inconsistent_with_all:
            found.append(Finding(translate("Guide", "{item} is inconsistent with every hypothesis: "
                                           "is a hypothesis missing?").format(
                                               item=_label(case, e.evidence_id)),
                                 Target(Place.EVIDENCE, e.evidence_id)))
        elif e.diagnosticity is not None and not e.diagnostic:
            row = [matrix.rating(e.evidence_id, h.id) for h in matrix.hypotheses]
            alike = next((r for r in row if r is not None and r is not Rating.NA), Rating.N)
            if alike in (Rating.CC, Rating.C):
                text = translate("Guide", "{item} is consistent with every hypothesis: it does not "
                                 "help choose.")
            elif alike is Rating.N:
                text = translate("Guide", "{item} is neutral with every hypothesis: it does not "
                                 "help choose.")
            else:
                text = translate("Guide", "{item} is rated alike with every hypothesis: it does not "
                                 "help choose.")
            found.append(Finding(text.format(item=_label(case, e.evidence_id)),
                                 Target(Place.EVIDENCE, e.evidence_id)))
    if not found and matrix.rows:
        found.append(Finding(translate("Guide", "Every row discriminates between some hypotheses."),
                             done=True))
    return found


def _conclusions(case: Case, matrix: Matrix) -> list[Finding]:
    if not matrix.conclusions.strip():
        return [Finding(translate("Guide", "No tentative conclusions yet: which hypothesis has "
                                  "least evidence against it, and why?"), Target(Place.CONCLUSIONS))]
    return [Finding(translate("Guide", "Tentative conclusions written."), done=True)]


def _sensitivity(case: Case, matrix: Matrix) -> list[Finding]:
    if len(matrix.hypotheses) < 2 or not matrix.rows:
        return []
    found = []
    for pin in linchpins(case, matrix):
        if pin.changes_leader and not pin.decides_tie:
            found.append(Finding(translate("Guide", "{item} alone decides the leader: check its "
                                           "source, its credibility and whether it could be "
                                           "deception.").format(item=_label(case, pin.evidence_id)),
                                 Target(Place.EVIDENCE, pin.evidence_id)))
    change = fewest_changes(case, matrix)
    if change is not None and len(change.changes) == 1:
        found.append(Finding(translate("Guide", "Re-rating a single cell would change the leader."),
                             Target(Place.SENSITIVITY)))
    tied = tie_break(case, matrix)
    if tied is not None:
        labels = {h.id: f"H{i}" for i, h in enumerate(matrix.hypotheses, 1)}
        names = labels[tied.leaders[0]]
        for h in tied.leaders[1:]:
            names = translate("Guide", "{first} and {second}").format(first=names, second=labels[h])
        found.append(Finding(translate("Guide", "{names} tie for the lead: {how}; find the evidence "
                                       "that tells them apart.").format(
                                           names=names, how=tied.sentence(labels)),
                             Target(Place.SENSITIVITY)))
    if not found:
        found.append(Finding(translate("Guide", "No single item or cell decides the leader."),
                             done=True))
    return found


def _report(case: Case, matrix: Matrix) -> list[Finding]:
    if not matrix.hypotheses:
        return []
    scores = score_matrix(case, matrix)
    notes = review_judgment(matrix, scores)
    found = [Finding(n.message, Target(Place.JUDGMENT, hypothesis_id=n.hypothesis_id))
             for n in notes if n.problem]
    if not found and judgment_complete(matrix):
        found.append(Finding(translate("Guide", "Probabilities given for every hypothesis."),
                             done=True))
    return found


def _milestones(case: Case, matrix: Matrix) -> list[Finding]:
    lines = [line for line in matrix.milestones.splitlines() if line.strip()]
    if not lines:
        return [Finding(translate("Guide", "No milestones yet: what would show that events are "
                                  "taking another course?"), Target(Place.MILESTONES))]
    text = (translate("Guide", "{count} milestone to watch.") if len(lines) == 1 else
            translate("Guide", "{count} milestones to watch."))
    return [Finding(text.format(count=len(lines)), done=True)]
