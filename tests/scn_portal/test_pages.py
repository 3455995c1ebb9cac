"""Site-wide pages: home additions, about, FAQ, robots.txt, the sitemap and the error pages."""

import pytest
from django.template.loader import get_template
from django.test import override_settings
from django.urls import reverse

from practices.models import Status
from tests.factories import (
    CityFactory,
    FaqEntryFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
)
from tests.html import map_marks

pytestmark = pytest.mark.django_db


def test_home_shows_a_map_of_member_cities_and_paths_onwards(visitor):
    CityFactory(name="Berlin")
    CityFactory(name="Gone", membership_status="former")

    response = visitor.get(reverse("home"))

    assert map_marks(response, "home-map") == [("Berlin", "/cities/berlin/")]
    for name in ["cities:list", "practices:list", "cities:join", "contact", "cities:organisations"]:
        assert f'href="{reverse(name)}"' in response.text


def test_about_page_says_what_the_network_is(visitor):
    response = visitor.get(reverse("about"))

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert "About the Strong Cities Network" in response.text
    assert "<title>About the network · Strong Cities Network</title>" in response.text
    assert '<link rel="canonical" href="http://testserver/about/">' in response.text


def test_faq_lists_published_entries_in_order_with_anchors(visitor):
    FaqEntryFactory(question="Second question?", slug="second", order=2)
    FaqEntryFactory(question="First question?", slug="first", order=1, answer="Yes, it is free.")
    FaqEntryFactory(question="Hidden question?", slug="hidden", is_published=False)

    response = visitor.get(reverse("faq"))

    assert response.status_code == 200
    text = response.text
    assert text.index("First question?") < text.index("Second question?")
    assert 'id="first"' in text
    assert 'href="#first"' in text
    assert "Yes, it is free." in text
    assert "Hidden question?" not in text


def test_faq_escapes_what_staff_typed(visitor):
    FaqEntryFactory(question="Is <b>this</b> bold?", answer="<script>alert(1)</script>")

    response = visitor.get(reverse("faq"))

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_faq_queries_stay_constant(visitor, django_assert_num_queries):
    FaqEntryFactory.create_batch(2)
    with django_assert_num_queries(1):
        visitor.get(reverse("faq"))
    FaqEntryFactory.create_batch(20)
    with django_assert_num_queries(1):
        visitor.get(reverse("faq"))


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(visitor):
    response = visitor.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    for path in ["/practitioners/", "/contribute/", "/admin/", "/accounts/"]:
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_public_pages_and_never_practitioners_or_unpublished_practice(visitor):
    city = CityFactory(name="Berlin")
    organisation = PartnerOrganisationFactory(name="Mothers for Peace")
    published = PracticeFactory(title="Open practice", city=city)
    draft = PracticeFactory(title="Secret draft", status=Status.DRAFT, city=city)
    submitted = PracticeFactory(title="Under review", status=Status.SUBMITTED, city=city)
    practitioner = PractitionerFactory(is_public=True)

    response = visitor.get("/sitemap.xml")

    assert response.status_code == 200
    text = response.text
    for url in [
        city.get_absolute_url(),
        organisation.get_absolute_url(),
        published.get_absolute_url(),
        reverse("about"),
        reverse("faq"),
        reverse("cities:list"),
    ]:
        assert f"<loc>http://testserver{url}</loc>" in text
    assert draft.get_absolute_url() not in text
    assert submitted.get_absolute_url() not in text
    assert practitioner.get_absolute_url() not in text
    assert "/practitioners/" not in text


@override_settings(SITE_URL="https://www.strongcities.example")
def test_sitemap_addresses_use_the_configured_site_url(visitor):
    CityFactory(name="Berlin")

    response = visitor.get("/sitemap.xml")

    assert "<loc>https://www.strongcities.example/cities/berlin/</loc>" in response.text


def test_a_missing_page_shows_the_styled_404_with_ways_onwards(visitor):
    response = visitor.get("/no-such-page/")

    assert response.status_code == 404
    assert response.text.count("<h1") == 1
    assert "Page not found" in response.text
    assert 'href="/practices/"' in response.text
    assert 'name="q"' in response.text
    assert "site-header" in response.text


def test_the_500_page_renders_without_a_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = get_template("500.html").render()

    assert "Something went wrong" in html
    assert html.count("<h1") == 1
    assert 'href="/"' in html


def test_a_server_error_shows_the_500_page(client, monkeypatch):
    from cities import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.Practice.objects, "published", broken)
    client.raise_request_exception = False

    response = client.get(reverse("cities:detail", args=[CityFactory().slug]))

    assert response.status_code == 500
    assert "Something went wrong" in response.text


@pytest.mark.parametrize(
    "name", ["cities:list", "cities:organisations", "about", "faq", "cities:practitioners"]
)
def test_public_pages_are_served_from_the_page_cache(
    visitor, settings, name, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    CityFactory(name="Berlin")
    first = visitor.get(reverse(name))
    # One cache read (the content version and the page together), answered with SQL here.
    with django_assert_max_num_queries(2):
        second = visitor.get(reverse(name))
    assert second.content == first.content


def test_city_pages_are_served_from_the_page_cache(
    visitor, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    city = CityFactory(name="Berlin")
    visitor.get(city.get_absolute_url())
    with django_assert_max_num_queries(2):
        assert "Berlin" in visitor.get(city.get_absolute_url()).text
