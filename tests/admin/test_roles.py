"""Who may do what in the admin: moderators moderate and edit content but manage no users or
groups; staff without the group cannot decide; members and visitors never get in."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.urls import reverse
from taggit.models import Tag

from practices.models import Status
from tests.admin.conftest import make_practitioner_message
from tests.factories import (
    CityFactory,
    ContactMessageFactory,
    FaqEntryFactory,
    MembershipApplicationFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MODERATOR_PERMISSIONS = {
    # Requests about a person's data (issue 22): find, export, erase; read the trail and the
    # record of a profile's visibility changes.
    "privacy.handle_personal_data",
    "privacy.view_privacyaction",
    "cities.view_visibilitychange",
    "practices.view_practice",
    "practices.change_practice",
    "practices.moderate_practice",
    "practices.view_attachment",
    "practices.change_attachment",
    "practices.delete_attachment",
    "practices.view_statuschange",
    "practices.view_extremismform",
    "cities.view_region",
    "cities.view_city",
    "cities.add_city",
    "cities.change_city",
    "cities.view_partnerorganisation",
    "cities.add_partnerorganisation",
    "cities.change_partnerorganisation",
    "cities.view_practitioner",
    "cities.add_practitioner",
    "cities.change_practitioner",
    "cities.view_membershipapplication",
    "cities.change_membershipapplication",
    "cities.view_practitionermessage",
    "cities.change_practitionermessage",
    "scn_portal.view_contactmessage",
    "scn_portal.change_contactmessage",
    "scn_portal.view_faqentry",
    "scn_portal.add_faqentry",
    "scn_portal.change_faqentry",
    "taggit.view_tag",
    "taggit.add_tag",
    "taggit.change_tag",
    "scn_portal.view_tagname",
    "scn_portal.add_tagname",
    "scn_portal.change_tagname",
    # What the network publishes beyond case studies (issue 20), and the regional hubs' pages.
    "news.view_story",
    "news.add_story",
    "news.change_story",
    "events.view_event",
    "events.add_event",
    "events.change_event",
    "events.view_interest",
    "events.change_interest",
    "resources.view_resource",
    "resources.add_resource",
    "resources.change_resource",
    "resources.moderate_resource",
    "resources.view_resourcestatuschange",
    "cities.change_region",
}


def test_the_moderators_group_has_exactly_the_permissions_moderation_needs():
    group = Group.objects.get(name="Moderators")
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    assert granted == MODERATOR_PERMISSIONS


def test_a_moderator_is_a_moderator_and_others_are_not(moderator, member, admin_user):
    plain_staff = UserFactory(is_staff=True)
    assert moderator.is_moderator
    assert admin_user.is_moderator
    assert not member.is_moderator
    assert not plain_staff.is_moderator


def _objects():
    return {
        "practices_practice": PracticeFactory(status=Status.SUBMITTED),
        "cities_city": CityFactory(),
        "cities_partnerorganisation": PartnerOrganisationFactory(),
        "cities_practitioner": PractitionerFactory(),
        "cities_membershipapplication": MembershipApplicationFactory(),
        "cities_practitionermessage": make_practitioner_message(),
        "scn_portal_contactmessage": ContactMessageFactory(),
    }


def test_a_moderator_opens_and_edits_what_moderation_needs(moderator_client):
    for name, obj in _objects().items():
        changelist = moderator_client.get(reverse(f"admin:{name}_changelist"))
        change = moderator_client.get(reverse(f"admin:{name}_change", args=[obj.pk]))
        assert changelist.status_code == 200, name
        assert change.status_code == 200, name
        assert change.context["has_change_permission"], name
    for name in ["cities_city", "cities_partnerorganisation", "cities_practitioner"]:
        assert moderator_client.get(reverse(f"admin:{name}_add")).status_code == 200, name


def test_a_moderator_edits_a_city(moderator_client):
    city = CityFactory(name="Mombasa", country="KE")
    url = reverse("admin:cities_city_change", args=[city.pk])
    data = {
        "name": "Mombasa County",
        "slug": city.slug,
        "country": "KE",
        "region": city.region_id,
        "membership_status": "member",
        "year_joined": 2019,
        "profile": "A coastal city.",
        "focus_areas": "",
        "practitioners-TOTAL_FORMS": 0,
        "practitioners-INITIAL_FORMS": 0,
    }
    response = moderator_client.post(url, data)
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.name == "Mombasa County"


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:scn_portal_user_changelist"),
        reverse("admin:scn_portal_user_add"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_add"),
    ],
)
def test_a_moderator_cannot_manage_users_or_groups(moderator_client, url):
    assert moderator_client.get(url).status_code == 403


def test_a_moderator_cannot_delete_content(moderator_client):
    city = CityFactory()
    practice = PracticeFactory()
    for name, obj in [("cities_city", city), ("practices_practice", practice)]:
        response = moderator_client.post(reverse(f"admin:{name}_delete", args=[obj.pk]))
        assert response.status_code == 403


def test_a_moderator_edits_the_faq_and_the_tags_but_deletes_neither(moderator_client):
    entry = FaqEntryFactory(question="Who can join?")
    tag = Tag.objects.create(name="youth work", slug="youth-work")
    response = moderator_client.post(
        reverse("admin:scn_portal_faqentry_change", args=[entry.pk]),
        {
            # A text per language: English, and French too.
            "question_en": "Who can join the network?",
            "question_fr": "Qui peut rejoindre le réseau ?",
            "slug": entry.slug,
            "answer_en": entry.answer,
            "order": entry.order,
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry.refresh_from_db()
    assert entry.question_en == "Who can join the network?"
    assert entry.question_fr == "Qui peut rejoindre le réseau ?"
    response = moderator_client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]),
        {
            "name": "Youth work",
            "slug": "youth-work",
            # Its name in the other languages, on the same page.
            "translated_name-TOTAL_FORMS": "1",
            "translated_name-INITIAL_FORMS": "0",
            "translated_name-0-name_fr": "Travail de jeunesse",
            "translated_name-0-name_es": "",
            "translated_name-0-name_ar": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    tag.refresh_from_db()
    assert tag.name == "Youth work"
    assert tag.translated_name.name_fr == "Travail de jeunesse"
    for name, obj in [("scn_portal_faqentry", entry), ("taggit_tag", tag)]:
        response = moderator_client.post(reverse(f"admin:{name}_delete", args=[obj.pk]))
        assert response.status_code == 403


def test_a_superuser_manages_users_and_groups(admin_client):
    assert admin_client.get(reverse("admin:scn_portal_user_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:auth_group_changelist")).status_code == 200


@pytest.fixture
def plain_staff_client(client):
    """Staff without the Moderators group: may edit cities, may not decide on practice."""
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        *Group.objects.get(name="Moderators").permissions.exclude(codename="moderate_practice")
    )
    client.force_login(user)
    return client


def test_staff_without_the_moderator_permission_cannot_decide(plain_staff_client):
    practice = PracticeFactory(status=Status.SUBMITTED)
    review = reverse("admin:practices_practice_review", args=[practice.pk])
    decide = reverse("admin:practices_practice_decide", args=[practice.pk, "publish"])
    assert plain_staff_client.get(review).status_code == 403
    assert plain_staff_client.post(decide).status_code == 403
    changelist = plain_staff_client.get(reverse("admin:practices_practice_changelist"))
    assert "publish_selected" not in changelist.content.decode()
    plain_staff_client.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "publish_selected", ACTION_CHECKBOX_NAME: [practice.pk], "confirm": "yes"},
    )
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_members_and_visitors_cannot_reach_the_admin(client, member, who):
    if who == "member":
        client.force_login(member)
    practice = PracticeFactory(status=Status.SUBMITTED)
    for url in [
        reverse("admin:index"),
        reverse("admin:practices_practice_changelist"),
        reverse("admin:practices_practice_review", args=[practice.pk]),
        reverse("admin:practices_practice_decide", args=[practice.pk, "publish"]),
    ]:
        response = client.post(url) if "review/publish" in url else client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
