"""News stories: what staff write about the network's work, published in the admin, on a
schedule when they choose."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, IntegerField, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from cities.models import City, Region
from practices.models import Practice
from scn_portal.languages import localized
from scn_portal.models import PublicationStatus, StaffPublished, StaffPublishedQuerySet
from scn_portal.rows import json_list
from scn_portal.searchable import search_text_of


def story_image_path(instance, filename):
    # A random name on disk: nothing of the uploader's file name is kept.
    return f"news/{uuid.uuid4().hex}.jpg"


class TaggedStory(TaggedItemBase):
    content_object = models.ForeignKey("Story", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("story theme")
        verbose_name_plural = _("story themes")
        indexes = [
            models.Index(fields=["content_object", "tag"], name="taggedstory_story_tag"),
            models.Index(fields=["tag", "content_object"], name="taggedstory_tag_story"),
        ]


def _chips_of(through, story_field, target, name):
    """The {slug, name} of what each story (OuterRef) is linked to through `through`, as one
    JSON list (None when there is none)."""
    return json_list(through.objects.all(), story_field, slug=F(f"{target}__slug"), name=name)


# What a card (templates/news/includes/story_card.html) and the feed read of a story: never
# its text, which may be long.
CARD_FIELDS = (
    "id",
    "title",
    "slug",
    "standfirst",
    "status",
    "publish_at",
    "updated_at",
    "language",
    # The image with its size (else Django opens the file to measure it, per story).
    "image",
    "image_width",
    "image_height",
    "image_alt",
)


class StoryQuerySet(StaffPublishedQuerySet):
    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def visible_to(self, user):
        """The one place that decides who may see which story: everyone sees published
        stories once their time has come; staff who may change stories also see drafts and
        scheduled ones (to preview them)."""
        if user is None or not user.is_authenticated or not user.is_staff:
            return self.published()
        return self.all() if user.has_perm("news.change_story") else self.published()

    def for_region(self, slug):
        return self.filter(regions__slug=slug)

    def with_theme(self, slug):
        return self.filter(themes__slug=slug)

    def for_cards(self):
        """What a card shows, in ONE query: the story without its text, and the names (and
        slugs) of its regions, in the page's language, and of its themes."""
        Regions = self.model.regions.through
        return self.only(*CARD_FIELDS).annotate(
            region_list=_chips_of(Regions, "story", "region", localized("region__name")),
            theme_list=_chips_of(TaggedStory, "content_object", "tag", F("tag__name")),
        )

    def facet_counts(self):
        """{"region": [(slug, name, count)], "theme": [...]}: the regions (in their order,
        named in the page's language) and themes (by name) of these stories, with how many
        each has, in ONE query."""
        stories = self.order_by().values("pk")
        regions = (
            self.model.regions.through.objects.filter(story__in=stories)
            .order_by()
            .values("region")
            .annotate(
                kind=Value("region"),
                key=F("region__slug"),
                label=localized("region__name"),
                position=F("region__order"),
                count=Count("story"),
            )
            .values_list("kind", "key", "label", "position", "count")
        )
        themes = (
            TaggedStory.objects.filter(content_object__in=stories)
            .order_by()
            .values("tag")
            .annotate(
                kind=Value("theme"),
                key=F("tag__slug"),
                label=F("tag__name"),
                position=Value(0, output_field=IntegerField()),
                count=Count("content_object"),
            )
            .values_list("kind", "key", "label", "position", "count")
        )
        found = {"region": [], "theme": []}
        for kind, slug, name, _position, count in sorted(
            regions.union(themes, all=True), key=lambda row: (row[3], row[2].casefold())
        ):
            found[kind].append((slug, name, count))
        return found


class Story(StaffPublished):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    standfirst = models.TextField(
        _("standfirst"),
        max_length=600,
        help_text=_("One or two sentences under the title, and in lists and feeds."),
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Paragraphs separated by an empty line. You may use **bold**, *italic*, "
            "[links](https://example.org), lists (- item) and headings (## Heading)."
        ),
    )
    image = models.ImageField(
        _("image"),
        upload_to=story_image_path,
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    cities = models.ManyToManyField(
        City, verbose_name=_("cities"), blank=True, related_name="stories"
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), blank=True, related_name="stories"
    )
    practices = models.ManyToManyField(
        Practice, verbose_name=_("practice"), blank=True, related_name="stories"
    )
    themes = TaggableManager(
        verbose_name=_("themes"), through=TaggedStory, blank=True, related_name="stories"
    )

    # What the search page matches a story by (scn_portal/searchable.py).
    search_text = search_text_of("title", "standfirst", "body")

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("news story")
        verbose_name_plural = _("news stories")
        ordering = ["-publish_at", "-pk"]
        indexes = [
            models.Index(
                fields=["-publish_at", "-id"],
                name="story_published_recent",
                condition=models.Q(status=PublicationStatus.PUBLISHED),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.slug])

    @property
    def direction(self):
        return "rtl" if self.language in settings.LANGUAGES_BIDI else "ltr"

    @property
    def region_chips(self):
        """[{slug, name}] of its regions by name: from `for_cards()` when read there, else
        from its regions."""
        if hasattr(self, "region_list"):
            found = self.region_list or []
        else:
            found = [{"slug": r.slug, "name": r.name} for r in self.regions.all()]
        return sorted(found, key=lambda chip: chip["name"].casefold())

    @property
    def theme_chips(self):
        """[{slug, name}] of its themes by name, as `region_chips`."""
        if hasattr(self, "theme_list"):
            found = self.theme_list or []
        else:
            found = [{"slug": t.slug, "name": t.name} for t in self.themes.all()]
        return sorted(found, key=lambda chip: chip["name"].casefold())

    @property
    def image_url(self):
        """The address of its image (news:image), with a part of the stored file's random
        name: a new image has a new address, so the old one may be kept long by browsers."""
        if not self.image:
            return ""
        version = PurePath(self.image.name).stem[:12]
        return f"{reverse('news:image', args=[self.slug])}?v={version}"

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )
