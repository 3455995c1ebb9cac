"""Events and training: workshops, webinars, exchanges and summits, with their time zone, and
members' interest in taking part."""

import zoneinfo
from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from cities.models import City, PartnerOrganisation, Region
from scn_portal.models import InboxItem, PublicationStatus, StaffPublished, StaffPublishedQuerySet
from scn_portal.searchable import search_text_of


@cache
def time_zone_choices():
    """Every IANA time zone by name ("Africa/Nairobi"), sorted."""
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


class TaggedEvent(TaggedItemBase):
    content_object = models.ForeignKey("Event", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("event theme")
        verbose_name_plural = _("event themes")


class EventQuerySet(StaffPublishedQuerySet):
    def upcoming(self, now):
        """Not yet over (those under way included), soonest first."""
        return self.filter(ends_at__gte=now).order_by("starts_at", "pk")

    def past(self, now):
        """Over, the most recent first."""
        return self.filter(ends_at__lt=now).order_by("-starts_at", "-pk")

    def visible_to(self, user, now=None):
        """The one place that decides who may see which event: everyone sees published
        events once their publication time has come; staff who edit events see every one
        (a draft, a scheduled event) to check it before it is public."""
        if user is not None and user.is_authenticated and user.has_perm("events.change_event"):
            return self.all()
        return self.published(now)

    def open_for_interest(self, now):
        """Where a member may register interest on the portal: published, with no
        registration link of its own, and not yet over."""
        return self.published(now).filter(registration_url="", ends_at__gt=now)

    def for_cards(self):
        """What a card shows (templates/events/includes/event_card.html), in one query: the
        event without its long description, and the name of its city and of its region."""
        return self.select_related("city", "region").defer(
            "description", "organiser_email", *_unshown_of_place()
        )

    def with_page_data(self):
        """What an event's page shows beside its text, in the same query: city, region and
        organiser (its themes come in one more)."""
        return self.select_related("city", "region", "organiser").prefetch_related("themes")


@cache
def _unshown_of_place():
    """The long texts of an event's city and region, which no card shows: a city's profile,
    description and searched text, a region's hub (in every language). The list of upcoming
    events joins them to every upcoming event before it sorts, which took a third of its
    query's time at 1,000 cities. Read once the translated fields exist."""
    city = [f"city__{name}" for name in ("profile", "description", "search_text")]
    hub = [f"region__{f.attname}" for f in Region._meta.concrete_fields if "hub_" in f.attname]
    return (*city, *hub)


class Event(StaffPublished):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        TRAINING = "training", _("Training")
        EXCHANGE = "exchange", _("City exchange")
        SUMMIT = "summit", _("Summit")

    class Audience(models.TextChoices):
        OPEN = "open", _("Open to all")
        MEMBERS = "members", _("Members of the network")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    summary = models.TextField(_("summary"), max_length=600)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Paragraphs separated by an empty line; the same formatting as news."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default="UTC",
        help_text=_("Where the event takes place; for an online event, its organiser's."),
    )
    online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(
        _("place"),
        max_length=300,
        blank=True,
        help_text=_("Venue and address. Empty for an event only online."),
    )
    city = models.ForeignKey(
        City,
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Empty: the Strong Cities Network."),
    )
    # Never shown: told when a member registers interest.
    organiser_email = models.EmailField(
        _("organiser's email (never shown)"),
        blank=True,
        help_text=_("Told of each member who registers interest; empty: the network's staff."),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    themes = TaggableManager(
        verbose_name=_("themes"), through=TaggedEvent, blank=True, related_name="events"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    audience = models.CharField(
        _("who may take part"), max_length=10, choices=Audience.choices, default=Audience.OPEN
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Empty: members register their interest on the portal."),
    )

    # What the search page matches an event by (scn_portal/searchable.py).
    search_text = search_text_of("title", "summary", "description")

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(
                fields=["ends_at", "starts_at"],
                name="event_published_ends",
                condition=Q(status=PublicationStatus.PUBLISHED),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(online=True) | ~Q(venue=""), name="event_online_or_in_a_place"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def direction(self):
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"

    def accepts_interest(self, now):
        """Whether members register their interest on the portal (as `open_for_interest`)."""
        return self.is_public and not self.registration_url and self.ends_at > now


class Interest(InboxItem):
    """A member who would like to take part in an event without a registration link: stored
    first, then the organiser is told."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="interests"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="event_interests",
    )
    note = models.TextField(_("note for the organiser"), max_length=2000, blank=True)

    class Meta(InboxItem.Meta):
        verbose_name = _("interest in an event")
        verbose_name_plural = _("interest in events")
        constraints = [
            models.UniqueConstraint(fields=["event", "member"], name="interest_once_per_member")
        ]

    def __str__(self):
        return f"{self.member} → {self.event}"
