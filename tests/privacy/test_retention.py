"""Retention: what people sent is removed once older than its period in
settings.RETENTION_MONTHS (privacy.retention, `manage.py purge_expired`), and nothing sooner."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from cities.models import MembershipApplication, PractitionerMessage
from events.models import Interest
from practices.models import Attachment, Practice, Status, StatusChange
from privacy import retention
from privacy.models import PrivacyAction
from resources.models import Resource, ResourceStatusChange
from scn_portal.models import ContactMessage, InboxStatus
from tests.factories import (
    AttachmentFactory,
    ContactMessageFactory,
    InterestFactory,
    MembershipApplicationFactory,
    PracticeFactory,
    PractitionerFactory,
    ResourceFactory,
    UserFactory,
    with_pdf,
)

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
MONTHS = {
    "contact_messages": 24,
    "relayed_messages": 24,
    "applications": 24,
    "handled_applications": 36,
    "event_interests": 12,
    "rejected": 12,
}
# NOW minus each period in calendar months.
CUTOFF = {
    24: datetime(2024, 3, 31, 12, 0, tzinfo=UTC),
    36: datetime(2023, 3, 31, 12, 0, tzinfo=UTC),
    12: datetime(2025, 3, 31, 12, 0, tzinfo=UTC),
}
INSIDE = timedelta(minutes=1)
OUTSIDE = -timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _periods(settings):
    settings.RETENTION_MONTHS = dict(MONTHS)


@pytest.fixture
def frozen(monkeypatch):
    """The clock at NOW, for the command (which reads the time itself)."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)


def received(record, when):
    type(record).objects.filter(pk=record.pk).update(created_at=when)
    return record


def relayed_message():
    return PractitionerMessage.objects.create(
        sender=UserFactory(),
        practitioner=PractitionerFactory(),
        subject="Your youth forum",
        body="Could we talk about how you started it?",
    )


def rejected_practice(when, *, recorded=True):
    """A rejected case study, rejected at `when` (by its recorded change, or else by its
    last change); edited after its rejection when the change is recorded."""
    practice = PracticeFactory(status=Status.REJECTED, published_at=None)
    if recorded:
        change = StatusChange.objects.create(
            practice=practice, from_status=Status.SUBMITTED, to_status=Status.REJECTED
        )
        StatusChange.objects.filter(pk=change.pk).update(created_at=when)
        when = NOW - timedelta(days=1)
    Practice.objects.filter(pk=practice.pk).update(updated_at=when)
    return practice


def rejected_resource(when, *, recorded=True):
    resource = ResourceFactory(status=Status.REJECTED, published_at=None)
    if recorded:
        change = ResourceStatusChange.objects.create(
            resource=resource, from_status=Status.SUBMITTED, to_status=Status.REJECTED
        )
        ResourceStatusChange.objects.filter(pk=change.pk).update(created_at=when)
        when = NOW - timedelta(days=1)
    Resource.objects.filter(pk=resource.pk).update(updated_at=when)
    return resource


# kind: (months kept, makes a record that arrived or was rejected at a given moment)
KINDS = {
    "contact_messages": (24, lambda when: received(ContactMessageFactory(), when)),
    "relayed_messages": (24, lambda when: received(relayed_message(), when)),
    "applications": (24, lambda when: received(MembershipApplicationFactory(), when)),
    "handled_applications": (
        36,
        lambda when: received(MembershipApplicationFactory(status=InboxStatus.DONE), when),
    ),
    "event_interests": (12, lambda when: received(InterestFactory(), when)),
    "rejected_case_studies": (12, rejected_practice),
    "rejected_case_studies (no recorded change)": (
        12,
        lambda when: rejected_practice(when, recorded=False),
    ),
    "rejected_resources": (12, rejected_resource),
    "rejected_resources (no recorded change)": (
        12,
        lambda when: rejected_resource(when, recorded=False),
    ),
}


def exists(record):
    return type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_a_record_just_inside_its_period_stays_and_one_just_outside_goes(kind):
    months, make = KINDS[kind]
    kept = make(CUTOFF[months] + INSIDE)
    gone = make(CUTOFF[months] + OUTSIDE)

    counts = retention.purge(NOW)

    assert exists(kept)
    assert not exists(gone)
    assert counts[kind.split(" ")[0]] == 1
    assert sum(counts[other] for other in retention.RULES) == 1


def test_periods_are_calendar_months_counted_back_from_now(settings):
    settings.RETENTION_MONTHS = {**MONTHS, "contact_messages": 1}
    # One month before 31 March is the end of February, not 30 days before.
    kept = received(ContactMessageFactory(), datetime(2026, 2, 28, 12, 1, tzinfo=UTC))
    gone = received(ContactMessageFactory(), datetime(2026, 2, 28, 11, 59, tzinfo=UTC))

    retention.purge(NOW)

    assert list(ContactMessage.objects.all()) == [kept]
    assert not exists(gone)


def test_an_application_marked_done_is_kept_longer_than_one_never_handled():
    thirty_months_ago = datetime(2023, 9, 30, 12, 0, tzinfo=UTC)
    new = received(MembershipApplicationFactory(status=InboxStatus.NEW), thirty_months_ago)
    in_progress = received(
        MembershipApplicationFactory(status=InboxStatus.IN_PROGRESS), thirty_months_ago
    )
    done = received(MembershipApplicationFactory(status=InboxStatus.DONE), thirty_months_ago)

    counts = retention.purge(NOW)

    assert list(MembershipApplication.objects.all()) == [done]
    assert not exists(new) and not exists(in_progress)
    assert (counts["applications"], counts["handled_applications"]) == (2, 0)


def test_only_rejected_submissions_are_removed_however_old():
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    kept = [
        PracticeFactory(status=status, published_at=None)
        for status in (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED)
    ] + [PracticeFactory(status=Status.PUBLISHED), PracticeFactory(status=Status.ARCHIVED)]
    Practice.objects.update(created_at=long_ago, updated_at=long_ago)
    resource = ResourceFactory(status=Status.SUBMITTED, published_at=None)
    Resource.objects.update(created_at=long_ago, updated_at=long_ago)

    counts = retention.purge(NOW)

    assert sorted(Practice.objects.values_list("pk", flat=True)) == sorted(p.pk for p in kept)
    assert exists(resource)
    assert counts["rejected_case_studies"] == counts["rejected_resources"] == 0


@pytest.mark.parametrize(
    ("make", "history", "subject"),
    [
        (rejected_practice, StatusChange, "practice"),
        (rejected_resource, ResourceStatusChange, "resource"),
    ],
)
def test_a_submission_counts_from_its_rejection_not_from_its_earlier_history(
    make, history, subject
):
    recently_rejected = make(CUTOFF[12] + INSIDE)
    for from_status, to_status in [
        (Status.DRAFT, Status.SUBMITTED),
        (Status.SUBMITTED, Status.CHANGES_REQUESTED),
        (Status.CHANGES_REQUESTED, Status.SUBMITTED),
    ]:
        change = history.objects.create(
            **{subject: recently_rejected}, from_status=from_status, to_status=to_status
        )
        history.objects.filter(pk=change.pk).update(created_at=CUTOFF[12] - timedelta(days=90))

    retention.purge(NOW)

    assert exists(recently_rejected)


def test_a_rejected_case_study_leaves_with_its_attachments_and_their_files(
    django_capture_on_commit_callbacks,
):
    practice = rejected_practice(CUTOFF[12] + OUTSIDE)
    name = AttachmentFactory(practice=practice).file.name
    other = AttachmentFactory().file.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        retention.purge(NOW)

    assert not Attachment.objects.filter(practice_id=practice.pk).exists()
    assert not default_storage.exists(name)
    assert default_storage.exists(other)


def test_a_rejected_resource_suggestion_leaves_with_its_file(django_capture_on_commit_callbacks):
    resource = with_pdf(rejected_resource(CUTOFF[12] + OUTSIDE))
    recent = with_pdf(rejected_resource(CUTOFF[12] + INSIDE))
    assert default_storage.exists(resource.file.name)

    with django_capture_on_commit_callbacks(execute=True):
        retention.purge(NOW)

    assert not exists(resource)
    assert not default_storage.exists(resource.file.name)
    assert default_storage.exists(recent.file.name)


def test_a_purge_that_fails_removes_nothing_and_no_file(
    monkeypatch, django_capture_on_commit_callbacks
):
    message = received(ContactMessageFactory(), CUTOFF[24] + OUTSIDE)
    resource = with_pdf(rejected_resource(CUTOFF[12] + OUTSIDE))

    def fail(dry_run):
        raise RuntimeError("the session store is down")

    monkeypatch.setattr(retention, "_expired_sessions", fail)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        retention.purge(NOW)

    assert exists(message) and exists(resource)
    assert default_storage.exists(resource.file.name)
    assert not PrivacyAction.objects.exists()


def test_expired_sessions_are_cleared(frozen):
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=NOW - INSIDE)
    Session.objects.create(session_key="b" * 32, session_data="", expire_date=NOW + INSIDE)

    counts = retention.purge(NOW)

    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]
    assert counts["sessions"] == 1


def test_the_audit_trail_records_counts_and_nothing_about_the_people():
    for _ in range(2):
        received(
            ContactMessageFactory(name="Ingrid Vasquez", email="ingrid@example.org"),
            CUTOFF[24] + OUTSIDE,
        )
    received(
        MembershipApplicationFactory(applicant_name="Amina Otieno", email="amina@example.org"),
        CUTOFF[24] + OUTSIDE,
    )

    retention.purge(NOW)

    action = PrivacyAction.objects.get()
    assert action.kind == PrivacyAction.Kind.RETENTION
    assert action.actor is None
    assert action.counts == {
        "contact_messages": 2,
        "relayed_messages": 0,
        "applications": 1,
        "handled_applications": 0,
        "event_interests": 0,
        "rejected_case_studies": 0,
        "rejected_resources": 0,
    }
    stored = serializers.serialize("json", [action])
    for personal in ("Ingrid", "Vasquez", "ingrid@", "Amina", "Otieno", "amina@", "@example"):
        assert personal not in stored


def test_nothing_expired_leaves_no_audit_row():
    received(ContactMessageFactory(), CUTOFF[24] + INSIDE)

    assert not any(retention.purge(NOW).values())
    assert not PrivacyAction.objects.exists()


def test_the_periods_come_from_the_settings(settings):
    seven_months_ago = datetime(2025, 8, 31, 12, 0, tzinfo=UTC)
    message = received(ContactMessageFactory(), seven_months_ago)
    interest = received(InterestFactory(), seven_months_ago)

    retention.purge(NOW)
    assert exists(message) and exists(interest)

    settings.RETENTION_MONTHS = {**MONTHS, "contact_messages": 6, "event_interests": 8}
    counts = retention.purge(NOW)

    assert not exists(message)
    assert exists(interest)
    assert (counts["contact_messages"], counts["event_interests"]) == (1, 0)


# --- the command --------------------------------------------------------------------------


def run(*args):
    out = StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def line_of(output, label):
    return next(line for line in output.splitlines() if line.strip().startswith(label))


def test_the_command_reports_what_it_removed_and_from_before_when(frozen):
    for _ in range(3):
        received(ContactMessageFactory(), CUTOFF[24] + OUTSIDE)
    rejected_practice(CUTOFF[12] + OUTSIDE)
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=NOW - INSIDE)

    output = run()

    assert output.splitlines()[0] == "Expired data removed on 2026-03-31 12:00 (UTC):"
    assert line_of(output, "contact messages").split() == [
        *("contact", "messages", "3", "received", "before", "2024-03-31", "12:00"),
        *("(kept", "24", "months)"),
    ]
    assert " 1  rejected before 2025-03-31 12:00 (kept 12 months)" in line_of(
        output, "rejected case studies"
    )
    assert " 0  received before 2023-03-31 12:00 (kept 36 months)" in line_of(
        output, "membership applications handled"
    )
    assert line_of(output, "expired sessions").split()[2] == "1"
    assert output.splitlines()[-1] == "Total: 5 records removed."
    assert not ContactMessage.objects.exists()


def test_the_command_follows_the_periods_of_the_settings(frozen, settings):
    settings.RETENTION_MONTHS = {**MONTHS, "contact_messages": 1}
    received(ContactMessageFactory(), datetime(2026, 2, 28, 11, 59, tzinfo=UTC))

    output = run()

    assert " 1  received before 2026-02-28 12:00 (kept 1 month)" in line_of(
        output, "contact messages"
    )
    assert output.splitlines()[-1] == "Total: 1 record removed."


def test_a_dry_run_counts_and_removes_nothing(frozen, django_capture_on_commit_callbacks):
    message = received(ContactMessageFactory(), CUTOFF[24] + OUTSIDE)
    resource = with_pdf(rejected_resource(CUTOFF[12] + OUTSIDE))
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=NOW - INSIDE)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        output = run("--dry-run")

    assert output.splitlines()[0].startswith("Dry run on 2026-03-31 12:00 (UTC): nothing")
    assert line_of(output, "contact messages").split()[2] == "1"
    assert output.splitlines()[-1] == "Total: 3 records would be removed."
    assert exists(message) and exists(resource) and Session.objects.exists()
    assert callbacks == [] and default_storage.exists(resource.file.name)
    assert not PrivacyAction.objects.exists()


def test_the_command_with_nothing_to_remove_says_so(frozen):
    output = run()

    assert output.splitlines()[-1] == "Total: 0 records removed."
    assert not PrivacyAction.objects.exists()
    assert not Interest.objects.exists()
