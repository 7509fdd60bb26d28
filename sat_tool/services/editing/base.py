"""The editor's core (staying current with the workspace, whom it rates as) and what every
kind of edit shares: its errors, its checks, the records removals return."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any

from sat_tool.domain.model import clean_origin
from sat_tool.domain.model import (
    Analyst,
    AnalystId,
    Assessment,
    Case,
    Cell,
    Evidence,
    EvidenceId,
    Hypothesis,
    HypothesisId,
    Judgment,
    Matrix,
    MatrixId,
    MatrixRow,
    Outcome,
    Source,
    SourceId,
    analyst_uid,
    valid_date,
)
from sat_tool.domain.snapshots import Snapshot
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.errors import UserError
from sat_tool.domain.team import others_hidden
from sat_tool.services.concurrency import (
    Touch,
    conflict,
    departed_names,
    missing,
    name_of,
    no_longer_applies,
)
from sat_tool.store import cases as store
from sat_tool.store.workspace import Workspace



NA_LIKELIHOOD = QT_TRANSLATE_NOOP(
    "CaseEditor", "a cell rated NA says the item bears nothing on the hypothesis, so it carries "
    "no likelihood: rate it first")


@dataclass(frozen=True)
class OutcomeChange:
    """What :meth:`CaseEditor.set_outcome` did: the outcome before and after, and the snapshot
    it took on closing (None when it took none)."""

    matrix_id: MatrixId
    before: Outcome | None
    after: Outcome | None
    snapshot: Snapshot | None


class InvalidEdit(UserError, ValueError):
    """An edit that cannot be made as asked (an empty title, a probability over 100% …)."""


class EditConflict(UserError):
    """An edit made against a view that another window or program has since changed.

    Nothing was written; the editor's case has been refreshed from the workspace.
    """


@dataclass
class SourceRemoval:
    """A deleted source, where it stood, and the evidence that cited it."""

    source: Source
    index: int
    citing: list[EvidenceId]


@dataclass
class RowRemoval:
    """An evidence row taken out of a matrix, with its position and ratings."""

    matrix_id: MatrixId
    row: MatrixRow
    index: int
    ratings: dict[AnalystId, dict[Cell, Assessment]]
    """Every analyst's ratings of the row."""


@dataclass
class EvidenceRemoval:
    """A deleted evidence item, its position, and every matrix row it had."""

    item: Evidence
    index: int
    rows: list[RowRemoval] = field(default_factory=list)


@dataclass
class HypothesisRemoval:
    """A deleted hypothesis, its column, and its ratings."""

    matrix_id: MatrixId
    hypothesis: Hypothesis
    index: int
    ratings: dict[AnalystId, dict[Cell, Assessment]]
    """Every analyst's ratings of the column."""
    judgments: dict[AnalystId, Judgment] = field(default_factory=dict)
    """Every analyst's probabilities of the hypothesis."""


@dataclass
class MatrixRemoval:
    """A deleted matrix with everything in it, its snapshots included."""

    matrix: Matrix
    index: int
    snapshots: list[Snapshot] = field(default_factory=list)


_SOURCE_FIELDS = {f.name for f in fields(Source)} - {"id", "uid"}
_EVIDENCE_FIELDS = {f.name for f in fields(Evidence)} - {"id", "number", "uid"}
_MATRIX_FIELDS = {"question", "notes", "conclusions", "milestones"}
_HYPOTHESIS_FIELDS = {"title", "description"}


def _require(text: str, message: str) -> None:
    if not text.strip():
        raise InvalidEdit(message)


def _check_fields(given: dict[str, Any], allowed: set[str]) -> None:
    unknown = set(given) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    date = given.get("date")
    if isinstance(date, str) and date.strip() and not valid_date(date):
        raise InvalidEdit(translate(
            "CaseEditor", "{text} is not a date; give a year, a month or a day as 2012, 2012-04 "
            "or 2012-04-18.").format(text=repr(date.strip())))
    if isinstance(date, str):
        given["date"] = date.strip()
    if "origin" in given:
        try:
            given["origin"] = clean_origin(given["origin"])
        except ValueError as exc:
            raise InvalidEdit(str(exc)) from None



def theirs_analysts(theirs: Case) -> set[AnalystId]:
    """The analysts of a copy who rated or judged anything in it."""
    return {uid for m in theirs.matrices for uid, own in m.team.items() if own} | {
        uid for m in theirs.matrices for uid, own in m.judgments.items() if own}


def _part_id(case: Case, kind: str, uid: str) -> int:
    """Our row id of a part named by its stable id."""
    parts: list[Any] = {"source": case.sources, "evidence": case.evidence,
                        "matrix": case.matrices,
                        "hypothesis": [h for m in case.matrices for h in m.hypotheses]}[kind]
    return next(p.id for p in parts if p.uid == uid)


def _team_cells(mat: Matrix, wanted: Any) -> dict[AnalystId, dict[Cell, Assessment]]:
    """Copies of every analyst's cells of a matrix for which ``wanted(cell)`` holds."""
    found = {uid: {c: copy.copy(a) for c, a in own.items() if wanted(c)}
             for uid, own in mat.team.items()}
    return {uid: cells for uid, cells in found.items() if cells}


def _apply_team(mat: Matrix, team: dict[AnalystId, dict[Cell, Assessment]]) -> None:
    """Put analysts' cells back into a matrix in memory (the rated-as analyst's are its
    ``ratings``, the same dictionary)."""
    for uid, cells in team.items():
        mat.team.setdefault(uid, {}).update({c: copy.copy(a) for c, a in cells.items()})



@dataclass
class MergeResult:
    """What a merge wrote, so that undo can take it back: the rows it added (by our ids),
    and the values it replaced as they were."""

    sources: list[SourceId] = field(default_factory=list)
    evidence: list[EvidenceId] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)
    """Their evidence numbers → the numbers the added items got here."""
    matrices: list[MatrixId] = field(default_factory=list)
    hypotheses: list[HypothesisId] = field(default_factory=list)
    rows: list[tuple[MatrixId, EvidenceId]] = field(default_factory=list)
    ratings: dict[AnalystId, dict[Cell, Assessment | None]] = field(default_factory=dict)
    """Cells the merge wrote in matrices that were here, with what each held before."""
    judgments: dict[AnalystId, dict[HypothesisId, Judgment | None]] = field(default_factory=dict)
    texts: list[tuple[str, int, str, Any]] = field(default_factory=list)
    """(kind, row id, field, the value before) of each shared text taken from the copy."""
    analysts: list[Analyst] = field(default_factory=list)
    """The copy's analysts (so that undo can name their rows)."""
    left_out: list[MatrixId] = field(default_factory=list)
    """Matrices rated blind, not yet all rated by the analyst, whose ratings the copy brought
    were left out (on a team server the owner merges them)."""

    @property
    def written(self) -> int:
        """How many ratings the merge wrote into matrices that were here."""
        return sum(len(cells) for cells in self.ratings.values())


class EditorCore:
    """Edits one case; every method is one committed transaction.

    ``revision`` is the case revision the in-memory case reflects. Every write
    first compares it with the workspace's, inside its own transaction: when
    another process has committed since, the case is reloaded there and then,
    the edit is refused if anything it touches changed (:class:`EditConflict`),
    and otherwise made on the fresh case. So every number and position an edit
    derives comes from the database as it stands in that transaction.
    """

    def __init__(self, workspace: Workspace, case: Case, analyst: str, revision: int = 0) -> None:
        self.workspace = workspace
        self.case = case
        self.analyst = analyst
        """Who makes the edits (their name), as the history records it; the ratings are
        those of the analyst the case is rated as (:meth:`rate_as`)."""
        if isinstance(analyst, Analyst):
            analyst = analyst.name
            self.analyst = analyst
        if not case.analyst:
            chosen = store.choose_analyst(case, analyst)
            if chosen is not None:
                case.rate_as(chosen)
        self.revision = revision
        self.refreshed_from: Case | None = None
        """The case as it was before the last reload, until :meth:`take_refresh` is called."""
        self._refusal = no_longer_applies
        self.departed: dict[tuple[str, int], str] = {}
        """How the analyst knew things that reloads found deleted: ("evidence", id) → "E7"."""
        self._my_row: tuple[str, int] | None = None
        self._pending_row: tuple[str, int] | None = None
        self.known_analysts: dict[AnalystId, Analyst] = {a.id: a for a in case.analysts}
        """Every analyst this editor has seen in the case, kept after a reload that no longer
        lists them (their last ratings deleted), so that undo can put their ratings back."""

    @classmethod
    def open(cls, workspace: Workspace, case_id: int, analyst: str) -> EditorCore:
        """Load a case and mark it as recently opened. On a server whose role is an analyst,
        the case is theirs to rate, whatever ``analyst`` says."""
        if workspace.analyst is not None:
            editor = cls._open(workspace, case_id, workspace.analyst)
            editor.analyst = workspace.analyst.name
            return editor
        return cls._open(workspace, case_id, analyst)

    @classmethod
    def _open(cls, workspace: Workspace, case_id: int, analyst: Any) -> EditorCore:
        if workspace.read_only:  # it can be read and shown; edits are refused with a sentence
            with workspace.read() as session:
                case = store.load_case(session, case_id, analyst)  # type: ignore[arg-type]
                revision = store.case_revision(session, case.id)
            return cls(workspace, case, analyst, revision)
        with workspace.transaction() as session:
            case = store.load_case(session, case_id, analyst)  # type: ignore[arg-type]
            store.touch_case(session, case.id)
            revision = store.case_revision(session, case.id)
        return cls(workspace, case, analyst, revision)

    # ------------------------------------------------------------ staying current

    def refresh(self) -> bool:
        """Reload the case if another process has changed it; True when it did.

        :class:`~sat_tool.store.CaseNotFound` when the case has been deleted.
        """
        with self.workspace.read() as session:
            revision = store.case_revision(session, self.case.id)
            if revision == self.revision:
                return False
            self._install(store.load_case(session, self.case.id, self.rated_as), revision)
        return True

    def take_refresh(self) -> Case | None:
        """The case as it was before the reloads since the last call (None: no reload)."""
        old, self.refreshed_from = self.refreshed_from, None
        return old

    def _install(self, fresh: Case, revision: int) -> None:
        """Make the in-memory case (the same object) hold ``fresh``."""
        if self.refreshed_from is None:
            self.refreshed_from = copy.copy(self.case)
        self.departed.update(departed_names(self.case, fresh))
        self.known_analysts.update({a.id: a for a in [*self.case.analysts, *fresh.analysts]})
        vars(self.case).clear()
        vars(self.case).update(vars(fresh))
        self.revision = revision

    @contextmanager
    def _write(self, *touches: Touch) -> Iterator[Any]:
        """One edit's transaction: catch up with the workspace, check, write, count the revision."""
        with self.workspace.transaction() as s:
            self.workspace.check_write(s, self.case.id)  # a case shared to read only: refused
            # Counted first (a failed edit rolls the count back with everything else): the
            # count it had before this edit tells whether anyone else committed meanwhile.
            new_revision = store.bump_revision(s, self.case.id)
            revision = new_revision - 1
            if revision != self.revision:
                view = copy.copy(self.case)
                self._install(store.load_case(s, self.case.id, self.rated_as), revision)
                refused = conflict(view, self.case, touches)
                if refused:
                    raise EditConflict(refused)
            gone = missing(self.case, touches, self.departed)
            if gone:
                raise EditConflict(gone)
            self._pending_row = None
            try:
                yield s
            except KeyError as exc:
                raise EditConflict(translate(
                    "CaseEditor", "Something this edit refers to was deleted in another window or "
                    "program; nothing was changed.")) from exc
        self.revision = new_revision
        if self._pending_row is not None:
            self._my_row, self._pending_row = self._pending_row, None

    def _may_restructure(self, mat: Matrix) -> None:
        """On a team server, a matrix rated blind keeps its rows and hypotheses as they are
        (the server holds to it) until the analyst has rated every cell of it."""
        if self.workspace.analyst is not None and others_hidden(mat):
            raise InvalidEdit(translate(
                "CaseEditor", "{matrix} is rated blind: its rows and hypotheses stay as they are "
                "until you have rated every cell of it").format(
                    matrix=name_of(self.case, "matrix", mat.id)))

    def _may_remove(self, mat: Matrix, ratings: dict[AnalystId, dict[Cell, Assessment]],
                    what: str) -> None:
        """On a team server, refuse to remove what other analysts who log in have rated: an
        undo could not put their ratings back (the server lets no one write them but
        themselves); the workspace's owner may."""
        if self.workspace.analyst is None:
            return
        self._may_restructure(mat)
        me = self.workspace.analyst.id
        logins = {a.id: a.name for a in self.case.analysts if a.role and a.id != me}
        others = sorted({logins[uid] for uid, cells in ratings.items() if cells and uid in logins})
        if others:
            raise InvalidEdit(translate(
                "CaseEditor", "{what} carries ratings of {names}: on a team server only the "
                "workspace's owner removes what other analysts have rated, as an undo could not "
                "put their ratings back").format(what=what, names=", ".join(others)))

    @property
    def rated_as(self) -> Analyst:
        """The analyst whose ratings and probabilities this editor shows and changes."""
        try:
            return self.case.analyst_named(self.case.analyst)
        except KeyError:
            chosen = (store.choose_analyst(self.case, self.analyst)
                      or Analyst(analyst_uid(self.analyst), self.analyst))
            self.case.rate_as(chosen)
            return chosen

    def rate_as(self, analyst: Analyst | str) -> Analyst:
        """Rate the case as another analyst (of the case, or a new one of that name, who joins
        the workspace with their first edit). Nothing is written."""
        if self.workspace.analyst is not None:
            if (analyst.id if isinstance(analyst, Analyst) else analyst) in (
                    self.workspace.analyst.id, self.workspace.analyst.name):
                return self.workspace.analyst
            raise InvalidEdit(translate(
                "CaseEditor", "on a team server you rate as the analyst your login is "
                "({name}); others rate as themselves").format(name=self.workspace.analyst.name))
        if isinstance(analyst, str):
            name = analyst.strip()
            _require(name, translate("CaseEditor", "an analyst needs a name"))
            with self.workspace.read() as session:
                analyst = store.named_analyst(session, self.case, name)
        self.case.rate_as(analyst)
        return analyst
