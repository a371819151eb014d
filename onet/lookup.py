"""Looking skills and occupations up: normalize mentions, search occupations, an occupation's profile."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from onet import index as semantic_index
from onet.catalog import Catalog, KnowledgeBaseMissing, load_catalog
from onet.ontology import alias_key, without_version
from persistence.onet_models import (
    OnetElement,
    OnetOccupation,
    OnetRating,
    OnetRelated,
    OnetTask,
    OnetTechnology,
    OnetTitle,
)

FUZZY_MIN = 90.0
SEMANTIC_MIN = 0.6
# Below this a nearest occupation title is noise: "Austin" comes closest to the abbreviation "MC"
# (Disc Jockeys) at 0.49, while real titles, fields and descriptions score 0.69 and more.
OCCUPATION_SEMANTIC_MIN = 0.55
_METHOD_SCORE = {"exact": 1.0, "alias": 0.95}


@dataclass(frozen=True)
class Candidate:
    """One possible node for a mention, with the method that found it and a 0-1 score."""

    skill_id: str
    name: str
    kind: str
    category: str
    score: float
    method: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


class KnowledgeBase:
    """The imported O*NET knowledge base: the catalogue in memory, the index on disk, SQL for profiles."""

    def __init__(self, catalog: Catalog, data_dir: Path) -> None:
        self.catalog = catalog
        folder = semantic_index.index_dir(data_dir, catalog.fingerprint)
        self._index = (
            semantic_index.SemanticIndex(folder)
            if semantic_index.exists(data_dir, catalog.fingerprint)
            else None
        )
        self._fuzzy_keys = list(catalog.by_key)

    @classmethod
    def load(cls, session: Session, data_dir: Path) -> KnowledgeBase:
        """Load the current release; KnowledgeBaseMissing when nothing was imported."""
        return cls(load_catalog(session), data_dir)

    @property
    def index(self) -> semantic_index.SemanticIndex:
        """The semantic index; KnowledgeBaseMissing when it was never built on this machine."""
        if self._index is None:
            raise KnowledgeBaseMissing("the semantic index is missing: run `jobmate onet import`")
        return self._index

    def _candidate(self, skill_id: str, score: float, method: str) -> Candidate:
        info = self.catalog.skills[skill_id]
        return Candidate(skill_id, info.name, info.kind, info.category, round(score, 4), method)

    def lexical(self, mention: str) -> list[Candidate]:
        """Exact-name and alias matches of one mention (also without a version suffix)."""
        key = alias_key(mention)
        for candidate_key in dict.fromkeys((key, without_version(key))):
            found = []
            for rank, skill_id in enumerate(self.catalog.ids_for(candidate_key)[:5]):
                method = "exact" if self.catalog.name_keys[skill_id] == candidate_key else "alias"
                # Later candidates of the same key rank a little lower, in catalogue order.
                found.append(self._candidate(skill_id, _METHOD_SCORE[method] - 0.01 * rank, method))
            if found:
                return found
        return []

    def normalize(
        self, mentions: list[str], *, limit: int = 3, semantic: bool = True
    ) -> list[list[Candidate]]:
        """Ranked candidates per mention: exact, alias, fuzzy, then semantic for what is left."""
        results: list[list[Candidate]] = []
        unresolved: list[int] = []
        for position, mention in enumerate(mentions):
            found = self.lexical(mention) if mention.strip() else []
            if not found and mention.strip():
                found = self._fuzzy(mention, limit)
            results.append(found[:limit])
            if not found and mention.strip():
                unresolved.append(position)
        if semantic and unresolved and self._index is not None:
            hits = self._index.search(semantic_index.SKILLS, [mentions[i] for i in unresolved], k=limit)
            for position, mention_hits in zip(unresolved, hits, strict=True):
                results[position] = [
                    self._candidate(h.target, h.score, "semantic")
                    for h in mention_hits
                    if h.score >= SEMANTIC_MIN and h.target in self.catalog.skills
                ][:limit]
        return results

    def _fuzzy(self, mention: str, limit: int) -> list[Candidate]:
        key = alias_key(mention)
        if len(key) < 5:  # short strings are too easy to mistake for one another
            return []
        matches = process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, limit=limit, score_cutoff=FUZZY_MIN
        )
        seen: dict[str, Candidate] = {}
        for matched_key, score, _ in matches:
            for skill_id in self.catalog.ids_for(matched_key)[:1]:
                seen.setdefault(skill_id, self._candidate(skill_id, score / 100 * 0.9, "fuzzy"))
        return list(seen.values())

    def search_occupations(self, session: Session, text: str, *, limit: int = 5) -> list[dict[str, Any]]:
        """O*NET occupations for a job title or description, best first, with the title that matched."""
        if not text.strip():
            return []
        key = alias_key(text)
        scores: dict[str, tuple[float, str]] = {}
        exact = [
            *session.execute(
                select(OnetOccupation.code, OnetOccupation.title).where(
                    OnetOccupation.title.ilike(text.strip())
                )
            ).all(),
            *session.execute(
                select(OnetTitle.code, OnetTitle.title).where(OnetTitle.title.ilike(text.strip()))
            ).all(),
        ]
        for code, title in exact:
            if alias_key(title) == key:
                scores[code] = max(scores.get(code, (0.0, "")), (1.0, title))
        for hit in self.index.search(semantic_index.OCCUPATIONS, [text[:2000]], k=limit * 4)[0]:
            if hit.score < OCCUPATION_SEMANTIC_MIN:
                continue
            for code in hit.target.split("|"):
                if hit.score > scores.get(code, (0.0, ""))[0]:
                    scores[code] = (hit.score, hit.text)
        ranked = sorted(scores.items(), key=lambda item: -item[1][0])[:limit]
        query = select(OnetOccupation.code, OnetOccupation.title).where(
            OnetOccupation.code.in_([code for code, _ in ranked])
        )
        titles = {code: title for code, title in session.execute(query)}
        return [
            {"code": code, "title": titles.get(code, ""), "score": round(score, 4), "matched": matched}
            for code, (score, matched) in ranked
        ]


def occupation_profile(session: Session, code: str) -> dict[str, Any]:
    """Everything O*NET says about one occupation that Jobmate uses; KeyError for an unknown code."""
    occupation = session.get(OnetOccupation, code)
    if occupation is None:
        raise KeyError(f"no O*NET occupation {code!r}: search with `jobmate occupations search`")
    ratings = session.execute(
        select(
            OnetRating.domain,
            OnetRating.element_id,
            OnetElement.name,
            OnetRating.importance,
            OnetRating.level,
        )
        .join(OnetElement, OnetElement.element_id == OnetRating.element_id)
        .where(OnetRating.code == code)
        .order_by(OnetRating.importance.desc().nulls_last())
    ).all()
    technologies = session.execute(
        select(OnetTechnology.skill_id, OnetTechnology.example, OnetTechnology.hot, OnetTechnology.in_demand)
        .where(OnetTechnology.code == code)
        .order_by(OnetTechnology.in_demand.desc(), OnetTechnology.hot.desc(), OnetTechnology.example)
    ).all()
    related = session.execute(
        select(OnetRelated.related_code, OnetOccupation.title)
        .join(OnetOccupation, OnetOccupation.code == OnetRelated.related_code)
        .where(OnetRelated.code == code)
        .order_by(OnetRelated.rank)
    ).all()
    tasks = session.scalars(
        select(OnetTask.task).where(OnetTask.code == code).order_by(OnetTask.task_type, OnetTask.task_id)
    ).all()

    def rated(domain: str) -> list[dict[str, Any]]:
        return [
            {
                "skill_id": f"onet:{element}",
                "name": name,
                "importance": float(importance) if importance is not None else None,
                "level": float(level) if level is not None else None,
            }
            for d, element, name, importance, level in ratings
            if d == domain
        ]

    return {
        "code": occupation.code,
        "title": occupation.title,
        "description": occupation.description,
        "job_zone": occupation.job_zone,
        "skills": rated("skills"),
        "knowledge": rated("knowledge"),
        "abilities": rated("abilities"),
        "technologies": [
            {"skill_id": skill_id, "name": example, "hot": hot, "in_demand": in_demand}
            for skill_id, example, hot, in_demand in technologies
        ],
        "tasks": list(tasks),
        "related": [{"code": c, "title": t} for c, t in related],
    }
