"""What a practice's card, a city directory row and an organisation row show (written in
Python: practices/cards.py, cities/cards.py), that whatever people typed is shown as text,
never as markup, and that the rows kept in the cache never outlive a change of content."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.urls import reverse

from cities.models import PartnerOrganisation, Region
from practices import workflow
from practices.models import Practice, Status
from tests.factories import CityFactory, PartnerOrganisationFactory, PracticeFactory, region

pytestmark = pytest.mark.django_db

LIBRARY = reverse("practices:list")
HOME = reverse("home")
CITIES = reverse("cities:list")
ORGANISATIONS = reverse("cities:organisations")

PRACTICE_CARD = re.compile(r'<article class="card practice-card">.*?</article>', re.DOTALL)
CITY_ROW = re.compile(r'<li class="card city-card">.*?</li>', re.DOTALL)
ORGANISATION_ROW = re.compile(r'<li class="card">.*?</li>', re.DOTALL)
CARD_TITLE = re.compile(r'<h3 class="card-title"><a href="([^"]+)">([^<]*)</a></h3>')
CARD_META = re.compile(r'<p class="card-meta">(.*?)</p>', re.DOTALL)
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
TAGS = re.compile(r'<ul class="tags" aria-label="Themes">(.*?)</ul>', re.DOTALL)
TAG = re.compile(r"<li>([^<]*)</li>")
TAG_MARKUP = re.compile(r"<[^>]+>")

NASTY = "<b>&\"'"


def words(count, stem="word"):
    return " ".join(f"{stem}{n}" for n in range(1, count + 1))


def text(fragment):
    """What a person reads in an HTML fragment: no tags, entities decoded, single spaces."""
    return " ".join(unescape(TAG_MARKUP.sub(" ", fragment)).split())


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.text


def cards(html, pattern=PRACTICE_CARD):
    """{title as read: the card's HTML} of the cards (or rows) of a page."""
    found = {}
    for card in pattern.findall(html):
        (link,) = CARD_TITLE.findall(card)
        found[unescape(link[1])] = card
    return found


def card_link(card):
    (link,) = CARD_TITLE.findall(card)
    return link[0]


def card_meta(card):
    (meta,) = CARD_META.findall(card)
    return text(meta)


def paragraphs(card):
    return [unescape(p) for p in PARAGRAPH.findall(card)]


def themes(card):
    found = TAGS.findall(card)
    return [unescape(tag) for tag in TAG.findall(found[0])] if found else []


# --- the practice card ---


@pytest.fixture
def harbour_practice():
    city = CityFactory(name="Portville", region=region("africa"), country="KE")
    return PracticeFactory(
        title="Harbour mediators",
        city=city,
        evidence_level=Practice.EvidenceLevel.EFFECTIVE,
        summary=words(40),
        themes=["online harms", "youth engagement"],
    )


@pytest.mark.parametrize("url", [LIBRARY, HOME])
def test_a_card_shows_title_link_city_region_evidence_summary_and_themes(
    client, harbour_practice, url
):
    card = cards(get(client, url))["Harbour mediators"]
    assert card_link(card) == reverse("practices:detail", args=[harbour_practice.slug])
    assert card_meta(card) == "Portville · Africa · Evaluated – effective"
    assert 'class="badge badge-evidence-effective">Evaluated – effective</span>' in card
    # The summary is cut at 36 words, the cut marked by " …".
    assert paragraphs(card) == [words(36) + " …"]
    assert sorted(themes(card)) == ["online harms", "youth engagement"]


def test_a_summary_of_36_words_or_fewer_is_shown_whole(client):
    PracticeFactory(title="Short enough", summary=words(36))
    card = cards(get(client, LIBRARY))["Short enough"]
    assert paragraphs(card) == [words(36)]
    assert "…" not in card


def test_a_card_on_a_city_page_is_the_same_card(client, harbour_practice):
    city_page = get(client, reverse("cities:detail", args=[harbour_practice.city.slug]))
    library = get(client, LIBRARY)
    assert cards(city_page)["Harbour mediators"] == cards(library)["Harbour mediators"]


def test_a_practice_without_summary_or_themes_has_no_empty_paragraph_or_list(client):
    PracticeFactory(title="Bare practice", summary="", themes=[])
    for url in (LIBRARY, HOME):
        card = cards(get(client, url))["Bare practice"]
        assert paragraphs(card) == [], url
        assert "<p></p>" not in card
        assert "<p>\n" not in card.replace('<p class="card-meta">\n', "")
        assert "tags" not in card, url
        assert "<ul" not in card, url


@pytest.mark.parametrize("url", [LIBRARY, HOME])
def test_what_people_typed_shows_as_text_never_as_markup(client, url):
    city = CityFactory(name=f"City {NASTY}", slug="nasty-city")
    PracticeFactory(
        title=f"Title {NASTY}",
        slug="nasty-title",
        city=city,
        summary=f"Summary {NASTY}",
        themes=[f"Theme {NASTY}"],
    )
    html = get(client, url)
    assert NASTY not in html, "typed text reached the page as raw HTML"
    assert "<b>" not in html
    card = cards(html)[f"Title {NASTY}"]
    assert card_link(card) == reverse("practices:detail", args=["nasty-title"])
    assert card_meta(card).startswith(f"City {NASTY} · Europe · ")
    assert paragraphs(card) == [f"Summary {NASTY}"]
    assert themes(card) == [f"Theme {NASTY}"]


# --- the city directory and the organisation list ---


def test_a_city_row_shows_country_region_year_and_its_published_practice(client):
    one = CityFactory(name="Harbourtown", country="KE", region=region("africa"), year_joined=2021)
    PracticeFactory(city=one)
    PracticeFactory(city=one, status=Status.DRAFT, published_at=None)
    two = CityFactory(name="Riverton", country="FR", region=region("europe"), year_joined=2016)
    PracticeFactory(city=two)
    PracticeFactory(city=two)
    CityFactory(name="Quietville", country="DE", year_joined=2019)

    rows = cards(get(client, CITIES), CITY_ROW)
    assert card_link(rows["Harbourtown"]) == reverse("cities:detail", args=[one.slug])
    assert card_meta(rows["Harbourtown"]) == "Kenya · Africa · joined 2021 · 1 published practice"
    assert card_meta(rows["Riverton"]) == "France · Europe · joined 2016 · 2 published practices"
    assert card_meta(rows["Quietville"]) == (
        "Germany · Europe · joined 2019 · 0 published practices"
    )
    assert paragraphs(rows["Harbourtown"]) == ["A member city used in tests."]


def test_a_city_row_shows_what_was_typed_as_text(client):
    CityFactory(name=f"City {NASTY}", slug="nasty-city", profile=f"Profile {NASTY}")
    html = get(client, CITIES)
    assert NASTY not in html
    row = cards(html, CITY_ROW)[f"City {NASTY}"]
    assert paragraphs(row) == [f"Profile {NASTY}"]


def test_an_organisation_row_shows_kind_regions_cities_and_a_short_description(client):
    single = PartnerOrganisationFactory(
        name="Coast Institute",
        kind=PartnerOrganisation.Kind.ACADEMIC,
        description=words(45),
    )
    single.regions.add(region("europe"), region("africa"))
    single.cities.add(CityFactory())
    several = PartnerOrganisationFactory(
        name="Many Cities Fund", kind=PartnerOrganisation.Kind.FOUNDATION, description="Short."
    )
    several.cities.add(CityFactory(), CityFactory(), CityFactory())
    PartnerOrganisationFactory(name="Nowhere Yet", description="")

    rows = cards(get(client, ORGANISATIONS), ORGANISATION_ROW)
    regions = ", ".join(
        Region.objects.filter(slug__in=["europe", "africa"]).values_list("name", flat=True)
    )
    assert regions == "Africa, Europe"
    coast = rows["Coast Institute"]
    assert card_link(coast) == reverse("cities:organisation", args=[single.slug])
    assert card_meta(coast) == f"Academic · {regions} · works with 1 member city"
    assert paragraphs(coast) == [words(40) + " …"]
    assert card_meta(rows["Many Cities Fund"]) == "Foundation · works with 3 member cities"
    assert paragraphs(rows["Many Cities Fund"]) == ["Short."]
    assert card_meta(rows["Nowhere Yet"]) == "Civil society · works with 0 member cities"
    assert paragraphs(rows["Nowhere Yet"]) == []


def test_an_organisation_row_shows_what_was_typed_as_text(client):
    organisation = PartnerOrganisationFactory(
        name=f"Org {NASTY}", slug="nasty-org", description=f"About {NASTY}"
    )
    organisation.cities.add(CityFactory())
    html = get(client, ORGANISATIONS)
    assert NASTY not in html
    row = cards(html, ORGANISATION_ROW)[f"Org {NASTY}"]
    assert paragraphs(row) == [f"About {NASTY}"]


# --- the rows kept in the cache never go stale ---


@pytest.fixture
def data_cache(settings):
    settings.DATA_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def cached_rows(name):
    """How many pages of rows named `name` the cache holds (the test cache is the
    database cache)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM scn_cache")
        return sum(":data:" in key and f":{name}:" in key for (key,) in cursor)


def test_the_library_shows_a_renamed_city_at_once(client, data_cache):
    city = CityFactory(name="Oldtown")
    PracticeFactory(title="Harbour mediators", city=city)
    assert card_meta(cards(get(client, LIBRARY))["Harbour mediators"]).startswith("Oldtown ·")
    assert cached_rows("library-cards") == 1, "the cards should be kept in the cache"
    # Served again from the cache: unchanged.
    assert card_meta(cards(get(client, LIBRARY))["Harbour mediators"]).startswith("Oldtown ·")

    city.name = "Newtown"
    city.save()

    html = get(client, LIBRARY)
    assert card_meta(cards(html)["Harbour mediators"]).startswith("Newtown ·")
    assert "Oldtown" not in html


def test_the_library_shows_a_newly_published_practice_at_once(
    client, data_cache, author, moderator
):
    PracticeFactory(title="Already there")
    assert list(cards(get(client, LIBRARY))) == ["Already there"]
    assert cached_rows("library-cards") == 1

    practice = PracticeFactory(
        title="Freshly published", status=Status.SUBMITTED, submitted_by=author, published_at=None
    )
    assert list(cards(get(client, LIBRARY))) == ["Already there"]
    workflow.transition(practice, "publish", moderator)

    assert sorted(cards(get(client, LIBRARY))) == ["Already there", "Freshly published"]
    assert sorted(cards(get(client, HOME))) == ["Already there", "Freshly published"]


def test_the_library_shows_a_changed_theme_at_once(client, data_cache):
    practice = PracticeFactory(title="Harbour mediators", themes=["youth engagement"])
    assert themes(cards(get(client, LIBRARY))["Harbour mediators"]) == ["youth engagement"]
    practice.themes.add("online harms")
    assert sorted(themes(cards(get(client, LIBRARY))["Harbour mediators"])) == [
        "online harms",
        "youth engagement",
    ]


def test_the_city_directory_shows_a_renamed_city_at_once(client, data_cache):
    city = CityFactory(name="Oldtown", slug="oldtown")
    assert list(cards(get(client, CITIES), CITY_ROW)) == ["Oldtown"]
    assert cached_rows("city-directory") == 1, "the rows should be kept in the cache"
    assert list(cards(get(client, CITIES), CITY_ROW)) == ["Oldtown"]

    city.name = "Newtown"
    city.save()

    html = get(client, CITIES)
    assert list(cards(html, CITY_ROW)) == ["Newtown"]
    assert "Oldtown" not in html


def test_the_city_directory_counts_a_newly_published_practice_at_once(
    client, data_cache, author, moderator
):
    city = CityFactory(name="Harbourtown")
    PracticeFactory(city=city)
    assert card_meta(cards(get(client, CITIES), CITY_ROW)["Harbourtown"]).endswith(
        "· 1 published practice"
    )
    practice = PracticeFactory(
        city=city, status=Status.SUBMITTED, submitted_by=author, published_at=None
    )
    workflow.transition(practice, "publish", moderator)
    assert card_meta(cards(get(client, CITIES), CITY_ROW)["Harbourtown"]).endswith(
        "· 2 published practices"
    )


def test_the_organisation_list_counts_a_new_city_at_once(client, data_cache):
    organisation = PartnerOrganisationFactory(name="Coast Institute")
    organisation.cities.add(CityFactory())
    assert card_meta(cards(get(client, ORGANISATIONS), ORGANISATION_ROW)["Coast Institute"]) == (
        "Civil society · works with 1 member city"
    )
    assert cached_rows("organisation-directory") == 1
    organisation.cities.add(CityFactory())
    assert card_meta(cards(get(client, ORGANISATIONS), ORGANISATION_ROW)["Coast Institute"]) == (
        "Civil society · works with 2 member cities"
    )


def test_the_cached_rows_are_in_each_visitors_language(client, data_cache):
    """Country names come translated: a row kept for a French visitor is never shown to an
    English one, nor the other way round."""
    CityFactory(name="Harbourtown", country="DE", year_joined=2021)
    for language, country in [("fr", "Allemagne"), ("en", "Germany"), ("fr", "Allemagne")]:
        response = client.get(CITIES, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        meta = card_meta(cards(response.text, CITY_ROW)["Harbourtown"])
        assert meta.startswith(f"{country} · Europe · "), language
