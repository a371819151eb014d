"""The agent's gap-report tools: score the person against a job, and list the reports made so far."""

from __future__ import annotations

from typing import Any

from langchain_core.tools import tool
from langgraph.types import Command

from persistence.repositories import gap_reports, jobs
from tools.answers import AgentRuntime, Answer, reply, run_context, services
from tools.gap.report import to_markdown
from tools.gap.service import create_report
from tools.jobs.tool import posting_arguments
from tools.plan.web_resources import WebSearch

SHOWN_LEARNING = 5
SHOWN_REPORTS = 10


@tool
def gap_report(
    runtime: AgentRuntime, job_id: int | None = None, text: str | None = None, title: str | None = None
) -> Command[Any]:
    """Explain what stands between the person's profile and one job, with a computed 0-100 score.

    The report gives the score's reasons, matched skills with the resume quote proving each, weak and
    missing skills, and what to learn first.

    Give `job_id` for a stored job. For a posting the person pasted into the chat, leave `text`
    empty: the tool reads the paste itself. The score is computed, never estimated: quote it as given.
    """
    context = run_context(runtime)
    engines = services(runtime)
    chosen_id, chosen_title, chosen_text = posting_arguments(runtime, job_id, text, title)
    key = engines.settings.tavily_api_key
    with engines.session() as session:
        stored = create_report(
            session,
            owner_id=context.owner_id,
            reference=engines.reference,
            extractor=engines.extractor,
            job_id=chosen_id,
            title=chosen_title,
            text=chosen_text,
            catalogue=engines.catalogue,
            model=engines.pass_model,
            web=WebSearch(key.get_secret_value()) if key else None,
        )
    text_out = to_markdown(stored.report).rstrip()
    firsts = list({item["skill_id"]: item for item in stored.learning}.values())[:SHOWN_LEARNING]
    if firsts:
        text_out += "\n\n### What to learn first\n" + "\n".join(
            f"- {item['name']}: +{item['lift']:g} points on average"
            + (
                f" ({item['resource']}, {item['hours']:g} h)"
                if item.get("resource") and item.get("hours")
                else ""
            )
            for item in firsts
        )
    text_out += f"\n\n(report {stored.report_id}, revision {stored.revision})"
    facts: dict[str, Any] = {"report_id": stored.report_id}
    if chosen_id is not None:
        facts["job_id"] = chosen_id
    artifact = {"report_id": stored.report_id, "score": stored.report.score.value}
    return reply(runtime, Answer(text_out, facts, artifact), name="gap_report")


@tool
def list_gap_reports(runtime: AgentRuntime) -> Command[Any]:
    """List the person's gap reports, newest first, with score and job."""
    context = run_context(runtime)
    with services(runtime).session() as session:
        rows = gap_reports.list_reports(session, owner_id=context.owner_id)[:SHOWN_REPORTS]
        titles = jobs.analysis_titles(session, jd_hashes=[row.jd_hash for row in rows])
        lines = []
        for number, row in enumerate(rows, start=1):
            title = titles.get(row.jd_hash) or "untitled posting"
            where = f"job {row.job_id}" if row.job_id is not None else "pasted"
            score = f"{row.score}/100" if row.score is not None else "no score"
            lines.append(
                f"{number}. report {row.id}: {title} ({where}), {score}, "
                f"revision {row.revision}, {row.created_at:%Y-%m-%d}"
            )
        facts = {"reports": [r.id for r in rows], "jobs": [r.job_id for r in rows if r.job_id is not None]}
    if not lines:
        return reply(runtime, Answer("You have no gap reports yet."), name="list_gap_reports")
    return reply(runtime, Answer("Your gap reports:\n" + "\n".join(lines), facts), name="list_gap_reports")
