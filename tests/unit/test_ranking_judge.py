"""The ranking judge: plain BM25, the hand-built profession judgement on real titles, and precision@k."""

from __future__ import annotations

import sys
import types
from functools import cache

import pytest

from benchmarks.professions import CATEGORIES, own_profession
from benchmarks.ranking_judge import (
    BM25,
    LabelledResume,
    Posting,
    bm25_ranker,
    evaluate,
    load_postings,
    load_resumes,
    main,
    precision_at,
    tokenize,
)
from tests.unit.livecareer import shared_data


@cache
def postings() -> list[Posting]:
    jobs = shared_data() / "jobs" / "linkedin_postings.csv"
    assert jobs.exists(), f"the real job postings are missing: {jobs} (set JOBMATE_SHARED_DATA)"
    return load_postings(shared_data())


@cache
def resumes(per_category: int) -> list[LabelledResume]:
    path = shared_data() / "resumes" / "livecareer_resumes_text.jsonl"
    assert path.exists(), f"the real resumes are missing: {path} (set JOBMATE_SHARED_DATA)"
    return load_resumes(per_category, folder=shared_data())


# --- BM25 -----------------------------------------------------------------------------------------------

DOCS = [
    "Senior Python developer building web services with Django and PostgreSQL.",
    "Registered nurse caring for patients in the intensive care unit; nurse triage and patient charting.",
    "Executive chef leading a busy kitchen, cooking Italian cuisine and planning menus.",
    "Accountant preparing the general ledger, accounts payable and month-end close.",
]


def test_tokenize_lowercases_and_drops_stop_words() -> None:
    assert tokenize("The Nurse and the PATIENTS, in ICU-3") == ["nurse", "patients", "icu", "3"]


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("nurse patients intensive care", 1),
        ("kitchen chef menus", 2),
        ("I write Django web services in Python", 0),
        ("general ledger and accounts payable", 3),
    ],
)
def test_bm25_ranks_the_exact_topic_first(query: str, best: int) -> None:
    ranking = BM25(DOCS).rank(query)
    assert ranking[0] == best
    assert sorted(ranking) == list(range(len(DOCS)))


def test_bm25_scores_rise_with_term_frequency_and_fall_with_length() -> None:
    index = BM25(["nurse", "nurse nurse", "nurse " + "filler words here " * 20, "chef"])
    scores = index.scores("nurse")
    assert scores[1] > scores[0] > scores[2] > scores[3] == 0.0


def test_bm25_keeps_document_order_when_nothing_matches() -> None:
    assert BM25(DOCS).rank("zzz unknown words") == [0, 1, 2, 3]
    assert BM25([]).rank("nurse") == []


# --- the profession judgement on real titles ------------------------------------------------------------

# Each title is a real posting title (the test checks); the verdicts were decided by hand.
JUDGED = [
    ("ACCOUNTANT", "Staff Accountant", True),
    ("ACCOUNTANT", "Accounts Payable Clerk - Temp to Hire", True),
    ("ACCOUNTANT", "Corporate Controller", True),
    ("ACCOUNTANT", "Tax Preparer", True),
    ("ACCOUNTANT", "Controls Engineer", False),
    ("ACCOUNTANT", "FL Bar Associate Attorney Tax, Trusts, and Estates", False),
    ("ACCOUNTANT", "Personal Assistant to Controller", False),
    ("ADVOCATE", "Bilingual Counselor Advocate (Spanish-English)", True),
    ("ADVOCATE", "Medical Case Manager", True),
    ("ADVOCATE", "Associate Attorney - Commercial Litigation", False),
    ("ADVOCATE", "School Counselor", False),
    ("AGRICULTURE", "Entry-Level Ecologist", True),
    ("AGRICULTURE", "Branch Manager", False),
    ("APPAREL", "Inside Sales Representative Custom Soccer Apparel", True),
    ("APPAREL", "Wholesale Sales Director, Luxury Fashion Accessories Company", True),
    ("APPAREL", "Store Manager", False),
    ("ARTS", "MultiMedia Art Director", True),
    ("ARTS", "THEATRE Instructor for Speech Communication & Theatre Department", True),
    ("ARTS", "Artificial Intelligence Engineer Intern - Chatbot", False),
    ("AUTOMOBILE", "Car Salesperson", True),
    ("AUTOMOBILE", "Operational Buyer, Vehicle Aftermarket", True),
    ("AUTOMOBILE", "Maintenance Mechanic", False),
    ("AVIATION", "Pilot in Command Phenom 300", True),
    ("AVIATION", "Line Cook - Mercantile Dining & Provision - DEN Airport", False),
    ("BANKING", "Universal Banker", True),
    ("BANKING", "Commercial Loan Officer", True),
    ("BANKING", "Branch Manager", False),
    ("BANKING", "AVP, Underwriting Team Leader | Hybrid", False),
    ("BPO", "Inbound Call Center Specialist", True),
    ("BPO", "Tier One Customer Service Representative", True),
    ("BPO", "Shelter Team Member with emphasis in Customer Care", False),
    ("BPO", "EverPro - Senior Customer Success Manager, (Remote US/CAN)", False),
    ("BUSINESS-DEVELOPMENT", "Business Development Manager", True),
    ("BUSINESS-DEVELOPMENT", "Sales Development Representative", True),
    ("BUSINESS-DEVELOPMENT", "Development Director", False),
    ("BUSINESS-DEVELOPMENT", "Director of Economic Development", False),
    ("CHEF", "Line Cook - Mercantile Dining & Provision - DEN Airport", True),
    ("CHEF", "Front of House", False),
    ("CONSTRUCTION", "Construction Superintendent", True),
    ("CONSTRUCTION", "Estimator - Commercial Construction", True),
    ("CONSTRUCTION", "Senior Project Manager - GC", True),
    ("CONSTRUCTION", "Mine Foreman", False),
    ("CONSTRUCTION", "Construction Accountant", False),
    ("CONSULTANT", "SAP EWM Consultant", True),
    ("CONSULTANT", "Sales Consultant (Outside Sales)", False),
    ("CONSULTANT", "Lactation Consultant", False),
    ("DESIGNER", "Graphic Designer", True),
    ("DESIGNER", "User Experience Designer", True),
    ("DESIGNER", "Seal Product Design Engineer", False),
    ("DESIGNER", "Pool Design and Sales Representative", False),
    ("DIGITAL-MEDIA", "Social Media Coordinator", True),
    ("DIGITAL-MEDIA", "Search Engine Optimization Specialist", True),
    ("DIGITAL-MEDIA", "Digital Economy Account Executive", False),
    ("DIGITAL-MEDIA", "Sales And Marketing Specialist", False),
    ("ENGINEERING", "Senior Mechanical Engineer", True),
    ("ENGINEERING", "Software Engineer", True),
    ("ENGINEERING", "Sales Engineer", False),
    ("ENGINEERING", "Building Engineer", False),
    ("FINANCE", "FP&A Analyst", True),
    ("FINANCE", "Fractional CFO", True),
    ("FINANCE", "Account Manager, Credit Card Affiliates | Bankrate", False),
    ("FINANCE", "Staff Data Engineer - People & Finance Tech (Remote)", False),
    ("FITNESS", "Group Fitness Instructor", True),
    ("FITNESS", "Yoga Teacher", True),
    ("FITNESS", "Life Coach - Birmingham Campus", False),
    ("FITNESS", "Youth Coach", False),
    ("HEALTHCARE", "Registered Nurse", True),
    ("HEALTHCARE", "Respiratory Therapist", True),
    ("HEALTHCARE", "Interim DON", True),
    ("HEALTHCARE", "Medical Device Sales Specialist Intern", False),
    ("HEALTHCARE", "Veterinarian", False),
    ("HEALTHCARE", "Workflow Coordinator Hospitality - Mon - Fri 8am-5pm", False),
    ("HR", "Senior HR Generalist", True),
    ("HR", "Talent Acquisition", True),
    ("HR", "Recruitment business development VP", False),
    ("HR", "Generalist - Third-Party Logistics", False),
    ("INFORMATION-TECHNOLOGY", "SQL DBA - REMOTE", True),
    ("INFORMATION-TECHNOLOGY", "IT Support Specialist", True),
    ("INFORMATION-TECHNOLOGY", "Desktop Support Technician", True),
    ("INFORMATION-TECHNOLOGY", "Armed Security Guard", False),
    ("INFORMATION-TECHNOLOGY", "Police Officer", False),
    ("PUBLIC-RELATIONS", "Public Relations Intern, Summer 2024", True),
    ("PUBLIC-RELATIONS", "Communications Intern", True),
    ("PUBLIC-RELATIONS", "Technical Writer", False),
    ("PUBLIC-RELATIONS", "Investor Relations Associate", False),
    ("SALES", "Inside Sales Representative", True),
    ("SALES", "Sales Engineer", True),
    ("SALES", "Territory Sales Manager", True),
    ("SALES", "Marketing Manager", False),
    ("TEACHER", "Upper School Mathematics Teacher", True),
    ("TEACHER", "Instructional Aide", True),
    ("TEACHER", "Montessori teacher for grades K-3", True),
    ("TEACHER", "Yoga Teacher", False),
    ("TEACHER", "Group Fitness Instructor", False),
    ("TEACHER", "Principal Engineer- Water Department", False),
]


@pytest.mark.parametrize(("category", "title", "expected"), JUDGED)
def test_the_judgement_of_real_titles(category: str, title: str, expected: bool) -> None:
    matching = [p for p in postings() if p.title == title]
    assert matching, f"not a real posting title: {title}"
    # The verdict must hold with the posting's real LinkedIn tags (HCPR counts for HEALTHCARE).
    assert all(own_profession(category, p.title, p.tags) is expected for p in matching)


def test_every_category_is_judged_and_unknown_ones_are_refused() -> None:
    assert {c for c, _, _ in JUDGED} == set(CATEGORIES)
    assert {r.category for r in resumes(1)} == set(CATEGORIES)
    with pytest.raises(ValueError, match="unknown resume category"):
        own_profession("ASTRONAUT", "Pilot", frozenset())


def test_function_tags_help_only_where_they_are_reliable() -> None:
    assert own_profession("HEALTHCARE", "Treatment Coordinator", frozenset({"HCPR"}))
    assert not own_profession("HEALTHCARE", "Treatment Coordinator", frozenset())
    assert not own_profession("INFORMATION-TECHNOLOGY", "Lead Installer", frozenset({"IT"}))


# --- loading ---------------------------------------------------------------------------------------------


def test_postings_carry_titles_descriptions_and_tags() -> None:
    loaded = postings()
    assert len(loaded) == 932
    assert len({p.id for p in loaded}) == len(loaded)
    assert all(p.title and p.description for p in loaded)
    assert sum(bool(p.tags) for p in loaded) > 800


def test_the_resume_sample_is_fixed_per_seed_and_balanced() -> None:
    sample = resumes(2)
    assert len(sample) == 2 * len(CATEGORIES)
    assert load_resumes(2, folder=shared_data()) == sample
    assert [r.id for r in load_resumes(2, seed=8, folder=shared_data())] != [r.id for r in sample]
    # random.sample draws in order, and each category has its own generator: a larger sample extends it.
    bigger = {r.id for r in load_resumes(3, folder=shared_data())}
    assert {r.id for r in sample} <= bigger


# --- precision@k -----------------------------------------------------------------------------------------


def test_precision_counts_hits_in_the_top_k_and_refuses_bad_rankings() -> None:
    known = {"a", "b", "c", "d"}
    assert precision_at(["a", "b", "c", "d"], {"a", "c"}, known, 2) == 0.5
    assert precision_at(["a"], {"a"}, known, 2) == 0.5  # a short ranking misses the empty places
    with pytest.raises(ValueError, match="repeats"):
        precision_at(["a", "a"], {"a"}, known, 2)
    with pytest.raises(ValueError, match="unknown"):
        precision_at(["x", "a"], {"a"}, known, 2)


def test_an_oracle_scores_one_and_the_reversed_oracle_scores_lower() -> None:
    sample = resumes(1)
    category_of = {r.text: r.category for r in sample}

    def oracle(text: str, pool: list[Posting]) -> list[str]:
        own = [p.id for p in pool if own_profession(category_of[text], p.title, p.tags)]
        return own + [p.id for p in pool if p.id not in set(own)]

    def reversed_oracle(text: str, pool: list[Posting]) -> list[str]:
        return oracle(text, pool)[::-1]

    best = evaluate(oracle, sample, postings(), k=10)
    assert best.precision == 1.0
    assert best.wins == 1.0
    assert best.mean_delta == pytest.approx(1.0 - best.bm25_precision)
    assert best.resumes == sum(c.resumes for c in best.categories if c.eligible)
    for row in best.categories:
        # A category with fewer than k own postings cannot fill the top k and is left out of the figures.
        assert row.eligible is (row.own_postings >= 10)
        assert row.precision == (1.0 if row.eligible else row.own_postings / 10)
    worst = evaluate(reversed_oracle, sample, postings(), k=10)
    assert worst.precision == 0.0 < worst.bm25_precision < best.precision
    assert worst.wins < 1.0


def test_bm25_against_itself_ties_every_resume() -> None:
    report = evaluate(bm25_ranker(), resumes(1), postings(), k=10)
    assert report.precision == report.bm25_precision
    assert report.wins == 1.0
    assert report.mean_delta == 0.0
    assert 0.0 < report.precision < 1.0


def test_the_jobmate_ranker_missing_exits_with_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "tools.gap.matching", types.ModuleType("tools.gap.matching"))
    with pytest.raises(SystemExit) as exit_info:
        main(["--ranker", "jobmate"])
    assert exit_info.value.code == 2
    assert "benchmark_ranker" in capsys.readouterr().err
