"""Numbered schema migrations of the workspace database.

Each step takes the database from version N-1 to N inside one transaction. A
workspace records its version in ``sat_meta``; opening it runs the steps it has
not had yet, so later releases open today's workspaces. Steps are never edited
once released: a change to the schema is a new step.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

# Step 1: the first schema.
_STEP_1: Sequence[str] = (
    """
    CREATE TABLE cases (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        uid VARCHAR NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        created VARCHAR NOT NULL,
        last_opened VARCHAR NOT NULL,
        UNIQUE (uid)
    )
    """,
    """
    CREATE TABLE matrices (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        question TEXT NOT NULL,
        notes TEXT NOT NULL,
        conclusions TEXT NOT NULL,
        milestones TEXT NOT NULL,
        FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_matrices_case_id ON matrices (case_id)
    """,
    """
    CREATE TABLE sources (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        author TEXT NOT NULL,
        publication TEXT NOT NULL,
        date VARCHAR NOT NULL,
        url TEXT NOT NULL,
        reliability TEXT NOT NULL,
        text TEXT NOT NULL,
        FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_sources_case_id ON sources (case_id)
    """,
    """
    CREATE TABLE evidence (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        source_id INTEGER,
        date VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        credibility VARCHAR NOT NULL,
        notes TEXT NOT NULL,
        quote TEXT NOT NULL,
        quote_start INTEGER,
        UNIQUE (case_id, number),
        FOREIGN KEY(case_id) REFERENCES cases (id) ON DELETE CASCADE,
        FOREIGN KEY(source_id) REFERENCES sources (id) ON DELETE SET NULL
    )
    """,
    """
    CREATE INDEX ix_evidence_case_id ON evidence (case_id)
    """,
    """
    CREATE TABLE hypotheses (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        matrix_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        FOREIGN KEY(matrix_id) REFERENCES matrices (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_hypotheses_matrix_id ON hypotheses (matrix_id)
    """,
    """
    CREATE TABLE matrix_evidence (
        matrix_id INTEGER NOT NULL,
        evidence_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        relevance VARCHAR NOT NULL,
        PRIMARY KEY (matrix_id, evidence_id),
        FOREIGN KEY(matrix_id) REFERENCES matrices (id) ON DELETE CASCADE,
        FOREIGN KEY(evidence_id) REFERENCES evidence (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_matrix_evidence_evidence_id ON matrix_evidence (evidence_id)
    """,
    """
    CREATE TABLE ratings (
        evidence_id INTEGER NOT NULL,
        hypothesis_id INTEGER NOT NULL,
        rating VARCHAR NOT NULL,
        analyst TEXT NOT NULL,
        rationale TEXT NOT NULL,
        updated VARCHAR NOT NULL,
        PRIMARY KEY (evidence_id, hypothesis_id),
        FOREIGN KEY(evidence_id) REFERENCES evidence (id) ON DELETE CASCADE,
        FOREIGN KEY(hypothesis_id) REFERENCES hypotheses (id) ON DELETE CASCADE
    )
    """,
    """
    CREATE INDEX ix_ratings_hypothesis_id ON ratings (hypothesis_id)
    """,
)

# Step 2: scoring modes, priors, the analyst's probabilities, likelihood overrides, snapshots.
_STEP_2: Sequence[str] = (
    "ALTER TABLE matrices ADD COLUMN scoring_mode VARCHAR NOT NULL DEFAULT 'weighted'",
    "ALTER TABLE hypotheses ADD COLUMN prior FLOAT",
    "ALTER TABLE hypotheses ADD COLUMN judged FLOAT",
    "ALTER TABLE ratings ADD COLUMN likelihood FLOAT",
    """
    CREATE TABLE snapshots (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        matrix_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        created VARCHAR NOT NULL,
        data TEXT NOT NULL,
        FOREIGN KEY(matrix_id) REFERENCES matrices (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX ix_snapshots_matrix_id ON snapshots (matrix_id)",
)

# Step 3: several processes on one workspace: a revision per case, evidence numbers that are
# never reused, and imports that stay hidden until their last batch has committed.
_STEP_3: Sequence[str] = (
    "ALTER TABLE cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE cases ADD COLUMN evidence_counter INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE cases ADD COLUMN importing VARCHAR NOT NULL DEFAULT ''",
    "UPDATE cases SET evidence_counter = "
    "(SELECT COALESCE(MAX(number), 0) FROM evidence WHERE evidence.case_id = cases.id)",
)

STEPS: Sequence[Sequence[str]] = (_STEP_1, _STEP_2, _STEP_3)
"""The steps in order: ``STEPS[0]`` makes version 1."""

SCHEMA_VERSION = len(STEPS)


def migrate(connection: Connection, current: int) -> int:
    """Run every step after ``current`` on an open transaction; return the new version."""
    for version in range(current + 1, SCHEMA_VERSION + 1):
        for statement in STEPS[version - 1]:
            connection.execute(text(statement))
    return SCHEMA_VERSION
