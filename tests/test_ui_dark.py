"""In a dark theme every text the window colours itself still reads (contrast of 4.5 : 1)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from sat_tool.ui import theme
from sat_tool.ui.models import MatrixModel

from conftest import sample_page


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2B2B2B"), (roles.WindowText, "#E6E6E6"),
                         (roles.Base, "#1E1E1E"), (roles.AlternateBase, "#2A2A2A"),
                         (roles.Text, "#E6E6E6"), (roles.Button, "#353535"),
                         (roles.ButtonText, "#E6E6E6"), (roles.Highlight, "#3D6FB4"),
                         (roles.HighlightedText, "#FFFFFF"), (roles.PlaceholderText, "#9A9A9A")):
        p.setColor(role, QColor(colour))
    return p


@pytest.fixture
def dark(qapp):
    before = QGuiApplication.palette()
    QApplication.setPalette(dark_palette())
    yield
    QApplication.setPalette(before)


def colours_of(sheet: str) -> tuple[QColor | None, QColor | None]:
    ink = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", sheet)
    fill = re.search(r"background:\s*(#[0-9A-Fa-f]{6})", sheet)
    return (QColor(ink.group(1)) if ink else None, QColor(fill.group(1)) if fill else None)


@pytest.mark.parametrize("size", [(1600, 1000)])
def test_styled_text_reads_on_a_dark_theme(qtbot, dark, workspace, size):
    page = sample_page(qtbot, workspace, size)
    win = page.window_
    window = theme.palette().color(QPalette.ColorRole.Window)
    checked = 0
    for panel in (page.scores_panel, page.judgment_panel, page.lines_panel):
        page.show_panel(panel)
    for widget in win.findChildren(QLabel) + win.findChildren(QLineEdit):
        ink, fill = colours_of(widget.styleSheet())
        if ink is None:
            continue
        checked += 1
        assert theme.contrast(ink, fill or window) >= 4.5, (widget.objectName(), widget.styleSheet())
    assert checked >= 5
    # the matrix's what-if and unrated marks, drawn by the model, read on the table's base
    base = theme.palette().color(QPalette.ColorRole.Base)
    for colour in (theme.muted(), theme.accent(), theme.error()):
        assert theme.contrast(QColor(colour), base) >= 4.5
    # quoted passages in a source's text: their ink is set with their fill
    for current in (False, True):
        fill, ink = theme.passage(current)
        assert theme.contrast(ink, fill) >= 4.5
    assert page.model.index(0, MatrixModel.COL_TEXT).data() is not None


def test_the_light_theme_keeps_its_colours_where_they_read(qapp):
    """On the light palette the usual red stays as it is, and the green is darkened only as
    far as it must be to read on the window."""
    assert not theme.is_dark()
    window = theme.palette().color(QPalette.ColorRole.Window)
    assert theme.error() == "#b03020"
    assert theme.contrast(QColor(theme.success()), window) >= 4.5


def test_links_stay_readable_when_a_dark_theme_keeps_dark_blue_links(qapp):
    """A dark palette that keeps the light theme's #0000FF links gets links that read on its
    window and page; a light palette's links are left as they are."""
    from sat_tool.ui import theme
    from sat_tool.ui.application import make_application

    make_application()
    before = QGuiApplication.palette()
    try:
        dark_links = dark_palette()
        for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
            dark_links.setColor(role, QColor("#0000FF"))
        QApplication.setPalette(dark_links)
        qapp.processEvents()
        now = QGuiApplication.palette()
        for role in (QPalette.ColorRole.Link, QPalette.ColorRole.LinkVisited):
            link = now.color(role)
            assert theme.contrast(link, now.color(QPalette.ColorRole.Window)) >= 4.5
            assert theme.contrast(link, now.color(QPalette.ColorRole.Base)) >= 4.5
        light = QPalette(QColor("#EFEFEF"))
        light.setColor(QPalette.ColorRole.Base, QColor("#FFFFFF"))
        light.setColor(QPalette.ColorRole.Link, QColor("#0000FF"))
        QApplication.setPalette(light)
        qapp.processEvents()
        assert QGuiApplication.palette().color(QPalette.ColorRole.Link) == QColor("#0000FF")
    finally:
        QApplication.setPalette(before)
