"""Importing an O*NET release into PostgreSQL and the semantic index, all or nothing."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text, update
from sqlalchemy.orm import Session

from onet import index as semantic_index
from onet.catalog import current_release
from onet.ontology import (
    SkillNode,
    alias_key,
    concept_nodes,
    element_node,
    english_vocabulary,
    generated_aliases,
    ontology_fingerprint,
    reviewed_aliases,
    technology_nodes,
)
from onet.release import Release, open_release
from persistence.bulk import copy_rows
from persistence.onet_models import OnetRelease

log = logging.getLogger(__name__)

# Bump when the import writes different rows from the same files.
IMPORTER_VERSION = "onet-import-5"
ONET_TABLES = (
    "onet_education",
    "onet_related",
    "onet_tasks",
    "onet_titles",
    "onet_tools",
    "onet_technologies",
    "onet_ratings",
    "onet_elements",
    "onet_occupations",
    "skill_aliases",
    "skills",
)
_RATING_FILES = (("Skills.txt", "skills"), ("Knowledge.txt", "knowledge"), ("Abilities.txt", "abilities"))
_RATING_COLUMNS = ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Not Relevant")


@dataclass
class ImportResult:
    """What an import did: the release, whether anything changed, row counts and skipped rows."""

    version: str
    changed: bool
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    missing_files: list[str] = field(default_factory=list)
    unresolved_aliases: list[str] = field(default_factory=list)
    seconds: float = 0.0


def import_release(
    session: Session,
    *,
    source: Path,
    data_dir: Path,
    progress: Callable[[str], None] = log.info,
) -> ImportResult:
    """Import the release at `source` (folder or zip) unless the same release is already current.

    SQL rows are replaced in the caller's transaction; the semantic index is built first, in its
    own folder, so a failure anywhere leaves the previous knowledge base untouched.
    """
    started = time.perf_counter()
    release = open_release(source)
    try:
        fingerprint = release_fingerprint(release)
        current = current_release(session)
        if (
            current is not None
            and current.fingerprint == fingerprint
            and semantic_index.exists(data_dir, fingerprint)
        ):
            return ImportResult(version=release.version, changed=False, counts=dict(current.counts))
        progress(f"reading O*NET {release.version} from {source}")
        tables, nodes, aliases, unresolved = read_contents(release)
        progress(f"building the semantic index of {len(nodes)} skills and the occupation titles")
        semantic_index.build(
            data_dir, fingerprint, skills=nodes, occupations=_occupation_titles(tables), progress=progress
        )
        progress("writing the knowledge base to the database")
        counts = _write(session, tables, nodes, aliases)
        session.execute(update(OnetRelease).values(is_current=False))
        session.add(
            OnetRelease(
                version=release.version,
                fingerprint=fingerprint,
                source=str(source),
                counts=counts,
                skipped=dict(release.skipped),
                missing_files=release.missing_optional,
            )
        )
        session.flush()
        return ImportResult(
            version=release.version,
            changed=True,
            counts=counts,
            skipped=dict(release.skipped),
            missing_files=release.missing_optional,
            unresolved_aliases=unresolved,
            seconds=time.perf_counter() - started,
        )
    finally:
        release.close()


def release_fingerprint(release: Release) -> str:
    """What identifies the knowledge base a release gives: its files, our curated files, this importer."""
    parts = release.fingerprint() + ontology_fingerprint() + IMPORTER_VERSION
    return hashlib.sha256(parts.encode()).hexdigest()


def read_contents(
    release: Release,
) -> tuple[dict[str, Any], list[SkillNode], list[tuple[str, str, str, str]], list[str]]:
    """Rows per table, skill nodes, aliases and unresolved reviewed aliases, all in memory (about 1 s)."""
    tables, nodes, vocabulary = _read_tables(release)
    aliases, unresolved = _aliases(nodes, vocabulary)
    return tables, nodes, aliases, unresolved


def _number(value: str) -> Decimal | None:
    return Decimal(value) if value else None


def _read_tables(release: Release) -> tuple[dict[str, Any], list[SkillNode], frozenset[str]]:
    """Rows per O*NET table, the skill nodes, and the everyday words of O*NET's own prose."""
    occupations: dict[str, list[Any]] = {
        r["O*NET-SOC Code"]: [r["O*NET-SOC Code"], r["Title"], r["Description"], None]
        for r in release.rows("Occupation Data.txt", ("O*NET-SOC Code", "Title", "Description"))
    }
    for r in release.rows("Job Zones.txt", ("O*NET-SOC Code", "Job Zone")):
        if r["O*NET-SOC Code"] in occupations and r["Job Zone"].isdigit():
            occupations[r["O*NET-SOC Code"]][3] = int(r["Job Zone"])
    known = occupations.keys()
    tasks = _simple(
        release, "Task Statements.txt", ("Task ID", "O*NET-SOC Code", "Task", "Task Type"), known, code_at=1
    )
    vocabulary = english_vocabulary([*(t[2] or "" for t in tasks), *(o[2] for o in occupations.values())])
    elements = {
        r["Element ID"]: (r["Element ID"], r["Element Name"], r["Description"])
        for r in release.rows("Content Model Reference.txt", ("Element ID", "Element Name", "Description"))
    }
    ratings: dict[tuple[str, str], list[Any]] = {}
    nodes: dict[str, SkillNode] = {}
    for filename, domain in _RATING_FILES:
        if not release.has(filename):
            continue
        for r in release.rows(filename, _RATING_COLUMNS):
            code, element = r["O*NET-SOC Code"], r["Element ID"]
            if code not in known or element not in elements:
                release.skipped[filename] += 1
                continue
            row = ratings.setdefault((code, element), [code, element, domain, None, None, False])
            if r["Scale ID"] == "IM":
                row[3] = _number(r["Data Value"])
            elif r["Scale ID"] == "LV":
                row[4] = _number(r["Data Value"])
                row[5] = r["Not Relevant"] == "Y"
            if element not in nodes:
                nodes[element] = element_node(
                    element, elements[element][1], domain, _path(element, elements), vocabulary
                )
    tech_rows = [
        r
        for r in release.rows(
            "Technology Skills.txt",
            ("O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand"),
        )
        if r["O*NET-SOC Code"] in known and r["Example"]
    ]
    tech_nodes, tech_ids = technology_nodes(tech_rows, vocabulary)
    technologies = {
        (r["O*NET-SOC Code"], tech_ids[r["Example"]]): (
            r["O*NET-SOC Code"],
            tech_ids[r["Example"]],
            r["Example"],
            r["Commodity Code"] or None,
            r["Commodity Title"] or None,
            r["Hot Technology"] == "Y",
            r["In Demand"] == "Y",
        )
        for r in tech_rows
    }
    all_nodes = [*nodes.values(), *tech_nodes, *concept_nodes()]
    return (
        {
            "onet_occupations": list(occupations.values()),
            "onet_elements": list(elements.values()),
            "onet_ratings": list(ratings.values()),
            "onet_technologies": list(technologies.values()),
            "onet_tools": _simple(
                release,
                "Tools Used.txt",
                ("O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title"),
                known,
            ),
            "onet_titles": _titles(release, known),
            "onet_tasks": _simple(
                release,
                "Task Statements.txt",
                ("Task ID", "O*NET-SOC Code", "Task", "Task Type"),
                known,
                code_at=1,
            ),
            "onet_related": _simple(
                release,
                "Related Occupations.txt",
                ("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),
                known,
                also_code_at=1,
            ),
            "onet_education": _education(release, known),
        },
        all_nodes,
        vocabulary,
    )


def _path(element_id: str, elements: dict[str, tuple[str, str, str]]) -> str:
    parts = element_id.split(".")
    names = [
        elements[".".join(parts[:i])][1] for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in elements
    ]
    return " > ".join(names)


def _simple(
    release: Release,
    name: str,
    columns: tuple[str, ...],
    known: Any,
    *,
    code_at: int = 0,
    also_code_at: int | None = None,
) -> list[tuple[Any, ...]]:
    rows = []
    for r in release.rows(name, columns):
        values = tuple(r[c] or None for c in columns)
        if values[code_at] not in known or (also_code_at is not None and values[also_code_at] not in known):
            release.skipped[name] += 1
            continue
        rows.append(values)
    return rows


def _titles(release: Release, known: Any) -> list[tuple[str, str, str]]:
    titles: set[tuple[str, str, str]] = set()
    for r in release.rows("Alternate Titles.txt", ("O*NET-SOC Code", "Alternate Title", "Short Title")):
        if r["O*NET-SOC Code"] in known:
            titles.add((r["O*NET-SOC Code"], r["Alternate Title"], "alternate"))
            if r["Short Title"]:
                titles.add((r["O*NET-SOC Code"], r["Short Title"], "short"))
    for r in release.rows("Sample of Reported Titles.txt", ("O*NET-SOC Code", "Reported Job Title")):
        if r["O*NET-SOC Code"] in known:
            titles.add((r["O*NET-SOC Code"], r["Reported Job Title"], "reported"))
    return sorted(titles)


def _education(release: Release, known: Any) -> list[tuple[Any, ...]]:
    rows: dict[tuple[str, str, str, int], tuple[Any, ...]] = {}
    columns = ("O*NET-SOC Code", "Element ID", "Scale ID", "Category", "Data Value")
    for r in release.rows("Education, Training, and Experience.txt", columns):
        # Rows without a category rate the element itself (importance of a certification): 0.
        category = r["Category"] or "0"
        if r["O*NET-SOC Code"] not in known or not category.isdigit() or not r["Data Value"]:
            release.skipped["Education, Training, and Experience.txt"] += 1
            continue
        key = (r["O*NET-SOC Code"], r["Element ID"], r["Scale ID"], int(category))
        rows[key] = (*key, Decimal(r["Data Value"]))
    return list(rows.values())


def _aliases(
    nodes: list[SkillNode], vocabulary: frozenset[str]
) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    by_key = {alias_key(n.name): n.id for n in nodes}
    aliases: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for node in nodes:
        for key in generated_aliases(node, vocabulary):
            aliases.setdefault((key, node.id), (key, node.id, node.name, "generated"))
    reviewed, unresolved = reviewed_aliases(by_key)
    for key, alias, skill_id in reviewed:
        aliases[(key, skill_id)] = (key, skill_id, alias, "reviewed")
    return list(aliases.values()), unresolved


def _occupation_titles(tables: dict[str, Any]) -> list[tuple[str, str]]:
    titles = [(row[0], row[1]) for row in tables["onet_occupations"]]
    titles += [(code, title) for code, title, _kind in tables["onet_titles"]]
    return titles


_COLUMNS = {
    "onet_occupations": ("code", "title", "description", "job_zone"),
    "onet_elements": ("element_id", "name", "description"),
    "onet_ratings": ("code", "element_id", "domain", "importance", "level", "not_relevant"),
    "onet_technologies": (
        "code",
        "skill_id",
        "example",
        "commodity_code",
        "commodity_title",
        "hot",
        "in_demand",
    ),
    "onet_tools": ("code", "example", "commodity_code", "commodity_title"),
    "onet_titles": ("code", "title", "kind"),
    "onet_tasks": ("task_id", "code", "task", "task_type"),
    "onet_related": ("code", "related_code", "tier", "rank"),
    "onet_education": ("code", "element_id", "scale_id", "category", "value"),
}


def _write(
    session: Session, tables: dict[str, Any], nodes: list[SkillNode], aliases: list[tuple[str, str, str, str]]
) -> dict[str, int]:
    session.execute(text(f"TRUNCATE {', '.join(ONET_TABLES)}"))
    counts: dict[str, int] = {}
    skill_rows = (
        (
            n.id,
            n.name,
            n.kind,
            n.category,
            n.framework,
            n.external_id,
            n.taxonomy_path,
            n.hot,
            n.in_demand,
            json.dumps(n.meta),
        )
        for n in nodes
    )
    counts["skills"] = copy_rows(
        session,
        "skills",
        (
            "id",
            "name",
            "kind",
            "category",
            "framework",
            "external_id",
            "taxonomy_path",
            "hot",
            "in_demand",
            "meta",
        ),
        skill_rows,
    )
    counts["skill_aliases"] = copy_rows(
        session, "skill_aliases", ("alias_key", "skill_id", "alias", "source"), aliases
    )
    for table in (
        "onet_occupations",
        "onet_elements",
        "onet_ratings",
        "onet_technologies",
        "onet_tools",
        "onet_titles",
        "onet_tasks",
        "onet_related",
        "onet_education",
    ):
        counts[table] = copy_rows(session, table, _COLUMNS[table], tables[table])
    return counts
