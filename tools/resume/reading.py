"""Turn uploaded bytes into resume text, deciding the kind of file by its content, never its name."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

REASONS = ("empty", "too_large", "unsupported_type", "encrypted", "no_text_layer", "corrupt", "zip_bomb")
MAX_TEXT_CHARS = 100_000
MAX_PDF_PAGES = 40
WORDS_PER_PAGE = 450

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
UPLOAD_HINT = "Upload a PDF, DOCX, TXT or Markdown file."

# Magic numbers of files people upload by mistake, so the message can say what the file looks like.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (0, b"\xff\xd8\xff", "an image (JPEG)"),
    (0, b"GIF8", "an image (GIF)"),
    (0, b"II*\x00", "an image (TIFF)"),
    (0, b"MM\x00*", "an image (TIFF)"),
    (8, b"WEBP", "an image (WebP)"),
    (4, b"ftypheic", "an image (HEIC)"),
    (4, b"ftypavif", "an image (AVIF)"),
    (4, b"ftyp", "a video or audio file"),
    (0, b"ID3", "an audio file (MP3)"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an older Word (.doc) or other Office 97-2003 file"),
    (0, b"{\\rtf", "a Rich Text (RTF) document"),
    (0, b"%!PS", "a PostScript file"),
    (0, b"\x7fELF", "a program (ELF executable)"),
    (0, b"\x1f\x8b", "a compressed archive (gzip)"),
    (0, b"7z\xbc\xaf\x27\x1c", "a compressed archive (7-Zip)"),
    (0, b"Rar!\x1a\x07", "a compressed archive (RAR)"),
    (0, b"\xfd7zXZ\x00", "a compressed archive (xz)"),
    (0, b"SQLite format 3\x00", "a database file (SQLite)"),
)
# Documents the person can re-save from their editor; images and archives are another matter.
_RESAVABLE = ("an older Word", "a Rich Text", "a PostScript", "an OpenDocument", "an Apple Pages")
_RESAVE_HINT = "Save it as DOCX or PDF in your editor and upload that."
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_GUESSED_ENCODINGS = {"cp1252": "Windows-1252", "latin-1": "Latin-1"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MARKDOWN = re.compile(r"^#{1,6} \S|^\s*[-*+] .*\*\*\S|\[[^\]\n]+\]\([^)\s]+\)", re.MULTILINE)
# Han and kana are written without spaces, so each character counts as one word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")
_LATIN_WORD = re.compile(r"[a-z]+")
_FUNCTION_WORDS = frozenset(
    {
        "the", "and", "of", "to", "in", "for", "with", "a", "an", "on", "as", "at", "by", "from",
        "is", "was", "or", "be", "are", "my", "i", "our", "this", "that", "have", "has", "will",
    }
)  # fmt: skip
# Frequent words of other languages written in Latin letters (Spanish, French, German, Portuguese,
# Italian, Dutch) that are not English words too.
_OTHER_FUNCTION_WORDS = frozenset(
    {
        "de", "la", "el", "en", "y", "los", "las", "por", "con", "para", "que", "und", "der", "das",
        "mit", "von", "zu", "le", "les", "et", "des", "du", "une", "pour", "dans", "avec", "di", "della",
        "het", "een", "voor", "met",
    }
)  # fmt: skip
_SCRIPTS = (
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "a Cyrillic-script language"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic script"),
    (0x0900, 0x097F, "Devanagari script"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Korean"),
    (0x3040, 0x30FF, "Japanese"),
    (0x3400, 0x4DBF, "Chinese"),
    (0x4E00, 0x9FFF, "Chinese"),
    (0xAC00, 0xD7AF, "Korean"),
)


class ResumeFileError(ValueError):
    """A file Jobmate cannot read as a resume; str(error) is a one-sentence message for the person."""

    def __init__(self, message: str, *, reason: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown reason {reason!r}")
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class ResumeText:
    """The cleaned text of one resume file and what was learned while reading it."""

    text: str
    file_kind: str
    content_type: str
    page_count: int
    word_count: int
    warnings: tuple[str, ...]
    encoding: str | None


@dataclass(frozen=True)
class Extracted:
    """What a format reader returns: raw text, real page count (None: unknown) and warnings."""

    text: str
    page_count: int | None
    warnings: tuple[str, ...] = ()


def file_label(filename: str) -> str:
    """The file as a message names it: its quoted base name, or "This file" when there is none."""
    name = _CONTROL.sub("", PurePath(filename.replace("\\", "/")).name).strip()
    if not name:
        return "This file"
    return f'"{name[:77]}..."' if len(name) > 80 else f'"{name}"'


def read_resume(data: bytes, *, filename: str = "", max_bytes: int = 10 * 1024 * 1024) -> ResumeText:
    """Read an uploaded resume (PDF, DOCX, plain text or Markdown) into cleaned text.

    The kind of file is decided by its content; `filename` only names the file in messages.
    Raises ResumeFileError with a message for the person when the file cannot be read as a resume.
    """
    label = file_label(filename)
    if not data:
        raise ResumeFileError(f"{label} is empty (0 bytes); upload the resume file again.", reason="empty")
    if len(data) > max_bytes:
        size, limit = _size(len(data)), _size(max_bytes)
        # "is 10.0 MB; the limit is 10 MB" would read as a contradiction.
        over = f"just over the {limit} limit" if _same(size, limit) else f"{size}; the limit is {limit}"
        raise ResumeFileError(
            f"{label} is {over}, so upload a shorter file or a PDF without large images.", reason="too_large"
        )
    encoding: str | None = None
    if data.startswith(_ZIP_MAGIC):
        # Imported on first use: python-docx and pypdf take a good part of a second to import.
        from tools.resume import docx_text  # noqa: PLC0415

        kind, content_type = "docx", DOCX_TYPE
        extracted = docx_text.extract_docx(data, label=label)
    elif b"%PDF-" in data[:1024]:
        from tools.resume import pdf_text  # noqa: PLC0415

        kind, content_type = "pdf", PDF_TYPE
        extracted = pdf_text.extract_pdf(data, label=label, max_pages=MAX_PDF_PAGES, max_chars=MAX_TEXT_CHARS)
    else:
        _refuse_known_binary(data, label)
        kind = "text"
        extracted, encoding = _decode_text(data, label)
        content_type = (
            "text/markdown" if _MARKDOWN.search(extracted.text, 0, MAX_TEXT_CHARS) else "text/plain"
        )
    return _finish(extracted, kind=kind, content_type=content_type, encoding=encoding, label=label)


def no_text_layer_error(label: str) -> ResumeFileError:
    """The error for a PDF whose pages hold no text, only pictures of it."""
    return ResumeFileError(
        f"{label} has no text layer: it seems to be scanned images of pages. Export a text-based PDF or a "
        "DOCX from the editor the resume was written in and upload that.",
        reason="no_text_layer",
    )


def _size(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def unsupported_error(label: str, what: str) -> ResumeFileError:
    """The error for a file that looks like `what` ("an image (PNG)"), which is not a resume document."""
    hint = _RESAVE_HINT if what.startswith(_RESAVABLE) else UPLOAD_HINT
    return ResumeFileError(
        f"{_subject(label)} like {what}, not a resume document. {hint}", reason="unsupported_type"
    )


def _same(size: str, limit: str) -> bool:
    (value, unit), (limit_value, limit_unit) = size.split(), limit.split()
    return unit == limit_unit and float(value) == float(limit_value)


def _refuse_known_binary(data: bytes, label: str) -> None:
    for offset, magic, what in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            raise unsupported_error(label, what)


def _subject(label: str) -> str:
    return "This looks" if label == "This file" else f"{label} looks"


def _decode_text(data: bytes, label: str) -> tuple[Extracted, str]:
    """Decode by byte-order mark, else strict UTF-8, else Windows-1252, else Latin-1."""
    warnings: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError:
                continue
            break
    else:
        if b"\x00" in data:
            raise _binary(label)
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            break
        if encoding in _GUESSED_ENCODINGS:
            warnings.append(
                f"The file is not UTF-8 and was read as {_GUESSED_ENCODINGS[encoding]} text; "
                "check that accented characters look right."
            )
    text = text.removeprefix("\ufeff")
    controls = len(text) - len(_CONTROL.sub("", text))
    if "\x00" in text or controls > max(2, len(text) // 20):
        raise _binary(label)
    return Extracted(text=text, page_count=None, warnings=tuple(warnings)), encoding


def _binary(label: str) -> ResumeFileError:
    return ResumeFileError(
        f"{_subject(label)} like binary data, not a PDF, DOCX or text document. {UPLOAD_HINT}",
        reason="unsupported_type",
    )


def _finish(
    extracted: Extracted, *, kind: str, content_type: str, encoding: str | None, label: str
) -> ResumeText:
    warnings = list(extracted.warnings)
    # Only the start is kept, so only the start (with room for what tidying removes) is tidied.
    cut = len(extracted.text) > 2 * MAX_TEXT_CHARS
    text = extracted.text[: 2 * MAX_TEXT_CHARS].replace("\r\n", "\n").replace("\r", "\n")
    # Control characters are never content, and a stray one would confuse every later step.
    text = unicodedata.normalize("NFC", _STRAY_CONTROL.sub("", text))
    if not text.strip():
        if kind == "pdf":
            raise no_text_layer_error(label)
        raise ResumeFileError(f"{label} contains no text: the document is empty.", reason="empty")
    if cut or len(text) > MAX_TEXT_CHARS:
        text = cut_at_line(text, MAX_TEXT_CHARS)
        warnings.append(f"This resume is very long: only the first {MAX_TEXT_CHARS:,} characters were read.")
    language = foreign_language(text)
    if language:
        written = (
            "in a language other than English" if language == "?" else f"in {language} (or not in English)"
        )
        warnings.append(
            f"This resume seems to be written {written}; Jobmate reads English skill names, "
            "so some skills may be missing."
        )
    words = count_words(text)
    pages = extracted.page_count or max(1, math.ceil(words / WORDS_PER_PAGE))
    return ResumeText(
        text=text,
        file_kind=kind,
        content_type=content_type,
        page_count=pages,
        word_count=words,
        warnings=tuple(dict.fromkeys(warnings)),
        encoding=encoding,
    )


def cut_at_line(text: str, limit: int) -> str:
    """The first `limit` characters of `text`, ending at a line break when one is near the end."""
    head = text[:limit]
    newline = head.rfind("\n")
    return head[:newline] if newline > limit * 0.9 else head


def count_words(text: str) -> int:
    """Whitespace-separated words, counting each Chinese or Japanese character as a word."""
    return sum(1 for _ in _WORD.finditer(text))


def foreign_language(text: str) -> str | None:
    """The language `text` seems to be in when that is not English ("?" when it has no name), else None."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    scripts: dict[str, int] = {}
    for ch in letters:
        code = ord(ch)
        if code >= 0x0370:
            for low, high, name in _SCRIPTS:
                if low <= code <= high:
                    scripts[name] = scripts.get(name, 0) + 1
                    break
    if scripts and sum(scripts.values()) > 0.3 * len(letters):
        # Japanese mixes kana with Han characters: any real share of kana decides it.
        if scripts.get("Japanese", 0) > 0.05 * len(letters):
            return "Japanese"
        return max(scripts, key=lambda name: scripts[name])
    words = _LATIN_WORD.findall(text.lower())
    english = sum(word in _FUNCTION_WORDS for word in words)
    # Real English resumes here have 10% or more function words; a bare list of skills may have none,
    # so it takes a long text without them, or more foreign ones than English ones, to warn.
    foreign = sum(word in _OTHER_FUNCTION_WORDS for word in words)
    if (len(words) >= 150 and english < 0.03 * len(words)) or (
        len(words) >= 30 and foreign > max(english, 2)
    ):
        return "?"
    return None
