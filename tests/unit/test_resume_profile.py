"""The skill profile engine: merging spans per skill, evidence offsets, and explained levels."""

from __future__ import annotations

import datetime as dt

from onet.catalog import Catalog, SkillInfo
from onet.extract import Span
from onet.ontology import alias_key
from tools.resume.experience import Role
from tools.resume.profile import (
    LEVEL_CEILING,
    build_profile,
    combined_confidence,
    context_of,
    estimate_level,
    proficiency_for,
)
from tools.resume.sections import Section

TODAY = dt.date(2026, 11, 24)


def catalog(*names: tuple[str, str, str]) -> Catalog:
    skills = {
        skill_id: SkillInfo(skill_id, name, "technology", category, False, False, 1, False)
        for skill_id, name, category in names
    }
    by_key = {alias_key(info.name): [info.id] for info in skills.values()}
    return Catalog("29.2", "test", skills, by_key, {i.id: alias_key(i.name) for i in skills.values()})


CATALOG = catalog(
    ("tech:python", "Python", "language"),
    ("tech:excel", "Microsoft Excel", "tool"),
    ("concept:etl", "ETL", "concept"),
)


def spans_of(text: str, *words: tuple[str, str]) -> list[Span]:
    """A span for every occurrence of each (word, skill id)."""
    found = []
    for word, skill_id in words:
        at = text.find(word)
        while at >= 0:
            info = CATALOG.skills[skill_id]
            found.append(Span(at, at + len(word), word, skill_id, info.name, info.kind, 0.9))
            at = text.find(word, at + 1)
    return sorted(found, key=lambda s: s.start)


RESUME = (
    "Summary\nData engineer.\n"
    "Skills\nPython, Excel\n"
    "Experience\n"
    "Senior Data Engineer, Acme Jan 2019 to Current\n"
    "Led the team that built ETL pipelines in Python.\n"
    "Analyst, Beta Corp Jan 2010 to Dec 2012\n"
    "Basic Excel reports.\n"
)


def sections_of(text: str) -> list[Section]:
    marks = [("summary", "Summary"), ("skills", "Skills"), ("experience", "Experience")]
    starts = [(kind, text.index(heading + "\n")) for kind, heading in marks]
    return [
        Section(kind, heading, start, starts[i + 1][1] if i + 1 < len(starts) else len(text), True)
        for i, ((kind, start), (_k, heading)) in enumerate(zip(starts, marks, strict=True))
    ]


def roles_of(text: str) -> list[Role]:
    senior = text.index("Senior Data Engineer")
    analyst = text.index("Analyst, Beta")
    return [
        Role(
            "Senior Data Engineer",
            "Acme",
            dt.date(2019, 1, 1),
            None,
            True,
            senior,
            analyst,
            "Senior Data Engineer, Acme Jan 2019 to Current",
        ),
        Role(
            "Analyst",
            "Beta Corp",
            dt.date(2010, 1, 1),
            dt.date(2012, 12, 31),
            False,
            analyst,
            len(text),
            "Analyst, Beta Corp Jan 2010 to Dec 2012",
        ),
    ]


def test_each_skill_appears_once_with_every_quote_at_its_offsets() -> None:
    spans = spans_of(RESUME, ("Python", "tech:python"), ("Excel", "tech:excel"), ("ETL", "concept:etl"))
    profile = build_profile(
        RESUME, spans, CATALOG, sections=sections_of(RESUME), roles=roles_of(RESUME), today=TODAY
    )

    assert sorted(e.skill_id for e in profile) == ["concept:etl", "tech:excel", "tech:python"]
    python = next(e for e in profile if e.skill_id == "tech:python")
    assert python.mentions == 2
    assert python.category == "language"
    for entry in profile:
        for evidence in entry.evidence:
            assert RESUME[evidence.start : evidence.end] == evidence.quote
            assert evidence.quote in evidence.context
    assert {e.section for e in python.evidence} == {"skills", "experience"}


def test_level_grows_with_years_ownership_and_seniority_and_is_explained() -> None:
    spans = spans_of(RESUME, ("Python", "tech:python"), ("Excel", "tech:excel"))
    profile = build_profile(
        RESUME, spans, CATALOG, sections=sections_of(RESUME), roles=roles_of(RESUME), today=TODAY
    )
    python = next(e for e in profile if e.skill_id == "tech:python")
    excel = next(e for e in profile if e.skill_id == "tech:excel")

    # Python: used in a senior role since 2019 with "Led ... built"; Excel: "basic", last used 2012.
    assert python.level > excel.level
    assert python.years is not None and 7 < python.years < 8.5
    assert any("ownership" in reason for reason in python.basis)
    assert any("senior role" in reason for reason in python.basis)
    assert any("basic" in reason for reason in excel.basis)
    assert any("last used 2012" in reason for reason in excel.basis)
    assert profile[0].skill_id == "tech:python"  # strongest first


def test_a_skill_only_listed_starts_lower_than_one_used_at_work() -> None:
    text = "Skills\nPython\nExperience\nWrote Python daily.\n"
    sections = [
        Section("skills", "Skills", 0, 14, True),
        Section("experience", "Experience", 14, len(text), True),
    ]
    listed = spans_of(text[:14], ("Python", "tech:python"))
    used = [s for s in spans_of(text, ("Python", "tech:python")) if s.start > 14]
    (only_listed,) = build_profile(text, listed, CATALOG, sections=sections, roles=[], today=TODAY)
    (only_used,) = build_profile(text, used, CATALOG, sections=sections, roles=[], today=TODAY)
    assert only_listed.level < only_used.level
    assert only_listed.years is None


def test_levels_stay_within_the_bounds_a_resume_can_support() -> None:
    text = "Expert: led and built everything in Python. " * 3
    evidence_spans = spans_of(text, ("Python", "tech:python"))
    half = len(text) // 2
    roles = [
        Role("Principal Engineer", None, dt.date(2005, 1, 1), None, True, 0, half, ""),
        Role("Staff Engineer", None, dt.date(1990, 1, 1), dt.date(2004, 12, 1), False, half, len(text), ""),
    ]
    (entry,) = build_profile(text, evidence_spans, CATALOG, sections=[], roles=roles, today=TODAY)
    assert entry.level == LEVEL_CEILING
    assert entry.proficiency == proficiency_for(LEVEL_CEILING)
    assert any("kept within" in reason for reason in entry.basis)


def test_estimate_level_without_roles_is_the_base_level() -> None:
    level, basis = estimate_level("Python", [], [], [], years=None, today=TODAY)
    assert level == 2.0
    assert basis == ["listed as a skill: 2"]


def test_proficiency_and_confidence_scales() -> None:
    assert [proficiency_for(v) for v in (0.0, 1.0, 3.5, 7.0)] == [1, 1, 5, 10]
    assert combined_confidence([0.5]) == 0.5
    assert combined_confidence([0.5, 0.5]) == 0.75
    assert combined_confidence([0.95, 0.95, 0.95]) == 0.99


def test_context_is_the_line_around_the_quote_trimmed_for_long_lines() -> None:
    text = "first line\n" + "x " * 200 + "Python" + " y" * 200 + "\nlast"
    start = text.index("Python")
    context = context_of(text, start, start + 6)
    assert "Python" in context
    assert context.startswith("…") and context.endswith("…")
    assert len(context) <= 170
    assert context_of("a\nPython\nb", 2, 8) == "Python"


def test_repeating_a_skill_does_not_raise_its_level() -> None:
    once = "Skills\nPython, SQL\n"
    stuffed = "Skills\nPython, SQL, " + ", ".join(["Python"] * 40) + "\n"
    sections_once = [Section("skills", "Skills", 0, len(once), True)]
    sections_stuffed = [Section("skills", "Skills", 0, len(stuffed), True)]
    (python_once,) = build_profile(
        once,
        spans_of(once, ("Python", "tech:python")),
        CATALOG,
        sections=sections_once,
        roles=[],
        today=TODAY,
    )
    (python_stuffed,) = build_profile(
        stuffed,
        spans_of(stuffed, ("Python", "tech:python")),
        CATALOG,
        sections=sections_stuffed,
        roles=[],
        today=TODAY,
    )
    assert python_stuffed.mentions == 41
    assert python_stuffed.level == python_once.level
