"""SQLAlchemy models of the O*NET knowledge base and the skill ontology built from it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from persistence.models import Base

SKILL_KINDS = ("skill", "knowledge", "ability", "technology", "concept")
TITLE_KINDS = ("alternate", "short", "reported")
RATING_DOMAINS = ("skills", "knowledge", "abilities")


def _code() -> Mapped[str]:
    return mapped_column(Text, ForeignKey("onet_occupations.code", ondelete="CASCADE"), primary_key=True)


class OnetRelease(Base):
    """One import of an O*NET release: which, from where, how many rows, what was skipped."""

    __tablename__ = "onet_releases"
    __table_args__ = (
        Index("uq_onet_releases_one_current", "is_current", unique=True, postgresql_where=text("is_current")),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    version: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    counts: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    skipped: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    missing_files: Mapped[list[Any]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    is_current: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class OnetOccupation(Base):
    """An O*NET-SOC occupation."""

    __tablename__ = "onet_occupations"

    code: Mapped[str] = mapped_column(Text, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    job_zone: Mapped[int | None] = mapped_column(Integer)


class OnetElement(Base):
    """A content-model element (a skill, a knowledge area, an education scale...)."""

    __tablename__ = "onet_elements"

    element_id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)


class OnetRating(Base):
    """Importance (1-5) and level (0-7) of a skill, knowledge or ability element for an occupation."""

    __tablename__ = "onet_ratings"
    __table_args__ = (CheckConstraint("domain IN ('skills', 'knowledge', 'abilities')", name="domain"),)

    code: Mapped[str] = _code()
    element_id: Mapped[str] = mapped_column(
        Text, ForeignKey("onet_elements.element_id", ondelete="CASCADE"), primary_key=True
    )
    domain: Mapped[str] = mapped_column(Text)
    importance: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    level: Mapped[Decimal | None] = mapped_column(Numeric(4, 2))
    not_relevant: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))


class Skill(Base):
    """A node of the skill ontology: an O*NET element, a technology example or a curated concept."""

    __tablename__ = "skills"
    __table_args__ = (
        CheckConstraint("kind IN ('skill', 'knowledge', 'ability', 'technology', 'concept')", name="kind"),
    )

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(Text)
    framework: Mapped[str] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(Text)
    taxonomy_path: Mapped[str] = mapped_column(Text)
    hot: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    in_demand: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    meta: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))


class SkillAlias(Base):
    """Another way to write a skill; `alias_key` is the normalised form used for matching."""

    __tablename__ = "skill_aliases"

    alias_key: Mapped[str] = mapped_column(Text, primary_key=True)
    skill_id: Mapped[str] = mapped_column(
        Text, ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    alias: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)


class OnetTechnology(Base):
    """A technology example used in an occupation, with O*NET's hot and in-demand flags."""

    __tablename__ = "onet_technologies"

    code: Mapped[str] = _code()
    skill_id: Mapped[str] = mapped_column(
        Text, ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    example: Mapped[str] = mapped_column(Text)
    commodity_code: Mapped[str | None] = mapped_column(Text)
    commodity_title: Mapped[str | None] = mapped_column(Text)
    hot: Mapped[bool] = mapped_column(Boolean)
    in_demand: Mapped[bool] = mapped_column(Boolean)


class OnetTool(Base):
    """A tool used in an occupation."""

    __tablename__ = "onet_tools"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(
        Text, ForeignKey("onet_occupations.code", ondelete="CASCADE"), index=True
    )
    example: Mapped[str] = mapped_column(Text)
    commodity_code: Mapped[str | None] = mapped_column(Text)
    commodity_title: Mapped[str | None] = mapped_column(Text)


class OnetTitle(Base):
    """An alternate, short or sample-reported title of an occupation."""

    __tablename__ = "onet_titles"
    __table_args__ = (CheckConstraint("kind IN ('alternate', 'short', 'reported')", name="kind"),)

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(
        Text, ForeignKey("onet_occupations.code", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)


class OnetTask(Base):
    """A task statement of an occupation."""

    __tablename__ = "onet_tasks"

    task_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(
        Text, ForeignKey("onet_occupations.code", ondelete="CASCADE"), index=True
    )
    task: Mapped[str] = mapped_column(Text)
    task_type: Mapped[str | None] = mapped_column(Text)


class OnetRelated(Base):
    """An occupation related to another, with O*NET's tier and rank."""

    __tablename__ = "onet_related"

    code: Mapped[str] = _code()
    related_code: Mapped[str] = mapped_column(
        Text, ForeignKey("onet_occupations.code", ondelete="CASCADE"), primary_key=True
    )
    tier: Mapped[str] = mapped_column(Text)
    rank: Mapped[int] = mapped_column(Integer)


class OnetEducation(Base):
    """Education, training and experience: share of workers per category, or a rating (category 0)."""

    __tablename__ = "onet_education"

    code: Mapped[str] = _code()
    element_id: Mapped[str] = mapped_column(Text, primary_key=True)
    scale_id: Mapped[str] = mapped_column(Text, primary_key=True)
    category: Mapped[int] = mapped_column(Integer, primary_key=True)
    # A share of workers (0-100) for a category, or the scale's own rating when category is 0.
    value: Mapped[Decimal] = mapped_column(Numeric(6, 2))
