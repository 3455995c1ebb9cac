"""The page cache for signed-out visitors: fast, never stale, never personal."""

import pytest
from django.urls import reverse

from practices import workflow
from practices.models import Status
from tests.factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_a_visitor_gets_the_second_view_from_the_cache(client, django_assert_max_num_queries):
    PracticeFactory(title="Cached practice")
    first = client.get(reverse("home"))
    # Two cache reads (generation and page); the database cache answers them with SQL.
    with django_assert_max_num_queries(2):
        second = client.get(reverse("home"))
    assert second.content == first.content
    assert "Cached practice" in second.text


def test_publishing_a_practice_shows_on_the_next_request(client, author, moderator):
    client.get(reverse("home"))
    practice = PracticeFactory(
        title="Freshly published", status=Status.SUBMITTED, submitted_by=author
    )
    workflow.transition(practice, "publish", moderator)
    assert "Freshly published" in client.get(reverse("home")).text


def test_editing_a_city_shows_on_the_next_request(client):
    city = CityFactory(name="Oldname")
    PracticeFactory(city=city)
    assert "Oldname" in client.get(reverse("home")).text
    city.name = "Newname"
    city.save()
    assert "Newname" in client.get(reverse("home")).text


def test_a_signed_in_member_never_gets_a_cached_page(client, member):
    client.get(reverse("home"))
    client.force_login(member)
    response = client.get(reverse("home"))
    assert "Sign out" in response.text
    assert "Sign in" not in response.text


def test_a_page_rendered_for_a_member_is_never_served_to_a_visitor(client, member):
    client.force_login(member)
    client.get(reverse("home"))
    client.logout()
    response = client.get(reverse("home"))
    assert "Sign out" not in response.text
    assert "Sign in" in response.text


def test_cached_pages_carry_no_csrf_token_or_cookie(client):
    client.get(reverse("home"))
    response = client.get(reverse("home"))
    assert "csrfmiddlewaretoken" not in response.text
    assert not response.cookies


def test_a_response_that_used_a_csrf_token_is_never_stored(rf):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from scn_portal.page_cache import public_page

    calls = []

    @public_page
    def form_page(request):
        calls.append(1)
        return HttpResponse(f"<input value='{get_token(request)}'>")

    form_page(rf.get("/form/"))
    form_page(rf.get("/form/"))
    assert len(calls) == 2, "the second request must render again, not come from the cache"
