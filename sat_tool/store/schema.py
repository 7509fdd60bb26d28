"""The workspace tables, as SQLAlchemy 2 typed ORM classes: the one definition of the schema.

The tables are created and changed only by the Alembic revisions in
``sat_tool/store/alembic/versions`` (run by :mod:`sat_tool.store.migrations`);
``tests/test_migrations.py`` checks with Alembic's autogenerate comparison that
these classes and a migrated database agree in every column, type, default,
index and constraint. A change here needs a new revision there.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

EMPTY = text("''")
"""The server default of a text column that starts empty."""


class Base(DeclarativeBase):
    """Base of every workspace table."""


class MetaRow(Base):
    """Key/value facts about the workspace itself: application marker, schema version."""

    __tablename__ = "sat_meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(String)


class CaseRow(Base):
    __tablename__ = "cases"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[str] = mapped_column(String, default="")
    last_opened: Mapped[str] = mapped_column(String, default="")
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    """Counts committed edits of the case; a view compares it with the revision it shows."""
    evidence_counter: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    """The highest evidence number ever given in the case, so that numbers are never reused."""
    importing: Mapped[str] = mapped_column(String, default="", server_default=text("''"))
    """``host:pid`` of the process still importing the case (it is hidden until done), else empty."""


class SourceRow(Base):
    __tablename__ = "sources"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text, default="")
    publication: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str] = mapped_column(String, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    reliability: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    uid: Mapped[str] = mapped_column(String, default="", server_default=EMPTY)
    """Stable across workspaces and bundles, so that a colleague's copy merges back."""


class EvidenceRow(Base):
    __tablename__ = "evidence"
    __table_args__ = (
        UniqueConstraint("case_id", "number"),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), nullable=True
    )
    date: Mapped[str] = mapped_column(String, default="")
    type: Mapped[str] = mapped_column(String)
    credibility: Mapped[str] = mapped_column(String)
    notes: Mapped[str] = mapped_column(Text, default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    quote_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    origin: Mapped[str] = mapped_column(Text, default="", server_default=EMPTY)
    uid: Mapped[str] = mapped_column(String, default="", server_default=EMPTY)


class MatrixRowTable(Base):
    """A matrix (the table is ``matrices``)."""

    __tablename__ = "matrices"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")
    conclusions: Mapped[str] = mapped_column(Text, default="")
    milestones: Mapped[str] = mapped_column(Text, default="")
    scoring_mode: Mapped[str] = mapped_column(String, default="weighted",
                                              server_default=text("'weighted'"))
    layout: Mapped[str] = mapped_column(String, default="standard",
                                        server_default=text("'standard'"))
    """'standard' (hypotheses across) or 'transposed' (hypotheses down the side)."""
    outcome: Mapped[str] = mapped_column(String, default="", server_default=text("''"))
    """'' while the question is open; 'hypothesis' when ``outcome_hypothesis_id`` proved true;
    'none' when none of the hypotheses did."""
    outcome_hypothesis_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    outcome_date: Mapped[str] = mapped_column(String, default="", server_default=text("''"))
    outcome_evidence: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    outcome_snapshot_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The snapshot that froze the matrix when its outcome was recorded."""
    blind: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    """1 while the analysts rate blind (own hypothesis order, no one else's ratings)."""
    uid: Mapped[str] = mapped_column(String, default="", server_default=EMPTY)


class HypothesisRow(Base):
    __tablename__ = "hypotheses"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    matrix_id: Mapped[int] = mapped_column(
        ForeignKey("matrices.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    uid: Mapped[str] = mapped_column(String, default="", server_default=EMPTY)


class AnalystRow(Base):
    """A member of the workspace's team (the table is ``analysts``)."""

    __tablename__ = "analysts"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String, unique=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String, default="", server_default=EMPTY)
    """The database role the analyst logs in as, on a server; empty in a file workspace."""


class InclusionRow(Base):
    """An evidence item included in a matrix, with its relevance and row position."""

    __tablename__ = "matrix_evidence"
    matrix_id: Mapped[int] = mapped_column(
        ForeignKey("matrices.id", ondelete="CASCADE"), primary_key=True
    )
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    relevance: Mapped[str] = mapped_column(String)


class RatingRow(Base):
    """One analyst's rating of one cell (evidence × hypothesis), with its rationale."""

    __tablename__ = "ratings"
    evidence_id: Mapped[int] = mapped_column(
        ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True
    )
    hypothesis_id: Mapped[int] = mapped_column(
        ForeignKey("hypotheses.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    analyst_id: Mapped[int] = mapped_column(ForeignKey("analysts.id"), primary_key=True,
                                            index=True)
    rating: Mapped[str] = mapped_column(String)
    rationale: Mapped[str] = mapped_column(Text, default="")
    updated: Mapped[str] = mapped_column(String, default="")
    likelihood: Mapped[float | None] = mapped_column(Float, nullable=True)


class JudgmentRow(Base):
    """One analyst's probabilities of one hypothesis: the prior and the final judgment."""

    __tablename__ = "judgments"
    hypothesis_id: Mapped[int] = mapped_column(
        ForeignKey("hypotheses.id", ondelete="CASCADE"), primary_key=True
    )
    analyst_id: Mapped[int] = mapped_column(ForeignKey("analysts.id"), primary_key=True,
                                            index=True)
    prior: Mapped[float | None] = mapped_column(Float, nullable=True)
    judged: Mapped[float | None] = mapped_column(Float, nullable=True)


class HistoryRow(Base):
    """One change of a case's record: a cell's rating (``kind`` 'rating': from ``before``
    to ``after``, with the rationale given) or a matrix's blind setting ('blind').

    It names rows by id without foreign keys, so that it outlives a deleted row."""

    __tablename__ = "history"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    matrix_id: Mapped[int] = mapped_column(Integer)
    evidence_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    hypothesis_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    analyst_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Whose rating changed (None for a matrix-wide change)."""
    at: Mapped[str] = mapped_column(String)
    by: Mapped[str] = mapped_column(Text, default="")
    """Who made the change: the user's name, or their database role on a server."""
    kind: Mapped[str] = mapped_column(String)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SnapshotRow(Base):
    """A named, frozen copy of a matrix (as JSON) for later comparison."""

    __tablename__ = "snapshots"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    matrix_id: Mapped[int] = mapped_column(
        ForeignKey("matrices.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    created: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)
