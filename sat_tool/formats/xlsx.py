"""Export a case as an Excel workbook that reads the way analysts draw ACH.

Sheets: **Case** (title, description; per matrix the question, hypotheses,
ranking, conclusions, milestones, notes); one sheet per matrix (``M1 <question>``:
evidence down, hypotheses across, rating codes in the palette colours with the
rationale as a comment, diagnosticity, score rows and a legend); **Scores**
(hypotheses ranked least inconsistent first); **Evidence** and **Sources**
(every item with every field).

Every piece of user text goes through :meth:`_SheetXml.text`, which strips
characters XML cannot hold (:func:`clean_text`), truncates to Excel's limit and
stores the value as a string cell, so text such as ``=HYPERLINK(...)`` never
becomes a formula; text starting like a formula also carries Excel's quote
prefix. The hidden data sheet keeps every text exactly, whatever it holds. The
file is written beside the target and renamed into place, so a failed export
never leaves a half-written workbook.

How it is written, for speed at every size: openpyxl lays out the package and
each sheet's frame (column widths, frozen panes, merged cells, filters, print
setup, charts, the style sheet), while the cells and the comments, which are
most of the file, are written here as SpreadsheetML text, each style created
once and shared by number. :meth:`Workbook.save` writes openpyxl's package,
then completes it with the cells and comments in one pass (see
:class:`_Workbook`).

No Qt and no ORM: only the domain, the palette, openpyxl and the standard library.
"""

from __future__ import annotations

import json
import re
import textwrap
import zipfile
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import IO, NamedTuple

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sat_tool.domain.calibration import closed_scores, outcome_sentence
from sat_tool.domain.model import Assessment, Case, Matrix, Rating
from sat_tool.domain.probability import INDEPENDENCE_CAVEAT, likelihood_text, line_report
from sat_tool.domain.scoring import CostTable, MatrixScores, score_matrix
from sat_tool.domain.sensitivity import (
    contributions,
    cost_table,
    fewest_changes,
    linchpins,
    tie_break,
)
from sat_tool.formats import FORMULA_TRIGGERS, palette, write_atomically
from sat_tool.formats.bundle import Snapshots, case_to_dict

MAX_CELL_CHARS = 32_767
DATA_SHEET = "_sat_tool_data"
DATA_MARKER = "sat-tool-case-bundle"
DATA_CHUNK = 30_000
MAX_SHEET_TITLE = 31
TOOL_AUTHOR = "SAT Tool"
COMMENT_WIDTH = 300
"""Pixels; a comment's height follows its text."""

_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")
ILLEGAL_CHARACTERS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters an XML 1.0 file cannot hold; openpyxl's own pattern misses the last three ranges."""
_Row = list[str | int | float | None]

# Matrix sheet layout.
_TITLE_ROW, _INFO_ROW, _HEADER_ROW = 1, 2, 3
_FIXED_HEADERS = ("Evidence", "Evidence text", "Type", "Credibility", "Relevance",
                  "Diagnosticity")
_FIXED_WIDTHS = (9, 48, 13, 11, 10, 13)
_HYPOTHESIS_WIDTH = 18
_DIAG_COL = 6
_FIRST_HYP_COL = len(_FIXED_HEADERS) + 1
_DEFAULT_WIDTH = 13
"""The width openpyxl gives a column it is asked about (and this module too, to size rows)."""


# ---------------------------------------------------------------- cell styles

_Options = tuple[tuple[str, object], ...]


class Look(NamedTuple):
    """How a cell looks: a font (changes to Calibri 11; None: the workbook's default font),
    a solid fill (RRGGBB), the thin grey grid, an alignment and a number format."""

    font: _Options | None = None
    fill: str | None = None
    grid: bool = False
    align: _Options | None = None
    number_format: str | None = None


def _font(**style: object) -> _Options:
    """Calibri 11 (LibreOffice substitutes Carlito) with the given changes."""
    return tuple(sorted(style.items()))


_WRAP_TOP: _Options = (("vertical", "top"), ("wrap_text", True))
_TOP: _Options = (("vertical", "top"),)
_CENTRE: _Options = (("horizontal", "center"),)
_BOLD = _font(bold=True)
_MUTED = _font(italic=True, color="FF555555")
_FLAG = _font(bold=True, color="FFC00000")
_SCORE_FILL = "E8ECF0"

PLAIN = Look()
HEADER = Look(_font(bold=True, color="FF" + palette.HEADER_FOREGROUND), palette.HEADER_BACKGROUND,
              True, (("horizontal", "center"), ("vertical", "center"), ("wrap_text", True)))
TABLE = Look(grid=True, align=_WRAP_TOP)


def rating_look(rating: Rating) -> Look:
    """A rated cell of a matrix sheet: the rating's palette colours, bold, centred."""
    return Look(_font(bold=True, color="FF" + palette.foreground(rating)),
                palette.background(rating), True,
                (("horizontal", "center"), ("vertical", "center")))


_UNRATED = Look(grid=True, align=(("horizontal", "center"), ("vertical", "center")))


class _Style(NamedTuple):
    """A look as the sheet XML needs it: the ``s`` attribute of its cells, and how it wraps."""

    attr: str
    wraps: bool
    per_width: float
    """Characters per unit of column width, for the row heights of wrapped text."""


class _Styles:
    """The cell styles of one workbook, each made once through openpyxl and shared by number."""

    _THIN = Side(style="thin", color="B0B0B0")
    _GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.made: dict[tuple[Look, bool], _Style] = {}

    def get(self, look: Look, quoted: bool = False) -> _Style:
        """A look's style (``quoted``: with Excel's quote prefix, so that text starting like
        a formula stays text even when edited)."""
        found = self.made.get((look, quoted))
        if found is None:
            found = self.made[(look, quoted)] = self._make(look, quoted)
        return found

    def _make(self, look: Look, quoted: bool) -> _Style:
        cell = Cell(self.sheet)
        font = dict(look.font or ())
        if look.font is not None:
            cell.font = Font(**{"name": "Calibri", "size": 11, **font})
        if look.fill is not None:
            cell.fill = PatternFill("solid", fgColor="FF" + look.fill)
        if look.grid:
            cell.border = self._GRID
        if look.align is not None:
            cell.alignment = Alignment(**dict(look.align))
        if look.number_format is not None:
            cell.number_format = look.number_format
        if quoted:
            cell.quotePrefix = True
        number = cell.style_id  # its place in the workbook's style sheet
        size = float(font.get("size", 11)) or 11.0  # type: ignore[arg-type]
        return _Style(f' s="{number}"' if number else "", bool(dict(look.align or ()).get("wrap_text")),
                      (1.0 if font.get("bold") else 1.15) * 11 / size)


# ---------------------------------------------------------------- text


def clean_text(value: str) -> str:
    """Text safe for a cell: XML-illegal characters removed, line breaks as ``\\n``,
    truncated with a marker to Excel's 32,767-character cell limit."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) <= MAX_CELL_CHARS // 2 or _excel_length(text) <= MAX_CELL_CHARS:
        return text
    marker = f"\n… [truncated by SAT Tool: {len(text):,} characters in full]"
    kept = text[: MAX_CELL_CHARS - len(marker)]
    while (excess := _excel_length(kept + marker) - MAX_CELL_CHARS) > 0:
        kept = kept[:-excess]
    return kept + marker


def sheet_title(wanted: str, used: set[str]) -> str:
    """A valid, unique sheet name: no ``[]:*?/\\``, one line, at most 31 characters.

    ``used`` holds the lower-cased names already taken and is updated.
    """
    base = _SHEET_TITLE_BAD.sub("", ILLEGAL_CHARACTERS_RE.sub("", wanted))
    base = " ".join(base.split()).strip("'").strip() or "Sheet"
    title, counter = _shorten(base, MAX_SHEET_TITLE), 1
    while title.lower() in used:
        counter += 1
        suffix = f" ({counter})"
        title = _shorten(base, MAX_SHEET_TITLE - len(suffix)) + suffix
    used.add(title.lower())
    return title


def _excel_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2  # Excel counts UTF-16 code units


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _escape(text: str) -> str:
    """Text as XML character data (attribute values here are never user text)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _wrapped_lines(text: str, width: float, per_width: float) -> int:
    """How many lines a wrapped text needs in a column ``width`` characters wide, roughly."""
    per_line = max(1, int(width * per_width))
    lines = 0
    for line in text.split("\n"):
        if len(line) <= per_line and "\t" not in line:
            lines += 1
        elif "-" in line or "\t" in line:
            lines += max(1, len(textwrap.wrap(line, per_line)))
        else:
            lines += max(1, _words_wrapped(line, per_line))
    return lines


def _words_wrapped(line: str, width: int) -> int:
    """:func:`_wrap_count` of a line, quickly when it is ASCII words with single spaces
    between them, none wider than a line (each line then holds the words that fit)."""
    words = line.split(" ")
    if not line.isascii() or "" in words or max(map(len, words)) > width:
        return _wrap_count(line, width)
    lines, used = 1, -1
    for size in map(len, words):
        used += 1 + size
        if used > width:
            lines, used = lines + 1, size
    return lines


_CHUNKS = re.compile(r" +|[^ ]+")


def _wrap_count(line: str, width: int) -> int:
    """``len(textwrap.wrap(line, width))`` for a line with no hyphen, tab or line break.

    The same greedy filling of lines with words and runs of spaces as
    :class:`textwrap.TextWrapper` (long words broken, blanks dropped at line
    ends), counting the lines instead of joining them.
    """
    chunks = _CHUNKS.findall(line)
    chunks.reverse()
    lines = 0
    while chunks:
        cur_line: list[str] = []
        cur_len = 0
        if lines and chunks[-1].strip() == "":
            del chunks[-1]
        while chunks and cur_len + len(chunks[-1]) <= width:
            cur_len += len(chunks[-1])
            cur_line.append(chunks.pop())
        if chunks and len(chunks[-1]) > width:
            chunk, space_left = chunks[-1], width - cur_len
            cur_line.append(chunk[:space_left])
            chunks[-1] = chunk[space_left:]
        if cur_line and cur_line[-1].strip() == "":
            del cur_line[-1]
        if cur_line:
            lines += 1
    return lines


def _number(value: float) -> str | None:
    """A number as SpreadsheetML writes it; None for NaN and infinities, which it cannot hold."""
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return "%.16g" % value


_LETTERS: list[str] = [""] + [get_column_letter(c) for c in range(1, 703)]


def _letter(column: int) -> str:
    return _LETTERS[column] if column < len(_LETTERS) else get_column_letter(column)


# ---------------------------------------------------------------- one sheet's cells


class _Note(NamedTuple):
    ref: str
    row: int
    column: int
    author: str
    text: str
    height: int


class _SheetXml:
    """The cells of one sheet, top row first, as SpreadsheetML rows, with their comments.

    Cells are given row by row (within a row in any order); a row is sized to its
    wrapped text unless it is given a height, as LibreOffice does not size rows on
    import. The sheet's frame (widths, panes, merges) stays with openpyxl's worksheet.
    """

    def __init__(self, ws: Worksheet, styles: _Styles, widths: Iterable[float] = ()) -> None:
        self.ws, self.styles = ws, styles
        self.widths: dict[int, float] = {}
        self.set_widths(widths)
        self.rows: list[str] = []
        self.notes: list[_Note] = []
        self.row = 0
        self.cells: dict[int, str] = {}
        self.lines = 1
        self.heights: dict[int, float] = {}
        self.max_column = 0
        self.first_row = self.last_row = 0
        self._codes: dict[Rating | None, str] = {}
        self._authors: dict[str, str] = {}

    def set_widths(self, widths: Iterable[float], first: int = 1) -> None:
        for column, width in enumerate(widths, first):
            self.widths[column] = width
            self.ws.column_dimensions[_letter(column)].width = width

    def _at(self, row: int) -> None:
        if row != self.row:
            if row < self.row:
                raise ValueError(f"row {row} comes after row {self.row} in sheet {self.ws.title!r}")
            self._flush()
            self.row = row

    def _flush(self) -> None:
        if not self.cells:
            return
        row = self.row
        height = self.heights.pop(row, None)
        if height is None and self.lines > 1:
            height = min(409, 15 * self.lines)
        head = f'<row r="{row}" ht="{height:g}" customHeight="1">' if height is not None \
            else f'<row r="{row}">'
        self.rows.append(head + "".join(self.cells[c] for c in sorted(self.cells)) + "</row>")
        self.max_column = max(self.max_column, max(self.cells))
        self.first_row = self.first_row or row
        self.last_row = row
        self.cells, self.lines = {}, 1

    def height(self, row: int, height: float) -> None:
        """Give a row its own height (its text then does not size it)."""
        self.heights[row] = height

    def text(self, row: int, column: int, value: str, look: Look = PLAIN,
             note: tuple[str, str] | None = None, clean: bool = True) -> None:
        """User text as a string cell, never a formula (an empty text leaves the cell empty).

        ``clean=False`` skips :func:`clean_text` for a text known to be printable ASCII
        within the cell limit."""
        if row != self.row:
            self._at(row)
        text = clean_text(value) if clean else value
        if not text:
            self.empty(row, column, look, note)
            return
        style = self.styles.get(look, text.startswith(FORMULA_TRIGGERS))
        ref = _letter(column) + str(row)
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        self.cells[column] = (f'<c r="{ref}"{style.attr} t="inlineStr"><is><t{space}>'
                              f"{_escape(text)}</t></is></c>")
        if style.wraps:
            width = self.widths.get(column)
            if width is None:  # as openpyxl does when a column's width is looked up
                self.set_widths((_DEFAULT_WIDTH,), column)
                width = _DEFAULT_WIDTH
            lines = _wrapped_lines(text, width, style.per_width)
            if lines > self.lines:
                self.lines = lines
        if note is not None:
            self._note(ref, row, column, note)

    def codes(self, row: int, first: int, cells: Iterable[Assessment | None]) -> None:
        """Ratings from column ``first`` on: each code in its palette colours with its
        rationale as a comment, an unrated cell blank and bordered."""
        if row != self.row:
            self._at(row)
        if not self._codes:
            for rating in Rating:
                style = self.styles.get(rating_look(rating))
                self._codes[rating] = f'{style.attr} t="inlineStr"><is><t>{rating.value}</t></is></c>'
            self._codes[None] = f"{self.styles.get(_UNRATED).attr}/>"
        codes, out, number = self._codes, self.cells, str(row)
        for column, found in enumerate(cells, first):
            ref = _LETTERS[column] + number if column < len(_LETTERS) else _letter(column) + number
            if found is None:
                out[column] = f'<c r="{ref}"{codes[None]}'
                continue
            out[column] = f'<c r="{ref}"{codes[found.rating]}'
            stated = ("" if found.likelihood is None else
                      f"Likelihood stated: {likelihood_text(found.likelihood)}.")
            if found.rationale or stated:
                text = f"{found.rationale}\n{stated}".strip() if stated else found.rationale
                self._note(ref, row, column, (text, found.analyst))

    def number(self, row: int, column: int, value: float | None, look: Look = PLAIN,
               note: tuple[str, str] | None = None) -> None:
        """A number (None: an empty cell with the look)."""
        if row != self.row:
            self._at(row)
        shown = None if value is None else _number(value)
        if shown is None:
            self.empty(row, column, look, note)
            return
        ref = _letter(column) + str(row)
        self.cells[column] = f'<c r="{ref}"{self.styles.get(look).attr} t="n"><v>{shown}</v></c>'
        if note is not None:
            self._note(ref, row, column, note)

    def numbers(self, row: int, first: int, values: Iterable[float], look: Look) -> None:
        """Numbers in the row from column ``first`` on, all with one look."""
        if row != self.row:
            self._at(row)
        attr = self.styles.get(look).attr
        cells = self.cells
        for column, value in enumerate(values, first):
            shown = _number(value)
            if shown is None:
                self.empty(row, column, look)
            else:
                cells[column] = f'<c r="{_letter(column)}{row}"{attr} t="n"><v>{shown}</v></c>'

    def value(self, row: int, column: int, value: str | float | None, look: Look = PLAIN) -> None:
        if isinstance(value, str):
            self.text(row, column, value, look)
        else:
            self.number(row, column, value, look)

    def empty(self, row: int, column: int, look: Look = PLAIN,
              note: tuple[str, str] | None = None) -> None:
        """A cell with a look (a fill, a border) and no value."""
        if row != self.row:
            self._at(row)
        attr = self.styles.get(look).attr
        ref = _letter(column) + str(row)
        if attr or note is not None:
            self.cells[column] = f'<c r="{ref}"{attr}/>'
        if note is not None:
            self._note(ref, row, column, note)

    def _note(self, ref: str, row: int, column: int, note: tuple[str, str]) -> None:
        """A comment (text, author) on the cell, sized to its text; none for empty text."""
        body = clean_text(note[0]).strip()
        if not body:
            return
        lines = sum(1 + len(line) // 40 for line in body.split("\n"))
        author = self._authors.get(note[1])
        if author is None:
            author = self._authors[note[1]] = clean_text(note[1]) or TOOL_AUTHOR
        self.notes.append(_Note(ref, row, column, author, body, min(400, 20 + 15 * lines)))

    def finish(self) -> None:
        self._flush()

    def dimension(self) -> str:
        if not self.rows:
            return "A1:A1"
        return f"A{self.first_row}:{_letter(self.max_column)}{self.last_row}"


# ---------------------------------------------------------------- the workbook


class _Workbook(Workbook):
    """An openpyxl workbook whose sheets' cells and comments are held as SpreadsheetML.

    :meth:`save` has openpyxl write the package (every sheet's frame, the styles,
    the charts), then completes each sheet with its cells and comments.
    """

    def __init__(self) -> None:
        super().__init__()
        self.contents: list[_SheetXml] = []

    def save(self, filename: str | PathLike[str] | IO[bytes]) -> None:
        for content in self.contents:
            content.finish()
        noted = [c for c in self.contents if c.notes]
        for number, content in enumerate(noted, 1):
            content.ws.legacy_drawing = f"xl/drawings/commentsDrawing{number}.vml"
        super().save(filename)
        if not isinstance(filename, (str, PathLike)):
            filename.seek(0)
        with zipfile.ZipFile(filename) as package:
            parts = [(info.filename, package.read(info)) for info in package.infolist()]
        if not isinstance(filename, (str, PathLike)):
            filename.seek(0)
            filename.truncate()
        with zipfile.ZipFile(filename, "w", zipfile.ZIP_DEFLATED, allowZip64=True,
                             compresslevel=_COMPRESSION) as out:
            _complete(out, parts, self.contents, noted)


_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>\s*</sheetData>")
_DIMENSION = re.compile(r'<dimension ref="[^"]*"\s*/>')
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
_VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_COMPRESSION = 1
"""zlib's fastest level: about a third larger than its default, in a third of the time."""
_BATCH = 2_000
"""Rows (or comments) encoded and compressed at a time."""


def _complete(out: zipfile.ZipFile, parts: list[tuple[str, bytes]], contents: list[_SheetXml],
              noted: list[_SheetXml]) -> None:
    """openpyxl's package with each sheet's cells in its sheetData, and the comments added."""
    by_part = {content.ws.path.lstrip("/"): content for content in contents}
    rels = {}  # the relationships of each sheet with comments, and the number of its comments
    for number, content in enumerate(noted, 1):
        folder, _, part = content.ws.path.lstrip("/").rpartition("/")
        rels[f"{folder}/_rels/{part}.rels"] = number
    for name, data in parts:
        content = by_part.get(name)
        if content is not None:
            _write_sheet(out, name, data.decode("utf-8"), content)
        elif name == "[Content_Types].xml":
            out.writestr(name, _content_types(data.decode("utf-8"), len(noted)))
        elif name in rels:
            rel = (f'<Relationship Type="{_REL_NS}/comments" '
                   f'Target="/xl/comments/comment{rels[name]}.xml" Id="comments" />')
            xml = data.decode("utf-8")
            if "</Relationships>" not in xml:
                raise ValueError(f"{name}: expected a list of relationships from openpyxl")
            out.writestr(name, xml.replace("</Relationships>", rel + "</Relationships>"))
        else:
            out.writestr(name, data)
    missing = set(rels) - {name for name, _ in parts}
    if missing:
        raise ValueError(f"{sorted(missing)[0]}: expected from openpyxl for a sheet's comments")
    for number, content in enumerate(noted, 1):
        _write_stream(out, f"xl/comments/comment{number}.xml", _comments_xml(content.notes))
        _write_stream(out, f"xl/drawings/commentsDrawing{number}.vml", _vml(content.notes))


def _write_stream(out: zipfile.ZipFile, name: str, pieces: Iterable[str]) -> None:
    with out.open(name, "w") as stream:
        for piece in pieces:
            stream.write(piece.encode("utf-8"))


def _write_sheet(out: zipfile.ZipFile, name: str, frame: str, content: _SheetXml) -> None:
    found = list(_SHEET_DATA.finditer(frame))
    if len(found) != 1:
        raise ValueError(f"{name}: expected one empty sheetData element from openpyxl")
    frame = _DIMENSION.sub(f'<dimension ref="{content.dimension()}" />', frame, count=1)
    found = _SHEET_DATA.search(frame)
    assert found is not None

    def pieces() -> Iterator[str]:
        yield frame[:found.start()] + "<sheetData>"
        rows = content.rows
        for start in range(0, len(rows), _BATCH):
            yield "".join(rows[start:start + _BATCH])
        yield "</sheetData>" + frame[found.end():]

    _write_stream(out, name, pieces())


def _content_types(xml: str, noted: int) -> str:
    extra = ""
    if noted and 'Extension="vml"' not in xml:
        extra += f'<Default Extension="vml" ContentType="{_VML_TYPE}" />'
    extra += "".join(f'<Override PartName="/xl/comments/comment{n}.xml" ContentType="{_COMMENTS_TYPE}" />'
                     for n in range(1, noted + 1))
    return xml.replace("</Types>", extra + "</Types>")


def _comments_xml(notes: list[_Note]) -> Iterator[str]:
    authors: dict[str, int] = {}
    for note in notes:
        authors.setdefault(note.author, len(authors))
    yield ('<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>'
           + "".join(f"<author>{_escape(a)}</author>" for a in authors) + "</authors><commentList>")
    for start in range(0, len(notes), _BATCH):
        yield "".join(f'<comment ref="{n.ref}" authorId="{authors[n.author]}" shapeId="0"><text>'
                      f"<t>{_escape(n.text)}</t></text></comment>"
                      for n in notes[start:start + _BATCH])
    yield "</commentList></comments>"


def _vml(notes: list[_Note]) -> Iterator[str]:
    """The drawing Excel needs to show the comments: one hidden note shape per comment."""
    yield ('<xml xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">'
           '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1" /></o:shapelayout>'
           '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
           'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter" />'
           '<v:path gradientshapeok="t" o:connecttype="rect" /></v:shapetype>')
    for start in range(0, len(notes), _BATCH):
        yield "".join(
            f'<v:shape type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;'
            f"margin-top:1.5pt;width:{COMMENT_WIDTH}px;height:{n.height}px;z-index:1;"
            f'visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto" id="_x0000_s{index:04d}">'
            '<v:fill color2="#ffffe1" /><v:shadow color="black" obscured="t" />'
            '<v:path o:connecttype="none" /><v:textbox style="mso-direction-alt:auto">'
            '<div style="text-align:left" /></v:textbox><x:ClientData ObjectType="Note">'
            "<x:MoveWithCells /><x:SizeWithCells /><x:AutoFill>False</x:AutoFill>"
            f"<x:Row>{n.row - 1}</x:Row><x:Column>{n.column - 1}</x:Column></x:ClientData></v:shape>"
            for index, n in enumerate(notes[start:start + _BATCH], 1026 + start))
    yield "</xml>"


# ---------------------------------------------------------------- public API


def write_workbook(case: Case, path: Path, snapshots: Snapshots | None = None) -> None:
    """Write ``case`` as an .xlsx workbook at ``path``, replacing it only once complete.

    The workbook is built in memory, saved to a temporary file in the target's
    directory and renamed over ``path``; on any failure the temporary file is
    removed and the exception propagates (``OSError`` for file-system problems).
    """
    _save_atomically(build_workbook(case, snapshots), Path(path))


def build_workbook(case: Case, snapshots: Snapshots | None = None) -> Workbook:
    """The workbook of a case, ready to save: Case, one sheet per matrix, Scores, Evidence, Sources.

    Its worksheets carry each sheet's layout; the cells are written when it is saved.
    """
    workbook = _Workbook()
    case_sheet = workbook.active
    case_sheet.title = "Case"
    styles = _Styles(case_sheet)

    def sheet(ws: Worksheet, widths: Iterable[float] = ()) -> _SheetXml:
        content = _SheetXml(ws, styles, widths)
        workbook.contents.append(content)
        return content

    all_scores = [score_matrix(case, matrix) for matrix in case.matrices]
    _fill_case_sheet(sheet(case_sheet), case, all_scores)
    used = {"case", "scores", "sensitivity", "probabilities", "evidence", "sources",
            DATA_SHEET.lower()}
    for index, (matrix, scores) in enumerate(zip(case.matrices, all_scores), 1):
        title = sheet_title(f"M{index} {matrix.question}", used)
        fill = _fill_transposed_sheet if matrix.transposed else _fill_matrix_sheet
        fill(sheet(workbook.create_sheet(title)), case, matrix, scores)
    _fill_scores_sheet(sheet(workbook.create_sheet("Scores")), case, all_scores)
    _fill_sensitivity_sheet(sheet(workbook.create_sheet("Sensitivity")), case)
    _fill_probability_sheet(sheet(workbook.create_sheet("Probabilities")), case)
    _fill_evidence_sheet(sheet(workbook.create_sheet("Evidence")), case)
    _fill_sources_sheet(sheet(workbook.create_sheet("Sources")), case)
    _fill_data_sheet(sheet(workbook.create_sheet(DATA_SHEET)), case, snapshots)
    return workbook


def _fill_data_sheet(sheet: _SheetXml, case: Case, snapshots: Snapshots | None) -> None:
    """The whole case as a bundle, hidden, so that importing the workbook loses nothing.

    ASCII JSON in chunks well under the cell limit; strings, never formulas. JSON
    escapes every control and non-ASCII character, and underscores are escaped
    too (``\\u005f``): Excel reads ``_xHHHH_`` in a cell as an escaped character,
    and openpyxl drops ``x005F_`` from the strings of a workbook Excel has saved,
    so with no underscore at all the text survives Excel and openpyxl alike.
    """
    text = json.dumps(case_to_dict(case, snapshots), ensure_ascii=True,
                      separators=(",", ":")).replace("_", "\\u005f")
    chunks = [text[i:i + DATA_CHUNK] for i in range(0, len(text), DATA_CHUNK)]
    sheet.ws.sheet_state = "hidden"
    sheet.text(1, 1, DATA_MARKER)
    sheet.number(2, 1, len(chunks))
    printable = text.isascii()  # JSON with ensure_ascii escapes every control character
    for row, chunk in enumerate(chunks, 3):
        sheet.text(row, 1, chunk, clean=not printable)


def _save_atomically(workbook: Workbook, path: Path) -> None:
    write_atomically(path, workbook.save)


# ---------------------------------------------------------------- small helpers


def _header_row(sheet: _SheetXml, row: int, headers: Iterable[str],
                notes: Iterable[tuple[str, str] | None] = ()) -> None:
    notes = list(notes)
    for column, header in enumerate(headers, 1):
        sheet.text(row, column, header, HEADER, notes[column - 1] if column <= len(notes) else None)


def _table_sheet(sheet: _SheetXml, headers: tuple[str, ...], widths: tuple[int, ...],
                 rows: list[_Row], looks: dict[int, Look] | None = None) -> None:
    """A plain table: header row, frozen and filterable, wrapped text cells.

    ``looks`` gives some columns (by number) a look of their own.
    """
    looks = looks or {}
    sheet.set_widths(widths)
    _header_row(sheet, 1, headers)
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            sheet.value(r, c, value, looks.get(c, TABLE))
    ws = sheet.ws
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    _print_setup(ws, title_rows="1:1")


def _print_setup(ws: Worksheet, title_rows: str | None, landscape: bool = True) -> None:
    """Print (and export to PDF) one page wide, repeating the header row on each page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows


# ---------------------------------------------------------------- Case sheet


def shown_time(stamp: str) -> str:
    """A stored time (ISO 8601, UTC) as a reader writes it: ``2026-11-21 14:03 UTC``."""
    found = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|\+00:00)?", stamp)
    if found is None:
        return stamp
    return f"{found.group(1)} {found.group(2)} UTC"


def _fill_case_sheet(sheet: _SheetXml, case: Case, all_scores: list[MatrixScores]) -> None:
    sheet.set_widths((16, 70, 50))
    sheet.text(1, 1, case.title, Look(_font(bold=True, size=16)))
    row = 3
    for label, value in (("Description", case.description), ("Created", shown_time(case.created))):
        row = _labelled(sheet, row, label, value)
    for index, (matrix, scores) in enumerate(zip(case.matrices, all_scores), 1):
        row += 1
        sheet.text(row, 1, f"Matrix M{index}", Look(_font(bold=True, size=13)))
        row = _labelled(sheet, row + 1, "Question", matrix.question, bold=True)
        row = _case_hypotheses(sheet, row, matrix)
        row = _labelled(sheet, row, "Ranking", _ranking_text(matrix, scores))
        labels = {h.id: f"H{j}" for j, h in enumerate(matrix.hypotheses, 1)}
        for label, value in (("Conclusions", matrix.conclusions),
                             ("Milestones", matrix.milestones), ("Notes", matrix.notes),
                             ("Outcome", outcome_sentence(matrix, labels))):
            row = _labelled(sheet, row, label, value)
    _print_setup(sheet.ws, title_rows=None, landscape=False)


def _ranking_text(matrix: Matrix, scores: MatrixScores) -> str:
    """``H3 < H1 = H2``: least inconsistent first, ties joined by ``=``."""
    text, previous = "", None
    position = {h.id: i for i, h in enumerate(matrix.hypotheses)}
    for score in scores.ranking():
        label = f"H{position[score.hypothesis_id] + 1}"
        text += label if previous is None else (" = " if score.rank == previous else " < ") + label
        previous = score.rank
    return text + "  (least inconsistent first, by weighted inconsistency)" if text else ""


def _labelled(sheet: _SheetXml, row: int, label: str, value: str, bold: bool = False) -> int:
    """A label in column A and its text in column B; returns the next row."""
    sheet.text(row, 1, label, Look(_BOLD, align=_TOP))
    sheet.text(row, 2, value, Look(_font(bold=bold), align=_WRAP_TOP))
    return row + 1


def _case_hypotheses(sheet: _SheetXml, row: int, matrix: Matrix) -> int:
    """A "Hypotheses" label, then one row per hypothesis: H<n>, title, description."""
    sheet.text(row, 1, "Hypotheses", Look(_BOLD))
    label = Look(align=(("horizontal", "right"), ("indent", 1), ("vertical", "top")))
    for index, hypothesis in enumerate(matrix.hypotheses, 1):
        row += 1
        sheet.text(row, 1, f"H{index}", label)
        sheet.text(row, 2, hypothesis.title, Look(align=_WRAP_TOP))
        sheet.text(row, 3, hypothesis.description, Look(align=_WRAP_TOP))
    return row + 1


# ---------------------------------------------------------------- matrix sheets


def _fill_matrix_sheet(sheet: _SheetXml, case: Case, matrix: Matrix, scores: MatrixScores) -> None:
    ws = sheet.ws
    last_col = _FIRST_HYP_COL + len(matrix.hypotheses) - 1
    sheet.set_widths(list(_FIXED_WIDTHS) + [_HYPOTHESIS_WIDTH] * len(matrix.hypotheses))
    _matrix_title(sheet, case, matrix, max(last_col, len(_FIXED_HEADERS)))
    headers = list(_FIXED_HEADERS) + [
        f"H{i}: {h.title}" for i, h in enumerate(matrix.hypotheses, 1)
    ]
    notes = [None] * len(_FIXED_HEADERS) + [(h.description, TOOL_AUTHOR) for h in matrix.hypotheses]
    _header_row(sheet, _HEADER_ROW, headers, notes)
    _evidence_rows(sheet, _HEADER_ROW + 1, case, matrix, scores)
    row = _score_rows(sheet, _HEADER_ROW + 1 + len(matrix.rows), matrix, scores)
    end = _legend(sheet, row + 1)
    ws.freeze_panes = f"C{_HEADER_ROW + 1}"
    _print_setup(ws, title_rows=f"{_HEADER_ROW}:{_HEADER_ROW}")
    # what prints is the matrix with its scores, rank and legend, and no more
    ws.print_area = f"A1:{get_column_letter(max(last_col, len(_FIXED_HEADERS)))}{end}"


_TRANSPOSED_SCORES = (("Incons.", "0", lambda s, h: s.inconsistency),
                      ("Weighted", "0.000", lambda s, h: s.weighted),
                      ("P(H|E)", "0.0%", lambda s, h: s.probability),
                      ("Analyst", "0%", lambda s, h: h.judged),
                      ("Rank", "0", lambda s, h: s.rank))
"""The score columns of a transposed matrix sheet, after the hypothesis."""


def _fill_transposed_sheet(sheet: _SheetXml, case: Case, matrix: Matrix,
                           scores: MatrixScores) -> None:
    """A matrix with the hypotheses down the side and the evidence across: each hypothesis's
    scores beside it, each item's label heading its column (its text, credibility and
    relevance in the header's note; the Evidence sheet lists them in full)."""
    ws = sheet.ws
    first_code = 2 + len(_TRANSPOSED_SCORES)
    last_col = first_code + len(matrix.rows) - 1
    sheet.set_widths([40] + [10] * len(_TRANSPOSED_SCORES) + [6] * len(matrix.rows))
    _matrix_title(sheet, case, matrix, max(last_col, first_code))
    items = {item.id: item for item in case.evidence}
    by_row = {s.evidence_id: s for s in scores.evidence}
    headers = ["Hypothesis"] + [name for name, _, _ in _TRANSPOSED_SCORES] + [
        items[r.evidence_id].label for r in matrix.rows]
    notes: list[tuple[str, str] | None] = [None] * first_code
    for r in matrix.rows:
        item, found = items[r.evidence_id], by_row[r.evidence_id]
        diag = "–" if found.diagnosticity is None else f"{found.diagnosticity:.2f}"
        flag = " Inconsistent with every hypothesis: is a hypothesis missing?" if (
            found.inconsistent_with_all) else ""
        notes.append((f"{item.text} (credibility {item.credibility.value}, relevance "
                      f"{r.relevance.value}, diagnosticity {diag}).{flag}", TOOL_AUTHOR))
    _header_row(sheet, _HEADER_ROW, headers, notes)
    by_hypothesis = {s.hypothesis_id: s for s in scores.hypotheses}
    for row, hyp in enumerate(matrix.hypotheses, _HEADER_ROW + 1):
        score = by_hypothesis[hyp.id]
        sheet.text(row, 1, f"H{row - _HEADER_ROW}: {hyp.title}",
                   Look(_font(bold=score.rank == 1), grid=True, align=_WRAP_TOP),
                   (hyp.description, TOOL_AUTHOR) if hyp.description else None)
        for column, (_, number_format, pick) in enumerate(_TRANSPOSED_SCORES, 2):
            sheet.number(row, column, pick(score, hyp),
                         Look(_font(bold=score.rank == 1), _SCORE_FILL, True, _CENTRE, number_format))
        sheet.codes(row, first_code, [matrix.ratings.get((r.evidence_id, hyp.id)) for r in matrix.rows])
    end = _legend(sheet, _HEADER_ROW + len(matrix.hypotheses) + 2)
    sheet.ws.print_area = f"A1:{get_column_letter(max(last_col, first_code))}{end}"
    ws.freeze_panes = f"{get_column_letter(first_code)}{_HEADER_ROW + 1}"
    _print_setup(ws, title_rows=f"{_HEADER_ROW}:{_HEADER_ROW}")


def _fill_probability_sheet(sheet: _SheetXml, case: Case) -> None:
    """Per matrix: the posteriors by line of evidence and with every item independent, each
    line's pull on each hypothesis, and the posteriors without it."""
    sheet.set_widths((44, 10, 14, 14, 14, 14, 14, 14, 14, 14))
    row = 1
    sheet.text(row, 1, INDEPENDENCE_CAVEAT, Look(_MUTED, align=_WRAP_TOP))
    row += 2
    for index, matrix in enumerate(case.matrices, 1):
        labels = [f"H{j}" for j in range(1, len(matrix.hypotheses) + 1)]
        sheet.text(row, 1, f"M{index}: {matrix.question}", Look(_font(bold=True, size=12)))
        row += 1
        if len(matrix.hypotheses) < 2 or not matrix.rows:
            sheet.text(row, 1, "Needs two hypotheses and some evidence.")
            row += 2
            continue
        found = line_report(case, matrix)
        percent = Look(grid=True, number_format="0.0%")
        bits = Look(grid=True, number_format="0.00")
        _header_row(sheet, row, ["Posterior", ""] + labels)
        row += 1
        for name, values in (("By line of evidence", found.posteriors),
                             ("Every item independent", found.independent)):
            sheet.text(row, 1, name, Look(grid=True))
            for column, hyp in enumerate(matrix.hypotheses, 3):
                sheet.number(row, column, values[hyp.id], percent)
            row += 1
        row += 1
        sheet.text(row, 1, found.sentence(dict(zip((h.id for h in matrix.hypotheses), labels))))
        row += 1
        leader = found.leader
        leader_label = labels[[h.id for h in matrix.hypotheses].index(leader)]
        _header_row(sheet, row, ["Line of evidence", "Items"]
                    + [f"{label} bits against" for label in labels]
                    + [f"{leader_label} without it"])
        row += 1
        for line in found.lines:
            sheet.text(row, 1, line.name, Look(grid=True, align=_WRAP_TOP))
            sheet.number(row, 2, len(line.evidence), Look(grid=True))
            for column, hyp in enumerate(matrix.hypotheses, 3):
                sheet.number(row, column, line.against[hyp.id], bits)
            sheet.number(row, 3 + len(labels), line.without[leader], percent)
            row += 1
        if matrix.outcome is not None:
            row += 1
            ids = {h.id: label for h, label in zip(matrix.hypotheses, labels)}
            sheet.text(row, 1, outcome_sentence(matrix, ids), Look(_BOLD))
            analyst, tool = closed_scores(matrix, found.posteriors)
            for name, value in (("Brier score, analyst", analyst), ("Brier score, tool", tool)):
                row += 1
                sheet.text(row, 1, name, Look(grid=True))
                sheet.number(row, 2, value, Look(grid=True, number_format="0.000"))
            row += 1
        row += 1
    _print_setup(sheet.ws, title_rows=None)


def _matrix_title(sheet: _SheetXml, case: Case, matrix: Matrix, last_col: int) -> None:
    look = Look(_font(bold=True, size=14), align=_WRAP_TOP)
    width = sum(_FIXED_WIDTHS) + _HYPOTHESIS_WIDTH * max(0, last_col - len(_FIXED_HEADERS))
    lines = _wrapped_lines(clean_text(matrix.question), width, sheet.styles.get(look).per_width)
    sheet.height(_TITLE_ROW, 20 * min(lines, 5))  # frozen: keep it short
    sheet.text(_TITLE_ROW, 1, matrix.question, look)
    sheet.ws.merged_cells.add(f"A{_TITLE_ROW}:{get_column_letter(last_col)}{_TITLE_ROW}")
    sheet.text(_INFO_ROW, 1, f"Case: {case.title}", Look(_MUTED))


def _evidence_rows(sheet: _SheetXml, first: int, case: Case, matrix: Matrix,
                   scores: MatrixScores) -> None:
    label_look, flag_label = Look(_BOLD, grid=True, align=_WRAP_TOP), Look(_FLAG, grid=True,
                                                                            align=_WRAP_TOP)
    diag_align = (("horizontal", "center"), ("vertical", "top"))
    diag_look = Look(grid=True, align=diag_align, number_format="0.00")
    flag_diag = Look(_FLAG, grid=True, align=diag_align, number_format="0.00")
    ratings = matrix.ratings
    hypotheses = [h.id for h in matrix.hypotheses]
    items = {item.id: item for item in case.evidence}
    flag_note = ("Inconsistent with every hypothesis: is a hypothesis missing?", TOOL_AUTHOR)
    for row, (matrix_row, evidence_score) in enumerate(zip(matrix.rows, scores.evidence), first):
        eid = matrix_row.evidence_id
        item = items[eid]
        flagged = evidence_score.inconsistent_with_all
        sheet.text(row, 1, item.label, flag_label if flagged else label_look)
        for column, value in enumerate((item.text, item.type.value, item.credibility.value,
                                        matrix_row.relevance.value), 2):
            sheet.text(row, column, value, TABLE)
        sheet.number(row, _DIAG_COL, evidence_score.diagnosticity,
                     flag_diag if flagged else diag_look, flag_note if flagged else None)
        sheet.codes(row, _FIRST_HYP_COL, [ratings.get((eid, hid)) for hid in hypotheses])


def _score_rows(sheet: _SheetXml, row: int, matrix: Matrix, scores: MatrixScores) -> int:
    """Inconsistency, weighted inconsistency and rank under each hypothesis; returns next row."""
    judged = {h.id: h.judged for h in matrix.hypotheses}
    specs = (("Inconsistency", "0", lambda s: s.inconsistency),
             ("Weighted inconsistency", "0.000", lambda s: s.weighted),
             ("P(H|E), by line of evidence", "0.0%", lambda s: s.probability),
             ("Analyst's probability", "0%", lambda s: judged[s.hypothesis_id]),
             (f"Rank ({matrix.scoring_mode.value})", "0", lambda s: s.rank))
    fill = Look(fill=_SCORE_FILL)
    label = Look(_BOLD, _SCORE_FILL, align=(("horizontal", "right"),))
    by_id = {s.hypothesis_id: s for s in scores.hypotheses}
    for name, number_format, pick in specs:
        for column in range(1, _FIRST_HYP_COL):
            if column == 2:
                sheet.text(row, 2, name, label)
            else:
                sheet.empty(row, column, fill)
        for column, hypothesis in enumerate(matrix.hypotheses, _FIRST_HYP_COL):
            score = by_id[hypothesis.id]
            look = Look(_font(bold=score.rank == 1),  # the least inconsistent stands out
                        _SCORE_FILL, True, _CENTRE, number_format)
            sheet.number(row, column, pick(score), look)
        row += 1
    return row


def _legend(sheet: _SheetXml, row: int) -> int:
    """The ratings and how the scores count them, from ``row``; returns the last row used."""
    sheet.text(row, 1, "Legend", Look(_BOLD))
    for rating in Rating:
        row += 1
        colours = rating_look(rating)
        sheet.text(row, 1, rating.value, colours._replace(align=_CENTRE))
        points = rating.points
        sheet.text(row, 2, f"{rating.meaning} ({points} inconsistency "
                           f"point{'' if points == 1 else 's'})")
    notes = (
        "Weighted inconsistency = sum of credibility × relevance × points "
        "(High 1.414, Medium 1, Low 0.707). Lower is better: rank 1 is least inconsistent.",
        "Diagnosticity = spread of the row's ratings (0 = no diagnostic value). "
        "A label in bold red marks evidence inconsistent with every hypothesis.",
        "A red corner marks a comment: the analyst and rationale of a rating.",
    )
    for offset, note in enumerate(notes, 2):
        sheet.text(row + offset, 1, note, Look(_MUTED))
    return row + 1 + len(notes)


# ---------------------------------------------------------------- table sheets


def _fill_scores_sheet(sheet: _SheetXml, case: Case, all_scores: list[MatrixScores]) -> None:
    rows: list[_Row] = []
    for index, (matrix, scores) in enumerate(zip(case.matrices, all_scores), 1):
        position = {h.id: i for i, h in enumerate(matrix.hypotheses)}
        for score in scores.ranking():
            at = position[score.hypothesis_id]
            title = matrix.hypotheses[at].title
            judged = matrix.hypotheses[at].judged
            rows.append([f"M{index}: {matrix.question}", matrix.scoring_mode.value, score.rank,
                         f"H{at + 1}: {title}", score.inconsistency, score.weighted,
                         score.probability, judged, f"M{index} H{at + 1}"])
    headers = ("Matrix question", "Ranked by", "Rank", "Hypothesis", "Inconsistency",
               "Weighted inconsistency", "P(H|E)", "Analyst's probability", "Label")
    looks = {6: TABLE._replace(number_format="0.000"), 7: TABLE._replace(number_format="0.0%"),
             8: TABLE._replace(number_format="0%")}
    _table_sheet(sheet, headers, (50, 13, 7, 50, 14, 14, 10, 12, 9), rows, looks)
    _score_charts(sheet.ws, case, headers)


def _score_charts(ws: Worksheet, case: Case, headers: tuple[str, ...]) -> None:
    """A native Excel bar chart per matrix: inconsistency and weighted inconsistency."""
    first = 2
    anchor_row = 1
    for index, matrix in enumerate(case.matrices, 1):
        count = len(matrix.hypotheses)
        if not count:
            continue
        last = first + count - 1
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        chart.title = f"M{index}: evidence against each hypothesis"
        chart.y_axis.title = "Inconsistency (lower is better)"
        chart.x_axis.title = None
        for column in (5, 6):
            values = Reference(ws, min_col=column, min_row=first, max_row=last)
            chart.series.append(Series(values, title=headers[column - 1]))
        chart.set_categories(Reference(ws, min_col=9, min_row=first, max_row=last))
        chart.height, chart.width = 5 + 1.4 * count, 18
        ws.add_chart(chart, f"K{anchor_row}")
        anchor_row += int(chart.height * 2) + 2
        first = last + 1


def _fill_sensitivity_sheet(sheet: _SheetXml, case: Case) -> None:
    """Per matrix: linchpins, the fewest re-ratings that change the leader, contributions."""
    sheet.set_widths((34, 16, 16, 16, 16, 16, 16, 16))
    items = {item.id: item for item in case.evidence}
    row = 1
    for index, matrix in enumerate(case.matrices, 1):
        labels = {h.id: f"H{j}" for j, h in enumerate(matrix.hypotheses, 1)}
        sheet.text(row, 1, f"M{index}: {matrix.question}", Look(_font(bold=True, size=12)))
        row += 1
        sheet.text(row, 1, f"Scoring mode: {matrix.scoring_mode.label}")
        row += 1
        if len(matrix.hypotheses) < 2 or not matrix.rows:
            sheet.text(row, 1, "Needs two hypotheses and some evidence.")
            row += 2
            continue
        table = cost_table(case, matrix)  # shared by the three analyses below
        pins = linchpins(case, matrix, table=table)
        sheet.text(row, 1, "Linchpins", Look(_BOLD))
        row += 1
        if not pins:
            sheet.text(row, 1, "No single item changes the ranking when it is left out.")
            row += 1
        for pin in pins:
            sheet.text(row, 1, items[pin.evidence_id].label)
            sheet.text(row, 2, "decides the tie" if pin.decides_tie else
                       "another draws level" if pin.draws_level else
                       "changes the leader" if pin.changes_leader else "changes the order")
            row += 1
        change = fewest_changes(case, matrix, table=table)
        tied = tie_break(case, matrix, table=table)
        sheet.text(row, 1, "Fewest re-ratings that change the leader", Look(_BOLD))
        row += 1
        if change is None:
            sheet.text(row, 1, "No re-rating puts a hypothesis from outside the lead alone in it.")
            row += 1
        for found in (tied, change):
            if found is None:
                continue
            sheet.text(row, 1, found.sentence(labels))
            row += 1
            for c in found.changes:
                sheet.text(row, 1, f"{items[c.cell[0]].label} × {labels[c.cell[1]]}")
                sheet.text(row, 2, f"{c.before.value if c.before else 'unrated'} → {c.after.value}")
                row += 1
        row = _contribution_table(sheet, row, case, matrix, labels, items, table) + 1
    _print_setup(sheet.ws, title_rows=None)


def _contribution_table(sheet: _SheetXml, row: int, case: Case, matrix: Matrix,
                        labels: dict, items: dict, table: CostTable | None = None) -> int:
    sheet.text(row, 1, "What each item adds to each score", Look(_BOLD))
    row += 1
    _header_row(sheet, row, ["Evidence"] + [labels[h.id] for h in matrix.hypotheses])
    row += 1
    values = contributions(case, matrix, table=table)
    columns = [values[h.id] for h in matrix.hypotheses]
    label, number = Look(grid=True), Look(grid=True, number_format="0.000")
    for matrix_row in matrix.rows:
        eid = matrix_row.evidence_id
        row_values = [column[eid] for column in columns]
        if all(abs(v) < 1e-12 for v in row_values):
            continue
        sheet.text(row, 1, items[eid].label, label)
        sheet.numbers(row, 2, [round(value, 6) for value in row_values], number)
        row += 1
    return row


def _fill_evidence_sheet(sheet: _SheetXml, case: Case) -> None:
    matrices: dict[int, list[str]] = {}
    for index, matrix in enumerate(case.matrices, 1):
        for matrix_row in matrix.rows:
            matrices.setdefault(matrix_row.evidence_id, []).append(f"M{index}")
    sources = {src.id: src.title for src in case.sources}
    rows: list[_Row] = []
    for item in case.evidence:
        source = sources.get(item.source_id, "") if item.source_id is not None else ""
        rows.append([item.label, item.text, source, item.date, item.type.value,
                     item.credibility.value, item.notes, item.quote, item.quote_start,
                     ", ".join(matrices.get(item.id, []))])
    headers = ("Label", "Text", "Source", "Date", "Type", "Credibility", "Notes", "Quote",
               "Quote offset", "Matrices")
    _table_sheet(sheet, headers, (8, 50, 28, 12, 13, 11, 36, 40, 9, 12), rows)


def _fill_sources_sheet(sheet: _SheetXml, case: Case) -> None:
    cited: dict[int, list[str]] = {src.id: [] for src in case.sources}
    for item in case.evidence:
        if item.source_id is not None:
            cited.setdefault(item.source_id, []).append(item.label)
    rows: list[_Row] = [
        [src.title, src.author, src.publication, src.date, src.url, src.reliability,
         ", ".join(cited.get(src.id, [])), len(src.text), src.text]
        for src in case.sources
    ]
    headers = ("Title", "Author", "Publication", "Date", "URL", "Reliability", "Evidence",
               "Text length", "Text")
    # full texts stay one line tall; open the cell to read
    looks = {len(headers): Look(grid=True, align=_TOP)}
    _table_sheet(sheet, headers, (36, 20, 24, 12, 30, 36, 12, 10, 60), rows, looks)
