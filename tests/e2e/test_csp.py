"""Every kind of page loads under the site's real content security policy with nothing
refused: the maps (the world drawn by the portal, and its marks), the library's
script, the forms, the account pages and the admin with its widgets, for a visitor, a member
and an administrator. The browser reports each refusal as a `securitypolicyviolation` event;
a script installed before any of the page's own records them."""

import pytest
from django.urls import reverse

from practices.models import Status
from tests.e2e.conftest import sign_in
from tests.factories import (
    DEFAULT_PASSWORD,
    AttachmentFactory,
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective} refused ${event.blockedURI}`);
});
"""


@pytest.fixture
def watched(page):
    page.context.add_init_script(RECORD_VIOLATIONS)
    return page


@pytest.fixture
def content():
    city = CityFactory(name="Oslo", latitude="59.91", longitude="10.75")
    CityFactory(name="Nairobi", latitude="-1.29", longitude="36.82", country="KE")
    organisation = PartnerOrganisationFactory(name="Fjord Partners")
    organisation.cities.add(city)
    member = UserFactory(email="member@example.org", first_name="Mira")
    practice = PracticeFactory(title="Harbour dialogues", city=city, submitted_by=member)
    AttachmentFactory(practice=practice)
    draft = PracticeFactory(
        title="Night buses", city=city, submitted_by=member, status=Status.DRAFT
    )
    practitioner = PractitionerFactory(full_name="Pat Public", city=city, is_public=True)
    admin = UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)
    return {
        "city": city,
        "organisation": organisation,
        "member": member,
        "practice": practice,
        "draft": draft,
        "practitioner": practitioner,
        "admin": admin,
    }


def visitor_pages(c):
    return [
        reverse("home"),
        reverse("about"),
        reverse("faq"),
        reverse("search") + "?q=harbour",
        reverse("practices:list"),
        c["practice"].get_absolute_url(),
        reverse("cities:list"),
        c["city"].get_absolute_url(),
        reverse("cities:organisations"),
        c["organisation"].get_absolute_url(),
        reverse("cities:practitioners"),
        c["practitioner"].get_absolute_url(),
        reverse("contact"),
        reverse("cities:join"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
    ]


def member_pages(c):
    return [
        reverse("practices:mine"),
        reverse("practices:create"),
        reverse("practices:edit", args=[c["draft"].pk]),
        reverse("practices:preview", args=[c["draft"].pk]),
        reverse("cities:profile"),
        reverse("cities:contact_practitioner", args=[c["practitioner"].slug]),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("cities:list"),
    ]


def admin_pages(c):
    return [
        reverse("admin:index"),
        reverse("admin:practices_practice_changelist"),
        reverse("admin:practices_practice_change", args=[c["practice"].pk]),
        reverse("admin:practices_practice_add"),
        reverse("admin:cities_city_change", args=[c["city"].pk]),
        reverse("admin:cities_practitioner_change", args=[c["practitioner"].pk]),
        reverse("admin:scn_portal_user_change", args=[c["member"].pk]),
    ]


def refusals(page, path):
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    return [f"{path}: {refused}" for refused in page.evaluate("window.cspViolations")]


def test_the_recorder_sees_a_refusal(watched):
    watched.goto(watched.base_url + reverse("about"))
    watched.evaluate(
        """() => new Promise((resolve) => {
            document.addEventListener("securitypolicyviolation", resolve, {once: true});
            const image = document.createElement("img");
            image.src = "https://elsewhere.invalid/pixel.png";
            document.body.append(image);
        })"""
    )
    assert watched.evaluate("window.cspViolations") == [
        "img-src refused https://elsewhere.invalid/pixel.png"
    ]


def test_a_visitor_s_pages_load_with_nothing_refused(watched, content):
    refused = [line for path in visitor_pages(content) for line in refusals(watched, path)]
    assert refused == []
    assert watched.console_errors == []


def test_a_member_s_pages_load_with_nothing_refused(watched, content):
    sign_in(watched, content["member"].email, DEFAULT_PASSWORD)
    refused = [line for path in member_pages(content) for line in refusals(watched, path)]
    assert refused == []
    assert watched.console_errors == []


def test_the_admin_loads_with_nothing_refused(watched, content):
    sign_in(watched, content["admin"].email, DEFAULT_PASSWORD)
    refused = [line for path in admin_pages(content) for line in refusals(watched, path)]
    assert refused == []
    # The admin's pages name no icon, so the browser asks for /favicon.ico (a 404): not ours.
    assert [error for error in watched.console_errors if "Security Policy" in error] == []
