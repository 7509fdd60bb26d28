"""Exports of wide and long matrices: every hypothesis reaches the reports, the PDF's matrix
comes in parts of at most nine hypotheses laid out as ReportLab would lay it out, and the
workbook's cells keep their colours, comments and row heights however they are written."""

from __future__ import annotations

import io
import json
import re
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from sat_tool.domain.model import Case, Rating
from sat_tool.formats import palette
from sat_tool.formats.bundle import loads_bundle
from sat_tool.formats.xlsx import _wrap_count, build_workbook, write_workbook
from sat_tool.formats.xlsx_import import read_workbook
from sat_tool.report import pdf, write_report

CODES = [rating.value for rating in Rating]
HEADER_ROW, FIRST_HYP_COL = 3, 7


def wide_case(rows: int, columns: int) -> Case:
    """``rows`` items × ``columns`` hypotheses; every rating code in every column, a
    rationale on every other cell, one item of a long text and one cell unrated."""
    ratings = []
    for i in range(1, rows + 1):
        for j in range(1, columns + 1):
            if (i, j) == (2, 2):
                continue
            cell: dict[str, Any] = {"evidence": f"E{i}", "hypothesis": f"H{j}",
                                    "rating": CODES[(i + j) % len(CODES)], "analyst": f"A{j % 3}"}
            if (i + j) % 2:
                cell["rationale"] = f"why E{i} H{j}"
            ratings.append(cell)
    text = "word " * 12
    evidence = [{"id": f"E{i}", "text": f"E{i} {text * (30 if i == 3 else 1)}",
                 "type": "Absence of evidence" if i % 2 else "OSINT"} for i in range(1, rows + 1)]
    matrix = {"id": "M1", "question": "Which one?",
              "hypotheses": [{"id": f"H{j}", "title": f"Title {j}", "description": f"About {j}"}
                             for j in range(1, columns + 1)],
              "evidence": [{"evidence": f"E{i}"} for i in range(1, rows + 1)], "ratings": ratings}
    return loads_bundle(json.dumps({"format": "sat-tool-case", "version": 1,
                                    "case": {"title": "Wide"}, "evidence": evidence,
                                    "matrices": [matrix]}))


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


# ------------------------------------------------------------------ reports


@pytest.mark.parametrize("columns", [15, 30, 50])
def test_reports_of_wide_matrices_hold_every_hypothesis(tmp_path: Path, columns: int) -> None:
    """15, 30 or 50 hypotheses: the PDF prints the matrix in parts of at most nine hypotheses
    that together cover them all, in order, and both reports name every hypothesis."""
    case = wide_case(6, columns)
    write_report(case, tmp_path / "r.pdf", "pdf")
    text = pdf_text(tmp_path / "r.pdf")
    parts = [(int(a), int(b), int(n)) for n, a, b in
             re.findall(r"Part \d+ of (\d+): H(\d+) to H(\d+)", text)]
    assert parts, "a matrix this wide is printed in parts"
    assert [a for a, _, _ in parts] == [1] + [b + 1 for _, b, _ in parts[:-1]]
    assert parts[-1][1] == columns and all(b - a + 1 <= 9 for a, b, _ in parts)
    assert {n for _, _, n in parts} == {len(parts)}
    for j in range(1, columns + 1):
        assert f"H{j}: Title {j}" in text
    write_report(case, tmp_path / "r.html", "html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    for j in range(1, columns + 1):
        assert f"H{j}: Title {j}" in html


def test_pdf_rating_cells_carry_their_codes(tmp_path: Path) -> None:
    """Every rating code of the matrix is printed, once per rated cell."""
    case = wide_case(4, 5)
    write_report(case, tmp_path / "r.pdf", "pdf")
    text = pdf_text(tmp_path / "r.pdf")
    matrix_part = text[text.index("The matrix"):text.index("Sensitivity")]
    rated = [case.matrices[0].ratings[(row.evidence_id, h.id)].rating.value
             for row in case.matrices[0].rows for h in case.matrices[0].hypotheses
             if (row.evidence_id, h.id) in case.matrices[0].ratings]
    words = matrix_part.split()
    for code in CODES:
        assert words.count(code) >= rated.count(code), code


WORDS = st.text(st.sampled_from("ab W.é中\u00a0"), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(WORDS, st.just("M" * 40)), min_size=1, max_size=25),
       spaces=st.lists(st.sampled_from([" ", "  ", "\t"]), min_size=1, max_size=4),
       room=st.floats(min_value=8, max_value=300))
def test_matrix_text_breaks_where_a_paragraph_would(words: list[str], spaces: list[str],
                                                    room: float) -> None:
    """The matrix's evidence text is broken into the lines a ReportLab Paragraph makes of it
    (so the table is as tall, and reads the same, as when each cell was a Paragraph)."""
    pdf._register_fonts()
    text = "".join(w + spaces[n % len(spaces)] for n, w in enumerate(words)).strip()
    if not text.strip():
        return
    paragraph = pdf._p(text, pdf._styles()["cell"])
    paragraph.wrap(room, 1e6)
    theirs = [" ".join(str(w) for w in line[1]) for line in paragraph.blPara.lines]
    assert pdf._Lines(pdf.FONT, pdf.CELL_SIZE).wrap(text, room).split("\n") == theirs


# ------------------------------------------------------------------ workbooks


def matrix_sheet(path: Path):  # noqa: ANN201
    book = load_workbook(path)
    return book[book.sheetnames[1]]


def test_workbook_colours_every_rating_and_leaves_unrated_blank(tmp_path: Path) -> None:
    """Each of the six ratings has its palette fill and ink, bold and centred, in every
    column; the unrated cell is blank, bordered and unfilled."""
    case = wide_case(8, 12)
    write_workbook(case, tmp_path / "w.xlsx")
    ws = matrix_sheet(tmp_path / "w.xlsx")
    seen = set()
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=HEADER_ROW + 8,
                            min_col=FIRST_HYP_COL, max_col=FIRST_HYP_COL + 11):
        for cell in row:
            if cell.value is None:
                assert (cell.row, cell.column) == (HEADER_ROW + 2, FIRST_HYP_COL + 1)
                assert cell.fill.fill_type is None and cell.border.left.style == "thin"
                continue
            rating = Rating(cell.value)
            seen.add(rating)
            assert cell.fill.fill_type == "solid"
            assert cell.fill.fgColor.rgb.upper() == "FF" + palette.background(rating)
            assert cell.font.color.rgb.upper() == "FF" + palette.foreground(rating)
            assert cell.font.b and cell.alignment.horizontal == "center"
    assert seen == set(Rating)


def test_workbook_comments_and_heights(tmp_path: Path) -> None:
    """Every rationale is its cell's comment by its analyst, each hypothesis's description
    the comment of its header; the long text's row is taller than the others."""
    case = wide_case(5, 4)
    write_workbook(case, tmp_path / "w.xlsx")
    ws = matrix_sheet(tmp_path / "w.xlsx")
    matrix = case.matrices[0]
    for r, row in enumerate(matrix.rows, HEADER_ROW + 1):
        for c, hyp in enumerate(matrix.hypotheses, FIRST_HYP_COL):
            found = matrix.ratings.get((row.evidence_id, hyp.id))
            comment = ws.cell(row=r, column=c).comment
            if found is None or not found.rationale:
                assert comment is None
            else:
                assert (comment.text, comment.author) == (found.rationale, found.analyst)
    for c, hyp in enumerate(matrix.hypotheses, FIRST_HYP_COL):
        assert ws.cell(row=HEADER_ROW, column=c).comment.text == hyp.description
    heights = {r: ws.row_dimensions[r].height for r in range(HEADER_ROW + 1, HEADER_ROW + 6)}
    assert heights[HEADER_ROW + 3] > max(h or 15 for r, h in heights.items() if r != HEADER_ROW + 3)


def test_a_built_workbook_saved_directly_is_complete(tmp_path: Path) -> None:
    """``build_workbook(...).save`` (to a path or a file) writes the cells and comments too,
    and saving twice gives the same sheets."""
    case = wide_case(3, 3)
    book = build_workbook(case)
    book.save(tmp_path / "a.xlsx")
    buffer = io.BytesIO()
    book.save(buffer)
    (tmp_path / "b.xlsx").write_bytes(buffer.getvalue())
    for name in ("a.xlsx", "b.xlsx"):
        ws = matrix_sheet(tmp_path / name)
        assert ws.cell(row=HEADER_ROW + 1, column=1).value == "E1"
        assert ws.cell(row=HEADER_ROW + 1, column=FIRST_HYP_COL + 1).comment.text == "why E1 H2"
        with zipfile.ZipFile(tmp_path / name) as package:
            assert sum(n.startswith("xl/comments/") for n in package.namelist()) == 1
        assert read_workbook(tmp_path / name)[0] == case


def test_a_wide_workbook_round_trips(tmp_path: Path) -> None:
    """60 items × 40 hypotheses through our own workbook import: the same case."""
    case = wide_case(60, 40)
    write_workbook(case, tmp_path / "w.xlsx")
    assert read_workbook(tmp_path / "w.xlsx")[0] == case


@settings(max_examples=300, deadline=None)
@given(line=st.text(st.sampled_from("ab .\u3000\u00a0é"), max_size=80).map(
    lambda t: t.replace("..", "x" * 30)), width=st.integers(min_value=1, max_value=40))
def test_row_heights_count_lines_as_textwrap_does(line: str, width: int) -> None:
    """The line count that sizes a row is textwrap's, without textwrap's cost."""
    assert _wrap_count(line, width) == len(textwrap.wrap(line, width))
