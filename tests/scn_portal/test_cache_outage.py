"""A cache outage is not an outage: with Redis unreachable every public page is computed and
served, the public forms refuse clearly and keep what was typed, sign-in still works, and
/readyz/ tells the load balancer. /readyz/ also names (in the log only) a database or a
storage that does not answer."""

import logging

import pytest
from django.db import OperationalError
from django.urls import reverse

from scn_portal.log_filters import OncePerInterval
from scn_portal.models import ContactMessage
from tests.contact.conftest import CONTACT, JOIN
from tests.factories import (
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused at once.
UNREACHABLE = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings):
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = "scn_portal.cache"
    # As in production: pages and figures would be cached if the cache answered.
    settings.PAGE_CACHE_SECONDS = 300
    settings.DATA_CACHE_SECONDS = 3600
    settings.FORM_MIN_SECONDS = 0
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": UNREACHABLE,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
            },
        },
        # Each worker's own memory: it cannot go down with Redis.
        "in_process": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }


@pytest.fixture
def content(db):
    city = CityFactory(name="Lakeside", slug="lakeside")
    practice = PracticeFactory(title="Youth mentoring in Lakeside", city=city)
    organisation = PartnerOrganisationFactory(name="Cohesion Trust", slug="cohesion-trust")
    return {"city": city, "practice": practice, "organisation": organisation}


def public_pages(content):
    return [
        reverse("home"),
        reverse("about"),
        reverse("faq"),
        reverse("contact"),
        reverse("cities:join"),
        reverse("cities:list"),
        reverse("cities:detail", args=[content["city"].slug]),
        reverse("cities:organisations"),
        reverse("cities:organisation", args=[content["organisation"].slug]),
        reverse("practices:list"),
        reverse("practices:list") + "?q=youth",
        reverse("practices:detail", args=[content["practice"].slug]),
        reverse("search") + "?q=youth",
        reverse("search") + "?q=yuoth",
        reverse("sitemap"),
        reverse("account_login"),
    ]


def test_every_public_page_answers_while_the_cache_is_down(client, content, redis_down):
    for url in public_pages(content):
        response = client.get(url)
        assert response.status_code == 200, url
    # Twice: nothing was kept, and nothing breaks the second time either.
    assert client.get(reverse("home")).status_code == 200


def test_the_contact_form_refuses_clearly_and_keeps_what_was_typed(client, redis_down):
    page = client.get(reverse("contact"))
    data = {
        **CONTACT,
        "form_started": page.context["form"]["form_started"].value(),
        "website": "",
    }

    response = client.post(reverse("contact"), data)

    assert response.status_code == 200
    assert "try again in a few minutes" in response.text
    form = response.context["form"]
    for name in ("name", "email", "message"):
        assert form[name].value() == CONTACT[name]
    assert not ContactMessage.objects.exists()


def test_the_join_form_refuses_clearly_and_keeps_what_was_typed(client, redis_down):
    page = client.get(reverse("cities:join"))
    data = {**JOIN, "form_started": page.context["form"]["form_started"].value(), "website": ""}

    response = client.post(reverse("cities:join"), data)

    assert response.status_code == 200
    assert "try again in a few minutes" in response.text
    assert response.context["form"]["motivation"].value() == JOIN["motivation"]


def test_sign_in_is_refused_honestly_while_attempts_cannot_be_counted(client, redis_down):
    UserFactory(email="reader@example.org")

    response = client.post(
        reverse("account_login"), {"login": "reader@example.org", "password": "anything at all"}
    )

    assert response.status_code == 429
    assert "We cannot count attempts for a moment" in response.text
    assert "There were more attempts from you" not in response.text


def test_a_cache_failure_is_logged_once_per_interval():
    once = OncePerInterval(seconds=60)
    record = logging.LogRecord(
        "scn_portal.cache", logging.ERROR, "", 0, "Exception ignored", (), None
    )
    other = logging.LogRecord("scn_portal.cache", logging.ERROR, "", 0, "Something else", (), None)

    assert once.filter(record) is True
    assert once.filter(record) is False
    assert once.filter(other) is True


def test_the_cache_logger_is_throttled_in_the_settings():
    from django.conf import settings

    handler = settings.LOGGING["loggers"]["scn_portal.cache"]["handlers"][0]
    # Throttled first (by the message's template), then redacted.
    filters = settings.LOGGING["handlers"][handler]["filters"]
    assert filters == ["cache_outage", "no_email_addresses"]


# --- readiness -------------------------------------------------------------------------------


def test_ready_when_database_cache_and_storage_answer(client):
    response = client.get(reverse("readyz"))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")


def test_not_ready_while_the_cache_is_down_and_the_log_says_why(client, redis_down, caplog):
    with caplog.at_level(logging.ERROR, logger="scn_portal.views"):
        response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert b"cache" not in response.content
    assert "Not ready: the cache does not answer" in caplog.text


class BrokenConnection:
    """A database connection whose server has gone: every cursor fails."""

    def cursor(self):
        raise OperationalError("server closed the connection unexpectedly")


def test_not_ready_while_the_database_is_down_then_ready_again(client, monkeypatch, caplog):
    from scn_portal import views

    # Only the readiness check's connection breaks: the test's own database (and the
    # database cache) stay up.
    monkeypatch.setattr(views, "connection", BrokenConnection())
    with caplog.at_level(logging.ERROR, logger="scn_portal.views"):
        response = client.get(reverse("readyz"))
    assert response.status_code == 503
    assert b"database" not in response.content
    assert "Not ready: the database does not answer" in caplog.text

    monkeypatch.undo()
    assert client.get(reverse("readyz")).status_code == 200


def test_not_ready_when_uploads_cannot_be_stored(client, settings, tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = blocker / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }

    with caplog.at_level(logging.ERROR, logger="scn_portal.views"):
        response = client.get(reverse("readyz"))

    assert response.status_code == 503
    assert "Not ready: the storage does not answer" in caplog.text
