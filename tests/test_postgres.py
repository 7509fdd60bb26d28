"""A team workspace on PostgreSQL: a whole case goes in and comes back with every analyst's
ratings; opening, live change notices, stale writes; each analyst's login and what the
server lets it read and write (row-level security, sharing, blind rating); the window and
the command line as an analyst sees them. (That the revisions make the schema the ORM
describes on a server too is in test_migrations.)"""

from __future__ import annotations

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from sat_tool.formats.bundle import dumps_bundle, read_bundle_with_snapshots
from sat_tool.store import cases as store
from sat_tool.store import migrations

from conftest import SAMPLE


def migrated(url: str):
    engine = create_engine(url)
    with engine.begin() as connection:
        migrations.upgrade_to(connection, migrations.SCHEMA_VERSION)
    return engine


def test_a_case_goes_in_and_comes_back_whole_on_postgresql(postgres_url):
    engine = migrated(postgres_url)
    case, snapshots = read_bundle_with_snapshots(SAMPLE)
    try:
        with Session(engine) as session, session.begin():
            case_id = store.insert_case(session, case, snapshots)
        with Session(engine) as session, session.begin():
            back = store.load_case(session, case_id)
            stored = {m.id: store.load_snapshots(session, m.id) for m in back.matrices}
        # the canonical file of each is the same, byte for byte: every part and every rating
        written = dumps_bundle(back, stored)
        expected = dumps_bundle(*read_bundle_with_snapshots(SAMPLE))
        assert written == expected
        assert back.damaged == []
        assert [a.name for a in back.analysts] == [a.name for a in case.analysts]
        for ours, theirs in zip(back.matrices, case.matrices):
            assert {u: len(o) for u, o in ours.team.items()} == {
                u: len(o) for u, o in theirs.team.items()}
            assert ours.judgments.keys() == theirs.judgments.keys()
    finally:
        engine.dispose()


# ---------------------------------------------------------------- a workspace on the server


def test_a_server_workspace_is_made_on_first_opening_and_found_on_the_next(postgres_url):
    from sat_tool.services import cases as svc
    from sat_tool.store import Workspace

    with Workspace.open(postgres_url) as ws:
        assert ws.schema_version == migrations.SCHEMA_VERSION
        assert "@" in ws.location and ws.location.startswith("postgresql+psycopg://")
        case_id = svc.open_sample(ws)
    with Workspace.open(postgres_url, create=False) as ws:
        assert [c.id for c in svc.list_cases(ws)] == [case_id]
        assert svc.open_sample(ws) == case_id  # found again, not imported twice


def test_a_database_of_another_program_is_left_alone(postgres_url):
    import pytest
    from sqlalchemy import text

    from sat_tool.store import Workspace, WorkspaceError

    engine = create_engine(postgres_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer primary key)"))
    engine.dispose()
    with pytest.raises(WorkspaceError, match="holds tables of another program"):
        Workspace.open(postgres_url)


def test_a_stale_write_on_the_server_is_refused_and_the_view_catches_up(postgres_url):
    import pytest

    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor, EditConflict
    from sat_tool.store import Workspace

    with Workspace.open(postgres_url) as a, Workspace.open(postgres_url) as b:
        case_id = svc.open_sample(a)
        first, second = CaseEditor.open(a, case_id, "Ann"), CaseEditor.open(b, case_id, "Bo")
        item = first.case.evidence[0]
        seen = second.case.evidence[0].text
        first.update_evidence(item.id, text="Reworded by Ann")
        with pytest.raises(EditConflict), second.against_view():
            second.update_evidence(item.id, expect={"text": seen}, text="Reworded by Bo")
        assert second.case.evidence[0].text == "Reworded by Ann"  # the view caught up
        assert svc.load_case(a, case_id).evidence[0].text == "Reworded by Ann"


def test_another_process_edit_reaches_a_watcher_within_two_seconds(postgres_url):
    """A rating made by the command line, in a process of its own, is noticed (LISTEN/NOTIFY)
    and read by the window's editor within 2 s."""
    import subprocess
    import sys
    import time

    from sat_tool.domain.model import Rating
    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    from conftest import ROOT

    with Workspace.open(postgres_url) as ws:
        case_id = svc.open_sample(ws)
        editor = CaseEditor.open(ws, case_id, "Window")
        mat = editor.case.matrices[0]
        cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
        watcher = ws.watcher()
        try:
            assert watcher.changed() is False
            done = subprocess.run([sys.executable, "-m", "sat_tool", "--workspace", postgres_url,
                                   "rate", str(case_id), "E1", "H1", "II", "--matrix", "1"],
                                  capture_output=True, text=True, cwd=ROOT, timeout=120)
            assert (done.returncode, done.stderr) == (0, ""), done.stderr
            committed = time.monotonic()
            while not watcher.changed():
                assert time.monotonic() - committed < 2.0, "no notification within 2 s"
                time.sleep(0.05)
            assert editor.refresh()
            assert editor.case.matrices[0].ratings[cell].rating is Rating.II
        finally:
            watcher.close()


def test_the_window_on_a_server_shows_another_process_edit_within_two_seconds(qtbot,
                                                                               postgres_url):
    import subprocess
    import sys
    import time

    from PySide6.QtCore import Qt

    from sat_tool.settings import Preferences
    from sat_tool.store import Workspace
    from sat_tool.ui.main_window import MainWindow

    from conftest import ROOT

    window = MainWindow(Workspace.open(postgres_url), Preferences(analyst="Ann Analyst"))
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    page = window.case_view.current_matrix_page()
    mat = page.matrix
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    assert page.model.index_of_cell(*cell).data() == "C"
    done = subprocess.run([sys.executable, "-m", "sat_tool", "--workspace", postgres_url, "rate",
                           str(window.document.case.id), "E1", "H1", "II", "--matrix", "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    committed = time.monotonic()
    qtbot.waitUntil(lambda: page.model.index_of_cell(*cell).data() == "II", timeout=2000)
    assert time.monotonic() - committed < 2.0
    window.close()
    window.workspace.close()


# ---------------------------------------------------------------- who may do what


def _as_role(url: str, role: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(username=role).render_as_string(hide_password=False)


def test_each_analyst_logs_in_as_their_role_and_may_write_only_their_own_ratings(
        capsys, postgres_url):
    """The owner sets the team up with `sat-tool admin`; Leila, logged in as her role, rates as
    herself; the server refuses her write of Tom's rating with a clear sentence."""
    import pytest

    from sat_tool.cli import main
    from sat_tool.domain.model import Rating, analyst_uid
    from sat_tool.errors import describe
    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor, InvalidEdit
    from sat_tool.store import Workspace
    from sat_tool.store import edits

    assert main(["--workspace", postgres_url, "sample"]) == 0
    assert main(["--workspace", postgres_url, "admin", "init"]) == 0
    for name, role in (("Leila Hasanova", "leila"), ("Tom Reyes", "tom")):
        assert main(["--workspace", postgres_url, "admin", "add-analyst", name, "--role", role]) == 0
    out = capsys.readouterr().out
    assert "Leila Hasanova logs in as leila and rates as themself." in out
    assert main(["--workspace", postgres_url, "admin", "analysts"]) == 0
    assert "Tom Reyes\ttom" in capsys.readouterr().out

    with Workspace.open(_as_role(postgres_url, "leila")) as ws:
        assert ws.analyst is not None and ws.analyst.name == "Leila Hasanova"
        case_id = svc.list_cases(ws)[0].id
        editor = CaseEditor.open(ws, case_id, "whatever the preferences say")
        assert editor.rated_as.name == "Leila Hasanova" and editor.analyst == "Leila Hasanova"
        mat = editor.case.matrices[0]
        cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
        editor.rate(mat.id, cell, Rating.II)  # her own: allowed
        with pytest.raises(InvalidEdit, match="on a team server you rate as the analyst"):
            editor.rate_as("Tom Reyes")
        tom = mat.team[analyst_uid("Tom Reyes")][cell]
        with pytest.raises(Exception) as refused:
            with ws.transaction() as session:
                tom_id = store.analyst_ids(session, [editor.case.analyst_named(
                    analyst_uid("Tom Reyes"))])[analyst_uid("Tom Reyes")]
                edits.put_ratings(session, tom_id, {
                    cell: type(tom)(Rating.CC, tom.analyst, "forged", tom.updated)})
        assert describe(refused.value).startswith(
            "The team server refused this edit: you may change only your own ratings")
    capsys.readouterr()
    assert main(["--workspace", _as_role(postgres_url, "leila"), "team", str(case_id)]) == 0
    assert "rated as Leila Hasanova" in capsys.readouterr().out  # the login, not the lead
    with Workspace.open(postgres_url) as owner:
        case = svc.load_case(owner, case_id)
        assert case.matrices[0].team[analyst_uid("Leila Hasanova")][cell].rating is Rating.II
        assert case.matrices[0].team[analyst_uid("Tom Reyes")][cell].rating is tom.rating
        latest = svc.history(owner, case_id, case.matrices[0].id, cell)[0]
        assert (latest.by, latest.analyst) == ("Leila Hasanova", "Leila Hasanova")


def session_count(ws, query, matrix_id: int) -> int:
    with ws.read() as session:
        return session.execute(query, {"m": matrix_id}).scalar()


def test_blind_rating_is_enforced_by_the_server(postgres_url):
    """A newcomer on a blind matrix reads no one else's ratings from the server, whatever the
    client asks, until every cell is theirs; the other matrices stay open to them."""
    from sqlalchemy import text

    from sat_tool.domain.model import Rating, analyst_uid
    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    with Workspace.open(postgres_url) as owner:
        case_id = svc.open_sample(owner)
        owner.install_access()
        owner.install_access()  # safe to run again
        owner.add_analyst("Nadia Newcomer", "nadia")
        blind = CaseEditor.open(owner, case_id, "owner")
        blind.take_snapshot(blind.case.matrices[1].id, "Everyone's ratings so far")
        blind.set_blind(blind.case.matrices[1].id, True)
    snapshots = text("SELECT count(*) FROM snapshots WHERE matrix_id = :m")
    with Workspace.open(_as_role(postgres_url, "nadia")) as ws:
        editor = CaseEditor.open(ws, case_id, "Nadia")
        first, second = editor.case.matrices[0], editor.case.matrices[1]
        assert len([u for u, own in first.team.items() if own]) == 3  # not blind: everyone's
        assert [u for u, own in second.team.items() if own] == []  # blind: no one's
        with ws.read() as session:  # asked directly, the server still says nothing
            assert session.execute(text(
                "SELECT count(*) FROM ratings r JOIN hypotheses h ON h.id = r.hypothesis_id "
                "WHERE h.matrix_id = :m"), {"m": second.id}).scalar() == 0
        assert session_count(ws, snapshots, second.id) == 0  # a snapshot holds them too
        assert svc.case_snapshots(ws, editor.case).get(second.id, []) == []  # nor in exports
        editor.rate_each(second.id, {(r.evidence_id, h.id): Rating.N for r in second.rows
                                     for h in second.hypotheses})
        assert session_count(ws, snapshots, second.id) == 1
        editor.refresh()
        editor = CaseEditor.open(ws, case_id, "Nadia")
        second = editor.case.matrices[1]
        assert {u for u, own in second.team.items() if own} == {
            analyst_uid(n) for n in ("Sam Adler", "Leila Hasanova", "Tom Reyes", "Nadia Newcomer")}


def test_a_case_is_shared_to_read_only_or_not_at_all_and_the_server_holds_to_it(capsys,
                                                                                 postgres_url,
                                                                                 tmp_path):
    import pytest
    from sqlalchemy import text

    from sat_tool.cli import main
    from sat_tool.domain.model import Rating
    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import CaseNotFound, Workspace

    with Workspace.open(postgres_url) as owner:
        sample = svc.open_sample(owner)
        private = svc.new_case(owner, "Private notes")
        owner.install_access()
        owner.add_analyst("Olga Observer", "olga")
        owner.add_analyst("Leila Hasanova", "leila")
    for case, level in ((str(sample), "read"), ("Private notes", "none")):
        assert main(["--workspace", postgres_url, "admin", "share", "--case", case,
                     "--role", "olga", "--level", level]) == 0
    assert "shared with olga to read only" in capsys.readouterr().out
    assert main(["--workspace", postgres_url, "admin", "analysts"]) == 0
    listed = capsys.readouterr().out
    assert f"Olga Observer\tolga\tcase {sample}: read only; case {private}: not shared" in listed
    with Workspace.open(_as_role(postgres_url, "olga")) as ws:
        assert [c.id for c in svc.list_cases(ws)] == [sample]  # the private case is not there
        editor = CaseEditor.open(ws, sample, "Olga")
        mat = editor.case.matrices[0]
        cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
        with pytest.raises(Exception, match="shared with you to read only"):
            editor.rate(mat.id, cell, Rating.II)
        with ws.transaction() as session:  # straight to the server: nothing changes
            changed = session.execute(text("UPDATE evidence SET text = 'forged' WHERE case_id = "
                                           ":c"), {"c": sample}).rowcount
        assert changed == 0
        with pytest.raises(CaseNotFound):
            svc.load_case(ws, private)
        assert [c.access for c in svc.list_cases(ws)] == ["read"]
    capsys.readouterr()
    olga = _as_role(postgres_url, "olga")
    assert main(["--workspace", olga, "cases"]) == 0
    assert "(read only)" in capsys.readouterr().out
    with Workspace.open(postgres_url) as owner:
        copy = tmp_path / "copy.json"
        svc.export_case(owner, sample, "json", copy)
    for edit in (["rate", str(sample), "E1", "H1", "II"],
                 ["likelihood", str(sample), "E3", "H1=0.8"],
                 ["merge", str(copy)]):  # the reason, whatever the edit, and nothing else said
        assert main(["--workspace", olga, *edit]) == 2
        said = capsys.readouterr()
        assert "shared with you to read only" in said.err and said.out == ""
    with Workspace.open(postgres_url) as owner:
        owner.install_access()  # again, as an upgrade does: the sharing stays the owner's
    assert main(["--workspace", _as_role(postgres_url, "olga"), "admin", "share", "--case",
                 str(sample), "--role", "olga", "--level", "write"]) == 2
    assert "does not let your login make this change" in capsys.readouterr().err
    with Workspace.open(_as_role(postgres_url, "olga")) as ws:
        with pytest.raises(Exception) as refused:
            with ws.transaction() as session:
                session.execute(text("UPDATE case_access SET level = 'write'"))
        assert "permission denied" in str(refused.value)
        assert [c.access for c in svc.list_cases(ws)] == ["read"]
    with Workspace.open(_as_role(postgres_url, "leila")) as ws:  # not restricted
        editor = CaseEditor.open(ws, sample, "Leila")
        mat = editor.case.matrices[0]
        editor.rate(mat.id, (mat.rows[0].evidence_id, mat.hypotheses[0].id), Rating.NA)
        assert {c.id for c in svc.list_cases(ws)} == {sample, private}


def test_the_window_says_a_case_is_shared_to_read_only(qtbot, postgres_url):
    """A case shared to read only is marked in the case list, opens with every editing control
    greyed, refuses a rating key in a sentence, and opens a cell's dialog to read."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from sat_tool.domain.model import Rating
    from sat_tool.ui.dialogs import CellDialog
    from sat_tool.ui.models import TEAM
    from sat_tool.services import cases as svc
    from sat_tool.settings import Preferences
    from sat_tool.store import Workspace
    from sat_tool.ui.main_window import MainWindow

    with Workspace.open(postgres_url) as owner:
        case_id = svc.open_sample(owner)
        owner.install_access()
        owner.add_analyst("Olga Observer", "olga")
        owner.share(case_id, "olga", "read")
    window = MainWindow(Workspace.open(_as_role(postgres_url, "olga")), Preferences(analyst="Olga"))
    qtbot.addWidget(window)
    window.show()
    window.show_start_page()
    listed = window.start_page.recent.item(0)
    assert listed.text().startswith("Azerbaijan") and "(read only)" in listed.text()
    window.open_case(case_id)
    assert "read only" in window.windowTitle()
    assert "shared with you to read only" in window.statusBar().currentMessage()
    page = window.case_view.current_matrix_page()
    assert page.model.shown == TEAM  # an observer without ratings of their own reads the team's
    for name in ("add_hypothesis", "add_evidence", "include_evidence", "edit", "remove_row",
                 "delete_hypothesis", "move_up", "move_left", "transposed", "blind"):
        assert not page.actions_by_name[name].isEnabled(), name
    assert page.actions_by_name["sort"].isEnabled() and page.actions_by_name["heat"].isEnabled()
    assert not window.add_matrix_action.isEnabled() and not window.rename_case_action.isEnabled()
    assert not any(b.isEnabled() for b in window.case_view.evidence_page.edit_buttons)
    assert page.empty_hint.isVisible() and "read only" in page.empty_hint.text()
    before = svc.load_case(window.workspace, case_id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_5)  # II: not tried, and said why
    assert "shared with you to read only" in window.statusBar().currentMessage()
    assert svc.load_case(window.workspace, case_id) == before
    assert page.doc.undo_stack.count() == 0

    seen = []

    def read_dialog() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, CellDialog) and w.isVisible())
        seen.append((dialog.rationale.isReadOnly(), dialog.buttons_by_rating[Rating.C].isEnabled()))
        dialog.reject()

    QTimer.singleShot(100, read_dialog)
    index = page.view.currentIndex()
    page.open_cell_dialog(page.model.cell_at(page.view.proxy.mapToSource(index)))
    assert seen == [(True, False)]  # opened to read, not to rate
    window.close()
    window.workspace.close()


def test_an_analyst_of_one_team_workspace_cannot_open_another_on_the_same_server(postgres_url):
    """Login roles and the analysts' group are the whole server's; a workspace lets in only
    the analysts added to it."""
    import pytest
    from sqlalchemy.engine import make_url

    from sat_tool.services import cases as svc
    from sat_tool.store import Workspace, WorkspaceError

    from pgdb import new_database

    with new_database(postgres_url, f"{make_url(postgres_url).database}_other") as other_url:
        with Workspace.open(postgres_url) as mine:
            svc.open_sample(mine)
            mine.install_access()
            mine.add_analyst("Leila Hasanova", "leila")
        with Workspace.open(other_url) as theirs:
            svc.open_sample(theirs)
            theirs.install_access()
            theirs.add_analyst("Tom Reyes", "tom")
        with Workspace.open(_as_role(postgres_url, "leila")) as ws:
            assert len(svc.list_cases(ws)) == 1
        with pytest.raises(WorkspaceError, match="permission denied for database"):
            Workspace.open(_as_role(other_url, "leila"))


def test_the_administrators_mistakes_are_told_in_one_sentence(capsys, postgres_url):
    """Sharing with a role that does not exist, adding an analyst without the right to make
    roles, a port that is not a number, a login that is no analyst here, a read command on a
    database with no workspace: one sentence each, and nothing made."""
    import psycopg
    from sqlalchemy.engine import make_url

    from sat_tool.cli import main

    base = make_url(postgres_url)
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)

    def told(*argv: str, url: str = postgres_url) -> str:
        assert main(["--workspace", url, *argv]) != 0
        out = capsys.readouterr()
        assert "Traceback" not in out.err and "unexpected" not in out.err, out.err
        return out.err.strip()

    assert "holds no workspace" in told("cases") or "no workspace in" in told("cases")
    with psycopg.connect(base.set(drivername="postgresql").render_as_string(
            hide_password=False)) as con:  # the read command made nothing
        assert con.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                           ).fetchone() == (0,)
    assert main(["--workspace", postgres_url, "sample"]) == 0
    assert main(["--workspace", postgres_url, "admin", "init"]) == 0
    capsys.readouterr()
    for role in ("nobody", "sat_analyst", base.username):  # none of them an analyst here
        assert "no analyst of this workspace logs in as" in told(
            "admin", "share", "--case", "1", "--role", role, "--level", "read")
    assert "is the workspace's owner or a superuser" in told(
        "admin", "add-analyst", "Ann Owner", "--role", base.username)
    assert "no workspace in" in told("admin", "analysts", url=base.set(
        database="postgres").render_as_string(hide_password=False))
    assert main(["--workspace", postgres_url, "admin", "add-analyst", "Leila Hasanova",
                 "--role", "leila"]) == 0
    capsys.readouterr()
    assert "only the workspace's owner adds analysts, and it needs the right to create" in told(
        "admin", "add-analyst", "Ann", "--role", "ann_new", url=_as_role(postgres_url, "leila"))
    short = postgres_url.replace("postgresql+psycopg://", "postgres://")
    assert main(["--workspace", short, "cases"]) == 0  # libpq's short spelling is understood
    assert "Azerbaijan" in capsys.readouterr().out
    port = postgres_url.replace(f":{base.port}/", f":{base.port}x/")
    assert told("cases", url=port).endswith("the port is not a number")
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute("DROP ROLE IF EXISTS secret_sam")
        con.execute("CREATE ROLE secret_sam LOGIN PASSWORD 'right'")
    wrong = base.set(username="secret_sam", password="wrong", host="127.0.0.1").render_as_string(
        hide_password=False)
    said = told("cases", url=wrong)  # a login that is no analyst of this workspace
    assert "wrong" not in said  # never the password
    assert "the server refused the connection (permission denied for database" in said


def test_an_analyst_cannot_get_round_the_servers_rules(postgres_url):
    """What a careful attacker with an analyst's login tries, straight in SQL: a temporary
    table standing in for a workspace table, taking over a colleague without a login, lifting
    blind rating, rewriting the workspace's marks, giving themself a login. Each fails at the
    database and changes nothing."""
    import pytest
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    with Workspace.open(postgres_url) as owner:
        case_id = svc.open_sample(owner)
        owner.install_access()
        owner.add_analyst("Olga Observer", "olga")
        owner.share(case_id, "olga", "read")
        editor = CaseEditor.open(owner, case_id, "owner")
        blind = editor.case.matrices[1].id
        editor.set_blind(blind, True)
        before = svc.load_case(owner, case_id)
    engine = create_engine(_as_role(postgres_url, "olga"))
    attempts = [
        # a temporary table of hers, named as the sharing table or the analysts, read first
        ["CREATE TEMP TABLE case_access (case_id int, role text, level text)"],
        ["CREATE TEMP TABLE analysts (id int, role text)"],
        ["CREATE TEMP TABLE snapshots (id int)"],
        # a colleague without a login, taken over to read what they see
        ["UPDATE analysts SET role = 'olga' WHERE name = 'Sam Adler'"],
        ["UPDATE analysts SET name = 'Someone else' WHERE name = 'Sam Adler'"],
        ["INSERT INTO analysts (uid, name, role) VALUES ('x', 'Olga again', 'olga')"],
        ["UPDATE matrices SET blind = 0"],
        ["UPDATE sat_meta SET value = 'other-app' WHERE key = 'application'"],
        ["DELETE FROM alembic_version"],
    ]
    for statements in attempts:
        with pytest.raises(Exception) as refused:
            with engine.begin() as con:
                for statement in statements:
                    con.execute(text(statement))
        assert ("permission denied" in str(refused.value)
                or "row-level security" in str(refused.value)), statements
    with engine.connect() as con:
        changed = con.execute(text("UPDATE ratings SET rating = 'II'")).rowcount
        con.rollback()
    assert changed == 0
    # Even where the owner lets her make temporary tables, none stands in for the real ones.
    with create_engine(postgres_url).begin() as con:
        con.execute(text(f'GRANT TEMPORARY ON DATABASE "{make_url(postgres_url).database}" '
                         "TO olga"))
    with engine.connect() as con:
        con.execute(text("CREATE TEMP TABLE case_access (case_id int, role text, level text)"))
        con.execute(text("INSERT INTO case_access VALUES (:c, 'olga', 'write')"), {"c": case_id})
        con.execute(text("CREATE TEMP TABLE analysts (id int, role text)"))
        con.execute(text("INSERT INTO analysts SELECT id, 'olga' FROM public.analysts"))
        changed = con.execute(text("UPDATE ratings SET rating = 'II'")).rowcount
        seen = con.execute(text("SELECT count(*) FROM ratings r JOIN hypotheses h ON "
                                "h.id = r.hypothesis_id WHERE h.matrix_id = :m"),
                           {"m": blind}).scalar()
        con.rollback()
    assert (changed, seen) == (0, 0)
    engine.dispose()
    with Workspace.open(postgres_url) as owner:
        assert svc.load_case(owner, case_id) == before
        assert [a.name for a in owner.analysts()][-1] == "Olga Observer"
        with pytest.raises(Exception, match="Olga Observer"):
            owner.add_analyst("Someone Else", "olga")  # her login is hers
        with pytest.raises(Exception, match="already logs in as olga"):
            owner.add_analyst("Olga Observer", "olga2")


def test_the_servers_rules_hold_against_set_role_a_rolled_back_restructure_and_forged_history(
        postgres_url):
    """An analyst who SETs ROLE to the analysts' group gains nothing; a newcomer who takes a
    blind matrix's rows or hypotheses (or its items) out inside a transaction to read and
    roll back reads nothing; no one rewrites or erases a change recorded of no one's ratings."""
    import pytest
    from sqlalchemy import create_engine, text

    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    with Workspace.open(postgres_url) as owner:
        case_id = svc.open_sample(owner)
        owner.install_access()
        owner.add_analyst("Olga Observer", "olga")
        owner.add_analyst("Nadia Newcomer", "nadia")
        owner.add_analyst("Leila Hasanova", "leila")  # her ratings are a login's now
        private = svc.new_case(owner, "Private notes")
        owner.share(case_id, "olga", "read")
        owner.share(private, "olga", "none")
        editor = CaseEditor.open(owner, case_id, "owner")
        blind = editor.case.matrices[1].id
        editor.set_blind(blind, True)
        before = svc.load_case(owner, case_id)
    olga = create_engine(_as_role(postgres_url, "olga"))
    with olga.connect() as con:
        con.execute(text("SET ROLE sat_analyst"))
        seen = con.execute(text("SELECT count(*) FROM cases WHERE id = :c"), {"c": private}).scalar()
        changed = con.execute(text("UPDATE evidence SET text = 'x' WHERE case_id = :c"),
                              {"c": case_id}).rowcount
        con.rollback()
    assert (seen, changed) == (0, 0)
    olga.dispose()
    cells_of_blind = text("SELECT count(*) FROM ratings r JOIN hypotheses h ON h.id = "
                          "r.hypothesis_id WHERE h.matrix_id = :m")
    nadia = create_engine(_as_role(postgres_url, "nadia"))
    for takeout in ("DELETE FROM matrix_evidence WHERE matrix_id = :m",
                    "UPDATE hypotheses SET matrix_id = (SELECT min(id) FROM matrices) "
                    "WHERE matrix_id = :m",
                    "DELETE FROM evidence WHERE id IN (SELECT evidence_id FROM matrix_evidence "
                    "WHERE matrix_id = :m)"):
        with nadia.connect() as con:
            con.execute(text(takeout), {"m": blind})
            assert con.execute(cells_of_blind, {"m": blind}).scalar() == 0, takeout
            con.rollback()
    with nadia.connect() as con:
        forged = con.execute(text("UPDATE history SET after = 'off' WHERE kind = 'blind'")).rowcount
        erased = con.execute(text("DELETE FROM history WHERE kind = 'blind'")).rowcount
        con.commit()
    assert (forged, erased) == (0, 0)
    nadia.dispose()
    with Workspace.open(_as_role(postgres_url, "nadia")) as ws:  # and the app says why
        editor = CaseEditor.open(ws, case_id, "Nadia")
        mat = editor.case.matrix(blind)
        with pytest.raises(Exception, match="is rated blind: its rows and hypotheses stay"):
            editor.delete_hypothesis(mat.hypotheses[0].id)
        first = editor.case.matrices[0]
        with pytest.raises(Exception, match="carries ratings of .*only the workspace's owner"):
            editor.delete_hypothesis(first.hypotheses[0].id)
    with Workspace.open(postgres_url) as owner:
        assert svc.load_case(owner, case_id) == before
        assert [(c.kind, c.after) for c in svc.history(owner, case_id, blind)
                if c.kind == "blind"] == [("blind", "on")]


def test_logins_come_only_from_the_owner_and_survive_setting_up_again(postgres_url, tmp_path):
    """A bundle that names a role gives no one a login; an analyst named in other letters is
    the same analyst; an analyst whose login was made before the workspace kept them to its
    own analysts can still connect once the owner sets it up again."""
    import json
    import uuid

    import psycopg
    import pytest
    from sqlalchemy.engine import make_url

    from sat_tool.services import cases as svc
    from sat_tool.store import Workspace

    with Workspace.open(postgres_url) as owner:
        case_id = svc.open_sample(owner)
        bundle = tmp_path / "forged.json"
        svc.export_case(owner, case_id, "json", bundle)
    data = json.loads(bundle.read_text("utf-8"))
    data["case"]["uid"] = str(uuid.uuid4())
    data["analysts"].append({"id": "A9", "uid": str(uuid.uuid4()), "name": "Forged",
                             "role": "olga"})
    bundle.write_text(json.dumps(data), "utf-8")
    admin = make_url(postgres_url).set(drivername="postgresql").render_as_string(
        hide_password=False)
    with psycopg.connect(admin, autocommit=True) as con:  # a login made the earlier way
        con.execute("DROP ROLE IF EXISTS early_bird")
        con.execute("CREATE ROLE early_bird LOGIN")
    with Workspace.open(postgres_url) as owner:
        owner.install_access()
        svc.import_bundle(owner, bundle)
        assert all(a.role == "" for a in owner.analysts())  # the file gave no login
        owner.add_analyst("Nadia Newcomer", "nadia")
        with pytest.raises(Exception, match="already logs in as nadia"):
            owner.add_analyst("NADIA NEWCOMER", "nadia2")
        with owner.engine.begin() as con:  # as the earlier release recorded a login
            con.exec_driver_sql("INSERT INTO analysts (uid, name, role) "
                                "VALUES ('early', 'Early Bird', 'early_bird')")
            con.exec_driver_sql("GRANT sat_analyst TO early_bird")
        owner.install_access()
    with Workspace.open(_as_role(postgres_url, "early_bird")) as ws:
        assert ws.analyst is not None and ws.analyst.name == "Early Bird"


def test_a_colleagues_copy_merges_on_the_server_leaving_out_a_blind_matrix_not_yet_rated(
        capsys, postgres_url, tmp_path):
    """Nadia merges Dana's copy: Dana's ratings of the open matrix go in as Dana's; those of
    the blind matrix Nadia has not finished rating are left out, and she is told so."""
    from sat_tool.cli import main
    from sat_tool.domain.model import Rating, analyst_uid
    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    with Workspace.open(postgres_url) as owner:
        case_id = svc.open_sample(owner)
        owner.install_access()
        owner.add_analyst("Nadia Newcomer", "nadia")
        CaseEditor.open(owner, case_id, "owner").set_blind(
            svc.load_case(owner, case_id).matrices[1].id, True)
        svc.export_case(owner, case_id, "json", tmp_path / "shared.json")
    with Workspace.open(tmp_path / "dana.sqlite") as ws:
        dana = CaseEditor.open(ws, svc.import_bundle(ws, tmp_path / "shared.json"), "Dana")
        dana.rate_as("Dana")
        for mat in dana.case.matrices[:2]:
            dana.rate(mat.id, (mat.rows[0].evidence_id, mat.hypotheses[0].id), Rating.CC)
        svc.export_case(ws, dana.case.id, "json", tmp_path / "dana.json")
    capsys.readouterr()
    assert main(["--workspace", _as_role(postgres_url, "nadia"), "merge",
                 str(tmp_path / "dana.json")]) == 0
    out = capsys.readouterr().out
    assert "Their ratings of matrix 2 were left out: it is rated blind" in out
    with Workspace.open(postgres_url) as owner:
        case = svc.load_case(owner, case_id)
        first, second = case.matrices[0], case.matrices[1]
        assert first.team[analyst_uid("Dana")][(first.rows[0].evidence_id,
                                               first.hypotheses[0].id)].rating is Rating.CC
        assert not second.team.get(analyst_uid("Dana"))
