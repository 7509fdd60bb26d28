"""Pure-Python ACH domain: the data model and the scoring. Imports neither Qt nor SQLAlchemy."""

from sat_tool.domain.model import (
    Assessment,
    Case,
    CaseId,
    Cell,
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
)
from sat_tool.domain.scoring import (
    EvidenceScore,
    HypothesisScore,
    MatrixScores,
    diagnosticity,
    score_matrix,
)

__all__ = [
    "Assessment", "Case", "CaseId", "Cell", "Evidence", "EvidenceId", "EvidenceType",
    "EvidenceScore", "Hypothesis", "HypothesisId", "HypothesisScore", "Level", "Matrix",
    "MatrixId", "MatrixRow", "MatrixScores", "Outcome", "Rating", "ScoringMode", "Source", "SourceId",
    "diagnosticity", "score_matrix",
]
