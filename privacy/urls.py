from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("privacy/", views.notice, name="notice"),
    path("privacy/accept/", views.accept_notice, name="accept"),
    path("accounts/data/", views.my_data, name="mine"),
    path("accounts/data/download/", views.download_my_data, name="download"),
    path("accounts/delete/", views.delete_account, name="delete"),
]
