"""The resource hub (public), and members' suggestions.

Its addresses are under resources/ (scn_portal/urls.py)."""

from django.urls import path

from resources import views

app_name = "resources"
urlpatterns = [
    path("", views.resource_list, name="list"),
    path("suggest/", views.suggest, name="suggest"),
    path("suggestions/", views.my_suggestions, name="mine"),
    path("suggestions/<int:pk>/edit/", views.edit_suggestion, name="edit"),
    path("<slug:slug>/", views.resource_detail, name="detail"),
    path("<slug:slug>/file/", views.download, name="file"),
]
