"""The optional model pass over a posting, against a local OpenAI-compatible server: grounded or dropped."""

from __future__ import annotations

import uuid

from langchain_core.language_models import BaseChatModel

from agent.llm import remote_chat_model
from agent.settings import load_settings
from onet.extract import Extractor
from onet.reference import load_reference
from persistence.models import ProcessingRun
from persistence.repositories import jobs
from tools.gap.service import analyse_job
from tools.jobs.analysis import analyse_posting
from tools.jobs.model_refine import MODEL_REASON, refine_analysis

from ..unit.onet_reference import extractor, reference
from .conftest import ImportedKnowledgeBase
from .openai_stub import openai_stub

# A synthetic posting: the recruiter's contact details are invented and must never reach a model.
POSTING = """Data Analyst
Questions? Write to jane.recruiter@example.com or call (555) 010-9999.
Requirements:
- 3+ years of Python and SQL reporting.
- Strong Excel for month-end models.
Nice to have: Terraform.
About us: we build Kubernetes clusters at scale for our clients."""

ANSWER = (
    '{"skills": ['
    '{"skill": "Microsoft Excel", "quote": "Strong Excel for month-end models"},'
    '{"skill": "Apache Kafka", "quote": "Kafka streaming pipelines"},'
    '{"skill": "Go", "quote": "3+ years of Python and SQL reporting"},'
    '{"skill": "Kubernetes", "quote": "we build Kubernetes clusters at scale"}'
    "]}"
)


def _model(url: str) -> BaseChatModel:
    settings = load_settings(llm_base_url=url, llm_model="stub-model", llm_api_key="test-key")
    model = remote_chat_model(settings, streaming=False, max_retries=0)
    assert model is not None
    return model


def test_only_skills_the_posting_words_prove_are_added() -> None:
    plain = analyse_posting("Data Analyst", POSTING, reference(), extractor())
    assert "Microsoft Excel" not in {s.name for s in plain.skills}  # "Strong Excel" alone is too vague
    with openai_stub([ANSWER]) as stub:
        refined, status = refine_analysis(plain, POSTING, reference(), _model(stub.url))

    sent = str(stub.requests)
    assert "jane.recruiter@example.com" not in sent and "010-9999" not in sent
    assert "<posting>" in sent and "month-end models" in sent
    assert status == "ok"
    added = {s.name for s in refined.skills} - {s.name for s in plain.skills}
    assert added == {"Microsoft Excel"}  # Kafka: quote not in the posting; Go: quote names no Go
    excel = next(s for s in refined.required if s.name == "Microsoft Excel")
    assert POSTING[excel.start : excel.end] == excel.quote == "Excel"
    assert MODEL_REASON in excel.reason
    # Kubernetes is real words of the posting, but about the company: the posting's cues decide.
    assert "Kubernetes" not in {s.name for s in refined.skills}


def test_a_failing_model_leaves_the_analysis_with_a_warning() -> None:
    plain = analyse_posting("Data Analyst", POSTING, reference(), extractor())
    with openai_stub([503]) as stub:
        refined, status = refine_analysis(plain, POSTING, reference(), _model(stub.url))
    assert status == "failed"
    assert refined.skills == plain.skills
    assert any("model" in warning for warning in refined.warnings)


def test_the_processing_run_records_the_model_and_its_pass(onet_kb: ImportedKnowledgeBase) -> None:
    with onet_kb.database.session() as session:
        stored_reference = load_reference(session)
        job = jobs.upsert_job(
            session,
            fields={"title": "Data Analyst", "description": POSTING, "content_hash": f"model-{uuid.uuid4()}"},
        )[0]
        with openai_stub([ANSWER]) as stub:
            analysis, _ = analyse_job(
                session,
                stored_reference,
                Extractor(onet_kb.kb.catalog),
                job_id=job.id,
                model=_model(stub.url),
            )
        row = jobs.get_analysis(session, job_id=job.id)
        assert row is not None and "Microsoft Excel" in {s["name"] for s in row.required_skills}
        run = session.get(ProcessingRun, row.processing_run_id)
        assert run is not None and run.llm_model == "stub-model" and run.prompt_hash
        assert run.params["model_pass"] == "ok"
        assert "Microsoft Excel" in {s.name for s in analysis.skills}
