"""Exports of the probabilistic view by line of evidence, the outcome of a closed question and
the transposed layout: the workbook, the HTML and the PDF say what the domain computes."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from sat_tool.domain import Outcome, SourceId
from sat_tool.domain.calibration import closed_scores
from sat_tool.domain.probability import line_report
from sat_tool.formats.bundle import loads_bundle
from sat_tool.formats.xlsx import write_workbook
from sat_tool.formats.xlsx_import import read_workbook
from sat_tool.report import write_report

CODES = ["CC", "C", "N", "I", "II", "NA"]


def sourced_case(rows: int = 23, columns: int = 4, transposed: bool = True):
    """``rows`` items from three articles against ``columns`` hypotheses, every code used, one
    cell unrated; the first hypothesis proved true."""
    ratings = [{"evidence": f"E{i}", "hypothesis": f"H{j}", "rating": CODES[(i * j + i) % 6]}
               for i in range(1, rows + 1) for j in range(1, columns + 1) if (i, j) != (2, 2)]
    evidence = [{"id": f"E{i}", "text": f"Item {i} says something", "source": f"S{1 + i % 3}"}
                for i in range(1, rows + 1)]
    sources = [{"id": f"S{n}", "title": f"Article {n}"} for n in range(1, 4)]
    matrix = {"id": "M1", "question": "Which one?", "layout": "transposed" if transposed else "standard",
              "hypotheses": [{"id": f"H{j}", "title": f"Title {j}"} for j in range(1, columns + 1)],
              "evidence": [{"evidence": f"E{i}"} for i in range(1, rows + 1)], "ratings": ratings,
              "outcome": {"hypothesis": "H1", "date": "2019-07", "evidence": "A trial"}}
    case = loads_bundle(json.dumps({"format": "sat-tool-case", "version": 2,
                                    "case": {"title": "Sourced"}, "sources": sources,
                                    "evidence": evidence, "matrices": [matrix]}))
    assert case.matrices[0].transposed is transposed
    assert case.matrices[0].outcome == Outcome(case.matrices[0].hypotheses[0].id, "2019-07", "A trial")
    assert {e.source_id for e in case.evidence} == {SourceId(s.id) for s in case.sources}
    return case


def transposed_sheet(case, path: Path):
    """The case written to ``path``: the workbook, its first matrix sheet and that sheet's
    header row."""
    write_workbook(case, path)
    book = load_workbook(path)
    ws = book[book.sheetnames[1]]
    return book, ws, [ws.cell(row=3, column=c).value for c in range(1, ws.max_column + 1)]


def test_the_workbook_has_the_lines_of_evidence_the_domain_finds(tmp_path: Path):
    case = sourced_case()
    path = tmp_path / "c.xlsx"
    write_workbook(case, path)
    ws = load_workbook(path)["Probabilities"]
    found = line_report(case, case.matrices[0])
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    by_line = rows["By line of evidence"]
    independent = rows["Every item independent"]
    for column, hyp in enumerate(case.matrices[0].hypotheses, 3):
        assert ws.cell(row=by_line, column=column).value == pytest.approx(found.posteriors[hyp.id])
        assert ws.cell(row=independent, column=column).value == pytest.approx(found.independent[hyp.id])
    for line in found.lines:
        r = rows[line.name]
        assert ws.cell(row=r, column=2).value == len(line.evidence)
        for column, hyp in enumerate(case.matrices[0].hypotheses, 3):
            assert ws.cell(row=r, column=column).value == pytest.approx(line.against[hyp.id])
        assert ws.cell(row=r, column=3 + 4).value == pytest.approx(line.without[found.leader])
    brier = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
             for r in range(1, ws.max_row + 1)}
    expected = closed_scores(case.matrices[0], found.posteriors)
    assert brier["Brier score, analyst"] is None
    assert brier["Brier score, tool"] == pytest.approx(expected[1])
    case_sheet = load_workbook(path)["Case"]
    texts = [c.value for row in case_sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "H1 (Title 1) proved true, known since 2019-07. Grounds: A trial" in texts


def test_a_transposed_matrix_sheet_has_hypotheses_down_the_side(tmp_path: Path):
    """One row per hypothesis, one column per item, each cell the rating's code; the workbook
    still imports to the same case, layout and outcome included."""
    case = sourced_case()
    mat = case.matrices[0]
    path = tmp_path / "c.xlsx"
    book, ws, header = transposed_sheet(case, path)
    first = header.index("E1") + 1
    assert header[:6] == ["Hypothesis", "Incons.", "Weighted", "P(H|E)", "Analyst", "Rank"]
    assert header[first - 1:] == [case.evidence_item(r.evidence_id).label for r in mat.rows]
    for n, hyp in enumerate(mat.hypotheses):
        row = 4 + n
        assert ws.cell(row=row, column=1).value == f"H{n + 1}: {hyp.title}"
        for c, matrix_row in enumerate(mat.rows, first):
            found = mat.ratings.get((matrix_row.evidence_id, hyp.id))
            assert ws.cell(row=row, column=c).value == (found.rating.value if found else None)
    assert read_workbook(path)[0] == case


def test_html_shows_the_transposed_matrix_the_lines_and_the_outcome(tmp_path: Path):
    case = sourced_case()
    mat = case.matrices[0]
    path = tmp_path / "r.html"
    write_report(case, path, "html")
    html = path.read_text(encoding="utf-8")
    assert "Where the probabilities come from" in html and "Were every item independent" in html
    assert "H1 (Title 1) proved true, known since 2019-07. Grounds: A trial" in html
    table = html[html.index("<h3>The matrix</h3>"):]
    table = table[:table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    assert len(rows) == 1 + len(mat.hypotheses)
    for hyp, row in zip(mat.hypotheses, rows[1:]):
        codes = re.findall(r'<td class="code"[^>]*>([A-Z]+)</td>|<td></td>', row)
        expected = [(mat.ratings[(r.evidence_id, hyp.id)].rating.value
                     if (r.evidence_id, hyp.id) in mat.ratings else "") for r in mat.rows]
        assert codes == expected


def test_pdf_shows_the_transposed_matrix_in_even_parts_with_every_code(tmp_path: Path):
    case = sourced_case()
    mat = case.matrices[0]
    path = tmp_path / "r.pdf"
    write_report(case, path, "pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())
    assert "Where the probabilities come from" in text and "Outcome" in text
    assert "Part 1 of 2: E1 to E12" in text and "Part 2 of 2: E13 to E23" in text
    part = text[text.index("The matrix"):text.index("The evidence")]
    words = part.split()
    rated = [a.rating.value for a in mat.ratings.values()]
    for code in CODES:
        assert words.count(code) >= rated.count(code), code
    key = text[text.index("The evidence"):]
    assert all(f"Item {i} says something" in key for i in range(1, 24))


def test_ratings_typed_over_in_a_transposed_sheet_come_back(tmp_path: Path):
    """Editing a rating in the transposed sheet, and blanking another, is read back on import,
    as it is in the standard layout."""
    case = sourced_case()
    mat = case.matrices[0]
    path = tmp_path / "c.xlsx"
    book, ws, header = transposed_sheet(case, path)
    e3, e5 = header.index("E3") + 1, header.index("E5") + 1
    ws.cell(row=4 + 1, column=e3).value = "II"  # H2 × E3
    ws.cell(row=4 + 3, column=e5).value = None  # H4 × E5
    book.save(path)
    back = read_workbook(path)[0].matrices[0]
    e3_id, e5_id = mat.rows[2].evidence_id, mat.rows[4].evidence_id
    assert back.ratings[(e3_id, mat.hypotheses[1].id)].rating.value == "II"
    assert back.ratings[(e3_id, mat.hypotheses[1].id)].analyst == "edited in Excel"
    assert (e5_id, mat.hypotheses[3].id) not in back.ratings
    untouched = {c: a for c, a in back.ratings.items()
                 if c not in ((e3_id, mat.hypotheses[1].id), (e5_id, mat.hypotheses[3].id))}
    assert untouched == {c: a for c, a in mat.ratings.items() if c in untouched}


def test_a_stated_likelihood_is_named_in_the_workbook_and_the_html(tmp_path: Path):
    case = sourced_case(transposed=False)
    mat = case.matrices[0]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    mat.ratings[cell] = dataclasses.replace(mat.ratings[cell], likelihood=0.125, rationale="Why")
    write_workbook(case, tmp_path / "c.xlsx")
    book = load_workbook(tmp_path / "c.xlsx")
    ws = book[book.sheetnames[1]]
    comment = ws.cell(row=4, column=7).comment
    assert comment is not None and comment.text.startswith("Why")
    assert "Likelihood stated: 12.5%." in comment.text
    write_report(case, tmp_path / "r.html", "html")
    assert 'title="Why (likelihood stated: 12.5%)"' in (tmp_path / "r.html").read_text(encoding="utf-8")
