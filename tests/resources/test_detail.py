"""A resource's page and its PDF: what the page shows, who sees it in each state, how the
file is served, and a fixed number of queries."""

import pytest
from django.urls import reverse

from practices.models import Status
from tests.factories import MINIMAL_PDF, PartnerOrganisationFactory, ResourceFactory, with_pdf

pytestmark = pytest.mark.django_db

UNPUBLISHED = [Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.REJECTED,
               Status.ARCHIVED]  # fmt: skip


def test_the_page_shows_every_field_with_links(visitor):
    publisher = PartnerOrganisationFactory(name="Peace Institute", slug="peace-institute")
    resource = with_pdf(
        ResourceFactory(
            title="Guide des médiateurs",
            kind="guide",
            summary="Pour les médiateurs de quartier.\nDeux lignes.",
            language="fr",
            year=2021,
            publisher=publisher,
            themes=["social cohesion", "education"],
            regions=["europe", "africa"],
            url="https://example.org/guide",
        )
    )
    response = visitor.get(resource.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert '<h1 lang="fr" dir="ltr">Guide des médiateurs</h1>' in text
    assert "Pour les médiateurs de quartier.<br>Deux lignes." in text
    assert '<a href="/resources/?kind=guide">Guide</a>' in text
    assert '<a href="/organisations/peace-institute/">Peace Institute</a>' in text
    assert '<a href="/resources/?year=2021">2021</a>' in text
    assert '<a href="/resources/?language=fr">French</a>' in text
    assert '<a href="/resources/?theme=education">education</a>' in text
    assert '<a href="/resources/?theme=social-cohesion">social cohesion</a>' in text
    assert '<a href="/regions/europe/">Europe</a>' in text
    assert '<a href="/regions/africa/">Africa</a>' in text
    file_url = reverse("resources:file", args=[resource.slug])
    assert f'<a class="button" href="{file_url}" download>Download the PDF</a>' in text
    assert f"(PDF, {len(MINIMAL_PDF)}\xa0bytes)" in text
    assert 'href="https://example.org/guide" rel="noopener noreferrer"' in text
    assert "(leaves this site)" in text


def test_a_resource_of_the_network_with_only_a_link(visitor):
    resource = ResourceFactory(publisher=None, regions=[])
    text = visitor.get(resource.get_absolute_url()).text
    assert "<dd>Strong Cities Network</dd>" in text
    assert "Of use in every region." in text
    assert "Download the PDF" not in text
    assert "Open it where it is published" in text


def test_open_graph_describes_the_resource(visitor):
    resource = ResourceFactory(title="Youth toolkit", summary="Tools for youth workers.")
    text = visitor.get(resource.get_absolute_url()).text
    assert '<meta property="og:type" content="article">' in text
    assert '<meta property="og:title" content="Youth toolkit">' in text
    assert '<meta property="og:description" content="Tools for youth workers.">' in text
    assert f'<meta property="og:url" content="http://testserver/resources/{resource.slug}/">' in (
        text
    )
    assert '<meta property="article:tag" content="youth engagement">' in text
    assert 'name="robots"' not in text


def test_an_unknown_slug_is_a_404(visitor):
    assert visitor.get(reverse("resources:detail", args=["no-such-thing"])).status_code == 404


@pytest.fixture
def as_actor(client, member, other_member, moderator):
    """Sign `client` in as an actor of the matrix: "visitor", "other member", "suggester"
    (the member who suggested the resource) or "moderator"."""

    def sign_in(actor):
        user = {"other member": other_member, "suggester": member, "moderator": moderator}
        if actor != "visitor":
            client.force_login(user[actor])
        return client

    return sign_in


@pytest.mark.parametrize("actor", ["visitor", "other member", "suggester", "moderator"])
@pytest.mark.parametrize("status", [Status.PUBLISHED, *UNPUBLISHED])
def test_who_sees_the_page_and_downloads_the_file(as_actor, member, status, actor):
    resource = with_pdf(ResourceFactory(suggested_by=member, status=status, title="The toolkit"))
    client = as_actor(actor)
    page = client.get(resource.get_absolute_url())
    download = client.get(reverse("resources:file", args=[resource.slug]))
    if status == Status.PUBLISHED or actor in ("suggester", "moderator"):
        assert page.status_code == 200
        assert "The toolkit" in page.text
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == MINIMAL_PDF
    else:
        assert page.status_code == 404
        assert download.status_code == 404
        assert "The toolkit" not in page.text
    if status != Status.PUBLISHED and page.status_code == 200:
        # Drawn for one person: kept by no cache, and no search engine lists it.
        for response in (page, download):
            assert "private" in response["Cache-Control"]
            assert "no-store" in response["Cache-Control"]
        assert "Not public." in page.text
        assert '<meta name="robots" content="noindex">' in page.text


def test_the_file_is_always_a_pdf_download_with_a_safe_name(visitor):
    resource = with_pdf(ResourceFactory(title='Bad "name"\r\nX-Evil: 1', slug="bad-name-x-evil-1"))
    response = visitor.get(reverse("resources:file", args=[resource.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bad-name-x-evil-1.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_resource_without_a_file_or_with_its_file_gone_is_a_404(visitor):
    link_only = ResourceFactory()
    assert visitor.get(reverse("resources:file", args=[link_only.slug])).status_code == 404
    gone = with_pdf(ResourceFactory())
    gone.file.storage.delete(gone.file.name)
    assert visitor.get(reverse("resources:file", args=[gone.slug])).status_code == 404


def test_the_page_reads_at_most_four_queries_whatever_it_links_to(
    visitor, cache_in_memory, django_assert_max_num_queries
):
    small = ResourceFactory(themes=["one"], regions=["europe"])
    with django_assert_max_num_queries(4):
        assert visitor.get(small.get_absolute_url()).status_code == 200
    large = ResourceFactory(
        themes=[f"theme {n}" for n in range(12)],
        regions=["europe", "africa", "asia-pacific"],
        publisher=PartnerOrganisationFactory(),
    )
    for language in ("", "/fr"):
        with django_assert_max_num_queries(4):
            response = visitor.get(language + large.get_absolute_url())
        assert response.status_code == 200
        assert response.text.count("/resources/?theme=") == 12
