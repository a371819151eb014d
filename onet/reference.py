"""The O*NET reference data that analysis and scoring need, from the database or straight from a release."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onet.catalog import Catalog, KnowledgeBaseMissing, build_catalog, load_catalog
from onet.importer import read_contents, release_fingerprint
from onet.occupations import OccupationTable, build_occupations
from onet.release import open_release
from persistence.onet_models import OnetOccupation, OnetRating, OnetRelated, OnetTechnology, OnetTitle


@dataclass
class Reference:
    """The skill catalogue and the occupation table of one O*NET release."""

    catalog: Catalog
    occupations: OccupationTable

    @property
    def release(self) -> str:
        """The O*NET version, e.g. "29.2"."""
        return self.catalog.release


def load_reference(session: Session, catalog: Catalog | None = None) -> Reference:
    """The imported knowledge base (re-using a catalogue already loaded); KnowledgeBaseMissing if none."""
    catalog = catalog if catalog is not None else load_catalog(session)
    tables: dict[str, list[tuple[Any, ...]]] = {
        "onet_occupations": [
            tuple(r)
            for r in session.execute(
                select(OnetOccupation.code, OnetOccupation.title, OnetOccupation.description).add_columns(
                    OnetOccupation.job_zone
                )
            )
        ],
        "onet_ratings": [
            tuple(r)
            for r in session.execute(
                select(
                    OnetRating.code,
                    OnetRating.element_id,
                    OnetRating.domain,
                    OnetRating.importance,
                    OnetRating.level,
                    OnetRating.not_relevant,
                )
            )
        ],
        "onet_technologies": [
            (code, skill_id, None, None, None, hot, in_demand)
            for code, skill_id, hot, in_demand in session.execute(
                select(OnetTechnology.code, OnetTechnology.skill_id).add_columns(
                    OnetTechnology.hot, OnetTechnology.in_demand
                )
            )
        ],
        "onet_related": [
            tuple(r)
            for r in session.execute(
                select(OnetRelated.code, OnetRelated.related_code, OnetRelated.tier, OnetRelated.rank)
            )
        ],
        "onet_titles": [
            tuple(r) for r in session.execute(select(OnetTitle.code, OnetTitle.title, OnetTitle.kind))
        ],
    }
    return Reference(catalog, build_occupations(tables))


def reference_from_release(source: Path) -> Reference:
    """The same reference read straight from a release folder or zip, for commands with no database."""
    if not source.exists():
        raise KnowledgeBaseMissing(
            f"the O*NET release is not at {source}: set JOBMATE_ONET_SOURCE to the text release folder"
        )
    release = open_release(source)
    try:
        fingerprint = release_fingerprint(release)
        tables, nodes, aliases, _unresolved = read_contents(release)
    finally:
        release.close()
    catalog = build_catalog(
        release.version,
        fingerprint,
        [(n.id, n.name, n.kind, n.category, n.hot, n.in_demand, n.meta) for n in nodes],
        [(key, skill_id, source_kind) for key, skill_id, _alias, source_kind in aliases],
    )
    return Reference(catalog, build_occupations(tables))
