"""What an edit touches, and whether another process has changed it since the view was read.

Every edit names the things it depends on (*touches*): a cell, an evidence
item, a matrix's row order … When the case's revision in the workspace is not
the one the editor last read, the editor reloads the case inside the edit's
own transaction and compares each touched thing in the old view with the
workspace's: if any differs, the edit is refused (nothing is written) with a
sentence naming the thing; otherwise it goes ahead on the fresh case. Edits to
other things made elsewhere in the meantime never block an edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sat_tool.domain.model import Case, Matrix
from sat_tool.domain.text import translate

Touch = tuple[Any, ...]
"""``("case",)``, ``("source", id)``, ``("evidence", id)``, ``("matrix", id)`` (its fields),
``("hypothesis", id)``, ``("cell", matrix id, evidence id, hypothesis id)``,
``("rows", matrix id)`` (which rows, in which order, with which relevance),
``("columns", matrix id)`` (which hypotheses, in which order), and ``("has", kind, id)``
(only that the thing still exists; kind is one of source, evidence, matrix, hypothesis)."""

_MATRIX_FIELDS = ("question", "notes", "conclusions", "milestones", "scoring_mode")


def _matrix(case: Case, matrix_id: int) -> Matrix | None:
    return next((m for m in case.matrices if m.id == matrix_id), None)


def _hypothesis(case: Case, hypothesis_id: int) -> tuple[Matrix, Any] | None:
    for mat in case.matrices:
        for hyp in mat.hypotheses:
            if hyp.id == hypothesis_id:
                return mat, hyp
    return None


def _find(items: Iterable[Any], wanted: int) -> Any:
    return next((x for x in items if x.id == wanted), None)


def _capitalised(sentence: str) -> str:
    return f"{sentence[:1].upper()}{sentence[1:]}"


def name_of(case: Case, kind: str, ident: Any) -> str:
    """How the analyst knows a thing: "E7", "hypothesis 'Iran trained them'", "matrix 2"."""
    if kind == "evidence":
        item = _find(case.evidence, ident)
        return item.label if item else translate("Concurrency", "an evidence item")
    if kind == "source":
        src = _find(case.sources, ident)
        if src is None:
            return translate("Concurrency", "a source")
        return translate("Concurrency", "source {title!r}").format(title=src.title)
    if kind == "matrix":
        mat = _matrix(case, ident)
        if mat is None:
            return translate("Concurrency", "a matrix")
        return translate("Concurrency", "matrix {number}").format(
            number=case.matrices.index(mat) + 1)
    if kind == "hypothesis":
        found = _hypothesis(case, ident)
        if found is None:
            return translate("Concurrency", "a hypothesis")
        return translate("Concurrency", "hypothesis {title!r}").format(title=found[1].title)
    return translate("Concurrency", "the case")


def cell_name(case: Case, evidence_id: Any, hypothesis_id: Any) -> str:
    """``E3 × H2`` for a cell, by the hypothesis's column in the analyst's view."""
    found = _hypothesis(case, hypothesis_id)
    column = (f"H{found[0].hypotheses.index(found[1]) + 1}" if found
              else translate("Concurrency", "a hypothesis"))
    return f"{name_of(case, 'evidence', evidence_id)} × {column}"


def _state(case: Case, touch: Touch) -> Any:
    """The comparable state of a touched thing in a case (None: it does not exist)."""
    kind = touch[0]
    if kind == "case":
        return (case.title, case.description)
    if kind == "source":
        return _find(case.sources, touch[1])
    if kind == "evidence":
        return _find(case.evidence, touch[1])
    if kind == "matrix":
        mat = _matrix(case, touch[1])
        return None if mat is None else tuple(getattr(mat, f) for f in _MATRIX_FIELDS)
    if kind == "hypothesis":
        found = _hypothesis(case, touch[1])
        return None if found is None else found[1]
    if kind == "cell":
        mat = _matrix(case, touch[1])
        if mat is None or not mat.includes(touch[2]) or _find(mat.hypotheses, touch[3]) is None:
            return None
        return ("cell", mat.ratings.get((touch[2], touch[3])))
    if kind == "rows":
        mat = _matrix(case, touch[1])
        return None if mat is None else [(r.evidence_id, r.relevance) for r in mat.rows]
    if kind == "columns":
        mat = _matrix(case, touch[1])
        return None if mat is None else [h.id for h in mat.hypotheses]
    if kind == "has":
        what, ident = touch[1], touch[2]
        if what == "matrix":
            return _matrix(case, ident) is not None or None
        if what == "hypothesis":
            return _hypothesis(case, ident) is not None or None
        items = case.sources if what == "source" else case.evidence
        return _find(items, ident) is not None or None
    raise ValueError(f"unknown touch {touch!r}")


def _describe(case: Case, touch: Touch) -> str:
    kind = touch[0]
    if kind == "cell":
        return translate("Concurrency", "cell {cell}").format(
            cell=cell_name(case, touch[2], touch[3]))
    if kind == "rows":
        return translate("Concurrency", "the rows of {matrix}").format(
            matrix=name_of(case, "matrix", touch[1]))
    if kind == "columns":
        return translate("Concurrency", "the hypotheses of {matrix}").format(
            matrix=name_of(case, "matrix", touch[1]))
    if kind == "has":
        return name_of(case, touch[1], touch[2])
    if kind == "case":
        return translate("Concurrency", "the case's title or description")
    return name_of(case, kind, touch[1])


def conflict(old: Case, new: Case, touches: Iterable[Touch]) -> str | None:
    """The sentence refusing an edit made on ``old`` when the workspace holds ``new``, or None."""
    for touch in touches:
        before, after = _state(old, touch), _state(new, touch)
        if before == after:
            continue
        what = _describe(old, touch)
        if after is None:
            return _capitalised(translate(
                "Concurrency", "{what} was deleted in another window or program just now, so this "
                "edit was not made; the view now shows the workspace as it is.").format(what=what))
        return _capitalised(translate(
            "Concurrency", "{what} was changed in another window or program just now, so this "
            "edit was not made; the view now shows the workspace as it is.").format(what=what))
    return None


def departed_names(old: Case, new: Case) -> dict[tuple[str, int], str]:
    """How the analyst knew the things ``old`` has and ``new`` no longer has."""
    names: dict[tuple[str, int], str] = {}
    kept = {("evidence", e.id) for e in new.evidence} | {("source", x.id) for x in new.sources}
    kept |= {("matrix", m.id) for m in new.matrices}
    kept |= {("hypothesis", h.id) for m in new.matrices for h in m.hypotheses}
    things = ([("evidence", e.id) for e in old.evidence] + [("source", x.id) for x in old.sources]
              + [("matrix", m.id) for m in old.matrices]
              + [("hypothesis", h.id) for m in old.matrices for h in m.hypotheses])
    for kind, ident in things:
        if (kind, ident) not in kept:
            names[(kind, ident)] = name_of(old, kind, ident)
    return names


def missing(case: Case, touches: Iterable[Touch], names: dict[tuple[str, int], str] | None = None
            ) -> str | None:
    """The sentence refusing an edit that refers to something the case no longer has, or None.

    ``names`` tells how the analyst knew things that have gone (see :func:`departed_names`).
    """
    for touch in touches:
        if touch[0] == "has" and _state(case, touch) is None:
            what = (names or {}).get((touch[1], touch[2]), "")
            if not what:
                return translate("Concurrency", "This edit refers to something that has been "
                                 "deleted in another window or program; nothing was changed.")
            return _capitalised(translate(
                "Concurrency", "{what} has been deleted in another window or program; nothing "
                "was changed.").format(what=what))
    return None


def changed_while_shown(what: str) -> str:
    """The sentence refusing an edit from a dialog whose subject changed while it was open."""
    return _capitalised(translate(
        "Concurrency", "{what} was changed in another window or program while this dialog was "
        "open, so this edit was not made; the view now shows it as it is.").format(what=what))


def no_longer_applies(what: str) -> str:
    """The sentence refusing an undo or redo whose target has changed since."""
    return _capitalised(translate(
        "Concurrency", "{what} has been changed in another window or program since, so this no "
        "longer applies; nothing was changed.").format(what=what))


@dataclass
class MatrixChanges:
    """What differs in one matrix between two states of a case."""

    hypotheses: bool = False
    rows: bool = False
    cells: list[Any] = field(default_factory=list)
    analysis: bool = False
    layout: bool = False
    outcome: bool = False
    team: int = 0
    """How many cells of other analysts were rated, changed or cleared (or their blind
    setting or probabilities changed: then at least 1)."""

    @property
    def any(self) -> bool:
        """Whether anything differs."""
        return (self.hypotheses or self.rows or bool(self.cells) or self.analysis or self.layout
                or self.outcome or bool(self.team))


@dataclass
class CaseChanges:
    """What differs between two states of a case, for views to update only that."""

    case: bool = False
    sources: bool = False
    evidence: set[Any] = field(default_factory=set)
    """Ids of evidence items added, removed or changed (the order counts as a change of all)."""
    matrices: bool = False
    """Matrices added, removed, moved, or with another question, notes or conclusions."""
    per_matrix: dict[Any, MatrixChanges] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        """Whether anything differs."""
        return (self.case or self.sources or bool(self.evidence) or self.matrices
                or any(m.any for m in self.per_matrix.values()))


def case_changes(old: Case, new: Case) -> CaseChanges:
    """Compare two states of one case."""
    out = CaseChanges()
    out.case = (old.title, old.description) != (new.title, new.description)
    out.sources = old.sources != new.sources
    before = {e.id: e for e in old.evidence}
    after = {e.id: e for e in new.evidence}
    if [e.id for e in old.evidence] != [e.id for e in new.evidence]:
        out.evidence = set(before) | set(after)
    else:
        out.evidence = {i for i in after if before.get(i) != after[i]}
    old_mats = {m.id: m for m in old.matrices}
    out.matrices = ([m.id for m in old.matrices] != [m.id for m in new.matrices]
                    or any(tuple(getattr(m, f) for f in _MATRIX_FIELDS[:4])
                           != tuple(getattr(old_mats[m.id], f) for f in _MATRIX_FIELDS[:4])
                           for m in new.matrices if m.id in old_mats))
    for mat in new.matrices:
        prior = old_mats.get(mat.id)
        if prior is None:
            continue
        change = MatrixChanges()
        change.hypotheses = prior.hypotheses != mat.hypotheses
        change.rows = ([(r.evidence_id, r.relevance) for r in prior.rows]
                       != [(r.evidence_id, r.relevance) for r in mat.rows]
                       or any(r.evidence_id in out.evidence for r in mat.rows))
        cells = set(prior.ratings) | set(mat.ratings)
        change.cells = sorted(c for c in cells if prior.ratings.get(c) != mat.ratings.get(c))
        change.analysis = (prior.scoring_mode != mat.scoring_mode
                           or [(h.prior, h.judged) for h in prior.hypotheses]
                           != [(h.prior, h.judged) for h in mat.hypotheses])
        change.layout = prior.transposed != mat.transposed
        change.outcome = prior.outcome != mat.outcome
        change.team = _team_changes(prior, mat, new.analyst)
        out.per_matrix[mat.id] = change
    return out


def _team_changes(old: Any, new: Any, me: str) -> int:
    """How many of other analysts' cells differ between two states of a matrix."""
    count = 0
    for analyst in set(old.team) | set(new.team):
        if analyst == me:
            continue
        before, after = old.team.get(analyst, {}), new.team.get(analyst, {})
        if before != after:
            count += sum(1 for c in set(before) | set(after) if before.get(c) != after.get(c))
    if not count and (old.blind != new.blind or old.judgments != new.judgments):
        count = 1
    return count


def summary(old: Case, new: Case, changes: CaseChanges) -> str:
    """One line telling the analyst what another window or program changed."""
    parts: list[str] = []
    new_mats = {m.id for m in new.matrices}
    for mat in old.matrices:
        if mat.id not in new_mats:
            parts.append(translate("Concurrency", "{matrix} deleted").format(
                matrix=name_of(old, "matrix", mat.id)))
    added_mats = len(new_mats - {m.id for m in old.matrices})
    if added_mats == 1:
        parts.append(translate("Concurrency", "1 matrix added"))
    elif added_mats:
        parts.append(translate("Concurrency", "{n} matrices added").format(n=added_mats))
    before = {e.id for e in old.evidence}
    after = {e.id for e in new.evidence}
    gone = [name_of(old, "evidence", e) for e in before - after]
    if gone:
        items = ", ".join(sorted(gone)[:3])
        if len(gone) > 3:
            parts.append(translate("Concurrency", "{items} … deleted").format(items=items))
        else:
            parts.append(translate("Concurrency", "{items} deleted").format(items=items))
    added = len(after - before)
    if added == 1:
        parts.append(translate("Concurrency", "1 evidence item added"))
    elif added:
        parts.append(translate("Concurrency", "{n} evidence items added").format(n=added))
    edited = len([e for e in changes.evidence if e in before and e in after])
    if edited and len(before) == len(after) and not gone:
        if edited == 1:
            parts.append(translate("Concurrency", "1 evidence item edited"))
        else:
            parts.append(translate("Concurrency", "{n} evidence items edited").format(n=edited))
    cells = sum(len(m.cells) for m in changes.per_matrix.values())
    if cells == 1:
        parts.append(translate("Concurrency", "1 rating"))
    elif cells:
        parts.append(translate("Concurrency", "{n} ratings").format(n=cells))
    others = sum(m.team for m in changes.per_matrix.values())
    if others:
        parts.append(translate("Concurrency", "other analysts’ ratings"))
    if any(m.hypotheses for m in changes.per_matrix.values()):
        parts.append(translate("Concurrency", "hypotheses"))
    if changes.sources:
        parts.append(translate("Concurrency", "sources"))
    if changes.case:
        parts.append(translate("Concurrency", "the case title or description"))
    if not parts:
        parts.append(translate("Concurrency", "the analysis settings"))
    return translate("Concurrency", "Changed in another window or program: {changes}").format(
        changes="; ".join(parts))
