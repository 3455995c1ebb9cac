"""Keeps a member's practitioner profile in step with their account.

The relay sends messages to `Practitioner.email`, so when a member changes the email address
of their account, their profile's address follows: otherwise messages would keep going to
an address the member has given up, and perhaps no longer owns.
"""

from allauth.account.signals import email_changed
from django.dispatch import receiver

from cities.models import Practitioner


@receiver(email_changed, dispatch_uid="cities.practitioner_email_follows_account")
def practitioner_email_follows_account(sender, user, from_email_address, to_email_address, **kw):
    # Only an address that was the account's own (or none): one staff entered on purpose,
    # say a work address, stays as it is.
    old = from_email_address.email if from_email_address else ""
    profile = Practitioner.objects.filter(user=user).first()
    if profile is None:
        return
    if not profile.email or profile.email.lower() == old.lower():
        profile.email = to_email_address.email
        profile.save(update_fields=["email", "updated_at"])
