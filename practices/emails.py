"""Emails about a practice's review: the author hears of every decision, moderators hear of
every submission. Called by practices.workflow after the database commit."""

from django.conf import settings
from django.urls import reverse

from practices.models import Status
from scn_portal.emails import absolute_url, send


def status_changed(change):
    practice = change.practice
    context = {
        "practice": practice,
        "change": change,
        "practice_url": absolute_url(reverse("practices:mine")),
    }
    if change.to_status == Status.SUBMITTED:
        context["review_url"] = absolute_url(
            reverse("admin:practices_practice_review", args=[practice.pk])
        )
        context["queue_url"] = absolute_url(reverse("admin:practices_practice_queue"))
        return send("practice_submitted", context, settings.MODERATORS_EMAIL)
    if change.to_status == Status.DRAFT:
        return False
    author = practice.submitted_by
    if author is None or not author.email:
        return False
    if change.to_status == Status.PUBLISHED:
        # A published update has been merged into the public practice: link to that one.
        public = practice.update_of if practice.update_of_id else practice
        context["practice_url"] = absolute_url(public.get_absolute_url())
    return send("practice_decision", context, author.email)
