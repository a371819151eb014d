"""Stored gap reports of a person against a job, and the learning items each recommends."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from persistence.errors import integrity_errors
from persistence.models import LearningItem, ReportLearningItem, SkillGapReport
from persistence.repositories.ownership import get_owned


def add_report(
    session: Session,
    *,
    owner_id: int,
    score_version: str,
    jd_hash: str,
    resume_id: int | None = None,
    job_id: int | None = None,
    matched: list[Any] | None = None,
    missing: list[Any] | None = None,
    weak: list[Any] | None = None,
    extra: list[Any] | None = None,
    score: int | None = None,
    score_breakdown: dict[str, Any] | None = None,
    report_note: str | None = None,
    processing_run_id: int | None = None,
) -> SkillGapReport:
    """Store a report on a posting (by the hash of its text, and its job when stored).

    Each report on the same posting text gets the next revision, so earlier ones stay readable.
    The resume, when given, must be the owner's: the database refuses anyone else's.
    """
    latest = session.scalar(
        select(func.max(SkillGapReport.revision)).where(
            SkillGapReport.owner_id == owner_id, SkillGapReport.jd_hash == jd_hash
        )
    )
    report = SkillGapReport(
        revision=(latest or 0) + 1,
        owner_id=owner_id,
        resume_id=resume_id,
        job_id=job_id,
        jd_hash=jd_hash,
        matched=matched or [],
        missing=missing or [],
        weak=weak or [],
        extra=extra or [],
        score=score,
        score_breakdown=score_breakdown or {},
        score_version=score_version,
        report_note=report_note,
        processing_run_id=processing_run_id,
    )
    with integrity_errors(session):
        session.add(report)
    return report


def get_report(session: Session, *, owner_id: int, report_id: int) -> SkillGapReport:
    """One of the owner's reports, or NotFoundError."""
    return get_owned(session, SkillGapReport, owner_id=owner_id, row_id=report_id, what="gap report")


def list_reports(session: Session, *, owner_id: int, job_id: int | None = None) -> list[SkillGapReport]:
    """The owner's reports, newest first, optionally for one job."""
    query = select(SkillGapReport).where(SkillGapReport.owner_id == owner_id)
    if job_id is not None:
        query = query.where(SkillGapReport.job_id == job_id)
    return list(session.scalars(query.order_by(SkillGapReport.id.desc())))


def report_revisions(session: Session, *, owner_id: int, jd_hash: str) -> list[SkillGapReport]:
    """Every revision of the owner's report on one posting text, oldest first."""
    query = select(SkillGapReport).where(
        SkillGapReport.owner_id == owner_id, SkillGapReport.jd_hash == jd_hash
    )
    return list(session.scalars(query.order_by(SkillGapReport.revision)))


def delete_report(session: Session, *, owner_id: int, report_id: int) -> None:
    """Remove one of the owner's reports with its notes and learning links."""
    session.delete(get_report(session, owner_id=owner_id, report_id=report_id))
    session.flush()


def link_learning_items(
    session: Session,
    *,
    owner_id: int,
    report_id: int,
    items: list[tuple[int, str, float]],
) -> list[ReportLearningItem]:
    """Attach learning items (id, skill id, learning value) to the owner's report, in plan order."""
    get_report(session, owner_id=owner_id, report_id=report_id)
    links = [
        ReportLearningItem(
            report_id=report_id,
            learning_item_id=item_id,
            skill_id=skill_id,
            learning_value=value,
            position=position,
        )
        for position, (item_id, skill_id, value) in enumerate(items)
    ]
    with integrity_errors(session):
        session.add_all(links)
    return links


def report_learning_items(
    session: Session, *, owner_id: int, report_id: int
) -> list[tuple[ReportLearningItem, LearningItem]]:
    """The learning items of the owner's report, in plan order."""
    get_report(session, owner_id=owner_id, report_id=report_id)
    query = (
        select(ReportLearningItem, LearningItem)
        .join(LearningItem, LearningItem.id == ReportLearningItem.learning_item_id)
        .where(ReportLearningItem.report_id == report_id)
        .order_by(ReportLearningItem.position)
    )
    return [(link, item) for link, item in session.execute(query)]
