"""The review of a suggested resource, the same as a case study's: the queue, decisions
with reasons, emails in the member's language, the history, and the rules of the workflow."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from practices.models import Status
from resources import workflow
from resources.models import Resource, ResourceStatusChange
from tests.factories import ResourceFactory, with_pdf
from tests.html import card_titles
from tests.practices.test_attachment_safety import CRAFTED
from tests.resources.conftest import suggestion

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:resources_resource_queue")


def review_url(resource):
    return reverse("admin:resources_resource_review", args=[resource.pk])


def decide_url(resource, action):
    return reverse("admin:resources_resource_decide", args=[resource.pk, action])


def test_suggest_request_changes_resubmit_publish(
    client, member, moderator, django_capture_on_commit_callbacks
):
    member.language = "fr"
    member.save()
    hub = reverse("resources:list")

    # The member suggests a resource; moderators are told.
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("resources:suggest"), suggestion(title="First title"))
    resource = Resource.objects.get()
    assert [m.to for m in mail.outbox] == [["moderators@strongcities.example"]]
    client.logout()
    assert client.get(resource.get_absolute_url()).status_code == 404

    # It waits in the queue.
    client.force_login(moderator)
    queue = client.get(QUEUE, follow=True)
    assert "Resources waiting for review" in queue.text
    assert "First title" in queue.text
    assert client.get(review_url(resource)).status_code == 200

    # Asking for changes needs a reason ...
    response = client.post(decide_url(resource, "request_changes"), {"reason": "  "})
    assert response.status_code == 200
    assert "Please give the member a reason." in response.text
    resource.refresh_from_db()
    assert resource.status == Status.SUBMITTED

    # ... which the member is sent, in their language.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            decide_url(resource, "request_changes"),
            {"reason": "Please give the publisher.", "internal_note": "Known author."},
        )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == Status.CHANGES_REQUESTED
    [message] = mail.outbox
    assert message.to == [member.email]
    assert "Please give the publisher." in message.body
    assert "Known author." not in message.body
    assert "http://testserver/fr/resources/suggestions/" in message.body

    # The member reads the reason, changes the suggestion and submits it again.
    client.force_login(member)
    mine = client.get(reverse("resources:mine"))
    assert "Please give the publisher." in mine.text
    edit = reverse("resources:edit", args=[resource.pk])
    form = client.get(edit)
    assert "What the moderators ask you to change" in form.text
    assert 'value="First title"' in form.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, suggestion(title="Better title"))
    assert response.status_code == 302
    resource.refresh_from_db()
    assert (resource.title, resource.status) == ("Better title", Status.SUBMITTED)
    assert resource.slug == "better-title"
    assert [m.to for m in mail.outbox] == [["moderators@strongcities.example"]]
    assert "changed it after you asked for changes" in mail.outbox[0].body

    # The moderator publishes it; the member is told, with the public address.
    client.force_login(moderator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(resource, "publish"), {"reason": ""})
    resource.refresh_from_db()
    assert resource.status == Status.PUBLISHED
    assert resource.published_at is not None
    [message] = mail.outbox
    assert message.to == [member.email]
    assert "http://testserver/fr/resources/better-title/" in message.body

    # Every step is in the history.
    steps = [
        (change.actor, change.from_status, change.to_status, change.reason, change.internal_note)
        for change in resource.history.order_by("created_at", "pk")
    ]
    assert steps == [
        (member, Status.DRAFT, Status.SUBMITTED, "", ""),
        (moderator, Status.SUBMITTED, Status.CHANGES_REQUESTED, "Please give the publisher.",
         "Known author."),
        (member, Status.CHANGES_REQUESTED, Status.SUBMITTED, "", ""),
        (moderator, Status.SUBMITTED, Status.PUBLISHED, "", ""),
    ]  # fmt: skip

    # Anyone finds it now.
    client.logout()
    assert client.get(resource.get_absolute_url()).status_code == 200
    assert card_titles(client.get(hub)) == ["Better title"]


def test_a_rejected_suggestion_tells_the_member_why_and_can_no_longer_be_changed(
    client, member, moderator, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(suggested_by=member, status=Status.SUBMITTED)
    client.force_login(moderator)
    response = client.post(decide_url(resource, "reject"), {"reason": ""})
    assert "Please give the member a reason." in response.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(resource, "reject"), {"reason": "Not about prevention."})
    resource.refresh_from_db()
    assert resource.status == Status.REJECTED
    [message] = mail.outbox
    assert message.to == [member.email]
    assert "Not about prevention." in message.body
    assert "Rejected" in message.subject
    client.force_login(member)
    assert "Change and submit again" not in client.get(reverse("resources:mine")).text
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.transition(resource, "resubmit", member)


def test_archiving_takes_a_resource_out_of_the_hub(
    client, member, moderator, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(suggested_by=member, title="Old toolkit")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(resource, "archive"), {"reason": "Out of date."})
    resource.refresh_from_db()
    assert resource.status == Status.ARCHIVED
    assert "Out of date." in mail.outbox[0].body
    client.logout()
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert card_titles(client.get(reverse("resources:list"))) == []


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Status.PUBLISHED, "publish"),
        (Status.REJECTED, "publish"),
        (Status.CHANGES_REQUESTED, "reject"),
        (Status.SUBMITTED, "archive"),
        (Status.ARCHIVED, "request_changes"),
    ],
)
def test_a_decision_the_state_does_not_allow_is_refused(client, moderator, status, action):
    resource = ResourceFactory(status=status)
    client.force_login(moderator)
    response = client.post(decide_url(resource, action), {"reason": "Because."}, follow=True)
    assert "is not possible for" in response.text
    resource.refresh_from_db()
    assert resource.status == status
    assert not ResourceStatusChange.objects.exists()
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.transition(resource, action, moderator, reason="Because.")


def test_members_cannot_decide_and_moderators_cannot_submit_for_a_member(
    member, other_member, moderator
):
    resource = ResourceFactory(suggested_by=member, status=Status.SUBMITTED)
    for user in (member, other_member):
        with pytest.raises(PermissionDenied):
            workflow.transition(resource, "publish", user)
    asked = ResourceFactory(suggested_by=member, status=Status.CHANGES_REQUESTED)
    for user in (other_member, moderator):
        with pytest.raises(PermissionDenied):
            workflow.transition(asked, "resubmit", user)
    with pytest.raises(ValidationError):
        workflow.transition(resource, "request_changes", moderator, reason="   ")
    assert not ResourceStatusChange.objects.exists()


def test_staff_without_the_permission_never_reach_the_review_screens(client, member):
    resource = ResourceFactory(status=Status.SUBMITTED)
    member.is_staff = True  # staff, but not a moderator
    member.save()
    client.force_login(member)
    assert client.get(review_url(resource)).status_code == 403
    assert client.post(decide_url(resource, "publish")).status_code == 403
    resource.refresh_from_db()
    assert resource.status == Status.SUBMITTED


def test_the_queue_puts_who_waited_longest_first(client, moderator):
    now = timezone.now()
    for days, title in [(1, "Recent"), (9, "Oldest"), (4, "Middle")]:
        ResourceFactory(title=title, status=Status.SUBMITTED, submitted_at=now - timedelta(days))
    ResourceFactory(title="Already public")
    client.force_login(moderator)
    text = client.get(QUEUE, follow=True).text
    assert "Already public" not in text
    assert text.index("Oldest") < text.index("Middle") < text.index("Recent")


def test_staff_add_a_resource_as_a_draft_and_publish_it_from_the_review_screen(
    client, moderator, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    response = client.post(
        reverse("admin:resources_resource_add"),
        {
            "title": "Network handbook",
            "slug": "network-handbook",
            "kind": "guide",
            "summary": "How the network works.",
            "language": "en",
            "themes": "education",
            "year": "2024",
            "url": "https://example.org/handbook",
            "history-TOTAL_FORMS": "0",
            "history-INITIAL_FORMS": "0",
        },
    )
    resource = Resource.objects.get()
    assert response["Location"] == review_url(resource)
    assert resource.status == Status.DRAFT
    assert client.get(resource.get_absolute_url()).status_code == 200  # a moderator sees it
    review = client.get(review_url(resource))
    assert decide_url(resource, "publish") in review.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(decide_url(resource, "publish"), {"reason": ""})
    resource.refresh_from_db()
    assert resource.status == Status.PUBLISHED
    assert mail.outbox == []  # nobody suggested it: nobody to tell
    client.logout()
    assert client.get(resource.get_absolute_url()).status_code == 200


def test_staff_upload_goes_through_the_same_pdf_check(client, moderator):
    client.force_login(moderator)
    response = client.post(
        reverse("admin:resources_resource_add"),
        {
            "title": "Hostile",
            "slug": "hostile",
            "kind": "guide",
            "summary": "x",
            "language": "en",
            "year": "2024",
            "file": SimpleUploadedFile("h.pdf", CRAFTED["open_action_javascript"]()),
            "history-TOTAL_FORMS": "0",
            "history-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert not Resource.objects.exists()


def test_the_history_is_read_only_in_the_admin(client, moderator):
    resource = ResourceFactory(status=Status.SUBMITTED)
    change = workflow.transition(resource, "publish", moderator, notify=False)
    client.force_login(moderator)
    url = reverse("admin:resources_resourcestatuschange_change", args=[change.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="reason"' not in response.text
    assert client.post(url, {"reason": "rewritten"}).status_code == 403
    delete = reverse("admin:resources_resourcestatuschange_delete", args=[change.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert ResourceStatusChange.objects.get().reason == ""


def test_deleting_a_resource_removes_its_pdf_from_storage(
    admin_client, django_capture_on_commit_callbacks
):
    resource = with_pdf(ResourceFactory())
    storage, name = resource.file.storage, resource.file.name
    assert storage.exists(name)
    delete = reverse("admin:resources_resource_delete", args=[resource.pk])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(delete, {"post": "yes"})
    assert not type(resource).objects.filter(pk=resource.pk).exists()
    assert not storage.exists(name)
