"""Starting the command line loads only what the command needs, and ends as a Unix tool should.

matplotlib, reportlab and openpyxl load when an export or a chart needs them, and
Alembic only when a workspace must be changed to the current schema: a fresh process
that imports the command line, lists the cases or scores one (of a workspace at the
current schema) has none of them in ``sys.modules``. An earlier release's workspace
still upgrades. ``score --json`` prints exactly what ``json.dumps(indent=2)`` would,
complete when the process ends early after a command, and a reader that closes the
pipe early ends the command quietly.
"""

from __future__ import annotations

import fcntl
import gc
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sat_tool.cli import json_text, main
from sat_tool.services import cases as svc
from sat_tool.store import Workspace, migrations

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "cases" / "azerbaijan-2012.json"
SCHEMA1 = ROOT / "tests" / "data" / "workspaces" / "schema1.db"
HEAVY = ("matplotlib", "reportlab", "openpyxl", "alembic")

PROBE = """
import json, sys
{action}
print(json.dumps(sorted(name for name in {heavy!r} if name in sys.modules)), file=sys.stderr)
"""


def _loaded_after(action: str, *args: str) -> list[str]:
    """The heavy modules loaded in a fresh process once ``action`` has run."""
    code = PROBE.format(action=action, heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stderr.strip().splitlines()[-1])


def _command(*argv: str) -> str:
    """Run the command line in the probe's process, its output discarded."""
    return ("import os\nfrom sat_tool.cli import main\nsys.stdout = open(os.devnull, 'w')\n"
            f"status = main({list(argv)!r})\nsys.stdout = sys.__stdout__\nassert status == 0, status")


@pytest.fixture(scope="module")
def current(tmp_path_factory) -> Path:
    """A workspace at the current schema holding the sample case (made in this process)."""
    path = tmp_path_factory.mktemp("current") / "ws.sqlite"
    with Workspace.open(path) as ws:
        svc.import_bundle(ws, SAMPLE)
    return path


def test_importing_the_command_line_loads_no_heavy_module():
    assert _loaded_after("import sat_tool.cli") == []


def test_listing_and_scoring_a_current_workspace_load_no_heavy_module(current: Path):
    """Neither Alembic (the workspace is at the current schema) nor any export library."""
    assert _loaded_after(_command("--workspace", str(current), "cases")) == []
    assert _loaded_after(_command("--workspace", str(current), "score", "1", "--json")) == []
    assert _loaded_after(_command("--workspace", str(current), "sensitivity", "1")) == []


def test_the_services_and_the_store_load_no_heavy_module(current: Path):
    action = ("from sat_tool.services import cases as svc\nfrom sat_tool.store import Workspace\n"
              "import sat_tool.formats, sat_tool.report, sat_tool.app\n"
              f"with Workspace.open({str(current)!r}) as ws:\n"
              "    case = svc.load_case(ws, 1)\n"
              "    svc.matrix_report(case, case.matrices[0])")
    assert _loaded_after(action) == []


def test_an_earlier_releases_workspace_still_upgrades(tmp_path: Path):
    """Alembic loads when it is needed: schema 1 is upgraded, and afterwards is not loaded again."""
    path = tmp_path / "old.sqlite"
    shutil.copyfile(SCHEMA1, path)
    assert _loaded_after(_command("--workspace", str(path), "cases")) == ["alembic"]
    assert (tmp_path / "old.sqlite.schema1.bak").exists()
    with Workspace.open(path, read_only=True) as ws:
        assert ws.schema_version == migrations.SCHEMA_VERSION
    assert _loaded_after(_command("--workspace", str(path), "cases")) == []


def test_the_revisions_read_without_alembic_are_alembics():
    """The revision files read line by line name the same revisions, links and head as Alembic."""
    script = migrations.script_directory()
    assert migrations.shipped_revisions() == {s.revision: s.down_revision
                                               for s in script.walk_revisions()}
    assert migrations.head_revision() == script.get_current_head()
    assert migrations.SCHEMA_VERSION == int(script.get_current_head())


def test_a_command_leaves_the_collector_as_it_found_it(current: Path, capsys):
    assert gc.isenabled()
    assert main(["--workspace", str(current), "cases"]) == 0
    assert gc.isenabled()
    gc.disable()
    try:
        assert main(["--workspace", str(current), "cases"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()
    capsys.readouterr()


# ---------------------------------------------------------------- the output


def test_score_json_is_json_dumps_indented_exactly(current: Path, capsys):
    """What ``score --json`` prints, byte for byte, is ``json.dumps(…, indent=2)`` of the report."""
    assert main(["--workspace", str(current), "score", "1", "--json"]) == 0
    out = capsys.readouterr().out
    with Workspace.open(current, read_only=True) as ws:
        case = svc.load_case(ws, 1)
    reports = [svc.matrix_report(case, m) for m in case.matrices]
    assert out == json.dumps({"case": case.title, "matrices": reports}, ensure_ascii=False,
                             indent=2) + "\n"
    assert main(["--workspace", str(current), "sensitivity", "1", "--json"]) == 0
    out = capsys.readouterr().out
    reports = [svc.sensitivity_report(case, m) for m in case.matrices]
    assert out == json.dumps({"case": case.title, "matrices": reports}, ensure_ascii=False,
                             indent=2) + "\n"


scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
           | st.text(st.characters(), max_size=8))
keys = st.text(st.characters(), max_size=6) | st.integers() | st.floats() | st.booleans() | st.none()
documents = st.recursive(scalars, lambda inner: (st.lists(inner, max_size=4)
                                                 | st.tuples(inner, inner)
                                                 | st.dictionaries(keys, inner, max_size=4)),
                         max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_json_text_is_json_dumps_indented(document):
    assert json_text(document) == json.dumps(document, ensure_ascii=False, indent=2)


def test_json_text_on_special_values():
    for value in ({}, [], {"a": []}, [{}], [[], [[]]], {"x": {"y": {}}}, math.inf, -math.inf,
                  {"line\nbreak": "tab\there \u2028 \"quoted\" \\ é ✓ \x00"}, [1.0, 1e300, -0.0]):
        assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        json_text({"a": object()})


# ---------------------------------------------------------------- the process


def _run(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sat_tool", *argv], capture_output=True, cwd=ROOT,
                          timeout=120, **kwargs)


def test_the_program_writes_all_its_output_and_its_status(current: Path, tmp_path: Path):
    """Run as a program (which ends without tearing down memory), nothing of the output is lost."""
    done = _run("--workspace", str(current), "score", "1", "--json")
    assert done.returncode == 0 and done.stderr == b""
    with Workspace.open(current, read_only=True) as ws:
        case = svc.load_case(ws, 1)
    reports = [svc.matrix_report(case, m) for m in case.matrices]
    expected = json.dumps({"case": case.title, "matrices": reports}, ensure_ascii=False, indent=2)
    assert done.stdout.decode("utf-8") == expected + "\n"
    missing = _run("--workspace", str(tmp_path / "nowhere.sqlite"), "cases")
    assert missing.returncode == 2 and missing.stdout == b""
    assert missing.stderr.decode().startswith("sat-tool: there is no workspace at")


def _small_pipe() -> tuple[int, int]:
    """A pipe holding at most one page, so that a long output must wait for its reader."""
    read, write = os.pipe()
    if hasattr(fcntl, "F_SETPIPE_SZ"):
        fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, 4096)
    return read, write


@pytest.mark.parametrize("program", [["-m", "sat_tool"],
                                     ["-c", "import sys\nfrom sat_tool.cli import main\n"
                                            "sys.exit(main())"]])
def test_a_reader_that_stops_early_ends_the_command_quietly(current: Path, program: list[str]):
    """``sat-tool score 1 --json | head -c 100``: no "Broken pipe", status 141 (or 0)."""
    read, write = _small_pipe()
    child = subprocess.Popen([sys.executable, *program, "--workspace", str(current), "score", "1",
                              "--json"], stdout=write, stderr=subprocess.PIPE, cwd=ROOT)
    os.close(write)
    with os.fdopen(read, "rb") as reader:
        first = reader.read(100)
    _, err = child.communicate(timeout=120)
    assert first.startswith(b"{\n  \"case\": ")
    assert b"Broken pipe" not in err and b"Traceback" not in err and err == b""
    assert child.returncode in (0, 141)
