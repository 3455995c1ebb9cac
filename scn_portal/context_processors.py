"""Values every template needs: the site's name and canonical base address."""

from django.conf import settings


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "canonical_url": settings.SITE_URL + request.path,
    }
