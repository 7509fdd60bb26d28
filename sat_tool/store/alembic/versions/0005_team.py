"""Schema 5: a team of analysts, each with their own ratings and probabilities; history.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

A workspace knows its analysts; a rating is keyed by evidence × hypothesis ×
analyst, and each analyst's prior and judged probabilities move from the
hypotheses to a table of their own. Sources, evidence, matrices and hypotheses
get stable ids, so that a colleague's copy of a case merges back into it; a
matrix may be rated blind; and every change of a rating is kept in the history.

Schema 4 kept one rating per cell, so each case was one analyst's matrix, whatever
name the last edit of a cell left on it: a case's ratings and probabilities go to
the analyst named on most of its ratings (no name: "Unnamed analyst"), and the
name on each cell is kept in the history as who rated it, and when.
"""

from __future__ import annotations

import uuid
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UNNAMED = "Unnamed analyst"
_EMPTY = sa.text("''")


def _uids(bind: sa.Connection, table: str) -> None:
    ids = [row[0] for row in bind.execute(sa.text(f"SELECT id FROM {table}"))]
    if ids:
        bind.execute(sa.text(f"UPDATE {table} SET uid = :uid WHERE id = :id"),
                     [{"uid": str(uuid.uuid4()), "id": i} for i in ids])


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "analysts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(), nullable=False, server_default=_EMPTY),
        sqlite_autoincrement=True,
    )
    for table in ("sources", "evidence", "matrices", "hypotheses"):
        op.add_column(table, sa.Column("uid", sa.String(), nullable=False, server_default=_EMPTY))
        _uids(bind, table)
    op.add_column("matrices", sa.Column("blind", sa.Integer(), nullable=False,
                                        server_default=sa.text("0")))

    # Schema 4 kept one rating per cell: each case was one analyst's matrix, whatever name the
    # last edit of a cell left on it. Its ratings go to the analyst named on most of them; the
    # name on each cell stays in the history, as who rated it.
    named: dict[int, Counter[str]] = {}
    for case_id, name, count in bind.execute(sa.text(
            "SELECT m.case_id, r.analyst, COUNT(*) FROM ratings r "
            "JOIN hypotheses h ON h.id = r.hypothesis_id JOIN matrices m ON m.id = h.matrix_id "
            "GROUP BY m.case_id, r.analyst")):
        named.setdefault(case_id, Counter())[name or UNNAMED] += count
    analysts: dict[str, int] = {}

    def analyst(name: str) -> int:
        if name not in analysts:
            bind.execute(sa.text("INSERT INTO analysts (uid, name, role) VALUES (:uid, :name, '')"),
                         {"uid": str(uuid.uuid4()), "name": name})
            analysts[name] = bind.execute(sa.text("SELECT id FROM analysts WHERE name = :name"),
                                          {"name": name}).scalar_one()
        return analysts[name]

    owners = {case_id: analyst(min(counts, key=lambda n, c=counts: (-c[n], n)))
              for case_id, counts in sorted(named.items())}

    op.create_table(
        "ratings_new",
        sa.Column("evidence_id", sa.Integer(), sa.ForeignKey("evidence.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("hypothesis_id", sa.Integer(),
                  sa.ForeignKey("hypotheses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("analyst_id", sa.Integer(), sa.ForeignKey("analysts.id"), nullable=False),
        sa.Column("rating", sa.String(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("updated", sa.String(), nullable=False),
        sa.Column("likelihood", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("evidence_id", "hypothesis_id", "analyst_id"),
    )
    old = list(bind.execute(sa.text(
        "SELECT r.evidence_id, r.hypothesis_id, m.id, m.case_id, r.rating, r.analyst, r.rationale, "
        "r.updated, r.likelihood FROM ratings r JOIN hypotheses h ON h.id = r.hypothesis_id "
        "JOIN matrices m ON m.id = h.matrix_id ORDER BY r.evidence_id, r.hypothesis_id")))
    if old:
        bind.execute(sa.text(
            "INSERT INTO ratings_new (evidence_id, hypothesis_id, analyst_id, rating, rationale, "
            "updated, likelihood) VALUES (:e, :h, :a, :rating, :rationale, :updated, :l)"),
            [{"e": e, "h": h, "a": owners[c], "rating": r, "rationale": why or "",
              "updated": at or "", "l": lk} for e, h, _m, c, r, _n, why, at, lk in old])

    # Each case's probabilities go to the analyst who rated most of its cells.
    # Each case's probabilities go to the analyst who rated most of its cells.
    op.create_table(
        "judgments",
        sa.Column("hypothesis_id", sa.Integer(),
                  sa.ForeignKey("hypotheses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("analyst_id", sa.Integer(), sa.ForeignKey("analysts.id"), nullable=False),
        sa.Column("prior", sa.Float(), nullable=True),
        sa.Column("judged", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("hypothesis_id", "analyst_id"),
    )
    op.create_index("ix_judgments_analyst_id", "judgments", ["analyst_id"])
    judged = list(bind.execute(sa.text(
        "SELECT h.id, m.case_id, h.prior, h.judged FROM hypotheses h "
        "JOIN matrices m ON m.id = h.matrix_id WHERE h.prior IS NOT NULL OR h.judged IS NOT NULL")))
    for hypothesis_id, case_id, prior, judgment in judged:
        owner = owners.get(case_id) or analyst(UNNAMED)
        bind.execute(sa.text("INSERT INTO judgments (hypothesis_id, analyst_id, prior, judged) "
                             "VALUES (:h, :a, :p, :j)"),
                     {"h": hypothesis_id, "a": owner, "p": prior, "j": judgment})

    op.drop_table("ratings")
    op.rename_table("ratings_new", "ratings")
    op.create_index("ix_ratings_hypothesis_id", "ratings", ["hypothesis_id"])
    op.create_index("ix_ratings_analyst_id", "ratings", ["analyst_id"])
    # Batch mode copies the table; AUTOINCREMENT is not reflected, so it is named again.
    with op.batch_alter_table("hypotheses", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("judged")
        batch.drop_column("prior")

    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("matrix_id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=True),
        sa.Column("hypothesis_id", sa.Integer(), nullable=True),
        sa.Column("analyst_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.String(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_history_case_id", "history", ["case_id"])
    if old:  # who rated each cell, as schema 4 recorded it
        bind.execute(sa.text(
            "INSERT INTO history (case_id, matrix_id, evidence_id, hypothesis_id, analyst_id, at, "
            "by, kind, before, after, note) VALUES (:c, :m, :e, :h, :a, :at, :by, 'rating', '', "
            ":rating, :note)"),
            [{"c": c, "m": m, "e": e, "h": h, "a": owners[c], "at": at or "", "by": n or UNNAMED,
              "rating": r, "note": why or ""} for e, h, m, c, r, n, why, at, _lk in old])
    op.execute("UPDATE sat_meta SET value = '5' WHERE key = 'schema_version'")


def downgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_history_case_id", "history")
    op.drop_table("history")
    with op.batch_alter_table("hypotheses", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("prior", sa.Float(), nullable=True))
        batch.add_column(sa.Column("judged", sa.Float(), nullable=True))
    # One rating per cell again: of several analysts' ratings, the one changed last stays.
    op.create_table(
        "ratings_old",
        sa.Column("evidence_id", sa.Integer(), sa.ForeignKey("evidence.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("hypothesis_id", sa.Integer(),
                  sa.ForeignKey("hypotheses.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rating", sa.String(), nullable=False),
        sa.Column("analyst", sa.Text(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("updated", sa.String(), nullable=False),
        sa.Column("likelihood", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("evidence_id", "hypothesis_id"),
    )
    kept: dict[tuple[int, int], tuple] = {}
    for row in bind.execute(sa.text(
            "SELECT r.evidence_id, r.hypothesis_id, r.rating, a.name, r.rationale, r.updated, "
            "r.likelihood FROM ratings r JOIN analysts a ON a.id = r.analyst_id "
            "ORDER BY r.updated, r.analyst_id")):
        kept[(row[0], row[1])] = tuple(row)
    if kept:
        bind.execute(sa.text(
            "INSERT INTO ratings_old VALUES (:e, :h, :rating, :analyst, :rationale, :updated, :l)"),
            [{"e": e, "h": h, "rating": r, "analyst": a, "rationale": why, "updated": u, "l": lk}
             for e, h, r, a, why, u, lk in kept.values()])
    for hypothesis_id, prior, judged in bind.execute(sa.text(
            "SELECT hypothesis_id, prior, judged FROM judgments ORDER BY analyst_id DESC")):
        bind.execute(sa.text("UPDATE hypotheses SET prior = :p, judged = :j WHERE id = :h"),
                     {"p": prior, "j": judged, "h": hypothesis_id})
    op.drop_index("ix_judgments_analyst_id", "judgments")
    op.drop_table("judgments")
    op.drop_table("ratings")
    op.rename_table("ratings_old", "ratings")
    op.create_index("ix_ratings_hypothesis_id", "ratings", ["hypothesis_id"])
    op.drop_table("analysts")
    with op.batch_alter_table("matrices", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("uid")
        batch.drop_column("blind")
    for table in ("sources", "evidence", "hypotheses"):
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch:
            batch.drop_column("uid")
    op.execute("UPDATE sat_meta SET value = '4' WHERE key = 'schema_version'")
