"""Which job, task or report a request means: ids ("job 123", "task #4"), ordinals ("the 2nd job"), "it"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ORDINALS = {
    "first": 0,
    "1st": 0,
    "second": 1,
    "2nd": 1,
    "third": 2,
    "3rd": 2,
    "fourth": 3,
    "4th": 3,
    "fifth": 4,
    "5th": 4,
    "sixth": 5,
    "6th": 5,
    "seventh": 6,
    "7th": 6,
    "eighth": 7,
    "8th": 7,
    "ninth": 8,
    "9th": 8,
    "tenth": 9,
    "10th": 9,
    "last": -1,
    "final": -1,
}
_ORDINAL = "|".join(ORDINALS)


@dataclass(frozen=True)
class Kind:
    """One kind of thing a person refers to: the words for it and the facts list it is counted in."""

    label: str
    nouns: str
    listed: str  # the facts key of the ids last shown, in order
    latest: str | None  # the facts key of the one last worked on


JOB = Kind(
    "job", r"jobs?|postings?|roles?|positions?|vacanc(?:y|ies)|ads?|listings?|offers?", "jobs", "job_id"
)
TASK = Kind("task", r"tasks?|to-?dos?|items?", "tasks", None)
REPORT = Kind("report", r"(?:gap )?reports?|analys[ie]s", "reports", "report_id")


class NeedsDetail(ValueError):
    """The request cannot be carried out as said; the message tells the person what to add."""


@dataclass(frozen=True)
class RequestContext:
    """What argument extraction may use besides the words: today, the remembered facts, the call before."""

    today: dt.date
    facts: Mapping[str, Any] = field(default_factory=dict)
    has_paste: bool = False  # a pasted posting is in the conversation (the job tools read it themselves)
    previous: Mapping[str, Any] = field(default_factory=dict)  # arguments of the call before, same message


def explicit_id(text: str, kind: Kind) -> int | None:
    """The number in "job 123", "job #123", "task no. 4", "report id 9"."""
    match = re.search(rf"\b(?:{kind.nouns})\s*(?:#|no\.?\s*|number\s*|id\s*)?(\d+)\b", text, re.IGNORECASE)
    return int(match.group(1)) if match else None


def ordinal_index(text: str, kind: Kind) -> int | None:
    """The list position in "the second job", "2nd task", "the last one" (0-based, -1 for last)."""
    pattern = rf"\b({_ORDINAL})\s+(?:(?:one|{kind.nouns})\b|on (?:my|the|your) list\b)"
    match = re.search(pattern, text, re.IGNORECASE)
    return ORDINALS[match.group(1).lower()] if match else None


def _from_list(index: int, kind: Kind, context: RequestContext) -> int:
    listed = context.facts.get(kind.listed) or []
    if not listed:
        raise NeedsDetail(
            f"I can't tell which {kind.label} you mean: I have not shown you a list of {kind.label}s in this "
            f'conversation yet. Say its number (like "{kind.label} 12"), or ask me to list them first.'
        )
    if index >= len(listed):
        raise NeedsDetail(
            f"The last list I showed you has only {len(listed)} {kind.label}s. "
            f"Say the {kind.label} number instead."
        )
    return int(listed[index])


def referenced_id(text: str, kind: Kind, context: RequestContext) -> int | None:
    """The id meant by an explicit number or an ordinal against the list last shown; None when neither."""
    found = explicit_id(text, kind)
    if found is not None:
        return found
    index = ordinal_index(text, kind)
    return None if index is None else _from_list(index, kind, context)


_POINTING = re.compile(
    r"\b(?:it|this|that|the same)\b(?:\s+(?:job|posting|role|position|one))?", re.IGNORECASE
)


def job_id(text: str, context: RequestContext) -> int | None:
    """The stored job meant: by number, by ordinal, by "it"/"this job", else the one last worked on.

    With a pasted posting in the conversation and no number given, None: the job tools read the paste.
    """
    found = referenced_id(text, JOB, context)
    if found is not None:
        return found
    previous = context.previous.get("job_id")
    if _POINTING.search(text) and previous is not None:
        return int(previous)
    latest = context.facts.get("job_id")
    if context.has_paste or latest is None:
        return None
    return int(latest)


def task_id(text: str, context: RequestContext) -> int | None:
    """The task meant by number or ordinal, None when it is named by title (or not at all)."""
    return referenced_id(text, TASK, context)


def report_id(text: str, context: RequestContext) -> int | None:
    """The gap report meant by number or ordinal; None lets the tool take the newest."""
    return referenced_id(text, REPORT, context)
