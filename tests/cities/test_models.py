"""Rules of the cities models that must always hold, enforced by the database."""

import pytest
from django.db import IntegrityError, transaction

from cities.models import City, Practitioner
from tests.factories import CityFactory, PractitionerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "changes",
    [
        {"year_joined": 2014},
        {"year_joined": 2101},
        {"latitude": "90.5"},
        {"latitude": "-91"},
        {"longitude": "180.1"},
        {"longitude": "-181"},
        {"latitude": None},
    ],
    ids=[
        "joined-too-early",
        "joined-too-late",
        "lat-high",
        "lat-low",
        "lng-high",
        "lng-low",
        "half-coords",
    ],
)
def test_city_constraints_reject_bad_data(changes):
    city = CityFactory()
    for field, value in changes.items():
        setattr(city, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        city.save()


def test_city_slugs_are_unique():
    CityFactory(name="Aarhus", slug="aarhus")
    with pytest.raises(IntegrityError), transaction.atomic():
        CityFactory(name="Aarhus again", slug="aarhus")


def test_city_without_coordinates_is_allowed():
    city = CityFactory(latitude=None, longitude=None)
    assert not city.has_coordinates


def test_members_selects_current_members_only():
    member = CityFactory(name="Current")
    CityFactory(name="Former", membership_status=City.MembershipStatus.FORMER)
    assert list(City.objects.members()) == [member]


def test_city_urls_and_names():
    city = CityFactory(name="Mechelen", slug="mechelen")
    assert str(city) == "Mechelen"
    assert city.get_absolute_url() == "/cities/mechelen/"


def test_practitioners_are_visible_to_members_and_only_public_ones_to_visitors():
    from django.contrib.auth.models import AnonymousUser

    public = PractitionerFactory(is_public=True)
    private = PractitionerFactory(is_public=False)
    member = UserFactory()

    assert list(Practitioner.objects.visible_to(AnonymousUser())) == [public]
    assert set(Practitioner.objects.visible_to(member)) == {public, private}
