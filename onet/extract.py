"""Finding skills in free text: exact character spans, longest match first, with guards for English words."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from onet.catalog import Catalog
from onet.index import SKILLS, SemanticIndex
from onet.ontology import DATA_DIR, alias_key

AMBIGUOUS_FILE = DATA_DIR / "ambiguous.txt"

# Word tokens: letters and digits, keeping + and # for C++ and C#. A capital after a small letter
# starts a new token too: postings often lose the line break between bullets ("as codeFluency"),
# and names written in camel case ("JavaScript") are joined back when matching.
_TOKEN = re.compile(r"[A-Za-z0-9][a-z0-9+#]*(?:[A-Z0-9]+(?![a-z])[+#]*)?|[A-Z]+(?![a-z])[0-9+#]*")
# What may sit between the tokens of one multi-word name ("Node.js", "CI/CD", "scikit-learn").
_JOINER = re.compile(r"^(?: ?[-./&]? ?| )$")
_SENTENCE_END = re.compile(r"[.!?;:]\s|\n")
_TECH_CATEGORIES = {"language", "framework", "database", "tool", "cloud"}
# After these words an ambiguous word is a verb or plain prose ("to excel", "will lead").
_VERB_BEFORE = {"to", "will", "can", "you", "we", "who", "would", "should", "must", "may", "help", "i"}
# Before these an -ing word is a verb ("currently interviewing for"), not a skill.
_BE_BEFORE = {"is", "are", "am", "was", "were", "be", "been", "being", "currently", "now", "actively", "re"}
_SKILL_WORDS = {"skills", "skill", "knowledge", "ability", "abilities", "experience", "proficiency"}
_NAME_ENDINGS = {
    "Operations",
    "Department",
    "Team",
    "Center",
    "Centre",
    "Services",
    "Group",
    "Inc",
    "LLC",
    "Company",
    "Division",
    "Office",
    "Unit",
    "Clinic",
    "Institute",
    "Association",
}
_LIST_WORDS = {"software", "programs", "tools", "applications", "proficient", "proficiency", "languages"}
_PROSE_AFTER = {
    "in",
    "at",
    "as",
    "with",
    "under",
    "when",
    "through",
    "to",
    "the",
    "a",
    "an",
    "our",
    "your",
    "by",
    "document",
    "documents",
    "file",
    "files",
    "format",
}


# A list item: text between list punctuation (or line breaks), with no sentence inside it.
_LIST_ITEM = re.compile(
    r"(?:^|[,;:\n•·|()])\s*([A-Za-z][A-Za-z0-9+#/\- ]{3,60}?)\s*(?=$|[,;\n•·|()])", re.MULTILINE
)
SEMANTIC_SPAN_MIN = 0.88


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    at = bisect_left(taken, (start, start))
    neighbours = taken[max(0, at - 1) : at + 1]
    return any(s < end and e > start for s, e in neighbours)


@dataclass(frozen=True)
class Span:
    """A skill found in text: character offsets, the exact words, the node and a confidence."""

    start: int
    end: int
    text: str
    skill_id: str
    name: str
    kind: str
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, in the shape of `jobmate skills extract`."""
        return asdict(self)


def load_ambiguous(path: Path = AMBIGUOUS_FILE) -> frozenset[str]:
    """Alias keys that are also common English words and need context to count as skills."""
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


class Extractor:
    """Finds every catalogue node mentioned in a text, as non-overlapping spans."""

    def __init__(
        self,
        catalog: Catalog,
        ambiguous: frozenset[str] | None = None,
        index: SemanticIndex | None = None,
    ) -> None:
        self.catalog = catalog
        self.ambiguous = load_ambiguous() if ambiguous is None else ambiguous
        # With an index, short list items that no name or alias matched get a semantic look-up.
        self.index = index

    def extract(self, text: str) -> list[Span]:
        """All skills in `text`, in order; empty for empty or binary input."""
        if not text or "\x00" in text[:1000]:
            return []
        tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        spans: list[Span] = []
        guarded: list[tuple[Span, int]] = []
        position = 0
        while position < len(tokens):
            match = self._longest(text, tokens, position)
            if match is None:
                position += 1
                continue
            width, skill_id = match
            start, end = tokens[position][0], tokens[position + width - 1][1]
            info = self.catalog.skills[skill_id]
            surface = text[start:end]
            span = Span(start, end, surface, skill_id, info.name, info.kind, _confidence(width, surface))
            key = alias_key(surface)
            if width == 1 and (key in self.catalog.english_keys or key in self.ambiguous):
                guarded.append((span, position))
            elif not self._rejected(tokens, position, width, key):
                spans.append(span)
            position += width
        ctx = _Context(text, spans, [span for span, _at in guarded])
        spans.extend(span for span, at in guarded if self._plausible(text, tokens, at, span, ctx))
        if self.index is not None:
            spans.extend(self._semantic(text, spans))
        return sorted(spans, key=lambda s: s.start)

    def _semantic(self, text: str, found: list[Span]) -> list[Span]:
        """Spans for list items of 2-5 words that no name matched but whose meaning is a skill's.

        Only items standing alone between list punctuation are tried ("Skills: container
        orchestration, on-call rotations"), and only near matches count, so prose stays out.
        """
        assert self.index is not None
        taken = sorted((s.start, s.end) for s in found)
        items: list[tuple[int, int, str]] = []
        for match in _LIST_ITEM.finditer(text):
            start, end = match.start(1), match.end(1)
            words = match.group(1).split()
            if not 2 <= len(words) <= 5 or _overlaps(taken, start, end):
                continue
            items.append((start, end, match.group(1)))
        if not items:
            return []
        unique = list(dict.fromkeys(item[2] for item in items))
        best = dict(
            zip(
                unique,
                (hits[0] if hits else None for hits in self.index.search(SKILLS, unique, k=1)),
                strict=True,
            )
        )
        spans = []
        for start, end, phrase in items:
            hit = best[phrase]
            if hit is None or hit.score < SEMANTIC_SPAN_MIN or hit.target not in self.catalog.skills:
                continue
            info = self.catalog.skills[hit.target]
            spans.append(Span(start, end, phrase, info.id, info.name, info.kind, round(hit.score * 0.9, 2)))
        return spans

    @staticmethod
    def _rejected(tokens: list[tuple[int, int, str]], position: int, width: int, key: str) -> bool:
        """A verb form ("currently interviewing") or words inside an organisation's name."""
        if width == 1:
            return key.endswith("ing") and position > 0 and tokens[position - 1][2].lower() in _BE_BEFORE
        return _inside_a_name(tokens, position, width)

    def _longest(
        self, text: str, tokens: list[tuple[int, int, str]], position: int
    ) -> tuple[int, str] | None:
        limit = min(self.catalog.max_tokens + 2, len(tokens) - position)
        key = tokens[position][2].lower()
        best: tuple[int, str] | None = None
        for width in range(1, limit + 1):
            if width > 1:
                previous, current = tokens[position + width - 2], tokens[position + width - 1]
                gap = text[previous[1] : current[0]]
                if not gap:
                    key += current[2].lower()  # camel case: "Java" + "Script"
                elif _JOINER.match(gap):
                    key += " " + current[2].lower()
                else:
                    break
                if best is not None and current[2].lower() in _SKILL_WORDS and gap:
                    # "time management skills": mark the skill, not the word "skills", unless
                    # that word is part of the node's own name ("interpersonal skills").
                    own = self.catalog.ids_for(key)
                    if not own or self.catalog.name_keys[own[0]] != key:
                        break
            ids = self.catalog.ids_for(key) or self.catalog.ids_for(_singular(key))
            if ids:
                best = (width, ids[0])
        return best

    def _plausible(
        self, text: str, tokens: list[tuple[int, int, str]], at: int, span: Span, ctx: _Context
    ) -> bool:
        """An everyday word counts only as a capitalised name among other technologies.

        O*NET skill and knowledge names ("Design", "Mathematics") need less: capitalised in the
        middle of a sentence, or followed by "skills" or "knowledge".
        """
        word = tokens[at][2]
        before = tokens[at - 1][2].lower() if at > 0 else ""
        after = tokens[at + 1][2].lower() if at + 1 < len(tokens) else ""
        if span.kind in {"skill", "knowledge", "concept"} and after in _SKILL_WORDS:
            return True
        if not word[0].isupper() or before in _VERB_BEFORE or after in _PROSE_AFTER:
            return False
        start, end = span.start, span.end
        if text[end : end + 1] in {"-", "'", "&"} or text[max(0, start - 1) : start] in {"-", "'"}:
            return False  # "C-suite", "R&D", "Go-to"
        sentence_start, sentence_end = ctx.sentence_around(start)
        if not text[sentence_start:start].strip():
            return False  # sentence-initial: most likely a verb or an ordinary capitalised word
        if span.kind in {"skill", "knowledge", "concept"}:
            return True
        return (
            any(
                self.catalog.skills[s.skill_id].category in _TECH_CATEGORIES
                for s in ctx.found_between(sentence_start, sentence_end)
            )
            or any(
                c is not span and _listed(text, span, c)
                for c in ctx.candidates_between(sentence_start, sentence_end)
            )
            or any(w in text[sentence_start:sentence_end].lower() for w in _LIST_WORDS)
        )


class _Context:
    """Sentence bounds and spans of one text, looked up by position in O(log n)."""

    def __init__(self, text: str, found: list[Span], candidates: list[Span]) -> None:
        self._length = len(text)
        marks = list(_SENTENCE_END.finditer(text))
        self._ends = [m.end() for m in marks]
        self._stops = [m.start() for m in marks]
        self._found = sorted(found, key=lambda s: s.start)
        self._found_starts = [s.start for s in self._found]
        self._candidates = candidates
        self._candidate_starts = [c.start for c in candidates]

    def sentence_around(self, position: int) -> tuple[int, int]:
        """Start and end offsets of the sentence holding `position`."""
        before = bisect_right(self._ends, position)
        start = self._ends[before - 1] if before else 0
        after = bisect_left(self._stops, position)
        end = self._stops[after] if after < len(self._stops) else self._length
        return start, end

    def found_between(self, start: int, end: int) -> list[Span]:
        """Accepted spans starting in [start, end)."""
        return self._found[bisect_left(self._found_starts, start) : bisect_left(self._found_starts, end)]

    def candidates_between(self, start: int, end: int) -> list[Span]:
        """Guarded candidates starting in [start, end)."""
        return self._candidates[
            bisect_left(self._candidate_starts, start) : bisect_left(self._candidate_starts, end)
        ]


def _listed(text: str, one: Span, other: Span) -> bool:
    """True when two names stand in one list: only a comma or slash list lies between them."""
    first, second = (one, other) if one.start < other.start else (other, one)
    between = text[first.end : second.start]
    return len(between) <= 40 and bool(re.search(r"[,/]", between))


def _title_case(token: str) -> bool:
    return token[:1].isupper() and token[1:].islower()


def _inside_a_name(tokens: list[tuple[int, int, str]], position: int, width: int) -> bool:
    """True when Title Case words sit inside a longer name: an organisation or a heading.

    "ChanceLight Behavioral Health" and "Front Desk Operations" name things, not skills.
    """
    words = [t[2] for t in tokens[position : position + width]]
    if not all(_title_case(w) for w in words):
        return False
    after = tokens[position + width][2] if position + width < len(tokens) else ""
    if after in _NAME_ENDINGS:
        return True
    if position == 0:
        return False
    before, first = tokens[position - 1], tokens[position]
    # The word before belongs to the same name when only a space separates them and it looks
    # like a brand: camel case ("ChanceLight") or all capitals.
    brand = not _title_case(before[2]) or (position > 1 and tokens[position - 2][1] == before[0])
    return first[0] - before[1] == 1 and before[2][:1].isupper() and brand


def _singular(key: str) -> str:
    """The key with its last word in the singular ("continuous improvements")."""
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return key


def _confidence(width: int, surface: str) -> float:
    # Longer names and names written as such (capitals, symbols) are less likely to be accidents.
    base = 0.8 if width == 1 else 0.9
    if any(c.isupper() for c in surface) or any(c in surface for c in "+#."):
        base += 0.05
    return round(min(base, 0.95), 2)
