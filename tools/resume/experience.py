"""Roles in a resume's experience sections (title, employer, dates, text block) and the years they cover."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from tools.resume.career import CAREER_LEVELS, career_level
from tools.resume.dates import DateRange, find_date_ranges
from tools.resume.education import Education, find_education
from tools.resume.role_headers import COMPANY_PLACEHOLDER, Header, read_header
from tools.resume.sections import Section

__all__ = [
    "CAREER_LEVELS",
    "Education",
    "Role",
    "career_level",
    "find_education",
    "find_roles",
    "last_used",
    "total_years",
    "years_at",
]

DAYS_PER_YEAR = 365.25
# Words right before a date range that make it part of a sentence, not a role's header.
_PROSE_BEFORE = re.compile(
    r"\b(?:from|between|in|during|of|for|by|over|within|and)\s*[(]?\s*$", re.IGNORECASE
)
MAX_HEADER_WORDS = 14
_WORDS = re.compile(r"[A-Za-z]+")
_LINE = re.compile(r"[^\n]*(?:\n|$)")


@dataclass(frozen=True)
class Role:
    """One job held: title, employer (None when hidden or unknown), dates and its block of text."""

    title: str
    employer: str | None
    start: datetime.date | None
    end: datetime.date | None
    current: bool
    span_start: int
    span_end: int
    line: str

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields, dates as ISO strings."""
        return {
            "title": self.title,
            "employer": self.employer,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "current": self.current,
            "span_start": self.span_start,
            "span_end": self.span_end,
            "line": self.line,
        }

    @property
    def dated(self) -> bool:
        """Whether the role has a usable date range."""
        return self.start is not None and (self.end is not None or self.current)

    def interval(self, today: datetime.date) -> tuple[datetime.date, datetime.date] | None:
        """The role's (start, end) with an open end read as today; None when it has no dates."""
        if self.start is None:
            return None
        end = today if self.current else self.end
        return (self.start, end) if end is not None else None


@dataclass
class _Line:
    offset: int
    text: str
    ranges: list[DateRange]  # offsets relative to the line


def _lines(text: str, start: int, end: int, today: datetime.date) -> list[_Line]:
    """The area's lines with their date ranges, joined where a range runs across lines ("July 2012", "to")."""
    rows: list[tuple[int, str]] = []
    for match in _LINE.finditer(text, start, end):
        if match.start() >= end or (match.group() == "" and match.start() == len(text)):
            break
        rows.append((match.start(), match.group().rstrip("\r\n")))
    # One pass over the whole area, a newline read as a space so that every offset stays in place.
    found_all = find_date_ranges(text[start:end].replace("\n", " "), today=today, offset=start)
    row_starts = [offset for offset, _ in rows]
    joins: list[list[int]] = []  # [first, last] row indexes to join, in order, merged when they touch
    for found in found_all:
        if "\n" in text[found.match_start : found.match_end]:
            first = bisect_right(row_starts, found.match_start) - 1
            last = bisect_right(row_starts, found.match_end - 1) - 1
            if joins and first <= joins[-1][1]:
                joins[-1][1] = max(joins[-1][1], last)
            else:
                joins.append([first, last])
    for first, last in reversed(joins):
        last_offset, last_line = rows[last]
        joined = text[rows[first][0] : last_offset + len(last_line)].replace("\n", " ")
        rows[first : last + 1] = [(rows[first][0], joined)]
    lines = [_Line(offset, line, []) for offset, line in rows]
    offsets = [offset for offset, _ in rows]
    for found in found_all:
        line = lines[bisect_right(offsets, found.match_start) - 1]
        shift = line.offset
        line.ranges.append(
            replace(found, match_start=found.match_start - shift, match_end=found.match_end - shift)
        )
    return lines


def _body_start(text: str, section: Section) -> int:
    """Where a section's text begins: after its heading line, or at its start for the header block."""
    if not section.heading:
        return section.start
    newline = text.find("\n", section.start, section.end)
    return section.end if newline < 0 else newline + 1


def _header_range(line: str, ranges: list[DateRange]) -> DateRange | None:
    """The date range that makes a line a role's header, or None when the line is prose."""
    for found in ranges:
        before, after = line[: found.match_start], line[found.match_end :]
        if _PROSE_BEFORE.search(before) or (
            found.text.lower().startswith("since") and line.rstrip().endswith(".")
        ):
            continue
        if COMPANY_PLACEHOLDER in line:
            return found
        words = len(_WORDS.findall(before + " " + after))
        # A line that opens with its dates is a header even when long ("2016 - Present. Fellow, ...").
        limit = MAX_HEADER_WORDS * 2 if not before.strip(" \t([") else MAX_HEADER_WORDS
        if words > limit or (line.rstrip().endswith(".") and words > 8 and before.strip()):
            continue
        return found
    return None


_NO_DATES = DateRange(None, None, False, 0, 0, "")


def _roles_in(text: str, start: int, end: int, today: datetime.date) -> list[Role]:
    lines = _lines(text, start, end, today)
    ranges = {
        i: found
        for i, line in enumerate(lines)
        if (found := _header_range(line.text, line.ranges)) is not None
    }
    if not ranges:
        # Undated roles: LiveCareer keeps the hidden employer's placeholder on every role's header.
        ranges = {i: _NO_DATES for i, line in enumerate(lines) if COMPANY_PLACEHOLDER in line.text}
    texts = [line.text for line in lines]
    headers: list[Header] = []
    claimed = -1
    dated = set(ranges)
    for index in sorted(ranges):
        if index <= claimed:
            continue
        header = read_header(texts, index, ranges[index], claimed=claimed, dated=dated)
        headers.append(header)
        claimed = header.last
    roles = []
    for number, header in enumerate(headers):
        span_start = lines[header.first].offset
        span_end = lines[headers[number + 1].first].offset if number + 1 < len(headers) else end
        last = lines[header.last]
        found = header.found
        roles.append(
            Role(
                title=header.title or "",
                employer=header.employer,
                start=found.start,
                end=found.end,
                current=found.current,
                span_start=span_start,
                span_end=span_end,
                line=text[span_start : last.offset + len(last.text)].strip(),
            )
        )
    return roles


def find_roles(text: str, sections: list[Section], *, today: datetime.date) -> list[Role]:
    """Roles in the experience sections; with none there, dated header lines outside education."""
    roles: list[Role] = []
    for section in sections:
        if section.kind == "experience":
            roles.extend(_roles_in(text, _body_start(text, section), section.end, today))
    if roles:
        return roles
    # Education and certificates have date ranges of their own ("CPR, 2019 - 2021").
    for section in sections:
        if section.kind not in {"education", "certifications"}:
            roles.extend(_roles_in(text, _body_start(text, section), section.end, today))
    return roles


def _union_days(intervals: list[tuple[datetime.date, datetime.date]]) -> int:
    """Days covered by the intervals together: overlaps counted once, gaps not at all."""
    total = 0
    current: tuple[datetime.date, datetime.date] | None = None
    for start, end in sorted(intervals):
        if current is None or start > current[1]:
            if current is not None:
                total += (current[1] - current[0]).days
            current = (start, end)
        elif end > current[1]:
            current = (current[0], end)
    if current is not None:
        total += (current[1] - current[0]).days
    return total


def _years(intervals: list[tuple[datetime.date, datetime.date]]) -> float:
    return round(_union_days(intervals) / DAYS_PER_YEAR, 1)


def total_years(roles: list[Role], *, today: datetime.date) -> float:
    """Years of experience: the union of all dated roles' ranges, to one decimal."""
    return _years([i for r in roles if (i := r.interval(today)) is not None])


def _containing(roles: list[Role], offsets: list[int]) -> list[Role]:
    return [r for r in roles if any(r.span_start <= o < r.span_end for o in offsets)]


def years_at(roles: list[Role], offsets: list[int], *, today: datetime.date) -> float | None:
    """Years covered by the dated roles whose text contains any of the offsets; None if none does."""
    intervals = [i for r in _containing(roles, offsets) if (i := r.interval(today)) is not None]
    return _years(intervals) if intervals else None


def last_used(roles: list[Role], offsets: list[int], *, today: datetime.date) -> datetime.date | None:
    """The latest end (today for a current role) among the dated roles containing the offsets."""
    ends = [i[1] for r in _containing(roles, offsets) if (i := r.interval(today)) is not None]
    return max(ends) if ends else None
