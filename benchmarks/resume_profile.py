"""Prints end-to-end resume profile figures without a model: ms per page, per resume, and peak memory.

Run: .venv/bin/python -m benchmarks.resume_profile   (uses the knowledge base of the configured
database: run `bash scripts/start` once first). Reads the real resumes from JOBMATE_SHARED_DATA
(default ../shared/data). Prints file stems only, never a person's name.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import statistics
import time
from pathlib import Path

from agent.settings import load_settings
from onet.catalog import load_catalog
from onet.extract import Extractor
from persistence.db import open_database
from tools.resume import pdf_text
from tools.resume.parse import parse_resume
from tools.resume.reading import MAX_TEXT_CHARS, ResumeFileError, read_resume

TODAY = dt.date(2026, 11, 24)
TEXT_SAMPLE = 300


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _files(shared: Path) -> list[tuple[str, bytes]]:
    folder = shared / "resumes"
    files = [(p.name, p.read_bytes()) for p in sorted((folder / "pdf").glob("*.pdf"))]
    # DOCX files are named after their owners: the figures call them by position only.
    docx = sorted((folder / "docx").glob("*.docx"))
    files += [(f"docx-{number}.docx", p.read_bytes()) for number, p in enumerate(docx, start=1)]
    with (folder / "livecareer_resumes_text.jsonl").open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= TEXT_SAMPLE:
                break
            item = json.loads(line)
            files.append((f"{item['id']}.txt", item["text"].encode("utf-8")))
    return files


def main() -> None:
    """Read and profile every PDF and DOCX and a sample of the text resumes; print the figures."""
    settings = load_settings()
    shared = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    database = open_database(settings, migrate=False)
    try:
        started = time.perf_counter()
        with database.session() as session:
            extractor = Extractor(load_catalog(session))
        print(f"{'load the skill catalogue':<44} {time.perf_counter() - started:8.2f} s")
    finally:
        database.close()
    print(f"{'peak memory after loading':<44} {_rss_mb():8.0f} MB")
    files = _files(shared)
    extractor.extract("warm up: Python and SQL")
    refused = _measure(files, extractor, "")
    if pdf_text.start_page_pool():
        pdfs = [f for f in files if f[0].endswith(".pdf")]
        _measure(pdfs, extractor, " (page workers, as the server runs)")
        pdf_text.stop_page_pool()
    long_text = ("Led a team building ETL pipelines in Python, SQL and Airflow on AWS.\n" * 20_000).encode()
    started = time.perf_counter()
    read = read_resume(long_text, filename="long.txt")
    parse_resume(read, extractor, today=TODAY)
    print(
        f"{'over-long text (1.4 MB, cut to ' + format(MAX_TEXT_CHARS, ',') + ' chars)':<44} "
        f"{time.perf_counter() - started:8.2f} s"
    )
    print(f"{'refused':<44} {len(refused):8d} {'; '.join(refused)}")
    print(f"{'peak memory (max RSS)':<44} {_rss_mb():8.0f} MB")


def _measure(files: list[tuple[str, bytes]], extractor: Extractor, mode: str) -> list[str]:
    """Read and profile each file; print the figures per file kind; return the refusals."""
    per_kind: dict[str, list[tuple[str, float, float, int]]] = {}
    refused = []
    for name, data in files:
        started = time.perf_counter()
        try:
            read = read_resume(data, filename=name)
        except ResumeFileError as error:
            refused.append(f"{name}: {error.reason}")
            continue
        read_s = time.perf_counter() - started
        parse_resume(read, extractor, today=TODAY)
        total_s = time.perf_counter() - started
        per_kind.setdefault(read.file_kind, []).append((name, read_s, total_s, read.page_count))
    for kind, rows in per_kind.items():
        pages = sum(r[3] for r in rows)
        total = sum(r[2] for r in rows)
        reading = sum(r[1] for r in rows)
        slowest = max(rows, key=lambda r: r[2])
        print(f"{kind}{mode}: {len(rows)} files, {pages} pages")
        print(f"{'  reading, files/s | pages/s':<44} {len(rows) / reading:8.1f} | {pages / reading:.1f}")
        print(f"{'  end to end, ms per page':<44} {1000 * total / pages:8.1f}")
        median = statistics.median(r[2] for r in rows)
        print(f"{'  end to end, ms per resume (median)':<44} {1000 * median:8.1f}")
        print(f"{'  slowest':<44} {1000 * slowest[2]:8.1f} ms ({Path(slowest[0]).stem[:40]})")
    return refused


if __name__ == "__main__":
    main()
