"""Staff answering a person's request about their data, in the admin: find everything held
under an email address, export it as JSON, or erase it. Each export and erasure is recorded
as a PrivacyAction (what kind, by whom, when, how many records), never with the data.

The address travels in POST bodies only, so that it appears in no server's access log."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from privacy.forms import EmailLookupForm
from privacy.models import PrivacyAction
from privacy.records import KINDS, Holdings
from privacy.retention import RULES
from privacy.views import export_name, json_attachment

PERMISSION = "privacy.handle_personal_data"
# The names of the kinds of record an action counts: a person's, and retention's own.
LABELS = {**{kind: rule.label for kind, rule in RULES.items()}, **KINDS}


@admin.register(PrivacyAction)
class PrivacyActionAdmin(admin.ModelAdmin):
    """The audit trail: read only, for everyone who may see it."""

    list_display = ["kind", "actor", "created_at", "records"]
    list_filter = ["kind"]
    list_select_related = ["actor"]
    date_hierarchy = "created_at"
    fields = ["kind", "actor", "created_at", "records"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("records"))
    def records(self, obj):
        return ", ".join(
            f"{LABELS.get(kind, kind)}: {count}" for kind, count in obj.counts.items() if count
        )

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(never_cache(view))

        return [
            path("lookup/", wrap(self.lookup), name="privacy_lookup"),
            path("lookup/export/", wrap(self.export), name="privacy_export"),
            path("lookup/erase/", wrap(self.erase), name="privacy_erase"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_handle": request.user.has_perm(PERMISSION),
        }
        return super().changelist_view(request, extra_context)

    def _check(self, request):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied

    def _context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Find a person's data"),
            **extra,
        }

    def _found(self, holdings):
        """[(label, [(record, its admin page or None)])] of every kind that holds something:
        staff read each record where they handle it, drafts included."""
        found = []
        for kind, count in holdings.counts().items():
            if not count:
                continue
            records = list(getattr(holdings, kind)()[:50])
            model = type(records[0])
            opts = model._meta
            pages = [
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
                if self.admin_site.is_registered(model)
                else None
                for record in records
            ]
            found.append((KINDS[kind], count, list(zip(records, pages, strict=True))))
        return found

    def lookup(self, request):
        self._check(request)
        form = EmailLookupForm(request.POST or None)
        context = {"form": form}
        if request.method == "POST" and form.is_valid():
            holdings = Holdings.under_email(form.cleaned_data["email"])
            context.update(
                searched=True,
                found=self._found(holdings),
                staff_account=holdings.user is not None and holdings.user.is_staff,
            )
        return TemplateResponse(
            request, "admin/privacy/lookup.html", self._context(request, **context)
        )

    @staticmethod
    def _requested(request):
        """(address, holdings) of the address posted, or (None, None) when there is none."""
        form = EmailLookupForm(request.POST)
        if request.method != "POST" or not form.is_valid():
            return None, None
        email = form.cleaned_data["email"]
        return email, Holdings.under_email(email)

    def export(self, request):
        self._check(request)
        email, holdings = self._requested(request)
        if holdings is None:
            return redirect("admin:privacy_lookup")
        document = holdings.export()
        PrivacyAction.objects.create(
            kind=PrivacyAction.Kind.STAFF_EXPORT, actor=request.user, counts=holdings.counts()
        )
        return json_attachment(document, export_name("scn-portal-request"))

    def erase(self, request):
        self._check(request)
        email, holdings = self._requested(request)
        if holdings is None:
            return redirect("admin:privacy_lookup")
        if holdings.user is not None and holdings.user.is_staff:
            messages.error(
                request,
                _(
                    "This address belongs to a staff account: an administrator closes it "
                    "in the users' admin."
                ),
            )
            return redirect("admin:privacy_lookup")
        if request.POST.get("confirmed") != "yes":
            context = self._context(
                request,
                title=_("Erase a person's data"),
                email=email,
                found=self._found(holdings),
                has_account=holdings.user is not None,
            )
            return TemplateResponse(request, "admin/privacy/erase_confirm.html", context)
        counts = holdings.erase()
        PrivacyAction.objects.create(
            kind=PrivacyAction.Kind.STAFF_ERASURE, actor=request.user, counts=counts
        )
        messages.success(
            request,
            _(
                "Everything held under that address has been erased; the log of privacy "
                "actions records it."
            ),
        )
        return redirect(reverse("admin:privacy_privacyaction_changelist"))
