"""The prebuilt Azerbaijan case: complete, sourced, and honest about its rankings."""

from __future__ import annotations

import hashlib
import re

import pytest

from sat_tool.domain import EvidenceType, Rating, score_matrix
from sat_tool.domain.scoring import inconsistent_with_all
from sat_tool.domain.probability import line_report
from sat_tool.domain.sensitivity import fewest_changes, linchpins, tie_break
from sat_tool.formats.bundle import read_bundle
from sat_tool.services import cases as svc

from conftest import SAMPLE

CASE = read_bundle(SAMPLE)
ARTICLE_SHA256 = {
    "6b28c20e0928f51bf1cfcc456e82d4592fdfaede2ef0b53c58420e08f28845d3",  # Weekly Standard, 2012
    "2e9d29701600d1416de368c675336941422f942bc255ce7002e00fe88220b72a",  # Sunday Times via Loewenstein
    "d5454eeac7a742359bed227b4a338b262272b084615b7ce087c8f1c456c1681b",  # Lawfare, 2021
    "a8c9f4a311c0d0ba5222ed4832a49d3f05b5514daf3577d4ce2f3f73bab59f06",  # Cambridge Security Initiative
    "a227687f2e034142ccaba4e7ece1c7d16a171298618366ec3ce5cf2496f73ae2",  # The Cradle, 2023
}
"""SHA-256 of the five article files, byte for byte as published to the project."""


def test_the_case_loads_with_five_sources_and_three_matrices(workspace):
    """The sample imports into a workspace with its five articles and three questions."""
    case = svc.load_case(workspace, svc.import_bundle(workspace, SAMPLE))
    assert len(case.sources) == 5
    assert [m.question for m in case.matrices] == [
        "Who, if anyone, trained members of the al-Qaeda-linked cell that Azerbaijan broke up in "
        "April 2012 during the two months Baku says they spent in Iran?",
        "What has been the nature of the Iran–al-Qaeda relationship from 2001 to 2021?",
        "Will Iran–Azerbaijan tensions lead to open military conflict between the two states "
        "before the end of 2025?",
    ]
    assert len(case.matrices[0].rows) >= 20
    assert all(len(m.hypotheses) >= 4 for m in case.matrices)


def test_sources_carry_their_metadata_and_full_text():
    """Every source has title, author, publication, date, a reliability note and its text."""
    for src in CASE.sources:
        assert src.title and src.author and src.publication and src.date, src.title
        assert len(src.reliability) > 80, src.title
        assert len(src.text) > 2000, src.title


def test_source_texts_are_the_articles_verbatim():
    """Each source's text is one of the five article files, unchanged to the byte."""
    digests = {hashlib.sha256(src.text.encode("utf-8")).hexdigest() for src in CASE.sources}
    assert digests == ARTICLE_SHA256


@pytest.mark.parametrize("item", CASE.evidence, ids=lambda e: e.label)
def test_every_quote_stands_verbatim_at_its_position(item):
    """Every item, assumptions included, quotes its source: the quote stands, character for
    character, at its stored offset in the source's text."""
    assert item.source_id is not None and item.quote, f"{item.label} has no sourced quote"
    text = CASE.source(item.source_id).text
    assert item.quote_start is not None
    assert text[item.quote_start:item.quote_start + len(item.quote)] == item.quote


@pytest.mark.parametrize("item", CASE.evidence, ids=lambda e: e.label)
def test_every_item_justifies_its_credibility_and_relevance(item):
    """Each item's notes say why its credibility and its relevance are what they are."""
    assert re.search(r"credib", item.notes, re.I), item.label
    assert re.search(r"relevan", item.notes, re.I), item.label


@pytest.mark.parametrize("matrix", CASE.matrices, ids=lambda m: f"M{CASE.matrices.index(m) + 1}")
def test_every_cell_is_rated_with_a_rationale_where_it_counts(matrix):
    """No cell is unrated; every rating other than N or NA carries a rationale."""
    assert matrix.unrated_cells() == []
    for (eid, hid), found in matrix.ratings.items():
        if found.rating not in (Rating.N, Rating.NA):
            assert found.rationale.strip(), (CASE.evidence_item(eid).label,
                                             matrix.hypothesis(hid).title)


@pytest.mark.parametrize("matrix", CASE.matrices, ids=lambda m: f"M{CASE.matrices.index(m) + 1}")
def test_conclusions_state_the_computed_ranking(matrix):
    """The conclusions open by ranking every hypothesis exactly as the scores do."""
    first = matrix.conclusions.split(".")[0]
    stated = re.findall(r"H(\d+)", first)
    scores = score_matrix(CASE, matrix)
    positions = {h.id: i for i, h in enumerate(matrix.hypotheses, 1)}
    computed = [str(positions[s.hypothesis_id])
                for s in sorted(scores.hypotheses, key=lambda s: (s.rank, positions[s.hypothesis_id]))]
    assert stated == computed, f"conclusions say {stated}, scores say {computed}"


@pytest.mark.parametrize("matrix", CASE.matrices, ids=lambda m: f"M{CASE.matrices.index(m) + 1}")
def test_each_matrix_has_milestones_and_a_deception_or_assumption_check(matrix):
    """Each matrix names indicators to watch and includes at least one stated assumption."""
    milestones = [line for line in matrix.milestones.splitlines() if line.startswith("- ")]
    assert len(milestones) >= 3
    kinds = {CASE.evidence_item(r.evidence_id).type for r in matrix.rows}
    assert EvidenceType.ASSUMPTION in kinds


def test_first_matrix_covers_the_required_evidence():
    """The April 2012 matrix includes absence of evidence and the items the question turns on."""
    mat = CASE.matrices[0]
    texts = " ".join(CASE.evidence_item(r.evidence_id).text for r in mat.rows).lower()
    for needle in ("shrines", "january", "march", "unrelated", "davudov", "umarov", "pakistan",
                   "syria", "secret deal", "foundation for defense of democracies"):
        assert needle in texts, needle
    kinds = {CASE.evidence_item(r.evidence_id).type for r in mat.rows}
    assert EvidenceType.ABSENCE in kinds


MATRIX_IDS = [f"M{i}" for i in range(1, len(CASE.matrices) + 1)]


def _stated(pattern: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(pattern, text))


@pytest.mark.parametrize("matrix", CASE.matrices, ids=MATRIX_IDS)
def test_conclusions_name_exactly_the_computed_linchpins(matrix):
    """The conclusions name the linchpins in one sentence, "Linchpins: E3, E7." (or say "No
    single item is a linchpin."), and they are the items whose removal alone changes the
    leader or the order in the matrix's scoring mode."""
    computed = {CASE.evidence_item(p.evidence_id).label for p in linchpins(CASE, matrix)}
    named = _stated(r"Linchpins?: (E\d+(?:, E\d+)*)\.", matrix.conclusions)
    none = "No single item is a linchpin." in matrix.conclusions
    assert len(named) + none == 1, "state the linchpins once, in the agreed form"
    stated = set(named[0].group(1).split(", ")) if named else set()
    assert stated == computed, f"conclusions name {sorted(stated)}, the tool finds {sorted(computed)}"


@pytest.mark.parametrize("matrix", CASE.matrices, ids=MATRIX_IDS)
def test_conclusions_state_the_fewest_changes_the_tool_finds(matrix):
    """The conclusions give, as "Fewest re-ratings that would change the leader: N", the number
    of re-ratings the tool needs to put a hypothesis from outside the lead alone in it; under a
    tie for the lead, "Fewest re-ratings that would decide the tie: N" gives the tie break too."""
    change = fewest_changes(CASE, matrix)
    stated = _stated(r"Fewest re-ratings that would change the leader: (\d+)\b", matrix.conclusions)
    if change is None:
        assert not stated and "No re-rating would change the leader." in matrix.conclusions
    else:
        assert len(stated) == 1 and int(stated[0].group(1)) == len(change.changes)
    decided = tie_break(CASE, matrix)
    told = _stated(r"Fewest re-ratings that would decide the tie: (\d+)\b", matrix.conclusions)
    if decided is None:
        assert not told
    else:
        assert len(told) == 1 and int(told[0].group(1)) == len(decided.changes)


@pytest.mark.parametrize("matrix", CASE.matrices, ids=MATRIX_IDS)
def test_no_row_is_inconsistent_with_every_hypothesis(matrix):
    """A row rated I or II against every hypothesis points to a missing hypothesis: none is left."""
    flagged = [CASE.evidence_item(row.evidence_id).label for row in matrix.rows
               if inconsistent_with_all([matrix.rating(row.evidence_id, h.id)
                                         for h in matrix.hypotheses])]
    assert flagged == []


def test_no_two_items_quote_overlapping_text_of_one_source():
    """One item per reported fact: no two items rest on the same words of the same source."""
    spans: dict[object, list[tuple[int, int, str]]] = {}
    for item in CASE.evidence:
        assert item.quote_start is not None
        spans.setdefault(item.source_id, []).append(
            (item.quote_start, item.quote_start + len(item.quote), item.label))
    for found in spans.values():
        found.sort()
        for (_, end, first), (start, _, second) in zip(found, found[1:]):
            assert start >= end, f"{first} and {second} quote overlapping text"


def _date_parts(date: str) -> tuple[int, ...]:
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date), date
    return tuple(int(part) for part in date.split("-"))


@pytest.mark.parametrize("item", CASE.evidence, ids=lambda e: e.label)
def test_no_item_is_dated_after_its_source(item):
    """An item is dated by its event where the source gives it, else by the source: never later
    than the source (compared at the precision both dates share)."""
    source = CASE.source(item.source_id)
    mine, theirs = _date_parts(item.date), _date_parts(source.date)
    shared = min(len(mine), len(theirs))
    assert mine[:shared] <= theirs[:shared], f"{item.label} {item.date} is after {source.date}"


@pytest.mark.parametrize("matrix", CASE.matrices, ids=MATRIX_IDS)
def test_conclusions_state_the_computed_weighted_scores(matrix):
    """The conclusions give every hypothesis's weighted score as the tool computes it, to two
    decimals ("Weighted inconsistency: H4 0.00, H1 1.41, …")."""
    stated = _stated(r"Weighted inconsistency: ((?:H\d+ \d+\.\d\d(?:, )?)+)", matrix.conclusions)
    assert len(stated) == 1
    pairs = dict(re.findall(r"H(\d+) (\d+\.\d\d)", stated[0].group(1)))
    scores = {s.hypothesis_id: s.weighted for s in score_matrix(CASE, matrix).hypotheses}
    computed = {str(i): f"{scores[h.id]:.2f}" for i, h in enumerate(matrix.hypotheses, 1)}
    assert pairs == computed


@pytest.mark.parametrize("matrix", CASE.matrices, ids=MATRIX_IDS)
def test_conclusions_state_the_probabilities_by_line_of_evidence(matrix):
    """The conclusions' sentence on the probabilities gives each hypothesis it names the
    posterior the tool computes with items of one source or origin counted as one line."""
    sentence = next(s for s in matrix.conclusions.split(". ") if s.startswith("The probabilities"))
    named = re.findall(r"H(\d+) (\d+)%", sentence)
    assert len(named) >= 2
    report = line_report(CASE, matrix)
    position = {str(i): h.id for i, h in enumerate(matrix.hypotheses, 1)}
    for number, percent in named:
        assert round(report.posteriors[position[number]] * 100) == int(percent), f"H{number}"


@pytest.mark.parametrize("matrix", CASE.matrices, ids=MATRIX_IDS)
def test_conclusions_say_how_much_rests_on_one_source(matrix):
    """The conclusions say how many of the rows come from the matrix's main source, correctly."""
    stated = _stated(r"(\d+) of the (\d+) rows come from", matrix.conclusions)
    assert len(stated) == 1
    counts: dict[object, int] = {}
    for row in matrix.rows:
        source = CASE.evidence_item(row.evidence_id).source_id
        counts[source] = counts.get(source, 0) + 1
    assert (int(stated[0].group(1)), int(stated[0].group(2))) == (max(counts.values()),
                                                                   len(matrix.rows))
