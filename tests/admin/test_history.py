"""The record of every decision: written by the workflow, read in the admin, never edited or
deleted there, not even by a superuser."""

import pytest
from django.urls import reverse

from practices import workflow
from practices.models import Status, StatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def change(submission, moderator):
    return workflow.transition(
        submission, "reject", moderator, reason="Out of scope.", internal_note="spam?", notify=False
    )


@pytest.mark.parametrize("who", ["admin_client", "moderator_client"])
def test_nobody_adds_changes_or_deletes_history_in_the_admin(request, who, change):
    client = request.getfixturevalue(who)
    change_url = reverse("admin:practices_statuschange_change", args=[change.pk])

    assert client.get(reverse("admin:practices_statuschange_add")).status_code == 403
    page = client.get(change_url)
    assert page.status_code == 200
    assert "Out of scope." in page.content.decode()
    assert not page.context["has_change_permission"]
    assert client.post(change_url, {"reason": "Rewritten"}).status_code == 403
    delete_url = reverse("admin:practices_statuschange_delete", args=[change.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403

    change.refresh_from_db()
    assert change.reason == "Out of scope."
    assert StatusChange.objects.count() == 1


def test_the_history_log_lists_who_decided_what(moderator_client, change):
    response = moderator_client.get(reverse("admin:practices_statuschange_changelist"))
    page = response.content.decode()
    assert "Neighbourhood mediators" in page
    assert "Mo Derator" in page
    assert "Rejected" in page
    assert "delete_selected" not in page


def test_the_practice_page_shows_its_history_read_only(admin_client, change, submission):
    url = reverse("admin:practices_practice_change", args=[submission.pk])
    response = admin_client.get(url)
    history = next(
        f for f in response.context["inline_admin_formsets"] if f.opts.model is StatusChange
    )

    assert not history.has_add_permission
    assert not history.has_change_permission
    assert not history.has_delete_permission
    assert "Out of scope." in response.content.decode()
    assert "spam?" in response.content.decode()


def test_a_decision_records_who_when_from_to_and_why(moderator_client, moderator, submission):
    moderator_client.post(
        reverse("admin:practices_practice_decide", args=[submission.pk, "request_changes"]),
        {"reason": "Please add the outcomes.", "internal_note": "Promising."},
    )
    change = StatusChange.objects.get()
    assert change.practice == submission
    assert change.actor == moderator
    assert (change.from_status, change.to_status) == (Status.SUBMITTED, Status.CHANGES_REQUESTED)
    assert change.reason == "Please add the outcomes."
    assert change.internal_note == "Promising."
    assert change.created_at is not None


def test_the_review_screens_show_the_history_with_reasons_and_notes(
    moderator_client, moderator, author, submission
):
    """Case studies and resources share one history table on their review screens."""
    from resources import workflow as resource_workflow
    from tests.factories import ResourceFactory

    workflow.transition(
        submission, "request_changes", moderator, reason="Add outcomes.", internal_note="ok"
    )
    resource = ResourceFactory(suggested_by=author, status=Status.SUBMITTED, published_at=None)
    resource_workflow.transition(
        resource, "request_changes", moderator, reason="Which year?", internal_note="check"
    )
    for url, reason, note in [
        (reverse("admin:practices_practice_review", args=[submission.pk]), "Add outcomes.", "ok"),
        (reverse("admin:resources_resource_review", args=[resource.pk]), "Which year?", "check"),
    ]:
        page = moderator_client.get(url).content.decode()
        history = page.split('id="history-heading"')[1].split("</section>")[0]
        assert "Mo Derator" in history
        assert reason in history
        assert f"<td>{note}</td>" in history
        assert "Changes requested" in history
