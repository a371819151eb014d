"""The agent's note tools: keep a note, loose or on a task, gap report or job, and list them."""

from __future__ import annotations

from typing import Any

from langchain_core.tools import tool
from langgraph.types import Command
from sqlalchemy.orm import Session

from agent.context import RunContext
from persistence.repositories import gap_reports, jobs, notes, tasks
from tools.answers import AgentRuntime, Answer, ToolInputError, reply, run_context, services
from tools.approvals import Preview, carry_out

MAX_NOTE = 4000
SHOWN_NOTES = 20


def _attached(task_id: int | None, report_id: int | None, job_id: int | None) -> str:
    parts = [
        f"{label} {value}"
        for label, value in (("task", task_id), ("report", report_id), ("job", job_id))
        if value is not None
    ]
    return f" on {', '.join(parts)}" if parts else ""


def _check_note(
    context: RunContext, content: str, task_id: int | None, report_id: int | None, job_id: int | None
) -> None:
    if not content.strip():
        raise ToolInputError("the note is empty: say what to write down")
    if len(content) > MAX_NOTE:
        raise ToolInputError(f"a note holds at most {MAX_NOTE} characters, this one has {len(content)}")
    with context.services.session() as session:
        if task_id is not None:
            tasks.get_task(session, owner_id=context.owner_id, task_id=task_id)
        if report_id is not None:
            gap_reports.get_report(session, owner_id=context.owner_id, report_id=report_id)
        if job_id is not None:
            jobs.get_job(session, job_id=job_id)


def preview_add_note(
    context: RunContext,
    content: str,
    task_id: int | None = None,
    report_id: int | None = None,
    job_id: int | None = None,
) -> Preview:
    """The note's text and what it is attached to."""
    _check_note(context, content, task_id, report_id, job_id)
    return Preview(f"Save a note{_attached(task_id, report_id, job_id)}", [content.strip()])


@tool
def add_note(
    runtime: AgentRuntime,
    content: str,
    task_id: int | None = None,
    report_id: int | None = None,
    job_id: int | None = None,
) -> Command[Any]:
    """Save a note for the person, loose or attached to one of their tasks, gap reports or a job."""

    def write(session: Session, context: RunContext) -> Answer:
        _check_note(context, content, task_id, report_id, job_id)
        note = notes.add_note(
            session,
            owner_id=context.owner_id,
            content=content.strip(),
            task_id=task_id,
            report_id=report_id,
            job_id=job_id,
        )
        session.flush()
        return Answer(f"Saved note {note.id}{_attached(task_id, report_id, job_id)}.")

    return carry_out(runtime, name="add_note", write=write)


@tool
def list_notes(runtime: AgentRuntime) -> Command[Any]:
    """List the person's notes, newest first."""
    context = run_context(runtime)
    with services(runtime).session() as session:
        rows = notes.list_notes(session, owner_id=context.owner_id)[:SHOWN_NOTES]
        lines = [
            f"- note {n.id} ({n.created_at:%Y-%m-%d}"
            f"{_attached(n.task_id, n.report_id, n.job_id)}): {n.content}"
            for n in rows
        ]
    if not lines:
        return reply(runtime, Answer("You have no notes yet."), name="list_notes")
    return reply(runtime, Answer("Your notes:\n" + "\n".join(lines)), name="list_notes")
