"""File dialogs that never open a file to find out what it is.

SQLite guards a workspace with POSIX advisory locks, and POSIX drops every lock
a process holds on a file as soon as the process closes *any* descriptor of
that file. A file dialog that sniffs content to choose an icon or a type name
(Qt's MIME database does, for files whose name says nothing, such as
``ws.sqlite-wal``) opens and closes the workspace's own files on the GUI thread
and so silently releases SQLite's locks: another process may then checkpoint
and delete the write-ahead log under our feet. These dialogs are Qt's own
(never the platform's, which may sniff in our process too), with an icon
provider that decides from the file's mode alone.

The order of construction matters. ``QFileDialog(parent, caption, directory,
filter)`` already selects the file that ``directory`` names, before the caller
can install a provider, and that selection asks Qt's default provider for the
file's type, which opens the file (a save dialog suggesting the workspace's own
path did exactly that). The same constructor also creates the platform's dialog
helper unless native dialogs are off at that moment. So the dialog is built
bare with native dialogs switched off, gets our provider, and only then is
given its folder, file name and filters.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileIconProvider,
    QMessageBox,
    QStyle,
    QTreeView,
    QWidget,
)

from sat_tool.store.workspace import workspace_file_named


class PlainIconProvider(QFileIconProvider):
    """Icons and type names from ``stat`` alone: a folder, a drive or a file, never content."""

    def icon(self, what):  # type: ignore[override]  # noqa: ANN001, ANN201
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            if what.isDir():
                return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
            return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        if what == QFileIconProvider.IconType.Folder:
            return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        if what in (QFileIconProvider.IconType.Drive, QFileIconProvider.IconType.Computer):
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def type(self, info: QFileInfo) -> str:  # noqa: A003
        # a QFileIconProvider is not a QObject: it has no tr()
        if info.isDir():
            return QCoreApplication.translate("PlainIconProvider", "Folder")
        suffix = info.suffix()
        if suffix:
            return QCoreApplication.translate("PlainIconProvider", "{suffix} file").format(
                suffix=suffix.upper())
        return QCoreApplication.translate("PlainIconProvider", "File")


_PROVIDER: PlainIconProvider | None = None


def _provider() -> PlainIconProvider:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = PlainIconProvider()
    return _PROVIDER


def make_dialog(parent: QWidget | None, title: str, directory: str, filters: str) -> QFileDialog:
    """A Qt file dialog that never reads the files it lists.

    ``directory`` is a folder to show, or a file name (absolute, or relative to
    the current folder) to show its folder with that name filled in, as with
    QFileDialog's own constructor; empty means the folder used last.
    """
    native_off = QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    try:
        dialog = QFileDialog(parent)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    finally:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, native_off)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.setIconProvider(_provider())
    if title:
        dialog.setWindowTitle(title)
    if filters:
        dialog.setNameFilter(filters)
    folder, name = _place(directory)
    if folder:
        dialog.setDirectory(folder)
    if name:
        dialog.selectFile(name)
    dialog.resize(900, 520)
    listing = dialog.findChild(QTreeView, "treeView")
    if listing is not None:  # room for a name, a size and a type to read in full
        for column, width in enumerate((360, 90, 130, 150)):
            listing.header().resizeSection(column, width)
    return dialog


def _place(directory: str) -> tuple[str, str]:
    """(folder to show, file name to fill in) for a folder or file path, from ``stat`` alone."""
    if not directory:
        return "", ""
    path = Path(os.path.abspath(directory))
    if path.is_dir():
        return str(path), ""
    return (str(path.parent) if path.parent.is_dir() else ""), path.name


def ask_open_file(parent: QWidget | None, title: str, filters: str, directory: str = ""
                  ) -> Path | None:
    """Ask for an existing file to read; None when the user cancels."""
    dialog = make_dialog(parent, title, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    while dialog.exec() and dialog.selectedFiles():
        path = Path(dialog.selectedFiles()[0])
        if not _is_workspace_file(parent, path):
            return path
    return None


def ask_save_file(parent: QWidget | None, title: str, suggested: str, filters: str,
                  confirm_overwrite: bool = True, allow_workspace: bool = False
                  ) -> tuple[Path | None, str]:
    """Ask for a file to write; returns (path or None, the chosen filter).

    An open workspace's own files are refused (asked again) unless ``allow_workspace``.
    """
    dialog = make_dialog(parent, title, suggested, filters)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    while dialog.exec() and dialog.selectedFiles():
        path = Path(dialog.selectedFiles()[0])
        if allow_workspace or not _is_workspace_file(parent, path):
            return path, dialog.selectedNameFilter()
    return None, ""


def _is_workspace_file(parent: QWidget | None, path: Path) -> bool:
    """Whether ``path`` is an open workspace's own file; if so, say why it cannot be used."""
    owner = workspace_file_named(path)
    if owner is None:
        return False
    QMessageBox.warning(parent, QCoreApplication.translate("FileDialogs", "Choose another file"),
                        QCoreApplication.translate(
                            "FileDialogs", "{file} holds the open workspace {workspace}, so it "
                            "cannot be read or written as a document. Choose another file.")
                        .format(file=path.name, workspace=owner.name))
    return True
