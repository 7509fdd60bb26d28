"""Interchange: workbooks both ways, PARC ACH files, CSV, reports, and hostile input."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from sat_tool.domain import Level, Rating
from sat_tool.formats import parc, xlsx_import
from sat_tool.formats.csv_export import matrix_csv
from sat_tool.formats.parc import ParcError, read_achz
from sat_tool.formats.xlsx_import import WorkbookError, read_workbook
from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import without_uids



def exported_json(workspace: Workspace, case_id: int, path: Path) -> dict:
    svc.export_case(workspace, case_id, "json", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["case"]["uid"] = ""
    return data


# ------------------------------------------------------------------ Excel


def test_exported_workbook_round_trips_exactly(workspace: Workspace, editor, tmp_path: Path):
    """Export to Excel, import the workbook: the case is the same, snapshots and all."""
    mat = editor.case.matrices[0]
    editor.take_snapshot(mat.id, "Baseline")
    editor.set_probabilities(mat.id, "judged", {h.id: 0.25 for h in mat.hypotheses})
    svc.export_case(workspace, editor.case.id, "xlsx", tmp_path / "case.xlsx")
    copy_id = svc.import_file(workspace, tmp_path / "case.xlsx")
    copy = exported_json(workspace, copy_id, tmp_path / "b.json")
    original = exported_json(workspace, editor.case.id, tmp_path / "a.json")
    assert copy["case"]["title"] == original["case"]["title"] + " (2)"  # a second of one title
    copy["case"]["title"] = original["case"]["title"]
    assert without_uids(copy) == without_uids(original)  # the copy's parts have ids of their own


def test_ratings_changed_in_excel_come_back(workspace: Workspace, sample_id, tmp_path: Path):
    """A rating typed over in the exported matrix sheet replaces the stored one on import."""
    path = tmp_path / "case.xlsx"
    svc.export_case(workspace, sample_id, "xlsx", path)
    book = load_workbook(path)
    sheet = book[book.sheetnames[1]]
    header = next(r for r in range(1, 10) if sheet.cell(row=r, column=1).value == "Evidence")
    first_hyp = next(c for c in range(1, sheet.max_column + 1)
                     if str(sheet.cell(row=header, column=c).value).startswith("H1:"))
    assert sheet.cell(row=header + 1, column=1).value == "E1"
    sheet.cell(row=header + 1, column=first_hyp).value = "ii"
    book.save(path)
    case = svc.load_case(workspace, svc.import_file(workspace, path))
    mat = case.matrices[0]
    cell = mat.ratings[(mat.rows[0].evidence_id, mat.hypotheses[0].id)]
    # a workbook holds one analyst's matrix: the cell typed over is theirs
    assert cell.rating is Rating.II and cell.analyst == "Sam Adler"


def hand_made(path: Path, rows: list[list], title: str = "Port fire") -> Path:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_a_hand_made_sheet_imports(workspace: Workspace, tmp_path: Path):
    """First column evidence, first row hypotheses; Relevance and CRED columns in any order."""
    path = hand_made(tmp_path / "mine.xlsx", [
        ["Evidence", "Relevance", "Accident", "Arson", "CRED", "notes"],
        ["Fuel was stored badly", "high", "C", "n", "Low", "seen by the inspector"],
        ["A boat left at night", "", "I", "cc", "High", None],
        ["The owner was insured", "Medium", None, "C", "", ""],
    ])
    case = svc.load_case(workspace, svc.import_file(workspace, path))
    mat = case.matrices[0]
    assert case.title == "mine" and mat.question == "Port fire"
    assert [h.title for h in mat.hypotheses] == ["Accident", "Arson"]
    assert [case.evidence_item(r.evidence_id).text for r in mat.rows] == [
        "Fuel was stored badly", "A boat left at night", "The owner was insured"]
    assert [r.relevance for r in mat.rows] == [Level.HIGH, Level.MEDIUM, Level.MEDIUM]
    assert [case.evidence_item(r.evidence_id).credibility for r in mat.rows] == [
        Level.LOW, Level.HIGH, Level.MEDIUM]
    grid = [[mat.rating(r.evidence_id, h.id) for h in mat.hypotheses] for r in mat.rows]
    assert grid == [[Rating.C, Rating.N], [Rating.I, Rating.CC], [None, Rating.C]]
    assert case.evidence_item(mat.rows[0].evidence_id).notes == "seen by the inspector"


@pytest.mark.parametrize(("rows", "message"), [
    ([["Evidence", "H1", "H2"], ["Item", "C", "Maybe"]],
     "sheet 'Port fire', row 2, column C: 'Maybe' is not a rating"),
    ([["Evidence", "Credibility", "H1"], ["Item", "Sure", "C"]],
     "sheet 'Port fire', row 2, column B: credibility 'Sure' is not a level"),
    ([["Evidence", "H1"], [None, "C"]], "sheet 'Port fire', row 2, column A: ratings without"),
    ([["Evidence", "Credibility"], ["Item", "High"]], "row 1: no hypotheses found"),
    ([["Evidence", "H1", "H2"], ["Item", 3, "C"]], "row 2, column B: 3 is not a rating"),
])
def test_bad_hand_made_sheets_name_sheet_row_and_column(workspace, tmp_path: Path, rows, message):
    """Each mistake names where it is and what was expected; nothing is imported."""
    with pytest.raises(svc.CaseFileError, match=message):
        svc.import_file(workspace, hand_made(tmp_path / "bad.xlsx", rows))
    assert svc.list_cases(workspace) == []


def test_files_that_are_not_workbooks(workspace, tmp_path: Path):
    """A text file named .xlsx and a zip of something else are refused by name."""
    fake = tmp_path / "fake.xlsx"
    fake.write_text("just text")
    with pytest.raises(svc.CaseFileError, match="not an Excel workbook"):
        svc.import_file(workspace, fake)
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("readme.txt", "hello")
    with pytest.raises(svc.CaseFileError, match="zip file but not an Excel workbook"):
        svc.import_file(workspace, other)
    assert svc.list_cases(workspace) == []


def test_zip_bomb_is_refused_before_it_is_opened(tmp_path: Path, monkeypatch):
    """A workbook that would expand far beyond its size is refused as a possible zip bomb."""
    monkeypatch.setattr(xlsx_import, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/worksheets/sheet1.xml", b"0" * 5_000_000)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(WorkbookError, match="zip bomb"):
        read_workbook(bomb)


# ------------------------------------------------------------------ PARC ACH


def test_parc_round_trip_keeps_the_matrix(workspace: Workspace, sample_id, tmp_path: Path):
    """A matrix exported to .achz and imported back has the same hypotheses, evidence and ratings."""
    path = tmp_path / "m1.achz"
    svc.export_case(workspace, sample_id, "achz", path, matrix="1", classification="UNCLASSIFIED")
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(b"\xff\xfe") and "<PROJECT-TITLE>" in raw.decode("utf-16")
    original = svc.load_case(workspace, sample_id)
    copy = svc.load_case(workspace, svc.import_file(workspace, path))
    a, b = original.matrices[0], copy.matrices[0]
    assert [h.title for h in a.hypotheses] == [h.title for h in b.hypotheses]
    for row_a, row_b in zip(a.rows, b.rows, strict=True):
        ea, eb = original.evidence_item(row_a.evidence_id), copy.evidence_item(row_b.evidence_id)
        assert (ea.text, ea.credibility, ea.type, row_a.relevance) == (
            eb.text, eb.credibility, eb.type, row_b.relevance)
        assert eb.date == (ea.date if len(ea.date) == 10 else eb.date)
        assert [a.rating(row_a.evidence_id, h.id) for h in a.hypotheses] == [
            b.rating(row_b.evidence_id, h.id) for h in b.hypotheses]
    assert "Classification: UNCLASSIFIED" in copy.description


def test_parc_reader_is_tolerant(tmp_path: Path):
    """Lower-case tags, missing optional parts and PARC's spaced codes are read."""
    xml = ("<project><project-title>Bridge</project-title><matrix>"
           "<hypothesis><name>Storm</name></hypothesis><hypothesis><name>Sabotage</name></hypothesis>"
           "<evidence><name>Cables cut</name><values>I I,C C</values>"
           "<credibility>high</credibility><date>1325376000000</date><flag>true</flag></evidence>"
           "<evidence><name>Wind 120 km/h</name><values>C,</values></evidence>"
           "</matrix></project>")
    path = tmp_path / "bridge.achz"
    path.write_bytes(gzip.compress(xml.encode("utf-16")))
    case = read_achz(path)
    mat = case.matrices[0]
    first, second = case.evidence
    assert case.title == "Bridge" and [h.title for h in mat.hypotheses] == ["Storm", "Sabotage"]
    assert [mat.rating(first.id, h.id) for h in mat.hypotheses] == [Rating.II, Rating.CC]
    assert [mat.rating(second.id, h.id) for h in mat.hypotheses] == [Rating.C, None]
    assert first.credibility is Level.HIGH and first.date == "2012-01-01"
    assert "Flagged in PARC ACH" in first.notes


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                  "<ACH-PROJECT><PROJECT-TITLE>&lol3;</PROJECT-TITLE><MATRIX/></ACH-PROJECT>")


@pytest.mark.parametrize(("content", "message"), [
    (gzip.compress(BILLION_LAUGHS.encode("utf-16")), "XML bomb"),
    (b"PK\x03\x04 a zip, not gzip", "not a PARC ACH project"),
    (gzip.compress("<ACH-PROJECT><MATRIX>".encode("utf-16")), "not well-formed XML"),
    (gzip.compress("<ACH-PROJECT><PROJECT-TITLE>x</PROJECT-TITLE></ACH-PROJECT>".encode("utf-16")),
     "it has no MATRIX"),
    (gzip.compress(("<A><MATRIX><HYPOTHESIS><NAME>H</NAME></HYPOTHESIS><EVIDENCE><NAME>E</NAME>"
                    "<VALUES>X</VALUES></EVIDENCE></MATRIX></A>").encode("utf-16")), "'X' is not a rating"),
    (gzip.compress(b"\x00" * 10)[:-6], "damaged"),
])
def test_hostile_or_broken_parc_files(workspace, tmp_path: Path, content, message):
    """Bombs, wrong files and broken projects get a message naming the problem; nothing imports."""
    path = tmp_path / "x.achz"
    path.write_bytes(content)
    with pytest.raises(svc.CaseFileError, match=message):
        svc.import_file(workspace, path)
    assert svc.list_cases(workspace) == []


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path, monkeypatch):
    """A small .achz that would inflate past the limit is refused without inflating it all."""
    monkeypatch.setattr(parc, "MAX_XML_BYTES", 100_000)
    path = tmp_path / "bomb.achz"
    path.write_bytes(gzip.compress(b"<" + b" " * 5_000_000))
    with pytest.raises(ParcError, match="compression bomb"):
        read_achz(path)


# ------------------------------------------------------------------ CSV and reports


def test_csv_has_the_matrix_and_defuses_formulas(editor):
    """The CSV lists every row and hypothesis; text starting with = is prefixed with '."""
    mat = editor.case.matrices[0]
    editor.update_evidence(mat.rows[0].evidence_id, text="=HYPERLINK(\"http://x\")")
    text = matrix_csv(editor.case, mat)
    lines = text.splitlines()
    assert lines[0].startswith("Evidence,Text,Type,Credibility,Relevance,Diagnosticity,")
    assert lines[1].startswith("E1,\"'=HYPERLINK(\"\"http://x\"\")\"")
    assert len([line for line in lines if line[:1] == "E" and line[1:2].isdigit()]) == len(mat.rows)
    assert any(line.startswith(",,,,,Rank (weighted)") for line in lines)


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_reports_carry_ranking_matrix_sources_and_banner(workspace, sample_id, tmp_path: Path, fmt):
    """A case report names every question, ranks the hypotheses, cites sources, and shows the banner."""
    path = tmp_path / f"report.{fmt}"
    svc.export_case(workspace, sample_id, fmt, path, classification="SECRET//REL TO TRAINING")
    case = svc.load_case(workspace, sample_id)
    if fmt == "pdf":
        reader = PdfReader(str(path))
        pages = [page.extract_text() for page in reader.pages]
        assert len(pages) > 5
        assert all("SECRET//REL TO TRAINING" in page for page in pages)
        text = "\n".join(pages)
    else:
        text = path.read_text(encoding="utf-8")
        assert text.count("SECRET//REL TO TRAINING") >= 2 and "<svg" in text
        assert 'src="http' not in text and "<script" not in text and "<link" not in text
    for mat in case.matrices:
        assert mat.question.split("?")[0][:40] in " ".join(text.split())
    assert "Sources cited" in text and "Thomas Joscelyn" in text
    assert "Ranking, least evidence against first" in " ".join(text.split())


def test_html_report_escapes_user_text(workspace, editor, tmp_path: Path):
    """Markup typed by an analyst shows as text in the HTML report, never as markup."""
    mat = editor.case.matrices[0]
    editor.update_hypothesis(mat.hypotheses[0].id, title="<script>alert(1)</script>")
    path = tmp_path / "r.html"
    svc.export_case(workspace, editor.case.id, "html", path, matrix="1")
    text = path.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_an_export_without_its_data_sheet_is_explained(workspace, sample_id, tmp_path: Path):
    """A SAT Tool workbook whose hidden case sheet was removed gets a message saying so."""
    path = tmp_path / "case.xlsx"
    svc.export_case(workspace, sample_id, "xlsx", path)
    book = load_workbook(path)
    del book["_sat_tool_data"]
    book.save(path)
    with pytest.raises(svc.CaseFileError, match="lost the hidden sheet"):
        svc.import_file(workspace, path)
    with pytest.raises(svc.CaseFileError, match="lost the hidden sheet"):  # the preview says so too
        svc.preview_workbook(path)


@pytest.mark.parametrize(("text", "colour"), [
    ("UNCLASSIFIED", "007A33"), ("CONFIDENTIAL", "0033A0"), ("SECRET//NOFORN", "C8102E"),
    ("TOP SECRET//SI", "FF8C00"), ("Internal draft", "555555"),
])
def test_banner_colours_follow_the_classification(text, colour):
    """Report banners take the conventional colour of their classification."""
    from sat_tool.report.content import banner_colour

    assert banner_colour(text) == colour
