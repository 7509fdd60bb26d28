"""Every edit of an open case, written through to the workspace at once.

:class:`CaseEditor` owns the in-memory :class:`~sat_tool.domain.Case` and the
workspace it lives in. Each public method is one user operation: it writes the
change to the database in one transaction and, only once that has committed,
applies the same change to the domain objects. Removals return a record of
everything removed (position, dependent rows, ratings) that the matching
``restore_*`` method puts back exactly, with the same ids, which is what undo
needs. The GUI's undo commands and the CLI both edit through this class.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
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
    EvidenceType,
    Hypothesis,
    HypothesisId,
    Judgment,
    Level,
    Matrix,
    MatrixId,
    MatrixRow,
    Outcome,
    Rating,
    ScoringMode,
    Source,
    SourceId,
    analyst_uid,
    valid_date,
)
from sat_tool.domain.merge import MergePlan, plan_merge
from sat_tool.domain.snapshots import Snapshot, SnapshotId, take_snapshot
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.errors import UserError
from sat_tool.services.concurrency import (
    Touch,
    cell_name,
    changed_while_shown,
    conflict,
    departed_names,
    missing,
    name_of,
    no_longer_applies,
)
from sat_tool.store import cases as store
from sat_tool.store import edits
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


class CaseEditor:
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
    def open(cls, workspace: Workspace, case_id: int, analyst: str) -> CaseEditor:
        """Load a case and mark it as recently opened. On a server whose role is an analyst,
        the case is theirs to rate, whatever ``analyst`` says."""
        if workspace.analyst is not None:
            editor = cls._open(workspace, case_id, workspace.analyst)
            editor.analyst = workspace.analyst.name
            return editor
        return cls._open(workspace, case_id, analyst)

    @classmethod
    def _open(cls, workspace: Workspace, case_id: int, analyst: Any) -> CaseEditor:
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

    # ------------------------------------------------------------ merging a colleague's copy

    def plan_merge(self, theirs: Case) -> MergePlan:
        """What merging a copy of this case would do (nothing is written)."""
        self.refresh()
        return plan_merge(self.case, theirs)

    def merge(self, theirs: Case, take: set[str] | None = None) -> MergeResult:
        """Merge a colleague's copy of this case in one transaction: add what it adds, write
        its analysts' ratings, and take its value of each conflict whose key is in ``take``
        (the others keep ours). Returns what was written, for :meth:`unmerge`."""
        with self._write() as s:
            result = _merge_into(self, s, theirs, take or set())
            fresh = store.load_case(s, self.case.id, self.rated_as)
        self._install(fresh, self.revision)
        return result

    def unmerge(self, result: MergeResult) -> None:
        """Take a merge back: its ratings, probabilities and texts as they were, and the parts
        it added deleted."""
        with self._write() as s:
            known = self._known(*result.analysts)
            ids = store.analyst_ids(s, [known[u] for u in {*result.ratings, *result.judgments}
                                        if u in known])
            now = store.utc_now()
            for uid, cells in result.ratings.items():
                if uid in ids:
                    current = {c: self.case.matrix_of_hypothesis(c[1]).team.get(uid, {}).get(c)
                               for c in cells}
                    edits.put_ratings(s, ids[uid], dict(cells))
                    by_matrix: dict[MatrixId, list[Cell]] = {}
                    for cell in cells:
                        by_matrix.setdefault(self.case.matrix_of_hypothesis(cell[1]).id,
                                             []).append(cell)
                    for matrix_id, found in by_matrix.items():
                        edits.record_cells(s, self.case.id, matrix_id, ids[uid], self.analyst,
                                           {c: current[c] for c in found},
                                           {c: cells[c] for c in found}, now)
            for uid, values in result.judgments.items():
                if uid in ids:
                    edits.put_judgments(s, ids[uid], {h: v or (None, None)
                                                      for h, v in values.items()})
            for kind, row_id, name, value in result.texts:
                edits.update_fields(s, kind, row_id, **{name: value})
            for matrix_id, eid in result.rows:
                mat = self.case.matrix(matrix_id)
                edits.exclude(s, matrix_id, eid, [h.id for h in mat.hypotheses])
            for hyp_id in result.hypotheses:
                edits.delete_row(s, "hypothesis", hyp_id)
            for matrix_id in result.matrices:
                edits.delete_row(s, "matrix", matrix_id)
            for eid in result.evidence:
                edits.delete_row(s, "evidence", eid)
            for sid in result.sources:
                edits.delete_row(s, "source", sid)
            fresh = store.load_case(s, self.case.id, self.rated_as)
        self._install(fresh, self.revision)

    def _me(self, s: Any) -> int:
        """The row id of the analyst rated as; they join the workspace now if they are new.

        Kept once known: an analyst's row is never deleted or given another id, so the
        keystroke's write needs no lookup of its own."""
        me = self.rated_as
        if self._my_row is not None and self._my_row[0] == me.id:
            return self._my_row[1]
        found = store.analyst_ids(s, [me])[me.id]
        self._pending_row = (me.id, found)  # kept once the transaction that found it commits
        return found

    def _list_analysts(self, uids: Any) -> None:
        """List again in the case the analysts whose ratings an undo put back."""
        listed = {a.id for a in self.case.analysts}
        for uid in uids:
            if uid not in listed and uid in self.known_analysts:
                self.case.analysts.append(self.known_analysts[uid])
                listed.add(uid)

    def _known(self, *more: Analyst) -> dict[AnalystId, Analyst]:
        """Every analyst this editor knows of: seen in the case before, in it now, and
        ``more`` (a copy's)."""
        return {**self.known_analysts, **{a.id: a for a in [*self.case.analysts, *more]}}

    def _team_ids(self, s: Any, team: dict[AnalystId, Any]) -> dict[AnalystId, int]:
        known = self._known()
        return store.analyst_ids(s, [known[uid] for uid in team if uid in known])

    def _expect(self, holds: bool, what: str) -> None:
        """Refuse an undo or redo whose target is no longer as this edit left it."""
        if not holds:
            raise EditConflict(self._refusal(what))

    @contextmanager
    def against_view(self) -> Iterator[None]:
        """Check the edits made inside against what a dialog showed when it opened.

        Their ``expect`` values are what the analyst saw; if another window or program
        has changed them since, the edit is refused with a sentence saying so.
        """
        self._refusal = changed_while_shown
        try:
            yield
        finally:
            self._refusal = no_longer_applies

    # ------------------------------------------------------------ case

    def update_case(self, expect: dict[str, str] | None = None, **values: str) -> None:
        """Change the case title or description (``expect``: the values they must have now)."""
        _check_fields(values, {"title", "description"})
        if "title" in values:
            _require(values["title"], translate("CaseEditor", "a case needs a title"))
        with self._write(("case",)) as s:
            if expect is not None:
                self._expect(all(getattr(self.case, k) == v for k, v in expect.items()),
                             translate("CaseEditor", "the case"))
            edits.update_fields(s, "case", self.case.id, **values)
        for key, value in values.items():
            setattr(self.case, key, value)

    # ------------------------------------------------------------ sources

    def add_source(self, title: str, **values: str) -> Source:
        """Add a source at the end of the list."""
        _check_fields(values, _SOURCE_FIELDS)
        _require(title, translate("CaseEditor", "a source needs a title"))
        draft = Source(SourceId(0), title, **values)
        with self._write() as s:
            position = store.count_children(s, "source", self.case.id)
            row = store.source_row(self.case.id, draft, position, with_id=False)
            source = replace(draft, id=SourceId(edits.insert(s, row)))
        self.case.sources.append(source)
        return source

    def update_source(self, source_id: SourceId, expect: dict[str, Any] | None = None,
                      **values: str) -> None:
        """Change fields of a source."""
        _check_fields(values, _SOURCE_FIELDS)
        if "title" in values:
            _require(values["title"], translate("CaseEditor", "a source needs a title"))
        with self._write(("has", "source", source_id), ("source", source_id)) as s:
            source = self.case.source(source_id)
            if expect is not None:
                self._expect(all(getattr(source, k) == v for k, v in expect.items()),
                             name_of(self.case, "source", source_id))
            edits.update_fields(s, "source", source_id, **values)
        for key, value in values.items():
            setattr(source, key, value)

    def delete_source(self, source_id: SourceId, expect: Source | None = None) -> SourceRemoval:
        """Delete a source; evidence citing it keeps its text but loses the link."""
        with self._write(("has", "source", source_id), ("source", source_id)) as s:
            source = self.case.source(source_id)
            if expect is not None:
                self._expect(source == expect, name_of(self.case, "source", source_id))
            index = self.case.sources.index(source)
            citing = [e.id for e in self.case.evidence if e.source_id == source_id]
            remaining = [x.id for x in self.case.sources if x.id != source_id]
            edits.delete_row(s, "source", source_id)
            edits.order(s, "source", remaining)
        self.case.sources.remove(source)
        for item in self.case.evidence:
            if item.source_id == source_id:
                item.source_id = None
        return SourceRemoval(copy.deepcopy(source), index, citing)

    def restore_source(self, removal: SourceRemoval) -> None:
        """Put a deleted source back in place and relink the evidence that cited it."""
        with self._write() as s:
            self._expect(all(x.id != removal.source.id for x in self.case.sources),
                         translate("CaseEditor", "source {title!r}").format(
                             title=removal.source.title))
            citing = [e for e in removal.citing
                      if any(item.id == e and item.source_id is None for item in self.case.evidence)]
            index = min(removal.index, len(self.case.sources))
            order = [x.id for x in self.case.sources]
            order.insert(index, removal.source.id)
            edits.insert(s, store.source_row(self.case.id, removal.source, index))
            edits.order(s, "source", order)
            edits.relink(s, citing, removal.source.id)
        self.case.sources.insert(index, copy.deepcopy(removal.source))
        for item in self.case.evidence:
            if item.id in citing:
                item.source_id = removal.source.id

    # ------------------------------------------------------------ evidence

    def add_evidence(self, text: str, matrix_id: MatrixId | None = None,
                     relevance: Level = Level.MEDIUM, **values: Any) -> Evidence:
        """Add an evidence item to the case and, if a matrix is given, include it there."""
        _check_fields(values, _EVIDENCE_FIELDS)
        _require(text, translate("CaseEditor", "an evidence item needs its text"))
        touches: list[Touch] = [("has", "matrix", matrix_id)] if matrix_id is not None else []
        if values.get("source_id") is not None:
            touches.append(("has", "source", values["source_id"]))
        with self._write(*touches) as s:
            mat = self.case.matrix(matrix_id) if matrix_id is not None else None
            number = store.next_evidence_number(s, self.case.id)
            draft = Evidence(EvidenceId(0), number, text, **values)
            position = store.count_children(s, "evidence", self.case.id)
            row = store.evidence_row(self.case.id, draft, position, with_id=False)
            item = replace(draft, id=EvidenceId(edits.insert(s, row)))
            if mat is not None:
                edits.include(s, mat.id, item.id, store.count_children(s, "row", mat.id), relevance)
        self.case.evidence.append(item)
        if mat is not None:
            mat.rows.append(MatrixRow(item.id, relevance))
        return item

    def add_evidence_rows(self, matrix_id: MatrixId,
                          drafts: list[tuple[str, Level, dict[str, Any], dict[HypothesisId, Rating]]]
                          ) -> list[Evidence]:
        """Add several evidence items, each included in a matrix with its relevance and its
        ratings there, in one transaction (rows pasted from a spreadsheet). Each draft is
        (text, relevance, fields, ratings by hypothesis)."""
        for text, _relevance, values, _ratings in drafts:
            _check_fields(values, _EVIDENCE_FIELDS)
            _require(text, translate("CaseEditor", "an evidence item needs its text"))
        sources = {v["source_id"] for _t, _r, v, _x in drafts if v.get("source_id") is not None}
        touches: list[Touch] = [("has", "matrix", matrix_id), ("rows", matrix_id),
                                *[("has", "source", sid) for sid in sources]]
        now = store.utc_now()
        with self._write(*touches) as s:
            mat = self.case.matrix(matrix_id)
            hyp_ids = {h.id for h in mat.hypotheses}
            number = store.next_evidence_number(s, self.case.id)
            position = store.count_children(s, "evidence", self.case.id)
            place = store.count_children(s, "row", mat.id)
            items, states = [], {}
            for offset, (text, relevance, values, ratings) in enumerate(drafts):
                draft = Evidence(EvidenceId(0), number + offset, text.strip(), **values)
                row = store.evidence_row(self.case.id, draft, position + offset, with_id=False)
                item = replace(draft, id=EvidenceId(edits.insert(s, row)))
                edits.include(s, mat.id, item.id, place + offset, relevance)
                for hid, rating in ratings.items():
                    if hid not in hyp_ids:
                        raise KeyError(hid)
                    states[(item.id, hid)] = Assessment(rating, self.rated_as.name, "", now, None)
                items.append((item, relevance))
            me = self._me(s)
            edits.put_ratings(s, me, states)
            edits.record_cells(s, self.case.id, mat.id, me, self.analyst, {}, states, now)
        for item, relevance in items:
            self.case.evidence.append(item)
            mat.rows.append(MatrixRow(item.id, relevance))
        self._apply_cells(mat, states)
        return [item for item, _ in items]

    def delete_evidence_items(self, evidence_ids: list[EvidenceId],
                              expect: list[Evidence] | None = None) -> list[EvidenceRemoval]:
        """Delete several evidence items, with their rows and ratings, in one transaction."""
        touches: list[Touch] = [t for eid in evidence_ids
                                for t in (("has", "evidence", eid), ("evidence", eid))]
        gone = set(evidence_ids)
        with self._write(*touches) as s:
            items = [self.case.evidence_item(eid) for eid in evidence_ids]
            if expect is not None:
                for item, wanted in zip(items, expect):
                    self._expect(item == wanted, item.label)
            removals = [EvidenceRemoval(copy.deepcopy(item), self.case.evidence.index(item),
                                        [self._row_removal(m, item.id) for m in self.case.matrices
                                         if m.includes(item.id)]) for item in items]
            for eid in evidence_ids:
                edits.delete_row(s, "evidence", eid)
            edits.order(s, "evidence", [e.id for e in self.case.evidence if e.id not in gone])
            touched = {rem.matrix_id for removal in removals for rem in removal.rows}
            for matrix_id in touched:
                edits.order_rows(s, matrix_id, [r.evidence_id for r in
                                                self.case.matrix(matrix_id).rows
                                                if r.evidence_id not in gone])
        for item in items:
            self.case.evidence.remove(item)
            for mat in self.case.matrices:
                if mat.includes(item.id):
                    self._drop_row(mat, item.id)
        return removals

    def restore_evidence_items(self, removals: list[EvidenceRemoval]) -> None:
        """Put deleted evidence items back, with their rows and ratings, in one transaction."""
        ordered = sorted(removals, key=lambda r: r.index)
        with self._write() as s:
            order = [e.id for e in self.case.evidence]
            restored = []
            for removal in ordered:
                item = copy.deepcopy(removal.item)
                self._expect(all(e.id != item.id for e in self.case.evidence), item.label)
                if item.source_id is not None and all(x.id != item.source_id
                                                      for x in self.case.sources):
                    item.source_id = None
                index = min(removal.index, len(order))
                order.insert(index, item.id)
                edits.insert(s, store.evidence_row(self.case.id, item, index))
                # positions stay as they were: each is cut to the rows present as it goes back
                rows = [replace(self._still_applies(rem), index=rem.index) for rem in removal.rows
                        if any(m.id == rem.matrix_id for m in self.case.matrices)]
                restored.append((index, item, rows))
            edits.order(s, "evidence", order)
            # each matrix gets its rows back in the order of their old positions, so that
            # every one lands where it was
            by_matrix: dict[MatrixId, list[RowRemoval]] = {}
            for _index, _item, rows in restored:
                for rem in rows:
                    by_matrix.setdefault(rem.matrix_id, []).append(rem)
            placed: list[RowRemoval] = []
            for matrix_id, rems in by_matrix.items():
                ids = [r.evidence_id for r in self.case.matrix(matrix_id).rows]
                for rem in sorted(rems, key=lambda r: r.index):
                    at = min(rem.index, len(ids))
                    ids.insert(at, rem.row.evidence_id)
                    placed.append(replace(rem, index=at))
                    edits.include(s, matrix_id, rem.row.evidence_id, at, rem.row.relevance)
                    edits.put_team(s, self._team_ids(s, rem.ratings), rem.ratings)
                edits.order_rows(s, matrix_id, ids)
        for index, item, _rows in restored:
            self.case.evidence.insert(index, item)
        for rem in placed:
            self._put_row(rem)

    def update_evidence(self, evidence_id: EvidenceId, relevance: tuple[MatrixId, Level] | None = None,
                        expect: tuple[dict[str, Any], Level | None] | None = None,
                        **values: Any) -> None:
        """Change fields of an evidence item (text, source_id, date, type, credibility …) and,
        with ``relevance=(matrix id, level)``, its relevance to one matrix, in one transaction.

        ``expect`` is (field values, relevance) that the item must have now: an undo's guard.
        """
        _check_fields(values, _EVIDENCE_FIELDS)
        stored = {k: (v.value if isinstance(v, (EvidenceType, Level)) else v)
                  for k, v in values.items()}
        if "text" in values:
            _require(values["text"], translate("CaseEditor", "an evidence item needs its text"))
        touches: list[Touch] = [("has", "evidence", evidence_id), ("evidence", evidence_id)]
        if relevance is not None:
            touches += [("has", "matrix", relevance[0]), ("rows", relevance[0])]
        if values.get("source_id") is not None:
            touches.append(("has", "source", values["source_id"]))
        with self._write(*touches) as s:
            item = self.case.evidence_item(evidence_id)
            if expect is not None:
                fields_now = all(getattr(item, k) == v for k, v in expect[0].items())
                relevance_now = (expect[1] is None or relevance is None
                                 or self.case.matrix(relevance[0]).row(evidence_id).relevance
                                 == expect[1])
                self._expect(fields_now and relevance_now, item.label)
            if stored:
                edits.update_fields(s, "evidence", evidence_id, **stored)
            if relevance is not None:
                self.case.matrix(relevance[0]).row(evidence_id)
                edits.set_relevance(s, relevance[0], evidence_id, relevance[1])
        for key, value in values.items():
            setattr(item, key, value)
        if relevance is not None:
            self.case.matrix(relevance[0]).row(evidence_id).relevance = relevance[1]

    def delete_evidence(self, evidence_id: EvidenceId, expect: Evidence | None = None
                        ) -> EvidenceRemoval:
        """Delete an evidence item from the case and from every matrix that includes it."""
        with self._write(("has", "evidence", evidence_id), ("evidence", evidence_id)) as s:
            item = self.case.evidence_item(evidence_id)
            if expect is not None:
                self._expect(item == expect, item.label)
            removal = EvidenceRemoval(copy.deepcopy(item), self.case.evidence.index(item))
            for mat in self.case.matrices:
                if mat.includes(evidence_id):
                    removal.rows.append(self._row_removal(mat, evidence_id))
            remaining = [e.id for e in self.case.evidence if e.id != evidence_id]
            edits.delete_row(s, "evidence", evidence_id)
            edits.order(s, "evidence", remaining)
            for rem in removal.rows:
                self._write_row_order(s, rem.matrix_id, exclude=evidence_id)
        self.case.evidence.remove(item)
        for rem in removal.rows:
            self._drop_row(self.case.matrix(rem.matrix_id), evidence_id)
        return removal

    def restore_evidence(self, removal: EvidenceRemoval) -> None:
        """Put a deleted evidence item back, with its rows and ratings in every matrix.

        Rows of matrices deleted since, and ratings of hypotheses deleted since, stay gone.
        """
        with self._write() as s:
            item = copy.deepcopy(removal.item)
            self._expect(all(e.id != item.id for e in self.case.evidence), item.label)
            if item.source_id is not None and all(x.id != item.source_id for x in self.case.sources):
                item.source_id = None
            rows = [self._still_applies(rem) for rem in removal.rows
                    if any(m.id == rem.matrix_id for m in self.case.matrices)]
            index = min(removal.index, len(self.case.evidence))
            order = [e.id for e in self.case.evidence]
            order.insert(index, item.id)
            edits.insert(s, store.evidence_row(self.case.id, item, index))
            edits.order(s, "evidence", order)
            for rem in rows:
                self._insert_row(s, rem)
        self.case.evidence.insert(index, item)
        for rem in rows:
            self._put_row(rem)

    # ------------------------------------------------------------ matrix rows

    def include_evidence(self, matrix_id: MatrixId, evidence_ids: Sequence[EvidenceId],
                         relevance: Level = Level.MEDIUM) -> None:
        """Include existing evidence items as the last rows of a matrix, in one transaction."""
        touches = [("has", "matrix", matrix_id)] + [("has", "evidence", e) for e in evidence_ids]
        with self._write(*touches) as s:
            mat = self.case.matrix(matrix_id)
            for evidence_id in evidence_ids:
                if mat.includes(evidence_id):
                    raise InvalidEdit(translate("CaseEditor", "{item} is already included").format(
                        item=self.case.evidence_item(evidence_id).label))
            start = store.count_children(s, "row", matrix_id)
            added = [RowRemoval(matrix_id, MatrixRow(e, relevance), start + i, {})
                     for i, e in enumerate(evidence_ids)]
            for rem in added:
                edits.include(s, matrix_id, rem.row.evidence_id, rem.index, relevance)
        for rem in added:
            self._put_row(rem)

    def exclude_many(self, matrix_id: MatrixId, evidence_ids: Sequence[EvidenceId]
                     ) -> list[RowRemoval]:
        """Take several rows out of a matrix in one transaction (undo of an inclusion)."""
        with self._write(*[("has", "evidence", e) for e in evidence_ids]) as s:
            mat = self.case.matrix(matrix_id)
            self._expect(all(mat.includes(e) for e in evidence_ids),
                         translate("CaseEditor", "these rows"))
            removals = [self._row_removal(mat, e) for e in evidence_ids]
            keep = [r.evidence_id for r in mat.rows if r.evidence_id not in set(evidence_ids)]
            for evidence_id in evidence_ids:
                edits.exclude(s, matrix_id, evidence_id, [h.id for h in mat.hypotheses])
            edits.order_rows(s, matrix_id, keep)
        for evidence_id in evidence_ids:
            self._drop_row(mat, evidence_id)
        return removals

    def exclude_evidence(self, matrix_id: MatrixId, evidence_id: EvidenceId) -> RowRemoval:
        """Take an evidence row out of a matrix (the item stays in the case)."""
        with self._write(("has", "evidence", evidence_id), ("rows", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            removal = self._row_removal(mat, evidence_id)
            edits.exclude(s, matrix_id, evidence_id, [h.id for h in mat.hypotheses])
            self._write_row_order(s, matrix_id, exclude=evidence_id)
        self._drop_row(mat, evidence_id)
        return removal

    def restore_row(self, removal: RowRemoval) -> None:
        """Put an evidence row back in its matrix, in place, with its ratings."""
        with self._write(("has", "matrix", removal.matrix_id),
                         ("has", "evidence", removal.row.evidence_id)) as s:
            mat = self.case.matrix(removal.matrix_id)
            self._expect(not mat.includes(removal.row.evidence_id),
                         name_of(self.case, "evidence", removal.row.evidence_id))
            rem = self._still_applies(removal)
            self._insert_row(s, rem)
        self._put_row(rem)

    def move_row(self, matrix_id: MatrixId, evidence_id: EvidenceId, index: int,
                 expect_at: int | None = None) -> int:
        """Move an evidence row to another position; returns where it was.

        ``expect_at``: where the row must stand now (an undo's guard).
        """
        with self._write(("rows", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            old = mat.row_index(evidence_id)
            if expect_at is not None:
                self._expect(old == expect_at, name_of(self.case, "evidence", evidence_id))
            rows = list(mat.rows)
            rows.insert(index, rows.pop(old))
            edits.order_rows(s, matrix_id, [r.evidence_id for r in rows])
        mat.rows[:] = rows
        return old

    def set_relevance(self, matrix_id: MatrixId, evidence_id: EvidenceId, relevance: Level) -> None:
        """Set how relevant an evidence item is to a matrix's question."""
        with self._write(("rows", matrix_id)) as s:
            self.case.matrix(matrix_id).row(evidence_id)
            edits.set_relevance(s, matrix_id, evidence_id, relevance)
        self.case.matrix(matrix_id).row(evidence_id).relevance = relevance

    def _row_removal(self, mat: Matrix, evidence_id: EvidenceId) -> RowRemoval:
        row = mat.row(evidence_id)
        ratings = _team_cells(mat, lambda cell: cell[0] == evidence_id)
        return RowRemoval(mat.id, copy.copy(row), mat.rows.index(row), ratings)

    def _still_applies(self, rem: RowRemoval) -> RowRemoval:
        """A row removal cut to what the matrix still has: its hypotheses, a position in range."""
        mat = self.case.matrix(rem.matrix_id)
        hyp_ids = {h.id for h in mat.hypotheses}
        ratings = {uid: {c: a for c, a in own.items() if c[1] in hyp_ids}
                   for uid, own in rem.ratings.items()}
        return RowRemoval(rem.matrix_id, rem.row, min(rem.index, len(mat.rows)), ratings)

    def _write_row_order(self, s: Any, matrix_id: MatrixId, exclude: EvidenceId | None = None,
                         insert: tuple[int, EvidenceId] | None = None) -> None:
        ids = [r.evidence_id for r in self.case.matrix(matrix_id).rows if r.evidence_id != exclude]
        if insert is not None:
            ids.insert(*insert)
        edits.order_rows(s, matrix_id, ids)

    def _insert_row(self, s: Any, rem: RowRemoval) -> None:
        edits.include(s, rem.matrix_id, rem.row.evidence_id, rem.index, rem.row.relevance)
        self._write_row_order(s, rem.matrix_id, insert=(rem.index, rem.row.evidence_id))
        edits.put_team(s, self._team_ids(s, rem.ratings), rem.ratings)

    def _put_row(self, rem: RowRemoval) -> None:
        mat = self.case.matrix(rem.matrix_id)
        mat.rows.insert(rem.index, copy.copy(rem.row))
        _apply_team(mat, rem.ratings)
        self._list_analysts(rem.ratings)

    @staticmethod
    def _drop_row(mat: Matrix, evidence_id: EvidenceId) -> None:
        mat.rows.remove(mat.row(evidence_id))
        for own in mat.team.values():
            for cell in [c for c in own if c[0] == evidence_id]:
                del own[cell]

    # ------------------------------------------------------------ matrices

    def add_matrix(self, question: str, **values: str) -> Matrix:
        """Add a matrix asking a question; it starts with no hypotheses and no rows."""
        _check_fields(values, _MATRIX_FIELDS - {"question"})
        _require(question, translate("CaseEditor", "a matrix needs a question"))
        draft = Matrix(MatrixId(0), question, **values)
        with self._write() as s:
            position = store.count_children(s, "matrix", self.case.id)
            row = store.matrix_row(self.case.id, draft, position, with_id=False)
            mat = replace(draft, id=MatrixId(edits.insert(s, row)))
        mat.ratings = mat.team.setdefault(self.rated_as.id, {})  # theirs, in the team too
        self.case.matrices.append(mat)
        return mat

    def update_matrix(self, matrix_id: MatrixId, expect: dict[str, str] | None = None,
                      **values: str) -> None:
        """Change the question, notes, conclusions or milestones of a matrix."""
        _check_fields(values, _MATRIX_FIELDS)
        if "question" in values:
            _require(values["question"], translate("CaseEditor", "a matrix needs a question"))
        with self._write(("has", "matrix", matrix_id), ("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            if expect is not None:
                self._expect(all(getattr(mat, k) == v for k, v in expect.items()),
                             name_of(self.case, "matrix", matrix_id))
            edits.update_fields(s, "matrix", matrix_id, **values)
        for key, value in values.items():
            setattr(mat, key, value)

    def delete_matrix(self, matrix_id: MatrixId, expect_empty: bool = False) -> MatrixRemoval:
        """Delete a matrix with its hypotheses and ratings; the case evidence stays.

        ``expect_empty``: refuse when the matrix has hypotheses or rows (undo of adding it).
        """
        with self._write(("has", "matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            if expect_empty:
                self._expect(not mat.hypotheses and not mat.rows,
                             name_of(self.case, "matrix", matrix_id))
            removal = MatrixRemoval(copy.deepcopy(mat), self.case.matrices.index(mat),
                                    store.load_snapshots(s, matrix_id))
            remaining = [m.id for m in self.case.matrices if m.id != matrix_id]
            edits.delete_row(s, "matrix", matrix_id)
            edits.order(s, "matrix", remaining)
        self.case.matrices.remove(mat)
        return removal

    def restore_matrix(self, removal: MatrixRemoval) -> None:
        """Put a deleted matrix back in place with everything it held.

        Rows of evidence deleted since stay gone, with their ratings.
        """
        with self._write() as s:
            self._expect(all(m.id != removal.matrix.id for m in self.case.matrices),
                         translate("CaseEditor", "the matrix"))
            mat = copy.deepcopy(removal.matrix)
            present = {e.id for e in self.case.evidence}
            mat.rows = [r for r in mat.rows if r.evidence_id in present]
            for own in mat.team.values():
                for cell in [c for c in own if c[0] not in present]:
                    del own[cell]
            index = min(removal.index, len(self.case.matrices))
            order = [m.id for m in self.case.matrices]
            order.insert(index, mat.id)
            edits.insert(s, store.matrix_row(self.case.id, mat, index))
            edits.order(s, "matrix", order)
            store.insert_matrix_contents(s, mat, list(self._known().values()))
            for snap in removal.snapshots:
                edits.insert(s, store.snapshot_row(snap))
        self.case.matrices.insert(index, mat)
        self._list_analysts([*mat.team, *mat.judgments])
        mat.ratings = mat.team.setdefault(self.rated_as.id, {})

    def set_scoring_mode(self, matrix_id: MatrixId, mode: ScoringMode,
                         expect: ScoringMode | None = None) -> ScoringMode:
        """Choose the score that ranks a matrix's hypotheses; returns the previous mode."""
        with self._write(("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.scoring_mode
            if expect is not None:
                self._expect(before is expect, name_of(self.case, "matrix", matrix_id))
            edits.update_fields(s, "matrix", matrix_id, scoring_mode=mode.value)
        mat.scoring_mode = mode
        return before

    def set_transposed(self, matrix_id: MatrixId, transposed: bool,
                       expect: bool | None = None) -> bool:
        """Show a matrix with its hypotheses down the side (True) or across (False); returns
        the previous layout."""
        with self._write(("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.transposed
            if expect is not None:
                self._expect(before is expect, name_of(self.case, "matrix", matrix_id))
            edits.update_fields(s, "matrix", matrix_id,
                                layout="transposed" if transposed else "standard")
        mat.transposed = transposed
        return before

    def set_blind(self, matrix_id: MatrixId, blind: bool, expect: bool | None = None) -> bool:
        """Set a matrix to be rated blind (each analyst their own hypothesis order, no one
        else's ratings until they have rated every cell), or lift it; the history records
        who did which, when. Returns the previous setting."""
        with self._write(("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.blind
            if expect is not None:
                self._expect(before is expect, name_of(self.case, "matrix", matrix_id))
            if before is not blind:
                edits.update_fields(s, "matrix", matrix_id, blind=int(blind))
                edits.record(s, self.case.id, matrix_id, "blind", self.analyst, store.utc_now(),
                             "on" if before else "off", "on" if blind else "off")
        mat.blind = blind
        return before

    # ------------------------------------------------------------ outcome

    def set_outcome(self, matrix_id: MatrixId, outcome: Outcome | None,
                    expect: Outcome | None | bool = False) -> OutcomeChange:
        """Close a matrix with what turned out to be true, or reopen it (``outcome`` None).

        Closing freezes the matrix in a snapshot (named "Closed: …") in the same
        transaction, so the judgments that calibration weighs are the ones held when
        the outcome was recorded. Reopening keeps that snapshot. ``expect``: the
        outcome the matrix must have now (an undo's guard; False checks nothing).
        """
        if outcome is not None:
            if outcome.date.strip() and not valid_date(outcome.date):
                raise InvalidEdit(translate(
                    "CaseEditor", "{date!r} is not a date such as 2012, 2012-04 or 2012-04-18"
                ).format(date=outcome.date.strip()))
            if outcome.date.strip() > store.utc_now()[:len(outcome.date.strip())]:
                raise InvalidEdit(translate(
                    "CaseEditor", "{date} is still to come: an outcome is recorded once it is known"
                ).format(date=outcome.date.strip()))
        with self._write(("has", "matrix", matrix_id), ("matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            before = mat.outcome
            if expect is not False:
                self._expect(before == expect, name_of(self.case, "matrix", matrix_id))
            snap = None
            if outcome is not None:
                if outcome.hypothesis_id is not None:
                    mat.hypothesis(outcome.hypothesis_id)  # KeyError: deleted meanwhile
                outcome = replace(outcome, date=outcome.date.strip(), evidence=outcome.evidence.strip())
                if outcome.snapshot_id is None:
                    snap = self._closing_snapshot(s, mat, outcome)
                    outcome = replace(outcome, snapshot_id=snap.id)
            edits.update_fields(s, "matrix", matrix_id, **store.outcome_values(outcome))
        mat.outcome = outcome
        return OutcomeChange(matrix_id, before, outcome, snap)

    def _closing_snapshot(self, s: Any, mat: Matrix, outcome: Outcome) -> Snapshot:
        truth = (mat.hypothesis(outcome.hypothesis_id).title if outcome.hypothesis_id is not None
                 else "none of the hypotheses")
        taken = {snap.name for snap in store.load_snapshots(s, mat.id)}
        name, n = f"Closed: {truth}", 1
        while name in taken:
            n += 1
            name = f"Closed: {truth} ({n})"
        snap = take_snapshot(self.case, mat, name, store.utc_now())
        snap.id = SnapshotId(edits.insert(s, store.snapshot_row(snap, with_id=False)))
        return snap

    def undo_outcome(self, change: OutcomeChange) -> None:
        """Put back the outcome a :meth:`set_outcome` replaced, and drop the snapshot it took."""
        with self._write(("has", "matrix", change.matrix_id), ("matrix", change.matrix_id)) as s:
            mat = self.case.matrix(change.matrix_id)
            self._expect(mat.outcome == change.after, name_of(self.case, "matrix", change.matrix_id))
            if change.snapshot is not None:
                edits.delete_row(s, "snapshot", change.snapshot.id)
            edits.update_fields(s, "matrix", change.matrix_id, **store.outcome_values(change.before))
        mat.outcome = change.before

    def redo_outcome(self, change: OutcomeChange) -> OutcomeChange:
        """Make a :meth:`set_outcome` again after its undo: the same outcome, with its closing
        snapshot put back as it was."""
        with self._write(("has", "matrix", change.matrix_id), ("matrix", change.matrix_id)) as s:
            mat = self.case.matrix(change.matrix_id)
            self._expect(mat.outcome == change.before, name_of(self.case, "matrix", change.matrix_id))
            if change.after is not None and change.after.hypothesis_id is not None:
                mat.hypothesis(change.after.hypothesis_id)  # KeyError: deleted meanwhile
            if change.snapshot is not None:
                edits.insert(s, store.snapshot_row(change.snapshot))
            edits.update_fields(s, "matrix", change.matrix_id, **store.outcome_values(change.after))
        mat.outcome = change.after
        return change

    # ------------------------------------------------------------ snapshots

    def snapshots(self, matrix_id: MatrixId) -> list[Snapshot]:
        """The snapshots of a matrix, oldest first."""
        with self.workspace.read() as s:
            return store.load_snapshots(s, matrix_id)

    def take_snapshot(self, matrix_id: MatrixId, name: str) -> Snapshot:
        """Save the matrix as it stands now under a name."""
        if not name.strip():
            raise InvalidEdit(translate("CaseEditor", "a snapshot needs a name"))
        with self._write(("has", "matrix", matrix_id)) as s:
            if any(snap.name == name.strip() for snap in store.load_snapshots(s, matrix_id)):
                raise InvalidEdit(translate(
                    "CaseEditor", "this matrix already has a snapshot named {name!r}"
                ).format(name=name.strip()))
            snap = take_snapshot(self.case, self.case.matrix(matrix_id), name.strip(),
                                 store.utc_now())
            snap.id = SnapshotId(edits.insert(s, store.snapshot_row(snap, with_id=False)))
        return snap

    def delete_snapshot(self, snapshot_id: SnapshotId) -> Snapshot:
        """Delete a snapshot; returns it so that it can be restored."""
        with self._write() as s:
            try:
                snap = store.load_snapshot(s, snapshot_id)
            except LookupError:
                raise EditConflict(no_longer_applies(translate("CaseEditor", "this snapshot"))) from None
            edits.delete_row(s, "snapshot", snapshot_id)
        return snap

    def restore_snapshot(self, snap: Snapshot) -> None:
        """Put a deleted snapshot back with its id."""
        with self._write(("has", "matrix", snap.matrix_id)) as s:
            edits.insert(s, store.snapshot_row(snap))

    # ------------------------------------------------------------ hypotheses

    def add_hypothesis(self, matrix_id: MatrixId, title: str, description: str = "") -> Hypothesis:
        """Add a hypothesis as the last column of a matrix."""
        _require(title, translate("CaseEditor", "a hypothesis needs a title"))
        with self._write(("has", "matrix", matrix_id)) as s:
            mat = self.case.matrix(matrix_id)
            position = store.count_children(s, "hypothesis", matrix_id)
            draft = Hypothesis(HypothesisId(0), title, description)
            row = store.hypothesis_row(matrix_id, draft, position, with_id=False)
            hyp = replace(draft, id=HypothesisId(edits.insert(s, row)))
        mat.hypotheses.append(hyp)
        return hyp

    def update_hypothesis(self, hypothesis_id: HypothesisId, expect: dict[str, str] | None = None,
                          **values: str) -> None:
        """Change the title or description of a hypothesis."""
        _check_fields(values, _HYPOTHESIS_FIELDS)
        if "title" in values:
            _require(values["title"], translate("CaseEditor", "a hypothesis needs a title"))
        with self._write(("has", "hypothesis", hypothesis_id), ("hypothesis", hypothesis_id)) as s:
            hyp = self.case.matrix_of_hypothesis(hypothesis_id).hypothesis(hypothesis_id)
            if expect is not None:
                self._expect(all(getattr(hyp, k) == v for k, v in expect.items()),
                             name_of(self.case, "hypothesis", hypothesis_id))
            edits.update_fields(s, "hypothesis", hypothesis_id, **values)
        for key, value in values.items():
            setattr(hyp, key, value)

    def delete_hypothesis(self, hypothesis_id: HypothesisId, expect: Hypothesis | None = None
                          ) -> HypothesisRemoval:
        """Delete a hypothesis and its ratings."""
        with self._write(("has", "hypothesis", hypothesis_id), ("hypothesis", hypothesis_id)) as s:
            mat = self.case.matrix_of_hypothesis(hypothesis_id)
            hyp = mat.hypothesis(hypothesis_id)
            if expect is not None:
                self._expect(hyp == expect, name_of(self.case, "hypothesis", hypothesis_id))
            if mat.outcome is not None and mat.outcome.hypothesis_id == hypothesis_id:
                raise InvalidEdit(translate(
                    "CaseEditor", "this hypothesis is the recorded outcome of its question: reopen "
                    "the question before deleting it"))
            ratings = _team_cells(mat, lambda cell: cell[1] == hypothesis_id)
            judgments = {uid: own[hypothesis_id] for uid, own in mat.judgments.items()
                         if hypothesis_id in own}
            removal = HypothesisRemoval(mat.id, copy.copy(hyp), mat.hypotheses.index(hyp), ratings,
                                        judgments)
            remaining = [h.id for h in mat.hypotheses if h.id != hypothesis_id]
            edits.delete_row(s, "hypothesis", hypothesis_id)
            edits.order(s, "hypothesis", remaining)
        mat.hypotheses.remove(hyp)
        for uid, cells in ratings.items():
            for cell in cells:
                del mat.team[uid][cell]
        for own in mat.judgments.values():
            own.pop(hypothesis_id, None)
        return removal

    def restore_hypothesis(self, removal: HypothesisRemoval) -> None:
        """Put a deleted hypothesis back in its column with its ratings (of rows still there)."""
        with self._write(("has", "matrix", removal.matrix_id)) as s:
            mat = self.case.matrix(removal.matrix_id)
            self._expect(all(h.id != removal.hypothesis.id for h in mat.hypotheses),
                         translate("CaseEditor", "hypothesis {title!r}").format(
                             title=removal.hypothesis.title))
            ratings = {uid: {c: a for c, a in own.items() if mat.includes(c[0])}
                       for uid, own in removal.ratings.items()}
            index = min(removal.index, len(mat.hypotheses))
            order = [h.id for h in mat.hypotheses]
            order.insert(index, removal.hypothesis.id)
            edits.insert(s, store.hypothesis_row(mat.id, removal.hypothesis, index))
            edits.order(s, "hypothesis", order)
            edits.put_team(s, self._team_ids(s, ratings), ratings)
            ids = self._team_ids(s, removal.judgments)
            for uid, judgment in removal.judgments.items():
                if uid in ids:
                    edits.put_judgments(s, ids[uid], {removal.hypothesis.id: judgment})
        mat.hypotheses.insert(index, copy.copy(removal.hypothesis))
        _apply_team(mat, ratings)
        self._list_analysts([*ratings, *removal.judgments])
        for uid, judgment in removal.judgments.items():
            mat.judgments.setdefault(uid, {})[removal.hypothesis.id] = judgment

    def set_probabilities(self, matrix_id: MatrixId, field_name: str,
                          values: dict[HypothesisId, float | None],
                          expect: dict[HypothesisId, float | None] | None = None
                          ) -> dict[HypothesisId, float | None]:
        """Set hypotheses' ``prior`` or ``judged`` probabilities in one transaction.

        Values are fractions from 0 to 1 (None: not set). Returns the previous values.
        """
        if field_name not in ("prior", "judged"):
            raise InvalidEdit(translate("CaseEditor", "unknown probability field {field!r}").format(
                field=field_name))
        for value in values.values():
            if value is not None and not 0 <= value <= 1:
                raise InvalidEdit(translate(
                    "CaseEditor", "{value} is not a probability between 0% and 100%"
                ).format(value=f"{value:.0%}"))
        with self._write(*[("hypothesis", h) for h in values]) as s:
            mat = self.case.matrix(matrix_id)
            if field_name == "judged" and mat.outcome is not None and expect is None:
                raise InvalidEdit(translate(
                    "CaseEditor", "this question is closed, so the probabilities judged before its "
                    "outcome was known stay as they were; reopen it to change them"))
            before = {h: getattr(mat.hypothesis(h), field_name) for h in values}
            if expect is not None:
                self._expect(all(before.get(h) == v for h, v in expect.items()),
                             translate("CaseEditor", "these probabilities"))
            if field_name == "prior":
                after = {h.id: values.get(h.id, h.prior) for h in mat.hypotheses}
                total = sum(v for v in after.values() if v is not None)
                if total > 1 + 1e-9:
                    raise InvalidEdit(translate(
                        "CaseEditor", "priors may add up to 100% at most, not {total}"
                    ).format(total=f"{total:.0%}"))
            me = self.rated_as
            mine = {h.id: (h.prior, h.judged) for h in mat.hypotheses}
            for hid, value in values.items():
                prior, judged = mine[hid]
                mine[hid] = (value, judged) if field_name == "prior" else (prior, value)
            edits.put_judgments(s, self._me(s), {hid: mine[hid] for hid in values})
        for hid, value in values.items():
            setattr(mat.hypothesis(hid), field_name, value)
        own = mat.judgments.setdefault(me.id, {})
        own.update({hid: mine[hid] for hid in values})
        return before

    def move_hypothesis(self, hypothesis_id: HypothesisId, index: int,
                        expect_at: int | None = None) -> int:
        """Move a hypothesis to another column; returns where it was."""
        try:
            columns: Touch = ("columns", self.case.matrix_of_hypothesis(hypothesis_id).id)
        except KeyError:
            raise EditConflict(missing(self.case, [("has", "hypothesis", hypothesis_id)],
                                       self.departed)) from None
        with self._write(("has", "hypothesis", hypothesis_id), columns) as s:
            mat = self.case.matrix_of_hypothesis(hypothesis_id)
            old = mat.hypothesis_index(hypothesis_id)
            if expect_at is not None:
                self._expect(old == expect_at, name_of(self.case, "hypothesis", hypothesis_id))
            hyps = list(mat.hypotheses)
            hyps.insert(index, hyps.pop(old))
            edits.order(s, "hypothesis", [h.id for h in hyps])
        mat.hypotheses[:] = hyps
        return old

    # ------------------------------------------------------------ ratings

    def rate(self, matrix_id: MatrixId, cell: Cell, rating: Rating | None) -> Assessment | None:
        """Rate one cell as the current analyst (None clears it); returns its previous state."""
        return self.rate_cells(matrix_id, [cell], rating)[cell]

    def rate_cells(self, matrix_id: MatrixId, cells: list[Cell], rating: Rating | None
                   ) -> dict[Cell, Assessment | None]:
        """Give several cells the same rating in one transaction; returns their previous states.

        A cell's rationale is kept when only its rating changes.
        """
        now = store.utc_now()

        def after(old: Assessment | None) -> Assessment | None:
            if rating is None:
                return None
            # A likelihood override belongs to the rating it was set for.
            kept = old.likelihood if old and old.rating is rating else None
            return Assessment(rating, self.rated_as.name, old.rationale if old else "", now, kept)

        return self._put_cells(matrix_id, cells, after)

    def rate_each(self, matrix_id: MatrixId, ratings: dict[Cell, Rating | None]
                  ) -> dict[Cell, Assessment | None]:
        """Give each cell its own rating (None clears it) in one transaction, as a pasted block
        does; returns their previous states. A cell keeps its rationale when only its rating
        changes, and is left as it is when its rating is the same."""
        now = store.utc_now()

        def after(old: Assessment | None, cell: Cell) -> Assessment | None:
            rating = ratings[cell]
            if rating is None:
                return None
            if old is not None and old.rating is rating:
                return old
            return Assessment(rating, self.rated_as.name, old.rationale if old else "", now, None)

        return self._put_cells(matrix_id, list(ratings), after, per_cell=True)

    def assess(self, matrix_id: MatrixId, cell: Cell, rating: Rating | None, rationale: str,
               likelihood: float | None = None, expect: Assessment | None | bool = False
               ) -> Assessment | None:
        """Set a cell's rating, rationale and likelihood override together; returns its previous state.

        ``expect``: what the cell must hold now (the state a dialog opened with); False: anything.
        """
        if rating is None and (rationale.strip() or likelihood is not None):
            raise InvalidEdit(translate(
                "CaseEditor", "a rationale or likelihood needs a rating: rate the cell first"))
        if likelihood is not None and not 0 < likelihood <= 1:
            raise InvalidEdit(translate("CaseEditor", "a likelihood must be more than 0 and at most 1"))
        if rating is Rating.NA and likelihood is not None:
            raise InvalidEdit(translate("CaseEditor", NA_LIKELIHOOD))
        now = store.utc_now()
        return self._put_cells(matrix_id, [cell], lambda _old: None if rating is None else
                               Assessment(rating, self.rated_as.name, rationale, now, likelihood),
                               None if expect is False else {cell: expect})[cell]

    def set_likelihood(self, matrix_id: MatrixId, cell: Cell, likelihood: float | None
                       ) -> Assessment | None:
        """Override a rated cell's P(evidence | hypothesis) (None: back to the default)."""
        return self.set_likelihoods(matrix_id, {cell: likelihood})[cell]

    def set_likelihoods(self, matrix_id: MatrixId, values: dict[Cell, float | None],
                        expect: dict[Cell, Assessment | None] | None = None
                        ) -> dict[Cell, Assessment | None]:
        """Override several rated cells' likelihoods at once, as for one row elicited in a dialog
        (None: back to the rating's default). Returns the cells' previous states."""
        for likelihood in values.values():
            if likelihood is not None and not 0 < likelihood <= 1:
                raise InvalidEdit(translate("CaseEditor", "a likelihood must be more than 0 and at most 1"))
        now = store.utc_now()

        def after(old: Assessment | None, cell: Cell) -> Assessment | None:
            if old is None:
                raise InvalidEdit(
                    translate("CaseEditor", "rate the cell before overriding its likelihood")
                    if len(values) == 1 else
                    translate("CaseEditor", "rate every cell of the row before stating its likelihoods"))
            if old.rating is Rating.NA and values[cell] is not None:
                raise InvalidEdit(translate("CaseEditor", NA_LIKELIHOOD))
            if old.likelihood == values[cell]:
                return old
            return replace(old, likelihood=values[cell], analyst=self.rated_as.name, updated=now)

        return self._put_cells(matrix_id, list(values), after, expect, per_cell=True)

    def _put_cells(self, matrix_id: MatrixId, cells: list[Cell], after: Any,
                   expect: dict[Cell, Assessment | None] | None = None, per_cell: bool = False
                   ) -> dict[Cell, Assessment | None]:
        """Write each cell's new state, computed from its state in the workspace now
        (``after(old)``, or ``after(old, cell)`` with ``per_cell``)."""
        with self._write(("has", "matrix", matrix_id),
                         *[("cell", matrix_id, e, h) for e, h in cells]) as s:
            mat = self.case.matrix(matrix_id)
            self._check_cells(mat, cells)
            for cell, wanted in (expect or {}).items():
                if mat.ratings.get(cell) != wanted:
                    raise EditConflict(translate(
                        "CaseEditor", "Cell {cell} was changed in another window or program while "
                        "this dialog was open, so this edit was not made; the view now shows it as "
                        "it is.").format(cell=cell_name(self.case, *cell)))
            before = {cell: copy.copy(mat.ratings.get(cell)) for cell in cells}
            states = {cell: after(old, cell) if per_cell else after(old)
                      for cell, old in before.items()}
            me = self._me(s)
            edits.put_ratings(s, me, states)
            edits.record_cells(s, self.case.id, matrix_id, me, self.analyst, before, states,
                               store.utc_now())
        self._apply_cells(mat, states)
        return before

    def set_assessments(self, matrix_id: MatrixId, states: dict[Cell, Assessment | None],
                        expect: dict[Cell, Assessment | None] | None = None) -> None:
        """Store cells exactly as given (None clears) in one transaction; also used by undo.

        ``expect``: what the cells must hold now, else nothing is written (an undo's guard).
        """
        with self._write(("has", "matrix", matrix_id),
                         *[("cell", matrix_id, e, h) for e, h in states]) as s:
            mat = self.case.matrix(matrix_id)
            self._check_cells(mat, list(states))
            if expect is not None:
                for cell, wanted in expect.items():
                    self._expect(mat.ratings.get(cell) == wanted,
                                 translate("CaseEditor", "cell {cell}").format(
                                     cell=cell_name(self.case, *cell)))
            me = self._me(s)
            before = {cell: mat.ratings.get(cell) for cell in states}
            edits.put_ratings(s, me, states)
            edits.record_cells(s, self.case.id, matrix_id, me, self.analyst, before, states,
                               store.utc_now())
        self._apply_cells(mat, states)

    @staticmethod
    def _check_cells(mat: Matrix, cells: Sequence[Cell]) -> None:
        hyp_ids = {h.id for h in mat.hypotheses}
        for eid, hid in cells:
            if not mat.includes(eid) or hid not in hyp_ids:
                raise KeyError(f"cell {(eid, hid)} is not in matrix {mat.id}")

    @staticmethod
    def _apply_cells(mat: Matrix, states: dict[Cell, Assessment | None]) -> None:
        for cell, found in states.items():
            if found is None:
                mat.ratings.pop(cell, None)
            else:
                mat.ratings[cell] = copy.copy(found)


def _merge_into(editor: CaseEditor, s: Any, theirs: Case, take: set[str]) -> MergeResult:
    """Write what a copy of the case adds (see :mod:`sat_tool.domain.merge`), in ``s``."""
    case = editor.case
    plan = plan_merge(case, theirs)
    result = MergeResult(analysts=list(theirs.analysts))
    known = editor._known(*theirs.analysts)
    sources, evidence = dict(plan.sources), dict(plan.evidence)
    hypotheses = dict(plan.hypotheses)
    position = store.count_children(s, "source", case.id)
    for src in plan.new_sources:
        row = store.source_row(case.id, replace(src, id=SourceId(0)), position, with_id=False)
        row.uid = src.uid or row.uid
        sources[src.id] = SourceId(edits.insert(s, row))
        result.sources.append(sources[src.id])
        position += 1
    position = store.count_children(s, "evidence", case.id)
    for item in plan.new_evidence:
        number = store.next_evidence_number(s, case.id)
        draft = replace(item, id=EvidenceId(0), number=number,
                        source_id=sources.get(item.source_id) if item.source_id is not None
                        else None)
        draft.uid = item.uid
        evidence[item.id] = EvidenceId(edits.insert(s, store.evidence_row(case.id, draft, position,
                                                                          with_id=False)))
        result.evidence.append(evidence[item.id])
        result.numbers[item.number] = number
        position += 1
    ids = store.analyst_ids(s, [known[uid] for uid in
                                {*theirs_analysts(theirs), *plan.ratings, *plan.judgments}
                                if uid in known])
    # matrices of theirs that are new here: whole, with every analyst's ratings
    position = store.count_children(s, "matrix", case.id)
    for mat in plan.new_matrices:
        draft = copy.deepcopy(mat)
        row = store.matrix_row(case.id, draft, position, with_id=False)
        row.outcome_snapshot_id = None
        new_id = MatrixId(edits.insert(s, row))
        result.matrices.append(new_id)
        position += 1
        for place, hyp in enumerate(draft.hypotheses):
            hrow = store.hypothesis_row(new_id, hyp, place, with_id=False)
            hyp_id = HypothesisId(edits.insert(s, hrow))
            hypotheses[hyp.id] = hyp_id
        for place, found in enumerate(draft.rows):
            edits.include(s, new_id, evidence[found.evidence_id], place, found.relevance)
        for uid, own in draft.team.items():
            if uid in ids:
                edits.put_ratings(s, ids[uid], {(evidence[e], hypotheses[h]): a
                                                for (e, h), a in own.items()})
        for uid, own in draft.judgments.items():
            if uid in ids:
                edits.put_judgments(s, ids[uid], {hypotheses[h]: j for h, j in own.items()})
        if draft.outcome is not None and draft.outcome.hypothesis_id is not None:
            edits.update_fields(s, "matrix", new_id, **store.outcome_values(replace(
                draft.outcome, hypothesis_id=hypotheses[draft.outcome.hypothesis_id],
                snapshot_id=None)))
    # matrices both have: new hypotheses and rows, then the ratings of the cells they make
    for matrix_id, hyp in plan.new_hypotheses:
        place = store.count_children(s, "hypothesis", matrix_id)
        hyp_id = HypothesisId(edits.insert(s, store.hypothesis_row(matrix_id, hyp, place,
                                                                  with_id=False)))
        hypotheses[hyp.id] = hyp_id
        result.hypotheses.append(hyp_id)
    for matrix_id, their_item in plan.new_rows:
        eid = evidence[their_item]
        their_matrix = next(m for m in theirs.matrices if plan.matrices.get(m.id) == matrix_id)
        edits.include(s, matrix_id, eid, store.count_children(s, "row", matrix_id),
                      their_matrix.row(their_item).relevance)
        result.rows.append((matrix_id, eid))
    new_cells = {eid for _m, eid in result.rows}, set(result.hypotheses)
    writes: dict[AnalystId, dict[MatrixId, dict[Cell, Assessment]]] = {
        uid: {m: dict(cells) for m, cells in per.items()} for uid, per in plan.ratings.items()}
    for mat in theirs.matrices:
        ours_id = plan.matrices.get(mat.id)
        if ours_id is None:
            continue
        for uid, own in mat.team.items():
            for (e, h), found in own.items():
                cell = (evidence.get(e), hypotheses.get(h))
                if None in cell or not (cell[0] in new_cells[0] or cell[1] in new_cells[1]):
                    continue
                writes.setdefault(uid, {}).setdefault(ours_id, {})[cell] = found  # type: ignore[index]
    ids.update(store.analyst_ids(s, [known[uid] for uid in writes if uid in known]))
    for uid, per in writes.items():
        if uid not in ids:
            continue
        for matrix_id, cells in per.items():
            mine = case.matrix(matrix_id).team.get(uid, {})
            before = {cell: copy.copy(mine.get(cell)) for cell in cells}
            edits.put_ratings(s, ids[uid], dict(cells))
            edits.record_cells(s, case.id, matrix_id, ids[uid], editor.analyst, before, cells,
                               store.utc_now())
            result.ratings.setdefault(uid, {}).update(before)
    # probabilities an analyst had not given here, and conflicts the user settled for theirs
    for uid, per in plan.judgments.items():
        if uid in ids:
            edits.put_judgments(s, ids[uid], per)
            result.judgments.setdefault(uid, {}).update({h: None for h in per})
    for choice in plan.conflicts:
        if choice.key not in take:
            continue
        kind, key, name = choice.key.split(":", 2)
        if kind == "judgment":
            uid, hyp_id = key, HypothesisId(int(name))
            if uid in ids:
                edits.put_judgments(s, ids[uid], {hyp_id: choice.theirs})
                result.judgments.setdefault(uid, {})[hyp_id] = choice.ours
            continue
        row_id = _part_id(case, kind, key)
        value = choice.theirs
        if name in ("type", "credibility"):
            value = value.value
        edits.update_fields(s, kind, row_id, **{name: value})
        ours_value = choice.ours.value if name in ("type", "credibility") else choice.ours
        result.texts.append((kind, row_id, name, ours_value))
    return result


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

    @property
    def written(self) -> int:
        """How many ratings the merge wrote into matrices that were here."""
        return sum(len(cells) for cells in self.ratings.values())
