"""The news, events and the resource hub, as people use them in a real browser: the visitor
who reads the latest story, adds an event to their calendar and filters the hub (with and
without JavaScript); the member who suggests a resource and the moderator who publishes it;
the member who registers interest in an event; and the event times shown in the visitor's
own time zone."""

import re
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from events.models import Interest
from practices.models import Status
from resources.models import Resource
from tests.e2e.conftest import DESKTOP, sign_in
from tests.factories import (
    DEFAULT_PASSWORD,
    MINIMAL_PDF,
    CityFactory,
    EventFactory,
    ResourceFactory,
    StoryFactory,
    UserFactory,
    region,
)

pytestmark = pytest.mark.django_db(transaction=True)


def heading(page):
    return page.get_by_role("heading", level=1)


def field(scope, name):
    """The form field labelled `name` (Django's labels end with a colon)."""
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(name)}:?\s*$"))


def new_page(browser, base_url, **options):
    """A page in a browser context of its own (another person, or another browser)."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB", **options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = base_url
    return page


def test_visitor_reads_the_latest_story_from_the_home_page(page):
    StoryFactory(title="An older story", publish_at=timezone.now() - timedelta(days=30))
    StoryFactory(
        title="Mechelen opens a youth centre",
        standfirst="The city and its partners opened a centre for young people.",
        body="The centre opened on Monday.\n\nIt offers sport, music and homework help.",
    )

    page.goto(page.base_url + "/")
    news = page.get_by_role("region", name="Latest news")
    expect(news.get_by_role("link").first).to_have_text("Mechelen opens a youth centre")
    expect(news.get_by_text("The city and its partners opened a centre")).to_be_visible()
    news.get_by_role("link", name="Mechelen opens a youth centre").click()

    expect(heading(page)).to_have_text("Mechelen opens a youth centre")
    expect(page.get_by_text("The centre opened on Monday.")).to_be_visible()
    expect(page.get_by_text("It offers sport, music and homework help.")).to_be_visible()
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="News").click()
    expect(heading(page)).to_have_text("News")
    expect(page.get_by_role("heading", name="2 stories")).to_be_visible()
    assert page.console_errors == []


def test_visitor_opens_an_upcoming_event_and_adds_it_to_a_calendar(page):
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=10)
    event = EventFactory(
        title="Workshop on youth outreach",
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        time_zone="Africa/Nairobi",
        city=CityFactory(name="Nairobi", country="KE", region=region("africa")),
    )
    EventFactory(
        title="A summit long past",
        starts_at=starts - timedelta(days=400),
        ends_at=starts - timedelta(days=399),
    )

    page.goto(page.base_url + "/")
    upcoming = page.get_by_role("region", name="Upcoming events and training")
    expect(upcoming.get_by_role("link", name="Workshop on youth outreach")).to_be_visible()
    expect(upcoming.get_by_role("link", name="A summit long past")).to_have_count(0)
    upcoming.get_by_role("link", name="All events and training").click()
    expect(heading(page)).to_have_text("Events and training")
    expect(page.get_by_role("heading", name="1 upcoming event")).to_be_visible()
    page.get_by_role("link", name="Workshop on youth outreach").click()
    expect(heading(page)).to_have_text("Workshop on youth outreach")
    expect(page.get_by_text("Africa/Nairobi").first).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    [entry] = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Workshop on youth outreach"
    assert entry["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert entry.decoded("DTSTART") == event.starts_at
    assert entry.decoded("DTSTART").utcoffset() == timedelta(hours=3)
    assert entry.decoded("DTEND") == event.ends_at
    assert event.get_absolute_url() in str(entry["URL"])
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Africa/Nairobi"]
    assert page.console_errors == []


def result_titles(page):
    return page.locator(".library-results .card-title").all_inner_texts()


def facet(page, name):
    return page.get_by_role("group", name=name)


def option(page, facet_name, label, count=None):
    """The checkbox of `label` in a facet, named with its count ("Guide (2 results)")."""
    number = r"\d+" if count is None else str(count)
    return facet(page, facet_name).get_by_role(
        "checkbox", name=re.compile(rf"^{re.escape(label)} \({number} results?\b")
    )


def build_hub():
    ResourceFactory(title="Guide to youth work", kind="guide", language="en", year=2023)
    ResourceFactory(title="Guide du travail de jeunesse", kind="guide", language="fr", year=2022)
    ResourceFactory(title="Boîte à outils locale", kind="toolkit", language="fr", year=2021)
    ResourceFactory(title="Research on online harms", kind="research", language="en", year=2024)
    ResourceFactory(title="A suggestion not yet reviewed", kind="guide", status=Status.SUBMITTED)


def filter_hub_by_guide_in_french(page):
    page.goto(page.base_url + "/resources/")
    expect(page.get_by_role("heading", name="4 resources found")).to_be_visible()
    expect(option(page, "Type", "Guide", 2)).to_be_visible()
    expect(option(page, "Language", "French", 2)).to_be_visible()
    option(page, "Type", "Guide").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="2 resources found")).to_be_visible()
    assert sorted(result_titles(page)) == ["Guide du travail de jeunesse", "Guide to youth work"]
    # The counts say what ticking a language would give next to the type ticked.
    expect(option(page, "Language", "French", 1)).to_be_visible()
    expect(option(page, "Language", "English", 1)).to_be_visible()
    option(page, "Language", "French").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="1 resource found")).to_be_visible()
    assert result_titles(page) == ["Guide du travail de jeunesse"]
    expect(option(page, "Type", "Guide")).to_be_checked()
    expect(option(page, "Language", "French")).to_be_checked()
    assert "kind=guide" in page.url
    assert "language=fr" in page.url


def test_visitor_filters_the_resource_hub_by_type_and_language_and_shares_it(page, browser):
    build_hub()

    filter_hub_by_guide_in_french(page)
    page.get_by_role("link", name=re.compile("^Language: French")).click()
    expect(page.get_by_role("heading", name="2 resources found")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name="1 resource found")).to_be_visible()
    shared_url = page.url

    # Someone opens the shared address: the same results, the same boxes ticked.
    other = new_page(browser, page.base_url)
    try:
        other.goto(shared_url)
        expect(other.get_by_role("heading", name="1 resource found")).to_be_visible()
        assert result_titles(other) == ["Guide du travail de jeunesse"]
        expect(option(other, "Type", "Guide")).to_be_checked()
        expect(option(other, "Language", "French")).to_be_checked()
        other.get_by_role("link", name="Guide du travail de jeunesse").click()
        expect(heading(other)).to_have_text("Guide du travail de jeunesse")
    finally:
        other.context.close()
    assert page.console_errors == []


def test_the_resource_hub_filters_without_javascript(browser, live_server):
    build_hub()
    page = new_page(browser, live_server.url, java_script_enabled=False)
    try:
        filter_hub_by_guide_in_french(page)
        page.reload()
        expect(page.get_by_role("heading", name="1 resource found")).to_be_visible()
        assert result_titles(page) == ["Guide du travail de jeunesse"]
    finally:
        page.context.close()


def open_resource_queue(page, title):
    """From the moderation queue to the review screen of `title`, as a moderator would."""
    page.goto(page.base_url + "/admin/resources/resource/queue/")
    expect(heading(page)).to_have_text(re.compile("Resources waiting for review"))
    page.get_by_role("row", name=re.compile(re.escape(title))).get_by_role(
        "link", name="Review"
    ).click()
    expect(page.get_by_role("heading", name="Decision")).to_be_visible()


def test_member_suggests_a_resource_and_a_moderator_publishes_it(page, browser):
    from tests.conftest import moderators_group

    member = UserFactory(email="ada@example.org", first_name="Ada", language="en")
    moderator = UserFactory(email="mo@example.org", is_staff=True)
    moderator.groups.add(moderators_group())
    ResourceFactory(title="An existing toolkit")

    sign_in(page, member.email, DEFAULT_PASSWORD)
    page.goto(page.base_url + "/resources/")
    page.get_by_role("link", name="Know a useful resource? Suggest it.").click()
    expect(heading(page)).to_have_text("Suggest a resource")
    field(page, "Title").fill("Talking with young people about conspiracy myths")
    page.get_by_role("group", name="Type").get_by_label("Guide", exact=True).check()
    field(page, "Summary").fill("A guide for youth workers on conversations about myths.")
    page.get_by_role("combobox", name="Language").select_option(label="English")
    field(page, "Themes").fill("youth engagement, online harms")
    page.get_by_role("group", name="Regions").get_by_label("Africa", exact=True).check()
    field(page, "Year").fill("2023")
    field(page, "PDF file").set_input_files(
        {"name": "myths-guide.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}
    )
    page.get_by_role("button", name="Submit for review").click()

    expect(heading(page)).to_have_text("My suggested resources")
    expect(page.get_by_text("has been sent for review")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Talking with young people"))
    expect(row).to_contain_text("Submitted for review")
    resource = Resource.objects.get(title="Talking with young people about conspiracy myths")
    assert (resource.status, resource.suggested_by, resource.original_name) == (
        Status.SUBMITTED,
        member,
        "myths-guide.pdf",
    )
    assert resource.file.read() == MINIMAL_PDF
    # Not public until a moderator publishes it.
    visitor = new_page(browser, page.base_url)
    try:
        visitor.goto(page.base_url + "/resources/")
        expect(visitor.get_by_role("heading", name="1 resource found")).to_be_visible()
        expect(visitor.get_by_role("link", name=re.compile("conspiracy myths"))).to_have_count(0)
    finally:
        visitor.context.close()
    # The moderators heard of it.
    [notice] = mail.outbox
    assert "Talking with young people about conspiracy myths" in notice.body
    assert "/admin/resources/resource/" in notice.body
    mail.outbox.clear()

    moderator_page = new_page(browser, page.base_url)
    try:
        sign_in(moderator_page, moderator.email, DEFAULT_PASSWORD)
        open_resource_queue(moderator_page, "Talking with young people about conspiracy myths")
        expect(moderator_page.get_by_text("myths-guide.pdf")).to_be_visible()
        moderator_page.get_by_role("link", name="Publish").click()
        moderator_page.get_by_role("button", name="Yes: Publish").click()
        expect(
            moderator_page.get_by_text(
                "Talking with young people about conspiracy myths”: Published."
            )
        ).to_be_visible()
    finally:
        moderator_page.context.close()

    [email] = mail.outbox
    assert email.to == ["ada@example.org"]
    assert resource.get_absolute_url() in email.body

    visitor = new_page(browser, page.base_url)
    try:
        visitor.goto(page.base_url + "/resources/")
        expect(visitor.get_by_role("heading", name="2 resources found")).to_be_visible()
        visitor.get_by_role("link", name="Talking with young people about conspiracy myths").click()
        expect(heading(visitor)).to_have_text("Talking with young people about conspiracy myths")
        with visitor.expect_download() as download_info:
            visitor.get_by_role("link", name="Download the PDF").click()
        assert Path(download_info.value.path()).read_bytes() == MINIMAL_PDF
    finally:
        visitor.context.close()

    page.reload()
    expect(page.get_by_role("row", name=re.compile("Talking with young people"))).to_contain_text(
        "Published"
    )
    assert page.console_errors == []


def test_member_signs_in_from_an_event_and_registers_interest(page):
    event = EventFactory(title="City exchange on sport and cohesion", registration_url="")
    member = UserFactory(email="ada@example.org", first_name="Ada", last_name="Lovelace")

    page.goto(page.base_url + event.get_absolute_url())
    take_part = page.get_by_role("region", name="Take part")
    take_part.get_by_role("link", name="Sign in to register interest").click()
    field(page, "Email").fill(member.email)
    field(page, "Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(heading(page)).to_have_text("Register interest")
    expect(
        page.get_by_role("link", name="City exchange on sport and cohesion").first
    ).to_be_visible()
    field(page, "Note for the organiser").fill("I coordinate the city's sport clubs.")
    page.get_by_role("button", name="Register interest").click()

    expect(heading(page)).to_have_text("City exchange on sport and cohesion")
    expect(page.get_by_text("Your interest is registered.")).to_be_visible()
    expect(page.get_by_role("region", name="Take part")).to_contain_text(
        "You registered your interest on"
    )
    expect(page.get_by_role("button", name="Register interest")).to_have_count(0)
    interest = Interest.objects.get()
    assert (interest.event, interest.member, interest.note) == (
        event,
        member,
        "I coordinate the city's sport clubs.",
    )
    [email] = mail.outbox
    assert "I coordinate the city's sport clubs." in email.body
    assert "ada@example.org" in email.reply_to[0]

    # A second visit shows what was registered; no second registration is offered.
    page.reload()
    expect(page.get_by_role("region", name="Take part")).to_contain_text(
        "You registered your interest on"
    )
    assert page.console_errors == []


def local_time_note(page):
    return page.locator(".event-local")


def test_event_times_show_the_visitors_own_time_where_their_zone_differs(browser, live_server):
    starts = timezone.now().replace(second=0, microsecond=0) + timedelta(days=5)
    starts = starts.astimezone(ZoneInfo("Africa/Nairobi")).replace(hour=9, minute=0)
    event = EventFactory(
        title="Webinar across time zones",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        time_zone="Africa/Nairobi",
    )
    new_york = starts.astimezone(ZoneInfo("America/New_York"))

    visitor = new_page(browser, live_server.url, timezone_id="America/New_York")
    try:
        for path in (event.get_absolute_url(), "/events/"):
            visitor.goto(live_server.url + path)
            expect(visitor.locator(".event-when").first).to_contain_text("09:00–11:00")
            note = local_time_note(visitor)
            expect(note).to_have_count(1)
            expect(note).to_have_text(re.compile(r"^\(Your time: .+\)$"))
            expect(note).to_contain_text(new_york.strftime("%H:%M"))
            expect(note).to_contain_text((new_york + timedelta(hours=2)).strftime("%H:%M"))
    finally:
        visitor.context.close()

    there = new_page(browser, live_server.url, timezone_id="Africa/Nairobi")
    try:
        there.goto(live_server.url + event.get_absolute_url())
        expect(there.locator(".event-when").first).to_contain_text("09:00–11:00")
        there.wait_for_load_state("load")
        expect(local_time_note(there)).to_have_count(0)
        assert "Your time" not in there.locator("main").inner_text()
    finally:
        there.context.close()
