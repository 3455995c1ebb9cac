"""The library's facet counts, from sorted integer sets.

Every published practice has a rank, its place in the library's order (newest first). For
each value of each facet (a region, a country, a city, a theme, a form of extremism, an
evidence level, a stage) and each start year, the index holds the set of ranks of the
practice carrying it, as a compressed bitmap (pyroaring). Counting what ticking a value
would give is then the size of an intersection of sets, a microsecond each, without a query;
and a page of the library without a text query is a slice of the result set, its ranks
turned into ids.

The index is built from one query on the first request after published content changed
(the public content version, scn_portal/page_cache.py), shared with the other workers through
the data cache, and kept in each worker's memory until content changes again; the sets for
100,000 practices take a few megabytes.
"""

import threading
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, DateTimeField, F, IntegerField, Value
from pyroaring import BitMap
from taggit.models import Tag

from cities.models import City, Region
from practices.models import ExtremismForm, Practice, TaggedPractice
from scn_portal.page_cache import cached_data, content_version

# The facets, in the order the library shows them.
PARAMS = ("region", "country", "city", "theme", "form", "evidence", "stage")


@dataclass
class FacetIndex:
    version: str = ""
    order: list = field(default_factory=list)  # the id of the practice at each rank
    ranks: dict = field(default_factory=dict)  # id -> rank
    sets: dict = field(default_factory=lambda: {param: {} for param in PARAMS})
    names: dict = field(default_factory=lambda: {param: {} for param in PARAMS})
    years: dict = field(default_factory=dict)  # start year -> ranks
    everything: BitMap = field(default_factory=BitMap)

    @classmethod
    def build(cls, version=""):
        """The index of the published practice, from ONE query (see `_rows`)."""
        index = cls(version=version)
        members = {param: {} for param in PARAMS}
        years = {}
        ranks = index.ranks
        for kind, pk, region, country, city, evidence, stage, year, name in _rows():
            if kind == PRACTICE:
                rank = len(index.order)
                index.order.append(pk)
                ranks[pk] = rank
                values = zip(
                    ("region", "country", "city", "evidence", "stage"),
                    (region, country, city, evidence, stage),
                    strict=True,
                )
                for param, value in values:
                    if value:
                        members[param].setdefault(value, []).append(rank)
                if year:
                    years.setdefault(year, []).append(rank)
            elif pk is None:
                # `region` holds the slug of a region, city, theme or form, `name` its name.
                index.names[kind][region] = name
            elif pk in ranks:
                members[kind].setdefault(region, []).append(ranks[pk])
        index.sets = {
            param: {value: BitMap(found) for value, found in values.items()}
            for param, values in members.items()
        }
        index.years = {year: BitMap(found) for year, found in years.items()}
        index.everything = BitMap(range(len(index.order)))
        return index

    def __getstate__(self):
        # Kept in the shared cache without `ranks`, which `order` gives back.
        return {**self.__dict__, "ranks": None}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.ranks = {pk: rank for rank, pk in enumerate(self.order)}

    def chosen(self, param, values):
        """The ranks of practice carrying any of `values` of a facet."""
        sets = self.sets[param]
        return BitMap.union(BitMap(), *(sets[value] for value in values if value in sets))

    def in_years(self, start=None, end=None):
        if start is None and end is None:
            return None
        return BitMap.union(
            BitMap(),
            *(
                found
                for year, found in self.years.items()
                if (start is None or year >= start) and (end is None or year <= end)
            ),
        )

    def ranks_of(self, ids):
        ranks = self.ranks
        return BitMap(ranks[pk] for pk in ids if pk in ranks)

    def _ticked(self, selected):
        return {param: self.chosen(param, values) for param, values in selected.items() if values}

    def results(self, selected, within=None):
        """The ranks of the practice carrying the ticked values `selected` ({param: [value,
        ...]}; values within a facet are alternatives, facets combine), within the ranks
        `within` (a text query, a year range) when given."""
        results = self.everything if within is None else self.everything & within
        for found in self._ticked(selected).values():
            results = results & found
        return results

    def count(self, selected, within=None):
        """For each facet, how many results each of its values would give next to the values
        ticked in the other facets: {param: {value: count}}."""
        base = self.everything if within is None else self.everything & within
        ticked = self._ticked(selected)
        counts = {}
        for param in PARAMS:
            others = base
            for other, found in ticked.items():
                if other != param:
                    others = others & found
            if others is self.everything:
                counts[param] = {value: len(found) for value, found in self.sets[param].items()}
            else:
                counts[param] = {
                    value: n
                    for value, found in self.sets[param].items()
                    if (n := found.intersection_cardinality(others))
                }
        return counts

    def page(self, results, start, size):
        """The ids of the practice at positions start .. start + size of `results`, in the
        library's order."""
        order = self.order
        return [order[rank] for rank in results[start : start + size]]


PRACTICE = "practice"


def _branch(queryset, kind, pk=None, slug=None, name=None, **practice):
    text, number = CharField(), IntegerField()
    columns = {
        "f_kind": Value(kind, output_field=text),
        "f_pk": pk if pk is not None else Value(None, output_field=number),
        "f_region": slug if slug is not None else practice.get("region", Value(None, text)),
        "f_country": practice.get("country", Value(None, output_field=text)),
        "f_city": practice.get("city", Value(None, output_field=text)),
        "f_evidence": practice.get("evidence", Value(None, output_field=text)),
        "f_stage": practice.get("stage", Value(None, output_field=text)),
        "f_year": practice.get("year", Value(None, output_field=number)),
        "f_name": name if name is not None else Value(None, output_field=text),
        "f_first": Value(0 if kind == PRACTICE else 1, output_field=number),
        "f_order": practice.get("order", Value(None, output_field=DateTimeField())),
    }
    return queryset.order_by().annotate(**columns).values_list(*columns)


def _rows():
    """Every published practice, newest first, with the values it is counted under; then
    the practice carrying each theme and form, and the names of every value: one UNION ALL,
    read with the database cursor (82,000 rows at 20,000 practices: Django's row objects
    would cost more than the query)."""
    published = Practice.objects.published()
    ids = published.values("pk")
    practice = _branch(
        published,
        PRACTICE,
        pk=F("pk"),
        region=F("city__region__slug"),
        country=F("city__country"),
        city=F("city__slug"),
        evidence=F("evidence_level"),
        stage=F("stage"),
        year=F("start_year"),
        order=F("published_at"),
    )
    forms = Practice.extremism_forms.through.objects.filter(practice__in=ids)
    themes = TaggedPractice.objects.filter(content_object__in=ids)
    branches = [
        # Names: of every region and city, and of the themes and forms practice carries.
        _branch(Region.objects.all(), "region", slug=F("slug"), name=F("name")),
        _branch(City.objects.all(), "city", slug=F("slug"), name=F("name")),
        _branch(
            Tag.objects.filter(pk__in=TaggedPractice.objects.values("tag_id")),
            "theme",
            slug=F("slug"),
            name=F("name"),
        ),
        _branch(ExtremismForm.objects.all(), "form", slug=F("slug"), name=F("name")),
        # Which practice carries which theme and form (the names above).
        _branch(themes, "theme", pk=F("content_object_id"), slug=F("tag__slug")),
        _branch(forms, "form", pk=F("practice_id"), slug=F("extremismform__slug")),
    ]
    sql, params = practice.union(*branches, all=True).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # Ordered here rather than in SQL, where sorting every row of the union costs more than
    # the query: practice first, newest first (the library's order), then the rest.
    practice_rows = [row for row in rows if row[0] == PRACTICE]
    practice_rows.sort(key=lambda row: (row[-1] is not None, row[-1], row[1]), reverse=True)
    for row in practice_rows:
        yield row[:-2]  # without the ordering columns
    for row in rows:
        if row[0] != PRACTICE:
            yield row[:-2]


_current = FacetIndex(version=None)
_building = threading.Lock()


def current():
    """The index of the published practice as it is now: built when published content has
    changed, by the first worker that needs it, which leaves it in the data cache for the
    others (scn_portal.page_cache.cached_data); each keeps it in memory until the next
    change."""
    global _current
    version = content_version()
    if _current.version != version:
        with _building:
            if _current.version != version:
                _current = cached_data("facet-index", lambda: FacetIndex.build(version))
    return _current
