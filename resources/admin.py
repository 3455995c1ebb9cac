"""The admin of the resource hub, as the practice library's (practices/admin.py): the
moderation queue (suggestions waiting, longest first), the review screen with its
publish / request changes / reject / archive decisions, the read-only history of every
decision. Staff may add a resource themselves: it starts as a draft, and they publish it
from the review screen.

The status of a resource is never edited here: every decision calls resources.workflow.
"""

from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from cities.admin import HTTPS_URLS
from practices.review_admin import HistoryAdmin, HistoryInline, ReviewAdmin
from resources import workflow
from resources.forms import ResourceAdminForm
from resources.models import Resource, ResourceStatusChange
from scn_portal.forms import Checklist

AUDIT_FIELDS = ["created_at", "updated_at", "submitted_at", "published_at"]


class ResourceStatusChangeInline(HistoryInline):
    model = ResourceStatusChange


@admin.register(ResourceStatusChange)
class ResourceStatusChangeAdmin(HistoryAdmin):
    pass


@admin.register(Resource)
class ResourceAdmin(ReviewAdmin, admin.ModelAdmin):
    workflow = workflow.RESOURCE
    queue_title = _("Resources waiting for review")
    review_title = _("Review a resource")
    review_related = ["publisher", "suggested_by"]
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
            return HttpResponseRedirect(self.review_url(obj))
        return super().response_add(request, obj, post_url_continue)

    def review_context(self, request, resource):
        member = resource.suggested_by
        others = (
            Resource.objects.by_member(member).exclude(pk=resource.pk).order_by("-updated_at")[:20]
            if member
            else []
        )
        return {
            "themes": resource.themes.order_by("name"),
            "regions": resource.regions.all(),
            "others": others,
        }
