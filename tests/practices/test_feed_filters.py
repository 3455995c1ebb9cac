"""The practice feed follows the library's filters: the same query string gives the same
practice in the same order, a bad value is ignored as the library ignores it, the title names
the filters, the filtered library links to its feed, and the feed is cached per address."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from practices import workflow
from practices.models import Status
from tests.factories import CityFactory, PracticeFactory, region

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = reverse("practices:feed")
LIBRARY = reverse("practices:list")
PLAIN_TITLE = "Strong Cities Network: newly published practice"
CARD = re.compile(r'<h3 class="card-title"[^>]*><a href="([^"]+)">([^<]*)</a></h3>')


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)


def feed_entries(response):
    """(title, path) of each entry, in the feed's order."""
    return [
        (entry.find(f"{ATOM}title").text, urlsplit(entry.find(f"{ATOM}link").get("href")).path)
        for entry in parse(response).findall(f"{ATOM}entry")
    ]


def card_entries(response):
    """(title, path) of each card the library page shows, in its order."""
    assert response.status_code == 200
    return [(unescape(title), path) for path, title in CARD.findall(response.text)]


def feed_title(response):
    return parse(response).find(f"{ATOM}title").text


def alternate_link(response):
    """The address of the feed's page (its link rel="alternate")."""
    root = parse(response)
    (link,) = [
        link.get("href")
        for link in root.findall(f"{ATOM}link")
        if link.get("rel", "alternate") == "alternate"
    ]
    return link


@pytest.fixture
def library():
    """Five published practices across two regions, three countries, varied themes, evidence
    levels and start years, each published a day after the one before."""
    berlin = CityFactory(name="Berlin", slug="berlin", country="DE")
    paris = CityFactory(name="Paris", slug="paris", country="FR")
    nairobi = CityFactory(name="Nairobi", slug="nairobi", country="KE", region=region("africa"))
    rows = [
        ("Berlin youth clubs", berlin, ["youth engagement"], "effective", 2016),
        ("Berlin online moderators", berlin, ["online harms", "youth engagement"],
         "described", 2019),
        ("Paris mediators", paris, ["social cohesion"], "promising", 2021),
        ("Nairobi exit programme", nairobi, ["exit and reintegration", "youth engagement"],
         "promising", 2023),
        ("Nairobi school mentors", nairobi, ["education"], "effective", 2018),
    ]  # fmt: skip
    start = timezone.now() - timedelta(days=30)
    for day, (title, city, themes, evidence, year) in enumerate(rows):
        PracticeFactory(
            title=title,
            city=city,
            themes=themes,
            evidence_level=evidence,
            start_year=year,
            published_at=start + timedelta(days=day),
        )
    # Never in a feed: not published.
    PracticeFactory(title="Berlin draft", city=berlin, status=Status.DRAFT, published_at=None)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=youth-engagement", ["Nairobi exit programme", "Berlin online moderators",
                                    "Berlin youth clubs"]),
        ("region=africa", ["Nairobi school mentors", "Nairobi exit programme"]),
        ("country=FR", ["Paris mediators"]),
        ("evidence=effective", ["Nairobi school mentors", "Berlin youth clubs"]),
        ("q=moderators", ["Berlin online moderators"]),
        ("year_from=2019&year_to=2021", ["Paris mediators", "Berlin online moderators"]),
        ("region=europe&theme=youth-engagement&evidence=effective&evidence=described",
         ["Berlin online moderators", "Berlin youth clubs"]),
        ("region=africa&theme=online-harms", []),
    ],
)  # fmt: skip
def test_the_feed_holds_exactly_what_the_library_shows_for_the_same_filters(
    visitor, library, query, expected
):
    page = card_entries(visitor.get(f"{LIBRARY}?{query}"))
    feed = feed_entries(visitor.get(f"{FEED}?{query}"))
    assert [title for title, _path in feed] == expected
    assert feed == page


def test_the_feed_holds_the_thirty_first_results_in_the_library_order(visitor):
    start = timezone.now() - timedelta(days=40)
    for day in range(33):
        PracticeFactory(themes=["education"], published_at=start + timedelta(days=day))
    PracticeFactory(themes=["online harms"])
    first = card_entries(visitor.get(f"{LIBRARY}?theme=education"))
    second = card_entries(visitor.get(f"{LIBRARY}?theme=education&page=2"))
    feed = feed_entries(visitor.get(f"{FEED}?theme=education"))
    assert len(feed) == 30
    assert feed == (first + second)[:30]


@pytest.mark.parametrize(
    "bad",
    ["year_from=abc", "year_from=1200", "evidence=excellent", "theme=not%20a%20slug", "page=x"],
)
def test_a_bad_value_is_ignored_and_the_valid_filters_still_apply(visitor, library, bad):
    query = f"region=africa&{bad}"
    feed = feed_entries(visitor.get(f"{FEED}?{query}"))
    assert [title for title, _path in feed] == ["Nairobi school mentors", "Nairobi exit programme"]
    assert feed == card_entries(visitor.get(f"{LIBRARY}?{query}"))
    assert feed_title(visitor.get(f"{FEED}?{query}")) == f"{PLAIN_TITLE} — Region: Africa"


def test_only_bad_values_give_the_whole_feed_with_its_plain_title(visitor, library):
    response = visitor.get(f"{FEED}?year_from=abc&evidence=excellent")
    assert len(feed_entries(response)) == 5
    assert feed_title(response) == PLAIN_TITLE
    assert alternate_link(response) == f"http://testserver{LIBRARY}"


def test_the_title_names_the_filters_as_the_library_does(visitor, library):
    response = visitor.get(f"{FEED}?theme=youth-engagement&region=africa&q=exit&year_from=2020")
    assert feed_title(response) == (
        f"{PLAIN_TITLE} — Search: “exit”; Region: Africa; Theme: youth engagement; "
        "Started in or after 2020"
    )
    assert feed_title(visitor.get(FEED)) == PLAIN_TITLE


def test_the_title_is_in_the_language_of_the_address(visitor, library):
    title = feed_title(visitor.get(f"/fr{FEED}?evidence=effective"))
    assert "Évalué" in title or "évalué" in title, title
    assert "Evaluated" not in title


def test_the_feed_links_to_the_filtered_library_page(visitor, library):
    query = "theme=youth-engagement&region=europe"
    response = visitor.get(f"{FEED}?{query}&page=2")
    assert alternate_link(response) == f"http://testserver{LIBRARY}?{query}"
    (self_link,) = [
        link.get("href") for link in parse(response).findall(f"{ATOM}link[@rel='self']")
    ]
    assert self_link == f"http://testserver{FEED}?{query}"
    assert alternate_link(visitor.get(FEED)) == f"http://testserver{LIBRARY}"


def test_entries_keep_their_content(visitor):
    PracticeFactory(
        title="Accra listening circles",
        summary="Neighbours <b>meet</b>\nweekly.",
        city=CityFactory(name="Accra", region=region("africa")),
        themes=["social cohesion", "education"],
    )
    (entry,) = parse(visitor.get(f"{FEED}?region=africa")).findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}summary").text == "Neighbours &lt;b&gt;meet&lt;/b&gt;<br>weekly."
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Accra"
    categories = [category.get("term") for category in entry.findall(f"{ATOM}category")]
    assert categories == ["education", "social cohesion"]


# --- the library page links to its feed ---


def test_a_filtered_library_page_links_to_its_feed(visitor, library):
    response = visitor.get(f"{LIBRARY}?theme=youth-engagement&region=europe&page=1")
    feed = f"{FEED}?theme=youth-engagement&amp;region=europe"
    assert (
        f'<a href="{feed}" type="application/atom+xml">Feed of these results (Atom)</a>'
        in response.text
    )
    head = response.text.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="Newly published practice: these results" href="{feed}">'
    ) in head
    # And the feed behind the link holds the page's cards.
    linked = feed_entries(visitor.get(f"{FEED}?theme=youth-engagement&region=europe"))
    assert linked == card_entries(response)


def test_each_kept_library_page_links_to_its_own_feed(visitor, library, settings):
    # The head and the content are kept as template fragments, keyed by the address.
    settings.DATA_CACHE_SECONDS = 300
    for query in ("region=africa", "region=europe", "region=africa"):
        text = visitor.get(f"{LIBRARY}?{query}").text
        assert text.count(f'href="{FEED}?{query}"') == 2  # the head's link and the page's
    assert "Feed of these results" not in visitor.get(LIBRARY).text


@pytest.mark.parametrize("query", ["", "?year_from=abc"])
def test_an_unfiltered_library_page_points_to_the_whole_feed(visitor, library, query):
    response = visitor.get(LIBRARY + query)
    assert "Feed of these results" not in response.text
    assert "these results" not in response.text.split("</head>")[0]
    assert f'type="application/atom+xml" title="Newly published practice" href="{FEED}"' in (
        response.text
    )


def test_a_script_in_a_filter_never_comes_back_as_markup(visitor, library):
    query = "q=%3Cscript%3Ealert(1)%3C/script%3E&theme=%3Cscript%3Ex%3C/script%3E&region=europe"
    page = visitor.get(f"{LIBRARY}?{query}")
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E" in page.text  # the link keeps it, encoded
    feed = visitor.get(f"{FEED}?{query}")
    assert b"<script>" not in feed.content
    # The search words are named in the title, as text; the theme (not a slug) is ignored.
    assert (
        feed_title(feed) == f"{PLAIN_TITLE} — Search: “<script>alert(1)</script>”; Region: Europe"
    )


# --- cached like every public page, per address, and current ---


def test_two_filters_give_two_feeds_from_the_page_cache(
    visitor, library, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    africa = feed_entries(visitor.get(f"{FEED}?region=africa"))
    europe = feed_entries(visitor.get(f"{FEED}?region=europe"))
    assert [title for title, _path in africa] == [
        "Nairobi school mentors",
        "Nairobi exit programme",
    ]
    assert {title for title, _path in europe} == {
        "Paris mediators",
        "Berlin online moderators",
        "Berlin youth clubs",
    }
    # Kept: one cache read (the content version and the feed together), SQL here.
    with django_assert_max_num_queries(1):
        again = visitor.get(f"{FEED}?region=africa")
    assert feed_entries(again) == africa
    assert feed_title(visitor.get(f"{FEED}?region=europe")) == f"{PLAIN_TITLE} — Region: Europe"


def test_a_cached_feed_shows_newly_published_practice_at_once(
    visitor, library, settings, moderator
):
    settings.PAGE_CACHE_SECONDS = 300
    before = feed_entries(visitor.get(f"{FEED}?region=africa"))
    practice = PracticeFactory(
        title="Nairobi radio drama",
        city=CityFactory(region=region("africa")),
        status=Status.SUBMITTED,
        published_at=None,
    )
    assert feed_entries(visitor.get(f"{FEED}?region=africa")) == before
    workflow.transition(practice, "publish", moderator)
    after = feed_entries(visitor.get(f"{FEED}?region=africa"))
    assert after[0][0] == "Nairobi radio drama"
    assert after[1:] == before


# --- a fixed number of queries ---


def make_data(count):
    for index in range(count):
        PracticeFactory(
            city=CityFactory(country=["DE", "FR", "KE"][index % 3]),
            themes=[f"theme {index % 4}", "youth engagement"],
            evidence_level=["described", "promising", "effective"][index % 3],
        )


@pytest.mark.parametrize(
    "query",
    ["", "?region=europe&theme=youth-engagement", "?evidence=described&year_from=2000&q=practice"],
    ids=["unfiltered", "two-facets", "search-and-facets"],
)
def test_the_feed_reads_a_fixed_number_of_queries_whatever_the_data(
    visitor, query, django_assert_max_num_queries
):
    # The content version; the facet index, built anew after the data changed; the ids a
    # text query matches; the practice of the feed.
    make_data(3)
    with django_assert_max_num_queries(4) as small:
        assert feed_entries(visitor.get(FEED + query))
    make_data(40)
    with django_assert_max_num_queries(4) as large:
        assert feed_entries(visitor.get(FEED + query))
    assert len(large.captured_queries) == len(small.captured_queries)
