"""Schema 3: several processes on one workspace.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

A revision per case, evidence numbers that are never reused, and imports that stay
hidden until their last batch has committed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, as release 3 did: batch mode would copy the table to add a column whose
    # default is an expression, and the copy would lose AUTOINCREMENT.
    op.add_column("cases", sa.Column("revision", sa.Integer(), nullable=False,
                                     server_default=sa.text("0")))
    op.add_column("cases", sa.Column("evidence_counter", sa.Integer(), nullable=False,
                                     server_default=sa.text("0")))
    op.add_column("cases", sa.Column("importing", sa.String(), nullable=False,
                                     server_default=sa.text("''")))
    op.execute("UPDATE cases SET evidence_counter = "
               "(SELECT COALESCE(MAX(number), 0) FROM evidence WHERE evidence.case_id = cases.id)")
    op.execute("UPDATE sat_meta SET value = '3' WHERE key = 'schema_version'")


def downgrade() -> None:
    # Batch mode copies the table; AUTOINCREMENT is not reflected, so it is named again.
    with op.batch_alter_table("cases", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("importing")
        batch.drop_column("evidence_counter")
        batch.drop_column("revision")
    op.execute("UPDATE sat_meta SET value = '2' WHERE key = 'schema_version'")
