"""The ACH domain: cases, sources, evidence, matrices, hypotheses and ratings.

Pure Python. A :class:`Case` owns its sources and evidence; each :class:`Matrix`
asks one question, lists its hypotheses (columns) and includes the case evidence
relevant to that question (rows). A rating is the consistency of one evidence
item with one hypothesis, recorded with the analyst who made it.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from typing import Any, NewType

CaseId = NewType("CaseId", int)
SourceId = NewType("SourceId", int)
EvidenceId = NewType("EvidenceId", int)
MatrixId = NewType("MatrixId", int)
HypothesisId = NewType("HypothesisId", int)

Cell = tuple[EvidenceId, HypothesisId]


class Rating(enum.Enum):
    """How consistent an evidence item is with a hypothesis."""

    CC = "CC"
    C = "C"
    N = "N"
    I = "I"  # noqa: E741 - the analysts' own code
    II = "II"
    NA = "NA"

    @property
    def points(self) -> int:
        """Inconsistency points: I counts 1, II counts 2, everything else 0."""
        return _POINTS[self]

    @property
    def signed(self) -> int | None:
        """Position on the signed five-point scale (CC=+2 … II=−2); None for NA."""
        return _SIGNED[self]

    @property
    def meaning(self) -> str:
        """The rating in words, as shown in legends and tooltips."""
        return _MEANING[self]

    @classmethod
    def parse(cls, text: str) -> Rating:
        """Read a rating code, tolerating case, spaces and PARC's ``I I`` spelling."""
        code = "".join(text.split()).upper()
        try:
            return cls(code)
        except ValueError:
            allowed = ", ".join(r.value for r in cls)
            raise ValueError(f"{text!r} is not a rating (expected one of {allowed})") from None


_POINTS = {Rating.CC: 0, Rating.C: 0, Rating.N: 0, Rating.NA: 0, Rating.I: 1, Rating.II: 2}
_SIGNED = {Rating.CC: 2, Rating.C: 1, Rating.N: 0, Rating.I: -1, Rating.II: -2, Rating.NA: None}
_MEANING = {
    Rating.CC: "Very consistent",
    Rating.C: "Consistent",
    Rating.N: "Neutral",
    Rating.I: "Inconsistent",
    Rating.II: "Very inconsistent",
    Rating.NA: "Not applicable",
}


class Level(enum.Enum):
    """A three-step judgment used for credibility and relevance."""

    HIGH = "High"
    MEDIUM = "Medium"
    LOW = "Low"

    @property
    def weight(self) -> float:
        """PARC ACH weight: High √2, Medium 1, Low 1/√2."""
        return _LEVEL_WEIGHT[self]

    @classmethod
    def parse(cls, text: str) -> Level:
        """Read a level name in any letter case (``high``, ``MEDIUM``, ``Low``); H/M/L too."""
        key = text.strip().lower()
        for level in cls:
            if key in (level.value.lower(), level.value[0].lower()):
                return level
        raise ValueError(f"{text!r} is not a level (expected High, Medium or Low)")


_LEVEL_WEIGHT = {Level.HIGH: math.sqrt(2), Level.MEDIUM: 1.0, Level.LOW: 1 / math.sqrt(2)}


class EvidenceType(enum.Enum):
    """Where an evidence item comes from, or what kind of item it is."""

    OSINT = "OSINT"
    HUMINT = "HUMINT"
    SIGINT = "SIGINT"
    IMINT = "IMINT"
    MASINT = "MASINT"
    ASSUMPTION = "Assumption"
    ABSENCE = "Absence of evidence"

    @classmethod
    def parse(cls, text: str) -> EvidenceType:
        """Read a type name in any letter case."""
        key = text.strip().lower()
        for kind in cls:
            if key == kind.value.lower():
                return kind
        allowed = ", ".join(k.value for k in cls)
        raise ValueError(f"{text!r} is not an evidence type (expected one of {allowed})")


def locate_quote(text: str, quote: str, hint: int | None = None) -> int | None:
    """Where ``quote`` stands in ``text``: at ``hint`` if it is there, else its first place.

    None when the quote is empty or does not occur verbatim.
    """
    if not quote:
        return None
    if hint is not None and text.startswith(quote, hint):
        return hint
    found = text.find(quote)
    return found if found >= 0 else None


def _find(owner: object, cache: str, items: list, key: str, wanted: object) -> Any:
    """The item of ``items`` whose ``key`` is ``wanted``, in constant time.

    A position index is kept on the owner (outside its dataclass fields, so
    equality ignores it) and checked on every use; when the list has changed
    underneath it, it is rebuilt. KeyError when no item matches.
    """
    index = owner.__dict__.get(cache)
    if index is not None:
        position = index.get(wanted)
        if position is not None and position < len(items) and getattr(items[position], key) == wanted:
            return items[position]
    index = {getattr(item, key): position for position, item in enumerate(items)}
    owner.__dict__[cache] = index
    if wanted in index:
        return items[index[wanted]]
    raise KeyError(wanted)


@dataclass
class Source:
    """A document the evidence is drawn from."""

    id: SourceId
    title: str
    author: str = ""
    publication: str = ""
    date: str = ""
    url: str = ""
    reliability: str = ""
    text: str = ""


@dataclass
class Evidence:
    """An evidence item, an assumption or an absence of evidence; belongs to the case.

    ``number`` is the stable label shown to analysts (E1, E2 …): it never changes
    when other items are deleted or reordered.
    """

    id: EvidenceId
    number: int
    text: str
    source_id: SourceId | None = None
    date: str = ""
    type: EvidenceType = EvidenceType.OSINT
    credibility: Level = Level.MEDIUM
    notes: str = ""
    quote: str = ""
    quote_start: int | None = None

    @property
    def label(self) -> str:
        """The label analysts see, ``E<number>``."""
        return f"E{self.number}"


@dataclass
class Hypothesis:
    """One of a matrix's competing hypotheses.

    ``prior`` is the analyst's prior probability for the probabilistic view
    (None: uniform); ``judged`` the analyst's own final probability (None: not
    given yet). Both are fractions from 0 to 1.
    """

    id: HypothesisId
    title: str
    description: str = ""
    prior: float | None = None
    judged: float | None = None


@dataclass
class MatrixRow:
    """An evidence item included in a matrix, with its relevance to the question."""

    evidence_id: EvidenceId
    relevance: Level = Level.MEDIUM


@dataclass
class Assessment:
    """A rated cell: the rating, who made it, why, and when (ISO 8601, UTC).

    ``likelihood`` overrides the rating's default P(evidence | hypothesis) in the
    probabilistic view; None keeps the default.
    """

    rating: Rating
    analyst: str
    rationale: str = ""
    updated: str = ""
    likelihood: float | None = None


class ScoringMode(enum.Enum):
    """Which score ranks a matrix's hypotheses."""

    INCONSISTENCY = "inconsistency"
    WEIGHTED = "weighted"
    PROBABILITY = "probability"

    @property
    def label(self) -> str:
        """The mode's name in the interface."""
        return _MODE_LABELS[self]


_MODE_LABELS = {
    ScoringMode.INCONSISTENCY: "Inconsistency count (Heuer)",
    ScoringMode.WEIGHTED: "Weighted inconsistency (PARC)",
    ScoringMode.PROBABILITY: "Probability (Bayes, independence assumed)",
}


@dataclass
class Matrix:
    """One ACH question: hypotheses across, evidence rows down, ratings in the cells."""

    id: MatrixId
    question: str
    notes: str = ""
    conclusions: str = ""
    milestones: str = ""
    scoring_mode: ScoringMode = ScoringMode.WEIGHTED
    hypotheses: list[Hypothesis] = field(default_factory=list)
    rows: list[MatrixRow] = field(default_factory=list)
    ratings: dict[Cell, Assessment] = field(default_factory=dict)

    def hypothesis(self, hypothesis_id: HypothesisId) -> Hypothesis:
        """The hypothesis with this id; KeyError when the matrix has none."""
        return _find(self, "_hypothesis_index", self.hypotheses, "id", hypothesis_id)

    def hypothesis_index(self, hypothesis_id: HypothesisId) -> int:
        """The column position of a hypothesis."""
        return self.hypotheses.index(self.hypothesis(hypothesis_id))

    def row(self, evidence_id: EvidenceId) -> MatrixRow:
        """The row of an included evidence item; KeyError when it is not included."""
        return _find(self, "_row_index", self.rows, "evidence_id", evidence_id)

    def row_index(self, evidence_id: EvidenceId) -> int:
        """The row position of an included evidence item."""
        return self.rows.index(self.row(evidence_id))

    def includes(self, evidence_id: EvidenceId) -> bool:
        """Whether the evidence item is a row of this matrix."""
        try:
            self.row(evidence_id)
        except KeyError:
            return False
        return True

    def rating(self, evidence_id: EvidenceId, hypothesis_id: HypothesisId) -> Rating | None:
        """The rating of a cell, or None when it is unrated."""
        found = self.ratings.get((evidence_id, hypothesis_id))
        return found.rating if found else None

    def unrated_cells(self) -> list[Cell]:
        """Cells that still lack a rating, row by row."""
        return [
            (row.evidence_id, hyp.id)
            for row in self.rows
            for hyp in self.hypotheses
            if (row.evidence_id, hyp.id) not in self.ratings
        ]


@dataclass
class Case:
    """An analysis: its sources, its evidence, and its matrices."""

    id: CaseId
    title: str
    uid: str = ""
    description: str = ""
    created: str = ""
    sources: list[Source] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    matrices: list[Matrix] = field(default_factory=list)

    def source(self, source_id: SourceId) -> Source:
        """The source with this id; KeyError when the case has none."""
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    def evidence_item(self, evidence_id: EvidenceId) -> Evidence:
        """The evidence item with this id; KeyError when the case has none."""
        return _find(self, "_evidence_index", self.evidence, "id", evidence_id)

    def matrix(self, matrix_id: MatrixId) -> Matrix:
        """The matrix with this id; KeyError when the case has none."""
        for mat in self.matrices:
            if mat.id == matrix_id:
                return mat
        raise KeyError(matrix_id)

    def matrix_of_hypothesis(self, hypothesis_id: HypothesisId) -> Matrix:
        """The matrix a hypothesis belongs to."""
        for mat in self.matrices:
            if any(h.id == hypothesis_id for h in mat.hypotheses):
                return mat
        raise KeyError(hypothesis_id)

    def next_evidence_number(self) -> int:
        """The number the next new evidence item gets (E1 for an empty case)."""
        return max((e.number for e in self.evidence), default=0) + 1
