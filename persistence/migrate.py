"""Alembic migrations run from code: upgrade, downgrade, and where a database stands."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from persistence.errors import DatabaseSetupError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic configuration pointing at our migrations (and at `engine` when given)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest revision this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise DatabaseSetupError("no migrations found")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    """Every revision id shipped with this code."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return {script.revision for script in scripts.walk_revisions()}


def check_not_newer(engine: Engine) -> None:
    """Refuse a database migrated by a newer Jobmate: this code would misread its tables."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseSetupError(
            f"the database is at migration {current}, which this Jobmate does not know "
            f"(its newest is {head_revision()}): upgrade Jobmate, or use another database"
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision` in one transaction, so a failure leaves nothing half-created."""
    check_not_newer(engine)
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate down to `revision` ("base" empties the schema of our tables)."""
    check_not_newer(engine)
    command.downgrade(alembic_config(engine), revision)
