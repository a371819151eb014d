"""What of a long conversation the model sees: the current turn whole, then earlier turns within a budget."""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.messages import AnyMessage, HumanMessage
from langchain_core.messages.utils import count_tokens_approximately


def recent_turns(messages: Sequence[AnyMessage], *, budget_tokens: int) -> list[AnyMessage]:
    """The messages to send: from the latest person's message on, plus whole earlier turns that fit.

    A turn starts at a person's message, so a tool result is never sent without the call that asked
    for it. Token counts are approximate (no tokenizer download); the current turn is always sent,
    even over the budget, because without it the model cannot answer at all.
    """
    starts = [i for i, message in enumerate(messages) if isinstance(message, HumanMessage)]
    if not starts:
        return list(messages)
    kept_from = starts[-1]
    used = count_tokens_approximately(messages[kept_from:])
    for start, end in zip(reversed(starts[:-1]), reversed(starts[1:]), strict=True):
        cost = count_tokens_approximately(messages[start:end])
        if used + cost > budget_tokens:
            break
        used += cost
        kept_from = start
    return list(messages[kept_from:])
