"""`jobmate chat`: talk to the agent in the terminal, on the same graph and checkpointer as the app."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import uuid
from pathlib import Path
from typing import Any, TextIO

from agent.settings import Settings, SettingsError
from persistence.repositories import users

HELP = """Type a message and press Enter. Commands:
  /upload FILE   upload a resume (PDF, DOCX, TXT or Markdown), then say "read my resume"
  /paste         send several lines as one message (a job posting): paste them, then a line /end
  /help          this text
  /quit          leave (the conversation is saved: continue it with --thread)"""


def _read_line(prompt: str, source: TextIO) -> str | None:
    print(prompt, end="", flush=True)
    line = source.readline()
    if not line:
        return None
    if not source.isatty():
        print(line.rstrip("\n"))  # echo piped input so the transcript reads like a conversation
    return line.rstrip("\n")


def _ask_approval(approval: dict[str, Any], source: TextIO) -> dict[str, Any] | None:
    """The person's decision on each proposed write; None when the input ended."""
    decisions: dict[str, Any] = {}
    for item in approval["items"]:
        print(f"\nProposed: {item['summary']}")
        for line in item["lines"]:
            print(f"  - {line}")
        while True:
            answer = _read_line("approve, edit or reject? [a/e/r] ", source)
            if answer is None:
                return None
            choice = answer.strip().lower()[:1]
            if choice in ("a", "r"):
                decisions[item["id"]] = "approve" if choice == "a" else "reject"
                break
            if choice == "e":
                print("  current: " + json.dumps(item["args"], ensure_ascii=False))
                edited = _read_line("  new arguments as JSON: ", source)
                if edited is None:
                    return None
                try:
                    args = json.loads(edited)
                except ValueError:
                    print("  that is not JSON; try again")
                    continue
                if not isinstance(args, dict):
                    print("  give a JSON object like the current one")
                    continue
                decisions[item["id"]] = {"action": "edit", "args": args}
                break
            print("  answer a (approve), e (edit) or r (reject)")
    return decisions


async def _chat(settings: Settings, args: argparse.Namespace, source: TextIO) -> int:
    # Imported here: LangGraph and the model client are only needed by this command.
    from agent.llm import mode_line  # noqa: PLC0415
    from graph.conversation import open_conversations  # noqa: PLC0415
    from persistence.checkpointer import open_checkpointer  # noqa: PLC0415
    from persistence.db import open_database  # noqa: PLC0415
    from tools.services import open_services  # noqa: PLC0415

    database = await asyncio.to_thread(open_database, settings)
    try:
        services = await asyncio.to_thread(open_services, settings, database=database)
        with database.session() as session:
            user = users.find_user(session, identifier=args.user)
            if user is None:
                user = users.add_user(session, identifier=args.user)
            owner_id = user.id
        thread_id = args.thread or uuid.uuid4().hex[:12]
        async with (
            open_checkpointer(database.url) as saver,
            open_conversations(services, saver) as conversations,
        ):
            print(f"Jobmate chat ({mode_line(settings)})")
            print(f"user {args.user}, thread {thread_id} (continue later with --thread {thread_id}); /help")
            pending = await conversations.waiting_approval(owner_id=owner_id, thread_id=thread_id)
            while True:
                if pending is not None:
                    decisions = _ask_approval(pending, source)
                    if decisions is None:
                        return 0
                    turn = await conversations.send(
                        owner_id=owner_id, thread_id=thread_id, resume=decisions, on_token=_Answer().token
                    )
                    print()
                    pending = turn.approval
                    continue
                line = _read_line("\nyou> ", source)
                if line is None or line.strip() in ("/quit", "/exit"):
                    return 0
                if not line.strip():
                    continue
                if line.strip() == "/help":
                    print(HELP)
                    continue
                if line.startswith("/upload"):
                    _upload(line.removeprefix("/upload"), services, owner_id)
                    continue
                if line.strip() == "/paste":
                    line = _read_paste(source)
                    if not line.strip():
                        print("nothing was pasted")
                        continue
                turn = await conversations.send(
                    owner_id=owner_id, thread_id=thread_id, text=line, on_token=_Answer().token
                )
                print()
                pending = turn.approval
    finally:
        database.close()


def _read_paste(source: TextIO) -> str:
    """Lines up to one that says /end (or the end of input), as one message."""
    print("paste the text, then a line with /end")
    lines: list[str] = []
    while (line := _read_line("", source)) is not None and line.strip() != "/end":
        lines.append(line)
    return "\n".join(lines)


def _upload(argument: str, services: Any, owner_id: int) -> None:
    from persistence.uploads import save_upload  # noqa: PLC0415

    path = Path(argument.strip().strip("'\""))
    try:
        data = path.read_bytes()
    except OSError as exc:
        print(f"cannot read {path}: {exc.strerror or exc}")
        return
    if len(data) > services.max_upload_bytes:
        print(f"{path.name} is over the {services.settings.upload_max_mb} MB limit")
        return
    stored = save_upload(services.data_dir, owner_id, path.name, data)
    print(f"uploaded {stored.name} ({stored.size} bytes)")


class _Answer:
    """Prints the agent's words as they stream, after a prompt shown only once there are any."""

    def __init__(self) -> None:
        self.started = False

    def token(self, text: str) -> None:
        if not self.started:
            print("jobmate> ", end="")
            self.started = True
        print(text, end="", flush=True)


def _run_chat(settings: Settings, args: argparse.Namespace) -> int:
    if not args.user.strip():
        raise SettingsError("--user must name someone")
    return asyncio.run(_chat(settings, args, sys.stdin))


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the chat command."""
    chat = commands.add_parser("chat", help="talk to the agent in the terminal")
    chat.add_argument("--thread", default=None, help="continue this conversation (default: a new one)")
    chat.add_argument("--user", default="local", help="whose data the agent works on (created if new)")
    chat.set_defaults(run=_run_chat)
