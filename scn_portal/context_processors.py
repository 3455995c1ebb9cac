"""Values every template needs: the site's canonical base address and the map tile server."""

from django.conf import settings


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "canonical_url": settings.SITE_URL + request.path,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
    }
