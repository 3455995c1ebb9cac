"""Static files in production: collected under content-hashed names, compressed, and served
by whitenoise with far-future cache headers (a new version gets a new name)."""

import gzip
import json

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from whitenoise.middleware import WhiteNoiseMiddleware

from tests.scn_portal.test_settings import PRODUCTION_ENV, run_manage

FOREVER = "max-age=315360000, public, immutable"


@pytest.fixture
def collected(settings, tmp_path):
    """collectstatic with the production storage into a fresh folder; its manifest."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.DEBUG = False
    settings.WHITENOISE_AUTOREFRESH = False
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.contrib.staticfiles.storage import staticfiles_storage

    staticfiles_storage._setup()
    return settings.STATIC_ROOT, staticfiles_storage


def test_production_uses_the_compressed_manifest_storage_and_persistent_connections():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        "s.STORAGES['staticfiles']['BACKEND'], s.DATABASES['default']['CONN_MAX_AGE'],"
        " s.DATABASES['default']['CONN_HEALTH_CHECKS'], s.DATA_CACHE_SECONDS]))"
    )
    env = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://u@db.example:5432/scn"}
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    backend, conn_max_age, health_checks, data_cache = json.loads(
        result.stdout.strip().splitlines()[-1]
    )
    assert backend == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert conn_max_age >= 60
    assert health_checks is True
    assert data_cache > 0


def test_collectstatic_writes_hashed_and_compressed_files(collected):
    root, storage = collected
    hashed = storage.stored_name("css/site.css")
    assert hashed != "css/site.css"
    assert hashed.startswith("css/site.") and hashed.endswith(".css")
    assert (root / hashed).exists()
    compressed = root / (hashed + ".gz")
    assert compressed.exists()
    assert gzip.decompress(compressed.read_bytes()) == (root / hashed).read_bytes()
    # The map script's source map is there, so its reference resolves.
    assert (root / storage.stored_name("vendor/leaflet/leaflet.js.map")).exists()


def test_a_hashed_static_file_is_served_compressed_with_far_future_headers(collected, settings):
    _root, storage = collected
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    url = settings.STATIC_URL + storage.stored_name("css/site.css")

    response = middleware(RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip"))

    assert response.status_code == 200
    assert response["Cache-Control"] == FOREVER
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_an_unhashed_name_is_not_cached_forever(collected, settings):
    middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    response = middleware(RequestFactory().get(settings.STATIC_URL + "css/site.css"))
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
