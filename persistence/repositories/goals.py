"""A person's goals, such as "Become a data engineer by June"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from persistence.errors import InvalidValueError, integrity_errors
from persistence.models import GOAL_STATUSES, Goal
from persistence.repositories.ownership import get_owned


def add_goal(
    session: Session,
    *,
    owner_id: int,
    title: str,
    description: str | None = None,
    target_date: dt.date | None = None,
) -> Goal:
    """Create a goal for the owner."""
    goal = Goal(owner_id=owner_id, title=title, description=description, target_date=target_date)
    with integrity_errors(session):
        session.add(goal)
    return goal


def get_goal(session: Session, *, owner_id: int, goal_id: int) -> Goal:
    """One of the owner's goals, or NotFoundError."""
    return get_owned(session, Goal, owner_id=owner_id, row_id=goal_id, what="goal")


def list_goals(session: Session, *, owner_id: int, status: str | None = None) -> list[Goal]:
    """The owner's goals, oldest first, optionally of one status."""
    query = select(Goal).where(Goal.owner_id == owner_id)
    if status is not None:
        query = query.where(Goal.status == status)
    return list(session.scalars(query.order_by(Goal.id)))


def set_goal_status(session: Session, *, owner_id: int, goal_id: int, status: str) -> Goal:
    """Mark a goal active, achieved or abandoned."""
    if status not in GOAL_STATUSES:
        raise InvalidValueError(f"unknown goal status {status!r}: use one of {', '.join(GOAL_STATUSES)}")
    goal = get_goal(session, owner_id=owner_id, goal_id=goal_id)
    goal.status = status
    session.flush()
    return goal


def delete_goal(session: Session, *, owner_id: int, goal_id: int) -> None:
    """Remove one of the owner's goals together with its tasks."""
    session.delete(get_goal(session, owner_id=owner_id, goal_id=goal_id))
    session.flush()
