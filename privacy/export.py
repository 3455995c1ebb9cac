"""A person's data as one JSON document (privacy.records.Holdings.export).

Each record is written with every column it has in the database, so that nothing held is
left out by accident, except what is not the person's: password hashes, and what staff
keep for themselves (internal notes, who handled an item). What staff wrote to the person
(the reasons given with each review decision) is gathered under "from_staff"."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from scn_portal.structured_data import absolute

# Columns that are not the person's data, or not theirs to receive.
LEFT_OUT = {
    "password",
    "assignee",
    "staff_notes",
    "notified",
    "internal_note",
    "actor",
    "search_document",
    "search_text",
}


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool, list, dict)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _value(record, model_field):
    if model_field.is_relation:
        related = getattr(record, model_field.name)
        return None if related is None else str(related)
    if isinstance(model_field, models.FileField):
        return None
    value = getattr(record, model_field.attname)
    if model_field.choices and value not in (None, ""):
        label = getattr(record, f"get_{model_field.name}_display")()
        return {"value": _plain(value), "label": str(label)}
    return _plain(value)


def record(obj, **extra):
    """Every column of `obj` the person may read, then `extra` (which replaces a column of
    the same name without reading it: a relation left unread costs no query)."""
    data = {
        model_field.name: _value(obj, model_field)
        for model_field in obj._meta.concrete_fields
        if model_field.name not in LEFT_OUT and model_field.name not in extra
    }
    data.update(extra)
    return data


def _history(changes):
    return [
        {
            "from": str(change.get_from_status_display()),
            "to": str(change.get_to_status_display()),
            "when": change.created_at.isoformat(),
            "reason": change.reason,
        }
        for change in changes
    ]


def _case_study(practice):
    attachments = [
        record(
            attachment,
            download=absolute(reverse("practices:attachment", args=[practice.slug, attachment.pk])),
        )
        for attachment in practice.attachments.all()
    ]
    return record(
        practice,
        themes=[tag.name for tag in practice.themes.all()],
        status_history=_history(practice.history.all()),
        attachments=attachments,
    )


def _resource(resource):
    extra = {"status_history": _history(resource.history.all())}
    if resource.file:
        extra["download"] = absolute(reverse("resources:file", args=[resource.slug]))
    return record(resource, **extra)


def _from_staff(practices, resources):
    """What staff wrote to the person: each review decision's reason, oldest first."""
    said = []
    for kind, items in (("case study", practices), ("resource", resources)):
        for item in items:
            for change in item.history.all():
                if change.reason:
                    said.append(
                        {
                            "about": kind,
                            "title": item.title,
                            "when": change.created_at.isoformat(),
                            "decision": str(change.get_to_status_display()),
                            "text": change.reason,
                        }
                    )
    return sorted(said, key=lambda entry: entry["when"])


def document(holdings):
    """The JSON-ready document of everything `holdings` finds. Written in the site's
    language (labels of choices), as the records are."""
    with translation.override(settings.LANGUAGE_CODE):
        user = holdings.user
        practices = list(
            holdings.case_studies()
            .select_related("city", "contact_practitioner", "update_of", "submitted_by")
            .prefetch_related("attachments", "history", "themes")
        )
        resources = list(
            holdings.resources()
            .select_related("publisher", "suggested_by")
            .prefetch_related("history")
        )
        profiles = (
            holdings.practitioner_profiles()
            .select_related("city", "organisation", "user", "claim_requested_by")
            .prefetch_related("expertise", "visibility_changes")
        )
        return {
            "generated_at": timezone.now().isoformat(),
            "site": settings.SITE_URL,
            "searched_addresses": holdings.emails,
            "account": record(user) if user is not None else None,
            "email_addresses": [
                record(address, user=None) for address in holdings.email_addresses()
            ],
            "practitioner_profiles": [
                record(
                    profile,
                    expertise=[tag.name for tag in profile.expertise.all()],
                    visibility_changes=[
                        {
                            "listed_publicly": change.is_public,
                            "when": change.created_at.isoformat(),
                            "by_you": user is not None and change.actor_id == user.pk,
                        }
                        for change in profile.visibility_changes.all()
                    ],
                )
                for profile in profiles
            ],
            "case_studies": [_case_study(practice) for practice in practices],
            "resources": [_resource(resource) for resource in resources],
            "contact_messages": [
                record(item) for item in holdings.contact_messages().select_related("region")
            ],
            "membership_applications": [
                record(item) for item in holdings.membership_applications()
            ],
            "messages_sent": [
                record(item, sender=None)
                for item in holdings.messages_sent().select_related("practitioner")
            ],
            "messages_received": [
                record(item, sender=None)
                for item in holdings.messages_received().select_related("practitioner")
            ],
            "practitioner_claims": [
                {"full_name": profile.full_name, "page": absolute(profile.get_absolute_url())}
                for profile in holdings.practitioner_claims()
            ],
            "event_interests": [
                record(item, member=None)
                for item in holdings.event_interests().select_related("event")
            ],
            "from_staff": _from_staff(practices, resources),
        }
