"""Sending the portal's emails: one function renders and sends a message from templates in
templates/emails/, and never lets a failed send undo what the caller already saved."""

import logging
from contextlib import suppress
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import get_language, override

logger = logging.getLogger(__name__)


def mailbox(name, address):
    """`Name <address>` for a Reply-To header: the name quoted where it needs to be, and a
    domain written in another script (exämple.org) as mail servers read it (punycode), which
    `email.utils.formataddr` alone refuses."""
    local, _at, domain = address.rpartition("@")
    # A domain the form would not have accepted is left for formataddr to refuse.
    with suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return formataddr((name, f"{local}@{domain}"))


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send(template, context, to, reply_to=None, language=None):
    """Send `templates/emails/<template>_subject.txt` and `_body.txt` to `to`, written in
    `language` (by default the language of the page that sends it). Addresses in `context`
    are the caller's to make in that language (`translation.override`).

    Returns True when the message was handed to the mail server, False when sending failed
    (the failure is logged; the caller decides what to record).
    """
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        return False
    context = {"site_url": settings.SITE_URL, **context}
    with override(language or get_language()):
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        body = render_to_string(f"emails/{template}_body.txt", context)
    subject = " ".join(subject.split())
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=reply_to or None,
    )
    try:
        message.send()
    except Exception as error:
        # Neither the addresses nor the error's text (an SMTP refusal quotes the addresses);
        # the caller logs which record the email was about.
        logger.error(
            "Could not send %s email to %d recipient(s): %s",
            template,
            len(recipients),
            type(error).__name__,
        )
        return False
    return True
