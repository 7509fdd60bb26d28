"""Printing a matrix: fitted to the page, landscape when wide, in colour with codes."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from sat_tool.domain import score_matrix
from sat_tool.ui.printing import matrix_document, matrix_html, render, set_up


def test_the_printed_matrix_holds_every_item_rating_and_score(page):
    case, mat = page.doc.case, page.matrix
    html = matrix_html(case, mat)
    for row in mat.rows:
        assert f"<td>{case.evidence_item(row.evidence_id).label}</td>" in html
    rated = sum(1 for cell in mat.ratings if mat.includes(cell[0]))
    assert len(re.findall(r"<td align='center' valign='middle' bgcolor='#[0-9A-F]{6}' "
                          r"style='color: #[0-9A-F]{6};'>"
                          r"<b>(CC|C|N|I|II|NA)</b>", html)) == rated
    scores = score_matrix(case, mat)
    for hyp in mat.hypotheses:
        found = scores.for_hypothesis(hyp.id)
        assert f"{found.inconsistency} · {found.weighted:.2f}" in html


def test_a_wide_matrix_prints_landscape_to_a_pdf_of_its_pages(page, tmp_path: Path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "matrix.pdf"
    printer.setOutputFileName(str(out))
    set_up(printer, page.matrix)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    document = matrix_document(page.doc.case, page.matrix)
    render(document, printer)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages == document.pageCount() >= 1
    # the table is laid out at the page's width, not wider
    assert document.size().width() <= printer.pageRect(QPrinter.Unit.Point).width() + 1


def test_print_preview_opens_from_the_file_menu(qtbot, page):
    win = page.window_
    seen = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintPreviewDialog):
            QTimer.singleShot(20, look)
            return
        widget = dialog.findChild(QPrintPreviewWidget)
        seen["pages"] = widget.pageCount()
        dialog.reject()

    QTimer.singleShot(0, look)
    win.print_preview_action.trigger()
    assert seen["pages"] >= 1
