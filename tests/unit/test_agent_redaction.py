"""Personal details never reach a remote model, and come back in what the person reads."""

from __future__ import annotations

from langchain_core.messages import AIMessage, AnyMessage, HumanMessage, ToolMessage

from graph.redaction import Redactor, details_from, outgoing, restored

CONTACT = {
    "name": "Marta Quillfeather",
    "email": "marta.q@example.org",
    "phone": "(555) 014-2233",
    "location": "Springfield, OR",
    "links": ["https://linkedin.com/in/marta-quillfeather-demo"],
}


def test_every_detail_is_replaced_and_restored_exactly() -> None:
    redactor = Redactor(details_from(CONTACT))
    text = (
        "Hi, I'm Marta Quillfeather (marta.q@example.org, (555) 014-2233). "
        "See https://linkedin.com/in/marta-quillfeather-demo. Quillfeather, Marta is how HR lists me."
    )
    clean = redactor.redact(text)
    for value in ("Marta", "Quillfeather", "marta.q@example.org", "014-2233", "linkedin.com/in"):
        assert value not in clean
    assert "[EMAIL_1]" in clean and "[PHONE_1]" in clean and "[NAME_1]" in clean
    assert redactor.restore(clean) == text


def test_other_people_e_mails_and_links_are_redacted_too() -> None:
    redactor = Redactor(details_from(None))
    clean = redactor.redact(
        "Write to recruiter@acme.example or call +1 555 201 9988, https://acme.example/jobs"
    )
    assert "acme.example" not in clean and "9988" not in clean
    assert redactor.restore(clean) == (
        "Write to recruiter@acme.example or call +1 555 201 9988, https://acme.example/jobs"
    )


def test_messages_are_redacted_on_the_way_out_and_answers_restored() -> None:
    redactor = Redactor(details_from(CONTACT))
    paste = (
        "Data Engineer\n" + "We need SQL and Python skills for pipelines. " * 8 + "Apply: marta.q@example.org"
    )
    history: list[AnyMessage] = [
        HumanMessage("My e-mail is marta.q@example.org"),
        AIMessage(
            "",
            tool_calls=[{"name": "add_note", "args": {"content": "e-mail marta.q@example.org"}, "id": "c1"}],
        ),
        ToolMessage("Saved note 4 about marta.q@example.org", tool_call_id="c1"),
        HumanMessage(paste),
    ]
    sent = outgoing(history, redactor)
    assert all("marta.q@example.org" not in str(m.content) for m in sent)
    assert isinstance(sent[1], AIMessage) and sent[1].tool_calls[0]["args"] == {"content": "e-mail [EMAIL_1]"}
    assert str(sent[3].content).startswith("<pasted_text>\n") and str(sent[3].content).endswith(
        "</pasted_text>"
    )
    assert history[0].content == "My e-mail is marta.q@example.org"  # the stored history is untouched

    answer = AIMessage(
        "I will note [EMAIL_1].",
        tool_calls=[{"name": "add_note", "args": {"content": "write to [EMAIL_1]"}, "id": "c2"}],
    )
    shown = restored(answer, redactor)
    assert shown.content == "I will note marta.q@example.org."
    assert shown.tool_calls[0]["args"] == {"content": "write to marta.q@example.org"}
