"""The read-only JSON API under /api/v1/: a list and a record view for each kind of open
data (opendata/sources.py), documented by an OpenAPI schema (drf-spectacular) built from
the same serializers and filter definitions.

Anonymous reads only: no authentication is read, so every caller sees the same published
content, and a list's answer is kept as data (`cached_data`) and in the page cache like the
public pages. Each client address may make API_RATE_LIMIT requests (counted in the shared
cache); CORS is open for reading (settings: CORS_*).
"""

import copy
from functools import cache, partial
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters import FilterSet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from scn_portal.abuse import client_address
from scn_portal.page_cache import cached_data
from scn_portal.structured_data import absolute

# As the library shows them: a page is as quick to compute as the page it mirrors (the
# downloads give every result at once).
PAGE_SIZE = 20
# Beyond this a page number is a mistake (an OFFSET that large overflows SQLite).
MAX_PAGE = 10_000
# What each list and record is, in the schema (English) and on the documentation page (the
# reader's language).
SUMMARIES = {
    "practices": (_("Published practice"), _("One case study of practice")),
    "cities": (_("Member cities"), _("One member city")),
    "organisations": (_("Partner organisations"), _("One partner organisation")),
    "news": (_("News stories"), _("One news story")),
    "events": (_("Upcoming events"), _("One event")),
    "events/past": (_("Past events"), None),
    "resources": (_("Resources of the hub"), _("One resource")),
}
# Parameters of a page that are not filters.
NOT_FILTERS = ("page", "sort")
# A filter with more choices than this lists none in the schema (the countries).
ENUM_LIMIT = 40


class ClientThrottle(SimpleRateThrottle):
    """API_RATE_LIMIT requests per client address (as the forms count it: behind
    TRUSTED_PROXY_COUNT proxies, an IPv6 client by its /64), counted in the default cache,
    which every worker shares."""

    scope = "api"

    def get_rate(self):
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}


class OpenDataView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientThrottle]
    renderer_classes = [JSONRenderer]
    kind = None


def page_number(request):
    """The page asked for: 1 when none is given; a bad or huge number is a 404."""
    value = request.query_params.get("page", "1")
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        raise Http404
    return int(value)


def page_link(request, number):
    query = request.query_params.copy()
    query["page"] = number
    return absolute(f"{request.path}?{urlencode(sorted(query.lists()), doseq=True)}")


class ListView(OpenDataView):
    def get(self, request):
        number = page_number(request)
        # The answer as data (plain values), kept like the pages' data until published
        # content changes: per language, since names and labels follow it.
        status, body = cached_data(
            f"api:{self.kind.name}",
            partial(self.answer, request, number),
            get_language(),
            sorted(request.query_params.lists()),
        )
        return Response(body, status=status)

    def answer(self, request, number):
        """(status, body) of page `number` of the list `request` asks for."""
        selection = self.kind.select(request._request)
        if selection.errors:
            return 400, {"errors": selection.errors}
        start = (number - 1) * PAGE_SIZE
        rows = selection.page(start, PAGE_SIZE)
        if number > 1 and not rows:
            raise Http404
        count = selection.count
        return 200, {
            "count": count,
            "next": page_link(request, number + 1) if start + PAGE_SIZE < count else None,
            "previous": page_link(request, number - 1) if number > 1 else None,
            # Kept as a plain list (DRF's ReturnList pickles without its serializer).
            "results": self.kind.serializer(rows, many=True).data,
        }


class RecordView(OpenDataView):
    def get(self, request, slug):
        found = self.kind.one(slug)
        if found is None:
            raise Http404
        return Response(self.kind.serializer(found).data)


def filter_fields(filters):
    """The form fields of a page's form or FilterSet (class)."""
    if issubclass(filters, FilterSet):
        # A copy of each filter: a filter keeps the form field it builds, and the class's
        # own filters must stay unbuilt for the pages' choices (set per request) to apply.
        return {name: copy.deepcopy(f).field for name, f in filters.base_filters.items() if f}
    return dict(filters.base_fields)


def filter_parameters(filters):
    """The query parameters of a page's filters (its form or FilterSet), as the schema lists
    them: read from the same definition the page reads."""
    parameters = []
    for name, field in filter_fields(filters).items():
        if name in NOT_FILTERS:
            continue
        many = isinstance(field, forms.MultipleChoiceField) or isinstance(
            field.widget, forms.MultipleHiddenInput
        )
        choices = [str(value) for value, _label in getattr(field, "choices", ()) if value]
        parameters.append(
            OpenApiParameter(
                name,
                OpenApiTypes.INT if isinstance(field, forms.IntegerField) else OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                description=str(field.label),
                many=many,
                enum=choices if 0 < len(choices) <= ENUM_LIMIT else None,
            )
        )
    parameters.append(
        OpenApiParameter(
            "page", OpenApiTypes.INT, OpenApiParameter.QUERY, description="Page number."
        )
    )
    return parameters


# What a list answers for a filter value that does not exist.
FILTER_ERRORS = inline_serializer(
    name="FilterErrors",
    fields={"errors": serializers.DictField(child=serializers.ListField())},
)


@cache
def page_of(serializer):
    """The schema of a page of `serializer`'s records (one per serializer)."""
    return inline_serializer(
        name=f"{serializer.__name__.removesuffix('Serializer')}Page",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
        },
    )


def operation_id(kind, what):
    return f"{kind.name.replace('/', '_')}_{what}"


def list_view(kind):
    """The list view of `kind`, documented."""
    view = type(f"{kind.serializer.__name__}List", (ListView,), {"kind": kind})
    documented = extend_schema(
        summary=SUMMARIES[kind.name][0],
        description=(kind.serializer.__doc__ or "").strip()
        + f" Takes the filters of its page ({PAGE_SIZE} a page).",
        parameters=filter_parameters(kind.filters),
        responses={200: page_of(kind.serializer), 400: FILTER_ERRORS},
        operation_id=operation_id(kind, "list"),
    )
    return extend_schema_view(get=documented)(view)


def record_view(kind):
    view = type(f"{kind.serializer.__name__}Record", (RecordView,), {"kind": kind})
    documented = extend_schema(
        summary=SUMMARIES[kind.name][1],
        responses={200: kind.serializer},
        operation_id=operation_id(kind, "record"),
    )
    return extend_schema_view(get=documented)(view)
