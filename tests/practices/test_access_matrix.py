"""Who sees a practice's page and downloads its attachments, for every status and actor.

Published practice is everyone's; in any other status only its author and the moderators
see it, and anyone else gets a 404 that does not confirm it exists.
"""

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import AttachmentFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ACTORS = ["visitor", "other_member", "author", "moderator"]


def expected_status(status, actor):
    if status == Status.PUBLISHED or actor in ("author", "moderator"):
        return 200
    return 404


@pytest.fixture
def as_actor(client, request):
    def sign_in(actor):
        if actor != "visitor":
            client.force_login(request.getfixturevalue(actor))
        return client

    return sign_in


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("actor", ACTORS)
def test_who_sees_the_page_and_downloads_its_attachment(as_actor, author, status, actor):
    practice = PracticeFactory(submitted_by=author, status=status, title="Quiet rooms")
    attachment = AttachmentFactory(practice=practice, title="Annual report")
    client = as_actor(actor)
    expected = expected_status(status, actor)

    page = client.get(practice.get_absolute_url())
    download = client.get(reverse("practices:attachment", args=[practice.slug, attachment.pk]))

    assert page.status_code == expected
    assert download.status_code == expected
    if expected == 200:
        assert "Quiet rooms" in page.text
        assert download["Content-Type"] == "application/pdf"
        if status != Status.PUBLISHED:
            assert "no-store" in download["Cache-Control"]
    else:
        assert "Quiet rooms" not in page.text
