"""The permanent address of a published practice, /practices/id/<pk>/: what a citation and
the page's linked data give, since a practice's readable address follows its title (its
slug), which moderators may change."""

from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from practices.models import Practice

# How long a browser may keep the redirect: a day, not for ever as it keeps a bare 301, so
# that a changed slug is followed.
REDIRECT_SECONDS = 24 * 60 * 60


@require_safe
def practice_permalink(request, pk):
    """A 301 to the practice's page when it is published. Anything else is a 404 for
    everyone, its author included: the address never tells that a draft exists."""
    practice = get_object_or_404(Practice.objects.published().only("slug"), pk=pk)
    response = HttpResponsePermanentRedirect(practice.get_absolute_url())
    patch_cache_control(response, max_age=REDIRECT_SECONDS)
    return response
