"""Dialogs that collect what an edit needs; they never edit the case themselves.

Each dialog returns values; the caller turns them into one undo command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sat_tool.domain.model import (
    Case,
    Evidence,
    EvidenceType,
    Hypothesis,
    Level,
    Outcome,
    Rating,
    Source,
    locate_quote,
    valid_date,
)
from sat_tool.formats.text_import import SourceFileError, read_source_file
from sat_tool.ui.file_dialogs import ask_open_file
from sat_tool.ui.models import rating_brushes
from sat_tool.ui import theme


class FormDialog(QDialog):
    """A titled form with OK/Cancel; OK stays disabled while a required field is empty."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel("")
        self.problem.setStyleSheet(f"color: {theme.error()};")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._required: list[Any] = []
        self._fields: list[QWidget] = []
        self._checks: list[Any] = []
        """Each returns the sentence of what is wrong with a field, or None."""
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):  # OK from inside a multi-line text
            QShortcut(QKeySequence(sequence), self, activated=self._ok_if_ready)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        """Ctrl+Enter in a multi-line field presses OK (Enter there starts a new line)."""
        if (isinstance(watched, QPlainTextEdit) and event.type() in (QEvent.Type.KeyPress,
                                                                     QEvent.Type.ShortcutOverride)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            if event.type() == QEvent.Type.KeyPress:
                self._ok_if_ready()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _ok_if_ready(self) -> None:
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            self.accept()

    def date_line(self, label: str, value: str = "", placeholder: str = "") -> QLineEdit:
        """A one-line field for a full or partial date: anything else is said, and OK waits."""
        edit = self.line(label, value, placeholder=placeholder or QCoreApplication.translate(
            "FormDialog", "2012-04-18, 2012-04 or 2012"))

        def check() -> str | None:
            text = edit.text().strip()
            if text and not valid_date(text):
                return QCoreApplication.translate(
                    "FormDialog", "{label}: {text} is not a date; give a year, a month or a day as "
                    "2012, 2012-04 or 2012-04-18.").format(label=label, text=repr(text))
            return None

        self._checks.append(check)
        edit.textChanged.connect(self._update_ok)
        self._update_ok()
        return edit

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Typing starts in the first field, and Tab runs through the fields before the buttons
        (the buttons are made first, so without this a space would press Cancel)."""
        super().showEvent(event)
        for before, after in zip(self._fields, self._fields[1:] + [self.buttons]):
            QWidget.setTabOrder(before, after)
        if self._fields:
            self._fields[0].setFocus()
    def line(self, label: str, value: str = "", required: bool = False,
             placeholder: str = "") -> QLineEdit:
        """Add a one-line text field."""
        edit = QLineEdit(value)
        edit.setPlaceholderText(placeholder)
        self.form.addRow(label, edit)
        self._fields.append(edit)
        if required:
            self._require(edit, edit.textChanged)
        return edit

    def text(self, label: str, value: str = "", required: bool = False, lines: int = 3,
             placeholder: str = "") -> QPlainTextEdit:
        """Add a multi-line text field."""
        edit = QPlainTextEdit(value)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        edit.installEventFilter(self)  # Ctrl+Enter: OK, from inside the text
        self.form.addRow(label, edit)
        self._fields.append(edit)
        if required:
            self._require(edit, edit.textChanged)
        return edit

    def choice(self, label: str, options: list[tuple[str, Any]], current: Any) -> QComboBox:
        """Add a drop-down of (text, value) options."""
        combo = QComboBox()
        for text, value in options:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        self.form.addRow(label, combo)
        self._fields.append(combo)
        return combo

    def _require(self, widget: Any, signal: Any) -> None:
        self._required.append(widget)
        signal.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        problems = [found for check in getattr(self, "_checks", []) if (found := check())]
        ok = all(_value(w).strip() for w in self._required) and not problems
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if hasattr(self, "problem"):
            self.problem.setText(problems[0] if problems else "")


PERCENT_TYPING_LIMIT = 99_999.0
"""What a percentage box lets the analyst type, so that 150 reads as 150 (and is refused in a
sentence) rather than being cut to 15 keystroke by keystroke."""


def percent_box(minimum: float = 0.1) -> QDoubleSpinBox:
    """A box for a percentage, which takes any number typed; :func:`percent_problem` says when
    it is out of range."""
    box = QDoubleSpinBox()
    box.setRange(0.0, PERCENT_TYPING_LIMIT)
    box.setDecimals(1)
    box.setSingleStep(5.0)
    box.setSuffix(" %")
    box.setProperty("minimum_percent", minimum)
    return box


def percent_problem(box: QDoubleSpinBox, name: str) -> str | None:
    """What is wrong with a percentage typed, or None: above 100 or below its minimum."""
    value = box.value()
    minimum = float(box.property("minimum_percent") or 0.0)
    if value > 100:
        return QCoreApplication.translate(
            "Dialogs", "{name}: {value}% is more than 100%; give a percentage up to 100.").format(
                name=name, value=f"{value:g}")
    if value < minimum:
        return QCoreApplication.translate(
            "Dialogs", "{name}: {value}% is below {minimum}%, the least a likelihood can be.").format(
                name=name, value=f"{value:g}", minimum=f"{minimum:g}")
    return None


def _value(widget: Any) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def level_options() -> list[tuple[str, Level]]:
    """High, Medium, Low, in the user's language."""
    return [(lvl.shown, lvl) for lvl in Level]


class EvidenceDialog(FormDialog):
    """Create or edit an evidence item (and its relevance to the current matrix)."""

    def __init__(self, case: Case, item: Evidence | None, relevance: Level | None,
                 parent: QWidget | None = None, *, draft: Evidence | None = None,
                 matrices: list[tuple[str, Any]] | None = None, matrix: Any = None) -> None:
        super().__init__(QCoreApplication.translate("EvidenceDialog", "Edit evidence {label}")
                         .format(label=item.label) if item else
                         QCoreApplication.translate("EvidenceDialog", "New evidence"), parent)
        self.resize(620, 560)
        self._case = case
        blank = item or draft or Evidence(0, 0, "")  # type: ignore[arg-type]
        self._hint = blank.quote_start
        self.text_edit = self.text(
            QCoreApplication.translate("EvidenceDialog", "Evidence"), blank.text, required=True,
            lines=3, placeholder=QCoreApplication.translate("EvidenceDialog",
                                                            "State the item in one sentence"))
        self.matrix = None
        if matrices is not None:
            self.matrix = self.choice(
                QCoreApplication.translate("EvidenceDialog", "Add to matrix"),
                [(QCoreApplication.translate("EvidenceDialog", "(the case only)"), None)] + matrices,
                matrix)
        sources = ([(QCoreApplication.translate("EvidenceDialog", "(none)"), None)]
                   + [(s.title, s.id) for s in case.sources])
        self.source = self.choice(QCoreApplication.translate("EvidenceDialog", "Source"), sources,
                                  blank.source_id)
        self.origin = self.line(
            QCoreApplication.translate("EvidenceDialog", "Origin"), blank.origin,
            placeholder=QCoreApplication.translate(
                "EvidenceDialog", "The report it rests on, when not simply its source"))
        self.origin.setToolTip(QCoreApplication.translate(
            "EvidenceDialog",
            "Items of one origin count as one line of evidence in the probabilistic view, as items "
            "of one source do: name the same origin for items that rest on one statement, even "
            "when different articles relay it"))
        self.date = self.date_line(QCoreApplication.translate("EvidenceDialog", "Date"), blank.date)
        self.type = self.choice(QCoreApplication.translate("EvidenceDialog", "Type"),
                                [(t.shown, t) for t in EvidenceType], blank.type)
        self.credibility = self.choice(QCoreApplication.translate("EvidenceDialog", "Credibility"),
                                       level_options(), blank.credibility)
        self.relevance = None
        if relevance is not None:
            self.relevance = self.choice(QCoreApplication.translate("EvidenceDialog", "Relevance"),
                                         level_options(), relevance)
            self.relevance.setToolTip(QCoreApplication.translate(
                "EvidenceDialog", "Relevance to the matrix's question"))
            if self.matrix is not None:
                self.matrix.currentIndexChanged.connect(
                    lambda: self.relevance.setEnabled(self.matrix.currentData() is not None))
                self.relevance.setEnabled(self.matrix.currentData() is not None)
        self.quote = self.text(QCoreApplication.translate("EvidenceDialog", "Quote"), blank.quote,
                               lines=2, placeholder=QCoreApplication.translate(
                                   "EvidenceDialog", "The passage of the source the item rests on"))
        self.notes = self.text(QCoreApplication.translate("EvidenceDialog", "Notes"), blank.notes,
                               lines=3, placeholder=QCoreApplication.translate(
                                   "EvidenceDialog", "Why this credibility and relevance; caveats"))

    def values(self) -> dict[str, Any]:
        """The fields as :class:`Evidence` attributes; the quote's position is found in its source."""
        source_id = self.source.currentData()
        quote = self.quote.toPlainText().strip()
        text = self._case.source(source_id).text if source_id is not None else ""
        return {
            "text": self.text_edit.toPlainText().strip(),
            "source_id": source_id,
            "origin": " ".join(self.origin.text().split()),
            "date": self.date.text().strip(),
            "type": self.type.currentData(),
            "credibility": self.credibility.currentData(),
            "quote": quote,
            "quote_start": locate_quote(text, quote, self._hint),
            "notes": self.notes.toPlainText().strip(),
        }

    def chosen_matrix(self) -> Any:
        """The matrix to add a new item to, when the dialog offers the choice."""
        return self.matrix.currentData() if self.matrix is not None else None

    def chosen_relevance(self) -> Level | None:
        """The relevance chosen for the current matrix, if asked."""
        return self.relevance.currentData() if self.relevance else None


class HypothesisDialog(FormDialog):
    """Create or edit a hypothesis."""

    def __init__(self, hyp: Hypothesis | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("HypothesisDialog", "Edit hypothesis") if hyp
                         else QCoreApplication.translate("HypothesisDialog", "New hypothesis"), parent)
        self.resize(520, 260)
        self.title = self.line(QCoreApplication.translate("HypothesisDialog", "Title"),
                               hyp.title if hyp else "", required=True,
                               placeholder=QCoreApplication.translate(
                                   "HypothesisDialog", "A short name shown as the column header"))
        self.description = self.text(QCoreApplication.translate("HypothesisDialog", "Description"),
                                     hyp.description if hyp else "", lines=4)

    def values(self) -> dict[str, str]:
        """Title and description."""
        return {"title": self.title.text().strip(),
                "description": self.description.toPlainText().strip()}


class SourceDialog(FormDialog):
    """Create or edit a source document."""

    def __init__(self, src: Source | None, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("SourceDialog", "Edit source") if src
                         else QCoreApplication.translate("SourceDialog", "New source"), parent)
        self.resize(640, 600)
        blank = src or Source(0, "")  # type: ignore[arg-type]
        self.title = self.line(QCoreApplication.translate("SourceDialog", "Title"), blank.title,
                               required=True)
        self.author = self.line(QCoreApplication.translate("SourceDialog", "Author"), blank.author)
        self.publication = self.line(QCoreApplication.translate("SourceDialog", "Publication"),
                                     blank.publication)
        self.date = self.date_line(QCoreApplication.translate("SourceDialog", "Date"), blank.date,
                                   placeholder=QCoreApplication.translate(
                                       "SourceDialog", "2012-04-30, 2012-04 or 2012"))
        self.url = self.line(QCoreApplication.translate("SourceDialog", "URL"), blank.url)
        self.reliability = self.text(
            QCoreApplication.translate("SourceDialog", "Reliability"), blank.reliability, lines=3,
            placeholder=QCoreApplication.translate("SourceDialog",
                                                   "Who wrote it, for whom, what bias to expect"))
        self.body = self.text(
            QCoreApplication.translate("SourceDialog", "Text"), blank.text, lines=10,
            placeholder=QCoreApplication.translate(
                "SourceDialog", "Paste the document's text, or load it from a file"))
        load = QPushButton(QCoreApplication.translate("SourceDialog",
                                                      "Load text from a .txt, .md or .html file…"))
        load.clicked.connect(self.load_file)
        self.file_error = QLabel("")
        self.file_error.setStyleSheet(f"color: {theme.error()};")
        self.file_error.setWordWrap(True)
        self.form.addRow("", load)
        self.form.addRow("", self.file_error)

    def load_file(self) -> None:
        """Fill the text (and an empty title) from a file chosen by the user."""
        path = ask_open_file(self, QCoreApplication.translate("SourceDialog", "Load source text"),
                             QCoreApplication.translate(
                                 "SourceDialog",
                                 "Text, Markdown or HTML (*.txt *.md *.markdown *.html *.htm)"))
        if path is not None:
            self.load_path(path)

    def load_path(self, path: Path) -> bool:
        """Fill the dialog from a file; on failure show why and change nothing."""
        try:
            found = read_source_file(path)
        except SourceFileError as exc:
            self.file_error.setText(str(exc))
            return False
        self.file_error.setText("")
        self.body.setPlainText(found.text)
        if not self.title.text().strip():
            self.title.setText(found.title)
        return True

    def values(self) -> dict[str, str]:
        """The fields as :class:`Source` attributes."""
        return {
            "title": self.title.text().strip(),
            "author": self.author.text().strip(),
            "publication": self.publication.text().strip(),
            "date": self.date.text().strip(),
            "url": self.url.text().strip(),
            "reliability": self.reliability.toPlainText().strip(),
            "text": self.body.toPlainText(),
        }


class MatrixDialog(FormDialog):
    """The question of a matrix, and its notes, conclusions and milestones."""

    def __init__(self, question: str = "", notes: str = "", conclusions: str = "",
                 milestones: str = "", parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("MatrixDialog", "Matrix"), parent)
        self.resize(640, 520)
        self.question = self.text(
            QCoreApplication.translate("MatrixDialog", "Question"), question, required=True,
            lines=2, placeholder=QCoreApplication.translate("MatrixDialog",
                                                            "The question the hypotheses answer"))
        self.notes = self.text(QCoreApplication.translate("MatrixDialog", "Notes"), notes, lines=3)
        self.conclusions = self.text(
            QCoreApplication.translate("MatrixDialog", "Conclusions"), conclusions, lines=5,
            placeholder=QCoreApplication.translate("MatrixDialog",
                                                   "Tentative conclusions: rank all hypotheses"))
        self.milestones = self.text(
            QCoreApplication.translate("MatrixDialog", "Milestones"), milestones, lines=4,
            placeholder=QCoreApplication.translate("MatrixDialog",
                                                   "Indicators that would change the picture"))

    def values(self) -> dict[str, str]:
        """The matrix fields."""
        return {
            "question": self.question.toPlainText().strip(),
            "notes": self.notes.toPlainText().strip(),
            "conclusions": self.conclusions.toPlainText().strip(),
            "milestones": self.milestones.toPlainText().strip(),
        }


class CellDialog(QDialog):
    """Pick a rating with the mouse and write the cell's rationale."""

    def __init__(self, evidence: Evidence, hyp: Hypothesis, rating: Rating | None, rationale: str,
                 parent: QWidget | None = None, likelihood: float | None = None,
                 default: float = 0.5, record: str = "", read_only: str = "") -> None:
        """``likelihood``: the one the analyst stated (None: none); ``default``: the one the
        rating stands for here, where the box starts when a likelihood is first stated;
        ``record``: the other analysts' ratings of the cell and its history (rich text);
        ``read_only``: why the cell can only be read here ("": it can be rated)."""
        super().__init__(parent)
        self.setWindowTitle(f"{evidence.label} × {hyp.title}")
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("<b>{label}</b> {text}<br><br>against <b>{hypothesis}</b>").format(
            label=evidence.label, text=_esc(evidence.text), hypothesis=_esc(hyp.title)))
        about.setWordWrap(True)
        layout.addWidget(about)
        grid = QGridLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons_by_rating: dict[Rating, QPushButton] = {}
        for column, option in enumerate(Rating):
            button = QPushButton(option.value)
            button.setCheckable(True)
            button.setToolTip(option.shown_meaning)
            back, fore = rating_brushes(option)
            button.setStyleSheet(
                f"QPushButton {{ background: {back.color().name()}; color: {fore.color().name()};"
                " font-weight: bold; padding: 6px; border: 1px solid #888; }"
                " QPushButton:checked { border: 3px solid #000; }"
            )
            self.group.addButton(button)
            self.buttons_by_rating[option] = button
            grid.addWidget(button, 0, column)
            grid.addWidget(QLabel(option.shown_meaning), 1, column, Qt.AlignmentFlag.AlignHCenter)
        if rating is not None:
            self.buttons_by_rating[rating].setChecked(True)
        clear = QPushButton(self.tr("Unrated"))
        clear.setToolTip(self.tr("Clear the rating of this cell"))
        clear.clicked.connect(self.clear_rating)
        grid.addWidget(clear, 0, len(Rating))
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Rationale")))
        self.rationale = QPlainTextEdit(rationale)
        self.rationale.setTabChangesFocus(True)
        self.rationale.setPlaceholderText(self.tr("Why this rating? Shown as the cell's tooltip."))
        layout.addWidget(self.rationale)
        override = QHBoxLayout()
        self.override = QCheckBox(self.tr("State the likelihood P(evidence | hypothesis):"))
        self.override.setToolTip(self.tr("In the probabilistic view each rating stands for a "
                                         "default likelihood (CC 0.9 … II 0.1), discounted by "
                                         "credibility and relevance. An override is used as given, "
                                         "and goes when the cell gets another rating."))
        self.likelihood = percent_box()
        self.likelihood.setValue(round(100 * (likelihood if likelihood is not None else default), 1))
        self.override.setChecked(likelihood is not None)
        self.likelihood.setEnabled(likelihood is not None)
        self.override.toggled.connect(self.likelihood.setEnabled)
        override.addWidget(self.override)
        override.addWidget(self.likelihood)
        override.addStretch(1)
        layout.addLayout(override)
        self.record = QLabel(record)
        self.record.setWordWrap(True)
        self.record.setTextFormat(Qt.TextFormat.RichText)
        self.record.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # the team's ratings and the history scroll on their own, whatever their length
        self.record_area = QScrollArea(self)
        self.record_area.setWidget(self.record)
        self.record_area.setWidgetResizable(True)
        self.record_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.record_area.setMinimumHeight(150)
        self.record_area.setVisible(bool(record))
        layout.addWidget(self.record_area, 1)
        if record:
            self.resize(680, 620)
        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {theme.error()};")
        if read_only:  # the reading copy: what the cell holds, nothing to change
            why = QLabel(read_only)
            why.setWordWrap(True)
            why.setStyleSheet(theme.note_box() + " padding: 6px;")
            layout.insertWidget(1, why)
            for button in (*self.buttons_by_rating.values(), clear, self.override):
                button.setEnabled(False)
            self.likelihood.setEnabled(False)
            self.rationale.setReadOnly(True)
            self.rationale.setPlaceholderText(self.tr("No rationale given."))
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            box.rejected.connect(self.reject)
            layout.addWidget(box)
            box.setFocus()
            return
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, activated=self._accept)
        for key, option in enumerate(Rating, 1):  # Alt+1 … Alt+6 pick a rating from the keyboard
            QShortcut(QKeySequence(f"Alt+{key}"), self,
                      activated=lambda r=option: self.buttons_by_rating[r].setChecked(True))
        self.rationale.setFocus()
        layout.addWidget(self.error)

    def clear_rating(self) -> None:
        """No rating picked: the cell will be unrated."""
        self.group.setExclusive(False)
        for button in self.buttons_by_rating.values():
            button.setChecked(False)
        self.group.setExclusive(True)

    def chosen(self) -> Rating | None:
        """The rating picked."""
        for option, button in self.buttons_by_rating.items():
            if button.isChecked():
                return option
        return None

    def chosen_likelihood(self) -> float | None:
        """The stated likelihood as a fraction, or None to use the rating's default."""
        return round(self.likelihood.value() / 100, 4) if self.override.isChecked() else None

    def _accept(self) -> None:
        if self.chosen() is None and (self.rationale.toPlainText().strip()
                                      or self.override.isChecked()):
            self.error.setText(self.tr("Pick a rating for this rationale or likelihood."))
            return
        problem = percent_problem(self.likelihood, self.tr("The likelihood")) \
            if self.override.isChecked() else None
        if problem:
            self.error.setText(problem)
            return
        self.accept()


class IncludeEvidenceDialog(QDialog):
    """Choose case evidence not yet in a matrix to include in it."""

    def __init__(self, candidates: list[Evidence], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Include evidence in this matrix"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Evidence of this case that the matrix does not include "
                                        "yet:")))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by words in the evidence…"))
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for item in candidates:
            entry = QListWidgetItem(f"{item.label}  {item.text}")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(entry)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Relevance to this matrix's question:")))
        self.relevance = QComboBox()
        for text, level in level_options():
            self.relevance.addItem(text, level)
        self.relevance.setCurrentIndex(self.relevance.findData(Level.MEDIUM))
        row.addWidget(self.relevance)
        row.addStretch(1)
        layout.addLayout(row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.list.count()):
            entry = self.list.item(i)
            entry.setHidden(not all(w in entry.text().lower() for w in words))

    def chosen_relevance(self) -> Level:
        """The relevance the included items get."""
        return self.relevance.currentData()

    def chosen(self) -> list[int]:
        """The evidence ids selected, in list order."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())
                if self.list.item(i).isSelected() and not self.list.item(i).isHidden()]


class PreferencesDialog(FormDialog):
    """The analyst name recorded on every rating."""

    def __init__(self, analyst: str, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("PreferencesDialog", "Preferences"), parent)
        self.analyst = self.line(QCoreApplication.translate("PreferencesDialog", "Analyst"), analyst,
                                 required=True, placeholder=QCoreApplication.translate(
                                     "PreferencesDialog", "Your name, recorded on each rating you make"))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class LikelihoodDialog(QDialog):
    """State P(evidence | hypothesis) for every rated cell of one evidence row.

    Each hypothesis shows the likelihood its rating stands for now; the analyst
    states another (in percent) or leaves it to the rating's default. The
    research on ACH finds analysts' judgments more coherent when they state
    probabilities rather than codes.
    """

    def __init__(self, evidence: Evidence, rows: list[tuple[Hypothesis, Rating | None, float, bool]],
                 parent: QWidget | None = None) -> None:
        """``rows``: per hypothesis, its rating (None: unrated), the likelihood in effect and
        whether the analyst stated it."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Likelihoods of {label}").format(label=evidence.label))
        self.resize(620, 120 + 34 * len(rows))
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("<b>{label}</b> {text}<br><br>How likely is this item if each "
                               "hypothesis were true? Tick a hypothesis to state its likelihood; "
                               "unticked ones keep the default of their rating.").format(
            label=evidence.label, text=_esc(evidence.text)))
        about.setWordWrap(True)
        layout.addWidget(about)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Hypothesis</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Rating</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>P(item | hypothesis)</b>")), 0, 2, 1, 2)
        self.fields: dict[Any, tuple[QCheckBox, QDoubleSpinBox]] = {}
        for n, (hyp, rating, value, stated) in enumerate(rows, 1):
            name = QLabel(_esc(hyp.title))
            name.setWordWrap(True)
            grid.addWidget(name, n, 0)
            grid.addWidget(QLabel(rating.value if rating else self.tr("unrated")), n, 1)
            check = QCheckBox(self.tr("State"))
            spin = percent_box()
            spin.setValue(round(value * 100, 1))
            spin.setAccessibleName(self.tr("Likelihood if {hypothesis}").format(hypothesis=hyp.title))
            check.setChecked(stated)
            spin.setEnabled(stated)
            check.toggled.connect(spin.setEnabled)
            if rating is None or rating is Rating.NA:
                check.setEnabled(False)
                spin.setEnabled(False)
                check.setToolTip(self.tr("Rate the cell first") if rating is None else
                                 self.tr("Not applicable: the item says nothing about this "
                                         "hypothesis"))
            grid.addWidget(check, n, 2)
            grid.addWidget(spin, n, 3)
            self.fields[hyp.id] = (check, spin)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {theme.error()};")
        layout.addWidget(self.error)
        self.names = {hyp.id: hyp.title for hyp, *_ in rows}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Refuse a likelihood out of range with a sentence; the dialog stays open."""
        for hid, (check, spin) in self.fields.items():
            problem = percent_problem(spin, self.names[hid]) if check.isChecked() else None
            if problem:
                self.error.setText(problem)
                spin.setFocus()
                return
        super().accept()

    def values(self) -> dict[Any, float | None]:
        """Each rated hypothesis's stated likelihood as a fraction (None: the default)."""
        return {hid: (round(spin.value() / 100, 4) if check.isChecked() else None)
                for hid, (check, spin) in self.fields.items() if check.isEnabled()}


class OutcomeDialog(FormDialog):
    """Record what turned out to be true for a matrix's question."""

    NONE = "none"

    def __init__(self, hypotheses: list[Hypothesis], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("OutcomeDialog", "Record the outcome"), parent)
        self.resize(560, 300)
        note = QLabel(QCoreApplication.translate(
            "OutcomeDialog", "Once the answer is known, record it: the matrix is frozen in a "
            "snapshot as it stands, and the analyst's probabilities and the tool's are scored "
            "against it (Analysis ▸ Calibration)."))
        note.setWordWrap(True)
        self.form.insertRow(0, note)
        options = [(h.title, h.id) for h in hypotheses] + [
            (QCoreApplication.translate("OutcomeDialog", "None of these hypotheses"), self.NONE)]
        self.truth = self.choice(QCoreApplication.translate("OutcomeDialog", "What proved true"),
                                 options, options[0][1] if options else None)
        self.date = self.date_line(QCoreApplication.translate("OutcomeDialog", "Known since"), "",
                                   placeholder=QCoreApplication.translate(
                                       "OutcomeDialog", "2015, 2015-03 or 2015-03-18"))
        self.grounds = self.text(QCoreApplication.translate("OutcomeDialog", "On what grounds"), "",
                                 lines=3, placeholder=QCoreApplication.translate(
                                     "OutcomeDialog", "The report, ruling or event that settled it"))
        self.error = QLabel("")
        self.error.setStyleSheet(f"color: {theme.error()};")
        self.form.addRow(self.error)

    def accept(self) -> None:
        """Refuse a malformed date with a sentence; the dialog stays open."""
        date = self.date.text().strip()
        if date and not valid_date(date):
            self.error.setText(QCoreApplication.translate(
                "OutcomeDialog", "{date} is not a date such as 2015, 2015-03 or 2015-03-18.").format(
                    date=repr(date)))
            return
        super().accept()

    def outcome(self) -> Outcome:
        """The outcome as entered."""
        truth = self.truth.currentData()
        return Outcome(None if truth == self.NONE else truth, self.date.text().strip(),
                       self.grounds.toPlainText().strip())


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every key, where it works and what it does, with a filter."""

    def __init__(self, shortcuts: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(len(shortcuts), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What it does"),
                                              self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, entry in enumerate(shortcuts):
            for column, text in enumerate(entry):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _filter(self, text: str) -> None:
        wanted = text.casefold().strip()
        for row in range(self.table.rowCount()):
            shown = " ".join(self.table.item(row, c).text() for c in range(3)).casefold()
            self.table.setRowHidden(row, bool(wanted) and wanted not in shown)
