"""One analyst at a real main window, for the live test (``tests/test_live.py``).

Run as a program, offscreen, with the project on ``PYTHONPATH``::

    python tests/live_gui_worker.py WORKSPACE CASE_ID ANALYST SECONDS SEED STOP_FILE

It opens the case in a real :class:`MainWindow` and, for SECONDS, works like a
person at the keyboard: arrows to a cell, a rating key (1–6) or Delete, now and
then Ctrl+Z or Ctrl+Shift+Z, a new evidence item, another matrix tab, with the
event loop running between actions so that the window's watcher sees what the
other processes commit. It then waits for STOP_FILE to appear, lets the event
loop run 2.5 s more, prints what it shows and exits.

Every line on stdout is one event, a keyword then JSON:

``READY``  the case is open (its revision and matrices);
``ACK``    a user action that succeeded: the cells it wrote and what the widgets now show
           there (``[matrix, evidence, hypothesis, code or null, analyst or null, code on
           screen]``), the case
           revision the write committed as, and the wall-clock times around the action;
``ERROR``  what an error dialog would have said (the dialog is not shown, so nothing blocks);
``VIEW``   about every 0.5 s, and right after each ACK and SYNC: for each matrix tab, the evidence
           ids of the rows, the hypothesis ids of the columns and the code each rating cell
           has on screen (row-major, "" for unrated; see :class:`Screen`), the cells where the
           screen and the table's model differ, ``time.time()`` and the revision the window's
           document holds;
``SYNC``   the window caught up with other processes' commits (when, and to which revision);
``IDLE``   the analyst has stopped; ``FINAL`` the last VIEW; ``BYE`` the window is closed.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from sat_tool.domain.model import CaseId, Level
from sat_tool.errors import setup_logging
from sat_tool.settings import Preferences
from sat_tool.store import Workspace
from sat_tool.ui import commands as cmd
from sat_tool.ui.application import make_application
from sat_tool.ui.main_window import MainWindow
from sat_tool.ui.matrix_view import DIGIT_KEYS
from sat_tool.ui.models import MatrixModel

FIRST = MatrixModel.FIRST_HYPOTHESIS
VIEW_INTERVAL_MS = 500
SETTLE_MS = 2500
PAUSE_MS = (50, 200)
"""The pause between two actions, while the event loop runs."""
HOT_ROWS = 4
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ARROWS = {(1, 0): Qt.Key.Key_Down, (-1, 0): Qt.Key.Key_Up, (0, 1): Qt.Key.Key_Right,
          (0, -1): Qt.Key.Key_Left}


def emit(kind: str, payload: Any = None) -> None:
    """One event line on stdout."""
    line = kind if payload is None else f"{kind} {json.dumps(payload, separators=(',', ':'))}"
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def report_exception(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
    """An exception no slot caught: its traceback on stderr, and a line the test counts."""
    text = "".join(traceback.format_exception(kind, exc, tb))
    sys.stderr.write(text)
    sys.stderr.flush()
    emit("TRACEBACK", text)


class Screen:
    """What one matrix table has on screen, kept the way the table keeps it.

    A table paints a cell again only when its model reports the cell changed
    (``dataChanged``) or when the model's shape changes; a notification the model
    forgets leaves the old rating on screen. This keeps such a screen, cell by cell,
    so that a VIEW shows what the user sees, not only what the model would say if asked.
    """

    def __init__(self, page: Any) -> None:
        self.page = page
        self.proxy = page.view.proxy
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.cells: list[list[str]] = []
        self.repaint()
        proxy = self.proxy
        proxy.dataChanged.connect(self.changed)
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved,
                       proxy.rowsMoved, proxy.columnsInserted, proxy.columnsRemoved,
                       proxy.columnsMoved):
            signal.connect(lambda *_args: self.repaint())

    def read(self, row: int, column: int) -> str:
        return self.proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole) or ""

    def repaint(self) -> None:
        """Everything again, as after a change of shape."""
        model, proxy = self.page.model, self.proxy
        self.rows = [model.evidence_id_at(proxy.mapToSource(proxy.index(r, 0)).row())
                     for r in range(proxy.rowCount())]
        self.cols = [model.hypothesis_id_at(c) for c in range(FIRST, proxy.columnCount())]
        self.cells = [[self.read(r, c) for c in range(FIRST, FIRST + len(self.cols))]
                      for r in range(len(self.rows))]

    def changed(self, top_left: Any, bottom_right: Any, _roles: Any = ()) -> None:
        """The cells the model reported changed."""
        for row in range(max(top_left.row(), 0), min(bottom_right.row(), len(self.rows) - 1) + 1):
            for column in range(max(top_left.column(), FIRST),
                                min(bottom_right.column(), FIRST + len(self.cols) - 1) + 1):
                self.cells[row][column - FIRST] = self.read(row, column)

    def painted(self, cell: tuple[int, int]) -> str | None:
        """The code on screen in a cell ('' unrated), None when the cell is not on screen."""
        if cell[0] not in self.rows or cell[1] not in self.cols:
            return None
        return self.cells[self.rows.index(cell[0])][self.cols.index(cell[1])]


class Analyst:
    """Drives one main window with the keyboard and mouse, reporting what it sees."""

    def __init__(self, window: MainWindow, name: str, rng: random.Random) -> None:
        self.window = window
        self.name = name
        self.rng = rng
        self.errors: list[tuple[str, str]] = []
        self.added = 0
        self.counts: dict[str, int] = {}
        self.key_fallbacks = 0
        self.screens: dict[int, Screen] = {}

    # ---------------------------------------------------------- what the user is told

    def show_error(self, title: str, text: str) -> None:
        """Stands in for the error dialog: records the sentence instead of blocking on it."""
        self.errors.append((title, text))
        emit("ERROR", {"t": time.time(), "title": title, "text": " ".join(text.splitlines())})

    def patch_message_boxes(self) -> None:
        """Any other message box is told on stdout too, and answered at once."""

        def told(kind: str):  # noqa: ANN202
            def box(_parent: Any, title: str, text: str, *_args: Any, **_kw: Any) -> Any:
                if kind == "critical" or kind == "warning":
                    self.show_error(title, text)
                else:
                    emit("INFO", {"t": time.time(), "title": title, "text": text})
                return QMessageBox.StandardButton.No if kind == "question" else (
                    QMessageBox.StandardButton.Ok)
            return box

        for kind in ("critical", "warning", "information", "question"):
            setattr(QMessageBox, kind, staticmethod(told(kind)))

    # ---------------------------------------------------------- what the user sees

    @property
    def doc(self):  # noqa: ANN201
        return self.window.document

    def page(self):  # noqa: ANN201
        view = self.window.case_view
        return view.current_matrix_page() if view is not None else None

    def screen(self, matrix_id: int) -> Screen:
        page = self.window.case_view.pages[matrix_id]
        screen = self.screens.get(matrix_id)
        if screen is None or screen.page is not page:
            screen = self.screens[matrix_id] = Screen(page)
        return screen

    def watch_screens(self) -> None:
        """Start keeping every matrix table's screen."""
        for matrix_id in self.window.case_view.pages:
            self.screen(matrix_id)

    def shown(self, matrix_id: int, cell: tuple[int, int]) -> list[Any]:
        """[matrix, evidence, hypothesis, code the model gives, analyst of the rating, code on screen]."""
        page = self.window.case_view.pages[matrix_id]
        source = page.model.index_of_cell(*cell)
        code = page.view.proxy.mapFromSource(source).data(Qt.ItemDataRole.DisplayRole)
        found = self.doc.case.matrix(matrix_id).ratings.get(cell)
        return [matrix_id, cell[0], cell[1], code, found.analyst if found else None,
                self.screen(matrix_id).painted(cell)]

    def view(self) -> dict[str, Any]:
        """Each matrix as its table has it on screen, and where the screen and the model differ."""
        matrices = {}
        for matrix_id, page in self.window.case_view.pages.items():
            screen = self.screen(matrix_id)
            model, proxy = page.model, page.view.proxy
            rows = [model.evidence_id_at(proxy.mapToSource(proxy.index(r, 0)).row())
                    for r in range(proxy.rowCount())]
            unpainted = []
            if rows != screen.rows:
                unpainted.append(f"rows {screen.rows} on screen, {rows} in the model")
            else:
                for r, e in enumerate(rows):
                    for c, h in enumerate(screen.cols):
                        now = screen.read(r, FIRST + c)
                        if now != screen.cells[r][c]:
                            unpainted.append(f"E id {e} × H id {h}: {screen.cells[r][c] or '–'} on "
                                             f"screen, {now or '–'} in the model")
            matrices[str(matrix_id)] = {"rows": screen.rows, "cols": screen.cols,
                                        "cells": [code for row in screen.cells for code in row],
                                        "model_rows": model.rowCount(), "unpainted": unpainted[:10]}
        return {"t": time.time(), "rev": self.doc.editor.revision, "m": matrices}

    # ---------------------------------------------------------- acting

    def act(self) -> None:
        """One thing a user does."""
        roll = self.rng.random()
        if roll < 0.64:
            self.rate()
        elif roll < 0.70:
            self.rate(clear=True)
        elif roll < 0.80:
            self.undo_or_redo(undo=True)
        elif roll < 0.86:
            self.undo_or_redo(undo=False)
        elif roll < 0.96:
            self.switch_tab()
        else:
            self.add_evidence()

    def _count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def move_to(self, row: int, column: int) -> bool:
        """Walk the cursor there with the arrow keys, as a user would, letting events run now and then."""
        page = self.page()
        if page is None:
            return False
        view = page.view
        for _ in range(120):
            proxy = view.proxy
            if proxy.rowCount() == 0 or proxy.columnCount() <= FIRST:
                return False
            row = min(row, proxy.rowCount() - 1)
            column = min(max(column, FIRST), proxy.columnCount() - 1)
            current = view.currentIndex()
            if not current.isValid():
                page.focus_first_cell()
                current = view.currentIndex()
                if not current.isValid():
                    return False
            step_row = (row > current.row()) - (row < current.row())
            step_column = (column > current.column()) - (column < current.column())
            if not step_row and not step_column:
                return True
            QTest.keyClick(view, ARROWS[(step_row, 0) if step_row else (0, step_column)])
            if self.rng.random() < 0.25:
                QTest.qWait(self.rng.randint(10, 40))
        return False

    def _write(self, kind: str, action: Any, cells: Any, extra: Any = dict) -> bool:
        """Do an action that should write; print ACK when it did, with what is now displayed.

        ``cells`` gives [(matrix id, cell)] and ``extra`` more fields of the ACK, both read
        after the action (callables).
        """
        doc = self.doc
        errors, revision, depth = len(self.errors), doc.editor.revision, doc.undo_stack.index()
        t0 = time.time()
        action()
        t1 = time.time()
        if len(self.errors) > errors:
            self._count(f"{kind}_refused")
            return False
        if doc.editor.revision == revision:
            self._count(f"{kind}_nothing")
            return False
        shown = [self.shown(matrix_id, cell) for matrix_id, cell in cells()]
        emit("ACK", {"kind": kind, "who": self.name, "t0": t0, "t1": t1, "rev": doc.editor.revision,
                     "before": revision, "depth": [depth, doc.undo_stack.index()], "cells": shown,
                     **extra()})
        emit("VIEW", self.view())
        self._count(kind)
        return True

    def rate(self, clear: bool = False) -> None:
        """Arrow to a random cell of the matrix shown and rate it (or clear it with Delete)."""
        page = self.page()
        if page is None:
            self.switch_tab()
            return
        proxy = page.view.proxy
        if proxy.rowCount() == 0 or proxy.columnCount() <= FIRST:
            return
        rows = proxy.rowCount()
        # Analysts often work on the same few rows at once: there their edits meet.
        row = self.rng.randrange(min(HOT_ROWS, rows) if self.rng.random() < 0.3 else rows)
        if not self.move_to(row, self.rng.randrange(FIRST, proxy.columnCount())):
            self._count("lost_way")
            return
        cells = page.view.selected_cells()
        if len(cells) != 1:
            self._count("odd_selection")
            return
        cell = cells[0]
        if clear:
            key, wanted = Qt.Key.Key_Delete, None
        else:
            key, rating = self.rng.choice(list(DIGIT_KEYS.items()))
            wanted = rating.value
        matrix_id = page.matrix_id
        self._write("clear" if clear else "rate", lambda: QTest.keyClick(page.view, key),
                    lambda: [(matrix_id, cell)], lambda: {"want": wanted})

    def undo_or_redo(self, undo: bool) -> None:
        """Ctrl+Z or Ctrl+Shift+Z, when the step to undo or redo is a rating (else rate instead)."""
        doc = self.doc
        stack = doc.undo_stack
        possible = stack.canUndo() if undo else stack.canRedo()
        command = stack.command(stack.index() - 1 if undo else stack.index()) if possible else None
        if not isinstance(command, cmd.SetCellsCommand):
            self.rate()
            return
        matrix_id, cells = command.matrix_id, list(command.cells)
        page = self.page()
        target = page.view if page is not None else self.window
        modifiers = CTRL if undo else CTRL | SHIFT

        def press() -> None:
            depth = stack.index()
            QTest.keyClick(target, Qt.Key.Key_Z, modifiers)
            if stack.index() == depth:  # the shortcut did not reach the window: use the menu
                self.key_fallbacks += 1
                (self.window.undo_action if undo else self.window.redo_action).trigger()

        self._write("undo" if undo else "redo", press, lambda: [(matrix_id, c) for c in cells])

    def switch_tab(self) -> None:
        """Click another matrix's tab."""
        view = self.window.case_view
        pages = list(view.pages.values())
        current = self.page()
        others = [p for p in pages if p is not current] or pages
        if not others:
            return
        index = view.indexOf(self.rng.choice(others))
        bar = view.tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         bar.tabRect(index).center())
        if view.currentIndex() != index:
            view.setCurrentIndex(index)
            self._count("tab_fallback")
        self._count("tab")

    def add_evidence(self) -> None:
        """A new evidence item in the matrix shown, through the same command the dialog pushes."""
        page = self.page()
        if page is None:
            return
        self.added += 1
        text = f"Live item {self.added} from {self.name}"
        command = cmd.AddEvidenceCommand(self.doc, text, page.matrix_id, Level.MEDIUM)
        matrix_id = page.matrix_id
        added = self._write("add", lambda: self.doc.push(command), lambda: [], lambda: {
            "m": matrix_id, "text": text, "eid": command.item.id if command.item else None,
            "label": command.item.label if command.item else None})
        if added and command.item is not None:
            page.view.show_evidence(command.item.id)


def main(argv: list[str]) -> int:
    path, case_id, name, seconds, seed, stop_file = argv
    sys.excepthook = report_exception
    app = make_application([sys.argv[0]])
    setup_logging()
    rng = random.Random(int(seed))
    window = MainWindow(Workspace.open(path), Preferences(analyst=name))
    analyst = Analyst(window, name, rng)
    window.show_error = analyst.show_error  # type: ignore[method-assign]
    analyst.patch_message_boxes()
    window.show()
    window.activateWindow()
    window.open_case(CaseId(int(case_id)))
    if window.document is None:
        emit("FAILED", "the case did not open")
        return 1
    analyst.watch_screens()
    document = window.document
    plain_sync = document.sync

    def timed_sync() -> None:
        """The window's catching up with other processes, timed: SYNC lines explain latencies."""
        t0, before = time.time(), document.editor.revision
        plain_sync()
        if document.editor.revision != before:
            emit("SYNC", {"t0": t0, "t1": time.time(), "before": before,
                          "rev": document.editor.revision})
            emit("VIEW", analyst.view())  # what the table paints as soon as the loop runs

    document.sync = timed_sync  # type: ignore[method-assign]
    QTest.qWait(200)
    emit("READY", {"t": time.time(), "rev": window.document.editor.revision,
                   "matrices": list(window.case_view.pages)})
    ticker = QTimer()
    ticker.setInterval(VIEW_INTERVAL_MS)
    ticker.timeout.connect(lambda: emit("VIEW", analyst.view()))
    ticker.start()
    end = time.monotonic() + float(seconds)
    actions = 0
    while time.monotonic() < end:
        analyst.act()
        actions += 1
        QTest.qWait(rng.randint(*PAUSE_MS))
    emit("IDLE", {"t": time.time(), "actions": actions, "counts": analyst.counts,
                  "key_fallbacks": analyst.key_fallbacks})
    stop = Path(stop_file)
    give_up = time.monotonic() + 300
    while not stop.exists() and time.monotonic() < give_up:
        QTest.qWait(100)
    QTest.qWait(SETTLE_MS)
    ticker.stop()
    emit("FINAL", analyst.view())
    window.close()
    app.processEvents()
    emit("BYE")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
