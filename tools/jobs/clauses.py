"""The sentence/clause machinery and cues shared by the posting facts."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    """A span of the posting: ``text == posting[start:end]``."""

    start: int
    end: int
    text: str


def quote(text: str, start: int, end: int) -> Quote:
    """The quote of ``text[start:end]`` without its surrounding whitespace."""
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip())
    end = max(start, end - (len(piece) - len(piece.rstrip())))
    return Quote(start, end, text[start:end])


# --- clauses and cues shared by the facts ---------------------------------------------------------------
# Scraped postings glue list items together ("...field3+ years", "required.Must"), so a lower-case letter
# followed by a digit also ends a clause; "U.S.", "e.g." and "yrs." do not.
_BOUNDARY = re.compile(
    r"\n|[•·●▪\x97]|(?<=\S)(?<![A-Z\d])(?<!\b[a-z])(?<![ (][yY]rs)(?<![ (][mM]in)[.!?;](?=[\sA-Z\d]|$)"
    r"|\s\.(?=\s)|(?<=[a-z])(?=\d)"
)
# A word may also start right after a lower-case letter when items are glued ("ExperienceBachelor's").
WORD_START = r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))"


class Clauses:
    """Sentence and list-item boundaries of one text, for finding the clause around a position."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        cuts = list(_BOUNDARY.finditer(text))
        self.ends = [m.end() for m in cuts]
        self.starts = [m.start() for m in cuts]

    def span(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the clause around ``pos``, without its boundary marks."""
        i = bisect.bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i else 0
        return start, max(start, self.starts[i] if i < len(self.starts) else self.size)


PREF = re.compile(
    r"\b(?:preferred|preferable|prefers?|(?:is\s+)?a\s+plus|plus\b(?!\s+\w)|ideally(?!\s+(?:in|with|from|within)\b)"
    r"|nice[- ]to[- ]have|desired|desirable|bonus|advantageous|strongly\s+desired|helpful"
    r"|would\s+be\s+great)\b",
    re.I,
)
REQ = re.compile(r"\b(?:required|requires?|must|minimum|min\.|at\s+least|mandatory|essential)\b", re.I)
_CUE = re.compile(rf"(?P<pref>{PREF.pattern})|(?<!not\s)(?P<req>{REQ.pattern})", re.I)
# Headings that open a "nice to have" list, and those that open a "must have" one; the latter also match
# inside the former ("Preferred Qualifications"), so the preferred alternative comes first.
_HEADING = re.compile(
    r"(?P<pref>(?:preferred|desired|desirable|bonus|nice[- ]to[- ]haves?|ideal)\s+(?:qualifications?|skills?"
    r"|experience|requirements|points)|\b(?:preferred|desired|nice to have|pluses)\s*:|would love if you"
    r"|stand out|nice[- ]to[- ]haves?\b|bonus points)"
    r"|(?P<req>(?:required|minimum|basic|essential|must[- ]have|key)\s+(?:qualifications?|skills?"
    r"|requirements?|experience)|\b(?:requirements|qualifications)(?-i:(?![a-z]))|\brequired\s*:"
    r"|what you(?:['\u2019]ll| will)? (?:need|bring))",
    re.I,
)
# A "preferred" after a semicolon, a colon, a dash or a glued next item ("experienceASCP certification
# preferred") belongs to something else; so does one after a comma, unless the comma only goes on with a
# list ("in Accounting, Finance, or Economics preferred") or with the sentence ("..., preferred").
_PREF_CUT = re.compile(r"[;:]|\s[-\u2013\u2014]\s|(?-i:(?<=[a-z])(?=[A-Z]))")
_GOES_ON = re.compile(r"\s*(?:or|and|is|are|preferred|preferably|a\s+plus|desired|strongly|highly)\b", re.I)


def _in_preferred_section(text: str, pos: int) -> bool:
    """Whether the last heading within 1,500 characters before ``pos`` opens a list of preferences."""
    headings = list(_HEADING.finditer(text, max(0, pos - 1500), pos))
    return bool(headings) and headings[-1].group("pref") is not None


def is_preferred(text: str, start: int, fact: tuple[int, int], stop: int) -> bool:
    """Whether the fact at ``fact`` in the clause ``start``..``stop`` is only preferred.

    The words right after it decide first, then the words right before it, then the heading above it.
    """
    tail = text[fact[1] : stop]
    said = re.search(r"\((preferred|required)\)", tail[:90], re.I)
    if said:
        return said.group(1).lower() == "preferred"
    cut = _PREF_CUT.search(tail)
    for i, part in enumerate(tail[: cut.start() if cut else 120][:120].split(",")):
        cue = _CUE.search(part)
        if i and (not _GOES_ON.match(part) if cue else len(part) > 40):
            break
        if cue:
            return cue.lastgroup == "pref"
    # One character of the fact itself goes with the prefix, so that a glued "preferredHigh" is cut there.
    prefix = text[start : fact[0] + 1]
    cuts = [c.end() for c in _PREF_CUT.finditer(prefix)] + [c.end() for c in re.finditer(",", prefix)]
    near = prefix[max(cuts, default=0) :][-40:]
    before = list(PREF.finditer(near))
    if before:
        return not REQ.search(near, before[-1].end())
    return _in_preferred_section(text, fact[0]) and not REQ.search(near) and not REQ.search(tail)
