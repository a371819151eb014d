"""A person's skill profile: skills from resumes merged with the ones they add or change by hand."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from persistence.errors import InvalidValueError, NotFoundError, integrity_errors
from persistence.models import ProfileSkill

_EDITABLE = {"display_name", "category", "level", "proficiency", "years", "confidence"}


def merged_source(current: str, incoming: str) -> str:
    """The source after a skill seen as `current` is seen again as `incoming`."""
    if current == incoming:
        return current
    if {current, incoming} <= {"resume", "manual", "both"}:
        return "both"
    return incoming if current == "task" else current


def upsert_skill(
    session: Session,
    *,
    owner_id: int,
    skill_id: str,
    display_name: str,
    category: str,
    level: float | Decimal,
    proficiency: int,
    confidence: float,
    source: str,
    years: float | Decimal | None = None,
    evidence: list[dict[str, Any]] | None = None,
    basis: list[str] | None = None,
) -> ProfileSkill:
    """Add a skill, or merge it into the owner's existing one (evidence appended, source merged).

    A skill the person changed by hand keeps their values when a resume is parsed again, and one
    they removed stays removed unless they add it back by hand.
    """
    existing = find_skill(session, owner_id=owner_id, skill_id=skill_id)
    with integrity_errors(session):
        if existing is None:
            existing = ProfileSkill(
                owner_id=owner_id,
                skill_id=skill_id,
                display_name=display_name,
                category=category,
                level=level,
                proficiency=proficiency,
                years=years,
                confidence=confidence,
                source=source,
                evidence=list(evidence or []),
                basis=list(basis or []),
            )
            session.add(existing)
        else:
            hand_set = existing.source in {"manual", "both"}
            if source == "manual":
                existing.removed_at = None
            if not hand_set or source == "manual":
                if basis is not None:
                    existing.basis = list(basis)
                existing.display_name = display_name
                existing.category = category
                existing.level = Decimal(str(level))
                existing.proficiency = proficiency
                existing.years = Decimal(str(years)) if years is not None else existing.years
                existing.confidence = confidence
            seen = {(e.get("resume_id"), e.get("start"), e.get("end")) for e in existing.evidence}
            fresh = [
                e for e in evidence or [] if (e.get("resume_id"), e.get("start"), e.get("end")) not in seen
            ]
            existing.evidence = [*existing.evidence, *fresh]
            existing.source = merged_source(existing.source, source)
    return existing


def find_skill(session: Session, *, owner_id: int, skill_id: str) -> ProfileSkill | None:
    """The owner's profile entry for this skill id, if any."""
    query = select(ProfileSkill).where(ProfileSkill.owner_id == owner_id, ProfileSkill.skill_id == skill_id)
    return session.scalars(query).first()


def list_skills(session: Session, *, owner_id: int, include_removed: bool = False) -> list[ProfileSkill]:
    """The owner's profile, strongest skills first; skills they removed only when asked for."""
    query = select(ProfileSkill).where(ProfileSkill.owner_id == owner_id)
    if not include_removed:
        query = query.where(ProfileSkill.removed_at.is_(None))
    ordered = query.order_by(ProfileSkill.level.desc(), ProfileSkill.display_name)
    return list(session.scalars(ordered))


def update_skill(session: Session, *, owner_id: int, skill_id: str, changes: dict[str, Any]) -> ProfileSkill:
    """Change a skill by hand; it is marked as the person's own so re-parsing keeps it."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise InvalidValueError(f"these skill fields cannot be changed: {', '.join(sorted(unknown))}")
    skill = find_skill(session, owner_id=owner_id, skill_id=skill_id)
    if skill is None or skill.removed_at is not None:
        raise NotFoundError(f"skill {skill_id} is not in your profile")
    with integrity_errors(session):
        for name, value in changes.items():
            setattr(skill, name, value)
        skill.source = merged_source(skill.source, "manual")
    return skill


def remove_skill(session: Session, *, owner_id: int, skill_id: str) -> None:
    """Take a skill out of the owner's profile.

    A skill a resume evidences is kept as removed, so parsing that resume again leaves it out.
    """
    skill = find_skill(session, owner_id=owner_id, skill_id=skill_id)
    if skill is None or skill.removed_at is not None:
        raise NotFoundError(f"skill {skill_id} is not in your profile")
    if skill.evidence:
        skill.removed_at = func.now()
    else:
        session.delete(skill)
    session.flush()


def drop_resume_evidence(session: Session, *, owner_id: int, resume_id: int) -> int:
    """Forget what one resume evidenced, before it is parsed again or deleted.

    Skills left with no evidence that came only from resumes disappear; hand-made ones and
    removed ones (the removal must be remembered) stay. Returns how many skills disappeared.
    """
    gone = 0
    for skill in session.scalars(select(ProfileSkill).where(ProfileSkill.owner_id == owner_id)):
        kept = [e for e in skill.evidence if e.get("resume_id") != resume_id]
        if len(kept) == len(skill.evidence):
            continue
        skill.evidence = kept
        if not kept and skill.source == "resume" and skill.removed_at is None:
            session.delete(skill)
            gone += 1
        elif not kept and skill.source == "both":
            skill.source = "manual"
    session.flush()
    return gone
