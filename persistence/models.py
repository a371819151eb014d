"""SQLAlchemy models of Jobmate's own tables; the database enforces ownership and ranges."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    MetaData,
    Numeric,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names: migrations can refer to them and errors can name them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}

RESUME_STATUSES = ("uploaded", "parsed", "failed")
SKILL_CATEGORIES = (
    "language",
    "framework",
    "database",
    "tool",
    "cloud",
    "concept",
    "soft_skill",
    "domain",
)
SKILL_SOURCES = ("resume", "manual", "both", "task")
SAVED_JOB_STATUSES = ("saved", "applied", "interview", "offer", "rejected", "skipped")
GOAL_STATUSES = ("active", "achieved", "abandoned")
TASK_CREATORS = ("agent", "user")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    """Declarative base with the naming convention and JSONB for dict/list columns."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSONB, list[Any]: JSONB}


def _pk() -> Mapped[int]:
    return mapped_column(BigInteger, Identity(), primary_key=True)


def _created() -> Mapped[dt.datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


def _owner() -> Mapped[int]:
    return mapped_column(BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True)


def _json(default: str) -> Any:
    return mapped_column(JSONB, server_default=text(f"'{default}'::jsonb"))


class User(Base):
    """A person who signs in; `identifier` is their login name."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("length(trim(identifier)) > 0", name="identifier_set"),)

    id: Mapped[int] = _pk()
    identifier: Mapped[str] = mapped_column(Text, unique=True)
    display_name: Mapped[str | None] = mapped_column(Text)
    password_hash: Mapped[str | None] = mapped_column(Text)
    settings: Mapped[dict[str, Any]] = _json("{}")
    created_at: Mapped[dt.datetime] = _created()


class ProcessingRun(Base):
    """Provenance of anything a model or engine produced."""

    __tablename__ = "processing_runs"

    id: Mapped[int] = _pk()
    kind: Mapped[str] = mapped_column(Text)
    llm_model: Mapped[str | None] = mapped_column(Text)
    embedding_model: Mapped[str | None] = mapped_column(Text)
    prompt_hash: Mapped[str | None] = mapped_column(Text)
    temperature: Mapped[float | None] = mapped_column(Float)
    onet_release: Mapped[str | None] = mapped_column(Text)
    engine_version: Mapped[str] = mapped_column(Text)
    params: Mapped[dict[str, Any]] = _json("{}")
    created_at: Mapped[dt.datetime] = _created()


def _run() -> Mapped[int | None]:
    return mapped_column(BigInteger, ForeignKey("processing_runs.id", ondelete="SET NULL"))


class Resume(Base):
    """An uploaded resume, its text and structure; at most one default per owner."""

    __tablename__ = "resumes"
    __table_args__ = (
        UniqueConstraint("id", "owner_id"),
        UniqueConstraint("owner_id", "file_sha256"),
        CheckConstraint(_one_of("status", RESUME_STATUSES), name="status"),
        CheckConstraint("size_bytes >= 0", name="size"),
        CheckConstraint("char_length(coalesce(parsed_json->>'text_preview', '')) <= 1000", name="preview"),
        Index("uq_resumes_one_default", "owner_id", unique=True, postgresql_where=text("is_default")),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    original_filename: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    file_sha256: Mapped[str] = mapped_column(Text)
    raw_text_sha256: Mapped[str | None] = mapped_column(Text)
    raw_text: Mapped[str | None] = mapped_column(Text)
    redacted_text: Mapped[str | None] = mapped_column(Text)
    sections: Mapped[list[Any]] = _json("[]")
    parsed_json: Mapped[dict[str, Any]] = _json("{}")
    status: Mapped[str] = mapped_column(Text, server_default="uploaded")
    is_default: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    processing_run_id: Mapped[int | None] = _run()
    created_at: Mapped[dt.datetime] = _created()


class ProfileSkill(Base):
    """One O*NET-grounded skill of a person, with the evidence that proves it."""

    __tablename__ = "profile_skills"
    __table_args__ = (
        UniqueConstraint("owner_id", "skill_id"),
        CheckConstraint(_one_of("category", SKILL_CATEGORIES), name="category"),
        CheckConstraint(_one_of("source", SKILL_SOURCES), name="source"),
        CheckConstraint("level >= 0 AND level <= 7", name="level"),
        CheckConstraint("proficiency BETWEEN 1 AND 10", name="proficiency"),
        CheckConstraint("years IS NULL OR years >= 0", name="years"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
        CheckConstraint("jsonb_typeof(evidence) = 'array'", name="evidence"),
        CheckConstraint("jsonb_typeof(basis) = 'array'", name="basis"),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    skill_id: Mapped[str] = mapped_column(Text)
    display_name: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text)
    level: Mapped[Decimal] = mapped_column(Numeric(3, 2))
    proficiency: Mapped[int] = mapped_column(Integer)
    years: Mapped[Decimal | None] = mapped_column(Numeric(4, 1))
    evidence: Mapped[list[Any]] = _json("[]")
    source: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    # How the level was reached ("4 years in roles: +0.8"), so every number can be explained.
    basis: Mapped[list[Any]] = _json("[]")
    # Set when the person removed the skill: re-parsing a resume must not bring it back.
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class JobListing(Base):
    """A job posting from any source, shared by everyone; `content_hash` de-duplicates."""

    __tablename__ = "job_listings"
    __table_args__ = (
        CheckConstraint(
            "salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max", name="salary"
        ),
        CheckConstraint("length(trim(title)) > 0", name="title_set"),
    )

    id: Mapped[int] = _pk()
    title: Mapped[str] = mapped_column(Text)
    company: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    job_type: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, server_default="")
    requirements: Mapped[str | None] = mapped_column(Text)
    salary_min: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    salary_max: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    salary_currency: Mapped[str | None] = mapped_column(Text)
    salary_period: Mapped[str | None] = mapped_column(Text)
    external_url: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    platform: Mapped[str | None] = mapped_column(Text)
    company_logo: Mapped[str | None] = mapped_column(Text)
    company_website: Mapped[str | None] = mapped_column(Text)
    remote: Mapped[bool | None] = mapped_column(Boolean)
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    posted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    visa_sponsorship: Mapped[bool | None] = mapped_column(Boolean)
    citizenship_required: Mapped[bool | None] = mapped_column(Boolean)
    pr_required: Mapped[bool | None] = mapped_column(Boolean)
    content_hash: Mapped[str] = mapped_column(Text, unique=True)
    scraped_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class JdAnalysis(Base):
    """The analysis of one posting text (stored job or pasted): required and preferred skills, years."""

    __tablename__ = "jd_analyses"
    __table_args__ = (CheckConstraint("years_experience IS NULL OR years_experience >= 0", name="years"),)

    id: Mapped[int] = _pk()
    job_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("job_listings.id", ondelete="CASCADE"), unique=True
    )
    # Hash of the analysed title and text: a pasted posting has no job, and the same text is analysed once.
    jd_hash: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    engine_version: Mapped[str] = mapped_column(Text)
    required_skills: Mapped[list[Any]] = _json("[]")
    preferred_skills: Mapped[list[Any]] = _json("[]")
    years_experience: Mapped[Decimal | None] = mapped_column(Numeric(4, 1))
    education_level: Mapped[str | None] = mapped_column(Text)
    ats_keywords: Mapped[list[Any]] = _json("[]")
    occupation_code: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = _json("{}")
    processing_run_id: Mapped[int | None] = _run()
    created_at: Mapped[dt.datetime] = _created()


class SavedJob(Base):
    """A job a person keeps an eye on, and where it stands in their pipeline."""

    __tablename__ = "saved_jobs"
    __table_args__ = (
        UniqueConstraint("owner_id", "job_id"),
        CheckConstraint(_one_of("status", SAVED_JOB_STATUSES), name="status"),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    job_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("job_listings.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(Text, server_default="saved")
    status_history: Mapped[list[Any]] = _json("[]")
    note: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class SavedSearch(Base):
    """A job search re-run every `interval_hours` for its owner."""

    __tablename__ = "saved_searches"
    __table_args__ = (
        CheckConstraint("results_wanted BETWEEN 1 AND 1000", name="results_wanted"),
        CheckConstraint("interval_hours >= 1", name="interval"),
        CheckConstraint("length(trim(search_term)) > 0", name="term_set"),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    sources: Mapped[list[Any]] = _json("[]")
    search_term: Mapped[str] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    remote: Mapped[bool | None] = mapped_column(Boolean)
    filters: Mapped[dict[str, Any]] = _json("{}")
    results_wanted: Mapped[int] = mapped_column(Integer, server_default="20")
    interval_hours: Mapped[int] = mapped_column(Integer, server_default="3")
    last_run_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = _created()


class SkillGapReport(Base):
    """What stands between a person's profile and one job, with a versioned score."""

    __tablename__ = "skill_gap_reports"
    __table_args__ = (
        UniqueConstraint("id", "owner_id"),
        ForeignKeyConstraint(
            ["resume_id", "owner_id"], ["resumes.id", "resumes.owner_id"], ondelete="CASCADE"
        ),
        CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="score"),
        CheckConstraint("revision >= 1", name="revision"),
        # Re-running a report (after the person disputes a skill) adds a revision; old ones stay.
        UniqueConstraint("owner_id", "jd_hash", "revision"),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    resume_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    job_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("job_listings.id", ondelete="SET NULL"))
    # Hash of the posting text that was scored: identifies a pasted posting, and keeps a
    # report meaningful after its stored job is gone or its text changed.
    jd_hash: Mapped[str] = mapped_column(Text)
    matched: Mapped[list[Any]] = _json("[]")
    missing: Mapped[list[Any]] = _json("[]")
    weak: Mapped[list[Any]] = _json("[]")
    extra: Mapped[list[Any]] = _json("[]")
    score: Mapped[int | None] = mapped_column(Integer)
    score_breakdown: Mapped[dict[str, Any]] = _json("{}")
    score_version: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, server_default="1")
    report_note: Mapped[str | None] = mapped_column(Text)
    processing_run_id: Mapped[int | None] = _run()
    created_at: Mapped[dt.datetime] = _created()


class LearningItem(Base):
    """A learning resource for one skill, from the curated catalogue or a search."""

    __tablename__ = "learning_items"
    __table_args__ = (
        UniqueConstraint("skill_id", "url"),
        CheckConstraint("hours IS NULL OR hours > 0", name="hours"),
        CheckConstraint("length(trim(title)) > 0", name="title_set"),
    )

    id: Mapped[int] = _pk()
    skill_id: Mapped[str] = mapped_column(Text, index=True)
    title: Mapped[str] = mapped_column(Text)
    provider: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, server_default="course")
    level: Mapped[str | None] = mapped_column(Text)
    hours: Mapped[Decimal | None] = mapped_column(Numeric(6, 1))
    cost: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, server_default="catalogue")
    created_at: Mapped[dt.datetime] = _created()


class ReportLearningItem(Base):
    """A learning item recommended by a gap report, in plan order with its learning value."""

    __tablename__ = "report_learning_items"
    __table_args__ = (CheckConstraint("position >= 0", name="position"),)

    report_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("skill_gap_reports.id", ondelete="CASCADE"), primary_key=True
    )
    learning_item_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("learning_items.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[str] = mapped_column(Text)
    learning_value: Mapped[float] = mapped_column(Float, server_default="0")
    position: Mapped[int] = mapped_column(Integer, server_default="0")


class Goal(Base):
    """Something a person works towards, such as "Become a data engineer by June"."""

    __tablename__ = "goals"
    __table_args__ = (
        UniqueConstraint("id", "owner_id"),
        CheckConstraint(_one_of("status", GOAL_STATUSES), name="status"),
        CheckConstraint("length(trim(title)) > 0", name="title_set"),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Text, server_default="active")
    created_at: Mapped[dt.datetime] = _created()


class Task(Base):
    """A dated piece of work, optionally under a goal and tied to a skill and learning item."""

    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("id", "owner_id"),
        # A composite key makes the database refuse a goal that belongs to someone else.
        ForeignKeyConstraint(["goal_id", "owner_id"], ["goals.id", "goals.owner_id"], ondelete="CASCADE"),
        CheckConstraint("start_date IS NULL OR due_date IS NULL OR start_date <= due_date", name="dates"),
        CheckConstraint("priority BETWEEN 1 AND 5", name="priority"),
        CheckConstraint("done = (done_at IS NOT NULL)", name="done_at"),
        CheckConstraint(_one_of("created_by", TASK_CREATORS), name="created_by"),
        CheckConstraint("length(trim(title)) > 0", name="title_set"),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    goal_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    priority: Mapped[int] = mapped_column(Integer, server_default="3")
    learning_item_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("learning_items.id", ondelete="SET NULL")
    )
    skill_id: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(Text, server_default="user")
    created_at: Mapped[dt.datetime] = _created()


class Note(Base):
    """Free text a person keeps, optionally attached to one of their tasks, reports or jobs."""

    __tablename__ = "notes"
    __table_args__ = (
        ForeignKeyConstraint(["task_id", "owner_id"], ["tasks.id", "tasks.owner_id"], ondelete="CASCADE"),
        ForeignKeyConstraint(
            ["report_id", "owner_id"],
            ["skill_gap_reports.id", "skill_gap_reports.owner_id"],
            ondelete="CASCADE",
        ),
        CheckConstraint("length(trim(content)) > 0", name="content_set"),
    )

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    task_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    report_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    job_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("job_listings.id", ondelete="CASCADE"), index=True
    )
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = _created()


class AgentWrite(Base):
    """A write the agent made after the person approved it, keyed so a resumed step never repeats it."""

    __tablename__ = "agent_writes"
    __table_args__ = (UniqueConstraint("owner_id", "write_key"),)

    id: Mapped[int] = _pk()
    owner_id: Mapped[int] = _owner()
    write_key: Mapped[str] = mapped_column(Text)
    tool: Mapped[str] = mapped_column(Text)
    reply: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict[str, Any]] = _json("{}")
    created_at: Mapped[dt.datetime] = _created()
