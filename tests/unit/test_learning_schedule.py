"""Spreading a learning plan over weeks: order kept, dates from the hours, the rest left for later."""

from __future__ import annotations

import datetime as dt

import pytest

from tools.plan.schedule import DEFAULT_HOURS, PlanError, PlanItem, schedule

MONDAY = dt.date(2026, 11, 30)


def item(skill: str, hours: float | None, lift: float = 5.0) -> PlanItem:
    return PlanItem(f"tech:{skill}", skill, f"{skill} course", 1, hours, lift)


def test_tasks_follow_one_another_at_the_weekly_pace() -> None:
    planned = schedule(
        [item("SQL", 10), item("Spark", 5), item("Airflow", 10)],
        start=MONDAY,
        today=MONDAY,
        weeks=8,
        hours_per_week=5,
    )
    spans = [(t.item.skill, t.start_date.isoformat(), t.due_date.isoformat()) for t in planned.tasks]
    # 10 h at 5 h a week is two weeks; the next item starts where the last one ended.
    assert spans == [
        ("SQL", "2026-11-30", "2026-12-13"),
        ("Spark", "2026-12-14", "2026-12-20"),
        ("Airflow", "2026-12-21", "2027-01-03"),
    ]
    assert planned.later == []
    assert planned.end == dt.date(2027, 1, 24)


def test_what_does_not_fit_is_left_for_later_and_a_shorter_item_may_still_fit() -> None:
    planned = schedule(
        [item("SQL", 8), item("Kubernetes", 40), item("Git", 2)],
        start=MONDAY,
        today=MONDAY,
        weeks=2,
        hours_per_week=5,
    )
    assert [t.item.skill for t in planned.tasks] == ["SQL", "Git"]
    assert [i.skill for i in planned.later] == ["Kubernetes"]


def test_an_item_without_hours_is_planned_with_the_default() -> None:
    (task,) = schedule([item("Tableau", None)], start=MONDAY, today=MONDAY, weeks=4, hours_per_week=10).tasks
    assert task.due_date == MONDAY + dt.timedelta(days=round(DEFAULT_HOURS / 10 * 7) - 1)
    draft = task.as_draft()
    assert draft["title"] == "Learn Tableau: Tableau course"
    assert draft["start_date"] == "2026-11-30" and draft["skill_id"] == "tech:Tableau"
    assert str(draft["description"]).startswith(f"About {DEFAULT_HOURS:g} hours, +5 points")


@pytest.mark.parametrize(
    ("start", "weeks", "hours", "message"),
    [
        (MONDAY - dt.timedelta(days=1), 8, 5.0, "cannot start in the past"),
        (MONDAY, 0, 5.0, "1 to 104 weeks, not 0"),
        (MONDAY, 8, 0.0, "not 0"),
        (MONDAY, 8, 100.0, "not 100"),
    ],
    ids=["past-start", "no-weeks", "no-hours", "too-many-hours"],
)
def test_impossible_plans_are_refused_with_what_to_change(
    start: dt.date, weeks: int, hours: float, message: str
) -> None:
    with pytest.raises(PlanError, match=message):
        schedule([item("SQL", 5)], start=start, today=MONDAY, weeks=weeks, hours_per_week=hours)
