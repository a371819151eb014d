"""What the offline router says: help, greetings, "I did not understand", and answers from tool results."""

from __future__ import annotations

import re
from collections.abc import Sequence

from langchain_core.messages import ToolMessage

OFFLINE_NOTE = "I'm running in offline mode (no language model is configured), so I follow common requests"

GREETING = (
    f"Hi! I'm Jobmate. {OFFLINE_NOTE} rather than free conversation. Upload your resume and say "
    '"read my resume" to start, or say "help" to see what I can do.'
)
THANKS = 'You\'re welcome! Anything else? Say "help" to see what I can do.'
HELP = f"""{OFFLINE_NOTE} like these:
- Resume and profile: "read my resume", "show my profile", "add Power BI to my profile", \
"set my Python level to 4", "remove Excel from my profile"
- Skills and occupations: "what is Apache Airflow?", "which occupations match data engineering?", \
"show occupation 15-2051.00"
- Jobs: paste a job posting, "analyse job 42", "gap report for job 42", "show my reports"
- Planning: "what should I learn first?", "plan my next 8 weeks, 5 hours a week", \
"my goal is to become a data engineer by June"
- Tasks and notes: "remind me to update my LinkedIn tomorrow", "what are my tasks", "mark task 3 done", \
"move task 5 to Friday", "note: recruiter call went well", "show my notes"
Several requests in one message work too: "show my profile and list my tasks"."""

# One example phrasing per intent, for suggestions.
EXAMPLES = {
    "read_resume": "read my resume",
    "show_profile": "show my profile",
    "add_profile_skill": "add Power BI to my profile",
    "change_profile_skill": "set my Python level to 4",
    "remove_profile_skill": "remove Excel from my profile",
    "lookup_skill": "what is Apache Airflow?",
    "search_occupations": "which occupations match data engineering?",
    "show_occupation": "show occupation 15-2051.00",
    "analyse_job": "analyse job 42",
    "gap_report": "gap report for job 42",
    "list_gap_reports": "show my reports",
    "learning_plan": "what should I learn first?",
    "schedule_plan": "plan my next 8 weeks",
    "create_goal": "my goal is to become a data engineer by June",
    "create_tasks": "remind me to update my LinkedIn tomorrow",
    "list_tasks": "what are my tasks",
    "complete_task": "mark task 3 done",
    "reschedule_task": "move task 5 to Friday",
    "add_note": "note: recruiter call went well",
    "list_notes": "show my notes",
}
_DEFAULT_SUGGESTIONS = ("show my profile", "gap report for job 42", "plan my next 8 weeks")

# What each tool does, for "I could not ..." and "... is not available".
ACTIONS = {
    "read_resume": "read your resume",
    "show_profile": "show your profile",
    "add_profile_skill": "add that skill",
    "change_profile_skill": "change that skill",
    "remove_profile_skill": "remove that skill",
    "lookup_skill": "look up that skill",
    "search_occupations": "search the occupations",
    "search_jobs": "search job postings",
    "show_occupation": "show that occupation",
    "analyse_job": "analyse the job",
    "gap_report": "make the gap report",
    "list_gap_reports": "list your gap reports",
    "learning_plan": "make a learning plan",
    "create_goal": "save the goal",
    "create_tasks": "create the tasks",
    "list_tasks": "list your tasks",
    "complete_task": "mark the task done",
    "reschedule_task": "move the task",
    "add_note": "save the note",
    "list_notes": "list your notes",
}
# What a person can do meanwhile, for tools that may not be bound.
INSTEAD = {
    "search_jobs": (
        'Meanwhile, paste a job posting and I will make its gap report, or ask "which occupations fit '
        'data engineering?"'
    ),
}
_TASK_NUMBERS = 'Say "what are my tasks" to see their numbers, then use one, like "mark task 3 done".'
_SKILL_NAME = 'Check the skill\'s name ("show my profile" lists yours), or try another spelling.'
_POSTING = (
    'Paste the job posting into the chat, or give the number of a saved job, like "gap report for job 12".'
)
# What to do instead after a tool failed.
REMEDIES = {
    "read_resume": 'Upload your resume as a PDF, DOCX, TXT or Markdown file, then say "read my resume".',
    "show_profile": 'Upload your resume and say "read my resume" to build your profile.',
    "add_profile_skill": _SKILL_NAME,
    "change_profile_skill": _SKILL_NAME,
    "remove_profile_skill": _SKILL_NAME,
    "lookup_skill": 'Try another name or spelling, like "what is Power BI?".',
    "search_occupations": 'Try a broader word, like "jobs like nurse".',
    "show_occupation": 'Search first ("jobs like nurse"), then ask for a code from its list.',
    "analyse_job": _POSTING,
    "gap_report": _POSTING,
    "list_gap_reports": 'Paste a job posting and ask "how do I match this?" to make your first report.',
    "learning_plan": 'A plan starts from a gap report: paste a job posting, ask "how do I match this?", then '
    '"plan my next 8 weeks".',
    "create_goal": 'Try again with a future date, like "my goal is to become a data engineer by June".',
    "create_tasks": 'Try again with a date from today on, like "remind me to update my LinkedIn tomorrow".',
    "complete_task": _TASK_NUMBERS,
    "reschedule_task": _TASK_NUMBERS,
    "add_note": 'Check the task, report or job number, or save the note on its own: "note: ...".',
}
# A next step worth suggesting after a tool's answer.
NEXT_STEPS = {
    "read_resume": 'Next you could paste a job posting to see how you match it, or say "show my profile".',
    "analyse_job": 'Say "how do I match this job?" for a gap report.',
    "gap_report": 'Say "plan my next 8 weeks" to turn this into a learning plan.',
    "learning_plan": 'Say "turn the plan into tasks" to add these to your tasks.',
    "search_occupations": 'Say "show occupation" with a code from the list for its details.',
}
REJECTED = "Not saved: the person rejected"
NOT_DONE = "Not done:"


def content_text(message: ToolMessage) -> str:
    """A tool message's text, whether its content is a string or a list of parts."""
    if isinstance(message.content, str):
        return message.content.strip()
    parts = [p if isinstance(p, str) else str(p.get("text", "")) for p in message.content]
    return "\n".join(p for p in parts if p).strip()


def not_understood(text: str, near: Sequence[str] = ()) -> str:
    """Says plainly what was not understood, and 2-3 phrasings that would work."""
    said = " ".join(text.split())
    said = said if len(said) <= 80 else said[:77].rstrip() + "..."
    picks = [EXAMPLES[i] for i in near if i in EXAMPLES]
    picks += [s for s in _DEFAULT_SUGGESTIONS if s not in picks]
    examples = ", ".join(f'"{s}"' for s in picks[:3])
    return (
        f'Sorry, I did not understand "{said}". {OFFLINE_NOTE}, for example {examples}. '
        'Say "help" for the full list.'
    )


def unavailable(tools: Sequence[str]) -> str:
    """Says that what was asked needs tools this conversation does not have."""
    things = " or ".join(ACTIONS.get(t, t) for t in tools)
    instead = " ".join(INSTEAD[t] for t in tools if t in INSTEAD)
    return f"Sorry, I can't {things} here: that tool is not available right now." + (
        f" {instead}" if instead else ""
    )


def _reason(text: str) -> str:
    text = re.sub(r"^error:\s*", "", text.strip(), flags=re.I)
    text = re.sub(r"\s*please fix your mistakes\.?$", "", text, flags=re.I).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def apology(tool: str, text: str) -> str:
    """An error from a tool: a short apology, the reason, and what to do instead."""
    remedy = REMEDIES.get(tool, 'Say "help" to see what I can do.')
    return f"Sorry, I could not {ACTIONS.get(tool, 'do that')}: {_reason(text)} {remedy}"


def rejected(tool: str) -> str:
    """The person turned a write down."""
    things = {"create_tasks": "those tasks", "add_note": "the note", "create_goal": "the goal"}
    return f"Okay, I did not save {things.get(tool, 'that')}."


def phrase_result(message: ToolMessage) -> str:
    """One tool result as the person should read it."""
    tool = message.name or ""
    text = content_text(message)
    if message.status == "error":
        return apology(tool, text)
    if text.startswith(REJECTED):
        return rejected(tool)
    if text.startswith(NOT_DONE):
        return apology(tool, text[len(NOT_DONE) :])
    return text or f"Done: I {ACTIONS.get(tool, 'did that')}."


def answer(results: Sequence[ToolMessage], *, notes: Sequence[str] = ()) -> str:
    """The final answer of a turn: every tool result in order, then any note and one next step."""
    parts = [phrase_result(m) for m in results]
    parts += list(notes)
    last = results[-1] if results else None
    if last is not None and last.status != "error" and not content_text(last).startswith(("Not ", "Error")):
        step = NEXT_STEPS.get(last.name or "")
        if step and len(results) == 1:
            parts.append(step)
    return "\n\n".join(p for p in parts if p)
