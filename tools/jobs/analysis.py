"""What a job posting asks for: required and preferred O*NET skills with spans, levels, weights; facts."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from onet.extract import Extractor, Span
from onet.occupations import Occupation, TitleMatch
from onet.reference import Reference
from tools.jobs import posting_blocks
from tools.jobs.education_needed import EducationNeeded, education_needed
from tools.jobs.keywords import ats_keywords
from tools.jobs.level_cues import needed_level
from tools.jobs.salary import Salary, salary_range
from tools.jobs.work_terms import WorkTerms, work_terms
from tools.jobs.years_needed import YearsNeeded, years_of_experience
from tools.resume.reading import count_words, foreign_language

# Bump when the same posting would be analysed differently.
ANALYSIS_VERSION = "posting-1"
# Below these a posting says too little to score: a number would only look precise.
MIN_WORDS, MIN_SKILLS = 40, 3
# A skill the posting needs at no stated level: working knowledge when required, some use when preferred.
DEFAULT_REQUIRED_LEVEL, DEFAULT_PREFERRED_LEVEL = 3.0, 2.5
# When more than this share of the words are skill names, the posting is a keyword list, not a job.
KEYWORD_WALL_SHARE = 0.5
TITLE_REASON = "in the job title"


@dataclass(frozen=True)
class JobSkill:
    """One skill the posting asks for, where it says so, the level it needs and how much it weighs."""

    skill_id: str
    name: str
    kind: str
    importance: str  # "required" | "preferred"
    reason: str
    quote: str
    start: int
    end: int
    mentions: int
    level_needed: float
    level_reason: str
    weight: float  # 0.2-1.0: importance of the skill for the posting's occupation
    weight_reason: str


@dataclass(frozen=True)
class PostingAnalysis:
    """Everything Jobmate reads from one posting; a pure function of its title, text and O*NET."""

    title: str
    jd_hash: str
    required: tuple[JobSkill, ...]
    preferred: tuple[JobSkill, ...]
    years: YearsNeeded | None
    education: EducationNeeded | None
    ats_keywords: tuple[str, ...]
    occupation: TitleMatch | None
    work: WorkTerms
    salary: Salary | None
    word_count: int
    warnings: tuple[str, ...] = ()
    insufficient: str | None = None  # why no score should be given, when the posting says too little
    keyword_wall: bool = False
    version: str = field(default=ANALYSIS_VERSION)

    @property
    def skills(self) -> tuple[JobSkill, ...]:
        """Required skills, then preferred."""
        return self.required + self.preferred

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored in `jd_analyses.details` and the analysis cache)."""
        return asdict(self)


def posting_hash(title: str, text: str) -> str:
    """Identity of a posting's content: the same title and text always analyse the same."""
    digest = hashlib.sha256(f"{title.strip()}\n\n{text.strip()}".encode()).hexdigest()
    return f"sha256:{digest}"


def analyse_posting(
    title: str,
    text: str,
    reference: Reference,
    extractor: Extractor,
    *,
    company: str | None = None,
    remote_hint: bool | None = None,
) -> PostingAnalysis:
    """Read a posting: classify every skill mention, weigh it for the occupation, and read the facts."""
    # Offsets refer to the text as given, so every quote can be found where the person pasted it.
    title = title.strip()
    spans = extractor.extract(text)
    blocks = posting_blocks.find_blocks(text)
    wanted = _wanted_skills(text, spans, blocks)
    title_spans = extractor.extract(title) if title else []
    occupation = reference.occupations.best_for(title, [s.skill_id for s in spans])
    details = reference.occupations.get(occupation.code) if occupation else None
    skills: dict[str, JobSkill] = {}
    for span in title_spans:
        skills[span.skill_id] = job_skill(span, "required", TITLE_REASON, title, [span], details)
    for skill_id, (importance, reason, found) in wanted.items():
        if skill_id not in skills:
            skills[skill_id] = job_skill(found[0], importance, reason, text, found, details)
    words = count_words(text)
    warnings: list[str] = []
    insufficient = _insufficient(text, words, len(skills), warnings)
    covered = sum(len(s.text.split()) for s in spans)
    wall = words >= 10 and covered / max(words, 1) > KEYWORD_WALL_SHARE
    if wall:
        warnings.append(
            f"This posting is mostly a list of skill names ({covered} of its {words} words): it does not "
            "say what the job is, so the score has a wide confidence band."
        )
    # Skills the title names come first; then the others in the order the posting names them.
    ordered = sorted(skills.values(), key=lambda s: (s.reason != TITLE_REASON, s.start, s.skill_id))
    return PostingAnalysis(
        title=title,
        jd_hash=posting_hash(title, text),
        required=tuple(s for s in ordered if s.importance == "required"),
        preferred=tuple(s for s in ordered if s.importance == "preferred"),
        years=years_of_experience(text),
        education=education_needed(text),
        ats_keywords=tuple(ats_keywords(text, [(s.start, s.end) for s in spans], company=company)),
        occupation=occupation,
        work=work_terms(text, remote_hint=remote_hint),
        salary=salary_range(text),
        word_count=words,
        warnings=tuple(warnings),
        insufficient=insufficient,
        keyword_wall=wall,
    )


def _wanted_skills(
    text: str, spans: list[Span], blocks: list[posting_blocks.Block]
) -> dict[str, tuple[str, str, list[Span]]]:
    """Per skill: required beats preferred across its mentions; mentions the posting does not ask for go."""
    wanted: dict[str, tuple[str, str, list[Span]]] = {}
    for span in spans:
        cue = posting_blocks.classify(text, blocks, span.start, span.end)
        if cue.importance == "ignored":
            continue
        known = wanted.get(span.skill_id)
        if known is None:
            wanted[span.skill_id] = (cue.importance, cue.reason, [span])
        elif known[0] == "preferred" and cue.importance == "required":
            wanted[span.skill_id] = (cue.importance, cue.reason, [span, *known[2]])
        else:
            known[2].append(span)
    return wanted


def job_skill(  # noqa: PLR0917  (each argument is named by its role)
    span: Span,
    importance: str,
    reason: str,
    text: str,
    mentions: list[Span],
    occupation: Occupation | None,
) -> JobSkill:
    """One asked-for skill: the level it needs (posting words, else O*NET, else a default), its weight."""
    cue = needed_level(text, span.start, span.end)
    if cue is not None:
        level, level_reason = cue
    elif occupation is not None and span.skill_id in occupation.level:
        level = round(min(6.0, max(1.0, occupation.level[span.skill_id])), 2)
        level_reason = f"O*NET level for {occupation.title}"
    else:
        level = DEFAULT_REQUIRED_LEVEL if importance == "required" else DEFAULT_PREFERRED_LEVEL
        level_reason = "working knowledge (no level stated)" if importance == "required" else "some use"
    weight, weight_reason = skill_weight(span.skill_id, span.kind, occupation)
    return JobSkill(
        skill_id=span.skill_id,
        name=span.name,
        kind=span.kind,
        importance=importance,
        reason=reason,
        quote=span.text,
        start=span.start,
        end=span.end,
        mentions=len(mentions),
        level_needed=level,
        level_reason=level_reason,
        weight=weight,
        weight_reason=weight_reason,
    )


def skill_weight(skill_id: str, kind: str, occupation: Occupation | None) -> tuple[float, str]:
    """How much a skill weighs for the occupation (0.2-1.0), from O*NET's importance ratings.

    O*NET rates Skills and Knowledge from 1 to 5 per occupation: weight = 0.2 + 0.8 (I - 1) / 4.
    Technologies: 1.0 when O*NET lists them as hot or in demand for the occupation, 0.85 when listed,
    0.6 otherwise. With no occupation, or no rating, 0.6.
    """
    if occupation is None:
        return 0.6, "no O*NET occupation for this posting"
    if skill_id in occupation.importance:
        rating = occupation.importance[skill_id]
        weight = round(0.2 + 0.8 * (max(1.0, min(5.0, rating)) - 1.0) / 4.0, 3)
        # O*NET rates no skills for some occupations; a related one's ratings stand in, and we say so.
        rated = f" (as rated for {occupation.ratings_from})" if occupation.ratings_from else ""
        return weight, f"O*NET importance {rating:g}/5 for {occupation.title}{rated}"
    if kind == "technology" and skill_id in occupation.technologies:
        if occupation.technologies[skill_id]:
            return 1.0, f"a hot or in-demand technology for {occupation.title}"
        return 0.85, f"a technology O*NET lists for {occupation.title}"
    return 0.6, f"not rated by O*NET for {occupation.title}"


def _insufficient(text: str, words: int, skills: int, warnings: list[str]) -> str | None:
    language = foreign_language(text)
    if language is not None:
        written = "in a language other than English" if language == "?" else f"in {language}"
        warnings.append(f"This posting seems to be written {written}; Jobmate reads English postings.")
        return f"the posting seems to be written {written}, and Jobmate reads English skill names"
    if words < MIN_WORDS:
        return f"the posting has only {words} words; paste the whole posting (at least {MIN_WORDS} words)"
    if skills < MIN_SKILLS:
        return (
            f"the posting names only {skills} skill{'s' if skills != 1 else ''} Jobmate can recognise; "
            "a score would only look precise"
        )
    return None
