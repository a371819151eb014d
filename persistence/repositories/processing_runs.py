"""Provenance records: which model, prompt and engine produced a stored result."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from persistence.errors import NotFoundError, integrity_errors
from persistence.models import ProcessingRun


def record_run(
    session: Session,
    *,
    kind: str,
    engine_version: str,
    llm_model: str | None = None,
    embedding_model: str | None = None,
    prompt_hash: str | None = None,
    temperature: float | None = None,
    onet_release: str | None = None,
    params: dict[str, Any] | None = None,
) -> ProcessingRun:
    """Store how a result was produced and return the run to reference from it."""
    run = ProcessingRun(
        kind=kind,
        engine_version=engine_version,
        llm_model=llm_model,
        embedding_model=embedding_model,
        prompt_hash=prompt_hash,
        temperature=temperature,
        onet_release=onet_release,
        params=params or {},
    )
    with integrity_errors(session):
        session.add(run)
    return run


def get_run(session: Session, *, run_id: int) -> ProcessingRun:
    """The run with this id, or NotFoundError."""
    run = session.get(ProcessingRun, run_id)
    if run is None:
        raise NotFoundError(f"processing run {run_id} not found")
    return run
