"""The "done when" of the browsing pages, on the demo data and by following the links a
visitor sees: from the home page to the evaluated practice of one region, one of them, its
city and its partner organisations."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from practices.models import Practice

EVALUATED = ("promising", "effective", "no_effect")


@pytest.fixture(scope="module")
def _demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("journey-media")),
        transaction.atomic(),
    ):
        call_command("load_demo_data", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_data, db):
    pass


def links(html, prefix):
    return re.findall(rf'href="({re.escape(prefix)}[a-z0-9-]+/)"', html)


def checkbox_values(html, param):
    return re.findall(rf'<input type="checkbox" name="{param}" value="([^"]+)"', html)


def test_a_visitor_reaches_evaluated_practice_of_a_region_its_city_and_organisations(demo, visitor):
    home = visitor.get(reverse("home")).text
    library_url = reverse("practices:list")
    assert f'href="{library_url}"' in home

    library = visitor.get(library_url).text
    evidence = [value for value in checkbox_values(library, "evidence") if value in EVALUATED]
    assert evidence, "the library offers no evaluated evidence level"
    regions = checkbox_values(library, "region")
    assert len(regions) >= 6

    reached = set()
    for region in regions:
        # What the filter form sends when the visitor ticks a region and the evaluated levels.
        response = visitor.get(library_url, {"region": region, "evidence": evidence})
        assert response.status_code == 200
        slugs = [url.strip("/").rsplit("/", 1)[-1] for url in links(response.text, "/practices/")]
        found = Practice.objects.filter(slug__in=slugs).select_related("city__region")
        assert all(p.evidence_level in EVALUATED and p.city.region.slug == region for p in found)
        for url in links(response.text, "/practices/"):
            if url == reverse("practices:feed"):
                continue
            page = visitor.get(url)
            assert page.status_code == 200
            cities = links(page.text, "/cities/")
            organisations = links(page.text, "/organisations/")
            assert cities, url
            for target in cities[:1] + organisations:
                assert visitor.get(target).status_code == 200, target
            if organisations:
                reached.add(region)
            break
    # Most regions lead all the way to a partner organisation.
    assert len(reached) >= len(regions) // 2
