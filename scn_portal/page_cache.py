"""What the portal keeps in the shared cache, and when it forgets it.

Three things are kept, each the standard Django way:

- whole pages for signed-out visitors (`public_page`), when PAGE_CACHE_SECONDS is set
  (each worker keeps a copy of the pages it served in its own memory, under the same
  version);
- parts of pages, with Django's `{% cache %}` tag in the template that draws them, every
  part of the key written there: `content_version`, `audience`, the language and, for a
  list, the query string (see scn_portal.context_processors.caching);
- data that costs queries to gather: counts, choices, map markers (`cached_data`).

All of it is keyed by the content version of the audience that sees it: the release (so a
deployment never serves what the previous release drew) and a number that changes when
content that audience sees changes. Visitors and members are two audiences (see
`cities.models.audience`): a change only members see (a members-only profile) forgets only
what members were shown, and a change nobody sees (a draft, a submission) forgets nothing.
Which change is seen by whom is decided where the models are (practices/signals.py,
cities/signals.py, scn_portal/signals.py), each calling `forget`.

Nothing older is ever read: a new version makes new keys, and the old entries expire.

Some content changes with time alone: a news story scheduled for nine o'clock, an event that
ends and moves to the past. The next such moment is kept beside the version (`remember_due`,
asked of the apps that schedule, whenever they change); the first request after it forgets
what was kept, as a save would.
"""

import copy
import hashlib
import threading
import time
import uuid
from functools import wraps
from threading import local

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.core.signals import request_started
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from cities.models import AUDIENCES, PUBLIC


def _version_key(audience):
    return f"content-version:{audience}"


# When content next changes with time alone (a timestamp), and who can tell.
DUE_KEY = "content-due"
_schedules = []


def schedule(next_change):
    """Register `next_change(now)`: the next time after `now` at which content changes without
    a save (a scheduled publication, an event ending), or None."""
    _schedules.append(next_change)
    return next_change


def remember_due():
    """Find and keep the next moment content changes with time alone (a query per app that
    schedules): when such content was saved, and when the moment before it came."""
    now = timezone.now()
    moments = [moment for find in _schedules if (moment := find(now)) is not None]
    cache.set(DUE_KEY, min(moments).timestamp() if moments else 0, timeout=None)


def _due_passed(due):
    """Forget what was kept when its due moment `due` has come (once, whichever request sees
    it first). True when it had."""
    if not due or due > time.time():
        return False
    if cache.add(f"content-due-done:{due}", 1, timeout=86400):
        forget()
        remember_due()
    return True


def _first_number():
    """Where a lost version number starts again: the current time in microseconds, above any
    number counted before (a cache that evicts keys may drop it), so nothing stored under an
    older version is ever taken for current."""
    return time.time_ns() // 1000


# The versions read during the request being served (one cache read each, however many
# keys a page makes): forgotten when a request starts and whenever `forget` runs.
_read = local()


def forget_read(**kwargs):
    """Read the versions anew (at the start of each request)."""
    _read.__dict__.clear()


request_started.connect(forget_read, dispatch_uid="content-version-per-request")


def content_version(audience=PUBLIC):
    """The version of what `audience` is shown: the release and a number that `forget`
    changes. Part of every key of what is kept for that audience."""
    found = _read.__dict__.get(audience)
    if found is not None:
        return found
    key = _version_key(audience)
    found = cache.get_many([key, DUE_KEY])
    # Once the due moment has come, the version that forgetting it made.
    number = cache.get(key) if _due_passed(found.get(DUE_KEY)) else found.get(key)
    if number is None:
        _start_version(key)
        number = cache.get(key) or _first_number()
    version = f"{settings.RELEASE}.{number}"
    _read.__dict__[audience] = version
    return version


def _start_version(key):
    """A version number where there was none (a new or emptied cache); what changes with time
    is looked up anew, since what was known of it may have gone with the rest."""
    if cache.add(key, _first_number(), timeout=None):
        remember_due()


def _incr(audiences):
    forget_read()
    for audience in audiences:
        key = _version_key(audience)
        try:
            cache.incr(key)
        except ValueError:
            _start_version(key)


def forget(audiences=AUDIENCES):
    """Content that `audiences` see has changed: what was kept for them is not read again.

    At once, and again when the transaction commits, so a page drawn between the two (from
    data not yet committed) is forgotten too."""
    audiences = tuple(audiences)
    _incr(audiences)
    transaction.on_commit(lambda: _incr(audiences))


def cached_data(name, compute, *parts, audience=PUBLIC):
    """`compute()`, kept until content `audience` sees changes (or DATA_CACHE_SECONDS pass).

    For data only (counts, choices, markers: plain values), never markup, which templates
    keep with `{% cache %}`. `parts` (plain values: what the data depends on, such as the
    filters) make the key. Off when DATA_CACHE_SECONDS is 0."""
    seconds = settings.DATA_CACHE_SECONDS
    if not seconds:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"data:{content_version(audience)}:{name}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


# What this worker keeps for the public content version it last read (`kept_in_worker`):
# {"version": ..., "values": {(name, *parts): value}}.
_in_worker = {"version": None, "values": {}}
_keeping = threading.RLock()


def kept_in_worker(name, compute, *parts, shared=False):
    """`compute()`, kept in this worker's memory until public content changes.

    For data that every request of a page needs and that is derived from all of some public
    content: the facet indexes, the map of member cities, a directory's choices, the names
    of tags. The first request after a change computes it (or, when `shared`, takes it from
    the data cache, where the first worker to compute it leaves it: `cached_data`); the
    others read it from memory, with no round trip. Values of an older version are dropped
    when a request reads a new one. Kept whatever DATA_CACHE_SECONDS says: a page needs it
    on every request, and it follows content exactly, as the version does."""
    version = content_version()
    key = (name, *parts)
    with _keeping:
        if _in_worker["version"] != version:
            _in_worker.update(version=version, values={})
        values = _in_worker["values"]
        if key not in values:
            values[key] = cached_data(name, compute, *parts) if shared else compute()
        return values[key]


def answers():
    """True when a value written to the cache comes back.

    With Redis (django-redis, IGNORE_EXCEPTIONS) a cache that is down fails quietly: reads
    miss and writes are dropped, so pages are computed and served as if nothing were kept.
    What must not fail quietly asks this first: the readiness check, and the public forms,
    whose rate limits and one-submission tokens live in the cache (scn_portal/abuse.py)."""
    key, value = f"probe:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        found = cache.get(key)
        cache.delete(key)
    except Exception:  # the database cache, or any backend that raises
        return False
    return found == value


def carries_a_session(request):
    """Whether the request comes with a session or with messages waiting: what the page then
    shows may be someone's own, so it is neither kept here nor in anyone else's cache (see
    scn_portal.middleware.PrivateResponsesMiddleware)."""
    cookies = request.COOKIES
    # An emptied cookie (as a sign-out leaves in a client that keeps expired ones) holds none.
    return bool(cookies.get(settings.SESSION_COOKIE_NAME) or cookies.get(CookieStorage.cookie_name))


def _may_use_cache(request):
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    return not carries_a_session(request)


def _may_store(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Cache-Control")
    )


def _page_key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{get_language()}:{path}"


def _current_version():
    """The public content version a kept page must carry to be served, or None when there is
    none yet: one round trip, which reads the due moment with it (scheduled content)."""
    version_key = _version_key(PUBLIC)
    found = cache.get_many([version_key, DUE_KEY])
    if _due_passed(found.get(DUE_KEY)):
        return None
    number = found.get(version_key)
    return f"{settings.RELEASE}.{number}" if number is not None else None


def _kept_page(key, version):
    """The response kept under `key` for `version`, or None: from this worker's memory (the
    `in_process` cache), else from the shared cache, and then kept in memory too."""
    here = caches["in_process"]
    stored = here.get(key)
    if stored is None or stored[0] != version:
        stored = cache.get(key)
        if stored is None or stored[0] != version:
            return None
        here.set(key, stored, settings.PAGE_CACHE_SECONDS)
    return stored[1]


class KeptPagesMiddleware:
    """Serve a page this worker drew and kept (`public_page`) before its address is resolved,
    as Django's own FetchFromCacheMiddleware does: last in MIDDLEWARE, so every middleware
    above it has run on the request and runs on the response, as for a page drawn anew.

    Only an address this worker holds a page for costs anything more than a look in its
    memory: then the version is read (one round trip), and the page served if it is of that
    version. Any other request (a page kept by another worker only, an older version, a form,
    a signed-in member) goes on to its view, with the version read once for `public_page`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _may_use_cache(request):
            stored = caches["in_process"].get(_page_key(request))
            if stored is not None:
                request.public_content_version = current = _current_version()
                if current is not None and stored[0] == current:
                    return stored[1]
        return self.get_response(request)


_NOT_READ = object()


def _as_sent(response):
    """`response` as it is kept: what is sent, without the data an API answer was rendered
    from (a REST framework Response keeps it, and every hit would unpickle it again: 90 us
    for the practice API's 20 practices). A copy: the response itself is being served."""
    if not hasattr(response, "data"):
        return response
    kept = copy.copy(response)
    del kept.data
    return kept


def public_page(view):
    """Serve `view` from the page cache to signed-out visitors (the public audience): the
    whole response, keyed by the language and the address and stored with the public content
    version it was drawn under. A page of another version is never served.

    Each request reads the public content version from the shared cache (one round trip);
    the page itself comes from the worker's own memory when this worker served it under that
    version before (`KeptPagesMiddleware` serves it then, without resolving the address),
    else from the shared cache, where whichever worker drew it left it. The worker's copy
    spares a round trip with the whole page in it, and its unpickling.

    Only a request without a session or messages is served or stored, and only a response
    that set no cookie, used no CSRF token and says nothing of its own caching."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _may_use_cache(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        current = getattr(request, "public_content_version", _NOT_READ)
        if current is _NOT_READ:
            current = _current_version()
        if current is not None:
            kept = _kept_page(key, current)
            if kept is not None:
                return kept
        response = view(request, *args, **kwargs)
        if _may_store(request, response):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_vary_headers(response, ["Cookie"])
            version = current if current is not None else content_version(PUBLIC)
            kept = (version, _as_sent(response))
            cache.set(key, kept, settings.PAGE_CACHE_SECONDS)
            caches["in_process"].set(key, kept, settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper
