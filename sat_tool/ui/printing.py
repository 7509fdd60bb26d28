"""Printing a matrix (File ▸ Print, Print preview): the question, the ranking and the matrix,
fitted to the page.

The page is laid out as rich text: the table takes the page's width, the evidence text wraps
in it, and the orientation is landscape once the hypotheses would crowd a portrait page.
Rating cells keep their colours with their codes printed on them, so a grey print still
reads.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from sat_tool.domain import score_matrix
from sat_tool.domain.model import Case, Matrix, ScoringMode
from sat_tool.formats.palette import HEADER_BACKGROUND, HEADER_FOREGROUND, RATING_COLOURS

LANDSCAPE_FROM = 4
"""Hypotheses from which a matrix is printed across the page's long side."""


def matrix_html(case: Case, matrix: Matrix) -> str:
    """The printed page of a matrix, as rich text."""
    scores = score_matrix(case, matrix)
    number = case.matrices.index(matrix) + 1 if matrix in case.matrices else 1
    labels = [f"H{i}" for i in range(1, len(matrix.hypotheses) + 1)]
    by_id = {s.hypothesis_id: s for s in scores.hypotheses}
    head = f'bgcolor="#{HEADER_BACKGROUND}" style="color: #{HEADER_FOREGROUND};"'
    headings = [escape(text) for text in (
        QCoreApplication.translate("Printing", "Rank"),
        QCoreApplication.translate("Printing", "Hypothesis"),
        QCoreApplication.translate("Printing", "Incons."),
        QCoreApplication.translate("Printing", "Weighted"),
        QCoreApplication.translate("Printing", "P(H|E)"))]
    evidence, cred, rel, totals = (escape(text) for text in (
        QCoreApplication.translate("Printing", "Evidence"),
        QCoreApplication.translate("Printing", "Cred."),
        QCoreApplication.translate("Printing", "Rel."),
        QCoreApplication.translate("Printing", "Inconsistency · weighted")))
    parts = [
        f"<h3>M{number}. {escape(matrix.question)}</h3>",
        f"<p><i>{escape(case.title)}</i> · {escape(_ranked_by(matrix.scoring_mode))}</p>",
        "<table cellspacing='0' cellpadding='3' border='1' width='100%'>",
        "<tr>" + "".join(f"<th {head}>{heading}</th>" for heading in headings) + "</tr>",
    ]
    ranked = sorted(matrix.hypotheses, key=lambda h: (by_id[h.id].rank,
                                                      matrix.hypotheses.index(h)))
    for hyp in ranked:
        found = by_id[hyp.id]
        label = labels[matrix.hypotheses.index(hyp)]
        parts.append(f"<tr><td align='center'>{found.rank}</td><td><b>{label}</b> "
                     f"{escape(hyp.title)}</td><td align='center'>{found.inconsistency}</td>"
                     f"<td align='center'>{found.weighted:.2f}</td>"
                     f"<td align='center'>{found.probability:.0%}</td></tr>")
    parts.append("</table><p></p>")
    parts.append("<table cellspacing='0' cellpadding='3' border='1' width='100%'>")
    parts.append(f"<thead><tr><th {head}>#</th><th {head} width='55%'>{evidence}</th>"
                 f"<th {head}>{cred}</th><th {head}>{rel}</th>"
                 + "".join(f"<th {head}>{label}</th>" for label in labels)
                 + "</tr></thead>")  # repeated at the top of every page
    for row in matrix.rows:
        item = case.evidence_item(row.evidence_id)
        cells = []
        for hyp in matrix.hypotheses:
            found = matrix.ratings.get((item.id, hyp.id))
            if found is None:
                cells.append("<td></td>")
                continue
            fill, ink = RATING_COLOURS[found.rating]
            cells.append(f"<td align='center' valign='middle' bgcolor='#{fill}' "
                         f"style='color: #{ink};'>"
                         f"<b>{found.rating.value}</b></td>")
        parts.append(f"<tr><td>{item.label}</td><td>{escape(item.text)}</td>"
                     f"<td align='center'>{item.credibility.value[0]}</td>"
                     f"<td align='center'>{row.relevance.value[0]}</td>" + "".join(cells) + "</tr>")
    parts.append(f"<tr><td></td><td><b>{totals}</b></td><td></td><td></td>"
                 + "".join(f"<td align='center'>{by_id[h.id].inconsistency} · "
                           f"{by_id[h.id].weighted:.2f}</td>" for h in matrix.hypotheses)
                 + "</tr></table>")
    legend = " · ".join(f"<span style='background: #{RATING_COLOURS[r][0]}; color: "
                        f"#{RATING_COLOURS[r][1]};'>&nbsp;{r.value}&nbsp;</span> {escape(r.shown_meaning)}"
                        for r in RATING_COLOURS)
    parts.append(f"<p>{legend}</p>")
    parts.append("<p>" + "<br>".join(f"<b>{label}</b> {escape(h.title)}"
                                     for label, h in zip(labels, matrix.hypotheses)) + "</p>")
    return "".join(parts)


def _ranked_by(mode: ScoringMode) -> str:
    """What the ranking of a printed matrix is by, in words."""
    if mode is ScoringMode.WEIGHTED:
        return QCoreApplication.translate("Printing", "ranked by weighted inconsistency")
    if mode is ScoringMode.INCONSISTENCY:
        return QCoreApplication.translate("Printing", "ranked by the inconsistency count")
    return QCoreApplication.translate("Printing", "ranked by probability")


PRINT_POINTS = 7.5
"""The size of the printed text: a matrix of twenty items fits a page or two."""


def matrix_document(case: Case, matrix: Matrix) -> QTextDocument:
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSizeF(PRINT_POINTS)
    document.setDefaultFont(font)
    document.setHtml(matrix_html(case, matrix))
    return document


def set_up(printer: QPrinter, matrix: Matrix) -> None:
    """A4 or the printer's paper, landscape for a wide matrix, margins of 12 mm."""
    layout = printer.pageLayout()
    layout.setOrientation(QPageLayout.Orientation.Landscape if len(matrix.hypotheses)
                          >= LANDSCAPE_FROM else QPageLayout.Orientation.Portrait)
    layout.setMargins(QMarginsF(12, 12, 12, 12))
    layout.setUnits(QPageLayout.Unit.Millimeter)
    if not printer.pageLayout().pageSize().isValid():
        layout.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageLayout(layout)


def render(document: QTextDocument, printer: QPrinter) -> None:
    """Lay the document out at the printer's page width and print it (pages as they fall)."""
    page = printer.pageRect(QPrinter.Unit.Point)
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(printer)


def print_matrix(parent: QWidget | None, case: Case, matrix: Matrix, preview: bool) -> None:
    """Print a matrix, after the print dialog, or show it in the print preview."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_up(printer, matrix)
    document = matrix_document(case, matrix)
    if preview:
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview: {question}")
                              .format(question=matrix.question[:60]))
        if parent is not None:  # room for the pages and the whole toolbar
            dialog.resize(max(900, parent.width() * 4 // 5), max(700, parent.height() * 4 // 5))
        dialog.paintRequested.connect(lambda target: render(document, target))
        dialog.exec()
        return
    dialog = QPrintDialog(printer, parent)
    if dialog.exec():
        render(document, printer)
