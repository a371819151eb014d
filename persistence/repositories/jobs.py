"""Job postings shared by everyone, and the stored analysis of each."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, literal_column, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from persistence.errors import InvalidValueError, NotFoundError, integrity_errors
from persistence.models import JdAnalysis, JobListing

_JOB_FIELDS = frozenset(c.key for c in JobListing.__table__.columns) - {
    "id",
    "created_at",
    "updated_at",
}


def upsert_job(session: Session, *, fields: dict[str, Any]) -> tuple[JobListing, bool]:
    """Insert a posting, or refresh the one with the same `content_hash`; True when it is new."""
    unknown = set(fields) - _JOB_FIELDS
    if unknown:
        raise InvalidValueError(f"unknown job fields: {', '.join(sorted(unknown))}")
    if not fields.get("content_hash"):
        raise InvalidValueError("a job needs a content_hash to be de-duplicated")
    changes = {k: v for k, v in fields.items() if k != "content_hash"}
    statement: Any = (
        insert(JobListing)
        .values(**fields)
        .on_conflict_do_update(
            index_elements=[JobListing.content_hash],
            set_={**changes, "updated_at": func.now()},
        )
        # xmax is 0 only for a row this statement inserted, not for one it updated.
        .returning(JobListing, literal_column("xmax = 0").label("inserted"))
    )
    with integrity_errors(session):
        job, inserted = session.execute(statement, execution_options={"populate_existing": True}).one()
    return job, bool(inserted)


def get_job(session: Session, *, job_id: int) -> JobListing:
    """The posting with this id, or NotFoundError."""
    job = session.get(JobListing, job_id)
    if job is None:
        raise NotFoundError(f"job {job_id} not found")
    return job


def list_jobs(
    session: Session, *, active_only: bool = True, limit: int = 50, offset: int = 0
) -> list[JobListing]:
    """Postings, newest first, a page at a time."""
    query = select(JobListing)
    if active_only:
        query = query.where(JobListing.active)
    ordered = query.order_by(JobListing.posted_at.desc().nulls_last(), JobListing.id.desc())
    return list(session.scalars(ordered.limit(limit).offset(offset)))


def save_analysis(
    session: Session,
    *,
    jd_hash: str,
    engine_version: str,
    required_skills: list[dict[str, Any]],
    preferred_skills: list[dict[str, Any]],
    job_id: int | None = None,
    title: str | None = None,
    years_experience: float | Decimal | None = None,
    education_level: str | None = None,
    ats_keywords: list[str] | None = None,
    occupation_code: str | None = None,
    details: dict[str, Any] | None = None,
    processing_run_id: int | None = None,
) -> JdAnalysis:
    """Store the analysis of one posting text, replacing an older one of the same text.

    A stored job has at most one analysis: analysing its changed text moves the job to the new one.
    """
    if job_id is not None:
        get_job(session, job_id=job_id)
        # The job's earlier text may have been analysed under another hash: that analysis is stale.
        session.execute(
            update(JdAnalysis)
            .where(JdAnalysis.job_id == job_id, JdAnalysis.jd_hash != jd_hash)
            .values(job_id=None)
        )
    values: dict[str, Any] = {
        "engine_version": engine_version,
        "title": title,
        "required_skills": required_skills,
        "preferred_skills": preferred_skills,
        "years_experience": years_experience,
        "education_level": education_level,
        "ats_keywords": ats_keywords or [],
        "occupation_code": occupation_code,
        "details": details or {},
        "processing_run_id": processing_run_id,
    }
    if job_id is not None:
        values["job_id"] = job_id
    statement = (
        insert(JdAnalysis)
        .values(jd_hash=jd_hash, **values)
        .on_conflict_do_update(index_elements=[JdAnalysis.jd_hash], set_=values)
        .returning(JdAnalysis.id)
    )
    with integrity_errors(session):
        analysis_id = session.execute(statement).scalar_one()
    analysis = session.get(JdAnalysis, analysis_id, populate_existing=True)
    assert analysis is not None
    return analysis


def analysis_titles(session: Session, *, jd_hashes: list[str]) -> dict[str, str | None]:
    """The posting title of each analysed text hash, in one query (hashes never analysed are absent)."""
    query = select(JdAnalysis.jd_hash, JdAnalysis.title).where(JdAnalysis.jd_hash.in_(jd_hashes))
    return {jd_hash: title for jd_hash, title in session.execute(query)}


def get_analysis(
    session: Session, *, job_id: int | None = None, jd_hash: str | None = None
) -> JdAnalysis | None:
    """The stored analysis of a job, or of a posting text by its hash, if it was analysed."""
    if (job_id is None) == (jd_hash is None):
        raise InvalidValueError("give exactly one of job_id and jd_hash")
    column = JdAnalysis.job_id if job_id is not None else JdAnalysis.jd_hash
    return session.scalars(
        select(JdAnalysis).where(column == (job_id if job_id is not None else jd_hash))
    ).first()
