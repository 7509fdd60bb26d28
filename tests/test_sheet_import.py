"""Analysts' own ACH workbooks: their layout is found, their words read, their extras kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from sat_tool.cli import main
from sat_tool.domain import Level, Rating, ScoringMode, score_matrix
from sat_tool.formats.sheet_layout import Role, read_level, read_rating, scale_for
from sat_tool.formats.xlsx_import import ImportChoice, WorkbookError, read_workbook, survey_workbook
from sat_tool.services import cases as svc

TEMPLATES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "excel-templates"
if not TEMPLATES.is_dir():
    TEMPLATES = Path("/work/shared/samples/excel-templates")


def book(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def scores(case, matrix):
    found = score_matrix(case, matrix, ScoringMode.WEIGHTED)
    return ([found.for_hypothesis(h.id).inconsistency for h in matrix.hypotheses],
            [round(found.for_hypothesis(h.id).weighted, 3) for h in matrix.hypotheses])


# ------------------------------------------------------------------ the published templates


@pytest.mark.skipif(not TEMPLATES.is_dir(), reason="the analysts' sample workbooks are not here")
@pytest.mark.parametrize(("name", "inconsistency", "weighted", "own_rules"), [
    ("pstirparo_ACH_template-v0.6.xlsx", [3, 1, 4], [2.5, 0.707, 4.328], "rules other than PARC"),
    ("pstirparo_ACH_template-v0.4.xlsx", [1, 1, 3], [0.5, 0.707, 2.914], "agree in size"),
])
def test_a_published_template_imports_with_parcs_scores(workspace, name, inconsistency, weighted,
                                                        own_rules):
    """The matrix sheet is found under its score row, the derived and lookup sheets are left
    out, and the scores are PARC's; the report says how the template's own score row compares."""
    case, report = survey_workbook(TEMPLATES / name)
    assert [m.question for m in case.matrices] == ["ACH_matrix"]
    mat = case.matrices[0]
    assert [h.title for h in mat.hypotheses] == ["H1", "H2", "H3"]
    assert [case.evidence_item(r.evidence_id).text for r in mat.rows] == [
        "Sample evidence 1", "Sample evidence 2", "Sample evidence 3", "whatever"]
    assert scores(case, mat) == (inconsistency, weighted)
    lines = report.lines()
    assert any(line.strip().startswith("Row 2 skipped: the workbook's own scores") and own_rules
               in line for line in lines)
    assert "Sheet 'ACH_matrix_w_Scores' skipped: its cells are formulas over the sheet " \
           "'ACH_matrix', which they copy or score." in lines
    assert "Sheet 'Version' skipped: no column of ratings under a row of headers." in lines
    case_id = svc.import_file(workspace, TEMPLATES / name)
    stored = svc.load_case(workspace, case_id)
    assert scores(stored, stored.matrices[0]) == (inconsistency, weighted)


@pytest.mark.skipif(not TEMPLATES.is_dir(), reason="the analysts' sample workbooks are not here")
def test_the_templates_category_column_is_kept_in_the_notes():
    case, report = survey_workbook(TEMPLATES / "pstirparo_ACH_template-v0.6.xlsx")
    assert [e.notes for e in case.evidence] == ["Category: Opportunity", "Category: Intent",
                                                "Category: Capability", "Category: Intent"]
    assert case.evidence[0].type.value == "Assumption"
    assert "column A (Category) category, kept in the notes" in report.lines()[0]


# ------------------------------------------------------------------ shapes analysts make


def test_title_block_totals_words_numbers_and_extra_columns(tmp_path: Path):
    """A title above the headers, a totals row below the data, ratings as words, reliability and
    weight as numbers 1 to 3, a source column, a column SAT Tool has no field for."""
    path = book(tmp_path / "port.xlsx", {"Port fire": [
        ["Port fire: who set it?"],
        [],
        ["#", "Evidence", "Reliability", "Weight", "Source", "Date", "Analyst view", "Accident",
         "Arson"],
        [7, "Fuel was stored badly", 1, 3, "Harbour log", "2012-04", "likely", "Consistent",
         "very inconsistent"],
        [9, "A boat left at night", 3, 2, "Harbour log", "Spring 2012", "", "c c", "I I"],
        [12, "The owner was insured", "H", "m", "Insurer", None, "odd", "n/a", "neutral"],
        ["Total", None, None, None, None, None, None, 0, 3.4],
    ]})
    case, report = survey_workbook(path)
    mat = case.matrices[0]
    assert [h.title for h in mat.hypotheses] == ["Accident", "Arson"]
    assert [e.label for e in case.evidence] == ["E7", "E9", "E12"]
    grid = [[mat.rating(r.evidence_id, h.id) for h in mat.hypotheses] for r in mat.rows]
    assert grid == [[Rating.C, Rating.II], [Rating.CC, Rating.II], [Rating.NA, Rating.N]]
    assert [e.credibility for e in case.evidence] == [Level.LOW, Level.HIGH, Level.HIGH]
    assert [r.relevance for r in mat.rows] == [Level.HIGH, Level.MEDIUM, Level.MEDIUM]
    assert [case.source(e.source_id).title for e in case.evidence] == [
        "Harbour log", "Harbour log", "Insurer"]
    assert len(case.sources) == 2
    assert [e.date for e in case.evidence] == ["2012-04", "", ""]
    assert "Date: Spring 2012" in case.evidence[1].notes
    text = "\n".join(report.lines())
    assert "headers in row 3" in text and "1 row above the headers (a title block) skipped" in text
    assert "column G (Analyst view) not read (SAT Tool has no field for it)" in text
    assert "as numbers 1 to 3 (1 Low, 2 Medium, 3 High)" in text
    assert "Row 7 skipped: the workbook's own scores" in text
    assert "'Spring 2012' is not a date" in text


def test_several_matrix_sheets_and_the_users_choice(tmp_path: Path):
    """Two sheets that are matrices both import unless the user picks one; a chosen header
    row and column roles override what was proposed."""
    path = book(tmp_path / "two.xlsx", {
        "Who": [["Evidence", "H1", "H2"], ["a", "C", "I"]],
        "Where": [["Evidence", "Notes", "North", "South"], ["b", "seen twice", "I", "C"]],
    })
    case, report = survey_workbook(path)
    assert [m.question for m in case.matrices] == ["Who", "Where"]
    assert len(report.matrices) == 2
    case, report = survey_workbook(path, ImportChoice(sheets=("Where",)))
    assert [m.question for m in case.matrices] == ["Where"]
    assert "Sheet 'Who' skipped: not chosen." in report.lines()
    assert case.evidence[0].notes == "seen twice"
    choice = ImportChoice(sheets=("Where",), roles={"Where": {2: Role.HYPOTHESIS}})
    with pytest.raises(WorkbookError, match="row 2, column B: 'seen twice' is not a rating"):
        survey_workbook(path, choice)
    choice = ImportChoice(sheets=("Where",), roles={"Where": {3: Role.IGNORE}})
    case, _ = survey_workbook(path, choice)
    assert [h.title for h in case.matrices[0].hypotheses] == ["South"]
    with pytest.raises(WorkbookError, match="has no visible sheet 'Nowhere'"):
        survey_workbook(path, ImportChoice(sheets=("Nowhere",)))


def test_a_sheet_of_formulas_over_another_is_recognised(tmp_path: Path):
    path = tmp_path / "derived.xlsx"
    wb = Workbook()
    main_ws = wb.active
    main_ws.title = "Matrix"
    for row in (["Evidence", "H1", "H2"], ["a", "C", "I"], ["b", "N", "C"]):
        main_ws.append(row)
    copy = wb.create_sheet("Scored")
    copy.append(["Evidence", "H1", "H2"])
    for r in (2, 3):
        copy.append([f"=Matrix!A{r}", f"=Matrix!B{r}", f"=Matrix!C{r}"])
    wb.save(path)
    case, report = read_workbook(path)[0], survey_workbook(path)[1]
    assert [m.question for m in case.matrices] == ["Matrix"]
    assert "Sheet 'Scored' skipped: its cells are formulas over the sheet 'Matrix', which they " \
           "copy or score." in report.lines()


def test_the_command_line_prints_the_report_and_takes_the_mapping(capsys, tmp_path: Path):
    path = book(tmp_path / "two.xlsx", {
        "Who": [["Evidence", "H1", "H2"], ["a", "C", "I"]],
        "Where": [["Item", "Remark", "North", "South"], ["b", "seen twice", "I", "C"]],
    })
    ws = tmp_path / "ws.sqlite"
    assert main(["--workspace", str(ws), "import", str(path), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "Sheet 'Who': headers in row 1" in out and "nothing was imported" in out
    assert not ws.exists()
    assert main(["--workspace", str(ws), "import", str(path), "--sheet", "Where",
                 "--column", "D=ignore"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().isdigit() and "Sheet 'Who' skipped: not chosen." in err
    status = main(["--workspace", str(ws), "import", str(path), "--column", "Q9=evidence"])
    _, err = capsys.readouterr()
    assert status == 2 and err.count("\n") == 1 and "--column" in err


# ------------------------------------------------------------------ the rules, for all inputs


@given(st.sampled_from(list(Rating)), st.lists(st.sampled_from(["", " ", "  "]), min_size=3,
                                               max_size=3), st.booleans())
def test_a_rating_reads_back_from_its_code_and_its_meaning(rating, spaces, upper):
    """Every rating reads back from its code in any case and spacing, and from its name."""
    code = rating.value
    spaced = spaces[0] + spaces[1].join(code) + spaces[2]
    assert read_rating(spaced.lower() if not upper else spaced) is rating
    assert read_rating(rating.meaning.upper() if upper else rating.meaning) is rating


@given(st.lists(st.integers(1, 3), min_size=1, max_size=20))
def test_levels_on_one_to_three_map_one_to_one(numbers):
    scale = scale_for([float(n) for n in numbers])
    assert scale is not None
    assert [read_level(n, scale) for n in numbers] == [
        {1: Level.LOW, 2: Level.MEDIUM, 3: Level.HIGH}[n] for n in numbers]


def test_a_template_shaped_workbook_imports_without_the_published_files(tmp_path: Path):
    """The published templates' shape, built here: a score row between headers and evidence, a
    scored copy of formulas, a weights table with a legend, a version sheet."""
    path = tmp_path / "template.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "ACH_matrix"
    for row in (["Category", "Evidence", "Evidence Type", "Credibility", "Relevance", "H1", "H2"],
                [None, None, None, None, None, -4.5, -0.707],
                ["Intent", "Sample evidence 1", "Assumption", "Low", "High", "II", "C"],
                ["Capability", "Sample evidence 2", None, "Low", "Low", "I", "N"]):
        ws.append(row)
    scored = wb.create_sheet("ACH_matrix_w_Scores")
    scored.append(["Category", "Evidence", "H1", "H2"])
    for r in (3, 4):
        scored.append([f"=ACH_matrix!A{r}", f"=ACH_matrix!B{r}", f"=ACH_matrix!F{r}",
                       f"=ACH_matrix!G{r}"])
    weights = wb.create_sheet("cred_rel_scores")
    for row in (["Credibility", "Relevance", "I Score", "II Score"], ["High", "High", 2, 4],
                ["Medium", "Low", 0.707, 1.414], [], ["Inconsistency levels"], ["CC"],
                ["C", "Consistent"], ["I", "Inconsistent"]):
        weights.append(row)
    version = wb.create_sheet("Version")
    for row in (["Author", "Someone"], ["Version", "v0.6"]):
        version.append(row)
    wb.save(path)
    case, report = survey_workbook(path)
    assert [m.question for m in case.matrices] == ["ACH_matrix"]
    assert scores(case, case.matrices[0]) == ([3, 0], [2.5, 0.0])
    lines = report.lines()
    assert any("Row 2 skipped: the workbook's own scores (H1 -4.5, H2 -0.707) follow rules other "
               "than PARC's" in line for line in lines)
    assert lines[-3:] == [
        "Sheet 'ACH_matrix_w_Scores' skipped: its cells are formulas over the sheet "
        "'ACH_matrix', which they copy or score.",
        "Sheet 'cred_rel_scores' skipped: no column of ratings under a row of headers.",
        "Sheet 'Version' skipped: no column of ratings under a row of headers."]


HEADERS = {
    Role.EVIDENCE: ["Evidence", "EVIDENCE ITEM", "Information", "Finding"],
    Role.CREDIBILITY: ["Credibility", "Reliability", "source reliability", "Cred."],
    Role.RELEVANCE: ["Relevance", "Weight", "Importance", "rel"],
    Role.TYPE: ["Type", "Evidence Type"],
    Role.NOTES: ["Notes", "Comments", "Remarks"],
    Role.CATEGORY: ["Category", "Theme"],
}
WORDS = ["CC", "c", "N", "i i", "II", "Very Inconsistent", "consistent", "n/a", "Neutral"]


@given(st.permutations(list(HEADERS)), st.data(), st.integers(0, 3), st.integers(1, 4),
       st.integers(1, 6))
def test_any_arrangement_of_named_columns_is_read(order, data, title_rows, hypotheses, items):
    """Whatever the order of the named columns, the names chosen among their synonyms, the
    title rows above and the number of hypotheses and items, every column gets its role, every
    item its text and every cell its rating."""
    headers = [data.draw(st.sampled_from(HEADERS[role])) for role in order]
    hyp_names = [f"Hypothesis {chr(65 + i)}" for i in range(hypotheses)]
    values = {Role.CREDIBILITY: "High", Role.RELEVANCE: "Low", Role.TYPE: "HUMINT",
              Role.NOTES: "a note", Role.CATEGORY: "Intent"}
    grid = [[data.draw(st.sampled_from(WORDS)) for _ in hyp_names] for _ in range(items)]
    rows = [[f"Title line {n}"] for n in range(title_rows)]
    rows.append(headers + hyp_names)
    for number, ratings in enumerate(grid, 1):
        rows.append([f"Item number {number}" if role is Role.EVIDENCE else values[role]
                     for role in order] + ratings)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        case, report = survey_workbook(book(Path(folder) / "any.xlsx", {"Sheet": rows}))
    layout = report.sheets[0].layout
    assert layout is not None and layout.header_row == title_rows + 1
    assert [layout.columns[i + 1].role for i in range(len(order))] == list(order)
    mat = case.matrices[0]
    assert [h.title for h in mat.hypotheses] == hyp_names
    assert [case.evidence_item(r.evidence_id).text for r in mat.rows] == [
        f"Item number {n}" for n in range(1, items + 1)]
    assert [[mat.rating(r.evidence_id, h.id) for h in mat.hypotheses] for r in mat.rows] == [
        [read_rating(word) for word in ratings] for ratings in grid]
    assert all(e.credibility is Level.HIGH for e in case.evidence)
    assert all(r.relevance is Level.LOW for r in mat.rows)


def test_what_would_be_skipped_is_not_held_against_the_workbook(tmp_path: Path):
    """A totals row of formulas and a summary sheet of formulas, saved without results (as
    scripts save them), are skipped, not refused; a matrix's own formula ratings still are."""
    path = tmp_path / "sums.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Port fire"
    for row in (["Evidence", "Accident", "Arson"], ["a", "C", "I"], ["b", "I", "CC"],
                ["Total", '=COUNTIF(B2:B3,"I")', '=COUNTIF(C2:C3,"I")']):
        ws.append(row)
    summary = wb.create_sheet("Summary")
    summary.append(["Hypothesis", "Count"])
    summary.append(["Accident", "='Port fire'!B4"])
    wb.save(path)
    case, report = survey_workbook(path)
    assert [m.question for m in case.matrices] == ["Port fire"]
    assert len(case.matrices[0].rows) == 2
    lines = report.lines()
    assert "  Row 4 skipped: a row of totals or scores, whose formulas have no saved results." in lines
    assert any(line.startswith("Sheet 'Summary' skipped") for line in lines)


def test_header_row_and_columns_apply_to_the_sheets_named(capsys, tmp_path: Path):
    path = book(tmp_path / "two.xlsx", {
        "Who": [["A title"], ["Evidence", "Comments", "Remarks", "H1", "H2"],
                ["a", "seen", "twice", "C", "I"]],
        "Where": [["Evidence", "H1", "H2"], ["b", "I", "C"]],
    })
    ws = tmp_path / "ws.sqlite"
    assert main(["--workspace", str(ws), "import", str(path), "--dry-run", "--sheet", "Who",
                 "--header-row", "2"]) == 0
    out, _ = capsys.readouterr()
    assert "Sheet 'Who': headers in row 2" in out and "Sheet 'Where' skipped: not chosen." in out
    case, _ = survey_workbook(path)
    first = case.matrices[0]
    assert first.question == "A title"
    assert case.evidence_item(first.rows[0].evidence_id).notes == "Comments: seen\nRemarks: twice"
    assert main(["--workspace", str(ws), "import", str(path), "--header-row", "0"]) == 2
    _, err = capsys.readouterr()
    assert err.strip() == "sat-tool: --header-row: rows are numbered from 1"


# ------------------------------------------------------------------ the mapping, checked


def _derived_book(tmp_path: Path) -> Path:
    path = tmp_path / "derived.xlsx"
    wb = Workbook()
    main_ws = wb.active
    main_ws.title = "Matrix"
    for row in (["Evidence", "Credibility", "Relevance", "H1", "H2"], ["a", "High", "Low", "C", "I"],
                ["b", "Low", "High", "N", "II"]):
        main_ws.append(row)
    copy = wb.create_sheet("Scored")
    copy.append(["Evidence", "H1", "H2"])
    for r in (2, 3):
        copy.append([f"=Matrix!A{r}", f"=Matrix!D{r}", f"=Matrix!E{r}"])
    wb.save(path)
    return path


def test_columns_given_for_every_sheet_leave_a_sheet_of_formulas_skipped(tmp_path: Path):
    path = _derived_book(tmp_path)
    choice = ImportChoice(roles={"": {5: Role.IGNORE}})
    case, report = survey_workbook(path, choice)
    assert [m.question for m in case.matrices] == ["Matrix"]
    assert [h.title for h in case.matrices[0].hypotheses] == ["H1"]
    assert "Sheet 'Scored' skipped: its cells are formulas over the sheet 'Matrix', which they " \
           "copy or score." in report.lines()
    assert "column E (H2) not read, as chosen" in report.lines()[0]


@pytest.mark.skipif(not TEMPLATES.is_dir(), reason="the analysts' sample workbooks are not here")
def test_a_column_role_without_a_sheet_still_reads_the_template(capsys, tmp_path: Path):
    ws = tmp_path / "ws.sqlite"
    status = main(["--workspace", str(ws), "import", str(TEMPLATES / "pstirparo_ACH_template-v0.6.xlsx"),
                   "--dry-run", "--column", "H=ignore"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "2 hypotheses in columns F–G" in out and "'ACH_matrix_w_Scores' skipped" in out


def test_a_role_given_to_another_column_moves_there(tmp_path: Path):
    path = _derived_book(tmp_path)
    case, report = survey_workbook(path, ImportChoice(("Matrix",), roles={"Matrix": {
        3: Role.CREDIBILITY}}))
    mat = case.matrices[0]
    # Relevance Low/High read as credibility now; the proposed credibility column is not read.
    assert [case.evidence_item(r.evidence_id).credibility for r in mat.rows] == [Level.LOW, Level.HIGH]
    assert "column B (Credibility) not read: column C holds the credibility, as chosen" in \
        report.lines()[0]


def test_one_role_given_to_two_columns_is_refused(capsys, tmp_path: Path):
    path = _derived_book(tmp_path)
    with pytest.raises(WorkbookError, match="columns B and C are both given the role credibility"):
        survey_workbook(path, ImportChoice(("Matrix",), roles={"Matrix": {
            2: Role.CREDIBILITY, 3: Role.CREDIBILITY}}))
    ws = tmp_path / "ws.sqlite"
    status = main(["--workspace", str(ws), "import", str(path), "--sheet", "Matrix",
                   "--column", "B=relevance", "--column", "C=relevance"])
    _, err = capsys.readouterr()
    assert status == 2 and err.count("\n") == 1 and "both given the role relevance" in err
    assert not ws.exists()


def test_a_column_beyond_the_sheet_is_refused(capsys, tmp_path: Path):
    path = _derived_book(tmp_path)
    ws = tmp_path / "ws.sqlite"
    status = main(["--workspace", str(ws), "import", str(path), "--column", "Z=notes"])
    _, err = capsys.readouterr()
    assert status == 2 and "sheet 'Matrix' has no column Z: its last column is E" in err
    status = main(["--workspace", str(ws), "import", str(path), "--column", "notes"])
    _, err = capsys.readouterr()
    assert status == 2 and "as LETTER=ROLE" in err
    assert not ws.exists()


def test_a_formula_in_the_evidence_column_is_named(tmp_path: Path):
    path = book(tmp_path / "formula.xlsx", {"Sheet": [
        ["Evidence", "H1", "H2"], ['=HYPERLINK("http://example.org","a")', "C", "I"],
        ["b", "N", "C"]]})
    with pytest.raises(WorkbookError, match=r"row 2, column A: the formula =HYPERLINK.* has no "
                                            r"saved result"):
        read_workbook(path)
