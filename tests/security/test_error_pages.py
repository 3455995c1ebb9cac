"""Refusals a person may meet: a malformed request (400), a page they may not open (403), a
form sent without its CSRF token. Each is a page of the site that says what happened."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.views.defaults import permission_denied

pytestmark = pytest.mark.django_db


def assert_is_a_site_page(response):
    text = response.content.decode()
    assert len(re.findall(r"<h1[ >]", text)) == 1
    assert 'href="#main"' in text  # the site's own layout, not a bare error
    assert re.search(r"<script(?![^>]*\bsrc=)", text) is None  # nothing inline for the CSP
    assert " style=" not in text


def test_a_request_for_a_host_we_do_not_serve_gets_the_bad_request_page(client):
    response = client.get(reverse("home"), HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert "We could not understand this request" in response.text
    assert_is_a_site_page(response)


def test_a_moderator_opening_group_management_gets_the_access_denied_page(moderator_client):
    response = moderator_client.get(reverse("admin:auth_group_changelist"))
    assert response.status_code == 403
    assert "You do not have permission to open this page" in response.text
    assert_is_a_site_page(response)


def test_access_denied_page_offers_a_visitor_to_sign_in(rf):
    request = rf.get("/somewhere/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert f"{reverse('account_login')}?next=/somewhere/" in response.content.decode()


def test_a_form_posted_without_its_csrf_token_is_refused(member):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": "whatever it is"}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
