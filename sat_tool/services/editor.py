"""Every edit of an open case, written through to the workspace at once.

:class:`CaseEditor` owns the in-memory :class:`~sat_tool.domain.Case` and the
workspace it lives in. Each public method is one user operation: it writes the
change to the database in one transaction and, only once that has committed,
applies the same change to the domain objects. Removals return a record of
everything removed (position, dependent rows, ratings) that the matching
``restore_*`` method puts back exactly, with the same ids, which is what undo
needs. The GUI's undo commands and the CLI both edit through this class.
"""

from sat_tool.services.editing.base import (
    EditConflict,
    EditorCore,
    EvidenceRemoval,
    HypothesisRemoval,
    InvalidEdit,
    MatrixRemoval,
    MergeResult,
    NA_LIKELIHOOD,
    OutcomeChange,
    RowRemoval,
    SourceRemoval,
    theirs_analysts,
)
from sat_tool.services.editing.evidence import EvidenceEdits
from sat_tool.services.editing.hypotheses import HypothesisEdits
from sat_tool.services.editing.matrices import MatrixEdits
from sat_tool.services.editing.merging import MergeEdits
from sat_tool.services.editing.ratings import RatingEdits
from sat_tool.services.editing.sources import SourceEdits


class CaseEditor(EditorCore, SourceEdits, EvidenceEdits, MatrixEdits, HypothesisEdits,
                 RatingEdits, MergeEdits):
    """Edits one case; every method is one committed transaction (see :class:`EditorCore`).
    Each aggregate's edits are a module of their own in ``services/editing``."""


__all__ = [
    "CaseEditor",
    "EditConflict",
    "EditorCore",
    "EvidenceRemoval",
    "HypothesisRemoval",
    "InvalidEdit",
    "MatrixRemoval",
    "MergeResult",
    "NA_LIKELIHOOD",
    "OutcomeChange",
    "RowRemoval",
    "SourceRemoval",
    "theirs_analysts",
]
