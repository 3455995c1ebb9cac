"""Every page reads a fixed number of SQL queries, whatever the amount of data.

A signed-out visitor's page reads at most four (with the page cache off: the cache would
hide the work; the cache is kept in memory, as Redis keeps it in production, so only the
page's own queries count). Each page is loaded over a small data set, then again after the data has
grown several times over; the count must be the same both times. Signed-in pages have a
fixed count too, asserted exactly.
"""

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import PracticeFactory
from tests.scn_portal.pages import grow, visitor_pages

pytestmark = pytest.mark.django_db

VISITOR_BUDGET = 4


@pytest.fixture(autouse=True)
def page_cache_off(settings, cache_in_memory):
    settings.PAGE_CACHE_SECONDS = 0


PAGE_NAMES = [
    "home",
    "cities list",
    "cities list, filtered",
    "cities list, sorted",
    "city page",
    "organisations list",
    "organisation page",
    "practitioners list",
    "practitioner page",
    "library",
    "library, two facets",
    "library, text query",
    "library, page 2",
    "practice page",
    "about",
    "faq",
    "contact",
    "join",
    "sitemap",
    "feed",
    "robots.txt",
    "healthz",
    "search",
    "search, events",
    "regions",
    "hub page",
    "news",
    "news, filtered",
    "story page",
    "news feed",
    "events",
    "past events",
    "event page",
    "event calendar file",
    "calendar feed",
    "resource hub",
    "resource hub, two facets",
    "resource hub, text query",
    "resource page",
    "open data",
    "privacy notice",
]


def count_queries(client, url, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), response


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_visitor_page_reads_at_most_four_queries_whatever_the_data(
    visitor, site, name, django_assert_max_num_queries
):
    url = visitor_pages(site)[name]
    grow(site, 1)
    small, _ = count_queries(visitor, url, django_assert_max_num_queries, VISITOR_BUDGET)
    grow(site, 2)
    large, _ = count_queries(visitor, url, django_assert_max_num_queries, VISITOR_BUDGET)
    assert large == small, f"{name}: {small} queries with little data, {large} with more"


# Signed-in pages: the session and the user are read too (two queries), and members see
# more (every practitioner, their own contributions). Each page's count is fixed.
MEMBER_BUDGETS = {
    "home": 6,
    "city page": 6,
    "library": 5,
    "library, two facets": 5,
    "practice page": 6,
    "practitioners list": 6,
    "practitioner page": 6,
    "organisation page": 6,
    "hub page": 6,
    "news": 5,
    "story page": 5,
    "event page": 7,
    "resource hub": 5,
    "resource page": 7,
    "my contributions": 5,
    "my profile": 7,
}


def member_pages(site):
    return {
        **visitor_pages(site),
        "my contributions": reverse("practices:mine"),
        "my profile": reverse("cities:profile"),
    }


@pytest.mark.parametrize("name", list(MEMBER_BUDGETS))
def test_a_member_page_reads_a_fixed_number_of_queries_whatever_the_data(
    client, site, member, name, django_assert_num_queries, django_assert_max_num_queries
):
    PracticeFactory(submitted_by=member, status=Status.DRAFT, city=site["city"])
    client.force_login(member)
    url = member_pages(site)[name]
    grow(site, 1)
    with django_assert_max_num_queries(MEMBER_BUDGETS[name]) as small:
        assert client.get(url).status_code == 200
    grow(site, 2)
    PracticeFactory(submitted_by=member, status=Status.DRAFT, city=site["city"])
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
