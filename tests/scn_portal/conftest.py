"""Fixtures of the site-wide tests: `site`, the objects the public pages are about (see
pages.py for the pages and for growing the data)."""

import pytest

from tests.factories import (
    AttachmentFactory,
    CityFactory,
    FaqEntryFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    region,
)


@pytest.fixture
def site():
    """One city, organisation, public practitioner and practice that the pages are about."""
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
    return {
        "city": city,
        "organisation": organisation,
        "practitioner": practitioner,
        "practice": practice,
    }
