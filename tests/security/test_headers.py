"""Security headers and cookies, as a browser meets them, on a sample of very different pages.

Together they are what the Mozilla Observatory scores an A+ with every bonus: a strict content
security policy (nothing allowed by default, each kind of resource the pages load allowed from
where it comes; no inline or eval'd code, nothing framed, no plugin content, no <base>),
nosniff, a strict referrer policy, frame denial, an isolated browsing context, HSTS for two
years with subdomains, and session and CSRF cookies that are Secure, HttpOnly and SameSite.
"""

import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

# Pages from every layer that answers: our views (public, members-only, a form, a file
# download), plain-text and XML views, the feed, the 404 handler, the Django admin and
# django-allauth. (who asks, the path given the cast of test objects)
SAMPLE_PAGES = {
    "home": (None, lambda c: reverse("home")),
    "health check": (None, lambda c: reverse("healthz")),
    "robots.txt": (None, lambda c: reverse("robots")),
    "sitemap": (None, lambda c: reverse("sitemap")),
    "feed": (None, lambda c: reverse("practices:feed")),
    "practice library": (None, lambda c: reverse("practices:list")),
    "practice page": (None, lambda c: c.published.get_absolute_url()),
    "PDF attachment": (
        None,
        lambda c: reverse(
            "practices:attachment", args=[c.published.slug, c.published_attachment.pk]
        ),
    ),
    "contact form": (None, lambda c: reverse("contact")),
    "own contributions": ("author", lambda c: reverse("practices:mine")),
    "a page that does not exist": (None, lambda c: "/no-such-page/"),
    "admin sign-in": (None, lambda c: reverse("admin:login")),
    "account sign-in": (None, lambda c: reverse("account_login")),
}
ONE_YEAR = 365 * 24 * 60 * 60


def get_sample(request, client, cast, page, **extra):
    role, path = SAMPLE_PAGES[page]
    if role:
        client.force_login(request.getfixturevalue(role))
    response = client.get(path(cast), **extra)
    assert response.status_code in (200, 404), f"{page}: {response.status_code}"
    return response


def csp_directives(response):
    """{'script-src': ["'self'"], ...} from the response's Content-Security-Policy."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture(params=SAMPLE_PAGES)
def sample_response(request, client, cast):
    return get_sample(request, client, cast, request.param)


def test_content_security_policy_allows_nothing_by_default(sample_response):
    assert csp_directives(sample_response)["default-src"] == ["'none'"]


def test_content_security_policy_allows_only_our_own_code(sample_response):
    directives = csp_directives(sample_response)
    assert "unsafe-inline" not in sample_response["Content-Security-Policy"]
    assert "unsafe-eval" not in sample_response["Content-Security-Policy"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]


def test_content_security_policy_lists_exactly_what_the_pages_load(sample_response):
    """Each kind of resource from where it comes, and nothing else: frames, media,
    workers and a manifest fall back to default-src 'none' (the pages have none of them)."""
    assert csp_directives(sample_response) == {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        # The maps are the portal's own: no tile server unless MAP_TILE_URL names one.
        "img-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }


# What 'self' alone refuses in a template: inline code, inline styles, event handlers. A
# data block (JSON-LD, type="application/ld+json") is never run, so the policy lets it be.
INLINE = {
    "inline script": r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))",
    "style element": r"<style\b",
    "style attribute": r"\sstyle=",
    "event handler": r"\son[a-z]+=",
    "javascript: address": r"javascript:",
}


def test_no_template_has_code_or_styles_the_policy_would_refuse():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}: {what}"
        for path in sorted((settings.BASE_DIR / "templates").rglob("*.html"))
        for what, pattern in INLINE.items()
        if re.search(pattern, path.read_text(), re.IGNORECASE)
    ]
    assert found == []


def test_content_security_policy_allows_nothing_remote(sample_response):
    # The maps are drawn by the portal: by default no page may ask another server anything.
    remote = [
        value
        for values in csp_directives(sample_response).values()
        for value in values
        if value.startswith(("http:", "https:", "*", "data:"))
    ]
    assert remote == []


def test_a_tile_server_a_deployment_names_is_the_one_remote_source_allowed():
    code = (
        "import json; from scn_portal import settings as s; "
        "print(json.dumps(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    env = {
        **os.environ,
        "MAP_TILE_URL": "https://tiles.example.org/{z}/{x}/{y}.png",
        "SECRET_KEY": "a-test-only-secret-key-long-enough-for-production-settings",
        "DEBUG": "0",
    }
    found = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(found.stdout) == ["'self'", "https://tiles.example.org", "data:"]


def test_browser_hardening_headers_are_on_every_sample_page(sample_response):
    assert sample_response["X-Content-Type-Options"] == "nosniff"
    assert sample_response["X-Frame-Options"] == "DENY"
    assert sample_response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert sample_response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert sample_response["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = sample_response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.mark.parametrize("page", SAMPLE_PAGES)
def test_production_sends_hsts_for_a_year_with_subdomains(
    request, production_settings, client, cast, page
):
    response = get_sample(request, client, cast, page, secure=True)
    hsts = response["Strict-Transport-Security"]
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= ONE_YEAR
    assert "includeSubDomains" in hsts.split("; ")


def test_production_redirects_plain_http_to_https(production_settings, client):
    response = client.get(reverse("home"))
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_production_session_cookie_is_secure_httponly_and_same_site(
    production_settings, client, member
):
    response = client.post(
        reverse("account_login"),
        {"login": member.email, "password": DEFAULT_PASSWORD},
        secure=True,
    )
    assert response.status_code == 302, "the member should be signed in"
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] in ("Lax", "Strict")


def test_production_csrf_cookie_is_secure_httponly_and_same_site(production_settings, client):
    response = client.get(reverse("account_login"), secure=True)
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] in ("Lax", "Strict")
