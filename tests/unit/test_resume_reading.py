"""read_resume on files built in the test: every kind of file, every way a file can be refused."""

from __future__ import annotations

import io
import logging
import zipfile

import docx
import pypdf
import pytest
from docx.oxml.parser import parse_xml

from tools.resume import reading
from tools.resume.docx_text import MAX_ENTRIES
from tools.resume.pdf_text import clean_pdf_text, repair_mojibake
from tools.resume.reading import (
    DOCX_TYPE,
    MAX_PDF_PAGES,
    MAX_TEXT_CHARS,
    REASONS,
    ResumeFileError,
    count_words,
    read_resume,
)

BROKEN = object()  # a page whose content stream is not valid deflate data

# ---------------------------------------------------------------------------------------------- builders


def make_pdf(pages: list[list[str] | object]) -> bytes:
    """A small real PDF: one Helvetica text line per string, or a broken stream for BROKEN."""
    count = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>"
        % (count, b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        if lines is BROKEN:
            body = b"x\x9c this is not deflate data at all"
            stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(body), body)
        else:
            assert isinstance(lines, list)
            shown = b"".join(
                b"(%s) Tj T* "
                % line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
                for line in lines
            )
            body = b"BT /F1 11 Tf 72 720 Td 14 TL " + shown + b"ET"
            stream = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(stream)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def encrypt(pdf: bytes, user: str, *, owner: str | None = None, algorithm: str | None = None) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    writer.encrypt(user, owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rezip(data: bytes, *, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> bytes:
    """A copy of a zip with some entries replaced (or added) or dropped."""
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename not in drop:
                target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in replace.items():
            if name not in source.namelist():
                target.writestr(name, content)
    return out.getvalue()


_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def text_box_run(text: str) -> str:
    """A run holding a text box the way Word writes it: a DrawingML choice and a VML fallback copy."""
    box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return (
        f"<w:r {_NS}><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing>'
        "</mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def zip_of(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def refused(data: bytes, reason: str, **kwargs: object) -> str:
    with pytest.raises(ResumeFileError) as caught:
        read_resume(data, **kwargs)  # type: ignore[arg-type]
    assert caught.value.reason == reason
    return str(caught.value)


# ---------------------------------------------------------------------------------------------- sniffing


def test_error_reasons_are_the_published_ones() -> None:
    assert ResumeFileError("x", reason="corrupt").reason == "corrupt"
    with pytest.raises(ValueError, match="unknown reason"):
        ResumeFileError("x", reason="bad")
    assert issubclass(ResumeFileError, ValueError)
    assert len(REASONS) == 7


def test_zero_bytes_is_empty() -> None:
    message = refused(b"", "empty", filename="resume.pdf")
    assert '"resume.pdf"' in message and "0 bytes" in message


def test_oversize_names_both_sizes() -> None:
    message = refused(b"x" * 3 * 1024 * 1024, "too_large", filename="cv.txt", max_bytes=2 * 1024 * 1024)
    assert "3 MB" in message and "limit is 2 MB" in message


def test_a_file_just_over_the_limit_is_not_said_to_be_as_large_as_the_limit() -> None:
    message = refused(b"x" * (2 * 1024 * 1024 + 1), "too_large", max_bytes=2 * 1024 * 1024)
    assert (
        message
        == "This file is just over the 2 MB limit, so upload a shorter file or a PDF without large images."
    )


def test_size_limit_is_inclusive() -> None:
    assert read_resume(b"Python developer", max_bytes=16).text == "Python developer"


def test_png_named_pdf_is_called_an_image() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    message = refused(png, "unsupported_type", filename="resume.pdf")
    assert message.startswith('"resume.pdf" looks like an image (PNG), not a resume document.')
    assert "Upload a PDF, DOCX, TXT or Markdown file." in message


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "an image (JPEG)"),
        (b"GIF89a" + bytes(100), "an image (GIF)"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "ELF"),
        (b"\x1f\x8b\x08\x00" + bytes(100), "gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "older Word (.doc)"),
        (b"{\\rtf1\\ansi Python developer}", "Rich Text"),
    ],
)
def test_known_binaries_say_what_they_look_like(data: bytes, what: str) -> None:
    message = refused(data, "unsupported_type")
    assert message.startswith("This looks like") and what in message


def test_old_word_file_is_asked_to_be_saved_as_docx() -> None:
    message = refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unsupported_type", filename="cv.doc")
    assert "Save it as DOCX or PDF" in message


def test_the_name_never_decides_the_kind() -> None:
    pdf = make_pdf([["Registered Nurse"]])
    assert read_resume(pdf, filename="resume.txt").file_kind == "pdf"
    as_text = read_resume(b"Registered Nurse", filename="resume.pdf")
    assert (as_text.file_kind, as_text.content_type) == ("text", "text/plain")


def test_filename_is_reduced_to_a_clean_base_name() -> None:
    message = refused(b"", "empty", filename="C:\\Users\\someone\\cv\x07.pdf")
    assert message.startswith('"cv.pdf" is empty')


# ---------------------------------------------------------------------------------------------- PDF


def test_pdf_text_and_facts() -> None:
    result = read_resume(make_pdf([["Registered Nurse", "Patient care and triage"], ["Page two"]]))
    assert result.text == "Registered Nurse\nPatient care and triage\n\nPage two"
    assert (result.file_kind, result.content_type, result.page_count) == ("pdf", "application/pdf", 2)
    assert result.word_count == 8
    assert result.warnings == ()
    assert result.encoding is None


def test_junk_before_the_pdf_header_is_allowed() -> None:
    result = read_resume(b"\r\nmail gateway banner\r\n" + make_pdf([["Line cook"]]))
    assert result.text == "Line cook"


@pytest.mark.parametrize("algorithm", [None, "AES-256"])
def test_encrypted_pdf(algorithm: str | None) -> None:
    message = refused(
        encrypt(make_pdf([["Secret"]]), "secret", algorithm=algorithm), "encrypted", filename="cv.pdf"
    )
    assert "password" in message and "upload it again" in message


def test_pdf_with_an_empty_user_password_is_read() -> None:
    locked = encrypt(make_pdf([["Staff accountant"]]), "", owner="owner-only")
    assert read_resume(locked).text == "Staff accountant"


def test_pdf_without_text_layer() -> None:
    message = refused(blank_pdf(), "no_text_layer", filename="scan.pdf")
    assert "scanned images" in message and "text-based PDF" in message and "DOCX" in message


@pytest.mark.parametrize("cut", [0.5, 0.1])
def test_truncated_pdf_is_corrupt(cut: float) -> None:
    pdf = make_pdf([["Welder " * 40] for _ in range(3)])
    message = refused(pdf[: int(len(pdf) * cut)], "corrupt", filename="cv.pdf")
    assert "damaged" in message


def test_garbage_after_the_pdf_header_is_corrupt() -> None:
    refused(b"%PDF-1.7\n" + bytes(range(256)) * 8, "corrupt")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.names: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.names.append(record.name)


def test_broken_page_is_skipped_with_a_warning_and_not_logged() -> None:
    # (pytest's caplog hooks non-propagating loggers itself, so look at what the root logger gets)
    root = logging.getLogger()
    seen = _Collect()
    root.addHandler(seen)
    try:
        result = read_resume(make_pdf([["Page one"], BROKEN, ["Page three"]]))
    finally:
        root.removeHandler(seen)
    assert result.text == "Page one\n\nPage three"
    assert result.page_count == 3
    assert result.warnings == ("Some pages could not be read and were skipped (page 2).",)
    assert not [name for name in seen.names if name.startswith("pypdf")]


def test_pdf_whose_every_page_is_broken_is_corrupt() -> None:
    refused(make_pdf([BROKEN, BROKEN]), "corrupt")


def test_page_that_raises_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    original = pypdf.PageObject.extract_text

    def flaky(page: pypdf.PageObject, *args: object, **kwargs: object) -> str:
        if page.page_number == 0:
            raise RuntimeError("broken font program")
        return original(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pypdf.PageObject, "extract_text", flaky)
    result = read_resume(make_pdf([["One"], ["Two"]]))
    assert result.text == "Two"
    assert result.warnings == ("Some pages could not be read and were skipped (page 1).",)


def test_pages_beyond_the_cap_are_not_read() -> None:
    result = read_resume(make_pdf([[f"Page {n}"] for n in range(1, MAX_PDF_PAGES + 6)]))
    assert result.page_count == MAX_PDF_PAGES + 5
    assert f"Page {MAX_PDF_PAGES}" in result.text and f"Page {MAX_PDF_PAGES + 1}" not in result.text
    assert any(f"only the first {MAX_PDF_PAGES}" in warning for warning in result.warnings)


def test_long_pdf_stops_reading_once_the_text_limit_is_reached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_TEXT_CHARS", 500)
    result = read_resume(make_pdf([[f"Page {n} " + "skill " * 60] for n in range(1, 6)]))
    assert len(result.text) <= 500
    assert "Page 3" not in result.text
    assert any("first 500 characters" in warning for warning in result.warnings)


def test_livecareer_fragments_are_joined_and_repaired() -> None:
    raw = (
        "Community Advocate\n \nNov 2015\n \nto \nCurrent\n \nCompany Name\n \n"
        "ï¼\u200b \nCity\n \n, \nState\n"
        "Dedicated Community AdvocateÂ who excels\n"
        "Active listening skillsÂ Â Â Â \nTime management\n"
        "Managed the CafÃ© â€“ front of house for â€œAâ€\u200b grade\n"
        "management.Â \nâ€\u2039\nExhibit Creator"
    )
    assert clean_pdf_text(raw).split("\n") == [
        "Community Advocate Nov 2015 to Current Company Name, City, State",
        "Dedicated Community Advocate who excels",
        "Active listening skills",
        "Time management",
        "Managed the Café \u2013 front of house for \u201cA\u201d grade",
        "management.",
        "",
        "Exhibit Creator",
    ]


def test_mojibake_repair_leaves_real_accents_alone() -> None:
    real = "café résumé Ångström naïve JOSÉ\u2019S CAFÉ\u2013BAR RÉSUMÉ\u00a0 née\u2019\u2019"
    assert repair_mojibake(real) == real
    assert repair_mojibake("ZÃ¼rich CorazÃ³n WrocÅ\u201aaw") == "Zürich Corazón Wrocław"
    assert repair_mojibake("â€¢ Excel â€“ Word â€” Teams\u00e2\u201e\u00a2") == "• Excel \u2013 Word — Teams™"


def test_pdf_cleanup_tidies_spaces_ligatures_and_blank_lines() -> None:
    raw = "Of\ufb01ce  manager\u00a0\u00a0 \n\n\n\n\nskills  , tools"
    assert clean_pdf_text(raw) == "Office manager\n\nskills, tools"


# ---------------------------------------------------------------------------------------------- DOCX


def rich_docx() -> bytes:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Header line"
    section.footer.paragraphs[0].text = "Footer line"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Header line"  # same text: kept once
    document.add_paragraph("Summary")
    line = document.add_paragraph("Line one")
    line.add_run().add_break()
    line.add_run("line two\tafter tab")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"r{r}c{c}"
    table.cell(0, 0).merge(table.cell(0, 1)).text = "wide"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "tall"
    document.add_paragraph("After table")
    document.add_section()  # its header is linked to the first one: read once
    document.add_paragraph("Second section")
    return save(document)


def test_docx_reads_everything_in_order_and_once() -> None:
    result = read_resume(rich_docx(), filename="cv.docx")
    assert result.text.split("\n") == [
        "Header line",
        "",
        "Summary",
        "Line one",
        "line two\tafter tab",
        "wide | r0c2",
        "r1c0 | r1c1 | tall",
        "r2c0 | r2c1",
        "After table",
        "",  # the empty paragraph that ends the first section
        "Second section",
        "",
        "Footer line",
    ]
    assert (result.file_kind, result.content_type, result.warnings) == ("docx", DOCX_TYPE, ())
    assert result.page_count == 1


def test_text_box_text_is_read_once() -> None:
    document = docx.Document()
    anchor = document.add_paragraph("Anchor")
    anchor._p.append(parse_xml(text_box_run("Kubernetes and Terraform")))
    result = read_resume(save(document))
    assert result.text == "Anchor\nKubernetes and Terraform"


def test_docx_whose_text_is_only_in_a_text_box() -> None:
    document = docx.Document()
    document.add_paragraph()._p.append(parse_xml(text_box_run("Data analyst with SQL")))
    assert [p.text for p in docx.Document(io.BytesIO(save(document))).paragraphs] == [""]
    result = read_resume(save(document))
    assert result.text == "Data analyst with SQL"
    assert result.word_count == 4


def test_content_controls_and_layout_tables_are_read() -> None:
    body = (
        f"<w:body {_NS}><w:sdt><w:sdtPr><w:alias w:val='Name'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>Inside a control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>EXPERIENCE</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Built APIs</w:t></w:r></w:p><w:p><w:r><w:t>Led a team</w:t></w:r></w:p></w:tc>"
        "</w:tr></w:tbl><w:p><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p></w:body>"
    )
    document = docx.Document()
    document.element.replace(document.element.body, parse_xml(body))
    assert read_resume(save(document)).text == "Inside a control\nEXPERIENCE\n\nBuilt APIs\nLed a team"


def test_hidden_text_is_not_read() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Visible skills: Excel")
    paragraph.add_run(" Kubernetes Terraform Rust").font.hidden = True
    unhidden = paragraph.add_run(" and SQL")
    unhidden.font.hidden = False
    assert read_resume(save(document)).text == "Visible skills: Excel and SQL"


def test_python_docx_failure_falls_back_to_the_xml(caplog: pytest.LogCaptureFixture) -> None:
    document = docx.Document()
    document.add_paragraph("Machine learning engineer")
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    data = save(document)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("word/_rels/document.xml.rels")
    broken_rel = (
        b'<Relationship Id="rId99" Target="media\\image1.jpg" '
        b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/></Relationships>'
    )
    data = rezip(
        data, replace={"word/_rels/document.xml.rels": rels.replace(b"</Relationships>", broken_rel)}
    )
    with pytest.raises(KeyError):
        docx.Document(io.BytesIO(data))
    result = read_resume(data)
    assert result.text == "Machine learning engineer\n\nPage footer"
    assert len(result.warnings) == 1 and "damaged" in result.warnings[0]


def test_docx_with_only_pictures_has_no_text_layer() -> None:
    document = docx.Document()
    document.add_paragraph()
    data = rezip(save(document), replace={"word/media/image1.jpg": b"\xff\xd8\xff" + bytes(64)})
    message = refused(data, "no_text_layer", filename="cv.docx")
    assert "pictures" in message


def test_docx_without_text_is_empty() -> None:
    document = docx.Document()
    document.add_paragraph("   ")
    assert "no text" in refused(save(document), "empty")


def test_docx_cut_in_half_is_corrupt() -> None:
    data = rich_docx()
    assert "damaged" in refused(data[: len(data) // 2], "corrupt", filename="cv.docx")


def test_docx_with_unreadable_document_xml_is_corrupt() -> None:
    refused(rezip(rich_docx(), replace={"word/document.xml": b"<w:document><unclosed"}), "corrupt")


def test_zip_without_a_document_is_not_a_resume() -> None:
    assert "a zip archive" in refused(zip_of({"notes.txt": b"hello"}), "unsupported_type")
    spreadsheet = zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert "spreadsheet (XLSX)" in refused(spreadsheet, "unsupported_type")
    odt = zip_of({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})
    assert "Save it as DOCX or PDF" in refused(odt, "unsupported_type")


def test_zip_bomb_is_refused_before_decompression(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as entry,
    ):
        chunk = bytes(1024 * 1024)
        for _ in range(200):
            entry.write(chunk)
    bomb = out.getvalue()
    assert len(bomb) < 2 * 1024 * 1024

    def no_unpacking(*args: object, **kwargs: object) -> None:
        raise AssertionError("an entry was decompressed")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    message = refused(bomb, "zip_bomb", filename="cv.docx")
    assert "200 MB" in message and "unpacked" in message


def test_one_highly_compressed_entry_is_a_zip_bomb() -> None:
    bomb = zip_of({"word/document.xml": bytes(20 * 1024 * 1024)})
    assert "20 MB" in refused(bomb, "zip_bomb")


def test_too_many_entries_is_a_zip_bomb() -> None:
    entries = {f"word/media/{n}.bin": b"" for n in range(MAX_ENTRIES + 1)}
    refused(zip_of({"word/document.xml": b"<w:document/>", **entries}), "zip_bomb")


# ---------------------------------------------------------------------------------------------- text


def test_utf8_text_and_markdown() -> None:
    plain = read_resume("Café owner\r\nBarista".encode())
    assert (plain.text, plain.encoding, plain.content_type, plain.warnings) == (
        "Café owner\nBarista",
        "utf-8",
        "text/plain",
        (),
    )
    markdown = "# Jane Doe\n\n## Skills\n\n- **Python**, SQL\n"
    result = read_resume(markdown.encode(), filename="cv.md")
    assert (result.text, result.content_type, result.file_kind) == (markdown, "text/markdown", "text")


def test_cp1252_text_is_read_with_a_warning() -> None:
    result = read_resume("café \u2013 résumé\nSous chef".encode("cp1252"))
    assert result.text == "café \u2013 résumé\nSous chef"
    assert result.encoding == "cp1252"
    assert result.warnings == (
        "The file is not UTF-8 and was read as Windows-1252 text; check that accented characters look right.",
    )


def test_latin1_when_cp1252_cannot_decode() -> None:
    # 0x81 is undefined in cp1252; in latin-1 it is a control character, which is dropped.
    result = read_resume("naïve résumé".encode("latin-1") + b"\x81")
    assert (result.text, result.encoding) == ("naïve résumé", "latin-1")
    assert "Latin-1" in result.warnings[0]


@pytest.mark.parametrize(
    ("codec", "bom", "name"),
    [
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
    ],
)
def test_byte_order_marks(codec: str, bom: bytes, name: str) -> None:
    result = read_resume(bom + "Ingénieur\r\nPython".encode(codec))
    assert (result.text, result.encoding, result.warnings) == ("Ingénieur\nPython", name, ())


def test_text_with_nul_bytes_is_binary() -> None:
    message = refused(b"Python developer\x00\x00\x01\x02", "unsupported_type", filename="cv.txt")
    assert "binary data" in message


def test_text_full_of_control_characters_is_binary() -> None:
    refused(bytes(range(1, 32)) * 20 + b"abc", "unsupported_type")


def test_whitespace_only_text_is_empty() -> None:
    assert "no text" in refused(b" \r\n\t\n", "empty")


def test_long_text_is_cut_at_a_line_break() -> None:
    line = "Managed inventory and trained new staff on safety procedures.\n"
    result = read_resume((line * (MAX_TEXT_CHARS // len(line) + 500)).encode())
    assert len(result.text) <= MAX_TEXT_CHARS
    assert result.text.endswith("procedures.")
    assert result.warnings == (
        f"This resume is very long: only the first {MAX_TEXT_CHARS:,} characters were read.",
    )


def test_text_is_nfc_normalised() -> None:
    assert read_resume("Cafe\u0301 manager".encode()).text == "Café manager"


# ------------------------------------------------------------------------------------- language and counts


def test_chinese_resume_warns_and_counts_characters_as_words() -> None:
    text = "软件工程师\uff0c五年经验。熟悉 Python 和 Java\uff0c负责后端服务开发与数据库设计。" * 3
    result = read_resume(text.encode())
    assert result.word_count > 60
    assert len(result.warnings) == 1
    assert "Chinese" in result.warnings[0] and "some skills may be missing" in result.warnings[0]


def test_latin_script_foreign_resume_warns() -> None:
    text = (
        "Experiencia profesional en desarrollo de software con Python y Java. Responsable de la migración "
        "de los sistemas del banco a la nube, con equipos de cinco personas. Gestión de proyectos para "
        "clientes en España y México, con metodologías ágiles y entrega continua para la empresa."
    )
    result = read_resume(text.encode())
    assert result.warnings == (
        "This resume seems to be written in a language other than English; Jobmate reads English skill "
        "names, so some skills may be missing.",
    )


def test_a_bare_list_of_skills_does_not_warn() -> None:
    skills = "Python SQL Docker Kubernetes Terraform Excel Tableau Jira Git Linux AWS Azure React Node " * 8
    assert read_resume(skills.encode()).warnings == ()


def test_english_resume_does_not_warn() -> None:
    text = (
        "Managed a team of five engineers and delivered the migration of the billing system to the cloud. "
        "Built data pipelines in Python for the finance team, with tests and monitoring. " * 3
    )
    assert read_resume(text.encode()).warnings == ()


def test_page_estimate_from_words() -> None:
    assert read_resume(b"word " * 10).page_count == 1
    assert read_resume(b"word " * 451).page_count == 2
    assert count_words("a b\tc\nd") == 4
    assert count_words("工程师 Python") == 4
