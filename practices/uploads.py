"""Checks on uploaded attachments: a PDF is recognised by its content, never by its name,
and refused when it carries anything that could act on the computer of whoever opens it.

`validate_pdf` is the one validator for attachments (the case-study form calls it). A file
passes when, in this order:

1. it is within settings.ATTACHMENT_MAX_BYTES (checked before anything is read);
2. it starts with the PDF header, ``%PDF-``. Only a UTF-8 byte order mark and ASCII
   whitespace may come before it: browsers sniff a file by its first bytes, so a file
   that opens with HTML or script and carries a PDF further on (an HTML/PDF polyglot)
   is refused, however lenient PDF readers are about junk before the header;
3. it ends with the end-of-file marker;
4. pypdf parses it (a file it cannot read, or can read only with a password, is refused)
   and no object in it, including older revisions kept in the file and the objects
   packed in object streams, has active content: JavaScript (``/JS``, ``/JavaScript``
   actions and name trees, ``javascript:`` links), actions that start programs, open
   local files, import or send data (``/Launch``, ``/ImportData``, ``/SubmitForm``,
   ``/RichMediaExecute``; whether reached from ``/OpenAction``, ``/AA`` or a link),
   embedded files (``/EmbeddedFiles``, ``/EF``, ``/EmbeddedFile`` streams, file
   attachment and rich media annotations) and XFA forms (``/XFA``).

Parsing is bounded so that a hostile file costs little: the number of objects and of
values walked, the size every compressed stream may decode to (measured by inflating in
small pieces that are thrown away, stopping at the limit, so a decompression bomb is never
held in memory), pypdf's own limits (set through its Configuration for this check only)
and a deadline. A file beyond a bound is refused, never half-checked.
"""

import logging
import re
import time
import zlib
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader, apply_configuration
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError
from pypdf.filters import ASCII85Decode, ASCIIHexDecode, LZWDecode, RunLengthDecode
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    StreamObject,
    read_object,
)

logger = logging.getLogger(__name__)

PDF_SIGNATURE = b"%PDF-"
# What may precede the header: a byte order mark some editors add, then whitespace.
BYTE_ORDER_MARK = b"\xef\xbb\xbf"
LEADING_WHITESPACE = b" \t\r\n\f"
SIGNATURE_WINDOW = 1024
# The end-of-file marker sits at the very end, followed at most by some whitespace.
TAIL_WINDOW = 2048

# Bounds of the check. A long report has some thousands of objects (pypdf reads a few
# thousand a second); a 300 dpi colour page decodes to about 26 MB; a report's streams
# together decode to a few times its size. The deadline stays well inside a worker's
# request timeout (gunicorn's is 30 s).
MAX_OBJECTS = 50_000
MAX_VALUES = 2_000_000
STREAM_MAX_DECODED = 64 * 1024 * 1024
DOCUMENT_MAX_DECODED = 256 * 1024 * 1024
CHECK_SECONDS = 10
# Inflating a piece at a time keeps memory flat whatever a stream claims to hold.
INFLATE_PIECE = 64 * 1024
INFLATE_OUTPUT = 1024 * 1024
SCAN_CHUNK = 1024 * 1024
# An object starts with "N G obj". The keyword is found first (a fast literal search) and
# the numbers in the few bytes before it.
OBJECT_KEYWORD = re.compile(rb"obj\b")
OBJECT_HEADER = re.compile(rb"(?<![0-9])[0-9]{1,10}\s+[0-9]{1,5}\s+obj\Z")
HEADER_WINDOW = 64

# pypdf's limits for what it decodes itself (object and cross-reference streams); no
# external JBIG2 decoder, and no slow byte-by-byte recovery of a broken stream.
PYPDF_LIMITS = {
    "zlib_maximum_output_length": STREAM_MAX_DECODED,
    "lzw_maximum_output_length": STREAM_MAX_DECODED,
    "run_length_maximum_output_length": STREAM_MAX_DECODED,
    "array_based_stream_maximum_output_length": STREAM_MAX_DECODED,
    "stream_decoding_work_maximum_length": 2 * STREAM_MAX_DECODED,
    "zlib_maximum_recovery_input_length": 64 * 1024,
    "jbig2dec_binary": None,
}

# Why a file is refused: found in an object's keys, its action type (/S), its /Type or
# its /Subtype.
JAVASCRIPT, ACTION, EMBEDDED_FILE, XFA = "javascript", "action", "embedded_file", "xfa"
REFUSED_KEYS = {
    "/JS": JAVASCRIPT,
    "/JavaScript": JAVASCRIPT,
    "/EmbeddedFiles": EMBEDDED_FILE,
    "/EF": EMBEDDED_FILE,
    "/XFA": XFA,
}
REFUSED_ACTIONS = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": ACTION,
    "/ImportData": ACTION,
    "/SubmitForm": ACTION,
    "/RichMediaExecute": ACTION,
    "/GoToE": EMBEDDED_FILE,
}
REFUSED_TYPES = {"/EmbeddedFile": EMBEDDED_FILE}
REFUSED_SUBTYPES = {"/FileAttachment": EMBEDDED_FILE, "/RichMedia": EMBEDDED_FILE}
URI_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
REFUSED_URI_SCHEMES = {
    "javascript": JAVASCRIPT,
    "vbscript": JAVASCRIPT,
    "data": JAVASCRIPT,
    "file": ACTION,
}
# Filters that make data larger, and those that only re-encode it smaller (may precede).
EXPANDING_FILTERS = {
    "/FlateDecode",
    "/Fl",
    "/LZWDecode",
    "/LZW",
    "/RunLengthDecode",
    "/RL",
}
TEXT_FILTERS = {
    "/ASCIIHexDecode": ASCIIHexDecode,
    "/AHx": ASCIIHexDecode,
    "/ASCII85Decode": ASCII85Decode,
    "/A85": ASCII85Decode,
}


def validate_pdf(upload):
    """Raise ValidationError with a message for the uploader unless `upload` is a PDF
    without active content that can be checked within the limits above."""
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
    start = head.removeprefix(BYTE_ORDER_MARK).lstrip(LEADING_WHITESPACE)
    if not start.startswith(PDF_SIGNATURE):
        if PDF_SIGNATURE in head:
            raise _refusal(upload, "content_before_header")
        raise _refusal(upload, "not_pdf")
    if b"%%EOF" not in tail:
        raise _refusal(upload, "damaged_pdf")
    try:
        _inspect(upload)
    finally:
        upload.seek(0)


def _refusal(upload, code):
    messages = {
        "not_pdf": _(
            "“%(name)s” is not a PDF file. Only PDF documents can be attached; "
            "please save or export the document as PDF and try again."
        ),
        "content_before_header": _(
            "“%(name)s” has something other than a PDF at its start (for example web page "
            "code), so it cannot be attached. Please save or export the document as PDF "
            "and try again."
        ),
        "damaged_pdf": _(
            "“%(name)s” looks like a damaged or incomplete PDF. Please check that it "
            "opens on your computer, save it again as PDF and try again."
        ),
        "protected": _(
            "“%(name)s” is protected with a password or encryption, so it cannot be "
            "checked. Please attach a copy without protection."
        ),
        "too_complex": _(
            "“%(name)s” has too many parts to be checked. Please save it again as PDF, "
            "or split it into smaller documents, and try again."
        ),
        "expands_too_far": _(
            "“%(name)s” holds compressed data that expands to far more than a document "
            "needs, so it cannot be checked safely. Please save it again as PDF, for "
            "example with smaller images, and try again."
        ),
        JAVASCRIPT: _(
            "“%(name)s” contains JavaScript, which could run on the computer of anyone who "
            "opens it. Please save the document as a plain PDF (for example with “Print "
            "to PDF”) and try again."
        ),
        ACTION: _(
            "“%(name)s” contains an action that starts a program, opens a file on the "
            "reader’s computer or sends data. Please save the document as a plain PDF "
            "(for example with “Print to PDF”) and try again."
        ),
        EMBEDDED_FILE: _(
            "“%(name)s” has other files embedded in it. Please attach a PDF without "
            "embedded files, and add each document on its own."
        ),
        XFA: _(
            "“%(name)s” is an interactive (XFA) form. Please save it as a plain PDF (for "
            "example with “Print to PDF”) and try again."
        ),
    }
    return ValidationError(messages[code] % {"name": upload.name}, code=code)


class _Refused(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def _inspect(upload):
    try:
        with apply_configuration(**PYPDF_LIMITS):
            _Inspection(upload).run()
    except _Refused as refused:
        raise _refusal(upload, refused.code) from None
    except LimitReachedError:
        raise _refusal(upload, "too_complex") from None
    except (FileNotDecryptedError, DependencyError):
        raise _refusal(upload, "protected") from None
    except Exception as error:
        # pypdf meets hostile input with all kinds of errors (and deep nesting with
        # RecursionError); a file that cannot be read to the end cannot be vouched for.
        # Neither the file's name (often a person's) nor the error's text (which can quote
        # the file) is logged.
        logger.info("PDF check could not read an upload: %s", type(error).__name__)
        raise _refusal(upload, "damaged_pdf") from None


class _Inspection:
    """One walk over every object of one file, within the bounds of the module."""

    def __init__(self, upload):
        self.upload = upload
        self.deadline = time.monotonic() + CHECK_SECONDS
        self.values_left = MAX_VALUES
        self.decoded_left = DOCUMENT_MAX_DECODED

    def run(self):
        headers = self._object_headers()
        reader = PdfReader(self.upload.file, strict=False, xref_stream_maximum_entries=MAX_OBJECTS)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise _Refused("protected")
        listed = [(num, gen) for gen, entries in reader.xref.items() for num in entries]
        packed = list(reader.xref_objStm)
        if len(listed) + len(packed) > MAX_OBJECTS:
            raise _Refused("too_complex")
        self._walk(reader.trailer)
        # Plain objects first, so that each object stream is measured before pypdf
        # inflates it to read the objects packed in it.
        for num, gen in listed:
            self._walk_listed(reader, num, gen)
        if not isinstance(reader.root_object, DictionaryObject) or not len(reader.pages):
            raise _Refused("damaged_pdf")
        for num in packed:
            self._walk_listed(reader, num, 0)
        # Objects the cross-reference table does not point to (earlier revisions, or
        # hidden ones) are still in the file, and a reader repairing it would use them.
        offsets = {offset for entries in reader.xref.values() for offset in entries.values()}
        for offset in headers:
            if offset not in offsets:
                self._walk_unlisted(reader, offset)

    def _walk_listed(self, reader, num, gen):
        self._walk(reader.get_object(IndirectObject(num, gen, reader)))
        # Walked once is enough: memory holds one object at a time, not the document.
        reader.resolved_objects.pop((gen, num), None)

    def _object_headers(self):
        """Where an object starts in the raw file, read a chunk at a time."""
        headers = []
        position = 0
        carry = b""
        self.upload.seek(0)
        while chunk := self.upload.read(SCAN_CHUNK):
            data = carry + chunk
            start = position - len(carry)
            for keyword in OBJECT_KEYWORD.finditer(data):
                end = keyword.end()
                header = OBJECT_HEADER.search(data, max(end - HEADER_WINDOW, 0), end)
                offset = start + header.start() if header else None
                if offset is not None and (not headers or offset > headers[-1]):
                    headers.append(offset)
            if len(headers) > MAX_OBJECTS:
                raise _Refused("too_complex")
            position += len(chunk)
            carry = data[-HEADER_WINDOW:]
        self.upload.seek(0)
        return headers

    def _walk_unlisted(self, reader, offset):
        obj = _read_at(reader, reader.stream, offset, header=True)
        if obj is None:
            return  # "N G obj" inside binary data, not an object
        self._walk(obj)
        if isinstance(obj, StreamObject) and _resolved(obj, "/Type") == "/ObjStm":
            try:
                data = BytesIO(obj.get_data())
            except Exception:
                return  # undecodable (or encrypted for another revision): no reader uses it
            first = int(_resolved(obj, "/First") or 0)
            numbers = re.findall(rb"[0-9]+", data.read(first))[: 2 * MAX_OBJECTS]
            for member_offset in numbers[1::2]:
                member = _read_at(reader, data, first + int(member_offset), header=False)
                if member is not None:
                    self._walk(member)

    def _walk(self, root):
        """Look at every value inside `root`, without following references: every
        object of the file is walked on its own."""
        pending = [root]
        while pending:
            value = pending.pop()
            self.values_left -= 1
            if self.values_left < 0 or time.monotonic() > self.deadline:
                raise _Refused("too_complex")
            if isinstance(value, DictionaryObject):
                self._check(value)
                if isinstance(value, StreamObject):
                    self._measure(value)
                pending.extend(value.values())
            elif isinstance(value, ArrayObject):
                pending.extend(value)

    def _check(self, dictionary):
        for key in dictionary:
            if key in REFUSED_KEYS:
                raise _Refused(REFUSED_KEYS[key])
        for key, refused in (
            ("/S", REFUSED_ACTIONS),
            ("/Type", REFUSED_TYPES),
            ("/Subtype", REFUSED_SUBTYPES),
        ):
            name = _resolved(dictionary, key)
            if isinstance(name, str) and name in refused:
                raise _Refused(refused[name])
        uri = _resolved(dictionary, "/URI")
        if isinstance(uri, (str, bytes)):
            if isinstance(uri, bytes):
                uri = uri.decode("latin-1")
            # Browsers drop control characters and spaces around and inside a scheme.
            scheme = URI_SCHEME.match(re.sub(r"[\x00-\x20]", "", uri))
            if scheme and scheme[1].lower() in REFUSED_URI_SCHEMES:
                raise _Refused(REFUSED_URI_SCHEMES[scheme[1].lower()])

    def _measure(self, stream):
        """Count what a compressed stream decodes to, refusing it past the limits."""
        filters = _resolved(stream, "/Filter")
        if isinstance(filters, str):
            filters = [filters]
        if not isinstance(filters, list):
            return
        filters = [f.get_object() if isinstance(f, IndirectObject) else f for f in filters]
        expanding = [i for i, name in enumerate(filters) if name in EXPANDING_FILTERS]
        if not expanding:
            return
        if len(expanding) > 1:
            # Compression inside compression multiplies: no writer needs it, bombs do.
            raise _Refused("expands_too_far")
        # pypdf keeps a stream's bytes as they are in the file (decrypted) until asked
        # to decode them, and has no public name for them.
        data = stream._data
        for name in filters[: expanding[0]]:
            decoder = TEXT_FILTERS.get(name)
            if decoder is None:
                return  # a chain no reader decodes either
            data = decoder.decode(data)
        name = filters[expanding[0]]
        limit = min(STREAM_MAX_DECODED, self.decoded_left)
        if name in ("/FlateDecode", "/Fl"):
            size = self._inflated_size(data, limit)
        else:
            decoder = LZWDecode if name in ("/LZWDecode", "/LZW") else RunLengthDecode
            try:
                size = len(decoder.decode(data))
            except LimitReachedError:
                size = limit + 1
        if size > limit:
            raise _Refused("expands_too_far")
        self.decoded_left -= size

    def _inflated_size(self, data, limit):
        inflater = zlib.decompressobj()
        size = 0
        view = memoryview(data)
        for start in range(0, len(view), INFLATE_PIECE):
            piece = view[start : start + INFLATE_PIECE]
            while piece:
                try:
                    size += len(inflater.decompress(piece, INFLATE_OUTPUT))
                except zlib.error:
                    return size  # damaged: readers show what decodes, and so stop too
                if size > limit:
                    return size
                if time.monotonic() > self.deadline:
                    raise _Refused("too_complex")
                piece = inflater.unconsumed_tail
            if inflater.eof:
                break
        return size


def _opens_without_password(reader):
    """Whether an encrypted file opens with an empty password, as files that only
    restrict printing or copying do."""
    try:
        return bool(reader.decrypt(""))
    except (PyPdfError, DependencyError, NotImplementedError):
        return False  # a scheme pypdf cannot open is a password we do not have


def _read_at(reader, stream, offset, header):
    """The object at `offset` of `stream`, or None when there is none to read there."""
    stream.seek(offset)
    try:
        if header:
            reader.read_object_header(stream)
        return read_object(stream, reader)
    except (LimitReachedError, RecursionError):
        raise
    except Exception:
        return None


def _resolved(dictionary, key):
    value = dictionary.get(key)
    return value.get_object() if isinstance(value, IndirectObject) else value
