"""Reading cases from Excel workbooks.

Two kinds of workbook are read:

* **A workbook SAT Tool exported.** Its hidden data sheet holds the whole case,
  so nothing is lost; ratings changed in the visible matrix sheets since the
  export are then applied on top, so an analyst can rate in Excel and bring the
  changes back.
* **A sheet an analyst made by hand.** Each non-empty sheet is a matrix: the
  first row holds the headers, the first column the evidence, every other
  column a hypothesis, the cells CC, C, N, I, II or NA (blank: unrated).
  Columns headed Credibility, Relevance, Type, Date, Source or Notes (in any
  order and letter case, "Cred" and "Rel" too) describe the evidence instead.

Anything wrong stops the import with a message naming the sheet, the row and
the column and what was expected; nothing is imported then. What cannot be
read is refused rather than dropped: a value under an empty or a merged
header, merged cells over ratings, a formula without a saved result.

The file is checked before openpyxl reads it: a regular file, no larger than
:data:`MAX_FILE_BYTES`, a sane zip (no zip bomb). openpyxl then opens it in
read-only mode (its XML is parsed with defusedxml) and each sheet is streamed
row by row, keeping only the cells present: a sheet is refused by its declared
dimension, or as soon as a row, a column or the count of cells passes
:data:`MAX_ROWS`, :data:`MAX_COLUMNS` or :data:`MAX_CELLS`, so a small file
naming a far cell (``XFD1048576``) never allocates a grid.
"""

from __future__ import annotations

import bisect
import itertools
import uuid
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from sat_tool.domain.model import (
    Assessment,
    Case,
    CaseId,
    Evidence,
    EvidenceId,
    EvidenceType,
    Hypothesis,
    HypothesisId,
    Level,
    Matrix,
    MatrixId,
    MatrixRow,
    Rating,
)
from sat_tool.domain.snapshots import Snapshot
from sat_tool.formats import open_limited
from sat_tool.formats.bundle import BundleError, loads_bundle_with_snapshots
from sat_tool.formats.xlsx import DATA_MARKER, DATA_SHEET

MIB = 1024 * 1024
MAX_FILE_BYTES = 100 * MIB
"""On disk. Our own export of 10,000 items × 50 hypotheses is 17.5 MiB (docs/formats.md)."""
MAX_UNPACKED_BYTES = 1024 * MIB
"""All parts unpacked. The same export unpacks to 246 MiB, 94 MiB of it cell comments."""
MAX_PART_BYTES = 256 * MIB
"""One part unpacked; the largest of that export is 94 MiB."""
MAX_RATIO = 200
MAX_MEMBERS = 5_000
MAX_ROWS = 20_000
"""Rows read in one sheet; that export's matrix sheet has 10,020."""
MAX_COLUMNS = 200
"""Columns read in one sheet; that export's matrix sheet has 56."""
MAX_CELLS = 2_000_000
"""Cells present in one sheet; that export's matrix sheet holds 560,354."""

DESCRIPTIVE = {
    "credibility": "credibility", "cred": "credibility", "cred.": "credibility",
    "relevance": "relevance", "rel": "relevance", "rel.": "relevance",
    "type": "type", "evidence type": "type", "date": "date", "source": "source",
    "notes": "notes", "note": "notes",
}
"""Header names (lower case) of columns that describe the evidence rather than rate it."""

_RATINGS = "expected CC, C, N, I, II or NA"


class WorkbookError(ValueError):
    """A workbook that cannot be imported; the message names sheet, row and column."""


def _mib(size: int) -> str:
    return f"{size // MIB} MiB"


# ---------------------------------------------------------------- the package


def check_package(source: Path | BinaryIO, name: str | None = None) -> None:
    """Refuse, before parsing, a file that is not a sane .xlsx package.

    ``source`` is a path (checked to be a regular file of at most
    :data:`MAX_FILE_BYTES`) or an open binary file.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        with open_limited(path, MAX_FILE_BYTES, "workbooks", WorkbookError) as handle:
            check_package(handle, path.name)
        return
    name = name or "the workbook"
    try:
        with zipfile.ZipFile(source) as package:
            members = package.infolist()
            names = set(package.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise WorkbookError(f"{name} is not an Excel workbook (.xlsx)") from None
    except OSError as exc:
        raise WorkbookError(f"cannot read {name}: {exc.strerror or exc}") from None
    if "[Content_Types].xml" not in names:
        raise WorkbookError(f"{name} is a zip file but not an Excel workbook")
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(f"{name} holds {len(members)} parts: refused as malformed")
    unpacked = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    largest = max(members, key=lambda m: m.file_size, default=None)
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO and unpacked > 10_000_000:
        raise WorkbookError(f"{name} would expand to {_mib(unpacked)}: "
                            "refused as a possible zip bomb")
    if largest is not None and largest.file_size > MAX_PART_BYTES:
        raise WorkbookError(f"{name}: its part {largest.filename} would expand to "
                            f"{_mib(largest.file_size)}, more than the {_mib(MAX_PART_BYTES)} "
                            "SAT Tool reads: refused as a possible zip bomb")


def read_workbook(path: Path) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """A case (and its snapshots) from a workbook; :class:`WorkbookError` if it cannot be read."""
    path = Path(path)
    with open_limited(path, MAX_FILE_BYTES, "workbooks", WorkbookError) as handle:
        check_package(handle, path.name)
        handle.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on features it does not keep
            book = _open(handle, path.name)
            try:
                if DATA_SHEET in book.sheetnames:
                    return _exported(book, path.name)
                if {"Case", "Evidence", "Sources"} <= set(book.sheetnames):
                    raise WorkbookError(
                        f"{path.name} looks like a SAT Tool export that has lost the hidden sheet "
                        f"{DATA_SHEET!r} holding the case; export the case again, or copy a matrix "
                        "sheet into a new workbook to import it by hand")
                return _hand_made(book, path), {}
            finally:
                book.close()


def _open(handle: BinaryIO, name: str) -> Any:
    try:
        return load_workbook(handle, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files  # noqa: BLE001
        unsafe = _defused(exc)
        if unsafe is not None:
            raise _unsafe(name, unsafe) from None
        raise WorkbookError(f"{name} is not a readable Excel workbook ({_cause(exc)})") from None


def _defused(exc: BaseException | None) -> BaseException | None:
    """The defusedxml refusal behind a failure (openpyxl wraps it), if there is one."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def _unsafe(name: str, exc: BaseException) -> WorkbookError:
    del exc  # the library's name for it says nothing to the user
    return WorkbookError(f"{name} declares XML entities, which SAT Tool refuses for safety: it may "
                         "be an XML bomb or reach for other files")


def _cause(exc: BaseException) -> str:
    """The innermost useful text of a (chained) openpyxl failure."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


# ---------------------------------------------------------------- streaming a sheet


@dataclass(frozen=True, slots=True)
class _Cell:
    value: Any
    """The value, or the result saved with a formula (None when none was saved)."""
    formula: str | None
    """The formula text (``=…``) when the cell holds one."""


_Row = dict[int, _Cell]
"""The cells present in one row, by column number."""


class _Refusal(Exception):
    """Raised inside the parser to stop at a limit; carries the sentence."""


class _SheetParser(WorkSheetParser):
    """openpyxl's worksheet parser, keeping formulas beside their saved results and counting.

    Rows come as ``(row number, {column: _Cell})`` holding only the cells the
    file has; a row, column or cell count beyond the limits stops the parse.
    """

    def __init__(self, source: Any, book: Any, strings: Any, title: str) -> None:
        super().__init__(source, strings, data_only=True, epoch=book.epoch,
                         date_formats=book._date_formats,
                         timedelta_formats=book._timedelta_formats)
        self.title = title
        self.cells = 0

    def parse_row(self, row: Any) -> tuple[int, _Row]:
        number = row.get("r")
        if number is not None:
            value = float(number)
            if not value.is_integer() or value < 1:
                raise ValueError(f"{number} is not a valid row number")
            self.row_counter = int(value)
        else:
            self.row_counter += 1
        if self.row_counter > MAX_ROWS:
            raise _Refusal(f"sheet {self.title!r} has a cell in row {self.row_counter:,}; "
                           f"SAT Tool reads at most {MAX_ROWS:,} rows a sheet")
        self.col_counter = 0
        cells: _Row = {}
        for element in row:
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise _Refusal(f"sheet {self.title!r} holds more than {MAX_CELLS:,} cells, "
                               "the most SAT Tool reads in a sheet")
            found = self.parse_cell(element)
            column = found["column"]
            if column > MAX_COLUMNS:
                raise _Refusal(f"sheet {self.title!r} has a cell in column "
                               f"{get_column_letter(column)} (column {column:,}); SAT Tool reads "
                               f"at most {MAX_COLUMNS:,} columns a sheet")
            formula = element.find(FORMULA_TAG)
            text = None if formula is None else "=" + (formula.text or "")
            cells[column] = _Cell(found["value"], text)
        return self.row_counter, cells


class _Sheet:
    """One worksheet of a read-only workbook, streamed once."""

    def __init__(self, book: Any, worksheet: Any, name: str) -> None:
        self.book, self.ws, self.name = book, worksheet, name
        self.title: str = worksheet.title
        self.merged: list[tuple[int, int, int, int]] = []
        """Merged ranges as (first column, first row, last column, last row), once streamed."""

    def check_size(self) -> None:
        """Refuse a sheet whose declared dimension is beyond the limits, before reading it."""
        rows, columns = self.ws.max_row, self.ws.max_column
        if rows is None or columns is None:
            return
        span = f"{get_column_letter(self.ws.min_column)}{self.ws.min_row}:" \
               f"{get_column_letter(columns)}{rows}"
        if rows > MAX_ROWS:
            raise WorkbookError(f"sheet {self.title!r} spans {rows:,} rows ({span}); SAT Tool "
                                f"reads at most {MAX_ROWS:,} rows a sheet")
        if columns > MAX_COLUMNS:
            raise WorkbookError(f"sheet {self.title!r} spans {columns:,} columns ({span}); SAT "
                                f"Tool reads at most {MAX_COLUMNS:,} columns a sheet")

    def rows(self) -> Iterator[tuple[int, _Row]]:
        """The rows, in file order; the merged ranges are known once this is exhausted."""
        self.check_size()
        try:
            source = self.ws._get_source()  # the sheet part, opened in the zip by openpyxl
        except Exception as exc:  # noqa: BLE001 - a missing or damaged part
            raise WorkbookError(f"{self.name}: sheet {self.title!r} cannot be read "
                                f"({_cause(exc)})") from None
        with source:
            parser = _SheetParser(source, self.book, self.ws._shared_strings, self.title)
            try:
                yield from parser.parse()
            except (_Refusal, WorkbookError) as exc:
                raise WorkbookError(str(exc)) from None
            except DefusedXmlException as exc:
                raise _unsafe(self.name, exc) from None
            except Exception as exc:  # noqa: BLE001 - damaged XML, bad references …
                raise WorkbookError(f"{self.name}: sheet {self.title!r} cannot be read "
                                    f"({_cause(exc)})") from None
            merges = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
            for merge in merges:
                try:
                    self.merged.append(range_boundaries(merge.ref))
                except (TypeError, ValueError):
                    raise WorkbookError(f"{self.name}: sheet {self.title!r} has a damaged merged "
                                        f"range {merge.ref!r}") from None

    def where(self, row: int, column: int) -> str:
        return f"sheet {self.title!r}, row {row}, column {get_column_letter(column)}"

    def value(self, cells: _Row, row: int, column: int) -> Any:
        """A cell's value; a formula without a saved result is refused, naming the cell."""
        cell = cells.get(column)
        if cell is None:
            return None
        if cell.formula is not None and cell.value is None:
            shown = cell.formula if len(cell.formula) > 1 else "(a shared formula)"
            if len(shown) > 60:
                shown = shown[:57] + "…"
            raise WorkbookError(
                f"{self.where(row, column)}: the formula {shown} has no saved result, so SAT Tool "
                "cannot tell its value (open and save the workbook in Excel or LibreOffice, or type "
                "the value instead)")
        return cell.value

    def merge_over(self, row: int, column: int) -> tuple[int, int, int, int] | None:
        """The merged range covering a cell other than its first, if any."""
        for merge in self.merged:
            first_col, first_row, last_col, last_row = merge
            if (first_col <= column <= last_col and first_row <= row <= last_row
                    and (row, column) != (first_row, first_col)):
                return merge
        return None

    def covered(self, rows: list[int], columns: set[int]) -> tuple[int, int, str] | None:
        """The first cell of ``rows`` × ``columns`` hidden under a merge (row, column, range).

        ``rows`` is sorted. Only cells other than a merge's first are hidden.
        """
        for first_col, first_row, last_col, last_row in self.merged:
            used = sorted(c for c in columns if first_col <= c <= last_col)
            if not used:
                continue
            start = bisect.bisect_left(rows, first_row)
            for row in rows[start:]:
                if row > last_row:
                    break
                hidden = [c for c in used if (row, c) != (first_row, first_col)]
                if hidden:
                    ref = f"{get_column_letter(first_col)}{first_row}:" \
                          f"{get_column_letter(last_col)}{last_row}"
                    return row, hidden[0], ref
        return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _rating(sheet: _Sheet, cells: _Row, row: int, column: int) -> Rating | None:
    value = sheet.value(cells, row, column)
    if _blank(value):
        return None
    if not isinstance(value, str):
        raise WorkbookError(f"{sheet.where(row, column)}: {value!r} is not a rating ({_RATINGS})")
    try:
        return Rating.parse(value)
    except ValueError:
        raise WorkbookError(f"{sheet.where(row, column)}: {value.strip()!r} is not a rating "
                            f"({_RATINGS})") from None


def _refuse_merged(sheet: _Sheet, rows: list[int], columns: set[int]) -> None:
    """Refuse cells of the table that a merge hides (they would read as blank)."""
    hidden = sheet.covered(rows, columns)
    if hidden is not None:
        row, column, ref = hidden
        raise WorkbookError(f"{sheet.where(row, column)}: the cells {ref} are merged, so this one "
                            "reads as empty; unmerge them and fill in each cell")


# ---------------------------------------------------------------- exported workbooks


def _exported(book: Any, name: str) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    case, snapshots = _stored_case(_Sheet(book, book[DATA_SHEET], name), name)
    titles = book.sheetnames
    for index, matrix in enumerate(case.matrices, 1):
        title = next((t for t in titles if t.startswith(f"M{index} ") or t == f"M{index}"), None)
        if title is not None:
            _apply_edited_ratings(_Sheet(book, book[title], name), case, matrix)
    return case, snapshots


def _stored_case(sheet: _Sheet, name: str) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """The case bundle kept in the hidden data sheet: a marker, a count, then the chunks."""
    marker: Any = None
    count: Any = None
    chunks: list[str] = []
    damaged = f"{name}: sheet {DATA_SHEET!r} is damaged"
    for row, cells in sheet.rows():
        cell = cells.get(1)
        value = cell.value if cell is not None else None
        if row == 1:
            marker = value
        elif row == 2:
            count = value
        elif isinstance(count, int) and 3 <= row < 3 + count:
            if not isinstance(value, str) or row != 3 + len(chunks):
                raise WorkbookError(f"{damaged} (a part of the case is missing)")
            chunks.append(value)
    if marker != DATA_MARKER or not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise WorkbookError(f"{damaged} (its marker is missing)")
    if len(chunks) != count:
        raise WorkbookError(f"{damaged} (a part of the case is missing)")
    try:
        return loads_bundle_with_snapshots("".join(chunks), name=DATA_SHEET)
    except BundleError as exc:
        problem = str(exc)
        if problem.startswith(f"{DATA_SHEET}: "):
            problem = problem[len(DATA_SHEET) + 2:]
        raise WorkbookError(f"{name}: the case stored in the workbook is damaged ({problem})") from None


def _apply_edited_ratings(sheet: _Sheet, case: Case, matrix: Matrix) -> None:
    """Ratings typed into an exported matrix sheet since the export replace the stored ones
    (the sheet laid out either way: evidence down, or hypotheses down the side)."""
    labels = {case.evidence_item(r.evidence_id).label: r.evidence_id for r in matrix.rows}
    header: int | None = None
    columns: dict[int, Hypothesis] = {}
    rated_rows: list[int] = []
    for row, cells in sheet.rows():
        if header is None:
            heading = str(cells[1].value if 1 in cells else "").strip().lower()
            if row <= 10 and heading == "hypothesis":
                _apply_transposed_ratings(sheet, matrix, labels, row)
                return
            if row <= 10 and heading == "evidence":
                header = row
                columns = _hypothesis_columns(cells, matrix)
            continue
        label = cells.get(1)
        eid = labels.get(str(label.value if label is not None else "").strip()) if label else None
        if eid is None:
            continue
        rated_rows.append(row)
        for column, hyp in columns.items():
            _edited(matrix, (eid, hyp.id), _rating(sheet, cells, row, column))
    _refuse_merged(sheet, rated_rows, set(columns))


def _edited(matrix: Matrix, cell: tuple[EvidenceId, HypothesisId], rating: Rating | None) -> None:
    """A rating read from an exported sheet: it replaces the stored one when it differs (the
    rationale stays), and a blank clears the cell."""
    current = matrix.ratings.get(cell)
    if rating is None and current is not None:
        del matrix.ratings[cell]
    elif rating is not None and (current is None or current.rating is not rating):
        matrix.ratings[cell] = Assessment(rating, "edited in Excel", current.rationale if current else "")


def _apply_transposed_ratings(sheet: _Sheet, matrix: Matrix, labels: dict[str, EvidenceId],
                              header: int) -> None:
    """Ratings typed into a transposed matrix sheet: a row per hypothesis (``H<n>: …`` in the
    first column), a column per evidence item headed by its label."""
    columns: dict[int, EvidenceId] = {}
    rated_rows: list[int] = []
    for row, cells in sheet.rows():
        if row == header:
            columns = {column: labels[str(cell.value).strip()] for column, cell in cells.items()
                       if column > 1 and str(cell.value).strip() in labels}
            continue
        if row < header:
            continue
        found = _hypothesis_columns({1: cells[1]} if 1 in cells else {}, matrix)
        hyp = found.get(1)
        if hyp is None:
            continue
        rated_rows.append(row)
        for column, eid in columns.items():
            _edited(matrix, (eid, hyp.id), _rating(sheet, cells, row, column))
    _refuse_merged(sheet, rated_rows, set(columns))


def _hypothesis_columns(cells: _Row, matrix: Matrix) -> dict[int, Hypothesis]:
    """Columns headed ``H<n>: …``, by the hypothesis they rate."""
    columns = {}
    for column, cell in cells.items():
        value = cell.value
        if isinstance(value, str) and value[:1] == "H" and ":" in value:
            label = value.split(":", 1)[0]
            position = int(label[1:]) - 1 if label[1:].isdigit() else -1
            if 0 <= position < len(matrix.hypotheses):
                columns[column] = matrix.hypotheses[position]
    return columns


# ---------------------------------------------------------------- hand-made sheets


def _hand_made(book: Any, path: Path) -> Case:
    case = Case(CaseId(0), path.stem, str(uuid.uuid4()),
                f"Imported from the workbook {path.name}.")
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue
        matrix = _HandMadeSheet(_Sheet(book, ws, path.name), case,
                                MatrixId(len(case.matrices) + 1)).read()
        if matrix is not None:
            case.matrices.append(matrix)
    if not case.matrices:
        raise WorkbookError(f"{path.name} has no sheet with a matrix: put evidence in the first "
                            "column and hypotheses in the first row")
    return case


class _HandMadeSheet:
    """One hand-made sheet read as a matrix, in a single pass over its rows."""

    def __init__(self, sheet: _Sheet, case: Case, matrix_id: MatrixId) -> None:
        self.sheet, self.case, self.matrix_id = sheet, case, matrix_id
        self.matrix = Matrix(matrix_id, sheet.title)
        self.described: dict[int, str] = {}
        self.hypotheses: dict[int, Hypothesis] = {}
        self.evidence: list[Evidence] = []
        self.evidence_rows: list[int] = []
        self.stray: tuple[int, int, Any] | None = None
        """The first value found under an empty header: refused once the merges are known."""

    def read(self) -> Matrix | None:
        """The matrix, or None when the sheet is empty."""
        sheet = self.sheet
        stream = sheet.rows()
        first = next(stream, None)
        header: _Row = first[1] if first is not None and first[0] == 1 else {}
        rows = itertools.chain([first] if first is not None and first[0] != 1 else [], stream)
        self._headers(header)
        if not self.hypotheses:
            if any(not _blank(sheet.value(header, 1, c)) for c in header):
                raise self._no_hypotheses()
            for row, cells in rows:
                if any(not _blank(sheet.value(cells, row, c)) for c in cells):
                    raise self._no_hypotheses()
            return None  # an empty sheet
        for row, cells in rows:  # after a stray value, read on only to learn the merged ranges
            if self.stray is None:
                self._row(row, cells)
        if self.stray is not None:
            raise self._stray_value()
        _refuse_merged(sheet, self.evidence_rows, {1, *self.described, *self.hypotheses})
        if not self.matrix.rows:
            raise WorkbookError(f"sheet {sheet.title!r}: no evidence found (expected one item per "
                                "row in the first column, below the headers)")
        self.case.evidence.extend(self.evidence)
        return self.matrix

    def _no_hypotheses(self) -> WorkbookError:
        return WorkbookError(f"sheet {self.sheet.title!r}, row 1: no hypotheses found (expected "
                             "their names across the first row, after the evidence column)")

    def _headers(self, header: _Row) -> None:
        for column in sorted(header):
            value = self.sheet.value(header, 1, column)
            if column == 1 or _blank(value):
                continue
            text = str(value).strip()
            if text.lower() in DESCRIPTIVE:
                self.described[column] = DESCRIPTIVE[text.lower()]
            else:
                hyp = Hypothesis(HypothesisId(self.matrix_id * 100_000 + len(self.hypotheses) + 1),
                                 text)
                self.hypotheses[column] = hyp
                self.matrix.hypotheses.append(hyp)

    def _row(self, row: int, cells: _Row) -> None:
        sheet = self.sheet
        for column in sorted(cells):
            value = sheet.value(cells, row, column)
            if (column != 1 and column not in self.hypotheses and column not in self.described
                    and not _blank(value)):
                self.stray = (row, column, value)
                return
        text = sheet.value(cells, row, 1)
        if _blank(text):
            rated = next((c for c in sorted(cells) if c in self.hypotheses
                          and not _blank(cells[c].value)), None)
            if rated is not None:
                raise WorkbookError(f"{sheet.where(row, 1)}: ratings without an evidence item "
                                    "(expected the evidence text in the first column)")
            return
        number = len(self.case.evidence) + len(self.evidence) + 1
        item, relevance = self._evidence(row, cells, number, str(text).strip())
        self.evidence.append(item)
        self.evidence_rows.append(row)
        self.matrix.rows.append(MatrixRow(item.id, relevance))
        for column, hyp in self.hypotheses.items():
            rating = _rating(sheet, cells, row, column)
            if rating is not None:
                self.matrix.ratings[(item.id, hyp.id)] = Assessment(rating, "imported from Excel")

    def _stray_value(self) -> WorkbookError:
        row, column, value = self.stray  # type: ignore[misc]
        shown = value.strip() if isinstance(value, str) else value
        merge = self.sheet.merge_over(1, column)
        where = self.sheet.where(row, column)
        if merge is not None:
            first_col, first_row, last_col, last_row = merge
            ref = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
            head = self.hypotheses.get(first_col)
            named = f" {head.title!r}" if head is not None else ""
            return WorkbookError(f"{where}: {shown!r} is under the merged header{named} ({ref}), "
                                 "which names no hypothesis of its own; unmerge the header and "
                                 "name each hypothesis in its own cell")
        return WorkbookError(f"{where}: {shown!r} is under an empty header (expected a hypothesis "
                             "name in row 1 above it, or nothing in this column)")

    def _evidence(self, row: int, cells: _Row, number: int, text: str) -> tuple[Evidence, Level]:
        sheet = self.sheet
        item = Evidence(EvidenceId(number), number, text)
        relevance = Level.MEDIUM
        for column, field in self.described.items():
            value = sheet.value(cells, row, column)
            if _blank(value):
                continue
            value = str(value).strip()
            try:
                if field == "credibility":
                    item.credibility = Level.parse(value)
                elif field == "relevance":
                    relevance = Level.parse(value)
                elif field == "type":
                    item.type = EvidenceType.parse(value)
            except ValueError as exc:
                raise WorkbookError(f"{sheet.where(row, column)}: {exc}") from None
            if field == "date":
                item.date = value[:10]
            elif field == "notes":
                item.notes = value
            elif field == "source":
                item.notes = (item.notes + "\n" if item.notes else "") + f"Source: {value}"
        return item, relevance
