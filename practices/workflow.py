"""The review workflow of a practice: which status changes are allowed, who may make them,
what is recorded, and who is told. Views, the admin and commands all call `transition`;
nothing else changes `Practice.status`.

    draft -> submitted -> published -> archived
    submitted -> changes requested -> submitted
    submitted -> rejected
    submitted -> draft (the author withdraws)

A proposed update of a published practice is its own Practice row with `update_of` set. It
goes through the same review; publishing it copies its text onto the public practice and
archives the update row.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from practices.models import REQUIRED_SECTIONS, SECTIONS, Practice, Status, StatusChange

AUTHOR = "author"
MODERATOR = "moderator"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    actor: str
    label: str
    reason_required: bool = False


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}),
            Status.SUBMITTED,
            AUTHOR,
            _("Submit for review"),
        ),
        Transition(
            "withdraw",
            frozenset({Status.SUBMITTED}),
            Status.DRAFT,
            AUTHOR,
            _("Withdraw to draft"),
        ),
        Transition(
            "publish",
            frozenset({Status.SUBMITTED}),
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
            "archive",
            frozenset({Status.PUBLISHED}),
            Status.ARCHIVED,
            MODERATOR,
            _("Archive"),
        ),
    ]
}

# Fields a proposed update carries over to the public practice when it is published.
CONTENT_FIELDS = [
    "title",
    "city",
    "summary",
    *SECTIONS,
    "stage",
    "start_year",
    "end_year",
    "evidence_level",
    "language",
    "contact_practitioner",
    "scope",
    "do_no_harm_confirmed",
]
CONTENT_M2M = ["other_cities", "organisations", "extremism_forms", "adapted_from"]


class TransitionNotAllowed(ValidationError):
    """The content is not in a state from which this change can be made."""


@dataclass(frozen=True)
class Workflow:
    """The review of one kind of content (a case study, a resource): its transitions, who
    may make them, where each is recorded, and who is told. `transition` is the one way its
    status changes.

    `owner` is the field naming the member who wrote it; `history` the model recording each
    change, with a foreign key `subject` to it; `check(obj, name)` says what is missing before
    a change (labels), `after(obj, user, now)` completes a publication, `notify` names the
    function (module.function) that emails a recorded change."""

    model: type
    history: type
    subject: str
    owner: str
    permission: str
    transitions: dict
    wrong_state: str  # "A … that is “%(status)s” cannot be changed with “%(action)s”."
    reason_missing: str
    notify: str
    check: object = None
    after: object = None

    def is_moderator(self, user):
        return bool(user and user.is_authenticated and user.has_perm(self.permission))

    def may_act(self, user, obj, name):
        """True when `user` may make transition `name` on `obj` as it is now."""
        t = self.transitions[name]
        if obj.status not in t.sources:
            return False
        if t.actor == MODERATOR:
            return self.is_moderator(user)
        owner_id = getattr(obj, f"{self.owner}_id")
        return bool(user and user.is_authenticated and owner_id == user.pk)

    def available_transitions(self, user, obj):
        return [t for t in self.transitions.values() if self.may_act(user, obj, t.name)]

    def transition(self, obj, name, user, reason="", internal_note="", notify=True):
        """Move `obj` through transition `name` on behalf of `user`, record it, and tell the
        people concerned once the database has committed.

        Raises TransitionNotAllowed when it is in the wrong state, PermissionDenied when
        `user` may not make this change, ValidationError when a required reason is missing
        or something the change needs is."""
        t = self.transitions.get(name)
        if t is None:
            raise TransitionNotAllowed(_("Unknown action."))
        reason = (reason or "").strip()
        with transaction.atomic():
            # Lock the row so two moderators cannot decide the same submission twice.
            locked = self.model.objects.select_for_update().get(pk=obj.pk)
            if locked.status not in t.sources:
                raise TransitionNotAllowed(
                    self.wrong_state % {"status": locked.get_status_display(), "action": t.label}
                )
            if not self.may_act(user, locked, name):
                raise PermissionDenied(_("You may not make this change."))
            if t.reason_required and not reason:
                raise ValidationError({"reason": self.reason_missing})
            if self.check is not None:
                self.check(locked, name)

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
            change = self.history.objects.create(
                **{self.subject: locked},
                actor=user,
                from_status=from_status,
                to_status=t.target,
                reason=reason,
                internal_note=internal_note,
            )
            if t.target == Status.PUBLISHED and self.after is not None:
                self.after(locked, user, now)
            if notify:
                told = import_string(self.notify)
                transaction.on_commit(lambda: told(change))

        obj.refresh_from_db()
        return change

    def transition_many(self, objects, name, user, reason="", internal_note=""):
        """Make transition `name` on each of `objects`, each in its own transaction, so that
        one that cannot be changed (say, another moderator decided it a moment ago) does not
        hold up the rest.

        Returns (changes, refused): the recorded change of each that moved, and an
        (object, message) pair for each that did not."""
        changes, refused = [], []
        for obj in objects:
            try:
                changes.append(self.transition(obj, name, user, reason, internal_note))
            except (ValidationError, PermissionDenied) as error:
                message = error.messages[0] if isinstance(error, ValidationError) else str(error)
                refused.append((obj, message))
        return changes, refused


def missing_for_submission(practice):
    """The labels of the fields a practice still needs before it can be reviewed."""
    required = ["title", "summary", *REQUIRED_SECTIONS]
    missing = [
        Practice._meta.get_field(name).verbose_name
        for name in required
        if not str(getattr(practice, name) or "").strip()
    ]
    if not practice.city_id:
        missing.append(Practice._meta.get_field("city").verbose_name)
    if practice.pk and not practice.themes.exists():
        missing.append(Practice._meta.get_field("themes").verbose_name)
    if not practice.do_no_harm_confirmed:
        missing.append(Practice._meta.get_field("do_no_harm_confirmed").verbose_name)
    return missing


def _complete_for_review(practice, name):
    if name == "submit":
        missing = missing_for_submission(practice)
        if missing:
            raise ValidationError(
                _("Before submitting, please complete: %(fields)s.")
                % {"fields": ", ".join(str(m) for m in missing)}
            )


def _published(practice, user, now):
    """A published proposed update replaces the public text."""
    if practice.update_of_id:
        _apply_update(practice, user, now)


def _apply_update(update, user, now):
    """Copy a published proposed update onto the public practice and archive the update."""
    public = Practice.objects.select_for_update().get(pk=update.update_of_id)
    for field in CONTENT_FIELDS:
        setattr(public, field, getattr(update, field))
    public.save()
    for field in CONTENT_M2M:
        getattr(public, field).set(getattr(update, field).all())
    public.themes.set(list(update.themes.all()))
    StatusChange.objects.create(
        practice=public,
        actor=user,
        from_status=Status.PUBLISHED,
        to_status=Status.PUBLISHED,
        reason=_("A reviewed update replaced the public text."),
    )
    update.status = Status.ARCHIVED
    update.save(update_fields=["status", "updated_at"])
    StatusChange.objects.create(
        practice=update,
        actor=user,
        from_status=Status.PUBLISHED,
        to_status=Status.ARCHIVED,
        reason=_("Merged into the public practice."),
    )


def propose_update(practice, user):
    """Start a proposed update of a published practice: a draft copy its author can edit."""
    if not practice.is_published:
        raise TransitionNotAllowed(_("Only published practice can be updated."))
    if practice.submitted_by_id != user.pk and not is_moderator(user):
        raise PermissionDenied(_("You may not propose an update of this practice."))
    existing = practice.proposed_updates.exclude(
        status__in=[Status.ARCHIVED, Status.REJECTED]
    ).first()
    if existing:
        return existing
    with transaction.atomic():
        copy = Practice(
            update_of=practice,
            submitted_by=user,
            slug=f"{practice.slug[:180]}-update-{timezone.now():%Y%m%d%H%M%S}",
            **{field: getattr(practice, field) for field in CONTENT_FIELDS},
        )
        copy.save()
        for field in CONTENT_M2M:
            getattr(copy, field).set(getattr(practice, field).all())
        copy.themes.set(list(practice.themes.all()))
    return copy


PRACTICE = Workflow(
    model=Practice,
    history=StatusChange,
    subject="practice",
    owner="submitted_by",
    permission="practices.moderate_practice",
    transitions=TRANSITIONS,
    wrong_state=_("A practice that is “%(status)s” cannot be changed with “%(action)s”."),
    reason_missing=_("Please give the author a reason."),
    notify="practices.emails.status_changed",
    check=_complete_for_review,
    after=_published,
)
is_moderator = PRACTICE.is_moderator
may_act = PRACTICE.may_act
available_transitions = PRACTICE.available_transitions
transition = PRACTICE.transition
transition_many = PRACTICE.transition_many
