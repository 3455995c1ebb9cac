"""Whether the shared cache answers.

With Redis (django-redis, IGNORE_EXCEPTIONS) a cache that is down fails quietly: reads
miss and writes are dropped, so pages are computed and served as if nothing were kept.
What must not fail quietly asks `answers()` first: the readiness check, and the public
forms, whose rate limits and one-submission tokens live in the cache (they refuse with
"try again shortly" rather than go unguarded; see scn_portal/abuse.py).
"""

import uuid

from django.core.cache import cache


def answers():
    """True when a value written to the cache comes back."""
    key, value = f"probe:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:  # the database cache, or any backend that raises
        return False
    return found == value
