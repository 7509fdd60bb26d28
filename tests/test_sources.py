"""Sources: reading files, the source pane's highlights, and evidence taken from a passage."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from sat_tool.domain import Level
from sat_tool.formats.text_import import SourceFileError, html_to_text, read_source_file
from sat_tool.services import cases as svc
from sat_tool.store import Workspace
from sat_tool.ui import case_view as case_view_module
from sat_tool.ui.source_pane import python_index, quoted_passages, utf16_offset

from conftest import sample_page


def test_html_source_keeps_visible_text_and_title(tmp_path: Path):
    """An HTML page gives its title and visible paragraphs, without scripts or styles."""
    page = tmp_path / "report.html"
    page.write_text("<html><head><title> Baku  report </title><style>p{}</style></head><body>"
                    "<script>alert('x')</script><h1>Heading</h1><p>First &amp; <b>bold</b> "
                    "paragraph.</p><p>Second<br>line.</p></body></html>", encoding="utf-8")
    found = read_source_file(page)
    assert found.title == "Baku report"
    assert found.text == "Heading\n\nFirst & bold paragraph.\n\nSecond line.\n"


def test_markdown_and_text_sources(tmp_path: Path):
    """A Markdown file is titled by its first heading; Windows line endings become plain ones."""
    md = tmp_path / "notes.md"
    md.write_bytes(b"# Field notes\r\n\r\nThe cell met twice.\r\n")
    found = read_source_file(md)
    assert found.title == "Field notes"
    assert found.text == "# Field notes\n\nThe cell met twice.\n"
    latin = tmp_path / "old.txt"
    latin.write_bytes("Caf\xe9 in Baku".encode("cp1252"))
    assert read_source_file(latin).text == "Café in Baku\n"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary data"),
    ("sheet.xlsx", b"PK\x03\x04", "reads sources from"),
])
def test_files_that_are_not_text_are_refused(tmp_path: Path, name, content, message):
    """Binary files and unsupported kinds are refused with a message naming the problem."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceFileError, match=message):
        read_source_file(path)


def test_offsets_survive_characters_outside_the_basic_plane():
    """Python indexes and Qt positions convert both ways around an emoji."""
    text = "ab😀cd"
    assert utf16_offset(text, 3) == 4
    assert python_index(text, 4) == 3
    assert python_index(text, utf16_offset(text, 5)) == 5
    assert html_to_text("<p>😀</p>").text == "😀\n"


@pytest.fixture
def window(qtbot, workspace: Workspace):
    """The main window with the sample case open."""
    return sample_page(qtbot, workspace).window_


def test_pane_highlights_every_quoted_passage(window):
    """Each evidence quote of the shown source is highlighted at exactly its text."""
    pane = window.case_view.sources_page
    case = window.document.case
    source = pane.current_source()
    citing = [e for e in case.evidence if e.source_id == source.id and e.quote]
    selections = pane.reader.extraSelections()
    assert len(selections) == len(citing) > 0
    highlighted = {sel.cursor.selectedText() for sel in selections}
    assert highlighted == {e.quote.replace("\n", "\u2029") for e in citing}


def test_clicking_a_highlight_shows_its_evidence_row(qtbot, window):
    """A click on a highlighted passage brings up the matrix with that evidence row current."""
    view = window.case_view
    view.setCurrentWidget(view.sources_page)
    reader = view.sources_page.reader
    passage = next(p for p in reader.passages
                   if not any(o is not p and o.start < p.end and p.start < o.end for o in reader.passages))
    cursor = QTextCursor(reader.document())
    cursor.setPosition(utf16_offset(reader.source_text, passage.start + 2))
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    point = reader.cursorRect(cursor).center() + QPoint(1, 0)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    page = view.current_matrix_page()
    assert page is not None
    assert page.view.current_evidence_id() == passage.evidence.id


def test_a_passage_quoted_twice_offers_both_items(qtbot, window, monkeypatch):
    """Where two evidence items quote the same words, a click offers both to choose from (the
    sample quotes each passage once, so a second item quoting one of its passages is added)."""
    from sat_tool.ui import commands as cmd
    from sat_tool.ui import source_pane

    reader = window.case_view.sources_page.reader
    source = window.case_view.sources_page.current_source()
    quoted = next(e for e in window.document.case.evidence if e.source_id == source.id and e.quote)
    window.document.push(cmd.AddEvidenceCommand(
        window.document, "The same words, read another way.", None, Level.MEDIUM,
        source_id=source.id, quote=quoted.quote, quote_start=quoted.quote_start))
    shared = next(p for p in reader.passages
                  if sum(o.start == p.start and o.end == p.end for o in reader.passages) > 1)
    offered = []
    monkeypatch.setattr(source_pane.QMenu, "popup",
                        lambda menu, _pos: offered.extend(a.text() for a in menu.actions()))
    reader._activate(reader.passages_at(utf16_offset(reader.source_text, shared.start)), QPoint(5, 5))
    same = [p.evidence.label for p in reader.passages if (p.start, p.end) == (shared.start, shared.end)]
    assert [text.split(":")[0] for text in offered] == sorted(same, key=lambda lab: int(lab[1:]))


def test_show_in_source_marks_the_passage(window):
    """From a matrix row, Show in source opens the source with that passage marked."""
    view = window.case_view
    item = window.document.case.evidence[1]
    view.show_evidence_in_source(item.id)
    assert view.currentWidget() is view.sources_page
    assert view.sources_page.current_source().id == item.source_id
    assert view.sources_page.reader.current_evidence == item.id


def test_add_selection_as_evidence(qtbot, window, monkeypatch, workspace_path):
    """Selecting a passage and adding it creates evidence with that exact quote and position."""
    view = window.case_view
    view.setCurrentWidget(view.sources_page)
    pane = view.sources_page
    reader = pane.reader
    text = reader.source_text
    wanted = "This network has delivered recruits to al Qaeda operatives"
    start = text.index(wanted)
    cursor = QTextCursor(reader.document())
    cursor.setPosition(utf16_offset(text, start) - 1)  # include the space before, which is trimmed
    cursor.setPosition(utf16_offset(text, start + len(wanted)), QTextCursor.MoveMode.KeepAnchor)
    reader.setTextCursor(cursor)
    assert pane.add_evidence_button.isEnabled()

    def fake_exec(dialog):
        assert dialog.quote.toPlainText() == wanted
        dialog.text_edit.setPlainText("Al-Qaeda's Iran network sends recruits to other fronts.")
        dialog.relevance.setCurrentIndex(dialog.relevance.findData(Level.HIGH))
        return True

    monkeypatch.setattr(case_view_module.EvidenceDialog, "exec", fake_exec)
    count = len(window.document.case.evidence)
    qtbot.mouseClick(pane.add_evidence_button, Qt.MouseButton.LeftButton)
    case = window.document.case
    item = case.evidence[-1]
    assert len(case.evidence) == count + 1
    assert (item.quote, item.quote_start, item.source_id) == (wanted, start, pane.current_source().id)
    assert case.matrices[0].row(item.id).relevance is Level.HIGH
    stored = svc.load_case(window.workspace, case.id).evidence_item(item.id)
    assert text[stored.quote_start:stored.quote_start + len(stored.quote)] == wanted
    assert len(reader.extraSelections()) == len(quoted_passages(pane.current_source(), case.evidence))
    window.undo_action.trigger()
    assert len(window.document.case.evidence) == count


def test_open_source_file_adds_a_source(qtbot, window, monkeypatch, tmp_path):
    """Open file reads a text file into a new source with its title; undo removes it."""
    path = tmp_path / "brief.md"
    path.write_text("# Border brief\n\nTrucks were stopped at Goris.\n", encoding="utf-8")
    pane = window.case_view.sources_page
    monkeypatch.setattr(window.case_view, "ask_source_path", lambda: path)
    monkeypatch.setattr(case_view_module.SourceDialog, "exec", lambda dialog: True)
    count = len(window.document.case.sources)
    qtbot.mouseClick(pane.buttons["import"], Qt.MouseButton.LeftButton)
    source = window.document.case.sources[-1]
    assert len(window.document.case.sources) == count + 1
    assert source.title == "Border brief" and "Goris" in source.text
    assert pane.current_source().id == source.id
    window.undo_action.trigger()
    assert len(window.document.case.sources) == count


def test_open_source_file_that_is_binary_changes_nothing(qtbot, window, monkeypatch, tmp_path):
    """A binary file chosen as a source is refused with a message and adds nothing."""
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text, *a: shown.append(text))
    monkeypatch.setattr(window.case_view, "ask_source_path", lambda: path)
    count = len(window.document.case.sources)
    window.case_view.import_source()
    assert shown and "binary data" in shown[0]
    assert len(window.document.case.sources) == count


def test_binary_data_behind_a_utf16_mark_is_refused(tmp_path: Path):
    """A file that starts like UTF-16 but holds binary data is not taken as text."""
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\xff\xfe" + "A\x00B\x01\x02".encode("utf-16-le") * 100)
    with pytest.raises(SourceFileError, match="binary data"):
        read_source_file(path)


def test_oversized_source_file_is_refused(tmp_path: Path, monkeypatch):
    """A source file over the size limit is refused by name before it is read."""
    from sat_tool.formats import text_import

    monkeypatch.setattr(text_import, "MAX_SOURCE_BYTES", 10)
    path = tmp_path / "long.txt"
    path.write_text("far more than ten bytes of text")
    with pytest.raises(SourceFileError, match="long.txt is 0 MiB; source documents are limited to"):
        read_source_file(path)
