"""PDF attachments with active content are refused, each with a reason the member reads on
the form; ordinary reports still go through; a file name of any length saves."""

import io
import time
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from practices.models import Attachment
from practices.uploads import validate_pdf
from tests.factories import MINIMAL_PDF
from tests.practices.conftest import upload

pytestmark = pytest.mark.django_db

CATALOG = b"<</Type/Catalog/Pages 2 0 R>>"
PAGES = b"<</Type/Pages/Kids[3 0 R]/Count 1>>"
PAGE = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>"


def handmade_pdf(*bodies):
    """A PDF of objects 1, 2, ... (1 the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref)
    return bytes(out)


def stream(data, entries=b""):
    return b"<</Length %d%s>>stream\n%s\nendstream" % (len(data), entries, data)


def written_pdf(change):
    """A one-page PDF from pypdf's writer, after `change(writer, page)`."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    change(writer, page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zeros_bomb(gigabytes):
    """A FlateDecode stream body of `gigabytes` GiB of zeros, about 1 MB per GiB: the same
    independently compressed MiB repeated (quick to build, slow to inflate)."""
    deflater = zlib.compressobj(9)
    mebibyte = bytes(1024 * 1024)
    first = deflater.compress(mebibyte) + deflater.flush(zlib.Z_FULL_FLUSH)
    again = deflater.compress(mebibyte) + deflater.flush(zlib.Z_FULL_FLUSH)
    return first + again * (gigabytes * 1024 - 1) + deflater.flush()


def open_action_javascript(writer, page):
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello')"),
        }
    )


def page_action_launch(writer, page):
    page[NameObject("/AA")] = DictionaryObject(
        {
            NameObject("/O"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/Launch"),
                    NameObject("/F"): TextStringObject("C:\\Windows\\System32\\cmd.exe"),
                }
            )
        }
    )


def names_tree_javascript(writer, page):
    writer.add_open_action(JavaScript("this.print({bUI: false, bSilent: true});"))


def embedded_file(writer, page):
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 not really a program")


# Each kind of hostile file, as the member would upload it.
CRAFTED = {
    "open_action_javascript": lambda: written_pdf(open_action_javascript),
    "page_action_launch": lambda: written_pdf(page_action_launch),
    "names_tree_javascript": lambda: written_pdf(names_tree_javascript),
    "embedded_file": lambda: written_pdf(embedded_file),
    "xfa_form": lambda: handmade_pdf(
        b"<</Type/Catalog/Pages 2 0 R/AcroForm<</Fields[]/XFA 4 0 R>>>>",
        PAGES,
        PAGE,
        stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template/></xdp:xdp>'),
    ),
    "html_before_header": lambda: b"<html><script>alert(document.cookie)</script>\n" + MINIMAL_PDF,
    "no_cross_reference": lambda: MINIMAL_PDF.split(b"xref")[0] + b"%%EOF\n",
    "decompression_bomb": lambda: handmade_pdf(
        CATALOG,
        PAGES,
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>",
        stream(zeros_bomb(gigabytes=4), b"/Filter/FlateDecode"),
    ),
}


def refusal(content, name="report.pdf"):
    with pytest.raises(ValidationError) as refused:
        validate_pdf(SimpleUploadedFile(name, content, content_type="application/pdf"))
    return refused.value


# --- the checker, one kind of active content at a time -------------------------------------


def test_javascript_run_on_opening_is_refused():
    error = refusal(CRAFTED["open_action_javascript"]())

    assert error.code == "javascript"
    assert error.messages == [
        "“report.pdf” contains JavaScript, which could run on the computer of anyone who "
        "opens it. Please save the document as a plain PDF (for example with “Print to "
        "PDF”) and try again."
    ]


def test_javascript_behind_escaped_names_is_refused():
    # /J#61vaScript and /J#53 are /JavaScript and /JS spelt with hexadecimal escapes.
    content = handmade_pdf(
        b"<</Type/Catalog/Pages 2 0 R/OpenAction<</S/J#61vaScript/J#53(app.alert(1))>>>>",
        PAGES,
        PAGE,
    )

    assert refusal(content).code == "javascript"


def test_page_action_launching_a_program_is_refused():
    error = refusal(CRAFTED["page_action_launch"]())

    assert error.code == "action"
    assert "contains an action that starts a program" in error.messages[0]


def test_document_javascript_in_the_names_tree_is_refused():
    assert refusal(CRAFTED["names_tree_javascript"]()).code == "javascript"


def test_javascript_link_is_refused():
    content = handmade_pdf(
        CATALOG,
        PAGES,
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Annots[4 0 R]>>",
        b"<</Type/Annot/Subtype/Link/Rect[0 0 50 50]/A<</S/URI/URI( javascript:alert(1))>>>>",
    )

    assert refusal(content).code == "javascript"


def test_embedded_file_is_refused():
    error = refusal(CRAFTED["embedded_file"]())

    assert error.code == "embedded_file"
    assert "has other files embedded in it" in error.messages[0]


def test_file_attachment_annotation_is_refused():
    content = handmade_pdf(
        CATALOG,
        PAGES,
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Annots[4 0 R]>>",
        b"<</Type/Annot/Subtype/FileAttachment/Rect[0 0 20 20]/FS 5 0 R>>",
        b"<</Type/Filespec/F(notes.txt)>>",
    )

    assert refusal(content).code == "embedded_file"


def test_xfa_form_is_refused():
    error = refusal(CRAFTED["xfa_form"]())

    assert error.code == "xfa"
    assert "is an interactive (XFA) form" in error.messages[0]


def test_html_before_the_pdf_header_is_refused():
    error = refusal(CRAFTED["html_before_header"]())

    assert error.code == "content_before_header"
    assert "has something other than a PDF at its start" in error.messages[0]


def test_javascript_left_in_an_earlier_revision_is_refused():
    # An incremental update replaces the catalog, but the first one, with its JavaScript,
    # is still in the file for any reader that repairs it.
    first = handmade_pdf(
        b"<</Type/Catalog/Pages 2 0 R/OpenAction 4 0 R>>",
        PAGES,
        PAGE,
        b"<</S/JavaScript/JS(app.alert(1))>>",
    )
    start = len(first)
    update = b"1 0 obj\n" + CATALOG + b"\nendobj\n"
    xref = start + len(update)
    content = (
        first
        + update
        + (
            b"xref\n0 1\n0000000000 65535 f \n1 1\n%010d 00000 n \n"
            b"trailer\n<</Size 5/Root 1 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n"
            % (start, first.rindex(b"\nxref\n") + 1, xref)
        )
    )

    assert refusal(content).code == "javascript"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(CRAFTED["no_cross_reference"], id="no_cross_reference"),
        pytest.param(
            lambda: handmade_pdf(b"[" * 50_000 + b"]" * 50_000, PAGES, PAGE),
            id="nested_too_deep",
        ),
        pytest.param(
            lambda: handmade_pdf(b"(not a catalog)", b"(nor pages)", b"(nor a page)"),
            id="no_catalog",
        ),
    ],
)
def test_file_that_does_not_parse_is_refused_as_damaged(content):
    error = refusal(content())

    assert error.code == "damaged_pdf"
    assert "looks like a damaged or incomplete PDF" in error.messages[0]


def test_password_protected_pdf_is_refused():
    content = written_pdf(lambda writer, page: writer.encrypt("secret", algorithm="RC4-128"))

    assert refusal(content).code == "protected"


def test_decompression_bomb_is_refused_without_inflating_it_all(monkeypatch):
    content = CRAFTED["decompression_bomb"]()  # 4 GiB of zeros in about 4 MB
    inflated = []
    inflater = zlib.decompressobj

    class CountingInflater:
        def __init__(self, *args):
            self.inner = inflater(*args)

        def decompress(self, data, max_length=0):
            output = self.inner.decompress(data, max_length)
            inflated.append(len(output))
            return output

        def __getattr__(self, name):
            return getattr(self.inner, name)

    monkeypatch.setattr(zlib, "decompressobj", CountingInflater)
    started = time.monotonic()

    error = refusal(content)

    assert time.monotonic() - started < 5
    assert sum(inflated) < 100 * 1024 * 1024  # of 4 GiB
    assert error.code == "expands_too_far"
    assert "expands to far more than a document needs" in error.messages[0]


def test_compression_inside_compression_is_refused():
    twice = zlib.compress(zlib.compress(b"BT ET " * 1000))
    content = handmade_pdf(
        CATALOG,
        PAGES,
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>",
        stream(twice, b"/Filter[/FlateDecode/FlateDecode]"),
    )

    assert refusal(content).code == "expands_too_far"


def clean_report():
    """What a report exported from an office suite looks like: compressed text, a link to
    a web page, an outline entry and an action that opens the first page."""
    text = zlib.compress(b"BT /F1 12 Tf 20 150 Td (Evaluation report 2023) Tj ET")
    return handmade_pdf(
        b"<</Type/Catalog/Pages 2 0 R/OpenAction[3 0 R/Fit]/Outlines 7 0 R"
        b"/AcroForm<</Fields[]>>/Names<</Dests 8 0 R>>>>",
        PAGES,
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R"
        b"/Resources<</Font<</F1 5 0 R>>>>/Annots[6 0 R]>>",
        stream(text, b"/Filter/FlateDecode"),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
        b"<</Type/Annot/Subtype/Link/Rect[20 140 180 160]/Border[0 0 0]"
        b"/A<</S/URI/URI(https://strongcitiesnetwork.org/)>>>>",
        b"<</Type/Outlines/Count 0>>",
        b"<</Names[(summary) [3 0 R /Fit]]>>",
    )


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(clean_report, id="report"),
        pytest.param(lambda: b"\xef\xbb\xbf \r\n" + clean_report(), id="bom_and_whitespace"),
        pytest.param(lambda: written_pdf(lambda writer, page: None), id="pypdf_writer"),
    ],
)
def test_clean_pdf_passes_the_checker(content):
    validate_pdf(SimpleUploadedFile("report.pdf", content(), content_type="application/pdf"))


# --- what the member sees on the contribute page ---------------------------------------------


REASONS = {
    "open_action_javascript": "“report.pdf” contains JavaScript",
    "page_action_launch": "“report.pdf” contains an action that starts a program",
    "names_tree_javascript": "“report.pdf” contains JavaScript",
    "embedded_file": "“report.pdf” has other files embedded in it",
    "xfa_form": "“report.pdf” is an interactive (XFA) form",
    "html_before_header": "“report.pdf” has something other than a PDF at its start",
    "no_cross_reference": "“report.pdf” looks like a damaged or incomplete PDF",
    "decompression_bomb": "“report.pdf” holds compressed data that expands",
}


@pytest.mark.parametrize("kind", REASONS)
def test_member_is_told_why_a_pdf_is_refused_and_keeps_what_they_typed(author_client, draft, kind):
    reason = REASONS[kind]

    response = upload(author_client, draft, CRAFTED[kind]())

    assert response.status_code == 200
    field_errors = response.context["form"].errors["attachment"]
    assert len(field_errors) == 1
    assert field_errors[0].startswith(reason)
    assert reason in response.text
    assert "Please choose “report.pdf” again" not in response.text
    assert "Typed before the upload." in response.text
    assert "Evaluation 2023" in response.text
    assert not Attachment.objects.exists()


def test_member_attaches_a_clean_report(author_client, draft):
    response = upload(author_client, draft, clean_report())

    assert response.status_code == 302
    attachment = Attachment.objects.get(practice=draft)
    assert attachment.title == "Evaluation 2023"
    assert attachment.file.read() == clean_report()


def test_attachment_with_a_250_character_file_name_saves(author_client, draft):
    name = "Evaluation of the youth mentoring programme in the northern districts " * 4
    name = name[:246] + ".pdf"
    assert len(name) == 250

    response = upload(author_client, draft, MINIMAL_PDF, name=name, title="")
    page = author_client.get(response["Location"])

    assert response.status_code == 302
    attachment = Attachment.objects.get(practice=draft)
    title_length = Attachment._meta.get_field("title").max_length
    assert len(attachment.title) == title_length
    assert attachment.title == name[: title_length - 1] + "…"
    assert attachment.original_name == name
    assert len(attachment.file.name) <= Attachment._meta.get_field("file").max_length
    assert attachment.file.read() == MINIMAL_PDF
    assert "Your draft has been saved." in page.text
    assert attachment.title in page.text
    assert attachment.download_name == name
