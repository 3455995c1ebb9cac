"""Nothing lost: a mail server that is down, a database that fails in the middle of a
submission, and the same form sent twice. The person always sees a clear page (never an
error page), and what they sent is saved exactly once or not at all.

The contact, join and relay forms have the same tests next to them in tests/contact/; this
file covers the case-study form, the account forms, a member's resource suggestion and a
member's interest in an event.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, IntegrityError
from django.urls import reverse
from taggit.models import Tag

from events.models import Interest
from practices.forms import PracticeForm
from practices.models import Attachment, Practice, Status, StatusChange
from resources import workflow as resource_workflow
from resources.models import Resource, ResourceStatusChange
from scn_portal import page_cache
from scn_portal.models import User
from tests.factories import (
    DEFAULT_PASSWORD,
    MINIMAL_PDF,
    CityFactory,
    EventFactory,
    PracticeFactory,
    ResourceFactory,
    with_pdf,
)

pytestmark = pytest.mark.django_db

CREATE = reverse("practices:create")
SIGNUP = reverse("account_signup")
NEW_PASSWORD = "harbour-lantern-window-73"


class MailServerDown(ConnectionRefusedError):
    pass


class DownEmailBackend:
    """An SMTP server that refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise MailServerDown("[Errno 111] Connection refused")


@pytest.fixture
def mail_down(settings):
    settings.EMAIL_BACKEND = f"{__name__}.DownEmailBackend"


def case_study(client, url=CREATE, **values):
    """What the browser sends from the case-study page at `url`: its display token, plus a
    complete case study."""
    token = client.get(url).context["form"]["form_token"].value()
    city = CityFactory()
    data = {
        "form_token": token,
        "title": "Youth mentors in the northern districts",
        "city": city.pk,
        "summary": "Mentors meet young people every week.",
        "problem": "Young people were recruited online.",
        "approach": "Trained mentors, weekly meetings.",
        "target_audience": "Young people aged 14 to 20.",
        "outcomes": "Fewer referrals.",
        "lessons": "Start with the schools.",
        "new_themes": "youth engagement, mentoring",
        "do_no_harm_confirmed": "on",
        "action": "save",
    }
    return {**data, **values}


def page_messages(response):
    return [str(message) for message in response.context["messages"]]


# --- the case-study form: sent twice ------------------------------------------------------


@pytest.mark.parametrize("action", ["save", "submit"])
def test_a_case_study_sent_twice_is_saved_once_and_the_second_answer_points_to_it(
    author_client, author, action
):
    data = case_study(author_client, action=action)
    first = author_client.post(CREATE, data)
    second = author_client.post(CREATE, data, follow=True)

    practice = Practice.objects.get()
    assert first.status_code == 302
    assert second.redirect_chain[0][0] == reverse("practices:edit", args=[practice.pk])
    assert "was already saved from this form; it has not been saved twice" in second.text
    assert StatusChange.objects.count() == (1 if action == "submit" else 0)


def test_a_document_sent_twice_is_attached_once(author_client, author):
    draft = PracticeFactory(submitted_by=author, status=Status.DRAFT, title="Safe spaces")
    url = reverse("practices:edit", args=[draft.pk])
    data = case_study(author_client, url, title="Safe spaces")
    for _ in range(2):
        data["attachment"] = SimpleUploadedFile("report.pdf", MINIMAL_PDF, "application/pdf")
        assert author_client.post(url, data).status_code == 302
    assert Attachment.objects.filter(practice=draft).count() == 1


def test_a_changed_form_sent_again_is_not_taken_for_a_duplicate(author_client):
    data = case_study(author_client)
    author_client.post(CREATE, data)

    changed = {**data, "title": "Mentors in the south as well"}
    response = author_client.post(CREATE, changed)

    assert response.status_code == 200
    assert "already saved once, as “Youth mentors in the northern districts”" in response.text
    form = response.context["form"]
    assert form["title"].value() == "Mentors in the south as well"
    fresh = form["form_token"].value()
    assert fresh != data["form_token"]
    assert Practice.objects.count() == 1

    assert author_client.post(CREATE, {**changed, "form_token": fresh}).status_code == 302
    assert Practice.objects.count() == 2


def test_a_form_without_its_token_is_still_saved(author_client):
    data = case_study(author_client)
    del data["form_token"]
    assert author_client.post(CREATE, data).status_code == 302
    assert Practice.objects.count() == 1


# --- the case-study form: the database fails -------------------------------------------------


def fail_after_the_practice_is_written(monkeypatch):
    """The practice row is written, then the database refuses the next statement."""

    def broken(form):
        assert Practice.objects.filter(pk=form.instance.pk).exists()
        raise IntegrityError("the database refused the themes")

    monkeypatch.setattr(PracticeForm, "save_extras", broken)


def test_a_database_error_mid_save_stores_nothing_and_keeps_what_was_typed(
    author_client, monkeypatch
):
    data = case_study(author_client)
    tags = Tag.objects.count()
    with monkeypatch.context() as patch:
        fail_after_the_practice_is_written(patch)
        response = author_client.post(CREATE, data)

    assert response.status_code == 200
    assert "could not save your case study just now, so nothing of it was saved" in response.text
    assert "Nothing you typed has been lost" in response.text
    assert response.context["form"]["summary"].value() == data["summary"]
    assert response.context["practice"].pk is None
    assert (Practice.objects.count(), Tag.objects.count()) == (0, tags)

    # The same form can be sent again once the database is back.
    assert author_client.post(CREATE, data).status_code == 302
    assert Practice.objects.get().title == data["title"]


def test_a_database_error_while_editing_leaves_the_saved_draft_as_it_was(
    author_client, author, monkeypatch
):
    draft = PracticeFactory(submitted_by=author, status=Status.DRAFT, title="Safe spaces")
    url = reverse("practices:edit", args=[draft.pk])
    themes = set(draft.themes.names())
    data = case_study(author_client, url, title="Renamed")
    with monkeypatch.context() as patch:
        fail_after_the_practice_is_written(patch)
        response = author_client.post(url, data)

    assert response.status_code == 200
    assert "nothing of it was saved" in response.text
    draft.refresh_from_db()
    assert (draft.title, draft.summary) == ("Safe spaces", PracticeFactory.summary)
    assert set(draft.themes.names()) == themes


def test_a_document_whose_row_cannot_be_written_leaves_no_file_behind(
    author_client, author, monkeypatch, settings
):
    draft = PracticeFactory(submitted_by=author, status=Status.DRAFT, title="Safe spaces")
    url = reverse("practices:edit", args=[draft.pk])
    data = case_study(author_client, url, title="Safe spaces")
    data["attachment"] = SimpleUploadedFile("report.pdf", MINIMAL_PDF, "application/pdf")

    def broken_insert(*args, **kwargs):
        raise DatabaseError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(Attachment, "_do_insert", broken_insert)
        response = author_client.post(url, data)

    assert response.status_code == 200
    assert "Please choose “report.pdf” again" in response.text
    assert not Attachment.objects.exists()
    stored = [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]
    assert stored == []


def test_a_database_error_while_submitting_keeps_the_saved_draft(author_client, monkeypatch):
    data = case_study(author_client, action="submit")

    def broken_create(*args, **kwargs):
        raise DatabaseError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(StatusChange.objects, "create", broken_create)
        response = author_client.post(CREATE, data, follow=True)

    practice = Practice.objects.get()
    assert response.status_code == 200
    assert practice.status == Status.DRAFT
    assert practice.summary == data["summary"]
    assert not StatusChange.objects.exists()
    assert any("we could not send it for review just now" in m for m in page_messages(response))


# --- the case-study form: the mail server is down ----------------------------------------


def test_when_mail_is_down_a_submission_stands_and_waits_in_the_moderation_queue(
    author_client, mail_down, moderator, client, caplog, django_capture_on_commit_callbacks
):
    data = case_study(author_client, action="submit")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = author_client.post(CREATE, data, follow=True)

    # The content version changes at commit too (scn_portal.page_cache); the
    # rest is the one email.
    emails = [callback for callback in callbacks if callback.__module__ != page_cache.__name__]
    assert len(emails) == 1

    practice = Practice.objects.get()
    assert response.status_code == 200
    assert practice.status == Status.SUBMITTED
    assert StatusChange.objects.get().to_status == Status.SUBMITTED
    assert any("has been sent for review" in m for m in page_messages(response))
    assert "Could not send practice_submitted email" in caplog.text
    client.force_login(moderator)
    queue = client.get(reverse("admin:practices_practice_queue"), follow=True)
    assert practice.title in queue.text


# --- sign-up -----------------------------------------------------------------------------


def sign_up(client, email="newcomer@example.org", follow=False):
    data = {
        "email": email,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "privacy_notice": "on",
    }
    return client.post(SIGNUP, data, follow=follow)


def test_when_mail_is_down_the_account_is_kept_and_the_person_told_honestly(
    client, mail_down, caplog
):
    response = sign_up(client, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("account_email_verification_sent")
    user = User.objects.get()
    assert EmailAddress.objects.get(user=user).verified is False
    shown = page_messages(response)
    assert any("could not send the email to confirm newcomer@example.org" in m for m in shown)
    assert not any("sent to" in m.lower() for m in shown)
    assert "Could not send the account/email/email_confirmation_signup email" in caplog.text


def test_once_mail_is_back_signing_in_sends_the_verification_again(client, mail_down, settings):
    sign_up(client)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "confirm_email": False}

    client.post(
        reverse("account_login"), {"login": "newcomer@example.org", "password": NEW_PASSWORD}
    )

    assert mail.outbox[-1].to == ["newcomer@example.org"]
    assert re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body)


def test_a_database_error_during_sign_up_stores_nothing_and_keeps_the_address(client, monkeypatch):
    def broken_save(*args, **kwargs):
        raise IntegrityError("the database refused the address")

    with monkeypatch.context() as patch:
        patch.setattr(EmailAddress, "save", broken_save)
        response = sign_up(client)

    assert response.status_code == 200
    assert "could not create your account just now, so nothing was saved" in response.text
    assert 'value="newcomer@example.org"' in response.text
    assert (User.objects.count(), EmailAddress.objects.count()) == (0, 0)
    assert mail.outbox == []

    assert sign_up(client).status_code == 302
    assert (User.objects.count(), EmailAddress.objects.count()) == (1, 1)


def test_a_sign_up_sent_twice_creates_one_account(client):
    first, second = sign_up(client), sign_up(client)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == reverse("account_email_verification_sent")
    assert (User.objects.count(), EmailAddress.objects.count()) == (1, 1)


# --- password reset ----------------------------------------------------------------------


def test_when_mail_is_down_a_password_reset_says_so_and_changes_nothing(client, member, mail_down):
    response = client.post(reverse("account_reset_password"), {"email": member.email}, follow=True)

    assert response.status_code == 200
    assert any(
        f"could not send an email to {member.email} just now" in m for m in page_messages(response)
    )
    member.refresh_from_db()
    assert member.check_password(DEFAULT_PASSWORD)


# --- a member's resource suggestion (issue 20) ---------------------------------------------

SUGGEST = reverse("resources:suggest")


def suggestion(client, url=SUGGEST, **values):
    """What the browser sends from the suggestion page at `url`: its display token, a
    complete suggestion and a PDF."""
    token = client.get(url).context["form"]["form_token"].value()
    data = {
        "form_token": token,
        "title": "Talking with young people about conspiracy myths",
        "kind": "guide",
        "summary": "A guide for youth workers on conversations about conspiracy myths.",
        "language": "en",
        "themes": "youth engagement, online harms",
        "year": "2023",
        "url": "https://example.org/guide",
        "file": SimpleUploadedFile("guide.pdf", MINIMAL_PDF, "application/pdf"),
    }
    return {**data, **values}


def stored_files(settings):
    return [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]


def test_when_mail_is_down_a_suggestion_stands_and_waits_in_the_queue(
    member_client, mail_down, moderator, client, caplog, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(SUGGEST, suggestion(member_client), follow=True)

    resource = Resource.objects.get()
    assert response.status_code == 200
    assert resource.status == Status.SUBMITTED
    assert resource.history.get().to_status == Status.SUBMITTED
    assert any("has been sent for review" in m for m in page_messages(response))
    assert "Could not send resources_submitted email" in caplog.text
    client.force_login(moderator)
    queue = client.get(reverse("admin:resources_resource_queue"), follow=True)
    assert resource.title in queue.text


def test_a_database_error_mid_suggestion_stores_nothing_and_keeps_what_was_typed(
    member_client, monkeypatch, settings
):
    data = suggestion(member_client)

    def broken(resource, *args, **kwargs):
        assert Resource.objects.filter(pk=resource.pk).exists()
        raise DatabaseError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(resource_workflow, "transition", broken)
        response = member_client.post(SUGGEST, data)

    assert response.status_code == 200
    assert "could not save your suggestion just now, so nothing of it was saved" in response.text
    assert response.context["form"]["summary"].value() == data["summary"]
    assert "Please choose “guide.pdf” again" in response.text
    assert not Resource.objects.exists()
    assert not ResourceStatusChange.objects.exists()
    assert stored_files(settings) == []

    # The same form can be sent again once the database is back.
    data["file"] = SimpleUploadedFile("guide.pdf", MINIMAL_PDF, "application/pdf")
    assert member_client.post(SUGGEST, data).status_code == 302
    assert Resource.objects.get().status == Status.SUBMITTED


def test_a_database_error_while_changing_a_returned_suggestion_leaves_it_as_it_was(
    author_client, author, monkeypatch, settings
):
    returned = with_pdf(
        ResourceFactory(title="As it was", suggested_by=author, status=Status.CHANGES_REQUESTED)
    )
    url = reverse("resources:edit", args=[returned.pk])
    files = stored_files(settings)
    data = suggestion(author_client, url, title="Changed")

    def broken(*args, **kwargs):
        raise DatabaseError("the database went away")

    with monkeypatch.context() as patch:
        patch.setattr(resource_workflow, "transition", broken)
        response = author_client.post(url, data)

    assert response.status_code == 200
    assert "nothing of it was saved" in response.text
    returned.refresh_from_db()
    assert (returned.title, returned.status) == ("As it was", Status.CHANGES_REQUESTED)
    assert returned.file.storage.exists(returned.file.name)
    assert stored_files(settings) == files


def test_a_suggestion_sent_twice_is_saved_once_and_the_second_answer_points_to_it(
    member_client,
):
    data = suggestion(member_client, file="")
    first = member_client.post(SUGGEST, data)
    second = member_client.post(SUGGEST, data, follow=True)

    assert first.status_code == 302
    assert second.redirect_chain[-1][0] == reverse("resources:mine")
    assert "it has not been sent twice" in second.text
    assert Resource.objects.count() == ResourceStatusChange.objects.count() == 1


# --- a member's interest in an event (issue 20) --------------------------------------------


def test_when_mail_is_down_an_interest_is_kept_for_staff_to_pass_on(
    member_client, member, mail_down, caplog, django_capture_on_commit_callbacks
):
    event = EventFactory(organiser_email="organiser@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            reverse("events:interest", args=[event.slug]), {"note": "Hello"}, follow=True
        )

    assert response.status_code == 200
    assert any("Your interest is registered" in m for m in page_messages(response))
    interest = Interest.objects.get()
    assert (interest.member, interest.note, interest.notified) == (member, "Hello", False)
    assert "Could not send" in caplog.text


def test_an_interest_sent_twice_at_once_is_stored_once(member_client, member, monkeypatch):
    """The second click arrives while the first is being saved: the database's constraint
    refuses it, and the member is told it was registered (no error page)."""
    event = EventFactory()
    url = reverse("events:interest", args=[event.slug])
    member_client.post(url, {"note": "First"})
    # As if the first had not been committed when the second looked for it.
    monkeypatch.setattr(
        "events.views.Interest.objects.filter",
        lambda *args, **kwargs: Interest.objects.none(),
    )

    response = member_client.post(url, {"note": "Second"}, follow=True)

    assert response.status_code == 200
    assert any("already registered your interest" in m for m in page_messages(response))
    assert list(Interest.objects.values_list("note", flat=True)) == ["First"]
