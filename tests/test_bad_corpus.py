"""Every file of the bad corpus is refused with its one sentence, and nothing changes.

The corpus is ``tests/data/bad/`` (how each file was made: ``build.py`` there); the
sentence each must get is in ``expected.json``. Case files are imported into a
workspace holding the sample case, which must stay byte for byte as it was; bad
workspaces are opened in place and must stay byte for byte as they were. Files that
git cannot hold (a pipe, a link to a device, a sparse giant) are made here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from sat_tool.cli import main as cli
from sat_tool.formats.text_import import SourceFileError, read_source_file
from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import SAMPLE

BAD = Path(__file__).resolve().parent / "data" / "bad"
EXPECTED: dict[str, str] = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


def digest(*paths: Path) -> dict[str, str]:
    """The bytes of a workspace and its companions, as hashes."""
    out = {}
    for path in paths:
        for suffix in ("", "-wal", "-shm", "-journal"):
            p = Path(f"{path}{suffix}")
            out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "absent"
    return out


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A workspace holding the sample case, closed (so its log is checkpointed into the file)."""
    path = tmp_path_factory.mktemp("base") / "workspace.sqlite"
    with Workspace.open(path) as ws:
        svc.import_bundle(ws, SAMPLE)
    return path


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def case_files() -> list[str]:
    return sorted(k for k in EXPECTED if k.split("/")[0] in ("bundle", "workbook", "parc"))


def test_the_corpus_is_whole():
    """Every file has its sentence and every sentence its file; every format we read is there."""
    on_disk = {str(p.relative_to(BAD)) for p in BAD.rglob("*")
               if p.is_file() and p.name not in ("build.py", "expected.json")}
    made_here = {k for k in EXPECTED if k.startswith("made-here/")}
    assert on_disk == set(EXPECTED) - made_here
    kinds = {k.split("/")[0] for k in EXPECTED}
    assert {"bundle", "workbook", "parc", "source", "workspace", "made-here"} <= kinds
    assert len(EXPECTED) >= 60
    for sentence in EXPECTED.values():
        assert sentence.strip() == sentence and "\n" not in sentence
        assert "Traceback" not in sentence and "sqlalche" not in sentence.lower()


@pytest.mark.parametrize("name", case_files())
def test_a_bad_case_file_is_refused_and_the_workspace_is_untouched(name, base, tmp_path, capsys):
    workspace = tmp_path / "workspace.sqlite"
    shutil.copy(base, workspace)
    before = digest(workspace)
    assert cli(["--workspace", str(workspace), "import", str(BAD / name)]) == 2
    assert one_line(capsys) == f"sat-tool: {EXPECTED[name]}"
    assert digest(workspace) == before


@pytest.mark.parametrize("name", sorted(k for k in EXPECTED if k.startswith("source/")))
def test_a_bad_source_document_is_refused(name):
    with pytest.raises(SourceFileError) as refused:
        read_source_file(BAD / name)
    assert str(refused.value) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(k for k in EXPECTED if k.startswith("workspace/")))
def test_a_bad_workspace_is_refused_untouched(name, tmp_path, capsys):
    path = tmp_path / Path(name).name
    shutil.copy(BAD / name, path)
    before = digest(path)
    assert cli(["--workspace", str(path), "cases"]) == 2
    assert one_line(capsys) == f"sat-tool: {EXPECTED[name]}".replace("{path}", str(path))
    assert digest(path) == before


def made_here(name: str, folder: Path) -> Path:
    """The files git cannot hold, made in ``folder``."""
    if name == "made-here/pipe.json":
        path = folder / "pipe.json"
        os.mkfifo(path)
    elif name == "made-here/dev-zero.json":
        path = folder / "dev-zero.json"
        path.symlink_to("/dev/zero")
    elif name == "made-here/folder.xlsx":
        path = folder / "folder.xlsx"
        path.mkdir()
    elif name == "made-here/sparse-giant.json":
        path = folder / "sparse-giant.json"
        with path.open("wb") as handle:
            handle.truncate(8 << 30)
    elif name == "made-here/sparse-giant.txt":
        path = folder / "sparse-giant.txt"
        with path.open("wb") as handle:
            handle.truncate(8 << 30)
    else:
        raise AssertionError(name)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero")
@pytest.mark.parametrize("name", sorted(k for k in EXPECTED if k.startswith("made-here/")))
def test_a_file_that_never_ends_is_refused_at_once(name, base, tmp_path, capsys):
    path = made_here(name, tmp_path)
    if path.suffix == ".txt":
        with pytest.raises(SourceFileError) as refused:
            read_source_file(path)
        assert str(refused.value) == EXPECTED[name]
        return
    workspace = tmp_path / "workspace.sqlite"
    shutil.copy(base, workspace)
    before = digest(workspace)
    assert cli(["--workspace", str(workspace), "import", str(path)]) == 2
    assert one_line(capsys) == f"sat-tool: {EXPECTED[name]}"
    assert digest(workspace) == before


GUI_SAMPLE = ["bundle/lone-surrogate.json", "workbook/zip-bomb.xlsx", "parc/billion-laughs.achz",
              "workbook/rating-under-merged-header.xlsx"]


@pytest.mark.parametrize("name", GUI_SAMPLE)
def test_the_import_menu_refuses_a_bad_file_in_one_sentence(name, qtbot, base, tmp_path, monkeypatch):
    """File ▸ Import with a bad file: one message box with the sentence, no case, nothing written."""
    from sat_tool.settings import Preferences
    from sat_tool.ui.main_window import MainWindow

    workspace = tmp_path / "workspace.sqlite"
    shutil.copy(base, workspace)
    before = digest(workspace)
    win = MainWindow(Workspace.open(workspace), Preferences(analyst="Ann"))
    qtbot.addWidget(win)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(win, "show_error", lambda title, text: shown.append((title, text)))
    monkeypatch.setattr(win, "ask_open_path", lambda *a: BAD / name)
    win.import_bundle()
    assert shown == [("Cannot import the file", EXPECTED[name])]
    assert win.document is None
    win.close()
    assert digest(workspace) == before


@pytest.mark.parametrize("name", ["workspace/trigger.sqlite", "workspace/newer-schema.sqlite",
                                  "workspace/a-text-file.sqlite"])
def test_opening_a_bad_workspace_in_the_window_keeps_the_current_one(name, qtbot, base, tmp_path,
                                                                    monkeypatch):
    """File ▸ Open workspace with a bad file: the sentence is shown and the current workspace stays."""
    from sat_tool.settings import Preferences
    from sat_tool.ui.main_window import MainWindow

    current = tmp_path / "workspace.sqlite"
    shutil.copy(base, current)
    bad = tmp_path / Path(name).name
    shutil.copy(BAD / name, bad)
    before = digest(bad)
    win = MainWindow(Workspace.open(current), Preferences(analyst="Ann"))
    qtbot.addWidget(win)
    shown: list[str] = []
    monkeypatch.setattr(win, "show_error", lambda title, text: shown.append(text))
    assert win.switch_workspace(bad) is False
    assert shown == [EXPECTED[name].replace("{path}", str(bad))]
    assert win.workspace.path == current
    win.close()
    assert digest(bad) == before


@pytest.mark.parametrize("name", ["bundle/not-json.json", "workbook/zip-bomb.xlsx", "parc/truncated.achz"])
def test_a_refused_import_creates_no_workspace(name, tmp_path, capsys):
    """Importing a bad file into a workspace that does not exist yet leaves no file behind."""
    workspace = tmp_path / "new" / "workspace.sqlite"
    workspace.parent.mkdir()
    assert cli(["--workspace", str(workspace), "import", str(BAD / name)]) == 2
    assert one_line(capsys) == f"sat-tool: {EXPECTED[name]}"
    assert list(workspace.parent.iterdir()) == []
