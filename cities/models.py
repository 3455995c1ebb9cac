"""The membership side of the network: regions, member cities, partner organisations,
practitioners, and cities applying to join."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import FloatField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from scn_portal.models import InboxItem, admin_url
from scn_portal.rows import count_of
from scn_portal.searchable import search_text_of

# The network was founded in 2015; a year outside this range is a typing mistake.
FIRST_YEAR = 2015
LAST_YEAR = 2100


class Region(models.Model):
    """A world region of the network. Each has a page (its regional hub: its cities, practice,
    news, events and resources); where the network runs a hub office there, the hub's name,
    introduction, team and the staff address the contact form routes its messages to."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    hub_name = models.CharField(
        _("hub name"),
        max_length=150,
        blank=True,
        help_text=_("For example “East and Southern Africa hub”. Empty: the region has no hub."),
    )
    hub_intro = models.TextField(_("what the hub does"), max_length=2000, blank=True)
    # Never shown: messages to the hub are written through the contact form.
    hub_email = models.EmailField(
        _("hub staff email (never shown)"),
        blank=True,
        help_text=_("Contact messages about this region go here; empty: to the network's staff."),
    )
    team = models.ManyToManyField(
        "Practitioner",
        verbose_name=_("hub team"),
        blank=True,
        related_name="hub_regions",
        help_text=_("Shown on the hub's page: to visitors only those listed publicly."),
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:region", args=[self.slug])

    @property
    def has_hub(self):
        return bool(self.hub_name)


class TaggedCity(TaggedItemBase):
    content_object = models.ForeignKey("City", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("city focus area")
        verbose_name_plural = _("city focus areas")


class CityQuerySet(models.QuerySet):
    def members(self):
        return self.filter(membership_status=City.MembershipStatus.MEMBER)

    def for_region(self, region):
        return self.filter(region=region)

    def with_list_data(self):
        """What a directory row shows besides how much practice the city published (which
        practices.models.with_practice_count adds): its region."""
        return self.select_related("region")

    def map_points(self):
        """Name, slug, coordinates, country and region of each city, for the map
        (cities.worldmap.layout), in one query."""
        # Coordinates as floats from the database: a thousand Decimals cost more to convert.
        return self.values_list(
            "name",
            "slug",
            Cast("latitude", FloatField()),
            Cast("longitude", FloatField()),
            "country",
            "region__slug",
        )


def map_markers(points):
    """The cities with coordinates as markers: name, address and position (/cities/map.json).

    One reverse() for all of them: a thousand calls cost more than the rest of the page."""
    placeholder = "city-slug-placeholder"
    url = reverse("cities:detail", args=[placeholder])
    before, after = url.split(placeholder)
    return [
        {
            "name": name,
            "url": f"{before}{slug}{after}",
            "lat": float(lat),
            "lng": float(lng),
        }
        for name, slug, lat, lng, *_rest in points
        if lat is not None and lng is not None
    ]


class City(models.Model):
    class MembershipStatus(models.TextChoices):
        MEMBER = "member", _("Member")
        FORMER = "former", _("Former member")

    name = models.CharField(_("name"), max_length=150, db_index=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    country = CountryField(_("country"), db_index=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="cities"
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    membership_status = models.CharField(
        _("membership status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.MEMBER,
    )
    year_joined = models.PositiveSmallIntegerField(
        _("year joined"),
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    profile = models.CharField(
        _("short profile"),
        max_length=400,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    focus_areas = TaggableManager(
        verbose_name=_("focus areas"), through=TaggedCity, blank=True, related_name="cities"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # What the search page matches a city by (scn_portal/searchable.py).
    search_text = search_text_of("name", "profile", "description")

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["membership_status", "name"]),
            models.Index(fields=["region", "name"]),
            models.Index(fields=["year_joined"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_joined__gte=FIRST_YEAR) & Q(year_joined__lte=LAST_YEAR),
                name="city_year_joined_in_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="city_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="city_longitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="city_coordinates_both_or_neither",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:detail", args=[self.slug])

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class TaggedOrganisation(TaggedItemBase):
    content_object = models.ForeignKey("PartnerOrganisation", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("organisation focus area")
        verbose_name_plural = _("organisation focus areas")


class PartnerOrganisationQuerySet(models.QuerySet):
    def for_region(self, region):
        return self.filter(regions=region)

    def with_list_data(self):
        """What a row shows: its regions (one query for a page of rows) and how many member
        cities it works with, counted in a subquery for the rows read alone. As a join and
        GROUP BY, every organisation's links were counted before the list sorted them, and
        counting the list joined them too (2.5 and 1.4 ms at 500 organisations)."""
        links = PartnerOrganisation.cities.through.objects.all()
        return self.prefetch_related("regions").annotate(
            city_count=count_of(links, "partnerorganisation")
        )


class PartnerOrganisation(models.Model):
    class Kind(models.TextChoices):
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        ACADEMIC = "academic", _("Academic")
        INTERNATIONAL = "international", _("International body")
        FOUNDATION = "foundation", _("Foundation")
        GOVERNMENT = "government", _("Government agency")
        PRIVATE = "private", _("Private sector")

    name = models.CharField(_("name"), max_length=200, db_index=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    countries = CountryField(_("countries where it works"), multiple=True, blank=True)
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions where it works"), blank=True, related_name="organisations"
    )
    cities = models.ManyToManyField(
        City, verbose_name=_("cities it works with"), blank=True, related_name="organisations"
    )
    focus_areas = TaggableManager(
        verbose_name=_("focus areas"),
        through=TaggedOrganisation,
        blank=True,
        related_name="organisations",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_text = search_text_of("name", "description")

    objects = PartnerOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:organisation", args=[self.slug])


class TaggedPractitioner(TaggedItemBase):
    content_object = models.ForeignKey("Practitioner", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("practitioner expertise")
        verbose_name_plural = _("practitioner expertise")


# The audiences of public pages. What a page shows of published content is the same for
# everyone but for people: members see every practitioner, a visitor only those who chose to
# be listed publicly (and a practice's contact only when public).
PUBLIC = "public"
MEMBERS = "members"
AUDIENCES = (PUBLIC, MEMBERS)


def audience(user):
    """The audience `user` belongs to: the one rule behind what a public page shows of
    people, and the part of every cache key that varies by viewer."""
    return MEMBERS if user is not None and user.is_authenticated else PUBLIC


class PractitionerQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def visible_to(self, user):
        """Profiles are for members only, unless the person chose to be listed publicly."""
        return self.all() if audience(user) == MEMBERS else self.public()

    def with_list_data(self):
        return self.select_related("city", "organisation").prefetch_related("expertise")


class Practitioner(models.Model):
    class Sector(models.TextChoices):
        LOCAL_GOVERNMENT = "local_government", _("Local government")
        EDUCATION = "education", _("Education")
        SOCIAL_WORK = "social_work", _("Social work")
        YOUTH_WORK = "youth_work", _("Youth work")
        POLICING = "policing", _("Policing and community safety")
        HEALTH = "health", _("Health and mental health")
        FAITH = "faith", _("Faith community")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        RESEARCH = "research", _("Research")
        OTHER = "other", _("Other")

    full_name = models.CharField(_("full name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    role_title = models.CharField(_("role or title"), max_length=150)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, db_index=True)
    city = models.ForeignKey(
        City,
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioners",
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioners",
    )
    bio = models.TextField(_("short biography"), max_length=2000, blank=True)
    expertise = TaggableManager(
        verbose_name=_("expertise"),
        through=TaggedPractitioner,
        blank=True,
        related_name="practitioners",
    )
    # Never shown on any page: members reach a practitioner through the relay form.
    email = models.EmailField(_("contact email (never shown)"), blank=True)
    is_public = models.BooleanField(
        _("listed publicly"),
        default=False,
        help_text=_("Off: only signed-in members of the network see this profile."),
    )
    accepts_messages = models.BooleanField(
        _("accepts messages from members"),
        default=True,
        help_text=_("Members may write through the portal; the address is never revealed."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioner",
    )
    claim_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claim requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioner_claims",
        help_text=_("A member who says this profile is theirs; staff confirm by linking it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    search_text = search_text_of("full_name", "role_title", "bio")

    objects = PractitionerQuerySet.as_manager()

    class Meta:
        verbose_name = _("practitioner")
        verbose_name_plural = _("practitioners")
        ordering = ["full_name"]
        indexes = [models.Index(fields=["is_public", "full_name"])]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("cities:practitioner", args=[self.slug])


class VisibilityChange(models.Model):
    """A practitioner profile listed publicly or taken off the public list: by whom and
    when. Written wherever the choice is made (the member's profile page, the admin)."""

    practitioner = models.ForeignKey(
        Practitioner,
        verbose_name=_("practitioner"),
        on_delete=models.CASCADE,
        related_name="visibility_changes",
    )
    is_public = models.BooleanField(_("listed publicly"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("change of visibility")
        verbose_name_plural = _("changes of visibility")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        shown = _("listed publicly") if self.is_public else _("members only")
        return f"{self.practitioner}: {shown}"

    def get_absolute_url(self):
        # Read on the practitioner's page in the admin, beside the profile it concerns.
        return admin_url(self.practitioner)

    @classmethod
    def record(cls, practitioner, actor):
        return cls.objects.create(
            practitioner=practitioner, is_public=practitioner.is_public, actor=actor
        )


class PractitionerMessage(InboxItem):
    """A member's message to a practitioner, relayed by email without revealing the address."""

    # Empty once the sender's account or the practitioner's profile is deleted: the message
    # stays (staff may still need it), stripped of who wrote it or to whom (privacy.records).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="sent_practitioner_messages",
    )
    practitioner = models.ForeignKey(
        Practitioner,
        verbose_name=_("practitioner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)

    class Meta(InboxItem.Meta):
        verbose_name = _("message to a practitioner")
        verbose_name_plural = _("messages to practitioners")

    def __str__(self):
        return self.subject


class MembershipApplication(InboxItem):
    class HeardAbout(models.TextChoices):
        MEMBER_CITY = "member_city", _("Another member city")
        EVENT = "event", _("A conference or event")
        PARTNER = "partner", _("A partner organisation")
        MEDIA = "media", _("News or social media")
        SEARCH = "search", _("A web search")
        OTHER = "other", _("Other")

    city_name = models.CharField(_("city or region"), max_length=150)
    country = CountryField(_("country"))
    applicant_name = models.CharField(_("your name"), max_length=150)
    applicant_role = models.CharField(_("your role"), max_length=150)
    email = models.EmailField(_("email address"), max_length=254)
    motivation = models.TextField(_("why the city wants to join"), max_length=5000)
    heard_about = models.CharField(
        _("how you heard of the network"),
        max_length=20,
        choices=HeardAbout.choices,
        blank=True,
    )

    class Meta(InboxItem.Meta):
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.city_name} ({self.country.name})"
