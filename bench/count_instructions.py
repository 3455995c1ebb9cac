"""How many machine instructions one request of a page costs in Python, counted by valgrind's
callgrind: the same count for the same code and data whatever else the machine is doing,
where timings on a shared 2-core machine swing by a third or more between minutes. For
comparing two versions of the code on one page; PostgreSQL's own work (another process) is
not counted.

    python bench/count_instructions.py --page "city directory" [--practices 20000] [--requests 5]

Needs valgrind (Debian's package) and the database `make bench` built at that size. The page
is requested in one process (Django's test client, DEBUG off, nothing cached: as
bench/profile_pages.py does) three times to warm it, then --requests more times; the count
is the difference between a run with and one without those requests, per request.
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WARM = 3


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", required=True, help="a page's name, as bench.py prints it")
    parser.add_argument("--practices", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=5)
    return parser.parse_args()


def serve(page, practices, requests):
    """In the process valgrind runs: request `page` WARM + `requests` times."""
    sys.path.insert(0, str(BASE_DIR))
    sys.path.insert(0, str(BASE_DIR / "bench"))
    import bench

    sys.argv = ["bench.py", "--practices", str(practices), "--no-data-cache"]
    env = bench.server_env(bench.parse_args())
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scn_portal.settings")
    os.chdir(BASE_DIR)
    import django

    django.setup()
    from django.test import Client

    path = dict(bench.sample_paths(env))[page]
    client = Client()
    for _ in range(WARM + requests):
        response = client.get(path, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, (path, response.status_code)


def count(page, practices, requests):
    """Instructions of a run with `requests` requests after the warming ones."""
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--page",
            page,
            "--practices",
            str(practices),
            "--requests",
            str(requests),
        ],
        # Python's hashing salted the same way each run, so each counts the same work.
        env={**os.environ, "PYTHONHASHSEED": "0", "COUNT_INSTRUCTIONS_INSIDE": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.search(r"Collected : (\d+)", run.stderr).group(1))


def main():
    args = parse_args()
    if os.environ.get("COUNT_INSTRUCTIONS_INSIDE"):
        serve(args.page, args.practices, args.requests)
        return
    warm_only = count(args.page, args.practices, 0)
    with_requests = count(args.page, args.practices, args.requests)
    per_request = (with_requests - warm_only) / args.requests
    print(f"{args.page}: {per_request / 1e6:.1f} million instructions per request")


if __name__ == "__main__":
    main()
