"""`make screenshots`: every page of the portal at phone and desktop widths, for people to look at.

Serves the local demo database (make demo first; the Makefile target does) with the
development server, then visits each page as a visitor and as the demo member and writes
full-page PNGs to screenshots/ (git-ignored). Needs Chromium (/usr/bin/chromium or
CHROMIUM_PATH).
"""

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


def sample_pages():
    """(name, path, as_member) for every kind of page, using real objects of the demo data."""
    from cities.models import City, PartnerOrganisation, Practitioner
    from practices.models import Practice

    city = City.objects.members().order_by("name").first()
    practice = Practice.objects.published().order_by("-published_at").first()
    organisation = PartnerOrganisation.objects.order_by("name").first()
    practitioner = Practitioner.objects.order_by("full_name").first()
    pages = [
        ("home", "/", False),
        ("cities", "/cities/", False),
        ("practices", "/practices/", False),
        ("practices-filtered", "/practices/?evidence=effective&evidence=promising", False),
        ("organisations", "/organisations/", False),
        ("about", "/about/", False),
        ("faq", "/faq/", False),
        ("contact", "/contact/", False),
        ("join", "/join/", False),
        ("search", "/search/?q=youth", False),
        ("sign-in", "/accounts/login/", False),
        ("sign-up", "/accounts/signup/", False),
        ("password-reset", "/accounts/password/reset/", False),
        ("not-found", "/no-such-page/", False),
        ("practitioners", "/practitioners/", True),
        ("contribute", "/contribute/", True),
        ("contribute-new", "/contribute/new/", True),
        ("profile", "/profile/", True),
    ]
    if city:
        pages.append(("city", city.get_absolute_url(), False))
    if practice:
        pages.append(("practice", practice.get_absolute_url(), False))
    if organisation:
        pages.append(("organisation", organisation.get_absolute_url(), False))
    if practitioner:
        pages.append(("practitioner", practitioner.get_absolute_url(), True))
        pages.append(("practitioner-contact", f"{practitioner.get_absolute_url()}contact/", True))
    return pages


def member_session_cookie():
    """A signed-in session for the demo member, made directly in the session store."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore

    user = get_user_model().objects.filter(email="member@demo.strongcities.example").first()
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
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    pages = sample_pages()
    cookie = member_session_cookie()
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
                for as_member in (False, True):
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    if as_member and cookie:
                        context.add_cookies([cookie])
                    page = context.new_page()
                    for name, path, member_page in pages:
                        if member_page != as_member:
                            continue
                        page.goto(f"http://127.0.0.1:{PORT}{path}")
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
