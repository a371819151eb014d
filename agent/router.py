"""The offline router: a chat model that understands common requests without an LLM and calls the tools.

The graph uses it when no model is configured. It reads the facts and today's date that the graph puts
in the system message's `additional_kwargs`, answers a new request with tool calls (or a short text),
and phrases the final answer from the tool results. It calls only tools bound with `bind_tools`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage, ToolCall, ToolMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from langchain_core.tools import BaseTool
from langchain_core.utils.function_calling import convert_to_openai_tool

from agent import router_replies as replies
from agent.intent_examples import TEXT_INTENTS
from agent.intents import IntentClassifier, IntentMatch, fix_typos, normalise
from agent.request_arguments import arguments_for
from agent.request_references import NeedsDetail, RequestContext
from agent.request_split import Request, is_long_paste, looks_like_posting, request_lines, split_requests

# Intents named after their tool need no entry here.
TOOL_OF_INTENT = {"schedule_plan": "learning_plan"}


def message_text(message: BaseMessage) -> str:
    """The text of a message, whether its content is a string or a list of parts."""
    if isinstance(message.content, str):
        return message.content
    parts = [p if isinstance(p, str) else str(p.get("text", "")) for p in message.content]
    return "\n".join(p for p in parts if p)


def tool_call(name: str, args: dict[str, Any]) -> ToolCall:
    """A tool call with a fresh id, as an OpenAI-style model would make it."""
    return ToolCall(name=name, args=args, id=f"call_{uuid.uuid4().hex}", type="tool_call")


def _setting(messages: Sequence[BaseMessage]) -> tuple[dt.date, Mapping[str, Any]]:
    """Today and the remembered facts, from the system message the graph sends first."""
    extra = messages[0].additional_kwargs if messages and isinstance(messages[0], SystemMessage) else {}
    try:
        today = dt.date.fromisoformat(str(extra["today"]))
    except (KeyError, ValueError):
        today = dt.date.today()
    facts = extra.get("facts")
    return today, facts if isinstance(facts, Mapping) else {}


def _nearest_intents(text: str) -> list[str]:
    """Up to two intents the text is closest to, for suggestions when it was not understood."""
    sims = IntentClassifier.similarities([normalise(text)])[0]
    ranked = sorted((i for i in sims if i not in TEXT_INTENTS), key=lambda i: -sims[i])
    return [i for i in ranked[:2] if sims[i] >= 0.35]


def _wants_tasks(text: str) -> bool:
    """Whether the person asked to plan or schedule (so a learning plan should become tasks)."""
    return any(r.intent == "schedule_plan" for r in split_requests(text))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


class Turn:
    """One answer of the router to the conversation so far."""

    def __init__(self, messages: Sequence[BaseMessage], tools: frozenset[str]) -> None:
        self.messages = list(messages)
        self.tools = tools
        self.today, self.facts = _setting(self.messages)
        humans = [i for i, m in enumerate(self.messages) if isinstance(m, HumanMessage)]
        self.human_at = humans[-1] if humans else None
        self.has_paste = any(
            is_long_paste(message_text(m)) for m in self.messages if isinstance(m, HumanMessage)
        )

    def reply(self) -> AIMessage:
        """Tool calls for a new request, or the final answer once the tools have answered."""
        if self.human_at is None:
            return AIMessage(replies.GREETING)
        human = message_text(self.messages[self.human_at])
        after = self.messages[self.human_at + 1 :]
        results = [m for m in after if isinstance(m, ToolMessage)]
        if not results:
            return self.understand(human)
        return self.conclude(human, results)

    def understand(self, text: str) -> AIMessage:
        """Tool calls for what the person asked, or a text answer (help, not understood, a question)."""
        if not text.strip():
            return AIMessage(replies.HELP)
        if looks_like_posting(text):
            return self._calls([Request(text, _paste_match(text))], text, paste=True)
        return self._calls(split_requests(text), text)

    def _calls(self, requests: Sequence[Request], text: str, *, paste: bool = False) -> AIMessage:
        calls: list[ToolCall] = []
        notes: list[str] = []
        missing: list[str] = []
        previous: dict[str, Any] = {}
        for request in requests:
            if request.intent in TEXT_INTENTS:
                continue
            tool = TOOL_OF_INTENT.get(request.intent, request.intent)
            if tool not in self.tools:
                missing.append(tool)
                continue
            context = RequestContext(self.today, self.facts, self.has_paste, previous)
            try:
                args = {} if paste else arguments_for(request.intent, fix_typos(request.text), context)
            except NeedsDetail as detail:
                notes.append(str(detail))
                continue
            if any(c["name"] == tool and c["args"] == args for c in calls):
                continue
            calls.append(tool_call(tool, args))
            previous = {**previous, **args}
        if missing:
            notes.append(replies.unavailable(_unique(missing)))
        if calls or notes:
            return AIMessage(content="\n\n".join(notes), tool_calls=calls)
        intents = {r.intent for r in requests}
        if "help" in intents:
            return AIMessage(replies.HELP)
        if "greeting" in intents:
            return AIMessage(replies.GREETING)
        if "thanks" in intents:
            return AIMessage(replies.THANKS)
        return AIMessage(replies.not_understood(text, _nearest_intents(text)))

    def conclude(self, human: str, results: list[ToolMessage]) -> AIMessage:
        """The answer from the tool results; a plan the person wanted scheduled becomes tasks first."""
        plans = [m for m in results if m.name == "learning_plan" and m.status != "error"]
        artifact = plans[-1].artifact if plans else None
        created = any(m.name == "create_tasks" for m in results)
        notes: list[str] = []
        if isinstance(artifact, Mapping) and artifact.get("tasks") and not created and _wants_tasks(human):
            if "create_tasks" in self.tools:
                args: dict[str, Any] = {"tasks": list(artifact["tasks"])}
                if artifact.get("goal_id") is not None:
                    args["goal_id"] = artifact["goal_id"]
                return AIMessage("", tool_calls=[tool_call("create_tasks", args)])
            notes.append(replies.unavailable(["create_tasks"]))
        return AIMessage(replies.answer(results, notes=notes))


# "analyse", "analysis", but not the job title "Analyst" on the same line as the question.
_ANALYSE_CUES = re.compile(
    r"\banaly[sz](?:e|es|ed|is|ing)\b|\bbreak (?:it |this )?down\b|\brequire|\bask(?:s|ing)? for\b"
    r"|\bwhat do(?:es)? (?:it|they) (?:want|need)",
    re.IGNORECASE,
)


def _paste_match(text: str) -> IntentMatch:
    """The intent of a pasted posting: analyse_job when the lines around it ask for that, else gap_report."""
    lines = request_lines(text)
    matches = IntentClassifier.classify_many(lines) if lines else []
    for line, match in zip(lines, matches, strict=True):
        if _ANALYSE_CUES.search(line) and match.intent not in ("gap_report",):
            return IntentMatch("analyse_job", match.score, match.similarity, match.rule_weight)
    chosen = next((m for m in matches if m.intent in ("analyse_job", "gap_report")), None)
    # A paste with no request about it, or with another one, gets the gap report: what people paste for.
    return chosen or IntentMatch("gap_report", 1.0, 0.0, 1.0)


def warm_up() -> float:
    """Load MiniLM and embed the exemplars now (blocking, once per process): the seconds it took.

    Call it in a thread at startup (`await asyncio.to_thread(warm_up)`) to spare the first message the wait.
    """
    return IntentClassifier.warm()


def bound_tool_names(tools: Any) -> frozenset[str]:
    """The names of the tools bound with `bind_tools` (OpenAI-style definitions)."""
    names = set()
    for tool in tools or []:
        if isinstance(tool, Mapping):
            function = tool.get("function")
            name = function.get("name") if isinstance(function, Mapping) else tool.get("name")
            if name:
                names.add(str(name))
    return frozenset(names)


class OfflineRouter(BaseChatModel):
    """Jobmate's chat model when no LLM is configured: deterministic, offline, tool-calling.

    Construct it with no arguments (`OfflineRouter()`) and use it like any chat model:
    `OfflineRouter().bind_tools(TOOLS)`. The MiniLM exemplars load on the first request, once per process.
    """

    @property
    def _llm_type(self) -> str:
        return "jobmate-offline-router"

    def bind_tools(
        self,
        tools: Sequence[dict[str, Any] | type | Callable[..., Any] | BaseTool],
        *,
        tool_choice: str | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, AIMessage]:
        """The router with these tools bound (by name); it never calls any other."""
        formatted = [convert_to_openai_tool(tool) for tool in tools]
        if tool_choice is not None:
            kwargs["tool_choice"] = tool_choice  # accepted for compatibility; the router decides itself
        return self.bind(tools=formatted, **kwargs)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        message = Turn(messages, bound_tool_names(kwargs.get("tools"))).reply()
        return ChatResult(generations=[ChatGeneration(message=message)])

    async def _agenerate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        # The embeddings are blocking onnxruntime work: keep them off the event loop.
        return await asyncio.to_thread(self._generate, messages, stop, None, **kwargs)
