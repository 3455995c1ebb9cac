"""The admin for the membership side: regions, member cities with their practitioners,
partner organisations, practitioners (and the claims members make on a profile), messages
relayed to practitioners and cities applying to join."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from cities.models import (
    City,
    MembershipApplication,
    PartnerOrganisation,
    Practitioner,
    PractitionerMessage,
    Region,
    VisibilityChange,
)
from scn_portal.admin import InboxAdmin
from scn_portal.forms import Checklist

AUDIT_FIELDS = ["created_at", "updated_at"]
# A website typed without a scheme ("strongcities.org") is taken as https://, as Django 6.0
# will do by default; saying so now also keeps Django 5.2 from warning on every form.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    """A text per language (translation.py): English required, the others shown in the
    English one's place until given."""

    list_display = ["name", "hub_name", "order", "city_count"]
    search_fields = ["name", "hub_name"]
    prepopulated_fields = {"slug": ["name"]}
    # The team: the row's number with a search window, for thousands of practitioners.
    raw_id_fields = ["team"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "order"]}),
        (_("Regional hub"), {"fields": ["hub_name", "hub_intro", "hub_email", "team"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(city_count=Count("cities"))

    @admin.display(description=_("cities"), ordering="city_count")
    def city_count(self, obj):
        return obj.city_count


class PractitionerInline(admin.StackedInline):
    model = Practitioner
    fields = ["full_name", "slug", "role_title", "sector", "organisation", "is_public"]
    prepopulated_fields = {"slug": ["full_name"]}
    show_change_link = True
    extra = 0


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "region", "membership_status", "year_joined", "population"]
    list_filter = ["membership_status", "region", "year_joined"]
    list_select_related = ["region"]
    search_fields = ["name", "country"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = AUDIT_FIELDS
    inlines = [PractitionerInline]
    formfield_overrides = HTTPS_URLS
    fieldsets = [
        (None, {"fields": ["name", "slug", "country", "region", "membership_status"]}),
        (_("Profile"), {"fields": ["year_joined", "population", "profile", "description"]}),
        (_("On the web and the map"), {"fields": ["website", "latitude", "longitude"]}),
        (_("Focus areas"), {"fields": ["focus_areas"]}),
        (_("Record"), {"fields": AUDIT_FIELDS}),
    ]


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "website", "updated_at"]
    list_filter = ["kind", "regions"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = AUDIT_FIELDS
    formfield_overrides = {**HTTPS_URLS, models.ManyToManyField: {"widget": Checklist}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "website", "description"]}),
        (_("Where it works"), {"fields": ["countries", "regions", "cities"]}),
        (_("Focus areas"), {"fields": ["focus_areas"]}),
        (_("Record"), {"fields": AUDIT_FIELDS}),
    ]


class ClaimFilter(admin.SimpleListFilter):
    title = _("claim by a member")
    parameter_name = "claim"

    def lookups(self, request, model_admin):
        return [("pending", _("Waiting for confirmation")), ("linked", _("Linked to an account"))]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.filter(claim_requested_by__isnull=False, user__isnull=True)
        if self.value() == "linked":
            return queryset.filter(user__isnull=False)
        return queryset


class VisibilityChangeInline(admin.TabularInline):
    """Who listed the profile publicly or took it off the list, and when: recorded, never
    edited."""

    model = VisibilityChange
    fields = ["is_public", "actor", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Practitioner)
class PractitionerAdmin(admin.ModelAdmin):
    list_display = ["full_name", "role_title", "sector", "city", "organisation", "is_public"]
    list_filter = ["sector", "is_public", "accepts_messages", ClaimFilter, "city__region"]
    list_select_related = ["city", "organisation"]
    search_fields = ["full_name", "role_title", "city__name", "organisation__name"]
    prepopulated_fields = {"slug": ["full_name"]}
    raw_id_fields = ["user"]
    actions = ["confirm_claims", "decline_claims"]
    inlines = [VisibilityChangeInline]
    fieldsets = [
        (None, {"fields": ["full_name", "slug", "role_title", "sector", "city", "organisation"]}),
        (_("Profile"), {"fields": ["bio", "expertise"]}),
        (_("Privacy and contact"), {"fields": ["is_public", "accepts_messages", "email"]}),
        (_("Account"), {"fields": ["user", "claim_requested_by"]}),
        (_("Record"), {"fields": AUDIT_FIELDS}),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change or "is_public" in form.changed_data:
            VisibilityChange.record(obj, request.user)

    def get_readonly_fields(self, request, obj=None):
        # Linking accounts by hand needs the right to see users; moderators confirm claims
        # with the action instead.
        fields = [*AUDIT_FIELDS, "claim_requested_by"]
        if not request.user.has_perm("scn_portal.view_user"):
            fields.append("user")
        return fields

    @admin.action(description=_("Confirm claims: link the profile to the member"))
    def confirm_claims(self, request, queryset):
        pending = queryset.filter(claim_requested_by__isnull=False, user__isnull=True)
        linked = 0
        for practitioner in pending.select_related("claim_requested_by"):
            claimant = practitioner.claim_requested_by
            if Practitioner.objects.filter(user=claimant).exists():
                self.message_user(
                    request,
                    _("%(member)s already has a profile; “%(profile)s” was not linked.")
                    % {"member": claimant, "profile": practitioner},
                    messages.WARNING,
                )
                continue
            practitioner.user = claimant
            practitioner.claim_requested_by = None
            practitioner.save(update_fields=["user", "claim_requested_by", "updated_at"])
            linked += 1
        message = ngettext(
            "%(count)d profile linked to its member.", "%(count)d profiles linked.", linked
        )
        self.message_user(request, message % {"count": linked}, messages.SUCCESS)

    @admin.action(description=_("Decline claims"))
    def decline_claims(self, request, queryset):
        count = queryset.filter(claim_requested_by__isnull=False).update(claim_requested_by=None)
        message = ngettext("%(count)d claim declined.", "%(count)d claims declined.", count)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)


@admin.register(PractitionerMessage)
class PractitionerMessageAdmin(InboxAdmin):
    content_fields = ["sender", "practitioner", "subject", "body"]
    list_display = [
        "subject",
        "sender",
        "practitioner",
        "status",
        "assignee",
        "was_notified",
        "created_at",
    ]
    list_filter = InboxAdmin.inbox_filters
    list_select_related = ["assignee", "sender", "practitioner"]
    search_fields = ["subject", "body", "practitioner__full_name", "sender__email"]
    raw_id_fields = ["sender", "practitioner"]


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(InboxAdmin):
    content_fields = [
        "city_name",
        "country",
        "applicant_name",
        "applicant_role",
        "email",
        "motivation",
        "heard_about",
    ]
    list_display = [
        "city_name",
        "country",
        "applicant_name",
        "status",
        "assignee",
        "was_notified",
        "created_at",
    ]
    list_filter = [*InboxAdmin.inbox_filters, "heard_about"]
    search_fields = ["city_name", "applicant_name", "email", "motivation"]
