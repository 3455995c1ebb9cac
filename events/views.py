"""Pages of events and training: the upcoming and past lists, an event's page, a member's
registration of interest, and the event as iCalendar (one event, and the feed of all those
to come).

Times are stored in UTC and shown in the event's own time zone (its `time_zone`), as the
organiser announced them; static/js/local-time.js adds the visitor's own time where the
browser's zone differs. Each public page reads at most three queries for a visitor, only
when it is drawn: its content is kept per address and content version (template fragments),
which the page cache forgets when an event is saved, starts to be public or ends
(scn_portal.invalidation).
"""

from functools import cache, partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cities.views import lazy_region_choices, paginate
from events import emails, ics
from events.filters import EventFilter
from events.forms import InterestForm
from events.models import Event, Interest
from scn_portal.page_cache import public_page

PER_PAGE = 12


def event_filterset(request, past, shape=None):
    """The list's filters over the published events not yet over (`past` False) or over,
    read as `shape` (a function of a queryset of events) says: as cards show them."""
    now = timezone.now()
    events = Event.objects.published(now)
    events = shape(events) if shape else events.for_cards()
    events = events.past(now) if past else events.upcoming(now)
    return EventFilter(request.GET, queryset=events, choices={"region": lazy_region_choices()})


def event_list(request, past):
    """The upcoming events (`past` False) or those that are over, published, filtered by
    the query string: the region choices (kept in the data cache), the count and one page of
    cards, a query each, read only when the page's content is drawn."""
    found = SimpleLazyObject(lambda: event_filterset(request, past))
    context = {
        "past": past,
        "filterset": found,
        "page_obj": SimpleLazyObject(lambda: paginate(request, found.qs, PER_PAGE)),
    }
    return render(request, "events/list.html", context)


@public_page
@require_safe
def upcoming(request):
    """Events not yet over, those under way included, soonest first."""
    return event_list(request, past=False)


@public_page
@require_safe
def past(request):
    """Events that are over, the most recent first."""
    return event_list(request, past=True)


# What an event's page offers for taking part (templates/events/includes/registration.html).
LINK, OVER, REGISTERED, OPEN, SIGN_IN, CLOSED = (
    "link",
    "over",
    "registered",
    "open",
    "sign_in",
    "closed",
)


def taking_part(event, user, now):
    """How `user` may take part in `event`: the organiser's registration link, a
    registration of interest on the portal (or signing in for one), or nothing more once the
    event is over. Returns (state, the member's Interest when they registered)."""
    if event.ends_at <= now:
        return OVER, None
    if event.registration_url:
        return LINK, None
    if not event.is_public:
        return CLOSED, None
    if not user.is_authenticated:
        return SIGN_IN, None
    interest = Interest.objects.filter(event=event, member=user).first()
    return (REGISTERED, interest) if interest else (OPEN, None)


def page_context(request, event, slug, public=True):
    """`event` may be lazy: nothing here reads it until the page is drawn."""
    now = timezone.now()
    state = cache(lambda: taking_part(event, request.user, now))
    return {
        "event": event,
        "slug": slug,
        "registration": SimpleLazyObject(lambda: state()[0]),
        "interest": SimpleLazyObject(lambda: state()[1]),
        "form": InterestForm(),
        # An event not public is drawn for staff alone: never kept.
        **({} if public else {"cache_seconds": 0}),
    }


@public_page
@require_safe
def event_detail(request, slug):
    """For a visitor, the event and its themes (two queries), read only when the page is
    drawn; its parts are kept per slug, so a kept page reads nothing, and a slug that is not
    public gives 404 as the page is drawn. A member also reads whether they registered
    interest; staff who edit events also see one not yet public."""
    if not request.user.is_authenticated:
        event = SimpleLazyObject(
            lambda: get_object_or_404(Event.objects.published().with_page_data(), slug=slug)
        )
        return render(request, "events/detail.html", page_context(request, event, slug))
    event = get_object_or_404(Event.objects.visible_to(request.user).with_page_data(), slug=slug)
    response = render(
        request, "events/detail.html", page_context(request, event, slug, event.is_public)
    )
    if not event.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def register_interest(request, slug):
    """A member tells the organiser they would like to take part, with an optional note: the
    interest is stored, then the organiser is emailed (events.emails). Posted from the
    event's page; the form also has a page of its own (where signing in leads)."""
    now = timezone.now()
    event = get_object_or_404(Event.objects.published(now), slug=slug)
    if Interest.objects.filter(event=event, member=request.user).exists():
        messages.info(request, _("You have already registered your interest in this event."))
        return redirect(event)
    if not event.accepts_interest(now):
        if event.registration_url:
            refusal = _("This event has its own registration: use the link on its page.")
        else:
            refusal = _("This event is over: it no longer takes registrations of interest.")
        messages.error(request, refusal)
        return redirect(event)
    form = InterestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        interest = form.save(commit=False)
        interest.event, interest.member = event, request.user
        try:
            with transaction.atomic():
                interest.save()
        except IntegrityError:
            # A second click that arrived while the first was being saved.
            messages.info(request, _("You have already registered your interest in this event."))
            return redirect(event)
        transaction.on_commit(partial(emails.interest_registered, interest))
        messages.success(
            request,
            _(
                "Your interest is registered. The organiser has been told and will write to "
                "you at %(email)s."
            )
            % {"email": request.user.email},
        )
        return redirect(event)
    return render(request, "events/interest.html", {"event": event, "form": form})


def calendar_response(body, name):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@public_page
@require_safe
def event_ics(request, slug):
    """The event as an iCalendar file, for "Add to calendar"."""
    event = Event.objects.visible_to(request.user).filter(slug=slug).first()
    if event is None:
        raise Http404
    response = calendar_response(ics.calendar([event]), ics.file_name(event))
    if not event.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response


@public_page
@require_safe
def calendar_feed(request):
    """Every upcoming published event, in one query: the calendar to subscribe to."""
    now = timezone.now()
    events = Event.objects.published(now).upcoming(now).defer("description", "organiser_email")
    body = ics.calendar(events, name=_("Strong Cities Network events"))
    return calendar_response(body, "strong-cities-network-events.ics")
