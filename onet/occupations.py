"""O*NET occupations for scoring: skill importance and level per occupation, and job titles to codes."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from onet.ontology import alias_key

# Words that say how senior a job is, not what it is: "Senior Data Engineer II" is a data engineer.
_RANK_WORDS = frozenset(
    {
        "senior",
        "sr",
        "junior",
        "jr",
        "lead",
        "principal",
        "staff",
        "chief",
        "head",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "entry",
        "level",
        "mid",
        "experienced",
        "trainee",
        "intern",
        "internship",
        "apprentice",
        "associate",
        "assistant",
        "part",
        "time",
        "full",
        "temporary",
        "temp",
        "contract",
        "remote",
        "hybrid",
        "onsite",
        "on",
        "site",
        "urgent",
        "hiring",
        "immediate",
        "needed",
    }
)  # fmt: skip
# Suffixes that carry the place or the shift, not the job: "Nurse - Night Shift (Austin, TX)".
_TITLE_TAIL = re.compile(r"\s+(?:-|\u2013|\u2014|\||/ ?remote|@)\s+.*$|\(.*?\)|\[.*?\]")
_NUMBERS = re.compile(r"\b\d+\b")
# How close two occupations are, by how much of the SOC code they share or by O*NET's own relations.
SAME, SAME_DETAILED, SAME_BROAD, RELATED, SAME_MINOR, SAME_MAJOR = 1.0, 0.9, 0.8, 0.7, 0.5, 0.25
# An occupation "uses" a skill it lists as a technology or rates at least this important (1-5).
USES = 3.0
UNLISTED_USERS = 30


@dataclass
class Occupation:
    """What scoring needs about one occupation."""

    code: str
    title: str
    job_zone: int | None
    # onet:<element> -> importance on O*NET's 1-5 scale and level on its 0-7 scale.
    importance: dict[str, float] = field(default_factory=dict)
    level: dict[str, float] = field(default_factory=dict)
    # Technology node -> True when O*NET marks it hot or in demand for this occupation.
    technologies: dict[str, bool] = field(default_factory=dict)
    related: tuple[str, ...] = ()
    # Set when O*NET rates no skills for this occupation and a related one's ratings stand in.
    ratings_from: str | None = None


@dataclass(frozen=True)
class TitleMatch:
    """An occupation for a job title, with how well and through which O*NET title it matched."""

    code: str
    title: str
    score: float
    matched: str


def title_key(title: str) -> str:
    """A job title reduced to what the job is: no place, shift, rank words or numbers."""
    cut = _TITLE_TAIL.sub(" ", title)
    words = [w for w in alias_key(_NUMBERS.sub(" ", cut)).split() if w not in _RANK_WORDS]
    return " ".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    # O*NET names occupations in the plural ("Registered Nurses"), postings in the singular.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class OccupationTable:
    """All occupations, and a lexical index of their titles for matching job titles."""

    def __init__(self, occupations: dict[str, Occupation], titles: Iterable[tuple[str, str]]) -> None:
        self.occupations = occupations
        self._profiles: tuple[dict[str, int], np.ndarray] | None = None
        self._users: dict[str, int] | None = None
        self._primary = {title_key(o.title): code for code, o in occupations.items()}
        self._exact: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._keys: list[tuple[str, str, tuple[str, ...]]] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        for code, title in sorted(set(titles)):
            key = title_key(title)
            if not key or code not in occupations:
                continue
            self._exact[key].append((code, title))
            words = tuple(dict.fromkeys(key.split()))
            for word in words:
                self._postings[word].append(len(self._keys))
            self._keys.append((code, title, words))
        document_count = max(1, len(self._keys))
        self._idf = {w: math.log(document_count / len(ids)) + 1.0 for w, ids in self._postings.items()}

    def get(self, code: str) -> Occupation | None:
        """One occupation by code."""
        return self.occupations.get(code)

    def match_title(self, title: str, *, limit: int = 5) -> list[TitleMatch]:
        """Occupations whose O*NET titles best match a job title, best first; empty when nothing does."""
        key = title_key(title)
        if not key:
            return []
        scores: dict[str, tuple[float, str]] = {}
        exact = self._exact.get(key, [])
        if key in self._primary:
            code = self._primary[key]
            scores[code] = (1.0, self.occupations[code].title)
        for code, matched in exact:
            # Several occupations sharing one exact title split the certainty between them.
            votes = sum(1 for c, _ in exact if c == code) / len(exact)
            score = round(0.75 + 0.25 * votes, 4)
            if score > scores.get(code, (0.0, ""))[0]:
                scores[code] = (score, matched)
        words = list(dict.fromkeys(key.split()))
        query_weight = sum(self._idf.get(w, 0.0) ** 2 for w in words) or 1.0
        overlap: Counter[int] = Counter()
        for word in words:
            for index in self._postings.get(word, []):
                overlap[index] += 1
        for index, _shared in overlap.most_common(400):
            code, matched, title_words = self._keys[index]
            shared = sum(self._idf[w] ** 2 for w in title_words if w in words)
            other = sum(self._idf[w] ** 2 for w in title_words)
            # Cosine of idf-weighted word sets, scaled below an exact match.
            score = round(0.7 * shared / math.sqrt(query_weight * other), 4)
            if score > scores.get(code, (0.0, ""))[0]:
                scores[code] = (score, matched)
        ranked = sorted(scores.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
        return [
            TitleMatch(code, self.occupations[code].title, score, matched)
            for code, (score, matched) in ranked
            if score >= 0.3
        ]

    def best_for(self, title: str, skill_ids: list[str]) -> TitleMatch | None:
        """The occupation of a job title, ties and near-ties settled by how many of the skills it uses.

        "Teacher" is an O*NET title of many occupations; the skills around it say which one.
        """
        candidates = self.match_title(title, limit=8) if title.strip() else []
        unique = list(dict.fromkeys(skill_ids))
        if not candidates or not unique:
            return candidates[0] if candidates else None

        def used(code: str) -> float:
            occupation = self.occupations[code]
            hits = sum(
                1 for s in unique if s in occupation.technologies or occupation.importance.get(s, 0.0) >= USES
            )
            return hits / len(unique)

        return max(
            candidates, key=lambda c: (round(0.75 * c.score + 0.25 * used(c.code), 4), c.score, c.code)
        )

    def specificity(self, skill_id: str) -> float:
        """How telling a skill is of a line of work: ln((N + 1) / (1 + occupations that use it)).

        Microsoft Office is used by hundreds of occupations and says little; payroll accounting
        software by a handful, and says a lot. Skills no occupation lists count as used by 30.
        """
        if self._users is None:
            users: Counter[str] = Counter()
            for occupation in self.occupations.values():
                users.update(occupation.technologies)
                users.update(e for e, rating in occupation.importance.items() if rating >= USES)
            self._users = dict(users)
        return math.log((len(self.occupations) + 1) / (1 + self._users.get(skill_id, UNLISTED_USERS)))

    def similarity(self, one: str, other: str) -> float:
        """How alike two occupations' O*NET skill and knowledge profiles are, from 0 to 1."""
        if self._profiles is None:
            self._profiles = _profile_vectors(self.occupations)
        rows, matrix = self._profiles
        if one not in rows or other not in rows:
            return 0.0
        return max(0.0, float(matrix[rows[one]] @ matrix[rows[other]]))

    def closeness(self, one: str, other: str) -> float:
        """How close two occupations are, from 0 (unrelated) to 1 (the same)."""
        first, second = self.occupations.get(one), self.occupations.get(other)
        related = bool((first and other in first.related) or (second and one in second.related))
        # SOC codes nest: "15-1252.01" is in detailed 15-1252, broad 15-125, minor 15-1, major 15.
        steps = (
            (one == other, SAME),
            (one[:7] == other[:7], SAME_DETAILED),
            (one[:6] == other[:6], SAME_BROAD),
            (related, RELATED),
            (one[:4] == other[:4], SAME_MINOR),
            (one[:2] == other[:2], SAME_MAJOR),
        )
        return next((value for holds, value in steps if holds), 0.0)


def build_occupations(tables: Mapping[str, Iterable[tuple[Any, ...]]]) -> OccupationTable:
    """The table from O*NET rows in the column order of our tables (see `onet.importer`)."""
    occupations = {
        code: Occupation(code=code, title=title, job_zone=zone)
        for code, title, _description, zone in tables["onet_occupations"]
    }
    for code, element, domain, importance, level, not_relevant in tables["onet_ratings"]:
        occupation = occupations.get(code)
        if occupation is None or domain not in {"skills", "knowledge"}:
            continue
        skill_id = f"onet:{element}"
        if importance is not None:
            occupation.importance[skill_id] = float(importance)
        if level is not None and not not_relevant:
            occupation.level[skill_id] = float(level)
    for code, skill_id, _example, _cc, _ct, hot, in_demand in tables["onet_technologies"]:
        if code in occupations:
            known = occupations[code].technologies
            known[skill_id] = known.get(skill_id, False) or hot or in_demand
    related: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for code, other, _tier, rank in tables["onet_related"]:
        related[code].append((int(rank), other))
    for code, others in related.items():
        if code in occupations:
            occupations[code].related = tuple(other for _rank, other in sorted(others))
    _borrow_ratings(occupations)
    titles = [(code, title) for code, title, *_rest in tables["onet_occupations"]]
    titles += [(code, title) for code, title, _kind in tables["onet_titles"]]
    return OccupationTable(occupations, titles)


def _borrow_ratings(occupations: dict[str, Occupation]) -> None:
    # 137 occupations (Software Developers among them) have no skill ratings in O*NET 29.2; the
    # closest related occupation that has them stands in, and says so.
    for occupation in occupations.values():
        if occupation.importance:
            continue
        for other in occupation.related:
            donor = occupations.get(other)
            if donor is not None and donor.importance and donor.ratings_from is None:
                occupation.importance = dict(donor.importance)
                occupation.level = dict(donor.level)
                occupation.ratings_from = donor.code
                break


def _profile_vectors(occupations: dict[str, Occupation]) -> tuple[dict[str, int], np.ndarray]:
    """Unit vectors of importance ratings, centred on the mean occupation so shared basics cancel out."""
    codes = sorted(occupations)
    elements = sorted({e for o in occupations.values() for e in o.importance})
    matrix = np.array([[occupations[c].importance.get(e, 0.0) for e in elements] for c in codes])
    rated = matrix.sum(axis=1) > 0
    if rated.any():
        matrix[rated] -= matrix[rated].mean(axis=0)
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    return {c: i for i, c in enumerate(codes)}, matrix / norms[:, None]
