"""Dates and date ranges as resumes write them ("Nov 2015 to Current", "09/2005 - 05/2014", "2014-15")."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

# Conventions. A start date is the first day of its month (January for a year alone, the season's
# first month for "Summer 2015"); an end date is the last day of its month (December for a year
# alone), so "2015 - 2015" is a whole year. Dates after today become today. Years before 1950, or
# more than a few years ahead, are IDs, amounts or typos rather than dates. A range that ends before
# it starts has no dates at all. "2011-12" alone is the years 2011 to 2012; "2011-12 to 2013-01" are months.
EARLIEST_YEAR = 1950
# Some resumes give an expected graduation a few years ahead; further out a number is no year.
LATEST_YEARS_AHEAD = 6

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
# One date, most specific spelling first so that "2015-11" is a month, not the year 2015.
_DATE = (
    rf"(?:(?:{_DAY}\s+)?{_MONTH}[\s,.'-]*(?:{_DAY},?\s+)?(?:{_YEAR}|'\d\d)"
    rf"|(?:spring|summer|fall|autumn|winter)[\s,'-]*{_YEAR}"
    rf"|(?:0?[1-9]|1[0-2])[/.-](?:{_DAY}[/.-])?{_YEAR}"
    rf"|{_YEAR}[/.-](?:0[1-9]|1[0-2])(?:[/.-]{_DAY})?(?![\d])"
    rf"|{_YEAR})"
)
_OPEN = (
    r"(?:current(?:ly)?|present|now|today|to\s+date|till\s+date|till\s+now|until\s+now|date"
    r"|ongoing|on-going|至今)"
)
# Dashes, words, and the mojibake that PDF extraction leaves for a dash or a full-width colon.
_SEP = r"\s*(?:-{1,2}|\u2013|\u2014|\u2011|\u2212|~|to|until|till|through|thru|ï¼\u200b?|â€“|â€”)\s*"
# Not inside a word, a number, an amount or a path: "$2015", "A2015", "2,015", "x/2015", "555-2015".
_BEFORE = r"(?<![0-9A-Za-z$£€/.,-])"
_AFTER = r"(?![0-9A-Za-z%])"

RANGE_PATTERN = re.compile(
    rf"{_BEFORE}(?:since\s+(?P<since>{_DATE})"
    rf"|(?P<start>{_DATE}){_SEP}(?:(?P<end>{_DATE})|(?P<open>{_OPEN})|(?P<short>\d\d))){_AFTER}",
    re.IGNORECASE,
)
# How far a date range reaches from any of its years ("21st September 2015 - Present", at most).
REACH = 60
_YEAR_SIGN = re.compile(r"(?:19|20)\d\d|'\d\d")
DATE_PATTERN = re.compile(rf"{_BEFORE}{_DATE}{_AFTER}", re.IGNORECASE)


@dataclass(frozen=True)
class DateRange:
    """A date range found in text; ``start``/``end`` are None when it is not a possible range."""

    start: datetime.date | None
    end: datetime.date | None
    current: bool
    match_start: int
    match_end: int
    text: str

    @property
    def valid(self) -> bool:
        """Whether the range has a usable start (and an end or an open end)."""
        return self.start is not None and (self.end is not None or self.current)


def _plausible(year: int, today: datetime.date) -> bool:
    return EARLIEST_YEAR <= year <= today.year + LATEST_YEARS_AHEAD


_MONTH_NAME = re.compile(_MONTH, re.IGNORECASE)
_SEASON_NAME = re.compile(r"spring|summer|fall|autumn|winter", re.IGNORECASE)
_DAY_NUMBER = re.compile(r"(?<![\d'])(\d{1,2})(?:st|nd|rd|th)?(?!\d)")


def _month_day(raw: str, *, end: bool, today: datetime.date) -> tuple[int, int | None, int] | None:
    """(year, month or None for a year alone, day or 0) read from one date's text."""
    low = raw.lower().strip()
    year_match = re.search(r"(?:19|20)\d\d", low)
    if year_match:
        year = int(year_match.group())
        rest = low[: year_match.start()] + " " + low[year_match.end() :]
    else:
        short = re.search(r"'(\d\d)", low)
        if not short:
            return None
        # "Jan '15": two-digit years up to a few years ahead of today are 20xx, the rest 19xx.
        value = int(short.group(1))
        year = 2000 + value if value <= today.year % 100 + LATEST_YEARS_AHEAD else 1900 + value
        rest = low[: short.start()] + " " + low[short.end() :]
    month_name = _MONTH_NAME.search(rest)
    if month_name:
        day = _DAY_NUMBER.search(rest)
        return year, _MONTHS[month_name.group()[:3].lower()], int(day.group(1)) if day else 0
    season = _SEASON_NAME.search(rest)
    if season:
        month = _SEASONS[season.group().lower()]
        return year, (month + 2 if end else month), 0
    numbers = [int(n) for n in re.findall(r"\d+", rest)]
    if not numbers:
        return year, None, 0
    # With the year taken out, both ISO (2015-11-21) and US (11/21/2015) order read month, day.
    return year, numbers[0], numbers[1] if len(numbers) > 1 else 0


def _to_date(year: int, month: int | None, day: int, *, end: bool) -> datetime.date | None:
    if month is None:
        month = 12 if end else 1
    if month > 12:
        # A winter end runs into the next year.
        year, month = year + 1, month - 12
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if 1 <= day <= last:
        return datetime.date(year, month, day)
    return datetime.date(year, month, last if end else 1)


def parse_date(raw: str, *, today: datetime.date, end: bool = False) -> datetime.date | None:
    """One date ("Nov 2015", "11/2015", "2015-11", "2015"), as a start or an end; None if not a date."""
    parts = _month_day(raw, end=end, today=today)
    if parts is None or not _plausible(parts[0], today):
        return None
    found = _to_date(*parts, end=end)
    if found is None:
        return None
    return min(found, today)


def _range_from(match: re.Match[str], today: datetime.date, offset: int) -> DateRange | None:
    text = match.group()
    span = (match.start() + offset, match.end() + offset)
    if match.group("since"):
        start = parse_date(match.group("since"), today=today)
        return DateRange(start, None, start is not None, *span, text)
    start = parse_date(match.group("start"), today=today)
    if match.group("open"):
        return DateRange(start, None, start is not None, *span, text)
    if match.group("short"):
        # "2014-15" is a range of years only after a bare year and only forwards; "2011-09" reads
        # as a month and was taken by the date pattern already.
        start_text = match.group("start")
        if not re.fullmatch(_YEAR, start_text.strip()) or start is None:
            return None
        end_year = start.year // 100 * 100 + int(match.group("short"))
        if end_year <= start.year:
            return None
        end = parse_date(str(end_year), today=today, end=True)
    else:
        end = parse_date(match.group("end"), today=today, end=True)
    if start is None or end is None or end < start:
        return DateRange(None, None, False, *span, text)
    return DateRange(start, end, False, *span, text)


def find_date_ranges(text: str, *, today: datetime.date, offset: int = 0) -> list[DateRange]:
    """Every date range in the text, left to right; offsets are shifted by ``offset``."""
    found = []
    for start, end in _year_windows(text):
        for match in RANGE_PATTERN.finditer(text, start, end):
            date_range = _range_from(match, today, offset)
            if date_range is not None:
                found.append(date_range)
    return found


def _year_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around its years, where alone a date range can be.

    A range holds a year and reaches less than REACH characters either side of it, so the costly
    pattern need not run over the rest (most of a resume).
    """
    windows: list[tuple[int, int]] = []
    for sign in _YEAR_SIGN.finditer(text):
        # Start after a space: a match cannot see what lies before its window.
        start = max(0, sign.start() - REACH)
        start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1 if start else 0
        end = min(len(text), sign.end() + REACH)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def find_years(text: str, *, today: datetime.date) -> list[int]:
    """The plausible years of every date in the text, left to right."""
    years = []
    for match in DATE_PATTERN.finditer(text):
        found = _month_day(match.group(), end=False, today=today)
        if found is not None and _plausible(found[0], today):
            years.append(found[0])
    return years
