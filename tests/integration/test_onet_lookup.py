"""Skill normalization, extraction and occupation search on the real O*NET 29.2 release and real postings."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from onet.extract import Extractor, Span
from onet.lookup import occupation_profile

from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA

EXPECTED_POSTINGS = Path(__file__).parent.parent / "data" / "expected_posting_skills.json"
csv.field_size_limit(10_000_000)


@pytest.fixture(scope="module")
def extractor(onet_kb: ImportedKnowledgeBase) -> Extractor:
    return Extractor(onet_kb.kb.catalog)


@pytest.mark.parametrize(
    ("mention", "name", "method"),
    [
        ("k8s", "Kubernetes", "alias"),
        ("ReactJS", "React", "alias"),
        ("postgres", "PostgreSQL", "alias"),
        ("Python", "Python", "exact"),
        ("python 3.11", "Python", "exact"),
        ("JS", "JavaScript", "alias"),
        ("GCP", "Google Cloud software", "alias"),
        ("MS Excel", "Microsoft Excel", "alias"),
        ("CI/CD", "CI/CD", "exact"),
        ("continuous integration", "CI/CD", "alias"),
        ("SQL", "Structured query language SQL", "alias"),
        ("critical thinking", "Critical Thinking", "exact"),
        ("Kubernets", "Kubernetes", "fuzzy"),
    ],
)
def test_normalize_finds_the_node_behind_a_mention(
    onet_kb: ImportedKnowledgeBase, mention: str, name: str, method: str
) -> None:
    (candidates,) = onet_kb.kb.normalize([mention])
    assert candidates, mention
    best = candidates[0]
    assert (best.name, best.method) == (name, method)
    assert 0 < best.score <= 1


def test_normalize_falls_back_to_meaning_and_keeps_the_order_of_mentions(
    onet_kb: ImportedKnowledgeBase,
) -> None:
    results = onet_kb.kb.normalize(["container orchestration platform", "", "Docker"])
    semantic, empty, docker = results
    assert semantic and semantic[0].method == "semantic"
    assert any(c.name in {"Kubernetes", "Docker", "Red Hat OpenShift"} for c in semantic)
    assert empty == []
    assert docker[0].name == "Docker"


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("software engineer", "15-1252.00"),
        ("registered nurse", "29-1141.00"),
        ("line cook", "35-2014.00"),
        ("staff accountant", "13-2011.00"),
        ("truck driver", "53-3032.00"),
    ],
)
def test_occupation_search_puts_the_right_code_in_the_top_three(
    onet_kb: ImportedKnowledgeBase, title: str, code: str
) -> None:
    with onet_kb.database.session() as session:
        found = onet_kb.kb.search_occupations(session, title, limit=3)
    assert code in [row["code"] for row in found], found


@pytest.mark.parametrize("text", ["Austin", "xyzzy"])
def test_occupation_search_finds_nothing_for_words_that_are_no_job(
    onet_kb: ImportedKnowledgeBase, text: str
) -> None:
    with onet_kb.database.session() as session:
        assert onet_kb.kb.search_occupations(session, text) == []
        # A description in other words still finds its occupation.
        found = onet_kb.kb.search_occupations(session, "someone who fixes cars", limit=3)
    assert any(row["title"].startswith("Automotive") for row in found), found


def test_occupation_profile_has_ratings_technologies_tasks_and_relations(
    onet_kb: ImportedKnowledgeBase,
) -> None:
    with onet_kb.database.session() as session:
        profile = occupation_profile(session, "15-1254.00")
        with pytest.raises(KeyError, match="no O\\*NET occupation"):
            occupation_profile(session, "99-9999.99")
    assert profile["title"] == "Web Developers" and profile["job_zone"] == 3
    programming = next(s for s in profile["skills"] if s["name"] == "Programming")
    assert (
        programming["skill_id"] == "onet:2.B.3.e"
        and programming["importance"] > 3.5
        and programming["level"] > 4
    )
    assert profile["knowledge"] and profile["abilities"] == []
    technologies = {t["name"]: t for t in profile["technologies"]}
    assert technologies["Python"]["hot"] and technologies["Python"]["skill_id"] == "tech:python"
    assert len(profile["tasks"]) > 10 and len(profile["related"]) >= 5


def _names(spans: list[Span]) -> list[tuple[str, str]]:
    return [(s.text, s.name) for s in spans]


def test_extract_marks_exactly_the_words_of_each_skill(extractor: Extractor) -> None:
    text = "We build data pipelines in Python and SQL on AWS Lambda, with strong stakeholder management."
    spans = extractor.extract(text)
    assert [s.text for s in spans] == [
        "data pipelines",
        "Python",
        "SQL",
        "AWS Lambda",
        "stakeholder management",
    ]
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert 0 < span.confidence <= 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Go to the store and pick up supplies for the team.",
        "You will excel in a fast-paced environment.",
        "Our nurses have access to world-class training.",
        "Please send your resume as a Word document or PDF.",
        "R&D budgets grew last year.",
        "We need someone to lead the team and spring into action.",
        "A swift response to customer calls is key.",
        "Grade C or better in chemistry.",
        "Join our C-suite leadership meetings.",
        "Choose the go-to partner for logistics.",
    ],
)
def test_everyday_words_in_prose_are_not_skills(extractor: Extractor, sentence: str) -> None:
    flagged = {
        "Go",
        "Microsoft Excel",
        "Microsoft Access",
        "Microsoft Word",
        "R",
        "Spring Framework",
        "Swift",
        "C",
    }
    assert not [s for s in extractor.extract(sentence) if s.name in flagged]


def test_the_same_words_count_among_technologies(extractor: Extractor) -> None:
    spans = _names(extractor.extract("Languages: Python, Go, R and C; reports in Excel, Access and Word."))
    names = [name for _text, name in spans]
    for expected in ("Go", "R", "C", "Microsoft Excel", "Microsoft Access", "Microsoft Word"):
        assert expected in names, spans


def test_semantic_pass_matches_list_items_by_meaning_and_leaves_prose_alone(
    onet_kb: ImportedKnowledgeBase,
) -> None:
    semantic = Extractor(onet_kb.kb.catalog, index=onet_kb.kb.index)
    text = (
        "Duties:\n• schedule appointments\n• resolve conflicts\nWe schedule appointments for clients daily."
    )
    spans = semantic.extract(text)
    assert [(s.text, s.name) for s in spans] == [
        ("schedule appointments", "appointment scheduling"),
        ("resolve conflicts", "conflict resolution"),
    ]
    assert all(s.confidence < 0.9 and text[s.start : s.end] == s.text for s in spans)
    assert Extractor(onet_kb.kb.catalog).extract(text) == []  # without the index: names only


def test_empty_binary_and_huge_inputs(extractor: Extractor) -> None:
    assert extractor.extract("") == []
    assert extractor.extract("\x00\x01\x02\x03" * 100) == []
    big = ("Experience with Kubernetes and Terraform. " * 25_000)[:1_000_000]
    spans = extractor.extract(big)
    assert len(spans) > 40_000 and spans[0].name == "Kubernetes"


def _postings() -> dict[str, str]:
    with (SHARED_DATA / "jobs" / "linkedin_postings.csv").open(encoding="utf-8", newline="") as handle:
        return {row["job_id"]: row["description"] for row in csv.DictReader(handle)}


def _occurrences(text: str, words: str) -> list[int]:
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def test_real_postings_give_the_hand_checked_skills(extractor: Extractor) -> None:
    """Hand-labelled skills of real postings are found, on their exact words, and traps mostly avoided.

    A label is found when a span of the right node overlaps its words; its boundaries are exact
    when the span is those words and nothing more.
    """
    expected = json.loads(EXPECTED_POSTINGS.read_text(encoding="utf-8"))
    postings = _postings()
    assert len(expected) >= 10
    missed: list[str] = []
    inexact: list[str] = []
    trapped: list[str] = []
    labels = traps = 0
    for case in expected:
        text = postings[case["job_id"]]
        spans = extractor.extract(text)
        for item in case["must_find"]:
            labels += 1
            starts = _occurrences(text, item["text"])
            assert starts, f"label {item['text']!r} is not in posting {case['job_id']}"
            size = len(item["text"])
            hits = [
                s
                for s in spans
                if s.name == item["skill"] and any(s.start < a + size and s.end > a for a in starts)
            ]
            if not hits:
                missed.append(f"{case['job_id']}: {item['text']} -> {item['skill']}")
            elif not any((s.start, s.end) == (a, a + size) for s in hits for a in starts):
                inexact.append(f"{item['text']!r} as {[s.text for s in hits]}")
        for trap in case["must_not_find"]:
            traps += 1
            # A trap is words that are no skill where they stand: no span may touch them.
            if any(s.start < a + len(trap) and s.end > a for s in spans for a in _occurrences(text, trap)):
                trapped.append(f"{case['job_id']}: {trap!r}")
    assert 1 - len(missed) / labels >= 0.9, f"missed: {missed}"
    assert 1 - (len(missed) + len(inexact)) / labels >= 0.85, f"inexact: {inexact}"
    assert len(trapped) / traps <= 0.4, f"traps hit: {trapped}"
