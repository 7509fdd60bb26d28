"""Benchmarks of scoring and of written-through edits (run with `make bench`).

Prints timings measured in one run and the ratios between sizes; no pass/fail.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sat_tool.domain import Rating, score_matrix
from sat_tool.domain.sensitivity import fewest_changes, linchpins
from sat_tool.formats.bundle import case_from_dict
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.store import Workspace
from sat_tool.store import cases as store

CODES = [r.value for r in Rating]


def synthetic(rows: int, columns: int):
    """A one-matrix case, every cell rated."""
    evidence = [{"id": f"E{i}", "text": f"Item {i}", "credibility": ["High", "Medium", "Low"][i % 3]}
                for i in range(1, rows + 1)]
    hyps = [{"id": f"H{j}", "title": f"Hypothesis {j}"} for j in range(1, columns + 1)]
    ratings = [{"evidence": f"E{i}", "hypothesis": f"H{j}", "rating": CODES[(i * j) % 6]}
               for i in range(1, rows + 1) for j in range(1, columns + 1)]
    return case_from_dict({"format": "sat-tool-case", "version": 1, "case": {"title": "Bench"},
                           "evidence": evidence,
                           "matrices": [{"question": "Q", "hypotheses": hyps, "ratings": ratings,
                                         "evidence": [{"evidence": e["id"]} for e in evidence]}]})


def best_of(repeats: int, action) -> float:
    """The fastest of several runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    sizes = [(50, 5), (500, 20), (2000, 40)]
    base = None
    print("Scoring (best of 5):")
    for rows, columns in sizes:
        case = synthetic(rows, columns)
        seconds = best_of(5, lambda: score_matrix(case, case.matrices[0]))
        per_cell = seconds / (rows * columns)
        base = base or per_cell
        print(f"  {rows:>5} × {columns:<3} {seconds * 1000:8.2f} ms   "
              f"{per_cell * 1e6:6.3f} µs/cell   ×{per_cell / base:4.2f} per cell vs smallest")
    print("Sensitivity (best of 3):")
    for rows, columns in sizes[:2]:
        case = synthetic(rows, columns)
        mat = case.matrices[0]
        pins = best_of(3, lambda: linchpins(case, mat))
        fewest = best_of(3, lambda: fewest_changes(case, mat))
        print(f"  {rows:>5} × {columns:<3} linchpins {pins * 1000:8.2f} ms   "
              f"fewest changes {fewest * 1000:8.2f} ms")
    with tempfile.TemporaryDirectory() as folder:
        with Workspace.open(Path(folder) / "bench.sqlite") as ws:
            case = synthetic(500, 20)
            with ws.transaction() as session:
                case_id = store.insert_case(session, case)
            load = best_of(3, lambda: svc.load_case(ws, case_id))
            print(f"Loading a 500 × 20 case: {load * 1000:.1f} ms")
            ed = CaseEditor.open(ws, case_id, "bench")
            mat = ed.case.matrices[0]
            cells = [(r.evidence_id, h.id) for r in mat.rows[:10] for h in mat.hypotheses[:10]]
            start = time.perf_counter()
            for n, cell in enumerate(cells):
                ed.rate(mat.id, cell, Rating(CODES[n % 6]))
            per_edit = (time.perf_counter() - start) / len(cells)
            rescore = best_of(3, lambda: score_matrix(ed.case, mat))
            print(f"One rating written through (synchronous=FULL): {per_edit * 1000:.2f} ms; "
                  f"scoring that matrix after it: {rescore * 1000:.2f} ms")


if __name__ == "__main__":
    main()
