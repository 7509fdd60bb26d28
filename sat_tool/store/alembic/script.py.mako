"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

# A revision is never edited once released. Its id is the workspace schema version it makes,
# as four digits, and it ends by recording that version:
#     op.execute("UPDATE sat_meta SET value = 'N' WHERE key = 'schema_version'")
# SQLite alters a table by copying it (batch mode), and the copy loses AUTOINCREMENT unless it
# is named again: op.batch_alter_table("cases", table_kwargs={"sqlite_autoincrement": True}).
# A column whose default is an expression makes batch mode copy the table: add such columns
# with op.add_column. tests/test_migrations.py checks both against the fixtures.


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
