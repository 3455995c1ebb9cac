"""Pages of the membership side: member cities, partner organisations, practitioners.

Every page reads a fixed number of queries whatever the amount of data: lists read their
filter choices, one page of rows and what those rows show (prefetched); details read the
object and each related list once. Public pages are served from the page cache to
signed-out visitors (scn_portal.page_cache).
"""

import json
from functools import cache, lru_cache, partial

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from taggit.models import Tag

from cities.filters import CityFilter, OrganisationFilter, PractitionerFilter, country_choices
from cities.maps import member_map
from cities.models import (
    City,
    PartnerOrganisation,
    Practitioner,
    Region,
    TaggedCity,
    map_markers,
)
from cities.worldmap import layout
from news.models import Story
from practices import facets
from practices.models import Practice, with_practice_count
from scn_portal import briefs
from scn_portal.languages import localized, tag_name
from scn_portal.page_cache import cached_data, kept_in_worker, public_page
from scn_portal.rows import by_label, rows_of, union_of

CITIES_PER_PAGE = 24
ORGANISATIONS_PER_PAGE = 24
PRACTITIONERS_PER_PAGE = 30
# A city or organisation page shows its latest practice and links to the rest in the library.
PRACTICES_ON_DETAIL_PAGE = 12
# A city page shows the latest news stories that name it.
STORIES_ON_DETAIL_PAGE = 5
# Beyond this a page number is a mistake, and an OFFSET that large overflows SQLite.
MAX_PAGE = 10_000


def paginate(request, queryset, per_page, count=None):
    """The requested page; a missing or bad page number gives the first or last page.

    `count`, when the view already knows it, saves the paginator its COUNT query.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("page"))


def page_without_count(request, queryset, per_page):
    """(rows, number, has_next) of one page of `queryset`, read in the one query that reads
    the rows: one row more than a page says whether another page follows. A page past the
    end is a 404; a bad or huge page number gives the first page."""
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    number = number if 1 <= number <= MAX_PAGE else 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    if number > 1 and not rows:
        raise Http404
    return rows[:per_page], number, len(rows) > per_page


def region_choices():
    return list(Region.objects.values_list("slug", "name"))


def lazy_region_choices():
    """The regions as a filter's choices, read only when its form is drawn or checked."""
    return lambda: kept_in_worker("region-choices", region_choices, get_language(), shared=True)


def directory_choices():
    """The regions, countries and focus areas that have member cities (two queries), in
    the visitor's language."""
    members = City.objects.members()
    facets = set(
        members.order_by()
        .annotate(region_name=localized("region__name"))
        .values_list("region__order", "region_name", "region__slug", "country")
        .distinct()
    )
    # The few focus areas, each asking whether a member city has it (a probe of the tag's
    # index), rather than joining every city's tags and grouping them.
    focus_areas = (
        Tag.objects.filter(
            Exists(TaggedCity.objects.filter(tag=OuterRef("pk"), content_object__in=members))
        )
        .order_by("name")
        .values_list("slug", "name")
    )
    regions = sorted({(order, name, slug) for order, name, slug, _country in facets})
    in_region = {}
    for _order, _name, slug, country in facets:
        in_region.setdefault(slug, set()).add(country)
    return {
        "region": [(slug, name) for _order, name, slug in regions],
        "country": country_choices(country for *_region, country in facets),
        "focus": [(slug, tag_name(name)) for slug, name in focus_areas],
        "countries_in_region": in_region,
    }


def city_filterset(request):
    """The directory's filters over the member cities, with the choices kept in each worker
    until public content changes."""
    choices = SimpleLazyObject(
        lambda: kept_in_worker(
            "city-directory-choices", directory_choices, get_language(), shared=True
        )
    )
    region = request.GET.get("region", "")

    def countries():
        """The countries with member cities, only those of the region chosen (when it is
        one): the list narrows with the region, on the server, without a script."""
        in_region = choices["countries_in_region"].get(region)
        if in_region is None:
            return choices["country"]
        return [(code, name) for code, name in choices["country"] if code in in_region]

    return CityFilter(
        request.GET,
        queryset=with_practice_count(City.objects.members().with_list_data()),
        # Read (once) when the form is drawn or checked, not when the page's content is kept.
        choices={
            "region": lambda: choices["region"],
            "country": countries,
            "focus": lambda: choices["focus"],
        },
    )


def directory_figures(filterset):
    """How many cities the filters select, and their map as the page draws it
    (cities.worldmap), from one query; without filters, the map of every member city kept
    per content version (cities.maps)."""
    if not filterset.active and filterset.is_valid():
        return {key: member_map()[key] for key in ("count", "map")}
    points = list(filterset.qs.order_by().map_points())
    return {"count": len(points), "map": layout(points)}


class LazyRows:
    """The rows `make()` returns, filtered and sliced only when a page of them is read."""

    def __init__(self, make):
        self.make = make

    def __getitem__(self, index):
        return SimpleLazyObject(lambda: list(self.make()[index]))


def directory(request, template, make_filterset, per_page, name, figures=None):
    """A directory page: its filter form, the count and one page of rows, drawn by
    `template`, whose head and content are kept per address ({% cache %}). Nothing is
    read until they are drawn: the filters (`make_filterset()`), the count (and what
    `figures(filterset)` adds: a dict with "count"), data kept in the cache, and the rows."""
    filterset = SimpleLazyObject(make_filterset)

    def counted():
        counts = figures(filterset) if figures else {}
        if "count" not in counts:
            counts["count"] = filterset.qs.order_by().count()
        return counts

    # Per language: the map's group names (cities.worldmap) and addresses are worded in it.
    found = cache(lambda: cached_data(name, counted, get_language(), sorted(request.GET.lists())))

    context = {
        "filterset": filterset,
        "page_obj": SimpleLazyObject(
            lambda: paginate(request, LazyRows(lambda: filterset.qs), per_page, found()["count"])
        ),
        "filters_active": SimpleLazyObject(lambda: filterset.active),
        "count": SimpleLazyObject(lambda: found()["count"]),
        "map": SimpleLazyObject(lambda: found().get("map")),
    }
    return render(request, template, context)


@public_page
def city_list(request):
    return directory(
        request,
        "cities/city_list.html",
        partial(city_filterset, request),
        CITIES_PER_PAGE,
        "city-directory-count",
        directory_figures,
    )


@public_page
def city_map(request):
    """The map's markers, as JSON, for the member cities the directory's filters select
    (all of them without filters), for reuse elsewhere; the pages draw their own map
    (cities.worldmap). Kept in the cache until content changes."""

    def markers():
        cities = city_filterset(request).qs.order_by()
        return json.dumps(map_markers(cities.map_points()))

    body = cached_data("city-map", markers, get_language(), sorted(request.GET.lists()))
    return HttpResponse(body, content_type="application/json")


@public_page
def city_detail(request, slug):
    """Three queries, all only when the page is drawn (its parts are kept per slug and
    audience, so a kept page reads nothing; an unknown slug gives 404 as it is drawn): the
    city; its latest practice (with their themes); and in one query its focus areas,
    partner organisations and the practitioners the viewer may see."""
    city = SimpleLazyObject(
        lambda: get_object_or_404(City.objects.select_related("region"), slug=slug)
    )

    def lists():
        return union_of(
            rows_of(city.focus_areas.all(), "focus"),
            rows_of(city.organisations.all(), "organisation", info=F("kind")),
            rows_of(
                Practitioner.objects.visible_to(request.user).filter(city=city.pk),
                "practitioner",
                label="full_name",
                info=F("role_title"),
                more=F("organisation__name"),
            ),
            briefs.story_rows(
                Story.objects.published(timezone.now()).filter(cities=city.pk),
                STORIES_ON_DETAIL_PAGE,
            ),
        )

    def practitioners():
        found = []
        for key, name, role, organisation, _num in by_label(lists_once().get("practitioner", [])):
            practitioner = Practitioner(slug=key, full_name=name, role_title=role)
            if organisation:
                practitioner.organisation = PartnerOrganisation(name=organisation)
            found.append(practitioner)
        return found

    lists_once = lru_cache(maxsize=1)(lists)
    return render(
        request,
        "cities/city_detail.html",
        {
            "city": city,
            "focus_areas": SimpleLazyObject(
                lambda: [
                    Tag(slug=k, name=n) for k, n, *_ in by_label(lists_once().get("focus", []))
                ]
            ),
            # From the facet index, without a query (read only when the content is drawn).
            "practice_count": cache(lambda: len(facets.current().sets["city"].get(city.slug, ()))),
            "practices": SimpleLazyObject(
                lambda: list(
                    Practice.objects.published()
                    .filter(city=city.pk)
                    .for_cards()
                    .order_by("-published_at", "-pk")[:PRACTICES_ON_DETAIL_PAGE]
                )
            ),
            "organisations": SimpleLazyObject(
                lambda: [
                    PartnerOrganisation(slug=key, name=name, kind=kind)
                    for key, name, kind, *_rest in by_label(lists_once().get("organisation", []))
                ]
            ),
            "practitioners": SimpleLazyObject(practitioners),
            "stories": SimpleLazyObject(lambda: briefs.stories(lists_once().get("story", []))),
            "map": SimpleLazyObject(lambda: city_map_view(city)),
            "slug": slug,
        },
    )


def city_map_view(city):
    """The map of a city page: the area around the city, with its mark (None when it has no
    coordinates)."""
    if city.latitude is None or city.longitude is None:
        return None
    region = city.region.slug if city.region else None
    point = (city.name, city.slug, city.latitude, city.longitude, city.country.code, region)
    return layout([point], around=(city.latitude, city.longitude))


def organisation_filterset(request):
    """The directory's filters over the partner organisations."""
    return OrganisationFilter(
        request.GET,
        queryset=PartnerOrganisation.objects.with_list_data(),
        choices={"region": lazy_region_choices()},
    )


@public_page
def organisation_list(request):
    return directory(
        request,
        "cities/organisation_list.html",
        partial(organisation_filterset, request),
        ORGANISATIONS_PER_PAGE,
        "organisation-directory-count",
    )


@public_page
def organisation_detail(request, slug):
    """Three queries, all only when the page is drawn (its parts are kept per address, so a
    kept page reads nothing; an unknown slug gives 404 as it is drawn): the organisation; a
    page of its latest practice (with their themes); and in one query the regions where it
    works, its focus areas and the cities it works with."""
    organisation = SimpleLazyObject(lambda: get_object_or_404(PartnerOrganisation, slug=slug))

    @lru_cache(maxsize=1)
    def practice_page():
        # The library has no organisation filter, so the page itself pages through its
        # practice.
        return page_without_count(
            request,
            Practice.objects.published()
            .filter(organisations=organisation.pk)
            .for_cards()
            .order_by("-published_at", "-pk"),
            PRACTICES_ON_DETAIL_PAGE,
        )

    @lru_cache(maxsize=1)
    def lists():
        return union_of(
            rows_of(organisation.regions.all(), "region", label=localized("name"), num=F("order")),
            rows_of(organisation.focus_areas.all(), "focus"),
            rows_of(
                organisation.cities.all(),
                "city",
                info=F("country"),
                more=localized("region__name"),
            ),
        )

    def cities():
        found = []
        for key, name, country, region, _num in by_label(lists().get("city", [])):
            city = City(slug=key, name=name, country=country)
            city.region = Region(name=region)
            found.append(city)
        return found

    def regions():
        rows = sorted(lists().get("region", []), key=lambda row: (row[4], row[1].casefold()))
        return [Region(slug=key, name=name) for key, name, *_rest in rows]

    return render(
        request,
        "cities/organisation_detail.html",
        {
            "organisation": organisation,
            "regions": SimpleLazyObject(regions),
            "focus_areas": SimpleLazyObject(
                lambda: [Tag(slug=k, name=n) for k, n, *_ in by_label(lists().get("focus", []))]
            ),
            "cities": SimpleLazyObject(cities),
            "practices": SimpleLazyObject(lambda: practice_page()[0]),
            "practice_page": lambda: practice_page()[1],
            "practice_has_next": lambda: practice_page()[2],
        },
    )


@public_page
def practitioner_list(request):
    """Members see every practitioner; a visitor sees only those who chose to be public,
    and is invited to sign in for the rest."""
    filterset = PractitionerFilter(
        request.GET,
        queryset=Practitioner.objects.visible_to(request.user).with_list_data(),
        choices={"region": lazy_region_choices()},
    )
    page_obj = paginate(request, filterset.qs, PRACTITIONERS_PER_PAGE)
    return render(
        request,
        "cities/practitioner_list.html",
        {
            "filterset": filterset,
            "page_obj": page_obj,
            "practitioners": page_obj.object_list,
            "result_count": page_obj.paginator.count,
        },
    )


@public_page
def practitioner_detail(request, slug):
    visible = Practitioner.objects.visible_to(request.user).select_related(
        "city", "city__region", "organisation"
    )
    practitioner = visible.prefetch_related("expertise").filter(slug=slug).first()
    if practitioner is None:
        if not request.user.is_authenticated:
            # The same answer whether the profile is private or does not exist, so a
            # visitor cannot learn who is in the network.
            return redirect_to_login(request.get_full_path())
        raise Http404
    user = request.user
    is_member = user.is_authenticated
    is_own = is_member and practitioner.user_id == user.pk
    return render(
        request,
        "cities/practitioner_detail.html",
        {
            "practitioner": practitioner,
            "practices": Practice.objects.published()
            .filter(contact_practitioner=practitioner)
            .select_related("city")
            .order_by("-published_at", "-pk"),
            # The relay needs an address to send to (cities.contact_views.reachable_practitioners).
            "can_contact": is_member
            and practitioner.accepts_messages
            and bool(practitioner.email)
            and not is_own,
            "can_claim": is_member
            and practitioner.user_id is None
            and not Practitioner.objects.filter(user=user).exists(),
        },
    )
