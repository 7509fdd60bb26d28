"""What a report says, independent of how it is rendered (HTML or PDF).

:func:`build_report` gathers, for each matrix: the question, the hypotheses in
ranked order with every score, the matrix itself, the charts (PNG and SVG), the
sensitivity findings, the analyst's judgment, conclusions and milestones; and
for the case, the sources cited with the quotes the evidence takes from them.
"""

from __future__ import annotations

from typing import Any

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from typing import TYPE_CHECKING

from sat_tool.domain.calibration import closed_scores, outcome_sentence
from sat_tool.domain.judgment import review_judgment
from sat_tool.domain.model import Case, Matrix, Rating
from sat_tool.domain.probability import (
    INDEPENDENCE_CAVEAT,
    independence_caveat,
    likelihood_text,
    line_report,
    shift_text,
)
from sat_tool.domain.scoring import score_matrix
from sat_tool.domain.sensitivity import contributions, fewest_changes, linchpins, tie_break
from sat_tool.domain.text import translate
from sat_tool.report import charts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def banner_colour(classification: str) -> str:
    """The conventional banner colour of a classification (RRGGBB): green for unclassified,
    blue for confidential, red for secret, orange for top secret; grey when unknown."""
    text = classification.upper()
    if "TOP SECRET" in text:
        return "FF8C00"
    if "UNCLASSIFIED" in text or "OFFICIAL" in text or "PUBLIC" in text:
        return "007A33"
    if "SECRET" in text:
        return "C8102E"
    if "CONFIDENTIAL" in text:
        return "0033A0"
    return "555555"


@dataclass(frozen=True)
class RankedHypothesis:
    """A hypothesis line of the ranking table."""

    label: str
    title: str
    description: str
    rank: int
    inconsistency: int
    weighted: float
    probability: float
    judged: float | None


@dataclass(frozen=True)
class MatrixLine:
    """One evidence row of the matrix table."""

    label: str
    text: str
    kind: str
    credibility: str
    relevance: str
    diagnosticity: float | None
    inconsistent_with_all: bool
    cells: tuple[tuple[Rating | None, str], ...]


class Chart:
    """A chart as PNG (for PDF) and SVG (for HTML), each rendered when first asked for."""

    def __init__(self, title: str, draw: Callable[[Axes], object], width: float,
                 height: float) -> None:
        self.title = title
        self._draw, self._size = draw, (width, height)
        self._figure: Figure | None = None

    def _drawn(self) -> Figure:
        if self._figure is None:
            self._figure = charts.new_figure(*self._size)
            self._draw(self._figure.axes[0])
        return self._figure

    @cached_property
    def png(self) -> bytes:
        return charts.figure_bytes(self._drawn(), "png")

    @cached_property
    def svg(self) -> str:
        return charts.figure_bytes(self._drawn(), "svg").decode("utf-8")


@dataclass
class MatrixReport:
    """Everything a report says about one matrix."""

    number: int
    question: str
    mode: str
    ranking: list[RankedHypothesis]
    columns: list[str]
    lines: list[MatrixLine]
    charts: list[Chart]
    sensitivity: list[str]
    judgment: list[str]
    conclusions: str
    milestones: list[str]
    notes: str
    caveat: str = INDEPENDENCE_CAVEAT
    transposed: bool = False
    """Show the matrix with the hypotheses down the side and the evidence across."""
    probability: list[str] = field(default_factory=list)
    """Where the probabilities come from, in sentences."""
    sources: list[tuple[str, int, str]] = field(default_factory=list)
    team: list[str] = field(default_factory=list)
    """The team's reading of the matrix, in sentences (empty: one analyst rated it)."""
    team_columns: list[str] = field(default_factory=list)
    team_rows: list[list[str]] = field(default_factory=list)
    """Per hypothesis: each analyst's probability (normalised), the group's mean and spread,
    and the tool's posterior."""
    """Each line of evidence: its name, how many items, the leader's posterior without it."""
    outcome: str = ""
    """What proved true, once the question is closed."""


@dataclass(frozen=True)
class CitedSource:
    """A source with the passages the evidence quotes from it."""

    title: str
    byline: str
    url: str
    reliability: str
    quotes: tuple[tuple[str, str], ...]


@dataclass
class Report:
    """A whole report."""

    title: str
    description: str
    classification: str
    generated: str
    matrices: list[MatrixReport] = field(default_factory=list)
    sources: list[CitedSource] = field(default_factory=list)


def build_report(case: Case, matrices: list[Matrix] | None = None, classification: str = ""
                 ) -> Report:
    """Gather the content of a report of the case, or of some of its matrices."""
    chosen = matrices or case.matrices
    report = Report(case.title, case.description, classification.strip(),
                    datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))
    for matrix in chosen:
        report.matrices.append(_matrix_report(case, matrix, case.matrices.index(matrix) + 1))
    report.sources = _cited_sources(case, chosen)
    return report


def _matrix_report(case: Case, matrix: Matrix, number: int) -> MatrixReport:
    scores = score_matrix(case, matrix)
    labels = {h.id: f"H{i}" for i, h in enumerate(matrix.hypotheses, 1)}
    ranking = [RankedHypothesis(labels[s.hypothesis_id], matrix.hypothesis(s.hypothesis_id).title,
                                matrix.hypothesis(s.hypothesis_id).description, s.rank,
                                s.inconsistency, s.weighted, s.probability,
                                matrix.hypothesis(s.hypothesis_id).judged)
               for s in scores.ranking()]
    lines = []
    for row in matrix.rows:
        item = case.evidence_item(row.evidence_id)
        e = scores.for_evidence(row.evidence_id)
        cells = []
        for hyp in matrix.hypotheses:
            found = matrix.ratings.get((row.evidence_id, hyp.id))
            note = found.rationale if found else ""
            if found is not None and found.likelihood is not None:
                note = translate("Report", "{rationale} (likelihood stated: {likelihood})").format(
                    rationale=note, likelihood=likelihood_text(found.likelihood)).strip()
            cells.append((found.rating if found else None, note))
        lines.append(MatrixLine(item.label, item.text, item.type.shown, item.credibility.shown,
                                row.relevance.shown, e.diagnosticity, e.inconsistent_with_all,
                                tuple(cells)))
    probability, sources = _probability(case, matrix, labels)
    outcome = outcome_sentence(matrix, labels)
    if outcome:
        analyst, tool = closed_scores(matrix, {s.hypothesis_id: s.probability for s in scores.hypotheses})
        said = translate("Report", "not given in full") if analyst is None else f"{analyst:.3f}"
        outcome = translate(
            "Report", "{outcome} Brier score (0 perfect, 2 worst) of the analyst's probabilities: "
            "{analyst}; of the tool's posteriors as the matrix stands: {tool}.").format(
                outcome=outcome, analyst=said, tool=f"{tool:.3f}")
    return MatrixReport(
        number=number,
        question=matrix.question,
        mode=matrix.scoring_mode.shown_label,
        ranking=ranking,
        columns=[f"{labels[h.id]}: {h.title}" for h in matrix.hypotheses],
        lines=lines,
        charts=_charts(case, matrix, scores),
        sensitivity=_sensitivity(case, matrix, labels),
        judgment=[note.message for note in review_judgment(matrix, scores, "the analyst")],
        conclusions=matrix.conclusions,
        milestones=[line.lstrip("-•* ").strip() for line in matrix.milestones.splitlines()
                    if line.strip()],
        notes=matrix.notes,
        caveat=independence_caveat(),
        transposed=matrix.transposed,
        probability=probability,
        sources=sources,
        outcome=outcome,
        **_team(case, matrix, labels, scores),
    )


def _team(case: Case, matrix: Matrix, labels: dict, scores: Any) -> dict[str, Any]:
    """The Team section: who rated, the team's leader, the disputes, and the probabilities
    of each analyst, the group and the tool side by side."""
    from sat_tool.domain import team as team_rules

    rated = team_rules.rated_analysts(matrix, matrix.team)
    if len(rated) < 2:
        return {}
    names = {a.id: a.name for a in case.analysts}
    counted = team_rules.counted_analysts(matrix, matrix.team)
    found = team_rules.team_scores(case, matrix, matrix.team)
    lead = ", ".join(labels[h.id] for h in matrix.hypotheses if h.id in found.leaders())
    disputed = team_rules.disputed_cells(case, matrix, matrix.team)
    sentences = [translate("Report", "Rated by {names}; the team's scores are the mean of the "
                                     "scores of {counted}, and put {lead} first.").format(
        names=", ".join(names.get(a, a) for a in rated),
        counted=", ".join(names.get(a, a) for a in counted), lead=lead)]
    if disputed:
        top = "; ".join(
            f"{case.evidence_item(d.cell[0]).label} × {labels[d.cell[1]]} ("
            + ", ".join(f"{names.get(a, a)} {r.value}" for a, r in d.ratings.items()) + ")"
            for d in disputed[:5])
        sentences.append(translate("Report", "{count} cells are disputed; the most: {cells}.")
                         .format(count=len(disputed), cells=top))
    for influence in team_rules.team_sensitivity(case, matrix, matrix.team):
        if influence.changes_without:
            sentences.append(translate("Report", "Without {name}, the team would put {others} "
                                                 "first.").format(
                name=names.get(influence.analyst, influence.analyst),
                others=", ".join(labels[h.id] for h in matrix.hypotheses
                                 if h.id in influence.leaders_without)))
    judged = {uid: {h: j for h, (_p, j) in own.items() if j is not None}
              for uid, own in matrix.judgments.items()}
    group = team_rules.group_judgment([h.id for h in matrix.hypotheses], judged)
    sentences += [j.notice(names) for j in group.analysts if j.notice(names)]
    if not group.aggregate:
        return {"team": sentences}
    counted_judgments = [j for j in group.analysts if j.normalised is not None]
    columns = [translate("Report", "Hypothesis")]
    columns += [names.get(j.analyst, j.analyst) for j in counted_judgments]
    columns += [translate("Report", "Group"), translate("Report", "Spread"),
                translate("Report", "Tool")]
    aggregate = {g.hypothesis_id: g for g in group.aggregate}
    tool = {s.hypothesis_id: s.probability for s in scores.hypotheses}
    rows = []
    for hyp in matrix.hypotheses:
        row = [f"{labels[hyp.id]}: {hyp.title}"]
        row += [f"{(j.normalised or {}).get(hyp.id, 0.0):.0%}" for j in counted_judgments]
        g = aggregate[hyp.id]
        row += [f"{g.mean:.0%}", f"±{g.spread:.0%}", f"{tool.get(hyp.id, 0.0):.0%}"]
        rows.append(row)
    return {"team": sentences, "team_columns": columns, "team_rows": rows}


def _probability(case: Case, matrix: Matrix, labels: dict) -> tuple[list[str], list[tuple[str, int, str]]]:
    """The probabilistic view by line of evidence: sentences, and one row per line."""
    if len(matrix.hypotheses) < 2 or not matrix.rows:
        return [], []
    found = line_report(case, matrix)
    by_line = ", ".join(f"{labels[h.id]} {found.posteriors[h.id]:.0%}" for h in matrix.hypotheses)
    independent = ", ".join(f"{labels[h.id]} {found.independent[h.id]:.0%}" for h in matrix.hypotheses)
    sentences = [translate("Report", "By line of evidence: {posteriors}.").format(posteriors=by_line),
                 translate("Report", "Were every item independent: {posteriors}.").format(
                     posteriors=independent),
                 found.sentence(labels)]
    leader = found.leader
    rows = []
    for line in found.lines:
        after = found.leader_without(line)
        values = {"leader": labels[leader], "posterior": f"{line.without[leader]:.0%}",
                  "shift": shift_text(found.shift(line))}
        if after is not None and after != leader:
            text = translate("Report", "{leader} {posterior} ({shift}); {other} leads").format(
                other=labels[after], **values)
        else:
            text = translate("Report", "{leader} {posterior} ({shift})").format(**values)
        rows.append((line.name, len(line.evidence), text))
    return [s for s in sentences if s], rows


def _charts(case: Case, matrix: Matrix, scores) -> list[Chart]:  # noqa: ANN001
    if not matrix.hypotheses:
        return []
    mode = matrix.scoring_mode
    values = contributions(case, matrix)
    drawings = [
        (translate("Report", "Scores"), lambda ax: charts.draw_scores(ax, matrix, scores, mode)),
        (translate("Report", "What each item adds"),
         lambda ax: charts.draw_contributions(ax, case, matrix, values, mode)),
    ]
    height = 1.4 + 0.45 * len(matrix.hypotheses)
    return [Chart(title, draw, 6.0, height) for title, draw in drawings]


def _sensitivity(case: Case, matrix: Matrix, labels: dict) -> list[str]:
    if len(matrix.hypotheses) < 2 or not matrix.rows:
        return [translate("Report", "Sensitivity needs two hypotheses and some evidence.")]
    found = []
    for pin in linchpins(case, matrix):
        if pin.decides_tie:
            text = translate("Report", "Without {item}, the tie for the lead is decided.")
        elif pin.draws_level:
            text = translate("Report", "Without {item}, another hypothesis draws level with the "
                             "leader.")
        elif pin.changes_leader:
            text = translate("Report", "Without {item}, the leading hypothesis changes.")
        else:
            text = translate("Report", "Without {item}, the order of the hypotheses changes.")
        found.append(text.format(item=case.evidence_item(pin.evidence_id).label))
    if not found:
        found.append(translate("Report", "No single evidence item changes the ranking when it is "
                               "left out."))
    for change in (tie_break(case, matrix), fewest_changes(case, matrix)):
        if change is None:
            continue
        cells = "; ".join(
            translate("Report", "{item} against {hypothesis} from {before} to {after}").format(
                item=case.evidence_item(c.cell[0]).label, hypothesis=labels[c.cell[1]],
                before=c.before.value if c.before else translate("Report", "unrated"),
                after=c.after.value)
            for c in change.changes)
        found.append(translate("Report", "{change}: {cells}.").format(
            change=change.sentence(labels), cells=cells))
    return found


def _cited_sources(case: Case, matrices: list[Matrix]) -> list[CitedSource]:
    used = {r.evidence_id for m in matrices for r in m.rows}
    cited = []
    for src in case.sources:
        quotes = tuple((e.label, e.quote) for e in case.evidence
                       if e.source_id == src.id and e.id in used and e.quote)
        citing = any(e.source_id == src.id and e.id in used for e in case.evidence)
        if not citing:
            continue
        byline = ", ".join(part for part in (src.author, src.publication, src.date) if part)
        cited.append(CitedSource(src.title, byline, src.url, src.reliability, quotes))
    return cited
