"""The practice library's filters: reading them from the query string, applying them, and
counting, for every facet value, how many results choosing it would give.

All facet counts (and the total) come from ONE SQL query: a UNION ALL of small GROUP BYs,
each over the published practice filtered by every facet but its own, so a value's count
is what ticking it would show next to the values already ticked. Values ticked within one
facet are alternatives (OR); facets combine with AND.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from django import forms
from django.core.validators import validate_slug
from django.db.models import CharField, Count, F, IntegerField, Value
from django.http import QueryDict
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.models import Tag

from cities.models import City, Region
from practices.models import (
    FIRST_YEAR,
    LAST_YEAR,
    ExtremismForm,
    Practice,
    TaggedPractice,
)
from practices.search import search_practices
from scn_portal.page_cache import cached_data

MAX_VALUES = 20  # per facet; more is not a person ticking boxes
# A facet shows at most this many values (the most frequent, plus every ticked one); the
# rest sit behind "more" up to SHOWN_LIMIT, so a page over 1,000 cities stays small.
TOP_VALUES = 8
SHOWN_LIMIT = 30


class SlugListField(forms.Field):
    """Several values of one query-string parameter, each a slug."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = [v.strip() for v in (value or []) if v and v.strip()]
        return list(dict.fromkeys(values))

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(_("Too many values; choose fewer."))
        for item in value:
            validate_slug(item)


class ChoiceListField(forms.MultipleChoiceField):
    # Never drawn as a select (FacetView writes the facets' checkboxes), and a select widget
    # would copy every country on every request.
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
    """One facet: its query-string parameter, what it filters and how it is counted."""

    param: str
    legend: str
    # How the facet's values filter practice, e.g. "city__region__slug__in".
    lookup: str
    # For counting: the model rows are grouped from, the path from it to the practice,
    # the value's field and (if not from choices) the field of its name.
    key: str
    label_field: str | None = None
    through: type | None = None
    through_practice: str = ""
    # Where the name of a ticked value comes from when no result carries it.
    names_from: type | None = None


FACETS = [
    Facet(
        "region",
        _("Region"),
        "city__region__slug__in",
        "city__region__slug",
        "city__region__name",
        names_from=Region,
    ),
    Facet("country", _("Country"), "city__country__in", "city__country"),
    Facet("city", _("City"), "city__slug__in", "city__slug", "city__name", names_from=City),
    Facet(
        "theme",
        _("Theme"),
        "tag__slug__in",
        "tag__slug",
        "tag__name",
        through=TaggedPractice,
        through_practice="content_object",
        names_from=Tag,
    ),
    Facet(
        "form",
        _("Form of extremism"),
        "extremismform__slug__in",
        "extremismform__slug",
        "extremismform__name",
        through=Practice.extremism_forms.through,
        through_practice="practice",
        names_from=ExtremismForm,
    ),
    Facet("evidence", _("Evidence level"), "evidence_level__in", "evidence_level"),
    Facet("stage", _("Stage"), "stage__in", "stage"),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
TOTAL = "_total"


@lru_cache(maxsize=64)
def _country_names(language):
    # Every country's name in `language`: sorting and translating them is slow, and they
    # only change with a new release.
    return dict(countries)


def _choice_names(param):
    if param == "country":
        return _country_names(get_language())
    if param == "evidence":
        return dict(Practice.EvidenceLevel.choices)
    if param == "stage":
        return dict(Practice.Stage.choices)
    return {}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetView:
    facet: Facet
    options: list = field(default_factory=list)
    more: list = field(default_factory=list)
    hidden: int = 0  # values left out for being too rare to list
    unknown: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    # The lists as HTML, when already written (kept in the cache with the counts).
    written_options: str | None = None
    written_more: str | None = None

    @property
    def param(self):
        return self.facet.param

    def _html(self, options):
        # Written in Python, not with a template per value: a page shows a hundred of them.
        # The markup is that of practices/includes/facet.html's lists.
        results = escape(gettext("results"))
        param = escape(self.facet.param)
        items = []
        for option in options:
            value = escape(str(option.value))
            checked = " checked" if option.selected else ""
            items.append(
                f'<li>\n  <input type="checkbox" name="{param}" value="{value}" '
                f'id="f-{param}-{value}"{checked}>\n'
                f'  <label for="f-{param}-{value}">{escape(str(option.label))}\n'
                f'    <span class="facet-count">({option.count:d}<span class="visually-hidden"> '
                f"{results}</span>)</span></label>\n</li>"
            )
        return mark_safe("".join(items))  # noqa: S308 (every value above is escaped)

    def options_html(self):
        return (
            self.written_options if self.written_options is not None else self._html(self.options)
        )

    def more_html(self):
        return self.written_more if self.written_more is not None else self._html(self.more)

    @property
    def legend(self):
        return self.facet.legend


class Library:
    """The published practice a set of filters selects, with its facet counts."""

    def __init__(self, filters):
        self.filters = filters
        self.query = filters.get("q", "")

    def _filtered(self, skip=None):
        queryset = Practice.objects.published()
        for facet in FACETS:
            values = self.filters.get(facet.param)
            if not values or facet.param == skip:
                continue
            if facet.through is None:
                queryset = queryset.filter(**{facet.lookup: values})
            else:
                # Through a subquery, so a practice with two ticked themes is one row.
                chosen = facet.through.objects.filter(**{facet.lookup: values})
                queryset = queryset.filter(pk__in=chosen.values(f"{facet.through_practice}_id"))
        if "year_from" in self.filters:
            queryset = queryset.filter(start_year__gte=self.filters["year_from"])
        if "year_to" in self.filters:
            queryset = queryset.filter(start_year__lte=self.filters["year_to"])
        return search_practices(queryset, self.query)

    def results(self):
        """The page rows, newest first (most relevant first when searching)."""
        queryset = self._filtered()
        if not self.query:
            queryset = queryset.order_by("-published_at", "-pk")
        return queryset.for_cards()

    def _count_branch(self, facet):
        practice = self._filtered(skip=facet.param).order_by()
        label = F(facet.label_field) if facet.label_field else Value("")
        if facet.through is None:
            rows = practice
        else:
            rows = facet.through.objects.filter(
                **{f"{facet.through_practice}__in": practice.values("pk")}
            )
        return (
            rows.order_by()
            .annotate(
                facet=Value(facet.param, output_field=CharField()),
                key=F(facet.key),
                label=label,
            )
            .values("facet", "key", "label")
            .annotate(n=Count("pk"))
        )

    def _name_branch(self, facet, values):
        # Names of ticked values, whether or not any result carries them (n = -1).
        return (
            facet.names_from.objects.filter(slug__in=values)
            .order_by()
            .annotate(
                facet=Value(facet.param, output_field=CharField()),
                key=F("slug"),
                label=F("name"),
                n=Value(-1, output_field=IntegerField()),
            )
            .values("facet", "key", "label", "n")
        )

    def _total_branch(self):
        return (
            self._filtered()
            .order_by()
            .annotate(
                facet=Value(TOTAL, output_field=CharField()),
                key=Value("", output_field=CharField()),
                label=Value("", output_field=CharField()),
            )
            .values("facet", "key", "label")
            .annotate(n=Count("pk"))
        )

    def _count(self):
        """The one counting query: (total, {param: {value: count}}, {param: {value: name}})
        with the names the database knows (those of choices are added per language)."""
        branches = [self._count_branch(facet) for facet in FACETS]
        for facet in FACETS:
            values = self.filters.get(facet.param)
            if values and facet.names_from is not None:
                branches.append(self._name_branch(facet, values))
        total = 0
        counts = {facet.param: {} for facet in FACETS}
        names = {facet.param: {} for facet in FACETS}
        for row in self._total_branch().union(*branches, all=True):
            if row["facet"] == TOTAL:
                total = row["n"]
                continue
            if row["key"] is None:
                continue
            if row["n"] >= 0:
                counts[row["facet"]][row["key"]] = row["n"]
            if row["label"]:
                names[row["facet"]][row["key"]] = row["label"]
        return total, counts, names

    def cache_key(self):
        """The filters as plain sorted values, for keys of the cache."""
        return sorted(
            (name, sorted(value) if isinstance(value, list) else value)
            for name, value in self.filters.items()
        )

    def count_facets(self):
        """Run the one counting query; sets `total` and `facets` (a FacetView each).

        The same filters give the same counts until content changes, so they are kept in
        the cache (scn_portal.page_cache.cached_data): neither the query nor its building
        is repeated."""
        self.total, views = cached_data(
            "library-facets", self._facet_views, self.cache_key(), get_language()
        )
        self.facets = [
            FacetView(facet, **parts) for facet, parts in zip(FACETS, views, strict=True)
        ]
        return self.facets

    def _facet_views(self):
        """(total, each facet's FacetView fields, its lists already written in HTML): plain
        values, for the cache, in the current language."""
        total, counts, stored_names = self._count()
        views = []
        for facet in FACETS:
            names = {**_choice_names(facet.param), **stored_names[facet.param]}
            view = self._facet_view(facet, counts[facet.param], names)
            views.append(
                {
                    "options": view.options,
                    "more": view.more,
                    "hidden": view.hidden,
                    "unknown": view.unknown,
                    "written_options": view.options_html(),
                    "written_more": view.more_html(),
                }
            )
        return total, views

    def _facet_view(self, facet, counts, names):
        selected = self.filters.get(facet.param, [])
        view = FacetView(facet)
        view.unknown = [value for value in selected if value not in names]
        known_selected = [value for value in selected if value in names]
        by_count = sorted(counts.items(), key=lambda item: (-item[1], str(names.get(item[0]))))
        shown = dict.fromkeys(known_selected)
        for value, _count in by_count[: max(SHOWN_LIMIT - len(shown), 0)]:
            shown.setdefault(value)
        view.hidden = len(set(counts) - set(shown))

        def option(value):
            label = str(names.get(value, value))  # in the current language, for the cache
            return Option(value, label, counts.get(value, 0), value in selected)

        top = {value for value, _count in by_count[:TOP_VALUES]} | set(known_selected)
        if facet.param in ("evidence", "stage"):
            # These have a natural order (least to most evidence; planned to ended).
            order = {value: index for index, value in enumerate(names)}
            sort_key = order.get
        else:
            sort_key = lambda value: str(names.get(value, value)).lower()  # noqa: E731
        for value in sorted(shown, key=sort_key):
            (view.options if value in top else view.more).append(option(value))
        return view

    def active_filters(self, query_dict):
        """(what is on, link that takes it off) for each active filter, in facet order."""
        views = {view.param: view for view in getattr(self, "facets", [])}
        active = []
        if self.query:
            active.append((_("Search: “%s”") % self.query, without(query_dict, "q")))
        for facet in FACETS:
            names = {o.value: o.label for o in views[facet.param].options + views[facet.param].more}
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
