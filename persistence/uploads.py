"""Files a person uploaded, kept under the data folder in one folder per person."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

from persistence.errors import NotFoundError

MAX_NAME = 120
_UNSAFE = re.compile(r"[^\w.() -]+")


@dataclass(frozen=True)
class Upload:
    """One stored file: the name the person knows it by, where it lies, its size and hash."""

    name: str
    path: Path
    size: int
    sha256: str


def safe_name(filename: str) -> str:
    """The file name without folders or characters a file system could misread."""
    base = PurePath(filename.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip(" .")[:MAX_NAME]
    return cleaned or "upload"


def upload_dir(data_dir: Path, owner_id: int) -> Path:
    """The person's upload folder (created on demand)."""
    return data_dir / "uploads" / str(owner_id)


def save_upload(data_dir: Path, owner_id: int, filename: str, data: bytes) -> Upload:
    """Keep a file for the person; the same name uploaded again replaces the earlier file."""
    folder = upload_dir(data_dir, owner_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / safe_name(filename)
    partial = path.with_name(f".{path.name}.part")
    # Written aside, then renamed: a crash never leaves half a file under the real name.
    partial.write_bytes(data)
    os.replace(partial, path)
    return Upload(path.name, path, len(data), hashlib.sha256(data).hexdigest())


def list_uploads(data_dir: Path, owner_id: int) -> list[Upload]:
    """The person's files, newest first."""
    folder = upload_dir(data_dir, owner_id)
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    files.sort(key=lambda p: (-p.stat().st_mtime_ns, p.name))
    return [Upload(p.name, p, p.stat().st_size, "") for p in files]


def find_upload(data_dir: Path, owner_id: int, name: str | None) -> Upload:
    """The named file (or the newest one when no name is given) and its hash; NotFoundError if none."""
    files = list_uploads(data_dir, owner_id)
    if not files:
        raise NotFoundError("you have not uploaded a file yet: upload a PDF, DOCX, TXT or Markdown resume")
    chosen = files[0]
    if name:
        wanted = safe_name(name).lower()
        matches = [f for f in files if f.name.lower() == wanted] or [
            f for f in files if wanted in f.name.lower()
        ]
        if not matches:
            known = ", ".join(f.name for f in files[:5])
            raise NotFoundError(f"there is no upload named {name!r}; your files: {known}")
        chosen = matches[0]
    data = chosen.path.read_bytes()
    return Upload(chosen.name, chosen.path, len(data), hashlib.sha256(data).hexdigest())


def read_upload(upload: Upload) -> bytes:
    """The stored file's bytes."""
    return upload.path.read_bytes()
