"""Writes that need the person's approval: what each will write (the preview) and carrying it out once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from langgraph.types import Command
from sqlalchemy.orm import Session

from agent.context import RunContext
from persistence.repositories import agent_writes
from tools.answers import AgentRuntime, Answer, reply, run_context, services

log = logging.getLogger(__name__)

Action = Literal["approve", "reject", "refused"]


@dataclass(frozen=True)
class Preview:
    """Exactly what a write will change, in words a person can check before approving."""

    summary: str
    lines: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form, for the interrupt payload."""
        return {"summary": self.summary, "lines": list(self.lines)}


@dataclass(frozen=True)
class Decision:
    """The person's answer to one proposed write; `reason` explains a refusal made before asking."""

    action: Action
    reason: str | None = None

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form, for the graph state."""
        return {"action": self.action} | ({"reason": self.reason} if self.reason else {})


# A preview builder takes the run context and the validated arguments; it raises a person's error
# (ToolInputError, NotFoundError, ...) for a write that could never be carried out.
PreviewBuilder = Callable[..., Preview]
Write = Callable[[Session, RunContext], Answer]


def decision_for(runtime: AgentRuntime) -> Decision | None:
    """The decision the approval step recorded for this tool call, if any."""
    decisions: dict[str, dict[str, str]] = (runtime.state or {}).get("decisions") or {}
    raw = decisions.get(runtime.tool_call_id or "")
    if raw is None:
        return None
    action = raw.get("action")
    if action not in ("approve", "reject", "refused"):
        return None
    return Decision(action, raw.get("reason"))  # type: ignore[arg-type]


def carry_out(runtime: AgentRuntime, *, name: str, write: Write) -> Command[Any]:
    """Do an approved write exactly once; a rejected or unapproved one writes nothing.

    The write and its record in `agent_writes` commit together, keyed by thread and tool call, so
    a step that runs again after a crash or a resume returns the first result instead of writing twice.
    """
    decision = decision_for(runtime)
    if decision is None:
        text = "Not done: this change needs the person's approval, and none was given. Nothing was written."
        return reply(runtime, Answer(text), name=name)
    if decision.action == "reject":
        return reply(
            runtime, Answer("Not saved: the person rejected this change. Nothing was written."), name=name
        )
    if decision.action == "refused":
        return reply(runtime, Answer(f"Not done: {decision.reason}. Nothing was written."), name=name)
    context = run_context(runtime)
    key = f"{context.thread_id}:{runtime.tool_call_id}"
    with services(runtime).session() as session:
        done = agent_writes.find_write(session, owner_id=context.owner_id, write_key=key)
        if done is not None:
            log.info("write %s was already made; not repeating it", key)
            return reply(runtime, Answer(done.reply, dict(done.facts)), name=name)
        answer = write(session, context)
        agent_writes.record_write(
            session,
            owner_id=context.owner_id,
            write_key=key,
            tool=name,
            reply=answer.text,
            facts=answer.facts,
        )
    return reply(runtime, answer, name=name)
