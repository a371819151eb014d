"""The agent's O*NET tools: look up a skill, search occupations, show one occupation."""

from __future__ import annotations

import re
from typing import Any

from langchain_core.tools import tool
from langgraph.types import Command

from onet.lookup import occupation_profile
from tools.answers import AgentRuntime, Answer, ToolInputError, reply, services

_SOC_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")
SHOWN_RATINGS = 8


@tool
def lookup_skill(runtime: AgentRuntime, name: str) -> Command[Any]:
    """Find the O*NET skill, knowledge area or technology a name refers to, with close alternatives."""
    engines = services(runtime)
    if not name.strip():
        raise ToolInputError("say which skill to look up")
    found = engines.kb.normalize([name], limit=3)[0]
    if not found:
        return reply(runtime, Answer(f"No O*NET skill matches {name!r}."), name="lookup_skill")
    lines = [f"{name!r} in O*NET:"]
    for candidate in found:
        info = engines.kb.catalog.skills[candidate.skill_id]
        demand = " (in demand)" if info.in_demand else " (hot technology)" if info.hot else ""
        lines.append(
            f"- {candidate.name} [{candidate.skill_id}], a {info.kind} in {info.category}{demand}, "
            f"used by {info.occupations} occupations (match: {candidate.method}, {candidate.score:.2f})"
        )
    return reply(runtime, Answer("\n".join(lines)), name="lookup_skill")


@tool
def search_occupations(runtime: AgentRuntime, query: str) -> Command[Any]:
    """Search O*NET occupations by job title or description; gives codes to use with show_occupation."""
    engines = services(runtime)
    if not query.strip():
        raise ToolInputError("say which job title or kind of work to search for")
    with engines.session() as session:
        found = engines.kb.search_occupations(session, query, limit=5)
    if not found:
        return reply(runtime, Answer(f"No O*NET occupation matches {query!r}."), name="search_occupations")
    lines = [f"O*NET occupations for {query!r}:"]
    lines += [f"- {row['code']} {row['title']} (matched {row['matched']!r})" for row in found]
    facts = {"occupations": [row["code"] for row in found]}
    return reply(runtime, Answer("\n".join(lines), facts), name="search_occupations")


@tool
def show_occupation(runtime: AgentRuntime, occupation: str) -> Command[Any]:
    """Show one O*NET occupation, given a code like 15-2051.00 or a title.

    It says what the occupation does, its top skills, knowledge and technologies, and related ones.
    """
    engines = services(runtime)
    wanted = occupation.strip()
    if not wanted:
        raise ToolInputError("say which occupation to show: a title or an O*NET code")
    with engines.session() as session:
        code = wanted if _SOC_CODE.match(wanted) else None
        if code is None:
            found = engines.kb.search_occupations(session, wanted, limit=1)
            if not found:
                raise ToolInputError(f"no O*NET occupation matches {wanted!r}")
            code = str(found[0]["code"])
        elif len(code) == 7:
            code += ".00"
        try:
            profile = occupation_profile(session, code)
        except KeyError:
            raise ToolInputError(f"there is no O*NET occupation {code}") from None
    lines = [f"{profile['code']} {profile['title']} (job zone {profile['job_zone']})", profile["description"]]
    for domain in ("skills", "knowledge"):
        top = ", ".join(r["name"] for r in profile[domain][:SHOWN_RATINGS])
        lines.append(f"Top {domain}: {top or 'not rated in this release'}")
    tech = ", ".join(t["name"] for t in profile["technologies"][:10])
    lines.append(f"Technologies: {tech or 'none listed'}")
    related = ", ".join(f"{r['title']} ({r['code']})" for r in profile["related"][:4])
    lines.append(f"Related: {related or 'none listed'}")
    return reply(runtime, Answer("\n".join(lines), {"occupation": profile["code"]}), name="show_occupation")
