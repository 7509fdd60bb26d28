"""Zoom: Ctrl+plus, Ctrl+minus and Ctrl+0 scale the matrix's text, and the choice is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from sat_tool.settings import Preferences

CTRL = Qt.KeyboardModifier.ControlModifier


def test_zoom_scales_the_matrix_text_and_is_remembered(qtbot, page):
    win = page.window_
    view = page.view
    base = QGuiApplication.font().pointSizeF()
    height = view.rowHeight(0)
    width = view.columnWidth(page.model.FIRST_HYPOTHESIS)
    qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)
    assert view.font().pointSizeF() == base * 1.3
    assert view.horizontalHeader().font().pointSizeF() == base * 1.3
    assert view.rowHeight(0) > height and view.columnWidth(page.model.FIRST_HYPOTHESIS) > width
    zoomed = view.rowHeight(0)
    assert Preferences.load().zoom == 1.3
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert view.font().pointSizeF() == base * 1.15
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.font().pointSizeF() == base and view.rowHeight(0) < zoomed
    assert view.columnWidth(page.model.FIRST_HYPOTHESIS) == width
    assert Preferences.load().zoom == 1.0
    win.zoom(1)
    # the other matrices follow, and a case opened later starts at the size chosen
    assert all(p.view.zoom == 1.15 for p in win.case_view.pages.values())
    win.zoom(0)
