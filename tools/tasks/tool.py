"""The agent's task tools: create several dated tasks at once, list, complete and reschedule them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from langchain_core.tools import tool
from langgraph.types import Command
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from agent.context import RunContext
from persistence.models import Task
from persistence.repositories import goals, tasks
from tools.answers import AgentRuntime, Answer, ToolInputError, reply, run_context, services
from tools.approvals import Preview, carry_out

MAX_TASKS = 50
SHOWN_TASKS = 30


class TaskDraft(BaseModel):
    """One task to create."""

    title: str = Field(description="what to do, in a few words")
    start_date: dt.date | None = Field(default=None, description="first day, YYYY-MM-DD")
    due_date: dt.date | None = Field(default=None, description="last day, YYYY-MM-DD")
    skill_id: str | None = Field(default=None, description="the O*NET skill id it builds, if any")
    learning_item_id: int | None = Field(default=None, description="the learning resource id, if any")
    description: str | None = None
    priority: int = Field(default=3, ge=1, le=5, description="1 (highest) to 5")


def _check_drafts(context: RunContext, drafts: list[TaskDraft], goal_id: int | None) -> None:
    if not drafts:
        raise ToolInputError("there are no tasks to create")
    if len(drafts) > MAX_TASKS:
        raise ToolInputError(f"{len(drafts)} tasks at once is too many: at most {MAX_TASKS}")
    for number, draft in enumerate(drafts, start=1):
        if not draft.title.strip():
            raise ToolInputError(f"task {number} has no title")
        for label, day in (("start", draft.start_date), ("due", draft.due_date)):
            if day is not None and day < context.today:
                raise ToolInputError(
                    f'the {label} date of "{draft.title}" ({day.isoformat()}) is in the past'
                )
        if draft.start_date and draft.due_date and draft.start_date > draft.due_date:
            raise ToolInputError(f'"{draft.title}" would start after it is due')
    if goal_id is not None:
        with context.services.session() as session:
            goals.get_goal(session, owner_id=context.owner_id, goal_id=goal_id)


def _dates(start: dt.date | None, due: dt.date | None) -> str:
    if start and due:
        return f"{start.isoformat()} to {due.isoformat()}"
    if due:
        return f"due {due.isoformat()}"
    return f"from {start.isoformat()}" if start else "no date"


def preview_create_tasks(context: RunContext, tasks: list[TaskDraft], goal_id: int | None = None) -> Preview:
    """Every task with its dates, as it would be stored."""
    _check_drafts(context, tasks, goal_id)
    under = f" under goal {goal_id}" if goal_id is not None else ""
    lines = [f"{_dates(d.start_date, d.due_date)}: {d.title.strip()}" for d in tasks]
    return Preview(f"Create {len(tasks)} task{'s' if len(tasks) != 1 else ''}{under}", lines)


@tool
def create_tasks(runtime: AgentRuntime, tasks: list[TaskDraft], goal_id: int | None = None) -> Command[Any]:
    """Create one or more dated tasks for the person, such as the tasks of a learning plan.

    They can go under one of the person's goals. The person approves the list before it is stored.
    """

    def write(session: Session, context: RunContext) -> Answer:
        _check_drafts(context, tasks, goal_id)
        rows = _store(session, context, tasks, goal_id)
        lines = [f"Created {len(rows)} task{'s' if len(rows) != 1 else ''}:"]
        lines += [f"- task {r.id}: {r.title} ({_dates(r.start_date, r.due_date)})" for r in rows]
        return Answer("\n".join(lines), {"tasks": [r.id for r in rows]})

    return carry_out(runtime, name="create_tasks", write=write)


def _store(session: Session, context: RunContext, drafts: list[TaskDraft], goal_id: int | None) -> list[Task]:
    new = [
        tasks.NewTask(
            title=d.title.strip(),
            description=d.description,
            start_date=d.start_date,
            due_date=d.due_date,
            priority=d.priority,
            goal_id=goal_id,
            learning_item_id=d.learning_item_id,
            skill_id=d.skill_id,
            created_by="agent",
        )
        for d in drafts
    ]
    rows = tasks.add_tasks(session, owner_id=context.owner_id, tasks=new)
    session.flush()
    return rows


@tool
def list_tasks(runtime: AgentRuntime, status: Literal["open", "done", "all"] = "open") -> Command[Any]:
    """List the person's tasks by due date: open ones (default), done ones, or all."""
    context = run_context(runtime)
    done = {"open": False, "done": True, "all": None}[status]
    with services(runtime).session() as session:
        rows = tasks.list_tasks(session, owner_id=context.owner_id, done=done)[:SHOWN_TASKS]
        lines = [_task_line(n, row, context.today) for n, row in enumerate(rows, start=1)]
    if not rows:
        empty = {
            "open": "You have no open tasks.",
            "done": "No task is done yet.",
            "all": "You have no tasks.",
        }
        return reply(runtime, Answer(empty[status], {"tasks": []}), name="list_tasks")
    heading = {"open": "Your open tasks", "done": "Your done tasks", "all": "Your tasks"}[status]
    answer = Answer(f"{heading}:\n" + "\n".join(lines), {"tasks": [row.id for row in rows]})
    return reply(runtime, answer, name="list_tasks")


def _task_line(number: int, row: Task, today: dt.date) -> str:
    late = " (overdue)" if not row.done and row.due_date and row.due_date < today else ""
    mark = "done" if row.done else _dates(row.start_date, row.due_date) + late
    return f"{number}. task {row.id}: {row.title} - {mark}"


def resolve_task(context: RunContext, task_id: int | None, title: str | None) -> Task:
    """The task meant by id, or by words of its title among the open tasks."""
    with context.services.session() as session:
        if task_id is not None:
            return tasks.get_task(session, owner_id=context.owner_id, task_id=task_id)
        words = (title or "").strip().lower()
        if not words:
            raise ToolInputError("say which task: its number or words from its title")
        open_tasks = tasks.list_tasks(session, owner_id=context.owner_id, done=False)
        found = [t for t in open_tasks if words in t.title.lower()] or [
            t for t in open_tasks if all(w in t.title.lower() for w in words.split())
        ]
    if not found:
        raise ToolInputError(f'no open task matches "{title}"')
    if len(found) > 1:
        named = "; ".join(f"task {t.id}: {t.title}" for t in found[:5])
        raise ToolInputError(f'"{title}" matches several tasks ({named}): say which one by number')
    return found[0]


def preview_complete_task(
    context: RunContext, task_id: int | None = None, title: str | None = None
) -> Preview:
    """The task that would be marked done."""
    task = resolve_task(context, task_id, title)
    if task.done:
        raise ToolInputError(f"task {task.id} is already done")
    return Preview(f'Mark task {task.id} "{task.title}" as done')


@tool
def complete_task(
    runtime: AgentRuntime, task_id: int | None = None, title: str | None = None
) -> Command[Any]:
    """Mark one of the person's tasks as done, given its id or words from its title."""

    def write(session: Session, context: RunContext) -> Answer:
        task = resolve_task(context, task_id, title)
        tasks.complete_task(session, owner_id=context.owner_id, task_id=task.id)
        return Answer(f'Marked task {task.id} "{task.title}" as done.')

    return carry_out(runtime, name="complete_task", write=write)


def _new_dates(
    task: Task, due_date: dt.date | None, start_date: dt.date | None, delay_days: int | None, today: dt.date
) -> tuple[dt.date | None, dt.date]:
    if due_date is None and delay_days is None:
        raise ToolInputError("give the new due date, or how many days to move the task")
    if due_date is None:
        base = task.due_date or today
        due_date = base + dt.timedelta(days=delay_days or 0)
    start = start_date
    if start is None and task.start_date is not None:
        shift = (due_date - task.due_date) if task.due_date else dt.timedelta(0)
        start = task.start_date + shift
    if due_date < today:
        raise ToolInputError(f"the new due date {due_date.isoformat()} is in the past")
    if start is not None and start > due_date:
        start = due_date
    return start, due_date


def preview_reschedule_task(
    context: RunContext,
    *,
    task_id: int | None = None,
    title: str | None = None,
    due_date: dt.date | None = None,
    start_date: dt.date | None = None,
    delay_days: int | None = None,
) -> Preview:
    """The task's dates now and after the move."""
    task = resolve_task(context, task_id, title)
    start, due = _new_dates(task, due_date, start_date, delay_days, context.today)
    before = _dates(task.start_date, task.due_date)
    return Preview(f'Move task {task.id} "{task.title}" from {before} to {_dates(start, due)}')


@tool
def reschedule_task(
    runtime: AgentRuntime,
    *,
    task_id: int | None = None,
    title: str | None = None,
    due_date: dt.date | None = None,
    start_date: dt.date | None = None,
    delay_days: int | None = None,
) -> Command[Any]:
    """Give one of the person's tasks a new due date (and start date), or move it by `delay_days`."""

    def write(session: Session, context: RunContext) -> Answer:
        task = resolve_task(context, task_id, title)
        start, due = _new_dates(task, due_date, start_date, delay_days, context.today)
        tasks.reschedule_task(
            session, owner_id=context.owner_id, task_id=task.id, start_date=start, due_date=due
        )
        return Answer(f'Task {task.id} "{task.title}" is now {_dates(start, due)}.')

    return carry_out(runtime, name="reschedule_task", write=write)
