"""Arguments of the profile and knowledge requests: skill names, levels, occupation queries and codes.

Level words map to the profile's 1-5 scale: expert 5, advanced 4, intermediate 3, basic/beginner 2;
"level N", "N/5" and "N out of 5" give N. Everyday words count as their nearest level: "pretty well",
"strong", "very good", "proficient" and "fluent" as advanced; "good", "solid", "decent" and "comfortable"
as intermediate; "a bit", "some" and "novice" as basic.
"""

from __future__ import annotations

import re
from typing import Any

from agent.request_references import NeedsDetail

_LEVEL_WORDS: tuple[tuple[float, str], ...] = (
    (5.0, r"expert|master|guru|excellent|extremely good"),
    (
        4.0,
        r"advanced|very good|really good|pretty well|quite well|very well|really well|strong|proficient"
        r"|fluent",
    ),
    (3.0, r"intermediate|good|solid|decent|comfortable|moderate|average"),
    (2.0, r"basic|beginner|novice|junior|a bit|a little|some|just started|entry[- ]level"),
)
_LEVEL_NUMBER = re.compile(
    r"\blevel\s*(?:of\s*|to\s*)?([1-5](?:\.\d)?)\b|\b([1-5](?:\.\d)?)\s*(?:/\s*5|out of 5)\b", re.I
)
_TO_NUMBER = re.compile(r"\bto\s+([1-5](?:\.\d)?)\b", re.I)
_ANY_LEVEL = "|".join(words for _, words in _LEVEL_WORDS)
_NEGATED = re.compile(rf"\bnot\s+(?:an?\s+)?(?:{_ANY_LEVEL})\b", re.I)


def level_of(text: str) -> float | None:
    """The 1-5 level said in the text, None when none is (a negated one, "not expert", is ignored)."""
    text = _NEGATED.sub(" ", text)
    number = _LEVEL_NUMBER.search(text) or _TO_NUMBER.search(text)
    if number:
        return float(number.group(1) or number.group(2))
    best: tuple[int, float] | None = None
    for level, words in _LEVEL_WORDS:
        match = re.search(rf"\b(?:{words})\b", text, re.I)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), level)
    return best[1] if best else None


_CUT = re.compile(
    r"[,;!?()]|\.(?:\s|$)|\s[-\u2013\u2014]\s|\s+(?:and\s+)?(?:can you|could you|please|pls|too|as well|now|"
    r"right now|for me|to me|thanks|because|since|(?:from|off|out of|on|in|to) my|i\b|it\b)",
    re.I,
)
# A level word ends a name only after "at"/"as" or before "level": "Visual Basic" keeps its "Basic".
_TRAILING_LEVEL = re.compile(
    rf"\s+(?:(?:at|on|as|to)\s+(?:an?\s+)?(?:{_ANY_LEVEL})(?:\s+level)?|(?:an?\s+)?(?:{_ANY_LEVEL})\s+level"
    r"|(?:pretty|quite|very|really)\s+well|level\s*\d.*|skills?|level)$",
    re.I,
)
_LEADING = re.compile(
    r"^(?:the\s+skill\s+|skill\s+|the\s+|my\s+|an?\s+bit\s+of\s+|a\s+little\s+(?:bit\s+of\s+)?|some\s+|basic\s+|an?\s+)",
    re.I,
)


def clean_name(raw: str) -> str:
    """A skill or topic name from the words after a request's frame, without what follows it."""
    name = _CUT.split(raw, maxsplit=1)[0].strip(" '\"\u2018\u2019\u201c\u201d:")
    for _ in range(2):
        name = _TRAILING_LEVEL.sub("", name).strip()
        name = _LEADING.sub("", name).strip()
    return name.strip(" '\"\u2018\u2019\u201c\u201d:")


def _first(patterns: tuple[str, ...], text: str) -> str | None:
    for pattern in patterns:
        match = re.search(pattern, text, re.I)
        if match and clean_name(match.group("s")):
            return clean_name(match.group("s"))
    return None


_PROFILE = r"(?:my\s+)?(?:profile|skills?|skill list|skillset|cv|resume)"
_ADD = (
    rf"\b(?:add|put|include|list)\s+(?P<s>.+?)\s+(?:to|on|in|into)\s+{_PROFILE}\b",
    r"\b(?:add|new)\s+(?:the\s+)?skill\s*:?\s+(?P<s>.+)",
    r"\bi(?:'m| am)\s+(?:also\s+)?(?:an?\s+)?(?:\w+\s+)?(?:expert|advanced|intermediate|beginner|good|skilled"
    r"|proficient|fluent|strong|experienced|great|competent)\s+(?:in|at|with)\s+(?P<s>.+)",
    r"\bi\s+(?:also\s+)?(?:know|can use|can do|speak|use|work with)\s+(?P<s>.+)",
    r"\bi(?:'ve|\s+have)(?:\s+got)?\s+(?:\w+\s+)?(?:knowledge|experience|skills?)\s+(?:of|in|with)\s+(?P<s>.+)",
    r"\b(?:years?|yrs)\s+(?:of\s+)?(?:experience\s+|work\s+)?(?:with|in|using|doing)\s+(?P<s>.+)",
    r"\b(?:add|put|include)\s+(?P<s>.+)",
)
_CHANGE = (
    r"\b(?:level|proficiency)\s+(?:in|for|of|at)\s+(?P<s>.+?)\s+(?:to|at)\b",
    r"\b(?:set|change|update|bump|raise|lower|adjust|increase|decrease|upgrade|downgrade|move|make)\s+(?:my\s+)?(?P<s>.+?)(?:'s)?"
    r"(?:\s+(?:level|skill|proficiency))?(?:\s+(?:up|down))?\s+(?:to|at)\b",
    r"\bmy\s+(?P<s>.+?)\s+(?:level\s+|skill\s+)?(?:should be|is (?:more like|actually|really|now))\b",
    r"\bi(?:'m| am)\s+(?:(?:actually|really|now|only|just|honestly)\s+)*(?:an?\s+)?(?:\w+\s+)?"
    rf"(?:{_ANY_LEVEL})\s+(?:at|in|with)\s+(?P<s>.+)",
    r"\b(?:make|set|put)\s+(?:my\s+)?(?P<s>.+?)\s+(?:level\s+)?(?:to\s+|at\s+)?(?:level\s+)?[1-5]\b",
)
_REMOVE = (
    r"\b(?:remove|delete|drop|erase)\s+(?P<s>.+?)\s+(?:from|off|out of)\b",
    r"\btake\s+(?P<s>.+?)\s+(?:off|out)\b",
    r"\bget rid of\s+(?P<s>.+)",
    r"^(?P<s>.+?)\s+(?:isn't|is not|aren't|are not)\s+(?:one of\s+|among\s+)?my\s+(?:skills?|strengths?)\b",
    r"\b(?:don't|do not|never|didn't|did not)\s+(?:really\s+|actually\s+)?(?:know|knew|used?|have)"
    r"\s+(?P<s>.+)",
    r"\b(?:remove|delete|drop|erase)\s+(?P<s>.+)",
)
_PRONOUN = re.compile(r"^(?:it|that|this|them|one)$", re.I)


def _skill(patterns: tuple[str, ...], text: str) -> str:
    name = _first(patterns, text)
    if not name or _PRONOUN.match(name):
        raise NeedsDetail('Which skill do you mean? Name it, like "add Power BI to my profile".')
    return name


def evidence_of(text: str) -> str | None:
    """What the person said to back a skill up ("I use it every day at work"), if anything."""
    match = re.search(
        r"(?:\s[-\u2013\u2014]\s|,\s*|\bbecause\s+)(?P<e>i\s+(?:use|used|have used|worked|built|led).+)$",
        text,
        re.I,
    )
    return match.group("e").strip(" .!") if match else None


def add_skill_args(text: str) -> dict[str, Any]:
    """add_profile_skill: the skill, and the level and evidence when said."""
    args: dict[str, Any] = {"skill": _skill(_ADD, text)}
    level = level_of(text)
    if level is not None:
        args["level"] = level
    evidence = evidence_of(text)
    if evidence:
        args["evidence"] = evidence
    return args


def change_skill_args(text: str) -> dict[str, Any]:
    """change_profile_skill: the skill and its new level (asked for when missing)."""
    skill = _skill(_CHANGE, text)
    level = level_of(text)
    if level is None:
        raise NeedsDetail(
            f'What level should {skill} be? Say a level from 1 to 5, or "beginner" to "expert".'
        )
    return {"skill": skill, "level": level}


_NOT_SKILLS = re.compile(
    r"^(?:all\s+)?(?:notes?|tasks?|goals?|reports?|jobs?|account|resume|cv|profile|everything)$", re.I
)


def remove_skill_args(text: str) -> dict[str, Any]:
    """remove_profile_skill: the skill (deleting notes, tasks and the like is not something the tools do)."""
    skill = _skill(_REMOVE, text)
    if _NOT_SKILLS.match(skill):
        raise NeedsDetail(
            f"Sorry, I can't delete {skill.lower()} here: I can only remove skills from your profile, "
            'like "remove Excel from my profile".'
        )
    return {"skill": skill}


_LOOKUP = (
    r"\b(?:tell me about|look up|lookup|search for|find|info(?:rmation)?\s+(?:on|about)"
    r"|details\s+(?:on|about))"
    r"\s+(?:the\s+)?(?:skill\s+)?(?P<s>.+)",
    r"\bwhat\s+(?:does|do)\s+(?P<s>.+?)\s+(?:mean|do|stand for)\b",
    r"\b(?:what(?:'s| is| are)|whats|explain(?:\s+what)?|define|describe)\s+(?:the\s+skill\s+)?(?:an?\s+)?"
    r"(?P<s>.+?)(?:\s+(?:is|are|means?|used for))?\s*[?.!]*$",
)


def lookup_args(text: str) -> dict[str, Any]:
    """lookup_skill: the skill or technology asked about."""
    name = _first(_LOOKUP, text)
    if not name:
        raise NeedsDetail('Which skill should I look up? For example "what is Apache Airflow?".')
    return {"name": name}


_OCCUPATION_CODE = re.compile(r"\b(\d{2}-\d{4})(\.\d{2})?\b")
_QUERY = re.compile(
    r"\b(?:occupations?|careers?|professions?|jobs?|roles?|work)\b\s*(?:are there\s+)?"
    r"(?:(?:that\s+)?(?:match(?:es)?|fit|fits|suit|suits|related to|similar to|like|for|in|with|using|use"
    r"|involve|involving|around|about|could i do with|can i do with|could i get with|would suit)\s+)*"
    r"(?P<s>.+)",
    re.I,
)
_QUERY_TAIL = re.compile(r"^(?:[:\-]\s*)?(?:an?\s+|the\s+|my\s+)?|\s*(?:pls|please|\?|!|\.)+$", re.I)


def occupation_query_args(text: str) -> dict[str, Any]:
    """search_occupations: the field, title or interest to search occupations for."""
    match = _QUERY.search(text)
    query = match.group("s") if match else text
    query = _QUERY_TAIL.sub("", query.strip()).strip()
    query = _QUERY_TAIL.sub("", query).strip()
    if not query:
        raise NeedsDetail('Which field should I search occupations for? For example "jobs like nurse".')
    return {"query": query}


_OCCUPATION_TITLE = (
    r"\boccupation\s+(?:of\s+|called\s+|named\s+)?(?:an?\s+|the\s+)?(?P<s>.+)",
    r"\bwhat\s+(?:does|do)\s+(?:an?\s+|the\s+)?(?P<s>.+?)\s+do\b",
    r"\b(?:describe|explain)\s+the\s+(?:job|work|role)\s+of\s+(?:an?\s+)?(?P<s>.+)",
)


def occupation_args(text: str) -> dict[str, Any]:
    """show_occupation: an O*NET code ("15-2051.00"; ".00" added when left out) or a title."""
    code = _OCCUPATION_CODE.search(text)
    if code:
        return {"occupation": code.group(1) + (code.group(2) or ".00")}
    name = _first(_OCCUPATION_TITLE, text)
    if not name:
        raise NeedsDetail(
            'Which occupation? Give its title or O*NET code, like "show occupation 15-2051.00".'
        )
    return {"occupation": re.sub(r"\s+(?:pls|please|for me|in detail)$", "", name, flags=re.I)}
