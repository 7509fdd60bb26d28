"""Schema 4: lines of evidence, the outcomes of closed questions, the transposed layout.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

An evidence item may name the origin it rests on (items of one origin are one line
of evidence); a matrix may record what turned out to be true, when, and on what grounds, and
may be shown with its hypotheses down the side.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: batch mode would copy each table and lose AUTOINCREMENT.
    op.add_column("evidence", sa.Column("origin", sa.Text(), nullable=False,
                                        server_default=sa.text("''")))
    op.add_column("matrices", sa.Column("layout", sa.String(), nullable=False,
                                        server_default=sa.text("'standard'")))
    op.add_column("matrices", sa.Column("outcome", sa.String(), nullable=False,
                                        server_default=sa.text("''")))
    op.add_column("matrices", sa.Column("outcome_hypothesis_id", sa.Integer(), nullable=True))
    op.add_column("matrices", sa.Column("outcome_date", sa.String(), nullable=False,
                                        server_default=sa.text("''")))
    op.add_column("matrices", sa.Column("outcome_evidence", sa.Text(), nullable=False,
                                        server_default=sa.text("''")))
    op.add_column("matrices", sa.Column("outcome_snapshot_id", sa.Integer(), nullable=True))
    op.execute("UPDATE sat_meta SET value = '4' WHERE key = 'schema_version'")


def downgrade() -> None:
    # Batch mode copies each table; AUTOINCREMENT is not reflected, so it is named again.
    with op.batch_alter_table("matrices", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("outcome_snapshot_id")
        batch.drop_column("outcome_evidence")
        batch.drop_column("outcome_date")
        batch.drop_column("outcome_hypothesis_id")
        batch.drop_column("outcome")
        batch.drop_column("layout")
    with op.batch_alter_table("evidence", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("origin")
    op.execute("UPDATE sat_meta SET value = '3' WHERE key = 'schema_version'")
