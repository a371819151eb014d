"""Rules the database enforces surface as typed errors, and a refused write leaves no row behind."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select

from persistence.db import Database
from persistence.errors import DuplicateError, InvalidValueError, MissingReferenceError, integrity_errors
from persistence.models import JobListing, ProfileSkill, Resume, SavedJob, Task
from persistence.repositories import jobs, profile_skills, resumes, saved_jobs, tasks, users
from persistence.repositories.tasks import NewTask

SKILL: dict[str, Any] = {
    "skill_id": "tech:python",
    "display_name": "Python",
    "category": "language",
    "level": 4,
    "proficiency": 6,
    "confidence": 0.9,
    "source": "resume",
}


def _user(db: Database, name: str = "alice") -> int:
    with db.session() as s:
        return users.add_user(s, identifier=name).id


def _count(db: Database, model: type[Any]) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    ("change", "constraint"),
    [
        ({"level": 7.5}, "ck_profile_skills_level"),
        ({"level": -1}, "ck_profile_skills_level"),
        ({"proficiency": 0}, "ck_profile_skills_proficiency"),
        ({"proficiency": 11}, "ck_profile_skills_proficiency"),
        ({"confidence": 1.5}, "ck_profile_skills_confidence"),
        ({"category": "superpower"}, "ck_profile_skills_category"),
        ({"source": "rumour"}, "ck_profile_skills_source"),
        ({"years": -2}, "ck_profile_skills_years"),
    ],
)
def test_out_of_range_skill_is_refused_by_name(db: Database, change: dict[str, Any], constraint: str) -> None:
    owner = _user(db)
    with db.session() as s, pytest.raises(InvalidValueError) as caught:
        profile_skills.upsert_skill(s, owner_id=owner, **{**SKILL, **change})
    assert caught.value.constraint == constraint
    assert _count(db, ProfileSkill) == 0


def test_failed_write_keeps_the_rest_of_the_transaction(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        profile_skills.upsert_skill(s, owner_id=owner, **SKILL)
        with pytest.raises(InvalidValueError):
            profile_skills.upsert_skill(s, owner_id=owner, **{**SKILL, "skill_id": "tech:sql", "level": 9})
    with db.session() as s:
        assert [k.skill_id for k in profile_skills.list_skills(s, owner_id=owner)] == ["tech:python"]


def test_duplicate_account_is_refused_with_a_clear_message(db: Database) -> None:
    _user(db, "alice")
    with db.session() as s, pytest.raises(DuplicateError, match="user 'alice' already exists"):
        users.add_user(s, identifier="alice")
    with db.session() as s, pytest.raises(InvalidValueError):
        users.add_user(s, identifier="   ")
    with db.session() as s, pytest.raises(InvalidValueError, match="at least 8"):
        users.add_user(s, identifier="bob", password="short")
    with db.session() as s:
        assert users.find_user(s, identifier="bob") is None


def test_database_allows_one_default_resume_per_owner(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        resumes.add_resume(
            s,
            owner_id=owner,
            original_filename="a.txt",
            content_type="text/plain",
            size_bytes=1,
            file_sha256="a",
        )
    # The repository never writes a second default; a direct write must still be refused.
    with db.session() as s, pytest.raises(DuplicateError) as caught, integrity_errors(s):
        s.add(
            Resume(
                owner_id=owner,
                original_filename="b.txt",
                content_type="text/plain",
                size_bytes=1,
                file_sha256="b",
                is_default=True,
            )
        )
    assert caught.value.constraint == "uq_resumes_one_default"
    assert _count(db, Resume) == 1


def test_same_file_uploaded_twice_is_a_duplicate(db: Database) -> None:
    owner = _user(db)
    upload = {
        "owner_id": owner,
        "original_filename": "cv.pdf",
        "content_type": "application/pdf",
        "size_bytes": 10,
        "file_sha256": "same",
    }
    with db.session() as s:
        resumes.add_resume(s, **upload)  # type: ignore[arg-type]
    with db.session() as s, pytest.raises(DuplicateError):
        resumes.add_resume(s, **upload)  # type: ignore[arg-type]
    with db.session() as s:
        # The refused upload did not steal the default either.
        assert resumes.default_resume(s, owner_id=owner) is not None


def test_text_preview_longer_than_1000_characters_is_refused(db: Database) -> None:
    owner = _user(db)
    with db.session() as s, pytest.raises(InvalidValueError) as caught:
        resumes.add_resume(
            s,
            owner_id=owner,
            original_filename="cv.txt",
            content_type="text/plain",
            size_bytes=1,
            file_sha256="x",
            parsed_json={"text_preview": "x" * 1001},
        )
    assert caught.value.constraint == "ck_resumes_preview"
    assert _count(db, Resume) == 0


def test_job_rules(db: Database) -> None:
    base = {"title": "Analyst", "content_hash": "h1"}
    with db.session() as s, pytest.raises(InvalidValueError, match="salary"):
        jobs.upsert_job(s, fields={**base, "salary_min": 90000, "salary_max": 50000})
    with db.session() as s, pytest.raises(InvalidValueError, match="content_hash"):
        jobs.upsert_job(s, fields={"title": "Analyst"})
    with db.session() as s, pytest.raises(InvalidValueError, match="unknown job fields: salary"):
        jobs.upsert_job(s, fields={**base, "salary": 5})
    with db.session() as s, pytest.raises(InvalidValueError):
        jobs.upsert_job(s, fields={**base, "title": "  "})
    assert _count(db, JobListing) == 0


def test_saving_a_job_twice_or_an_unknown_status_is_refused(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        job, _ = jobs.upsert_job(s, fields={"title": "Analyst", "content_hash": "h1"})
        saved = saved_jobs.save_job(s, owner_id=owner, job_id=job.id)
    with db.session() as s, pytest.raises(DuplicateError):
        saved_jobs.save_job(s, owner_id=owner, job_id=job.id)
    with db.session() as s, pytest.raises(InvalidValueError, match="use one of saved, applied"):
        saved_jobs.set_status(s, owner_id=owner, saved_id=saved.id, status="hired")
    assert _count(db, SavedJob) == 1


def test_task_batch_is_all_or_nothing(db: Database) -> None:
    owner = _user(db)
    batch = [
        NewTask(title="Read the Spark guide", due_date=dt.date(2026, 12, 1)),
        NewTask(title="Impossible", start_date=dt.date(2026, 12, 10), due_date=dt.date(2026, 12, 1)),
    ]
    with db.session() as s, pytest.raises(InvalidValueError) as caught:
        tasks.add_tasks(s, owner_id=owner, tasks=batch)
    assert caught.value.constraint == "ck_tasks_dates"
    with db.session() as s, pytest.raises(InvalidValueError):
        tasks.add_tasks(s, owner_id=owner, tasks=[NewTask(title="x", priority=9)])
    with db.session() as s, pytest.raises(MissingReferenceError):
        tasks.add_tasks(s, owner_id=owner, tasks=[NewTask(title="x", learning_item_id=424242)])
    assert _count(db, Task) == 0


def test_reschedule_to_an_impossible_range_keeps_the_old_dates(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        (task,) = tasks.add_tasks(
            s,
            owner_id=owner,
            tasks=[NewTask(title="Course", start_date=dt.date(2026, 12, 1), due_date=dt.date(2026, 12, 7))],
        )
    with db.session() as s, pytest.raises(InvalidValueError):
        tasks.reschedule_task(
            s, owner_id=owner, task_id=task.id, start_date=dt.date(2026, 12, 9), due_date=dt.date(2026, 12, 8)
        )
    with db.session() as s:
        stored = tasks.get_task(s, owner_id=owner, task_id=task.id)
        assert (stored.start_date, stored.due_date) == (dt.date(2026, 12, 1), dt.date(2026, 12, 7))
