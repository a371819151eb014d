"""Alembic environment: runs migrations on the engine handed over by persistence.migrate."""

from __future__ import annotations

from alembic import context

from persistence import onet_models  # noqa: F401  (registers the O*NET tables)
from persistence.models import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    raise RuntimeError("run migrations with `jobmate db upgrade`, which supplies the database")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        transaction_per_migration=False,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
