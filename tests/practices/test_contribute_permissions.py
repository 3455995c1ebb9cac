"""Who may do what on the contribute pages, for every actor and every status.

Only the author works on a practice here; moderators may also preview it. Everyone else
gets a 404, so that nobody learns that another member's draft exists.
"""

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import AttachmentFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ALL_STATUSES = list(Status)
EDITABLE = {Status.DRAFT, Status.CHANGES_REQUESTED}
# Every page about one practice, with the method that shows or changes it.
CONTRIBUTE_PAGES = [
    ("practices:preview", "get"),
    ("practices:edit", "get"),
    ("practices:edit", "post"),
    ("practices:submit", "post"),
    ("practices:withdraw", "post"),
    ("practices:propose_update", "post"),
]


@pytest.fixture
def make_practice(author):
    def make(status):
        practice = PracticeFactory(submitted_by=author, status=status)
        AttachmentFactory(practice=practice, title="Annual report")
        return practice

    return make


def login_redirect(url):
    return f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize("status", ALL_STATUSES)
@pytest.mark.parametrize(
    "name,method",
    CONTRIBUTE_PAGES,
)
def test_signed_out_visitor_is_sent_to_sign_in(client, make_practice, status, name, method):
    practice = make_practice(status)
    url = reverse(name, args=[practice.pk])

    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response["Location"] == login_redirect(url)


@pytest.mark.parametrize("status", ALL_STATUSES)
@pytest.mark.parametrize(
    "name,method",
    CONTRIBUTE_PAGES,
)
def test_other_member_gets_404_on_every_contribute_page(
    client, other_member, make_practice, status, name, method
):
    practice = make_practice(status)
    client.force_login(other_member)

    response = getattr(client, method)(
        reverse(name, args=[practice.pk]), {"title": "Taken over", "action": "save"}
    )

    assert response.status_code == 404
    practice.refresh_from_db()
    assert practice.status == status
    assert practice.title != "Taken over"


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_author_previews_every_status_with_download_links(author_client, make_practice, status):
    practice = make_practice(status)

    response = author_client.get(reverse("practices:preview", args=[practice.pk]))

    assert response.status_code == 200
    assert practice.title in response.text
    attachment = practice.attachments.get()
    assert f'href="{attachment.get_absolute_url()}"' in response.text
    banner = "Preview — not yet published" in response.text
    assert banner == (status != Status.PUBLISHED)


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_author_edits_only_drafts_and_changes_requested(author_client, make_practice, status):
    practice = make_practice(status)
    url = reverse("practices:edit", args=[practice.pk])

    page = author_client.get(url)
    saved = author_client.post(url, {"title": "New title", "action": "save"})

    practice.refresh_from_db()
    if status in EDITABLE:
        assert page.status_code == 200
        assert saved["Location"] == url
        assert practice.title == "New title"
    else:
        assert page["Location"] == reverse("practices:preview", args=[practice.pk])
        assert practice.title != "New title"
        assert practice.status == status


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_author_withdraws_only_a_submission(author_client, make_practice, status):
    practice = make_practice(status)

    response = author_client.post(reverse("practices:withdraw", args=[practice.pk]))

    practice.refresh_from_db()
    assert response.status_code == 302
    if status == Status.SUBMITTED:
        assert practice.status == Status.DRAFT
    else:
        assert practice.status == status
        assert "cannot be changed" in author_client.get(response["Location"]).text


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_author_proposes_an_update_only_of_published_practice(author_client, make_practice, status):
    practice = make_practice(status)

    response = author_client.post(reverse("practices:propose_update", args=[practice.pk]))

    assert response.status_code == (302 if status == Status.PUBLISHED else 404)
    assert practice.proposed_updates.exists() == (status == Status.PUBLISHED)


@pytest.mark.parametrize("status", ALL_STATUSES)
def test_moderator_previews_any_practice_but_edits_in_the_admin(
    moderator_client, make_practice, status
):
    practice = make_practice(status)

    preview = moderator_client.get(reverse("practices:preview", args=[practice.pk]))
    edit = moderator_client.get(reverse("practices:edit", args=[practice.pk]))
    withdraw = moderator_client.post(reverse("practices:withdraw", args=[practice.pk]))

    assert preview.status_code == 200
    assert practice.attachments.get().get_absolute_url() in preview.text
    assert reverse("practices:edit", args=[practice.pk]) not in preview.text
    assert edit.status_code == 404
    assert withdraw.status_code == 404
    practice.refresh_from_db()
    assert practice.status == status


@pytest.mark.parametrize("name", ["practices:submit", "practices:withdraw"])
def test_state_changes_need_post(author_client, make_practice, name):
    practice = make_practice(Status.SUBMITTED)

    assert author_client.get(reverse(name, args=[practice.pk])).status_code == 405


def test_unknown_practice_is_404(author_client):
    assert author_client.get(reverse("practices:edit", args=[999999])).status_code == 404
