"""The real O*NET reference read straight from the shared release, loaded once for the unit tests."""

from __future__ import annotations

import csv
from functools import cache

from onet.extract import Extractor
from onet.reference import Reference, reference_from_release

from .livecareer import shared_data


@cache
def reference() -> Reference:
    """Catalogue and occupations of the shared O*NET release; fails, never skips, when it is missing."""
    source = shared_data() / "onet"
    assert source.exists(), f"the O*NET release is missing: {source} (set JOBMATE_SHARED_DATA)"
    return reference_from_release(source)


@cache
def extractor() -> Extractor:
    """The skill extractor over that catalogue."""
    return Extractor(reference().catalog)


@cache
def postings() -> dict[str, tuple[str, str]]:
    """Real postings by job id: (title, description)."""
    path = shared_data() / "jobs" / "linkedin_postings.csv"
    assert path.exists(), f"the real postings are missing: {path} (set JOBMATE_SHARED_DATA)"
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["job_id"]: (row["title"], row["description"]) for row in csv.DictReader(handle)}
