"""Stored gap reports on real PostgreSQL: provenance, learning items, revisions after a dispute, refusals."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onet.extract import Extractor
from onet.reference import Reference, load_reference
from persistence.models import JdAnalysis, ProcessingRun, ReportLearningItem, SkillGapReport
from persistence.repositories import gap_reports, jobs, profile_skills, saved_jobs, users
from tools.gap.report import to_markdown
from tools.gap.service import GapError, create_report, report_history
from tools.resume.ingest import ingest_resume

from ..unit.onet_reference import postings
from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA

PDF = SHARED_DATA / "resumes" / "pdf" / "ACCOUNTANT_15289348.pdf"
ACCOUNTANT = "3880115287"
OTHERS = ("3884430608", "3884431550", "3846960909")  # two accountant postings and a line cook


@pytest.fixture(scope="module")
def reference(onet_kb: ImportedKnowledgeBase) -> Reference:
    with onet_kb.database.session() as session:
        return load_reference(session)


@pytest.fixture(scope="module")
def extractor(onet_kb: ImportedKnowledgeBase) -> Extractor:
    return Extractor(onet_kb.kb.catalog)


@pytest.fixture
def session(onet_kb: ImportedKnowledgeBase) -> Iterator[Session]:
    with onet_kb.database.session() as open_session:
        yield open_session


def _person(session: Session, extractor: Extractor, *, with_resume: bool = True) -> int:
    owner = users.add_user(session, identifier=f"gap-{uuid.uuid4().hex[:8]}").id
    if with_resume:
        ingest_resume(
            session,
            owner_id=owner,
            data=PDF.read_bytes(),
            filename=PDF.name,
            extractor=extractor,
            onet_release="29.2",
            max_bytes=10_000_000,
            today=dt.date(2026, 11, 24),
        )
    return owner


def _job(session: Session, job_id: str) -> int:
    title, text = postings()[job_id]
    fields = {"title": title, "description": text, "content_hash": f"test-{job_id}", "source": "file"}
    return jobs.upsert_job(session, fields=fields)[0].id


def _count(session: Session, model: type, **where: object) -> int:
    query = select(func.count()).select_from(model)
    for column, value in where.items():
        query = query.where(getattr(model, column) == value)
    return int(session.scalar(query) or 0)


def test_a_report_is_stored_with_provenance_learning_items_and_a_cached_analysis(
    session: Session, reference: Reference, extractor: Extractor
) -> None:
    owner = _person(session, extractor)
    job = _job(session, ACCOUNTANT)
    stored = create_report(session, owner_id=owner, reference=reference, extractor=extractor, job_id=job)

    row = gap_reports.get_report(session, owner_id=owner, report_id=stored.report_id)
    assert (row.revision, row.job_id, row.score_version) == (1, job, "gap-1")
    assert row.score == stored.report.score.value and row.score is not None and 0 < row.score < 100
    assert row.score_breakdown["band"]["low"] <= row.score <= row.score_breakdown["band"]["high"]
    assert {d["name"] for d in row.score_breakdown["dimensions"]} >= {"required", "level", "role"}
    run = session.get(ProcessingRun, row.processing_run_id)
    assert run is not None and run.kind == "gap_report" and run.onet_release == reference.release
    analysis = jobs.get_analysis(session, job_id=job)
    assert analysis is not None and analysis.engine_version == "posting-1" and analysis.required_skills
    links = gap_reports.report_learning_items(session, owner_id=owner, report_id=row.id)
    assert links and all(item.url.startswith("https://") for _link, item in links)
    assert {link.skill_id for link, _item in links} <= {m["skill_id"] for m in row.missing + row.weak}
    assert [link.position for link, _ in links] == list(range(len(links)))

    # The same posting again reuses its analysis: no second analysis run.
    runs_before = _count(session, ProcessingRun, kind="posting_analysis")
    again = create_report(session, owner_id=owner, reference=reference, extractor=extractor, job_id=job)
    assert again.revision == 2 and again.report.score.value == stored.report.score.value
    assert _count(session, ProcessingRun, kind="posting_analysis") == runs_before
    assert _count(session, JdAnalysis, jd_hash=row.jd_hash) == 1


@pytest.mark.parametrize("quoted", [True, False], ids=["with-quote", "without-quote"])
def test_a_skill_added_by_hand_gives_a_new_revision_and_the_old_one_stays(
    session: Session, reference: Reference, extractor: Extractor, quoted: bool
) -> None:
    owner = _person(session, extractor)
    title, text = postings()[ACCOUNTANT]
    first = create_report(
        session, owner_id=owner, reference=reference, extractor=extractor, title=title, text=text
    )
    missing = next(m for m in first.report.missing if m["importance"] == "required")
    profile_skills.upsert_skill(
        session,
        owner_id=owner,
        skill_id=missing["skill_id"],
        display_name=missing["name"],
        category="tool",
        level=4,
        proficiency=6,
        confidence=1.0,
        source="manual",
        evidence=[{"quote": f"{missing['name']} every month-end", "section": "experience"}]
        if quoted
        else None,
    )
    second = create_report(
        session, owner_id=owner, reference=reference, extractor=extractor, title=title, text=text
    )

    assert second.revision == 2
    assert first.report.score.value is not None and second.report.score.value is not None
    assert second.report.score.value > first.report.score.value
    disputed = next(m for m in second.report.matched if m["skill_id"] == missing["skill_id"])
    assert disputed["source"] == "manual"
    history = report_history(session, owner_id=owner, jd_hash=first.report.analysis.jd_hash)
    assert [h["revision"] for h in history] == [1, 2]
    assert history[0]["score"] == first.report.score.value and missing["name"] in history[0]["missing"]
    assert missing["name"] in history[1]["matched"]
    # The report quotes the person's words, or says there are none rather than inventing a quote.
    row = next(
        line for line in to_markdown(second.report).splitlines() if line.startswith(f"| {missing['name']} |")
    )
    assert row.endswith(f'| "{missing["name"]} every month-end" |' if quoted else "| (manual, no quote) |")


def test_learning_value_counts_the_person_saved_jobs(
    session: Session, reference: Reference, extractor: Extractor
) -> None:
    owner = _person(session, extractor)
    for job_id in OTHERS:
        saved_jobs.save_job(session, owner_id=owner, job_id=_job(session, job_id))
    stored = create_report(
        session, owner_id=owner, reference=reference, extractor=extractor, job_id=_job(session, ACCOUNTANT)
    )
    values = (
        stored.report
        and gap_reports.get_report(session, owner_id=owner, report_id=stored.report_id).score_breakdown[
            "learning_value"
        ]
    )
    assert values and all(v["jobs"] == 4 for v in values)
    lifts = [v["lift"] for v in values]
    assert lifts == sorted(lifts, reverse=True) and lifts[0] > 0


def test_refusals_leave_nothing_behind(session: Session, reference: Reference, extractor: Extractor) -> None:
    empty = _person(session, extractor, with_resume=False)
    owner = _person(session, extractor)
    before = (
        _count(session, SkillGapReport),
        _count(session, ReportLearningItem),
        _count(session, JdAnalysis),
    )

    with pytest.raises(GapError, match="no skills yet") as no_profile:
        create_report(session, owner_id=empty, reference=reference, extractor=extractor, title="x", text="y")
    with pytest.raises(GapError, match="no job 999999") as unknown:
        create_report(session, owner_id=owner, reference=reference, extractor=extractor, job_id=999_999)
    with pytest.raises(GapError, match="empty") as blank:
        create_report(
            session, owner_id=owner, reference=reference, extractor=extractor, title="Clerk", text="  "
        )

    assert (no_profile.value.reason, unknown.value.reason, blank.value.reason) == (
        "empty_profile",
        "unknown_job",
        "empty_posting",
    )
    after = (
        _count(session, SkillGapReport),
        _count(session, ReportLearningItem),
        _count(session, JdAnalysis),
    )
    assert after == before


def test_a_thin_posting_is_stored_without_a_number(
    session: Session, reference: Reference, extractor: Extractor
) -> None:
    owner = _person(session, extractor)
    stored = create_report(
        session,
        owner_id=owner,
        reference=reference,
        extractor=extractor,
        title="Cashier",
        text="Cashier wanted.",
    )
    row = gap_reports.get_report(session, owner_id=owner, report_id=stored.report_id)
    assert row.score is None and row.report_note and "words" in row.report_note
    assert row.score_breakdown["insufficient"] == row.report_note
