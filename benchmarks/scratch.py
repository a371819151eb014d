"""A scratch PostgreSQL database for benchmarks: on JOBMATE_BENCH_DATABASE_URL, else an embedded server."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg2
from sqlalchemy.engine import make_url

from persistence.embedded import start_embedded, stop_embedded


def _admin(server_url: str, statement: str) -> None:
    conn = psycopg2.connect(server_url)
    conn.autocommit = True  # CREATE and DROP DATABASE refuse to run in a transaction
    try:
        with conn.cursor() as cur:
            cur.execute(statement)
    finally:
        conn.close()


@contextmanager
def scratch_database() -> Iterator[str]:
    """URL of an empty database, dropped (and its embedded server stopped) afterwards."""
    configured = os.environ.get("JOBMATE_BENCH_DATABASE_URL")
    with tempfile.TemporaryDirectory(prefix="jobmate-bench-") as folder:
        pgdata = Path(folder) / "pg"
        server = configured or start_embedded(pgdata, database="postgres")
        where = f"{make_url(server).host}:{make_url(server).port}" if configured else "embedded"
        print(f"server: {where}")
        name = f"jm_bench_{uuid.uuid4().hex[:8]}"
        _admin(server, f'CREATE DATABASE "{name}"')
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if not configured:
                stop_embedded(pgdata)
