"""Fixtures for the admin tests: a submission waiting for review, and messages relayed to
practitioners (which tests/factories.py does not make)."""

import pytest
from django.utils import timezone

from cities.models import PractitionerMessage
from practices.models import Status
from tests.factories import PracticeFactory, PractitionerFactory, UserFactory


def make_practitioner_message(**kwargs):
    defaults = {
        "sender": UserFactory(),
        "practitioner": PractitionerFactory(),
        "subject": "Your youth forum",
        "body": "Could we talk about how you started it?",
    }
    return PractitionerMessage.objects.create(**{**defaults, **kwargs})


@pytest.fixture
def submission(author):
    """A case study its author submitted an hour ago."""
    return PracticeFactory(
        title="Neighbourhood mediators",
        status=Status.SUBMITTED,
        submitted_by=author,
        submitted_at=timezone.now() - timezone.timedelta(hours=1),
        published_at=None,
    )
