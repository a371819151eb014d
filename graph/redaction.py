"""Personal details out of every text sent to a remote model, and back into what it answers."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage

from agent.request_split import is_long_paste
from tools.resume.contacts import ContactDetails, ContactItem, redaction_spans

_MARKER = re.compile(r"<\s*/?\s*pasted_text\s*>", re.IGNORECASE)
_FIELDS = (("name", "name"), ("email", "email"), ("phone", "phone"), ("location", "location"))


def details_from(contact: Mapping[str, Any] | None) -> ContactDetails:
    """Contact details as stored with a resume (`parsed_json["contact"]`)."""
    contact = contact or {}
    items = [ContactItem(kind, str(contact[key]), 0, 0) for key, kind in _FIELDS if contact.get(key)]
    items += [ContactItem("link", str(link), 0, 0) for link in contact.get("links") or []]
    return ContactDetails(tuple(items))


class Redactor:
    """Replaces personal details with numbered placeholders ([EMAIL_1]) and can put them back.

    The same value always gets the same placeholder within one redactor, so a model can refer to it
    and the answer is restored exactly.
    """

    def __init__(self, details: ContactDetails) -> None:
        self._details = details
        self._placeholders: dict[str, str] = {}  # lowered value -> placeholder
        self._originals: dict[str, str] = {}  # placeholder -> value as first seen

    def _placeholder(self, kind: str, value: str) -> str:
        key = value.lower()
        if key not in self._placeholders:
            count = sum(1 for p in self._originals if p.startswith(f"[{kind.upper()}_")) + 1
            placeholder = f"[{kind.upper()}_{count}]"
            self._placeholders[key] = placeholder
            self._originals[placeholder] = value
        return self._placeholders[key]

    def redact(self, text: str) -> str:
        """The text with every personal detail replaced."""
        if not text:
            return text
        merged: list[tuple[int, int, str]] = []
        for start, end, kind in sorted(redaction_spans(text, self._details)):
            if merged and start < merged[-1][1]:
                last = merged[-1]
                merged[-1] = (last[0], max(last[1], end), last[2])
            else:
                merged.append((start, end, kind))
        pieces, cursor = [], 0
        for start, end, kind in merged:
            pieces += [text[cursor:start], self._placeholder(kind, text[start:end])]
            cursor = end
        pieces.append(text[cursor:])
        return "".join(pieces)

    def restore(self, text: str) -> str:
        """The text with every placeholder this redactor made put back."""
        for placeholder, value in self._originals.items():
            text = text.replace(placeholder, value)
        return text

    def redact_value(self, value: Any) -> Any:
        """Strings inside nested tool arguments, redacted."""
        return _walk(value, self.redact)

    def restore_value(self, value: Any) -> Any:
        """Strings inside nested tool arguments, restored."""
        return _walk(value, self.restore)


def _walk(value: Any, change: Any) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_walk(v, change) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, change) for k, v in value.items()}
    return value


def outgoing(messages: list[AnyMessage], redactor: Redactor) -> list[AnyMessage]:
    """Copies of the messages as a remote model may see them: redacted, pasted documents marked as data."""
    sent: list[AnyMessage] = []
    for message in messages:
        text = message.content if isinstance(message.content, str) else message.text
        clean = redactor.redact(text)
        if isinstance(message, HumanMessage) and is_long_paste(clean):
            # A paste must not be able to close its own wrapper and speak outside it.
            clean = _MARKER.sub("[marker removed]", clean)
            clean = f"<pasted_text>\n{clean}\n</pasted_text>"
        update: dict[str, Any] = {"content": clean}
        if isinstance(message, AIMessage) and message.tool_calls:
            update["tool_calls"] = [
                {**call, "args": redactor.redact_value(call["args"])} for call in message.tool_calls
            ]
        sent.append(message.model_copy(update=update))
    return sent


def restored(message: AIMessage, redactor: Redactor) -> AIMessage:
    """The model's answer with the person's details put back, for display and for the tools."""
    update: dict[str, Any] = {}
    if isinstance(message.content, str):
        update["content"] = redactor.restore(message.content)
    if message.tool_calls:
        update["tool_calls"] = [
            {**call, "args": redactor.restore_value(call["args"])} for call in message.tool_calls
        ]
    return message.model_copy(update=update) if update else message
