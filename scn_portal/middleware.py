"""Response headers Django does not set by itself."""

from django.conf import settings
from django.utils.cache import patch_cache_control

from scn_portal.page_cache import carries_a_session


class PermissionsPolicyMiddleware:
    """Turn off browser features the portal never uses (camera, microphone, location, ...),
    and keep other sites from loading our responses as their own resources."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Permissions-Policy": settings.PERMISSIONS_POLICY,
            "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response


class PrivateResponsesMiddleware:
    """Keep every answer given to a signed-in person out of shared caches and off the disk.

    A response is `Cache-Control: private, no-store` (added to what the view set, which stays
    when stricter: never_cache's `no-cache, must-revalidate`) when the request came with a
    session or waiting messages, or was answered for a signed-in user (one who signed in
    with this very request too). Every status counts, 404 and redirect alike, since even they
    tell what this person may see. One rule for every view, so a new page cannot forget it.

    Listed above the session, locale and common middleware so that their own answers (such as
    the redirect that adds a slash) are marked too; below WhiteNoise, so static files stay
    cacheable for everyone. Signed-out visitors' pages are left as they were: the page cache
    (scn_portal/page_cache.py) uses the same `carries_a_session` rule to decide what it keeps.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if carries_a_session(request) or _signed_in(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


def _signed_in(request):
    # Without a session cookie, reading the user costs no query; absent when a middleware
    # above AuthenticationMiddleware answered.
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated
