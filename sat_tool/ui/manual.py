"""Help inside the application: the manual (F1) and the quick start.

The manual is the project's own documentation, rendered from its Markdown: the README
(from the package's metadata, so that an installed copy has it too) and every page of
docs/, which ships inside the package as ``sat_tool.manual``. Nothing is fetched.

The quick start walks a new analyst through the sample in a few steps, each ticked as the
analyst does it in the window.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import metadata
from importlib.resources import files

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sat_tool.ui import theme
from sat_tool.ui.commands import SetCellsCommand


def manual_pages() -> list[tuple[str, str]]:
    """(title, Markdown) of each page of the manual: the README first, then docs/."""
    return [(title, text) for title, text, _name in _pages()]


def _pages() -> list[tuple[str, str, str]]:
    pages = []
    try:
        readme = metadata.metadata("sat-tool").get_payload()  # type: ignore[attr-defined]
    except metadata.PackageNotFoundError:
        readme = ""
    if readme:
        pages.append(("SAT Tool", str(readme), "README.md"))
    folder = files("sat_tool.manual")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".md"):
            text = entry.read_text(encoding="utf-8")
            heading = re.search(r"^#\s+(.+)$", text, re.M)
            pages.append((heading.group(1).strip() if heading else entry.name[:-3], text,
                          entry.name))
    return pages


class ManualBrowser(QTextBrowser):
    """A page of the manual: its pictures (``docs/screenshots/…`` in the README, as on the
    project's page) are read from the package and scaled down to the width of the page."""

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: N802 - Qt's name
        if kind == QTextDocument.ResourceType.ImageResource.value:
            name = (url.toString() if isinstance(url, QUrl) else str(url)).rsplit("/", 1)[-1]
            try:
                data = (files("sat_tool.manual") / "screenshots" / name).read_bytes()
            except (OSError, ValueError):
                data = b""
            image = QImage.fromData(data) if data else QImage()
            if not image.isNull():
                room = max(200, self.viewport().width() - 40)
                if image.width() > room:
                    image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
                return image
        return super().loadResource(kind, url)


class ManualDialog(QDialog):
    """The manual: its pages on the left, the page chosen on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SAT Tool manual"))
        found = _pages()
        self.pages = [(title, text) for title, text, _name in found]
        self.names = [name for _title, _text, name in found]
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Pages"))
        for title, _text in self.pages:
            self.list.addItem(QListWidgetItem(title))
        self.browser = ManualBrowser(self)
        self.browser.setOpenLinks(False)  # a link to another page turns to it; the web opens
        self.browser.anchorClicked.connect(self.follow)
        self.browser.setAccessibleName(self.tr("Page"))
        self.list.currentRowChanged.connect(self.show_page)
        split = QSplitter(self)
        split.addWidget(self.list)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 4)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(1000, 720)
        if self.pages:
            self.list.setCurrentRow(0)

    def show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.browser.setMarkdown(self.pages[row][1])

    def follow(self, url: QUrl) -> None:
        """A link: to another page of the manual (docs/x.md), or out to the web."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        name = url.path().rsplit("/", 1)[-1]
        if name in self.names:
            self.list.setCurrentRow(self.names.index(name))

    def find_page(self, title: str) -> None:
        for row, (name, _text) in enumerate(self.pages):
            if name == title:
                self.list.setCurrentRow(row)


class QuickStart(QDialog):
    """Five steps through the sample, each ticked when the analyst has done it."""

    STEPS = (
        (QT_TRANSLATE_NOOP("QuickStart", "Open the sample case"),
         QT_TRANSLATE_NOOP("QuickStart", "File ▸ Open the sample case, or the button below.")),
        (QT_TRANSLATE_NOOP("QuickStart", "Rate a cell"),
         QT_TRANSLATE_NOOP("QuickStart", "In M1, click a rating cell and press a key: 4 rates it I "
                           "(inconsistent), 2 rates it C. Watch the hypothesis's score in its "
                           "header change.")),
        (QT_TRANSLATE_NOOP("QuickStart", "Undo it"),
         QT_TRANSLATE_NOOP("QuickStart", "Press Ctrl+Z: the rating goes back, in the workspace "
                           "too.")),
        (QT_TRANSLATE_NOOP("QuickStart", "See what the ranking rests on"),
         QT_TRANSLATE_NOOP("QuickStart", "Open the Sensitivity tab on the right: the linchpin items "
                           "and the fewest re-ratings that would change the leader.")),
        (QT_TRANSLATE_NOOP("QuickStart", "See where the probabilities come from"),
         QT_TRANSLATE_NOOP("QuickStart", "Open the By source tab: how much each source moves the "
                           "leading hypothesis.")),
    )
    """Each step's title and how to do it (translated where they are shown)."""

    def __init__(self, window: QWidget, open_sample: Callable[[], None]) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Quick start"))
        self.window_ = window
        self.done: list[bool] = [False] * len(self.STEPS)
        self._rated_at: int | None = None
        intro = QLabel(self.tr("Two minutes through the prebuilt case. Each step is ticked as you "
                               "do it in the window; this box can stay open beside it."))
        intro.setWordWrap(True)
        self.labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for title, how in self.STEPS:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.labels.append(label)
            layout.addWidget(label)
        row = QHBoxLayout()
        self.sample_button = QPushButton(self.tr("Open the sample case"))
        self.sample_button.clicked.connect(open_sample)
        row.addWidget(self.sample_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addLayout(row)
        self.setModal(False)
        self.resize(520, 420)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()

    def check(self) -> None:
        """Tick what the analyst has done so far, in order."""
        window = self.window_
        document = getattr(window, "document", None)
        view = getattr(window, "case_view", None)
        page = view.current_matrix_page() if view is not None else None
        stack = document.undo_stack if document is not None else None
        states = [document is not None and document.case.matrices != []]
        if stack is not None and self._rated_at is None:
            for index in range(stack.index()):
                if _is_rating(stack.command(index)):
                    self._rated_at = index
        states.append(self._rated_at is not None)
        states.append(self._rated_at is not None and stack is not None
                      and stack.index() <= self._rated_at)
        current = page.tabs.currentWidget() if page is not None else None
        for panel in ("sensitivity_panel", "lines_panel"):
            shown = page is not None and current is not None and \
                current.widget() is getattr(page, panel, None) if hasattr(current, "widget") else False
            states.append(bool(shown))
        for step, now in enumerate(states):
            if now and all(self.done[:step]):
                self.done[step] = True
        for step, ((title, how), label) in enumerate(zip(self.STEPS, self.labels)):
            mark = f"✓ {step + 1}." if self.done[step] else f"{step + 1}."
            style = f"color: {theme.muted()};" if self.done[step] else ""
            label.setText(_step_html(style, mark, QCoreApplication.translate("QuickStart", title),
                                     QCoreApplication.translate("QuickStart", how)))
        # Once the sample is open its button has done its work.
        self.sample_button.setVisible(not self.done[0])


def _step_html(style: str, mark: str, title: str, how: str) -> str:
    """A step of the quick start as rich text: its mark and title in bold, then how to do it."""
    return f"<span style='{style}'><b>{mark} {title}</b><br>{how}</span>"


def _is_rating(command: object) -> bool:
    """Whether an undo command rates cells (known by its kind, not by its text, which may be
    translated)."""
    return isinstance(command, SetCellsCommand) and command.rating is not None
