"""The practice library (public) and contributing case studies (members)."""

from django.urls import path

from practices import contribute_views, feeds, permalink, views

app_name = "practices"
urlpatterns = [
    path("practices/", views.practice_list, name="list"),
    path("practices/feed/", feeds.practice_feed, name="feed"),
    path("practices/id/<int:pk>/", permalink.practice_permalink, name="permalink"),
    path("practices/<slug:slug>/", views.practice_detail, name="detail"),
    path(
        "practices/<slug:slug>/attachments/<int:pk>/",
        views.download_attachment,
        name="attachment",
    ),
    path("contribute/", contribute_views.my_contributions, name="mine"),
    path("contribute/new/", contribute_views.practice_create, name="create"),
    path("contribute/<int:pk>/edit/", contribute_views.practice_edit, name="edit"),
    path("contribute/<int:pk>/preview/", contribute_views.practice_preview, name="preview"),
    path("contribute/<int:pk>/submit/", contribute_views.practice_submit, name="submit"),
    path("contribute/<int:pk>/withdraw/", contribute_views.practice_withdraw, name="withdraw"),
    path(
        "contribute/<int:pk>/update/",
        contribute_views.practice_propose_update,
        name="propose_update",
    ),
    path(
        "contribute/<int:pk>/attachments/<int:attachment_pk>/delete/",
        contribute_views.attachment_delete,
        name="attachment_delete",
    ),
]
