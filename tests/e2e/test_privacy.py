"""A member takes their data and leaves, in a real browser (issue 22): from the profile to
"Your data", the JSON download, then deleting the account with the password, a wrong one
first."""

import json
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from practices.models import Practice, Status
from scn_portal.models import User
from tests.e2e.conftest import sign_in
from tests.factories import DEFAULT_PASSWORD, PracticeFactory, PractitionerFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_downloads_their_data_and_deletes_the_account(page):
    member = UserFactory(email="leila.member@example.org", first_name="Leila", last_name="Amrani")
    PractitionerFactory(user=member, full_name="Leila Amrani", email=member.email)
    published = PracticeFactory(
        submitted_by=member, status=Status.PUBLISHED, title="Street mediators"
    )
    PracticeFactory(submitted_by=member, status=Status.DRAFT, title="My half-written draft")

    sign_in(page, member.email, DEFAULT_PASSWORD)
    page.goto(page.base_url + "/profile/")
    page.get_by_role("link", name="Your data: download it or delete your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data")
    expect(page.get_by_text("Case studies: 2")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data").click()
    download = download_info.value
    assert re.fullmatch(r"scn-portal-data-\d{4}-\d{2}-\d{2}\.json", download.suggested_filename)
    document = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert document["account"]["email"] == "leila.member@example.org"
    assert {study["title"] for study in document["case_studies"]} == {
        "Street mediators",
        "My half-written draft",
    }
    assert document["practitioner_profiles"][0]["full_name"] == "Leila Amrani"

    page.get_by_role("link", name="Delete my account…").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete your account")
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account for good").click()
    expect(
        page.get_by_text("That is not your password. Nothing has been deleted.").first
    ).to_be_visible()
    assert User.objects.filter(pk=member.pk).exists()

    page.get_by_label("Your password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Delete my account for good").click()
    expect(page.get_by_text("have been deleted")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()

    assert not User.objects.filter(email="leila.member@example.org").exists()
    assert Practice.objects.get(pk=published.pk).submitted_by is None
    assert not Practice.objects.filter(title="My half-written draft").exists()
    # The live server runs in this process: the confirmation is in the locmem outbox.
    assert [message.to for message in mail.outbox] == [["leila.member@example.org"]]

    # Signing in again is no longer possible.
    sign_in(page, "leila.member@example.org", DEFAULT_PASSWORD)
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
