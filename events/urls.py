"""Events and training (public), and members' interest in them.

Its addresses are under events/ (scn_portal/urls.py)."""

from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.upcoming, name="list"),
    path("past/", views.past, name="past"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("<slug:slug>/interest/", views.register_interest, name="interest"),
]
