"""Where a page's time goes: each page measured by `make bench` is requested in this
process (Django's test client, DEBUG off, no page cache; nothing cached, or with
--data-cache the data and template fragments kept as in `make bench`'s second
configuration) against a bench database built by `make bench`, and its median time is
split into time in the database (every query, timed around its execution) and the rest
(Python: views, templates, middleware, the cache).

    python bench/profile_pages.py [--practices 20000] [--rounds 15] [--page NAME]
        [--profile NAME] [--data-cache]

`--profile NAME` also prints the functions the page spent most time in (cProfile; the
first PROFILE_LINES of them, 40 unless set).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

import bench  # noqa: E402 - the bench's own settings and sample pages


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=20000)
    parser.add_argument("--database", help="default: scn_bench_<practices>")
    parser.add_argument("--rounds", type=int, default=15, help="requests per page")
    parser.add_argument("--page", action="append", help="only these pages (by name)")
    parser.add_argument("--profile", help="print where this page's Python time goes")
    parser.add_argument(
        "--data-cache",
        action="store_true",
        help="keep data and template fragments, as `make bench`'s second configuration",
    )
    args = parser.parse_args()
    args.database = args.database or f"scn_bench_{args.practices}"
    args.page_cache = False
    args.no_data_cache = not args.data_cache
    return args


class Timer:
    """Counts and times every query run through the connection."""

    def __init__(self):
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1


def main():
    args = parse_args()
    env = bench.server_env(args)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")
    os.chdir(BASE_DIR)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    paths = bench.sample_paths(env)
    client = Client()
    print(f"{'page':<28} {'median ms':>10} {'in SQL':>8} {'Python':>8} {'queries':>8}")
    for name, path in paths:
        if args.page and name not in args.page:
            continue
        totals, sql = [], []
        queries = 0
        for _ in range(args.rounds + 1):
            timer = Timer()
            with connection.execute_wrapper(timer):
                started = time.perf_counter()
                response = client.get(path, HTTP_HOST="127.0.0.1")
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (path, response.status_code)
            totals.append(elapsed)
            sql.append(timer.seconds)
            queries = timer.queries
        # The first request warms the process (imports, the facet index): not counted.
        total_ms = statistics.median(totals[1:]) * 1000
        sql_ms = statistics.median(sql[1:]) * 1000
        print(f"{name:<28} {total_ms:>10.1f} {sql_ms:>8.1f} {total_ms - sql_ms:>8.1f} {queries:>8}")
        if name == args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.rounds):
                client.get(path, HTTP_HOST="127.0.0.1")
            profiler.disable()
            lines = int(os.environ.get("PROFILE_LINES", "40"))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(lines)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
