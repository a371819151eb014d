"""The gap score: a pure, versioned function of normalized skills, with every point explained.

SCORE_VERSION "gap-1". For a person P and a posting analysis J, each skill s the posting asks for
has a weight w(s) in [0.2, 1] (its O*NET importance for the posting's occupation, see
`tools.jobs.analysis.skill_weight`) and a needed level n(s) on O*NET's 0-7 scale (from the
posting's words, else O*NET's level for the occupation, else 3.0 required / 2.5 preferred). If P
holds s at level l(s), its fit is f(s) = max(0.5, min(1, l(s) / n(s))): a held skill counts at
least half however far below the level it is.

Five dimensions, each a value in [0, 1] times its points:

- required (45): sum of w over held required skills / (sum of w over required skills + U).
  U = 1.5 stands for what a posting leaves unsaid, so naming two skills you hold cannot make
  a near-perfect match, and adding skills the posting asks for can only raise the score.
- level (15): sum of w * f over held required skills / (sum of w over required skills + U).
- preferred (10): sum of w * f over held preferred skills / sum of w over preferred skills.
- experience (15): min(1, years shown / years asked).
- role (15): the closeness of the occupations of P's roles to the posting's occupation, times
  how recent the role is (1, 0.8, 0.6 for the last three). Closeness is the larger of the SOC
  steps (1 same, 0.9 same detailed occupation, 0.8 same broad group, 0.7 related in O*NET, 0.5
  same minor group, 0.25 same major group) and the cosine of the two occupations' O*NET
  importance profiles, centred on the average occupation (negative counts as 0). A role title
  that names several occupations equally well ("Teacher") counts for each of them by SOC steps.

A dimension the posting gives nothing for (no preferred skills, no years, no occupation) is left
out and the others are scaled up to 100. Score = round(100 * sum(points * value) / sum(points)).
Only skills count, never how often a word appears, so repeating a keyword cannot raise it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from onet.occupations import OccupationTable
from tools.jobs.analysis import JobSkill, PostingAnalysis

SCORE_VERSION = "gap-1"
POINTS = {"required": 45.0, "level": 15.0, "preferred": 10.0, "experience": 15.0, "role": 15.0}
UNSTATED = 1.5
MIN_FIT = 0.5
ROLE_RECENCY = (1.0, 0.8, 0.6)


@dataclass(frozen=True)
class HeldSkill:
    """A skill of the person's profile, at its level, with the resume words that prove it."""

    skill_id: str
    name: str
    level: float
    years: float | None = None
    quote: str | None = None
    section: str | None = None
    context: str | None = None
    source: str = "resume"


@dataclass(frozen=True)
class RoleOccupation:
    """An O*NET occupation of one of the person's recent roles, weighted by how recent the role is."""

    code: str
    title: str
    recency: float
    main: bool = True  # False for the other occupations an ambiguous title ("Teacher") also names


@dataclass(frozen=True)
class Person:
    """What scoring knows of a person: skills by id, years of experience, and their roles' occupations."""

    skills: Mapping[str, HeldSkill]
    years: float | None = None
    occupations: tuple[RoleOccupation, ...] = ()  # most recent role first

    def with_skill(self, skill: HeldSkill) -> Person:
        """The same person holding one more skill (what learning it would change)."""
        return Person({**self.skills, skill.skill_id: skill}, self.years, self.occupations)


@dataclass(frozen=True)
class Dimension:
    """One part of the score: its value in [0, 1], its points, and a sentence saying why."""

    name: str
    value: float | None  # None when the posting gives nothing to judge it on
    points: float
    earned: float
    why: str


@dataclass(frozen=True)
class SkillOutcome:
    """How one skill of the posting stands for the person."""

    job: JobSkill
    held: HeldSkill | None
    fit: float

    @property
    def weak(self) -> bool:
        """Held, but below the level the posting needs."""
        return self.held is not None and self.held.level < self.job.level_needed


@dataclass(frozen=True)
class Score:
    """The score (None when the posting is insufficient), its band and the outcome of every skill."""

    value: int | None
    low: int
    high: int
    confidence: str
    dimensions: tuple[Dimension, ...]
    outcomes: tuple[SkillOutcome, ...] = field(default=())
    version: str = SCORE_VERSION
    insufficient: str | None = None
    # The number the formula gives even for an insufficient posting: for ordering, never shown alone.
    raw: int = 0


def fit_of(held: HeldSkill | None, job: JobSkill) -> float:
    """0 when not held; else the share of the needed level reached, at least 0.5."""
    if held is None:
        return 0.0
    return max(MIN_FIT, min(1.0, held.level / job.level_needed)) if job.level_needed > 0 else 1.0


def score(person: Person, analysis: PostingAnalysis, occupations: OccupationTable) -> Score:
    """Score the person against the posting; see the module docstring for the formula."""
    outcomes = tuple(
        SkillOutcome(job, person.skills.get(job.skill_id), fit_of(person.skills.get(job.skill_id), job))
        for job in analysis.skills
    )
    required = [o for o in outcomes if o.job.importance == "required"]
    preferred = [o for o in outcomes if o.job.importance == "preferred"]
    dims = (
        _required(required),
        _level(required),
        _preferred(preferred),
        _experience(person, analysis),
        _role(person, analysis, occupations),
    )
    counted = [d for d in dims if d.value is not None]
    total_points = sum(d.points for d in counted)
    raw = 100.0 * sum(d.earned for d in counted) / total_points if total_points else 0.0
    value = round(raw)
    half = _band_half_width(analysis)
    low, high = max(0, value - half), min(100, value + half)
    label = "high" if half <= 8 else "medium" if half <= 15 else "low"
    if analysis.insufficient:
        return Score(None, 0, 100, "none", dims, outcomes, insufficient=analysis.insufficient, raw=value)
    return Score(value, low, high, label, dims, outcomes, raw=value)


def _names(outcomes: list[SkillOutcome], limit: int = 4) -> str:
    names = [o.job.name for o in sorted(outcomes, key=lambda o: -o.job.weight)]
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _required(required: list[SkillOutcome]) -> Dimension:
    points = POINTS["required"]
    if not required:
        return Dimension("required", None, points, 0.0, "the posting names no required skills")
    total = sum(o.job.weight for o in required) + UNSTATED
    held = [o for o in required if o.held is not None]
    value = sum(o.job.weight for o in held) / total
    why = f"you have {len(held)} of {len(required)} required skills"
    missing = [o for o in required if o.held is None]
    if missing:
        why += f"; missing {_names(missing)}"
    return Dimension("required", round(value, 4), points, round(points * value, 2), why)


def _level(required: list[SkillOutcome]) -> Dimension:
    points = POINTS["level"]
    if not required:
        return Dimension("level", None, points, 0.0, "no required skills to compare levels on")
    total = sum(o.job.weight for o in required) + UNSTATED
    value = sum(o.job.weight * o.fit for o in required) / total
    weak = [o for o in required if o.weak]
    if weak:
        are = "s are" if len(weak) != 1 else " is"
        why = f"{len(weak)} held skill{are} below the level asked: {_names(weak)}"
    elif any(o.held is not None for o in required):
        why = "every required skill you hold is at the level asked"
    else:
        why = "you hold none of the required skills, so no level counts yet"
    return Dimension("level", round(value, 4), points, round(points * value, 2), why)


def _preferred(preferred: list[SkillOutcome]) -> Dimension:
    points = POINTS["preferred"]
    if not preferred:
        return Dimension("preferred", None, points, 0.0, "the posting names no preferred skills")
    value = sum(o.job.weight * o.fit for o in preferred) / sum(o.job.weight for o in preferred)
    held = [o for o in preferred if o.held is not None]
    why = f"you have {len(held)} of {len(preferred)} preferred skills"
    return Dimension("preferred", round(value, 4), points, round(points * value, 2), why)


def _experience(person: Person, analysis: PostingAnalysis) -> Dimension:
    points = POINTS["experience"]
    if analysis.years is None or analysis.years.years <= 0:
        return Dimension("experience", None, points, 0.0, "the posting asks for no number of years")
    asked = analysis.years.years
    if not person.years:
        return Dimension(
            "experience", 0.0, points, 0.0, f"{asked:g} years asked; your resume shows no dated roles"
        )
    value = min(1.0, person.years / asked)
    why = f"{asked:g} years asked, your roles span {person.years:g}"
    return Dimension("experience", round(value, 4), points, round(points * value, 2), why)


def _role(person: Person, analysis: PostingAnalysis, occupations: OccupationTable) -> Dimension:
    points = POINTS["role"]
    if analysis.occupation is None:
        return Dimension("role", None, points, 0.0, "no O*NET occupation found for the posting's title")
    target = analysis.occupation
    best, best_role = 0.0, ""
    for role in person.occupations:
        closeness = occupations.closeness(role.code, target.code)
        if role.main:
            # Profiles only for the main reading of a title: "Teacher" may also name Health
            # Specialties Teachers, whose profile resembles a physician's, not a teacher's.
            closeness = max(closeness, occupations.similarity(role.code, target.code))
        if closeness * role.recency > best:
            best, best_role = closeness * role.recency, role.title
    if not person.occupations:
        why = f"the posting is for {target.title}; no role on your resume matches an O*NET occupation"
    elif best == 0:
        why = f"the posting is for {target.title}; your recent roles are in other fields"
    else:
        how = "close to it" if best >= 0.7 else "related" if best >= 0.4 else "only distantly related"
        why = f"the posting is for {target.title}; your role as {best_role} is {how} ({best:.2g})"
    return Dimension("role", round(best, 4), points, round(points * best, 2), why)


def _band_half_width(analysis: PostingAnalysis) -> int:
    """How far the true fit may be from the score: wide when the posting names few skills."""
    weights = [s.weight for s in analysis.skills]
    if not weights:
        return 50
    effective = sum(weights) ** 2 / sum(w * w for w in weights)
    half = 30.0 / math.sqrt(effective)
    if analysis.occupation is None:
        half += 5
    if analysis.keyword_wall:
        half *= 2
    return round(min(40.0, max(4.0, half)))
