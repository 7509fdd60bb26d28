"""Exports of a whole case, each against the plainest way to write the same cells.

* **Export: workbook** (2,000 × 30 and 10,000 × 50, every cell rated): the full Excel
  export (:func:`sat_tool.formats.xlsx.write_workbook`: every sheet, colours, comments,
  the hidden copy of the case) against an unstyled openpyxl write-only dump of the
  matrix: one sheet, per row the evidence label, text, type, credibility, relevance,
  diagnosticity (from :func:`sat_tool.domain.scoring.score_matrix`) and one rating code
  per hypothesis.
* **Export: PDF report** and **Export: HTML report** of the 2,000 × 30 case
  (:func:`sat_tool.report.write_report`: content, charts and rendering), each against
  the workbook export of the same case measured in the same run.
* The reports of the 10,000 × 50 case are timed once, reported only.

Every figure starts from a domain ``Case`` read once from the synthetic bundle, so
reading the file is in none of them. Ours and its floor are timed in turn, the median
of a few runs each. Run alone: ``python -m tests.bench.export_bench``
(``SAT_TOOL_BENCH_DIR`` keeps the bundles between runs).
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench.synthetic import write_bundle  # noqa: E402
from tests.bench.table import Figure, median_time, run_alone  # noqa: E402

REPEATS = 3
LARGE_REPEATS = 1
FLOOR_NAME = "openpyxl write-only dump of the same cells"


def _case(folder: Path, rows: int, columns: int):  # noqa: ANN202 - a domain Case
    from sat_tool.formats.bundle import read_bundle_with_snapshots

    case, snapshots = read_bundle_with_snapshots(write_bundle(folder, rows, columns))
    return case, snapshots


def dump_matrix(case, path: Path) -> None:  # noqa: ANN001 - a domain Case
    """The floor: the matrix's values in one unstyled write-only sheet, nothing else."""
    from openpyxl import Workbook

    from sat_tool.domain.scoring import score_matrix

    matrix = case.matrices[0]
    scores = score_matrix(case, matrix)
    items = {item.id: item for item in case.evidence}
    hypotheses = [h.id for h in matrix.hypotheses]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("M1")
    for row, evidence in zip(matrix.rows, scores.evidence):
        item = items[row.evidence_id]
        values = [item.label, item.text, item.type.value, item.credibility.value,
                  row.relevance.value, evidence.diagnosticity]
        for hypothesis in hypotheses:
            found = matrix.ratings.get((row.evidence_id, hypothesis))
            values.append(found.rating.value if found else None)
        sheet.append(values)
    workbook.save(path)


def _in_turn(actions: list[Callable[[], object]], repeats: int) -> list[float]:
    """The median time of each action, the actions run in turn ``repeats`` times."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeats):
        for kept, action in zip(times, actions):
            kept.append(median_time(action, repeats=1))
    return [statistics.median(kept) for kept in times]


def measure(folder: Path) -> list[Figure]:
    from sat_tool.formats.xlsx import write_workbook
    from sat_tool.report import write_report

    out = folder / "export"  # the files written; the bundles are shared with other sections
    out.mkdir(parents=True, exist_ok=True)
    figures = []
    case, snapshots = _case(folder, 2_000, 30)
    size = "2,000 × 30"
    workbook, floor, pdf, html = _in_turn([
        lambda: write_workbook(case, out / "case.xlsx", snapshots),
        lambda: dump_matrix(case, out / "floor.xlsx"),
        lambda: write_report(case, out / "case.pdf", "pdf"),
        lambda: write_report(case, out / "case.html", "html"),
    ], REPEATS)
    note = f"median of {REPEATS} runs each, taken in turn; the floor scores the matrix too"
    figures.append(Figure("Export: workbook", size, workbook, floor, FLOOR_NAME, target=2.0,
                          note=note))
    figures.append(Figure("Export: PDF report", size, pdf, workbook, "the workbook export",
                          target=10.0, note=note))
    figures.append(Figure("Export: HTML report", size, html, workbook, "the workbook export",
                          target=10.0, note=note))

    del case, snapshots
    case, snapshots = _case(folder, 10_000, 50)
    size = "10,000 × 50"
    workbook, floor = _in_turn([
        lambda: write_workbook(case, out / "large.xlsx", snapshots),
        lambda: dump_matrix(case, out / "large-floor.xlsx"),
    ], LARGE_REPEATS)
    megabytes = (out / "large.xlsx").stat().st_size / 2**20
    figures.append(Figure("Export: workbook", size, workbook, floor, FLOOR_NAME, target=2.0,
                          note=f"{LARGE_REPEATS} run each; the file is {megabytes:.1f} MiB"))
    pdf, html = _in_turn([lambda: write_report(case, out / "large.pdf", "pdf"),
                          lambda: write_report(case, out / "large.html", "html")], 1)
    pages = _pages(out / "large.pdf")
    figures.append(Figure("Export: PDF report", size, pdf, workbook, "the workbook export",
                          note=f"reported only; one run, {pages} pages"))
    figures.append(Figure("Export: HTML report", size, html, workbook, "the workbook export",
                          note="reported only; one run"))
    return figures


def _pages(path: Path) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        return "?"
    return f"{len(PdfReader(str(path)).pages):,}"


if __name__ == "__main__":
    run_alone(measure)
