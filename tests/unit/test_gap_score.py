"""The gap score formula on hand-made postings: points, levels, missing dimensions, bands, insufficiency."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from onet.occupations import Occupation, OccupationTable, TitleMatch
from tools.gap.score import POINTS, UNSTATED, HeldSkill, Person, RoleOccupation, score
from tools.jobs.analysis import JobSkill, PostingAnalysis
from tools.jobs.clauses import Quote
from tools.jobs.work_terms import WorkTerms
from tools.jobs.years_needed import YearsNeeded

ACCOUNTANTS = Occupation("13-2011.00", "Accountants and Auditors", 4, related=("43-3031.00",))
CLERKS = Occupation("43-3031.00", "Bookkeeping, Accounting, and Auditing Clerks", 3)
NURSES = Occupation("29-1141.00", "Registered Nurses", 3)
TABLE = OccupationTable(
    {o.code: o for o in (ACCOUNTANTS, CLERKS, NURSES)},
    [(o.code, o.title) for o in (ACCOUNTANTS, CLERKS, NURSES)],
)
UNKNOWN = WorkTerms("unknown", "unknown", "unknown", "unknown", None, {})


def job_skill(
    skill_id: str, *, importance: str = "required", weight: float = 1.0, level: float = 3.0
) -> JobSkill:
    return JobSkill(
        skill_id, skill_id.split(":")[1], "technology", importance, "in the posting", skill_id, 0, 1, 1,
        level, "working knowledge", weight, "test",
    )  # fmt: skip


def posting(*skills: JobSkill, years: float | None = None, occupation: str | None = None) -> PostingAnalysis:
    return PostingAnalysis(
        title="Accountant",
        jd_hash="sha256:test",
        required=tuple(s for s in skills if s.importance == "required"),
        preferred=tuple(s for s in skills if s.importance == "preferred"),
        years=YearsNeeded(years, False, Quote(0, 7, "3 years")) if years else None,
        education=None,
        ats_keywords=(),
        occupation=TitleMatch(occupation, TABLE.occupations[occupation].title, 1.0, "x")
        if occupation
        else None,
        work=UNKNOWN,
        salary=None,
        word_count=300,
    )


def person(*held: tuple[str, float], years: float | None = None, role: str | None = None) -> Person:
    skills = {
        skill_id: HeldSkill(skill_id, skill_id.split(":")[1], level, quote=skill_id)
        for skill_id, level in held
    }
    roles = (RoleOccupation(role, "Accountant", 1.0),) if role else ()
    return Person(skills, years, roles)


def test_points_follow_the_documented_formula() -> None:
    job = posting(
        job_skill("tech:excel"),
        job_skill("tech:sap", weight=0.5),
        job_skill("tech:quickbooks", importance="preferred"),
    )
    result = score(person(("tech:excel", 3.0), ("tech:quickbooks", 1.5)), job, TABLE)

    dims = {d.name: d for d in result.dimensions}
    assert dims["required"].value == pytest.approx(1.0 / (1.5 + UNSTATED), abs=1e-4)
    assert dims["level"].value == pytest.approx(1.0 / (1.5 + UNSTATED), abs=1e-4)
    assert dims["preferred"].value == pytest.approx(0.5)  # held at half the level asked
    assert dims["experience"].value is None and dims["role"].value is None
    counted = POINTS["required"] + POINTS["level"] + POINTS["preferred"]
    expected = 100 * sum(d.earned for d in result.dimensions if d.value is not None) / counted
    assert result.value == round(expected)
    assert "SAP" in dims["required"].why or "sap" in dims["required"].why


def test_a_held_skill_far_below_the_level_still_counts_half() -> None:
    job = posting(job_skill("tech:excel", level=6.0))
    low = score(person(("tech:excel", 1.0)), job, TABLE)
    none = score(person(), job, TABLE)

    (outcome,) = low.outcomes
    assert outcome.fit == 0.5 and outcome.weak
    assert low.value is not None and none.value is not None and low.value > none.value


def test_experience_and_role_count_when_the_posting_gives_them() -> None:
    job = posting(job_skill("tech:excel"), years=4, occupation="13-2011.00")
    same = score(person(("tech:excel", 3.0), years=2, role="13-2011.00"), job, TABLE)
    related = score(person(("tech:excel", 3.0), years=2, role="43-3031.00"), job, TABLE)
    other = score(person(("tech:excel", 3.0), years=2, role="29-1141.00"), job, TABLE)

    dims = {d.name: d for d in same.dimensions}
    assert dims["experience"].value == 0.5
    assert dims["role"].value == 1.0
    assert {d.name: d.value for d in related.dimensions}["role"] == 0.7  # O*NET lists them as related
    assert same.value is not None and related.value is not None and other.value is not None
    assert same.value > related.value > other.value


def test_adding_a_skill_the_posting_asks_for_never_lowers_the_score() -> None:
    asked = [
        job_skill(f"tech:s{i}", weight=w, level=lv) for i, (w, lv) in enumerate([(1, 3), (0.4, 5), (0.8, 2)])
    ]
    asked.append(job_skill("tech:p", importance="preferred"))
    job = posting(*asked, years=3, occupation="13-2011.00")
    ids = [s.skill_id for s in asked]
    for size in range(len(ids)):
        for held in itertools.combinations(ids, size):
            base = score(person(*((h, 2.0) for h in held), years=1), job, TABLE).value
            for extra in set(ids) - set(held):
                more = score(person(*((h, 2.0) for h in (*held, extra)), years=1), job, TABLE).value
                assert base is not None and more is not None and more >= base


def test_the_band_narrows_as_the_posting_names_more_skills() -> None:
    few = score(person(), posting(*(job_skill(f"tech:a{i}") for i in range(3))), TABLE)
    many = score(
        person(), posting(*(job_skill(f"tech:a{i}") for i in range(30)), occupation="13-2011.00"), TABLE
    )

    assert few.high - few.low > many.high - many.low
    assert many.confidence == "high" and few.confidence != "high"


def test_an_insufficient_posting_gets_no_number() -> None:
    job = replace(posting(job_skill("tech:excel")), insufficient="the posting has only 3 words")
    result = score(person(("tech:excel", 3.0)), job, TABLE)

    assert result.value is None and (result.low, result.high) == (0, 100)
    assert result.insufficient == "the posting has only 3 words"


def test_the_same_inputs_give_the_same_score() -> None:
    job = posting(job_skill("tech:excel"), job_skill("tech:sap"), years=2, occupation="13-2011.00")
    held = person(("tech:sap", 2.5), years=5, role="43-3031.00")
    assert score(held, job, TABLE) == score(held, job, TABLE)
