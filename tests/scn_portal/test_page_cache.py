"""The page cache for signed-out visitors: fast, never stale, never personal."""

import pytest
from django.urls import reverse

from cities.models import City, PartnerOrganisation
from practices import workflow
from practices.models import Status
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    region,
)
from tests.html import card_titles
from tests.scn_portal.pages import visitor_pages
from tests.scn_portal.test_query_budgets import PAGE_NAMES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    # The figures kept in the cache (facet counts, maps) must be as fresh as the pages.
    settings.DATA_CACHE_SECONDS = 300


def test_a_visitor_gets_the_second_view_from_the_cache(client, django_assert_max_num_queries):
    PracticeFactory(title="Cached practice")
    first = client.get(reverse("home"))
    # One read of the shared cache, which the database cache answers with SQL: the content
    # version. The page is this worker's own copy.
    with django_assert_max_num_queries(1):
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


def kept_in_this_worker():
    """The pages this worker keeps in its own memory (settings: in_process)."""
    from django.core.cache import caches

    return [key for key in caches["in_process"]._cache if ":page:" in key]


def test_a_page_another_worker_drew_comes_from_the_shared_cache_and_is_kept_here(
    client, django_assert_max_num_queries
):
    from django.core.cache import caches

    PracticeFactory(title="Drawn elsewhere")
    first = client.get(reverse("practices:list"))
    assert len(kept_in_this_worker()) == 1
    # Another worker, which has not served the page yet: its memory is empty.
    caches["in_process"].clear()
    with django_assert_max_num_queries(2):  # the content version, then the page
        second = client.get(reverse("practices:list"))
    assert second.content == first.content
    assert len(kept_in_this_worker()) == 1
    with django_assert_max_num_queries(1):  # the content version only
        third = client.get(reverse("practices:list"))
    assert third.content == first.content


def test_a_page_kept_in_the_worker_is_not_served_once_content_changed(client, author, moderator):
    library = reverse("practices:list")
    client.get(library)
    kept = kept_in_this_worker()
    practice = PracticeFactory(
        title="Published since", status=Status.SUBMITTED, submitted_by=author
    )
    workflow.transition(practice, "publish", moderator)
    # The worker still holds the page it drew before, under the older version.
    assert kept_in_this_worker() == kept
    assert "Published since" in client.get(library).text


def test_a_page_kept_in_the_worker_is_kept_per_language(client):
    PracticeFactory(title="Kept in four languages")
    english = client.get("/practices/")
    french = client.get("/fr/practices/")
    assert english["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert client.get("/fr/practices/").content == french.content
    assert client.get("/practices/").content == english.content
    assert len(kept_in_this_worker()) == 2


def test_a_page_this_worker_kept_is_served_before_its_address_is_resolved(
    client, django_assert_max_num_queries, patterns_tried
):
    PracticeFactory(title="Served early")
    library = reverse("practices:list")
    first = client.get(library)
    patterns_tried.clear()  # the first request drew the page: its view was found
    with django_assert_max_num_queries(1):  # the content version
        second = client.get(library)
    assert not patterns_tried, "no URL pattern was tried"
    assert second.content == first.content
    assert "Served early" in second.text
    # Every other middleware ran on it as on the page drawn: the same headers.
    assert dict(second.headers) == dict(first.headers)
    assert second["Content-Language"] == "en"
    assert "Cookie" in second["Vary"]


def test_a_kept_page_of_an_older_version_goes_on_to_its_view(client, author, moderator):
    library = reverse("practices:list")
    client.get(library)
    practice = PracticeFactory(title="Drawn anew", status=Status.SUBMITTED, submitted_by=author)
    workflow.transition(practice, "publish", moderator)
    # This worker still holds the older page; it is drawn again and kept in its place.
    assert "Drawn anew" in client.get(library).text
    assert "Drawn anew" in client.get(library).text
    assert len(kept_in_this_worker()) == 1


def test_an_address_never_kept_reads_nothing_from_the_shared_cache(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("home"))  # a page kept: the worker holds one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert not [query for query in queries if "scn_cache" in query["sql"]]


def test_an_api_answer_is_kept_as_sent_without_the_data_it_was_drawn_from(client, site):
    from django.core.cache import caches

    url = reverse("api:practices_list")
    first = client.get(url)
    [key] = kept_in_this_worker()  # ":1:page:...": the cache's own prefix and version first
    version, kept = caches["in_process"].get(key.split(":", 2)[2])
    assert not hasattr(kept, "data")
    assert kept.content == first.content
    second = client.get(url)
    assert second.json() == first.json()
    assert site["practice"].title in {row["title"] for row in second.json()["results"]}


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


# --- perf: every public page, invalidation by each kind of content, and no personal page ---


def cached_pages():
    """How many pages the cache holds (the test cache is the database cache)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM scn_cache")
        return sum(":page:" in key for (key,) in cursor)


# Not page-cached: the forms (a token each) and the health check.
NOT_CACHED = ("contact", "join", "healthz")
CACHED = [name for name in PAGE_NAMES if name not in NOT_CACHED]


@pytest.mark.parametrize("name", CACHED)
def test_every_public_page_is_cached_for_visitors_without_token_or_personal_link(
    client, site, name, django_assert_max_num_queries
):
    url = visitor_pages(site)[name]
    first = client.get(url)
    assert cached_pages() == 1
    # One read of the shared cache, which the database cache answers with SQL: the content
    # version. The page is this worker's own copy.
    with django_assert_max_num_queries(1):
        second = client.get(url)
    assert second.content == first.content
    assert not second.cookies
    assert "Cookie" in second["Vary"]
    for personal in ("csrfmiddlewaretoken", "Sign out", "My profile", "sessionid", "csrftoken"):
        assert personal not in second.text


@pytest.mark.parametrize("name", ["contact", "join"])
def test_pages_with_a_form_are_never_cached(client, site, name):
    url = visitor_pages(site)[name]
    first = client.get(url)
    second = client.get(url)
    assert cached_pages() == 0
    # Each visitor gets a fresh token, with the cookie that goes with it.
    assert "csrfmiddlewaretoken" in first.text
    assert "csrfmiddlewaretoken" in second.text
    assert second.cookies.get("csrftoken") or client.cookies.get("csrftoken")


def test_signed_in_pages_are_never_stored(client, site, member):
    client.force_login(member)
    for name in CACHED:
        client.get(visitor_pages(site)[name])
    assert cached_pages() == 0


def test_one_member_never_sees_a_page_rendered_for_another(client, site, moderator, member):
    url = site["city"].get_absolute_url()
    client.force_login(moderator)
    assert "Admin" in client.get(url).text
    client.force_login(member)
    response = client.get(url)
    assert "My profile" in response.text
    assert ">Admin<" not in response.text


def test_a_visitor_never_gets_the_members_practitioners_from_the_cache(client, site, member):
    PractitionerFactory(city=site["city"], full_name="Private Person", is_public=False)
    client.force_login(member)
    assert "Private Person" in client.get(site["city"].get_absolute_url()).text
    client.logout()
    assert "Private Person" not in client.get(site["city"].get_absolute_url()).text
    client.force_login(member)
    assert "Private Person" in client.get(site["city"].get_absolute_url()).text


def test_editing_an_organisation_shows_on_the_next_request(client, site):
    organisation = site["organisation"]
    pages = [organisation.get_absolute_url(), site["city"].get_absolute_url()]
    for url in pages:
        assert "Budget Partners" in client.get(url).text
    organisation.name = "Renamed Partners"
    organisation.save()
    for url in pages:
        assert "Renamed Partners" in client.get(url).text


def test_adding_an_attachment_shows_on_the_next_request(client, site):
    url = site["practice"].get_absolute_url()
    assert "Annual figures" not in client.get(url).text
    AttachmentFactory(practice=site["practice"], title="Annual figures")
    assert "Annual figures" in client.get(url).text


def test_publishing_changes_the_library_and_its_counts_on_the_next_request(
    client, site, author, moderator
):
    library = reverse("practices:list")
    before = client.get(library).context["total"]
    practice = PracticeFactory(
        title="Freshly added case", status=Status.SUBMITTED, submitted_by=author
    )
    assert "Freshly added case" not in client.get(library).text
    workflow.transition(practice, "publish", moderator)
    response = client.get(library)
    assert "Freshly added case" in response.text
    assert response.context["total"] == before + 1


def test_editing_a_city_changes_the_directory_and_its_map(client, site):
    directory = reverse("cities:list")
    assert "Budgetville" in client.get(directory).text
    site["city"].name = "Renamedville"
    site["city"].save()
    assert "Renamedville" in client.get(directory).text
    assert "Budgetville" not in client.get(directory).text


def test_the_content_version_changes_again_when_the_change_commits(
    site, django_capture_on_commit_callbacks
):
    from scn_portal.page_cache import content_version

    def number():
        return int(content_version().rsplit(".", 1)[1])

    before = number()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        site["city"].save()
    assert callbacks, "a second change waits for the commit"
    # Once at the save, once at the commit: a page rendered in between is forgotten too.
    assert number() == before + 2


def test_a_lost_content_version_never_brings_back_an_older_page(client):
    """A cache that evicts keys may drop the version itself: it starts again above every
    version before, so no page kept under an older one is served."""
    from django.core.cache import cache

    version_key = "content-version:public"
    city = CityFactory(name="Oldname")
    PracticeFactory(city=city)
    home = reverse("home")
    assert "Oldname" in client.get(home).text  # kept under the current version
    cache.delete(version_key)
    assert "Oldname" in client.get(home).text  # kept again, under the new version
    city.name = "Newname"
    city.save()  # a new version
    cache.delete(version_key)  # and the version is lost again
    assert "Newname" in client.get(home).text


def test_figures_kept_in_the_cache_follow_a_publication_for_members_too(
    member_client, site, author, moderator, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    library = reverse("practices:list")

    def sport_count():
        facet = next(f for f in member_client.get(library).context["facets"] if f.param == "theme")
        return {option.value: option.count for option in facet.options + facet.more}.get("sport")

    assert sport_count() is None
    practice = PracticeFactory(status=Status.SUBMITTED, submitted_by=author, themes=["sport"])
    assert sport_count() is None
    workflow.transition(practice, "publish", moderator)
    assert sport_count() == 1
    assert member_client.get(reverse("home")).context["figures"]["practice_count"] == 2


def test_figures_kept_in_the_cache_are_kept_per_query(member_client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for n in range(30):
        CityFactory(name=f"City {n:02d}", region=region("africa" if n % 2 else "europe"))
        PartnerOrganisationFactory(kind="academic" if n % 2 else "foundation")
    directory = reverse("cities:list")
    first = card_titles(member_client.get(directory))
    second = card_titles(member_client.get(directory, {"page": 2}))
    assert first and second and not set(first) & set(second)
    africa = card_titles(member_client.get(directory, {"region": "africa"}))
    assert set(africa) == set(
        City.objects.filter(region__slug="africa").values_list("name", flat=True)
    )
    organisations = reverse("cities:organisations")
    academic = card_titles(member_client.get(organisations, {"kind": "academic"}))
    expected = PartnerOrganisation.objects.filter(kind="academic").values_list("name", flat=True)
    assert set(academic) == set(expected)
    assert member_client.get(organisations).context["count"] == 30


def test_a_directory_s_filter_form_is_kept_per_query(member_client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    CityFactory(name="Berlin")
    directory = reverse("cities:list")
    for _round in range(2):  # the second round comes from the cache
        assert "Select a valid choice" in member_client.get(directory, {"region": "atlantis"}).text
        searched = member_client.get(directory, {"q": "Berl"}).text
        assert 'value="Berl"' in searched
        assert "Clear filters" in searched
        plain = member_client.get(directory).text
        assert "Select a valid choice" not in plain
        assert 'value="Berl"' not in plain
        assert "Clear filters" not in plain


def test_a_new_region_is_offered_by_the_directory_s_filters_at_once(client):
    CityFactory(name="Berlin")
    directory = reverse("cities:list")
    assert 'value="africa"' not in client.get(directory).text
    CityFactory(name="Nairobi", region=region("africa"), country="KE")
    assert '<option value="africa">' in client.get(directory).text


def test_moving_a_city_moves_its_marker_on_the_maps_at_once(client):
    city = CityFactory(name="Berlin", latitude="52.52", longitude="13.40")
    CityFactory(name="Oslo", latitude="59.91", longitude="10.75")
    markers = reverse("cities:map")

    def berlin(query=None):
        points = client.get(markers, query or {}).json()
        return [(p["lat"], p["lng"]) for p in points if p["name"] == "Berlin"]

    assert berlin() == [(52.52, 13.4)]
    assert berlin({"q": "Ber"}) == [(52.52, 13.4)]
    city.latitude, city.longitude = "48.14", "11.58"
    city.save()
    assert berlin() == [(48.14, 11.58)]
    assert berlin({"q": "Ber"}) == [(48.14, 11.58)]
    city.membership_status = "former"
    city.save()
    assert berlin() == []


def test_a_cached_search_page_shows_practice_published_since(client, moderator):
    url = reverse("search") + "?q=lighthouse"
    practice = PracticeFactory(title="Lighthouse mentoring", status=Status.SUBMITTED)
    link = f'href="{practice.get_absolute_url()}"'
    assert link not in client.get(url).text
    assert link not in client.get(url).text
    workflow.transition(practice, "publish", moderator)
    assert link in client.get(url).text


def test_a_member_s_search_never_reaches_a_visitor_through_the_cache(client, member):
    keeper = PractitionerFactory(full_name="Quiet Lighthouse Keeper", is_public=False)
    link = f'href="{keeper.get_absolute_url()}"'
    url = reverse("search") + "?q=lighthouse"
    client.force_login(member)
    assert link in client.get(url).text
    client.logout()
    assert link not in client.get(url).text
    assert link not in client.get(url).text
    client.force_login(member)
    assert link in client.get(url).text
