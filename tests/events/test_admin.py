"""Staff enter events in the admin with times as the clock shows them where the event takes
place; members' interest is handled there like any inbox."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from events.models import Event
from scn_portal.models import InboxStatus
from tests.factories import CityFactory, EventFactory, InterestFactory, region

pytestmark = pytest.mark.django_db

ADD = reverse("admin:events_event_add")


def form_data(**changes):
    data = {
        "title": "Prevention workshop",
        "slug": "prevention-workshop",
        "kind": Event.Kind.WORKSHOP,
        "summary": "A morning on prevention in schools.",
        "description": "",
        "themes": "education",
        "time_zone": "Asia/Kathmandu",
        "starts_at_0": "2099-05-12",
        "starts_at_1": "09:00",
        "ends_at_0": "2099-05-12",
        "ends_at_1": "12:30",
        "online": "",
        "venue": "City Hall",
        "city": "",
        "region": "",
        "organiser": "",
        "organiser_email": "",
        "language": "en",
        "audience": Event.Audience.OPEN,
        "registration_url": "",
        "status": "published",
        "publish_at_0": "2020-01-01",
        "publish_at_1": "00:00",
        "interests-TOTAL_FORMS": "0",
        "interests-INITIAL_FORMS": "0",
        "interests-MIN_NUM_FORMS": "0",
        "interests-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_times_typed_are_read_in_the_events_zone_and_stored_in_utc(admin_client, admin_user):
    response = admin_client.post(ADD, form_data())

    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    # Kathmandu is UTC+5:45.
    assert event.starts_at == datetime(2099, 5, 12, 3, 15, tzinfo=UTC)
    assert event.ends_at == datetime(2099, 5, 12, 6, 45, tzinfo=UTC)
    assert event.created_by == admin_user
    assert list(event.themes.names()) == ["education"]


def test_an_event_shows_its_times_in_its_zone_to_edit_them(admin_client):
    event = EventFactory(
        starts_at=datetime(2099, 5, 12, 3, 15, tzinfo=UTC),
        ends_at=datetime(2099, 5, 12, 6, 45, tzinfo=UTC),
        time_zone="Asia/Kathmandu",
    )

    response = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))

    text = response.text
    assert 'name="starts_at_0" value="2099-05-12"' in text
    assert 'name="starts_at_1" value="09:00:00"' in text
    assert 'name="ends_at_1" value="12:30:00"' in text


def test_saving_an_event_unchanged_keeps_its_times(admin_client):
    event = EventFactory(
        starts_at=datetime(2099, 11, 3, 14, 0, tzinfo=UTC),
        ends_at=datetime(2099, 11, 3, 16, 0, tzinfo=UTC),
        time_zone="America/New_York",
        city=None,
        region=None,
    )
    data = form_data(
        title=event.title,
        slug=event.slug,
        time_zone="America/New_York",
        # 14:00 UTC is 09:00 in New York in November (UTC-5).
        starts_at_0="2099-11-03",
        starts_at_1="09:00:00",
        ends_at_0="2099-11-03",
        ends_at_1="11:00:00",
    )

    response = admin_client.post(reverse("admin:events_event_change", args=[event.pk]), data)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.starts_at == datetime(2099, 11, 3, 14, 0, tzinfo=UTC)
    assert event.ends_at == datetime(2099, 11, 3, 16, 0, tzinfo=UTC)


def test_an_end_before_the_start_is_refused_on_the_end(admin_client):
    response = admin_client.post(ADD, form_data(ends_at_1="08:00"))

    form = response.context["adminform"].form
    assert form.errors["ends_at"] == ["The end is before the start."]
    assert not Event.objects.exists()


def test_an_event_neither_online_nor_in_a_place_is_refused(admin_client):
    response = admin_client.post(ADD, form_data(venue="", online=""))

    form = response.context["adminform"].form
    assert "tick “online”" in form.errors["venue"][0]
    assert not Event.objects.exists()


def test_a_time_the_clocks_skip_is_refused(admin_client):
    # Berlin's clocks go from 02:00 to 03:00 on 29 March 2099.
    response = admin_client.post(
        ADD,
        form_data(
            time_zone="Europe/Berlin",
            starts_at_0="2099-03-29",
            starts_at_1="02:30",
            ends_at_0="2099-03-29",
            ends_at_1="05:00",
        ),
    )

    form = response.context["adminform"].form
    assert "does not exist in Europe/Berlin" in form.errors["starts_at"][0]
    assert not Event.objects.exists()


def test_an_event_in_a_city_takes_the_citys_region(admin_client):
    city = CityFactory(region=region("africa"))

    admin_client.post(ADD, form_data(city=str(city.pk)))

    assert Event.objects.get().region == region("africa")


def test_the_list_shows_the_start_in_the_events_zone(admin_client):
    EventFactory(
        title="Listed",
        starts_at=datetime(2099, 5, 12, 3, 15, tzinfo=UTC),
        ends_at=datetime(2099, 5, 12, 6, 45, tzinfo=UTC),
        time_zone="Asia/Kathmandu",
    )

    text = admin_client.get(reverse("admin:events_event_changelist")).text

    assert "2099-05-12 09:00 (Asia/Kathmandu)" in text


def test_interest_is_an_inbox_with_what_the_member_wrote_read_only(admin_client):
    interest = InterestFactory(note="Please keep me a seat.")
    url = reverse("admin:events_interest_change", args=[interest.pk])

    text = admin_client.get(url).text
    assert "Please keep me a seat." in text
    assert 'name="note"' not in text
    assert 'name="status"' in text

    admin_client.post(url, {"status": InboxStatus.DONE, "assignee": "", "staff_notes": "Seated."})

    interest.refresh_from_db()
    assert interest.status == InboxStatus.DONE
    assert interest.staff_notes == "Seated."
    assert interest.note == "Please keep me a seat."
    assert admin_client.get(reverse("admin:events_interest_add")).status_code == 403
