"""The membership side of the network: cities, organisations, practitioners, applications."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitiesConfig(AppConfig):
    name = "cities"
    verbose_name = _("Cities and people")

    def ready(self):
        from cities import signals  # noqa: F401 - connects the receivers
