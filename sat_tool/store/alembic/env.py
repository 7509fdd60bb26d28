"""Alembic's environment for the workspace database, for developers' Alembic commands.

SAT Tool itself runs the revisions in-process when it opens a workspace
(:mod:`sat_tool.store.migrations`, with the same options as here). To draft the
next revision from the ORM, against a workspace at the current head::

    from alembic import command
    from sat_tool.store.migrations import alembic_config
    command.revision(alembic_config(url="sqlite:////tmp/head.sqlite"), "what changes",
                     autogenerate=True)

then check the draft by hand, and give it the next four-digit revision id.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from sat_tool.store.migrations import OPTIONS

config = context.config
options = dict(OPTIONS)
url = config.get_main_option("sqlalchemy.url")

if context.is_offline_mode():
    context.configure(url=url, literal_binds=True, **options)
    with context.begin_transaction():
        context.run_migrations()
else:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, **options)
        with context.begin_transaction():
            context.run_migrations()
    else:
        engine = create_engine(url or "sqlite://")
        with engine.connect() as own:
            context.configure(connection=own, **options)
            with context.begin_transaction():
                context.run_migrations()
        engine.dispose()
