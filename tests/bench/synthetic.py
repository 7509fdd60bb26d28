"""Synthetic cases for the benchmarks: every cell rated, realistic text, rationales on a third.

A case of ``rows`` evidence items by ``columns`` hypotheses is written as a case
bundle (the file format analysts exchange), so that importing, opening, editing
and exporting it all start from the same bytes.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

CODES = ("CC", "C", "N", "I", "II", "NA")
LEVELS = ("High", "Medium", "Low")
TYPES = ("OSINT", "OSINT", "HUMINT", "SIGINT", "Assumption", "Absence of evidence")
WORDS = ("ministry officials reported that the suspects had received training abroad and "
         "were paid through intermediaries linked to the security services while the embassy "
         "denied any involvement and called the arrests a provocation staged for domestic "
         "audiences ahead of the contest with observers noting that the weapons seized matched "
         "earlier shipments intercepted near the border crossing").split()
SIZES = ((20, 5), (200, 10), (2000, 30), (10000, 50))
"""Evidence items × hypotheses of the four benchmark cases."""


def sentence(rng: random.Random, length: int) -> str:
    """About ``length`` characters of plausible prose."""
    words: list[str] = []
    total = 0
    while total < length:
        word = rng.choice(WORDS)
        words.append(word)
        total += len(word) + 1
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def bundle(rows: int, columns: int, seed: int = 7) -> dict[str, Any]:
    """A one-matrix case bundle: ``rows`` items × ``columns`` hypotheses, every cell rated."""
    rng = random.Random(seed)
    evidence = [{"id": f"E{i}", "text": sentence(rng, 200), "type": rng.choice(TYPES),
                 "credibility": rng.choice(LEVELS), "date": f"2012-{1 + i % 12:02d}-{1 + i % 28:02d}",
                 "notes": ""}
                for i in range(1, rows + 1)]
    hypotheses = [{"id": f"H{j}", "title": f"Hypothesis {j}: {sentence(rng, 40)}",
                   "description": sentence(rng, 120)} for j in range(1, columns + 1)]
    ratings = []
    for i in range(1, rows + 1):
        for j in range(1, columns + 1):
            cell: dict[str, Any] = {"evidence": f"E{i}", "hypothesis": f"H{j}",
                                    "rating": rng.choice(CODES), "analyst": "Bench Analyst",
                                    "updated": "2026-01-01T00:00:00+00:00"}
            if rng.random() < 1 / 3:
                cell["rationale"] = sentence(rng, 80)
            ratings.append(cell)
    matrix = {"id": "M1", "question": "Who was behind the plot?", "hypotheses": hypotheses,
              "evidence": [{"evidence": f"E{i}", "relevance": rng.choice(LEVELS)}
                           for i in range(1, rows + 1)],
              "ratings": ratings}
    return {"format": "sat-tool-case", "version": 1,
            "case": {"title": f"Bench {rows} x {columns}", "description": "Synthetic benchmark case"},
            "sources": [], "evidence": evidence, "matrices": [matrix]}


def write_bundle(folder: Path, rows: int, columns: int) -> Path:
    """The bundle of one benchmark size, written once into ``folder``."""
    path = folder / f"bench-{rows}x{columns}.json"
    if not path.exists():
        path.write_text(json.dumps(bundle(rows, columns)), encoding="utf-8")
    return path
