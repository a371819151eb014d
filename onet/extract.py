"""Finding skills in free text: exact character spans, longest match first, with guards for English words."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from onet.catalog import Catalog
from onet.ontology import DATA_DIR, alias_key

AMBIGUOUS_FILE = DATA_DIR / "ambiguous.txt"

# Word tokens: letters and digits, keeping + and # for C++ and C#.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*")
# What may sit between the tokens of one multi-word name ("Node.js", "CI/CD", "scikit-learn").
_JOINER = re.compile(r"^(?: ?[-./&]? ?| )$")
_SENTENCE_END = re.compile(r"[.!?;:]\s|\n")
_TECH_CATEGORIES = {"language", "framework", "database", "tool", "cloud"}
# After these words an ambiguous word is a verb or plain prose ("to excel", "will lead").
_VERB_BEFORE = {"to", "will", "can", "you", "we", "who", "and", "would", "should", "must", "may", "help", "i"}
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
}


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

    def __init__(self, catalog: Catalog, ambiguous: frozenset[str] | None = None) -> None:
        self.catalog = catalog
        self.ambiguous = load_ambiguous() if ambiguous is None else ambiguous

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
            if width == 1 and (info.english_word or alias_key(surface) in self.ambiguous):
                guarded.append((span, position))
            else:
                spans.append(span)
            position += width
        spans.extend(span for span, at in guarded if self._plausible(text, tokens, at, spans))
        return sorted(spans, key=lambda s: s.start)

    def _longest(
        self, text: str, tokens: list[tuple[int, int, str]], position: int
    ) -> tuple[int, str] | None:
        limit = min(self.catalog.max_tokens, len(tokens) - position)
        words = [tokens[position][2].lower()]
        best: tuple[int, str] | None = None
        for width in range(1, limit + 1):
            if width > 1:
                gap = text[tokens[position + width - 2][1] : tokens[position + width - 1][0]]
                if not _JOINER.match(gap):
                    break
                words.append(tokens[position + width - 1][2].lower())
            ids = self.catalog.ids_for(" ".join(words))
            if ids:
                best = (width, ids[0])
        return best

    def _plausible(self, text: str, tokens: list[tuple[int, int, str]], at: int, found: list[Span]) -> bool:
        """An English-looking word counts only as a capitalised name among other technologies."""
        word = tokens[at][2]
        if not word[0].isupper():
            return False
        before = tokens[at - 1][2].lower() if at > 0 else ""
        after = tokens[at + 1][2].lower() if at + 1 < len(tokens) else ""
        if before in _VERB_BEFORE or after in _PROSE_AFTER:
            return False
        start, end = tokens[at][0], tokens[at][1]
        if text[end : end + 1] in {"-", "'", "&"} or text[max(0, start - 1) : start] in {"-", "'"}:
            return False  # "C-suite", "R&D", "Go-to"
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
        if not text[sentence_start:start].strip():
            return False  # sentence-initial: most likely a verb or an ordinary capitalised word
        next_end = _SENTENCE_END.search(text, end)
        sentence_end = next_end.start() if next_end else len(text)
        return any(
            sentence_start <= s.start < sentence_end
            and self.catalog.skills[s.skill_id].category in _TECH_CATEGORIES
            for s in found
        )


def _confidence(width: int, surface: str) -> float:
    # Longer names and names written as such (capitals, symbols) are less likely to be accidents.
    base = 0.8 if width == 1 else 0.9
    if any(c.isupper() for c in surface) or any(c in surface for c in "+#."):
        base += 0.05
    return round(min(base, 0.95), 2)
