"""The resource hub (public), and members' suggestions."""

from django.urls import path

from resources import views

app_name = "resources"
urlpatterns = [
    path("resources/", views.resource_list, name="list"),
    path("resources/suggest/", views.suggest, name="suggest"),
    path("resources/suggestions/", views.my_suggestions, name="mine"),
    path("resources/suggestions/<int:pk>/edit/", views.edit_suggestion, name="edit"),
    path("resources/<slug:slug>/", views.resource_detail, name="detail"),
    path("resources/<slug:slug>/file/", views.download, name="file"),
]
