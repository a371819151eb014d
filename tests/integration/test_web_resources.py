"""Learning resources from the web search, against a local server speaking Tavily's search protocol."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from onet.extract import Extractor
from onet.reference import load_reference
from persistence.repositories import gap_reports, users
from tools.gap.service import create_report
from tools.plan.web_resources import WebSearch
from tools.resume.ingest import ingest_resume

from .conftest import ImportedKnowledgeBase
from .test_gap_service import ACCOUNTANT, PDF
from .test_gap_service import _job as stored_job

RESULTS = {
    "results": [
        {
            "url": "https://learn.example.org/spark-course",
            "title": "Spark course for beginners",
            "content": "...",
        },
        {"url": "http://insecure.example.org/page", "title": "Plain HTTP page", "content": "..."},
        {"url": "https://docs.example.org/spark", "title": "Spark documentation", "content": "Reference."},
        {"url": "https://third.example.org/", "title": "A third page", "content": "..."},
    ]
}


@contextmanager
def search_stub(status: int = 200) -> Iterator[list[dict[str, Any]]]:
    """A local search endpoint; yields the request bodies it received."""
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            body = json.dumps(RESULTS if status == 200 else {"detail": {"error": "no"}}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        received.append({"url": f"http://127.0.0.1:{server.server_address[1]}"})
        yield received
    finally:
        server.shutdown()
        server.server_close()


def test_search_keeps_https_pages_and_names_their_provider() -> None:
    with search_stub() as received:
        web = WebSearch("test-key", base_url=received[0]["url"])
        pages = web.find("tech:apache-spark", "Apache Spark")

    assert [p.url for p in pages] == [
        "https://learn.example.org/spark-course",
        "https://docs.example.org/spark",
    ]
    assert [p.kind for p in pages] == ["course", "docs"]
    assert pages[0].provider == "learn.example.org"
    assert "Apache Spark" in received[1]["query"] and web.warnings == []


def test_a_refused_or_unreachable_search_is_only_a_warning() -> None:
    with search_stub(status=401) as received:
        refused = WebSearch("bad-key", base_url=received[0]["url"])
        assert refused.find("tech:apache-spark", "Apache Spark") == []
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    unreachable = WebSearch("test-key", base_url=f"http://127.0.0.1:{closed_port}")
    assert unreachable.find("tech:apache-spark", "Apache Spark") == []
    assert len(refused.warnings) == len(unreachable.warnings) == 1
    assert "Apache Spark" in unreachable.warnings[0]


def test_skills_the_catalogue_lacks_get_web_resources_in_the_stored_plan(
    onet_kb: ImportedKnowledgeBase,
) -> None:
    with onet_kb.database.session() as session, search_stub() as received:
        owner = users.add_user(session, identifier=f"web-{uuid.uuid4().hex[:8]}").id
        extractor = Extractor(onet_kb.kb.catalog)
        ingest_resume(
            session, owner_id=owner, data=PDF.read_bytes(), filename=PDF.name, extractor=extractor,
            onet_release="29.2", max_bytes=10_000_000, today=dt.date(2026, 11, 24),
        )  # fmt: skip
        stored = create_report(
            session,
            owner_id=owner,
            reference=load_reference(session),
            extractor=extractor,
            job_id=stored_job(session, ACCOUNTANT),
            catalogue={},  # nothing curated: every skill to learn goes to the search
            web=WebSearch("test-key", base_url=received[0]["url"]),
        )
        links = gap_reports.report_learning_items(session, owner_id=owner, report_id=stored.report_id)

    assert links and {item.source for _link, item in links} == {"web"}
    assert all(item.url.startswith("https://") for _link, item in links)
    assert len(received) > 1
