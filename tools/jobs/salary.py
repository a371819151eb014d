"""The pay range a job posting states, with its period, currency and the span of text that states it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.jobs.clauses import Quote, quote

PERIODS = ("hour", "day", "week", "month", "year")


@dataclass(frozen=True)
class Salary:
    """A stated pay range (``minimum == maximum`` for one figure) per period, in an ISO currency."""

    minimum: float
    maximum: float
    currency: str
    period: str
    quote: Quote


_CODES = "USD|CAD|EUR|GBP|AUD"
_AMOUNT = re.compile(
    rf"(?P<pre>(?:US|CA|C|AU|A)?\$|€|£|\b(?:{_CODES})\b)?\s?"
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\s?\d{3})+(?:\.\d{1,3})?|\d+(?:\.\d{1,3})?)(?![\d,]*\d|s\b)"
    r"(?P<k>\s?[kK](?![a-z]))?(?P<mult>\s?(?:million|billion|mil|MM|bn|[MBT])(?![a-z]))?"
    rf"(?:\s?(?P<post>{_CODES})(?![a-z]))?"
)
_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "€": "EUR",
    "£": "GBP",
}
_UNIT = {
    "hour": "hour", "hr": "hour", "h": "hour", "hourly": "hour",
    "day": "day", "daily": "day", "week": "week", "wk": "week", "weekly": "week",
    "month": "month", "mo": "month", "monthly": "month",
    "year": "year", "yr": "year", "annum": "year", "annual": "year", "annually": "year", "yearly": "year",
}  # fmt: skip
_PERIOD = re.compile(
    rf"\s*(?:-\s*(?=/))?\+?\s*(?:\(?(?:{_CODES})\)?\s*)?(?:range\s*)?(?:/\s*|per\s+|an?\s+|each\s+)?"
    r"(?P<unit>hourly|hour|hrs?|h|annually|annual|annum|yearly|year|yrs?|monthly|month|mo|weekly|week|wk|daily|day)"
    r"(?-i:(?![a-z]))\.?",
    re.I,
)
_MAX = r"(?:a\s+)?(?:maximum|max|high)(?:\s+(?:salary|pay|rate))?\s*(?:of)?\s*:?\s*"
_BETWEEN = re.compile(
    rf"\s*(?:\(?(?:{_CODES})\)?\s*)?(?:(?:per|/|an?)?\s*(?:hourly|hour|hr|annually|annual|year|yr|annum|month|week|day)"
    rf"\b\.?\s*)?(?:(?:-|\u2013|\u2014|\u2012|\u2015|~|to|and|through)\s*(?:{_MAX})?|{_MAX})(?:\(?(?:{_CODES})\)?\s*)?",
    re.I,
)
# The word nearest before a figure says what it is: pay ("Salary:", "hourly rate of") or something else.
_CONTEXT = re.compile(
    r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?P<pay>salary|salaries|pay|paying|pays|compensation|compensated|wages?|"
    r"rates?|earn|earning|earnings|income|ote|on-target|base|ranges?|hourly|annual(?:ly|ized)?|yearly|monthly|"
    r"starting\s+at|starts\s+at|cash)\b"
    r"|\b(?P<other>bonus(?:es)?|sign-?on|signing|relocation|tuition|reimburse\w*|401\s?\(?k\)?|403\s?\(?b\)?|"
    r"funding|raised|revenues?|sales|budgets?|assets|valuation|valu(?:ed|ing)|worth|insurance|life|premiums?|"
    r"deductible|costs?|fees?|tips|commissions?|purchases?|investments?|loans?|portfolio|deals?|gifts?|"
    r"fundrais\w*|capital|profits?|grants?|scholarships?|discounts?|allowance|stipends?|match(?:ing)?|every|each|"
    r"credit|referral|rewards?|prices?|under|size|orders|transactions|generate|spend(?:ing)?|save|savings|"
    r"less\s+than|more\s+than|in\s+excess\s+of|over|exceed\w*|maybe|may\s+be)\b",
    re.I,
)
# Words right after a figure that make it something other than pay ("$5,000 sign-on bonus", "$2M in funding").
_NOT_PAY_AFTER = re.compile(
    r"[ \t-]*(?:(?!plus\b|with\b|and\b)[\w-]+[ \t]+)?(?:sign|signing|hiring\s+bonus|retention|referral|"
    r"relocation|bonus|stipend|life\b|insurance|reimburse|tuition|commissions?|worth|budget|revenue|funding|"
    r"arr\b|valuation|deductible|credit|allowance|in\s+(?:[\w-]+\s+){0,2}?(?:tips|commissions?|sales|revenue|funding|assets|capital|premiums?)|"
    r"of\s+(?:funding|revenue|capital|assets)|for\s+(?:every|each|reimburs|tuition|wellness|relocation|"
    r"\d+\s+(?:person|people|participants?|groups?))|"
    r"per\s+(?:batch|referral|enrollment|sale|client|lead|appointment|session|visit|mile|case|interview)|"
    r"-?\s*(?:million|billion)\b|\+?\s*MM\b)",
    re.I,
)
_LABEL = re.compile(r"\bmin(?:imum)?\b[^$\d]{0,30}$", re.I)
_PAY_AFTER = re.compile(
    rf"\s*(?:\(?(?:{_CODES})\)?\s*)?\+?\s*(?:is\s+the\s+|as\s+(?:a|the)\s+)?(?:(?:annual|starting|base|total|gross)\s+)*"
    r"(?:salary|pay|base|compensation|ote|wage)\b",
    re.I,
)
_PLAUSIBLE = {"hour": (5, 1000), "day": (50, 5000), "week": (100, 20000), "month": (500, 100000)}
_YEAR_RANGE = (10000, 2000000)


@dataclass
class _Figure:
    """One money figure: where it is, its value, and the currency its symbol or ISO code names."""

    start: int
    end: int
    value: float
    k: bool
    code: str | None  # an ISO code written out ("USD", "CAD"), which beats a symbol
    symbol: str | None  # the currency of its symbol ("$" -> USD, "C$" -> CAD)


def _figures(text: str) -> list[_Figure]:
    out = []
    for m in _AMOUNT.finditer(text):
        if m.group("mult") or (m.group("num") in ("401", "403") and m.group("k")):
            continue
        pre, post = (m.group("pre") or "").strip(), m.group("post")
        code = post or (pre.upper() if pre.isalpha() else None)
        symbol = _SYMBOLS.get(pre)
        number = m.group("num")
        # "€55.000" groups thousands with dots; "$33.774" is a rate with three decimals.
        if "EUR" in (code, symbol) and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
            number = number.replace(".", "")
        value = float(re.sub(r"[,\s]", "", number)) * (1000 if m.group("k") else 1)
        start = m.start("pre") if m.group("pre") else m.start("num")
        out.append(_Figure(start, m.end(), value, bool(m.group("k")), code, symbol))
    return out


def _context(text: str, pos: int, end: int) -> tuple[str | None, str]:
    """('pay' | 'other' | None, the sentence before ``pos``): what the figure at ``pos``..``end`` is.

    The nearest telling word before the figure decides; a heading alone on the lines above counts as the
    sentence ("Salary Range" a line above "$85,000"); words right after it ("$40K base salary") mean pay.
    """
    before = text[max(0, pos - 160) : pos]
    cuts = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n\s*\n\s*\n", before)]
    while cuts and not before[cuts[-1] :].strip():
        cuts.pop()
    before = before[cuts[-1] :] if cuts else before
    words = list(_CONTEXT.finditer(before))
    pay = [w for w in words if w.lastgroup == "pay"]
    # A word that makes the figure something else counts only close by: glued pages run on for lines.
    other = [w for w in words if w.lastgroup == "other" and len(before) - w.end() <= 60]
    if _PAY_AFTER.match(text, end):
        return "pay", before
    if other and (not pay or other[-1].start() > pay[-1].start()):
        return "other", before
    return ("pay" if pay else None), before


def _period(low: float, high: float, unit: str | None, before: str) -> str | None:
    """The period the figures are paid per, or None when the words and the size disagree or say nothing."""

    def fits(period: str) -> bool:
        least, most = _PLAUSIBLE.get(period, _YEAR_RANGE)
        return least <= low and high <= most

    if unit:
        return _UNIT[unit.lower()] if fits(_UNIT[unit.lower()]) else None
    named = re.findall(
        r"\b(hourly|annual|annually|annualized|yearly|monthly|weekly|per\s+hour)\b", before, re.I
    )
    if named and fits(period := _UNIT.get(named[-1].lower().split()[-1], "year")):
        return period
    return "hour" if high < 200 and fits("hour") else "year" if fits("year") else None


def _candidates(text: str) -> list[tuple[int, Salary]]:
    """Every figure or range that reads as pay, with a rank: lower is more clearly the pay range."""
    figures, out, i = _figures(text), [], 0
    while i < len(figures):
        low, high = figures[i], figures[i]
        between = _BETWEEN.fullmatch(text, low.end, figures[i + 1].start) if i + 1 < len(figures) else None
        labelled = _LABEL.search(text[max(0, low.start - 40) : low.start])
        top = figures[i + 2] if labelled and i + 2 < len(figures) else None
        if (
            top
            and top.start - low.end < 100
            and re.search(r"\bmax\w*\s*:\s*$", text[top.start - 12 : top.start], re.I)
        ):
            high, i = top, i + 2  # "Min: $X  Mid: $Y  Max: $Z"
        elif between and (labelled or not re.search(r"max|high", between.group(), re.I)):
            high, i = figures[i + 1], i + 1  # "Min: $X Max: $Y" pairs, "Mid: $Y Max: $Z" does not
        i += 1
        lo, hi = low.value, high.value
        # "$50-55k" and "$200-400k": a k on the upper figure covers the lower one.
        if high.k and not low.k and lo < 1000 <= hi:
            lo *= 1000
        unit = _PERIOD.match(text, high.end)
        end = unit.end() if unit else high.end
        kind, before = _context(text, low.start, end)
        if kind == "other" or _NOT_PAY_AFTER.match(text, end) or _NOT_PAY_AFTER.match(text, high.end):
            continue
        # A range with no telling word ("$129,000—$206,000 USD" under a heading) still reads as pay.
        if not kind and not unit and high is low:
            continue
        currency = low.code or high.code or low.symbol or high.symbol
        if currency is None:
            # A bare number is pay only right after a pay word ("Salary: 65-74k") and shaped like money.
            tight = re.search(r"(?:salary|pay|compensation|rate|wage|range)[^.\n\d]{0,25}$", before, re.I)
            if not tight or not (unit or high.k or re.search(r",\d{3}|\.\d\d\b", text[low.start : high.end])):
                continue
        period = _period(lo, hi, unit.group("unit") if unit else None, before)
        if period is None or hi < lo:
            continue
        rank = (0 if kind == "pay" else 2) + (0 if high is not low else 1)
        out.append((rank, Salary(lo, hi, currency or "USD", period, quote(text, low.start, end))))
    return out


# Words naming one part of pay: ranges with different parts ("OTE ... base salary") are not merged.
_PART = re.compile(
    r"\b(?:base|ote|on-target|target|commissions?|bonus|total|equity|potential|year\s+(?:two|2))\b", re.I
)


def salary_range(text: str) -> Salary | None:
    """The stated pay range, or None when the posting states none.

    The first range a pay word introduces wins, then the first such single figure, then the first range
    or figure with a period of its own ("$18/hr"). Figures that are bonuses, benefits, funding, revenue or
    prices are ignored; the period comes from the words around the figure, else from its size (under 200
    an hour, from 10,000 a year, else no salary). Ranges listed together for several locations or levels
    ("$126,000 - $148,000 (CA, NY) and $110,000 - $130,000 (other U.S. locations)") give the whole span
    they cover. Bare numbers count only right after a pay word ("Pay range: 55,000 to 65,000"), as USD.
    """
    found = sorted(_candidates(text), key=lambda c: (c[0], c[1].quote.start))
    if not found:
        return None
    rank, best = found[0]
    if rank != 0:
        return best
    parts = {w.lower() for w in _PART.findall(text[max(0, best.quote.start - 160) : best.quote.start])}
    for other_rank, other in sorted(found, key=lambda c: c[1].quote.start):
        gap = text[best.quote.end : other.quote.start]
        if (
            other_rank in (0, 2)
            and 0 <= len(gap) <= 250
            and (other.period, other.currency) == (best.period, best.currency)
            and {w.lower() for w in _PART.findall(gap)} <= parts
        ):
            best = Salary(
                min(best.minimum, other.minimum),
                max(best.maximum, other.maximum),
                best.currency,
                best.period,
                quote(text, best.quote.start, other.quote.end),
            )
    return best
