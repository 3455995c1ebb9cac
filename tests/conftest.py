"""Fixtures for the actors of the portal: visitor, member, author, other member, moderator,
admin; plus settings every test shares (locmem email, private media in a temporary folder)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone, translation

from tests.factories import PracticeFactory, UserFactory


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request through the test client leaves
    the language of its address active in the thread, as no browser request would."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache(request):
    """Each test that uses the database starts with an empty cache (rate limits, pages);
    the default cache lives in the database, so tests without one have nothing to clear."""
    uses_db = request.node.get_closest_marker("django_db") or any(
        name in request.fixturenames for name in ("db", "transactional_db", "live_server")
    )
    if not uses_db:
        yield
        return
    from django.core.cache import caches

    from scn_portal import page_cache

    for name in ("default", "in_process"):
        caches[name].clear()
    page_cache.forget_read()
    yield
    for name in ("default", "in_process"):
        caches[name].clear()
    page_cache.forget_read()


@pytest.fixture
def cache_in_memory(settings):
    """The cache in the process's memory, as Redis keeps it in production: its reads are not
    SQL queries, so a query count is the page's own (with the database cache, the fallback
    when no CACHE_URL is set, each cache read is one query more)."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "query-budgets",
        },
    }
    from django.core.cache import cache

    from scn_portal import page_cache

    cache.clear()
    page_cache.forget_read()
    yield
    cache.clear()


@pytest.fixture
def parts_kept(settings):
    """Parts of pages ({% cache %}) and data kept as in production: in the shared cache, and
    the navigation in the worker's own memory (settings: in_process). No page cache."""
    settings.DATA_CACHE_SECONDS = 300
    settings.CACHES = {**settings.CACHES, "template_fragments": settings.CACHES["default"]}


def pytest_collection_modifyitems(config, items):
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
    for item in items:
        if "postgres" in item.keywords and connection.vendor != "postgresql":
            item.add_marker(skip_pg)


@pytest.fixture
def visitor(client):
    """A person who is not signed in."""
    return client


@pytest.fixture
def member(db):
    return UserFactory(email="member@example.org", first_name="Mira", last_name="Member")


@pytest.fixture
def author(db):
    return UserFactory(email="author@example.org", first_name="Ada", last_name="Author")


@pytest.fixture
def other_member(db):
    return UserFactory(email="other@example.org", first_name="Olu", last_name="Other")


def moderators_group():
    """The Moderators group as the data migration scn_portal 0002 made it."""
    return Group.objects.get(name="Moderators")


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderator@example.org", first_name="Mo", last_name="Derator")
    user.is_staff = True
    user.save()
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True, first_name="Ad")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def author_client(client, author):
    client.force_login(author)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def five_mentoring_practices():
    """Five practice matching "mentoring", oldest first; the oldest and the fourth have it in
    their title (the most relevant), the others only in their text."""
    now = timezone.now()
    titles = ["Mentoring old", "Sport one", "Sport two", "Mentoring new", "Sport three"]
    for age, title in enumerate(titles):
        PracticeFactory(
            title=title,
            approach="Mentoring for young people.",
            published_at=now - timedelta(days=len(titles) - age),
        )
    return titles
