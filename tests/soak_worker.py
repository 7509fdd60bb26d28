"""One editing process of the soak test: random edits of one case, undo and redo included, forever.

Run as ``python tests/soak_worker.py WORKSPACE CASE_ID SEED NAME``, or start many
such processes quickly through ``python tests/soak_worker.py --fork-server`` (see
:func:`serve`). A worker opens the case with a :class:`CaseEditor` (``NAME`` is
the analyst) and makes edits of
every kind the editor offers, choosing targets from the editor's in-memory case,
which another process may have changed since: such an edit must either be
refused or made correctly on the workspace as it stands. Undo and redo go
through a small stack that builds the same editor calls, with the same guards,
as ``sat_tool/ui/commands.py``.

Every editor call is reported on stdout, one line each, flushed at once:

``READY <revision>``                 the case is open
``INTENT <seq> <base64 pickle>``     about to call: (method, args, kwargs, now)
``ACK <seq> <revision>``             the call returned; ``editor.revision`` after it
``REFUSED <seq> <exception name>``   the editor refused it (EditConflict, InvalidEdit)
``ERROR <seq> <base64 traceback>``   any other exception escaped from the editor
``BYE``                              stopped on SIGTERM between two edits

``now`` is the time the call's timestamps get: the worker reads the clock just
before the call and the store's clock returns that value during it, so that a
replay of the same call writes the same ratings and snapshots (and an undo's
``expect=``, which compares whole assessments, holds in the replay too).
"""

from __future__ import annotations

import base64
import copy
import json
import os
import pickle
import random
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sat_tool.domain.model import EvidenceType, Level, Rating, ScoringMode  # noqa: E402
from sat_tool.services.editor import CaseEditor, EditConflict, InvalidEdit  # noqa: E402
from sat_tool.store import Workspace  # noqa: E402
from sat_tool.store import cases as store_cases  # noqa: E402

REFUSALS = (EditConflict, InvalidEdit)
MAX_ERRORS = 25
STACK_DEPTH = 40
PAUSE = 0.01
"""The longest pause between two edits, in seconds."""
REFRESH = 0.5
"""How often the worker catches up with the workspace before an edit, as a window does within
a quarter of a second of another process's commit; the other edits are made on a view that
may be stale."""
HOT = 0.7
"""How often an edit picks its target among the three with the lowest ids."""

# How big the case may get: below the lower bound nothing is removed and adding is
# favoured; at the upper bound nothing is added and removing is favoured.
BOUNDS = {"sources": (2, 10), "evidence": (50, 100), "matrices": (1, 5),
          "hypotheses": (2, 7), "rows": (5, 45), "snapshots": (0, 3)}

_real_now = store_cases.utc_now
_clock: list[str] = [_real_now()]
store_cases.utc_now = lambda: _clock[0]


class Refused(Exception):
    """The editor did not make the call (refused, or failed with an error that was reported)."""


def emit(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


SOAK_ANALYST = "Sam Adler"
"""Whose ratings every worker edits, as two windows of one analyst would: the sample's first
analyst (the replay rates as them too); each worker's name is who makes its edits."""


def open_editor(workspace: Workspace, case_id: int, name: str) -> CaseEditor:
    """A worker's editor: edits made by ``name``, of :data:`SOAK_ANALYST`'s ratings."""
    editor = CaseEditor.open(workspace, case_id, name)
    editor.rate_as(SOAK_ANALYST)
    return editor


class Recorder:
    """Makes editor calls, reporting each before and after."""

    def __init__(self, editor: CaseEditor, workspace: Workspace, case_id: int, name: str) -> None:
        self.editor, self.workspace, self.case_id, self.name = editor, workspace, case_id, name
        self.seq = 0
        self.errors = 0

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        self.seq += 1
        now = _real_now()
        payload = base64.b64encode(pickle.dumps((method, args, kwargs, now))).decode()
        emit(f"INTENT {self.seq} {payload}")
        _clock[0] = now
        try:
            result = getattr(self.editor, method)(*args, **kwargs)
        except REFUSALS as exc:
            emit(f"REFUSED {self.seq} {type(exc).__name__}")
            raise Refused from exc
        except Exception as exc:  # reported, then the editor is opened afresh  # noqa: BLE001
            text = "".join(traceback.format_exception(exc))
            emit(f"ERROR {self.seq} {base64.b64encode(text.encode()).decode()}")
            self.errors += 1
            if self.errors >= MAX_ERRORS:
                sys.exit(3)
            self.editor = open_editor(self.workspace, self.case_id, self.name)
            raise Refused from exc
        emit(f"ACK {self.seq} {self.editor.revision}")
        return result

    @property
    def case(self) -> Any:
        return self.editor.case


# ------------------------------------------------------------------ commands (as ui/commands.py)


class Command:
    def __init__(self, r: Recorder) -> None:
        self.r = r

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class SetCells(Command):
    def __init__(self, r: Recorder, matrix_id: int, cells: list, rating: Rating | None,
                 single: bool = False) -> None:
        super().__init__(r)
        self.matrix_id, self.cells, self.rating, self.single = matrix_id, cells, rating, single
        self.before: dict = {}
        self.after: dict = {}

    def apply(self) -> None:
        if not self.after:
            if self.single:
                (cell,) = self.cells
                self.before = {cell: self.r.call("rate", self.matrix_id, cell, self.rating)}
            else:
                self.before = self.r.call("rate_cells", self.matrix_id, self.cells, self.rating)
            mat = self.r.case.matrix(self.matrix_id)
            self.after = {cell: copy.copy(mat.ratings.get(cell)) for cell in self.cells}
        else:
            self.r.call("set_assessments", self.matrix_id, self.after, expect=self.before)

    def revert(self) -> None:
        self.r.call("set_assessments", self.matrix_id, self.before, expect=self.after)


class SetAssessment(Command):
    """The cell dialog (``assess``), or a likelihood override alone (``set_likelihood``)."""

    def __init__(self, r: Recorder, matrix_id: int, cell: Any, method: str, *args: Any) -> None:
        super().__init__(r)
        self.matrix_id, self.cell, self.method, self.args = matrix_id, cell, method, args
        self.before: Any = None
        self.after: Any = None
        self.done = False

    def apply(self) -> None:
        if not self.done:
            self.before = self.r.call(self.method, self.matrix_id, self.cell, *self.args)
            self.after = copy.copy(self.r.case.matrix(self.matrix_id).ratings.get(self.cell))
            self.done = True
        else:
            self.r.call("set_assessments", self.matrix_id, {self.cell: self.after},
                        expect={self.cell: self.before})

    def revert(self) -> None:
        self.r.call("set_assessments", self.matrix_id, {self.cell: self.before},
                    expect={self.cell: self.after})


class SetScoringMode(Command):
    def __init__(self, r: Recorder, matrix_id: int, mode: ScoringMode) -> None:
        super().__init__(r)
        self.matrix_id, self.mode = matrix_id, mode
        self.before = r.case.matrix(matrix_id).scoring_mode

    def apply(self) -> None:
        self.r.call("set_scoring_mode", self.matrix_id, self.mode, expect=self.before)

    def revert(self) -> None:
        self.r.call("set_scoring_mode", self.matrix_id, self.before, expect=self.mode)


class SetProbabilities(Command):
    def __init__(self, r: Recorder, matrix_id: int, field: str, values: dict) -> None:
        super().__init__(r)
        self.matrix_id, self.field, self.after = matrix_id, field, dict(values)
        mat = r.case.matrix(matrix_id)
        self.before = {h: getattr(mat.hypothesis(h), field) for h in values}

    def apply(self) -> None:
        self.r.call("set_probabilities", self.matrix_id, self.field, self.after, expect=self.before)

    def revert(self) -> None:
        self.r.call("set_probabilities", self.matrix_id, self.field, self.before, expect=self.after)


class TakeSnapshot(Command):
    def __init__(self, r: Recorder, matrix_id: int, name: str) -> None:
        super().__init__(r)
        self.matrix_id, self.name = matrix_id, name
        self.snapshot: Any = None

    def apply(self) -> None:
        if self.snapshot is None:
            self.snapshot = self.r.call("take_snapshot", self.matrix_id, self.name)
        else:
            self.r.call("restore_snapshot", self.snapshot)

    def revert(self) -> None:
        self.r.call("delete_snapshot", self.snapshot.id)


class DeleteSnapshot(Command):
    def __init__(self, r: Recorder, snapshot: Any) -> None:
        super().__init__(r)
        self.snapshot = snapshot

    def apply(self) -> None:
        self.snapshot = self.r.call("delete_snapshot", self.snapshot.id)

    def revert(self) -> None:
        self.r.call("restore_snapshot", self.snapshot)


class AddHypothesis(Command):
    def __init__(self, r: Recorder, matrix_id: int, title: str, description: str) -> None:
        super().__init__(r)
        self.matrix_id, self.title, self.description = matrix_id, title, description
        self.removal: Any = None
        self.hypothesis: Any = None

    def apply(self) -> None:
        if self.removal is None:
            self.hypothesis = copy.copy(
                self.r.call("add_hypothesis", self.matrix_id, self.title, self.description))
        else:
            self.r.call("restore_hypothesis", self.removal)

    def revert(self) -> None:
        self.removal = self.r.call("delete_hypothesis", self.hypothesis.id, expect=self.hypothesis)


class DeleteHypothesis(Command):
    def __init__(self, r: Recorder, hypothesis_id: int) -> None:
        super().__init__(r)
        self.hypothesis_id = hypothesis_id
        self.removal: Any = None

    def apply(self) -> None:
        expect = self.removal.hypothesis if self.removal is not None else None
        self.removal = self.r.call("delete_hypothesis", self.hypothesis_id, expect=expect)

    def revert(self) -> None:
        self.r.call("restore_hypothesis", self.removal)


class EditHypothesis(Command):
    def __init__(self, r: Recorder, hypothesis_id: int, **values: str) -> None:
        super().__init__(r)
        hyp = r.case.matrix_of_hypothesis(hypothesis_id).hypothesis(hypothesis_id)
        self.hypothesis_id, self.after = hypothesis_id, values
        self.before = {key: getattr(hyp, key) for key in values}

    def apply(self) -> None:
        self.r.call("update_hypothesis", self.hypothesis_id, expect=self.before, **self.after)

    def revert(self) -> None:
        self.r.call("update_hypothesis", self.hypothesis_id, expect=self.after, **self.before)


class MoveHypothesis(Command):
    def __init__(self, r: Recorder, hypothesis_id: int, index: int) -> None:
        super().__init__(r)
        self.hypothesis_id, self.index = hypothesis_id, index
        self.old = -1

    def apply(self) -> None:
        expect = self.old if self.old >= 0 else None
        self.old = self.r.call("move_hypothesis", self.hypothesis_id, self.index, expect_at=expect)

    def revert(self) -> None:
        self.r.call("move_hypothesis", self.hypothesis_id, self.old, expect_at=self.index)


class AddEvidence(Command):
    def __init__(self, r: Recorder, text: str, matrix_id: int | None, relevance: Level,
                 **values: Any) -> None:
        super().__init__(r)
        self.args, self.values = (text, matrix_id, relevance), values
        self.item: Any = None
        self.removal: Any = None

    def apply(self) -> None:
        if self.removal is None:
            self.item = copy.copy(self.r.call("add_evidence", *self.args, **self.values))
        else:
            self.r.call("restore_evidence", self.removal)

    def revert(self) -> None:
        self.removal = self.r.call("delete_evidence", self.item.id, expect=self.item)


class DeleteEvidence(Command):
    def __init__(self, r: Recorder, evidence_id: int) -> None:
        super().__init__(r)
        self.evidence_id = evidence_id
        self.removal: Any = None

    def apply(self) -> None:
        expect = self.removal.item if self.removal is not None else None
        self.removal = self.r.call("delete_evidence", self.evidence_id, expect=expect)

    def revert(self) -> None:
        self.r.call("restore_evidence", self.removal)


class EditEvidence(Command):
    def __init__(self, r: Recorder, evidence_id: int, values: dict, matrix_id: int | None = None,
                 relevance: Level | None = None) -> None:
        super().__init__(r)
        item = r.case.evidence_item(evidence_id)
        self.evidence_id, self.matrix_id = evidence_id, matrix_id
        self.after = (dict(values), relevance)
        old_relevance = None
        if matrix_id is not None and relevance is not None:
            old_relevance = r.case.matrix(matrix_id).row(evidence_id).relevance
        self.before = ({key: getattr(item, key) for key in values}, old_relevance)

    def apply(self) -> None:
        self._write(*self.after, expect=self.before)

    def revert(self) -> None:
        self._write(*self.before, expect=self.after)

    def _write(self, values: dict, relevance: Level | None, expect: tuple) -> None:
        both = (self.matrix_id, relevance) if relevance is not None and self.matrix_id else None
        self.r.call("update_evidence", self.evidence_id, both, expect=expect, **values)


class IncludeEvidence(Command):
    def __init__(self, r: Recorder, matrix_id: int, evidence_ids: list, relevance: Level) -> None:
        super().__init__(r)
        self.matrix_id, self.evidence_ids, self.relevance = matrix_id, evidence_ids, relevance

    def apply(self) -> None:
        self.r.call("include_evidence", self.matrix_id, self.evidence_ids, self.relevance)

    def revert(self) -> None:
        self.r.call("exclude_many", self.matrix_id, self.evidence_ids)


class ExcludeEvidence(Command):
    def __init__(self, r: Recorder, matrix_id: int, evidence_id: int) -> None:
        super().__init__(r)
        self.matrix_id, self.evidence_id = matrix_id, evidence_id
        self.removal: Any = None

    def apply(self) -> None:
        self.removal = self.r.call("exclude_evidence", self.matrix_id, self.evidence_id)

    def revert(self) -> None:
        self.r.call("restore_row", self.removal)


class MoveRow(Command):
    def __init__(self, r: Recorder, matrix_id: int, evidence_id: int, index: int) -> None:
        super().__init__(r)
        self.matrix_id, self.evidence_id, self.index = matrix_id, evidence_id, index
        self.old = -1

    def apply(self) -> None:
        expect = self.old if self.old >= 0 else None
        self.old = self.r.call("move_row", self.matrix_id, self.evidence_id, self.index,
                               expect_at=expect)

    def revert(self) -> None:
        self.r.call("move_row", self.matrix_id, self.evidence_id, self.old, expect_at=self.index)


class AddSource(Command):
    def __init__(self, r: Recorder, title: str, **values: str) -> None:
        super().__init__(r)
        self.title, self.values = title, values
        self.source: Any = None
        self.removal: Any = None

    def apply(self) -> None:
        if self.removal is None:
            self.source = copy.copy(self.r.call("add_source", self.title, **self.values))
        else:
            self.r.call("restore_source", self.removal)

    def revert(self) -> None:
        self.removal = self.r.call("delete_source", self.source.id, expect=self.source)


class EditSource(Command):
    def __init__(self, r: Recorder, source_id: int, **values: str) -> None:
        super().__init__(r)
        src = r.case.source(source_id)
        self.source_id, self.after = source_id, values
        self.before = {key: getattr(src, key) for key in values}

    def apply(self) -> None:
        self.r.call("update_source", self.source_id, expect=self.before, **self.after)

    def revert(self) -> None:
        self.r.call("update_source", self.source_id, expect=self.after, **self.before)


class DeleteSource(Command):
    def __init__(self, r: Recorder, source_id: int) -> None:
        super().__init__(r)
        self.source_id = source_id
        self.removal: Any = None

    def apply(self) -> None:
        expect = self.removal.source if self.removal is not None else None
        self.removal = self.r.call("delete_source", self.source_id, expect=expect)

    def revert(self) -> None:
        self.r.call("restore_source", self.removal)


class AddMatrix(Command):
    def __init__(self, r: Recorder, question: str, **values: str) -> None:
        super().__init__(r)
        self.question, self.values = question, values
        self.matrix: Any = None
        self.removal: Any = None

    def apply(self) -> None:
        if self.removal is None:
            self.matrix = self.r.call("add_matrix", self.question, **self.values)
        else:
            self.r.call("restore_matrix", self.removal)

    def revert(self) -> None:
        self.removal = self.r.call("delete_matrix", self.matrix.id, expect_empty=True)


class DeleteMatrix(Command):
    def __init__(self, r: Recorder, matrix_id: int) -> None:
        super().__init__(r)
        self.matrix_id = matrix_id
        self.removal: Any = None

    def apply(self) -> None:
        self.removal = self.r.call("delete_matrix", self.matrix_id)

    def revert(self) -> None:
        self.r.call("restore_matrix", self.removal)


class EditMatrix(Command):
    def __init__(self, r: Recorder, matrix_id: int, **values: str) -> None:
        super().__init__(r)
        mat = r.case.matrix(matrix_id)
        self.matrix_id, self.after = matrix_id, values
        self.before = {key: getattr(mat, key) for key in values}

    def apply(self) -> None:
        self.r.call("update_matrix", self.matrix_id, expect=self.before, **self.after)

    def revert(self) -> None:
        self.r.call("update_matrix", self.matrix_id, expect=self.after, **self.before)


class EditCase(Command):
    def __init__(self, r: Recorder, **values: str) -> None:
        super().__init__(r)
        self.after = values
        self.before = {key: getattr(r.case, key) for key in values}

    def apply(self) -> None:
        self.r.call("update_case", expect=self.before, **self.after)

    def revert(self) -> None:
        self.r.call("update_case", expect=self.after, **self.before)


class Stack:
    """A QUndoStack without Qt: a command that fails is dropped, a new one clears redo."""

    def __init__(self) -> None:
        self.done: list[Command] = []
        self.undone: list[Command] = []

    def push(self, command: Command) -> None:
        try:
            command.apply()
        except Refused:
            return
        self.done.append(command)
        del self.done[:-STACK_DEPTH]
        self.undone.clear()

    def undo(self) -> None:
        if self.done:
            command = self.done.pop()
            try:
                command.revert()
            except Refused:
                return
            self.undone.append(command)

    def redo(self) -> None:
        if self.undone:
            command = self.undone.pop()
            try:
                command.apply()
            except Refused:
                return
            self.done.append(command)


# ------------------------------------------------------------------ choosing edits


def _ident(item: Any) -> int:
    return item.evidence_id if hasattr(item, "evidence_id") else item.id


class Chooser:
    """Picks a random edit of the case as the editor's in-memory copy shows it."""

    def __init__(self, r: Recorder, rng: random.Random) -> None:
        self.r, self.rng = r, rng
        self.count = 0

    def text(self, what: str) -> str:
        self.count += 1
        if self.rng.random() < 0.02:
            return "  "  # refused: every title and text must have words
        words = ["cell", "Baku", "Tehran", "report", "claim", "transfer", "unit", "border", "étude"]
        return f"{what} {self.r.name}-{self.count} " + " ".join(self.rng.sample(words, 2))

    def size(self, kind: str, n: int) -> tuple[float, float]:
        """Weights of (adding, removing) for something of which there are ``n``."""
        low, high = BOUNDS[kind]
        if n < low:
            return 3.0, 0.0
        if n >= high:
            return 0.0, 3.0
        return 1.0, 1.0

    def one(self, items: list) -> Any:
        """Any of ``items``, often one of the three with the lowest ids: both processes
        then often edit the same things (an evidence item and its rows alike), so that edits
        meet things the other process has just changed or deleted."""
        if self.rng.random() < HOT:
            return self.rng.choice(sorted(items, key=_ident)[:3])
        return self.rng.choice(items)

    def matrix(self, need_hyps: bool = False, need_rows: bool = False) -> Any:
        mats = [m for m in self.r.case.matrices
                if (m.hypotheses or not need_hyps) and (m.rows or not need_rows)]
        return self.one(mats) if mats else None

    def cell(self, mat: Any) -> Any:
        return (self.one(mat.rows).evidence_id, self.one(mat.hypotheses).id)

    def fraction(self) -> float | None:
        return None if self.rng.random() < 0.2 else self.rng.randrange(0, 21) / 20

    # each returns a Command to push, a plain call to make, or None (nothing applies)

    def e_rate(self) -> Any:
        mat = self.matrix(need_hyps=True, need_rows=True)
        if mat is None:
            return None
        rating = None if self.rng.random() < 0.1 else self.rng.choice(list(Rating))
        if self.rng.random() < 0.5:
            return SetCells(self.r, mat.id, [self.cell(mat)], rating, single=True)
        cells = list({self.cell(mat) for _ in range(self.rng.randint(1, 5))})
        return SetCells(self.r, mat.id, cells, rating)

    def e_assess(self) -> Any:
        mat = self.matrix(need_hyps=True, need_rows=True)
        if mat is None:
            return None
        rating = None if self.rng.random() < 0.1 else self.rng.choice(list(Rating))
        rationale = self.text("because") if self.rng.random() < 0.7 else ""
        likelihood = None if self.rng.random() < 0.6 else self.rng.randrange(1, 11) / 10
        return SetAssessment(self.r, mat.id, self.cell(mat), "assess", rating, rationale, likelihood)

    def e_likelihood(self) -> Any:
        mat = self.matrix(need_hyps=True, need_rows=True)
        if mat is None:
            return None
        rated = list(mat.ratings)
        cell = self.rng.choice(rated) if rated and self.rng.random() < 0.9 else self.cell(mat)
        likelihood = None if self.rng.random() < 0.3 else self.rng.randrange(1, 11) / 10
        return SetAssessment(self.r, mat.id, cell, "set_likelihood", likelihood)

    def e_scoring(self) -> Any:
        mat = self.matrix()
        return None if mat is None else SetScoringMode(self.r, mat.id, self.rng.choice(list(ScoringMode)))

    def e_probabilities(self) -> Any:
        mat = self.matrix(need_hyps=True)
        if mat is None:
            return None
        hyps = self.rng.sample(mat.hypotheses, self.rng.randint(1, len(mat.hypotheses)))
        if self.rng.random() < 0.5:
            return SetProbabilities(self.r, mat.id, "judged", {h.id: self.fraction() for h in hyps})
        budget = 1.0 if self.rng.random() < 0.9 else 1.5  # now and then more than 100%: refused
        values: dict = {}
        for h in hyps:
            share = None if self.rng.random() < 0.2 else round(self.rng.uniform(0, budget) * 20) / 20
            values[h.id] = share
            budget = max(0.0, budget - (share or 0))
        return SetProbabilities(self.r, mat.id, "prior", values)

    def e_add_evidence(self) -> Any:
        case = self.r.case
        mat = self.matrix() if self.rng.random() < 0.7 else None
        values: dict = {}
        if case.sources and self.rng.random() < 0.5:
            values["source_id"] = self.one(case.sources).id
        if self.rng.random() < 0.5:
            values["type"] = self.rng.choice(list(EvidenceType))
            values["credibility"] = self.rng.choice(list(Level))
        if self.rng.random() < 0.3:
            values["date"] = f"2012-0{self.rng.randint(1, 9)}-1{self.rng.randint(0, 9)}"
        return AddEvidence(self.r, self.text("Evidence"), mat.id if mat else None,
                           self.rng.choice(list(Level)), **values)

    def e_edit_evidence(self) -> Any:
        case = self.r.case
        if not case.evidence:
            return None
        item = self.one(case.evidence)
        values: dict = {}
        for key in self.rng.sample(["text", "notes", "date", "type", "credibility", "source_id",
                                    "quote"], self.rng.randint(1, 3)):
            if key in ("text", "notes"):
                values[key] = self.text(key)
            elif key == "date":
                values[key] = f"2013-0{self.rng.randint(1, 9)}-0{self.rng.randint(1, 9)}"
            elif key == "type":
                values[key] = self.rng.choice(list(EvidenceType))
            elif key == "credibility":
                values[key] = self.rng.choice(list(Level))
            elif key == "source_id":
                values[key] = (self.one(case.sources).id
                               if case.sources and self.rng.random() < 0.8 else None)
            else:
                values["quote"] = item.text[:self.rng.randint(0, 12)]
                values["quote_start"] = 0 if values["quote"] else None
        mats = [m for m in case.matrices if m.includes(item.id)]
        if mats and self.rng.random() < 0.4:
            return EditEvidence(self.r, item.id, values, self.rng.choice(mats).id,
                                self.rng.choice(list(Level)))
        return EditEvidence(self.r, item.id, values)

    def e_delete_evidence(self) -> Any:
        case = self.r.case
        return DeleteEvidence(self.r, self.one(case.evidence).id) if case.evidence else None

    def e_include(self) -> Any:
        mat = self.matrix()
        if mat is None:
            return None
        outside = [e.id for e in self.r.case.evidence if not mat.includes(e.id)]
        if not outside:
            return None
        chosen = self.rng.sample(outside, min(len(outside), self.rng.randint(1, 3)))
        if mat.rows and self.rng.random() < 0.05:
            chosen.append(self.one(mat.rows).evidence_id)  # already included: refused
        return IncludeEvidence(self.r, mat.id, chosen, self.rng.choice(list(Level)))

    def e_exclude(self) -> Any:
        mat = self.matrix(need_rows=True)
        if mat is None:
            return None
        return ExcludeEvidence(self.r, mat.id, self.one(mat.rows).evidence_id)

    def e_move_row(self) -> Any:
        mat = self.matrix(need_rows=True)
        if mat is None:
            return None
        return MoveRow(self.r, mat.id, self.one(mat.rows).evidence_id,
                       self.rng.randrange(len(mat.rows)))

    def e_relevance(self) -> Any:
        mat = self.matrix(need_rows=True)
        if mat is None:
            return None
        return ("set_relevance", mat.id, self.one(mat.rows).evidence_id,
                self.rng.choice(list(Level)))

    def e_add_hypothesis(self) -> Any:
        mat = self.matrix()
        if mat is None:
            return None
        return AddHypothesis(self.r, mat.id, self.text("Hypothesis"),
                             self.text("about") if self.rng.random() < 0.5 else "")

    def e_edit_hypothesis(self) -> Any:
        mat = self.matrix(need_hyps=True)
        if mat is None:
            return None
        key = self.rng.choice(["title", "description"])
        return EditHypothesis(self.r, self.one(mat.hypotheses).id, **{key: self.text(key)})

    def e_delete_hypothesis(self) -> Any:
        mat = self.matrix(need_hyps=True)
        return None if mat is None else DeleteHypothesis(self.r, self.one(mat.hypotheses).id)

    def e_move_hypothesis(self) -> Any:
        mat = self.matrix(need_hyps=True)
        if mat is None:
            return None
        return MoveHypothesis(self.r, self.one(mat.hypotheses).id,
                              self.rng.randrange(len(mat.hypotheses)))

    def e_add_matrix(self) -> Any:
        values = {"notes": self.text("notes")} if self.rng.random() < 0.5 else {}
        return AddMatrix(self.r, self.text("Question"), **values)

    def e_edit_matrix(self) -> Any:
        mat = self.matrix()
        if mat is None:
            return None
        keys = self.rng.sample(["question", "notes", "conclusions", "milestones"], self.rng.randint(1, 2))
        return EditMatrix(self.r, mat.id, **{k: self.text(k) for k in keys})

    def e_delete_matrix(self) -> Any:
        mat = self.matrix()
        return None if mat is None else DeleteMatrix(self.r, mat.id)

    def e_add_source(self) -> Any:
        values = {"author": self.text("author")} if self.rng.random() < 0.5 else {}
        return AddSource(self.r, self.text("Source"), **values)

    def e_edit_source(self) -> Any:
        case = self.r.case
        if not case.sources:
            return None
        keys = self.rng.sample(["title", "author", "publication", "url", "reliability", "text"],
                               self.rng.randint(1, 2))
        return EditSource(self.r, self.one(case.sources).id, **{k: self.text(k) for k in keys})

    def e_delete_source(self) -> Any:
        case = self.r.case
        return DeleteSource(self.r, self.one(case.sources).id) if case.sources else None

    def e_edit_case(self) -> Any:
        keys = self.rng.sample(["title", "description"], self.rng.randint(1, 2))
        return EditCase(self.r, **{k: self.text(k) for k in keys})

    def e_take_snapshot(self) -> Any:
        mat = self.matrix()
        if mat is None:
            return None
        taken = self.r.editor.snapshots(mat.id)
        if len(taken) >= BOUNDS["snapshots"][1]:
            return DeleteSnapshot(self.r, self.rng.choice(taken))
        if taken and self.rng.random() < 0.1:
            return TakeSnapshot(self.r, mat.id, taken[0].name)  # the name is taken: refused
        return TakeSnapshot(self.r, mat.id, self.text("Snapshot"))

    def e_delete_snapshot(self) -> Any:
        mat = self.matrix()
        if mat is None:
            return None
        taken = self.r.editor.snapshots(mat.id)
        return DeleteSnapshot(self.r, self.rng.choice(taken)) if taken else None

    def pick(self) -> Any:
        case = self.r.case
        add_s, del_s = self.size("sources", len(case.sources))
        add_e, del_e = self.size("evidence", len(case.evidence))
        add_m, del_m = self.size("matrices", len(case.matrices))
        hyps = min((len(m.hypotheses) for m in case.matrices), default=0)
        add_h, _ = self.size("hypotheses", hyps)
        _, del_h = self.size("hypotheses", max((len(m.hypotheses) for m in case.matrices), default=0))
        rows = min((len(m.rows) for m in case.matrices), default=0)
        add_r, _ = self.size("rows", rows)
        _, del_r = self.size("rows", max((len(m.rows) for m in case.matrices), default=0))
        weights = {
            self.e_rate: 6, self.e_assess: 2, self.e_likelihood: 1.5, self.e_scoring: 1,
            self.e_probabilities: 1.5,
            self.e_add_evidence: 1.5 * add_e, self.e_edit_evidence: 2, self.e_delete_evidence: 1.5 * del_e,
            self.e_include: 1.5 * add_r, self.e_exclude: 1.5 * del_r, self.e_move_row: 1.5,
            self.e_relevance: 1,
            self.e_add_hypothesis: add_h, self.e_edit_hypothesis: 1, self.e_delete_hypothesis: del_h,
            self.e_move_hypothesis: 1,
            self.e_add_matrix: 0.4 * add_m, self.e_edit_matrix: 1, self.e_delete_matrix: 0.4 * del_m,
            self.e_add_source: 0.7 * add_s, self.e_edit_source: 1, self.e_delete_source: 0.7 * del_s,
            self.e_edit_case: 0.5, self.e_take_snapshot: 1, self.e_delete_snapshot: 1,
        }
        choices = [f for f, w in weights.items() if w > 0]
        while True:
            chosen = self.rng.choices(choices, [weights[f] for f in choices])[0]()
            if chosen is not None:
                return chosen


def run(path: str, case_id: int, seed: int, name: str) -> None:
    """Edit until SIGTERM (then say BYE), or until the process that started this one is gone."""
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    parent = os.getppid()
    rng = random.Random(seed)
    workspace = Workspace.open(path, create=False)
    editor = open_editor(workspace, case_id, name)
    recorder = Recorder(editor, workspace, case_id, name)
    chooser = Chooser(recorder, rng)
    stack = Stack()
    emit(f"READY {editor.revision}")
    while not stop and os.getppid() == parent:
        # Catch up with the workspace now and then, as a window does; having seen another
        # process's change, undo more often (what undo does to a change made since is the point).
        seen = rng.random() < REFRESH and recorder.editor.refresh()
        roll = rng.random() * (0.5 if seen else 1)
        if roll < 0.15:
            for _ in range(rng.choice((1, 1, 2, 3, 5))):  # Ctrl+Z, now and then several times
                stack.undo()
        elif roll < 0.24:
            for _ in range(rng.choice((1, 1, 2, 3))):
                stack.redo()
        else:
            chosen = chooser.pick()
            if isinstance(chosen, Command):
                stack.push(chosen)
            else:
                try:
                    recorder.call(*chosen)
                except Refused:
                    pass
        # A moment between edits, as between a person's clicks: a writer that never pauses
        # would keep the write lock from the other process, which waits in SQLite's busy loop.
        time.sleep(rng.random() * PAUSE)
    workspace.close()
    emit("BYE")


def serve() -> None:
    """``--fork-server``: start workers by forking this process, which has imported everything.

    Commands on stdin, one a line, each answered on stdout:
    ``spawn <json [out, err, workspace, case id, seed, name]>`` → ``pid <pid>``;
    ``poll <pid>`` → ``running`` or ``exited <exit code>`` (``-9`` after SIGKILL).
    When stdin closes, workers still running are killed and the server exits.
    """
    codes: dict[int, int | None] = {}
    while line := sys.stdin.readline():
        command, _, rest = line.strip().partition(" ")
        if command == "spawn":
            out, err, path, case_id, seed, name = json.loads(rest)
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                _child(out, err, path, int(case_id), int(seed), name)
            codes[pid] = None
            answer = f"pid {pid}"
        elif command == "poll":
            pid = int(rest)
            if codes[pid] is None:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    codes[pid] = os.waitstatus_to_exitcode(status)
            answer = "running" if codes[pid] is None else f"exited {codes[pid]}"
        else:
            answer = f"unknown command {command!r}"
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()
    for pid, code in codes.items():
        if code is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def _child(out: str, err: str, path: str, case_id: int, seed: int, name: str) -> None:
    code = 0
    try:
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.dup2(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 1)
        os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
        run(path, case_id, seed, name)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:  # noqa: BLE001 - whatever it is, it belongs in the worker's stderr
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


if __name__ == "__main__":
    if sys.argv[1:] == ["--fork-server"]:
        serve()
    else:
        run(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
