"""Creating the QApplication and the main window."""

from __future__ import annotations

import os
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from sat_tool import __version__
from sat_tool.errors import describe, setup_logging
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
    app.setWindowIcon(app_icon())
    from sat_tool.ui.i18n import install_translations

    install_translations(app)
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "SAT Tool"))
    QGuiApplication.setDesktopFileName("sat-tool")
    _keep_links_readable(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def fix_link_colours() -> None:
    """Move the application palette's link colours until they read (a no-op when they do)."""
    from sat_tool.ui import theme

    changed = theme.with_readable_links(QGuiApplication.palette())
    if changed is not None:
        QApplication.setPalette(changed)


def _keep_links_readable(app: QApplication) -> None:
    """Fix the link colours now and whenever the palette changes (a signal, not an event
    filter, which would cost a Python call on every event of the application)."""
    if not getattr(app, "_watching_links", False):
        app.paletteChanged.connect(lambda _palette: fix_link_colours())
        app._watching_links = True  # type: ignore[attr-defined]
    fix_link_colours()


def app_icon() -> QIcon:
    """SAT Tool's icon in every size it ships in (resources/icons, inside the package)."""
    from importlib.resources import as_file, files

    icon = QIcon()
    folder = files("sat_tool.resources") / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with as_file(folder / f"sat-tool-{size}.png") as path:
            icon.addFile(str(path), QSize(size, size))
    return icon


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


_reporting = False


def report_unhandled(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """The last word on an exception no slot caught: logged, and told to the user in one sentence.

    Qt calls slots from its event loop, where an exception would otherwise only be
    printed to a terminal the user never sees, and the click would seem to do nothing.
    """
    global _reporting
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    sentence = describe(exc)
    if _reporting or QApplication.instance() is None:
        print(f"sat-tool: {sentence}", file=sys.stderr)
        return
    _reporting = True
    try:
        QMessageBox.critical(QApplication.activeWindow(),
                             QCoreApplication.translate("Application", "Something went wrong"),
                             sentence)
    finally:
        _reporting = False


def run(location: str | None = None) -> int:
    """Show the main window until the user quits; returns the exit status."""
    setup_logging()
    app = make_application()
    sys.excepthook = report_unhandled
    try:
        workspace = open_workspace(location)
    except WorkspaceError as exc:
        print(f"sat-tool: {exc}", file=sys.stderr)
        QMessageBox.critical(None, QCoreApplication.translate("Application",
                                                              "Cannot open the workspace"), str(exc))
        return 2
    except Exception as exc:  # noqa: BLE001 - damaged, busy or unreadable: one sentence
        sentence = describe(exc, QCoreApplication.translate("Application", "Opening the workspace"))
        print(f"sat-tool: {sentence}", file=sys.stderr)
        QMessageBox.critical(None, QCoreApplication.translate("Application",
                                                              "Cannot open the workspace"), sentence)
        return 2
    window = MainWindow(workspace, Preferences.load())
    window.remember_workspace(workspace.location)
    window.show()
    window.restore_session()
    window.tell_notice()
    return app.exec()
