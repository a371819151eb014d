"""The real `jobmate` command in a subprocess: migrations, doctor, accounts, and one-line refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from agent.settings import Settings
from persistence import migrate
from persistence.db import make_engine
from persistence.models import User
from persistence.repositories import users

JOBMATE = Path(sys.executable).parent / "jobmate"
FUTURE_REVISION = "9999_from_the_future"


def run_jobmate(
    cwd: Path, *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script with only the JOBMATE_* variables given in `env`.

    The working folder is a temp folder, so no `.env` file is read, and the data folder is
    inside it unless `env` names another.
    """
    assert JOBMATE.exists(), f"the jobmate console script is not installed at {JOBMATE}"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("JOBMATE_")}
    environment["JOBMATE_DATA_DIR"] = str(cwd / "data")
    environment.update(env or {})
    return subprocess.run(
        [str(JOBMATE), *args],
        cwd=cwd,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    """The command failed with one `jobmate:` line on stderr that contains every `expected` text."""
    assert result.returncode != 0, result
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("jobmate: "), line
    for part in expected:
        assert part in line, line
    return line


def with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _user_count(engine: Engine, identifier: str) -> int:
    with Session(engine) as session:
        query = select(func.count()).select_from(User).where(User.identifier == identifier)
        return session.scalar(query) or 0


def test_db_upgrade_on_an_empty_database_then_status_says_up_to_date(
    empty_database_url: str, tmp_path: Path
) -> None:
    env = {"JOBMATE_DATABASE_URL": empty_database_url}
    head = migrate.head_revision()

    upgraded = run_jobmate(tmp_path, "db", "upgrade", env=env)
    assert upgraded.returncode == 0, upgraded.stderr
    assert head in upgraded.stdout

    engine = make_engine(empty_database_url)
    try:
        assert migrate.current_revision(engine) == head
        assert "users" in inspect(engine).get_table_names()
    finally:
        engine.dispose()

    status = run_jobmate(tmp_path, "db", "status", env=env)
    assert status.returncode == 0, status.stderr
    assert f"{head}: up to date" in status.stdout
    assert "PostgreSQL" in status.stdout
    assert status.stderr == ""


def test_doctor_shows_every_setting_and_the_database_but_never_a_secret(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    secrets = {
        "JOBMATE_LLM_API_KEY": "sk-secret-llm-key-0123456789",
        "JOBMATE_TAVILY_API_KEY": "tvly-secret-search-key-9876",
        "JOBMATE_AUTH_SECRET": "session-signing-secret-abcdef",
    }
    # The test servers trust every local connection, so the password is sent but never checked.
    env = {"JOBMATE_DATABASE_URL": with_password(database_url, "hunter2"), **secrets}
    with engine.connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar_one()

    result = run_jobmate(tmp_path, "doctor", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    for name in Settings.model_fields:
        assert f"JOBMATE_{name.upper()}" in result.stdout
    assert f"PostgreSQL {version}" in result.stdout
    assert f"{migrate.head_revision()}: up to date" in result.stdout
    assert "hunter2" not in output
    assert ":****@" in result.stdout  # the URL is shown, with its password masked
    for secret in secrets.values():
        assert secret not in output


def test_users_add_creates_an_account_that_can_sign_in_once(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    env = {"JOBMATE_DATABASE_URL": database_url}

    added = run_jobmate(
        tmp_path, "users", "add", "alice", "--password-stdin", env=env, stdin="correct horse battery\n"
    )
    assert added.returncode == 0, added.stderr
    assert "added user alice" in added.stdout

    with Session(engine) as session:
        user = users.authenticate(session, identifier="alice", password="correct horse battery")
        assert user is not None
        assert user.identifier == "alice"
        assert users.authenticate(session, identifier="alice", password="wrong horse battery") is None

    again = run_jobmate(
        tmp_path, "users", "add", "alice", "--password-stdin", env=env, stdin="another password\n"
    )
    assert_one_line_refusal(again, "alice", "already exists")
    assert _user_count(engine, "alice") == 1
    with Session(engine) as session:  # the first password still works; the second changed nothing
        assert users.authenticate(session, identifier="alice", password="correct horse battery") is not None
        assert users.authenticate(session, identifier="alice", password="another password") is None


def test_users_add_refuses_a_short_password_and_writes_no_user(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    result = run_jobmate(
        tmp_path,
        "users",
        "add",
        "bob",
        "--password-stdin",
        env={"JOBMATE_DATABASE_URL": database_url},
        stdin="tiny7\n",
    )

    assert_one_line_refusal(result, "password", f"{users.MIN_PASSWORD_LENGTH} characters")
    assert "tiny7" not in result.stdout + result.stderr
    assert _user_count(engine, "bob") == 0


@pytest.mark.parametrize(
    ("env", "expected", "secret"),
    [
        pytest.param(
            {"JOBMATE_DATABASE_URL": "postgresql://postgres:hunter2@127.0.0.1:1/x"},
            ["JOBMATE_DATABASE_URL", "nothing answers", "127.0.0.1:1"],
            "hunter2",
            id="nobody-answers",
        ),
        pytest.param(
            {"JOBMATE_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/x?password=hunter2"},
            ["JOBMATE_DATABASE_URL", "nothing answers", "postgresql://postgres@127.0.0.1:1/x?password=****"],
            "hunter2",
            id="password-in-query",
        ),
        pytest.param(
            {"JOBMATE_DATABASE_URL": "mysql://root:hunter2@localhost/jobmate"},
            ["JOBMATE_DATABASE_URL", "postgresql://"],
            "hunter2",
            id="not-postgres",
        ),
        pytest.param(
            {"JOBMATE_UPLOAD_MAX_MB": "abc"},
            ["JOBMATE_UPLOAD_MAX_MB", "integer", "'abc'"],
            None,
            id="upload-not-a-number",
        ),
        pytest.param(
            {"JOBMATE_UPLOAD_MAX_MB": "0"},
            ["JOBMATE_UPLOAD_MAX_MB", "greater than or equal to 1"],
            None,
            id="upload-zero",
        ),
        pytest.param(
            {"JOBMATE_AUTH_SECRET": ""},
            ["JOBMATE_AUTH_SECRET", "16 characters"],
            None,
            id="empty-auth-secret",
        ),
    ],
)
def test_bad_setting_is_refused_in_one_line_naming_what_to_fix(
    server_url: str, tmp_path: Path, env: dict[str, str], expected: list[str], secret: str | None
) -> None:
    # A reachable database unless the case replaces it, so only the bad value can fail the command.
    result = run_jobmate(tmp_path, "db", "status", env={"JOBMATE_DATABASE_URL": server_url, **env})

    assert_one_line_refusal(result, *expected)
    if secret is not None:
        assert secret not in result.stdout + result.stderr


def test_unwritable_data_folder_is_refused_and_nothing_is_created(
    empty_database_url: str, tmp_path: Path
) -> None:
    # Root may write anywhere whatever the mode bits say, but no one can make a folder in a file.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file\n")
    data_dir = blocker / "data"

    result = run_jobmate(
        tmp_path,
        "db",
        "upgrade",
        env={"JOBMATE_DATABASE_URL": empty_database_url, "JOBMATE_DATA_DIR": str(data_dir)},
    )

    assert_one_line_refusal(result, "JOBMATE_DATA_DIR", str(data_dir), "writable")
    assert blocker.is_file()
    assert blocker.read_text() == "a regular file\n"
    engine = make_engine(empty_database_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


def test_database_from_a_newer_jobmate_is_refused_by_upgrade_status_and_doctor(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE_REVISION})
    env = {"JOBMATE_DATABASE_URL": database_url}

    for command in (("db", "upgrade"), ("db", "status"), ("doctor",)):
        result = run_jobmate(tmp_path, *command, env=env)
        assert_one_line_refusal(result, FUTURE_REVISION, "upgrade Jobmate", migrate.head_revision())
        assert "run `jobmate db upgrade`" not in result.stdout  # that would be refused too

    assert migrate.current_revision(engine) == FUTURE_REVISION
    assert "users" in inspect(engine).get_table_names()
