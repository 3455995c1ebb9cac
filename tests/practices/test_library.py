"""The practice library: combinable facets with counts, shareable state in the query string,
clear links, search, pagination, bad input, visibility, and a fixed number of queries."""

import re

import pytest
from django.urls import reverse

from practices.models import Practice, Status
from tests.factories import CityFactory, PracticeFactory, region
from tests.html import card_titles

pytestmark = pytest.mark.django_db

LIBRARY = reverse("practices:list")


def titles(response):
    return sorted(card_titles(response))


def facet(response, param):
    return next(view for view in response.context["facets"] if view.param == param)


def counts(response, param):
    view = facet(response, param)
    return {option.value: option.count for option in view.options + view.more}


@pytest.fixture
def library():
    """Four published practices across two regions, three countries and varied facets."""
    berlin = CityFactory(name="Berlin", slug="berlin", country="DE")
    paris = CityFactory(name="Paris", slug="paris", country="FR")
    nairobi = CityFactory(name="Nairobi", slug="nairobi", country="KE", region=region("africa"))
    rows = [
        ("Berlin youth clubs", berlin, ["youth engagement"], ["far-right"],
         "effective", "running", 2016),
        ("Berlin online moderators", berlin, ["online harms", "youth engagement"],
         ["far-right", "islamist"], "described", "ended", 2019),
        ("Paris mediators", paris, ["social cohesion"], ["islamist"], "promising", "running", 2021),
        ("Nairobi exit programme", nairobi, ["exit and reintegration", "youth engagement"],
         ["islamist"], "promising", "planned", 2023),
    ]  # fmt: skip
    for title, city, themes, forms, evidence, stage, year in rows:
        PracticeFactory(
            title=title,
            city=city,
            themes=themes,
            extremism_forms=forms,
            evidence_level=evidence,
            stage=stage,
            start_year=year,
        )


ALL = [
    "Berlin online moderators",
    "Berlin youth clubs",
    "Nairobi exit programme",
    "Paris mediators",
]


def test_library_lists_published_practice_with_a_result_count(visitor, library):
    response = visitor.get(LIBRARY)
    assert response.status_code == 200
    assert titles(response) == ALL
    assert "4 practices found" in response.text
    assert "<h1>Practice library</h1>" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=africa", ["Nairobi exit programme"]),
        ("country=FR", ["Paris mediators"]),
        ("city=berlin", ["Berlin online moderators", "Berlin youth clubs"]),
        ("theme=online-harms", ["Berlin online moderators"]),
        ("form=far-right", ["Berlin online moderators", "Berlin youth clubs"]),
        ("evidence=promising", ["Nairobi exit programme", "Paris mediators"]),
        ("stage=ended", ["Berlin online moderators"]),
        ("year_from=2020", ["Nairobi exit programme", "Paris mediators"]),
        ("year_to=2019", ["Berlin online moderators", "Berlin youth clubs"]),
        ("year_from=2019&year_to=2021", ["Berlin online moderators", "Paris mediators"]),
    ],
)
def test_each_filter_alone_narrows_the_list(visitor, library, query, expected):
    response = visitor.get(f"{LIBRARY}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "region=europe&evidence=effective&evidence=promising",
            ["Berlin youth clubs", "Paris mediators"],
        ),
        (
            "theme=youth-engagement&form=islamist",
            ["Berlin online moderators", "Nairobi exit programme"],
        ),
        ("country=DE&stage=running&year_from=2015", ["Berlin youth clubs"]),
        ("region=europe&region=africa&theme=social-cohesion", ["Paris mediators"]),
        ("city=paris&stage=ended", []),
    ],
)
def test_filters_combine_across_facets_and_widen_within_one(visitor, library, query, expected):
    assert titles(visitor.get(f"{LIBRARY}?{query}")) == expected


def test_each_facet_value_shows_how_many_results_choosing_it_would_give(visitor, library):
    response = visitor.get(LIBRARY)
    assert counts(response, "region") == {"europe": 3, "africa": 1}
    assert counts(response, "country") == {"DE": 2, "FR": 1, "KE": 1}
    assert counts(response, "city") == {"berlin": 2, "paris": 1, "nairobi": 1}
    assert counts(response, "theme") == {
        "youth-engagement": 3,
        "online-harms": 1,
        "social-cohesion": 1,
        "exit-and-reintegration": 1,
    }
    assert counts(response, "form") == {"far-right": 2, "islamist": 3}
    assert counts(response, "evidence") == {"effective": 1, "described": 1, "promising": 2}
    assert counts(response, "stage") == {"running": 2, "ended": 1, "planned": 1}
    assert 'value="africa"' in response.text
    assert re.search(r"Africa\s*<span class=\"facet-count\">\(1", response.text)
    # Screen readers hear "(1 result)" and "(3 results)".
    assert '(1<span class="visually-hidden"> result</span>)' in response.text
    assert '(3<span class="visually-hidden"> results</span>)' in response.text


def test_counts_follow_the_other_filters_but_not_their_own_facet(visitor, library):
    response = visitor.get(f"{LIBRARY}?region=europe&evidence=promising")
    assert titles(response) == ["Paris mediators"]
    # Within Europe: what each evidence level would give (its own choice set aside) ...
    assert counts(response, "evidence") == {"effective": 1, "described": 1, "promising": 1}
    # ... and what each region would give at the chosen evidence level.
    assert counts(response, "region") == {"europe": 1, "africa": 1}
    assert counts(response, "city") == {"paris": 1}
    ticked = [o.value for o in facet(response, "evidence").options if o.selected]
    assert ticked == ["promising"]
    assert 'value="promising" id="f-evidence-promising" checked' in response.text


def test_a_ticked_value_with_no_results_stays_on_the_form_with_its_name(visitor, library):
    response = visitor.get(f"{LIBRARY}?city=nairobi&region=europe")
    assert titles(response) == []
    options = {o.value: o for o in facet(response, "region").options}
    assert options["europe"].selected
    assert options["europe"].label == "Europe"
    assert "Region: Europe" in response.text
    assert "No published practice matches these filters" in response.text


def test_the_filter_state_lives_in_the_query_string_with_clear_one_and_clear_all(visitor, library):
    response = visitor.get(f"{LIBRARY}?region=europe&theme=youth-engagement&page=1")
    active = dict(response.context["active_filters"])
    assert active["Region: Europe"] == "?theme=youth-engagement"
    assert active["Theme: youth engagement"] == "?region=europe"
    assert f'href="{LIBRARY}" class="clear-all"' in response.text
    # Following a clear-one link drops just that filter.
    assert titles(visitor.get(LIBRARY + active["Region: Europe"])) == [
        "Berlin online moderators",
        "Berlin youth clubs",
        "Nairobi exit programme",
    ]


def test_clearing_one_of_two_values_of_a_facet_keeps_the_other(visitor, library):
    response = visitor.get(f"{LIBRARY}?evidence=effective&evidence=promising&year_from=2020")
    active = dict(response.context["active_filters"])
    assert active["Evidence level: Evaluated – effective"] == "?evidence=promising&year_from=2020"
    assert active["Started in or after 2020"] == "?evidence=effective&evidence=promising"


def test_no_clear_links_without_filters(visitor, library):
    response = visitor.get(LIBRARY)
    assert response.context["active_filters"] == []
    assert "Clear all filters" not in response.text


def test_search_words_combine_with_facets(visitor, library):
    response = visitor.get(f"{LIBRARY}?q=moderators")
    assert titles(response) == ["Berlin online moderators"]
    response = visitor.get(f"{LIBRARY}?q=berlin&evidence=effective")
    assert titles(response) == ["Berlin youth clubs"]
    assert counts(response, "evidence") == {"effective": 1, "described": 1}
    assert 'value="berlin"' in response.text
    active = dict(response.context["active_filters"])
    assert active["Search: “berlin”"] == "?evidence=effective"


def test_search_words_stay_in_the_search_box(visitor, library):
    response = visitor.get(f"{LIBRARY}?q=youth+clubs")
    assert 'value="youth clubs"' in response.text


def test_library_paginates_and_keeps_the_filters_in_page_links(visitor):
    city = CityFactory(slug="lyon", country="FR")
    PracticeFactory.create_batch(25, city=city)
    PracticeFactory(title="Elsewhere", city=CityFactory(country="DE"))
    first = visitor.get(f"{LIBRARY}?country=FR")
    assert len(card_titles(first)) == 20
    assert "25 practices found" in first.text
    assert "Page 1 of 2" in first.text
    assert 'href="?country=FR&amp;page=2"' in first.text
    second = visitor.get(f"{LIBRARY}?country=FR&page=2")
    assert len(card_titles(second)) == 5
    assert "Elsewhere" not in second.text
    assert set(card_titles(first)).isdisjoint(card_titles(second))


def test_clear_links_go_back_to_the_first_page(visitor):
    PracticeFactory.create_batch(21, city=CityFactory(slug="lyon", country="FR"))
    response = visitor.get(f"{LIBRARY}?country=FR&page=2")
    assert dict(response.context["active_filters"])["Country: France"] == "?"


@pytest.mark.parametrize(
    "query",
    [
        "page=9999",
        "page=abc",
        "page=-1",
        "page=",
        "year_from=abc",
        "year_from=20x9&year_to=",
        "year_from=99999999999999999999",
        "year_from=2020&year_to=2010",
        "evidence=excellent",
        "stage=%00",
        "country=XX",
        "region=atlantis",
        "region=not%20a%20slug",
        "city=nowhere&theme=no-such-theme&form=no-such-form",
        "theme=" + "&theme=".join(f"t{i}" for i in range(30)),
        "q=" + "x" * 500,
        "q=%25%5F%5C",
        "q=a%00b",
        "theme=a%00b",
    ],
)
def test_bad_input_gives_a_page_never_an_error(visitor, library, query):
    response = visitor.get(f"{LIBRARY}?{query}")
    assert response.status_code == 200


def test_a_page_beyond_the_last_shows_the_last_page(visitor, library):
    response = visitor.get(f"{LIBRARY}?page=9999")
    assert response.context["page_obj"].number == 1
    assert titles(response) == ALL


def test_a_non_numeric_year_is_explained_and_ignored(visitor, library):
    response = visitor.get(f"{LIBRARY}?year_from=soon&stage=ended")
    assert titles(response) == ["Berlin online moderators"]
    assert "Enter a whole number." in response.text
    assert 'value="soon"' in response.text


def test_a_year_range_the_wrong_way_round_is_explained(visitor, library):
    response = visitor.get(f"{LIBRARY}?year_from=2022&year_to=2018")
    assert "The second year cannot be before the first." in response.text
    assert titles(response) == ["Nairobi exit programme"]


def test_an_unknown_choice_is_explained_and_ignored(visitor, library):
    response = visitor.get(f"{LIBRARY}?evidence=excellent")
    assert titles(response) == ALL
    assert "excellent is not one of the available choices" in response.text


def test_an_unknown_region_matches_nothing_and_says_so(visitor, library):
    response = visitor.get(f"{LIBRARY}?region=atlantis")
    assert titles(response) == []
    assert "Not found, so nothing matches it: atlantis" in response.text
    assert dict(response.context["active_filters"])["Region: atlantis"] == "?"


@pytest.mark.parametrize(
    "status",
    [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.REJECTED, Status.ARCHIVED],
)
def test_only_published_practice_appears(visitor, status):
    PracticeFactory(title="Public one")
    PracticeFactory(title="Hidden one", status=status, themes=["secret theme"])
    response = visitor.get(LIBRARY)
    assert titles(response) == ["Public one"]
    assert "Hidden one" not in response.text
    assert "secret-theme" not in counts(response, "theme")


def test_a_proposed_update_of_published_practice_does_not_appear(visitor):
    original = PracticeFactory(title="Original text")
    PracticeFactory(title="Proposed new text", update_of=original, status=Status.PUBLISHED)
    response = visitor.get(LIBRARY)
    assert titles(response) == ["Original text"]
    assert response.context["total"] == 1


def test_authors_and_moderators_see_only_published_practice_in_the_library(
    client, author, moderator
):
    PracticeFactory(title="Own draft", submitted_by=author, status=Status.DRAFT)
    PracticeFactory(title="Public one")
    for user in (author, moderator):
        client.force_login(user)
        assert titles(client.get(LIBRARY)) == ["Public one"]


def test_the_card_links_to_the_practice_page(visitor, library):
    response = visitor.get(f"{LIBRARY}?city=paris")
    assert 'href="/practices/paris-mediators/"' in response.text


def make_library_data(count):
    for index in range(count):
        city = CityFactory(country=["DE", "FR", "KE"][index % 3])
        PracticeFactory(
            city=city,
            themes=[f"theme {index % 4}", "youth engagement"],
            extremism_forms=["far-right", "islamist"][: index % 2 + 1],
            evidence_level=Practice.EvidenceLevel.values[index % 6],
        )


@pytest.mark.parametrize(
    "query",
    ["", "?region=europe&theme=youth-engagement", "?evidence=described&year_from=2000&q=practice"],
    ids=["unfiltered", "two-facets", "search-and-facets"],
)
def test_library_query_count_is_small_and_does_not_grow(
    visitor, query, django_assert_max_num_queries
):
    # The content version; the facet index, built anew after the data changed; the ids a
    # text query matches; the page of cards.
    make_library_data(3)
    with django_assert_max_num_queries(4):
        assert visitor.get(LIBRARY + query).status_code == 200
    make_library_data(30)
    with django_assert_max_num_queries(4):
        response = visitor.get(LIBRARY + query)
    assert response.context["total"] > 0


def test_the_library_is_served_from_the_page_cache_to_visitors(
    visitor, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    PracticeFactory(title="Cached practice")
    visitor.get(LIBRARY)
    # Cache reads (the content version and the page), answered with SQL here.
    with django_assert_max_num_queries(2):
        response = visitor.get(LIBRARY)
    assert "Cached practice" in response.text


def test_a_cached_library_shows_newly_published_practice_at_once(visitor, settings, moderator):
    from practices import workflow

    settings.PAGE_CACHE_SECONDS = 300
    visitor.get(LIBRARY)
    practice = PracticeFactory(title="Just published", status=Status.SUBMITTED, published_at=None)
    workflow.transition(practice, "publish", moderator)
    assert "Just published" in visitor.get(LIBRARY).text


def test_a_cards_labels_are_in_the_language_of_each_page(visitor):
    """The labels of a card's choices (evidence, language) are read from one dict per field,
    kept for the process: each is still translated as each page draws it."""
    PracticeFactory(title="Mentors", language="en", evidence_level="effective")

    def meta(path):
        html = visitor.get(path).text
        return re.search(r'<p class="card-meta">(.*?)</p>', html, re.DOTALL).group(1)

    assert "Evaluated – effective" in meta("/practices/")
    french = meta("/fr/practices/")
    assert "Évaluée – efficace" in french and "Anglais" in french
    english = meta("/practices/")
    assert "Evaluated – effective" in english and "English" in english
