"""A report as PDF, laid out with ReportLab: A4 landscape, the classification on every page.

Text uses the DejaVu Sans fonts that matplotlib ships, so any language the
analyst writes in prints. User text is escaped before it reaches ReportLab's
paragraph markup.

Any length of text lays out. Paragraphs split across pages; a table row cannot,
so a long text in a table cell is cut short there (evidence text, hypothesis
titles) and printed in full in a list below the table. A matrix with more
hypotheses than fit across the page is printed as several tables, each with the
evidence columns and a share of the hypotheses.

A matrix of thousands of rows lays out in seconds: its cells are plain strings,
the evidence text broken into lines here exactly where a Paragraph would break
it (once per column width, not once per cell, part and page split), and each
row's rating cells are painted in one pass instead of three styles per cell.
"""

from __future__ import annotations

import io
import math
import os
import re
from html import escape

import matplotlib
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
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
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.formats.palette import HEADER_BACKGROUND, RATING_COLOURS
from sat_tool.report.content import MatrixLine, MatrixReport, Report, banner_colour

PAGE = landscape(A4)
MARGIN = 14 * mm
FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"

CELL_TEXT_LIMIT = 600
"""Characters of evidence text shown in a matrix cell; longer texts are listed in full below."""
HEADER_TEXT_LIMIT = 60
"""Characters of a hypothesis shown in a matrix column header (the ranking table has more)."""
RANKING_TEXT_LIMIT = 500
"""Characters of a hypothesis shown in the ranking table; longer ones are listed in full below."""
FIXED_WIDTHS = (10 * mm, 20 * mm, 14 * mm, 14 * mm, 11 * mm)
"""Matrix columns other than the evidence text and the ratings: label, type, cred., rel., diag.
(The type's is as wide as "Assumption", the longest word of a type, needs.)"""
MIN_TEXT_WIDTH = 70 * mm
MIN_CODE_WIDTH = 14 * mm
MAX_CODE_WIDTH = 26 * mm
WORDY_CODE_WIDTH = 20 * mm
"""Rating columns narrower than this show the hypothesis's label (H3) rather than its title."""
ORPHAN_ROOM = 45 * mm
"""A heading starts a new page when less than this is left below it."""
TABLE_ROWS = 100
"""Evidence rows per matrix table; a longer matrix continues in the next table."""
CUT_MARK = QT_TRANSLATE_NOOP("Report", " … [in full below]")
"""Ends a cut text, in English (translated in the context "Report" where it is used)."""
CELL_SIZE, CELL_LEADING = 7.5, 9
"""The evidence text and type in a matrix table (the ``cell`` paragraph style's)."""
CELL_PADDING = 6
"""ReportLab's padding left and right of a table cell's content."""
_RATING_INK = {rating: (colors.HexColor(f"#{back}"), colors.HexColor(f"#{fore}"))
               for rating, (back, fore) in RATING_COLOURS.items()}
_FLAG_INK = colors.HexColor("#B03020")
_FLAG_ON_HEADER = colors.HexColor("#FFB38A")
"""An item inconsistent with every hypothesis, named in a (dark) header row."""
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


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


def _printable(text: str) -> str:
    """Line breaks as ``\\n``; control characters (which no font draws) as U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_printable(text)).replace("\n", "<br/>"), style)


def _cut(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` characters and a mark saying the rest is below."""
    return text if len(text) <= limit else text[:limit].rstrip() + translate("Report", CUT_MARK)


def _evidence_headers() -> list:
    """The header cells of a matrix table's columns before the ratings."""
    return ["", translate("Report", "Evidence"), translate("Report", "Type"),
            translate("Report", "Cred."), translate("Report", "Rel."), translate("Report", "Diag.")]


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    _register_fonts()
    styles = _styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN + 4 * mm,
                            title=_printable(report.title).replace("\n", " "), author="SAT Tool")
    story: list = [_p(report.title, styles["title"]),
                   _p(translate("Report", "Report generated {when} by SAT Tool.").format(
                       when=report.generated), styles["muted"])]
    if report.description:
        story.append(_p(report.description, styles["body"]))
    story.append(Spacer(1, 4 * mm))
    story.append(_legend(styles))
    for number, matrix in enumerate(report.matrices):
        if number:  # the first matrix follows the title on its page: no page left nearly empty
            story.append(PageBreak())
        else:
            story.append(Spacer(1, 4 * mm))
        story.extend(_matrix(matrix, styles, doc.width, doc.height))
    if report.sources:
        story.append(PageBreak())
        story.extend(_sources(report, styles))
    decorate = _page_decorator(_printable(report.classification).replace("\n", " "))
    ascii85, rl_config.useA85 = rl_config.useA85, 0  # binary streams: smaller, and quicker
    try:
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    finally:
        rl_config.useA85 = ascii85
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
        canvas.drawRightString(width - MARGIN, 9 * mm,
                               translate("Report", "Page {number}").format(number=doc.page))
        canvas.restoreState()
    return draw


def _legend(styles: dict) -> Table:
    """The ratings in their colours, each in the ink that reads on its fill (white on the dark
    green and red): the paragraph's style is set as it is made, for it decides the colour."""
    cells = [[_p(f"{r.value} {r.shown_meaning}",
                 ParagraphStyle(f"legend-{r.value}", parent=styles["cell"],
                                textColor=colors.HexColor(f"#{RATING_COLOURS[r][1]}")))
              for r in Rating]]
    table = Table(cells)
    commands = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999"))]
    for column, rating in enumerate(Rating):
        back, _fore = RATING_COLOURS[rating]
        commands.append(("BACKGROUND", (column, 0), (column, 0), colors.HexColor(f"#{back}")))
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


def _matrix(m: MatrixReport, styles: dict, width: float, height: float) -> list:
    story: list = [_p(f"M{m.number}. {m.question}", styles["h2"]),
                   _p(translate("Report", "Ranked by {mode}.").format(mode=m.mode), styles["muted"]),
                   _p(translate("Report", "Ranking, least evidence against first"), styles["h3"])]
    rows = [[translate("Report", "Rank"), translate("Report", "Hypothesis"),
             translate("Report", "Inconsistency"), translate("Report", "Weighted"),
             translate("Report", "P(H|E)"), translate("Report", "Analyst")]]
    for h in m.ranking:
        rows.append([str(h.rank), _p(_cut(f"{h.label}: {h.title}", RANKING_TEXT_LIMIT), styles["cell"]),
                     str(h.inconsistency), f"{h.weighted:.2f}", f"{h.probability:.1%}",
                     "" if h.judged is None else f"{h.judged:.0%}"])
    table = Table(rows, colWidths=[14 * mm, width - 110 * mm, 24 * mm, 22 * mm, 24 * mm, 22 * mm],
                  repeatRows=1)
    style = _header_style(len(rows) - 1)
    style.append(("FONTNAME", (0, 1), (-1, 1), BOLD))
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 2 * mm), _p(m.caveat, styles["small"])]
    long_titles = [h for h in m.ranking if len(f"{h.label}: {h.title}") > RANKING_TEXT_LIMIT]
    if long_titles:
        story.append(_p(translate("Report", "Hypotheses in full"), styles["h3"]))
        story += [_p(f"{h.label}: {h.title}", styles["body"]) for h in long_titles]
    if m.probability:
        story.append(_p(translate("Report", "Where the probabilities come from"), styles["h3"]))
        story += [_p(s, styles["body"]) for s in m.probability]
        rows = [[translate("Report", "Line of evidence"), translate("Report", "Items"),
                 translate("Report", "Leader without it")]]
        rows += [[_p(name, styles["cell"]), str(count), _p(text, styles["cell"])]
                 for name, count, text in m.sources]
        lines = Table(rows, colWidths=[width - 100 * mm, 16 * mm, 84 * mm], repeatRows=1)
        lines.setStyle(TableStyle(_header_style(len(rows) - 1)))
        story.append(lines)
    if m.team:
        story.append(_p(translate("Report", "The team"), styles["h3"]))
        story += [_p(s, styles["body"]) for s in m.team]
        if m.team_rows:
            rows = [[_p(c, styles["cell"]) for c in m.team_columns]]
            rows += [[_p(row[0], styles["cell"]), *row[1:]] for row in m.team_rows]
            others = len(m.team_columns) - 1
            team = Table(rows, colWidths=[width - others * 22 * mm] + [22 * mm] * others,
                         repeatRows=1)
            team.setStyle(TableStyle(_header_style(len(rows) - 1)))
            story.append(team)
    if m.outcome:
        story += [_p(translate("Report", "Outcome"), styles["h3"]), _p(m.outcome, styles["body"])]
    story += [CondPageBreak(ORPHAN_ROOM),  # never alone at a foot
              _p(translate("Report", "The matrix"), styles["h3"])]
    if m.transposed:
        story += _transposed_tables(m, styles, width)
    else:
        story += _matrix_tables(m, styles, width)
    long_texts = [line for line in m.lines if len(line.text) > CELL_TEXT_LIMIT]
    if long_texts and not m.transposed:
        story.append(_p(translate("Report", "Evidence in full"), styles["h3"]))
        story += [_p(f"{line.label}: {line.text}", styles["body"]) for line in long_texts]
    story += _charts(m, width, height)
    for title, lines in ((translate("Report", "Sensitivity"), m.sensitivity),
                         (translate("Report", "The analyst's judgment"), m.judgment)):
        story.append(_p(title, styles["h3"]))
        story += [_p(f"• {line}", styles["body"]) for line in lines]
    none_yet = translate("Report", "None yet.")
    story.append(_p(translate("Report", "Conclusions"), styles["h3"]))
    story += [_p(part, styles["body"]) for part in m.conclusions.split("\n\n") if part.strip()] or [
        _p(none_yet, styles["muted"])]
    story.append(_p(translate("Report", "Milestones"), styles["h3"]))
    story += [_p(f"• {line}", styles["body"]) for line in m.milestones] or [
        _p(none_yet, styles["muted"])]
    if m.notes:
        story += [_p(translate("Report", "Notes"), styles["h3"]), _p(m.notes, styles["body"])]
    return story


def _charts(m: MatrixReport, width: float, height: float) -> list:
    """The charts side by side, each scaled to fit a page however many hypotheses it shows."""
    if not m.charts:
        return []
    tallest = height - 12 * mm
    images = []
    for chart in m.charts:
        aspect = _aspect(chart.png)
        image_width = min((width / 2) - 4 * mm, tallest / aspect)
        images.append(Image(io.BytesIO(chart.png), width=image_width, height=image_width * aspect))
    charts = Table([images], colWidths=[width / 2] * len(images))
    return [KeepTogether([Spacer(1, 3 * mm), charts])]


def _aspect(png: bytes) -> float:
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(png)) as picture:
        return picture.height / picture.width


def hypothesis_groups(count: int, width: float) -> list[range]:
    """The hypotheses (by position) of each matrix table: as many as fit across ``width``."""
    fit = max(1, int((width - sum(FIXED_WIDTHS) - MIN_TEXT_WIDTH) // MIN_CODE_WIDTH))
    tables = max(1, math.ceil(count / fit))
    groups, start = [], 0
    for number in range(tables):  # as even as can be: 50 in six tables is 9, 9, 8, 8, 8, 8
        size = count // tables + (1 if number < count % tables else 0)
        groups.append(range(start, start + size))
        start += size
    return groups


def _matrix_tables(m: MatrixReport, styles: dict, width: float) -> list:
    groups = hypothesis_groups(len(m.columns), width)
    wrapped = _Wrapped(m)
    if len(groups) == 1:
        return _matrix_table(m, styles, width, groups[0], wrapped)
    story: list = []
    for number, group in enumerate(groups, 1):
        story += [CondPageBreak(ORPHAN_ROOM),  # a part's title never stands alone at a page's foot
                  _p(translate("Report", "Part {number} of {parts}: {first} to {last}").format(
                      number=number, parts=len(groups), first=f"H{group.start + 1}",
                      last=f"H{group.stop}"), styles["muted"])]
        story += [*_matrix_table(m, styles, width, group, wrapped), Spacer(1, 2 * mm)]
    return story


def _matrix_table(m: MatrixReport, styles: dict, width: float, group: range,
                  wrapped: _Wrapped | None = None) -> list[Table]:
    """The matrix with the hypotheses of ``group``, as tables of at most :data:`TABLE_ROWS` rows
    (ReportLab's cost of splitting a table grows with its rows times its cell styles).

    The evidence text and type are plain strings broken into lines here, once for each
    width (a Paragraph per cell would be laid out again at every split and every part)."""
    wrapped = wrapped or _Wrapped(m)
    count = len(group)
    code_width = max(MIN_CODE_WIDTH, min(MAX_CODE_WIDTH, (width * 0.45) / max(1, count)))
    label_width, kind_width, *other_widths = FIXED_WIDTHS
    text_width = width - sum(FIXED_WIDTHS) - code_width * count
    head = ParagraphStyle("h", parent=styles["cell"], textColor=colors.white, fontName=BOLD)
    # A title broken letter by letter reads as noise: narrow columns carry the label only,
    # and the ranking above the matrix names each hypothesis in full.
    narrow = code_width < WORDY_CODE_WIDTH
    header = (_evidence_headers()
              + [_p(m.columns[j].split(":", 1)[0] if narrow else _cut(m.columns[j], HEADER_TEXT_LIMIT),
                    head) for j in group])
    widths = [label_width, text_width, kind_width, *other_widths] + [code_width] * count
    texts = wrapped.texts(text_width - 2 * CELL_PADDING)
    kinds = wrapped.kinds(kind_width - 2 * CELL_PADDING)
    tables = []
    for first in range(0, max(1, len(m.lines)), TABLE_ROWS):
        lines = m.lines[first:first + TABLE_ROWS]
        commands = _header_style(len(lines))
        commands += [("FONTSIZE", (1, 1), (2, -1), CELL_SIZE), ("LEADING", (1, 1), (2, -1), CELL_LEADING)]
        rows = [header] + [_matrix_row(line, texts[first + r - 1], kinds[first + r - 1], group,
                                       commands, r)
                           for r, line in enumerate(lines, 1)]
        table = _MatrixTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(commands))
        tables.append(table)
    return tables


TRANSPOSED_NAME_WIDTH = 70 * mm
"""The hypothesis column of a transposed matrix."""
TRANSPOSED_CODE_WIDTH = 11 * mm


def _transposed_tables(m: MatrixReport, styles: dict, width: float) -> list:
    """The matrix with the hypotheses down the side and the evidence across (as many items per
    table as fit the page), then each item in full."""
    story: list = []
    fit = max(1, int((width - TRANSPOSED_NAME_WIDTH) // TRANSPOSED_CODE_WIDTH))
    count = max(1, math.ceil(len(m.lines) / fit))
    parts, start = [], 0
    for number in range(count if m.lines else 0):  # as even as can be: 21 in two is 11 and 10
        size = len(m.lines) // count + (1 if number < len(m.lines) % count else 0)
        parts.append(range(start, start + size))
        start += size
    for number, part in enumerate(parts or [range(0)], 1):
        if len(parts) > 1:
            story += [CondPageBreak(ORPHAN_ROOM),
                      _p(translate("Report", "Part {number} of {parts}: {first} to {last}").format(
                          number=number, parts=len(parts), first=m.lines[part.start].label,
                          last=m.lines[part.stop - 1].label), styles["muted"])]
        header = [translate("Report", "Hypothesis")] + [m.lines[i].label for i in part]
        rows: list = [header]
        commands = _header_style(len(m.columns))
        for r, column in enumerate(m.columns, 1):
            ratings = tuple(m.lines[i].cells[r - 1][0] for i in part)
            rows.append([_p(_cut(column, HEADER_TEXT_LIMIT * 2), styles["cell"])] + [""] * len(part))
            if any(ratings):
                commands.append(("BACKGROUND", (1, r), (-1, r), _Codes(ratings)))
        for c, i in enumerate(part, 1):
            if m.lines[i].inconsistent_with_all:
                commands.append(("TEXTCOLOR", (c, 0), (c, 0), _FLAG_ON_HEADER))
        table = _MatrixTable(rows, colWidths=[TRANSPOSED_NAME_WIDTH] + [TRANSPOSED_CODE_WIDTH] * len(part),
                             repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(commands))
        story += [table, Spacer(1, 2 * mm)]
    story.append(_p(translate("Report", "The evidence"), styles["h3"]))
    rows = [_evidence_headers()]
    for line in m.lines:
        diag = "–" if line.diagnosticity is None else f"{line.diagnosticity:.2f}"
        rows.append([line.label, _p(line.text, styles["cell"]), line.kind, line.credibility,
                     line.relevance, diag])
    label_width, kind_width, *other = FIXED_WIDTHS
    key = Table(rows, colWidths=[label_width, width - sum(FIXED_WIDTHS), kind_width, *other],
                repeatRows=1)
    key.setStyle(TableStyle(_header_style(len(rows) - 1)))
    story.append(key)
    return story


def _matrix_row(line: MatrixLine, text: str, kind: str, group: range, commands: list,
                r: int) -> list:
    diag = "–" if line.diagnosticity is None else f"{line.diagnosticity:.2f}"
    row = [line.label, text, kind, line.credibility, line.relevance, diag]
    ratings = tuple(line.cells[j][0] for j in group)
    row += [""] * len(ratings)  # painted by _Codes
    if any(ratings):
        commands.append(("BACKGROUND", (6, r), (-1, r), _Codes(ratings)))
    if line.inconsistent_with_all:
        commands.append(("TEXTCOLOR", (0, r), (0, r), _FLAG_INK))
    return row


class _MatrixTable(Table):
    """A table whose empty cells cost nothing to draw (the rating cells are painted whole)."""

    def _drawCell(self, cellval, cellstyle, pos, size) -> None:  # noqa: ANN001, N802
        if cellval != "":
            super()._drawCell(cellval, cellstyle, pos, size)


class _Codes:
    """The rating cells of one matrix row, painted at once: each cell in its palette colours
    with its code centred in bold, as a table cell with those styles would be drawn.

    Given to a table as the background of the row's rating cells (ReportLab calls it with
    the cells' rectangle), it draws one text object for the row instead of one per cell.
    """

    __slots__ = ("ratings",)
    SIZE = 8
    TOP = 3
    """Points from a cell's top to the top of its text: ReportLab's cell padding."""

    def __init__(self, ratings: tuple[Rating | None, ...]) -> None:
        self.ratings = ratings

    def __call__(self, table: Table, canvas, x: float, y: float, width: float,  # noqa: ANN001
                 height: float) -> None:
        step = width / len(self.ratings)
        for n, rating in enumerate(self.ratings):
            if rating is not None:
                canvas.setFillColor(_RATING_INK[rating][0])
                canvas.rect(x + n * step, y, step, height, stroke=0, fill=1)
        text = canvas.beginText()
        text.setFont(BOLD, self.SIZE)
        baseline = y - self.TOP - self.SIZE
        for n, rating in enumerate(self.ratings):
            if rating is not None:
                text.setFillColor(_RATING_INK[rating][1])
                text.setTextOrigin(x + (n + 0.5) * step - _code_width(rating) / 2, baseline)
                text.textOut(rating.value)
        canvas.drawText(text)


_CODE_WIDTHS: dict[Rating, float] = {}


def _code_width(rating: Rating) -> float:
    found = _CODE_WIDTHS.get(rating)
    if found is None:
        found = _CODE_WIDTHS[rating] = pdfmetrics.stringWidth(rating.value, BOLD, _Codes.SIZE)
    return found


class _Wrapped:
    """The evidence texts and types of a matrix broken into lines, once for each width."""

    def __init__(self, m: MatrixReport) -> None:
        self.m = m
        self.lines = _Lines(FONT, CELL_SIZE)
        self._texts: dict[float, list[str]] = {}
        self._kinds: dict[tuple[str, float], str] = {}

    def texts(self, room: float) -> list[str]:
        found = self._texts.get(room)
        if found is None:
            found = self._texts[room] = [self.lines.wrap(_printable(_cut(line.text, CELL_TEXT_LIMIT)),
                                                         room) for line in self.m.lines]
        return found

    def kinds(self, room: float) -> list[str]:
        out = []
        for line in self.m.lines:
            key = (line.kind, room)
            found = self._kinds.get(key)
            if found is None:
                found = self._kinds[key] = self.lines.wrap(_printable(line.kind), room)
            out.append(found)
        return out


_BLANKS_BUT_NBSP = re.compile("[^\\S\xa0]+")


class _Lines:
    """Plain text broken into lines that fit a width in one font, where a Paragraph breaks it:
    at blanks (a no-break space holds), a line allowed 5% of a space's width less per gap as
    ReportLab shrinks spaces, a word wider than a line cut by characters, its first piece
    ending the current line; each word measured once."""

    SHRINK = 0.05

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self.measured: dict[str, float] = {}
        self.space = self.width(" ")

    def width(self, word: str) -> float:
        found = self.measured.get(word)
        if found is None:
            found = self.measured[word] = pdfmetrics.stringWidth(word, self.font, self.size)
        return found

    def wrap(self, text: str, room: float) -> str:
        out: list[str] = []
        space, shrink = self.space, self.SHRINK * self.space
        for paragraph in text.split("\n"):
            words = _BLANKS_BUT_NBSP.split(paragraph) if "\xa0" in paragraph else paragraph.split()
            line: list[str] = []
            used = 0.0
            for word in words:
                if not word:
                    continue
                size = self.width(word)
                if not line and size <= room:
                    line, used = [word], size
                    continue
                if line and used + space + size <= room + shrink * len(line):
                    line.append(word)
                    used += space + size
                    continue
                if size <= room:
                    out.append(" ".join(line))
                    line, used = [word], size
                    continue
                first, *rest = self._pieces(word, room, used + space if line else 0.0)
                if first:
                    line.append(first)
                if line:
                    out.append(" ".join(line))
                *whole, last = rest or [""]
                out += whole
                line, used = ([last], self.width(last)) if last else ([], 0.0)
            out.append(" ".join(line))
        return "\n".join(out)

    def _pieces(self, word: str, room: float, used: float) -> list[str]:
        """A word cut where each piece fills a line, the first after ``used`` points."""
        pieces, start = [], 0
        for i, char in enumerate(word):
            size = self.width(char)
            if used + size > room and (i > start or size <= room):
                pieces.append(word[start:i])
                start, used = i, size
            else:
                used += size
        pieces.append(word[start:])
        return pieces


def _sources(report: Report, styles: dict) -> list:
    story: list = [_p(translate("Report", "Sources cited"), styles["h2"])]
    for src in report.sources:
        story.append(_p(src.title, styles["h3"]))
        story.append(_p(src.byline + (f" — {src.url}" if src.url else ""), styles["body"]))
        if src.reliability:
            story.append(_p(translate("Report", "Reliability: {reliability}").format(
                reliability=src.reliability), styles["muted"]))
        story += [_p(translate("Report", "{label}: “{quote}”").format(label=label, quote=quote),
                     styles["quote"]) for label, quote in src.quotes]
    return story
