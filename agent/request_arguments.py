"""The arguments of one request for its tool: ids, ordinals, titles, dates, durations and hours a week."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agent.dates_spoken import find_dates, find_hours_per_week, find_weeks
from agent.request_references import NeedsDetail, RequestContext, job_id, report_id, task_id
from agent.skill_arguments import (
    add_skill_args,
    change_skill_args,
    lookup_args,
    occupation_args,
    occupation_query_args,
    remove_skill_args,
)
from agent.task_arguments import (
    complete_args,
    list_tasks_args,
    reschedule_args,
    start_and_due,
    task_drafts_args,
    tidy_title,
    without_spans,
)

_FILE = re.compile(r"\b[\w\-]+(?:\.[\w\-]+)*\.(?:pdf|docx?|txt|md|markdown|rtf|odt)\b", re.I)


def resume_args(text: str, context: RequestContext) -> dict[str, Any]:
    """read_resume: the uploaded file named in the message, else none (the newest upload)."""
    match = _FILE.search(text)
    return {"file": match.group(0)} if match else {}


def job_args(text: str, context: RequestContext) -> dict[str, Any]:
    """analyse_job / gap_report: the stored job meant, or nothing when the tool should read a paste."""
    found = job_id(text, context)
    if found is not None:
        return {"job_id": found}
    if context.has_paste:
        return {}
    raise NeedsDetail(
        "Which job do you mean? Paste the job posting into the chat, or give its number "
        '(like "gap report for job 12").'
    )


def plan_args(text: str, context: RequestContext) -> dict[str, Any]:
    """learning_plan: report, weeks, hours a week and start date, each only when said."""
    args: dict[str, Any] = {}
    report = report_id(text, context)
    if report is not None:
        args["report_id"] = report
    weeks = find_weeks(text)
    if weeks is not None:
        args["weeks"] = weeks.value
    hours = find_hours_per_week(text)
    if hours is not None:
        args["hours_per_week"] = hours.value
    start, _ = start_and_due(text, context)
    if start is not None:
        args["start_date"] = start.value.isoformat()
    return args


_GOAL_FRAME = re.compile(
    r"^(?:my\s+(?:new\s+)?(?:career\s+|main\s+|big\s+)?goal\s+is\s+(?:to\s+)?"
    r"|(?:please\s+)?(?:set|add|create|make)\s+(?:me\s+)?(?:a\s+)?(?:new\s+)?(?:career\s+)?goal\s*(?::|-|to\b|of\b)?"
    r"|new\s+(?:career\s+)?goal\s*[:\-\u2013]?|(?:goal|target|objective|ambition|aim)\s*:"
    r"|i\s+(?:want|would like|'d like|hope|plan|aim)\s+to\s+)\s*",
    re.I,
)
_GOAL_TAIL = re.compile(
    r"[,;.]?\s*(?:and\s+)?(?:please\s+)?(?:make|set|save|add|record|keep|note)\s+(?:that|it|this)\s+(?:as\s+)?"
    r"(?:a|my)\s+(?:new\s+)?goal\b.*$|[,;.]?\s*(?:as a goal|that's my goal|is my goal)\b.*$",
    re.I,
)


def goal_args(text: str, context: RequestContext) -> dict[str, Any]:
    """create_goal: a short title and the target date when one is said."""
    body = _GOAL_TAIL.sub("", text.strip())
    body = _GOAL_FRAME.sub("", body)
    dates = find_dates(body, context.today)
    title = tidy_title(without_spans(body, [(d.start, d.end) for d in dates[:1]]))
    if not title:
        raise NeedsDetail('What is the goal? For example "my goal is to become a data engineer by June".')
    args: dict[str, Any] = {"title": title}
    if dates:
        args["target_date"] = dates[0].value.isoformat()
    return args


_NOTE_FRAME = re.compile(
    r"^(?:please\s+|pls\s+|can you\s+)*"
    r"(?:(?:note|memo)(?:\s+to\s+self)?(?:\s+(?:on|to|for|about|under)\s+[^:]*?)?\s*[:\-]"
    r"|(?:remember|jot down|write down|note down|keep in mind|don't forget|note)\s+(?:that\s+)?"
    r"|(?:add|save|make|write|take|leave|put)\s+(?:a\s+|this\s+|the\s+)?note\s*"
    r"(?:(?:on|to|for|about|under)\s+(?:[^:]*?(?=:)|(?:the\s+|my\s+)?\S+(?:\s+#?\d+)?))?"
    r"(?:\s*[:\-]|\s+(?:saying|that)\b)?)\s*",
    re.I,
)


def note_args(text: str, context: RequestContext) -> dict[str, Any]:
    """add_note: the note's text, attached to a task, report or job named before a colon."""
    frame = _NOTE_FRAME.match(text.strip())
    head = frame.group(0) if frame else ""
    content = text.strip()[len(head) :].strip()
    if not content:
        raise NeedsDetail('What should the note say? For example "note: recruiter call went well".')
    args: dict[str, Any] = {"content": content}
    attach = RequestContext(context.today, context.facts)
    for key, finder in (("task_id", task_id), ("report_id", report_id)):
        found = finder(head, attach)
        if found is not None:
            args[key] = found
    if re.search(r"\b(?:job|posting|role|position)\b", head, re.I):
        found_job = job_id(head, RequestContext(context.today, context.facts, has_paste=True))
        if found_job is not None:
            args["job_id"] = found_job
    return args


def no_args(text: str, context: RequestContext) -> dict[str, Any]:
    """Tools that take no arguments."""
    return {}


HANDLERS: dict[str, Callable[[str, RequestContext], dict[str, Any]]] = {
    "read_resume": resume_args,
    "show_profile": no_args,
    "add_profile_skill": lambda text, _: add_skill_args(text),
    "change_profile_skill": lambda text, _: change_skill_args(text),
    "remove_profile_skill": lambda text, _: remove_skill_args(text),
    "lookup_skill": lambda text, _: lookup_args(text),
    "search_occupations": lambda text, _: occupation_query_args(text),
    "show_occupation": lambda text, _: occupation_args(text),
    "analyse_job": job_args,
    "gap_report": job_args,
    "list_gap_reports": no_args,
    "learning_plan": plan_args,
    "schedule_plan": plan_args,
    "create_goal": goal_args,
    "create_tasks": task_drafts_args,
    "list_tasks": list_tasks_args,
    "complete_task": complete_args,
    "reschedule_task": reschedule_args,
    "add_note": note_args,
    "list_notes": no_args,
}


def arguments_for(intent: str, text: str, context: RequestContext) -> dict[str, Any]:
    """The tool arguments of one request of this intent; NeedsDetail when something must be asked."""
    return HANDLERS[intent](text.strip(), context)
