"""Text of a PDF resume with pypdf, cleaned of the split lines and mojibake that PDF export leaves."""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
import re
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextvars import ContextVar

import pypdf
from pypdf.errors import FileNotDecryptedError

from tools.resume.reading import Extracted, ResumeFileError, no_text_layer_error

# The messages pypdf logs while the current page is read (None: not reading a page).
_page_problems: ContextVar[list[str] | None] = ContextVar("pypdf_page_problems", default=None)


class _PageProblems(logging.Handler):
    """Keeps what pypdf logs for the page being read: a broken stream is only logged, never raised."""

    def emit(self, record: logging.LogRecord) -> None:
        problems = _page_problems.get()
        if problems is not None:
            problems.append(record.getMessage())


_PYPDF_LOG = logging.getLogger("pypdf")
if not any(isinstance(handler, _PageProblems) for handler in _PYPDF_LOG.handlers):
    _PYPDF_LOG.addHandler(_PageProblems())
_PYPDF_LOG.setLevel(logging.WARNING)
# pypdf logs every recoverable defect it meets; they belong in a page's warning, not the application log.
_PYPDF_LOG.propagate = False

# A byte as cp1252 shows it; the five bytes cp1252 leaves undefined come through as C1 controls (latin-1).
_BYTE_OF = {bytes([b]).decode("latin-1"): b for b in range(0x80, 0x100)}
for _b in range(0x80, 0xA0):
    try:
        _BYTE_OF[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        continue
_CONT = "[" + "".join(re.escape(ch) for ch, b in _BYTE_OF.items() if b < 0xC0) + "]"
# A UTF-8 sequence read as cp1252: a lead byte followed by the continuation bytes it announces.
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}}")
# Sequences whose last byte was one of cp1252's undefined ones and came out of the PDF as a
# zero-width space: what they stood for, judged from the LiveCareer exports.
_BROKEN = {
    "\u00e2\u20ac\u200b": "\u201d",  # E2 80 9D: a closing double quote
    "\u00ef\u00bc\u200b": ",",  # EF BC 8x: full-width punctuation LiveCareer puts between company and city
    "\u00ef\u00bc": ",",
    "\u00c2\u200b": " ",  # C2 8x/9x: a C1 control, nothing readable
}
_BROKEN_RE = re.compile("|".join(re.escape(key) for key in _BROKEN))
# "Â" before a space is a no-break space (C2 A0) whose second byte was turned into a plain space.
_NBSP_MOJIBAKE = re.compile("\u00c2(?:[ \u00a0]|$)", re.MULTILINE)
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_SPACES = re.compile("[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SPACE_BEFORE_COMMA = re.compile(" +(?=[,;])")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# pypdf parses page content in pure Python, about 0.2 s a page for these exports. A long-running
# process (the chat server) starts a pool of worker processes once, and every later PDF of several
# pages is spread over them, one per core; a one-shot command reads in its own process, because
# starting workers costs more than it saves there. forkserver workers start clean, without the
# threads of the process that asks (a web server, onnxruntime). Like any multiprocessing pool, it
# needs the main script to be import-safe (`if __name__ == "__main__":`).
MAX_WORKERS = 4
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _worker_count() -> int:
    return min(MAX_WORKERS, len(os.sched_getaffinity(0)))


def _ready() -> bool:
    """Run in each worker once, so pypdf is imported before the first real page arrives."""
    return pypdf.__version__ != ""


def start_page_pool() -> bool:
    """Start the worker processes for PDF pages (once); False when there is only one core."""
    global _pool  # noqa: PLW0603 - one pool per process
    with _pool_lock:
        if _pool is None and _worker_count() > 1:
            context = multiprocessing.get_context("forkserver")
            _pool = ProcessPoolExecutor(_worker_count(), mp_context=context)
            futures = [_pool.submit(_ready) for _ in range(_worker_count())]
            for future in futures:
                future.result()
        return _pool is not None


def stop_page_pool() -> None:
    """Stop the worker processes; PDFs are read in this process afterwards."""
    global _pool  # noqa: PLW0603
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def read_pages(data: bytes, numbers: list[int]) -> list[str | None]:
    """Texts of the given 1-based pages (None for a broken page); runs in a worker process."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    return [_page_text(reader.pages[number - 1]) for number in numbers]


def _parallel_texts(data: bytes, count: int) -> list[str | None] | None:
    """All `count` pages read across the worker processes, or None when that is not possible."""
    pool = _pool
    if pool is None:
        return None
    workers = min(_worker_count(), count)
    # Interleaved, so every worker gets a share of long and short pages alike.
    blocks = [list(range(first, count + 1, workers)) for first in range(1, workers + 1)]
    try:
        results = list(pool.map(read_pages, [data] * len(blocks), blocks))
    except (BrokenProcessPool, OSError, RuntimeError):
        stop_page_pool()  # a crashed or stopped pool: read in this process from now on
        return None
    texts: list[str | None] = [None] * count
    for block, result in zip(blocks, results, strict=True):
        for number, text in zip(block, result, strict=True):
            texts[number - 1] = text
    return texts


def _sequential_texts(reader: pypdf.PdfReader, count: int) -> Iterator[str | None]:
    for number in range(1, count + 1):
        yield _page_text(reader.pages[number - 1])


def extract_pdf(
    data: bytes, *, label: str, max_pages: int, max_chars: int, parallel: bool = True
) -> Extracted:
    """Read the text of up to `max_pages` pages; raises ResumeFileError for locked, broken or scanned PDFs."""
    reader = _open(data, label)
    total = len(reader.pages)
    warnings: list[str] = []
    pages: list[str] = []
    failed: list[int] = []
    size = 0
    body = data[max(0, data.find(b"%PDF-", 0, 1024)) :]
    count = min(total, max_pages)
    pooled = _parallel_texts(body, count) if parallel and count > 1 else None
    texts: Iterable[str | None] = pooled if pooled is not None else _sequential_texts(reader, count)
    for number, page in enumerate(texts, start=1):
        if page is None:
            failed.append(number)
            continue
        pages.append(page)
        size += len(page)
        if size > max_chars:
            break  # the rest would be cut anyway (and the cut is warned about), so do not parse it
    else:
        if total > max_pages:
            warnings.append(f"This PDF has {total} pages; only the first {max_pages} were read.")
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise _corrupt(label) if failed else no_text_layer_error(label)
    if failed:
        listed = ", ".join(str(n) for n in failed)
        warnings.append(f"Some pages could not be read and were skipped (page {listed}).")
    return Extracted(text=text, page_count=total, warnings=tuple(warnings))


def _open(data: bytes, label: str) -> pypdf.PdfReader:
    locked = ResumeFileError(
        f"{label} is protected by a password. Remove the password (save or print it as a new PDF) and "
        "upload it again.",
        reason="encrypted",
    )
    # Offsets inside a PDF count from its header, so junk before "%PDF-" is cut off.
    start = data.find(b"%PDF-", 0, 1024)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data[start:]))
        if reader.is_encrypted and not reader.decrypt(""):
            raise locked
        if len(reader.pages) == 0:
            raise _corrupt(label)
    except ResumeFileError:
        raise
    except FileNotDecryptedError as error:
        raise locked from error
    except Exception as error:  # pypdf raises many kinds (and plain ones) for broken files
        raise _corrupt(label) from error
    return reader


def _corrupt(label: str) -> ResumeFileError:
    return ResumeFileError(
        f"{label} seems to be damaged or incomplete and cannot be read as a PDF. Export it again from "
        "your editor and upload the new file.",
        reason="corrupt",
    )


def _page_text(page: pypdf.PageObject) -> str | None:
    """The cleaned text of one page, or None when the page is broken (pypdf raised, or logged and gave up)."""
    problems: list[str] = []
    token = _page_problems.set(problems)
    try:
        raw = page.extract_text()
    except Exception:  # a broken page (pypdf or plain errors) fails only itself
        return None
    finally:
        _page_problems.reset(token)
    if problems and not raw.strip():
        return None
    return clean_pdf_text(raw)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was read as cp1252 or latin-1 ("CafÃ©" -> "Café", "â€œ" -> a left quote)."""
    text = _NBSP_MOJIBAKE.sub("\u00a0", text)
    text = _MOJIBAKE.sub(_decode_match, text)
    return _BROKEN_RE.sub(lambda match: _BROKEN[match.group()], text)


def _decode_match(match: re.Match[str]) -> str:
    found = match.group()
    try:
        decoded = bytes(_BYTE_OF[ch] for ch in found).decode("utf-8")
    except UnicodeDecodeError:
        return found
    code = ord(decoded)
    # A capital letter before punctuation looks the same ("JOSÉ" + quote, "RÉSUMÉ" + no-break space) and would
    # decode to IPA or Greek; mojibake in English resumes decodes to Latin letters and punctuation.
    if len(found) == 2 and code > 0x17F:
        return found
    if len(found) == 3 and not (0x2000 <= code <= 0x2BFF or 0xE000 <= code <= 0xF8FF or code >= 0xFE00):
        return found
    return decoded


def clean_pdf_text(raw: str) -> str:
    """Join the fragments pypdf splits lines into, repair mojibake and tidy spaces and blank lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", repair_mojibake(text)).translate(_LIGATURES)
    text = _CONTROLS.sub("", text)
    lines: list[str] = []
    join_next = False
    for line in text.split("\n"):
        if line and not line.strip(" \t"):
            # A line of plain spaces is a gap inside one visual line: glue its neighbours together.
            join_next = bool(lines and lines[-1])
            continue
        if join_next and line:
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
        # A line ending in a plain space was cut in the middle; no-break spaces at the end are padding.
        trailing = line[len(line.rstrip(" \t\u00a0")) :]
        join_next = bool(trailing) and "\u00a0" not in trailing
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines)
    text = _SPACE_BEFORE_COMMA.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")
