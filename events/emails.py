"""Emails about events: the organiser hears of each member who registers interest. Called
after the database commit (events.views.register_interest)."""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from events.models import Interest
from scn_portal.emails import absolute_url, mailbox, send

logger = logging.getLogger(__name__)


def interest_registered(interest):
    """Tell the event's organiser, or the network's staff when it names no address, who
    would like to take part; a reply goes to the member. An organiser is written to in the
    event's language, staff in the site's. Records whether the message went out."""
    event, member = interest.event, interest.member
    to_staff = not event.organiser_email
    language = settings.LANGUAGE_CODE if to_staff else event.language
    name = member.get_full_name() or member.email
    with override(language):
        context = {
            "event": event,
            "interest": interest,
            "member_name": name,
            "member_email": member.email,
            "event_url": absolute_url(event.get_absolute_url()),
            "to_staff": to_staff,
            "admin_url": absolute_url(reverse("admin:events_interest_change", args=[interest.pk])),
        }
    to = settings.MODERATORS_EMAIL if to_staff else event.organiser_email
    sent = send(
        "event_interest",
        context,
        to,
        reply_to=[mailbox(name, member.email)],
        language=language,
    )
    if sent:
        Interest.objects.filter(pk=interest.pk).update(notified=True)
    else:
        logger.warning("Interest %s is stored but the organiser was not told", interest.pk)
    return sent
