"""Every page a visitor or a member sees is valid HTML by the Nu Html Checker (vnu, the W3C's
checker): the pages are saved, then checked together by one run of vnu.jar (the npm package
vnu-jar) with Java.

Needs `java` and the jar at var/vnu/vnu.jar (or VNU_JAR): `make vnu` fetches it from the npm
registry, and .ci/run does. Without them the test is skipped with that reason, except in CI,
where it must run."""

import json
import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from taggit.models import Tag

from practices.models import Status
from tests.admin.test_pages import MODELS as ADMIN_MODELS
from tests.admin.test_pages import PAGES as ADMIN_PAGES
from tests.admin.test_pages import admin_url
from tests.factories import (
    EventFactory,
    PracticeFactory,
    ResourceFactory,
    StoryFactory,
    with_pdf,
)
from tests.scn_portal.pages import grow, visitor_pages

BASE_DIR = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("VNU_JAR") or BASE_DIR / "var" / "vnu" / "vnu.jar")
JAVA = shutil.which("java")

pytestmark = pytest.mark.django_db


def checker_or_skip():
    missing = []
    if not JAVA:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR} (make vnu)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI must check the HTML, but these are missing: " + ", ".join(missing))
        pytest.skip("the Nu Html Checker needs " + " and ".join(missing))


def save_pages(client, pages, folder, prefix):
    saved = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        if not response["Content-Type"].startswith("text/html"):
            continue
        path = folder / f"{prefix}-{name.replace(' ', '-').replace(',', '')}.html"
        path.write_bytes(response.content)
        saved.append(path)
    return saved


def publication_pages(site):
    """Beside `visitor_pages`: the news, events and resource hub pages in their other states
    (an unknown filter, a facet in error, another page, a registration link, an event over,
    a story in Arabic, a region without a hub)."""
    news, events, hub = reverse("news:list"), reverse("events:list"), reverse("resources:list")
    return {
        "news, unknown filter": f"{news}?region=nowhere&theme=nothing",
        "news, page 2": f"{news}?page=2",
        "story in Arabic": site["arabic story"].get_absolute_url(),
        "events, filtered": f"{events}?region=europe",
        "past events, all": reverse("events:past"),
        "event with a registration link": site["linked event"].get_absolute_url(),
        "past event page": site["past event"].get_absolute_url(),
        "resource hub, errors": f"{hub}?year=abcd&region=nowhere&kind=toolkit",
        "resource hub, themes and years": f"{hub}?theme=youth-engagement&year=2015&year=2016",
        "region without a hub": reverse("cities:region", args=["africa"]),
    }


def add_publications(site):
    """Beside the site's story, event and resource: one of each in another language and
    state, so that every part of the pages is drawn."""
    now = timezone.now().replace(second=0, microsecond=0)
    site["arabic story"] = StoryFactory(title="قصة من المدينة", slug="qissa", language="ar")
    site["linked event"] = EventFactory(
        title="Webinar with a registration link",
        kind="webinar",
        audience="members",
        online=True,
        venue="",
        registration_url="https://example.org/register",
        time_zone="America/New_York",
        language="fr",
    )
    site["past event"] = EventFactory(
        title="A summit held last year",
        starts_at=now - timedelta(days=300),
        ends_at=now - timedelta(days=298),
        time_zone="UTC",
    )
    with_pdf(ResourceFactory(title="Guide arabe", kind="guide", language="ar"))


def vnu_errors(paths):
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        f" [{message.get('extract', '').strip()[:80]}]"
        for message in messages
        if message.get("type") == "error"
    ]


def test_every_page_is_valid_html(client, site, member, tmp_path):
    checker_or_skip()
    grow(site, 2)
    add_publications(site)
    saved = save_pages(client, visitor_pages(site), tmp_path, "visitor")
    saved += save_pages(client, publication_pages(site), tmp_path, "visitor")
    with override("ar"):  # right to left, with names isolated in Arabic sentences
        arabic = {**visitor_pages(site), **publication_pages(site)}
    saved += save_pages(client, arabic, tmp_path, "arabic")
    own = PracticeFactory(submitted_by=member, status=Status.DRAFT, city=site["city"])
    suggestion = ResourceFactory(
        suggested_by=member, status=Status.CHANGES_REQUESTED, published_at=None
    )
    ResourceFactory(suggested_by=member, status=Status.SUBMITTED, published_at=None)
    client.force_login(member)
    event = site["event"]
    saved += save_pages(
        client,
        {
            "my contributions": reverse("practices:mine"),
            "new case study": reverse("practices:create"),
            "edit case study": reverse("practices:edit", args=[own.pk]),
            "preview": reverse("practices:preview", args=[own.pk]),
            "profile": reverse("cities:profile"),
            "email addresses": reverse("account_email"),
            "change password": reverse("account_change_password"),
            "event page": event.get_absolute_url(),
            "register interest": reverse("events:interest", args=[event.slug]),
            "suggest a resource": reverse("resources:suggest"),
            "my suggested resources": reverse("resources:mine"),
            "change a suggestion": reverse("resources:edit", args=[suggestion.pk]),
            "suggestion's preview": suggestion.get_absolute_url(),
            "regional hub": site["hub"].get_absolute_url(),
            "your data": reverse("privacy:mine"),
            "delete account": reverse("privacy:delete"),
        },
        tmp_path,
        "member",
    )
    # The forms sent empty, showing their errors.
    for name, url in {
        "suggest a resource, errors": reverse("resources:suggest"),
        "change a suggestion, errors": reverse("resources:edit", args=[suggestion.pk]),
        "delete account, errors": reverse("privacy:delete"),
    }.items():
        response = client.post(url, {"title": "", "year": "", "url": "", "password": ""})
        assert response.status_code == 200, (name, response.status_code)
        assert b"errorlist" in response.content, name
        path = tmp_path / f"member-{name.replace(' ', '-').replace(',', '')}.html"
        path.write_bytes(response.content)
        saved.append(path)
    client.post(reverse("events:interest", args=[event.slug]), {"note": ""})
    saved += save_pages(
        client, {"event, interest registered": event.get_absolute_url()}, tmp_path, "member"
    )
    client.logout()
    saved += save_pages(
        client,
        {
            "sign in": reverse("account_login"),
            "sign up": reverse("account_signup"),
            "password reset": reverse("account_reset_password"),
        },
        tmp_path,
        "visitor",
    )
    assert len(saved) > 25

    errors = vnu_errors(saved)

    assert errors == [], "the Nu Html Checker found:\n" + "\n".join(errors)


def test_the_checker_finds_what_is_invalid(tmp_path):
    checker_or_skip()
    page = tmp_path / "invalid.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<time datetime="2026-03-09T16:54:54.104299+00:00">then</time></body></html>'
    )
    [error] = vnu_errors([page])
    assert "fraction of a second" in error


def test_every_admin_page_a_moderator_uses_is_valid_html(admin_client, tmp_path):
    checker_or_skip()
    pages = {"index": reverse("admin:index")}
    for label, view in ADMIN_PAGES:
        obj = ADMIN_MODELS[label]()
        pages[f"{label}-{view}"] = admin_url(label, view, *([obj.pk] if view == "change" else []))
    submitted = PracticeFactory(status=Status.SUBMITTED)
    pages["review"] = reverse("admin:practices_practice_review", args=[submitted.pk])
    pages["queue"] = reverse("admin:practices_practice_changelist") + "?status__exact=submitted"
    suggestion = ResourceFactory(status=Status.SUBMITTED, published_at=None)
    pages["resources queue"] = (
        reverse("admin:resources_resource_changelist") + "?status__exact=submitted"
    )
    pages["resource review"] = reverse("admin:resources_resource_review", args=[suggestion.pk])
    for action in ("publish", "request_changes", "reject"):
        pages[f"resource {action}"] = reverse(
            "admin:resources_resource_decide", args=[suggestion.pk, action]
        )
    # A theme's page, with its names in the other languages.
    theme = Tag.objects.create(name="youth work", slug="youth-work")
    pages["tag"] = reverse("admin:taggit_tag_change", args=[theme.pk])
    saved = save_pages(admin_client, pages, tmp_path, "admin")

    errors = vnu_errors(saved)

    assert errors == [], "the Nu Html Checker found:\n" + "\n".join(errors)
