"""axe-core (WCAG 2.1 A and AA) on every public page and every form page, signed out, as a
member and as a moderator, at phone and desktop widths (`audit_page` is parametrized). At
phone width each page must also reflow to 320 CSS pixels without scrolling sideways
(WCAG 1.4.10), which axe-core does not check.

Each case is one page for one person, so a failure names the page; the message lists each
rule broken and the elements that break it. Form pages are also audited showing their
errors, since that is when labels and messages matter most.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from practices.models import Status
from tests.conftest import moderators_group
from tests.e2e.conftest import PHONE, assert_accessible, assert_reflows
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    EventFactory,
    FaqEntryFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    ResourceFactory,
    StoryFactory,
    UserFactory,
    region,
    with_pdf,
)

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class Site:
    """One of everything a page can show, so that every part of every page is audited."""

    city: object
    organisation: object
    practice: object
    public_practitioner: object
    private_practitioner: object
    member: object
    draft: object
    moderator: object
    submitted: object
    extra: dict = field(default_factory=dict)


def build_site():
    organisation = PartnerOrganisationFactory(name="Hedayah Partners")
    city = CityFactory(name="Mechelen", country="BE", focus_areas=["social cohesion"])
    CityFactory(name="Kampala", country="UG", region=region("africa"))
    organisation.cities.add(city)
    public = PractitionerFactory(
        full_name="Ana Public", city=city, organisation=organisation, is_public=True
    )
    private = PractitionerFactory(full_name="Bo Private", city=city, accepts_messages=True)
    practice = PracticeFactory(
        title="Coaches against exclusion",
        city=city,
        themes=["youth engagement", "social cohesion"],
        extremism_forms=["far-right"],
        contact_practitioner=public,
    )
    practice.organisations.add(organisation)
    practice.other_cities.add(CityFactory(name="Aarhus", country="DK"))
    AttachmentFactory(practice=practice, title="Evaluation report")
    PracticeFactory(title="Online youth workers", city=city, themes=["online harms"])
    FaqEntryFactory(question="Who can join the network?", answer="Any city.")
    FaqEntryFactory(question="What does it cost?", answer="Nothing.")

    member = UserFactory(email="member@example.org", first_name="Mira", last_name="Member")
    PractitionerFactory(full_name="Mira Member", user=member, city=city)
    draft = PracticeFactory(
        title="A draft with gaps",
        submitted_by=member,
        city=None,
        summary="",
        status=Status.DRAFT,
        published_at=None,
    )
    moderator = UserFactory(email="moderator@example.org", is_staff=True)
    moderator.groups.add(moderators_group())
    submitted = PracticeFactory(
        title="Waiting for review",
        city=city,
        status=Status.SUBMITTED,
        published_at=None,
    )
    site = Site(city, organisation, practice, public, private, member, draft, moderator, submitted)
    build_publications(site)
    return site


def build_publications(site):
    """News, events, resources and a regional hub, each with all its parts shown: in
    `site.extra`."""
    europe = region("europe")
    europe.hub_name = "Europe hub"
    europe.hub_intro = "The hub brings the network's European cities together."
    europe.save()
    europe.team.add(site.public_practitioner)
    site.extra["story"] = StoryFactory(
        title="Mechelen opens a youth centre",
        regions=[europe],
        cities=[site.city],
        practices=[site.practice],
        themes=["youth engagement"],
        with_image=True,
        body="The centre opened on **Monday**.\n\n- sport\n- music\n\nRead [more](https://example.org/).",
    )
    StoryFactory(title="قصة من المدينة", slug="qissa", language="ar", regions=[region("africa")])
    site.extra["event"] = EventFactory(
        title="Workshop on youth outreach",
        city=site.city,
        region=europe,
        organiser=site.organisation,
        themes=["youth engagement"],
        online=True,
    )
    EventFactory(
        title="Webinar with a registration link",
        kind="webinar",
        audience="members",
        registration_url="https://example.org/register",
        language="fr",
        time_zone="Europe/Paris",
    )
    now = timezone.now().replace(second=0, microsecond=0)
    EventFactory(
        title="A summit held last year",
        kind="summit",
        starts_at=now - timedelta(days=300),
        ends_at=now - timedelta(days=298),
        city=site.city,
    )
    site.extra["resource"] = with_pdf(
        ResourceFactory(
            title="Toolkit for local prevention",
            regions=["europe"],
            publisher=site.organisation,
            themes=["youth engagement", "online harms"],
        )
    )
    ResourceFactory(title="Guide pour les villes", kind="guide", language="fr")
    site.extra["suggestion"] = ResourceFactory(
        title="A suggested guide",
        kind="guide",
        suggested_by=site.member,
        status=Status.SUBMITTED,
        published_at=None,
    )
    ResourceFactory(
        title="A guide the member must change",
        suggested_by=site.member,
        status=Status.CHANGES_REQUESTED,
        published_at=None,
    )


def submit_empty_form(page):
    """Send the page's main form as it is, to audit it showing the server's errors (the
    browser's own checks are switched off, as they are in a browser without them)."""
    form = page.locator("main form[method=post]").last
    form.evaluate("form => { form.noValidate = true; }")
    form.locator("[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator(".errorlist, .form-error-summary").count(), "no error was shown"


@dataclass
class Case:
    name: str
    path: Callable
    as_user: str = ""  # "", "member" or "moderator"
    act: Callable | None = None

    def __str__(self):
        return self.name


def practice_url(site):
    return site.practice.get_absolute_url()


def story_url(site):
    return site.extra["story"].get_absolute_url()


def event_url(site):
    return site.extra["event"].get_absolute_url()


def resource_url(site):
    return site.extra["resource"].get_absolute_url()


def suggestion_admin(site, view=""):
    return f"/admin/resources/resource/{site.extra['suggestion'].pk}/{view}"


CASES = [
    # Signed out: every public page.
    Case("home", lambda s: "/"),
    Case("cities", lambda s: "/cities/"),
    Case("cities-filtered", lambda s: "/cities/?region=europe&sort=newest"),
    Case("city", lambda s: s.city.get_absolute_url()),
    Case("organisations", lambda s: "/organisations/"),
    Case("organisation", lambda s: s.organisation.get_absolute_url()),
    Case("practitioners", lambda s: "/practitioners/"),
    Case("practitioner-public", lambda s: s.public_practitioner.get_absolute_url()),
    Case("practices", lambda s: "/practices/"),
    Case(
        "practices-filtered",
        lambda s: "/practices/?theme=youth-engagement&evidence=promising&year_from=2000",
    ),
    Case("practices-empty", lambda s: "/practices/?q=nothing-matches-this&year_from=abcd"),
    Case("practice", practice_url),
    Case("about", lambda s: "/about/"),
    Case("faq", lambda s: "/faq/"),
    Case("contact", lambda s: "/contact/"),
    Case("contact-errors", lambda s: "/contact/", act=submit_empty_form),
    Case("join", lambda s: "/join/"),
    Case("join-errors", lambda s: "/join/", act=submit_empty_form),
    Case("not-found", lambda s: "/no-such-page/"),
    Case("search", lambda s: "/search/?q=youth"),
    Case("search-nothing-found", lambda s: "/search/?q=zzzqqq"),
    Case("search-one-kind", lambda s: "/search/?q=mechelen&kind=city"),
    Case("sign-in", lambda s: "/accounts/login/"),
    Case("sign-in-errors", lambda s: "/accounts/login/", act=submit_empty_form),
    Case("sign-up", lambda s: "/accounts/signup/"),
    Case("sign-up-errors", lambda s: "/accounts/signup/", act=submit_empty_form),
    Case("password-reset", lambda s: "/accounts/password/reset/"),
    # News, events, the resource hub and the regional hubs.
    Case("news", lambda s: "/news/"),
    Case("news-filtered", lambda s: "/news/?region=europe&theme=youth-engagement"),
    Case("news-story", story_url),
    Case("events", lambda s: "/events/"),
    Case("events-filtered", lambda s: "/events/?region=europe"),
    Case("events-past", lambda s: "/events/past/"),
    Case("event", event_url),
    Case("resources", lambda s: "/resources/"),
    Case("resources-filtered", lambda s: "/resources/?kind=toolkit&language=en"),
    Case("resources-errors", lambda s: "/resources/?year=abcd&region=nowhere&kind=toolkit"),
    Case("resource", resource_url),
    Case("privacy", lambda s: "/privacy/"),
    Case("regions", lambda s: "/regions/"),
    Case("region-hub", lambda s: "/regions/europe/"),
    # In Arabic, right to left: the pages that show most, and forms showing their errors.
    Case("ar-home", lambda s: "/ar/"),
    Case("ar-practices", lambda s: "/ar/practices/?evidence=promising"),
    Case("ar-practice", lambda s: "/ar" + practice_url(s)),
    Case("ar-city", lambda s: "/ar" + s.city.get_absolute_url()),
    Case("ar-search", lambda s: "/ar/search/?q=youth"),
    Case("ar-contact-errors", lambda s: "/ar/contact/", act=submit_empty_form),
    Case(
        "ar-member-contribute-errors", lambda s: "/ar/contribute/new/", "member", submit_empty_form
    ),
    Case("ar-member-profile", lambda s: "/ar/profile/", "member"),
    Case("ar-news", lambda s: "/ar/news/"),
    Case("ar-news-story", lambda s: "/ar" + story_url(s)),
    Case("ar-events", lambda s: "/ar/events/"),
    Case("ar-event", lambda s: "/ar" + event_url(s)),
    Case("ar-resources", lambda s: "/ar/resources/?kind=toolkit"),
    Case("ar-resource", lambda s: "/ar" + resource_url(s)),
    Case("ar-region-hub", lambda s: "/ar/regions/europe/"),
    Case("ar-privacy", lambda s: "/ar/privacy/"),
    Case(
        "ar-member-suggest-errors", lambda s: "/ar/resources/suggest/", "member", submit_empty_form
    ),
    Case("ar-admin-resource-review", lambda s: "/ar" + suggestion_admin(s, "review/"), "moderator"),
    # Signed in as a member: the pages that change, and the member's own pages and forms.
    Case("member-home", lambda s: "/", "member"),
    Case("member-city", lambda s: s.city.get_absolute_url(), "member"),
    Case("member-practitioners", lambda s: "/practitioners/", "member"),
    Case("member-practitioner", lambda s: s.private_practitioner.get_absolute_url(), "member"),
    Case(
        "member-relay-form",
        lambda s: f"{s.private_practitioner.get_absolute_url()}contact/",
        "member",
    ),
    Case(
        "member-relay-errors",
        lambda s: f"{s.private_practitioner.get_absolute_url()}contact/",
        "member",
        submit_empty_form,
    ),
    Case("member-contributions", lambda s: "/contribute/", "member"),
    Case("member-contribute-new", lambda s: "/contribute/new/", "member"),
    Case("member-contribute-errors", lambda s: "/contribute/new/", "member", submit_empty_form),
    Case("member-edit-draft", lambda s: f"/contribute/{s.draft.pk}/edit/", "member"),
    Case("member-preview", lambda s: f"/contribute/{s.draft.pk}/preview/", "member"),
    Case("member-profile", lambda s: "/profile/", "member"),
    Case("member-email", lambda s: "/accounts/email/", "member"),
    Case("member-password-change", lambda s: "/accounts/password/change/", "member"),
    Case("member-search", lambda s: "/search/?q=public", "member"),
    Case("member-event", event_url, "member"),
    Case("member-interest", lambda s: event_url(s) + "interest/", "member"),
    Case("member-suggest", lambda s: "/resources/suggest/", "member"),
    Case("member-suggest-errors", lambda s: "/resources/suggest/", "member", submit_empty_form),
    Case("member-suggestions", lambda s: "/resources/suggestions/", "member"),
    Case("member-region-hub", lambda s: "/regions/europe/", "member"),
    Case("member-data", lambda s: "/accounts/data/", "member"),
    Case("member-delete", lambda s: "/accounts/delete/", "member"),
    Case("member-delete-errors", lambda s: "/accounts/delete/", "member", submit_empty_form),
    # The moderator, on the pages they see outside the admin.
    Case("moderator-preview", lambda s: f"/contribute/{s.submitted.pk}/preview/", "moderator"),
    Case("moderator-unpublished-practice", lambda s: s.submitted.get_absolute_url(), "moderator"),
    # The moderator in the admin: the index, the queue, a review and the forms they edit.
    Case("admin-index", lambda s: "/admin/", "moderator"),
    Case("admin-queue", lambda s: "/admin/practices/practice/queue/", "moderator"),
    Case(
        "admin-review", lambda s: f"/admin/practices/practice/{s.submitted.pk}/review/", "moderator"
    ),
    Case(
        "admin-practice",
        lambda s: f"/admin/practices/practice/{s.practice.pk}/change/",
        "moderator",
    ),
    Case("admin-city", lambda s: f"/admin/cities/city/{s.city.pk}/change/", "moderator"),
    Case("admin-resources-queue", lambda s: "/admin/resources/resource/queue/", "moderator"),
    Case("admin-privacy-lookup", lambda s: "/admin/privacy/privacyaction/lookup/", "moderator"),
    Case("admin-resource-review", lambda s: suggestion_admin(s, "review/"), "moderator"),
    Case(
        "admin-resource-decide",
        lambda s: suggestion_admin(s, "review/request_changes/"),
        "moderator",
    ),
    Case(
        "admin-resource-decide-errors",
        lambda s: suggestion_admin(s, "review/request_changes/"),
        "moderator",
        submit_empty_form,
    ),
    Case("admin-story", lambda s: f"/admin/news/story/{s.extra['story'].pk}/change/", "moderator"),
    Case(
        "admin-event", lambda s: f"/admin/events/event/{s.extra['event'].pk}/change/", "moderator"
    ),
    Case(
        "admin-resource",
        lambda s: f"/admin/resources/resource/{s.extra['resource'].pk}/change/",
        "moderator",
    ),
    Case(
        "admin-practitioner",
        lambda s: f"/admin/cities/practitioner/{s.private_practitioner.pk}/change/",
        "moderator",
    ),
]


def sign_in_quickly(page, user):
    """Give the browser a signed-in session without going through the sign-in form (the
    journeys test that form)."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": page.base_url}]
    )


@pytest.mark.parametrize("case", CASES, ids=str)
def test_page_has_no_accessibility_violations(audit_page, case, settings):
    settings.FORM_MIN_SECONDS = 0  # the error cases submit at once
    site = build_site()
    if case.as_user:
        sign_in_quickly(audit_page, getattr(site, case.as_user))
    response = audit_page.goto(audit_page.base_url + case.path(site))
    expected = 404 if case.name == "not-found" else 200
    assert response.status == expected, f"{case}: HTTP {response.status} at {audit_page.url}"
    if case.act:
        case.act(audit_page)
    assert_accessible(audit_page)
    if audit_page.viewport_size == PHONE:
        assert_reflows(audit_page)
