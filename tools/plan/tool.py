"""The agent's planning tools: a learning plan from a gap report, scheduled over weeks, and goals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from langchain_core.tools import tool
from langgraph.types import Command
from sqlalchemy.orm import Session

from agent.context import RunContext
from persistence.repositories import gap_reports, goals
from tools.answers import AgentRuntime, Answer, ToolInputError, reply, run_context, services
from tools.approvals import Preview, carry_out
from tools.plan.schedule import PlanError, PlanItem, schedule

DEFAULT_WEEKS = 8
DEFAULT_HOURS_PER_WEEK = 5.0


def plan_items(session: Session, *, owner_id: int, report_id: int, names: dict[str, str]) -> list[PlanItem]:
    """One resource per skill of the report, in learning-value order."""
    report = gap_reports.get_report(session, owner_id=owner_id, report_id=report_id)
    lifts = {v["skill_id"]: v for v in report.score_breakdown.get("learning_value", [])}
    items: dict[str, PlanItem] = {}
    for link, item in gap_reports.report_learning_items(session, owner_id=owner_id, report_id=report_id):
        if link.skill_id in items:
            continue
        value = lifts.get(link.skill_id, {})
        items[link.skill_id] = PlanItem(
            skill_id=link.skill_id,
            skill=str(value.get("name") or names.get(link.skill_id, link.skill_id)),
            resource=item.title,
            learning_item_id=item.id,
            hours=float(item.hours) if item.hours is not None else None,
            lift=float(value.get("lift", link.learning_value)),
            url=item.url,
        )
    return list(items.values())


@tool
def learning_plan(
    runtime: AgentRuntime,
    report_id: int | None = None,
    weeks: int | None = None,
    hours_per_week: float | None = None,
    start_date: dt.date | None = None,
) -> Command[Any]:
    """Make a learning plan from a gap report (the newest when no id is given).

    It lists what to learn in order of learning value (the score it adds across the person's saved
    jobs), with a resource and dates over
    `weeks` (default 8) at `hours_per_week` (default 5). Nothing is stored: pass the plan's tasks to
    create_tasks when the person wants them.
    """
    context = run_context(runtime)
    engines = services(runtime)
    chosen_report = (
        report_id if report_id is not None else (runtime.state or {}).get("facts", {}).get("report_id")
    )
    plan_weeks = weeks or DEFAULT_WEEKS
    pace = hours_per_week or DEFAULT_HOURS_PER_WEEK
    start = start_date or context.today
    with engines.session() as session:
        if chosen_report is None:
            newest = gap_reports.list_reports(session, owner_id=context.owner_id)
            if not newest:
                raise ToolInputError(
                    "there is no gap report to plan from yet: ask for a gap report for a job first"
                )
            chosen_report = newest[0].id
        names = {sid: info.name for sid, info in engines.kb.catalog.skills.items()}
        items = plan_items(session, owner_id=context.owner_id, report_id=chosen_report, names=names)
        active = goals.list_goals(session, owner_id=context.owner_id, status="active")
    if not items:
        text = f"Report {chosen_report} has nothing to learn: your profile has every skill it asks for."
        return reply(runtime, Answer(text, {"report_id": chosen_report}), name="learning_plan")
    try:
        planned = schedule(items, start=start, today=context.today, weeks=plan_weeks, hours_per_week=pace)
    except PlanError as error:
        raise ToolInputError(str(error)) from None
    lines = [
        f"Learning plan from report {chosen_report}: {plan_weeks} weeks from {start.isoformat()} "
        f"at {pace:g} hours a week, biggest score lift first:"
    ]
    for task in planned.tasks:
        hours = task.item.hours or 10
        lines.append(
            f"- {task.start_date.isoformat()} to {task.due_date.isoformat()}: {task.title} "
            f"({hours:g} h, +{task.item.lift:g} points)"
        )
    if planned.later:
        lines.append("Does not fit in this time: " + ", ".join(i.skill for i in planned.later))
    goal_id = active[-1].id if active else None
    artifact = {
        "report_id": chosen_report,
        "goal_id": goal_id,
        "tasks": [task.as_draft() for task in planned.tasks],
    }
    return reply(
        runtime, Answer("\n".join(lines), {"report_id": chosen_report}, artifact), name="learning_plan"
    )


def preview_create_goal(
    context: RunContext, title: str, target_date: dt.date | None = None, description: str | None = None
) -> Preview:
    """The goal as it would be stored."""
    _check_goal(context, title, target_date)
    by = f" by {target_date.isoformat()}" if target_date else ""
    return Preview(f'Create the goal "{title.strip()}"{by}', [description] if description else [])


def _check_goal(context: RunContext, title: str, target_date: dt.date | None) -> None:
    if not title.strip():
        raise ToolInputError("a goal needs a title, such as 'Become a data engineer'")
    if target_date is not None and target_date < context.today:
        raise ToolInputError(f"the target date {target_date.isoformat()} is in the past")


@tool
def create_goal(
    runtime: AgentRuntime, title: str, target_date: dt.date | None = None, description: str | None = None
) -> Command[Any]:
    """Create a goal the person works towards, such as "Become a data engineer" by a target date."""

    def write(session: Session, context: RunContext) -> Answer:
        _check_goal(context, title, target_date)
        goal = goals.add_goal(
            session,
            owner_id=context.owner_id,
            title=title.strip(),
            description=description,
            target_date=target_date,
        )
        session.flush()
        by = f" by {target_date.isoformat()}" if target_date else ""
        return Answer(f'Created goal {goal.id}: "{goal.title}"{by}.', {"goal_id": goal.id})

    return carry_out(runtime, name="create_goal", write=write)
