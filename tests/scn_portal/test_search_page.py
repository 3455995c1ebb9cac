"""The site-wide search page: practice first, then cities, organisations and (what the
person may see of) practitioners, each with a highlighted, escaped snippet."""

import re

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import (
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    response = client.get(reverse("search"), {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_every_page_has_the_search_box_in_its_header(client):
    text = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("search")}"' in text
    assert 'role="search"' in text
    assert 'for="header-search-q"' in text and 'name="q"' in text


def test_an_empty_query_gives_a_friendly_page(client):
    text = search(client, "")
    assert "Type what you are looking for" in text


def test_nothing_found_says_so(client):
    PracticeFactory(title="Youth mentoring")
    text = search(client, "zzyzx")
    assert "Nothing found for “zzyzx”" in text


def test_results_are_grouped_practice_first(client):
    PracticeFactory(title="Harbourside youth councils")
    CityFactory(name="Harbourside")
    PartnerOrganisationFactory(name="Harbourside Trust")

    text = search(client, "harbourside")

    practice, cities, organisations = (
        text.index('id="search-practice"'),
        text.index('id="search-city"'),
        text.index('id="search-organisation"'),
    )
    assert practice < cities < organisations
    assert "<mark>Harbourside</mark> youth councils" in text


def test_snippets_show_the_match_highlighted_and_escaped(client):
    PracticeFactory(
        title="Sports clubs",
        summary="<script>alert(1)</script> Mentoring & coaching for teenagers, if 1 < 2.",
    )

    text = search(client, "mentoring")

    assert "<mark>Mentoring</mark> &amp; coaching for teenagers, if 1 &lt; 2" in text
    assert "<script>alert(1)</script>" not in text


def test_a_title_match_comes_before_a_body_match(client):
    PracticeFactory(title="Sports clubs", approach="Mentoring for young people.")
    PracticeFactory(title="Mentoring for young people", approach="Sports clubs.")

    text = search(client, "mentoring")

    assert text.index("for young people</a>") < text.index("Sports clubs</a>")


def test_unpublished_practice_is_never_found(client, author):
    PracticeFactory(
        title="Hidden draft", status=Status.DRAFT, published_at=None, submitted_by=author
    )
    client.force_login(author)
    assert "Hidden draft" not in search(client, "hidden draft")


def test_members_only_practitioners_are_hidden_from_visitors(client, member):
    PractitionerFactory(full_name="Quinlan Membersonly", is_public=False)
    PractitionerFactory(full_name="Quinlan Listed", is_public=True)

    text = search(client, "quinlan")
    assert "<mark>Quinlan</mark> Listed" in text
    assert "Membersonly" not in text
    assert "private.example.org" not in text

    client.force_login(member)
    text = search(client, "quinlan")
    assert "Membersonly" in text
    assert "private.example.org" not in text


def test_each_word_may_be_in_any_searched_field_in_any_case(client):
    StoryFactory(
        title="Neighbourhood Watch returns",
        standfirst="Residents and POLICE meet monthly.",
        body="The council funds a youth café.",
    )

    text = search(client, "neighbourhood police CAFÉ")

    assert 'id="search-story"' in text
    assert "<mark>Neighbourhood</mark> Watch returns" in text


def test_a_phrase_is_not_found_across_two_fields(client):
    # The title ends with "youth" and the standfirst starts with "workers": a search for
    # the phrase finds neither, as it would not if each field were matched alone.
    StoryFactory(title="A city that listens to youth", standfirst="Workers meet weekly.")

    assert 'id="search-story"' not in search(client, '"youth workers"')
    assert 'id="search-story"' in search(client, "youth workers")


def test_an_edited_story_is_found_by_its_new_words_only(client):
    story = StoryFactory(title="Winter sports leagues", body="Matches on Saturdays.")
    assert 'id="search-story"' in search(client, "saturdays")

    story.body = "Matches on Sundays."
    story.save()

    assert 'id="search-story"' not in search(client, "saturdays")
    assert 'id="search-story"' in search(client, "sundays")


def test_an_excluded_word_in_any_field_leaves_the_row_out(client):
    CityFactory(name="Lakeside", profile="A harbour city.", description="Ferries and trams.")
    CityFactory(name="Lakeview", profile="A harbour city.", description="Buses.")

    text = search(client, "harbour -ferries", kind="city")

    assert "Lakeview" in text
    assert "Lakeside" not in text


def test_practice_is_paginated(client):
    for n in range(12):
        PracticeFactory(title=f"Resilience project {n}")

    first = search(client, "resilience")
    second = search(client, "resilience", page=2)

    assert "12 results" in first and "Page 1 of 2" in first
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 2


def test_other_groups_preview_a_few_and_link_to_all(client):
    for n in range(7):
        CityFactory(name=f"Riverton {n}")

    text = search(client, "riverton")
    assert text.count('class="search-result"') == 5
    assert "kind=city" in text

    only_cities = search(client, "riverton", kind="city")
    assert only_cities.count('class="search-result"') == 7


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "!!!",
        "'; DROP TABLE practices_practice; --",
        '"unbalanced',
        "nul\x00char",
        "مشاركة الشباب",
        "молодёжь",
        "-",
        '""',
        "a & b | !c",
        "%_%",
    ],
)
def test_any_query_gets_a_page(client, query):
    PracticeFactory(title="Youth mentoring")
    response = client.get(reverse("search"), {"q": query, "kind": "nonsense", "page": "x"})
    assert response.status_code == 200


def make_search_data(n, start=0):
    for i in range(start, start + n):
        practice = PracticeFactory(title=f"Youth project {i}", themes=["youth", f"t{i}"])
        PractitionerFactory(full_name=f"Youth Worker {i}", city=practice.city, is_public=True)
        CityFactory(name=f"Youthville {i}")
        PartnerOrganisationFactory(name=f"Youth Trust {i}")


# Every case of the page: no query, results, nothing found, a misspelt word (corrected), one
# kind of result, a later page and a page past the end.
SEARCH_CASES = [
    {"q": ""},
    {"q": "youth"},
    {"q": "zzyzx"},
    {"q": "youthh"},
    {"q": "youth", "page": "2"},
    {"q": "youth", "page": "99"},
    {"q": "youth", "kind": "practice", "page": "2"},
    {"q": "youth", "kind": "city"},
    {"q": "youth", "kind": "organisation", "page": "99"},
    {"q": "youth", "kind": "practitioner", "page": "2"},
    {"q": "youthh", "page": "3"},
]


@pytest.mark.parametrize("params", SEARCH_CASES, ids=lambda params: "&".join(params.values()))
def test_a_visitor_search_runs_at_most_four_queries_whatever_the_data_size(
    visitor, params, django_assert_max_num_queries
):
    make_search_data(3)
    with django_assert_max_num_queries(4):
        assert visitor.get(reverse("search"), params).status_code == 200
    make_search_data(25, start=3)
    with django_assert_max_num_queries(4):
        assert visitor.get(reverse("search"), params).status_code == 200


@pytest.mark.parametrize("params", SEARCH_CASES, ids=lambda params: "&".join(params.values()))
def test_a_member_search_runs_a_fixed_number_of_queries(
    client, member, params, django_assert_max_num_queries
):
    make_search_data(25)
    client.force_login(member)
    # Two more than a visitor's: the session and the user.
    with django_assert_max_num_queries(6):
        assert client.get(reverse("search"), params).status_code == 200


def test_a_page_past_the_end_shows_the_last_page(client):
    make_search_data(25)

    text = search(client, "youth", page=99)
    assert "Page 3 of 3" in text
    assert text.count('class="search-result"') == 5 + 5 + 5 + 5

    cities = search(client, "youthville", kind="city", page=99)
    assert "Page 2 of 2" in cities
    assert cities.count('class="search-result"') == 5


def test_a_misspelt_word_finds_the_practice_and_offers_the_right_spelling(client):
    PracticeFactory(title="Preventing radicalisation online")

    text = search(client, "radicalsation")

    assert 'Did you mean <a href="/search/?q=radicalisation"><strong>radicalisation' in text
    assert "<mark>radicalisation</mark>" in text.lower()


def test_very_many_practice_matches_are_counted_up_to_a_limit(client, monkeypatch):
    monkeypatch.setattr("practices.search.RANKED_MATCHES", 3)
    for n in range(5):
        PracticeFactory(title=f"Resilience project {n}")

    text = search(client, "resilience")

    assert "More than 3 results for “resilience”" in text
    assert "(3+)" in text


def test_control_characters_in_a_query_are_read_as_spaces(client):
    PracticeFactory(title="Youth mentoring")
    text = search(client, "youth\x00mentoring")
    assert "1 result for “youth mentoring”" in text


def test_a_highlighted_title_is_the_whole_title(client):
    PracticeFactory(
        title="A multi-agency panel for people at risk of radicalisation",
        summary="Health, housing, education and police staff meet fortnightly.",
    )
    text = search(client, "radicalisation")
    assert "A multi-agency panel for people at risk of <mark>radicalisation</mark>" in text


def test_the_search_page_weighs_the_newest_matches_and_says_there_are_more(
    client, monkeypatch, five_mentoring_practices
):
    monkeypatch.setattr("practices.search.RANKED_MATCHES", 3)

    text = search(client, "mentoring")

    # The newest three, the most relevant first; an older match, however relevant, is not
    # among them, and the count says there are more.
    shown = re.findall(r'<h3 class="card-title"[^>]*><a href="/practices/([^/]+)/"', text)
    assert shown == ["mentoring-new", "sport-three", "sport-two"]
    assert "More than 3 results for “mentoring”" in text


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("kind", "table"),
    [
        ("city", "cities_city"),
        ("organisation", "cities_partnerorganisation"),
        ("practitioner", "cities_practitioner"),
        ("story", "news_story"),
        ("event", "events_event"),
        ("resource", "resources_resource"),
    ],
)
def test_each_group_is_searched_through_one_trigram_index(kind, table):
    """On PostgreSQL a group is matched on its upper-cased `search_text` column alone, as
    it is (no UPPER() of any field per row and search), and a trigram index on that column
    lets a search read only the rows that can match. Matching each field with icontains
    cost the search page at 20,000 practices 23 ms in the database; this, 13 ms
    (docs/benchmarks.md)."""
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection

    from practices.search import parse
    from scn_portal.search_views import GROUPS

    group = next(group for group in GROUPS if group.kind == kind)
    sql, params = group.rows_sql(AnonymousUser(), parse("policing"), 0, 5)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [f"{table}_search_text_trgm"]
        )
        (definition,) = cursor.fetchone()
    # The indexed expression, as PostgreSQL writes it, is the one the query matches (a plan
    # on a few rows reads the table whole, so the plan alone cannot tell).
    indexed = re.search(r"USING gin \((.*) gin_trgm_ops\)", definition).group(1)
    assert indexed == "search_text"
    assert "search_text ~~ '%POLICING%'" in plan
    conditions = [line for line in plan.splitlines() if "Filter:" in line or "Cond:" in line]
    assert conditions
    assert not [line for line in conditions if "upper(" in line]
