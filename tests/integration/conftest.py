"""Real PostgreSQL for integration tests: a fresh database per test, cloned from a migrated template.

The server is the one in JOBMATE_TEST_DATABASE_URL, else an embedded one in a temp folder.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest
from psycopg2 import sql
from sqlalchemy.engine import make_url

from onet.importer import import_release
from onet.lookup import KnowledgeBase
from persistence import migrate
from persistence.db import Database, make_engine
from persistence.embedded import start_embedded, stop_embedded

from .onet_fixtures import ONET_SOURCE


def _admin(url: str) -> psycopg2.extensions.connection:
    conn = psycopg2.connect(url)
    conn.autocommit = True
    return conn


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def create_database(server_url: str, *, template: str | None = None) -> str:
    """Create a uniquely named database (optionally a copy of `template`) and return its URL."""
    name = f"jm_test_{uuid.uuid4().hex[:12]}"
    conn = _admin(server_url)
    try:
        with conn.cursor() as cur:
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            cur.execute(statement)
    finally:
        conn.close()
    return _with_database(server_url, name)


def drop_database(server_url: str, url: str) -> None:
    """Drop the database behind `url`, closing any connection still open to it."""
    name = str(make_url(url).database)
    conn = _admin(server_url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    finally:
        conn.close()


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A maintenance URL of the test server."""
    configured = os.environ.get("JOBMATE_TEST_DATABASE_URL", "").strip()
    if configured:
        yield configured
        return
    pgdata = Path(tmp_path_factory.mktemp("pg")) / "data"
    yield start_embedded(pgdata, database="postgres")
    stop_embedded(pgdata)


@pytest.fixture(scope="session")
def template_name(server_url: str) -> Iterator[str]:
    """A database migrated to head once, cloned by each test."""
    url = create_database(server_url)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()  # a template must have no open connections to be copied
    yield str(make_url(url).database)
    drop_database(server_url, url)


@pytest.fixture
def database_url(server_url: str, template_name: str) -> Iterator[str]:
    """URL of a fresh database with every migration applied."""
    url = create_database(server_url, template=template_name)
    yield url
    drop_database(server_url, url)


@pytest.fixture
def empty_database_url(server_url: str) -> Iterator[str]:
    """URL of a fresh database with no tables at all."""
    url = create_database(server_url)
    yield url
    drop_database(server_url, url)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """An open, migrated database."""
    database = Database(url=database_url, embedded_dir=None, engine=make_engine(database_url))
    yield database
    database.close()


@dataclass
class ImportedKnowledgeBase:
    """The real O*NET release imported once per test run: its database, data folder and lookups."""

    database: Database
    data_dir: Path
    kb: KnowledgeBase


@pytest.fixture(scope="session")
def onet_kb(
    server_url: str, template_name: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ImportedKnowledgeBase]:
    """The full O*NET 29.2 release from the shared data, imported with its semantic index (read-only)."""
    url = create_database(server_url, template=template_name)
    database = Database(url=url, embedded_dir=None, engine=make_engine(url))
    data_dir = Path(tmp_path_factory.mktemp("onet-data"))
    with database.session() as session:
        import_release(session, source=ONET_SOURCE, data_dir=data_dir, progress=lambda _m: None)
    with database.session() as session:
        kb = KnowledgeBase.load(session, data_dir)
    yield ImportedKnowledgeBase(database=database, data_dir=data_dir, kb=kb)
    database.close()
    drop_database(server_url, url)
