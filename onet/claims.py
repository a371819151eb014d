"""Where a mention stands: lists, names of organisations, headings, initials and idioms.

These rules decide whether words that spell a skill's name claim the skill where they are written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from onet.extract import Span

# Before these an -ing word is a verb ("currently interviewing for"), not a skill.
_BE_BEFORE = {"is", "are", "am", "was", "were", "be", "been", "being", "currently", "now", "actively", "re"}
_NAME_ENDINGS = {
    "Operations", "Department", "Team", "Center", "Centre", "Services", "Group", "Inc", "LLC",
    "Company", "Division", "Office", "Unit", "Clinic", "Institute", "Association", "Corporation",
    "Corp", "Ltd", "Limited", "Foundation", "Partners", "Agency", "Bank", "Conference", "Museum",
    "Society", "Council", "Board", "Committee", "Fund", "Funds",
}  # fmt: skip
# What follows "of" after these words names a degree or a body ("Bachelor of Science").
_NAMED_BY = {
    "Bachelor", "Bachelors", "Master", "Masters", "Associate", "Associates", "Doctor", "Degree",
    "Department", "College", "School", "University", "Institute", "Museum", "Academy", "Ministry",
    "Office", "Division", "Society", "Association", "Council",
}  # fmt: skip
# Resume section headings that are also node names: on a line of their own they head a list.
_HEADINGS = {"education and training", "education & training", "computer skills", "technical skills"}
# Phrases in which a skill's name is plain prose ("in collaboration with", "catering to").
_IDIOM = re.compile(
    r"\bin (?:close )?(?:collaboration|coordination|compliance|partnership|cooperation) with\b"
    r"|\bcatering to\b",
    re.IGNORECASE,
)
_IDIOM_WORDS = {"collaboration", "coordination", "compliance", "partnership", "cooperation", "catering"}
# What may stand before and after a list item: list punctuation, a line break, "and"/"or".
_ITEM_BEFORE = re.compile(r"(?:[,;:|•·*(\n]|\s[-\u2013]|\band|\bor)\s*$")
_ITEM_AFTER = re.compile(r"\s*(?:$|[,;.|•·)\n]|and\b|or\b|[-\u2013]\s)")


def listed(text: str, one: Span, other: Span) -> bool:
    """True when two names stand in one list: only a comma or slash list lies between them."""
    first, second = (one, other) if one.start < other.start else (other, one)
    between = text[first.end : second.start]
    return (
        0 <= len(between) <= 40
        and bool(re.search(r"[,/;|\n]", between))
        and not re.search(r"[.!?:]\s", between)
    )


def list_item(text: str, span: Span) -> bool:
    """True when the words stand alone as an item of a list ("..., negotiation, and ...")."""
    lead = span.start == 0 or _ITEM_BEFORE.search(text, max(0, span.start - 12), span.start)
    return bool(lead) and bool(_ITEM_AFTER.match(text, span.end, span.end + 6))


def _title_case(token: str) -> bool:
    return token[:1].isupper() and token[1:].islower()


def _inside_a_name(text: str, tokens: list[tuple[int, int, str]], position: int, width: int) -> bool:
    """True when Title Case words sit inside a longer name: an organisation or a heading.

    "ChanceLight Behavioral Health", "Front Desk Operations" and "Baking Corporation" name
    things, not skills. Only words on the same line count as one name.
    """
    words = tokens[position : position + width]
    if not all(_title_case(w[2]) for w in words):
        return False
    last = words[-1]
    if position + width < len(tokens):
        after = tokens[position + width]
        if after[2] in _NAME_ENDINGS and text[last[1] : after[0]] == " ":
            return True
    if position == 0 or width == 1:
        return False
    before, first = tokens[position - 1], tokens[position]
    # The word before belongs to the same name when only a space separates them and it looks
    # like a brand: camel case ("ChanceLight") or all capitals.
    brand = not _title_case(before[2]) or (position > 1 and tokens[position - 2][1] == before[0])
    return text[before[1] : first[0]] == " " and before[2][:1].isupper() and brand


def no_claim(
    text: str, tokens: list[tuple[int, int, str]], position: int, width: int, span: Span, *, key: str
) -> bool:
    """True for a mention that claims nothing where it stands.

    The tail of a hyphenated word ("real-time management"), words inside a name ("Western Bagel
    Baking Corporation", "Bachelor of Science"), a heading line ("Education and Training"), an
    idiom ("in collaboration with") or a verb form ("currently interviewing").
    """
    start = span.start
    before = tokens[position - 1][2].lower() if position > 0 else ""
    return (
        (text[start - 1 : start] == "-" and text[start - 2 : start - 1].isalnum())
        or _named_by(text, tokens, position)
        or _inside_a_name(text, tokens, position, width)
        or _heading(text, span, key)
        or (
            key in _IDIOM_WORDS
            and any(m.start() <= start < m.end() for m in _IDIOM.finditer(text, start - 30, start + 30))
        )
        or (width == 1 and span.text.lower().endswith("ing") and before in _BE_BEFORE)
    )


def _named_by(text: str, tokens: list[tuple[int, int, str]], position: int) -> bool:
    """True after "Bachelor of", "Department of" and the like: the words name a degree or a body."""
    if position < 2 or not tokens[position][2][:1].isupper() or tokens[position - 1][2] != "of":
        return False
    head, of = tokens[position - 2], tokens[position - 1]
    return head[2] in _NAMED_BY and not text[head[1] : of[0]].strip()


def _heading(text: str, span: Span, key: str) -> bool:
    """True for a section heading ("Education and Training") written on a line of its own."""
    if key not in _HEADINGS or any(w[0].islower() for w in span.text.split() if len(w) > 3):
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    return text[line_start : len(text) if line_end < 0 else line_end].strip() == span.text


def acronym(name: str) -> str:
    """The acronym a node's name ends with ("Storage area network SAN software" -> "SAN")."""
    capitals = [w for w in name.split() if len(w) > 1 and w.isupper() and w.isalpha()]
    return capitals[-1] if capitals else ""


def word_at(text: str, start: int) -> str:
    """The whole written word starting at `start`, in lower case ("InDesign", not "In")."""
    match = re.match(r"[A-Za-z0-9+#]+", text[start:])
    return match.group(0).lower() if match else ""


def glued(text: str, tokens: list[tuple[int, int, str]], at: int) -> bool:
    """True when a word is part of a longer written word: "SharpSpring", "RVs", "R/3"."""
    start, end, word = tokens[at]
    if len(word) == 1 and (text[start - 1 : start].isalnum() or text[end : end + 1].isalnum()):
        return True
    glued = at > 0 and tokens[at - 1][1] == start
    return glued and (_title_case(tokens[at - 1][2]) or tokens[at - 1][2].isdigit())


def initial(text: str, tokens: list[tuple[int, int, str]], at: int) -> bool:
    """True when a single letter is an initial or part of an abbreviation ("Parekh R.", "H.R.")."""
    start, end, _word = tokens[at]
    if re.match(r"\.[A-Za-z]|/\d", text[end : end + 2]) or re.fullmatch(
        r"[A-Za-z]\.", text[start - 2 : start]
    ):
        return True
    if text[end : end + 1] != "." or at == 0:
        return False
    before = tokens[at - 1]
    return text[before[1] : start] == " " and _title_case(before[2])
