"""The gap report: matched, weak, missing and extra skills with evidence, as data, Markdown and chart data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onet.occupations import OccupationTable
from tools.gap.score import Person, Score, SkillOutcome, score
from tools.jobs.analysis import PostingAnalysis

# The person's own skills worth pointing out: relevant to the occupation, not asked by the posting.
MAX_EXTRA = 8
RELEVANT_IMPORTANCE = 3.0


@dataclass(frozen=True)
class GapReport:
    """A scored comparison of one person and one posting, ready to store, show or chart."""

    analysis: PostingAnalysis
    score: Score
    matched: list[dict[str, Any]]
    weak: list[dict[str, Any]]
    missing: list[dict[str, Any]]
    extra: list[dict[str, Any]]
    checks: list[dict[str, str]]

    def breakdown(self) -> dict[str, Any]:
        """The score's parts, band and version: what `skill_gap_reports.score_breakdown` stores."""
        return {
            "dimensions": [
                {"name": d.name, "value": d.value, "points": d.points, "earned": d.earned, "why": d.why}
                for d in self.score.dimensions
            ],
            "band": {"low": self.score.low, "high": self.score.high, "confidence": self.score.confidence},
            "insufficient": self.score.insufficient,
            "occupation": _occupation(self.analysis),
            "checks": self.checks,
            "warnings": list(self.analysis.warnings),
        }

    def as_dict(self) -> dict[str, Any]:
        """Everything, for `jobmate gap --json` and the agent."""
        return {
            "score": self.score.value,
            "score_version": self.score.version,
            "title": self.analysis.title,
            "jd_hash": self.analysis.jd_hash,
            **self.breakdown(),
            "matched": self.matched,
            "weak": self.weak,
            "missing": self.missing,
            "extra": self.extra,
            "ats_keywords": list(self.analysis.ats_keywords),
            "chart": chart_data(self),
        }


def build_report(person: Person, analysis: PostingAnalysis, occupations: OccupationTable) -> GapReport:
    """Score the person against the posting and lay out every skill with its evidence."""
    result = score(person, analysis, occupations)
    matched = [_matched(o) for o in result.outcomes if o.held is not None]
    weak = [
        _matched(o) | {"shortfall": round(o.job.level_needed - o.held.level, 2)}
        for o in result.outcomes
        if o.weak and o.held
    ]
    missing = [_missing(o) for o in result.outcomes if o.held is None]
    missing.sort(key=lambda m: (m["importance"] != "required", -m["weight"], m["name"]))
    return GapReport(
        analysis,
        result,
        matched,
        weak,
        missing,
        _extra(person, analysis, occupations),
        _checks(person, analysis),
    )


def _matched(outcome: SkillOutcome) -> dict[str, Any]:
    held, job = outcome.held, outcome.job
    assert held is not None
    return {
        "skill_id": job.skill_id,
        "name": job.name,
        "importance": job.importance,
        "your_level": held.level,
        "needed_level": job.level_needed,
        "needed_because": job.level_reason,
        "fit": round(outcome.fit, 3),
        "weight": job.weight,
        "evidence": held.quote,
        "evidence_context": held.context,
        "evidence_section": held.section,
        "source": held.source,
        "posting_quote": job.quote,
    }


def _missing(outcome: SkillOutcome) -> dict[str, Any]:
    job = outcome.job
    return {
        "skill_id": job.skill_id,
        "name": job.name,
        "importance": job.importance,
        "reason": f"{job.importance}: {job.reason}; your resume does not show it",
        "needed_level": job.level_needed,
        "weight": job.weight,
        "weight_reason": job.weight_reason,
        "posting_quote": job.quote,
    }


def _extra(person: Person, analysis: PostingAnalysis, occupations: OccupationTable) -> list[dict[str, Any]]:
    asked = {s.skill_id for s in analysis.skills}
    occupation = occupations.get(analysis.occupation.code) if analysis.occupation else None
    if occupation is None:
        return []
    relevant = [
        held
        for held in person.skills.values()
        if held.skill_id not in asked
        and (
            held.skill_id in occupation.technologies
            or occupation.importance.get(held.skill_id, 0.0) >= RELEVANT_IMPORTANCE
        )
    ]
    relevant.sort(key=lambda h: (-h.level, h.name))
    return [
        {"skill_id": h.skill_id, "name": h.name, "your_level": h.level, "evidence": h.quote}
        for h in relevant[:MAX_EXTRA]
    ]


def _checks(person: Person, analysis: PostingAnalysis) -> list[dict[str, str]]:
    """Requirements that are not skills: years, education, work authorization, place, pay."""
    checks = []
    if analysis.years is not None:
        shown = f"{person.years:g} years shown" if person.years else "no dated roles shown"
        checks.append({"check": "experience", "asked": analysis.years.quote.text, "you": shown})
    if analysis.education is not None:
        checks.append({"check": "education", "asked": analysis.education.quote.text, "you": ""})
    work = analysis.work
    for name, value in (
        ("visa sponsorship", work.visa_sponsorship),
        ("citizenship required", work.citizenship_required),
        ("permanent residency required", work.permanent_residency_required),
        ("remote", work.remote),
    ):
        if value != "unknown":
            checks.append({"check": name, "asked": value, "you": ""})
    if analysis.salary is not None:
        pay = analysis.salary
        checks.append(
            {
                "check": "salary",
                "asked": f"{pay.minimum:,.0f}-{pay.maximum:,.0f} {pay.currency} per {pay.period}",
                "you": "",
            }
        )
    return checks


def _occupation(analysis: PostingAnalysis) -> dict[str, Any] | None:
    found = analysis.occupation
    if found is None:
        return None
    return {"code": found.code, "title": found.title, "matched_title": found.matched, "score": found.score}


def chart_data(report: GapReport) -> dict[str, Any]:
    """Chart-ready series: points per dimension, and the person's level against the level asked."""
    dims = [d for d in report.score.dimensions if d.value is not None]
    skills = [*report.matched, *report.missing]
    return {
        "dimensions": {
            "labels": [d.name for d in dims],
            "earned": [d.earned for d in dims],
            "possible": [d.points for d in dims],
        },
        "levels": {
            "labels": [s["name"] for s in skills],
            "yours": [s.get("your_level", 0.0) for s in skills],
            "needed": [s["needed_level"] for s in skills],
            "importance": [s["importance"] for s in skills],
        },
    }


def to_markdown(report: GapReport) -> str:
    """The report as Markdown for the chat and the terminal."""
    analysis, result = report.analysis, report.score
    lines = [f"## Gap report: {analysis.title or 'pasted posting'}", ""]
    if result.value is None:
        lines.append(f"**No score:** {result.insufficient}.")
    else:
        lines.append(
            f"**Score {result.value}/100** (likely {result.low}-{result.high}, "
            f"{result.confidence} confidence, {result.version})"
        )
    if analysis.occupation is not None:
        lines.append(f"O*NET occupation: {analysis.occupation.title} ({analysis.occupation.code})")
    lines += ["", "| dimension | points | why |", "|---|---|---|"]
    for d in result.dimensions:
        shown = "n/a" if d.value is None else f"{d.earned:.1f} / {d.points:g}"
        lines.append(f"| {d.name} | {shown} | {d.why} |")
    if report.matched:
        lines += [
            "",
            "### You have",
            "| skill | asked | your level | needed | evidence |",
            "|---|---|---|---|---|",
        ]
        for m in report.matched:
            # A skill added by hand without a quote says where it came from, not a made-up quote.
            shown = f'"{m["evidence"]}"' if m["evidence"] else f"({m['source']}, no quote)"
            levels = f"{m['your_level']:g} | {m['needed_level']:g}"
            lines.append(f"| {m['name']} | {m['importance']} | {levels} | {shown.replace('|', '/')} |")
    if report.weak:
        lines += ["", "### Below the level asked"]
        lines += [
            f"- {w['name']}: {w['your_level']:g} of {w['needed_level']:g} ({w['needed_because']})"
            for w in report.weak
        ]
    if report.missing:
        lines += ["", "### Missing"]
        lines += [f"- **{m['name']}** ({m['reason']})" for m in report.missing]
    if report.extra:
        lines += ["", "### Also relevant from your resume"]
        lines += [f"- {e['name']} (level {e['your_level']:g})" for e in report.extra]
    if report.checks:
        lines += ["", "### Other requirements"]
        lines += [
            f"- {c['check']}: {c['asked']}" + (f" ({c['you']})" if c["you"] else "") for c in report.checks
        ]
    for warning in analysis.warnings:
        lines += ["", f"> {warning}"]
    return "\n".join(lines) + "\n"
