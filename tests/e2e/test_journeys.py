"""What people do on the portal, each journey one test, checked in a real browser: the
visitor who browses and downloads, the newcomer who signs up and contributes, the moderator
and the author going back and forth, the contact form, and the keyboard-only visitor."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from cities.models import Practitioner
from practices.models import Practice, Status
from scn_portal.models import ContactMessage
from tests.e2e.conftest import sign_in
from tests.factories import (
    DEFAULT_PASSWORD,
    AttachmentFactory,
    CityFactory,
    PracticeFactory,
    UserFactory,
    region,
)

pytestmark = pytest.mark.django_db(transaction=True)


def heading(page):
    return page.get_by_role("heading", level=1)


def field(scope, name):
    """The form field labelled `name` (Django's labels end with a colon)."""
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(name)}:?\s*$"))


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def card_titles(page):
    """The titles of the practice cards in the library's results, in order."""
    return page.locator(".library-results .card-title").all_inner_texts()


def test_visitor_finds_a_city_by_region_and_downloads_a_report_of_its_practice(page):
    nairobi = CityFactory(name="Nairobi", country="KE", region=region("africa"))
    CityFactory(name="Lyon", country="FR", region=region("europe"))
    practice = PracticeFactory(title="Sport clubs against hate", city=nairobi)
    AttachmentFactory(
        practice=practice, title="Evaluation 2023", original_name="evaluation-2023.pdf"
    )

    page.goto(page.base_url + "/")
    main_nav(page).get_by_role("link", name="Member cities").click()
    expect(heading(page)).to_have_text("Member cities")
    results = page.get_by_role("region", name=re.compile("member cit"))
    expect(results.get_by_role("link", name="Lyon", exact=True)).to_be_visible()

    field(page, "Region").select_option(label="Africa")
    page.get_by_role("button", name="Show results").click()
    expect(page).to_have_url(re.compile(r"[?&]region=africa"))
    expect(page.get_by_role("heading", name="1 member city")).to_be_visible()
    expect(results.get_by_role("link", name="Lyon", exact=True)).to_have_count(0)

    results.locator("h3").get_by_role("link", name="Nairobi", exact=True).click()
    expect(heading(page)).to_have_text("Nairobi")
    page.get_by_role("region", name="Practice from Nairobi").get_by_role(
        "link", name="Sport clubs against hate"
    ).click()
    expect(heading(page)).to_have_text("Sport clubs against hate")

    documents = page.get_by_role("region", name="Documents")
    with page.expect_download() as download_info:
        documents.get_by_role("link", name=re.compile("Evaluation 2023")).click()
    download = download_info.value
    assert download.suggested_filename == "evaluation-2023.pdf"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF-")
    assert content.rstrip().endswith(b"%%EOF")
    assert page.console_errors == []


def test_visitor_filters_the_library_shares_the_address_and_searches(page):
    PracticeFactory(
        title="Youth mentors in the north",
        themes=["youth engagement"],
        evidence_level=Practice.EvidenceLevel.EFFECTIVE,
    )
    PracticeFactory(title="Youth radio", themes=["youth engagement"], evidence_level="described")
    PracticeFactory(
        title="Online moderators network",
        themes=["online harms"],
        evidence_level=Practice.EvidenceLevel.EFFECTIVE,
    )

    page.goto(page.base_url + "/practices/")
    expect(page.get_by_role("heading", name="3 practices found")).to_be_visible()
    page.get_by_role("group", name="Theme").get_by_label(re.compile("^youth engagement")).check()
    page.get_by_role("group", name="Evidence level").get_by_label(
        re.compile("^Evaluated – effective")
    ).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="1 practice found")).to_be_visible()
    assert card_titles(page) == ["Youth mentors in the north"]
    shared_url = page.url
    assert "theme=youth-engagement" in shared_url
    assert "evidence=effective" in shared_url

    # Someone opens the shared address: the same results, the same boxes ticked.
    other = page.context.browser.new_context(locale="en-GB").new_page()
    try:
        other.goto(shared_url)
        expect(other.get_by_role("heading", name="1 practice found")).to_be_visible()
        assert card_titles(other) == ["Youth mentors in the north"]
        expect(
            other.get_by_role("group", name="Theme").get_by_label(re.compile("^youth engagement"))
        ).to_be_checked()
        expect(
            other.get_by_role("group", name="Evidence level").get_by_label(
                re.compile("^Evaluated – effective")
            )
        ).to_be_checked()
    finally:
        other.context.close()

    search_box = page.get_by_role("searchbox", name="Search the portal")
    search_box.fill("moderators")
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=moderators"))
    expect(page.get_by_role("link", name="Online moderators network")).to_be_visible()
    expect(page.get_by_role("link", name="Youth radio")).to_have_count(0)


def test_newcomer_signs_up_verifies_creates_a_profile_and_contributes(page):
    berlin = CityFactory(name="Berlin")
    # The theme boxes offer the themes of published practice.
    PracticeFactory(title="Existing practice", themes=["youth engagement"])

    page.goto(page.base_url + "/")
    main_nav(page).get_by_role("link", name="Sign in").click()
    page.get_by_role("link", name=re.compile("sign up", re.IGNORECASE)).click()
    expect(heading(page)).to_have_text(re.compile("Sign up", re.IGNORECASE))
    field(page, "Email").fill("nadia@example.org")
    field(page, "Password").fill("a-long-new-password-77")
    field(page, "Password (again)").fill("a-long-new-password-77")
    # The privacy notice is one click away, and accepting it is part of signing up.
    expect(page.get_by_role("link", name="privacy notice", exact=True)).to_be_visible()
    page.get_by_label("I have read the privacy notice and accept it").check()
    page.get_by_role("button", name="Sign up").click()
    expect(heading(page)).to_have_text(re.compile("Verify your email", re.IGNORECASE))

    # The live server runs in this process, so the locmem outbox holds its email.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nadia@example.org"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(page.base_url + urlsplit(link).path)
    page.get_by_role("button", name="Confirm").click()
    expect(main_nav(page).get_by_role("button", name="Sign out")).to_be_visible()

    main_nav(page).get_by_role("link", name="My profile").click()
    field(page, "Full name").fill("Nadia Kovač")
    field(page, "Role or title").fill("Prevention coordinator")
    field(page, "Sector").select_option(index=1)
    field(page, "City").select_option(label="Berlin")
    page.get_by_role("button", name="Create my profile").click()
    expect(page.get_by_text("Your profile has been created.")).to_be_visible()

    main_nav(page).get_by_role("link", name="Contribute").click()
    page.get_by_role("link", name="Contribute a case study").click()
    field(page, "Title").fill("Neighbourhood dialogue circles")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Your draft has been saved.")).to_be_visible()

    # Leave, come back: the draft is there, as typed.
    main_nav(page).get_by_role("link", name="Practice library").click()
    expect(heading(page)).to_have_text("Practice library")
    main_nav(page).get_by_role("link", name="Contribute").click()
    row = page.get_by_role("row", name=re.compile("Neighbourhood dialogue circles"))
    expect(row).to_contain_text("Draft")
    row.get_by_role("link", name=re.compile("^Edit")).click()
    expect(field(page, "Title")).to_have_value("Neighbourhood dialogue circles")
    expect(page.get_by_role("region", name="Still needed before you can submit")).to_be_visible()

    field(page, "City").select_option(label="Berlin")
    field(page, "Summary").fill("Monthly circles where neighbours talk through tensions.")
    field(page, "The problem it addresses").fill(
        "Rising hostility between neighbours after an attack."
    )
    field(page, "Approach and activities").fill("Trained moderators host a circle every month.")
    field(page, "Target audience").fill("Adults in three districts.")
    field(page.get_by_role("group", name="Themes"), "youth engagement").check()
    field(page, "Outcomes").fill("Fewer reported incidents in two districts.")
    field(page, "Lessons learned and transferability").fill("Moderators need supervision.")
    page.get_by_role("group", name="Do no harm").get_by_role("checkbox").check()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Everything needed for review is there.")).to_be_visible()

    page.get_by_role("link", name="Preview the saved version").click()
    expect(heading(page)).to_have_text("Neighbourhood dialogue circles")
    expect(page.get_by_text("Preview — not yet published")).to_be_visible()
    expect(page.get_by_text("Trained moderators host a circle every month.")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()

    expect(heading(page)).to_have_text("My contributions")
    expect(page.get_by_text("has been sent for review")).to_be_visible()
    expect(
        page.get_by_role("row", name=re.compile("Neighbourhood dialogue circles"))
    ).to_contain_text("Submitted for review")
    practice = Practice.objects.get(title="Neighbourhood dialogue circles")
    assert practice.status == Status.SUBMITTED
    assert practice.city == berlin
    assert Practitioner.objects.get(user=practice.submitted_by).full_name == "Nadia Kovač"
    assert page.console_errors == []


def open_in_queue(page, title):
    """From the admin index to the review screen of `title`, as a moderator would."""
    page.goto(page.base_url + "/admin/")
    page.get_by_role("link", name=re.compile("submitted practice waiting for review")).click()
    expect(heading(page)).to_have_text(re.compile("Moderation queue"))
    page.get_by_role("row", name=re.compile(re.escape(title))).get_by_role(
        "link", name="Review"
    ).click()
    expect(page.get_by_role("heading", name="Decision")).to_be_visible()


def test_moderator_requests_changes_the_author_resubmits_and_it_is_published(page, browser):
    from tests.conftest import moderators_group

    moderator = UserFactory(email="mo@example.org", is_staff=True)
    moderator.groups.add(moderators_group())
    author = UserFactory(email="ada@example.org", first_name="Ada")
    PracticeFactory(
        title="Street outreach at night",
        submitted_by=author,
        status=Status.SUBMITTED,
        published_at=None,
        summary="Outreach workers meet young people at night.",
    )

    sign_in(page, moderator.email, DEFAULT_PASSWORD)
    open_in_queue(page, "Street outreach at night")
    page.get_by_role("link", name="Request changes").click()
    page.get_by_role("button", name=re.compile("Yes: Request changes")).click()
    expect(page.get_by_text("Please give the author a reason.")).to_be_visible()
    page.get_by_label(re.compile("Reason")).fill("Please say how many young people took part.")
    page.get_by_role("button", name=re.compile("Yes: Request changes")).click()
    expect(page.get_by_text("Street outreach at night”: Changes requested.")).to_be_visible()

    author_context = browser.new_context(locale="en-GB")
    author_page = author_context.new_page()
    author_page.base_url = page.base_url
    try:
        sign_in(author_page, author.email, DEFAULT_PASSWORD)
        main_nav(author_page).get_by_role("link", name="Contribute").click()
        row = author_page.get_by_role("row", name=re.compile("Street outreach at night"))
        expect(row).to_contain_text("Changes requested")
        expect(row).to_contain_text("Please say how many young people took part.")
        row.get_by_role("link", name=re.compile("^Edit")).click()
        expect(
            author_page.get_by_role("region", name="What the moderators ask you to change")
        ).to_contain_text("Please say how many young people took part.")
        field(author_page, "Outcomes").fill("About 400 young people took part each year.")
        author_page.get_by_role("button", name="Submit for review").click()
        expect(author_page.get_by_text("has been sent for review")).to_be_visible()
    finally:
        author_context.close()

    open_in_queue(page, "Street outreach at night")
    expect(page.get_by_text("About 400 young people took part each year.")).to_be_visible()
    page.get_by_role("link", name="Publish").click()
    page.get_by_role("button", name="Yes: Publish").click()
    expect(page.get_by_text("Street outreach at night”: Published.")).to_be_visible()

    visitor = browser.new_context(locale="en-GB").new_page()
    try:
        visitor.goto(page.base_url + "/practices/")
        visitor.get_by_role("link", name="Street outreach at night").click()
        expect(heading(visitor)).to_have_text("Street outreach at night")
        expect(visitor.get_by_text("About 400 young people took part each year.")).to_be_visible()

        search_box = visitor.get_by_role("searchbox", name="Search the portal")
        search_box.fill("outreach")
        search_box.press("Enter")
        expect(visitor).to_have_url(re.compile(r"/search/\?q=outreach"))
        expect(visitor.get_by_role("link", name="Street outreach at night")).to_be_visible()
    finally:
        visitor.context.close()


def test_visitor_corrects_a_mistake_in_the_contact_form_without_losing_anything(page, settings):
    settings.FORM_MIN_SECONDS = 0
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="Footer").get_by_role("link", name="Contact us").click()
    expect(heading(page)).to_have_text("Contact us")

    field(page, "Name").fill("Sam Reader")
    field(page, "Email address").fill("sam-at-example.org")
    field(page, "Media").check()
    field(page, "Message").fill("Could someone talk to our radio show about the network?")
    page.get_by_role("button", name="Send message").click()

    expect(page.get_by_role("alert")).to_contain_text("Please correct the errors below.")
    email_field = page.locator(".field", has=field(page, "Email address"))
    expect(email_field.locator(".errorlist")).to_contain_text("valid email address")
    expect(field(page, "Email address")).to_have_attribute("aria-invalid", "true")
    expect(field(page, "Name")).to_have_value("Sam Reader")
    expect(field(page, "Email address")).to_have_value("sam-at-example.org")
    expect(field(page, "Media")).to_be_checked()
    expect(field(page, "Message")).to_have_value(
        "Could someone talk to our radio show about the network?"
    )
    assert not ContactMessage.objects.exists()

    field(page, "Email address").fill("sam@example.org")
    page.get_by_role("button", name="Send message").click()
    expect(heading(page)).to_have_text(re.compile("Thank you", re.IGNORECASE))
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.topic) == (
        "Sam Reader",
        "sam@example.org",
        "media",
    )
    assert page.console_errors == []


FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    const name = (el.getAttribute('aria-label') || el.labels?.[0]?.textContent
                  || el.textContent || el.name || el.tagName).trim().replace(/\\s+/g, ' ');
    return {name: name.slice(0, 80), tag: el.tagName, visible: Boolean(outline || shadow)};
}"""


def focused(page):
    return page.evaluate(FOCUS_STYLE)


def tab_to(page, name, limit=80):
    """Press Tab until the element whose name starts with `name` has the focus, checking at
    every stop on the way that the focus can be seen. Fails if it is never reached."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element["visible"], f"focus not visible on {element} at {page.url}"
        stops.append(element["name"])
        if element["name"].startswith(name):
            return element
    raise AssertionError(f"{name!r} not reached with Tab on {page.url}; stops: {stops}")


def assert_focus_visible_on_first_stops(page, stops=25):
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] == "BODY":  # past the last stop, into the browser's own controls
            break
        assert element["visible"], f"focus not visible on {element} at {page.url}"
        seen.append(element["name"])
    return seen


def test_keyboard_only_visitor_uses_navigation_filters_and_the_contact_form(page, settings):
    settings.FORM_MIN_SECONDS = 0
    PracticeFactory(title="Youth mentors", themes=["youth engagement"])
    PracticeFactory(title="Online moderators", themes=["online harms"])
    CityFactory(name="Oslo", country="NO")

    for path in ("/", "/cities/", "/practices/", "/contact/", "/accounts/login/"):
        page.goto(page.base_url + path)
        stops = assert_focus_visible_on_first_stops(page)
        assert stops[0] == "Skip to main content" and len(stops) >= 15, (path, stops)

    # Skip link first, then the main navigation.
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    assert focused(page)["name"] == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(page.base_url + "/")
    tab_to(page, "Practice library")
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("Practice library")

    # The library's filters: a box ticked with Space, applied with Enter.
    tab_to(page, "online harms")
    page.keyboard.press("Space")
    expect(page.get_by_label(re.compile("^online harms"))).to_be_checked()
    tab_to(page, "Apply filters")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="1 practice found")).to_be_visible()
    assert card_titles(page) == ["Online moderators"]

    # The contact form, from the footer link to the confirmation.
    page.goto(page.base_url + "/about/")
    tab_to(page, "Contact us")
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("Contact us")
    tab_to(page, "Name")
    page.keyboard.type("Kim Keys")
    page.keyboard.press("Tab")
    page.keyboard.type("kim@example.org")
    tab_to(page, "General enquiry")
    page.keyboard.press("ArrowDown")
    expect(field(page, "Membership")).to_be_checked()
    tab_to(page, "Message")
    page.keyboard.type("Written without a mouse.")
    tab_to(page, "Send message")
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text(re.compile("Thank you", re.IGNORECASE))
    assert ContactMessage.objects.get().message == "Written without a mouse."


CITY_NAMES = ["Aarhus", "Beirut", "Dakar", "Lyon", "Mombasa", "Oslo", "Rabat", "Tunis", "Zagreb"]


def narrow_and_tick(group, typed, city):
    """In the checklist in `group`, type `typed`: only the matching boxes stay, and the one
    ticked stays in sight when the words change."""
    group.get_by_role("searchbox", name="Type to narrow the list").fill(typed)
    expect(group.get_by_role("checkbox", name=city)).to_be_visible()
    expect(group.get_by_role("checkbox", name="Oslo")).to_be_hidden()
    group.get_by_role("checkbox", name=city).check()
    group.get_by_role("searchbox", name="Type to narrow the list").fill("osl")
    expect(group.get_by_role("checkbox", name=city)).to_be_visible()
    expect(group.get_by_role("checkbox", name="Aarhus")).to_be_hidden()


def test_long_lists_of_cities_narrow_as_one_types_in_the_form_and_in_the_admin(page):
    from tests.conftest import moderators_group

    cities = [CityFactory(name=name) for name in CITY_NAMES]
    moderator = UserFactory(email="mo@example.org", is_staff=True)
    moderator.groups.add(moderators_group())
    practice = PracticeFactory(title="Sport leagues", city=cities[0])
    member = UserFactory(email="ada@example.org")
    draft = PracticeFactory(title="Mentors", submitted_by=member, status=Status.DRAFT)

    sign_in(page, member.email, DEFAULT_PASSWORD)
    page.goto(page.base_url + f"/contribute/{draft.pk}/edit/")
    narrow_and_tick(page.get_by_role("group", name="Other cities involved"), "mba", "Mombasa")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Your draft has been saved.")).to_be_visible()
    assert [c.name for c in Practice.objects.get(pk=draft.pk).other_cities.all()] == ["Mombasa"]

    page.context.clear_cookies()
    sign_in(page, moderator.email, DEFAULT_PASSWORD)
    page.goto(page.base_url + f"/admin/practices/practice/{practice.pk}/change/")
    narrow_and_tick(page.locator(".field-other_cities"), "tun", "Tunis")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    assert [c.name for c in Practice.objects.get(pk=practice.pk).other_cities.all()] == ["Tunis"]
    assert page.console_errors == []
