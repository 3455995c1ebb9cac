"""The resource hub's filters, in the library's pattern (practices/filters.py): facets of
checkboxes with counts, where a value's count is what ticking it would give next to the
values ticked in the other facets (values within a facet are alternatives, facets combine),
active filters each with a link that removes it, and the state in the query string.

The counts come from an index of the published resources (`HubIndex`): ONE query reads every
published resource's type, language, year, regions and themes, kept as data per content
version and language in each worker (and the data cache); counting is then set arithmetic
in Python, for the few thousand resources a hub holds. A page of results is one more query
(its cards), and a text query one more (the resources it matches).
"""

from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.conf import settings
from django.db.models import CharField, F, IntegerField, Q, Value, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from practices.filters import (
    TOP_VALUES,
    ChoiceListField,
    Facet,
    FacetView,
    Option,
    SlugListField,
    ValueListField,
    without,
)
from practices.models import Status
from resources.models import FIRST_YEAR, LAST_YEAR, Resource, TaggedResource
from scn_portal.languages import localized, page_language, tag_name
from scn_portal.page_cache import kept_in_worker
from scn_portal.rows import ids_of

PARAMS = ("kind", "theme", "region", "language", "year")


class YearListField(ValueListField):
    """Several years of one query-string parameter."""

    def validate_item(self, item):
        if not (item.isascii() and item.isdigit() and FIRST_YEAR <= int(item) <= LAST_YEAR):
            raise forms.ValidationError(
                _("“%(value)s” is not a year between %(first)d and %(last)d."),
                params={"value": item, "first": FIRST_YEAR, "last": LAST_YEAR},
            )


class HubFilterForm(forms.Form):
    """What a visitor asked the hub for. An invalid field is reported and ignored; the valid
    ones still apply."""

    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = ChoiceListField(label=_("Type"), required=False, choices=Resource.Kind.choices)
    theme = SlugListField(label=_("Theme"), required=False)
    region = SlugListField(label=_("Region"), required=False)
    language = ChoiceListField(label=_("Language"), required=False, choices=settings.LANGUAGES)
    year = YearListField(label=_("Year"), required=False)

    def filters(self):
        """The valid part of the input, for `Hub`."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


FACETS = [
    Facet("kind", _("Type")),
    Facet("theme", _("Theme")),
    Facet("region", _("Region")),
    Facet("language", _("Language")),
    Facet("year", _("Year")),
]


@dataclass
class HubIndex:
    """The published resources as sets of ids per facet value. Plain values only: kept in
    the data cache."""

    order: list = field(default_factory=list)  # ids, newest first
    sets: dict = field(default_factory=lambda: {param: {} for param in PARAMS})
    names: dict = field(default_factory=lambda: {"region": {}, "theme": {}})

    @classmethod
    def build(cls):
        index = cls()
        ranked = []
        for kind, pk, value, label, number, rank in _rows():
            if kind == "resource":
                ranked.append((rank, pk))
                index.sets["kind"].setdefault(value, set()).add(pk)
                index.sets["language"].setdefault(label, set()).add(pk)
                index.sets["year"].setdefault(str(number), set()).add(pk)
            else:
                index.sets[kind].setdefault(value, set()).add(pk)
                index.names[kind][value] = label
        index.order = [pk for _rank, pk in sorted(ranked)]
        return index

    def chosen(self, param, values):
        """The ids of the resources carrying any of `values` of a facet."""
        sets = self.sets[param]
        return set().union(*(sets[value] for value in values if value in sets))

    def results(self, selected, within=None):
        """The ids of the resources carrying the ticked values `selected` ({param: [value,
        ...]}), within the ids `within` (a text query) when given."""
        found = set(self.order) if within is None else set(within)
        for param, values in selected.items():
            if values:
                found &= self.chosen(param, values)
        return found

    def count(self, selected, within=None):
        """For each facet, how many results each of its values would give next to the values
        ticked in the other facets: {param: {value: count}}, values that give none left out."""
        counts = {}
        for param in PARAMS:
            others = self.results({p: v for p, v in selected.items() if p != param}, within)
            counts[param] = {
                value: n for value, ids in self.sets[param].items() if (n := len(ids & others))
            }
        return counts

    def ordered(self, ids):
        """`ids` in the hub's order (newest first)."""
        return [pk for pk in self.order if pk in ids]


def _rows():
    """Every published resource with its type, language, year and rank (newest first), and
    a row per region and per theme it carries, with the value's name: ONE query."""
    text, number = CharField(), IntegerField()
    zero = Value(0, output_field=number)

    def columns(queryset, kind, pk, value, label, num, rank):
        return (
            queryset.order_by()
            .annotate(
                row_kind=Value(kind, output_field=text),
                row_pk=pk,
                row_value=value,
                row_label=label,
                row_num=num,
                row_rank=rank,
            )
            .values_list("row_kind", "row_pk", "row_value", "row_label", "row_num", "row_rank")
        )

    newest = Window(RowNumber(), order_by=[F("published_at").desc(), F("pk").desc()])
    published = Q(status=Status.PUBLISHED)
    resources = columns(
        Resource.objects.filter(published),
        "resource",
        F("pk"),
        F("kind"),
        F("language"),
        F("year"),
        newest,
    )
    regions = columns(
        Resource.regions.through.objects.filter(resource__status=Status.PUBLISHED),
        "region",
        F("resource_id"),
        F("region__slug"),
        localized("region__name"),
        zero,
        zero,
    )
    themes = columns(
        TaggedResource.objects.filter(content_object__status=Status.PUBLISHED),
        "theme",
        F("content_object_id"),
        F("tag__slug"),
        F("tag__name"),
        zero,
        zero,
    )
    return resources.union(regions, themes, all=True)


def current_index():
    """The index of the published resources as they are now, in the page's language (the
    names of regions), as the library's (practices.facets.current): built by the first
    request after published content changes, shared with the other workers through the data
    cache, and kept in each worker's memory until content changes again."""
    return kept_in_worker("resource-hub-index", HubIndex.build, page_language(), shared=True)


def _names(param, index):
    if param == "kind":
        return dict(Resource.Kind.choices)
    if param == "language":
        return dict(settings.LANGUAGES)
    if param == "year":
        return {year: year for year in index.sets["year"]}
    if param == "theme":
        return {slug: tag_name(name) for slug, name in index.names["theme"].items()}
    return index.names[param]


class Hub:
    """The published resources a set of filters selects, with its facet counts."""

    def __init__(self, filters, errors=None):
        self.filters = filters
        self.query = filters.get("q", "")
        self.errors = errors or {}

    @cached_property
    def index(self):
        return current_index()

    @cached_property
    def _selected(self):
        return {param: self.filters.get(param, []) for param in PARAMS}

    @cached_property
    def _within(self):
        """For a text query, the ids of the published resources it matches (one query)."""
        if not self.query:
            return None
        words = self.query
        return set(
            ids_of(
                Resource.objects.published().filter(
                    Q(title__icontains=words) | Q(summary__icontains=words)
                )
            )
        )

    @cached_property
    def result_ids(self):
        """The ids of the results, newest first."""
        return self.index.ordered(self.index.results(self._selected, self._within))

    @property
    def total(self):
        return len(self.result_ids)

    def cards(self, ids):
        """The resources `ids` as cards show them, in that order (one query)."""
        found = Resource.objects.published().for_cards().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    @cached_property
    def facets(self):
        """A FacetView per facet, in the current language."""
        counts = self.index.count(self._selected, self._within)
        return [
            self._facet_view(facet, counts[facet.param], _names(facet.param, self.index))
            for facet in FACETS
        ]

    def _facet_view(self, facet, counts, names):
        selected = self.filters.get(facet.param, [])
        view = FacetView(facet, errors=self.errors.get(facet.param, []))
        view.unknown = [value for value in selected if value not in names]
        shown = set(counts) | {value for value in selected if value in names}
        if facet.param in ("kind", "language"):
            # Their natural order: as the model lists the types, the switch the languages.
            order = {value: position for position, value in enumerate(names)}
            ordered = sorted(shown, key=order.get)
        elif facet.param == "year":
            ordered = sorted(shown, reverse=True)
        else:
            ordered = sorted(shown, key=lambda value: str(names[value]).lower())
        by_count = sorted(counts, key=lambda value: -counts[value])
        top = set(by_count[:TOP_VALUES]) | set(selected)
        if facet.param == "year":
            top = set(ordered[:TOP_VALUES]) | set(selected)  # the recent years first
        for value in ordered:
            option = Option(value, names[value], counts.get(value, 0), value in selected)
            (view.options if value in top else view.more).append(option)
        return view

    def active_filters(self, query_dict):
        """(what is on, link that takes it off) for each active filter, in facet order."""
        active = []
        if self.query:
            active.append((_("Search: “%s”") % self.query, without(query_dict, "q")))
        for facet in FACETS:
            names = _names(facet.param, self.index)
            for value in self.filters.get(facet.param, []):
                label = f"{facet.legend}: {names.get(value, value)}"
                active.append((label, without(query_dict, facet.param, value)))
        return active
