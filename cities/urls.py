"""Member cities, partner organisations, practitioners, and joining the network.

Grouped by their first part, so that an address is looked for among its own group only."""

from django.urls import include, path

from cities import contact_views, hub_views, profile_views, views

app_name = "cities"
urlpatterns = [
    path(
        "cities/",
        include(
            [
                path("", views.city_list, name="list"),
                # Not a slug (a dot), so never a city's address.
                path("map.json", views.city_map, name="map"),
                path("<slug:slug>/", views.city_detail, name="detail"),
            ]
        ),
    ),
    path(
        "organisations/",
        include(
            [
                path("", views.organisation_list, name="organisations"),
                path("<slug:slug>/", views.organisation_detail, name="organisation"),
            ]
        ),
    ),
    path(
        "regions/",
        include(
            [
                path("", hub_views.region_list, name="regions"),
                path("<slug:slug>/", hub_views.region_detail, name="region"),
            ]
        ),
    ),
    path(
        "practitioners/",
        include(
            [
                path("", views.practitioner_list, name="practitioners"),
                path("<slug:slug>/", views.practitioner_detail, name="practitioner"),
                path(
                    "<slug:slug>/contact/",
                    contact_views.contact_practitioner,
                    name="contact_practitioner",
                ),
                path("<slug:slug>/claim/", profile_views.claim_practitioner, name="claim"),
            ]
        ),
    ),
    path("profile/", profile_views.profile, name="profile"),
    path("join/", contact_views.join, name="join"),
    path("join/thanks/", contact_views.join_thanks, name="join_thanks"),
]
