"""The admin for site-wide models (users, contact messages, FAQ), the shared admin for
anything staff handle from an inbox, and the admin site's own titles."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import BaseUserCreationForm
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from taggit import admin as taggit_admin  # noqa: F401 - registers Tag before we replace it
from taggit.models import Tag

from scn_portal.admin_widgets import PasswordSummary
from scn_portal.models import ContactMessage, FaqEntry, InboxStatus, TagName, User

admin.site.site_header = _("Strong Cities Network administration")
admin.site.site_title = _("SCN admin")
admin.site.index_title = _("Moderation and content")


class UserCreationForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserChangeForm(DjangoUserChangeForm):
    class Meta:
        model = User
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].widget = PasswordSummary()


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    ordering = ["email"]
    view_on_site = False  # an account's address is this admin page
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]


class InboxAdmin(admin.ModelAdmin):
    """Shared by every inbox (contact messages, membership applications, messages to
    practitioners): status, assignee and staff notes, so that nothing is forgotten.

    Subclasses name `content_fields`: what the sender wrote, read-only once received.
    """

    content_fields = ()
    handling_fields = ["status", "assignee", "staff_notes"]
    record_fields = ["notified", "created_at", "updated_at"]
    inbox_filters = ["status", "notified", "assignee"]
    date_hierarchy = "created_at"
    view_on_site = False  # their address is this admin page
    list_select_related = ["assignee"]
    list_per_page = 50
    actions = ["assign_to_me", "mark_in_progress", "mark_done"]

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": list(self.content_fields)}),
            (_("Handling"), {"fields": self.handling_fields}),
            (_("Record"), {"fields": self.record_fields}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["created_at", "updated_at"]
        return [*self.content_fields, *self.record_fields]

    @admin.display(boolean=True, description=_("staff notified"), ordering="notified")
    def was_notified(self, obj):
        return obj.notified

    @admin.action(description=_("Assign to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = queryset.update(assignee=request.user, updated_at=timezone.now())
        message = ngettext(
            "%(count)d item assigned to you.", "%(count)d items assigned to you.", count
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Mark as in progress"), permissions=["change"])
    def mark_in_progress(self, request, queryset):
        self._set_status(request, queryset, InboxStatus.IN_PROGRESS)

    @admin.action(description=_("Mark as done"), permissions=["change"])
    def mark_done(self, request, queryset):
        self._set_status(request, queryset, InboxStatus.DONE)

    def _set_status(self, request, queryset, status):
        count = queryset.update(status=status, updated_at=timezone.now())
        message = ngettext(
            "%(count)d item marked as “%(status)s”.",
            "%(count)d items marked as “%(status)s”.",
            count,
        )
        self.message_user(
            request, message % {"count": count, "status": status.label}, messages.SUCCESS
        )


@admin.register(ContactMessage)
class ContactMessageAdmin(InboxAdmin):
    content_fields = ["name", "email", "topic", "region", "message"]
    list_display = [
        "__str__",
        "email",
        "topic",
        "region",
        "status",
        "assignee",
        "was_notified",
        "created_at",
    ]
    list_filter = [*InboxAdmin.inbox_filters, "topic", "region"]
    search_fields = ["name", "email", "message"]


@admin.register(FaqEntry)
class FaqEntryAdmin(TranslationAdmin):
    """A text per language (translation.py): English required, the others shown in the
    English one's place until given."""

    list_display = ["question", "order", "is_published", "updated_at"]
    list_editable = ["order", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["question", "answer"]
    prepopulated_fields = {"slug": ["question"]}
    readonly_fields = ["updated_at"]


# taggit's own Tag admin offers a "merge tags" page that checks only is_staff and merges only
# generic tagged items (ours are typed per model), so it is replaced by a plain one.
if admin.site.is_registered(Tag):  # taggit_admin registered it on import
    admin.site.unregister(Tag)


class TagNameInline(admin.StackedInline):
    """The tag's name in the portal's other languages; its own name is the English one."""

    model = TagName
    fields = [
        f"name_{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]
    can_delete = False
    max_num = 1


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    inlines = [TagNameInline]
    list_display = ["name", "slug"]
    ordering = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
