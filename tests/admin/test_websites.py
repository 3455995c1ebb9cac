"""Websites typed in the admin: an address without a scheme is taken as https://, the way
Django 6.0 will read it, and building the form raises no deprecation warning."""

import warnings

import pytest
from django.contrib import admin
from django.test import RequestFactory

from cities.models import City, PartnerOrganisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [City, PartnerOrganisation], ids=["city", "organisation"])
def test_a_website_without_a_scheme_is_read_as_https(admin_user, model):
    request = RequestFactory().get("/")
    request.user = admin_user
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        form_class = admin.site._registry[model].get_form(request)
    field = form_class.base_fields["website"]
    assert field.clean("strongcities.example/about") == "https://strongcities.example/about"
    assert field.clean("http://old.example") == "http://old.example"
