"""Splitting resume text into headed sections (summary, experience, education, ...) by character offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from typing import Any

from tools.resume.headings import heading_kind, inline_heading_kind

__all__ = ["SECTION_KINDS", "TAILORABLE", "Section", "find_sections", "heading_kind", "section_at"]

SECTION_KINDS = ("summary", "experience", "education", "skills", "projects", "certifications", "others")
# Facts that tailoring must never change live in the other kinds: education, certifications, others.
TAILORABLE = frozenset({"summary", "experience", "skills", "projects"})


@dataclass(frozen=True)
class Section:
    """One section: its kind, the heading as written and the character range it covers."""

    kind: str
    heading: str
    start: int
    end: int
    tailorable: bool

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready fields."""
        return asdict(self)


HEADER_SCAN_LINES = 20
# Whether a block reads like a summary shows in its first paragraphs.
SUMMARY_SAMPLE_CHARS = 3000


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its newline) for every line of the text."""
    out = []
    offset = 0
    for line in text.split("\n"):
        out.append((offset, line.rstrip("\r")))
        offset += len(line) + 1
    if out and not out[-1][1] and text.endswith("\n"):
        out.pop()  # the empty remainder after a final newline is no line
    return out


_CONTACT_HINT = re.compile(r"@|https?://|www\.|linkedin|github|\+?\d[\d\s().-]{7,}\d")


def _reads_like_summary(block: str) -> bool:
    """Prose of a dozen words or more, mostly lower case, with no contact details in it."""
    block = block[:SUMMARY_SAMPLE_CHARS]
    if _CONTACT_HINT.search(block):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", block)
    if len(words) < 12:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower / len(words) >= 0.5


def _header_sections(text: str, end: int) -> list[Section]:
    """The text before the first heading: a header block, a summary, or a header then a summary."""
    if end == 0:
        return []
    # A name, a title or contact lines first, then a paragraph of prose: split before the paragraph.
    # A header is a few lines; looking further would cost a pass over the rest for every line.
    for offset, line in _lines(text[:end])[:HEADER_SCAN_LINES]:
        if len(line.split()) >= 6 and _reads_like_summary(text[offset:end]):
            if offset == 0:
                return [Section("summary", "", 0, end, True)]
            return [Section("others", "", 0, offset, False), Section("summary", "", offset, end, True)]
    return [Section("others", "", 0, end, False)]


def find_sections(text: str) -> list[Section]:
    """Ordered, contiguous sections covering the whole text; the header block before any heading first."""
    heads: list[tuple[int, str, str]] = []
    for offset, line in _lines(text):
        kind = heading_kind(line) or inline_heading_kind(line)
        if kind is not None:
            heads.append((offset, kind, line.strip()))
    if not heads:
        if _reads_like_summary(text):
            return [Section("summary", "", 0, len(text), True)]
        return [Section("others", "", 0, len(text), False)] if text else []
    # "PRACTICUM EXPERIENCE" right above "Summary": a job title in capitals that reads like a
    # heading, heading nothing; it belongs to the header block.
    if heads[0][0] == 0 and len(heads) > 1 and not text[: heads[1][0]].split("\n", 1)[-1].strip():
        heads.pop(0)
    sections = _header_sections(text, heads[0][0])
    for index, (offset, kind, heading) in enumerate(heads):
        end = heads[index + 1][0] if index + 1 < len(heads) else len(text)
        sections.append(Section(kind, heading, offset, end, kind in TAILORABLE))
    return sections


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The section that contains a character offset, or None when the offset lies outside them all."""
    starts = [s.start for s in sections]
    index = bisect_right(starts, offset) - 1
    if index < 0:
        return None
    section = sections[index]
    return section if section.start <= offset < section.end else None
