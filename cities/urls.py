"""Member cities, partner organisations, practitioners, and joining the network."""

from django.urls import path

from cities import contact_views, hub_views, profile_views, views

app_name = "cities"
urlpatterns = [
    path("cities/", views.city_list, name="list"),
    # Not a slug (a dot), so never a city's address.
    path("cities/map.json", views.city_map, name="map"),
    path("cities/<slug:slug>/", views.city_detail, name="detail"),
    path("regions/", hub_views.region_list, name="regions"),
    path("regions/<slug:slug>/", hub_views.region_detail, name="region"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("practitioners/", views.practitioner_list, name="practitioners"),
    path("practitioners/<slug:slug>/", views.practitioner_detail, name="practitioner"),
    path(
        "practitioners/<slug:slug>/contact/",
        contact_views.contact_practitioner,
        name="contact_practitioner",
    ),
    path("practitioners/<slug:slug>/claim/", profile_views.claim_practitioner, name="claim"),
    path("profile/", profile_views.profile, name="profile"),
    path("join/", contact_views.join, name="join"),
    path("join/thanks/", contact_views.join_thanks, name="join_thanks"),
]
