"""The matrix table: rating from the keyboard as fast as in a spreadsheet.

Keys on a rating cell (or a selection of them): ``1``–``6`` give CC, C, N, I,
II, NA; letters too: ``C`` consistent, ``Shift+C`` very consistent, ``N``
neutral, ``I`` inconsistent, ``Shift+I`` very inconsistent, ``A`` not
applicable. Delete or Backspace clears. After a rating the cursor moves to the
next hypothesis of the same row (ACH works across rows), then to the next row.
Enter or F2 opens the cell's rating-and-rationale dialog.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen, QPolygon, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from sat_tool.domain.model import Rating
from sat_tool.ui.models import MatrixModel, RatingRole, RationaleRole, SortRole

DIGIT_KEYS = {
    Qt.Key.Key_1: Rating.CC,
    Qt.Key.Key_2: Rating.C,
    Qt.Key.Key_3: Rating.N,
    Qt.Key.Key_4: Rating.I,
    Qt.Key.Key_5: Rating.II,
    Qt.Key.Key_6: Rating.NA,
}
LETTER_KEYS = {
    ("c", False): Rating.C,
    ("c", True): Rating.CC,
    ("n", False): Rating.N,
    ("i", False): Rating.I,
    ("i", True): Rating.II,
    ("a", False): Rating.NA,
}
CLEAR_KEYS = {Qt.Key.Key_Delete, Qt.Key.Key_Backspace}
FIXED_WIDTHS = {MatrixModel.COL_TYPE: 60, MatrixModel.COL_CREDIBILITY: 40,
                MatrixModel.COL_RELEVANCE: 40, MatrixModel.COL_DIAGNOSTICITY: 46}
HYPOTHESIS_WIDTH = 84
MIN_TEXT_WIDTH = 180
COMFORTABLE_TEXT_WIDTH = 320
KEY_HELP = "1 CC · 2 C · 3 N · 4 I · 5 II · 6 NA — or C, Shift+C, N, I, Shift+I, A · Del clears"
REFIT_DELAY_MS = 80
"""After the text column is resized, rows are fitted again once the resizing pauses."""


def rating_for_key(event: QKeyEvent) -> Rating | None:
    """The rating a key press asks for, if any."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier):
        return None
    key = Qt.Key(event.key())
    if key in DIGIT_KEYS:
        return DIGIT_KEYS[key]
    text = event.text()
    if len(text) == 1 and text.isalpha():
        # Shift, not the letter's case, doubles the rating: Caps Lock must not turn C into CC.
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        return LETTER_KEYS.get((text.lower(), shifted))
    return None


class RatingDelegate(QStyledItemDelegate):
    """Paints rating cells, with a corner mark on cells that carry a rationale."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        rated = index.data(RatingRole) is not None
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        if rated and selected:
            # Keep the rating's colour under the selection and mark the selection with a frame.
            plain = QStyleOptionViewItem(option)
            plain.state &= ~QStyle.StateFlag.State_Selected  # type: ignore[attr-defined]
            super().paint(painter, plain, index)
            painter.save()
            pen = QPen(option.palette.highlight().color(), 3)  # type: ignore[attr-defined]
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))  # type: ignore[attr-defined]
            painter.restore()
        else:
            super().paint(painter, option, index)
        if index.data(RationaleRole):
            rect = option.rect  # type: ignore[attr-defined]
            size = 7
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#1F4E99"))
            top_right = rect.topRight()
            painter.drawPolygon(QPolygon([top_right + QPoint(1, 0),
                                          top_right + QPoint(-size, 0),
                                          top_right + QPoint(1, size + 1)]))
            painter.restore()


class MatrixProxy(QSortFilterProxyModel):
    """Sorts rows by diagnosticity on request and can hide rows that do not discriminate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide_non_diagnostic = False

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.hide_non_diagnostic:
            return True
        model = self.sourceModel()
        score = model.scores.for_evidence(model.evidence_id_at(source_row))
        return score.diagnostic or score.inconsistent_with_all


class MatrixView(QTableView):
    """The table showing a :class:`MatrixModel` through a sorting proxy."""

    rateRequested = Signal(list, object)
    """Rating cells (as (evidence id, hypothesis id)) and the Rating, or None to clear."""
    cellDialogRequested = Signal(object)
    """A rating cell, as (evidence id, hypothesis id), whose dialog should open."""
    evidenceDialogRequested = Signal(int)
    """An evidence id whose editor should open."""

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._one_line = 0
        self.matrix_model = model
        self.proxy = MatrixProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        # Sorted or filtered, the proxy places again only the rows whose data changed: an edit
        # costs the same on 20 rows as on 10,000 (invalidating would sort them all again).
        self.proxy.setDynamicSortFilter(True)
        self.setModel(self.proxy)
        self.setItemDelegate(RatingDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setTabKeyNavigation(True)
        self.doubleClicked.connect(self._on_double_click)
        self._heights: dict[tuple[str, int], int] = {}
        """Height of a row by (evidence text, text column width): measured once, then looked up."""
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_DELAY_MS)
        self._refit.timeout.connect(lambda: self.fit_rows())
        self._configure_headers()
        model.modelReset.connect(self.apply_widths)
        model.columnsInserted.connect(self.apply_widths)
        self.proxy.modelReset.connect(lambda: self.fit_rows())
        self.proxy.layoutChanged.connect(lambda *_: self.fit_rows())
        self.proxy.rowsInserted.connect(lambda _parent, first, last: self.fit_rows(first, last))
        self.proxy.dataChanged.connect(self._on_data_changed)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        model.scoresChanged.connect(self.repaint_headers)
        self.fit_rows()

    def _configure_headers(self) -> None:
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumHeight(48)
        header.setMinimumSectionSize(36)
        header.setHighlightSections(False)  # bold headers would not fit their wrapped titles
        # Rows are as tall as their evidence text wrapped in its column. Qt's ResizeToContents
        # would measure every row's every cell again on each change of any cell; here each
        # text is measured once per column width (see fit_rows).
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.apply_widths()

    def apply_widths(self) -> None:
        """Give the fixed columns sensible widths and the hypotheses equal room."""
        m = MatrixModel
        for column, width in FIXED_WIDTHS.items():
            self.setColumnWidth(column, width)
        for column in range(m.FIRST_HYPOTHESIS, self.matrix_model.columnCount()):
            self.setColumnWidth(column, max(HYPOTHESIS_WIDTH, self._score_width(column)))
        self.fit_text_column()

    def _score_width(self, column: int) -> int:
        """The width a hypothesis header needs to show its score line whole."""
        text = self.matrix_model.headerData(column, Qt.Orientation.Horizontal) or ""
        line = str(text).rsplit("\n", 1)[-1]
        return self.horizontalHeader().fontMetrics().horizontalAdvance(line) + 14

    def ideal_width(self) -> int:
        """The width that shows every column with a comfortable evidence text."""
        others = sum(self.columnWidth(c) for c in range(1, self.model().columnCount()))
        return (others + COMFORTABLE_TEXT_WIDTH + self.verticalHeader().width()
                + self.verticalScrollBar().sizeHint().width() + 4)

    def fit_text_column(self) -> None:
        """Give the evidence text the room the other columns leave, but never less than a minimum."""
        others = sum(self.columnWidth(c) for c in range(1, self.model().columnCount()))
        self.setColumnWidth(MatrixModel.COL_TEXT,
                            max(MIN_TEXT_WIDTH, self.viewport().width() - others - 2))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_text_column()

    # ---------------------------------------------------------- row heights

    def _single_line(self) -> int:
        """The height of a one-line row (rating cells are bold)."""
        bold = QFont(self.font())
        bold.setBold(True)
        return max(self._text_height("Xg", 200, bold), self.verticalHeader().minimumSectionSize())

    def _text_height(self, text: str, width: int, font: QFont | None = None) -> int:
        """What Qt's own delegate asks for a cell of this text, word-wrapped at this width."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.font = font or self.font()
        option.fontMetrics = self.fontMetrics() if font is None else self.fontMetrics().__class__(font)
        option.text = text
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if self.wordWrap():
            option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        option.rect = QRect(0, 0, width, 1 << 16)  # a valid rect: Qt wraps text only inside one
        style = self.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), self).height()

    def row_height(self, text: str) -> int:
        """The height a row of this evidence text takes at the text column's width now."""
        width = self.columnWidth(MatrixModel.COL_TEXT)
        key = (text, width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 200_000:
                self._heights.clear()
            grid = 1 if self.showGrid() else 0  # as QTableView.sizeHintForRow counts the grid line
            height = self._heights[key] = max(self._text_height(text, width), self._one_line) + grid
        return height

    def fit_rows(self, first: int = 0, last: int | None = None) -> None:
        """Give rows ``first``…``last`` (all by default) the height of their evidence text."""
        self._one_line = self._single_line()
        proxy = self.proxy
        count = proxy.rowCount()
        last = count - 1 if last is None else min(last, count - 1)
        header = self.verticalHeader()
        model = self.matrix_model
        for row in range(first, last + 1):
            text = model.text_at(proxy.mapToSource(proxy.index(row, 0)).row())
            height = self.row_height(text)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                         roles: list[int] | None = None) -> None:
        if top_left.column() <= MatrixModel.COL_TEXT <= bottom_right.column() and (
                not roles or Qt.ItemDataRole.DisplayRole in roles):
            self.fit_rows(top_left.row(), bottom_right.row())

    def repaint_headers(self, first: int, last: int) -> None:
        """Repaint the header sections of these columns (their scores changed)."""
        header = self.horizontalHeader()
        for logical in range(first, last + 1):
            needed = self._score_width(logical)
            if needed > header.sectionSize(logical):  # a score grew a digit: never cut it
                self.setColumnWidth(logical, needed)
                continue
            x = header.sectionViewportPosition(logical)
            width = header.sectionSize(logical)
            if x + width >= 0 and x <= header.viewport().width():
                header.viewport().update(QRect(x, 0, width, header.height()))

    def _on_section_resized(self, logical: int, _old: int, _new: int) -> None:
        if logical == MatrixModel.COL_TEXT:
            self._refit.start()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_refit"):
            self._heights.clear()
            self._refit.start()

    # ---------------------------------------------------------- mapping

    def source_index(self, index: QModelIndex) -> QModelIndex:
        """The model index behind a view index."""
        return self.proxy.mapToSource(index)

    def selected_cells(self) -> list[tuple[int, int]]:
        """The rating cells selected, or the current one when nothing is selected."""
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        cells = []
        for index in sorted(indexes, key=lambda i: (i.row(), i.column())):
            cell = self.matrix_model.cell_at(self.source_index(index))
            if cell is not None:
                cells.append(cell)
        return cells

    def current_evidence_id(self) -> int | None:
        """The evidence id of the current row."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.matrix_model.evidence_id_at(self.source_index(index).row())

    def current_hypothesis_id(self) -> int | None:
        """The hypothesis id of the current column, if it is a rating column."""
        index = self.source_index(self.currentIndex())
        if not index.isValid() or not self.matrix_model.is_rating_column(index.column()):
            return None
        return self.matrix_model.hypothesis_id_at(index.column())

    def show_evidence(self, evidence_id: int) -> None:
        """Make an evidence row current (its first rating cell) and scroll to it."""
        source = self.matrix_model.index(self.matrix_model.row_of(evidence_id),
                                         MatrixModel.FIRST_HYPOTHESIS
                                         if self.matrix_model.columnCount() > MatrixModel.FIRST_HYPOTHESIS
                                         else MatrixModel.COL_TEXT)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
            self.setFocus()

    def select_cell(self, evidence_id: int, hypothesis_id: int) -> None:
        """Make a cell current."""
        index = self.proxy.mapFromSource(self.matrix_model.index_of_cell(evidence_id, hypothesis_id))
        if index.isValid():
            self.setCurrentIndex(index)

    # ---------------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        cells = self.selected_cells()
        if cells and key in CLEAR_KEYS:
            self.rateRequested.emit(cells, None)
            event.accept()
            return
        if cells and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.cellDialogRequested.emit(cells[0])
            event.accept()
            return
        rating = rating_for_key(event)
        if rating is not None and cells:
            single = len(cells) == 1
            rated_row = self.current_evidence_id()
            self.rateRequested.emit(cells, rating)
            if single and self.current_evidence_id() == rated_row:
                self._advance()
            elif single and self.currentIndex().isValid():
                # The rated row has just hidden itself: the row that took its place starts afresh.
                self.setCurrentIndex(self.proxy.index(self.currentIndex().row(),
                                                      MatrixModel.FIRST_HYPOTHESIS))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            evidence_id = self.current_evidence_id()
            if evidence_id is not None:
                self.evidenceDialogRequested.emit(evidence_id)
                event.accept()
                return
        super().keyPressEvent(event)

    def _advance(self) -> None:
        """Move to the next hypothesis in the row, then to the next row's first hypothesis."""
        index = self.currentIndex()
        first = MatrixModel.FIRST_HYPOTHESIS
        last = self.proxy.columnCount() - 1
        row, column = index.row(), index.column() + 1
        if column > last:
            if row + 1 >= self.proxy.rowCount():
                return
            row, column = row + 1, first
        self.setCurrentIndex(self.proxy.index(row, column))

    def _on_double_click(self, index: QModelIndex) -> None:
        source = self.source_index(index)
        cell = self.matrix_model.cell_at(source)
        if cell is not None:
            self.cellDialogRequested.emit(cell)
        else:
            self.evidenceDialogRequested.emit(self.matrix_model.evidence_id_at(source.row()))

    # ---------------------------------------------------------- sorting

    def sort_by_diagnosticity(self, on: bool) -> None:
        """Show the most diagnostic rows first, or return to the matrix's own order."""
        if on:
            self.proxy.sort(MatrixModel.COL_DIAGNOSTICITY, Qt.SortOrder.DescendingOrder)
        else:
            self.proxy.sort(-1)
        self.horizontalHeader().setSortIndicatorShown(on)
        if on:
            self.horizontalHeader().setSortIndicator(MatrixModel.COL_DIAGNOSTICITY,
                                                     Qt.SortOrder.DescendingOrder)

    def hide_non_diagnostic(self, on: bool) -> None:
        """Hide the rows that rate every hypothesis alike (they cannot help choose)."""
        self.proxy.hide_non_diagnostic = on
        self.reapply(everything=True)

    @property
    def rearranged(self) -> bool:
        """Whether rows are shown sorted or filtered rather than in the matrix's own order."""
        return self.sorted_by_diagnosticity or self.proxy.hide_non_diagnostic

    def reapply(self, everything: bool = False) -> None:
        """Keep the cursor on the same cell after an edit in a sorted or filtered view.

        The proxy has already placed the edited rows (dynamic sorting and filtering);
        ``everything`` sorts and filters all rows again (when sorting or hiding is turned
        on or off).
        """
        current = self.source_index(self.currentIndex())
        cell = self.matrix_model.cell_at(current) if current.isValid() else None
        row_id = (self.matrix_model.evidence_id_at(current.row())
                  if current.isValid() and current.row() < self.matrix_model.rowCount() else None)
        column = current.column() if current.isValid() else 0
        view_row = self.currentIndex().row()
        if everything:
            self.proxy.invalidate()
            if self.sorted_by_diagnosticity:
                self.proxy.sort(MatrixModel.COL_DIAGNOSTICITY, Qt.SortOrder.DescendingOrder)
        if cell is not None:
            self.select_cell(*cell)
        if not self.currentIndex().isValid() and self.proxy.rowCount():
            # the row just hid itself: stay where it was, on the row that took its place
            row = min(max(view_row, 0), self.proxy.rowCount() - 1)
            self.setCurrentIndex(self.proxy.index(row, max(column, MatrixModel.FIRST_HYPOTHESIS)
                                                  if self.matrix_model.columnCount() >
                                                  MatrixModel.FIRST_HYPOTHESIS else column))
            return
        elif row_id is not None and self.matrix_model.row_of(row_id) >= 0:
            index = self.proxy.mapFromSource(
                self.matrix_model.index(self.matrix_model.row_of(row_id), column))
            if index.isValid():
                self.setCurrentIndex(index)

    @property
    def sorted_by_diagnosticity(self) -> bool:
        """Whether rows are shown in diagnosticity order."""
        return self.proxy.sortColumn() == MatrixModel.COL_DIAGNOSTICITY
