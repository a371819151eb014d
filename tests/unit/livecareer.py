"""The real LiveCareer resume texts of the shared data folder, loaded once for the unit tests."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def shared_data() -> Path:
    """The shared data folder, from JOBMATE_SHARED_DATA (relative paths count from the repo)."""
    path = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    return path if path.is_absolute() else (REPO / path).resolve()


@cache
def livecareer() -> dict[str, str]:
    """Resume text by LiveCareer id; the tests that use it fail, never skip, when it is missing."""
    path = shared_data() / "resumes" / "livecareer_resumes_text.jsonl"
    assert path.exists(), f"the real resumes are missing: {path} (set JOBMATE_SHARED_DATA)"
    with path.open(encoding="utf-8") as lines:
        return {row["id"]: row["text"] for row in map(json.loads, lines)}
