"""The portal's URL configuration: site-wide pages here, each app's pages in its urls.py."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from opendata.urls import api_urls, page_urls
from scn_portal import accounts, contact_views, languages, search_views, views

# Addresses that are the same in every language: probes, crawlers' files, the switch.
urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("readyz/", views.readyz, name="readyz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("language/", languages.choose_language, name="set_language"),
    # The open data API and downloads: the same in every language (opendata/).
    path("", include(api_urls)),
]

# Every page has an address per language: English at the root (/practices/), the others
# under their code (/fr/practices/, /ar/practices/, /es/practices/). The address alone
# says the language, so a page is cached once per language and never served in another.
# An address is compared with the patterns in order: the sections first, each grouped
# under its first part (practices/, cities/, news/...), so that the library is found after
# a dozen patterns, not after the API's, the accounts' and the admin's (some fifty, a tenth
# of the time of a page served from the cache). No two overlap, except the privacy pages
# under accounts/, which come before allauth's.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("", include("practices.urls")),
    path("", include("cities.urls")),
    path("search/", search_views.search, name="search"),
    path("news/", include("news.urls")),
    path("events/", include("events.urls")),
    path("resources/", include("resources.urls")),
    path("about/", views.about, name="about"),
    path("faq/", views.faq, name="faq"),
    path("contact/", contact_views.contact, name="contact"),
    path("contact/thanks/", contact_views.contact_thanks, name="contact_thanks"),
    # Sign-up stores the account whole or not at all (scn_portal/accounts.py).
    path("accounts/signup/", accounts.signup, name="account_signup"),
    # A member's own data (download, delete the account) and the privacy notice.
    path("", include("privacy.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include(page_urls)),
    prefix_default_language=False,
)
