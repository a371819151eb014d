"""What of a long conversation the model reads: whole turns, newest first, within the budget."""

from __future__ import annotations

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, ToolMessage

from graph.context_window import recent_turns


def turn(n: int, words: int = 100) -> list[AnyMessage]:
    """A person's message, a tool call, its result and the answer: one turn."""
    call = {"name": "list_tasks", "args": {}, "id": f"call_{n}", "type": "tool_call"}
    return [
        HumanMessage(f"question {n} " + "word " * words),
        AIMessage("", tool_calls=[call]),
        ToolMessage(f"result {n} " + "word " * words, tool_call_id=f"call_{n}", name="list_tasks"),
        AIMessage(f"answer {n}"),
    ]


def conversation(turns: int, words: int = 100) -> list[AnyMessage]:
    return [m for n in range(1, turns + 1) for m in turn(n, words)]


def test_a_short_conversation_is_sent_whole() -> None:
    messages = conversation(3)
    assert recent_turns(messages, budget_tokens=100_000) == messages


def test_a_long_conversation_keeps_the_newest_whole_turns_within_the_budget() -> None:
    messages = conversation(200)
    window = recent_turns(messages, budget_tokens=3_000)
    assert 4 <= len(window) < len(messages)
    assert len(window) % 4 == 0  # whole turns only
    assert isinstance(window[0], HumanMessage)
    assert window[-4:] == messages[-4:]
    assert window == messages[-len(window) :]  # the newest turns, in order, none skipped
    shown = {m.text.split()[1] for m in window if isinstance(m, HumanMessage)}
    assert "200" in shown and "1" not in shown


def test_a_tool_result_never_arrives_without_its_call() -> None:
    messages = conversation(50, words=37)
    for budget in range(1_000, 12_000, 250):
        window = recent_turns(messages, budget_tokens=budget)
        called = {c["id"] for m in window if isinstance(m, AIMessage) for c in m.tool_calls}
        answered = {m.tool_call_id for m in window if isinstance(m, ToolMessage)}
        assert answered <= called


def test_the_current_turn_is_sent_even_when_it_alone_is_over_the_budget() -> None:
    messages = [*conversation(5)[:-1], HumanMessage("a long pasted posting " + "word " * 5_000)]
    assert recent_turns(messages, budget_tokens=1_000) == messages[-1:]


def test_a_turn_still_running_is_kept_from_its_question_on() -> None:
    messages = conversation(30) + turn(31)[:3]  # the tool answered; the model is about to speak
    window = recent_turns(messages, budget_tokens=1_500)
    assert window[-3:] == messages[-3:]
    assert isinstance(window[0], HumanMessage)
