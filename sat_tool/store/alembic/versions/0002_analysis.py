"""Schema 2: scoring modes, priors, the analyst's probabilities, likelihood overrides, snapshots.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, as release 2 did: batch mode would copy a table to add a column whose
    # default is an expression, and the copy would lose AUTOINCREMENT.
    op.add_column("matrices", sa.Column("scoring_mode", sa.String(), nullable=False,
                                        server_default=sa.text("'weighted'")))
    op.add_column("hypotheses", sa.Column("prior", sa.Float(), nullable=True))
    op.add_column("hypotheses", sa.Column("judged", sa.Float(), nullable=True))
    op.add_column("ratings", sa.Column("likelihood", sa.Float(), nullable=True))
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("matrix_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created", sa.String(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["matrix_id"], ["matrices.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_snapshots_matrix_id", "snapshots", ["matrix_id"])
    op.execute("UPDATE sat_meta SET value = '2' WHERE key = 'schema_version'")


def downgrade() -> None:
    # Batch mode copies each table; AUTOINCREMENT is not reflected, so it is named again.
    op.drop_index("ix_snapshots_matrix_id", table_name="snapshots")
    op.drop_table("snapshots")
    with op.batch_alter_table("ratings") as batch:
        batch.drop_column("likelihood")
    with op.batch_alter_table("hypotheses", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("judged")
        batch.drop_column("prior")
    with op.batch_alter_table("matrices", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("scoring_mode")
    op.execute("UPDATE sat_meta SET value = '1' WHERE key = 'schema_version'")
