"""The admin for the knowledge side, where moderators work every day: the moderation queue
(submitted practice, oldest first), the review screen with its publish / request changes /
reject decisions, bulk publishing, and the read-only history of every decision.

The status of a practice is never edited here: every decision calls practices.workflow.
"""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from taggit.models import Tag

from practices import workflow
from practices.models import (
    Attachment,
    ExtremismForm,
    Part,
    Practice,
    Status,
    StatusChange,
    TaggedPractice,
    sections_in,
)
from practices.review_admin import HistoryAdmin, HistoryInline, ReviewAdmin, admin_link
from scn_portal.admin_widgets import ChecklistLists

AUDIT_FIELDS = ["created_at", "updated_at", "submitted_at", "published_at"]


@admin.register(ExtremismForm)
class ExtremismFormAdmin(TranslationAdmin):
    """A text per language (translation.py): English required, the others shown in the
    English one's place until given."""

    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AttachmentInline(admin.StackedInline):
    """Staff rename or remove an author's PDF; uploads go through the contribution form,
    which checks type and size."""

    model = Attachment
    fields = ["title", "download", "original_name", "size", "uploaded_at"]
    readonly_fields = ["download", "original_name", "size", "uploaded_at"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        return admin_link(obj.get_absolute_url(), obj.download_name)


class StatusChangeInline(HistoryInline):
    model = StatusChange


@admin.register(StatusChange)
class StatusChangeAdmin(HistoryAdmin):
    pass


class KindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("new", _("New case study")), ("update", _("Proposed update"))]

    def queryset(self, request, queryset):
        if self.value() == "new":
            return queryset.filter(update_of__isnull=True)
        if self.value() == "update":
            return queryset.filter(update_of__isnull=False)
        return queryset


class ReviewDueFilter(admin.SimpleListFilter):
    """Published practice whose "review due" date has passed: what to check is still true."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Review overdue"))]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue(timezone.localdate())
        return queryset


class ThemeFilter(admin.SimpleListFilter):
    title = _("theme")
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        return (
            Tag.objects.filter(practices_taggedpractice_items__isnull=False)
            .distinct()
            .values_list("slug", "name")
            .order_by("name")
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(themes__slug=self.value()).distinct()
        return queryset


@admin.register(Practice)
class PracticeAdmin(ReviewAdmin, ChecklistLists, admin.ModelAdmin):
    workflow = workflow.PRACTICE
    review_related = ["city__region", "submitted_by", "update_of", "contact_practitioner"]

    list_display = [
        "title",
        "kind",
        "status",
        "city",
        "submitted_by",
        "waiting",
    ]
    list_display_links = ["title"]
    list_filter = [
        "status",
        KindFilter,
        ReviewDueFilter,
        "city__region",
        "evidence_level",
        ThemeFilter,
        "extremism_forms",
        "stage",
    ]
    list_select_related = ["city", "submitted_by"]
    search_fields = [
        "title",
        "city__name",
        "submitted_by__email",
        "submitted_by__first_name",
        "submitted_by__last_name",
    ]
    prepopulated_fields = {"slug": ["title"]}
    # Native controls, which screen readers and keyboards handle (Select2's do not): a
    # select for the city, checklists for the lists, and the row's number, with a search
    # window, for the thousands of practitioners and practices.
    raw_id_fields = ["contact_practitioner", "adapted_from"]
    readonly_fields = ["status", "review_link", "author", "update_of", *AUDIT_FIELDS]
    inlines = [AttachmentInline, StatusChangeInline]
    actions = ["publish_selected"]
    fieldsets = [
        (_("Review"), {"fields": ["status", "review_link", "author", "update_of"]}),
        (None, {"fields": ["title", "slug", "city", "other_cities", "organisations", "summary"]}),
        (
            _("The practice"),
            {
                "fields": [
                    *sections_in(Part.RESPONSE),
                    "extremism_forms",
                    "themes",
                    *sections_in(Part.RESULTS),
                    "evidence_level",
                    *sections_in(Part.TRANSFER),
                ]
            },
        ),
        (
            _("Facts"),
            {
                "fields": [
                    "stage",
                    "start_year",
                    "end_year",
                    "scope",
                    "language",
                    "contact_practitioner",
                    "adapted_from",
                    "do_no_harm_confirmed",
                    "review_due",
                ]
            },
        ),
        (_("Record"), {"fields": AUDIT_FIELDS}),
    ]

    # --- columns -------------------------------------------------------------------------

    @admin.display(description=_("kind"), ordering="update_of")
    def kind(self, obj):
        return _("Proposed update") if obj.update_of_id else _("New")

    @admin.display(description=_("submitted by"))
    def author(self, obj):
        # Plain text: moderators may not open user accounts, so no link to one.
        user = obj.submitted_by
        if user is None:
            return None
        # A member who gave no name is shown by their address alone, not twice.
        return f"{user.get_full_name()} <{user.email}>" if user.get_full_name() else user.email

    def save_model(self, request, obj, form, change):
        if not change and obj.submitted_by_id is None:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    def review_context(self, request, practice):
        author = practice.submitted_by
        others = (
            Practice.objects.by_author(author)
            .exclude(pk=practice.pk)
            .select_related("city")
            .order_by("-updated_at")[:20]
            if author
            else []
        )
        return {
            # A theme no other published practice has is new: the author proposed it.
            "themes": practice.themes.annotate(
                in_library=Exists(
                    TaggedPractice.objects.filter(
                        tag=OuterRef("pk"), content_object__status=Status.PUBLISHED
                    ).exclude(content_object=practice)
                )
            ).order_by("name"),
            "extremism_forms": practice.extremism_forms.all(),
            "other_cities": practice.other_cities.all(),
            "organisations": practice.organisations.all(),
            "attachments": practice.attachments.all(),
            "others": others,
        }

    # --- bulk publishing -----------------------------------------------------------------

    @admin.action(description=_("Publish the selected submissions"), permissions=["moderate"])
    def publish_selected(self, request, queryset):
        queryset = queryset.select_related("city", "submitted_by")
        waiting = [p for p in queryset if p.status == Status.SUBMITTED]
        if request.POST.get("confirm") == "yes":
            changes, refused = workflow.transition_many(waiting, "publish", request.user)
            if changes:
                message = ngettext(
                    "%(count)d practice published.", "%(count)d practices published.", len(changes)
                )
                self.message_user(request, message % {"count": len(changes)}, messages.SUCCESS)
            for practice, reason in refused:
                self.message_user(request, f"{practice}: {reason}", messages.ERROR)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Publish the selected submissions?"),
            "queue_url": reverse("admin:practices_practice_queue"),
            "queue_title": self.queue_title,
            "waiting": waiting,
            "skipped": [p for p in queryset if p.status != Status.SUBMITTED],
            "selected": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/practices/practice/publish_selected.html", context)
