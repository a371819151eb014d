"""The person side of a gap report, from a freshly parsed resume or from the stored profile."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from onet.occupations import OccupationTable
from persistence.models import ProfileSkill
from tools.gap.score import ROLE_RECENCY, HeldSkill, Person, RoleOccupation
from tools.resume.parse import ParsedResume

# A role title must match an O*NET title this well to say what the person does.
ROLE_MATCH_MIN = 0.5
# Other occupations matching a title within TIE of the best are kept as alternatives.
TIE, MAX_ALTERNATIVES = 0.02, 8
# A resume's first line names a profession when it is this short ("Senior Accountant").
HEADLINE_WORDS = 6


def person_from_resume(parsed: ParsedResume, occupations: OccupationTable) -> Person:
    """The person a parsed resume shows: its profile skills, total years and recent roles."""
    skills = {
        entry.skill_id: HeldSkill(
            skill_id=entry.skill_id,
            name=entry.name,
            level=entry.level,
            years=entry.years,
            quote=entry.evidence[0].quote if entry.evidence else None,
            section=entry.evidence[0].section if entry.evidence else None,
            context=entry.evidence[0].context if entry.evidence else None,
        )
        for entry in parsed.skills
    }
    roles = [role.as_dict() for role in parsed.roles]
    headline = _headline(parsed)
    found = role_occupations(roles, occupations, headline, list(skills))
    return Person(skills, parsed.total_years or None, found)


def person_from_profile(
    rows: Iterable[ProfileSkill], parsed_json: dict[str, Any] | None, occupations: OccupationTable
) -> Person:
    """The person of a stored profile, with the roles and years of their default resume when they have one."""
    skills: dict[str, HeldSkill] = {}
    for row in rows:
        first = row.evidence[0] if row.evidence else {}
        skills[row.skill_id] = HeldSkill(
            skill_id=row.skill_id,
            name=row.display_name,
            level=float(row.level),
            years=float(row.years) if row.years is not None else None,
            quote=first.get("quote"),
            section=first.get("section"),
            context=first.get("context"),
            source=row.source,
        )
    parsed = parsed_json or {}
    years = parsed.get("total_years") or None
    # The stored preview is the redacted text: a name there is "[NAME]", so its first line is safe.
    headline = _first_line_title(str(parsed.get("text_preview") or ""), None)
    found = role_occupations(parsed.get("roles", []), occupations, headline, list(skills))
    return Person(skills, years, found)


def role_occupations(
    roles: list[dict[str, Any]], occupations: OccupationTable, headline: str | None, skill_ids: list[str]
) -> tuple[RoleOccupation, ...]:
    """O*NET occupations of the most recent roles (and the resume's headline), most recent first.

    A title O*NET gives to several occupations ("Teacher") keeps all of them as alternatives; the
    one the person's skills fit best is the role's main occupation.
    """
    ordered = sorted(roles, key=_recency, reverse=True)
    titles = [str(role.get("title") or "").strip() for role in ordered]
    if headline:
        titles.insert(0, headline)
    found: list[RoleOccupation] = []
    for title in titles:
        match = occupations.best_for(title, skill_ids)
        if match is None or match.score < ROLE_MATCH_MIN or any(r.code == match.code for r in found):
            continue
        recency = ROLE_RECENCY[len({r.title for r in found})]
        found.append(RoleOccupation(match.code, title, recency, main=True))
        for other in occupations.match_title(title, limit=MAX_ALTERNATIVES):
            if other.code != match.code and other.score >= match.score - TIE:
                found.append(RoleOccupation(other.code, title, recency, main=False))
        if len({r.title for r in found}) == len(ROLE_RECENCY):
            break
    return tuple(found)


def _recency(role: dict[str, Any]) -> tuple[bool, str, str]:
    # Current roles first, then by end and start date; undated roles keep their place at the end.
    return (bool(role.get("current")), str(role.get("end") or ""), str(role.get("start") or ""))


def _headline(parsed: ParsedResume) -> str | None:
    """The line a resume opens with when it names a profession ("HR ADMINISTRATOR"), not the person."""
    return _first_line_title(parsed.text, parsed.contacts.name)


def _first_line_title(text: str, name: str | None) -> str | None:
    for line in text.splitlines()[:3]:
        stripped = line.strip()
        if not stripped:
            continue
        if (name and name.lower() in stripped.lower()) or "[" in stripped:
            return None
        return stripped if len(stripped.split()) <= HEADLINE_WORDS else None
    return None
