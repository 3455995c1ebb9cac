"""The public pages of the site over data that can grow (see conftest.site): shared by the
query budgets and the page cache tests."""

from django.urls import reverse

from practices.models import Status
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
    region,
    with_pdf,
)


def grow(site, n):
    """Add `n` of everything, much of it linked to the pages' own city, organisation,
    practitioner, practice and hub, so any per-row query would show."""
    city, organisation = site["city"], site["organisation"]
    practitioner, practice, hub = site["practitioner"], site["practice"], site["hub"]
    regions = [region("europe"), region("africa"), region("asia-pacific")]
    for i in range(n):
        other_city = CityFactory(
            region=regions[i % 3], country=["DE", "KE", "AU"][i % 3], focus_areas=[f"Area {i}"]
        )
        other_organisation = PartnerOrganisationFactory()
        other_organisation.cities.add(city, other_city)
        other_organisation.regions.add(regions[i % 3])
        organisation.cities.add(other_city)
        PractitionerFactory(city=city, is_public=True, organisation=other_organisation)
        PractitionerFactory(city=other_city, is_public=i % 2 == 0)
        for home in (city, other_city):
            other = PracticeFactory(
                city=home,
                contact_practitioner=practitioner,
                themes=["youth engagement", f"theme {i}"],
                extremism_forms=["far-right", "islamist"],
                evidence_level=["effective", "promising"][i % 2],
            )
            other.organisations.add(organisation)
            other.other_cities.add(other_city)
            other.adapted_from.add(practice)
            AttachmentFactory(practice=other)
        practice.adapted_from.add(other)
        PracticeFactory(city=city, status=Status.DRAFT)
        AttachmentFactory(practice=practice)
        FaqEntryFactory()
        story = StoryFactory(
            themes=["youth engagement", f"theme {i}"],
            regions=[hub, regions[i % 3]],
            cities=[city, other_city],
            practices=[practice, other],
        )
        story.practices.add(site["practice"])
        EventFactory(city=city, region=hub, themes=["education", f"theme {i}"])
        EventFactory(city=other_city, starts_at=story.publish_at, ends_at=story.publish_at)
        with_pdf(
            ResourceFactory(
                publisher=organisation if i % 2 else None,
                regions=["europe", regions[i % 3].slug],
                themes=["education", f"theme {i}"],
                year=2015 + i,
                language=["en", "fr", "ar"][i % 3],
            )
        )
        hub.team.add(PractitionerFactory(city=other_city, is_public=i % 2 == 0))


def visitor_pages(site):
    city, organisation = site["city"], site["organisation"]
    practitioner, practice = site["practitioner"], site["practice"]
    library = reverse("practices:list")
    cities = reverse("cities:list")
    return {
        "home": reverse("home"),
        "cities list": cities,
        "cities list, filtered": f"{cities}?region=europe&country=DE&focus=education",
        "cities list, sorted": f"{cities}?sort=practices&page=2",
        "city page": city.get_absolute_url(),
        "organisations list": reverse("cities:organisations") + "?region=europe",
        "organisation page": organisation.get_absolute_url(),
        "practitioners list": reverse("cities:practitioners"),
        "practitioner page": practitioner.get_absolute_url(),
        "library": library,
        "library, two facets": f"{library}?region=europe&theme=youth-engagement",
        "library, text query": f"{library}?q=practice+number",
        "library, page 2": f"{library}?page=2",
        "practice page": practice.get_absolute_url(),
        "about": reverse("about"),
        "faq": reverse("faq"),
        "contact": reverse("contact"),
        "join": reverse("cities:join"),
        "sitemap": reverse("sitemap"),
        "feed": reverse("practices:feed"),
        "robots.txt": reverse("robots"),
        "healthz": reverse("healthz"),
        "search": reverse("search") + "?q=practice",
        "search, events": reverse("search") + "?q=workshop&kind=event",
        "regions": reverse("cities:regions"),
        "hub page": site["hub"].get_absolute_url(),
        "news": reverse("news:list"),
        "news, filtered": reverse("news:list") + "?region=europe&theme=youth-engagement",
        "story page": site["story"].get_absolute_url(),
        "news feed": reverse("news:feed"),
        "events": reverse("events:list"),
        "past events": reverse("events:past") + "?kind=workshop",
        "event page": site["event"].get_absolute_url(),
        "event calendar file": reverse("events:ics", args=[site["event"].slug]),
        "calendar feed": reverse("events:calendar"),
        "resource hub": reverse("resources:list"),
        "resource hub, two facets": reverse("resources:list") + "?kind=toolkit&language=en",
        "resource hub, text query": reverse("resources:list") + "?q=toolkit",
        "resource page": site["resource"].get_absolute_url(),
        "open data": reverse("opendata:docs"),
        "privacy notice": reverse("privacy:notice"),
    }
