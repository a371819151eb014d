"""Prints the server-side speed of offline tool-calling chat turns on the PostgreSQL checkpointer.

Run: .venv/bin/python -m benchmarks.agent_turns   [--turns 200] [--threads 50] [--thread-turns 10]
[--pool-max 20] [--model router|floor] [--gc-freeze] [--profile N]

Opens the database the app uses (JOBMATE_DATABASE_URL, else the embedded PostgreSQL under the data
folder, which must hold the imported O*NET release) and copies it into a scratch database
`jm_bench_<hex>` on the same server (CREATE DATABASE ... TEMPLATE), so the engines and the checkpointer
share one database as in the app. When another session holds the app database open (a template must
have none), the engines stay on it and only the checkpointer moves to an empty scratch database.
A throwaway user with a few tasks says "show my tasks" (the offline router calls list_tasks, then
answers); each turn is timed around `Conversations.send`, as the server runs it: on one long thread,
on fresh threads, and as 50 threads x 10 turns at once in one process. The checkpointer's rows and
bytes are counted before and after known turns. The user, its checkpoint rows and the scratch
database are removed at the end. `--model floor` puts a model that costs nothing in the router's
place, to show what the graph, the tool and the checkpointer cost alone; `--profile N` ends with
cProfile over N more turns, the default executor's work run inline so that it shows too. Full
garbage collections are counted and timed in every section; `--gc-freeze` shows what `gc.freeze()`
after start-up would change (the app does not do it).
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import cProfile
import datetime as dt
import gc
import os
import pstats
import statistics
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

import psycopg
import psycopg2
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langchain_core.messages.tool import tool_call
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable
from psycopg_pool import AsyncConnectionPool
from sqlalchemy.engine import make_url

from agent.settings import load_settings
from graph.conversation import Conversations, open_conversations
from persistence import migrate
from persistence.checkpointer import open_checkpointer
from persistence.db import Database, connect, libpq_uri, make_engine
from persistence.repositories import tasks, users
from tools.services import Services, open_services

REPO = Path(__file__).resolve().parents[1]
ASK = "show my tasks"
TOOL = "list_tasks"
WARM_UP = 5
GOAL_MS = 300.0
LABEL = 54
TABLES = ("checkpoints", "checkpoint_writes", "checkpoint_blobs")
COUNTS_SQL = """
SELECT (SELECT count(*) FROM checkpoints WHERE thread_id LIKE %(p)s),
       (SELECT count(*) FROM checkpoint_writes WHERE thread_id LIKE %(p)s),
       (SELECT count(*) FROM checkpoint_blobs WHERE thread_id LIKE %(p)s),
       (SELECT coalesce(sum(octet_length(checkpoint::text) + octet_length(metadata::text)), 0)
          FROM checkpoints WHERE thread_id LIKE %(p)s),
       (SELECT coalesce(sum(octet_length(blob)), 0) FROM checkpoint_writes WHERE thread_id LIKE %(p)s),
       (SELECT coalesce(sum(octet_length(blob)), 0) FROM checkpoint_blobs WHERE thread_id LIKE %(p)s),
       pg_total_relation_size('checkpoints') + pg_total_relation_size('checkpoint_writes')
         + pg_total_relation_size('checkpoint_blobs')
"""


@dataclass(frozen=True)
class Counts:
    """Checkpointer rows and payload bytes of some threads, and the size of the three tables."""

    checkpoints: int
    writes: int
    blobs: int
    checkpoint_bytes: int
    write_bytes: int
    blob_bytes: int
    table_bytes: int

    def minus(self, other: Counts) -> Counts:
        """The difference, field by field."""
        return Counts(*(a - b for a, b in zip(astuple(self), astuple(other), strict=True)))


class FloorModel(BaseChatModel):
    """Calls list_tasks when the person spoke and repeats its answer after: a model that costs nothing."""

    @property
    def _llm_type(self) -> str:
        return "floor"

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> Runnable[LanguageModelInput, AIMessage]:
        """The tools are known: list_tasks is the only one called."""
        return self

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        last = messages[-1]
        if isinstance(last, ToolMessage):
            answer = AIMessage(last.text)
        else:
            answer = AIMessage("", tool_calls=[tool_call(name=TOOL, args={}, id=f"call_{uuid.uuid4().hex}")])
        return ChatResult(generations=[ChatGeneration(message=answer)])


class InlineExecutor(concurrent.futures.ThreadPoolExecutor):
    """Runs submitted work at once on the calling thread, so that cProfile sees the tools and the model."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        """Run `fn` now; its result or error comes back in a finished future."""
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed on to the awaiting coroutine
            future.set_exception(error)
        return future


class GcWatch:
    """How often the garbage collector ran a full collection, and how long all its pauses took."""

    def __init__(self) -> None:
        self.started = 0.0
        self.full = 0
        self.seconds = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = perf_counter()
            return
        self.seconds += perf_counter() - self.started
        self.full += info["generation"] == 2

    def line(self, turns: int) -> str:
        """The pauses since the last call, as a figure line; starts counting again."""
        ms, full = 1000 * self.seconds, self.full
        self.full, self.seconds = 0, 0.0
        figure = f"{full} full collections, {ms:.0f} ms in all ({ms / turns:.1f} ms a turn)"
        return _line("    garbage collector pauses in these turns", figure)


@dataclass
class Bench:
    """The open conversations of one throwaway person, and what went wrong in its turns."""

    conversations: Conversations
    owner_id: int
    checkpoint_uri: str
    failures: list[str] = field(default_factory=list)
    gc_watch: GcWatch = field(default_factory=GcWatch)

    def thread_key(self, thread_id: str) -> str:
        """The checkpointer's thread id (or LIKE pattern) for one of this person's threads."""
        return f"user-{self.owner_id}:{thread_id}"

    async def turn(self, thread_id: str) -> float:
        """Seconds of one turn; a turn that fails or does not call the tool is recorded as a failure."""
        started = perf_counter()
        try:
            turn = await self.conversations.send(owner_id=self.owner_id, thread_id=thread_id, text=ASK)
        except Exception as error:  # counted and shown; the run goes on
            self.failures.append(f"{type(error).__name__}: {error}")
            return perf_counter() - started
        took = perf_counter() - started
        called = [m.name for m in turn.tool_results]
        if called != [TOOL] or turn.approval is not None or "Study block" not in turn.answer:
            self.failures.append(
                f"called {called}, approval {turn.approval is not None}, {turn.answer[:60]!r}"
            )
        return took

    def counts(self, thread_pattern: str) -> Counts:
        """Rows and bytes of the threads whose id matches the LIKE pattern (after this person's prefix)."""
        with psycopg.connect(self.checkpoint_uri, autocommit=True) as conn:
            row = conn.execute(COUNTS_SQL, {"p": self.thread_key(thread_pattern)}).fetchone()
        assert row is not None
        return Counts(*(int(value) for value in row))


def _line(label: str, value: str) -> str:
    return f"{label:<{LABEL}} {value}"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _ms(seconds: list[float], goal: bool = True) -> str:
    ms = [1000 * s for s in seconds]
    p95 = _percentile(ms, 0.95)
    text = f"p50 {statistics.median(ms):6.1f} | p95 {p95:6.1f} | max {max(ms):6.1f} ms"
    verdict = "met" if p95 < GOAL_MS else "MISSED"
    return f"{text}   goal: p95 < {GOAL_MS:.0f} ms ({verdict})" if goal else text


def _per_turn(label: str, delta: Counts, turns: int) -> str:
    payload = delta.checkpoint_bytes + delta.write_bytes + delta.blob_bytes
    rows = f"{delta.checkpoints / turns:.1f} checkpoints, {delta.writes / turns:.1f} writes, "
    rows += f"{delta.blobs / turns:.1f} blobs"
    split = f"{delta.checkpoint_bytes / turns / 1024:.1f} + {delta.write_bytes / turns / 1024:.1f} "
    split += f"+ {delta.blob_bytes / turns / 1024:.1f}"
    return _line(f"  {label}", f"{rows}; {payload / turns / 1024:.1f} KiB ({split})")


def _admin(server_uri: str, statement: str) -> None:
    conn = psycopg2.connect(server_uri)
    conn.autocommit = True  # CREATE and DROP DATABASE refuse to run in a transaction
    try:
        with conn.cursor() as cur:
            cur.execute(statement)
    finally:
        conn.close()


@contextmanager
def scratch(app: Database, out: list[str]) -> Iterator[tuple[str, str]]:
    """(URL for the engines, URL for the checkpointer) on a scratch database dropped afterwards."""
    app_url = make_url(libpq_uri(app.url))
    name = f"jm_bench_{uuid.uuid4().hex[:8]}"
    server = app_url.set(database="postgres").render_as_string(hide_password=False)
    scratch_url = app_url.set(database=name).render_as_string(hide_password=False)
    app.engine.dispose()  # a template database must have no open sessions, ours included
    started = perf_counter()
    try:
        _admin(server, f'CREATE DATABASE "{name}" TEMPLATE "{app_url.database}"')
        engines_url, layout = scratch_url, "engines and checkpointer on one scratch copy of the app database"
    except psycopg2.errors.ObjectInUse:
        _admin(server, f'CREATE DATABASE "{name}"')
        engines_url, layout = app.url, "engines on the app database (in use), checkpointer on a scratch one"
    out.append(_line(f"  create the scratch database {name}", f"{perf_counter() - started:8.2f} s"))
    out.append(f"  layout: {layout}")
    try:
        yield engines_url, scratch_url
    finally:
        _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def add_owner(services: Services) -> int:
    """A throwaway account with five open tasks for list_tasks to show."""
    start = dt.date.today() + dt.timedelta(days=1)
    with services.session() as session:
        owner_id = users.add_user(session, identifier=f"bench-turns-{uuid.uuid4().hex[:8]}").id
        drafts = [tasks.NewTask(title=f"Study block {i}", start_date=start, due_date=start) for i in range(5)]
        tasks.add_tasks(session, owner_id=owner_id, tasks=drafts)
    return owner_id


def remove_owner(services: Services, owner_id: int, checkpoint_uri: str) -> None:
    """Delete the account (its rows go by cascade) and its checkpoint rows."""
    with services.session() as session:
        users.delete_user(session, user_id=owner_id)
    with psycopg.connect(checkpoint_uri, autocommit=True) as conn:
        for table in TABLES:
            if conn.execute("SELECT to_regclass(%s)", (table,)).fetchone() != (None,):
                conn.execute(f"DELETE FROM {table} WHERE thread_id LIKE %s", (f"user-{owner_id}:%",))


async def long_and_fresh(bench: Bench, turns: int, out: list[str]) -> None:
    """One thread of `turns` turns, then `turns` fresh threads of one turn; latency and storage."""
    failed = len(bench.failures)
    snapshots: dict[int, Counts] = {}
    took = []
    bench.gc_watch.line(1)  # start counting here
    for index in range(turns):
        if index in (0, 10, turns - 10):
            snapshots[index] = bench.counts("long")  # between turns, outside the timing
        took.append(await bench.turn("long"))
    long_gc = bench.gc_watch.line(turns)
    last = bench.counts("long")
    before_fresh = bench.counts("fresh-%")
    bench.gc_watch.line(1)
    fresh = [await bench.turn(f"fresh-{index:04d}") for index in range(turns)]
    fresh_gc = bench.gc_watch.line(turns)
    after_fresh = bench.counts("fresh-%")
    out.append(f'one offline turn: "{ASK}" -> {TOOL} -> answer, timed around Conversations.send')
    out.append(_line(f"  one thread, {turns} turns", _ms(took)))
    out.append(_line("    of which turns 1-20", _ms(took[:20], goal=False)))
    out.append(_line(f"    of which turns {turns - 19}-{turns}", _ms(took[-20:], goal=False)))
    out.append(long_gc)
    out.append(_line(f"  fresh threads, {turns} x 1 turn", _ms(fresh)))
    out.append(fresh_gc)
    out.append(_line("  errors (failed or unexpected turns)", f"{len(bench.failures) - failed}   goal: 0"))
    out.append("checkpointer per turn: rows; payload KiB (checkpoint json + writes + blobs)")
    out.append(_per_turn("fresh thread, its first turn", after_fresh.minus(before_fresh), turns))
    out.append(_per_turn("one thread, turns 1-10", snapshots[10].minus(snapshots[0]), 10))
    out.append(_per_turn(f"one thread, turns {turns - 9}-{turns}", last.minus(snapshots[turns - 10]), 10))
    grown = after_fresh.minus(snapshots[0]).table_bytes / (2 * turns) / 1024
    out.append(
        _line(
            "  table size (pg_total_relation_size) per turn", f"{grown:.1f} KiB over these {2 * turns} turns"
        )
    )
    stored = (last.checkpoint_bytes + last.write_bytes + last.blob_bytes) / 2**20
    out.append(
        _line(
            f"  one thread after {turns} turns, stored",
            f"{stored:.1f} MiB payload, {last.checkpoints} checkpoints",
        )
    )


async def crowd(
    bench: Bench, saver_pool: AsyncConnectionPool[Any], threads: int, each: int, out: list[str]
) -> None:
    """`threads` threads of `each` turns at once in this process."""

    async def one(number: int) -> list[float]:
        return [await bench.turn(f"crowd-{number:02d}") for _ in range(each)]

    failed = len(bench.failures)
    saver_pool.pop_stats()
    bench.gc_watch.line(1)
    started = perf_counter()
    took = [s for thread in await asyncio.gather(*(one(n) for n in range(threads))) for s in thread]
    wall = perf_counter() - started
    stats = saver_pool.pop_stats()
    out.append(
        f"{threads} threads x {each} turns at once "
        f"(asyncio.gather; checkpointer pool max {saver_pool.max_size})"
    )
    out.append(_line("  wall time, throughput", f"{wall:.2f} s, {len(took) / wall:.1f} turns/s"))
    out.append(_line("  latency per turn", _ms(took)))
    out.append(bench.gc_watch.line(len(took)))
    out.append(
        _line(
            "  errors (failed or unexpected turns)",
            f"{len(bench.failures) - failed} of {len(took)}   goal: 0",
        )
    )
    waited = f"{stats.get('requests_queued', 0)} of {stats.get('requests_num', 0)} requests waited"
    opened = f"{stats.get('connections_num', 0)} connections opened"
    out.append(
        _line("  checkpointer pool", f"{opened}, {waited} {stats.get('requests_wait_ms', 0)} ms in all")
    )


async def profile(bench: Bench, turns: int) -> None:
    """Profile `turns` turns on a fresh thread, with the default executor's work inline."""
    asyncio.get_running_loop().set_default_executor(InlineExecutor())
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(turns):
        await bench.turn("profiled")
    profiler.disable()
    print(f"\ncProfile of {turns} turns on one fresh thread (executor work inline), top by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("cumulative").print_stats(30)
    print("top by own time:")
    pstats.Stats(profiler, stream=sys.stdout).strip_dirs().sort_stats("tottime").print_stats(15)


async def measure(
    services: Services, checkpoint_uri: str, owner_id: int, args: argparse.Namespace, out: list[str]
) -> Bench:
    """Open the checkpointer and the graph, run every section; the figures go to `out`."""
    started = perf_counter()
    async with open_checkpointer(checkpoint_uri, min_size=2, max_size=args.pool_max) as saver:
        out.append(_line("  open the checkpointer pool + setup()", f"{perf_counter() - started:8.2f} s"))
        started = perf_counter()
        model = FloorModel() if args.model == "floor" else None
        async with open_conversations(services, saver, model=model, remote=False) as conversations:
            loaded = perf_counter() - started
            out.append(_line(f"  load the model ({args.model}) + compile the graph", f"{loaded:8.2f} s"))
            if conversations.remote:
                raise SystemExit("a remote model is configured: this benchmark times the offline router")
            bench = Bench(conversations, owner_id, checkpoint_uri)
            first = await bench.turn("warm-up")
            out.append(_line("  first turn (lazy loads, first queries)", f"{first:8.2f} s"))
            for _ in range(WARM_UP):
                await bench.turn("warm-up")
            if args.gc_freeze:
                gc.collect()
                gc.freeze()  # the start-up objects leave the generations a full collection walks
            print("start-up done; timing turns", file=sys.stderr)
            await long_and_fresh(bench, args.turns, out)
            print("one thread and fresh threads done; running the crowd", file=sys.stderr)
            assert isinstance(saver.conn, AsyncConnectionPool)
            await crowd(bench, saver.conn, args.threads, args.thread_turns, out)
            if args.profile:
                await profile(bench, args.profile)
    return bench


def main() -> None:
    """Open everything, measure, clean up, and print the figures in one block."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200, help="timed turns on one thread, and fresh threads")
    parser.add_argument("--threads", type=int, default=50, help="concurrent threads")
    parser.add_argument("--thread-turns", type=int, default=10, help="turns of each concurrent thread")
    parser.add_argument("--pool-max", type=int, default=20, help="checkpointer pool max_size")
    parser.add_argument("--model", choices=("router", "floor"), default="router")
    parser.add_argument(
        "--gc-freeze", action="store_true", help="gc.freeze() after start-up (what-if; the app does not)"
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile N more turns")
    args = parser.parse_args()
    if args.turns < 20:
        parser.error("--turns must be at least 20")
    if args.model == "router" and not (REPO / "agent" / "router.py").exists():
        parser.error("agent/router.py does not exist yet: use --model floor")
    out: list[str] = []
    load_before = os.getloadavg()[0]
    total = perf_counter()
    settings = load_settings(llm_model=None)  # offline, whatever the environment configures
    started = perf_counter()
    app = connect(settings)
    out.append(
        _line("  open the app database (start or join the server)", f"{perf_counter() - started:8.2f} s")
    )
    bench: Bench | None = None
    with scratch(app, out) as (engines_url, checkpoint_uri):
        engine = make_engine(engines_url)
        if engines_url != app.url:
            migrate.upgrade(engine)  # our own copy: bring it to this code's head
        else:
            migrate.check_not_newer(engine)
        database = Database(url=engines_url, embedded_dir=None, engine=engine)
        started = perf_counter()
        services = open_services(load_settings(llm_model=None, database_url=engines_url), database=database)
        opened = perf_counter() - started
        out.append(_line("  open services (knowledge base, reference, catalogue)", f"{opened:8.2f} s"))
        owner_id = add_owner(services)
        try:
            bench = asyncio.run(measure(services, checkpoint_uri, owner_id, args, out))
        finally:
            remove_owner(services, owner_id, checkpoint_uri)
            services.close()
    out.append(_line("total run time", f"{perf_counter() - total:8.1f} s"))
    load = f"{load_before:.2f} at the start, {os.getloadavg()[0]:.2f} at the end, on {os.cpu_count()} cores"
    out.append(_line("load average (1 min; other work skews every figure)", load))
    model = "offline router" if args.model == "router" else "floor model (costs nothing)"
    frozen = ", gc.freeze() after start-up" if args.gc_freeze else ""
    print(f"\n=== agent turns on the PostgreSQL checkpointer ({model}{frozen}) ===")
    print("start-up (one-off)")
    print("\n".join(out))
    if bench is not None and bench.failures:
        print(f"failed or unexpected turns: {len(bench.failures)}; first: {bench.failures[:3]}")


if __name__ == "__main__":
    main()
