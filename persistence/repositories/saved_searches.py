"""Saved job searches and which of them are due to run again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from persistence.errors import integrity_errors
from persistence.models import SavedSearch
from persistence.repositories.ownership import get_owned


def add_search(
    session: Session,
    *,
    owner_id: int,
    search_term: str,
    sources: list[str] | None = None,
    location: str | None = None,
    country: str | None = None,
    remote: bool | None = None,
    filters: dict[str, Any] | None = None,
    results_wanted: int = 20,
    interval_hours: int = 3,
) -> SavedSearch:
    """Save a search to be re-run every `interval_hours`."""
    search = SavedSearch(
        owner_id=owner_id,
        search_term=search_term,
        sources=sources or [],
        location=location,
        country=country,
        remote=remote,
        filters=filters or {},
        results_wanted=results_wanted,
        interval_hours=interval_hours,
    )
    with integrity_errors(session):
        session.add(search)
    return search


def get_search(session: Session, *, owner_id: int, search_id: int) -> SavedSearch:
    """One of the owner's saved searches, or NotFoundError."""
    return get_owned(session, SavedSearch, owner_id=owner_id, row_id=search_id, what="saved search")


def list_searches(session: Session, *, owner_id: int) -> list[SavedSearch]:
    """The owner's saved searches, oldest first."""
    query = select(SavedSearch).where(SavedSearch.owner_id == owner_id)
    return list(session.scalars(query.order_by(SavedSearch.id)))


def due_searches(session: Session, *, owner_id: int, now: dt.datetime) -> list[SavedSearch]:
    """The owner's searches never run, or last run at least `interval_hours` before `now`."""
    next_run = SavedSearch.last_run_at + func.make_interval(0, 0, 0, 0, SavedSearch.interval_hours)
    query = select(SavedSearch).where(
        SavedSearch.owner_id == owner_id,
        or_(SavedSearch.last_run_at.is_(None), next_run <= now),
    )
    return list(session.scalars(query.order_by(SavedSearch.id)))


def mark_run(session: Session, *, owner_id: int, search_id: int, at: dt.datetime) -> SavedSearch:
    """Record that a search ran at `at`."""
    search = get_search(session, owner_id=owner_id, search_id=search_id)
    search.last_run_at = at
    session.flush()
    return search


def delete_search(session: Session, *, owner_id: int, search_id: int) -> None:
    """Forget one of the owner's saved searches."""
    session.delete(get_search(session, owner_id=owner_id, search_id=search_id))
    session.flush()
