"""How a hand-made ACH sheet is laid out: which row holds the headers, what each column means.

Analysts' own workbooks rarely start at A1 with the evidence in column A. They
put a title block above the table, a row of score formulas under the headers,
a category or a "#" column first, name their columns "Reliability" or
"Weight", type "Very Inconsistent" or "I I", and keep sheets of derived
formulas beside the matrix. This module reads the first rows of a sheet and
proposes a :class:`SheetLayout`: the header row and a :class:`Role` for every
column, each with the reason it was chosen, so that an import can show its
reading before writing anything and the user can correct it.

Pure Python: the cells come in as plain values and formula texts.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sat_tool.domain.model import Level, Rating
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate


class Role(enum.Enum):
    """What a column of a hand-made sheet holds."""

    EVIDENCE = "evidence"
    HYPOTHESIS = "hypothesis"
    CREDIBILITY = "credibility"
    RELEVANCE = "relevance"
    TYPE = "type"
    DATE = "date"
    SOURCE = "source"
    NOTES = "notes"
    CATEGORY = "category"
    NUMBER = "number"
    IGNORE = "ignore"

    @classmethod
    def parse(cls, text: str) -> Role:
        key = text.strip().lower()
        for role in cls:
            if key == role.value:
                return role
        allowed = ", ".join(r.value for r in cls)
        raise ValueError(translate(
            "SheetLayout", "{text!r} is not a column role (expected one of {allowed})").format(
                text=text, allowed=allowed))


NAMES: dict[str, Role] = {}
"""Header names (lower case, spaces collapsed) that say what a column holds."""
for _role, _names in {
    Role.EVIDENCE: ("evidence", "evidence item", "evidence items", "item", "items", "information",
                    "evidence / information", "description", "evidence description", "finding",
                    "findings", "observation", "observations", "evidence and arguments"),
    Role.CREDIBILITY: ("credibility", "cred", "cred.", "reliability", "source reliability",
                       "credibility of source", "source credibility", "confidence"),
    Role.RELEVANCE: ("relevance", "rel", "rel.", "weight", "importance", "relevancy",
                     "significance"),
    Role.TYPE: ("type", "evidence type", "kind", "source type", "int type"),
    Role.DATE: ("date", "date of information", "date reported", "reported", "when", "dated"),
    Role.SOURCE: ("source", "sources", "reference", "ref", "citation", "url", "link"),
    Role.NOTES: ("notes", "note", "comments", "comment", "remarks", "remark"),
    Role.CATEGORY: ("category", "group", "theme", "class", "section"),
    Role.NUMBER: ("#", "no", "no.", "nr", "nr.", "number", "id", "item #", "item no", "item no.",
                  "ref #", "ref no"),
}.items():
    for _name in _names:
        NAMES[_name] = _role

_HYPOTHESIS_HEADER = re.compile(r"^(h\s*\d+|hyp(othesis)?\b|hypothesis\s*\d+)", re.I)
"""A header that is a hypothesis by its name alone (H1, Hypothesis 2 …), whatever it holds."""

SCORE_LABELS = re.compile(r"^(total|totals|sum|score|scores|inconsistency( score)?|weighted"
                          r"( inconsistency| score)?|overall|result)s?\b", re.I)
"""First-column labels of a row of totals or scores."""

_RATING_WORDS = {
    "very consistent": Rating.CC, "strongly consistent": Rating.CC, "highly consistent": Rating.CC,
    "consistent": Rating.C, "neutral": Rating.N, "not applicable": Rating.NA, "n/a": Rating.NA,
    "n.a.": Rating.NA, "inconsistent": Rating.I, "very inconsistent": Rating.II,
    "strongly inconsistent": Rating.II, "highly inconsistent": Rating.II,
}

_LEVEL_WORDS = {
    "high": Level.HIGH, "h": Level.HIGH, "hi": Level.HIGH, "very high": Level.HIGH,
    "medium": Level.MEDIUM, "m": Level.MEDIUM, "med": Level.MEDIUM, "med.": Level.MEDIUM,
    "moderate": Level.MEDIUM, "mod": Level.MEDIUM, "average": Level.MEDIUM,
    "low": Level.LOW, "l": Level.LOW, "lo": Level.LOW, "very low": Level.LOW,
}

SINGLE_ROLES = (Role.EVIDENCE, Role.CREDIBILITY, Role.RELEVANCE, Role.TYPE, Role.DATE,
                Role.SOURCE, Role.NUMBER)
"""The roles one column of a sheet at most can hold."""

HEADER_SEARCH_ROWS = 30
"""The header row is looked for among the first rows that hold anything."""
SAMPLE_ROWS = 200
"""Rows below a candidate header that are looked at to tell what each column holds."""


def column_number(letters: str) -> int:
    """The column number of a letter reference (A → 1, AA → 27); ValueError if it is none."""
    text = letters.strip().upper()
    if not text.isalpha() or not text.isascii() or len(text) > 3:
        raise ValueError(translate("SheetLayout", "{letters!r} is not a column letter (A, B … AA)"
                                   ).format(letters=letters))
    number = 0
    for char in text:
        number = number * 26 + ord(char) - 64
    if number > 16_384:
        raise ValueError(translate(
            "SheetLayout", "{letters!r} is beyond the last column of a sheet (XFD)").format(
                letters=letters))
    return number


def column_letters(number: int) -> str:
    """The letter reference of a column number (1 → A, 27 → AA)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def read_rating(value: Any) -> Rating | None:
    """A rating from a cell: a code in any case and spacing (``C C``, ``ii``, ``NA``) or a word
    ("Very Inconsistent", "consistent", "n/a"); None for a blank. ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValueError(translate("SheetLayout", "{value!r} is not a rating").format(value=value))
    word = _RATING_WORDS.get(_key(value))
    if word is not None:
        return word
    return Rating.parse(value)


def is_rating(value: Any) -> bool:
    try:
        return read_rating(value) is not None
    except ValueError:
        return False


@dataclass(frozen=True)
class LevelScale:
    """How numbers in a credibility or relevance column map to High, Medium and Low."""

    low: float
    high: float
    text: str
    """The scale in English words; :attr:`shown_text` in the user's language."""

    @property
    def shown_text(self) -> str:
        """The scale in words, in the user's language."""
        return translate("SheetLayout", self.text)

    def level(self, number: float) -> Level:
        span = self.high - self.low
        position = (number - self.low) / span if span else 0.5
        if position < 1 / 3:
            return Level.LOW
        return Level.MEDIUM if position < 2 / 3 else Level.HIGH


SCALES = (
    LevelScale(1, 3, QT_TRANSLATE_NOOP("SheetLayout", "numbers 1 to 3 (1 Low, 2 Medium, 3 High)")),
    LevelScale(1, 5, QT_TRANSLATE_NOOP("SheetLayout",
                                       "numbers 1 to 5 (1–2 Low, 3 Medium, 4–5 High)")),
    LevelScale(0, 1, QT_TRANSLATE_NOOP(
        "SheetLayout", "fractions 0 to 1 (below ⅓ Low, below ⅔ Medium, above High)")),
    LevelScale(0, 100, QT_TRANSLATE_NOOP(
        "SheetLayout", "percentages 0 to 100 (below 33 Low, below 67 Medium, above High)")),
)


def scale_for(numbers: Sequence[float]) -> LevelScale | None:
    """The narrowest scale that holds every number of a column, or None."""
    if not numbers:
        return None
    whole = all(float(n).is_integer() for n in numbers)
    for scale in SCALES:
        if scale.high > 1 and scale.high < 100 and not whole:
            continue
        if all(scale.low <= n <= scale.high for n in numbers):
            return scale
    return None


def read_level(value: Any, scale: LevelScale | None) -> Level | None:
    """A level from a cell: High/Medium/Low and their abbreviations in any case, or a number
    on ``scale``; None for a blank. ValueError naming what was expected otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(translate(
            "SheetLayout", "{value!r} is not a level (expected High, Medium or Low)").format(
                value=value))
    if isinstance(value, (int, float)):
        if scale is None:
            raise ValueError(translate(
                "SheetLayout", "{value!r} is not a level (expected High, Medium or Low, or numbers "
                "on one scale: 1 to 3, 1 to 5, 0 to 1 or 0 to 100)").format(value=value))
        return scale.level(float(value))
    text = str(value)
    found = _LEVEL_WORDS.get(_key(text))
    if found is not None:
        return found
    try:
        number = float(text.strip().rstrip("%"))
    except ValueError:
        raise ValueError(translate(
            "SheetLayout", "{value!r} is not a level (expected High, Medium or Low, H, M or L, or "
            "numbers on one scale: 1 to 3, 1 to 5, 0 to 1 or 0 to 100)").format(
                value=text.strip())) from None
    return read_level(number, scale)


@dataclass(frozen=True)
class Column:
    """One column of a sheet and what it is read as."""

    index: int
    header: str
    role: Role
    why: str
    """Why it is read so, in words for the user."""
    chosen: bool = False
    """The user gave the column its role."""
    displaced_by: int = 0
    """The column the user gave this column's proposed role to (this one is then not read)."""


@dataclass
class SheetLayout:
    """The reading of one sheet: its header row, each column's role, the scales of numbers."""

    header_row: int
    columns: dict[int, Column]
    scales: dict[int, LevelScale] = field(default_factory=dict)

    def of(self, role: Role) -> list[int]:
        return [c for c, col in sorted(self.columns.items()) if col.role is role]

    @property
    def evidence(self) -> int | None:
        found = self.of(Role.EVIDENCE)
        return found[0] if found else None

    def with_roles(self, roles: Mapping[int, Role]) -> SheetLayout:
        """This layout with some columns given another role by the user.

        A role one column at most can hold (the evidence, the credibility …) that the user
        gives a column is taken from the column proposed for it, which is then not read;
        two columns the user gives the same such role are refused (ValueError)."""
        columns = dict(self.columns)
        for role in SINGLE_ROLES:
            chosen = sorted(index for index, given in roles.items() if given is role)
            if len(chosen) > 1:
                raise ValueError(translate(
                    "SheetLayout", "columns {first} and {second} are both given the role {role}: "
                    "one column at most can hold it").format(
                        first=column_letters(chosen[0]), second=column_letters(chosen[1]),
                        role=role.value))
            if chosen:
                for index, column in list(columns.items()):
                    if column.role is role and index not in roles:
                        columns[index] = Column(index, column.header, Role.IGNORE, translate(
                            "SheetLayout", "column {letter} holds the {role} instead, as chosen"
                        ).format(letter=column_letters(chosen[0]), role=role.value),
                            displaced_by=chosen[0])
        for index, role in roles.items():
            header = columns[index].header if index in columns else ""
            columns[index] = Column(index, header, role, translate("SheetLayout", "chosen by the user"),
                                    chosen=True)
        if sum(1 for c in columns.values() if c.role is Role.EVIDENCE) > 1:
            raise ValueError(translate("SheetLayout", "only one column can hold the evidence"))
        return SheetLayout(self.header_row, columns, dict(self.scales))


@dataclass(frozen=True)
class Cell:
    value: Any
    formula: str | None = None


Rows = Sequence[tuple[int, Mapping[int, Cell]]]
"""The first rows of a sheet, in order, as (row number, cells by column number)."""


def _text(cell: Cell | None) -> str | None:
    if cell is None or cell.value is None:
        return None
    if isinstance(cell.value, str):
        return cell.value.strip() or None
    return None


def header_role(text: str) -> Role | None:
    """The role a header names by itself, if any."""
    return NAMES.get(_key(text))


def _below(rows: Rows, header: int) -> list[tuple[int, Mapping[int, Cell]]]:
    return [(r, cells) for r, cells in rows if r > header][:SAMPLE_ROWS]


def _ratings_in(column: int, below: Sequence[tuple[int, Mapping[int, Cell]]]
                ) -> tuple[int, int, int]:
    """(values that are ratings, text values that are not, numbers) in a column below the
    header."""
    ratings = others = numbers = 0
    for _, cells in below:
        cell = cells.get(column)
        if cell is not None and cell.value is None and cell.formula is not None:
            numbers += 1  # a formula without a saved result: something computed, not a rating
            continue
        if cell is None or cell.value is None or (isinstance(cell.value, str)
                                                  and not cell.value.strip()):
            continue
        if is_rating(cell.value):
            ratings += 1
        elif isinstance(cell.value, str):
            others += 1
        else:
            numbers += 1
    return ratings, others, numbers


def derived_from(rows: Rows) -> str | None:
    """The sheet whose cells this one mostly copies or computes by formulas, if it does."""
    formulas = values = 0
    named: dict[str, int] = {}
    for _, cells in rows[:SAMPLE_ROWS]:
        for cell in cells.values():
            if cell.formula is None and (cell.value is None or cell.value == ""):
                continue
            values += 1
            if cell.formula is not None and "!" in cell.formula:
                formulas += 1
                found = re.findall(r"(?:'([^']+)'|([A-Za-z_][\w.]*))!", cell.formula)
                for sheet in {first or second for first, second in found}:
                    named[sheet] = named.get(sheet, 0) + 1
    if values and formulas * 2 >= values and named:
        return max(named, key=lambda s: named[s])
    return None


def propose(rows: Rows) -> SheetLayout | None:
    """The most likely layout of a sheet from its first rows, or None when no row looks like
    the headers of an ACH matrix (a column of evidence and at least one of ratings)."""
    searched = [(r, cells) for r, cells in rows if any(_text(c) for c in cells.values())]
    for lenient in (False, True):
        for header, cells in searched[:1 if lenient else HEADER_SEARCH_ROWS]:
            texts = {c: t for c, cell in cells.items() if (t := _text(cell)) is not None}
            layout = _layout(header, texts, _below(rows, header), lenient)
            if layout is not None:
                return layout
    return None


def _layout(header: int, texts: dict[int, str],
            below: Sequence[tuple[int, Mapping[int, Cell]]], lenient: bool) -> SheetLayout | None:
    """The layout with ``header`` as the header row; None when it does not look like one (no
    column of ratings below it, unless ``lenient``: the first row of a sheet not yet rated)."""
    if any(is_rating(text) or _key(text) in _LEVEL_WORDS for text in texts.values()):
        return None  # a row of ratings or levels (a legend, or data) is no header
    columns: dict[int, Column] = {}
    hypotheses: list[int] = []
    for index in sorted(texts):
        text = texts[index]
        role = header_role(text)
        if role is not None:
            columns[index] = Column(index, text, role,
                                    translate("SheetLayout", "headed {header!r}").format(header=text))
            continue
        ratings, others, numbers = _ratings_in(index, below)
        if _HYPOTHESIS_HEADER.match(text):
            columns[index] = Column(index, text, Role.HYPOTHESIS,
                                    translate("SheetLayout", "named as a hypothesis"))
            hypotheses.append(index)
        elif ratings and ratings >= others:
            columns[index] = Column(index, text, Role.HYPOTHESIS,
                                    translate("SheetLayout", "holds ratings"))
            hypotheses.append(index)
        elif ratings + others + numbers:
            columns[index] = Column(index, text, Role.IGNORE,
                                    translate("SheetLayout", "holds numbers, not ratings")
                                    if numbers > ratings + others
                                    else translate("SheetLayout", "holds no ratings"))
        else:
            columns[index] = Column(index, text, Role.HYPOTHESIS, translate(
                "SheetLayout", "an empty column, read as a hypothesis not yet rated"))
            hypotheses.append(index)
    if not lenient and not any(_ratings_in(c, below)[0] for c in hypotheses) and not any(
            _HYPOTHESIS_HEADER.match(texts[c]) for c in hypotheses):
        return None
    if not any(col.role is Role.EVIDENCE for col in columns.values()):
        first = min(columns)
        candidates = [c for c in sorted(columns) if c < min(hypotheses, default=first + 1)
                      and columns[c].role in (Role.IGNORE, Role.HYPOTHESIS)]
        chosen = candidates[0] if candidates else None
        if chosen is None and first in hypotheses and first == 1:
            chosen = first
        if chosen is None:
            return None
        text = columns[chosen].header
        columns[chosen] = Column(chosen, text, Role.EVIDENCE,
                                 translate("SheetLayout", "the first column of text"))
        if chosen in hypotheses:
            hypotheses.remove(chosen)
    elif len([c for c in columns.values() if c.role is Role.EVIDENCE]) > 1:
        evidence = [c for c in sorted(columns) if columns[c].role is Role.EVIDENCE]
        for extra in evidence[1:]:
            columns[extra] = Column(extra, columns[extra].header, Role.NOTES, translate(
                "SheetLayout", "headed {header!r}, after the evidence column").format(
                    header=columns[extra].header))
    if not [c for c in columns.values() if c.role is Role.HYPOTHESIS]:
        return None
    evidence = next(c for c in sorted(columns) if columns[c].role is Role.EVIDENCE)
    ratings, others, _ = _ratings_in(evidence, below)
    if ratings > others:
        return None  # the "evidence" below is mostly ratings: a legend, not a matrix
    layout = SheetLayout(header, columns)
    for index, col in columns.items():
        if col.role in (Role.CREDIBILITY, Role.RELEVANCE):
            numbers = [float(cell.value) for _, cells in below
                       if (cell := cells.get(index)) is not None
                       and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)]
            scale = scale_for(numbers)
            if scale is not None:
                layout.scales[index] = scale
    return layout
