"""PARC ACH 2 project files (.achz): gzip-compressed UTF-16 XML.

What is known of the format, and how it maps onto SAT Tool (docs/formats.md):

* ``PROJECT-TITLE`` ↔ the case title; ``CLASSIFICATION`` ↔ the classification
  banner (kept in the case description on import).
* ``MATRIX`` holds ``HYPOTHESIS`` elements (``NAME``, optional ``NOTES``) and
  ``EVIDENCE`` elements with ``NAME`` (the text), ``NOTES``, ``LINK`` (becomes a
  source with that URL), ``TYPE``, ``DATE`` (milliseconds since the epoch),
  ``CODE``, ``FLAG``, ``CREDIBILITY`` and ``RELEVANCE`` (HIGH/MEDIUM/LOW) and
  ``VALUES``: the ratings in hypothesis order, ``C C``, ``C``, ``N``, ``NA``,
  ``I``, ``I I``, joined by commas (an empty value is an unrated cell).

The reader is tolerant: element names in any case, missing optional parts,
extra elements ignored. Untrusted XML is parsed with defusedxml, and the
decompressed size is capped, so XML and gzip bombs are refused with a message.

Any text survives the trip out and back (docs/formats.md, "Text in PARC files"):
characters XML 1.0 cannot hold are written as ``_xHHHH_`` (:func:`encode_text`,
undone by :func:`decode_text`), carriage returns as the character reference
``&#13;`` (which XML parsers keep), and an element whose text begins or ends
with white space carries ``xml:space="preserve"`` so the reader keeps it.
"""

from __future__ import annotations

import gzip
import io
import re
import uuid
import zlib
from datetime import datetime, timezone
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.formats import read_limited, write_file
from sat_tool.domain.model import (
    Assessment,
    Case,
    CaseId,
    Evidence,
    EvidenceId,
    EvidenceType,
    Hypothesis,
    HypothesisId,
    Level,
    Matrix,
    MatrixId,
    MatrixRow,
    Rating,
    Source,
    SourceId,
)

MAX_COMPRESSED = 32 * 1024 * 1024
MAX_XML_BYTES = 128 * 1024 * 1024
PARC_RATINGS = {Rating.CC: "C C", Rating.C: "C", Rating.N: "N", Rating.NA: "NA", Rating.I: "I",
                Rating.II: "I I"}
PARC_TYPES = {
    "assumption": EvidenceType.ASSUMPTION,
    "absence of evidence": EvidenceType.ABSENCE,
    "absence": EvidenceType.ABSENCE,
    "humint": EvidenceType.HUMINT,
    "sigint": EvidenceType.SIGINT,
    "imint": EvidenceType.IMINT,
    "masint": EvidenceType.MASINT,
    "osint": EvidenceType.OSINT,
}


class ParcError(ValueError):
    """A file that cannot be read as a PARC ACH project; the message names the problem."""


# ---------------------------------------------------------------- text escapes

_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
"""What XML 1.0 cannot hold, even as a character reference."""
_CODES = "00[01][0-9A-F]|005F|D[89A-F][0-9A-F]{2}|FFF[EF]"
"""The code points an ``_xHHHH_`` escape may name: the forbidden ones and ``_`` itself."""
_ENCODE = re.compile(f"[{_FORBIDDEN}]|_(?=x(?:{_CODES})(?:_|[{_FORBIDDEN}]))")
_DECODE = re.compile(f"_x({_CODES})_")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def encode_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids written as ``_xHHHH_`` (upper-case hex).

    An underscore that would otherwise read as the start of such an escape is
    itself written ``_x005F_``, so :func:`decode_text` gives back exactly ``text``.
    """
    return _ENCODE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def decode_text(text: str) -> str:
    """Undo :func:`encode_text`; other ``_xHHHH_`` sequences are left as they are."""
    return _DECODE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


# ---------------------------------------------------------------- writing


def write_achz(case: Case, matrix: Matrix, path: Path, classification: str = "") -> None:
    """Write one matrix of a case as a PARC ACH 2 project file."""
    data = gzip.compress(project_xml(case, matrix, classification).encode("utf-16"))
    write_file(Path(path), data)


def project_xml(case: Case, matrix: Matrix, classification: str = "") -> str:
    """The project XML (as text) of one matrix."""
    root = Element("ACH-PROJECT")
    _text_element(root, "PROJECT-TITLE", f"{case.title}: {matrix.question}")
    _text_element(root, "CLASSIFICATION", classification)
    node = SubElement(root, "MATRIX")
    for hyp in matrix.hypotheses:
        element = SubElement(node, "HYPOTHESIS")
        _text_element(element, "NAME", hyp.title)
        _text_element(element, "NOTES", hyp.description)
    for row in matrix.rows:
        node.append(_evidence_element(case, matrix, row))
    # A carriage return in text would read back as a line feed: write it as a reference.
    body = tostring(root, encoding="unicode").replace("\r", "&#13;")
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + body


def _text_element(parent: Element, tag: str, text: str) -> Element:
    """A child holding ``text`` so that :meth:`_Project._text` reads exactly ``text`` back."""
    element = SubElement(parent, tag)
    element.text = encode_text(text)
    if element.text != element.text.strip():
        element.set(XML_SPACE, "preserve")
    return element


def _evidence_element(case: Case, matrix: Matrix, row: MatrixRow) -> Element:
    item = case.evidence_item(row.evidence_id)
    element = Element("EVIDENCE")
    link = case.source(item.source_id).url if item.source_id is not None else ""
    fields = {
        "NAME": item.text,
        "NOTES": item.notes,
        "LINK": link,
        "TYPE": item.type.value,
        "DATE": _date_to_ms(item.date),
        "CODE": item.label,
        "FLAG": "false",
        "CREDIBILITY": item.credibility.value.upper(),
        "RELEVANCE": row.relevance.value.upper(),
        "VALUES": ",".join(
            PARC_RATINGS[r] if (r := matrix.rating(row.evidence_id, h.id)) else ""
            for h in matrix.hypotheses),
    }
    for name, value in fields.items():
        _text_element(element, name, value)
    return element


def _date_to_ms(date: str) -> str:
    parts = date.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        moment = datetime(year, month, day, tzinfo=timezone.utc)
    except (ValueError, IndexError):
        return ""
    return str(int(moment.timestamp() * 1000))


# ---------------------------------------------------------------- reading


def read_achz(path: Path) -> Case:
    """Read a PARC ACH project into a new case with one matrix (bundle-local ids)."""
    raw = read_limited(path, MAX_COMPRESSED, QT_TRANSLATE_NOOP("Formats", "PARC files"), ParcError)
    return parse_project(_decompress(raw, path.name), path.name)


def _decompress(raw: bytes, name: str) -> bytes:
    """Gunzip with a cap on the output: a gzip bomb stops at the limit."""
    if not raw.startswith(b"\x1f\x8b"):
        if raw.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff\x00 \r\n\t").startswith((b"<", b"<\x00")):
            return raw  # an uncompressed project XML: accept it
        raise ParcError(translate(
            "Parc", "{file} is not a PARC ACH project (not gzip-compressed XML)").format(file=name))
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = io.BytesIO()
    try:
        chunk = decompressor.decompress(raw, MAX_XML_BYTES + 1)
        out.write(chunk)
        if out.tell() > MAX_XML_BYTES or decompressor.unconsumed_tail:
            raise ParcError(translate(
                "Parc", "{file} expands to more than {size} MiB: refused as a possible compression "
                "bomb").format(file=name, size=MAX_XML_BYTES // (1024 * 1024)))
        if not decompressor.eof:
            raise ParcError(translate("Parc", "{file} is damaged: the compressed data ends early"
                                      ).format(file=name))
    except zlib.error as exc:
        raise ParcError(translate(
            "Parc", "{file} is damaged: the compressed data cannot be read ({error})").format(
                file=name, error=exc)) from None
    return out.getvalue()


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-16", "utf-8-sig"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text.lstrip().startswith("<"):
            return text
    raise ParcError(translate(
        "Parc", "{file} does not contain XML text (expected UTF-16 or UTF-8)").format(file=name))


def parse_project(data: bytes, name: str = "project") -> Case:
    """A case from project XML bytes; :class:`ParcError` names what is wrong."""
    text = _decode(data, name)
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2:]  # the declaration names the original encoding
    try:
        root = fromstring(text)
    except DefusedXmlException:
        raise ParcError(translate(
            "Parc", "{file} declares XML entities, which SAT Tool refuses for safety: it may "
            "be an XML bomb or reach for other files").format(file=name)) from None
    except ParseError as exc:
        raise ParcError(translate("Parc", "{file} is not well-formed XML ({error})").format(
            file=name, error=exc)) from None
    return _Project(root, name).case()


class _Project:
    """Tolerant reading of a PARC project tree."""

    def __init__(self, root: Element, name: str) -> None:
        self.root = root
        self.name = name

    @staticmethod
    def _tag(element: Element) -> str:
        return element.tag.rsplit("}", 1)[-1].upper().replace("_", "-")

    def _children(self, parent: Element, tag: str) -> list[Element]:
        return [c for c in parent if self._tag(c) == tag]

    def _find(self, parent: Element, tag: str) -> Element | None:
        return next((c for c in parent.iter() if self._tag(c) == tag), None)

    def _text(self, parent: Element, tag: str) -> str:
        found = next((c for c in parent if self._tag(c) == tag), None)
        return self._content(found) if found is not None else ""

    @staticmethod
    def _content(element: Element) -> str:
        """An element's text: stripped, unless marked ``xml:space="preserve"``; escapes undone."""
        text = element.text or ""
        return decode_text(text if element.get(XML_SPACE) == "preserve" else text.strip())

    def case(self) -> Case:
        title_node = self._find(self.root, "PROJECT-TITLE")
        matrix_node = self._find(self.root, "MATRIX")
        if matrix_node is None:
            raise ParcError(translate("Parc", "{file} is not a PARC ACH project (it has no MATRIX)"
                                      ).format(file=self.name))
        title = (self._content(title_node) if title_node is not None else "") or Path(
            self.name).stem
        classification_node = self._find(self.root, "CLASSIFICATION")
        classification = self._content(classification_node) if classification_node is not None else ""
        case = Case(CaseId(0), title, str(uuid.uuid4()),
                    f"Imported from the PARC ACH project {self.name}."
                    + (f" Classification: {classification}." if classification else ""))
        matrix = Matrix(MatrixId(1), title)
        for j, node in enumerate(self._children(matrix_node, "HYPOTHESIS"), 1):
            name = self._text(node, "NAME") or self._content(node)
            if not name:
                raise ParcError(translate("Parc", "{file}: hypothesis {number} has no NAME").format(
                    file=self.name, number=j))
            matrix.hypotheses.append(Hypothesis(HypothesisId(j), name, self._text(node, "NOTES")))
        if not matrix.hypotheses:
            raise ParcError(translate("Parc", "{file}: the matrix has no hypotheses").format(
                file=self.name))
        links: dict[str, SourceId] = {}
        nodes = self._children(matrix_node, "EVIDENCE")
        numbers = self._numbers(nodes)
        for i, node in enumerate(nodes, 1):
            self._evidence(case, matrix, node, i, links, numbers)
        case.matrices.append(matrix)
        return case

    def _numbers(self, nodes: list[Element]) -> list[int] | None:
        """The evidence numbers the CODEs give, when every CODE is a distinct label E1, E2 …

        SAT Tool writes its labels there, so its own projects keep their labels; a
        project whose codes are anything else is numbered in order instead.
        """
        numbers = []
        for node in nodes:
            found = re.fullmatch(r"E([1-9][0-9]{0,8})", self._text(node, "CODE"))
            if found is None:
                return None
            numbers.append(int(found.group(1)))
        return numbers if len(set(numbers)) == len(numbers) else None

    def _evidence(self, case: Case, matrix: Matrix, node: Element, i: int,
                  links: dict[str, SourceId], numbers: list[int] | None) -> None:
        text = self._text(node, "NAME")
        if not text:
            raise ParcError(translate("Parc", "{file}: evidence {number} has no NAME").format(
                file=self.name, number=i))
        link = self._text(node, "LINK")
        source = None
        if link:
            if link not in links:
                links[link] = SourceId(len(links) + 1)
                case.sources.append(Source(links[link], link, url=link))
            source = links[link]
        notes = self._text(node, "NOTES")
        code = self._text(node, "CODE")
        if self._text(node, "FLAG").lower() == "true":
            notes = (notes + "\n" if notes else "") + "Flagged in PARC ACH."
        if code and numbers is None:
            notes = (notes + "\n" if notes else "") + f"PARC code: {code}"
        item = Evidence(EvidenceId(i), numbers[i - 1] if numbers else i, text, source,
                        _ms_to_date(self._text(node, "DATE")), _type(self._text(node, "TYPE")),
                        self._level(node, "CREDIBILITY", i), notes)
        case.evidence.append(item)
        matrix.rows.append(MatrixRow(item.id, self._level(node, "RELEVANCE", i)))
        values = self._text(node, "VALUES")
        codes = values.split(",") if values else []
        if len(codes) > len(matrix.hypotheses):
            raise ParcError(translate(
                "Parc", "{file}: evidence {number} has {ratings} ratings for {hypotheses} "
                "hypotheses").format(file=self.name, number=i, ratings=len(codes),
                                     hypotheses=len(matrix.hypotheses)))
        for hyp, code_text in zip(matrix.hypotheses, codes):
            if not code_text.strip():
                continue
            try:
                rating = Rating.parse(code_text)
            except ValueError as exc:
                raise ParcError(translate(
                    "Parc", "{file}: evidence {number}, hypothesis {title!r}: {problem}").format(
                        file=self.name, number=i, title=hyp.title, problem=exc)) from None
            matrix.ratings[(item.id, hyp.id)] = Assessment(rating, "PARC ACH import")

    def _level(self, node: Element, tag: str, i: int) -> Level:
        value = self._text(node, tag)
        if not value:
            return Level.MEDIUM
        try:
            return Level.parse(value)
        except ValueError as exc:
            raise ParcError(translate("Parc", "{file}: evidence {number} {tag}: {problem}").format(
                file=self.name, number=i, tag=tag, problem=exc)) from None


def _type(value: str) -> EvidenceType:
    """SAT Tool's own type names first, then PARC's; anything else is OSINT."""
    try:
        return EvidenceType.parse(value)
    except ValueError:
        return PARC_TYPES.get(value.strip().lower(), EvidenceType.OSINT)


def _ms_to_date(value: str) -> str:
    try:
        moment = datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return ""
    return moment.strftime("%Y-%m-%d")
