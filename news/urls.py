"""News stories (public)."""

from django.urls import path

from news import views

app_name = "news"
urlpatterns = [
    path("news/", views.story_list, name="list"),
    path("news/feed/", views.story_feed, name="feed"),
    path("news/<slug:slug>/", views.story_detail, name="detail"),
    path("news/<slug:slug>/image/", views.story_image, name="image"),
]
