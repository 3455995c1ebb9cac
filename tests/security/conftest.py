"""Fixtures of the security suite: the settings production really runs with, and the cast of
objects whose visibility the permission matrix and the XSS harness check."""

import json
from dataclasses import dataclass

import pytest

from practices.models import Status
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
    PractitionerFactory,
    UserFactory,
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
    return Cast(
        published=published,
        authors_draft=authors_draft,
        other_members_draft=other_members_draft,
        submitted=submitted,
        public_practitioner=PractitionerFactory(full_name="Pat Public", city=city, is_public=True),
        members_only_practitioner=PractitionerFactory(
            full_name="Max Membersonly", city=city, is_public=False
        ),
        city=city,
        organisation=organisation,
        published_attachment=AttachmentFactory(practice=published),
        draft_attachment=AttachmentFactory(practice=other_members_draft),
    )


@pytest.fixture
def passwordless_member(db):
    """A member whose account has no usable password (so allauth offers to set one)."""
    user = UserFactory(email="nopassword@example.org")
    user.set_unusable_password()
    user.save()
    return user
