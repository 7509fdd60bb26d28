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
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QStyle, QWidget


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
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


_PROVIDER: PlainIconProvider | None = None


def _provider() -> PlainIconProvider:
    global _PROVIDER
    if _PROVIDER is None:
        _PROVIDER = PlainIconProvider()
    return _PROVIDER


def make_dialog(parent: QWidget | None, title: str, directory: str, filters: str) -> QFileDialog:
    """A Qt file dialog that never reads the files it lists."""
    dialog = QFileDialog(parent, title, directory, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    dialog.setIconProvider(_provider())
    return dialog


def ask_open_file(parent: QWidget | None, title: str, filters: str, directory: str = ""
                  ) -> Path | None:
    """Ask for an existing file to read; None when the user cancels."""
    dialog = make_dialog(parent, title, directory, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    if dialog.exec() and dialog.selectedFiles():
        return Path(dialog.selectedFiles()[0])
    return None


def ask_save_file(parent: QWidget | None, title: str, suggested: str, filters: str,
                  confirm_overwrite: bool = True) -> tuple[Path | None, str]:
    """Ask for a file to write; returns (path or None, the chosen filter)."""
    dialog = make_dialog(parent, title, suggested, filters)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, not confirm_overwrite)
    if dialog.exec() and dialog.selectedFiles():
        return Path(dialog.selectedFiles()[0]), dialog.selectedNameFilter()
    return None, ""
