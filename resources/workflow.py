"""The review of a resource, the same as a case study's (practices.workflow): which status
changes are allowed, who may make them, what is recorded, and who is told. Views, the admin
and commands all call `transition`; nothing else changes `Resource.status`.

    draft -> submitted -> published -> archived      (a member's suggestion)
    submitted -> changes requested -> submitted      (resubmit)
    submitted -> rejected
    draft -> published                               (a resource staff add themselves)

A member's suggestion is submitted as it is saved (resources.views.suggest), so it is a
draft only inside that transaction. The review itself is practice's (practices.workflow's
`Workflow`): what differs is the table of transitions below, whose permission decides, and
who is told.
"""

from django.utils.translation import gettext_lazy as _

from practices.models import Status
from practices.workflow import AUTHOR, MODERATOR, Transition, TransitionNotAllowed, Workflow
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


RESOURCE = Workflow(
    model=Resource,
    history=ResourceStatusChange,
    subject="resource",
    owner="suggested_by",
    permission="resources.moderate_resource",
    transitions=TRANSITIONS,
    wrong_state=_("A resource that is “%(status)s” cannot be changed with “%(action)s”."),
    reason_missing=_("Please give the member a reason."),
    notify="resources.emails.status_changed",
)
is_moderator = RESOURCE.is_moderator
may_act = RESOURCE.may_act
available_transitions = RESOURCE.available_transitions
transition = RESOURCE.transition
