"""Several requests in one message ("show my profile and list my tasks"), and pasted job postings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.intent_examples import TEXT_INTENTS
from agent.intents import IntentClassifier, IntentMatch

# From this length a message may be a pasted document: the job tools read it as the posting, the
# redaction wraps it as data, and one that reads like a job ad is not split into requests.
MIN_PASTE_WORDS = 40
REQUEST_LINE_WORDS = 25

_STARTER = (
    r"(?:show|list|give|get|tell|add|remove|delete|drop|mark|tick|move|push|postpone|reschedule|make|create|set|"
    r"change|update|analy[sz]e|plan|schedule|remind|note|save|look|find|search|what|which|how|can you|"
    r"could you|please|read|parse|compare|explain|open|check|"
    r"(?:my\s+)?(?:tasks|notes|reports|profile|skills|goals?|gap reports|todo))\b"
)
# Intents that show things: "show my tasks and notes" shows both.
_SHOWING = frozenset({"list_tasks", "list_notes", "list_gap_reports", "show_profile"})
_BARE_NOUN = re.compile(
    r"^(?:my\s+)?(?:tasks|notes|reports|profile|skills|goals?|gap reports|todo)\W*$", re.I
)
# Always a new request: a new line or sentence, a semicolon, "then", ", also".
_STRONG = re.compile(
    r"\s*(?:\n+|;|(?<=[.!?])\s+(?=[a-z])|,?\s+(?:and\s+)?then\s+|,\s*(?:and\s+)?(?:also|plus|after that)\s+"
    r"|\s+and\s+(?:also|then|after that)\s+)\s*",
    re.I,
)
# A new request only if what follows can stand alone: ", list my tasks", " and my notes".
_WEAK = re.compile(rf"\s*(?:,|\band\b)\s+(?={_STARTER})", re.I)
_FILLER = re.compile(r"^(?:(?:and|also|then|plus|ok(?:ay)?|so|oh|right)\b[\s,]*)+", re.I)
# "make that a goal", "add it": the rest of the message is what "that" means.
_POINTS_BACK = re.compile(r"^(?:(?:can you|could you|please|pls)\s+)?\w+\s+(?:it|that|this|them)\b", re.I)
_ASKS = re.compile(rf"^(?:{_STARTER}|i\b|am i\b|do i\b|is\b|would\b|should\b)", re.I)
# Words of job ads: of the 932 real postings in the shared data, 11 over 60 words show fewer than three.
_POSTING_MARKERS = re.compile(
    r"\b(?:responsibilit|requirement|qualification|experience|we are|we're|you will|you'll|apply|benefits|"
    r"salary|years of|job description|about the role|about us|what you|nice to have|must have|team|candidate|"
    r"skills|duties|degree|bachelor|master'?s|diploma|certificat|proficien|ability to|knowledge of|"
    r"familiarity|required|preferred|minimum|position|role|hiring|employer|employment|equal opportunity|"
    r"full[- ]time|part[- ]time|per hour|per year|compensation|pay range|job functions?|reports? to|"
    r"the ideal)",
    re.I,
)
# A message this long is a paste when it shows only two of those words: nobody types requests this long.
LONG_PASTE_WORDS = 100


@dataclass(frozen=True)
class Request:
    """One request cut from a message: its words and intent."""

    text: str
    match: IntentMatch

    @property
    def intent(self) -> str:
        """The request's intent."""
        return self.match.intent


def _pieces(text: str) -> list[tuple[str, bool]]:
    """(piece, joined weakly to the one before) in order, fillers dropped."""
    pieces: list[tuple[str, bool]] = []
    for strong in _STRONG.split(text):
        for number, weak in enumerate(_WEAK.split(strong or "")):
            cleaned = _FILLER.sub("", weak.strip()).strip(" ,")
            if cleaned:
                pieces.append((cleaned, number > 0))
    return pieces


def split_requests(text: str) -> list[Request]:
    """The requests in a message, each with its intent; greetings and chit-chat beside requests are dropped.

    A piece that is not understood on its own ("I have an hour a day") belongs to its neighbour.
    """
    pieces = _pieces(text)
    if len(pieces) < 2:
        return [Request(text.strip(), IntentClassifier.classify_many([text])[0])]
    matches = IntentClassifier.classify_many([p for p, _ in pieces])
    merged: list[str] = []
    intents: list[str] = []
    waiting = ""  # pieces not understood before the first understood one
    for (piece, weak), match in zip(pieces, matches, strict=True):
        if match.intent == "out_of_scope":
            if merged:
                merged[-1] += ", " + piece
            else:
                waiting += piece + ", "
            continue
        whole, waiting = waiting + piece, ""
        bare = _BARE_NOUN.match(whole) and intents and intents[-1] not in _SHOWING
        if merged and weak and (match.intent == intents[-1] or _POINTS_BACK.match(whole) or bare):
            merged[-1] += ", " + whole
            continue
        merged.append(whole)
        intents.append(match.intent)
    if not merged:
        return [Request(text.strip(), IntentClassifier.classify_many([text])[0])]
    if merged != [p for p, _ in pieces]:
        matches = IntentClassifier.classify_many(merged)
    requests = [Request(p, m) for p, m in zip(merged, matches, strict=True)]
    acting = [r for r in requests if r.intent not in TEXT_INTENTS]
    return acting or requests


def looks_like_posting(text: str) -> bool:
    """A long message with the words of a job ad (responsibilities, requirements, salary...)."""
    words = len(text.split())
    if words < MIN_PASTE_WORDS:
        return False
    markers = len({m.group(0).lower() for m in _POSTING_MARKERS.finditer(text)})
    return markers >= 3 or (markers >= 2 and words > LONG_PASTE_WORDS)


def request_lines(text: str) -> list[str]:
    """The short first and last lines around a paste, where a request about it would be."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2:
        return []
    ends = [lines[0], lines[-1]] if len(lines) > 2 else [lines[0]]
    return [
        line
        for line in ends
        if len(line.split()) <= REQUEST_LINE_WORDS and (line.endswith(("?", "!", ":")) or _ASKS.match(line))
    ]


def is_long_paste(text: str) -> bool:
    """Long enough to be a pasted document rather than a request."""
    return len(text.split()) >= MIN_PASTE_WORDS
