"""The agent end to end on real PostgreSQL, real files and the real graph, driven by a scripted model."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage, BaseMessage, ToolMessage
from langgraph.types import Command
from sqlalchemy import func, select

from graph.conversation import open_conversations
from graph.nodes import RetryPolicy
from persistence.checkpointer import open_checkpointer
from persistence.models import AgentWrite, Goal, Note, ProfileSkill, Task
from persistence.uploads import save_upload
from tools.services import Services

from .agent_fixtures import agent_services, new_owner, real_posting
from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA
from .scripted_model import ScriptedChatModel, call, calls

PDF = SHARED_DATA / "resumes" / "pdf" / "ACCOUNTANT_15289348.pdf"
ACCOUNTANT_POSTING = "3880115287"
TODAY = dt.date(2026, 11, 24)
FAST = RetryPolicy(attempts=2, first_delay_s=0.01)


@pytest.fixture
def services(onet_kb: ImportedKnowledgeBase, tmp_path: Path) -> Services:
    return agent_services(onet_kb, tmp_path)


@pytest.fixture
async def checkpointer(onet_kb: ImportedKnowledgeBase) -> AsyncIterator[Any]:
    async with open_checkpointer(onet_kb.database.url) as saver:
        yield saver


def count(services: Services, model: Any, owner_id: int) -> int:
    with services.session() as session:
        query = select(func.count()).select_from(model).where(model.owner_id == owner_id)
        return int(session.scalar(query) or 0)


def tasks_of(services: Services, owner_id: int) -> list[Task]:
    with services.session() as session:
        return list(session.scalars(select(Task).where(Task.owner_id == owner_id).order_by(Task.id)))


def conversations(services: Services, checkpointer: Any, script: list[Any]) -> Any:
    model = ScriptedChatModel(script=script)
    opened = open_conversations(services, checkpointer, model=model, remote=False, retry=FAST)
    return opened, model


async def test_resume_to_report_to_plan_to_approved_tasks_survives_a_new_checkpointer_pool(
    services: Services, onet_kb: ImportedKnowledgeBase
) -> None:
    owner, _name = new_owner(services)
    save_upload(services.data_dir, owner, PDF.name, PDF.read_bytes())

    def tasks_from_plan(messages: list[BaseMessage]) -> AIMessage:
        plan = messages[-1]
        assert isinstance(plan, ToolMessage) and plan.name == "learning_plan"
        assert isinstance(plan.artifact, dict)
        return calls(call("create_tasks", tasks=plan.artifact["tasks"]))

    script = [
        calls(call("read_resume")),
        AIMessage("Your profile is ready."),
        calls(call("gap_report")),
        AIMessage("That is your gap report."),
        calls(call("learning_plan", weeks=8, hours_per_week=5)),
        tasks_from_plan,
        AIMessage("The tasks are in your list."),
    ]
    async with open_checkpointer(onet_kb.database.url) as saver:
        opened, model = conversations(services, saver, script)
        async with opened as chat:
            chat.today = lambda: TODAY
            first = await chat.send(owner_id=owner, thread_id="career", text="I uploaded my resume")
            assert first.approval is not None
            (item,) = first.approval["items"]
            assert item["tool"] == "read_resume"
            assert (
                "ACCOUNTANT_15289348.pdf" in item["summary"] and "skills to your profile" in item["summary"]
            )
            assert count(services, ProfileSkill, owner) == 0  # nothing before approval

            approved = await chat.send(owner_id=owner, thread_id="career", resume="approve")
            assert approved.approval is None
            assert "Stored ACCOUNTANT_15289348.pdf" in approved.tool_results[0].text
            assert count(services, ProfileSkill, owner) > 20

            report = await chat.send(
                owner_id=owner, thread_id="career", text=real_posting(ACCOUNTANT_POSTING)
            )
            (result,) = report.tool_results
            assert result.name == "gap_report" and "**Score " in result.text and "### You have" in result.text
            # The model never copied the posting: the tool read the paste from the conversation.
            asked = model.seen[-1][-2]
            assert isinstance(asked, AIMessage) and asked.tool_calls[0]["args"] == {}

            planned = await chat.send(owner_id=owner, thread_id="career", text="Plan my next 8 weeks")
            assert planned.approval is not None
            (proposal,) = planned.approval["items"]
            assert proposal["tool"] == "create_tasks" and proposal["summary"].startswith("Create ")
            assert tasks_of(services, owner) == []

            done = await chat.send(owner_id=owner, thread_id="career", resume="approve")
            assert done.answer == "The tasks are in your list."
            stored = tasks_of(services, owner)
            assert len(stored) == len(proposal["lines"]) >= 1
            assert all(t.skill_id and t.due_date and t.due_date >= TODAY for t in stored)
            assert [t.created_by for t in stored] == ["agent"] * len(stored)

    # A new pool, as after a restart: the thread continues where it stopped.
    async with open_checkpointer(onet_kb.database.url) as saver:
        opened, _model = conversations(
            services,
            saver,
            [calls(call("list_tasks"), call("list_gap_reports")), AIMessage("Here they are.")],
        )
        async with opened as chat:
            history = await chat.history(owner_id=owner, thread_id="career")
            assert any(isinstance(m, ToolMessage) and m.name == "create_tasks" for m in history)
            listed = await chat.send(owner_id=owner, thread_id="career", text="list my tasks")
            tool_result, reports = listed.tool_results
            for task in stored:
                assert f"task {task.id}: {task.title}" in tool_result.text
            assert reports.text.startswith("Your gap reports:\n1. report ")
            assert "Accountant (pasted), " in reports.text and "/100, revision 1, " in reports.text
            state = await chat.graph.aget_state({"configurable": {"thread_id": f"user-{owner}:career"}})
            assert state.values["facts"]["tasks"] == [t.id for t in stored]


async def test_a_rejected_proposal_writes_nothing(services: Services, checkpointer: Any) -> None:
    owner, _name = new_owner(services)
    proposal = call("create_tasks", tasks=[{"title": "Finish the SQL course", "due_date": "2026-12-04"}])
    opened, _model = conversations(services, checkpointer, [calls(proposal), AIMessage("Okay.")])
    async with opened as chat:
        chat.today = lambda: TODAY
        asked = await chat.send(owner_id=owner, thread_id="t", text="add a task to finish the SQL course")
        assert asked.approval is not None
        assert asked.approval["items"][0]["lines"] == ["due 2026-12-04: Finish the SQL course"]
        rejected = await chat.send(owner_id=owner, thread_id="t", resume="reject")
    assert rejected.tool_results[0].text.startswith("Not saved: the person rejected")
    assert count(services, Task, owner) == 0
    assert count(services, AgentWrite, owner) == 0


async def test_an_edited_proposal_stores_the_edit(services: Services, checkpointer: Any) -> None:
    owner, _name = new_owner(services)
    goal = call("create_goal", title="Become a data engineer", target_date="2027-06-30")
    opened, _model = conversations(services, checkpointer, [calls(goal), AIMessage("Saved.")])
    async with opened as chat:
        chat.today = lambda: TODAY
        asked = await chat.send(owner_id=owner, thread_id="t", text="my goal is data engineering by June")
        assert asked.approval is not None
        edit = {goal["id"]: {"action": "edit", "args": {"title": "Become an analytics engineer"}}}
        done = await chat.send(owner_id=owner, thread_id="t", resume=edit)
        history = await chat.history(owner_id=owner, thread_id="t")
    # The resumed turn shows what it added: the goal's result and the answer, not the call again.
    assert [type(m).__name__ for m in done.messages] == ["ToolMessage", "AIMessage"]
    assert done.tool_results[0].text.startswith("Created goal ") and done.answer == "Saved."
    with services.session() as session:
        (stored,) = session.scalars(select(Goal).where(Goal.owner_id == owner))
    assert stored.title == "Become an analytics engineer" and stored.target_date is None
    # The history shows the call as it was carried out, not as first proposed.
    proposed = next(m for m in history if isinstance(m, AIMessage) and m.tool_calls)
    assert proposed.tool_calls[0]["args"] == {"title": "Become an analytics engineer"}


async def test_a_write_that_cannot_succeed_is_refused_without_asking(
    services: Services, checkpointer: Any
) -> None:
    owner, _name = new_owner(services)
    script = [
        calls(
            call("complete_task", task_id=987654),
            call("create_tasks", tasks=[{"title": "x", "due_date": "2020-01-01"}]),
        ),
        AIMessage("Sorry."),
    ]
    opened, _model = conversations(services, checkpointer, script)
    async with opened as chat:
        chat.today = lambda: TODAY
        turn = await chat.send(owner_id=owner, thread_id="t", text="mark task 987654 done")
    assert turn.approval is None
    texts = [m.text for m in turn.tool_results]
    assert texts[0] == "Not done: task 987654 not found. Nothing was written."
    assert "(2020-01-01) is in the past" in texts[1]
    assert count(services, Task, owner) == 0


async def test_a_step_that_runs_again_does_not_write_twice(services: Services, checkpointer: Any) -> None:
    owner, _name = new_owner(services)
    note = call("add_note", content="Recruiter call on Friday went well")
    opened, _model = conversations(
        services, checkpointer, [calls(note), AIMessage("Noted."), AIMessage("Noted.")]
    )
    async with opened as chat:
        await chat.send(owner_id=owner, thread_id="t", text="note: recruiter call went well")
        await chat.send(owner_id=owner, thread_id="t", resume="approve")
        assert count(services, Note, owner) == 1
        # Replay the approval from the checkpoint stored while it waited, as a crash after the write
        # but before the turn was stored would: the thread resumes there and the tools run again.
        config = {"configurable": {"thread_id": f"user-{owner}:t"}}
        waiting = [s async for s in chat.graph.aget_state_history(config) if s.next == ("approval",)]
        assert len(waiting) == 1
        await chat.graph.ainvoke(
            Command(resume="approve"), waiting[0].config, context=chat._context(owner, "t")
        )
    assert count(services, Note, owner) == 1
    assert count(services, AgentWrite, owner) == 1


async def test_tool_errors_come_back_as_short_messages_and_the_step_cap_holds(
    services: Services, checkpointer: Any
) -> None:
    owner, _name = new_owner(services)
    looping = [calls(call("list_tasks")) for _ in range(20)]
    opened, _model = conversations(
        services, checkpointer, [calls(call("gap_report", job_id=1)), AIMessage("Hm."), *looping]
    )
    async with opened as chat:
        failed = await chat.send(owner_id=owner, thread_id="t", text="gap report for job 1")
        assert failed.tool_results[0].text == (
            "Error: your profile has no skills yet: upload a resume or add a skill first. "
            "Nothing was changed."
        )
        capped = await chat.send(owner_id=owner, thread_id="t", text="keep listing")
    assert capped.answer.startswith("I stopped after 8 steps")
    assert len(capped.tool_results) == 8


async def test_two_owners_see_nothing_of_each_other(services: Services, checkpointer: Any) -> None:
    alice, _ = new_owner(services, "alice")
    bob, _ = new_owner(services, "bob")
    save_upload(services.data_dir, alice, PDF.name, PDF.read_bytes())
    alice_script = [
        calls(call("read_resume")),
        AIMessage("Read."),
        calls(
            call("create_tasks", tasks=[{"title": "Alice's private task"}]),
            call("add_note", content="Alice's secret"),
        ),
        AIMessage("Done."),
    ]
    opened, _model = conversations(services, checkpointer, alice_script)
    async with opened as chat:
        await chat.send(owner_id=alice, thread_id="shared-id", text="read my resume")
        await chat.send(owner_id=alice, thread_id="shared-id", resume="approve")
        await chat.send(owner_id=alice, thread_id="shared-id", text="add a task and a note")
        await chat.send(owner_id=alice, thread_id="shared-id", resume="approve")
    (alice_task,) = tasks_of(services, alice)

    bob_script = [
        calls(
            call("list_tasks", status="all"),
            call("show_profile"),
            call("list_notes"),
            call("list_gap_reports"),
            call("read_resume"),
            call("complete_task", task_id=alice_task.id),
            call("complete_task", title="private"),
        ),
        AIMessage("That is all."),
    ]
    opened, _model = conversations(services, checkpointer, bob_script)
    async with opened as chat:
        # The same thread id opens Bob's own, empty conversation.
        assert await chat.history(owner_id=bob, thread_id="shared-id") == []
        turn = await chat.send(owner_id=bob, thread_id="shared-id", text="show me everything")
    assert turn.approval is None  # both writes were refused before asking
    texts = {m.tool_call_id: m.text for m in turn.tool_results}
    joined = "\n".join(texts.values())
    assert "Alice" not in joined and "ACCOUNTANT" not in joined
    assert "You have no tasks." in joined and "Your profile is empty" in joined
    assert "You have no notes yet." in joined and "You have no gap reports yet." in joined
    assert "you have not uploaded a file yet" in joined
    assert f"Not done: task {alice_task.id} not found" in joined
    assert 'no open task matches "private"' in joined
    assert not tasks_of(services, alice)[0].done


async def test_a_long_thread_keeps_everything_but_the_model_reads_only_recent_turns(
    services: Services, checkpointer: Any
) -> None:
    owner, _name = new_owner(services)
    services.settings = services.settings.model_copy(update={"llm_history_tokens": 1_000})
    turns = 40
    opened, model = conversations(services, checkpointer, [AIMessage(f"Answer {n}.") for n in range(turns)])
    async with opened as chat:
        for n in range(turns):
            await chat.send(owner_id=owner, thread_id="long", text=f"Message {n}: " + "tell me more " * 30)
        history = await chat.history(owner_id=owner, thread_id="long")
        config = {"configurable": {"thread_id": f"user-{owner}:long"}}
        stored = [s async for s in chat.graph.aget_state_history(config)]
    assert len(history) == 2 * turns  # the thread itself keeps every message
    last_seen = [m.text for m in model.seen[-1][1:]]  # after the system message
    assert last_seen[-1].startswith(f"Message {turns - 1}:")
    assert not any(text.startswith("Message 0:") for text in last_seen)
    assert 1 < len(last_seen) < 2 * turns
    assert len(stored) == turns  # one stored checkpoint per turn, not one per step
