"""The one list of agent tools (bound to the model and run by the tool node) and their write previews."""

from __future__ import annotations

from langchain_core.tools import BaseTool

from tools.approvals import PreviewBuilder
from tools.gap.tool import gap_report, list_gap_reports
from tools.jobs.tool import analyse_job
from tools.knowledge.tool import lookup_skill, search_occupations, show_occupation
from tools.notes.tool import add_note, list_notes, preview_add_note
from tools.plan.tool import create_goal, learning_plan, preview_create_goal
from tools.resume.tool import (
    add_profile_skill,
    change_profile_skill,
    preview_add_profile_skill,
    preview_change_profile_skill,
    preview_read_resume,
    preview_remove_profile_skill,
    read_resume,
    remove_profile_skill,
    show_profile,
)
from tools.tasks.tool import (
    complete_task,
    create_tasks,
    list_tasks,
    preview_complete_task,
    preview_create_tasks,
    preview_reschedule_task,
    reschedule_task,
)

TOOLS: list[BaseTool] = [
    read_resume,
    show_profile,
    add_profile_skill,
    change_profile_skill,
    remove_profile_skill,
    lookup_skill,
    search_occupations,
    show_occupation,
    analyse_job,
    gap_report,
    list_gap_reports,
    learning_plan,
    create_goal,
    create_tasks,
    list_tasks,
    complete_task,
    reschedule_task,
    add_note,
    list_notes,
]

# Tools that change the person's data: each runs only after the person approves its preview.
WRITE_PREVIEWS: dict[str, PreviewBuilder] = {
    "read_resume": preview_read_resume,
    "add_profile_skill": preview_add_profile_skill,
    "change_profile_skill": preview_change_profile_skill,
    "remove_profile_skill": preview_remove_profile_skill,
    "create_goal": preview_create_goal,
    "create_tasks": preview_create_tasks,
    "complete_task": preview_complete_task,
    "reschedule_task": preview_reschedule_task,
    "add_note": preview_add_note,
}
