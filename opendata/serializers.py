"""What the open data says of each kind of content: the one definition of its public fields,
used by the API (opendata/api.py), the downloads (opendata/exports.py) and the OpenAPI
schema. Nothing private is named here: no email address, no practitioner, no review state,
no staff note, nothing unpublished (the querysets in opendata/sources.py select published
content only).

Each serializer reads a row as `opendata.sources` shapes it: the lists a row carries are
JSON columns read in the same query (`opendata.aggregates.json_list`).
"""

from functools import cache

from django.urls import reverse
from django.utils.translation import get_language
from django_countries import countries
from rest_framework import serializers

from cities.models import PartnerOrganisation
from events.models import Event
from opendata.aggregates import items
from practices.models import Practice
from resources.models import Resource
from scn_portal.structured_data import LICENCE_URL, absolute, practice_permanent_address


@cache
def _address_pattern(name, kinds, language):
    """The address of URL `name` with markers in place of its arguments (one per kind in
    `kinds`: "int" or "str"), reversed once per language."""
    markers = [
        str(987654321 + i) if kind == "int" else f"zqx{i}xqz" for i, kind in enumerate(kinds)
    ]
    args = [int(m) if kind == "int" else m for m, kind in zip(markers, kinds, strict=True)]
    return absolute(reverse(name, args=args)), markers


def address(name, *args):
    """The absolute address of URL `name` with `args` (slugs and ids): a page of records
    holds hundreds of addresses, and reversing each would be a third of its time."""
    kinds = tuple("int" if isinstance(arg, int) else "str" for arg in args)
    path, markers = _address_pattern(name, kinds, get_language())
    for marker, arg in zip(markers, args, strict=True):
        path = path.replace(marker, str(arg), 1)
    return path


class Link(serializers.Serializer):
    """Something a record links to by its stable slug: a theme, a region, a form of
    extremism."""

    slug = serializers.CharField()
    name = serializers.CharField()

    def represent(self, item):
        """`item` (a dict read with its row: `json_list`) as the API gives it, without the
        serializer's generic machinery, which would cost more than the rest of the page."""
        return {"slug": item["slug"], "name": item["name"]}


class PageLink(Link):
    """A city, an organisation or a practice that has its own page on the portal."""

    url = serializers.SerializerMethodField()
    page = None  # the URL name of its page

    def get_url(self, item) -> str:
        return address(self.page, item["slug"])

    def represent(self, item):
        return {**super().represent(item), "url": self.get_url(item)}


class CityLink(PageLink):
    page = "cities:detail"


class OrganisationLink(PageLink):
    page = "cities:organisation"


class PracticeLink(PageLink):
    page = "practices:detail"


class ListOf(serializers.ListField):
    """A list column read from the row (`json_list`), in a stable order."""

    def __init__(self, child, order="name", **kwargs):
        self.order = order
        super().__init__(child=child, **kwargs)

    def get_attribute(self, instance):
        # Never None: a row with nothing linked has an empty list.
        return items(super().get_attribute(instance), self.order)

    def to_representation(self, data):
        return [self.child.represent(item) for item in data]


class Record(serializers.Serializer):
    """What every record has: a stable identifier (its `id`, which never changes, and its
    `slug`, which names its address), its page and when it last changed."""

    id = serializers.IntegerField()
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField()
    page = None  # the URL name of a record's page

    def get_url(self, obj) -> str:
        return address(self.page, obj.slug)


class RegionField(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class CitySummary(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    country = serializers.CharField()
    region = RegionField(allow_null=True)
    url = serializers.SerializerMethodField()

    def get_url(self, city) -> str:
        return address("cities:detail", city.slug)


class Attachment(serializers.Serializer):
    title = serializers.CharField()
    size = serializers.IntegerField(help_text="Size in bytes.")
    url = serializers.URLField()


class PracticeSerializer(Record):
    """A published case study of local practice, with every public field."""

    page = "practices:detail"

    permalink = serializers.SerializerMethodField(
        help_text="Its permanent address, for citing: it outlives a change of title."
    )
    title = serializers.CharField()
    summary = serializers.CharField()
    problem = serializers.CharField(help_text="The problem it addresses.")
    approach = serializers.CharField(help_text="Approach and activities.")
    target_audience = serializers.CharField()
    outcomes = serializers.CharField()
    lessons = serializers.CharField(help_text="Lessons learned and transferability.")
    resources_needed = serializers.CharField()
    language = serializers.ChoiceField(
        choices=Practice.language.field.choices, help_text="The language it is written in."
    )
    stage = serializers.ChoiceField(choices=Practice.Stage.choices)
    evidence_level = serializers.ChoiceField(choices=Practice.EvidenceLevel.choices)
    scope = serializers.ChoiceField(choices=Practice.Scope.choices)
    start_year = serializers.IntegerField(allow_null=True)
    end_year = serializers.IntegerField(allow_null=True)
    city = CitySummary(allow_null=True)
    other_cities = ListOf(CityLink(), source="other_city_items")
    organisations = ListOf(OrganisationLink(), source="organisation_items")
    themes = ListOf(Link(), source="theme_items")
    extremism_forms = ListOf(Link(), source="form_items")
    adapted_from = ListOf(PracticeLink(), source="adapted_from_items")
    attachments = serializers.SerializerMethodField()
    published_at = serializers.DateTimeField()
    licence = serializers.SerializerMethodField()

    def get_permalink(self, practice) -> str:
        return practice_permanent_address(practice)

    def get_licence(self, obj) -> str:
        return LICENCE_URL

    def get_attachments(self, practice) -> Attachment(many=True):
        return [
            {
                "title": item["title"],
                "size": item["size"],
                "url": address("practices:attachment", practice.slug, item["id"]),
            }
            for item in items(practice.attachment_items, "id")
        ]


class CitySerializer(Record):
    """A member city of the network."""

    page = "cities:detail"

    name = serializers.CharField()
    country = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    country_name = serializers.SerializerMethodField()
    region = RegionField(allow_null=True)
    population = serializers.IntegerField(allow_null=True)
    year_joined = serializers.IntegerField(allow_null=True)
    profile = serializers.CharField()
    description = serializers.CharField()
    website = serializers.URLField(allow_blank=True)
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    focus_areas = ListOf(Link(), source="focus_items")
    practice_count = serializers.IntegerField(help_text="How much published practice it has.")

    def get_country_name(self, city) -> str:
        return countries.name(city.country.code) if city.country else ""


class OrganisationSerializer(Record):
    """A partner organisation of the network."""

    page = "cities:organisation"

    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=PartnerOrganisation.Kind.choices)
    website = serializers.URLField(allow_blank=True)
    description = serializers.CharField()
    countries = serializers.SerializerMethodField(help_text="ISO 3166-1 alpha-2 codes.")
    regions = ListOf(Link(), source="region_items")
    cities = ListOf(CityLink(), source="city_items")
    focus_areas = ListOf(Link(), source="focus_items")

    def get_countries(self, organisation) -> list[str]:
        return [country.code for country in organisation.countries]


class StorySerializer(Record):
    """A news story published by the network."""

    page = "news:detail"

    title = serializers.CharField()
    standfirst = serializers.CharField()
    body = serializers.CharField(help_text="Text in a small Markdown subset.")
    language = serializers.CharField()
    image = serializers.SerializerMethodField()
    image_alt = serializers.CharField()
    published_at = serializers.DateTimeField(source="publish_at")
    cities = ListOf(CityLink(), source="city_items")
    regions = ListOf(Link(), source="region_items")
    themes = ListOf(Link(), source="theme_items")
    practices = ListOf(PracticeLink(), source="practice_items")

    def get_image(self, story) -> str | None:
        return absolute(story.image_url) if story.image else None


class OrganiserField(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class EventSerializer(Record):
    """An event or training of the network. Times are in UTC; time_zone is the zone of its
    place (an IANA name)."""

    page = "events:detail"

    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Event.Kind.choices)
    summary = serializers.CharField()
    description = serializers.CharField()
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField()
    online = serializers.BooleanField()
    venue = serializers.CharField()
    city = CitySummary(allow_null=True)
    region = RegionField(allow_null=True)
    organiser = OrganiserField(allow_null=True)
    language = serializers.CharField()
    audience = serializers.ChoiceField(choices=Event.audience.field.choices)
    registration_url = serializers.URLField(allow_blank=True)
    calendar = serializers.SerializerMethodField(help_text="Its iCalendar file.")
    themes = ListOf(Link(), source="theme_items")

    def get_calendar(self, event) -> str:
        return address("events:ics", event.slug)


class PublisherField(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ResourceSerializer(Record):
    """A resource of the hub: a toolkit, a guide, research, a training module..."""

    page = "resources:detail"

    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Resource.Kind.choices)
    summary = serializers.CharField()
    language = serializers.CharField()
    publisher = PublisherField(
        allow_null=True, help_text="The partner organisation; null: the network itself."
    )
    year = serializers.IntegerField(allow_null=True)
    file = serializers.SerializerMethodField(help_text="Its PDF, when it has one.")
    link = serializers.URLField(source="url", allow_blank=True, help_text="Its address elsewhere.")
    themes = ListOf(Link(), source="theme_items")
    regions = ListOf(Link(), source="region_items")
    published_at = serializers.DateTimeField()

    def get_file(self, resource) -> str | None:
        if not resource.file:
            return None
        return address("resources:file", resource.slug)
