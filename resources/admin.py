"""The admin of the resource hub, as the practice library's (practices/admin.py): the
moderation queue (suggestions waiting, longest first), the review screen with its
publish / request changes / reject / archive decisions, the read-only history of every
decision. Staff may add a resource themselves: it starts as a draft, and they publish it
from the review screen.

The status of a resource is never edited here: every decision calls resources.workflow.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from cities.admin import HTTPS_URLS
from practices.admin import DecisionForm, admin_link
from practices.models import Status
from resources import workflow
from resources.forms import ResourceAdminForm
from resources.models import Resource, ResourceStatusChange
from scn_portal.forms import Checklist

AUDIT_FIELDS = ["created_at", "updated_at", "submitted_at", "published_at"]


class ResourceStatusChangeInline(admin.TabularInline):
    """The resource's history: shown on its page, never changed."""

    model = ResourceStatusChange
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


@admin.register(ResourceStatusChange)
class ResourceStatusChangeAdmin(admin.ModelAdmin):
    """Who decided what on a resource, and when: a log staff read and nobody writes."""

    list_display = ["created_at", "resource", "from_status", "to_status", "actor", "short_reason"]
    list_filter = ["to_status", "from_status", "created_at"]
    list_select_related = ["resource", "actor"]
    search_fields = ["resource__title", "actor__email", "reason"]
    date_hierarchy = "created_at"
    view_on_site = False
    fields = [
        "resource",
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


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    form = ResourceAdminForm
    list_display = ["title", "kind", "status", "publisher", "year", "suggested_by", "waiting"]
    list_display_links = ["title"]
    list_filter = ["status", "kind", "language", "regions", "year"]
    list_select_related = ["publisher", "suggested_by"]
    search_fields = ["title", "summary", "suggested_by__email", "publisher__name"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["suggested_by"]
    formfield_overrides = {**HTTPS_URLS, models.ManyToManyField: {"widget": Checklist}}
    readonly_fields = ["status", "review_link", "original_name", "size", *AUDIT_FIELDS]
    inlines = [ResourceStatusChangeInline]
    fieldsets = [
        (_("Review"), {"fields": ["status", "review_link", "suggested_by"]}),
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "summary",
                    "language",
                    "themes",
                    "regions",
                    "publisher",
                    "year",
                ]
            },
        ),
        (_("Where to find it"), {"fields": ["file", "original_name", "size", "url"]}),
        (_("Record"), {"fields": AUDIT_FIELDS}),
    ]

    # --- columns -------------------------------------------------------------------------

    @admin.display(description=_("waiting"), ordering="submitted_at")
    def waiting(self, obj):
        if obj.status != Status.SUBMITTED or not obj.submitted_at:
            return None
        return timesince(obj.submitted_at, depth=1)

    @admin.display(description=_("review"))
    def review_link(self, obj):
        if obj is None or obj.pk is None:
            return None
        url = reverse("admin:resources_resource_review", args=[obj.pk])
        return admin_link(url, _("Open the review screen"), button=True)

    @admin.display(description=_("review"))
    def review_column(self, obj):
        url = reverse("admin:resources_resource_review", args=[obj.pk])
        label = _("Review") if obj.status == Status.SUBMITTED else _("Open")
        return admin_link(url, label)

    # --- lists ---------------------------------------------------------------------------

    def get_list_display(self, request):
        columns = list(self.list_display)
        if self.has_moderate_permission(request):
            columns.insert(1, "review_column")
        if request.GET.get("status__exact") == Status.SUBMITTED:
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
                "title": _("Resources waiting for review"),
                **(extra_context or {}),
            }
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        form.keep_upload_details(obj)
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        # A resource staff add starts as a draft: the next step is to publish it.
        if self.has_moderate_permission(request) and "_continue" not in request.POST:
            self.message_user(
                request,
                _("“%(title)s” is saved as a draft. Publish it from here when it is ready.")
                % {"title": obj.title},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:resources_resource_review", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def has_moderate_permission(self, request):
        return workflow.is_moderator(request.user)

    # --- moderation views ----------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("queue/", view(self.queue_view), name="resources_resource_queue"),
            path(
                "<int:object_id>/review/", view(self.review_view), name="resources_resource_review"
            ),
            path(
                "<int:object_id>/review/<str:action>/",
                view(self.decide_view),
                name="resources_resource_decide",
            ),
            *super().get_urls(),
        ]

    def queue_view(self, request):
        """The moderation queue is the resource list, filtered to what waits for review."""
        url = reverse("admin:resources_resource_changelist")
        return HttpResponseRedirect(f"{url}?status__exact={Status.SUBMITTED}")

    def _resource_for_moderation(self, request, object_id):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            Resource.objects.select_related("publisher", "suggested_by"), pk=object_id
        )

    def _context(self, request, resource, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "subtitle": resource.title,
            "resource": resource,
        }

    def review_view(self, request, object_id):
        resource = self._resource_for_moderation(request, object_id)
        member = resource.suggested_by
        others = (
            Resource.objects.by_member(member).exclude(pk=resource.pk).order_by("-updated_at")[:20]
            if member
            else []
        )
        context = {
            **self._context(request, resource, _("Review a resource")),
            "themes": resource.themes.order_by("name"),
            "regions": resource.regions.all(),
            "history": resource.history.select_related("actor"),
            "others": others,
            "decisions": [
                t
                for t in workflow.available_transitions(request.user, resource)
                if t.actor == workflow.MODERATOR
            ],
        }
        return TemplateResponse(request, "admin/resources/resource/review.html", context)

    def decide_view(self, request, object_id, action):
        """Confirm one decision (publish, request changes, reject, archive) and make it."""
        resource = self._resource_for_moderation(request, object_id)
        decision = workflow.TRANSITIONS.get(action)
        if decision is None or decision.actor != workflow.MODERATOR:
            raise Http404
        review_url = reverse("admin:resources_resource_review", args=[resource.pk])
        if not workflow.may_act(request.user, resource, action):
            self.message_user(
                request,
                _("“%(action)s” is not possible for a resource that is “%(status)s”.")
                % {"action": decision.label, "status": resource.get_status_display()},
                messages.ERROR,
            )
            return HttpResponseRedirect(review_url)

        data = request.POST if request.method == "POST" else None
        form = DecisionForm(data, reason_required=decision.reason_required)
        form.fields["reason"].label = _("Reason (the member sees this)")
        if decision.reason_required:
            form.fields["reason"].error_messages["required"] = _("Please give the member a reason.")
        if request.method == "POST" and form.is_valid():
            try:
                workflow.transition(
                    resource,
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
                    % {"title": resource.title, "status": resource.get_status_display()},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:resources_resource_queue"))
        context = {
            **self._context(request, resource, decision.label),
            "decision": decision,
            "form": form,
            "review_url": review_url,
        }
        return TemplateResponse(request, "admin/resources/resource/decide.html", context)
