"""The audit trail of what was done with people's data on request or by the retention rules:
what kind of action, by whom, when, and how many records of each kind it touched. It never
holds the data itself, nor the address it was asked for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from scn_portal.models import admin_url


class PrivacyAction(models.Model):
    class Kind(models.TextChoices):
        MEMBER_EXPORT = "member_export", _("A member downloaded their data")
        MEMBER_DELETION = "member_deletion", _("A member deleted their account")
        STAFF_EXPORT = "staff_export", _("Staff exported a person's data")
        STAFF_ERASURE = "staff_erasure", _("Staff erased a person's data")
        RETENTION = "retention", _("Expired data removed (retention)")

    kind = models.CharField(_("action"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Staff who acted; empty for a member's own request and for retention."),
    )
    # {"contact messages": 2, ...}: counts by kind of record, never the records.
    counts = models.JSONField(_("records"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("privacy action")
        verbose_name_plural = _("privacy actions")
        ordering = ["-created_at", "-pk"]
        permissions = [
            (
                "handle_personal_data",
                _("Can find, export and erase the data held under an email address"),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return admin_url(self)
