"""Real phrasings and the tool calls the offline router should make: shared by the tests and the benchmark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

TODAY = dt.date(2026, 11, 24)  # a Tuesday
FACTS: dict[str, Any] = {
    "resume_id": 3,
    "report_id": 31,
    "job_id": 77,
    "jobs": [42, 57, 63, 88],
    "tasks": [101, 102, 103, 104, 105],
    "goal_id": 7,
    "reports": [31, 29, 17],
}
TOOL_NAMES = [
    "read_resume",
    "show_profile",
    "add_profile_skill",
    "change_profile_skill",
    "remove_profile_skill",
    "lookup_skill",
    "search_occupations",
    "show_occupation",
    "analyse_job",
    "gap_report",
    "list_gap_reports",
    "learning_plan",
    "create_goal",
    "create_tasks",
    "list_tasks",
    "complete_task",
    "reschedule_task",
    "add_note",
    "list_notes",
]

POSTING = """Senior Data Engineer - Northwind Analytics (Remote, EU)

About the role: we are looking for a data engineer to build and run the pipelines behind our
customer analytics platform. You will work with analysts and product teams every day.

Responsibilities:
- Design, build and maintain batch and streaming pipelines in Python and SQL
- Own our Airflow deployment and the dbt models on Snowflake
- Improve data quality checks, monitoring and documentation

Requirements:
- 4+ years of experience as a data engineer or backend engineer
- Strong SQL and Python; experience with Spark or Kafka is a plus
- Experience with AWS (S3, Glue, IAM) and infrastructure as code (Terraform)
- Good communication skills in English

We offer a salary of 70,000-85,000 EUR, 30 days of holiday and a yearly learning budget."""


@dataclass(frozen=True)
class Contains:
    """An expected string argument that must contain this text (any case)."""

    text: str


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()  # the argument must not be in the call


@dataclass(frozen=True)
class Call:
    """One expected tool call: its name and the arguments that matter (others are not checked)."""

    name: str
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Phrasing:
    """A message a person might send and the calls it should produce (none: a text answer)."""

    id: str
    text: str
    calls: tuple[Call, ...]
    facts: Mapping[str, Any] | None = None  # None: FACTS
    known_miss: bool = False  # the router gets this one wrong today; kept so the figures stay honest


def _c(tool: str, /, **args: Any) -> tuple[Call, ...]:
    return (Call(tool, args),)


NO_CALL: tuple[Call, ...] = ()
D = TODAY.isoformat


PHRASINGS: list[Phrasing] = [
    # read_resume
    Phrasing("resume-uploaded", "I just uploaded my resume", _c("read_resume", file=ABSENT)),
    Phrasing("resume-read-cv", "can you read my cv?", _c("read_resume")),
    Phrasing("resume-parse-file", "parse resume_2026.pdf please", _c("read_resume", file="resume_2026.pdf")),
    Phrasing("resume-heres", "here's my resume", _c("read_resume")),
    Phrasing(
        "resume-file-named",
        "pls read my new resume, file is cv_final.docx",
        _c("read_resume", file="cv_final.docx"),
    ),
    Phrasing("resume-typos", "i uploadd my resumee", _c("read_resume")),
    # show_profile
    Phrasing("profile-good-at", "what am I good at?", _c("show_profile")),
    Phrasing("profile-show-skills", "show my skills", _c("show_profile")),
    Phrasing("profile-whats-in", "whats in my profile", _c("show_profile")),
    Phrasing("profile-typos", "shwo me my profle", _c("show_profile")),
    Phrasing("profile-on-file", "which skills do you have on file for me?", _c("show_profile")),
    Phrasing("profile-look-like", "What does my skill profile look like right now?", _c("show_profile")),
    # add_profile_skill
    Phrasing("add-power-bi", "add Power BI to my profile", _c("add_profile_skill", skill="Power BI")),
    Phrasing(
        "add-know-pretty-well",
        "I know Kubernetes pretty well",
        _c("add_profile_skill", skill="Kubernetes", level=4),
    ),
    Phrasing("add-expert-sql", "I'm an expert in SQL", _c("add_profile_skill", skill="SQL", level=5)),
    Phrasing(
        "add-intermediate-level",
        "please add tableau to my skills, intermediate level",
        _c("add_profile_skill", skill="tableau", level=3),
    ),
    Phrasing(
        "add-basic-rust",
        "I have basic knowledge of Rust, can you add it",
        _c("add_profile_skill", skill="Rust", level=2),
    ),
    Phrasing(
        "add-skill-level-n",
        "add skill Terraform level 3",
        _c("add_profile_skill", skill="Terraform", level=3),
    ),
    Phrasing(
        "add-git-evidence",
        "I also know Git - I use it every day at work",
        _c("add_profile_skill", skill="Git"),
    ),
    Phrasing(
        "add-put-on-profile",
        "put Excel on my profile as advanced",
        _c("add_profile_skill", skill="Excel", level=4),
    ),
    # change_profile_skill
    Phrasing(
        "change-set-level", "set my Python level to 5", _c("change_profile_skill", skill="Python", level=5)
    ),
    Phrasing(
        "change-actually",
        "I'm actually advanced at Docker",
        _c("change_profile_skill", skill="Docker", level=4),
    ),
    Phrasing(
        "change-to-beginner", "change my Java to beginner", _c("change_profile_skill", skill="Java", level=2)
    ),
    Phrasing("change-bump", "bump SQL up to level 4", _c("change_profile_skill", skill="SQL", level=4)),
    Phrasing(
        "change-should-be",
        "my excel should be expert, not intermediate",
        _c("change_profile_skill", skill="excel", level=5),
    ),
    # remove_profile_skill
    Phrasing("remove-excel", "remove Excel from my profile", _c("remove_profile_skill", skill="Excel")),
    Phrasing("remove-dont-know", "I don't know COBOL, delete it", _c("remove_profile_skill", skill="COBOL")),
    Phrasing(
        "remove-take-off", "take photoshop off my skills", _c("remove_profile_skill", skill="photoshop")
    ),
    Phrasing("remove-the-skill", "pls delete the skill Fortran", _c("remove_profile_skill", skill="Fortran")),
    Phrasing(
        "remove-drop-never",
        "Drop Haskell from my profile, I never used it",
        _c("remove_profile_skill", skill="Haskell"),
    ),
    Phrasing("remove-typo", "remvoe Excel from my profile", _c("remove_profile_skill", skill="Excel")),
    # lookup_skill
    Phrasing("lookup-what-is", "what is Apache Airflow?", _c("lookup_skill", name="Apache Airflow")),
    Phrasing("lookup-look-up", "look up the skill terraform", _c("lookup_skill", name="terraform")),
    Phrasing("lookup-whats", "what's dbt?", _c("lookup_skill", name="dbt")),
    Phrasing("lookup-explain", "explain what Kubernetes is", _c("lookup_skill", name="Kubernetes")),
    Phrasing(
        "lookup-tell-me",
        "tell me about the skill Critical Thinking",
        _c("lookup_skill", name="Critical Thinking"),
    ),
    # search_occupations
    Phrasing(
        "occupations-match",
        "which occupations match data engineering?",
        _c("search_occupations", query="data engineering"),
    ),
    Phrasing("occupations-jobs-like", "jobs like nurse", _c("search_occupations", query="nurse")),
    Phrasing(
        "occupations-careers-fit",
        "what careers fit someone who loves statistics",
        _c("search_occupations", query=Contains("statistics")),
    ),
    Phrasing(
        "occupations-find-for", "find occupations for UX design", _c("search_occupations", query="UX design")
    ),
    Phrasing(
        "occupations-related", "occupations related to welding?", _c("search_occupations", query="welding")
    ),
    Phrasing(
        "occupations-degree",
        "what kind of jobs could i do with a biology degree",
        _c("search_occupations", query=Contains("biology")),
    ),
    # job search: no tool for it is bound yet, so the router says so instead of guessing
    Phrasing("jobs-search-in-town", "find data engineering jobs in Austin", NO_CALL),
    Phrasing("jobs-search-remote", "any remote python jobs?", NO_CALL),
    Phrasing("jobs-search-openings-near", "show me job openings near Denver", NO_CALL),
    Phrasing("jobs-search-find-me", "find me a job", NO_CALL),
    # show_occupation
    Phrasing("occupation-code", "show occupation 15-1252.00", _c("show_occupation", occupation="15-1252.00")),
    Phrasing(
        "occupation-title",
        "tell me about the occupation Data Scientists",
        _c("show_occupation", occupation="Data Scientists"),
    ),
    Phrasing(
        "occupation-short-code", "what does 29-1141 involve?", _c("show_occupation", occupation="29-1141.00")
    ),
    Phrasing(
        "occupation-details",
        "details for occupation Registered Nurses pls",
        _c("show_occupation", occupation="Registered Nurses"),
    ),
    # analyse_job
    Phrasing("analyse-id", "analyse job 42", _c("analyse_job", job_id=42)),
    Phrasing("analyse-ordinal", "what does the second job ask for?", _c("analyse_job", job_id=57)),
    Phrasing("analyse-hash-id", "analyze job #88", _c("analyse_job", job_id=88)),
    Phrasing(
        "analyse-third-posting",
        "break down the requirements of the third posting",
        _c("analyse_job", job_id=63),
    ),
    Phrasing("analyse-skills-need", "What skills does job 63 need?", _c("analyse_job", job_id=63)),
    Phrasing(
        "analyse-paste",
        "Can you analyse this job for me?\n\n" + POSTING,
        _c("analyse_job", job_id=ABSENT, text=ABSENT),
    ),
    Phrasing(
        "analyse-no-list",
        "analyse the second job",
        NO_CALL,
        facts={"resume_id": 3},
    ),
    # gap_report
    Phrasing("gap-this-job", "what stands between me and this job?", _c("gap_report", job_id=77)),
    Phrasing("gap-for-id", "gap report for job 12", _c("gap_report", job_id=12)),
    Phrasing("gap-match-2nd", "how do I match the 2nd job", _c("gap_report", job_id=57)),
    Phrasing("gap-paste-alone", POSTING, _c("gap_report", job_id=ABSENT, text=ABSENT)),
    Phrasing("gap-paste-fit", POSTING + "\n\nHow well do I fit this one?", _c("gap_report", text=ABSENT)),
    Phrasing("gap-good-fit", "am I a good fit for job 57?", _c("gap_report", job_id=57)),
    Phrasing("gap-last-job", "compare my profile with the last job", _c("gap_report", job_id=88)),
    Phrasing("gap-missing", "what am I missing for job 63", _c("gap_report", job_id=63)),
    # list_gap_reports
    Phrasing("reports-show", "show my reports", _c("list_gap_reports")),
    Phrasing("reports-past", "my past gap reports", _c("list_gap_reports")),
    Phrasing("reports-all-analyses", "list all the gap analyses you've done for me", _c("list_gap_reports")),
    # learning_plan
    Phrasing("plan-eight-weeks", "plan my next eight weeks", _c("learning_plan", weeks=8)),
    Phrasing("plan-hours", "make me a learning plan, 6 hours a week", _c("learning_plan", hours_per_week=6)),
    Phrasing("plan-learn-first", "what should I learn first?", _c("learning_plan", weeks=ABSENT)),
    Phrasing("plan-two-months", "schedule my learning for the next two months", _c("learning_plan", weeks=8)),
    Phrasing(
        "plan-report-id",
        "build a study plan from report 29, 10h/week",
        _c("learning_plan", report_id=29, hours_per_week=10),
    ),
    Phrasing("plan-into-tasks", "turn the plan into tasks", _c("learning_plan")),
    Phrasing(
        "plan-start-date",
        "plan the next 12 weeks starting next Monday, 4 hours per week",
        _c("learning_plan", weeks=12, hours_per_week=4, start_date="2026-11-30"),
    ),
    Phrasing(
        "plan-hour-a-day", "I have an hour a day, what should I study?", _c("learning_plan", hours_per_week=7)
    ),
    Phrasing(
        "plan-second-report",
        "learning plan for a month based on the second report",
        _c("learning_plan", weeks=4, report_id=29),
    ),
    Phrasing("plan-typos", "wat shuold i lern first", _c("learning_plan")),
    # create_goal
    Phrasing(
        "goal-by-june",
        "my goal is to become a data engineer by June",
        _c("create_goal", title=Contains("data engineer"), target_date="2027-06-30"),
    ),
    Phrasing(
        "goal-colon",
        "set a goal: land a PM role by March 2027",
        _c("create_goal", title=Contains("PM role"), target_date="2027-03-31"),
    ),
    Phrasing(
        "goal-end-of-year",
        "new goal - get AWS certified before the end of the year",
        _c("create_goal", title=Contains("AWS certified"), target_date="2026-12-31"),
    ),
    Phrasing(
        "goal-make-that",
        "I want to switch into UX design within 6 months, make that a goal",
        _c("create_goal", title=Contains("UX design"), target_date="2027-05-24"),
    ),
    # create_tasks
    Phrasing(
        "task-by-friday",
        "add a task to finish the SQL course by Friday",
        _c("create_tasks", tasks=[{"title": Contains("finish the SQL course"), "due_date": "2026-11-27"}]),
    ),
    Phrasing(
        "task-remind-tomorrow",
        "remind me to update my LinkedIn tomorrow",
        _c("create_tasks", tasks=[{"title": Contains("update my LinkedIn"), "due_date": "2026-11-25"}]),
    ),
    Phrasing(
        "task-colon-due",
        "new task: email the recruiter at Acme, due Dec 5",
        _c(
            "create_tasks",
            tasks=[{"title": Contains("email the recruiter at Acme"), "due_date": "2026-12-05"}],
        ),
    ),
    Phrasing(
        "task-todo-day-month",
        "create a todo to practice leetcode on 5 December",
        _c("create_tasks", tasks=[{"title": Contains("practice leetcode"), "due_date": "2026-12-05"}]),
    ),
    Phrasing(
        "task-remind-in-weeks",
        "remind me in 2 weeks to follow up with Sara",
        _c("create_tasks", tasks=[{"title": Contains("follow up with Sara"), "due_date": "2026-12-08"}]),
    ),
    Phrasing(
        "task-priority",
        "add task 'review statistics notes' for next Monday, high priority",
        _c(
            "create_tasks",
            tasks=[{"title": Contains("review statistics notes"), "due_date": "2026-11-30", "priority": 1}],
        ),
    ),
    Phrasing(
        "task-todo-list",
        "put 'apply to 3 jobs' on my todo list by end of the month",
        _c("create_tasks", tasks=[{"title": Contains("apply to 3 jobs"), "due_date": "2026-11-30"}]),
    ),
    Phrasing(
        "task-iso-date",
        "task: finish portfolio site 2026-12-15",
        _c("create_tasks", tasks=[{"title": Contains("finish portfolio site"), "due_date": "2026-12-15"}]),
    ),
    # list_tasks
    Phrasing("tasks-what-are", "what are my tasks", _c("list_tasks", status="open")),
    Phrasing("tasks-done", "show done tasks", _c("list_tasks", status="done")),
    Phrasing("tasks-todo-list", "whats on my todo list?", _c("list_tasks", status="open")),
    Phrasing("tasks-all", "list every task, including finished ones", _c("list_tasks", status="all")),
    Phrasing("tasks-completed-so-far", "what have i completed so far?", _c("list_tasks", status="done")),
    Phrasing("tasks-typo", "lsit my tasks pls", _c("list_tasks")),
    # complete_task
    Phrasing("complete-mark-id", "mark task 3 done", _c("complete_task", task_id=3)),
    Phrasing("complete-ordinal", "I finished the second task", _c("complete_task", task_id=102)),
    Phrasing("complete-title", "done with the SQL course", _c("complete_task", title=Contains("SQL course"))),
    Phrasing("complete-tick-off", "tick off task #104", _c("complete_task", task_id=104)),
    Phrasing("complete-last-one", "completed the last one on my list", _c("complete_task", task_id=105)),
    Phrasing("complete-typo", "finnished task 2!", _c("complete_task", task_id=2)),
    # reschedule_task
    Phrasing(
        "reschedule-next-friday",
        "move task 5 to next Friday",
        _c("reschedule_task", task_id=5, due_date="2026-12-04"),
    ),
    Phrasing(
        "reschedule-back-a-week",
        "push the Spark task back a week",
        _c("reschedule_task", title=Contains("Spark"), delay_days=7),
    ),
    Phrasing(
        "reschedule-first-by-days",
        "postpone the first task by 3 days",
        _c("reschedule_task", task_id=101, delay_days=3),
    ),
    Phrasing(
        "reschedule-id-date",
        "can we reschedule task 102 to Dec 10?",
        _c("reschedule_task", task_id=102, due_date="2026-12-10"),
    ),
    Phrasing(
        "reschedule-until-month-end",
        "delay my portfolio task until the end of the month",
        _c("reschedule_task", title=Contains("portfolio"), due_date="2026-11-30"),
    ),
    # add_note
    Phrasing(
        "note-colon", "note: recruiter call went well", _c("add_note", content="recruiter call went well")
    ),
    Phrasing("note-remember", "remember that Acme prefers Go", _c("add_note", content="Acme prefers Go")),
    Phrasing(
        "note-on-task",
        "add a note to task 2: ask Tom about the exam voucher",
        _c("add_note", task_id=2, content="ask Tom about the exam voucher"),
    ),
    Phrasing(
        "note-jot-down",
        "jot down that the interview is at 3pm on thursday",
        _c("add_note", content=Contains("interview is at 3pm")),
    ),
    Phrasing(
        "note-on-job",
        "save a note on job 57: salary range looks low",
        _c("add_note", job_id=57, content="salary range looks low"),
    ),
    # list_notes
    Phrasing("notes-show", "show my notes", _c("list_notes")),
    Phrasing("notes-saved", "what notes have I saved?", _c("list_notes")),
    # several requests in one message
    Phrasing(
        "multi-profile-tasks",
        "show my profile and list my tasks",
        (Call("show_profile"), Call("list_tasks")),
    ),
    Phrasing(
        "multi-done-then-list",
        "mark task 3 done; then show my open tasks",
        (Call("complete_task", {"task_id": 3}), Call("list_tasks", {"status": "open"})),
    ),
    Phrasing(
        "multi-analyse-and-gap",
        "analyse job 42 and also give me a gap report for it",
        (Call("analyse_job", {"job_id": 42}), Call("gap_report", {"job_id": 42})),
    ),
    Phrasing(
        "multi-finish-also-move",
        "I finished task 101. Also move task 102 to Monday",
        (
            Call("complete_task", {"task_id": 101}),
            Call("reschedule_task", {"task_id": 102, "due_date": "2026-11-30"}),
        ),
    ),
    Phrasing(
        "multi-add-then-show",
        "add Docker to my profile, then show my skills",
        (Call("add_profile_skill", {"skill": "Docker"}), Call("show_profile")),
    ),
    Phrasing(
        "multi-greeting-notes-reports",
        "hi! can you show my notes and my reports?",
        (Call("list_notes"), Call("list_gap_reports")),
    ),
    # written as held-out checks, then kept: one per line, named after the tool and the first words
    Phrasing("resume-just-put-cv", "I've just put my CV in, can you go through it?", _c("read_resume")),
    Phrasing(
        "resume-load-resume-called",
        "load the resume called anna-cv.pdf",
        _c("read_resume", file="anna-cv.pdf"),
    ),
    Phrasing("profile-what-skills-have", "What skills have you got for me so far?", _c("show_profile")),
    Phrasing("profile-let-see-profile", "let me see my profile", _c("show_profile")),
    Phrasing("profile-what-are-top", "what are my top skills", _c("show_profile")),
    Phrasing("add-add-jira-skills", "Add Jira to my skills", _c("add_profile_skill", skill="Jira")),
    Phrasing(
        "add-fluent-in-german", "I'm fluent in German", _c("add_profile_skill", skill="German", level=4)
    ),
    Phrasing(
        "add-got-solid-experience",
        "I've got solid experience with Figma",
        _c("add_profile_skill", skill="Figma", level=3),
    ),
    Phrasing(
        "change-update-excel-level",
        "update my Excel level to 2",
        _c("change_profile_skill", skill="Excel", level=2),
    ),
    Phrasing(
        "change-react-is-actually",
        "my React is actually expert level",
        _c("change_profile_skill", skill="React", level=5),
    ),
    Phrasing(
        "remove-get-rid-of",
        "get rid of Visual Basic on my profile",
        _c("remove_profile_skill", skill="Visual Basic"),
    ),
    Phrasing(
        "remove-remove-skill-lotus",
        "please remove the skill Lotus Notes",
        _c("remove_profile_skill", skill="Lotus Notes"),
    ),
    Phrasing("lookup-what-snowflake", "what's Snowflake", _c("lookup_skill", name="Snowflake")),
    Phrasing(
        "lookup-define-active-listening",
        "define 'active listening'",
        _c("lookup_skill", name="active listening"),
    ),
    Phrasing(
        "occupations-what-careers-are",
        "what careers are there in renewable energy?",
        _c("search_occupations", query=Contains("renewable energy")),
    ),
    Phrasing(
        "occupations-search-occupations-paralegal",
        "search occupations: paralegal",
        _c("search_occupations", query="paralegal"),
    ),
    Phrasing(
        "occupations-roles-similar-product",
        "roles similar to product manager?",
        _c("search_occupations", query="product manager"),
    ),
    Phrasing(
        "occupation-open-occupation-13",
        "open occupation 13-2011.00",
        _c("show_occupation", occupation="13-2011.00"),
    ),
    Phrasing(
        "occupation-what-does-an", "what does an actuary do?", _c("show_occupation", occupation="actuary")
    ),
    Phrasing("analyse-analyse-first-job", "analyse the first job", _c("analyse_job", job_id=42)),
    Phrasing(
        "analyse-what-are-requirements", "what are the requirements for job 63?", _c("analyse_job", job_id=63)
    ),
    Phrasing("gap-how-do-stack", "how do I stack up against job 88?", _c("gap_report", job_id=88)),
    Phrasing("gap-am-qualified-for", "am I qualified for the third job", _c("gap_report", job_id=63)),
    Phrasing("gap-gap-analysis", "gap analysis pls", _c("gap_report", job_id=77)),
    Phrasing("reports-which-reports-have", "which reports have I got", _c("list_gap_reports")),
    Phrasing("reports-show-old-gap", "show me the old gap reports", _c("list_gap_reports")),
    Phrasing("plan-make-10-week", "make a 10 week plan", _c("learning_plan", weeks=10)),
    Phrasing("plan-what-should-focus", "what should I focus on learning?", _c("learning_plan")),
    Phrasing(
        "plan-plan-coming-three",
        "plan the coming three months, 8 hrs per week",
        _c("learning_plan", weeks=12, hours_per_week=8),
    ),
    Phrasing(
        "plan-schedule-studies-starting",
        "schedule my studies starting Dec 1",
        _c("learning_plan", start_date="2026-12-01"),
    ),
    Phrasing(
        "goal-goal-senior-analyst",
        "goal: senior analyst by end of next year",
        _c("create_goal", title=Contains("senior analyst")),
    ),
    Phrasing(
        "goal-d-like-be",
        "I'd like to be a UX researcher by September, save it as a goal",
        _c("create_goal", title=Contains("UX researcher"), target_date="2027-09-30"),
    ),
    Phrasing(
        "task-add-task-send",
        "add a task: send thank-you email on Thursday",
        _c("create_tasks", tasks=[{"title": Contains("send thank-you email"), "due_date": "2026-11-26"}]),
    ),
    Phrasing(
        "task-remind-prep-for",
        "remind me to prep for the Acme interview next Friday",
        _c(
            "create_tasks",
            tasks=[{"title": Contains("prep for the Acme interview"), "due_date": "2026-12-04"}],
        ),
    ),
    Phrasing(
        "task-need-renew-aws",
        "I need to renew my AWS cert by Jan 10, put it on my list",
        _c("create_tasks", tasks=[{"title": Contains("renew my AWS cert"), "due_date": "2027-01-10"}]),
    ),
    Phrasing("tasks-what-left-on", "what's left on my list?", _c("list_tasks", status="open")),
    Phrasing("tasks-show-all-tasks", "show me all my tasks", _c("list_tasks", status="all")),
    Phrasing("tasks-which-tasks-did", "which tasks did I finish?", _c("list_tasks", status="done")),
    Phrasing("complete-task-4-is", "task 4 is done", _c("complete_task", task_id=4)),
    Phrasing("complete-check-off-third", "check off the third task", _c("complete_task", task_id=103)),
    Phrasing(
        "complete-completed-interview-prep",
        "I completed the interview prep",
        _c("complete_task", title=Contains("interview prep")),
    ),
    Phrasing(
        "reschedule-move-portfolio-task",
        "move the portfolio task to Dec 12",
        _c("reschedule_task", title=Contains("portfolio"), due_date="2026-12-12"),
    ),
    Phrasing(
        "reschedule-push-task-7", "push task 7 by two days", _c("reschedule_task", task_id=7, delay_days=2)
    ),
    Phrasing(
        "reschedule-reschedule-2nd-task",
        "reschedule the 2nd task for tomorrow",
        _c("reschedule_task", task_id=102, due_date="2026-11-25"),
    ),
    Phrasing(
        "note-make-note-that",
        "make a note that the hiring manager is Priya",
        _c("add_note", content=Contains("hiring manager is Priya")),
    ),
    Phrasing(
        "note-note-on-job",
        "note on job 42: they use Azure not AWS",
        _c("add_note", job_id=42, content=Contains("they use Azure")),
    ),
    Phrasing(
        "note-remember-friday-is",
        "remember: Friday is the application deadline",
        _c("add_note", content=Contains("application deadline")),
    ),
    Phrasing("notes-what-have-noted", "what have I noted so far?", _c("list_notes")),
    Phrasing("notes-list-notes", "list my notes please", _c("list_notes")),
    Phrasing("multi-show-tasks-and", "show my tasks and notes", (Call("list_tasks"), Call("list_notes"))),
    Phrasing(
        "multi-read-resume-then",
        "read my resume then show my profile",
        (Call("read_resume"), Call("show_profile")),
    ),
    Phrasing(
        "multi-mark-task-2",
        "mark task 2 done and move task 3 to Friday",
        (
            Call("complete_task", {"task_id": 2}),
            Call("reschedule_task", {"task_id": 3, "due_date": "2026-11-27"}),
        ),
    ),
    Phrasing("text-good-morning", "good morning!", NO_CALL),
    Phrasing("text-cheers-mate", "cheers mate", NO_CALL),
    Phrasing("text-help-2", "help", NO_CALL),
    Phrasing("text-tell-joke", "tell me a joke", NO_CALL),
    Phrasing("text-who-won-world", "who won the world cup in 2018?", NO_CALL),
    Phrasing(
        "analyse-analyze-this-posting", "Analyze this posting:\n" + POSTING, _c("analyse_job", text=ABSENT)
    ),
    Phrasing(
        "gap-here-job-found",
        "Here's a job I found.\n" + POSTING + "\nDo I have a chance?",
        _c("gap_report", text=ABSENT),
    ),
    Phrasing("gap-compare-4th-job", "compare me to the 4th job", _c("gap_report", job_id=88)),
    Phrasing(
        "goal-set-goal-learn",
        "set a goal to learn Spanish by July",
        _c("create_goal", title=Contains("learn Spanish"), target_date="2027-07-31"),
    ),
    Phrasing(
        "add-know-bit-of", "i know a bit of javascript", _c("add_profile_skill", skill="javascript", level=2)
    ),
    Phrasing("tasks-shwo-taks", "shwo my taks", _c("list_tasks")),
    Phrasing("text-delet-note", "delet my note", NO_CALL),
    Phrasing("profile-yo-u-show", "yo can u show me my skills real quick", _c("show_profile")),
    Phrasing("resume-could-take-look", "Could you please take a look at my resume?", _c("read_resume")),
    Phrasing(
        "add-pretty-good-with",
        "I'm pretty good with Pandas",
        _c("add_profile_skill", skill="Pandas", level=3),
    ),
    Phrasing(
        "add-add-machine-learning",
        "add 'machine learning' to my profile at level 2",
        _c("add_profile_skill", skill="machine learning", level=2),
    ),
    Phrasing(
        "change-change-python-3", "change Python to 3", _c("change_profile_skill", skill="Python", level=3)
    ),
    Phrasing(
        "change-downgrade-spanish-beginner",
        "downgrade my Spanish to beginner",
        _c("change_profile_skill", skill="Spanish", level=2),
    ),
    Phrasing("remove-delete-scala", "delete Scala", _c("remove_profile_skill", skill="Scala")),
    Phrasing("lookup-whats-kafka", "whats kafka", _c("lookup_skill", name="kafka")),
    Phrasing(
        "lookup-look-up-power", "can you look up Power Query for me", _c("lookup_skill", name="Power Query")
    ),
    Phrasing(
        "occupations-what-occupations-use",
        "what occupations use Python?",
        _c("search_occupations", query=Contains("Python")),
    ),
    Phrasing(
        "occupations-like-working-with",
        "I like working with animals, which careers suit me?",
        _c("search_occupations"),
    ),
    Phrasing(
        "occupation-show-occupation-29",
        "show me occupation 29-1141.00 please",
        _c("show_occupation", occupation="29-1141.00"),
    ),
    Phrasing("analyse-what-does-job", "what does job 57 require?", _c("analyse_job", job_id=57)),
    Phrasing("gap-give-gap-report", "give me the gap report for the first job", _c("gap_report", job_id=42)),
    Phrasing("gap-how-far-am", "How far am I from the 3rd job?", _c("gap_report", job_id=63)),
    Phrasing("gap-do-have-what", "Do I have what it takes for job 88?", _c("gap_report", job_id=88)),
    Phrasing("reports-what-reports-did", "what reports did you make for me", _c("list_gap_reports")),
    Phrasing(
        "plan-create-learning-schedule",
        "create my learning schedule for 6 weeks, about 3 hours a week",
        _c("learning_plan", weeks=6, hours_per_week=3),
    ),
    Phrasing(
        "plan-how-should-spend", "how should I spend the next month learning?", _c("learning_plan", weeks=4)
    ),
    Phrasing("plan-which-skill-should", "which skill should I pick up first", _c("learning_plan")),
    Phrasing(
        "goal-goal-data-analyst",
        "my goal: data analyst job by 2027-06-01",
        _c("create_goal", title=Contains("data analyst job"), target_date="2027-06-01"),
    ),
    Phrasing(
        "goal-want-become-cloud",
        "I want to become a cloud architect. Make it my goal",
        _c("create_goal", title=Contains("cloud architect")),
    ),
    Phrasing(
        "task-todo-call-mom",
        "todo: call mom about the reference letter",
        _c("create_tasks", tasks=[{"title": Contains("call mom")}]),
    ),
    Phrasing(
        "task-add-reminder-update",
        "add a reminder to update my CV on Sunday",
        _c("create_tasks", tasks=[{"title": Contains("update my CV"), "due_date": "2026-11-29"}]),
    ),
    Phrasing(
        "task-schedule-task-for",
        "schedule a task for Dec 3: mock interview with Ben",
        _c("create_tasks", tasks=[{"title": Contains("mock interview with Ben"), "due_date": "2026-12-03"}]),
    ),
    Phrasing("tasks-what-do-need", "what do I need to do today?", _c("list_tasks")),
    Phrasing("tasks-list-open-tasks", "list my open tasks", _c("list_tasks", status="open")),
    Phrasing("complete-done-task-105", "done: task 105", _c("complete_task", task_id=105)),
    Phrasing(
        "complete-sql-course-is",
        "the SQL course is finished",
        _c("complete_task", title=Contains("SQL course")),
    ),
    Phrasing(
        "reschedule-move-fourth-task",
        "move the fourth task to Wednesday",
        _c("reschedule_task", task_id=104, due_date="2026-11-25"),
    ),
    Phrasing(
        "reschedule-need-another-week",
        "I need another week for task 3",
        _c("reschedule_task", task_id=3, delay_days=7),
    ),
    Phrasing(
        "reschedule-change-due-date",
        "change the due date of task 101 to 2026-12-20",
        _c("reschedule_task", task_id=101, due_date="2026-12-20"),
    ),
    Phrasing(
        "note-note-for-task",
        "note for task 104: use the free tier",
        _c("add_note", task_id=104, content=Contains("free tier")),
    ),
    Phrasing(
        "note-write-down-jane",
        "write down: Jane from HR will call back Monday",
        _c("add_note", content=Contains("Jane from HR")),
    ),
    Phrasing("notes-any-notes", "any notes?", _c("list_notes")),
    Phrasing(
        "multi-list-tasks-then",
        "list tasks, then notes, then my reports",
        (Call("list_tasks"), Call("list_notes"), Call("list_gap_reports")),
    ),
    Phrasing(
        "multi-add-sql-profile",
        "add SQL to my profile and set Python to level 4",
        (
            Call("add_profile_skill", {"skill": "SQL"}),
            Call("change_profile_skill", {"skill": "Python", "level": 4}),
        ),
    ),
    Phrasing("task-remind-call-anna", "remind me to call Anna and email Ben tomorrow", _c("create_tasks")),
    Phrasing("text-hey-what-do", "hey, what can you do", NO_CALL),
    Phrasing("text-how-are-today", "how are you today?", NO_CALL),
    Phrasing("text-what-is-meaning", "what is the meaning of life", NO_CALL, known_miss=True),
    Phrasing("analyse-posting", POSTING + "\n\nanalyse it please", _c("analyse_job")),
    Phrasing("resume-ok-uploaded-cv", "ok I've uploaded my CV now", _c("read_resume")),
    Phrasing("resume-process-cv-docx", "can you process cv.docx", _c("read_resume", file="cv.docx")),
    Phrasing("profile-tell-what-skills", "tell me what skills I have", _c("show_profile")),
    Phrasing("profile-what-skill-level", "what's my skill level in Python?", _c("show_profile")),
    Phrasing(
        "add-an-intermediate-java",
        "I'm an intermediate Java developer, please add Java",
        _c("add_profile_skill", skill="Java", level=3),
    ),
    Phrasing("add-also-speak-french", "I also speak French", _c("add_profile_skill", skill="French")),
    Phrasing(
        "change-set-kubernetes-advanced",
        "set Kubernetes to advanced",
        _c("change_profile_skill", skill="Kubernetes", level=4),
    ),
    Phrasing(
        "change-lower-go-level", "lower my Go level to 2", _c("change_profile_skill", skill="Go", level=2)
    ),
    Phrasing(
        "remove-remove-photoshop-haven",
        "Please remove Photoshop, I haven't used it in years",
        _c("remove_profile_skill", skill="Photoshop"),
    ),
    Phrasing("lookup-what-is-data", "what is a data lake?", _c("lookup_skill", name="data lake")),
    Phrasing("lookup-explain-terraform", "explain terraform to me", _c("lookup_skill", name="terraform")),
    Phrasing(
        "occupations-careers-in-cybersecurity",
        "careers in cybersecurity?",
        _c("search_occupations", query=Contains("cybersecurity")),
    ),
    Phrasing(
        "occupations-which-jobs-are",
        "which jobs are similar to teacher",
        _c("search_occupations", query=Contains("teacher")),
    ),
    Phrasing(
        "occupation-more-details-on",
        "more details on occupation 15-2051.01",
        _c("show_occupation", occupation="15-2051.01"),
    ),
    Phrasing(
        "occupation-what-do-software",
        "what do software developers do",
        _c("show_occupation", occupation=Contains("software developers")),
    ),
    Phrasing("analyse-what-is-second", "what is the second job looking for?", _c("analyse_job", job_id=57)),
    Phrasing("analyse-analyse-posting-63", "analyse posting 63 please", _c("analyse_job", job_id=63)),
    Phrasing("gap-how-good-match", "how good a match am I for job 42?", _c("gap_report", job_id=42)),
    Phrasing("gap-what-skills-am", "What skills am I lacking for the last job?", _c("gap_report", job_id=88)),
    Phrasing("gap-where-do-fall", "where do I fall short for this role", _c("gap_report", job_id=77)),
    Phrasing("reports-reports", "my reports pls", _c("list_gap_reports")),
    Phrasing("plan-help-plan-learning", "help me plan my learning for 5 weeks", _c("learning_plan", weeks=5)),
    Phrasing("plan-what-should-work", "what should I work on to get job 57?", _c("learning_plan")),
    Phrasing(
        "plan-put-together-study",
        "put together a study schedule, 2 hours a day",
        _c("learning_plan", hours_per_week=14),
    ),
    Phrasing(
        "goal-goal-is-remote",
        "my goal is a remote job by the end of next month",
        _c("create_goal", target_date="2026-12-31"),
    ),
    Phrasing(
        "goal-goal-finish-master",
        "goal - finish my master's thesis by May 2027",
        _c("create_goal", title=Contains("master's thesis"), target_date="2027-05-31"),
    ),
    Phrasing(
        "task-remind-on-dec",
        "remind me on Dec 1 to pay the exam fee",
        _c("create_tasks", tasks=[{"title": Contains("pay the exam fee"), "due_date": "2026-12-01"}]),
    ),
    Phrasing(
        "task-add-read-designing",
        "add 'read Designing Data-Intensive Applications' to my tasks",
        _c("create_tasks", tasks=[{"title": Contains("Designing Data-Intensive")}]),
    ),
    Phrasing("tasks-what-due-this", "what's due this week?", _c("list_tasks")),
    Phrasing("tasks-show-finished-tasks", "show finished tasks", _c("list_tasks", status="done")),
    Phrasing("complete-did-task-102", "I did task 102", _c("complete_task", task_id=102)),
    Phrasing("complete-mark-first-one", "mark the first one as complete", _c("complete_task", task_id=101)),
    Phrasing(
        "reschedule-task-104-wait",
        "can task 104 wait until next Monday?",
        _c("reschedule_task", task_id=104, due_date="2026-11-30"),
    ),
    Phrasing(
        "reschedule-bump-second-task",
        "bump the second task to Friday",
        _c("reschedule_task", task_id=102, due_date="2026-11-27"),
    ),
    Phrasing(
        "note-note-acme-process",
        "note: Acme's process has 4 rounds",
        _c("add_note", content=Contains("4 rounds")),
    ),
    Phrasing("note-add-note-about", "add a note about job 63 - great benefits", _c("add_note", job_id=63)),
    Phrasing("notes-show-notes", "show the notes", _c("list_notes")),
    Phrasing(
        "multi-show-profile-tasks",
        "show my profile, my tasks and my notes",
        (Call("show_profile"), Call("list_tasks"), Call("list_notes")),
    ),
    Phrasing("text-thank-that-all", "thank you, that's all", NO_CALL),
    Phrasing("text-lol", "lol", NO_CALL),
    # a second held-out set, also kept once measured
    Phrasing(
        "resume-went-through",
        "I sent you my resume a minute ago, did you get it? please read it",
        _c("read_resume"),
    ),
    Phrasing("resume-import-named", "import resume-jan.pdf", _c("read_resume", file="resume-jan.pdf")),
    Phrasing("profile-remind-me-skills", "remind me which skills I have", _c("show_profile")),
    Phrasing("profile-overview", "give me an overview of my profile", _c("show_profile")),
    Phrasing(
        "add-years-of", "I have 5 years of experience with Kotlin", _c("add_profile_skill", skill="Kotlin")
    ),
    Phrasing("add-skill-colon", "new skill: Data Modeling", _c("add_profile_skill", skill="Data Modeling")),
    Phrasing(
        "change-level-of", "make my Tableau level 4", _c("change_profile_skill", skill="Tableau", level=4)
    ),
    Phrasing(
        "change-im-beginner",
        "honestly I'm only a beginner at R",
        _c("change_profile_skill", skill="R", level=2),
    ),
    Phrasing(
        "remove-not-mine",
        "SAP isn't one of my skills, please remove it",
        _c("remove_profile_skill", skill="SAP"),
    ),
    Phrasing("lookup-meaning-of", "what does ETL mean?", _c("lookup_skill", name="ETL")),
    Phrasing("lookup-info", "give me info on the skill Negotiation", _c("lookup_skill", name="Negotiation")),
    Phrasing(
        "occupations-suited",
        "which careers are suited to someone good at maths?",
        _c("search_occupations", query=Contains("math")),
    ),
    Phrasing(
        "occupations-search-for",
        "search for occupations in logistics",
        _c("search_occupations", query=Contains("logistics")),
    ),
    Phrasing(
        "occupation-about-code",
        "tell me more about 11-2021.00",
        _c("show_occupation", occupation="11-2021.00"),
    ),
    Phrasing("analyse-ordinal-breakdown", "give me a breakdown of the 4th job", _c("analyse_job", job_id=88)),
    Phrasing("analyse-what-want", "what do they want in job 42?", _c("analyse_job", job_id=42)),
    Phrasing("gap-ready", "am I ready to apply for job 63?", _c("gap_report", job_id=63)),
    Phrasing("gap-compare-me", "compare me with the second job please", _c("gap_report", job_id=57)),
    Phrasing("gap-paste-chance", "Would I get this job?\n" + POSTING, _c("gap_report", text=ABSENT)),
    Phrasing("reports-earlier", "show the reports from earlier", _c("list_gap_reports")),
    Phrasing(
        "plan-weeks-hours",
        "plan 6 weeks at 10 hours per week",
        _c("learning_plan", weeks=6, hours_per_week=10),
    ),
    Phrasing("plan-first-steps", "where should I start learning?", _c("learning_plan")),
    Phrasing(
        "plan-schedule-into-calendar",
        "can you schedule my learning over the next 4 weeks",
        _c("learning_plan", weeks=4),
    ),
    Phrasing(
        "goal-target", "target: head of data by 2028-01-01", _c("create_goal", target_date="2028-01-01")
    ),
    Phrasing(
        "goal-i-aim",
        "I aim to get a junior dev job by April. Save that as a goal",
        _c("create_goal", title=Contains("junior dev job"), target_date="2027-04-30"),
    ),
    Phrasing(
        "task-add-friday",
        "add to my todo list: fix the README by friday",
        _c("create_tasks", tasks=[{"title": Contains("fix the README"), "due_date": "2026-11-27"}]),
    ),
    Phrasing(
        "task-dont-let-me-forget",
        "don't let me forget to submit the form tomorrow",
        _c("create_tasks", tasks=[{"title": Contains("submit the form"), "due_date": "2026-11-25"}]),
    ),
    Phrasing("tasks-agenda", "what's on my plate?", _c("list_tasks"), known_miss=True),
    Phrasing("tasks-overdue", "show my open todos", _c("list_tasks", status="open")),
    Phrasing("complete-got-done", "got task 103 done", _c("complete_task", task_id=103)),
    Phrasing(
        "complete-ticked",
        "the Python course is complete, tick it off",
        _c("complete_task", title=Contains("Python course")),
    ),
    Phrasing(
        "reschedule-later",
        "move my interview prep task to the day after tomorrow",
        _c("reschedule_task", title=Contains("interview prep"), due_date="2026-11-26"),
    ),
    Phrasing(
        "reschedule-two-weeks",
        "postpone task 2 by two weeks",
        _c("reschedule_task", task_id=2, delay_days=14),
    ),
    Phrasing(
        "note-keep-in-mind",
        "keep in mind that Globex wants a portfolio",
        _c("add_note", content=Contains("Globex wants a portfolio")),
    ),
    Phrasing(
        "note-attach-report", "add a note to report 31: the score seems low", _c("add_note", report_id=31)
    ),
    Phrasing("notes-mine", "my notes", _c("list_notes")),
    Phrasing(
        "multi-skill-and-profile",
        "remove Excel and then show my profile",
        (Call("remove_profile_skill", {"skill": "Excel"}), Call("show_profile")),
    ),
    Phrasing(
        "multi-task-note",
        "mark task 5 done. note: it took longer than planned",
        (Call("complete_task", {"task_id": 5}), Call("add_note")),
    ),
    Phrasing("text-bye", "bye for now", NO_CALL),
    Phrasing("text-recipe", "how do I make pancakes?", NO_CALL),
    # text answers
    Phrasing("text-hello", "hello", NO_CALL),
    Phrasing("text-thanks", "thanks a lot!", NO_CALL),
    Phrasing("text-help", "what can you do?", NO_CALL),
    Phrasing("text-weather", "what's the weather in Paris tomorrow?", NO_CALL),
    Phrasing("text-gibberish", "asdf qwerty", NO_CALL),
]


# Written after the rules and exemplars were last tuned, and never tuned on: the benchmark reports them
# apart, as an estimate of how the router does on phrasings nobody fitted it to. Tests do not run them.
HELD_OUT: list[Phrasing] = [
    Phrasing("resume-just-attached", "just attached my updated resume, have a look", _c("read_resume")),
    Phrasing("resume-parse-named-md", "parse my_resume.md", _c("read_resume", file="my_resume.md")),
    Phrasing("profile-what-do-you-know", "what do you know about my skills so far?", _c("show_profile")),
    Phrasing("profile-list-skill-levels", "list my skill levels", _c("show_profile")),
    Phrasing(
        "add-comfortable-with",
        "I'm comfortable with Linux, add it please",
        _c("add_profile_skill", skill="Linux", level=3),
    ),
    Phrasing(
        "add-put-to-skills", "put Salesforce into my skill list", _c("add_profile_skill", skill="Salesforce")
    ),
    Phrasing("change-raise-to", "raise my SQL to expert", _c("change_profile_skill", skill="SQL", level=5)),
    Phrasing(
        "change-level-number",
        "change the level of Excel to 4",
        _c("change_profile_skill", skill="Excel", level=4),
    ),
    Phrasing(
        "remove-delete-from-skills", "delete Perl from my skills", _c("remove_profile_skill", skill="Perl")
    ),
    Phrasing(
        "remove-never-touched",
        "I never touched Assembly, drop it from my profile",
        _c("remove_profile_skill", skill="Assembly"),
    ),
    Phrasing("lookup-what-are", "what are microservices?", _c("lookup_skill", name="microservices")),
    Phrasing("lookup-define-agile", "define agile", _c("lookup_skill", name="agile")),
    Phrasing(
        "occupations-what-careers",
        "what careers involve drawing?",
        _c("search_occupations", query=Contains("drawing")),
    ),
    Phrasing(
        "occupations-jobs-similar",
        "jobs similar to pharmacist please",
        _c("search_occupations", query=Contains("pharmacist")),
    ),
    Phrasing(
        "occupation-show-title",
        "show the occupation Web Developers",
        _c("show_occupation", occupation="Web Developers"),
    ),
    Phrasing(
        "analyse-posting-needs", "what does posting 57 need from candidates?", _c("analyse_job", job_id=57)
    ),
    Phrasing("analyse-break-down-last", "break down the last job for me", _c("analyse_job", job_id=88)),
    Phrasing("gap-how-well-match", "how well do I match job 42?", _c("gap_report", job_id=42)),
    Phrasing(
        "gap-skills-missing", "which skills am I missing for the first job?", _c("gap_report", job_id=42)
    ),
    Phrasing("gap-paste-bare-question", POSTING + "\n\nWhat am I missing?", _c("gap_report", text=ABSENT)),
    Phrasing("reports-list-past", "list my past reports", _c("list_gap_reports")),
    Phrasing(
        "plan-eight-weeks-hours",
        "plan the next 8 weeks with 6h/week",
        _c("learning_plan", weeks=8, hours_per_week=6),
    ),
    Phrasing(
        "plan-what-learn-next", "what should I learn next for report 17?", _c("learning_plan", report_id=17)
    ),
    Phrasing("plan-tasks-from-plan", "make tasks from my learning plan", _c("learning_plan")),
    Phrasing(
        "goal-career-goal",
        "new career goal: become a data scientist by December",
        _c("create_goal", title=Contains("data scientist"), target_date="2026-12-31"),
    ),
    Phrasing(
        "goal-set-aws",
        "set a goal to pass the AWS exam in 3 months",
        _c("create_goal", title=Contains("AWS exam"), target_date="2027-02-24"),
    ),
    Phrasing(
        "task-remind-monday",
        "remind me on Monday to call the recruiter",
        _c("create_tasks", tasks=[{"title": Contains("call the recruiter"), "due_date": "2026-11-30"}]),
    ),
    Phrasing(
        "task-new-todo-date",
        "new todo: finish the Kaggle notebook by 12 December",
        _c("create_tasks", tasks=[{"title": Contains("Kaggle notebook"), "due_date": "2026-12-12"}]),
    ),
    Phrasing("tasks-what-open", "which of my tasks are open?", _c("list_tasks", status="open")),
    Phrasing("tasks-everything", "show everything on my task list", _c("list_tasks", status="all")),
    Phrasing("complete-finished-number", "finished task 104", _c("complete_task", task_id=104)),
    Phrasing(
        "complete-mark-title",
        "mark the portfolio task as done",
        _c("complete_task", title=Contains("portfolio")),
    ),
    Phrasing(
        "reschedule-move-date",
        "move task 103 to December 18",
        _c("reschedule_task", task_id=103, due_date="2026-12-18"),
    ),
    Phrasing(
        "reschedule-push-days",
        "push the third task back by 4 days",
        _c("reschedule_task", task_id=103, delay_days=4),
    ),
    Phrasing(
        "note-add-colon",
        "add a note: ask for the salary band",
        _c("add_note", content=Contains("salary band")),
    ),
    Phrasing(
        "note-remember-job",
        "remember that job 63 closes on Friday",
        _c("add_note", content=Contains("closes on Friday")),
    ),
    Phrasing("notes-list-all", "list all my notes", _c("list_notes")),
    Phrasing(
        "multi-profile-reports",
        "show my skills and then my gap reports",
        (Call("show_profile"), Call("list_gap_reports")),
    ),
    Phrasing("text-good-night", "good night", NO_CALL),
    Phrasing("text-stock-price", "what's the stock price of Apple?", NO_CALL),
]


def conversation(phrasing: Phrasing) -> list[BaseMessage]:
    """The messages the graph would send for this phrasing as a new turn."""
    facts = FACTS if phrasing.facts is None else phrasing.facts
    system = SystemMessage("rules", additional_kwargs={"facts": dict(facts), "today": D()})
    return [system, HumanMessage(phrasing.text)]


def tool_specs(names: Sequence[str] = TOOL_NAMES) -> list[dict[str, Any]]:
    """OpenAI-style tool definitions carrying just the names (the router reads only those)."""
    empty = {"type": "object", "properties": {}}
    return [
        {"type": "function", "function": {"name": n, "description": n, "parameters": empty}} for n in names
    ]


def _value_matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, Contains):
        return isinstance(actual, str) and expected.text.lower() in actual.lower()
    if isinstance(expected, str):
        return isinstance(actual, str) and " ".join(expected.lower().split()) == " ".join(
            actual.lower().split()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(args_match(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return float(expected) == float(actual)
    return bool(expected == actual)


def args_match(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> bool:
    """Whether every expected argument is in `actual` with a matching value (ABSENT: not there)."""
    for key, value in expected.items():
        if value is ABSENT:
            if actual.get(key) is not None:
                return False
        elif key not in actual or not _value_matches(value, actual[key]):
            return False
    return True


def names_match(expected: Sequence[Call], actual: Sequence[Mapping[str, Any]]) -> bool:
    """Same tools, in the same order."""
    return [c.name for c in expected] == [str(a["name"]) for a in actual]


def calls_match(expected: Sequence[Call], actual: Sequence[Mapping[str, Any]]) -> bool:
    """Same tools in the same order, each with the expected arguments."""
    return names_match(expected, actual) and all(
        args_match(e.args, a["args"]) for e, a in zip(expected, actual, strict=True)
    )
