"""Tests of the Excel workbook export (sat_tool.formats.xlsx); no Qt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from sat_tool.domain.model import Case, Rating
from sat_tool.formats import palette
from sat_tool.formats.bundle import loads_bundle
from sat_tool.formats.xlsx import (
    MAX_CELL_CHARS,
    build_workbook,
    clean_text,
    sheet_title,
    write_workbook,
)

FORMULA = '=HYPERLINK("http://x")'

# Worked example 3 of ACH.md: E1 High/Medium, E2 Low/Low, E3 Medium/High, E4 High/High.
EXAMPLE_3 = {
    "E1": ("High", "Medium", ["I", "C", "NA"]),
    "E2": ("Low", "Low", ["II", "C", "I"]),
    "E3": ("Medium", "High", ["C", "II", "N"]),
    "E4": ("High", "High", ["N", "I", "CC"]),
}

# Matrix sheet layout, as written by the module.
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
FIRST_HYP_COL = 7



def visible(book) -> list[str]:
    """The names of the sheets a user sees (the case data sheet is hidden)."""
    return [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]

def example_bundle(**overrides: Any) -> dict[str, Any]:
    """The bundle of worked example 3, with two sources and one item in no matrix."""
    ratings = []
    for label, (_, _, codes) in EXAMPLE_3.items():
        for j, code in enumerate(codes, 1):
            ratings.append({"evidence": label, "hypothesis": f"M1-H{j}", "rating": code,
                            "analyst": "alice", "rationale": f"{label} vs H{j}: {code}"})
    bundle: dict[str, Any] = {
        "format": "sat-tool-case",
        "version": 1,
        "case": {"title": "Harbour fire", "description": "Who set the fire?"},
        "sources": [
            {"id": "S1", "title": "Port report", "author": "Harbour master",
             "publication": "Port bulletin", "date": "2024-03-01", "url": "https://x.test/r",
             "reliability": "Official, may be defensive", "text": "The fire began at 02:00."},
            {"id": "S2", "title": "Witness", "text": "I saw a boat."},
        ],
        "evidence": [
            {"id": label, "number": int(label[1:]), "text": f"Evidence {label}",
             "source": "S1" if label != "E2" else "S2", "credibility": cred,
             "date": "2024-03-0" + label[1:], "type": "HUMINT", "notes": f"note {label}",
             "quote": f"quote {label}"}
            for label, (cred, _, _) in EXAMPLE_3.items()
        ] + [{"id": "E5", "number": 5, "text": "Unused item", "type": "Assumption"}],
        "matrices": [{
            "id": "M1",
            "question": "Who set the harbour fire?",
            "conclusions": "H3 is least inconsistent.",
            "milestones": "Insurance claim filed.",
            "hypotheses": [
                {"id": "M1-H1", "title": "Accident"},
                {"id": "M1-H2", "title": "Arson by owner"},
                {"id": "M1-H3", "title": "Arson by rival", "description": "A competitor"},
            ],
            "evidence": [{"evidence": label, "relevance": rel}
                         for label, (_, rel, _) in EXAMPLE_3.items()],
            "ratings": ratings,
        }],
    }
    bundle.update(overrides)
    return bundle


def case_of(bundle: dict[str, Any]) -> Case:
    """A case from a bundle dictionary, through the real bundle reader."""
    return loads_bundle(json.dumps(bundle))


@pytest.fixture
def written(tmp_path: Path) -> Path:
    """Worked example 3 exported to a workbook file."""
    path = tmp_path / "case.xlsx"
    write_workbook(case_of(example_bundle()), path)
    return path


def matrix_sheet(path: Path) -> Worksheet:
    """The first matrix sheet of a written workbook."""
    book = load_workbook(path)
    return book[book.sheetnames[1]]


def row_of(ws: Worksheet, label: str, column: int = 2) -> int:
    """The row whose cell in ``column`` holds ``label``."""
    for row in range(1, ws.max_row + 1):
        if ws.cell(row=row, column=column).value == label:
            return row
    raise AssertionError(f"{label!r} not found in column {column}")


def test_sheet_order() -> None:
    """The Case sheet comes first, then one sheet per matrix, then Scores, Evidence, Sources."""
    assert visible(build_workbook(case_of(example_bundle()))) == [
        "Case", "M1 Who set the harbour fire", "Scores", "Sensitivity", "Probabilities", "Evidence",
        "Sources"]


def test_header_row(written: Path) -> None:
    """The matrix sheet has the question as a bold title and the fixed and hypothesis headers."""
    ws = matrix_sheet(written)
    assert ws["A1"].value == "Who set the harbour fire?"
    assert ws["A1"].font.b
    headers = [ws.cell(row=HEADER_ROW, column=c).value for c in range(1, 10)]
    assert headers == ["Evidence", "Evidence text", "Type", "Credibility", "Relevance",
                       "Diagnosticity", "H1: Accident", "H2: Arson by owner",
                       "H3: Arson by rival"]
    assert ws.cell(row=HEADER_ROW, column=FIRST_HYP_COL).alignment.wrap_text


def test_evidence_rows_and_rating_codes(written: Path) -> None:
    """Each matrix row shows its label, text, credibility, relevance and rating codes in order."""
    ws = matrix_sheet(written)
    for offset, (label, (cred, rel, codes)) in enumerate(EXAMPLE_3.items()):
        row = FIRST_ROW + offset
        assert ws.cell(row=row, column=1).value == label
        assert ws.cell(row=row, column=2).value == f"Evidence {label}"
        assert ws.cell(row=row, column=3).value == "HUMINT"
        assert ws.cell(row=row, column=4).value == cred
        assert ws.cell(row=row, column=5).value == rel
        got = [ws.cell(row=row, column=FIRST_HYP_COL + j).value for j in range(3)]
        assert got == codes
        assert ws.cell(row=row, column=FIRST_HYP_COL).alignment.horizontal == "center"


@pytest.mark.parametrize("rating", [Rating.CC, Rating.I, Rating.II, Rating.C])
def test_rating_fill_matches_palette(written: Path, rating: Rating) -> None:
    """Rated cells are filled with the palette background and use its foreground font."""
    ws = matrix_sheet(written)
    cells = [c for row in ws.iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW + 3,
                                       min_col=FIRST_HYP_COL, max_col=FIRST_HYP_COL + 2)
             for c in row if c.value == rating.value]
    assert cells
    for cell in cells:
        assert cell.fill.fill_type == "solid"
        assert cell.fill.fgColor.rgb.upper().endswith(palette.background(rating))
        assert cell.font.color.rgb.upper().endswith(palette.foreground(rating))


def test_unrated_cell_is_empty(tmp_path: Path) -> None:
    """An unrated cell is left empty and unfilled."""
    bundle = example_bundle()
    bundle["matrices"][0]["ratings"] = [r for r in bundle["matrices"][0]["ratings"]
                                        if (r["evidence"], r["hypothesis"]) != ("E2", "M1-H2")]
    path = tmp_path / "u.xlsx"
    write_workbook(case_of(bundle), path)
    cell = matrix_sheet(path).cell(row=FIRST_ROW + 1, column=FIRST_HYP_COL + 1)
    assert cell.value is None
    assert cell.fill.fill_type is None


def test_rationale_becomes_comment(written: Path) -> None:
    """A rating's rationale is the cell comment, authored by the rating's analyst."""
    ws = matrix_sheet(written)
    cell = ws.cell(row=FIRST_ROW + 1, column=FIRST_HYP_COL)  # E2 vs H1
    assert cell.comment is not None
    assert cell.comment.text == "E2 vs H1: II"
    assert cell.comment.author == "alice"


def test_score_rows_match_worked_example_3(written: Path) -> None:
    """The score rows give ACH.md example 3: 3/2.414, 3/4.828, 1/0.5, ranks 2, 3, 1."""
    ws = matrix_sheet(written)
    inc, weighted, rank = (row_of(ws, "Inconsistency"), row_of(ws, "Weighted inconsistency"),
                           row_of(ws, "Rank (weighted)"))
    assert inc == FIRST_ROW + 4
    cols = range(FIRST_HYP_COL, FIRST_HYP_COL + 3)
    assert [ws.cell(row=inc, column=c).value for c in cols] == [3, 3, 1]
    assert [ws.cell(row=weighted, column=c).value for c in cols] == pytest.approx(
        [1 + 2 ** 0.5, 2 + 2 * 2 ** 0.5, 0.5])
    assert ws.cell(row=weighted, column=FIRST_HYP_COL).number_format == "0.000"
    assert [ws.cell(row=rank, column=c).value for c in cols] == [2, 3, 1]


def test_diagnosticity_and_flag(tmp_path: Path) -> None:
    """Diagnosticity shows 2 decimals; a row inconsistent with every hypothesis is flagged."""
    bundle = example_bundle()
    ratings = bundle["matrices"][0]["ratings"]
    for r in ratings:
        if r["evidence"] == "E4":
            r["rating"] = "I"
    path = tmp_path / "d.xlsx"
    write_workbook(case_of(bundle), path)
    ws = matrix_sheet(path)
    e1 = ws.cell(row=FIRST_ROW, column=6)  # (I, C) with NA skipped -> 1.0
    assert e1.value == pytest.approx(1.0)
    assert e1.number_format == "0.00"
    assert e1.comment is None
    e4 = ws.cell(row=FIRST_ROW + 3, column=6)
    assert e4.value == pytest.approx(0.0)
    assert e4.font.b and e4.font.color.rgb.upper().endswith("C00000")
    assert "every hypothesis" in e4.comment.text
    assert ws.cell(row=FIRST_ROW + 3, column=1).font.color.rgb.upper().endswith("C00000")


def test_legend_lists_every_rating(written: Path) -> None:
    """The legend shows each rating code with its meaning, in its palette colours."""
    ws = matrix_sheet(written)
    start = row_of(ws, "Legend", column=1)
    for offset, rating in enumerate(Rating, 1):
        code = ws.cell(row=start + offset, column=1)
        assert code.value == rating.value
        assert code.fill.fgColor.rgb.upper().endswith(palette.background(rating))
        assert ws.cell(row=start + offset, column=2).value.startswith(rating.meaning)


def test_freeze_panes(written: Path) -> None:
    """Matrix panes freeze below the header, right of the evidence text; tables below headers."""
    book = load_workbook(written)
    assert book[book.sheetnames[1]].freeze_panes == f"C{HEADER_ROW + 1}"
    for name in ("Scores", "Evidence", "Sources"):
        assert book[name].freeze_panes == "B2"


def test_scores_sheet_ranks_least_inconsistent_first(written: Path) -> None:
    """The Scores sheet lists each matrix's hypotheses least inconsistent first."""
    ws = load_workbook(written)["Scores"]
    assert [c.value for c in ws[1]] == ["Matrix question", "Ranked by", "Rank", "Hypothesis",
                                        "Inconsistency", "Weighted inconsistency", "P(H|E)",
                                        "Analyst's probability", "Label"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [r[1:5] for r in rows] == [["weighted", 1, "H3: Arson by rival", 1],
                                      ["weighted", 2, "H1: Accident", 3],
                                      ["weighted", 3, "H2: Arson by owner", 3]]
    assert [r[5] for r in rows] == pytest.approx([0.5, 1 + 2 ** 0.5, 2 + 2 * 2 ** 0.5])
    assert sum(r[6] for r in rows) == pytest.approx(1.0)
    assert all("Who set the harbour fire?" in r[0] for r in rows)


def test_evidence_sheet_holds_every_item(written: Path) -> None:
    """The Evidence sheet has every case item with all its fields and its matrices."""
    ws = load_workbook(written)["Evidence"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert sorted(rows) == ["E1", "E2", "E3", "E4", "E5"]
    assert rows["E2"] == ("E2", "Evidence E2", "Witness", "2024-03-02", "HUMINT", "Low",
                          "note E2", "quote E2", None, "M1")
    assert rows["E5"][4] == "Assumption" and rows["E5"][9] is None


def test_sources_sheet_holds_every_source(written: Path) -> None:
    """The Sources sheet has every source with its fields, citing evidence and text."""
    ws = load_workbook(written)["Sources"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert rows == [
        ("Port report", "Harbour master", "Port bulletin", "2024-03-01", "https://x.test/r",
         "Official, may be defensive", "E1, E3, E4", 24, "The fire began at 02:00."),
        ("Witness", None, None, None, None, None, "E2", 13, "I saw a boat."),
    ]


def test_long_source_text_is_truncated(tmp_path: Path) -> None:
    """A source text over Excel's cell limit is cut to the limit and ends with a marker."""
    bundle = example_bundle()
    bundle["sources"][1]["text"] = "x" * 40_000
    path = tmp_path / "long.xlsx"
    write_workbook(case_of(bundle), path)
    row = list(load_workbook(path)["Sources"].iter_rows(min_row=3, values_only=True))[0]
    assert row[7] == 40_000
    assert len(row[8]) == MAX_CELL_CHARS
    assert "truncated" in row[8][-60:]


def test_case_sheet(written: Path) -> None:
    """The Case sheet shows title, description and each matrix's question and conclusions."""
    ws = load_workbook(written)["Case"]
    assert ws["A1"].value == "Harbour fire"
    values = {r[0]: r[1] for r in ws.iter_rows(values_only=True) if r[0]}
    assert values["Description"] == "Who set the fire?"
    assert values["Question"] == "Who set the harbour fire?"
    assert values["Conclusions"] == "H3 is least inconsistent."
    assert values["Milestones"] == "Insurance claim filed."
    assert values["H3"] == "Arson by rival"
    assert values["Ranking"].startswith("H3 < H1 < H2")


def test_case_sheet_ranking_shows_ties(tmp_path: Path) -> None:
    """Tied hypotheses are joined by '=' in the Case sheet ranking, not ordered by '<'."""
    bundle = example_bundle()
    for r in bundle["matrices"][0]["ratings"]:
        r["rating"] = "I" if r["hypothesis"] != "M1-H2" else "C"
    path = tmp_path / "t.xlsx"
    write_workbook(case_of(bundle), path)
    values = {r[0]: r[1] for r in load_workbook(path)["Case"].iter_rows(values_only=True)}
    assert values["Ranking"].startswith("H2 < H1 = H3  (")


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    """Text starting with = (evidence text, hypothesis title) reads back as a string."""
    bundle = example_bundle()
    bundle["evidence"][0]["text"] = FORMULA
    bundle["evidence"][1]["notes"] = "+1 then -2 and @sum"
    bundle["matrices"][0]["hypotheses"][0]["title"] = FORMULA
    path = tmp_path / "f.xlsx"
    write_workbook(case_of(bundle), path)
    book = load_workbook(path)
    cells = [matrix_sheet(path).cell(row=FIRST_ROW, column=2),
             book["Evidence"]["B2"], book["Evidence"]["G3"]]
    case_ws = book["Case"]
    cells.append(case_ws.cell(row=row_of(case_ws, "H1", column=1), column=2))
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.value in (FORMULA, "+1 then -2 and @sum")
    assert cells[0].value == FORMULA and cells[3].value == FORMULA
    assert cells[0].quotePrefix and cells[3].quotePrefix
    assert book["Scores"]["D3"].value == f"H1: {FORMULA}"


def test_illegal_xml_characters_are_stripped(tmp_path: Path) -> None:
    """Control characters XML cannot hold are removed instead of failing the export."""
    bundle = example_bundle()
    bundle["evidence"][0]["text"] = "bad\x00\x07 text\x1f"
    bundle["matrices"][0]["ratings"][0]["rationale"] = "why\x0b"
    path = tmp_path / "x.xlsx"
    write_workbook(case_of(bundle), path)
    ws = matrix_sheet(path)
    assert ws.cell(row=FIRST_ROW, column=2).value == "bad text"
    assert ws.cell(row=FIRST_ROW, column=FIRST_HYP_COL).comment.text == "why"


def test_sheet_titles_are_valid_and_unique() -> None:
    """Sheet names lose []:*?/\\, fit in 31 characters and never repeat."""
    used: set[str] = set()
    first = sheet_title("M1 What/why [now]: a*b? c\\d and a very long tail", used)
    assert len(first) <= 31 and not set("[]:*?/\\") & set(first)
    assert first.startswith("M1 Whatwhy now ab cd")
    second = sheet_title("M1 What/why [now]: a*b? c\\d and a very long tail", used)
    assert second != first and len(second) <= 31


def test_matrix_sheet_names_from_questions(tmp_path: Path) -> None:
    """Two matrices with awkward questions get distinct, valid sheet names."""
    bundle = example_bundle()
    second = dict(bundle["matrices"][0], id="M2", question="What? / Why: [again] " * 5,
                  hypotheses=[{"id": "M2-H1", "title": "Only"}], evidence=[], ratings=[])
    bundle["matrices"].append(second)
    path = tmp_path / "two.xlsx"
    write_workbook(case_of(bundle), path)
    names = visible(load_workbook(path))
    assert names[1] == "M1 Who set the harbour fire"
    assert names[2].startswith("M2 What Why again") and len(names[2]) <= 31
    assert names[3:] == ["Scores", "Sensitivity", "Probabilities", "Evidence", "Sources"]


def test_clean_text_limit_counts_utf16() -> None:
    """Truncation respects Excel's limit counted in UTF-16 units, also for emoji."""
    text = clean_text("\U0001F600" * 20_000)
    assert len(text.encode("utf-16-le")) // 2 <= MAX_CELL_CHARS
    assert text.endswith("characters in full]")


def test_failed_write_leaves_no_file(tmp_path: Path) -> None:
    """Writing into a missing directory raises and leaves no file behind."""
    target = tmp_path / "missing" / "case.xlsx"
    with pytest.raises(OSError):
        write_workbook(case_of(example_bundle()), target)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_failed_save_keeps_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    """A failure while saving keeps the previous file intact and removes the temporary file."""
    target = tmp_path / "case.xlsx"
    target.write_bytes(b"old")

    def boom(self: Any, filename: Any) -> None:
        Path(filename).write_bytes(b"partial")
        raise RuntimeError("disk full")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", boom)
    with pytest.raises(RuntimeError):
        write_workbook(case_of(example_bundle()), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["case.xlsx"]


def test_empty_case(tmp_path: Path) -> None:
    """A case with no sources, evidence or matrices still exports a valid workbook."""
    path = tmp_path / "empty.xlsx"
    write_workbook(case_of({"format": "sat-tool-case", "version": 1,
                            "case": {"title": "Empty"}}), path)
    assert visible(load_workbook(path)) == ["Case", "Scores", "Sensitivity", "Probabilities",
                                            "Evidence", "Sources"]


def test_sensitivity_sheet_and_probability_rows(written: Path) -> None:
    """The workbook carries the linchpins, the fewest leader-changing re-ratings and P(H|E)."""
    book = load_workbook(written)
    ws = book["Sensitivity"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Linchpins" in texts
    pin = texts.index("Linchpins")
    assert texts[pin + 1:pin + 3] == ["E3", "changes the order"]
    assert "1 re-rating would put H1 ahead of H3" in texts
    assert texts[texts.index("1 re-rating would put H1 ahead of H3") + 1:][:2] == ["E4 × H3", "CC → I"]
    matrix = matrix_sheet(written)
    prob = row_of(matrix, "P(H|E), by line of evidence")
    values = [matrix.cell(row=prob, column=c).value for c in range(FIRST_HYP_COL, FIRST_HYP_COL + 3)]
    assert sum(values) == pytest.approx(1.0)
    assert matrix.cell(row=prob, column=FIRST_HYP_COL).number_format == "0.0%"


def test_scores_sheet_has_a_native_bar_chart(written: Path) -> None:
    """The Scores sheet carries an Excel bar chart (not a picture) of both scores per matrix."""
    ws = load_workbook(written)["Scores"]
    # openpyxl keeps charts it reads only in memory of the writer, so check the package itself
    import zipfile

    with zipfile.ZipFile(written) as package:
        charts = [n for n in package.namelist() if n.startswith("xl/charts/chart")]
        xml = package.read(charts[0]).decode("utf-8")
    assert len(charts) == 1
    assert "<barChart>" in xml and "'Scores'!$E$2:$E$4" in xml and "'Scores'!$F$2:$F$4" in xml
    assert ws.max_row == 4


def test_the_data_sheet_is_hidden_and_holds_the_bundle(written: Path) -> None:
    """A hidden sheet holds the whole case as a bundle, as text cells."""
    book = load_workbook(written)
    data = book["_sat_tool_data"]
    assert data.sheet_state == "hidden"
    assert data["A1"].value == "sat-tool-case-bundle"
    text = "".join(data.cell(row=r, column=1).value for r in range(3, 3 + data["A2"].value))
    assert json.loads(text)["case"]["title"] == "Harbour fire"
