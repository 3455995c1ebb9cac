"""The knowledge side of the network: local practice case studies, their attachments and
the recorded history of their review. Which status changes are allowed lives in
practices/workflow.py; visibility lives in PracticeQuerySet.visible_to."""

import enum
import uuid
from pathlib import PurePath
from typing import NamedTuple

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models import (
    Aggregate,
    F,
    JSONField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from cities.models import City, PartnerOrganisation, Practitioner
from scn_portal.models import admin_url
from scn_portal.rows import count_of

FIRST_YEAR = 1990
LAST_YEAR = 2100


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


# The author may change the text only in these states.
EDITABLE_STATUSES = {Status.DRAFT, Status.CHANGES_REQUESTED}


class ExtremismForm(models.Model):
    """A form of violent extremism a practice addresses (far-right, Islamist, ...)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("form of extremism")
        verbose_name_plural = _("forms of extremism")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The library filtered to practice addressing this form of extremism."""
        return reverse("practices:list") + f"?form={self.slug}"


class TaggedPractice(TaggedItemBase):
    content_object = models.ForeignKey("Practice", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("practice theme")
        verbose_name_plural = _("practice themes")
        # Both directions answered from the index alone: the themes of a page of practice,
        # and the practice of a theme (the library's theme facet).
        indexes = [
            models.Index(fields=["content_object", "tag"], name="taggedpractice_practice_tag"),
            models.Index(fields=["tag", "content_object"], name="taggedpractice_tag_practice"),
        ]


class Part(enum.Enum):
    """The parts of a case study, in reading order. The evidence level stands between the
    results and what another city needs to adapt the practice (on the page, in the form and
    in the admin), so that a reader judges the outcomes before the lessons."""

    RESPONSE = "the problem and the response"
    RESULTS = "the results"
    TRANSFER = "what another city needs to adapt it"


class Section(NamedTuple):
    name: str  # the Practice text field
    part: Part
    required: bool  # a submission needs it (workflow.missing_for_submission)
    # quoted in search snippets, and searched on SQLite too (PostgreSQL's document holds
    # every section): practices/search.py
    quoted: bool


# The body of a case study in the order of DESIGN.md: one long text field each, with a
# heading on the practice's page (a card never reads them). The one list of them: the
# page, the form, the admin, the workflow and search take theirs from here.
SECTION_TABLE = (
    Section("problem", Part.RESPONSE, required=True, quoted=True),
    Section("approach", Part.RESPONSE, required=True, quoted=True),
    Section("target_audience", Part.RESPONSE, required=True, quoted=True),
    Section("outcomes", Part.RESULTS, required=True, quoted=True),
    Section("lessons", Part.TRANSFER, required=True, quoted=True),
    Section("resources_needed", Part.TRANSFER, required=False, quoted=False),
)
SECTIONS = tuple(section.name for section in SECTION_TABLE)
REQUIRED_SECTIONS = tuple(section.name for section in SECTION_TABLE if section.required)
QUOTED_SECTIONS = tuple(section.name for section in SECTION_TABLE if section.quoted)


def sections_in(*parts):
    """The names of the sections of these parts, in reading order."""
    return tuple(section.name for section in SECTION_TABLE if section.part in parts)


# What "published" means, for the queryset and for the partial indexes that serve it.
PUBLISHED = Q(status=Status.PUBLISHED, update_of__isnull=True)


class JSONGroupArray(Aggregate):
    """SQLite's json_group_array: the values of a group as one JSON list."""

    function = "JSON_GROUP_ARRAY"

    def __init__(self, expression, **extra):
        super().__init__(expression, output_field=JSONField(), **extra)


def theme_names_of(practice, vendor):
    """The names of the themes of `practice` (an expression for its id), as one list: an
    array on PostgreSQL, JSON on SQLite."""
    themes = TaggedPractice.objects.filter(content_object_id=practice).order_by()
    if vendor == "postgresql":
        from django.contrib.postgres.expressions import ArraySubquery

        return ArraySubquery(themes.order_by("tag__name").values("tag__name"))
    return Subquery(
        themes.values("content_object_id")
        .annotate(names=JSONGroupArray("tag__name"))
        .values("names"),
        output_field=JSONField(),
    )


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(PUBLISHED)

    def visible_to(self, user):
        """The one place that decides who may see which practice.

        Everyone sees published practice; an author also sees their own in any state;
        moderators see everything.
        """
        if user is None or not user.is_authenticated:
            return self.published()
        if user.has_perm("practices.moderate_practice"):
            return self.all()
        return self.filter(
            Q(status=Status.PUBLISHED, update_of__isnull=True) | Q(submitted_by=user)
        )

    def by_author(self, user):
        return self.filter(submitted_by=user)

    def awaiting_review(self):
        return self.filter(status=Status.SUBMITTED).order_by("submitted_at", "pk")

    def for_region(self, region):
        return self.filter(city__region=region)

    def review_overdue(self, today):
        return self.published().filter(review_due__lt=today)

    def with_list_data(self):
        """What a list of practice shows: city and region, and the themes (one prefetch
        for a whole page)."""
        return self.select_related("city", "city__region").prefetch_related("themes")

    def for_cards(self):
        """What a card shows (practices/includes/card.html), in one query: the practice
        without the long sections, its city and region, and its themes' names."""
        return (
            self.select_related("city", "city__region")
            .defer(*SECTIONS)
            .annotate(theme_list=theme_names_of(OuterRef("pk"), connections[self.db].vendor))
        )

    def with_page_data(self):
        """What a practice's own page shows beside its text, in the same query: its city,
        region and contact, and the practice it would update (for a proposed update). Its
        themes are read with everything else it links to (practices.views.linked_items)."""
        return self.select_related("city", "city__region", "contact_practitioner", "update_of")


class Practice(models.Model):
    class Stage(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        ENDED = "ended", _("Ended")

    class EvidenceLevel(models.TextChoices):
        # Ordered from least to most evidence, after public registries (CrimeSolutions,
        # Blueprints, Grüne Liste, RAN); "no effect found" is evidence too.
        DESCRIBED = "described", _("Described only")
        GROUNDED = "grounded", _("Theoretically grounded")
        PEER_REVIEWED = "peer_reviewed", _("Peer-reviewed")
        PROMISING = "promising", _("Evaluated – promising")
        EFFECTIVE = "effective", _("Evaluated – effective")
        NO_EFFECT = "no_effect", _("Evaluated – no effect found")

    class Scope(models.TextChoices):
        LOCAL = "local", _("Local")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")
        TRANSNATIONAL = "transnational", _("Transnational")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    # Empty only while the author is still writing; required from submission on.
    city = models.ForeignKey(
        City,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        related_name="practices",
        null=True,
        blank=True,
    )
    other_cities = models.ManyToManyField(
        City, verbose_name=_("other cities involved"), blank=True, related_name="joint_practices"
    )
    organisations = models.ManyToManyField(
        PartnerOrganisation,
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="practices",
    )
    summary = models.TextField(_("summary"), max_length=1500, blank=True)
    problem = models.TextField(_("the problem it addresses"), blank=True)
    approach = models.TextField(_("approach and activities"), blank=True)
    target_audience = models.TextField(_("target audience"), max_length=2000, blank=True)
    extremism_forms = models.ManyToManyField(
        ExtremismForm, verbose_name=_("forms of extremism addressed"), blank=True
    )
    themes = TaggableManager(
        verbose_name=_("themes"), through=TaggedPractice, blank=True, related_name="practices"
    )
    stage = models.CharField(
        _("stage"), max_length=10, choices=Stage.choices, default=Stage.RUNNING
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    evidence_level = models.CharField(
        _("evidence level"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.DESCRIBED,
    )
    lessons = models.TextField(_("lessons learned and transferability"), blank=True)
    resources_needed = models.TextField(_("resources needed"), blank=True)
    language = models.CharField(
        _("language of the case study"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    contact_practitioner = models.ForeignKey(
        Practitioner,
        verbose_name=_("contact practitioner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    scope = models.CharField(
        _("geographical scope"), max_length=15, choices=Scope.choices, default=Scope.LOCAL
    )
    adapted_from = models.ManyToManyField(
        "self",
        verbose_name=_("adapted from"),
        symmetrical=False,
        blank=True,
        related_name="adaptations",
    )
    do_no_harm_confirmed = models.BooleanField(
        _("no beneficiaries or minors can be identified"),
        default=False,
        help_text=_(
            "Confirm that the text names no beneficiaries or minors and gives no detail "
            "that could identify them."
        ),
    )
    review_due = models.DateField(_("review due"), null=True, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    update_of = models.ForeignKey(
        "self",
        verbose_name=_("proposed update of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proposed_updates",
        help_text=_("Set on a proposed update; publishing it replaces the public text."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    objects = PracticeQuerySet.as_manager()

    # A search result's title and snippet with the searched words marked (practices.search);
    # None on every other card. Declared so that a card always finds them: Django's templates
    # look for a missing attribute the slow way (a dir() of the whole model), twice a card.
    title_marked = None
    snippet = None

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-published_at", "-created_at"]
        permissions = [("moderate_practice", _("Can review and publish practice"))]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="practice_status_published"),
            models.Index(fields=["status", "submitted_at"], name="practice_status_submitted"),
            models.Index(fields=["status", "evidence_level"], name="practice_status_evidence"),
            models.Index(fields=["status", "stage"], name="practice_status_stage"),
            models.Index(fields=["status", "start_year"], name="practice_status_year"),
            models.Index(fields=["submitted_by", "-updated_at"], name="practice_author_updated"),
            # Published practice only (what every public page reads), partial so they stay
            # small: the newest first (library, home, feed, and an index-only count) ...
            models.Index(
                fields=["-published_at", "-id"],
                name="practice_published_recent",
                condition=PUBLISHED,
            ),
            # ... a city's newest first and its count (city page, directory sorted by practice)
            models.Index(
                fields=["city", "-published_at", "-id"],
                name="practice_published_city",
                condition=PUBLISHED,
            ),
            # ... and the library's facet counts from the index alone.
            models.Index(
                fields=["evidence_level", "stage", "start_year", "city", "id"],
                name="practice_published_facets",
                condition=PUBLISHED,
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(city__isnull=False)
                | Q(status__in=[Status.DRAFT, Status.CHANGES_REQUESTED]),
                name="practice_city_required_once_submitted",
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(start_year__gte=FIRST_YEAR, start_year__lte=LAST_YEAR),
                name="practice_start_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(end_year__gte=FIRST_YEAR, end_year__lte=LAST_YEAR),
                name="practice_end_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="practice_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="practice_status_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", args=[self.slug])

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED and self.update_of_id is None

    @property
    def direction(self):
        """Which way its text runs ("rtl" for Arabic), for the `dir` beside its `lang`."""
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"

    @property
    def theme_names(self):
        """The names of its themes in order, as a card shows them: from `for_cards()` (or a
        search result) when read there, else from the themes."""
        if hasattr(self, "theme_list"):
            names = self.theme_list or []
        else:
            names = [theme.name for theme in self.themes.all()]
        return sorted(names, key=str.casefold)

    # The sections (SECTION_TABLE) on either side of the evidence level, which the page
    # shows as a section of its own (its heading and what the level means).
    SECTIONS_BEFORE_EVIDENCE = sections_in(Part.RESPONSE, Part.RESULTS)
    SECTIONS_AFTER_EVIDENCE = sections_in(Part.TRANSFER)

    # What each evidence level means, for the reader of a practice page.
    EVIDENCE_MEANINGS = {
        EvidenceLevel.DESCRIBED: _(
            "The practice is described by the people who ran it; it has not been evaluated."
        ),
        EvidenceLevel.GROUNDED: _(
            "The approach rests on research or a stated theory of change, but its effects "
            "have not been evaluated."
        ),
        EvidenceLevel.PEER_REVIEWED: _(
            "Independent experts reviewed how the practice was designed or what it achieved."
        ),
        EvidenceLevel.PROMISING: _(
            "An evaluation found positive results, though the evidence is not yet strong "
            "or repeated."
        ),
        EvidenceLevel.EFFECTIVE: _(
            "A rigorous evaluation found that the practice achieved what it set out to do."
        ),
        EvidenceLevel.NO_EFFECT: _(
            "An evaluation found no clear effect. Knowing this helps other cities choose too."
        ),
    }

    def _sections(self, names):
        return [
            (self._meta.get_field(name).verbose_name.capitalize(), getattr(self, name))
            for name in names
            if getattr(self, name).strip()
        ]

    @property
    def sections(self):
        """(heading, text) for each body section that has text, in reading order."""
        return self._sections(SECTIONS)

    @property
    def sections_before_evidence(self):
        return self._sections(self.SECTIONS_BEFORE_EVIDENCE)

    @property
    def sections_after_evidence(self):
        return self._sections(self.SECTIONS_AFTER_EVIDENCE)

    @property
    def evidence_meaning(self):
        return self.EVIDENCE_MEANINGS.get(self.evidence_level, "")

    @property
    def is_editable_by_author(self):
        return self.status in EDITABLE_STATUSES

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})


def with_practice_count(cities):
    """`cities` (a City queryset) with `practice_count`: how much practice each published.

    A subquery, not a join: it stays right whatever the other filters join in."""
    return cities.annotate(practice_count=count_of(Practice.objects.published(), "city"))


def attachment_path(instance, filename):
    # A random name on disk: the uploader's file name is kept only as data.
    return f"attachments/{uuid.uuid4().hex}.pdf"


def shortened(file_name, max_length):
    """`file_name` cut to `max_length` characters, keeping its extension."""
    if len(file_name) <= max_length:
        return file_name
    suffix = PurePath(file_name).suffix[:16]
    return file_name[: max_length - len(suffix)] + suffix


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        visible = Practice.objects.visible_to(user)
        return self.filter(practice__in=visible)


class Attachment(models.Model):
    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("PDF file"), upload_to=attachment_path)
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:attachment", args=[self.practice.slug, self.pk])

    @classmethod
    def from_upload(cls, practice, upload, title=""):
        """An unsaved attachment of `upload` to `practice`, titled `title` or else after the
        file name. A file name of any length fits: the title is cut to its column (a row
        too long is an error on PostgreSQL) and the file is stored under a short random
        name (attachment_path)."""
        title_length = cls._meta.get_field("title").max_length
        name_length = cls._meta.get_field("original_name").max_length
        return cls(
            practice=practice,
            title=title or Truncator(PurePath(upload.name).stem.strip()).chars(title_length),
            file=upload,
            original_name=shortened(upload.name, name_length),
            size=upload.size,
        )

    @property
    def download_name(self):
        stem = PurePath(self.original_name or self.title).stem or "attachment"
        return f"{stem}.pdf"


class RecordedChange(models.Model):
    """One recorded transition of reviewed content (a case study, a resource): who, when,
    from, to, and why. Written only by a workflow (practices.workflow.Workflow); never
    edited or deleted afterwards. `SUBJECT` names the foreign key to the content."""

    SUBJECT = ""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    reason = models.TextField(_("reason (the author sees this)"), blank=True)
    internal_note = models.TextField(_("internal note (staff only)"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        subject = getattr(self, self.SUBJECT)
        return f"{subject}: {self.get_from_status_display()} → {self.get_to_status_display()}"

    def get_absolute_url(self):
        # The history is for staff: the record in the admin, not the (maybe unpublished) page.
        return admin_url(self)


class StatusChange(RecordedChange):
    """One recorded transition of a practice (practices.workflow)."""

    SUBJECT = "practice"

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="history"
    )

    class Meta(RecordedChange.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [models.Index(fields=["practice", "-created_at"])]


class SearchWord(models.Model):
    """A word of published practice (title, summary, themes): what a misspelt word of a
    search is corrected to. Kept by practices/spelling.py; a word leaves when no published
    practice carries it any more, so nothing unpublished is ever suggested."""

    word = models.CharField(_("word"), max_length=60, primary_key=True)
    practices = models.PositiveIntegerField(_("published practices carrying it"), default=0)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        # Candidates for a correction are read by length.
        indexes = [models.Index(Length("word"), name="searchword_length")]

    def __str__(self):
        return self.word


class PracticeWords(models.Model):
    """The words a published practice adds to the search vocabulary, as last counted, so
    that they can be taken back when it is edited, unpublished or deleted."""

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    words = models.TextField(blank=True)

    class Meta:
        verbose_name = _("words of a practice")
        verbose_name_plural = _("words of practices")

    def __str__(self):
        return str(self.practice_id)
