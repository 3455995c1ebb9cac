"""Pages of the membership side: member cities, partner organisations, practitioners.

Every page reads a fixed number of queries whatever the amount of data: lists read their
filter choices, one page of rows and what those rows show (prefetched); details read the
object and each related list once. Public pages are served from the page cache to
signed-out visitors (scn_portal.page_cache).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from cities.filters import CityFilter, OrganisationFilter, PractitionerFilter, country_choices
from cities.models import City, PartnerOrganisation, Practitioner, Region, TaggedCity, map_markers
from practices.models import Practice
from scn_portal.page_cache import public_page

CITIES_PER_PAGE = 24
ORGANISATIONS_PER_PAGE = 24
PRACTITIONERS_PER_PAGE = 30
# A city or organisation page shows its latest practice and links to the rest in the library.
PRACTICES_ON_DETAIL_PAGE = 12
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


@public_page
def city_list(request):
    members = City.objects.members()
    # The regions and countries that have member cities, in one query.
    facets = set(
        members.order_by().values_list("region__order", "region__name", "region__slug", "country")
    )
    regions = sorted({(order, name, slug) for order, name, slug, _country in facets})
    focus_areas = (
        TaggedCity.objects.filter(content_object__in=members)
        .order_by("tag__name")
        .values_list("tag__slug", "tag__name")
        .distinct()
    )
    filterset = CityFilter(
        request.GET,
        queryset=members.with_list_data(),
        choices={
            "region": [(slug, name) for _order, name, slug in regions],
            "country": country_choices(country for *_region, country in facets),
            "focus": list(focus_areas),
        },
    )
    cities = filterset.qs
    # Every matching city for the map; its length is also the result count.
    points = list(cities.order_by().map_points())
    page_obj = paginate(request, cities, CITIES_PER_PAGE, count=len(points))
    return render(
        request,
        "cities/city_list.html",
        {
            "filterset": filterset,
            "page_obj": page_obj,
            "cities": page_obj.object_list,
            "result_count": len(points),
            "markers": map_markers(points),
        },
    )


@public_page
def city_detail(request, slug):
    city = get_object_or_404(
        City.objects.select_related("region").with_practice_count().prefetch_related("focus_areas"),
        slug=slug,
    )
    practices = (
        Practice.objects.published()
        .filter(city=city)
        .with_list_data()
        .order_by("-published_at", "-pk")[:PRACTICES_ON_DETAIL_PAGE]
    )
    practitioners = (
        Practitioner.objects.visible_to(request.user)
        .filter(city=city)
        .select_related("organisation")
    )
    return render(
        request,
        "cities/city_detail.html",
        {
            "city": city,
            "practices": practices,
            "organisations": city.organisations.order_by("name"),
            "practitioners": practitioners,
            "markers": map_markers([(city.name, city.slug, city.latitude, city.longitude)]),
        },
    )


@public_page
def organisation_list(request):
    filterset = OrganisationFilter(
        request.GET,
        queryset=PartnerOrganisation.objects.with_list_data(),
        choices={"region": region_choices()},
    )
    page_obj = paginate(request, filterset.qs, ORGANISATIONS_PER_PAGE)
    return render(
        request,
        "cities/organisation_list.html",
        {
            "filterset": filterset,
            "page_obj": page_obj,
            "organisations": page_obj.object_list,
            "result_count": page_obj.paginator.count,
        },
    )


@public_page
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        PartnerOrganisation.objects.prefetch_related("regions", "focus_areas"), slug=slug
    )
    # The library has no organisation filter, so the page itself pages through its practice.
    practices, number, has_next = page_without_count(
        request,
        Practice.objects.published()
        .filter(organisations=organisation)
        .with_list_data()
        .order_by("-published_at", "-pk"),
        PRACTICES_ON_DETAIL_PAGE,
    )
    return render(
        request,
        "cities/organisation_detail.html",
        {
            "organisation": organisation,
            "cities": organisation.cities.select_related("region").order_by("name"),
            "practices": practices,
            "practice_page": number,
            "practice_has_next": has_next,
        },
    )


@public_page
def practitioner_list(request):
    """Members see every practitioner; a visitor sees only those who chose to be public,
    and is invited to sign in for the rest."""
    filterset = PractitionerFilter(
        request.GET,
        queryset=Practitioner.objects.visible_to(request.user).with_list_data(),
        choices={"region": region_choices()},
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
