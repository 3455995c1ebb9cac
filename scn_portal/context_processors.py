"""Values every template needs: the site's canonical base address, the map tile server, and
the parts of the keys under which templates keep what they draw ({% cache %})."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from cities.models import audience
from scn_portal.page_cache import content_version


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "canonical_url": settings.SITE_URL + request.path,
        "MAP_TILE_URL": settings.MAP_TILE_URL,
        # A member who has not accepted this version of the privacy notice is asked to.
        "PRIVACY_NOTICE_VERSION": settings.PRIVACY_NOTICE_VERSION,
    }


def caching(request):
    """For `{% cache cache_seconds "name" content_version audience LANGUAGE_CODE ... %}`:
    how long a part of a page is kept (0: not at all, as in development and tests), the
    viewer's audience and the version of the content that audience sees. Read only by a
    template that keeps something."""
    seconds = settings.DATA_CACHE_SECONDS
    viewer = SimpleLazyObject(lambda: audience(request.user))
    return {
        "cache_seconds": seconds,
        "audience": viewer,
        # Nothing is kept when `seconds` is 0: no version is needed (nor read).
        "content_version": SimpleLazyObject(lambda: content_version(str(viewer)))
        if seconds
        else "",
    }
