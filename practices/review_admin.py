"""The admin of reviewed content (case studies, resources), one way for both: the moderation
queue (submitted, longest waiting first), the review screen, each decision confirmed on its
own page with the reason the member reads and a note for staff, and the read-only history.

Every decision calls the content's workflow (practices.workflow.Workflow); a ModelAdmin
names it (`workflow`) and adds what its review screen shows (`review_context`).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _

from practices.models import Status
from practices.workflow import MODERATOR

HISTORY_FIELDS = ["created_at", "actor", "from_status", "to_status", "reason", "internal_note"]


def admin_link(url, label, button=False):
    """A link for an admin list or form, drawn by templates/admin/includes/link.html."""
    return render_to_string(
        "admin/includes/link.html", {"url": url, "label": label, "button": button}
    )


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

    def __init__(self, *args, reason_required=False, reason_missing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if reason_required:
            self.fields["reason"].error_messages["required"] = reason_missing or _(
                "Please give the author a reason."
            )


class ReadOnly:
    """History is written by the workflow alone: nobody adds, changes or deletes it."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class HistoryInline(ReadOnly, admin.TabularInline):
    """The content's history: shown on its page, never changed."""

    fields = HISTORY_FIELDS
    readonly_fields = fields
    verbose_name_plural = _("history")
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class HistoryAdmin(ReadOnly, admin.ModelAdmin):
    """Who decided what, and when: a log staff read and nobody writes. The model's foreign
    key to the content is its SUBJECT."""

    list_filter = ["to_status", "from_status", "created_at"]
    date_hierarchy = "created_at"
    view_on_site = False  # its address is this admin page

    def get_list_display(self, request):
        subject = self.model.SUBJECT
        return ["created_at", subject, "from_status", "to_status", "actor", "short_reason"]

    def get_list_select_related(self, request):
        return [self.model.SUBJECT, "actor"]

    def get_search_fields(self, request):
        return [f"{self.model.SUBJECT}__title", "actor__email", "reason"]

    def get_fields(self, request, obj=None):
        return [self.model.SUBJECT, *HISTORY_FIELDS]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    @admin.display(description=_("reason"))
    def short_reason(self, obj):
        return Truncator(obj.reason).chars(80)


class ReviewAdmin:
    """A ModelAdmin mixin: the queue, the review screen and the decisions of `workflow`."""

    workflow = None
    queue_title = _("Moderation queue: waiting for review")
    review_title = _("Review a submission")
    # Selected with the content on the review and decision pages.
    review_related = ()

    def _url_name(self, view):
        return f"{self.opts.app_label}_{self.opts.model_name}_{view}"

    def review_url(self, obj):
        return reverse(f"admin:{self._url_name('review')}", args=[obj.pk])

    # --- columns -------------------------------------------------------------------------

    @admin.display(description=_("waiting"), ordering="submitted_at")
    def waiting(self, obj):
        if obj.status != Status.SUBMITTED or not obj.submitted_at:
            return None
        # The largest unit is enough to judge who waited longest: "9 months", "2 days".
        return timesince(obj.submitted_at, depth=1)

    @admin.display(description=_("review"))
    def review_link(self, obj):
        if obj is None or obj.pk is None:
            return None
        return admin_link(self.review_url(obj), _("Open the review screen"), button=True)

    @admin.display(description=_("review"))
    def review_column(self, obj):
        label = _("Review") if obj.status == Status.SUBMITTED else _("Open")
        return admin_link(self.review_url(obj), label)

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
            extra_context = {"title": self.queue_title, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    def has_moderate_permission(self, request):
        return self.workflow.is_moderator(request.user)

    # --- moderation views ----------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("queue/", view(self.queue_view), name=self._url_name("queue")),
            path("<int:object_id>/review/", view(self.review_view), name=self._url_name("review")),
            path(
                "<int:object_id>/review/<str:action>/",
                view(self.decide_view),
                name=self._url_name("decide"),
            ),
            *super().get_urls(),
        ]

    def queue_view(self, request):
        """The moderation queue is the list, filtered to what waits for review."""
        url = reverse(f"admin:{self._url_name('changelist')}")
        return HttpResponseRedirect(f"{url}?status__exact={Status.SUBMITTED}")

    def _for_moderation(self, request, object_id):
        if not self.has_moderate_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            self.model.objects.select_related(*self.review_related), pk=object_id
        )

    def _context(self, request, obj, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "subtitle": obj.title,
            "subject": obj,
            self.opts.model_name: obj,
            "owner": getattr(obj, self.workflow.owner),
            "queue_url": reverse(f"admin:{self._url_name('queue')}"),
            "queue_title": self.queue_title,
            "review_url": self.review_url(obj),
        }

    def review_context(self, request, obj):
        """What the review screen shows beside the content itself."""
        return {}

    def review_view(self, request, object_id):
        obj = self._for_moderation(request, object_id)
        context = {
            **self._context(request, obj, self.review_title),
            "history": obj.history.select_related("actor"),
            "decisions": [
                t
                for t in self.workflow.available_transitions(request.user, obj)
                if t.actor == MODERATOR
            ],
            **self.review_context(request, obj),
        }
        template = f"admin/{self.opts.app_label}/{self.opts.model_name}/review.html"
        return TemplateResponse(request, template, context)

    def decide_view(self, request, object_id, action):
        """Confirm one decision (publish, request changes, reject, archive) and make it."""
        obj = self._for_moderation(request, object_id)
        decision = self.workflow.transitions.get(action)
        if decision is None or decision.actor != MODERATOR:
            raise Http404
        if not self.workflow.may_act(request.user, obj, action):
            self.message_user(
                request,
                _("“%(action)s” is not possible for “%(title)s”, which is “%(status)s”.")
                % {
                    "action": decision.label,
                    "title": obj.title,
                    "status": obj.get_status_display(),
                },
                messages.ERROR,
            )
            return HttpResponseRedirect(self.review_url(obj))

        data = request.POST if request.method == "POST" else None
        form = DecisionForm(
            data,
            reason_required=decision.reason_required,
            reason_missing=self.workflow.reason_missing,
        )
        form.fields["reason"].label = self.workflow.history._meta.get_field(
            "reason"
        ).verbose_name.capitalize()
        if request.method == "POST" and form.is_valid():
            try:
                self.workflow.transition(
                    obj,
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
                    % {"title": obj.title, "status": obj.get_status_display()},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse(f"admin:{self._url_name('queue')}"))
        context = {
            **self._context(request, obj, decision.label),
            "decision": decision,
            "form": form,
        }
        return TemplateResponse(request, "admin/moderation/decide.html", context)
