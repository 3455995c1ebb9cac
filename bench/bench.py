"""`make bench`: how fast the portal serves its pages at scale, as in production.

Builds a throwaway PostgreSQL database with `load_demo_data --scale`, serves the portal
with gunicorn (DEBUG off, whitenoise, Redis cache, the settings a deployment uses), and
loads each page with wrk at 8 connections. The same server's /healthz/ (a fixed short
response) is the baseline: each page's throughput is printed as a ratio of it, so the figures
mean the same on any machine. Results go to stdout and to docs/benchmarks.md.

    python bench/bench.py [--practices 20000] [--page-cache] [--duration 10]
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PORT = 8799
PG = "postgres://postgres@127.0.0.1:5432"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=20000)
    parser.add_argument("--cities", type=int, default=1000)
    parser.add_argument("--organisations", type=int, default=500)
    parser.add_argument("--practitioners", type=int, default=5000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument(
        "--page-cache", action="store_true", help="cache whole pages for signed-out visitors"
    )
    parser.add_argument("--reuse-db", action="store_true", help="keep an existing bench database")
    parser.add_argument("--database", default="scn_bench")
    parser.add_argument("--output", default=str(BASE_DIR / "docs" / "benchmarks.md"))
    args = parser.parse_args()
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
            "CACHE_URL": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/9"),
            "CACHE_KEY_PREFIX": "scn-bench",
            "PAGE_CACHE_SECONDS": "300" if args.page_cache else "0",
            "CONN_MAX_AGE": "600",
            "LOG_LEVEL": "WARNING",
            "STATIC_ROOT": str(BASE_DIR / "var" / "bench-static"),
        }
    )
    return env


def prepare_database(args, env):
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
    run("psql", f"{PG}/postgres", "-qc", f"DROP DATABASE IF EXISTS {args.database}")
    run("psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {args.database}")
    run(PYTHON, "manage.py", "migrate", "--no-input", env=env, quiet=True)
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
        env=env,
    )
    print(f"loaded in {time.monotonic() - started:.1f} s", flush=True)
    run(
        PYTHON,
        "manage.py",
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection; c = connection.cursor(); c.execute('VACUUM ANALYZE')",
        env=env,
        quiet=True,
    )


def sample_paths(env):
    """Real addresses of one city, one practice and two facet values in the bench data."""
    code = (
        "from cities.models import City, Region; from practices.models import Practice;"
        "p = Practice.objects.published().select_related('city__region').order_by('pk')[100];"
        "print(p.city.slug, p.slug, p.city.region.slug, p.evidence_level)"
    )
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    city, practice, region, evidence = out[-4:]
    return [
        ("baseline (/healthz/)", "/healthz/"),
        ("home", "/"),
        ("city directory", "/cities/"),
        ("city page", f"/cities/{city}/"),
        ("practice library", "/practices/"),
        ("library, two facets", f"/practices/?region={region}&evidence={evidence}"),
        ("library, text query", "/practices/?q=youth+mentoring"),
        ("practice page", f"/practices/{practice}/"),
        ("organisations", "/organisations/"),
        ("search page", "/search/?q=community+policing"),
    ]


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


def measure(path, args):
    url = f"http://127.0.0.1:{PORT}{path}"
    # Warm the page (and any cache) first, then measure.
    subprocess.run(["wrk", "-t2", "-c2", "-d2s", url], capture_output=True, check=True)
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
    return {
        "rps": rps,
        "p50": to_ms(*p50.groups()),
        "p99": to_ms(*p99.groups()),
        "non2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "errors": errors.group(0) if errors else "",
    }


def table(rows, baseline):
    lines = [
        "| page | requests/s | ratio to baseline | median ms | p99 ms | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path, r in rows:
        lines.append(
            f"| {name} (`{path}`) | {r['rps']:.0f} | {r['rps'] / baseline:.2f} | "
            f"{r['p50']:.1f} | {r['p99']:.1f} | {r['non2xx']} |"
        )
    return "\n".join(lines)


HEADER = (
    "# Benchmarks\n\n"
    "Written by `make bench` (bench/bench.py). Each configuration has its own section; the\n"
    "latest run of a configuration replaces its section. Ratios compare each page with the\n"
    "baseline (/healthz/, a fixed short response) measured in the same run on the same server.\n"
)


def write_section(output, title, section):
    """Replace the section headed `title` in `output` (or add it), keeping the others."""
    text = output.read_text() if output.exists() else HEADER
    sections = re.split(r"(?m)^(?=## )", text)
    head, rest = sections[0], [s for s in sections[1:] if not s.startswith(title + "\n")]
    rest.append(section)
    rest.sort(key=lambda s: s.splitlines()[0])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(head.rstrip() + "\n\n" + "\n".join(r.rstrip() + "\n" for r in rest))


def main():
    args = parse_args()
    ensure_wrk()
    env = server_env(args)
    prepare_database(args, env)
    paths = sample_paths(env)
    server = start_server(args, env)
    try:
        rows = [(name, path, measure(path, args)) for name, path in paths]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    baseline = rows[0][2]["rps"]
    result = table(rows, baseline)
    machine = (
        f"{platform.node()}: {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, "
        + subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    )
    heading = (
        f"{args.practices:,} practices, {args.cities:,} cities, "
        f"{args.organisations:,} organisations, {args.practitioners:,} practitioners; "
        f"page cache {'on' if args.page_cache else 'off'}; gunicorn {args.workers} workers; "
        f"wrk {args.connections} connections, {args.duration} s per page"
    )
    print()
    print(heading)
    print(result)
    section_title = (
        f"## {args.practices:,} practices, page cache {'on' if args.page_cache else 'off'}"
    )
    section = (
        f"{section_title}\n\n"
        f"- When: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- Machine: {machine}\n"
        f"- Data and load: {heading}\n\n"
        f"{result}\n"
    )
    output = Path(args.output)
    write_section(output, section_title, section)
    print(f"\nwritten to {output}")


if __name__ == "__main__":
    main()
