"""The skill profile of one resume: extractor spans merged per O*NET node, with evidence and a level."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from onet.catalog import Catalog
from onet.extract import Span
from tools.resume.experience import Role, last_used, years_at
from tools.resume.sections import Section, section_at

# Evidence kept per skill: enough to convince a reader, small enough to show in a chat.
MAX_EVIDENCE = 5
CONTEXT_CHARS = 160

# Level on O*NET's 0-7 scale. A resume alone never proves mastery, so estimates stay in [1, 6].
LEVEL_FLOOR, LEVEL_CEILING = 1.0, 6.0
LISTED_BASE, USED_BASE = 2.0, 2.5
PER_YEAR, YEARS_CAP = 0.2, 10.0

_OWNERSHIP = re.compile(
    r"\b(led|lead|leading|architected|designed|built|owned|own|managed|implemented|developed|"
    r"created|launched|spearheaded|established|mentored|trained|directed|headed|oversaw)\b",
    re.IGNORECASE,
)
_STRONG = re.compile(r"\b(expert|advanced|extensive|proficient|fluent|strong|certified)\b", re.IGNORECASE)
_WEAK = re.compile(r"\b(basic|beginner|familiar|familiarity|exposure|learning|introductory)\b", re.IGNORECASE)
_SENIOR = re.compile(
    r"\b(senior|sr\.?|lead|principal|staff|head|manager|director|chief|vp|architect)\b", re.IGNORECASE
)
_LISTING_SECTIONS = frozenset({"skills", "summary", "certifications", "others"})


@dataclass(frozen=True)
class Evidence:
    """Words of the resume that show a skill: the quote is exactly text[start:end]."""

    quote: str
    start: int
    end: int
    section: str | None
    context: str
    method: str = "extract"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, as stored in profile_skills.evidence."""
        return asdict(self)


@dataclass(frozen=True)
class ProfileEntry:
    """One skill of the profile, merged over all the places the resume shows it."""

    skill_id: str
    name: str
    kind: str
    category: str
    level: float
    proficiency: int
    confidence: float
    years: float | None
    mentions: int
    evidence: tuple[Evidence, ...]
    basis: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for `jobmate resume parse --json`."""
        return {**asdict(self), "basis": list(self.basis), "evidence": [e.as_dict() for e in self.evidence]}


def context_of(text: str, start: int, end: int) -> str:
    """The line around a span, trimmed to about CONTEXT_CHARS around it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    half = max(0, (CONTEXT_CHARS - (end - start)) // 2)
    lo, hi = max(line_start, start - half), min(line_end, end + half)
    snippet = text[lo:hi].strip()
    return ("…" if lo > line_start else "") + snippet + ("…" if hi < line_end else "")


def proficiency_for(level: float) -> int:
    """Proficiency 1-10 from a level on the 0-7 scale."""
    return max(1, min(10, round(level / 7 * 10)))


def combined_confidence(confidences: list[float]) -> float:
    """Chance that at least one mention is right, treating mentions as independent; capped at 0.99."""
    miss = 1.0
    for confidence in confidences:
        miss *= 1.0 - confidence
    return round(min(0.99, 1.0 - miss), 3)


def build_profile(
    text: str,
    spans: list[Span],
    catalog: Catalog,
    *,
    sections: list[Section],
    roles: list[Role],
    today: dt.date,
    methods: dict[tuple[int, int], str] | None = None,
) -> list[ProfileEntry]:
    """Merge spans per skill id and estimate each skill's level from its evidence; strongest first."""
    by_skill: dict[str, list[Span]] = {}
    for span in spans:
        by_skill.setdefault(span.skill_id, []).append(span)
    entries = [
        _entry(text, group, catalog, sections=sections, roles=roles, today=today, methods=methods or {})
        for group in by_skill.values()
    ]
    return sorted(entries, key=lambda e: (-e.level, -e.mentions, e.name.lower()))


def _entry(
    text: str,
    spans: list[Span],
    catalog: Catalog,
    *,
    sections: list[Section],
    roles: list[Role],
    today: dt.date,
    methods: dict[tuple[int, int], str],
) -> ProfileEntry:
    first = spans[0]
    info = catalog.skills.get(first.skill_id)
    evidence = []
    for span in spans:
        section = section_at(sections, span.start)
        evidence.append(
            Evidence(
                quote=text[span.start : span.end],
                start=span.start,
                end=span.end,
                section=section.kind if section else None,
                context=context_of(text, span.start, span.end),
                method=methods.get((span.start, span.end), "extract"),
            )
        )
    offsets = [span.start for span in spans]
    years = years_at(roles, offsets, today=today)
    level, basis = estimate_level(text, evidence, roles, offsets, years=years, today=today)
    # Prefer evidence from experience and projects: that is where a reader looks for proof.
    shown = sorted(evidence, key=lambda e: (e.section not in {"experience", "projects"}, e.start))
    return ProfileEntry(
        skill_id=first.skill_id,
        name=info.name if info else first.name,
        kind=info.kind if info else first.kind,
        category=info.category if info else "concept",
        level=level,
        proficiency=proficiency_for(level),
        confidence=combined_confidence([span.confidence for span in spans]),
        years=years,
        mentions=len(spans),
        evidence=tuple(sorted(shown[:MAX_EVIDENCE], key=lambda e: e.start)),
        basis=tuple(basis),
    )


def estimate_level(
    text: str,
    evidence: list[Evidence],
    roles: list[Role],
    offsets: list[int],
    *,
    years: float | None,
    today: dt.date,
) -> tuple[float, list[str]]:
    """Level on the 0-7 scale and the reasons for it, from where and how the resume shows the skill.

    Starts at 2.0 when the skill is only listed and 2.5 when it appears in work or projects; adds
    0.2 per year of the roles that mention it (at most 10 years), 0.5 for ownership verbs
    ("led", "built") in the same sentence, 0.5 for a senior title on a role that mentions it,
    0.5 for words like "expert", 0.25 when two or more roles use it; subtracts 0.5 for words like
    "basic" and 0.5 (1.0) when it was last used more than 5 (10) years ago. Clamped to [1, 6].
    """
    used = any(e.section not in _LISTING_SECTIONS for e in evidence)
    level = USED_BASE if used else LISTED_BASE
    basis = [f"{'used in work or projects' if used else 'listed as a skill'}: {level:g}"]
    if years:
        gain = round(min(years, YEARS_CAP) * PER_YEAR, 2)
        level += gain
        basis.append(f"{years:g} years in roles that mention it: +{gain:g}")
    sentences = [_sentence(text, e.start, e.end) for e in evidence]
    if any(_OWNERSHIP.search(s) for s in sentences):
        level += 0.5
        basis.append("ownership verbs next to it (led, built, designed…): +0.5")
    if any(_SENIOR.search(role.title) for role in _roles_at(roles, offsets)):
        level += 0.5
        basis.append("mentioned in a senior role: +0.5")
    if any(_STRONG.search(s) for s in sentences):
        level += 0.5
        basis.append("described as expert, advanced or proficient: +0.5")
    if any(_WEAK.search(s) for s in sentences):
        level -= 0.5
        basis.append("described as basic or familiar: -0.5")
    # Distinct roles, not mentions: repeating a word cannot raise a level, using it in two jobs can.
    roles_using = len(_roles_at(roles, offsets))
    if roles_using >= 2:
        level += 0.25
        basis.append(f"used in {roles_using} roles: +0.25")
    last = last_used(roles, offsets, today=today)
    if last is not None:
        age = (today - last).days / 365.25
        if age > 10:
            level -= 1.0
            basis.append(f"last used {last.year}: -1")
        elif age > 5:
            level -= 0.5
            basis.append(f"last used {last.year}: -0.5")
    clamped = round(min(LEVEL_CEILING, max(LEVEL_FLOOR, level)), 2)
    if clamped != round(level, 2):
        basis.append(f"kept within {LEVEL_FLOOR:g}-{LEVEL_CEILING:g}")
    return clamped, basis


def _roles_at(roles: list[Role], offsets: list[int]) -> list[Role]:
    return [r for r in roles if any(r.span_start <= o < r.span_end for o in offsets)]


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence or list line around a span: bullets and lines end a sentence too."""
    lo = max(text.rfind(mark, 0, start) for mark in (".", "\n", ";", "•"))
    hi_candidates = [i for i in (text.find(mark, end) for mark in (".", "\n", ";", "•")) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return text[lo + 1 : hi]
