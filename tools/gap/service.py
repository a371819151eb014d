"""Gap reports for a stored person: analyse a posting once, score, store with provenance and learning."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from langchain_core.language_models import BaseChatModel
from sqlalchemy.orm import Session

from agent.llm import model_name
from onet.extract import Extractor
from onet.reference import Reference
from persistence.errors import NotFoundError
from persistence.repositories import (
    gap_reports,
    jobs,
    processing_runs,
    profile_skills,
    resumes,
    saved_jobs,
)
from tools.gap.person import person_from_profile
from tools.gap.report import GapReport, build_report
from tools.gap.score import SCORE_VERSION
from tools.jobs.analysis import ANALYSIS_VERSION, JobSkill, PostingAnalysis, analyse_posting, posting_hash
from tools.jobs.analysis_codec import StaleAnalysis, analysis_from_dict
from tools.jobs.model_refine import prompt_hash, refine_analysis
from tools.plan.catalogue import Resource, load_catalogue, resources_for, store_resource
from tools.plan.value import DEFAULT_THRESHOLD, LearningValue, learning_values
from tools.plan.web_resources import WebSearch, store_page

RESOURCES_PER_SKILL = 2


class GapError(ValueError):
    """A gap report that cannot be made, with a message for the person and a reason for code."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class StoredReport:
    """A report as stored: its id and revision, the report, and the learning plan it recommends."""

    report_id: int
    revision: int
    report: GapReport
    learning: list[dict[str, Any]] = field(default_factory=list)


def analyse_job(
    session: Session,
    reference: Reference,
    extractor: Extractor,
    *,
    job_id: int | None = None,
    title: str = "",
    text: str = "",
    model: BaseChatModel | None = None,
) -> tuple[PostingAnalysis, int | None]:
    """The analysis of a stored job or a pasted posting, stored once per text with its processing run.

    With a model, a fresh analysis gets the model's extra pass (grounded in the posting's own words).
    """
    company, remote = None, None
    if job_id is not None:
        try:
            job = jobs.get_job(session, job_id=job_id)
        except NotFoundError:
            raise GapError(
                f"there is no job {job_id}: list jobs to see their ids", reason="unknown_job"
            ) from None
        title, text, company, remote = job.title, job.description, job.company, job.remote
    if not text.strip():
        raise GapError("the posting is empty: paste the job description", reason="empty_posting")
    jd_hash = posting_hash(title, text)
    stored = jobs.get_analysis(session, jd_hash=jd_hash)
    if stored is not None and stored.engine_version == ANALYSIS_VERSION:
        try:
            analysis = analysis_from_dict(stored.details)
            if job_id is not None and stored.job_id != job_id:
                _save(session, analysis, job_id, reference, stored.processing_run_id)
            return analysis, job_id
        except (StaleAnalysis, KeyError, TypeError):
            pass  # written by an older engine: analyse again below
    analysis = analyse_posting(title, text, reference, extractor, company=company, remote_hint=remote)
    analysis, status = refine_analysis(analysis, text, reference, model)
    _save(session, analysis, job_id, reference, None, model=model, model_pass=status)
    return analysis, job_id


def _save(
    session: Session,
    analysis: PostingAnalysis,
    job_id: int | None,
    reference: Reference,
    run_id: int | None,
    *,
    model: BaseChatModel | None = None,
    model_pass: str = "off",
) -> None:
    with session.begin_nested():
        if run_id is None:
            run = processing_runs.record_run(
                session,
                kind="posting_analysis",
                engine_version=ANALYSIS_VERSION,
                llm_model=model_name(model),
                prompt_hash=prompt_hash() if model is not None else None,
                temperature=getattr(model, "temperature", None),
                onet_release=reference.release,
                params={
                    "skills": len(analysis.skills),
                    "insufficient": analysis.insufficient is not None,
                    "model_pass": model_pass,
                },
            )
            session.flush()
            run_id = run.id
        jobs.save_analysis(
            session,
            jd_hash=analysis.jd_hash,
            engine_version=ANALYSIS_VERSION,
            job_id=job_id,
            title=analysis.title,
            required_skills=[_skill_row(s) for s in analysis.required],
            preferred_skills=[_skill_row(s) for s in analysis.preferred],
            years_experience=analysis.years.years if analysis.years else None,
            education_level=analysis.education.level if analysis.education else None,
            ats_keywords=list(analysis.ats_keywords),
            occupation_code=analysis.occupation.code if analysis.occupation else None,
            details=analysis.as_dict(),
            processing_run_id=run_id,
        )


def _skill_row(skill: JobSkill) -> dict[str, Any]:
    return {
        "skill_id": skill.skill_id,
        "name": skill.name,
        "quote": skill.quote,
        "start": skill.start,
        "end": skill.end,
        "reason": skill.reason,
        "level_needed": skill.level_needed,
        "weight": skill.weight,
    }


def create_report(
    session: Session,
    *,
    owner_id: int,
    reference: Reference,
    extractor: Extractor,
    job_id: int | None = None,
    title: str = "",
    text: str = "",
    threshold: int = DEFAULT_THRESHOLD,
    catalogue: dict[str, tuple[Resource, ...]] | None = None,
    model: BaseChatModel | None = None,
    web: WebSearch | None = None,
) -> StoredReport:
    """Score the person's profile against a job and store the report as its next revision.

    Runs in a savepoint: a failure leaves no report, no learning links and no processing run.
    """
    rows = profile_skills.list_skills(session, owner_id=owner_id)
    if not rows:
        raise GapError(
            "your profile has no skills yet: upload a resume or add a skill first", reason="empty_profile"
        )
    default = resumes.default_resume(session, owner_id=owner_id)
    person = person_from_profile(rows, default.parsed_json if default else None, reference.occupations)
    analysis, job_id = analyse_job(
        session, reference, extractor, job_id=job_id, title=title, text=text, model=model
    )
    report = build_report(person, analysis, reference.occupations)
    saved = [
        analyse_job(session, reference, extractor, job_id=s.job_id)[0]
        for s in saved_jobs.list_saved_jobs(session, owner_id=owner_id)
        if s.job_id != job_id
    ]
    to_learn = [o.job for o in report.score.outcomes if o.held is None or o.weak]
    values = learning_values(person, to_learn, [analysis, *saved], reference.occupations, threshold=threshold)
    chosen = catalogue if catalogue is not None else load_catalogue()
    with session.begin_nested():
        run = processing_runs.record_run(
            session,
            kind="gap_report",
            engine_version=SCORE_VERSION,
            onet_release=reference.release,
            params={
                "analysis_version": ANALYSIS_VERSION,
                "threshold": threshold,
                "jobs_valued": len(saved) + 1,
            },
        )
        session.flush()
        row = gap_reports.add_report(
            session,
            owner_id=owner_id,
            score_version=SCORE_VERSION,
            jd_hash=analysis.jd_hash,
            resume_id=default.id if default else None,
            job_id=job_id,
            matched=report.matched,
            missing=report.missing,
            weak=report.weak,
            extra=report.extra,
            score=report.score.value,
            score_breakdown=report.breakdown() | {"learning_value": [v.as_dict() for v in values]},
            report_note=analysis.insufficient,
            processing_run_id=run.id,
        )
        session.flush()
        learning = _link_learning(
            session, owner_id=owner_id, report_id=row.id, values=values, catalogue=chosen, web=web
        )
        if web is not None and web.warnings:
            row.score_breakdown = {**row.score_breakdown, "learning_warnings": list(web.warnings)}
    return StoredReport(row.id, row.revision, report, learning)


def _link_learning(
    session: Session,
    *,
    owner_id: int,
    report_id: int,
    values: list[LearningValue],
    catalogue: dict[str, tuple[Resource, ...]],
    web: WebSearch | None,
) -> list[dict[str, Any]]:
    links: list[tuple[int, str, float]] = []
    plan: list[dict[str, Any]] = []
    for value in values:
        found = [
            store_resource(session, resource)
            for resource in resources_for(value.skill_id, catalogue, limit=RESOURCES_PER_SKILL)
        ]
        if not found and web is not None:
            # Only what the curated catalogue lacks is searched for, and marked as found on the web.
            found = [store_page(session, page) for page in web.find(value.skill_id, value.name)]
        for item in found:
            links.append((item.id, value.skill_id, value.lift))
            resource_fields = {
                "learning_item_id": item.id,
                "resource": item.title,
                "url": item.url,
                "hours": float(item.hours) if item.hours is not None else None,
                "difficulty": item.level,
                "source": item.source,
            }
            plan.append(value.as_dict() | resource_fields)
        if not found:
            plan.append(value.as_dict() | {"resource": None, "url": None, "hours": None, "difficulty": None})
    gap_reports.link_learning_items(session, owner_id=owner_id, report_id=report_id, items=links)
    return plan


def report_history(session: Session, *, owner_id: int, jd_hash: str) -> list[dict[str, Any]]:
    """Every revision of the person's report on one posting, oldest first, each still readable."""
    return [
        {
            "report_id": r.id,
            "revision": r.revision,
            "score": r.score,
            "score_version": r.score_version,
            "created_at": r.created_at.isoformat(),
            "matched": [m["name"] for m in r.matched],
            "missing": [m["name"] for m in r.missing],
        }
        for r in gap_reports.report_revisions(session, owner_id=owner_id, jd_hash=jd_hash)
    ]
