"""Export a case as an Excel workbook that reads the way analysts draw ACH.

Sheets: **Case** (title, description; per matrix the question, hypotheses,
ranking, conclusions, milestones, notes); one sheet per matrix (``M1 <question>``:
evidence down, hypotheses across, rating codes in the palette colours with the
rationale as a comment, diagnosticity, score rows and a legend); **Scores**
(hypotheses ranked least inconsistent first); **Evidence** and **Sources**
(every item with every field).

Every piece of user text goes through :func:`put_text`, which strips characters
XML cannot hold, truncates to Excel's limit and stores the value as a string
cell, so text such as ``=HYPERLINK(...)`` never becomes a formula. The hidden
data sheet keeps every text exactly, whatever it holds. The file is written
beside the target and renamed into place, so a failed export never leaves a
half-written workbook.

No Qt and no ORM: only the domain, the palette, openpyxl and the standard library.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference, Series
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sat_tool.domain.model import Assessment, Case, EvidenceId, Matrix, Rating
from sat_tool.domain.sensitivity import contributions, fewest_changes, linchpins
from sat_tool.domain.scoring import EvidenceScore, MatrixScores, score_matrix
from sat_tool.formats import FORMULA_TRIGGERS, palette
from sat_tool.formats.bundle import Snapshots, case_to_dict
from sat_tool.formats import write_atomically

MAX_CELL_CHARS = 32_767
DATA_SHEET = "_sat_tool_data"
DATA_MARKER = "sat-tool-case-bundle"
DATA_CHUNK = 30_000
MAX_SHEET_TITLE = 31
TOOL_AUTHOR = "SAT Tool"


def _font(**style: object) -> Font:
    """Calibri 11 (LibreOffice substitutes Carlito) with the given changes."""
    return Font(**{"name": "Calibri", "size": 11, **style})


_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")
ILLEGAL_CHARACTERS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters an XML 1.0 file cannot hold; openpyxl's own pattern misses the last three ranges."""
_THIN = Side(style="thin", color="B0B0B0")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="FF" + palette.HEADER_BACKGROUND)
_HEADER_FONT = _font(bold=True, color="FF" + palette.HEADER_FOREGROUND)
_SCORE_FILL = PatternFill("solid", fgColor="FFE8ECF0")
_FLAG_FONT = _font(bold=True, color="FFC00000")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_Row = list[str | int | float | None]

# Matrix sheet layout.
_TITLE_ROW, _INFO_ROW, _HEADER_ROW = 1, 2, 3
_FIXED_HEADERS = ("Evidence", "Evidence text", "Type", "Credibility", "Relevance",
                  "Diagnosticity")
_FIXED_WIDTHS = (9, 48, 13, 11, 10, 13)
_HYPOTHESIS_WIDTH = 18
_DIAG_COL = 6
_FIRST_HYP_COL = len(_FIXED_HEADERS) + 1


# ---------------------------------------------------------------- public API


def write_workbook(case: Case, path: Path, snapshots: Snapshots | None = None) -> None:
    """Write ``case`` as an .xlsx workbook at ``path``, replacing it only once complete.

    The workbook is built in memory, saved to a temporary file in the target's
    directory and renamed over ``path``; on any failure the temporary file is
    removed and the exception propagates (``OSError`` for file-system problems).
    """
    _save_atomically(build_workbook(case, snapshots), Path(path))


def build_workbook(case: Case, snapshots: Snapshots | None = None) -> Workbook:
    """The workbook of a case, in memory: Case, one sheet per matrix, Scores, Evidence, Sources."""
    workbook = Workbook()
    case_sheet = workbook.active
    case_sheet.title = "Case"
    all_scores = [score_matrix(case, matrix) for matrix in case.matrices]
    _fill_case_sheet(case_sheet, case, all_scores)
    used = {"case", "scores", "sensitivity", "evidence", "sources", DATA_SHEET.lower()}
    for index, (matrix, scores) in enumerate(zip(case.matrices, all_scores), 1):
        title = sheet_title(f"M{index} {matrix.question}", used)
        _fill_matrix_sheet(workbook.create_sheet(title), case, matrix, scores)
    _fill_scores_sheet(workbook.create_sheet("Scores"), case, all_scores)
    _fill_sensitivity_sheet(workbook.create_sheet("Sensitivity"), case)
    _fill_evidence_sheet(workbook.create_sheet("Evidence"), case)
    _fill_sources_sheet(workbook.create_sheet("Sources"), case)
    for ws in workbook.worksheets:
        _fit_rows(ws)
    _fill_data_sheet(workbook.create_sheet(DATA_SHEET), case, snapshots)
    return workbook


def _fill_data_sheet(ws: Worksheet, case: Case, snapshots: Snapshots | None) -> None:
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
    ws.sheet_state = "hidden"
    ws["A1"].value, ws["A1"].data_type = DATA_MARKER, "s"
    ws["A2"].value = len(chunks)
    for row, chunk in enumerate(chunks, 3):
        cell = ws.cell(row=row, column=1)
        cell.value, cell.data_type = chunk, "s"
        cell.quotePrefix = chunk.startswith(FORMULA_TRIGGERS)


def clean_text(value: str) -> str:
    """Text safe for a cell: XML-illegal characters removed, line breaks as ``\\n``,
    truncated with a marker to Excel's 32,767-character cell limit."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if _excel_length(text) <= MAX_CELL_CHARS:
        return text
    marker = f"\n… [truncated by SAT Tool: {len(text):,} characters in full]"
    kept = text[: MAX_CELL_CHARS - len(marker)]
    while (excess := _excel_length(kept + marker) - MAX_CELL_CHARS) > 0:
        kept = kept[:-excess]
    return kept + marker


def put_text(ws: Worksheet, row: int, column: int, value: str) -> Cell:
    """Write user text into a cell as a plain string, never as a formula."""
    cell = ws.cell(row=row, column=column)
    text = clean_text(value)
    if text:
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True  # Excel keeps it text even when re-edited
    return cell


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


# ---------------------------------------------------------------- small helpers


def _excel_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2  # Excel counts UTF-16 code units


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _fit_rows(ws: Worksheet) -> None:
    """Size rows without a height to their wrapped text; LibreOffice does not on import."""
    for cells in ws.iter_rows():
        row = cells[0].row
        if ws.row_dimensions[row].height is not None:
            continue
        lines = max((_wrapped_lines(ws, cell) for cell in cells), default=1)
        if lines > 1:
            ws.row_dimensions[row].height = min(409, 15 * lines)


def _wrapped_lines(ws: Worksheet, cell: Cell, width: float | None = None) -> int:
    """How many lines a wrapped text cell needs in its column (or ``width``), roughly."""
    if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
        return 1
    width = width or ws.column_dimensions[cell.column_letter].width or 13
    per_line = max(1, int(width * (1.0 if cell.font.b else 1.15) * 11 / (cell.font.sz or 11)))
    return sum(max(1, len(textwrap.wrap(line, per_line))) for line in cell.value.split("\n"))


def _save_atomically(workbook: Workbook, path: Path) -> None:
    write_atomically(path, workbook.save)


def _comment(text: str, author: str) -> Comment | None:
    """A cell comment sized to its text, or None for empty text."""
    body = clean_text(text).strip()
    if not body:
        return None
    lines = sum(1 + len(line) // 40 for line in body.split("\n"))
    return Comment(body, clean_text(author) or TOOL_AUTHOR,
                   height=min(400, 20 + 15 * lines), width=300)


def _header_row(ws: Worksheet, row: int, headers: tuple[str, ...] | list[str]) -> None:
    for column, header in enumerate(headers, 1):
        cell = put_text(ws, row, column, header)
        cell.font, cell.fill, cell.border = _HEADER_FONT, _HEADER_FILL, _GRID
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _set_widths(ws: Worksheet, widths: tuple[int, ...] | list[int]) -> None:
    for column, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _table_sheet(ws: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...],
                 rows: list[_Row]) -> None:
    """A plain table: header row, frozen and filterable, wrapped text cells."""
    _header_row(ws, 1, headers)
    _set_widths(ws, widths)
    for r, values in enumerate(rows, 2):
        for c, value in enumerate(values, 1):
            if isinstance(value, str):
                cell = put_text(ws, r, c, value)
            else:
                cell = ws.cell(row=r, column=c, value=value)
            cell.alignment, cell.border = _WRAP_TOP, _GRID
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


def _fill_case_sheet(ws: Worksheet, case: Case, all_scores: list[MatrixScores]) -> None:
    _set_widths(ws, (16, 70, 50))
    put_text(ws, 1, 1, case.title).font = _font(bold=True, size=16)
    row = 3
    for label, value in (("Description", case.description), ("Created", case.created),
                         ("Case id", case.uid)):
        row = _labelled(ws, row, label, value)
    for index, (matrix, scores) in enumerate(zip(case.matrices, all_scores), 1):
        row += 1
        put_text(ws, row, 1, f"Matrix M{index}").font = _font(bold=True, size=13)
        row = _labelled(ws, row + 1, "Question", matrix.question, bold=True)
        row = _case_hypotheses(ws, row, matrix)
        row = _labelled(ws, row, "Ranking", _ranking_text(matrix, scores))
        for label, value in (("Conclusions", matrix.conclusions),
                             ("Milestones", matrix.milestones), ("Notes", matrix.notes)):
            row = _labelled(ws, row, label, value)
    _print_setup(ws, title_rows=None, landscape=False)


def _ranking_text(matrix: Matrix, scores: MatrixScores) -> str:
    """``H3 < H1 = H2``: least inconsistent first, ties joined by ``=``."""
    text, previous = "", None
    for score in scores.ranking():
        label = f"H{matrix.hypothesis_index(score.hypothesis_id) + 1}"
        text += label if previous is None else (" = " if score.rank == previous else " < ") + label
        previous = score.rank
    return text + "  (least inconsistent first, by weighted inconsistency)" if text else ""


def _labelled(ws: Worksheet, row: int, label: str, value: str, bold: bool = False) -> int:
    """A label in column A and its text in column B; returns the next row."""
    head = put_text(ws, row, 1, label)
    head.font, head.alignment = _font(bold=True), Alignment(vertical="top")
    cell = put_text(ws, row, 2, value)
    cell.font, cell.alignment = _font(bold=bold), _WRAP_TOP
    return row + 1


def _case_hypotheses(ws: Worksheet, row: int, matrix: Matrix) -> int:
    """A "Hypotheses" label, then one row per hypothesis: H<n>, title, description."""
    put_text(ws, row, 1, "Hypotheses").font = _font(bold=True)
    for index, hypothesis in enumerate(matrix.hypotheses, 1):
        row += 1
        put_text(ws, row, 1, f"H{index}").alignment = Alignment(horizontal="right",
                                                                vertical="top", indent=1)
        put_text(ws, row, 2, hypothesis.title).alignment = _WRAP_TOP
        put_text(ws, row, 3, hypothesis.description).alignment = _WRAP_TOP
    return row + 1


# ---------------------------------------------------------------- matrix sheets


def _fill_matrix_sheet(ws: Worksheet, case: Case, matrix: Matrix, scores: MatrixScores) -> None:
    last_col = _FIRST_HYP_COL + len(matrix.hypotheses) - 1
    _set_widths(ws, list(_FIXED_WIDTHS) + [_HYPOTHESIS_WIDTH] * len(matrix.hypotheses))
    _matrix_title(ws, case, matrix, max(last_col, len(_FIXED_HEADERS)))
    headers = list(_FIXED_HEADERS) + [
        f"H{i}: {h.title}" for i, h in enumerate(matrix.hypotheses, 1)
    ]
    _header_row(ws, _HEADER_ROW, headers)
    for column, hypothesis in enumerate(matrix.hypotheses, _FIRST_HYP_COL):
        ws.cell(row=_HEADER_ROW, column=column).comment = _comment(hypothesis.description,
                                                                   TOOL_AUTHOR)
    row = _HEADER_ROW + 1
    for matrix_row, evidence_score in zip(matrix.rows, scores.evidence):
        _evidence_row(ws, row, case, matrix, matrix_row.evidence_id, evidence_score)
        row += 1
    row = _score_rows(ws, row, matrix, scores)
    _legend(ws, row + 1)
    ws.freeze_panes = ws.cell(row=_HEADER_ROW + 1, column=3).coordinate
    _print_setup(ws, title_rows=f"{_HEADER_ROW}:{_HEADER_ROW}")


def _matrix_title(ws: Worksheet, case: Case, matrix: Matrix, last_col: int) -> None:
    title = put_text(ws, _TITLE_ROW, 1, matrix.question)
    title.font, title.alignment = _font(bold=True, size=14), _WRAP_TOP
    ws.merge_cells(start_row=_TITLE_ROW, start_column=1, end_row=_TITLE_ROW, end_column=last_col)
    width = sum(_FIXED_WIDTHS) + _HYPOTHESIS_WIDTH * max(0, last_col - len(_FIXED_HEADERS))
    lines = _wrapped_lines(ws, title, width)
    ws.row_dimensions[_TITLE_ROW].height = 20 * min(lines, 5)  # frozen: keep it short
    put_text(ws, _INFO_ROW, 1, f"Case: {case.title}").font = _font(italic=True, color="FF555555")


def _evidence_row(ws: Worksheet, row: int, case: Case, matrix: Matrix,
                  evidence_id: EvidenceId, evidence_score: EvidenceScore) -> None:
    item = case.evidence_item(evidence_id)
    relevance = matrix.row(evidence_id).relevance
    values = (item.label, item.text, item.type.value, item.credibility.value, relevance.value)
    for column, value in enumerate(values, 1):
        cell = put_text(ws, row, column, value)
        cell.alignment, cell.border = _WRAP_TOP, _GRID
    ws.cell(row=row, column=1).font = _font(bold=True)
    diag = ws.cell(row=row, column=_DIAG_COL, value=evidence_score.diagnosticity)
    diag.number_format, diag.border = "0.00", _GRID
    diag.alignment = Alignment(horizontal="center", vertical="top")
    if evidence_score.inconsistent_with_all:
        ws.cell(row=row, column=1).font = diag.font = _FLAG_FONT
        diag.comment = _comment(
            "Inconsistent with every hypothesis: is a hypothesis missing?", TOOL_AUTHOR)
    for column, hypothesis in enumerate(matrix.hypotheses, _FIRST_HYP_COL):
        _rating_cell(ws.cell(row=row, column=column),
                     matrix.ratings.get((evidence_id, hypothesis.id)))


def _rating_cell(cell: Cell, assessment: Assessment | None) -> None:
    cell.border = _GRID
    cell.alignment = Alignment(horizontal="center", vertical="center")
    if assessment is None:
        return
    rating = assessment.rating
    cell.value, cell.data_type = rating.value, "s"
    _colour(cell, rating)
    cell.comment = _comment(assessment.rationale, assessment.analyst)


def _colour(cell: Cell, rating: Rating) -> None:
    """Paint a cell in a rating's palette colours."""
    cell.fill = PatternFill("solid", fgColor="FF" + palette.background(rating))
    cell.font = _font(bold=True, color="FF" + palette.foreground(rating))


def _score_rows(ws: Worksheet, row: int, matrix: Matrix, scores: MatrixScores) -> int:
    """Inconsistency, weighted inconsistency and rank under each hypothesis; returns next row."""
    judged = {h.id: h.judged for h in matrix.hypotheses}
    specs = (("Inconsistency", "0", lambda s: s.inconsistency),
             ("Weighted inconsistency", "0.000", lambda s: s.weighted),
             ("P(H|E), independence assumed", "0.0%", lambda s: s.probability),
             ("Analyst's probability", "0%", lambda s: judged[s.hypothesis_id]),
             (f"Rank ({matrix.scoring_mode.value})", "0", lambda s: s.rank))
    for label, number_format, pick in specs:
        for column in range(1, _FIRST_HYP_COL):
            ws.cell(row=row, column=column).fill = _SCORE_FILL
        cell = put_text(ws, row, 2, label)
        cell.font, cell.alignment = _font(bold=True), Alignment(horizontal="right")
        for column, hypothesis in enumerate(matrix.hypotheses, _FIRST_HYP_COL):
            score = scores.for_hypothesis(hypothesis.id)
            value = ws.cell(row=row, column=column, value=pick(score))
            value.number_format, value.fill, value.border = number_format, _SCORE_FILL, _GRID
            value.alignment = Alignment(horizontal="center")
            value.font = _font(bold=score.rank == 1)  # the least inconsistent stands out
        row += 1
    return row


def _legend(ws: Worksheet, row: int) -> None:
    put_text(ws, row, 1, "Legend").font = _font(bold=True)
    for rating in Rating:
        row += 1
        code = put_text(ws, row, 1, rating.value)
        _colour(code, rating)
        code.alignment, code.border = Alignment(horizontal="center"), _GRID
        points = rating.points
        put_text(ws, row, 2, f"{rating.meaning} ({points} inconsistency "
                             f"point{'' if points == 1 else 's'})")
    notes = (
        "Weighted inconsistency = sum of credibility × relevance × points "
        "(High 1.414, Medium 1, Low 0.707). Lower is better: rank 1 is least inconsistent.",
        "Diagnosticity = spread of the row's ratings (0 = no diagnostic value). "
        "A label in bold red marks evidence inconsistent with every hypothesis.",
        "A red corner marks a comment: the analyst and rationale of a rating.",
    )
    for offset, note in enumerate(notes, 2):
        put_text(ws, row + offset, 1, note).font = _font(italic=True, color="FF555555")


# ---------------------------------------------------------------- table sheets


def _fill_scores_sheet(ws: Worksheet, case: Case, all_scores: list[MatrixScores]) -> None:
    rows: list[_Row] = []
    for index, (matrix, scores) in enumerate(zip(case.matrices, all_scores), 1):
        for score in scores.ranking():
            position = matrix.hypothesis_index(score.hypothesis_id)
            title = matrix.hypotheses[position].title
            judged = matrix.hypotheses[position].judged
            rows.append([f"M{index}: {matrix.question}", matrix.scoring_mode.value, score.rank,
                         f"H{position + 1}: {title}", score.inconsistency, score.weighted,
                         score.probability, judged, f"M{index} H{position + 1}"])
    headers = ("Matrix question", "Ranked by", "Rank", "Hypothesis", "Inconsistency",
               "Weighted inconsistency", "P(H|E)", "Analyst's probability", "Label")
    _table_sheet(ws, headers, (50, 13, 7, 50, 14, 14, 10, 12, 9), rows)
    for r in range(2, len(rows) + 2):
        ws.cell(row=r, column=6).number_format = "0.000"
        ws.cell(row=r, column=7).number_format = "0.0%"
        ws.cell(row=r, column=8).number_format = "0%"
    _score_charts(ws, case)


def _score_charts(ws: Worksheet, case: Case) -> None:
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
            chart.series.append(Series(values, title=ws.cell(row=1, column=column).value))
        chart.set_categories(Reference(ws, min_col=9, min_row=first, max_row=last))
        chart.height, chart.width = 5 + 1.4 * count, 18
        ws.add_chart(chart, f"K{anchor_row}")
        anchor_row += int(chart.height * 2) + 2
        first = last + 1


def _fill_sensitivity_sheet(ws: Worksheet, case: Case) -> None:
    """Per matrix: linchpins, the fewest re-ratings that change the leader, contributions."""
    _set_widths(ws, (34, 16, 16, 16, 16, 16, 16, 16))
    row = 1
    for index, matrix in enumerate(case.matrices, 1):
        labels = {h.id: f"H{j}" for j, h in enumerate(matrix.hypotheses, 1)}
        put_text(ws, row, 1, f"M{index}: {matrix.question}").font = _font(bold=True, size=12)
        row += 1
        put_text(ws, row, 1, f"Scoring mode: {matrix.scoring_mode.label}")
        row += 1
        if len(matrix.hypotheses) < 2 or not matrix.rows:
            put_text(ws, row, 1, "Needs two hypotheses and some evidence.")
            row += 2
            continue
        pins = linchpins(case, matrix)
        put_text(ws, row, 1, "Linchpins").font = _font(bold=True)
        row += 1
        if not pins:
            put_text(ws, row, 1, "No single item changes the ranking when it is left out.")
            row += 1
        for pin in pins:
            put_text(ws, row, 1, case.evidence_item(pin.evidence_id).label)
            put_text(ws, row, 2, "changes the leader" if pin.changes_leader else "changes the order")
            row += 1
        change = fewest_changes(case, matrix)
        put_text(ws, row, 1, "Fewest re-ratings that change the leader").font = _font(bold=True)
        row += 1
        if change is None:
            put_text(ws, row, 1, "No re-rating changes the leader.")
            row += 1
        else:
            put_text(ws, row, 1, f"{len(change.changes)} put {labels[change.challenger]} ahead of "
                                 f"{labels[change.leader]}")
            row += 1
            for c in change.changes:
                put_text(ws, row, 1, f"{case.evidence_item(c.cell[0]).label} × {labels[c.cell[1]]}")
                put_text(ws, row, 2, f"{c.before.value if c.before else 'unrated'} → {c.after.value}")
                row += 1
        row = _contribution_table(ws, row, case, matrix, labels) + 1
    _print_setup(ws, title_rows=None)


def _contribution_table(ws: Worksheet, row: int, case: Case, matrix: Matrix,
                        labels: dict) -> int:
    put_text(ws, row, 1, "What each item adds to each score").font = _font(bold=True)
    row += 1
    _header_row(ws, row, ["Evidence"] + [labels[h.id] for h in matrix.hypotheses])
    row += 1
    values = contributions(case, matrix)
    for matrix_row in matrix.rows:
        eid = matrix_row.evidence_id
        if all(abs(values[h.id][eid]) < 1e-12 for h in matrix.hypotheses):
            continue
        put_text(ws, row, 1, case.evidence_item(eid).label).border = _GRID
        for column, hyp in enumerate(matrix.hypotheses, 2):
            cell = ws.cell(row=row, column=column, value=round(values[hyp.id][eid], 6))
            cell.number_format, cell.border = "0.000", _GRID
        row += 1
    return row


def _fill_evidence_sheet(ws: Worksheet, case: Case) -> None:
    matrices: dict[int, list[str]] = {}
    for index, matrix in enumerate(case.matrices, 1):
        for matrix_row in matrix.rows:
            matrices.setdefault(matrix_row.evidence_id, []).append(f"M{index}")
    rows: list[_Row] = []
    for item in case.evidence:
        source = case.source(item.source_id).title if item.source_id is not None else ""
        rows.append([item.label, item.text, source, item.date, item.type.value,
                     item.credibility.value, item.notes, item.quote, item.quote_start,
                     ", ".join(matrices.get(item.id, []))])
    headers = ("Label", "Text", "Source", "Date", "Type", "Credibility", "Notes", "Quote",
               "Quote offset", "Matrices")
    _table_sheet(ws, headers, (8, 50, 28, 12, 13, 11, 36, 40, 9, 12), rows)


def _fill_sources_sheet(ws: Worksheet, case: Case) -> None:
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
    _table_sheet(ws, headers, (36, 20, 24, 12, 30, 36, 12, 10, 60), rows)
    for r in range(2, len(rows) + 2):  # full texts stay one line tall; open the cell to read
        ws.cell(row=r, column=len(headers)).alignment = Alignment(vertical="top")
