"""The level a posting asks for one skill, read from the words around it ("expert in", "3+ years of")."""

from __future__ import annotations

import re

# Levels on O*NET's 0-7 scale, on the same footing as the resume estimate: a person who used a skill
# at work for N years reaches about 2.5 + 0.2 N there, so "N years of X" asks for the same.
EXPERT, STRONG, WORKING, FAMILIAR = 5.0, 4.0, 3.0, 2.0
USED_BASE, PER_YEAR, YEARS_CAP = 2.5, 0.2, 10.0

_CUES: tuple[tuple[re.Pattern[str], float, str], ...] = (
    (
        re.compile(
            r"\b(expert|expertise|advanced|mastery|deep (?:knowledge|understanding|expertise)|extensive)\b"
        ),
        EXPERT,
        "asked as expert or advanced",
    ),
    (
        re.compile(
            r"\b(strong|proficien(?:t|cy)|solid|excellent|thorough|in-depth|highly skilled|fluen(?:t|cy))\b"
        ),
        STRONG,
        "asked as strong or proficient",
    ),
    (
        re.compile(
            r"\b(familiarity|familiar|basic|exposure|awareness|introductory|some (?:knowledge|experience))\b"
        ),
        FAMILIAR,
        "asked as familiarity",
    ),
    (
        re.compile(r"\b(working knowledge|hands-on|experience (?:with|in|using)|knowledge of|skilled in)\b"),
        WORKING,
        "asked as working knowledge",
    ),
)
_YEARS = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\+|or more|plus)?\s*"
    r"(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# A cue speaks for the skills of its own list item or clause, not for the whole paragraph.
_ITEM_END = re.compile(r"[.;\n•·]|\s-\s|\u2022")


def item_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the list item or sentence that holds text[start:end]."""
    left = max(
        (m.end() for m in _ITEM_END.finditer(text, max(0, start - 300), start)), default=max(0, start - 300)
    )
    found = _ITEM_END.search(text, end, min(len(text), end + 300))
    right = found.start() if found else min(len(text), end + 300)
    return left, right


def needed_level(text: str, start: int, end: int) -> tuple[float, str] | None:
    """The level the posting asks for the skill at text[start:end], with the words that say so."""
    left, right = item_around(text, start, end)
    item = text[left:right]
    years = _YEARS.search(item)
    if years is not None:
        raw = years.group(1).lower()
        count = float(_NUMBER_WORDS.get(raw, 0) or int(raw))
        if 0 < count <= 30:
            level = round(USED_BASE + PER_YEAR * min(count, YEARS_CAP), 2)
            return level, f'"{years.group(0).strip()}" asks for about level {level:g}'
    lowered = item.lower()
    for pattern, level, reason in _CUES:
        found = pattern.search(lowered)
        if found is not None:
            return level, f'{reason} ("{found.group(0)}")'
    return None
