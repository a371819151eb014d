"""`jobmate resume parse` and `jobmate profile show`: the profile with evidence, and one-line refusals."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .conftest import ImportedKnowledgeBase
from .onet_fixtures import SHARED_DATA
from .test_cli import assert_one_line_refusal, run_jobmate

PDF = (SHARED_DATA / "resumes" / "pdf" / "ACCOUNTANT_15289348.pdf").resolve()


def _env(onet_kb: ImportedKnowledgeBase, **extra: str) -> dict[str, str]:
    return {"JOBMATE_DATABASE_URL": onet_kb.database.url, "JOBMATE_DATA_DIR": str(onet_kb.data_dir), **extra}


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_parse_prints_the_profile_with_evidence_as_json(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    payload = json.loads(_ok(run_jobmate(tmp_path, "resume", "parse", str(PDF), "--json", env=_env(onet_kb))))

    assert payload["file_kind"] == "pdf" and payload["page_count"] >= 1
    assert payload["skill_count"] == len(payload["skills"]) >= 10
    names = {skill["name"] for skill in payload["skills"]}
    assert {"Microsoft Excel", "Intuit QuickBooks"} <= names
    for skill in payload["skills"]:
        assert 1 <= skill["level"] <= 6 and 1 <= skill["proficiency"] <= 10 and skill["basis"]
        for evidence in skill["evidence"]:
            assert evidence["end"] - evidence["start"] == len(evidence["quote"])
            assert evidence["quote"] in evidence["context"]
    assert {section["kind"] for section in payload["sections"]} >= {"summary", "experience", "education"}


def test_parse_with_a_user_stores_the_profile_and_profile_show_lists_it(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    env = _env(onet_kb)
    _ok(
        run_jobmate(
            tmp_path, "users", "add", "cli-reader", "--password-stdin", env=env, stdin="long enough\n"
        )
    )
    stored = _ok(run_jobmate(tmp_path, "resume", "parse", str(PDF), "--user", "cli-reader", env=env))
    again = _ok(run_jobmate(tmp_path, "resume", "parse", str(PDF), "--user", "cli-reader", env=env))

    assert "stored as resume" in stored and "the default" in stored
    assert "re-parsed as resume" in again
    assert "'QuickBooks'" in stored  # the evidence quote is printed
    profile = json.loads(
        _ok(run_jobmate(tmp_path, "profile", "show", "--user", "cli-reader", "--json", env=env))
    )
    assert {row["name"] for row in profile} >= {"Microsoft Excel", "Intuit QuickBooks"}
    assert all(row["source"] == "resume" and row["evidence"] for row in profile)


def test_parse_refuses_bad_files_and_unknown_users_in_one_line(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    env = _env(onet_kb)
    photo = tmp_path / "photo.pdf"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    big = tmp_path / "big.txt"
    big.write_bytes(b"Python developer. " * 70_000)

    assert_one_line_refusal(run_jobmate(tmp_path, "resume", "parse", str(photo), env=env), "PNG")
    assert_one_line_refusal(run_jobmate(tmp_path, "resume", "parse", str(empty), env=env), "empty")
    assert_one_line_refusal(
        run_jobmate(tmp_path, "resume", "parse", str(tmp_path / "nope.pdf"), env=env), "nope.pdf"
    )
    small_limit = _env(onet_kb, JOBMATE_UPLOAD_MAX_MB="1")
    assert_one_line_refusal(
        run_jobmate(tmp_path, "resume", "parse", str(big), env=small_limit), "limit is 1 MB"
    )
    assert_one_line_refusal(
        run_jobmate(tmp_path, "resume", "parse", str(PDF), "--user", "nobody-here", env=env), "nobody-here"
    )


def test_profile_add_puts_a_skill_in_by_hand_and_refuses_what_o_net_does_not_know(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    env = _env(onet_kb)
    _ok(
        run_jobmate(tmp_path, "users", "add", "cli-adder", "--password-stdin", env=env, stdin="long enough\n")
    )
    added = _ok(
        run_jobmate(
            tmp_path, "profile", "add", "power bi", "--user", "cli-adder", "--level", "4",
            "--evidence", "Built Power BI dashboards", env=env,
        )
    )  # fmt: skip
    assert "Microsoft Power BI" in added
    (row,) = json.loads(
        _ok(run_jobmate(tmp_path, "profile", "show", "--user", "cli-adder", "--json", env=env))
    )
    assert (row["name"], row["level"], row["source"]) == ("Microsoft Power BI", 4.0, "manual")
    assert row["evidence"][0]["quote"] == "Built Power BI dashboards"

    unknown = run_jobmate(
        tmp_path, "profile", "add", "underwater basket weaving", "--user", "cli-adder", env=env
    )
    assert_one_line_refusal(unknown, "no O*NET skill matches")
    assert_one_line_refusal(
        run_jobmate(tmp_path, "profile", "add", "Python", "--user", "cli-adder", "--level", "9", env=env),
        "0-7",
    )
