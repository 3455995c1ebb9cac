"""What the portal stops keeping: records older than their period in
settings.RETENTION_MONTHS, removed by `manage.py purge_expired` (run daily, README "Removing
expired data").

A period is a number of calendar months counted back from `now` in the site's time zone
(24 months before 31 March is 31 March two years earlier; one month before 31 March is the
last day of February). A record older than its cut-off goes; one at or after it stays.

- Contact messages, messages relayed to practitioners, interest in events and membership
  applications count from their receipt; an application marked done is kept longer
  (`handled_applications`) than one never handled (`applications`).
- Rejected case studies and resource suggestions count from their rejection: the latest
  recorded change to "rejected", else their last change. Their files leave storage once the
  deletion commits (practices.signals.file_deleted).
- Expired sessions are cleared by the configured session engine.

One transaction; a removal that did anything is recorded as a PrivacyAction with the counts
by kind, never what the records held.
"""

from contextlib import suppress
from dataclasses import dataclass
from importlib import import_module

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import MembershipApplication, PractitionerMessage
from events.models import Interest
from practices.models import Practice, Status, StatusChange
from privacy.models import PrivacyAction
from resources.models import Resource, ResourceStatusChange
from scn_portal.models import ContactMessage, InboxStatus

# What a cut-off is counted from, as the command reports it.
RECEIVED = "received"
REJECTED = "rejected"


def _received_before(model, **filters):
    def expired(cutoff):
        return model.objects.filter(created_at__lt=cutoff, **filters)

    return expired


def _rejected_before(model, history, subject):
    """Rejected `model` rows whose rejection (latest change to rejected in `history`, else
    their last change) is older than the cut-off."""

    def expired(cutoff):
        rejection = (
            history.objects.filter(**{subject: OuterRef("pk")}, to_status=Status.REJECTED)
            .order_by("-created_at", "-pk")
            .values("created_at")[:1]
        )
        return (
            model.objects.filter(status=Status.REJECTED)
            .annotate(rejected_at=Coalesce(Subquery(rejection), F("updated_at")))
            .filter(rejected_at__lt=cutoff)
        )

    return expired


def _delete(queryset):
    """Delete the rows: how many of them went (not counting what went with them)."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


@dataclass(frozen=True)
class Rule:
    setting: str  # its key in settings.RETENTION_MONTHS
    label: str
    counted_from: str
    expired: object  # cut-off -> queryset of what has expired


# In the order the command reports them; the keys are those of the audit trail's counts.
RULES = {
    "contact_messages": Rule(
        "contact_messages",
        _("contact messages"),
        RECEIVED,
        _received_before(ContactMessage),
    ),
    "relayed_messages": Rule(
        "relayed_messages",
        _("messages relayed to practitioners"),
        RECEIVED,
        _received_before(PractitionerMessage),
    ),
    "applications": Rule(
        "applications",
        _("membership applications not handled"),
        RECEIVED,
        lambda cutoff: MembershipApplication.objects.exclude(status=InboxStatus.DONE).filter(
            created_at__lt=cutoff
        ),
    ),
    "handled_applications": Rule(
        "handled_applications",
        _("membership applications handled"),
        RECEIVED,
        _received_before(MembershipApplication, status=InboxStatus.DONE),
    ),
    "event_interests": Rule(
        "event_interests",
        _("interest in events"),
        RECEIVED,
        _received_before(Interest),
    ),
    "rejected_case_studies": Rule(
        "rejected",
        _("rejected case studies"),
        REJECTED,
        _rejected_before(Practice, StatusChange, "practice"),
    ),
    "rejected_resources": Rule(
        "rejected",
        _("rejected resource suggestions"),
        REJECTED,
        _rejected_before(Resource, ResourceStatusChange, "resource"),
    ),
}
SESSIONS = "sessions"
SESSIONS_LABEL = _("expired sessions")


def cutoffs(now=None):
    """{kind: the moment before which its records have expired at `now`}."""
    now = timezone.localtime(now or timezone.now())
    months = settings.RETENTION_MONTHS
    return {kind: now - relativedelta(months=months[rule.setting]) for kind, rule in RULES.items()}


def _expired_sessions(dry_run):
    """Clear the expired sessions of the configured engine: how many there were, when the
    engine keeps them in the database (other engines cannot count theirs: 0)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    count = 0
    if hasattr(store, "get_model_class"):
        count = store.get_model_class().objects.filter(expire_date__lt=timezone.now()).count()
    if not dry_run:
        # An engine that cannot (as `clearsessions` allows): its sessions expire by themselves.
        with suppress(NotImplementedError):
            store.clear_expired()
    return count


def purge(now=None, dry_run=False):
    """Remove what has expired at `now` (default: now) and return {kind: number removed},
    for every kind of RULES and SESSIONS. With `dry_run`, only count. Writes one
    PrivacyAction when a record of RULES was removed (sessions alone are housekeeping)."""
    limits = cutoffs(now)
    counts = {}
    with transaction.atomic():
        for kind, rule in RULES.items():
            expired = rule.expired(limits[kind])
            counts[kind] = expired.count() if dry_run else _delete(expired)
        counts[SESSIONS] = _expired_sessions(dry_run)
        removed = {kind: counts[kind] for kind in RULES}
        if not dry_run and any(removed.values()):
            PrivacyAction.objects.create(kind=PrivacyAction.Kind.RETENTION, counts=removed)
    return counts
