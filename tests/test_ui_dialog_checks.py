"""Dialogs say what is wrong in a sentence: dates that are no dates, percentages above 100."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sat_tool.domain import Rating
from sat_tool.ui.dialogs import CellDialog, EvidenceDialog, LikelihoodDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_an_evidence_date_that_is_no_date_is_said_and_ok_waits(qtbot, page):
    dialog = EvidenceDialog(page.doc.case, None, None)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.text_edit,
                    "A new report")
    for typed, fine in (("12/04/2012", False), ("2012-13", False), ("2012-02-30", False),
                        ("2012-04", True), ("2012", True), ("2012-02-29", True)):
        dialog.date.clear()
        qtbot.keyClicks(dialog.date, typed)
        assert ok_button(dialog).isEnabled() is fine, typed
        if not fine:
            assert dialog.problem.text() == (f"Date: {typed!r} is not a date; give a year, a "
                                             "month or a day as 2012, 2012-04 or 2012-04-18.")
        else:
            assert dialog.problem.text() == ""


def test_ctrl_enter_in_the_text_adds_the_item(qtbot, page):
    dialog = EvidenceDialog(page.doc.case, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.text_edit
    qtbot.keyClicks(field, "Two lines")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClicks(field, "of text")
    assert dialog.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    assert field.toPlainText() == "Two lines\nof text"


def test_a_likelihood_of_150_percent_is_refused_not_cut_to_15(qtbot, page):
    mat, case = page.matrix, page.doc.case
    item, hyp = case.evidence_item(mat.rows[0].evidence_id), mat.hypotheses[0]
    dialog = CellDialog(item, hyp, Rating.C, "")
    qtbot.addWidget(dialog)
    dialog.override.setChecked(True)
    dialog.likelihood.lineEdit().selectAll()
    qtbot.keyClicks(dialog.likelihood.lineEdit(), "150")
    assert dialog.likelihood.value() == 150
    dialog._accept()
    assert dialog.error.text() == ("The likelihood: 150% is more than 100%; give a percentage "
                                   "up to 100.")
    assert dialog.result() != dialog.DialogCode.Accepted
    rows = [(h, Rating.C, 0.5, False) for h in mat.hypotheses]
    several = LikelihoodDialog(item, rows)
    qtbot.addWidget(several)
    check, spin = several.fields[mat.hypotheses[1].id]
    check.setChecked(True)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "0")
    several.accept()
    assert several.error.text().endswith("0% is below 0.1%, the least a likelihood can be.")


def test_a_judged_probability_above_100_is_refused_in_the_panel(qtbot, page):
    page.show_panel(page.judgment_panel)
    panel = page.judgment_panel
    hyp = page.matrix.hypotheses[0]
    spin = panel.spins[(hyp.id, "judged")]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "150")
    spin.editingFinished.emit()
    assert panel.refused.text() == "H1: 150% is more than 100%; a probability is given from 0 to 100%."
    assert hyp.judged is None
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "40")
    spin.editingFinished.emit()
    assert hyp.judged == 0.4 and panel.refused.text() == ""
