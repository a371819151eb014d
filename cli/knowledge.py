"""`jobmate onet`, `skills` and `occupations`: importing and querying the O*NET knowledge base."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import text

from agent.settings import Settings, SettingsError
from onet import index as semantic_index
from onet.catalog import current_release
from onet.download import download_release
from onet.extract import Extractor
from onet.importer import import_release
from onet.lookup import KnowledgeBase, occupation_profile
from persistence.db import Database, ensure_data_dir, open_database


def onet_state(database: Database) -> str:
    """One line on the imported release, or what to run to import one."""
    with database.engine.connect() as conn:
        if conn.execute(text("SELECT to_regclass('onet_releases')")).scalar_one() is None:
            return "not imported (run `jobmate db upgrade`, then `jobmate onet import`)"
    with database.session() as session:
        release = current_release(session)
        if release is None:
            return "not imported (run `jobmate onet import`)"
        skills = release.counts.get("skills", 0)
        return f"O*NET {release.version}, imported {release.imported_at:%Y-%m-%d %H:%M}, {skills} skills"


def _onet_import(settings: Settings, args: argparse.Namespace) -> int:
    data_dir = ensure_data_dir(settings.data_dir)
    source = args.source or settings.onet_source_path
    if args.download:
        print("downloading the newest O*NET text release...", file=sys.stderr)
        source = download_release(data_dir / "downloads")
    database = open_database(settings, migrate=True)
    try:
        with database.session() as session:
            result = import_release(
                session, source=Path(source), data_dir=data_dir, progress=lambda m: print(m, file=sys.stderr)
            )
    finally:
        database.close()
    if not result.changed:
        print(f"O*NET {result.version} is already imported: nothing changed")
        return 0
    print(f"imported O*NET {result.version} in {result.seconds:.1f} s")
    for table, count in result.counts.items():
        print(f"  {table:<20} {count:>8,}")
    for name, count in result.skipped.items():
        print(f"  skipped {count} malformed or orphan rows of {name}")
    for name in result.missing_files:
        print(f"  {name} is not in this release: imported without it")
    for alias in result.unresolved_aliases:
        print(f"  alias without a target: {alias}")
    return 0


def _onet_status(settings: Settings, args: argparse.Namespace) -> int:
    database = open_database(settings, migrate=False)
    try:
        print(onet_state(database))
        with database.session() as session:
            release = current_release(session)
            if release is not None:
                print(f"source: {release.source}")
                for name in release.missing_files:
                    print(f"imported without {name}")
                index_ready = semantic_index.exists(ensure_data_dir(settings.data_dir), release.fingerprint)
                print(f"semantic index: {'ready' if index_ready else 'missing: run `jobmate onet import`'}")
    finally:
        database.close()
    return 0


def knowledge_base(settings: Settings) -> tuple[Database, KnowledgeBase]:
    """The database and the loaded knowledge base; the caller closes the database."""
    database = open_database(settings, migrate=False)
    try:
        with database.session() as session:
            return database, KnowledgeBase.load(session, ensure_data_dir(settings.data_dir))
    except Exception:
        database.close()
        raise


def _skills_normalize(settings: Settings, args: argparse.Namespace) -> int:
    database, kb = knowledge_base(settings)
    database.close()
    results = kb.normalize(list(args.mentions), limit=args.limit)
    payload = [
        {"mention": m, "candidates": [c.as_dict() for c in found]}
        for m, found in zip(args.mentions, results, strict=True)
    ]
    print(json.dumps(payload, indent=2))
    return 0


def _skills_extract(settings: Settings, args: argparse.Namespace) -> int:
    database, kb = knowledge_base(settings)
    database.close()
    extractor = Extractor(kb.catalog, index=kb.index if args.semantic else None)
    if not args.jsonl:
        spans = extractor.extract(sys.stdin.read())
        print(json.dumps([s.as_dict() for s in spans], ensure_ascii=False))
        return 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text_in = item["text"] if isinstance(item.get("text"), str) else ""
        except (json.JSONDecodeError, AttributeError, KeyError):
            print(f"jobmate: line {number} is not a JSON object with a text: skipped", file=sys.stderr)
            continue
        spans = extractor.extract(text_in)
        print(json.dumps({"id": item.get("id"), "skills": [s.as_dict() for s in spans]}, ensure_ascii=False))
    return 0


def _occupations_search(settings: Settings, args: argparse.Namespace) -> int:
    database, kb = knowledge_base(settings)
    try:
        with database.session() as session:
            found = kb.search_occupations(session, " ".join(args.text), limit=args.limit)
    finally:
        database.close()
    if args.json:
        print(json.dumps(found, indent=2))
    elif not found:
        print(f"no O*NET occupation matches {' '.join(args.text)!r}")
    else:
        for row in found:
            print(f"{row['code']}  {row['score']:.2f}  {row['title']}  (matched: {row['matched']})")
    return 0


def _occupations_show(settings: Settings, args: argparse.Namespace) -> int:
    database = open_database(settings, migrate=False)
    try:
        with database.session() as session:
            profile = occupation_profile(session, args.code)
    except KeyError as exc:
        raise SettingsError(str(exc.args[0])) from None
    finally:
        database.close()
    if args.json:
        print(json.dumps(profile, indent=2))
        return 0
    print(f"{profile['code']}  {profile['title']}  (job zone {profile['job_zone']})")
    print(profile["description"])
    for domain in ("skills", "knowledge"):
        print(f"\n{domain}: importance (1-5), level (0-7)")
        for row in profile[domain][:10]:
            print(f"  {row['importance'] or 0:4.2f}  {row['level'] or 0:4.2f}  {row['name']}")
    hot = [
        t["name"] + (" (in demand)" if t["in_demand"] else " (hot)" if t["hot"] else "")
        for t in profile["technologies"][:15]
    ]
    print("\ntechnologies: " + ", ".join(hot))
    print("related: " + ", ".join(f"{r['code']} {r['title']}" for r in profile["related"][:5]))
    return 0


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the onet, skills and occupations commands."""
    onet = commands.add_parser("onet", help="the O*NET knowledge base").add_subparsers(
        dest="action", required=True
    )
    imp = onet.add_parser("import", help="import a release (idempotent) and build the semantic index")
    imp.add_argument("--source", type=Path, default=None, help="release folder or db_XX_X_text.zip")
    imp.add_argument("--download", action="store_true", help="fetch the newest release from the O*NET site")
    imp.set_defaults(run=_onet_import)
    onet.add_parser("status", help="which release is imported").set_defaults(run=_onet_status)

    skills = commands.add_parser("skills", help="skill lookup").add_subparsers(dest="action", required=True)
    norm = skills.add_parser("normalize", help="O*NET candidates for each mention (JSON)")
    norm.add_argument("mentions", nargs="+")
    norm.add_argument("--limit", type=int, default=3)
    norm.set_defaults(run=_skills_normalize)
    ext = skills.add_parser("extract", help="skills in the text on stdin, as JSON spans")
    ext.add_argument(
        "--jsonl", action="store_true", help='read lines of {"id","text"}, write {"id","skills"}'
    )
    ext.add_argument(
        "--semantic", action="store_true", help="also match short list items by meaning (slower)"
    )
    ext.set_defaults(run=_skills_extract)

    occupations = commands.add_parser("occupations", help="O*NET occupations").add_subparsers(
        dest="action", required=True
    )
    search = occupations.add_parser("search", help="occupations for a job title or description")
    search.add_argument("text", nargs="+")
    search.add_argument("--limit", type=int, default=5)
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=_occupations_search)
    show = occupations.add_parser("show", help="one occupation's skills, technologies and tasks")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=_occupations_show)
