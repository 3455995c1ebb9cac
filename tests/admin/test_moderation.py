"""A moderator at work in the admin: the queue, the review screen, the three decisions with
their confirmation pages, bulk publishing, and the history each decision leaves."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from practices import workflow
from practices.models import Practice, Status, StatusChange
from tests.factories import AttachmentFactory, CityFactory, PracticeFactory, PractitionerFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:practices_practice_changelist") + "?status__exact=submitted"
CHANGELIST = reverse("admin:practices_practice_changelist")


def review_url(practice):
    return reverse("admin:practices_practice_review", args=[practice.pk])


def decide_url(practice, action):
    return reverse("admin:practices_practice_decide", args=[practice.pk, action])


def waiting_since(days, **kwargs):
    return PracticeFactory(
        status=Status.SUBMITTED,
        submitted_at=timezone.now() - timezone.timedelta(days=days),
        published_at=None,
        **kwargs,
    )


def test_the_queue_link_opens_submitted_practice(moderator_client):
    response = moderator_client.get(reverse("admin:practices_practice_queue"))
    assert response.status_code == 302
    assert response.url == QUEUE


def test_the_queue_lists_submitted_practice_oldest_first_with_city_submitter_and_wait(
    moderator_client, author, django_assert_max_num_queries
):
    newer = waiting_since(1, title="Newer submission", city=CityFactory(name="Lyon"))
    older = waiting_since(5, title="Older submission", submitted_by=author)
    public = PracticeFactory(title="Already public")
    update = waiting_since(3, title="Proposed update of the public one", update_of=public)
    PracticeFactory(status=Status.DRAFT, title="Still a draft")

    with django_assert_max_num_queries(10):
        response = moderator_client.get(QUEUE)

    page = response.content.decode()
    assert [p.pk for p in response.context["cl"].result_list] == [older.pk, update.pk, newer.pk]
    assert "Moderation queue: waiting for review" in page
    assert "Still a draft" not in page and "Already public" not in page
    assert "Lyon" in page and "Ada Author" in page
    assert "5\xa0days" in page
    assert "Proposed update" in page
    assert review_url(older) in page
    # Every row has the same status: no column for it, so the waiting time has the room.
    assert "column-status" not in page
    assert "column-waiting" in page
    # The review link comes right after the title, visible even when the table scrolls.
    assert (
        page.index("column-title") < page.index("column-review_column") < page.index("column-city")
    )


def test_the_waiting_time_is_given_in_its_largest_unit_only(moderator_client):
    PracticeFactory(
        status=Status.SUBMITTED,
        submitted_at=timezone.now() - timezone.timedelta(days=9, hours=5),
        published_at=None,
    )

    page = moderator_client.get(QUEUE).content.decode()

    assert "1\xa0week<" in page  # not "1 week, 2 days": the column stays narrow


def test_the_full_practice_list_shows_the_status(moderator_client):
    waiting_since(1)

    page = moderator_client.get(CHANGELIST).content.decode()

    assert "column-status" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=mediators", ["Neighbourhood mediators"]),
        ("q=Testville+Kiel", ["Harbour talks"]),
        ("q=author%40example.org", ["Neighbourhood mediators"]),
        ("city__region__id__exact=REGION", ["Harbour talks"]),
        ("evidence_level__exact=effective", ["Harbour talks"]),
        ("theme=online-harms", ["Harbour talks"]),
        ("kind=update", []),
    ],
)
def test_moderators_filter_and_search_the_queue(moderator_client, submission, query, expected):
    from tests.factories import region

    africa = region("africa")
    waiting_since(
        2,
        title="Harbour talks",
        city=CityFactory(name="Testville Kiel", region=africa),
        evidence_level=Practice.EvidenceLevel.EFFECTIVE,
        themes=["online harms"],
    )
    response = moderator_client.get(f"{QUEUE}&{query.replace('REGION', str(africa.pk))}")
    assert [p.title for p in response.context["cl"].result_list] == expected


def test_the_admin_index_counts_what_waits(moderator_client, submission):
    waiting_since(2)
    from tests.factories import ContactMessageFactory, MembershipApplicationFactory

    ContactMessageFactory()
    ContactMessageFactory(status="done")
    MembershipApplicationFactory.create_batch(3)
    PractitionerFactory(claim_requested_by=submission.submitted_by)
    response = moderator_client.get(reverse("admin:index"))
    items = {str(item["label"]): item["count"] for item in response.context["items"]}
    assert items["submitted practice waiting for review"] == 2
    assert items["new contact messages"] == 1
    assert items["new membership applications"] == 3
    assert items["practitioner profiles claimed by members"] == 1
    assert reverse("admin:practices_practice_queue") in response.content.decode()


def test_the_review_screen_shows_the_whole_submission(
    moderator_client, submission, author, django_assert_max_num_queries
):
    AttachmentFactory(practice=submission, title="Final evaluation")
    PracticeFactory(title="Her earlier practice", submitted_by=author)
    Practice.objects.filter(pk=submission.pk).update(approach="Trained 40 local mediators.")
    workflow.transition(submission, "request_changes", _superuser(), reason="Add outcomes.")
    Practice.objects.filter(pk=submission.pk).update(status=Status.SUBMITTED)

    with django_assert_max_num_queries(16):
        response = moderator_client.get(review_url(submission))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Neighbourhood mediators" in page
    assert "Trained 40 local mediators." in page  # the body, as on the public page
    assert "Ada Author &lt;author@example.org&gt;" in page
    assert "Final evaluation" in page
    assert "Her earlier practice" in page
    assert "Add outcomes." in page  # the history
    for action in ["publish", "request_changes", "reject"]:
        assert decide_url(submission, action) in page
    preview = reverse("practices:preview", args=[submission.pk])
    assert preview in page  # the public page as it will look
    assert moderator_client.get(preview).status_code == 200


def test_a_submitter_without_a_name_is_shown_by_address_once(moderator_client):
    from tests.factories import UserFactory

    nameless = UserFactory(email="nameless@example.org", first_name="", last_name="")
    practice = waiting_since(1, submitted_by=nameless)

    review = moderator_client.get(review_url(practice)).content.decode()
    change = moderator_client.get(
        reverse("admin:practices_practice_change", args=[practice.pk])
    ).content.decode()

    for page in (review, change):
        assert "nameless@example.org" in page
        assert "&lt;nameless@example.org&gt;" not in page


def test_the_review_screen_marks_themes_the_author_proposed(moderator_client):
    PracticeFactory(themes=["online harms"])  # published: a theme of the library
    practice = waiting_since(1, themes=["online harms", "street football"])

    page = moderator_client.get(review_url(practice)).content.decode()

    assert "online harms," in page  # already in the library: no mark
    assert "street football <strong>(new theme proposed by the author)</strong>" in page


def _superuser():
    from tests.factories import UserFactory

    return UserFactory(is_staff=True, is_superuser=True)


def test_publishing_asks_for_confirmation_first(moderator_client, submission):
    response = moderator_client.get(decide_url(submission, "publish"))
    assert response.status_code == 200
    assert "Please confirm" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.SUBMITTED
    assert not StatusChange.objects.exists()


def test_a_moderator_publishes_a_submission(
    moderator_client, moderator, submission, author, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(decide_url(submission, "publish"), {"reason": ""})

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.PUBLISHED
    assert submission.published_at is not None
    change = submission.history.get()
    assert (change.actor, change.from_status, change.to_status) == (
        moderator,
        Status.SUBMITTED,
        Status.PUBLISHED,
    )
    assert [m.to for m in mail.outbox] == [[author.email]]
    assert "http://testserver/practices/neighbourhood-mediators/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("action", "status"),
    [("request_changes", Status.CHANGES_REQUESTED), ("reject", Status.REJECTED)],
)
def test_request_changes_and_reject_need_a_reason(moderator_client, submission, action, status):
    response = moderator_client.post(
        decide_url(submission, action), {"reason": "  ", "internal_note": "kept on error"}
    )

    assert response.status_code == 200
    assert "Please give the author a reason." in response.content.decode()
    assert "kept on error" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.SUBMITTED
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize(
    ("action", "status"),
    [("request_changes", Status.CHANGES_REQUESTED), ("reject", Status.REJECTED)],
)
def test_request_changes_and_reject_record_and_send_the_reason(
    moderator_client, submission, author, action, status, django_capture_on_commit_callbacks
):
    reason = "Please remove the name of the school: it identifies pupils."
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            decide_url(submission, action), {"reason": reason, "internal_note": "2nd time"}
        )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == status
    change = submission.history.get()
    assert (change.reason, change.internal_note) == (reason, "2nd time")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [author.email]
    assert reason in mail.outbox[0].body
    assert "2nd time" not in mail.outbox[0].body
    assert "http://testserver/contribute/" in mail.outbox[0].body


def test_a_decision_on_practice_no_longer_waiting_is_refused(moderator_client, submission):
    Practice.objects.filter(pk=submission.pk).update(status=Status.REJECTED)

    response = moderator_client.post(decide_url(submission, "publish"), follow=True)

    assert "is not possible" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.REJECTED


def test_an_unknown_decision_is_a_404(moderator_client, submission):
    assert moderator_client.get(decide_url(submission, "submit")).status_code == 404
    assert moderator_client.get(decide_url(submission, "delete")).status_code == 404


def test_bulk_publish_asks_for_confirmation_then_publishes_them_all(
    moderator_client, django_capture_on_commit_callbacks
):
    waiting = [waiting_since(days) for days in (1, 2, 3)]
    draft = PracticeFactory(status=Status.DRAFT, title="A draft left alone")
    selected = [p.pk for p in [*waiting, draft]]

    confirm = moderator_client.post(
        CHANGELIST, {"action": "publish_selected", ACTION_CHECKBOX_NAME: selected}
    )
    assert confirm.status_code == 200
    assert "These 3 submissions will be published" in confirm.content.decode()
    assert "A draft left alone" in confirm.content.decode()
    assert Practice.objects.filter(status=Status.PUBLISHED).count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        done = moderator_client.post(
            CHANGELIST,
            {"action": "publish_selected", ACTION_CHECKBOX_NAME: selected, "confirm": "yes"},
            follow=True,
        )

    assert "3 practices published." in done.content.decode()
    assert set(Practice.objects.filter(status=Status.PUBLISHED)) == set(waiting)
    assert StatusChange.objects.filter(to_status=Status.PUBLISHED).count() == 3
    assert len(mail.outbox) == 3
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_publishing_a_proposed_update_replaces_the_public_text(
    moderator_client, author, django_capture_on_commit_callbacks
):
    public = PracticeFactory(title="Youth forum", submitted_by=author)
    update = workflow.propose_update(public, author)
    Practice.objects.filter(pk=update.pk).update(summary="Now in three districts.")
    workflow.transition(update, "submit", author, notify=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(decide_url(update, "publish"))
    assert response.status_code == 302, response.content.decode()[-3000:]

    public.refresh_from_db()
    assert public.summary == "Now in three districts."
    assert public.status == Status.PUBLISHED
    assert "http://testserver/practices/youth-forum/" in mail.outbox[0].body


def test_the_status_cannot_be_edited_in_the_change_form(moderator_client, submission):
    url = reverse("admin:practices_practice_change", args=[submission.pk])
    page = moderator_client.get(url)
    assert "status" not in page.context["adminform"].form.fields
    assert "Ada Author &lt;author@example.org&gt;" in page.content.decode()
    assert "/admin/scn_portal/user/" not in page.content.decode()

    data = {
        "title": "Neighbourhood mediators, revised",
        "slug": submission.slug,
        "city": submission.city_id,
        "stage": submission.stage,
        "evidence_level": submission.evidence_level,
        "language": "en",
        "scope": submission.scope,
        "themes": "youth engagement",
        "status": "published",
        "attachments-TOTAL_FORMS": 0,
        "attachments-INITIAL_FORMS": 0,
        "history-TOTAL_FORMS": 0,
        "history-INITIAL_FORMS": 0,
    }
    response = moderator_client.post(url, data)

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == "Neighbourhood mediators, revised"
    assert submission.status == Status.SUBMITTED


def test_a_moderator_archives_published_practice_from_its_review_screen(moderator_client, author):
    practice = PracticeFactory(submitted_by=author)
    page = moderator_client.get(review_url(practice)).content.decode()
    assert decide_url(practice, "archive") in page
    assert decide_url(practice, "publish") not in page

    moderator_client.post(decide_url(practice, "archive"), {"reason": "Programme ended in 2019."})

    practice.refresh_from_db()
    assert practice.status == Status.ARCHIVED
    assert practice.history.get().reason == "Programme ended in 2019."
