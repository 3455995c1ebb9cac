"""Every model's admin: a superuser gets the list, the add form and a change form, each in a
fixed number of queries whatever the number of rows."""

import pytest
from django.urls import reverse

from cities.models import Region
from practices import workflow
from practices.models import ExtremismForm, Status, StatusChange
from privacy.models import PrivacyAction
from resources import workflow as resource_workflow
from resources.models import ResourceStatusChange
from tests.admin.conftest import make_practitioner_message
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    ContactMessageFactory,
    EventFactory,
    FaqEntryFactory,
    InterestFactory,
    MembershipApplicationFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    ResourceFactory,
    StoryFactory,
    UserFactory,
    with_pdf,
)

pytestmark = pytest.mark.django_db

ROWS = 6


def practices():
    for _ in range(ROWS):
        practice = PracticeFactory(extremism_forms=["far-right"])
        AttachmentFactory(practice=practice)
    return practice


def cities():
    for _ in range(ROWS):
        city = CityFactory(focus_areas=["youth"])
        PractitionerFactory(city=city)
    return city


def status_changes():
    moderator = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(ROWS):
        practice = PracticeFactory(status=Status.SUBMITTED)
        workflow.transition(practice, "publish", moderator, notify=False)
    return StatusChange.objects.first()


def stories():
    for _ in range(ROWS):
        story = StoryFactory(with_image=True, themes=["youth"], regions=[Region.objects.first()])
        story.cities.add(CityFactory())
        story.practices.add(PracticeFactory())
    return story


def events():
    for _ in range(ROWS):
        event = EventFactory(themes=["youth"], organiser=PartnerOrganisationFactory())
        InterestFactory(event=event)
    return event


def resources():
    for _ in range(ROWS):
        resource = with_pdf(ResourceFactory(regions=["europe"], themes=["youth"]))
    return resource


def resource_changes():
    moderator = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(ROWS):
        resource = ResourceFactory(status=Status.SUBMITTED)
        resource_workflow.transition(resource, "publish", moderator, notify=False)
    return ResourceStatusChange.objects.first()


def many(factory):
    def make():
        return [factory() for _ in range(ROWS)][-1]

    return make


MODELS = {
    "cities.region": lambda: Region.objects.first(),
    "cities.city": cities,
    "cities.partnerorganisation": many(PartnerOrganisationFactory),
    "cities.practitioner": many(PractitionerFactory),
    "cities.practitionermessage": many(make_practitioner_message),
    "cities.membershipapplication": many(MembershipApplicationFactory),
    "practices.practice": practices,
    "practices.extremismform": lambda: ExtremismForm.objects.first(),
    "practices.statuschange": status_changes,
    "scn_portal.contactmessage": many(ContactMessageFactory),
    "scn_portal.faqentry": many(FaqEntryFactory),
    "scn_portal.user": many(UserFactory),
    "news.story": stories,
    "events.event": events,
    "events.interest": many(InterestFactory),
    "resources.resource": resources,
    "resources.resourcestatuschange": resource_changes,
    "privacy.privacyaction": many(
        lambda: PrivacyAction.objects.create(
            kind=PrivacyAction.Kind.STAFF_ERASURE,
            actor=UserFactory(is_staff=True),
            counts={"contact_messages": 2},
        )
    ),
}


def admin_url(label, view, *args):
    return reverse(f"admin:{label.replace('.', '_')}_{view}", args=args)


# Queries per page, whatever the number of rows: the session, the user, the page's own (the
# practice form lists every city, organisation and form of extremism for its choices).
BUDGETS = {"changelist": 10, "add": 8, "change": 18}
PAGES = [
    (label, view)
    for label in MODELS
    for view in BUDGETS
    # History and members' interest are never added by hand.
    if (label, view)
    not in {
        ("practices.statuschange", "add"),
        ("resources.resourcestatuschange", "add"),
        ("events.interest", "add"),
        ("privacy.privacyaction", "add"),
    }
]


@pytest.mark.parametrize(("label", "view"), PAGES)
def test_superuser_gets_every_admin_page_in_a_fixed_number_of_queries(
    label, view, admin_client, django_assert_max_num_queries
):
    obj = MODELS[label]()
    args = [obj.pk] if view == "change" else []
    with django_assert_max_num_queries(BUDGETS[view]):
        response = admin_client.get(admin_url(label, view, *args))
    assert response.status_code == 200
    if view == "change":
        assert obj.pk == response.context["original"].pk


def test_the_admin_index_shows_counts_in_a_fixed_number_of_queries(
    admin_client, django_assert_max_num_queries
):
    practices()
    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse("admin:index"))
    assert response.status_code == 200


def test_staff_can_list_published_practice_whose_review_is_overdue(admin_client):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    overdue = PracticeFactory(title="Overdue", review_due=today - datetime.timedelta(days=1))
    PracticeFactory(title="Fresh", review_due=today + datetime.timedelta(days=90))
    url = admin_url("practices.practice", "changelist")
    response = admin_client.get(url, {"review": "overdue"})
    assert [p.pk for p in response.context["cl"].result_list] == [overdue.pk]
    assert "Review overdue" in response.content.decode()
