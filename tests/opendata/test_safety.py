"""The safety walk: every API endpoint and every download, with every filter and value the
schema names (and values that exist in the data), as a visitor. Nothing private may appear:
no email address, no members-only practitioner (no practitioner at all), nothing
unpublished, no proposed update, no staff note or internal reason."""

import re

import pytest
from django.urls import reverse

from events.models import Event
from practices.models import Status, StatusChange
from resources.models import ResourceStatusChange
from scn_portal.models import PublicationStatus
from tests.factories import (
    CityFactory,
    EventFactory,
    PracticeFactory,
    PractitionerFactory,
    ResourceFactory,
    StoryFactory,
    region,
)
from tests.scn_portal.pages import grow

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
SECRETS = [
    "Hidden Zedekiah",  # a members-only practitioner
    "Visible Yolanda",  # a public practitioner: not in the API either
    "Secret draft practice",
    "Secret submitted practice",
    "Secret proposed update",
    "Secret rejected practice",
    "SECRET-INTERNAL-NOTE",
    "SECRET-REASON-TO-AUTHOR",
    "Secret draft story",
    "Secret scheduled story",
    "Secret draft event",
    "Secret suggested resource",
    "RESOURCE-INTERNAL-NOTE",
]


@pytest.fixture
def private_things(site):
    grow(site, 1)
    hidden = PractitionerFactory(full_name="Hidden Zedekiah", is_public=False, city=site["city"])
    public = PractitionerFactory(full_name="Visible Yolanda", is_public=True, city=site["city"])
    published = PracticeFactory(
        title="Published with contact", contact_practitioner=hidden, city=site["city"]
    )
    site["practice"].contact_practitioner = public
    site["practice"].save()
    for title, status in [
        ("Secret draft practice", Status.DRAFT),
        ("Secret submitted practice", Status.SUBMITTED),
        ("Secret rejected practice", Status.REJECTED),
    ]:
        PracticeFactory(title=title, status=status, city=site["city"], themes=["education"])
    PracticeFactory(
        title="Secret proposed update",
        update_of=published,
        status=Status.PUBLISHED,
        city=site["city"],
    )
    StatusChange.objects.create(
        practice=published,
        from_status=Status.SUBMITTED,
        to_status=Status.PUBLISHED,
        reason="SECRET-REASON-TO-AUTHOR",
        internal_note="SECRET-INTERNAL-NOTE",
    )
    StoryFactory(title="Secret draft story", status=PublicationStatus.DRAFT)
    StoryFactory(title="Secret scheduled story", publish_at="2099-01-01T00:00:00Z")
    EventFactory(title="Secret draft event", status=PublicationStatus.DRAFT)
    site["event"].organiser_email = "organiser@hidden.example"
    site["event"].save()
    hub = region("europe")
    hub.hub_email = "hub@hidden.example"
    hub.save()
    suggested = ResourceFactory(title="Secret suggested resource", status=Status.SUBMITTED)
    ResourceStatusChange.objects.create(
        resource=site["resource"],
        from_status=Status.SUBMITTED,
        to_status=Status.PUBLISHED,
        internal_note="RESOURCE-INTERNAL-NOTE",
    )
    CityFactory(name="Secret former city", membership_status="former")
    return {"suggested": suggested}


def values_for(parameter, site):
    """Every value worth trying for a filter: those the schema lists, and those in the data."""
    enum = parameter["schema"].get("items", parameter["schema"]).get("enum")
    if enum:
        return enum
    pools = {
        "region": ["europe", "africa", "asia-pacific"],
        "country": ["DE", "KE", "AU"],
        "city": [site["city"].slug],
        "theme": ["education", "youth-engagement"],
        "focus": ["education", "area-0"],
        "form": ["far-right", "islamist"],
        "q": ["secret", "hidden", "practice"],
        "year_from": ["2000"],
        "year_to": ["2100"],
        "year": ["2015", "2022"],
        "page": ["1", "2"],
    }
    return pools.get(parameter["name"], ["secret"])


def walk(client, site):
    """Every answer of the open data, as (address, text)."""
    schema = client.get(reverse("api:schema"))
    yield reverse("api:schema"), schema.content.decode()
    yield reverse("opendata:docs"), client.get(reverse("opendata:docs")).content.decode()
    for address, operations in schema.json()["paths"].items():
        operation = operations["get"]
        if "{slug}" in address:
            continue
        queries = [""]
        for parameter in operation.get("parameters", []):
            for value in values_for(parameter, site):
                queries.append(f"?{parameter['name']}={value}")
        for query in queries:
            response = client.get(address + query)
            assert response.status_code in (200, 400, 404), address + query
            yield address + query, response.content.decode()
            if response.status_code == 200 and query == "":
                for record in response.json()["results"]:
                    one = address.removesuffix("past/") + record["slug"] + "/"
                    response = client.get(one)
                    assert response.status_code == 200, one
                    yield one, response.content.decode()
        kind = address.strip("/").split("/")[-1]
        if kind in ("practices", "cities", "organisations"):
            for query in queries:
                for fmt in ("csv", "json"):
                    url = reverse("api:download", args=[kind, fmt]) + query
                    response = client.get(url)
                    assert response.status_code == 200, url
                    yield url, b"".join(response.streaming_content).decode()


def test_nothing_private_appears_anywhere_in_the_open_data(client, site, private_things, settings):
    settings.API_RATE_LIMIT = "100000/min"  # the walk is one client making many requests
    walked = 0
    for address, text in walk(client, site):
        walked += 1
        found = EMAIL.search(text)
        assert found is None, f"{address}: an email address ({found.group()})"
        for secret in SECRETS:
            assert secret not in text, f"{address}: {secret}"
        if address not in (reverse("api:schema"), reverse("opendata:docs")):
            assert "practitioner" not in text.lower(), address
    assert walked > 100


def test_the_private_things_exist_and_the_walk_would_see_them(client, site, private_things):
    """The walk is not blind: the same secrets are where they belong (the admin, members)."""
    assert Event.objects.filter(organiser_email="organiser@hidden.example").exists()
    listed = client.get("/api/v1/practices/?q=contact").json()["results"]
    assert [record["title"] for record in listed] == ["Published with contact"]
    assert "contact_practitioner" not in listed[0]
