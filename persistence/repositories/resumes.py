"""A person's resumes: storing a parsed upload and choosing the default one."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from persistence.errors import integrity_errors
from persistence.models import Resume
from persistence.repositories.ownership import get_owned


def add_resume(
    session: Session,
    *,
    owner_id: int,
    original_filename: str,
    content_type: str,
    size_bytes: int,
    file_sha256: str,
    raw_text: str | None = None,
    raw_text_sha256: str | None = None,
    redacted_text: str | None = None,
    sections: list[Any] | None = None,
    parsed_json: dict[str, Any] | None = None,
    status: str = "uploaded",
    processing_run_id: int | None = None,
    make_default: bool = True,
) -> Resume:
    """Store a resume; by default it becomes the owner's default in the same transaction."""
    with integrity_errors(session):
        if make_default:
            _clear_default(session, owner_id=owner_id)
        resume = Resume(
            owner_id=owner_id,
            original_filename=original_filename,
            content_type=content_type,
            size_bytes=size_bytes,
            file_sha256=file_sha256,
            raw_text=raw_text,
            raw_text_sha256=raw_text_sha256,
            redacted_text=redacted_text,
            sections=sections or [],
            parsed_json=parsed_json or {},
            status=status,
            processing_run_id=processing_run_id,
            is_default=make_default,
        )
        session.add(resume)
    return resume


def get_resume(session: Session, *, owner_id: int, resume_id: int) -> Resume:
    """One of the owner's resumes, or NotFoundError."""
    return get_owned(session, Resume, owner_id=owner_id, row_id=resume_id, what="resume")


def find_by_file(session: Session, *, owner_id: int, file_sha256: str) -> Resume | None:
    """The owner's resume with exactly this file content, if they uploaded it before."""
    return session.scalars(
        select(Resume).where(Resume.owner_id == owner_id, Resume.file_sha256 == file_sha256)
    ).first()


def list_resumes(session: Session, *, owner_id: int) -> list[Resume]:
    """The owner's resumes, newest first."""
    query = select(Resume).where(Resume.owner_id == owner_id)
    return list(session.scalars(query.order_by(Resume.created_at.desc(), Resume.id.desc())))


def default_resume(session: Session, *, owner_id: int) -> Resume | None:
    """The resume the owner works with unless they name another."""
    query = select(Resume).where(Resume.owner_id == owner_id, Resume.is_default)
    return session.scalars(query).first()


def set_default(session: Session, *, owner_id: int, resume_id: int) -> Resume:
    """Make one of the owner's resumes their default (and no other)."""
    resume = get_resume(session, owner_id=owner_id, resume_id=resume_id)
    with integrity_errors(session):
        _clear_default(session, owner_id=owner_id)
        resume.is_default = True
    return resume


def update_parse(
    session: Session,
    *,
    owner_id: int,
    resume_id: int,
    status: str,
    sections: list[Any] | None = None,
    parsed_json: dict[str, Any] | None = None,
    processing_run_id: int | None = None,
    raw_text: str | None = None,
    raw_text_sha256: str | None = None,
    redacted_text: str | None = None,
) -> Resume:
    """Record the outcome of parsing one of the owner's resumes (text fields only when given)."""
    resume = get_resume(session, owner_id=owner_id, resume_id=resume_id)
    with integrity_errors(session):
        resume.status = status
        if raw_text is not None:
            resume.raw_text = raw_text
            resume.raw_text_sha256 = raw_text_sha256
        if redacted_text is not None:
            resume.redacted_text = redacted_text
        if sections is not None:
            resume.sections = sections
        if parsed_json is not None:
            resume.parsed_json = parsed_json
        if processing_run_id is not None:
            resume.processing_run_id = processing_run_id
    return resume


def delete_resume(session: Session, *, owner_id: int, resume_id: int) -> None:
    """Remove one of the owner's resumes and the gap reports made from it."""
    session.delete(get_resume(session, owner_id=owner_id, resume_id=resume_id))
    session.flush()


def _clear_default(session: Session, *, owner_id: int) -> None:
    session.execute(
        update(Resume)
        .where(Resume.owner_id == owner_id, Resume.is_default)
        .values(is_default=False)
        .execution_options(synchronize_session="fetch")
    )
