"""Prints resume reading figures: PDF pages/s, DOCX files/s, the slowest files, a capped long PDF, memory.

Run: .venv/bin/python -m benchmarks.resume_reading   Reads the real resumes from JOBMATE_SHARED_DATA
(default ../shared/data). DOCX files are named by their place in the sorted list, never by name: their
file names can carry a person's name.
"""

from __future__ import annotations

import io
import os
import resource
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import pypdf

from tools.resume.reading import MAX_PDF_PAGES, ResumeFileError, read_resume


def _timed(data: bytes) -> tuple[float, int, str | None]:
    """Seconds to read one file, its page count (0 when refused) and the refusal reason."""
    started = time.perf_counter()
    try:
        pages = read_resume(data).page_count
    except ResumeFileError as error:
        return time.perf_counter() - started, 0, error.reason
    return time.perf_counter() - started, pages, None


def _long_pdf(page: bytes, copies: int) -> bytes:
    writer = pypdf.PdfWriter()
    source = pypdf.PdfReader(io.BytesIO(page)).pages[0]
    for _ in range(copies):
        writer.add_page(source)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def run(resumes: Path) -> None:
    """Read every shared PDF and DOCX and print the figures."""
    pdfs = {path.stem: path.read_bytes() for path in sorted((resumes / "pdf").glob("*.pdf"))}
    docxs = [path.read_bytes() for path in sorted((resumes / "docx").glob("*.docx"))]

    started = time.perf_counter()
    read_resume(next(iter(pdfs.values())))
    read_resume(docxs[0])
    print(f"{'first PDF + first DOCX incl. imports':<40} {time.perf_counter() - started:8.2f} s")

    timings = {stem: _timed(data) for stem, data in pdfs.items()}
    seconds = sum(t for t, _, _ in timings.values())
    pages = sum(p for _, p, _ in timings.values())
    slowest = max(timings, key=lambda stem: timings[stem][0])
    print(f"{'PDFs read':<40} {len(pdfs):8d} files, {pages} pages")
    print(f"{'PDF speed':<40} {pages / seconds:8.1f} pages/s ({seconds / pages * 1000:.0f} ms/page)")
    print(
        f"{'slowest PDF':<40} {timings[slowest][0] * 1000:8.0f} ms  "
        f"({slowest}, {timings[slowest][1]} pages, {len(pdfs[slowest]) / 1024:.0f} KB)"
    )

    docx_timings = [_timed(data) for data in docxs]
    seconds = sum(t for t, _, _ in docx_timings)
    slowest_index = max(range(len(docxs)), key=lambda i: docx_timings[i][0])
    refused = Counter(reason for _, _, reason in docx_timings if reason)
    print(
        f"{'DOCX speed':<40} {len(docxs) / seconds:8.1f} files/s ({seconds / len(docxs) * 1000:.0f} ms/file)"
    )
    print(
        f"{'slowest DOCX':<40} {docx_timings[slowest_index][0] * 1000:8.0f} ms  "
        f"(file {slowest_index + 1} of {len(docxs)}, {len(docxs[slowest_index]) / 1024:.0f} KB)"
    )
    print(f"{'DOCX refused':<40} {dict(refused) or 'none'}")

    heaviest = max(pdfs.values(), key=len)
    long_pdf = _long_pdf(heaviest, 200)
    elapsed, total, _ = _timed(long_pdf)
    print(f"{f'200-page PDF (cap {MAX_PDF_PAGES} pages)':<40} {elapsed:8.2f} s  ({total} pages reported)")

    # tracemalloc slows pypdf down about tenfold: trace only the slowest PDF and the largest DOCX.
    largest = max(range(len(docxs)), key=lambda i: len(docxs[i]))
    for label, data in ((slowest, pdfs[slowest]), (f"DOCX file {largest + 1}", docxs[largest])):
        tracemalloc.start()
        _timed(data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{'peak traced memory of one read':<40} {peak / 1e6:8.1f} MB  ({label})")


def main() -> None:
    """Run the benchmark and print its figures."""
    shared = Path(os.environ.get("JOBMATE_SHARED_DATA", "../shared/data"))
    run(shared / "resumes")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process':<40} {peak_mb:8.1f} MB")


if __name__ == "__main__":
    main()
