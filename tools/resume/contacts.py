"""A resume's contact details (name, e-mail, phone, place, links) and the redacted copy sent to models."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from tools.resume.contact_header import header_end, header_lines, header_location, name_in
from tools.resume.contact_patterns import (
    Span,
    address_spans,
    email_spans,
    handle_spans,
    link_spans,
    phone_spans,
    profile_link_spans,
)
from tools.resume.sections import Section, find_sections

PLACEHOLDERS = {
    "name": "[NAME]",
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "location": "[LOCATION]",
    "link": "[LINK]",
}
CONTACT_KINDS = ("name", "email", "phone", "location", "link")
# Where two found values overlap, the merged span keeps the placeholder of the first kind here.
_PRECEDENCE = ("email", "link", "phone", "location", "name")
MIN_NAME_PART = 3
# Found values are searched for together, this many to one pattern (Python's alternation is linear).
_VALUES_PER_PASS = 200
_FAR = 1 << 62  # past any offset


@dataclass(frozen=True)
class ContactItem:
    """One contact value and where it is in the text."""

    kind: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class ContactDetails:
    """The contact values found in a resume, in text order."""

    items: tuple[ContactItem, ...]

    def _first(self, kind: str) -> str | None:
        return next((item.value for item in self.items if item.kind == kind), None)

    @property
    def name(self) -> str | None:
        """The person's name, if the header shows one."""
        return self._first("name")

    @property
    def email(self) -> str | None:
        """The first e-mail address."""
        return self._first("email")

    @property
    def phone(self) -> str | None:
        """The first phone number."""
        return self._first("phone")

    @property
    def location(self) -> str | None:
        """The first place or street address in the header."""
        return self._first("location")

    @property
    def links(self) -> list[str]:
        """Every link, once each, in text order."""
        return list(dict.fromkeys(item.value for item in self.items if item.kind == "link"))

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields."""
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "location": self.location,
            "links": self.links,
        }


def _items(text: str, spans: list[Span], kind: str) -> list[ContactItem]:
    return [ContactItem(kind, text[s:e], s, e) for s, e in spans]


def find_contacts(text: str, sections: list[Section] | None = None) -> ContactDetails:
    """The contact details in a resume's text.

    Name and place come from the header block; e-mails and phones from the header, else the first
    anywhere; links from the header, plus profile links (LinkedIn, GitHub, ...) anywhere.
    """
    if sections is None:
        sections = find_sections(text)
    end = header_end(text, sections)
    items: list[ContactItem] = []
    lines = header_lines(text, end)
    header = text[:end]
    reachable = any(
        next(iter(finder(header)), None) is not None for finder in (email_spans, phone_spans, link_spans)
    )
    for number, (offset, line) in enumerate(lines):
        # A header that opens with a line in capitals and gives no way to reach anyone starts with
        # the job sought ("KEY HOLDER"), as every LiveCareer resume does; a name comes with contacts.
        if number == 0 and line.strip().isupper() and not reachable:
            continue
        if (span := name_in(line)) is not None:
            items.append(ContactItem("name", line[span[0] : span[1]], offset + span[0], offset + span[1]))
            break
    # Every address line of the header: an address often takes two ("12 Main St", "Springfield 62701").
    for offset, line in lines:
        if (span := header_location(line)) is not None:
            items.append(ContactItem("location", line[span[0] : span[1]], offset + span[0], offset + span[1]))
    for kind, finder in (("email", email_spans), ("phone", phone_spans)):
        spans = list(finder(header)) or list(finder(text))[:1]
        items.extend(_items(text, spans, kind))
    emails = sorted((i.start, i.end) for i in items if i.kind == "email")
    # In the header any domain is a link; in the body only URLs and profiles on well-known sites.
    links = [s for s in link_spans(header, bare=True) if not _inside(s, emails)]
    links += list(handle_spans(header))
    links += [s for s in profile_link_spans(text) if s[0] >= end and not _inside(s, emails)]
    items.extend(_items(text, _dedupe(links), "link"))
    return ContactDetails(tuple(sorted(items, key=lambda i: (i.start, CONTACT_KINDS.index(i.kind)))))


def _inside(span: Span, others: list[Span]) -> bool:
    """Whether a span lies within one of the others (sorted by start, not overlapping)."""
    index = bisect_right(others, (span[0], _FAR)) - 1
    return index >= 0 and span[1] <= others[index][1]


def _dedupe(spans: list[Span]) -> list[Span]:
    """The spans in text order, each one inside an earlier (longer) one dropped."""
    kept: list[Span] = []
    reach = -1
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if span[1] > reach:
            kept.append(span)
            reach = span[1]
    return kept


def _occurrences(text: str, value: str) -> list[Span]:
    """Every occurrence of a value as whole words, in any case."""
    pattern = rf"(?<!\w){re.escape(value)}(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def _name_spans(text: str, name: str) -> list[Span]:
    """Where the name recurs, and where its parts do.

    The name in any case, also without its middle names ("jane example") or last name first; each
    part of three letters or more where it stands capitalised as a word of its own.
    """
    parts = [p.strip(".,()") for p in name.split()]
    parts = [p for p in parts if p]
    variants = {name}
    if len(parts) > 2:
        variants.add(f"{parts[0]} {parts[-1]}")
    if len(parts) >= 2:
        variants.add(f"{parts[-1]}, {parts[0]}")
    spans = [span for variant in variants for span in _occurrences(text, variant)]
    for part in set(parts):
        if len(part) < MIN_NAME_PART:
            continue
        # Capitalised only: "Rose" may be the name, "rose 20%" is a verb; "ROSE" in a footer counts.
        # An underscore separates words here: "Jane_Doe_Resume.pdf" names the person too.
        pattern = rf"(?<![^\W_])(?<!-){re.escape(part)}(?![^\W_])(?!-)"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if match.group()[0].isupper():
                spans.append((match.start(), match.end()))
    return spans


def redaction_spans(text: str, details: ContactDetails) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every span to redact: found values wherever they recur, and every pattern."""
    spans: list[tuple[int, int, str]] = []
    # Each distinct value once: a header may repeat one, and a text without headings may list many.
    for kind, value in dict.fromkeys((item.kind, item.value) for item in details.items):
        if kind == "name":
            spans.extend((s, e, "name") for s, e in _name_spans(text, value))
    others = sorted({item.value for item in details.items if item.kind != "name"}, key=len, reverse=True)
    kinds = {item.value.lower(): item.kind for item in details.items if item.kind != "name"}
    for start in range(0, len(others), _VALUES_PER_PASS):
        pattern = re.compile(
            "|".join(map(re.escape, others[start : start + _VALUES_PER_PASS])), re.IGNORECASE
        )
        spans.extend(
            (m.start(), m.end(), kinds.get(m.group().lower(), "link")) for m in pattern.finditer(text)
        )
    spans.extend((s, e, "email") for s, e in email_spans(text))
    spans.extend((s, e, "link") for s, e in link_spans(text))
    spans.extend((s, e, "phone") for s, e in phone_spans(text))
    spans.extend((s, e, "location") for s, e in address_spans(text))
    return spans


def redact(text: str, details: ContactDetails) -> str:
    """The text with each contact value and every e-mail, phone, URL and address replaced by a placeholder."""
    spans = sorted(redaction_spans(text, details))
    merged: list[list[Any]] = []
    for start, end, kind in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if _PRECEDENCE.index(kind) < _PRECEDENCE.index(last[2]):
                last[2] = kind
        else:
            merged.append([start, end, kind])
    out = []
    position = 0
    for start, end, kind in merged:
        out.append(text[position:start])
        out.append(PLACEHOLDERS[kind])
        position = end
    out.append(text[position:])
    return "".join(out)
