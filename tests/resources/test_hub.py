"""The resource hub: combinable facets with counts, shareable state in the query string,
clear links, a text query, pagination, bad input, visibility, and a fixed number of
queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from cities.models import Region
from practices.models import Status
from tests.factories import PartnerOrganisationFactory, ResourceFactory
from tests.html import card_titles

pytestmark = pytest.mark.django_db

HUB = reverse("resources:list")


def titles(response):
    return sorted(card_titles(response))


def facet(response, param):
    return next(view for view in response.context["facets"] if view.param == param)


def counts(response, param):
    view = facet(response, param)
    return {option.value: option.count for option in view.options + view.more}


@pytest.fixture
def hub():
    """Four published resources across types, themes, regions, languages and years, and
    one of each unpublished state, which never shows."""
    rows = [
        ("Youth toolkit", "toolkit", ["youth engagement"], ["europe"], "en", 2021),
        ("Online harms research", "research", ["online harms", "youth engagement"],
         ["europe", "africa"], "en", 2023),
        ("Guide des médiateurs", "guide", ["social cohesion"], ["europe"], "fr", 2023),
        ("Exit training", "training", ["exit and reintegration"], [], "ar", 2019),
    ]  # fmt: skip
    for title, kind, themes, regions, language, year in rows:
        ResourceFactory(
            title=title, kind=kind, themes=themes, regions=regions, language=language, year=year
        )
    for status in (Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED):
        ResourceFactory(title=f"Hidden {status}", status=status, regions=["africa"])


ALL = ["Exit training", "Guide des médiateurs", "Online harms research", "Youth toolkit"]


def test_the_hub_lists_published_resources_with_a_count(visitor, hub):
    response = visitor.get(HUB)
    assert response.status_code == 200
    assert titles(response) == ALL
    assert "4 resources found" in response.text
    assert "<h1>Resource hub</h1>" in response.text


def test_a_card_shows_type_publisher_year_language_and_themes(visitor):
    publisher = PartnerOrganisationFactory(name="Peace Institute")
    ResourceFactory(title="Published elsewhere", publisher=publisher, kind="policy", year=2020,
                    themes=["online harms", "education"], language="es")  # fmt: skip
    ResourceFactory(title="Our own", year=2024)
    response = visitor.get(HUB)
    text = response.text
    assert 'class="badge badge-kind-policy">Policy document</span>' in text
    assert "· Peace Institute" in text
    assert "· Strong Cities Network" in text
    assert "· 2020" in text
    assert '<span class="card-language">Spanish</span>' in text
    assert '<ul class="tags" aria-label="Themes"><li>education</li><li>online harms</li></ul>' in (
        text
    )
    assert '<h3 class="card-title" lang="es" dir="ltr">' in text


def test_newest_first(visitor):
    now = timezone.now()
    for age, title in enumerate(["Newest", "Middle", "Oldest"]):
        ResourceFactory(title=title, published_at=now - timedelta(days=age))
    assert card_titles(visitor.get(HUB)) == ["Newest", "Middle", "Oldest"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=guide", ["Guide des médiateurs"]),
        ("theme=youth-engagement", ["Online harms research", "Youth toolkit"]),
        ("region=africa", ["Online harms research"]),
        ("language=fr", ["Guide des médiateurs"]),
        ("year=2023", ["Guide des médiateurs", "Online harms research"]),
    ],
)
def test_each_facet_alone_narrows_the_list(visitor, hub, query, expected):
    response = visitor.get(f"{HUB}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=guide&kind=toolkit", ["Guide des médiateurs", "Youth toolkit"]),
        ("region=europe&year=2023", ["Guide des médiateurs", "Online harms research"]),
        ("region=europe&year=2023&language=en", ["Online harms research"]),
        ("theme=youth-engagement&theme=exit-and-reintegration&year=2019", ["Exit training"]),
        ("kind=training&region=europe", []),
    ],
)
def test_filters_combine_across_facets_and_widen_within_one(visitor, hub, query, expected):
    assert titles(visitor.get(f"{HUB}?{query}")) == expected


def test_each_value_counts_what_ticking_it_would_give(visitor, hub):
    response = visitor.get(HUB)
    assert counts(response, "kind") == {"toolkit": 1, "research": 1, "guide": 1, "training": 1}
    assert counts(response, "theme") == {
        "youth-engagement": 2,
        "online-harms": 1,
        "social-cohesion": 1,
        "exit-and-reintegration": 1,
    }
    # Unpublished resources are not counted: Africa has one published resource.
    assert counts(response, "region") == {"europe": 3, "africa": 1}
    assert counts(response, "language") == {"en": 2, "fr": 1, "ar": 1}
    assert counts(response, "year") == {"2023": 2, "2021": 1, "2019": 1}
    assert '(1<span class="visually-hidden"> result</span>)' in response.text
    assert '(3<span class="visually-hidden"> results</span>)' in response.text


def test_counts_follow_the_other_facets_but_not_their_own(visitor, hub):
    response = visitor.get(f"{HUB}?region=europe&year=2023")
    assert titles(response) == ["Guide des médiateurs", "Online harms research"]
    # Within Europe, what each year would give (the year's own choice set aside) ...
    assert counts(response, "year") == {"2023": 2, "2021": 1}
    # ... and what each region would give in 2023.
    assert counts(response, "region") == {"europe": 2, "africa": 1}
    assert counts(response, "kind") == {"research": 1, "guide": 1}
    assert counts(response, "language") == {"en": 1, "fr": 1}
    ticked = [option.value for option in facet(response, "year").options if option.selected]
    assert ticked == ["2023"]
    assert 'value="2023" id="f-year-2023" checked' in response.text


def test_a_second_value_in_the_same_facet_widens_and_keeps_the_counts(visitor, hub):
    response = visitor.get(f"{HUB}?kind=guide&kind=training&language=ar")
    assert titles(response) == ["Exit training"]
    # A ticked value stays on the form, with what it would give.
    assert counts(response, "kind") == {"training": 1, "guide": 0}
    assert [o.value for o in facet(response, "kind").options if o.selected] == [
        "guide",
        "training",
    ]
    assert counts(response, "language") == {"fr": 1, "ar": 1}


def test_the_state_is_in_the_address_with_clear_one_and_clear_all(visitor, hub):
    response = visitor.get(f"{HUB}?region=europe&theme=youth-engagement&page=1")
    active = dict(response.context["active_filters"])
    assert active["Region: Europe"] == "?theme=youth-engagement"
    assert active["Theme: youth engagement"] == "?region=europe"
    assert f'href="{HUB}" class="clear-all"' in response.text
    assert titles(visitor.get(HUB + active["Region: Europe"])) == [
        "Online harms research",
        "Youth toolkit",
    ]


def test_the_same_address_gives_the_same_results_to_anyone(client, member, hub):
    address = f"{HUB}?year=2023&language=fr"
    seen_by_visitor = titles(client.get(address))
    client.force_login(member)
    assert titles(client.get(address)) == seen_by_visitor == ["Guide des médiateurs"]


def test_no_clear_links_without_filters(visitor, hub):
    response = visitor.get(HUB)
    assert response.context["active_filters"] == []
    assert "Clear all filters" not in response.text


def test_search_words_match_title_or_summary_and_combine_with_facets(visitor, hub):
    ResourceFactory(title="Mediation handbook", summary="For conflict mediators.", year=2018)
    assert titles(visitor.get(f"{HUB}?q=YOUTH")) == ["Youth toolkit"]
    assert titles(visitor.get(f"{HUB}?q=mediators")) == ["Mediation handbook"]
    response = visitor.get(f"{HUB}?q=practical&year=2023")
    assert titles(response) == ["Guide des médiateurs", "Online harms research"]
    assert counts(response, "year") == {"2023": 2, "2021": 1, "2019": 1}
    active = dict(response.context["active_filters"])
    assert active["Search: “practical”"] == "?year=2023"
    assert 'value="practical"' in response.text


def test_search_never_finds_unpublished_resources(visitor, hub):
    response = visitor.get(f"{HUB}?q=hidden")
    assert titles(response) == []
    assert "No published resource matches these filters" in response.text


def test_the_list_paginates_twenty_a_page_with_filters_kept(visitor):
    now = timezone.now()
    for number in range(45):
        ResourceFactory(title=f"Item {number:02}", published_at=now - timedelta(hours=number))
    ResourceFactory(title="A guide", kind="guide")
    first = visitor.get(f"{HUB}?kind=toolkit")
    assert len(card_titles(first)) == 20
    assert card_titles(first)[0] == "Item 00"
    assert "Page 1 of 3" in first.text
    assert 'href="?kind=toolkit&amp;page=2" rel="next"' in first.text
    last = visitor.get(f"{HUB}?kind=toolkit&page=3")
    assert card_titles(last) == ["Item 40", "Item 41", "Item 42", "Item 43", "Item 44"]
    assert "45 resources found" in last.text
    # Past the end: the last page, not an error.
    assert card_titles(visitor.get(f"{HUB}?kind=toolkit&page=99")) == card_titles(last)


@pytest.mark.parametrize(
    ("query", "param", "error"),
    [
        ("year=20x1&kind=guide", "year", "“20x1” is not a year between 1990 and 2100."),
        ("year=1200&kind=guide", "year", "“1200” is not a year between 1990 and 2100."),
        ("kind=poster&kind=guide", "kind", "Select a valid choice."),
        ("region=<script>&kind=guide", "region", "Enter a valid “slug”"),
        ("language=xx&kind=guide", "language", "Select a valid choice."),
    ],
)
def test_an_invalid_value_is_reported_and_the_rest_still_applies(visitor, hub, query, param, error):
    response = visitor.get(f"{HUB}?{query}")
    assert response.status_code == 200
    assert error in " ".join(facet(response, param).errors)
    assert escape(error) in response.text
    expected = ["Guide des médiateurs"] if param != "kind" else ALL
    assert titles(response) == expected
    assert "<script>" not in response.text.split("<main", 1)[1]


def test_an_unknown_theme_says_so_and_matches_nothing(visitor, hub):
    response = visitor.get(f"{HUB}?theme=no-such-theme")
    assert titles(response) == []
    assert facet(response, "theme").unknown == ["no-such-theme"]
    assert "Not found, so nothing matches it: no-such-theme" in response.text


def test_too_many_values_are_refused_not_crashed(visitor, hub):
    query = "&".join(f"theme=t{n}" for n in range(30))
    response = visitor.get(f"{HUB}?{query}&language=fr")
    assert response.status_code == 200
    assert "Too many values; choose fewer." in response.text
    assert titles(response) == ["Guide des médiateurs"]


def test_region_names_follow_the_page_language(client, hub):
    Region.objects.filter(slug="europe").update(name_fr="L’Europe en français")
    response = client.get("/fr" + HUB)
    assert facet(response, "region").options[1].label == "L’Europe en français"


def _grow(count, start):
    publishers = [PartnerOrganisationFactory() for _ in range(3)]
    for number in range(start, start + count):
        ResourceFactory(
            title=f"Grown {number}",
            kind=["toolkit", "guide", "research"][number % 3],
            themes=[f"theme {number % 7}", "youth engagement"],
            regions=[["europe"], ["africa", "europe"], []][number % 3],
            publisher=publishers[number % 3] if number % 2 else None,
            year=2000 + number % 20,
            language=["en", "fr", "ar", "es"][number % 4],
        )


@pytest.mark.parametrize("query", ["", "?kind=guide&region=europe&year=2005", "?q=grown&page=2"])
def test_the_hub_reads_at_most_four_queries_whatever_the_data(
    visitor, cache_in_memory, django_assert_max_num_queries, query
):
    _grow(5, 0)
    with django_assert_max_num_queries(4):
        assert visitor.get(HUB + query).status_code == 200
    _grow(60, 5)
    with django_assert_max_num_queries(4):
        response = visitor.get(HUB + query)
    assert response.status_code == 200
    assert card_titles(response)


def test_the_french_hub_also_stays_within_four_queries(
    client, cache_in_memory, django_assert_max_num_queries
):
    _grow(40, 0)
    with django_assert_max_num_queries(4):
        response = client.get("/fr" + HUB + "?theme=youth-engagement")
    assert len(card_titles(response)) == 20
