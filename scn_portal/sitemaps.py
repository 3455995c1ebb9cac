"""The sitemap: public pages only. Practitioners are never listed (many are members-only
and all are people who may be at risk), nor is any practice that is not published."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from cities.models import City, PartnerOrganisation
from practices.models import Practice


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
        return ["home", "about", "faq", "cities:list", "cities:organisations", "practices:list"]

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


SITEMAPS = {
    "pages": PageSitemap,
    "cities": CitySitemap,
    "organisations": OrganisationSitemap,
    "practices": PracticeSitemap,
}
