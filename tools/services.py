"""The engines every tool uses, opened once per process: database, O*NET knowledge, catalogue, model."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from langchain_core.language_models import BaseChatModel
from sqlalchemy.orm import Session

from agent.settings import Settings
from onet.extract import Extractor
from onet.lookup import KnowledgeBase
from onet.reference import Reference, load_reference
from persistence.db import Database, ensure_data_dir, open_database
from tools.plan.catalogue import Resource, load_catalogue


class Services:
    """Open engines shared by all threads; nothing here belongs to one person.

    A plain class on purpose: tools receive it inside their injected runtime, and LangChain copies
    tool inputs with pydantic, which walks into dataclasses (the whole O*NET reference, ~100 ms a
    call) but leaves other objects alone.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        database: Database,
        kb: KnowledgeBase,
        reference: Reference,
        extractor: Extractor,
        catalogue: dict[str, tuple[Resource, ...]],
        data_dir: Path,
        pass_model: BaseChatModel | None = None,
    ) -> None:
        self.settings = settings
        self.database = database
        self.kb = kb
        self.reference = reference
        self.extractor = extractor
        self.catalogue = catalogue
        self.data_dir = data_dir
        # The configured model for the resume and posting passes; None offline.
        self.pass_model = pass_model

    @property
    def max_upload_bytes(self) -> int:
        """The upload limit in bytes."""
        return self.settings.upload_max_mb * 1024 * 1024

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with self.database.session() as session:
            yield session

    def close(self) -> None:
        """Release the database connections."""
        self.database.close()


def open_services(settings: Settings, *, database: Database | None = None) -> Services:
    """Open (or reuse) the database and load the knowledge base, the occupation table and the catalogue.

    Raises KnowledgeBaseMissing when O*NET was never imported.
    """
    opened = database or open_database(settings, migrate=False)
    try:
        data_dir = ensure_data_dir(settings.data_dir)
        with opened.session() as session:
            kb = KnowledgeBase.load(session, data_dir)
            reference = load_reference(session, kb.catalog)
        pass_model = None
        if settings.llm_configured:
            from agent.llm import remote_chat_model  # noqa: PLC0415  (the client is slow to import)

            pass_model = remote_chat_model(settings, streaming=False)
    except Exception:
        if database is None:
            opened.close()
        raise
    return Services(
        settings=settings,
        database=opened,
        kb=kb,
        reference=reference,
        extractor=Extractor(kb.catalog),
        catalogue=load_catalogue(),
        data_dir=data_dir,
        pass_model=pass_model,
    )
