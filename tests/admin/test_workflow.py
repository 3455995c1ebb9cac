"""The state machine the admin calls (practices.workflow): every allowed and every refused
transition, who may make each, and bulk transitions that skip what they cannot change."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from practices import workflow
from practices.models import Status, StatusChange
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

ALLOWED = {
    ("submit", Status.DRAFT): Status.SUBMITTED,
    ("submit", Status.CHANGES_REQUESTED): Status.SUBMITTED,
    ("withdraw", Status.SUBMITTED): Status.DRAFT,
    ("publish", Status.SUBMITTED): Status.PUBLISHED,
    ("request_changes", Status.SUBMITTED): Status.CHANGES_REQUESTED,
    ("reject", Status.SUBMITTED): Status.REJECTED,
    ("archive", Status.PUBLISHED): Status.ARCHIVED,
}
EVERY = [(name, status) for name in workflow.TRANSITIONS for status in Status]


def actor_for(name, author, moderator):
    return moderator if workflow.TRANSITIONS[name].actor == workflow.MODERATOR else author


@pytest.mark.parametrize(("name", "status"), list(ALLOWED))
def test_every_allowed_transition_moves_and_is_recorded(name, status, author, moderator):
    practice = PracticeFactory(status=status, submitted_by=author)
    user = actor_for(name, author, moderator)

    change = workflow.transition(practice, name, user, reason="Because.", notify=False)

    assert practice.status == ALLOWED[(name, status)]
    assert (change.from_status, change.to_status, change.actor) == (
        status,
        ALLOWED[(name, status)],
        user,
    )


@pytest.mark.parametrize(("name", "status"), [t for t in EVERY if t not in ALLOWED])
def test_every_other_transition_is_refused(name, status, author, moderator):
    practice = PracticeFactory(status=status, submitted_by=author)
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.transition(
            practice, name, actor_for(name, author, moderator), reason="x", notify=False
        )
    practice.refresh_from_db()
    assert practice.status == status
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("name", ["publish", "request_changes", "reject"])
def test_authors_cannot_decide_on_their_own_submission(name, author):
    practice = PracticeFactory(status=Status.SUBMITTED, submitted_by=author)
    with pytest.raises(PermissionDenied):
        workflow.transition(practice, name, author, reason="x", notify=False)


def test_moderators_cannot_submit_someone_elses_draft(moderator):
    practice = PracticeFactory(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        workflow.transition(practice, "submit", moderator, notify=False)


@pytest.mark.parametrize("name", ["request_changes", "reject"])
def test_request_changes_and_reject_need_a_reason(name, moderator):
    practice = PracticeFactory(status=Status.SUBMITTED)
    with pytest.raises(ValidationError):
        workflow.transition(practice, name, moderator, reason="   ", notify=False)
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED


def test_transition_many_changes_what_it_can_and_reports_the_rest(moderator):
    waiting = PracticeFactory(status=Status.SUBMITTED, title="Waiting")
    decided = PracticeFactory(status=Status.REJECTED, title="Decided a moment ago")

    changes, refused = workflow.transition_many([waiting, decided], "publish", moderator)

    assert [c.practice for c in changes] == [waiting]
    assert [p for p, _ in refused] == [decided]
    assert "cannot be changed" in refused[0][1]
    decided.refresh_from_db()
    assert decided.status == Status.REJECTED


def test_transition_many_refuses_a_user_who_is_not_a_moderator(member):
    practice = PracticeFactory(status=Status.SUBMITTED)
    changes, refused = workflow.transition_many([practice], "publish", member)
    assert changes == [] and len(refused) == 1
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
