"""`jobmate resume` and `jobmate profile`: parse a resume file and show a person's skill profile."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from agent.settings import Settings, SettingsError
from cli.knowledge import knowledge_base
from onet.extract import Extractor
from persistence.models import ProfileSkill
from persistence.repositories import profile_skills, users
from tools.resume.reading import ResumeFileError, read_resume

if TYPE_CHECKING:
    from tools.resume.parse import ParsedResume


def _resume_parse(settings: Settings, args: argparse.Namespace) -> int:
    # Imported here: the model client costs about a second to import, and only this command needs it.
    from agent.llm import remote_chat_model  # noqa: PLC0415
    from tools.resume.ingest import ingest_resume, model_pass  # noqa: PLC0415
    from tools.resume.parse import parse_resume  # noqa: PLC0415

    path: Path = args.file
    max_bytes = settings.upload_max_mb * 1024 * 1024
    data = read_file(path, max_bytes)
    # A file that is no resume is refused before the knowledge base is loaded.
    read = read_resume(data, filename=path.name, max_bytes=max_bytes)
    today = dt.date.today()
    model = None if args.no_model else remote_chat_model(settings, streaming=False)
    database, kb = knowledge_base(settings)
    try:
        extractor = Extractor(kb.catalog)
        if args.user is None:
            parsed = parse_resume(read, extractor, today=today)
            parsed, _status = model_pass(parsed, extractor, model, today=today)
            stored = "not stored: give --user NAME to add it to a profile"
        else:
            with database.session() as session:
                result = ingest_resume(
                    session,
                    owner_id=user_id(session, args.user),
                    data=data,
                    filename=path.name,
                    extractor=extractor,
                    onet_release=kb.catalog.release,
                    max_bytes=max_bytes,
                    today=today,
                    model=model,
                    make_default=not args.not_default,
                    read=read,
                )
            parsed = result.parsed
            action = "re-parsed" if result.reparsed else "stored"
            default = ", the default" if result.is_default else ""
            stored = f"{action} as resume {result.resume_id} of {args.user}{default}; "
            stored += f"the profile has {result.profile_size} skills"
    finally:
        database.close()
    if args.json:
        print(json.dumps(parsed.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_parse(path.name, parsed, stored)
    return 0


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refused before reading when it is over the upload limit."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            # Refuse before reading: a huge file should not fill memory first.
            raise ResumeFileError(
                f"{path.name} is {size / 1_048_576:.1f} MB; the limit is {max_bytes // 1_048_576} MB",
                reason="too_large",
            )
        return path.read_bytes()
    except OSError as exc:
        raise SettingsError(f"cannot read {path}: {exc.strerror or exc}") from None


def user_id(session: Session, identifier: str) -> int:
    """The id of the account with this name; a message naming the command that creates one if none."""
    user = users.find_user(session, identifier=identifier)
    if user is None:
        raise SettingsError(f"there is no user {identifier!r}: create one with `jobmate users add`")
    return user.id


def _print_parse(name: str, parsed: ParsedResume, stored: str) -> None:
    read = parsed.read
    print(f"{name}: {read.file_kind.upper()}, {read.page_count} page(s), {read.word_count} words; {stored}")
    for warning in parsed.warnings:
        print(f"  warning: {warning}")
    found = [kind for kind, value in parsed.contacts.as_dict().items() if value]
    print(f"contact details found: {', '.join(found) or 'none'} (kept apart, redacted before any model)")
    print(
        "sections: " + ", ".join(s.kind + ("" if s.tailorable else " (protected)") for s in parsed.sections)
    )
    print(f"experience: {parsed.total_years:g} years; career level {parsed.career_level}")
    print(f"  {parsed.career_level_reason}")
    for role in parsed.roles:
        start = role.start.isoformat()[:7] if role.start else "?"
        end = "now" if role.current else role.end.isoformat()[:7] if role.end else "?"
        print(f"  {start} to {end}  {role.title}" + (f", {role.employer}" if role.employer else ""))
    for entry in parsed.education:
        parts = [entry.degree, entry.field, entry.institution, str(entry.year) if entry.year else None]
        print("  education: " + ", ".join(p for p in parts if p))
    print(f"skills ({len(parsed.skills)}): level 0-7, proficiency 1-10, confidence")
    for skill in parsed.skills:
        years = f", {skill.years:g} y" if skill.years else ""
        numbers = f"{skill.level:4.2f} {skill.proficiency:>2} {skill.confidence:.2f}"
        print(f"  {numbers}  {skill.name} [{skill.category}{years}]")
        for evidence in skill.evidence[:2]:
            where = f"{evidence.start}-{evidence.end}, {evidence.section or 'no section'}"
            print(f"        {evidence.quote!r} ({where}): {evidence.context}")


def _profile_show(settings: Settings, args: argparse.Namespace) -> int:
    database, _kb = knowledge_base(settings)
    try:
        with database.session() as session:
            rows = profile_skills.list_skills(session, owner_id=user_id(session, args.user))
            payload = [_profile_row(row) for row in rows]
    finally:
        database.close()
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(f"{args.user}: {len(payload)} skills (level 0-7, proficiency 1-10, source)")
    for row in payload:
        numbers = f"{row['level']:4.2f} {row['proficiency']:>2}"
        print(f"  {numbers}  {row['name']} [{row['category']}, {row['source']}]")
    return 0


def _profile_add(settings: Settings, args: argparse.Namespace) -> int:
    from tools.resume.profile import proficiency_for  # noqa: PLC0415  (keeps `resume parse` imports lean)

    if not 0 <= args.level <= 7:
        raise SettingsError(f"--level must be on O*NET's 0-7 scale, not {args.level:g}")
    database, kb = knowledge_base(settings)
    try:
        found = kb.lexical(args.skill) or kb.normalize([args.skill], limit=1)[0]
        if not found:
            raise SettingsError(
                f"no O*NET skill matches {args.skill!r}: try `jobmate skills normalize {args.skill!r}`"
            )
        skill = found[0]
        evidence = [{"quote": args.evidence, "section": None, "method": "manual"}] if args.evidence else []
        with database.session() as session:
            profile_skills.upsert_skill(
                session,
                owner_id=user_id(session, args.user),
                skill_id=skill.skill_id,
                display_name=skill.name,
                category=kb.catalog.skills[skill.skill_id].category,
                level=args.level,
                proficiency=proficiency_for(args.level),
                confidence=1.0,
                source="manual",
                evidence=evidence,
                basis=[f"set by hand: {args.level:g}"],
            )
    finally:
        database.close()
    print(f"added {skill.name} ({skill.skill_id}) at level {args.level:g} to {args.user}'s profile")
    return 0


def _profile_row(row: ProfileSkill) -> dict[str, object]:
    return {
        "skill_id": row.skill_id,
        "name": row.display_name,
        "category": row.category,
        "level": float(row.level),
        "proficiency": row.proficiency,
        "years": float(row.years) if row.years is not None else None,
        "confidence": row.confidence,
        "source": row.source,
        "basis": row.basis,
        "evidence": row.evidence,
    }


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the resume and profile commands."""
    resume = commands.add_parser("resume", help="resumes").add_subparsers(dest="action", required=True)
    parse = resume.add_parser("parse", help="read a PDF, DOCX, TXT or Markdown resume and show its profile")
    parse.add_argument("file", type=Path)
    parse.add_argument("--json", action="store_true", help="everything as JSON")
    parse.add_argument("--user", default=None, help="store it in this person's profile")
    parse.add_argument("--not-default", action="store_true", help="keep the person's current default resume")
    parse.add_argument("--no-model", action="store_true", help="skip the configured model's extra pass")
    parse.set_defaults(run=_resume_parse)

    profile = commands.add_parser("profile", help="skill profiles").add_subparsers(
        dest="action", required=True
    )
    show = profile.add_parser("show", help="a person's skill profile with evidence")
    show.add_argument("--user", required=True)
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=_profile_show)
    add = profile.add_parser("add", help="add a skill by hand (or raise one), with your own evidence")
    add.add_argument("skill", help='the skill as you would say it, e.g. "Power BI"')
    add.add_argument("--user", required=True)
    add.add_argument(
        "--level", type=float, default=3.0, help="O*NET's 0-7 scale (default 3: working knowledge)"
    )
    add.add_argument("--evidence", default=None, help="what proves it, in your words")
    add.set_defaults(run=_profile_add)
