"""Spreading a learning plan over the weeks and hours a person has: dated tasks, best pay-off first."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

# A resource with no stated length is planned as a long weekend of study.
DEFAULT_HOURS = 10.0
MAX_WEEKS = 104
MAX_HOURS_PER_WEEK = 80.0


class PlanError(ValueError):
    """Weeks, hours or a start date that cannot make a schedule; the message says what to change."""


@dataclass(frozen=True)
class PlanItem:
    """One thing to learn: the skill, the resource chosen for it, its hours and its learning value."""

    skill_id: str
    skill: str
    resource: str
    learning_item_id: int | None
    hours: float | None
    lift: float
    url: str | None = None


@dataclass(frozen=True)
class ScheduledTask:
    """A plan item with dates: from the day its hours start to the day they are done."""

    item: PlanItem
    start_date: dt.date
    due_date: dt.date

    @property
    def title(self) -> str:
        """What the task says to do."""
        return f"Learn {self.item.skill}: {self.item.resource}"

    def as_draft(self) -> dict[str, object]:
        """The task as `create_tasks` takes it."""
        hours = self.item.hours or DEFAULT_HOURS
        lift = f", +{self.item.lift:g} points on average" if self.item.lift else ""
        return {
            "title": self.title,
            "start_date": self.start_date.isoformat(),
            "due_date": self.due_date.isoformat(),
            "skill_id": self.item.skill_id,
            "learning_item_id": self.item.learning_item_id,
            "description": f"About {hours:g} hours{lift}." + (f" {self.item.url}" if self.item.url else ""),
        }


@dataclass(frozen=True)
class Schedule:
    """The dated tasks that fit, and what did not fit in the time given."""

    tasks: list[ScheduledTask]
    later: list[PlanItem]
    start: dt.date
    end: dt.date
    hours_per_week: float


def check_plan(*, start: dt.date, today: dt.date, weeks: int, hours_per_week: float) -> None:
    """Refuse a start in the past, no weeks or no hours, with what to give instead."""
    if start < today:
        raise PlanError(f"the plan cannot start in the past ({start.isoformat()}): pick today or later")
    if not 1 <= weeks <= MAX_WEEKS:
        raise PlanError(f"a plan runs 1 to {MAX_WEEKS} weeks, not {weeks}")
    if not 0 < hours_per_week <= MAX_HOURS_PER_WEEK:
        raise PlanError(f"give between 1 and {MAX_HOURS_PER_WEEK:g} hours a week, not {hours_per_week:g}")


def schedule(
    items: list[PlanItem], *, start: dt.date, today: dt.date, weeks: int, hours_per_week: float
) -> Schedule:
    """Tasks one after another in the order given, each as long as its hours take at the weekly pace.

    Items are expected best pay-off first; one that would end after the last week is left for later,
    and a shorter one after it may still fit.
    """
    check_plan(start=start, today=today, weeks=weeks, hours_per_week=hours_per_week)
    end = start + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    budget = weeks * hours_per_week
    used = 0.0
    tasks: list[ScheduledTask] = []
    later: list[PlanItem] = []
    for item in items:
        hours = item.hours or DEFAULT_HOURS
        if used + hours > budget + 1e-9:
            later.append(item)
            continue
        first_day = math.floor(used / hours_per_week * 7)
        last_day = max(first_day, math.ceil((used + hours) / hours_per_week * 7) - 1)
        tasks.append(
            ScheduledTask(item, start + dt.timedelta(days=first_day), start + dt.timedelta(days=last_day))
        )
        used += hours
    return Schedule(tasks, later, start, end, hours_per_week)
