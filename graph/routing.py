"""Where the graph goes after the model answers: approval for writes, the tools, or the end."""

from __future__ import annotations

from typing import Literal

from langchain_core.messages import AIMessage

from graph.state import AgentState

APPROVAL_NODE: Literal["approval"] = "approval"
TOOLS_NODE: Literal["tools"] = "tools"


def route_after_agent(
    state: AgentState, write_tools: frozenset[str]
) -> Literal["approval", "tools", "__end__"]:
    """Writes wait for the person's approval first; reads go straight to the tools; no calls ends the turn."""
    messages = state.get("messages") or []
    last = messages[-1] if messages else None
    if not isinstance(last, AIMessage) or not last.tool_calls:
        return "__end__"
    if any(call["name"] in write_tools for call in last.tool_calls):
        return APPROVAL_NODE
    return TOOLS_NODE
