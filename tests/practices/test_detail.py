"""A practice's page: its sections, tags back to the library, places and partners, documents,
related practice, dates and sharing tags; visibility; and a fixed number of queries."""

import re

import pytest
from django.urls import reverse

from practices.models import Practice, Status
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    region,
)
from tests.html import card_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice():
    city = CityFactory(name="Rotterdam", slug="rotterdam", country="NL")
    practice = PracticeFactory(
        title="Neighbourhood mediators",
        city=city,
        summary="Trained residents mediate tensions before they escalate.",
        problem="Rising tension between groups.",
        approach="Residents trained as mediators.",
        lessons="Start with trusted people.",
        themes=["social cohesion", "youth engagement"],
        extremism_forms=["far-right"],
        evidence_level=Practice.EvidenceLevel.EFFECTIVE,
    )
    practice.organisations.add(PartnerOrganisationFactory(name="Peace Works", slug="peace-works"))
    practice.other_cities.add(CityFactory(name="Antwerp", slug="antwerp", country="BE"))
    return practice


def test_the_page_shows_the_structured_sections_under_headings(visitor, practice):
    response = visitor.get(practice.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert text.count("<h1") == 1
    assert '<h1 lang="en" dir="ltr">Neighbourhood mediators</h1>' in text
    for heading in (
        "The problem it addresses",
        "Approach and activities",
        "Target audience",
        "Outcomes",
        "Lessons learned and transferability",
        "Resources needed",
    ):
        assert f"<h2>{heading}</h2>" in text
    assert "Residents trained as mediators." in text
    assert "Evaluated – effective" in text


def test_the_evidence_level_is_a_section_between_outcomes_and_lessons(visitor, practice):
    text = visitor.get(practice.get_absolute_url()).text
    order = [
        text.index(f"<h2>{heading}</h2>")
        for heading in ("Outcomes", "Evidence level", "Lessons learned and transferability")
    ]
    assert order == sorted(order)
    evidence = text[order[1] : order[2]]
    assert "Evaluated – effective" in evidence
    assert "A rigorous evaluation found that the practice achieved what it set out to do." in (
        evidence
    )
    assert f'href="{reverse("practices:list")}?evidence=effective"' in evidence


def test_tags_link_back_to_the_filtered_library(visitor, practice):
    text = visitor.get(practice.get_absolute_url()).text
    library = reverse("practices:list")
    assert f'href="{library}?theme=social-cohesion">social cohesion</a>' in text
    assert f'href="{library}?form=far-right">Far-right</a>' in text
    assert f'href="{library}?evidence=effective">' in text
    assert f'href="{library}?region=europe">Europe</a>' in text
    assert f'href="{library}?country=NL">Netherlands</a>' in text


def test_the_page_links_to_its_cities_and_organisations(visitor, practice):
    text = visitor.get(practice.get_absolute_url()).text
    assert 'href="/cities/rotterdam/">Rotterdam</a>' in text
    assert 'href="/cities/antwerp/">Antwerp</a>' in text
    assert 'href="/organisations/peace-works/">Peace Works</a>' in text


def test_the_page_lists_attachments_to_download(visitor, practice):
    attachment = AttachmentFactory(practice=practice, title="Evaluation 2023")
    text = visitor.get(practice.get_absolute_url()).text
    url = reverse("practices:attachment", args=[practice.slug, attachment.pk])
    assert f'href="{url}" download>Evaluation 2023</a>' in text


def test_the_page_shows_when_it_was_published_and_last_updated(visitor, practice):
    text = visitor.get(practice.get_absolute_url()).text
    # A valid HTML date and time: to the second, with its offset (no microseconds).
    published = practice.published_at.strftime("%Y-%m-%dT%H:%M:%S+0000")
    assert f'<time datetime="{published}">' in text
    assert "Last updated" in text
    assert re.findall(r'<time datetime="([^"]*)"', text) == [
        published,
        practice.updated_at.strftime("%Y-%m-%dT%H:%M:%S+0000"),
    ]


def test_the_page_has_a_description_canonical_link_and_open_graph_tags(visitor, practice):
    text = visitor.get(practice.get_absolute_url()).text
    url = f"http://testserver{practice.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in text
    assert '<meta name="description" content="Trained residents mediate tensions' in text
    assert '<meta property="og:title" content="Neighbourhood mediators">' in text
    assert f'<meta property="og:url" content="{url}">' in text
    assert '<meta property="og:type" content="article">' in text
    assert "<title>Neighbourhood mediators · Rotterdam" in text


def test_related_practice_shares_a_theme_or_the_region_and_is_published(visitor, practice):
    PracticeFactory(
        title="Same theme far away",
        city=CityFactory(region=region("africa")),
        themes=["social cohesion"],
    )
    PracticeFactory(title="Same region other theme", city=CityFactory(), themes=["other"])
    PracticeFactory(title="Unrelated", city=CityFactory(region=region("africa")), themes=["x"])
    PracticeFactory(title="Related draft", themes=["social cohesion"], status=Status.DRAFT)
    response = visitor.get(practice.get_absolute_url())
    related = card_titles(response)
    assert related == ["Same theme far away", "Same region other theme"]
    assert "Unrelated" not in response.text
    assert "Related draft" not in response.text


def test_related_practice_sharing_more_themes_comes_first(visitor, practice):
    PracticeFactory(title="One shared", themes=["social cohesion"])
    PracticeFactory(title="Two shared", themes=["social cohesion", "youth engagement"])
    response = visitor.get(practice.get_absolute_url())
    assert card_titles(response)[:2] == ["Two shared", "One shared"]


def test_a_public_contact_practitioner_is_linked_but_never_their_email(visitor, practice):
    contact = PractitionerFactory(full_name="Pat Contact", is_public=True)
    practice.contact_practitioner = contact
    practice.save()
    text = visitor.get(practice.get_absolute_url()).text
    assert "Pat Contact" in text
    assert contact.email not in text


# With the data cache on too: the page's content is kept once per audience.
@pytest.mark.parametrize("data_cache_seconds", [0, 300])
def test_a_members_only_contact_is_hidden_from_visitors(
    client, member, practice, settings, data_cache_seconds
):
    settings.DATA_CACHE_SECONDS = data_cache_seconds
    practice.contact_practitioner = PractitionerFactory(full_name="Private Person")
    practice.save()
    assert "Private Person" not in client.get(practice.get_absolute_url()).text
    client.force_login(member)
    assert "Private Person" in client.get(practice.get_absolute_url()).text
    client.logout()
    assert "Private Person" not in client.get(practice.get_absolute_url()).text


def test_an_unknown_practice_is_a_404(visitor):
    assert visitor.get(reverse("practices:detail", args=["no-such-practice"])).status_code == 404


UNPUBLISHED = [
    Status.DRAFT,
    Status.SUBMITTED,
    Status.CHANGES_REQUESTED,
    Status.REJECTED,
    Status.ARCHIVED,
]


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_unpublished_practice_is_a_404_for_visitors_and_other_members(
    client, author, other_member, status
):
    practice = PracticeFactory(submitted_by=author, status=status)
    assert client.get(practice.get_absolute_url()).status_code == 404
    client.force_login(other_member)
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_a_proposed_update_is_a_404_for_visitors(visitor):
    original = PracticeFactory(title="Original")
    update = PracticeFactory(title="Update", update_of=original, status=Status.SUBMITTED)
    assert visitor.get(update.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_the_author_sees_their_unpublished_practice_with_its_status(client, author, status):
    practice = PracticeFactory(submitted_by=author, status=status, title="Mine")
    client.force_login(author)
    response = client.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert "Not public." in response.text
    assert f"Status: {practice.get_status_display()}." in response.text
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.text


def test_a_moderator_sees_any_unpublished_practice_with_its_status(moderator_client):
    practice = PracticeFactory(status=Status.SUBMITTED)
    response = moderator_client.get(practice.get_absolute_url())
    assert response.status_code == 200
    assert "Status: Submitted for review." in response.text


def test_the_author_of_a_proposed_update_sees_which_practice_it_updates(client, author):
    original = PracticeFactory(title="The original")
    update = PracticeFactory(
        title="The update", update_of=original, submitted_by=author, status=Status.DRAFT
    )
    client.force_login(author)
    text = client.get(update.get_absolute_url()).text
    assert "This is a proposed update of" in text
    assert f'href="{original.get_absolute_url()}">The original</a>' in text


def test_published_practice_shows_no_status_banner(visitor, practice):
    assert "Not public." not in visitor.get(practice.get_absolute_url()).text


def _practice_with_neighbours(count):
    practice = PracticeFactory(themes=["shared theme"])
    for _ in range(count):
        other = PracticeFactory(themes=["shared theme", "another"])
        AttachmentFactory(practice=practice)
        practice.organisations.add(PartnerOrganisationFactory())
        practice.other_cities.add(CityFactory())
        practice.adapted_from.add(other)
    practice.extremism_forms.add(*Practice.extremism_forms.field.related_model.objects.all())
    return practice


def test_practice_page_query_count_is_small_and_does_not_grow(
    visitor, cache_in_memory, django_assert_num_queries, django_assert_max_num_queries
):
    small = _practice_with_neighbours(1)
    with django_assert_max_num_queries(4):
        assert visitor.get(small.get_absolute_url()).status_code == 200
    large = _practice_with_neighbours(10)
    with django_assert_max_num_queries(4):
        response = visitor.get(large.get_absolute_url())
    assert len(response.context["attachments"]) == 10
    assert len(card_titles(response)) == 3


def test_the_author_sees_a_draft_that_has_no_city_or_themes_yet(client, author):
    PracticeFactory(title="Somewhere else")
    draft = PracticeFactory(
        title="Early draft", city=None, themes=[], submitted_by=author, status=Status.DRAFT
    )
    client.force_login(author)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Not given yet" in response.text
    assert card_titles(response) == []
