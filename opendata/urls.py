"""Addresses of the open data. The API and the downloads are the same in every language
(`api_urls`, outside the language prefixes); the API's documentation is a page per language
(`page_urls`)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from opendata import api, exports, views
from opendata.sources import KINDS, PAST_EVENTS
from scn_portal.page_cache import public_page


def _api_paths():
    """The API's lists and records, under api/v1/."""
    paths = [
        path("schema/", public_page(SpectacularJSONAPIView.as_view()), name="schema"),
        path("events/past/", public_page(api.list_view(PAST_EVENTS).as_view()), name="events_past"),
    ]
    for name, kind in KINDS.items():
        paths += [
            path(f"{name}/", public_page(api.list_view(kind).as_view()), name=f"{name}_list"),
            path(
                f"{name}/<slug:slug>/",
                public_page(api.record_view(kind).as_view()),
                name=f"{name}_record",
            ),
        ]
    return paths


# Every page of the portal is looked for here first (these come before the pages with a
# language prefix): two patterns to try, not the API's twenty, before the pages' own.
api_urls = (
    [
        path("api/v1/", include(_api_paths())),
        path("downloads/<slug:kind>.<slug:fmt>", exports.download, name="download"),
    ],
    "api",
)

page_urls = ([path("api/", views.docs, name="docs")], "opendata")
