"""`jobmate db`, `doctor` and `users`: migrations, a configuration check and accounts."""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy import text

from agent.settings import Settings, SettingsError, describe
from cli.knowledge import onet_state
from persistence import migrate
from persistence.db import Database, connect, open_database
from persistence.errors import PersistenceError
from persistence.repositories import users


def _db_upgrade(settings: Settings, args: argparse.Namespace) -> int:
    database = open_database(settings, migrate=True)
    try:
        print(f"database is at migration {migrate.current_revision(database.engine)} (head)")
    finally:
        database.close()
    return 0


def _db_downgrade(settings: Settings, args: argparse.Namespace) -> int:
    database = connect(settings)
    try:
        migrate.downgrade(database.engine, args.revision)
        print(f"database is at migration {migrate.current_revision(database.engine) or 'base (empty)'}")
    finally:
        database.close()
    return 0


def _db_status(settings: Settings, args: argparse.Namespace) -> int:
    database = connect(settings)
    try:
        for label, value in _database_rows(database):
            print(f"{label:<18} {value}")
        migrate.check_not_newer(database.engine)
    finally:
        database.close()
    return 0


def _database_rows(database: Database) -> list[tuple[str, str]]:
    current = migrate.current_revision(database.engine)
    head = migrate.head_revision()
    with database.engine.connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar_one()
    where = f"embedded, files in {database.embedded_dir}" if database.embedded_dir else "configured"
    if current == head:
        state = "up to date"
    elif current is not None and current not in migrate.known_revisions():
        state = f"NEWER than this Jobmate (head {head}): upgrade Jobmate"
    else:
        state = f"run `jobmate db upgrade` (head is {head})"
    return [
        ("database", f"PostgreSQL {version} ({where})"),
        ("migration", f"{current or 'none'}: {state}"),
    ]


def _doctor(settings: Settings, args: argparse.Namespace) -> int:
    print("configuration")
    for name, value in describe(settings):
        print(f"  {name:<26} {value}")
    print(f"  {'chat model':<26} {settings.llm_model if settings.llm_configured else 'offline router'}")
    print("checks")
    source = settings.onet_source_path
    print(f"  {'O*NET source':<26} {source} ({'found' if source.exists() else 'missing'})")
    try:
        database = connect(settings)
    except PersistenceError as exc:
        print(f"  {'database':<26} NOT OK: {exc}")
        return 1
    try:
        for label, value in _database_rows(database):
            print(f"  {label:<26} {value}")
        print(f"  {'O*NET knowledge base':<26} {onet_state(database)}")
        migrate.check_not_newer(database.engine)
    finally:
        database.close()
    return 0


def _users_add(settings: Settings, args: argparse.Namespace) -> int:
    password = _read_password(from_stdin=args.password_stdin)
    database = open_database(settings, migrate=True)
    try:
        with database.session() as session:
            user = users.add_user(
                session, identifier=args.identifier, display_name=args.display_name, password=password
            )
            print(f"added user {user.identifier} (id {user.id})")
    finally:
        database.close()
    return 0


def _read_password(*, from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise SettingsError("the two passwords differ")
    return first


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the db, doctor and users commands."""
    db = commands.add_parser("db", help="database migrations").add_subparsers(dest="action", required=True)
    db.add_parser("upgrade", help="create or migrate the tables to this version").set_defaults(
        run=_db_upgrade
    )
    db.add_parser("status", help="where the database stands").set_defaults(run=_db_status)
    down = db.add_parser("downgrade", help="migrate down to a revision ('base' drops our tables)")
    down.add_argument("revision")
    down.set_defaults(run=_db_downgrade)

    commands.add_parser("doctor", help="show configuration and check the database").set_defaults(run=_doctor)

    accounts = commands.add_parser("users", help="accounts").add_subparsers(dest="action", required=True)
    add = accounts.add_parser("add", help="create an account that can sign in")
    add.add_argument("identifier", help="login name")
    add.add_argument("--display-name", default=None)
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.set_defaults(run=_users_add)
