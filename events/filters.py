"""The filters of the event lists (upcoming and past): kind, region and language, read from the
query string so that a filtered list can be shared and bookmarked. A value that is not one of
the choices fails validation for that field only: it is ignored and the form says why."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cities.filters import DirectoryFilterSet, choice_filter
from events.models import Event


class EventFilter(DirectoryFilterSet):
    # No search box: a few dozen events a year are narrowed enough by what they are, where
    # and in which language.
    q = None
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Event.Kind.choices, empty_label=_("All kinds")
    )
    region = choice_filter("region__slug", _("Region"), _("All regions"))
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )

    class Meta:
        model = Event
        fields = []
