"""How long the library's facet counts take, cold, at the size of the bench database: the
index built from the database (once per content change and worker), then counting every
facet value under every other active filter for a few filter combinations. Run by
bench/bench.py with the bench server's environment; prints JSON (milliseconds)."""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")

import django  # noqa: E402

django.setup()

from practices import facets  # noqa: E402
from practices.filters import Library  # noqa: E402

COMBINATIONS = {
    "no filter": {},
    "two facets": {"region": ["africa"], "evidence": ["peer_reviewed"]},
    "four facets": {
        "region": ["europe", "africa"],
        "theme": ["youth-engagement"],
        "evidence": ["peer_reviewed", "promising"],
        "stage": ["running"],
    },
    "years": {"year_from": 2010, "year_to": 2020, "theme": ["youth-engagement"]},
    "text query": {"q": "youth mentoring", "region": ["africa"]},
}


def timed(function, times=20):
    spent = []
    for _ in range(times):
        started = time.perf_counter()
        function()
        spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(spent)


def main():
    started = time.perf_counter()
    index = facets.FacetIndex.build()
    build = (time.perf_counter() - started) * 1000
    facets._current = index
    facets.current = lambda: index
    counts = {}
    for name, filters in COMBINATIONS.items():
        # A new Library each time: nothing computed is reused between runs.
        counts[name] = timed(lambda filters=filters: Library(filters).facets)
    print(json.dumps({"practices": len(index.order), "build": build, "count": counts}))


if __name__ == "__main__":
    main()
