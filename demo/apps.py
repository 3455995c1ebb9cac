"""The demo and scale data as an app: sample content for trying the portal and generated data
sets for benchmarks, loaded by `manage.py load_demo_data` and `manage.py demo_accounts`. It
has no models, URLs or templates of its own."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    label = "demo"
    verbose_name = _("Demo data")
