"""Prints gap report and matching figures with no model and no database: ms per report, s per 1,000 postings.

Run: .venv/bin/python -m benchmarks.gap_report   (reads the O*NET release of the settings,
JOBMATE_ONET_SOURCE or <shared data>/onet, straight from its folder). Reads 20 seeded LiveCareer
resumes and the 932 real LinkedIn postings from JOBMATE_SHARED_DATA (default ../shared/data, relative
to the repository). Times one gap report over 200 seeded (resume, posting) pairs, with and without the
posting analysis already made, and matching one resume against 1,000 postings with an empty and a warm
analysis cache (kept in a temporary folder). Prints figures only, never resume text or personal data.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from agent.settings import load_settings
from onet.extract import Extractor
from onet.reference import Reference, reference_from_release
from tools.gap.matching import AnalysisCache, PostingInput, analyse_all, rank
from tools.gap.person import person_from_resume
from tools.gap.report import build_report, to_markdown
from tools.gap.score import Person
from tools.jobs.analysis import analyse_posting
from tools.resume.parse import parse_resume
from tools.resume.reading import read_resume

REPO = Path(__file__).resolve().parents[1]
SEED = 7
RESUMES = 20
PAIRS = 200
EXTRA_POSTINGS = 68  # 932 real postings + 68 retitled copies = 1,000
WARM_RUNS = 3
TODAY = dt.date(2026, 11, 24)  # fixed, so years of experience and the figures do not drift by the day
REPORT_GOAL_MS = 100.0
MATCH_GOAL_S = 2.0
LABEL = 52


def _shared_data() -> Path:
    path = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    return path if path.is_absolute() else (REPO / path).resolve()


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _line(label: str, value: str, goal: str = "") -> None:
    print(f"{label:<{LABEL}} {value:>12}{'   ' + goal if goal else ''}")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _ms_line(label: str, seconds: list[float], goal: str = "") -> None:
    ms = [1000 * s for s in seconds]
    p50, p95, mean = statistics.median(ms), _percentile(ms, 0.95), statistics.fmean(ms)
    figures = f"p50 {p50:.2f} | p95 {p95:.2f} | mean {mean:.2f} ms"
    print(f"{label:<{LABEL}} {figures}{'   ' + goal if goal else ''}")


def _load_postings(shared: Path) -> list[PostingInput]:
    # Descriptions run to tens of kilobytes: above the csv module's default field limit.
    csv.field_size_limit(10_000_000)
    with (shared / "jobs" / "linkedin_postings.csv").open(encoding="utf-8", newline="") as handle:
        return [
            PostingInput(row["job_id"], row["title"], row["description"]) for row in csv.DictReader(handle)
        ]


def _load_resume_texts(shared: Path) -> list[str]:
    with (shared / "resumes" / "livecareer_resumes_text.jsonl").open(encoding="utf-8") as lines:
        texts = [str(json.loads(line)["text"]) for line in lines if line.strip()]
    return random.Random(SEED).sample(texts, RESUMES)


def _people(texts: list[str], reference: Reference, extractor: Extractor) -> tuple[list[Person], list[float]]:
    """Read, parse and profile each resume once; the people and the seconds each took."""
    people, took = [], []
    for text in texts:
        started = time.perf_counter()
        parsed = parse_resume(
            read_resume(text.encode("utf-8"), filename="resume.txt"), extractor, today=TODAY
        )
        people.append(person_from_resume(parsed, reference.occupations))
        took.append(time.perf_counter() - started)
    return people, took


def _one_report(
    people: list[Person], postings: list[PostingInput], reference: Reference, extractor: Extractor
) -> None:
    """Time one gap report over seeded pairs: in full, and with the posting analysis already made."""
    chooser = random.Random(SEED)
    pairs = [(chooser.choice(people), chooser.choice(postings)) for _ in range(PAIRS)]
    full, cached = [], []
    for person, posting in pairs:
        started = time.perf_counter()
        analysis = analyse_posting(posting.title, posting.description, reference, extractor)
        to_markdown(build_report(person, analysis, reference.occupations))
        full.append(time.perf_counter() - started)
        started = time.perf_counter()
        to_markdown(build_report(person, analysis, reference.occupations))
        cached.append(time.perf_counter() - started)
    print(f"one gap report, {PAIRS} seeded pairs of {len(people)} resumes x {len(postings)} postings")
    _ms_line("  full: analyse + score + report + Markdown", full, f"goal: p50 < {REPORT_GOAL_MS:.0f} ms")
    _ms_line("  analysis cached: score + report + Markdown", cached, f"goal: p50 < {REPORT_GOAL_MS:.0f} ms")


def _warm_match(
    person: Person, postings: list[PostingInput], reference: Reference, extractor: Extractor, folder: Path
) -> int:
    """Load the cache from disk, take every analysis from it and rank; the number ranked."""
    cache = AnalysisCache(folder, reference.catalog.fingerprint)
    analyses = analyse_all(postings, reference, extractor, cache)
    if cache.changed:
        raise RuntimeError("the warm match analysed a posting: the cache file missed it")
    return len(rank(person, analyses, reference.occupations))


def _matching(
    person: Person, postings: list[PostingInput], reference: Reference, extractor: Extractor
) -> None:
    """Time one resume against 1,000 postings, cold and warm, and the memory of one warm match."""
    retitled = [
        PostingInput(f"{p.id}-senior", f"Senior {p.title}", p.description) for p in postings[:EXTRA_POSTINGS]
    ]
    thousand = postings + retitled
    print(f"matching one resume against {len(thousand):,} postings")
    with tempfile.TemporaryDirectory(prefix="jobmate-gap-bench-") as temporary:
        folder = Path(temporary)
        started = time.perf_counter()
        cache = AnalysisCache(folder, reference.catalog.fingerprint)
        ranked = rank(person, analyse_all(thousand, reference, extractor, cache), reference.occupations)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        cache.save()
        saved = time.perf_counter() - started
        _line("  cold: analyse all + rank", f"{cold:.2f} s")
        _line("  writing the analysis cache", f"{saved:.2f} s")
        warm = []
        for _ in range(WARM_RUNS):
            started = time.perf_counter()
            count = _warm_match(person, thousand, reference, extractor, folder)
            warm.append(time.perf_counter() - started)
        if count != len(ranked):
            raise RuntimeError("the warm match ranked a different number of postings")
        figures = f"best {min(warm):.2f} | median {statistics.median(warm):.2f} s"
        print(
            f"{'  warm (' + str(WARM_RUNS) + ' runs): load cache + analyse_all + rank':<{LABEL}} {figures}"
            f"   goal: < {MATCH_GOAL_S:.0f} s"
        )
        _line("peak memory after the 1,000-posting match", f"{_rss_mb():.0f} MB")
        tracemalloc.start()
        _warm_match(person, thousand, reference, extractor, folder)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        _line("  tracemalloc peak of one warm match", f"{peak / 2**20:.0f} MB")


def main() -> None:
    """Load the reference, profile the resumes, time the reports and the matching; print the figures."""
    settings = load_settings()
    shared = _shared_data()
    started = time.perf_counter()
    reference = reference_from_release(settings.onet_source_path)
    extractor = Extractor(reference.catalog)
    _line("load the O*NET reference from the release", f"{time.perf_counter() - started:.2f} s")
    _line("peak memory after loading the reference", f"{_rss_mb():.0f} MB")
    postings = _load_postings(shared)
    people, parse_took = _people(_load_resume_texts(shared), reference, extractor)
    _line(
        f"parse one resume (read + parse + person, p50 of {len(people)})",
        f"{1000 * statistics.median(parse_took):.1f} ms",
    )
    # Warm up lazy start-up costs (first extraction, first score) outside every figure.
    warm_up = analyse_posting(postings[0].title, postings[0].description, reference, extractor)
    to_markdown(build_report(people[0], warm_up, reference.occupations))
    _one_report(people, postings, reference, extractor)
    _matching(people[0], postings, reference, extractor)


if __name__ == "__main__":
    main()
