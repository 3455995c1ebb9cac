"""The admin for the knowledge side, where moderators work every day: the moderation queue
(submitted practice, oldest first), the review screen with its publish / request changes /
reject decisions, bulk publishing, and the read-only history of every decision.

The status of a practice is never edited here: every decision calls practices.workflow.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.timesince import timesince
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
from scn_portal.admin_widgets import ChecklistLists

AUDIT_FIELDS = ["created_at", "updated_at", "submitted_at", "published_at"]


def admin_link(url, label, button=False):
    """A link for an admin list or form, drawn by templates/admin/includes/link.html."""
    return render_to_string(
        "admin/includes/link.html", {"url": url, "label": label, "button": button}
    )


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


class StatusChangeInline(admin.TabularInline):
    """The practice's history: shown on its page, never changed."""

    model = StatusChange
    fields = ["created_at", "actor", "from_status", "to_status", "reason", "internal_note"]
    readonly_fields = fields
    verbose_name_plural = _("history")
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    """Who decided what, and when: a log staff read and nobody writes."""

    list_display = ["created_at", "practice", "from_status", "to_status", "actor", "short_reason"]
    list_filter = ["to_status", "from_status", "created_at"]
    list_select_related = ["practice", "actor"]
    search_fields = ["practice__title", "actor__email", "reason"]
    date_hierarchy = "created_at"
    view_on_site = False  # its address is this admin page
    fields = [
        "practice",
        "created_at",
        "actor",
        "from_status",
        "to_status",
        "reason",
        "internal_note",
    ]
    readonly_fields = fields

    @admin.display(description=_("reason"))
    def short_reason(self, obj):
        return Truncator(obj.reason).chars(80)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the author sees this)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    internal_note = forms.CharField(
        label=_("Internal note (staff only)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, reason_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if reason_required:
            self.fields["reason"].error_messages["required"] = _("Please give the author a reason.")


@admin.register(Practice)
class PracticeAdmin(ChecklistLists, admin.ModelAdmin):
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

    @admin.display(description=_("waiting"), ordering="submitted_at")
    def waiting(self, obj):
        if obj.status != Status.SUBMITTED or not obj.submitted_at:
            return None
        # The largest unit is enough to judge who waited longest: "9 months", "2 days".
        return timesince(obj.submitted_at, depth=1)

    @admin.display(description=_("submitted by"))
    def author(self, obj):
        # Plain text: moderators may not open user accounts, so no link to one.
        user = obj.submitted_by
        if user is None:
            return None
        # A member who gave no name is shown by their address alone, not twice.
        return f"{user.get_full_name()} <{user.email}>" if user.get_full_name() else user.email

    @admin.display(description=_("review"))
    def review_link(self, obj):
        if obj is None or obj.pk is None:
            return None
        url = reverse("admin:practices_practice_review", args=[obj.pk])
        return admin_link(url, _("Open the review screen"), button=True)

    @admin.display(description=_("review"))
    def review_column(self, obj):
        url = reverse("admin:practices_practice_review", args=[obj.pk])
        label = _("Review") if obj.status == Status.SUBMITTED else _("Open")
        return admin_link(url, label)

    # --- lists ---------------------------------------------------------------------------

    def get_list_display(self, request):
        columns = list(self.list_display)
        if self.has_moderate_permission(request):
            # Next to the title, so that it shows even when the table has to scroll.
            columns.insert(1, "review_column")
        if request.GET.get("status__exact") == Status.SUBMITTED:
            # Everything in the queue has the same status: the room goes to the waiting time.
            columns.remove("status")
        return columns

    def get_ordering(self, request):
        # The queue: whoever has waited longest comes first.
        if request.GET.get("status__exact") == Status.SUBMITTED:
            return ["submitted_at", "pk"]
        return super().get_ordering(request)

    def changelist_view(self, request, extra_context=None):
        if request.GET.get("status__exact") == Status.SUBMITTED:
            extra_context = {
                "title": _("Moderation queue: waiting for review"),
                **(extra_context or {}),
            }
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        if not change and obj.submitted_by_id is None:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    def has_moderate_permission(self, request):
        return workflow.is_moderator(request.user)

    # --- moderation views ----------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("queue/", view(self.queue_view), name="practices_practice_queue"),
            path(
                "<int:object_id>/review/", view(self.review_view), name="practices_practice_review"
            ),
            path(
                "<int:object_id>/review/<str:action>/",
                view(self.decide_view),
                name="practices_practice_decide",
            ),
            *super().get_urls(),
        ]

    def queue_view(self, request):
        """The moderation queue is the practice list, filtered to what waits for review."""
        url = reverse("admin:practices_practice_changelist")
        return HttpResponseRedirect(f"{url}?status__exact={Status.SUBMITTED}")

    def _practice_for_moderation(self, request, object_id):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            Practice.objects.select_related(
                "city__region", "submitted_by", "update_of", "contact_practitioner"
            ),
            pk=object_id,
        )

    def _context(self, request, practice, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "subtitle": practice.title,
            "practice": practice,
        }

    def review_view(self, request, object_id):
        practice = self._practice_for_moderation(request, object_id)
        author = practice.submitted_by
        others = (
            Practice.objects.by_author(author)
            .exclude(pk=practice.pk)
            .select_related("city")
            .order_by("-updated_at")[:20]
            if author
            else []
        )
        context = {
            **self._context(request, practice, _("Review a submission")),
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
            "history": practice.history.select_related("actor"),
            "others": others,
            "decisions": [
                t
                for t in workflow.available_transitions(request.user, practice)
                if t.actor == workflow.MODERATOR
            ],
        }
        return TemplateResponse(request, "admin/practices/practice/review.html", context)

    def decide_view(self, request, object_id, action):
        """Confirm one decision (publish, request changes, reject, archive) and make it."""
        practice = self._practice_for_moderation(request, object_id)
        decision = workflow.TRANSITIONS.get(action)
        if decision is None or decision.actor != workflow.MODERATOR:
            raise Http404
        review_url = reverse("admin:practices_practice_review", args=[practice.pk])
        if not workflow.may_act(request.user, practice, action):
            self.message_user(
                request,
                _("“%(action)s” is not possible for a practice that is “%(status)s”.")
                % {"action": decision.label, "status": practice.get_status_display()},
                messages.ERROR,
            )
            return HttpResponseRedirect(review_url)

        data = request.POST if request.method == "POST" else None
        form = DecisionForm(data, reason_required=decision.reason_required)
        if request.method == "POST" and form.is_valid():
            try:
                workflow.transition(
                    practice,
                    action,
                    request.user,
                    reason=form.cleaned_data["reason"],
                    internal_note=form.cleaned_data["internal_note"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                self.message_user(
                    request,
                    _("“%(title)s”: %(status)s.")
                    % {"title": practice.title, "status": practice.get_status_display()},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:practices_practice_queue"))
        context = {
            **self._context(request, practice, decision.label),
            "decision": decision,
            "form": form,
            "review_url": review_url,
        }
        return TemplateResponse(request, "admin/practices/practice/decide.html", context)

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
            "waiting": waiting,
            "skipped": [p for p in queryset if p.status != Status.SUBMITTED],
            "selected": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/practices/practice/publish_selected.html", context)
