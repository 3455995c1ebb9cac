"""Emails about the review of a suggested resource: moderators hear of every submission, the
member who suggested it of every decision. Called by resources.workflow after the commit."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from practices.models import Status
from scn_portal.emails import absolute_url, send


def status_changed(change):
    """The email a recorded change calls for, if any."""
    if change.to_status == Status.SUBMITTED:
        return resource_submitted(change)
    return resource_decision(change)


def resource_submitted(change):
    """To the moderators, in the site's language: a suggestion waits for review."""
    resource = change.resource
    with override(settings.LANGUAGE_CODE):
        context = {
            "resource": resource,
            "change": change,
            "review_url": absolute_url(
                reverse("admin:resources_resource_review", args=[resource.pk])
            ),
            "queue_url": absolute_url(reverse("admin:resources_resource_queue")),
        }
    return send(
        "resources_submitted", context, settings.MODERATORS_EMAIL, language=settings.LANGUAGE_CODE
    )


def resource_decision(change):
    """To the member who suggested the resource, in their language: what was decided and
    why. A resource staff added themselves tells nobody."""
    resource = change.resource
    member = resource.suggested_by
    if member is None or not member.email or change.actor_id == member.pk:
        return False
    with override(member.language):
        if change.to_status == Status.PUBLISHED:
            url = resource.get_absolute_url()
        else:
            url = reverse("resources:mine")
    context = {"resource": resource, "change": change, "resource_url": absolute_url(url)}
    return send("resources_decision", context, member.email, language=member.language)
