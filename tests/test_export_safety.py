"""Exports under stress, read back the way a user would open them.

- Every export that claims to round-trip reads back exactly what it wrote, whatever the
  text: control characters, U+FFFE/U+FFFF, bare CR and CRLF, characters outside the BMP,
  100,000-character texts (bundle and workbook: the whole case; PARC: what PARC holds).
- No export carries a formula into a spreadsheet (workbook cells are strings, CSV cells
  that would start a formula are defused, also after a line break in a field).
- No export leaves a partial file: a full disk or a failing library leaves the target
  as it was (absent or the previous version) and no temporary file.
- The PDF report lays out any length of text and any number of hypotheses; the HTML
  report of a 2,000 × 30 matrix finishes in seconds.
"""

from __future__ import annotations

import builtins
import csv
import errno
import gc
import gzip
import io
import re
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

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
    Source,
    SourceId,
)
from sat_tool.formats import FORMULA_TRIGGERS
from sat_tool.formats.bundle import case_to_dict
from sat_tool.formats.csv_export import matrix_csv, safe
from sat_tool.formats.parc import decode_text, encode_text, project_xml
from sat_tool.formats.xlsx import DATA_SHEET
from sat_tool.report import charts
from sat_tool.services import cases as svc

SPECIAL = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1b", "\x1f", "\x7f", "\x85", "\ufffe",
           "\uffff", "\ufeff", "\u2028", "\r", "\r\n", "\n", "\t", " ", "\xa0", "\U0001F600",
           "\U00010000", "\U0010FFFF", "=", "+", "-", "@", "=1+1", "_x0001_", "_x005F_", "x005F_",
           "_x000D_", "_x001F", "&#13;", "&amp;", "]]>", "<", ">", "&", '"', "'", ",", "\\u0000"]
"""Pieces that have broken, or could break, a format: mixed into arbitrary text."""

PIECE = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
                  st.sampled_from(SPECIAL))
TEXT = st.lists(PIECE, max_size=6).map("".join)
"""Any text Python can encode (lone surrogates excepted), biased to the awkward pieces."""

FORMULA_TEXT = st.tuples(st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", " =", "\r\n=",
                                          "\x00=", "\ufeff=", "\u3000@"]), TEXT).map("".join)
"""Text that starts like a formula, possibly behind blanks and control characters."""

DATES = st.one_of(st.just(""), st.dates(date(1970, 1, 1), date(2200, 12, 31)).map(date.isoformat))

LONG = 100_000


def required(text: str) -> str:
    """A text the bundle accepts where a value is required (not blank)."""
    return text if text.strip() else text + "x"


def make_case(text: Callable[[str], str] = lambda field: field, evidence: int = 2,
              hypotheses: int = 2, numbers: list[int] | None = None,
              dates: list[str] | None = None) -> Case:
    """A one-matrix case whose every text comes from ``text(field name)``; all cells rated."""
    case = Case(CaseId(1), required(text("case title")), "6f1d2c9e-0a51-4c3e-9a7b-a2f3c5d10499",
                text("description"), "2024-01-01T00:00:00Z")
    case.sources.append(Source(SourceId(1), required(text("source title")), text("author"),
                               text("publication"), "2024-01-01", text("url"), text("reliability"),
                               text("source text")))
    case.sources.append(Source(SourceId(2), "No link"))
    matrix = Matrix(MatrixId(1), required(text("question")), text("matrix notes"),
                    text("conclusions"), text("milestones"))
    for j in range(hypotheses):
        matrix.hypotheses.append(Hypothesis(HypothesisId(j + 1), required(text(f"H{j + 1} title")),
                                            text(f"H{j + 1} description"), None, 0.5))
    kinds, levels, codes = list(EvidenceType), list(Level), list(Rating)
    for i in range(evidence):
        number = numbers[i] if numbers else i + 1
        item = Evidence(EvidenceId(i + 1), number, required(text(f"E{i + 1} text")),
                        SourceId(1 + i % 2), dates[i] if dates else "2024-02-03",
                        kinds[i % len(kinds)], levels[i % 3], text(f"E{i + 1} notes"),
                        text(f"E{i + 1} quote"))
        case.evidence.append(item)
        matrix.rows.append(MatrixRow(item.id, levels[(i + 1) % 3]))
        for j, hyp in enumerate(matrix.hypotheses):
            matrix.ratings[(item.id, hyp.id)] = Assessment(codes[(i + j) % len(codes)],
                                                           text("analyst"), text(f"why {i} {j}"))
    case.matrices.append(matrix)
    return case


def from_list(texts: list[str]) -> Callable[[str], str]:
    """``text(field)`` that hands out the drawn texts in turn (cycling)."""
    stream: Iterator[str] = iter(texts * 200)
    return lambda field: next(stream)


def canonical(case: Case) -> dict:
    """The bundle structure of a case: equal for cases that hold the same."""
    return case_to_dict(case)


def written(case: Case, fmt: str, folder: Path, **kw) -> Path:
    path = folder / f"case.{fmt}"
    svc.write_case(case, fmt, path, **kw)
    return path


def long_text(seed: str = "") -> str:
    """100,000 characters of every awkward piece, astral characters included."""
    return (seed + "".join(SPECIAL) + "plain words " * 3) * (LONG // 150) + "\U0001F600"


# ------------------------------------------------------------------ exact round trips


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=40))
@example(texts=SPECIAL)
def test_bundle_round_trips_any_text(texts: list[str]) -> None:
    """The JSON bundle reads back the whole case exactly, whatever its texts hold."""
    case = make_case(from_list(texts))
    with tempfile.TemporaryDirectory() as folder:
        back, snapshots = svc.read_case_file(written(case, "json", Path(folder)))
    assert canonical(back) == canonical(case) and snapshots == {1: []}


@settings(max_examples=15, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=40))
@example(texts=SPECIAL)
def test_workbook_round_trips_any_text(texts: list[str]) -> None:
    """The workbook's hidden sheet reads back the whole case exactly, whatever its texts hold."""
    case = make_case(from_list(texts))
    with tempfile.TemporaryDirectory() as folder:
        back, _ = svc.read_case_file(written(case, "xlsx", Path(folder)))
    assert canonical(back) == canonical(case)


def test_long_texts_round_trip_in_bundle_and_workbook(tmp_path: Path) -> None:
    """100,000-character texts in every field come back whole; the visible cell is cut with a note."""
    case = make_case(lambda field: long_text(field), evidence=1, hypotheses=1)
    for fmt in ("json", "xlsx"):
        back, _ = svc.read_case_file(written(case, fmt, tmp_path))
        assert canonical(back) == canonical(case), fmt
    book = load_workbook(tmp_path / "case.xlsx")
    shown = book["Evidence"]["B2"].value
    assert len(shown) <= 32_767 and shown.endswith("characters in full]")
    assert book[DATA_SHEET].max_row > 3  # the bundle spans several cells of the hidden sheet


def test_workbook_survives_an_underscore_escape_in_text(tmp_path: Path) -> None:
    """Text such as ``_x000D_`` is not an escape to Excel or openpyxl in the hidden sheet."""
    case = make_case(lambda field: "_x000D_ x005F_ _x005F_x0041_ " + field)
    path = written(case, "xlsx", tmp_path)
    with zipfile.ZipFile(path) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/")]
        data = package.read(sheets[-1]).decode("utf-8")
    assert "sat-tool-case-bundle" in data and "_" not in data.split("sat-tool-case-bundle", 1)[1]
    assert canonical(svc.read_case_file(path)[0]) == canonical(case)


def parc_view(case: Case, classification: str) -> dict:
    """What a PARC project holds of a case's first matrix, as SAT Tool reads it back."""
    matrix = case.matrices[0]
    rows = []
    for row in matrix.rows:
        item = case.evidence_item(row.evidence_id)
        link = case.source(item.source_id).url if item.source_id is not None else ""
        rows.append((item.number, item.text, item.notes, item.type, item.credibility, row.relevance,
                     item.date, link, [matrix.rating(row.evidence_id, h.id) for h in matrix.hypotheses]))
    title = f"{case.title}: {matrix.question}"
    return {"title": title, "question": title,
            "description": "Imported from the PARC ACH project case.achz."
                           + (f" Classification: {classification}." if classification else ""),
            "hypotheses": [(h.title, h.description) for h in matrix.hypotheses], "rows": rows}


def parc_view_of_import(back: Case) -> dict:
    matrix = back.matrices[0]
    rows = []
    for row in matrix.rows:
        item = back.evidence_item(row.evidence_id)
        link = back.source(item.source_id).url if item.source_id is not None else ""
        rows.append((item.number, item.text, item.notes, item.type, item.credibility, row.relevance,
                     item.date, link, [matrix.rating(row.evidence_id, h.id) for h in matrix.hypotheses]))
    return {"title": back.title, "question": matrix.question, "description": back.description,
            "hypotheses": [(h.title, h.description) for h in matrix.hypotheses], "rows": rows}


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=40), classification=TEXT,
       numbers=st.lists(st.integers(1, 10_000), min_size=3, max_size=3, unique=True),
       dates=st.lists(DATES, min_size=3, max_size=3))
@example(texts=SPECIAL, classification="\x00 SECRET\r\n", numbers=[1, 2, 3], dates=["", "", ""])
def test_parc_round_trips_what_parc_holds(texts: list[str], classification: str, numbers: list[int],
                                          dates: list[str]) -> None:
    """Titles, texts, notes, links, labels, dates, levels and ratings come back exactly."""
    case = make_case(from_list(texts), evidence=3, numbers=numbers, dates=dates)
    with tempfile.TemporaryDirectory() as folder:
        back, _ = svc.read_case_file(written(case, "achz", Path(folder), classification=classification))
    assert parc_view_of_import(back) == parc_view(case, classification)
    assert all(a.analyst == "PARC ACH import" and a.rationale == ""
               for a in back.matrices[0].ratings.values())


def test_parc_long_texts_round_trip_and_stay_well_formed(tmp_path: Path) -> None:
    """100,000-character texts survive PARC; the XML holds no character XML 1.0 forbids."""
    case = make_case(lambda field: long_text(field), evidence=1, hypotheses=1)
    xml = project_xml(case, case.matrices[0])
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\r]", xml)
    back, _ = svc.read_case_file(written(case, "achz", tmp_path))
    assert parc_view_of_import(back) == parc_view(case, "")


@given(text=TEXT)
@example(text="_x001F\x01")
@example(text="_x0041_x0001_")
def test_parc_escapes_are_reversible(text: str) -> None:
    """Encoding leaves only characters XML holds, and decoding gives back the text."""
    encoded = encode_text(text)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", encoded)
    assert decode_text(encoded) == text


def test_parc_reader_leaves_foreign_escapes_alone(tmp_path: Path) -> None:
    """A project from PARC itself keeps ``_x0041_`` as text and is stripped as before."""
    xml = ("<ACH-PROJECT><MATRIX><HYPOTHESIS><NAME>  H_x0041_  </NAME></HYPOTHESIS>"
           "<EVIDENCE><NAME>\n  Text\n</NAME><CODE>X-7</CODE></EVIDENCE></MATRIX></ACH-PROJECT>")
    path = tmp_path / "p.achz"
    path.write_bytes(gzip.compress(xml.encode("utf-16")))
    back, _ = svc.read_case_file(path)
    assert back.matrices[0].hypotheses[0].title == "H_x0041_"
    assert back.evidence[0].text == "Text" and back.evidence[0].number == 1
    assert back.evidence[0].notes == "PARC code: X-7"


# ------------------------------------------------------------------ no formulas in spreadsheets


def spreadsheet_records(text: str) -> list[list[str]]:
    """CSV split as LibreOffice and Excel split it: a quoted field holds anything (``""`` is a
    quote), and outside quotes a CR, an LF or a CRLF ends the record."""
    records, record, field, i, quoted = [], [], [], 0, False
    while i < len(text):
        char = text[i]
        if quoted:
            if char == '"' and text[i + 1:i + 2] == '"':
                field.append('"')
                i += 1
            elif char == '"':
                quoted = False
            else:
                field.append(char)
        elif char == '"' and not field:
            quoted = True
        elif char == ",":
            record.append("".join(field))
            field = []
        elif char in "\r\n":
            record.append("".join(field))
            records.append(record)
            record, field = [], []
            if char == "\r" and text[i + 1:i + 2] == "\n":
                i += 1
        else:
            field.append(char)
        i += 1
    if field or record:
        record.append("".join(field))
        records.append(record)
    return records


def runs_as_formula(cell: str) -> bool:
    """A spreadsheet's rule: skipping blanks and control characters, = + - @ start a formula
    (a plain number such as -1.5 stays a number)."""
    rest = cell
    while rest and (rest[0].isspace() or unicodedata.category(rest[0]) in ("Cc", "Cf")):
        rest = rest[1:]
    return rest[:1] in ("=", "+", "-", "@") and not re.fullmatch(r"\s*[-+]?\d+(\.\d+)?\s*", cell)


@settings(max_examples=80, deadline=None)
@given(texts=st.lists(FORMULA_TEXT, min_size=1, max_size=20))
@example(texts=["note\r=1+1", "a\r\n=2+2", "\r=3", "=HYPERLINK(\"http://x\")"])
def test_csv_reads_back_and_runs_no_formula(texts: list[str]) -> None:
    """Each field reads back as written (defused), no record splits, no cell runs as a formula."""
    case = make_case(from_list(texts), evidence=3, hypotheses=2)
    with tempfile.TemporaryDirectory() as folder:
        raw = written(case, "csv", Path(folder)).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    matrix = case.matrices[0]
    assert len(rows) == 1 + len(matrix.rows) + 4
    assert rows[0][6:] == [safe(f"H{j}: {h.title}") for j, h in enumerate(matrix.hypotheses, 1)]
    for row, matrix_row in zip(rows[1:], matrix.rows):
        item = case.evidence_item(matrix_row.evidence_id)
        assert row[:2] == [item.label, safe(item.text)]
    assert spreadsheet_records(text) == rows
    assert not [cell for row in rows for cell in row if runs_as_formula(cell)]


def test_csv_quotes_every_field_with_a_line_break() -> None:
    """A bare CR in a field is quoted: ``note\\r=1+1`` stays one cell of one row."""
    case = make_case(lambda field: "note\r=1+1" if field == "E1 text" else field)
    text = matrix_csv(case, case.matrices[0])
    assert '"note\r=1+1"' in text
    assert spreadsheet_records(text)[1][1] == "note\r=1+1"


@pytest.mark.parametrize(("text", "defused"), [
    ("=1+1", True), ("+1", True), ("-x", True), ("@SUM(A1)", True), ("\tx", True), ("\rx", True),
    (" =1", True), ("\n=1", True), ("\x00=1", True), ("\u3000@x", True), ("a=1", False),
    ("note\r=1+1", False), ("", False), ("E1", False),
])
def test_csv_guard(text: str, defused: bool) -> None:
    """The apostrophe goes on fields a spreadsheet would run, and only on those."""
    assert safe(text) == ("'" + text if defused else text)


@settings(max_examples=12, deadline=None)
@given(texts=st.lists(st.one_of(FORMULA_TEXT, TEXT), min_size=1, max_size=40))
@example(texts=["=1+1", "@x", "-2", "+3", "\t=4", "\r=5", "\x00=6", "=" * 40_000])
def test_workbook_has_no_formula_cells(texts: list[str]) -> None:
    """Every text cell of every sheet is a string; text starting like a formula keeps Excel's
    quote prefix, so it stays text even when edited."""
    case = make_case(from_list(texts), evidence=3)
    with tempfile.TemporaryDirectory() as folder:
        path = written(case, "xlsx", Path(folder))
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    assert not re.search(r"<(\w+:)?f[ />]", package.read(name).decode("utf-8")), name
        book = load_workbook(path)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS):
                    assert cell.data_type == "s" and cell.quotePrefix, (ws.title, cell.coordinate)


# ------------------------------------------------------------------ no partial files


FORMATS = ["xlsx", "json", "achz", "csv", "pdf", "html"]


class FullDisk:
    """A file that takes ``room`` bytes (or characters) and then fails with ENOSPC."""

    def __init__(self, real, room: int) -> None:
        self.real, self.room = real, room

    def write(self, data):
        if len(data) > self.room:
            self.real.write(data[:self.room])
            self.real.flush()
            self.room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.real.write(data)

    def __getattr__(self, name: str):
        return getattr(self.real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.real.close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing any temporary (``.part``) file fails with ENOSPC after 64 bytes."""
    real_open = io.open

    def fake_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        if isinstance(file, (str, Path)) and str(file).endswith(".part") and set(mode) & set("wxa"):
            return FullDisk(handle, 64)
        return handle

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)


def previous(folder: Path, fmt: str, exists: bool) -> Path:
    folder.mkdir()
    target = folder / f"case.{fmt}"
    if exists:
        target.write_bytes(b"the previous version")
    return target


def assert_untouched(target: Path, existed: bool) -> None:
    listed = sorted(p.name for p in target.parent.iterdir())
    assert listed == ([target.name] if existed else [])
    if existed:
        assert target.read_bytes() == b"the previous version"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("existed", [False, True], ids=["new", "replacing"])
# openpyxl leaves its zip file open on an error; collected, it fails again on the full disk
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_leaves_the_target_as_it_was(tmp_path: Path, full_disk, fmt: str,
                                                 existed: bool) -> None:
    """ENOSPC half-way through the write: the error reaches the caller, nothing is left over."""
    target = previous(tmp_path / "out", fmt, existed)
    with pytest.raises(OSError) as raised:
        svc.write_case(make_case(), fmt, target)
    assert raised.value.errno == errno.ENOSPC
    del raised
    gc.collect()
    assert_untouched(target, existed)


def _fail(*args, **kwargs):
    raise RuntimeError("the library failed")


LIBRARY_FAILURES = {
    "xlsx": "openpyxl.writer.excel.ExcelWriter.write_worksheet",
    "json": "sat_tool.formats.bundle.dumps_bundle",
    "achz": "sat_tool.formats.parc.tostring",
    "csv": "csv.writer",
    "pdf": "reportlab.platypus.doctemplate.BaseDocTemplate.build",
    "html": "sat_tool.report.html.render_html",
}


@pytest.mark.parametrize("fmt", sorted(LIBRARY_FAILURES))
def test_a_failing_library_leaves_the_previous_file(tmp_path: Path, monkeypatch, fmt: str) -> None:
    """openpyxl, reportlab, the XML or CSV writer failing leaves the previous file alone."""
    target = previous(tmp_path / "out", fmt, True)
    monkeypatch.setattr(LIBRARY_FAILURES[fmt], _fail)
    with pytest.raises(RuntimeError, match="the library failed"):
        svc.write_case(make_case(), fmt, target)
    assert_untouched(target, True)


def test_the_workbook_is_complete_after_a_failed_attempt(tmp_path: Path, monkeypatch) -> None:
    """A failed export, then a good one, to the same name: the good one is whole and alone."""
    target = previous(tmp_path / "out", "xlsx", True)
    with monkeypatch.context() as patch:
        patch.setattr(LIBRARY_FAILURES["xlsx"], _fail)
        with pytest.raises(RuntimeError):
            svc.write_case(make_case(), "xlsx", target)
    svc.write_case(make_case(), "xlsx", target)
    assert [p.name for p in target.parent.iterdir()] == ["case.xlsx"]
    assert canonical(svc.read_case_file(target)[0]) == canonical(make_case())


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_charts_are_written_whole_or_not_at_all(tmp_path: Path, monkeypatch, full_disk,
                                                fmt: str) -> None:
    """A chart saved to a full disk or by a failing renderer leaves the previous image."""
    figure = charts.new_figure()
    case = make_case()
    from sat_tool.domain.scoring import score_matrix

    charts.draw_scores(figure.axes[0], case.matrices[0], score_matrix(case, case.matrices[0]))
    target = previous(tmp_path / "out", fmt, True)
    with pytest.raises(OSError):
        charts.write_chart(figure, target)
    assert_untouched(target, True)
    monkeypatch.setattr("matplotlib.figure.Figure.savefig", _fail)
    with pytest.raises(RuntimeError):
        charts.write_chart(figure, target)
    assert_untouched(target, True)


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_charts_are_written(tmp_path: Path, fmt: str) -> None:
    figure = charts.new_figure()
    charts.empty(figure.axes[0], "Nothing yet")
    charts.write_chart(figure, tmp_path / f"chart.{fmt}")
    data = (tmp_path / f"chart.{fmt}").read_bytes()
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data
    assert [p.name for p in tmp_path.iterdir()] == [f"chart.{fmt}"]


# ------------------------------------------------------------------ reports of any size


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def squeezed(pages: list[str]) -> str:
    """The PDF's text with no white space and no page numbers: a long word reads whole."""
    return "".join(re.sub(r"Page\d+", "", re.sub(r"\s+", "", page)) for page in pages)


def words(count: int, stem: str = "w") -> str:
    return " ".join(f"{stem}{i}" for i in range(count))


@pytest.mark.parametrize(("field", "text"), [
    ("E1 text", words(800)),                      # about 5,000 characters
    ("E1 text", words(15_000)),                   # about 100,000 characters
    ("E1 text", "abcdefghij" * 500),              # a 5,000-character word
    ("E1 text", "klmnopqrst" * 10_000),           # a 100,000-character word
    ("why 0 0", words(15_000, "r")),              # a 100,000-character rationale
    ("H1 title", words(15_000, "h")),             # a 100,000-character hypothesis
    ("conclusions", "uvwxyzabcd" * 10_000),       # a 100,000-character word in a paragraph
], ids=["text-5k", "text-100k", "word-5k", "word-100k", "rationale-100k", "hypothesis-100k",
        "conclusions-100k"])
def test_pdf_lays_out_long_texts_in_full(tmp_path: Path, field: str, text: str) -> None:
    """Long texts and long words lay out; the matrix cell is cut, the full text is printed below."""
    case = make_case(lambda name: text if name == field else name, evidence=2, hypotheses=3)
    pages = pdf_pages(written(case, "pdf", tmp_path))
    if field.startswith("why"):  # rationales are in the HTML report (a cell's tooltip), not the PDF
        assert "E1 text" in " ".join(pages)
        html = written(case, "html", tmp_path).read_text(encoding="utf-8")
        assert f'title="{text}"' in html
    elif " " in text:
        found = set(" ".join(pages).split())
        assert set(text.split()) <= found
    else:
        assert text in squeezed(pages)
    if field == "E1 text" and len(text) > 600:
        assert "[in full below]" in " ".join(" ".join(pages).split())


@pytest.mark.parametrize("count", [15, 50])
def test_pdf_splits_a_wide_matrix(tmp_path: Path, count: int) -> None:
    """A matrix too wide for the page is printed in parts, every hypothesis in one of them."""
    case = make_case(evidence=4, hypotheses=count)
    text = " ".join(" ".join(pdf_pages(written(case, "pdf", tmp_path))).split())
    assert "Part 1 of" in text
    for j in range(1, count + 1):
        assert f"H{j}: H{j} title" in text


def test_pdf_and_html_show_control_characters_harmlessly(tmp_path: Path) -> None:
    """Control characters print as U+FFFD in both reports; the PDF still has the texts."""
    case = make_case(lambda field: "a\x00b\x1f\ufffe c\r\nd\re " + field)
    pdf = " ".join(" ".join(pdf_pages(written(case, "pdf", tmp_path))).split())
    assert "E1 text" in pdf
    html = written(case, "html", tmp_path).read_text(encoding="utf-8")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", html)
    assert "a\ufffdb\ufffd\ufffd c" in html


def test_html_report_of_a_large_matrix_finishes_quickly(tmp_path: Path) -> None:
    """2,000 evidence items × 30 hypotheses: the whole report is written in seconds."""
    case = make_case(evidence=2_000, hypotheses=30)
    started = time.perf_counter()
    path = written(case, "html", tmp_path)
    elapsed = time.perf_counter() - started
    text = path.read_text(encoding="utf-8")
    assert text.count("<td class=text>") == 2_000 and "E2000 text" in text
    assert elapsed < 60, f"the report took {elapsed:.1f} s"
