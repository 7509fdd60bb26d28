"""The colours of ratings, shared by the matrix on screen, the workbook and reports.

Chosen to read in colour and to keep their order when printed in grey: dark
green (very consistent) through pale (neutral) to dark red (very inconsistent).
"""

from __future__ import annotations

from sat_tool.domain.model import Rating
from sat_tool.domain.team import Disagreement

# (background, foreground) as RRGGBB hex.
RATING_COLOURS: dict[Rating, tuple[str, str]] = {
    Rating.CC: ("1B7F3B", "FFFFFF"),
    Rating.C: ("A8DDB5", "0B3D1A"),
    Rating.N: ("F2F2F2", "333333"),
    Rating.I: ("F6B26B", "4A2500"),
    Rating.II: ("C0392B", "FFFFFF"),
    Rating.NA: ("D0D0D8", "555566"),
}

# The disagreement heat map: a sequential scale (blue-grey to deep purple) unlike the ratings'
# green-to-red, so that a heat map is never read as ratings; lighter to darker in grey too.
DISAGREEMENT_COLOURS: dict[Disagreement, tuple[str, str]] = {
    Disagreement.CONSENSUS: ("EEF1F5", "33414F"),
    Disagreement.MILD: ("C9D4F2", "1E2A55"),
    Disagreement.LARGE: ("7059B5", "FFFFFF"),
    Disagreement.EXTREME: ("4B1D6B", "FFFFFF"),
}

UNRATED_BACKGROUND = "FFFFFF"
HEADER_BACKGROUND = "2F3E4E"
HEADER_FOREGROUND = "FFFFFF"


def background(rating: Rating) -> str:
    """The fill colour of a rated cell."""
    return RATING_COLOURS[rating][0]


def foreground(rating: Rating) -> str:
    """The text colour that reads on the rating's fill."""
    return RATING_COLOURS[rating][1]
