"""The regional hubs: a page per region with its member cities, latest practice, news,
upcoming events and resources, its team as each person chose to be seen, and the way to write
to it; and the list of regions."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cities.models import City
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

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub():
    africa = region("africa")
    africa.hub_name = "East and Southern Africa hub"
    africa.hub_intro = "The hub brings member cities of the region together."
    africa.hub_email = "hub-africa@example.org"
    africa.save()
    return africa


def page(client, slug="africa"):
    response = client.get(reverse("cities:region", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_hub_page_shows_what_belongs_to_its_region_and_nothing_else(client, hub):
    now = timezone.now()
    home = CityFactory(name="Mombasa", slug="mombasa", region=hub, country="KE")
    CityFactory(name="Former City", region=hub, membership_status=City.MembershipStatus.FORMER)
    elsewhere = CityFactory(name="Oslo", region=region("europe"), country="NO")
    PracticeFactory(title="Mombasa youth councils", city=home)
    PracticeFactory(title="Oslo street mediators", city=elsewhere)
    StoryFactory(title="Mombasa hosts an exchange").regions.add(hub)
    StoryFactory(title="A draft about Africa", status=PublicationStatus.DRAFT).regions.add(hub)
    StoryFactory(title="Scheduled for Africa", publish_at=now + timedelta(days=2)).regions.add(hub)
    StoryFactory(title="News from Oslo").regions.add(region("europe"))
    EventFactory(title="Nairobi workshop", region=hub)
    EventFactory(
        title="Last year's summit",
        region=hub,
        starts_at=now - timedelta(days=300),
        ends_at=now - timedelta(days=299),
    )
    ResourceFactory(title="A toolkit for East Africa").regions.add(hub)
    ResourceFactory(title="A guide for Europe").regions.add(region("europe"))

    html = page(client)

    assert "<h1>East and Southern Africa hub</h1>" in html
    assert "The hub brings member cities of the region together." in html
    for shown in (
        "Mombasa",
        "Mombasa youth councils",
        "Mombasa hosts an exchange",
        "Nairobi workshop",
        "A toolkit for East Africa",
    ):
        assert shown in html, shown
    for hidden in (
        "Former City",
        "Oslo",
        "A draft about Africa",
        "Scheduled for Africa",
        "News from Oslo",
        "Last year&#x27;s summit",
        "Last year's summit",
        "A guide for Europe",
    ):
        assert hidden not in html, hidden


def test_an_event_on_a_hub_page_shows_its_time_where_it_takes_place(client, hub):
    start = (timezone.now() + timedelta(days=20)).replace(hour=6, minute=0, second=0)
    EventFactory(title="Nairobi workshop", region=hub, starts_at=start, time_zone="Africa/Nairobi")
    html = page(client)
    # 06:00 UTC is 09:00 in Nairobi.
    assert "09:00</time> (<bdi>Africa/Nairobi</bdi>)" in html


def test_the_team_shows_public_profiles_to_visitors_and_everyone_to_members(client, member, hub):
    listed = PractitionerFactory(full_name="Amina Public", is_public=True)
    private = PractitionerFactory(full_name="Baraka Private", is_public=False)
    hub.team.add(listed, private)

    html = page(client)
    assert "Amina Public" in html
    assert "Baraka Private" not in html
    assert "Members of the network see the whole team." in html

    client.force_login(member)
    html = page(client)
    assert "Amina Public" in html and "Baraka Private" in html


def test_a_hub_page_leads_to_the_contact_form_with_the_hub_chosen(client, hub):
    html = page(client)
    contact = reverse("contact") + "?region=africa"
    assert f'href="{contact}"' in html
    form = client.get(contact).content.decode()
    assert '<option value="africa" selected>East and Southern Africa hub</option>' in form


def test_a_region_without_a_hub_still_has_its_page(client):
    html = page(client, "north-america")
    assert "<h1>North America</h1>" in html
    assert "The hub&#x27;s team" not in html


def test_an_unknown_region_is_not_found(client):
    assert client.get(reverse("cities:region", args=["atlantis"])).status_code == 404


def test_the_list_of_regions_names_each_hub_and_counts_its_member_cities(client, hub):
    CityFactory(region=hub)
    CityFactory(region=hub)
    CityFactory(region=hub, membership_status=City.MembershipStatus.FORMER)
    html = client.get(reverse("cities:regions")).content.decode()
    assert "East and Southern Africa hub" in html
    assert "2 member cities" in html
    assert reverse("cities:region", args=["north-america"]) in html


def test_a_hub_page_in_french_names_the_hub_in_french(client, hub):
    hub.hub_name_fr = "Pôle Afrique de l'Est et australe"
    hub.save()
    html = client.get("/fr" + reverse("cities:region", args=["africa"])).content.decode()
    assert "Pôle Afrique de l&#x27;Est et australe" in html
