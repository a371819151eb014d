"""Finding the job posting a person pasted into the chat, so the model never has to copy it back."""

from __future__ import annotations

from collections.abc import Sequence

from langchain_core.messages import AnyMessage, HumanMessage

# A message this long is a pasted posting, not a request about one.
MIN_PASTE_WORDS = 40
TITLE_WORDS = 12


def latest_paste(messages: Sequence[AnyMessage]) -> str | None:
    """The newest message from the person long enough to be a pasted posting, if any."""
    for message in reversed(messages):
        if isinstance(message, HumanMessage):
            text = message.text if isinstance(message.content, list) else str(message.content)
            if len(text.split()) >= MIN_PASTE_WORDS:
                return text
    return None


def title_of(text: str) -> str:
    """A short first line is the posting's title ("Data Engineer"); otherwise no title."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
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
