"""Help: F1 opens the manual, rendered offline from the project's own pages; the quick start
ticks its steps as the analyst does them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from sat_tool.settings import Preferences
from sat_tool.ui.main_window import MainWindow
from sat_tool.ui.manual import ManualDialog, QuickStart, manual_pages


@pytest.fixture
def window(qtbot, workspace):
    """A main window on the start page."""
    win = MainWindow(workspace, Preferences(analyst="Ann Analyst"))
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_manual_holds_every_page_of_the_docs():
    titles = [title for title, _text in manual_pages()]
    assert titles[0] == "SAT Tool"  # the README, from the package's own metadata
    for wanted in ("Files SAT Tool reads and writes", "The case bundle format"):
        assert any(wanted.lower() in t.lower() for t in titles), (wanted, titles)


def test_f1_opens_the_manual_and_its_pages_render(qtbot, page, monkeypatch):
    opened: list[ManualDialog] = []
    monkeypatch.setattr(ManualDialog, "exec", lambda self: opened.append(self) or 0)
    qtbot.keyClick(page.view, Qt.Key.Key_F1)
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert "make run" in dialog.browser.toPlainText()
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    assert dialog.browser.toPlainText().strip()
    assert "#" not in dialog.browser.toPlainText().splitlines()[0]  # headings rendered, not raw
    # a link to another page of the docs turns to that page
    dialog.follow(QUrl("docs/scoring.md"))
    assert dialog.list.currentItem().text() == "Scores"


def test_the_quick_start_ticks_each_step_as_it_is_done(qtbot, window, monkeypatch):
    guide = QuickStart(window, window.open_sample)  # a child of the window, closed with it
    guide.show()
    assert guide.done == [False] * 5
    assert guide.sample_button.isVisible()
    qtbot.mouseClick(guide.sample_button, Qt.MouseButton.LeftButton)
    guide.check()
    assert guide.done[:2] == [True, False]
    assert not guide.sample_button.isVisible()  # its work is done
    assert "<b>✓ 1. Open the sample case</b>" in guide.labels[0].text()
    page = window.case_view.current_matrix_page()
    mat = page.matrix
    page.view.select_cell(mat.rows[0].evidence_id, mat.hypotheses[0].id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_4)
    guide.check()
    assert guide.done[:3] == [True, True, False]
    window.undo_action.trigger()
    guide.check()
    page.show_panel(page.sensitivity_panel)
    guide.check()
    page.show_panel(page.lines_panel)
    guide.check()
    assert guide.done == [True] * 5
    assert "<b>✓ 5. See where the probabilities come from</b>" in guide.labels[4].text()


def test_the_manuals_pictures_come_from_the_package_and_fit_the_page(qtbot):
    """The README's screenshots show in the manual (not as broken-image placeholders), no
    wider than the page."""
    import re

    from PySide6.QtGui import QImage, QTextDocument

    dialog = ManualDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(0)
    names = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", dialog.pages[0][1])
    assert names, "the README shows the application"
    for name in names:
        image = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                            QUrl(name))
        assert isinstance(image, QImage) and not image.isNull(), name
        assert image.width() <= dialog.browser.viewport().width()
