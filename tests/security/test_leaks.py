"""Nothing private leaks through a side door: unpublished practice, members-only profiles and
practitioners' email addresses never appear on pages that list or index content (search,
feed, sitemap, lists, the map data embedded in city pages), whoever looks."""

import pytest
from django.urls import reverse

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
]
# Pages a member sees that show practitioners: an address must never be on them.
PRACTITIONER_PAGES = [
    ("cities:practitioners", None, ""),
    ("cities:practitioner", lambda c: {"slug": c.members_only_practitioner.slug}, ""),
    ("cities:practitioner", lambda c: {"slug": c.public_practitioner.slug}, ""),
    ("cities:contact_practitioner", lambda c: {"slug": c.members_only_practitioner.slug}, ""),
    ("cities:detail", lambda c: {"slug": c.city.slug}, ""),
    ("search", None, "?q=Membersonly"),
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
    return [cast.authors_draft.title, cast.other_members_draft.title, cast.submitted.title]


@pytest.mark.parametrize(("name", "kwargs", "query"), params(INDEX_PAGES))
def test_visitors_never_see_unpublished_practice_or_members_only_profiles(
    client, cast, name, kwargs, query
):
    text = get(client, cast, name, kwargs, query)
    for title in unpublished_titles(cast):
        assert title not in text
    assert cast.members_only_practitioner.full_name not in text
    assert cast.draft_attachment.get_absolute_url() not in text
    assert "private.example.org" not in text


@pytest.mark.parametrize(("name", "kwargs", "query"), params(INDEX_PAGES))
def test_a_member_never_sees_other_peoples_unpublished_practice(
    client, member, cast, name, kwargs, query
):
    client.force_login(member)
    text = get(client, cast, name, kwargs, query)
    for title in unpublished_titles(cast):
        assert title not in text


@pytest.mark.parametrize(("name", "kwargs", "query"), params(PRACTITIONER_PAGES))
def test_no_page_shows_a_practitioners_email_address(client, member, cast, name, kwargs, query):
    client.force_login(member)
    text = get(client, cast, name, kwargs, query)
    assert cast.members_only_practitioner.email not in text
    assert cast.public_practitioner.email not in text
    assert "private.example.org" not in text
