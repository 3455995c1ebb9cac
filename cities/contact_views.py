"""Joining the network, and writing to a practitioner through the relay.

A practitioner's email address never leaves the server: the relay form, its confirmation
and the sender's acknowledgement show the name only, and the practitioner answers by
replying to the email we send them (Reply-To is the sender).
"""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_http_methods, require_safe

from cities.contact_forms import MembershipApplicationForm, PractitionerMessageForm
from cities.models import Practitioner, PractitionerMessage
from scn_portal import abuse
from scn_portal.contact_views import acknowledge, notify_staff
from scn_portal.emails import absolute_url, mailbox, send

logger = logging.getLogger(__name__)


def _notify_join(request, application):
    notify_staff(
        "join_staff",
        application,
        mailbox(application.applicant_name, application.email),
    )
    acknowledge(request, "join_ack", {"country": application.country.name}, application.email)


@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    form = MembershipApplicationForm(abuse.posted_data(request))
    return abuse.respond(
        request,
        form,
        "cities/join.html",
        notify=_notify_join,
        done_url=reverse("cities:join_thanks"),
    )


@require_safe
def join_thanks(request):
    return render(request, "cities/join_thanks.html")


def reachable_practitioners(user):
    """Practitioners `user` may write to: visible to them, accepting messages, with an
    address to relay to, and not themselves."""
    return (
        Practitioner.objects.visible_to(user)
        .filter(accepts_messages=True)
        .exclude(email="")
        .exclude(user=user)
    )


def _sender_name(user):
    return user.get_full_name() or user.email


def _deliver(request, message):
    practitioner = message.practitioner
    sender = message.sender
    # Written in the practitioner's language when they have an account, else the site's.
    language = practitioner.user.language if practitioner.user_id else settings.LANGUAGE_CODE
    with override(language):
        profile_url = absolute_url(reverse("cities:profile"))
    context = {
        "message": message,
        "sender_name": _sender_name(sender),
        "sender_email": sender.email,
        "practitioner_name": practitioner.full_name,
        "profile_url": profile_url,
        "staff_email": ", ".join(settings.MODERATORS_EMAIL),
    }
    delivered = send(
        "relay_message",
        context,
        practitioner.email,
        reply_to=[mailbox(_sender_name(sender), sender.email)],
        language=language,
    )
    if delivered:
        PractitionerMessage.objects.filter(pk=message.pk).update(notified=True)
    else:
        logger.warning("PractitionerMessage %s is stored but was not delivered", message.pk)
    # The sender's acknowledgement names the practitioner; it never has their address.
    ack = {
        "subject": message.subject,
        "practitioner_name": practitioner.full_name,
        "delivered": delivered,
    }
    acknowledge(request, "relay_ack", ack, sender.email)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact_practitioner(request, slug):
    practitioner = get_object_or_404(reachable_practitioners(request.user), slug=slug)
    if request.method == "GET" and "sent" in request.GET:
        sent = (
            PractitionerMessage.objects.filter(sender=request.user, practitioner=practitioner)
            .order_by("-created_at", "-pk")
            .first()
        )
        if sent is not None:
            context = {"practitioner": practitioner, "sent": sent}
            return render(request, "cities/contact_practitioner_sent.html", context)
    form = PractitionerMessageForm(
        abuse.posted_data(request),
        instance=PractitionerMessage(sender=request.user, practitioner=practitioner),
    )
    return abuse.respond(
        request,
        form,
        "cities/contact_practitioner.html",
        notify=_deliver,
        done_url=reverse("cities:contact_practitioner", args=[slug]) + "?sent=1",
        context={"practitioner": practitioner},
    )
