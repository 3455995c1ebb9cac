"""Fixtures of the security suite: the settings production really runs with, and the cast of
objects whose visibility the permission matrix and the XSS harness check."""

import json
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from practices.models import Status
from resources.models import ResourceStatusChange
from scn_portal.models import PublicationStatus
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    EventFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    ResourceFactory,
    StoryFactory,
    UserFactory,
    region,
    with_pdf,
)
from tests.scn_portal.test_settings import PRODUCTION_ENV, run_manage

# The settings that decide the transport headers and cookies a browser sees in production.
PRODUCTION_SETTING_NAMES = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
]


@pytest.fixture(scope="session")
def production_setting_values():
    """The values of PRODUCTION_SETTING_NAMES when the settings module loads with DEBUG off
    and no test flag, read from a separate process (this one was configured for tests)."""
    code = (
        "import json; from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {PRODUCTION_SETTING_NAMES!r}}}))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def production_settings(settings, production_setting_values):
    """This process answers requests as production would (HTTPS, HSTS, cookie flags)."""
    for name, value in production_setting_values.items():
        setattr(settings, name, value)
    return settings


@dataclass
class Cast:
    """Objects in every state a visibility rule distinguishes."""

    published: object
    authors_draft: object
    other_members_draft: object
    submitted: object
    public_practitioner: object
    members_only_practitioner: object
    city: object
    organisation: object
    published_attachment: object
    draft_attachment: object
    # the news, events and the resource hub
    hub: object
    story: object
    draft_story: object
    scheduled_story: object
    imageless_story: object
    event: object
    draft_event: object
    linked_event: object
    past_event: object
    resource: object
    linkonly_resource: object
    returned_suggestion: object
    submitted_suggestion: object

    @property
    def unpublished_titles(self):
        """Titles of everything no visitor may see, whatever its kind."""
        return [
            self.authors_draft.title,
            self.other_members_draft.title,
            self.submitted.title,
            self.draft_story.title,
            self.scheduled_story.title,
            self.draft_event.title,
            self.returned_suggestion.title,
            self.submitted_suggestion.title,
        ]


# Addresses the portal keeps and never shows (hub staff, event organisers, practitioners):
# all of them at this domain, which no page may contain.
PRIVATE_DOMAIN = "private.example.org"


def news_events_and_resources(city, organisation, published, practitioners, author, other):
    """The cast's stories, events and resources, each in a state a visibility rule
    distinguishes, all about the cast's city and its region (which gets a hub)."""
    hub = region(city.region.slug)
    hub.hub_name = "Cast hub"
    hub.hub_intro = "The hub of the cast's region."
    hub.hub_email = f"hub@{PRIVATE_DOMAIN}"
    hub.save()
    hub.team.add(*practitioners)
    now = timezone.now()
    story = StoryFactory(
        title="Published cast story",
        with_image=True,
        regions=[hub],
        cities=[city],
        practices=[published],
        themes=["youth engagement"],
    )
    draft_story = StoryFactory(
        title="Draft cast story", with_image=True, status=PublicationStatus.DRAFT, regions=[hub]
    )
    scheduled_story = StoryFactory(
        title="Scheduled cast story", publish_at=now + timedelta(days=2), regions=[hub]
    )
    imageless_story = StoryFactory(title="Imageless cast story")
    event_values = {"city": city, "organiser": organisation}
    event = EventFactory(
        title="Upcoming cast event", organiser_email=f"organiser@{PRIVATE_DOMAIN}", **event_values
    )
    draft_event = EventFactory(
        title="Draft cast event",
        status=PublicationStatus.DRAFT,
        organiser_email=f"draft-organiser@{PRIVATE_DOMAIN}",
        **event_values,
    )
    linked_event = EventFactory(
        title="Linked cast event",
        registration_url="https://example.org/register",
        organiser_email=f"linked-organiser@{PRIVATE_DOMAIN}",
        **event_values,
    )
    past_event = EventFactory(
        title="Past cast event",
        starts_at=now - timedelta(days=30),
        ends_at=now - timedelta(days=30) + timedelta(hours=2),
        organiser_email=f"past-organiser@{PRIVATE_DOMAIN}",
        **event_values,
    )
    resource = with_pdf(
        ResourceFactory(
            title="Published cast resource",
            regions=[hub.slug],
            publisher=organisation,
            suggested_by=other,
        )
    )
    linkonly_resource = ResourceFactory(title="Linkonly cast resource", regions=[hub.slug])
    returned_suggestion = with_pdf(
        ResourceFactory(
            title="Returned cast suggestion",
            suggested_by=author,
            status=Status.CHANGES_REQUESTED,
            published_at=None,
            regions=[hub.slug],
        )
    )
    ResourceStatusChange.objects.create(
        resource=returned_suggestion,
        from_status=Status.SUBMITTED,
        to_status=Status.CHANGES_REQUESTED,
        reason="Please add the year of the second edition.",
    )
    submitted_suggestion = with_pdf(
        ResourceFactory(
            title="Submitted cast suggestion",
            suggested_by=other,
            status=Status.SUBMITTED,
            published_at=None,
            regions=[hub.slug],
        )
    )
    return {
        "hub": hub,
        "story": story,
        "draft_story": draft_story,
        "scheduled_story": scheduled_story,
        "imageless_story": imageless_story,
        "event": event,
        "draft_event": draft_event,
        "linked_event": linked_event,
        "past_event": past_event,
        "resource": resource,
        "linkonly_resource": linkonly_resource,
        "returned_suggestion": returned_suggestion,
        "submitted_suggestion": submitted_suggestion,
    }


@pytest.fixture
def cast(author, other_member):
    city = CityFactory(name="Casttown")
    organisation = PartnerOrganisationFactory(name="Cast Partners")
    organisation.cities.add(city)
    published = PracticeFactory(title="Published cast practice", city=city, submitted_by=author)
    authors_draft = PracticeFactory(
        title="Author draft", city=city, submitted_by=author, status=Status.DRAFT
    )
    other_members_draft = PracticeFactory(
        title="Other member draft", city=city, submitted_by=other_member, status=Status.DRAFT
    )
    submitted = PracticeFactory(
        title="Submitted cast practice", city=city, submitted_by=author, status=Status.SUBMITTED
    )
    public_practitioner = PractitionerFactory(full_name="Pat Public", city=city, is_public=True)
    members_only_practitioner = PractitionerFactory(
        full_name="Max Membersonly", city=city, is_public=False
    )
    return Cast(
        published=published,
        authors_draft=authors_draft,
        other_members_draft=other_members_draft,
        submitted=submitted,
        public_practitioner=public_practitioner,
        members_only_practitioner=members_only_practitioner,
        city=city,
        organisation=organisation,
        published_attachment=AttachmentFactory(practice=published),
        draft_attachment=AttachmentFactory(practice=other_members_draft),
        **news_events_and_resources(
            city,
            organisation,
            published,
            [public_practitioner, members_only_practitioner],
            author,
            other_member,
        ),
    )


@pytest.fixture
def passwordless_member(db):
    """A member whose account has no usable password (so allauth offers to set one)."""
    user = UserFactory(email="nopassword@example.org")
    user.set_unusable_password()
    user.save()
    return user
