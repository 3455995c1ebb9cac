"""`make run` serves where it says: the sign-in addresses it prints and the links the pages
carry (canonical, feeds) use the HOST and PORT it was given."""

import shutil
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="needs make")


def planned_commands(*args, env=None):
    """What `make run` would do, without doing it (`make -n`)."""
    result = subprocess.run(
        [MAKE, "-n", "run", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.splitlines()


def command(lines, name):
    return next(line for line in lines if f"manage.py {name}" in line)


def test_make_run_tells_the_sign_in_address_it_serves():
    lines = planned_commands("HOST=127.0.0.9", "PORT=8159", env={"PATH": "/usr/bin:/bin"})
    assert "SITE_URL=http://127.0.0.9:8159 " in command(lines, "demo_accounts")
    runserver = command(lines, "runserver")
    assert "SITE_URL=http://127.0.0.9:8159 " in runserver
    assert runserver.endswith("runserver 127.0.0.9:8159")


def test_make_run_loads_the_demo_data_and_accounts_before_serving():
    lines = planned_commands(env={"PATH": "/usr/bin:/bin"})
    order = [command(lines, name) for name in ("migrate", "load_demo_data", "demo_accounts")]
    assert [lines.index(line) for line in order] == sorted(lines.index(line) for line in order)
    assert lines.index(order[-1]) < lines.index(command(lines, "runserver 127.0.0.1:8000"))
