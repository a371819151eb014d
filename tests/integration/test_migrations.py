"""Migrations on a real PostgreSQL: from empty to head and back, and refusals that leave nothing behind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from persistence import (
    migrate,
    onet_models,  # noqa: F401  (registers the O*NET tables)
)
from persistence.db import make_engine
from persistence.errors import DatabaseSetupError
from persistence.models import Base

APP_TABLES = set(Base.metadata.tables)


@pytest.fixture
def empty_engine(empty_database_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_database_url)
    yield engine
    engine.dispose()


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_from_empty_creates_every_table_at_head(empty_engine: Engine) -> None:
    assert migrate.current_revision(empty_engine) is None

    migrate.upgrade(empty_engine)

    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    assert _tables(empty_engine) >= APP_TABLES
    assert {"users", "skill_gap_reports", "onet_occupations", "skills", "skill_aliases"} <= APP_TABLES
    assert len(APP_TABLES) == 27


def test_migrations_match_the_models_exactly(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_base_removes_our_tables_and_upgrade_works_again(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)

    migrate.downgrade(empty_engine, "base")
    assert migrate.current_revision(empty_engine) is None
    assert _tables(empty_engine) & APP_TABLES == set()

    migrate.upgrade(empty_engine)
    assert _tables(empty_engine) >= APP_TABLES


def test_upgrade_is_idempotent(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()


def test_database_from_a_newer_jobmate_is_refused_and_left_alone(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    with empty_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))

    with pytest.raises(DatabaseSetupError, match=r"9999_from_the_future.*upgrade Jobmate"):
        migrate.upgrade(empty_engine)
    with pytest.raises(DatabaseSetupError, match="newest is"):
        migrate.downgrade(empty_engine, "base")
    assert migrate.current_revision(empty_engine) == "9999_from_the_future"
    assert _tables(empty_engine) >= APP_TABLES


def test_failed_upgrade_creates_nothing(empty_engine: Engine) -> None:
    # A table in the way makes the migration fail half-way through its table list.
    with empty_engine.begin() as conn:
        conn.execute(text("CREATE TABLE saved_jobs (id int)"))

    with pytest.raises(Exception, match="saved_jobs"):
        migrate.upgrade(empty_engine)

    assert _tables(empty_engine) == {"saved_jobs"}
    assert migrate.current_revision(empty_engine) is None
