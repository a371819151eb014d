"""Optional model pass over a posting: it proposes skills; only those the posting's words prove stay."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from langchain_core.language_models import BaseChatModel

from agent.prompts import POSTING_SKILLS_SYSTEM, POSTING_SKILLS_USER
from onet.reference import Reference
from tools.jobs import posting_blocks
from tools.jobs.analysis import MIN_SKILLS, JobSkill, PostingAnalysis, job_skill
from tools.resume.contacts import ContactDetails, redact
from tools.resume.model_skills import MAX_PROMPT_CHARS, ModelPassError, ask_for_skills, ground

MODEL_REASON = "found by the model"


def prompt_hash() -> str:
    """Fingerprint of the posting prompt templates, for the processing run."""
    return hashlib.sha256((POSTING_SKILLS_SYSTEM + POSTING_SKILLS_USER).encode()).hexdigest()[:16]


def refine_analysis(
    analysis: PostingAnalysis, text: str, reference: Reference, model: BaseChatModel | None
) -> tuple[PostingAnalysis, str]:
    """The analysis with the model's grounded extra skills, and "off", "ok" or "failed".

    The model sees the posting with e-mails, phones, links and addresses redacted, wrapped as data.
    A proposal stays only when its quote is in the posting and words inside it name the proposed
    O*NET node; whether it is required or preferred is decided by the posting's own cues, never by
    the model. A failing model leaves the analysis as it was, with a warning.
    """
    if model is None:
        return analysis, "off"
    known = [s.name for s in analysis.skills]
    posting = redact(text, ContactDetails(()))[:MAX_PROMPT_CHARS]
    user = POSTING_SKILLS_USER.format(known=", ".join(known[:200]), posting=posting)
    try:
        proposals = ask_for_skills(model, POSTING_SKILLS_SYSTEM, user)
    except ModelPassError as error:
        warning = f"The model's extra pass was skipped: {error}; the analysis uses Jobmate's own extraction."
        return replace(analysis, warnings=(*analysis.warnings, warning)), "failed"
    have = {s.skill_id for s in analysis.skills}
    blocks = posting_blocks.find_blocks(text)
    occupation = reference.occupations.get(analysis.occupation.code) if analysis.occupation else None
    added: list[JobSkill] = []
    for span in ground(proposals, text, reference.catalog):
        if span.skill_id in have:
            continue
        cue = posting_blocks.classify(text, blocks, span.start, span.end)
        if cue.importance == "ignored":
            continue
        reason = f"{cue.reason}; {MODEL_REASON}"
        added.append(job_skill(span, cue.importance, reason, text, [span], occupation))
        have.add(span.skill_id)
    if not added:
        return analysis, "ok"
    refined = replace(
        analysis,
        required=analysis.required + tuple(s for s in added if s.importance == "required"),
        preferred=analysis.preferred + tuple(s for s in added if s.importance == "preferred"),
    )
    # More grounded skills can lift a posting over the "names too few skills" bar, never under it.
    if refined.insufficient and "skill" in refined.insufficient and len(refined.skills) >= MIN_SKILLS:
        refined = replace(refined, insufficient=None)
    return refined, "ok"
