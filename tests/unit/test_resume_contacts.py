"""Contact details and redaction: synthetic people only, plus leak checks over the real resume texts."""

from __future__ import annotations

import re

import docx
import pytest

from tests.unit.livecareer import livecareer, shared_data
from tools.resume.contact_patterns import phone_spans
from tools.resume.contacts import PLACEHOLDERS, ContactDetails, ContactItem, find_contacts, redact
from tools.resume.sections import find_sections

# An independent, deliberately loose check: anything shaped like an e-mail or a US/UK phone number.
ANY_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
ANY_PHONE = re.compile(
    r"\(?\d{3}\)?[ .-]{0,2}\d{3}[ .-]{1,2}\d{4}(?!\d)|\+\d{1,3}[ .-]?\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}"
)

MODERN = (
    "Jane Q. Example\n"
    "jane.example@example.com | (555) 010-2345 | Springfield, IL 62701 | linkedin.com/in/jane-example"
    " | github.com/janeex\n"
    "\n"
    "EXPERIENCE\n"
    "Software Engineer, Acme Corp \u2014 Jan 2020 \u2013 Present\n"
    "- Built the billing service with jane example's team; Example Corp examples.\n"
    "- Demo at https://janeexample.dev/demo.\n"
    "\n"
    "EDUCATION\n"
    "B.S. Computer Science, State University, 2019\n"
    "\n"
    "References available from J. EXAMPLE, 42 Oak Avenue, Apt 7 or +44 20 7946 0958.\n"
)


def test_modern_header() -> None:
    details = find_contacts(MODERN)
    assert details.as_dict() == {
        "name": "Jane Q. Example",
        "email": "jane.example@example.com",
        "phone": "(555) 010-2345",
        "location": "Springfield, IL 62701",
        "links": ["linkedin.com/in/jane-example", "github.com/janeex"],
    }
    email = details.items[1]
    assert email == ContactItem("email", "jane.example@example.com", 16, 40)
    assert MODERN[email.start : email.end] == email.value
    assert [i.start for i in details.items] == sorted(i.start for i in details.items)


def test_modern_redaction() -> None:
    details = find_contacts(MODERN)
    redacted = redact(MODERN, details)
    assert redacted == (
        "[NAME]\n"
        "[EMAIL] | [PHONE] | [LOCATION] | [LINK] | [LINK]\n"
        "\n"
        "EXPERIENCE\n"
        "Software Engineer, Acme Corp \u2014 Jan 2020 \u2013 Present\n"
        "- Built the billing service with [NAME]'s team; [NAME] Corp examples.\n"
        "- Demo at [LINK].\n"
        "\n"
        "EDUCATION\n"
        "B.S. Computer Science, State University, 2019\n"
        "\n"
        "References available from J. [NAME], [LOCATION] or [PHONE].\n"
    )
    for item in details.items:
        assert item.value.lower() not in redacted.lower()


def test_sections_may_be_passed_in() -> None:
    assert find_contacts(MODERN, find_sections(MODERN)) == find_contacts(MODERN)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "JANE EXAMPLE\n123 Main St, Apt 4\nSpringfield, IL 62701\njane@example.org\n",
            {"name": "JANE EXAMPLE", "email": "jane@example.org", "location": "123 Main St, Apt 4"},
        ),
        (
            "Name: Jane Example\nPhone: +44 20 7946 0958\n"
            "Email: jane [at] example [dot] com\nPortfolio: janeexample.dev\n",
            {
                "name": "Jane Example",
                "phone": "+44 20 7946 0958",
                "email": "jane [at] example [dot] com",
                "links": ["janeexample.dev"],
            },
        ),
        (
            "Jane Example (Janie)\n@janeex | jane-example-4b2a91\nLondon, United Kingdom\n",
            {
                "name": "Jane Example (Janie)",
                "location": "London, United Kingdom",
                "links": ["@janeex", "jane-example-4b2a91"],
            },
        ),
        (
            "\tJane  Example\t\n555.123.4567 \u2022 Austin, TX\n",
            {"name": "Jane  Example", "phone": "555.123.4567", "location": "Austin, TX"},
        ),
        (
            "A.Sample\n5A/453, Gandhi Road,\nNagar-600001\n",
            {"name": "A.Sample", "location": "5A/453, Gandhi Road,"},
        ),
        (
            "\u5f20\u4e09\n"
            "\u5317\u4eac\u5e02\u6d77\u6dc0\u533a\u4e2d\u5173\u6751\u5927\u885799\u53f7\n"
            "138 0013 8000\n",
            {
                "name": "\u5f20\u4e09",
                "phone": "138 0013 8000",
                "location": "\u5317\u4eac\u5e02\u6d77\u6dc0\u533a\u4e2d\u5173\u6751\u5927\u885799\u53f7",
            },
        ),
    ],
)
def test_header_variants(header: str, expected: dict[str, object]) -> None:
    text = header + "Experience\nEngineer 2019 - 2021\nBuilt things.\n"
    details = find_contacts(text)
    found = details.as_dict()
    for key, value in expected.items():
        assert found[key] == value
    redacted = redact(text, details)
    assert redacted.endswith("Experience\nEngineer 2019 - 2021\nBuilt things.\n")
    for item in details.items:
        assert item.value not in redacted


def test_livecareer_placeholders_and_job_title_are_no_contacts() -> None:
    text = (
        "SENIOR ACCOUNTANT\nSummary\nAccountant at Company Name in City , State.\nExperience\n"
        "Company Name July 2011 to November 2012 Accountant\nCity , State\nKEY HOLDER\n"
    )
    details = find_contacts(text)
    assert details.items == ()
    assert details.as_dict() == {"name": None, "email": None, "phone": None, "location": None, "links": []}
    assert redact(text, details) == text
    # A first line in capitals is a name once the header tells how to reach that person.
    assert find_contacts("JANE EXAMPLE\njane@example.org\nSummary\nAnalyst.\n").name == "JANE EXAMPLE"


@pytest.mark.parametrize(
    "line",
    [
        "Senior Accountant",
        "Curriculum Vitae",
        "Company Name",
        "Professional Summary",
        "Jane Example 2019",
        "Springfield, IL",
        "Built the billing service",
        "jane example",
    ],
)
def test_not_names(line: str) -> None:
    assert find_contacts(f"{line}\njane@example.org\nExperience\nEngineer 2019 - 2021\n").name is None


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("(555) 123-4567", "(555) 123-4567"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("555.123.4567", "555.123.4567"),
        ("call 555-123-4567.", "555-123-4567"),
        ("+1 (555) 010-2345", "+1 (555) 010-2345"),
        ("+91 98765 43210", "+91 98765 43210"),
        ("5550102345", "5550102345"),
        ("ext 555-0123", "555-0123"),
        ("Phone(555) 010-2345", "(555) 010-2345"),
        ("area code lost: 555) 010-2345", "555) 010-2345"),
    ],
)
def test_phones(text: str, phone: str) -> None:
    assert [text[start:end] for start, end in phone_spans(text)] == [phone]


@pytest.mark.parametrize(
    "text",
    [
        "2015-2018",
        "2010 - 2012",
        "Jan 2015 - Dec 2016",
        "$120,000",
        "62701",
        "62701-1234",
        "2015-11-21",
        "ID A1234567890",
        "10-key",
        "3.85/4.0",
        "1995 1996 1997",
        "2009-2013 3.5",
        "Managed a $1,250,000 budget",
    ],
)
def test_not_phones(text: str) -> None:
    assert list(phone_spans(text)) == []


def test_redact_keeps_every_other_character() -> None:
    text = (
        "Jane Example\njane@example.org\nSkills\nPython, SQL; 10-key; 2015-2018; $120,000 in 62701 sales.\n"
    )
    details = find_contacts(text)
    redacted = redact(text, details)
    assert redacted == "[NAME]\n[EMAIL]\nSkills\nPython, SQL; 10-key; 2015-2018; $120,000 in 62701 sales.\n"


def test_redact_finds_patterns_without_details() -> None:
    text = "Write to a@b.co or 555-123-4567, visit www.example.org, or P.O. Box 77."
    assert redact(text, ContactDetails(())) == "Write to [EMAIL] or [PHONE], visit [LINK], or [LOCATION]."


def test_placeholders() -> None:
    assert set(PLACEHOLDERS) == {"name", "email", "phone", "location", "link"}


# Real texts from the shared data folder; the tests fail when it is missing. Failures report counts and
# ids only: these files hold real people's details.


def test_livecareer_redaction_removes_every_email_and_phone() -> None:
    texts = livecareer()
    with_email = [i for i, t in texts.items() if ANY_EMAIL.search(t)]
    with_phone = [i for i, t in texts.items() if list(phone_spans(t))]
    assert len(with_email) >= 17
    assert len(with_phone) >= 46
    leaking = []
    for resume_id in sorted(set(with_email) | set(with_phone)):
        text = texts[resume_id]
        details = find_contacts(text)
        redacted = redact(text, details)
        values = [item.value for item in details.items]
        if ANY_EMAIL.search(redacted) or ANY_PHONE.search(redacted) or any(v in redacted for v in values):
            leaking.append(resume_id)
    assert leaking == []


def test_livecareer_texts_yield_no_placeholder_contacts() -> None:
    texts = livecareer()
    named = 0
    for text in list(texts.values())[::4]:
        details = find_contacts(text)
        named += details.name is not None
        for item in details.items:
            assert "Company Name" not in item.value
            assert not re.fullmatch(r"City\s*,\s*State", item.value)
    # Their first line is the job sought; only the few texts with a name left in show one.
    assert named <= 10


def test_real_docx_resumes_leak_nothing() -> None:
    folder = shared_data() / "resumes" / "docx"
    files = sorted(folder.glob("*.docx"))
    assert files, f"the real DOCX resumes are missing: {folder}"
    checked = 0
    leaks: list[int] = []
    for number, path in enumerate(files):
        try:
            document = docx.Document(str(path))
        except Exception:
            continue  # one of them is malformed on purpose; reading files is tested elsewhere
        lines = [p.text for p in document.paragraphs]
        lines += [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
        text = "\n".join(lines)
        details = find_contacts(text)
        redacted = redact(text, details)
        checked += 1
        values = [item.value for item in details.items]
        if ANY_EMAIL.search(redacted) or ANY_PHONE.search(redacted) or any(v in redacted for v in values):
            leaks.append(number)
    assert checked >= 15
    assert leaks == []
