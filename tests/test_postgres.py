"""The workspace schema and store on PostgreSQL: the same Alembic revisions make the same
schema the ORM describes, and a whole case goes in and comes back with every analyst's
ratings."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from sat_tool.formats.bundle import dumps_bundle, read_bundle_with_snapshots
from sat_tool.store import cases as store
from sat_tool.store import migrations
from sat_tool.store.schema import Base

from conftest import SAMPLE


def migrated(url: str):
    engine = create_engine(url)
    with engine.begin() as connection:
        migrations.upgrade_to(connection, migrations.SCHEMA_VERSION)
    return engine


def test_the_revisions_make_on_postgresql_the_schema_the_orm_describes(postgres_url):
    engine = migrated(postgres_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts=migrations.OPTIONS)
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == migrations.head_revision()
    finally:
        engine.dispose()


def test_a_case_goes_in_and_comes_back_whole_on_postgresql(postgres_url):
    engine = migrated(postgres_url)
    case, snapshots = read_bundle_with_snapshots(SAMPLE)
    try:
        with Session(engine) as session, session.begin():
            case_id = store.insert_case(session, case, snapshots)
        with Session(engine) as session, session.begin():
            back = store.load_case(session, case_id)
            stored = {m.id: store.load_snapshots(session, m.id) for m in back.matrices}
        # the canonical file of each is the same, byte for byte: every part and every rating
        written = dumps_bundle(back, stored)
        expected = dumps_bundle(*read_bundle_with_snapshots(SAMPLE))
        assert written == expected
        assert back.damaged == []
        assert [a.name for a in back.analysts] == [a.name for a in case.analysts]
        for ours, theirs in zip(back.matrices, case.matrices):
            assert {u: len(o) for u, o in ours.team.items()} == {
                u: len(o) for u, o in theirs.team.items()}
            assert ours.judgments.keys() == theirs.judgments.keys()
    finally:
        engine.dispose()
