"""The health check load balancers poll. (Security headers: tests/security/test_headers.py.)"""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_check_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.text == "ok"
    assert "no-cache" in response["Cache-Control"]
