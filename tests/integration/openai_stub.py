"""A local server that speaks the OpenAI chat-completions protocol, so the real ChatOpenAI code path runs.

Each chat request is answered with the next scripted reply:

- a `str`: an assistant text (streamed word by word when the client asks for a stream);
- an `int` or a `Status`: an HTTP error (a `Status` may carry a Retry-After header);
- `ToolCalls`: one or several tool calls, streamed the way OpenAI does (the first chunk of a call has
  its id and name, later chunks only fragments of its `arguments` JSON, each with the call's `index`);
  a `ToolCall` whose arguments are a `str` sends that text as is, so it can be malformed JSON;
- `Delayed`: another reply after a pause, to make a client time out;
- a callable: the reply computed from the request body (to echo what the client sent).

Every request body is recorded, parsed (`requests`) and as the raw text received (`raw_requests`).
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# Each fragment of a streamed tool call's arguments is at most this long, so any real call spans chunks.
ARGUMENT_FRAGMENT = 7
_WORDS = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class Status:
    """An HTTP error answer; `retry_after` (seconds) becomes a Retry-After header when given."""

    code: int
    retry_after: float | None = None
    message: str = "scripted failure"


@dataclass(frozen=True)
class ToolCall:
    """One tool call: `arguments` as a dict (sent as JSON) or as the exact text to send."""

    name: str
    arguments: dict[str, Any] | str = field(default_factory=dict)
    id: str = field(default_factory=lambda: f"call_{uuid.uuid4().hex[:16]}")

    @property
    def arguments_text(self) -> str:
        """The `arguments` string as it goes over the wire."""
        return self.arguments if isinstance(self.arguments, str) else json.dumps(self.arguments)


@dataclass(frozen=True)
class ToolCalls:
    """An assistant answer that calls tools, optionally with some text before the calls.

    `finish_reason` "length" plays a model cut off by its token limit in the middle of a call.
    """

    calls: tuple[ToolCall, ...]
    content: str = ""
    finish_reason: str = "tool_calls"


@dataclass(frozen=True)
class Delayed:
    """Another reply, sent only after `seconds` (the request is recorded at once)."""

    seconds: float
    reply: Reply


Reply = str | int | Status | ToolCalls | Delayed | Callable[[dict[str, Any]], "Reply"]


def tool_calls(*calls: ToolCall, content: str = "", finish_reason: str = "tool_calls") -> ToolCalls:
    """An answer calling the given tools."""
    return ToolCalls(tuple(calls), content, finish_reason)


def rate_limited() -> Status:
    """A 429 as OpenAI sends it, telling the client it may try again at once."""
    return Status(429, retry_after=0, message="Rate limit reached for requests")


@dataclass
class OpenAIStub:
    """The scripted replies, every request received, and the server's base URL (`.../v1`)."""

    replies: list[Reply]
    requests: list[dict[str, Any]] = field(default_factory=list)
    raw_requests: list[str] = field(default_factory=list)
    url: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _stopping: threading.Event = field(default_factory=threading.Event, repr=False)

    def next_reply(self) -> Reply:
        """The next scripted reply; a 500 once the script has run out."""
        with self._lock:
            return self.replies.pop(0) if self.replies else 500

    def record(self, raw: str) -> dict[str, Any]:
        """Keep one request body, raw and parsed."""
        body: dict[str, Any] = json.loads(raw or "{}")
        with self._lock:
            self.raw_requests.append(raw)
            self.requests.append(body)
        return body

    def pause(self, seconds: float) -> bool:
        """Wait `seconds`; True when the stub closed meanwhile (nobody waits for the answer any more)."""
        return self._stopping.wait(seconds)

    def close(self) -> None:
        """Wake every paused answer so the server can stop."""
        self._stopping.set()

    def everything_sent(self) -> str:
        """Every request body received so far, as one text (for "was X ever sent?" checks)."""
        with self._lock:
            return "\n".join(self.raw_requests)


def _error_body(status: Status) -> bytes:
    kind = "requests" if status.code == 429 else "server_error" if status.code >= 500 else "invalid_request"
    return json.dumps({"error": {"message": status.message, "type": kind, "code": None}}).encode()


def _message(reply: str | ToolCalls) -> tuple[dict[str, Any], str]:
    if isinstance(reply, str):
        return {"role": "assistant", "content": reply}, "stop"
    calls = [
        {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments_text}}
        for c in reply.calls
    ]
    return {"role": "assistant", "content": reply.content or None, "tool_calls": calls}, reply.finish_reason


def _completion(reply: str | ToolCalls, model: str) -> dict[str, Any]:
    message, finish = _message(reply)
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:20]}",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _deltas(reply: str | ToolCalls) -> Iterator[dict[str, Any]]:
    """The deltas OpenAI would stream for a reply, the first one naming the role."""
    text = reply if isinstance(reply, str) else reply.content
    pieces = _WORDS.findall(text)
    yield {"role": "assistant", "content": pieces[0] if pieces else ("" if isinstance(reply, str) else None)}
    for piece in pieces[1:]:
        yield {"content": piece}
    if isinstance(reply, ToolCalls):
        for index, call in enumerate(reply.calls):
            opening = {"index": index, "id": call.id, "type": "function"}
            yield {"tool_calls": [{**opening, "function": {"name": call.name, "arguments": ""}}]}
            arguments = call.arguments_text
            for start in range(0, len(arguments), ARGUMENT_FRAGMENT):
                fragment = arguments[start : start + ARGUMENT_FRAGMENT]
                yield {"tool_calls": [{"index": index, "function": {"arguments": fragment}}]}


def _chunks(reply: str | ToolCalls, model: str, *, usage: bool) -> Iterator[bytes]:
    base = {
        "id": f"chatcmpl-{uuid.uuid4().hex[:20]}",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
    }
    for delta in _deltas(reply):
        chunk = {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
        yield f"data: {json.dumps(chunk)}\n\n".encode()
    _message_body, finish = _message(reply)
    done = {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]}
    yield f"data: {json.dumps(done)}\n\n".encode()
    if usage:  # asked for with stream_options.include_usage: a last chunk with no choices
        counts = {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}
        yield f"data: {json.dumps({**base, 'choices': [], 'usage': counts})}\n\n".encode()
    yield b"data: [DONE]\n\n"


@contextmanager
def openai_stub(replies: list[Reply]) -> Iterator[OpenAIStub]:
    """Run the stub on a free port of 127.0.0.1 for the duration of the block."""
    stub = OpenAIStub(list(replies))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = stub.record(self.rfile.read(length).decode("utf-8"))
            reply = stub.next_reply()
            while True:
                if callable(reply):
                    reply = reply(body)
                elif isinstance(reply, Delayed):
                    if stub.pause(reply.seconds):
                        return
                    reply = reply.reply
                else:
                    break
            self._answer(reply, body)

        def _answer(self, reply: str | int | Status | ToolCalls, body: dict[str, Any]) -> None:
            model = str(body.get("model", ""))
            if isinstance(reply, int):
                reply = Status(reply)
            if isinstance(reply, Status):
                headers = {} if reply.retry_after is None else {"Retry-After": f"{reply.retry_after:g}"}
                self._send(reply.code, "application/json", [_error_body(reply)], headers)
            elif body.get("stream"):
                usage = bool((body.get("stream_options") or {}).get("include_usage"))
                self._send(200, "text/event-stream", list(_chunks(reply, model, usage=usage)))
            else:
                self._send(200, "application/json", [json.dumps(_completion(reply, model)).encode()])

        def _send(
            self, status: int, content_type: str, parts: list[bytes], headers: dict[str, str] | None = None
        ) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(sum(len(p) for p in parts)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                for part in parts:
                    self.wfile.write(part)
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return  # the client gave up (a timeout): what it missed is the point of the test

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    stub.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        stub.close()
        server.shutdown()
        server.server_close()
