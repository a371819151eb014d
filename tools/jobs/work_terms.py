"""The work terms a job posting states (sponsorship, citizenship, residency, work mode), with proof."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.jobs.clauses import PREF, Clauses, Quote, quote

TRISTATE = ("unknown", "yes", "no")


@dataclass(frozen=True)
class WorkTerms:
    """Sponsorship, citizenship, residency and work mode, each "unknown" unless the posting decides it."""

    visa_sponsorship: str
    citizenship_required: str
    permanent_residency_required: str
    remote: str
    work_mode: str | None
    quotes: dict[str, Quote]


_SPONSOR = re.compile(r"\bsponsor(?:ship|ing|ed)?\b", re.I)
_VISA = re.compile(
    r"visa|\bh-?1-?b\b|\bopt\b|\btn\b|immigration|(?:work|employment)\s+authori[sz]ation|right\s+to\s+work"
    r"|(?:authori[sz]ed|eligible|permitted|able)\s+to\s+work|green\s?card|work\s+permit|\bw-?2\b",
    re.I,
)
_ROLE = re.compile(
    r"(?:this|the)\s+(?:position|role|job|opportunity)|at\s+this\s+time|applicants|candidates|for\s+employment"
    r"|\bto\s+sponsor\b",
    re.I,
)
_OTHER_SPONSOR = re.compile(
    r"event|corporate|donor|fundrais|project|executive|(?:employer|company)[- ]sponsored|clearance|sponsors\b"
    r"|sponsored\s+(?:benefit|medical|health|insurance|program|research|training|certif|licens|401|travel)",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|unable|cannot|without|never|nor|unfortunately)\b|n['\u2019]t\b", re.I)
_OFFER = re.compile(
    r"\b(?:will|we|can|able\s+to|happy\s+to|open\s+to)\s+(?:consider\s+)?sponsor"
    r"|\b(?:offers?|provides?|available)\s+(?:\w+\s+){0,2}?sponsorship"
    r"|sponsorship\s+(?:is\s+)?(?:available|offered|provided)|sponsor(?:s|ing)?\s+(?:h-?1-?b|visas?|work\s+visas"
    r"|green\s+cards?)",
    re.I,
)
_US_CITIZEN = re.compile(
    r"(?:\bu\.?\s?s\.?(?:a\.?)?|united\s+states|american)\s*citizen(?:s|ship)?|(?-i:\bUSC\b)", re.I
)
_GREEN = re.compile(r"green\s?card|permanent\s+residen|(?-i:\bLPR\b)", re.I)
_GC_NEAR = re.compile(
    r"(?:citizens?|USC)\s*(?:/|or|and|,)\s*GC\b|\bGC\s*(?:/|or|and|,)\s*(?:USC|US\s+citizen)", re.I
)
_OTHER_STATUS = re.compile(
    r"\bEAD\b|\bh-?1-?b\b|\bh4\b|\btn\b|\bopt\b|work\s+permit|visa|authori[sz]ed\s+to\s+work|any\s+work\s+auth",
    re.I,
)
_EEO = re.compile(
    r"discriminat|regardless|without\s+regard|national\s+origin|protected|equal\s+(?:employment|opp)", re.I
)
_CIT_ASK = re.compile(
    r"\b(?:required|requires?|requirements?|must|only|mandatory|needs?|eligib\w*|be\s+an?|restricted)\b", re.I
)
_FOR_CLEARED = re.compile(r"for\s+(?:all\s+)?(?:positions|roles)\s+(?:with|requiring|that\s+require)", re.I)
_CLEARANCE = re.compile(
    r"(?:active|current|secret|ts/sci|dod|security|government)\s+(?:[\w/]+\s+){0,3}?clearance", re.I
)


def _window(text: str, span: tuple[int, int], pos: int) -> Quote:
    """The clause around ``pos``, cut to 150 characters on either side so that a glued page stays readable."""
    return quote(text, max(span[0], pos - 150), min(span[1], pos + 150))


def _sponsorship(text: str, clauses: Clauses) -> tuple[str, Quote | None]:
    label = re.search(r"sponsorship\s*[:?]?\s*\n+\s*(yes|no)\b", text, re.I)
    if label:
        return label.group(1).lower(), quote(text, label.start(), label.end())
    said: dict[str, Quote] = {}
    for m in _SPONSOR.finditer(text):
        span = clauses.span(m.start())
        clause = text[span[0] : span[1]]
        about_visas = _VISA.search(clause) or (_ROLE.search(clause) and not _OTHER_SPONSOR.search(clause))
        if "clearance" in clause.lower() or not about_visas:
            continue
        value = "no" if _NEGATION.search(clause) else "yes" if _OFFER.search(clause) else ""
        if value:
            said.setdefault(value, _window(text, span, m.start()))
    # A posting that both offers and refuses sponsorship decides nothing.
    return next(iter(said.items())) if len(said) == 1 else ("unknown", None)


def _citizenship(text: str, clauses: Clauses) -> dict[str, tuple[str, Quote]]:
    """Decisions for citizenship_required and permanent_residency_required, each with its quote."""
    cleared = any(not PREF.search(text[slice(*clauses.span(m.start()))]) for m in _CLEARANCE.finditer(text))
    seen: dict[str, dict[str, Quote]] = {"citizenship_required": {}, "permanent_residency_required": {}}
    for m in [*_US_CITIZEN.finditer(text), *_GREEN.finditer(text)]:
        span = clauses.span(m.start())
        clause, head = text[span[0] : span[1]], text[max(0, span[0] - 60) : span[0]]
        # A heading ("U.S. Citizenship Requirements") proves less than the sentence under it.
        if re.fullmatch(r".{0,30}requirements?\W*", clause, re.I | re.S) or _EEO.search(clause):
            continue
        if not (_CIT_ASK.search(clause) or re.search(r"requir|mandatory", head, re.I)):
            continue
        where, waived = _window(text, span, m.start()), re.search(r"not\s+required", clause, re.I)
        if _US_CITIZEN.search(clause):
            if _OTHER_STATUS.search(clause) or waived:
                seen["citizenship_required"].setdefault("no", where)
            elif _GREEN.search(clause) or _GC_NEAR.search(clause):
                seen["citizenship_required"].setdefault("no", where)
                seen["permanent_residency_required"].setdefault("yes", where)
            elif not _FOR_CLEARED.search(clause) or cleared:
                seen["citizenship_required"].setdefault("yes", where)
        elif not _OTHER_STATUS.search(clause) and not waived:
            seen["permanent_residency_required"].setdefault("yes", where)
    return {name: next(iter(said.items())) for name, said in seen.items() if len(said) == 1}


# What a labelled field says ("Work Location: In person", "Location: Remote (US)") outranks the prose.
_MODE_LABEL = re.compile(
    r"\b(?:work\s+)?(?:location|setting|arrangements?|type\s+of\s+hire|workplace(?:\s+type)?"
    r"|telecommuting\s+possible\?)\s*(?:[:\-\u2013]|\n)\s*(?:[\w ,]{0,25}\()?"
    r"(?P<mode>(?:100%\s*|fully\s+)?remote|hybrid|on-?\s?site|in[- ]person|in[- ]office|work\s+from\s+home)"
    r"\b(?!\s*(?:or\b|/))",
    re.I,
)
_LABEL_MODE = {"hybrid": "hybrid", "inpers": "onsite", "inoffi": "onsite", "onsite": "onsite"}
_MODES = {
    "hybrid": re.compile(
        r"\bhybrid\W{0,3}(?:[\w-]+\W+){0,2}?(?:role|position|schedule|work|working|workplace|model|opportunity"
        r"|remote|telework|arrangement|job|contract|office|on-?site|basis)\b|(?:position|role|job|schedule|type"
        r"|arrangement)\s*(?:is\s*)?[:\-\u2013]?\s*\(?hybrid\b|\(hybrid\)|hybrid\s*/\s*remote|part(?:ially)?\s+remote"
        r"|\b(?:[1-4]|one|two|three|four)\s*days?\s*(?:a|per|/)\s*week\s+(?:[\w-]+\s+){0,3}?(?:in|at|from|to)\s+"
        r"(?:the\s+|our\s+)?(?:office|on-?site)|\b[1-4]\s+days?\s+(?:on-?site|in[- ]office|remote)",
        re.I,
    ),
    "remote": re.compile(
        r"(?:fully|100\s?%|completely|entirely|totally|permanently)\s*(?:\(100%\)\s*)?remote|remote[- ]first"
        r"|\b(?:is|be)\s+(?:an?\s+)?(?:(?:full|part)[- ]time\s+|fully\s+|100%\s+|contract\s+|temporary\s+)?"
        r"remote"
        r"\b(?!\s+(?:work\s+)?(?:option|day|flexib|friday))|remote\s+(?:position|role|job|opportunity|internship"
        r"|contract\s+role)|\(remote\)|\bremote\s*[-\u2013]\s*(?:us|usa|united\s+states)\b|fully\s+virtual"
        r"|virtual\s+remote",
        re.I,
    ),
    "onsite": re.compile(
        r"(?:fully|100\s?%|completely|entirely|complete)\s*(?:\(\s*)?(?:on-?\s?site|in[- ]office"
        r"|in[- ]person)|\b(?:is|be)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:on-?\s?site|in[- ]person|in[- ]office)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:position|role|job|opportunity|internship)"
        r"|\b(?:position|role|job)\s+is\s+(?:fully\s+)?(?:on-?\s?site|in[- ]office|in[- ]person)"
        r"|\(on-?\s?site\)|in[- ]person\s+only|not\s+a\s+remote"
        r"|\bno\s+remote|(?:unavailable|not\s+(?:available|eligible))\s+for\s+remote"
        r"|must\s+(?:be\s+able\s+to\s+)?work\s+(?:on-?\s?site|in\s+(?:the\s+)?office|in[- ]person)",
        re.I,
    ),
}
_MODE_WORD = re.compile(r"remote|hybrid|office|on-?\s?site|in[- ]person", re.I)


def _work_mode(text: str, clauses: Clauses) -> tuple[str, Quote] | None:
    labels: dict[str, Quote] = {}
    for m in _MODE_LABEL.finditer(text):
        key = re.sub(r"[\s-]", "", m.group("mode").lower())[:6]
        labels.setdefault(_LABEL_MODE.get(key, "remote"), quote(text, m.start(), m.end()))
    if len(labels) == 1:
        return next(iter(labels.items()))
    found: dict[str, Quote] = {}
    for mode, pattern in _MODES.items():
        for m in pattern.finditer(text):
            clause = text[slice(*clauses.span(m.start()))]
            # "in-office, hybrid or remote" lists options, which decides nothing.
            kinds = {re.sub(r"[\s-]", "", w.group().lower())[:6] for w in _MODE_WORD.finditer(clause)}
            if len(kinds) < 2 or not re.search(r"\bor\b", clause, re.I):
                found.setdefault(mode, quote(text, m.start(), m.end()))
    if "hybrid" in found:  # a hybrid posting speaks of both the office and home
        return "hybrid", found["hybrid"]
    return next(iter(found.items())) if len(found) == 1 else None


def _hinted_mode(remote_hint: bool | None, work_type_hint: str | None) -> str | None:
    hint = (work_type_hint or "").lower()
    for mode, words in (
        ("hybrid", ("hybrid",)),
        ("remote", ("remote",)),
        ("onsite", ("on-site", "onsite", "on site")),
    ):
        if any(w in hint for w in words):
            return mode
    return "remote" if remote_hint else None


def work_terms(text: str, *, remote_hint: bool | None = None, work_type_hint: str | None = None) -> WorkTerms:
    """Sponsorship, citizenship, residency and work mode the posting states; hints count only on silence.

    ``remote_hint`` is the source's own remote flag (False: the source says it is not remote) and
    ``work_type_hint`` its workplace type ("Remote", "Hybrid", "On-site"; other values are ignored). A field
    decided by a hint has no quote, since nothing in the text proves it.
    """
    clauses = Clauses(text)
    quotes: dict[str, Quote] = {}
    sponsorship, said = _sponsorship(text, clauses)
    if said:
        quotes["visa_sponsorship"] = said
    status = {"citizenship_required": "unknown", "permanent_residency_required": "unknown"}
    for name, (value, where) in _citizenship(text, clauses).items():
        status[name], quotes[name] = value, where
    decided = _work_mode(text, clauses)
    if decided:
        quotes["remote"] = quotes["work_mode"] = decided[1]
    mode = decided[0] if decided else _hinted_mode(remote_hint, work_type_hint)
    remote = "yes" if mode == "remote" else "no" if mode or remote_hint is False else "unknown"
    return WorkTerms(
        sponsorship,
        status["citizenship_required"],
        status["permanent_residency_required"],
        remote,
        mode,
        quotes,
    )
