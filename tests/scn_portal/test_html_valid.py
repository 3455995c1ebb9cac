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
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.translation import override
from taggit.models import Tag

from practices.models import Status
from tests.admin.test_pages import MODELS as ADMIN_MODELS
from tests.admin.test_pages import PAGES as ADMIN_PAGES
from tests.admin.test_pages import admin_url
from tests.factories import PracticeFactory
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
    saved = save_pages(client, visitor_pages(site), tmp_path, "visitor")
    with override("ar"):  # right to left, with names isolated in Arabic sentences
        arabic = visitor_pages(site)
    saved += save_pages(client, arabic, tmp_path, "arabic")
    own = PracticeFactory(submitted_by=member, status=Status.DRAFT, city=site["city"])
    client.force_login(member)
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
        },
        tmp_path,
        "member",
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
    # A theme's page, with its names in the other languages.
    theme = Tag.objects.create(name="youth work", slug="youth-work")
    pages["tag"] = reverse("admin:taggit_tag_change", args=[theme.pk])
    saved = save_pages(admin_client, pages, tmp_path, "admin")

    errors = vnu_errors(saved)

    assert errors == [], "the Nu Html Checker found:\n" + "\n".join(errors)
