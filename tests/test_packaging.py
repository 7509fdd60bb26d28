"""The project builds into a wheel that works on its own: sample case, icons, migrations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP = shutil.ignore_patterns(".venv", ".git", "__pycache__", "build", "dist", "*.egg-info",
                              ".pytest_cache", ".hypothesis", ".ruff_cache")


def test_a_built_wheel_installed_alone_opens_the_sample(tmp_path: Path):
    """pip builds a wheel of the project (as pipx and pip install do); installed in a folder of
    its own, away from the source tree, it opens the sample case from inside the package,
    finds its icons and upgrades a new workspace with its own migrations."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=SKIP)
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps",
                            "--no-build-isolation", "--quiet", "-w", str(wheels)],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("sat_tool-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in ("sat_tool/cases/azerbaijan-2012.json", "sat_tool/resources/icons/sat-tool-256.png",
                   "sat_tool/resources/sat-tool.desktop",
                   "sat_tool/resources/io.github.sat_tool.SatTool.metainfo.xml",
                   "sat_tool/store/alembic/env.py"):
        assert wanted in names, wanted
    assert any(n.startswith("sat_tool/store/alembic/versions/0004") for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "sat-tool = sat_tool.cli:run" in zipfile.ZipFile(wheel).read(entry).decode()
    target = tmp_path / "installed"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                              "--target", str(target), str(wheel)],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    script = (
        "import sat_tool, pathlib\n"
        "from importlib.resources import files\n"
        "from sat_tool.services import cases as svc\n"
        "from sat_tool.store import Workspace\n"
        f"assert pathlib.Path(sat_tool.__file__).is_relative_to({str(target)!r}), sat_tool.__file__\n"
        "ws = Workspace.open('w.sqlite')\n"
        "case = svc.load_case(ws, svc.open_sample(ws))\n"
        "print(case.title, len(case.matrices))\n"
        "print((files('sat_tool.resources') / 'icons' / 'sat-tool-48.png').is_file())\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["Azerbaijan's shadow war: Iran, Israel and al-Qaeda 3", "True"]
    cli = subprocess.run([sys.executable, "-m", "sat_tool", "--workspace", "w.sqlite", "cases"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0 and "Azerbaijan's shadow war" in cli.stdout, cli.stderr
