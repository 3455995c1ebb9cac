"""Django's Redis cache, with one client per connection pool instead of one per call.

Django's RedisCacheClient makes a new redis.Redis for every cache operation; building one
costs more than the round trip of a small GET (it fills a table of a hundred response
callbacks). A client is a thin handle on its pool and safe to share, so each pool gets
one, made when first needed. Used when CACHE_URL is a redis:// address.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
