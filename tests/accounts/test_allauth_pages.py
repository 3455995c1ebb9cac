"""Every page django-allauth serves is rendered in the portal's own layout, for a visitor and
for a signed-in member: the list of pages is read from allauth's URL configuration, so a
page that a new allauth version adds is checked too."""

import re

import pytest
from allauth import urls as allauth_urls
from django.urls import URLPattern, URLResolver, reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Pages whose address carries a key: a made-up one, which allauth answers with its own
# "invalid link" page — that page must be in the site's layout too.
URL_ARGS = {
    "account_confirm_email": ["made-up-key"],
    "account_reset_password_from_key": ["1", "made-up-key"],
}


def allauth_url_names(patterns=None):
    names = []
    for pattern in allauth_urls.urlpatterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            names += allauth_url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(pattern.name)
    return names


def test_the_list_of_allauth_pages_is_complete():
    names = allauth_url_names()
    for expected in (
        "account_login",
        "account_logout",
        "account_signup",
        "account_email",
        "account_reset_password",
        "account_reset_password_from_key",
        "account_confirm_email",
        "account_change_password",
    ):
        assert expected in names


def assert_site_layout(response):
    templates = [t.name for t in response.templates]
    assert "allauth/layouts/base.html" in templates, templates
    assert "base.html" in templates
    text = response.text
    assert "site-header" in text and "site-footer" in text
    assert text.count("<h1") == 1
    assert "<script" not in text  # allauth's inline scripts are left out (CSP)
    assert "style=" not in text
    assert 'href="/static/css/accounts.css"' in text
    # One casing everywhere: allauth's Title Case reads as the portal's sentence case
    # (locale/en/LC_MESSAGES/django.po).
    assert not TITLE_CASE.findall(text)


TITLE_CASE = re.compile(
    r"Sign In|Sign Up|Signup|Sign Out|Remember Me|Password Reset|Change Password|Set Password"
    r"|Email Address|Verify Your|Confirm Email|for user "
)


@pytest.mark.parametrize("name", allauth_url_names())
@pytest.mark.parametrize("who", ["visitor", "member"])
def test_every_allauth_page_uses_the_site_layout(client, name, who):
    if who == "member":
        client.force_login(UserFactory(email="layout@example.org"))

    response = client.get(reverse(name, args=URL_ARGS.get(name, [])), follow=True)

    assert response.status_code == 200
    final_path = response.redirect_chain[-1][0] if response.redirect_chain else ""
    if final_path.startswith(("/", "http")) and "/accounts/" not in final_path:
        # A page that has nothing to do for this person sends them on to a portal page
        # (signed in: sign-in goes to "My contributions"; signed out: sign-out goes home).
        assert "base.html" in [t.name for t in response.templates]
        assert "site-header" in response.text
    else:
        assert_site_layout(response)


def test_setting_a_first_password_uses_the_site_layout(client):
    user = UserFactory(email="nopassword@example.org")
    user.set_unusable_password()
    user.save()
    client.force_login(user)

    response = client.get(reverse("account_set_password"))

    assert response.status_code == 200
    assert "account/password_set.html" in [t.name for t in response.templates]
    assert_site_layout(response)
