"""Dates, durations and weekly hours as people say them ("next Monday", "two months", "5h/week").

Conventions, relative to `today`:
- a bare weekday ("Friday", "on Friday", "this Friday") is its next occurrence after today;
  "next Friday" is the Friday of next week (weeks start on Monday), so on Tuesday 2026-11-24
  "Friday" is 2026-11-27 and "next Friday" 2026-12-04;
- "next week" is next week's Monday; "end of the week" this week's Friday (Sunday once it has passed);
- a day and month without a year ("Dec 5", "5th of December") is the next such day, today included;
- a month alone after "by"/"before"/"until"/"in"/"end of" ("by June") is the last day of the next
  such month that has not ended; "March 2027" is the last day of that month;
- durations count a month as 4 weeks ("two months" = 8 weeks); a year as 52 weeks;
- hours "a day" count 7 days a week.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

_SMALL = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty""".split()  # noqa: SIM905  (a word list reads better as text)
NUMBER_WORDS: dict[str, float] = {word: float(n) for n, word in enumerate(_SMALL)}
NUMBER_WORDS |= {"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a couple": 2, "a few": 3, "few": 3}
NUMBER_WORDS |= {"half a": 0.5, "half an": 0.5, "thirty": 30, "forty": 40, "fifty": 50, "another": 1}
# Longest first, so "a couple of" wins over "a".
NUMBER = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + ")"

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9
# "may" alone is a verb far more often than a month: it counts only beside a day or a year.
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_BARE_MONTH = (
    r"(?P<month>" + "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True)) + r")"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))"


@dataclass(frozen=True)
class Found(Generic[T]):
    """A value read from the text and where it was said (to cut it out of a title)."""

    value: T
    start: int
    end: int


def number_value(word: str) -> float:
    """The value of a number written in digits or words ("3", "three", "a couple of")."""
    word = " ".join(word.lower().split())
    return float(word) if word[0].isdigit() else NUMBER_WORDS[word]


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clipped to the month's length (Jan 31 + 1 month = Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _weekday(today: dt.date, name: str, which: str) -> dt.date:
    target = WEEKDAYS.index(name)
    if which == "next":
        next_monday = today + dt.timedelta(days=7 - today.weekday())
        return next_monday + dt.timedelta(days=target)
    ahead = (target - today.weekday()) % 7
    return today + dt.timedelta(days=ahead or 7)


def _day_month(today: dt.date, day: int, month: int, year: str | None) -> dt.date | None:
    try:
        found = dt.date(int(year) if year else today.year, month, day)
    except ValueError:
        return None
    if year is None and found < today:
        found = found.replace(year=found.year + 1)
    return found


def _month_only(today: dt.date, month: int, year: str | None) -> dt.date:
    if year:
        return month_end(int(year), month)
    end = month_end(today.year, month)
    return end if end >= today else month_end(today.year + 1, month)


def _shift(today: dt.date, amount: float, unit: str) -> dt.date:
    if unit.startswith("month"):
        return add_months(today, round(amount))
    if unit.startswith("year"):
        return add_months(today, round(amount * 12))
    days = {"day": 1, "week": 7, "fortnight": 14}[unit.rstrip("s")]
    return today + dt.timedelta(days=round(amount * days))


def _end_of_week(today: dt.date) -> dt.date:
    friday = today + dt.timedelta(days=4 - today.weekday())
    return friday if friday >= today else today + dt.timedelta(days=6 - today.weekday())


def _resolve(match: re.Match[str], today: dt.date) -> dt.date | None:  # noqa: PLR0911, PLR0912
    groups = {k: v.lower() for k, v in match.groupdict().items() if v is not None}
    kind = next(k for k in groups if k.startswith("k_"))
    if kind == "k_iso":
        try:
            return dt.date.fromisoformat(groups["k_iso"])
        except ValueError:
            return None
    if kind == "k_after":
        return today + dt.timedelta(days=2)
    if kind == "k_today":
        return today
    if kind == "k_tomorrow":
        return today + dt.timedelta(days=1)
    if kind == "k_weekday":
        return _weekday(today, groups["wd"], (groups.get("which") or "").lower())
    if kind == "k_next_week":
        return today + dt.timedelta(days=7 - today.weekday())
    if kind == "k_week_end":
        return _end_of_week(today)
    if kind == "k_weekend":
        return today + dt.timedelta(days=(5 - today.weekday()) % 7)
    if kind == "k_month_end":
        return month_end(today.year, today.month)
    if kind == "k_next_month_end":
        nxt = add_months(today.replace(day=1), 1)
        return month_end(nxt.year, nxt.month)
    if kind == "k_year_end":
        return dt.date(today.year, 12, 31)
    if kind in ("k_month_day", "k_day_month"):
        return _day_month(today, int(groups["day"]), MONTHS[groups["month"]], groups.get("year"))
    if kind == "k_mid":
        return _day_month(today, 15, MONTHS[groups["month"]], groups.get("year"))
    if kind in ("k_by_month", "k_month_year"):
        return _month_only(today, MONTHS[groups["month"]], groups.get("year"))
    if kind == "k_in":
        return _shift(today, number_value(groups["n"]), groups["unit"].lower())
    return None


def _named(kind: str, pattern: str) -> str:
    return f"(?P<{kind}>{pattern})"


_DATE_PATTERNS = [
    _named("k_iso", r"\b\d{4}-\d{2}-\d{2}\b"),
    _named("k_after", r"\b(?:the\s+)?day\s+after\s+tomorrow\b"),
    _named("k_today", r"\b(?:today|tonight|this\s+evening|end\s+of\s+(?:the\s+)?day)\b"),
    _named("k_tomorrow", r"\b(?:tomorrow|tmrw|tmr)\b"),
    _named("k_week_end", r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+week\b"),
    _named("k_weekend", r"\b(?:this\s+|the\s+)weekend\b"),
    _named("k_next_week", r"\bnext\s+week\b"),
    _named("k_next_month_end", r"\b(?:the\s+)?end\s+of\s+next\s+month\b"),
    _named("k_month_end", r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+month\b|\bmonth[- ]end\b"),
    _named("k_year_end", r"\b(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b|\byear[- ]end\b"),
    _named("k_weekday", r"\b(?:(?P<which>this|next|coming)\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")\b"),
    _named("k_month_day", rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}?"),
    _named("k_day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b{_YEAR}?"),
    _named("k_mid", rf"\bmid[- ]{_BARE_MONTH}\b{_YEAR}?"),
    _named("k_month_year", rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b"),
    _named("k_by_month", rf"\b(?:(?:by|in|until|till|before)\s+)?(?:the\s+)?end\s+of\s+{_BARE_MONTH}\b"),
    _named("k_by_month", rf"\b(?:by|in|until|till|before)\s+{_BARE_MONTH}\b"),
    _named(
        "k_in", rf"\b(?:in|within)\s+(?P<n>{NUMBER})\s*(?P<unit>days?|weeks?|months?|years?|fortnights?)\b"
    ),
    _named("k_in", rf"\b(?P<n>{NUMBER})\s*(?P<unit>days?|weeks?)\s+from\s+(?:now|today)\b"),
]


def _patterns() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in _DATE_PATTERNS]


_COMPILED = _patterns()


def find_dates(text: str, today: dt.date) -> list[Found[dt.date]]:
    """Every date said in `text`, in reading order; where two overlap the earlier pattern wins."""
    found: list[Found[dt.date]] = []
    for pattern in _COMPILED:
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            value = _resolve(match, today)
            if value is not None:
                found.append(Found(value, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


_HOURS = re.compile(
    rf"\b(?P<n>{NUMBER})\s*(?:h|hrs?|hours?)\s*"
    r"(?:(?:a|an|per|/|each|every)\s*(?P<unit>week|wk|w|day|d|weekday|evening|night)\b|(?P<weekly>weekly|daily))",
    re.IGNORECASE,
)


def find_hours_per_week(text: str) -> Found[float] | None:
    """Hours a week: "5 hours a week", "5h/week", "an hour a day" (x7), "2 hours every weekday" (x5)."""
    match = _HOURS.search(text)
    if match is None:
        return None
    hours = number_value(match["n"])
    unit = (match["unit"] or match["weekly"] or "week").lower()
    factor = {"weekday": 5.0, "day": 7.0, "d": 7.0, "daily": 7.0, "evening": 7.0, "night": 7.0}.get(unit, 1.0)
    return Found(hours * factor, match.start(), match.end())


_WEEKS = re.compile(
    rf"(?<!\bin\s)\b(?P<n>{NUMBER})\s*[- ]?\s*(?P<unit>weeks?|wks?|months?|years?|fortnights?)\b",
    re.IGNORECASE,
)
_UNIT_WEEKS = {"week": 1, "wk": 1, "month": 4, "year": 52, "fortnight": 2}
# "the next month" is a length; "starting next month" or "by next week" is a date.
_NEXT_UNIT = re.compile(
    r"(?<!start )(?<!starting )(?<!from )(?<!by )(?<!until )(?<!before )"
    r"\b(?:the\s+)?(?:next|coming|following)\s+(?P<unit>week|month|fortnight|year)\b",
    re.IGNORECASE,
)


def find_weeks(text: str) -> Found[int] | None:
    """A plan's length in weeks: "next 8 weeks", "eight weeks", "two months" (8), "a month" (4).

    "in 2 weeks" is a date, not a length, and the "a week" of "5 hours a week" is a rate.
    """
    hours = find_hours_per_week(text)
    for match in _WEEKS.finditer(text):
        if hours and match.start() < hours.end and hours.start < match.end():
            continue
        unit = match["unit"].lower().rstrip("s")
        weeks = round(number_value(match["n"]) * _UNIT_WEEKS[unit])
        if weeks > 0:
            return Found(weeks, match.start(), match.end())
    single = _NEXT_UNIT.search(text)
    if single is not None:
        return Found(_UNIT_WEEKS[single["unit"].lower()], single.start(), single.end())
    return None


_DELAY = re.compile(
    rf"\b(?:back|by|out|for)?\s*(?P<n>{NUMBER})\s*(?:more\s+|extra\s+)?(?P<unit>days?|weeks?|fortnights?)\b",
    re.IGNORECASE,
)


def find_delay_days(text: str) -> Found[int] | None:
    """How far to push something: "back a week" (7), "by 3 days", "a couple of days" (2)."""
    match = _DELAY.search(text)
    if match is None:
        return None
    unit = match["unit"].lower().rstrip("s")
    days = round(number_value(match["n"]) * {"day": 1, "week": 7, "fortnight": 14}[unit])
    return Found(days, match.start(), match.end()) if days > 0 else None
