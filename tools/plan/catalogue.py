"""The curated learning catalogue: resources per skill id, read from a TSV file kept in the repo."""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from persistence.models import LearningItem
from persistence.repositories.learning import upsert_learning_item

CATALOGUE_FILE = Path(__file__).parent / "data" / "learning.tsv"
KINDS = ("docs", "course", "tutorial", "book", "video", "practice")
DIFFICULTIES = ("beginner", "intermediate", "advanced")
COSTS = ("free", "free to audit", "paid")
MAX_HOURS = 200.0
# Costs in the order a learner on a budget wants them: what is free to finish comes first.
_COST_RANK = {cost: rank for rank, cost in enumerate(COSTS)}


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message names the file, the line and what is wrong."""


@dataclass(frozen=True)
class Resource:
    """One learning resource for one skill, as written in the catalogue."""

    skill_id: str
    title: str
    provider: str
    url: str
    kind: str
    difficulty: str
    hours: float
    cost: str
    description: str


COLUMNS = tuple(f.name for f in fields(Resource))


def load_catalogue(path: Path = CATALOGUE_FILE) -> dict[str, tuple[Resource, ...]]:
    """Resources by skill id, in file order; CatalogueError on the first bad line."""
    # Parsed once per resolved path (the planner asks on every report); the copy keeps a caller
    # that edits its dict from changing what the next caller gets.
    return dict(_load(path.resolve()))


@functools.cache
def _load(path: Path) -> dict[str, tuple[Resource, ...]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read the catalogue: {exc}") from exc
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise CatalogueError(f"{path}:1: the header must be the columns {', '.join(COLUMNS)}, tab-separated")
    by_skill: dict[str, list[Resource]] = {}
    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue  # a trailing blank line is an editor's habit, not a resource
        resource = _parse(path, number, line)
        key = (resource.skill_id, resource.url)
        if key in seen:
            raise CatalogueError(
                f"{path}:{number}: duplicate of line {seen[key]} (same skill {key[0]} and URL {key[1]})"
            )
        seen[key] = number
        by_skill.setdefault(resource.skill_id, []).append(resource)
    return {skill_id: tuple(items) for skill_id, items in by_skill.items()}


def _parse(path: Path, number: int, line: str) -> Resource:
    values = [value.strip() for value in line.split("\t")]
    where = f"{path}:{number}"
    if len(values) != len(COLUMNS):
        raise CatalogueError(f"{where}: expected {len(COLUMNS)} tab-separated columns, found {len(values)}")
    row = dict(zip(COLUMNS, values, strict=True))
    for column in ("skill_id", "title", "provider", "description"):
        if not row[column]:
            raise CatalogueError(f"{where}: {column} is empty")
    if ":" not in row["skill_id"]:
        raise CatalogueError(
            f"{where}: skill id {row['skill_id']!r} has no namespace (onet:, tech:, concept:)"
        )
    url = urlsplit(row["url"])
    if url.scheme != "https" or not url.netloc or " " in row["url"]:
        raise CatalogueError(f"{where}: URL {row['url']!r} is not an https URL")
    for column, allowed in (("kind", KINDS), ("difficulty", DIFFICULTIES), ("cost", COSTS)):
        if row[column] not in allowed:
            raise CatalogueError(f"{where}: {column} {row[column]!r} is not one of {', '.join(allowed)}")
    try:
        hours = float(row["hours"])
    except ValueError:
        raise CatalogueError(f"{where}: hours {row['hours']!r} is not a number") from None
    if not math.isfinite(hours) or not 0 < hours <= MAX_HOURS:
        raise CatalogueError(f"{where}: hours {row['hours']} is outside (0, {MAX_HOURS:g}]")
    return Resource(
        skill_id=row["skill_id"],
        title=row["title"],
        provider=row["provider"],
        url=row["url"],
        kind=row["kind"],
        difficulty=row["difficulty"],
        hours=hours,
        cost=row["cost"],
        description=row["description"],
    )


def resources_for(
    skill_id: str, catalogue: Mapping[str, tuple[Resource, ...]], *, limit: int = 3
) -> list[Resource]:
    """Up to `limit` resources for a skill: free first, then fewer hours, then file order."""
    found = catalogue.get(skill_id, ())
    # sorted() is stable, so resources that tie on cost and hours keep the curator's order.
    ranked = sorted(found, key=lambda r: (_COST_RANK[r.cost], r.hours))
    return ranked[: max(limit, 0)]


def store_resource(session: Session, resource: Resource) -> LearningItem:
    """The learning_items row of one curated resource, added or refreshed."""
    return upsert_learning_item(
        session,
        skill_id=resource.skill_id,
        title=resource.title,
        url=resource.url,
        provider=resource.provider,
        kind=resource.kind,
        level=resource.difficulty,
        hours=resource.hours,
        cost=resource.cost,
        description=resource.description,
        source="catalogue",
    )


def sync_catalogue(
    session: Session, catalogue: Mapping[str, tuple[Resource, ...]]
) -> dict[tuple[str, str], int]:
    """Upsert every resource into learning_items; returns the row id for each (skill id, URL)."""
    return {
        (r.skill_id, r.url): store_resource(session, r).id
        for resources in catalogue.values()
        for r in resources
    }
