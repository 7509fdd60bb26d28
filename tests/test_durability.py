"""A kill in the middle of editing loses nothing that was acknowledged."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import ROOT, SAMPLE

CHILD = textwrap.dedent("""
    import sys
    from sat_tool.domain import Rating
    from sat_tool.services.editor import CaseEditor
    from sat_tool.store import Workspace

    ws = Workspace.open(sys.argv[1])
    ed = CaseEditor.open(ws, int(sys.argv[2]), "child")
    mat = ed.case.matrices[0]
    ratings = list(Rating)
    for i in range(100000):
        item = ed.add_evidence(f"edit {i}", mat.id)
        ed.rate(mat.id, (item.id, mat.hypotheses[i % len(mat.hypotheses)].id), ratings[i % 6])
        print(f"ack {i}", flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_stream_keeps_every_acknowledged_edit(workspace_path: Path):
    """SIGKILL during a stream of edits: the workspace is intact and holds every acknowledged edit."""
    with Workspace.open(workspace_path) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(workspace_path), str(case_id)],
                             stdout=subprocess.PIPE, text=True, env=env)
    acknowledged = -1
    assert child.stdout is not None
    for line in child.stdout:
        acknowledged = int(line.split()[1])
        if acknowledged >= 60:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert acknowledged >= 60
    con = sqlite3.connect(workspace_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    with Workspace.open(workspace_path) as ws:
        case = svc.load_case(ws, case_id)
    texts = {e.text for e in case.evidence}
    mat = case.matrices[0]
    for i in range(acknowledged + 1):
        assert f"edit {i}" in texts
    rated = {case.evidence_item(e).text for e, _ in mat.ratings}
    assert all(f"edit {i}" in rated for i in range(acknowledged + 1))
