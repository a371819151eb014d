"""Fetching the newest O*NET text release from the official site, when the network allows."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ONET_SITE = "https://www.onetcenter.org/database.html"
_ZIP_LINK = re.compile(r"""["']([^"']*db_(\d+)_(\d+)_text\.zip)["']""")


class DownloadError(RuntimeError):
    """The release could not be fetched; the message says what to do instead."""


def download_release(dest_dir: Path, *, page_url: str = ONET_SITE, timeout: float = 30.0) -> Path:
    """Find the newest `db_XX_X_text.zip` linked from `page_url`, save it in `dest_dir`, return its path."""
    host = urlsplit(page_url).netloc
    advice = "download db_XX_X_text.zip from the O*NET site yourself and pass --source FILE"
    try:
        with urllib.request.urlopen(page_url, timeout=timeout) as response:
            page = response.read().decode("utf-8", errors="replace")
        links = sorted(
            ((int(major), int(minor), link) for link, major, minor in _ZIP_LINK.findall(page)), reverse=True
        )
        if not links:
            raise DownloadError(f"{page_url} links no O*NET text release: {advice}")
        _major, _minor, link = links[0]
        url = urljoin(page_url, link)
        target = dest_dir / Path(urlsplit(url).path).name
        dest_dir.mkdir(parents=True, exist_ok=True)
        _save(url, target, timeout)
        return target
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise DownloadError(f"could not download from {host} ({reason}): {advice}") from None


def _save(url: str, target: Path, timeout: float) -> None:
    # Written beside the target and renamed at the end, so a broken download leaves no zip.
    partial = target.with_name(target.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, partial.open("wb") as out:
            shutil.copyfileobj(response, out)
        partial.rename(target)
    finally:
        partial.unlink(missing_ok=True)
