"""Shared fixtures: every test gets its own workspace file and its own settings folders."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="sat-tool-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["SAT_TOOL_CONFIG_DIR"] = str(_HOME / "sat-config")
os.environ["SAT_TOOL_LOG_DIR"] = str(_HOME / "log")  # never the user's own log
os.environ.pop("SAT_TOOL_WORKSPACE", None)

from pgdb import new_database  # noqa: E402
from sat_tool.domain.model import Case  # noqa: E402
from sat_tool.formats.bundle import case_from_dict  # noqa: E402
from sat_tool.services import cases as svc  # noqa: E402
from sat_tool.services.editor import CaseEditor  # noqa: E402
from sat_tool.store import Workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "cases" / "azerbaijan-2012.json"


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    """Where this test's workspace lives."""
    return tmp_path / "workspace.sqlite"


@pytest.fixture
def workspace(workspace_path: Path):
    """A fresh, empty workspace."""
    ws = Workspace.open(workspace_path)
    yield ws
    ws.close()


@pytest.fixture
def sample_id(workspace: Workspace) -> int:
    """The Azerbaijan sample case imported into the test workspace."""
    return svc.import_bundle(workspace, SAMPLE)


@pytest.fixture
def editor(workspace: Workspace, sample_id: int) -> CaseEditor:
    """An editor on the sample case, as analyst 'tester'."""
    return CaseEditor.open(workspace, sample_id, "tester")


def bundle(matrices: list[dict[str, Any]], evidence: list[dict[str, Any]],
           sources: list[dict[str, Any]] | None = None, title: str = "Test case") -> dict[str, Any]:
    """A case bundle dictionary from its parts."""
    return {"format": "sat-tool-case", "version": 1,
            "case": {"uid": "", "title": title, "description": "", "created": ""},
            "sources": sources or [], "evidence": evidence, "matrices": matrices}


def grid_case(rows: list[tuple[str, str, str, list[str]]], hypotheses: int | None = None) -> Case:
    """A one-matrix case from rows of (label, credibility, relevance, ratings)."""
    count = hypotheses or len(rows[0][3])
    evidence = [{"id": lab, "text": f"Item {lab}", "credibility": cred}
                for lab, cred, _rel, _r in rows]
    hyps = [{"id": f"H{j}", "title": f"Hypothesis {j}"} for j in range(1, count + 1)]
    ratings = [{"evidence": lab, "hypothesis": f"H{j}", "rating": code}
               for lab, _c, _r, codes in rows for j, code in enumerate(codes, 1) if code]
    matrix = {"id": "M1", "question": "Which?", "hypotheses": hyps,
              "evidence": [{"evidence": lab, "relevance": rel} for lab, _c, rel, _r in rows],
              "ratings": ratings}
    return case_from_dict(bundle([matrix], evidence))


def one_analysts(case: Case) -> Case:
    """A copy of a case built in memory as a file gives it back: the ratings of each matrix
    that no analyst owns become one analyst's (the name most of its cells carry), with that
    name on every cell."""
    import copy

    from sat_tool.domain.model import attribute

    found = copy.deepcopy(case)
    attribute(found)
    return found


def without_uids(data: Any) -> Any:
    """A bundle's structure without the stable ids of its parts and analysts."""
    if isinstance(data, dict):
        return {k: without_uids(v) for k, v in data.items() if k != "uid"}
    if isinstance(data, list):
        return [without_uids(v) for v in data]
    return data


def write_json(path: Path, data: Any) -> Path:
    """Write JSON to a file and return its path."""
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def sample_page(qtbot: Any, workspace: Workspace, size: tuple[int, int] = (1400, 900)) -> Any:
    """The first matrix page of the sample case, opened from the start page in a shown window
    of ``size``; the window is ``page.window_``."""
    from PySide6.QtCore import Qt

    from sat_tool.settings import Preferences
    from sat_tool.ui.main_window import MainWindow

    win = MainWindow(workspace, Preferences(analyst="Ann Analyst"))
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.mouseClick(win.start_page.sample_button, Qt.MouseButton.LeftButton)
    page = win.case_view.current_matrix_page()
    page.window_ = win
    return page


@pytest.fixture
def page(qtbot: Any, workspace: Workspace) -> Any:
    """The first matrix page of the sample case, in a shown 1400×900 window."""
    return sample_page(qtbot, workspace)


POSTGRES_SKIP = ("no PostgreSQL cluster was given: the team-server tests need one, which .ci/run "
                 "starts (or set SAT_TOOL_TEST_POSTGRES to a server's URL)")


@pytest.fixture
def postgres_url():
    """The URL of a new, empty database on the test cluster, dropped afterwards.

    Skipped (saying why) where no cluster is given; where SAT_TOOL_REQUIRE_POSTGRES is set,
    as in CI, a missing cluster fails instead.
    """
    import os
    import uuid

    server = os.environ.get("SAT_TOOL_TEST_POSTGRES")
    if not server:
        if os.environ.get("SAT_TOOL_REQUIRE_POSTGRES"):
            pytest.fail("SAT_TOOL_REQUIRE_POSTGRES is set but SAT_TOOL_TEST_POSTGRES is not")
        pytest.skip(POSTGRES_SKIP)
    with new_database(server, f"sat_test_{uuid.uuid4().hex[:12]}") as url:
        yield url


@contextmanager
def direct(location: str, commit: bool = True) -> Iterator[Any]:
    """A connection of another program to the workspace at ``location`` (a file's path or a
    server's URL), in one transaction: committed on leaving, or rolled back when ``commit`` is
    false. Its SQL is the common subset of SQLite and PostgreSQL, through ``sqlalchemy.text``."""
    from sqlalchemy import create_engine

    engine = create_engine(location if "://" in location else f"sqlite:///{location}")
    try:
        with engine.connect() as con:
            transaction = con.begin()
            try:
                yield con
            except BaseException:
                transaction.rollback()
                raise
            if commit:
                transaction.commit()
            else:
                transaction.rollback()
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    """A new workspace's location, once as a file and once on the test PostgreSQL cluster, for
    the store and service tests that must hold for both kinds."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    return request.getfixturevalue("postgres_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def new_location(request, tmp_path):
    """A maker of new, empty workspaces (each call another), as files or on the test server,
    for tests that need many: a server's are copies of one migrated database, so quick to
    make, and all are dropped afterwards."""
    import itertools

    counter = itertools.count()
    if request.param == "sqlite":
        yield lambda: str(tmp_path / f"workspace{next(counter)}.sqlite")
        return
    from contextlib import ExitStack

    from sqlalchemy.engine import make_url

    template = request.getfixturevalue("postgres_url")
    Workspace.open(template).close()
    base = make_url(template)
    server = base.set(database="postgres").render_as_string(hide_password=False)  # not the copied one
    with ExitStack() as made:
        yield lambda: made.enter_context(new_database(
            server, f"{base.database}_{next(counter)}", template=base.database))
