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
the column and what was expected; nothing is imported then. The file is
checked as a zip first, so oversized files and zip bombs are refused before
openpyxl reads them (and openpyxl parses the XML with defusedxml).
"""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

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
from sat_tool.formats.bundle import BundleError, case_and_snapshots_from_dict
from sat_tool.formats.xlsx import DATA_MARKER, DATA_SHEET

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 5_000

DESCRIPTIVE = {
    "credibility": "credibility", "cred": "credibility", "cred.": "credibility",
    "relevance": "relevance", "rel": "relevance", "rel.": "relevance",
    "type": "type", "evidence type": "type", "date": "date", "source": "source",
    "notes": "notes", "note": "notes",
}
"""Header names (lower case) of columns that describe the evidence rather than rate it."""


class WorkbookError(ValueError):
    """A workbook that cannot be imported; the message names sheet, row and column."""


def check_package(path: Path) -> None:
    """Refuse, before parsing, a file that is not a sane .xlsx package."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise WorkbookError(f"cannot read {path}: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise WorkbookError(f"{path.name} is {size // (1024 * 1024)} MiB; workbooks are limited "
                            f"to {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if "[Content_Types].xml" not in package.namelist():
                raise WorkbookError(f"{path.name} is a zip file but not an Excel workbook")
    except zipfile.BadZipFile:
        raise WorkbookError(f"{path.name} is not an Excel workbook (.xlsx)") from None
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(f"{path.name} holds {len(members)} parts: refused as malformed")
    unpacked = sum(m.file_size for m in members)
    packed = max(1, sum(m.compress_size for m in members))
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO and unpacked > 10_000_000:
        raise WorkbookError(f"{path.name} would expand to {unpacked // (1024 * 1024)} MiB: "
                            "refused as a possible zip bomb")


def read_workbook(path: Path) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """A case (and its snapshots) from a workbook; :class:`WorkbookError` if it cannot be read."""
    check_package(path)
    try:
        book = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files  # noqa: BLE001
        raise WorkbookError(f"{path.name} is not a readable Excel workbook ({exc})") from None
    if DATA_SHEET in book.sheetnames:
        return _exported(book, path.name)
    if {"Case", "Evidence", "Sources"} <= set(book.sheetnames):
        raise WorkbookError(f"{path.name} looks like a SAT Tool export that has lost the hidden "
                            f"sheet {DATA_SHEET!r} holding the case; export the case again, or copy "
                            "a matrix sheet into a new workbook to import it by hand")
    return _hand_made(book, path), {}


# ---------------------------------------------------------------- exported workbooks


def _exported(book: Any, name: str) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    data = book[DATA_SHEET]
    if data["A1"].value != DATA_MARKER or not isinstance(data["A2"].value, int):
        raise WorkbookError(f"{name}: sheet {DATA_SHEET!r} is damaged (its marker is missing)")
    chunks = [data.cell(row=r, column=1).value for r in range(3, 3 + data["A2"].value)]
    if not all(isinstance(c, str) for c in chunks):
        raise WorkbookError(f"{name}: sheet {DATA_SHEET!r} is damaged (a part of the case is missing)")
    try:
        case, snapshots = case_and_snapshots_from_dict(json.loads("".join(chunks)), name)
    except (json.JSONDecodeError, BundleError) as exc:
        raise WorkbookError(f"{name}: the case stored in the workbook is damaged ({exc})") from None
    for index, matrix in enumerate(case.matrices, 1):
        sheet = next((book[t] for t in book.sheetnames if t.startswith(f"M{index} ")
                      or t == f"M{index}"), None)
        if sheet is not None:
            _apply_edited_ratings(sheet, case, matrix)
    return case, snapshots


def _apply_edited_ratings(ws: Worksheet, case: Case, matrix: Matrix) -> None:
    """Ratings typed into an exported matrix sheet since the export replace the stored ones."""
    header = _find_header(ws)
    if header is None:
        return
    columns = {}
    for column in range(1, ws.max_column + 1):
        value = ws.cell(row=header, column=column).value
        if isinstance(value, str) and value[:1] == "H" and ":" in value:
            label = value.split(":", 1)[0]
            position = int(label[1:]) - 1 if label[1:].isdigit() else -1
            if 0 <= position < len(matrix.hypotheses):
                columns[column] = matrix.hypotheses[position]
    labels = {case.evidence_item(r.evidence_id).label: r.evidence_id for r in matrix.rows}
    for row in range(header + 1, ws.max_row + 1):
        eid = labels.get(str(ws.cell(row=row, column=1).value or "").strip())
        if eid is None:
            continue
        for column, hyp in columns.items():
            rating = _rating(ws, row, column)
            current = matrix.ratings.get((eid, hyp.id))
            if rating is None and current is not None:
                del matrix.ratings[(eid, hyp.id)]
            elif rating is not None and (current is None or current.rating is not rating):
                kept = current.rationale if current else ""
                matrix.ratings[(eid, hyp.id)] = Assessment(rating, "edited in Excel", kept)


def _find_header(ws: Worksheet) -> int | None:
    for row in range(1, min(ws.max_row, 10) + 1):
        if str(ws.cell(row=row, column=1).value or "").strip().lower() == "evidence":
            return row
    return None


# ---------------------------------------------------------------- hand-made sheets


def _where(ws: Worksheet, row: int, column: int) -> str:
    return f"sheet {ws.title!r}, row {row}, column {get_column_letter(column)}"


def _rating(ws: Worksheet, row: int, column: int) -> Rating | None:
    value = ws.cell(row=row, column=column).value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise WorkbookError(f"{_where(ws, row, column)}: {value!r} is not a rating "
                            "(expected CC, C, N, I, II or NA)")
    try:
        return Rating.parse(value)
    except ValueError:
        raise WorkbookError(f"{_where(ws, row, column)}: {value.strip()!r} is not a rating "
                            "(expected CC, C, N, I, II or NA)") from None


def _hand_made(book: Any, path: Path) -> Case:
    case = Case(CaseId(0), path.stem, str(uuid.uuid4()),
                f"Imported from the workbook {path.name}.")
    for ws in book.worksheets:
        if ws.sheet_state != "visible" or ws.max_row < 1 or _is_empty(ws):
            continue
        case.matrices.append(_sheet_matrix(ws, case, MatrixId(len(case.matrices) + 1)))
    if not case.matrices:
        raise WorkbookError(f"{path.name} has no sheet with a matrix: put evidence in the first "
                            "column and hypotheses in the first row")
    return case


def _is_empty(ws: Worksheet) -> bool:
    return all(cell.value in (None, "") for row in ws.iter_rows() for cell in row)


def _sheet_matrix(ws: Worksheet, case: Case, matrix_id: MatrixId) -> Matrix:
    matrix = Matrix(matrix_id, ws.title)
    described: dict[int, str] = {}
    hypotheses: dict[int, Hypothesis] = {}
    for column in range(2, ws.max_column + 1):
        value = ws.cell(row=1, column=column).value
        if value is None or not str(value).strip():
            continue
        text = str(value).strip()
        if text.lower() in DESCRIPTIVE:
            described[column] = DESCRIPTIVE[text.lower()]
        else:
            hyp = Hypothesis(HypothesisId(matrix_id * 100_000 + len(hypotheses) + 1), text)
            hypotheses[column] = hyp
            matrix.hypotheses.append(hyp)
    if not hypotheses:
        raise WorkbookError(f"sheet {ws.title!r}, row 1: no hypotheses found (expected their "
                            "names across the first row, after the evidence column)")
    for row in range(2, ws.max_row + 1):
        text = ws.cell(row=row, column=1).value
        if text is None or not str(text).strip():
            if any(ws.cell(row=row, column=c).value not in (None, "") for c in hypotheses):
                raise WorkbookError(f"{_where(ws, row, 1)}: ratings without an evidence item "
                                    "(expected the evidence text in the first column)")
            continue
        item, relevance = _evidence(ws, row, str(text).strip(), described, case)
        case.evidence.append(item)
        matrix.rows.append(MatrixRow(item.id, relevance))
        for column, hyp in hypotheses.items():
            rating = _rating(ws, row, column)
            if rating is not None:
                matrix.ratings[(item.id, hyp.id)] = Assessment(rating, "imported from Excel")
    if not matrix.rows:
        raise WorkbookError(f"sheet {ws.title!r}: no evidence found (expected one item per row "
                            "in the first column, below the headers)")
    return matrix


def _evidence(ws: Worksheet, row: int, text: str, described: dict[int, str], case: Case
              ) -> tuple[Evidence, Level]:
    number = len(case.evidence) + 1
    item = Evidence(EvidenceId(number), number, text)
    relevance = Level.MEDIUM
    for column, field in described.items():
        value = ws.cell(row=row, column=column).value
        if value is None or not str(value).strip():
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
            raise WorkbookError(f"{_where(ws, row, column)}: {exc}") from None
        if field == "date":
            item.date = value[:10]
        elif field == "notes":
            item.notes = value
        elif field == "source":
            item.notes = (item.notes + "\n" if item.notes else "") + f"Source: {value}"
    return item, relevance
