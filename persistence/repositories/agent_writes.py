"""The log of approved agent writes: a resumed graph step finds its write done and does not repeat it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from persistence.errors import integrity_errors
from persistence.models import AgentWrite


def find_write(session: Session, *, owner_id: int, write_key: str) -> AgentWrite | None:
    """The write already made under this key, if any."""
    query = select(AgentWrite).where(AgentWrite.owner_id == owner_id, AgentWrite.write_key == write_key)
    return session.scalars(query).first()


def record_write(
    session: Session, *, owner_id: int, write_key: str, tool: str, reply: str, facts: dict[str, Any]
) -> AgentWrite:
    """Remember a write in the caller's transaction, so the write and its record commit together."""
    row = AgentWrite(owner_id=owner_id, write_key=write_key, tool=tool, reply=reply, facts=facts)
    with integrity_errors(session):
        session.add(row)
    return row
