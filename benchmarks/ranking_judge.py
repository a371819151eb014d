"""A local proxy of the job-ranking judgement: own-profession precision@k of a ranker against plain BM25.

Run: .venv/bin/python -m benchmarks.ranking_judge --ranker bm25|jobmate [--per-category 5] [--k 10]

For a fixed seeded sample of LiveCareer resumes (per category), a ranker orders the 932 developer LinkedIn
postings; a posting in the top k is a hit when benchmarks.professions judges it a job of the resume
category's own profession. The figures are precision@k (mean over resumes, and per category) and the
comparison with plain BM25 over title + description: the share of resumes where the ranker's P@k is at
least BM25's, and the mean difference. Categories with fewer than k own-profession postings cannot reach
P@k = 1 and are left out of the main figures, but still reported. Reads JOBMATE_SHARED_DATA (default
../shared/data, relative to the repository). Prints figures and category names only, never resume text.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import math
import os
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np
import numpy.typing as npt

from benchmarks.professions import own_profession

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Posting:
    """One LinkedIn job posting: its id, title, description and LinkedIn function tags (e.g. IT, SALE)."""

    id: str
    title: str
    description: str
    tags: frozenset[str]


# Resume text and the postings in, posting ids out, best first. The judge reads only the first k.
Ranker = Callable[[str, list[Posting]], list[str]]


@dataclass(frozen=True)
class LabelledResume:
    """One LiveCareer resume with the category (profession) it was filed under."""

    id: str
    category: str
    text: str


@dataclass(frozen=True)
class ResumeResult:
    """The precision@k of the judged ranker and of BM25 for one resume."""

    resume_id: str
    category: str
    precision: float
    bm25_precision: float


@dataclass(frozen=True)
class CategoryResult:
    """The figures of one category; `eligible` is false when it has fewer than k own-profession postings."""

    category: str
    own_postings: int
    resumes: int
    precision: float
    bm25_precision: float
    eligible: bool


@dataclass(frozen=True)
class Report:
    """The judgement of one ranker; the headline figures count eligible categories only."""

    k: int
    precision: float  # mean P@k over the resumes of eligible categories
    bm25_precision: float
    wins: float  # share of those resumes where the ranker's P@k >= BM25's
    mean_delta: float  # mean of (ranker P@k - BM25 P@k) over those resumes
    resumes: int
    categories: tuple[CategoryResult, ...]
    per_resume: tuple[ResumeResult, ...]


def shared_data() -> Path:
    """The shared data folder: JOBMATE_SHARED_DATA, relative paths counted from the repository root."""
    path = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    return path if path.is_absolute() else (REPO / path).resolve()


def load_postings(folder: Path | None = None) -> list[Posting]:
    """The developer job postings in file order, each with its LinkedIn function tags."""
    jobs = (folder or shared_data()) / "jobs"
    # Descriptions run to tens of kilobytes: above the csv module's default field limit.
    csv.field_size_limit(10_000_000)
    tags: defaultdict[str, set[str]] = defaultdict(set)
    with (jobs / "linkedin_job_skills.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            tags[row["job_id"]].add(row["skill_abr"].strip())
    with (jobs / "linkedin_postings.csv").open(encoding="utf-8", newline="") as handle:
        return [
            Posting(row["job_id"], row["title"].strip(), row["description"], frozenset(tags[row["job_id"]]))
            for row in csv.DictReader(handle)
        ]


def load_resumes(per_category: int, seed: int = 7, folder: Path | None = None) -> list[LabelledResume]:
    """A fixed sample of `per_category` resumes per category (all of a smaller one), categories sorted."""
    path = (folder or shared_data()) / "resumes" / "livecareer_resumes_text.jsonl"
    by_category: defaultdict[str, list[LabelledResume]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            by_category[item["category"]].append(
                LabelledResume(str(item["id"]), item["category"], item["text"])
            )
    sample: list[LabelledResume] = []
    for category in sorted(by_category):
        group = sorted(by_category[category], key=lambda r: r.id)
        # A generator per category (string seeds are hashed stably): one category's sample does not
        # shift when another category grows or --per-category changes elsewhere.
        chooser = random.Random(f"{seed}:{category}")
        sample += chooser.sample(group, min(per_category, len(group)))
    return sample


# English function words, written out so the baseline needs no NLP package; BM25's idf would damp them
# anyway, but a resume query repeats them hundreds of times.
_STOP_WORD_TEXT = """
    a about above across after afterwards again against all almost alone along already also although always
    am among amongst an and another any anyhow anyone anything anyway anywhere are around as at be became
    because become becomes becoming been before beforehand behind being below beside besides between beyond
    both but by can cannot could did do does doing done down due during each eg either else elsewhere enough
    etc even ever every everyone everything everywhere except few for former formerly from further had has
    have having he hence her here hereafter hereby herein hers herself him himself his how however i ie if in
    inc indeed into is it its itself just last latter latterly least less ltd many may me meanwhile might
    mine more moreover most mostly much must my myself namely neither never nevertheless next no nobody none
    noone nor not nothing now nowhere of off often on once one only onto or other others otherwise our ours
    ourselves out over own per perhaps please rather re same seem seemed seeming seems several she should
    since so some somehow someone something sometime sometimes somewhere still such than that the their
    theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this
    those though through throughout thru thus to together too toward towards under until up upon us very via
    was we well were what whatever when whence whenever where whereafter whereas whereby wherein whereupon
    wherever whether which while whither who whoever whole whom whose why will with within without would
    yet you your yours yourself yourselves
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")


def tokenize(text: str) -> list[str]:
    """Lowercased word tokens (letters and digits) without English stop words."""
    return [word for word in _WORD.findall(text.lower()) if word not in STOP_WORDS]


class BM25:
    """Plain Okapi BM25 (k1 = 1.5, b = 0.75) over a fixed list of documents."""

    def __init__(self, docs: list[str], k1: float = 1.5, b: float = 0.75) -> None:
        self.size = len(docs)
        tokenized = [tokenize(doc) for doc in docs]
        lengths = np.array([len(tokens) for tokens in tokenized], dtype=np.float64)
        average = float(lengths.mean()) if self.size and lengths.sum() else 1.0
        # The length normalisation of each document, computed once: k1 * (1 - b + b * |d| / avgdl).
        norm = k1 * (1.0 - b + b * lengths / average)
        postings: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for index, tokens in enumerate(tokenized):
            for term, count in Counter(tokens).items():
                postings[term].append((index, count))
        # An inverted index of precomputed term weights: scoring a long resume touches only the
        # documents that share each of its terms.
        self._weights: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]] = {}
        for term, hits in postings.items():
            ids = np.array([i for i, _ in hits], dtype=np.int64)
            tf = np.array([c for _, c in hits], dtype=np.float64)
            # The Lucene form of idf: never negative, so a term in most postings cannot push one down.
            idf = math.log(1.0 + (self.size - len(hits) + 0.5) / (len(hits) + 0.5))
            self._weights[term] = (ids, idf * tf * (k1 + 1.0) / (tf + norm[ids]))

    def scores(self, query: str) -> npt.NDArray[np.float64]:
        """The BM25 score of every document for the query; a repeated query term counts each time."""
        total = np.zeros(self.size, dtype=np.float64)
        for term, count in Counter(tokenize(query)).items():
            entry = self._weights.get(term)
            if entry is not None:
                total[entry[0]] += count * entry[1]
        return total

    def rank(self, query: str) -> list[int]:
        """Document indices, best first; ties keep document order."""
        return [int(i) for i in np.argsort(-self.scores(query), kind="stable")]


def posting_text(posting: Posting) -> str:
    """The text BM25 indexes for a posting: its title and description."""
    return f"{posting.title}\n{posting.description}"


def bm25_ranker() -> Ranker:
    """The plain BM25 baseline as a Ranker; the index is built once per distinct posting list."""
    cache: dict[tuple[str, ...], BM25] = {}

    def rank(resume_text: str, postings: list[Posting]) -> list[str]:
        key = tuple(p.id for p in postings)
        if key not in cache:
            cache[key] = BM25([posting_text(p) for p in postings])
        return [postings[i].id for i in cache[key].rank(resume_text)]

    return rank


def precision_at(ranking: Sequence[str], relevant: set[str], known: set[str], k: int) -> float:
    """Share of the first k ids that are relevant; a short ranking counts its missing places as misses."""
    top = list(ranking[:k])
    if len(set(top)) != len(top):
        raise ValueError("the ranking repeats a posting id in its top k")
    unknown = [i for i in top if i not in known]
    if unknown:
        raise ValueError(f"the ranking returns unknown posting ids: {unknown[:3]}")
    return sum(i in relevant for i in top) / k


def evaluate(ranker: Ranker, resumes: list[LabelledResume], postings: list[Posting], k: int = 10) -> Report:
    """Judge a ranker's own-profession precision@k on the resumes, against plain BM25."""
    known = {p.id for p in postings}
    categories = sorted({r.category for r in resumes})
    relevant = {c: {p.id for p in postings if own_profession(c, p.title, p.tags)} for c in categories}
    baseline = bm25_ranker()
    results = []
    for resume in resumes:
        # Each ranker gets its own copy: a ranker that sorts the list in place cannot disturb the other.
        mine = precision_at(ranker(resume.text, list(postings)), relevant[resume.category], known, k)
        base = precision_at(baseline(resume.text, list(postings)), relevant[resume.category], known, k)
        results.append(ResumeResult(resume.id, resume.category, mine, base))
    per_category = []
    for category in categories:
        rows = [r for r in results if r.category == category]
        per_category.append(
            CategoryResult(
                category,
                len(relevant[category]),
                len(rows),
                statistics.fmean(r.precision for r in rows),
                statistics.fmean(r.bm25_precision for r in rows),
                len(relevant[category]) >= k,
            )
        )
    eligible = {c.category for c in per_category if c.eligible}
    counted = [r for r in results if r.category in eligible]

    def mean(values: list[float]) -> float:
        return statistics.fmean(values) if values else math.nan

    return Report(
        k=k,
        precision=mean([r.precision for r in counted]),
        bm25_precision=mean([r.bm25_precision for r in counted]),
        wins=mean([float(r.precision >= r.bm25_precision) for r in counted]),
        mean_delta=mean([r.precision - r.bm25_precision for r in counted]),
        resumes=len(counted),
        categories=tuple(per_category),
        per_resume=tuple(results),
    )


def _jobmate_ranker() -> Ranker:
    """Jobmate's ranker, imported only when asked for: its module pulls in the whole skill engine."""
    try:
        module = importlib.import_module("tools.gap.matching")
        factory = cast(Callable[[], Ranker], module.benchmark_ranker)
    except (ImportError, AttributeError) as error:
        print(
            f"cannot judge Jobmate: tools.gap.matching.benchmark_ranker() is not available ({error})",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    return factory()


def print_report(report: Report, name: str, seconds: float) -> None:
    """Print the headline figures and the per-category table."""
    k = report.k
    print(f"{'ranker':<44} {name}")
    print(f"{'resumes judged (eligible categories)':<44} {report.resumes:8d}")
    print(f"{f'P@{k}, own profession':<44} {report.precision:8.3f}")
    print(f"{f'P@{k} of plain BM25':<44} {report.bm25_precision:8.3f}")
    print(f"{f'wins vs BM25 (share with P@{k} >= BM25)':<44} {report.wins:8.3f}")
    print(f"{'mean P@k minus BM25':<44} {report.mean_delta:+8.3f}")
    print(f"{'ms per resume (ranker and BM25)':<44} {1000 * seconds / max(len(report.per_resume), 1):8.1f}")
    print()
    print(f"{'category':<24} {'own':>5} {'resumes':>8} {f'P@{k}':>7} {'BM25':>7} {'delta':>7}")
    for row in report.categories:
        note = "" if row.eligible else f"  (fewer than {k} own postings: not in the figures above)"
        print(
            f"{row.category:<24} {row.own_postings:>5} {row.resumes:>8} {row.precision:>7.3f} "
            f"{row.bm25_precision:>7.3f} {row.precision - row.bm25_precision:>+7.3f}{note}"
        )


def main(argv: Sequence[str] | None = None) -> None:
    """Judge the chosen ranker on a seeded resume sample and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--per-category", type=int, default=5, help="resumes sampled per category")
    parser.add_argument("--ranker", choices=("bm25", "jobmate"), default="bm25")
    parser.add_argument("--k", type=int, default=10, help="the cut-off of precision@k")
    parser.add_argument("--seed", type=int, default=7, help="the seed of the resume sample")
    args = parser.parse_args(argv)
    ranker = _jobmate_ranker() if args.ranker == "jobmate" else bm25_ranker()
    postings = load_postings()
    resumes = load_resumes(args.per_category, seed=args.seed)
    started = time.perf_counter()
    report = evaluate(ranker, resumes, postings, k=args.k)
    print_report(report, args.ranker, time.perf_counter() - started)


if __name__ == "__main__":
    main()
