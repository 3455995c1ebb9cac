"""Downloads of a filtered list as CSV and JSON: the same results as the page, every row,
streamed; a CSV that opens in a spreadsheet, with member text never read as a formula."""

import csv
import io
import json

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import CityFactory, PracticeFactory, region
from tests.scn_portal.pages import grow

pytestmark = pytest.mark.django_db


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8"), response


def csv_rows(client, url):
    text, response = download(client, url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert text.startswith("\ufeff")  # spreadsheets then read UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def json_results(client, url):
    text, response = download(client, url)
    assert response["Content-Type"] == "application/json"
    document = json.loads(text)
    assert document["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    return document["results"]


def library_slugs(client, query):
    response = client.get(reverse("practices:list") + query)
    return {card.slug for card in response.context["page_obj"].object_list}


@pytest.mark.parametrize(
    "query", ["", "?theme=education", "?region=africa&evidence=effective", "?q=water"]
)
def test_the_library_downloads_hold_exactly_the_practice_the_page_shows(client, query):
    africa = CityFactory(region=region("africa"), country="KE")
    PracticeFactory(title="Water", city=africa, themes=["education"], evidence_level="effective")
    PracticeFactory(title="Sport", themes=["education"])
    PracticeFactory(title="Radio", city=africa, evidence_level="effective")
    PracticeFactory(title="Unpublished water", status=Status.SUBMITTED, city=africa)
    shown = library_slugs(client, query)
    assert shown
    base = reverse("api:download", args=["practices", "csv"])
    assert {row["slug"] for row in csv_rows(client, base + query)} == shown
    base = reverse("api:download", args=["practices", "json"])
    assert {record["slug"] for record in json_results(client, base + query)} == shown


def test_invalid_filters_are_ignored_as_the_page_ignores_them(client):
    PracticeFactory(title="Kept", themes=["education"])
    query = "?theme=education&year_from=nineteen"
    rows = csv_rows(client, reverse("api:download", args=["practices", "csv"]) + query)
    assert [row["slug"] for row in rows] == ["kept"] == sorted(library_slugs(client, query))


def test_a_csv_row_carries_the_practice_its_city_and_its_lists(client, site):
    rows = csv_rows(client, reverse("api:download", args=["practices", "csv"]))
    (row,) = rows
    assert row["title"] == "Budget practice"
    assert row["city_name"] == "Budgetville"
    assert row["city_region"] == "Europe"
    assert row["themes_slugs"] == "education; youth-engagement"
    assert row["organisations"] == "Budget Partners"
    assert row["attachments"].startswith("http://testserver/practices/budget-practice/")
    assert row["url"] == "http://testserver/practices/budget-practice/"


def test_member_text_never_becomes_a_spreadsheet_formula(client):
    PracticeFactory(
        title='=HYPERLINK("http://evil.example","click")',
        slug="formula",
        summary="+1+cmd|' /C calc'!A0",
        problem="-2+3",
        approach="@SUM(A1:A9)",
    )
    (row,) = csv_rows(client, reverse("api:download", args=["practices", "csv"]))
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"].startswith("'+")
    assert row["problem"] == "'-2+3"
    assert row["approach"] == "'@SUM(A1:A9)"


def test_arabic_and_accented_text_survive_the_csv(client):
    PracticeFactory(title="مبادرة الشباب", slug="arabic", language="ar")
    PracticeFactory(title="Médiation à Montréal", slug="french", language="fr")
    titles = {row["title"] for row in csv_rows(client, "/downloads/practices.csv")}
    assert titles == {"مبادرة الشباب", "Médiation à Montréal"}


def test_the_directories_download_with_their_filters(client, site):
    grow(site, 1)
    page = client.get(reverse("cities:list") + "?region=europe")
    shown = {city.slug for city in page.context["page_obj"].object_list}
    rows = csv_rows(client, "/downloads/cities.csv?region=europe")
    assert {row["slug"] for row in rows} == shown
    assert all(row["region_slug"] == "europe" for row in rows)
    page = client.get(reverse("cities:organisations") + "?region=europe")
    shown = {o.slug for o in page.context["page_obj"].object_list}
    records = json_results(client, "/downloads/organisations.json?region=europe")
    assert {record["slug"] for record in records} == shown


def test_the_pages_offer_their_results_for_download(client, site):
    page = client.get(reverse("cities:list") + "?region=europe&page=1").content.decode()
    assert 'href="/downloads/cities.csv?region=europe"' in page
    assert 'href="/downloads/cities.json?region=europe"' in page
    page = client.get(reverse("cities:organisations") + "?kind=academic").content.decode()
    assert 'href="/downloads/organisations.csv?kind=academic"' in page
    page = client.get(reverse("practices:list") + "?theme=education").content.decode()
    assert 'href="/downloads/practices.csv?theme=education"' in page
    assert 'href="/downloads/practices.json?theme=education"' in page


def test_an_unknown_download_is_not_found(client):
    assert client.get("/downloads/practitioners.csv").status_code == 404
    assert client.get("/downloads/practices.xlsx").status_code == 404
    assert client.post("/downloads/practices.csv").status_code == 405


@pytest.mark.parametrize(
    "url", ["/downloads/practices.csv?theme=youth-engagement", "/downloads/cities.json"]
)
def test_a_download_reads_a_fixed_number_of_queries_whatever_the_data(
    client, site, url, cache_in_memory, django_assert_max_num_queries
):
    grow(site, 1)
    with django_assert_max_num_queries(3) as small:
        download(client, url)
    grow(site, 4)
    with django_assert_max_num_queries(3) as large:
        download(client, url)
    assert len(large.captured_queries) == len(small.captured_queries)
