"""The agent graph: model -> (approval ->) tools -> model, until the model answers without tools."""

from __future__ import annotations

from functools import partial

from langchain_core.language_models import BaseChatModel
from langchain_core.tools import BaseTool
from langgraph.graph import START, StateGraph

from agent.context import RunContext
from graph.nodes import RetryPolicy, make_agent_node, make_approval_node, make_tool_node
from graph.routing import APPROVAL_NODE, TOOLS_NODE, route_after_agent
from graph.state import AgentState
from tools.approvals import PreviewBuilder

AGENT = "agent"
MAX_STEPS = 8


def build_graph(
    model: BaseChatModel,
    *,
    remote: bool,
    history_tokens: int,
    tools: list[BaseTool] | None = None,
    previews: dict[str, PreviewBuilder] | None = None,
    max_steps: int = MAX_STEPS,
    retry: RetryPolicy | None = None,
) -> StateGraph[AgentState, RunContext]:
    """The uncompiled graph; compile it with a checkpointer (`builder.compile(checkpointer=...)`).

    `remote` marks a model outside this process: the person's details are redacted before it sees them.
    `history_tokens` bounds the earlier conversation the model reads (the current turn is always whole);
    it comes from the settings (`JOBMATE_LLM_HISTORY_TOKENS`).
    """
    if tools is None or previews is None:
        from tools.registry import TOOLS, WRITE_PREVIEWS  # noqa: PLC0415

        tools = TOOLS if tools is None else tools
        previews = WRITE_PREVIEWS if previews is None else previews
    graph: StateGraph[AgentState, RunContext] = StateGraph(AgentState, context_schema=RunContext)
    graph.add_node(
        AGENT,
        make_agent_node(
            model,
            tools,
            remote=remote,
            max_steps=max_steps,
            retry=retry or RetryPolicy(),
            history_tokens=history_tokens,
        ),
    )
    graph.add_node(APPROVAL_NODE, make_approval_node(previews, tools))
    graph.add_node(TOOLS_NODE, make_tool_node(tools))
    graph.add_edge(START, AGENT)
    graph.add_conditional_edges(AGENT, partial(route_after_agent, write_tools=frozenset(previews)))
    graph.add_edge(APPROVAL_NODE, TOOLS_NODE)
    graph.add_edge(TOOLS_NODE, AGENT)
    return graph
