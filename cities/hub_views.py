"""The regional hubs: a page per world region with its member cities, its latest practice,
news, upcoming events and resources, the hub's team and how to reach it; and the list of
regions.

A hub page reads three queries, whatever the amount of data, and only when it is drawn (its
content is kept per region, audience and language): the region; its latest practice as
cards (their ids from the facet index); and ONE query for the short lists (cities, team,
stories, events, resources), each branch limited to what the page shows.
"""

from functools import cache

from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from cities.models import City, Practitioner, Region
from events.models import Event
from news.models import Story
from practices import facets
from practices.models import Practice
from resources.models import Resource
from scn_portal import briefs
from scn_portal.page_cache import public_page
from scn_portal.rows import by_label, rows_of, union_of

CITIES_ON_HUB = 48
PRACTICES_ON_HUB = 6
STORIES_ON_HUB = 4
EVENTS_ON_HUB = 4
RESOURCES_ON_HUB = 6


def hub_lists(slug, user, now):
    """The short lists of the hub of the region `slug` in ONE query: {kind: [(slug, label,
    info, more, num), ...]}."""
    stories = Story.objects.published(now).filter(regions__slug=slug)
    events = Event.objects.published(now).filter(region__slug=slug).upcoming(now)
    resources = Resource.objects.published().filter(regions__slug=slug)
    cities = City.objects.members().filter(region__slug=slug).order_by("name")
    team = Practitioner.objects.visible_to(user).filter(hub_regions__slug=slug)
    return union_of(
        rows_of(briefs.first(cities, CITIES_ON_HUB), "city", info=F("country")),
        rows_of(
            team,
            "team",
            label="full_name",
            info=F("role_title"),
            more=Coalesce(F("organisation__name"), Value("")),
        ),
        briefs.story_rows(stories, STORIES_ON_HUB),
        briefs.event_rows(events, EVENTS_ON_HUB),
        briefs.resource_rows(resources, RESOURCES_ON_HUB),
    )


def _team(rows):
    return [
        {"slug": slug, "full_name": name, "role_title": role, "organisation": organisation}
        for slug, name, role, organisation, _num in rows
    ]


@public_page
def region_detail(request, slug):
    region = SimpleLazyObject(lambda: get_object_or_404(Region.objects.all(), slug=slug))

    @cache
    def lists():
        return hub_lists(slug, request.user, timezone.now())

    def practices():
        # The region's newest practice, picked from the facet index (no query), then read.
        index = facets.current()
        ids = index.page(index.sets["region"].get(slug, ()), 0, PRACTICES_ON_HUB)
        return list(
            Practice.objects.filter(pk__in=ids).for_cards().order_by("-published_at", "-pk")
        )

    def listed(kind, build=None):
        def read():
            rows = by_label(lists().get(kind, []))
            return build(rows) if build else rows

        return SimpleLazyObject(read)

    context = {
        "region": region,
        "slug": slug,
        "cities": listed("city"),
        "cities_limit": CITIES_ON_HUB,
        "team": listed("team", _team),
        "stories": listed("story", briefs.stories),
        "events": listed("event", briefs.events),
        "resources": listed("resource", briefs.resources),
        "practices": SimpleLazyObject(practices),
        "practice_count": cache(lambda: len(facets.current().sets["region"].get(slug, ()))),
    }
    return render(request, "cities/region_detail.html", context)


@public_page
def region_list(request):
    """Every region, its hub (where there is one) and how many member cities it has: one
    query, when the page is drawn."""
    regions = SimpleLazyObject(
        lambda: list(
            Region.objects.annotate(
                city_count=Count(
                    "cities", filter=Q(cities__membership_status=City.MembershipStatus.MEMBER)
                )
            )
        )
    )
    return render(request, "cities/region_list.html", {"regions": regions})
