"""Open data in the pages: the schema.org description (JSON-LD) that practice, city,
organisation, story and event pages carry, read back as a structured-data reader does and
checked against what its type needs; the "Cite this practice" block; and the permanent
address a citation gives."""

import json
import re
from datetime import UTC, datetime
from html import unescape

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import (
    CityFactory,
    EventFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    StoryFactory,
)

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
LD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# A title that tries to close the data block and run its own script.
BREAKOUT = "Sport </script><script>alert(1)</script> & <!-- play"

# What each type needs, after schema.org and the structured-data guidelines readers publish:
# (property, another that may stand for it).
REQUIRED = {
    "Article": [("headline",), ("datePublished",), ("author", "publisher"), ("url",)],
    "City": [("name",), ("address", "geo")],
    "Organization": [("name",), ("url",)],
    "NewsArticle": [("headline",), ("datePublished",), ("author", "publisher"), ("url",)],
    "Event": [("name",), ("startDate",), ("location",), ("eventAttendanceMode",)],
}
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?[+-]\d\d:\d\d$")


def linked_data(response):
    """Every JSON-LD block of the page, parsed as a reader parses it."""
    assert response.status_code == 200
    return [json.loads(block) for block in LD_SCRIPT.findall(response.text)]


def described(response, kind):
    """The page's one description of type `kind`, after checking what every type needs."""
    found = [data for data in linked_data(response) if data.get("@type") == kind]
    assert len(found) == 1, f"expected one {kind} on the page"
    data = found[0]
    assert data["@context"] == "https://schema.org"
    for alternatives in REQUIRED[kind]:
        assert any(data.get(name) for name in alternatives), f"{kind} lacks {alternatives}"
    return data


def assert_no_email(response):
    for block in LD_SCRIPT.findall(response.text):
        assert not EMAIL.search(block), block


def citation(response):
    """The plain-text citation and the BibTeX entry as a visitor copies them."""
    section = re.search(r'<section class="[^"]*practice-citation.*?</section>', response.text, re.S)
    assert section, "the page has no citation"
    plain, bib = re.findall(r"<pre[^>]*>(.*?)</pre>", section.group(0), re.S)
    return unescape(re.sub(r"<[^>]+>", "", plain)), unescape(bib)


@pytest.fixture
def rotterdam():
    return CityFactory(
        name="Rotterdam", slug="rotterdam", country="NL", latitude="51.92250", longitude="4.47917"
    )


@pytest.fixture
def practice(rotterdam):
    origin = PracticeFactory(title="Peer mediators in Antwerp", slug="peer-mediators")
    found = PracticeFactory(
        title="Neighbourhood mediators",
        slug="neighbourhood-mediators",
        city=rotterdam,
        summary="Trained residents mediate tensions before they escalate.",
        language="fr",
        themes=["social cohesion", "youth engagement"],
        published_at=datetime(2024, 3, 5, 10, 0, tzinfo=UTC),
        contact_practitioner=PractitionerFactory(
            full_name="Hidden Contact", is_public=False, email="hidden@private.example.org"
        ),
    )
    found.adapted_from.add(origin)
    return found


def permanent(practice):
    return SITE + reverse("practices:permalink", args=[practice.pk])


# --- JSON-LD --------------------------------------------------------------------------------


def test_a_practice_page_describes_the_case_study_as_an_article(visitor, practice):
    response = visitor.get(practice.get_absolute_url())

    data = described(response, "Article")
    assert data["headline"] == data["name"] == "Neighbourhood mediators"
    assert data["url"] == data["@id"] == permanent(practice)
    assert data["description"] == "Trained residents mediate tensions before they escalate."
    assert data["datePublished"] == "2024-03-05T10:00:00+00:00"
    assert ISO_WITH_OFFSET.match(data["dateModified"])
    assert data["inLanguage"] == "fr"
    assert sorted(data["keywords"]) == ["social cohesion", "youth engagement"]
    assert data["contentLocation"]["@type"] == "City"
    assert data["contentLocation"]["name"] == "Rotterdam"
    assert data["contentLocation"]["address"]["addressCountry"] == "NL"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Strong Cities Network",
        "url": f"{SITE}/",
    }
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["isBasedOn"] == [f"{SITE}/practices/peer-mediators/"]


def test_a_practice_s_linked_data_names_no_members_only_contact_nor_email(visitor, practice):
    response = visitor.get(practice.get_absolute_url())

    assert_no_email(response)
    assert "Hidden Contact" not in "".join(LD_SCRIPT.findall(response.text))


def test_a_city_page_describes_the_city_with_its_place_on_the_map(visitor, rotterdam):
    rotterdam.website = "https://www.rotterdam.nl/"
    rotterdam.save()

    data = described(visitor.get(rotterdam.get_absolute_url()), "City")

    assert data["name"] == "Rotterdam"
    assert data["url"] == f"{SITE}/cities/rotterdam/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Rotterdam",
        "addressCountry": "NL",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 51.9225, "longitude": 4.47917}
    assert data["containedInPlace"] == {"@type": "Country", "name": "Netherlands"}
    assert data["sameAs"] == "https://www.rotterdam.nl/"


def test_a_city_page_names_none_of_its_practitioners_in_its_linked_data(visitor, rotterdam):
    PractitionerFactory(city=rotterdam, full_name="Public Person", is_public=True)

    response = visitor.get(rotterdam.get_absolute_url())

    assert "Public Person" in response.text
    assert "Public Person" not in "".join(LD_SCRIPT.findall(response.text))
    assert_no_email(response)


def test_an_organisation_page_describes_the_organisation(visitor):
    organisation = PartnerOrganisationFactory(
        name="Peace Works",
        slug="peace-works",
        website="https://peace.example.org/",
        description="Mothers who talk to mothers.",
        countries=["KE", "NL"],
    )

    response = visitor.get(organisation.get_absolute_url())

    data = described(response, "Organization")
    assert data["name"] == "Peace Works"
    assert data["url"] == SITE + organisation.get_absolute_url()
    assert data["sameAs"] == "https://peace.example.org/"
    assert data["description"] == "Mothers who talk to mothers."
    assert [country["name"] for country in data["areaServed"]] == ["Kenya", "Netherlands"]
    assert_no_email(response)


def test_a_story_page_describes_a_news_article_with_its_image(visitor):
    story = StoryFactory(
        title="Mediators in Rotterdam",
        standfirst="Residents trained as mediators calm tensions.",
        publish_at=datetime(2026, 5, 2, 9, 0, tzinfo=UTC),
        themes=["social cohesion"],
        with_image=True,
    )

    data = described(visitor.get(story.get_absolute_url()), "NewsArticle")

    assert data["headline"] == "Mediators in Rotterdam"
    assert data["url"] == SITE + story.get_absolute_url()
    assert data["datePublished"] == "2026-05-02T09:00:00+00:00"
    assert data["description"] == "Residents trained as mediators calm tensions."
    assert data["image"]["url"] == SITE + story.image_url
    assert (data["image"]["width"], data["image"]["height"]) == (400, 300)
    assert data["keywords"] == ["social cohesion"]
    assert data["publisher"]["name"] == "Strong Cities Network"


def test_a_story_without_an_image_claims_none(visitor):
    story = StoryFactory()

    data = described(visitor.get(story.get_absolute_url()), "NewsArticle")

    assert "image" not in data


def test_an_event_page_describes_the_event_in_its_own_time_zone(visitor):
    organiser = PartnerOrganisationFactory(name="Youth Futures", slug="youth-futures")
    event = EventFactory(
        title="Prevention in schools",
        starts_at=datetime(2099, 5, 12, 6, 0, tzinfo=UTC),
        ends_at=datetime(2099, 5, 12, 9, 30, tzinfo=UTC),
        time_zone="Africa/Nairobi",
        venue="Kenyatta Centre, Harambee Avenue",
        city=CityFactory(name="Nairobi", country="KE"),
        organiser=organiser,
        organiser_email="organiser@private.example.org",
    )

    response = visitor.get(event.get_absolute_url())

    data = described(response, "Event")
    assert data["name"] == "Prevention in schools"
    assert data["startDate"] == "2099-05-12T09:00:00+03:00"
    assert data["endDate"] == "2099-05-12T12:30:00+03:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {
        "@type": "Place",
        "name": "Kenyatta Centre, Harambee Avenue",
        "address": {"@type": "PostalAddress", "addressLocality": "Nairobi", "addressCountry": "KE"},
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Youth Futures",
        "url": SITE + organiser.get_absolute_url(),
    }
    assert_no_email(response)


def test_an_online_event_is_at_its_registration_link(visitor):
    event = EventFactory(online=True, venue="", registration_url="https://example.org/register")

    data = described(visitor.get(event.get_absolute_url()), "Event")

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/register"}
    assert data["organizer"]["name"] == "Strong Cities Network"


def test_an_event_both_in_person_and_online_gives_both_places(visitor):
    event = EventFactory(online=True, venue="City Hall")

    data = described(visitor.get(event.get_absolute_url()), "Event")

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][1]["url"] == SITE + event.get_absolute_url()


def breakout_pages():
    city = CityFactory(name=BREAKOUT, profile=BREAKOUT)
    return {
        "practice": PracticeFactory(title=BREAKOUT, summary=BREAKOUT, city=city),
        "city": city,
        "organisation": PartnerOrganisationFactory(name=BREAKOUT, description=BREAKOUT),
        "story": StoryFactory(title=BREAKOUT, standfirst=BREAKOUT),
        "event": EventFactory(title=BREAKOUT, summary=BREAKOUT, venue=BREAKOUT),
    }


@pytest.mark.parametrize("page", ["practice", "city", "organisation", "story", "event"])
def test_a_title_cannot_close_the_data_block(visitor, page):
    response = visitor.get(breakout_pages()[page].get_absolute_url())

    assert "<script>alert(1)" not in response.text
    blocks = linked_data(response)
    assert len(blocks) == 1
    assert (blocks[0].get("name") or blocks[0].get("headline")) == BREAKOUT


def test_unpublished_content_carries_no_linked_data(author_client, author):
    draft = PracticeFactory(status=Status.DRAFT, submitted_by=author, published_at=None)

    response = author_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert linked_data(response) == []
    assert "Cite this practice" not in response.text


def test_the_data_costs_the_practice_page_no_query(
    visitor, cache_in_memory, rotterdam, django_assert_max_num_queries
):
    """As many queries as the page read without it (tests/practices/test_detail.py)."""
    practice = PracticeFactory(city=rotterdam)
    practice.adapted_from.add(PracticeFactory(), PracticeFactory())
    with django_assert_max_num_queries(4):
        response = visitor.get(practice.get_absolute_url())
    assert len(described(response, "Article")["isBasedOn"]) == 2


# --- citing a practice ----------------------------------------------------------------------


def test_the_page_gives_a_citation_with_title_year_and_permanent_address(visitor, practice):
    response = visitor.get(practice.get_absolute_url())

    plain, bib = citation(response)
    assert plain == (
        f"Rotterdam. (2024). Neighbourhood mediators [Case study]. Strong Cities Network. "
        f"{permanent(practice)}"
    )
    assert bib.startswith(f"@misc{{scn-practice-{practice.pk},")
    assert "title = {Neighbourhood mediators}," in bib
    assert "author = {{Rotterdam}}," in bib
    assert "year = {2024}," in bib
    assert "publisher = {Strong Cities Network}," in bib
    assert f"url = {{{permanent(practice)}}}," in bib
    assert "note = {Licensed under CC BY 4.0}" in bib
    assert '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">' in response.text
    assert f'<a href="{permanent(practice)}">{permanent(practice)}</a>' in response.text


def test_bibtex_escapes_its_special_characters(visitor):
    practice = PracticeFactory(title="Sport & play: 100% local_first {#1} $5 ^ ~ \\o/")

    _plain, bib = citation(visitor.get(practice.get_absolute_url()))

    assert (
        r"title = {Sport \& play: 100\% local\_first \{\#1\} \$5 \^{} \~{} \textbackslash{}o/},"
        in bib
    )


def test_a_bibtex_entry_stays_balanced_whatever_the_title(visitor):
    practice = PracticeFactory(title="Unbalanced } { }} braces")

    _plain, bib = citation(visitor.get(practice.get_absolute_url()))

    unescaped = re.sub(r"\\[{}]", "", bib)
    assert unescaped.count("{") == unescaped.count("}")


# --- the permanent address ------------------------------------------------------------------


def test_the_permanent_address_leads_to_the_practice_s_page(visitor, practice):
    response = visitor.get(reverse("practices:permalink", args=[practice.pk]))

    assert response.status_code == 301
    assert response["Location"] == practice.get_absolute_url()
    assert visitor.get(response["Location"]).status_code == 200


def test_the_permanent_address_follows_a_new_slug(visitor, practice):
    practice.slug = "mediators-in-every-neighbourhood"
    practice.save()

    response = visitor.get(reverse("practices:permalink", args=[practice.pk]))

    assert response["Location"] == "/practices/mediators-in-every-neighbourhood/"
    # Kept a while by browsers, not for ever as a bare 301 would be.
    assert "max-age=86400" in response["Cache-Control"]


def test_the_permanent_address_keeps_the_page_s_language(visitor, practice):
    response = visitor.get(f"/fr/practices/id/{practice.pk}/")

    assert response["Location"] == "/fr/practices/neighbourhood-mediators/"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.ARCHIVED])
def test_the_permanent_address_of_unpublished_practice_is_not_found(
    client, author, status, signed_in
):
    practice = PracticeFactory(status=status, submitted_by=author)
    if signed_in:
        client.force_login(author)

    response = client.get(reverse("practices:permalink", args=[practice.pk]))

    assert response.status_code == 404


@pytest.fixture(params=[False, True], ids=["visitor", "its author"])
def signed_in(request):
    return request.param


def test_a_proposed_update_has_no_permanent_address_of_its_own(visitor, practice):
    update = PracticeFactory(status=Status.PUBLISHED, update_of=practice)

    assert visitor.get(reverse("practices:permalink", args=[update.pk])).status_code == 404


def test_an_address_no_practice_has_is_not_found_either(visitor):
    assert visitor.get(reverse("practices:permalink", args=[999999])).status_code == 404
