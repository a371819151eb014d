"""The graph's state: the conversation, small facts (ids) it refers to, and pending approval decisions."""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

from langchain_core.messages import AnyMessage
from langgraph.graph.message import add_messages


def merge_facts(current: dict[str, Any] | None, update: dict[str, Any] | None) -> dict[str, Any]:
    """Newer facts replace older ones of the same name; the rest are kept."""
    return {**(current or {}), **(update or {})}


class AgentState(TypedDict, total=False):
    """Ids and small facts only: documents stay in the database and are fetched by id."""

    messages: Annotated[list[AnyMessage], add_messages]
    # e.g. resume_id, report_id, job_id, goal_id, and the ids last listed: jobs, tasks, reports
    facts: Annotated[dict[str, Any], merge_facts]
    # tool_call_id -> {"action": "approve" | "reject" | "refused", "reason": ...}, for the current step
    decisions: dict[str, dict[str, str]]
    # model calls in the current turn, against the step cap
    steps: int
