"""Fetching a row only when it belongs to the given owner."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from persistence.errors import NotFoundError

Row = TypeVar("Row")


def get_owned(session: Session, model: type[Row], *, owner_id: int, row_id: int, what: str) -> Row:
    """The row `row_id` of `model` if `owner_id` owns it; otherwise NotFoundError.

    Someone else's row and a missing row give the same error, so ids leak nothing.
    """
    row: Any = session.get(model, row_id)
    if row is None or row.owner_id != owner_id:
        raise NotFoundError(f"{what} {row_id} not found")
    return row  # type: ignore[no-any-return]
