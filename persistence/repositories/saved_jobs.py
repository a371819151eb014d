"""A person's job pipeline: saved jobs and their moves from saved to offer, with history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from persistence.errors import InvalidValueError, integrity_errors
from persistence.models import SAVED_JOB_STATUSES, SavedJob
from persistence.repositories.jobs import get_job
from persistence.repositories.ownership import get_owned


def save_job(session: Session, *, owner_id: int, job_id: int, note: str | None = None) -> SavedJob:
    """Put a job on the owner's list; saving it twice raises DuplicateError."""
    get_job(session, job_id=job_id)
    saved = SavedJob(
        owner_id=owner_id,
        job_id=job_id,
        status="saved",
        note=note,
        status_history=[{"status": "saved", "at": _now(), "note": note}],
    )
    with integrity_errors(session):
        session.add(saved)
    return saved


def get_saved_job(session: Session, *, owner_id: int, saved_id: int) -> SavedJob:
    """One entry of the owner's pipeline, or NotFoundError."""
    return get_owned(session, SavedJob, owner_id=owner_id, row_id=saved_id, what="saved job")


def set_status(
    session: Session, *, owner_id: int, saved_id: int, status: str, note: str | None = None
) -> SavedJob:
    """Move a saved job to `status`, appending the move to its history."""
    if status not in SAVED_JOB_STATUSES:
        raise InvalidValueError(f"unknown status {status!r}: use one of {', '.join(SAVED_JOB_STATUSES)}")
    saved = get_saved_job(session, owner_id=owner_id, saved_id=saved_id)
    with integrity_errors(session):
        saved.status = status
        saved.status_history = [*saved.status_history, {"status": status, "at": _now(), "note": note}]
        if note:
            saved.note = note
    return saved


def list_saved_jobs(session: Session, *, owner_id: int, status: str | None = None) -> list[SavedJob]:
    """The owner's pipeline, most recently changed first, optionally of one status."""
    query = select(SavedJob).where(SavedJob.owner_id == owner_id)
    if status is not None:
        query = query.where(SavedJob.status == status)
    return list(session.scalars(query.order_by(SavedJob.updated_at.desc(), SavedJob.id.desc())))


def remove_saved_job(session: Session, *, owner_id: int, saved_id: int) -> None:
    """Take a job off the owner's list."""
    session.delete(get_saved_job(session, owner_id=owner_id, saved_id=saved_id))
    session.flush()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
