"""Keywords an applicant-tracking system may screen for that the O*NET catalogue has no node for."""

from __future__ import annotations

import re
from collections import Counter

# Acronyms and certifications ("GAAP", "HIPAA", "CDL", "ISO 9001"), and capitalised phrases the
# posting repeats ("Accounts Receivable"). Words with inner capitals are left out: in these postings
# they are mostly two words glued by a lost line break ("DescriptionJob").
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}(?:[- ][0-9]{2,5})?\b(?! ?\d{5})")
_PHRASE = re.compile(r"(?<![A-Za-z])((?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+)(?![A-Za-z])")
# Words in capitals that are not screening keywords: places, legal boilerplate, shouting.
_NOT_KEYWORDS = frozenset(
    {
        "US", "USA", "U.S", "UK", "EU", "EEO", "EOE", "AA", "ADA", "OFCCP", "FMLA", "LLC", "INC", "CO",
        "THE", "AND", "OR", "OF", "TO", "IN", "FOR", "WITH", "OUR", "WE", "YOU", "ALL", "NOT", "ARE",
        "AM", "PM", "EST", "PST", "CST", "MST", "ET", "PT", "CT", "HR", "ID", "OK", "NA", "N/A",
        "AL", "AK", "AZ", "AR", "CA", "DE", "FL", "GA", "HI", "IA", "IL", "KS", "KY", "LA",
        "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY",
        "OH", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY", "DC",
        "JOB", "ROLE", "POSITION", "REQUIREMENTS", "QUALIFICATIONS", "RESPONSIBILITIES", "BENEFITS",
        "SUMMARY", "DUTIES", "SKILLS", "EDUCATION", "EXPERIENCE", "ABOUT", "PREFERRED", "REQUIRED",
        "DOE", "PTO", "401K", "K", "I", "II", "III", "IV", "CEO", "CFO", "COO", "CTO", "CIO", "VP",
        "SVP", "EVP", "AVP", "FLSA", "FT", "WFH", "ASAP", "FAQ", "LOCATION", "SALARY", "PAY",
    }
)  # fmt: skip
# Names and addresses sit next to contact details; a phrase there is a person or a place.
_CONTACT = re.compile(r"@|\bcontact\b|\be-?mail\b|\bcall\b|\brecruiter\b|\d{3}[-. )]\d{3}[-. ]\d{4}", re.I)
_PHRASE_START_STOP = frozenset(
    {"The", "This", "Our", "We", "You", "Your", "As", "In", "At", "If", "All", "Job"}
)
MAX_KEYWORDS = 20


def ats_keywords(text: str, taken: list[tuple[int, int]], *, company: str | None = None) -> list[str]:
    """Screening keywords outside the spans already matched to skills, most frequent first."""
    company_words = set((company or "").lower().split())
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}

    def add(term: str, at: int) -> None:
        if any(s <= at < e for s, e in taken):
            return
        if term.upper() in _NOT_KEYWORDS or term.lower() in company_words:
            return
        counts[term] += 1
        first_seen.setdefault(term, at)

    for match in _ACRONYM.finditer(text):
        term = match.group(0)
        # A whole line in capitals is a heading or shouting, not a list of acronyms.
        if _in_caps_run(text, match.start(), match.end()):
            continue
        add(term, match.start())
    phrases: Counter[str] = Counter(m.group(1) for m in _PHRASE.finditer(text))
    for match in _PHRASE.finditer(text):
        phrase = match.group(1)
        # A name said once is as likely a person or a place as a keyword; one repeated is a keyword.
        if (
            phrases[phrase] < 2
            or phrase.split()[0] in _PHRASE_START_STOP
            or _sentence_start(text, match.start())
        ):
            continue
        add(phrase, match.start())
    ranked = sorted(counts, key=lambda term: (-counts[term], first_seen[term]))
    return ranked[:MAX_KEYWORDS]


def _in_caps_run(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    return bool(re.search(r"[A-Z]{3,}\s*$", before) or re.match(r"^\s*[A-Z]{3,}", after))


def _sentence_start(text: str, at: int) -> bool:
    # Title Case after a full stop is just a sentence starting; only a mid-sentence phrase is a name.
    before = text[max(0, at - 3) : at].strip()
    return not before or before[-1] in ".!?:\n-•*"
