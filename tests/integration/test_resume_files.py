"""read_resume over the real resume files in the shared data: 48 LiveCareer PDFs and 21 DOCX from GitHub.

The DOCX files hold real names and contact details: these tests compare counts and structure only and
never print, embed or assert on their text.
"""

from __future__ import annotations

import functools
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from tools.resume import pdf_text
from tools.resume.reading import (
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    Extracted,
    ResumeFileError,
    ResumeText,
    read_resume,
)

from .onet_fixtures import SHARED_DATA

REPO_ROOT = Path(__file__).resolve().parents[2]
RESUMES = REPO_ROOT / SHARED_DATA / "resumes"
PDFS = sorted((RESUMES / "pdf").glob("*.pdf"))
DOCXS = sorted((RESUMES / "docx").glob("*.docx"))

TEXT_BOXES = "5tigerjelly+resume__Resume_(1).docx"
CHINESE = "AeolusLau+Resume__resume.docx"
PYTHON_DOCX_FAILS = "Akshay-S07+Resume__resume.docx"
# Three full-page JPEGs and not one character of text: a scan saved as DOCX.
PICTURES_ONLY = {PYTHON_DOCX_FAILS}

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_INVISIBLE = re.compile(r"[\s|\u00ad\u200b-\u200d\ufeff]")
_MOJIBAKE = ("Â", "â€", "ï¼", "\u200b")


@functools.cache
def _read(path: Path) -> ResumeText:
    return read_resume(path.read_bytes(), filename=path.name)


@functools.cache
def _pdftotext() -> dict[str, str]:
    """The pdftotext text of each PDF here, by LiveCareer id."""
    wanted = {path.stem.split("_", 1)[1] for path in PDFS}
    found: dict[str, str] = {}
    with (RESUMES / "livecareer_resumes_text.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                found[row["id"]] = row["text"]
    return found


def test_the_shared_files_are_there() -> None:
    assert (len(PDFS), len(DOCXS)) == (48, 21)


# ---------------------------------------------------------------------------------------------- PDF


@pytest.mark.parametrize("path", PDFS, ids=[path.stem for path in PDFS])
def test_pdf(path: Path) -> None:
    result = _read(path)
    reference = _pdftotext()[path.stem.split("_", 1)[1]]
    assert result.file_kind == "pdf"
    # pdftotext ends every page with a form feed.
    assert result.page_count == reference.count("\f") >= 1
    assert result.word_count >= 150
    assert result.warnings == ()
    assert not [junk for junk in _MOJIBAKE if junk in result.text]
    assert result.text.split("\n")[0] == reference.strip().split("\n")[0].strip()
    # Cleaning lost nothing: (almost) every word pdftotext sees is in our text too.
    ours = {word.casefold() for word in _ASCII_WORD.findall(result.text)}
    theirs = [word.casefold() for word in _ASCII_WORD.findall(reference)]
    recall = sum(word in ours for word in theirs) / len(theirs)
    assert recall >= 0.95


def test_livecareer_role_header_is_one_clean_line() -> None:
    lines = _read(RESUMES / "pdf" / "ADVOCATE_12171093.pdf").text.split("\n")
    assert "Community Advocate Nov 2015 to Current Company Name, City, State" in lines
    assert "Lead Human Resource Recruiter May 2012 to Jan 2015 Company Name, City, State" in lines
    assert "Active listening skills" in lines


def test_quotes_and_accents_are_repaired() -> None:
    text = _read(RESUMES / "pdf" / "ACCOUNTANT_15289348.pdf").text
    assert "\u201cFire Project\u201d" in text


# ---------------------------------------------------------------------------------------------- DOCX


def _document_chars(path: Path) -> tuple[list[str], int]:
    """The visible text runs of a DOCX (one copy of each text box; headers once) and their length."""
    runs: list[str] = []
    size = 0
    seen_headers: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                continue
            part: list[str] = []
            _collect(ET.fromstring(archive.read(name)), part)
            joined = "".join(part)
            if name != "word/document.xml":
                if joined in seen_headers:
                    continue
                seen_headers.add(joined)
            runs.extend(part)
            size += len(joined)
    return runs, size


def _collect(element: ET.Element, out: list[str]) -> None:
    for child in element:
        if child.tag == _FALLBACK:
            continue
        if child.tag == f"{_W}t":
            text = _INVISIBLE.sub("", child.text or "")
            if text:
                out.append(text)
        else:
            _collect(child, out)


@pytest.mark.parametrize("path", DOCXS, ids=[path.name for path in DOCXS])
def test_docx(path: Path) -> None:
    if path.name in PICTURES_ONLY:
        with pytest.raises(ResumeFileError) as caught:
            _read(path)
        assert caught.value.reason == "no_text_layer"
        return
    result = _read(path)
    assert result.file_kind == "docx"
    assert result.page_count >= 1
    assert result.word_count >= 80
    runs, size = _document_chars(path)
    ours = _INVISIBLE.sub("", result.text)
    # Every piece of visible text is read (counts only: these files hold personal data) ...
    missing = sum(run not in ours for run in runs)
    assert missing == 0
    # ... and nothing twice: no text-box fallback copies, no repeated merged cells or headers.
    assert len(ours) <= size
    if path.name != CHINESE:
        assert result.warnings == ()


def test_python_docx_cannot_open_the_scanned_one_and_the_fallback_finds_no_text() -> None:
    path = RESUMES / "docx" / PYTHON_DOCX_FAILS
    with pytest.raises(KeyError):
        docx.Document(str(path))
    with pytest.raises(ResumeFileError) as caught:
        read_resume(path.read_bytes(), filename=path.name)
    assert caught.value.reason == "no_text_layer"
    assert "pictures" in str(caught.value)


def test_text_boxes_give_the_real_text() -> None:
    path = RESUMES / "docx" / TEXT_BOXES
    document = docx.Document(str(path))
    visible_to_python_docx = sum(len(p.text.split()) for p in document.paragraphs) + sum(
        len(cell.text.split()) for table in document.tables for row in table.rows for cell in row.cells
    )
    result = _read(path)
    assert visible_to_python_docx < 50
    assert result.word_count >= 250
    assert {"EDUCATION", "EXPERIENCE", "SKILLS"} <= set(result.text.split())


def test_chinese_resume_is_read_with_a_language_warning() -> None:
    result = _read(RESUMES / "docx" / CHINESE)
    assert len(re.findall("[\u4e00-\u9fff]", result.text)) > 1000
    assert result.word_count > 1000  # each Chinese character counts as a word
    assert result.warnings == (
        "This resume seems to be written in Chinese (or not in English); Jobmate reads English skill "
        "names, so some skills may be missing.",
    )
    for heading in ("教育", "项目", "技能"):  # education, projects, skills
        assert heading in result.text


def test_worker_processes_read_multi_page_pdfs_exactly_like_one_process() -> None:
    multi_page = [path for path in PDFS if len(pypdf.PdfReader(path).pages) >= 3][:4]
    assert multi_page, "the shared PDFs include resumes of three pages or more"
    alone = [_pdf(path, parallel=False) for path in multi_page]
    assert pdf_text.start_page_pool()
    try:
        pooled = [_pdf(path, parallel=True) for path in multi_page]
    finally:
        pdf_text.stop_page_pool()
    assert [e.text for e in pooled] == [e.text for e in alone]
    assert [e.page_count for e in pooled] == [e.page_count for e in alone]


def _pdf(path: Path, *, parallel: bool) -> Extracted:
    data = path.read_bytes()
    return pdf_text.extract_pdf(
        data, label=path.name, max_pages=MAX_PDF_PAGES, max_chars=MAX_TEXT_CHARS, parallel=parallel
    )
