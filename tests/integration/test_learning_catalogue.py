"""The learning catalogue against the real O*NET release, the real job postings and a real database."""

from __future__ import annotations

import csv
from collections import Counter

from sqlalchemy import func, select

from onet.extract import Extractor
from persistence.db import Database
from persistence.models import LearningItem
from tools.plan.catalogue import load_catalogue, sync_catalogue

from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA

csv.field_size_limit(10_000_000)
TOP_TECHNOLOGIES = 150


def _technology_postings(extractor: Extractor) -> Counter[str]:
    """How many real postings mention each technology node (title and description)."""
    postings = SHARED_DATA / "jobs" / "linkedin_postings.csv"
    assert postings.exists(), f"the real job postings are missing: {postings} (set JOBMATE_SHARED_DATA)"
    counts: Counter[str] = Counter()
    rows = 0
    with postings.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows += 1
            text = f"{row['title']}\n{row['description']}"
            counts.update({s.skill_id for s in extractor.extract(text) if s.kind == "technology"})
    assert rows == 932
    return counts


def test_every_catalogue_skill_is_a_node_of_the_imported_release(onet_kb: ImportedKnowledgeBase) -> None:
    unknown = sorted(set(load_catalogue()) - set(onet_kb.kb.catalog.skills))
    assert not unknown, f"catalogue skill ids that the O*NET release does not have: {unknown}"


def test_the_most_frequent_technologies_in_real_postings_have_resources(
    onet_kb: ImportedKnowledgeBase,
) -> None:
    ranked = _technology_postings(Extractor(onet_kb.kb.catalog)).most_common()
    assert len(ranked) > TOP_TECHNOLOGIES
    # Ties at the cut would make "the top 150" depend on ordering: every node as frequent as the
    # 150th must be covered.
    cut = ranked[TOP_TECHNOLOGIES - 1][1]
    frequent = [skill_id for skill_id, postings in ranked if postings >= cut]
    catalogue = load_catalogue()
    missing = [
        (skill_id, onet_kb.kb.catalog.skills[skill_id].name)
        for skill_id in frequent
        if skill_id not in catalogue
    ]
    assert not missing, f"frequent technologies without a learning resource: {missing}"


def test_sync_stores_one_row_per_resource_and_is_idempotent(db: Database) -> None:
    catalogue = load_catalogue()
    resources = [r for items in catalogue.values() for r in items]
    with db.session() as session:
        first = sync_catalogue(session, catalogue)
    with db.session() as session:
        second = sync_catalogue(session, catalogue)
        stored = session.scalar(select(func.count()).select_from(LearningItem))
        python = session.scalars(
            select(LearningItem).where(LearningItem.skill_id == "tech:python").order_by(LearningItem.id)
        ).all()
    assert len(first) == len(resources) == stored
    assert second == first  # the same rows were refreshed, none added
    expected = catalogue["tech:python"]
    assert [(i.url, i.title, i.kind, i.level, i.cost, i.source) for i in python] == [
        (r.url, r.title, r.kind, r.difficulty, r.cost, "catalogue") for r in expected
    ]
    assert [float(i.hours or 0) for i in python] == [r.hours for r in expected]
