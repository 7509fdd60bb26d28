"""The quick ways of reading a case agree with the careful ways, for every input (hypothesis).

Loading a case reads a row whose columns are all as SAT Tool writes them the
short way, and any other row through the full checks; reading a bundle does the
same for its evidence items, matrix rows and ratings. Each rule here compares
the two: with the short ways switched off, the same case (or the same refusal,
or the same damaged rows with the same reasons) must come out. And a case
written to a workspace and loaded back is the case that was written.
"""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sat_tool.domain.model import Case
from sat_tool.formats import bundle as bundle_format
from sat_tool.formats.bundle import BundleError, dumps_bundle, loads_bundle_with_snapshots
from sat_tool.services import cases as svc
from sat_tool.store import Workspace
from sat_tool.store import cases as store

from conftest import SAMPLE

# ---------------------------------------------------------------- loading from the workspace

TEXTS = [None, "", "x", "Ramón", b"\x00\xff", b"x", 5, 1.5]
WHOLES = [None, 0, -1, 1, 7, 10 ** 12, 1.5, "seven", "7", b"7"]
FRACTIONS = [None, 0, 0.0, 1, 1.0, 0.5, 1.5, 7, -0.5, "lots", "0.5", b"1"]
LEVELS = ["High", "Medium", "Low", "high", "Sure", b"High", 1, None]
DAMAGEABLE: dict[str, dict[str, list[Any]]] = {
    "evidence": {"number": WHOLES, "text": TEXTS, "source_id": WHOLES, "date": TEXTS,
                 "type": ["OSINT", "Assumption", "osint", "Rumour", b"OSINT", 3, None],
                 "credibility": LEVELS, "notes": TEXTS, "quote": TEXTS, "quote_start": WHOLES},
    "ratings": {"rating": ["C", "CC", "II", "NA", "c", "X", b"C", 1, None], "analyst_id": WHOLES,
                "rationale": TEXTS, "updated": TEXTS, "likelihood": FRACTIONS},
    "judgments": {"prior": FRACTIONS, "judged": FRACTIONS, "analyst_id": WHOLES},
    "matrix_evidence": {"relevance": LEVELS},
    "hypotheses": {"title": TEXTS, "description": TEXTS},
    "sources": {"title": TEXTS, "author": TEXTS, "text": TEXTS},
    "matrices": {"question": TEXTS, "notes": TEXTS,
                 "scoring_mode": ["weighted", "probability", "vibes", 1, None]},
}
"""The value columns a damaged row may hold anything in (keys and owners stay as they are),
and what each is tried with: values SAT Tool writes, and values it never would."""


@st.composite
def damages(draw: st.DrawFn) -> tuple[str, int, str, Any]:
    table = draw(st.sampled_from(sorted(DAMAGEABLE)))
    column = draw(st.sampled_from(sorted(DAMAGEABLE[table])))
    return table, draw(st.integers(0, 10 ** 6)), column, draw(st.sampled_from(DAMAGEABLE[table][column]))


DAMAGE = st.lists(damages(), min_size=0, max_size=8)


@pytest.fixture(scope="module")
def sample_workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A workspace file holding the sample case, to copy for each example."""
    path = tmp_path_factory.mktemp("equivalence") / "sample.sqlite"
    with Workspace.open(path) as ws:
        case_id = svc.import_bundle(ws, SAMPLE)
    return path, case_id


def _damage(path: Path, damage: list[tuple[str, int, str, Any]]) -> None:
    con = sqlite3.connect(path)
    try:
        for table, row, name, value in damage:
            rowids = [r[0] for r in con.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid')]
            try:
                con.execute(f'UPDATE "{table}" SET "{name}" = ? WHERE rowid = ?',
                            (value, rowids[row % len(rowids)]))
            except sqlite3.IntegrityError:
                pass  # a NOT NULL or UNIQUE column keeps its value
        con.commit()
    finally:
        con.close()


def _load_both(path: Path, case_id: int, monkeypatch: pytest.MonkeyPatch) -> tuple[Case, Case]:
    """The case loaded as usual, and loaded with every row going through the full checks."""
    with Workspace.open(path) as ws:
        with ws.read() as session:
            quick = store.load_case(session, case_id)
        with monkeypatch.context() as patched:
            for name in ("_RATING_OF", "_LEVEL_OF", "_TYPE_OF"):
                patched.setattr(store, name, {})
            with ws.read() as session:
                careful = store.load_case(session, case_id)
    return quick, careful


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=DAMAGE)
def test_a_damaged_workspace_loads_the_same_the_quick_way_and_the_careful_way(
        sample_workspace, monkeypatch, damage):
    template, case_id = sample_workspace
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workspace.sqlite"
        shutil.copyfile(template, path)
        _damage(path, damage)
        quick, careful = _load_both(path, case_id, monkeypatch)
    assert quick == careful
    assert repr(quick) == repr(careful)
    assert quick.damaged == careful.damaged
    for a, b in zip(quick.matrices, careful.matrices):
        assert list(a.ratings) == list(b.ratings)


def test_every_damage_tried_alone_loads_the_same_both_ways(sample_workspace, monkeypatch):
    """Each damage of :data:`DAMAGEABLE` in a row of its own, with no other table damaged, so
    that nothing hides it (a damaged evidence item takes its ratings with it)."""
    template, case_id = sample_workspace
    con = sqlite3.connect(template)
    try:
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in DAMAGEABLE}
    finally:
        con.close()
    rounds: list[list[tuple[str, int, str, Any]]] = []
    for table, columns in DAMAGEABLE.items():
        tried = [(column, value) for column, values in columns.items() for value in values]
        per_round = counts[table]
        for start in range(0, len(tried), per_round):
            rounds.append([(table, row, column, value) for row, (column, value)
                           in enumerate(tried[start:start + per_round])])
    seen = 0
    for damage in rounds:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "workspace.sqlite"
            shutil.copyfile(template, path)
            _damage(path, damage)
            quick, careful = _load_both(path, case_id, monkeypatch)
        assert quick == careful and repr(quick) == repr(careful)
        assert quick.damaged == careful.damaged
        seen += len(quick.damaged)
    assert seen > 50  # much of it is reported, not read


def test_an_undamaged_case_loads_every_row(sample_workspace, monkeypatch):
    template, case_id = sample_workspace
    quick, careful = _load_both(template, case_id, monkeypatch)
    assert quick == careful and quick.damaged == [] and careful.damaged == []
    con = sqlite3.connect(template)
    try:
        count = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                 for t in ("evidence", "ratings", "matrix_evidence", "hypotheses", "sources")}
        evidence_ids = [r[0] for r in con.execute(
            "SELECT id FROM evidence WHERE case_id = ? ORDER BY position", (case_id,))]
    finally:
        con.close()
    assert [e.id for e in quick.evidence] == evidence_ids
    assert len(quick.sources) == count["sources"]
    assert sum(len(own) for m in quick.matrices for own in m.team.values()) == count["ratings"]
    assert sum(len(m.rows) for m in quick.matrices) == count["matrix_evidence"]
    assert sum(len(m.hypotheses) for m in quick.matrices) == count["hypotheses"]


# ---------------------------------------------------------------- a case written and loaded back


CODES = ["CC", "C", "N", "I", "II", "NA"]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@st.composite
def bundles(draw: st.DrawFn) -> dict[str, Any]:
    """A valid bundle of a few sources, evidence items and matrices, every field varied."""
    sources = [{"id": f"S{i}", "title": "Source " + draw(TEXT), "text": draw(TEXT)}
               for i in range(draw(st.integers(0, 3)))]
    count = draw(st.integers(0, 8))
    numbers = draw(st.lists(st.integers(1, 1000), min_size=count, max_size=count, unique=True))
    evidence = []
    for i, number in enumerate(numbers):
        item: dict[str, Any] = {"id": f"E{i}", "number": number, "text": "Item " + draw(TEXT),
                                "type": draw(st.sampled_from(["OSINT", "HUMINT", "Assumption",
                                                              "Absence of evidence"])),
                                "credibility": draw(st.sampled_from(["High", "Medium", "Low"])),
                                "date": draw(TEXT), "notes": draw(TEXT)}
        if sources and draw(st.booleans()):
            item["source"] = draw(st.sampled_from([s["id"] for s in sources]))
        evidence.append(item)
    matrices = []
    for m in range(draw(st.integers(0, 3))):
        hyps = [{"id": f"M{m}-H{j}", "title": "H " + draw(TEXT),
                 "prior": draw(st.none() | st.floats(0, 1)),
                 "judged": draw(st.none() | st.floats(0, 1))}
                for j in range(draw(st.integers(0, 4)))]
        rows = draw(st.lists(st.sampled_from([e["id"] for e in evidence]), unique=True)
                    if evidence else st.just([]))
        ratings = []
        for row in rows:
            for hyp in hyps:
                if draw(st.booleans()):
                    ratings.append({"evidence": row, "hypothesis": hyp["id"],
                                    "rating": draw(st.sampled_from(CODES)), "analyst": draw(TEXT),
                                    "rationale": draw(TEXT),
                                    "updated": draw(st.sampled_from(
                                        ["", "2026-01-01T00:00:00Z", "2026-02-03T04:05:06+00:00"])),
                                    "likelihood": draw(st.none() | st.floats(0.01, 1))})
        matrices.append({"id": f"M{m}", "question": "Q " + draw(TEXT),
                         "scoring_mode": draw(st.sampled_from(["weighted", "inconsistency",
                                                               "probability"])),
                         "hypotheses": hyps,
                         "evidence": [{"evidence": r, "relevance": draw(st.sampled_from(
                             ["High", "Medium", "Low"]))} for r in rows],
                         "ratings": ratings})
    return {"format": "sat-tool-case", "version": 2,
            "case": {"uid": "6f1d2c9e-0a51-4c3e-9a7b-a2f3c5d10499", "title": "Case " + draw(TEXT),
                     "description": draw(TEXT), "created": "2026-01-01T00:00:00Z"},
            "sources": sources, "evidence": evidence, "matrices": matrices}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=bundles(), batch=st.sampled_from([None, 3]))
def test_a_case_written_and_loaded_back_is_the_case_written(monkeypatch, data, batch):
    """Both the one-transaction insert and the batched import (in batches of 3 rows here)."""
    case, snapshots = loads_bundle_with_snapshots(json.dumps(data))
    with tempfile.TemporaryDirectory() as folder, monkeypatch.context() as patched:
        if batch is not None:
            patched.setattr(svc, "IMPORT_BATCH_ROWS", 0)
            patched.setattr(store.InsertPlan.__init__, "__defaults__", (None, "", batch))
        with Workspace.open(Path(folder) / "workspace.sqlite") as ws:
            svc.new_case(ws, "Another case first, so that ids are not the bundle's")
            case_id = svc.add_case(ws, case, snapshots)
            loaded = svc.load_case(ws, case_id)
    assert loaded.damaged == []
    assert dumps_bundle(loaded) == dumps_bundle(case)
    assert [e.number for e in loaded.evidence] == [e.number for e in case.evidence]
    assert [e.id for e in loaded.evidence] == sorted(e.id for e in loaded.evidence)
    for mat in loaded.matrices:
        for (eid, hid) in mat.ratings:
            assert mat.includes(eid) and mat.hypothesis(hid)


# ---------------------------------------------------------------- reading a bundle

BUNDLE_TEXTS = [None, "", " ", "x", "Ramón", "\ud800", "a\udfffb", 1, True, [], {}]
IDS = [None, "", "E1", "E2", "E75", "M1-H1", "M1-H2", "M2-H1", "S1", "X", 1, ["E1"]]
BUNDLE_LEVELS = [None, "High", "Medium", "Low", "high", " Low ", "m", "Sure", 1, ["High"]]
BUNDLE_FIELDS: dict[str, dict[str, list[Any]]] = {
    "evidence": {"id": IDS, "number": [None, 0, 1, 2, 75, -1, 1.0, True, "1", 10 ** 30, 1000000001],
                 "text": BUNDLE_TEXTS, "source": [None, "S1", "S5", "S9", "", 1],
                 "date": BUNDLE_TEXTS, "type": [None, "OSINT", "Assumption", "osint", " HUMINT ",
                                                "Rumour", 1, {}],
                 "credibility": BUNDLE_LEVELS, "notes": BUNDLE_TEXTS, "quote": BUNDLE_TEXTS,
                 "quote_start": [None, 0, 1, -1, 10 ** 6, 1.0, True, "0", 2 ** 63, 10 ** 30]},
    "rows": {"evidence": IDS, "relevance": BUNDLE_LEVELS},
    "ratings": {"evidence": IDS, "hypothesis": IDS,
                "rating": [None, "C", "CC", "II", "NA", "c", " C ", "I I", "Z", 1, ["C"]],
                "analyst": BUNDLE_TEXTS, "rationale": BUNDLE_TEXTS,
                "updated": [None, "", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00+00:00",
                            "2026-01-01", "2026-13-01", "yesterday", 1, []],
                "likelihood": [None, 0, 0.0, 1, 1.0, 0.5, 1.5, -0.5, True, "0.5", 10 ** 30]},
}
"""The fields of the items a bundle holds by the thousand, and what each is tried with."""


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, int, str, str, Any]:
    kind = draw(st.sampled_from(sorted(BUNDLE_FIELDS)))
    key = draw(st.sampled_from(sorted(BUNDLE_FIELDS[kind])))
    return (kind, draw(st.integers(0, 10 ** 6)), key,
            draw(st.sampled_from(["set", "set", "set", "drop", "copy"])),
            draw(st.sampled_from(BUNDLE_FIELDS[kind][key])))


EDITS = st.lists(edits(), min_size=0, max_size=5)


def _sample_data() -> dict[str, Any]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


_SAMPLE_DATA = _sample_data()


def _edited(changes: list[tuple[str, int, str, str, Any]]) -> dict[str, Any]:
    data = copy.deepcopy(_SAMPLE_DATA)
    mat = data["matrices"][0]
    for kind, index, key, how, value in changes:
        items = {"evidence": data["evidence"], "rows": mat["evidence"], "ratings": mat["ratings"]}[kind]
        item = items[index % len(items)]
        if how == "drop":
            item.pop(key, None)
        elif how == "copy":
            other = items[(index // 7) % len(items)]
            if key in other:
                item[key] = copy.deepcopy(other[key])
        else:
            item[key] = value
    return data


def _read(text: str) -> tuple[str, Any]:
    try:
        case, snapshots = loads_bundle_with_snapshots(text, "case.json")
    except BundleError as exc:
        return "refused", str(exc)
    return "read", (case, repr(case), repr(snapshots),
                    [list(m.ratings) for m in case.matrices])


def _same_both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Read ``text`` as usual and with every item read field by field: the same, or the same
    refusal; returns which."""
    quick = _read(text)
    with monkeypatch.context() as patched:
        patched.setattr(bundle_format._Reader, "quick_evidence", lambda *args: None)
        patched.setattr(bundle_format._Reader, "quick_rating", lambda *args: False)
        patched.setattr(bundle_format, "_LEVEL_NAMES", {})
        careful = _read(text)
    assert quick[0] == careful[0]
    if quick[0] == "refused":
        assert quick[1] == careful[1]
    else:
        assert quick[1][0] == careful[1][0]
        assert quick[1][1:] == careful[1][1:]
    return quick[0]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=EDITS, ascii_only=st.booleans())
def test_a_bundle_reads_the_same_the_quick_way_and_the_careful_way(monkeypatch, changes, ascii_only):
    _same_both_ways(json.dumps(_edited(changes), ensure_ascii=ascii_only), monkeypatch)


def test_every_field_value_tried_alone_reads_the_same_both_ways(monkeypatch):
    """Each value of :data:`BUNDLE_FIELDS`, and each field left out, in an item of its own."""
    outcomes = set()
    for kind, fields in BUNDLE_FIELDS.items():
        for key, values in fields.items():
            for how, value in [("drop", None)] + [("set", v) for v in values]:
                for index in (0, 1):  # the first item, and one after it (duplicates)
                    text = json.dumps(_edited([(kind, index, key, how, value)]), ensure_ascii=False)
                    outcomes.add(_same_both_ways(text, monkeypatch))
    assert outcomes == {"read", "refused"}

