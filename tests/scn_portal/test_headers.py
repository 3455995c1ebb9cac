"""Security headers on every response, and the health check load balancers poll."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_check_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.text == "ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("url_name", ["home", "healthz"])
def test_pages_carry_the_security_headers(client, url_name):
    response = client.get(reverse(url_name))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
