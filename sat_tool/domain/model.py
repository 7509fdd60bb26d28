"""The ACH domain: cases, sources, evidence, matrices, hypotheses and ratings.

Pure Python. A :class:`Case` owns its sources and evidence; each :class:`Matrix`
asks one question, lists its hypotheses (columns) and includes the case evidence
relevant to that question (rows). A rating is the consistency of one evidence
item with one hypothesis, recorded with the analyst who made it.
"""

from __future__ import annotations

import calendar
import enum
import math
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, NamedTuple, NewType

from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate

CaseId = NewType("CaseId", int)
SourceId = NewType("SourceId", int)
EvidenceId = NewType("EvidenceId", int)
MatrixId = NewType("MatrixId", int)
HypothesisId = NewType("HypothesisId", int)
AnalystId = str
"""An analyst's stable id: a UUID that stays the same in every workspace and bundle."""

Cell = tuple[EvidenceId, HypothesisId]


class Rating(enum.Enum):
    """How consistent an evidence item is with a hypothesis."""

    __hash__ = object.__hash__  # members are unique: hash by identity, in C, not by name

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
        """The rating in words, in English: the word a workbook may hold for it."""
        return _MEANING[self]

    @property
    def shown_meaning(self) -> str:
        """The rating in words in the user's language, as shown in legends and tooltips."""
        return translate("Rating", _MEANING[self])

    @classmethod
    def parse(cls, text: str) -> Rating:
        """Read a rating code, tolerating case, spaces and PARC's ``I I`` spelling."""
        code = "".join(text.split()).upper()
        try:
            return cls(code)
        except ValueError:
            allowed = ", ".join(r.value for r in cls)
            raise ValueError(translate("Rating", "{text} is not a rating (expected one of {allowed})")
                             .format(text=repr(text), allowed=allowed)) from None


_POINTS = {Rating.CC: 0, Rating.C: 0, Rating.N: 0, Rating.NA: 0, Rating.I: 1, Rating.II: 2}
_SIGNED = {Rating.CC: 2, Rating.C: 1, Rating.N: 0, Rating.I: -1, Rating.II: -2, Rating.NA: None}
_MEANING = {
    Rating.CC: QT_TRANSLATE_NOOP("Rating", "Very consistent"),
    Rating.C: QT_TRANSLATE_NOOP("Rating", "Consistent"),
    Rating.N: QT_TRANSLATE_NOOP("Rating", "Neutral"),
    Rating.I: QT_TRANSLATE_NOOP("Rating", "Inconsistent"),
    Rating.II: QT_TRANSLATE_NOOP("Rating", "Very inconsistent"),
    Rating.NA: QT_TRANSLATE_NOOP("Rating", "Not applicable"),
}


class Level(enum.Enum):
    """A three-step judgment used for credibility and relevance."""

    __hash__ = object.__hash__  # members are unique: hash by identity, in C, not by name

    HIGH = "High"
    MEDIUM = "Medium"
    LOW = "Low"

    @property
    def weight(self) -> float:
        """PARC ACH weight: High √2, Medium 1, Low 1/√2."""
        return _LEVEL_WEIGHT[self]

    @property
    def shown(self) -> str:
        """The level's name in the user's language (its value is what is stored and parsed)."""
        return translate("Level", _LEVEL_NAMES[self])

    @classmethod
    def parse(cls, text: str) -> Level:
        """Read a level name in any letter case (``high``, ``MEDIUM``, ``Low``); H/M/L too."""
        key = text.strip().lower()
        for level in cls:
            if key in (level.value.lower(), level.value[0].lower()):
                return level
        raise ValueError(translate("Level", "{text} is not a level (expected High, Medium or Low)")
                         .format(text=repr(text)))


_LEVEL_WEIGHT = {Level.HIGH: math.sqrt(2), Level.MEDIUM: 1.0, Level.LOW: 1 / math.sqrt(2)}
_LEVEL_NAMES = {
    Level.HIGH: QT_TRANSLATE_NOOP("Level", "High"),
    Level.MEDIUM: QT_TRANSLATE_NOOP("Level", "Medium"),
    Level.LOW: QT_TRANSLATE_NOOP("Level", "Low"),
}


class EvidenceType(enum.Enum):
    """Where an evidence item comes from, or what kind of item it is."""

    __hash__ = object.__hash__  # members are unique: hash by identity, in C, not by name

    OSINT = "OSINT"
    HUMINT = "HUMINT"
    SIGINT = "SIGINT"
    IMINT = "IMINT"
    MASINT = "MASINT"
    ASSUMPTION = "Assumption"
    ABSENCE = "Absence of evidence"

    @property
    def shown(self) -> str:
        """The type's name in the user's language (its value is what is stored and parsed)."""
        return translate("EvidenceType", _TYPE_NAMES[self])

    @classmethod
    def parse(cls, text: str) -> EvidenceType:
        """Read a type name in any letter case."""
        key = text.strip().lower()
        for kind in cls:
            if key == kind.value.lower():
                return kind
        allowed = ", ".join(k.value for k in cls)
        raise ValueError(translate("EvidenceType",
                                   "{text} is not an evidence type (expected one of {allowed})")
                         .format(text=repr(text), allowed=allowed))


_TYPE_NAMES = {
    EvidenceType.OSINT: QT_TRANSLATE_NOOP("EvidenceType", "OSINT"),
    EvidenceType.HUMINT: QT_TRANSLATE_NOOP("EvidenceType", "HUMINT"),
    EvidenceType.SIGINT: QT_TRANSLATE_NOOP("EvidenceType", "SIGINT"),
    EvidenceType.IMINT: QT_TRANSLATE_NOOP("EvidenceType", "IMINT"),
    EvidenceType.MASINT: QT_TRANSLATE_NOOP("EvidenceType", "MASINT"),
    EvidenceType.ASSUMPTION: QT_TRANSLATE_NOOP("EvidenceType", "Assumption"),
    EvidenceType.ABSENCE: QT_TRANSLATE_NOOP("EvidenceType", "Absence of evidence"),
}


MAX_ORIGIN = 200
"""Characters in an item's origin: the name of one report, not a text."""


def clean_origin(origin: str) -> str:
    """An origin as stored: on one line, spaces collapsed; ValueError if it names no report."""
    if any(ord(ch) < 32 and ch not in "\t\n\r" or 0x7F <= ord(ch) < 0xA0 for ch in origin):
        raise ValueError(translate("Evidence", "an origin cannot hold control characters"))
    cleaned = " ".join(origin.split())
    if len(cleaned) > MAX_ORIGIN:
        raise ValueError(translate("Evidence", "an origin names one report in at most {most} "
                                   "characters (this one has {length}); say more in the notes")
                         .format(most=MAX_ORIGIN, length=f"{len(cleaned):,}"))
    return cleaned


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def valid_date(text: str) -> bool:
    """Whether ``text`` is a full or partial ISO date: 2012, 2012-04 or 2012-04-18."""
    found = _DATE.match(text.strip())
    if not found:
        return False
    year, month, day = (int(part) if part else None for part in found.groups())
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        return 1 <= day <= calendar.monthrange(year or 1, month or 1)[1]
    return True


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


class TrackedList(list):
    """A list that counts its changes, so an index built over it knows whether it still holds.

    Equal to (and usable as) a plain list; :class:`Matrix` and :class:`Case` keep
    their hypotheses, rows, sources and evidence in one.
    """

    changes = 0
    """How many times the list has been changed; set on the instance at the first change."""

    def _changed(self) -> None:
        self.changes = self.changes + 1

    def append(self, item: Any) -> None:
        self._changed()
        super().append(item)

    def extend(self, items: Any) -> None:
        self._changed()
        super().extend(items)

    def insert(self, index: Any, item: Any) -> None:
        self._changed()
        super().insert(index, item)

    def remove(self, item: Any) -> None:
        self._changed()
        super().remove(item)

    def pop(self, index: Any = -1) -> Any:
        self._changed()
        return super().pop(index)

    def clear(self) -> None:
        self._changed()
        super().clear()

    def sort(self, *args: Any, **kwargs: Any) -> None:
        self._changed()
        super().sort(*args, **kwargs)

    def reverse(self) -> None:
        self._changed()
        super().reverse()

    def __setitem__(self, index: Any, value: Any) -> None:
        self._changed()
        super().__setitem__(index, value)

    def __delitem__(self, index: Any) -> None:
        self._changed()
        super().__delitem__(index)

    def __iadd__(self, items: Any) -> TrackedList:
        self._changed()
        return super().__iadd__(items)

    def __imul__(self, count: Any) -> TrackedList:
        self._changed()
        return super().__imul__(count)


def _tracked(value: Any) -> Any:
    """A plain list as a :class:`TrackedList`; anything else unchanged."""
    return TrackedList(value) if type(value) is list else value


def _position(owner: object, cache: str, items: list, key: str, wanted: object) -> int:
    """The position in ``items`` of the item whose ``key`` is ``wanted``, in constant time.

    A position index is kept on the owner (outside its dataclass fields, so
    equality ignores it) with the change count of the list it was built from.
    While the list is unchanged the index is exact, so a miss costs nothing;
    once the list has changed, a hit is still checked against the list and a
    miss rebuilds the index. KeyError when no item matches.
    """
    state = owner.__dict__.get(cache)
    changes = getattr(items, "changes", None)
    if state is not None:
        listed, seen, index = state
        position = index.get(wanted)
        if position is not None and position < len(items) and getattr(items[position], key) == wanted:
            return position
        if position is None and listed is items and changes is not None and seen == changes:
            raise KeyError(wanted)
    index = {}
    for position, item in enumerate(items):
        index.setdefault(getattr(item, key), position)
    owner.__dict__[cache] = (items, changes, index)
    if wanted in index:
        return index[wanted]
    raise KeyError(wanted)


def _find(owner: object, cache: str, items: list, key: str, wanted: object) -> Any:
    """The item of ``items`` whose ``key`` is ``wanted`` (see :func:`_position`)."""
    return items[_position(owner, cache, items, key, wanted)]


class DamagedRow(NamedTuple):
    """A workspace row that could not be read and was left out of the loaded case."""

    table: str
    row_id: int | tuple[int, ...]
    reason: str

    @property
    def key(self) -> str:
        """The row's id as written in a sentence: ``12``, or ``3/7`` for a pair."""
        return "/".join(map(str, self.row_id)) if isinstance(self.row_id, tuple) else str(self.row_id)

    @property
    def sentence(self) -> str:
        """The row and what is wrong with it, in English words (as logged)."""
        return f"{self.table} row {self.key}: {self.reason}"

    @property
    def shown_sentence(self) -> str:
        """The row and what is wrong with it, in the user's language."""
        return translate("DamagedRow", "{table} row {key}: {reason}").format(
            table=self.table, key=self.key, reason=self.reason)


def describe_damage(rows: list[DamagedRow], shown: int = 3) -> str:
    """One sentence saying which damaged rows were left out (the first ``shown`` of them)."""
    if not rows:
        return ""
    listed = "; ".join(row.shown_sentence for row in rows[:shown])
    count, more = len(rows), len(rows) - shown
    if more > 0:
        text = (translate("DamagedRow", "{count} damaged workspace row was left out ({listed}; "
                          "and {more} more)") if count == 1 else
                translate("DamagedRow", "{count} damaged workspace rows were left out ({listed}; "
                          "and {more} more)"))
    else:
        text = (translate("DamagedRow", "{count} damaged workspace row was left out ({listed})")
                if count == 1 else
                translate("DamagedRow", "{count} damaged workspace rows were left out ({listed})"))
    return text.format(count=count, listed=listed, more=more)


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
    uid: str = field(default="", compare=False, repr=False)
    """Stable across workspaces and bundles (a UUID; "" until stored)."""


@dataclass
class Evidence:
    """An evidence item, an assumption or an absence of evidence; belongs to the case.

    ``number`` is the stable label shown to analysts (E1, E2 …): it never changes
    when other items are deleted or reordered. ``origin`` names the report an item
    rests on when that is not simply its source (two items from one ministry
    statement, relayed by different articles); items of one origin, or of one
    source when no origin is given, are one line of evidence in the probabilistic
    view.
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
    origin: str = ""
    uid: str = field(default="", compare=False, repr=False)
    """Stable across workspaces and bundles (a UUID; "" until stored)."""

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
    uid: str = field(default="", compare=False, repr=False)
    """Stable across workspaces and bundles (a UUID; "" until stored)."""


@dataclass(frozen=True)
class Analyst:
    """A member of a team: a stable id, the name shown, and (on a server) the database
    role the analyst logs in as."""

    id: AnalystId
    name: str
    role: str = ""


Judgment = tuple[float | None, float | None]
"""An analyst's (prior, judged) probabilities of one hypothesis (None: not given)."""


@dataclass
class MatrixRow:
    """An evidence item included in a matrix, with its relevance to the question."""

    evidence_id: EvidenceId
    relevance: Level = Level.MEDIUM


@dataclass(slots=True)  # half a million of them in a large matrix: no per-instance dict
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

    __hash__ = object.__hash__  # members are unique: hash by identity, in C, not by name

    INCONSISTENCY = "inconsistency"
    WEIGHTED = "weighted"
    PROBABILITY = "probability"

    @property
    def label(self) -> str:
        """The mode's name, in English."""
        return _MODE_LABELS[self]

    @property
    def shown_label(self) -> str:
        """The mode's name in the interface, in the user's language."""
        return translate("ScoringMode", _MODE_LABELS[self])


_MODE_LABELS = {
    ScoringMode.INCONSISTENCY: QT_TRANSLATE_NOOP("ScoringMode", "Inconsistency count (Heuer)"),
    ScoringMode.WEIGHTED: QT_TRANSLATE_NOOP("ScoringMode", "Weighted inconsistency (PARC)"),
    ScoringMode.PROBABILITY: QT_TRANSLATE_NOOP("ScoringMode",
                                               "Probability (Bayes, by line of evidence)"),
}


@dataclass(frozen=True)
class Outcome:
    """What turned out to be true for a matrix's question, once it is known.

    ``hypothesis_id`` is the hypothesis that proved true (None: none of them);
    ``date`` when that was known (full or partial ISO date); ``evidence`` on what
    grounds; ``snapshot_id`` the snapshot that froze the matrix as it stood when
    the outcome was recorded (None when there is none, as after an import).
    """

    hypothesis_id: HypothesisId | None
    date: str = ""
    evidence: str = ""
    snapshot_id: int | None = None


@dataclass
class Matrix:
    """One ACH question: hypotheses across, evidence rows down, ratings in the cells.

    ``outcome`` is set when the question is closed: what turned out to be true.
    ``transposed`` shows it with the hypotheses down the side and the evidence
    across, a layout found to reduce confirmation bias.

    ``team`` holds every analyst's ratings, by analyst id; ``ratings`` is the same
    dictionary as the entry of the analyst the case is rated as (see
    :meth:`Case.rate_as`), so that scoring and editing work on one analyst's cells.
    ``judgments`` holds every analyst's probabilities; the hypotheses' own
    ``prior`` and ``judged`` are those of the analyst rated as. ``blind``: each
    analyst sees the hypotheses in an order of their own and no one else's ratings
    until they have rated every cell.
    """

    id: MatrixId
    question: str
    notes: str = ""
    conclusions: str = ""
    milestones: str = ""
    scoring_mode: ScoringMode = ScoringMode.WEIGHTED
    hypotheses: list[Hypothesis] = field(default_factory=list)
    rows: list[MatrixRow] = field(default_factory=list)
    ratings: dict[Cell, Assessment] = field(default_factory=dict)
    outcome: Outcome | None = None
    transposed: bool = False
    team: dict[AnalystId, dict[Cell, Assessment]] = field(default_factory=dict, compare=False,
                                                          repr=False)
    judgments: dict[AnalystId, dict[HypothesisId, Judgment]] = field(
        default_factory=dict, compare=False, repr=False)
    blind: bool = False
    uid: str = field(default="", compare=False, repr=False)
    """Stable across workspaces and bundles (a UUID; "" until stored)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("hypotheses", "rows"):
            value = _tracked(value)
        object.__setattr__(self, name, value)

    def hypothesis(self, hypothesis_id: HypothesisId) -> Hypothesis:
        """The hypothesis with this id; KeyError when the matrix has none."""
        return _find(self, "_hypothesis_index", self.hypotheses, "id", hypothesis_id)

    def hypothesis_index(self, hypothesis_id: HypothesisId) -> int:
        """The column position of a hypothesis; KeyError when the matrix has none."""
        return _position(self, "_hypothesis_index", self.hypotheses, "id", hypothesis_id)

    def row(self, evidence_id: EvidenceId) -> MatrixRow:
        """The row of an included evidence item; KeyError when it is not included."""
        return _find(self, "_row_index", self.rows, "evidence_id", evidence_id)

    def row_index(self, evidence_id: EvidenceId) -> int:
        """The row position of an included evidence item; KeyError when it is not included."""
        return _position(self, "_row_index", self.rows, "evidence_id", evidence_id)

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
    """An analysis: its sources, its evidence, and its matrices.

    ``damaged`` lists the workspace rows that could not be read when the case was
    loaded (they are left out of it); equality and ``repr`` ignore it.
    """

    id: CaseId
    title: str
    uid: str = ""
    description: str = ""
    created: str = ""
    sources: list[Source] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    matrices: list[Matrix] = field(default_factory=list)
    analysts: list[Analyst] = field(default_factory=list, compare=False)
    analyst: AnalystId = field(default="", compare=False)
    """The analyst whose ratings and probabilities the matrices' ``ratings`` and the
    hypotheses' ``prior``/``judged`` hold ("" until :meth:`rate_as` is called)."""
    damaged: list[DamagedRow] = field(default_factory=list, compare=False, repr=False)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("sources", "evidence"):
            value = _tracked(value)
        object.__setattr__(self, name, value)

    def source(self, source_id: SourceId) -> Source:
        """The source with this id; KeyError when the case has none."""
        return _find(self, "_source_index", self.sources, "id", source_id)

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

    def analyst_named(self, analyst_id: AnalystId) -> Analyst:
        """The case's analyst with this id; KeyError when the case has none."""
        for found in self.analysts:
            if found.id == analyst_id:
                return found
        raise KeyError(analyst_id)

    def lead_analyst(self) -> Analyst | None:
        """The case's first analyst who has rated any of its cells or judged any of its
        probabilities (the analysts are listed in the order they joined), or None."""
        for analyst in self.analysts:
            if any(m.team.get(analyst.id) or m.judgments.get(analyst.id) for m in self.matrices):
                return analyst
        return None

    def rate_as(self, analyst: Analyst) -> None:
        """Show and edit every matrix as this analyst's: ``ratings`` becomes their entry
        of ``team`` and the hypotheses' probabilities become theirs."""
        if all(a.id != analyst.id for a in self.analysts):
            self.analysts.append(analyst)
        self.analyst = analyst.id
        for mat in self.matrices:
            mat.ratings = mat.team.setdefault(analyst.id, {})
            own = mat.judgments.get(analyst.id, {})
            for hyp in mat.hypotheses:
                hyp.prior, hyp.judged = own.get(hyp.id, (None, None))

    def next_evidence_number(self) -> int:
        """The number the next new evidence item gets (E1 for an empty case)."""
        return max((e.number for e in self.evidence), default=0) + 1


UNNAMED_ANALYST = "Unnamed analyst"
"""The name given to ratings that name no analyst."""


def new_uid() -> str:
    """A fresh stable id."""
    return str(uuid.uuid4())


_ANALYSTS = uuid.UUID("5d1f3f7e-8a43-4d5e-9c0b-6a2f1e7c9b10")


def analyst_uid(name: str) -> str:
    """The stable id of an analyst known only by name (from a file, or a name typed in a
    workspace of one's own): the same name gives the same analyst in every workspace, so that
    a colleague's copy of a case merges back under the names it was rated by."""
    return str(uuid.uuid5(_ANALYSTS, " ".join(name.split()).casefold()))


def unattributed(case: Case) -> list[Matrix]:
    """The matrices whose ratings or probabilities belong to no analyst yet (read from a file
    that names none)."""
    return [m for m in case.matrices if not m.team and (
        m.ratings or any(h.prior is not None or h.judged is not None for h in m.hypotheses))]


def attribute(case: Case) -> None:
    """Give a case built from a file (a workbook, a PARC file, a bundle of one analyst) its
    team: every matrix whose ``team`` is empty has its ``ratings`` and its hypotheses'
    probabilities made one analyst's, the one most of those cells name (ratings naming no
    one: :data:`UNNAMED_ANALYST`). The case is then rated as its lead analyst. Matrices
    that already have a team are left as they are."""
    bare = unattributed(case)
    if bare:
        names: dict[str, int] = {}
        for mat in bare:
            for found in mat.ratings.values():
                names[found.analyst] = names.get(found.analyst, 0) + 1
        name = max(names, key=lambda n: names[n]) if names else ""
        if not name.strip():
            name = UNNAMED_ANALYST
        analyst = next((a for a in case.analysts if a.name.casefold() == name.casefold()), None)
        if analyst is None:
            analyst = Analyst(analyst_uid(name), name)
            case.analysts.append(analyst)
        for mat in bare:
            mat.team[analyst.id] = mat.ratings
            for found in mat.ratings.values():
                found.analyst = analyst.name
            if any(h.prior is not None or h.judged is not None for h in mat.hypotheses):
                mat.judgments[analyst.id] = {h.id: (h.prior, h.judged) for h in mat.hypotheses}
    lead = case.lead_analyst() or (case.analysts[0] if case.analysts else None)
    if lead is not None and not case.analyst:
        case.rate_as(lead)


@dataclass(frozen=True)
class Change:
    """One entry of a case's history: who changed what, when, from what to what, and why.

    ``kind`` is 'rating' (a cell of ``analyst``'s: ``before`` and ``after`` are rating codes,
    empty for none; ``note`` the rationale given) or 'blind' (the matrix's blind rating set,
    ``after`` 'on', or lifted, 'off'). ``by`` is who made the change.
    """

    at: str
    by: str
    kind: str
    matrix_id: MatrixId
    cell: Cell | None = None
    analyst: str = ""
    before: str = ""
    after: str = ""
    note: str = ""
