"""Nothing private leaks through a side door: unpublished practice, stories, events and
resources, members-only profiles, and the addresses the portal keeps without showing them
(practitioners', regional hubs' staff, event organisers') never appear on pages that list or
index content (search, feeds, calendars, sitemap, lists, hub pages, the map data embedded in
city pages), whoever looks."""

import pytest
from django.urls import reverse

from tests.security.conftest import PRIVATE_DOMAIN
from tests.security.pending import row

pytestmark = pytest.mark.django_db

# (url name, kwargs from the cast, query string): every page that shows many things at once.
INDEX_PAGES = [
    ("home", None, ""),
    ("practices:feed", None, ""),
    ("sitemap", None, ""),
    ("robots", None, ""),
    ("practices:list", None, ""),
    ("practices:list", None, "?q=draft"),
    ("search", None, "?q=draft"),
    ("search", None, "?q=Membersonly"),
    ("cities:list", None, ""),
    ("cities:map", None, ""),
    ("cities:detail", lambda c: {"slug": c.city.slug}, ""),
    ("cities:organisation", lambda c: {"slug": c.organisation.slug}, ""),
    ("cities:organisations", None, ""),
    ("practices:detail", lambda c: {"slug": c.published.slug}, ""),
    # news, events, the resource hub, the regional hubs (issue 20)
    ("cities:regions", None, ""),
    ("cities:region", lambda c: {"slug": c.hub.slug}, ""),
    ("news:list", None, ""),
    ("news:list", None, "?region=europe"),
    ("news:feed", None, ""),
    ("news:detail", lambda c: {"slug": c.story.slug}, ""),
    ("events:list", None, ""),
    ("events:past", None, ""),
    ("events:calendar", None, ""),
    ("events:detail", lambda c: {"slug": c.event.slug}, ""),
    ("events:detail", lambda c: {"slug": c.linked_event.slug}, ""),
    ("events:ics", lambda c: {"slug": c.event.slug}, ""),
    ("resources:list", None, ""),
    ("resources:list", None, "?q=cast"),
    ("resources:detail", lambda c: {"slug": c.resource.slug}, ""),
    ("contact", None, "?region=europe"),
    ("search", None, "?q=cast"),
    ("search", None, "?q=cast&kind=story"),
    ("search", None, "?q=cast&kind=event"),
    ("search", None, "?q=cast&kind=resource"),
    ("search", None, "?q=hub"),
]
# Pages a member sees that show practitioners: an address must never be on them.
PRACTITIONER_PAGES = [
    ("cities:practitioners", None, ""),
    ("cities:practitioner", lambda c: {"slug": c.members_only_practitioner.slug}, ""),
    ("cities:practitioner", lambda c: {"slug": c.public_practitioner.slug}, ""),
    ("cities:contact_practitioner", lambda c: {"slug": c.members_only_practitioner.slug}, ""),
    ("cities:detail", lambda c: {"slug": c.city.slug}, ""),
    ("search", None, "?q=Membersonly"),
    ("cities:region", lambda c: {"slug": c.hub.slug}, ""),
    ("events:detail", lambda c: {"slug": c.event.slug}, ""),
    ("events:interest", lambda c: {"slug": c.event.slug}, ""),
    ("resources:mine", None, ""),
]


def params(pages):
    return [
        row(name, kwargs, query, url_names=[name], id=f"{name}{query}")
        for name, kwargs, query in pages
    ]


def get(client, cast, name, kwargs, query):
    response = client.get(reverse(name, kwargs=kwargs(cast) if kwargs else None) + query)
    assert response.status_code == 200
    return response.content.decode()


def unpublished_titles(cast):
    return cast.unpublished_titles


def unpublished_addresses(cast):
    """Where unpublished content is (its page, its image, its file, its calendar entry)."""
    return [
        cast.draft_attachment.get_absolute_url(),
        cast.draft_story.get_absolute_url(),
        cast.scheduled_story.get_absolute_url(),
        cast.draft_event.get_absolute_url(),
        cast.returned_suggestion.get_absolute_url(),
        cast.submitted_suggestion.get_absolute_url(),
    ]


@pytest.mark.parametrize(("name", "kwargs", "query"), params(INDEX_PAGES))
def test_visitors_never_see_unpublished_practice_or_members_only_profiles(
    client, cast, name, kwargs, query
):
    text = get(client, cast, name, kwargs, query)
    for title in unpublished_titles(cast):
        assert title not in text
    assert cast.members_only_practitioner.full_name not in text
    for address in unpublished_addresses(cast):
        assert address not in text
    assert PRIVATE_DOMAIN not in text


@pytest.mark.parametrize(("name", "kwargs", "query"), params(INDEX_PAGES))
def test_a_member_never_sees_other_peoples_unpublished_practice(
    client, member, cast, name, kwargs, query
):
    client.force_login(member)
    text = get(client, cast, name, kwargs, query)
    for title in unpublished_titles(cast):
        assert title not in text
    for address in unpublished_addresses(cast):
        assert address not in text
    assert PRIVATE_DOMAIN not in text


@pytest.mark.parametrize(("name", "kwargs", "query"), params(PRACTITIONER_PAGES))
def test_no_page_shows_a_practitioners_email_address(client, member, cast, name, kwargs, query):
    client.force_login(member)
    text = get(client, cast, name, kwargs, query)
    assert cast.members_only_practitioner.email not in text
    assert cast.public_practitioner.email not in text
    assert PRIVATE_DOMAIN not in text


@pytest.mark.parametrize("role", ["author", "moderator"])
def test_even_those_who_see_unpublished_content_never_see_the_addresses_kept_for_staff(
    client, cast, request, role
):
    """The member who suggested a resource and the staff who preview drafts see those pages;
    the hub's and organisers' addresses stay off them (they are told, never shown)."""
    client.force_login(request.getfixturevalue(role))
    pages = [
        cast.returned_suggestion.get_absolute_url(),
        reverse("resources:mine"),
        cast.hub.get_absolute_url(),
        cast.event.get_absolute_url(),
        reverse("events:ics", args=[cast.event.slug]),
        reverse("news:feed"),
        reverse("events:calendar"),
    ]
    if role == "moderator":
        pages += [
            cast.draft_story.get_absolute_url(),
            cast.draft_event.get_absolute_url(),
            reverse("events:ics", args=[cast.draft_event.slug]),
            cast.submitted_suggestion.get_absolute_url(),
        ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert PRIVATE_DOMAIN not in response.content.decode(), url


def test_registering_interest_tells_the_member_nothing_of_the_organisers_address(
    client, member, cast, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:interest", args=[cast.event.slug]), {"note": "Hello"}, follow=True
        )
    assert response.status_code == 200
    assert "Your interest is registered" in response.text
    assert PRIVATE_DOMAIN not in response.text
