"""Typed errors for database problems a person or an operator can cause, with clear messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


class PersistenceError(Exception):
    """Base of every error raised by the persistence layer."""


class DatabaseSetupError(PersistenceError):
    """The database cannot be used: it does not answer, refuses us, or is newer than the code."""


class DataDirError(PersistenceError):
    """The data folder cannot be created or written."""


class NotFoundError(PersistenceError):
    """A row does not exist, or belongs to someone else (the two are never told apart)."""


class ConstraintViolation(PersistenceError):
    """A write broke a rule the database enforces; `constraint` names the rule."""

    def __init__(self, message: str, *, constraint: str | None = None) -> None:
        super().__init__(message)
        self.constraint = constraint


class DuplicateError(ConstraintViolation):
    """A unique rule was broken: the row already exists."""


class InvalidValueError(ConstraintViolation):
    """A value is out of range, missing or of the wrong kind."""


class MissingReferenceError(ConstraintViolation):
    """A row points at another row that does not exist (or is not the owner's)."""


_BY_SQLSTATE: dict[str, type[ConstraintViolation]] = {
    "23505": DuplicateError,  # unique_violation
    "23P01": DuplicateError,  # exclusion_violation
    "23514": InvalidValueError,  # check_violation
    "23502": InvalidValueError,  # not_null_violation
    "23503": MissingReferenceError,  # foreign_key_violation
}


def translate_integrity_error(exc: IntegrityError) -> ConstraintViolation:
    """Map a driver integrity error to our typed error, keeping the constraint's name."""
    orig = exc.orig
    sqlstate = getattr(orig, "pgcode", None) or getattr(orig, "sqlstate", None) or ""
    diag = getattr(orig, "diag", None)
    constraint = getattr(diag, "constraint_name", None)
    detail = getattr(diag, "message_detail", None)
    primary = getattr(diag, "message_primary", None) or str(orig).splitlines()[0]
    kind = _BY_SQLSTATE.get(sqlstate, ConstraintViolation)
    message = primary if not detail else f"{primary}: {detail}"
    return kind(message, constraint=constraint)


@contextmanager
def integrity_errors(session: Session) -> Iterator[None]:
    """Run the writes of the block in a savepoint and turn integrity errors into typed ones.

    The savepoint undoes only this write on failure, so the caller's transaction stays usable
    and never keeps a half-written row.
    """
    try:
        with session.begin_nested():
            yield
    except IntegrityError as exc:
        raise translate_integrity_error(exc) from None
