"""Exports read well: the legend in its own ink, no nearly empty first page, the matrix's print
area with its rank and legend, a Case sheet without internal ids, reports in the third person."""

from __future__ import annotations

import io
import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from sat_tool.domain.model import Rating
from sat_tool.formats import palette
from sat_tool.formats.bundle import read_bundle
from sat_tool.formats.xlsx import write_workbook
from sat_tool.report import pdf, write_report
from sat_tool.report.content import build_report
from sat_tool.report.html import render_html

from conftest import SAMPLE, grid_case


def test_the_pdf_legend_writes_each_rating_in_the_ink_that_reads_on_its_fill():
    pdf._register_fonts()
    table = pdf._legend(pdf._styles())
    for column, rating in enumerate(Rating):
        paragraph = table._cellvalues[0][column]
        wanted = palette.foreground(rating).lower()
        assert paragraph.style.textColor.hexval()[2:].lower() == wanted, rating
        assert paragraph.frags[0].textColor.hexval()[2:].lower() == wanted, rating


def test_the_first_page_holds_the_first_matrix_not_the_title_alone(tmp_path: Path):
    case = grid_case([("E1", "High", "High", ["C", "I"]), ("E2", "Low", "Medium", ["N", "CC"])])
    out = tmp_path / "m.pdf"
    write_report(case, out, "pdf", case.matrices)
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "Very consistent" in text  # the legend, under the title
    assert "Hypothesis 1" in text and "Hypothesis 2" in text  # and the matrix's own section


def test_the_matrix_sheet_prints_the_matrix_its_rank_and_its_legend(tmp_path: Path):
    case = read_bundle(SAMPLE)
    out = tmp_path / "case.xlsx"
    write_workbook(case, out)
    book = load_workbook(out)
    sheet = book[book.sheetnames[1]]
    area = sheet.print_area
    last_row = int(area.rsplit("$", 1)[1])
    rows = {cell.row: cell.value for cell in sheet["A"] if cell.value is not None}
    legend = next(r for r, v in rows.items() if v == "Legend")
    rank = next(c.row for c in sheet["B"] if isinstance(c.value, str) and c.value.startswith("Rank"))
    assert legend < last_row and rank < legend
    assert last_row == max(rows)  # the legend's last note is the area's last row
    case_sheet = book["Case"]
    labels = [c.value for c in case_sheet["A"] if c.value]
    assert "Case id" not in labels
    created = next(case_sheet.cell(c.row, 2).value for c in case_sheet["A"] if c.value == "Created")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", created), created
    assert all(case.uid not in str(c.value) for row in case_sheet.iter_rows() for c in row)


def test_reports_speak_of_the_analyst(page):
    mat = page.matrix
    for hyp, value in zip(mat.hypotheses, (0.5, 0.2, 0.1, 0.1)):
        hyp.judged = value
    html = render_html(build_report(page.doc.case, [mat]))
    assert "The analyst&#x27;s probabilities add up to 90%" in html or \
        "The analyst's probabilities add up to 90%" in html
    assert "Your probabilities" not in html and "You judge" not in html
