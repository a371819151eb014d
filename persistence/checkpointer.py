"""LangGraph's PostgreSQL checkpointer on a psycopg 3 pool, for durable conversation threads."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

from persistence.db import libpq_uri


@asynccontextmanager
async def open_checkpointer(
    database_url: str, *, min_size: int = 1, max_size: int = 8
) -> AsyncIterator[AsyncPostgresSaver]:
    """A ready checkpointer whose tables exist; the pool closes when the block ends.

    Connections are autocommit: without it, once the tables exist, turns would run and
    commit nothing. `prepare_threshold=0` keeps it working behind transaction poolers.
    """
    pool: AsyncConnectionPool = AsyncConnectionPool(
        conninfo=libpq_uri(database_url),
        min_size=min_size,
        max_size=max_size,
        open=False,
        kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row},
    )
    await pool.open(wait=True, timeout=10)
    try:
        saver = AsyncPostgresSaver(pool)  # type: ignore[arg-type]
        await saver.setup()
        yield saver
    finally:
        await pool.close()
