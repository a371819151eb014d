"""Importing O*NET releases: idempotent, replacing, refusing incomplete ones, all or nothing."""

from __future__ import annotations

import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from onet import index as semantic_index
from onet.catalog import current_release
from onet.download import DownloadError, download_release
from onet.importer import ImportResult, import_release
from onet.release import REQUIRED_FILES, ReleaseError, open_release
from persistence.db import Database
from persistence.onet_models import OnetOccupation, OnetRelease, OnetTechnology, Skill

from .onet_fixtures import ONET_SOURCE, write_mini_release

OCCUPATIONS = ("15-1252.00", "29-1141.00", "35-2014.00")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return write_mini_release(tmp_path / "db_29_2_text", OCCUPATIONS)


def _import(db: Database, source: Path, data_dir: Path) -> ImportResult:
    with db.session() as session:
        return import_release(session, source=source, data_dir=data_dir, progress=lambda _m: None)


def _count(db: Database, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_import_builds_occupations_skills_and_index(db: Database, mini: Path, tmp_path: Path) -> None:
    result = _import(db, mini, tmp_path / "data")

    assert result.changed and result.version == "29.2"
    assert result.missing_files == ["Abilities.txt"]
    assert result.skipped == {}  # every row of the real release is kept, certification ratings too
    with db.session() as session:
        assert {o.code for o in session.scalars(select(OnetOccupation))} == set(OCCUPATIONS)
        python = session.get(Skill, "tech:python")
        assert python is not None and python.kind == "technology" and python.category == "language"
        assert python.hot  # O*NET marks Python a hot technology
        critical = session.get(Skill, "onet:2.A.2.a")
        assert critical is not None and critical.name == "Critical Thinking" and critical.kind == "skill"
        assert (session.scalar(select(func.count()).where(Skill.kind == "concept")) or 0) > 100
        release = current_release(session)
        assert release is not None and release.counts["onet_occupations"] == 3
        assert semantic_index.exists(tmp_path / "data", release.fingerprint)


def test_importing_the_same_release_again_changes_nothing(db: Database, mini: Path, tmp_path: Path) -> None:
    _import(db, mini, tmp_path / "data")
    with db.session() as session:
        first = current_release(session)
        assert first is not None
        before = (first.id, first.imported_at, _count(db, OnetTechnology))

    archive = tmp_path / "db_29_2_text.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in mini.iterdir():
            zipped.write(path, f"db_29_2_text/{path.name}")
    again = _import(db, archive, tmp_path / "data")

    assert not again.changed
    with db.session() as session:
        current = current_release(session)
        assert current is not None
        assert (current.id, current.imported_at, _count(db, OnetTechnology)) == before
    assert _count(db, OnetRelease) == 1


def test_a_new_release_replaces_the_old_one_entirely(db: Database, mini: Path, tmp_path: Path) -> None:
    _import(db, mini, tmp_path / "data")
    newer = write_mini_release(tmp_path / "db_29_3_text", ("15-1252.00", "53-3032.00"), version="29.3")

    result = _import(db, newer, tmp_path / "data")

    assert result.changed and result.version == "29.3"
    with db.session() as session:
        assert {o.code for o in session.scalars(select(OnetOccupation))} == {"15-1252.00", "53-3032.00"}
        assert session.scalar(select(func.count()).where(OnetRelease.is_current)) == 1
        release = current_release(session)
        assert release is not None and release.version == "29.3"
    index_folders = list((tmp_path / "data" / "index").iterdir())
    assert [f.name for f in index_folders] == [release.fingerprint[:16]]


def test_missing_files_are_listed_and_nothing_is_written(db: Database, mini: Path, tmp_path: Path) -> None:
    (mini / "Skills.txt").unlink()
    (mini / "Job Zones.txt").unlink()

    with pytest.raises(ReleaseError) as refused:
        _import(db, mini, tmp_path / "data")

    assert str(refused.value).endswith("is missing: Skills.txt, Job Zones.txt")
    assert _count(db, OnetRelease) == 0 and _count(db, Skill) == 0


def test_malformed_rows_are_skipped_and_counted(db: Database, mini: Path, tmp_path: Path) -> None:
    with (mini / "Technology Skills.txt").open("a", encoding="utf-8", newline="") as handle:
        handle.write("15-1252.00\tBroken row with too few columns\r\n")
        handle.write("\x00\x01\x02 binary junk\r\n")

    result = _import(db, mini, tmp_path / "data")

    assert result.skipped["Technology Skills.txt"] == 2
    with db.session() as session:
        assert session.get(Skill, "tech:python") is not None


def test_a_failing_import_leaves_the_previous_release_in_place(
    db: Database, mini: Path, tmp_path: Path
) -> None:
    _import(db, mini, tmp_path / "data")
    broken = write_mini_release(tmp_path / "db_29_3_text", OCCUPATIONS, version="29.3")
    tasks = (broken / "Task Statements.txt").read_text(encoding="utf-8").splitlines()
    # The same task id twice breaks the import after the index is built, inside the database write.
    (broken / "Task Statements.txt").write_text("\r\n".join([*tasks, tasks[1]]) + "\r\n", encoding="utf-8")

    with pytest.raises(Exception, match="onet_tasks"):
        _import(db, broken, tmp_path / "data")

    with db.session() as session:
        release = current_release(session)
        assert release is not None and release.version == "29.2"
        assert session.get(Skill, "tech:python") is not None
    assert _count(db, OnetOccupation) == 3


def test_open_release_rejects_what_is_not_a_release(tmp_path: Path) -> None:
    with pytest.raises(ReleaseError, match="no O\\*NET release at"):
        open_release(tmp_path / "nowhere")
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(ReleaseError, match="neither a folder nor a zip"):
        open_release(junk)
    with pytest.raises(ReleaseError, match="missing: " + ", ".join(REQUIRED_FILES[:2])):
        open_release(tmp_path)


@pytest.fixture
def site(tmp_path: Path, mini: Path) -> Iterator[str]:
    """A local web server shaped like the O*NET download page, serving a zip of the mini release."""
    root = tmp_path / "site"
    (root / "dl_files" / "database").mkdir(parents=True)
    with zipfile.ZipFile(root / "dl_files" / "database" / "db_29_2_text.zip", "w") as zipped:
        for path in mini.iterdir():
            zipped.write(path, f"db_29_2_text/{path.name}")
    (root / "database.html").write_text(
        '<a href="/dl_files/database/db_28_0_text.zip">old</a>'
        '<a href="/dl_files/database/db_29_2_text.zip">Text</a>'
    )

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/database.html"
    server.shutdown()
    server.server_close()


def test_download_takes_the_newest_text_release_and_imports(db: Database, site: str, tmp_path: Path) -> None:
    downloaded = download_release(tmp_path / "downloads", page_url=site, timeout=5)

    assert downloaded.name == "db_29_2_text.zip"
    assert list((tmp_path / "downloads").iterdir()) == [downloaded]
    result = _import(db, downloaded, tmp_path / "data")
    assert result.changed and result.version == "29.2"


def test_download_offline_says_to_pass_a_source(tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="pass --source FILE"):
        download_release(tmp_path / "downloads", page_url="http://127.0.0.1:9/database.html", timeout=2)
    assert not (tmp_path / "downloads").exists() or not any((tmp_path / "downloads").iterdir())


def test_shared_release_is_complete_except_abilities() -> None:
    release = open_release(ONET_SOURCE)
    try:
        assert release.version == "29.2"
        assert release.missing_optional == ["Abilities.txt"]
    finally:
        release.close()
