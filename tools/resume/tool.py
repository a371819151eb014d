"""The agent's resume and profile tools: read an upload into the profile, show it, change a skill."""

from __future__ import annotations

from typing import Any

from langchain_core.tools import tool
from langgraph.types import Command
from sqlalchemy.orm import Session

from agent.context import RunContext
from onet.lookup import Candidate
from persistence.models import ProfileSkill
from persistence.repositories import profile_skills
from persistence.uploads import find_upload, read_upload
from tools.answers import AgentRuntime, Answer, ToolInputError, reply, run_context, services
from tools.approvals import Preview, carry_out
from tools.resume.ingest import ingest_resume
from tools.resume.parse import ParsedResume, parse_resume
from tools.resume.profile import proficiency_for
from tools.resume.reading import read_resume as read_resume_file
from tools.services import Services

SHOWN_SKILLS = 12
SHOWN_EVIDENCE = 25


def _parse_upload(context: RunContext, file: str | None) -> tuple[str, bytes, ParsedResume]:
    engines: Services = context.services
    upload = find_upload(engines.data_dir, context.owner_id, file)
    data = read_upload(upload)
    read = read_resume_file(data, filename=upload.name, max_bytes=engines.max_upload_bytes)
    return upload.name, data, parse_resume(read, engines.extractor, today=context.today)


def preview_read_resume(context: RunContext, file: str | None = None) -> Preview:
    """What reading the upload would add: the skills found, strongest first."""
    name, _data, parsed = _parse_upload(context, file)
    if not parsed.skills:
        raise ToolInputError(f"{name} shows no skill Jobmate recognises, so there is nothing to add")
    strongest = sorted(parsed.skills, key=lambda s: (-s.level, s.name))
    lines = [f"{s.name}: level {s.level:.1f} ({s.category})" for s in strongest[:SHOWN_SKILLS]]
    if len(strongest) > SHOWN_SKILLS:
        lines.append(f"... and {len(strongest) - SHOWN_SKILLS} more")
    read = parsed.read
    summary = (
        f"Store {name} ({read.file_kind.upper()}, {read.word_count} words) as your resume and add "
        f"its {len(parsed.skills)} skills to your profile"
    )
    return Preview(summary, lines)


@tool
def read_resume(runtime: AgentRuntime, file: str | None = None) -> Command[Any]:
    """Read the person's uploaded resume (PDF, DOCX, TXT or Markdown) and build their skill profile.

    `file` is the uploaded file's name; leave it empty for the newest upload. The person approves
    the skills found before anything is stored.
    """

    def write(session: Session, context: RunContext) -> Answer:
        engines: Services = context.services
        upload = find_upload(engines.data_dir, context.owner_id, file)
        result = ingest_resume(
            session,
            owner_id=context.owner_id,
            data=read_upload(upload),
            filename=upload.name,
            extractor=engines.extractor,
            onet_release=engines.kb.catalog.release,
            max_bytes=engines.max_upload_bytes,
            today=context.today,
            model=engines.pass_model,
        )
        parsed = result.parsed
        action = "Read again" if result.reparsed else "Stored"
        top = ", ".join(s.name for s in sorted(parsed.skills, key=lambda s: -s.level)[:8])
        text = (
            f"{action} {upload.name} as resume {result.resume_id}: {len(parsed.skills)} skills found, "
            f"{parsed.total_years:g} years of experience, career level {parsed.career_level}. "
            f"Your profile now has {result.profile_size} skills. Strongest: {top}."
        )
        warnings = [w for w in parsed.warnings]
        if warnings:
            text += " Warnings: " + "; ".join(warnings)
        return Answer(text, {"resume_id": result.resume_id})

    return carry_out(runtime, name="read_resume", write=write)


@tool
def show_profile(runtime: AgentRuntime) -> Command[Any]:
    """Show the person's skill profile: each O*NET skill with level (0-7), source and a quote proving it."""
    context = run_context(runtime)
    with services(runtime).session() as session:
        rows = profile_skills.list_skills(session, owner_id=context.owner_id)
        if not rows:
            text = "Your profile is empty: upload a resume, or tell me a skill to add."
            return reply(runtime, Answer(text), name="show_profile")
        lines = [f"Your profile has {len(rows)} skills (level on O*NET's 0-7 scale):"]
        for row in rows[:SHOWN_EVIDENCE]:
            lines.append(_profile_line(row))
        if len(rows) > SHOWN_EVIDENCE:
            lines.append(f"... and {len(rows) - SHOWN_EVIDENCE} more.")
        artifact = {"skills": [{"skill_id": r.skill_id, "name": r.display_name} for r in rows[:50]]}
    return reply(runtime, Answer("\n".join(lines), artifact=artifact), name="show_profile")


def _profile_line(row: ProfileSkill) -> str:
    quote = next((e.get("quote") for e in row.evidence if e.get("quote")), None)
    proof = f' - "{" ".join(str(quote).split())}"' if quote else ""
    return f"- {row.display_name}: level {float(row.level):.1f} ({row.category}, from {row.source}){proof}"


def _find_skill(engines: Services, name: str) -> Candidate:
    if not name.strip():
        raise ToolInputError("say which skill you mean")
    found = engines.kb.lexical(name) or engines.kb.normalize([name], limit=1)[0]
    if not found:
        raise ToolInputError(f"no O*NET skill matches {name!r}; try another name for it")
    return found[0]


def _check_level(level: float) -> float:
    if not 0 <= level <= 7:
        raise ToolInputError(f"a level is on O*NET's 0-7 scale, not {level:g}")
    return level


def preview_add_profile_skill(
    context: RunContext, skill: str, level: float | None = None, evidence: str | None = None
) -> Preview:
    """Which skill would be added or raised, and to what level."""
    engines: Services = context.services
    found = _find_skill(engines, skill)
    chosen = _check_level(3.0 if level is None else level)
    with engines.session() as session:
        held = profile_skills.find_skill(session, owner_id=context.owner_id, skill_id=found.skill_id)
        before = float(held.level) if held is not None and held.removed_at is None else None
    verb = "Add" if before is None else f"Change (now level {before:.1f})"
    lines = [f'evidence in your words: "{evidence}"'] if evidence else []
    return Preview(f"{verb} {found.name} ({found.skill_id}) at level {chosen:g} in your profile", lines)


@tool
def add_profile_skill(
    runtime: AgentRuntime, skill: str, level: float | None = None, evidence: str | None = None
) -> Command[Any]:
    """Add a skill to the person's profile (or raise it), at a level on O*NET's 0-7 scale (default 3).

    Use it when the person says they have a skill the profile lacks; `evidence` is their own words.
    """

    def write(session: Session, context: RunContext) -> Answer:
        engines: Services = context.services
        found = _find_skill(engines, skill)
        chosen = _check_level(3.0 if level is None else level)
        proof = [{"quote": evidence, "section": None, "method": "manual"}] if evidence else []
        profile_skills.upsert_skill(
            session,
            owner_id=context.owner_id,
            skill_id=found.skill_id,
            display_name=found.name,
            category=engines.kb.catalog.skills[found.skill_id].category,
            level=chosen,
            proficiency=proficiency_for(chosen),
            confidence=1.0,
            source="manual",
            evidence=proof,
            basis=[f"set by hand: {chosen:g}"],
        )
        return Answer(f"Added {found.name} at level {chosen:g} to your profile.")

    return carry_out(runtime, name="add_profile_skill", write=write)


def preview_change_profile_skill(context: RunContext, skill: str, level: float) -> Preview:
    """The skill's level now and after the change."""
    engines: Services = context.services
    row = _held(engines, context, skill)
    _check_level(level)
    return Preview(f"Change {row.display_name} from level {float(row.level):.1f} to {level:g}")


def _held(engines: Services, context: RunContext, skill: str) -> ProfileSkill:
    found = _find_skill(engines, skill)
    with engines.session() as session:
        row = profile_skills.find_skill(session, owner_id=context.owner_id, skill_id=found.skill_id)
    if row is None or row.removed_at is not None:
        raise ToolInputError(f"{found.name} is not in your profile")
    return row


@tool
def change_profile_skill(runtime: AgentRuntime, skill: str, level: float) -> Command[Any]:
    """Change the level (O*NET's 0-7 scale) of a skill already in the person's profile."""

    def write(session: Session, context: RunContext) -> Answer:
        row = _held(context.services, context, skill)
        _check_level(level)
        profile_skills.update_skill(
            session,
            owner_id=context.owner_id,
            skill_id=row.skill_id,
            changes={"level": level, "proficiency": proficiency_for(level)},
        )
        return Answer(f"{row.display_name} is now level {level:g} in your profile.")

    return carry_out(runtime, name="change_profile_skill", write=write)


def preview_remove_profile_skill(context: RunContext, skill: str) -> Preview:
    """The skill that would leave the profile."""
    row = _held(context.services, context, skill)
    note = ["a resume shows it, so reading that resume again will keep it out"] if row.evidence else []
    return Preview(f"Remove {row.display_name} (level {float(row.level):.1f}) from your profile", note)


@tool
def remove_profile_skill(runtime: AgentRuntime, skill: str) -> Command[Any]:
    """Take a skill out of the person's profile."""

    def write(session: Session, context: RunContext) -> Answer:
        row = _held(context.services, context, skill)
        profile_skills.remove_skill(session, owner_id=context.owner_id, skill_id=row.skill_id)
        return Answer(f"Removed {row.display_name} from your profile.")

    return carry_out(runtime, name="remove_profile_skill", write=write)
