"""An event's page: everything about it, its times in its own zone, how to take part, and
who may see it before it is public."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from scn_portal.models import PublicationStatus
from tests.events.text import page_text
from tests.factories import (
    CityFactory,
    EventFactory,
    InterestFactory,
    PartnerOrganisationFactory,
    UserFactory,
    region,
)

pytestmark = pytest.mark.django_db


def url(event):
    return reverse("events:detail", args=[event.slug])


@pytest.fixture
def event_editor(client):
    """Staff who edit events (not a superuser)."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_event"))
    client.force_login(user)
    return client


def test_the_page_shows_everything_about_the_event_in_its_own_time_zone(visitor):
    organiser = PartnerOrganisationFactory(name="Youth Futures")
    event = EventFactory(
        title="Prevention in schools",
        kind=Event.Kind.TRAINING,
        starts_at=datetime(2099, 5, 12, 6, 0, tzinfo=UTC),
        ends_at=datetime(2099, 5, 12, 9, 30, tzinfo=UTC),
        time_zone="Africa/Nairobi",
        venue="Kenyatta Centre, Harambee Avenue",
        city=CityFactory(name="Nairobi", region=region("africa")),
        organiser=organiser,
        language="en",
        audience=Event.Audience.MEMBERS,
        description="Bring **your** questions.\n\n<script>alert(1)</script>",
        themes=["education"],
    )

    response = visitor.get(url(event))

    shown = page_text(response)
    assert "Tuesday 12 May 2099, 09:00–12:30 (Africa/Nairobi, UTC+03:00)" in shown
    assert "Where In person · Nairobi · Africa Kenyatta Centre, Harambee Avenue" in shown
    assert "Organiser Youth Futures" in shown
    assert "Language English" in shown
    assert "Who may take part Members of the network" in shown
    text = response.text
    assert "Prevention in schools" in text
    assert "Training" in text
    assert "Kenyatta Centre, Harambee Avenue" in text
    assert "In person" in text
    assert "Nairobi · Africa" in text
    assert f'href="{organiser.get_absolute_url()}">Youth Futures</a>' in text
    assert "<li>education</li>" in text
    assert "Members of the network" in text
    assert "Members only" in text
    assert "<strong>your</strong>" in text
    assert "<script>alert(1)" not in text
    assert f'href="{reverse("events:ics", args=[event.slug])}"' in text
    assert 'src="/static/js/local-time.js" defer' in text
    assert 'data-label="Your time"' in text


def test_times_follow_the_zone_across_a_change_of_date(visitor):
    # 22:00 UTC on the 12th is 07:00 on the 13th in Tokyo.
    event = EventFactory(
        starts_at=datetime(2099, 5, 12, 22, 0, tzinfo=UTC),
        ends_at=datetime(2099, 5, 13, 1, 0, tzinfo=UTC),
        time_zone="Asia/Tokyo",
    )

    text = page_text(visitor.get(url(event)))

    assert "Wednesday 13 May 2099, 07:00–10:00 (Asia/Tokyo, UTC+09:00)" in text


def test_an_event_without_an_organiser_is_the_networks(visitor):
    event = EventFactory(organiser=None)

    assert "Organiser Strong Cities Network" in page_text(visitor.get(url(event)))


@pytest.mark.parametrize(
    "changes",
    [{"status": PublicationStatus.DRAFT}, {"publish_at": timezone.now() + timedelta(hours=3)}],
    ids=["draft", "scheduled"],
)
def test_an_event_not_yet_public_is_not_found_by_visitors_or_members(visitor, member, changes):
    event = EventFactory(**changes)

    assert visitor.get(url(event)).status_code == 404
    visitor.force_login(member)
    assert visitor.get(url(event)).status_code == 404
    assert visitor.get(reverse("events:ics", args=[event.slug])).status_code == 404


def test_staff_who_edit_events_see_a_draft_privately(event_editor):
    event = EventFactory(title="Draft summit", status=PublicationStatus.DRAFT)

    response = event_editor.get(url(event))

    assert response.status_code == 200
    assert "Draft summit" in response.text
    assert "Not public." in response.text
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_registration_link_is_offered_when_the_event_has_one(visitor):
    event = EventFactory(registration_url="https://example.org/register")

    text = visitor.get(url(event)).text

    assert 'href="https://example.org/register"' in text
    assert "Register interest" not in text


def test_a_visitor_is_asked_to_sign_in_to_register_interest(visitor):
    event = EventFactory()

    text = visitor.get(url(event)).text

    interest = reverse("events:interest", args=[event.slug])
    assert f'href="{reverse("account_login")}?next={interest}"' in text
    assert "Sign in to register interest" in text
    assert "<form" not in text.split('id="registration-heading"')[1].split("</section>")[0]


def test_a_member_gets_the_form_to_register_interest(member_client):
    event = EventFactory()

    text = member_client.get(url(event)).text

    assert f'action="{reverse("events:interest", args=[event.slug])}"' in text
    assert 'name="note"' in text
    assert "csrfmiddlewaretoken" in text


def test_a_member_who_registered_sees_that_they_did(member_client, member):
    event = EventFactory()
    InterestFactory(event=event, member=member)

    text = member_client.get(url(event)).text

    assert "You registered your interest on" in text
    assert 'name="note"' not in text


def test_another_members_registration_does_not_count_as_mine(member_client, other_member):
    event = EventFactory()
    InterestFactory(event=event, member=other_member)

    assert 'name="note"' in member_client.get(url(event)).text


def test_an_event_that_is_over_takes_no_more_registrations(member_client):
    now = timezone.now()
    event = EventFactory(starts_at=now - timedelta(hours=5), ends_at=now - timedelta(hours=2))

    text = member_client.get(url(event)).text

    assert "This event is over." in text
    assert 'name="note"' not in text


def test_the_page_costs_a_visitor_at_most_four_queries(visitor, django_assert_max_num_queries):
    event = EventFactory(
        themes=["education", "youth engagement"], organiser=PartnerOrganisationFactory()
    )
    with django_assert_max_num_queries(4):
        assert visitor.get(url(event)).status_code == 200
    event.themes.add("mental health", "online harms", "social cohesion")
    InterestFactory.create_batch(5, event=event)
    with django_assert_max_num_queries(4):
        response = visitor.get(url(event))
    assert "social cohesion" in response.text


def test_the_page_in_another_language_shows_dates_in_it(client):
    event = EventFactory(
        starts_at=datetime(2099, 5, 12, 6, 0, tzinfo=UTC),
        ends_at=datetime(2099, 5, 12, 9, 30, tzinfo=UTC),
        time_zone="Africa/Nairobi",
    )

    text = page_text(client.get(f"/fr{url(event)}"))

    assert "mardi 12 mai 2099 à 09:00–12:30 (Africa/Nairobi, UTC+03:00)" in text
