"""A matrix as CSV: one row per evidence item, one column per hypothesis, scores below.

Records end in CRLF (RFC 4180) and every field holding a carriage return or a
line feed is quoted, so a line break inside a text never starts a new row in a
spreadsheet. Text that a spreadsheet would run as a formula (starting with =,
+, -, @, a tab or a carriage return, also after leading blanks or line breaks)
is written with a leading apostrophe, as OWASP advises against CSV injection.

:func:`write_atomically` is the temporary-file-and-rename writer every export
uses (CSV, PARC, workbooks, reports and charts).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from sat_tool.domain.model import Case, Matrix
from sat_tool.domain.scoring import score_matrix
from sat_tool.formats import FORMULA_TRIGGERS, write_file

FORMULA_STARTS = ("=", "+", "-", "@")
"""Characters that start a formula once a spreadsheet has skipped leading blanks."""


def safe(value: object) -> str:
    """A cell's text, defused if a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS) or _first_visible(text) in FORMULA_STARTS:
        return "'" + text
    return text


def _first_visible(text: str) -> str:
    """The first character that is neither a blank, a line break nor a control ('' if none)."""
    for char in text:
        if not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf")):
            return char
    return ""


def matrix_csv(case: Case, matrix: Matrix) -> str:
    """The CSV text of one matrix."""
    scores = score_matrix(case, matrix)
    out = io.StringIO()
    # CRLF as the record end makes the csv module quote any field with a CR or an LF in it.
    writer = csv.writer(out, lineterminator="\r\n")
    labels = [f"H{i}: {h.title}" for i, h in enumerate(matrix.hypotheses, 1)]
    writer.writerow([safe(v) for v in ["Evidence", "Text", "Type", "Credibility", "Relevance",
                                       "Diagnosticity", *labels]])
    for row in matrix.rows:
        item = case.evidence_item(row.evidence_id)
        diag = scores.for_evidence(row.evidence_id).diagnosticity
        ratings = [r.value if (r := matrix.rating(row.evidence_id, h.id)) else ""
                   for h in matrix.hypotheses]
        writer.writerow([safe(v) for v in [item.label, item.text, item.type.value,
                                           item.credibility.value, row.relevance.value,
                                           "" if diag is None else f"{diag:.3f}", *ratings]])
    blank = ["", "", "", "", ""]
    for name, pick in (("Inconsistency", lambda s: str(s.inconsistency)),
                       ("Weighted inconsistency", lambda s: f"{s.weighted:.3f}"),
                       ("P(H|E)", lambda s: f"{s.probability:.4f}"),
                       (f"Rank ({matrix.scoring_mode.value})", lambda s: str(s.rank))):
        writer.writerow(blank + [name] + [pick(scores.for_hypothesis(h.id)) for h in matrix.hypotheses])
    return out.getvalue()


def write_csv(case: Case, matrix: Matrix, path: Path) -> None:
    """Write one matrix as UTF-8 CSV with a byte-order mark, so Excel reads the accents."""
    data = matrix_csv(case, matrix).encode("utf-8-sig")
    write_file(Path(path), data)
