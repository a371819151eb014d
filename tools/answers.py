"""How a tool answers the graph: a short text for the model, small facts for the state, data for the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from langchain_core.messages import ToolMessage
from langgraph.prebuilt import ToolRuntime
from langgraph.types import Command

from agent.context import RunContext
from tools.services import Services

# What a tool is given besides its arguments: the run context, the graph state and its call id.
AgentRuntime = ToolRuntime[RunContext, dict[str, Any]]


class ToolInputError(ValueError):
    """Arguments a person (or the model) gave that cannot be used; the message says what to change."""


@dataclass(frozen=True)
class Answer:
    """What a tool found or did: text for the chat, facts (ids) to remember, a small artifact for the UI."""

    text: str
    facts: dict[str, Any] = field(default_factory=dict)
    artifact: dict[str, Any] | None = None


def run_context(runtime: AgentRuntime) -> RunContext:
    """The run's context; a graph run without one is a programming error, not a person's."""
    context = runtime.context
    if not isinstance(context, RunContext):
        raise TypeError("the graph was run without a RunContext")
    return context


def services(runtime: AgentRuntime) -> Services:
    """The open engines of this process."""
    return cast(Services, run_context(runtime).services)


def reply(runtime: AgentRuntime, answer: Answer, *, name: str) -> Command[Any]:
    """The state update of one tool call: its message, plus the facts it learned."""
    message = ToolMessage(
        content=answer.text, tool_call_id=runtime.tool_call_id or "", name=name, artifact=answer.artifact
    )
    update: dict[str, Any] = {"messages": [message]}
    if answer.facts:
        update["facts"] = answer.facts
    return Command(update=update)


def person_errors() -> tuple[type[Exception], ...]:
    """Errors a person (or the model's arguments) can cause: shown as short messages, never as a trace."""
    # Imported here: answers.py sits below the engines that define these.
    from pydantic import ValidationError  # noqa: PLC0415

    from onet.catalog import KnowledgeBaseMissing  # noqa: PLC0415
    from persistence.errors import PersistenceError  # noqa: PLC0415
    from tools.gap.service import GapError  # noqa: PLC0415
    from tools.plan.schedule import PlanError  # noqa: PLC0415
    from tools.resume.reading import ResumeFileError  # noqa: PLC0415

    return (
        ToolInputError,
        PersistenceError,
        GapError,
        PlanError,
        ResumeFileError,
        KnowledgeBaseMissing,
        ValidationError,
    )
