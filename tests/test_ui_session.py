"""The window remembers: its size, the open case with its tab, splitter and panel, and the
workspaces opened before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui.main_window import MainWindow


def window(qtbot, path: Path) -> MainWindow:
    win = MainWindow(Workspace.open(path), Preferences(analyst="Ann"))
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_new_window_reopens_the_case_as_it_was_left(qtbot, tmp_path: Path):
    QSettings().clear()
    path = tmp_path / "ws.sqlite"
    first = window(qtbot, path)
    first.resize(780, 560)  # within the offscreen screen, which restoring keeps to
    left = (first.size().width(), first.size().height())
    first.start_page.sample_button.click()
    view = first.case_view
    view.setCurrentIndex(1)  # the second matrix
    page = view.current_matrix_page()
    page.tabs.setCurrentIndex(3)
    page.splitter.setSizes([700, 500])
    sizes = page.splitter.sizes()
    case_id = first.document.case.id
    first.close()

    second = window(qtbot, path)
    second.restore_session()
    assert second.document is not None and second.document.case.id == case_id
    assert (second.size().width(), second.size().height()) == left
    assert second.case_view.currentIndex() == 1
    again = second.case_view.current_matrix_page()
    assert again.tabs.currentIndex() == 3
    assert again.splitter.sizes() == sizes
    second.show_start_page()  # the analyst closes the case: the next start shows the list
    second.close()
    third = window(qtbot, path)
    third.restore_session()
    assert third.document is None
    third.close()


def test_recent_workspaces_are_listed_and_reopened(qtbot, tmp_path: Path):
    QSettings().clear()
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    win = window(qtbot, one)
    win.remember_workspace(one)
    assert win.switch_workspace(two)
    assert win.recent_workspaces() == [one]
    win.recent_menu.aboutToShow.emit()
    entries = [a for a in win.recent_menu.actions() if a.isEnabled()]
    assert [a.text() for a in entries] == [f"&1 one.sqlite  ({tmp_path})"]
    entries[0].trigger()
    assert win.workspace.path == one
    assert win.recent_workspaces() == [two]
    win.close()
