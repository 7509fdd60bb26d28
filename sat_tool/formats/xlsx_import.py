"""Reading cases from Excel workbooks.

Two kinds of workbook are read:

* **A workbook SAT Tool exported.** Its hidden data sheet holds the whole case,
  so nothing is lost; ratings changed in the visible matrix sheets since the
  export are then applied on top, so an analyst can rate in Excel and bring the
  changes back.
* **A sheet an analyst made by hand.** Its layout is found from its first rows
  (:mod:`sat_tool.formats.sheet_layout`): a title block or blank rows above the
  headers, a row of score formulas under them, columns for the evidence, its
  credibility (or reliability), relevance (or weight), type, date, source,
  notes, category and number under the names people use, and one column per
  hypothesis holding ratings as codes or words. Rows of totals or scores are
  skipped, and sheets of formulas derived from another sheet are recognised
  and left out. :func:`survey_workbook` reports how each sheet was read, and
  takes the user's choice of sheets, header row and column roles.

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
import datetime
import uuid
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    ScoringMode,
    Source,
    SourceId,
    valid_date,
)
from sat_tool.domain.snapshots import Snapshot
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.formats import open_limited
from sat_tool.formats.bundle import BundleError, loads_bundle_with_snapshots
from sat_tool.formats.sheet_layout import (
    HEADER_SEARCH_ROWS,
    SAMPLE_ROWS,
    SCORE_LABELS,
    Cell,
    Role,
    SheetLayout,
    _layout,
    derived_from,
    is_rating,
    propose,
    read_level,
    read_rating,
)
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

SAMPLES = 3
"""Values of each column kept to show in a preview."""

NOT_CHOSEN = QT_TRANSLATE_NOOP("XlsxImport", "not chosen")
"""The :attr:`SheetReport.skipped` of a sheet left out of the user's choice, in English (it is
compared as it is; translate it in the context "XlsxImport" to show it)."""

_ROLE_WORDS = {
    Role.EVIDENCE: QT_TRANSLATE_NOOP("XlsxImport", "evidence"),
    Role.HYPOTHESIS: QT_TRANSLATE_NOOP("XlsxImport", "hypothesis"),
    Role.CREDIBILITY: QT_TRANSLATE_NOOP("XlsxImport", "credibility"),
    Role.RELEVANCE: QT_TRANSLATE_NOOP("XlsxImport", "relevance"),
    Role.TYPE: QT_TRANSLATE_NOOP("XlsxImport", "type"),
    Role.DATE: QT_TRANSLATE_NOOP("XlsxImport", "date"),
    Role.SOURCE: QT_TRANSLATE_NOOP("XlsxImport", "sources"),
    Role.NOTES: QT_TRANSLATE_NOOP("XlsxImport", "notes"),
    Role.CATEGORY: QT_TRANSLATE_NOOP("XlsxImport", "category, kept in the notes"),
    Role.NUMBER: QT_TRANSLATE_NOOP("XlsxImport",
                                   "numbers, kept as the items' labels where they are unique"),
    Role.IGNORE: QT_TRANSLATE_NOOP("XlsxImport", "not read (SAT Tool has no field for it)"),
}
"""What a column is read as, in the words of the import report (in English)."""


class WorkbookError(ValueError):
    """A workbook that cannot be imported; the message names sheet, row and column."""


class ExportedWorkbook(WorkbookError):
    """A workbook SAT Tool exported, offered where a hand-made one is read with choices."""


def _mib(size: int) -> str:
    return translate("XlsxImport", "{count} MiB").format(count=size // MIB)


# ---------------------------------------------------------------- the package


def check_package(source: Path | BinaryIO, name: str | None = None) -> None:
    """Refuse, before parsing, a file that is not a sane .xlsx package.

    ``source`` is a path (checked to be a regular file of at most
    :data:`MAX_FILE_BYTES`) or an open binary file.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        with open_limited(path, MAX_FILE_BYTES, QT_TRANSLATE_NOOP("Formats", "workbooks"),
                          WorkbookError) as handle:
            check_package(handle, path.name)
        return
    name = name or translate("XlsxImport", "the workbook")
    try:
        with zipfile.ZipFile(source) as package:
            members = package.infolist()
            names = set(package.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise WorkbookError(translate("XlsxImport", "{file} is not an Excel workbook (.xlsx)").format(
            file=name)) from None
    except OSError as exc:
        raise WorkbookError(translate("XlsxImport", "cannot read {file}: {reason}").format(
            file=name, reason=exc.strerror or exc)) from None
    if "[Content_Types].xml" not in names:
        raise WorkbookError(translate("XlsxImport", "{file} is a zip file but not an Excel workbook"
                                      ).format(file=name))
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(translate("XlsxImport", "{file} holds {count} parts: refused as malformed"
                                      ).format(file=name, count=len(members)))
    unpacked = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    largest = max(members, key=lambda m: m.file_size, default=None)
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO and unpacked > 10_000_000:
        raise WorkbookError(translate(
            "XlsxImport", "{file} would expand to {size}: refused as a possible zip bomb").format(
                file=name, size=_mib(unpacked)))
    if largest is not None and largest.file_size > MAX_PART_BYTES:
        raise WorkbookError(translate(
            "XlsxImport", "{file}: its part {part} would expand to {size}, more than the {most} "
            "SAT Tool reads: refused as a possible zip bomb").format(
                file=name, part=largest.filename, size=_mib(largest.file_size),
                most=_mib(MAX_PART_BYTES)))


def read_workbook(path: Path, choice: ImportChoice | None = None,
                  report: list[str] | None = None) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """A case (and its snapshots) from a workbook; :class:`WorkbookError` if it cannot be read.

    A hand-made workbook is read as ``choice`` says (or as its layout suggests), and the
    sentences saying how each sheet was read are added to ``report``.
    """
    path = Path(path)
    with _opened(path) as book:
        if DATA_SHEET in book.sheetnames:
            return _exported(book, path.name)
        case, found = _hand_made(book, path, choice)
        if report is not None:
            report.extend(found.lines())
        return case, {}


@contextmanager
def _opened(path: Path) -> Iterator[Any]:
    """A workbook checked and opened read-only, openpyxl's warnings kept off the terminal; an
    export that has lost its data sheet is refused here, before anyone reads it by hand."""
    with open_limited(path, MAX_FILE_BYTES, QT_TRANSLATE_NOOP("Formats", "workbooks"),
                      WorkbookError) as handle:
        check_package(handle, path.name)
        handle.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on features it does not keep
            book = _open(handle, path.name)
            try:
                if DATA_SHEET not in book.sheetnames and \
                        {"Case", "Evidence", "Sources"} <= set(book.sheetnames):
                    raise WorkbookError(translate(
                        "XlsxImport", "{file} looks like a SAT Tool export that has lost the hidden "
                        "sheet {sheet!r} holding the case; export the case again, or copy a matrix "
                        "sheet into a new workbook to import it by hand").format(
                            file=path.name, sheet=DATA_SHEET))
                yield book
            finally:
                book.close()


def _open(handle: BinaryIO, name: str) -> Any:
    try:
        return load_workbook(handle, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on damaged files  # noqa: BLE001
        unsafe = _defused(exc)
        if unsafe is not None:
            raise _unsafe(name, unsafe) from None
        raise WorkbookError(translate(
            "XlsxImport", "{file} is not a readable Excel workbook ({problem})").format(
                file=name, problem=_cause(exc))) from None


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
    return WorkbookError(translate(
        "XlsxImport", "{file} declares XML entities, which SAT Tool refuses for safety: it may "
        "be an XML bomb or reach for other files").format(file=name))


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
                raise ValueError(translate("XlsxImport", "{number} is not a valid row number").format(
                    number=number))
            self.row_counter = int(value)
        else:
            self.row_counter += 1
        if self.row_counter > MAX_ROWS:
            raise _Refusal(translate(
                "XlsxImport", "sheet {sheet!r} has a cell in row {row}; SAT Tool reads at most "
                "{most} rows a sheet").format(sheet=self.title, row=f"{self.row_counter:,}",
                                              most=f"{MAX_ROWS:,}"))
        self.col_counter = 0
        cells: _Row = {}
        for element in row:
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise _Refusal(translate(
                    "XlsxImport", "sheet {sheet!r} holds more than {most} cells, the most SAT Tool "
                    "reads in a sheet").format(sheet=self.title, most=f"{MAX_CELLS:,}"))
            found = self.parse_cell(element)
            column = found["column"]
            if column > MAX_COLUMNS:
                raise _Refusal(translate(
                    "XlsxImport", "sheet {sheet!r} has a cell in column {letter} (column {column}); "
                    "SAT Tool reads at most {most} columns a sheet").format(
                        sheet=self.title, letter=get_column_letter(column), column=f"{column:,}",
                        most=f"{MAX_COLUMNS:,}"))
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
            raise WorkbookError(translate(
                "XlsxImport", "sheet {sheet!r} spans {rows} rows ({span}); SAT Tool reads at most "
                "{most} rows a sheet").format(sheet=self.title, rows=f"{rows:,}", span=span,
                                              most=f"{MAX_ROWS:,}"))
        if columns > MAX_COLUMNS:
            raise WorkbookError(translate(
                "XlsxImport", "sheet {sheet!r} spans {columns} columns ({span}); SAT Tool reads at "
                "most {most} columns a sheet").format(sheet=self.title, columns=f"{columns:,}",
                                                      span=span, most=f"{MAX_COLUMNS:,}"))

    def rows(self) -> Iterator[tuple[int, _Row]]:
        """The rows, in file order; the merged ranges are known once this is exhausted."""
        self.check_size()
        try:
            source = self.ws._get_source()  # the sheet part, opened in the zip by openpyxl
        except Exception as exc:  # noqa: BLE001 - a missing or damaged part
            raise self._unreadable(exc) from None
        with source:
            parser = _SheetParser(source, self.book, self.ws._shared_strings, self.title)
            try:
                yield from parser.parse()
            except (_Refusal, WorkbookError) as exc:
                raise WorkbookError(str(exc)) from None
            except DefusedXmlException as exc:
                raise _unsafe(self.name, exc) from None
            except Exception as exc:  # noqa: BLE001 - damaged XML, bad references …
                raise self._unreadable(exc) from None
            merges = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
            for merge in merges:
                try:
                    self.merged.append(range_boundaries(merge.ref))
                except (TypeError, ValueError):
                    raise WorkbookError(translate(
                        "XlsxImport", "{file}: sheet {sheet!r} has a damaged merged range {range!r}"
                    ).format(file=self.name, sheet=self.title, range=merge.ref)) from None

    def _unreadable(self, exc: BaseException) -> WorkbookError:
        return WorkbookError(translate(
            "XlsxImport", "{file}: sheet {sheet!r} cannot be read ({problem})").format(
                file=self.name, sheet=self.title, problem=_cause(exc)))

    def where(self, row: int, column: int) -> str:
        return translate("XlsxImport", "sheet {sheet!r}, row {row}, column {column}").format(
            sheet=self.title, row=row, column=get_column_letter(column))

    def value(self, cells: _Row, row: int, column: int) -> Any:
        """A cell's value; a formula without a saved result is refused, naming the cell."""
        cell = cells.get(column)
        if cell is None:
            return None
        if cell.formula is not None and cell.value is None:
            shown = (cell.formula if len(cell.formula) > 1
                     else translate("XlsxImport", "(a shared formula)"))
            if len(shown) > 60:
                shown = shown[:57] + "…"
            raise WorkbookError(translate(
                "XlsxImport", "{where}: the formula {formula} has no saved result, so SAT Tool "
                "cannot tell its value (open and save the workbook in Excel or LibreOffice, or type "
                "the value instead)").format(where=self.where(row, column), formula=shown))
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
        raise _not_a_rating(sheet.where(row, column), value)
    try:
        return read_rating(value)
    except ValueError:
        raise _not_a_rating(sheet.where(row, column), value.strip()) from None


def _not_a_rating(where: str, value: Any) -> WorkbookError:
    return WorkbookError(translate(
        "XlsxImport", "{where}: {value!r} is not a rating (expected CC, C, N, I, II or NA)").format(
            where=where, value=value))


def _refuse_merged(sheet: _Sheet, rows: list[int], columns: set[int]) -> None:
    """Refuse cells of the table that a merge hides (they would read as blank)."""
    hidden = sheet.covered(rows, columns)
    if hidden is not None:
        row, column, ref = hidden
        raise WorkbookError(translate(
            "XlsxImport", "{where}: the cells {range} are merged, so this one reads as empty; "
            "unmerge them and fill in each cell").format(where=sheet.where(row, column), range=ref))


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
    missing = translate(
        "XlsxImport", "{file}: sheet {sheet!r} is damaged (a part of the case is missing)").format(
            file=name, sheet=DATA_SHEET)
    for row, cells in sheet.rows():
        cell = cells.get(1)
        value = cell.value if cell is not None else None
        if row == 1:
            marker = value
        elif row == 2:
            count = value
        elif isinstance(count, int) and 3 <= row < 3 + count:
            if not isinstance(value, str) or row != 3 + len(chunks):
                raise WorkbookError(missing)
            chunks.append(value)
    if marker != DATA_MARKER or not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise WorkbookError(translate(
            "XlsxImport", "{file}: sheet {sheet!r} is damaged (its marker is missing)").format(
                file=name, sheet=DATA_SHEET))
    if len(chunks) != count:
        raise WorkbookError(missing)
    try:
        return loads_bundle_with_snapshots("".join(chunks), name=DATA_SHEET)
    except BundleError as exc:
        problem = str(exc)
        if problem.startswith(f"{DATA_SHEET}: "):
            problem = problem[len(DATA_SHEET) + 2:]
        raise WorkbookError(translate(
            "XlsxImport", "{file}: the case stored in the workbook is damaged ({problem})").format(
                file=name, problem=problem)) from None


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


@dataclass(frozen=True)
class ImportChoice:
    """What the user chose in a preview: the sheets to import (by title; empty: every sheet
    that is a matrix) and, per sheet, a header row and roles for some columns (under the
    title ``""``: for every sheet)."""

    sheets: tuple[str, ...] = ()
    header_rows: dict[str, int] = field(default_factory=dict)
    roles: dict[str, dict[int, Role]] = field(default_factory=dict)


@dataclass
class SheetReport:
    """What one sheet was read as: a matrix with its layout, or skipped with the reason."""

    title: str
    layout: SheetLayout | None = None
    skipped: str = ""
    evidence_rows: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    samples: dict[int, list[str]] = field(default_factory=dict)
    """The first few values of each column below the headers, as text, to show in a preview."""

    @property
    def is_matrix(self) -> bool:
        return self.layout is not None and not self.skipped


@dataclass
class WorkbookReport:
    """The reading of a hand-made workbook, sheet by sheet, in sentences for the user."""

    name: str
    sheets: list[SheetReport] = field(default_factory=list)

    @property
    def matrices(self) -> list[SheetReport]:
        return [s for s in self.sheets if s.is_matrix]

    def lines(self) -> list[str]:
        out = []
        for sheet in self.sheets:
            if not sheet.is_matrix:
                reason = (translate("XlsxImport", NOT_CHOSEN) if sheet.skipped == NOT_CHOSEN
                          else sheet.skipped)
                out.append(translate("XlsxImport", "Sheet {sheet!r} skipped: {reason}.").format(
                    sheet=sheet.title, reason=reason))
                continue
            assert sheet.layout is not None
            out.append(translate("XlsxImport", "Sheet {sheet!r}: {layout}; {rows} evidence rows."
                                 ).format(sheet=sheet.title, layout=describe_layout(sheet.layout),
                                          rows=len(sheet.evidence_rows)))
            out.extend(sheet.notes)
        return out


def describe_layout(layout: SheetLayout) -> str:
    """The layout in words: the header row and what each column is read as."""
    parts = [translate("XlsxImport", "headers in row {row}").format(row=layout.header_row)]
    for index, col in sorted(layout.columns.items()):
        letter = get_column_letter(index)
        if col.role is Role.HYPOTHESIS:
            continue
        what = translate("XlsxImport", _ROLE_WORDS[col.role])
        if col.role is Role.IGNORE and col.displaced_by:
            what = translate("XlsxImport", "not read: column {letter} holds the {role}, as "
                             "chosen").format(letter=get_column_letter(col.displaced_by),
                                              role=translate("XlsxImport", _ROLE_WORDS[
                                                  layout.columns[col.displaced_by].role]))
        elif col.role is Role.IGNORE and col.chosen:
            what = translate("XlsxImport", "not read, as chosen")
        header = col.header or translate("XlsxImport", "no header")
        scale = layout.scales.get(index)
        if scale is not None:
            parts.append(translate("XlsxImport", "column {letter} ({header}) {what} as {scale}").format(
                letter=letter, header=header, what=what, scale=scale.shown_text))
        else:
            parts.append(translate("XlsxImport", "column {letter} ({header}) {what}").format(
                letter=letter, header=header, what=what))
    hyps = layout.of(Role.HYPOTHESIS)
    if len(hyps) == 1:
        parts.append(translate("XlsxImport", "1 hypothesis in column {span}").format(
            span=get_column_letter(hyps[0])))
    elif hyps:
        parts.append(translate("XlsxImport", "{count} hypotheses in columns {span}").format(
            count=len(hyps), span=f"{get_column_letter(hyps[0])}–{get_column_letter(hyps[-1])}"))
    return ", ".join(parts)


def survey_workbook(path: Path, choice: ImportChoice | None = None) -> tuple[Case, WorkbookReport]:
    """Read a hand-made workbook as ``choice`` says (or as proposed), with the report of how it
    was read; :class:`WorkbookError` if it cannot be. Nothing is written anywhere."""
    path = Path(path)
    with _opened(path) as book:
        if DATA_SHEET in book.sheetnames:
            raise ExportedWorkbook(translate(
                "XlsxImport", "{file} is a SAT Tool export: import it as it is, without choosing "
                "sheets or columns").format(file=path.name))
        return _hand_made(book, path, choice or ImportChoice())


def _hand_made(book: Any, path: Path, choice: ImportChoice | None = None
               ) -> tuple[Case, WorkbookReport]:
    choice = choice or ImportChoice()
    case = Case(CaseId(0), path.stem, str(uuid.uuid4()),
                f"Imported from the workbook {path.name}.")
    report = WorkbookReport(path.name)
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    unknown = [s for s in choice.sheets if s not in [ws.title for ws in visible]]
    if unknown:
        raise WorkbookError(translate(
            "XlsxImport", "{file} has no visible sheet {sheet!r} (its sheets: {sheets})").format(
                file=path.name, sheet=unknown[0], sheets=", ".join(repr(ws.title) for ws in visible)))
    first_problem: WorkbookError | None = None
    for ws in visible:
        sheet = _Sheet(book, ws, path.name)
        found = SheetReport(ws.title)
        report.sheets.append(found)
        if choice.sheets and ws.title not in choice.sheets:
            found.skipped = NOT_CHOSEN
            continue
        header = choice.header_rows.get(ws.title, choice.header_rows.get(""))
        roles = {**choice.roles.get("", {}), **choice.roles.get(ws.title, {})}
        reader = _HandMadeSheet(sheet, case, MatrixId(len(case.matrices) + 1), found, header,
                                roles, forced=ws.title in choice.sheets,
                                own_choice=ws.title in choice.roles
                                or ws.title in choice.header_rows)
        try:
            matrix = reader.read()
        except _NotAMatrix as exc:
            found.skipped = str(exc)
            if first_problem is None and exc.problem is not None:
                first_problem = exc.problem
            if ws.title in choice.sheets and exc.problem is not None:
                raise exc.problem from None
            continue
        if matrix is not None:
            case.matrices.append(matrix)
    if not case.matrices:
        if first_problem is not None:
            raise first_problem
        raise WorkbookError(translate(
            "XlsxImport", "{file} has no sheet with a matrix: put evidence in the first column and "
            "hypotheses in the first row").format(file=path.name))
    return case, report


class _NotAMatrix(Exception):
    """A sheet that is no matrix: its text is the reason given in the report; ``problem`` the
    error to raise if no sheet of the workbook turns out to be one."""

    def __init__(self, reason: str, problem: WorkbookError | None = None) -> None:
        super().__init__(reason)
        self.problem = problem


def _formula_or_number(cell: _Cell | None) -> bool:
    if cell is None:
        return False
    if cell.formula is not None:
        return True
    return isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)


class _HandMadeSheet:
    """One hand-made sheet read as a matrix: its first rows are looked at to find the layout,
    then the whole sheet is read in a single pass."""

    def __init__(self, sheet: _Sheet, case: Case, matrix_id: MatrixId, report: SheetReport,
                 header_row: int | None = None, roles: dict[int, Role] | None = None,
                 forced: bool = False, own_choice: bool = False) -> None:
        self.sheet, self.case, self.matrix_id, self.report = sheet, case, matrix_id, report
        self.header_row, self.roles, self.forced = header_row, roles or {}, forced
        self.own_choice = own_choice
        """A header row or roles were chosen for this very sheet (not for every sheet): a
        sheet of formulas over another is then read as the user asks, not skipped."""
        self.matrix = Matrix(matrix_id, sheet.title)
        self.layout: SheetLayout | None = None
        self.hypotheses: dict[int, Hypothesis] = {}
        self.evidence: list[Evidence] = []
        self.evidence_rows: list[int] = []
        self.numbers: list[Any] = []
        self.sources: dict[str, Source] = {}
        self.stray: tuple[int, int, Any] | None = None
        self.unheaded: dict[int, int] = {}
        self.score_rows: dict[int, dict[int, float]] = {}
        self.score_formulas: set[int] = set()
        self.title: str | None = None
        """The first text above the headers (a title block): the matrix's question."""
        """The score rows computed by formulas (rather than numbers typed)."""
        self.problem_dates: list[str] = []

    # -- finding the layout

    def _first_rows(self) -> list[tuple[int, dict[int, Cell]]]:
        wanted = HEADER_SEARCH_ROWS + SAMPLE_ROWS
        rows: list[tuple[int, dict[int, Cell]]] = []
        for row, cells in self.sheet.rows():
            if cells:
                rows.append((row, {c: Cell(v.value, v.formula) for c, v in cells.items()}))
            if len(rows) >= wanted:
                break
        return rows

    def _find_layout(self) -> SheetLayout:
        rows = self._first_rows()
        title = self.sheet.title
        if not rows or not any(cell.value not in (None, "") or cell.formula
                               for _, cells in rows for cell in cells.values()):
            raise _NotAMatrix(translate("XlsxImport", "empty"))
        source = derived_from(rows)
        if source is not None and not (self.forced or self.own_choice):
            raise _NotAMatrix(translate(
                "XlsxImport", "its cells are formulas over the sheet {sheet!r}, which they copy or "
                "score").format(sheet=source))
        if self.header_row is not None:
            chosen = [(r, cells) for r, cells in rows if r == self.header_row]
            if not chosen:
                raise WorkbookError(translate(
                    "XlsxImport", "sheet {sheet!r}, row {row}: the header row chosen is empty"
                ).format(sheet=title, row=self.header_row))
            texts = {c: str(cell.value).strip() for c, cell in chosen[0][1].items()
                     if cell.value not in (None, "")}
            layout = _layout(self.header_row, texts,
                             [(r, cells) for r, cells in rows if r > self.header_row], True)
            if layout is None:
                raise WorkbookError(translate(
                    "XlsxImport", "sheet {sheet!r}, row {row}: no hypotheses found in the header "
                    "row chosen").format(sheet=title, row=self.header_row))
        else:
            layout = propose(rows)
        if layout is None:
            problem = WorkbookError(translate(
                "XlsxImport", "sheet {sheet!r}, row 1: no hypotheses found (expected their names "
                "across the first row, after the evidence column)").format(sheet=title))
            raise _NotAMatrix(translate("XlsxImport", "no column of ratings under a row of headers"),
                              problem)
        if self.roles:
            seen = max((c for _, cells in rows for c in cells), default=0)
            last = max(self.sheet.ws.max_column or 0, seen)
            beyond = [c for c in sorted(self.roles) if c > last]
            if beyond:
                raise WorkbookError(translate(
                    "XlsxImport", "sheet {sheet!r} has no column {letter}: its last column is "
                    "{last}").format(sheet=title, letter=get_column_letter(beyond[0]),
                                     last=get_column_letter(last)))
            try:
                layout = layout.with_roles(self.roles)
            except ValueError as exc:
                raise WorkbookError(translate("XlsxImport", "sheet {sheet!r}: {problem}").format(
                    sheet=title, problem=exc)) from None
        if layout.evidence is None:
            raise WorkbookError(translate(
                "XlsxImport", "sheet {sheet!r}: no column holds the evidence (give one the "
                "evidence role)").format(sheet=title))
        if not layout.of(Role.HYPOTHESIS):
            raise WorkbookError(translate(
                "XlsxImport", "sheet {sheet!r}: no column holds a hypothesis (give one the "
                "hypothesis role)").format(sheet=title))
        return layout

    # -- reading

    def read(self) -> Matrix | None:
        """The matrix; _NotAMatrix when the sheet is none (with the reason)."""
        layout = self.layout = self._find_layout()
        self.report.layout = layout
        sheet = self.sheet
        for column in layout.of(Role.HYPOTHESIS):
            hyp = Hypothesis(HypothesisId(self.matrix_id * 100_000 + len(self.hypotheses) + 1),
                             layout.columns[column].header)
            self.hypotheses[column] = hyp
            self.matrix.hypotheses.append(hyp)
        above = 0
        for row, cells in sheet.rows():
            if row < layout.header_row:
                texts = [c.value.strip() for _, c in sorted(cells.items())
                         if isinstance(c.value, str) and c.value.strip()]
                above += bool(texts) or any(not _blank(c.value) for c in cells.values())
                if texts and self.title is None:
                    self.title = " ".join(texts[0].split())[:500]
                continue
            if row == layout.header_row:
                continue
            if self.stray is None:
                self._row(row, cells)
        if self.stray is not None:
            raise self._stray_value()
        used = {c for c, col in layout.columns.items() if col.role is not Role.IGNORE}
        _refuse_merged(sheet, self.evidence_rows, used)
        if not self.matrix.rows:
            raise WorkbookError(translate(
                "XlsxImport", "sheet {sheet!r}: no evidence found (expected one item per row in "
                "column {column}, below the headers)").format(
                    sheet=sheet.title, column=get_column_letter(layout.evidence or 1)))
        self._keep_numbers()
        if self.title:
            self.matrix.question = self.title
        self.case.evidence.extend(self.evidence)
        self.case.sources.extend(self.sources.values())
        self.report.evidence_rows = list(self.evidence_rows)
        self._notes(above)
        return self.matrix

    def _notes(self, above: int) -> None:
        notes = self.report.notes
        if above:
            if self.title and above == 1:
                text = translate("XlsxImport", "1 row above the headers (a title block) skipped; "
                                 "its first line, {title!r}, is the matrix's question.")
            elif self.title:
                text = translate("XlsxImport", "{count} rows above the headers (a title block) "
                                 "skipped; its first line, {title!r}, is the matrix's question.")
            elif above == 1:
                text = translate("XlsxImport", "1 row above the headers (a title block) skipped.")
            else:
                text = translate("XlsxImport", "{count} rows above the headers (a title block) "
                                 "skipped.")
            notes.append("  " + text.format(count=above, title=self.title))
        for column, count in sorted(self.unheaded.items()):
            text = (translate("XlsxImport", "Column {column} has 1 value but no header: not read.")
                    if count == 1 else
                    translate("XlsxImport", "Column {column} has {count} values but no header: "
                              "not read."))
            notes.append("  " + text.format(column=get_column_letter(column), count=count))
        for row, values in sorted(self.score_rows.items()):
            if not values:
                notes.append("  " + translate(
                    "XlsxImport", "Row {row} skipped: a row of totals or scores, whose formulas "
                    "have no saved results.").format(row=row))
                continue
            notes.append("  " + translate("XlsxImport", "Row {row} skipped: {reason}").format(
                row=row, reason=self._score_sentence(values, row in self.score_formulas)))
        for problem in self.problem_dates[:5]:
            notes.append(f"  {problem}")
        if len(self.problem_dates) > 5:
            notes.append("  " + translate("XlsxImport", "{count} more dates kept in the notes."
                                          ).format(count=len(self.problem_dates) - 5))

    def _score_sentence(self, values: dict[int, float], formulas: bool = True) -> str:
        from sat_tool.domain.scoring import score_matrix

        scores = {s.hypothesis_id: s for s in score_matrix(self.case_view(), self.matrix,
                                                           ScoringMode.WEIGHTED).hypotheses}
        theirs = ", ".join(f"{self.hypotheses[c].title} {values[c]:g}" for c in sorted(values)
                           if c in self.hypotheses)
        ours_weighted = [scores[self.hypotheses[c].id].weighted for c in sorted(values)
                         if c in self.hypotheses]
        ours_count = [float(scores[self.hypotheses[c].id].inconsistency) for c in sorted(values)
                      if c in self.hypotheses]
        given = [abs(values[c]) for c in sorted(values) if c in self.hypotheses]
        agree = any(all(abs(a - b) < 0.01 for a, b in zip(given, ours))
                    for ours in (ours_weighted, ours_count))
        parc = " / ".join(f"{s:.3g}" for s in ours_count)
        weighted = " / ".join(f"{s:.3f}" for s in ours_weighted)
        if agree and not formulas:
            text = translate("XlsxImport", "the workbook's own scores ({theirs}) agree in size "
                             "with PARC's (inconsistency {parc}, weighted {weighted}).")
        elif agree:
            text = translate("XlsxImport", "the workbook's own scores ({theirs}) agree in size "
                             "with PARC's for these ratings (inconsistency {parc}, weighted "
                             "{weighted}), though its formulas may score other ratings by rules of "
                             "their own; SAT Tool scores by PARC's.")
        else:
            text = translate("XlsxImport", "the workbook's own scores ({theirs}) follow rules "
                             "other than PARC's; SAT Tool scores by PARC's: inconsistency {parc} "
                             "and weighted {weighted}.")
        return text.format(theirs=theirs, parc=parc, weighted=weighted)

    def case_view(self) -> Case:
        """The case as far as read, with this sheet's items, to score the matrix."""
        view = Case(CaseId(0), self.case.title, self.case.uid)
        view.evidence = [*self.case.evidence, *self.evidence]
        return view

    def _row(self, row: int, cells: _Row) -> None:
        sheet, layout = self.sheet, self.layout
        assert layout is not None
        for column in sorted(cells):
            if column in layout.columns:
                continue
            value = sheet.value(cells, row, column)
            if _blank(value):
                continue
            if is_rating(value) and self.stray is None:
                self.stray = (row, column, value)
                return
            self.unheaded[column] = self.unheaded.get(column, 0) + 1
        evidence_column = layout.evidence or 1
        found = cells.get(evidence_column)
        text = found.value if found is not None else None  # a formula's saved result, if any
        ratings = [c for c in self.hypotheses if not _blank(cells[c].value if c in cells else None)
                   and is_rating(cells[c].value)]
        computed = [c for c in self.hypotheses if _formula_or_number(cells.get(c))
                    and not is_rating(cells[c].value)]
        numeric = {c: cells[c].value for c in computed if isinstance(cells[c].value, (int, float))
                   and not isinstance(cells[c].value, bool)}
        if _blank(text) or (isinstance(text, str) and SCORE_LABELS.match(text.strip())
                            and not ratings):
            if computed and not ratings:
                # a row of totals or scores: skipped, its formulas read only for the report
                self.score_rows[row] = {c: float(v) for c, v in numeric.items()}
                if any(cells[c].formula for c in computed):
                    self.score_formulas.add(row)
                return
            if _blank(text) and ratings:
                sheet.value(cells, row, evidence_column)  # a formula with no saved result: say so
                raise WorkbookError(translate(
                    "XlsxImport", "{where}: ratings without an evidence item (expected the "
                    "evidence text in column {column})").format(
                        where=sheet.where(row, evidence_column),
                        column=get_column_letter(evidence_column)))
        text = sheet.value(cells, row, evidence_column)  # now strictly: a formula needs a result
        if _blank(text):
            return
        if len(self.evidence) < SAMPLES:
            for column in self.layout.columns:
                value = cells[column].value if column in cells else None
                self.report.samples.setdefault(column, []).append(
                    "" if value is None else " ".join(str(value).split())[:80])
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
        layout = self.layout
        header = layout.header_row if layout is not None else 1
        shown = value.strip() if isinstance(value, str) else value
        merge = self.sheet.merge_over(header, column)
        where = self.sheet.where(row, column)
        if merge is not None:
            first_col, first_row, last_col, last_row = merge
            ref = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
            head = self.hypotheses.get(first_col)
            if head is not None:
                text = translate(
                    "XlsxImport", "{where}: {value!r} is under the merged header {header!r} "
                    "({range}), which names no hypothesis of its own; unmerge the header and name "
                    "each hypothesis in its own cell")
            else:
                text = translate(
                    "XlsxImport", "{where}: {value!r} is under the merged header ({range}), which "
                    "names no hypothesis of its own; unmerge the header and name each hypothesis "
                    "in its own cell")
            return WorkbookError(text.format(where=where, value=shown, range=ref,
                                             header=head.title if head is not None else ""))
        return WorkbookError(translate(
            "XlsxImport", "{where}: {value!r} is under an empty header (expected a hypothesis name "
            "in row {row} above it, or nothing in this column)").format(
                where=where, value=shown, row=header))

    def _evidence(self, row: int, cells: _Row, number: int, text: str) -> tuple[Evidence, Level]:
        sheet, layout = self.sheet, self.layout
        assert layout is not None
        item = Evidence(EvidenceId(number), number, text)
        relevance = Level.MEDIUM
        for column, col in sorted(layout.columns.items()):
            field_ = col.role
            if field_ in (Role.EVIDENCE, Role.HYPOTHESIS, Role.IGNORE):
                continue
            value = sheet.value(cells, row, column)
            if _blank(value):
                if field_ is Role.NUMBER:
                    self.numbers.append(None)
                continue
            try:
                if field_ is Role.CREDIBILITY:
                    item.credibility = read_level(value, layout.scales.get(column)) or Level.MEDIUM
                elif field_ is Role.RELEVANCE:
                    relevance = read_level(value, layout.scales.get(column)) or Level.MEDIUM
                elif field_ is Role.TYPE:
                    item.type = EvidenceType.parse(str(value))
            except ValueError as exc:
                raise WorkbookError(translate("XlsxImport", "{where}: {role} {problem}").format(
                    where=sheet.where(row, column), role=translate("XlsxImport", _ROLE_WORDS[field_]),
                    problem=exc)) from None
            if field_ is Role.DATE:
                self._date(item, value, row, column)
            elif field_ is Role.NOTES:
                several = len(layout.of(Role.NOTES)) > 1  # say which column each note came from
                text = str(value).strip()
                item.notes = _joined(item.notes, f"{col.header}: {text}" if several and col.header
                                     else text)
            elif field_ is Role.CATEGORY:
                item.notes = _joined(item.notes, f"Category: {str(value).strip()}")
            elif field_ is Role.SOURCE:
                name = " ".join(str(value).split())[:500]
                source = self.sources.get(name.casefold())
                if source is None:
                    source = Source(SourceId(len(self.case.sources) + len(self.sources) + 1), name)
                    self.sources[name.casefold()] = source
                item.source_id = source.id
            elif field_ is Role.NUMBER:
                self.numbers.append(value)
        return item, relevance

    def _date(self, item: Evidence, value: Any, row: int, column: int) -> None:
        if isinstance(value, (datetime.datetime, datetime.date)):
            item.date = value.strftime("%Y-%m-%d")
            return
        text = str(value).strip()
        if isinstance(value, (int, float)) and float(value).is_integer() and 1000 <= value <= 9999:
            text = str(int(value))
        if valid_date(text):
            item.date = text
            return
        item.notes = _joined(item.notes, f"Date: {text}")
        self.problem_dates.append(translate(
            "XlsxImport", "Row {row}, column {column}: {text!r} is not a date (2012, 2012-04 or "
            "2012-04-18); kept in the notes.").format(row=row, column=get_column_letter(column),
                                                      text=text))

    def _keep_numbers(self) -> None:
        """The workbook's own item numbers become the labels when they are unique whole numbers."""
        if not self.layout or not self.layout.of(Role.NUMBER) or not self.evidence:
            return
        numbers = []
        for value in self.numbers:
            text = str(value).strip().lstrip("Ee#") if value is not None else ""
            if not text.isdigit() or int(text) < 1:
                numbers = []
                break
            numbers.append(int(text))
        taken = {e.number for e in self.case.evidence}
        if len(numbers) == len(self.evidence) and len(set(numbers)) == len(numbers) \
                and not taken & set(numbers):
            for item, number in zip(self.evidence, numbers):
                item.number = number
        else:
            self.report.notes.append("  " + translate(
                "XlsxImport", "The item numbers are not unique whole numbers: the items are "
                "numbered in order instead."))


def _joined(notes: str, more: str) -> str:
    return f"{notes}\n{more}" if notes else more
