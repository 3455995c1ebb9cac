"""Checks on uploaded attachments: a PDF is recognised by its content, never by its name.

A file passes when it starts with the PDF signature, ends with the end-of-file marker,
contains at least one PDF object, and is within the size limit. This is a sanity check,
not a full parser: it refuses renamed Word files, images and executables with a clear
message, and the download view always serves the file as an attachment.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

PDF_SIGNATURE = b"%PDF-"
# Some writers put a few bytes of junk before the signature; readers accept up to 1 KB.
SIGNATURE_WINDOW = 1024
# The end-of-file marker sits at the very end, followed at most by some whitespace.
TAIL_WINDOW = 2048
OBJECT_PATTERN = re.compile(rb"\d+\s+\d+\s+obj\b")


def validate_pdf(upload):
    """Raise ValidationError with a message for the uploader unless `upload` is a PDF."""
    max_bytes = settings.ATTACHMENT_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a file may be at most %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": upload.name}, code="empty")
    upload.seek(0)
    head = upload.read(SIGNATURE_WINDOW)
    upload.seek(max(upload.size - TAIL_WINDOW, 0))
    tail = upload.read()
    upload.seek(0)
    not_a_pdf = _(
        "“%(name)s” is not a PDF file. Only PDF documents can be attached; "
        "please save or export the document as PDF and try again."
    ) % {"name": upload.name}
    if PDF_SIGNATURE not in head:
        raise ValidationError(not_a_pdf, code="not_pdf")
    if b"%%EOF" not in tail or not _has_object(upload):
        raise ValidationError(
            _(
                "“%(name)s” looks like a damaged or incomplete PDF. Please check that it "
                "opens on your computer, save it again as PDF and try again."
            )
            % {"name": upload.name},
            code="damaged_pdf",
        )


def _has_object(upload):
    for chunk in upload.chunks():
        if OBJECT_PATTERN.search(chunk):
            upload.seek(0)
            return True
    upload.seek(0)
    return False
