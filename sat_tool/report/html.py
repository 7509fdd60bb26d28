"""A report as one self-contained HTML page: inline styles, charts as inline SVG.

Every piece of user text is escaped; the page loads nothing from outside.
Control characters, which HTML forbids, are shown as U+FFFD.
"""

from __future__ import annotations

import re
from html import escape

from sat_tool.domain.model import Rating
from sat_tool.domain.text import translate
from sat_tool.formats.palette import RATING_COLOURS
from sat_tool.report.content import MatrixReport, Report, banner_colour

STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #222;
       margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; line-height: 1.4; }
.banner { position: sticky; top: 0; color: #fff; text-align: center;
          font-weight: bold; letter-spacing: .05em; padding: 4px; z-index: 1; }
.banner.bottom { position: static; margin-top: 32px; }
h1 { font-size: 20pt; margin: 24px 0 4px; } h2 { font-size: 14pt; margin-top: 36px;
border-bottom: 2px solid #2F3E4E; padding-bottom: 4px; } h3 { font-size: 11.5pt; margin: 18px 0 6px; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border: 1px solid #B0B0B0; padding: 3px 6px; vertical-align: top; }
th { background: #2F3E4E; color: #fff; font-weight: bold; }
td.num { text-align: right; } td.code { text-align: center; font-weight: bold; min-width: 34px; }
tr.lead td { font-weight: bold; } tr.lead td .muted { font-weight: normal; } .muted { color: #666; }
table.matrix { width: 100%; } table.matrix td.text { min-width: 300px; }
.flag { color: #B03020; font-weight: bold; }
.legend span { display: inline-block; padding: 1px 8px; margin-right: 4px; border: 1px solid #999; }
.caveat { background: #FFF4D6; border: 1px solid #E0B84D; padding: 4px 8px; }
blockquote { margin: 4px 0 8px 16px; border-left: 3px solid #D5DDE8; padding-left: 8px; color: #333; }
.chart { display: inline-block; width: 48%; vertical-align: top; } .chart svg { width: 100%; height: auto; }
"""


_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
"""Characters HTML forbids in a document (controls, non-characters) and UTF-8 cannot hold."""


def _e(text: object) -> str:
    """User text as HTML text or attribute value: escaped, unprintable characters as U+FFFD."""
    return escape(_UNPRINTABLE.sub("\ufffd", str(text)), quote=True)


def _h(text: str) -> str:
    """The report's own words (translated) as HTML text: ``&``, ``<`` and ``>`` escaped, so that
    a template keeps its ``{placeholders}`` and its quotes as written."""
    return escape(text, quote=False)


def _tag(tag: str, text: str) -> str:
    """The report's own words in an element: ``<th>Rank</th>``."""
    return f"<{tag}>{_h(text)}</{tag}>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{_e(part)}</p>" for part in text.split("\n\n") if part.strip())


def render_html(report: Report) -> str:
    """The whole report as an HTML document."""
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{_e(report.title)}</title><style>{STYLE}</style></head><body>"]
    banner = f'style="background:#{banner_colour(report.classification)}"'
    if report.classification:
        parts.append(f'<div class="banner" {banner}>{_e(report.classification)}</div>')
    parts.append(f"<h1>{_e(report.title)}</h1>")
    generated = _h(translate("Report", "Report generated {when} by SAT Tool.")).format(
        when=_e(report.generated))
    parts.append(f'<p class="muted">{generated}</p>')
    parts.append(_paragraphs(report.description))
    parts.append(_legend())
    for matrix in report.matrices:
        parts.append(_matrix(matrix))
    parts.append(_sources(report))
    if report.classification:
        parts.append(f'<div class="banner bottom" {banner}>{_e(report.classification)}</div>')
    parts.append("</body></html>")
    return "\n".join(parts)


def _legend() -> str:
    spans = "".join(f'<span style="background:#{RATING_COLOURS[r][0]};color:#{RATING_COLOURS[r][1]}">'
                    f"{r.value} {_e(r.shown_meaning)}</span>" for r in Rating)
    return f'<p class="legend">{spans}</p>'


def _matrix(m: MatrixReport) -> str:
    ranked = _h(translate("Report", "Ranked by {mode}.")).format(mode=_e(m.mode))
    out = [f"<h2>M{m.number}. {_e(m.question)}</h2>",
           f'<p class="muted">{ranked}</p>',
           _tag("h3", translate("Report", "Ranking, least evidence against first")),
           "<table><tr>" + _tag("th", translate("Report", "Rank"))
           + _tag("th", translate("Report", "Hypothesis"))
           + _tag("th", translate("Report", "Inconsistency"))
           + _tag("th", translate("Report", "Weighted"))
           + _tag("th", translate("Report", "P(H|E)"))
           + _tag("th", translate("Report", "Analyst")) + "</tr>"]
    for h in m.ranking:
        judged = "" if h.judged is None else f"{h.judged:.0%}"
        desc = f'<br><span class="muted">{_e(h.description)}</span>' if h.description else ""
        out.append(f'<tr class="{"lead" if h.rank == 1 else ""}"><td class="num">{h.rank}</td>'
                   f"<td>{_e(h.label)}: {_e(h.title)}{desc}</td><td class=num>{h.inconsistency}</td>"
                   f"<td class=num>{h.weighted:.2f}</td><td class=num>{h.probability:.1%}</td>"
                   f"<td class=num>{judged}</td></tr>")
    out.append("</table>")
    out.append(f'<p class="caveat">{_e(m.caveat)}</p>')
    if m.probability:
        out.append(_tag("h3", translate("Report", "Where the probabilities come from"))
                   + "".join(f"<p>{_e(s)}</p>" for s in m.probability))
        out.append("<table><tr>" + _tag("th", translate("Report", "Line of evidence"))
                   + _tag("th", translate("Report", "Items"))
                   + _tag("th", translate("Report", "Leader without it")) + "</tr>"
                   + "".join(f"<tr><td>{_e(name)}</td><td class=num>{count}</td><td>{_e(text)}</td></tr>"
                             for name, count, text in m.sources) + "</table>")
    if m.team:
        out.append(_tag("h3", translate("Report", "The team"))
                   + "".join(f"<p>{_e(s)}</p>" for s in m.team))
        if m.team_rows:
            out.append("<table><tr>" + "".join(_tag("th", c) for c in m.team_columns) + "</tr>"
                       + "".join("<tr><td>" + _e(row[0]) + "</td>"
                                 + "".join(f"<td class=num>{_e(v)}</td>" for v in row[1:])
                                 + "</tr>" for row in m.team_rows) + "</table>")
    if m.outcome:
        out.append(_tag("h3", translate("Report", "Outcome")) + f"<p>{_e(m.outcome)}</p>")
    out.append(_tag("h3", translate("Report", "The matrix"))
               + (_transposed_table(m) if m.transposed else _matrix_table(m)))
    out.append("".join(f'<div class="chart">{chart.svg[chart.svg.find("<svg"):]}</div>'
                       for chart in m.charts))
    none_yet = '<p class="muted">' + _h(translate("Report", "None yet.")) + "</p>"
    out.append(_tag("h3", translate("Report", "Sensitivity")) + "<ul>"
               + "".join(f"<li>{_e(s)}</li>" for s in m.sensitivity) + "</ul>")
    out.append(_tag("h3", translate("Report", "The analyst's judgment")) + "<ul>"
               + "".join(f"<li>{_e(s)}</li>" for s in m.judgment) + "</ul>")
    out.append(_tag("h3", translate("Report", "Conclusions"))
               + (_paragraphs(m.conclusions) or none_yet))
    out.append(_tag("h3", translate("Report", "Milestones"))
               + ("<ul>" + "".join(f"<li>{_e(s)}</li>" for s in m.milestones) + "</ul>"
                  if m.milestones else none_yet))
    if m.notes:
        out.append(_tag("h3", translate("Report", "Notes")) + _paragraphs(m.notes))
    return "\n".join(out)


def _matrix_table(m: MatrixReport) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in m.columns)
    rows = ['<table class="matrix"><tr><th></th>' + _evidence_headers() + f"{head}</tr>"]
    for line in m.lines:
        diag = "–" if line.diagnosticity is None else f"{line.diagnosticity:.2f}"
        label = (f'<span class="flag">{_e(line.label)}</span>' if line.inconsistent_with_all
                 else _e(line.label))
        cells = [_code_cell(rating, rationale) for rating, rationale in line.cells]
        rows.append(f"<tr><td>{label}</td><td class=text>{_e(line.text)}</td><td>{_e(line.kind)}</td>"
                    f"<td>{_e(line.credibility)}</td><td>{_e(line.relevance)}</td>"
                    f"<td class=num>{diag}</td>{''.join(cells)}</tr>")
    rows.append("</table>")
    return "".join(rows)


def _evidence_headers() -> str:
    """The headers of the evidence columns of a matrix table."""
    return (_tag("th", translate("Report", "Evidence")) + _tag("th", translate("Report", "Type"))
            + _tag("th", translate("Report", "Cred.")) + _tag("th", translate("Report", "Rel."))
            + _tag("th", translate("Report", "Diag.")))


def _code_cell(rating: Rating | None, rationale: str) -> str:
    """A rating cell in its palette colours, its rationale as the tooltip (empty when unrated)."""
    if rating is None:
        return "<td></td>"
    back, fore = RATING_COLOURS[rating]
    return (f'<td class="code" style="background:#{back};color:#{fore}" '
            f'title="{_e(rationale)}">{rating.value}</td>')


def _transposed_table(m: MatrixReport) -> str:
    """The matrix with the hypotheses down the side and the evidence across, then the evidence
    items in full."""
    head = "".join(
        f'<th title="{_e(line.text)}">'
        + (f'<span class="flag">{_e(line.label)}</span>' if line.inconsistent_with_all
           else _e(line.label)) + "</th>" for line in m.lines)
    rows = ['<table class="matrix"><tr>' + _tag("th", translate("Report", "Hypothesis"))
            + f"{head}</tr>"]
    for j, column in enumerate(m.columns):
        cells = [_code_cell(*line.cells[j]) for line in m.lines]
        rows.append(f"<tr><td>{_e(column)}</td>{''.join(cells)}</tr>")
    rows.append("</table>")
    rows.append("<table><tr><th></th>" + _evidence_headers() + "</tr>")
    for line in m.lines:
        diag = "–" if line.diagnosticity is None else f"{line.diagnosticity:.2f}"
        rows.append(f"<tr><td>{_e(line.label)}</td><td class=text>{_e(line.text)}</td>"
                    f"<td>{_e(line.kind)}</td><td>{_e(line.credibility)}</td>"
                    f"<td>{_e(line.relevance)}</td><td class=num>{diag}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _sources(report: Report) -> str:
    if not report.sources:
        return ""
    out = [_tag("h2", translate("Report", "Sources cited"))]
    for src in report.sources:
        web = src.url.startswith(("http://", "https://"))
        link = f' <a href="{_e(src.url)}">{_e(src.url)}</a>' if web else ""
        out.append(f"<h3>{_e(src.title)}</h3><p>{_e(src.byline)}{link}</p>")
        if src.reliability:
            reliability = _h(translate("Report", "Reliability: {reliability}")).format(
                reliability=_e(src.reliability))
            out.append(f'<p class="muted">{reliability}</p>')
        for label, quote in src.quotes:
            quoted = _h(translate("Report", "“{quote}”")).format(quote=_e(quote))
            out.append(f"<blockquote><b>{_e(label)}</b> {quoted}</blockquote>")
    return "\n".join(out)
