"""Figures of a team workspace on a PostgreSQL server: the database write of one rating
against a raw psycopg UPDATE + COMMIT, and the cost of row-level security (an analyst's
reading of a blind matrix) against the owner's reading of the same case.

Needs a cluster: ``SAT_TOOL_TEST_POSTGRES`` names one (``tests/with-postgres`` starts a
private one, as ``make bench`` does); without it the section measures nothing and says so.
"""

from __future__ import annotations

import os
import sys
import uuid
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.synthetic import write_bundle  # noqa: E402
from tests.bench.table import Figure, median_time, run_alone, time_rating_writes  # noqa: E402
from tests.pgdb import new_database  # noqa: E402


def database() -> AbstractContextManager[str]:
    """A new database on the cluster, dropped afterwards."""
    return new_database(os.environ["SAT_TOOL_TEST_POSTGRES"],
                        f"sat_bench_{uuid.uuid4().hex[:10]}")


def database_write(folder: Path) -> list[Figure]:
    """One rating written through the editor against a raw psycopg UPDATE + COMMIT of it."""
    import psycopg

    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    from sqlalchemy.engine import make_url

    figures = []
    for rows, columns, secured in ((20, 5, False), (2000, 30, False), (2000, 30, True)):
        with database() as owner_url, ExitStack() as stack:
            ws = stack.enter_context(Workspace.open(owner_url))
            case_id = svc.import_bundle(ws, write_bundle(folder, rows, columns))
            url = owner_url
            if secured:  # as the analyst who rated it, logged in under the policies
                ws.install_access()
                role = f"bench_{uuid.uuid4().hex[:6]}"
                ws.add_analyst(CaseEditor.open(ws, case_id, "x").rated_as.name, role)
                url = make_url(owner_url).set(username=role).render_as_string(hide_password=False)
                ws = stack.enter_context(Workspace.open(url))
            editor = CaseEditor.open(ws, case_id, "Bench Analyst")
            raw = psycopg.connect(owner_url.replace("postgresql+psycopg", "postgresql"))

            def bare(cell: tuple[int, int], code: str) -> None:
                raw.execute("UPDATE ratings SET rating = %s WHERE evidence_id = %s AND "
                            "hypothesis_id = %s", (code, *cell))
                raw.commit()

            ours_s, floor_s = time_rating_writes(editor, bare)
            raw.close()
        name = ("Team server: the database write of one rating, as an analyst (row-level "
                "security)" if secured else "Team server: the database write of one rating")
        figures.append(Figure(name, f"{rows:,} × {columns}", ours_s, floor_s,
                              "raw psycopg UPDATE + COMMIT", target=2.0))
    return figures


def blind_reading(folder: Path) -> list[Figure]:
    """Opening a large case as an analyst, whose every read of a blind matrix's ratings goes
    through the row-level security policies, against the owner opening it (no policies)."""
    from sqlalchemy.engine import make_url

    from sat_tool.services import cases as svc
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    rows, columns = 2000, 30
    with database() as url:
        with Workspace.open(url) as ws:
            case_id = svc.import_bundle(ws, write_bundle(folder, rows, columns))
            ws.install_access()
            editor = CaseEditor.open(ws, case_id, "owner")
            editor.set_blind(editor.case.matrices[0].id, True)
            lead = editor.rated_as.name
        role = f"bench_{uuid.uuid4().hex[:6]}"
        with Workspace.open(url) as ws:
            ws.add_analyst(lead, role)  # the analyst who rated every cell logs in
        analyst = make_url(url).set(username=role).render_as_string(hide_password=False)
        with Workspace.open(url) as owner, Workspace.open(analyst) as theirs:
            def as_owner() -> None:
                svc.load_case(owner, case_id)

            def as_analyst() -> None:
                assert len(svc.load_case(theirs, case_id).matrices[0].ratings) == rows * columns

            pairs = [(median_time(as_analyst, 3), median_time(as_owner, 3)) for _ in range(3)]
    return [Figure("Team server: open a blind matrix as an analyst (row-level security)",
                   f"{rows:,} × {columns}", sorted(p[0] for p in pairs)[1],
                   sorted(p[1] for p in pairs)[1], "the owner opening it, no policies",
                   target=3.0)]


def measure(folder: Path) -> list[Figure]:
    if not os.environ.get("SAT_TOOL_TEST_POSTGRES"):
        print("server: not measured, as no PostgreSQL cluster was given (SAT_TOOL_TEST_POSTGRES; "
              "tests/with-postgres starts one)")
        return []
    return database_write(folder) + blind_reading(folder)


if __name__ == "__main__":
    run_alone(measure)
