"""Fixtures for the public forms: no minimum filling time unless a test asks for one, and
helpers that fill in each form validly."""

import pytest

from tests.factories import PractitionerFactory


@pytest.fixture(autouse=True)
def _no_minimum_time(settings):
    settings.FORM_MIN_SECONDS = 0


def form_data(client, url, **values):
    """What a browser would post: the traps as the page rendered them, plus `values`."""
    page = client.get(url)
    form = page.context["form"]
    return {
        "form_started": form["form_started"].value(),
        "website": "",
        **values,
    }


CONTACT = {
    "name": "Sam Reader",
    "email": "sam@example.org",
    "topic": "media",
    "message": "I am writing a story about cities and would like an interview.",
}

JOIN = {
    "city_name": "Newtown",
    "country": "KE",
    "applicant_name": "Amina Otieno",
    "applicant_role": "Deputy mayor",
    "email": "amina@newtown.example.org",
    "motivation": "We want to learn from other cities how to work with young people.",
    "heard_about": "event",
}

RELAY = {
    "subject": "Your youth programme",
    "body": "Could we talk about how you started the programme in your city?",
}


@pytest.fixture
def practitioner(db):
    return PractitionerFactory(
        full_name="Petra Practitioner", slug="petra", email="petra@private.example.org"
    )


class BrokenMailServer(Exception):
    pass


class FailingEmailBackend:
    """A mail server that is down: every send raises."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise BrokenMailServer("connection refused")


@pytest.fixture
def mail_down(settings):
    settings.EMAIL_BACKEND = "tests.contact.conftest.FailingEmailBackend"


def assert_shown_again(response, field, error, typed):
    """The form came back with `error` next to `field` only, and everything typed in it."""
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert error in form.errors[field][0]
    assert f'id="id_{field}_error"' in response.text
    assert "Nothing you typed has been lost" in response.text
    for name, value in typed.items():
        assert form[name].value() == value
