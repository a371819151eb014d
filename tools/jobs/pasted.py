"""Finding the job posting a person pasted into the chat, so the model never has to copy it back."""

from __future__ import annotations

import re
from collections.abc import Sequence

from langchain_core.messages import AnyMessage, HumanMessage

from agent.request_split import is_long_paste, request_lines

TITLE_WORDS = 12
# Lines people put before a paste that are about it, not its title ("Here's a job I found.").
_ABOUT_THE_PASTE = re.compile(
    r"^(?:here'?s|here is|i found|found|check|look at|this is|what about|thoughts on|have a look)\b", re.I
)


def latest_paste(messages: Sequence[AnyMessage]) -> str | None:
    """The newest message from the person long enough to be a pasted posting, if any."""
    for message in reversed(messages):
        if isinstance(message, HumanMessage):
            text = message.text if isinstance(message.content, list) else str(message.content)
            if is_long_paste(text):
                return text
    return None


def title_of(text: str) -> str:
    """A short first line is the posting's title ("Data Engineer"); otherwise no title.

    A question or remark before the paste ("how do I match this job?") is skipped: as a title it
    would pick the wrong O*NET occupation and cost the role points.
    """
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    asked = request_lines(text)
    while len(lines) > 1 and (
        lines[0] in asked or lines[0].endswith(("?", "!")) or _ABOUT_THE_PASTE.match(lines[0])
    ):
        lines = lines[1:]
    if len(lines) > 1 and len(lines[0].split()) <= TITLE_WORDS:
        return lines[0].strip(" :#*")
    return ""


def posting_from(
    messages: Sequence[AnyMessage], text: str | None, title: str | None
) -> tuple[str, str] | None:
    """(title, text) of the posting meant: the text given, else the newest paste; None when there is none.

    A model may pass only the first lines of a long paste; the whole paste is used when it starts so.
    """
    given = (text or "").strip()
    pasted = latest_paste(messages)
    if pasted and (not given or pasted.strip().startswith(given[:200])):
        given = pasted
    if not given:
        return None
    return (title or "").strip() or title_of(given), given
