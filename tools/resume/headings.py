"""Which lines are section headings, and which kind of section each heads."""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of a string, as a set (for long word lists kept readable)."""
    return frozenset(words.split())


# Whole headings, normalized (lower case, "&" as "and"). Checked first, so they settle the
# phrases that the word rule below would get wrong ("summary of skills" is a skills list).
_PHRASES = {
    "summary of skills": "skills",
    "skills summary": "skills",
    "summary of qualifications": "summary",
    "qualifications summary": "summary",
    "professional background": "experience",
    "project experience": "projects",
    "projects done": "projects",
    "education and training": "education",
    "training and education": "education",
    "training and certifications": "certifications",
    "training and certification": "certifications",
    "courses and training": "education",
    "trainings": "education",
    "in-house trainings": "education",
    "professional development": "education",
    "relevant coursework": "education",
    "coursework": "education",
    "about me": "summary",
    "what i offer": "summary",
    "community service": "others",
    "personal details": "others",
    "area of interest": "others",
    "areas of interest": "others",
    "skill set": "skills",
    "areas of expertise": "skills",
    "area of expertise": "skills",
    "current employment": "experience",
    "relevant employment": "experience",
    "employment history": "experience",
    "internships": "experience",
    "internship": "experience",
    "work history": "experience",
    "career history": "experience",
    "professional history": "experience",
    "career focus": "summary",
    "personal statement": "summary",
    "additional information": "others",
    "personal information": "others",
    "contact information": "others",
    "other information": "others",
    "educational qualification": "education",
    "educational qualifications": "education",
    "academic qualifications": "education",
    "academic qualification": "education",
}

# Words that make a line a heading, with the kind they stand for.
_KEYWORDS = {
    "summary": "summary",
    "profile": "summary",
    "objective": "summary",
    "objectives": "summary",
    "overview": "summary",
    "introduction": "summary",
    "experience": "experience",
    "experiences": "experience",
    "employment": "experience",
    "education": "education",
    "educational": "education",
    "academic": "education",
    "academics": "education",
    "skills": "skills",
    "skill": "skills",
    "highlights": "skills",
    "qualifications": "skills",
    "competencies": "skills",
    "strengths": "skills",
    "expertise": "skills",
    "proficiency": "skills",
    "proficiencies": "skills",
    "languages": "skills",
    "projects": "projects",
    "portfolio": "projects",
    "certifications": "certifications",
    "certification": "certifications",
    "certificates": "certifications",
    "certificate": "certifications",
    "licenses": "certifications",
    "licences": "certifications",
    "license": "certifications",
    "credentials": "certifications",
    "accomplishments": "others",
    "achievements": "others",
    "achivements": "others",
    "awards": "others",
    "honors": "others",
    "honours": "others",
    "interests": "others",
    "hobbies": "others",
    "activities": "others",
    "affiliations": "others",
    "memberships": "others",
    "publications": "others",
    "references": "others",
    "referees": "others",
    "volunteering": "others",
    "extracurriculars": "others",
    "societies": "others",
    "workshops": "others",
    "declaration": "others",
    "links": "others",
    "patents": "others",
}
# Words that may stand beside a keyword in a heading but never make one alone.
_MODIFIERS = word_set(
    """
    professional work career relevant related technical core key additional personal executive selected
    select other military volunteer teaching research leadership industry computer it and of in the my
    to with or a an extra curricular extracurricular attended done set summary notable major significant
    academic areas area details background qualification special software soft hard programming language
    tools technology technologies recent previous prior languages honors awards community student
    university
    """
)
# The kind chosen when a heading names several ("Education and Training", "Honors & Certifications").
_PRIORITY = ("experience", "education", "projects", "certifications", "skills", "summary", "others")

# Characters that PDF and DOCX extraction leave around headings: mojibake of non-breaking spaces
# and full-width punctuation, zero-width spaces, bullets.
_NOISE = re.compile(r"[\u00a0\u00c2\u200b\u200c\u200d\ufeff\u2022\u25cf\u25aa\uf0b7\u00b7*|\t]+")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_SPACES = re.compile(r"\s+")
_SENTENCE_MARK = re.compile(r"[.,;!?()\d]")
_INLINE_HEADING = re.compile(r"^\s*([A-Z][A-Z &/-]{2,40}?)\s*:\s*\S")

MAX_HEADING_WORDS = 6
MAX_HEADING_CHARS = 60


def _normalize(line: str) -> str:
    cleaned = _NOISE.sub(" ", line).strip().rstrip(":").strip()
    return _SPACES.sub(" ", cleaned.lower().replace("&", " and ")).strip()


# Chinese resumes: the usual headings, as whole lines.
_CJK_HEADINGS = {
    "个人简介": "summary",
    "自我评价": "summary",
    "求职意向": "summary",
    "工作经历": "experience",
    "工作经验": "experience",
    "实习经历": "experience",
    "项目经验": "projects",
    "项目经历": "projects",
    "教育背景": "education",
    "教育经历": "education",
    "专业技能": "skills",
    "技能": "skills",
    "专业技能和语言能力": "skills",
    "证书": "certifications",
    "获奖情况": "others",
}


def heading_kind(line: str) -> str | None:
    """The kind of section that a line heads, or None if the line is not a heading."""
    if len(line) > 2 * MAX_HEADING_CHARS or line.rstrip().endswith("."):
        return None  # a paragraph or a sentence: not worth cleaning
    stripped = _NOISE.sub(" ", line).strip()
    if stripped.rstrip(":\uff1a") in _CJK_HEADINGS:
        return _CJK_HEADINGS[stripped.rstrip(":\uff1a")]
    # Headings are short and start with a capital; only a trailing colon may follow the heading
    # words: other punctuation or a digit makes the line a sentence or a list item.
    shaped = 0 < len(stripped) <= MAX_HEADING_CHARS and stripped[0].isalpha() and stripped[0].isupper()
    if not shaped or _SENTENCE_MARK.search(stripped.rstrip(":")):
        return None
    normalized = _normalize(stripped)
    if normalized in _PHRASES:
        return _PHRASES[normalized]
    return _kind_of_words(stripped, _WORD.findall(normalized.replace("/", " ")))


def _kind_of_words(stripped: str, words: list[str]) -> str | None:
    """A heading's kind from its words: keywords and modifiers only, the most specific keyword winning."""
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    capitalised = stripped.istitle() or stripped.isupper()
    # "Visual Merchandise Experience": any few capitalised words ending in "Experience" head roles.
    if words[-1] == "experience" and len(words) <= 4 and capitalised:
        return "experience"
    kinds = [_KEYWORDS[w] for w in words if w in _KEYWORDS]
    if not kinds or any(w not in _KEYWORDS and w not in _MODIFIERS for w in words):
        return None
    # Several words must read like a heading ("Professional Summary", "Education and Training"),
    # not like a skill item in sentence case ("Computer proficiency").
    if len(words) > 1 and not (capitalised or _title_like(stripped)):
        return None
    return min(kinds, key=_PRIORITY.index)


def _title_like(line: str) -> bool:
    # "Education and Training": every word capitalised except short connectors.
    return all(
        w[0].isupper() or w.lower() in {"and", "of", "in", "the", "to", "&", "with"} for w in line.split()
    )


def inline_heading_kind(line: str) -> str | None:
    """The kind of section that a "LABEL: content" line opens, or None."""
    # "SKILLS: Python, SQL" opens a section only when the label is in capitals: a mixed-case
    # "Skills: ..." line is often a detail inside a role ("Skills used: ...").
    if ":" not in line[:45]:
        return None
    match = _INLINE_HEADING.match(line)
    if not match:
        return None
    label = match.group(1)
    return heading_kind(label) if label.isupper() else None
