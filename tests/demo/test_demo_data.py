"""`manage.py load_demo_data` (the demo data set and its --scale mode) and
`manage.py demo_accounts` (the demo member and moderator)."""

import re
from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from cities.models import City, MembershipApplication, PartnerOrganisation, Practitioner, Region
from demo import SAMPLE_MARK, SAMPLE_MARKS
from demo.accounts import MEMBER_EMAIL, MODERATOR_EMAIL
from events.models import Event, Interest
from news.models import Story
from practices.models import Attachment, Practice, Status, StatusChange
from practices.search import search_practices
from resources.models import Resource, ResourceStatusChange
from scn_portal.models import ContactMessage, FaqEntry, PublicationStatus


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def _demo_data(django_db_setup, django_db_blocker, demo_media):
    """The demo data set, loaded once for this module and rolled back after it."""
    from django.test import override_settings

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=demo_media),
        transaction.atomic(),
    ):
        yield run("load_demo_data")
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_data, db, settings, demo_media):
    settings.MEDIA_ROOT = demo_media


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"scn_portal", "cities", "practices", "news", "events", "resources", "taggit", "account"}
    }


# The demo data set


def test_every_region_has_member_cities_and_published_practice(demo):
    for region in Region.objects.all():
        assert City.objects.members().filter(region=region).exists(), region
        assert Practice.objects.published().for_region(region).exists(), region


def test_about_forty_member_cities_with_real_coordinates_and_focus_areas(demo):
    cities = City.objects.all()
    assert 38 <= cities.count() <= 45
    assert not cities.filter(latitude__isnull=True).exists()
    nairobi = City.objects.get(slug="nairobi")
    assert (round(float(nairobi.latitude)), round(float(nairobi.longitude))) == (-1, 37)
    assert nairobi.country.code == "KE"
    assert nairobi.focus_areas.exists()
    assert City.objects.filter(membership_status=City.MembershipStatus.FORMER).exists()


def test_partner_organisations_and_practitioners_with_private_and_public_profiles(demo):
    assert PartnerOrganisation.objects.count() >= 15
    assert Practitioner.objects.count() >= 40
    assert Practitioner.objects.public().exists()
    assert Practitioner.objects.filter(is_public=False).exists()
    assert Practitioner.objects.filter(accepts_messages=True).exists()
    assert Practitioner.objects.filter(accepts_messages=False).exists()
    emails = Practitioner.objects.values_list("email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)


def test_about_sixty_practices_in_every_workflow_state(demo):
    assert 55 <= Practice.objects.filter(update_of=None).count() <= 70
    present = set(Practice.objects.values_list("status", flat=True))
    assert present == set(Status.values)
    update = Practice.objects.get(update_of__isnull=False)
    assert update.status == Status.SUBMITTED
    assert update.update_of.is_published


def test_recorded_history_leads_to_each_practices_state(demo):
    for practice in Practice.objects.prefetch_related("history"):
        history = sorted(practice.history.all(), key=lambda change: change.created_at)
        if practice.status == Status.DRAFT:
            assert history == [], practice
            continue
        assert history[0].from_status == Status.DRAFT, practice
        assert history[-1].to_status == practice.status, practice
        for before, after in zip(history, history[1:], strict=False):
            assert before.to_status == after.from_status, practice


def test_moderators_give_a_reason_when_they_send_back_or_reject(demo):
    decisions = StatusChange.objects.filter(
        to_status__in=[Status.CHANGES_REQUESTED, Status.REJECTED]
    )
    assert decisions.count() >= 7
    assert not decisions.filter(reason="").exists()
    assert decisions.filter(actor__email=MODERATOR_EMAIL).count() == decisions.count()


def test_published_practice_covers_evidence_levels_and_search_words(demo):
    published = Practice.objects.published()
    evaluated = published.filter(
        evidence_level__in=[Practice.EvidenceLevel.PROMISING, Practice.EvidenceLevel.EFFECTIVE]
    )
    assert evaluated.count() >= 5
    assert published.values("evidence_level").distinct().count() >= 5
    assert search_practices(published, "youth").exists()
    assert search_practices(published, "radicalisation").exists()
    assert published.filter(themes__name="youth engagement").exists()
    assert published.filter(extremism_forms__slug="far-right").exists()


def test_every_text_is_marked_as_sample_content_in_its_own_language(demo):
    for practice in Practice.objects.all():
        mark = SAMPLE_MARKS[practice.language]
        assert practice.summary.endswith(mark), practice
        assert all(text.endswith(mark) for _heading, text in practice.sections), practice
    assert all(c.profile.endswith(SAMPLE_MARK) for c in City.objects.all())
    for entry in FaqEntry.objects.all():
        for code, mark in SAMPLE_MARKS.items():
            assert getattr(entry, f"answer_{code}").endswith(mark), (entry, code)


def test_the_library_has_case_studies_written_in_each_language(demo):
    published = Practice.objects.published()
    assert {code: published.filter(language=code).count() for code in ("fr", "ar", "es")} == {
        "fr": 2,
        "ar": 2,
        "es": 2,
    }


def test_published_practice_has_attachments_that_are_real_pdf_files(demo):
    attachments = Attachment.objects.select_related("practice")
    assert attachments.count() >= 5
    for attachment in attachments:
        assert attachment.practice.is_published
        with attachment.file.open("rb") as f:
            content = f.read()
        assert len(content) == attachment.size
        assert content.startswith(b"%PDF-1.")
        assert content.rstrip().endswith(b"%%EOF")
        # The cross-reference table points at each object, as readers expect.
        xref = int(re.search(rb"startxref\n(\d+)", content).group(1))
        assert content[xref:].startswith(b"xref")
        offsets = re.findall(rb"(\d{10}) 00000 n", content[xref:])
        for number, offset in enumerate(offsets, start=1):
            assert content[int(offset) :].startswith(b"%d 0 obj" % number)


def test_faq_contact_messages_and_membership_applications(demo):
    assert FaqEntry.objects.published().count() >= 8
    assert ContactMessage.objects.count() >= 3
    assert MembershipApplication.objects.count() >= 3


def test_demo_member_wrote_practice_in_several_states(demo):
    mine = Practice.objects.by_author(get_user_model().objects.get(email=MEMBER_EMAIL))
    states = set(mine.values_list("status", flat=True))
    assert {Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.PUBLISHED} <= states


def last_changes():
    return {
        model: dict(model.objects.values_list("pk", "updated_at"))
        for model in (Practice, Story, Event, Resource)
    }


def hub_fields():
    return list(
        Region.objects.order_by("pk").values_list(
            "hub_name_en", "hub_name_ar", "hub_intro_fr", "hub_intro_es", "hub_email"
        )
    )


def test_running_it_again_changes_nothing(demo):
    before, changed, hubs = row_counts(), last_changes(), hub_fields()
    output = run("load_demo_data")
    assert "nothing to change" in output
    assert row_counts() == before
    assert last_changes() == changed
    assert hub_fields() == hubs


# Regional hubs, news, events and resources


def test_four_regional_hubs_named_in_each_language_with_a_team_and_an_address(demo):
    hubs = Region.objects.exclude(hub_email="").prefetch_related("team")
    assert sorted(hub.slug for hub in hubs) == [
        "africa",
        "asia-pacific",
        "europe",
        "middle-east-north-africa",
    ]
    for hub in hubs:
        for code, mark in SAMPLE_MARKS.items():
            assert getattr(hub, f"hub_name_{code}"), (hub, code)
            assert getattr(hub, f"hub_intro_{code}").endswith(mark), (hub, code)
        assert hub.hub_email.endswith("@demo.strongcities.example")
        assert 2 <= hub.team.count() <= 4, hub
    africa = Region.objects.get(slug="africa")
    assert africa.hub_name_en == "East and Southern Africa hub"
    assert africa.hub_name_fr != africa.hub_name_en
    members = Practitioner.objects.filter(hub_regions__isnull=False)
    assert members.filter(is_public=True).exists()
    assert members.filter(is_public=False).exists()
    # The regions without a hub stay without one.
    assert not Region.objects.get(slug="north-america").hub_name


def test_running_it_again_keeps_what_staff_changed_in_a_hub(demo):
    africa = Region.objects.get(slug="africa")
    africa.hub_name_en = "Eastern Africa hub"
    africa.hub_email = "east@example.org"
    africa.save()
    africa.team.set(Practitioner.objects.filter(slug="grace-nakato"))
    run("load_demo_data")
    africa.refresh_from_db()
    assert (africa.hub_name_en, africa.hub_email) == ("Eastern Africa hub", "east@example.org")
    assert list(africa.team.values_list("slug", flat=True)) == ["grace-nakato"]


def test_about_twenty_stories_published_over_the_past_months_plus_a_draft_and_one_scheduled(
    demo,
):
    now = timezone.now()
    assert 18 <= Story.objects.count() <= 24
    published = Story.objects.published(now)
    assert published.count() >= 15
    oldest = published.order_by("publish_at").first().publish_at
    assert now - timedelta(days=270) < oldest < now - timedelta(days=150)
    assert published.filter(publish_at__gt=now - timedelta(days=30)).exists()
    assert Story.objects.filter(status=PublicationStatus.DRAFT).count() == 1
    assert not Story.objects.exclude(created_by__email=MODERATOR_EMAIL).exists()


def test_the_scheduled_story_is_not_public_until_its_time(demo):
    now = timezone.now()
    scheduled = Story.objects.scheduled(now).get()
    assert scheduled.status == PublicationStatus.PUBLISHED
    assert now < scheduled.publish_at < now + timedelta(days=7)
    assert not scheduled.is_public
    assert scheduled not in Story.objects.visible_to(None)
    assert scheduled in Story.objects.published(scheduled.publish_at)


def test_stories_link_to_themes_cities_regions_and_published_practice(demo):
    published = Story.objects.published()
    assert not published.filter(themes__isnull=True).exists()
    assert published.filter(cities__isnull=False).values("pk").distinct().count() >= 12
    assert published.filter(regions__isnull=False).values("regions").distinct().count() == 7
    linked = Practice.objects.filter(stories__isnull=False).distinct()
    assert linked.count() >= 10
    assert all(practice.is_published for practice in linked)
    languages = Counter(published.values_list("language", flat=True))
    assert {"fr", "es", "ar"} <= set(languages)
    assert languages["en"] >= 15


def test_story_texts_use_the_formatting_staff_may_use(demo):
    from scn_portal.richtext import render

    for story in Story.objects.filter(status=PublicationStatus.PUBLISHED):
        html = render(story.body)
        assert html.count("<p>") >= 2, story
        assert "<h2>" in html and "<li>" in html, story
        assert re.search(r'<a href="https://(strongcities\.org|example\.org)', html), story


def test_some_stories_have_an_illustration_with_a_description(demo):
    illustrated = Story.objects.exclude(image="")
    assert illustrated.count() >= 3
    for story in illustrated:
        assert len(story.image_alt) > 30, story
        assert (story.image_width, story.image_height) == (1600, 900)
        with story.image.open("rb") as f, Image.open(f) as image:
            assert (image.format, image.size) == ("JPEG", (1600, 900))


def test_events_to_come_and_past_at_round_local_times_in_many_time_zones(demo):
    now = timezone.now()
    assert 14 <= Event.objects.count() <= 18
    published = Event.objects.published(now)
    assert published.upcoming(now).count() >= 6
    assert published.past(now).count() >= 4
    assert Event.objects.filter(status=PublicationStatus.DRAFT).count() == 1
    assert published.values("time_zone").distinct().count() >= 6
    nairobi = Event.objects.get(slug="workshop-community-policing-with-trust-nairobi")
    local = nairobi.starts_at.astimezone(nairobi.zone)
    assert (local.hour, local.minute) == (9, 0)
    assert nairobi.starts_at.utcoffset() is not None and nairobi.time_zone == "Africa/Nairobi"
    for event in Event.objects.all():
        start = event.starts_at.astimezone(event.zone)
        assert (start.minute, start.second, start.microsecond) in {(0, 0, 0), (30, 0, 0)}
        assert event.ends_at > event.starts_at, event
    assert set(Event.objects.values_list("kind", flat=True)) == set(Event.Kind.values)


def test_events_online_in_a_place_or_both_some_open_for_interest(demo):
    now = timezone.now()
    events = Event.objects.published(now)
    assert events.filter(online=True, venue="").exists()
    assert events.filter(online=False).exclude(venue="").exists()
    assert events.filter(online=True).exclude(venue="").exists()
    assert events.upcoming(now).exclude(registration_url="").exists()
    assert events.open_for_interest(now).count() >= 3
    assert events.filter(audience=Event.Audience.MEMBERS).exists()
    assert events.filter(organiser__isnull=True).exists()
    assert events.filter(organiser__isnull=False).exclude(organiser_email="").exists()
    assert {"fr", "es", "ar"} <= set(events.values_list("language", flat=True))


def test_the_demo_member_registered_interest_in_events_to_come(demo):
    now = timezone.now()
    interests = Interest.objects.filter(member__email=MEMBER_EMAIL).select_related("event")
    assert 2 <= interests.count() <= 3
    for interest in interests:
        assert interest.event.accepts_interest(now), interest


def test_about_forty_resources_of_every_kind_year_and_language(demo):
    resources = Resource.objects.all()
    assert 36 <= resources.count() <= 45
    assert set(resources.values_list("kind", flat=True)) == set(Resource.Kind.values)
    years = set(resources.values_list("year", flat=True))
    assert min(years) == 2016 and max(years) == 2026 and len(years) >= 8
    languages = Counter(resources.values_list("language", flat=True))
    assert {"fr", "es", "ar"} <= set(languages) and languages["en"] > 25
    assert resources.filter(regions__isnull=True).exists()
    assert resources.filter(publisher__isnull=True).exists()
    assert resources.filter(publisher__isnull=False).exists()
    assert not resources.filter(themes__isnull=True).exists()
    assert Resource.objects.published().count() >= 30
    assert all(r.slug.isascii() and r.slug.strip("-") for r in resources)


def test_a_third_of_the_resources_are_real_pdf_files_the_others_links(demo):
    with_file = Resource.objects.exclude(file="")
    assert 10 <= with_file.count() <= 18
    for resource in with_file:
        with resource.file.open("rb") as f:
            content = f.read()
        assert len(content) == resource.size > 0
        assert content.startswith(b"%PDF-1.") and content.rstrip().endswith(b"%%EOF")
        assert resource.original_name.endswith(".pdf")
    links = Resource.objects.filter(file="")
    assert all(r.url.startswith("https://example.org/") for r in links)


def test_resources_staff_published_have_the_moderators_step_in_their_history(demo):
    staff_added = Resource.objects.filter(suggested_by=None).exclude(status=Status.DRAFT)
    for resource in staff_added.prefetch_related("history"):
        first = min(resource.history.all(), key=lambda change: change.created_at)
        assert (first.from_status, first.to_status) == (Status.DRAFT, Status.PUBLISHED)
        assert first.actor.email == MODERATOR_EMAIL
        assert resource.published_at is not None
        assert resource.published_at.year >= resource.year, resource
    assert Resource.objects.filter(status=Status.ARCHIVED).exists()


def test_the_demo_members_suggestions_are_in_each_state_of_review_with_history(demo):
    member = get_user_model().objects.get(email=MEMBER_EMAIL)
    mine = Resource.objects.by_member(member).prefetch_related("history")
    assert sorted(mine.values_list("status", flat=True)) == sorted(
        [Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.PUBLISHED, Status.REJECTED]
    )
    for resource in mine:
        history = sorted(resource.history.all(), key=lambda change: change.created_at)
        assert (history[0].from_status, history[0].to_status) == (Status.DRAFT, Status.SUBMITTED)
        assert history[0].actor == member
        assert history[-1].to_status == resource.status
        assert resource.submitted_at is not None
        if resource.status != Status.SUBMITTED:
            decision = history[-1]
            assert decision.actor.email == MODERATOR_EMAIL
            needs_reason = resource.status in {Status.CHANGES_REQUESTED, Status.REJECTED}
            assert bool(decision.reason) == needs_reason, resource
    assert Resource.objects.awaiting_review().filter(suggested_by=member).count() == 1


def test_the_recorded_history_of_every_resource_leads_to_its_state(demo):
    for resource in Resource.objects.prefetch_related("history"):
        history = sorted(resource.history.all(), key=lambda change: change.created_at)
        if resource.status == Status.DRAFT:
            assert history == [], resource
            continue
        assert history[0].from_status == Status.DRAFT, resource
        assert history[-1].to_status == resource.status, resource
        for before, after in zip(history, history[1:], strict=False):
            assert before.to_status == after.from_status, resource
            assert before.created_at < after.created_at, resource
    assert ResourceStatusChange.objects.filter(reason="", to_status=Status.REJECTED).count() == 0


def test_news_events_and_resources_are_marked_as_sample_content(demo):
    for story in Story.objects.all():
        mark = SAMPLE_MARKS[story.language]
        assert story.standfirst.endswith(mark), story
        assert story.body.endswith(mark), story
    for event in Event.objects.all():
        mark = SAMPLE_MARKS[event.language]
        assert event.summary.endswith(mark) and event.description.endswith(mark), event
    for resource in Resource.objects.all():
        assert resource.summary.endswith(SAMPLE_MARKS[resource.language]), resource


def test_the_load_says_what_it_created_of_each_kind(_demo_data, demo):
    assert _demo_data.startswith("Demo data loaded: created ")
    for kind, model in [("news stories", Story), ("events", Event), ("resources", Resource)]:
        assert f" {model.objects.count()} {kind}," in _demo_data
    assert " 4 regional hubs," in _demo_data
    assert f" {Interest.objects.count()} event interests," in _demo_data


# --scale


SMALL = [
    *("--cities", "30", "--organisations", "10", "--practitioners", "50", "--practices", "200"),
    *("--stories", "50", "--events", "50", "--resources", "50"),
]


def scale_counts():
    scale = {"slug__startswith": "scale-"}
    return (
        City.objects.filter(**scale).count(),
        PartnerOrganisation.objects.filter(**scale).count(),
        Practitioner.objects.filter(**scale).count(),
        Practice.objects.filter(**scale).count(),
        Story.objects.filter(**scale).count(),
        Event.objects.filter(**scale).count(),
        Resource.objects.filter(**scale).count(),
    )


@pytest.mark.django_db
def test_scale_builds_exactly_the_numbers_asked_for():
    output = run("load_demo_data", "--scale", *SMALL)
    assert scale_counts() == (30, 10, 50, 200, 50, 50, 50)
    assert "200 practices" in output
    assert "50 news stories, 50 events, 50 resources" in output
    practices = Practice.objects.filter(slug__startswith="scale-")
    published = practices.filter(status=Status.PUBLISHED).count()
    assert published >= 150
    assert practices.filter(status=Status.PUBLISHED).values("city__region").distinct().count() == 7
    assert practices.filter(themes__isnull=True).count() == 0
    assert practices.filter(extremism_forms__isnull=True).count() == 0
    history = StatusChange.objects.filter(practice__in=practices, to_status=Status.PUBLISHED)
    assert history.count() == published + practices.filter(status=Status.ARCHIVED).count()


@pytest.mark.django_db
def test_scale_replaces_its_previous_rows_and_leaves_other_data_alone():
    Practice.objects.create(
        title="Kept",
        slug="kept",
        city=City.objects.create(
            name="Keptown",
            slug="keptown",
            country="DE",
            region=Region.objects.first(),
            year_joined=2020,
            profile="Not generated.",
        ),
    )
    run("load_demo_data", "--scale", *SMALL)
    # Rows staff wrote afterwards about generated cities and organisations.
    story = Story.objects.create(title="Kept story", slug="kept-story", body="Text.")
    story.cities.add(City.objects.filter(slug__startswith="scale-").first())
    now = timezone.now()
    event = Event.objects.create(
        title="Kept event",
        slug="kept-event",
        kind=Event.Kind.WEBINAR,
        summary="Kept.",
        starts_at=now,
        ends_at=now,
        online=True,
        organiser=PartnerOrganisation.objects.filter(slug__startswith="scale-").first(),
    )
    run(
        "load_demo_data",
        "--scale",
        *("--cities", "5", "--organisations", "2", "--practitioners", "7", "--practices", "11"),
        *("--stories", "3", "--events", "4", "--resources", "6"),
    )
    assert scale_counts() == (5, 2, 7, 11, 3, 4, 6)
    assert Practice.objects.filter(slug="kept").exists()
    assert City.objects.filter(slug="keptown").exists()
    assert not story.cities.exists()
    event.refresh_from_db()
    assert event.organiser is None


@pytest.mark.django_db
def test_scale_publishes_stories_events_half_to_come_and_resources_with_their_history():
    run("load_demo_data", "--scale", *SMALL)
    now = timezone.now()
    stories = Story.objects.filter(slug__startswith="scale-")
    assert stories.published(now).count() == 50
    assert not stories.filter(themes__isnull=True).exists()
    assert not stories.filter(regions__isnull=True).exists()
    events = Event.objects.filter(slug__startswith="scale-").published(now)
    assert (events.upcoming(now).count(), events.past(now).count()) == (25, 25)
    assert not events.filter(themes__isnull=True).exists()
    assert events.values("time_zone").distinct().count() >= 5
    for event in events:
        local = event.starts_at.astimezone(event.zone)
        assert (local.minute, local.second) in {(0, 0), (30, 0)}, event
        assert event.ends_at > event.starts_at
    resources = Resource.objects.filter(slug__startswith="scale-")
    assert resources.published().count() == 50
    assert not resources.filter(themes__isnull=True).exists()
    assert resources.filter(regions__isnull=False).exists()
    history = ResourceStatusChange.objects.filter(resource__in=resources)
    assert history.filter(from_status=Status.DRAFT, to_status=Status.PUBLISHED).count() == 50


# demo_accounts


def printed_passwords(output):
    return dict(re.findall(r"email\s+(\S+)\s+password\s+(\S+)", output))


def sign_in(client, email, password):
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


@pytest.mark.django_db
def test_demo_accounts_print_how_to_sign_in_and_the_passwords_work(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    output = run("demo_accounts")
    assert "http://127.0.0.1:8000/accounts/login/" in output
    assert "http://127.0.0.1:8000/admin/" in output
    passwords = printed_passwords(output)
    assert set(passwords) == {MEMBER_EMAIL, MODERATOR_EMAIL}
    assert sign_in(client, MEMBER_EMAIL, passwords[MEMBER_EMAIL])
    client.logout()
    assert sign_in(client, MODERATOR_EMAIL, passwords[MODERATOR_EMAIL])
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_demo_accounts_print_the_address_the_portal_is_served_at(settings):
    settings.SITE_URL = "http://127.0.0.1:8151"
    output = run("demo_accounts")
    assert "http://127.0.0.1:8151/accounts/login/" in output
    assert "http://127.0.0.1:8151/admin/" in output
    assert ":8000" not in output


@pytest.mark.django_db
def test_demo_member_has_a_practitioner_profile_and_the_moderator_is_staff_not_superuser():
    Group.objects.get_or_create(name="Moderators")
    run("demo_accounts")
    member = get_user_model().objects.get(email=MEMBER_EMAIL)
    moderator = get_user_model().objects.get(email=MODERATOR_EMAIL)
    assert member.practitioner is not None
    assert not member.is_staff
    assert moderator.is_staff and not moderator.is_superuser
    assert moderator.groups.filter(name="Moderators").exists()
    for user in (member, moderator):
        assert user.emailaddress_set.get(email=user.email).verified


@pytest.mark.django_db
def test_demo_moderator_can_review_practice_without_the_moderators_group():
    Group.objects.filter(name="Moderators").delete()
    run("demo_accounts")
    moderator = get_user_model().objects.get(email=MODERATOR_EMAIL)
    assert moderator.has_perm("practices.moderate_practice")
    assert moderator.has_perm("resources.moderate_resource")


@pytest.mark.django_db
def test_each_run_of_demo_accounts_sets_new_passwords(client):
    first = printed_passwords(run("demo_accounts"))
    second = printed_passwords(run("demo_accounts"))
    assert first[MEMBER_EMAIL] != second[MEMBER_EMAIL]
    assert first[MODERATOR_EMAIL] != second[MODERATOR_EMAIL]
    assert not sign_in(client, MEMBER_EMAIL, first[MEMBER_EMAIL])
    assert sign_in(client, MEMBER_EMAIL, second[MEMBER_EMAIL])
    assert get_user_model().objects.filter(email__in=[MEMBER_EMAIL, MODERATOR_EMAIL]).count() == 2


def test_the_demo_themes_are_named_in_each_language(demo):
    from scn_portal.models import TagName

    named = TagName.objects.get(tag__name="youth engagement")
    assert (named.name_fr, named.name_es) == ("engagement des jeunes", "participación juvenil")
    assert TagName.objects.exclude(name_ar=None).count() >= 15
