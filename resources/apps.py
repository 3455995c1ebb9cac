"""The resource hub: toolkits, guides, research, policies, training material and
recordings, which staff publish and members suggest."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resource hub")
