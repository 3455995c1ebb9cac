"""The sitemap: public pages only. Practitioners are never listed (many are members-only
and all are people who may be at risk), nor is any practice that is not published."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import CharField, DateTimeField, F, Value
from django.urls import reverse

from cities.models import City, PartnerOrganisation, Region
from events.models import Event
from news.models import Story
from practices.models import Practice
from resources.models import Resource


class SiteSitemap(Sitemap):
    """Addresses use SITE_URL, not the Host header the request happened to carry. Each page
    is listed in every language, with the others as its hreflang alternates (English as
    x-default)."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ModelSitemap(SiteSitemap):
    """Rows of one model, read in one query: the sitemap's paginator counts the list instead
    of asking the database for a COUNT first. Each row is listed once per language, and a
    page holds `limit` addresses: only the rows one page shows are read."""

    def queryset(self):
        raise NotImplementedError

    def items(self):
        return list(self.queryset()[: self.limit // len(settings.LANGUAGES)])


class PageSitemap(SiteSitemap):
    def items(self):
        return [
            "home",
            "about",
            "faq",
            "cities:list",
            "cities:regions",
            "cities:organisations",
            "practices:list",
            "resources:list",
            "news:list",
            "events:list",
            "events:past",
        ]

    def location(self, item):
        return reverse(item)


class CitySitemap(ModelSitemap):
    def queryset(self):
        return City.objects.order_by("name", "pk").only("slug", "updated_at")

    def lastmod(self, city):
        return city.updated_at


class OrganisationSitemap(ModelSitemap):
    def queryset(self):
        return PartnerOrganisation.objects.order_by("name", "pk").only("slug", "updated_at")

    def lastmod(self, organisation):
        return organisation.updated_at


class PracticeSitemap(ModelSitemap):
    def queryset(self):
        return (
            Practice.objects.published().order_by("-published_at", "pk").only("slug", "updated_at")
        )

    def lastmod(self, practice):
        return practice.updated_at


def _branch(queryset, kind, changed):
    if hasattr(queryset, "rewrite"):
        queryset = queryset.rewrite(False)  # texts per language: columns kept in order
    return (
        queryset.order_by()
        .annotate(
            entry_kind=Value(kind, output_field=CharField()),
            entry_changed=changed if changed is not None else Value(None, DateTimeField()),
        )
        .values_list("entry_kind", "slug", "entry_changed")
    )


class PublicationSitemap(ModelSitemap):
    """Regional hubs, news stories, events and resources, read in ONE query."""

    ADDRESSES = {
        "region": "cities:region",
        "story": "news:detail",
        "event": "events:detail",
        "resource": "resources:detail",
    }

    def items(self):
        branches = [
            _branch(Region.objects.all(), "region", None),
            _branch(Story.objects.published(), "story", F("updated_at")),
            _branch(Event.objects.published(), "event", F("updated_at")),
            _branch(Resource.objects.published(), "resource", F("updated_at")),
        ]
        rows = branches[0].union(*branches[1:], all=True)
        return sorted(rows, key=lambda row: (row[0], row[1]))[
            : self.limit // len(settings.LANGUAGES)
        ]

    def location(self, row):
        kind, slug, _changed = row
        return reverse(self.ADDRESSES[kind], args=[slug])

    def lastmod(self, row):
        return row[2]


SITEMAPS = {
    "pages": PageSitemap,
    "cities": CitySitemap,
    "organisations": OrganisationSitemap,
    "practices": PracticeSitemap,
    "publications": PublicationSitemap,
}
