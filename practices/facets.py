"""The library's facet counts, from sorted integer sets.

Every published practice has a rank, its place in the library's order (newest first). For
each value of each facet (a region, a country, a city, a theme, a form of extremism, an
evidence level, a stage, the language it is written in) and each start year, the index
holds the set of ranks of the practice carrying it, as a compressed bitmap (pyroaring).
Counting what ticking a value would give is then the size of an intersection of sets, a
microsecond each, without a query; and a page of the library without a text query is a
slice of the result set, its ranks turned into ids.

The index is built from one query on the first request after published content changed
(the public content version, scn_portal/page_cache.py), shared with the other workers through
the data cache, and kept in each worker's memory until content changes again; the sets for
100,000 practices take a few megabytes.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from pyroaring import BitMap
from taggit.models import Tag

from cities.models import City, Region
from practices.models import ExtremismForm, Practice, TaggedPractice
from scn_portal.page_cache import kept_in_worker

# The facets, in the order the library shows them.
PARAMS = ("region", "country", "city", "theme", "form", "evidence", "stage", "language")


@dataclass
class FacetIndex:
    order: list = field(default_factory=list)  # the id of the practice at each rank
    ranks: dict = field(default_factory=dict)  # id -> rank
    sets: dict = field(default_factory=lambda: {param: {} for param in PARAMS})
    names: dict = field(default_factory=lambda: {param: {} for param in PARAMS})
    years: dict = field(default_factory=dict)  # start year -> ranks
    everything: BitMap = field(default_factory=BitMap)

    @classmethod
    def build(cls):
        """The index of the published practice, from ONE query (see `_grouped`)."""
        index = cls()
        for kind, value, ranks, ids, name in _grouped():
            if kind == ORDER:
                index.order = [0] * len(ranks)
                for rank, pk in zip(ranks, ids, strict=True):
                    index.order[rank] = pk
            elif kind == YEAR:
                if value is not None:
                    index.years[int(value)] = BitMap(ranks)
            elif ranks is None:
                index.names[kind][value] = json.loads(name) if kind in TRANSLATED else name
            elif value:
                index.sets[kind][value] = BitMap(ranks)
        index.ranks = {pk: rank for rank, pk in enumerate(index.order)}
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

    def related(self, themes, region, exclude=None, limit=3):
        """The ids of up to `limit` published practices related to one with the theme slugs
        `themes` in the region slug `region`: those sharing most themes first, then those of
        the same region, then the newest; a practice sharing no theme only when it is of the
        region. `exclude` (an id) is left out: the practice itself."""
        found = [self.sets["theme"][slug] for slug in themes if slug in self.sets["theme"]]
        # at_least[m]: the ranks of the practice sharing at least m of the themes.
        at_least = [self.everything]
        for shared in found:
            at_least.append(BitMap())
            for m in range(len(at_least) - 1, 0, -1):
                at_least[m] = at_least[m] | (at_least[m - 1] & shared)
        at_least.append(BitMap())
        in_region = self.sets["region"].get(region, BitMap())
        skip = BitMap([self.ranks[exclude]]) if exclude in self.ranks else BitMap()
        picked = []
        for m in range(len(found), -1, -1):
            exactly = at_least[m] - at_least[m + 1] - skip
            for part in (exactly & in_region, exactly - in_region if m else BitMap()):
                picked.extend(part[: limit - len(picked)])
                if len(picked) == limit:
                    return [self.order[rank] for rank in picked]
        return [self.order[rank] for rank in picked]

    def page(self, results, start, size):
        """The ids of the practice at positions start .. start + size of `results`, in the
        library's order."""
        order = self.order
        return [order[rank] for rank in results[start : start + size]]


ORDER, YEAR = "order", "year"
# Facets whose values have a name per language: {code: name} in `FacetIndex.names`.
TRANSLATED = {"region", "form"}


def _grouped():
    """The published practice grouped by every value it is counted under, in ONE query:
    rows of (kind, value, ranks, ids, name). Each practice is ranked in the library's order
    (newest first) in the database, and each value of each facet comes with the ranks of the
    practice carrying it, aggregated there (an array on PostgreSQL, JSON on SQLite): some
    hundred rows, whatever the number of practice. One row (ORDER) pairs every rank with
    its practice's id; others carry the names of the values that can be ticked."""
    quote = connection.ops.quote_name
    practice, city, region = (quote(model._meta.db_table) for model in (Practice, City, Region))
    tagged, tag = quote(TaggedPractice._meta.db_table), quote(Tag._meta.db_table)
    links = Practice.extremism_forms.through
    linked, form = quote(links._meta.db_table), quote(ExtremismForm._meta.db_table)
    ranked = (
        Practice.objects.published()
        .order_by()
        .annotate(rank=Window(RowNumber(), order_by=[F("published_at").desc(), F("pk").desc()]) - 1)
        .values_list("pk", "city_id", "evidence_level", "stage", "language", "start_year", "rank")
    )
    ranked_sql, params = ranked.query.sql_with_params()
    postgres = connection.vendor == "postgresql"
    agg = "array_agg" if postgres else "json_group_array"
    text = "text" if postgres else "TEXT"

    # Only constants and the models' quoted table names are formatted into the SQL below.
    def grouped(kind, column, joins=""):
        return (
            f"SELECT '{kind}', CAST({column} AS {text}), {agg}(ranked.rank), NULL, NULL "  # noqa: S608
            f"FROM ranked {joins} GROUP BY {column}"
        )

    def names(kind, table, where=""):
        return f"SELECT '{kind}', slug, NULL, NULL, name FROM {table} {where}"  # noqa: S608

    # Names staff give in each language (translation.py): all of them, as a JSON object
    # ({code: name}); the page picks its language's (practices.filters).
    json_object = "json_build_object" if postgres else "json_object"
    each_language = ", ".join(f"'{code}', name_{code}" for code, _name in settings.LANGUAGES)

    def translated_names(kind, table):
        return (
            f"SELECT '{kind}', slug, NULL, NULL, CAST({json_object}({each_language}) AS {text}) "  # noqa: S608
            f"FROM {table}"
        )

    on_city = f"JOIN {city} c ON c.id = ranked.city_id"
    parts = [
        f"SELECT '{ORDER}', NULL, {agg}(ranked.rank), {agg}(ranked.id), NULL FROM ranked",  # noqa: S608
        grouped("region", "r.slug", f"{on_city} JOIN {region} r ON r.id = c.region_id"),
        grouped("country", "c.country", on_city),
        grouped("city", "c.slug", on_city),
        grouped("evidence", "ranked.evidence_level"),
        grouped("stage", "ranked.stage"),
        grouped("language", "ranked.language"),
        grouped(YEAR, "ranked.start_year"),
        grouped(
            "theme",
            "t.slug",
            f"JOIN {tagged} tp ON tp.content_object_id = ranked.id "
            f"JOIN {tag} t ON t.id = tp.tag_id",
        ),
        grouped(
            "form",
            "f.slug",
            f"JOIN {linked} pf ON pf.practice_id = ranked.id "
            f"JOIN {form} f ON f.id = pf.extremismform_id",
        ),
        translated_names("region", region),
        names("city", city),
        names("theme", tag, f"WHERE id IN (SELECT tag_id FROM {tagged})"),  # noqa: S608
        translated_names("form", form),
    ]
    columns = "id, city_id, evidence_level, stage, language, start_year, rank"
    sql = f"WITH ranked ({columns}) AS ({ranked_sql}) " + " UNION ALL ".join(parts)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for kind, value, ranks, ids, name in rows:
        if not postgres:
            ranks = json.loads(ranks) if ranks is not None else None
            ids = json.loads(ids) if ids is not None else None
        if kind == ORDER:
            ranks, ids = ranks or [], ids or []
        yield kind, value, ranks, ids, name


def current():
    """The index of the published practice as it is now: built when published content has
    changed, by the first worker that needs it, which leaves it in the data cache for the
    others; each keeps it in memory until the next change
    (scn_portal.page_cache.kept_in_worker)."""
    return kept_in_worker("facet-index", FacetIndex.build, shared=True)
