"""Finding a person's name and address in the header block of a resume (the lines above the first heading)."""

from __future__ import annotations

import re

from tools.resume.contact_patterns import (
    CITY_REGION,
    LOCATION_PLACEHOLDER,
    STREET_ADDRESS,
    email_spans,
    link_spans,
    phone_spans,
)
from tools.resume.headings import heading_kind, word_set
from tools.resume.role_headers import COMPANY_PLACEHOLDER, TITLE_WORDS
from tools.resume.sections import Section

# The header block is short; past this many lines a "name" would be a guess.
HEADER_LINES = 12

# Words that never stand in a name line: labels, document words, section words.
_NOT_NAME_WORDS = word_set(
    """
    resume résumé curriculum vitae cv biodata profile summary objective contact contacts details page
    address phone mobile email e-mail tel cell website portfolio linkedin github name the and of for
    professional experience skills education company city state information personal references
    """
)
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:\-\u2013]\s*", re.IGNORECASE)
_NAME_PART = re.compile(r"[A-Z][a-zA-Z'\u2019-]*\.?|[A-Z]\.|(?:van|von|de|da|del|der|di|du|la|le|bin|al|ibn)")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,4}\u00b7[\u4e00-\u9fff]{1,6}")
_CJK_ADDRESS = re.compile(r"[\u4e00-\u9fff]{2,30}(?:省|市|区|县|镇|村|路|街|道|号|弄|小区|大厦)")
# A door number first ("5A/453, Main Road"), or a place with a postcode after a comma or a hyphen
# ("New South Wales, 2006, Australia", "Nagar-628008").
_DOOR_NUMBER = re.compile(r"^\s*+\d{1,5}[A-Za-z]?\s*+(?:/\s*+\d+[A-Za-z]?\s*+)?,")
_POSTCODE = re.compile(r"(?:,\s*+|-)(?<!\d)\d{4,6}(?![\d-])|(?<![\d-])\d{4,6}(?![\d-])\s*+,\s*+[A-Z][a-z]{2}")
_WORD3 = re.compile(r"[A-Za-z]{3}")
# The fields of a header line: split where bars, bullets, tabs, wide gaps or spaced dashes stand.
_FIELD_SPLIT = re.compile(r"\||\u2022|\u00b7|\t|;|,\s|\s{3,}|\s[-\u2013\u2014]\s")


def header_end(text: str, sections: list[Section]) -> int:
    """Where the block before the first heading ends (0 when the text opens with a heading)."""
    first = sections[0] if sections else None
    if first is None or first.heading:
        return 0
    end = first.end
    if (
        first.kind == "others"
        and len(sections) > 1
        and sections[1].kind == "summary"
        and not sections[1].heading
    ):
        end = sections[1].start  # a header then a paragraph of summary: the header alone
    return end


def header_lines(text: str, end: int) -> list[tuple[int, str]]:
    """(offset, line) of the header's first non-blank lines."""
    out = []
    offset = 0
    for line in text[:end].split("\n"):
        if line.strip():
            out.append((offset, line))
        offset += len(line) + 1
    return out[:HEADER_LINES]


def name_in(line: str) -> tuple[int, int] | None:
    """The (start, end) of a person's name in a header line's first field, or None."""
    label = _NAME_LABEL.match(line)
    begin = label.end() if label else 0
    rest = line[begin:].strip()
    field = _FIELD_SPLIT.split(rest)[0].strip(" \t\u00a0*") if rest else ""
    if not _CJK_NAME.fullmatch(field) and not _looks_like_name(field):
        return None
    start = line.index(field, begin)
    return start, start + len(field)


def _looks_like_name(field: str) -> bool:
    """Two to four capitalised name words: no digits, labels, headings, job words or placeholders."""
    # "Jane Q. Example (Janie)": a nickname in brackets is part of the name; "A.Kumar" is two words.
    bare = re.sub(r"\s*\([A-Za-z .'-]+\)$", "", field)
    words = re.sub(r"(?<=\b[A-Z])\.(?=[A-Z])", ". ", bare).split()
    if not 2 <= len(words) <= 4 or len(field) > 50:
        return False
    if any(ch.isdigit() or ch in "@/:()&" for ch in bare) or heading_kind(bare) is not None:
        return False
    if COMPANY_PLACEHOLDER.lower() in field.lower() or LOCATION_PLACEHOLDER.match(field):
        return False
    lowered = [w.lower().strip(".,") for w in words]
    if any(w in _NOT_NAME_WORDS or w in TITLE_WORDS for w in lowered):
        return False
    return all(_NAME_PART.fullmatch(w) for w in words) and words[0][0].isupper()


def header_location(line: str) -> tuple[int, int] | None:
    """A street address, "City, ST", a line with a postcode, or a Chinese address in a header line."""
    for pattern in (STREET_ADDRESS, CITY_REGION):
        for match in pattern.finditer(line):
            if not LOCATION_PLACEHOLDER.match(match.group()):
                return match.start(), match.end()
    stripped = line.strip()
    if _CJK_ADDRESS.search(stripped) and len(stripped) >= 6:
        start = line.index(stripped)
        return start, start + len(stripped)
    # "New South Wales, 2006, Australia", "Nagar-628008": a postcode on a line with a place name.
    bare = stripped
    for finder in (email_spans, phone_spans, link_spans):
        for s, e in finder(stripped):
            bare = bare[:s] + " " * (e - s) + bare[e:]
    postcode = _POSTCODE.search(bare)
    place_and_postcode = postcode is not None and _WORD3.search(bare) is not None
    if (_DOOR_NUMBER.match(bare) or place_and_postcode) and not any(
        w.lower() in TITLE_WORDS for w in re.findall(r"[A-Za-z]+", bare)
    ):
        start = line.index(stripped)
        return start, start + len(stripped)
    return None
