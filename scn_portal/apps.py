"""The project package as an app: it owns the site-wide models and views."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScnPortalConfig(AppConfig):
    name = "scn_portal"
    verbose_name = _("Site")

    def ready(self):
        from scn_portal import invalidation

        invalidation.connect()
