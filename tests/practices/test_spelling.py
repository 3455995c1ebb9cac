"""Spelling correction (practices/spelling.py) on both databases: a visitor is offered
"Did you mean" for a one- or two-letter mistake in a word of published practice, and never a
word that only unpublished practice carries."""

import pytest
from django.urls import reverse

from practices import spelling, workflow
from practices.models import PracticeWords, SearchWord, Status
from practices.search import correct
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def search_page(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def vocabulary():
    return dict(SearchWord.objects.values_list("word", "practices"))


@pytest.mark.parametrize("query", ["radicalsation", "yuoth", "radcalisaton", "mentorng"])
def test_a_visitor_is_offered_the_published_word_for_a_small_mistake(client, query):
    PracticeFactory(
        title="Preventing radicalisation online",
        summary="Mentoring for youth at risk.",
        themes=["online harms"],
    )

    text = search_page(client, query)

    assert "Did you mean" in text
    assert "1 result for" in text


def test_a_mistake_in_a_theme_is_corrected_too():
    PracticeFactory(title="A programme", themes=["community policing"])
    assert correct("comunity polcing") == "community policing"


def test_a_known_word_is_left_alone_and_a_stranger_too():
    PracticeFactory(title="Youth mentoring")
    assert correct("youth") is None
    assert correct("zzyzxqq") is None


def test_excluded_words_are_kept_in_the_correction():
    PracticeFactory(title="Youth mentoring")
    assert correct("yuoth -online") == "youth -online"


def test_the_most_used_of_two_equally_near_words_is_offered():
    PracticeFactory(title="Sports clubs")
    PracticeFactory(title="Sport for all")
    PracticeFactory(title="Sport in schools")
    # "spord" is one letter from both "sport" and "sports" is two: the nearer wins.
    assert correct("spord") == "sport"


@pytest.mark.parametrize(
    "status", [Status.DRAFT, Status.SUBMITTED, Status.REJECTED, Status.ARCHIVED]
)
def test_words_only_in_unpublished_practice_are_never_suggested(client, status):
    PracticeFactory(title="Mentoring for young people", status=status, published_at=None)
    PracticeFactory(title="Zyxwark marathon", status=status, published_at=None)
    PracticeFactory(title="Community policing")

    text = search_page(client, "marathn or mentorng")

    assert "marathon" not in text
    assert "zyxwark" not in search_page(client, "zyxwrk").lower()
    assert "mentoring" not in vocabulary()
    assert correct("marathn") is None


def test_the_demo_case_a_rejected_word_is_not_suggested_beside_a_published_one(client):
    PracticeFactory(title="Youth mentoring in schools")
    PracticeFactory(title="City marathon for cohesion", status=Status.REJECTED)

    text = search_page(client, "marathn or mentorng")

    assert "marathon" not in text
    assert correct("marathn or mentorng") == "marathn or mentoring"


def test_a_word_leaves_when_its_only_practice_is_archived(moderator):
    practice = PracticeFactory(title="The marathon of listening")
    assert correct("marathn") == "marathon"

    workflow.transition(practice, "archive", moderator, notify=False)

    assert correct("marathn") is None
    assert "marathon" not in vocabulary()


def test_a_word_leaves_when_its_practice_is_edited(moderator):
    practice = PracticeFactory(title="The marathon of listening")
    practice.title = "The relay of listening"
    practice.save()

    assert correct("marathn") is None
    assert correct("rellay") == "relay"


def test_a_word_leaves_when_its_practice_is_deleted():
    practice = PracticeFactory(title="The marathon of listening")
    practice.delete()

    assert correct("marathn") is None
    assert vocabulary() == {}


def test_a_word_leaves_when_its_theme_is_removed():
    practice = PracticeFactory(title="A programme", themes=["exit and reintegration"])
    assert correct("reintegraton") == "reintegration"

    practice.themes.set(["education"])

    assert correct("reintegraton") is None


def test_a_word_stays_while_another_published_practice_carries_it(moderator):
    first = PracticeFactory(title="Marathon for peace")
    PracticeFactory(title="Marathon of cities")
    assert vocabulary()["marathon"] == 2

    workflow.transition(first, "archive", moderator, notify=False)

    assert vocabulary()["marathon"] == 1
    assert correct("marathn") == "marathon"


def test_a_word_arrives_when_a_submission_is_published(moderator):
    practice = PracticeFactory(title="Marathon for peace", status=Status.SUBMITTED)
    assert correct("marathn") is None

    workflow.transition(practice, "publish", moderator, notify=False)

    assert correct("marathn") == "marathon"


def test_a_proposed_update_lends_no_word_until_it_is_published(moderator):
    practice = PracticeFactory(title="Listening circles")
    update = workflow.propose_update(practice, practice.submitted_by)
    update.title = "Listening circles and a marathon"
    update.save()

    assert correct("marathn") is None
    assert correct("listenng") == "listening"


def test_counting_from_scratch_gives_what_was_counted_step_by_step(moderator):
    kept = PracticeFactory(title="Marathon for peace", themes=["youth engagement"])
    PracticeFactory(title="Marathon of cities", summary="Runners and mayors together.")
    archived = PracticeFactory(title="Quiet rooms")
    workflow.transition(archived, "archive", moderator, notify=False)
    kept.title = "Relay for peace"
    kept.save()
    step_by_step = vocabulary()

    spelling.refresh()

    assert vocabulary() == step_by_step
    assert "quiet" not in step_by_step
    assert step_by_step["peace"] == 1
    assert PracticeWords.objects.count() == 2
