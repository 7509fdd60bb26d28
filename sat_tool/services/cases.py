"""Workspace-level operations shared by the GUI and the CLI.

Creating, listing, importing, exporting and scoring cases. Each function is
one transaction; bad input raises an exception whose message names the problem
and nothing is written.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import Any

from sat_tool.domain.model import (
    Analyst,
    Case,
    CaseId,
    Change,
    DamagedRow,
    HypothesisId,
    Matrix,
    MatrixId,
)
from sat_tool.domain.calibration import ClosedMatrix, calibration, closed_scores, forecasts_of
from sat_tool.domain.snapshots import Snapshot, live_view
from sat_tool.domain import team as team_mod
from sat_tool.domain.judgment import review_judgment
from sat_tool.domain.model import ScoringMode
from sat_tool.domain.probability import (
    INDEPENDENCE_CAVEAT,
    Line,
    LineReport,
    line_report,
    posteriors,
    priors,
)
from sat_tool.domain.scoring import score_matrix
from sat_tool.domain.text import translate
from sat_tool.domain.sensitivity import (
    LeaderChange,
    contributions,
    fewest_changes,
    linchpins,
    ranking,
    tie_break,
)
from sat_tool.errors import describe
from sat_tool.formats.bundle import (
    loads_bundle_with_snapshots,
    read_bundle_with_snapshots,
    write_bundle,
)
from sat_tool.store import cases as store
from sat_tool.store.workspace import Workspace, import_owner, workspace_file_named

SAMPLE_NAME = "azerbaijan-2012.json"
"""The prebuilt case, shipped in the package (``sat_tool.cases``, the project's cases/)."""
EXPORT_FORMATS = ("xlsx", "json", "achz", "csv", "pdf", "html")
IMPORT_SUFFIXES = {".json": "json", ".xlsx": "xlsx", ".achz": "achz"}
MATRIX_FORMATS = ("achz", "csv")
"""Formats that hold one matrix rather than the whole case."""


IMPORT_BATCH_ROWS = store.INSERT_BATCH
"""A case of more rows than this imports in batches of short transactions."""


class CaseFileError(ValueError):
    """A file that cannot be imported; the message names the problem."""


def read_case_file(path: Path, choice: Any = None, report: list[str] | None = None
                   ) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """Read any importable file by its type: bundle, workbook or PARC ACH project.

    For a hand-made workbook, ``choice`` (an :class:`~sat_tool.formats.xlsx_import.ImportChoice`)
    picks the sheets, header row and column roles, and ``report`` receives how it was read.
    """
    refuse_workspace_file(path)
    if path.exists() and not path.is_file():
        raise CaseFileError(translate(
            "CaseService", "{file} is not a regular file (a folder, a device or a pipe), so it "
            "cannot be a case file").format(file=path.name))
    kind = IMPORT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise CaseFileError(translate(
            "CaseService", "{file}: SAT Tool imports case bundles (.json), Excel workbooks "
            "(.xlsx) and PARC ACH projects (.achz)").format(file=path.name))
    try:
        if kind == "json":
            return read_bundle_with_snapshots(path)
        if kind == "xlsx":
            from sat_tool.formats.xlsx_import import read_workbook

            return read_workbook(path, choice, report)
        from sat_tool.formats.parc import read_achz

        return read_achz(path), {}
    except ValueError as exc:  # BundleError, WorkbookError and ParcError all are
        raise CaseFileError(str(exc)) from None
    except RecursionError:
        raise CaseFileError(translate(
            "CaseService", "{file} is nested too deeply to be a case file").format(
                file=path.name)) from None
    except Exception as exc:  # a reader's own failure must still reach the user as a message  # noqa: BLE001
        raise CaseFileError(translate("CaseService", "{file} could not be read: {reason}").format(
            file=path.name, reason=describe(exc))) from None


def preview_workbook(path: Path, choice: Any = None) -> Any:
    """How a hand-made workbook would be read, as ``choice`` says or as its layout suggests:
    a :class:`~sat_tool.formats.xlsx_import.WorkbookReport`, or None for a workbook SAT Tool
    exported (which needs no choices). Nothing is written; :class:`CaseFileError` if it cannot
    be read."""
    refuse_workspace_file(path)
    if path.exists() and not path.is_file():
        raise CaseFileError(translate(
            "CaseService", "{file} is not a regular file (a folder, a device or a pipe), so it "
            "cannot be a case file").format(file=path.name))
    from sat_tool.formats.xlsx_import import ExportedWorkbook, survey_workbook

    try:
        return survey_workbook(path, choice)[1]
    except ExportedWorkbook:
        return None
    except ValueError as exc:
        raise CaseFileError(str(exc)) from None
    except Exception as exc:  # the reader's own failure still reaches the user as a sentence  # noqa: BLE001
        raise CaseFileError(translate("CaseService", "{file} could not be read: {reason}").format(
            file=path.name, reason=describe(exc))) from None


def refuse_workspace_file(path: Path) -> None:
    """Refuse to read or write a workspace's own files as documents (ValueError naming it)."""
    owner = workspace_file_named(path)
    if owner is not None:
        if Path(path).absolute() == owner:
            raise CaseFileError(translate(
                "CaseService", "{file} is the open workspace itself; choose another file").format(
                    file=Path(path).name))
        raise CaseFileError(translate(
            "CaseService", "{file} belongs to the open workspace {workspace}; choose another file"
        ).format(file=Path(path).name, workspace=owner.name))


def new_case(workspace: Workspace, title: str, description: str = "") -> CaseId:
    """Create an empty case."""
    title = title.strip()
    if not title:
        raise ValueError(translate("CaseService", "a case needs a title"))
    draft = Case(CaseId(0), title, str(uuid.uuid4()), description, store.utc_now())
    with workspace.transaction() as session:
        return store.insert_case(session, draft)


def list_cases(workspace: Workspace) -> list[store.CaseSummary]:
    """Every case in the workspace, most recently opened first."""
    with workspace.read() as session:
        found = store.list_cases(session)
    levels = workspace.case_levels()
    if levels:
        found = [dataclasses.replace(c, access=levels.get(int(c.id), c.access)) for c in found]
    return found


def find_case(workspace: Workspace, reference: str | int) -> CaseId:
    """A case id from its id or exact title."""
    with workspace.read() as session:
        return store.find_case(session, reference)


def load_case(workspace: Workspace, reference: str | int, analyst: str | None = None) -> Case:
    """The whole case named by id or exact title, rated as ``analyst`` (a name; None: on a
    team server, the analyst the login is; in a file, the analyst who rated most of it)."""
    chosen: Any = analyst if analyst is not None else workspace.analyst
    with workspace.read() as session:
        return store.load_case(session, store.find_case(session, reference), chosen)


def named_analyst(workspace: Workspace, case: Case, name: str) -> Analyst:
    """The analyst of that name: the case's, else the workspace's, else a new one."""
    with workspace.read() as session:
        return store.named_analyst(session, case, name.strip())


def history(workspace: Workspace, case_id: CaseId, matrix_id: int | None = None,
            cell: tuple[int, int] | None = None, limit: int | None = None) -> list[Change]:
    """What was changed in a case (a matrix, a cell), by whom and when, newest first."""
    with workspace.read() as session:
        return store.history(session, case_id, matrix_id, cell, limit)  # type: ignore[arg-type]


def delete_case(workspace: Workspace, case_id: CaseId) -> None:
    """Delete a case and everything in it."""
    with workspace.transaction() as session:
        store.delete_case(session, case_id)


def import_bundle(workspace: Workspace, path: Path) -> CaseId:
    """Import a case bundle as a new case; :class:`BundleError` if the file is not valid."""
    return add_case(workspace, *read_bundle_with_snapshots(path))


def copy_of(workspace: Workspace, case: Case) -> CaseId | None:
    """The case of the workspace a case read from a file is a copy of (same stable id)."""
    if not case.uid:
        return None
    with workspace.read() as session:
        return store.case_with_uid(session, case.uid)


def import_file(workspace: Workspace, path: Path) -> CaseId:
    """Import a bundle, a workbook or a PARC ACH project as a new case, all or nothing."""
    return add_case(workspace, *read_case_file(path))


def add_case(workspace: Workspace, case: Case,
             snapshots: dict[MatrixId, list[Snapshot]] | None = None) -> CaseId:
    """Store a case read from a file as a new case, all or nothing.

    A small case is one transaction. A large one is written in batches, each its
    own short transaction, so that other windows and programs keep editing while
    it imports; the case stays hidden from every list until the last batch has
    committed, and a failure part-way removes what was written (a kill leaves a
    hidden remainder that the next opening of the workspace removes).
    """
    plan = store.InsertPlan(case, snapshots)
    if plan.rows() <= IMPORT_BATCH_ROWS:
        with workspace.transaction() as session:
            case.title = _free_title(session, case.title)
            return store.insert_case(session, case, snapshots)
    plan = store.InsertPlan(case, snapshots, importing=import_owner())
    steps = plan.steps()
    try:
        with workspace.transaction() as session:
            case.title = _free_title(session, case.title)
            steps[0](session)
        for step in steps[1:]:
            with workspace.transaction() as session:
                step(session)
        with workspace.transaction() as session:
            plan.finish(session)
    except BaseException:
        if plan.case_id:
            try:
                with workspace.transaction() as session:
                    store.delete_case(session, plan.case_id)
                    store.drop_unused_analysts(session, plan.new_analysts)
            except Exception:  # noqa: BLE001 - the next opening removes the remainder
                pass
        raise
    return plan.case_id


def _free_title(session: Any, title: str) -> str:
    """``title``, or "title (2)", "(3)" … when a case of the workspace already has it."""
    taken = {summary.title.casefold() for summary in store.list_cases(session)}
    if title.casefold() not in taken:
        return title
    n = 2
    while f"{title} ({n})".casefold() in taken:
        n += 1
    return f"{title} ({n})"


def case_snapshots(workspace: Workspace, case: Case) -> dict[MatrixId, list[Snapshot]]:
    """Every matrix's snapshots.

    A damaged snapshot is left out and added to ``case.damaged`` (once), so that
    it never blocks an export; the caller warns about what ``case.damaged`` lists.
    """
    found: list[DamagedRow] = []
    with workspace.read() as session:
        snapshots = {m.id: store.load_snapshots(session, m.id, found) for m in case.matrices}
    case.damaged.extend(row for row in found if row not in case.damaged)
    return snapshots


def sample_text() -> str:
    """The prebuilt sample case's bundle, read from the installed package."""
    from importlib.resources import files

    return (files("sat_tool.cases") / SAMPLE_NAME).read_text(encoding="utf-8")


def open_sample(workspace: Workspace, bundle: Path | None = None) -> CaseId:
    """The workspace's copy of a prebuilt case (the sample by default), importing it the
    first time."""
    if bundle is None:
        case, snapshots = loads_bundle_with_snapshots(sample_text(), name=SAMPLE_NAME)
    else:
        case, snapshots = read_bundle_with_snapshots(bundle)
    with workspace.transaction() as session:
        existing = store.case_with_uid(session, case.uid) if case.uid else None
        if existing is not None:
            return existing
        return store.insert_case(session, case, snapshots)


def export_case(workspace: Workspace, reference: str | int, fmt: str, path: Path,
                matrix: str | None = None, classification: str = "") -> Case:
    """Write a case to a file in one of :data:`EXPORT_FORMATS`.

    ``matrix`` picks the matrix for one-matrix formats (achz, csv) and for a
    report of a single matrix; ``classification`` is the banner of reports and
    the classification of PARC projects.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(translate(
            "CaseService", "unknown export format {format!r} (expected one of {formats})").format(
                format=fmt, formats=", ".join(EXPORT_FORMATS)))
    case = load_case(workspace, reference)
    chosen = select_matrices(case, matrix) if matrix is not None else None
    write_case(case, fmt, path, case_snapshots(workspace, case),
               chosen[0] if chosen else None, classification)
    return case


def write_case(case: Case, fmt: str, path: Path,
               snapshots: dict[MatrixId, list[Snapshot]] | None = None,
               matrix: Matrix | None = None, classification: str = "") -> None:
    """Write an in-memory case to a file (the GUI exports what it shows)."""
    refuse_workspace_file(path)
    if fmt in MATRIX_FORMATS and matrix is None:
        if not case.matrices:
            raise ValueError(translate(
                "CaseService", "{format} export needs a matrix, and this case has none").format(
                    format=fmt))
        matrix = case.matrices[0]
    if fmt == "json":
        write_bundle(case, path, snapshots)
    elif fmt == "xlsx":
        from sat_tool.formats.xlsx import write_workbook

        write_workbook(case, path, snapshots)
    elif fmt == "achz":
        from sat_tool.formats.parc import write_achz

        write_achz(case, matrix, path, classification)  # type: ignore[arg-type]
    elif fmt == "csv":
        from sat_tool.formats.csv_export import write_csv

        write_csv(case, matrix, path)  # type: ignore[arg-type]
    elif fmt in ("pdf", "html"):
        from sat_tool.report import write_report

        write_report(case, path, fmt, [matrix] if matrix else None, classification)
    else:
        raise ValueError(translate("CaseService", "unknown export format {format!r}").format(
            format=fmt))


def _leader_change(change: LeaderChange | None, hyp_label: dict, ev_label: dict
                   ) -> dict[str, Any] | None:
    """A change of leader (or a tie decided) as plain data, with its sentence."""
    if change is None:
        return None
    return {
        "leader": hyp_label[change.leader],
        "leaders": [hyp_label[h] for h in change.leaders],
        "challenger": hyp_label[change.challenger],
        "breaks_tie": change.breaks_tie,
        "sentence": change.sentence(hyp_label),
        "changes": [{"evidence": ev_label[c.cell[0]], "hypothesis": hyp_label[c.cell[1]],
                     "from": c.before.value if c.before else None, "to": c.after.value}
                    for c in change.changes],
    }


def matrix_report(case: Case, matrix: Matrix, mode: ScoringMode | None = None) -> dict[str, Any]:
    """The scores of one matrix as plain data (the ``score --json`` structure)."""
    mode = mode or matrix.scoring_mode
    scores = score_matrix(case, matrix, mode)
    prior = priors(matrix)
    hypotheses = []
    for position, hyp in enumerate(matrix.hypotheses, 1):
        s = scores.for_hypothesis(hyp.id)
        hypotheses.append({
            "label": f"H{position}",
            "title": hyp.title,
            "inconsistency": s.inconsistency,
            "weighted_inconsistency": round(s.weighted, 6),
            "probability": round(s.probability, 6),
            "prior": round(prior[hyp.id], 6),
            "judged": hyp.judged,
            "rank": s.rank,
        })
    evidence = []
    for row in matrix.rows:
        item = case.evidence_item(row.evidence_id)
        e = scores.for_evidence(row.evidence_id)
        evidence.append({
            "label": item.label,
            "text": item.text,
            "credibility": item.credibility.value,
            "relevance": row.relevance.value,
            "diagnosticity": None if e.diagnosticity is None else round(e.diagnosticity, 6),
            "inconsistent_with_all": e.inconsistent_with_all,
        })
    lines = line_report(case, matrix)
    labels = {h.id: f"H{i}" for i, h in enumerate(matrix.hypotheses, 1)}
    for hyp, entry in zip(matrix.hypotheses, hypotheses):
        entry["probability_items_independent"] = round(lines.independent[hyp.id], 6)
    report = {
        "question": matrix.question,
        "ranked_by": mode.value,
        "unrated_cells": scores.unrated,
        "hypotheses": hypotheses,
        "evidence": evidence,
        "probability_leader": labels[lines.leader] if lines.leader is not None else None,
        "lines_of_evidence": [_line_dict(case, line, lines, labels) for line in lines.lines],
        "most_influential_line": lines.sentence(labels),
        "judgment": [note.message for note in review_judgment(matrix, scores)],
        "caveat": INDEPENDENCE_CAVEAT,
    }
    if matrix.outcome is not None:
        report["outcome"] = outcome_dict(matrix, labels)
        analyst, tool = closed_scores(matrix, lines.posteriors)
        report["outcome"]["brier_analyst"] = None if analyst is None else round(analyst, 6)
        report["outcome"]["brier_tool"] = round(tool, 6)
    return report


def _line_dict(case: Case, line: Line, lines: LineReport, labels: dict[HypothesisId, str]
               ) -> dict[str, Any]:
    """One line of evidence as plain data."""
    after = lines.leader_without(line)
    return {
        "name": line.name,
        "kind": line.key[0],  # type: ignore[index]
        "evidence": [case.evidence_item(e).label for e in line.evidence],
        "bits_against": {labels[h]: round(v, 6) + 0.0 for h, v in line.against.items()},
        "probability_without": {labels[h]: round(v, 6) + 0.0 for h, v in line.without.items()},
        "leader_shift_without": _figure(lines.shift(line)),
        "leader_without": labels[after] if after is not None else None,
    }


def _figure(value: float) -> float:
    """A figure for JSON: six decimals, and never −0.0."""
    return round(value, 6) + 0.0


def outcome_dict(matrix: Matrix, labels: dict[HypothesisId, str]) -> dict[str, Any]:
    """A closed matrix's outcome as plain data."""
    outcome = matrix.outcome
    assert outcome is not None
    truth = outcome.hypothesis_id
    return {"hypothesis": labels[truth] if truth is not None else None,
            "title": (matrix.hypothesis(truth).title if truth is not None
                      else translate("CaseService", "none of the hypotheses")),
            "date": outcome.date, "evidence": outcome.evidence}


def sensitivity_report(case: Case, matrix: Matrix, mode: ScoringMode | None = None
                       ) -> dict[str, Any]:
    """Linchpins, the fewest changes that change the leader, and contributions, as plain data."""
    mode = mode or matrix.scoring_mode
    hyp_label = {h.id: f"H{i}" for i, h in enumerate(matrix.hypotheses, 1)}
    ev_label = {e.id: e.label for e in case.evidence}
    ranks = ranking(case, matrix, mode)
    change = fewest_changes(case, matrix, mode)
    return {
        "question": matrix.question,
        "mode": mode.value,
        "leader": sorted(hyp_label[h] for h, r in ranks.items() if r == 1),
        "linchpins": [
            {"evidence": ev_label[p.evidence_id], "changes_leader": p.changes_leader,
             "decides_tie": p.decides_tie, "draws_level": p.draws_level,
             "ranking_without": {hyp_label[h]: r for h, r in p.ranks_without.items()}}
            for p in linchpins(case, matrix, mode)
        ],
        "fewest_changes": _leader_change(change, hyp_label, ev_label),
        "tie_break": _leader_change(tie_break(case, matrix, mode), hyp_label, ev_label),
        "contributions": {
            hyp_label[h]: {ev_label[e]: round(v, 6) for e, v in column.items() if abs(v) > 1e-12}
            for h, column in contributions(case, matrix, mode).items()
        },
        "most_influential_line": _influence(case, matrix, hyp_label),
    }


def _influence(case: Case, matrix: Matrix, labels: dict[HypothesisId, str]) -> dict[str, Any] | None:
    """What leaving out the line of evidence that matters most does to the posteriors."""
    if len(matrix.hypotheses) < 2 or not matrix.rows:
        return None
    found = line_report(case, matrix)
    line = found.most_influential
    if line is None or found.leader is None:
        return None
    after = found.leader_without(line)
    return {"name": line.name, "evidence": [case.evidence_item(e).label for e in line.evidence],
            "leader": labels[found.leader], "posterior": round(found.posteriors[found.leader], 6),
            "posterior_without": round(line.without[found.leader], 6),
            "leader_without": labels[after] if after is not None else None,
            "sentence": found.sentence(labels)}


def team_report(case: Case, matrix: Matrix, mode: ScoringMode | None = None) -> dict[str, Any]:
    """Every analyst's ratings of one matrix read together, as plain data (``team --json``):
    who rated it, the team's scores, each analyst's weight on the leader, the most disputed
    cells, and the group's probabilities."""
    mode = mode or matrix.scoring_mode
    hyp_label = {h.id: f"H{i}" for i, h in enumerate(matrix.hypotheses, 1)}
    names = {a.id: a.name for a in case.analysts}
    team = matrix.team
    rated = team_mod.rated_analysts(matrix, team)
    cells = [(r.evidence_id, h.id) for r in matrix.rows for h in matrix.hypotheses]
    analysts = []
    for uid in rated:
        own = team[uid]
        others = {u: o for u, o in team.items() if u != uid}
        agree = team_mod.compare(matrix, own, team_mod.consensus_ratings(matrix, others)).agreement
        analysts.append({"name": names.get(uid, uid), "rated": sum(1 for c in cells if c in own),
                         "cells": len(cells),
                         "agreement_with_the_rest": None if agree is None else round(agree, 6)})
    scores = team_mod.team_scores(case, matrix, team, mode)
    hypotheses = []
    for found in scores.ranking():
        hypotheses.append({
            "label": hyp_label[found.hypothesis_id],
            "title": matrix.hypothesis(found.hypothesis_id).title,
            "rank": found.rank,
            "team": round(found.value(mode), 6),
            "lowest": round(found.lowest, 6), "highest": round(found.highest, 6),
            "by_analyst": {names.get(uid, uid): round(own.for_hypothesis(found.hypothesis_id)
                                                      .value(mode), 6)
                           for uid, own in scores.by_analyst.items()},
        })
    influence = [{"analyst": names.get(i.analyst, i.analyst),
                  "leaders_alone": [hyp_label[h.id] for h in matrix.hypotheses
                                    if h.id in i.leaders_alone],
                  "changes_alone": i.changes_alone,
                  "leaders_without": [hyp_label[h.id] for h in matrix.hypotheses
                                      if h.id in i.leaders_without],
                  "changes_without": i.changes_without}
                 for i in (team_mod.team_sensitivity(case, matrix, team, mode) if rated else [])]
    ev_label = {e.id: e.label for e in case.evidence}
    disputed = [{"evidence": ev_label[d.cell[0]], "hypothesis": hyp_label[d.cell[1]],
                 "disagreement": d.disagreement.label, "spread": round(d.spread, 6),
                 "ratings": {names.get(a, a): r.value for a, r in d.ratings.items()}}
                for d in team_mod.disputed_cells(case, matrix, team)]
    judged = {uid: {h: j for h, (_p, j) in own.items() if j is not None}
              for uid, own in matrix.judgments.items()}
    group = team_mod.group_judgment([h.id for h in matrix.hypotheses], judged)
    tool = posteriors(case, matrix) if matrix.hypotheses else {}
    return {
        "question": matrix.question,
        "rated_as": names.get(case.analyst, ""),
        "ranked_by": mode.label,
        "analysts": analysts,
        "still_rating": [names.get(uid, uid) for uid in rated
                         if uid not in team_mod.counted_analysts(matrix, team)],
        "hypotheses": hypotheses,
        "leaders": [hyp_label[h.id] for h in matrix.hypotheses if h.id in scores.leaders()],
        "influence": influence,
        "disputed": disputed,
        "probabilities": {
            "analysts": [{"name": names.get(j.analyst, j.analyst), "coherent": j.coherent,
                          "total": round(j.total, 6),
                          "given": {hyp_label[h]: v for h, v in j.given.items()},
                          "normalised": None if j.normalised is None else
                          {hyp_label[h]: round(v, 6) for h, v in j.normalised.items()},
                          "notice": j.notice(names)} for j in group.analysts],
            "group": [{"label": hyp_label[g.hypothesis_id], "mean": round(g.mean, 6),
                       "spread": round(g.spread, 6), "lowest": round(g.lowest, 6),
                       "highest": round(g.highest, 6)} for g in group.aggregate],
            "tool": {hyp_label[h]: round(p.probability, 6) for h, p in tool.items()},
        },
    }


def select_matrices(case: Case, reference: str | None) -> list[Matrix]:
    """All matrices, or the one named by its number (1, 2 …) or exact question.

    A number is only ever a position: a number past the last matrix is an error,
    never read as a database id, so that a script repeated by mistake cannot reach
    another matrix.
    """
    if reference is None:
        return list(case.matrices)
    text = reference.strip()
    if text.isdigit():
        if 1 <= int(text) <= len(case.matrices):
            return [case.matrices[int(text) - 1]]
    else:
        for mat in case.matrices:
            if mat.question == text:
                return [mat]
    if len(case.matrices) == 1:
        raise LookupError(translate(
            "CaseService", "case {title!r} has no matrix {reference!r} (give its number, 1, or its "
            "exact question)").format(title=case.title, reference=reference))
    raise LookupError(translate(
        "CaseService", "case {title!r} has no matrix {reference!r} (give its number, 1 to {last}, "
        "or its exact question)").format(title=case.title, reference=reference,
                                          last=len(case.matrices)))


# ---------------------------------------------------------------- calibration


def closed_matrices(workspace: Workspace) -> list[ClosedMatrix]:
    """Every closed matrix of the workspace with its outcome and forecasts, case by case.

    The forecasts are the matrix's snapshots up to and including the one taken when
    its outcome was recorded; a matrix closed elsewhere (imported closed, with no
    closing snapshot here) counts its snapshots and then itself as it stands.
    """
    found = []
    for summary in list_cases(workspace):
        try:
            case = load_case(workspace, summary.id)
        except store.CaseNotFound:
            continue  # deleted meanwhile
        for mat in case.matrices:
            if mat.outcome is None:
                continue
            with workspace.read() as session:
                snaps = store.load_snapshots(session, mat.id)
            ids = [snap.id for snap in snaps]
            if mat.outcome.snapshot_id in ids:
                snaps = snaps[:ids.index(mat.outcome.snapshot_id) + 1]
            else:
                snaps = [*snaps, live_view(case, mat)]
            tools = [{h: p.probability for h, p in posteriors(snap.case, snap.matrix).items()}
                     for snap in snaps]
            truth = mat.outcome.hypothesis_id
            found.append(ClosedMatrix(
                mat.id, mat.question, case.title, mat.outcome,
                (mat.hypothesis(truth).title if truth is not None
                 else translate("CaseService", "none of the hypotheses")),
                forecasts_of(snaps, tools)))
    return found


def calibration_report(workspace: Workspace) -> dict[str, Any]:
    """The calibration of the analyst's probabilities and of the tool's posteriors across the
    closed matrices of the workspace, as plain data (the ``calibration --json`` structure)."""
    closed = closed_matrices(workspace)
    result: dict[str, Any] = {"closed_matrices": [], "analyst": {}, "tool": {}}
    for entry in closed:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 6)
        result["closed_matrices"].append({
            "case": entry.case_title, "question": entry.question,
            "outcome": entry.truth_title, "date": entry.outcome.date,
            "evidence": entry.outcome.evidence,
            "forecasts": len(entry.forecasts),
            "brier_analyst": rounded(entry.brier("analyst")),
            "brier_tool": rounded(entry.brier("tool")),
            "history": [{"snapshot": name, "brier_analyst": rounded(a), "brier_tool": rounded(t)}
                        for (name, a), (_, t) in zip(entry.history("analyst"), entry.history("tool"))],
        })
    for who in ("analyst", "tool"):
        cal = calibration(closed, who)
        result[who] = {
            "matrices": cal.matrices,
            "brier": None if cal.brier is None else round(cal.brier, 6),
            "confidence": None if cal.confidence is None else round(cal.confidence, 6),
            "hit_rate": None if cal.hit_rate is None else round(cal.hit_rate, 6),
            "overconfidence": None if cal.overconfidence is None else round(cal.overconfidence, 6),
            "bins": [{"from": b.low, "to": b.high, "count": b.count,
                      "mean_forecast": round(b.mean_forecast, 6), "observed": round(b.observed, 6)}
                     for b in cal.bins],
            "sentence": cal.sentence(),
        }
    return result
