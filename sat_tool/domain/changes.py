"""What one operation changed, said once: the kinds of things, and which of each.

An edit, an undo, a redo or a reload of the case by another window or program makes one
:class:`Changes`; every view subscribes to the one event that carries it and reads the
kinds it shows. A technique adds kinds of its own (any string) without a new signal.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """The kinds of change of a case's analysis of competing hypotheses, in the order views
    take them when one operation makes several."""

    CASE = "case"
    """The case's title or description (no ids)."""
    SOURCES = "sources"
    """Sources added, removed or edited (no ids)."""
    EVIDENCE = "evidence"
    """Evidence items added, removed or edited: their ids (:data:`ALL`: any of them)."""
    MATRICES = "matrices"
    """Matrices added, removed, moved, or with another question (no ids)."""
    ANALYSIS = "analysis"
    """A matrix's scoring mode, priors or judged probabilities: matrix ids."""
    LAYOUT = "layout"
    """A matrix shown with its hypotheses across or down the side: matrix ids."""
    OUTCOME = "outcome"
    """A matrix closed with an outcome, or reopened: matrix ids."""
    SNAPSHOTS = "snapshots"
    """A matrix's snapshots saved or deleted: matrix ids."""
    CELLS = "cells"
    """Cells rated or cleared: (matrix id, (evidence id, hypothesis id)), in order."""
    TEAM = "team"
    """Other analysts' ratings, probabilities or the blind setting, or the analyst rated as:
    matrix ids."""
    HYPOTHESES = "hypotheses"
    """A matrix's hypotheses (its columns): matrix ids."""
    ROWS = "rows"
    """A matrix's evidence rows added, removed, moved or edited: matrix ids."""
    SCORES = "scores"
    """Anything that can change a matrix's scores: matrix ids."""
    REVISITED = "revisited"
    """Cells an undo or redo changed, to be shown: (matrix id, cell), in order."""


ALL = "*"
"""The id that stands for every thing of its kind."""


@dataclass(frozen=True)
class Changes:
    """The kinds one operation changed, each with the ids it touched (in the order they were
    told, each once)."""

    parts: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)

    def __contains__(self, kind: object) -> bool:
        return kind in self.parts

    def __bool__(self) -> bool:
        return bool(self.parts)

    def of(self, kind: str) -> tuple[Any, ...]:
        """The ids of one kind that changed (empty: none)."""
        return self.parts.get(kind, ())

    def touches(self, kind: str, ident: Hashable) -> bool:
        """Whether this thing (a matrix id, an evidence id) changed in this way."""
        found = self.parts.get(kind, ())
        return ident in found or ALL in found

    def cells(self, matrix_id: Hashable, kind: str = Kind.CELLS) -> list[Any]:
        """The cells of one matrix that were rated or cleared (or, with
        :data:`Kind.REVISITED`, that an undo or redo changed), in order."""
        return [cell for mid, cell in self.parts.get(kind, ()) if mid == matrix_id]


class ChangeSet:
    """The changes an operation tells as it goes, made into one :class:`Changes` at its end."""

    def __init__(self) -> None:
        self._parts: dict[str, dict[Any, None]] = {}

    def add(self, kind: str, ids: Iterable[Any] = ()) -> None:
        """Something of ``kind`` changed (these ones, or none in particular)."""
        found = self._parts.setdefault(str(kind), {})
        for ident in ids:
            found[ident] = None

    def __bool__(self) -> bool:
        return bool(self._parts)

    def take(self) -> Changes:
        """What was told, as one :class:`Changes`; the set is empty again."""
        parts = {kind: tuple(ids) for kind, ids in self._parts.items()}
        self._parts = {}
        return Changes(parts)
