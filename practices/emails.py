"""Emails about a practice's review: the author hears of every decision, moderators hear of
every submission. Called by practices.workflow after the database commit."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from practices.models import Status
from scn_portal.emails import absolute_url, send


def status_changed(change):
    """Moderators are written to in the site's language, an author in their own, with
    addresses in that language too."""
    practice = change.practice
    context = {"practice": practice, "change": change}
    if change.to_status == Status.SUBMITTED:
        with override(settings.LANGUAGE_CODE):
            context["practice_url"] = absolute_url(reverse("practices:mine"))
            context["review_url"] = absolute_url(
                reverse("admin:practices_practice_review", args=[practice.pk])
            )
            context["queue_url"] = absolute_url(reverse("admin:practices_practice_queue"))
        staff = settings.MODERATORS_EMAIL
        return send("practice_submitted", context, staff, language=settings.LANGUAGE_CODE)
    if change.to_status == Status.DRAFT:
        return False
    author = practice.submitted_by
    if author is None or not author.email:
        return False
    with override(author.language):
        context["practice_url"] = absolute_url(reverse("practices:mine"))
        if change.to_status == Status.PUBLISHED:
            # A published update has been merged into the public practice: link to that one.
            public = practice.update_of if practice.update_of_id else practice
            context["practice_url"] = absolute_url(public.get_absolute_url())
    return send("practice_decision", context, author.email, language=author.language)
