"""Every reader is bounded, linear and exact.

- Files are refused by their type before they are opened, and read only up to
  their limit, whatever size they report.
- Workbooks are streamed: a sheet is refused by its dimension, or as soon as it
  passes the row, column or cell limits; what cannot be read (a value under an
  empty or merged header, merged cells over ratings, a formula without a saved
  result) is refused, never dropped.
- Bundles refuse numbers and text a workspace cannot store, naming the JSON path.
- The limits accept what SAT Tool itself writes (docs/formats.md has the measurements).
- Any case we can build reads back equal through the bundle; scores do not depend
  on the order of rows or hypotheses (hypothesis).
"""

from __future__ import annotations

import copy
import io
import json
import os
import threading
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

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
)
from sat_tool.domain.scoring import score_matrix
from sat_tool.formats import read_limited
from sat_tool.formats import bundle as bundle_module
from sat_tool.formats import xlsx_import
from sat_tool.formats.bundle import BundleError, dumps_bundle, loads_bundle, read_bundle, write_bundle
from sat_tool.formats.parc import ParcError, read_achz
from sat_tool.formats.text_import import SourceFileError, read_source_file
from sat_tool.formats.xlsx import write_workbook
from sat_tool.formats.xlsx_import import WorkbookError, read_workbook
from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import SAMPLE, one_analysts

TEMPLATES = Path("/work/shared/samples/excel-templates")
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

READERS: dict[str, tuple[Callable[[Path], Any], type[ValueError], str]] = {
    ".json": (read_bundle, BundleError, "case bundles"),
    ".xlsx": (read_workbook, WorkbookError, "workbooks"),
    ".achz": (read_achz, ParcError, "PARC files"),
    ".txt": (read_source_file, SourceFileError, "source documents"),
}


def finishes(call: Callable[[], Any], seconds: float = 20) -> BaseException | None:
    """Run ``call`` in a thread and return what it raised (None: nothing); fail if it hangs."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still reading after {seconds} s"
    return outcome[0]


# ------------------------------------------------------------------ files that never end


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("suffix", sorted(READERS))
def test_a_link_to_dev_zero_is_refused_by_its_type(tmp_path: Path, suffix: str):
    """/dev/zero reports 0 bytes and never ends: every reader refuses it before opening it."""
    read, error, what = READERS[suffix]
    path = tmp_path / f"zero{suffix}"
    path.symlink_to("/dev/zero")
    refused = finishes(lambda: read(path))
    assert isinstance(refused, error)
    assert str(refused) == f"zero{suffix} is a device, not a regular file; {what} are read only " \
                           "from regular files"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("suffix", sorted(READERS))
def test_a_pipe_is_refused_without_blocking(tmp_path: Path, suffix: str):
    """Opening a pipe with no writer blocks forever: it is refused by its type instead."""
    read, error, what = READERS[suffix]
    path = tmp_path / f"pipe{suffix}"
    os.mkfifo(path)
    refused = finishes(lambda: read(path))
    assert isinstance(refused, error)
    assert str(refused) == f"pipe{suffix} is a pipe, not a regular file; {what} are read only " \
                           "from regular files"


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_a_folder_is_refused(tmp_path: Path, suffix: str):
    read, error, what = READERS[suffix]
    path = tmp_path / f"folder{suffix}"
    path.mkdir()
    with pytest.raises(error) as refused:
        read(path)
    assert str(refused.value) == f"folder{suffix} is a folder, not a regular file; {what} are " \
                                 "read only from regular files"


def test_a_sparse_giant_is_refused_by_its_size_before_reading(tmp_path: Path):
    """An 8 GiB sparse file costs nothing to refuse: its size is checked before reading."""
    path = tmp_path / "giant.json"
    with path.open("wb") as handle:
        handle.truncate(8 << 30)
    refused = finishes(lambda: read_bundle(path), seconds=5)
    assert str(refused) == "giant.json is 8192 MiB; case bundles are limited to 512 MiB"


def test_reads_stop_one_byte_past_the_limit_whatever_the_file_reports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A file that reports a small size but goes on is read to the limit plus one byte, no more."""
    path = tmp_path / "endless.json"
    path.write_bytes(b"{}")
    served = []

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            assert size > 0, "an unbounded read"
            served.append(size)
            return b" " * size

    real = os.fdopen

    def endless(fd: int, *args: Any, **kwargs: Any) -> Any:
        os.close(fd)
        return Endless()

    monkeypatch.setattr(os, "fdopen", endless)
    try:
        with pytest.raises(BundleError) as refused:
            read_limited(path, 3 * 1024 * 1024, "case bundles", BundleError)
    finally:
        monkeypatch.setattr(os, "fdopen", real)
    assert str(refused.value) == "endless.json holds more than 3 MiB; case bundles are limited to 3 MiB"
    assert sum(served) == 3 * 1024 * 1024 + 1


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_file_reporting_zero_bytes_is_still_bounded(tmp_path: Path, monkeypatch):
    """/proc files report 0 bytes; the limit holds for what is actually read."""
    monkeypatch.setattr(bundle_module, "MAX_BUNDLE_BYTES", 100)
    path = tmp_path / "status.json"
    path.symlink_to("/proc/self/status")
    assert path.stat().st_size == 0
    with pytest.raises(BundleError) as refused:
        read_bundle(path)
    assert str(refused.value) == "status.json holds more than 100 bytes; case bundles are limited " \
                                 "to 100 bytes"


# ------------------------------------------------------------------ workbooks


def workbook_bytes(rows: list[list[Any]], title: str = "Port fire",
                   merged: tuple[str, ...] = ()) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref in merged:
        ws.merge_cells(ref)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rezip(source: bytes, replace: dict[str, bytes]) -> bytes:
    """The same package with some parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, replace.pop(item.filename, old.read(item.filename)))
        for name, data in replace.items():
            new.writestr(name, data)
    return out.getvalue()


def sheet_xml(dimension: str, rows: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}">'
            f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>').encode()


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


HEADER = f'<row r="1">{text_cell("A1", "Evidence")}{text_cell("B1", "H1")}</row>'


def with_sheet(tmp_path: Path, xml: bytes, name: str = "crafted.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(rezip(workbook_bytes([["Evidence", "H1"], ["x", "C"]]),
                           {"xl/worksheets/sheet1.xml": xml}))
    return path


def refusal(path: Path) -> str:
    with pytest.raises(WorkbookError) as refused:
        read_workbook(path)
    return str(refused.value)


def test_one_far_cell_is_refused_by_the_dimension_without_allocating(tmp_path: Path):
    """A 5 KB workbook naming XFD1048576 is refused at once; no grid is ever built."""
    book = Workbook()
    ws = book.active
    ws.append(["Evidence", "H1"])
    ws.append(["x", "C"])
    ws["XFD1048576"] = "far away"
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    tracemalloc.start()
    try:
        message = refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert message == ("sheet 'Sheet' spans 1,048,576 rows (A1:XFD1048576); SAT Tool reads at "
                       "most 20,000 rows a sheet")
    assert peak < 20 * 1024 * 1024


def test_a_million_rows_are_refused_by_the_dimension(tmp_path: Path):
    rows = HEADER + '<row r="1000000">' + text_cell("A1000000", "last") + "</row>"
    path = with_sheet(tmp_path, sheet_xml("A1:B1000000", rows))
    assert refusal(path) == ("sheet 'Port fire' spans 1,000,000 rows (A1:B1000000); SAT Tool "
                             "reads at most 20,000 rows a sheet")


def test_too_many_columns_are_refused_by_the_dimension(tmp_path: Path):
    path = with_sheet(tmp_path, sheet_xml("A1:ZZ3", HEADER))
    assert refusal(path) == ("sheet 'Port fire' spans 702 columns (A1:ZZ3); SAT Tool reads at "
                             "most 200 columns a sheet")


def test_a_dimension_that_lies_does_not_help(tmp_path: Path):
    """A sheet declaring A1:B2 but holding a cell far below or right is refused when it is met."""
    far_row = HEADER + '<row r="20001">' + text_cell("A20001", "x") + "</row>"
    assert refusal(with_sheet(tmp_path, sheet_xml("A1:B2", far_row), "rows.xlsx")) == (
        "sheet 'Port fire' has a cell in row 20,001; SAT Tool reads at most 20,000 rows a sheet")
    far_column = HEADER + '<row r="2">' + text_cell("GS2", "C") + "</row>"
    assert refusal(with_sheet(tmp_path, sheet_xml("A1:B2", far_column), "cols.xlsx")) == (
        "sheet 'Port fire' has a cell in column GS (column 201); SAT Tool reads at most 200 "
        "columns a sheet")
    no_dimension = sheet_xml("A1", far_row).replace(b'<dimension ref="A1"/>', b"")
    assert "row 20,001" in refusal(with_sheet(tmp_path, no_dimension, "none.xlsx"))


def test_too_many_cells_are_refused_while_streaming(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(xlsx_import, "MAX_CELLS", 10)
    path = tmp_path / "cells.xlsx"
    path.write_bytes(workbook_bytes([["Evidence", "H1"]] + [[f"item {i}", "C"] for i in range(10)]))
    assert refusal(path) == ("sheet 'Port fire' holds more than 10 cells, the most SAT Tool reads "
                             "in a sheet")


def test_a_formula_without_a_saved_result_is_refused_naming_the_cell(tmp_path: Path):
    path = tmp_path / "formula.xlsx"
    path.write_bytes(workbook_bytes([["Evidence", "H1", "H2"], ["x", '=IF(1,"C","I")', "N"]]))
    assert refusal(path) == (
        "sheet 'Port fire', row 2, column B: the formula =IF(1,\"C\",\"I\") has no saved result, "
        "so SAT Tool cannot tell its value (open and save the workbook in Excel or LibreOffice, "
        "or type the value instead)")


def test_a_formula_with_a_saved_result_is_read_by_its_result(tmp_path: Path):
    rows = (HEADER + '<row r="2">' + text_cell("A2", "x")
            + '<c r="B2" t="str"><f>IF(1,"C","I")</f><v>C</v></c></row>')
    case, _ = read_workbook(with_sheet(tmp_path, sheet_xml("A1:B2", rows)))
    mat = case.matrices[0]
    assert mat.rating(mat.rows[0].evidence_id, mat.hypotheses[0].id) is Rating.C


def test_a_rating_under_an_empty_header_is_refused(tmp_path: Path):
    path = tmp_path / "empty-header.xlsx"
    path.write_bytes(workbook_bytes([["Evidence", "H1", None, "H3"], ["x", "C", "I", "N"]]))
    assert refusal(path) == ("sheet 'Port fire', row 2, column C: 'I' is under an empty header "
                             "(expected a hypothesis name in row 1 above it, or nothing in this "
                             "column)")


def test_a_rating_under_a_merged_header_is_refused(tmp_path: Path):
    path = tmp_path / "merged-header.xlsx"
    path.write_bytes(workbook_bytes([["Evidence", "Hypotheses", None], ["x", "C", "I"]],
                                    merged=("B1:C1",)))
    assert refusal(path) == ("sheet 'Port fire', row 2, column C: 'I' is under the merged header "
                             "'Hypotheses' (B1:C1), which names no hypothesis of its own; unmerge "
                             "the header and name each hypothesis in its own cell")


def test_a_merged_header_over_nothing_is_harmless(tmp_path: Path):
    path = tmp_path / "banner.xlsx"
    path.write_bytes(workbook_bytes([["Evidence", "H1", None], ["x", "C", None]],
                                    merged=("B1:C1",)))
    case, _ = read_workbook(path)
    assert [h.title for h in case.matrices[0].hypotheses] == ["H1"]


def test_merged_rating_cells_are_refused(tmp_path: Path):
    """A rating merged over two rows would leave the second row unrated: refused instead."""
    path = tmp_path / "merged-ratings.xlsx"
    path.write_bytes(workbook_bytes([["Evidence", "H1", "H2"], ["x", "C", "I"], ["y", None, "N"]],
                                    merged=("B2:B3",)))
    assert refusal(path) == ("sheet 'Port fire', row 3, column B: the cells B2:B3 are merged, so "
                             "this one reads as empty; unmerge them and fill in each cell")


def test_an_xml_bomb_in_the_shared_strings_is_refused(tmp_path: Path):
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol2;</t></si></sst>')
    source = workbook_bytes([["Evidence", "H1"], ["x", "C"]])
    with zipfile.ZipFile(io.BytesIO(source)) as package:
        types = package.read("[Content_Types].xml").decode()
    types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                          '"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                          'sharedStrings+xml"/></Types>')
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(rezip(source, {"[Content_Types].xml": types.encode(),
                                    "xl/sharedStrings.xml": laughs.encode()}))
    assert refusal(path) == ("laughs.xlsx declares XML entities, which SAT Tool refuses for safety: "
                             "it may be an XML bomb or reach for other files")


def test_an_exported_sheet_with_a_formula_rating_is_refused(workspace: Workspace, sample_id,
                                                             tmp_path: Path):
    """A rating typed as a formula in an exported matrix sheet, saved without its result."""
    path = tmp_path / "case.xlsx"
    svc.export_case(workspace, sample_id, "xlsx", path)
    book = load_workbook(path)
    sheet = book[book.sheetnames[1]]
    sheet["G4"] = '="II"'
    book.save(path)
    with pytest.raises(svc.CaseFileError) as refused:
        svc.import_file(workspace, path)
    assert str(refused.value) == (
        f"sheet {sheet.title!r}, row 4, column G: the formula =\"II\" has no saved result, so SAT "
        "Tool cannot tell its value (open and save the workbook in Excel or LibreOffice, or type "
        "the value instead)")
    assert len(svc.list_cases(workspace)) == 1


# ------------------------------------------------------------------ limits from what we write

MEASURED_10K_50 = {
    # SAT Tool's own export of 10,000 evidence items × 50 hypotheses, rationales of about
    # 200 characters on a third of the cells (docs/formats.md, "Size limits").
    "bundle bytes": 78_823_908,
    "workbook bytes": 18_337_325,
    "workbook unpacked bytes": 258_483_468,
    "largest part bytes": 98_500_805,
    "matrix sheet rows": 10_020,
    "matrix sheet columns": 56,
    "matrix sheet cells": 560_354,
}


def test_the_limits_exceed_our_own_largest_export():
    m = MEASURED_10K_50
    assert bundle_module.MAX_BUNDLE_BYTES >= 4 * m["bundle bytes"]
    assert xlsx_import.MAX_FILE_BYTES >= 4 * m["workbook bytes"]
    assert xlsx_import.MAX_UNPACKED_BYTES >= 4 * m["workbook unpacked bytes"]
    assert xlsx_import.MAX_PART_BYTES >= 2 * m["largest part bytes"]
    assert xlsx_import.MAX_ROWS >= 2 * m["matrix sheet rows"] - 100
    assert xlsx_import.MAX_COLUMNS >= 2 * m["matrix sheet columns"]
    assert xlsx_import.MAX_CELLS >= 2 * m["matrix sheet cells"]


def wide_case(items: int, hypotheses: int) -> Case:
    """A case shaped like the reference: rationales of 200 characters on a third of the cells."""
    case = Case(CaseId(0), "Wide", "", "", "")
    mat = Matrix(MatrixId(1), "Which?")
    mat.hypotheses = [Hypothesis(HypothesisId(j), f"Hypothesis {j}") for j in range(1, hypotheses + 1)]
    codes = list(Rating)
    for i in range(1, items + 1):
        case.evidence.append(Evidence(EvidenceId(i), i, f"Item {i} " + "é" * 190))
        mat.rows.append(MatrixRow(EvidenceId(i)))
        for j in range(1, hypotheses + 1):
            if (i + j) % 3 == 0:
                mat.ratings[(EvidenceId(i), HypothesisId(j))] = Assessment(
                    codes[(i * j) % len(codes)], "alice", "r" * 200)
    case.matrices.append(mat)
    return case


def test_our_own_exports_of_a_wide_case_come_back_equal(tmp_path: Path):
    """A scaled-down reference case (200 × 50) through the bundle and the workbook."""
    case = wide_case(200, 50)
    write_bundle(case, tmp_path / "wide.json")
    write_workbook(case, tmp_path / "wide.xlsx")
    assert read_bundle(tmp_path / "wide.json") == case
    assert dumps_bundle(read_workbook(tmp_path / "wide.xlsx")[0]) == dumps_bundle(case)


# ------------------------------------------------------------------ what a workspace can store


def small_bundle() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def refused_bundle(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BundleError) as refused:
        read_bundle(path)
    return str(refused.value)


@pytest.mark.parametrize(("number", "message"), [
    ("9" * 400, "a 400-digit number is too large"),
    ("9" * 5000, "a 5000-digit number is too large"),
    (str(2 ** 63), "9223372036854775808 is too large"),
    ("1000000001", "1000000001 is too large"),
])
def test_numbers_beyond_what_a_workspace_stores_are_refused(tmp_path: Path, number, message):
    text = json.dumps(small_bundle()).replace('"number": 1,', f'"number": {number},', 1)
    assert refused_bundle(tmp_path, text) == (
        f"bad.json: evidence[0].number: {message} (expected a whole number of 1 or more, at most "
        "1,000,000,000)")


def test_a_huge_negative_number_is_refused(tmp_path: Path):
    text = json.dumps(small_bundle()).replace('"number": 1,', '"number": -' + "9" * 400 + ",", 1)
    assert refused_bundle(tmp_path, text) == (
        "bad.json: evidence[0].number: expected a whole number of 1 or more")


def test_an_overlong_number_in_a_snapshot_is_refused_with_its_path(tmp_path: Path):
    data = small_bundle()
    data["matrices"][0]["snapshots"] = [{"name": "Base", "created": "", "data": {
        "scoring_mode": "weighted", "question": "q", "hypotheses": [],
        "evidence": [{"id": "E1", "number": 1, "text": "t", "type": "OSINT",
                      "credibility": "High"}], "rows": [], "ratings": []}}]
    text = json.dumps(data).replace('"number": 1, "text": "t"', '"number": 1' + "0" * 30
                                    + ', "text": "t"')
    assert refused_bundle(tmp_path, text) == (
        "bad.json: matrices[0].snapshots[0].data.evidence[0].number: a 31-digit number is too "
        "large to be a number SAT Tool stores")


def test_a_quote_position_beyond_sqlite_is_refused(tmp_path: Path):
    data = small_bundle()
    data["evidence"][3]["quote_start"] = 2 ** 63
    assert refused_bundle(tmp_path, json.dumps(data)) == (
        "bad.json: evidence[3].quote_start: 9223372036854775808 is too large (expected a character "
        "offset of 0 or more, at most 9,223,372,036,854,775,807)")


@pytest.mark.parametrize(("where", "change"), [
    ("evidence[0].text", lambda d: d["evidence"][0].update(text="First \ud800 item")),
    ("matrices[1].ratings[2].rationale",
     lambda d: d["matrices"][1]["ratings"][2].update(rationale="why \udfff")),
    ("sources[0].title", lambda d: d["sources"][0].update(title="\ud83d")),
])
def test_lone_surrogates_are_refused_with_their_path(tmp_path: Path, where, change):
    data = small_bundle()
    change(data)
    message = refused_bundle(tmp_path, json.dumps(data))
    assert message.startswith(f"bad.json: {where}: holds an unpaired surrogate \\u")
    assert message.endswith("which is not a character (the file is damaged)")


def test_a_lone_surrogate_in_a_snapshot_is_refused_with_its_path(tmp_path: Path):
    data = small_bundle()
    mat = data["matrices"][0]
    mat["snapshots"] = [{"name": "Base", "created": "", "data": {
        "scoring_mode": "weighted", "question": "q", "hypotheses": [
            {"id": mat["hypotheses"][0]["id"], "title": "bad \ud800"}],
        "evidence": [], "rows": [], "ratings": []}}]
    assert refused_bundle(tmp_path, json.dumps(data)) == (
        "bad.json: matrices[0].snapshots[0].data.hypotheses[0].title: holds an unpaired surrogate "
        "\\ud800 at character 4, which is not a character (the file is damaged)")


def test_paired_surrogates_are_characters(tmp_path: Path):
    data = small_bundle()
    data["evidence"][0]["text"] = "smile \U0001F600"
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # written as \\ud83d\\ude00
    assert read_bundle(path).evidence[0].text == "smile \U0001F600"


def test_refused_bundles_leave_the_workspace_as_it_was(workspace: Workspace, tmp_path: Path):
    for text in (json.dumps(small_bundle()).replace('"number": 1,', '"number": 1e400,', 1),
                 json.dumps(small_bundle()).replace('"number": 1,', f'"number": {2 ** 64},', 1),
                 json.dumps(small_bundle()).replace("Azerbaijan", "Azerbaijan\\udc00", 1)):
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(svc.CaseFileError):
            svc.import_file(workspace, path)
    assert svc.list_cases(workspace) == []


# ------------------------------------------------------------------ the position index


def test_a_miss_does_not_rebuild_the_index_while_the_list_is_unchanged():
    mat = Matrix(MatrixId(1), "q", rows=[MatrixRow(EvidenceId(i)) for i in range(1, 1001)])
    assert mat.includes(EvidenceId(500))
    index = mat.__dict__["_row_index"]
    for missing in range(2000, 3000):
        assert not mat.includes(EvidenceId(missing))
    assert mat.__dict__["_row_index"] is index


def test_the_index_follows_every_change_of_the_list():
    mat = Matrix(MatrixId(1), "q", rows=[MatrixRow(EvidenceId(i)) for i in range(1, 6)])
    assert not mat.includes(EvidenceId(9))
    mat.rows[0] = MatrixRow(EvidenceId(9))  # same length, another item
    assert mat.includes(EvidenceId(9)) and not mat.includes(EvidenceId(1))
    mat.rows.remove(mat.row(EvidenceId(2)))
    mat.rows.insert(0, MatrixRow(EvidenceId(7)))
    assert mat.row_index(EvidenceId(7)) == 0 and not mat.includes(EvidenceId(2))
    mat.rows[:] = list(reversed(mat.rows))
    assert mat.row_index(EvidenceId(7)) == 4
    mat.rows = [MatrixRow(EvidenceId(42))]
    assert mat.includes(EvidenceId(42)) and not mat.includes(EvidenceId(7))
    twin = copy.deepcopy(mat)
    twin.rows.append(MatrixRow(EvidenceId(43)))
    assert twin.includes(EvidenceId(43)) and not mat.includes(EvidenceId(43))
    assert mat.rows == [MatrixRow(EvidenceId(42))] and twin != mat


# ------------------------------------------------------------------ properties

TEXT = st.characters(blacklist_categories=("Cs",))
"""Every Unicode character but surrogates: control characters, CR, NUL and all."""


def texts(required: bool = False) -> st.SearchStrategy[str]:
    plain = st.text(TEXT, max_size=30)
    long = st.builds(lambda piece, times: piece * times, st.text(TEXT, min_size=1, max_size=5),
                     st.integers(1000, 20_000))
    found = st.one_of(plain, plain.map(lambda t: t + "\r\n\r" + t), long)
    return found.filter(lambda t: t.strip()) if required else found


FRACTIONS = st.none() | st.floats(0, 1)


TIMES = st.just("") | st.datetimes(min_value=datetime(1900, 1, 1)).map(
    lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ"))
"""Times as SAT Tool records them (or none)."""


@st.composite
def cases(draw: Any) -> Case:
    """A case with the ids the bundle reader gives (1, 2 … in order), so it compares equal."""
    case = Case(CaseId(0), draw(texts(True)), draw(st.just("") | st.uuids().map(str)), draw(texts()),
                draw(TIMES))
    for i in range(1, draw(st.integers(0, 2)) + 1):
        case.sources.append(Source(SourceId(i), draw(texts(True)), draw(texts()), draw(texts()),
                                   draw(texts()), draw(texts()), draw(texts()), draw(texts())))
    numbers = draw(st.lists(st.integers(1, 1_000_000_000), max_size=6, unique=True))
    for i, number in enumerate(numbers, 1):
        source = draw(st.sampled_from([None, *[s.id for s in case.sources]]))
        quote = draw(texts())
        room = len(case.sources[source - 1].text) - len(quote) if source else -1
        start = draw(st.none() | st.integers(0, room)) if room >= 0 else None  # where a quote can stand
        case.evidence.append(Evidence(
            EvidenceId(i), number, draw(texts(True)), source, draw(texts()),
            draw(st.sampled_from(list(EvidenceType))), draw(st.sampled_from(list(Level))),
            draw(texts()), quote, start))
    hypothesis_id = 0
    for m in range(1, draw(st.integers(0, 2)) + 1):
        mat = Matrix(MatrixId(m), draw(texts(True)), draw(texts()), draw(texts()), draw(texts()),
                     draw(st.sampled_from(list(ScoringMode))))
        for _ in range(draw(st.integers(0, 3))):
            hypothesis_id += 1
            mat.hypotheses.append(Hypothesis(HypothesisId(hypothesis_id), draw(texts(True)),
                                             draw(texts()), draw(FRACTIONS), draw(FRACTIONS)))
        included = draw(st.permutations([e.id for e in case.evidence]))
        for eid in included[:draw(st.integers(0, len(included)))]:
            mat.rows.append(MatrixRow(eid, draw(st.sampled_from(list(Level)))))
        for row in mat.rows:
            for hyp in mat.hypotheses:
                if draw(st.booleans()):
                    mat.ratings[(row.evidence_id, hyp.id)] = Assessment(
                        draw(st.sampled_from(list(Rating))), draw(texts()), draw(texts()),
                        draw(TIMES), draw(st.none() | st.floats(0, 1, exclude_min=True)))
        case.matrices.append(mat)
    return case


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(cases())
def test_any_case_reads_back_equal_through_the_bundle(case: Case):
    path = Path(_tmp_folder()) / "case.json"
    write_bundle(case, path)
    expected = one_analysts(case)  # a bundle's ratings belong to analysts
    assert read_bundle(path) == expected
    assert loads_bundle(dumps_bundle(case)) == expected


def _tmp_folder() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="sat-tool-roundtrip-")


@st.composite
def matrices_and_orders(draw: Any) -> tuple[Case, list[int], list[int]]:
    case = Case(CaseId(0), "Order")
    mat = Matrix(MatrixId(1), "Which?")
    items = draw(st.integers(1, 8))
    hypotheses = draw(st.integers(1, 5))
    for i in range(1, items + 1):
        case.evidence.append(Evidence(EvidenceId(i), i, f"Item {i}",
                                      credibility=draw(st.sampled_from(list(Level)))))
        mat.rows.append(MatrixRow(EvidenceId(i), draw(st.sampled_from(list(Level)))))
    for j in range(1, hypotheses + 1):
        mat.hypotheses.append(Hypothesis(HypothesisId(j), f"H{j}",
                                         prior=draw(st.none() | st.floats(0.05, 1))))
    for i in range(1, items + 1):
        for j in range(1, hypotheses + 1):
            rating = draw(st.none() | st.sampled_from(list(Rating)))
            if rating is not None:
                mat.ratings[(EvidenceId(i), HypothesisId(j))] = Assessment(
                    rating, "a", likelihood=draw(st.none() | st.floats(0.01, 1)))
    case.matrices.append(mat)
    return (case, draw(st.permutations(list(range(items)))),
            draw(st.permutations(list(range(hypotheses)))))


@settings(max_examples=150, deadline=None)
@given(matrices_and_orders(), st.sampled_from(list(ScoringMode)))
def test_scores_do_not_depend_on_row_or_column_order(drawn, mode: ScoringMode):
    case, row_order, column_order = drawn
    mat = case.matrices[0]
    shuffled = copy.deepcopy(case)
    other = shuffled.matrices[0]
    other.rows = [mat.rows[i] for i in row_order]
    other.hypotheses = [mat.hypotheses[j] for j in column_order]
    before, after = score_matrix(case, mat, mode), score_matrix(shuffled, other, mode)
    for hyp in mat.hypotheses:
        a, b = before.for_hypothesis(hyp.id), after.for_hypothesis(hyp.id)
        assert a.inconsistency == b.inconsistency
        assert a.weighted == pytest.approx(b.weighted, abs=1e-9)
        assert a.probability == pytest.approx(b.probability, abs=1e-9)
        assert a.rank == b.rank
    for row in mat.rows:
        a, b = before.for_evidence(row.evidence_id), after.for_evidence(row.evidence_id)
        assert a.inconsistent_with_all == b.inconsistent_with_all
        assert (a.diagnosticity is None) == (b.diagnosticity is None)
        if a.diagnosticity is not None:
            assert a.diagnosticity == pytest.approx(b.diagnosticity, abs=1e-9)
