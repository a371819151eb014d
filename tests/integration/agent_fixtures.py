"""Engines for agent tests: the real O*NET knowledge base, a temp data folder, the real PostgreSQL."""

from __future__ import annotations

import csv
import uuid
from pathlib import Path

from agent.settings import load_settings
from onet.extract import Extractor
from onet.reference import load_reference
from persistence.repositories import users
from tools.plan.catalogue import load_catalogue
from tools.services import Services

from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA


def agent_services(onet_kb: ImportedKnowledgeBase, data_dir: Path, **settings: object) -> Services:
    """Services on the imported knowledge base, with uploads under `data_dir`."""
    with onet_kb.database.session() as session:
        reference = load_reference(session, onet_kb.kb.catalog)
    return Services(
        settings=load_settings(data_dir=data_dir, database_url=onet_kb.database.url, **settings),
        database=onet_kb.database,
        kb=onet_kb.kb,
        reference=reference,
        extractor=Extractor(onet_kb.kb.catalog),
        catalogue=load_catalogue(),
        data_dir=data_dir,
    )


def new_owner(services: Services, prefix: str = "agent") -> tuple[int, str]:
    """A fresh account: its id and name."""
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    with services.session() as session:
        return users.add_user(session, identifier=name).id, name


def real_posting(job_id: str) -> str:
    """A real posting of the shared data as a person would paste it: the title, then the description."""
    with (SHARED_DATA / "jobs" / "linkedin_postings.csv").open(encoding="utf-8", newline="") as rows:
        row = next(r for r in csv.DictReader(rows) if r["job_id"] == job_id)
    return f"{row['title']}\n{row['description']}"
