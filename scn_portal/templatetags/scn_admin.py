"""Template tags for the admin: the "waiting for you" counts on the admin index."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.models import MembershipApplication, Practitioner, PractitionerMessage
from practices.models import Practice
from scn_portal.models import ContactMessage, InboxStatus

register = template.Library()

NEW = f"?status__exact={InboxStatus.NEW}"


def _inbox(model):
    opts = model._meta
    return {
        "permission": f"{opts.app_label}.view_{opts.model_name}",
        "count": lambda: model.objects.new().count(),
        "url": lambda: reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + NEW,
    }


SUMMARY = [
    (
        _("submitted practice waiting for review"),
        {
            "permission": "practices.moderate_practice",
            "count": lambda: Practice.objects.awaiting_review().count(),
            "url": lambda: reverse("admin:practices_practice_queue"),
        },
    ),
    (_("new contact messages"), _inbox(ContactMessage)),
    (_("new membership applications"), _inbox(MembershipApplication)),
    (_("new messages to practitioners"), _inbox(PractitionerMessage)),
    (
        _("practitioner profiles claimed by members"),
        {
            "permission": "cities.change_practitioner",
            "count": lambda: Practitioner.objects.filter(
                claim_requested_by__isnull=False, user__isnull=True
            ).count(),
            "url": lambda: reverse("admin:cities_practitioner_changelist") + "?claim=pending",
        },
    ),
]


@register.inclusion_tag("admin/scn/moderation_summary.html", takes_context=True)
def moderation_summary(context):
    """How many of each thing staff must handle, for what this user may handle."""
    user = context["request"].user
    items = [
        {"label": label, "count": spec["count"](), "url": spec["url"]()}
        for label, spec in SUMMARY
        if user.has_perm(spec["permission"])
    ]
    return {"items": items}
