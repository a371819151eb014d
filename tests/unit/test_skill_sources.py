"""Merging where a profile skill came from when it is seen again."""

from __future__ import annotations

import pytest

from persistence.repositories.profile_skills import merged_source


@pytest.mark.parametrize(
    ("current", "incoming", "merged"),
    [
        ("resume", "resume", "resume"),
        ("resume", "manual", "both"),
        ("manual", "resume", "both"),
        ("both", "resume", "both"),
        ("both", "manual", "both"),
        ("task", "resume", "resume"),
        ("resume", "task", "resume"),
        ("manual", "task", "manual"),
    ],
)
def test_merged_source(current: str, incoming: str, merged: str) -> None:
    assert merged_source(current, incoming) == merged
