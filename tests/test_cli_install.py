"""The commands an installed copy needs: the sample without the source tree, the menus."""

from __future__ import annotations

from pathlib import Path

from sat_tool.cli import main
from sat_tool.services import cases as svc
from sat_tool.store import Workspace


def test_sample_puts_the_prebuilt_case_in_the_workspace_once(capsys, tmp_path: Path):
    path = tmp_path / "ws.sqlite"
    assert main(["--workspace", str(path), "sample"]) == 0
    first = capsys.readouterr().out.strip()
    assert main(["--workspace", str(path), "sample"]) == 0
    assert capsys.readouterr().out.strip() == first
    with Workspace.open(path) as ws:
        (summary,) = svc.list_cases(ws)
    assert summary.title == "Azerbaijan's shadow war: Iran, Israel and al-Qaeda"


def test_install_desktop_puts_the_menu_entry_icons_and_metadata_in_place(capsys, tmp_path: Path):
    assert main(["install-desktop", "--data-home", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Added SAT Tool to the desktop's menus: 11 files under")
    desktop = (tmp_path / "applications" / "sat-tool.desktop").read_text()
    exec_line = next(line for line in desktop.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" gui") and Path(exec_line[5:-4]).is_absolute()
    assert (tmp_path / "icons" / "hicolor" / "48x48" / "apps" / "sat-tool.png").read_bytes()[:4] \
        == b"\x89PNG"
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "sat-tool.svg").is_file()
    assert (tmp_path / "metainfo" / "io.github.sat_tool.SatTool.metainfo.xml").is_file()
