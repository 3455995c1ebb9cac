"""Template tags for the admin: the "waiting for you" counts on the admin index."""

from django import template
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cities.models import MembershipApplication, Practitioner, PractitionerMessage
from events.models import Interest
from practices.models import Practice
from resources.models import Resource
from scn_portal.models import ContactMessage, InboxStatus

register = template.Library()

NEW = f"?status__exact={InboxStatus.NEW}"


def _inbox(model, unsent_label):
    opts = model._meta
    changelist = f"admin:{opts.app_label}_{opts.model_name}_changelist"

    def counts():
        return model.objects.aggregate(
            new=Count("pk", filter=Q(status=InboxStatus.NEW)),
            # New and the email about it failed: no one may know it is there.
            unsent=Count("pk", filter=Q(status=InboxStatus.NEW, notified=False)),
        )

    return {
        "permission": f"{opts.app_label}.view_{opts.model_name}",
        "counts": counts,
        "url": lambda: reverse(changelist) + NEW,
        "unsent_label": unsent_label,
        "unsent_url": lambda: reverse(changelist) + NEW + "&notified__exact=0",
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
    (
        _("suggested resources waiting for review"),
        {
            "permission": "resources.moderate_resource",
            "count": lambda: Resource.objects.awaiting_review().count(),
            "url": lambda: reverse("admin:resources_resource_queue"),
        },
    ),
    (
        _("new contact messages"),
        _inbox(ContactMessage, _("contact messages staff were not emailed about")),
    ),
    (
        _("new membership applications"),
        _inbox(MembershipApplication, _("membership applications staff were not emailed about")),
    ),
    (
        _("new messages to practitioners"),
        _inbox(PractitionerMessage, _("messages to practitioners that could not be delivered")),
    ),
    (
        _("members' new interest in events"),
        _inbox(Interest, _("interest in events whose organiser was not emailed")),
    ),
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
    items, unsent = [], []
    for label, spec in SUMMARY:
        if not user.has_perm(spec["permission"]):
            continue
        if "counts" not in spec:
            items.append({"label": label, "count": spec["count"](), "url": spec["url"]()})
            continue
        counts = spec["counts"]()
        items.append({"label": label, "count": counts["new"], "url": spec["url"]()})
        if counts["unsent"]:
            # Shown only when there is one: an email failed and no one may have seen it.
            unsent.append(
                {
                    "label": spec["unsent_label"],
                    "count": counts["unsent"],
                    "url": spec["unsent_url"](),
                }
            )
    return {"items": items, "unsent": unsent}
