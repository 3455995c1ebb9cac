"""The Redis cache backend (scn_portal/cache.py): Django's, sharing one client per pool."""

import socket
import uuid

import pytest

from scn_portal.cache import RedisCache
from tests.scn_portal.test_settings import run_manage

REDIS = ("127.0.0.1", 6379)


def redis_is_listening():
    try:
        socket.create_connection(REDIS, timeout=0.5).close()
    except OSError:
        return False
    return True


def make_cache():
    return RedisCache(
        f"redis://{REDIS[0]}:{REDIS[1]}/15", {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    )


def test_every_cache_operation_shares_one_client_per_pool():
    backend = make_cache()._cache  # no connection is made until a command is sent
    assert backend.get_client("a") is backend.get_client("b")
    assert backend.get_client(write=True) is backend.get_client(write=True)


def test_a_redis_cache_url_selects_this_backend():
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'])"
    result = run_manage(
        "shell", "--no-imports", "-c", code, env={"CACHE_URL": "redis://127.0.0.1:6379/15"}
    )
    assert result.stdout.strip().splitlines()[-1] == "scn_portal.cache.RedisCache"


@pytest.mark.skipif(not redis_is_listening(), reason="needs Redis on 127.0.0.1:6379")
def test_values_round_trip_through_redis():
    cache = make_cache()
    try:
        cache.set("page", ("generation", "<p>rows</p>"), 60)
        cache.add("generation", 1)
        cache.incr("generation")
        assert cache.get_many(["generation", "page", "missing"]) == {
            "generation": 2,
            "page": ("generation", "<p>rows</p>"),
        }
        cache.delete("page")
        assert cache.get("page") is None
    finally:
        cache.delete_many(["page", "generation"])
