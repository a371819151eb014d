"""The embedded PostgreSQL: data outlives the server process, and a wrong password is explained."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
from sqlalchemy.engine import make_url

from agent.settings import Settings, load_settings
from persistence.db import connect
from persistence.embedded import start_embedded, stop_embedded
from persistence.errors import DatabaseSetupError

ROLE = "careful_user"
RIGHT_PASSWORD = "right-horse-battery-staple"
WRONG_PASSWORD = "wrong-horse-battery-staple"


@pytest.fixture
def pgdata(tmp_path: Path) -> Iterator[Path]:
    """A folder for one embedded server, stopped after the test whatever happened."""
    path = tmp_path / "pg"
    yield path
    stop_embedded(path)


def _execute(uri: str, *statements: str) -> list[tuple[object, ...]]:
    """Run statements in autocommit and return the rows of the last one (if it has any)."""
    conn = psycopg2.connect(uri)
    try:
        conn.autocommit = True
        rows: list[tuple[object, ...]] = []
        with conn.cursor() as cur:
            for statement in statements:
                cur.execute(statement)
                rows = cur.fetchall() if cur.description is not None else []
        return rows
    finally:
        conn.close()


def test_data_survives_a_stop_and_a_start(pgdata: Path) -> None:
    uri = start_embedded(pgdata, database="keepsake")
    _execute(
        uri,
        "CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)",
        "INSERT INTO notes VALUES (1, 'remember the milk')",
    )
    assert (pgdata / "postmaster.pid").exists()

    stop_embedded(pgdata)

    assert not (pgdata / "postmaster.pid").exists()
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(uri, connect_timeout=3).close()

    uri_again = start_embedded(pgdata, database="keepsake")

    assert _execute(uri_again, "SELECT id, body FROM notes") == [(1, "remember the milk")]


def _require_password_for_role(uri: str, pgdata: Path) -> None:
    """Make the server ask ROLE for a scram password on its socket; postgres stays trusted."""
    rules = ["local all postgres trust", f"local all {ROLE} scram-sha-256", "local all all trust"]
    (pgdata / "pg_hba.conf").write_text("\n".join(rules) + "\n")
    _execute(
        uri,
        "SET password_encryption = 'scram-sha-256'",
        f"CREATE ROLE {ROLE} LOGIN PASSWORD '{RIGHT_PASSWORD}'",
        "SELECT pg_reload_conf()",
    )
    # The reload is a signal: wait until the server asks the role for its password.
    no_password = make_url(uri).set(username=ROLE, password=None)
    deadline = time.monotonic() + 10
    while True:
        try:
            psycopg2.connect(no_password.render_as_string(hide_password=False)).close()
        except psycopg2.OperationalError:
            return
        assert time.monotonic() < deadline, "the server never started to ask for a password"
        time.sleep(0.1)


def test_wrong_password_is_explained_without_showing_it(pgdata: Path, tmp_path: Path) -> None:
    uri = start_embedded(pgdata, database="jobmate")
    _require_password_for_role(uri, pgdata)
    as_role = make_url(uri).set(username=ROLE)

    def settings_with(password: str) -> Settings:
        url = as_role.set(password=password).render_as_string(hide_password=False)
        return load_settings(database_url=url, data_dir=tmp_path / "data")

    # The right password gets in, so a refusal below is about the password and nothing else.
    database = connect(settings_with(RIGHT_PASSWORD))
    database.close()

    with pytest.raises(DatabaseSetupError) as refused:
        connect(settings_with(WRONG_PASSWORD))

    message = str(refused.value)
    assert "password is wrong" in message
    assert "JOBMATE_DATABASE_URL" in message
    assert WRONG_PASSWORD not in message
    assert ROLE in message  # the masked URL still says who tried
    assert len(message.splitlines()) == 1
