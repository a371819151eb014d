"""Prints the offline router's accuracy on the phrasing table, its latency per message and its load time.

Run: .venv/bin/python -m benchmarks.router_accuracy   The table is tests/router_phrasings.py (the same one the
unit tests use). Accuracy is counted twice: the right tools in the right order, and the right tools with
the expected arguments. The held-out phrasings, never tuned on, are reported apart. Latency is the whole
`invoke` of one message (classification, arguments, the AIMessage) after the one-off load. Last, every
real posting of the shared data (JOBMATE_SHARED_DATA) of 40 words or more is pasted alone, after a
question on its own line, and after a question on the same line: each should become one gap report call.
"""

from __future__ import annotations

import csv
import os
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from langchain_core.messages import HumanMessage

from agent.intents import IntentClassifier
from agent.router import OfflineRouter
from tests.router_phrasings import (
    HELD_OUT,
    PHRASINGS,
    Phrasing,
    calls_match,
    conversation,
    names_match,
    tool_specs,
)

ROUNDS = 3


def _calls(model: Any, phrasing: Phrasing) -> list[dict[str, Any]]:
    answer = model.invoke(conversation(phrasing))
    return [{"name": c["name"], "args": c["args"]} for c in answer.tool_calls]


def _accuracy(model: Any, label: str, table: list[Phrasing]) -> None:
    if not table:
        print(f"{label}: no phrasings")
        return
    tools_right = args_right = 0
    misses: list[str] = []
    for phrasing in table:
        calls = _calls(model, phrasing)
        names, full = names_match(phrasing.calls, calls), calls_match(phrasing.calls, calls)
        tools_right += names
        args_right += full
        if not full:
            expected = "+".join(c.name for c in phrasing.calls) or "text"
            got = "+".join(c["name"] for c in calls) or "text"
            misses.append(
                f"  {'tool' if not names else 'args'} miss {phrasing.id}: expected {expected}, got {got}"
            )
    count = len(table)
    print(f"{label}: {count} phrasings")
    print(f"  tool choice:      {tools_right}/{count} = {tools_right / count:.1%}")
    print(f"  tool + arguments: {args_right}/{count} = {args_right / count:.1%}")
    for line in misses:
        print(line)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _real_postings() -> list[str]:
    shared = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    csv.field_size_limit(10_000_000)
    with (shared / "jobs" / "linkedin_postings.csv").open(encoding="utf-8", newline="") as handle:
        texts = [f"{row['title']}\n{row['description']}" for row in csv.DictReader(handle)]
    return [text for text in texts if len(text.split()) >= 40]


def _pastes(model: Any) -> None:
    postings = _real_postings()
    asks = {"alone": "", "question line": "how do I match this job?\n", "same line": "would I get this job? "}
    print(f"real pasted postings: {len(postings)} of 40 words or more, each pasted three ways")
    for label, ask in asks.items():
        wrong: Counter[str] = Counter()
        for text in postings:
            calls = [c["name"] for c in model.invoke([HumanMessage(ask + text)]).tool_calls]
            if calls != ["gap_report"]:
                wrong["+".join(calls) or "text"] += 1
        right = len(postings) - sum(wrong.values())
        print(f"  {label:<14} one gap report: {right}/{len(postings)} = {right / len(postings):.1%}")
        if wrong:
            print("    instead: " + ", ".join(f"{calls} x{n}" for calls, n in wrong.most_common()))


def main() -> None:
    """Load once, measure accuracy on both tables, then latency over a few rounds of the main table."""
    exemplars = IntentClassifier.warm()
    print(f"one-off load of MiniLM and the exemplar matrix: {exemplars:.2f} s")
    model = OfflineRouter().bind_tools(tool_specs())
    _accuracy(model, "phrasing table", PHRASINGS)
    _accuracy(model, "held-out phrasings", HELD_OUT)
    latencies: list[float] = []
    for _ in range(ROUNDS):
        for phrasing in PHRASINGS:
            begun = time.perf_counter()
            model.invoke(conversation(phrasing))
            latencies.append((time.perf_counter() - begun) * 1000)
    print(
        f"latency per message over {len(latencies)} calls: p50 {statistics.median(latencies):.1f} ms, "
        f"p95 {_percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms"
    )
    _pastes(model)


if __name__ == "__main__":
    main()
