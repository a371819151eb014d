"""The education a job posting asks for, with the text that proves it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.jobs.clauses import PREF, REQ, WORD_START, Clauses, Quote, is_preferred, quote

EDUCATION_LEVELS = ("high_school", "associate", "bachelor", "master", "doctorate")


@dataclass(frozen=True)
class EducationNeeded:
    """The education asked: the lowest level of ``EDUCATION_LEVELS`` that satisfies the requirement."""

    level: str
    preferred: bool
    equivalent_experience: bool
    quote: Quote


_APOS = r"(?:['\u2019\u2018`\u00b4]|&#39;)"
_DEGREE = re.compile(
    # The first-letter look-ahead only saves time: each alternative below starts with one of these.
    rf"(?=[abdefghjmpsu4])(?:(?P<high_school>{WORD_START}high[\s-]school|(?-i:{WORD_START}G\.?E\.?D\b|{WORD_START}HS\b(?=\s*(?:diploma|/\s*GED)))"
    rf"|secondary\s+school)"
    rf"|(?P<associate>{WORD_START}associate{_APOS}?s?(?=[^.\n]{{0,30}}\bdegree)"
    rf"|{WORD_START}associate{_APOS}?s?\s+(?:of|in)\s+(?:arts|science|applied)"
    rf"|(?-i:{WORD_START}A\.?A\.?S\.?(?=\s+degree)|{WORD_START}A\.A\.S\.|{WORD_START}AA(?=\s+degree)))"
    rf"|(?P<bachelor>{WORD_START}bachelor(?:{_APOS}?s)?(?:\s+of\s+(?:science|arts|engineering|\w+))?|{WORD_START}baccalaureate"
    rf"|{WORD_START}undergraduate\s+degree|{WORD_START}(?:4|four)[\s-]year\s+(?:college\s+|university\s+)?degree"
    rf"|(?-i:{WORD_START}B\.\s?[SA]\.|{WORD_START}B\.Sc\.?|{WORD_START}(?:BS|BA|BSc|BEng|BSN|BBA|BSEE|BSME|BSCS|BFA)\b))"
    rf"|(?P<master>{WORD_START}master{_APOS}s|{WORD_START}masters?(?=\s+(?:degree|of\b|in\b|level))"
    rf"|(?<!under){WORD_START}graduate\s+degree|{WORD_START}advanced\s+degree|{WORD_START}post-?graduate\s+degree"
    rf"|(?-i:{WORD_START}M\.\s?[SA]\.|{WORD_START}M\.Sc\.?|{WORD_START}M\.Ed\.?|{WORD_START}(?:MBA|MSc|MSN|MSW|MPH|MFA|MEng|MS|MA|MPA)\b))"
    rf"|(?P<doctorate>{WORD_START}Ph\.?\s?D\b\.?|{WORD_START}doctor(?:ate|al)\b|{WORD_START}doctor\s+of\s+\w+|{WORD_START}juris\s+doctor"
    rf"|(?-i:{WORD_START}J\.D\.|{WORD_START}(?:JD|PharmD|PsyD|EdD|DNP|DPT)\b|{WORD_START}M\.D\.|{WORD_START}MD(?=\s*(?:/|or)\s*DO\b))))",
    re.I,
)
# Two-letter abbreviations (MS Office, Boston MA) count only next to degree words or other degrees.
_SHORT = re.compile(r"[A-Z][A-Za-z.]{1,4}")
_ABBR_AFTER = re.compile(
    r"\s*(?:degrees?\b|in\b|/\s*[BMPD]|or\s+(?:[BMPD]|higher|equivalent|an?\s)|and/or|,\s*[BM][A-Za-z]{1,3}\b"
    r"|\(|required|preferred|from\b|(?:\w+\s+)?engineering)",
    re.I,
)
_ABBR_BEFORE = re.compile(r"(?:\b[BMP][A-Za-z.]{0,4}|degree)\s*(?:/|or|,)\s*$", re.I)
# "Our PhD scientists", "to enter a Ph.D. graduate program": degrees that are not asked of the applicant.
_NOT_ASKED_OF_YOU = re.compile(
    r"[\s.]*(?:graduate\s+|level\s+)?(?:programs?|students?|scientists?|researchers?|candidacy|internships?)\b",
    re.I,
)
_NOT_YOURS = re.compile(r"\b(?:our|team\s+of|staff\s+of|led\s+by|founded\s+by|enter|pursue)\s+(?:\w+\s+)?$")
_EDU_CONTEXT = re.compile(
    r"degree|diploma|\bGED\b|require|prefer|minimum|must|equivalen|\bin\s+[A-Za-z]|accredited|graduat|educat"
    r"|qualifi|a plus|desired|pursuing|completed|or higher|field|discipline|major",
    re.I,
)
_NOT_ASKED = re.compile(
    r"not\s+(?:required|necessary|needed)|\bno\s+(?:college\s+)?degree|isn['\u2019]t\s+required", re.I
)
_EQUIV = re.compile(
    r"equivalent\s+(?:[\w-]+\s+){0,3}?experience|combination\s+of\s+(?:[\w,]+\s+){0,4}?experience|in\s+lieu"
    r"|\bor\s+(?:\d|one|two|three|four|five|six|seven|eight|ten)\b[^.\n]{0,40}experience"
    r"|experience\s+(?:may|can)\s+(?:be\s+)?substitut",
    re.I,
)
# "Bachelor's, Master's or PhD" lists alternatives; "BS in Finance, MBA and/or CPA" does not.
_ALT = re.compile(r"(?:,|/|\bor|and/or|&)\s*(?:an?\s+)?$|^\s*(?:/|or\b|\()", re.I)


def _degree_mentions(text: str) -> list[tuple[int, int, int]]:
    """(start, end, level index) of each mention of a degree that reads as one asked of the applicant."""
    out = []
    for m in _DEGREE.finditer(text):
        word, before = m.group(), text[max(0, m.start() - 30) : m.start()]
        named_by_context = _ABBR_AFTER.match(text, m.end()) or _ABBR_BEFORE.search(before[-12:])
        if _SHORT.fullmatch(word) and word.isupper() and not named_by_context:
            continue
        if m.lastgroup == "high_school" and word.lower().startswith(("high", "secondary")):
            near = text[m.end() : m.end() + 30] + before[-15:]
            if not re.search(r"diploma|degree|graduat|GED|equivalen|educat", near, re.I):
                continue  # "high school students"
        if _NOT_ASKED_OF_YOU.match(text, m.end()) or _NOT_YOURS.search(before):
            continue
        out.append((m.start(), m.end(), EDUCATION_LEVELS.index(m.lastgroup or "")))
    return out


def _alternatives(text: str) -> list[list[tuple[int, int, int]]]:
    """Degree mentions grouped where they are alternatives ("BS/MS", "...; OR a high school diploma")."""
    groups: list[list[tuple[int, int, int]]] = []
    for mention in _degree_mentions(text):
        between = text[groups[-1][-1][1] : mention[0]] if groups else "\n"
        listed = (
            len(between) <= 40
            and (len(between) <= 3 or "," not in between)
            and _ALT.search(between)
            and not (PREF.search(between) or REQ.search(between))
        )
        if "\n" not in between and (
            listed or (len(between) <= 400 and re.search(r";\s*or\b|\bOR\b", between))
        ):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def education_needed(text: str) -> EducationNeeded | None:
    """The education asked: required beats preferred; the top required level, else the lowest preferred."""
    clauses = Clauses(text)
    groups = _alternatives(text)
    found = []
    for i, group in enumerate(groups):
        gs, ge = group[0][0], group[-1][1]
        start, end = clauses.span(gs)[0], clauses.span(ge)[1]
        stop = min(end, groups[i + 1][0][0]) if i + 1 < len(groups) else end
        tail = text[ge:stop]
        if not _EDU_CONTEXT.search(text[start:end]) or (_NOT_ASKED.search(tail) and not PREF.search(tail)):
            continue
        equiv = _EQUIV.search(tail[:150])
        word = re.match(r"[\s'\u2019]*(?:s\b)?[\s'\u2019]*(?:degree|diploma)s?\b", tail, re.I)
        last = ge + (equiv.end() if equiv else word.end() if word else 0)
        level = EDUCATION_LEVELS[min(lv for _, _, lv in group)]
        pref = is_preferred(text, start, (gs, ge), stop)
        found.append(EducationNeeded(level, pref, bool(equiv), quote(text, gs, last)))
    rank = {level: i for i, level in enumerate(EDUCATION_LEVELS)}
    required = [e for e in found if not e.preferred]
    if required:
        return max(required, key=lambda e: (rank[e.level], -e.quote.start))
    return min(found, key=lambda e: (rank[e.level], e.quote.start), default=None)
