"""The filters of the directories (member cities, partner organisations, practitioners).

Each FilterSet reads the query string, so a filtered list can be shared and bookmarked.
A value that is not one of the choices (an unknown region, a made-up sort order) fails
validation for that field only: the field is ignored and the form says why, so bad input
gives a sensible page instead of an error.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cities.models import City, PartnerOrganisation, Practitioner


class DirectoryFilterSet(django_filters.FilterSet):
    """A FilterSet with a search box, a sort order and choices computed by the view.

    `choices` maps a filter name to its (value, label) pairs, or to a function returning
    them, so the view can read the regions, countries and tags actually in use in one query
    each and validate against them without another query; a function is called only when
    the form is drawn or checked.
    """

    SORTS = {}
    DEFAULT_SORT = ""

    q = django_filters.CharFilter(
        method="search",
        label=_("Search by name"),
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 100}),
    )

    def __init__(self, data=None, queryset=None, *, choices=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        for name, values in (choices or {}).items():
            self.filters[name].extra["choices"] = values
        if "sort" in self.filters:
            self.filters["sort"].extra["choices"] = [
                (value, label) for value, (label, _order) in self.SORTS.items()
            ]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value.strip())

    def keep(self, queryset, name, value):
        # The sort order is applied after filtering, in filter_queryset.
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        sort = self.form.cleaned_data.get("sort") or self.DEFAULT_SORT
        if sort:
            queryset = queryset.order_by(*self.SORTS[sort][1])
        return queryset

    @property
    def active(self):
        """Whether the visitor chose any filter (the sort order aside): "clear filters"."""
        return any(self.data.get(name) for name in self.filters if name != "sort")


def choice_filter(field_name, label, empty_label, **extra):
    return django_filters.ChoiceFilter(
        field_name=field_name, label=label, empty_label=empty_label, choices=[], **extra
    )


class CityFilter(DirectoryFilterSet):
    SORTS = {
        "name": (_("Name (A–Z)"), ["name", "pk"]),
        "newest": (_("Joined most recently"), ["-year_joined", "name", "pk"]),
        "oldest": (_("Joined longest ago"), ["year_joined", "name", "pk"]),
        "practices": (_("Most published practice"), ["-practice_count", "name", "pk"]),
    }
    DEFAULT_SORT = "name"

    region = choice_filter("region__slug", _("Region"), _("All regions"))
    country = choice_filter(
        "country",
        _("Country"),
        _("All countries"),
        error_messages={
            "invalid_choice": _(
                "Choose one of the countries listed: those with member cities in the region chosen."
            )
        },
    )
    focus = choice_filter("focus_areas__slug", _("Focus area"), _("All focus areas"))
    sort = django_filters.ChoiceFilter(
        method="keep", label=_("Sort by"), empty_label=None, choices=[]
    )

    class Meta:
        model = City
        fields = []


class OrganisationFilter(DirectoryFilterSet):
    SORTS = {"name": (_("Name (A–Z)"), ["name", "pk"])}
    DEFAULT_SORT = "name"

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=PartnerOrganisation.Kind.choices, empty_label=_("All kinds")
    )
    region = choice_filter("regions__slug", _("Region where it works"), _("All regions"))

    class Meta:
        model = PartnerOrganisation
        fields = []


class PractitionerFilter(DirectoryFilterSet):
    SORTS = {"name": (_("Name (A–Z)"), ["full_name", "pk"])}
    DEFAULT_SORT = "name"

    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Practitioner.Sector.choices, empty_label=_("All sectors")
    )
    region = choice_filter("city__region__slug", _("Region"), _("All regions"))

    class Meta:
        model = Practitioner
        fields = []

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(full_name__icontains=value) | Q(role_title__icontains=value))


def country_choices(codes):
    """(code, name) for the given country codes, sorted by the name in the visitor's language."""
    return sorted(((code, countries.name(code)) for code in set(codes)), key=lambda c: c[1])
