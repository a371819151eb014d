"""A local server that speaks the OpenAI chat-completions protocol, so the real ChatOpenAI code path runs."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class OpenAIStub:
    """Answers each chat request with the next scripted reply: a text, or an HTTP error status."""

    replies: list[str | int]
    requests: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    def next_reply(self) -> str | int:
        return self.replies.pop(0) if self.replies else 500


def _completion(content: str, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunks(content: str, model: str) -> Iterator[bytes]:
    base = {"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": 0, "model": model}
    for piece in (content[: len(content) // 2], content[len(content) // 2 :]):
        delta = {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
        yield f"data: {json.dumps({**base, **delta})}\n\n".encode()
    done = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
    yield f"data: {json.dumps({**base, **done})}\n\n".encode()
    yield b"data: [DONE]\n\n"


@contextmanager
def openai_stub(replies: list[str | int]) -> Iterator[OpenAIStub]:
    """Run the stub on a free port of 127.0.0.1 for the duration of the block."""
    stub = OpenAIStub(list(replies))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
            stub.requests.append(body)
            reply = stub.next_reply()
            if isinstance(reply, int):
                payload = json.dumps({"error": {"message": "scripted failure", "type": "server_error"}})
                self._send(reply, "application/json", [payload.encode()])
            elif body.get("stream"):
                self._send(200, "text/event-stream", list(_chunks(reply, body.get("model", ""))))
            else:
                payload = json.dumps(_completion(reply, body.get("model", "")))
                self._send(200, "application/json", [payload.encode()])

        def _send(self, status: int, content_type: str, parts: list[bytes]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(sum(len(p) for p in parts)))
            self.end_headers()
            for part in parts:
                self.wfile.write(part)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    stub.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
