"""Every public form refuses a post without its CSRF token, and stores nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from cities.models import MembershipApplication, PractitionerMessage
from scn_portal.models import ContactMessage
from tests.contact.conftest import CONTACT, JOIN, RELAY, form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_name", "values", "model"),
    [
        ("contact", CONTACT, ContactMessage),
        ("cities:join", JOIN, MembershipApplication),
        ("cities:contact_practitioner", RELAY, PractitionerMessage),
    ],
    ids=["contact", "join", "relay"],
)
def test_a_post_without_the_csrf_token_is_refused(member, practitioner, url_name, values, model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    args = [practitioner.slug] if url_name == "cities:contact_practitioner" else []
    url = reverse(url_name, args=args)
    page = client.get(url)
    assert 'name="csrfmiddlewaretoken"' in page.text

    response = client.post(url, form_data(client, url, **values))

    assert response.status_code == 403
    assert not model.objects.exists()
