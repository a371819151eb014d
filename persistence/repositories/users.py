"""Accounts: creating people, finding them and checking their passwords."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import bcrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from persistence.errors import DuplicateError, InvalidValueError, NotFoundError, integrity_errors
from persistence.models import User

MIN_PASSWORD_LENGTH = 8


def _prehash(password: str) -> bytes:
    # bcrypt reads only 72 bytes; hashing first lets every character of a long passphrase count.
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest())


def hash_password(password: str) -> str:
    """A salted bcrypt hash of `password`, refusing ones too short to protect anything."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt()).decode("ascii")


def add_user(
    session: Session,
    *,
    identifier: str,
    display_name: str | None = None,
    password: str | None = None,
    settings: dict[str, Any] | None = None,
) -> User:
    """Create an account; a taken identifier raises DuplicateError."""
    identifier = identifier.strip()
    if not identifier:
        raise InvalidValueError("a user needs a non-empty identifier")
    user = User(
        identifier=identifier,
        display_name=display_name,
        password_hash=hash_password(password) if password is not None else None,
        settings=settings or {},
    )
    try:
        with integrity_errors(session):
            session.add(user)
    except DuplicateError as exc:
        raise DuplicateError(f"user {identifier!r} already exists", constraint=exc.constraint) from None
    return user


def find_user(session: Session, *, identifier: str) -> User | None:
    """The account with this identifier, if any."""
    return session.scalars(select(User).where(User.identifier == identifier.strip())).first()


def get_user(session: Session, *, user_id: int) -> User:
    """The account with this id, or NotFoundError."""
    user = session.get(User, user_id)
    if user is None:
        raise NotFoundError(f"user {user_id} not found")
    return user


def authenticate(session: Session, *, identifier: str, password: str) -> User | None:
    """The account if the password matches; None for a wrong password or an unknown name."""
    user = find_user(session, identifier=identifier)
    if user is None or user.password_hash is None:
        return None
    if bcrypt.checkpw(_prehash(password), user.password_hash.encode("ascii")):
        return user
    return None


def update_settings(session: Session, *, user_id: int, changes: dict[str, Any]) -> User:
    """Merge `changes` into the person's settings (language and the like)."""
    user = get_user(session, user_id=user_id)
    user.settings = {**user.settings, **changes}
    session.flush()
    return user


def delete_user(session: Session, *, user_id: int) -> None:
    """Remove the account and, through the database's cascades, every row it owns."""
    session.delete(get_user(session, user_id=user_id))
    session.flush()
