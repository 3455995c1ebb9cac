"""Finding a page's view compares its address with the URL patterns one by one, in order:
the public sections come first and each is grouped under its first part (scn_portal/urls.py),
so that serving a page from the cache does not spend a tenth of its time looking through the
API's, the accounts' and the admin's addresses first."""

import pytest
from django.urls import resolve
from django.utils import translation

# Each public page is found after at most this many patterns (the library: 12; a resource
# page, the last section: 29). Before the grouping, 53 and 83.
AT_MOST = 30
PAGES = {
    "/": "home",
    "/practices/": "practices:list",
    "/practices/a-practice/": "practices:detail",
    "/cities/": "cities:list",
    "/cities/a-city/": "cities:detail",
    "/organisations/": "cities:organisations",
    "/regions/africa/": "cities:region",
    "/search/": "search",
    "/news/": "news:list",
    "/news/a-story/": "news:detail",
    "/events/": "events:list",
    "/events/an-event/": "events:detail",
    "/resources/": "resources:list",
    "/resources/a-resource/": "resources:detail",
    "/fr/practices/": "practices:list",
    "/api/v1/practices/": "api:practices_list",
}


@pytest.mark.parametrize("path", PAGES)
def test_a_public_page_is_found_among_few_patterns(path, patterns_tried):
    with translation.override("fr" if path.startswith("/fr/") else "en"):
        found = resolve(path)
    assert found.view_name == PAGES[path]
    assert len(patterns_tried) <= AT_MOST, f"{path}: {len(patterns_tried)} patterns tried"
