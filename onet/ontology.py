"""The skill ontology: O*NET elements, technology examples and curated concepts, and their aliases."""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")
CONCEPTS_FILE = DATA_DIR / "concepts.tsv"
ALIASES_FILE = DATA_DIR / "aliases.tsv"

_SEPARATORS = re.compile(r"[\s\-_/.,:;()\[\]{}'\"`|]+")
_VERSION_SUFFIX = re.compile(r"(?:\s+v?\d+(?:\.\d+)*[a-z]?)+$")
_TRAILING_ACRONYM = re.compile(r"^(?P<long>.+?)\s+(?P<short>[A-Z][A-Z0-9+#&]{1,9})(?:\s+software)?$")

# Commodity titles of technology examples -> our categories; anything else is a tool.
_CATEGORY_BY_COMMODITY = {
    "Object or component oriented development software": "language",
    "Development environment software": "language",
    "Web platform development software": "framework",
    "Data base management system software": "database",
    "Cloud-based management software": "cloud",
    "Cloud-based data access and sharing software": "cloud",
    "Cloud-based protection or security software": "cloud",
}
_CLOUD_NAMES = ("amazon web services", "microsoft azure", "google cloud", "oracle cloud", "ibm cloud")


def alias_key(text: str) -> str:
    """The form names and aliases are matched in: case, accents and punctuation folded.

    `+` and `#` are kept so C, C++ and C# stay apart.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _SEPARATORS.sub(" ", folded).strip()


def without_version(key: str) -> str:
    """A key without a trailing version ("python 3 11" -> "python")."""
    stripped = _VERSION_SUFFIX.sub("", key).strip()
    return stripped or key


def slug(text: str) -> str:
    """A stable, readable id part: lowercase words joined by dashes ("C++" -> "c-plus-plus")."""
    spelled = text.replace("++", " plus plus ").replace("#", " sharp ").replace("&", " and ")
    return "-".join(alias_key(spelled).split()) or "x"


@dataclass
class SkillNode:
    """One node of the ontology, as stored in the `skills` table."""

    id: str
    name: str
    kind: str
    category: str
    framework: str
    external_id: str | None
    taxonomy_path: str
    hot: bool = False
    in_demand: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


def element_node(
    element_id: str, name: str, domain: str, path: str, vocabulary: frozenset[str] = frozenset()
) -> SkillNode:
    """A node for an O*NET Skills, Knowledge or Abilities element."""
    kind = {"skills": "skill", "knowledge": "knowledge", "abilities": "ability"}[domain]
    # Technical skills (2.B.3: programming, repairing...) are concepts; the rest are soft skills.
    if kind == "knowledge":
        category = "domain"
    elif element_id.startswith("2.B.3"):
        category = "concept"
    else:
        category = "soft_skill"
    return SkillNode(
        id=f"onet:{element_id}",
        name=name,
        kind=kind,
        category=category,
        framework="onet",
        external_id=element_id,
        taxonomy_path=path,
        meta={"english_word": is_english_word(alias_key(name), vocabulary)},
    )


def technology_nodes(
    rows: Iterable[dict[str, str]], vocabulary: frozenset[str] = frozenset()
) -> tuple[list[SkillNode], dict[str, str]]:
    """One node per distinct technology example, and a map from example to node id.

    A node is hot or in demand when any occupation marks it so; `meta` keeps its commodities, how
    many occupations use it and whether its name is an everyday word ("Go", "Slack", "R").
    """
    nodes: dict[str, SkillNode] = {}
    used_ids: set[str] = set()
    for row in rows:
        example = row["Example"]
        node = nodes.get(example)
        if node is None:
            base = f"tech:{slug(example)}"
            node_id = base if base not in used_ids else f"{base}-{row['Commodity Code']}"
            used_ids.add(node_id)
            node = SkillNode(
                id=node_id,
                name=example,
                kind="technology",
                category=_technology_category(example, row["Commodity Title"]),
                framework="onet",
                external_id=row["Commodity Code"] or None,
                taxonomy_path=f"Technology Skills > {row['Commodity Title']}",
                meta={
                    "commodities": [],
                    "occupations": 0,
                    "english_word": is_english_word(alias_key(example), vocabulary),
                },
            )
            nodes[example] = node
        node.hot = node.hot or row["Hot Technology"] == "Y"
        node.in_demand = node.in_demand or row["In Demand"] == "Y"
        node.meta["occupations"] += 1
        if row["Commodity Title"] not in node.meta["commodities"]:
            node.meta["commodities"].append(row["Commodity Title"])
    return list(nodes.values()), {example: node.id for example, node in nodes.items()}


def _technology_category(example: str, commodity: str) -> str:
    if alias_key(example).startswith(_CLOUD_NAMES):
        return "cloud"
    return _CATEGORY_BY_COMMODITY.get(commodity, "tool")


def concept_nodes(path: Path = CONCEPTS_FILE) -> list[SkillNode]:
    """Our curated concept nodes for skills O*NET has no node for ("data pipelines", "agile")."""
    nodes = []
    for row in _tsv(path):
        related = row.get("related") or None
        nodes.append(
            SkillNode(
                id=f"concept:{slug(row['name'])}",
                name=row["name"],
                kind="concept",
                category=row["category"],
                framework="jobmate",
                external_id=related,
                taxonomy_path=f"Jobmate concepts > {row['category']}",
                meta={"related_element": related} if related else {},
            )
        )
    return nodes


def _initials(words: str) -> str:
    return "".join(w[0] for w in alias_key(words).split() if w not in {"and", "of", "for", "the"})


def english_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Words written in lower case in ordinary prose (O*NET's own task statements and descriptions)."""
    return frozenset(
        word for text in texts for word in re.findall(r"\b[a-z][a-z+#]*\b", text) if len(word) > 1
    )


def is_english_word(key: str, vocabulary: frozenset[str]) -> bool:
    """True for a one-word key that is also an everyday word, or a single letter ("r", "c")."""
    return " " not in key and (len(key) == 1 or key in vocabulary)


def generated_aliases(node: SkillNode, vocabulary: frozenset[str] = frozenset()) -> set[str]:
    """Alias keys derived from a node's name: itself, without "software", and acronym forms.

    "Structured query language SQL" gives "structured query language sql", "structured query
    language" and "sql"; "Ansible software" gives "ansible". A derived form that is an everyday
    word ("Accounting software" -> "accounting") is not an alias: it would match ordinary prose.
    """
    name = node.name.strip()
    own = alias_key(name)
    if node.kind != "technology":
        return {own} - {""}
    derived: set[str] = set()
    if name.lower().endswith(" software"):
        derived.add(alias_key(name[: -len(" software")]))
    match = _TRAILING_ACRONYM.match(name)
    # Only a true acronym of the words before it ("Amazon Web Services AWS"); "Nuance Power PDF"
    # would otherwise make every "PDF" that product.
    if match and _initials(match.group("long")) == match.group("short").lower():
        derived.add(alias_key(match.group("long")))
        if len(match.group("short")) >= 3:  # two letters ("EX", "IT") say too little on their own
            derived.add(alias_key(match.group("short")))
    kept = {k for k in derived if k and not is_english_word(k, vocabulary)}
    return ({own} | kept) - {""}


def reviewed_aliases(
    nodes_by_key: dict[str, str], path: Path = ALIASES_FILE
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(alias key, alias, skill id) of each reviewed alias that names a node, and the unresolved ones."""
    resolved: list[tuple[str, str, str]] = []
    unresolved: list[str] = []
    for row in _tsv(path):
        target = nodes_by_key.get(alias_key(row["target"]))
        if target is None:
            unresolved.append(f"{row['alias']} -> {row['target']}")
        else:
            resolved.append((alias_key(row["alias"]), row["alias"], target))
    return resolved, unresolved


def ontology_fingerprint() -> str:
    """A sha256 of the curated concept and alias files."""
    digest = hashlib.sha256()
    for path in (CONCEPTS_FILE, ALIASES_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [
            {k: (v or "").strip() for k, v in row.items() if k is not None}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
