"""Browsing the workspace's folder in a file dialog keeps SQLite's locks on the workspace.

POSIX drops every lock a process holds on a file when the process closes any
descriptor of that file. A dialog that opens ``ws.sqlite``, ``-wal`` or ``-shm``
to guess their type releases SQLite's locks; the next program that opens and
closes the workspace then thinks it is alone, checkpoints and deletes the
write-ahead log, and the GUI's later edits are lost when it is killed.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QFileSystemModel, QLineEdit

from sat_tool.services import cases as svc
from sat_tool.store import Workspace
from sat_tool.ui.file_dialogs import make_dialog

from conftest import ROOT, SAMPLE

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux") or not Path("/proc/locks").exists(),
                                reason="reads POSIX locks from Linux's /proc/locks")


def posix_locks(path: Path, pid: int) -> list[str]:
    """The POSIX locks process ``pid`` holds on ``path``'s inode, as "READ 128 128" (kind, first, last byte).

    Lines of /proc/locks look like "1: POSIX  ADVISORY  READ 12345 08:01:1234567 128 128"; the leading
    number is only a position in the table, and waiters carry "->" after it, so both are left out.
    """
    inode = str(os.stat(path).st_ino)
    held = []
    with open("/proc/locks", encoding="ascii") as table:
        for line in table:
            fields = line.split()
            if len(fields) < 8 or fields[1] != "POSIX":
                continue
            if fields[4] == str(pid) and fields[5].rsplit(":", 1)[-1] == inode:
                held.append(" ".join([fields[3], *fields[6:8]]))
    return sorted(held)


def workspace_files(path: Path) -> list[Path]:
    """The files on which SQLite keeps locks while a workspace in WAL mode is open."""
    return [path, path.with_name(path.name + "-shm")]


def locks_held(path: Path) -> dict[str, list[str]]:
    return {p.name: posix_locks(p, os.getpid()) for p in workspace_files(path)}


def browse_and_cancel(qtbot, dialog: QFileDialog, workspace_path: Path) -> None:
    """What a user does: look at the folder in Detail view, type the workspace's name, press Escape."""
    folder = workspace_path.parent
    names = {workspace_path.name + suffix for suffix in ("", "-wal", "-shm")}
    qtbot.addWidget(dialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None

    def listed() -> None:
        root = model.index(str(folder))
        assert names <= {model.index(row, 0, root).data() for row in range(model.rowCount(root))}

    qtbot.waitUntil(listed, timeout=10_000)
    for name in sorted(names):  # what the Detail view paints for each file: its icon and its Type column
        index = model.index(str(folder / name))
        index.data(Qt.ItemDataRole.DecorationRole)
        assert model.index(index.row(), 2, index.parent()).data()
    qtbot.wait(300)  # let the views paint
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    qtbot.keyClicks(name_edit, workspace_path.name)
    assert dialog.selectedFiles() == [str(workspace_path)]
    qtbot.keyClick(name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


@linux_only
def test_file_dialog_over_the_workspace_folder_keeps_sqlite_locks(qtbot, workspace, workspace_path):
    """Our dialog lists the workspace, its WAL and its shared memory without releasing a lock."""
    svc.import_bundle(workspace, SAMPLE)
    before = locks_held(workspace_path)
    assert all(before.values()), before
    browse_and_cancel(qtbot, make_dialog(None, "Open", str(workspace_path.parent), "All files (*)"),
                      workspace_path)
    assert locks_held(workspace_path) == before


@linux_only
def test_save_dialog_suggesting_the_workspace_itself_keeps_sqlite_locks(qtbot, workspace, workspace_path):
    """A dialog given the workspace's own path as the file name does not read it either."""
    svc.import_bundle(workspace, SAMPLE)
    before = locks_held(workspace_path)
    assert all(before.values()), before
    dialog = make_dialog(None, "Save", str(workspace_path), "All files (*)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert dialog.findChild(QLineEdit, "fileNameEdit").text() == workspace_path.name
    browse_and_cancel(qtbot, dialog, workspace_path)
    assert locks_held(workspace_path) == before


@linux_only
def test_qt_default_file_dialog_releases_sqlite_locks(qtbot, workspace, workspace_path):
    """The hazard is real here: Qt's dialog with its default icon provider drops SQLite's locks."""
    svc.import_bundle(workspace, SAMPLE)
    assert all(locks_held(workspace_path).values())
    plain = QFileDialog(None, "Open", str(workspace_path.parent), "All files (*)")
    plain.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # the widgets, on every platform
    browse_and_cancel(qtbot, plain, workspace_path)
    assert locks_held(workspace_path) == {p.name: [] for p in workspace_files(workspace_path)}


@linux_only
def test_closing_any_descriptor_of_the_shared_memory_file_releases_the_lock(workspace, workspace_path):
    """The POSIX rule itself, and proof that the check above sees a released lock."""
    svc.import_bundle(workspace, SAMPLE)
    shm = workspace_path.with_name(workspace_path.name + "-shm")
    assert posix_locks(shm, os.getpid())
    with open(shm, "rb"):
        pass
    assert posix_locks(shm, os.getpid()) == []


GUI = textwrap.dedent("""
    import sys
    from pathlib import Path

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLineEdit

    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace
    from sat_tool.ui.file_dialogs import ask_open_file

    path = Path(sys.argv[1])
    app = QApplication([])
    ws = Workspace.open(path)
    ed = CaseEditor.open(ws, int(sys.argv[2]), "gui")
    mat = ed.case.matrices[0]
    done = 0


    def edit(count):
        global done
        for _ in range(count):
            ed.add_evidence(f"gui {done}", mat.id)
            print(f"ack gui {done}", flush=True)
            done += 1


    def browse():
        dialog = app.activeModalWidget()
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        model = dialog.findChild(QFileSystemModel)
        names = {path.name + suffix for suffix in ("", "-wal", "-shm")}
        for _ in range(200):
            root = model.index(str(path.parent))
            if names <= {model.index(row, 0, root).data() for row in range(model.rowCount(root))}:
                break
            QTest.qWait(50)
        else:
            print("the folder was never listed", flush=True)
        for name in names:
            index = model.index(str(path.parent / name))
            index.data(Qt.ItemDataRole.DecorationRole)
            model.index(index.row(), 2, index.parent()).data()
        QTest.qWait(300)
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        QTest.keyClicks(name_edit, str(path.parent))
        QTest.qWait(300)
        QTest.keyClick(name_edit, Qt.Key.Key_Escape)


    edit(5)
    QTimer.singleShot(0, browse)
    print(f"dialog {ask_open_file(None, 'Open', 'All files (*)', str(path.parent))}", flush=True)
    while sys.stdin.readline().strip() == "go":
        edit(10)
        print("paused", flush=True)
""")


def evidence_counts(cases_output: str) -> dict[int, int]:
    """Case id to evidence count, from the table ``sat-tool cases`` prints."""
    counts = {}
    for line in cases_output.splitlines()[1:]:
        case_id, _matrices, evidence, *_title = line.split()
        counts[int(case_id)] = int(evidence)
    return counts


@linux_only
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_gui_edits_after_browsing_survive_other_processes_and_a_kill(workspace_path: Path, tmp_path: Path):
    """The GUI browses the workspace's folder; another process lists and imports; the GUI edits on
    and is killed: the workspace is intact and holds every acknowledged edit of both processes."""
    with Workspace.open(workspace_path) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
        base = {s.id: s.evidence for s in svc.list_cases(ws)}[case_id]
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")

    def sat_tool(*args: str) -> str:
        run = subprocess.run([sys.executable, "-m", "sat_tool", "--workspace", str(workspace_path), *args],
                             env=env, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        return run.stdout

    errors = tmp_path / "gui.err"
    with errors.open("w") as err:
        gui = subprocess.Popen([sys.executable, "-c", GUI, str(workspace_path), str(case_id)],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
    watchdog = threading.Timer(120, gui.kill)  # never hang the suite on a stuck child
    watchdog.start()
    acked: list[str] = []
    assert gui.stdin is not None and gui.stdout is not None

    def read_until(marker: str) -> str:
        for raw in gui.stdout:
            line = raw.strip()
            if line.startswith("ack "):
                acked.append(line.removeprefix("ack "))
            elif line.startswith(marker):
                return line
        raise AssertionError(f"the GUI stopped before {marker!r}: {errors.read_text()}")

    def resume() -> None:
        gui.stdin.write("go\n")
        gui.stdin.flush()
        read_until("paused")

    imported: list[int] = []
    try:
        assert read_until("dialog ") == "dialog None"
        assert len(acked) == 5
        assert evidence_counts(sat_tool("cases"))[case_id] == base + len(acked)
        imported.append(int(sat_tool("import", str(SAMPLE))))
        resume()
        counts = evidence_counts(sat_tool("cases"))
        assert counts[case_id] == base + len(acked), "another process misses the GUI's acknowledged edits"
        assert imported[0] in counts
        imported.append(int(sat_tool("import", str(SAMPLE))))
        resume()
    finally:
        gui.send_signal(signal.SIGKILL)
        gui.wait(timeout=30)
        watchdog.cancel()
    assert len(acked) == 25

    con = sqlite3.connect(workspace_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    with Workspace.open(workspace_path) as ws:
        texts = {e.text for e in svc.load_case(ws, case_id).evidence}
        summaries = {s.id: s for s in svc.list_cases(ws)}
        sample_title = svc.load_case(ws, case_id).title
    assert [a for a in acked if a not in texts] == []
    assert summaries[case_id].evidence == base + len(acked)
    # each later import of the same case is told apart by its number
    assert [summaries[other].title for other in imported] == [f"{sample_title} (2)",
                                                              f"{sample_title} (3)"]
    for other in imported:
        assert summaries[other].evidence == base
