"""`manage.py load_demo_data` (the demo data set and its --scale mode) and
`manage.py demo_accounts` (the demo member and moderator)."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from cities.models import City, MembershipApplication, PartnerOrganisation, Practitioner, Region
from demo import SAMPLE_MARK, SAMPLE_MARKS
from demo.accounts import MEMBER_EMAIL, MODERATOR_EMAIL
from practices.models import Attachment, Practice, Status, StatusChange
from practices.search import search_practices
from scn_portal.models import ContactMessage, FaqEntry


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(scope="module")
def _demo_data(django_db_setup, django_db_blocker, demo_media):
    """The demo data set, loaded once for this module and rolled back after it."""
    from django.test import override_settings

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=demo_media),
        transaction.atomic(),
    ):
        run("load_demo_data")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_data, db, settings, demo_media):
    settings.MEDIA_ROOT = demo_media


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"scn_portal", "cities", "practices", "taggit", "account"}
    }


# The demo data set


def test_every_region_has_member_cities_and_published_practice(demo):
    for region in Region.objects.all():
        assert City.objects.members().filter(region=region).exists(), region
        assert Practice.objects.published().for_region(region).exists(), region


def test_about_forty_member_cities_with_real_coordinates_and_focus_areas(demo):
    cities = City.objects.all()
    assert 38 <= cities.count() <= 45
    assert not cities.filter(latitude__isnull=True).exists()
    nairobi = City.objects.get(slug="nairobi")
    assert (round(float(nairobi.latitude)), round(float(nairobi.longitude))) == (-1, 37)
    assert nairobi.country.code == "KE"
    assert nairobi.focus_areas.exists()
    assert City.objects.filter(membership_status=City.MembershipStatus.FORMER).exists()


def test_partner_organisations_and_practitioners_with_private_and_public_profiles(demo):
    assert PartnerOrganisation.objects.count() >= 15
    assert Practitioner.objects.count() >= 40
    assert Practitioner.objects.public().exists()
    assert Practitioner.objects.filter(is_public=False).exists()
    assert Practitioner.objects.filter(accepts_messages=True).exists()
    assert Practitioner.objects.filter(accepts_messages=False).exists()
    emails = Practitioner.objects.values_list("email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)


def test_about_sixty_practices_in_every_workflow_state(demo):
    assert 55 <= Practice.objects.filter(update_of=None).count() <= 70
    present = set(Practice.objects.values_list("status", flat=True))
    assert present == set(Status.values)
    update = Practice.objects.get(update_of__isnull=False)
    assert update.status == Status.SUBMITTED
    assert update.update_of.is_published


def test_recorded_history_leads_to_each_practices_state(demo):
    for practice in Practice.objects.prefetch_related("history"):
        history = sorted(practice.history.all(), key=lambda change: change.created_at)
        if practice.status == Status.DRAFT:
            assert history == [], practice
            continue
        assert history[0].from_status == Status.DRAFT, practice
        assert history[-1].to_status == practice.status, practice
        for before, after in zip(history, history[1:], strict=False):
            assert before.to_status == after.from_status, practice


def test_moderators_give_a_reason_when_they_send_back_or_reject(demo):
    decisions = StatusChange.objects.filter(
        to_status__in=[Status.CHANGES_REQUESTED, Status.REJECTED]
    )
    assert decisions.count() >= 7
    assert not decisions.filter(reason="").exists()
    assert decisions.filter(actor__email=MODERATOR_EMAIL).count() == decisions.count()


def test_published_practice_covers_evidence_levels_and_search_words(demo):
    published = Practice.objects.published()
    evaluated = published.filter(
        evidence_level__in=[Practice.EvidenceLevel.PROMISING, Practice.EvidenceLevel.EFFECTIVE]
    )
    assert evaluated.count() >= 5
    assert published.values("evidence_level").distinct().count() >= 5
    assert search_practices(published, "youth").exists()
    assert search_practices(published, "radicalisation").exists()
    assert published.filter(themes__name="youth engagement").exists()
    assert published.filter(extremism_forms__slug="far-right").exists()


def test_every_text_is_marked_as_sample_content_in_its_own_language(demo):
    for practice in Practice.objects.all():
        mark = SAMPLE_MARKS[practice.language]
        assert practice.summary.endswith(mark), practice
        assert all(text.endswith(mark) for _heading, text in practice.sections), practice
    assert all(c.profile.endswith(SAMPLE_MARK) for c in City.objects.all())
    for entry in FaqEntry.objects.all():
        for code, mark in SAMPLE_MARKS.items():
            assert getattr(entry, f"answer_{code}").endswith(mark), (entry, code)


def test_the_library_has_case_studies_written_in_each_language(demo):
    published = Practice.objects.published()
    assert {code: published.filter(language=code).count() for code in ("fr", "ar", "es")} == {
        "fr": 2,
        "ar": 2,
        "es": 2,
    }


def test_published_practice_has_attachments_that_are_real_pdf_files(demo):
    attachments = Attachment.objects.select_related("practice")
    assert attachments.count() >= 5
    for attachment in attachments:
        assert attachment.practice.is_published
        with attachment.file.open("rb") as f:
            content = f.read()
        assert len(content) == attachment.size
        assert content.startswith(b"%PDF-1.")
        assert content.rstrip().endswith(b"%%EOF")
        # The cross-reference table points at each object, as readers expect.
        xref = int(re.search(rb"startxref\n(\d+)", content).group(1))
        assert content[xref:].startswith(b"xref")
        offsets = re.findall(rb"(\d{10}) 00000 n", content[xref:])
        for number, offset in enumerate(offsets, start=1):
            assert content[int(offset) :].startswith(b"%d 0 obj" % number)


def test_faq_contact_messages_and_membership_applications(demo):
    assert FaqEntry.objects.published().count() >= 8
    assert ContactMessage.objects.count() >= 3
    assert MembershipApplication.objects.count() >= 3


def test_demo_member_wrote_practice_in_several_states(demo):
    mine = Practice.objects.by_author(get_user_model().objects.get(email=MEMBER_EMAIL))
    states = set(mine.values_list("status", flat=True))
    assert {Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.PUBLISHED} <= states


def test_running_it_again_changes_nothing(demo):
    before = row_counts()
    updated = {p.pk: p.updated_at for p in Practice.objects.all()}
    output = run("load_demo_data")
    assert "nothing to change" in output
    assert row_counts() == before
    assert {p.pk: p.updated_at for p in Practice.objects.all()} == updated


# --scale


SMALL = ["--cities", "30", "--organisations", "10", "--practitioners", "50", "--practices", "200"]


def scale_counts():
    scale = {"slug__startswith": "scale-"}
    return (
        City.objects.filter(**scale).count(),
        PartnerOrganisation.objects.filter(**scale).count(),
        Practitioner.objects.filter(**scale).count(),
        Practice.objects.filter(**scale).count(),
    )


@pytest.mark.django_db
def test_scale_builds_exactly_the_numbers_asked_for():
    output = run("load_demo_data", "--scale", *SMALL)
    assert scale_counts() == (30, 10, 50, 200)
    assert "200 practices" in output
    practices = Practice.objects.filter(slug__startswith="scale-")
    published = practices.filter(status=Status.PUBLISHED).count()
    assert published >= 150
    assert practices.filter(status=Status.PUBLISHED).values("city__region").distinct().count() == 7
    assert practices.filter(themes__isnull=True).count() == 0
    assert practices.filter(extremism_forms__isnull=True).count() == 0
    history = StatusChange.objects.filter(practice__in=practices, to_status=Status.PUBLISHED)
    assert history.count() == published + practices.filter(status=Status.ARCHIVED).count()


@pytest.mark.django_db
def test_scale_replaces_its_previous_rows_and_leaves_other_data_alone():
    Practice.objects.create(
        title="Kept",
        slug="kept",
        city=City.objects.create(
            name="Keptown",
            slug="keptown",
            country="DE",
            region=Region.objects.first(),
            year_joined=2020,
            profile="Not generated.",
        ),
    )
    run("load_demo_data", "--scale", *SMALL)
    run(
        "load_demo_data",
        "--scale",
        "--cities",
        "5",
        "--organisations",
        "2",
        "--practitioners",
        "7",
        "--practices",
        "11",
    )
    assert scale_counts() == (5, 2, 7, 11)
    assert Practice.objects.filter(slug="kept").exists()
    assert City.objects.filter(slug="keptown").exists()


# demo_accounts


def printed_passwords(output):
    return dict(re.findall(r"email\s+(\S+)\s+password\s+(\S+)", output))


def sign_in(client, email, password):
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


@pytest.mark.django_db
def test_demo_accounts_print_how_to_sign_in_and_the_passwords_work(client, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    output = run("demo_accounts")
    assert "http://127.0.0.1:8000/accounts/login/" in output
    assert "http://127.0.0.1:8000/admin/" in output
    passwords = printed_passwords(output)
    assert set(passwords) == {MEMBER_EMAIL, MODERATOR_EMAIL}
    assert sign_in(client, MEMBER_EMAIL, passwords[MEMBER_EMAIL])
    client.logout()
    assert sign_in(client, MODERATOR_EMAIL, passwords[MODERATOR_EMAIL])
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_demo_accounts_print_the_address_the_portal_is_served_at(settings):
    settings.SITE_URL = "http://127.0.0.1:8151"
    output = run("demo_accounts")
    assert "http://127.0.0.1:8151/accounts/login/" in output
    assert "http://127.0.0.1:8151/admin/" in output
    assert ":8000" not in output


@pytest.mark.django_db
def test_demo_member_has_a_practitioner_profile_and_the_moderator_is_staff_not_superuser():
    Group.objects.get_or_create(name="Moderators")
    run("demo_accounts")
    member = get_user_model().objects.get(email=MEMBER_EMAIL)
    moderator = get_user_model().objects.get(email=MODERATOR_EMAIL)
    assert member.practitioner is not None
    assert not member.is_staff
    assert moderator.is_staff and not moderator.is_superuser
    assert moderator.groups.filter(name="Moderators").exists()
    for user in (member, moderator):
        assert user.emailaddress_set.get(email=user.email).verified


@pytest.mark.django_db
def test_demo_moderator_can_review_practice_without_the_moderators_group():
    Group.objects.filter(name="Moderators").delete()
    run("demo_accounts")
    moderator = get_user_model().objects.get(email=MODERATOR_EMAIL)
    assert moderator.has_perm("practices.moderate_practice")


@pytest.mark.django_db
def test_each_run_of_demo_accounts_sets_new_passwords(client):
    first = printed_passwords(run("demo_accounts"))
    second = printed_passwords(run("demo_accounts"))
    assert first[MEMBER_EMAIL] != second[MEMBER_EMAIL]
    assert first[MODERATOR_EMAIL] != second[MODERATOR_EMAIL]
    assert not sign_in(client, MEMBER_EMAIL, first[MEMBER_EMAIL])
    assert sign_in(client, MEMBER_EMAIL, second[MEMBER_EMAIL])
    assert get_user_model().objects.filter(email__in=[MEMBER_EMAIL, MODERATOR_EMAIL]).count() == 2


def test_the_demo_themes_are_named_in_each_language(demo):
    from scn_portal.models import TagName

    named = TagName.objects.get(tag__name="youth engagement")
    assert (named.name_fr, named.name_es) == ("engagement des jeunes", "participación juvenil")
    assert TagName.objects.exclude(name_ar=None).count() >= 15
