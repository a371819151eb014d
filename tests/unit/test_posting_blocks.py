"""Posting blocks: headings found in real LinkedIn postings, and how much each skill mention is asked for."""

from __future__ import annotations

import csv
import os
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from tools.jobs.posting_blocks import BLOCK_KINDS, Block, Cue, classify, find_blocks

REPO = Path(__file__).resolve().parents[2]


@cache
def postings() -> dict[str, str]:
    """Description by job id; the tests that use it fail, never skip, when the data is missing."""
    folder = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    path = (folder if folder.is_absolute() else (REPO / folder).resolve()) / "jobs" / "linkedin_postings.csv"
    assert path.exists(), f"the real postings are missing: {path} (set JOBMATE_SHARED_DATA)"
    with path.open(encoding="utf-8", newline="") as rows:
        return {row["job_id"]: row["description"] for row in csv.DictReader(rows)}


def cue(text: str, mention: str, after: str = "") -> Cue:
    """The cue of the first `mention` found after the fragment `after`."""
    start = text.index(mention, text.index(after))
    return classify(text, find_blocks(text), start, start + len(mention))


def real_cue(job_id: str, mention: str, after: str = "") -> Cue:
    return cue(postings()[job_id], mention, after)


def headings(text: str) -> list[tuple[str, str]]:
    return [(block.kind, block.heading) for block in find_blocks(text)]


def assert_cover(text: str, blocks: list[Block]) -> None:
    assert blocks[0].start == 0
    assert blocks[-1].end == len(text)
    for before, after in pairwise(blocks):
        assert before.end == after.start
    for block in blocks:
        assert block.kind in BLOCK_KINDS
        assert block.start < block.end or text == ""
        assert block.heading in text[block.start : block.end]
        assert block.heading == block.heading.strip()


def test_blocks_cover_every_real_posting() -> None:
    descriptions = postings()
    assert len(descriptions) == 932
    for job_id, text in descriptions.items():
        blocks = find_blocks(text)
        assert blocks, job_id
        assert_cover(text, blocks)
        assert blocks[0].kind == "other" or blocks[0].heading, job_id


def test_most_real_postings_have_requirement_and_duty_blocks() -> None:
    kinds = [{block.kind for block in find_blocks(text)} for text in postings().values()]
    assert sum("required" in found for found in kinds) > 600
    assert sum("duties" in found for found in kinds) > 600
    assert sum("preferred" in found for found in kinds) > 100
    assert sum(bool({"company", "benefits", "legal"} & found) for found in kinds) > 400


def test_inline_headings_after_a_sentence_and_before_dash_bullets() -> None:
    found = headings(postings()["2264355"])
    assert ("required", "Skills to have:") in found
    assert ("duties", "Responsibilities:") in found
    assert real_cue("2264355", "rehearsals") == Cue("required", "in the duties", "duties")
    assert real_cue("2264355", "Planning Center Online").importance == "required"
    assert real_cue("2264355", "Local connections").importance == "preferred"


def test_star_bullets_glued_to_their_heading() -> None:
    found = headings(postings()["3883216578"])
    assert ("duties", "The Role:") in found
    assert ("required", "The Person:") in found
    assert real_cue("3883216578", "Bachelor\u2019s degree") == Cue(
        "required", 'under "The Person"', "required"
    )


def test_linkedin_headings_glued_to_their_first_sentence() -> None:
    # "Company DescriptionExperts in ...", "QualificationsPrior experience in ..."
    found = headings(postings()["3586242087"])
    assert [kind for kind, _ in found] == ["company", "duties", "required"]
    assert real_cue("3586242087", "Oil and Gas Drilling") == Cue(
        "ignored", "in the company description", "company"
    )
    assert real_cue("3586242087", "CRM software") == Cue("required", 'under "Qualifications"', "required")


def test_a_plus_makes_its_item_preferred_and_not_its_neighbour() -> None:
    bolting = real_cue("3586242087", "Industrial Bolting")
    assert bolting == Cue("preferred", 'said to be "a plus"', "required")
    assert real_cue("3586242087", "supply chain", "Industrial Bolting").importance == "required"
    toast = "3887880749"
    assert real_cue(toast, "Salesforce CRM", "General technical") == Cue(
        "preferred", 'said to be "nice to have"', "required"
    )
    assert real_cue(toast, "technical proficiency").importance == "required"
    assert real_cue(toast, "Salesforce", "Leverage") == Cue("required", "in the duties", "duties")


def test_company_benefits_and_equal_opportunity_text_is_ignored() -> None:
    skf = "3884428982"
    found = headings(postings()[skf])
    assert ("company", "About SKF") in found
    assert ("benefits", "What You\u2019ll Love About SKF") in found  # a curly apostrophe
    assert real_cue(skf, "manufacturer", "About SKF").importance == "ignored"
    assert real_cue(skf, "PTO") == Cue("ignored", "in the benefits", "benefits")
    assert real_cue(skf, "affirmative action").reason == "in the legal notice"
    assert real_cue(skf, "accounting", "Job Requirements") == Cue(
        "required", 'said to be "required"', "required"
    )
    assert real_cue(skf, "Cost Management").importance == "preferred"  # "preferred but is not required"


def test_preferred_and_nice_to_have_sections() -> None:
    assert real_cue("3884805577", "Terraform") == Cue("preferred", 'under "NICE TO HAVES"', "preferred")
    assert (
        real_cue("3884805577", "Computer Science", "What You Will Bring").reason
        == 'under "What You Will Bring"'
    )
    assert real_cue("3868035218", "Bachelor", "Preferred Qualifications").block == "preferred"
    assert real_cue("3868035218", "law enforcement").importance == "required"
    assert real_cue("3840217276", "medical billing").block == "preferred"  # "...Experience5+ years"


def test_run_on_posting_with_headings_lost_in_the_text() -> None:
    hpc = "3884431632"
    assert real_cue(hpc, "AWS", "Mandatory skills").importance == "required"
    assert real_cue(hpc, "python", "Mandatory skills") == Cue(
        "preferred", 'said to be "preferably"', "required"
    )
    assert real_cue(hpc, "CAE") == Cue("preferred", 'under "Good to have"', "preferred")
    assert real_cue(hpc, "PowerShell", "Basic qualification").importance == "required"
    assert real_cue(hpc, "Ansys", "Preferred qualification").block == "preferred"


def test_company_prose_before_any_heading_is_ignored_but_the_job_is_not() -> None:
    assert real_cue("2790549389", "inclusive company") == Cue(
        "ignored", "in the company description", "other"
    )
    assert real_cue("2790549389", "wholesaler networks").importance == "required"


def test_a_posting_without_headings_asks_for_everything_in_it() -> None:
    text = postings()["634823509"]
    assert find_blocks(text) == [Block("other", 0, len(text), "")]
    assert cue(text, "control wiring") == Cue("required", "in the posting", "other")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [Block("other", 0, 0, "")]),
        ("Requirements:", [Block("required", 0, 13, "Requirements:")]),
        ("QUALIFICATIONS\n", [Block("required", 0, 15, "QUALIFICATIONS")]),
        ("  Nice to have\n", [Block("preferred", 0, 15, "Nice to have")]),
    ],
)
def test_empty_text_and_a_lone_heading(text: str, expected: list[Block]) -> None:
    assert find_blocks(text) == expected
    assert_cover(text, find_blocks(text))


def test_classify_on_empty_text_or_no_blocks() -> None:
    assert classify("", find_blocks(""), 0, 0) == Cue("required", "in the posting", "other")
    assert classify("Python", [], 0, 6) == Cue("required", "in the posting", "other")


def test_headings_on_their_own_line_and_list_items_that_are_not() -> None:
    text = (
        "Acme builds tools.\n**What you\u2019ll do**\n- Build APIs\nWHO YOU ARE\n- Go\n"
        "Strong communication skills\nBonus points\n- Rust\nPerks\n- Gym\nHow to apply\nEmail us.\n"
    )
    assert headings(text) == [
        ("other", ""),
        ("duties", "What you\u2019ll do"),
        ("required", "WHO YOU ARE"),
        ("preferred", "Bonus points"),
        ("benefits", "Perks"),
        ("apply", "How to apply"),
    ]
    assert cue(text, "communication skills") == Cue("required", 'under "WHO YOU ARE"', "required")
    assert cue(text, "Rust") == Cue("preferred", 'under "Bonus points"', "preferred")
    assert cue(text, "Gym").importance == "ignored"


def test_a_parenthesis_speaks_only_for_its_own_item() -> None:
    text = "Required: Java, Go (Rust preferred), SQL (a plus), Perl"
    assert cue(text, "Java") == Cue("required", 'under "Required"', "required")
    assert cue(text, "Go") == Cue("required", 'under "Required"', "required")
    assert cue(text, "Rust") == Cue("preferred", 'said to be "preferred"', "required")
    assert cue(text, "SQL") == Cue("preferred", 'said to be "a plus"', "required")
    assert cue(text, "Perl").importance == "required"


def test_phrase_cues_in_the_same_sentence() -> None:
    text = (
        "Requirements:\n5 years of sales experience, preferably in retail.\n"
        "Familiarity with Tableau a plus.\nMust have a valid CDL.\n"
        "Preferred Qualifications:\nAt least 2 years of SQL.\nSpanish is nice to have."
    )
    assert cue(text, "sales").importance == "required"
    assert cue(text, "retail") == Cue("preferred", 'said to be "preferably"', "required")
    assert cue(text, "Tableau") == Cue("preferred", 'said to be "a plus"', "required")
    assert cue(text, "CDL") == Cue("required", 'said to be "must have"', "required")
    assert cue(text, "SQL") == Cue("required", 'said to be "at least"', "preferred")
    assert cue(text, "Spanish") == Cue("preferred", 'said to be "nice to have"', "preferred")


def test_company_sentences_and_one_line_fields() -> None:
    text = (
        "Founded in 1998, Acme makes billing software for hospitals. We are looking for a Python developer.\n"
        "Pay: $40/hr. SQL experience required.\nEqual Opportunity Employer: Acme considers all applicants, "
        "including people who know Excel, without regard to race.\nAbout us: Acme uses Kafka at scale."
    )
    assert cue(text, "billing software") == Cue("ignored", "in the company description", "other")
    assert cue(text, "Python") == Cue("required", "in the posting", "other")
    assert cue(text, "SQL") == Cue("required", 'said to be "required"', "other")  # not part of the pay field
    assert cue(text, "Excel") == Cue("ignored", "in the legal notice", "legal")
    assert cue(text, "Kafka") == Cue("ignored", "in the company description", "company")
