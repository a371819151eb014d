"""One resume's text to its structure, contacts, redacted copy and skill profile, without storing anything."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from onet.catalog import Catalog
from onet.extract import Extractor, Span
from tools.resume.career import career_level
from tools.resume.contacts import ContactDetails, find_contacts, redact
from tools.resume.education import Education, find_education
from tools.resume.experience import Role, find_roles, total_years
from tools.resume.profile import ProfileEntry, build_profile
from tools.resume.reading import ResumeText
from tools.resume.sections import Section, find_sections

PREVIEW_CHARS = 1000


@dataclass(frozen=True)
class ParsedResume:
    """Everything Jobmate learns from one resume; offsets refer to `read.text`."""

    read: ResumeText
    sections: list[Section]
    roles: list[Role]
    education: list[Education]
    contacts: ContactDetails
    redacted_text: str
    total_years: float
    career_level: str
    career_level_reason: str
    spans: list[Span]
    skills: list[ProfileEntry]
    warnings: tuple[str, ...]
    model_skills: int = 0

    @property
    def text(self) -> str:
        """The resume text every offset refers to."""
        return self.read.text

    @property
    def raw_text_sha256(self) -> str:
        """Fingerprint of the text, to tell a changed resume from a re-upload."""
        return hashlib.sha256(self.read.text.encode("utf-8")).hexdigest()

    def parsed_json(self) -> dict[str, Any]:
        """The metadata stored with the resume; contact details kept apart from the text."""
        return {
            "file_kind": self.read.file_kind,
            "encoding": self.read.encoding,
            "page_count": self.read.page_count,
            "word_count": self.read.word_count,
            "warnings": list(self.warnings),
            # The preview is shown in lists and may reach a model: it comes from the redacted copy.
            "text_preview": self.redacted_text[:PREVIEW_CHARS],
            "raw_text_sha256": self.raw_text_sha256,
            "contact": self.contacts.as_dict(),
            "roles": [role.as_dict() for role in self.roles],
            "education": [entry.as_dict() for entry in self.education],
            "total_years": self.total_years,
            "career_level": self.career_level,
            "career_level_reason": self.career_level_reason,
            "skill_count": len(self.skills),
            "model_skill_count": self.model_skills,
        }

    def as_dict(self) -> dict[str, Any]:
        """Everything, for `jobmate resume parse --json`."""
        return {
            **self.parsed_json(),
            "sections": [section.as_dict() for section in self.sections],
            "skills": [entry.as_dict() for entry in self.skills],
        }


def parse_resume(read: ResumeText, extractor: Extractor, *, today: dt.date) -> ParsedResume:
    """Structure, contacts, redaction and the skill profile of a resume's text."""
    text = read.text
    sections = find_sections(text)
    contacts = find_contacts(text, sections)
    roles = find_roles(text, sections, today=today)
    education = find_education(text, sections)
    years = total_years(roles, today=today)
    level, reason = career_level(roles, years)
    spans = outside_contacts(extractor.extract(text), contacts)
    skills = build_profile(text, spans, extractor.catalog, sections=sections, roles=roles, today=today)
    warnings = list(read.warnings)
    if not skills:
        warnings.append("No skills from the O*NET taxonomy were found in this resume.")
    return ParsedResume(
        read=read,
        sections=sections,
        roles=roles,
        education=education,
        contacts=contacts,
        redacted_text=redact(text, contacts),
        total_years=years,
        career_level=level,
        career_level_reason=reason,
        spans=spans,
        skills=skills,
        warnings=tuple(warnings),
    )


def with_model_skills(
    parsed: ParsedResume, extra: list[Span], catalog: Catalog, *, today: dt.date
) -> ParsedResume:
    """The parse with further grounded spans (from a model's pass) merged into its profile."""
    taken = {(s.start, s.end) for s in parsed.spans}
    fresh = [s for s in outside_contacts(extra, parsed.contacts) if (s.start, s.end) not in taken]
    if not fresh:
        return parsed
    spans = sorted([*parsed.spans, *fresh], key=lambda s: s.start)
    skills = build_profile(
        parsed.text,
        spans,
        catalog,
        sections=parsed.sections,
        roles=parsed.roles,
        today=today,
        methods={(s.start, s.end): "model" for s in fresh},
    )
    known = {entry.skill_id for entry in parsed.skills}
    added = sum(1 for entry in skills if entry.skill_id not in known)
    warnings = tuple(w for w in parsed.warnings if not w.startswith("No skills from"))
    return dataclasses.replace(parsed, spans=spans, skills=skills, model_skills=added, warnings=warnings)


def with_warning(parsed: ParsedResume, warning: str) -> ParsedResume:
    """The parse with one more warning for the person."""
    return dataclasses.replace(parsed, warnings=(*parsed.warnings, warning))


def outside_contacts(spans: list[Span], contacts: ContactDetails) -> list[Span]:
    """Spans that do not sit inside a contact detail ("GitHub" in a profile link is no skill)."""
    blocked = [(item.start, item.end) for item in contacts.items]
    return [s for s in spans if not any(s.start < end and s.end > start for start, end in blocked)]
