"""Evidence rows pasted from a spreadsheet: tab-separated text read as new evidence items.

A block copied from Excel or LibreOffice arrives as lines of tab-separated
values. With a header line (``Evidence  Type  Credibility  H1  H2``, in the
names :mod:`sat_tool.formats.sheet_layout` knows, hypotheses by label or
title) each column is read by its header; without one, the first column is the
item's text and the next ones its ratings against the matrix's hypotheses in
order. Anything that cannot be read refuses the whole block with a sentence
naming the line and the value. Pure Python.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from sat_tool.domain.model import EvidenceType, Level, Rating, valid_date
from sat_tool.domain.text import translate
from sat_tool.formats.sheet_layout import Role, header_role, read_level, read_rating, scale_for

MAX_PASTED_ROWS = 5_000
"""Evidence rows taken from one paste."""


@dataclass
class PastedItem:
    """One evidence row of a paste: the item's text and fields, its relevance, its ratings."""

    text: str
    relevance: Level = Level.MEDIUM
    fields: dict[str, object] = field(default_factory=dict)
    ratings: dict[int, Rating] = field(default_factory=dict)
    """By the position of the hypothesis in the matrix (0 for H1)."""
    source: str = ""
    """The source named in a Source column, to be matched to one of the case's sources."""


def split_cells(text: str) -> list[list[str]]:
    """Tab-separated text as spreadsheets put it on the clipboard: a cell holding a line
    break, a tab or a quote comes quoted, its quotes doubled (Excel and LibreOffice both do
    so); other cells as they are. The closing line break is not a row."""
    rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")),
                           delimiter="\t", quotechar='"', strict=False))
    while rows and not any(value.strip() for value in rows[-1]):
        rows.pop()
    return [[value.strip() for value in row] for row in rows]



def _hypothesis_of(header: str, titles: Sequence[str]) -> int | None:
    key = " ".join(header.split()).casefold()
    for index, title in enumerate(titles):
        label = f"h{index + 1}"
        if key in (label, " ".join(title.split()).casefold()) or key.startswith(f"{label}:"):
            return index
    return None


def pasted_evidence(text: str, hypotheses: Sequence[str]) -> list[PastedItem]:
    """The evidence rows of pasted text, for a matrix whose hypotheses have ``hypotheses`` as
    titles; ValueError with a sentence naming the problem."""
    grid = split_cells(text)
    if not any(any(v for v in row) for row in grid):
        raise ValueError(translate("Pasted", "the clipboard holds no text to paste"))
    roles: dict[int, Role] = {}
    hyps: dict[int, int] = {}
    first = grid[0]
    named = {c: header_role(v) for c, v in enumerate(first) if v}
    by_hypothesis = {c: _hypothesis_of(v, hypotheses) for c, v in enumerate(first) if v}
    has_header = any(named.values()) or any(h is not None for h in by_hypothesis.values())
    if has_header:
        for column, value in enumerate(first):
            if by_hypothesis.get(column) is not None:
                hyps[column] = by_hypothesis[column]  # type: ignore[assignment]
            elif named.get(column) is not None:
                roles[column] = named[column]  # type: ignore[assignment]
        if Role.EVIDENCE not in roles.values():
            raise ValueError(translate(
                "Pasted", "the pasted header names no evidence column (Evidence, Item, "
                "Information…)"))
        rows = grid[1:]
        start = 2
    else:
        roles[0] = Role.EVIDENCE
        rows, start = grid, 1
        width = max(len(r) for r in rows)
        if width - 1 > len(hypotheses):
            raise ValueError(translate(
                "Pasted", "the pasted rows have {values} values after the text but the matrix has "
                "{hypotheses} hypotheses; paste a header line (Evidence, Type, Credibility, H1 …) "
                "to say what each column holds").format(values=width - 1,
                                                        hypotheses=len(hypotheses)))
        for column in range(1, width):
            hyps[column] = column - 1
    if len(rows) > MAX_PASTED_ROWS:
        raise ValueError(translate(
            "Pasted", "{rows} rows are pasted; SAT Tool takes at most {most} at a time").format(
                rows=f"{len(rows):,}", most=f"{MAX_PASTED_ROWS:,}"))
    evidence = next(c for c, r in roles.items() if r is Role.EVIDENCE)
    scales = {}
    for column, role in roles.items():
        if role in (Role.CREDIBILITY, Role.RELEVANCE):
            numbers = []
            for row in rows:
                try:
                    numbers.append(float(row[column]))
                except (IndexError, ValueError):
                    continue
            scales[column] = scale_for(numbers)
    items = []
    for number, row in enumerate(rows, start):
        text_value = row[evidence] if evidence < len(row) else ""
        rest = [v for c, v in enumerate(row) if c != evidence and v]
        if not text_value:
            if rest:
                raise ValueError(translate(
                    "Pasted", "line {line} of the pasted text has values but no evidence text"
                ).format(line=number))
            continue
        item = PastedItem(" ".join(text_value.split()))
        for column, value in enumerate(row):
            if not value or column == evidence:
                continue
            try:
                if column in hyps:
                    rating = read_rating(value)
                    if rating is not None:
                        item.ratings[hyps[column]] = rating
                    continue
                role = roles.get(column)
                if role is Role.CREDIBILITY:
                    item.fields["credibility"] = read_level(value, scales.get(column))
                elif role is Role.RELEVANCE:
                    item.relevance = read_level(value, scales.get(column)) or Level.MEDIUM
                elif role is Role.TYPE:
                    item.fields["type"] = EvidenceType.parse(value)
                elif role is Role.DATE:
                    if not valid_date(value):
                        raise ValueError(translate(
                            "Pasted", "{value!r} is not a date such as 2012, 2012-04 or 2012-04-18"
                        ).format(value=value))
                    item.fields["date"] = value
                elif role is Role.SOURCE:
                    item.source = " ".join(value.split())
                elif role in (Role.NOTES, Role.CATEGORY):
                    prefix = "Category: " if role is Role.CATEGORY else ""
                    notes = str(item.fields.get("notes", ""))
                    item.fields["notes"] = (notes + "\n" if notes else "") + prefix + value
            except ValueError as exc:
                raise ValueError(translate(
                    "Pasted", "line {line}, value {column} of the pasted text: {problem}").format(
                        line=number, column=column + 1, problem=exc)) from None
        items.append(item)
    if not items:
        raise ValueError(translate("Pasted", "the pasted text holds no evidence rows"))
    return items
