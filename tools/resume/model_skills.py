"""Optional model pass: a chat model proposes more skills, and only those a span of the resume proves stay."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from agent.prompts import RESUME_SKILLS_SYSTEM, RESUME_SKILLS_USER
from onet.catalog import Catalog
from onet.extract import Span
from onet.ontology import alias_key, without_version

# Bounds on what is sent and accepted: a resume is a few thousand characters; more is noise or abuse.
MAX_PROMPT_CHARS = 24_000
MAX_PROPOSALS = 60
MAX_QUOTE_WORDS = 30
MODEL_CONFIDENCE = 0.6
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*")
_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


class ModelPassError(RuntimeError):
    """The model's answer could not be used; the profile stands on the extractor alone."""


@dataclass(frozen=True)
class Proposal:
    """A skill a model says the resume shows, with the words it says prove it."""

    skill: str
    quote: str


def prompt_hash() -> str:
    """Fingerprint of the prompt templates, for the processing run."""
    return hashlib.sha256((RESUME_SKILLS_SYSTEM + RESUME_SKILLS_USER).encode()).hexdigest()[:16]


def propose_skills(model: BaseChatModel, redacted_text: str, known: list[str]) -> list[Proposal]:
    """Ask the model for skills beyond `known`; only the redacted text ever leaves the machine."""
    user = RESUME_SKILLS_USER.format(known=", ".join(known[:200]), resume=redacted_text[:MAX_PROMPT_CHARS])
    return ask_for_skills(model, RESUME_SKILLS_SYSTEM, user)


def ask_for_skills(model: BaseChatModel, system: str, user: str) -> list[Proposal]:
    """Send one prompt and read the skills and quotes of the answer; ModelPassError when unusable."""
    try:
        answer = model.invoke([SystemMessage(system), HumanMessage(user)])
    except Exception as error:  # any provider failure: the pass is optional
        raise ModelPassError(f"the model did not answer ({type(error).__name__})") from error
    content = answer.content if isinstance(answer.content, str) else json.dumps(answer.content)
    return parse_proposals(content)


def parse_proposals(content: str) -> list[Proposal]:
    """The proposals in a model's JSON answer (tolerating a code fence or prose around it)."""
    found = _JSON_OBJECT.search(content)
    if found is None:
        raise ModelPassError("the model's answer held no JSON object")
    try:
        data = json.loads(found.group(0))
    except json.JSONDecodeError as error:
        raise ModelPassError("the model's answer was not valid JSON") from error
    items = data.get("skills") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ModelPassError('the model\'s answer had no "skills" list')
    proposals = []
    for item in items[:MAX_PROPOSALS]:
        if not isinstance(item, dict):
            continue
        skill, quote = item.get("skill"), item.get("quote")
        if isinstance(skill, str) and isinstance(quote, str) and skill.strip() and quote.strip():
            proposals.append(Proposal(skill.strip(), quote.strip()))
    return proposals


def ground(proposals: list[Proposal], text: str, catalog: Catalog) -> list[Span]:
    """Spans for the proposals that the resume text itself proves; everything else is dropped.

    A proposal stands only if its quote occurs in the resume and, inside that quote, words of the
    resume name the same O*NET node the proposed skill name maps to.
    """
    spans: dict[tuple[int, int], Span] = {}
    for proposal in proposals:
        targets = _node_ids(proposal.skill, catalog)
        region = _find_quote(proposal.quote, text)
        if not targets or region is None:
            continue
        span = _span_in(text, region, targets, catalog)
        if span is not None:
            spans.setdefault((span.start, span.end), span)
    return sorted(spans.values(), key=lambda s: s.start)


def _node_ids(skill: str, catalog: Catalog) -> set[str]:
    key = alias_key(skill)
    return set(catalog.ids_for(key)[:3]) or set(catalog.ids_for(without_version(key))[:3])


def _find_quote(quote: str, text: str) -> tuple[int, int] | None:
    words = quote.split()
    if not words or len(words) > MAX_QUOTE_WORDS or any(w.startswith("[") and w.endswith("]") for w in words):
        return None
    # Models re-flow whitespace and line breaks when they copy; the words must still be the resume's.
    pattern = r"\s+".join(re.escape(word) for word in words)
    found = re.search(pattern, text, re.IGNORECASE)
    return (found.start(), found.end()) if found else None


def _span_in(text: str, region: tuple[int, int], targets: set[str], catalog: Catalog) -> Span | None:
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text, region[0], region[1])]
    for width in range(min(catalog.max_tokens, len(tokens)), 0, -1):
        for i in range(len(tokens) - width + 1):
            start, end = tokens[i][0], tokens[i + width - 1][1]
            matched = targets.intersection(catalog.ids_for(alias_key(text[start:end])))
            if matched:
                skill_id = sorted(matched)[0]
                info = catalog.skills[skill_id]
                return Span(start, end, text[start:end], skill_id, info.name, info.kind, MODEL_CONFIDENCE)
    return None
