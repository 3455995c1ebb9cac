"""Whole-page caching for signed-out visitors, never stale and never personal.

A page is cached only when the request carries no session and no messages cookie (so
nobody is signed in and nothing is personal), and only when rendering it set no cookie and
used no CSRF token. Cached pages carry the content generation they were rendered under,
which any change to published content bumps (see `bump_generation`, connected in
ScnPortalConfig.ready), so a publication or an edit is visible on the next request. Off
when PAGE_CACHE_SECONDS is 0.

`cached_data` keeps expensive figures (the library's facet counts, the map of member cities),
rows written in HTML and page content drawn once per audience ({% fragment %}, see
templatetags/fragments.py) under the same generation, for everyone, signed in or not: it
caches data and parts of pages, never a response. Off when DATA_CACHE_SECONDS is 0.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

GENERATION_KEY = "page-cache:generation"


def _first_generation():
    """Where a lost generation starts again: the current time in microseconds, above any
    generation counted before (a cache that evicts keys may drop it), so nothing stored
    under an older one is ever taken for current."""
    return time.time_ns() // 1000


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        first = _first_generation()
        cache.add(GENERATION_KEY, first, timeout=None)
        value = cache.get(GENERATION_KEY, first)
    return value


# Models whose rows appear on public pages; a change to any of them forgets every page.
CONTENT_MODELS = [
    "cities.Region",
    "cities.City",
    "cities.TaggedCity",
    "cities.PartnerOrganisation",
    "cities.TaggedOrganisation",
    "cities.Practitioner",
    "cities.TaggedPractitioner",
    "practices.Practice",
    "practices.TaggedPractice",
    "practices.Attachment",
    "practices.ExtremismForm",
    "scn_portal.FaqEntry",
    "taggit.Tag",
]


def connect_invalidation():
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"page-cache-del-{label}")
        for field in model._meta.many_to_many:
            through = getattr(model, field.name).through
            m2m_changed.connect(
                bump_generation,
                sender=through,
                dispatch_uid=f"page-cache-m2m-{through._meta.label}",
            )


def _incr():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, _first_generation(), timeout=None)


def bump_generation(**kwargs):
    """Forget every cached page and figure. Connected to saves and deletes of published
    content: at once, and again when the transaction commits, so a page rendered between
    the two (from data not yet committed) is forgotten too."""
    _incr()
    transaction.on_commit(_incr)


# Part of every cached_data key: raise it when what a `compute` returns changes shape, so a
# new release never reads what an older one stored.
DATA_FORMAT = 3


def _read_current(key):
    """(generation, hit, value): the current generation and, when `key` holds a value stored
    under it, that value; both in one cache read."""
    found = cache.get_many([GENERATION_KEY, key])
    current, stored = found.get(GENERATION_KEY), found.get(key)
    if current is not None and stored is not None and stored[0] == current:
        return current, True, stored[1]
    return (current if current is not None else generation()), False, None


def cached_data(name, compute, *parts):
    """`compute()`, kept in the cache until published content changes.

    The value is stored with the generation it was computed under; the generation and the
    value are read together, in one cache read. `parts` (plain values: what the figures
    depend on, such as the filters) make the key."""
    seconds = settings.DATA_CACHE_SECONDS
    if not seconds:
        return compute()
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"data:{DATA_FORMAT}:{name}:{digest}"
    current, hit, value = _read_current(key)
    if hit:
        return value
    value = compute()
    cache.set(key, (current, value), seconds)
    return value


def cached_row_or_404(name, make_queryset, slug):
    """The row whose slug is `slug` of the queryset `make_queryset()` returns, kept like
    `cached_data` (an unknown slug too, as a 404): a public page's own row, the same for
    everyone, costs no query, nor even building one, until content changes. For querysets
    that do not depend on who asks."""
    row = cached_data(name, lambda: make_queryset().filter(slug=slug).first(), slug)
    if row is None:
        raise Http404(f"No {name} matches the given query.")
    return row


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


def _key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{get_language()}:{path}"


def public_page(view):
    """Serve `view` from the page cache to signed-out visitors.

    A page is stored with the generation it was rendered under, and read together with the
    current generation in one cache read: a page of an older generation is never served."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _may_use_cache(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        current, hit, stored = _read_current(key)
        if hit:
            return stored
        response = view(request, *args, **kwargs)
        if _may_store(request, response):
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            patch_vary_headers(response, ["Cookie"])
            cache.set(key, (current, response), settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper
