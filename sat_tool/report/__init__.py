"""Reports of a matrix or a whole case, as HTML or PDF, and the charts they share with the GUI.

No Qt: reports are written from the command line as well as from the GUI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sat_tool.domain.model import Case, Matrix
from sat_tool.domain.text import translate
from sat_tool.formats import write_file


def write_report(case: Case, path: Path, fmt: str, matrices: Sequence[Matrix] | None = None,
                 classification: str = "") -> None:
    """Write a report of the case (or of the given matrices) as ``html`` or ``pdf``.

    The report is laid out in full before the file is touched, then written beside
    it and renamed over it: a failure leaves the previous file, or none.
    """
    from sat_tool.report.content import build_report

    report = build_report(case, list(matrices) if matrices else None, classification)
    if fmt == "html":
        from sat_tool.report.html import render_html

        data = render_html(report).encode("utf-8")
    elif fmt == "pdf":
        from sat_tool.report.pdf import render_pdf

        data = render_pdf(report)
    else:
        raise ValueError(translate("Report", "reports are html or pdf, not {format!r}").format(
            format=fmt))
    write_file(Path(path), data)
