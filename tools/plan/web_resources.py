"""Learning resources from a web search (Tavily), only when a key is configured and only to fill gaps."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from sqlalchemy.orm import Session
from tavily import TavilyClient

from persistence.models import LearningItem
from persistence.repositories.learning import upsert_learning_item

# A web search must never hold up a report: a short timeout, and any failure is only a warning.
TIMEOUT_S = 8.0
_COURSE_WORDS = re.compile(r"\b(course|tutorial|learn|training|class|lesson)\b", re.IGNORECASE)


@dataclass(frozen=True)
class WebResource:
    """A page the search found for a skill: stored as a learning item with source "web"."""

    skill_id: str
    title: str
    url: str
    provider: str
    kind: str
    description: str


def store_page(session: Session, page: WebResource) -> LearningItem:
    """The learning_items row of a page the search found, marked as coming from the web."""
    return upsert_learning_item(
        session,
        skill_id=page.skill_id,
        title=page.title,
        url=page.url,
        provider=page.provider,
        kind=page.kind,
        description=page.description,
        source="web",
    )


@dataclass
class WebSearch:
    """Finds learning pages for skills the curated catalogue lacks; collects warnings instead of failing."""

    api_key: str
    base_url: str | None = None
    per_skill: int = 2
    warnings: list[str] = field(default_factory=list)

    def find(self, skill_id: str, name: str) -> list[WebResource]:
        """Up to `per_skill` https pages that teach the skill; empty when the search fails."""
        client = TavilyClient(api_key=self.api_key, api_base_url=self.base_url)
        query = f"learn {name}: free course, tutorial or official documentation"
        try:
            answer = client.search(query=query, max_results=self.per_skill * 2, timeout=TIMEOUT_S)
        except Exception as error:  # offline, refused, rate-limited, a bad key: the catalogue stands alone
            self.warnings.append(f"the web search for {name} resources failed ({type(error).__name__})")
            return []
        found = []
        for result in answer.get("results", []) if isinstance(answer, dict) else []:
            url, title = str(result.get("url", "")), str(result.get("title", "")).strip()
            host = urlparse(url).hostname or ""
            if not url.startswith("https://") or not title or not host:
                continue
            text = str(result.get("content", "")).strip()
            kind = "course" if _COURSE_WORDS.search(title) else "docs"
            found.append(WebResource(skill_id, title[:200], url, host.removeprefix("www."), kind, text[:240]))
            if len(found) == self.per_skill:
                break
        return found
