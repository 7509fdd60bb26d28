"""The window's strings go through Qt's translation mechanism: a catalogue translates them
with no change to the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from sat_tool.settings import Preferences
from sat_tool.ui import i18n
from sat_tool.ui.main_window import MainWindow

FRENCH = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>MainWindow</name>
    <message><source>&amp;File</source><translation>&amp;Fichier</translation></message>
    <message><source>&amp;Help</source><translation>&amp;Aide</translation></message>
    <message><source>&amp;Find…</source><translation>&amp;Rechercher…</translation></message>
</context>
</TS>
"""


def test_a_catalogue_translates_the_menus(qtbot, qapp, workspace, tmp_path: Path):
    source = tmp_path / "sat-tool_fr.ts"
    source.write_text(FRENCH, encoding="utf-8")
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert tool is not None
    compiled = tmp_path / "sat-tool_fr.qm"
    subprocess.run([tool, str(source), "-qm", str(compiled)], check=True, capture_output=True)
    before = list(i18n._installed)
    loaded = i18n.install_translations(qapp, QLocale("fr"), extra=compiled)
    try:
        assert "sat-tool_fr.qm" in loaded
        win = MainWindow(workspace, Preferences(analyst="Ann"))
        qtbot.addWidget(win)
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[0] == "&Fichier" and titles[-1] == "&Aide"
        assert win.find_action.text() == "&Rechercher…"
        assert "&Edit" in titles  # what the catalogue leaves out stays English
    finally:
        for translator in i18n._installed[len(before):]:
            QCoreApplication.removeTranslator(translator)
        del i18n._installed[len(before):]


def test_the_catalogue_source_lists_the_window_strings():
    source = (Path(__file__).resolve().parents[1] / "resources" / "translations"
              / "sat-tool.ts").read_text(encoding="utf-8")
    for text in ("&amp;File", "&amp;Find…", "&amp;Quick start", "Zoom &amp;in"):
        assert f"<source>{text}</source>" in source, text
