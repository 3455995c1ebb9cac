"""The knowledge side of the network: the library of local practice and its review."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practice library")

    def ready(self):
        from practices import signals

        signals.connect()
