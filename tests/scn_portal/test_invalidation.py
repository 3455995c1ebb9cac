"""What is kept (page cache, template fragments, data) is forgotten exactly when the content
it shows changes for the audience that sees it, and never outlives a release."""

import pytest
from django.urls import reverse

from cities.models import MEMBERS, PUBLIC, Practitioner
from practices import workflow
from practices.models import Practice, Status
from scn_portal import page_cache
from tests.factories import (
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments_kept(parts_kept):
    """Parts of pages and data kept as in production (no page cache: every request is drawn
    from what the templates keep)."""


def versions():
    return page_cache.content_version(PUBLIC), page_cache.content_version(MEMBERS)


def test_a_draft_saved_submitted_withdrawn_and_rejected_forgets_nothing(author, moderator):
    practice = PracticeFactory(status=Status.DRAFT, submitted_by=author, title="Draft")
    before = versions()
    practice.title = "Draft, edited"
    practice.save()
    practice.themes.add("youth")
    workflow.transition(practice, "submit", author)
    workflow.transition(practice, "withdraw", author)
    workflow.transition(practice, "submit", author)
    workflow.transition(practice, "reject", moderator, reason="Not a practice.")
    assert versions() == before


def test_publishing_editing_and_archiving_forget_what_both_audiences_saw(author, moderator):
    practice = PracticeFactory(status=Status.SUBMITTED, submitted_by=author)
    steps = [
        lambda: workflow.transition(practice, "publish", moderator),
        lambda: Practice.objects.get(pk=practice.pk).themes.add("sport"),
        lambda: setattr(practice, "title", "Renamed") or practice.save(),
        lambda: workflow.transition(practice, "archive", moderator),
    ]
    for step in steps:
        public, members = versions()
        step()
        practice.refresh_from_db()
        assert page_cache.content_version(PUBLIC) != public
        assert page_cache.content_version(MEMBERS) != members


def test_a_members_only_profile_forgets_only_what_members_saw():
    person = PractitionerFactory(is_public=False, full_name="Quiet Person")
    public, members = versions()
    person.role_title = "Coordinator"
    person.save()
    person.expertise.add("mediation")
    assert page_cache.content_version(PUBLIC) == public
    assert page_cache.content_version(MEMBERS) != members


def test_a_profile_made_public_or_private_forgets_what_visitors_saw():
    person = PractitionerFactory(is_public=False)
    public, _members = versions()
    person.is_public = True
    person.save()
    assert page_cache.content_version(PUBLIC) != public
    public, _members = versions()
    person.is_public = False
    person.save()
    assert page_cache.content_version(PUBLIC) != public


def test_a_city_page_follows_a_publication_and_an_edit(client, fragments_kept, author, moderator):
    city = CityFactory(name="Keptville")
    url = city.get_absolute_url()
    practice = PracticeFactory(
        city=city, status=Status.SUBMITTED, submitted_by=author, title="Street mediators"
    )
    assert "Street mediators" not in client.get(url).text
    workflow.transition(practice, "publish", moderator)
    assert "Street mediators" in client.get(url).text
    practice.title = "Street mediators, second year"
    practice.save()
    assert "Street mediators, second year" in client.get(url).text


def test_a_practice_page_head_and_content_follow_an_edit(client, fragments_kept):
    """The page's head (title, description, tags) is kept with its content: an edit of the
    published practice changes both."""
    practice = PracticeFactory(title="Street mediators", themes=["youth engagement"])
    url = practice.get_absolute_url()
    first = client.get(url).text
    assert "<title>Street mediators" in first
    assert '<meta property="article:tag" content="youth engagement">' in first
    practice.title = "Street mediators, second year"
    practice.save()
    practice.themes.set(["sport"])
    text = client.get(url).text
    assert "<title>Street mediators, second year" in text
    assert '<meta property="og:title" content="Street mediators, second year">' in text
    assert '<meta property="article:tag" content="sport">' in text
    assert "youth engagement" not in text


def test_a_kept_practice_page_reads_nothing_and_an_unpublished_one_is_not_found(
    client, cache_in_memory, fragments_kept, moderator, django_assert_num_queries
):
    practice = PracticeFactory(title="Street mediators")
    url = practice.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert client.get("/practices/no-such-practice/").status_code == 404
    workflow.transition(practice, "archive", moderator)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind", ["city", "organisation"])
def test_a_kept_city_or_organisation_page_reads_nothing_and_a_deleted_one_is_not_found(
    client, cache_in_memory, fragments_kept, kind, django_assert_num_queries
):
    found = CityFactory(name="Keptville") if kind == "city" else PartnerOrganisationFactory()
    practice = PracticeFactory(
        title="Street mediators", **({"city": found} if kind == "city" else {})
    )
    if kind == "organisation":
        practice.organisations.add(found)
    url = found.get_absolute_url()
    first = client.get(url)
    assert "Street mediators" in first.text
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content
    assert client.get(url.replace(found.slug, "no-such-place")).status_code == 404
    Practice.objects.all().delete()
    found.delete()
    assert client.get(url).status_code == 404


def test_a_draft_edit_leaves_the_kept_library_as_it_was(
    client, cache_in_memory, fragments_kept, author, django_assert_num_queries
):
    published = PracticeFactory(title="Published case")
    library = reverse("practices:list")
    first = client.get(library)
    PracticeFactory(
        status=Status.DRAFT, submitted_by=author, title="Private draft", city=published.city
    )
    # Nothing visible changed: the whole page comes from what was kept, without a query.
    with django_assert_num_queries(0):
        second = client.get(library)
    assert "Private draft" not in second.text
    assert "Published case" in second.text
    assert second.content == first.content


def test_a_visitor_never_gets_what_was_kept_for_members(client, fragments_kept, member):
    city = CityFactory()
    PractitionerFactory(city=city, full_name="Private Person", is_public=False)
    PractitionerFactory(city=city, full_name="Listed Person", is_public=True)
    client.force_login(member)
    assert "Private Person" in client.get(city.get_absolute_url()).text
    client.logout()
    text = client.get(city.get_absolute_url()).text
    assert "Listed Person" in text
    assert "Private Person" not in text


def test_a_new_release_never_serves_what_the_previous_one_drew(client, fragments_kept, settings):
    practice = PracticeFactory(title="Before the release")
    library = reverse("practices:list")
    assert "Before the release" in client.get(library).text
    # Changed without signals, as a data migration of the release would.
    Practice.objects.filter(pk=practice.pk).update(title="After the release")
    assert "Before the release" in client.get(library).text  # still kept
    settings.RELEASE = "next-release"
    assert "After the release" in client.get(library).text


def test_a_new_release_never_serves_a_page_the_previous_one_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    practice = PracticeFactory(title="Old wording")
    home = reverse("home")
    assert "Old wording" in client.get(home).text
    Practice.objects.filter(pk=practice.pk).update(title="New wording")
    assert "Old wording" in client.get(home).text
    settings.RELEASE = "next-release"
    assert "New wording" in client.get(home).text


def test_an_unpublished_practice_page_is_never_kept(client, fragments_kept, author):
    practice = PracticeFactory(status=Status.DRAFT, submitted_by=author, title="First wording")
    client.force_login(author)
    url = reverse("practices:preview", args=[practice.pk])
    assert "First wording" in client.get(url).text
    practice.title = "Second wording"
    practice.save()
    assert "Second wording" in client.get(url).text


def test_a_deleted_practitioner_leaves_no_trace_for_members(member_client, fragments_kept):
    city = CityFactory()
    person = PractitionerFactory(city=city, full_name="Gone Person", is_public=False)
    assert "Gone Person" in member_client.get(city.get_absolute_url()).text
    Practitioner.objects.get(pk=person.pk).delete()
    assert "Gone Person" not in member_client.get(city.get_absolute_url()).text
