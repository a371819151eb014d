"""A chat model that plays a script of answers and tool calls, so tests drive the real graph exactly."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from pydantic import Field

Step = AIMessage | Callable[[list[BaseMessage]], AIMessage]


def call(name: str, **args: Any) -> dict[str, Any]:
    """One tool call with a fresh id."""
    return {"name": name, "args": args, "id": f"call_{uuid.uuid4().hex[:12]}", "type": "tool_call"}


def calls(*tool_calls: dict[str, Any]) -> AIMessage:
    """An answer that calls the given tools."""
    return AIMessage("", tool_calls=list(tool_calls))


class ScriptedChatModel(BaseChatModel):
    """Answers each model call with the next scripted step and records what it was shown."""

    script: list[Any] = Field(default_factory=list)  # of Step: pydantic cannot validate the union
    seen: list[list[BaseMessage]] = Field(default_factory=list)
    bound_tools: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def bind_tools(
        self, tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool], **kwargs: Any
    ) -> Runnable[LanguageModelInput, AIMessage]:
        self.bound_tools = [getattr(t, "name", str(t)) for t in tools]
        return self

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.seen.append(list(messages))
        if not self.script:
            raise AssertionError("the script ran out: the graph called the model more often than expected")
        step = self.script.pop(0)
        answer = step(list(messages)) if callable(step) else step
        return ChatResult(generations=[ChatGeneration(message=answer)])
