"""Prints the speed of the database layer: embedded start, migrations, real postings and task writes.

Run: .venv/bin/python -m benchmarks.database   (JOBMATE_BENCH_DATABASE_URL picks a server of your
own; unset, everything runs on an embedded PostgreSQL in a temporary folder).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from benchmarks.scratch import scratch_database
from persistence import migrate
from persistence.db import Database, make_engine
from persistence.embedded import start_embedded, stop_embedded
from persistence.repositories import jobs, tasks, users
from persistence.repositories.tasks import NewTask

csv.field_size_limit(10_000_000)


@contextmanager
def timed(label: str, count: int | None = None) -> Iterator[None]:
    """Print how long the block took (and the rate when `count` is given)."""
    start = time.perf_counter()
    yield
    seconds = time.perf_counter() - start
    rate = f"  ({count / seconds:,.0f}/s)" if count else ""
    print(f"{label:<46} {seconds * 1000:9.1f} ms{rate}")


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value) if value else None
    except InvalidOperation:
        return None


def _posting_fields(row: dict[str, str]) -> dict[str, Any]:
    listed = row.get("listed_time") or ""
    text = "\n".join((row["title"], row["company_name"], row["location"], row["description"]))
    low, high = _decimal(row["min_salary"]), _decimal(row["max_salary"])
    return {
        "title": row["title"],
        "company": row["company_name"] or None,
        "location": row["location"] or None,
        "description": row["description"],
        "salary_min": low if high is None or low is None or low <= high else None,
        "salary_max": high,
        "salary_currency": row["currency"] or None,
        "salary_period": row["pay_period"].lower() or None,
        "external_id": row["job_id"],
        "external_url": row["job_posting_url"] or None,
        "remote": True if row["remote_allowed"] in {"1", "1.0"} else None,
        "posted_at": dt.datetime.fromtimestamp(float(listed) / 1000, dt.UTC) if listed else None,
        "source": "linkedin-file",
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
    }


def load_postings(shared: Path) -> list[dict[str, Any]]:
    """The real postings of the shared data as job fields."""
    with (shared / "jobs" / "linkedin_postings.csv").open(newline="", encoding="utf-8") as handle:
        return [_posting_fields(row) for row in csv.DictReader(handle)]


def bench_embedded() -> None:
    """Cold start (initdb), stop, and warm start of the embedded server."""
    with tempfile.TemporaryDirectory(prefix="jobmate-bench-") as folder:
        pgdata = Path(folder) / "pg"
        with timed("embedded PostgreSQL: first start (initdb)"):
            start_embedded(pgdata)
        with timed("embedded PostgreSQL: stop"):
            stop_embedded(pgdata)
        with timed("embedded PostgreSQL: start with existing data"):
            start_embedded(pgdata)
        stop_embedded(pgdata)


def bench_database(url: str, shared: Path) -> None:
    """Migrations, real postings and task writes on the scratch database at `url`."""
    engine = make_engine(url)
    with timed("migrations: empty -> head"):
        migrate.upgrade(engine)
    db = Database(url=url, embedded_dir=None, engine=engine)
    _bench_rows(db, shared)
    db.close()


def _bench_rows(db: Database, shared: Path) -> None:
    postings = load_postings(shared)
    _run(f"upsert {len(postings)} real postings (new)", len(postings), db, lambda s: _upsert(s, postings))
    _run(f"upsert {len(postings)} real postings (again)", len(postings), db, lambda s: _upsert(s, postings))
    with db.session() as s:
        owner = users.add_user(s, identifier="bench").id
    start = dt.date(2026, 12, 1)
    batch = [
        NewTask(title=f"Study block {i}", start_date=start, due_date=start + dt.timedelta(days=i % 60))
        for i in range(1000)
    ]
    _run("add 1,000 tasks in one batch", 1000, db, lambda s: tasks.add_tasks(s, owner_id=owner, tasks=batch))
    _run("list 1,000 tasks", None, db, lambda s: tasks.list_tasks(s, owner_id=owner))
    with db.session() as s:
        ids = [t.id for t in tasks.list_tasks(s, owner_id=owner)]
    _run(
        "complete 1,000 tasks one by one",
        1000,
        db,
        lambda s: [tasks.complete_task(s, owner_id=owner, task_id=i) for i in ids],
    )
    _run("delete the account and its 1,000 tasks", None, db, lambda s: users.delete_user(s, user_id=owner))


def _upsert(session: Any, postings: list[dict[str, Any]]) -> None:
    for fields in postings:
        jobs.upsert_job(session, fields=fields)


def _run(label: str, count: int | None, db: Database, work: Callable[[Any], object]) -> None:
    with timed(label, count), db.session() as session:
        work(session)


def main() -> None:
    """Run every benchmark and print its figures."""
    shared = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    bench_embedded()
    with scratch_database() as url:
        bench_database(url, shared)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<46} {peak_mb:9.1f} MB")


if __name__ == "__main__":
    main()
