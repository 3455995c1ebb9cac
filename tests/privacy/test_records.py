"""The data engine behind "Download my data", "Delete my account" and staff answering a
request from someone without an account: privacy.records.Holdings and privacy.export.

One member holds something of every kind (`world`), beside other people's records that must
come through an erasure as they were."""

import json
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from cities.models import (
    MembershipApplication,
    Practitioner,
    PractitionerMessage,
    VisibilityChange,
)
from events.models import Interest
from practices import workflow
from practices.models import Attachment, Practice, Status, StatusChange
from privacy.records import ERASED, Holdings
from resources.models import Resource
from scn_portal.models import ContactMessage
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    ContactMessageFactory,
    EventFactory,
    InterestFactory,
    MembershipApplicationFactory,
    PracticeFactory,
    PractitionerFactory,
    PractitionerMessageFactory,
    ResourceFactory,
    UserFactory,
    with_pdf,
)

pytestmark = pytest.mark.django_db

NAME = "Ottilie Vanderkamp"
EMAIL = "ottilie@example.org"
# Her second address, verified in her account: her practitioner profile's contact address.
WORK_EMAIL = "o.vanderkamp@port-city.example.org"

REQUEST_CHANGES = f"{NAME}, please name the partner school."
REJECTION = f"Sorry {NAME}: this is a national programme, not a city's practice."
INTERNAL_NOTE = f"Spoke to {NAME} on the phone ({EMAIL})."


@dataclass
class World:
    person: object
    city: object
    profile: object
    published: object
    draft: object
    submitted: object
    rejected: object
    update: object
    attachments: dict  # practice title -> its attachment
    resource: object
    contact_messages: list
    application: object
    sent: object
    received: object
    interest: object
    claimed: object
    log_entry: object
    # Other people's records beside hers
    others: list
    other_files: list
    sams_message: object
    other_profile: object


def make_draft(author, **kwargs):
    return PracticeFactory(
        submitted_by=author, status=Status.DRAFT, published_at=None, submitted_at=None, **kwargs
    )


def snapshot(obj):
    """Every column of `obj` as the database holds it now."""
    obj = type(obj)._base_manager.get(pk=obj.pk)
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


@pytest.fixture
def person(db):
    return UserFactory(email=EMAIL, first_name="Ottilie", last_name="Vanderkamp")


@pytest.fixture
def world(person, moderator, other_member):
    EmailAddress.objects.create(user=person, email=WORK_EMAIL, verified=True, primary=False)
    city = CityFactory(name="Port City")

    profile = PractitionerFactory(
        user=person, full_name=NAME, email=WORK_EMAIL, city=city, is_public=True
    )
    profile.expertise.add("mentoring", "family support")
    VisibilityChange.record(profile, person)

    # A published case study, reviewed once with changes asked for by name.
    published = make_draft(person, title="Harbour youth forum", city=city)
    published.contact_practitioner = profile
    published.save()
    workflow.transition(published, "submit", person, notify=False)
    workflow.transition(
        published,
        "request_changes",
        moderator,
        reason=REQUEST_CHANGES,
        internal_note=INTERNAL_NOTE,
        notify=False,
    )
    workflow.transition(published, "submit", person, notify=False)
    workflow.transition(published, "publish", moderator, notify=False)

    draft = make_draft(person, title="Night football")
    submitted = make_draft(person, title="Mothers' circles", city=city)
    workflow.transition(submitted, "submit", person, notify=False)
    rejected = make_draft(person, title="National helpline", city=city)
    workflow.transition(rejected, "submit", person, notify=False)
    workflow.transition(
        rejected,
        "reject",
        moderator,
        reason=REJECTION,
        internal_note="Out of scope.",
        notify=False,
    )
    update = workflow.propose_update(published, person)
    attachments = {
        practice.title: AttachmentFactory(practice=practice, title=f"About {practice.title}")
        for practice in (published, draft, submitted, rejected)
    }
    attachments["update"] = AttachmentFactory(practice=update, title="New evaluation")

    resource = with_pdf(
        ResourceFactory(
            suggested_by=person,
            status=Status.SUBMITTED,
            published_at=None,
            title="Port district toolkit",
        )
    )

    # What she sent through the contact and join forms, under either address in any case.
    contact_messages = [
        ContactMessageFactory(name=NAME, email=EMAIL.upper(), message="How do cities join?"),
        ContactMessageFactory(
            name="O. Vanderkamp",
            email="O.Vanderkamp@Port-City.example.org",
            message="A question about the map.",
            staff_notes=f"Answered {NAME} by phone.",
        ),
    ]
    application = MembershipApplicationFactory(
        applicant_name=NAME,
        email=WORK_EMAIL.upper(),
        city_name="Port City",
        staff_notes=f"Call {NAME} back at {WORK_EMAIL}.",
    )

    other_profile = PractitionerFactory(full_name="Kofi Mensah", email="kofi@private.example.org")
    sent = PractitionerMessageFactory(
        sender=person,
        practitioner=other_profile,
        subject=f"From {NAME}",
        body=f"Could we talk? Write to me at {EMAIL}.",
        staff_notes=f"{NAME} asked twice.",
    )
    received = PractitionerMessageFactory(
        sender=other_member,
        practitioner=profile,
        subject=f"Question for {NAME}",
        body="How did the forum start?",
        staff_notes=f"Relayed to {WORK_EMAIL}.",
    )
    interest = InterestFactory(
        member=person, event=EventFactory(title="Prevention workshop"), note="I bring a colleague."
    )
    claimed = PractitionerFactory(full_name="Hendrika Vos", claim_requested_by=person)
    # The admin's log: staff changed her account, its line names her and her address.
    log_entry = LogEntry.objects.log_actions(
        moderator.pk,
        [person],
        CHANGE,
        change_message=f"Changed the address {EMAIL}",
        single_object=True,
    )

    # Other people's records, which her erasure must leave as they are.
    others_practice = PracticeFactory(submitted_by=other_member, title="Street mediators")
    others_draft = make_draft(other_member, title="Sports nights")
    other_files = [
        AttachmentFactory(practice=others_practice),
        AttachmentFactory(practice=others_draft),
    ]
    sams_message = ContactMessageFactory(
        name="Sam Reader",
        email="sam@example.org",
        staff_notes=f"Sam works with {NAME} in Port City.",
    )
    others = [
        other_member,
        others_practice,
        others_draft,
        *other_files,
        other_profile,
        ContactMessageFactory(name="Lea Berg", email="lea@example.org"),
        MembershipApplicationFactory(applicant_name="Amina Otieno", email="amina@example.org"),
        PractitionerMessageFactory(sender=other_member, practitioner=other_profile),
        InterestFactory(member=other_member),
        with_pdf(ResourceFactory(suggested_by=other_member, status=Status.SUBMITTED)),
        LogEntry.objects.log_actions(
            moderator.pk, [other_member], CHANGE, change_message="Changed name.", single_object=True
        ),
    ]
    return World(
        person=person,
        city=city,
        profile=profile,
        published=published,
        draft=draft,
        submitted=submitted,
        rejected=rejected,
        update=update,
        attachments=attachments,
        resource=resource,
        contact_messages=contact_messages,
        application=application,
        sent=sent,
        received=received,
        interest=interest,
        claimed=claimed,
        log_entry=log_entry,
        others=others,
        other_files=other_files,
        sams_message=sams_message,
        other_profile=other_profile,
    )


# --- finding what is held ---------------------------------------------------------------


def test_a_members_holdings_are_found_under_both_addresses(world):
    holdings = Holdings.of_user(world.person)

    assert holdings.emails == sorted([EMAIL, WORK_EMAIL])
    assert holdings.counts() == {
        "account": 1,
        "email_addresses": 2,
        "practitioner_profiles": 1,
        "practitioner_claims": 1,
        "case_studies": 5,
        "resources": 1,
        "contact_messages": 2,
        "membership_applications": 1,
        "messages_sent": 1,
        "messages_received": 1,
        "event_interests": 1,
    }
    assert not holdings.is_empty()


def test_staff_looking_up_her_second_address_find_her_account(world):
    holdings = Holdings.under_email(f"  {WORK_EMAIL.upper()} ")

    assert holdings.user == world.person
    assert holdings.emails == sorted([EMAIL, WORK_EMAIL])


# --- export -------------------------------------------------------------------------------


def test_export_holds_everything_she_gave_and_what_staff_wrote_to_her(world):
    data = Holdings.of_user(world.person).export()
    text = json.dumps(data)

    assert data["searched_addresses"] == sorted([EMAIL, WORK_EMAIL])
    assert data["account"]["email"] == EMAIL
    assert (data["account"]["first_name"], data["account"]["last_name"]) == (
        "Ottilie",
        "Vanderkamp",
    )
    assert {address["email"] for address in data["email_addresses"]} == {EMAIL, WORK_EMAIL}

    [profile] = data["practitioner_profiles"]
    assert (profile["full_name"], profile["email"]) == (NAME, WORK_EMAIL)
    assert sorted(profile["expertise"]) == ["family support", "mentoring"]
    assert [(c["listed_publicly"], c["by_you"]) for c in profile["visibility_changes"]] == [
        (True, True)
    ]

    # Drafts included, and her proposed update of the published one.
    assert len(data["case_studies"]) == 5
    assert {(s["title"], s["status"]["value"], s["update_of"]) for s in data["case_studies"]} == {
        ("Harbour youth forum", Status.PUBLISHED, None),
        ("Harbour youth forum", Status.DRAFT, "Harbour youth forum"),
        ("Night football", Status.DRAFT, None),
        ("Mothers' circles", Status.SUBMITTED, None),
        ("National helpline", Status.REJECTED, None),
    }
    published = next(s for s in data["case_studies"] if s["id"] == world.published.pk)
    assert published["city"] == "Port City"
    assert [(step["from"], step["to"]) for step in reversed(published["status_history"])] == [
        ("Draft", "Submitted for review"),
        ("Submitted for review", "Changes requested"),
        ("Changes requested", "Submitted for review"),
        ("Submitted for review", "Published"),
    ]
    for study in data["case_studies"]:
        [attachment] = study["attachments"]
        stored = Attachment.objects.get(pk=attachment["id"])
        assert stored.practice_id == study["id"]
        assert attachment["title"] == stored.title
        assert attachment["original_name"] == "evaluation-report.pdf"
        assert attachment["download"] == "http://testserver" + reverse(
            "practices:attachment", args=[stored.practice.slug, stored.pk]
        )
        # The file's place in storage is the portal's business, not hers.
        assert stored.file.name not in text

    [resource] = data["resources"]
    assert resource["title"] == "Port district toolkit"
    assert resource["download"] == "http://testserver" + reverse(
        "resources:file", args=[world.resource.slug]
    )

    assert sorted(message["message"] for message in data["contact_messages"]) == [
        "A question about the map.",
        "How do cities join?",
    ]
    [application] = data["membership_applications"]
    assert (application["applicant_name"], application["city_name"]) == (NAME, "Port City")
    [sent] = data["messages_sent"]
    assert (sent["subject"], sent["practitioner"]) == (f"From {NAME}", "Kofi Mensah")
    [received] = data["messages_received"]
    assert received["subject"] == f"Question for {NAME}"
    assert received["sender"] is None
    [interest] = data["event_interests"]
    assert (interest["event"], interest["note"]) == ("Prevention workshop", "I bring a colleague.")
    # The profile she said is hers.
    assert "Hendrika Vos" in text

    assert [(said["about"], said["decision"], said["text"]) for said in data["from_staff"]] == [
        ("case study", "Changes requested", REQUEST_CHANGES),
        ("case study", "Rejected", REJECTION),
    ]


def test_export_leaves_out_her_password_what_staff_keep_for_themselves_and_others(world):
    data = Holdings.of_user(world.person).export()
    text = json.dumps(data)

    assert "password" not in data["account"]
    assert world.person.password not in text
    # Staff's internal notes, notes on inbox items, and who handled them.
    for note in (
        INTERNAL_NOTE,
        "Out of scope.",
        f"Answered {NAME} by phone.",
        f"{NAME} asked twice.",
        f"Relayed to {WORK_EMAIL}.",
        f"Call {NAME} back",
    ):
        assert note not in text
    assert '"staff_notes"' not in text
    assert '"internal_note"' not in text
    assert '"assignee"' not in text
    # Who wrote to her through the relay stays theirs.
    assert "Olu Other" not in text and "other@example.org" not in text
    # Nobody else's records.
    for name in ("Street mediators", "Sports nights", "Sam Reader", "Lea Berg", "Amina Otieno"):
        assert name not in text


def test_export_of_someone_with_nothing_is_empty_but_valid(db):
    data = Holdings.under_email("nobody@example.org").export()

    json.dumps(data)
    assert data["account"] is None
    assert data["searched_addresses"] == ["nobody@example.org"]
    assert all(data[kind] == [] for kind in ("case_studies", "contact_messages", "from_staff"))


def test_export_queries_do_not_grow_with_her_case_studies(
    person, moderator, django_assert_max_num_queries
):
    """Each case study comes with two attachments, a history with a reason and themes: the
    export reads each kind once, whatever their number."""
    ContactMessageFactory(name=NAME, email=EMAIL)
    for number in range(6):
        practice = make_draft(person, title=f"Practice {number}", city=CityFactory())
        practice.themes.add("mentoring")
        AttachmentFactory.create_batch(2, practice=practice)
        workflow.transition(practice, "submit", person, notify=False)
        workflow.transition(
            practice, "request_changes", moderator, reason="Please add sources.", notify=False
        )
    holdings = Holdings.of_user(person)

    # The account, its addresses, profiles, case studies and their attachments, history
    # and themes, resources, contact messages, applications, messages both ways, interest.
    with django_assert_max_num_queries(13):
        data = holdings.export()

    assert len(data["case_studies"]) == 6
    assert all(len(study["attachments"]) == 2 for study in data["case_studies"])
    assert len(data["from_staff"]) == 6


# --- erasure ------------------------------------------------------------------------------


def erase(holdings, capture):
    with capture(execute=True):
        return holdings.erase()


def test_erasing_a_member_keeps_what_the_network_published_without_her(
    world, django_capture_on_commit_callbacks
):
    gone_files = [
        world.attachments[title].file.name
        for title in ("Night football", "Mothers' circles", "National helpline", "update")
    ] + [world.resource.file.name]
    kept_file = world.attachments["Harbour youth forum"].file.name
    assert all(default_storage.exists(name) for name in [*gone_files, kept_file])
    others_before = [snapshot(obj) for obj in world.others]
    sams_before = snapshot(world.sams_message)

    counts = erase(Holdings.of_user(world.person), django_capture_on_commit_callbacks)

    assert counts["case_studies"] == 5
    assert counts["contact_messages"] == 2
    # The account, its addresses and whatever was hers alone.
    assert not get_user_model().objects.filter(pk=world.person.pk).exists()
    assert not EmailAddress.objects.filter(email__in=[EMAIL, WORK_EMAIL]).exists()
    assert not Practitioner.objects.filter(pk=world.profile.pk).exists()
    assert not VisibilityChange.objects.filter(practitioner_id=world.profile.pk).exists()
    assert not ContactMessage.objects.filter(pk__in=[m.pk for m in world.contact_messages])
    assert not MembershipApplication.objects.filter(pk=world.application.pk).exists()
    assert not Interest.objects.filter(pk=world.interest.pk).exists()
    assert not Resource.objects.filter(pk=world.resource.pk).exists()

    # Her published case study stays, with its city and no author.
    published = Practice.objects.get(pk=world.published.pk)
    assert (published.status, published.submitted_by, published.city) == (
        Status.PUBLISHED,
        None,
        world.city,
    )
    assert published.contact_practitioner is None
    assert Attachment.objects.filter(practice=published).count() == 1
    assert default_storage.exists(kept_file)
    # What staff wrote about her in its history stays without her name or address.
    request = published.history.get(to_status=Status.CHANGES_REQUESTED)
    assert request.reason == f"{ERASED}, please name the partner school."
    assert request.internal_note == f"Spoke to {ERASED} on the phone ({ERASED})."

    # Drafts, submissions, the rejected one and her proposed update go, and their files.
    gone = [world.draft, world.submitted, world.rejected, world.update]
    assert not Practice.objects.filter(pk__in=[p.pk for p in gone]).exists()
    assert not StatusChange.objects.filter(practice_id__in=[p.pk for p in gone]).exists()
    assert not any(default_storage.exists(name) for name in gone_files)

    # Relayed messages stay, without who wrote them or to whom, names and addresses erased.
    sent = PractitionerMessage.objects.get(pk=world.sent.pk)
    assert (sent.sender, sent.practitioner) == (None, world.other_profile)
    assert (sent.subject, sent.body, sent.staff_notes) == (
        f"From {ERASED}",
        f"Could we talk? Write to me at {ERASED}.",
        f"{ERASED} asked twice.",
    )
    received = PractitionerMessage.objects.get(pk=world.received.pk)
    assert received.practitioner is None
    assert received.sender_id == world.others[0].pk
    assert (received.subject, received.staff_notes) == (
        f"Question for {ERASED}",
        f"Relayed to {ERASED}.",
    )

    # Her claim on someone's profile is withdrawn; the profile stays.
    claimed = Practitioner.objects.get(pk=world.claimed.pk)
    assert claimed.claim_requested_by is None
    # The admin's log keeps the line, without her.
    log_entry = LogEntry.objects.get(pk=world.log_entry.pk)
    assert (log_entry.object_repr, log_entry.change_message) == (
        ERASED,
        f"Changed the address {ERASED}",
    )

    # Other people's records are as they were, and their files in storage; a staff note
    # that named her loses only her name.
    assert [snapshot(obj) for obj in world.others] == others_before
    assert all(default_storage.exists(a.file.name) for a in world.other_files)
    assert snapshot(world.sams_message) == {
        **sams_before,
        "staff_notes": f"Sam works with {ERASED} in Port City.",
    }


def test_a_short_name_erased_from_a_long_subject_still_fits_its_column(
    django_capture_on_commit_callbacks,
):
    """ "[erased]" is longer than a name of six letters: the subject keeps to its column
    (PostgreSQL refuses a longer value, and the whole erasure with it)."""
    person = UserFactory(first_name="Ana", last_name="Li")
    limit = PractitionerMessage._meta.get_field("subject").max_length
    subject = f"Ana Li {'x' * (limit - 14)} Ana Li"
    message = PractitionerMessageFactory(sender=person, subject=subject)
    assert len(subject) == limit

    erase(Holdings.of_user(person), django_capture_on_commit_callbacks)

    message.refresh_from_db()
    assert "Ana Li" not in message.subject
    assert message.subject.startswith(ERASED)
    assert len(message.subject) <= limit


def texts_naming(needles):
    """(table, column) of every text in the database that contains one of `needles`, in
    any case: every column of characters, text or JSON of every model, join tables and the
    columns the database writes itself (the searched text) too."""
    needles = [needle.casefold() for needle in needles]
    found = set()
    for model in apps.get_models(include_auto_created=True):
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(
                field.output_field if field.generated else field,
                (models.CharField, models.TextField, models.JSONField),
            )
        ]
        if not fields:
            continue
        for row in model._base_manager.values_list(*(field.attname for field in fields)):
            for field, value in zip(fields, row, strict=True):
                if value is None:
                    continue
                if isinstance(field, models.JSONField):
                    value = json.dumps(value, ensure_ascii=False)
                if any(needle in str(value).casefold() for needle in needles):
                    found.add((model._meta.db_table, field.column))
    return found


def test_after_erasure_no_table_holds_her_name_or_address(
    world, django_capture_on_commit_callbacks
):
    needles = [NAME, EMAIL, WORK_EMAIL]
    before = texts_naming(needles)
    # The scan finds her where the records put her: her own and what staff wrote.
    assert {
        ("scn_portal_user", "email"),
        ("account_emailaddress", "email"),
        ("cities_practitioner", "full_name"),
        ("scn_portal_contactmessage", "email"),
        ("scn_portal_contactmessage", "staff_notes"),
        ("cities_membershipapplication", "applicant_name"),
        ("cities_practitionermessage", "subject"),
        ("cities_practitionermessage", "body"),
        ("practices_statuschange", "reason"),
        ("practices_statuschange", "internal_note"),
        ("django_admin_log", "object_repr"),
        ("django_admin_log", "change_message"),
    } <= before

    erase(Holdings.of_user(world.person), django_capture_on_commit_callbacks)

    assert texts_naming(needles) == set()


def test_a_staff_account_is_not_erased_here(moderator, django_capture_on_commit_callbacks):
    ContactMessageFactory(name="Mo Derator", email=moderator.email)

    for holdings in (Holdings.of_user(moderator), Holdings.under_email(moderator.email)):
        with pytest.raises(PermissionError):
            erase(holdings, django_capture_on_commit_callbacks)

    assert get_user_model().objects.filter(pk=moderator.pk).exists()
    assert ContactMessage.objects.filter(email=moderator.email).exists()


# --- someone without an account -------------------------------------------------------------

VISITOR = "jo.ashworth@example.net"
VISITOR_NAME = "Joanna Ashworth"


@pytest.fixture
def visitor_records(other_member):
    profile = PractitionerFactory(full_name=VISITOR_NAME, email="JO.ASHWORTH@example.net")
    return {
        "contact_messages": [
            ContactMessageFactory(name=VISITOR_NAME, email="Jo.Ashworth@Example.NET"),
            ContactMessageFactory(name=VISITOR_NAME, email=VISITOR, staff_notes="Answered."),
        ],
        "application": MembershipApplicationFactory(
            applicant_name=VISITOR_NAME, email=VISITOR.upper()
        ),
        "profile": profile,
        "message": PractitionerMessageFactory(
            sender=other_member,
            practitioner=profile,
            subject=f"Dear {VISITOR_NAME}",
            body="Could we meet at the conference?",
        ),
    }


@pytest.fixture
def records_under_other_addresses(other_member):
    return [
        ContactMessageFactory(name="Jo Ashworth", email="jo.ashworth@example.com"),
        ContactMessageFactory(name="Ash Worth", email="ashworth@example.net"),
        MembershipApplicationFactory(applicant_name="Amina Otieno", email="amina@example.org"),
        PractitionerFactory(email="jo@example.net"),
        other_member,
    ]


def test_staff_find_what_is_held_under_an_address_in_any_case(
    visitor_records, records_under_other_addresses
):
    holdings = Holdings.under_email(" JO.ASHWORTH@example.net ")

    assert holdings.user is None
    assert holdings.emails == [VISITOR]
    assert holdings.counts() == {
        "account": 0,
        "email_addresses": 0,
        "practitioner_profiles": 1,
        "practitioner_claims": 0,
        "case_studies": 0,
        "resources": 0,
        "contact_messages": 2,
        "membership_applications": 1,
        "messages_sent": 0,
        "messages_received": 1,
        "event_interests": 0,
    }
    data = holdings.export()
    json.dumps(data)
    assert data["account"] is None
    assert [profile["full_name"] for profile in data["practitioner_profiles"]] == [VISITOR_NAME]
    assert len(data["contact_messages"]) == 2
    assert [item["applicant_name"] for item in data["membership_applications"]] == [VISITOR_NAME]
    assert [item["subject"] for item in data["messages_received"]] == [f"Dear {VISITOR_NAME}"]


def test_staff_erase_what_is_held_under_an_address_and_nothing_else(
    visitor_records, records_under_other_addresses, django_capture_on_commit_callbacks
):
    others_before = [snapshot(obj) for obj in records_under_other_addresses]

    counts = erase(Holdings.under_email(VISITOR.upper()), django_capture_on_commit_callbacks)

    assert counts["contact_messages"] == 2
    assert not ContactMessage.objects.filter(email__iexact=VISITOR).exists()
    assert not MembershipApplication.objects.filter(email__iexact=VISITOR).exists()
    assert not Practitioner.objects.filter(pk=visitor_records["profile"].pk).exists()
    message = PractitionerMessage.objects.get(pk=visitor_records["message"].pk)
    assert (message.practitioner, message.subject) == (None, f"Dear {ERASED}")
    assert message.body == "Could we meet at the conference?"
    assert [snapshot(obj) for obj in records_under_other_addresses] == others_before
    assert texts_naming([VISITOR, VISITOR_NAME]) == set()
    assert Holdings.under_email(VISITOR).is_empty()
