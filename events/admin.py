"""The admin for events and members' interest in them.

Staff type an event's start and end as the clock on the wall where it takes place: the times
entered are read in the event's time zone (and an event's page here shows them so), whatever
the zone of the person typing; they are stored in UTC.
"""

from datetime import UTC
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models import Event, Interest
from scn_portal.admin import InboxAdmin
from scn_portal.forms import Checklist

AUDIT_FIELDS = ["created_by", "created_at", "updated_at"]


class WallClockField(forms.SplitDateTimeField):
    """A date and a time as typed, without a zone: the form gives them the event's."""

    def compress(self, data_list):
        if data_list and data_list[0] is not None and data_list[1] is not None:
            return super().compress(data_list).replace(tzinfo=None)
        return super().compress(data_list)


class EventAdminForm(forms.ModelForm):
    starts_at = WallClockField(
        label=_("starts"),
        widget=AdminSplitDateTime,
        help_text=_("Local time where the event takes place, in its time zone."),
    )
    ends_at = WallClockField(
        label=_("ends"),
        widget=AdminSplitDateTime,
        help_text=_("Local time where the event takes place, in its time zone."),
    )

    class Meta:
        model = Event
        # What clean() reads; the admin adds the rest (EventAdmin.fieldsets), with its widgets.
        fields = ["time_zone", "starts_at", "ends_at", "online", "venue", "city", "region"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        if event.pk:
            # Shown as the clock on the wall where it takes place.
            for name in ("starts_at", "ends_at"):
                moment = getattr(event, name)
                self.initial[name] = moment.astimezone(event.zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        # Without a valid zone (its own error says so) the times are placed nowhere in
        # particular: the form is refused anyway.
        zone = ZoneInfo(zone_name) if zone_name else UTC
        for name in ("starts_at", "ends_at"):
            local = cleaned.get(name)
            if local is None:
                continue
            moment = local.replace(tzinfo=zone)
            # A time the clocks skip when they go forward does not exist there.
            if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local:
                self.add_error(
                    name,
                    _("This time does not exist in %(zone)s: the clocks change then.")
                    % {"zone": zone_name},
                )
            else:
                cleaned[name] = moment.astimezone(UTC)
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end is before the start."))
        if not cleaned.get("online") and not cleaned.get("venue"):
            self.add_error(
                "venue",
                _("Give the place where it happens, or tick “online” for an online event."),
            )
        if cleaned.get("city") and not cleaned.get("region"):
            # The lists filter by region: an event in a city is in that city's region.
            cleaned["region"] = cleaned["city"].region
        return cleaned


class InterestInline(admin.TabularInline):
    """Who registered interest, read here; handled in the inbox of interest in events."""

    model = Interest
    fields = ["member", "note", "status", "created_at"]
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("member")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class WhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming or under way")), ("past", _("Over"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "upcoming":
            return queryset.upcoming(now)
        if self.value() == "past":
            return queryset.past(now)
        return queryset


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventAdminForm
    list_display = ["title", "kind", "starts_local", "status", "publish_at", "region", "interests"]
    list_filter = [WhenFilter, "status", "kind", "region", "audience", "online", "language"]
    list_select_related = ["region"]
    search_fields = ["title", "summary", "venue", "city__name", "organiser__name"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    ordering = ["-starts_at", "-pk"]
    # Native selects for the city, organiser and region; checklists for any list.
    formfield_overrides = {
        models.ManyToManyField: {"widget": Checklist},
        models.URLField: {"assume_scheme": "https"},
    }
    readonly_fields = AUDIT_FIELDS
    inlines = [InterestInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "description", "themes"]}),
        (
            _("When"),
            {
                "fields": ["time_zone", "starts_at", "ends_at"],
                "description": _(
                    "Type the times as the clock shows them where the event takes place (for "
                    "an online event, where its organiser is). Visitors see them so, with the "
                    "zone; their browser adds their own time."
                ),
            },
        ),
        (_("Where"), {"fields": ["online", "venue", "city", "region"]}),
        (
            _("Who"),
            {
                "fields": [
                    "organiser",
                    "organiser_email",
                    "language",
                    "audience",
                    "registration_url",
                ]
            },
        ),
        (_("Publication"), {"fields": ["status", "publish_at"]}),
        (_("Record"), {"fields": AUDIT_FIELDS}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(interest_count=Count("interests"))

    @admin.display(description=_("starts (local time)"), ordering="starts_at")
    def starts_local(self, obj):
        moment = obj.starts_at.astimezone(obj.zone)
        return f"{date_format(moment, 'Y-m-d H:i')} ({obj.time_zone})"

    @admin.display(description=_("interest"), ordering="interest_count")
    def interests(self, obj):
        return obj.interest_count

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Interest)
class InterestAdmin(InboxAdmin):
    content_fields = ["event", "member", "note"]
    list_display = ["event", "member", "status", "assignee", "was_notified", "created_at"]
    list_filter = [*InboxAdmin.inbox_filters, "event__kind"]
    list_select_related = ["assignee", "event", "member"]
    search_fields = ["event__title", "member__email", "member__first_name", "member__last_name"]

    def has_add_permission(self, request):
        # Made by members on the event's page, never here.
        return False
