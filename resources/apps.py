"""The resource hub: toolkits, guides, research, policies, training material and
recordings, which staff publish and members suggest."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resource hub")

    def ready(self):
        from django.db.models.signals import post_delete

        from practices.signals import file_deleted
        from resources.models import Resource

        # A resource's PDF leaves storage with its row, as an attachment's does.
        post_delete.connect(file_deleted, sender=Resource, dispatch_uid="resource-file")
