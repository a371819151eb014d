"""The graph's nodes: the model's turn (with retries and redaction), the approval step, and the tools."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, SystemMessage
from langchain_core.tools import BaseTool
from langgraph.prebuilt import ToolNode
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from agent.context import RunContext
from agent.prompts import AGENT_FACTS, AGENT_SYSTEM
from graph.context_window import recent_turns
from graph.model_errors import ModelFailure, apology, classify
from graph.redaction import Redactor, details_from, outgoing, restored
from graph.state import AgentState
from persistence.repositories import resumes
from tools.answers import person_errors
from tools.approvals import Decision, PreviewBuilder

log = logging.getLogger(__name__)


class AgentNode(Protocol):
    """A node of this graph: the state in, a state update out; the run context is injected."""

    def __call__(self, state: AgentState, *, runtime: Runtime[RunContext]) -> Awaitable[dict[str, Any]]:
        """Run the node."""
        ...


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a failing model call is tried again."""

    attempts: int = 3
    first_delay_s: float = 1.0
    factor: float = 2.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after the given failed attempt (1-based)."""
        return self.first_delay_s * self.factor ** (attempt - 1)


def system_message(context: RunContext, facts: dict[str, Any]) -> SystemMessage:
    """The rules, today's date and the facts; the facts also ride along as data for the offline router."""
    text = AGENT_SYSTEM.format(today=context.today.isoformat())
    if facts:
        text += "\n\n" + AGENT_FACTS.format(facts=json.dumps(facts, sort_keys=True))
    return SystemMessage(text, additional_kwargs={"facts": dict(facts), "today": context.today.isoformat()})


def _person_redactor(context: RunContext) -> Redactor:
    services = context.services
    with services.session() as session:
        default = resumes.default_resume(session, owner_id=context.owner_id)
        contact = (default.parsed_json or {}).get("contact") if default is not None else None
    return Redactor(details_from(contact))


def make_agent_node(
    model: BaseChatModel,
    tools: list[BaseTool],
    *,
    remote: bool,
    max_steps: int,
    retry: RetryPolicy,
    history_tokens: int,
) -> AgentNode:
    """The model's turn: it answers or calls tools; failures are retried, then apologised for.

    The model reads the current turn and as many earlier turns as fit in `history_tokens`, so a
    thread can go on all day without outgrowing the model's context.
    """
    bound = model.bind_tools(tools)

    async def agent(state: AgentState, *, runtime: Runtime[RunContext]) -> dict[str, Any]:
        context = runtime.context
        messages: list[AnyMessage] = list(state.get("messages") or [])
        steps = 1 if messages and isinstance(messages[-1], HumanMessage) else (state.get("steps") or 0) + 1
        if steps > max_steps:
            text = (
                f"I stopped after {max_steps} steps without finishing, so nothing more was done. "
                "Please ask again in smaller parts."
            )
            return {"messages": [AIMessage(text)], "steps": steps}
        system = system_message(context, dict(state.get("facts") or {}))
        redactor = await asyncio.to_thread(_person_redactor, context) if remote else None
        window = recent_turns(messages, budget_tokens=history_tokens)
        sent = [system, *(outgoing(window, redactor) if redactor else window)]
        failure: ModelFailure | None = None
        for attempt in range(1, retry.attempts + 1):
            try:
                # The node's config (callbacks, streaming) reaches the model through the context.
                answer = await bound.ainvoke(sent)
                if not isinstance(answer, AIMessage):
                    raise TypeError(f"the model answered with {type(answer).__name__}")
                if answer.invalid_tool_calls:
                    raise ValueError("the model's tool call had arguments that are not valid JSON")
                if answer.tool_calls and answer.response_metadata.get("finish_reason") == "length":
                    # Streaming completes cut-off JSON quietly: a truncated call must not run.
                    raise ValueError("the model's tool call was cut off at its length limit")
                if redactor is not None:
                    answer = restored(answer, redactor)
                return {"messages": [answer], "steps": steps}
            except Exception as error:
                failure = classify(error)
                log.warning("model call %d of %d failed: %s", attempt, retry.attempts, failure.summary)
                if not failure.retryable or attempt == retry.attempts:
                    break
                await asyncio.sleep(retry.delay(attempt))
        assert failure is not None
        return {"messages": [AIMessage(apology(failure))], "steps": steps}

    return agent


def make_approval_node(previews: dict[str, PreviewBuilder], tools: list[BaseTool]) -> AgentNode:
    """Shows the person exactly what each proposed write would change and waits for their decision.

    Writes that could never succeed (a task that does not exist, a date in the past) are refused here
    with the reason, without asking. The resume value is "approve", "reject", or per call
    {tool_call_id: {"action": "approve" | "reject" | "edit", "args": {...}}}.
    """
    schemas = {t.name: t for t in tools}
    errors = person_errors()

    def check(context: RunContext, name: str, args: dict[str, Any]) -> dict[str, Any]:
        schema = schemas[name].tool_call_schema
        validated = schema.model_validate(args)  # type: ignore[union-attr]
        typed = {field: getattr(validated, field) for field in type(validated).model_fields}
        return previews[name](context, **typed).as_dict()

    async def approval(state: AgentState, *, runtime: Runtime[RunContext]) -> dict[str, Any]:
        context = runtime.context
        last = (state.get("messages") or [])[-1]
        assert isinstance(last, AIMessage)
        calls = [c for c in last.tool_calls if c["name"] in previews]
        decisions: dict[str, dict[str, str]] = {}
        items: list[dict[str, Any]] = []
        for call in calls:
            try:
                preview = await asyncio.to_thread(check, context, call["name"], call["args"])
            except errors as error:
                decisions[call["id"] or ""] = Decision("refused", _reason(error)).as_dict()
                continue
            items.append({"id": call["id"], "tool": call["name"], "args": call["args"], **preview})
        edited = list(last.tool_calls)
        if items:
            answer = interrupt({"kind": "approval", "items": items})
            for item in items:
                action, new_args = _decision_for(answer, str(item["id"]))
                if action == "edit" and new_args is not None:
                    try:
                        await asyncio.to_thread(check, context, item["tool"], new_args)
                    except errors as error:
                        decisions[item["id"]] = Decision(
                            "refused", f"the edit was not usable: {_reason(error)}"
                        ).as_dict()
                        continue
                    edited = [{**c, "args": new_args} if c["id"] == item["id"] else c for c in edited]
                    action = "approve"
                decisions[item["id"]] = Decision("approve" if action == "approve" else "reject").as_dict()
        update: dict[str, Any] = {"decisions": decisions}
        if edited != list(last.tool_calls):
            # Same message id: the edited calls replace the proposed ones in the history.
            update["messages"] = [last.model_copy(update={"tool_calls": edited})]
        return update

    return approval


def _reason(error: Exception) -> str:
    if hasattr(error, "errors") and callable(error.errors):  # a pydantic ValidationError
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return str(error)


def _decision_for(answer: Any, call_id: str) -> tuple[str, dict[str, Any] | None]:
    """(action, edited args) from the person's answer; anything unclear counts as a rejection."""
    if isinstance(answer, str):
        return (answer if answer in ("approve", "reject") else "reject"), None
    if isinstance(answer, dict):
        chosen = answer.get(call_id, answer.get("*"))
        if isinstance(chosen, str):
            return (chosen if chosen in ("approve", "reject") else "reject"), None
        if isinstance(chosen, dict):
            action = str(chosen.get("action", "reject"))
            args = chosen.get("args")
            if action == "edit" and isinstance(args, dict):
                return "edit", args
            return (action if action in ("approve", "reject") else "reject"), None
    return "reject", None


def make_tool_node(tools: list[BaseTool]) -> ToolNode:
    """Runs the tools; a person's error comes back as a short message, never a stack trace."""
    errors = person_errors()

    def explain(error: Exception) -> str:
        if isinstance(error, errors):
            return f"Error: {_reason(error)}. Nothing was changed."
        log.exception("tool failed", exc_info=error)
        return f"Error: the tool failed unexpectedly ({type(error).__name__}). Nothing was changed."

    return ToolNode(tools, handle_tool_errors=explain)
