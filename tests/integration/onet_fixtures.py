"""Small O*NET releases cut from the real one in the shared data, for fast import tests."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from onet.release import REQUIRED_FILES

SHARED_DATA = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
ONET_SOURCE = SHARED_DATA / "onet"
_CODE_COLUMNS = ("O*NET-SOC Code", "Related O*NET-SOC Code")


def write_mini_release(folder: Path, codes: Iterable[str], *, version: str = "29.2") -> Path:
    """Copy the real release into `folder`, keeping only rows of the occupations in `codes`."""
    keep = set(codes)
    folder.mkdir(parents=True)
    for name in REQUIRED_FILES:
        lines = (ONET_SOURCE / name).read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        positions = [header.index(c) for c in _CODE_COLUMNS if c in header]
        kept = [lines[0]]
        for line in lines[1:]:
            fields = line.split("\t")
            if line and (not positions or all(fields[p] in keep for p in positions)):
                kept.append(line)
        (folder / name).write_text("\r\n".join(kept) + "\r\n", encoding="utf-8", newline="")
    (folder / "Read Me.txt").write_text(f"O*NET {version} Database\r\nA test cut of the release\r\n")
    return folder
