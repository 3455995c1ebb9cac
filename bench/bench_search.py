"""`make bench-search`: how fast the search page answers at scale, through the full view.

Builds a throwaway PostgreSQL database (scn_bench_search) with `load_demo_data --scale`,
then requests /search/?q=... for a set of realistic queries with Django's test client in
this process (DEBUG off, no page cache, no data cache), and prints the median and 95th
percentile time per query and overall, and the SQL queries each page ran.

    python bench/bench_search.py [--practices 20000] [--rounds 30] [--reuse-db]
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
QUERIES = [
    "youth mentoring online radicalisation",
    "returnees reintegration",
    "radicalsation",
    "mediaton",
    '"community policing"',
    "schools -online",
    "youth",
    "police",
    "mentoring",
    "women",
    "hate speech online",
    "Harbour",
    "resilience",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=30, help="requests per query")
    parser.add_argument("--reuse-db", action="store_true", help="keep an existing bench database")
    parser.add_argument("--database", default="scn_bench_search")
    args = parser.parse_args()
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.database):
        parser.error("--database must be a plain lower-case name")
    return args


def run(*command, env):
    print("$", " ".join(command), flush=True)
    subprocess.run(command, cwd=BASE_DIR, env=env, check=True)


def build_database(args, env):
    exists = subprocess.run(
        [
            "psql",
            f"{PG}/postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname='{args.database}'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if exists and args.reuse_db:
        return
    run("psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {args.database}", env=env)
    run("psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {args.database}", env=env)
    run(sys.executable, "manage.py", "migrate", "--no-input", "-v0", env=env)
    run(sys.executable, "manage.py", "createcachetable", env=env)
    started = time.monotonic()
    run(
        sys.executable,
        "manage.py",
        "load_demo_data",
        "--scale",
        "--practices",
        str(args.practices),
        env=env,
    )
    print(f"loaded in {time.monotonic() - started:.1f} s", flush=True)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(args):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from practices.models import Practice

    # Static file names without a collected manifest: a dictionary look-up less per file.
    plain_static = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    override_settings(STORAGES=plain_static).enable()
    client = Client(HTTP_HOST="127.0.0.1")
    published = Practice.objects.published().count()
    print(f"\n{published} published practices; {args.rounds} requests per query\n")
    print(f"{'query':<40} {'results':>8} {'median ms':>10} {'p95 ms':>8} {'SQL':>4}")
    everything = []
    for query in QUERIES:
        statements = []

        def count(execute, sql, params, many, context, statements=statements):
            statements.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get("/search/", {"q": query}, secure=True)
        assert response.status_code == 200, response.status_code
        found = re.search(
            r'search-summary"[^>]*>\s*(More than )?([\d,]+)', response.content.decode()
        )
        timings = []
        for _round in range(args.rounds):
            started = time.perf_counter()
            client.get("/search/", {"q": query}, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
        everything += timings
        print(
            f"{query:<40} {(found.group(2) + ('+' if found.group(1) else '')) if found else 0:>8} "
            f"{statistics.median(timings):>10.1f} {percentile(timings, 0.95):>8.1f} "
            f"{len(statements):>4}"
        )
    print(
        f"{'all queries':<40} {'':>8} {statistics.median(everything):>10.1f} "
        f"{percentile(everything, 0.95):>8.1f}"
    )
    # The same client on a page that does no work: what the machine costs per request.
    baseline = []
    for _round in range(args.rounds):
        started = time.perf_counter()
        client.get("/healthz/", secure=True)
        baseline.append((time.perf_counter() - started) * 1000)
    print(f"{'baseline /healthz/':<40} {'':>8} {statistics.median(baseline):>10.1f}")
    print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main():
    args = parse_args()
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{args.database}",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-search-not-secret-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PAGE_CACHE_SECONDS": "0",
        # Search results are kept in the data cache; this measures the search itself.
        "DATA_CACHE_SECONDS": "0",
        "DJANGO_SETTINGS_MODULE": "scn_portal.settings",
    }
    build_database(args, env)
    os.environ.update(env)
    sys.path.insert(0, str(BASE_DIR))
    measure(args)


if __name__ == "__main__":
    main()
