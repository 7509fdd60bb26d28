"""Creating the QApplication and the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from sat_tool import __version__
from sat_tool.settings import Preferences
from sat_tool.store import Workspace, WorkspaceError
from sat_tool.store.workspace import ENV_WORKSPACE
from sat_tool.ui.main_window import MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    """The application object, created once."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("SAT Tool")
    QCoreApplication.setApplicationName("sat-tool")
    QCoreApplication.setApplicationVersion(__version__)
    app.setApplicationDisplayName("SAT Tool")
    return app  # type: ignore[return-value]


def open_workspace(location: str | None) -> Workspace:
    """The workspace given, else the last one used, else the default."""
    if location is None and not os.environ.get(ENV_WORKSPACE):
        remembered = QSettings().value("workspace")
        if remembered:
            try:
                return Workspace.open(str(remembered))
            except WorkspaceError:
                pass  # fall back to the default below
    return Workspace.open(location)


def run(location: str | None = None) -> int:
    """Show the main window until the user quits; returns the exit status."""
    app = make_application()
    try:
        workspace = open_workspace(location)
    except WorkspaceError as exc:
        print(f"sat-tool: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "Cannot open the workspace", str(exc))
        return 2
    window = MainWindow(workspace, Preferences.load())
    window.show()
    return app.exec()
