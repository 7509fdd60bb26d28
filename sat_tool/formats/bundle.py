"""The case bundle: one versioned JSON file holding a whole case.

The format is documented in docs/case-format.md. :func:`read_bundle` checks
everything before it returns, so a malformed file never yields half a case;
:func:`write_bundle` writes the canonical form, which reads back to the same
bytes.
"""

from __future__ import annotations

import copy
import json
import uuid
from datetime import datetime
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sat_tool.domain.model import (
    Analyst,
    AnalystId,
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
    Outcome,
    Rating,
    ScoringMode,
    Source,
    SourceId,
    attribute,
    unattributed,
    valid_date,
)
from sat_tool.domain.snapshots import Snapshot, snapshot_data, snapshot_from_data
from sat_tool.domain.text import QT_TRANSLATE_NOOP, translate
from sat_tool.formats import read_limited, write_file

FORMAT_NAME = "sat-tool-case"
FORMAT_VERSION = 3
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
"""The largest bundle read: over 6× our own export of 10,000 items × 50 hypotheses (docs/formats.md)."""
MAX_WHOLE = 2 ** 63 - 1
"""The largest whole number a workspace can store (SQLite's INTEGER is 64-bit)."""
MAX_EVIDENCE_NUMBER = 1_000_000_000
"""Evidence numbers above this are refused, so the next number always fits too."""

T = TypeVar("T")


class BundleError(ValueError):
    """A file that is not a valid case bundle; the message names the problem."""


# ---------------------------------------------------------------- writing


Snapshots = Mapping[MatrixId, Sequence[Snapshot]]


def case_to_dict(case: Case, snapshots: Snapshots | None = None) -> dict[str, Any]:
    """The canonical JSON structure of a case (ids renumbered S1…, E<n>, M1…, M1-H1…, A1…),
    with every analyst's ratings and probabilities."""
    if unattributed(case):
        case = copy.deepcopy(case)  # a case read from a file: its ratings become one analyst's
        attribute(case)
    source_ids = {src.id: f"S{i}" for i, src in enumerate(case.sources, 1)}
    evidence_ids = {item.id: f"E{item.number}" for item in case.evidence}
    analysts = [a for a in case.analysts
                if any(m.team.get(a.id) or m.judgments.get(a.id) for m in case.matrices)]
    analyst_ids = {a.id: f"A{i}" for i, a in enumerate(analysts, 1)}
    snapshots = snapshots or {}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "case": {
            "uid": case.uid,
            "title": case.title,
            "description": case.description,
            "created": case.created,
        },
        "analysts": [{"id": analyst_ids[a.id], "uid": a.id, "name": a.name,
                      **({"role": a.role} if a.role else {})} for a in analysts],
        "sources": [_source_dict(src, source_ids[src.id]) for src in case.sources],
        "evidence": [_evidence_dict(item, evidence_ids, source_ids) for item in case.evidence],
        "matrices": [
            _matrix_dict(mat, f"M{i}", evidence_ids, snapshots.get(mat.id, ()), analyst_ids)
            for i, mat in enumerate(case.matrices, 1)
        ],
    }


def _uid(item: Any) -> dict[str, str]:
    return {"uid": item.uid} if item.uid else {}


def _source_dict(src: Source, sid: str) -> dict[str, Any]:
    return {
        "id": sid,
        "title": src.title,
        "author": src.author,
        "publication": src.publication,
        "date": src.date,
        "url": src.url,
        "reliability": src.reliability,
        "text": src.text,
        **_uid(src),
    }


def _evidence_dict(
    item: Evidence, evidence_ids: dict[EvidenceId, str], source_ids: dict[SourceId, str]
) -> dict[str, Any]:
    return {
        "id": evidence_ids[item.id],
        "number": item.number,
        "text": item.text,
        "source": source_ids[item.source_id] if item.source_id is not None else None,
        "date": item.date,
        "type": item.type.value,
        "credibility": item.credibility.value,
        "notes": item.notes,
        "quote": item.quote,
        "quote_start": item.quote_start,
        **({"origin": item.origin} if item.origin else {}),
        **_uid(item),
    }


def _matrix_dict(mat: Matrix, mid: str, evidence_ids: dict[EvidenceId, str],
                 snapshots: Sequence[Snapshot], analyst_ids: dict[AnalystId, str]
                 ) -> dict[str, Any]:
    hyp_ids = {h.id: f"{mid}-H{j}" for j, h in enumerate(mat.hypotheses, 1)}
    team = [(aid, mat.team[uid]) for uid, aid in analyst_ids.items() if uid in mat.team]
    ratings = []
    for row in mat.rows:
        for hyp in mat.hypotheses:
            for aid, own in team:
                found = own.get((row.evidence_id, hyp.id))
                if found is not None:
                    ratings.append(
                        {
                            "evidence": evidence_ids[row.evidence_id],
                            "hypothesis": hyp_ids[hyp.id],
                            "rating": found.rating.value,
                            "analyst": aid,
                            "rationale": found.rationale,
                            "updated": found.updated,
                            "likelihood": found.likelihood,
                        }
                    )
    judgments = [{"analyst": aid, "hypothesis": hyp_ids[h.id], "prior": prior, "judged": judged}
                 for uid, aid in analyst_ids.items() for h in mat.hypotheses
                 for prior, judged in [mat.judgments.get(uid, {}).get(h.id, (None, None))]
                 if prior is not None or judged is not None]
    return {
        "id": mid,
        "question": mat.question,
        "notes": mat.notes,
        "conclusions": mat.conclusions,
        "milestones": mat.milestones,
        "scoring_mode": mat.scoring_mode.value,
        **({"layout": "transposed"} if mat.transposed else {}),
        **({"blind": True} if mat.blind else {}),
        **_uid(mat),
        "hypotheses": [
            {"id": hyp_ids[h.id], "title": h.title, "description": h.description, **_uid(h)}
            for h in mat.hypotheses
        ],
        "evidence": [
            {"evidence": evidence_ids[row.evidence_id], "relevance": row.relevance.value}
            for row in mat.rows
        ],
        "ratings": ratings,
        **({"judgments": judgments} if judgments else {}),
        "snapshots": _snapshot_dicts(snapshots, mid, evidence_ids, hyp_ids),
        **({"outcome": _outcome_dict(mat.outcome, hyp_ids, snapshots)} if mat.outcome else {}),
    }


def _outcome_dict(outcome: Outcome, hyp_ids: dict[HypothesisId, str],
                  snapshots: Sequence[Snapshot]) -> dict[str, Any]:
    """A recorded outcome; its closing snapshot is named by its place among the matrix's
    snapshots (1 for the first), since snapshot ids belong to a workspace."""
    positions = {snap.id: n for n, snap in enumerate(snapshots, 1)}
    return {"hypothesis": hyp_ids[outcome.hypothesis_id] if outcome.hypothesis_id is not None
            else None, "date": outcome.date, "evidence": outcome.evidence,
            "snapshot": positions.get(outcome.snapshot_id)}


def _snapshot_dicts(snapshots: Sequence[Snapshot], mid: str, evidence_ids: dict[EvidenceId, str],
                    hyp_ids: dict[HypothesisId, str]) -> list[dict[str, Any]]:
    """Snapshots with bundle ids.

    Items deleted since a snapshot was taken are numbered in order of first
    appearance across the matrix's snapshots (``x-M1-E1``, ``x-M1-H1`` …): the
    same item keeps one name in every snapshot, two items never share one, and
    importing then exporting gives the same names again.
    """
    gone_e: dict[int, str] = {}
    gone_h: dict[int, str] = {}
    for snap in snapshots:
        for item in snap.case.evidence:
            if item.id not in evidence_ids and item.id not in gone_e:
                gone_e[item.id] = f"x-{mid}-E{len(gone_e) + 1}"
        for hyp in snap.matrix.hypotheses:
            if hyp.id not in hyp_ids and hyp.id not in gone_h:
                gone_h[hyp.id] = f"x-{mid}-H{len(gone_h) + 1}"
    evidence = {**gone_e, **evidence_ids}
    hypotheses = {**gone_h, **hyp_ids}
    return [{"name": snap.name, "created": snap.created,
             "data": snapshot_data(snap, lambda e: evidence[e], lambda h: hypotheses[h])}
            for snap in snapshots]


def dumps_bundle(case: Case, snapshots: Snapshots | None = None) -> str:
    """The canonical text of a case bundle."""
    return json.dumps(case_to_dict(case, snapshots), ensure_ascii=False, indent=2) + "\n"


def write_bundle(case: Case, path: Path, snapshots: Snapshots | None = None) -> None:
    """Write a case bundle to ``path`` (UTF-8), replacing the file only once it is complete.

    The text is encoded before any file is opened, and a failed write leaves nothing behind.
    """
    write_file(Path(path), dumps_bundle(case, snapshots).encode("utf-8"))


# ---------------------------------------------------------------- reading


def read_bundle(path: Path) -> Case:
    """Read and check a bundle file; raise :class:`BundleError` naming what is wrong.

    The returned case carries bundle-local ids (1, 2, …); the store gives it real ones.
    """
    return read_bundle_with_snapshots(path)[0]


def read_bundle_with_snapshots(path: Path) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """Read a bundle with its matrices' snapshots (keyed by the bundle-local matrix id)."""
    raw = read_limited(path, MAX_BUNDLE_BYTES, QT_TRANSLATE_NOOP("Formats", "case bundles"), BundleError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BundleError(translate(
            "Bundle", "{file} is not a SAT Tool case bundle (not UTF-8 text)").format(
                file=path.name)) from None
    if "\x00" in text:  # never in JSON text: only escaped in strings
        raise BundleError(translate(
            "Bundle", "{file} is not a SAT Tool case bundle (it contains binary data)").format(
                file=path.name))
    return loads_bundle_with_snapshots(text, name=path.name)


def loads_bundle(text: str, name: str = "bundle") -> Case:
    """Parse and check the text of a bundle."""
    return loads_bundle_with_snapshots(text, name)[0]


def loads_bundle_with_snapshots(text: str, name: str = "bundle"
                                ) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """Parse and check the text of a bundle, snapshots included."""
    try:
        data = json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise BundleError(translate(
            "Bundle", "{file} is not a SAT Tool case bundle (nested too deeply)").format(
                file=name)) from None
    except json.JSONDecodeError as exc:
        raise BundleError(translate(
            "Bundle", "{file} is not a SAT Tool case bundle: invalid JSON at line {line}, "
            "column {column} ({problem})").format(
                file=name, line=exc.lineno, column=exc.colno, problem=exc.msg)) from None
    return case_and_snapshots_from_dict(data, name)


class _Overlong:
    """A JSON integer of more digits than any number a workspace stores; never converted."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return translate("Bundle", "a {digits}-digit number").format(
            digits=len(self.digits.lstrip("-")))


def _parse_int(text: str) -> int | _Overlong:
    """JSON integers; those longer than 19 digits (beyond 64 bits) stay unconverted."""
    return _Overlong(text) if len(text) > 20 or len(text.lstrip("-")) > 19 else int(text)


def _bad_character(value: str) -> str | None:
    """Why a string cannot be stored (a lone surrogate), or None when it can."""
    if value.isascii():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return translate(
            "Bundle", "holds an unpaired surrogate \\u{code} at character {offset}, which is not a "
            "character (the file is damaged)").format(code=f"{ord(value[exc.start]):04x}",
                                                      offset=exc.start)
    return None


def _storable(value: str) -> bool:
    """Whether a string can be stored (the test of :func:`_bad_character`, at once for ASCII)."""
    return value.isascii() or _bad_character(value) is None


_RATING_CODES = {r.value: r for r in Rating}
_LEVEL_NAMES = {level.value: level for level in Level}
_TYPE_NAMES = {kind.value: kind for kind in EvidenceType}
"""The canonical spellings, which the parsers read as these members; any other goes to the parser."""


def _scoring_mode(text: str) -> ScoringMode:
    try:
        return ScoringMode(text)
    except ValueError:
        raise ValueError(translate(
            "Bundle", "{value!r} is not a scoring mode (expected {modes})").format(
                value=text[:40], modes=", ".join(m.value for m in ScoringMode))) from None


def case_from_dict(data: Any, name: str = "bundle") -> Case:
    """Build a case from the JSON structure, checking every field."""
    return case_and_snapshots_from_dict(data, name)[0]


def case_and_snapshots_from_dict(data: Any, name: str = "bundle"
                                 ) -> tuple[Case, dict[MatrixId, list[Snapshot]]]:
    """Build a case and its snapshots from the JSON structure, checking every field."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise BundleError(translate(
            "Bundle", "{file} is not a SAT Tool case bundle (no \"format\": \"{format}\")").format(
                file=name, format=FORMAT_NAME))
    version = data.get("version")
    if isinstance(version, _Overlong):
        raise BundleError(translate("Bundle", "{file}: unknown case-bundle version ({version!r})"
                                    ).format(file=name, version=version))
    if not isinstance(version, int) or isinstance(version, bool):
        raise BundleError(translate("Bundle", "{file}: \"version\" must be a whole number").format(
            file=name))
    if version > FORMAT_VERSION:
        raise BundleError(translate(
            "Bundle", "{file} is case-bundle version {version}, newer than this SAT Tool reads "
            "(up to {newest}); update SAT Tool to open it").format(
                file=name, version=version, newest=FORMAT_VERSION))
    if version < 1:
        raise BundleError(translate("Bundle", "{file}: unknown case-bundle version {version}").format(
            file=name, version=version))
    reader = _Reader(name)
    return reader.case(data), reader.snapshots


class _Reader:
    """Walks a bundle's JSON, naming the JSON path of the first problem found.

    The items a large bundle holds by the thousand (evidence items, matrix rows,
    ratings) are first tried the short way: when every field is present in its
    canonical form (an id that names an item, a rating code as written, text that
    can be stored, a time already seen to be valid) the item is built at once,
    with no JSON path composed. Any other item is read the long way, field by
    field, which either reads it or names its first problem: the two ways accept
    the same items and build the same objects.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.snapshots: dict[MatrixId, list[Snapshot]] = {}
        self._evidence: dict[str, EvidenceId] = {}
        self._gone: dict[str, int] = {}
        self._hypotheses = 0
        self._analysts: dict[str, Analyst] = {}
        self._times: set[str] = set()
        """Times already read as valid ISO 8601 (a bundle repeats the same few many times)."""

    def fail(self, where: str, problem: str) -> BundleError:
        return BundleError(translate("Bundle", "{file}: {where}: {problem}").format(
            file=self.name, where=where, problem=problem))

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, translate("Bundle", "expected an object"))
        return value

    def items(self, parent: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
        value = parent.get(key, [])
        path = key if where == "$" else f"{where}.{key}"  # top-level lists read "evidence[0]"
        if not isinstance(value, list):
            raise self.fail(path, translate("Bundle", "expected a list"))
        if all(isinstance(v, dict) for v in value):
            return value
        return [self.obj(v, f"{path}[{i}]") for i, v in enumerate(value)]

    def text(self, parent: dict[str, Any], key: str, where: str, required: bool = False) -> str:
        value = parent.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}.{key}", translate("Bundle", "is missing")
                                if key not in parent else
                                translate("Bundle", "expected text, not null"))
            return ""
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", translate("Bundle", "expected text"))
        if required and not value.strip():
            raise self.fail(f"{where}.{key}", translate("Bundle", "must not be empty"))
        problem = _bad_character(value)
        if problem is not None:
            raise self.fail(f"{where}.{key}", problem)
        return value

    def whole(self, value: Any, where: str, low: int, high: int, expected: str,
              **values: Any) -> int:
        """A whole number from ``low`` to ``high``; ``expected`` says what one is wanted (in
        English, translated in the context "Bundle", then formatted with ``values``)."""
        if isinstance(value, _Overlong) and value.digits.startswith("-"):
            wanted = translate("Bundle", expected).format(**values)
            raise self.fail(where, translate("Bundle", "expected {expected}").format(expected=wanted))
        if isinstance(value, _Overlong) or (
                isinstance(value, int) and not isinstance(value, bool) and value > high):
            wanted = translate("Bundle", expected).format(**values)
            raise self.fail(where, translate(
                "Bundle", "{value!r} is too large (expected {expected}, at most {high})").format(
                    value=value, expected=wanted, high=f"{high:,}"))
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            wanted = translate("Bundle", expected).format(**values)
            raise self.fail(where, translate("Bundle", "expected {expected}").format(expected=wanted))
        return value

    def enum(self, parent: dict[str, Any], key: str, where: str, parse: Callable[[str], T],
             default: T) -> T:
        value = parent.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", translate("Bundle", "expected text"))
        try:
            return parse(value)
        except ValueError as exc:
            raise self.fail(f"{where}.{key}", str(exc)) from None

    def ref(self, parent: dict[str, Any], key: str, where: str, known: dict[str, T]) -> T:
        value = parent.get(key)
        if not isinstance(value, str) or value not in known:
            if key == "analyst":
                raise self.fail(f"{where}.{key}", translate(
                    "Bundle", "{value!r} is not one of the bundle's analysts").format(value=value))
            raise self.fail(f"{where}.{key}", translate(
                "Bundle", "{value!r} does not name an item of this bundle").format(value=value))
        return known[value]

    def uid(self, head: dict[str, Any]) -> str:
        """The case's stable identifier: a UUID, or empty for none yet."""
        value = self.text(head, "uid", "case").strip()
        if value:
            try:
                uuid.UUID(value)
            except ValueError:
                raise self.fail("case.uid", translate(
                    "Bundle", "{value!r} is not a UUID (leave it empty and one is given on import)"
                ).format(value=value[:40])) from None
        return value

    def timestamp(self, parent: dict[str, Any], key: str, where: str) -> str:
        """A time SAT Tool recorded: ISO 8601 (``2026-11-21T19:40:00Z``), or empty."""
        value = self.text(parent, key, where)
        if value and value not in self._times:
            try:
                datetime.fromisoformat(value)
            except ValueError:
                raise self.fail(f"{where}.{key}", translate(
                    "Bundle", "{value!r} is not a date and time (expected ISO 8601, such as "
                    "2026-11-21T19:40:00Z)").format(value=value[:40])) from None
            self._times.add(value)
        return value

    def unique_id(self, item: dict[str, Any], where: str, seen: dict[str, Any]) -> str:
        value = item.get("id")
        if not isinstance(value, str) or not value:
            raise self.fail(f"{where}.id", translate("Bundle", "expected a non-empty text id"))
        if value in seen:
            raise self.fail(f"{where}.id", translate("Bundle", "duplicate id {value!r}").format(
                value=value))
        return value

    def case(self, data: dict[str, Any]) -> Case:
        head = self.obj(data.get("case"), "case")
        case = Case(
            id=CaseId(0),
            title=self.text(head, "title", "case", required=True),
            uid=self.uid(head),
            description=self.text(head, "description", "case"),
            created=self.timestamp(head, "created", "case"),
        )
        self._analysts = self.analysts(data)
        sources = self.sources(data, case)
        evidence = self.evidence(data, case, sources)
        self._evidence = evidence
        matrix_ids: dict[str, Any] = {}
        for i, mat in enumerate(self.items(data, "matrices", "$")):
            if mat.get("id") is not None:
                matrix_ids[self.unique_id(mat, f"matrices[{i}]", matrix_ids)] = i
            case.matrices.append(self.matrix(mat, f"matrices[{i}]", i + 1, evidence))
        case.analysts = list(self._analysts.values())
        attribute(case)  # an older bundle's ratings become one analyst's
        return case

    def analysts(self, data: dict[str, Any]) -> dict[str, Analyst]:
        """The bundle's analysts by their ids in it (none in a bundle before version 3: its
        ratings name their analyst)."""
        known: dict[str, Analyst] = {}
        uids: set[str] = set()
        for i, item in enumerate(self.items(data, "analysts", "$")):
            where = f"analysts[{i}]"
            key = self.unique_id(item, where, known)
            uid = self.part_uid(item, where) or str(uuid.uuid4())
            if uid in uids:
                raise self.fail(f"{where}.uid", translate("Bundle", "duplicate uid {value!r}").format(
                    value=uid))
            uids.add(uid)
            known[key] = Analyst(uid, self.text(item, "name", where, required=True),
                                 self.text(item, "role", where))
        return known

    def part_uid(self, item: dict[str, Any], where: str) -> str:
        """The stable id of a source, item, matrix, hypothesis or analyst: a UUID, or empty."""
        value = self.text(item, "uid", where).strip()
        if value:
            try:
                uuid.UUID(value)
            except ValueError:
                raise self.fail(f"{where}.uid", translate(
                    "Bundle", "{value!r} is not a UUID (leave it out and one is given on import)"
                ).format(value=value[:40])) from None
        return value

    def sources(self, data: dict[str, Any], case: Case) -> dict[str, SourceId]:
        known: dict[str, SourceId] = {}
        for i, item in enumerate(self.items(data, "sources", "$")):
            where = f"sources[{i}]"
            key = self.unique_id(item, where, known)
            sid = SourceId(i + 1)
            known[key] = sid
            case.sources.append(
                Source(
                    id=sid,
                    title=self.text(item, "title", where, required=True),
                    author=self.text(item, "author", where),
                    publication=self.text(item, "publication", where),
                    date=self.text(item, "date", where),
                    url=self.text(item, "url", where),
                    reliability=self.text(item, "reliability", where),
                    text=self.text(item, "text", where),
                    uid=self.part_uid(item, where),
                )
            )
        return known

    def evidence(self, data: dict[str, Any], case: Case, sources: dict[str, SourceId]
                 ) -> dict[str, EvidenceId]:
        known: dict[str, EvidenceId] = {}
        numbers: set[int] = set()
        items: list[Evidence] = []
        for i, item in enumerate(self.items(data, "evidence", "$")):
            found = self.quick_evidence(item, i, known, numbers, sources)
            if found is None:
                found = self.evidence_item(item, i, known, numbers, sources)
            key, added = found
            if "uid" in item:
                added.uid = self.part_uid(item, f"evidence[{i}]")
            known[key] = added.id
            numbers.add(added.number)
            items.append(added)
            if added.quote_start is not None and added.source_id is not None:
                text = case.sources[added.source_id - 1].text
                if added.quote_start + len(added.quote) > len(text):
                    raise self.fail(f"evidence[{i}].quote_start", translate(
                        "Bundle", "{offset} is past the end of its source's text ({length} "
                        "characters)").format(offset=added.quote_start, length=len(text)))
        case.evidence.extend(items)
        return known

    def quick_evidence(self, item: dict[str, Any], i: int, known: dict[str, EvidenceId],
                       numbers: set[int], sources: dict[str, SourceId]
                       ) -> tuple[str, Evidence] | None:
        """An evidence item whose every field is in its canonical form; None for any other."""
        get = item.get
        key, number, source, text = get("id"), get("number", i + 1), get("source"), get("text")
        kind, credibility = get("type"), get("credibility")
        date, notes, quote, quote_start = get("date"), get("notes"), get("quote"), get("quote_start")
        if "origin" in item:
            return None  # read field by field
        if not (type(key) is str and key and key not in known
                and type(number) is int and 1 <= number <= MAX_EVIDENCE_NUMBER
                and number not in numbers
                and type(text) is str and text.strip() and _storable(text)
                and (date is None or (type(date) is str and _storable(date)))
                and (notes is None or (type(notes) is str and _storable(notes)))
                and (quote is None or (type(quote) is str and _storable(quote)))
                and (kind is None or (type(kind) is str and kind in _TYPE_NAMES))
                and (credibility is None or (type(credibility) is str
                                             and credibility in _LEVEL_NAMES))
                and (quote_start is None or (type(quote_start) is int
                                             and 0 <= quote_start <= MAX_WHOLE))):
            return None
        if source is not None:
            if type(source) is not str or source not in sources:
                return None
            source = sources[source]
        return key, Evidence(
            EvidenceId(i + 1), number, text, source, date or "",
            EvidenceType.OSINT if kind is None else _TYPE_NAMES[kind],
            Level.MEDIUM if credibility is None else _LEVEL_NAMES[credibility],
            notes or "", quote or "", quote_start)

    def evidence_item(self, item: dict[str, Any], i: int, known: dict[str, EvidenceId],
                      numbers: set[int], sources: dict[str, SourceId]) -> tuple[str, Evidence]:
        """An evidence item read field by field; BundleError naming the first problem."""
        where = f"evidence[{i}]"
        key = self.unique_id(item, where, known)
        number = self.whole(item.get("number", i + 1), f"{where}.number", 1,
                            MAX_EVIDENCE_NUMBER,
                            QT_TRANSLATE_NOOP("Bundle", "a whole number of 1 or more"))
        if number in numbers:
            raise self.fail(f"{where}.number", translate(
                "Bundle", "duplicate evidence number {number}").format(number=number))
        source = None if item.get("source") is None else self.ref(item, "source", where, sources)
        return key, Evidence(
            id=EvidenceId(i + 1),
            number=number,
            text=self.text(item, "text", where, required=True),
            source_id=source,
            date=self.text(item, "date", where),
            type=self.enum(item, "type", where, EvidenceType.parse, EvidenceType.OSINT),
            credibility=self.enum(item, "credibility", where, Level.parse, Level.MEDIUM),
            notes=self.text(item, "notes", where),
            quote=self.text(item, "quote", where),
            quote_start=self.position(item, where),
            origin=self.text(item, "origin", where),
        )

    def position(self, item: dict[str, Any], where: str) -> int | None:
        value = item.get("quote_start")
        if value is None:
            return None
        return self.whole(value, f"{where}.quote_start", 0, MAX_WHOLE,
                          QT_TRANSLATE_NOOP("Bundle", "a character offset of 0 or more"))

    def matrix(self, data: dict[str, Any], where: str, index: int,
               evidence: dict[str, EvidenceId]) -> Matrix:
        mat = Matrix(
            id=MatrixId(index),
            question=self.text(data, "question", where, required=True),
            notes=self.text(data, "notes", where),
            conclusions=self.text(data, "conclusions", where),
            milestones=self.text(data, "milestones", where),
            scoring_mode=self.enum(data, "scoring_mode", where, _scoring_mode, ScoringMode.WEIGHTED),
            transposed=self.layout(data, where),
            blind=self.flag(data, "blind", where),
            uid=self.part_uid(data, where),
        )
        hyps: dict[str, HypothesisId] = {}
        for j, item in enumerate(self.items(data, "hypotheses", where)):
            hwhere = f"{where}.hypotheses[{j}]"
            key = self.unique_id(item, hwhere, hyps)
            self._hypotheses += 1
            hid = HypothesisId(self._hypotheses)
            hyps[key] = hid
            mat.hypotheses.append(
                Hypothesis(hid, self.text(item, "title", hwhere, required=True),
                           self.text(item, "description", hwhere),
                           self.fraction(item, "prior", hwhere),
                           self.fraction(item, "judged", hwhere),
                           uid=self.part_uid(item, hwhere))
            )
        included: set[EvidenceId] = set()
        rows: list[MatrixRow] = []
        for j, item in enumerate(self.items(data, "evidence", where)):
            ref, relevance = item.get("evidence"), item.get("relevance")
            eid = evidence.get(ref) if type(ref) is str else None
            if relevance is None:
                level: Level | None = Level.MEDIUM
            else:
                level = _LEVEL_NAMES.get(relevance) if type(relevance) is str else None
            if eid is None or level is None or eid in included:
                eid, level = self.row(item, f"{where}.evidence[{j}]", included, evidence)
            included.add(eid)
            rows.append(MatrixRow(eid, level))
        mat.rows.extend(rows)
        ratings, quick, team = mat.ratings, self.quick_rating, self._analysts
        for j, item in enumerate(self.items(data, "ratings", where)):
            if team:
                analyst = self.ref(item, "analyst", f"{where}.ratings[{j}]", team)
                ratings = mat.team.setdefault(analyst.id, {})
            if not quick(item, included, ratings, evidence, hyps, team):
                self.rating(item, f"{where}.ratings[{j}]", ratings, included, evidence, hyps)
        for j, item in enumerate(self.items(data, "judgments", where)):
            jwhere = f"{where}.judgments[{j}]"
            analyst = self.ref(item, "analyst", jwhere, team)
            hid = self.ref(item, "hypothesis", jwhere, hyps)
            own = mat.judgments.setdefault(analyst.id, {})
            if hid in own:
                raise self.fail(jwhere, translate("Bundle", "this analyst's probabilities of this "
                                                  "hypothesis are given twice"))
            own[hid] = (self.fraction(item, "prior", jwhere), self.fraction(item, "judged", jwhere))
        self.snapshots[mat.id] = [
            self.snapshot(item, f"{where}.snapshots[{j}]", mat.id, hyps, j + 1)
            for j, item in enumerate(self.items(data, "snapshots", where))
        ]
        if data.get("outcome") is not None:
            mat.outcome = self.outcome(data["outcome"], f"{where}.outcome", hyps,
                                       len(self.snapshots[mat.id]))
        return mat

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if type(value) is not bool:
            raise self.fail(f"{where}.{key}", translate("Bundle", "expected true or false"))
        return value

    def layout(self, data: dict[str, Any], where: str) -> bool:
        """Whether a matrix is shown transposed (hypotheses down the side)."""
        value = data.get("layout", "standard")
        if value not in ("standard", "transposed"):
            raise self.fail(f"{where}.layout", translate(
                "Bundle", "{value!r} is not a layout (standard or transposed)").format(value=value))
        return value == "transposed"

    def outcome(self, value: Any, where: str, hyps: dict[str, HypothesisId], snapshots: int
                ) -> Outcome:
        """A matrix's recorded outcome; its snapshot is a position among the matrix's own."""
        item = self.obj(value, where)
        truth = None if item.get("hypothesis") is None else self.ref(item, "hypothesis", where, hyps)
        date = self.text(item, "date", where)
        if date and not valid_date(date):
            raise self.fail(f"{where}.date", translate(
                "Bundle", "{date!r} is not a date such as 2012, 2012-04 or 2012-04-18").format(
                    date=date))
        position = item.get("snapshot")
        if position is not None:
            position = self.whole(
                position, f"{where}.snapshot", 1, max(snapshots, 1),
                QT_TRANSLATE_NOOP("Bundle", "the place of one of the matrix's {count} snapshots"),
                count=snapshots)
        return Outcome(truth, date, self.text(item, "evidence", where), position)

    def fraction(self, item: dict[str, Any], key: str, where: str, low_open: bool = False
                 ) -> float | None:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(f"{where}.{key}", translate("Bundle", "expected a number from 0 to 1"))
        if not (0 < value <= 1 if low_open else 0 <= value <= 1):
            raise self.fail(f"{where}.{key}", translate("Bundle", "{value} is not between 0 and 1"
                                                        ).format(value=value))
        return float(value)

    def local_id(self, key: Any, known: dict[str, Any]) -> int:
        """A bundle id as a local id; ids of items deleted since the snapshot get negative ones."""
        if not isinstance(key, str):
            raise ValueError(translate("Bundle", "{key!r} is not an id").format(key=key))
        if key in known:
            return int(known[key])
        return self._gone.setdefault(key, -(len(self._gone) + 1))

    def snapshot(self, item: dict[str, Any], where: str, matrix_id: MatrixId,
                 hyps: dict[str, HypothesisId], position: int = 0) -> Snapshot:
        """A snapshot of the bundle; its id is its place among the matrix's (1 for the first)."""
        name = self.text(item, "name", where, required=True)
        created = self.text(item, "created", where)
        data = self.obj(item.get("data"), f"{where}.data")
        self.storable(data, f"{where}.data")
        try:
            return snapshot_from_data(data, position, matrix_id, name, created,
                                      lambda e: self.local_id(e, self._evidence),
                                      lambda h: self.local_id(h, hyps))
        except (KeyError, ValueError, TypeError, ArithmeticError) as exc:
            raise self.fail(f"{where}.data", translate("Bundle", "malformed snapshot ({error})"
                                                       ).format(error=exc)) from None

    def storable(self, data: Any, where: str) -> None:
        """Refuse a snapshot's text or number that cannot be stored, naming its JSON path.

        Walks without recursion, so depth is no limit.
        """
        stack: list[tuple[Any, str]] = [(data, where)]
        while stack:
            value, path = stack.pop()
            if isinstance(value, str):
                problem = _bad_character(value)
                if problem is not None:
                    raise self.fail(path, problem)
            elif isinstance(value, _Overlong):
                raise self.fail(path, translate(
                    "Bundle", "{value!r} is too large to be a number SAT Tool stores").format(
                        value=value))
            elif isinstance(value, dict):
                stack.extend((v, f"{path}.{k}") for k, v in reversed(value.items()))
            elif isinstance(value, list):
                stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(value))))

    def row(self, item: dict[str, Any], where: str, included: set[EvidenceId],
            evidence: dict[str, EvidenceId]) -> tuple[EvidenceId, Level]:
        """A matrix row read field by field; BundleError naming the first problem."""
        eid = self.ref(item, "evidence", where, evidence)
        if eid in included:
            raise self.fail(where, translate("Bundle", "evidence {evidence!r} is included twice"
                                             ).format(evidence=item["evidence"]))
        return eid, self.enum(item, "relevance", where, Level.parse, Level.MEDIUM)

    def quick_rating(self, item: dict[str, Any], included: set[EvidenceId],
                     ratings: dict[tuple[EvidenceId, HypothesisId], Assessment],
                     evidence: dict[str, EvidenceId], hyps: dict[str, HypothesisId],
                     team: dict[str, Analyst]) -> bool:
        """Add a rating whose every field is in its canonical form; False (and nothing added)
        for any other."""
        get = item.get
        ref, hyp, code = get("evidence"), get("hypothesis"), get("rating")
        analyst, rationale, updated, likelihood = (get("analyst"), get("rationale"),
                                                   get("updated"), get("likelihood"))
        eid = evidence.get(ref) if type(ref) is str else None
        hid = hyps.get(hyp) if type(hyp) is str else None
        rating = _RATING_CODES.get(code) if type(code) is str else None
        if eid is None or hid is None or rating is None or eid not in included:
            return False
        cell = (eid, hid)
        if (cell in ratings
                or not (analyst is None or (type(analyst) is str and _storable(analyst)))
                or not (rationale is None or (type(rationale) is str and _storable(rationale)))
                or not (updated is None or (type(updated) is str
                                            and (updated == "" or updated in self._times)))
                or not (likelihood is None or ((type(likelihood) is float or type(likelihood) is int)
                                               and 0 < likelihood <= 1))):
            return False
        if team:
            analyst = team[analyst].name
        ratings[cell] = Assessment(rating, analyst or "", rationale or "", updated or "",
                                   None if likelihood is None else float(likelihood))
        return True

    def rating(self, item: dict[str, Any], where: str,
               ratings: dict[tuple[EvidenceId, HypothesisId], Assessment],
               included: set[EvidenceId], evidence: dict[str, EvidenceId],
               hyps: dict[str, HypothesisId]) -> None:
        eid = self.ref(item, "evidence", where, evidence)
        hid = self.ref(item, "hypothesis", where, hyps)
        if eid not in included:
            raise self.fail(f"{where}.evidence", translate(
                "Bundle", "{evidence!r} is not a row of this matrix").format(evidence=item["evidence"]))
        if (eid, hid) in ratings:
            raise self.fail(where, translate("Bundle", "this cell is rated twice"))
        rating = self.enum(item, "rating", where, Rating.parse, None)
        if rating is None:
            raise self.fail(f"{where}.rating", translate("Bundle", "is missing"))
        ratings[(eid, hid)] = Assessment(
            rating=rating,
            analyst=(self._analysts[item["analyst"]].name if self._analysts
                     else self.text(item, "analyst", where)),
            rationale=self.text(item, "rationale", where),
            updated=self.timestamp(item, "updated", where),
            likelihood=self.fraction(item, "likelihood", where, low_open=True),
        )
