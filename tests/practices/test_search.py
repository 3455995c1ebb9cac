"""The search engine (practices/search.py) on both databases: what a query finds, in which
order, and how the library combines it with its facets."""

import pytest
from django.db import connection

from practices.filters import Library
from practices.models import Practice, Status
from practices.search import clean_query, highlight, parse, ranked_page, search_practices
from tests.factories import CityFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def found(query):
    return list(search_practices(Practice.objects.published(), query))


def test_parse_reads_words_phrases_and_excluded_words():
    parsed = parse('Youth "Community  Policing" -online -"hate speech" a "x" "unclosed phrase')
    assert parsed.words == ["youth"]
    assert parsed.phrases == ["community policing", "unclosed phrase"]
    assert parsed.excluded == ["hate speech", "online"]


def test_clean_query_removes_control_characters_and_bounds_the_length():
    assert clean_query("a\x00b\tc") == "a b c"
    assert len(clean_query("word " * 2000)) <= 200


def test_every_word_must_occur_somewhere():
    both = PracticeFactory(title="Youth mentoring", approach="Online work with families.")
    PracticeFactory(title="Youth mentoring", slug="other", approach="Street work with families.")

    assert found("youth online") == [both]


def test_a_title_match_outranks_a_body_match():
    in_body = PracticeFactory(title="Sports clubs", approach="Mentoring for young people.")
    in_title = PracticeFactory(title="Mentoring for young people", approach="Sports clubs.")

    assert found("mentoring") == [in_title, in_body]


def test_quoted_phrases_match_as_written():
    phrase = PracticeFactory(title="Community policing in parks")
    PracticeFactory(title="Policing", summary="The community was asked.")

    assert found('"community policing"') == [phrase]


def test_excluded_words_leave_practice_out():
    offline = PracticeFactory(title="Schools programme", approach="In classrooms.")
    PracticeFactory(title="Schools programme", slug="other", approach="Run online.")

    assert found("schools -online") == [offline]


def test_themes_and_city_names_are_searched():
    practice = PracticeFactory(title="A programme", city=CityFactory(name="Quuxburg"))
    practice.themes.add("Returnees")

    assert found("quuxburg") == [practice]
    assert found("returnees") == [practice]


def test_unpublished_practice_is_never_found():
    PracticeFactory(title="Secret draft mentoring", status=Status.DRAFT, published_at=None)
    PracticeFactory(title="Submitted mentoring", status=Status.SUBMITTED, published_at=None)

    assert found("mentoring") == []


def test_an_empty_query_changes_nothing():
    practice = PracticeFactory()
    assert found("") == [practice]
    assert found("  !!! ") == [practice]


@pytest.mark.parametrize(
    "query",
    [
        "x" * 5000,
        "!!!",
        "'; DROP TABLE practices_practice; --",
        '"unbalanced',
        "\x00nul",
        "مشاركة الشباب",
        "молодёжь",
        "a & b | !c <-> d",
        "-",
        '""',
        '-""',
        ":*",
    ],
)
def test_any_input_is_searched_without_error(query):
    PracticeFactory(title="Youth mentoring")
    assert isinstance(found(query), list)


def test_highlight_escapes_text_and_marks_matches():
    from django.template.loader import render_to_string

    snippet = highlight("<b>Youth</b> work & mentoring", "youth")
    drawn = render_to_string("includes/marked.html", {"parts": snippet})
    assert drawn == "&lt;b&gt;<mark>Youth</mark>&lt;/b&gt; work &amp; mentoring"


def test_library_combines_text_with_facets_and_counts_them():
    berlin = CityFactory(name="Berlin")
    nairobi = CityFactory(name="Nairobi")
    PracticeFactory(title="Youth mentoring", city=berlin, themes=["Youth"])
    PracticeFactory(title="Youth councils", city=nairobi, themes=["Youth"])
    PracticeFactory(
        title="Police training",
        city=berlin,
        themes=["Policing"],
        target_audience="Officers.",
        resources_needed="A trainer.",
    )

    library = Library({"q": "youth", "city": [berlin.slug]})
    facets = {facet.param: facet for facet in library.facets}

    assert [p.title for p in library.page(0, 20)] == ["Youth mentoring"]
    assert library.total == 1
    counts = {o.value: o.count for o in facets["city"].options}
    assert counts == {berlin.slug: 1, nairobi.slug: 1}
    themes = {o.value: o.count for o in facets["theme"].options}
    assert themes == {"youth": 1}


@pytest.mark.postgres
def test_postgresql_documents_follow_renames():
    city = CityFactory(name="Oldtown")
    practice = PracticeFactory(title="A programme", city=city)
    assert found("oldtown") == [practice]

    city.name = "Newbury"
    city.save()

    assert found("newbury") == [practice]
    assert found("oldtown") == []


@pytest.mark.postgres
def test_postgresql_stems_words():
    practice = PracticeFactory(title="Mentors for young people")
    assert found("mentoring") == [practice]
    assert connection.vendor == "postgresql"


@pytest.mark.postgres
def test_each_case_study_is_found_by_the_stems_of_its_own_language():
    """Each document is built, and each query read, in the case study's own language."""
    # French stems "éducatives" and "éducatif" alike ("éduc"); English does not.
    french = PracticeFactory(title="Des ateliers éducatives", language="fr")
    PracticeFactory(title="Workshops called éducatives", language="en")
    # Spanish leaves out "las", a word English keeps: the query's words are Spanish words.
    spanish = PracticeFactory(title="Mediadores en las escuelas", language="es")
    PracticeFactory(title="Mediators in the escuelas", language="en")
    # Arabic takes the article off "المدارس" (the schools), as its documents are read.
    arabic = PracticeFactory(title="برامج في المدارس", slug="school-programmes", language="ar")

    assert found("éducatif") == [french]
    assert found("las escuelas") == [spanish]
    assert found("مدارس") == [arabic]
    assert [practice.pk for practice in ranked_page("éducatif", 0, 10)[1]] == [french.pk]


@pytest.mark.postgres
def test_a_query_of_only_a_languages_stop_words_finds_nothing_in_that_language():
    """Read in English, "the of" has no words left: it must not find every English case
    study (the reading is joined with the language's mark in the document)."""
    PracticeFactory(title="Youth work in the harbour district", language="en")

    assert found("the of") == []
    assert found("harbour") != []


@pytest.mark.postgres
def test_the_language_mark_in_a_document_is_not_a_word_anyone_can_find():
    english = PracticeFactory(title="Mentors for young people", language="en")

    assert found("lang en") == []
    assert found('"lang en"') == []
    assert found("lang") == []
    assert found("mentors") == [english]


def test_a_misspelt_word_is_corrected_on_either_database():
    from practices.search import correct

    PracticeFactory(title="Preventing radicalisation online")

    assert correct("radicalsation") == "radicalisation"
    assert correct("radicalisation") is None


def library_order(query, start=0, size=20):
    return [practice.title for practice in Library({"q": query}).page(start, size)]


def test_the_most_relevant_practice_comes_first_in_the_library(five_mentoring_practices):
    assert library_order("mentoring") == [
        "Mentoring new",
        "Mentoring old",
        "Sport three",
        "Sport two",
        "Sport one",
    ]


def test_relevance_is_weighed_among_the_newest_matches_and_the_older_follow_newest_first(
    five_mentoring_practices, monkeypatch
):
    monkeypatch.setattr("practices.search.RANKED_MATCHES", 3)
    # The newest three, most relevant first; then the two older, newest first, however
    # relevant ("Mentoring old" has the word in its title).
    expected = ["Mentoring new", "Sport three", "Sport two", "Sport one", "Mentoring old"]
    assert library_order("mentoring") == expected
    # Pages across the boundary, and past it, keep that order.
    assert library_order("mentoring", 2, 2) == expected[2:4]
    assert library_order("mentoring", 4, 2) == expected[4:]
    # Every match is still counted.
    assert Library({"q": "mentoring"}).total == 5
