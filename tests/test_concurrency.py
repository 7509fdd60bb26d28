"""Several editors on one workspace: the database is the authority, and nothing is lost.

Every test runs on a workspace file and on a team server (PostgreSQL), where one is given."""

from __future__ import annotations

import os
import threading

import pytest

from sat_tool.domain import Rating
from sat_tool.domain.model import Level
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor, EditConflict
from sat_tool.store import CaseNotFound, Workspace
from sat_tool.store import cases as store

from sqlalchemy import text

from conftest import SAMPLE, direct, grid_case


@pytest.fixture
def ws(location: str):
    """A new workspace, a file or on the server, and its own connection to it."""
    opened = Workspace.open(location)
    yield opened
    opened.close()


@pytest.fixture
def two(location: str):
    """Two editors on the sample case, each with its own workspace connection and memory."""
    ws_a = Workspace.open(location)
    case_id = svc.import_bundle(ws_a, SAMPLE)
    ws_b = Workspace.open(location)
    a = CaseEditor.open(ws_a, case_id, "ann")
    b = CaseEditor.open(ws_b, case_id, "bob")
    yield a, b
    ws_a.close()
    ws_b.close()


def stored(editor: CaseEditor):
    """The case as the workspace holds it now, read through a new connection."""
    with Workspace.open(_location(editor.workspace)) as ws:
        return svc.load_case(ws, editor.case.id)


def _location(workspace: Workspace) -> str:
    """Where a workspace is, password and all."""
    url = getattr(workspace, "url", None)
    return str(workspace.path) if url is None else url.render_as_string(hide_password=False)


def test_an_edit_on_a_stale_view_of_other_things_goes_ahead_on_the_fresh_case(two):
    """B has not seen A's rating; B rates another cell: both ratings are kept, B now shows both."""
    a, b = two
    mat = a.case.matrices[0]
    first = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    second = (mat.rows[1].evidence_id, mat.hypotheses[1].id)
    a.rate(mat.id, first, Rating.NA)
    b.rate(mat.id, second, Rating.NA)
    case = stored(a)
    assert case.matrix(mat.id).rating(*first) is Rating.NA
    assert case.matrix(mat.id).rating(*second) is Rating.NA
    assert b.case == case  # B caught up inside its own write
    assert b.take_refresh() is not None  # and its views are told that it did


def test_an_edit_of_something_another_process_changed_is_refused_and_changes_nothing(two):
    """A deletes E1; B, still showing E1, edits its text: refused with a sentence naming E1."""
    a, b = two
    item = a.case.evidence[0]
    a.delete_evidence(item.id)
    before = stored(a)
    with pytest.raises(EditConflict, match=rf"^{item.label} was deleted in another window or program"):
        b.update_evidence(item.id, text="Edited in a stale window")
    assert stored(a) == before
    assert b.case == before  # the refusal refreshed B's view
    assert all(e.id != item.id for e in b.case.evidence)


def test_rating_a_cell_another_process_just_rated_is_refused(two):
    """Both rate the same cell from the same view: the second is told, the first stands."""
    a, b = two
    mat = a.case.matrices[0]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    a.rate(mat.id, cell, Rating.NA)
    with pytest.raises(EditConflict, match="changed in another window or program"):
        b.rate(mat.id, cell, Rating.CC)
    assert stored(a).matrix(mat.id).rating(*cell) is Rating.NA
    b.rate(mat.id, cell, Rating.CC)  # now that B shows the cell as it is, B may re-rate it
    assert stored(a).matrix(mat.id).rating(*cell) is Rating.CC


def test_numbers_and_positions_come_from_the_database(two):
    """Both add evidence and hypotheses from stale views: numbers never clash, positions are dense."""
    a, b = two
    mat = a.case.matrices[0]
    made = []
    for i in range(3):
        made.append(a.add_evidence(f"A {i}", mat.id))
        made.append(b.add_evidence(f"B {i}", mat.id))
        a.add_hypothesis(mat.id, f"A hyp {i}")
        b.add_hypothesis(mat.id, f"B hyp {i}")
    case = stored(a)
    numbers = [e.number for e in case.evidence]
    assert len(set(numbers)) == len(numbers)
    assert sorted(e.number for e in made) == list(range(max(numbers) - 5, max(numbers) + 1))
    assert [e.text for e in case.evidence[-6:]] == ["A 0", "B 0", "A 1", "B 1", "A 2", "B 2"]
    with direct(_location(a.workspace)) as con:
        for table, parent in (("evidence", "case_id"), ("hypotheses", "matrix_id"),
                              ("matrix_evidence", "matrix_id")):
            for (pid,) in con.execute(text(f"SELECT DISTINCT {parent} FROM {table}")).all():
                got = [p for (p,) in con.execute(text(
                    f"SELECT position FROM {table} WHERE {parent}=:p ORDER BY position"), {"p": pid})]
                assert got == list(range(len(got))), (table, pid)
    a.refresh()
    b.refresh()
    assert a.case == b.case == case


def test_a_deleted_last_item_never_gives_its_number_to_a_new_one(two):
    """E numbers are never reused, so undoing a deletion elsewhere cannot clash with a new item."""
    a, b = two
    last = a.case.evidence[-1]
    removal = a.delete_evidence(last.id)
    new = b.add_evidence("Added while the other window deleted")
    assert new.number == last.number + 1
    a.restore_evidence(removal)
    assert {last.label, new.label} <= {e.label for e in stored(a).evidence}


def test_an_undo_that_no_longer_applies_says_so_and_changes_nothing(two):
    """A rates, B re-rates the same cell (after seeing A's), A's undo is refused."""
    a, b = two
    mat = a.case.matrices[0]
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    previous = a.rate(mat.id, cell, Rating.NA)
    after = a.case.matrix(mat.id).ratings[cell]
    b.refresh()
    b.rate(mat.id, cell, Rating.II)
    before = stored(a)
    with pytest.raises(EditConflict, match="changed in another window or program just now"):
        a.set_assessments(mat.id, {cell: previous}, expect={cell: after})  # A's view was stale
    assert stored(a) == before
    assert a.case.matrix(mat.id).rating(*cell) is Rating.II  # and now shows B's rating
    with pytest.raises(EditConflict, match="^Cell E1 × H1 has been changed .* no longer applies"):
        a.set_assessments(mat.id, {cell: previous}, expect={cell: after})  # A's view is current
    assert stored(a) == before


def test_a_case_deleted_elsewhere_is_named_as_such(two):
    """B's case is deleted by another process: B's next edit and refresh say so in a sentence."""
    a, b = two
    svc.delete_case(a.workspace, a.case.id)
    with pytest.raises(CaseNotFound, match="deleted from the workspace by another window or program"):
        b.add_evidence("too late")
    with pytest.raises(CaseNotFound):
        b.refresh()


def test_refresh_reports_nothing_when_nothing_changed(two):
    """Only another process's commit makes a refresh reload; one's own edits do not."""
    a, b = two
    a.add_evidence("mine")
    assert a.refresh() is False
    assert b.refresh() is True
    assert b.refresh() is False


def test_reads_never_wait_for_a_writer(location: str):
    """While another connection holds the write lock (and the case's row), listing, loading and
    scoring still work."""
    with Workspace.open(location) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
    with direct(location, commit=False) as holder:
        holder.execute(text("UPDATE cases SET title = title"))
        with Workspace.open(location, create=False) as ws:
            assert [c.id for c in svc.list_cases(ws)] == [case_id]
            case = svc.load_case(ws, case_id)
            assert svc.matrix_report(case, case.matrices[0])["hypotheses"]


def test_watcher_sees_other_connections_commits(ws: Workspace, location: str):
    """The change watcher says yes once after another connection commits, and no otherwise."""
    import time

    watcher = ws.watcher()
    try:
        assert watcher.changed() is False
        svc.new_case(ws, "Written through the engine")
        deadline = time.monotonic() + 2  # a server's notice travels; a file's check is immediate
        while not watcher.changed():
            assert time.monotonic() < deadline, "the watcher missed a commit"
            time.sleep(0.02)
        assert watcher.changed() is False
        with Workspace.open(location) as other:
            svc.new_case(other, "Written through another connection")
        deadline = time.monotonic() + 2
        while not watcher.changed():
            assert time.monotonic() < deadline, "the watcher missed another connection's commit"
            time.sleep(0.02)
        if "://" not in location:  # a file: any program's commit counts, not only SAT Tool's
            assert watcher.changed() is False
            with direct(location) as con:
                con.execute(text("UPDATE cases SET description = 'x'"))
            assert watcher.changed() is True
    finally:
        watcher.close()


def _big_case(rows: int = 300, hypotheses: int = 10):
    """A one-matrix case of rows × hypotheses rated cells (over one import batch)."""
    codes = ["CC", "C", "N", "I", "II", "NA"]
    return grid_case([(f"E{i}", "High", "Medium", [codes[(i + j) % 6] for j in range(hypotheses)])
                      for i in range(1, rows + 1)])


def test_a_large_import_lets_other_writers_in_between_its_batches(ws: Workspace, location: str,
                                                                    monkeypatch):
    """Between two batches of an import, another connection writes at once (no lock is held)."""
    workspace = ws
    assert len(_big_case().matrices[0].ratings) > 100
    other = Workspace.open(location)
    other_case = svc.new_case(other, "Edited during the import")
    seen: list[int] = []
    real_steps = store.InsertPlan.steps

    def steps(plan: store.InsertPlan) -> list:
        def interleave(step):
            def run(session):
                step(session)
                seen.append(len(seen))
            return run

        def outside(session):  # runs as its own transaction's only step
            done = threading.Event()

            def write():
                editor = CaseEditor.open(other, other_case, "other")
                editor.add_evidence(f"while importing {len(seen)}")
                hidden = [c.id for c in svc.list_cases(other)]
                assert plan.case_id not in hidden  # the half-imported case is not listed
                done.set()

            thread = threading.Thread(target=write)
            thread.start()
            thread.join(timeout=30)
            assert done.is_set(), "the other writer waited on the import's lock"

        out = []
        for i, step in enumerate(real_steps(plan)):
            out.append(interleave(step))
            if i in (2, 4):
                out.append(outside)
        return out

    monkeypatch.setattr(store.InsertPlan, "steps", steps)
    monkeypatch.setattr(svc, "IMPORT_BATCH_ROWS", 100)
    case_id = svc.add_case(workspace, _big_case())
    assert case_id in [c.id for c in svc.list_cases(workspace)]
    texts = [e.text for e in svc.load_case(other, other_case).evidence]
    assert len(texts) == 2
    loaded = svc.load_case(workspace, case_id)
    assert len(loaded.matrices[0].ratings) == 3000
    other.close()


def test_a_failed_import_leaves_nothing_behind(ws: Workspace, location: str, monkeypatch):
    """A batched import that fails part-way removes every row it wrote."""
    tables = ("cases", "evidence", "hypotheses", "ratings", "matrix_evidence", "analysts",
              "history")
    with direct(location) as con:
        before = {t: con.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in tables}
    real = store.InsertPlan._ratings
    calls = []

    def failing(self, analyst, cells, session):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(self, analyst, cells, session)

    monkeypatch.setattr(store.InsertPlan, "_ratings", failing)
    with pytest.raises(OSError):
        svc.add_case(ws, _big_case())
    with direct(location) as con:
        after = {t: con.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar() for t in before}
    assert after == before


def test_an_import_cut_short_by_a_kill_is_removed_when_the_workspace_next_opens(location: str):
    """A hidden, half-imported case whose process is gone disappears; a live one is left alone."""
    import socket

    with Workspace.open(location) as ws:
        dead = svc.new_case(ws, "Half imported by a killed process")
        alive = svc.new_case(ws, "Being imported right now")
    mark = text("UPDATE cases SET importing=:owner WHERE id=:id")
    with direct(location) as con:
        pid = 2 ** 22 + 12345  # above the kernel's default pid_max, so never a live process
        con.execute(mark, {"owner": f"{socket.gethostname()}:{pid}", "id": dead})
        con.execute(mark, {"owner": f"{socket.gethostname()}:{os.getpid()}", "id": alive})
    with Workspace.open(location) as ws:
        assert svc.list_cases(ws) == []
    with direct(location) as con:
        ids = {r[0] for r in con.execute(text("SELECT id FROM cases"))}
    assert ids == {alive}


def test_a_stale_move_is_refused_when_the_rows_changed(two):
    """B moves a row of a matrix whose rows A has just changed: refused, rows as A left them."""
    a, b = two
    mat = a.case.matrices[0]
    first = mat.rows[0].evidence_id
    a.set_relevance(mat.id, mat.rows[1].evidence_id, Level.LOW)
    with pytest.raises(EditConflict, match="rows of matrix 1"):
        b.move_row(mat.id, first, 3)
    assert stored(a).matrix(mat.id).rows[0].evidence_id == first


def _gone_elsewhere(a: CaseEditor, b: CaseEditor, scenario: str):
    """Set up an undo or redo in A whose target B deletes; return A's call."""
    mat = a.case.matrices[0]
    if scenario == "restore snapshot":
        rec = a.delete_snapshot(a.take_snapshot(mat.id, "s1").id)
        b.refresh()
        b.delete_matrix(mat.id)
        return lambda: a.restore_snapshot(rec)
    if scenario == "restore row":
        e = mat.rows[0].evidence_id
        rem = a.exclude_evidence(mat.id, e)
        b.refresh()
        b.delete_evidence(e)
        return lambda: a.restore_row(rem)
    if scenario == "source back":
        item = a.case.evidence[0]
        old = item.source_id
        new = next(s.id for s in a.case.sources if s.id != old)
        a.update_evidence(item.id, expect=({"source_id": old}, None), source_id=new)
        b.refresh()
        b.delete_source(old)
        return lambda: a.update_evidence(item.id, expect=({"source_id": new}, None), source_id=old)
    if scenario == "include again":
        e = next(x.id for x in a.case.evidence if not mat.includes(x.id))
        a.include_evidence(mat.id, [e])
        a.exclude_many(mat.id, [e])
        b.refresh()
        b.delete_evidence(e)
        return lambda: a.include_evidence(mat.id, [e])
    if scenario == "move hypothesis back":
        h = mat.hypotheses[0].id
        old = a.move_hypothesis(h, 2)
        b.refresh()
        b.delete_hypothesis(h)
        return lambda: a.move_hypothesis(h, old, expect_at=2)
    if scenario == "cite a deleted source":
        s = a.case.sources[0].id
        b.delete_source(s)
        return lambda: a.add_evidence("x", source_id=s)
    rem = a.delete_hypothesis(mat.hypotheses[0].id)
    b.refresh()
    b.delete_matrix(mat.id)
    return lambda: a.restore_hypothesis(rem)


@pytest.mark.parametrize("seen", [True, False], ids=["view current", "view stale"])
@pytest.mark.parametrize("scenario", ["restore snapshot", "restore row", "source back", "include again",
                                      "move hypothesis back", "cite a deleted source",
                                      "restore hypothesis"])
def test_an_edit_referring_to_what_another_process_deleted_is_refused(two, scenario, seen):
    """Whether or not the window has caught up, the edit is refused in a sentence, writing nothing."""
    a, b = two
    call = _gone_elsewhere(a, b, scenario)
    if seen:
        a.refresh()
    before = stored(a)
    with pytest.raises(EditConflict, match="deleted in another window or program"):
        call()
    assert stored(a) == before
