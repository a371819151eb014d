"""Resume sections: headings found, kinds chosen, a contiguous cover of the text; synthetic and real texts."""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests.unit.livecareer import livecareer
from tools.resume.sections import SECTION_KINDS, TAILORABLE, Section, find_sections, heading_kind, section_at

LIVECAREER_LIKE = """SENIOR ACCOUNTANT
Summary
Senior accountant with ten years of general ledger work.
Highlights
Account reconciliations
Leadership
Experience
Company Name July 2011 to November 2012 Accountant
City , State
Reconciled accounts.
Education and Training
Bachelor of Science : Accounting , 2005 State University City , State
Skills
Excel, SAP
"""

MODERN = """Jane Q. Example
jane.example@example.com | (555) 010-2345 | Springfield, IL 62701

EXPERIENCE
Software Engineer, Acme Corp \u2014 Jan 2020 \u2013 Present
Built the billing service.

PROJECTS
Route planner (2019)

EDUCATION
B.S. Computer Science, State University, 2019

CERTIFICATIONS
AWS Certified Developer
"""


def _assert_cover(text: str, sections: list[Section]) -> None:
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    for before, after in pairwise(sections):
        assert before.end == after.start
        assert before.start < before.end
    for section in sections:
        assert section.kind in SECTION_KINDS
        assert section.tailorable == (section.kind in TAILORABLE)


def test_livecareer_layout() -> None:
    sections = find_sections(LIVECAREER_LIKE)
    _assert_cover(LIVECAREER_LIKE, sections)
    assert [(s.kind, s.heading) for s in sections] == [
        ("others", ""),
        ("summary", "Summary"),
        ("skills", "Highlights"),
        ("experience", "Experience"),
        ("education", "Education and Training"),
        ("skills", "Skills"),
    ]
    # The job title above "Summary" is the header block, not a summary.
    assert LIVECAREER_LIKE[sections[0].start : sections[0].end] == "SENIOR ACCOUNTANT\n"
    experience = sections[3]
    assert LIVECAREER_LIKE[experience.start :].startswith("Experience\nCompany Name July 2011")


def test_modern_layout_with_header_block() -> None:
    sections = find_sections(MODERN)
    _assert_cover(MODERN, sections)
    assert [(s.kind, s.heading, s.tailorable) for s in sections] == [
        ("others", "", False),
        ("experience", "EXPERIENCE", True),
        ("projects", "PROJECTS", True),
        ("education", "EDUCATION", False),
        ("certifications", "CERTIFICATIONS", False),
    ]
    assert sections[1].as_dict() == {
        "kind": "experience",
        "heading": "EXPERIENCE",
        "start": MODERN.index("EXPERIENCE"),
        "end": MODERN.index("PROJECTS"),
        "tailorable": True,
    }


def test_prose_before_the_first_heading_is_a_summary() -> None:
    text = (
        "Results-driven analyst with eight years of experience turning messy data into decisions "
        "for finance and operations teams.\nSkills\nSQL\n"
    )
    sections = find_sections(text)
    assert [(s.kind, s.heading) for s in sections] == [("summary", ""), ("skills", "Skills")]


def test_header_then_prose_splits_into_header_and_summary() -> None:
    text = (
        "Jane Example\njane@example.com\n"
        "Analyst with eight years of experience turning messy data into decisions for finance teams.\n"
        "Experience\nAnalyst 2015 - 2020\n"
    )
    sections = find_sections(text)
    _assert_cover(text, sections)
    kinds = [(s.kind, s.heading) for s in sections]
    assert kinds == [("others", ""), ("summary", ""), ("experience", "Experience")]
    assert text[sections[1].start :].startswith("Analyst with eight years")


def test_text_without_headings_is_one_section() -> None:
    assert [(s.kind, s.start, s.end) for s in find_sections("ACCOUNTANT\nCPA")] == [("others", 0, 14)]
    assert find_sections("") == []


def test_job_title_that_reads_like_a_heading_stays_in_the_header() -> None:
    text = "PRACTICUM EXPERIENCE\nSummary\nNurse practitioner.\n"
    assert [(s.kind, s.heading) for s in find_sections(text)] == [("others", ""), ("summary", "Summary")]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Experience", "experience"),
        ("WORK EXPERIENCE", "experience"),
        ("Professional Experience:", "experience"),
        ("Work History", "experience"),
        ("Employment History", "experience"),
        ("Visual Merchandise Experience", "experience"),
        ("Military Experience", "experience"),
        ("Internships", "experience"),
        ("Education and Training", "education"),
        ("EDUCATIONAL BACKGROUND", "education"),
        ("Relevant Coursework", "education"),
        ("Summary of Skills", "skills"),
        ("Skill Highlights", "skills"),
        ("Highlights", "skills"),
        ("Core Qualifications", "skills"),
        ("TECHNICAL SKILLS", "skills"),
        ("Areas of Expertise", "skills"),
        ("Languages", "skills"),
        ("Professional Summary", "summary"),
        ("Executive Profile", "summary"),
        ("Career Overview", "summary"),
        ("OBJECTIVE", "summary"),
        ("About Me", "summary"),
        ("Personal Projects", "projects"),
        ("PROJECTS DONE", "projects"),
        ("Licenses and Certifications", "certifications"),
        ("Certificates & Awards", "certifications"),
        ("Accomplishments", "others"),
        ("Additional Information", "others"),
        ("Professional Affiliations", "others"),
        ("Interests", "others"),
        ("Activities and Honors", "others"),
        ("SKILLS: Python, SQL, Excel", "skills"),
        ("\u00c2 Skills \u00c2", "skills"),
        ("\u5de5\u4f5c\u7ecf\u5386", "experience"),
        ("\u6559\u80b2\u80cc\u666f", "education"),
    ],
)
def test_heading_kinds(line: str, kind: str) -> None:
    sections = find_sections(f"Header\n{line}\nsome text\n")
    assert sections[1].kind == kind
    assert sections[1].start == len("Header\n")


@pytest.mark.parametrize(
    "line",
    [
        "Leadership",
        "Project Management",
        "Strong communication skills",
        "Training and development",
        "Computer proficiency",
        "skills",
        "Experience in accounting.",
        "Skills: Excel and Word in daily reports",
        "Company Name",
        "City , State",
        "Summary of 2019 results",
        "Accountant",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_kind(line) is None


def test_section_at() -> None:
    sections = find_sections(MODERN)
    experience = sections[1]
    assert section_at(sections, experience.start) == experience
    assert section_at(sections, experience.end - 1) == experience
    assert section_at(sections, experience.end) == sections[2]
    assert section_at(sections, 0) == sections[0]
    assert section_at(sections, -1) is None
    assert section_at(sections, len(MODERN)) is None
    assert section_at([], 0) is None


# Real texts from the shared data folder (outside the repo); the tests fail when it is missing.


def test_real_resumes_are_covered_by_contiguous_sections() -> None:
    rows = list(livecareer().values())
    with_experience = 0
    for text in rows:
        sections = find_sections(text)
        if not text:
            assert sections == []
            continue
        _assert_cover(text, sections)
        with_experience += any(s.kind == "experience" for s in sections)
    assert len(rows) >= 1900
    assert with_experience / len(rows) >= 0.99
