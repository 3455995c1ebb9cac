"""What a signed-in person is shown stays theirs: every response to them is
`Cache-Control: private, no-store`, so neither a shared cache (a proxy, a CDN) nor the
browser's disk keeps a members-only profile, a draft or an account page for the next person
on the line or at the computer. A visitor's public pages stay cacheable.

The pages come from the URL resolver and are reached with the permission matrix's rows
(tests/security/test_permission_matrix.py), so a new page is walked the day it is added.
"""

from dataclasses import replace

import pytest
from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD
from tests.security.pending import pending_marks
from tests.security.test_permission_matrix import ALL_CASES, LazyCast, named_patterns

pytestmark = pytest.mark.django_db


def cache_directives(response):
    header = response.get("Cache-Control", "")
    return {part.strip().split("=")[0].lower() for part in header.split(",") if part.strip()}


def assert_private(response, what):
    directives = cache_directives(response)
    assert {"private", "no-store"} <= directives and "public" not in directives, (
        f"{what} ({response.status_code}): Cache-Control {response.get('Cache-Control')!r}"
    )


def walk():
    """Every GET row of the permission matrix, and for a URL name that has only POST rows a
    GET of the same address (its 405 counts too): every URL name the resolver knows."""
    params = []
    for name in sorted(named_patterns()):
        rows = [case for case in ALL_CASES if case.url_name == name]
        gets = [case for case in rows if case.method == "get"]
        if not gets and rows:
            gets = [replace(rows[0], method="get", data={})]
        if not gets:
            params.append(pytest.param(name, id=name))
        params += [pytest.param(case, marks=pending_marks(name), id=case.id) for case in gets]
    return params


@pytest.mark.parametrize("case", walk())
def test_every_page_a_member_opens_is_private_and_not_stored(case, client, member, request):
    assert not isinstance(case, str), (
        f"add a row for {case} to CASES in tests/security/test_permission_matrix.py"
    )
    client.force_login(member)
    url = reverse(case.url_name, kwargs=case.kwargs(LazyCast(request)))

    response = client.get(url)

    assert_private(response, f"GET {url}")


def test_a_page_that_does_not_exist_is_private_for_a_member(member_client):
    assert_private(member_client.get("/no-such-page/"), "an unknown address")


def test_the_redirect_that_adds_a_slash_is_private_for_a_member(member_client):
    response = member_client.get("/contribute")
    assert response.status_code == 301
    assert_private(response, "the redirect to /contribute/")


def test_the_answer_to_signing_in_is_private(client, member):
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302, "the member should be signed in"
    assert_private(response, "the sign-in")


def test_a_member_s_page_rendered_by_the_page_cache_s_views_is_still_private(
    member_client, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    assert_private(member_client.get(reverse("home")), "the home page")
    assert_private(member_client.get(reverse("home")), "the home page, asked again")


# The pages a visitor reads, which shared caches and browsers may keep.
PUBLIC_PAGES = {
    "home": lambda c: reverse("home"),
    "about": lambda c: reverse("about"),
    "faq": lambda c: reverse("faq"),
    "search": lambda c: reverse("search") + "?q=cast",
    "practice library": lambda c: reverse("practices:list"),
    "practice page": lambda c: c.published.get_absolute_url(),
    "PDF attachment": lambda c: reverse(
        "practices:attachment", args=[c.published.slug, c.published_attachment.pk]
    ),
    "feed": lambda c: reverse("practices:feed"),
    "city directory": lambda c: reverse("cities:list"),
    "map markers": lambda c: reverse("cities:map"),
    "city page": lambda c: c.city.get_absolute_url(),
    "organisation page": lambda c: c.organisation.get_absolute_url(),
    "public practitioner": lambda c: c.public_practitioner.get_absolute_url(),
    "sitemap": lambda c: reverse("sitemap"),
    "regional hubs": lambda c: reverse("cities:regions"),
    "hub page": lambda c: c.hub.get_absolute_url(),
    "news": lambda c: reverse("news:list"),
    "story page": lambda c: c.story.get_absolute_url(),
    "story image": lambda c: c.story.image_url,
    "news feed": lambda c: reverse("news:feed"),
    "upcoming events": lambda c: reverse("events:list"),
    "past events": lambda c: reverse("events:past"),
    "event page": lambda c: c.event.get_absolute_url(),
    "event calendar file": lambda c: reverse("events:ics", args=[c.event.slug]),
    "events calendar": lambda c: reverse("events:calendar"),
    "resource hub": lambda c: reverse("resources:list"),
    "resource page": lambda c: c.resource.get_absolute_url(),
    "resource PDF": lambda c: reverse("resources:file", args=[c.resource.slug]),
}


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_a_visitor_s_public_page_is_not_marked_private(client, cast, page):
    response = client.get(PUBLIC_PAGES[page](cast))
    assert response.status_code == 200
    directives = cache_directives(response)
    assert "private" not in directives
    assert "no-store" not in directives


@pytest.mark.parametrize(
    "page",
    ["home", "practice library", "practice page", "city page"]
    + ["hub page", "news", "story page", "upcoming events", "event page", "resource page"],
)
def test_a_visitor_s_public_page_from_the_page_cache_is_not_marked_private(
    client, cast, settings, page
):
    settings.PAGE_CACHE_SECONDS = 300
    url = PUBLIC_PAGES[page](cast)
    client.get(url)
    cached = client.get(url)
    assert "private" not in cache_directives(cached)
    assert "no-store" not in cache_directives(cached)


def test_after_signing_out_a_visitor_s_pages_are_cacheable_again(client, member):
    client.force_login(member)
    client.post(reverse("account_logout"))
    # The first page shows "You have signed out", a message of this visitor's own.
    assert_private(client.get(reverse("home")), "the page with the sign-out message")
    assert "private" not in cache_directives(client.get(reverse("home")))


# Pages whose content is kept for everyone (page cache and template fragments) but which show
# a member something of their own, or drafts to staff: what one person is shown never reaches
# the next, whoever comes first.
@pytest.fixture
def everything_kept(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DATA_CACHE_SECONDS = 300


def test_a_members_interest_on_an_event_page_is_neither_kept_for_nor_shown_to_others(
    client, cast, member, everything_kept
):
    url = cast.event.get_absolute_url()
    # The visitor's page is drawn and kept first, then the member registers.
    assert "Sign in to register interest" in client.get(url).text
    client.force_login(member)
    assert client.post(reverse("events:interest", args=[cast.event.slug])).status_code == 302
    mine = client.get(url)
    assert_private(mine, "the member's event page")
    assert "You registered your interest" in mine.text
    assert "Sign in to register interest" not in mine.text

    client.logout()
    theirs = client.get(url).text
    assert "You registered your interest" not in theirs
    assert member.email not in theirs
    assert "Sign in to register interest" in theirs


def test_a_preview_staff_open_is_never_kept_for_visitors(client, cast, moderator, everything_kept):
    client.force_login(moderator)
    for url in [
        cast.draft_story.get_absolute_url(),
        cast.draft_story.image_url,
        cast.draft_event.get_absolute_url(),
        reverse("events:ics", args=[cast.draft_event.slug]),
        cast.submitted_suggestion.get_absolute_url(),
        reverse("resources:file", args=[cast.submitted_suggestion.slug]),
    ]:
        assert_private(client.get(url), f"staff's preview {url}")
        client.logout()
        assert client.get(url).status_code == 404, f"{url} was kept for visitors"
        client.force_login(moderator)


def test_the_hub_team_a_member_sees_is_never_kept_for_visitors(
    client, cast, member, everything_kept
):
    url = cast.hub.get_absolute_url()
    client.force_login(member)
    assert cast.members_only_practitioner.full_name in client.get(url).text
    client.logout()
    visitors = client.get(url).text
    assert cast.public_practitioner.full_name in visitors
    assert cast.members_only_practitioner.full_name not in visitors
