"""Years of experience, education and work terms read from real LinkedIn postings and from traps."""

from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path

import pytest

from tools.jobs.clauses import Quote
from tools.jobs.education_needed import EDUCATION_LEVELS, education_needed
from tools.jobs.work_terms import TRISTATE, work_terms
from tools.jobs.years_needed import years_of_experience

REPO = Path(__file__).resolve().parents[2]


@cache
def postings() -> dict[str, str]:
    """Description by job_id of the real LinkedIn postings; the tests fail, never skip, without them."""
    root = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    path = (root if root.is_absolute() else REPO / root) / "jobs" / "linkedin_postings.csv"
    assert path.exists(), f"the real job postings are missing: {path} (set JOBMATE_SHARED_DATA)"
    with path.open(encoding="utf-8", newline="") as rows:
        return {row["job_id"]: row["description"] for row in csv.DictReader(rows)}


def _proves(text: str, quote: Quote, expected: str) -> None:
    assert quote.text == text[quote.start : quote.end] == expected


# --- years of experience ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("job_id", "years", "preferred", "quoted"),
    [
        (
            "3884429636",
            5,
            False,
            "5+ years of PM experience",
        ),  # glued after "Science."; a later 3+ is preferred
        ("844454682", 3, False, "at least 3 years (5+ years is preferred) experience"),
        ("3862160543", 5, False, "Minimum of 5 years of experience"),  # glued to "Qualifications"
        ("3715891138", 3, True, "At least three years of HR experience"),
        ("921716", 2, True, "2 years (Preferred)"),  # "Graphic design: 2 years (Preferred)", Indeed style
        ("2147609929", 2, False, "At least 2 yrs. experience"),
        ("3075721793", 5, False, "Five years of experience"),
        ("2147609754", 1, False, "Minimum (1) year professional experience"),
        # "Why IDR?20+ Years of Proven Industry Experience" is the agency, not the job.
        ("3884431593", 5, False, "5+ years' of experience"),
    ],
)
def test_years_of_real_postings(job_id: str, years: float, preferred: bool, quoted: str) -> None:
    text = postings()[job_id]
    found = years_of_experience(text)
    assert found is not None
    assert (found.years, found.preferred) == (years, preferred)
    _proves(text, found.quote, quoted)


@pytest.mark.parametrize(
    "job_id",
    [
        "3879283271",  # "With over 17 years' experience in the field, we approach each partnership..."
        "3884429786",  # "Must be 16 years or older"
    ],
)
def test_company_age_and_applicant_age_are_not_experience(job_id: str) -> None:
    assert years_of_experience(postings()[job_id]) is None


@pytest.mark.parametrize(
    ("text", "years", "preferred"),
    [
        ("3-5 years of experience in B2B sales", 3, False),
        ("5+ years of experience with Python", 5, False),
        ("At least two years of professional experience.", 2, False),
        ("One year of experience required.", 1, False),
        ("Six months of customer service experience", 0.5, False),
        ("3+ years\u2019 experience in accounting; 2\u20133 years preferred in audit.", 3, False),
        (
            "Requirements: 2 years of retail experience. 5+ years of management experience preferred.",
            2,
            False,
        ),
        ("Nice to have: 4+ years of experience with Kubernetes.", 4, True),
        ("Ten (10) years of project management experience", 10, False),
    ],
)
def test_years_of_written_requirements(text: str, years: float, preferred: bool) -> None:
    found = years_of_experience(text)
    assert found is not None and (found.years, found.preferred) == (years, preferred)
    assert found.quote.text == text[found.quote.start : found.quote.end]


@pytest.mark.parametrize(
    "text",
    [
        "Our company was founded 20 years ago and we have over 30 years in business.",
        "We have seen 10 years of growth in a row.",
        "401k after 1 year of employment. Must be 18 years of age or older.",
        "All roofs carry a 10 year warranty.",
        "Background check covering the last 7 years of work history.",
        "With over 25 years of experience, Acme Electric serves the whole county.",
        "Experience with 45 years of archived records.",  # 45 is past the 30-year cap
        "",
    ],
)
def test_years_traps(text: str) -> None:
    assert years_of_experience(text) is None


# --- education ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("job_id", "level", "preferred", "equivalent", "quoted"),
    [
        (
            "11009123",
            "bachelor",
            False,
            False,
            "Bachelor\u2019s or Master\u2019s",
        ),  # glued "ExperienceBachelor's"
        ("3884427968", "high_school", False, False, "High School Diploma or GED"),
        ("3861708950", "bachelor", False, True, "Bachelor\u2019s degree or equivalent experience"),
        (
            "3830297838",
            "master",
            True,
            False,
            "Master\u2019s degree",
        ),  # "...Accounting, ..., or Finance is preferred"
        (
            "3845877107",
            "bachelor",
            True,
            False,
            "Bachelor's Degree",
        ),  # "Bachelor's Degree (Preferred, not required)"
        (
            "3840688146",
            "bachelor",
            False,
            False,
            "BS",
        ),  # "BS in Accounting or Finance, MBA and/or CPA desirable"
        ("3884428977", "bachelor", False, False, "Bachelor\u2019s Degree"),
        (
            "3682650399",
            "doctorate",
            False,
            False,
            "Doctorate",
        ),  # "Doctorate of Medicine required (M.D. / D.O.)"
        # "to enter a Ph.D. graduate program" is the applicant's plan; the bachelor's is the requirement.
        ("3764329709", "bachelor", False, False, "bachelor's degree"),
    ],
)
def test_education_of_real_postings(
    job_id: str, level: str, preferred: bool, equivalent: bool, quoted: str
) -> None:
    text = postings()[job_id]
    found = education_needed(text)
    assert found is not None
    assert (found.level, found.preferred, found.equivalent_experience) == (level, preferred, equivalent)
    _proves(text, found.quote, quoted)


@pytest.mark.parametrize(
    ("text", "level", "preferred", "equivalent"),
    [
        ("Bachelor's or Master's degree in Computer Science", "bachelor", False, False),
        ("BS/MS in Electrical Engineering", "bachelor", False, False),
        ("High school diploma or GED required", "high_school", False, False),
        ("MBA preferred", "master", True, False),
        ("Bachelor\u2019s degree required; MBA preferred", "bachelor", False, False),
        ("Bachelor's degree or equivalent work experience", "bachelor", False, True),
        ("Associate degree or 2 years of related experience", "associate", False, True),
        ("Ph.D. in Chemistry or a related field", "doctorate", False, False),
        ("Preferred Qualifications:\nMaster's degree in Public Health", "master", True, False),
    ],
)
def test_education_of_written_requirements(text: str, level: str, preferred: bool, equivalent: bool) -> None:
    found = education_needed(text)
    assert found is not None
    assert (found.level, found.preferred, found.equivalent_experience) == (level, preferred, equivalent)
    assert found.level in EDUCATION_LEVELS
    assert found.quote.text == text[found.quote.start : found.quote.end]


@pytest.mark.parametrize(
    "text",
    [
        "Our PhD scientists lead the research team.",
        "Proficient in MS Office and MS Excel.",
        "Located in Boston, MA 02110.",
        "Join our Sales Associate team!",
        "Mentor students in our high school robotics club.",
        "A degree is not required.",
        "",
    ],
)
def test_education_traps(text: str) -> None:
    assert education_needed(text) is None


# --- work terms ----------------------------------------------------------------------------------------

_NO_VISA = "Please note that visa sponsorship is not available for this position"
_CITIZENS_OR_GC = "Only U.S. citizens/GC are encouraged to apply due to Federal restrictions"
_RESIDENTS = {"citizenship_required": "no", "permanent_residency_required": "yes"}
_FIELDS = ("visa_sponsorship", "citizenship_required", "permanent_residency_required", "remote", "work_mode")


@pytest.mark.parametrize(
    ("job_id", "field", "value", "quoted"),
    [
        ("3773564741", "visa_sponsorship", "no", "We will not sponsor applicants for work visas"),
        ("3904390609", "visa_sponsorship", "no", _NO_VISA),
        (
            "3904956273",
            "visa_sponsorship",
            "yes",
            "GEICO will consider sponsoring a new qualified applicant for employment authorization for this"
            " position",
        ),
        ("2147609929", "citizenship_required", "yes", "US Citizenship Required"),
        (
            "3884427968",
            "citizenship_required",
            "yes",
            "Due to the nature of the work, US citizenship is required",
        ),
        # "Only U.S. citizens/GC are encouraged to apply": green card holders qualify too.
        ("3880190130", "citizenship_required", "no", _CITIZENS_OR_GC),
        ("3880190130", "permanent_residency_required", "yes", _CITIZENS_OR_GC),
        ("3594311833", "work_mode", "remote", "Location: United States (remote"),
        ("136743465", "work_mode", "onsite", "Location: In person"),
        ("229924287", "work_mode", "hybrid", "hybrid role"),
        ("3075721793", "remote", "no", "is a full-time on-site role"),
    ],
)
def test_work_terms_of_real_postings(job_id: str, field: str, value: str, quoted: str) -> None:
    text = postings()[job_id]
    terms = work_terms(text)
    assert getattr(terms, field) == value
    _proves(text, terms.quotes[field], quoted)


def test_citizen_or_permanent_resident_asks_for_residency_not_citizenship() -> None:
    text = postings()["3884428977"]  # "Must be a US Citizen or Permanent Resident (ITAR/EAR Compliant)"
    terms = work_terms(text)
    assert (terms.citizenship_required, terms.permanent_residency_required) == ("no", "yes")


def test_equal_opportunity_boilerplate_decides_nothing() -> None:
    text = postings()["2147609754"]  # "...national origin, alienage or citizenship status, age, sex..."
    terms = work_terms(text)
    assert "citizenship" in text
    assert (terms.citizenship_required, terms.permanent_residency_required) == ("unknown", "unknown")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Candidates must be authorized to work in the US without sponsorship.", {"visa_sponsorship": "no"}),
        ("We are unable to sponsor H-1B visas for this role.", {"visa_sponsorship": "no"}),
        ("H1B sponsorship available for the right candidate.", {"visa_sponsorship": "yes"}),
        ("We will sponsor work visas for this position.", {"visa_sponsorship": "yes"}),
        ("Must be a U.S. citizen due to government contract.", {"citizenship_required": "yes"}),
        ("Open to US citizens or permanent residents only.", _RESIDENTS),
        ("Work auth: GC/USC only.", _RESIDENTS),
        ("Green card holders only, please.", {"permanent_residency_required": "yes"}),
        ("This is a remote position.", {"remote": "yes", "work_mode": "remote"}),
        ("We are a remote-first company.", {"remote": "yes", "work_mode": "remote"}),
        ("This is a hybrid role with 3 days a week in the office.", {"remote": "no", "work_mode": "hybrid"}),
        ("This position is 100% on-site in Dallas.", {"remote": "no", "work_mode": "onsite"}),
        ("The role is in-office five days a week.", {"remote": "no", "work_mode": "onsite"}),
        ("We offer in-office, hybrid, or remote arrangements.", {"remote": "unknown", "work_mode": None}),
        ("We host corporate event sponsors and our remote sensing lab.", {}),
        ("Experience with hybrid cloud deployments.", {"work_mode": None}),
    ],
)
def test_work_terms_of_written_statements(text: str, expected: dict[str, str | None]) -> None:
    terms = work_terms(text)
    for field in _FIELDS:
        value = getattr(terms, field)
        assert value == expected.get(field, "unknown" if field != "work_mode" else None), field
        if field in terms.quotes:
            quote = terms.quotes[field]
            assert quote.text == text[quote.start : quote.end]
        elif field != "work_mode":
            assert value == "unknown"


def test_hints_count_only_where_the_text_is_silent() -> None:
    silent = "We build great products."
    assert work_terms(silent, remote_hint=True).work_mode == "remote"
    assert work_terms(silent, remote_hint=True).remote == "yes"
    assert work_terms(silent, work_type_hint="Hybrid").work_mode == "hybrid"
    assert (
        work_terms(silent, remote_hint=False).remote,
        work_terms(silent, remote_hint=False).work_mode,
    ) == (
        "no",
        None,
    )
    assert work_terms(silent, work_type_hint="Full-time").work_mode is None
    assert "remote" not in work_terms(silent, remote_hint=True).quotes
    on_site = "This is a full-time on-site role in Austin."
    assert work_terms(on_site, remote_hint=True).work_mode == "onsite"


def test_empty_text_decides_nothing() -> None:
    terms = work_terms("")
    assert all(getattr(terms, f) == "unknown" for f in _FIELDS[:4])
    assert terms.work_mode is None and terms.quotes == {}
    assert set(TRISTATE) == {"unknown", "yes", "no"}


def test_every_fact_of_every_real_posting_quotes_the_posting() -> None:
    for text in postings().values():
        found = [years_of_experience(text), education_needed(text)]
        quotes = [f.quote for f in found if f is not None] + list(work_terms(text).quotes.values())
        assert all(q.text == text[q.start : q.end] and q.text.strip() == q.text and q.text for q in quotes)
