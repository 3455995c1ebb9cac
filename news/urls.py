"""News stories (public).

Its addresses are under news/ (scn_portal/urls.py)."""

from django.urls import path

from news import views

app_name = "news"
urlpatterns = [
    path("", views.story_list, name="list"),
    path("feed/", views.story_feed, name="feed"),
    path("<slug:slug>/", views.story_detail, name="detail"),
    path("<slug:slug>/image/", views.story_image, name="image"),
]
