"""Owner isolation on a real PostgreSQL: nobody reads, changes or deletes another person's rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from persistence.db import Database
from persistence.errors import MissingReferenceError, NotFoundError
from persistence.models import Base, ReportLearningItem, SkillGapReport, User
from persistence.repositories import (
    agent_writes,
    gap_reports,
    goals,
    jobs,
    learning,
    notes,
    profile_skills,
    resumes,
    saved_jobs,
    saved_searches,
    tasks,
    users,
)
from persistence.repositories.tasks import NewTask

SHA = "ab" * 32  # both people upload the same file: equal content must not mix their rows
RESUME: dict[str, Any] = {"original_filename": "cv.pdf", "content_type": "application/pdf", "size_bytes": 9}
SKILL: dict[str, Any] = dict(display_name="Python", category="tool", level=4, proficiency=6, confidence=1)
REPORT: dict[str, Any] = {"score_version": "v1", "jd_hash": "jd"}
LATER = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
OWNED_TABLES = [t for t in Base.metadata.sorted_tables if "owner_id" in t.c]


@dataclass(frozen=True)
class Rows:
    user: int
    resume: int
    skill: int
    saved: int
    search: int
    report: int
    goal: int
    task: int
    notes: tuple[int, ...]  # loose, on the task, on the report, on the job


@dataclass(frozen=True)
class World:
    a: Rows  # alice
    b: Rows  # bob
    job: int
    spare: int


Kwargs = Callable[[World], dict[str, Any]]


def _rows(s: Session, identifier: str, job: int, item: int) -> Rows:
    user = users.add_user(s, identifier=identifier).id
    resume = resumes.add_resume(s, owner_id=user, file_sha256=SHA, **RESUME).id
    report = gap_reports.add_report(s, owner_id=user, resume_id=resume, job_id=job, score=60, **REPORT).id
    gap_reports.link_learning_items(s, owner_id=user, report_id=report, items=[(item, "python", 0.5)])
    goal = goals.add_goal(s, owner_id=user, title="Become a data engineer").id
    (task,) = tasks.add_tasks(s, owner_id=user, tasks=[NewTask(title="Learn SQL", goal_id=goal)])
    note_ids = [
        notes.add_note(s, owner_id=user, content="note", **target).id
        for target in ({}, {"task_id": task.id}, {"report_id": report}, {"job_id": job})
    ]
    skill = profile_skills.upsert_skill(s, owner_id=user, skill_id="python", source="resume", **SKILL)
    # Both people's agents made a write under the same key: the keys are per person.
    agent_writes.record_write(
        s, owner_id=user, write_key="chat:call-1", tool="create_goal", reply="Goal saved.", facts={}
    )
    return Rows(
        user=user,
        resume=resume,
        skill=skill.id,
        saved=saved_jobs.save_job(s, owner_id=user, job_id=job).id,
        search=saved_searches.add_search(s, owner_id=user, search_term="data engineer").id,
        report=report,
        goal=goal,
        task=task.id,
        notes=tuple(note_ids),
    )


@pytest.fixture
def world(db: Database) -> World:
    """Alice and Bob with rows in every owned table, a shared job and shared learning items."""
    with db.session() as s:
        job, _ = jobs.upsert_job(s, fields={"title": "Data Engineer", "content_hash": "acme-de"})
        item = learning.upsert_learning_item(s, skill_id="python", title="Python", url="https://x.org/py")
        spare = learning.upsert_learning_item(s, skill_id="sql", title="SQL", url="https://x.org/sql")
        # Bob first, so Alice's later upload must leave his default resume alone.
        bob = _rows(s, "bob", job.id, item.id)
        alice = _rows(s, "alice", job.id, item.id)
        sql = SKILL | {"display_name": "SQL"}  # a skill only Alice has
        profile_skills.upsert_skill(s, owner_id=alice.user, skill_id="sql", source="manual", **sql)
    return World(a=alice, b=bob, job=job.id, spare=spare.id)


def snapshot(db: Database, owner_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row the person owns, read back in a fresh session."""
    links, reports = ReportLearningItem.__table__, SkillGapReport.__table__
    queries = {t.name: select(t).where(t.c.owner_id == owner_id) for t in OWNED_TABLES}
    queries["users"] = select(User.__table__).where(User.id == owner_id)
    queries["report_learning_items"] = (
        select(links).join(reports, reports.c.id == links.c.report_id).where(reports.c.owner_id == owner_id)
    )
    with db.session() as s:
        return {
            name: sorted((dict(r) for r in s.execute(q).mappings()), key=repr) for name, q in queries.items()
        }


def count(db: Database, table: str) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Base.metadata.tables[table])) or 0


def ids(result: Any) -> set[int]:
    """Row ids of a list of rows, of one row, or of none."""
    rows = [] if result is None else result if isinstance(result, list) else [result]
    return {row.id for row in rows}


def name(call: Callable[..., Any]) -> str:
    return f"{call.__module__.rsplit('.', 1)[-1]}.{call.__name__}"


# Every call that names one of Alice's rows; the test supplies who asks as `owner_id`.
REFUSALS: list[tuple[Callable[..., Any], Kwargs]] = [
    (resumes.get_resume, lambda w: {"resume_id": w.a.resume}),
    (resumes.set_default, lambda w: {"resume_id": w.a.resume}),
    (resumes.update_parse, lambda w: {"resume_id": w.a.resume, "status": "failed"}),
    (resumes.delete_resume, lambda w: {"resume_id": w.a.resume}),
    (profile_skills.update_skill, lambda w: {"skill_id": "sql", "changes": {"proficiency": 1}}),
    (profile_skills.remove_skill, lambda w: {"skill_id": "sql"}),
    (saved_jobs.get_saved_job, lambda w: {"saved_id": w.a.saved}),
    (saved_jobs.set_status, lambda w: {"saved_id": w.a.saved, "status": "rejected"}),
    (saved_jobs.remove_saved_job, lambda w: {"saved_id": w.a.saved}),
    (saved_searches.get_search, lambda w: {"search_id": w.a.search}),
    (saved_searches.mark_run, lambda w: {"search_id": w.a.search, "at": LATER}),
    (saved_searches.delete_search, lambda w: {"search_id": w.a.search}),
    (gap_reports.get_report, lambda w: {"report_id": w.a.report}),
    (gap_reports.delete_report, lambda w: {"report_id": w.a.report}),
    (gap_reports.link_learning_items, lambda w: {"report_id": w.a.report, "items": [(w.spare, "sql", 1)]}),
    (gap_reports.report_learning_items, lambda w: {"report_id": w.a.report}),
    (goals.get_goal, lambda w: {"goal_id": w.a.goal}),
    (goals.set_goal_status, lambda w: {"goal_id": w.a.goal, "status": "abandoned"}),
    (goals.delete_goal, lambda w: {"goal_id": w.a.goal}),
    (tasks.get_task, lambda w: {"task_id": w.a.task}),
    (tasks.complete_task, lambda w: {"task_id": w.a.task}),
    (tasks.reopen_task, lambda w: {"task_id": w.a.task}),
    (tasks.reschedule_task, lambda w: {"task_id": w.a.task, "start_date": None, "due_date": LATER.date()}),
    (tasks.delete_task, lambda w: {"task_id": w.a.task}),
    (notes.get_note, lambda w: {"note_id": w.a.notes[0]}),
    (notes.delete_note, lambda w: {"note_id": w.a.notes[0]}),
]
refusals = pytest.mark.parametrize(("call", "kwargs"), REFUSALS, ids=[name(c) for c, _ in REFUSALS])


@refusals
def test_someone_elses_row_is_not_found_and_stays_unchanged(
    db: Database, world: World, call: Callable[..., Any], kwargs: Kwargs
) -> None:
    before = snapshot(db, world.a.user)
    # Caught inside the session, so anything the call wrote before refusing would be committed.
    with db.session() as s, pytest.raises(NotFoundError):
        call(s, owner_id=world.b.user, **kwargs(world))
    assert snapshot(db, world.a.user) == before


@refusals
def test_the_owner_may_do_what_someone_else_is_refused(
    db: Database, world: World, call: Callable[..., Any], kwargs: Kwargs
) -> None:
    with db.session() as s:
        call(s, owner_id=world.a.user, **kwargs(world))


# Bob's lists, filtered by nothing, by shared things and by Alice's things: (filters, what he sees).
LISTINGS = [
    pytest.param(resumes.list_resumes, lambda w: ({}, {w.b.resume}), id="resumes"),
    pytest.param(resumes.default_resume, lambda w: ({}, {w.b.resume}), id="default resume"),
    pytest.param(resumes.find_by_file, lambda w: ({"file_sha256": SHA}, {w.b.resume}), id="same file"),
    pytest.param(profile_skills.list_skills, lambda w: ({}, {w.b.skill}), id="skills"),
    pytest.param(profile_skills.find_skill, lambda w: ({"skill_id": "python"}, {w.b.skill}), id="same skill"),
    pytest.param(profile_skills.find_skill, lambda w: ({"skill_id": "sql"}, set()), id="alice's skill"),
    pytest.param(saved_jobs.list_saved_jobs, lambda w: ({"status": "saved"}, {w.b.saved}), id="saved jobs"),
    pytest.param(saved_searches.list_searches, lambda w: ({}, {w.b.search}), id="searches"),
    pytest.param(saved_searches.due_searches, lambda w: ({"now": LATER}, {w.b.search}), id="due searches"),
    pytest.param(gap_reports.list_reports, lambda w: ({"job_id": w.job}, {w.b.report}), id="reports on job"),
    pytest.param(goals.list_goals, lambda w: ({"status": "active"}, {w.b.goal}), id="goals"),
    pytest.param(tasks.list_tasks, lambda w: ({"done": False}, {w.b.task}), id="open tasks"),
    pytest.param(tasks.list_tasks, lambda w: ({"goal_id": w.a.goal}, set()), id="tasks of alice's goal"),
    pytest.param(notes.list_notes, lambda w: ({}, set(w.b.notes)), id="notes"),
    pytest.param(notes.list_notes, lambda w: ({"job_id": w.job}, {w.b.notes[3]}), id="notes on job"),
    pytest.param(notes.list_notes, lambda w: ({"task_id": w.a.task}, set()), id="alice's task notes"),
    pytest.param(notes.list_notes, lambda w: ({"report_id": w.a.report}, set()), id="alice's report notes"),
]


Case = Callable[[World], tuple[dict[str, Any], set[int]]]


@pytest.mark.parametrize(("call", "case"), LISTINGS)
def test_lists_show_a_person_only_their_own_rows(
    db: Database, world: World, call: Callable[..., Any], case: Case
) -> None:
    filters, expected = case(world)
    with db.session() as s:
        assert ids(call(s, owner_id=world.b.user, **filters)) == expected


# Bob changing his own rows, several keyed like Alice's (same skill, same job, a new default resume).
OWN_WRITES: list[tuple[Callable[..., Any], Callable[[Rows], dict[str, Any]]]] = [
    (resumes.add_resume, lambda b: {"owner_id": b.user, "file_sha256": "new", **RESUME}),
    (resumes.delete_resume, lambda b: {"owner_id": b.user, "resume_id": b.resume}),
    (
        profile_skills.upsert_skill,
        lambda b: {"owner_id": b.user, "skill_id": "python", "source": "manual", **SKILL},
    ),
    (
        profile_skills.update_skill,
        lambda b: {"owner_id": b.user, "skill_id": "python", "changes": {"years": 2}},
    ),
    (profile_skills.remove_skill, lambda b: {"owner_id": b.user, "skill_id": "python"}),
    (saved_jobs.set_status, lambda b: {"owner_id": b.user, "saved_id": b.saved, "status": "applied"}),
    (saved_searches.mark_run, lambda b: {"owner_id": b.user, "search_id": b.search, "at": LATER}),
    (goals.delete_goal, lambda b: {"owner_id": b.user, "goal_id": b.goal}),
    (tasks.complete_task, lambda b: {"owner_id": b.user, "task_id": b.task}),
    (users.update_settings, lambda b: {"user_id": b.user, "changes": {"language": "de"}}),
    (users.delete_user, lambda b: {"user_id": b.user}),
]


@pytest.mark.parametrize(("call", "kwargs"), OWN_WRITES, ids=[name(c) for c, _ in OWN_WRITES])
def test_changing_ones_own_rows_leaves_everyone_elses_alone(
    db: Database, world: World, call: Callable[..., Any], kwargs: Callable[[Rows], dict[str, Any]]
) -> None:
    alice_before, bob_before = snapshot(db, world.a.user), snapshot(db, world.b.user)
    with db.session() as s:
        call(s, **kwargs(world.b))
    assert snapshot(db, world.b.user) != bob_before  # the write really did something
    assert snapshot(db, world.a.user) == alice_before


# Bob pointing a new row of his at one of Alice's: the composite foreign keys refuse it.
CROSS_REFERENCES: list[tuple[Callable[..., Any], Kwargs, str]] = [
    (tasks.add_tasks, lambda w: {"tasks": [NewTask("Mine"), NewTask("X", goal_id=w.a.goal)]}, "tasks.goal"),
    (notes.add_note, lambda w: {"content": "hi", "task_id": w.a.task}, "notes.task"),
    (notes.add_note, lambda w: {"content": "hi", "report_id": w.a.report}, "notes.report"),
    (gap_reports.add_report, lambda w: {"resume_id": w.a.resume, **REPORT}, "skill_gap_reports.resume"),
]


@pytest.mark.parametrize(("call", "kwargs", "ref"), CROSS_REFERENCES, ids=[r for *_, r in CROSS_REFERENCES])
def test_attaching_to_someone_elses_row_is_refused_and_writes_nothing(
    db: Database, world: World, call: Callable[..., Any], kwargs: Kwargs, ref: str
) -> None:
    table, target = ref.split(".")
    before = count(db, table)
    with db.session() as s:
        with pytest.raises(MissingReferenceError) as refused:
            call(s, owner_id=world.b.user, **kwargs(world))
        kept = goals.add_goal(s, owner_id=world.b.user, title="Still here")  # the transaction goes on
    assert refused.value.constraint == f"fk_{table}_{target}_id_owner_id"  # the composite key refused it
    assert count(db, table) == before
    with db.session() as s:
        assert goals.get_goal(s, owner_id=world.b.user, goal_id=kept.id).title == "Still here"


def test_deleting_a_person_removes_their_rows_and_no_one_elses(db: Database, world: World) -> None:
    alice_before, bob_before = snapshot(db, world.a.user), snapshot(db, world.b.user)
    assert all(alice_before.values()) and all(bob_before.values())  # both have rows in every table
    with db.session() as s:
        users.delete_user(s, user_id=world.a.user)

    assert not any(snapshot(db, world.a.user).values())
    assert snapshot(db, world.b.user) == bob_before
    with db.session() as s:
        assert jobs.get_job(s, job_id=world.job).title == "Data Engineer"
        assert learning.get_learning_item(s, item_id=world.spare).title == "SQL"
        with pytest.raises(NotFoundError):
            users.get_user(s, user_id=world.a.user)


def test_one_persons_password_does_not_open_another_account(db: Database) -> None:
    with db.session() as s:
        users.add_user(s, identifier="alice", password="alice-secret")
        users.add_user(s, identifier="bob", password="bob-secret")
    with db.session() as s:
        assert users.authenticate(s, identifier="alice", password="bob-secret") is None
        bob = users.authenticate(s, identifier="bob", password="bob-secret")
        assert bob is not None and bob.identifier == "bob"
