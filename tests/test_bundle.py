"""The case bundle: exact round trips and clear refusals of bad files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from sat_tool.formats.bundle import BundleError, dumps_bundle, read_bundle
from sat_tool.services import cases as svc
from sat_tool.store import Workspace

from conftest import SAMPLE, without_uids, write_json


def test_sample_import_then_export_is_byte_identical(workspace: Workspace, tmp_path: Path):
    """Importing the sample case and exporting it again gives back the same file."""
    case_id = svc.import_bundle(workspace, SAMPLE)
    out = tmp_path / "out.json"
    svc.export_case(workspace, case_id, "json", out)
    assert out.read_bytes() == SAMPLE.read_bytes()


def test_edited_case_round_trips(editor, workspace: Workspace, tmp_path: Path):
    """A case edited in the workspace exports, imports and exports to the same text."""
    mat = editor.case.matrices[0]
    editor.add_hypothesis(mat.id, "=cmd|' /C calc'!A0", "starts with =")
    editor.add_matrix("Second question")
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    svc.export_case(workspace, editor.case.id, "json", first)
    copy_id = svc.import_bundle(workspace, first)
    svc.export_case(workspace, copy_id, "json", second)
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    assert a["case"]["uid"] != b["case"]["uid"]  # the copy gets its own identity
    assert b["case"]["title"] == a["case"]["title"] + " (2)"  # and a title of its own
    a["case"]["uid"] = b["case"]["uid"] = ""
    b["case"]["title"] = a["case"]["title"]
    assert a["sources"][0]["uid"] != b["sources"][0]["uid"]  # and so do its parts
    assert without_uids(a) == without_uids(b)


def test_sample_import_keeps_the_uid_in_a_fresh_workspace(workspace: Workspace):
    """The sample keeps its identity, so the start page finds it again instead of re-importing."""
    first = svc.open_sample(workspace)
    assert svc.open_sample(workspace) == first
    assert len(svc.list_cases(workspace)) == 1


def _sample() -> dict:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def _broken(change) -> dict:
    data = copy.deepcopy(_sample())
    change(data)
    return data


BAD_BUNDLES = [
    ("not JSON", "{ nope", "invalid JSON at line 1"),
    ("a JSON list", "[1, 2]", "not a SAT Tool case bundle"),
    ("another format", json.dumps({"format": "something-else", "version": 1}),
     "not a SAT Tool case bundle"),
    ("a newer version", _broken(lambda d: d.update(version=7)), "newer than this SAT Tool reads"),
    ("a version that is text", _broken(lambda d: d.update(version="1")), "whole number"),
    ("no case title", _broken(lambda d: d["case"].update(title="")), "case.title: must not be empty"),
    ("a bad rating", _broken(lambda d: d["matrices"][0]["ratings"][3].update(rating="X")),
     r"matrices\[0\].ratings\[3\].rating: 'X' is not a rating"),
    ("a dangling source", _broken(lambda d: d["evidence"][0].update(source="S99")),
     r"evidence\[0\].source: 'S99' does not name"),
    ("a duplicate evidence id", _broken(lambda d: d["evidence"][1].update(id=d["evidence"][0]["id"])),
     "duplicate id"),
    ("a bad credibility", _broken(lambda d: d["evidence"][2].update(credibility="Sure")),
     r"evidence\[2\].credibility: 'Sure' is not a level"),
    ("a bad type", _broken(lambda d: d["evidence"][2].update(type="Rumour")), "not an evidence type"),
    ("a cell rated twice", _broken(lambda d: d["matrices"][0]["ratings"].append(
        dict(d["matrices"][0]["ratings"][0]))), "rated twice"),
    ("a negative quote position", _broken(lambda d: d["evidence"][0].update(quote_start=-4)),
     "character offset"),
    ("ratings that are not a list", _broken(lambda d: d["matrices"][0].update(ratings={})),
     "expected a list"),
]


@pytest.mark.parametrize(("what", "content", "message"), BAD_BUNDLES, ids=[b[0] for b in BAD_BUNDLES])
def test_bad_bundle_is_refused_and_nothing_is_imported(workspace: Workspace, tmp_path: Path,
                                                       what, content, message):
    """Each malformed bundle gets a message naming the problem, and the workspace stays empty."""
    path = tmp_path / "bad.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        write_json(path, content)
    with pytest.raises(BundleError, match=message):
        svc.import_bundle(workspace, path)
    assert svc.list_cases(workspace) == []


def test_binary_file_is_refused(workspace: Workspace, tmp_path: Path):
    """A file that is not UTF-8 text is named as not a bundle."""
    path = tmp_path / "image.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    with pytest.raises(BundleError, match="not UTF-8"):
        svc.import_bundle(workspace, path)


def test_oversized_bundle_is_refused(tmp_path: Path, monkeypatch):
    """A bundle over the size limit is refused before it is read."""
    import sat_tool.formats.bundle as bundle_module

    monkeypatch.setattr(bundle_module, "MAX_BUNDLE_BYTES", 1000)
    with pytest.raises(BundleError, match="limited to"):
        read_bundle(SAMPLE)


def test_canonical_text_is_stable():
    """Writing the same case twice gives the same text (no timestamps or random ids added)."""
    case = read_bundle(SAMPLE)
    assert dumps_bundle(case) == dumps_bundle(read_bundle(SAMPLE))


def test_analysis_and_snapshots_travel_in_the_bundle(editor, workspace: Workspace, tmp_path: Path):
    """Mode, priors, judgments, overrides and snapshots survive export and import exactly."""
    from sat_tool.domain import ScoringMode

    mat = editor.case.matrices[0]
    h1 = mat.hypotheses[0].id
    editor.set_scoring_mode(mat.id, ScoringMode.INCONSISTENCY)
    editor.set_probabilities(mat.id, "judged", {h.id: 0.25 for h in mat.hypotheses})
    editor.set_likelihood(mat.id, (mat.rows[1].evidence_id, h1), 0.2)
    editor.take_snapshot(mat.id, "Baseline")
    gone = mat.rows[2].evidence_id
    editor.delete_evidence(gone)  # the snapshot still holds it
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    svc.export_case(workspace, editor.case.id, "json", first)
    copy_id = svc.import_bundle(workspace, first)
    svc.export_case(workspace, copy_id, "json", second)
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    a["case"]["uid"] = b["case"]["uid"] = ""
    assert b["case"]["title"] == a["case"]["title"] + " (2)"
    b["case"]["title"] = a["case"]["title"]
    assert without_uids(a) == without_uids(b)
    snap = a["matrices"][0]["snapshots"][0]
    assert snap["name"] == "Baseline"
    assert any(e["id"].startswith("x-M1-E") for e in snap["data"]["evidence"])
    copy = svc.load_case(workspace, copy_id)
    assert copy.matrices[0].scoring_mode is ScoringMode.INCONSISTENCY
    assert copy.matrices[0].hypotheses[0].judged == 0.25


def test_version_1_bundles_still_import(workspace: Workspace, tmp_path: Path):
    """A bundle written by the first release (version 1, no analysis fields) imports."""
    data = _sample()
    data["version"] = 1
    for mat in data["matrices"]:
        mat.pop("scoring_mode")
        mat.pop("snapshots")
    case_id = svc.import_bundle(workspace, write_json(tmp_path / "v1.json", data))
    assert len(svc.load_case(workspace, case_id).matrices) == 3


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["matrices"][0]["hypotheses"][0].update(judged=1.4), "is not between 0 and 1"),
    (lambda d: d["matrices"][0]["ratings"][0].update(likelihood=0), "is not between 0 and 1"),
    (lambda d: d["matrices"][0].update(scoring_mode="vibes"), "scoring_mode"),
    (lambda d: d["matrices"][0].update(snapshots=[{"name": "s", "data": {"question": "q"}}]),
     "malformed snapshot"),
])
def test_bad_analysis_fields_are_refused(workspace: Workspace, tmp_path: Path, change, message):
    """Out-of-range probabilities, unknown modes and broken snapshots are named; nothing imports."""
    with pytest.raises(BundleError, match=message):
        svc.import_bundle(workspace, write_json(tmp_path / "bad.json", _broken(change)))
    assert svc.list_cases(workspace) == []


def test_deleted_hypotheses_keep_one_name_across_snapshots(editor, workspace: Workspace,
                                                           tmp_path: Path):
    """Snapshots holding hypotheses deleted since compare the same after export and import."""
    from sat_tool.domain.snapshots import compare

    mat = editor.case.matrices[0]
    a_id, c_id = mat.hypotheses[0].id, mat.hypotheses[2].id
    editor.take_snapshot(mat.id, "S1")
    editor.delete_hypothesis(a_id)
    editor.take_snapshot(mat.id, "S2")
    editor.delete_hypothesis(c_id)
    s1, s2 = editor.snapshots(mat.id)
    before = compare(s1, s2)
    path = tmp_path / "case.json"
    svc.export_case(workspace, editor.case.id, "json", path)
    copy_id = svc.import_bundle(workspace, path)
    copy = svc.load_case(workspace, copy_id)
    t1, t2 = editor.__class__(workspace, copy, "x").snapshots(copy.matrices[0].id)
    after = compare(t1, t2)
    assert [line.title for line in after.scores] == [line.title for line in before.scores]
    assert [(c.evidence, c.hypothesis) for c in after.cells] == [
        (c.evidence, c.hypothesis) for c in before.cells]
    again = tmp_path / "again.json"
    svc.export_case(workspace, copy_id, "json", again)
    first, second = json.loads(path.read_text()), json.loads(again.read_text())
    assert first["matrices"][0]["snapshots"] == second["matrices"][0]["snapshots"]
