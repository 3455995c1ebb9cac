"""Writing a case study: drafts, the sections of the form, keeping input, submitting."""

import re

import pytest
from django.urls import reverse
from taggit.models import Tag

from practices import workflow
from practices.models import ExtremismForm, Practice, Status
from tests.accounts.form_state import form_state
from tests.factories import (
    AttachmentFactory,
    CityFactory,
    PartnerOrganisationFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db


def complete_data(city, **overrides):
    data = {
        "title": "Youth mentors in the northern districts",
        "city": city.pk,
        "summary": "Mentors meet young people every week.",
        "language": "en",
        "problem": "Young people were recruited online.",
        "approach": "Trained mentors, weekly meetings.",
        "target_audience": "Young people aged 14 to 20.",
        "stage": "running",
        "scope": "local",
        "start_year": "2020",
        "outcomes": "Fewer referrals.",
        "evidence_level": "described",
        "lessons": "Start with the schools.",
        "new_themes": "youth engagement, mentoring",
        "do_no_harm_confirmed": "on",
        "action": "save",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_form_is_in_sections_with_help_and_choices_from_the_database(author_client):
    city = CityFactory(name="Aarhus")
    PartnerOrganisationFactory(name="Mentor Foundation")
    PracticeFactory(themes=["online harms"])  # a published practice's theme is offered

    response = author_client.get(reverse("practices:create"))

    text = response.text
    assert response.status_code == 200
    for legend in ["1. The practice at a glance", "2. The problem and the response"]:
        assert f"<legend>{legend}</legend>" in text
    assert "<legend>6. Do no harm</legend>" in text
    assert "Facts and sources beat adjectives" in text  # help on what a good answer holds
    assert f'<option value="{city.pk}">Aarhus</option>' in text
    assert "Mentor Foundation" in text
    assert "online harms" in text
    assert "Far-right" in text or ExtremismForm.objects.first().name in text
    assert text.count("<h1") == 1


def test_draft_needs_only_a_title(author_client, author):
    response = author_client.post(
        reverse("practices:create"), {"title": "Street football", "action": "save"}
    )

    practice = Practice.objects.get()
    assert response["Location"] == reverse("practices:edit", args=[practice.pk])
    assert practice.status == Status.DRAFT
    assert practice.submitted_by == author
    assert practice.slug == "street-football"
    page = author_client.get(response["Location"])
    assert "Your draft has been saved." in page.text
    assert "Still needed before you can submit" in page.text
    assert "Summary" in page.text
    preview = author_client.get(reverse("practices:preview", args=[practice.pk]))
    assert preview.status_code == 200  # a draft with no city or themes yet previews too
    assert "Street football" in preview.text


def test_draft_without_title_is_refused_and_keeps_everything_typed(author_client, author):
    city = CityFactory()
    other = CityFactory(name="Other Town")
    organisation = PartnerOrganisationFactory()
    PracticeFactory(themes=["online harms"])
    form = ExtremismForm.objects.first()
    data = complete_data(
        city,
        title="",
        other_cities=[other.pk],
        organisations=[organisation.pk],
        extremism_forms=[form.pk],
        new_themes="street outreach",
        end_year="2010",  # before the start year: a second error
        themes=[Tag.objects.get(name="online harms").pk],
    )

    response = author_client.post(reverse("practices:create"), data)

    assert response.status_code == 200
    assert not Practice.objects.by_author(author).exists()
    assert "Please correct the errors below" in response.text
    assert "The end year cannot be before the start year." in response.text
    # The summary at the top links to each mistake, however far down the long form it is.
    summary = response.text[response.text.index("form-error-summary") :]
    summary = summary[: summary.index("</div>")]
    assert '<a href="#id_title">Title: This field is required.</a>' in summary
    assert 'href="#id_end_year">End year: The end year cannot be before' in summary
    kept = form_state(response.text)
    for name, value in data.items():
        if name == "action":
            continue
        expected = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        assert kept.get(name, [""]) == expected, name


def test_complete_practice_is_submitted_for_review(author_client, author):
    city = CityFactory()

    response = author_client.post(reverse("practices:create"), complete_data(city, action="submit"))

    practice = Practice.objects.get()
    assert response["Location"] == reverse("practices:mine")
    assert practice.status == Status.SUBMITTED
    assert set(practice.themes.names()) == {"youth engagement", "mentoring"}
    assert practice.history.get().to_status == Status.SUBMITTED
    assert "has been sent for review" in author_client.get(reverse("practices:mine")).text


def test_incomplete_submission_is_saved_and_says_what_is_missing(author_client):
    city = CityFactory()

    response = author_client.post(
        reverse("practices:create"),
        complete_data(city, action="submit", lessons="", do_no_harm_confirmed=None),
        follow=True,
    )

    practice = Practice.objects.get()
    assert practice.status == Status.DRAFT
    assert practice.summary == "Mentors meet young people every week."  # nothing lost
    assert "Before submitting, please complete" in response.text
    assert "lessons learned and transferability" in response.text
    assert "no beneficiaries or minors can be identified" in response.text


def test_draft_submit_changes_requested_resubmit_path(author_client, author, moderator):
    city = CityFactory()
    author_client.post(reverse("practices:create"), complete_data(city))
    practice = Practice.objects.get()

    author_client.post(reverse("practices:submit", args=[practice.pk]))
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
    assert author_client.get(reverse("practices:edit", args=[practice.pk])).status_code == 302

    workflow.transition(
        practice, "request_changes", moderator, reason="Please add the number of mentors."
    )
    edit_page = author_client.get(reverse("practices:edit", args=[practice.pk]))
    assert edit_page.status_code == 200
    assert "Please add the number of mentors." in edit_page.text

    author_client.post(
        reverse("practices:edit", args=[practice.pk]),
        complete_data(city, approach="Twelve trained mentors.", action="submit"),
    )

    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
    assert practice.approach == "Twelve trained mentors."
    assert [c.to_status for c in practice.history.all()] == [
        Status.SUBMITTED,
        Status.CHANGES_REQUESTED,
        Status.SUBMITTED,
    ]


def test_withdraw_returns_a_submission_to_draft(author_client, author):
    practice = PracticeFactory(submitted_by=author, status=Status.SUBMITTED)

    response = author_client.post(reverse("practices:withdraw", args=[practice.pk]))

    practice.refresh_from_db()
    assert practice.status == Status.DRAFT
    assert response["Location"] == reverse("practices:edit", args=[practice.pk])


def test_published_practice_is_not_edited_but_an_update_is_proposed(author_client, author):
    practice = PracticeFactory(submitted_by=author, title="Open doors")

    edit = author_client.get(reverse("practices:edit", args=[practice.pk]))
    assert edit["Location"] == reverse("practices:preview", args=[practice.pk])

    response = author_client.post(reverse("practices:propose_update", args=[practice.pk]))

    update = Practice.objects.get(update_of=practice)
    assert response["Location"] == reverse("practices:edit", args=[update.pk])
    page = author_client.get(response["Location"])
    assert "Propose an update of “Open doors”" in page.text
    author_client.post(
        reverse("practices:edit", args=[update.pk]),
        complete_data(practice.city, title="Open doors", outcomes="Better.", action="submit"),
    )
    update.refresh_from_db()
    practice.refresh_from_db()
    assert update.status == Status.SUBMITTED
    assert practice.status == Status.PUBLISHED
    assert practice.outcomes == "What changed."  # the public text waits for review
    assert update.slug.startswith(practice.slug)


def test_preview_looks_like_the_public_page_with_a_banner(author_client, author):
    practice = PracticeFactory(
        submitted_by=author, status=Status.DRAFT, title="Quiet rooms", problem="Noise."
    )

    response = author_client.get(reverse("practices:preview", args=[practice.pk]))

    assert response.status_code == 200
    assert "Preview — not yet published" in response.text
    assert '<h1 lang="en" dir="ltr">Quiet rooms</h1>' in response.text
    assert "practice-body" in response.text
    assert "Noise." in response.text
    assert reverse("practices:submit", args=[practice.pk]) in response.text


def article(html):
    """The practice's page without the site's header and footer, nor the preview banner."""
    return html[html.index('<article class="container practice-page">') : html.index("</article>")]


def test_preview_is_the_public_page_itself(author_client, author):
    organisation = PartnerOrganisationFactory(name="Mentor Foundation")
    practice = PracticeFactory(
        submitted_by=author, title="Quiet rooms", problem="Noise.", themes=["youth"]
    )
    practice.organisations.add(organisation)
    practice.other_cities.add(CityFactory(name="Other Town"))
    AttachmentFactory(practice=practice, title="Evaluation report")

    public = author_client.get(practice.get_absolute_url())
    preview = author_client.get(reverse("practices:preview", args=[practice.pk]))

    assert article(preview.text) == article(public.text)
    assert "library.css" in preview.text
    assert "no-store" in preview["Cache-Control"]


def test_draft_preview_has_the_public_pages_layout(author_client, author):
    practice = PracticeFactory(
        submitted_by=author, status=Status.DRAFT, title="Quiet rooms", themes=["youth"]
    )
    AttachmentFactory(practice=practice, title="Evaluation report")

    text = author_client.get(reverse("practices:preview", args=[practice.pk])).text

    for part in ["practice-header", "practice-place", "practice-aside", "Find similar practice"]:
        assert part in text, part
    assert "Evaluation report" in text
    assert "Not public." not in text  # the preview banner says it once


def test_published_preview_offers_an_update_to_its_author(author_client, author):
    practice = PracticeFactory(submitted_by=author)

    text = author_client.get(reverse("practices:preview", args=[practice.pk])).text

    assert reverse("practices:propose_update", args=[practice.pk]) in text
    assert "Preview — not yet published" not in text


def test_form_and_preview_use_a_constant_number_of_queries(
    author_client, author, django_assert_max_num_queries
):
    practice = PracticeFactory(submitted_by=author, status=Status.DRAFT)
    for number in range(3):
        CityFactory()
        PartnerOrganisationFactory()
        PracticeFactory(themes=[f"theme {number}"])
    AttachmentFactory.create_batch(3, practice=practice)

    with django_assert_max_num_queries(16):
        edit = author_client.get(reverse("practices:edit", args=[practice.pk]))
    with django_assert_max_num_queries(12):
        preview = author_client.get(reverse("practices:preview", args=[practice.pk]))

    assert edit.status_code == preview.status_code == 200


@pytest.mark.parametrize("field", ["other_cities", "organisations", "extremism_forms", "themes"])
@pytest.mark.parametrize("value", ["9223372036854775808", "-9223372036854775809", "1" * 40])
def test_a_choice_number_too_big_for_the_database_is_an_invalid_choice(author_client, field, value):
    response = author_client.post(
        reverse("practices:create"), {"title": "Big numbers", field: value, "action": "save"}
    )
    assert response.status_code == 200
    assert f"“{value}” is not a valid value." in response.context["form"].errors[field][0]
    assert not Practice.objects.exists()


def test_other_cities_and_organisations_are_lists_of_checkboxes_in_numbered_parts(
    author_client,
):
    CityFactory(name="Turku")
    PartnerOrganisationFactory(name="Peace Partners")

    response = author_client.get(reverse("practices:create"))

    text = response.text
    assert "<select" not in text.split('id="id_other_cities"')[1][:200]
    assert re.search(r'<input type="checkbox" name="other_cities" value="\d+"', text)
    assert re.search(r'<input type="checkbox" name="organisations" value="\d+"', text)
    assert "Hold Ctrl" not in text
    # Six numbered parts, listed at the top with links to each.
    assert re.findall(r"<legend>(\d)\. ", text) == ["1", "2", "3", "4", "5", "6"]
    assert 'href="#part-6"' in text and 'id="part-6"' in text
