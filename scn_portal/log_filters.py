"""Logging filters.

`OncePerInterval` lets one record through per logger and message per interval: when Redis
is down every cache call of every request fails the same way, and the log should say so
once a minute, not thousands of times.

`RedactEmailAddresses` writes every email address in a record as "[email address]": in the
message with its arguments, in the exception's text and in the stack. The portal's own log
calls name records by id and failures by exception class, never a person; this is the net
under them and under the libraries (Django's mail, allauth, smtplib, whose
SMTPRecipientsRefused names the refused addresses in its text).
"""

import logging
import re
import threading
import time


class OncePerInterval(logging.Filter):
    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = float(seconds)
        self._last = {}
        self._lock = threading.Lock()

    def filter(self, record):
        key = (record.name, record.msg)
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.seconds:
                return False
            self._last[key] = now
        return True


# An address as people type it and as libraries print it: a local part (letters of any
# script, digits and the punctuation addresses use, an apostrophe after its first character
# as in o'brien, the backslash of a byte escaped in a repr; or a quoted string), then "@" or
# its URL encoding, then a domain in any script (punycode included) or an address literal.
# The rarer punctuation (/ = ? { }) is left out, so that a URL's query or a dict's repr
# around an address keeps its shape.
EMAIL_ADDRESS = re.compile(
    # Each part is bounded (a local part has at most 64 characters, a domain's label 63),
    # so that a long run of such characters without an address costs little to scan.
    r"""(?:"[^"\n]{0,62}"|[\w!#$%&*+^`|~\\-][\w.!#$%&'*+^`|~\\-]{0,63})"""
    r"(?:@|%40)"
    r"(?:(?:[\w-]{1,63}\.){1,8}[\w-]{1,63}|\[[^\]\s]{1,45}\])",
)
REDACTED = "[email address]"


def redact(text):
    if "@" not in text and "%40" not in text:
        return text
    return EMAIL_ADDRESS.sub(REDACTED, text)


class RedactEmailAddresses(logging.Filter):
    """Let every record through with no email address left in what a handler writes.

    The record is changed in place (the message is merged with its arguments, the exception
    formatted into `exc_text`), so every handler after this one writes the redacted text.
    """

    _formatter = logging.Formatter()

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:
            # Arguments that do not fit the message: written as they came, redacted (the
            # handler's error report would print them as they are).
            message = f"{record.msg} (arguments that do not fit: {record.args!r})"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
