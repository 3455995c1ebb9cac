"""A page drawn again from what is kept reads the shared cache only a few times: each read is
a round trip to Redis in production (about a tenth of a millisecond), so on a kept page they
are most of its cost. The content version and the page's parts are read; the navigation,
which no content changes, is kept in the worker's own memory (settings: in_process)."""

import re

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
    "event page",
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


# The links in every page's head (a page's own stylesheet or feed comes after them).
HEAD_LINKS = re.compile(
    r'<link rel="(?:alternate" type="application/atom\+xml|icon|preload|stylesheet)"[^>]*>'
)
KEPT = ["img/favicon.svg", "css/site.css", "img/logo.svg"]


def site_links(text):
    return [link for link in HEAD_LINKS.findall(text) if "css/" not in link or "site." in link]


def test_the_links_every_head_has_and_the_brand_are_drawn_once_per_language(
    client, site, parts_kept, monkeypatch
):
    from django.templatetags.static import StaticNode

    library, news = visitor_pages(site)["library"], visitor_pages(site)["news"]
    english = client.get(library).text
    french = client.get("/fr" + library).text
    drawn = []
    handle_simple = StaticNode.handle_simple.__func__

    def counted(cls, path):
        drawn.append(path)
        return handle_simple(cls, path)

    monkeypatch.setattr(StaticNode, "handle_simple", classmethod(counted))
    # Another page, in each language: the stylesheet, fonts, icon, feeds and logo are not
    # drawn again, and each language keeps its own.
    english_news = client.get(news).text
    french_news = client.get("/fr" + news).text
    assert not [path for path in drawn if path in KEPT or "noto-sans" in path], drawn
    assert site_links(english_news) == site_links(english)
    assert site_links(french_news) == site_links(french)
    assert 'href="/fr/news/feed/"' in french_news
    assert 'href="/news/feed/"' in english_news
    assert 'class="brand" href="/fr/"' in french_news
    assert 'class="brand" href="/"' in english_news
