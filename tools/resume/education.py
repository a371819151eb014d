"""Education entries (degree, field, institution, year) in a resume's education sections."""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass
from typing import Any

from tools.resume.dates import find_years
from tools.resume.sections import Section

_DEGREE_OF = (
    r"(?:Science|Arts|Fine Arts|Business Administration|Engineering|Technology|Applied Science|Applied Arts|"
    r"Applied Studies|Laws|Education|Commerce|Computer Applications|Social Work|Nursing|Music|Architecture|"
    r"Philosophy|Public Administration|Public Health|Accountancy|Liberal Arts|Divinity|Medicine)"
)
_ABBREVIATIONS = (
    "Ph.D.|PhD|Ed.D.|EdD|Psy.D.|M.B.A.|MBA|BBA|B.B.A.|MPA|MPH|MSW|BSN|MSN|MFA|BFA|BCA|MCA|LLB|LL.B.|LLM|"
    "LL.M.|JD|J.D.|PharmD|AAS|A.A.S.|B.Tech|B. Tech|M.Tech|M. Tech|B.Sc.|B.Sc|BSc|M.Sc.|M.Sc|MSc|B.Com|M.Com|"
    "B.E.|M.E.|B.S.|B.A.|M.S.|M.A.|BS|BA"
)
# Two-letter degrees that are also US state codes: a degree only when not after "City, ".
_AMBIGUOUS = "MS|MA|AA|AS|MD|ME|BE"
DEGREE_PATTERN = re.compile(
    rf"\b(?:(?:Bachelor|Master|Doctor|Associate)(?:'?s)?(?![a-z])(?:\s+degree)?(?:\s+of\s+{_DEGREE_OF})?"
    rf"(?:\s*\([A-Z.]+\))?"
    rf"|Doctorate|High\s+School\s+Diploma|GED|Diploma|Certificate(?:\s+of\s+[A-Z][a-z]+)?"
    rf"|(?:{_ABBREVIATIONS})(?![A-Za-z])"
    rf"|(?<!,\s)(?:{_AMBIGUOUS})\b(?=\s*[:,(-]|\s+(?:in|of)\b|\s*$))",
)
_INSTITUTION_WORD = (
    r"(?:University|College|School|Institute|Academy|Polytechnic|Conservatory|Seminary|H\.S\.)"
)
# Words are taken whole (possessive): a long run of capitals must not be retried at every letter.
_NAME_WORD = r"(?:[A-Z][\w.'\u2019&-]*+|of|the|and|at|for|de|in)"
INSTITUTION_PATTERN = re.compile(
    rf"(?:\b[A-Z][\w.'\u2019&-]*+\s+(?:{_NAME_WORD}\s+){{0,6}})?{_INSTITUTION_WORD}"
    rf"(?:\s+(?:of|at|for)(?:\s+the)?(?:\s+[A-Z][\w.'\u2019&-]*){{1,4}})?"
)
# Where a field of study stops: a date, a year, a location placeholder, a joiner or a bracket.
_FIELD_STOP = re.compile(
    r"\s(?:19|20)\d\d|,\s*(?:19|20)\d\d|\b(?:City|GPA|Graduat\w*|Expected|Class of)\b"
    r"|ï¼|â€|\s[-\u2013\u2014|]\s|\t|[|(;]"
)
_JOINER_WORDS = {"from", "at", "in", "of", "and", "with", "degree"}
_TRAILING_JOINER = re.compile(r"\s+(?:from|at)$", re.IGNORECASE)
_LINE = re.compile(r"[^\n]*(?:\n|$)")


@dataclass(frozen=True)
class Education:
    """One education entry; any part may be missing."""

    degree: str | None
    field: str | None
    institution: str | None
    year: int | None
    span_start: int
    span_end: int

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields."""
        return asdict(self)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip(" ,:;-\u2013\u2014\u00c2")
    # A full stop ends an abbreviation ("B.S.", "Ph.D.") but not a plain word ("Accounting.").
    if value.endswith(".") and not re.search(r"\b[A-Za-z]{1,2}\.$", value):
        value = value.rstrip(".")
    return value or None


def _field_after(line: str, degree: re.Match[str], institution: re.Match[str] | None) -> str | None:
    rest = line[degree.end() :]
    if institution is not None and institution.start() >= degree.end():
        rest = line[degree.end() : institution.start()]
    rest = re.sub(r"^\s*(?:degree\s*)?(?:[:,\u2013\u2014-]\s*)?(?:(?:in|of)\s+)?", "", rest)
    stop = _FIELD_STOP.search(rest)
    field = _clean(rest[: stop.start()] if stop else rest)
    # "Bachelor of Technology from X College": what follows is the school, not a field.
    field = _clean(_TRAILING_JOINER.sub("", field)) if field else None
    if field is None or len(field.split()) > 8 or not field[0].isalpha() or field.lower() in _JOINER_WORDS:
        return None
    return field


@dataclass
class _Entry:
    start: int
    lines: list[str]
    degree: str | None = None
    field: str | None = None
    institution: str | None = None


def _entries(text: str, start: int, end: int) -> list[_Entry]:
    entries: list[_Entry] = []
    for match in _LINE.finditer(text, start, end):
        if match.start() >= end or (match.group() == "" and match.start() == len(text)):
            break
        line = match.group().rstrip("\r\n")
        if not line.strip():
            if entries:
                entries[-1].lines.append(line)
            continue
        degree = DEGREE_PATTERN.search(line)
        # Not inside the degree's own words ("High School Diploma" names no school).
        blanked = (
            line
            if degree is None
            else line[: degree.start()] + " " * len(degree.group()) + line[degree.end() :]
        )
        institution = INSTITUTION_PATTERN.search(blanked)
        year_only = re.fullmatch(r"\s*(?:[A-Za-z]+\.?\s+)?(?:19|20)\d\d\s*", line) is not None
        current = entries[-1] if entries else None
        opens = (
            current is None
            or (year_only and (current.degree is not None or current.institution is not None))
            or (degree is not None and current.degree is not None)
            or (degree is None and institution is not None and current.institution is not None)
        )
        if opens or current is None:
            current = _Entry(match.start(), [])
            entries.append(current)
        current.lines.append(line)
        if degree is not None and current.degree is None:
            current.degree = _clean(degree.group())
            current.field = _field_after(line, degree, institution)
        if institution is not None and current.institution is None:
            current.institution = _clean(institution.group())
    return entries


def _body_start(text: str, section: Section) -> int:
    if not section.heading:
        return section.start
    newline = text.find("\n", section.start, section.end)
    return section.end if newline < 0 else newline + 1


def find_education(
    text: str, sections: list[Section], *, today: datetime.date | None = None
) -> list[Education]:
    """Education entries in the education sections, in text order; only those naming a degree or school."""
    today = today or datetime.date.today()
    found: list[Education] = []
    for section in sections:
        if section.kind != "education":
            continue
        entries = _entries(text, _body_start(text, section), section.end)
        for number, entry in enumerate(entries):
            if entry.degree is None and entry.institution is None:
                continue
            end = entries[number + 1].start if number + 1 < len(entries) else section.end
            years = find_years("\n".join(entry.lines), today=today)
            found.append(
                Education(
                    degree=entry.degree,
                    field=entry.field,
                    institution=entry.institution,
                    year=max(years) if years else None,
                    span_start=entry.start,
                    span_end=end,
                )
            )
    return found
