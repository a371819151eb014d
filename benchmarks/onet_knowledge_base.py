"""Prints the O*NET knowledge base figures: cold import, index size, normalize, semantic lookup, extract.

Run: .venv/bin/python -m benchmarks.onet_knowledge_base   (JOBMATE_BENCH_DATABASE_URL picks a server;
unset, an embedded PostgreSQL in a temporary folder). Reads the release and the real postings from
JOBMATE_SHARED_DATA (default ../shared/data).
"""

from __future__ import annotations

import csv
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.scratch import scratch_database
from onet.extract import Extractor
from onet.importer import import_release
from onet.lookup import KnowledgeBase
from onet.ontology import ALIASES_FILE
from persistence import migrate
from persistence.db import Database, make_engine

csv.field_size_limit(10_000_000)


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def run(url: str, shared: Path, work: Path) -> None:
    """Import into the scratch database at `url` and measure every lookup."""
    db = Database(url=url, embedded_dir=None, engine=make_engine(url))
    try:
        migrate.upgrade(db.engine)
        started = time.perf_counter()
        with db.session() as session:
            result = import_release(session, source=shared / "onet", data_dir=work, progress=lambda _m: None)
        print(f"{'cold import incl. semantic index':<40} {time.perf_counter() - started:8.1f} s")
        print(
            f"{'  skills / aliases / titles':<40} {result.counts['skills']:,} / "
            f"{result.counts['skill_aliases']:,} / {result.counts['onet_titles']:,}"
        )
        print(f"{'index size on disk':<40} {_folder_mb(work / 'index'):8.1f} MB")
        started = time.perf_counter()
        with db.session() as session:
            import_release(session, source=shared / "onet", data_dir=work, progress=lambda _m: None)
        print(f"{'second import (nothing changed)':<40} {time.perf_counter() - started:8.1f} s")
        with db.session() as session:
            kb = KnowledgeBase.load(session, work)
        _lookups(kb, db, shared)
    finally:
        db.close()


def _lookups(kb: KnowledgeBase, db: Database, shared: Path) -> None:
    aliases = [line.split("\t")[0] for line in ALIASES_FILE.read_text().splitlines()[1:] if "\t" in line]
    names = [info.name for info in list(kb.catalog.skills.values())[:4000]]
    mentions = (aliases + names) * 3
    started = time.perf_counter()
    kb.normalize(mentions, semantic=False)
    seconds = time.perf_counter() - started
    print(f"{'normalize, lexical path':<40} {len(mentions) / seconds:8,.0f} mentions/s")

    queries = [
        "container orchestration",
        "building data pipelines",
        "talking to customers",
        "bookkeeping software",
        "cloud infrastructure",
        "statistical modelling",
    ] * 10
    kb.normalize(["warm up the model"])
    timings = []
    for query in queries:
        started = time.perf_counter()
        kb.normalize([query + " skills"], semantic=True)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{'semantic lookup p50 / p95':<40} {statistics.median(timings):6.1f} / {p95:.1f} ms")

    with (shared / "jobs" / "linkedin_postings.csv").open(encoding="utf-8", newline="") as handle:
        postings = [row["description"] for row in csv.DictReader(handle)]
    extractor = Extractor(kb.catalog)
    started = time.perf_counter()
    found = sum(len(extractor.extract(text)) for text in postings)
    seconds = time.perf_counter() - started
    chars = sum(len(t) for t in postings)
    print(
        f"{'extract over real postings':<40} {len(postings) / seconds:8,.0f} postings/s "
        f"({chars / seconds / 1e6:.2f} M chars/s, {found / len(postings):.1f} skills/posting)"
    )
    big = ("\n".join(postings))[:1_000_000]
    started = time.perf_counter()
    extractor.extract(big)
    print(f"{'extract one 1 MB text':<40} {time.perf_counter() - started:8.2f} s")
    with db.session() as session:
        started = time.perf_counter()
        for title in (
            "software engineer",
            "registered nurse",
            "line cook",
            "staff accountant",
            "truck driver",
        ):
            kb.search_occupations(session, title)
        print(f"{'occupation search, mean of 5':<40} {(time.perf_counter() - started) * 200:8.1f} ms")


def main() -> None:
    """Run the benchmark and print its figures."""
    shared = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    with tempfile.TemporaryDirectory(prefix="jobmate-bench-") as folder:
        work = Path(folder) / "data"
        work.mkdir()
        with scratch_database() as url:
            run(url, shared, work)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<40} {peak_mb:8.1f} MB")


if __name__ == "__main__":
    main()
