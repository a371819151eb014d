"""Career level from years of experience and the words of the most recent job titles."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tools.resume.experience import Role

CAREER_LEVELS = ("entry", "junior", "mid", "senior", "lead", "executive")

# Years of experience at which each level starts, before titles are considered.
# Years alone never make lead or executive: those need a title that says so.
_YEAR_THRESHOLDS = ((7.0, "senior"), (3.0, "mid"), (1.0, "junior"), (0.0, "entry"))
# Title words, most senior first: the first group that a title matches gives its level.
_TITLE_LEVELS = (
    (
        "executive",
        r"director|vice president|vp|svp|evp|chief|ceo|cfo|coo|cto|cio|cmo|president|owner|partner|"
        r"founder|co-founder|principal owner",
    ),
    ("lead", r"lead|principal|staff|head|manager|supervisor|superintendent"),
    ("senior", r"senior|sr"),
    ("junior", r"junior|jr"),
    ("entry", r"intern|trainee|apprentice|assistant|student|graduate"),
)
# "Associate Director" is a lead, "Assistant Manager" in the middle: deputies rank below their title.
_DEPUTY = re.compile(r"\b(?:assistant|asst|associate|deputy)\s+(?:to\s+(?:the\s+)?)?\w+", re.IGNORECASE)
# A title may lift the level two steps above the years, and lower it one step below.
_MAX_TITLE_LIFT = 2
_MAX_TITLE_DROP = 1


def _title_level(title: str) -> str | None:
    for level, words in _TITLE_LEVELS:
        match = re.search(rf"\b(?:{words})\b\.?", title, re.IGNORECASE)
        if match is None:
            continue
        deputy = _DEPUTY.search(title)
        if deputy and level in {"executive", "lead"} and deputy.start() < match.start():
            return "lead" if level == "executive" else "mid"
        if (
            level == "lead"
            and re.match(r"staff\b", title.strip(), re.IGNORECASE)
            and "engineer" not in title.lower()
        ):
            # "Staff Accountant" is an ordinary accountant; "Staff Engineer" is a senior rank.
            continue
        return level
    return None


def _years_level(years: float) -> str:
    return next(level for floor, level in _YEAR_THRESHOLDS if years >= floor)


def _recent(roles: list[Role]) -> list[Role]:
    """The current roles, else the one that ended last, else the first listed (resumes go newest first)."""
    current = [r for r in roles if r.current]
    if current:
        return current
    dated = [r for r in roles if r.end is not None]
    if dated:
        return [max(dated, key=lambda r: r.end or datetime.date.min)]
    return roles[:1]


def career_level(roles: list[Role], years: float) -> tuple[str, str]:
    """(level, one-sentence reason) from total years plus the words of the most recent title(s)."""
    base = _years_level(years)
    best: tuple[int, str] | None = None
    for role in _recent(roles):
        level = _title_level(role.title)
        if level is not None and (best is None or CAREER_LEVELS.index(level) > best[0]):
            best = (CAREER_LEVELS.index(level), role.title)
    if best is None:
        return base, f"{years:g} years of experience and no seniority words in the latest title."
    base_index = CAREER_LEVELS.index(base)
    index = min(max(best[0], base_index - _MAX_TITLE_DROP), base_index + _MAX_TITLE_LIFT)
    level = CAREER_LEVELS[index]
    return (
        level,
        f"{years:g} years of experience and the latest title '{best[1]}' ({CAREER_LEVELS[best[0]]}).",
    )
