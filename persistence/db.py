"""Database URLs, engines and sessions, and opening the database (configured or embedded)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from agent.settings import Settings, mask_url
from persistence import migrate as migrations
from persistence.embedded import start_embedded
from persistence.errors import DatabaseSetupError, DataDirError

log = logging.getLogger(__name__)


def sqlalchemy_url(url: str) -> URL:
    """The one database URL, rewritten for SQLAlchemy's psycopg2 driver."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        # Not echoed: a URL we cannot parse is one we cannot mask either.
        raise DatabaseSetupError(
            "JOBMATE_DATABASE_URL is not a valid URL: use postgresql://user:password@host:port/database"
        ) from None
    return parsed.set(drivername="postgresql+psycopg2")


def libpq_uri(url: str) -> str:
    """The one database URL as a plain `postgresql://` URI for psycopg 3 and libpq."""
    parsed = sqlalchemy_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def ensure_data_dir(path: Path) -> Path:
    """Create the data folder if needed and prove it is writable, or raise DataDirError."""
    resolved = path.expanduser().resolve()
    try:
        resolved.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=resolved, prefix=".write-test-"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataDirError(
            f"JOBMATE_DATA_DIR={path} is not a writable folder ({reason}): "
            "point it at a folder you can write to"
        ) from None
    return resolved


def make_engine(url: str) -> Engine:
    """An engine on the psycopg2 driver with a short connect timeout and liveness checks."""
    return create_engine(
        sqlalchemy_url(url),
        pool_pre_ping=True,
        connect_args={"connect_timeout": 5, "application_name": "jobmate"},
    )


def check_connection(engine: Engine, *, url: str | None = None) -> str:
    """Run one query and return the server version, or explain in one line what to fix.

    `url` is the URL as the person wrote it, shown (masked) in the message.
    """
    shown = mask_url(url if url is not None else engine.url.render_as_string(hide_password=False))
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar_one())
    except OperationalError as exc:
        raise DatabaseSetupError(_explain(str(exc.orig), shown)) from None


def _explain(driver_message: str, shown_url: str) -> str:
    first = driver_message.strip().splitlines()[-1] if driver_message.strip() else ""
    lowered = driver_message.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        hint = "the user name or password is wrong: fix them in JOBMATE_DATABASE_URL"
    elif "does not exist" in lowered and "database" in lowered:
        hint = "the database does not exist: create it, or name an existing one in JOBMATE_DATABASE_URL"
    elif "role" in lowered and "does not exist" in lowered:
        hint = "that user does not exist on the server: fix JOBMATE_DATABASE_URL"
    elif any(
        s in lowered for s in ("could not connect", "connection refused", "timeout", "could not translate")
    ):
        hint = "nothing answers there: start PostgreSQL or fix the host and port in JOBMATE_DATABASE_URL"
    else:
        hint = f"the server refused the connection ({first})"
    return f"database {shown_url}: {hint}"


@dataclass
class Database:
    """An open database: its URL, engine and session factory."""

    url: str
    embedded_dir: Path | None
    engine: Engine
    sessions: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def checkpointer_uri(self) -> str:
        """URI for LangGraph's psycopg 3 checkpointer."""
        return libpq_uri(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Release pooled connections; an embedded server stops when its last user exits."""
        self.engine.dispose()


def connect(settings: Settings) -> Database:
    """Open the configured database, or start the embedded one under the data folder.

    Checks the data folder and the connection; migrations are the caller's choice.
    """
    data_dir = ensure_data_dir(settings.data_dir)
    embedded_dir: Path | None = None
    if settings.database_url is not None:
        url = settings.database_url.get_secret_value()
    else:
        embedded_dir = data_dir / "postgres"
        url = start_embedded(embedded_dir)
        log.info("embedded PostgreSQL running from %s", embedded_dir)
    engine = make_engine(url)
    try:
        check_connection(engine, url=url)
    except DatabaseSetupError:
        engine.dispose()
        raise
    return Database(url=url, embedded_dir=embedded_dir, engine=engine)


def open_database(settings: Settings, *, migrate: bool = True) -> Database:
    """Connect (or start the embedded server) and bring the schema to this code's head.

    A database migrated by a newer Jobmate is refused rather than touched.
    """
    database = connect(settings)
    try:
        if migrate:
            migrations.upgrade(database.engine)
        else:
            migrations.check_not_newer(database.engine)
    except Exception:
        database.close()
        raise
    return database
