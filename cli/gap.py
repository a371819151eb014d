"""`jobmate gap` and `jobmate match`: what stands between a resume and a job, and many jobs ranked."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from sqlalchemy.orm import Session

from agent.settings import Settings, SettingsError
from cli.knowledge import knowledge_base
from cli.resume import read_file, user_id
from onet.extract import Extractor
from onet.reference import Reference, load_reference, reference_from_release
from persistence.db import ensure_data_dir
from persistence.errors import DataDirError
from tools.gap.matching import AnalysisCache, PostingInput, analyse_all, rank
from tools.gap.person import person_from_resume
from tools.gap.report import GapReport, build_report, to_markdown
from tools.gap.score import Person
from tools.gap.service import GapError, StoredReport, analyse_job, create_report
from tools.jobs.analysis import analyse_posting
from tools.jobs.model_refine import refine_analysis
from tools.plan.catalogue import load_catalogue, resources_for
from tools.plan.value import learning_values
from tools.plan.web_resources import WebSearch
from tools.resume.parse import ParsedResume, parse_resume
from tools.resume.reading import read_resume

# A first line this short is the posting's title ("Data Engineer"), not its first sentence.
TITLE_WORDS = 12


def _parse_resume_file(settings: Settings, path: Path, extractor: Extractor) -> ParsedResume:
    max_bytes = settings.upload_max_mb * 1024 * 1024
    read = read_resume(read_file(path, max_bytes), filename=path.name, max_bytes=max_bytes)
    parsed = parse_resume(read, extractor, today=dt.date.today())
    if not parsed.skills:
        # Scoring a profile with nothing in it would only rank postings by noise.
        raise GapError(
            f"{path.name} shows no skill Jobmate recognises: list your skills and tools in the resume",
            reason="empty_profile",
        )
    return parsed


def read_job_file(path: Path) -> tuple[str, str]:
    """Title and text of a posting file: JSON with title and description, or plain text."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(
            f"cannot read the posting {path}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
            return str(data.get("title") or ""), str(data["description"])
        except (ValueError, KeyError, AttributeError):
            raise SettingsError(f'{path} must be a JSON object with "title" and "description"') from None
    lines = [line.strip() for line in raw.strip().splitlines() if line.strip()]
    title = lines[0] if lines and len(lines[0].split()) <= TITLE_WORDS and len(lines) > 1 else ""
    return title, raw


def _gap(settings: Settings, args: argparse.Namespace) -> int:
    if args.job_file is not None:
        title, text = read_job_file(args.job_file)
        if not text.strip():
            raise GapError(
                f"{args.job_file} is empty: paste the job description into it", reason="empty_posting"
            )
    model = None if args.no_model else _model(settings)
    if args.user is None and args.job_id is None:
        # Nothing to look up or store: the release alone is enough, no database needed.
        reference = reference_from_release(settings.onet_source_path)
        extractor = Extractor(reference.catalog)
        parsed = _parse_resume_file(settings, args.resume, extractor)
        person = person_from_resume(parsed, reference.occupations)
        analysis = analyse_posting(title, text, reference, extractor)
        analysis, _status = refine_analysis(analysis, text, reference, model)
        report = build_report(person, analysis, reference.occupations)
        _print_report(report, _plan(report, person, reference), None, args.json)
        return 0
    database, kb = knowledge_base(settings)
    try:
        extractor = Extractor(kb.catalog)
        with database.session() as session:
            reference = load_reference(session, kb.catalog)
            if args.user is None:
                analysis, _job = analyse_job(session, reference, extractor, job_id=args.job_id, model=model)
                parsed = _parse_resume_file(settings, args.resume, extractor)
                person = person_from_resume(parsed, reference.occupations)
                report = build_report(person, analysis, reference.occupations)
                _print_report(report, _plan(report, person, reference), None, args.json)
                return 0
            stored = _stored_report(
                settings,
                model=model,
                args=args,
                session=session,
                reference=reference,
                extractor=extractor,
                release=kb.catalog.release,
            )
            _print_report(stored.report, stored.learning, (stored.report_id, stored.revision), args.json)
    finally:
        database.close()
    return 0


def _stored_report(
    settings: Settings,
    *,
    args: argparse.Namespace,
    session: Session,
    reference: Reference,
    extractor: Extractor,
    release: str,
    model: BaseChatModel | None,
) -> StoredReport:
    from tools.resume.ingest import ingest_resume  # noqa: PLC0415  (pulls in the model client)

    owner = user_id(session, args.user)
    max_bytes = settings.upload_max_mb * 1024 * 1024
    ingest_resume(
        session,
        owner_id=owner,
        data=read_file(args.resume, max_bytes),
        filename=args.resume.name,
        extractor=extractor,
        onet_release=release,
        max_bytes=max_bytes,
        today=dt.date.today(),
    )
    title, text = read_job_file(args.job_file) if args.job_file is not None else ("", "")
    return create_report(
        session,
        owner_id=owner,
        reference=reference,
        extractor=extractor,
        job_id=args.job_id,
        title=title,
        text=text,
        model=model,
        web=WebSearch(settings.tavily_api_key.get_secret_value()) if settings.tavily_api_key else None,
    )


def _model(settings: Settings) -> BaseChatModel | None:
    # Imported here: the model client costs about a second to import, and only a configured model needs it.
    from agent.llm import remote_chat_model  # noqa: PLC0415

    return remote_chat_model(settings, streaming=False)


def _plan(report: GapReport, person: Person, reference: Reference) -> list[dict[str, Any]]:
    """Learning value over this one job, with the catalogue's resources, for reports not stored."""
    to_learn = [o.job for o in report.score.outcomes if o.held is None or o.weak]
    catalogue = load_catalogue()
    plan = []
    for value in learning_values(person, to_learn, [report.analysis], reference.occupations):
        resources = [
            {"title": r.title, "url": r.url, "hours": r.hours, "difficulty": r.difficulty}
            for r in resources_for(value.skill_id, catalogue, limit=2)
        ]
        plan.append(value.as_dict() | {"resources": resources})
    return plan


def _print_report(
    report: GapReport, learning: list[dict[str, Any]], stored: tuple[int, int] | None, as_json: bool
) -> None:
    if as_json:
        payload = report.as_dict() | {"learning": learning}
        if stored is not None:
            payload |= {"report_id": stored[0], "revision": stored[1]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    print(to_markdown(report), end="")
    if learning:
        print("\n### What to learn first (score lift over your jobs)")
        for item in learning[:8]:
            print(f"- {item['name']}: +{item['lift']:g} points")
    if stored is not None:
        print(f"\nstored as report {stored[0]}, revision {stored[1]}")


def _match(settings: Settings, args: argparse.Namespace) -> int:
    postings, ids = read_jobs_file(args.jobs)
    reference = reference_from_release(settings.onet_source_path)
    extractor = Extractor(reference.catalog)
    parsed = _parse_resume_file(settings, args.resume, extractor)
    person = person_from_resume(parsed, reference.occupations)
    try:
        folder: Path | None = ensure_data_dir(settings.data_dir) / "cache"
    except DataDirError:
        folder = None  # no cache, only slower
    cache = AnalysisCache(folder, reference.catalog.fingerprint)
    analyses = analyse_all(postings, reference, extractor, cache)
    cache.save()
    ranked = rank(person, analyses, reference.occupations)[: args.top]
    if args.json:
        shown = [r.as_dict(reasons=args.reasons) | {"id": ids[r.id]} for r in ranked]
        print(json.dumps(shown, ensure_ascii=False))
        return 0
    titles = {p.id: p.title for p in postings}
    for place, r in enumerate(ranked, start=1):
        print(f"{place:>3}. {r.score:>3}  [{ids[r.id]}] {titles[r.id]}")
        for reason in r.reasons:
            print(f"          {reason}")
    return 0


def read_jobs_file(path: Path) -> tuple[list[PostingInput], dict[str, Any]]:
    """Postings from JSON lines of {"id", "title", "description"}; one line naming the first bad one."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    postings: list[PostingInput] = []
    ids: dict[str, Any] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError:
            raise SettingsError(f"{path} line {number} is not JSON") from None
        if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("description"), str):
            raise SettingsError(f'{path} line {number} needs "id" and a "description" string')
        key = str(row["id"])
        if key in ids:
            raise SettingsError(f"{path} line {number} repeats the id {row['id']!r}")
        ids[key] = row["id"]
        postings.append(PostingInput(key, str(row.get("title") or ""), row["description"]))
    if not postings:
        raise SettingsError(f"{path} has no postings: one JSON object per line")
    return postings, ids


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the gap and match commands."""
    gap = commands.add_parser("gap", help="what stands between a resume and one job, scored and explained")
    gap.add_argument("--resume", type=Path, required=True, help="PDF, DOCX, TXT or Markdown resume")
    job = gap.add_mutually_exclusive_group(required=True)
    job.add_argument("--job-file", type=Path, help="the posting: plain text (first line the title) or JSON")
    job.add_argument("--job-id", type=int, help="a stored job's id")
    gap.add_argument("--json", action="store_true", help="the whole report as JSON")
    gap.add_argument("--user", default=None, help="store the resume and the report in this person's profile")
    gap.add_argument("--no-model", action="store_true", help="skip the configured model's extra pass")
    gap.set_defaults(run=_gap)

    match = commands.add_parser("match", help="rank postings for a resume (no database needed)")
    match.add_argument("--resume", type=Path, required=True)
    match.add_argument("--jobs", type=Path, required=True, help='JSON lines of {"id","title","description"}')
    match.add_argument("--top", type=int, default=None, help="only the best K")
    match.add_argument("--json", action="store_true", help='[{"id","score"}], best first')
    match.add_argument(
        "--reasons",
        action="store_true",
        help="with --json, add the gap score with its band, and the top reasons",
    )
    match.set_defaults(run=_match)
