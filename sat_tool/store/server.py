"""Everything particular to a team workspace on a PostgreSQL server, in one place.

The URL (``postgresql+psycopg://role@host:port/database``, with ``?sslmode=verify-full``
and the other libpq parameters for TLS), the engines (writes in READ COMMITTED, each edit
serialised by the row lock its revision count takes on its case; reads in one
REPEATABLE READ snapshot, read-only), and the watcher, which LISTENs on a channel every
writing transaction NOTIFYs on commit. The rest of the store speaks SQLAlchemy.

Passwords are never kept or shown: :func:`shown_url` hides them, and a password belongs in
the user's ``~/.pgpass`` (or a client certificate), as for every PostgreSQL tool.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from sat_tool.domain.text import translate
from sat_tool.store.problems import WorkspaceError

CHANNEL = "sat_tool_changes"
"""The channel every committed write notifies, and every watcher listens on."""
_NOTIFY = text(f"SELECT pg_notify('{CHANNEL}', '')")
SCHEMES = ("postgresql", "postgres")

_LOG = logging.getLogger("sat_tool.store")


def is_server_location(location: str) -> bool:
    """Whether a workspace location names a PostgreSQL server (a ``postgresql…://`` URL)."""
    scheme = location.split("://", 1)[0].lower() if "://" in location else ""
    return scheme.split("+", 1)[0] in SCHEMES


def server_url(location: str) -> URL:
    """The SQLAlchemy URL of a server location, with the psycopg 3 driver."""
    if location.startswith("postgres://"):  # the short spelling libpq and many tools accept
        location = "postgresql" + location[len("postgres"):]
    try:
        url = make_url(location)
    except ArgumentError:
        raise WorkspaceError(translate("Workspace", "{location!r} is not a valid database URL").format(
            location=shown_location(location))) from None
    except ValueError:  # a port that is not a number
        raise WorkspaceError(translate("Workspace", "{location}: the port is not a number").format(
            location=shown_location(location))) from None
    if url.get_backend_name() != "postgresql":
        raise WorkspaceError(translate("Workspace", "{location} does not name a PostgreSQL server")
                             .format(location=shown_location(location)))
    if url.get_driver_name() not in ("psycopg", "postgresql", ""):
        raise WorkspaceError(translate(
            "Workspace", "{location}: SAT Tool reaches PostgreSQL through psycopg 3 "
            "(postgresql+psycopg://…)").format(location=shown_url(url)))
    if not url.database:
        raise WorkspaceError(translate("Workspace", "{location} names no database").format(
            location=shown_url(url)))
    return url.set(drivername="postgresql+psycopg")


def shown_url(url: URL) -> str:
    """A server URL as shown and remembered: without its password."""
    from urllib.parse import unquote

    return unquote(url.render_as_string(hide_password=True).replace(":***@", "@"))


def shown_location(location: str) -> str:
    try:
        return shown_url(make_url(location))
    except (ArgumentError, ValueError):  # never the password, whatever else is wrong
        return location.split("@")[-1]


def writing_engine(url: URL) -> Engine:
    """Connections for writes: READ COMMITTED, so that each statement of an edit sees what
    committed before its case's row lock was taken."""
    return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4,
                         connect_args={"connect_timeout": 10,
                                       "application_name": "SAT Tool"})


def reading_options() -> dict[str, Any]:
    """Execution options of a read: one snapshot for all its statements, read-only."""
    return {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


def notify(connection: Any) -> None:
    """Tell every watcher, when this transaction commits, that the workspace changed."""
    connection.execute(_NOTIFY)


def reason(exc: BaseException) -> str:
    """What a server's refusal says, in one line, without the driver's decoration."""
    original = getattr(exc, "orig", None) or exc
    diag = getattr(original, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    if primary:
        return str(primary)
    first = (str(original).strip().splitlines() or [""])[0]
    if first.startswith("connection failed:") or "could not connect" in first:
        cause = first.rsplit(": ", 1)[-1].strip().rstrip(".")
        cause = cause[:1].lower() + cause[1:]
        if "no password supplied" in cause:
            return translate("Workspace", "the server asks for a password and none was given "
                             "(put it in ~/.pgpass, or ask for a client certificate)")
        if "certificate" in cause or "SSL" in first:
            return translate("Workspace", "the server's certificate could not be checked "
                             "({cause})").format(cause=cause)
        if "FATAL" in first:  # reached, and it said no
            return translate("Workspace", "the server refused the connection ({cause})").format(
                cause=cause)
        return translate("Workspace", "the server cannot be reached ({cause})").format(
            cause=cause)
    return first or type(original).__name__


class ServerWatcher:
    """Tells whether anyone, in any process, has committed to the workspace since the last
    look: a connection of its own LISTENs, and each writing transaction NOTIFYs."""

    def __init__(self, url: URL) -> None:
        import psycopg

        self._url = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._con: Any = psycopg.connect(self._url, autocommit=True, connect_timeout=10)
        self._con.execute(f"LISTEN {CHANNEL}")

    def changed(self) -> bool:
        """True once after commits since the last call; a lost connection counts as a change
        (and is made again), so that the caller looks."""
        try:
            found = False
            for _note in self._con.notifies(timeout=0):
                found = True
            return found
        except Exception:  # noqa: BLE001 - the server went away a moment: look, and listen again
            _LOG.warning("lost the server's notifications; listening again", exc_info=True)
            try:
                self.close()
                import psycopg

                self._con = psycopg.connect(self._url, autocommit=True, connect_timeout=10)
                self._con.execute(f"LISTEN {CHANNEL}")
            except Exception:  # noqa: BLE001 - tried again at the next look
                _LOG.warning("cannot reach the server", exc_info=True)
            return True

    def close(self) -> None:
        """Release the connection."""
        try:
            self._con.close()
        except Exception:  # noqa: BLE001 - closing a lost connection
            pass


# ---------------------------------------------------------------- who may do what

ANALYST_GROUP = "sat_analyst"
"""The group role every analyst's login role belongs to: it may read the workspace and
write everything but other analysts' ratings, probabilities and history."""

_ACCESS = (
    f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ANALYST_GROUP}') THEN
            CREATE ROLE {ANALYST_GROUP} NOLOGIN;
        END IF;
    END $$""",
    f"GRANT USAGE ON SCHEMA public TO {ANALYST_GROUP}",
    f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ANALYST_GROUP}",
    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ANALYST_GROUP}",
    # the analyst the connected role is; analysts without a role are colleagues working
    # offline, whose ratings anyone may merge in
    # (every function names the schema it reads: a temporary table of the caller's must never
    # stand in for a workspace table; and each asks who logged in, session_user, never
    # current_user, which `SET ROLE sat_analyst` would make the group itself)
    """CREATE OR REPLACE FUNCTION sat_me() RETURNS integer LANGUAGE sql STABLE
       SET search_path = public, pg_temp AS
       $$ SELECT id FROM public.analysts WHERE role = session_user $$""",
    # blind rating, enforced here: others' ratings, probabilities and changes of a blind
    # matrix are seen only by an analyst who has rated every one of its cells; the function
    # reads as the owner, so that it does not recurse into the policies it serves, and is
    # given the reader's analyst (inside it, current_user is the owner). It answers for a
    # whole statement at once: the hypotheses whose others' ratings the reader may see.
    """CREATE OR REPLACE FUNCTION sat_open_hypotheses(reader integer) RETURNS SETOF integer
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT h.id FROM hypotheses h JOIN matrices m ON m.id = h.matrix_id
          WHERE m.blind = 0
             OR (reader IS NULL AND NOT pg_has_role(session_user, 'sat_analyst', 'MEMBER'))
             OR (reader IS NOT NULL AND
                 (SELECT count(*) FROM ratings r JOIN hypotheses x ON x.id = r.hypothesis_id
                    JOIN matrix_evidence me ON me.evidence_id = r.evidence_id
                                           AND me.matrix_id = x.matrix_id
                   WHERE x.matrix_id = m.id AND r.analyst_id = reader)
                 = (SELECT count(*) FROM matrix_evidence WHERE matrix_id = m.id)
                   * (SELECT count(*) FROM hypotheses WHERE matrix_id = m.id)
                 AND EXISTS (SELECT 1 FROM matrix_evidence WHERE matrix_id = m.id)) $$""",
    # a blind matrix's rows and hypotheses stay as they are for an analyst who may not see
    # the others' ratings yet: else taking them out inside a transaction, reading and rolling
    # back would pass the check above
    """CREATE OR REPLACE FUNCTION sat_may_restructure(mat integer) RETURNS boolean
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT COALESCE((SELECT m.blind = 0 FROM public.matrices m WHERE m.id = mat), true)
              OR NOT pg_has_role(session_user, 'sat_analyst', 'MEMBER')
              OR EXISTS (SELECT 1 FROM public.hypotheses h WHERE h.matrix_id = mat
                           AND h.id IN (SELECT sat_open_hypotheses((SELECT sat_me())))) $$""",
    """CREATE OR REPLACE FUNCTION sat_may_remove_evidence(item integer) RETURNS boolean
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT NOT EXISTS (SELECT 1 FROM public.matrix_evidence me WHERE me.evidence_id = item
                               AND NOT sat_may_restructure(me.matrix_id)) $$""",
    """CREATE OR REPLACE FUNCTION sat_may_write_for(analyst integer) RETURNS boolean
       LANGUAGE sql STABLE SET search_path = public, pg_temp AS
       $$ SELECT sat_me() IS NOT NULL AND (analyst = sat_me() OR EXISTS (
              SELECT 1 FROM public.analysts a WHERE a.id = analyst AND a.role = '')) $$""",
    # a snapshot of a blind matrix holds everyone's ratings: hidden as they are
    """CREATE OR REPLACE FUNCTION sat_sees_matrix(mat integer, reader integer) RETURNS boolean
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT NOT EXISTS (SELECT 1 FROM public.hypotheses h WHERE h.matrix_id = mat)
              OR EXISTS (SELECT 1 FROM public.hypotheses h WHERE h.matrix_id = mat
                           AND h.id IN (SELECT sat_open_hypotheses(reader))) $$""",
    # the analysts' group is the whole server's: only this database's analysts may connect
    """DO $$ DECLARE r text; BEGIN
        EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %%I FROM PUBLIC', current_database());
        FOR r IN SELECT a.role FROM public.analysts a JOIN pg_roles g ON g.rolname = a.role
                 WHERE a.role <> '' LOOP
            EXECUTE format('REVOKE TEMPORARY ON DATABASE %%I FROM %%I', current_database(), r);
            EXECUTE format('GRANT CONNECT ON DATABASE %%I TO %%I', current_database(), r);
        END LOOP;
    END $$""",
    # what only the owner changes: the workspace's marks, who logs in as whom, blind rating
    f"REVOKE INSERT, UPDATE, DELETE ON sat_meta, alembic_version FROM {ANALYST_GROUP}",
    f"REVOKE UPDATE ON analysts FROM {ANALYST_GROUP}",
)
_SHARING = (
    """CREATE TABLE IF NOT EXISTS case_access (
           case_id integer NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
           role text NOT NULL,
           level text NOT NULL CHECK (level IN ('write', 'read', 'none')),
           PRIMARY KEY (case_id, role))""",
    # (the blanket grant of install_access covers the table once it exists: take it back)
    f"REVOKE ALL ON case_access FROM {ANALYST_GROUP}",
    f"GRANT SELECT ON case_access TO {ANALYST_GROUP}",
    # what the connected role may do with a case: as shared with it, else read and write
    """CREATE OR REPLACE FUNCTION sat_case_level(c integer, reader text) RETURNS text
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT COALESCE((SELECT level FROM case_access WHERE case_id = c AND role = reader),
                          'write') $$""",
    # the same, for a whole statement at once: the cases (matrices, hypotheses) a reader may
    # read, or write; a policy asks once per statement, not once per row
    """CREATE OR REPLACE FUNCTION sat_cases_for(reader text, writing boolean)
       RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT c.id FROM cases c
          LEFT JOIN case_access a ON a.case_id = c.id AND a.role = reader
          WHERE CASE WHEN writing THEN COALESCE(a.level, 'write') = 'write'
                     ELSE COALESCE(a.level, 'write') <> 'none' END $$""",
    """CREATE OR REPLACE FUNCTION sat_matrices_for(reader text, writing boolean)
       RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT m.id FROM matrices m
          WHERE m.case_id IN (SELECT sat_cases_for(reader, writing)) $$""",
    """CREATE OR REPLACE FUNCTION sat_hypotheses_for(reader text, writing boolean)
       RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
       $$ SELECT h.id FROM hypotheses h JOIN matrices m ON m.id = h.matrix_id
          WHERE m.case_id IN (SELECT sat_cases_for(reader, writing)) $$""",
)
_CASE_OF = {"cases": ("id", "cases"), "sources": ("case_id", "cases"),
            "evidence": ("case_id", "cases"), "matrices": ("case_id", "cases"),
            "history": ("case_id", "cases"), "hypotheses": ("matrix_id", "matrices"),
            "matrix_evidence": ("matrix_id", "matrices"), "snapshots": ("matrix_id", "matrices"),
            "ratings": ("hypothesis_id", "hypotheses"),
            "judgments": ("hypothesis_id", "hypotheses")}
"""How each table's row names its case (a column, and what it holds), for the sharing
policies."""

_OWN_ROWS = {"ratings": "sat_may_write_for(analyst_id)",
             "judgments": "sat_may_write_for(analyst_id)",
             "history": "sat_may_write_for(analyst_id)",
             "analysts": "role = ''"}
"""What an analyst may write of each table with owned rows: their own (and those of
colleagues without a login); of the analysts, only colleagues without a login are added or
removed (what a merge and a failed import do), and no one's login is given or taken."""
_ADDED_ROWS = {"history": "analyst_id IS NULL OR sat_may_write_for(analyst_id)"}
"""Where an analyst may add rows they may not change: the changes of no one's ratings (a
blind setting, a structure's edit) are recorded by anyone, and stay as recorded."""
_OPEN = "hypothesis_id IN (SELECT sat_open_hypotheses((SELECT sat_me())))"
_SEEN_ROWS = {"ratings": f"analyst_id = (SELECT sat_me()) OR {_OPEN}",
              "judgments": f"analyst_id = (SELECT sat_me()) OR {_OPEN}",
              "history": "analyst_id IS NULL OR analyst_id = (SELECT sat_me()) "
                         f"OR hypothesis_id IS NULL OR {_OPEN}",
              "analysts": "true"}


def install_access(connection: Any) -> None:
    """Row-level security for a team: every member reads everything but, in a matrix rated
    blind, the others' ratings, probabilities and changes until they have rated every cell;
    an analyst writes only their own ratings, probabilities and history (and those of
    colleagues without a login, merged from their copies), and no one but the owner changes
    the schema. Run by the database's owner; safe to run again."""
    for statement in _ACCESS:
        connection.exec_driver_sql(statement)
    install_sharing(connection)
    for table, own in _OWN_ROWS.items():
        connection.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for name in ("sat_read", "sat_write", "sat_insert", "sat_update", "sat_delete"):
            connection.exec_driver_sql(f"DROP POLICY IF EXISTS {name} ON {table}")
        # one policy per command: a FOR ALL policy would widen what may be read, too
        connection.exec_driver_sql(f"CREATE POLICY sat_read ON {table} FOR SELECT "
                                   f"USING ({_SEEN_ROWS[table]})")
        connection.exec_driver_sql(f"CREATE POLICY sat_insert ON {table} FOR INSERT "
                                   f"WITH CHECK ({_ADDED_ROWS.get(table, own)})")
        connection.exec_driver_sql(f"CREATE POLICY sat_update ON {table} FOR UPDATE "
                                   f"USING ({own}) WITH CHECK ({own})")
        connection.exec_driver_sql(f"CREATE POLICY sat_delete ON {table} FOR DELETE "
                                   f"USING ({own})")
    # blind rating is set and lifted by the owner: the analysts may change every other column
    # of a matrix (run again after an upgrade adds columns: `sat-tool admin init`)
    from sat_tool.store.schema import MatrixRowTable

    columns = ", ".join(c.name for c in MatrixRowTable.__table__.columns
                        if c.name not in ("id", "blind"))
    connection.exec_driver_sql(f"REVOKE UPDATE ON matrices FROM {ANALYST_GROUP}")
    connection.exec_driver_sql(f"GRANT UPDATE ({columns}) ON matrices TO {ANALYST_GROUP}")
    for table in ("hypotheses", "matrix_evidence"):
        for name in ("sat_blind_update", "sat_blind_delete"):
            connection.exec_driver_sql(f"DROP POLICY IF EXISTS {name} ON {table}")
        connection.exec_driver_sql(
            f"CREATE POLICY sat_blind_update ON {table} AS RESTRICTIVE FOR UPDATE "
            "USING (sat_may_restructure(matrix_id)) WITH CHECK (sat_may_restructure(matrix_id))")
        connection.exec_driver_sql(f"CREATE POLICY sat_blind_delete ON {table} AS RESTRICTIVE "
                                   "FOR DELETE USING (sat_may_restructure(matrix_id))")
    connection.exec_driver_sql("DROP POLICY IF EXISTS sat_blind_delete ON evidence")
    connection.exec_driver_sql("CREATE POLICY sat_blind_delete ON evidence AS RESTRICTIVE FOR "
                               "DELETE USING (sat_may_remove_evidence(id))")
    connection.exec_driver_sql("DROP POLICY IF EXISTS sat_blind_read ON snapshots")
    connection.exec_driver_sql("CREATE POLICY sat_blind_read ON snapshots AS RESTRICTIVE FOR "
                               "SELECT USING (sat_sees_matrix(matrix_id, sat_me()))")
    # what an earlier setting-up made and no policy uses now (once the policies that did are gone)
    for gone in ("sat_sees_others(integer, integer)", "sat_case_of_matrix(integer)",
                 "sat_case_of_hypothesis(integer)"):
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {gone}")


def install_sharing(connection: Any) -> None:
    """Per-case sharing, on top of :func:`install_access`: a case shared with a role as
    'read' can be read but not changed by it, as 'none' is invisible to it; a case not
    shared explicitly is read and written by every member. Restrictive policies: they
    narrow what the others allow."""
    for statement in _SHARING:
        connection.exec_driver_sql(statement)
    for table, (column, kind) in _CASE_OF.items():
        connection.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for name in ("sat_case_read", "sat_case_insert", "sat_case_update", "sat_case_delete",
                     "sat_all_read", "sat_all_write"):
            connection.exec_driver_sql(f"DROP POLICY IF EXISTS {name} ON {table}")
        read = f"{column} IN (SELECT sat_{kind}_for(session_user::text, false))"
        write = f"{column} IN (SELECT sat_{kind}_for(session_user::text, true))"
        if table not in _OWN_ROWS:  # the tables without row ownership: open to every member
            connection.exec_driver_sql(f"CREATE POLICY sat_all_read ON {table} FOR SELECT "
                                       "USING (true)")
            connection.exec_driver_sql(f"CREATE POLICY sat_all_write ON {table} FOR ALL "
                                       "USING (true) WITH CHECK (true)")
        connection.exec_driver_sql(f"CREATE POLICY sat_case_read ON {table} AS RESTRICTIVE "
                                   f"FOR SELECT USING ({read})")
        if table != "cases":
            connection.exec_driver_sql(
                f"CREATE POLICY sat_case_insert ON {table} AS RESTRICTIVE FOR INSERT "
                f"WITH CHECK ({write})")
        connection.exec_driver_sql(f"CREATE POLICY sat_case_update ON {table} AS RESTRICTIVE "
                                   f"FOR UPDATE USING ({write})")
        connection.exec_driver_sql(f"CREATE POLICY sat_case_delete ON {table} AS RESTRICTIVE "
                                   f"FOR DELETE USING ({write})")


def share(connection: Any, case_id: int, role: str, level: str) -> None:
    """Share a case with a role: 'write', 'read' or 'none'."""
    connection.execute(text(
        "INSERT INTO case_access (case_id, role, level) VALUES (:c, :r, :l) "
        "ON CONFLICT (case_id, role) DO UPDATE SET level = excluded.level"),
        {"c": case_id, "r": role, "l": level})


def _sharing_installed(connection: Any) -> bool:
    """Whether :func:`install_sharing` has run on this database."""
    return bool(connection.exec_driver_sql(
        "SELECT to_regprocedure('sat_case_level(integer, text)') IS NOT NULL").scalar())


def case_level(connection: Any, case_id: int) -> str:
    """What the connected role may do with a case ('write' where no sharing is installed)."""
    if not _sharing_installed(connection):
        return "write"
    return str(connection.execute(text("SELECT sat_case_level(:c, session_user::text)"),
                                  {"c": case_id}).scalar())


def case_levels(connection: Any) -> dict[int, str]:
    """What the connected role may do with each case it can see, where that is not 'write'."""
    if not _sharing_installed(connection):
        return {}
    return {int(c): str(level) for c, level in connection.exec_driver_sql(
        "SELECT id, sat_case_level(id, session_user::text) FROM cases").all() if level != "write"}


def sharing(connection: Any) -> dict[str, list[tuple[int, str]]]:
    """The cases shared otherwise than to read and write, by role: [(case id, level)]."""
    found: dict[str, list[tuple[int, str]]] = {}
    if _sharing_installed(connection):
        for case_id, role, level in connection.exec_driver_sql(
                "SELECT case_id, role, level FROM case_access WHERE level <> 'write' "
                "ORDER BY role, case_id").all():
            found.setdefault(str(role), []).append((int(case_id), str(level)))
    return found


def role_exists(connection: Any, role: str) -> bool:
    """Whether the server has a role of that name."""
    return connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                              {"r": role}).first() is not None


def not_a_login(connection: Any, role: str) -> str:
    """Why a role cannot be an analyst's login ("" when it can): the owner who runs this, a
    superuser or the analysts' group itself."""
    found = connection.execute(text(
        "SELECT rolsuper, rolname = current_user FROM pg_roles WHERE rolname = :r"),
        {"r": role}).first()
    if role == ANALYST_GROUP:
        return translate("Workspace", "{role} is the analysts' group, not an analyst's login").format(
            role=role)
    if found is not None and (found[0] or found[1]):
        return translate("Workspace", "{role} is the workspace's owner or a superuser, who reads "
                         "and writes everything; give the analyst a login of their own").format(
                             role=role)
    return ""


def add_login(connection: Any, role: str, password: str | None = None) -> None:
    """Make a login role for an analyst (if it does not exist) in the analysts' group."""
    from psycopg import sql

    raw = connection.connection.dbapi_connection
    with raw.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
        if password is not None:
            cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role),
                                                                      sql.Literal(password)))
        cursor.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(ANALYST_GROUP),
                                                        sql.Identifier(role)))
        cursor.execute("SELECT current_database()")
        (database,) = cursor.fetchone()
        cursor.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
            sql.Identifier(database), sql.Identifier(role)))


def current_role(connection: Any) -> str:
    """The role the connection logged in as."""
    return str(connection.exec_driver_sql("SELECT current_user").scalar())
