"""The logs carry no personal data: every form that takes a person's details is sent through
its journey (the mail server refusing, the database failing where the portal logs it), and
no address, name or message typed reaches a log record: not the portal's own messages, and
not what the configured console handler writes of any record, a library's included."""

import io
import logging
import smtplib
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.locmem import EmailBackend
from django.db import IntegrityError
from django.urls import reverse

from cities.models import MembershipApplication, Practitioner, PractitionerMessage
from events.models import Interest
from practices.models import Practice, Status, StatusChange
from resources.models import Resource
from scn_portal.log_filters import RedactEmailAddresses
from scn_portal.models import ContactMessage, User
from tests.contact.conftest import form_data
from tests.factories import (
    MINIMAL_PDF,
    CityFactory,
    EventFactory,
    PractitionerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

STAFF = "hub-desk.quillon@staff-check.example"
PASSWORD = "harbour-lantern-window-73"


# --- what is checked ------------------------------------------------------------------------


def own_packages():
    """The top-level packages of the project's own apps (not the libraries')."""
    base = Path(settings.BASE_DIR).resolve()
    own = set()
    for app in apps.get_app_configs():
        path = Path(app.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts:
            own.add(app.name.split(".")[0])
    return own


def console_handler():
    """The root's "console" handler as settings.LOGGING made it."""
    [handler] = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    return handler


class Logs:
    """Every record at INFO and above, as the code made it (the console's filters are held
    back while the journey runs, since they change a record in place for every handler
    after them), and then as the console handler writes it."""

    def __init__(self, caplog, monkeypatch):
        self.caplog = caplog
        self.console = console_handler()
        self.filters = list(self.console.filters)
        monkeypatch.setattr(self.console, "filters", [])
        caplog.set_level(logging.INFO)

    def written(self, record):
        """`record` as the console handler writes it: its filters, then its formatter."""
        probe = logging.StreamHandler(io.StringIO())
        probe.filters = self.filters
        probe.setFormatter(self.console.formatter)
        probe.handle(logging.makeLogRecord(record.__dict__))
        return probe.stream.getvalue()

    def assert_clean(self, secrets, logged):
        """No `secrets` in any record; and each text of `logged` in some record of the
        portal's own loggers (so the failure paths did run and log)."""
        own = own_packages()
        records = self.caplog.records
        mine = [r for r in records if r.name.split(".")[0] in own]
        messages = [r.getMessage() for r in mine]
        for text in logged:
            assert any(text in message for message in messages), (text, messages)
        plain = logging.Formatter()
        for record in mine:
            # The message itself, and the record whole as a plain formatter writes it.
            for secret in secrets:
                assert secret.lower() not in record.getMessage().lower(), record.getMessage()
                assert secret.lower() not in plain.format(record).lower(), record.name
        for record in records:
            written = self.written(record)
            for secret in secrets:
                assert secret.lower() not in written.lower(), (record.name, written)


@pytest.fixture
def logs(caplog, monkeypatch, settings):
    settings.FORM_MIN_SECONDS = 0
    settings.MODERATORS_EMAIL = [STAFF]
    return Logs(caplog, monkeypatch)


@pytest.fixture
def mail_refused(monkeypatch):
    """Within `with mail_refused():`, the mail server refuses every recipient, naming each
    address in its answer (smtplib's SMTPRecipientsRefused quotes them in its text)."""

    def refuse(backend, messages):
        refused = {
            address: (550, f"5.1.1 <{address}>: Recipient address rejected".encode())
            for message in messages
            for address in message.recipients()
        }
        raise smtplib.SMTPRecipientsRefused(refused)

    @contextmanager
    def refused():
        with monkeypatch.context() as patch:
            patch.setattr(EmailBackend, "send_messages", refuse)
            yield

    return refused


def refuse_rows(patch, model):
    """The database refuses `model`'s rows as PostgreSQL does, quoting the row's values."""

    def refuse(instance, *args, **kwargs):
        values = ", ".join(
            str(getattr(instance, f.attname)) for f in instance._meta.fields if not f.generated
        )
        raise IntegrityError(
            f'new row for relation "{instance._meta.db_table}" violates check constraint\n'
            f"DETAIL:  Failing row contains ({values})."
        )

    patch.setattr(model, "save", refuse)


def member(client, email, first_name, last_name):
    user = UserFactory(email=email, first_name=first_name, last_name=last_name)
    client.force_login(user)
    return user


# --- the public forms ---------------------------------------------------------------------


def test_the_contact_form(client, logs, mail_refused, monkeypatch):
    url = reverse("contact")
    typed = {
        "name": "Ottoline Quarrington",
        "email": "ottoline.q@leak-check.example",
        "topic": "media",
        "message": "The heron counts seventeen lanterns by the weir at dusk, every Tuesday.",
    }
    assert client.post(url, form_data(client, url, **typed)).status_code == 302
    with mail_refused():
        assert client.post(url, form_data(client, url, **typed)).status_code == 302
    with monkeypatch.context() as patch:
        refuse_rows(patch, ContactMessage)
        assert client.post(url, form_data(client, url, **typed)).status_code == 200

    assert ContactMessage.objects.count() == 2
    logs.assert_clean(
        [typed["name"], typed["email"], typed["message"], STAFF],
        logged=["Could not send contact_staff email", "Could not store a contact submission"],
    )


def test_the_join_form(client, logs, mail_refused, monkeypatch):
    url = reverse("cities:join")
    typed = {
        "city_name": "Newtown",
        "country": "KE",
        "applicant_name": "Bartholomew Ngoyamba",
        "applicant_role": "Deputy mayor",
        "email": "b.ngoyamba@leak-check.example",
        "motivation": "Our orchard council wants to learn from the kite festivals of others.",
        "heard_about": "event",
    }
    assert client.post(url, form_data(client, url, **typed)).status_code == 302
    with mail_refused():
        assert client.post(url, form_data(client, url, **typed)).status_code == 302
    with monkeypatch.context() as patch:
        refuse_rows(patch, MembershipApplication)
        assert client.post(url, form_data(client, url, **typed)).status_code == 200

    assert MembershipApplication.objects.count() == 2
    logs.assert_clean(
        [typed["applicant_name"], typed["email"], typed["motivation"], STAFF],
        logged=["Could not send join_staff email", "Could not store a join submission"],
    )


# --- accounts ------------------------------------------------------------------------------


def test_sign_up(client, logs, mail_refused, monkeypatch, settings):
    # The email to an address that has an account is otherwise limited to one in a while.
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "confirm_email": False}
    address = "newcomer.zanzibar@leak-check.example"
    data = {
        "email": address,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "privacy_notice": "on",
    }
    signup = reverse("account_signup")
    with monkeypatch.context() as patch:
        refuse_rows(patch, EmailAddress)
        assert client.post(signup, data).status_code == 200
    with mail_refused():
        assert client.post(signup, data).status_code == 302
        client.logout()
        # The same address again: its owner is told by email, which fails too.
        assert client.post(signup, data).status_code == 302

    assert User.objects.get().email == address
    logs.assert_clean(
        [address, PASSWORD],
        logged=[
            "Could not store a sign-up",
            "Could not send the account/email/email_confirmation_signup email",
            "Could not send the account/email/account_already_exists email",
        ],
    )


def test_a_password_reset_request(client, logs, mail_refused):
    known = UserFactory(email="forgetful.fennimore@leak-check.example")
    unknown = "nobody.here@leak-check.example"
    reset = reverse("account_reset_password")
    assert client.post(reset, {"email": known.email}).status_code == 302
    with mail_refused():
        assert client.post(reset, {"email": known.email}).status_code == 302
        assert client.post(reset, {"email": unknown}).status_code == 302

    logs.assert_clean(
        [known.email, unknown, known.get_full_name()],
        logged=["Could not send the account/email/password_reset_key email"],
    )


def test_the_profile(client, logs):
    user = member(client, "profiled.person@leak-check.example", "Wilhelmina", "Threlkeld")
    city = CityFactory()
    data = {
        "full_name": "Wilhelmina Threlkeld-Osei",
        "role_title": "Prevention coordinator",
        "sector": "local_government",
        "city": city.pk,
        "bio": "I keep bees on the town hall roof and run the quiet listening circle.",
        "expertise": "mentoring",
        "is_public": "False",
        "accepts_messages": "on",
    }
    assert client.post(reverse("cities:profile"), data).status_code == 302
    data["bio"] = "Now also the night ferry reading group, since the spring thaw."
    assert client.post(reverse("cities:profile"), data).status_code == 302

    assert Practitioner.objects.get(user=user).bio == data["bio"]
    logs.assert_clean(
        [user.email, "Threlkeld", "bees on the town hall roof", "night ferry reading group"],
        logged=[],
    )


# --- members writing to people ----------------------------------------------------------


def test_a_message_relayed_to_a_practitioner(client, logs, mail_refused, monkeypatch):
    sender = member(client, "relay.sender@leak-check.example", "Cornelius", "Vandermeulen")
    practitioner = PractitionerFactory(
        full_name="Petronella Okonkwo-Lind", email="petronella@private-check.example"
    )
    url = reverse("cities:contact_practitioner", args=[practitioner.slug])
    typed = {
        "subject": "Your lighthouse mentoring scheme",
        "body": "Could we compare notes on the lighthouse keepers' mentoring evenings?",
    }
    assert client.post(url, form_data(client, url, **typed)).status_code == 302
    with mail_refused():
        assert client.post(url, form_data(client, url, **typed)).status_code == 302
    with monkeypatch.context() as patch:
        refuse_rows(patch, PractitionerMessage)
        assert client.post(url, form_data(client, url, **typed)).status_code == 200

    assert PractitionerMessage.objects.filter(notified=False).count() == 1
    logs.assert_clean(
        [
            sender.email,
            "Vandermeulen",
            practitioner.email,
            "Okonkwo-Lind",
            typed["subject"],
            typed["body"],
        ],
        logged=[
            "Could not send relay_message email",
            "PractitionerMessage",
            "Could not store a relay submission",
        ],
    )


def test_interest_in_an_event(client, logs, mail_refused, django_capture_on_commit_callbacks):
    user = member(client, "keen.attendee@leak-check.example", "Philippa", "Oyelaran")
    organiser = "organiser.ravensworth@leak-check.example"
    note = "I run the canal-boat youth library and would bring two colleagues."
    first, second = EventFactory(organiser_email=organiser), EventFactory(organiser_email="")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:interest", args=[first.slug]), {"note": note})
    with mail_refused(), django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:interest", args=[second.slug]), {"note": note})

    assert Interest.objects.filter(member=user).count() == 2
    logs.assert_clean(
        [user.email, "Oyelaran", organiser, note, STAFF],
        logged=["Could not send event_interest email", "is stored but the organiser"],
    )


# --- members' contributions ---------------------------------------------------------------


def test_a_case_study(client, logs, mail_refused, monkeypatch, django_capture_on_commit_callbacks):
    author = member(client, "case.author@leak-check.example", "Evangeline", "Mbeki-Strand")
    create = reverse("practices:create")

    def case_study(**values):
        token = client.get(create).context["form"]["form_token"].value()
        return {
            "form_token": token,
            "title": "Youth mentors in the northern districts",
            "city": CityFactory().pk,
            "summary": "Mentors meet young people every week.",
            "problem": "Young people were recruited online.",
            "approach": "Trained mentors, weekly meetings.",
            "target_audience": "Young people aged 14 to 20.",
            "outcomes": "Fewer referrals.",
            "lessons": "Ask Evangeline about the harbour-side drop-in first.",
            "new_themes": "youth engagement",
            "do_no_harm_confirmed": "on",
            "action": "submit",
            **values,
        }

    with monkeypatch.context() as patch:
        refuse_rows(patch, Practice)
        assert client.post(create, case_study()).status_code == 200
    with mail_refused(), django_capture_on_commit_callbacks(execute=True):
        assert client.post(create, case_study()).status_code == 302

    def refuse_change(*args, **kwargs):
        raise IntegrityError(f"Failing row contains (submit, {author.email}).")

    with monkeypatch.context() as patch:
        patch.setattr(StatusChange.objects, "create", refuse_change)
        assert client.post(create, case_study(title="A second one")).status_code == 302

    assert Practice.objects.filter(submitted_by=author, status=Status.SUBMITTED).count() == 1
    logs.assert_clean(
        [author.email, "Mbeki-Strand", "harbour-side drop-in", STAFF],
        logged=[
            "Could not save practice None for user",
            "Could not send practice_submitted email",
            "Could not submit practice",
        ],
    )


def test_a_resource_suggestion(
    client, logs, mail_refused, monkeypatch, django_capture_on_commit_callbacks
):
    user = member(client, "resource.finder@leak-check.example", "Ignatius", "Fairweather")
    suggest = reverse("resources:suggest")

    def suggestion():
        token = client.get(suggest).context["form"]["form_token"].value()
        return {
            "form_token": token,
            "title": "Talking with young people about conspiracy myths",
            "kind": "guide",
            "summary": "Found by Ignatius at the glass-blowers' library in the old mill.",
            "language": "en",
            "themes": "youth engagement",
            "year": "2023",
            "url": "https://example.org/guide",
            "file": SimpleUploadedFile("guide.pdf", MINIMAL_PDF, "application/pdf"),
        }

    with monkeypatch.context() as patch:
        refuse_rows(patch, Resource)
        assert client.post(suggest, suggestion()).status_code == 200
    with mail_refused(), django_capture_on_commit_callbacks(execute=True):
        assert client.post(suggest, suggestion()).status_code == 302

    assert Resource.objects.get().suggested_by == user
    logs.assert_clean(
        [user.email, "Fairweather", "glass-blowers' library", STAFF],
        logged=[
            f"Could not save resource None for user {user.pk}",
            "Could not send resources_submitted email",
        ],
    )


# --- the safety net -------------------------------------------------------------------------


def test_the_filter_writes_no_address_from_a_records_arguments_or_exception():
    address = "leaked.person@leak-check.example"
    try:
        raise smtplib.SMTPRecipientsRefused({address: (550, f"<{address}> refused".encode())})
    except smtplib.SMTPRecipientsRefused:
        exc_info = sys.exc_info()
    record = logging.LogRecord(
        "django.core.mail", logging.ERROR, __file__, 1, "Mail to %s failed", (address,), exc_info
    )
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactEmailAddresses())

    handler.handle(record)

    written = stream.getvalue()
    assert address not in written
    assert "leak-check" not in written
    assert "Mail to [email address] failed" in written
    assert "smtplib.SMTPRecipientsRefused: {'[email address]': (550, b'<[email address]>" in written
    assert "Traceback" in written


@pytest.mark.parametrize(
    "address",
    [
        "o'brien.z@leak-check.example",
        "józef.kowalski@exämple.example",
        "a.b+tag@xn--exmple-cua.example",
        "jo%40leak-check.example",
        "user@[192.0.2.1]",
    ],
)
def test_the_configured_console_writes_no_address_of_any_form(address):
    stream = io.StringIO()
    console = console_handler()
    handler = logging.StreamHandler(stream)
    handler.filters = list(console.filters)
    handler.setFormatter(console.formatter)

    handler.handle(logging.makeLogRecord({"msg": "GET /?email=%s", "args": (address,)}))

    assert stream.getvalue() == "GET /?email=[email address]\n"
