"""The admin where staff write news stories: a draft until they set it to published, public
from its publication time on (a time to come schedules it). The image goes through the
checks of news/images.py (news.forms.StoryAdminForm)."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news.forms import StoryAdminForm
from news.models import Story
from practices.review_admin import admin_link
from scn_portal.admin_widgets import ChecklistLists
from scn_portal.models import PublicationStatus


class OnSiteFilter(admin.SimpleListFilter):
    """Whether a story is on the site now, scheduled, or a draft."""

    title = _("on the site")
    parameter_name = "on_site"

    def lookups(self, request, model_admin):
        return [("public", _("Public")), ("scheduled", _("Scheduled")), ("draft", _("Draft"))]

    def queryset(self, request, queryset):
        if self.value() == "public":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.scheduled()
        if self.value() == "draft":
            return queryset.filter(status=PublicationStatus.DRAFT)
        return queryset


@admin.register(Story)
class StoryAdmin(ChecklistLists, admin.ModelAdmin):
    form = StoryAdminForm
    list_display = ["title", "status", "publish_at", "on_site", "language"]
    list_filter = [OnSiteFilter, "status", "regions", "language"]
    search_fields = ["title", "standfirst", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    # Native controls, which screen readers and keyboards handle: checklists for cities and
    # regions, and the row's number, with a search window, for the thousands of practices.
    raw_id_fields = ["practices"]
    readonly_fields = ["preview_link", "image_preview", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["preview_link", "title", "slug", "standfirst", "body", "language"]}),
        (_("Image"), {"fields": ["image", "image_preview", "image_alt"]}),
        (_("Publication"), {"fields": ["status", "publish_at"]}),
        (
            _("What the story is about"),
            {"fields": ["regions", "cities", "practices", "themes"]},
        ),
        (_("Record"), {"fields": ["created_by", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("on the site"))
    def on_site(self, obj):
        if obj.status != PublicationStatus.PUBLISHED:
            return _("Not public (draft)")
        if obj.publish_at > timezone.now():
            return _("Scheduled: appears at the publication time")
        return _("Public")

    @admin.display(description=_("on the site"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return _("Save the story to preview it on the site.")
        label = _("View on site") if obj.is_public else _("Preview on site (only staff see it)")
        return admin_link(obj.get_absolute_url(), label, button=True)

    @admin.display(description=_("current image"))
    def image_preview(self, obj):
        if obj is None or not obj.image:
            return _("No image")
        return render_to_string("admin/news/story/image_preview.html", {"story": obj})

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
