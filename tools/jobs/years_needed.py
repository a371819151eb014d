"""The years of experience a job posting asks for, with the text that proves it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.jobs.clauses import REQ, WORD_START, Clauses, Quote, is_preferred, quote


@dataclass(frozen=True)
class YearsNeeded:
    """The main experience requirement: the minimum years asked and whether they are only preferred."""

    years: float
    preferred: bool
    quote: Quote


_COUNTS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven")
_TEENS = (
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
_WORDS = {w: float(i) for i, w in enumerate(_COUNTS + _TEENS)} | {"thirty": 30.0}
_NUM = (
    r"(?:(?<![\d$])(?<!\d[.,])\d{1,2}(?:\.\d)?(?![\d,])|(?:(?<![A-Za-z])|(?-i:(?<=[a-z])(?=[A-Z])))(?:"
    + "|".join(_WORDS)
    + r")\b)"
)
_PAREN = r"(?:\s*\(\s*\d{1,2}\s*(?:(?:[-\u2013\u2014]|to)\s*\d{1,2})?\s*\+?\s*\))?"  # "five (5)", "(2-5)"
_YEARS = re.compile(
    rf"(?P<qual>{WORD_START}(?:a\s+)?(?:minimum|min\.?|at\s+least|no\s+less\s+than|more\s+than)(?:\s+of)?\s+)?"
    rf"\(?(?P<a>{_NUM})\)?{_PAREN}(?:\s*(?:[-\u2013\u2014]|to|or)\s*(?P<b>{_NUM}){_PAREN})?"
    r"(?P<plus>\s*\+|\s+plus\b)?(?:\s*or\s+(?:more|greater))?[\s-]*(?P<unit>years?|yrs?|months?)\b"
    r"(?:['\u2019]s?)?(?:\s*(?:or\s+more|\+))?",
    re.I,
)
_EXP_AFTER = re.compile(
    r"(?:\s*\([^)]{0,40}\))?\W{0,4}(?:of\s+)?(?:[\w/&,'\u2019().#+-]+\s+){0,9}?(?:experience|exp\b|experienced)",
    re.I,
)
_EXP_BEFORE = re.compile(
    r"experience\s*(?:required|level)?\s*(?:[:\-\u2013]|of)\s*(?:[\w /&]{1,40}[:,]\s*)?$"
    r"|experience\b[^.;]{0,60}\bwith\s*$",
    re.I,
)
_WORK_AFTER = re.compile(
    r"\W{0,4}(?:of\s+)?(?:[\w/&-]+\s+){0,3}?(?:working|work\b|in\s+\w|as\s+(?:a|an)\b|managing|leading"
    r"|supervising|practicing|teaching|selling|developing|designing|using)",
    re.I,
)
_YEARS_NEG = re.compile(
    r"\b(?:ago|of\s+age|age|or\s+over|within|of\s+service|of\s+hire|anniversary|warranty|guarantee|vest\w*"
    r"|tenure|in\s+a\s+row|history|tradition|legacy|substitut\w*|years\s+of\s+service|service\s+award|founded"
    r"|established)\b|(?:within|in|over|during|for)\s+the\s+(?:past|last|first|next)|\blast\s*$"
    r"|\bold(?:er)?(?-i:(?![a-z]))",
    re.I,
)
_COMPANY = re.compile(
    r"\b(?:we|we['\u2019]ve|we['\u2019]re|our|us|company|firm|boasts?|since|serving|why\b[^?]{0,40}\?)"
    r"|\b(?:with|for)\s+(?:over|more\s+than)\s*$",
    re.I,
)
_CANDIDATE = re.compile(
    r"\b(?:you|your|candidates?|applicants?|seeking|looking\s+for|ideal|individual|someone|person|requires?"
    r"|required|must|minimum|at\s+least|need|qualifi\w+|should|possess)\b",
    re.I,
)


def _number(word: str) -> float:
    return _WORDS[word.lower()] if word.lower() in _WORDS else float(word)


def _years_in(text: str, clauses: Clauses, m: re.Match[str], stop: int) -> YearsNeeded | None:
    """The requirement the years phrase ``m`` states, or None when they are not years of experience."""
    start, end = clauses.span(m.start())
    prefix, tail, rest = text[start : m.start()], text[m.end() : stop], text[m.end() : end]
    if _YEARS_NEG.search(f"{prefix[-60:]} {m.group()} {tail[:60]}") or re.match(r"\W*in\s+business", rest):
        return None
    if _COMPANY.search(prefix[-80:]) and not _CANDIDATE.search(prefix[-80:] + m.group() + rest[:40]):
        return None
    after, before = _EXP_AFTER.match(rest), _EXP_BEFORE.search(prefix)
    # "Customer service: 1 year (Preferred)", the Indeed layout.
    labelled = prefix.rstrip().endswith((":", ",")) and re.match(r"\s*\((?:preferred|required)\)", tail, re.I)
    listed = not prefix.strip() or m.group("qual") or m.group("plus") or REQ.search(prefix + tail)
    if not (after or before or labelled or (listed and _WORK_AFTER.match(rest))):
        return None
    low, high = _number(m.group("a")), _number(m.group("b") or m.group("a"))
    years = round(low / 12, 2) if m.group("unit").lower().startswith("month") else low
    if high < low or years > 30:
        return None
    first = start + before.start() if before and not after else m.start()
    last = m.end() + (after.end() if after else labelled.end() if labelled else 0)
    return YearsNeeded(years, is_preferred(text, start, m.span(), stop), quote(text, first, last))


def years_of_experience(text: str) -> YearsNeeded | None:
    """The main experience requirement: required beats preferred, then the largest minimum (at most 30)."""
    clauses = Clauses(text)
    matches = list(_YEARS.finditer(text))
    found = []
    for i, m in enumerate(matches):
        end = clauses.span(m.start())[1]
        # Words after a phrase that belong to the next one ("3 years (5+ years preferred)") are not its own.
        fact = _years_in(text, clauses, m, min(end, matches[i + 1].start()) if i + 1 < len(matches) else end)
        if fact:
            found.append(fact)
    return max(found, key=lambda y: (not y.preferred, y.years, -y.quote.start), default=None)
