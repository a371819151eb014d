"""The curated learning catalogue: the shipped file, its O*NET coverage, validation errors and ordering."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.unit.livecareer import shared_data
from tools.plan.catalogue import (
    COLUMNS,
    COSTS,
    DIFFICULTIES,
    KINDS,
    CatalogueError,
    Resource,
    load_catalogue,
    resources_for,
)

HEADER = "\t".join(COLUMNS)
GOOD = "onet:2.A.1.a\tA title\tA provider\thttps://example.org/a\tdocs\tbeginner\t2\tfree\tOne sentence."


def _onet_element_ids() -> set[str]:
    ids: set[str] = set()
    for name in ("Skills.txt", "Knowledge.txt"):
        path = shared_data() / "onet" / name
        assert path.exists(), f"the O*NET release is missing: {path} (set JOBMATE_SHARED_DATA)"
        with path.open(encoding="utf-8", newline="") as handle:
            ids.update(f"onet:{row['Element ID']}" for row in csv.DictReader(handle, delimiter="\t"))
    return ids


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "learning.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _resource(url: str, *, cost: str = "free", hours: float = 1.0) -> Resource:
    return Resource("tech:python", url, "p", url, "docs", "beginner", hours, cost, "d")


def test_the_shipped_catalogue_loads_and_is_well_formed() -> None:
    catalogue = load_catalogue()
    resources_by_skill = dict(catalogue)
    resources = [r for items in catalogue.values() for r in items]
    assert len(resources) >= 700 and len(catalogue) >= 400
    for r in resources:
        assert r.url.startswith("https://") and r.title and r.description
        assert r.kind in KINDS and r.difficulty in DIFFICULTIES and r.cost in COSTS
        assert 0 < r.hours <= 200
        assert r.skill_id.split(":", 1)[0] in {"onet", "tech", "concept"}
    # Every skill gets one to three resources, so a plan never drowns a learner in links.
    assert all(1 <= len(items) <= 3 for items in catalogue.values())
    catalogue.clear()
    assert len(load_catalogue()) == len(resources_by_skill)  # a caller's edits stay its own


def test_every_onet_skill_and_knowledge_element_has_a_resource() -> None:
    elements = _onet_element_ids()
    assert len(elements) == 68  # 35 skills and 33 knowledge areas in O*NET 29.2
    missing = sorted(elements - set(load_catalogue()))
    assert not missing, f"O*NET elements without a learning resource: {missing}"


def test_a_small_valid_file_loads_in_file_order(tmp_path: Path) -> None:
    second = GOOD.replace("https://example.org/a", "https://example.org/b").replace("A title", "B title")
    other = GOOD.replace("onet:2.A.1.a", "tech:python")
    catalogue = load_catalogue(_write(tmp_path, HEADER, GOOD, other, second, ""))
    assert list(catalogue) == ["onet:2.A.1.a", "tech:python"]
    assert [r.title for r in catalogue["onet:2.A.1.a"]] == ["A title", "B title"]
    assert catalogue["tech:python"][0].hours == 2.0


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (GOOD.replace("https://", "http://"), "is not an https URL"),
        (GOOD.replace("\tdocs\t", "\tpodcast\t"), "kind 'podcast' is not one of"),
        (GOOD.replace("\tbeginner\t", "\texpert\t"), "difficulty 'expert' is not one of"),
        (GOOD.replace("\tfree\t", "\tcheap\t"), "cost 'cheap' is not one of"),
        (GOOD.replace("\t2\t", "\t0\t"), "hours 0 is outside"),
        (GOOD.replace("\t2\t", "\t250\t"), "hours 250 is outside"),
        (GOOD.replace("\t2\t", "\ttwo\t"), "hours 'two' is not a number"),
        (GOOD.replace("A title", ""), "title is empty"),
        (GOOD.rsplit("\t", 1)[0], "expected 9 tab-separated columns, found 8"),
        (GOOD.replace("onet:2.A.1.a", "python"), "has no namespace"),
    ],
)
def test_a_bad_line_is_reported_with_its_line_number(tmp_path: Path, bad_line: str, message: str) -> None:
    path = _write(tmp_path, HEADER, GOOD.replace("/a", "/first"), bad_line)
    with pytest.raises(CatalogueError, match=message) as error:
        load_catalogue(path)
    assert f"{path.resolve()}:3:" in str(error.value)


def test_a_duplicate_skill_and_url_names_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER, GOOD, GOOD.replace("A title", "Same link again"))
    with pytest.raises(CatalogueError, match=r":3: duplicate of line 2 \(same skill onet:2.A.1.a"):
        load_catalogue(path)


def test_a_wrong_header_or_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r":1: the header must be"):
        load_catalogue(_write(tmp_path, HEADER.replace("\tcost", ""), GOOD))
    with pytest.raises(CatalogueError, match="cannot read the catalogue"):
        load_catalogue(tmp_path / "absent.tsv")


def test_resources_for_puts_free_first_then_fewer_hours_then_file_order() -> None:
    paid = _resource("https://e.org/paid", cost="paid", hours=1)
    audit = _resource("https://e.org/audit", cost="free to audit", hours=1)
    long_free = _resource("https://e.org/long", hours=40)
    short_free = _resource("https://e.org/short", hours=2)
    tie = _resource("https://e.org/tie", hours=2)
    catalogue = {"tech:python": (paid, audit, long_free, short_free, tie)}
    assert resources_for("tech:python", catalogue, limit=5) == [short_free, tie, long_free, audit, paid]
    assert resources_for("tech:python", catalogue) == [short_free, tie, long_free]
    assert resources_for("tech:python", catalogue, limit=0) == []
    assert resources_for("tech:unknown", catalogue) == []


def test_resources_for_on_the_shipped_catalogue() -> None:
    found = resources_for("tech:python", load_catalogue(), limit=2)
    assert len(found) == 2 and all(r.skill_id == "tech:python" and r.cost == "free" for r in found)
    assert found[0].hours <= found[1].hours
