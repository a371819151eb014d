"""A person's notes, loose or attached to one of their tasks, gap reports or a job."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from persistence.errors import integrity_errors
from persistence.models import Note
from persistence.repositories.ownership import get_owned


def add_note(
    session: Session,
    *,
    owner_id: int,
    content: str,
    task_id: int | None = None,
    report_id: int | None = None,
    job_id: int | None = None,
) -> Note:
    """Save a note; a task or report of someone else raises MissingReferenceError."""
    note = Note(owner_id=owner_id, content=content, task_id=task_id, report_id=report_id, job_id=job_id)
    with integrity_errors(session):
        session.add(note)
    return note


def get_note(session: Session, *, owner_id: int, note_id: int) -> Note:
    """One of the owner's notes, or NotFoundError."""
    return get_owned(session, Note, owner_id=owner_id, row_id=note_id, what="note")


def list_notes(
    session: Session,
    *,
    owner_id: int,
    task_id: int | None = None,
    report_id: int | None = None,
    job_id: int | None = None,
) -> list[Note]:
    """The owner's notes, newest first, optionally only those attached to one thing."""
    query = select(Note).where(Note.owner_id == owner_id)
    if task_id is not None:
        query = query.where(Note.task_id == task_id)
    if report_id is not None:
        query = query.where(Note.report_id == report_id)
    if job_id is not None:
        query = query.where(Note.job_id == job_id)
    return list(session.scalars(query.order_by(Note.id.desc())))


def delete_note(session: Session, *, owner_id: int, note_id: int) -> None:
    """Remove one of the owner's notes."""
    session.delete(get_note(session, owner_id=owner_id, note_id=note_id))
    session.flush()
