"""Every table survives a write and a read back in a new session, through its repository."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from persistence.db import Database
from persistence.models import SkillGapReport
from persistence.repositories import (
    gap_reports,
    goals,
    jobs,
    learning,
    notes,
    processing_runs,
    profile_skills,
    resumes,
    saved_jobs,
    saved_searches,
    tasks,
    users,
)
from persistence.repositories.tasks import NewTask

JOB = {
    "title": "Data Engineer",
    "company": "Acme Analytics",
    "location": "Austin, TX",
    "job_type": "full-time",
    "description": "Build pipelines in Python and SQL on AWS.",
    "salary_min": Decimal("120000"),
    "salary_max": Decimal("150000"),
    "salary_currency": "USD",
    "salary_period": "year",
    "remote": False,
    "visa_sponsorship": None,
    "content_hash": "sha256:job-1",
    "source": "file",
}


def _user(db: Database, name: str = "alice") -> int:
    with db.session() as s:
        return users.add_user(s, identifier=name, display_name=name.title(), password="correct horse").id


def test_user_and_password_round_trip(db: Database) -> None:
    with db.session() as s:
        users.add_user(
            s, identifier=" alice ", display_name="Alice", password="correct horse", settings={"lang": "en"}
        )
    with db.session() as s:
        alice = users.find_user(s, identifier="alice")
        assert alice is not None and alice.display_name == "Alice" and alice.settings == {"lang": "en"}
        assert alice.password_hash is not None and "correct horse" not in alice.password_hash
        assert users.authenticate(s, identifier="alice", password="correct horse") == alice
        assert users.authenticate(s, identifier="alice", password="wrong horse") is None
        assert users.authenticate(s, identifier="nobody", password="correct horse") is None
        users.update_settings(s, user_id=alice.id, changes={"tz": "UTC"})
    with db.session() as s:
        assert users.get_user(s, user_id=alice.id).settings == {"lang": "en", "tz": "UTC"}


def test_resume_profile_and_provenance_round_trip(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        run = processing_runs.record_run(
            s,
            kind="resume_parse",
            engine_version="resume-1",
            embedding_model="all-MiniLM-L6-v2-int8",
            onet_release="29.2",
            temperature=0.0,
            params={"lexical": True},
        )
        resume = resumes.add_resume(
            s,
            owner_id=owner,
            original_filename="cv.pdf",
            content_type="application/pdf",
            size_bytes=2048,
            file_sha256="f1",
            raw_text="Python developer",
            raw_text_sha256="t1",
            redacted_text="Python developer",
            sections=[{"name": "skills", "protected": False}],
            parsed_json={
                "page_count": 1,
                "word_count": 2,
                "warnings": [],
                "text_preview": "Python developer",
            },
            status="parsed",
            processing_run_id=run.id,
        )
        evidence = [{"resume_id": resume.id, "quote": "Python", "start": 0, "end": 6}]
        profile_skills.upsert_skill(
            s,
            owner_id=owner,
            skill_id="tech:python",
            display_name="Python",
            category="language",
            level=4.5,
            proficiency=7,
            confidence=0.9,
            source="resume",
            years=3,
            evidence=evidence,
        )
        ids = (run.id, resume.id)
    with db.session() as s:
        stored_run = processing_runs.get_run(s, run_id=ids[0])
        assert (stored_run.onet_release, stored_run.params) == ("29.2", {"lexical": True})
        stored = resumes.get_resume(s, owner_id=owner, resume_id=ids[1])
        assert (
            stored.is_default and stored.parsed_json["page_count"] == 1 and stored.processing_run_id == ids[0]
        )
        (skill,) = profile_skills.list_skills(s, owner_id=owner)
        assert (skill.level, skill.years, skill.source) == (Decimal("4.50"), Decimal("3.0"), "resume")
        assert skill.evidence == [{"resume_id": ids[1], "quote": "Python", "start": 0, "end": 6}]


def test_newest_resume_becomes_the_only_default(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        first = resumes.add_resume(
            s,
            owner_id=owner,
            original_filename="a.txt",
            content_type="text/plain",
            size_bytes=1,
            file_sha256="a",
        )
        second = resumes.add_resume(
            s,
            owner_id=owner,
            original_filename="b.txt",
            content_type="text/plain",
            size_bytes=1,
            file_sha256="b",
        )
        kept = resumes.add_resume(
            s,
            owner_id=owner,
            original_filename="c.txt",
            content_type="text/plain",
            size_bytes=1,
            file_sha256="c",
            make_default=False,
        )
    with db.session() as s:
        assert resumes.default_resume(s, owner_id=owner).id == second.id  # type: ignore[union-attr]
        resumes.set_default(s, owner_id=owner, resume_id=first.id)
    with db.session() as s:
        assert [r.is_default for r in resumes.list_resumes(s, owner_id=owner)] == [False, False, True]
        assert resumes.find_by_file(s, owner_id=owner, file_sha256="c").id == kept.id  # type: ignore[union-attr]


def test_hand_edited_skill_keeps_its_values_when_the_resume_is_parsed_again(db: Database) -> None:
    owner = _user(db)
    parsed = {
        "owner_id": owner,
        "skill_id": "tech:sql",
        "display_name": "SQL",
        "category": "language",
        "level": 3,
        "proficiency": 5,
        "confidence": 0.8,
        "source": "resume",
        "evidence": [{"resume_id": 1, "quote": "SQL", "start": 10, "end": 13}],
    }
    with db.session() as s:
        profile_skills.upsert_skill(s, **parsed)  # type: ignore[arg-type]
        profile_skills.update_skill(
            s, owner_id=owner, skill_id="tech:sql", changes={"level": 6, "proficiency": 9}
        )
    with db.session() as s:
        profile_skills.upsert_skill(s, **parsed)  # type: ignore[arg-type]
    with db.session() as s:
        skill = profile_skills.find_skill(s, owner_id=owner, skill_id="tech:sql")
        assert skill is not None
        assert (skill.level, skill.proficiency, skill.source) == (Decimal("6.00"), 9, "both")
        assert len(skill.evidence) == 1  # the same span is not recorded twice
        profile_skills.remove_skill(s, owner_id=owner, skill_id="tech:sql")
    with db.session() as s:
        assert profile_skills.list_skills(s, owner_id=owner) == []


def test_job_upsert_deduplicates_and_analysis_is_replaced(db: Database) -> None:
    with db.session() as s:
        job, new = jobs.upsert_job(s, fields=JOB)
        again, new_again = jobs.upsert_job(s, fields={**JOB, "title": "Senior Data Engineer"})
        assert (new, new_again, again.id) == (True, False, job.id)
        jobs.save_analysis(
            s,
            job_id=job.id,
            jd_hash="sha256:first",
            engine_version="posting-test",
            required_skills=[{"skill_id": "tech:python"}],
            preferred_skills=[],
            years_experience=3,
            ats_keywords=["ETL"],
            occupation_code="15-1243.00",
        )
        jobs.save_analysis(
            s,
            job_id=job.id,
            jd_hash="sha256:second",
            engine_version="posting-test",
            required_skills=[{"skill_id": "tech:sql"}],
            preferred_skills=[],
            details={"remote": "no"},
        )
        job_id = job.id
    with db.session() as s:
        stored = jobs.get_job(s, job_id=job_id)
        assert (stored.title, stored.salary_max, stored.remote) == (
            "Senior Data Engineer",
            Decimal("150000.00"),
            False,
        )
        assert [j.id for j in jobs.list_jobs(s)] == [job_id]
        analysis = jobs.get_analysis(s, job_id=job_id)
        assert analysis is not None
        assert (analysis.required_skills, analysis.details, analysis.years_experience) == (
            [{"skill_id": "tech:sql"}],
            {"remote": "no"},
            None,
        )


def test_saved_job_pipeline_and_saved_search_round_trip(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        job, _ = jobs.upsert_job(s, fields=JOB)
        saved = saved_jobs.save_job(s, owner_id=owner, job_id=job.id, note="looks good")
        saved_jobs.set_status(s, owner_id=owner, saved_id=saved.id, status="applied", note="sent on Monday")
        search = saved_searches.add_search(
            s, owner_id=owner, search_term="data engineer", location="Austin", sources=["file"], remote=True
        )
        saved_id, search_id = saved.id, search.id
    now = dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC)
    with db.session() as s:
        stored = saved_jobs.get_saved_job(s, owner_id=owner, saved_id=saved_id)
        assert stored.status == "applied" and stored.note == "sent on Monday"
        assert [h["status"] for h in stored.status_history] == ["saved", "applied"]
        assert [j.id for j in saved_jobs.list_saved_jobs(s, owner_id=owner, status="applied")] == [saved_id]
        assert [x.id for x in saved_searches.due_searches(s, owner_id=owner, now=now)] == [search_id]
        saved_searches.mark_run(s, owner_id=owner, search_id=search_id, at=now)
    with db.session() as s:
        stored_search = saved_searches.list_searches(s, owner_id=owner)[0]
        assert (stored_search.interval_hours, stored_search.results_wanted, stored_search.remote) == (
            3,
            20,
            True,
        )
        assert saved_searches.due_searches(s, owner_id=owner, now=now + dt.timedelta(hours=2)) == []
        assert len(saved_searches.due_searches(s, owner_id=owner, now=now + dt.timedelta(hours=3))) == 1


def test_gap_report_with_learning_plan_goal_tasks_and_notes_round_trip(db: Database) -> None:
    owner = _user(db)
    with db.session() as s:
        job, _ = jobs.upsert_job(s, fields=JOB)
        report = gap_reports.add_report(
            s,
            owner_id=owner,
            job_id=job.id,
            jd_hash="sha256:job-1",
            score=72,
            score_version="gap-1",
            matched=[{"skill_id": "tech:python"}],
            missing=[{"skill_id": "tech:spark", "reason": "required"}],
            score_breakdown={"required": 60, "preferred": 12},
        )
        spark = learning.upsert_learning_item(
            s, skill_id="tech:spark", title="Spark basics", url="https://example.org/spark", hours=6
        )
        gap_reports.link_learning_items(
            s, owner_id=owner, report_id=report.id, items=[(spark.id, "tech:spark", 0.8)]
        )
        goal = goals.add_goal(
            s, owner_id=owner, title="Become a data engineer", target_date=dt.date(2027, 6, 1)
        )
        week1, week2 = tasks.add_tasks(
            s,
            owner_id=owner,
            tasks=[
                NewTask(
                    title="Spark course",
                    start_date=dt.date(2026, 12, 1),
                    due_date=dt.date(2026, 12, 7),
                    goal_id=goal.id,
                    learning_item_id=spark.id,
                    skill_id="tech:spark",
                    created_by="agent",
                ),
                NewTask(title="Spark project", due_date=dt.date(2026, 12, 14), goal_id=goal.id),
            ],
        )
        notes.add_note(s, owner_id=owner, content="Ask about the Spark version", report_id=report.id)
        notes.add_note(s, owner_id=owner, content="Use the NYC taxi data", task_id=week2.id)
        ids = (report.id, goal.id, week1.id, week2.id)
    with db.session() as s:
        stored = gap_reports.get_report(s, owner_id=owner, report_id=ids[0])
        assert (stored.score, stored.score_breakdown["required"], stored.missing[0]["reason"]) == (
            72,
            60,
            "required",
        )
        [(link, item)] = gap_reports.report_learning_items(s, owner_id=owner, report_id=ids[0])
        assert (item.title, link.learning_value, item.hours) == ("Spark basics", 0.8, Decimal("6.0"))
        assert [i.title for i in learning.items_for_skill(s, skill_id="tech:spark")] == ["Spark basics"]
        assert [t.title for t in tasks.list_tasks(s, owner_id=owner, goal_id=ids[1])] == [
            "Spark course",
            "Spark project",
        ]
        done = tasks.complete_task(s, owner_id=owner, task_id=ids[2])
        first_done_at = done.done_at
        tasks.complete_task(s, owner_id=owner, task_id=ids[2])
        assert done.done_at == first_done_at
        tasks.reschedule_task(
            s, owner_id=owner, task_id=ids[3], start_date=None, due_date=dt.date(2026, 12, 21)
        )
        goals.set_goal_status(s, owner_id=owner, goal_id=ids[1], status="achieved")
    with db.session() as s:
        assert [t.title for t in tasks.list_tasks(s, owner_id=owner, done=False)] == ["Spark project"]
        assert tasks.get_task(s, owner_id=owner, task_id=ids[3]).due_date == dt.date(2026, 12, 21)
        assert [n.content for n in notes.list_notes(s, owner_id=owner, task_id=ids[3])] == [
            "Use the NYC taxi data"
        ]
        assert goals.list_goals(s, owner_id=owner, status="achieved")[0].title == "Become a data engineer"
        # Deleting the goal takes its tasks and their notes with it; the report's note stays.
        goals.delete_goal(s, owner_id=owner, goal_id=ids[1])
    with db.session() as s:
        assert tasks.list_tasks(s, owner_id=owner) == []
        assert [n.content for n in notes.list_notes(s, owner_id=owner)] == ["Ask about the Spark version"]
        assert s.get(SkillGapReport, ids[0]) is not None
