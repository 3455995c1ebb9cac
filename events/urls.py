"""Events and training (public), and members' interest in them."""

from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("events/", views.upcoming, name="list"),
    path("events/past/", views.past, name="past"),
    path("events/calendar.ics", views.calendar_feed, name="calendar"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/interest/", views.register_interest, name="interest"),
]
