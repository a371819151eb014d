"""Uploading a resume: read, parse, optionally ask a model, then store resume, profile and run at once."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from langchain_core.language_models import BaseChatModel
from sqlalchemy.orm import Session

from agent.embeddings import MODEL_NAME
from agent.llm import model_name
from onet.extract import Extractor
from persistence.models import Resume
from persistence.repositories import processing_runs, profile_skills, resumes
from tools.resume.model_skills import ModelPassError, ground, prompt_hash, propose_skills
from tools.resume.parse import ParsedResume, parse_resume, with_model_skills, with_warning
from tools.resume.reading import ResumeText, read_resume

ENGINE_VERSION = "resume-1"
MAX_FILENAME = 200


@dataclass(frozen=True)
class IngestResult:
    """What one upload changed: the stored resume, its parse and the profile it fed."""

    resume_id: int
    parsed: ParsedResume
    reparsed: bool
    is_default: bool
    run_id: int
    profile_size: int


def ingest_resume(
    session: Session,
    *,
    owner_id: int,
    data: bytes,
    filename: str,
    extractor: Extractor,
    onet_release: str,
    max_bytes: int,
    today: dt.date,
    model: BaseChatModel | None = None,
    make_default: bool = True,
    read: ResumeText | None = None,
) -> IngestResult:
    """Parse an uploaded file into the owner's resume and profile; all stored, or nothing.

    Raises ResumeFileError (from reading) before anything touches the database; `read` is the
    file's text when the caller read it already (to refuse a bad file before loading anything else).
    The same file
    uploaded again replaces its earlier parse instead of making a second resume; skills the
    person changed or removed by hand keep their changes.
    """
    if read is None:
        read = read_resume(data, filename=filename, max_bytes=max_bytes)
    parsed = parse_resume(read, extractor, today=today)
    parsed, model_status = model_pass(parsed, extractor, model, today=today)
    name = PurePath(filename.replace("\\", "/")).name[:MAX_FILENAME] or "resume"
    with session.begin_nested():
        run = processing_runs.record_run(
            session,
            kind="resume_parse",
            engine_version=ENGINE_VERSION,
            llm_model=model_name(model),
            prompt_hash=prompt_hash() if model is not None else None,
            temperature=getattr(model, "temperature", None),
            embedding_model=MODEL_NAME if extractor.index is not None else None,
            onet_release=onet_release,
            params={"file_kind": read.file_kind, "pages": read.page_count, "model_pass": model_status},
        )
        session.flush()
        resume, reparsed = _resume_row(
            session, owner_id=owner_id, name=name, content_type=read.content_type, data=data, run_id=run.id
        )
        _store_resume_fields(session, owner_id, resume, parsed, run.id)
        if make_default and not resume.is_default:
            resumes.set_default(session, owner_id=owner_id, resume_id=resume.id)
        profile_skills.drop_resume_evidence(session, owner_id=owner_id, resume_id=resume.id)
        for entry in parsed.skills:
            profile_skills.upsert_skill(
                session,
                owner_id=owner_id,
                skill_id=entry.skill_id,
                display_name=entry.name,
                category=entry.category,
                level=entry.level,
                proficiency=entry.proficiency,
                confidence=entry.confidence,
                years=entry.years,
                source="resume",
                evidence=[{"resume_id": resume.id, **e.as_dict()} for e in entry.evidence],
                basis=list(entry.basis),
            )
        session.flush()
        size = len(profile_skills.list_skills(session, owner_id=owner_id))
    return IngestResult(resume.id, parsed, reparsed, resume.is_default, run.id, size)


def model_pass(
    parsed: ParsedResume, extractor: Extractor, model: BaseChatModel | None, *, today: dt.date
) -> tuple[ParsedResume, str]:
    """The parse with the model's grounded extra skills, and "off", "ok" or "failed"."""
    if model is None:
        return parsed, "off"
    try:
        proposals = propose_skills(model, parsed.redacted_text, [entry.name for entry in parsed.skills])
    except ModelPassError as error:
        warning = f"The model's extra pass was skipped: {error}; the profile uses Jobmate's own extraction."
        return with_warning(parsed, warning), "failed"
    grounded = ground(proposals, parsed.text, extractor.catalog)
    return with_model_skills(parsed, grounded, extractor.catalog, today=today), "ok"


def _resume_row(
    session: Session, *, owner_id: int, name: str, content_type: str, data: bytes, run_id: int
) -> tuple[Resume, bool]:
    """The owner's resume row for this file, and whether it existed before."""
    file_sha = hashlib.sha256(data).hexdigest()
    existing = resumes.find_by_file(session, owner_id=owner_id, file_sha256=file_sha)
    if existing is not None:
        return existing, True
    resume = resumes.add_resume(
        session,
        owner_id=owner_id,
        original_filename=name,
        content_type=content_type,
        size_bytes=len(data),
        file_sha256=file_sha,
        status="parsed",
        processing_run_id=run_id,
        make_default=False,
    )
    session.flush()
    return resume, False


def _store_resume_fields(
    session: Session, owner_id: int, resume: Resume, parsed: ParsedResume, run_id: int
) -> None:
    resumes.update_parse(
        session,
        owner_id=owner_id,
        resume_id=resume.id,
        status="parsed",
        sections=[section.as_dict() for section in parsed.sections],
        parsed_json=parsed.parsed_json(),
        processing_run_id=run_id,
        raw_text=parsed.text,
        raw_text_sha256=parsed.raw_text_sha256,
        redacted_text=parsed.redacted_text,
    )
