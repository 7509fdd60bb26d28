"""Rules that hold for every sequence of edits (hypothesis).

- Undoing any sequence of edits through the real undo commands gives back the starting
  database exactly, and redoing it all gives back the edited one.
- Two editors with their own memory (as two processes have) interleaving the same edits
  give the same database as one editor making them in the same order.

Each holds on a workspace file and on a team server (PostgreSQL), where one is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sat_tool.domain import Rating
from sat_tool.domain.model import EvidenceType, Level, ScoringMode
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor, EditConflict
from sat_tool.store import Workspace

from conftest import grid_case
from dbdump import DEFAULT_IGNORE, canonical_dump

CHANGING = {"cases": {"revision", "last_opened", "evidence_counter"}, "sqlite_sequence": {"*"},
            "history": {"*"}}
"""What counts or times edits rather than holds the analysis: an undo moves it on (ids are
never reused, so the id counters stay where the edits took them; the history records the
undo too)."""


def dump(path: str | Path, ignore: dict[str, set[str]] = CHANGING):
    """Every table's rows in key order, without the columns named in ``ignore``."""
    return canonical_dump(path, ignore)


def small_case():
    case = grid_case([("E1", "High", "High", ["C", "I", "N"]),
                      ("E2", "Medium", "Low", ["II", "", "CC"]),
                      ("E3", "Low", "Medium", ["NA", "C", ""]),
                      ("E4", "High", "Medium", ["", "", "I"])])
    return case


ACTIONS = st.lists(st.tuples(st.sampled_from([
    "rate", "rate_many", "assess", "add_evidence", "delete_evidence", "edit_evidence",
    "add_hypothesis", "delete_hypothesis", "edit_hypothesis", "move_row", "move_hypothesis",
    "exclude", "include", "mode", "priors", "add_source", "delete_source", "edit_matrix",
    "add_matrix", "delete_matrix", "snapshot", "likelihoods", "transpose", "outcome",
    "paste_ratings", "paste_evidence",
]), st.integers(0, 10_000)), min_size=1, max_size=12)


def command_for(doc: Any, action: str, n: int) -> Any:
    """The undo command for an action, aimed by ``n`` at something the case has (None: nothing to aim at)."""
    from sat_tool.ui import commands as cmd

    case = doc.case
    mats = [m for m in case.matrices if m.hypotheses and m.rows]
    mat = mats[n % len(mats)] if mats else None
    ratings = list(Rating)
    if action in ("rate", "rate_many", "assess") and mat is not None:
        cells = [(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses]
        chosen = [cells[n % len(cells)]] if action != "rate_many" else cells[n % len(cells):][:3]
        if action == "assess":
            return cmd.SetAssessmentCommand(doc, mat.id, chosen[0], ratings[n % 6], f"because {n}")
        return cmd.SetCellsCommand(doc, mat.id, chosen, ratings[n % 6] if n % 7 else None)
    if action == "paste_ratings" and mat is not None:
        cells = [(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses]
        block = cells[n % len(cells):][:4]
        return cmd.PasteRatingsCommand(doc, mat.id, {c: (None if (n + i) % 5 == 0 else
                                                         ratings[(n + i) % 6])
                                                     for i, c in enumerate(block)})
    if action == "paste_evidence" and mat is not None:
        drafts = [(f"Pasted {n}.{i}", Level.LOW, {"type": EvidenceType.SIGINT},
                   {h.id: ratings[(n + i + j) % 6] for j, h in enumerate(mat.hypotheses)
                    if (n + j) % 3})
                  for i in range(1 + n % 3)]
        return cmd.PasteEvidenceCommand(doc, mat.id, drafts)
    if action == "add_evidence":
        target = case.matrices[n % len(case.matrices)].id if case.matrices and n % 3 else None
        return cmd.AddEvidenceCommand(doc, f"New item {n}", target, Level.HIGH,
                                      type=EvidenceType.HUMINT)
    if action == "delete_evidence" and case.evidence:
        return cmd.DeleteEvidenceCommand(doc, case.evidence[n % len(case.evidence)].id)
    if action == "edit_evidence" and case.evidence:
        item = case.evidence[n % len(case.evidence)]
        holder = next((m for m in case.matrices if m.includes(item.id)), None)
        return cmd.EditEvidenceCommand(doc, item.id, {"text": f"Edited {n}", "credibility": Level.LOW},
                                       holder.id if holder else None,
                                       Level.LOW if holder else None)
    if action == "add_hypothesis" and case.matrices:
        return cmd.AddHypothesisCommand(doc, case.matrices[n % len(case.matrices)].id, f"H {n}", "")
    if action == "delete_hypothesis" and mat is not None:
        kept = mat.outcome.hypothesis_id if mat.outcome is not None else None
        free = [h for h in mat.hypotheses if h.id != kept]  # the recorded outcome stays
        if free:
            return cmd.DeleteHypothesisCommand(doc, free[n % len(free)].id)
    if action == "edit_hypothesis" and mat is not None:
        return cmd.EditHypothesisCommand(doc, mat.hypotheses[n % len(mat.hypotheses)].id,
                                         title=f"Retitled {n}")
    if action == "move_row" and mat is not None and len(mat.rows) > 1:
        return cmd.MoveRowCommand(doc, mat.id, mat.rows[n % len(mat.rows)].evidence_id,
                                  (n // 7) % len(mat.rows))
    if action == "move_hypothesis" and mat is not None and len(mat.hypotheses) > 1:
        return cmd.MoveHypothesisCommand(doc, mat.hypotheses[n % len(mat.hypotheses)].id,
                                         (n // 7) % len(mat.hypotheses))
    if action == "exclude" and mat is not None:
        return cmd.ExcludeEvidenceCommand(doc, mat.id, mat.rows[n % len(mat.rows)].evidence_id)
    if action == "include" and case.matrices:
        target = case.matrices[n % len(case.matrices)]
        out = [e.id for e in case.evidence if not target.includes(e.id)]
        if out:
            return cmd.IncludeEvidenceCommand(doc, target.id, out[:1 + n % 2], Level.MEDIUM)
    if action == "mode" and case.matrices:
        target = case.matrices[n % len(case.matrices)]
        modes = [m for m in ScoringMode if m is not target.scoring_mode]
        return cmd.SetScoringModeCommand(doc, target.id, modes[n % len(modes)])
    if action == "priors" and mat is not None:
        share = 1 / (len(mat.hypotheses) + 1)
        return cmd.SetProbabilitiesCommand(doc, mat.id, "prior", {h.id: share for h in mat.hypotheses})
    if action == "add_source":
        return cmd.AddSourceCommand(doc, f"Source {n}", author="A. Author")
    if action == "delete_source" and case.sources:
        return cmd.DeleteSourceCommand(doc, case.sources[n % len(case.sources)].id)
    if action == "edit_matrix" and case.matrices:
        return cmd.EditMatrixCommand(doc, case.matrices[n % len(case.matrices)].id,
                                     conclusions=f"Concluded {n}")
    if action == "add_matrix":
        return cmd.AddMatrixCommand(doc, f"Question {n}?")
    if action == "delete_matrix" and len(case.matrices) > 1:
        return cmd.DeleteMatrixCommand(doc, case.matrices[n % len(case.matrices)].id)
    if action == "snapshot" and case.matrices:
        return cmd.TakeSnapshotCommand(doc, case.matrices[0].id, f"Snap {doc.undo_stack.index()}")
    if action == "likelihoods" and mat is not None:
        rated = [c for c, a in mat.ratings.items()  # NA carries no likelihood: refused, rightly
                 if mat.includes(c[0]) and a.rating is not Rating.NA]
        if rated:
            row = rated[n % len(rated)][0]
            cells = [c for c in rated if c[0] == row]
            return cmd.SetLikelihoodsCommand(doc, mat.id, {c: (None if (n + i) % 3 == 0 else
                                                               0.05 + ((n + i) % 19) / 20)
                                                           for i, c in enumerate(cells)})
    if action == "transpose" and case.matrices:
        target = case.matrices[n % len(case.matrices)]
        return cmd.SetTransposedCommand(doc, target.id, not target.transposed)
    if action == "outcome" and case.matrices:
        from sat_tool.domain import Outcome

        target = case.matrices[n % len(case.matrices)]
        if target.outcome is not None:
            return cmd.SetOutcomeCommand(doc, target.id, None)
        truth = target.hypotheses[n % len(target.hypotheses)].id if target.hypotheses and n % 4 else None
        return cmd.SetOutcomeCommand(doc, target.id, Outcome(truth, "2015-03", f"Known {n}"))
    return None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_undoing_every_edit_restores_the_database_and_redoing_restores_the_edits(qapp, new_location,
                                                                                 actions):
    from sat_tool.ui.document import CaseDocument

    path = new_location()
    ws = Workspace.open(path)
    try:
        case_id = svc.add_case(ws, small_case())
        doc = CaseDocument(CaseEditor.open(ws, case_id, "prop"))
        failures: list[str] = []
        doc.editFailed.connect(failures.append)
        start = dump(path)
        for action, n in actions:
            command = command_for(doc, action, n)
            if command is not None:
                doc.push(command)
        assert failures == []
        edited = dump(path)
        doc.undo_stack.setIndex(0)
        assert failures == []
        assert dump(path) == start
        doc.undo_stack.setIndex(doc.undo_stack.count())
        assert failures == []
        assert dump(path) == edited
        doc.deleteLater()
    finally:
        ws.close()


EDITS = st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from(
    ["rate", "add_evidence", "delete_evidence", "edit_evidence", "add_hypothesis",
     "delete_hypothesis", "move_row", "relevance"]), st.integers(0, 10_000)),
    min_size=1, max_size=16)


def editor_call(editor: CaseEditor, action: str, n: int) -> tuple[str, tuple, dict] | None:
    """A concrete editor call aimed at what this editor's (possibly stale) memory shows."""
    case = editor.case
    mat = case.matrices[0]
    if action == "rate" and mat.rows and mat.hypotheses:
        cells = [(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses]
        return "rate", (mat.id, cells[n % len(cells)], list(Rating)[n % 6]), {}
    if action == "add_evidence":
        return "add_evidence", (f"Item {n}", mat.id if n % 2 else None), {}
    if action == "delete_evidence" and len(case.evidence) > 1:
        return "delete_evidence", (case.evidence[n % len(case.evidence)].id,), {}
    if action == "edit_evidence" and case.evidence:
        return "update_evidence", (case.evidence[n % len(case.evidence)].id,), {"text": f"Text {n}"}
    if action == "add_hypothesis":
        return "add_hypothesis", (mat.id, f"Hypothesis {n}"), {}
    if action == "delete_hypothesis" and len(mat.hypotheses) > 1:
        return "delete_hypothesis", (mat.hypotheses[n % len(mat.hypotheses)].id,), {}
    if action == "move_row" and len(mat.rows) > 1:
        return "move_row", (mat.id, mat.rows[n % len(mat.rows)].evidence_id, (n // 3) % len(mat.rows)), {}
    if action == "relevance" and mat.rows:
        return "set_relevance", (mat.id, mat.rows[n % len(mat.rows)].evidence_id, list(Level)[n % 3]), {}
    return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=EDITS)
def test_two_editors_interleaved_give_the_database_one_editor_gives(new_location, edits):
    """Whatever two processes' editors accept, in the order they commit it, one editor reproduces."""
    shared, single = new_location(), new_location()
    ws = {name: Workspace.open(shared) for name in "ab"}
    alone = Workspace.open(single)
    try:
        case_id = svc.add_case(ws["a"], small_case())
        assert svc.add_case(alone, small_case()) == case_id
        editors = {name: CaseEditor.open(ws[name], case_id, "x") for name in "ab"}
        one = CaseEditor.open(alone, case_id, "x")
        accepted = []
        for who, action, n in edits:
            call = editor_call(editors[who], action, n)
            if call is None:
                continue
            name, args, kwargs = call
            try:
                getattr(editors[who], name)(*args, **kwargs)
            except EditConflict:
                continue  # refused: nothing was written, so the single editor skips it too
            accepted.append(call)
        for name, args, kwargs in accepted:
            getattr(one, name)(*args, **kwargs)
        ignore = {**DEFAULT_IGNORE, "cases": {"last_opened", "uid", "created"},
                  "ratings": {"updated"}}
        assert dump(shared, ignore) == dump(single, ignore)
    finally:
        for w in (*ws.values(), alone):
            w.close()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.booleans(), min_size=4, max_size=4), st.lists(st.integers(0, 3), max_size=4))
def test_deleting_several_items_at_once_and_restoring_them_gives_the_database_back(
        new_location, chosen, moves):
    """Whatever items are deleted together, wherever their rows stood in each matrix, putting
    them back in one transaction restores the workspace exactly."""
    path = new_location()
    ws = Workspace.open(path)
    try:
        case_id = svc.add_case(ws, small_case())
        editor = CaseEditor.open(ws, case_id, "prop")
        mat = editor.case.matrices[0]
        for n, place in enumerate(moves):  # rows out of the items' order
            editor.move_row(mat.id, mat.rows[n % len(mat.rows)].evidence_id, place)
        ids = [e.id for e, keep in zip(editor.case.evidence, chosen) if keep]
        if not ids:
            return
        start = dump(path)
        items = [e for e in editor.case.evidence if e.id in ids]
        removals = editor.delete_evidence_items(ids, expect=items)
        assert all(e.id not in ids for e in editor.case.evidence)
        editor.restore_evidence_items(removals)
        assert dump(path) == start
        assert editor.case == svc.load_case(ws, case_id)
    finally:
        ws.close()
