"""The review of a resource, the same as a case study's (practices.workflow): which status
changes are allowed, who may make them, what is recorded, and who is told. Views, the admin
and commands all call `transition`; nothing else changes `Resource.status`.

    draft -> submitted -> published -> archived      (a member's suggestion)
    submitted -> changes requested -> submitted      (resubmit)
    submitted -> rejected
    draft -> published                               (a resource staff add themselves)

A member's suggestion is submitted as it is saved (resources.views.suggest), so it is a
draft only inside that transaction. The pieces shared with practice (the Transition record,
the actors, the refusal) come from practices.workflow.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from practices.models import Status
from practices.workflow import AUTHOR, MODERATOR, Transition, TransitionNotAllowed
from resources.models import Resource, ResourceStatusChange

# The member who suggested the resource acts as a case study's author does.
MEMBER = AUTHOR

__all__ = ["MEMBER", "MODERATOR", "TRANSITIONS", "TransitionNotAllowed", "transition"]

TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit", frozenset({Status.DRAFT}), Status.SUBMITTED, MEMBER, _("Submit for review")
        ),
        Transition(
            "resubmit",
            frozenset({Status.CHANGES_REQUESTED}),
            Status.SUBMITTED,
            MEMBER,
            _("Submit again for review"),
        ),
        Transition(
            "publish",
            frozenset({Status.DRAFT, Status.SUBMITTED}),
            Status.PUBLISHED,
            MODERATOR,
            _("Publish"),
        ),
        Transition(
            "request_changes",
            frozenset({Status.SUBMITTED}),
            Status.CHANGES_REQUESTED,
            MODERATOR,
            _("Request changes"),
            reason_required=True,
        ),
        Transition(
            "reject",
            frozenset({Status.SUBMITTED}),
            Status.REJECTED,
            MODERATOR,
            _("Reject"),
            reason_required=True,
        ),
        Transition(
            "archive", frozenset({Status.PUBLISHED}), Status.ARCHIVED, MODERATOR, _("Archive")
        ),
    ]
}


def is_moderator(user):
    return bool(user and user.is_authenticated and user.has_perm("resources.moderate_resource"))


def may_act(user, resource, name):
    """True when `user` may make transition `name` on `resource` as it is now."""
    t = TRANSITIONS[name]
    if resource.status not in t.sources:
        return False
    if t.actor == MODERATOR:
        return is_moderator(user)
    return bool(user and user.is_authenticated and resource.suggested_by_id == user.pk)


def available_transitions(user, resource):
    return [t for t in TRANSITIONS.values() if may_act(user, resource, t.name)]


def transition(resource, name, user, reason="", internal_note="", notify=True):
    """Move `resource` through transition `name` on behalf of `user`, record it, and tell the
    people concerned once the database has committed.

    Raises TransitionNotAllowed when the resource is in the wrong state, PermissionDenied
    when `user` may not make this change, ValidationError when a required reason is missing.
    """
    t = TRANSITIONS.get(name)
    if t is None:
        raise TransitionNotAllowed(_("Unknown action."))
    reason = (reason or "").strip()
    with transaction.atomic():
        # Lock the row so two moderators cannot decide the same suggestion twice.
        locked = Resource.objects.select_for_update().get(pk=resource.pk)
        if locked.status not in t.sources:
            raise TransitionNotAllowed(
                _("A resource that is “%(status)s” cannot be changed with “%(action)s”.")
                % {"status": locked.get_status_display(), "action": t.label}
            )
        if not may_act(user, locked, name):
            raise PermissionDenied(_("You may not make this change."))
        if t.reason_required and not reason:
            raise ValidationError({"reason": _("Please give the member a reason.")})

        now = timezone.now()
        from_status = locked.status
        locked.status = t.target
        update_fields = ["status", "updated_at"]
        if t.target == Status.SUBMITTED:
            locked.submitted_at = now
            update_fields.append("submitted_at")
        if t.target == Status.PUBLISHED:
            locked.published_at = now
            update_fields.append("published_at")
        locked.save(update_fields=update_fields)
        change = ResourceStatusChange.objects.create(
            resource=locked,
            actor=user,
            from_status=from_status,
            to_status=t.target,
            reason=reason,
            internal_note=internal_note,
        )
        if notify:
            from resources import emails

            transaction.on_commit(lambda: emails.status_changed(change))

    resource.refresh_from_db()
    return change
