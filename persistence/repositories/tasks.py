"""A person's dated tasks: creating, listing, completing and rescheduling them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from persistence.errors import integrity_errors
from persistence.models import Task
from persistence.repositories.ownership import get_owned


@dataclass(frozen=True)
class NewTask:
    """What a new task holds; several can be created in one call."""

    title: str
    description: str | None = None
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    priority: int = 3
    goal_id: int | None = None
    learning_item_id: int | None = None
    skill_id: str | None = None
    created_by: str = "user"


def add_tasks(session: Session, *, owner_id: int, tasks: list[NewTask]) -> list[Task]:
    """Create all the tasks or none: one bad task (or someone else's goal) refuses the batch."""
    rows = [
        Task(
            owner_id=owner_id,
            title=t.title,
            description=t.description,
            start_date=t.start_date,
            due_date=t.due_date,
            priority=t.priority,
            goal_id=t.goal_id,
            learning_item_id=t.learning_item_id,
            skill_id=t.skill_id,
            created_by=t.created_by,
        )
        for t in tasks
    ]
    with integrity_errors(session):
        session.add_all(rows)
    return rows


def get_task(session: Session, *, owner_id: int, task_id: int) -> Task:
    """One of the owner's tasks, or NotFoundError."""
    return get_owned(session, Task, owner_id=owner_id, row_id=task_id, what="task")


def list_tasks(
    session: Session,
    *,
    owner_id: int,
    goal_id: int | None = None,
    done: bool | None = None,
    due_before: dt.date | None = None,
) -> list[Task]:
    """The owner's tasks by due date (undated last), with optional filters."""
    query = select(Task).where(Task.owner_id == owner_id)
    if goal_id is not None:
        query = query.where(Task.goal_id == goal_id)
    if done is not None:
        query = query.where(Task.done.is_(done))
    if due_before is not None:
        query = query.where(Task.due_date < due_before)
    return list(session.scalars(query.order_by(Task.due_date.asc().nulls_last(), Task.id)))


def complete_task(session: Session, *, owner_id: int, task_id: int, at: dt.datetime | None = None) -> Task:
    """Mark one of the owner's tasks done (again is harmless: the first time is kept)."""
    task = get_task(session, owner_id=owner_id, task_id=task_id)
    if not task.done:
        task.done = True
        task.done_at = at or dt.datetime.now(dt.UTC)
        session.flush()
    return task


def reopen_task(session: Session, *, owner_id: int, task_id: int) -> Task:
    """Mark one of the owner's tasks not done."""
    task = get_task(session, owner_id=owner_id, task_id=task_id)
    task.done = False
    task.done_at = None
    session.flush()
    return task


def reschedule_task(
    session: Session,
    *,
    owner_id: int,
    task_id: int,
    start_date: dt.date | None,
    due_date: dt.date | None,
) -> Task:
    """Give one of the owner's tasks new dates; a start after the due date is refused."""
    task = get_task(session, owner_id=owner_id, task_id=task_id)
    with integrity_errors(session):
        task.start_date = start_date
        task.due_date = due_date
    return task


def delete_task(session: Session, *, owner_id: int, task_id: int) -> None:
    """Remove one of the owner's tasks and its notes."""
    session.delete(get_task(session, owner_id=owner_id, task_id=task_id))
    session.flush()
