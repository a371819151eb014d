"""Reading an O*NET text release (a folder or its .zip): version, files and tab-separated rows."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED_FILES = (
    "Occupation Data.txt",
    "Content Model Reference.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Technology Skills.txt",
    "Tools Used.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Task Statements.txt",
    "Related Occupations.txt",
    "Job Zones.txt",
    "Education, Training, and Experience.txt",
)
OPTIONAL_FILES = ("Abilities.txt",)
_VERSION = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database", re.IGNORECASE)


class ReleaseError(ValueError):
    """The release cannot be read; the message says which files or what is wrong."""


@dataclass
class Release:
    """An opened O*NET text release; counts rows it had to skip per file."""

    source: Path
    version: str
    _members: dict[str, str]
    _zip: zipfile.ZipFile | None = None
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def missing_optional(self) -> list[str]:
        """Optional files this release does not have (imported without them)."""
        return [name for name in OPTIONAL_FILES if name not in self._members]

    def has(self, name: str) -> bool:
        """True when the release contains the file `name`."""
        return name in self._members

    def _open_bytes(self, name: str) -> bytes:
        member = self._members[name]
        if self._zip is not None:
            return self._zip.read(member)
        return Path(member).read_bytes()

    def fingerprint(self) -> str:
        """A sha256 over the files we import: the same release imported twice has the same one."""
        digest = hashlib.sha256(self.version.encode())
        for name in (*REQUIRED_FILES, *OPTIONAL_FILES):
            if name in self._members:
                digest.update(name.encode())
                digest.update(hashlib.sha256(self._open_bytes(name)).digest())
        return digest.hexdigest()

    def rows(self, name: str, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
        """The rows of `name` as dicts of `columns`; rows with a wrong shape are skipped and counted.

        O*NET writes missing values as `n/a`; they come back as empty strings.
        """
        text = self._open_bytes(name).decode("utf-8-sig", errors="replace")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            raise ReleaseError(f"{name} is empty")
        header = [h.strip() for h in header]
        missing = [c for c in columns if c not in header]
        if missing:
            raise ReleaseError(f"{name} lacks the columns: {', '.join(missing)}")
        positions = [header.index(c) for c in columns]
        for raw in reader:
            if not raw or raw == [""]:
                continue
            if len(raw) != len(header):
                self.skipped[name] += 1
                continue
            values = [raw[i].strip() for i in positions]
            yield {c: ("" if v == "n/a" else v) for c, v in zip(columns, values, strict=True)}

    def close(self) -> None:
        """Close the zip file, if the release is one."""
        if self._zip is not None:
            self._zip.close()


def open_release(source: Path) -> Release:
    """Open a release folder or zip, checking that every required file is there."""
    if not source.exists():
        raise ReleaseError(f"no O*NET release at {source}: pass a db_XX_X_text folder or .zip")
    archive: zipfile.ZipFile | None = None
    if source.is_dir():
        members = {p.name: str(p) for p in source.iterdir() if p.is_file()}
    elif zipfile.is_zipfile(source):
        archive = zipfile.ZipFile(source)
        # Official zips keep the files in one top folder (db_29_2_text/...).
        members = {Path(n).name: n for n in archive.namelist() if not n.endswith("/")}
    else:
        raise ReleaseError(f"{source} is neither a folder nor a zip file")
    missing = [name for name in REQUIRED_FILES if name not in members]
    if missing:
        if archive is not None:
            archive.close()
        raise ReleaseError(f"the O*NET release at {source} is missing: {', '.join(missing)}")
    release = Release(source=source, version="", _members=members, _zip=archive)
    release.version = _read_version(release)
    return release


def _read_version(release: Release) -> str:
    if release.has("Read Me.txt"):
        match = _VERSION.search(release._open_bytes("Read Me.txt").decode("utf-8", errors="replace"))
        if match:
            return match.group(1)
    folder = re.search(r"db_(\d+)_(\d+)_text", str(release.source))
    if folder:
        return f"{folder.group(1)}.{folder.group(2)}"
    raise ReleaseError(
        f"cannot tell the O*NET version of {release.source}: it has no 'Read Me.txt' naming it"
    )
