"""Databases made and dropped on the test PostgreSQL cluster, for the tests and the bench."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def new_database(server: str, name: str, template: str | None = None) -> Iterator[str]:
    """A new database ``name`` (a copy of ``template`` when given) on the cluster that the URL
    ``server`` reaches; yields its URL, and drops it afterwards, whoever is still connected."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(server)
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
