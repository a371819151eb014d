"""The model's extra skill pass: its answer is parsed defensively and only grounded skills survive."""

from __future__ import annotations

import pytest

from onet.catalog import Catalog, SkillInfo
from onet.ontology import alias_key
from tools.resume.model_skills import ModelPassError, Proposal, ground, parse_proposals

SKILLS = {
    "tech:apache-spark": SkillInfo(
        "tech:apache-spark", "Apache Spark", "technology", "framework", False, False, 1, False
    ),
    "tech:docker": SkillInfo("tech:docker", "Docker", "technology", "tool", False, False, 1, False),
}
BY_KEY = {"apache spark": ["tech:apache-spark"], "spark": ["tech:apache-spark"], "docker": ["tech:docker"]}
CATALOG = Catalog(
    "29.2", "test", SKILLS, BY_KEY, {k: alias_key(v.name) for k, v in SKILLS.items()}, max_tokens=2
)

RESUME = "Experience\nBuilt batch jobs on Spark clusters\nfor the  finance team.\nShipped containers."


def test_answers_with_fences_or_prose_around_the_json_are_read() -> None:
    answer = (
        'Sure!\n```json\n{"skills": [{"skill": "Apache Spark", "quote": "batch jobs on Spark"}, 3, {}]}\n```'
    )
    assert parse_proposals(answer) == [Proposal("Apache Spark", "batch jobs on Spark")]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("I cannot help with that.", "no JSON object"),
        ('{"skills": [', "no JSON object"),
        ("{'skills': []}", "not valid JSON"),
        ('{"items": []}', '"skills" list'),
    ],
)
def test_unusable_answers_raise_a_clear_error(answer: str, message: str) -> None:
    with pytest.raises(ModelPassError, match=message):
        parse_proposals(answer)


def test_only_proposals_whose_quote_and_words_are_in_the_resume_survive() -> None:
    proposals = [
        # Quote re-flowed across a line break: still the resume's words.
        Proposal("Apache Spark", "built batch jobs on Spark clusters for the finance team"),
        # Quote is real, but nothing in it names Docker: "containers" is not the word.
        Proposal("Docker", "Shipped containers"),
        # Invented quote.
        Proposal("Docker", "Ran Docker in production"),
        # A skill the catalogue does not know.
        Proposal("Underwater basket weaving", "Built batch jobs"),
        # A quote made of a redaction placeholder.
        Proposal("Apache Spark", "[NAME] Spark"),
    ]
    spans = ground(proposals, RESUME, CATALOG)

    assert len(spans) == 1
    (span,) = spans
    assert span.skill_id == "tech:apache-spark"
    assert RESUME[span.start : span.end] == span.text == "Spark"
    assert span.confidence < 0.9
