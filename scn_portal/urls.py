"""The portal's URL configuration: site-wide pages here, each app's pages in its urls.py."""

from django.contrib import admin
from django.urls import include, path

from scn_portal import accounts, contact_views, search_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("readyz/", views.readyz, name="readyz"),
    path("about/", views.about, name="about"),
    path("faq/", views.faq, name="faq"),
    path("contact/", contact_views.contact, name="contact"),
    path("contact/thanks/", contact_views.contact_thanks, name="contact_thanks"),
    path("search/", search_views.search, name="search"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    # Sign-up stores the account whole or not at all (scn_portal/accounts.py).
    path("accounts/signup/", accounts.signup, name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("cities.urls")),
    path("", include("practices.urls")),
]
