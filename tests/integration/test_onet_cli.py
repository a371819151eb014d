"""The O*NET commands of `jobmate`: the JSON shapes other tools depend on, and clear refusals."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .conftest import ImportedKnowledgeBase
from .test_cli import assert_one_line_refusal, run_jobmate

SPAN_KEYS = {"start", "end", "text", "skill_id", "name", "kind", "confidence"}


def _env(onet_kb: ImportedKnowledgeBase) -> dict[str, str]:
    return {"JOBMATE_DATABASE_URL": onet_kb.database.url, "JOBMATE_DATA_DIR": str(onet_kb.data_dir)}


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_extract_reads_stdin_and_prints_spans(onet_kb: ImportedKnowledgeBase, tmp_path: Path) -> None:
    text = "Senior engineer: Python, k8s and PostgreSQL; builds data pipelines."
    spans = json.loads(_ok(run_jobmate(tmp_path, "skills", "extract", env=_env(onet_kb), stdin=text)))

    assert [s["name"] for s in spans] == ["Python", "Kubernetes", "PostgreSQL", "data pipelines"]
    assert all(set(s) == SPAN_KEYS and text[s["start"] : s["end"]] == s["text"] for s in spans)
    empty = json.loads(_ok(run_jobmate(tmp_path, "skills", "extract", env=_env(onet_kb), stdin="")))
    assert empty == []


def test_extract_jsonl_answers_each_line_and_skips_bad_ones(
    onet_kb: ImportedKnowledgeBase, tmp_path: Path
) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Docker and Terraform"}),
        "this line is not JSON",
        json.dumps({"id": 7, "text": "Registered nurse with CPR certification"}),
    ]
    result = run_jobmate(
        tmp_path, "skills", "extract", "--jsonl", env=_env(onet_kb), stdin="\n".join(lines) + "\n"
    )
    answers = [json.loads(line) for line in _ok(result).splitlines()]

    assert [a["id"] for a in answers] == ["a", 7]
    assert [s["name"] for s in answers[0]["skills"]] == ["Docker", "IBM Terraform"]
    assert "line 2 is not a JSON object" in result.stderr


def test_normalize_prints_ranked_candidates(onet_kb: ImportedKnowledgeBase, tmp_path: Path) -> None:
    out = _ok(run_jobmate(tmp_path, "skills", "normalize", "k8s", "ReactJS", env=_env(onet_kb)))
    payload = json.loads(out)
    assert [p["mention"] for p in payload] == ["k8s", "ReactJS"]
    assert payload[0]["candidates"][0]["name"] == "Kubernetes"
    assert set(payload[0]["candidates"][0]) == {"skill_id", "name", "kind", "category", "score", "method"}


def test_occupation_search_and_show(onet_kb: ImportedKnowledgeBase, tmp_path: Path) -> None:
    found = json.loads(
        _ok(
            run_jobmate(tmp_path, "occupations", "search", "registered", "nurse", "--json", env=_env(onet_kb))
        )
    )
    assert found[0]["code"] == "29-1141.00" and found[0]["title"] == "Registered Nurses"
    table = _ok(run_jobmate(tmp_path, "occupations", "show", "29-1141.00", env=_env(onet_kb)))
    assert table.startswith("29-1141.00  Registered Nurses  (job zone 4)")
    assert "importance (1-5), level (0-7)" in table
    refused = run_jobmate(tmp_path, "occupations", "show", "99-9999.99", env=_env(onet_kb))
    assert_one_line_refusal(refused, "no O*NET occupation '99-9999.99'")


def test_lookups_before_any_import_say_what_to_run(database_url: str, tmp_path: Path) -> None:
    result = run_jobmate(
        tmp_path, "skills", "normalize", "python", env={"JOBMATE_DATABASE_URL": database_url}
    )
    assert_one_line_refusal(result, "not imported", "jobmate onet import")


def test_import_of_a_folder_missing_files_lists_them(database_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "db_29_2_text"
    folder.mkdir()
    (folder / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\tDescription\r\n")
    result = run_jobmate(
        tmp_path, "onet", "import", "--source", str(folder), env={"JOBMATE_DATABASE_URL": database_url}
    )
    line = assert_one_line_refusal(result, "is missing: Content Model Reference.txt, Skills.txt")
    assert "Occupation Data.txt" not in line.split("missing:")[1]
