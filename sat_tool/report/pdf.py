"""A report as PDF, laid out with ReportLab: A4 landscape, the classification on every page.

Text uses the DejaVu Sans fonts that matplotlib ships, so any language the
analyst writes in prints. User text is escaped before it reaches ReportLab's
paragraph markup.
"""

from __future__ import annotations

import io
import os
from html import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from sat_tool.domain.model import Rating
from sat_tool.formats.palette import HEADER_BACKGROUND, RATING_COLOURS
from sat_tool.report.content import MatrixReport, Report, banner_colour

PAGE = landscape(A4)
MARGIN = 14 * mm
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(matplotlib.get_data_path(), "fonts", "ttf")
    pdfmetrics.registerFont(TTFont(FONT, os.path.join(folder, "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, os.path.join(folder, "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=FONT, fontSize=9, leading=12)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=18, leading=22,
                                spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=13, leading=16,
                             spaceBefore=6, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=10, leading=13,
                             spaceBefore=8, spaceAfter=2),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        "muted": ParagraphStyle("muted", parent=body, textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9),
        "code": ParagraphStyle("code", parent=body, fontName=BOLD, fontSize=8, alignment=TA_CENTER),
        "quote": ParagraphStyle("quote", parent=body, leftIndent=12, textColor=colors.HexColor("#333333")),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    _register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN + 4 * mm,
                            title=report.title, author="SAT Tool")
    story: list = [_p(report.title, styles["title"]),
                   _p(f"Report generated {report.generated} by SAT Tool.", styles["muted"])]
    if report.description:
        story.append(_p(report.description, styles["body"]))
    story.append(Spacer(1, 4 * mm))
    story.append(_legend(styles))
    for matrix in report.matrices:
        story.append(PageBreak())
        story.extend(_matrix(matrix, styles, doc.width))
    if report.sources:
        story.append(PageBreak())
        story.extend(_sources(report, styles))
    decorate = _page_decorator(report.classification)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue()


def _page_decorator(classification: str):  # noqa: ANN202
    def draw(canvas, doc) -> None:  # noqa: ANN001
        canvas.saveState()
        width, height = PAGE
        if classification:
            canvas.setFillColor(colors.HexColor(f"#{banner_colour(classification)}"))
            for y in (height - 7 * mm, 2 * mm):
                canvas.rect(0, y, width, 5 * mm, fill=1, stroke=0)
            canvas.setFillColor(colors.white)
            canvas.setFont(BOLD, 9)
            for y in (height - 5.6 * mm, 3.4 * mm):
                canvas.drawCentredString(width / 2, y, classification)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.setFont(FONT, 7)
        canvas.drawRightString(width - MARGIN, 9 * mm, f"Page {doc.page}")
        canvas.restoreState()
    return draw


def _legend(styles: dict) -> Table:
    cells = [[_p(f"{r.value} {r.meaning}", styles["cell"]) for r in Rating]]
    table = Table(cells)
    commands = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999"))]
    for column, rating in enumerate(Rating):
        back, fore = RATING_COLOURS[rating]
        commands.append(("BACKGROUND", (column, 0), (column, 0), colors.HexColor(f"#{back}")))
        cells[0][column].style = ParagraphStyle("l", parent=styles["cell"],
                                                textColor=colors.HexColor(f"#{fore}"))
    table.setStyle(TableStyle(commands))
    return table


def _header_style(rows: int) -> list:
    return [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#B0B0B0")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(f"#{HEADER_BACKGROUND}")),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("FONTNAME", (0, 1), (-1, rows), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("VALIGN", (0, 0), (-1, -1), "TOP")]


def _matrix(m: MatrixReport, styles: dict, width: float) -> list:
    story: list = [_p(f"M{m.number}. {m.question}", styles["h2"]),
                   _p(f"Ranked by {m.mode}.", styles["muted"]),
                   _p("Hypotheses, least evidence against first", styles["h3"])]
    rows = [["Rank", "Hypothesis", "Inconsistency", "Weighted", "P(H|E)", "Analyst"]]
    for h in m.ranking:
        rows.append([str(h.rank), _p(f"{h.label}: {h.title}", styles["cell"]), str(h.inconsistency),
                     f"{h.weighted:.2f}", f"{h.probability:.1%}",
                     "" if h.judged is None else f"{h.judged:.0%}"])
    table = Table(rows, colWidths=[14 * mm, width - 110 * mm, 24 * mm, 22 * mm, 24 * mm, 22 * mm],
                  repeatRows=1)
    style = _header_style(len(rows) - 1)
    style.append(("FONTNAME", (0, 1), (-1, 1), BOLD))
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 2 * mm), _p(m.caveat, styles["small"])]
    story += [_p("The matrix", styles["h3"]), _matrix_table(m, styles, width)]
    images = [Image(io.BytesIO(chart.png), width=(width / 2) - 4 * mm,
                    height=((width / 2) - 4 * mm) * _aspect(chart.png)) for chart in m.charts]
    if images:
        charts = Table([images], colWidths=[width / 2] * len(images))
        story.append(KeepTogether([Spacer(1, 3 * mm), charts]))
    for title, lines in (("Sensitivity", m.sensitivity), ("The analyst's judgment", m.judgment)):
        story.append(_p(title, styles["h3"]))
        story += [_p(f"• {line}", styles["body"]) for line in lines]
    story.append(_p("Conclusions", styles["h3"]))
    story += [_p(part, styles["body"]) for part in m.conclusions.split("\n\n") if part.strip()] or [
        _p("None yet.", styles["muted"])]
    story.append(_p("Milestones", styles["h3"]))
    story += [_p(f"• {line}", styles["body"]) for line in m.milestones] or [
        _p("None yet.", styles["muted"])]
    if m.notes:
        story += [_p("Notes", styles["h3"]), _p(m.notes, styles["body"])]
    return story


def _aspect(png: bytes) -> float:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(png)) as picture:
        return picture.height / picture.width


def _matrix_table(m: MatrixReport, styles: dict, width: float) -> Table:
    count = len(m.columns)
    code_width = max(14 * mm, min(26 * mm, (width * 0.45) / max(1, count)))
    fixed = [10 * mm, 0, 17 * mm, 14 * mm, 14 * mm, 11 * mm]
    fixed[1] = width - sum(fixed) - code_width * count
    rows = [["", "Evidence", "Type", "Cred.", "Rel.", "Diag."]
            + [_p(c, ParagraphStyle("h", parent=styles["cell"], textColor=colors.white,
                                    fontName=BOLD)) for c in m.columns]]
    commands = _header_style(len(m.lines))
    for r, line in enumerate(m.lines, 1):
        diag = "–" if line.diagnosticity is None else f"{line.diagnosticity:.2f}"
        row = [line.label, _p(line.text, styles["cell"]), _p(line.kind, styles["cell"]),
               line.credibility, line.relevance, diag]
        for c, (rating, _rationale) in enumerate(line.cells, len(row)):
            row.append(rating.value if rating else "")
            if rating is not None:
                back, fore = RATING_COLOURS[rating]
                commands += [("BACKGROUND", (c, r), (c, r), colors.HexColor(f"#{back}")),
                             ("TEXTCOLOR", (c, r), (c, r), colors.HexColor(f"#{fore}")),
                             ("FONTNAME", (c, r), (c, r), BOLD)]
        if line.inconsistent_with_all:
            commands.append(("TEXTCOLOR", (0, r), (0, r), colors.HexColor("#B03020")))
        rows.append(row)
    commands.append(("ALIGN", (6, 1), (-1, -1), "CENTER"))
    table = Table(rows, colWidths=fixed + [code_width] * count, repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _sources(report: Report, styles: dict) -> list:
    story: list = [_p("Sources cited", styles["h2"])]
    for src in report.sources:
        story.append(_p(src.title, styles["h3"]))
        story.append(_p(src.byline + (f" — {src.url}" if src.url else ""), styles["body"]))
        if src.reliability:
            story.append(_p(f"Reliability: {src.reliability}", styles["muted"]))
        story += [_p(f"{label}: “{quote}”", styles["quote"]) for label, quote in src.quotes]
    return story
