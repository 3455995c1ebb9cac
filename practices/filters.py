"""The practice library's filters: reading them from the query string, applying them, and
counting, for every facet value, how many results choosing it would give.

The counts and the results come from the facet index (practices/facets.py), without a
query: a value's count is what ticking it would show next to the values already ticked.
Values ticked within one facet are alternatives (OR); facets combine with AND. A text query
adds one query, for the practice it matches and how well, by which its results are ordered.
"""

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django import forms
from django.core.validators import validate_slug
from django.http import QueryDict
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from pyroaring import BitMap

from practices import facets, search
from practices.models import FIRST_YEAR, LAST_YEAR, Practice
from practices.search import among, by_relevance, matching_ids
from scn_portal.languages import localized_names, tag_names
from scn_portal.page_cache import cached_data
from scn_portal.rows import Row

MAX_VALUES = 20  # per facet; more is not a person ticking boxes
# A facet shows at most this many values (the most frequent, plus every ticked one); the
# rest sit behind "more" up to SHOWN_LIMIT, so a page over 1,000 cities stays small.
TOP_VALUES = 8
SHOWN_LIMIT = 30


class ValueListField(forms.Field):
    """Several values of one query-string parameter, each checked by `validate_item`."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = [v.strip() for v in (value or []) if v and v.strip()]
        return list(dict.fromkeys(values))

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(_("Too many values; choose fewer."))
        for item in value:
            self.validate_item(item)

    def validate_item(self, item):
        raise NotImplementedError


class SlugListField(ValueListField):
    """Several values of one query-string parameter, each a slug."""

    def validate_item(self, item):
        validate_slug(item)


class ChoiceListField(forms.MultipleChoiceField):
    # Never drawn as a select (practices/includes/facet.html draws the checkboxes), and a
    # select widget would copy every country on every request.
    widget = forms.MultipleHiddenInput

    def __deepcopy__(self, memo):
        # Every form shares the choices (every country: copying them was a tenth of the
        # library page's time); nothing changes them per form.
        result = forms.Field.__deepcopy__(self, memo)
        result._choices = self._choices
        return result

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(_("Too many values; choose fewer."))

    def to_python(self, value):
        return list(dict.fromkeys(super().to_python(value)))


class LibraryFilterForm(forms.Form):
    """What a visitor asked the library for. An invalid field is reported and ignored; the
    valid ones still apply, so a mistyped year never costs the rest of the search."""

    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    region = SlugListField(label=_("Region"), required=False)
    country = ChoiceListField(label=_("Country"), required=False, choices=countries)
    city = SlugListField(label=_("City"), required=False)
    theme = SlugListField(label=_("Theme"), required=False)
    form = SlugListField(label=_("Form of extremism"), required=False)
    evidence = ChoiceListField(
        label=_("Evidence level"), required=False, choices=Practice.EvidenceLevel.choices
    )
    stage = ChoiceListField(label=_("Stage"), required=False, choices=Practice.Stage.choices)
    language = ChoiceListField(
        label=_("Written in"), required=False, choices=Practice.language.field.choices
    )
    # A text box, so a mistyped year stays visible next to its error.
    year_from = forms.IntegerField(
        label=_("Started in or after"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4, "maxlength": 4}),
    )
    year_to = forms.IntegerField(
        label=_("Started in or before"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4, "maxlength": 4}),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and end < start:
            self.add_error("year_to", _("The second year cannot be before the first."))
        return data

    def filters(self):
        """The valid part of the input, for `Library`."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


@dataclass(frozen=True)
class Facet:
    """One facet: its query-string parameter and its legend (practices/facets.py knows what
    it counts)."""

    param: str
    legend: str


FACETS = [
    Facet("region", _("Region")),
    Facet("country", _("Country")),
    Facet("city", _("City")),
    Facet("theme", _("Theme")),
    Facet("form", _("Form of extremism")),
    Facet("evidence", _("Evidence level")),
    Facet("stage", _("Stage")),
    Facet("language", _("Written in")),
]
assert tuple(facet.param for facet in FACETS) == facets.PARAMS  # noqa: S101
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


@lru_cache(maxsize=64)
def _country_names(language):
    # Every country's name in `language`: sorting and translating them is slow, and they
    # only change with a new release.
    return dict(countries)


def _names(param, index):
    if param == "country":
        return _country_names(get_language())
    if param == "evidence":
        return dict(Practice.EvidenceLevel.choices)
    if param == "stage":
        return dict(Practice.Stage.choices)
    if param == "language":
        return dict(Practice.language.field.choices)
    if param in facets.TRANSLATED:
        return {value: localized_names(names) for value, names in index.names[param].items()}
    if param == "theme" and (named := tag_names()):
        return {value: named.get(name, name) for value, name in index.names[param].items()}
    return index.names[param]


class Option(Row):
    """A facet's value as its checkbox shows it (a Row: a page draws a hundred)."""

    __slots__ = ()

    def __init__(self, value, label, count, selected):
        super().__init__(
            value=value,
            label=label,
            count=count,
            selected=selected,
            # "result" or "results", as the count asks in the reader's language (screen
            # readers say "(1 result)", "(12 results)").
            results_word=ngettext("result", "results", count),
        )


@dataclass
class FacetView:
    """A facet as the filter form shows it (practices/includes/facet.html): its leading
    values, the next ones behind "more", how many are left out, and ticked values that do
    not exist."""

    facet: Facet
    options: list = field(default_factory=list)
    more: list = field(default_factory=list)
    hidden: int = 0  # values left out for being too rare to list
    unknown: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def param(self):
        return self.facet.param

    @property
    def legend(self):
        return self.facet.legend


class Library:
    """The published practice a set of filters selects, with its facet counts."""

    def __init__(self, filters, errors=None):
        self.filters = filters
        self.query = filters.get("q", "")
        # Each facet's errors from the form, shown with it.
        self.errors = errors or {}

    @cached_property
    def index(self):
        return facets.current()

    @cached_property
    def _matching(self):
        """For a text query, the ranks of the practice matching it, from one query of ids
        (nothing is weighed here: `page` weighs what it shows)."""
        found = list(
            map(self.index.ranks.get, matching_ids(Practice.objects.published(), self.query))
        )
        if None in found:
            # A practice published since the index was built has no rank yet.
            found = [rank for rank in found if rank is not None]
        return BitMap(found)

    def _within_ranks(self):
        """The ranks the text query and the years allow (None: all)."""
        within = self.index.in_years(self.filters.get("year_from"), self.filters.get("year_to"))
        if self.query:
            within = self._matching if within is None else within & self._matching
        return within

    @cached_property
    def _selected(self):
        return {param: self.filters.get(param, []) for param in facets.PARAMS}

    @cached_property
    def _results(self):
        return self.index.results(self._selected, self._within)

    @cached_property
    def _within(self):
        return self._within_ranks()

    @cached_property
    def total(self):
        """How many results; for a text query kept as data until content changes (it costs
        the query for the ids it matches)."""
        if not self.query:
            return len(self._results)
        return cached_data("library-total", lambda: len(self._results), self.cache_key())

    def cache_key(self):
        """The filters as plain sorted values, for keys of the cache."""
        return sorted(
            (name, sorted(value) if isinstance(value, list) else value)
            for name, value in self.filters.items()
        )

    def result_ids(self, part=slice(None)):
        """The ids of the results (those in `part`, a slice), newest first: for the open data,
        the same practice the library shows for these filters."""
        order = self.index.order
        return [order[rank] for rank in self._results[part]]

    def page(self, start, size):
        """The practice of one page of results, as cards show them (one query): newest
        first, or for a text query the most relevant first (then the newest)."""
        if self.query and start < search.RANKED_MATCHES:
            # The newest results are weighed and the page read in one query; a page that
            # reaches past them ends with the next results, unweighed.
            head = self._results[: search.RANKED_MATCHES]
            after = self._results[len(head) : start + size]
            order = self.index.order
            unweighed = [order[rank] for rank in after]
            ranked = by_relevance(
                Practice.objects.filter(among(order[rank] for rank in head | after)),
                self.query,
                unweighed=unweighed,
            )
            # The matches are weighed and ordered on their ids and documents alone (a
            # subquery); only the page's rows are read whole, with their city and themes.
            # Joining the cities to every match before sorting cost about half the query.
            page = ranked.values("pk")[start : start + size]
            found = by_relevance(
                Practice.objects.filter(pk__in=page), self.query, unweighed=unweighed
            )
            return found.for_cards()
        ids = self.index.page(self._results, start, size)
        return Practice.objects.filter(pk__in=ids).for_cards().order_by("-published_at", "-pk")

    @cached_property
    def facets(self):
        """A FacetView per facet, in the current language: read only when the filter form is
        drawn."""
        counts = self.index.count(self._selected, self._within)
        return [
            self._facet_view(facet, counts[facet.param], _names(facet.param, self.index))
            for facet in FACETS
        ]

    def _facet_view(self, facet, counts, names):
        selected = self.filters.get(facet.param, [])
        view = FacetView(facet, errors=self.errors.get(facet.param, []))
        view.unknown = [value for value in selected if value not in names]
        known_selected = [value for value in selected if value in names]
        by_count = sorted(counts.items(), key=lambda item: (-item[1], str(names.get(item[0]))))
        shown = dict.fromkeys(known_selected)
        for value, _count in by_count[: max(SHOWN_LIMIT - len(shown), 0)]:
            shown.setdefault(value)
        view.hidden = len(set(counts) - set(shown))

        def option(value):
            return Option(value, names.get(value, value), counts.get(value, 0), value in selected)

        top = {value for value, _count in by_count[:TOP_VALUES]} | set(known_selected)
        if facet.param in ("evidence", "stage", "language"):
            # These have a natural order (least to most evidence; planned to ended; the
            # portal's languages as the switch lists them).
            order = {value: index for index, value in enumerate(names)}
            sort_key = order.get
        else:
            sort_key = lambda value: str(names.get(value, value)).lower()  # noqa: E731
        for value in sorted(shown, key=sort_key):
            (view.options if value in top else view.more).append(option(value))
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
        for param in ("year_from", "year_to"):
            if param in self.filters:
                label = f"{LibraryFilterForm.base_fields[param].label} {self.filters[param]}"
                active.append((label, without(query_dict, param)))
        return active


def without(query_dict, param, value=None):
    """The query string with one value (or all values) of `param` removed, on page 1."""
    remaining = QueryDict(mutable=True)
    for name, values in query_dict.lists():
        if name == "page":
            continue
        if name == param:
            values = [v for v in values if value is not None and v != value]
        if values:
            remaining.setlist(name, values)
    encoded = remaining.urlencode()
    return f"?{encoded}" if encoded else "?"
