"""A page drawn again from what is kept reads the shared cache only a few times: each read is
a round trip to Redis in production (about a tenth of a millisecond), so on a kept page they
are most of its cost. The content version and the page's parts are read; the navigation,
which no content changes, is kept in the worker's own memory (settings: in_process)."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from tests.scn_portal.pages import visitor_pages

pytestmark = pytest.mark.django_db

# The content version, the head and the content.
SHARED_READS = 3
PAGES = [
    "home",
    "cities list",
    "cities list, filtered",
    "city page",
    "organisations list",
    "organisation page",
    "library",
    "library, two facets",
    "library, text query",
    "practice page",
    "search",
    "regions",
    "hub page",
    "news",
    "story page",
    "events",
    "resource hub",
    "resource page",
]


@pytest.fixture
def shared_reads(settings, cache_in_memory, parts_kept, monkeypatch):
    """Counts the reads of the shared cache (in memory here, as `cache_in_memory` sets it)."""
    settings.PAGE_CACHE_SECONDS = 0
    shared = caches["default"]._cache
    reads = []
    # The memory cache's get_many calls its get for each key; Redis reads them at once.
    within = []

    def counted(method):
        original = getattr(LocMemCache, method)

        def read(self, *args, **kwargs):
            if self._cache is shared and not within:
                reads.append((method, args[0]))
            within.append(method)
            try:
                return original(self, *args, **kwargs)
            finally:
                within.pop()

        return read

    for method in ("get", "get_many", "has_key"):
        monkeypatch.setattr(LocMemCache, method, counted(method))
    return reads


@pytest.mark.parametrize("name", PAGES)
def test_a_kept_page_reads_the_shared_cache_at_most_three_times(client, site, name, shared_reads):
    url = visitor_pages(site)[name]
    first = client.get(url)
    assert first.status_code == 200
    shared_reads.clear()
    again = client.get(url)
    assert again.content == first.content
    assert len(shared_reads) <= SHARED_READS, shared_reads
