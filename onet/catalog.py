"""The skill catalogue in memory: nodes and every alias key, loaded once from the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onet.ontology import alias_key
from persistence.onet_models import OnetRelease, Skill, SkillAlias

# When one key names several nodes, reviewed aliases beat names, names beat generated forms.
_SOURCE_RANK = {"reviewed": 0, "name": 1, "generated": 2}


class KnowledgeBaseMissing(RuntimeError):
    """No O*NET release has been imported yet."""


@dataclass(frozen=True)
class SkillInfo:
    """What lookups need to know about one node."""

    id: str
    name: str
    kind: str
    category: str
    hot: bool
    in_demand: bool
    occupations: int
    english_word: bool


@dataclass
class Catalog:
    """Nodes by id and, for each alias key, the node ids it names, best first."""

    release: str
    fingerprint: str
    skills: dict[str, SkillInfo]
    by_key: dict[str, list[str]]
    name_keys: dict[str, str] = field(default_factory=dict)
    english_keys: frozenset[str] = frozenset()
    max_tokens: int = 1

    def ids_for(self, key: str) -> list[str]:
        """Node ids whose name or alias has this key, best first."""
        return self.by_key.get(key, [])


def current_release(session: Session) -> OnetRelease | None:
    """The release the knowledge base holds now, if one was imported."""
    return session.scalars(select(OnetRelease).where(OnetRelease.is_current)).first()


def load_catalog(session: Session) -> Catalog:
    """Read the current release's nodes and aliases; KnowledgeBaseMissing if none was imported."""
    release = current_release(session)
    if release is None:
        raise KnowledgeBaseMissing("the O*NET knowledge base is not imported: run `jobmate onet import`")
    skill_rows = session.execute(
        select(Skill.id, Skill.name, Skill.kind, Skill.category, Skill.hot, Skill.in_demand, Skill.meta)
    )
    alias_rows = session.execute(select(SkillAlias.alias_key, SkillAlias.skill_id, SkillAlias.source))
    return build_catalog(
        release.version,
        release.fingerprint,
        [tuple(row) for row in skill_rows],
        [tuple(row) for row in alias_rows],
    )


def build_catalog(
    version: str,
    fingerprint: str,
    skill_rows: Iterable[tuple[Any, ...]],
    alias_rows: Iterable[tuple[Any, ...]],
) -> Catalog:
    """The catalogue from node and alias rows, the same whether read from the database or a release.

    Node rows are (id, name, kind, category, hot, in_demand, meta); alias rows (key, skill id, source).
    """
    skills: dict[str, SkillInfo] = {}
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    name_keys: dict[str, str] = {}
    for skill_id, name, kind, category, hot, in_demand, meta in skill_rows:
        info = SkillInfo(
            skill_id,
            name,
            kind,
            category,
            hot,
            in_demand,
            int(meta.get("occupations", 0)),
            bool(meta.get("english_word", False)),
        )
        skills[skill_id] = info
        key = alias_key(name)
        name_keys[skill_id] = key
        ranked.setdefault(key, []).append((_SOURCE_RANK["name"], -_popularity(info), skill_id))
    for key, skill_id, source in alias_rows:
        info = skills[skill_id]
        ranked.setdefault(key, []).append((_SOURCE_RANK.get(source, 2), -_popularity(info), skill_id))
    by_key: dict[str, list[str]] = {}
    for key, entries in sorted(ranked.items()):
        ordered: list[str] = []
        for _rank, _pop, skill_id in sorted(entries):
            if skill_id not in ordered:
                ordered.append(skill_id)
        by_key[key] = ordered
    longest = max((len(k.split()) for k in by_key), default=1)
    # One-word names that are everyday words ("Go", "Design") need context before they count.
    english = frozenset(name_keys[s.id] for s in skills.values() if s.english_word)
    return Catalog(
        release=version,
        fingerprint=fingerprint,
        skills=skills,
        by_key=by_key,
        name_keys=name_keys,
        english_keys=english,
        max_tokens=min(longest, 8),
    )


def _popularity(info: SkillInfo) -> int:
    # Concepts and O*NET elements first, then technologies by how many occupations use them.
    if info.kind != "technology":
        return 10_000
    return info.occupations + (500 if info.hot else 0) + (500 if info.in_demand else 0)
