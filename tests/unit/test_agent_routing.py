"""The graph's pure parts: where a turn goes next, which paste is the posting, how failures differ."""

from __future__ import annotations

import httpx2 as httpx  # the HTTP client the openai package is built on
import openai
import pytest
from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, ToolMessage

from graph.model_errors import apology, classify
from graph.routing import route_after_agent
from graph.state import merge_facts
from tools.jobs.pasted import latest_paste, posting_from, title_of

WRITES = frozenset({"create_tasks", "add_note"})
POSTING = "Data Engineer\n" + "You will build pipelines in Python and SQL on AWS every day. " * 5


def _ai(*names: str) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": n, "args": {}, "id": f"c{i}"} for i, n in enumerate(names)])


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (AIMessage("All done."), "__end__"),
        (_ai("list_tasks"), "tools"),
        (_ai("list_tasks", "create_tasks"), "approval"),
        (_ai("add_note"), "approval"),
        (HumanMessage("hello"), "__end__"),
    ],
    ids=["answer", "read", "read-and-write", "write", "no-model-answer"],
)
def test_writes_wait_for_approval_and_reads_go_straight_to_the_tools(last: AnyMessage, expected: str) -> None:
    assert route_after_agent({"messages": [last]}, WRITES) == expected


def test_newer_facts_replace_older_ones_of_the_same_name() -> None:
    assert merge_facts({"tasks": [1, 2], "report_id": 3}, {"tasks": [4]}) == {"tasks": [4], "report_id": 3}
    assert merge_facts(None, None) == {}


def test_the_newest_long_message_is_the_pasted_posting() -> None:
    messages: list[AnyMessage] = [
        HumanMessage(POSTING),
        ToolMessage("report", tool_call_id="x"),
        HumanMessage("and this one?"),
    ]
    assert latest_paste(messages) == POSTING
    assert posting_from(messages, None, None) == ("Data Engineer", POSTING)
    # A model that passes only the first lines of the paste still gets the whole posting.
    assert posting_from(messages, POSTING[:120], None) == ("Data Engineer", POSTING)
    assert posting_from([HumanMessage("gap report please")], None, None) is None
    assert title_of("one long first sentence without a title line at all and more words than twelve\nx") == ""


@pytest.mark.parametrize(
    "before",
    [
        "how do I match this job?",
        "Would I get this one?",
        "Can you analyse this posting:",
        "Here's a job I found.",
        "check this out!",
        "What do you think?\nI found this on LinkedIn.",
    ],
)
def test_a_question_before_the_paste_is_not_its_title(before: str) -> None:
    assert title_of(f"{before}\n{POSTING}") == "Data Engineer"


@pytest.mark.parametrize(
    ("error", "kind", "retry"),
    [
        (openai.APITimeoutError(request=httpx.Request("POST", "http://x")), "timeout", True),
        (
            openai.RateLimitError(
                "slow down",
                response=httpx.Response(429, request=httpx.Request("POST", "http://x")),
                body=None,
            ),
            "rate_limit",
            True,
        ),
        (
            openai.InternalServerError(
                "boom", response=httpx.Response(502, request=httpx.Request("POST", "http://x")), body=None
            ),
            "server",
            True,
        ),
        (
            openai.AuthenticationError(
                "bad key", response=httpx.Response(401, request=httpx.Request("POST", "http://x")), body=None
            ),
            "refused",
            False,
        ),
        (ValueError("not JSON"), "malformed", True),
        (RuntimeError("odd"), "unknown", False),
    ],
    ids=["timeout", "429", "502", "401", "malformed", "unknown"],
)
def test_model_failures_are_told_apart(error: Exception, kind: str, retry: bool) -> None:
    failure = classify(error)
    assert (failure.kind, failure.retryable) == (kind, retry)
    assert apology(failure).startswith("Sorry, I could not answer: ")
    assert "Nothing was changed" in apology(failure)
