"""WSGI entry point for gunicorn: `gunicorn scn_portal.wsgi`."""

import gc
import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")

application = get_wsgi_application()
logger = logging.getLogger(__name__)


def _load_the_facet_index():
    """Build the library's facet index (practices/facets.py) in gunicorn's master, before
    the workers are forked: each worker, and each one started later in place of a recycled
    worker, begins with it instead of building its own (0.2 s at 20,000 practices, 0.7 s at
    100,000), and builds it again only once published content has changed. Best effort: if
    the database or the cache does not answer yet, the first request builds it. The
    connections it opened are closed, so that no worker shares the master's."""
    from django.db import connections

    from practices import facets

    try:
        facets.current()
    except Exception:
        logger.warning("The facet index is left to the first request", exc_info=True)
    finally:
        connections.close_all()


def _compile_the_templates():
    """Compile every template of the portal's own (templates/) into the cached loader, as a
    worker would on its first requests."""
    from django.conf import settings
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template

    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(folder.rglob("*.html")):
            try:
                get_template(str(path.relative_to(folder)))
            except (TemplateDoesNotExist, TemplateSyntaxError):
                logger.warning("Template %s left to the first request", path, exc_info=True)


def _read_each_language():
    """Load each language's translations and its addresses (the resolver keeps them per
    language), as a worker would on its first page in that language."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse("home")


def _freeze_what_lives_forever():
    """Load the URL configuration (and with it every view), the translations and every
    template, then hide everything loaded so far from the garbage collector: modules,
    models, settings, translations and compiled templates live as long as the process, and a
    full collection that walked them all paused a request for about 100 ms (it showed as the
    99th-percentile latency); with the templates and translations a worker loads on its
    first requests left out, 30 ms. Requests' own garbage is still collected as usual."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every view)
    _read_each_language()
    _compile_the_templates()
    gc.collect()
    gc.freeze()


_load_the_facet_index()
_freeze_what_lives_forever()
