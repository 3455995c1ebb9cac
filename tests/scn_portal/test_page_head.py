"""Every public page has one h1, its own meaningful <title>, a meta description and a
canonical link, for visitors and for signed-in members alike."""

import re

import pytest
from django.urls import reverse

from tests.factories import (
    CityFactory,
    EventFactory,
    FaqEntryFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    ResourceFactory,
    StoryFactory,
    region,
)

pytestmark = pytest.mark.django_db

SITE_TITLE = "Strong Cities Network"


@pytest.fixture
def pages():
    city = CityFactory(name="Rotterdam", slug="rotterdam", focus_areas=["youth"])
    organisation = PartnerOrganisationFactory(name="Peace Works", slug="peace-works")
    organisation.cities.add(city)
    practitioner = PractitionerFactory(full_name="Ana Lopez", city=city, is_public=True)
    practice = PracticeFactory(title="Neighbourhood mediators", city=city, themes=["youth"])
    practice.organisations.add(organisation)
    FaqEntryFactory()
    story = StoryFactory(title="Rotterdam trains mediators", with_image=True)
    event = EventFactory(title="Mediation workshop", city=city)
    resource = ResourceFactory(title="Mediation toolkit")
    return {
        "home": reverse("home"),
        "about": reverse("about"),
        "faq": reverse("faq"),
        "contact": reverse("contact"),
        "join": reverse("cities:join"),
        "cities": reverse("cities:list"),
        "city": city.get_absolute_url(),
        "organisations": reverse("cities:organisations"),
        "organisation": organisation.get_absolute_url(),
        "practitioners": reverse("cities:practitioners"),
        "practitioner": practitioner.get_absolute_url(),
        "library": reverse("practices:list"),
        "practice": practice.get_absolute_url(),
        "regions": reverse("cities:regions"),
        "hub": region("europe").get_absolute_url(),
        "news": reverse("news:list"),
        "story": story.get_absolute_url(),
        "events": reverse("events:list"),
        "past events": reverse("events:past"),
        "event": event.get_absolute_url(),
        "resources": reverse("resources:list"),
        "resource": resource.get_absolute_url(),
    }


def head(html):
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    canonical = re.search(r'<link rel="canonical" href="([^"]*)"', html).group(1)
    return title, description, canonical


@pytest.mark.parametrize("who", ["visitor", "member_client"])
def test_every_public_page_has_one_h1_a_title_a_description_and_a_canonical_link(
    who, request, pages, settings
):
    client = request.getfixturevalue(who)
    titles = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.text
        assert len(re.findall(r"<h1[\s>]", html)) == 1, name
        title, description, canonical = head(html)
        assert title.endswith(f" · {SITE_TITLE}"), name
        assert title != f"{SITE_TITLE} · {SITE_TITLE}", name
        assert description.strip(), name
        assert canonical == settings.SITE_URL + url, name
        titles[title] = name
    assert len(titles) == len(pages), "two pages share a title"


def test_a_missing_page_has_one_h1_and_a_title(visitor):
    response = visitor.get("/no-such-page/")
    assert response.status_code == 404
    assert len(re.findall(r"<h1[\s>]", response.text)) == 1
    assert head(response.text)[0] != f"{SITE_TITLE} · {SITE_TITLE}"


def test_the_pages_of_news_events_resources_and_hubs_say_what_they_are_when_shared(visitor):
    story = StoryFactory(title="Rotterdam trains mediators", with_image=True)
    pages = [
        story.get_absolute_url(),
        EventFactory(title="Mediation workshop").get_absolute_url(),
        ResourceFactory(title="Mediation toolkit").get_absolute_url(),
        region("europe").get_absolute_url(),
    ]
    for url in pages:
        html = visitor.get(url).text
        assert re.search(r'<meta property="og:title" content="[^"]+"', html), url
        assert f'<meta property="og:url" content="http://testserver{url}"' in html, url
    story_page = visitor.get(pages[0]).text
    assert f'<meta property="og:image" content="http://testserver{story.image_url}' in (
        story_page.replace("&amp;", "&")
    )
