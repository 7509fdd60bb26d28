"""Help ▸ Keyboard shortcuts lists every shortcut; the matrix page's keys are in the menu too."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from sat_tool.ui.dialogs import ShortcutsDialog


def keys_of(action: QAction) -> set[str]:
    return {k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()}


def test_every_shortcut_of_the_window_and_the_page_is_listed(qtbot, page):
    win = page.window_
    listed = {keys for _where, _what, line in win.shortcuts() for keys in line.split(", ")}
    actions = [*win.findChildren(QAction), *page.findChildren(QAction)]
    with_keys = [a for a in actions if a.shortcuts()]
    assert len(with_keys) >= 15
    for action in with_keys:
        assert keys_of(action) <= listed, action.text()
    for keys in ("Ctrl+C", "Ctrl+V", "Ctrl+F", "Ctrl+Shift+H", "Ctrl+Shift+E", "Ctrl+0"):
        assert keys in listed, keys


def test_the_page_keys_are_named_in_the_matrix_menu_and_work_from_it(qtbot, page, monkeypatch):
    win = page.window_
    texts = [a.text() for a in win.page_menu_actions]
    assert "Add &hypothesis…\tCtrl+Shift+H" in texts and "Add &evidence…\tCtrl+Shift+E" in texts
    side = next(a for a in win.page_menu_actions if "side" in a.text())
    side.trigger()
    assert page.view.transposed


def test_tooltips_show_the_shortcut(page):
    assert page.actions_by_name["add_hypothesis"].toolTip() == "Hypothesis (Ctrl+Shift+H)"
    assert "(Ctrl+Shift+T)" in page.actions_by_name["transposed"].toolTip()


def test_the_dialog_filters_its_table(qtbot, page):
    dialog = ShortcutsDialog(page.window_.shortcuts())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.filter, "paste")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert shown and all("paste" in dialog.table.item(r, 1).text().lower() for r in shown)
