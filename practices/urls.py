"""The practice library (public) and contributing case studies (members).

Grouped by their first part, so that an address is looked for among its own group only."""

from django.urls import include, path

from practices import contribute_views, feeds, permalink, views

app_name = "practices"
urlpatterns = [
    path(
        "practices/",
        include(
            [
                path("", views.practice_list, name="list"),
                path("feed/", feeds.practice_feed, name="feed"),
                path("id/<int:pk>/", permalink.practice_permalink, name="permalink"),
                path("<slug:slug>/", views.practice_detail, name="detail"),
                path(
                    "<slug:slug>/attachments/<int:pk>/",
                    views.download_attachment,
                    name="attachment",
                ),
            ]
        ),
    ),
    path(
        "contribute/",
        include(
            [
                path("", contribute_views.my_contributions, name="mine"),
                path("new/", contribute_views.practice_create, name="create"),
                path("<int:pk>/edit/", contribute_views.practice_edit, name="edit"),
                path("<int:pk>/preview/", contribute_views.practice_preview, name="preview"),
                path("<int:pk>/submit/", contribute_views.practice_submit, name="submit"),
                path("<int:pk>/withdraw/", contribute_views.practice_withdraw, name="withdraw"),
                path(
                    "<int:pk>/update/",
                    contribute_views.practice_propose_update,
                    name="propose_update",
                ),
                path(
                    "<int:pk>/attachments/<int:attachment_pk>/delete/",
                    contribute_views.attachment_delete,
                    name="attachment_delete",
                ),
            ]
        ),
    ),
]
