"""Writing to the network: the contact form and its confirmation.

The message is stored first, then staff are emailed, then the sender gets an
acknowledgement; the path every public form takes is in scn_portal/abuse.py.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_http_methods, require_safe

from scn_portal import abuse
from scn_portal.emails import absolute_url, mailbox, send
from scn_portal.forms import ContactForm
from scn_portal.models import ContactMessage

logger = logging.getLogger(__name__)


def admin_link(record):
    """The address of `record` in the admin, for staff emails (the admin index when the
    model is not registered there)."""
    meta = record._meta
    try:
        path = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])
    except NoReverseMatch:
        path = reverse("admin:index")
    return absolute_url(path)


def notify_staff(template, record, reply_to, staff=None):
    """Email the moderators (or `staff`) about `record` and remember whether it worked; an
    unsent notification leaves `notified` False, which the admin shows."""
    with override(settings.LANGUAGE_CODE):
        context = {"record": record, "admin_url": admin_link(record)}
    staff = staff or settings.MODERATORS_EMAIL
    if send(template, context, staff, reply_to=[reply_to], language=settings.LANGUAGE_CODE):
        type(record).objects.filter(pk=record.pk).update(notified=True)
        record.notified = True
    else:
        logger.warning(
            "%s %s is stored but staff were not notified", type(record).__name__, record.pk
        )


def acknowledge(request, template, context, to):
    """Send the sender their acknowledgement; say so on the next page if it failed."""
    if not send(template, context, to):
        messages.warning(
            request,
            _(
                "We could not send you an acknowledgement by email just now. Your message is "
                "saved all the same: there is nothing more you need to do."
            ),
        )


def _notify(request, message):
    # A message for a regional hub goes to that hub's staff, when it has an address.
    hub = message.region
    staff = [hub.hub_email] if hub is not None and hub.hub_email else None
    notify_staff("contact_staff", message, mailbox(message.name, message.email), staff)
    # The acknowledgement repeats nothing the sender typed: a form that mails arbitrary
    # addresses must not carry a stranger's text to them.
    acknowledge(request, "contact_ack", {"topic": message.get_topic_display()}, message.email)


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    topic = request.GET.get("topic")
    initial = {"topic": topic} if topic in ContactMessage.Topic.values else {}
    # From a regional hub's page: the hub chosen already (a slug; an unknown one is ignored).
    if request.GET.get("region"):
        initial["region"] = request.GET["region"]
    form = ContactForm(abuse.posted_data(request), initial=initial)
    return abuse.respond(
        request,
        form,
        "scn_portal/contact.html",
        notify=_notify,
        done_url=reverse("contact_thanks"),
    )


@require_safe
def contact_thanks(request):
    return render(request, "scn_portal/contact_thanks.html")
