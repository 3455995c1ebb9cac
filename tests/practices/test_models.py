"""Rules of the practice model that must always hold, and what its querysets select."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from practices.models import SECTIONS, Attachment, Practice, Status
from tests.factories import AttachmentFactory, CityFactory, PracticeFactory, region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "changes",
    [
        {"start_year": 1989},
        {"start_year": 2101},
        {"end_year": 1900},
        {"end_year": 2101},
        {"start_year": 2020, "end_year": 2019},
    ],
    ids=["start-too-early", "start-too-late", "end-too-early", "end-too-late", "ends-before-start"],
)
def test_practice_constraints_reject_bad_years(changes):
    practice = PracticeFactory()
    for field, value in changes.items():
        setattr(practice, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        practice.save()


@pytest.mark.parametrize(
    "status", [Status.SUBMITTED, Status.PUBLISHED, Status.REJECTED, Status.ARCHIVED]
)
def test_practice_needs_a_city_once_submitted(status):
    practice = PracticeFactory(status=status)
    practice.city = None
    with pytest.raises(IntegrityError), transaction.atomic():
        practice.save()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.CHANGES_REQUESTED])
def test_a_draft_may_have_no_city_yet(status):
    practice = PracticeFactory(status=status, city=None, published_at=None)
    assert Practice.objects.get(pk=practice.pk).city is None


def test_practice_refuses_an_unknown_status():
    practice = PracticeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Practice.objects.filter(pk=practice.pk).update(status="lost")


def test_clean_explains_an_end_year_before_the_start():
    practice = PracticeFactory.build(start_year=2020, end_year=2018)
    with pytest.raises(ValidationError) as error:
        practice.clean()
    assert "end_year" in error.value.message_dict


def test_practice_slugs_are_unique():
    PracticeFactory(slug="youth-forum")
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(slug="youth-forum")


def test_published_selects_published_practice_but_not_pending_updates():
    published = PracticeFactory()
    for status in [s for s in Status if s != Status.PUBLISHED]:
        PracticeFactory(status=status)
    PracticeFactory(update_of=published, status=Status.PUBLISHED)
    assert list(Practice.objects.published()) == [published]


def test_visible_to_decides_who_sees_what(author, other_member, moderator):
    published = PracticeFactory()
    draft = PracticeFactory(status=Status.DRAFT, submitted_by=author)
    submitted = PracticeFactory(status=Status.SUBMITTED)

    assert set(Practice.objects.visible_to(AnonymousUser())) == {published}
    assert set(Practice.objects.visible_to(other_member)) == {published}
    assert set(Practice.objects.visible_to(author)) == {published, draft}
    assert set(Practice.objects.visible_to(moderator)) == {published, draft, submitted}


def test_awaiting_review_lists_submitted_practice_oldest_first():
    newer = PracticeFactory(status=Status.SUBMITTED)
    older = PracticeFactory(status=Status.SUBMITTED)
    Practice.objects.filter(pk=older.pk).update(submitted_at=newer.submitted_at.replace(year=2020))
    PracticeFactory(status=Status.DRAFT)
    assert list(Practice.objects.awaiting_review()) == [older, newer]


def test_for_region_selects_practice_of_cities_in_that_region():
    european = PracticeFactory(city=CityFactory(region=region("europe")))
    PracticeFactory(city=CityFactory(region=region("africa")))
    assert list(Practice.objects.for_region(region("europe"))) == [european]


def test_attachments_are_visible_only_where_their_practice_is(author, other_member):
    public = AttachmentFactory()
    private = AttachmentFactory(practice=PracticeFactory(status=Status.DRAFT, submitted_by=author))
    assert list(Attachment.objects.visible_to(other_member)) == [public]
    assert set(Attachment.objects.visible_to(author)) == {public, private}


def test_attachment_download_name_is_safe_and_ends_in_pdf():
    attachment = AttachmentFactory.build(original_name="../../etc/Report 2023.exe")
    assert attachment.download_name == "Report 2023.pdf"


def test_sections_follow_the_case_study_structure_and_skip_empty_ones(db):
    practice = PracticeFactory(problem="Recruitment online.", approach="", lessons="Start small.")
    headings = [heading for heading, _ in practice.sections]
    assert headings[0] == "The problem it addresses"
    assert "Approach and activities" not in headings
    assert headings[-1] in {"Lessons learned and transferability", "Resources needed"}


def test_each_section_is_on_the_form_and_in_the_admin_once_in_order_with_help():
    from django.contrib import admin

    from practices.forms import FIELDSETS, PracticeForm

    on_form = [name for *_, names in FIELDSETS for name in names if name in SECTIONS]
    fieldsets = admin.site.get_model_admin(Practice).fieldsets
    in_admin = [name for _, options in fieldsets for name in options["fields"] if name in SECTIONS]
    assert on_form == in_admin == list(SECTIONS)
    assert set(SECTIONS) <= set(PracticeForm._meta.help_texts)


def test_every_evidence_level_says_what_it_means():
    assert set(Practice.EVIDENCE_MEANINGS) == set(Practice.EvidenceLevel)
    assert all(str(meaning).strip() for meaning in Practice.EVIDENCE_MEANINGS.values())
