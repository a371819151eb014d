"""Finding skills in free text: exact character spans, longest match first, with guards for English words."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from onet import claims
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
_JOINER_RUN = re.compile(r"[\s\-./]+")
_SENTENCE_END = re.compile(r"[.!?;:]\s|\n")
_TECH_CATEGORIES = {"language", "framework", "database", "tool", "cloud"}
# After these words an ambiguous word is a verb or plain prose ("to excel", "will lead").
_VERB_BEFORE = {"to", "will", "can", "you", "we", "who", "would", "should", "must", "may", "help", "i"}
_SKILL_WORDS = {"skills", "skill", "knowledge", "ability", "abilities", "experience", "proficiency"}
# Nouns after which an element's name only qualifies them ("Administrative rights").
_QUALIFIED = {"position", "positions", "role", "roles", "rights", "privileges", "staff", "department"}
# Element names that, written alone, name a field of study ("Bachelor of Science", "Political
# Science"), not the element (Science: using scientific methods); they need "skills" after them.
_FIELD_NAMES = {"science"}
_LIST_WORDS = {"software", "programs", "tools", "applications", "proficient", "proficiency", "languages"}
# "Veterans Benefit Administration (VBA)": capitalised words and the acronym they define.
_DEFINITION = re.compile(r"((?:[A-Z][A-Za-z]*[ -]+(?:(?:of|and|for|the|&) )?){2,8})\(([A-Z]{2,6})\)")
_PROSE_AFTER = {
    "in", "at", "as", "with", "under", "when", "through", "to", "the", "a", "an", "our", "your",
    "by", "document", "documents", "file", "files", "format",
}  # fmt: skip


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
        self._everyday_words = catalog.english_keys | self.ambiguous
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
            if self._rejected(text, tokens, position, width, span):
                pass
            elif width == 1 and self._everyday(key, info.kind):
                guarded.append((span, position))
            else:
                spans.append(span)
            position += width
        ctx = _Context(text, spans, [span for span, _at in guarded])
        spans.extend(span for span, at in guarded if self._plausible(text, tokens, at, span, ctx))
        spans = self._without_other_acronyms(text, spans)
        if self.index is not None:
            spans.extend(self._semantic(text, spans))
        return sorted(spans, key=lambda s: s.start)

    def _everyday(self, key: str, kind: str) -> bool:
        """An everyday word that needs context to be a skill ("Word"), or the plural of one.

        The plural of a product's name is no product ("Words", "Chefs"); that of an element's
        name still names it ("designs"), unless it names fields of study ("Sciences").
        """
        if key in self._everyday_words:
            return True
        singular = _singular(key)
        return (
            not self.catalog.ids_for(key)
            and singular in self._everyday_words
            and (kind == "technology" or singular in _FIELD_NAMES)
        )

    def _without_other_acronyms(self, text: str, spans: list[Span]) -> list[Span]:
        """Spans minus acronyms the text itself defines as something else than their node.

        "Veterans Benefit Administration (VBA)" makes every "VBA" of that resume no Visual Basic
        for Applications; "Customer Relationship Management (CRM)" keeps "CRM".
        """
        defined: dict[str, set[str]] = {}
        for match in _DEFINITION.finditer(text):
            acronym = match.group(2)
            words = re.findall(r"[A-Za-z&]+", match.group(1))
            for first in range(len(words) - 1):
                capitals = [w for w in words[first:] if w[0].isupper()]
                if words[first][0].isupper() and "".join(w[0] for w in capitals) == acronym:
                    defined.setdefault(acronym, set()).add(alias_key(" ".join(words[first:])))
                    break
        if not defined:
            return spans

        def other_meaning(span: Span) -> bool:
            meanings = defined.get(span.text)
            name = self.catalog.skills[span.skill_id].name
            if not meanings or claims.acronym(name) != span.text:
                return False
            long_form = alias_key(name[: name.rindex(span.text)])
            return not any(m in long_form or long_form in m for m in meanings)

        return [s for s in spans if not other_meaning(s)]

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

    def _rejected(
        self, text: str, tokens: list[tuple[int, int, str]], position: int, width: int, span: Span
    ) -> bool:
        """Words that look like a skill but are something else where they stand.

        Letters that only look like the node ("a P&L" is no A/P, "IDs" no IDS, "Chefs" no Chef)
        or a mention that is no claim: see `_no_claim`.
        """
        key = alias_key(span.text)
        name = self.catalog.skills[span.skill_id].name
        if re.fullmatch(r"[A-Z]{2,}s", span.text) and claims.acronym(name) == span.text.upper():
            return True  # the plural of an acronym: "IDs" (of ID) is no IDS
        if width > 1:
            words = tokens[position : position + width]
            gaps = [text[a[1] : b[0]] for a, b in itertools.pairwise(words)]
            letters = all(len(w[2]) == 1 for w in words) and all(not g.strip() for g in gaps)
        else:
            # The plural of an everyday word taken for a product: "Chefs", "Words", "routes".
            letters = (
                span.kind == "technology" and not self.catalog.ids_for(key) and self._everyday(key, span.kind)
            )
        return letters or claims.no_claim(text, tokens, position, width, span, key=key)

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
                if gap and not _JOINER.match(gap):
                    break
                # The key of the words as written, as `alias_key` folds them: camel case joins
                # ("JavaScript"), other joiners become a space, "&" stays ("GD&T").
                joiner = gap if gap in {"", " "} else _JOINER_RUN.sub(" ", gap)
                key += joiner + current[2].lower()
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
        middle of a sentence, followed by "skills" or "knowledge", or listed next to a skill
        found by its full name ("prospecting, selling, negotiation").
        """
        word = tokens[at][2]
        before = tokens[at - 1][2].lower() if at > 0 else ""
        after = claims.word_at(text, tokens[at + 1][0]) if at + 1 < len(tokens) else ""
        element = span.kind in {"skill", "knowledge", "concept"}
        if element and after in _SKILL_WORDS and "\n" not in text[span.end : tokens[at + 1][0]]:
            return True
        if _singular(alias_key(word)) in _FIELD_NAMES or claims.glued(text, tokens, at):
            return False
        start, end = span.start, span.end
        info = self.catalog.skills[span.skill_id]
        acronym_as_word = claims.acronym(info.name) == word.upper() != word  # "Calm", "Apps", "Epic"
        # A list item next to skills found by their full names: "selling, negotiation, and
        # closing", or a line of its own in a list of lines (lists run across lines).
        near = [
            f
            for f in ctx.found_between(start - 60, end + 60)
            if element or self.catalog.skills[f.skill_id].category in _TECH_CATEGORIES
        ]
        if (
            (word[0].isupper() or (element and alias_key(word) not in self.ambiguous))
            and not acronym_as_word
            and claims.list_item(text, span)
            and any(claims.listed(text, span, f) for f in near)
        ):
            return True
        sentence_start, _sentence_end = ctx.sentence_around(start)
        blocked = (
            not word[0].isupper()
            or before in _VERB_BEFORE
            or after in _PROSE_AFTER
            or (element and after in _QUALIFIED)
            or (len(word) == 1 and claims.initial(text, tokens, at))
            or text[end : end + 1] in {"-", "'", "&"}  # "C-suite", "R&D", "Go-to"
            or text[max(0, start - 1) : start] in {"-", "'"}
            # Sentence-initial: most likely a verb or an ordinary capitalised word.
            or not text[sentence_start:start].strip()
        )
        if blocked or acronym_as_word:
            return False
        return element or self._among_technologies(text, span, word, after, ctx)

    def _among_technologies(self, text: str, span: Span, word: str, after: str, ctx: _Context) -> bool:
        """True when a capitalised everyday word stands in a sentence or list of technologies."""
        sentence_start, sentence_end = ctx.sentence_around(span.start)
        found = ctx.found_between(sentence_start, sentence_end)
        tech = [s for s in found if self.catalog.skills[s.skill_id].category in _TECH_CATEGORIES]
        listed = any(
            c.skill_id != span.skill_id and claims.listed(text, span, c)
            for c in [*tech, *ctx.candidates_between(sentence_start, sentence_end)]
        )
        sentence = text[sentence_start:sentence_end].lower()
        if len(word) == 1:  # a letter ("C", "R") needs a list of technologies or "language"
            return listed or after in {"language", "programming"} or any(w in sentence for w in _LIST_WORDS)
        hot = self.catalog.skills[span.skill_id].hot
        return (
            bool(tech)
            or listed
            or any(w in sentence for w in _LIST_WORDS)
            # A well-known product among listed skills ("Contracts, Excel, Policies, Quality").
            or (hot and len(word) > 3 and sum(claims.listed(text, span, f) for f in found) >= 2)
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
