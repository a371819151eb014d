"""Roles, dates, years of experience, career level and education, over synthetic and real resume texts."""

from __future__ import annotations

import datetime
from itertools import pairwise

import pytest

from tests.unit.livecareer import livecareer
from tools.resume.dates import find_date_ranges, parse_date
from tools.resume.experience import (
    CAREER_LEVELS,
    Education,
    Role,
    career_level,
    find_education,
    find_roles,
    last_used,
    total_years,
    years_at,
)
from tools.resume.sections import find_sections

TODAY = datetime.date(2025, 6, 15)
D = datetime.date


def _range(text: str) -> tuple[datetime.date | None, datetime.date | None, bool]:
    [found] = find_date_ranges(text, today=TODAY)
    return found.start, found.end, found.current


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 2015 to Current", (D(2015, 11, 1), None, True)),
        ("November 2015 - May 2017", (D(2015, 11, 1), D(2017, 5, 31), False)),
        ("11/2015 \u2013 02/2016", (D(2015, 11, 1), D(2016, 2, 29), False)),
        ("2015-11 to 2016-02", (D(2015, 11, 1), D(2016, 2, 29), False)),
        ("2010 \u2014 2012", (D(2010, 1, 1), D(2012, 12, 31), False)),
        ("Jan. 2015 until Sept 2016", (D(2015, 1, 1), D(2016, 9, 30), False)),
        ("Sept 2016 through Present", (D(2016, 9, 1), None, True)),
        ("2019 - Now", (D(2019, 1, 1), None, True)),
        ("2020 \u2013 Today", (D(2020, 1, 1), None, True)),
        ("March 2018 to date", (D(2018, 3, 1), None, True)),
        ("Jul 2021 \u2013 Till Date", (D(2021, 7, 1), None, True)),
        ("Sept 2021 \u2011 Current", (D(2021, 9, 1), None, True)),
        ("10/2014 \u00ef\u00bc\u200b Current", (D(2014, 10, 1), None, True)),
        ("2014-15", (D(2014, 1, 1), D(2015, 12, 31), False)),
        ("Summer 2015 \u2013 Fall 2016", (D(2015, 6, 1), D(2016, 11, 30), False)),
        ("04/15/2012 - 05/20/2013", (D(2012, 4, 15), D(2013, 5, 20), False)),
        ("Jan '15 - Mar '17", (D(2015, 1, 1), D(2017, 3, 31), False)),
        ("since 2019", (D(2019, 1, 1), None, True)),
        # Impossible or implausible: found, but without dates.
        ("2016 to 2014", (None, None, False)),
        ("1940 - 1945", (None, None, False)),
        # The future becomes today.
        ("2024 - 2030", (D(2024, 1, 1), TODAY, False)),
        ("Jan 2026 - Present", (TODAY, None, True)),
    ],
)
def test_date_ranges(text: str, expected: tuple[datetime.date | None, datetime.date | None, bool]) -> None:
    assert _range(text) == expected


@pytest.mark.parametrize(
    "text",
    ["$2015 - 2016", "phone 555-2015-2016", "2015-11", "a2015 - 2016", "from 10 to 20", "Room 2015"],
)
def test_not_date_ranges(text: str) -> None:
    assert find_date_ranges(text, today=TODAY) == []


def test_parse_date_start_and_end_of_a_year_alone() -> None:
    assert parse_date("2015", today=TODAY) == D(2015, 1, 1)
    assert parse_date("2015", today=TODAY, end=True) == D(2015, 12, 31)
    assert parse_date("1949", today=TODAY) is None
    assert parse_date("Feb 2024", today=TODAY, end=True) == D(2024, 2, 29)


def test_date_range_offsets_point_into_the_text() -> None:
    text = "Engineer  Jan 2020 - Mar 2021 Acme"
    [found] = find_date_ranges(text, today=TODAY, offset=100)
    assert (found.match_start, found.match_end) == (110, 129)
    assert text[found.match_start - 100 : found.match_end - 100] == found.text == "Jan 2020 - Mar 2021"


MODERN = """Jane Q. Example
jane.example@example.com | (555) 010-2345 | Springfield, IL 62701

EXPERIENCE
Software Engineer, Acme Corp \u2014 Jan 2020 \u2013 Present
- Built the billing service in Python.
- Cut costs by 20% from 2021 to 2022.
Data Analyst | Globex Inc | Jun 2016 - Dec 2019
- Wrote SQL reports.
Research Assistant\tSept 2014 \u2013 May 2016
University of Springfield, Springfield, IL
- Cleaned survey data.

EDUCATION
B.S. Computer Science, State University, 2016
"""

LIVECAREER = """ACCOUNTANT
Summary
Accountant.
Experience
Company Name July 2011 to November 2012 Accountant
City , State
Reconciled accounts.
Staff Accountant
January 2008 to June 2011 Company Name \u00ef\u00bc\u200b City , State
Prepared journal entries.
06/2005 to 12/2007
Accounts Payable Clerk Company Name \u00ef\u00bc\u200b City , State
Paid vendors.
Senior Bookkeeper 01/2003 to 05/2005 Company Name City , State
Company Name City , State Junior Bookkeeper 01/2001 to 12/2002
09/1999 to 12/2000 Office Assistant Company Name
Shift Lead
July 1999
to
August 1999
Company Name City , State
Education
High School Diploma 1999 Central High School City , State
"""


def _roles(text: str) -> list[Role]:
    return find_roles(text, find_sections(text), today=TODAY)


def test_roles_in_a_modern_resume() -> None:
    roles = _roles(MODERN)
    assert [(r.title, r.employer, r.start, r.end, r.current) for r in roles] == [
        ("Software Engineer", "Acme Corp", D(2020, 1, 1), None, True),
        ("Data Analyst", "Globex Inc", D(2016, 6, 1), D(2019, 12, 31), False),
        ("Research Assistant", "University of Springfield", D(2014, 9, 1), D(2016, 5, 31), False),
    ]
    # Each block runs from its header to the next header; the last one to the end of the section.
    assert MODERN[roles[0].span_start : roles[0].span_end].endswith("from 2021 to 2022.\n")
    assert roles[0].span_end == roles[1].span_start
    assert MODERN[roles[2].span_start : roles[2].span_end].endswith("- Cleaned survey data.\n\n")
    assert (
        roles[2].line
        == "Research Assistant\tSept 2014 \u2013 May 2016\nUniversity of Springfield, Springfield, IL"
    )
    assert roles[0].as_dict() == {
        "title": "Software Engineer",
        "employer": "Acme Corp",
        "start": "2020-01-01",
        "end": None,
        "current": True,
        "span_start": MODERN.index("Software Engineer"),
        "span_end": MODERN.index("Data Analyst"),
        "line": "Software Engineer, Acme Corp \u2014 Jan 2020 \u2013 Present",
    }


def test_roles_in_every_livecareer_layout() -> None:
    roles = _roles(LIVECAREER)
    assert [(r.title, r.employer, r.start, r.end) for r in roles] == [
        ("Accountant", None, D(2011, 7, 1), D(2012, 11, 30)),
        ("Staff Accountant", None, D(2008, 1, 1), D(2011, 6, 30)),
        ("Accounts Payable Clerk", None, D(2005, 6, 1), D(2007, 12, 31)),
        ("Senior Bookkeeper", None, D(2003, 1, 1), D(2005, 5, 31)),
        ("Junior Bookkeeper", None, D(2001, 1, 1), D(2002, 12, 31)),
        ("Office Assistant", None, D(1999, 9, 1), D(2000, 12, 31)),
        ("Shift Lead", None, D(1999, 7, 1), D(1999, 8, 31)),
    ]
    # The title above the dates belongs to its role's block, not to the block before.
    assert LIVECAREER[roles[1].span_start :].startswith("Staff Accountant\nJanuary 2008")
    assert roles[0].span_end == roles[1].span_start
    assert roles[0].line == "Company Name July 2011 to November 2012 Accountant\nCity , State"
    assert roles[-1].line == "Shift Lead\nJuly 1999\nto\nAugust 1999\nCompany Name City , State"
    assert roles[-1].span_end == LIVECAREER.index("Education")


def test_impossible_dates_keep_the_role_without_dates() -> None:
    text = "Experience\nCashier 05/2016 to 01/2012 Company Name City , State\nServed customers.\n"
    [role] = _roles(text)
    assert (role.title, role.start, role.end, role.current) == ("Cashier", None, None, False)
    assert total_years([role], today=TODAY) == 0.0


def test_without_an_experience_heading_dated_lines_outside_education_are_roles() -> None:
    text = (
        "John Sample\nSummary\nWelder since 2010 with pipeline work.\nCareer Highlights\n"
        "Pipeline Welder 2015 - Present\nShop Welder 2010 - 2015\n"
        "Education\nWelding Certificate 2008 - 2010 Community College\n"
    )
    assert [(r.title, r.start, r.current) for r in _roles(text)] == [
        ("Pipeline Welder", D(2015, 1, 1), True),
        ("Shop Welder", D(2010, 1, 1), False),
    ]


def test_prose_with_years_is_not_a_role() -> None:
    text = (
        "Experience\nAnalyst Jan 2018 - Present\n"
        "Grew revenue by 20% between 2019 and 2020 and again from 2020 to 2021 across the region.\n"
    )
    assert len(_roles(text)) == 1


def _role(
    start: datetime.date | None, end: datetime.date | None, *, title: str = "Engineer", span: int = 0
) -> Role:
    return Role(title, None, start, end, end is None and start is not None, span, span + 100, title)


def test_total_years_merges_overlaps_and_skips_gaps() -> None:
    roles = [
        _role(D(2010, 1, 1), D(2011, 12, 31)),
        _role(D(2011, 1, 1), D(2012, 12, 31)),  # overlaps the first
        _role(D(2015, 1, 1), D(2015, 12, 31)),  # after a two-year gap
        _role(None, None),
    ]
    assert total_years(roles, today=TODAY) == 4.0
    assert total_years([], today=TODAY) == 0.0
    assert total_years([_role(D(2024, 6, 15), None)], today=TODAY) == 1.0


def test_years_at_and_last_used_follow_the_roles_holding_the_offsets() -> None:
    roles = [
        _role(D(2020, 1, 1), None, span=0),
        _role(D(2015, 1, 1), D(2017, 12, 31), span=100),
        _role(None, None, span=200),
    ]
    assert years_at(roles, [150], today=TODAY) == 3.0
    assert years_at(roles, [10, 150], today=TODAY) == 8.5
    assert years_at(roles, [250], today=TODAY) is None
    assert years_at(roles, [999], today=TODAY) is None
    assert last_used(roles, [150], today=TODAY) == D(2017, 12, 31)
    assert last_used(roles, [150, 10], today=TODAY) == TODAY
    assert last_used(roles, [250, 999], today=TODAY) is None


@pytest.mark.parametrize(
    ("title", "years", "level"),
    [
        ("Software Engineer", 0.5, "entry"),
        ("Software Engineer", 2.0, "junior"),
        ("Software Engineer", 4.0, "mid"),
        ("Software Engineer", 12.0, "senior"),
        ("Marketing Intern", 0.3, "entry"),
        ("Junior Developer", 2.0, "junior"),
        ("Senior Accountant", 5.0, "senior"),
        ("Sr. Analyst", 8.0, "senior"),
        ("Lead Engineer", 9.0, "lead"),
        ("Principal Scientist", 15.0, "lead"),
        ("Engineering Manager", 10.0, "lead"),
        ("Assistant Manager", 6.0, "mid"),
        ("Associate Director", 10.0, "lead"),
        ("Director of Finance", 20.0, "executive"),
        ("Chief Technology Officer", 18.0, "executive"),
        ("Owner", 12.0, "executive"),
        # A title lifts the level at most two steps above the years, and lowers it at most one.
        ("Director of Finance", 0.5, "mid"),
        ("Administrative Assistant", 15.0, "mid"),
        ("Staff Accountant", 4.0, "mid"),
    ],
)
def test_career_level(title: str, years: float, level: str) -> None:
    found, reason = career_level([_role(D(2015, 1, 1), None, title=title)], years)
    assert found == level
    assert found in CAREER_LEVELS
    assert reason.endswith(".")
    assert str(years).rstrip("0").rstrip(".") in reason


def test_career_level_reads_the_latest_role_and_works_without_roles() -> None:
    roles = [
        _role(D(2005, 1, 1), D(2010, 12, 31), title="Director of Sales"),
        _role(D(2011, 1, 1), D(2020, 12, 31), title="Sales Assistant"),
    ]
    assert career_level(roles, 16.0)[0] == "mid"
    roles[1] = _role(D(2011, 1, 1), D(2020, 12, 31), title="Sales Associate")
    assert career_level(roles, 16.0) == (
        "senior",
        "16 years of experience and no seniority words in the latest title.",
    )
    assert career_level([], 0.0) == (
        "entry",
        "0 years of experience and no seniority words in the latest title.",
    )


def test_education_entries() -> None:
    text = (
        "Education\n"
        "Master of Business Administration : Finance , 2012 Rutgers University City , State\n"
        "Bachelor of Science in Computer Science\tSept 2004 - May 2008\n"
        "University of Springfield, Springfield, IL\nGPA 3.8\n"
        "2002\nHigh School Diploma Central High School\n"
        "B.A : English , 1998 UNC - State\n"
        "Skills\nExcel\n"
    )
    entries = find_education(text, find_sections(text))
    assert [(e.degree, e.field, e.institution, e.year) for e in entries] == [
        ("Master of Business Administration", "Finance", "Rutgers University", 2012),
        ("Bachelor of Science", "Computer Science", "University of Springfield", 2008),
        ("High School Diploma", None, "Central High School", 2002),
        ("B.A", "English", None, 1998),
    ]
    assert entries[1].as_dict() == {
        "degree": "Bachelor of Science",
        "field": "Computer Science",
        "institution": "University of Springfield",
        "year": 2008,
        "span_start": text.index("Bachelor"),
        "span_end": text.index("2002"),
    }
    assert all(isinstance(e, Education) for e in entries)
    assert (
        find_education("Experience\nCook 2010 - 2012\n", find_sections("Experience\nCook 2010 - 2012\n"))
        == []
    )


# Real LiveCareer resumes from the shared data folder; the tests fail when it is missing.


# Checked by hand against the text: (title, employer, start month, end month or "current").
HAND_CHECKED: dict[str, list[tuple[str, str | None, str | None, str | None]]] = {
    "10554236": [
        ("Accountant", None, "2011-07", "2012-11"),
        ("Resource Advisor", None, "2010-04", "2011-06"),
        ("Staff Accountant", None, "2008-07", "2010-04"),
        ("Chief, Reports Branch", None, "2007-01", "2009-07"),
        ("Chief, Accounts Payable Branch", None, "2000-02", "2007-01"),
        ("Chief, Recon and Reports Branch", None, "1999-02", "2000-02"),
        ("Chief, Accounts Payable Branch", None, "1995-06", "1999-02"),
        ("Accountant, Network Assistant Team", None, "1994-06", "1995-06"),
        ("Supervisor, Accounts Control Branch", None, "1993-06", "1994-06"),
    ],
    "11163645": [
        ("Accountant", None, "2011-01", "2015-11"),
        ("Accounts Receivable Clerk", None, "2008-01", "2010-01"),
        ("Mortgage Underwriter", None, "2006-01", "2008-01"),
        ("Commercial Auto Underwriter", None, "2004-01", "2006-01"),
        ("Personal Auto Underwriter", None, "2001-01", "2004-01"),
        ("Claims Examiner", None, "1983-01", "2001-01"),
    ],
    "12065211": [
        ("Senior Accountant", None, "2006-03", "current"),
        ("Accountant", None, "2005-01", "2006-03"),
        ("Financial Analyst", None, "2002-08", "2005-01"),
    ],
    "13130984": [
        ("Accountant", None, "2016-04", "current"),
        ("Accounting Clerk", None, "2010-04", "2016-04"),
        ("Church Administrator", None, "2006-04", "current"),
    ],
    "27884470": [
        ("Director, Vendor Services and Compliance", None, "2015-10", "current"),
        ("Team Manager", None, "2008-10", "2010-12"),
        ("Human Resource Specialist/Business Manager", None, "2006-11", "2008-10"),
        ("Relationship Banker", None, "2004-08", "2006-10"),
        ("Director, Enterprise Solutions", None, "2011-01", "2015-09"),
    ],
    "26768723": [
        ("Support & Network Services Intern", None, "2014-09", "2014-12"),
        ("Information Technology Lead Intern", None, "2012-06", "2013-06"),
        ("Information Technology Student Center Intern", None, "2011-09", "2011-12"),
    ],
    "12826414": [
        ("Director of Pipeline Operations", None, "2011-09", "current"),
        ("Senior Project Manager", None, "2010-01", "2011-09"),
        ("Construction Project Manager", None, "2007-12", "2010-01"),
        ("Engineering, Operations and Construction Leader", None, "1989-01", "2007-12"),
    ],
    "14036515": [
        ("Monitor Tech", None, "2014-01", "current"),
        ("Health Unit Clerk", None, "2007-03", "2013-12"),
        ("P.B.X. Operator", None, "1999-05", "2008-03"),
        ("Warehouse Supervisor", None, "2006-01", "2007-02"),
        ("Warehouse Shipping and Receiving", None, "2004-01", "2005-12"),
        ("Front Office Receptionist", None, "2002-01", "2003-12"),
    ],
    "17392859": [
        ("Director of Finance", None, "2016-05", "current"),
        ("Sr. Operations Analyst-Fund Accounting", None, "2015-09", "2016-04"),
        ("Financial Analyst-General Accounting", None, "2013-10", "2015-09"),
        ("Tax Analyst", None, "2011-06", "2011-08"),
        ("Team Lead- Sr. Research/Financial Analyst", None, "2007-06", "2012-09"),
        ("Investor Services Specialist", None, "2001-10", "2007-06"),
    ],
    "18795567": [
        ("Senior Industrial Designer", None, "1998-01", "current"),
        ("Principal Design Consultant", "FutureDash", "2011-01", "2013-01"),
        ("Front-End Research Consultant", None, "2004-01", "2007-01"),
    ],
    "59422148": [
        ("Sales Executive", None, "2013-12", "current"),
        ("Store Sales Manager", None, "2007-03", "2011-11"),
        ("Sports Marketing Intern", None, "2005-08", "2006-12"),
    ],
    "16911115": [
        ("Biomedical Engineering Technician II", None, "2008-06", "current"),
        ("Nutrition Clerk", None, "2006-01", "2008-07"),
        ("Manager/Assistant Service Coordinator", None, "2006-11", "2008-06"),
        ("Receptionist", None, "2006-06", "2006-11"),
    ],
}


@pytest.mark.parametrize("resume_id", sorted(HAND_CHECKED))
def test_hand_checked_livecareer_roles(resume_id: str) -> None:
    text = livecareer()[resume_id]
    found = [
        (
            r.title,
            r.employer,
            r.start.isoformat()[:7] if r.start else None,
            "current" if r.current else (r.end.isoformat()[:7] if r.end else None),
        )
        for r in _roles(text)
    ]
    assert found == HAND_CHECKED[resume_id]


def test_roles_across_all_livecareer_resumes() -> None:
    texts = livecareer()
    with_roles = 0
    for text in texts.values():
        sections = find_sections(text)
        roles = find_roles(text, sections, today=TODAY)
        with_roles += bool(roles)
        for role in roles:
            assert role.start is None or role.end is None or role.start <= role.end
            assert role.current == (role.start is not None and role.end is None)
            assert 0 <= role.span_start < role.span_end <= len(text)
        for before, after in pairwise(roles):
            assert before.span_end <= after.span_start
        assert 0.0 <= total_years(roles, today=TODAY) <= 60.0
        level, _ = career_level(roles, total_years(roles, today=TODAY))
        assert level in CAREER_LEVELS
    assert with_roles / len(texts) >= 0.9
