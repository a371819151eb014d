"""What a person's message asks for: offline intent classification (MiniLM exemplars plus keyword rules)."""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from agent.embeddings import MiniLMEmbeddings, tokenizer_file
from agent.intent_examples import EXAMPLES, TEXT_INTENTS
from agent.intent_rules import KEYWORDS, RULES, SHORTHAND

# Below this cosine to every exemplar, a request no keyword rule recognises is not understood: on the
# phrasing table, requests the rules miss still come closer than this, chit-chat and noise do not.
MIN_SIMILARITY = 0.5
# Rule weights add up to at most this much, so several weak cues never outvote one strong one by much.
MAX_RULE_WEIGHT = 1.0

_WORD_ANY_CASE = re.compile(r"[A-Za-z][A-Za-z'\-]*")


@dataclass(frozen=True)
class IntentMatch:
    """The intent of one request and how sure the classifier is (embedding cosine plus rule weight)."""

    intent: str
    score: float
    similarity: float
    rule_weight: float


@cache
def _known_words() -> frozenset[str]:
    """Whole words of the MiniLM vocabulary: real words, which the typo pass must not "correct"."""
    with open(tokenizer_file(), encoding="utf-8") as handle:
        vocab = json.load(handle)["model"]["vocab"]
    return frozenset(word for word in vocab if word.isalpha())


def _corrected(word: str) -> str:
    if word in SHORTHAND:
        return SHORTHAND[word]
    if len(word) < 4 or "'" in word or word in KEYWORDS or word in _known_words():
        return word
    allowed = 1 if len(word) < 8 else 2
    best = process.extractOne(word, KEYWORDS, scorer=DamerauLevenshtein.distance, score_cutoff=allowed)
    return str(best[0]) if best else word


def _fixed(word: str) -> str:
    if len(word) <= 3 and not word.islower():
        return word  # "R", "C", "Go" are names, not shorthand
    lower = word.lower()
    corrected = _corrected(lower)
    return word if corrected == lower else corrected


def fix_typos(text: str) -> str:
    """The text with typos of the rules' keywords fixed ("remvoe" -> "remove"), everything else as written."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return _WORD_ANY_CASE.sub(lambda m: _fixed(m.group(0)), text)


def normalise(text: str) -> str:
    """Lower case, plain quotes, one space, and typos of the rules' keywords fixed."""
    return " ".join(fix_typos(text).lower().split())


_COMPILED_RULES = [(rule.intent, re.compile(rule.pattern), rule.weight) for rule in RULES]
# Quoted words are content ("add 'review my notes' to my tasks"), not part of the request's frame.
_QUOTED = re.compile(r"(?:(?<=^)|(?<=[\s:(]))['\"]([^'\"]{2,120})['\"](?=$|[\s,.;:!?)])")
# Politeness before a request ("can you please show...") hides where the request starts.
_POLITE = re.compile(
    r"^(?:(?:hey|so|ok(?:ay)?|and|also|please|pls|kindly|(?:can|could|would|will) you)\b[\s,!]*)+"
)


def rule_weights(normalised: str) -> dict[str, float]:
    """The summed weight of the keyword rules each intent matches (capped)."""
    weights: dict[str, float] = {}
    normalised = _QUOTED.sub("'something'", normalised)
    bare = _POLITE.sub("", normalised)
    for intent, pattern, weight in _COMPILED_RULES:
        if pattern.search(normalised) or (bare and bare != normalised and pattern.search(bare)):
            weights[intent] = min(MAX_RULE_WEIGHT, weights.get(intent, 0.0) + weight)
    return weights


class IntentClassifier:
    """Nearest exemplars by MiniLM cosine, plus keyword rules; the exemplar matrix loads once per process."""

    _lock: ClassVar[threading.Lock] = threading.Lock()
    _model: ClassVar[MiniLMEmbeddings | None] = None
    _matrix: ClassVar[np.ndarray | None] = None
    _labels: ClassVar[tuple[str, ...]] = ()
    _intents: ClassVar[tuple[str, ...]] = ()
    load_seconds: ClassVar[float | None] = None

    @classmethod
    def warm(cls) -> float:
        """Load the model and embed the exemplars (once); the seconds that took."""
        with cls._lock:
            if cls._matrix is None:
                started = time.perf_counter()
                _known_words()
                model = MiniLMEmbeddings()
                labels = tuple(intent for intent, phrases in EXAMPLES.items() for _ in phrases)
                phrases = [normalise(p) for ps in EXAMPLES.values() for p in ps]
                cls._matrix = model.embed_array(phrases)
                cls._model, cls._labels, cls._intents = model, labels, tuple(EXAMPLES)
                cls.load_seconds = time.perf_counter() - started
        return cls.load_seconds or 0.0

    @classmethod
    def similarities(cls, texts: list[str]) -> list[dict[str, float]]:
        """For each (normalised) text, each intent's best cosine to one of its exemplars."""
        cls.warm()
        assert cls._model is not None and cls._matrix is not None
        cosines = cls._model.embed_array(texts) @ cls._matrix.T
        labels = np.array(cls._labels)
        return [{intent: float(row[labels == intent].max()) for intent in cls._intents} for row in cosines]

    @classmethod
    def classify_many(cls, texts: list[str]) -> list[IntentMatch]:
        """The intent of each request text, in order (one batch through the model)."""
        normalised = [normalise(t) for t in texts]
        results = []
        for text, sims in zip(normalised, cls.similarities(normalised), strict=True):
            weights = rule_weights(text)
            totals = {intent: sims[intent] + weights.get(intent, 0.0) for intent in sims}
            best = max(totals, key=lambda intent: (totals[intent], sims[intent]))
            weight = weights.get(best, 0.0)
            if best in TEXT_INTENTS and best not in weights and sims[best] < MIN_SIMILARITY + 0.15:
                best = "out_of_scope"  # chit-chat must look like chit-chat, not merely unlike the rest
            elif not weight and sims[best] < MIN_SIMILARITY:
                best = "out_of_scope"
            elif weight < 1 and sims["out_of_scope"] >= 0.45 and sims["out_of_scope"] - sims[best] >= 0.2:
                best = "out_of_scope"  # a generic cue ("what's ...") in a question about something else
            results.append(IntentMatch(best, totals.get(best, 0.0), sims.get(best, 0.0), weight))
        return results


def classify(text: str) -> IntentMatch:
    """The intent of one request."""
    return IntentClassifier.classify_many([text])[0]
