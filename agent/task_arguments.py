"""Arguments of the task requests: titles, dates and priority of new tasks, and which task is meant."""

from __future__ import annotations

import re
from typing import Any

from agent.dates_spoken import Found, find_dates, find_delay_days
from agent.request_references import NeedsDetail, RequestContext, task_id

_START_CUE = re.compile(
    r"\b(?:start(?:ing|s)?|from|beginning|begin|commencing)\s+(?:on\s+|in\s+|at\s+)?$", re.I
)
# Words left dangling at the end of a title once its date is cut out ("finish the course by").
_DANGLING = re.compile(
    r"[\s,;:\-]*\b(?:by|on|due|for|until|till|before|at|in|from|starting|within|and)\s*$", re.I
)
_LEAD_IN = re.compile(r"^(?:to|that i|i need to|i have to|i must)\s+", re.I)
_QUOTED = re.compile(r"['\"\u2018\u201c](?P<q>[^'\"\u2019\u201d]{2,})['\"\u2019\u201d]")


def without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with these character spans cut out (a date out of a title)."""
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


def tidy_title(title: str) -> str:
    """A title without dangling prepositions and punctuation, first letter upper case."""
    previous = None
    while previous != title:
        previous = title
        title = _DANGLING.sub("", title).strip(" ,;:-.!?'\"")
    return title[:1].upper() + title[1:]


def start_and_due(text: str, context: RequestContext) -> tuple[Found[Any] | None, Found[Any] | None]:
    """(start, due) dates in the text: one after "starting"/"from" starts, the first other one is due."""
    start = due = None
    for found in find_dates(text, context.today):
        if _START_CUE.search(text[: found.start]):
            start = start or found
        else:
            due = due or found
    return start, due


_TASK_FRAME = re.compile(
    r"^(?:please\s+|pls\s+|can you\s+|could you\s+)*(?:"
    r"(?:add|create|make|put|set up|schedule|new)\s+(?:me\s+)?(?:a\s+|an\s+|new\s+|another\s+)?"
    r"(?:task|todo|to-do|reminder)s?\b\s*(?::\s*|-\s*|to\s+|for\s+(?:me\s+)?(?:to\s+)?)?"
    r"|(?:new\s+)?(?:task|todo|to-do)s?\s*[:\-]\s*|remind me\s+(?:to\s+)?"
    r"|add\s+(?:this\s+|it\s+)?to\s+my\s+(?:todo|to-do|to do|task)s?\s*(?:list)?\s*[:\-]?\s*)",
    re.I,
)
_TASK_TAIL = re.compile(
    r"[,;]?\s*(?:on|to|in)\s+(?:my\s+)?(?:todo|to-do|to do|task)?\s*(?:list|tasks)\b"
    r"|[,;]?\s*(?:add|save|put)\s+(?:it|that|this)\s+(?:as\s+an?\s+(?:task|todo|reminder)"
    r"|(?:on|to|in)\s+my\s+(?:tasks|list|todo list|to-do list|todos))\b.*$"
    r"|[,;]?\s*\b(?:high|top|low|medium)\s+priority\b|[,;]?\s*\bpriority\s*[1-5]\b|[,;]?\s*\b(?:urgent|asap)\b",
    re.I,
)
_PRIORITY = (
    (re.compile(r"\bpriority\s*([1-5])\b|\bp([1-5])\b", re.I), 0),
    (re.compile(r"\b(?:high|top)\s+priority\b|\burgent\b|\basap\b|\bimportant\b", re.I), 1),
    (re.compile(r"\bmedium\s+priority\b", re.I), 3),
    (re.compile(r"\blow\s+priority\b", re.I), 5),
)


def _priority(text: str) -> int | None:
    """1 (highest) to 5, as create_tasks counts it; None when not said."""
    for pattern, value in _PRIORITY:
        match = pattern.search(text)
        if match:
            return value or int(match.group(1) or match.group(2))
    return None


def task_drafts_args(text: str, context: RequestContext) -> dict[str, Any]:
    """create_tasks: one task (or several after "tasks:") with its dates and priority."""
    quoted = _QUOTED.search(text)
    outside = text[: quoted.start()] + " " + text[quoted.end() :] if quoted else text
    start, due = start_and_due(outside, context)
    if quoted:
        titles = [quoted.group("q")]
    else:
        body = _TASK_FRAME.sub("", text.strip())
        body = without_spans(body, [(f.start, f.end) for f in start_and_due(body, context) if f is not None])
        body = _TASK_TAIL.sub("", body)
        plural = re.match(r"^\s*(?:add|create|new)\s+(?:these\s+|some\s+)?(?:tasks|todos)\s*:", text, re.I)
        titles = re.split(r"\s*(?:,|;|\band\b)\s*", body) if plural else [body]
    tasks = []
    for raw in titles:
        title = tidy_title(_LEAD_IN.sub("", raw.strip()))
        if not title:
            continue
        task: dict[str, Any] = {"title": title}
        if start is not None:
            task["start_date"] = start.value.isoformat()
        if due is not None:
            task["due_date"] = due.value.isoformat()
        priority = _priority(text)
        if priority is not None:
            task["priority"] = priority
        tasks.append(task)
    if not tasks:
        raise NeedsDetail('What is the task? For example "add a task to finish the SQL course by Friday".')
    args: dict[str, Any] = {"tasks": tasks}
    if re.search(r"\b(?:for|towards?|under)\s+(?:my|the)\s+goal\b", text, re.I) and context.facts.get(
        "goal_id"
    ):
        args["goal_id"] = int(context.facts["goal_id"])
    return args


def list_tasks_args(text: str, context: RequestContext) -> dict[str, Any]:
    """list_tasks: open (the default), done, or all."""
    if re.search(r"\b(?:all|every|everything|including|both|whole)\b", text, re.I):
        return {"status": "all"}
    if re.search(
        r"\b(?:done|complet(?:e|ed)|finish(?:ed)?|closed|ticked off)\b", text, re.I
    ) and not re.search(r"\bnot (?:yet )?(?:done|completed?|finished)\b|\bto ?do\b", text, re.I):
        return {"status": "done"}
    return {"status": "open"}


_TASK_TITLE_CLEAN = re.compile(
    r"^(?:the|my|that|this)\s+|\s+(?:task|todo|item|on my list|now|already|today)$", re.I
)


def _task_title(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    title = match.group("t").strip(" .!?,'\"")
    for _ in range(3):
        title = _TASK_TITLE_CLEAN.sub("", title).strip()
    return title or None


def _which_task(text: str, context: RequestContext, title_patterns: tuple[str, ...]) -> dict[str, Any]:
    found = task_id(text, context)
    if found is not None:
        return {"task_id": found}
    for pattern in title_patterns:
        title = _task_title(re.search(pattern, text, re.I))
        if title and not re.fullmatch(r"it|that|this|one|task", title, re.I):
            return {"title": title}
    raise NeedsDetail('Which task do you mean? Say its number (like "task 3") or words from its title.')


_COMPLETE_TITLES = (
    r"\b(?:mark|tick|check|cross)\s+(?:off\s+)?(?P<t>.+?)\s+(?:as\s+)?(?:done|complete|completed|finished|off)\b",
    r"^(?:i(?:'ve|'m| have| am)?\s+)?(?:just\s+|also\s+|finally\s+)?"
    r"(?:finished|completed|did|done with|done|through with)\s+(?:with\s+)?(?P<t>.+)",
    r"^(?P<t>.+?)\s+(?:is|are)\s+(?:now\s+)?(?:done|finished|complete|completed)\b",
    r"\b(?:finish|complete|close)\s+(?P<t>.+)",
)


def complete_args(text: str, context: RequestContext) -> dict[str, Any]:
    """complete_task: the task by number, ordinal or words of its title."""
    return _which_task(text, context, _COMPLETE_TITLES)


_MOVE = r"(?:move|push|postpone|delay|reschedule|shift|defer|put off)"
_RESCHEDULE_TITLES = (
    rf"\b{_MOVE}\s+(?:back\s+)?(?P<t>.+?)\s+(?:task\s+)?(?:back|forward|out|to|until|till|by|for|on)\b",
    rf"\b{_MOVE}\s+(?:back\s+)?(?P<t>.+)",
)


def reschedule_args(text: str, context: RequestContext) -> dict[str, Any]:
    """reschedule_task: which task, and its new due (and start) date or the days to move it by."""
    args = _which_task(text, context, _RESCHEDULE_TITLES)
    start, due = start_and_due(text, context)
    if due is not None:
        args["due_date"] = due.value.isoformat()
    if start is not None:
        args["start_date"] = start.value.isoformat()
    if due is None and start is None:
        delay = find_delay_days(text)
        if delay is None:
            raise NeedsDetail(
                'When should it be due? For example "move task 5 to Friday" or "push it back a week".'
            )
        args["delay_days"] = delay.value
    return args
