"""Every string a person reads goes through the translation mechanism.

A static reading of the sources: a text handed straight to a widget, an action, a dialog or
an error that the user sees, as a literal or an f-string, is a string no catalogue can
translate. Each must come from ``self.tr``, ``QCoreApplication.translate`` or the domain's
``translate`` hook instead (see sat_tool/domain/text.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sat_tool"

SHOWN = {
    # widgets and items
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setTitle",
    "setPlaceholderText", "setLabelText", "setPrefix", "setSuffix", "setSpecialValueText",
    "setHorizontalHeaderLabels", "setHeaderLabels", "setHeaderLabel", "setTabText",
    "setTabToolTip", "setItemText", "setInformativeText", "setDetailedText", "setButtonText",
    "setCancelButtonText", "setOkButtonText", "setWindowIconText", "setAccessibleName",
    "setAccessibleDescription",
    # things made with a text
    "addTab", "insertTab", "addItem", "insertItem", "addItems", "addMenu", "addAction",
    "addButton", "addRow", "showMessage", "addSection", "addSeparator",
    # dialogs
    "information", "warning", "critical", "question", "about", "getText", "getItem",
    "getInt", "getDouble", "getOpenFileName", "getSaveFileName", "getExistingDirectory",
    "getOpenFileNames",
}
WIDGETS = {"QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox",
           "QAction", "QMenu", "QMessageBox", "QTreeWidgetItem", "QListWidgetItem",
           "QTableWidgetItem", "QStandardItem", "QCommandLinkButton"}
ERRORS = {"UserError", "InvalidEdit", "EditConflict", "CaseNotFound", "DamagedSnapshot",
          "ReadOnlyWorkspace", "WorkspaceError", "NeedsUpgrade", "BundleError", "ParcError",
          "SourceFileError", "WorkbookError", "ExportedWorkbook", "CaseFileError", "DamagedValue"}

WORDS = 2
"""A literal of fewer letters than this (a separator, "%", "·") is not a sentence."""


def _literal_text(node: ast.AST) -> str | None:
    """The text of a literal or f-string argument that a person would read, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values
                       if isinstance(v, ast.Constant) and isinstance(v.value, str))
    else:
        return None
    return text if sum(c.isalpha() for c in text) >= WORDS else None


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _logs(func: ast.AST) -> bool:
    """A call on a logger (``LOG.warning(…)``): for the log file, not for a person."""
    return (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and func.value.id.lower() in {"log", "logger", "logging", "_log", "_logger"})


def untranslated(path: Path, calls: set[str]) -> list[str]:
    """Each call in ``path`` to one of ``calls`` with a literal text, as 'file:line text'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _name(node.func) not in calls or _logs(node.func):
            continue
        for arg in [*node.args, *(k.value for k in node.keywords
                                   if k.arg in {"text", "title", "toolTip", "message"})]:
            items = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
            for item in items:
                text = _literal_text(item)
                if text is not None:
                    where = (path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE)
                             else path.name)
                    found.append(f"{where}:{node.lineno} {text!r}")
    return found


UI_FILES = sorted((PACKAGE / "ui").glob("*.py"))
OTHER_FILES = sorted(p for p in PACKAGE.rglob("*.py")
                     if "ui" not in p.relative_to(PACKAGE).parts[:1]
                     and "migrations" not in p.parts and p.name != "cli.py")


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.name)
def test_the_window_shows_no_text_that_a_catalogue_cannot_translate(path: Path):
    assert untranslated(path, SHOWN | WIDGETS | ERRORS) == []


@pytest.mark.parametrize("path", OTHER_FILES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_errors_for_the_user_are_translatable(path: Path):
    assert untranslated(path, ERRORS) == []


def test_the_check_finds_an_untranslated_text(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text('label = QLabel("Rank by")\nlabel.setToolTip(f"{n} items left")\n'
                      'ok = QLabel(self.tr("Rank by"))\nbox.addItems([self.tr("A b"), "Cd ef"])\n'
                      'raise UserError(f"row {row}: no text")\nsep = QLabel("·")\n'
                      'LOG.warning("could not reload")\n')
    found = untranslated(sample, SHOWN | WIDGETS | ERRORS)
    assert [line.split(" ", 1)[1] for line in found] == [
        "'Rank by'", "' items left'", "'Cd ef'", "'row : no text'"]
