"""`jobmate chat` in real processes on the offline router: a second process continues the conversation."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import select

from persistence.models import Task
from persistence.repositories import users

from .agent_fixtures import real_posting
from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA
from .test_cli import run_jobmate

PDF = (SHARED_DATA / "resumes" / "pdf" / "ACCOUNTANT_15289348.pdf").resolve()


def _chat(onet_kb: ImportedKnowledgeBase, cwd: Path, *args: str, lines: list[str]) -> str:
    env = {"JOBMATE_DATABASE_URL": onet_kb.database.url, "JOBMATE_DATA_DIR": str(onet_kb.data_dir)}
    result: subprocess.CompletedProcess[str] = run_jobmate(
        cwd, "chat", *args, env=env, stdin="".join(f"{line}\n" for line in lines)
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def test_a_conversation_continues_in_a_new_process(onet_kb: ImportedKnowledgeBase, tmp_path: Path) -> None:
    first = _chat(
        onet_kb,
        tmp_path,
        "--user",
        "terminal-person",
        "--thread",
        "week-1",
        lines=[
            f"/upload {PDF}",
            "read my resume",
            "a",
            "/paste",
            "how do I match this job?",
            *real_posting("3880115287").splitlines(),
            "/end",
            "add a task to update my LinkedIn headline by Friday",
            "a",
            "/quit",
        ],
    )
    assert "offline mode" in first
    assert "uploaded ACCOUNTANT_15289348.pdf" in first
    assert "Proposed: Store ACCOUNTANT_15289348.pdf" in first
    assert "Stored ACCOUNTANT_15289348.pdf as resume" in first
    # The pasted lines went as one message: one gap report, nothing proposed from the posting's words.
    assert first.count("## Gap report: Accountant") == 1 and "**Score " in first
    assert first.count("Proposed:") == 2  # the resume and the task, nothing else
    assert "Proposed: Create 1 task" in first

    with onet_kb.database.session() as session:
        person = users.find_user(session, identifier="terminal-person")
        assert person is not None
        (task,) = session.scalars(select(Task).where(Task.owner_id == person.id))
    assert "linkedin" in task.title.lower() and task.due_date is not None

    second = _chat(
        onet_kb,
        tmp_path,
        "--user",
        "terminal-person",
        "--thread",
        "week-1",
        lines=["list my tasks", "I finished the first task", "r", "/quit"],
    )
    assert f"task {task.id}: {task.title}" in second
    # "the first task" is resolved from what the first process listed and created.
    assert f'Proposed: Mark task {task.id} "{task.title}" as done' in second
    with onet_kb.database.session() as session:
        assert session.get(Task, task.id).done is False  # type: ignore[union-attr]


def test_another_person_with_the_same_thread_id_starts_empty(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    _chat(
        onet_kb,
        tmp_path,
        "--user",
        "thread-owner",
        "--thread",
        "same",
        lines=["note: salary talk on Monday", "a"],
    )
    other = _chat(onet_kb, tmp_path, "--user", "thread-guest", "--thread", "same", lines=["show my notes"])
    assert "salary talk" not in other
    assert "You have no notes yet." in other
