"""Posting analysis on real postings: exact spans, required and preferred skills, facts, thin postings."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tools.gap.matching import AnalysisCache
from tools.jobs.analysis import TITLE_REASON, PostingAnalysis, analyse_posting, posting_hash
from tools.jobs.analysis_codec import StaleAnalysis, analysis_from_dict

from .onet_reference import extractor, postings, reference

SYSADMIN = "3884431632"  # "System Administrator with HCP & AWS": basic and preferred qualification lists


def _analyse(job_id: str) -> tuple[PostingAnalysis, str]:
    title, text = postings()[job_id]
    return analyse_posting(title, text, reference(), extractor()), text


def test_every_skill_quote_is_the_posting_text_at_its_offsets() -> None:
    checked = 0
    for title, text in list(postings().values())[:150]:
        analysis = analyse_posting(title, text, reference(), extractor())
        for skill in analysis.skills:
            source = title if skill.reason == TITLE_REASON else text
            assert source[skill.start : skill.end] == skill.quote
            assert 0.2 <= skill.weight <= 1.0 and 1.0 <= skill.level_needed <= 6.0
            checked += 1
    assert checked > 1000


def test_required_and_preferred_skills_follow_the_posting_cues() -> None:
    analysis, _text = _analyse(SYSADMIN)
    required = {s.name: s for s in analysis.required}
    preferred = {s.name: s for s in analysis.preferred}

    assert {"Python", "NoSQL", "Linux"} <= set(required)
    assert {"The MathWorks MATLAB", "ANSYS simulation software"} <= set(preferred)
    assert preferred["The MathWorks MATLAB"].reason.startswith("under")
    assert required["Amazon Web Services AWS software"].reason == TITLE_REASON
    assert analysis.years is not None and analysis.years.years == 5
    assert analysis.occupation is not None and analysis.occupation.code.startswith("15-")
    assert analysis.insufficient is None


def test_a_years_cue_next_to_a_skill_sets_the_level_it_needs() -> None:
    analysis, _text = _analyse(SYSADMIN)
    admin = next(s for s in analysis.required if s.name == "system administration")
    assert admin.level_needed == 3.5 and "5+ years" in admin.level_reason


def test_company_and_benefit_text_asks_for_nothing() -> None:
    text = (
        "About us: We are a leading provider of Salesforce consulting and Tableau dashboards.\n"
        "Requirements: 3+ years of Python and SQL. Strong Microsoft Excel skills.\n"
        "Nice to have: Docker.\n"
        "Benefits: free Spotify subscription, gym."
    )
    analysis = analyse_posting("Data Analyst", text, reference(), extractor())
    required = {s.name for s in analysis.required}
    assert {"Python", "Microsoft Excel"} <= required
    assert "Docker" in {s.name for s in analysis.preferred}
    assert not {"Salesforce software", "Tableau", "Spotify"} & (
        required | {s.name for s in analysis.preferred}
    )


def test_a_tiny_posting_is_insufficient_not_zero() -> None:
    analysis = analyse_posting("Cashier", "Cashier wanted. Apply today.", reference(), extractor())
    assert analysis.insufficient is not None and "words" in analysis.insufficient


def test_a_posting_in_another_language_is_insufficient_with_the_reason() -> None:
    text = (
        "Buscamos un desarrollador con experiencia en Python y SQL para nuestro equipo en Madrid. "
        "El candidato ideal tiene al menos tres años de experiencia, trabaja bien en equipo y "
        "tiene conocimientos de Docker y de la nube. Ofrecemos un salario competitivo, horario "
        "flexible y la posibilidad de trabajar desde casa dos días por semana. Es necesario un "
        "nivel alto de inglés y disponibilidad para viajar de vez en cuando por toda España."
    )
    analysis = analyse_posting("Desarrollador", text, reference(), extractor())
    # The message names the language when it can ("in Spanish"), else "a language other than English".
    assert analysis.insufficient is not None and "English" in analysis.insufficient
    assert analysis.warnings


def test_a_wall_of_keywords_is_flagged() -> None:
    text = ", ".join(
        ["Python", "Java", "SQL", "Excel", "Docker", "Kubernetes", "AWS", "Linux", "Git", "React"] * 6
    )
    analysis = analyse_posting("Developer", text, reference(), extractor())
    assert analysis.keyword_wall
    assert any("list of skill names" in w for w in analysis.warnings)


def test_screening_keywords_outside_the_catalogue_are_kept() -> None:
    text = (
        "Requirements: active CPA license and knowledge of GAAP and SOX controls. Experience closing "
        "the month in NetSuite. We prefer candidates who have worked with the FASB codification. "
        "Location: Austin, TX 78701."
    )
    analysis = analyse_posting("Staff Accountant", text, reference(), extractor())
    assert {"CPA", "FASB"} <= set(analysis.ats_keywords)
    assert "TX" not in analysis.ats_keywords


def test_analysis_is_deterministic_and_survives_its_json_form(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path, reference().catalog.fingerprint)
    for job_id in [SYSADMIN, *list(postings())[:40]]:
        first, _ = _analyse(job_id)
        second, _ = _analyse(job_id)
        assert json.dumps(first.as_dict()) == json.dumps(second.as_dict())
        assert analysis_from_dict(json.loads(json.dumps(first.as_dict()))) == first
        cache.put(first)
    cache.save()
    reopened = AnalysisCache(tmp_path, reference().catalog.fingerprint)
    title, text = postings()[SYSADMIN]
    assert reopened.get(posting_hash(title, text)) == _analyse(SYSADMIN)[0]


def test_an_analysis_from_another_engine_version_is_redone() -> None:
    analysis, _ = _analyse(SYSADMIN)
    stale = replace(analysis, version="posting-0").as_dict()
    with pytest.raises(StaleAnalysis, match="posting-0"):
        analysis_from_dict(stale)
