"""Every analyst's ratings in the workspace: kept apart, chosen whom to rate as, put back whole by
undo, carried by the bundle, and every change of a rating in the history."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sat_tool.domain.model import Analyst, Rating, analyst_uid
from sat_tool.domain.team import disputed_cells
from sat_tool.formats.bundle import dumps_bundle, loads_bundle
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.store import Workspace

from conftest import SAMPLE

LEAD, LEILA, TOM = "Sam Adler", "Leila Hasanova", "Tom Reyes"


def reopened(location: str, case_id: int, analyst: str | None = None):
    with Workspace.open(location) as ws:
        return svc.load_case(ws, case_id, analyst)


@pytest.fixture
def ws(location):
    """A workspace of each kind (a file, a server's database) holding the sample."""
    with Workspace.open(location) as found:
        yield found


@pytest.fixture
def case_id(ws):
    return svc.import_bundle(ws, SAMPLE)


@pytest.fixture
def editor(ws, case_id):
    return CaseEditor.open(ws, case_id, "tester")


def test_the_sample_has_three_analysts_who_rate_every_cell_and_differ_where_it_counts():
    case = loads_bundle(SAMPLE.read_text(encoding="utf-8"))
    assert [a.name for a in case.analysts] == [LEAD, LEILA, TOM]
    assert case.analyst == analyst_uid(LEAD)  # it opens as its first analyst's
    for mat in case.matrices:
        cells = {(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses}
        assert all(set(own) == cells for own in mat.team.values())
        disputed = disputed_cells(case, mat, mat.team)
        assert len(disputed) >= 5, mat.question
        assert any(d.disagreement.value >= 2 for d in disputed)  # some large disagreement
        # most cells agree: a team mostly does
        assert len(disputed) < len(cells) / 4
        assert set(mat.judgments) == {analyst_uid(LEILA), analyst_uid(TOM)}
    totals = [sum(j for _p, j in own.values()) for m in case.matrices
              for own in m.judgments.values()]
    assert sum(1 for t in totals if abs(t - 1) > 1e-9) == 1  # one judgment to normalise


def test_each_analysts_ratings_are_kept_apart(ws: Workspace, location: str, case_id: int):
    """Rating as one analyst changes only theirs; each reopens with their own."""
    leila = CaseEditor.open(ws, case_id, LEILA)
    tom = CaseEditor.open(ws, case_id, TOM)
    mat = leila.case.matrices[0]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    before = {name: reopened(location, case_id, name).matrices[0].ratings[cell].rating
              for name in (LEAD, LEILA, TOM)}
    leila.rate(mat.id, cell, Rating.II)
    tom.rate(mat.id, cell, Rating.CC)
    after = {name: reopened(location, case_id, name).matrices[0].ratings[cell].rating
             for name in (LEAD, LEILA, TOM)}
    assert after == {LEAD: before[LEAD], LEILA: Rating.II, TOM: Rating.CC}
    shared = reopened(location, case_id).matrices[0]
    assert {uid: own[cell].rating for uid, own in shared.team.items()} == {
        analyst_uid(LEAD): before[LEAD], analyst_uid(LEILA): Rating.II, analyst_uid(TOM): Rating.CC}


def test_whom_a_case_opens_as(ws: Workspace, case_id: int):
    """Your name when you have rated the case; else its first analyst; a blank case: you."""
    assert CaseEditor.open(ws, case_id, TOM).rated_as.name == TOM
    assert CaseEditor.open(ws, case_id, "tom reyes").rated_as.name == TOM
    assert CaseEditor.open(ws, case_id, "Newcomer").rated_as.name == LEAD
    blank = svc.new_case(ws, "Blank")
    editor = CaseEditor.open(ws, blank, "Newcomer")
    assert editor.rated_as == Analyst(analyst_uid("Newcomer"), "Newcomer")


def test_rating_as_someone_new_starts_blank_and_they_join_with_their_first_rating(
        ws: Workspace, location: str, case_id: int):
    editor = CaseEditor.open(ws, case_id, "Dana")
    editor.rate_as("Dana")
    mat = editor.case.matrices[0]
    assert mat.ratings == {} and all(h.judged is None for h in mat.hypotheses)
    assert [a.name for a in reopened(location, case_id).analysts] == [LEAD, LEILA, TOM]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    editor.rate(mat.id, cell, Rating.N)
    stored = reopened(location, case_id, "Dana")
    assert stored.analyst_named(stored.analyst).name == "Dana"
    assert stored.matrices[0].ratings == {cell: stored.matrices[0].ratings[cell]}
    assert [a.name for a in stored.analysts][-1] == "Dana"


def test_undo_of_a_deleted_hypothesis_puts_back_every_analysts_ratings_and_judgments(
        editor: CaseEditor, location: str):
    mat = editor.case.matrices[0]
    hyp = mat.hypotheses[0]
    before = reopened(location, editor.case.id).matrices[0]
    team = copy.deepcopy(before.team)
    judged = copy.deepcopy(before.judgments)
    removal = editor.delete_hypothesis(hyp.id)
    gone = reopened(location, editor.case.id).matrices[0]
    assert not any(c[1] == hyp.id for own in gone.team.values() for c in own)
    assert not any(hyp.id in own for own in gone.judgments.values())
    editor.restore_hypothesis(removal)
    back = reopened(location, editor.case.id).matrices[0]
    assert back.team == team and back.judgments == judged
    assert editor.case.matrices[0].team == team  # and in memory


def test_undo_of_a_removed_row_puts_back_every_analysts_ratings(editor: CaseEditor,
                                                                location: str):
    mat = editor.case.matrices[0]
    team = copy.deepcopy(mat.team)
    removal = editor.exclude_evidence(mat.id, mat.rows[1].evidence_id)
    assert all(not any(c[0] == removal.row.evidence_id for c in own)
               for own in reopened(location, editor.case.id).matrices[0].team.values())
    editor.restore_row(removal)
    assert reopened(location, editor.case.id).matrices[0].team == team


def test_the_history_records_who_changed_whose_rating_from_what_to_what(editor: CaseEditor,
                                                                         ws: Workspace):
    """'tester' edits the sample's own analyst's ratings; undo is a change too."""
    mat = editor.case.matrices[0]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[1].id)
    old = mat.ratings[cell]
    editor.assess(mat.id, cell, Rating.I, "because of E9")
    editor.set_assessments(mat.id, {cell: old})  # as undo does
    changes = svc.history(ws, editor.case.id, mat.id, cell)
    assert [(c.by, c.analyst, c.before, c.after, c.note) for c in changes] == [
        ("tester", LEAD, "I", old.rating.value, old.rationale),
        ("tester", LEAD, old.rating.value, "I", "because of E9"),
    ]
    assert svc.history(ws, editor.case.id, mat.id, (mat.rows[1].evidence_id,
                                                           mat.hypotheses[1].id)) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from([LEAD, LEILA, TOM]), st.integers(0, 10 ** 6),
                                st.sampled_from([*Rating, None])), max_size=12))
def test_any_ratings_of_any_analysts_come_back_through_the_bundle(tmp_path_factory, edits):
    """Whatever the analysts rate, a bundle carries each analyst's ratings as theirs."""
    folder = tmp_path_factory.mktemp("team")
    with Workspace.open(folder / "a.sqlite") as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
        editors = {name: CaseEditor.open(ws, case_id, name) for name in (LEAD, LEILA, TOM)}
        for name, n, rating in edits:
            mat = editors[name].case.matrices[n % 3]
            cells = [(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses]
            editors[name].rate(mat.id, cells[n % len(cells)], rating)
        svc.export_case(ws, case_id, "json", folder / "out.json")
        written = svc.load_case(ws, case_id)
    with Workspace.open(folder / "b.sqlite") as other:
        copy_id = svc.import_bundle(other, folder / "out.json")
        read = svc.load_case(other, copy_id)
    for a, b in zip(written.matrices, read.matrices):
        ids = dict(zip([r.evidence_id for r in a.rows], [r.evidence_id for r in b.rows]))
        hyps = dict(zip([h.id for h in a.hypotheses], [h.id for h in b.hypotheses]))
        assert {uid: {(ids[e], hyps[h]): x.rating for (e, h), x in own.items()}
                for uid, own in a.team.items() if own} == {
            uid: {c: x.rating for c, x in own.items()} for uid, own in b.team.items() if own}
    data = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in data["analysts"]] == [LEAD, LEILA, TOM]


def test_a_bundle_rating_that_names_no_listed_analyst_is_refused():
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["matrices"][0]["ratings"][0]["analyst"] = "A9"
    try:
        loads_bundle(json.dumps(data), "team.json")
    except ValueError as exc:
        assert str(exc) == ("team.json: matrices[0].ratings[0].analyst: 'A9' is not one of the "
                            "bundle's analysts")
    else:
        raise AssertionError("accepted")


def test_a_bundle_without_analysts_is_one_analysts(tmp_path: Path):
    """A version-2 bundle names the analyst on each rating: its matrix becomes the one named most."""
    case = loads_bundle(SAMPLE.read_text(encoding="utf-8"))
    data = json.loads(dumps_bundle(case))
    data["version"] = 2
    del data["analysts"]
    for mat in data["matrices"]:
        mat["ratings"] = [dict(r, analyst="Kim" if i % 5 else "Lee")
                          for i, r in enumerate(r for r in mat["ratings"] if r["analyst"] == "A1")]
        mat.pop("judgments", None)
    old = loads_bundle(json.dumps(data))
    assert [a.name for a in old.analysts] == ["Kim"]
    assert all(x.analyst == "Kim" for m in old.matrices for x in m.ratings.values())
    assert [len(m.ratings) for m in old.matrices] == [len(m.ratings) for m in case.matrices]


def test_undo_puts_back_the_ratings_of_analysts_no_longer_in_the_case(ws: Workspace, location: str,
                                                                      case_id: int):
    """A matrix deleted here, then every other matrix deleted in another window: the reload
    lists no one else, yet undoing the first deletion puts every analyst's ratings back."""
    here, there = CaseEditor.open(ws, case_id, "tester"), CaseEditor.open(ws, case_id, "other")
    first = here.case.matrices[0]
    team = {uid: dict(own) for uid, own in first.team.items()}
    removal = here.delete_matrix(first.id)
    for mat in list(there.case.matrices):
        if mat.id != first.id:
            there.delete_matrix(mat.id)
    here.refresh()
    assert [a.name for a in here.case.analysts] == [LEAD]  # only whom it is rated as
    here.restore_matrix(removal)
    back = reopened(location, case_id).matrices[0]
    assert {uid: {c: a.rating for c, a in own.items()} for uid, own in back.team.items()} == {
        uid: {c: a.rating for c, a in own.items()} for uid, own in team.items()}
    assert [a.name for a in here.case.analysts] == [LEAD, LEILA, TOM]
