"""Site-wide pages: home, about and FAQ, contact, search, robots.txt and the sitemap; the
liveness and readiness checks a load balancer asks."""

import logging
import os
from pathlib import Path

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache

from cities.maps import member_map
from events.models import Event
from news.models import Story
from practices import facets
from practices.models import Practice
from scn_portal import briefs
from scn_portal.models import FaqEntry
from scn_portal.page_cache import answers as cache_answers
from scn_portal.page_cache import public_page
from scn_portal.rows import union_of
from scn_portal.sitemaps import SITEMAPS


@never_cache
def healthz(request):
    """Liveness for load balancers: the process answers. Touches neither database nor cache,
    which also makes it the baseline the benchmark compares every page with."""
    return HttpResponse("ok", content_type="text/plain")


logger = logging.getLogger(__name__)


def _database_ready():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache_ready():
    # A cache that ignores its errors fails quietly: only a value that comes back counts.
    if not cache_answers():
        raise ConnectionError("the cache did not keep a value")


def _storage_ready():
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        # A new deployment has no upload folder until the first upload: it may be made.
        Path(storage.location).mkdir(parents=True, exist_ok=True)
        if not os.access(storage.location, os.W_OK):
            raise PermissionError(f"{storage.location} is not writable")
    else:
        storage.listdir("")


READINESS = {"database": _database_ready, "cache": _cache_ready, "storage": _storage_ready}


@never_cache
def readyz(request):
    """Readiness for load balancers: 200 when the database, the cache and the upload storage
    answer, else 503. Which part failed, and why, goes to the log, never to the response."""
    failed = []
    for part, check in READINESS.items():
        try:
            check()
        except Exception:
            logger.exception("Not ready: the %s does not answer", part)
            failed.append(part)
    if failed:
        return HttpResponse("not ready", content_type="text/plain", status=503)
    return HttpResponse("ready", content_type="text/plain")


def home_figures():
    # The member cities' map and figures, laid out once per content version.
    cities = member_map()
    return {
        "member_city_count": cities["count"],
        "region_count": cities["region_count"],
        # From the facet index, without counting the published rows again.
        "practice_count": len(facets.current().everything),
        "map": cities["map"],
    }


LATEST_STORIES = 3
NEXT_EVENTS = 3


def news_and_events(now):
    """The latest stories and the next events, in one query: {"story": [...], "event": [...]}."""
    rows = union_of(
        briefs.story_rows(Story.objects.published(now), LATEST_STORIES),
        briefs.event_rows(Event.objects.published(now).upcoming(now), NEXT_EVENTS),
    )
    return {
        "stories": briefs.stories(rows.get("story", [])),
        "events": briefs.events(rows.get("event", [])),
    }


@public_page
def home(request):
    # All are read only when the page's content is drawn (it is kept in the template); the
    # figures come from the map and the facet index, kept in each worker until public
    # content changes (per language: the map's names are worded in it).
    context = {
        "briefs": SimpleLazyObject(lambda: news_and_events(timezone.now())),
        "figures": SimpleLazyObject(home_figures),
        "latest": SimpleLazyObject(
            lambda: list(
                Practice.objects.published().for_cards().order_by("-published_at", "-pk")[:6]
            )
        ),
    }
    return render(request, "scn_portal/home.html", context)


@public_page
def about(request):
    return render(request, "scn_portal/about.html")


@public_page
def faq(request):
    return render(request, "scn_portal/faq.html", {"entries": FaqEntry.objects.published()})


ROBOTS_DISALLOW = ["/practitioners/", "/contribute/", "/admin/", "/accounts/"]


@public_page
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@public_page
def sitemap(request):
    return sitemap_view(request, sitemaps=SITEMAPS)
