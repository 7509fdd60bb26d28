"""The matrix table: rating from the keyboard as fast as in a spreadsheet.

Keys on a rating cell (or a selection of them): ``1``–``6`` give CC, C, N, I,
II, NA; letters too: ``C`` consistent, ``Shift+C`` very consistent, ``N``
neutral, ``I`` inconsistent, ``Shift+I`` very inconsistent, ``A`` not
applicable. Delete or Backspace clears. After a rating the cursor moves to the
next hypothesis of the same row (ACH works across rows), then to the next row.
Enter or F2 opens the cell's rating-and-rationale dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPolygon, QResizeEvent
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
        self.matrix_model = model
        self.proxy = MatrixProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setDynamicSortFilter(False)
        self.setModel(self.proxy)
        self.setItemDelegate(RatingDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setTabKeyNavigation(True)
        self.doubleClicked.connect(self._on_double_click)
        self._configure_headers()
        model.modelReset.connect(self.apply_widths)
        model.columnsInserted.connect(self.apply_widths)

    def _configure_headers(self) -> None:
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumHeight(48)
        header.setMinimumSectionSize(36)
        header.setHighlightSections(False)  # bold headers would not fit their wrapped titles
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.apply_widths()

    def apply_widths(self) -> None:
        """Give the fixed columns sensible widths and the hypotheses equal room."""
        m = MatrixModel
        for column, width in FIXED_WIDTHS.items():
            self.setColumnWidth(column, width)
        for column in range(m.FIRST_HYPOTHESIS, self.matrix_model.columnCount()):
            self.setColumnWidth(column, HYPOTHESIS_WIDTH)
        self.fit_text_column()

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
            self.rateRequested.emit(cells, rating)
            if single:
                self._advance()
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
        self.reapply()

    @property
    def rearranged(self) -> bool:
        """Whether rows are shown sorted or filtered rather than in the matrix's own order."""
        return self.sorted_by_diagnosticity or self.proxy.hide_non_diagnostic

    def reapply(self) -> None:
        """Sort and filter again after an edit, keeping the cursor on the same cell."""
        current = self.source_index(self.currentIndex())
        cell = self.matrix_model.cell_at(current) if current.isValid() else None
        row_id = (self.matrix_model.evidence_id_at(current.row())
                  if current.isValid() and current.row() < self.matrix_model.rowCount() else None)
        column = current.column() if current.isValid() else 0
        view_row = self.currentIndex().row()
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
