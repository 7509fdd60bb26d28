"""A translation needs no code change: under a pseudo-translation that marks every string it
is asked for, the window's fixed texts all come out marked.

The pseudo-translator answers every lookup with the source wrapped in ⟦ ⟧, as a translator's
first check of a catalogue would. Whatever the window shows unmarked was never looked up in
a catalogue, so no translation could reach it. Case content (titles, evidence, quotes) and
numbers are the analyst's data and are left as they are.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QMenu,
    QTabBar,
    QTabWidget,
)

from sat_tool.domain import text
from tests.conftest import sample_page

OPEN, CLOSE = "⟦", "⟧"


class PseudoTranslator(QTranslator):
    """Every source text, wrapped in ⟦ ⟧."""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ARG002
        return f"{OPEN}{source}{CLOSE}" if source else source


@pytest.fixture
def pseudo(qapp):
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    text.set_translator(QCoreApplication.translate)
    yield translator
    QCoreApplication.removeTranslator(translator)


KEYS = ("Ctrl", "Shift", "Alt", "Meta", "Del", "Delete", "Enter", "Return", "Esc", "Tab",
        "Space", "Backspace", "Ins", "Home", "End", "PgUp", "PgDown", "Up", "Down", "Left",
        "Right")
SHORTCUT = re.compile(r"\((?:(?:%s)\+)*(?:%s|F\d+|[A-Z0-9=+\-])\)" % ("|".join(KEYS),
                                                                     "|".join(KEYS)))
LABEL = re.compile(r"\b(?:[EHM]\d+|CC|C|N|I|II|NA)\b")
"""An item's, a hypothesis's or a matrix's label (E12, H3, M1), and the rating codes that
analysts type and files store: names, not words."""


def _words(shown: str) -> str:
    """What is left of a text once its marked parts, shortcuts, labels, numbers and
    punctuation are taken out."""
    inner = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", flags=re.S)
    while inner.search(shown):  # a translated sentence may hold translated words: inside out
        shown = inner.sub("", shown)
    shown = SHORTCUT.sub("", LABEL.sub("", shown.replace("&", "")))
    return re.sub(r"[\W\d_]+", "", shown)


def _unmarked(texts: list[tuple[str, str]], data: set[str]) -> list[str]:
    found = []
    for where, shown in texts:
        rest = shown
        for item in sorted(data, key=len, reverse=True):
            if item and item in rest:
                rest = rest.replace(item, "")
        # a title elided to fit ("M1: Who, if anyone, trained…") is still the analyst's
        stem = LABEL.sub("", rest).strip(" :").removesuffix("…")
        if rest.endswith("…") and any(item.startswith(stem) for item in data):
            continue
        if _words(rest):
            found.append(f"{where}: {shown!r}")
    return found


def _menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    out = []
    for action in menu.actions():
        if action.isSeparator() or not action.text():
            continue
        out.append((f"{where} ▸ action", action.text()))
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            out.append((f"{where} ▸ {action.text()} tooltip", action.toolTip()))
        if action.menu() is not None and action.menu() is not menu:
            out.extend(_menu_texts(action.menu(), f"{where} ▸ {action.text()}"))
    return out


def _case_data(page) -> set[str]:  # noqa: ANN001
    case = page.window_.case_view.doc.case
    data = {case.title}
    for matrix in case.matrices:
        data.add(matrix.question)
        data |= {h.title for h in matrix.hypotheses}
    data |= {e.text for e in case.evidence}
    data |= {s.title for s in case.sources}
    return {d for d in data if d}


def test_the_menus_are_looked_up_in_the_catalogue(qtbot, workspace, pseudo):
    page = sample_page(qtbot, workspace)
    win = page.window_
    texts = []
    for action in win.menuBar().actions():
        texts.append(("menu", action.text()))
        texts.extend(_menu_texts(action.menu(), action.text()))
    # the recent workspaces are file paths, not interface
    texts = [(w, t) for w, t in texts if "/" not in t]
    assert _unmarked(texts, _case_data(page)) == []


def test_the_matrix_page_and_its_panels_are_looked_up_in_the_catalogue(qtbot, workspace, pseudo):
    page = sample_page(qtbot, workspace, (1600, 1000))
    data = _case_data(page)
    texts = []
    for button in page.findChildren(QAbstractButton):
        if button.text():
            texts.append((f"button {button.objectName()}", button.text()))
        if button.toolTip():
            texts.append((f"tooltip of {button.text()!r}", button.toolTip()))
    for box in page.findChildren(QGroupBox):
        texts.append(("group", box.title()))
    for tabs in page.findChildren(QTabWidget):
        texts += [("tab", tabs.tabText(i)) for i in range(tabs.count())]
    for combo in page.findChildren(QComboBox):
        texts += [("choice", combo.itemText(i)) for i in range(combo.count())]
    for header in page.findChildren(QHeaderView):
        model = header.model()
        # the matrix's own headings hold the hypotheses' titles: tested on their own below
        if model is None or header.parent() is page.view:
            continue
        orientation = header.orientation()
        count = model.columnCount() if header.orientation().value == 1 else model.rowCount()
        texts += [("heading", str(model.headerData(i, orientation) or ""))
                  for i in range(count)]
    assert _unmarked(texts, data) == []


def test_the_matrix_headings_are_looked_up_in_the_catalogue(qtbot, workspace, pseudo):
    page = sample_page(qtbot, workspace)
    from PySide6.QtCore import Qt

    model = page.model
    fixed = [model.headerData(c, Qt.Orientation.Horizontal)
             for c in range(model.FIRST_HYPOTHESIS)]
    assert _unmarked([("heading", str(f)) for f in fixed], _case_data(page)) == []


def test_the_case_tabs_are_looked_up_in_the_catalogue(qtbot, workspace, pseudo):
    page = sample_page(qtbot, workspace)
    win = page.window_
    bar = win.case_view.tabBar() if isinstance(win.case_view, QTabWidget) else None
    bars = [bar] if bar is not None else win.case_view.findChildren(QTabBar)
    texts = [("case tab", b.tabText(i)) for b in bars for i in range(b.count())]
    assert texts
    assert _unmarked(texts, _case_data(page)) == []


def _dialog_texts(dialog) -> list[tuple[str, str]]:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

    texts = [("title", dialog.windowTitle())]
    texts += [("label", w.text()) for w in dialog.findChildren(QLabel) if w.text()]
    texts += [("button", w.text()) for w in dialog.findChildren(QAbstractButton) if w.text()]
    texts += [("tooltip", w.toolTip()) for w in dialog.findChildren(QAbstractButton)
              if w.toolTip()]
    texts += [("group", w.title()) for w in dialog.findChildren(QGroupBox) if w.title()]
    texts += [("choice", c.itemText(i)) for c in dialog.findChildren(QComboBox)
              for i in range(c.count())]
    texts += [("placeholder", w.placeholderText())
              for w in dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit)
              if w.placeholderText()]
    return texts


def test_the_dialogs_are_looked_up_in_the_catalogue(qtbot, workspace, pseudo):
    from sat_tool.ui import dialogs

    page = sample_page(qtbot, workspace)
    case = page.window_.case_view.doc.case
    matrix = case.matrices[0]
    item = case.evidence[0]
    hypothesis = matrix.hypotheses[0]
    made = [
        dialogs.EvidenceDialog(case, None, None, page),
        dialogs.EvidenceDialog(case, item, None, page),
        dialogs.HypothesisDialog(None, page),
        dialogs.HypothesisDialog(hypothesis, page),
        dialogs.SourceDialog(None, page),
        dialogs.MatrixDialog(parent=page),
        dialogs.CellDialog(item, hypothesis, None, "", page),
        dialogs.PreferencesDialog("Ann", page),
        dialogs.OutcomeDialog(matrix.hypotheses, page),
    ]
    data = _case_data(page) | {"Ann"}
    found = []
    for dialog in made:
        found += [f"{type(dialog).__name__} {line}"
                  for line in _unmarked(_dialog_texts(dialog), data)]
        dialog.deleteLater()
    assert found == []
