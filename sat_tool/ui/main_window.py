"""The main window: the start page or an open case, the menus, and file operations."""

from __future__ import annotations

import re

import copy
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from sat_tool import __version__
from sat_tool.domain.changes import Kind
from sat_tool.domain.model import CaseId, describe_damage
from sat_tool.errors import describe
from sat_tool.formats.bundle import BundleError
from sat_tool.services import cases as svc
from sat_tool.services.editor import CaseEditor
from sat_tool.settings import Preferences
from sat_tool.store import CaseNotFound, Workspace, WorkspaceError
from sat_tool.ui import commands as cmd
from sat_tool.ui.calibration import CalibrationDialog
from sat_tool.ui.case_view import CaseView
from sat_tool.ui.dialogs import PreferencesDialog
from sat_tool.ui.document import CaseDocument
from sat_tool.ui.file_dialogs import ask_open_file, ask_save_file
from sat_tool.ui.progress import run_with_progress
from sat_tool.ui.start_page import StartPage

APP_TITLE = QT_TRANSLATE_NOOP("MainWindow", "SAT Tool")
"""The window's title (translated where it is shown)."""
WATCH_INTERVAL_MS = 250
"""How often a window looks for changes that other windows and programs committed."""


class MainWindow(QMainWindow):
    """One window on one workspace, showing at most one case at a time."""

    def __init__(self, workspace: Workspace, preferences: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.preferences = preferences
        self.statusBar()  # made now, so that it is shown with the window
        self.notice: QWidget | None = None
        """The status bar's notice of a deletion, with its Undo button (made when first needed)."""
        self.document: CaseDocument | None = None
        self._case_level = "write"
        """What may be done with the open case: "write", or "read" (shared to read only)."""
        self.case_view: CaseView | None = None
        self.stack = QStackedWidget(self)
        self.start_page = StartPage(self)
        self.stack.addWidget(self.start_page)
        self.setCentralWidget(self.stack)
        self._connect_start_page()
        self._build_menus()
        self.resize(1400, 900)
        self.watcher = workspace.watcher()
        self._look_again = False
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self.look_for_changes)
        self.watch_timer.start()
        self.show_start_page()

    # ---------------------------------------------------------- other processes

    def look_for_changes(self) -> None:
        """Show what other windows and programs have committed to the workspace since the last look.

        A look that could not read the workspace is repeated at the next tick, so a busy
        moment never leaves the window behind.
        """
        if not self.watcher.changed() and not self._look_again:
            return
        self._look_again = False
        if self.document is not None:
            self._look_again = not self.document.sync()
        elif self.stack.currentWidget() is self.start_page:
            self._look_again = not self._list_cases()

    def _list_cases(self) -> bool:
        try:
            cases = svc.list_cases(self.workspace)
        except Exception as exc:  # noqa: BLE001 - a moment the file cannot be read: say so
            self.statusBar().showMessage(describe(exc, self.tr("Listing the cases")), 8000)
            return False
        self.start_page.show_cases(cases, self.workspace.location)
        return True

    def _case_gone(self, message: str) -> None:
        self.show_start_page()
        self.show_error(self.tr("The case is gone"), f"{message[:1].upper()}{message[1:]}.")

    # ---------------------------------------------------------- menus

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None
                ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_case_action = self._action(self.tr("&New case…"), self.new_case,
                                            QKeySequence.StandardKey.New)
        self.open_sample_action = self._action(self.tr("Open the &sample case"), self.open_sample)
        self.import_action = self._action(self.tr("&Import…"), self.import_bundle, "Ctrl+I")
        self.import_action.setToolTip(self.tr("A case bundle (.json), an Excel workbook (.xlsx) "
                                              "or a PARC ACH project (.achz)"))
        self.export_xlsx_action = self._action(self.tr("Excel workbook (.xlsx)…"),
                                               lambda: self.export("xlsx"), "Ctrl+E")
        self.export_json_action = self._action(self.tr("Case bundle (.json)…"), lambda: self.export("json"))
        self.export_achz_action = self._action(self.tr("PARC ACH project of this matrix (.achz)…"),
                                               lambda: self.export("achz", one_matrix=True))
        self.export_csv_action = self._action(self.tr("CSV of this matrix (.csv)…"),
                                              lambda: self.export("csv", one_matrix=True))
        self.report_pdf_action = self._action(self.tr("Report of the case (PDF)…"),
                                              lambda: self.export("pdf"))
        self.report_html_action = self._action(self.tr("Report of the case (HTML)…"),
                                               lambda: self.export("html"))
        self.matrix_pdf_action = self._action(self.tr("Report of this matrix (PDF)…"),
                                              lambda: self.export("pdf", one_matrix=True))
        self.matrix_html_action = self._action(self.tr("Report of this matrix (HTML)…"),
                                               lambda: self.export("html", one_matrix=True))
        self.export_actions = (self.export_xlsx_action, self.export_json_action,
                               self.export_achz_action, self.export_csv_action,
                               self.report_pdf_action, self.report_html_action,
                               self.matrix_pdf_action, self.matrix_html_action)
        self.print_action = self._action(self.tr("&Print this matrix…"), lambda: self.print_matrix(False),
                                         QKeySequence.StandardKey.Print)
        self.print_preview_action = self._action(self.tr("Print pre&view…"), lambda: self.print_matrix(True),
                                                 "Ctrl+Shift+P")
        self.open_workspace_action = self._action(self.tr("Open &workspace…"), self.choose_workspace)
        self.connect_action = self._action(self.tr("Connect to a &team server…"),
                                           self.connect_to_server)
        self.close_case_action = self._action(self.tr("&Close case"), self.show_start_page,
                                              QKeySequence.StandardKey.Close)
        self.delete_case_action = self._action(self.tr("&Delete case…"), self.delete_case)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        for action in (self.new_case_action, self.open_sample_action, self.import_action, None):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent workspaces"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        for position, action in enumerate(self.export_actions):
            if position in (2, 4):
                self.export_menu.addSeparator()
            self.export_menu.addAction(action)
        for action in (None, self.print_action, self.print_preview_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        for action in (None, self.open_workspace_action, self.connect_action, self.close_case_action,
                       self.delete_case_action, None, quit_action):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(self.tr("&Find…"), self._on_case(CaseView.find),
                                        QKeySequence.StandardKey.Find)
        self.find_action.setToolTip(self.tr("Find in the matrix, the evidence or the sources "
                                            "shown (Ctrl+F)"))
        self.rename_case_action = self._action(self.tr("Rename &case…"), self.rename_case)
        preferences = self._action(self.tr("&Preferences…"), self.edit_preferences,
                                   QKeySequence.StandardKey.Preferences)
        for action in (self.undo_action, self.redo_action, None, self.find_action, None,
                       self.rename_case_action, preferences):
            self.edit_menu.addSeparator() if action is None else self.edit_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        self.zoom_in_action = self._action(self.tr("Zoom &in"), lambda: self.zoom(1))
        self.zoom_in_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn),
                                          QKeySequence("Ctrl+=")])
        self.zoom_out_action = self._action(self.tr("Zoom &out"), lambda: self.zoom(-1),
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset_action = self._action(self.tr("&Actual size"), lambda: self.zoom(0), "Ctrl+0")
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)

        matrix_menu = bar.addMenu(self.tr("&Matrix"))
        self.add_matrix_action = self._action(self.tr("&New matrix…"), self._on_case(CaseView.add_matrix),
                                              "Ctrl+Shift+M")
        self.delete_matrix_action = self._action(self.tr("&Delete matrix…"),
                                                 self._on_case(CaseView.delete_current_matrix))
        self.edit_matrix_action = self._action(self.tr("&Question && conclusions…"),
                                               self._on_page("edit_matrix"), "Ctrl+Shift+Q")
        matrix_menu.addAction(self.add_matrix_action)
        matrix_menu.addAction(self.edit_matrix_action)
        matrix_menu.addAction(self.delete_matrix_action)
        matrix_menu.addSeparator()
        # The matrix page owns these keys (they act on the matrix shown); the menu names them.
        self.page_menu_actions = []
        for name, text in (("add_hypothesis", self.tr("Add &hypothesis…\tCtrl+Shift+H")),
                           ("add_evidence", self.tr("Add &evidence…\tCtrl+Shift+E")),
                           ("include_evidence", self.tr("&Include evidence…")),
                           ("transposed", self.tr("Hypotheses down the &side\tCtrl+Shift+T")),
                           ("blind", self.tr("Rate &blind"))):
            action = self._action(text, self._page_action(name))
            matrix_menu.addAction(action)
            self.page_menu_actions.append(action)

        analysis_menu = bar.addMenu(self.tr("&Analysis"))
        self.calibration_action = self._action(self.tr("&Calibration…"), self.show_calibration)
        self.calibration_action.setToolTip(self.tr("Brier scores and calibration of the "
                                                   "analyst's probabilities and the tool's across "
                                                   "closed matrices"))
        analysis_menu.addAction(self.calibration_action)
        self.rate_as_menu = analysis_menu.addMenu(self.tr("Rate &as"))
        self.rate_as_menu.setToolTipsVisible(True)
        self.rate_as_menu.aboutToShow.connect(self._fill_rate_as)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.manual_action = self._action(self.tr("&Manual"), self.show_manual,
                                          QKeySequence.StandardKey.HelpContents)
        help_menu.addAction(self.manual_action)
        help_menu.addAction(self._action(self.tr("&Quick start"), self.show_quick_start))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                         "Ctrl+/"))
        help_menu.addAction(self._action(self.tr("&Rating keys"), self.show_keys))
        help_menu.addAction(self._action(self.tr("&About SAT Tool"), self.show_about))
        self._update_actions()

    def _fill_rate_as(self) -> None:
        """The analysts a case can be rated as: its own, yourself, or someone new."""
        menu = self.rate_as_menu
        menu.clear()
        if self.document is None:
            menu.addAction(self.tr("Open a case first")).setEnabled(False)
            return
        case = self.document.case
        if self.workspace.analyst is not None:  # on a team server: the analyst the login is
            mine = menu.addAction(self.tr("{name} (your login)").format(
                name=self.workspace.analyst.name))
            mine.setCheckable(True)
            mine.setChecked(True)
            mine.setEnabled(False)
            return
        for analyst in case.analysts:
            action = menu.addAction(analyst.name)
            action.setCheckable(True)
            action.setChecked(analyst.id == case.analyst)
            action.triggered.connect(lambda _on=False, a=analyst: self.rate_as(a))
        me = self.preferences.analyst
        menu.addSeparator()
        if all(a.name.casefold() != me.casefold() for a in case.analysts):
            mine = menu.addAction(self.tr("Myself ({name}), from a blank matrix").format(name=me))
            mine.triggered.connect(lambda _on=False: self.rate_as(me))
        other = menu.addAction(self.tr("Someone else…"))
        other.triggered.connect(self._rate_as_someone)

    def _rate_as_someone(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Rate as"), self.tr(
            "The analyst's name (they rate every matrix of the case from blank):"))
        if ok and name.strip():
            self.rate_as(name.strip())

    def rate_as(self, analyst: object) -> None:
        """Rate the open case as another analyst."""
        if self.document is None:
            return
        try:
            self.document.rate_as(analyst)
        except Exception as exc:  # noqa: BLE001 - said in a sentence
            self.show_error(self.tr("Cannot rate as this analyst"), describe(exc))
            return
        name = self.document.case.analyst_named(self.document.case.analyst).name
        self.statusBar().showMessage(self.tr("You now rate this case as {name}.").format(
            name=name), 8000)
        self._update_title()

    def print_matrix(self, preview: bool) -> None:
        """Print the matrix shown (or the first), fitted to the page; or preview it."""
        if self.document is None:
            return
        page = self.case_view.current_matrix_page() if self.case_view else None
        case = self.document.case
        if page is None and not case.matrices:
            self.show_error(self.tr("Nothing to print"), self.tr("This case has no matrix yet."))
            return
        from sat_tool.ui.printing import print_matrix

        print_matrix(self, case, page.matrix if page is not None else case.matrices[0], preview)

    ZOOMS = (0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
    """The sizes Zoom in and Zoom out step through."""

    def zoom(self, step: int) -> None:
        """Make the matrix text larger (1), smaller (−1) or its usual size (0); remembered."""
        now = self.preferences.zoom
        if step == 0:
            wanted = 1.0
        else:
            place = min(range(len(self.ZOOMS)), key=lambda i: abs(self.ZOOMS[i] - now))
            wanted = self.ZOOMS[max(0, min(len(self.ZOOMS) - 1, place + step))]
        self.preferences.zoom = wanted
        self.preferences.save()
        if self.case_view is not None:
            self.case_view.set_zoom(wanted)
        self.statusBar().showMessage(self.tr("Matrix text at {zoom}").format(zoom=f"{wanted:.0%}"),
                                     3000)

    def _on_case(self, method: object):  # noqa: ANN202
        def run() -> None:
            if self.case_view is not None:
                method(self.case_view)  # type: ignore[operator]
        return run

    def _page_action(self, name: str):  # noqa: ANN202
        def run() -> None:
            page = self.case_view.current_matrix_page() if self.case_view else None
            if page is not None:
                page.actions_by_name[name].trigger()
        return run

    def shortcuts(self) -> list[tuple[str, str, str]]:
        """Every keyboard shortcut: (where, what it does, the keys)."""
        from sat_tool.ui.matrix_page import MatrixPage
        from sat_tool.ui.matrix_view import VIEW_KEYS

        found: list[tuple[str, str, str]] = []
        for menu in self.menuBar().findChildren(QMenu):
            for action in menu.actions():
                keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
                label, _, shown = action.text().partition("\t")
                if shown and not keys:
                    keys = [shown]
                if keys:
                    found.append((_plain(menu.title()), _plain(label), ", ".join(keys)))
        # each description is translated in the context of the class or module defining it
        for _name, text, keys in MatrixPage.SHORTCUTS:
            if not any(entry[2] == keys for entry in found):
                found.append((self.tr("Matrix page"), QCoreApplication.translate("MatrixPage", text),
                              keys))
        found.extend((self.tr("In a matrix"), QCoreApplication.translate("MatrixView", text), keys)
                     for text, keys in VIEW_KEYS)
        return found

    def show_manual(self) -> None:
        """Help ▸ Manual (F1): the documentation, rendered offline from the package's pages."""
        from sat_tool.ui.manual import ManualDialog

        ManualDialog(self).exec()

    def show_quick_start(self) -> None:
        """Help ▸ Quick start: a few steps through the sample, ticked as they are done."""
        from sat_tool.ui.manual import QuickStart

        if getattr(self, "quick_start", None) is None:
            self.quick_start = QuickStart(self, self.open_sample)
        self.quick_start.show()
        self.quick_start.raise_()

    def show_shortcuts(self) -> None:
        """Help ▸ Keyboard shortcuts: every key the window knows, in one table."""
        from sat_tool.ui.dialogs import ShortcutsDialog

        ShortcutsDialog(self.shortcuts(), self).exec()

    def _on_page(self, name: str):  # noqa: ANN202
        def run() -> None:
            page = self.case_view.current_matrix_page() if self.case_view else None
            if page is not None:
                getattr(page, name)()
        return run

    def _update_actions(self) -> None:
        has_case = self.document is not None
        for action in (*self.export_actions, self.close_case_action, self.find_action,
                       self.print_action, self.print_preview_action):
            action.setEnabled(has_case)
        writable = has_case and not (self.document and self.document.read_only)
        for action in (*self.page_menu_actions, self.delete_case_action, self.rename_case_action,
                       self.add_matrix_action, self.edit_matrix_action, self.delete_matrix_action):
            action.setEnabled(writable)
        self.export_menu.setEnabled(has_case)
        stack = self.document.undo_stack if self.document else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        self.undo_action.setText(self.tr("&Undo {edit}").format(edit=stack.undoText())
                                 if stack and stack.canUndo() else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {edit}").format(edit=stack.redoText())
                                 if stack and stack.canRedo() else self.tr("&Redo"))

    def show_calibration(self) -> None:
        """How well the probabilities did, across every closed matrix of the workspace."""
        try:
            dialog = CalibrationDialog(self.workspace, self)
        except Exception as exc:  # noqa: BLE001 - a moment the file cannot be read: say so
            self.show_error(self.tr("Cannot show the calibration"),
                            describe(exc, self.tr("Reading the outcomes")))
            return
        self.calibration_dialog = dialog
        dialog.show()

    def undo(self) -> None:
        """Undo the last edit of the open case, and say which."""
        stack = self.document.undo_stack if self.document else None
        if stack is not None and stack.canUndo():
            text, failures = stack.undoText(), self.document.failures
            stack.undo()
            if self.document is not None and self.document.failures == failures:
                self.statusBar().showMessage(self.tr("Undone: {edit}").format(edit=text), 5000)
            else:
                self.statusBar().clearMessage()
        self._update_actions()

    def redo(self) -> None:
        """Redo the last undone edit, and say which."""
        stack = self.document.undo_stack if self.document else None
        if stack is not None and stack.canRedo():
            text, failures = stack.redoText(), self.document.failures
            stack.redo()
            if self.document is not None and self.document.failures == failures:
                self.statusBar().showMessage(self.tr("Redone: {edit}").format(edit=text), 5000)
            else:
                self.statusBar().clearMessage()
        self._update_actions()

    # ---------------------------------------------------------- start page

    def _connect_start_page(self) -> None:
        self.start_page.newCaseRequested.connect(self.new_case)
        self.start_page.sampleRequested.connect(self.open_sample)
        self.start_page.caseRequested.connect(lambda case_id: self.open_case(CaseId(case_id)))
        self.start_page.importRequested.connect(self.import_bundle)

    def show_start_page(self) -> None:
        """Close the open case (everything is already saved) and list the workspace's cases."""
        self._close_document()
        self._list_cases()
        self.stack.setCurrentWidget(self.start_page)
        self.setWindowTitle(QCoreApplication.translate("MainWindow", APP_TITLE))
        self._update_actions()

    def _close_document(self) -> None:
        if self.case_view is not None:
            self.stack.removeWidget(self.case_view)
            self.case_view.deleteLater()
            self.case_view = None
        if self.document is not None:
            self.document.deleteLater()
            self.document = None

    # ---------------------------------------------------------- cases

    def open_case(self, case_id: CaseId) -> None:
        """Open a case of the workspace."""
        try:
            editor = CaseEditor.open(self.workspace, case_id, self.preferences.analyst)
        except Exception as exc:  # noqa: BLE001 - gone, busy or damaged: say which
            self.show_error(self.tr("Cannot open the case"), describe(exc))
            if isinstance(exc, CaseNotFound):
                self._list_cases()
            return
        self._close_document()
        settings = QSettings()  # reopened at the next start, even after a crash
        settings.setValue("session/workspace", self.workspace.location)
        settings.setValue("session/case", int(case_id))
        self.document = CaseDocument(editor, self)
        try:
            self._case_level = self.workspace.case_level(case_id)
        except Exception:  # noqa: BLE001 - a busy moment: the edits themselves are refused
            self._case_level = "write"
        if self.workspace.read_only:
            self.document.set_read_only(self.tr(
                "This workspace is read-only: you can read and export its cases, not edit them."))
        elif self._case_level == "read":
            self.document.set_read_only(self.tr(
                "This case is shared with you to read only: you can read and export it, "
                "not change it."))
            self.statusBar().showMessage(self.document.read_only, 15000)
        self.document.refused.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.document.editFailed.connect(lambda text: self.show_error(self.tr("Edit failed"), text))
        self.document.changed.connect(lambda changes: Kind.CASE in changes and self._update_title())
        self.document.caseGone.connect(self._case_gone)
        self.document.externallyChanged.connect(
            lambda text: self.statusBar().showMessage(text, 8000))
        self.document.undo_stack.indexChanged.connect(self._update_actions)
        self.document.undo_stack.canUndoChanged.connect(self._update_actions)
        self.document.undo_stack.canRedoChanged.connect(self._update_actions)
        self.document.noticed.connect(self.show_notice)
        self.case_view = CaseView(self.document, self)
        if self.preferences.zoom != 1.0:
            self.case_view.set_zoom(self.preferences.zoom)
        self.stack.addWidget(self.case_view)
        self.stack.setCurrentWidget(self.case_view)
        self._update_title()
        self._update_actions()
        if self.document.case.damaged:
            QMessageBox.warning(self, self.tr("Damaged rows left out"),
                                self.tr("{damage}. The rest of the case opened as usual; the damaged "
                                        "rows are not shown and are left as they are in the file.")
                                .format(damage=describe_damage(self.document.case.damaged)))
        page = self.case_view.current_matrix_page()
        if page is not None:
            page.view.setFocus()
            if page.model.rowCount() and page.model.columnCount() > page.model.FIRST_HYPOTHESIS:
                page.view.setCurrentIndex(page.view.proxy.index(0, page.model.FIRST_HYPOTHESIS))

    def _update_title(self) -> None:
        if self.document is not None:
            case = self.document.case
            app = QCoreApplication.translate("MainWindow", APP_TITLE)
            if self._case_level == "read" and not self.workspace.read_only:
                self.setWindowTitle(self.tr("{case} — read only — {app}").format(
                    case=case.title, app=app))
            elif len(case.analysts) > 1 and case.analyst:
                self.setWindowTitle(self.tr("{case} — rated as {name} — {app}").format(
                    case=case.title, name=case.analyst_named(case.analyst).name, app=app))
            else:
                self.setWindowTitle(self.tr("{case} — {app}").format(case=case.title, app=app))

    def new_case(self) -> None:
        """Create a case with a first, empty matrix and open it."""
        title, ok = QInputDialog.getText(self, self.tr("New case"), self.tr("Case title:"))
        if not ok or not title.strip():
            return
        case_id = svc.new_case(self.workspace, title)
        self.open_case(case_id)
        if self.document is not None:
            question, ok = QInputDialog.getText(
                self, self.tr("First matrix"), self.tr("The question your hypotheses answer:"))
            if ok and question.strip():
                self.document.push(cmd.AddMatrixCommand(self.document, question.strip()))

    def open_sample(self) -> None:
        """Open the prebuilt Azerbaijan case (imported into the workspace the first time)."""
        try:
            case_id = svc.open_sample(self.workspace)
        except (BundleError, OSError) as exc:
            self.show_error(self.tr("Cannot open the sample case"), str(exc))
            return
        self.open_case(case_id)

    def import_bundle(self) -> None:
        """Import a bundle, workbook or PARC ACH project chosen by the user, then open it."""
        path = self.ask_open_path(
            self.tr("Import a case"),
            self.tr("Cases (*.json *.xlsx *.achz);;Case bundles (*.json);;Excel workbooks (*.xlsx);;"
                    "PARC ACH projects (*.achz);;All files (*)"))
        if path is None:
            return
        choice = None
        try:
            if path.suffix.lower() == ".xlsx":
                report = run_with_progress(self, self.tr("Reading {file}…").format(file=path.name),
                                           lambda: svc.preview_workbook(path))
                if report is not None:  # hand-made: show how it reads before writing
                    from sat_tool.ui.workbook_import import ask_workbook_choice

                    choice = ask_workbook_choice(self, path, report,
                                                 lambda chosen: svc.preview_workbook(path, chosen))
                    if choice is None:
                        return
            read = None
            if path.suffix.lower() == ".json":
                read = run_with_progress(self, self.tr("Reading {file}…").format(file=path.name),
                                         lambda: svc.read_case_file(path))
                if read is None:
                    return
                original = svc.copy_of(self.workspace, read[0])
                if original is not None:
                    answer = self._ask_merge(path, original)
                    if answer == "cancel":
                        return
                    if answer == "merge":
                        self.merge_copy(path, read[0], original)
                        return
            # Reading, checking and writing run aside; a large case is written in short
            # batches, so that other windows keep editing the workspace meanwhile.
            case_id = run_with_progress(
                self, self.tr("Importing {file}…").format(file=path.name),
                lambda: svc.add_case(self.workspace, *(read or svc.read_case_file(path, choice))))
        except svc.CaseFileError as exc:
            self.show_error(self.tr("Cannot import the file"), str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - the workspace refused: one sentence
            self.show_error(self.tr("Cannot import the file"),
                            describe(exc, self.tr("Importing {file}").format(file=path.name)))
            return
        self.open_case(case_id)

    def _ask_merge(self, path: Path, original: CaseId) -> str:
        """'merge', 'copy' or 'cancel': what to do with a bundle that is a copy of a case here."""
        title = next((c.title for c in svc.list_cases(self.workspace) if c.id == original), "")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Import a case"))
        box.setText(self.tr("{file} is a copy of “{case}”, which this workspace has.").format(
            file=path.name, case=title))
        box.setInformativeText(self.tr(
            "Merge it to add its analysts' ratings and what they added to the case, with every "
            "conflict shown for you to settle; or import it as a separate case."))
        merge = box.addButton(self.tr("Merge into it…"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(self.tr("Import as a separate case"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(merge)
        box.exec()
        return "merge" if box.clickedButton() is merge else (
            "copy" if box.clickedButton() is copy else "cancel")

    def merge_copy(self, path: Path, theirs: object, original: CaseId) -> None:
        """Preview a colleague's copy of a case, then merge it as one undoable edit."""
        from sat_tool.domain.merge import NotACopy
        from sat_tool.ui.merge_dialog import MergeDialog

        if self.document is None or self.document.case.id != original:
            self.open_case(original)
        if self.document is None or self.document.case.id != original:
            return
        try:
            plan = self.document.editor.plan_merge(theirs)  # type: ignore[arg-type]
        except NotACopy as exc:
            self.show_error(self.tr("Cannot merge the file"), f"{path.name}: {exc}.")
            return
        except Exception as exc:  # noqa: BLE001 - the workspace could not be read: one sentence
            self.show_error(self.tr("Cannot merge the file"), describe(exc))
            return
        if plan.nothing:
            QMessageBox.information(self, self.tr("Nothing to merge"), self.tr(
                "{file} brings nothing this case does not have.").format(file=path.name))
            return
        dialog = MergeDialog(plan, path.name, self.document.case.title, self)
        if not dialog.exec():
            return
        self.document.push(cmd.MergeCommand(self.document, theirs, dialog.taken(), path.name))
        self.statusBar().showMessage(self.tr("Merged {file}.").format(file=path.name), 8000)

    EXPORT_FILTERS = {
        "xlsx": QT_TRANSLATE_NOOP("MainWindow", "Excel workbook (*.xlsx)"),
        "json": QT_TRANSLATE_NOOP("MainWindow", "Case bundle (*.json)"),
        "achz": QT_TRANSLATE_NOOP("MainWindow", "PARC ACH project (*.achz)"),
        "csv": QT_TRANSLATE_NOOP("MainWindow", "Comma-separated values (*.csv)"),
        "pdf": QT_TRANSLATE_NOOP("MainWindow", "PDF report (*.pdf)"),
        "html": QT_TRANSLATE_NOOP("MainWindow", "HTML report (*.html)"),
    }
    """The file dialog's filter for each format (translated where it is shown)."""

    def export(self, fmt: str, one_matrix: bool = False) -> None:
        """Export the open case, or the matrix shown, in a format of :data:`EXPORT_FORMATS`."""
        if self.document is None:
            return
        case = self.document.case
        matrix = None
        if one_matrix:
            page = self.case_view.current_matrix_page() if self.case_view else None
            if page is None and not case.matrices:
                self.show_error(self.tr("Nothing to export"), self.tr("This case has no matrix yet."))
                return
            matrix = page.matrix if page is not None else case.matrices[0]
        classification = ""
        if fmt in ("pdf", "html", "achz"):
            text, ok = QInputDialog.getText(
                self, self.tr("Classification"),
                self.tr("Classification banner (leave empty for none):"),
                text=self.preferences.classification)
            if not ok:
                return
            classification = text.strip()
            self.preferences.classification = classification
            self.preferences.save()
        name = matrix.question if matrix is not None else case.title
        path = self.ask_save_path(self.tr("Export"), f"{_safe_name(name)}.{fmt}",
                                  QCoreApplication.translate("MainWindow", self.EXPORT_FILTERS[fmt]))
        if path is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        snapshots = svc.case_snapshots(self.workspace, case)
        frozen = copy.deepcopy(case)
        chosen = frozen.matrix(matrix.id) if matrix is not None else None
        try:
            run_with_progress(self, self.tr("Writing {file}…").format(file=path.name),
                              lambda: svc.write_case(frozen, fmt, path, snapshots, chosen,
                                                     classification))
        except ValueError as exc:
            self.show_error(self.tr("Export failed"),
                            self.tr("Cannot write {path}: {problem}").format(path=path, problem=exc))
            return
        except Exception as exc:  # noqa: BLE001 - disk full, permissions …: one sentence
            self.show_error(self.tr("Export failed"),
                            describe(exc, self.tr("Writing {file}").format(file=path.name)))
            return
        self.statusBar().showMessage(self.tr("Exported to {path}").format(path=path), 6000)

    def rename_case(self) -> None:
        """Change the title of the open case."""
        if self.document is None:
            return
        seen = self.document.case.title
        title, ok = QInputDialog.getText(self, self.tr("Rename case"), self.tr("Case title:"),
                                         text=seen)
        if ok and title.strip() and title.strip() != seen and self.document is not None:
            self.document.push(cmd.EditCaseCommand(self.document, seen={"title": seen},
                                                   title=title.strip()))

    def delete_case(self) -> None:
        """Delete the open case from the workspace, after confirmation."""
        if self.document is None:
            return
        case = self.document.case
        answer = QMessageBox.warning(
            self, self.tr("Delete case"),
            self.tr("Delete “{title}” with all its matrices, evidence and sources?\n"
                    "This cannot be undone. Export a case bundle first to keep a copy.")
            .format(title=case.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                svc.delete_case(self.workspace, case.id)
            except Exception as exc:  # noqa: BLE001 - busy or read-only: say so, keep the case open
                self.show_error(self.tr("Cannot delete the case"), describe(exc))
                return
            self.show_start_page()

    # ---------------------------------------------------------- workspace

    def choose_workspace(self) -> None:
        """Switch to another workspace file (created if it does not exist)."""
        suggested = self.tr("workspace", "a file name, for a new workspace") + ".sqlite"
        path = self.ask_save_path(self.tr("Open or create workspace"), suggested,
                                  self.tr("SAT Tool workspace (*.sqlite *.db);;All files (*)"),
                                  confirm_overwrite=False, allow_workspace=True)
        if path is not None:
            self.switch_workspace(path)

    def connect_to_server(self) -> None:
        """Switch to a team workspace on a PostgreSQL server, given its URL."""
        url, ok = QInputDialog.getText(self, self.tr("Connect to a team server"), self.tr(
            "The workspace's URL, such as postgresql+psycopg://your-role@server/team "
            "(a password goes in ~/.pgpass):"))
        if ok and url.strip():
            from sat_tool.store.server import is_server_location

            if not is_server_location(url.strip()):
                self.show_error(self.tr("Cannot open the workspace"), self.tr(
                    "{url} is not a PostgreSQL URL (postgresql+psycopg://role@host/database).")
                    .format(url=url.strip()[:80]))
                return
            self.switch_workspace(url.strip())

    def switch_workspace(self, path: Path | str) -> bool:
        """Open another workspace; on failure say why and keep the current one."""
        try:
            workspace = Workspace.open(path)
        except WorkspaceError as exc:
            self.show_error(self.tr("Cannot open the workspace"), str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - damaged or unreadable: one sentence
            self.show_error(self.tr("Cannot open the workspace"), describe(exc))
            return False
        self._close_document()
        self.watcher.close()
        self.workspace.close()
        self.workspace = workspace
        self.watcher = workspace.watcher()
        self.remember_workspace(workspace.location)
        self.show_start_page()
        self.tell_notice()
        return True

    def tell_notice(self) -> None:
        """Say what opening the workspace did or could not do (an upgrade and its backup, read-only)."""
        if self.workspace.notice:
            QMessageBox.information(self, self.tr("Workspace upgraded"), self.workspace.notice)
        if self.workspace.read_only:
            self.statusBar().showMessage(
                self.tr("This workspace is read-only: you can read and export its cases, not edit "
                        "them."))

    # ---------------------------------------------------------- misc

    def edit_preferences(self) -> None:
        """Set the analyst name recorded on ratings."""
        dialog = PreferencesDialog(self.preferences.analyst, self)
        if dialog.exec():
            self.preferences.analyst = dialog.analyst.text().strip()
            self.preferences.save()
            if self.document is not None:
                self.document.editor.analyst = self.preferences.analyst

    def show_keys(self) -> None:
        """Explain the rating keys."""
        from sat_tool.ui.matrix_view import KEY_HELP

        QMessageBox.information(
            self, self.tr("Rating keys"),
            self.tr("In a matrix, move with the arrow keys and rate with one key:\n\n"
                    "{keys}\n\nEnter or F2 opens the cell's rating and rationale; after a rating "
                    "the cursor moves to the next hypothesis of the row.")
            .format(keys=QCoreApplication.translate("MatrixView", KEY_HELP)))

    def show_about(self) -> None:
        """Version and workspace."""
        QMessageBox.about(self, self.tr("About SAT Tool"),
                          self.tr("SAT Tool {version}\nWorkspace: {workspace}\nAnalyst: {analyst}")
                          .format(version=__version__, workspace=self.workspace.location,
                                  analyst=self.preferences.analyst))

    NOTICE_MS = 12_000
    """How long a deletion's notice and its Undo button stay in the status bar."""

    def show_notice(self, text: str) -> None:
        """Say what was just deleted, with an Undo button beside it, for a while."""
        if self.notice is None:
            self.notice = QWidget(self)
            row = QHBoxLayout(self.notice)
            row.setContentsMargins(0, 0, 0, 0)
            self.notice_text = QLabel(self.notice)
            self.notice_undo = QPushButton(self.tr("Undo"), self.notice)
            self.notice_undo.setToolTip(self.tr("Undo the deletion (Ctrl+Z)"))
            self.notice_undo.clicked.connect(self._undo_from_notice)
            row.addWidget(self.notice_text)
            row.addWidget(self.notice_undo)
            self.statusBar().addPermanentWidget(self.notice)  # a message never hides it
            self.notice_timer = QTimer(self)
            self.notice_timer.setSingleShot(True)
            self.notice_timer.timeout.connect(self.notice.hide)
        self.notice_text.setText(text)
        self.notice.show()
        self.notice_timer.start(self.NOTICE_MS)

    def _undo_from_notice(self) -> None:
        self.notice.hide()  # type: ignore[union-attr]
        self.undo()

    def show_error(self, title: str, text: str) -> None:
        """Tell the user what went wrong."""
        QMessageBox.critical(self, title, text)

    def ask_open_path(self, title: str, filters: str) -> Path | None:
        """Ask for a file to read."""
        return ask_open_file(self, title, filters)

    def ask_save_path(self, title: str, suggested: str, filters: str,
                      confirm_overwrite: bool = True, allow_workspace: bool = False) -> Path | None:
        """Ask for a file to write (never an open workspace's own file, unless allowed)."""
        return ask_save_file(self, title, suggested, filters, confirm_overwrite, allow_workspace)[0]

    # ---------------------------------------------------------- what the window remembers

    RECENT = 8
    """Workspaces listed in File ▸ Recent workspaces."""

    def remember_workspace(self, path: Path | str) -> None:
        """Put a workspace first in the recent list."""
        settings = QSettings()
        settings.setValue("workspace", str(path))
        recent = [str(path)] + [p for p in _strings(settings.value("recent_workspaces"))
                                if p != str(path)]
        settings.setValue("recent_workspaces", recent[:self.RECENT])

    def recent_workspaces(self) -> list[Path | str]:
        """The workspaces opened before, most recent first, that still exist (not this one):
        files as paths, team servers as their URLs."""
        from sat_tool.store.server import is_server_location

        current = self.workspace.location
        found: list[Path | str] = []
        for p in _strings(QSettings().value("recent_workspaces")):
            if p == current:
                continue
            if is_server_location(p):
                found.append(p)
            elif Path(p).is_file():
                found.append(Path(p))
        return found

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        found = self.recent_workspaces()
        for number, path in enumerate(found, 1):
            text = (f"&{number} {path.name}  ({path.parent})" if isinstance(path, Path)
                    else f"&{number} {path}")
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _=False, p=path: self.switch_workspace(p))
        if not found:
            self.recent_menu.addAction(self.tr("No other workspace yet")).setEnabled(False)

    def remember_session(self) -> None:
        """Keep the window's size and place, the open case, its tab and the matrix page's
        splitter and panel, for the next start."""
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        if self.document is None or self.case_view is None:
            settings.remove("session")
            return
        settings.setValue("session/workspace", self.workspace.location)
        settings.setValue("session/case", int(self.document.case.id))
        settings.setValue("session/tab", self.case_view.currentIndex())
        page = self.case_view.current_matrix_page()
        if page is not None:
            settings.setValue("session/splitter", page.splitter.saveState())
            settings.setValue("session/panel", page.tabs.currentIndex())

    def restore_session(self) -> None:
        """Put the window back as it was left: its geometry, and the case that was open (if
        it is still in this workspace) on the same tab, splitter and panel."""
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if settings.value("session/workspace") != self.workspace.location:
            return
        try:
            case_id = int(settings.value("session/case"))
        except (TypeError, ValueError):
            return
        if all(summary.id != case_id for summary in svc.list_cases(self.workspace)):
            return
        self.open_case(CaseId(case_id))
        if self.case_view is None:
            return
        try:
            tab = int(settings.value("session/tab", 0))
            panel = int(settings.value("session/panel", 0))
        except (TypeError, ValueError):
            tab = panel = 0
        if 0 <= tab < self.case_view.count():
            self.case_view.setCurrentIndex(tab)
        splitter = settings.value("session/splitter")
        for page in self.case_view.pages.values():
            if splitter is not None:
                page.splitter.restoreState(splitter)
            if 0 <= panel < page.tabs.count():
                page.tabs.setCurrentIndex(panel)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every edit is already committed; closing only releases the database.
        self.remember_session()
        self._close_document()
        self.watch_timer.stop()
        self.watcher.close()
        self.workspace.close()
        event.accept()


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks ("&Find" → "Find", "A && B" → "A & B")."""
    return re.sub(r"&(&?)", r"\1", text)


def _strings(value: object) -> list[str]:
    """A list of strings kept in QSettings (one string, a list, or nothing)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return []


def _safe_name(title: str) -> str:
    """A file name from a title: only characters file systems refuse are replaced, and a long
    title is cut at a word."""
    keep = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in title).strip(" .")
    if len(keep) > 80:
        keep = keep[:80].rsplit(" ", 1)[0]
    return keep or QCoreApplication.translate("MainWindow", "case", "a file name, for a case without a title")

