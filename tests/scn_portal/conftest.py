"""Fixtures of the site-wide tests: `site`, the objects the public pages are about (see
pages.py for the pages and for growing the data)."""

import pytest
from django.urls.resolvers import RoutePattern

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
)


@pytest.fixture
def site():
    """One city, organisation, public practitioner, practice, news story, event and resource
    that the pages are about, in a region with a hub."""
    city = CityFactory(name="Budgetville", slug="budgetville", focus_areas=["Education"])
    organisation = PartnerOrganisationFactory(name="Budget Partners", slug="budget-partners")
    organisation.cities.add(city)
    organisation.regions.add(region("europe"))
    organisation.focus_areas.add("Education")
    practitioner = PractitionerFactory(slug="budget-person", city=city, is_public=True)
    practitioner.expertise.add("Youth work")
    practice = PracticeFactory(
        title="Budget practice",
        slug="budget-practice",
        city=city,
        contact_practitioner=practitioner,
        themes=["youth engagement", "education"],
        extremism_forms=["far-right"],
    )
    practice.organisations.add(organisation)
    practice.other_cities.add(CityFactory())
    AttachmentFactory(practice=practice)
    FaqEntryFactory()
    hub = region("europe")
    hub.hub_name = "Western Balkans hub"
    hub.save()
    hub.team.add(practitioner)
    story = StoryFactory(
        title="Budget story",
        slug="budget-story",
        with_image=True,
        themes=["youth engagement"],
        regions=[hub],
        cities=[city],
        practices=[practice],
    )
    event = EventFactory(
        title="Budget workshop", slug="budget-workshop", city=city, themes=["education"]
    )
    resource = ResourceFactory(
        title="Budget toolkit",
        slug="budget-toolkit",
        publisher=organisation,
        regions=["europe"],
        themes=["youth engagement", "education"],
    )
    return {
        "city": city,
        "organisation": organisation,
        "practitioner": practitioner,
        "practice": practice,
        "hub": hub,
        "story": story,
        "event": event,
        "resource": resource,
    }


@pytest.fixture
def patterns_tried(monkeypatch):
    """The URL patterns an address is compared with, in order, from here on."""
    tried = []
    match = RoutePattern.match

    def counted(self, path):
        tried.append(self)
        return match(self, path)

    monkeypatch.setattr(RoutePattern, "match", counted)
    return tried
