"""`make bench`: how fast the portal serves its pages at scale, as in production.

Builds a throwaway PostgreSQL database (scn_bench_<practices>) with `load_demo_data
--scale`, serves the portal with gunicorn (DEBUG off, whitenoise, Redis cache when Redis
answers on 127.0.0.1:6379, else the database cache: the settings a deployment uses), and
loads each page with wrk at 8 connections. The same server's /healthz/ (a fixed short
response) is the baseline: each page's throughput is printed as a ratio of it, so the figures
mean the same on any machine. Results go to stdout and to docs/benchmarks.md (with the raw
figures in docs/benchmarks.json, from which the growth table between scales is made).

    python bench/bench.py [--practices 20000] [--page-cache] [--no-data-cache] [--reuse-db]
        [--rounds 3] [--duration 4]

Three configurations (issue 17): --no-data-cache, where nothing is kept and every request
reads and draws its page (what the first visitor after a change pays); the default, where
template fragments and data (DATA_CACHE_SECONDS, scn_portal/page_cache.py) are kept as in
production but no response is; and --page-cache, where whole pages are kept for visitors.
Each run also times the facet counts at its size (bench/facet_timing.py).

Each page is measured in rounds, each round the page and then the baseline right after it:
a page's ratio is the median of its rounds' ratios (so a moment of load on the machine, which
may last seconds, moves it little), its requests/s and median latency the medians of its
rounds, and its p99 the worst of its rounds.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8799
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = ("127.0.0.1", 6379)
# Targets (issue 17): each page's throughput as a share of the baseline's, per configuration
# (nothing cached; the data cache and template fragments; the page cache too), and the p99
# latency with nothing cached.
COLD, DATA, PAGE = "nothing cached", "data cache", "page cache"
TARGET_RATIO = {COLD: 0.03, DATA: 0.25, PAGE: 0.7}
TARGET_P99_MS = 250
# With nothing cached, a list page at 100,000 practices keeps this share of its ratio at
# 20,000.
TARGET_GROWTH = 0.8
# Counting every facet value under every other filter, cold, at most (ms).
TARGET_FACETS_MS = {20000: 10, 100000: 40}
LIST_PAGES = {
    "home",
    "city directory",
    "practice library",
    "library, two facets",
    "library, text query",
    "organisations",
    "search page",
    "news",
    "events",
    "resource hub",
    "resource hub, two facets",
    "practice API",
    "practice API, two facets",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=20000)
    parser.add_argument("--cities", type=int, default=1000)
    parser.add_argument("--organisations", type=int, default=500)
    parser.add_argument("--practitioners", type=int, default=5000)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--resources", type=int, default=5000)
    parser.add_argument(
        "--duration", type=int, default=4, help="seconds of load per page per round"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds per page (odd: a median)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument(
        "--page-cache", action="store_true", help="cache whole pages for signed-out visitors"
    )
    parser.add_argument(
        "--no-data-cache",
        action="store_true",
        help="keep nothing in the data cache either (DATA_CACHE_SECONDS=0): every page reads "
        "and draws everything anew",
    )
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="keep the bench database if it holds the data asked for (else it is rebuilt)",
    )
    parser.add_argument("--database", help="default: scn_bench_<practices>")
    parser.add_argument("--output", default=str(BASE_DIR / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    args.database = args.database or f"scn_bench_{args.practices}"
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.database):
        parser.error("--database must be a plain lower-case name")
    return args


def run(*command, env=None, quiet=False):
    print("$", " ".join(command), flush=True)
    subprocess.run(
        command,
        cwd=BASE_DIR,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("wrk is missing: installing it from Debian's packages", flush=True)
    run("apt-get", "update", "-qq")
    run("apt-get", "install", "-y", "-qq", "wrk", quiet=True)


def redis_answers():
    try:
        with socket.create_connection(REDIS, timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def server_env(args):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        {
            "DATABASE_URL": f"{PG}/{args.database}",
            "SECRET_KEY": "benchmark-only-secret-key-not-for-any-deployment-0123456789",
            "DEBUG": "0",
            "SCN_TESTING": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "CACHE_URL": os.environ.get(
                "CACHE_URL", "redis://127.0.0.1:6379/9" if redis_answers() else ""
            ),
            "CACHE_KEY_PREFIX": "scn-bench",
            "PAGE_CACHE_SECONDS": "300" if args.page_cache else "0",
            "DATA_CACHE_SECONDS": "0" if args.no_data_cache else "86400",
            "CONN_MAX_AGE": "600",
            "LOG_LEVEL": "WARNING",
            "STATIC_ROOT": str(BASE_DIR / "var" / "bench-static"),
            # wrk is one client address: the API's rate limit would answer it 429.
            "API_RATE_LIMIT": "100000000/s",
        }
    )
    return env


def psql(database, sql):
    return subprocess.run(
        ["psql", f"{PG}/{database}", "-tAc", sql], capture_output=True, text=True, check=True
    ).stdout.strip()


def holds_the_data(args):
    """Whether the bench database exists and holds the generated rows asked for."""
    if not psql("postgres", f"SELECT 1 FROM pg_database WHERE datname='{args.database}'"):
        return False
    try:
        counts = psql(
            args.database,
            "SELECT (SELECT count(*) FROM practices_practice WHERE slug LIKE 'scale-%'), "
            "(SELECT count(*) FROM cities_city WHERE slug LIKE 'scale-%'), "
            "(SELECT count(*) FROM cities_partnerorganisation WHERE slug LIKE 'scale-%'), "
            "(SELECT count(*) FROM cities_practitioner WHERE slug LIKE 'scale-%'), "
            "(SELECT count(*) FROM news_story WHERE slug LIKE 'scale-%'), "
            "(SELECT count(*) FROM events_event WHERE slug LIKE 'scale-%'), "
            "(SELECT count(*) FROM resources_resource WHERE slug LIKE 'scale-%')",
        )
    except subprocess.CalledProcessError:
        return False
    wanted = (
        args.practices,
        args.cities,
        args.organisations,
        args.practitioners,
        args.stories,
        args.events,
        args.resources,
    )
    return counts == "|".join(str(n) for n in wanted)


def prepare_database(args, env):
    if args.reuse_db and holds_the_data(args):
        # New migrations (indexes) still apply to a kept database.
        run(PYTHON, "manage.py", "migrate", "--no-input", env=env, quiet=True)
        run(PYTHON, "manage.py", "createcachetable", env=env, quiet=True)
        return
    run("psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {args.database}")
    run("psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {args.database}")
    run(PYTHON, "manage.py", "migrate", "--no-input", env=env, quiet=True)
    run(PYTHON, "manage.py", "createcachetable", env=env, quiet=True)
    started = time.monotonic()
    run(
        PYTHON,
        "manage.py",
        "load_demo_data",
        "--scale",
        "--cities",
        str(args.cities),
        "--organisations",
        str(args.organisations),
        "--practitioners",
        str(args.practitioners),
        "--practices",
        str(args.practices),
        "--stories",
        str(args.stories),
        "--events",
        str(args.events),
        "--resources",
        str(args.resources),
        env=env,
    )
    print(f"loaded in {time.monotonic() - started:.1f} s", flush=True)
    run("psql", f"{PG}/{args.database}", "-qc", "VACUUM ANALYZE")


# Run inside the portal (manage.py shell): the sample addresses, built with the portal's own
# URL names and the library's own filter parameters, from rows of the bench data.
SAMPLE_CODE = """
import json
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from cities.models import PartnerOrganisation
from events.models import Event
from news.models import Story
from practices.filters import FACETS_BY_PARAM, LibraryFilterForm
from practices.models import Practice
from resources.models import Resource
from scn_portal import search_views, views

p = (Practice.objects.published().filter(slug__startswith="scale-")
     .select_related("city__region").order_by("pk")[100])
o = (PartnerOrganisation.objects.filter(slug__startswith="scale-", practices__isnull=False)
     .order_by("pk").first())
library = reverse("practices:list")
region, evidence = FACETS_BY_PARAM["region"].param, FACETS_BY_PARAM["evidence"].param
assert "q" in LibraryFilterForm.base_fields
paths = [
    ("baseline", reverse("healthz")),
    ("home", reverse("home")),
    ("city directory", reverse("cities:list")),
    ("city page", p.city.get_absolute_url()),
    ("practice library", library),
    ("library, two facets",
     f"{library}?{region}={p.city.region.slug}&{evidence}={p.evidence_level}"),
    ("library, text query", f"{library}?q=youth+mentoring"),
    ("practice page", p.get_absolute_url()),
    ("organisations", reverse("cities:organisations")),
    ("organisation page", o.get_absolute_url()),
    ("regional hub", p.city.region.get_absolute_url()),
    ("news", reverse("news:list")),
    ("story page",
     Story.objects.published().filter(slug__startswith="scale-").order_by("pk")[100]
     .get_absolute_url()),
    ("events", reverse("events:list")),
    ("event page",
     Event.objects.published().upcoming(timezone.now()).filter(slug__startswith="scale-")
     .first().get_absolute_url()),
    ("practice API", reverse("api:practices_list")),
    ("practice API, two facets",
     reverse("api:practices_list")
     + f"?{region}={p.city.region.slug}&{evidence}={p.evidence_level}"),
    ("resource hub", reverse("resources:list")),
    ("resource hub, two facets", reverse("resources:list") + "?kind=toolkit&language=en"),
    ("resource page",
     Resource.objects.published().filter(slug__startswith="scale-").order_by("pk")[100]
     .get_absolute_url()),
]
if search_views.search is not getattr(views, "_pending", None):
    paths.append(("search page", reverse("search") + "?q=community+policing"))
print("PATHS" + json.dumps(paths))
"""


def sample_paths(env):
    """(name, path) of every page measured, the baseline first."""
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", SAMPLE_CODE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [tuple(pair) for pair in json.loads(out[out.index("PATHS") + 5 :])]


def start_server(args, env):
    run(PYTHON, "manage.py", "collectstatic", "--no-input", "--clear", env=env, quiet=True)
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    server = subprocess.Popen(
        [
            gunicorn,
            "scn_portal.wsgi",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
            # gunicorn.conf.py (workers' threads, preloading) applies, but the access log is
            # written nowhere: a process reading it would compete with the server for the
            # same cores.
            "--access-logfile",
            "/dev/null",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz/", timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def warm(path):
    """Check the page answers 200, and warm it (and any cache) before it is measured."""
    url = f"http://127.0.0.1:{PORT}{path}"
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own server)
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}, not 200")
    # With as many connections as the measurement, so that every worker has drawn the page
    # (and built what it keeps in memory) before it is measured.
    subprocess.run(["wrk", "-t2", "-c8", "-d2s", url], capture_output=True, check=True)


def measure(path, args):
    url = f"http://127.0.0.1:{PORT}{path}"
    out = subprocess.run(
        ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    result = {
        "rps": rps,
        "p50": to_ms(*p50.groups()),
        "p99": to_ms(*p99.groups()),
        "non2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "errors": errors.group(0) if errors else "",
    }
    print(f"  {path}: {rps:.0f} requests/s, p99 {result['p99']:.1f} ms", flush=True)
    return result


def combine(rounds):
    """(page, baseline) figures from the rounds of one page: the medians of requests/s and
    median latency, the worst p99, every error; the page's ratio is the median of the
    rounds' ratios."""

    def merged(runs):
        return {
            "rps": statistics.median(run["rps"] for run in runs),
            "p50": statistics.median(run["p50"] for run in runs),
            "p99": max(run["p99"] for run in runs),
            "non2xx": sum(run["non2xx"] for run in runs),
            "errors": "; ".join(run["errors"] for run in runs if run["errors"]),
        }

    page = merged([page for page, _base in rounds])
    page["ratio"] = statistics.median(page["rps"] / base["rps"] for page, base in rounds)
    return page, merged([base for _page, base in rounds])


def configuration(args):
    if args.page_cache:
        return PAGE
    return COLD if args.no_data_cache else DATA


def verdict(r, config):
    misses = []
    if r["ratio"] < TARGET_RATIO[config]:
        misses.append(f"ratio < {TARGET_RATIO[config]}")
    if config == COLD and r["p99"] >= TARGET_P99_MS:
        misses.append(f"p99 ≥ {TARGET_P99_MS} ms")
    if r["non2xx"] or r["errors"]:
        misses.append("errors")
    return "missed: " + ", ".join(misses) if misses else "met"


def table(rows, config):
    lines = [
        "| page | requests/s | baseline requests/s | ratio | median ms | p99 ms | non-2xx "
        "| target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, path, r, base in rows:
        lines.append(
            f"| {name} (`{path}`) | {r['rps']:.0f} | {base['rps']:.0f} | "
            f"{r['ratio']:.2f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['non2xx']} | "
            f"{verdict(r, config)} |"
        )
    return "\n".join(lines)


def machine():
    """CPU model, cores, memory, and the versions that matter, for the record."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        info = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.*)", info).group(1).strip()
        kb = int(re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    server = psql("postgres", "SHOW server_version").split()[0]
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, PostgreSQL {server}"
    )


HEADER = (
    "# Benchmarks\n\n"
    "Written by `make bench` (bench/bench.py). Each configuration has its own section; the\n"
    "latest run of a configuration replaces its section. Ratios compare each page with the\n"
    "baseline (/healthz/, a fixed short response) measured on the same server right after\n"
    "it, in rounds (the machine's load may drift during a run): a page's ratio is the median\n"
    "of its rounds' ratios, its requests/s and median the medians, its p99 the worst round.\n\n"
    f"Targets: with nothing cached, every page at least {TARGET_RATIO[COLD]} of the baseline\n"
    f"with a p99 under {TARGET_P99_MS} ms, and each list page at 100,000 practices at least\n"
    f"{TARGET_GROWTH} of its ratio at 20,000; with the data cache (and template fragments)\n"
    f"but no page cache, at least {TARGET_RATIO[DATA]}; with the page cache, at least\n"
    f"{TARGET_RATIO[PAGE]}. Facet counts, cold: at most {TARGET_FACETS_MS[20000]} ms at\n"
    f"20,000 practices and {TARGET_FACETS_MS[100000]} ms at 100,000.\n"
)
GROWTH_TITLE = "## Growth from 20,000 to 100,000 practices"


# The title of a configuration's measured section: "## 20,000 practices, page cache".
MEASURED_TITLE = re.compile(r"## [0-9,]+ practices, ")


def write_section(output, title, section):
    """Replace the section headed `title` in `output` where it stands, or add it: a measured
    configuration among the others (in the order of their titles), a growth table at the
    end. Every other section (the notes written by hand) keeps its place."""
    text = output.read_text() if output.exists() else HEADER
    sections = re.split(r"(?m)^(?=## )", text)[1:]
    titles = [s.splitlines()[0] for s in sections]
    if title in titles:
        sections[titles.index(title)] = section
    elif title.startswith(GROWTH_TITLE):
        sections.append(section)
    else:
        measured = [i for i, t in enumerate(titles) if MEASURED_TITLE.match(t)]
        before = [i for i in measured if titles[i] < title]
        at = before[-1] + 1 if before else (measured[0] if measured else 0)
        sections.insert(at, section)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(HEADER + "\n" + "\n".join(s.rstrip() + "\n" for s in sections))


def growth_section(results, config):
    """Each list page's ratio at 100,000 practices against its ratio at 20,000, when both
    scales have been measured in this configuration."""
    small = results.get(f"20000-{config}")
    large = results.get(f"100000-{config}")
    if not small or not large:
        return None
    lines = [
        f"{GROWTH_TITLE}, {config}",
        "",
        "| page | ratio at 20,000 | ratio at 100,000 | kept | target |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, ratio in small["ratios"].items():
        if name not in LIST_PAGES or name not in large["ratios"]:
            continue
        kept = large["ratios"][name] / ratio
        lines.append(
            f"| {name} | {ratio:.2f} | {large['ratios'][name]:.2f} | {kept:.2f} | "
            f"{'met' if kept >= TARGET_GROWTH or config != COLD else 'missed'} |"
        )
    return "\n".join(lines) + "\n"


def facet_timing(env):
    """The facet index's build and counting times at this size (bench/facet_timing.py)."""
    output = subprocess.run(
        [PYTHON, str(BASE_DIR / "bench" / "facet_timing.py")],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def facet_lines(timing, practices):
    target = TARGET_FACETS_MS.get(practices)
    lines = [
        f"Facet counts, cold (bench/facet_timing.py, {timing['practices']:,} published "
        f"practices): the index is built in {timing['build']:.0f} ms, once per content change "
        "and worker; counting every facet value under every other filter takes, median of 20:",
        "",
    ]
    for name, spent in timing["count"].items():
        met = "" if target is None else (" (met)" if spent <= target else " (missed)")
        lines.append(f"- {name}: {spent:.2f} ms{met}")
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    ensure_wrk()
    env = server_env(args)
    print(f"cache: {env['CACHE_URL'] or 'the database cache'}", flush=True)
    prepare_database(args, env)
    paths = sample_paths(env)
    config = configuration(args)
    timing = facet_timing(env)
    server = start_server(args, env)
    try:
        # Each page, then the baseline right after it: on a machine whose load drifts, a
        # page is compared with the baseline of the same moment.
        rows = []
        warm(paths[0][1])
        for name, path in paths[1:]:
            warm(path)
            rounds = [(measure(path, args), measure(paths[0][1], args)) for _ in range(args.rounds)]
            rows.append((name, path, *combine(rounds)))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    baselines = [base["rps"] for _name, _path, _r, base in rows]
    result = table(rows, config)
    state = "on" if args.page_cache else "off"
    heading = (
        f"{args.practices:,} practices, {args.cities:,} cities, "
        f"{args.organisations:,} organisations, {args.practitioners:,} practitioners, "
        f"{args.stories:,} news stories, {args.events:,} events, {args.resources:,} resources; "
        f"page cache {state}; data cache {'off' if args.no_data_cache else 'on'}; "
        f"gunicorn {args.workers} workers; "
        f"wrk {args.connections} connections, {args.rounds} rounds of {args.duration} s per page "
        "and baseline; "
        f"cache {'Redis' if env['CACHE_URL'] else 'database'}"
    )
    print()
    print(heading)
    print(f"baseline: {min(baselines):.0f} to {max(baselines):.0f} requests/s")
    print(result)
    section_title = f"## {args.practices:,} practices, {config}"
    section = (
        f"{section_title}\n\n"
        f"- When: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- Machine: {machine()}\n"
        f"- Data and load: {heading}\n"
        f"- Baseline (measured right after each page, median of its rounds): "
        f"{min(baselines):.0f} to "
        f"{max(baselines):.0f} requests/s\n\n"
        f"{result}\n\n"
        f"{facet_lines(timing, args.practices)}"
    )
    output = Path(args.output)
    write_section(output, section_title, section)

    figures = output.with_suffix(".json")
    results = json.loads(figures.read_text()) if figures.exists() else {}
    key = f"{args.practices}-{config}"
    results[key] = {
        "facets": timing,
        "ratios": {name: r["ratio"] for name, _path, r, _base in rows},
        "rows": {name: {**r, "baseline": base} for name, _path, r, base in rows},
    }
    figures.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    growth = growth_section(results, config)
    if growth:
        print()
        print(growth)
        write_section(output, growth.splitlines()[0], growth)
    print(f"\nwritten to {output}")


if __name__ == "__main__":
    main()
