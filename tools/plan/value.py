"""Learning value: how much gaining one skill would lift a person's scores over their saved jobs."""

from __future__ import annotations

from dataclasses import dataclass

from onet.occupations import OccupationTable
from tools.gap.score import HeldSkill, Person, score
from tools.jobs.analysis import JobSkill, PostingAnalysis

DEFAULT_THRESHOLD = 60


@dataclass(frozen=True)
class LearningValue:
    """What learning one skill to the level asked would change across the jobs considered."""

    skill_id: str
    name: str
    level: float
    lift: float  # mean score change over the jobs, in points
    newly_passing: int  # jobs that would reach the threshold and do not now
    jobs: int
    threshold: int

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "skill_id": self.skill_id,
            "name": self.name,
            "level": self.level,
            "lift": self.lift,
            "newly_passing": self.newly_passing,
            "jobs": self.jobs,
            "threshold": self.threshold,
        }


def learning_values(
    person: Person,
    skills: list[JobSkill],
    analyses: list[PostingAnalysis],
    occupations: OccupationTable,
    *,
    threshold: int = DEFAULT_THRESHOLD,
) -> list[LearningValue]:
    """Each skill re-scored across the jobs as if learned to the level asked; biggest pay-off first.

    Postings too thin to score are left out. Ties go to the skill more jobs would newly pass with,
    then to the name, so the order never depends on input order.
    """
    scorable = [a for a in analyses if a.insufficient is None]
    before = [_value(person, a, occupations) for a in scorable]
    values = []
    for skill in {s.skill_id: s for s in skills}.values():
        held = person.skills.get(skill.skill_id)
        level = max(skill.level_needed, held.level if held else 0.0)
        learned = person.with_skill(
            HeldSkill(skill.skill_id, skill.name, level, quote=None, source="planned")
        )
        after = [_value(learned, a, occupations) for a in scorable]
        lift = sum(b - a for a, b in zip(before, after, strict=True)) / len(scorable) if scorable else 0.0
        passing = sum(1 for a, b in zip(before, after, strict=True) if a < threshold <= b)
        values.append(
            LearningValue(
                skill.skill_id, skill.name, level, round(lift, 2), passing, len(scorable), threshold
            )
        )
    return sorted(values, key=lambda v: (-v.lift, -v.newly_passing, v.name))


def _value(person: Person, analysis: PostingAnalysis, occupations: OccupationTable) -> int:
    result = score(person, analysis, occupations)
    return result.value if result.value is not None else 0
