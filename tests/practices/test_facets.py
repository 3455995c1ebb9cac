"""The facet index (practices/facets.py) counts exactly what filtering the database gives,
for any combination of filters, and pages the results in the library's order."""

import random

import pytest

from practices.filters import Library
from practices.models import Practice, Status
from tests.factories import CityFactory, PracticeFactory, region

pytestmark = pytest.mark.django_db

THEMES = ["youth", "sport", "policing", "schools"]
FORMS = ["far-right", "islamist"]


@pytest.fixture
def library_data():
    rng = random.Random(17)
    cities = [
        CityFactory(region=region(slug), country=country)
        for slug, country in [
            ("europe", "DE"),
            ("europe", "FR"),
            ("africa", "KE"),
            ("asia-pacific", "ID"),
        ]
    ]
    for n in range(40):
        PracticeFactory(
            city=rng.choice(cities),
            themes=rng.sample(THEMES, rng.randint(0, 2)),
            extremism_forms=rng.sample(FORMS, rng.randint(0, 2)),
            evidence_level=rng.choice(Practice.EvidenceLevel.values),
            stage=rng.choice(Practice.Stage.values),
            language=rng.choice(["en", "en", "fr", "ar", "es"]),
            start_year=rng.randint(2005, 2024),
            # Some are not published: they count nowhere.
            status=Status.PUBLISHED if n % 5 else rng.choice([Status.DRAFT, Status.SUBMITTED]),
        )


def values_of(practice):
    city = practice.city
    return {
        "region": {city.region.slug},
        "country": {city.country.code},
        "city": {city.slug},
        "theme": {tag.slug for tag in practice.themes.all()},
        "form": {form.slug for form in practice.extremism_forms.all()},
        "evidence": {practice.evidence_level},
        "stage": {practice.stage},
        "language": {practice.language},
    }


def expected(filters):
    """(ids of the results in order, {param: {value: count}}) computed one practice at a time."""
    rows = list(Practice.objects.published().order_by("-published_at", "-pk"))
    start, end = filters.get("year_from"), filters.get("year_to")
    rows = [
        p
        for p in rows
        if (start is None or p.start_year >= start) and (end is None or p.start_year <= end)
    ]
    carried = {p.pk: values_of(p) for p in rows}

    def matches(practice, skip=None):
        return all(
            carried[practice.pk][param] & set(chosen)
            for param, chosen in filters.items()
            if param in carried[practice.pk] and param != skip and chosen
        )

    counts = {}
    for param in ("region", "country", "city", "theme", "form", "evidence", "stage", "language"):
        counts[param] = {}
        for practice in rows:
            if matches(practice, skip=param):
                for value in carried[practice.pk][param]:
                    counts[param][value] = counts[param].get(value, 0) + 1
    return [p.pk for p in rows if matches(p)], counts


COMBINATIONS = [
    {},
    {"region": ["europe"]},
    {"region": ["europe", "africa"], "theme": ["youth"]},
    {"theme": ["youth", "sport"], "form": ["islamist"], "evidence": ["promising", "effective"]},
    {"country": ["DE"], "stage": ["running"], "year_from": 2010, "year_to": 2020},
    {"year_from": 2015},
    {"theme": ["schools"], "region": ["asia-pacific"], "form": ["far-right"]},
    {"language": ["fr", "es"], "region": ["europe"]},
]


@pytest.mark.parametrize("filters", COMBINATIONS, ids=[str(c) for c in COMBINATIONS])
def test_counts_and_results_equal_filtering_one_practice_at_a_time(library_data, filters):
    ids, counts = expected(filters)
    library = Library(filters)
    assert library.total == len(ids)
    assert [p.pk for p in library.page(0, 100)] == ids
    assert [p.pk for p in library.page(5, 3)] == ids[5:8]
    for view in library.facets:
        shown = {option.value: option.count for option in view.options + view.more}
        wanted = {value: n for value, n in counts[view.param].items() if n}
        ticked = set(filters.get(view.param, []))
        assert {v: n for v, n in shown.items() if n or v not in ticked} == wanted, view.param


def test_a_ticked_region_without_practice_is_named_with_no_results(library_data):
    library = Library({"region": ["north-america"]})
    view = next(v for v in library.facets if v.param == "region")
    assert library.total == 0
    assert not view.unknown
    assert [(o.value, o.count, o.selected) for o in view.options if o.value == "north-america"] == [
        ("north-america", 0, True)
    ]


def test_a_ticked_value_that_does_not_exist_is_reported(library_data):
    view = next(v for v in Library({"city": ["atlantis"]}).facets if v.param == "city")
    assert view.unknown == ["atlantis"]


def test_related_practice_is_ordered_by_shared_themes_then_region_then_newest(library_data):
    """The related practice a practice page shows, from the index, equals ordering every
    other published practice by hand."""
    from practices import facets

    index = facets.current()
    published = list(Practice.objects.published().order_by("-published_at", "-pk"))
    carried = {p.pk: values_of(p) for p in published}
    for practice in published[:12]:
        mine = carried[practice.pk]

        def shared(pk, mine=mine):
            return len(mine["theme"] & carried[pk]["theme"])

        def in_region(pk, mine=mine):
            return carried[pk]["region"] == mine["region"]

        others = [
            p.pk for p in published if p.pk != practice.pk and (shared(p.pk) or in_region(p.pk))
        ]
        # Newest first already: a stable sort keeps that order within ties.
        others.sort(key=lambda pk: (-shared(pk), not in_region(pk)))
        region_slug = next(iter(mine["region"]))
        got = index.related(sorted(mine["theme"]), region_slug, exclude=practice.pk, limit=3)
        assert got == others[:3], practice.title


def test_a_text_query_leaves_out_a_match_the_index_does_not_hold_yet(library_data, monkeypatch):
    # A worker's index was built before the newest practice was published (the next request
    # builds it again, for the new content version): a text query matching that practice
    # counts and shows only what the index holds, rather than failing.
    from practices import facets

    PracticeFactory(title="Harbour mentoring circles", status=Status.PUBLISHED)
    index = facets.FacetIndex.build()
    newest = PracticeFactory(title="Harbour mentoring days", status=Status.PUBLISHED)
    monkeypatch.setattr(facets, "current", lambda: index)

    library = Library({"q": "harbour mentoring"})

    assert library.total == 1
    assert [practice.title for practice in library.page(0, 20)] == ["Harbour mentoring circles"]
    assert newest.pk not in index.ranks
