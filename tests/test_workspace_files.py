"""A workspace's own files are never read or written as documents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sat_tool.cli import main as cli
from sat_tool.services import cases as svc
from sat_tool.store import Workspace
from sat_tool.store.workspace import workspace_file_named

from conftest import SAMPLE


def test_the_open_workspace_and_its_companions_are_recognised_by_stat(workspace: Workspace,
                                                                      workspace_path: Path,
                                                                      tmp_path: Path):
    svc.import_bundle(workspace, SAMPLE)
    for suffix in ("", "-wal", "-shm"):
        assert workspace_file_named(Path(f"{workspace_path}{suffix}")) == workspace_path
    link = tmp_path / "another-name.sqlite"
    link.symlink_to(workspace_path)
    assert workspace_file_named(link) == workspace_path
    assert workspace_file_named(tmp_path / "report.pdf") is None


@pytest.mark.parametrize("fmt", ["json", "xlsx", "html"])
def test_exporting_onto_the_workspace_is_refused_and_the_workspace_survives(
        workspace_path: Path, fmt: str, capsys):
    with Workspace.open(workspace_path) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
    status = cli(["--workspace", str(workspace_path), "export", str(case_id), "--format", fmt,
                  "-o", str(workspace_path)])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and len(err) == 1
    assert err[0] == "sat-tool: workspace.sqlite is the open workspace itself; choose another file"
    con = sqlite3.connect(workspace_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    with Workspace.open(workspace_path) as ws:
        assert svc.load_case(ws, case_id).evidence


def test_importing_the_workspace_itself_is_refused(workspace_path: Path, capsys):
    with Workspace.open(workspace_path) as ws:
        svc.import_bundle(ws, SAMPLE)
    status = cli(["--workspace", str(workspace_path), "import", f"{workspace_path}-wal"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2 and err == [
        "sat-tool: workspace.sqlite-wal belongs to the open workspace workspace.sqlite; "
        "choose another file"]


def test_a_file_dialog_will_not_hand_out_the_workspace(qtbot, workspace: Workspace,
                                                      workspace_path: Path, monkeypatch):
    """Choosing the open workspace in a file dialog explains why and asks again."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

    from sat_tool.ui import file_dialogs

    svc.import_bundle(workspace, SAMPLE)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    answers = iter([str(workspace_path), None])

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QFileDialog) and w.isVisible())
        name = next(answers)
        if name is None:
            dialog.reject()
            return
        line = dialog.findChild(QLineEdit, "fileNameEdit")
        line.setText(name)
        dialog.accept()
        QTimer.singleShot(200, answer)

    QTimer.singleShot(200, answer)
    assert file_dialogs.ask_open_file(None, "Import a case", "All files (*)") is None
    assert len(warnings) == 1 and "holds the open workspace workspace.sqlite" in warnings[0]


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_a_pipe_is_refused_at_once_as_a_case_file_or_a_workspace(tmp_path: Path, workspace_path: Path,
                                                                 capsys):
    """A FIFO would block a reader forever: it is refused by its type before anything opens it."""
    import os

    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with Workspace.open(workspace_path):
        pass
    assert cli(["--workspace", str(workspace_path), "import", str(pipe)]) == 2
    assert capsys.readouterr().err.strip() == (
        "sat-tool: pipe.json is not a regular file (a folder, a device or a pipe), so it cannot be a "
        "case file")
    fake = tmp_path / "ws.sqlite"
    os.mkfifo(fake)
    assert cli(["--workspace", str(fake), "cases"]) == 2
    assert "is not a regular file (a device or a pipe)" in capsys.readouterr().err
