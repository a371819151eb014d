"""Ranking many postings for one person: cached analyses, a documented match score, top reasons.

MATCH_VERSION "match-1". The gap score says how ready a person is for one job; ranking many jobs also
needs to know which jobs are of the person's own line of work, or generic postings that anyone
covers would come first. The match score of person P and posting J is

    match = round(100 * (0.6 * role + 0.2 * affinity + 0.2 * gap / 100))

- role: the gap score's role dimension (closeness of J's O*NET occupation to P's recent roles), 0
  when J's title names no occupation;
- affinity: cosine of the two skill sets, each skill weighted by its specificity
  ln((N + 1) / (1 + occupations that use it)) and, on the posting side, by its weight for the
  posting's occupation: sharing rare skills counts, sharing "Microsoft Office" barely does;
- gap: the gap score (`tools.gap.score`); for a posting too thin to score, the number it would get.

Postings are ranked by match, then by the lower end of the gap band, then by id.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.settings import load_settings
from onet.extract import Extractor
from onet.occupations import OccupationTable
from onet.reference import Reference, reference_from_release
from tools.gap.person import person_from_resume
from tools.gap.score import Person, Score, score
from tools.jobs.analysis import ANALYSIS_VERSION, PostingAnalysis, analyse_posting, posting_hash
from tools.jobs.analysis_codec import StaleAnalysis, analysis_from_dict
from tools.resume.parse import parse_resume
from tools.resume.reading import read_resume

MATCH_VERSION = "match-1"
ROLE_SHARE, AFFINITY_SHARE, GAP_SHARE = 0.6, 0.2, 0.2
MAX_REASONS = 3


@dataclass(frozen=True)
class PostingInput:
    """One posting to rank: its id in the caller's list, title and text."""

    id: str
    title: str
    description: str


@dataclass(frozen=True)
class Ranked:
    """One posting's place in the ranking, with its score, band and the reasons that decided it."""

    id: str
    score: int  # the match score
    gap: int | None  # the gap score, None when the posting is too thin to score
    gap_low: int
    gap_high: int
    reasons: tuple[str, ...]

    def as_dict(self, *, reasons: bool = False) -> dict[str, Any]:
        """`{"id", "score"}`, the shape `jobmate match --json` promises; gap score and reasons on request."""
        shown: dict[str, Any] = {"id": self.id, "score": self.score}
        if reasons:
            shown["gap"] = {"score": self.gap, "low": self.gap_low, "high": self.gap_high}
            shown["reasons"] = list(self.reasons)
        return shown


class AnalysisCache:
    """Posting analyses by content hash in one JSON file, for one engine version and O*NET release."""

    def __init__(self, folder: Path | None, fingerprint: str) -> None:
        name = f"posting-analyses-{ANALYSIS_VERSION}-{fingerprint[:16]}.json"
        self.path = folder / name if folder is not None else None
        self._analyses: dict[str, PostingAnalysis] = {}
        self._raw: dict[str, Any] = {}
        self.changed = False
        if self.path is not None and self.path.exists():
            try:
                self._raw = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._raw = {}  # a damaged cache is only a slower start: analyses are redone

    def get(self, jd_hash: str) -> PostingAnalysis | None:
        """The cached analysis of a posting text, if any."""
        if jd_hash in self._analyses:
            return self._analyses[jd_hash]
        raw = self._raw.get(jd_hash)
        if raw is None:
            return None
        try:
            analysis = analysis_from_dict(raw)
        except (StaleAnalysis, KeyError, TypeError):
            return None
        self._analyses[jd_hash] = analysis
        return analysis

    def put(self, analysis: PostingAnalysis) -> None:
        """Remember an analysis (written out by `save`)."""
        self._analyses[analysis.jd_hash] = analysis
        self._raw[analysis.jd_hash] = analysis.as_dict()
        self.changed = True

    def save(self) -> None:
        """Write the cache atomically, so a crash never leaves half a file."""
        if self.path is None or not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(self._raw, out)
        Path(temporary).replace(self.path)
        self.changed = False


def analyse_all(
    postings: Iterable[PostingInput], reference: Reference, extractor: Extractor, cache: AnalysisCache
) -> list[tuple[str, PostingAnalysis]]:
    """Each posting's analysis, from the cache when its text was seen before."""
    analysed = []
    for posting in postings:
        jd_hash = posting_hash(posting.title, posting.description)
        analysis = cache.get(jd_hash)
        if analysis is None:
            analysis = analyse_posting(posting.title, posting.description, reference, extractor)
            cache.put(analysis)
        analysed.append((posting.id, analysis))
    return analysed


def rank(
    person: Person, analyses: list[tuple[str, PostingAnalysis]], occupations: OccupationTable
) -> list[Ranked]:
    """Postings best first, by the match score of the module docstring."""
    mine = {skill_id: occupations.specificity(skill_id) for skill_id in person.skills}
    mine_norm = math.sqrt(sum(v * v for v in mine.values()))
    ranked = []
    for posting_id, analysis in analyses:
        result = score(person, analysis, occupations)
        gap = result.raw
        role = next((d.value or 0.0 for d in result.dimensions if d.name == "role"), 0.0)
        close = affinity(mine, mine_norm, analysis, occupations)
        value = round(100 * (ROLE_SHARE * role + AFFINITY_SHARE * close + GAP_SHARE * gap / 100))
        ranked.append(
            Ranked(
                id=posting_id,
                score=value,
                gap=result.value,
                gap_low=result.low,
                gap_high=result.high,
                reasons=top_reasons(result),
            )
        )
    return sorted(ranked, key=lambda r: (-r.score, -r.gap_low, r.id))


def affinity(
    mine: dict[str, float], mine_norm: float, analysis: PostingAnalysis, occupations: OccupationTable
) -> float:
    """Cosine of the person's and the posting's skills, weighted by how telling each skill is."""
    theirs = {s.skill_id: s.weight * occupations.specificity(s.skill_id) for s in analysis.skills}
    norm = math.sqrt(sum(v * v for v in theirs.values())) * mine_norm
    if not norm:
        return 0.0
    return sum(weight * mine[skill_id] for skill_id, weight in theirs.items() if skill_id in mine) / norm


def top_reasons(result: Score) -> tuple[str, ...]:
    """Why a posting ranks where it does: the role first (most of the match), then the gap's parts."""
    if result.insufficient:
        return (f"not enough to score: {result.insufficient}",)
    counted = {d.name: d for d in result.dimensions if d.value is not None}
    first = [counted[name] for name in ("role", "required") if name in counted]
    # Then whichever other part moved the score most, up or down.
    rest = sorted(
        (d for d in counted.values() if d not in first), key=lambda d: -max(d.earned, d.points - d.earned)
    )
    return tuple(f"{d.name}: {d.why}" for d in [*first, *rest][:MAX_REASONS])


def benchmark_ranker() -> Callable[[str, list[Any]], list[str]]:
    """A ranker for `benchmarks.ranking_judge`: resume text and postings in, posting ids out, best first."""
    settings = load_settings()
    reference = reference_from_release(settings.onet_source_path)
    extractor = Extractor(reference.catalog)
    cache = AnalysisCache(settings.data_dir / "cache", reference.catalog.fingerprint)

    def ranker(resume_text: str, postings: list[Any]) -> list[str]:
        inputs = [PostingInput(str(p.id), p.title, p.description) for p in postings]
        analyses = analyse_all(inputs, reference, extractor, cache)
        cache.save()
        read = read_resume(resume_text.encode("utf-8"), filename="resume.txt")
        parsed = parse_resume(read, extractor, today=dt.date.today())
        person = person_from_resume(parsed, reference.occupations)
        return [r.id for r in rank(person, analyses, reference.occupations)]

    return ranker
