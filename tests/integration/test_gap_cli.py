"""`jobmate match` and `jobmate gap` on real resumes and postings: rankings, gap reports, refusals."""

from __future__ import annotations

import csv
import functools
import json
import subprocess
import uuid
from pathlib import Path
from typing import Any

from persistence.repositories import jobs
from tools.resume.reading import read_resume

from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA
from .test_cli import assert_one_line_refusal, run_jobmate

DATA = SHARED_DATA.resolve()
PDF = DATA / "resumes" / "pdf" / "ACCOUNTANT_15289348.pdf"
NO_SERVER = "postgresql://nobody@127.0.0.1:1/none"  # nothing listens there: proves no database is used
STAFF_ACCOUNTANT = "3842513172"  # a real "Staff Accountant" posting
OTHER_PROFESSIONS = ("Registered Nurse", "Software Engineer", "Journeyman Electrician", "Pharmacist")
SPANISH = (
    "Buscamos un contador con experiencia para unirse a nuestro equipo en la oficina de Madrid. "
    "El candidato ideal tendrá un título universitario en contabilidad o finanzas y al menos tres años "
    "de experiencia en la preparación de estados financieros, conciliaciones bancarias y declaraciones "
    "de impuestos. Se valorará el manejo de hojas de cálculo y de programas de contabilidad. "
    "Ofrecemos un salario competitivo, un horario flexible y la posibilidad de crecer dentro de la "
    "empresa. Las personas interesadas deben enviar su currículum y una carta de presentación antes "
    "del final del mes."
)


@functools.cache
def _postings() -> dict[str, dict[str, str]]:
    csv.field_size_limit(10_000_000)
    with (DATA / "jobs" / "linkedin_postings.csv").open(encoding="utf-8", newline="") as handle:
        return {row["job_id"]: row for row in csv.DictReader(handle) if row["description"].strip()}


def _offline(tmp_path: Path) -> dict[str, str]:
    return {
        "JOBMATE_DATABASE_URL": NO_SERVER,
        "JOBMATE_DATA_DIR": str(tmp_path / "data"),
        "JOBMATE_SHARED_DATA": str(DATA),
    }


def _with_db(onet_kb: ImportedKnowledgeBase) -> dict[str, str]:
    return {
        "JOBMATE_DATABASE_URL": onet_kb.database.url,
        "JOBMATE_DATA_DIR": str(onet_kb.data_dir),
        "JOBMATE_SHARED_DATA": str(DATA),
    }


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def _posting_file(tmp_path: Path, job_id: str = STAFF_ACCOUNTANT) -> Path:
    row = _postings()[job_id]
    path = tmp_path / "posting.json"
    path.write_text(json.dumps({"title": row["title"], "description": row["description"]}), encoding="utf-8")
    return path


def _gap(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_jobmate(tmp_path, "gap", "--resume", str(PDF), *args, env=env or _offline(tmp_path))


def _match(tmp_path: Path, jobs_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_jobmate(
        tmp_path, "match", "--resume", str(PDF), "--jobs", str(jobs_file), *args, env=_offline(tmp_path)
    )


def test_match_ranks_real_postings_without_a_database_and_caches_analyses(tmp_path: Path) -> None:
    rows = list(_postings().values())
    accountants = [r for r in rows if "Accountant" in r["title"]][:6]
    others = [next(r for r in rows if name in r["title"]) for name in OTHER_PROFESSIONS]
    chosen = {r["job_id"]: r for r in [*accountants, *others]}
    for row in rows:
        if len(chosen) == 60:
            break
        chosen.setdefault(row["job_id"], row)
    jobs_file = tmp_path / "jobs.jsonl"
    lines = [
        json.dumps({"id": int(k), "title": r["title"], "description": r["description"]})
        for k, r in chosen.items()
    ]
    jobs_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    titles = {int(k): r["title"] for k, r in chosen.items()}

    first = _ok(_match(tmp_path, jobs_file, "--json"))
    ranked = json.loads(first)
    shown = [(r["score"], titles[r["id"]]) for r in ranked[:8]]
    assert len(ranked) == 60 and {r["id"] for r in ranked} == set(titles)
    assert all(set(r) == {"id", "score"} for r in ranked)
    assert all(type(r["id"]) is int and type(r["score"]) is int and 0 <= r["score"] <= 100 for r in ranked)
    scores = [r["score"] for r in ranked]
    assert scores == sorted(scores, reverse=True)
    assert "Account" in titles[ranked[0]["id"]], shown
    place = {r["id"]: n for n, r in enumerate(ranked)}
    # Every accountant posting ranks above every posting of a clearly other profession.
    assert max(place[int(r["job_id"])] for r in accountants) < min(place[int(r["job_id"])] for r in others)

    assert list((tmp_path / "data" / "cache").glob("*.json")), "no analysis cache was written"
    top = json.loads(_ok(_match(tmp_path, jobs_file, "--json", "--top", "5")))
    assert top == ranked[:5]
    explained = json.loads(_ok(_match(tmp_path, jobs_file, "--json", "--top", "3", "--reasons")))
    assert [r["id"] for r in explained] == [r["id"] for r in ranked[:3]]
    for item in explained:
        assert item["reasons"] and all(isinstance(reason, str) and reason for reason in item["reasons"])
        gap = item["gap"]
        assert gap["score"] is None or gap["low"] <= gap["score"] <= gap["high"]
    assert _ok(_match(tmp_path, jobs_file, "--json")) == first


def test_match_refuses_bad_job_files_and_a_missing_resume_in_one_line(tmp_path: Path) -> None:
    good = json.dumps({"id": 1, "title": "Accountant", "description": "Keep the books."})
    cases = {
        "not-json.jsonl": (good + "\n{not json\n", ["line 2", "not JSON"]),
        "no-description.jsonl": (
            json.dumps({"id": 1, "title": "Accountant"}) + "\n",
            ["line 1", '"description"'],
        ),
        "empty.jsonl": ("", ["no postings"]),
        "twice.jsonl": (good + "\n" + good + "\n", ["line 2", "repeats the id 1"]),
    }
    for name, (content, expected) in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        result = _match(tmp_path, tmp_path / name, "--json")
        assert_one_line_refusal(result, name, *expected)
        assert result.returncode == 2 and result.stdout == ""
    (tmp_path / "ok.jsonl").write_text(good + "\n", encoding="utf-8")
    missing = run_jobmate(
        tmp_path,
        "match",
        "--resume",
        str(tmp_path / "nope.pdf"),
        "--jobs",
        str(tmp_path / "ok.jsonl"),
        env=_offline(tmp_path),
    )
    assert_one_line_refusal(missing, "nope.pdf")
    assert missing.returncode == 2
    blank = tmp_path / "blank.txt"
    blank.write_text("Hello there. I am looking for a new opportunity soon.\n", encoding="utf-8")
    nothing = run_jobmate(
        tmp_path,
        "match",
        "--resume",
        str(blank),
        "--jobs",
        str(tmp_path / "ok.jsonl"),
        env=_offline(tmp_path),
    )
    assert_one_line_refusal(nothing, "no skill Jobmate recognises")


def test_gap_report_on_a_real_posting_is_consistent_and_quotes_the_resume(tmp_path: Path) -> None:
    posting = _posting_file(tmp_path)
    report: dict[str, Any] = json.loads(_ok(_gap(tmp_path, "--job-file", str(posting), "--json")))
    resume_text = read_resume(PDF.read_bytes(), filename=PDF.name).text

    score = report["score"]
    assert (
        type(score) is int
        and 0 <= score <= 100
        and report["score_version"]
        and report["insufficient"] is None
    )
    assert report["band"]["low"] <= score <= report["band"]["high"] and report["band"]["confidence"]
    counted = [d for d in report["dimensions"] if d["value"] is not None]
    for dim in report["dimensions"]:
        assert 0 <= dim["earned"] <= dim["points"] and dim["why"], dim
    assert abs(100 * sum(d["earned"] for d in counted) / sum(d["points"] for d in counted) - score) <= 1
    assert report["matched"] and report["missing"]
    # Compared without printing the resume on failure: only the skills' names are shown.
    unquoted = [m["name"] for m in report["matched"] if not (m["evidence"] and m["evidence"] in resume_text)]
    assert unquoted == []
    assert all(m["reason"] for m in report["missing"])
    dims, levels = report["chart"]["dimensions"], report["chart"]["levels"]
    assert len(dims["labels"]) == len(dims["earned"]) == len(dims["possible"]) == len(counted)
    assert len(levels["labels"]) == len(levels["yours"]) == len(levels["needed"]) == len(levels["importance"])
    assert len(levels["labels"]) == len(report["matched"]) + len(report["missing"])
    assert report["learning"] and all(item["name"] and item["lift"] >= 0 for item in report["learning"])
    urls = [r["url"] for item in report["learning"] for r in item["resources"] if r.get("url")]
    assert urls and all(url.startswith("https://") for url in urls)

    markdown = _ok(_gap(tmp_path, "--job-file", str(posting)))
    assert "Gap report" in markdown and "Missing" in markdown and f"Score {score}/100" in markdown


def test_gap_says_when_a_posting_cannot_be_scored(tmp_path: Path) -> None:
    tiny, spanish, empty = tmp_path / "tiny.txt", tmp_path / "oferta.txt", tmp_path / "empty.txt"
    tiny.write_text("Cashier wanted.\n", encoding="utf-8")
    spanish.write_text("Contador\n" + SPANISH + "\n", encoding="utf-8")
    empty.write_text("  \n", encoding="utf-8")

    for posting, expected in ((tiny, "words"), (spanish, "language")):
        report = json.loads(_ok(_gap(tmp_path, "--job-file", str(posting), "--json")))
        assert report["score"] is None, posting.name
        assert report["insufficient"] and expected in report["insufficient"], report["insufficient"]
    refused = _gap(tmp_path, "--job-file", str(empty), "--json")
    assert_one_line_refusal(refused, "empty.txt", "empty")
    assert refused.returncode == 2


def test_gap_on_a_stored_job_matches_the_same_posting_from_a_file(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    row = _postings()[STAFF_ACCOUNTANT]
    with onet_kb.database.session() as session:
        job, _ = jobs.upsert_job(
            session,
            fields={
                "title": row["title"],
                "description": row["description"],
                "content_hash": f"test-gap-cli-{uuid.uuid4().hex}",
            },
        )
        job_id = job.id

    stored = json.loads(_ok(_gap(tmp_path, "--job-id", str(job_id), "--json", env=_with_db(onet_kb))))
    from_file = json.loads(_ok(_gap(tmp_path, "--job-file", str(_posting_file(tmp_path)), "--json")))
    assert type(stored["score"]) is int and stored["matched"]
    assert stored["score"] == from_file["score"]
    assert [m["name"] for m in stored["missing"]] == [m["name"] for m in from_file["missing"]]

    unknown = _gap(tmp_path, "--job-id", "987654321", "--json", env=_with_db(onet_kb))
    assert_one_line_refusal(unknown, "987654321")
    assert unknown.returncode == 2


def test_gap_for_a_user_stores_each_run_as_a_new_revision(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    env, name = _with_db(onet_kb), f"gap-cli-{uuid.uuid4().hex[:8]}"
    _ok(run_jobmate(tmp_path, "users", "add", name, "--password-stdin", env=env, stdin="long enough\n"))
    posting = str(_posting_file(tmp_path))

    first = json.loads(_ok(_gap(tmp_path, "--job-file", posting, "--user", name, "--json", env=env)))
    second = json.loads(_ok(_gap(tmp_path, "--job-file", posting, "--user", name, "--json", env=env)))
    assert type(first["report_id"]) is int and first["revision"] == 1
    assert type(second["report_id"]) is int and second["revision"] == 2
    assert type(first["score"]) is int and second["score"] == first["score"]

    unknown = _gap(tmp_path, "--job-file", posting, "--user", "nobody-here", env=env)
    assert_one_line_refusal(unknown, "nobody-here")
    assert unknown.returncode == 2
