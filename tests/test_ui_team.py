"""The team's views in the window, through the real widgets: whose ratings are shown, the
disagreement heat map, the Team and History tabs, rating as another analyst."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sat_tool.domain.changes import Kind
from sat_tool.domain.model import Rating, analyst_uid
from sat_tool.domain.team import cell_ratings, consensus_ratings, disagreement, disputed_cells
from sat_tool.services import cases as svc
from sat_tool.store import Workspace
from sat_tool.ui.models import TEAM, CellRole, MatrixModel, heat_brushes

from conftest import sample_page

LEAD, LEILA, TOM = "Sam Adler", "Leila Hasanova", "Tom Reyes"


@pytest.fixture
def page(qtbot, workspace):
    return sample_page(qtbot, workspace)


def on_disk(path: Path, case_id: int, analyst: str | None = None):
    with Workspace.open(path) as ws:
        return svc.load_case(ws, case_id, analyst)


def choose(qtbot, page, text: str) -> None:
    """Pick a view from the Show box with the keyboard, as a user would."""
    box = page.view_choice
    index = box.findText(text)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setFocus()
    while box.currentIndex() != index:
        qtbot.keyClick(box, Qt.Key.Key_Down if box.currentIndex() < index else Qt.Key.Key_Up)


def cell_index(page, cell):
    return page.view.proxy.mapFromSource(page.model.index_of_cell(*cell))


def test_the_show_box_lists_every_analyst_and_the_team(page):
    box = page.view_choice
    assert [box.itemText(i) for i in range(box.count())] == [
        "My ratings", f"{LEILA}’s ratings", f"{TOM}’s ratings", "Team consensus"]
    assert page.view_choice.isVisible() and page.actions_by_name["heat"].isVisible()
    assert LEAD in page.window_.windowTitle()


def test_another_analysts_ratings_are_shown_and_cannot_be_typed_over(qtbot, page, workspace_path):
    mat = page.matrix
    leila = mat.team[analyst_uid(LEILA)]
    differ = next(c for c in leila if leila[c].rating is not mat.ratings[c].rating)
    choose(qtbot, page, f"{LEILA}’s ratings")
    index = cell_index(page, differ)
    assert index.data() == leila[differ].rating.value
    before = on_disk(workspace_path, page.doc.case.id).matrices[0].team
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    qtbot.keyClick(page.view, Qt.Key.Key_1)
    assert "not your ratings" in page.window_.statusBar().currentMessage()
    assert on_disk(workspace_path, page.doc.case.id).matrices[0].team == before
    choose(qtbot, page, "My ratings")
    assert cell_index(page, differ).data() == mat.ratings[differ].rating.value


def test_the_consensus_view_shows_the_domains_consensus_and_scores_it(qtbot, page):
    choose(qtbot, page, "Team consensus")
    mat = page.matrix
    consensus = consensus_ratings(mat, mat.team)
    for cell, found in consensus.items():
        assert cell_index(page, cell).data() == found.rating.value
    from sat_tool.domain.scoring import score_matrix
    from sat_tool.domain.team import with_ratings

    expected = score_matrix(page.doc.case, with_ratings(mat, consensus))
    first = expected.for_hypothesis(mat.hypotheses[0].id)
    header = page.model.headerData(MatrixModel.FIRST_HYPOTHESIS, Qt.Orientation.Horizontal)
    assert header.endswith(f"Weighted {first.weighted:.2f}")


def test_the_heat_map_colours_each_cell_by_its_disagreement(qtbot, page):
    qtbot.mouseClick(page.toolbar.widgetForAction(page.actions_by_name["heat"]),
                     Qt.MouseButton.LeftButton)
    assert page.model.heat and all(s.isVisible() for s in page.legend.heat)
    mat = page.matrix
    for cell in [(r.evidence_id, h.id) for r in mat.rows for h in mat.hypotheses]:
        level = disagreement([a.rating for a in cell_ratings(mat.team, cell).values()])
        brush = cell_index(page, cell).data(Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == heat_brushes(level)[0].color()


def test_a_cells_tooltip_says_who_rated_it_what_and_why(page):
    mat = page.matrix
    cell = disputed_cells(page.doc.case, mat, mat.team)[0].cell
    tip = cell_index(page, cell).data(Qt.ItemDataRole.ToolTipRole)
    for uid, found in cell_ratings(mat.team, cell).items():
        name = page.doc.case.analyst_named(uid).name
        assert f"{name}: <b>{found.rating.value}</b>" in tip


def test_the_team_tab_lists_the_most_disputed_cells_and_goes_to_one(qtbot, page):
    page.show_panel(page.team_panel)
    panel = page.team_panel
    mat = page.matrix
    disputed = disputed_cells(page.doc.case, mat, mat.team)
    table = panel.disputed
    assert table.rowCount() == min(len(disputed), 15)
    labels = {h.id: f"H{i}" for i, h in enumerate(mat.hypotheses, 1)}
    second = disputed[1]
    item = table.item(1, 0)
    assert item.text() == (f"{page.doc.case.evidence_item(second.cell[0]).label} × "
                           f"{labels[second.cell[1]]}")
    rect = table.visualItemRect(item)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = page.view.proxy.mapToSource(page.view.currentIndex())
    assert current.data(CellRole) == second.cell
    scores = panel.scores
    assert scores.item(0, 0).text().startswith("★ ")
    assert panel.probabilities.rowCount() == len(mat.hypotheses)


def test_a_rating_typed_shows_in_the_history_tab(qtbot, page):
    page.show_panel(page.history_panel)
    mat = page.matrix
    page.view.setFocus()
    page.view.setCurrentIndex(page.view.proxy.index(0, MatrixModel.FIRST_HYPOTHESIS))
    cell = page.view.proxy.mapToSource(page.view.currentIndex())
    qtbot.keyClick(page.view, Qt.Key.Key_5)
    qtbot.waitUntil(lambda: page.history_panel.table.rowCount() == 1, timeout=5000)
    table = page.history_panel.table
    assert table.item(0, 1).text().startswith(f"Ann Analyst: E1 × H1 C → II ({LEAD}’s rating) — ")
    assert mat.rating(*cell.data(CellRole)) is Rating.II


def test_rating_as_yourself_starts_blank_and_your_ratings_are_yours(qtbot, page, workspace_path,
                                                                    monkeypatch):
    window = page.window_
    window._fill_rate_as()
    mine = next(a for a in window.rate_as_menu.actions() if a.text().startswith("Myself"))
    mine.trigger()
    page = window.case_view.current_matrix_page()
    assert page.matrix.ratings == {}
    assert "Ann Analyst" in window.windowTitle()
    page.view.setFocus()
    page.view.setCurrentIndex(page.view.proxy.index(0, MatrixModel.FIRST_HYPOTHESIS))
    qtbot.keyClick(page.view, Qt.Key.Key_2)
    stored = on_disk(workspace_path, page.doc.case.id, "Ann Analyst")
    assert stored.analyst_named(stored.analyst).name == "Ann Analyst"
    assert [a.rating for a in stored.matrices[0].ratings.values()] == [Rating.C]
    assert len(on_disk(workspace_path, page.doc.case.id).matrices[0].ratings) > 1  # Sam's stay
    assert TEAM in [page.view_choice.itemData(i) for i in range(page.view_choice.count())]


def test_importing_a_colleagues_copy_merges_it_as_one_undoable_edit(qtbot, page, workspace_path,
                                                                    tmp_path, monkeypatch):
    from sat_tool.services.editor import CaseEditor
    from sat_tool.ui import merge_dialog
    from sat_tool.ui.main_window import MainWindow

    window = page.window_
    with Workspace.open(tmp_path / "dana.sqlite") as ws:
        case_id = svc.import_bundle(ws, Path(__file__).resolve().parents[1] / "cases"
                                    / "azerbaijan-2012.json")
        dana = CaseEditor.open(ws, case_id, "Dana")
        dana.rate_as("Dana")
        mat = dana.case.matrices[0]
        dana.rate(mat.id, (mat.rows[0].evidence_id, mat.hypotheses[0].id), Rating.II)
        dana.update_hypothesis(mat.hypotheses[0].id, title="Facilitators in Iran")
        svc.export_case(ws, case_id, "json", tmp_path / "dana.json")
    before = on_disk(workspace_path, page.doc.case.id)
    monkeypatch.setattr(MainWindow, "ask_open_path", lambda self, *a: tmp_path / "dana.json")
    monkeypatch.setattr(MainWindow, "_ask_merge", lambda self, path, original: "merge")
    shown = {}

    def tick_and_merge(dialog):
        shown["conflicts"] = dialog.table.rowCount()
        shown["ours"] = dialog.table.item(0, 2).text()
        qtbot.mouseClick(dialog.boxes[0], Qt.MouseButton.LeftButton)
        return True

    monkeypatch.setattr(merge_dialog.MergeDialog, "exec", tick_and_merge)
    window.import_bundle()
    assert shown == {"conflicts": 1, "ours": before.matrices[0].hypotheses[0].title}
    merged = on_disk(workspace_path, page.doc.case.id)
    assert merged.matrices[0].hypotheses[0].title == "Facilitators in Iran"
    assert [r.rating for r in merged.matrices[0].team[analyst_uid("Dana")].values()] == [Rating.II]
    assert len(svc.list_cases(window.workspace)) == 1  # merged, not a second case
    page = window.case_view.current_matrix_page()
    assert "Dana’s ratings" in [page.view_choice.itemText(i) for i in range(page.view_choice.count())]
    window.undo_action.trigger()
    back = on_disk(workspace_path, page.doc.case.id)
    assert back.matrices[0].hypotheses[0].title == before.matrices[0].hypotheses[0].title
    assert analyst_uid("Dana") not in {u for m in back.matrices for u, own in m.team.items() if own}


def test_blind_rating_hides_the_others_until_every_cell_is_rated(qtbot, page, workspace_path):
    """Rated blind, a newcomer sees the hypotheses in an order of their own and nobody else's
    ratings; once every cell is theirs the team's views come back. The setting is recorded."""
    from sat_tool.domain.team import blind_order

    window = page.window_
    page.actions_by_name["blind"].trigger()
    window.rate_as("Ann Analyst")
    page = window.case_view.current_matrix_page()
    mat = page.matrix
    assert mat.blind and not any(a.isVisible() for a in page._view_actions)
    assert page.view_choice.count() == 1 and page.model.shown == ""
    order = blind_order([h.id for h in mat.hypotheses], page.doc.case.analyst,
                        mat.uid)
    assert page.model.column_order() == order != [h.id for h in mat.hypotheses]
    header = page.model.headerData(MatrixModel.FIRST_HYPOTHESIS, Qt.Orientation.Horizontal)
    first = mat.hypotheses.index(mat.hypothesis(order[0])) + 1
    assert header.startswith(f"H{first}:")  # each hypothesis keeps its own label
    page.view.setFocus()
    page.view.setCurrentIndex(page.view.proxy.index(0, MatrixModel.FIRST_HYPOTHESIS))
    qtbot.keyClick(page.view, Qt.Key.Key_4)
    stored = on_disk(workspace_path, page.doc.case.id, "Ann Analyst").matrices[0]
    assert stored.ratings[(mat.rows[0].evidence_id, order[0])].rating is Rating.I  # the cell shown
    tip = cell_index(page, (mat.rows[0].evidence_id, order[0])).data(Qt.ItemDataRole.ToolTipRole)
    assert LEAD not in tip and LEILA not in tip
    page.show_panel(page.team_panel)
    assert "rated blind" in page.team_panel.empty.text()
    # rate every cell: the others' ratings can be seen
    cells = {(r.evidence_id, h.id): Rating.N for r in mat.rows for h in mat.hypotheses}
    page.doc.editor.rate_each(mat.id, cells)
    page.doc.tell(Kind.TEAM, mat.id)
    assert all(a.isVisible() for a in page._view_actions) and page.view_choice.count() == 5
    changes = svc.history(window.workspace, page.doc.case.id, mat.id)
    assert [(c.kind, c.after, c.by) for c in changes if c.kind == "blind"] == [
        ("blind", "on", "Ann Analyst")]


def test_a_read_only_workspace_opens_its_cases_to_read(qtbot, tmp_path):
    """A workspace opened to read only: the controls that would change the case are greyed,
    a rating key changes nothing and says why, another analyst's cell opens to read."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sat_tool.settings import Preferences
    from sat_tool.ui.dialogs import CellDialog
    from sat_tool.ui.main_window import MainWindow

    path = tmp_path / "ws.sqlite"
    with Workspace.open(path) as ws:
        case_id = svc.open_sample(ws)
    window = MainWindow(Workspace.open(path, read_only=True), Preferences(analyst=LEAD))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.open_case(case_id)
    page = window.case_view.current_matrix_page()
    assert page.doc.read_only.startswith("This workspace is read-only")
    assert not page.actions_by_name["add_evidence"].isEnabled()
    assert not window.delete_matrix_action.isEnabled()
    assert not window.case_view.sources_page.buttons["add"].isEnabled()
    assert not page.snapshots_panel.save.isEnabled()
    assert not any(b.isEnabled() for b in page.legend.buttons.values())
    before = on_disk(path, case_id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_1)
    assert window.statusBar().currentMessage().startswith("This workspace is read-only")
    assert on_disk(path, case_id) == before and page.doc.undo_stack.count() == 0

    choose(qtbot, page, f"{LEILA}’s ratings")
    seen = []

    def read_dialog() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, CellDialog) and w.isVisible())
        seen.append((dialog.rationale.toPlainText(), dialog.chosen(),
                     dialog.rationale.isReadOnly()))
        dialog.reject()

    mat = page.matrix
    cell = (mat.rows[0].evidence_id, mat.hypotheses[0].id)
    hers = mat.team[analyst_uid(LEILA)][cell]
    QTimer.singleShot(100, read_dialog)
    page.open_cell_dialog(cell)
    assert seen == [(hers.rationale, hers.rating, True)]  # hers, to read
    window.close()
    window.workspace.close()


def test_another_analysts_cell_opens_to_read(qtbot, page):
    """Viewing Tom's ratings, Enter on a cell shows his rating and rationale, not a blank
    editor, and changes nothing."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sat_tool.ui.dialogs import CellDialog

    choose(qtbot, page, f"{TOM}’s ratings")
    seen = []

    def read_dialog() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, CellDialog) and w.isVisible())
        seen.append((dialog.chosen(), dialog.buttons_by_rating[Rating.CC].isEnabled()))
        dialog.reject()

    mat = page.matrix
    page.view.setFocus()
    page.view.setCurrentIndex(page.view.proxy.index(0, page.model.FIRST_HYPOTHESIS))
    cell = page.model.cell_at(page.view.proxy.mapToSource(page.view.currentIndex()))
    QTimer.singleShot(100, read_dialog)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert seen == [(mat.team[analyst_uid(TOM)][cell].rating, False)]
    assert page.doc.undo_stack.count() == 0
