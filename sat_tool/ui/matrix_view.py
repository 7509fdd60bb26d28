"""The matrix table: rating from the keyboard as fast as in a spreadsheet.

Keys on a rating cell (or a selection of them): ``1``–``6`` give CC, C, N, I,
II, NA; letters too: ``C`` consistent, ``Shift+C`` very consistent, ``N``
neutral, ``I`` inconsistent, ``Shift+I`` very inconsistent, ``A`` not
applicable. Delete or Backspace clears. After a rating the cursor moves to the
next hypothesis of the same row (ACH works across rows), then to the next row.
Enter or F2 opens the cell's rating-and-rationale dialog.

The same view can show the matrix transposed, with the hypotheses down the side
and the evidence items across (:meth:`MatrixView.set_transposed`), a layout found
to reduce confirmation bias. There a rating moves the cursor to the next evidence
item of the same hypothesis, and a band above the table shows the text of the
current item in full. Everything else (keys, selection, sorting and hiding, which
then act on columns) works alike in both layouts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QTransposeProxyModel,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPen,
    QPolygon,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from sat_tool.domain.model import Rating
from sat_tool.ui.models import (
    MatrixModel,
    ObjectRole,
    RatingRole,
    LikelihoodRole,
    RationaleRole,
    SortRole,
    TransposedRole,
    escape_html,
)
from sat_tool.ui import theme

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
VIEW_KEYS = (
    (QT_TRANSLATE_NOOP("MatrixView", "Rate CC, C, N, I, II or NA"), "1, 2, 3, 4, 5, 6"),
    (QT_TRANSLATE_NOOP("MatrixView", "Rate C, CC, N, I, II or NA by letter"),
     "C, Shift+C, N, I, Shift+I, A"),
    (QT_TRANSLATE_NOOP("MatrixView", "Clear the selected cells"), "Delete, Backspace"),
    (QT_TRANSLATE_NOOP("MatrixView", "Open the cell's rating and rationale (on a rating cell)"),
     "Enter, F2"),
    (QT_TRANSLATE_NOOP("MatrixView", "Edit the evidence item (on its text)"), "Enter, F2"),
    (QT_TRANSLATE_NOOP("MatrixView", "Copy the selected block as a spreadsheet does"), "Ctrl+C"),
    (QT_TRANSLATE_NOOP("MatrixView",
                       "Paste ratings from the cursor, or evidence rows on an item's text"), "Ctrl+V"),
    (QT_TRANSLATE_NOOP("MatrixView", "Move the cursor; select a block"),
     QT_TRANSLATE_NOOP("MatrixView", "Arrows, Tab; Shift+Arrows")),
    (QT_TRANSLATE_NOOP("MatrixView", "Next and previous match of Find"),
     "Enter, Shift+Enter, F3, Shift+F3"),
    (QT_TRANSLATE_NOOP("MatrixView", "Close Find"), "Esc"),
)
"""The keys the matrix and the find bar handle themselves, for Help ▸ Keyboard shortcuts: (what
it does, the keys). Texts with words are marked for the catalogue in the MatrixView context and
translated where they are shown."""

KEY_HELP = QT_TRANSLATE_NOOP(
    "MatrixView", "1 CC · 2 C · 3 N · 4 I · 5 II · 6 NA — or C, Shift+C, N, I, Shift+I, A · Del clears")
"""The rating keys on one line (translated in the MatrixView context where it is shown)."""
REFIT_DELAY_MS = 80
UNLIMITED = 16777215
"""Qt's largest widget size (QWIDGETSIZE_MAX)."""
"""After the text column is resized, rows are fitted again once the resizing pauses."""
EVIDENCE_WIDTH = 36
"""The narrowest evidence column when the hypotheses are down the side."""
HEADER_PADDING = 10
"""Room a header section needs around its text."""
SIDE_HEADER_WIDTHS = (150, 300)
"""The narrowest and the widest the hypothesis row headers may be (hypotheses down the side)."""
SIDE_ROW_HEIGHT = 48
"""The lowest a hypothesis row may be (hypotheses down the side)."""
BAND_LINES = 3
"""Lines the band above a transposed matrix always has room for: the item's facts, its text."""
TRANSPOSED_HEADER_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                           Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole,
                           Qt.ItemDataRole.TextAlignmentRole)
"""The header roles that read differently when the hypotheses are down the side."""


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


_PROSE = "Bargained accommodation with strategic benefits, Iranian state operation"
"""A sample of hypothesis titles, whose mean glyph width says how many fit in a header line."""

class RatingDelegate(QStyledItemDelegate):
    """Paints rating cells, with a corner mark on cells that carry a rationale and a dot on
    cells whose likelihood the analyst stated."""

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
        if index.data(LikelihoodRole) is not None:
            # A stated likelihood: a small circle in the lower left corner (the tooltip says it).
            rect = option.rect  # type: ignore[attr-defined]
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor("#FFFFFF"), 1))
            painter.setBrush(QColor("#7B3FA0"))
            painter.drawEllipse(rect.bottomLeft() + QPoint(6, -6), 3, 3)
            painter.restore()
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


class TransposedMatrix(QTransposeProxyModel):
    """The sorted matrix turned on its side: a row per hypothesis, a column per evidence item.

    The rows of the evidence's own fields (text, type, credibility, relevance,
    diagnosticity) stay in the model, for the view to hide: their values are read by
    the evidence column headers instead (see :data:`TransposedRole`).
    """

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in TRANSPOSED_HEADER_ROLES:
            role = TransposedRole + role
        return super().headerData(section, orientation, role)


class EvidenceBand(QLabel):
    """The current evidence item in full, above a transposed matrix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setStyleSheet(f"EvidenceBand {{ {theme.note_box()} border-radius: 3px; "
                           "padding: 3px 8px; }")
        self.evidence_id: int | None = None
        self.setVisible(False)

    def _least_height(self) -> int:
        """Room for BAND_LINES lines: moving along the items must not make the table jump."""
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * BAND_LINES + margins.top() + margins.bottom() + 2

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        # A long text takes the lines it needs, up to twice the usual; the tooltip has it all.
        least = self._least_height()
        return min(max(super().heightForWidth(width), least), 2 * least)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().sizeHint().width(), self.heightForWidth(max(self.width(), 200)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, self._least_height())

    def show_item(self, model: MatrixModel, row: int | None) -> None:
        """Show the evidence item of a model row (None: no item is current)."""
        if row is None or not 0 <= row < model.rowCount():
            self.evidence_id = None
            hint = self.tr("Move to a cell to read its evidence item here; hover a column header "
                           "for its source and notes.")
            self.setText("<span style='color:#666'>" + hint + "</span>")
            self.setToolTip("")
            return
        item = model.index(row, MatrixModel.COL_TEXT).data(ObjectRole)
        try:
            relevance = model.matrix.row(item.id).relevance
        except (AttributeError, KeyError):  # the item is being removed: its successor follows
            return
        self.evidence_id = item.id
        label = model.headerData(row, Qt.Orientation.Vertical) or item.label
        diagnosticity = model.index(row, MatrixModel.COL_DIAGNOSTICITY).data() or "–"
        facts = self.tr("{type} · credibility {credibility} · relevance {relevance} · "
                        "diagnosticity {diagnosticity}").format(
            type=item.type.shown, credibility=item.credibility.shown.lower(),
            relevance=relevance.shown.lower(), diagnosticity=diagnosticity)
        shown = (f"<b>{escape_html(str(label))}</b>&nbsp; <span style='color:#555'>"
                 f"{escape_html(facts)}</span><br>{escape_html(item.text)}")
        self.setText(shown)
        self.setToolTip(model.index(row, MatrixModel.COL_TEXT).data(Qt.ItemDataRole.ToolTipRole))
        self.updateGeometry()


class MatrixView(QTableView):
    """The table showing a :class:`MatrixModel` through a sorting proxy.

    Indexes come in three kinds here: those of the view's own model (:meth:`model`,
    which is the sorting proxy, or the transposed proxy above it), those of the
    sorting proxy (:attr:`proxy`: rows are evidence, columns the fixed fields then the
    hypotheses, in the order shown, whatever the layout), and those of the
    :class:`MatrixModel`. :meth:`setCurrentIndex` takes the first two kinds.
    """

    rateRequested = Signal(list, object)
    """Rating cells (as (evidence id, hypothesis id)) and the Rating, or None to clear."""
    pasteRequested = Signal(object)
    """Ratings pasted: {(evidence id, hypothesis id): Rating or None}, one block."""
    pasteRefused = Signal(str)
    """Pasted text that cannot go where it was pasted, with the sentence saying why."""
    evidencePasteRequested = Signal(str)
    """Text pasted with the cursor outside the rating cells: rows of new evidence."""
    rowMoveRequested = Signal(int, int)
    """An evidence row dragged to a new place: (evidence id, its new index in the matrix)."""
    hypothesisMoveRequested = Signal(int, int)
    """A hypothesis dragged to a new place: (hypothesis id, its new index)."""
    moveRefused = Signal(str)
    """A drag that cannot reorder the matrix as it is shown, with the sentence saying why."""
    cellDialogRequested = Signal(object)
    """A rating cell, as (evidence id, hypothesis id), whose dialog should open."""
    evidenceDialogRequested = Signal(int)
    """An evidence id whose editor should open."""

    def __init__(self, model: MatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._transposed = False
        self._placing = False
        self._one_line = 0
        self.matrix_model = model
        self.proxy = MatrixProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        # Sorted or filtered, the proxy places again only the rows whose data changed: an edit
        # costs the same on 20 rows as on 10,000 (invalidating would sort them all again).
        self.proxy.setDynamicSortFilter(True)
        self.setModel(self.proxy)
        self.transpose = TransposedMatrix(self)
        """The matrix with hypotheses as rows; it follows the proxy only while it is shown."""
        self.band = EvidenceBand()
        """The current evidence item's text, for the page to place above the table."""
        self._standard_column_size = self.horizontalHeader().defaultSectionSize()
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
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionsMovable(True)  # drag a hypothesis or an item to reorder it
            header.sectionMoved.connect(
                lambda logical, old, new, h=header: self._on_section_moved(h, logical, old, new))
        model.modelReset.connect(self.apply_widths)
        model.columnsInserted.connect(self.apply_widths)
        self.proxy.modelReset.connect(lambda: self.fit_rows())
        self.proxy.layoutChanged.connect(lambda *_: self.fit_rows())
        self.proxy.rowsInserted.connect(lambda _parent, first, last: self.fit_rows(first, last))
        self.proxy.dataChanged.connect(self._on_data_changed)
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)
        model.scoresChanged.connect(self.repaint_headers)
        self.transpose.modelReset.connect(lambda: self._fit_transposed(everything=True))
        self.transpose.layoutChanged.connect(lambda *_: self._fit_transposed())
        self.transpose.rowsInserted.connect(lambda *_: self._fit_transposed())
        self.transpose.headerDataChanged.connect(self._on_transposed_header_changed)
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
        if self._transposed:
            self._fit_transposed()
            return
        m = MatrixModel
        for column, width in FIXED_WIDTHS.items():
            self.setColumnWidth(column, round(width * self.zoom))
        for column in range(m.FIRST_HYPOTHESIS, self.matrix_model.columnCount()):
            self.setColumnWidth(column, max(round(HYPOTHESIS_WIDTH * self.zoom),
                                            self._score_width(column)))
        self.fit_text_column()

    zoom = 1.0
    """How large the matrix's text is drawn, against the application's font."""

    def set_zoom(self, zoom: float) -> None:
        """Draw the matrix's text (cells and headers) ``zoom`` times the application's size."""
        self.zoom = zoom
        base = QGuiApplication.font()
        font = QFont(base)
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF() * zoom)
        else:
            font.setPixelSize(max(6, round(base.pixelSize() * zoom)))
        for widget in (self, self.horizontalHeader(), self.verticalHeader()):
            widget.setFont(font)
        self._heights.clear()
        self._one_line = self._single_line()
        self.apply_widths()
        self.fit_rows()

    def _score_width(self, column: int) -> int:
        """The width a hypothesis header needs to show its score line whole."""
        text = self.matrix_model.headerData(column, Qt.Orientation.Horizontal) or ""
        line = str(text).rsplit("\n", 1)[-1]
        return self.horizontalHeader().fontMetrics().horizontalAdvance(line) + 14

    def ideal_width(self) -> int:
        """The width that shows every column with a comfortable evidence text."""
        if self._transposed:
            columns = self.horizontalHeader().length()
            return (self.verticalHeader().width() + columns
                    + self.verticalScrollBar().sizeHint().width() + 4)
        others = sum(self.columnWidth(c) for c in range(1, self.model().columnCount()))
        return (others + COMFORTABLE_TEXT_WIDTH + self.verticalHeader().width()
                + self.verticalScrollBar().sizeHint().width() + 4)

    def fit_text_column(self) -> None:
        """Give the evidence text the room the other columns leave, but never less than a minimum."""
        if self._transposed:
            return
        others = sum(self.columnWidth(c) for c in range(1, self.model().columnCount()))
        self.setColumnWidth(MatrixModel.COL_TEXT,
                            max(MIN_TEXT_WIDTH, self.viewport().width() - others - 2))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_text_column()
        if self._transposed and event.size().width() != event.oldSize().width():
            self._fit_height()  # a horizontal scroll bar may have come or gone

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
            # the grid line also takes a pixel off the width the text is painted in
            height = self._heights[key] = max(self._text_height(text, width - grid),
                                              self._one_line) + grid
        return height

    def fit_rows(self, first: int = 0, last: int | None = None) -> None:
        """Give rows ``first``…``last`` (all by default) the height of their evidence text."""
        self._one_line = self._single_line()
        if self._transposed:
            # The rows are the evidence columns here. Without a range (a sort, a reset) each
            # column keeps the width it had: Qt moves the widths with their items.
            self._fit_transposed()
            if last is not None:
                self._fit_new_evidence(first, last)
            return
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
        if self._transposed:
            # The evidence's fields are read in the column headers and the band: repaint those.
            if top_left.column() < MatrixModel.FIRST_HYPOTHESIS:
                self.horizontalHeader().headerDataChanged(Qt.Orientation.Horizontal,
                                                          top_left.row(), bottom_right.row())
                self._fit_evidence_columns(top_left.row(), bottom_right.row())
                current = self.current_position()
                if current.isValid() and top_left.row() <= current.row() <= bottom_right.row():
                    self._show_band()
            return
        if top_left.column() <= MatrixModel.COL_TEXT <= bottom_right.column() and (
                not roles or Qt.ItemDataRole.DisplayRole in roles):
            self.fit_rows(top_left.row(), bottom_right.row())

    def repaint_headers(self, first: int, last: int) -> None:
        """Repaint the header sections of these columns (their scores changed)."""
        if self._transposed:
            self._repaint_side_headers(first, last)
            return
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

    def _on_section_resized(self, logical: int, _old: int, new: int) -> None:
        if logical == MatrixModel.COL_TEXT and not self._transposed:
            self._refit.start()
        if not self._transposed and self.matrix_model.is_rating_column(logical):
            # the hypothesis's title and scores wrap to the column's width as it is resized
            # (measured on prose: the font's average glyph is wider than a title's letters)
            metrics = self.horizontalHeader().fontMetrics()
            average = max(1.0, metrics.horizontalAdvance(_PROSE) / len(_PROSE))
            self.matrix_model.set_header_width(logical, int((new - 16) // average))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(self, "_refit"):
            self._heights.clear()
            self._refit.start()
            self._fit_transposed(everything=True)

    # ---------------------------------------------------------- mapping

    def to_proxy(self, index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        """The sorting proxy's index behind a view index (the same index when not transposed)."""
        if index.isValid() and index.model() is self.transpose:
            return self.transpose.mapToSource(index)
        return QModelIndex(index)

    def from_proxy(self, index: QModelIndex) -> QModelIndex:
        """The view index showing an index of the sorting proxy."""
        if self._transposed and index.isValid():
            return self.transpose.mapFromSource(index)
        return index

    def source_index(self, index: QModelIndex) -> QModelIndex:
        """The model index behind a view index."""
        return self.proxy.mapToSource(self.to_proxy(index))

    def current_position(self) -> QModelIndex:
        """The current cell as an index of the sorting proxy, whatever the layout."""
        return self.to_proxy(self.currentIndex())

    def setCurrentIndex(self, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        """Make a cell current and the only one selected, the start of any Shift+arrow
        selection; the index may be the view's or the sorting proxy's."""
        if self._transposed and index.isValid() and index.model() is self.proxy:
            index = self.transpose.mapFromSource(QModelIndex(index))
        self._placing = True
        try:
            super().setCurrentIndex(index)
        finally:
            self._placing = False

    def selectionCommand(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802
                         event: QEvent | None = None) -> QItemSelectionModel.SelectionFlag:
        if self._placing and event is None:
            # Placed by the program (a panel's link, undo, the next cell after a rating): a
            # Shift still held from typing CC or II must not stretch the selection to it.
            return QItemSelectionModel.SelectionFlag.ClearAndSelect
        return super().selectionCommand(index, event)

    def selected_cells(self) -> list[tuple[int, int]]:
        """The rating cells selected, or the current one when nothing is selected.

        They come in the matrix's order (row by row as shown in the standard layout),
        so a command reads the same in both layouts.
        """
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        positions = [self.to_proxy(index) for index in indexes]
        cells = []
        for index in sorted(positions, key=lambda i: (i.row(), i.column())):
            cell = self.matrix_model.cell_at(self.proxy.mapToSource(index))
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
        index = self.from_proxy(self.proxy.mapFromSource(source))
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
            self.setFocus()

    def select_cell(self, evidence_id: int, hypothesis_id: int) -> None:
        """Make a cell current."""
        index = self.from_proxy(self.proxy.mapFromSource(
            self.matrix_model.index_of_cell(evidence_id, hypothesis_id)))
        if index.isValid():
            self.setCurrentIndex(index)

    def hypothesis_header(self) -> QHeaderView:
        """The header that shows the hypotheses: across the top, or down the side."""
        return self.verticalHeader() if self._transposed else self.horizontalHeader()

    def evidence_header(self) -> QHeaderView:
        """The header that shows the evidence items: down the side, or across the top."""
        return self.horizontalHeader() if self._transposed else self.verticalHeader()

    def hypothesis_at_section(self, section: int) -> int | None:
        """The hypothesis of a section of :meth:`hypothesis_header`, if it is one."""
        column = section  # the proxy never reorders the model's columns
        if section < 0 or not self.matrix_model.is_rating_column(column):
            return None
        return self.matrix_model.hypothesis_id_at(column)

    def evidence_at_section(self, section: int) -> int | None:
        """The evidence item of a section of :meth:`evidence_header`, if it is one."""
        if not 0 <= section < self.proxy.rowCount():
            return None
        return self.matrix_model.evidence_id_at(
            self.proxy.mapToSource(self.proxy.index(section, 0)).row())

    # ---------------------------------------------------------- keys

    # ---------------------------------------------------------- dragging to reorder

    def _on_section_moved(self, header: QHeaderView, logical: int, old: int, new: int) -> None:
        """A header section dragged: put it back where it was on screen and ask for the move
        in the matrix itself, which then shows it (the headers never keep an order of their
        own)."""
        header.blockSignals(True)
        header.moveSection(new, old)
        header.blockSignals(False)
        if header is self.hypothesis_header():
            hid = self.hypothesis_at_section(logical)
            if hid is None:
                return  # the evidence's own columns stay where they are
            first = MatrixModel.FIRST_HYPOTHESIS
            index = max(0, min(new, self.matrix_model.columnCount() - 1) - first)
            self.hypothesisMoveRequested.emit(hid, index)
            return
        eid = self.evidence_at_section(logical)
        if eid is None:
            return
        if self.rearranged:
            self.moveRefused.emit(self.tr("Rows are sorted by diagnosticity or filtered: turn "
                                          "that off to move a row by hand"))
            return
        self.rowMoveRequested.emit(eid, max(0, min(new, self.proxy.rowCount() - 1)))

    # ---------------------------------------------------------- copy and paste

    def _visible_lines(self, first: int, last: int, columns: bool) -> list[int]:
        hidden = self.isColumnHidden if columns else self.isRowHidden
        return [n for n in range(first, last + 1) if not hidden(n)]

    def copied_text(self) -> str:
        """The selected block as tab-separated text, as spreadsheets copy it: the rectangle
        around the selection, rating cells as their codes (empty when unrated), other cells
        as shown."""
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return ""
        rows = self._visible_lines(min(i.row() for i in indexes), max(i.row() for i in indexes),
                                   False)
        columns = self._visible_lines(min(i.column() for i in indexes),
                                      max(i.column() for i in indexes), True)
        model = self.model()
        lines = []
        for row in rows:
            values = []
            for column in columns:
                index = model.index(row, column)
                cell = self.matrix_model.cell_at(self.source_index(index))
                if cell is not None:
                    found = self.matrix_model.matrix.ratings.get(cell)
                    values.append(found.rating.value if found else "")
                else:
                    shown = self._stored_value(self.source_index(index))
                    if shown is None:
                        shown = index.data(Qt.ItemDataRole.DisplayRole)
                    value = " ".join(str(shown).split()) if shown is not None else ""
                    # a quote would start a quoted cell where the text is pasted: quote the
                    # cell and double its quotes, as spreadsheets do
                    values.append(f'"{value.replace(chr(34), chr(34) * 2)}"' if '"' in value
                                  else value)
            lines.append("\t".join(values))
        return "\n".join(lines)

    def _stored_value(self, source: QModelIndex) -> str | None:
        """An item's type, credibility or relevance as stored (``OSINT``, ``High``), which a
        paste reads back in any language; None for the other columns."""
        column = source.column()
        if column not in (MatrixModel.COL_TYPE, MatrixModel.COL_CREDIBILITY,
                          MatrixModel.COL_RELEVANCE):
            return None
        item = source.siblingAtColumn(MatrixModel.COL_TEXT).data(ObjectRole)
        if item is None:
            return None
        if column == MatrixModel.COL_TYPE:
            return item.type.value
        if column == MatrixModel.COL_CREDIBILITY:
            return item.credibility.value[0]
        try:
            return self.matrix_model.matrix.row(item.id).relevance.value[0]
        except KeyError:
            return None

    def copy_selection(self) -> None:
        """Put the selected block on the clipboard as tab-separated text."""
        text = self.copied_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def paste_text(self, text: str) -> None:
        """Paste tab-separated ratings from the current cell rightwards and down, as one edit;
        one value pasted into a selection of several cells rates them all. Text that cannot
        go there is refused as a whole, with the sentence saying why (:attr:`pasteRefused`).
        With the cursor outside the rating cells (on an item's text, say), the lines are new
        evidence rows (:attr:`evidencePasteRequested`)."""
        anchor = self.currentIndex()
        if not anchor.isValid() or self.matrix_model.cell_at(self.source_index(anchor)) is None:
            self.evidencePasteRequested.emit(text)
            return
        try:
            ratings = self.pasted_ratings(text)
        except ValueError as exc:
            self.pasteRefused.emit(str(exc))
            return
        if ratings:
            self.pasteRequested.emit(ratings)

    def pasted_ratings(self, text: str) -> dict[tuple[int, int], Rating | None]:
        """Where pasted text would go and what it would rate; ValueError naming the problem."""
        from sat_tool.formats.sheet_layout import read_rating

        from sat_tool.formats.pasted import split_cells

        grid = split_cells(text)  # quoted cells as spreadsheets write them
        if not grid:
            raise ValueError(self.tr("the clipboard holds no text to paste"))
        if len(grid) * max(len(r) for r in grid) > 200_000:
            raise ValueError(self.tr("the pasted block is larger than any matrix"))
        values: list[list[Rating | None]] = []
        for r, row in enumerate(grid, 1):
            parsed = []
            for c, value in enumerate(row, 1):
                try:
                    parsed.append(read_rating(value))
                except ValueError:
                    shown = value.strip()
                    shown = shown if len(shown) <= 40 else shown[:37] + "…"
                    raise ValueError(self.tr(
                        "line {line}, value {value} of the pasted text, {text}, is not a rating "
                        "(CC, C, N, I, II or NA, or their names)").format(
                            line=r, value=c, text=repr(shown))) from None
            values.append(parsed)
        anchor = self.currentIndex()
        if not anchor.isValid() or self.matrix_model.cell_at(self.source_index(anchor)) is None:
            raise ValueError(self.tr("put the cursor on a rating cell to paste ratings"))
        if len(values) == 1 and len(values[0]) == 1 and len(self.selected_cells()) > 1:
            return dict.fromkeys(self.selected_cells(), values[0][0])
        model = self.model()
        rows = [n for n in range(anchor.row(), model.rowCount()) if not self.isRowHidden(n)]
        columns = [n for n in range(anchor.column(), model.columnCount())
                   if not self.isColumnHidden(n)]
        width = max(len(r) for r in values)
        if len(values) > len(rows) or width > len(columns):
            raise ValueError(self.tr(
                "the pasted block is {rows} by {columns} but only {free_rows} by {free_columns} "
                "cells lie from the cursor to the matrix's edge").format(
                    rows=len(values), columns=width, free_rows=min(len(values), len(rows)),
                    free_columns=min(width, len(columns))))
        ratings: dict[tuple[int, int], Rating | None] = {}
        for r, row_values in enumerate(values):
            for c, rating in enumerate(row_values):
                cell = self.matrix_model.cell_at(self.source_index(model.index(rows[r], columns[c])))
                if cell is None:
                    raise ValueError(self.tr("the pasted block reaches cells that hold no "
                                             "ratings; paste ratings only over rating cells"))
                ratings[cell] = rating
        return ratings

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            event.accept()
            return
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
            place = self.current_position().row()
            self.rateRequested.emit(cells, rating)
            if single and self.current_evidence_id() == rated_row:
                self._advance()
            elif single and self.currentIndex().isValid():
                # The rated item has just hidden itself: the item that took its place (the next
                # row, or the next column when transposed) starts afresh at the first hypothesis.
                place = min(place, self.proxy.rowCount() - 1)
                self.setCurrentIndex(self.proxy.index(place, MatrixModel.FIRST_HYPOTHESIS))
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
        """Move to the next cell to the right, then to the start of the next line.

        In the standard layout that is the next hypothesis of the evidence row; with the
        hypotheses down the side it is the next evidence item of the hypothesis.
        """
        index = self.current_position()
        row, column = index.row(), index.column()
        if self._transposed:
            row += 1
            if row >= self.proxy.rowCount():
                if column + 1 >= self.proxy.columnCount():
                    return
                row, column = 0, column + 1
        else:
            column += 1
            if column >= self.proxy.columnCount():
                if row + 1 >= self.proxy.rowCount():
                    return
                row, column = row + 1, MatrixModel.FIRST_HYPOTHESIS
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
        # The indicator marks the Diag column, which is folded into the headers when transposed.
        self.horizontalHeader().setSortIndicatorShown(on and not self._transposed)
        if on and not self._transposed:
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
        view_row = self.current_position().row()
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

    # ---------------------------------------------------------- hypotheses down the side

    @property
    def transposed(self) -> bool:
        """Whether the hypotheses are shown down the side and the evidence items across."""
        return self._transposed

    def set_transposed(self, on: bool) -> None:
        """Show the hypotheses as rows and the evidence items as columns (True), or the
        standard way round; the current cell and the selection stay as they were."""
        if on == self._transposed:
            return
        selection = QItemSelection(self.selectionModel().selection())
        if self._transposed:
            selection = self.transpose.mapSelectionToSource(selection)
        current = self.current_position()
        old = self.selectionModel()
        if on:
            self.transpose.setSourceModel(self.proxy)
            self._transposed = True
            self.setModel(self.transpose)
        else:
            self._transposed = False
            self.setModel(self.proxy)
            self.transpose.setSourceModel(None)  # nothing to keep in step while it is not shown
        old.deleteLater()
        self._configure_layout()
        self._restore_cursor(current, selection)

    def _configure_layout(self) -> None:
        """Set the headers and sizes up for the layout now shown."""
        header, side = self.horizontalHeader(), self.verticalHeader()
        on = self._transposed
        # The current evidence item's label is shown bold across the top when transposed.
        header.setHighlightSections(on)
        if on:
            header.setSortIndicatorShown(False)
            self._fit_transposed(everything=True)
        else:
            for row in range(min(MatrixModel.FIRST_HYPOTHESIS, self.proxy.rowCount())):
                self.setRowHidden(row, False)  # those were the evidence's fields
            side.setMinimumWidth(0)
            side.setMaximumWidth(UNLIMITED)  # the side header sizes itself again
            self.setMaximumHeight(UNLIMITED)
            header.setDefaultSectionSize(self._standard_column_size)
            header.setSortIndicatorShown(self.sorted_by_diagnosticity)
            if self.sorted_by_diagnosticity:
                header.setSortIndicator(MatrixModel.COL_DIAGNOSTICITY, Qt.SortOrder.DescendingOrder)
            self.apply_widths()
            self.fit_rows()
        if self.band.parentWidget() is not None:  # placed by the page
            self.band.setVisible(on)
        if on:
            self._show_band()

    def _restore_cursor(self, current: QModelIndex, selection: QItemSelection) -> None:
        """Put the cursor and the selection back on the same cells after a change of layout."""
        model = self.selectionModel()
        has_ratings = self.proxy.columnCount() > MatrixModel.FIRST_HYPOTHESIS
        if self._transposed and current.isValid() and current.column() < MatrixModel.FIRST_HYPOTHESIS:
            # The evidence's own fields are in the column header: go to the item's first rating.
            if not has_ratings:
                return
            self.setCurrentIndex(self.proxy.index(current.row(), MatrixModel.FIRST_HYPOTHESIS))
        else:
            if current.isValid():
                self.setCurrentIndex(current)  # also where a Shift+arrow selection starts from
            if self._transposed:
                selection = self.transpose.mapSelectionFromSource(selection)
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())

    def _fit_transposed(self, everything: bool = False) -> None:
        """Hide the rows of the evidence's fields and size the headers of the transposed layout
        (``everything``: every evidence column too, not only the hypothesis rows)."""
        if not self._transposed:
            return
        for row in range(min(MatrixModel.FIRST_HYPOTHESIS, self.transpose.rowCount())):
            if not self.isRowHidden(row):
                self.setRowHidden(row, True)
        self._fit_side()
        if everything:
            self._set_evidence_width(self._evidence_width(0, self.proxy.rowCount() - 1), True)

    def _fit_new_evidence(self, first: int, last: int) -> None:
        """Size the columns of evidence items just shown (a wider label widens them all)."""
        width = max(self.horizontalHeader().defaultSectionSize(), self._evidence_width(first, last))
        self._set_evidence_width(width, False)
        self._fit_evidence_columns(first, last)

    def _set_evidence_width(self, width: int, everything: bool) -> None:
        """Make ``width`` the evidence columns' own width, and fit those that need more."""
        header = self.horizontalHeader()
        if header.defaultSectionSize() != width:
            header.setDefaultSectionSize(width)  # every evidence column, and those still to come
            everything = True
        if everything:
            self._fit_evidence_columns()

    def _header_metrics(self, header: QHeaderView) -> Any:
        """The metrics of a header's bold font (its current section is drawn bold)."""
        font = QFont(header.font())
        font.setBold(True)
        return header.fontMetrics().__class__(font)

    def _side_texts(self, first: int = MatrixModel.FIRST_HYPOTHESIS,
                    last: int | None = None) -> dict[int, str]:
        """The hypothesis row headers' texts, by row."""
        count = self.transpose.rowCount()
        last = count - 1 if last is None else min(last, count - 1)
        return {row: str(self.transpose.headerData(row, Qt.Orientation.Vertical) or "")
                for row in range(max(first, MatrixModel.FIRST_HYPOTHESIS), last + 1)}

    def _side_width(self, texts: dict[int, str]) -> int:
        metrics = self._header_metrics(self.verticalHeader())
        widest = max((metrics.horizontalAdvance(line) for text in texts.values()
                      for line in text.split("\n")), default=0)
        return min(max(widest + 20, SIDE_HEADER_WIDTHS[0]), SIDE_HEADER_WIDTHS[1])

    def _fit_side(self) -> None:
        """Give the hypothesis row headers the width of their longest line and each row the
        height of its title and scores."""
        side = self.verticalHeader()
        texts = self._side_texts()
        width = self._side_width(texts)
        if side.minimumWidth() != width or side.maximumWidth() != width:
            side.setFixedWidth(width)
            self.updateGeometries()
        spacing = side.fontMetrics().lineSpacing()
        for row, text in texts.items():
            height = max(SIDE_ROW_HEIGHT, (text.count("\n") + 1) * spacing + 12)
            if side.sectionSize(row) != height:
                side.resizeSection(row, height)
        self._fit_height()

    def _fit_height(self) -> None:
        """Make the transposed table no taller than its rows: a few hypotheses leave the space
        below to the page rather than to an empty grid."""
        across, side = self.horizontalHeader(), self.verticalHeader()
        frame = 2 * self.frameWidth()
        scrolls = across.length() > self.width() - frame - side.width()
        header = max(across.minimumHeight(), across.sizeHint().height())  # as QTableView lays it out
        height = (frame + header + side.length()
                  + (self.horizontalScrollBar().sizeHint().height() if scrolls else 0))
        if self.maximumHeight() != height:
            self.setMaximumHeight(height)

    def _evidence_width(self, first: int, last: int) -> int:
        """The width the evidence columns ``first``…``last`` (in the shown order) need for
        their labels and field lines, and a minimum; what-if marks and ⚠ widen single columns."""
        metrics = self._header_metrics(self.horizontalHeader())
        model, proxy, case = self.matrix_model, self.proxy, self.matrix_model.doc.case
        labels = set()
        for row in range(max(first, 0), min(last, proxy.rowCount() - 1) + 1):
            try:
                eid = model.evidence_id_at(proxy.mapToSource(proxy.index(row, 0)).row())
                labels.add(case.evidence_item(eid).label)  # type: ignore[arg-type]
            except (IndexError, KeyError):
                continue
        samples = [*labels, "M·M", "0.00"]
        return max(EVIDENCE_WIDTH, max(metrics.horizontalAdvance(text) for text in samples)
                   + HEADER_PADDING)

    def _fit_evidence_columns(self, first: int = 0, last: int | None = None) -> None:
        """Widen the evidence columns ``first``…``last`` whose header would be cut (a what-if
        mark, a ⚠), and narrow them back when it is gone."""
        header = self.horizontalHeader()
        count = self.transpose.columnCount()
        last = count - 1 if last is None else min(last, count - 1)
        metrics = self._header_metrics(header)
        base = header.defaultSectionSize()
        for column in range(max(first, 0), last + 1):
            text = str(self.transpose.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            width = max(base, widest + HEADER_PADDING)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        self._fit_height()

    def _repaint_side_headers(self, first: int, last: int) -> None:
        """Repaint the hypothesis row headers whose scores changed (wider if a score grew)."""
        side = self.verticalHeader()
        if self._side_width(self._side_texts(first, last)) > side.width():
            self._fit_side()
            return
        for row in range(first, last + 1):
            y = side.sectionViewportPosition(row)
            height = side.sectionSize(row)
            if y + height >= 0 and y <= side.viewport().height():
                side.viewport().update(QRect(0, y, side.width(), height))

    def _on_transposed_header_changed(self, orientation: Qt.Orientation, first: int,
                                      last: int) -> None:
        if not self._transposed:
            return
        if orientation == Qt.Orientation.Vertical:
            self._fit_side()  # a title or a score line may have grown
        else:
            self._fit_evidence_columns(first, last)  # a what-if mark may have come or gone

    def _show_band(self) -> None:
        """Show the current evidence item in the band above the table."""
        position = self.current_position()
        row = self.proxy.mapToSource(position).row() if position.isValid() else None
        self.band.show_item(self.matrix_model, row)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # noqa: N802
        super().currentChanged(current, previous)
        if self._transposed:
            self._show_band()
