"""Who is told what: the author hears of each decision with the reason and a link, the
moderators hear of each submission; the decision is saved before any email goes out, and a
failed email is logged while the decision stands."""

import logging
from smtplib import SMTPException
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from practices import workflow
from practices.models import Practice, Status, StatusChange
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def decide(client, practice, action, reason=""):
    url = reverse("admin:practices_practice_decide", args=[practice.pk, action])
    return client.post(url, {"reason": reason})


def test_moderators_are_told_of_a_submission_with_a_link_to_review_it(
    author, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["desk@strongcities.example", "lead@strongcities.example"]
    practice = PracticeFactory(title="Street mediators", status=Status.DRAFT, submitted_by=author)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(practice, "submit", author)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == settings.MODERATORS_EMAIL
    assert "Street mediators" in message.subject
    review = reverse("admin:practices_practice_review", args=[practice.pk])
    assert f"http://testserver{review}" in message.body
    assert "http://testserver/admin/practices/practice/queue/" in message.body
    assert "proposed update" not in message.body


def test_moderators_are_told_when_a_submission_is_a_proposed_update(
    author, django_capture_on_commit_callbacks
):
    update = workflow.propose_update(PracticeFactory(submitted_by=author), author)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(update, "submit", author)
    assert "proposed update of a published practice" in mail.outbox[0].body


def test_the_author_is_told_of_a_decision_with_the_reason_and_a_link(
    moderator_client, submission, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, submission, "request_changes", "Say what changed for pupils.")

    message = mail.outbox[0]
    assert message.to == [author.email]
    assert "Neighbourhood mediators" in message.subject
    assert "Changes requested" in message.subject
    assert "Say what changed for pupils." in message.body
    assert "http://testserver/contribute/" in message.body


def test_no_email_is_sent_before_the_decision_is_committed(
    moderator_client, submission, django_capture_on_commit_callbacks
):
    seen = []

    def send(message, *args, **kwargs):
        seen.append(Practice.objects.get(pk=submission.pk).status)
        return 1

    with mock.patch("django.core.mail.EmailMessage.send", send):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            decide(moderator_client, submission, "publish")
        assert seen == []  # nothing sent inside the transaction
        for callback in callbacks:
            callback()

    assert seen == [Status.PUBLISHED]


@pytest.mark.parametrize(("action", "reason"), [("publish", ""), ("reject", "Out of scope.")])
def test_a_failed_email_is_logged_and_the_decision_stands(
    moderator_client, submission, caplog, action, reason, django_capture_on_commit_callbacks
):
    failing = mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=SMTPException("mail server down")
    )
    with failing, caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = decide(moderator_client, submission, action, reason)

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == workflow.TRANSITIONS[action].target
    assert StatusChange.objects.filter(practice=submission).count() == 1
    assert "Could not send practice_decision email" in caplog.text
    assert len(mail.outbox) == 0


def test_bulk_publishing_emails_each_author_and_survives_a_failed_email(
    moderator, django_capture_on_commit_callbacks
):
    first = PracticeFactory(status=Status.SUBMITTED)
    second = PracticeFactory(status=Status.SUBMITTED)
    calls = []

    def send_once_then_fail(message, *args, **kwargs):
        calls.append(message.to)
        if len(calls) == 1:
            raise SMTPException("mail server down")
        return 1

    flaky = mock.patch("django.core.mail.EmailMessage.send", send_once_then_fail)
    with flaky, django_capture_on_commit_callbacks(execute=True):
        changes, refused = workflow.transition_many([first, second], "publish", moderator)

    assert len(changes) == 2 and refused == []
    assert calls == [[first.submitted_by.email], [second.submitted_by.email]]
    assert set(Practice.objects.filter(status=Status.PUBLISHED)) == {first, second}


def test_withdrawing_to_draft_tells_nobody(author, django_capture_on_commit_callbacks):
    practice = PracticeFactory(status=Status.SUBMITTED, submitted_by=author)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(practice, "withdraw", author)
    assert mail.outbox == []
