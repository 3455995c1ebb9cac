"""The open data as a researcher uses it in a real browser: the library filtered by ticking
facets, "Download these results" as CSV and JSON (each holding exactly the practice the page
lists), the API's documentation page with its schema, and a practice cited from its page."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import CityFactory, PracticeFactory, region

pytestmark = pytest.mark.django_db(transaction=True)


def listed_titles(page):
    cards = page.locator(".library-results article h3, .library-results .card h3")
    return {title.strip() for title in cards.all_inner_texts()}


def test_a_researcher_downloads_the_filtered_library(page):
    africa = CityFactory(name="Nairobi", region=region("africa"), country="KE")
    PracticeFactory(title="Youth councils", city=africa, themes=["youth engagement"])
    PracticeFactory(title="Mentoring =1+1", city=africa, themes=["youth engagement"])
    PracticeFactory(title="Radio dramas", city=africa, themes=["media"])
    PracticeFactory(title="Youth sport in Europe", themes=["youth engagement"])

    page.goto(page.base_url + "/practices/")
    page.get_by_role("checkbox", name=re.compile("^Africa")).check()
    page.get_by_role("checkbox", name=re.compile("^youth engagement")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="2 practices found")).to_be_visible()
    shown = {"Youth councils", "Mentoring =1+1"}

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    download = download_info.value
    assert download.suggested_filename == "scn-practices.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    titles = {row["title"] for row in rows}
    # A title starting like a formula would read as one: it is kept as text.
    assert titles == {"Youth councils", "Mentoring =1+1"} == shown
    assert {row["city_name"] for row in rows} == {"Nairobi"}

    with page.expect_download() as download_info:
        page.get_by_role("link", name="JSON").click()
    document = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert {record["title"] for record in document["results"]} == shown
    assert document["licence"].startswith("https://creativecommons.org/licenses/by/4.0")

    # The same filters through the API.
    query = page.url.split("?", 1)[1]
    answer = page.request.get(f"{page.base_url}/api/v1/practices/?{query}").json()
    assert {record["title"] for record in answer["results"]} == shown


def test_the_api_documentation_loads_and_leads_to_the_schema(page):
    page.goto(page.base_url + "/practices/")
    page.get_by_role("link", name="Open data and API").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open data and API")
    expect(page.get_by_role("heading", name="Published practice")).to_be_visible()
    expect(page.get_by_text("GET /api/v1/practices/", exact=True)).to_be_visible()
    page.get_by_role("link", name="OpenAPI schema (JSON)").click()
    schema = json.loads(page.locator("body").inner_text())
    assert "/api/v1/practices/" in schema["paths"]


def test_a_practice_is_cited_by_its_permanent_address(page):
    practice = PracticeFactory(title="Neighbourhood mediators", start_year=2021)
    page.goto(page.base_url + practice.get_absolute_url())
    citation = page.get_by_role("region", name="Cite this practice")
    expect(citation).to_be_visible()
    permanent = f"/practices/id/{practice.pk}/"
    expect(citation).to_contain_text(permanent)
    expect(citation).to_contain_text("@misc{")
    page.goto(page.base_url + permanent)
    expect(page.get_by_role("heading", level=1)).to_have_text("Neighbourhood mediators")
