"""“My contributions”: every practice of the member, its status, last change and the
moderator's reason."""

import pytest
from django.urls import reverse

from practices import workflow
from practices.models import Status
from tests.factories import PracticeFactory, PractitionerFactory

pytestmark = pytest.mark.django_db


def submitted(author, **kwargs):
    practice = PracticeFactory(submitted_by=author, status=Status.DRAFT, **kwargs)
    workflow.transition(practice, "submit", author, notify=False)
    return practice


def test_lists_every_own_practice_with_status_and_reason(author_client, author, moderator):
    PracticeFactory(submitted_by=author, status=Status.DRAFT, title="Draft one")
    PracticeFactory(submitted_by=author, title="Published one")
    waiting = submitted(author, title="Waiting one")
    asked = submitted(author, title="Asked one")
    workflow.transition(
        asked, "request_changes", moderator, reason="Add the budget.", internal_note="Meh."
    )
    refused = submitted(author, title="Refused one")
    workflow.transition(refused, "reject", moderator, reason="Not a prevention practice.")
    PracticeFactory(title="Somebody else's")

    response = author_client.get(reverse("practices:mine"))

    text = response.text
    for title in ["Draft one", "Published one", "Waiting one", "Asked one", "Refused one"]:
        assert title in text
    assert "Somebody else" not in text
    assert "Add the budget." in text
    assert "Not a prevention practice." in text
    assert "Meh." not in text  # the internal note stays internal
    assert "Submitted for review" in text and "Changes requested" in text
    assert reverse("practices:withdraw", args=[waiting.pk]) in text
    assert reverse("practices:edit", args=[asked.pk]) in text
    assert text.count("<h1") == 1


def test_reason_is_the_latest_one(author_client, author, moderator):
    practice = submitted(author)
    workflow.transition(practice, "request_changes", moderator, reason="First request.")
    workflow.transition(practice, "submit", author, notify=False)
    workflow.transition(practice, "request_changes", moderator, reason="Second request.")

    text = author_client.get(reverse("practices:mine")).text

    assert "Second request." in text
    assert "First request." not in text


def test_shows_the_date_of_the_last_change(author_client, author):
    practice = PracticeFactory(submitted_by=author, status=Status.DRAFT)

    text = author_client.get(reverse("practices:mine")).text

    assert f'datetime="{practice.updated_at.strftime("%Y-%m-%dT%H:%M:%S+0000")}"' in text


def test_is_paginated_with_a_constant_number_of_queries(
    author_client, author, django_assert_max_num_queries
):
    for number in range(25):
        PracticeFactory(submitted_by=author, status=Status.DRAFT, title=f"Draft {number:02}")

    with django_assert_max_num_queries(8):
        first = author_client.get(reverse("practices:mine"))
    second = author_client.get(reverse("practices:mine"), {"page": 2})
    odd = author_client.get(reverse("practices:mine"), {"page": "many"})

    assert first.text.count("<tr>") == 21  # header row and 20 practices
    assert "Page 1 of 2" in first.text
    assert second.text.count("<tr>") == 6
    assert odd.status_code == 200


def test_invites_a_member_without_profile_to_create_one(author_client, author):
    assert reverse("cities:profile") in author_client.get(reverse("practices:mine")).text
    PractitionerFactory(user=author)

    assert "Create your practitioner profile" not in (
        author_client.get(reverse("practices:mine")).text
    )
