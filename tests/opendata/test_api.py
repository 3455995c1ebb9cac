"""The read-only JSON API: each list takes its page's filters and answers what the page
shows; records have stable identifiers and `updated_at`; bad input is refused clearly;
reads only, rate limited per client address, open to other sites' scripts (CORS); an
OpenAPI schema and a documentation page describe it."""

import pytest
from django.urls import reverse

from opendata.api import PAGE_SIZE
from practices.models import Status
from tests.factories import (
    CityFactory,
    EventFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    ResourceFactory,
    StoryFactory,
    region,
)
from tests.scn_portal.pages import grow

pytestmark = pytest.mark.django_db

API_LISTS = {
    "practices": "/api/v1/practices/",
    "cities": "/api/v1/cities/",
    "organisations": "/api/v1/organisations/",
    "news": "/api/v1/news/",
    "events": "/api/v1/events/",
    "past events": "/api/v1/events/past/",
    "resources": "/api/v1/resources/",
}


def slugs(response):
    assert response.status_code == 200, response.content
    return {record["slug"] for record in response.json()["results"]}


def page_slugs(client, url, key="page_obj"):
    response = client.get(url)
    assert response.status_code == 200
    return {item.slug for item in response.context[key].object_list}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?theme=education",
        "?region=africa",
        "?region=europe&theme=youth-engagement",
        "?evidence=effective&evidence=promising",
        "?country=KE",
        "?year_from=2020",
        "?q=water",
        "?language=fr",
    ],
)
def test_the_practice_list_answers_the_practice_the_library_shows(client, query):
    africa = CityFactory(region=region("africa"), country="KE")
    PracticeFactory(title="Water and youth", city=africa, themes=["education"], start_year=2021)
    PracticeFactory(title="Sports", evidence_level="effective", themes=["youth engagement"])
    PracticeFactory(title="Radio in French", language="fr", city=africa, start_year=2018)
    PracticeFactory(title="A draft on water", status=Status.DRAFT, city=africa)
    api = slugs(client.get(f"/api/v1/practices/{query}"))
    assert api == page_slugs(client, reverse("practices:list") + query)
    assert "a-draft-on-water" not in api


def test_the_directories_and_lists_answer_what_their_pages_show(client, site):
    grow(site, 1)
    cases = [
        ("/api/v1/cities/?region=europe", reverse("cities:list") + "?region=europe"),
        (
            "/api/v1/organisations/?kind=civil_society",
            reverse("cities:organisations") + "?kind=civil_society",
        ),
        ("/api/v1/news/?theme=youth-engagement", reverse("news:list") + "?theme=youth-engagement"),
        ("/api/v1/events/?region=europe", reverse("events:list") + "?region=europe"),
        ("/api/v1/resources/?kind=toolkit", reverse("resources:list") + "?kind=toolkit"),
    ]
    for api_url, page_url in cases:
        response = client.get(page_url)
        assert slugs(client.get(api_url)) == {
            item.slug for item in response.context["page_obj"].object_list
        }, api_url


def test_a_record_has_a_stable_identifier_its_address_and_when_it_changed(client, site):
    practice = site["practice"]
    record = client.get(f"/api/v1/practices/{practice.slug}/").json()
    assert record["id"] == practice.pk
    assert record["url"] == "http://testserver" + practice.get_absolute_url()
    assert record["updated_at"].startswith(str(practice.updated_at.year))
    assert record["city"]["name"] == "Budgetville"
    assert {theme["slug"] for theme in record["themes"]} == {"education", "youth-engagement"}
    assert record["evidence_level"] == practice.evidence_level
    assert record["organisations"][0]["name"] == "Budget Partners"
    attachment = record["attachments"][0]
    assert client.get(attachment["url"]).status_code == 200
    assert record["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    # The same record in the list.
    listed = client.get("/api/v1/practices/").json()["results"]
    assert record in listed
    for name in ("cities", "organisations", "news", "events", "resources"):
        first = client.get(API_LISTS[name]).json()["results"][0]
        again = client.get(f"/api/v1/{name}/{first['slug']}/")
        assert again.json() == first, name
        assert first["updated_at"] and first["id"]


def test_unpublished_content_has_no_record(client, site):
    draft = PracticeFactory(status=Status.SUBMITTED)
    assert client.get(f"/api/v1/practices/{draft.slug}/").status_code == 404
    assert client.get("/api/v1/practices/no-such-practice/").status_code == 404
    former = CityFactory(membership_status="former")
    assert client.get(f"/api/v1/cities/{former.slug}/").status_code == 404
    assert former.slug not in slugs(client.get("/api/v1/cities/"))


def test_a_filter_value_that_does_not_exist_is_refused_and_named(client, site):
    response = client.get("/api/v1/practices/?year_from=nineteen&theme=youth-engagement")
    assert response.status_code == 400
    assert "year_from" in response.json()["errors"]
    response = client.get("/api/v1/cities/?region=atlantis")
    assert response.status_code == 400
    assert "region" in response.json()["errors"]
    response = client.get("/api/v1/news/?theme=no-such-theme")
    assert response.status_code == 400
    assert "theme" in response.json()["errors"]


def test_lists_page_with_links_to_the_next_and_previous_pages(client):
    for n in range(PAGE_SIZE + 3):
        PracticeFactory(title=f"Practice {n:02}")
    first = client.get("/api/v1/practices/?theme=youth-engagement").json()
    assert first["count"] == PAGE_SIZE + 3
    assert len(first["results"]) == PAGE_SIZE
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/practices/?page=2&theme=youth-engagement"
    second = client.get(first["next"].removeprefix("http://testserver")).json()
    assert len(second["results"]) == 3
    assert second["next"] is None
    assert second["previous"].endswith("page=1&theme=youth-engagement")
    seen = {r["slug"] for r in first["results"]} | {r["slug"] for r in second["results"]}
    assert len(seen) == PAGE_SIZE + 3
    assert client.get("/api/v1/practices/?page=3").status_code == 404
    assert client.get("/api/v1/practices/?page=zero").status_code == 404
    assert client.get("/api/v1/practices/?page=99999999999").status_code == 404


def test_the_api_only_reads(client, site):
    for url in API_LISTS.values():
        assert client.post(url, {"title": "x"}).status_code == 405
        assert client.delete(url).status_code == 405


def test_other_sites_may_read_the_api_from_a_browser_but_not_the_pages(client, site):
    response = client.get("/api/v1/practices/", headers={"Origin": "https://research.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    page = client.get(reverse("practices:list"), headers={"Origin": "https://research.example"})
    assert "Access-Control-Allow-Origin" not in page


def test_each_client_address_is_held_to_the_rate_limit(client, site, settings):
    settings.API_RATE_LIMIT = "3/min"
    for _ in range(3):
        assert client.get("/api/v1/cities/", REMOTE_ADDR="192.0.2.1").status_code == 200
    refused = client.get("/api/v1/cities/", REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # Another address is counted on its own; downloads count too.
    assert client.get("/api/v1/cities/", REMOTE_ADDR="192.0.2.2").status_code == 200
    assert client.get("/downloads/cities.csv", REMOTE_ADDR="192.0.2.1").status_code == 429


def test_the_openapi_schema_documents_every_list_with_its_pages_filters(client, site):
    schema = client.get(reverse("api:schema")).json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["license"]["name"] == "CC BY 4.0"
    for url in API_LISTS.values():
        assert url in schema["paths"], url
    library = schema["paths"]["/api/v1/practices/"]["get"]
    names = {parameter["name"] for parameter in library["parameters"]}
    assert {"q", "region", "country", "city", "theme", "form", "evidence"} <= names
    assert {"stage", "language", "year_from", "year_to", "page"} <= names
    evidence = next(p for p in library["parameters"] if p["name"] == "evidence")
    assert set(evidence["schema"]["items"]["enum"]) >= {"effective", "promising"}
    practice = schema["components"]["schemas"]["Practice"]["properties"]
    assert {"id", "slug", "updated_at", "themes", "city", "attachments"} <= set(practice)
    assert "contact_practitioner" not in practice


def test_the_documentation_page_describes_the_api_in_the_readers_language(client, site):
    page = client.get(reverse("opendata:docs"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "/api/v1/practices/" in text and "/api/v1/events/past/" in text
    assert "year_from" in text
    assert reverse("api:schema") in text
    assert "creativecommons.org/licenses/by/4.0" in text
    french = client.get("/fr/api/")
    assert french.status_code == 200
    text = french.content.decode()
    assert 'lang="fr"' in text
    # The page's own words are translated; the addresses and parameter names are not.
    assert "Villes membres" in text and "/api/v1/cities/" in text


LIST_BUDGET = 4


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/practices/",
        "/api/v1/practices/?region=europe&theme=youth-engagement",
        "/api/v1/practices/?q=practice",
        "/api/v1/practices/budget-practice/",
        "/api/v1/cities/?region=europe",
        "/api/v1/cities/budgetville/",
        "/api/v1/organisations/",
        "/api/v1/news/?theme=youth-engagement",
        "/api/v1/events/",
        "/api/v1/events/past/",
        "/api/v1/resources/?kind=toolkit",
        "/api/v1/resources/budget-toolkit/",
    ],
)
def test_an_api_answer_reads_a_fixed_number_of_queries_whatever_the_data(
    client, site, url, settings, cache_in_memory, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    grow(site, 1)
    with django_assert_max_num_queries(LIST_BUDGET) as small:
        assert client.get(url).status_code == 200
    grow(site, 3)
    with django_assert_max_num_queries(LIST_BUDGET) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_api_answers_are_kept_and_forgotten_when_content_changes(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    PracticeFactory(title="First")
    assert slugs(client.get("/api/v1/practices/")) == {"first"}
    PracticeFactory(title="Second")
    assert slugs(client.get("/api/v1/practices/")) == {"first", "second"}


def test_a_list_kept_as_data_reads_nothing_again_until_published_content_changes(
    client, settings, cache_in_memory, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 0
    settings.DATA_CACHE_SECONDS = 300
    PracticeFactory(title="First")
    assert slugs(client.get("/api/v1/practices/")) == {"first"}
    with django_assert_num_queries(0):
        assert slugs(client.get("/api/v1/practices/")) == {"first"}
    # A refused filter is answered the same way, kept or not.
    for _ in range(2):
        refused = client.get("/api/v1/practices/?year_from=nineteen")
        assert refused.status_code == 400
        assert "year_from" in refused.json()["errors"]
    PracticeFactory(title="Draft", status=Status.DRAFT)
    assert slugs(client.get("/api/v1/practices/")) == {"first"}
    PracticeFactory(title="Second")
    assert slugs(client.get("/api/v1/practices/")) == {"first", "second"}


def test_a_new_organisation_event_story_and_resource_appear(client):
    made = {
        "organisations": PartnerOrganisationFactory(),
        "events": EventFactory(),
        "news": StoryFactory(),
        "resources": ResourceFactory(),
    }
    for name, thing in made.items():
        assert thing.slug in slugs(client.get(f"/api/v1/{name}/")), name
