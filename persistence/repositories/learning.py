"""The catalogue of learning resources, per skill."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from persistence.errors import NotFoundError, integrity_errors
from persistence.models import LearningItem


def upsert_learning_item(
    session: Session,
    *,
    skill_id: str,
    title: str,
    url: str,
    provider: str | None = None,
    kind: str = "course",
    level: str | None = None,
    hours: float | Decimal | None = None,
    cost: str | None = None,
    description: str | None = None,
    source: str = "catalogue",
) -> LearningItem:
    """Add a resource for a skill, or refresh the one with the same skill and URL."""
    values = {
        "title": title,
        "provider": provider,
        "kind": kind,
        "level": level,
        "hours": hours,
        "cost": cost,
        "description": description,
        "source": source,
    }
    statement = (
        insert(LearningItem)
        .values(skill_id=skill_id, url=url, **values)
        .on_conflict_do_update(index_elements=[LearningItem.skill_id, LearningItem.url], set_=values)
        .returning(LearningItem.id)
    )
    with integrity_errors(session):
        item_id = session.execute(statement).scalar_one()
    return get_learning_item(session, item_id=item_id)


def get_learning_item(session: Session, *, item_id: int) -> LearningItem:
    """The learning item with this id, or NotFoundError."""
    item = session.get(LearningItem, item_id, populate_existing=True)
    if item is None:
        raise NotFoundError(f"learning item {item_id} not found")
    return item


def items_for_skill(session: Session, *, skill_id: str) -> list[LearningItem]:
    """Resources for one skill, shortest first."""
    query = select(LearningItem).where(LearningItem.skill_id == skill_id)
    return list(session.scalars(query.order_by(LearningItem.hours.asc().nulls_last(), LearningItem.id)))
