"""Site-wide pages: home, about and FAQ, contact, search, robots.txt and the sitemap."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from cities.models import City, Region
from practices.models import Practice
from scn_portal.page_cache import public_page


def _pending(request, *args, **kwargs):
    # PLACEHOLDER: replaced by the helper that owns this page; none may remain at landing.
    raise Http404("not built yet")


@never_cache
def healthz(request):
    """Liveness for load balancers: the process answers. Touches neither database nor cache,
    which also makes it the baseline the benchmark compares every page with."""
    return HttpResponse("ok", content_type="text/plain")


@public_page
def home(request):
    context = {
        "member_city_count": City.objects.members().count(),
        "region_count": Region.objects.filter(cities__isnull=False).distinct().count(),
        "practice_count": Practice.objects.published().count(),
        "latest_practices": Practice.objects.published()
        .with_list_data()
        .order_by("-published_at")[:6],
    }
    return render(request, "scn_portal/home.html", context)


about = faq = robots_txt = sitemap = _pending  # PLACEHOLDER (browsing)
