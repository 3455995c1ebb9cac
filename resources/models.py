"""The resource hub: material for people who prevent violent extremism locally. Staff add
resources; members suggest them, and a suggestion goes through the same review as a case
study (practices.models.Status): queue, reasons, emails, history."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import JSONField, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from cities.models import PartnerOrganisation, Region
from practices.models import JSONGroupArray, RecordedChange, Status
from scn_portal.searchable import search_text_of

FIRST_YEAR = 1990
LAST_YEAR = 2100


def resource_file_path(instance, filename):
    # A random name on disk: the uploader's file name is kept only as data.
    return f"resources/{uuid.uuid4().hex}.pdf"


class TaggedResource(TaggedItemBase):
    content_object = models.ForeignKey("Resource", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("resource theme")
        verbose_name_plural = _("resource themes")
        indexes = [
            models.Index(fields=["content_object", "tag"], name="taggedresource_res_tag"),
            models.Index(fields=["tag", "content_object"], name="taggedresource_tag_res"),
        ]


def theme_names_of(resource, vendor):
    """The names of the themes of `resource` (an expression for its id), as one list: an
    array on PostgreSQL, JSON on SQLite (as practices.models.theme_names_of)."""
    themes = TaggedResource.objects.filter(content_object_id=resource).order_by()
    if vendor == "postgresql":
        from django.contrib.postgres.expressions import ArraySubquery

        return ArraySubquery(themes.order_by("tag__name").values("tag__name"))
    return Subquery(
        themes.values("content_object_id")
        .annotate(names=JSONGroupArray("tag__name"))
        .values("names"),
        output_field=JSONField(),
    )


class ResourceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Everyone sees published resources; a member also their own suggestions; moderators
        everything."""
        if user is None or not user.is_authenticated:
            return self.published()
        if user.has_perm("resources.moderate_resource"):
            return self.all()
        return self.filter(Q(status=Status.PUBLISHED) | Q(suggested_by=user))

    def awaiting_review(self):
        return self.filter(status=Status.SUBMITTED).order_by("submitted_at", "pk")

    def by_member(self, user):
        return self.filter(suggested_by=user)

    def for_cards(self):
        """What a card shows (resources/includes/resource_card.html), in one query: the
        resource, its publisher's name and its themes' names."""
        return self.select_related("publisher").annotate(
            theme_list=theme_names_of(OuterRef("pk"), connections[self.db].vendor)
        )

    def with_page_data(self):
        """What a resource's own page shows, in three queries: the resource with its
        publisher, its regions, its themes."""
        return self.select_related("publisher").prefetch_related("regions", "themes")


class Resource(models.Model):
    class Kind(models.TextChoices):
        TOOLKIT = "toolkit", _("Toolkit")
        GUIDE = "guide", _("Guide")
        RESEARCH = "research", _("Research report")
        POLICY = "policy", _("Policy document")
        TRAINING = "training", _("Training module")
        RECORDING = "recording", _("Recording")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    summary = models.TextField(_("summary"), max_length=1500)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    themes = TaggableManager(
        verbose_name=_("themes"), through=TaggedResource, blank=True, related_name="resources"
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="resources",
        help_text=_("The regions it concerns; none for a resource of use everywhere."),
    )
    publisher = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text=_("Empty: the Strong Cities Network."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    file = models.FileField(_("PDF file"), upload_to=resource_file_path, blank=True)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    url = models.URLField(
        _("link"), max_length=500, blank=True, help_text=_("Where it is published, if online.")
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suggested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="suggested_resources",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    # What the search page matches a resource by (scn_portal/searchable.py).
    search_text = search_text_of("title", "summary")

    objects = ResourceQuerySet.as_manager()

    # A search result's title and snippet with the searched words marked; None on every
    # other card (declared so that a card never looks for them the slow way).
    title_marked = None
    snippet = None

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["-published_at", "-created_at"]
        permissions = [("moderate_resource", _("Can review and publish resources"))]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="resource_status_submitted"),
            models.Index(
                fields=["-published_at", "-id"],
                name="resource_published_recent",
                condition=Q(status=Status.PUBLISHED),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="resource_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="resource_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="resource_file_or_link"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("resources:detail", args=[self.slug])

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def direction(self):
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"

    @property
    def download_name(self):
        return f"{self.slug[:100]}.pdf"

    @property
    def theme_names(self):
        """The names of its themes in order, as a card shows them: from `for_cards()` when
        read there, else from the themes."""
        if hasattr(self, "theme_list"):
            names = self.theme_list or []
        else:
            names = [theme.name for theme in self.themes.all()]
        return sorted(names, key=str.casefold)

    @property
    def is_editable_by_member(self):
        """The member who suggested it may change it only when moderators asked for changes."""
        return self.status == Status.CHANGES_REQUESTED


class ResourceStatusChange(RecordedChange):
    """One recorded transition of a resource (resources.workflow)."""

    SUBJECT = "resource"

    resource = models.ForeignKey(
        Resource, verbose_name=_("resource"), on_delete=models.CASCADE, related_name="history"
    )
    reason = models.TextField(_("reason (the member sees this)"), blank=True)

    class Meta(RecordedChange.Meta):
        verbose_name = _("status change of a resource")
        verbose_name_plural = _("status changes of resources")
        indexes = [models.Index(fields=["resource", "-created_at"])]
