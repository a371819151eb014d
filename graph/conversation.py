"""Running conversation turns: the compiled graph on the checkpointer, per person and thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, AnyMessage, HumanMessage, ToolMessage
from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command

from agent.context import RunContext
from graph.builder import AGENT, build_graph
from graph.nodes import RetryPolicy
from graph.routing import APPROVAL_NODE
from tools.services import Services

TokenSink = Callable[[str], None]

# A turn is stored once, when it ends or stops for an approval, instead of after every step: each
# stored step rewrote the whole message history (1.2 MB a turn on a 200-turn thread). Losing a
# half-run turn to a crash is safe: the person asks again, and an approved write that already
# committed is found by its tool call id when the approval is replayed (tools/approvals.py).
DURABILITY: Literal["exit"] = "exit"
# The key under which the "updates" stream reports a node's interrupt().
INTERRUPT = "__interrupt__"


@dataclass(frozen=True)
class Turn:
    """What one turn produced: the new messages, and the approval it waits for (if any)."""

    messages: list[AnyMessage]
    approval: dict[str, Any] | None = None

    @property
    def answer(self) -> str:
        """The agent's final words in this turn."""
        texts = [m.text for m in self.messages if isinstance(m, AIMessage) and m.text]
        return texts[-1] if texts else ""

    @property
    def tool_results(self) -> list[ToolMessage]:
        """The tool messages of this turn, in order."""
        return [m for m in self.messages if isinstance(m, ToolMessage)]


def checkpoint_thread(owner_id: int, thread_id: str) -> str:
    """The checkpointer's key: a thread id only ever opens its owner's conversation."""
    return f"user-{owner_id}:{thread_id}"


@dataclass
class Conversations:
    """The compiled graph and its engines; one per process, shared by every person and thread."""

    graph: CompiledStateGraph[Any, Any, Any, Any]
    services: Services
    remote: bool
    today: Callable[[], dt.date] = field(default=dt.date.today)

    def _config(self, owner_id: int, thread_id: str) -> RunnableConfig:
        return {"configurable": {"thread_id": checkpoint_thread(owner_id, thread_id)}, "recursion_limit": 60}

    def _context(self, owner_id: int, thread_id: str) -> RunContext:
        return RunContext(owner_id=owner_id, thread_id=thread_id, today=self.today(), services=self.services)

    async def send(
        self,
        *,
        owner_id: int,
        thread_id: str,
        text: str | None = None,
        resume: Any = None,
        on_token: TokenSink | None = None,
    ) -> Turn:
        """Run one turn: a new message from the person, or their answer to a pending approval."""
        # The turn's messages and its interrupt are read off the stream: loading the thread's state
        # before and after would decode its whole history twice more per turn.
        config = self._config(owner_id, thread_id)
        payload: Any = Command(resume=resume) if text is None else {"messages": [HumanMessage(text)]}
        collected = TurnMessages()
        interrupts: tuple[Any, ...] = ()
        async for mode, chunk in self.graph.astream(
            payload,
            config,
            context=self._context(owner_id, thread_id),
            stream_mode=["messages", "updates"],
            durability=DURABILITY,
        ):
            if mode == "updates" and isinstance(chunk, dict):
                for node, update in chunk.items():
                    if node == INTERRUPT:
                        interrupts += tuple(update)
                    else:
                        collected.add(node, update)
            elif mode == "messages" and on_token is not None:
                message, meta = chunk  # type: ignore[str-unpack]
                # A streaming model sends chunks; one that does not (the offline router) sends the message.
                from_agent = isinstance(meta, dict) and meta.get("langgraph_node") == AGENT
                if from_agent and isinstance(message, AIMessageChunk | AIMessage) and message.text:
                    on_token(message.text)
        return Turn(collected.messages, pending_approval(interrupts))

    async def history(self, *, owner_id: int, thread_id: str) -> list[AnyMessage]:
        """Every message of the thread so far."""
        state = await self.graph.aget_state(self._config(owner_id, thread_id))
        return list(state.values.get("messages", []))

    async def waiting_approval(self, *, owner_id: int, thread_id: str) -> dict[str, Any] | None:
        """The approval a thread stopped at, if it did (a reopened thread shows it again)."""
        state = await self.graph.aget_state(self._config(owner_id, thread_id))
        return pending_approval(state.interrupts)


class TurnMessages:
    """The messages a turn added, in order, from the nodes' state updates."""

    def __init__(self) -> None:
        self.messages: list[AnyMessage] = []
        self._at: dict[str, int] = {}

    def add(self, node: str, update: Any) -> None:
        """Take one node's update (a dict, or a list of them from tools that return commands)."""
        for part in update if isinstance(update, list) else [update]:
            for message in (part or {}).get("messages", []) if isinstance(part, dict) else []:
                if message.id in self._at:
                    self.messages[self._at[message.id]] = message  # an edit replaces its message
                elif node != APPROVAL_NODE:  # the approval step only rewrites earlier messages
                    if message.id:
                        self._at[message.id] = len(self.messages)
                    self.messages.append(message)


def pending_approval(interrupts: Any) -> dict[str, Any] | None:
    """The approval payload among a state's interrupts."""
    for pending in interrupts or ():
        value = getattr(pending, "value", None)
        if isinstance(value, dict) and value.get("kind") == "approval":
            return value
    return None


@asynccontextmanager
async def open_conversations(
    services: Services,
    checkpointer: BaseCheckpointSaver[Any],
    *,
    model: BaseChatModel | None = None,
    remote: bool = False,
    retry: RetryPolicy | None = None,
) -> AsyncIterator[Conversations]:
    """Conversations on the configured model (or the given one) and the given checkpointer."""
    if model is None:
        from agent.llm import chat_model  # noqa: PLC0415

        model, remote = chat_model(services.settings)
    history = services.settings.llm_history_tokens
    graph = build_graph(model, remote=remote, retry=retry, history_tokens=history).compile(
        checkpointer=checkpointer
    )
    yield Conversations(graph=graph, services=services, remote=remote)
