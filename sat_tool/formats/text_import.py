"""Reading a source document from a .txt, .md or .html file.

The text is what an analyst would read: for HTML, the visible text with
paragraph breaks, without scripts, styles or markup. Files that are too large,
binary, or in an unknown encoding are refused with a message naming the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.formats import read_limited

MAX_SOURCE_BYTES = 20 * 1024 * 1024
SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


class SourceFileError(ValueError):
    """A file that cannot be read as a source document; the message says why."""


@dataclass(frozen=True)
class SourceText:
    """The title and text read from a file."""

    title: str
    text: str


def read_source_file(path: Path) -> SourceText:
    """Read a text, Markdown or HTML file as a source document."""
    suffix = path.suffix.lower()
    if suffix not in SOURCE_SUFFIXES:
        raise SourceFileError(translate(
            "SourceFile", "{file}: SAT Tool reads sources from {suffixes} files").format(
                file=path.name, suffixes=", ".join(SOURCE_SUFFIXES)))
    raw = read_limited(path, MAX_SOURCE_BYTES, QT_TRANSLATE_NOOP("Formats", "source documents"),
                       SourceFileError)
    content = decode(raw, path.name)
    if suffix in (".html", ".htm"):
        found = html_to_text(content, fallback_title=path.stem)
    else:
        found = SourceText(_first_heading(content) or path.stem, normalise(content))
    if not found.text.strip():
        raise SourceFileError(translate(
            "SourceFile", "{file} has no text to use as a source (it is empty, or a web page whose "
            "only content is scripts and styles)").format(file=path.name))
    return found


def decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; binary data is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceFileError(translate("SourceFile", "{file} is not valid UTF-16 text").format(
                file=name)) from None
        if "\x00" in text or sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
            raise SourceFileError(translate(
                "SourceFile", "{file} is not a text file (it contains binary data)").format(
                    file=name))
        return text
    if b"\x00" in raw:
        raise SourceFileError(translate(
            "SourceFile", "{file} is not a text file (it contains binary data)").format(file=name))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise SourceFileError(translate(
            "SourceFile", "{file} is neither UTF-8 nor Windows-1252 text").format(file=name)) from None


def normalise(text: str) -> str:
    """Line endings as ``\\n``, trailing spaces trimmed, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _first_heading(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if stripped:
            return stripped[:200]
    return ""


_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
           "section", "article", "header", "footer", "blockquote", "pre", "table", "hr"}
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}


class _TextExtractor(HTMLParser):
    """Collects visible text and the <title>, breaking lines at block elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str, fallback_title: str = "") -> SourceText:
    """The visible text and title of an HTML document."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    paragraphs = [" ".join(chunk.split()) for chunk in "".join(parser.parts).split("\n\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    title = " ".join("".join(parser.title).split()) or fallback_title
    return SourceText(title, text + "\n" if text else "")
