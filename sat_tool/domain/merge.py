"""What a colleague's copy of a case adds to the case: their ratings, the parts they added,
and the shared text they changed, matched part by part by stable id.

A case exported, rated elsewhere and imported back is the same case: its sources,
evidence, matrices and hypotheses carry the uids they had here. :func:`plan_merge`
compares the two cases and says what merging would do; nothing is decided silently:

- parts the copy has and the case lacks are **added** (a source, an item, a matrix, a
  hypothesis, an item's row in a matrix);
- every analyst's **ratings** of the cells both have are taken from the copy where the
  case has none of theirs, and where both have one and they differ, the one changed
  later stays (an analyst's own rating, changed in one place after the other; ours when
  both were changed in the same second);
- **shared text** that differs (an item's wording, a hypothesis's title, a matrix's
  question …) and an analyst's **probabilities** that differ are **conflicts**, each
  shown with both values; the user keeps ours or takes theirs, one by one. (A copy does
  not say which side changed a text since it was exported, so every difference is asked.)

Parts the case has and the copy lacks stay: a merge never deletes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sat_tool.domain.model import (
    AnalystId,
    Assessment,
    Case,
    Cell,
    Evidence,
    EvidenceId,
    Hypothesis,
    HypothesisId,
    Matrix,
    MatrixId,
    Source,
    SourceId,
)
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate

SOURCE_FIELDS = ("title", "author", "publication", "date", "url", "reliability", "text")
EVIDENCE_FIELDS = ("text", "date", "type", "credibility", "notes", "quote", "quote_start",
                   "origin")
MATRIX_FIELDS = ("question", "notes", "conclusions", "milestones")
HYPOTHESIS_FIELDS = ("title", "description")

_KIND_NAMES = {
    "source": QT_TRANSLATE_NOOP("Merge", "source"),
    "evidence": QT_TRANSLATE_NOOP("Merge", "evidence item"),
    "matrix": QT_TRANSLATE_NOOP("Merge", "matrix"),
    "hypothesis": QT_TRANSLATE_NOOP("Merge", "hypothesis"),
    "judgment": QT_TRANSLATE_NOOP("Merge", "probability"),
}


class NotACopy(ValueError):
    """The file is not a copy of the case (no part of it has the case's stable ids)."""


@dataclass(frozen=True)
class Conflict:
    """One value that differs between the case and the copy: ``key`` names it for the user's
    choice."""

    key: str
    kind: str
    """'source', 'evidence', 'matrix', 'hypothesis' (a text field) or 'judgment'."""
    label: str
    """Which part, as the user knows it: "E7", "H2 of matrix 1", a source's title …"""
    field: str
    ours: Any
    theirs: Any

    @property
    def kind_name(self) -> str:
        return translate("Merge", _KIND_NAMES[self.kind])


@dataclass
class MergePlan:
    """What merging a copy (``theirs``) into a case (``ours``) does; ids are each side's own.

    The maps pair a part of theirs with ours (matched by uid). ``ratings`` are the cells to
    write, per analyst, in *our* ids; ``newer`` counts those that replace one of ours.
    """

    sources: dict[SourceId, SourceId] = field(default_factory=dict)
    evidence: dict[EvidenceId, EvidenceId] = field(default_factory=dict)
    matrices: dict[MatrixId, MatrixId] = field(default_factory=dict)
    hypotheses: dict[HypothesisId, HypothesisId] = field(default_factory=dict)
    new_sources: list[Source] = field(default_factory=list)
    new_evidence: list[Evidence] = field(default_factory=list)
    new_matrices: list[Matrix] = field(default_factory=list)
    new_hypotheses: list[tuple[MatrixId, Hypothesis]] = field(default_factory=list)
    new_rows: list[tuple[MatrixId, EvidenceId]] = field(default_factory=list)
    """Rows of theirs in matched matrices (their evidence ids, theirs or new)."""
    ratings: dict[AnalystId, dict[MatrixId, dict[Cell, Assessment]]] = field(default_factory=dict)
    """Ratings of theirs to write into matched matrices and hypotheses, in our ids."""
    judgments: dict[AnalystId, dict[HypothesisId, Any]] = field(default_factory=dict)
    """Probabilities of theirs for hypotheses of ours an analyst had not judged, in our ids."""
    new_cell_ratings: int = 0
    """Ratings of theirs of the cells their new rows and hypotheses make (written too)."""
    rated_by_new: set[str] = field(default_factory=set)
    """The names of the analysts whose ratings those are."""
    newer: int = 0
    kept: int = 0
    """Ratings of ours left as they are because they were changed after theirs."""
    conflicts: list[Conflict] = field(default_factory=list)
    names: dict[AnalystId, str] = field(default_factory=dict)
    """The analysts of both sides by id."""

    @property
    def rating_count(self) -> int:
        return sum(len(c) for per in self.ratings.values() for c in per.values())

    @property
    def nothing(self) -> bool:
        """Whether the copy brings nothing the case does not have."""
        return not (self.new_sources or self.new_evidence or self.new_matrices
                    or self.new_hypotheses or self.new_rows or self.rating_count
                    or self.judgments or self.conflicts)


def _by_uid(items: Any) -> dict[str, Any]:
    return {item.uid: item for item in items if item.uid}


def plan_merge(ours: Case, theirs: Case) -> MergePlan:
    """Compare a copy of a case with the case; :class:`NotACopy` when they share no part."""
    if ours.uid != theirs.uid or not ours.uid:
        raise NotACopy(translate("Merge", "it is not a copy of this case (its case id differs)"))
    plan = MergePlan()
    plan.names = {a.id: a.name for a in [*theirs.analysts, *ours.analysts]}
    _match(plan, "source", ours.sources, theirs.sources, plan.new_sources, plan.sources,
           lambda src: src.title, SOURCE_FIELDS)
    for item, found in _match(plan, "evidence", ours.evidence, theirs.evidence,
                              plan.new_evidence, plan.evidence, lambda e: e.label,
                              EVIDENCE_FIELDS):
        ours_source = found.source_id
        theirs_source = plan.sources.get(item.source_id) if item.source_id is not None else None
        if theirs_source != ours_source and item.source_id is not None and theirs_source is not None:
            plan.conflicts.append(Conflict(f"evidence:{item.uid}:source_id", "evidence",
                                           found.label, "source_id", ours_source, theirs_source))
    our_matrices = _by_uid(ours.matrices)
    for number, mat in enumerate(theirs.matrices, 1):
        found = our_matrices.get(mat.uid)
        if found is None:
            plan.new_matrices.append(mat)
            continue
        plan.matrices[mat.id] = found.id
        name = translate("Merge", "matrix {number}").format(
            number=ours.matrices.index(found) + 1)
        _compare(plan, "matrix", mat.uid, name, found, mat, MATRIX_FIELDS)
        _merge_matrix(plan, ours, found, mat, name)
    if not (plan.sources or plan.evidence or plan.matrices):
        if theirs.sources or theirs.evidence or theirs.matrices:
            raise NotACopy(translate("Merge", "none of its parts are this case's"))
    return plan


def _match(plan: MergePlan, kind: str, ours: Sequence[Any], theirs: Sequence[Any],
           new: list[Any], ids: dict[Any, Any], label: Callable[[Any], str],
           fields: tuple[str, ...]) -> list[tuple[Any, Any]]:
    """Pair each of their parts with ours of the same stable id: a part we lack is new, a
    pair's differing fields are conflicts; returns the pairs (theirs, ours)."""
    by_uid = _by_uid(ours)
    pairs = []
    for part in theirs:
        found = by_uid.get(part.uid)
        if found is None:
            new.append(part)
            continue
        ids[part.id] = found.id
        _compare(plan, kind, part.uid, label(found), found, part, fields)
        pairs.append((part, found))
    return pairs


def _compare(plan: MergePlan, kind: str, uid: str, label: str, ours: Any, theirs: Any,
             fields: tuple[str, ...]) -> None:
    for name in fields:
        a, b = getattr(ours, name), getattr(theirs, name)
        if a != b:
            plan.conflicts.append(Conflict(f"{kind}:{uid}:{name}", kind, label, name, a, b))


def _merge_matrix(plan: MergePlan, case: Case, ours: Matrix, theirs: Matrix, name: str) -> None:
    our_hyps = _by_uid(ours.hypotheses)
    for position, hyp in enumerate(theirs.hypotheses, 1):
        found = our_hyps.get(hyp.uid)
        if found is None:
            plan.new_hypotheses.append((ours.id, hyp))
            continue
        plan.hypotheses[hyp.id] = found.id
        label = translate("Merge", "H{number} of {matrix}").format(
            number=ours.hypotheses.index(found) + 1, matrix=name)
        _compare(plan, "hypothesis", hyp.uid, label, found, hyp, HYPOTHESIS_FIELDS)
    ours_rows = {r.evidence_id for r in ours.rows}
    fresh_rows: set[EvidenceId] = set()
    for row in theirs.rows:
        mine = plan.evidence.get(row.evidence_id)
        if mine is None or mine not in ours_rows:
            plan.new_rows.append((ours.id, row.evidence_id))
            fresh_rows.add(row.evidence_id)
    fresh_hypotheses = {hyp.id for m, hyp in plan.new_hypotheses if m == ours.id}
    for analyst, own in theirs.team.items():
        count = sum(1 for e, h in own if e in fresh_rows or h in fresh_hypotheses)
        if count:
            plan.new_cell_ratings += count
            plan.rated_by_new.add(plan.names.get(analyst, analyst))
    # ratings of the cells both have (rows and hypotheses matched), per analyst
    for analyst, own in theirs.team.items():
        mine = ours.team.get(analyst, {})
        for (eid, hid), found in own.items():
            e, h = plan.evidence.get(eid), plan.hypotheses.get(hid)
            if e is None or h is None or e not in ours_rows:
                continue
            current = mine.get((e, h))
            if current is not None and (current.rating, current.rationale, current.likelihood) \
                    == (found.rating, found.rationale, found.likelihood):
                continue
            if current is not None:
                if current.updated >= found.updated:  # ours is as recent: it stays
                    plan.kept += 1
                    continue
                plan.newer += 1
            plan.ratings.setdefault(analyst, {}).setdefault(ours.id, {})[(e, h)] = found
    names = plan.names
    for analyst, own in theirs.judgments.items():
        mine = ours.judgments.get(analyst, {})
        for hid, judgment in own.items():
            h = plan.hypotheses.get(hid)
            if h is None or mine.get(h) == judgment:
                continue
            if mine.get(h) is None:
                plan.judgments.setdefault(analyst, {})[h] = judgment
                continue
            label = translate("Merge", "{analyst}’s probabilities of H{number} of {matrix}").format(
                analyst=names.get(analyst, analyst),
                number=[x.id for x in ours.hypotheses].index(h) + 1, matrix=name)
            plan.conflicts.append(Conflict(f"judgment:{analyst}:{h}", "judgment", label,
                                           "judgment", mine.get(h), judgment))
