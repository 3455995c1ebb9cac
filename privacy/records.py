"""Everything the portal holds about one person, found by their account or by an email
address: to show it to staff, export it as one JSON document, and erase it.

One definition serves a member's own download and account deletion (privacy.views) and
staff answering a request from someone without an account (privacy.admin):

- What is theirs alone goes: the account and its addresses, a practitioner profile (with its
  record of visibility changes), drafts and submissions with their files, resource
  suggestions not published, contact messages, membership applications, interest in events.
- What the network keeps stays without them: published case studies and resources lose
  their author, relayed messages lose their sender or recipient, and their names and
  addresses are replaced by "[erased]" in every text staff or the workflow wrote
  (notes, review reasons, the admin's log).
"""

import json
import re
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cities.models import MembershipApplication, Practitioner, PractitionerMessage
from events.models import Interest
from practices.models import Practice, StatusChange
from resources.models import Resource, ResourceStatusChange
from scn_portal.models import ContactMessage

ERASED = "[erased]"
# Shorter names are not searched for in other people's text: "Ana" would match "Banana".
SHORTEST_NAME = 5
# What the network keeps of a member's own contributions once they are gone.
KEPT_STATUSES = {"published", "archived"}

# Text written about or to people, where a name or address is replaced: (model, fields).
REDACTED = [
    (ContactMessage, ("staff_notes",)),
    (MembershipApplication, ("staff_notes",)),
    (PractitionerMessage, ("subject", "body", "staff_notes")),
    (Interest, ("note", "staff_notes")),
    (StatusChange, ("reason", "internal_note")),
    (ResourceStatusChange, ("reason", "internal_note")),
    (LogEntry, ("object_repr", "change_message")),
]

# The kinds of record, in the order staff and the member read them (labels for counts).
KINDS = {
    "account": _("account"),
    "email_addresses": _("email addresses"),
    "practitioner_profiles": _("practitioner profiles"),
    "practitioner_claims": _("claims on a practitioner profile"),
    "case_studies": _("case studies"),
    "resources": _("resources suggested"),
    "contact_messages": _("contact messages"),
    "membership_applications": _("membership applications"),
    "messages_sent": _("messages sent to practitioners"),
    "messages_received": _("messages received through the portal"),
    "event_interests": _("interest in events"),
}


def _any_email(field_name, emails):
    query = Q(pk__in=[])
    for email in emails:
        query |= Q(**{f"{field_name}__iexact": email})
    return query


@dataclass
class Holdings:
    """The records of one person: `user` (or None) and every address that is theirs."""

    emails: list
    user: object = None

    @classmethod
    def of_user(cls, user):
        emails = {user.email.lower()}
        emails.update(
            address.lower()
            for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
        )
        return cls(emails=sorted(emails), user=user)

    @classmethod
    def under_email(cls, email):
        """What is held under `email`: the account that has it, if any, and all the rest."""
        email = email.strip()
        User = get_user_model()
        user = (
            User.objects.filter(email__iexact=email).first()
            or User.objects.filter(emailaddress__email__iexact=email).first()
        )
        if user is not None:
            return cls.of_user(user)
        return cls(emails=[email.lower()])

    # --- what is held -------------------------------------------------------------------

    def _of_account(self, model, field):
        """`model`'s rows whose `field` is the person's account (none without one)."""
        if self.user is None:
            return model.objects.none()
        return model.objects.filter(**{field: self.user})

    def account(self):
        User = get_user_model()
        return User.objects.filter(pk=self.user.pk) if self.user else User.objects.none()

    def email_addresses(self):
        return self._of_account(EmailAddress, "user")

    def practitioner_profiles(self):
        query = _any_email("email", self.emails)
        if self.user is not None:
            query |= Q(user=self.user)
        return Practitioner.objects.filter(query)

    def practitioner_claims(self):
        """Others' profiles the person said were theirs (staff have not linked them yet)."""
        return self._of_account(Practitioner, "claim_requested_by")

    def case_studies(self):
        return self._of_account(Practice, "submitted_by")

    def resources(self):
        return self._of_account(Resource, "suggested_by")

    def contact_messages(self):
        return ContactMessage.objects.filter(_any_email("email", self.emails))

    def membership_applications(self):
        return MembershipApplication.objects.filter(_any_email("email", self.emails))

    def messages_sent(self):
        return self._of_account(PractitionerMessage, "sender")

    def messages_received(self):
        return PractitionerMessage.objects.filter(practitioner__in=self.practitioner_profiles())

    def event_interests(self):
        return self._of_account(Interest, "member")

    def counts(self):
        """{kind: number of records}, for every kind (zero included)."""
        return {kind: getattr(self, kind)().count() for kind in KINDS}

    def is_empty(self):
        return not any(self.counts().values())

    def _names(self):
        """The person's names as the records write them, to find them in others' text."""
        names = set()
        if self.user is not None:
            names.add(self.user.get_full_name())
        names.update(self.practitioner_profiles().values_list("full_name", flat=True))
        names.update(self.contact_messages().values_list("name", flat=True))
        names.update(self.membership_applications().values_list("applicant_name", flat=True))
        return sorted(
            {name.strip() for name in names if len(name.strip()) >= SHORTEST_NAME},
            key=len,
            reverse=True,
        )

    # --- export -----------------------------------------------------------------------

    def export(self):
        """Everything held, as one JSON-ready dict (privacy.export writes each record)."""
        from privacy import export

        return export.document(self)

    # --- erasure ----------------------------------------------------------------------

    def erase(self):
        """Erase everything held and return {kind: number of records erased}. Files leave
        storage once the transaction commits (practices.signals.file_deleted). Refuses staff
        accounts: closing one is an administrator's decision in the admin, as it carries the
        admin's log."""
        if self.user is not None and self.user.is_staff:
            raise PermissionError("Staff accounts are closed in the admin.")
        counts = self.counts()
        needles = [*self.emails, *self._names()]
        # The admin's log writes its change messages as JSON: "Zoë" is stored as "Zo\u00eb".
        needles += [
            escaped
            for escaped in (json.dumps(needle)[1:-1] for needle in needles)
            if escaped not in needles
        ]
        with transaction.atomic():
            practices = self.case_studies()
            practices.exclude(status__in=KEPT_STATUSES).filter(update_of__isnull=True).delete()
            practices.filter(update_of__isnull=False).delete()
            practices.update(submitted_by=None)

            resources = self.resources()
            resources.exclude(status__in=KEPT_STATUSES).delete()
            resources.update(suggested_by=None)

            self.messages_received().update(practitioner=None)
            self.messages_sent().update(sender=None)
            self.practitioner_claims().update(claim_requested_by=None)
            self.practitioner_profiles().delete()
            self.contact_messages().delete()
            self.membership_applications().delete()
            self.event_interests().delete()
            redact_everywhere(needles)
            if self.user is not None:
                self.user.delete()
        return counts


def redact(text, needles):
    """`text` with every needle (case-insensitively) replaced by ERASED."""
    for needle in needles:
        text = re.sub(re.escape(needle), ERASED, text, flags=re.IGNORECASE)
    return text


def redact_everywhere(needles):
    """Replace the needles in every text of REDACTED that contains one."""
    if not needles:
        return
    for model, fields in REDACTED:
        query = Q(pk__in=[])
        for name in fields:
            for needle in needles:
                query |= Q(**{f"{name}__icontains": needle})
        for record in model.objects.filter(query).only("pk", *fields):
            for name in fields:
                # "[erased]" is longer than a short name: the text keeps to its column
                # (PostgreSQL refuses a longer value, and the erasure with it).
                limit = model._meta.get_field(name).max_length
                setattr(record, name, redact(getattr(record, name), needles)[:limit])
            record.save(update_fields=fields)
