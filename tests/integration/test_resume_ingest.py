"""Uploading resumes end to end: real files, the real database, hand edits that last, no half-stored rows."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from agent.llm import remote_chat_model
from agent.settings import load_settings
from onet.extract import Extractor
from persistence.db import Database
from persistence.models import ProcessingRun, ProfileSkill, Resume
from persistence.repositories import profile_skills, resumes, users
from tools.resume.ingest import ENGINE_VERSION, IngestResult, ingest_resume
from tools.resume.reading import ResumeFileError

from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA
from .openai_stub import openai_stub

TODAY = dt.date(2026, 11, 24)
PDF_DIR = SHARED_DATA / "resumes" / "pdf"
IT_PDF = PDF_DIR / "INFORMATION-TECHNOLOGY_28035460.pdf"
ACCOUNTANT_PDF = PDF_DIR / "ACCOUNTANT_15289348.pdf"
MAX_BYTES = 10 * 1024 * 1024

# A synthetic resume: the contact details are invented and must never reach a model.
SYNTHETIC = """Jordan Example
jordan.example@example.com | (555) 010-2345 | Springfield, IL | linkedin.com/in/jordan-example

Summary
Data engineer with six years of experience in batch and streaming pipelines.

Experience
Senior Data Engineer, Acme Corp  Jan 2019 to Present
Led the team that built ETL pipelines in Python on AWS.
Deployed services with Docker and Kubernetes.
Tuned Spark jobs for the data platform.

Skills
Python, SQL, Tableau

Education
B.S. Computer Science, State University, 2016
"""


@pytest.fixture(scope="module")
def extractor(onet_kb: ImportedKnowledgeBase) -> Extractor:
    return Extractor(onet_kb.kb.catalog)


@pytest.fixture
def owner(db: Database) -> int:
    with db.session() as session:
        return users.add_user(session, identifier="reader", password="correct horse").id


def upload(
    db: Database, extractor: Extractor, owner: int, data: bytes, filename: str, **options: object
) -> IngestResult:
    with db.session() as session:
        return ingest_resume(
            session,
            owner_id=owner,
            data=data,
            filename=filename,
            extractor=extractor,
            onet_release="29.2",
            max_bytes=MAX_BYTES,
            today=TODAY,
            **options,  # type: ignore[arg-type]
        )


def counts(session: Session) -> tuple[int, int, int]:
    return (
        session.scalar(select(func.count()).select_from(Resume)) or 0,
        session.scalar(select(func.count()).select_from(ProfileSkill)) or 0,
        session.scalar(select(func.count()).select_from(ProcessingRun)) or 0,
    )


def test_a_real_pdf_becomes_a_stored_resume_with_an_evidenced_profile(
    db: Database, extractor: Extractor, owner: int
) -> None:
    data = IT_PDF.read_bytes()
    result = upload(db, extractor, owner, data, "folder/" + IT_PDF.name)

    with db.session() as session:
        resume = resumes.get_resume(session, owner_id=owner, resume_id=result.resume_id)
        assert resume.original_filename == IT_PDF.name
        assert resume.status == "parsed" and resume.is_default
        assert resume.content_type == "application/pdf"
        assert resume.file_sha256 == hashlib.sha256(data).hexdigest()
        raw = resume.raw_text or ""
        assert "Information Technology Specialist" in raw
        assert resume.raw_text_sha256 == hashlib.sha256(raw.encode()).hexdigest()
        meta = resume.parsed_json
        assert meta["page_count"] >= 1 and meta["word_count"] > 300
        assert meta["raw_text_sha256"] == resume.raw_text_sha256
        assert 0 < len(meta["text_preview"]) <= 1000
        assert {"warnings", "contact", "roles", "education", "career_level", "total_years"} <= set(meta)
        assert len(meta["roles"]) >= 3
        kinds = {section["kind"]: section["tailorable"] for section in resume.sections}
        assert kinds.get("experience") is True and kinds.get("education") is False

        run = session.get(ProcessingRun, resume.processing_run_id)
        assert run is not None and run.kind == "resume_parse"
        assert (run.engine_version, run.onet_release, run.llm_model) == (ENGINE_VERSION, "29.2", None)

        profile = profile_skills.list_skills(session, owner_id=owner)
        assert len(profile) == len(result.parsed.skills) == result.profile_size >= 8
        names = {skill.display_name for skill in profile}
        assert {"technical support", "software development"} <= names
        for skill in profile:
            assert skill.source == "resume"
            assert 1 <= float(skill.level) <= 6 and 1 <= skill.proficiency <= 10
            assert skill.basis, skill.display_name
            for evidence in skill.evidence:
                assert evidence["resume_id"] == resume.id
                assert raw[evidence["start"] : evidence["end"]] == evidence["quote"]


def test_the_same_file_again_reparses_in_place(db: Database, extractor: Extractor, owner: int) -> None:
    data = IT_PDF.read_bytes()
    first = upload(db, extractor, owner, data, IT_PDF.name)
    second = upload(db, extractor, owner, data, "renamed.pdf")

    assert (first.reparsed, second.reparsed) == (False, True)
    assert second.resume_id == first.resume_id
    with db.session() as session:
        assert counts(session) == (1, first.profile_size, 2)
        for skill in profile_skills.list_skills(session, owner_id=owner):
            spans = [(e["start"], e["end"]) for e in skill.evidence]
            assert len(spans) == len(set(spans)), skill.display_name


def test_hand_made_changes_survive_parsing_the_same_resume_again(
    db: Database, extractor: Extractor, owner: int
) -> None:
    data = IT_PDF.read_bytes()
    upload(db, extractor, owner, data, IT_PDF.name)
    with db.session() as session:
        profile_skills.update_skill(
            session,
            owner_id=owner,
            skill_id="concept:technical-support",
            changes={"level": 5, "proficiency": 7},
        )
        profile_skills.remove_skill(session, owner_id=owner, skill_id="concept:software-development")
        profile_skills.upsert_skill(
            session,
            owner_id=owner,
            skill_id="tech:python",
            display_name="Python",
            category="language",
            level=3,
            proficiency=4,
            confidence=1.0,
            source="manual",
        )

    upload(db, extractor, owner, data, IT_PDF.name)

    with db.session() as session:
        listed = {s.skill_id: s for s in profile_skills.list_skills(session, owner_id=owner)}
        support = listed["concept:technical-support"]
        assert (float(support.level), support.proficiency, support.source) == (5.0, 7, "both")
        assert support.evidence, "the resume's evidence stays attached to a hand-edited skill"
        assert "concept:software-development" not in listed
        removed = profile_skills.find_skill(session, owner_id=owner, skill_id="concept:software-development")
        assert removed is not None and removed.removed_at is not None
        assert listed["tech:python"].source == "manual"


def test_the_newest_upload_becomes_the_default_unless_the_person_says_otherwise(
    db: Database, extractor: Extractor, owner: int
) -> None:
    first = upload(db, extractor, owner, IT_PDF.read_bytes(), IT_PDF.name)
    second = upload(db, extractor, owner, ACCOUNTANT_PDF.read_bytes(), ACCOUNTANT_PDF.name)
    third = upload(db, extractor, owner, SYNTHETIC.encode(), "resume.txt", make_default=False)

    assert (first.is_default, second.is_default, third.is_default) == (True, True, False)
    with db.session() as session:
        default = resumes.default_resume(session, owner_id=owner)
        assert default is not None and default.id == second.resume_id
        assert len(resumes.list_resumes(session, owner_id=owner)) == 3
        # Deleting a resume's evidence leaves skills the other resumes prove.
        profile_skills.drop_resume_evidence(session, owner_id=owner, resume_id=first.resume_id)
        for skill in profile_skills.list_skills(session, owner_id=owner):
            assert all(e["resume_id"] != first.resume_id for e in skill.evidence)
            assert skill.evidence


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(120):
                member.write(block)
    return buffer.getvalue()


def _truncated_docx() -> bytes:
    return (SHARED_DATA / "resumes" / "docx" / "4ubr3ypwd+resume-post-wds__Resume.docx").read_bytes()[:4000]


@pytest.mark.parametrize(
    ("make", "filename", "reason"),
    [
        (lambda: b"", "empty.pdf", "empty"),
        (lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "photo.pdf", "unsupported_type"),
        (lambda: IT_PDF.read_bytes()[:3000], "cut.pdf", "corrupt"),
        (_truncated_docx, "cut.docx", "corrupt"),
        (_zip_bomb, "bomb.docx", "zip_bomb"),
        (lambda: b"%PDF-1.4\n" + b"A" * (MAX_BYTES + 1), "huge.pdf", "too_large"),
    ],
    ids=["zero-bytes", "png-renamed", "corrupt-pdf", "corrupt-docx", "zip-bomb", "too-large"],
)
def test_bad_files_get_a_clear_reason_and_store_nothing(  # noqa: PLR0917 - fixtures plus parameters
    db: Database, extractor: Extractor, owner: int, make: object, filename: str, reason: str
) -> None:
    data = make()  # type: ignore[operator]
    with pytest.raises(ResumeFileError) as caught:
        upload(db, extractor, owner, data, filename)
    assert caught.value.reason == reason
    assert str(caught.value) and "Traceback" not in str(caught.value)
    with db.session() as session:
        assert counts(session) == (0, 0, 0)


def test_a_failure_while_storing_leaves_no_partial_rows(
    db: Database, extractor: Extractor, owner: int
) -> None:
    with pytest.raises(Exception, match="owner"):  # the database's own refusal
        upload(db, extractor, owner + 999, IT_PDF.read_bytes(), IT_PDF.name)
    with db.session() as session:
        assert counts(session) == (0, 0, 0)


def test_the_model_pass_adds_only_grounded_skills_and_sees_only_redacted_text(
    db: Database, extractor: Extractor, owner: int
) -> None:
    found_by_extractor = {span.skill_id for span in extractor.extract(SYNTHETIC)}
    assert "tech:apache-spark" not in found_by_extractor
    # Spark is a guarded word the extractor leaves alone in prose; the model's quote proves it.
    answer = (
        '{"skills": ['
        '{"skill": "Apache Spark", "quote": "Tuned Spark jobs for the data platform"},'
        '{"skill": "Apache Kafka", "quote": "Streamed events through Kafka"},'
        '{"skill": "Go", "quote": "Led the team that built ETL pipelines"}'
        "]}"
    )
    with openai_stub([answer]) as stub:
        settings = load_settings(llm_base_url=stub.url, llm_model="stub-model", llm_api_key="test-key")
        model = remote_chat_model(settings, streaming=False, max_retries=0)
        result = upload(db, extractor, owner, SYNTHETIC.encode(), "resume.md", model=model)

    sent = str(stub.requests)
    for private in ("jordan.example@example.com", "010-2345", "Jordan", "linkedin.com/in/jordan-example"):
        assert private not in sent
    assert "<resume>" in sent and "Led the team that built ETL pipelines" in sent
    by_id = {entry.skill_id: entry for entry in result.parsed.skills}
    spark = by_id["tech:apache-spark"]
    assert [(e.quote, e.method) for e in spark.evidence] == [("Spark", "model")]
    assert "tech:apache-kafka" not in by_id  # its quote is not in the resume
    assert "tech:go" not in by_id  # the quote is real but does not name Go
    assert result.parsed.model_skills == 1
    for entry in result.parsed.skills:
        for evidence in entry.evidence:
            assert SYNTHETIC[evidence.start : evidence.end] == evidence.quote
    with db.session() as session:
        run = session.get(ProcessingRun, result.run_id)
        assert run is not None
        assert run.llm_model == "stub-model" and run.prompt_hash and run.params["model_pass"] == "ok"


def test_a_failing_model_leaves_the_profile_from_extraction_and_says_so(
    db: Database, extractor: Extractor, owner: int
) -> None:
    with openai_stub([503]) as stub:
        settings = load_settings(llm_base_url=stub.url, llm_model="stub-model")
        model = remote_chat_model(settings, streaming=False, max_retries=0)
        result = upload(db, extractor, owner, SYNTHETIC.encode(), "resume.txt", model=model)

    assert any("model" in warning for warning in result.parsed.warnings)
    assert result.parsed.skills
    with db.session() as session:
        run = session.get(ProcessingRun, result.run_id)
        assert run is not None and run.params["model_pass"] == "failed"
        assert len(profile_skills.list_skills(session, owner_id=owner)) == len(result.parsed.skills)


def test_redaction_keeps_contacts_apart_from_the_stored_redacted_text(
    db: Database, extractor: Extractor, owner: int
) -> None:
    result = upload(db, extractor, owner, SYNTHETIC.encode(), "resume.txt")
    with db.session() as session:
        resume = resumes.get_resume(session, owner_id=owner, resume_id=result.resume_id)
        redacted = resume.redacted_text or ""
        assert resume.raw_text == SYNTHETIC
        for private in ("jordan.example@example.com", "(555) 010-2345", "Jordan Example"):
            assert private not in redacted
            assert private not in resume.parsed_json["text_preview"]
        assert "Senior Data Engineer" in redacted
        contact = resume.parsed_json["contact"]
        assert contact["email"] == "jordan.example@example.com"
        assert contact["name"] == "Jordan Example"


def test_evidence_offsets_hold_for_every_real_pdf_sample(extractor: Extractor) -> None:
    from tools.resume.parse import parse_resume  # noqa: PLC0415
    from tools.resume.reading import read_resume  # noqa: PLC0415

    for path in sorted(PDF_DIR.glob("*.pdf"))[::4]:
        try:
            read = read_resume(path.read_bytes(), filename=path.name)
        except ResumeFileError:
            continue
        parsed = parse_resume(read, extractor, today=TODAY)
        for entry in parsed.skills:
            for evidence in entry.evidence:
                assert read.text[evidence.start : evidence.end] == evidence.quote, path.name
