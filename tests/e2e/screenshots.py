"""`make screenshots`: every page of the portal at phone and desktop widths, for people to look at.

Serves the local demo database (make demo first; the Makefile target does) with the
development server, then visits each page as a visitor, as the demo member and as the demo
moderator and writes full-page PNGs to screenshots/ (git-ignored), named page-width.png.
Needs Chromium (/usr/bin/chromium or CHROMIUM_PATH).
"""

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")
os.environ.setdefault("DEBUG", "1")

PORT = int(os.environ.get("SCREENSHOT_PORT", "8765"))
OUT = BASE_DIR / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}


VISITOR, MEMBER, MODERATOR = "visitor", "member", "moderator"
DEMO_EMAILS = {
    MEMBER: "member@demo.strongcities.example",
    MODERATOR: "moderator@demo.strongcities.example",
}


def sample_pages():
    """(name, path, who) for every kind of page, using real objects of the demo data."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from cities.models import City, PartnerOrganisation, Practitioner, Region
    from events.models import Event
    from news.models import Story
    from practices.models import Practice, Status
    from resources.models import Resource

    city = City.objects.members().order_by("name").first()
    practice = Practice.objects.published().order_by("-published_at").first()
    organisation = PartnerOrganisation.objects.order_by("name").first()
    public_practitioner = Practitioner.objects.filter(is_public=True).order_by("full_name").first()
    practitioner = (
        Practitioner.objects.filter(is_public=False, accepts_messages=True)
        .order_by("full_name")
        .first()
    )
    member = get_user_model().objects.filter(email=DEMO_EMAILS[MEMBER]).first()
    own = Practice.objects.filter(submitted_by=member).order_by("pk") if member else None
    draft = own.filter(status__in=[Status.DRAFT, Status.CHANGES_REQUESTED]).first() if own else None
    submitted = Practice.objects.filter(status=Status.SUBMITTED).order_by("pk").first()
    now = timezone.now()
    story = Story.objects.published(now).newest_first().first()
    events = Event.objects.published(now)
    event = events.upcoming(now).first()
    past_event = events.past(now).first()
    open_event = Event.objects.open_for_interest(now).order_by("starts_at", "pk").first()
    resource = Resource.objects.published().order_by("-published_at", "-pk").first()
    suggestion = Resource.objects.awaiting_review().first()
    own_suggestion = (
        Resource.objects.by_member(member).filter(status=Status.CHANGES_REQUESTED).first()
        if member
        else None
    )
    hub = Region.objects.exclude(hub_name="").order_by("order", "name").first()
    pages = [
        ("home", "/", VISITOR),
        ("cities", "/cities/", VISITOR),
        ("cities-filtered", "/cities/?region=europe&sort=newest", VISITOR),
        ("practices", "/practices/", VISITOR),
        ("practices-filtered", "/practices/?evidence=effective&evidence=promising", VISITOR),
        ("practices-empty", "/practices/?q=no-such-words-anywhere", VISITOR),
        ("organisations", "/organisations/", VISITOR),
        ("practitioners-visitor", "/practitioners/", VISITOR),
        ("about", "/about/", VISITOR),
        ("faq", "/faq/", VISITOR),
        ("contact", "/contact/", VISITOR),
        ("contact-thanks", "/contact/thanks/", VISITOR),
        ("join", "/join/", VISITOR),
        ("join-thanks", "/join/thanks/", VISITOR),
        ("search", "/search/?q=youth", VISITOR),
        ("sign-in", "/accounts/login/", VISITOR),
        ("sign-up", "/accounts/signup/", VISITOR),
        ("password-reset", "/accounts/password/reset/", VISITOR),
        ("not-found", NOT_FOUND_PATH, VISITOR),
        ("server-error", SERVER_ERROR_PATH, VISITOR),
        ("home-member", "/", MEMBER),
        ("practitioners", "/practitioners/", MEMBER),
        ("contribute", "/contribute/", MEMBER),
        ("contribute-new", "/contribute/new/", MEMBER),
        ("profile", "/profile/", MEMBER),
        ("account-email", "/accounts/email/", MEMBER),
        ("password-change", "/accounts/password/change/", MEMBER),
        ("admin-index", "/admin/", MODERATOR),
        ("admin-queue", "/admin/practices/practice/queue/", MODERATOR),
        ("news", "/news/", VISITOR),
        ("news-filtered", "/news/?region=europe", VISITOR),
        ("events", "/events/", VISITOR),
        ("events-past", "/events/past/", VISITOR),
        ("resources", "/resources/", VISITOR),
        ("resources-filtered", "/resources/?kind=toolkit&language=en", VISITOR),
        ("resources-empty", "/resources/?q=no-such-words-anywhere&year=abcd", VISITOR),
        ("regions", "/regions/", VISITOR),
        ("resources-suggest", "/resources/suggest/", MEMBER),
        ("resources-suggestions", "/resources/suggestions/", MEMBER),
        ("admin-resources-queue", "/admin/resources/resource/queue/", MODERATOR),
    ]
    if story:
        pages.append(("news-story", story.get_absolute_url(), VISITOR))
        pages.append(("admin-story", f"/admin/news/story/{story.pk}/change/", MODERATOR))
    if event:
        pages.append(("event", event.get_absolute_url(), VISITOR))
        pages.append(("admin-event", f"/admin/events/event/{event.pk}/change/", MODERATOR))
    if past_event:
        pages.append(("event-past", past_event.get_absolute_url(), VISITOR))
    if open_event:
        pages.append(("event-member", open_event.get_absolute_url(), MEMBER))
        pages.append(("event-interest", f"{open_event.get_absolute_url()}interest/", MEMBER))
    if resource:
        pages.append(("resource", resource.get_absolute_url(), VISITOR))
        pages.append(
            ("admin-resource", f"/admin/resources/resource/{resource.pk}/change/", MODERATOR)
        )
    if suggestion:
        review = f"/admin/resources/resource/{suggestion.pk}/review/"
        pages.append(("admin-resource-review", review, MODERATOR))
        pages.append(("admin-resource-decide", f"{review}request_changes/", MODERATOR))
    if own_suggestion:
        pages.append(
            (
                "resources-suggestion-edit",
                f"/resources/suggestions/{own_suggestion.pk}/edit/",
                MEMBER,
            )
        )
    if hub:
        pages.append(("region", hub.get_absolute_url(), VISITOR))
        pages.append(("region-member", hub.get_absolute_url(), MEMBER))
    if city:
        pages.append(("city", city.get_absolute_url(), VISITOR))
        pages.append(("city-member", city.get_absolute_url(), MEMBER))
    if practice:
        pages.append(("practice", practice.get_absolute_url(), VISITOR))
    if organisation:
        pages.append(("organisation", organisation.get_absolute_url(), VISITOR))
    if public_practitioner:
        pages.append(("practitioner-public", public_practitioner.get_absolute_url(), VISITOR))
    if practitioner:
        pages.append(("practitioner", practitioner.get_absolute_url(), MEMBER))
        pages.append(("practitioner-contact", f"{practitioner.get_absolute_url()}contact/", MEMBER))
    if draft:
        pages.append(("contribute-edit", f"/contribute/{draft.pk}/edit/", MEMBER))
        pages.append(("contribute-preview", f"/contribute/{draft.pk}/preview/", MEMBER))
    if submitted:
        pages.append(("preview-moderator", f"/contribute/{submitted.pk}/preview/", MODERATOR))
        pages.append(
            ("admin-review", f"/admin/practices/practice/{submitted.pk}/review/", MODERATOR)
        )
        pages.append(
            (
                "admin-decide",
                f"/admin/practices/practice/{submitted.pk}/review/request_changes/",
                MODERATOR,
            )
        )
    # The same pages in Arabic, right to left: each name prefixed "ar-".
    arabic = [
        (f"ar-{name}", f"/ar{path}", who)
        for name, path, who in pages
        if name in ARABIC and not path.startswith("/screenshot-")
    ]
    return pages + arabic


# The pages also taken in Arabic: the ones that show most of the portal's parts.
ARABIC = {
    "home",
    "cities",
    "practices",
    "practices-filtered",
    "faq",
    "contact",
    "search",
    "sign-in",
    "not-found",
    "contribute-new",
    "profile",
    "city",
    "practice",
    "organisation",
    "admin-queue",
    "news",
    "news-story",
    "events",
    "event",
    "resources-filtered",
    "resource",
    "region",
    "resources-suggest",
}

NOT_FOUND_PATH = "/no-such-page/"
SERVER_ERROR_PATH = "/screenshot-of-the-server-error-page/"


def error_pages():
    """{path: (status, html)} of the error pages as production shows them: the development
    server (DEBUG) would show Django's technical pages instead, so these are rendered here
    with DEBUG off and handed to the browser in place of the server's answer."""
    from django.template.loader import render_to_string
    from django.test import Client, override_settings

    with override_settings(DEBUG=False):
        not_found = Client(SERVER_NAME="127.0.0.1").get(NOT_FOUND_PATH)
    return {
        NOT_FOUND_PATH: (not_found.status_code, not_found.content),
        SERVER_ERROR_PATH: (500, render_to_string("500.html").encode()),
    }


def fulfil_with(status, html):
    def handler(route):
        route.fulfill(status=status, body=html, content_type="text/html; charset=utf-8")

    return handler


def session_cookie(email):
    """A signed-in session for a demo account, made directly in the session store."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.filter(email=email).first()
    if user is None:
        return None
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": session.session_key,
        "url": f"http://127.0.0.1:{PORT}",
    }


def main():
    import django

    django.setup()
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    pages = sample_pages()
    cookies = {who: session_cookie(email) for who, email in DEMO_EMAILS.items()}
    errors = error_pages()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        OUT.mkdir(exist_ok=True)
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, width in WIDTHS.items():
                for who in (VISITOR, MEMBER, MODERATOR):
                    if who != VISITOR and cookies[who] is None:
                        print(f"no demo {who} account: make demo first", file=sys.stderr)
                        continue
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, locale="en-GB"
                    )
                    if who != VISITOR:
                        context.add_cookies([cookies[who]])
                    page = context.new_page()
                    for path, answer in errors.items():
                        page.route(f"http://127.0.0.1:{PORT}{path}", fulfil_with(*answer))
                    for name, path, page_who in pages:
                        if page_who != who:
                            continue
                        page.goto(f"http://127.0.0.1:{PORT}{path}")
                        # Map tiles, when the tile server can be reached.
                        with contextlib.suppress(PlaywrightTimeoutError):
                            page.wait_for_load_state("networkidle", timeout=5_000)
                        target = OUT / f"{name}-{label}.png"
                        page.screenshot(path=str(target), full_page=True)
                        print(target.relative_to(BASE_DIR))
                    context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
