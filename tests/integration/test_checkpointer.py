"""LangGraph's checkpointer on our database: a thread's state is committed and survives a new pool."""

from __future__ import annotations

import operator
from typing import Annotated, TypedDict

import psycopg2
from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph

from persistence.checkpointer import open_checkpointer
from persistence.db import libpq_uri


class Counter(TypedDict):
    visits: Annotated[list[str], operator.add]


def _builder() -> StateGraph[Counter]:
    builder = StateGraph(Counter)
    builder.add_node("visit", lambda state: {"visits": ["hello"]})
    builder.add_edge(START, "visit")
    builder.add_edge("visit", END)
    return builder


async def test_thread_state_survives_closing_and_reopening_the_pool(database_url: str) -> None:
    config: RunnableConfig = {"configurable": {"thread_id": "thread-1"}}
    start: Counter = {"visits": []}
    async with open_checkpointer(database_url) as saver:
        graph = _builder().compile(checkpointer=saver)
        await graph.ainvoke(start, config)
        await graph.ainvoke(start, config)

    # A plain connection sees committed rows: without autocommit it would see none.
    conn = psycopg2.connect(libpq_uri(database_url))
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM checkpoints WHERE thread_id = 'thread-1'")
            row = cur.fetchone()
            assert row is not None and row[0] > 0
    finally:
        conn.close()

    async with open_checkpointer(database_url) as saver:
        graph = _builder().compile(checkpointer=saver)
        state = await graph.aget_state(config)
        assert state.values["visits"] == ["hello", "hello"]
        other = await graph.aget_state({"configurable": {"thread_id": "thread-2"}})
        assert other.values == {}
