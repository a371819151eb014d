"""Text of a DOCX resume in reading order: body, tables, text boxes, headers and footers."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement

from tools.resume.reading import Extracted, ResumeFileError, unsupported_error

MAX_ENTRIES = 5_000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECK_BYTES = 4 * 1024 * 1024
DOCUMENT_XML = "word/document.xml"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _R, _T = f"{_W}p", f"{_W}r", f"{_W}t"
_TBL, _TR, _TC = f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_TXBX = f"{_W}txbxContent"
_ALTERNATE, _CHOICE, _FALLBACK = f"{_MC}AlternateContent", f"{_MC}Choice", f"{_MC}Fallback"
_INLINE_TEXT = {
    f"{_W}tab": "\t",
    f"{_W}ptab": "\t",
    f"{_W}br": "\n",
    f"{_W}cr": "\n",
    f"{_W}noBreakHyphen": "-",
}
# Containers that only wrap content (content controls, custom XML, tracked insertions).
_WRAPPERS = {f"{_W}{name}" for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}
# Deleted or moved-away text, and properties, which never show on the page.
_HIDDEN = {f"{_W}{name}" for name in ("del", "moveFrom", "pPr", "rPr", "sdtPr", "tcPr", "trPr", "tblPr")}
_HEADER_FOOTER = re.compile(r"word/(header|footer)\d*\.xml")
_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d+)\s*</(?:\w+:)?Pages>")
_OTHER_ZIPS = (
    ("xl/workbook.xml", "a spreadsheet (XLSX)"),
    ("ppt/presentation.xml", "a presentation (PPTX)"),
    ("content.xml", "an OpenDocument file (ODT)"),
    ("Index/Document.iwa", "an Apple Pages document"),
    ("META-INF/container.xml", "an e-book (EPUB)"),
)
_SPACES = re.compile("[\u00a0\u202f]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Runs of spaces that only align text (and indentation) carry nothing a reader needs.
_EDGE_SPACES = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)
_SPACE_RUNS = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def extract_docx(data: bytes, *, label: str) -> Extracted:
    """Read a DOCX (or refuse another zip); raises ResumeFileError for damaged files and zip bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as error:
        raise _corrupt(label) from error
    check_unpacked_size(entries, label)
    names = {entry.filename for entry in entries}
    if DOCUMENT_XML not in names:
        raise unsupported_error(
            label, next((kind for name, kind in _OTHER_ZIPS if name in names), "a zip archive")
        )
    warnings: list[str] = []
    try:
        blocks = _read_with_python_docx(data)
    except Exception:  # python-docx fails on packages Word still opens, e.g. a bad media path
        try:
            blocks = _read_from_zip(archive)
        except Exception as error:  # damaged XML or zip entries
            raise _corrupt(label) from error
        warnings.append(
            "This Word file is slightly damaged, so its text was read straight from the document; "
            "check that nothing is missing."
        )
    text = "\n".join(blocks)
    text = _ZERO_WIDTH.sub("", _SPACES.sub(" ", text))
    text = _SPACE_RUNS.sub(" ", _EDGE_SPACES.sub("", text))
    text = _BLANK_LINES.sub("\n\n", text).strip("\n")
    if not text.strip() and any(name.startswith("word/media/") for name in names):
        raise ResumeFileError(
            f"{label} holds only pictures of the resume, no text: it seems to be scanned pages pasted "
            "into Word. Export a text-based PDF or DOCX from the editor the resume was written in and "
            "upload that.",
            reason="no_text_layer",
        )
    return Extracted(text=text, page_count=_page_count(archive, names), warnings=tuple(warnings))


def check_unpacked_size(entries: list[zipfile.ZipInfo], label: str) -> None:
    """Refuse a zip that would unpack to far more than any resume, before anything is decompressed.

    zipfile stops every read at the size an entry declares, so the declared sizes bound the work.
    """
    total = sum(entry.file_size for entry in entries)
    suspicious = any(
        entry.file_size > RATIO_CHECK_BYTES and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
        for entry in entries
    )
    if len(entries) > MAX_ENTRIES or total > MAX_UNPACKED_BYTES or suspicious:
        raise ResumeFileError(
            f"{label} expands to {total / (1024 * 1024):,.0f} MB in {len(entries):,} "
            f"part{'s' if len(entries) != 1 else ''} when unpacked, far more than any resume, so it was "
            "not opened (it may be a zip bomb). Upload the resume as a normal PDF or DOCX.",
            reason="zip_bomb",
        )


def _corrupt(label: str) -> ResumeFileError:
    return ResumeFileError(
        f"{label} seems to be a damaged Word document and cannot be opened. Save it again as DOCX or PDF "
        "and upload the new file.",
        reason="corrupt",
    )


def _read_with_python_docx(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    parts = sorted(
        (
            rel.target_part
            for rel in document.part.rels.values()
            if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external
        ),
        key=lambda part: str(part.partname),
    )
    return _assemble(document.element.body, [part.element for part in parts if isinstance(part, XmlPart)])


def _read_from_zip(archive: zipfile.ZipFile) -> list[str]:
    # Sizes were checked above and zipfile never reads past them, so these reads are bounded.
    document = parse_xml(archive.read(DOCUMENT_XML))
    body = document.find(f"{_W}body")
    if body is None:
        raise ValueError("document.xml has no body")
    names = sorted(name for name in archive.namelist() if _HEADER_FOOTER.fullmatch(name))
    return _assemble(body, [parse_xml(archive.read(name)) for name in names])


def _assemble(body: BaseOxmlElement, headers_footers: list[BaseOxmlElement]) -> list[str]:
    """Headers first (a resume's header holds the name), then the body, then footers; each once."""
    seen: set[str] = set()
    top: list[str] = []
    bottom: list[str] = []
    for root in headers_footers:
        lines = list(_blocks(root))
        text = "\n".join(lines).strip()
        if text and text not in seen:
            seen.add(text)
            (top if root.tag == f"{_W}hdr" else bottom).extend([*lines, ""])
    return [*top, *_blocks(body), "", *bottom]


def _blocks(parent: BaseOxmlElement) -> Iterator[str]:
    """The lines of block content (paragraphs, tables, content controls) in document order."""
    for child in parent:
        tag = child.tag
        if tag == _P:
            yield from _paragraph(child)
        elif tag == _TBL:
            yield from _table(child)
        elif tag == _ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                yield from _blocks(branch)
        elif tag in _WRAPPERS:
            yield from _blocks(child)


def _paragraph(paragraph: BaseOxmlElement) -> Iterator[str]:
    parts: list[str] = []
    boxes: list[BaseOxmlElement] = []
    _inline(paragraph, parts, boxes)
    yield "".join(parts)
    # Text boxes anchored in this paragraph read after its own text.
    for box in boxes:
        yield from _blocks(box)


def _inline(element: BaseOxmlElement, parts: list[str], boxes: list[BaseOxmlElement]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _INLINE_TEXT:
            parts.append(_INLINE_TEXT[tag])
        elif tag == _TXBX:
            boxes.append(child)
        elif tag == _ALTERNATE:
            # Word stores each shape twice (DrawingML choice, VML fallback): read only one copy.
            branch = _branch(child)
            if branch is not None:
                _inline(branch, parts, boxes)
        elif isinstance(tag, str) and tag not in _HIDDEN and not (tag == _R and _vanished(child)):
            _inline(child, parts, boxes)


def _vanished(run: BaseOxmlElement) -> bool:
    """True for a run formatted as hidden: never on the page, and a classic place to stuff keywords."""
    props = run.find(f"{_W}rPr")
    vanish = None if props is None else props.find(f"{_W}vanish")
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _branch(alternate: BaseOxmlElement) -> BaseOxmlElement | None:
    """The Choice of an mc:AlternateContent, or its Fallback when only that one holds text."""
    choice: BaseOxmlElement | None = alternate.find(_CHOICE)
    fallback: BaseOxmlElement | None = alternate.find(_FALLBACK)
    for branch in (choice, fallback):
        if branch is not None and any(t.text for t in branch.iter(_T)):
            return branch
    return choice if choice is not None else fallback


def _table(table: BaseOxmlElement) -> Iterator[str]:
    """Rows of short cells as "a | b | c"; rows of cells holding several lines (layout tables) as blocks."""
    for row in _unwrapped(table, _TR):
        cells: list[list[str]] = []
        for cell in _unwrapped(row, _TC):
            if _continues_merge(cell):
                continue
            lines = [line for block in _blocks(cell) for line in block.split("\n")]
            while lines and not lines[-1].strip():
                lines.pop()
            while lines and not lines[0].strip():
                lines.pop(0)
            if lines:
                cells.append(lines)
        if all(len(lines) == 1 for lines in cells):
            if cells:
                yield " | ".join(lines[0].strip() for lines in cells)
        else:
            for lines in cells:
                yield from lines
                yield ""


def _unwrapped(parent: BaseOxmlElement, tag: str) -> Iterator[BaseOxmlElement]:
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _unwrapped(child, tag)


def _continues_merge(cell: BaseOxmlElement) -> bool:
    """True for the lower part of a vertically merged cell, which repeats nothing but takes space."""
    props = cell.find(f"{_W}tcPr")
    merge = None if props is None else props.find(f"{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


def _page_count(archive: zipfile.ZipFile, names: set[str]) -> int | None:
    if "docProps/app.xml" not in names:
        return None
    try:
        found = _PAGES.search(archive.read("docProps/app.xml"))
    except Exception:  # a damaged properties part only loses the page count
        return None
    return int(found.group(1)) or None if found else None
