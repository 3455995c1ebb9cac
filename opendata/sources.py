"""What the open data selects, kind by kind: the published content a query string asks for,
read with the page's own filter definition (the library's LibraryFilterForm and facet index,
the directories' FilterSets, the news list's form, the events' FilterSet, the resource hub's
form and index), never a copy of it; and each row shaped for its serializer in ONE query,
the lists it carries included (scn_portal.rows.json_list).

A `Selection` answers the API's pages (a count and one page of rows) and the downloads (every
row, streamed from one query).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from cities.filters import CityFilter, OrganisationFilter
from cities.models import City, PartnerOrganisation, TaggedCity, TaggedOrganisation
from cities.views import city_filterset, organisation_filterset
from events.filters import EventFilter
from events.models import Event, TaggedEvent
from events.views import event_filterset
from news.forms import StoryFilterForm
from news.models import Story, TaggedStory
from news.views import story_facets
from opendata import serializers
from opendata.aggregates import id_in
from practices.filters import Library, LibraryFilterForm
from practices.models import PUBLISHED, Attachment, Practice, TaggedPractice, with_practice_count
from resources.filters import Hub, HubFilterForm
from resources.models import Resource, TaggedResource
from scn_portal.rows import json_list

# Names staff give per language (modeltranslation): the open data speaks the site's language.
NAME = f"name_{settings.LANGUAGE_CODE}"
# Streamed exports read this many rows from the database at a time (one query throughout).
CHUNK = 500


def _links(through, owner, target, name="name"):
    return json_list(
        through.objects.all(), owner, slug=F(f"{target}__slug"), name=F(f"{target}__{name}")
    )


def _tags(tagged):
    return _links(tagged, "content_object", "tag")


def practice_rows(practices):
    """Published practice with everything the open data says of it, in one query."""
    Forms, Cities = Practice.extremism_forms.through, Practice.other_cities.through
    Organisations, Adapted = Practice.organisations.through, Practice.adapted_from.through
    published_originals = Adapted.objects.filter(
        **{f"to_practice__{key}": value for key, value in PUBLISHED.children}
    )
    return (
        practices.filter(PUBLISHED)
        .select_related("city", "city__region")
        .annotate(
            theme_items=_tags(TaggedPractice),
            form_items=_links(Forms, "practice", "extremismform", NAME),
            other_city_items=_links(Cities, "practice", "city"),
            organisation_items=_links(Organisations, "practice", "partnerorganisation"),
            attachment_items=json_list(
                Attachment.objects.all(), "practice", id="id", title="title", size="size"
            ),
            adapted_from_items=json_list(
                published_originals,
                "from_practice",
                slug="to_practice__slug",
                name="to_practice__title",
            ),
        )
    )


def city_rows(cities):
    return cities.select_related("region").annotate(focus_items=_tags(TaggedCity))


def organisation_rows(organisations):
    Regions, Cities = PartnerOrganisation.regions.through, PartnerOrganisation.cities.through
    return organisations.annotate(
        region_items=_links(Regions, "partnerorganisation", "region", NAME),
        city_items=_links(Cities, "partnerorganisation", "city"),
        focus_items=_tags(TaggedOrganisation),
    )


def story_rows(stories):
    Cities, Regions, Practices = (
        Story.cities.through,
        Story.regions.through,
        Story.practices.through,
    )
    linked_practice = Practices.objects.filter(
        **{f"practice__{key}": value for key, value in PUBLISHED.children}
    )
    return stories.annotate(
        city_items=_links(Cities, "story", "city"),
        region_items=_links(Regions, "story", "region", NAME),
        theme_items=_tags(TaggedStory),
        practice_items=json_list(
            linked_practice, "story", slug="practice__slug", name="practice__title"
        ),
    )


def event_rows(events):
    return (
        events.select_related("city", "city__region", "region", "organiser")
        .defer("organiser_email")
        .annotate(theme_items=_tags(TaggedEvent))
    )


def resource_rows(resources):
    Regions = Resource.regions.through
    return resources.select_related("publisher").annotate(
        theme_items=_tags(TaggedResource),
        region_items=_links(Regions, "resource", "region", NAME),
    )


@dataclass
class Selection:
    """The rows a query string selects, in their list's order. Either `ids` (from an index,
    in order) with `rows` (a function turning a queryset of the kind into shaped rows,
    ordered as the ids), or `queryset` (filtered, shaped and ordered)."""

    errors: dict = field(default_factory=dict)
    queryset: object = None
    ids: list = None
    rows: object = None
    base: object = None  # the kind's manager, for `ids`

    @cached_property
    def count(self):
        if self.ids is not None:
            return len(self.ids)
        return self.queryset.count()

    def page(self, start, size):
        """The rows start .. start + size, in order (one query)."""
        if self.ids is None:
            return list(self.queryset[start : start + size])
        ids = self.ids[start : start + size]
        found = {row.pk: row for row in self.rows(self.base.filter(id_in(ids)))}
        return [found[pk] for pk in ids if pk in found]

    def __iter__(self):
        """Every row, streamed from one query (a server-side cursor on PostgreSQL)."""
        if self.ids is None:
            return self.queryset.iterator(chunk_size=CHUNK)
        return self.rows(self.base.filter(id_in(self.ids))).iterator(chunk_size=CHUNK)


def form_errors(form):
    return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


class LibraryIds(Sequence):
    """The ids of the practice a library selects, newest first, read from its facet index
    as they are asked for: a page of the API turns 50 ranks into ids, not every result."""

    def __init__(self, library):
        self.library = library

    def __len__(self):
        return self.library.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.library.result_ids(index)
        return self.library.result_ids(slice(index, index + 1))[0]

    def __iter__(self):
        return iter(self.library.result_ids())


def select_practices(request):
    """As the library: its form and facet index; newest first."""
    form = LibraryFilterForm(request.GET)
    library = Library(form.filters())
    return Selection(
        errors=form_errors(form),
        ids=LibraryIds(library),
        rows=lambda practices: practice_rows(practices).order_by("-published_at", "-pk"),
        base=Practice.objects,
    )


def select_resources(request):
    """As the resource hub: its form and index; newest first."""
    form = HubFilterForm(request.GET)
    hub = Hub(form.filters())
    return Selection(
        errors=form_errors(form),
        ids=hub.result_ids,
        rows=lambda resources: resource_rows(resources.published()).order_by(
            "-published_at", "-pk"
        ),
        base=Resource.objects,
    )


def _filterset_selection(filterset, shape):
    valid = filterset.is_valid()
    errors = {} if valid else form_errors(filterset.form)
    return Selection(errors=errors, queryset=shape(filterset.qs))


def select_cities(request):
    """As the member cities' directory, in its order (by name unless `sort` says)."""
    return _filterset_selection(city_filterset(request), city_rows)


def select_organisations(request):
    """As the partner organisations' directory, by name."""
    return _filterset_selection(organisation_filterset(request), organisation_rows)


def select_events(request, past=False):
    """As the list of upcoming events (soonest first), or of past events (latest first)."""
    return _filterset_selection(event_filterset(request, past, shape=event_rows), lambda qs: qs)


def select_stories(request):
    """As the news list: newest first."""
    form = StoryFilterForm(request.GET, story_facets)
    form.is_valid()
    stories = form.apply(Story.objects.published()).newest_first()
    return Selection(errors=form_errors(form), queryset=story_rows(stories))


@dataclass(frozen=True)
class Kind:
    """A kind of open data: its name in addresses, how a query string selects its list, all
    of it that is public (for one record by its slug), what it says of each row, and the
    page whose filters it takes."""

    name: str
    select: object
    everything: object
    serializer: type
    page: str  # URL name of the matching page
    filters: type  # the page's form or FilterSet, whose fields the API documents

    def one(self, slug):
        """The public record with this slug, or None."""
        return self.everything().filter(slug=slug).first()


def published_events():
    return event_rows(Event.objects.published(timezone.now()))


KINDS = {
    kind.name: kind
    for kind in (
        Kind(
            "practices",
            select_practices,
            lambda: practice_rows(Practice.objects.all()),
            serializers.PracticeSerializer,
            "practices:list",
            LibraryFilterForm,
        ),
        Kind(
            "cities",
            select_cities,
            lambda: city_rows(with_practice_count(City.objects.members())),
            serializers.CitySerializer,
            "cities:list",
            CityFilter,
        ),
        Kind(
            "organisations",
            select_organisations,
            lambda: organisation_rows(PartnerOrganisation.objects.all()),
            serializers.OrganisationSerializer,
            "cities:organisations",
            OrganisationFilter,
        ),
        Kind(
            "news",
            select_stories,
            lambda: story_rows(Story.objects.published()),
            serializers.StorySerializer,
            "news:list",
            StoryFilterForm,
        ),
        Kind(
            "events",
            select_events,
            published_events,
            serializers.EventSerializer,
            "events:list",
            EventFilter,
        ),
        Kind(
            "resources",
            select_resources,
            lambda: resource_rows(Resource.objects.published()),
            serializers.ResourceSerializer,
            "resources:list",
            HubFilterForm,
        ),
    )
}
# The events that are over: the same records, the past events' list.
PAST_EVENTS = Kind(
    "events/past",
    lambda request: select_events(request, past=True),
    published_events,
    serializers.EventSerializer,
    "events:past",
    EventFilter,
)
