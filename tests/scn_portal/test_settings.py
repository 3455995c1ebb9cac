"""Production settings: safe by default, and refusing to start without a secret key."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "portal.strongcities.example",
    "DEBUG": "0",
    "SCN_TESTING": "0",
}


def run_manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_start_up_refuses_a_missing_secret_key_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_gunicorn_refuses_to_start_without_a_secret_key():
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    clean.update({"SCN_TESTING": "0", "ALLOWED_HOSTS": "portal.strongcities.example"})
    result = subprocess.run(
        [sys.executable, "-c", "import scn_portal.wsgi"],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_the_wsgi_application_hides_what_lives_forever_from_the_garbage_collector():
    # Otherwise a full collection walks every module and model, pausing a request (p99).
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    clean.update({"SCN_TESTING": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org"})
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import gc, scn_portal.wsgi, practices.views, cities.views;"
            "print(gc.get_freeze_count())",
        ],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split()[-1]) > 10_000


def test_a_fresh_checkout_runs_manage_py_without_any_variable():
    result = run_manage("makemigrations", "--check", "--dry-run", env={"SCN_TESTING": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_production_defaults_are_secure():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n)"
        " for n in ['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT',"
        " 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_HTTPONLY', 'X_FRAME_OPTIONS']}))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 63072000,
        "SESSION_COOKIE_HTTPONLY": True,
        "X_FRAME_OPTIONS": "DENY",
    }


def test_the_redis_cache_reads_replies_with_hiredis():
    """A page served from the cache reads Redis at least once (the content version); redis-py
    parses the reply in C when hiredis is installed (pyproject.toml), a third less CPU than
    its own parser. Needs the machine's Redis, as CI and development machines have."""
    code = (
        "from django.core.cache import cache; cache.set('hiredis-probe', 1, 5);"
        " pool = cache.client.get_client().connection_pool; conn = pool.get_connection();"
        " print(type(conn._parser).__name__, cache.get('hiredis-probe')); pool.release(conn)"
    )
    env = {**PRODUCTION_ENV, "CACHE_URL": "redis://127.0.0.1:6379/13"}
    result = run_manage("shell", "--no-imports", "-c", code, env=env)
    assert result.stdout.split() == ["_HiredisParser", "1"], result.stdout + result.stderr
